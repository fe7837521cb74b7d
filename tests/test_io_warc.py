"""read_warc: HTML responses of WARC archives (gzip or not), corrupt records recorded, the rest kept."""

from __future__ import annotations

import io
import random
import uuid

import pytest

import framing
from framing._errors import LoadError, LoadWarning

warcio = pytest.importorskip("warcio")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402


def page(title, paragraphs, *, head=""):
    return (f"<html><head>{head}<title>{title}</title></head><body><article><h1>{title}</h1>"
            + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article></body></html>")


PAGES = [
    ("https://vestnik.example/most",
     page("Мост открыт", ["На северной окраине Заречинска открылся новый мост через реку, его строили три года.",
                          "Глава города заявил, что мост сократит путь до центра на двадцать минут."],
          head='<meta property="article:published_time" content="2024-12-01T10:30:00+03:00">'),
     "utf-8", "200 OK", "text/html; charset=utf-8"),
    ("https://dumka.example/vybory",
     page("Вибори у місті", ["Міська рада оголосила дату виборів до місцевого парламенту наступного року.",
                             "Кандидати мають подати документи до кінця місяця, повідомили в комісії."],
          head='<meta charset="windows-1251">'),
     "cp1251", "200 OK", "text/html"),
    ("https://vestnik.example/old", "<html>moved</html>", "utf-8", "301 Moved Permanently", "text/html"),
    ("https://vestnik.example/logo.png", "PNG", "utf-8", "200 OK", "image/png"),
    ("https://wire.example/bridge",
     page("Bridge opens", ["A new bridge across the river opened on Sunday in the city of Zarechinsk.",
                           "The mayor said it would cut the trip to the centre by twenty minutes."]),
     "utf-8", "200 OK", "text/html; charset=UTF-8"),
]


def write_warc(path, *, gz=True, pages=PAGES, seed=0):
    """Write the pages as response records (and one request record) with warcio's writer.

    Record ids come from ``seed``: the same bytes on every run, so a corruption test
    hits the same place.
    """
    rnd = random.Random(seed)
    ids = [f"<urn:uuid:{uuid.UUID(int=rnd.getrandbits(128), version=4)}>" for _ in range(len(pages) + 1)]
    offsets = []
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=gz)
        req = w.create_warc_record("https://vestnik.example/most", "request",
                                   payload=io.BytesIO(b"GET /most HTTP/1.1\r\nHost: vestnik.example\r\n\r\n"),
                                   warc_headers_dict={"WARC-Record-ID": ids[0]})
        w.write_record(req)
        for i, (url, html, enc, status, ctype) in enumerate(pages):
            offsets.append(fh.tell())
            hh = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = w.create_warc_record(url, "response", payload=io.BytesIO(html.encode(enc)), http_headers=hh,
                                       warc_headers_dict={"WARC-Date": "2024-12-02T08:00:00Z",
                                                          "WARC-Record-ID": ids[i + 1]})
            w.write_record(rec)
    return offsets


@pytest.mark.parametrize("gz", [True, False])
def test_io_warc_reads_html_responses(tmp_path, gz):
    p = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    write_warc(p, gz=gz)
    c = framing.read_warc(p)
    d = c.docs.set_index("url")
    assert sorted(d.index) == ["https://dumka.example/vybory", "https://vestnik.example/most",
                               "https://wire.example/bridge"]
    most = d.loc["https://vestnik.example/most"]
    assert most["title"] == "Мост открыт" and most["lang"] == "ru" and most["outlet"] == "vestnik.example"
    assert str(most["published"]) == "2024-12-01 07:30:00+00:00"  # the page's own date
    vy = d.loc["https://dumka.example/vybory"]
    assert vy["encoding"] == "cp1251" and vy["lang"] == "uk" and vy["text"].startswith("Міська рада")
    assert str(vy["published"]) == "2024-12-02 08:00:00+00:00"  # WARC-Date when the page has none
    assert vy["captured"] == "2024-12-02T08:00:00Z" and vy["warc_file"] == p.name
    assert d.loc["https://wire.example/bridge", "lang"] == "en"
    assert len(c.problems) == 0 and c.meta["sources"][0]["sha256"]
    assert c.docs["doc_id"].is_unique


def test_io_warc_corrupt_gzip_member_keeps_the_rest(tmp_path):
    p = tmp_path / "bad.warc.gz"
    offsets = write_warc(p, gz=True)
    data = bytearray(p.read_bytes())
    k = offsets[1] + 40  # inside the second page's gzip member
    data[k:k + 24] = b"\x00" * 24
    p.write_bytes(bytes(data))
    with pytest.warns(LoadWarning):
        c = framing.read_warc(p)
    assert sorted(c.docs["url"]) == ["https://vestnik.example/most", "https://wire.example/bridge"]
    probs = c.problems
    assert len(probs) == 1 and probs.loc[0, "reason"].startswith("corrupt record")
    assert probs.loc[0, "location"] == f"byte {offsets[1]}"
    with pytest.raises(LoadError, match="corrupt record"):
        framing.read_warc(p, strict=True)


@pytest.mark.parametrize("seed", [0, 28, 54, 66, 74, 77, 92, 93])
def test_io_warc_damage_decoded_as_garbage_loses_only_that_record(tmp_path, seed):
    # With these record ids zlib decodes the damaged member into a record that parses
    # and warcio fails only members later (it lost the next good page before the fix).
    p = tmp_path / "bad.warc.gz"
    offsets = write_warc(p, gz=True, seed=seed)
    data = bytearray(p.read_bytes())
    k = offsets[1] + 40
    data[k:k + 24] = b"\x00" * 24
    p.write_bytes(bytes(data))
    with pytest.warns(LoadWarning):
        c = framing.read_warc(p)
    assert sorted(c.docs["url"]) == ["https://vestnik.example/most", "https://wire.example/bridge"]
    assert list(c.problems["location"]) == [f"byte {offsets[1]}"]


def test_io_warc_corrupt_plain_record_keeps_the_rest(tmp_path):
    p = tmp_path / "bad.warc"
    offsets = write_warc(p, gz=False)
    data = bytearray(p.read_bytes())
    assert data[offsets[1]:offsets[1] + 5] == b"WARC/"
    data[offsets[1]:offsets[1] + 4] = b"JUNK"
    p.write_bytes(bytes(data))
    with pytest.warns(LoadWarning):
        c = framing.read_warc(p)
    assert sorted(c.docs["url"]) == ["https://vestnik.example/most", "https://wire.example/bridge"]
    assert c.problems.loc[0, "location"] == f"byte {offsets[1]}"


def test_io_warc_folder_statuses_and_outlet(tmp_path):
    write_warc(tmp_path / "a.warc.gz")
    (tmp_path / "notes.txt").write_text("не архив", encoding="utf-8")
    c = framing.read_warc(tmp_path, statuses=(200, 301), outlet="Краулер")
    assert set(c.docs["outlet"]) == {"Краулер"}
    # the redirect's body is read too when 301 is asked for; the image never is
    assert "https://vestnik.example/old" in set(c.docs["url"]) and len(c) == 4


def test_io_warc_truncated_download_keeps_the_complete_records(tmp_path):
    p = tmp_path / "cut.warc.gz"
    offsets = write_warc(p, gz=True)
    p.write_bytes(p.read_bytes()[:offsets[4] + 50])     # the download stopped inside the last page
    with pytest.warns(LoadWarning):
        c = framing.read_warc(p)
    assert sorted(c.docs["url"]) == ["https://dumka.example/vybory", "https://vestnik.example/most"]
    assert list(c.problems["location"]) == [f"byte {offsets[4]}"]
    assert "truncated" in c.problems.loc[0, "reason"]
