"""framing.io.datasets: read_bsnlp, read_ods_news, read_mediacloud."""

from __future__ import annotations

import gzip
import warnings

import pytest

import framing
from conftest import shared_path
from framing._errors import LoadWarning
from framing.io.datasets import domain_of, repair_ods_newlines


def test_io_datasets_domain_of():
    assert domain_of("https://www.rbc.ru/politics/1") == "rbc.ru"
    assert domain_of("http://m.example.com.ua/x") == "example.com.ua"
    assert domain_of("www.example.org") == "example.org"
    assert domain_of("") == "" and domain_of(None) == ""


# --- BSNLP -------------------------------------------------------------------
def test_io_datasets_bsnlp_fixture(data_dir):
    with pytest.warns(LoadWarning, match="title is used as the text"):
        c = framing.read_bsnlp(data_dir / "io" / "bsnlp")
    d = c.docs.set_index("doc_id")
    assert list(d.index) == ["elections/ru-1", "elections/ru-2", "elections/uk-1"]  # annotated/ ignored
    assert d["outlet"].tolist() == ["example-news.ru", "example-daily.ru", "example.com.ua"]
    assert d["lang"].tolist() == ["ru", "ru", "uk"]
    assert d.loc["elections/uk-1", "declared_lang"] == "uk"  # 'ua' in the file
    assert d.loc["elections/ru-2", "text"] == "Кандидаты ждут итогов голосования"  # CRLF, empty body
    assert d["published"].isna().tolist() == [False, True, False]
    assert d.loc["elections/ru-1", "topic"] == "elections"


def test_io_datasets_bsnlp_bad_file(tmp_path):
    (tmp_path / "short.txt").write_text("id-only\n", encoding="utf-8")
    (tmp_path / "ok.txt").write_text("ru-5\nru\n2020-01-01\nhttps://news.example.ru/1\nЗаголовок\nТекст новости о выборах.\n",
                                     encoding="cp1251")
    with pytest.warns(LoadWarning, match="not a BSNLP raw file"):
        c = framing.read_bsnlp(tmp_path)
    assert c.docs["doc_id"].tolist() == ["ru-5"] and c.docs.loc[0, "outlet"] == "news.example.ru"


@pytest.mark.slow
def test_io_datasets_bsnlp_real():
    root = shared_path("bsnlp2021")
    files = sorted(root.glob("*/raw/*/*.txt"))
    expected = {}
    for f in files:
        lines = f.read_text(encoding="utf-8-sig").splitlines()
        expected[f"{f.parents[2].name}/{lines[0].strip()}"] = domain_of(lines[3])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LoadWarning)  # a few bodies are empty: title used as text
        c = framing.read_bsnlp(root, progress=False)
    assert len(c) == len(files) == len(expected)
    d = c.docs
    assert dict(zip(d["doc_id"], d["outlet"])) == expected
    assert set(c.problems["action"]) <= {"repaired"}
    assert set(d["lang"]) == {"ru", "uk"}


# --- ODS ---------------------------------------------------------------------------
def test_io_datasets_ods_repair_newlines():
    assert repair_ods_newlines("Итоги дня.nnВ Москве прошел дождь.n«Цитата», — сказал он.") == \
        "Итоги дня.\n\nВ Москве прошел дождь.\n«Цитата», — сказал он."
    assert repair_ods_newlines("изданиеnABC News сообщило") == "издание\nABC News сообщило"
    # Latin words keep their n; texts that already have newlines are left alone
    assert repair_ods_newlines("Iran and London.") == "Iran and London."
    assert repair_ods_newlines("Строка.\nnВторая") == "Строка.\nnВторая"


def test_io_datasets_ods_fixture(data_dir, tmp_path):
    src = data_dir / "io" / "ods" / "rt.csv"
    gz = tmp_path / "rt-002.csv.gz"
    gz.write_bytes(gzip.compress(src.read_bytes().replace(b"https://example.rt/a/", b"https://example.rt/b/")))
    c = framing.read_ods_news([src, gz])
    d = c.docs
    assert len(d) == 4 and set(d["outlet"]) == {"rt.com"}
    first = d.set_index("doc_id").loc["https://example.rt/a/1"]
    assert first["text"] == ("Как считает эксперт, ситуация стабильна.\n\nНа рынке нет резких колебаний.\n"
                             "«Мы ожидаем роста», — сказал он.")
    assert str(first["published"]) == "2019-06-26 11:00:00+00:00"  # Moscow time → UTC
    assert first["views"] == 120 and first["topics"] == "Россия"
    assert first["edition"] is None or first["edition"] != first["edition"]  # '-' is missing
    assert len(c.meta["sources"]) == 2


def test_io_datasets_ods_real_samples():
    root = shared_path("corus_ods_samples")
    c = framing.read_ods_news(root)
    assert len(c) == 63 and len(c.problems) == 0
    assert c.outlets == ["gazeta.ru", "interfax.ru", "iz.ru", "meduza.io", "ria.ru", "rt.com", "tass.ru"]
    assert c.docs["published"].notna().all()
    assert c.docs["text"].str.contains("\n").mean() > 0.5  # newlines repaired


# --- Media Cloud ---------------------------------------------------------------------
def test_io_datasets_mediacloud(data_dir):
    c = framing.read_mediacloud(data_dir / "io" / "mediacloud")
    d = c.docs.set_index("doc_id")
    assert list(d.index) == ["a1b2", "c3d4", "e5f6", "1001", "1002"]
    assert d.loc["a1b2", "outlet"] == "example.com.ua"
    assert d.loc["e5f6", "outlet"] == "example.com"  # media_name empty: domain of media_url
    assert d.loc["1002", "outlet"] == "Example UA"
    assert d["lang"].tolist() == ["uk", "ru", "en", "ru", "uk"]
    assert d["text_is_title"].all() and d.loc["c3d4", "text"] == d.loc["c3d4", "title"]
    assert str(d.loc["e5f6", "published"]) == "2024-03-01 08:00:00+00:00"


def test_io_datasets_mediacloud_with_text_and_bad_row(tmp_path):
    p = tmp_path / "mc.csv"
    p.write_text("stories_id,publish_date,title,url,media_name,text\n"
                 "1,2021-01-01,Заголовок,https://a.example/1,A,Полный текст новости о бюджете.\n"
                 "2,2021-01-02,Broken,row\n", encoding="utf-8")
    with pytest.warns(LoadWarning, match="fields where the header"):
        c = framing.read_mediacloud(p)
    assert c.docs.loc[0, "text"] == "Полный текст новости о бюджете." and not c.docs.loc[0, "text_is_title"]
