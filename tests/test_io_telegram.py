"""framing.io.telegram: read_telegram and clean_telegram_text."""

from __future__ import annotations

import json
import warnings

import pytest

import framing
from conftest import shared_path
from framing._errors import LoadError, LoadWarning
from framing.io.telegram import clean_telegram_text


def test_io_telegram_clean_text():
    d = clean_telegram_text("🔥 **Главное** за __день__: [читать](https://example.org/a) https://t.me/x/1 ||тайна||")
    assert d["text"] == "Главное за день: читать тайна"
    assert d["links"] == ["https://example.org/a", "https://t.me/x/1"]
    assert d["emoji"] == "🔥"
    d = clean_telegram_text("Без VPN: ____bit.ly/example__ #новости @channel_name")
    assert d["text"] == "Без VPN: #новости @channel_name"
    assert d["links"] == ["bit.ly/example"] and d["hashtags"] == ["новости"] and d["mentions"] == ["channel_name"]
    assert clean_telegram_text("Обычный текст.")["text"] == "Обычный текст."


def test_io_telegram_dump_shape(data_dir):
    with pytest.warns(LoadWarning, match="empty text"):
        c = framing.read_telegram(data_dir / "io" / "telegram" / "channel.json")
    d = c.docs.set_index("doc_id")
    assert list(d.index) == ["Пример Новости/101", "Пример Новости/102", "Пример Новости/104"]
    first = d.loc["Пример Новости/101"]
    assert first["outlet"] == "Пример Новости"
    assert first["text"] == "Срочно: в столице прошел сильный снегопад, сообщили в мэрии.\n\nПодписывайтесь:"
    assert list(first["links"]) == ["https://example.org/news/1", "https://t.me/example_news"]
    assert first["raw_text"].startswith("⚡️**Срочно**") and first["emoji"] == "⚡️"
    assert first["category"] == "weather" and first["message_id"] == 101
    assert str(first["published"]) == "2024-12-01 07:30:00+00:00"
    assert d.loc["Пример Новости/104", "text"] == "Старая Новая версия: спойлер и код"
    # the post that was only a link is recorded, not silently dropped
    assert c.problems["doc_id"].tolist() == ["Пример Новости/103"]


def test_io_telegram_desktop_export(data_dir):
    with pytest.warns(LoadWarning):
        c = framing.read_telegram(data_dir / "io" / "telegram" / "result.json")
    d = c.docs.set_index("doc_id")
    assert list(d.index) == ["Тестовый канал/2", "Тестовый канал/4"]  # service message left out
    m = d.loc["Тестовый канал/2"]
    assert m["text"] == "Уряд оголосив про нові заходи підтримки. Деталі: тут"
    assert list(m["links"]) == ["https://example.org/a", "https://example.org/b"]
    assert m["lang"] == "uk" and m["emoji"] == "🔥" and m["views"] == 1200
    assert str(m["published"]) == "2024-11-01 13:00:00+00:00"  # from date_unixtime
    assert d.loc["Тестовый канал/4", "lang"] == "en"
    assert d.loc["Тестовый канал/4", "forwarded_from"] == "Other Channel"
    assert c.problems.loc[0, "location"] == "message 3"


def test_io_telegram_truncated_and_broken_files(tmp_path, data_dir):
    posts = [{"message_id": i, "channel": "C", "date": "2024-12-01T10:00:00+00:00",
              "text": f"Новость номер {i}: власти сообщили о ремонте дорог."} for i in range(10)]
    text = json.dumps(posts, ensure_ascii=False, indent=2)
    (tmp_path / "cut.json").write_text(text[: len(text) // 2], encoding="utf-8")
    (tmp_path / "cp1251.json").write_bytes(json.dumps(posts[:2], ensure_ascii=False).replace('"C"', '"D"')
                                           .encode("cp1251"))
    (tmp_path / "empty.json").write_bytes(b"")
    (tmp_path / "other.json").write_text('{"hello": 1}', encoding="utf-8")
    with pytest.warns(LoadWarning) as rec:
        c = framing.read_telegram(tmp_path)
    assert len(rec) == 1  # one summarising warning
    outlets = c.docs["outlet"].value_counts().to_dict()
    assert outlets["D"] == 2 and 2 <= outlets["C"] < 10
    reasons = " | ".join(c.problems["reason"])
    assert "truncated JSON" in reasons and "empty file" in reasons and "Telegram Desktop" in reasons
    with pytest.raises(LoadError):
        framing.read_telegram(tmp_path, strict=True)


def test_io_telegram_outlet_override(data_dir):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        c = framing.read_telegram(data_dir / "io" / "telegram", outlet="mine", lang="ru")
    assert set(c.docs["outlet"]) == {"mine"} and set(c.docs["lang"]) == {"ru"}


@pytest.mark.slow
def test_io_telegram_real_sample():
    root = shared_path("telegram_ru_2024", "raw")
    expected = {}
    for f in sorted(root.glob("*.json")):
        for m in json.loads(f.read_text(encoding="utf-8")):
            expected[f"{m['channel']}/{m['message_id']}"] = m["channel"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        c = framing.read_telegram(root)
    assert len(expected) == 8449
    assert len(c) == 8449 and len(c.problems) == 0
    d = c.docs
    assert dict(zip(d["doc_id"], d["outlet"])) == expected
    assert len(c.outlets) == 9
    assert (d["lang"] == "ru").mean() > 0.99
    assert d["published"].notna().all()
    assert not d["text"].str.contains(r"\*\*|\]\(http", regex=True).any()
    # headlines: the title is the start of the text; BBC Russian writes most as a bold first line
    assert all(tx.startswith(ti) for ti, tx in zip(d["title"], d["text"]))
    assert (d.loc[d["outlet"] == "BBC News | Русская служба", "title"] != "").mean() > 0.5
    assert len(c.meta["sources"]) == 9


def test_io_telegram_desktop_all_chats_export(tmp_path):
    export = {"about": "export", "chats": {"list": [
        {"name": "Канал А", "type": "public_channel", "id": 1, "messages": [
            {"id": 10, "type": "message", "date": "2024-11-02T10:00:00", "date_unixtime": "1730541600",
             "text": [{"type": "italic", "text": "Власти сообщили"}, " о новых правилах."]}]},
        {"name": "Канал Б", "type": "public_channel", "id": 2, "messages": [
            {"id": 10, "type": "message", "date": "2024-11-02T11:00:00", "date_unixtime": "1730545200",
             "text": "Власти сообщили о новых правилах движения."}]},
    ]}}
    (tmp_path / "result.json").write_text(json.dumps(export, ensure_ascii=False), encoding="utf-8")
    c = framing.read_telegram(tmp_path / "result.json", progress=True)
    assert c.docs["doc_id"].tolist() == ["Канал А/10", "Канал Б/10"]
    assert c.docs.loc[0, "text"] == "Власти сообщили о новых правилах."
    assert c.outlets == ["Канал А", "Канал Б"]


def test_io_telegram_bold_first_line_becomes_title(tmp_path):
    body = "Решение вступит в силу в марте, сообщили в правительстве."
    posts = [
        {"message_id": 1, "channel": "C", "date": "2024-12-01T10:00:00+00:00",
         "text": f"📹**Евросоюз снизил охранный статус волков — на них разрешат охотиться**\n\n{body}"},
        # the closing marks on the next line, as BBC Russian writes them
        {"message_id": 2, "channel": "C", "date": "2024-12-01T10:00:00+00:00",
         "text": f"**Парламент Южной Кореи готовится объявить импичмент президенту. Голосование завтра\n**\n{body}"},
        # only the start of the line is bold: a lead, not a headline
        {"message_id": 3, "channel": "C", "date": "2024-12-01T10:00:00+00:00",
         "text": f"**Западная Украина может вступить в НАТО, **как Западная Германия. Об этом пишут.\n{body}"},
        # a bold line that is the whole post is the text, not a title
        {"message_id": 4, "channel": "C", "date": "2024-12-01T10:00:00+00:00", "text": "**Только заголовок**"},
        # a long first paragraph of several sentences, not bold: no title
        {"message_id": 5, "channel": "C", "date": "2024-12-01T10:00:00+00:00",
         "text": f"Власти сообщили о новых мерах. Они вступят в силу завтра.\n\n{body}"},
        # a single short first line alone above the body
        {"message_id": 6, "channel": "C", "date": "2024-12-01T10:00:00+00:00",
         "text": f"Двухлетний мальчик сбежал из детского сада в Подмосковье.\n\n{body}"},
    ]
    (tmp_path / "p.json").write_text(json.dumps(posts, ensure_ascii=False), encoding="utf-8")
    d = framing.read_telegram(tmp_path / "p.json").docs.set_index("message_id")
    assert d.loc[1, "title"] == "Евросоюз снизил охранный статус волков — на них разрешат охотиться"
    assert d.loc[2, "title"] == "Парламент Южной Кореи готовится объявить импичмент президенту. Голосование завтра"
    assert d.loc[3, "title"] == "" and d.loc[4, "title"] == "" and d.loc[5, "title"] == ""
    assert d.loc[6, "title"] == "Двухлетний мальчик сбежал из детского сада в Подмосковье."
    # the text is the whole post, exactly as before: the title is its start
    for mid, post in zip(d.index, posts):
        assert d.loc[mid, "text"] == clean_telegram_text(post["text"])["text"]
        assert d.loc[mid, "text"].startswith(d.loc[mid, "title"])
    assert d.loc[1, "text"] == f"Евросоюз снизил охранный статус волков — на них разрешат охотиться\n\n{body}"


def test_io_telegram_bold_entity_becomes_title(tmp_path):
    export = {"name": "Канал", "type": "public_channel", "id": 1, "messages": [
        {"id": 1, "type": "message", "date": "2024-11-02T10:00:00", "date_unixtime": "1730541600",
         "text": ["🔥", {"type": "bold", "text": "Власти ввели новые правила"}, "\n\nОни вступят в силу завтра, "
                  "сообщили в ", {"type": "text_link", "text": "мэрии", "href": "https://example.org"}, "."]},
        {"id": 2, "type": "message", "date": "2024-11-02T10:00:00", "date_unixtime": "1730541600",
         "text": [{"type": "italic", "text": "Власти ввели новые правила. Они вступят в силу завтра"},
                  "\nПодробности позже."]},
    ]}
    (tmp_path / "result.json").write_text(json.dumps(export, ensure_ascii=False), encoding="utf-8")
    d = framing.read_telegram(tmp_path / "result.json").docs.set_index("message_id")
    assert d.loc[1, "title"] == "Власти ввели новые правила"
    assert d.loc[1, "text"] == "Власти ввели новые правила\n\nОни вступят в силу завтра, сообщили в мэрии."
    assert d.loc[2, "title"] == ""
