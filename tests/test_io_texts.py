"""framing.io.texts: read_texts."""

from __future__ import annotations

import pytest

import framing
from conftest import shared_path
from framing._errors import LoadError, LoadWarning, OptionError

TITLE = "Парламент ухвалив бюджет"
BODY = "Депутати підтримали проєкт бюджету на наступний рік. Голосування тривало дві години."


def test_io_texts_fixture_folders_and_sidecar(data_dir):
    c = framing.read_texts(data_dir / "io" / "texts")
    d = c.docs.set_index("doc_id")
    assert list(d.index) == ["p1", "r1", "r2"]
    assert d.loc["p1", "outlet"] == "pravda" and d.loc["r1", "outlet"] == "ria"
    assert d.loc["p1", "lang"] == "uk" and d.loc["r1", "lang"] == "ru"
    assert d.loc["r1", "title"] == "Министр заявил о новых мерах поддержки"
    # the title stays the start of the text, a blank line before the body
    assert d.loc["r1", "text"].startswith("Министр заявил о новых мерах поддержки\n\nМинистр экономики")
    # sidecar metadata.csv: date with offset → UTC, url, extra column
    assert str(d.loc["r1", "published"]) == "2024-03-05 07:00:00+00:00"
    assert d.loc["r1", "url"] == "https://example.org/r1" and d.loc["r1", "author"] == "Иванов"
    assert c.meta["loader"] == "read_texts"
    assert any(s["path"].endswith("metadata.csv") for s in c.meta["sources"])


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1251", "koi8-u"])
def test_io_texts_encodings(tmp_path, encoding):
    (tmp_path / "doc.txt").write_bytes(f"{TITLE}\r\n\r\n{BODY}\r\n".encode(encoding))
    c = framing.read_texts(tmp_path, outlet="site")
    assert c.docs.loc[0, "title"] == TITLE and c.docs.loc[0, "text"] == f"{TITLE}\n\n{BODY}"
    assert c.docs.loc[0, "lang"] == "uk" and c.docs.loc[0, "outlet"] == "site"
    assert len(c.problems) == 0


def test_io_texts_broken_files_never_lose_the_rest(tmp_path):
    (tmp_path / "good.txt").write_text(f"{TITLE}\n\n{BODY}", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\n ", encoding="utf-8")
    (tmp_path / "one_line.txt").write_text(BODY, encoding="utf-8")
    damaged = (f"{TITLE}\n\n{BODY} " * 3).encode("utf-8")
    (tmp_path / "damaged.txt").write_bytes(damaged[:40] + b"\xff" + damaged[40:])
    with pytest.warns(LoadWarning, match="read_texts: 3 problem"):
        c = framing.read_texts(tmp_path)
    d = c.docs.set_index("doc_id")
    assert sorted(d.index) == ["damaged", "good", "one_line"]
    assert d.loc["one_line", "title"] == "" and d.loc["one_line", "text"] == BODY
    reasons = dict(zip(c.problems["doc_id"], c.problems["reason"]))
    assert reasons["empty"] == "empty file" and "U+FFFD" in reasons["damaged"]


def test_io_texts_strict_and_options(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_text(BODY, encoding="utf-8")
    with pytest.raises(LoadError, match="a.txt.*empty file"):
        framing.read_texts(tmp_path, strict=True)
    with pytest.raises(OptionError, match="title"):
        framing.read_texts(tmp_path, title="second_line")


def test_io_texts_no_title_and_explicit_sidecar(tmp_path):
    (tmp_path / "x.txt").write_text(f"{TITLE}\n{BODY}", encoding="utf-8")
    side = tmp_path / "side.csv"
    side.write_text("filename,outlet,published\nx,pravda,2024-02-01\n", encoding="utf-8")
    c = framing.read_texts(tmp_path / "x.txt", title=None, metadata=side)
    assert c.docs.loc[0, "title"] == "" and c.docs.loc[0, "text"].startswith(TITLE)
    assert c.docs.loc[0, "outlet"] == "pravda"
    assert str(c.docs.loc[0, "published"]) == "2024-02-01 00:00:00+00:00"


def test_io_texts_seed_article():
    path = shared_path("seeds", "000_47a473247889b639.txt")
    first = path.read_text(encoding="utf-8").splitlines()[0].strip()
    c = framing.read_texts(path)
    assert len(c) == 1 and len(c.problems) == 0
    doc = c.docs.iloc[0]
    assert doc["title"] == first
    # the headline is analysed: it opens the text, which keeps the file's layout after it
    assert doc["text"] == path.read_text(encoding="utf-8").strip()
    assert doc["lang"] == "ru" and doc["outlet"] == "seeds"
    assert len(doc["text"]) > 500


def test_io_texts_title_is_the_start_of_the_text(tmp_path):
    # no blank line, or several, between the title and the body: one blank line in the text
    (tmp_path / "tight.txt").write_text(f"{TITLE}\n{BODY}\n", encoding="utf-8")
    (tmp_path / "loose.txt").write_text(f"\n{TITLE}  \n\n\n\n{BODY}\nДругий абзац.", encoding="utf-8")
    d = framing.read_texts(tmp_path).docs.set_index("doc_id")
    assert d.loc["tight", "title"] == TITLE and d.loc["tight", "text"] == f"{TITLE}\n\n{BODY}"
    assert d.loc["loose", "title"] == TITLE and d.loc["loose", "text"] == f"{TITLE}\n\n{BODY}\nДругий абзац."
    # a sidecar title fills the column; the file's first line stays in the text
    (tmp_path / "metadata.csv").write_text("file,title\ntight.txt,Бюджет на 2025 рік\n", encoding="utf-8")
    d = framing.read_texts(tmp_path).docs.set_index("doc_id")
    assert d.loc["tight", "title"] == "Бюджет на 2025 рік" and d.loc["tight", "text"] == f"{TITLE}\n\n{BODY}"
