"""Loaders for tables of documents: JSON Lines, JSON, CSV/TSV and Parquet.

Every loader maps the source's columns to the corpus's core columns
(``doc_id``, ``text``, ``title``, ``outlet``, ``published``, ``url``,
``lang``).  Without a mapping, usual names are recognised (``body``,
``content``, ``headline``, ``source``, ``date``, ``link``…); all other
columns are kept as metadata.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from .._errors import SchemaError
from .._options import InstanceOf, NoneOk, check
from .._problems import ProblemLog
from ._common import (
    check_common,
    decode_bytes,
    expand_paths,
    finish,
    guess_stream_encoding,
    progress_bar,
    read_source,
    sha256_file,
)

__all__ = ["read_jsonl", "read_json", "read_csv", "read_parquet"]

#: Column names recognised when no mapping is given (first match wins, case-insensitive).
AUTO_COLUMNS = {
    "doc_id": ("doc_id", "id", "stories_id", "story_id", "message_id", "uuid", "guid", "docid"),
    "text": ("text", "body", "content", "article", "full_text", "fulltext", "story_text", "message", "maintext"),
    "title": ("title", "headline", "heading", "header"),
    "outlet": ("outlet", "source", "media", "media_name", "channel", "site", "publisher", "domain",
               "source_name", "edition"),
    "published": ("published", "publish_date", "published_at", "pubdate", "date", "datetime",
                  "date_publish", "time", "timestamp", "created_at"),
    "url": ("url", "link", "href", "source_url", "guid_url"),
    "lang": ("lang", "language"),
}
MAPPABLE = tuple(AUTO_COLUMNS)

_TABLE_OPTIONS = {
    "keep": [InstanceOf(list, tuple), NoneOk()],
    "records": [InstanceOf(str), NoneOk()],
}


# --------------------------------------------------------------------------
# column mapping
# --------------------------------------------------------------------------
def resolve_mapping(columns: Iterable[str], given: dict, *, func_name: str, source=None) -> tuple[dict, dict]:
    """Decide which source column feeds each core column.

    Parameters
    ----------
    columns : iterable of str
        The columns (keys) present in the source.
    given : dict
        ``core -> column`` as passed by the user (None = recognise by name).
    func_name : str
        For messages.
    source : optional
        The file, for messages.

    Returns
    -------
    mapping : dict
        ``core -> column`` for the columns found.
    constants : dict
        ``core -> value`` for an ``outlet`` (or ``lang``) that names no column:
        the value itself is used for every document.

    Raises
    ------
    SchemaError
        When a mapped column is absent, or no text column can be found.
    """
    cols = list(dict.fromkeys(str(c) for c in columns))
    lower = {c.lower(): c for c in reversed(cols)}
    mapping, constants = {}, {}
    for core in MAPPABLE:
        want = given.get(core)
        if want is not None:
            if want in cols:
                mapping[core] = want
            elif core in ("outlet", "lang"):
                constants[core] = want
            else:
                where = f" in {source}" if source else ""
                raise SchemaError(
                    f"{func_name}(): no column {want!r} for {core}{where}; the columns are "
                    f"{cols[:30]}. Pass {core}=<one of them>."
                )
            continue
        for cand in AUTO_COLUMNS[core]:
            if cand in lower and lower[cand] not in mapping.values():
                mapping[core] = lower[cand]
                break
    if "text" not in mapping:
        where = f" in {source}" if source else ""
        raise SchemaError(
            f"{func_name}(): cannot tell which column holds the text{where}; the columns are "
            f"{cols[:30]}. Pass text=<column name>."
        )
    return mapping, constants


def make_record(row: dict, mapping: dict, constants: dict, keep, *, source, location, default_id) -> dict:
    """One document dict from a source row, with core fields mapped and metadata kept."""
    rec = {core: row.get(col) for core, col in mapping.items()}
    rec.update(constants)
    used = set(mapping.values())
    for k, v in row.items():
        if k in used or (keep is not None and k not in keep):
            continue
        name = k if k not in ("doc_id", "outlet", "published", "lang", "title", "text", "url") else f"source_{k}"
        rec[name] = _scalar(v)
    for core in ("text", "title"):
        v = rec.get(core)
        if v is not None and not isinstance(v, str):
            rec[core] = _text_of(v)
    if rec.get("doc_id") is None or (isinstance(rec.get("doc_id"), float) and rec["doc_id"] != rec["doc_id"]) \
            or str(rec.get("doc_id")).strip() == "":
        rec["doc_id"] = default_id
    else:
        rec["doc_id"] = _id_str(rec["doc_id"])
    rec["_source"] = source
    rec["_location"] = location
    return rec


def _id_str(v) -> str:
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def _text_of(v) -> str:
    """Text from a non-string value (a list of paragraphs, a number…)."""
    if isinstance(v, (list, tuple)):
        return "\n\n".join(_text_of(x) for x in v if x is not None)
    if isinstance(v, dict):
        return str(v.get("text", "")) if "text" in v else json.dumps(v, ensure_ascii=False)
    if isinstance(v, float) and v != v:
        return ""
    return str(v)


def _scalar(v):
    """Metadata values: nested objects become JSON strings (safe for Parquet)."""
    if isinstance(v, dict):
        return json.dumps(v, ensure_ascii=False, default=str)
    if isinstance(v, (list, tuple)) and any(isinstance(x, (dict, list, tuple)) for x in v):
        return json.dumps(v, ensure_ascii=False, default=str)
    return v


def _given(doc_id, text, title, outlet, published, url, lang) -> dict:
    return {"doc_id": doc_id, "text": text, "title": title, "outlet": outlet,
            "published": published, "url": url, "lang": lang}


def _check(func_name, *, doc_id, text, title, outlet, published, url, lang, tz, strict, progress, keep=None):
    check_common(func_name, doc_id=doc_id, text=text, title=title, outlet=outlet, published=published,
                 url=url, lang=lang, tz=tz, strict=strict, progress=progress)
    check(func_name, _TABLE_OPTIONS, keep=keep)


def _options(**kw) -> dict:
    return {k: v for k, v in kw.items() if v is not None}


# --------------------------------------------------------------------------
# JSON Lines
# --------------------------------------------------------------------------
def _file_encoding(path) -> str | None:
    """The encoding of a line-oriented file, judged from its beginning.

    Returns None for UTF-16/32 (lines cannot be split on bytes) and for
    unknown encodings.
    """
    with open(path, "rb") as fh:
        head = fh.read(1 << 18)
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        return None
    enc = guess_stream_encoding(head)
    if enc.startswith(("utf-16", "utf-32")):
        return None
    return enc


def iter_jsonl(path, problems: ProblemLog, sources: list) -> Iterator[tuple[int, dict]]:
    """Yield ``(line number, object)`` for each good line of a JSON Lines file.

    Malformed lines (including a truncated last line), lines that are not JSON
    objects and undecodable bytes are recorded in ``problems``; the file's
    sha256 is appended to ``sources`` once it has been read to the end.
    """
    import hashlib

    try:
        enc = _file_encoding(path)
    except OSError as exc:
        problems.add(path, f"unreadable file: {exc.strerror or exc}", action="skipped")
        return
    if enc is None:
        # UTF-16/32: decode the whole file, then split lines
        data, sha = read_source(path, problems, sources)
        if data is None:
            return
        text, _, repaired = decode_bytes(data)
        del data
        lines: Iterable = ((i, ln, repaired and "\ufffd" in ln) for i, ln in enumerate(text.splitlines(), 1))
        yield from _parse_lines(lines, path, problems, last=None)
        return
    h = hashlib.sha256()
    fast = enc in ("utf-8", "utf-8-sig", "ascii")

    def lines_gen():
        with open(path, "rb") as fh:
            for i, raw in enumerate(fh, 1):
                h.update(raw)
                if i == 1 and raw.startswith(b"\xef\xbb\xbf"):
                    raw = raw[3:]
                if fast:
                    try:
                        yield i, raw.decode("utf-8"), False
                        continue
                    except UnicodeDecodeError:
                        text, used, repaired = decode_bytes(raw)
                        problems.add(path, f"undecodable bytes on this line; decoded as {used}"
                                     + (" with replacement characters" if repaired else ""),
                                     location=f"line {i}", action="repaired")
                        yield i, text, False
                        continue
                text = raw.decode(enc, errors="replace")
                yield i, text, "\ufffd" in text

    try:
        yield from _parse_lines(lines_gen(), path, problems, last=None)
    except OSError as exc:
        problems.add(path, f"unreadable file: {exc.strerror or exc}", action="skipped")
        return
    entry = {"path": str(path), "sha256": h.hexdigest()}
    if not fast:
        entry["encoding"] = enc
    sources.append(entry)


def _parse_lines(lines, path, problems: ProblemLog, last=None) -> Iterator[tuple[int, dict]]:
    loads = json.loads
    pending = None  # hold one bad line to tell a truncated last line apart
    for i, line, repaired in lines:
        if pending is not None:
            problems.add(path, f"malformed JSON ({pending[1]})", location=f"line {pending[0]}", action="skipped")
            pending = None
        s = line.strip()
        if not s:
            continue
        try:
            obj = loads(s)
        except ValueError as exc:
            pending = (i, f"{exc.msg} at column {exc.colno}" if hasattr(exc, "msg") else str(exc))
            continue
        if not isinstance(obj, dict):
            problems.add(path, f"not a JSON object but {type(obj).__name__}", location=f"line {i}", action="skipped")
            continue
        if repaired:
            problems.add(path, "undecodable bytes replaced by U+FFFD", location=f"line {i}", action="repaired")
        yield i, obj
    if pending is not None:
        problems.add(path, f"truncated or malformed JSON on the last line ({pending[1]})",
                     location=f"line {pending[0]}", action="skipped")


def read_jsonl(path_or_glob, *, doc_id=None, text=None, title=None, outlet=None, published=None,
               url=None, lang=None, tz=None, keep=None, strict=False, progress=None):
    """Read JSON Lines files: one JSON object (document) per line.

    Parameters
    ----------
    path_or_glob : str, pathlib.Path or list
        A file, a folder (``*.jsonl``, ``*.ndjson``, ``*.jsonl.gz`` is not read), a
        glob pattern or a list of these.
    doc_id, text, title, published, url : str, optional
        The key holding each core field; by default usual names are
        recognised (``id``, ``text``/``body``/``content``, ``title``/``headline``,
        ``date``/``published``, ``url``/``link``).  Without an id key, ids are
        ``<file stem>-<line number>``.
    outlet : str, optional
        The key holding the outlet; when no record has that key, the value
        itself is the outlet of every document (``outlet="RT"``).
    lang : str, optional
        The key holding the language, or a code forced for every document;
        by default detected.
    tz : str, optional
        Time zone of dates without one (default UTC).
    keep : list of str, optional
        Metadata keys to keep (default: all keys not mapped to a core field).
    strict : bool
        Raise :class:`~framing._errors.LoadError` on the first problem
        instead of skipping the line and recording it.
    progress : bool, optional
        Show a progress bar (default: only for 50 files or more).

    Returns
    -------
    Corpus
        Problems (malformed or truncated lines with their line numbers, empty
        texts, repeated ids, undecodable bytes) are in ``corpus.problems``.

    Examples
    --------
    >>> import framing, pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "news.jsonl"
    >>> _ = p.write_text('{"id": 1, "body": "Путин заявил.", "source": "ria"}\\n'
    ...                  '{"id": 2, "body": "Зеленський заявив.", "source": "upr"}\\n', encoding="utf-8")
    >>> c = framing.read_jsonl(p, text="body")
    >>> c.docs[["doc_id", "outlet", "lang"]].values.tolist()
    [['1', 'ria', 'ru'], ['2', 'upr', 'uk']]
    """
    func = "read_jsonl"
    _check(func, doc_id=doc_id, text=text, title=title, outlet=outlet, published=published, url=url,
           lang=lang, tz=tz, strict=strict, progress=progress, keep=keep)
    problems = ProblemLog(strict=strict)
    files = expand_paths(path_or_glob, problems=problems, suffixes=(".jsonl", ".ndjson", ".jl"), func_name=func)
    given = _given(doc_id, text, title, outlet, published, url, lang)
    records: list[dict] = []
    sources: list[dict] = []
    keepset = set(keep) if keep is not None else None
    for path in progress_bar(files, total=len(files), desc=func, enabled=progress):
        mapping = constants = None
        stem = path.stem
        buffer: list[tuple[int, dict]] = []
        for lineno, obj in iter_jsonl(path, problems, sources):
            if mapping is None:
                buffer.append((lineno, obj))
                if len(buffer) < 50:
                    continue
                mapping, constants = _map_from(buffer, given, func, path)
                for ln, o in buffer:
                    records.append(make_record(o, mapping, constants, keepset, source=path,
                                               location=f"line {ln}", default_id=f"{stem}-{ln}"))
                buffer = []
                continue
            records.append(make_record(obj, mapping, constants, keepset, source=path,
                                       location=f"line {lineno}", default_id=f"{stem}-{lineno}"))
        if buffer:
            mapping, constants = _map_from(buffer, given, func, path)
            for ln, o in buffer:
                records.append(make_record(o, mapping, constants, keepset, source=path,
                                           location=f"line {ln}", default_id=f"{stem}-{ln}"))
    return finish(records, loader=func, options=_options(**given, tz=tz, keep=keep, strict=strict),
                  sources=sources, problems=problems, strict=strict, tz=tz)


def _map_from(buffer, given, func, path):
    keys: dict[str, None] = {}
    for _, o in buffer:
        keys.update(dict.fromkeys(o))
    return resolve_mapping(keys, given, func_name=func, source=path)


# --------------------------------------------------------------------------
# JSON
# --------------------------------------------------------------------------
_RECORD_KEYS = ("documents", "docs", "data", "items", "records", "articles", "stories", "messages",
                "posts", "results", "rows")


def salvage_json_array(text: str, path, problems: ProblemLog) -> list:
    """Parse a JSON array element by element, keeping everything before damage.

    Used when ``json.loads`` fails on a whole file (e.g. a truncated download):
    the elements that parse are returned and the damage is recorded.
    """
    dec = json.JSONDecoder()
    start = text.find("[")
    out: list = []
    if start < 0:
        problems.add(path, "malformed JSON: no array found", action="skipped")
        return out
    pos = start + 1
    n = len(text)
    ws = " \t\r\n"
    while True:
        while pos < n and text[pos] in ws:
            pos += 1
        if pos < n and text[pos] == "]":
            return out
        try:
            obj, pos = dec.raw_decode(text, pos)
        except ValueError as exc:
            line = text.count("\n", 0, pos) + 1
            tail = text[pos:].strip()
            why = "truncated JSON" if not tail.rstrip("]}").strip() or exc.pos >= n - 1 else f"malformed JSON ({exc.msg})"
            problems.add(path, f"{why}: element {len(out) + 1} and after could not be read; "
                         f"{len(out)} element(s) before it kept", location=f"line {line}", action="skipped")
            return out
        out.append(obj)
        while pos < n and text[pos] in ws:
            pos += 1
        if pos < n and text[pos] == ",":
            pos += 1
        elif pos < n and text[pos] == "]":
            return out
        else:
            line = text.count("\n", 0, pos) + 1
            problems.add(path, f"truncated JSON after element {len(out)}; the {len(out)} element(s) before kept",
                         location=f"line {line}", action="skipped")
            return out


def load_json_file(path, problems: ProblemLog, sources: list):
    """Read, decode and parse a JSON file; salvage a damaged top-level array.

    Returns the parsed value, or None after recording a problem.
    """
    data, _ = read_source(path, problems, sources)
    if data is None:
        return None
    text, enc, repaired = decode_bytes(data)
    del data
    if repaired:
        problems.add(path, f"undecodable bytes replaced by U+FFFD (read as {enc})", action="repaired")
    if enc not in ("utf-8", "utf-8-sig", "ascii") and sources:
        sources[-1]["encoding"] = enc
    if not text.strip():
        problems.add(path, "empty file", action="skipped")
        return None
    try:
        return json.loads(text)
    except ValueError as exc:
        if text.lstrip().startswith("["):
            return salvage_json_array(text, path, problems)
        # maybe it is JSON Lines after all
        lines = [ln for ln in text.splitlines() if ln.strip()]
        if len(lines) > 1 and lines[0].lstrip().startswith("{"):
            objs = []
            for i, ln in enumerate(text.splitlines(), 1):
                if not ln.strip():
                    continue
                try:
                    objs.append(json.loads(ln))
                except ValueError as e2:
                    problems.add(path, f"malformed JSON ({e2.msg})", location=f"line {i}", action="skipped")
            return objs
        problems.add(path, f"malformed JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})",
                     location=f"line {exc.lineno}", action="skipped")
        return None


def _records_of(obj, key, path, problems, func):
    if isinstance(obj, list):
        return obj
    if isinstance(obj, dict):
        if key is not None:
            cur = obj
            for part in key.split("."):
                if not isinstance(cur, dict) or part not in cur:
                    raise SchemaError(f"{func}(): {path} has no key {key!r}; top-level keys: {list(obj)[:20]}.")
                cur = cur[part]
            if isinstance(cur, list):
                return cur
            raise SchemaError(f"{func}(): {key!r} in {path} is not a list of documents.")
        for k in _RECORD_KEYS:
            if isinstance(obj.get(k), list):
                return obj[k]
        lists = [k for k, v in obj.items() if isinstance(v, list) and v and isinstance(v[0], dict)]
        if len(lists) == 1:
            return obj[lists[0]]
        if any(k in obj for k in AUTO_COLUMNS["text"]):
            return [obj]  # one document
        problems.add(path, f"no list of documents found (keys: {list(obj)[:10]}); pass records=<key>",
                     action="skipped")
        return []
    problems.add(path, f"the JSON holds a {type(obj).__name__}, not documents", action="skipped")
    return []


def read_json(path_or_glob, *, records=None, doc_id=None, text=None, title=None, outlet=None,
              published=None, url=None, lang=None, tz=None, keep=None, strict=False, progress=None):
    """Read JSON files holding a list of documents.

    Parameters
    ----------
    path_or_glob : str, pathlib.Path or list
        Files, folders (``*.json``), glob patterns.
    records : str, optional
        Key (dotted for nesting, ``"data.items"``) of the list of documents
        when the file is an object; by default a list under ``documents``,
        ``data``, ``items``, ``articles``… or the only list of objects.
    doc_id, text, title, outlet, published, url, lang, tz, keep, strict, progress
        As in :func:`read_jsonl`.  Without an id key, ids are
        ``<file stem>-<position>`` (from 1).

    Returns
    -------
    Corpus
        A truncated file keeps every document before the damage; the damage
        is recorded in ``corpus.problems``.

    Examples
    --------
    >>> import framing, json, pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "news.json"
    >>> _ = p.write_text(json.dumps({"articles": [{"headline": "Заголовок", "content": "Текст новости."}]}))
    >>> c = framing.read_json(p, outlet="agency")
    >>> c.docs.loc[0, ["doc_id", "title", "outlet"]].tolist()
    ['news-1', 'Заголовок', 'agency']
    """
    func = "read_json"
    _check(func, doc_id=doc_id, text=text, title=title, outlet=outlet, published=published, url=url,
           lang=lang, tz=tz, strict=strict, progress=progress, keep=keep)
    check(func, _TABLE_OPTIONS, records=records)
    problems = ProblemLog(strict=strict)
    files = expand_paths(path_or_glob, problems=problems, suffixes=(".json",), func_name=func)
    given = _given(doc_id, text, title, outlet, published, url, lang)
    out: list[dict] = []
    sources: list[dict] = []
    keepset = set(keep) if keep is not None else None
    for path in progress_bar(files, total=len(files), desc=func, enabled=progress):
        obj = load_json_file(path, problems, sources)
        if obj is None:
            continue
        items = _records_of(obj, records, path, problems, func)
        good = []
        for i, item in enumerate(items, 1):
            if isinstance(item, dict):
                good.append((i, item))
            else:
                problems.add(path, f"element {i} is a {type(item).__name__}, not a JSON object",
                             location=f"element {i}", action="skipped")
        if not good:
            continue
        mapping, constants = _map_from(good[:200], given, func, path)
        for i, item in good:
            out.append(make_record(item, mapping, constants, keepset, source=path,
                                   location=f"element {i}", default_id=f"{path.stem}-{i}"))
    return finish(out, loader=func, options=_options(**given, records=records, tz=tz, keep=keep, strict=strict),
                  sources=sources, problems=problems, strict=strict, tz=tz)


# --------------------------------------------------------------------------
# CSV / TSV
# --------------------------------------------------------------------------
def sniff_sep(sample: str, path=None) -> str:
    """Guess the field separator from the first lines: tab, comma, semicolon or bar."""
    if path is not None and str(path).lower().endswith((".tsv", ".tab", ".tsv.gz")):
        return "\t"
    lines = [ln for ln in sample.splitlines()[:20] if ln.strip()]
    if not lines:
        return ","
    try:
        return csv.Sniffer().sniff("\n".join(lines), delimiters=",\t;|").delimiter
    except csv.Error:
        header = lines[0]
        counts = {s: header.count(s) for s in ("\t", ",", ";", "|")}
        best = max(counts, key=counts.get)
        return best if counts[best] else ","


class _HashingReader(io.RawIOBase):
    """A read-only file wrapper that hashes every byte read (for provenance)."""

    def __init__(self, fh):
        import hashlib

        self._fh = fh
        self.sha = hashlib.sha256()

    def readable(self):
        return True

    def readinto(self, b):
        n = self._fh.readinto(b)
        if n:
            self.sha.update(memoryview(b)[:n])
        return n

    def finish_hash(self) -> str:
        for block in iter(lambda: self._fh.read(1 << 20), b""):
            self.sha.update(block)
        return self.sha.hexdigest()

    def close(self):
        self._fh.close()
        super().close()


def _head(path, size: int = 1 << 18) -> bytes:
    with open(path, "rb") as fh:
        magic = fh.read(2)
        fh.seek(0)
        if magic == b"\x1f\x8b":
            import gzip

            try:
                with gzip.GzipFile(fileobj=fh) as gz:
                    return gz.read(size)
            except (OSError, EOFError):
                return b""
        return fh.read(size)


def iter_csv_file(path, problems: ProblemLog, sources: list, *, sep=None, encoding=None):
    """Stream ``(line number, row dict)`` from a CSV/TSV file, plain or gzip.

    The encoding is detected from the beginning of the file (unless given),
    the separator sniffed (unless given); rows with the wrong number of fields
    and rows with undecodable bytes are recorded in ``problems``; a damaged
    gzip keeps the rows read before the damage.  ``{path, sha256}`` is
    appended to ``sources`` at the end.
    """
    import gzip

    try:
        head = _head(path)
        raw = open(path, "rb")
    except OSError as exc:
        problems.add(path, f"unreadable file: {exc.strerror or exc}", action="skipped")
        return
    hashing = _HashingReader(raw)
    entry = {"path": str(path), "sha256": None}
    if encoding is None:
        enc = guess_stream_encoding(head)
    else:
        enc = encoding
    if enc not in ("utf-8", "ascii"):
        entry["encoding"] = enc
    buffered = io.BufferedReader(hashing, buffer_size=1 << 20)
    stream = gzip.GzipFile(fileobj=buffered) if _is_gzip(path) else buffered
    text = io.TextIOWrapper(stream, encoding=enc, errors="replace", newline="")
    if sep is None:
        sep = sniff_sep(head[: 1 << 16].decode(enc, errors="replace"), _strip_gz(path))
    old = csv.field_size_limit()
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    reader = csv.reader(text, delimiter=sep)
    header = None
    n = 0
    try:
        for row in reader:
            if header is None:
                if not any(c.strip() for c in row):
                    continue
                header = _unique_header(row)
                continue
            line = reader.line_num
            if not row or (len(row) == 1 and not row[0].strip()):
                continue
            if len(row) != len(header):
                if len(row) > len(header) and not any(c.strip() for c in row[len(header):]):
                    row = row[:len(header)]
                else:
                    problems.add(path, f"{len(row)} fields where the header has {len(header)}",
                                 location=f"line {line}", action="skipped")
                    continue
            if any("\ufffd" in c for c in row):
                problems.add(path, f"undecodable bytes replaced by U+FFFD (read as {enc})",
                             location=f"line {line}", action="repaired")
            n += 1
            yield line, dict(zip(header, row))
        if header is None:
            problems.add(path, "empty file", action="skipped")
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        problems.add(path, f"damaged or truncated file ({exc}); the {n} row(s) before it kept",
                     location=f"line {reader.line_num}", action="skipped")
    except csv.Error as exc:
        problems.add(path, f"CSV error ({exc}); the {n} row(s) before it kept",
                     location=f"line {reader.line_num}", action="skipped")
    finally:
        csv.field_size_limit(old)
        try:
            entry["sha256"] = hashing.finish_hash()
        finally:
            raw.close()
        sources.append(entry)


def _is_gzip(path) -> bool:
    with open(path, "rb") as fh:
        return fh.read(2) == b"\x1f\x8b"


def _strip_gz(path) -> str:
    s = str(path)
    return s[:-3] if s.lower().endswith(".gz") else s


def _unique_header(row) -> list[str]:
    header = [h.strip().lstrip("\ufeff") for h in row]
    seen: dict[str, int] = {}
    for j, h in enumerate(header):
        h = h or f"column_{j + 1}"
        if h in seen:
            seen[h] += 1
            h = f"{h}_{seen[h]}"
        else:
            seen[h] = 1
        header[j] = h
    return header


def _empty_to_none(rec: dict) -> dict:
    return {k: (None if v == "" else v) for k, v in rec.items()}


def read_csv(path_or_glob, *, doc_id=None, text=None, title=None, outlet=None, published=None,
             url=None, lang=None, tz=None, sep=None, encoding=None, keep=None, strict=False, progress=None):
    """Read CSV or TSV files, one document per row.

    Parameters
    ----------
    path_or_glob : str, pathlib.Path or list
        Files, folders (``*.csv``, ``*.tsv``, ``*.csv.gz``, ``*.tsv.gz``),
        glob patterns.  Gzip files are read directly.
    doc_id, text, title, outlet, published, url, lang, tz, keep, strict, progress
        As in :func:`read_jsonl` (columns instead of keys).  Without an id
        column, ids are ``<file stem>-<line number>``.
    sep : str, optional
        Field separator; by default sniffed (tab for ``.tsv``).
    encoding : str, optional
        Force an encoding instead of detecting it.

    Returns
    -------
    Corpus
        Values are read as strings (empty cells are missing); rows with the
        wrong number of fields are recorded in ``corpus.problems``.

    Examples
    --------
    >>> import framing, pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "news.csv"
    >>> _ = p.write_text("id,body,source\\n1,\\"Путин заявил, что...\\",ria\\n", encoding="cp1251")
    >>> c = framing.read_csv(p, text="body")
    >>> c.docs.loc[0, ["doc_id", "text", "outlet"]].tolist()
    ['1', 'Путин заявил, что...', 'ria']
    """
    func = "read_csv"
    _check(func, doc_id=doc_id, text=text, title=title, outlet=outlet, published=published, url=url,
           lang=lang, tz=tz, strict=strict, progress=progress, keep=keep)
    check_common(func, sep=sep, encoding=encoding)
    if encoding is not None:
        import codecs

        try:
            codecs.lookup(encoding)
        except LookupError:
            from .._errors import OptionError

            raise OptionError(f"{func}(): encoding={encoding!r} is not an encoding Python knows.") from None
    problems = ProblemLog(strict=strict)
    files = expand_paths(path_or_glob, problems=problems,
                         suffixes=(".csv", ".tsv", ".tab", ".csv.gz", ".tsv.gz"), func_name=func)
    given = _given(doc_id, text, title, outlet, published, url, lang)
    out: list[dict] = []
    sources: list[dict] = []
    keepset = set(keep) if keep is not None else None
    for path in progress_bar(files, total=len(files), desc=func, enabled=progress):
        mapping = constants = None
        for line, row in iter_csv_file(path, problems, sources, sep=sep, encoding=encoding):
            if mapping is None:
                mapping, constants = resolve_mapping(row.keys(), given, func_name=func, source=path)
            out.append(make_record(_empty_to_none(row), mapping, constants, keepset, source=path,
                                   location=f"line {line}", default_id=f"{_stem(path)}-{line}"))
    return finish(out, loader=func, options=_options(**given, sep=sep, encoding=encoding, tz=tz, keep=keep,
                                                      strict=strict),
                  sources=sources, problems=problems, strict=strict, tz=tz)


def _stem(path) -> str:
    name = Path(path).name
    for ext in (".csv.gz", ".tsv.gz", ".jsonl.gz", ".json.gz"):
        if name.lower().endswith(ext):
            return name[: -len(ext)]
    return Path(path).stem


# --------------------------------------------------------------------------
# Parquet
# --------------------------------------------------------------------------
def read_parquet(path_or_glob, *, doc_id=None, text=None, title=None, outlet=None, published=None,
                 url=None, lang=None, tz=None, keep=None, strict=False, progress=None):
    """Read Parquet files, one document per row.

    A file written by :meth:`Corpus.to_parquet` is read back with its
    provenance and problems when no column mapping is given.

    Parameters
    ----------
    path_or_glob : str, pathlib.Path or list
        Files, folders (``*.parquet``, ``*.pq``), glob patterns.
    doc_id, text, title, outlet, published, url, lang, tz, keep, strict, progress
        As in :func:`read_jsonl` (columns instead of keys).

    Returns
    -------
    Corpus

    Examples
    --------
    >>> import framing, pandas as pd, pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "news.parquet"
    >>> pd.DataFrame({"id": ["a"], "body": ["The news is good."], "site": ["bbc"]}).to_parquet(p)
    >>> framing.read_parquet(p, text="body", outlet="site").docs.loc[0, ["doc_id", "outlet", "lang"]].tolist()
    ['a', 'bbc', 'en']
    """
    import pyarrow.parquet as pq

    from ..corpus import _META_KEY, Corpus

    func = "read_parquet"
    _check(func, doc_id=doc_id, text=text, title=title, outlet=outlet, published=published, url=url,
           lang=lang, tz=tz, strict=strict, progress=progress, keep=keep)
    problems = ProblemLog(strict=strict)
    files = expand_paths(path_or_glob, problems=problems, suffixes=(".parquet", ".pq"), func_name=func)
    given = _given(doc_id, text, title, outlet, published, url, lang)
    no_mapping = all(v is None for v in given.values()) and keep is None
    if no_mapping and len(files) == 1 and not len(problems):
        try:
            md = pq.read_schema(files[0]).metadata or {}
        except Exception:  # noqa: BLE001 - reported below when reading
            md = {}
        if _META_KEY in md:
            return Corpus.read_parquet(files[0])
    out: list[dict] = []
    sources: list[dict] = []
    keepset = set(keep) if keep is not None else None
    for path in progress_bar(files, total=len(files), desc=func, enabled=progress):
        try:
            table = pq.read_table(path)
            sha = sha256_file(path)
        except Exception as exc:  # noqa: BLE001 - any damage: record and go on
            problems.add(path, f"unreadable Parquet file: {exc}", action="skipped")
            continue
        sources.append({"path": str(path), "sha256": sha})
        df = table.to_pandas()
        mapping, constants = resolve_mapping(df.columns, given, func_name=func, source=path)
        for i, row in enumerate(df.to_dict("records")):
            row = {k: (None if _isna(v) else v) for k, v in row.items()}
            out.append(make_record(row, mapping, constants, keepset, source=path,
                                   location=f"row {i + 1}", default_id=f"{path.stem}-{i + 1}"))
    return finish(out, loader=func, options=_options(**given, tz=tz, keep=keep, strict=strict),
                  sources=sources, problems=problems, strict=strict, tz=tz)


def _isna(v) -> bool:
    try:
        return v is None or (not isinstance(v, (list, tuple, dict, str)) and bool(v != v))
    except (TypeError, ValueError):
        return False
