"""framing.io.tables: read_jsonl, read_json, read_csv (and TSV), read_parquet."""

from __future__ import annotations

import gzip
import json
import warnings

import pandas as pd
import pytest

import framing
from framing import Corpus
from framing._errors import LoadError, LoadWarning, OptionError, SchemaError

RU = "Правительство сообщило о новых планах по развитию транспорта в регионах."
UK = "Уряд повідомив про нові плани розвитку транспорту в регіонах."


def _jsonl(tmp_path, lines, name="docs.jsonl", encoding="utf-8"):
    p = tmp_path / name
    p.write_bytes("\n".join(lines).encode(encoding))
    return p


# --- JSON Lines ------------------------------------------------------------
def test_io_tables_jsonl_fixture_keeps_good_lines(data_dir):
    with pytest.warns(LoadWarning, match="read_jsonl: 4 problem"):
        c = framing.read_jsonl(data_dir / "io" / "tables" / "news.jsonl", text="body", title="headline")
    d = c.docs
    assert d["doc_id"].tolist() == ["n1", "n2", "n4", "n1__2"]
    assert d["lang"].tolist() == ["ru", "uk", "en", "ru"]
    assert d["outlet"].tolist()[:3] == ["agency_a", "agency_b", "agency_c"]  # "source" recognised
    assert str(d.loc[2, "published"]) == "2024-05-01 14:00:00+00:00"  # unix seconds
    assert d.loc[0, "tags"] == ["politics"]
    p = c.problems
    assert p["location"].tolist() == ["line 3", "line 7", "line 5", "line 6"]
    assert "truncated" in p["reason"].iloc[1]
    assert p["action"].tolist() == ["skipped", "skipped", "skipped", "renamed"]
    assert c.meta["loader"] == "read_jsonl" and len(c.meta["sources"][0]["sha256"]) == 64


def test_io_tables_jsonl_strict_raises_first_problem(data_dir):
    with pytest.raises(LoadError, match=r"line 3: malformed JSON"):
        framing.read_jsonl(data_dir / "io" / "tables" / "news.jsonl", text="body", strict=True)


@pytest.mark.parametrize("encoding", ["cp1251", "utf-16", "utf-8-sig", "koi8-r"])
def test_io_tables_jsonl_encodings(tmp_path, encoding):
    lines = [json.dumps({"id": i, "text": RU + f" Номер {i}."}, ensure_ascii=False) for i in range(3)]
    c = framing.read_jsonl(_jsonl(tmp_path, lines, encoding=encoding))
    assert len(c) == 3 and c.docs.loc[0, "text"].startswith("Правительство")
    assert len(c.problems) == 0


def test_io_tables_jsonl_bad_bytes_on_one_line(tmp_path):
    good = [json.dumps({"id": i, "text": RU}, ensure_ascii=False).encode() for i in range(3)]
    bad = json.dumps({"id": 9, "text": UK}, ensure_ascii=False).encode("cp1251")
    p = tmp_path / "mixed.jsonl"
    p.write_bytes(b"\n".join(good[:2] + [bad] + good[2:]))
    with pytest.warns(LoadWarning):
        c = framing.read_jsonl(p)
    assert len(c) == 4
    assert c["9"]["text"] == UK  # the cp1251 line decoded, not lost
    assert c.problems.loc[0, "location"] == "line 3" and c.problems.loc[0, "action"] == "repaired"


def test_io_tables_jsonl_empty_file_and_outlet_constant(tmp_path):
    (tmp_path / "empty.jsonl").write_bytes(b"")
    _jsonl(tmp_path, [json.dumps({"body": RU})], name="one.jsonl")
    c = framing.read_jsonl(tmp_path, outlet="RT", lang="ru")
    assert c.docs[["doc_id", "outlet", "lang"]].values.tolist() == [["one-1", "RT", "ru"]]


def test_io_tables_jsonl_mapping_errors(tmp_path):
    p = _jsonl(tmp_path, [json.dumps({"body": RU})])
    with pytest.raises(SchemaError, match="no column 'content'"):
        framing.read_jsonl(p, text="content")
    q = _jsonl(tmp_path, [json.dumps({"x": RU})], name="x.jsonl")
    with pytest.raises(SchemaError, match="which column holds the text"):
        framing.read_jsonl(q)
    with pytest.raises(OptionError, match="strict"):
        framing.read_jsonl(p, strict="yes")
    with pytest.raises(OptionError, match="tz"):
        framing.read_jsonl(p, tz="Mars/Olympus")
    with pytest.raises(LoadError, match="nothing to read"):
        framing.read_jsonl(tmp_path / "absent.jsonl")


def test_io_tables_jsonl_non_object_and_blank_lines(tmp_path):
    p = _jsonl(tmp_path, [json.dumps({"text": RU}), "", "[1, 2]", json.dumps({"text": UK})])
    with pytest.warns(LoadWarning, match="not a JSON object"):
        c = framing.read_jsonl(p)
    assert c.docs["doc_id"].tolist() == ["docs-1", "docs-4"]


# --- JSON ---------------------------------------------------------------------
def test_io_tables_json_object_with_articles(data_dir):
    c = framing.read_json(data_dir / "io" / "tables" / "news.json", doc_id="uid")
    d = c.docs
    assert d["doc_id"].tolist() == ["j1", "j2"]
    assert d["outlet"].tolist() == ["city_news", "misto"]
    assert d["lang"].tolist() == ["ru", "uk"]
    assert d["published"].astype(str).tolist() == ["2024-06-01 06:00:00+00:00"] * 2


def test_io_tables_json_truncated_array_keeps_elements(tmp_path):
    docs = [{"id": f"d{i}", "text": RU} for i in range(5)]
    text = json.dumps(docs, ensure_ascii=False, indent=1)
    p = tmp_path / "cut.json"
    p.write_text(text[: int(len(text) * 0.7)], encoding="utf-8")
    with pytest.warns(LoadWarning, match="truncated"):
        c = framing.read_json(p)
    assert 2 <= len(c) < 5
    assert c.docs["doc_id"].tolist() == [f"d{i}" for i in range(len(c))]


def test_io_tables_json_records_key_and_bad_file(tmp_path):
    p = tmp_path / "nested.json"
    p.write_text(json.dumps({"data": {"items": [{"text": RU}, "oops"]}}), encoding="utf-8")
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    with pytest.warns(LoadWarning):
        c = framing.read_json(tmp_path, records="data.items")
    assert len(c) == 1
    reasons = " | ".join(c.problems["reason"])
    assert "malformed JSON" in reasons and "not a JSON object" in reasons


# --- CSV / TSV ---------------------------------------------------------------------
def test_io_tables_csv_fixture(data_dir):
    with pytest.warns(LoadWarning, match="8 fields where the header has 6"):
        c = framing.read_csv(data_dir / "io" / "tables" / "news.csv")
    d = c.docs
    assert d["doc_id"].tolist() == ["c1", "c2", "c4"]
    assert d.loc[1, "text"] == "Уряд повідомив про нові плани.\nДругий абзац новини."
    assert d["lang"].tolist() == ["ru", "uk", "en"]
    assert c.problems.loc[0, "location"] == "line 5"


def test_io_tables_tsv_sniffed_with_mapping(data_dir):
    c = framing.read_csv(data_dir / "io" / "tables" / "news.tsv", doc_id="doc", text="body", outlet="media")
    assert c.docs[["doc_id", "outlet", "lang"]].values.tolist() == [["t1", "site_a", "ru"], ["t2", "site_b", "uk"]]


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-u", "utf-16", "utf-8-sig"])
def test_io_tables_csv_encodings(tmp_path, encoding):
    p = tmp_path / "t.csv"
    p.write_bytes(f"id;text;source\n1;{RU};a\n2;\"{UK}\";b\n".encode(encoding))
    c = framing.read_csv(p)
    assert c.docs["text"].tolist() == [RU, UK]
    assert len(c.problems) == 0


def test_io_tables_csv_gzip_and_truncated_gzip(tmp_path):
    rows = "id,text\n" + "".join(f"{i},\"{RU} {i}\"\n" for i in range(200))
    blob = gzip.compress(rows.encode("utf-8"))
    (tmp_path / "ok.csv.gz").write_bytes(blob)
    assert len(framing.read_csv(tmp_path / "ok.csv.gz")) == 200
    (tmp_path / "cut.csv.gz").write_bytes(blob[: len(blob) // 2])
    with pytest.warns(LoadWarning, match="damaged or truncated"):
        c = framing.read_csv(tmp_path / "cut.csv.gz")
    assert 0 < len(c) < 200


def test_io_tables_csv_empty_file(tmp_path):
    (tmp_path / "empty.csv").write_bytes(b"")
    (tmp_path / "ok.csv").write_text(f"text\n{RU}\n", encoding="utf-8")
    with pytest.warns(LoadWarning, match="empty file"):
        c = framing.read_csv(tmp_path)
    assert len(c) == 1


# --- Parquet ---------------------------------------------------------------------
def test_io_tables_parquet_mapping(tmp_path):
    p = tmp_path / "t.parquet"
    pd.DataFrame({"key": [1, 2], "body": [RU, UK], "site": ["a", "b"], "score": [0.5, None]}).to_parquet(p)
    c = framing.read_parquet(p, doc_id="key", text="body", outlet="site")
    d = c.docs
    assert d[["doc_id", "outlet", "lang"]].values.tolist() == [["1", "a", "ru"], ["2", "b", "uk"]]
    assert d["score"].iloc[0] == 0.5


def test_io_tables_parquet_corpus_round_trip(data_dir, tmp_path):
    with pytest.warns(LoadWarning):
        c = framing.read_jsonl(data_dir / "io" / "tables" / "news.jsonl", text="body", title="headline")
    path = c.to_parquet(tmp_path / "c.parquet")
    back = framing.read_parquet(path)
    core = ["doc_id", "outlet", "published", "lang", "title", "text", "url"]
    assert back.docs[core].equals(c.docs[core]) and back.fingerprint() == c.fingerprint()
    assert list(back.docs.loc[0, "tags"]) == ["politics"]  # Parquet gives list columns back as arrays
    assert back.meta["loader"] == "read_jsonl"
    assert len(back.problems) == len(c.problems)


def test_io_tables_parquet_damaged_file(tmp_path):
    (tmp_path / "bad.parquet").write_bytes(b"PAR1 not really")
    pd.DataFrame({"text": [RU]}).to_parquet(tmp_path / "good.parquet")
    with pytest.warns(LoadWarning, match="unreadable Parquet"):
        c = framing.read_parquet(tmp_path)
    assert len(c) == 1


def test_io_tables_no_warning_on_clean_input(tmp_path):
    p = _jsonl(tmp_path, [json.dumps({"id": "a", "text": RU})])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        c = framing.read_jsonl(p)
    assert isinstance(c, Corpus) and len(c.problems) == 0


def test_io_tables_csv_gzip_resumes_at_the_next_member(tmp_path):
    """A damaged member of a multi-member gzip (cat a.gz b.gz c.gz) loses only its own rows."""
    head = gzip.compress(b"id,text\n", mtime=0)
    m1 = gzip.compress("".join(f"{i},\"{RU} {i}\"\n" for i in range(300)).encode("utf-8"), mtime=0)
    m2 = gzip.compress("".join(f"{i},\"{RU} {i}\"\n" for i in range(300, 600)).encode("utf-8"), mtime=0)
    (tmp_path / "ok.csv.gz").write_bytes(head + m1 + m2)
    assert len(framing.read_csv(tmp_path / "ok.csv.gz")) == 600
    for cut in (len(m1) // 2, len(m1) - 6):      # inside the deflate data; inside the checksum
        bad = bytearray(m1)
        bad[cut] ^= 0xFF
        path = tmp_path / f"bad{cut}.csv.gz"
        path.write_bytes(head + bytes(bad) + b"\x00\x00" + m2)
        with pytest.warns(LoadWarning):
            c = framing.read_csv(path, text="text", doc_id="id")
        assert {str(i) for i in range(300, 600)} <= set(c.docs["doc_id"])   # every row of the next member
        reasons = " ".join(c.problems["reason"])
        assert "resumed at the next member" in reasons, reasons
