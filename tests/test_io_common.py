"""framing.io._common: reading, decoding, normalising, finishing."""

from __future__ import annotations

import hashlib
import warnings

import pytest

from framing._errors import LoadError, LoadWarning
from framing._problems import ProblemLog
from framing.io._common import decode_bytes, expand_paths, finish, normalize_text, read_bytes

RU = "Президент заявил журналистам, что переговоры продолжатся на следующей неделе."
UK = "Президент заявив журналістам, що переговори триватимуть наступного тижня; їхній підсумок ще невідомий."
EN = "The president told reporters that the talks will continue next week."


# --- decoding ------------------------------------------------------------
@pytest.mark.parametrize("encoding,expected", [
    ("utf-8", "utf-8"),
    ("utf-8-sig", "utf-8-sig"),
    ("utf-16", None),  # with BOM
    ("utf-16-le", "utf-16-le"),
    ("utf-16-be", "utf-16-be"),
    ("utf-32", None),
    ("cp1251", "cp1251"),
    ("koi8-r", "koi8-r"),
])
def test_io_common_decode_russian(encoding, expected):
    text, used, repaired = decode_bytes(RU.encode(encoding))
    assert text == RU
    assert not repaired
    if expected:
        assert used == expected


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-16-le", "cp1251", "koi8-u"])
def test_io_common_decode_ukrainian(encoding):
    text, used, repaired = decode_bytes(UK.encode(encoding))
    assert text == UK and not repaired


def test_io_common_decode_short_cyrillic_words():
    for word in ["Москва", "Київ", "Привет, мир"]:
        for enc in ("cp1251", "utf-16-le"):
            assert decode_bytes(word.encode(enc))[0] == word


def test_io_common_decode_damaged_utf8_is_repaired_not_misread():
    data = (RU * 5).encode("utf-8")
    data = data[:50] + b"\xff\xfe" + data[50:]
    text, used, repaired = decode_bytes(data)
    assert used == "utf-8" and repaired
    assert text.count("\ufffd") >= 1
    assert "переговоры продолжатся" in text


def test_io_common_decode_western_and_empty():
    assert decode_bytes("Café au lait, naïve “quotes”".encode("cp1252"))[0] == "Café au lait, naïve “quotes”"
    assert decode_bytes(b"") == ("", "utf-8", False)
    assert decode_bytes(EN.encode("ascii")) == (EN, "utf-8", False)


def test_io_common_read_bytes_sha256(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(b"abc")
    data, sha = read_bytes(p)
    assert data == b"abc" and sha == hashlib.sha256(b"abc").hexdigest()


# --- normalisation ---------------------------------------------------------
def test_io_common_normalize_unicode():
    # stress marks, soft hyphen, nbsp, entity, CRLF, trailing spaces, blank lines
    raw = "за\u0301мок&nbsp;и\u00a0при\u00adмер\r\n\n\n\nконец  "
    assert normalize_text(raw) == "замок и пример\n\nконец"
    # decomposed й and ё are composed, never stripped
    assert normalize_text("и\u0306 е\u0308") == "й ё"
    assert normalize_text("мо\u0301ре ѐ") == "море е"
    assert normalize_text("e\u0301") == "é"


def test_io_common_normalize_entities_spaces_controls():
    assert normalize_text("A &amp; B &#171;x&#187; &laquo;y&raquo;") == "A & B «x» «y»"
    assert normalize_text("?a=1&copy=2") == "?a=1&copy=2"  # incomplete entity kept
    assert normalize_text("a\u2009b\u202fc\u3000d") == "a b c d"
    assert normalize_text("a\u200bb\ufeffc\x00d\x07e") == "abcde"
    assert normalize_text("col1\tcol2\nnext") == "col1\tcol2\nnext"
    assert normalize_text("line\u2028next\rthird") == "line\nnext\nthird"


def test_io_common_normalize_fast_path_and_types():
    clean = "Чистый текст без проблем.\n\nВторой абзац."
    assert normalize_text(clean) is clean
    assert normalize_text("  padded  ") == "padded"
    assert normalize_text(None) == ""
    assert normalize_text(float("nan")) == ""
    assert normalize_text(12) == "12"


# --- paths -------------------------------------------------------------------
def test_io_common_expand_paths(tmp_path):
    (tmp_path / "a").mkdir()
    for name in ["a/1.txt", "a/2.txt", "a/.hidden.txt", "a/x.csv", "b.txt"]:
        (tmp_path / name).write_text("x")
    log = ProblemLog()
    got = expand_paths(tmp_path / "a", problems=log, suffixes=(".txt",))
    assert [p.name for p in got] == ["1.txt", "2.txt"]
    got = expand_paths([str(tmp_path / "*.txt"), tmp_path / "a" / "x.csv", tmp_path / "missing.txt"], problems=log)
    assert [p.name for p in got] == ["x.csv", "b.txt"]  # sorted by full path
    assert len(log) == 1 and "no such file" in log.rows[0]["reason"]
    with pytest.raises(LoadError, match="nothing to read"):
        expand_paths(tmp_path / "nope" / "*.txt", problems=ProblemLog())


# --- finish --------------------------------------------------------------------
def _records():
    return [
        {"doc_id": "a", "text": RU, "outlet": "x", "_source": "f", "_location": "line 1"},
        {"doc_id": "b", "text": "  ", "_source": "f", "_location": "line 2"},
        {"doc_id": "a", "text": UK, "outlet": "y", "_source": "f", "_location": "line 3"},
        {"doc_id": "a", "text": RU, "outlet": "x", "_source": "f", "_location": "line 4"},
        {"doc_id": "c", "text": "", "title": EN, "_source": "f", "_location": "line 5"},
    ]


def test_io_common_finish_problems_and_meta():
    log = ProblemLog()
    with pytest.warns(LoadWarning, match="test_loader: 4 problem"):
        c = finish(_records(), loader="test_loader", options={"strict": False},
                   sources=[{"path": "f", "sha256": "0" * 64}], problems=log)
    assert c.docs["doc_id"].tolist() == ["a", "a__2", "c"]
    assert c.docs["lang"].tolist() == ["ru", "uk", "en"]
    assert c.docs.loc[2, "text"] == EN  # title kept as text
    p = c.problems
    assert p["reason"].tolist()[0] == "empty text" and p["location"].tolist()[0] == "line 2"
    assert set(p["action"]) == {"skipped", "renamed", "repaired"}
    assert "duplicate record" in p["reason"].iloc[2]
    m = c.meta
    assert m["loader"] == "test_loader" and m["sources"][0]["sha256"] == "0" * 64
    assert {"options", "framing_version", "created"} <= set(m)


def test_io_common_finish_forced_lang_outlet_and_strict():
    c = finish([{"doc_id": "a", "text": RU}], loader="t", options={}, sources=[], problems=ProblemLog(),
               lang="ua", outlet="site")
    assert c.docs.loc[0, "lang"] == "uk" and c.docs.loc[0, "outlet"] == "site"
    with pytest.raises(LoadError, match="line 2.*empty text"):
        finish(_records(), loader="t", options={}, sources=[], problems=ProblemLog(strict=True), strict=True)


def test_io_common_finish_no_warning_when_clean():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        c = finish([{"doc_id": "a", "text": EN, "published": "2024-01-01 10:00"}], loader="t", options={},
                   sources=[], problems=ProblemLog(), tz="Europe/Kyiv")
    assert str(c.docs.loc[0, "published"]) == "2024-01-01 08:00:00+00:00"


def test_io_common_read_source_unreadable(tmp_path):
    from framing.io._common import read_source

    log, sources = ProblemLog(), []
    (tmp_path / "dir.txt").mkdir()
    assert read_source(tmp_path / "dir.txt", log, sources) == (None, None)
    assert "unreadable file" in log.rows[0]["reason"] and sources == []
    (tmp_path / "ok.txt").write_bytes(b"x")
    data, sha = read_source(tmp_path / "ok.txt", log, sources)
    assert data == b"x" and sources == [{"path": str(tmp_path / "ok.txt"), "sha256": sha}]
