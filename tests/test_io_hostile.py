"""Loaders under hostile input (issue 13): nothing lost, nothing silently wrong.

Each ``test_io_hostile_fNN_*`` is one finding of the issue, written to fail
before the fix; the ``test_io_hostile_property_*`` tests run the generators of
``tests/strategies.py`` with a small fixed budget (``benchmarks/robustness.py``
runs them with a larger one).
"""

from __future__ import annotations

import gzip
import io
import json
import os
import random
import re
import sys
import warnings
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings

import framing
from framing._errors import LoadError, SchemaError

sys.path.insert(0, str(Path(__file__).resolve().parent))
import strategies as S  # noqa: E402

RU = ["Жители района заявили, что новый мост через реку открыли вечером.",
      "Министр экономики сообщил о росте цен на продукты в столице.",
      "Депутаты приняли бюджет на следующий год после долгих переговоров."]


def load(fn, *args, **kw):
    """Call a loader with its summarising LoadWarning silenced."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return fn(*args, **kw)


def reasons(c) -> str:
    return " | ".join(c.problems["reason"].astype(str))


def posts(n: int, seed: int = 0, words=S.RU_WORDS) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(S.sentence(rng, words) for _ in range(2)) for _ in range(n)]


# --- 1 ----------------------------------------------------------------------------------------
def test_io_hostile_f01_lone_surrogate_is_replaced_and_recorded(tmp_path):
    line = '{"id": "a", "text": "Мост открыт \\ud83d сегодня."}'
    good = '{"id": "b", "text": "Второй документ."}'
    (tmp_path / "s.jsonl").write_text(line + "\n" + good + "\n", encoding="utf-8")
    c = load(framing.read_jsonl, tmp_path / "s.jsonl")
    assert c.docs["text"].tolist() == ["Мост открыт \ufffd сегодня.", "Второй документ."]
    assert "surrogate" in reasons(c)
    (tmp_path / "s.json").write_text("[" + line + "," + good + "]", encoding="utf-8")
    c = load(framing.read_json, tmp_path / "s.json")
    assert len(c) == 2 and "surrogate" in reasons(c)
    (tmp_path / "t.json").write_text('[{"message_id": 1, "channel": "c", "text": "Пост \\udc00 текст."}]')
    c = load(framing.read_telegram, tmp_path / "t.json")
    assert c.docs["text"].tolist() == ["Пост \ufffd текст."] and "surrogate" in reasons(c)
    df = pd.DataFrame({"doc_id": ["a"], "text": ["Текст \ud83d здесь."]}, dtype=object)
    c = framing.Corpus.from_frame(df)
    assert c.docs["text"].tolist() == ["Текст \ufffd здесь."]
    assert c.problems.loc[0, "action"] == "repaired" and c.problems.loc[0, "doc_id"] == "a"


# --- 2 ----------------------------------------------------------------------------------------
def _ods_bytes(n=12):
    rows = "".join(f'2019-08-10 06:35:00,https://ria.example/{i}.html,ria.ru,Мир,,Заголовок {i},"{RU[i % 3]}",70\n'
                   for i in range(n))
    return ("date,url,edition,topics,authors,title,text,views\n" + rows).encode("utf-8")


@pytest.mark.parametrize("loader", ["read_csv", "read_ods_news", "read_mediacloud"])
def test_io_hostile_f02_damaged_csv_gz_never_raises(tmp_path, loader):
    data = gzip.compress(_ods_bytes(), mtime=0)
    fn = getattr(framing, loader)
    kw = {"text": "text"} if loader == "read_csv" else {}
    kept_some = 0
    for k in range(10, len(data), max(1, len(data) // 60)):
        bad = bytearray(data)
        bad[k] ^= 0x5A
        p = tmp_path / f"d{k}.csv.gz"
        p.write_bytes(bytes(bad))
        try:
            c = load(fn, p, **kw)
        except (SchemaError, LoadError) as exc:  # a header destroyed: the documented refusal
            assert str(p) in str(exc)
            continue
        texts = set(c.docs["text"])
        if not texts <= set(RU):
            assert len(c.problems), f"byte {k}: texts changed without a problem"
        kept_some += len(c)
        p.unlink()
    assert kept_some


# --- 3 ----------------------------------------------------------------------------------------
def test_io_hostile_f03_file_without_text_column_does_not_lose_the_folder(tmp_path):
    (tmp_path / "good.csv").write_text("id,text\n1,\"" + RU[0] + "\"\n", encoding="utf-8")
    (tmp_path / "other.csv").write_text("id,colour\n2,red\n", encoding="utf-8")
    c = load(framing.read_csv, tmp_path)
    assert c.docs["doc_id"].tolist() == ["1"]
    assert c.problems.loc[0, "source"].endswith("other.csv") and "text" in c.problems.loc[0, "reason"]
    j = tmp_path / "j"
    j.mkdir()
    (j / "good.jsonl").write_text(json.dumps({"id": 1, "text": RU[1]}, ensure_ascii=False) + "\n", encoding="utf-8")
    (j / "other.jsonl").write_text('{"id": 2, "colour": "red"}\n')
    c = load(framing.read_jsonl, j)
    assert c.docs["doc_id"].tolist() == ["1"] and "other.jsonl" in c.problems.loc[0, "source"]
    q = tmp_path / "q"
    q.mkdir()
    pd.DataFrame({"id": ["1"], "text": [RU[2]]}).to_parquet(q / "good.parquet")
    pd.DataFrame({"id": ["2"], "colour": ["red"]}).to_parquet(q / "other.parquet")
    c = load(framing.read_parquet, q)
    assert c.docs["doc_id"].tolist() == ["1"] and "other.parquet" in c.problems.loc[0, "source"]
    with pytest.raises(SchemaError, match="other.csv"):
        framing.read_csv(tmp_path, strict=True)
    # no file at all has the column asked for: the mapping is wrong, said at once
    with pytest.raises(SchemaError, match="which column holds the text"):
        load(framing.read_csv, tmp_path / "other.csv")


# --- 4 ----------------------------------------------------------------------------------------
def test_io_hostile_f04_telegram_odd_fields_are_recorded(tmp_path):
    p = tmp_path / "t.json"
    p.write_text(json.dumps([{"id": 1, "date_unixtime": "abc", "text": RU[0]},
                             {"id": 2, "text": 5}, {"id": 3, "text": True}], ensure_ascii=False))
    c = load(framing.read_telegram, p)
    assert c.docs["text"].tolist() == [RU[0], "5"]
    r = reasons(c)
    assert "date_unixtime" in r and "'text' is a int" in r and "'text' is a bool" in r
    p.write_text(json.dumps({"chats": {"list": [{"messages": 5}, {"name": "B", "messages": [
        {"id": 1, "type": "message", "text": RU[1]}]}]}}, ensure_ascii=False))
    c = load(framing.read_telegram, p)
    assert c.docs["doc_id"].tolist() == ["B/1"] and "not a list of messages" in reasons(c)


# --- 5 ----------------------------------------------------------------------------------------
def _desktop(texts, name="Канал"):
    msgs = [{"id": i, "type": "message", "date": "2024-12-01T10:00:00", "date_unixtime": "1733047200",
             "text": [{"type": "bold", "text": "Новость"}, " " + t], "text_entities": []}
            for i, t in enumerate(texts, 1)]
    return {"name": name, "type": "public_channel", "id": 7, "messages": msgs}


def test_io_hostile_f05_truncated_desktop_export_is_salvaged(tmp_path):
    texts = posts(100)
    s = json.dumps(_desktop(texts), ensure_ascii=False, indent=1)
    p = tmp_path / "result.json"
    p.write_text(s[: int(len(s) * 0.995)], encoding="utf-8")
    c = load(framing.read_telegram, p)
    assert len(c) == 99
    assert c.docs["text"].tolist() == ["Новость " + t for t in texts[:99]]
    assert "truncated JSON" in c.problems.loc[0, "reason"]
    s = json.dumps({"chats": {"list": [_desktop(texts[:50], "A"), _desktop(texts[50:], "B")]}}, ensure_ascii=False)
    p.write_text(s[:-300], encoding="utf-8")
    c = load(framing.read_telegram, p)
    assert len(c) >= 98 and c.docs["doc_id"].iloc[-1].startswith("B/") and len(c.problems) == 1
    q = tmp_path / "wrapped.json"
    s = json.dumps({"meta": {"n": 3}, "documents": [{"id": i, "text": t} for i, t in enumerate(texts[:10])]},
                   ensure_ascii=False)
    q.write_text(s[:-40], encoding="utf-8")
    c = load(framing.read_json, q)
    assert c.docs["text"].tolist() == texts[:9] and len(c.problems) == 1


# --- 6 ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("sep", ["\u2028", "\x85", "\u2029"])
def test_io_hostile_f06_unicode_line_separators_never_split_a_record(tmp_path, sep):
    docs = [{"id": "a", "text": "Первая строка" + sep + "вторая строка."}, {"id": "b", "text": RU[0]}]
    lines = "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs)
    (tmp_path / "u16.jsonl").write_bytes(lines.encode("utf-16"))
    c = load(framing.read_jsonl, tmp_path / "u16.jsonl")
    assert c.docs["text"].tolist() == ["Первая строка\nвторая строка.", RU[0]] and not len(c.problems)
    (tmp_path / "as.json").write_text(lines, encoding="utf-8")
    c = load(framing.read_json, tmp_path / "as.json")
    assert c.docs["text"].tolist() == ["Первая строка\nвторая строка.", RU[0]] and not len(c.problems)


# --- 7 ----------------------------------------------------------------------------------------
def test_io_hostile_f07_raw_control_characters_in_json_strings(tmp_path):
    raw = ['{"id": "a", "text": "Слово\tслово."}', '{"id": "b", "text": "Строка\rвторая."}',
           '{"id": "c", "text": "' + RU[0] + '"}']
    (tmp_path / "c.jsonl").write_text("\n".join(raw) + "\n", encoding="utf-8", newline="")
    c = load(framing.read_jsonl, tmp_path / "c.jsonl")
    assert c.docs["doc_id"].tolist() == ["a", "b", "c"]
    assert c.docs["text"].tolist()[:2] == ["Слово\tслово.", "Строка\nвторая."]
    assert list(c.problems["reason"]).count("raw control characters inside a JSON string; read leniently") == 2
    (tmp_path / "c.json").write_text("[" + ",\n".join(raw).replace("вторая", "\nвторая") + "]", encoding="utf-8")
    c = load(framing.read_json, tmp_path / "c.json")
    assert c.docs["doc_id"].tolist() == ["a", "b", "c"] and "leniently" in reasons(c)


# --- 8 ----------------------------------------------------------------------------------------
def _mixed(texts, encs, fmt):
    out = []
    for i, (t, e) in enumerate(zip(texts, encs)):
        if fmt == "jsonl":
            out.append(json.dumps({"id": i, "text": t}, ensure_ascii=False).encode(e))
        else:
            out.append(f'{i},"{t}"'.encode(e))
    head = [] if fmt == "jsonl" else [b"id,text"]
    return b"\n".join(head + out) + b"\n"


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
@pytest.mark.parametrize("mix", ["utf8-cp1251-koi8r", "cp1251+10%koi8r", "utf8+10%cp1251"])
def test_io_hostile_f08_mixed_encodings_are_decided_per_line(tmp_path, fmt, mix):
    texts = posts(200, seed=8)
    rng = random.Random(8)
    if mix == "utf8-cp1251-koi8r":
        encs = [rng.choice(["utf-8", "cp1251", "koi8-r"]) for _ in texts]
    elif mix == "cp1251+10%koi8r":
        encs = ["koi8-r" if rng.random() < 0.1 else "cp1251" for _ in texts]
    else:
        encs = ["cp1251" if rng.random() < 0.1 else "utf-8" for _ in texts]
    p = tmp_path / f"m.{fmt}"
    p.write_bytes(_mixed(texts, encs, fmt))
    c = load(framing.read_jsonl if fmt == "jsonl" else framing.read_csv, p)
    assert c.docs["text"].tolist() == texts
    pages = [e for e in encs if e != "utf-8"]
    # every line read in another code page than the file's main one is recorded, with its line
    odd = min(pages.count(e) for e in set(pages)) if len(set(pages)) > 1 else len(pages)
    assert len(c.problems) >= odd and set(c.problems["action"]) <= {"repaired"}
    assert c.problems["location"].str.match(r"line \d+").all()


def test_io_hostile_f08_stray_byte_and_cut_character_stay_utf8(tmp_path):
    (tmp_path / "z.txt").write_bytes("Zürich liegt am See.\nDer Bericht endet hier.\n".encode() + b"Ende \xff.\n")
    c = load(framing.read_texts, tmp_path / "z.txt", title=None)
    assert c.docs.loc[0, "text"].startswith("Zürich liegt am See.") and "ZГјrich" not in c.docs.loc[0, "text"]
    assert c.problems.loc[0, "location"] == "line 3"
    data = json.dumps([{"id": 1, "text": "Мост"}, {"id": 2, "text": "Второй документ"}], ensure_ascii=False).encode()
    (tmp_path / "cut.json").write_bytes(data[:-6])  # inside "т"
    c = load(framing.read_json, tmp_path / "cut.json")
    assert c.docs["text"].tolist() == ["Мост"] and c.meta["sources"][0].get("encoding") is None


@pytest.mark.parametrize("enc", ["utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be"])
def test_io_hostile_f08_bomless_wide_encodings_and_odd_length(tmp_path, enc):
    data = json.dumps([{"id": 1, "text": RU[0]}, {"id": 2, "text": RU[1]}], ensure_ascii=False).encode(enc)
    (tmp_path / "w.json").write_bytes(data)
    c = load(framing.read_json, tmp_path / "w.json")
    assert c.docs["text"].tolist() == RU[:2] and not len(c.problems)
    if "16" in enc:
        (tmp_path / "w.json").write_bytes(data[:-1])  # cut in the middle of the closing bracket
        c = load(framing.read_json, tmp_path / "w.json")
        assert c.docs["text"].tolist() == RU[:2] and len(c.problems)


# --- 9 ----------------------------------------------------------------------------------------
def test_io_hostile_f09_utf16_csv_quoted_header_and_bomless_big_endian(tmp_path):
    body = '"id","text"\n"a","' + RU[0] + '"\n"b","' + RU[1] + '"\n'
    (tmp_path / "h.csv").write_bytes(body.encode("utf-16"))
    c = load(framing.read_csv, tmp_path / "h.csv")
    assert c.docs["doc_id"].tolist() == ["a", "b"] and not len(c.problems)
    (tmp_path / "h.csv").write_bytes(body.encode("utf-16-be"))
    c = load(framing.read_csv, tmp_path / "h.csv")
    assert c.docs["doc_id"].tolist() == ["a", "b"] and c.docs["text"].tolist() == RU[:2]
    lines = "".join(json.dumps({"id": k, "text": t}, ensure_ascii=False) + "\n" for k, t in zip("ab", RU))
    (tmp_path / "be.jsonl").write_bytes(lines.encode("utf-16-be"))
    c = load(framing.read_jsonl, tmp_path / "be.jsonl")
    assert c.docs["doc_id"].tolist() == ["a", "b"] and not len(c.problems)


# --- 10 ---------------------------------------------------------------------------------------
def test_io_hostile_f10_unbalanced_csv_quote_is_reported_and_rows_after_kept(tmp_path):
    RU = [t.replace(",", "") for t in globals()["RU"]]
    p = tmp_path / "q.csv"
    p.write_text(f"id,text,source\n1,{RU[0]},ria\n2,\"{RU[1]},ria\n3,{RU[2]},ria\n4,Ещё одна новость.,ria\n",
                 encoding="utf-8")
    c = load(framing.read_csv, p)
    assert c.docs["doc_id"].tolist() == ["1", "3", "4"]
    assert c.problems["location"].tolist() == ["line 3"] and "unbalanced quote" in c.problems.loc[0, "reason"]
    # the quote closed by a later quoted field: the damaged row is skipped, the others kept
    p.write_text(f'id,text,source\n1,"{RU[0]},ria\n2,"{RU[1]}",ria\n3,"{RU[2]}",ria\n', encoding="utf-8")
    c = load(framing.read_csv, p)
    assert c.docs["doc_id"].tolist() == ["2", "3"] and c.problems["location"].tolist() == ["line 2"]
    # a stray quote inside one line is read leniently, recorded
    p.write_text(f'id,text,source\n1,"{RU[0]}"x,ria\n2,{RU[1]},ria\n', encoding="utf-8")
    c = load(framing.read_csv, p)
    assert c.docs["doc_id"].tolist() == ["1", "2"] and c.problems["action"].tolist() == ["repaired"]


def test_io_hostile_f10_many_unbalanced_quotes_stay_bounded(tmp_path, monkeypatch):
    from framing.io import _csvfile as tables

    monkeypatch.setattr(tables, "CSV_ROW_MAX_LINES", 50)
    p = tmp_path / "q.csv"
    # every row opens a quote: after CSV_MAX_QUOTE_ERRORS errors each line is read on its own
    p.write_text("id,text\n" + "".join(f'{i},"Текст номер {i}\n' for i in range(300)), encoding="utf-8")
    c = load(framing.read_csv, p)
    assert len(c) == 300 - tables.CSV_MAX_QUOTE_ERRORS
    assert "each line is read as one row" in reasons(c)
    # a quote opened and never closed in a long file: the row stops at CSV_ROW_MAX_LINES, the rest is kept
    p.write_text('id,text\n0,"open\n' + "".join(f"{i},Текст номер {i}\n" for i in range(1, 300)), encoding="utf-8")
    c = load(framing.read_csv, p)
    assert len(c) == 299 and c.problems["location"].tolist() == ["line 2"]


# --- 11 ---------------------------------------------------------------------------------------
def _warc(gz: bool, n: int = 10) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    for i in range(n):
        page = (f"<html><head><title>Страница {i}</title></head><body><article><h1>Страница {i}</h1>"
                f"<p>{RU[i % 3]} Номер {i}.</p><p>{RU[(i + 1) % 3]}</p></article></body></html>")
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(f"https://site.example/{i}", "response",
                                            payload=io.BytesIO(page.encode()), http_headers=http,
                                            warc_headers_dict={"WARC-Record-ID": f"<urn:uuid:r{i}>"}))
    return buf.getvalue()


def test_io_hostile_f11_warc_junk_and_wrong_content_length(tmp_path):
    pytest.importorskip("warcio")
    p = tmp_path / "a.warc.gz"
    p.write_bytes(b"J" * 300 + _warc(True))
    c = load(framing.read_warc, p)
    assert len(c) == 10 and c.problems.loc[0, "reason"].startswith("300 byte(s) before the first record")
    plain = _warc(False)
    starts = [m.start() for m in re.finditer(rb"WARC/1\.[01]\r\n", plain)]
    q = tmp_path / "b.warc"
    q.write_bytes(plain[:starts[3]] + b"garbage" + plain[starts[3]:])
    c = load(framing.read_warc, q)
    assert len(c) == 10 and len(c.problems) == 1
    m = re.search(rb"Content-Length: (\d+)", plain)
    full = load(framing.read_warc, _write(tmp_path / "ok.warc", plain)).docs["text"].tolist()
    for wrong in (int(m.group(1)) + 5000, int(m.group(1)) - 50, b"12x4"):
        data = plain[:m.start(1)] + str(wrong).encode() + plain[m.end(1):] if not isinstance(wrong, bytes) \
            else plain[:m.start(1)] + wrong + plain[m.end(1):]
        c = load(framing.read_warc, _write(q, data))
        assert c.docs["text"].tolist() == full
        assert "Content-Length" in c.problems.loc[0, "reason"] and c.problems.loc[0, "location"] == "byte 0"


def _write(p: Path, data: bytes) -> Path:
    p.write_bytes(data)
    return p


# --- 12 ---------------------------------------------------------------------------------------
def test_io_hostile_f12_mixed_type_metadata_survives_parquet(tmp_path):
    c = framing.Corpus(pd.DataFrame({"doc_id": ["a", "b", "c"], "text": RU, "views": ["1.2K", 1200, None]}))
    with pytest.warns(UserWarning, match="views"):
        c.to_parquet(tmp_path / "c.parquet")
    back = framing.Corpus.read_parquet(tmp_path / "c.parquet")
    views = back.docs["views"].tolist()
    assert views[:2] == ["1.2K", "1200"] and pd.isna(views[2])
    assert back.problems["reason"].tolist() == ["metadata column 'views' mixes int, str; stored as text"]
    # an integer beyond 64 bits is stored as text too
    c = framing.Corpus(pd.DataFrame({"doc_id": ["a", "b"], "text": RU[:2], "n": [10**30, 1]}))
    with pytest.warns(UserWarning, match="'n' holds int values"):
        c.to_parquet(tmp_path / "n.parquet")
    assert framing.Corpus.read_parquet(tmp_path / "n.parquet").docs["n"].tolist() == [str(10**30), "1"]


# --- 13 ---------------------------------------------------------------------------------------
def test_io_hostile_f13_missing_doc_id_is_generated_and_recorded():
    df = pd.DataFrame({"doc_id": ["a", None, float("nan"), "  "], "text": RU + ["Четвёртый."],
                       "outlet": ["x", "x", "y", "y"]}, dtype=object)
    c = framing.Corpus(df)
    assert c.docs["doc_id"].tolist() == ["a", "doc000001", "doc000002", "doc000003"]
    assert c.problems["reason"].str.startswith("missing doc_id").sum() == 3
    counts = c.docs.groupby("outlet")["doc_id"].count().to_dict()
    assert counts == {"x": 2, "y": 2}


# --- 16 (loader part) -------------------------------------------------------------------------
@pytest.mark.timeout(60)
def test_io_hostile_f16_symlink_loops_neither_hang_nor_repeat(tmp_path):
    d = tmp_path / "d"
    (d / "a" / "b").mkdir(parents=True)
    (d / "x.jsonl").write_text(json.dumps({"text": RU[0]}, ensure_ascii=False) + "\n", encoding="utf-8")
    (d / "a" / "b" / "y.jsonl").write_text(json.dumps({"text": RU[1]}, ensure_ascii=False) + "\n", encoding="utf-8")
    try:
        os.symlink("../..", d / "a" / "b" / "loop")
        os.symlink("..", d / "a" / "loop2")
    except OSError:
        pytest.skip("symbolic links are not available here")
    for src in (str(d / "**" / "*.jsonl"), d):
        c = load(framing.read_jsonl, src)
        assert sorted(c.docs["text"]) == sorted(RU[:2])
        assert "symbolic link" in reasons(c)


def test_io_hostile_f16_unreadable_subfolder_is_recorded(tmp_path, monkeypatch):
    (tmp_path / "ok").mkdir()
    (tmp_path / "locked").mkdir()
    (tmp_path / "ok" / "a.jsonl").write_text(json.dumps({"text": RU[0]}, ensure_ascii=False) + "\n", encoding="utf-8")
    real = os.scandir

    def scandir(path="."):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    c = load(framing.read_jsonl, tmp_path)
    assert len(c) == 1 and "unreadable folder: Permission denied" in reasons(c)
    assert c.problems.loc[0, "source"].endswith("locked")


def test_io_hostile_f16_empty_jsonl_and_warc_are_recorded(tmp_path):
    (tmp_path / "e.jsonl").write_bytes(b"")
    (tmp_path / "g.jsonl").write_text(json.dumps({"text": RU[0]}, ensure_ascii=False) + "\n", encoding="utf-8")
    c = load(framing.read_jsonl, tmp_path)
    assert len(c) == 1 and c.problems["reason"].tolist() == ["empty file"]
    for junk in (b"\xff\xfe", b"\xef\xbb\xbf", "\u2028 \x1c\n".encode()):  # a BOM or blanks only
        (tmp_path / "e.jsonl").write_bytes(junk)
        c = load(framing.read_jsonl, tmp_path)
        assert len(c) == 1 and c.problems["reason"].str.startswith("empty file").tolist() == [True]
    (tmp_path / "e.json").write_text("[]")
    (tmp_path / "g.json").write_text(json.dumps([{"text": RU[0]}], ensure_ascii=False), encoding="utf-8")
    c = load(framing.read_json, tmp_path)
    assert len(c) == 1 and c.problems["reason"].tolist() == ["no documents: the list is empty"]
    pytest.importorskip("warcio")
    (tmp_path / "e.warc").write_bytes(b"")
    c = load(framing.read_warc, tmp_path / "e.warc")
    assert c.problems["reason"].tolist() == ["empty file"]


def test_io_hostile_f16_feed_with_doctype_as_str_and_bytes():
    rss = ('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY e "x">]><rss version="2.0"><channel><title>Wire</title>'
           '<item><guid>v1</guid><title>Bridge</title><description>The new bridge opened in the city.'
           '</description></item></channel></rss>')
    for src in (rss, rss.encode("utf-8")):
        c = load(framing.read_feed, src)
        assert c.docs["text"].tolist() == ["The new bridge opened in the city."]
    c = load(framing.read_feed, b"\x00\x01 not a feed")
    assert len(c) == 0 and "not an RSS or Atom feed" in reasons(c)


@pytest.mark.parametrize("depth", [10, 254, 300, 1000])
def test_io_hostile_f16_deeply_nested_html_keeps_its_text(tmp_path, depth):
    text = " ".join(S.sentence(random.Random(depth), S.EN_WORDS, (10, 14)) for _ in range(4))
    (tmp_path / "p.html").write_text(S.nested_html(depth, text), encoding="utf-8")
    c = load(framing.read_html, tmp_path / "p.html")
    assert c.docs["text"].tolist() == [text]
    assert ("nested" in reasons(c)) == (depth > 200)


# --- the properties ---------------------------------------------------------------------------
#: examples per loader in the suite (benchmarks/robustness.py runs more)
BUDGET = 25


@pytest.mark.parametrize("loader", S.LOADERS)
def test_io_hostile_property_good_documents_intact_problems_recorded(tmp_path_factory, loader):
    if loader == "read_warc":
        pytest.importorskip("warcio")
    seen = []

    @settings(max_examples=BUDGET, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    @given(S.cases_for(loader))
    def check(case):
        out = S.check_case(case, tmp_path_factory.mktemp("case"), timeout=60)
        seen.append(out)
        assert not out.crash, out.crash
        assert not out.hang, f"{case.kind}: no result within 60 s"
        assert not out.changed, f"{case.kind}: {out.changed}"

    check()
    assert len(seen) >= BUDGET // 2
