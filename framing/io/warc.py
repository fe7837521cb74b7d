"""Web archives (WARC and ARC, gzip-compressed or not): the HTML pages they hold.

Records are read with warcio; every ``response`` (or ARC) record with an HTML
body and HTTP status 200 becomes a document, extracted like :func:`read_html`.
A corrupt record is recorded in ``problems`` and reading goes on with the next
record that can be found.
"""

from __future__ import annotations

import re
import zlib
from pathlib import Path

from .._options import InstanceOf, OneOf, check
from .._problems import ProblemLog
from ._common import check_common, expand_paths, progress_bar, sha256_file
from ._records import finish_all
from .html import decode_html, page_record

__all__ = ["read_warc"]

_OPTIONS = {
    "include_comments": OneOf(True, False),
    "favor": OneOf("balanced", "precision", "recall"),
    "statuses": InstanceOf(tuple, list, set, frozenset),
}
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_RECORD_TYPES = frozenset({"warcinfo", "response", "resource", "request", "metadata", "revisit", "conversion",
                           "continuation", "arc_header"})
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_START = re.compile(rb"(?:WARC/1\.[01]|WARC/0\.\d+)\r?\n")
_WARC_RECORD = re.compile(rb"WARC/1\.[01]\r?\nWARC-|WARC/1\.[01]\r?\n[A-Za-z-]+:")
_HEADER_END = re.compile(rb"\r?\n\r?\n")
_CONTENT_LENGTH = re.compile(rb"(?im)^content-length:[ \t]*([^\r\n]*)")
_ARC_START = re.compile(rb"\n\n?(?:https?|dns|filedesc|ftp)://\S+ \d+\.\d+\.\d+\.\d+ \d{14} ")


def _first_start(path: Path, window: int = 1 << 20) -> tuple[int, bool]:
    """(offset of the first record or gzip member, whether the file is gzip).

    Junk before the first record (a partial download, a prefix added by
    another tool) is passed over: the offset says how much.
    """
    with open(path, "rb") as fh:
        head = fh.read(window)
    if head.startswith(_GZIP_MAGIC):
        return 0, True
    g = head.find(_GZIP_MAGIC)
    w = _WARC_START.search(head)
    if g >= 0 and (w is None or g < w.start()):
        return g, True
    return (w.start() if w else 0), False


def _next_start(path: Path, after: int, gz: bool) -> int | None:
    """Offset of the next record (or gzip member) after byte ``after``, or None."""
    with open(path, "rb") as fh:
        pos = after
        fh.seek(pos)
        tail = b""
        while True:
            block = fh.read(1 << 20)
            if not block:
                return None
            buf = tail + block
            base = pos - len(tail)
            if gz:
                k = buf.find(_GZIP_MAGIC, 1 if base == after else 0)
                if k >= 0:
                    return base + k
            else:
                for rx in (_WARC_START, _ARC_START):
                    m = rx.search(buf, 1 if base == after else 0)
                    if m:
                        return base + m.start() + (1 if buf[m.start():m.start() + 1] == b"\n" else 0)
            tail = buf[-64:]
            pos += len(block)


def _member_end(fh, start: int) -> int | None:
    """End offset of the gzip member that starts at byte ``start``, or None if it is damaged.

    Damaged deflate data does not always fail where it is damaged: zlib may decode
    garbage into a record that parses, and warcio then fails members later, losing
    good records on the way.  Each member is therefore checked (its CRC included)
    before warcio reads it.
    """
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    pos = start
    fh.seek(start)
    try:
        while not d.eof:
            block = fh.read(1 << 16)
            if not block:
                return None
            d.decompress(block)
            pos += len(block)
    except zlib.error:
        return None
    return pos - len(d.unused_data)


def _corrupt(problems: ProblemLog, path: Path, at: int, why: str) -> None:
    problems.add(path, f"corrupt record ({why}); reading resumed at the next record",
                 location=f"byte {at}", action="skipped")


def _records(path: Path, problems: ProblemLog):
    """Yield (offset, record) of a WARC/ARC file, skipping past corrupt records."""
    from warcio.archiveiterator import ArchiveIterator

    start, gz = _first_start(path)
    size = path.stat().st_size
    if start:
        problems.add(path, f"{start} byte(s) before the first record are not a record; skipped",
                     location="byte 0", action="skipped")
    if not size:
        problems.add(path, "empty file", action="skipped")
        return
    if not gz and not _ARC_START.match(b"\n" + _peek(path, start)):
        yield from _plain_warc_records(path, start, problems)
        return
    if gz:
        # one record per gzip member, as the WARC standard recommends and warcio requires
        with open(path, "rb") as fh:
            while start is not None and start < size:
                end = _member_end(fh, start)
                if end is None:
                    _corrupt(problems, path, start, "damaged or truncated gzip member")
                    start = _next_start(path, start + 1, gz)
                    continue
                fh.seek(start)
                try:
                    for rec in ArchiveIterator(fh, arc2warc=True, check_digests=False):
                        yield start, rec
                        break
                except Exception as exc:  # noqa: BLE001 - warcio raises several kinds on bad input
                    _corrupt(problems, path, start, f"{type(exc).__name__}: {_short(exc)}")
                start = end
        return
    while start is not None and start < size:
        with open(path, "rb") as fh:
            fh.seek(start)
            it = ArchiveIterator(fh, arc2warc=True, check_digests=False)
            offset, first = start, True
            try:
                for rec in it:
                    # warcio knows where the current record starts (absolute after the first one)
                    offset = start if first else it.offset
                    first = False
                    yield offset, rec
                return
            except Exception as exc:  # noqa: BLE001 - warcio raises several kinds on bad input
                # the record that failed starts where the last one read ended
                failed = start if first else it.offset
                _corrupt(problems, path, failed, f"{type(exc).__name__}: {_short(exc)}")
                start = _next_start(path, max(failed, start) + 1, gz)


def _peek(path: Path, at: int, n: int = 512) -> bytes:
    with open(path, "rb") as fh:
        fh.seek(at)
        return fh.read(n)


def _plain_warc_records(path: Path, start: int, problems: ProblemLog):
    """Yield (offset, record) of an uncompressed WARC file, checking every record's length.

    A record whose ``Content-Length`` does not end where the next record
    starts (a corrupted or wrong length, junk between records) is read up to
    the next record instead, with its header's length corrected and the
    repair recorded; a record warcio cannot read is recorded and skipped.
    The file is memory-mapped, so only one record is in memory at a time.
    """
    import io
    import mmap

    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as mm:
        size = len(mm)
        pos = start
        while pos is not None and pos < size:
            at = pos
            m = _HEADER_END.search(mm, pos)
            if m is None:
                _corrupt(problems, path, pos, "a record header without its end")
                return
            body_at = m.end()
            header = mm[pos:m.start()]
            cl = _CONTENT_LENGTH.search(header)
            try:
                length = int(cl.group(1).strip()) if cl else None
            except ValueError:
                length = None
            end = body_at + length if length is not None and 0 <= length <= size - body_at else None
            if end is not None and mm[end:end + 4] in (b"\r\n\r\n", b"\r\n", b""):
                # the length ends where a record must end: trust it (the payload may hold anything)
                nxt = _WARC_RECORD.search(mm, end)
                limit = nxt.start() if nxt else size
                gap = mm[end:limit]
                junk = len(gap.strip(b"\r\n"))
                if junk:
                    at_junk = end + len(gap) - len(gap.lstrip(b"\r\n"))
                    problems.add(path, f"{junk} byte(s) after the record are not a record (a damaged record?); "
                                 "skipped", location=f"byte {at_junk}", action="skipped")
                block, pos = mm[pos:end], limit if nxt else None
            else:
                nxt = _WARC_RECORD.search(mm, body_at)
                limit = nxt.start() if nxt else size
                real = len(mm[body_at:limit].rstrip(b"\r\n"))
                said = cl.group(1).strip().decode("latin-1", "replace")[:20] if cl else "none"
                problems.add(path, f"Content-Length {said!r} does not match the record ({real} bytes up to the next "
                             "record); read up to the next record", location=f"byte {pos}", action="repaired")
                if cl:
                    header = header[:cl.start(1)] + str(real).encode() + header[cl.end(1):]
                else:
                    header = header + b"\r\nContent-Length: " + str(real).encode()
                block = header + b"\r\n\r\n" + mm[body_at:body_at + real]
                pos = limit if nxt else None
            try:
                for rec in ArchiveIterator(io.BytesIO(bytes(block) + b"\r\n\r\n"), arc2warc=True,
                                           check_digests=False):
                    yield at, rec
                    break
            except Exception as exc:  # noqa: BLE001 - warcio raises several kinds on bad input
                _corrupt(problems, path, body_at, f"{type(exc).__name__}: {_short(exc)}")


def _short(exc: Exception, n: int = 120) -> str:
    msg = " ".join(str(exc).split())
    msg = "".join(ch if ch.isprintable() else "?" for ch in msg)
    return msg if len(msg) <= n else msg[:n] + "…"


def _header(headers, name: str) -> str:
    if headers is None:
        return ""
    try:
        return headers.get_header(name) or ""
    except Exception:  # noqa: BLE001
        return ""


def read_warc(path_or_glob, *, outlet=None, lang=None, tz=None, favor="balanced", include_comments=False,
              statuses=(200,), strict=False, progress=None, _batch_size=None):
    """Read the HTML pages of web archives (WARC or ARC, ``.gz`` or not).

    Parameters
    ----------
    path_or_glob : str, pathlib.Path or list
        Files (``.warc``, ``.warc.gz``, ``.arc``, ``.arc.gz`` in folders),
        glob patterns or a list of these.
    outlet : str, optional
        The outlet of every page; by default the page's site name, else the
        domain of its address.
    lang, tz : str, optional
        As in :func:`framing.read_html`.
    favor : {"balanced", "precision", "recall"}
        trafilatura's extraction trade-off.
    include_comments : bool, default False
        Keep readers' comments.
    statuses : tuple of int, default (200,)
        HTTP statuses of the responses to read; redirects and errors are
        left out without a problem.
    strict : bool
        Raise on the first problem instead of recording it.
    progress : bool, optional
        Show a progress bar over files (default: for 50 files or more).

    Returns
    -------
    Corpus
        One document per HTML response.  ``url`` is the record's
        ``WARC-Target-URI``; ``published`` the page's own date (see
        :func:`framing.read_html`), else the capture time ``WARC-Date``;
        ``doc_id`` the ``WARC-Record-ID`` (without ``urn:uuid:``); metadata
        ``captured`` (``WARC-Date``), ``canonical_url`` (when the page names
        another address), ``author``, ``description``, ``sitename``,
        ``encoding`` (honouring the HTTP ``charset`` and the page's
        ``<meta charset>``) and ``warc_file``.  Corrupt records, undecodable
        pages and pages without main text are in ``problems``; the rest is
        kept.

    References
    ----------
    Barbaresi, A. (2021). Trafilatura: A web scraping library and command-line
    tool for text discovery and extraction. *ACL-IJCNLP 2021: System
    Demonstrations*, 122–131.

    Examples
    --------
    A crawl of one page, written with warcio (in practice:
    ``framing.read_warc("crawl/*.warc.gz")``):

    >>> import framing, io, pathlib, tempfile
    >>> from warcio.statusandheaders import StatusAndHeaders
    >>> from warcio.warcwriter import WARCWriter
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "crawl.warc.gz"
    >>> page = ("<html><head><title>Мост открыт</title></head><body><article><h1>Мост открыт</h1>"
    ...         "<p>На окраине города открылся новый мост через реку, его строили три года.</p>"
    ...         "<p>Мэр заявил, что мост сократит путь до центра.</p></article></body></html>")
    >>> with open(p, "wb") as fh:
    ...     w = WARCWriter(fh, gzip=True)
    ...     http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
    ...                             protocol="HTTP/1.1")
    ...     w.write_record(w.create_warc_record("https://vestnik.example/most", "response",
    ...                                         payload=io.BytesIO(page.encode()), http_headers=http))
    >>> c = framing.read_warc(p)
    >>> c.docs.loc[0, ["outlet", "url", "title"]].tolist()
    ['vestnik.example', 'https://vestnik.example/most', 'Мост открыт']
    >>> print(c.docs.loc[0, "text"])
    На окраине города открылся новый мост через реку, его строили три года.
    Мэр заявил, что мост сократит путь до центра.
    """
    func = "read_warc"
    check_common(func, outlet=outlet, lang=lang, tz=tz, strict=strict, progress=progress)
    check(func, _OPTIONS, favor=favor, include_comments=include_comments, statuses=statuses)
    problems = ProblemLog(strict=strict)
    sources: list[dict] = []
    files = expand_paths(path_or_glob, problems=problems,
                         suffixes=(".warc", ".warc.gz", ".arc", ".arc.gz"), func_name=func)
    wanted = {int(s) for s in statuses}
    def records():
        for path in progress_bar(files, total=len(files), desc=func, enabled=progress):
            try:
                sources.append({"path": str(path), "sha256": sha256_file(path)})
            except OSError as exc:
                problems.add(path, f"unreadable file: {exc.strerror or exc}", action="skipped")
                continue
            for offset, rec in _records(path, problems):
                if rec.rec_type not in ("response", "resource"):
                    if rec.rec_type not in _RECORD_TYPES:
                        problems.add(path, f"unknown record type {str(rec.rec_type)[:40]!r} (a damaged header?); skipped",
                                     location=f"byte {offset}", action="skipped")
                    continue
                uri = _header(rec.rec_headers, "WARC-Target-URI").strip("<>")
                rid = _header(rec.rec_headers, "WARC-Record-ID").strip("<>")
                rid = rid[9:] if rid.startswith("urn:uuid:") else rid
                doc_id = rid or f"{path.name}@{offset}"
                where = f"byte {offset}"
                if (rec.rec_type == "response" and rec.http_headers is None
                        and _header(rec.rec_headers, "Content-Type").lower().startswith("application/http")):
                    # warcio reads HTTP headers only for http(s) addresses; a damaged address hides them
                    try:
                        from warcio.statusandheaders import StatusAndHeadersParser

                        rec.http_headers = StatusAndHeadersParser(["HTTP/1.0", "HTTP/1.1"], verify=False).parse(
                            rec.raw_stream)
                        problems.add(path, f"the target address {uri[:80]!r} is not an http(s) address; the HTTP "
                                     "headers were read from the record", location=where, doc_id=doc_id,
                                     action="repaired")
                    except Exception as exc:  # noqa: BLE001 - a damaged record: record and go on
                        problems.add(path, f"the HTTP headers of the response cannot be read: {_short(exc)}",
                                     location=where, doc_id=doc_id, action="skipped")
                        continue
                if rec.rec_type == "response" and rec.http_headers is not None:
                    ctype = _header(rec.http_headers, "Content-Type")
                    try:
                        status = int(rec.http_headers.get_statuscode() or 0)
                    except (TypeError, ValueError):
                        status = 0
                    if status not in wanted:
                        if not 100 <= status <= 599:
                            problems.add(path, f"unreadable HTTP status line "
                                         f"{str(rec.http_headers.statusline)[:40]!r}; skipped", location=where,
                                         doc_id=doc_id, action="skipped")
                        continue
                else:
                    ctype = _header(rec.rec_headers, "Content-Type")
                if not ctype.split(";")[0].strip().lower() in _HTML_TYPES:
                    continue
                try:
                    body = rec.content_stream().read()
                except Exception as exc:  # noqa: BLE001 - a damaged body: record and go on
                    problems.add(path, f"corrupt record body: {type(exc).__name__}: {exc}", location=where,
                                 doc_id=doc_id, action="skipped")
                    continue
                m = _CHARSET.search(ctype)
                text, enc, repaired = decode_html(body, declared=m.group(1) if m else None)
                if repaired:
                    problems.add(path, f"undecodable bytes replaced (read as {enc})", location=where,
                                 doc_id=doc_id, action="repaired")
                captured = _header(rec.rec_headers, "WARC-Date")
                try:
                    page = page_record(text, url=uri, fallback_date=captured, favor=favor,
                                       include_comments=include_comments)
                except Exception as exc:  # noqa: BLE001 - one bad page never loses the rest
                    problems.add(path, f"the page could not be parsed: {exc}", location=where, doc_id=doc_id,
                                 action="skipped")
                    continue
                for note in page.pop("_notes"):
                    problems.add(path, note, location=where, doc_id=doc_id, action="repaired")
                if not page["text"]:
                    problems.add(path, "no main text found in the page", location=where, doc_id=doc_id,
                                 action="skipped")
                    continue
                canonical = page["url"] if page["url"] and page["url"] != uri else ""
                page.update({"doc_id": doc_id, "url": uri or page["url"], "canonical_url": canonical,
                             "captured": captured, "encoding": enc, "warc_file": path.name,
                             "_source": str(path), "_location": where})
                yield page
    options = {"outlet": outlet, "lang": lang, "tz": tz, "favor": favor, "include_comments": include_comments,
               "statuses": sorted(wanted), "strict": strict}
    return finish_all(records(), batch_size=_batch_size, loader=func, options=options, sources=sources,
                      problems=problems, strict=strict, lang=lang, tz=tz, outlet=outlet)
