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
from ._common import check_common, expand_paths, finish, progress_bar, sha256_file
from .html import decode_html, page_record

__all__ = ["read_warc"]

_OPTIONS = {
    "include_comments": OneOf(True, False),
    "favor": OneOf("balanced", "precision", "recall"),
    "statuses": InstanceOf(tuple, list, set, frozenset),
}
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_START = re.compile(rb"(?:^|\n)(?:WARC/1\.[01]|WARC/0\.\d+)\r?\n")
_ARC_START = re.compile(rb"\n\n?(?:https?|dns|filedesc|ftp)://\S+ \d+\.\d+\.\d+\.\d+ \d{14} ")


def _is_gzip(path: Path) -> bool:
    with open(path, "rb") as fh:
        return fh.read(3) == _GZIP_MAGIC


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

    gz = _is_gzip(path)
    start = 0
    size = path.stat().st_size
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
              statuses=(200,), strict=False, progress=None):
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
    records = []
    for path in progress_bar(files, total=len(files), desc=func, enabled=progress):
        try:
            sources.append({"path": str(path), "sha256": sha256_file(path)})
        except OSError as exc:
            problems.add(path, f"unreadable file: {exc.strerror or exc}", action="skipped")
            continue
        for offset, rec in _records(path, problems):
            if rec.rec_type not in ("response", "resource"):
                continue
            uri = _header(rec.rec_headers, "WARC-Target-URI").strip("<>")
            rid = _header(rec.rec_headers, "WARC-Record-ID").strip("<>")
            rid = rid[9:] if rid.startswith("urn:uuid:") else rid
            doc_id = rid or f"{path.name}@{offset}"
            where = f"byte {offset}"
            if rec.rec_type == "response" and rec.http_headers is not None:
                ctype = _header(rec.http_headers, "Content-Type")
                try:
                    status = int(rec.http_headers.get_statuscode() or 0)
                except (TypeError, ValueError):
                    status = 0
                if status not in wanted:
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
            records.append(page)
    options = {"outlet": outlet, "lang": lang, "tz": tz, "favor": favor, "include_comments": include_comments,
               "statuses": sorted(wanted), "strict": strict}
    return finish(records, loader=func, options=options, sources=sources, problems=problems,
                  strict=strict, lang=lang, tz=tz, outlet=outlet)
