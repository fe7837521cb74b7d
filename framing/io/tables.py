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
import re
import sys
import zlib
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path

from .._errors import SchemaError
from .._options import InstanceOf, NoneOk, check
from .._problems import ProblemLog
from ._common import (
    check_common,
    decode_logged,
    decode_report,
    expand_paths,
    finish,
    iter_text_lines,
    progress_bar,
    read_source,
    scrub_record,
    sha256_file,
    stream_encoding,
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
#: an escaped UTF-16 surrogate in JSON text that is not part of a pair (a pair is one character)
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F])"
                               r"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}")


def parse_json_text(s: str, source, problems: ProblemLog, *, location=None):
    """Parse JSON text; returns the value or raises ValueError.

    Raw control characters inside strings (a tab or newline pasted into a
    value) are accepted with a problem recorded ("repaired"); lone escaped
    UTF-16 surrogates are replaced by U+FFFD and recorded; nesting too deep
    for the parser is a ValueError.
    """
    try:
        obj = json.loads(s)
    except RecursionError:
        raise ValueError("nested too deeply to be read") from None
    except ValueError as exc:
        try:
            obj = json.loads(s, strict=False)
        except (ValueError, RecursionError):
            raise exc from None
        problems.add(source, "raw control characters inside a JSON string; read leniently",
                     location=location, action="repaired")
    if "\\u" in s and _SURROGATE_ESCAPE.search(s):
        obj = scrub_record(obj, source, problems, location=location)
    return obj


def iter_jsonl(path, problems: ProblemLog, sources: list) -> Iterator[tuple[int, dict]]:
    """Yield ``(line number, object)`` for each good line of a JSON Lines file.

    Each line is decoded on its own (:func:`~framing.io._common.iter_text_lines`:
    UTF-16/32 with or without BOM, mixed UTF-8 and Cyrillic code pages, every
    repair recorded); lines are split at ``\\n`` only, so U+2028 or U+0085
    inside a string never cut a document.  Malformed lines (including a
    truncated last line), lines that are not JSON objects and an empty file
    are recorded in ``problems``; the file's sha256 is appended to
    ``sources`` once it has been read to the end.
    """
    try:
        raw = open(path, "rb")
    except OSError as exc:
        problems.add(path, f"unreadable file: {exc.strerror or exc}", action="skipped")
        return
    n_objects = 0
    n_problems = len(problems)
    try:
        head = raw.read(1 << 18)
        raw.seek(0)
        hashing = _HashingReader(raw)
        fh = io.BufferedReader(hashing, buffer_size=1 << 20)

        for item in _parse_lines(iter_text_lines(fh, head, source=path, problems=problems), path, problems):
            n_objects += 1
            yield item
        sha = hashing.finish_hash()
    except OSError as exc:
        problems.add(path, f"unreadable file: {exc.strerror or exc}", action="skipped")
        return
    finally:
        raw.close()
    if not n_objects and len(problems) == n_problems:
        problems.add(path, "empty file" + ("" if not head.strip() else " (only blank lines or a byte-order mark)"),
                     action="skipped")
    entry = {"path": str(path), "sha256": sha}
    enc = stream_encoding(head)
    if enc not in ("utf-8", "utf-8-sig", "ascii"):
        entry["encoding"] = enc
    sources.append(entry)


def _parse_lines(lines, path, problems: ProblemLog) -> Iterator[tuple[int, dict]]:
    pending = None  # hold one bad line to tell a truncated last line apart
    for i, line in lines:
        if pending is not None:
            problems.add(path, f"malformed JSON ({pending[1]})", location=f"line {pending[0]}", action="skipped")
            pending = None
        s = line.strip()
        if not s:
            continue
        try:
            obj = parse_json_text(s, path, problems, location=f"line {i}")
        except ValueError as exc:
            pending = (i, f"{exc.msg} at column {exc.colno}" if hasattr(exc, "msg") else str(exc))
            continue
        if not isinstance(obj, dict):
            problems.add(path, f"not a JSON object but {type(obj).__name__}", location=f"line {i}", action="skipped")
            continue
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
        texts and files, repeated ids, lines repaired or read in another
        encoding, strings with raw control characters read leniently, lone
        surrogates replaced) are in ``corpus.problems``.  Each line is decoded
        on its own (UTF-8, UTF-16/32 with or without BOM, cp1251, koi8-r…),
        and lines end at ``\n`` only.  A file whose keys lack the text (or a
        mapped key) is recorded and skipped; only when no file has it is a
        :class:`~framing._errors.SchemaError` raised.

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
    failures: list[SchemaError] = []
    for path in progress_bar(files, total=len(files), desc=func, enabled=progress):
        stem = path.stem
        mapping = None
        buffer: list[tuple[int, dict]] = []
        lines = iter_jsonl(path, problems, sources)
        for lineno, obj in lines:
            if mapping is None:
                buffer.append((lineno, obj))
                if len(buffer) < 50:
                    continue
                mapping = _map_from(buffer, given, func, path, problems, failures)
                if mapping is False:
                    break
                for ln, o in buffer:
                    records.append(make_record(o, *mapping, keepset, source=path,
                                               location=f"line {ln}", default_id=f"{stem}-{ln}"))
                buffer = []
                continue
            records.append(make_record(obj, *mapping, keepset, source=path,
                                       location=f"line {lineno}", default_id=f"{stem}-{lineno}"))
        lines.close()
        if buffer:
            mapping = _map_from(buffer, given, func, path, problems, failures)
            for ln, o in buffer if mapping else ():
                records.append(make_record(o, *mapping, keepset, source=path,
                                           location=f"line {ln}", default_id=f"{stem}-{ln}"))
    _all_files_unmapped(failures, records)
    return finish(records, loader=func, options=_options(**given, tz=tz, keep=keep, strict=strict),
                  sources=sources, problems=problems, strict=strict, tz=tz)


def _map_from(buffer, given, func, path, problems=None, failures=None):
    """The column mapping of one file from its first records; False when the file is skipped.

    Without ``problems`` a missing column raises :class:`SchemaError`; with
    it, the file is recorded as skipped (its error kept in ``failures``), so
    that one file with other columns never loses a folder (``strict=True``
    raises at once).
    """
    keys: dict[str, None] = {}
    for _, o in buffer:
        keys.update(dict.fromkeys(o))
    return _map_or_skip(keys, given, func, path, problems, failures)


def _map_or_skip(keys, given, func, path, problems, failures):
    try:
        return resolve_mapping(keys, given, func_name=func, source=path)
    except SchemaError as exc:
        if problems is None or problems.strict:
            raise
        failures.append(exc)
        problems.add(path, f"{exc} The file is skipped.", action="skipped")
        return False


def _all_files_unmapped(failures: list, records: list) -> None:
    """Raise the first column error when no file at all had the columns asked for.

    Then the mapping (``text=``…), not the data, is wrong: an empty corpus
    would hide that.
    """
    if failures and not records:
        raise failures[0]


# --------------------------------------------------------------------------
# JSON
# --------------------------------------------------------------------------
_RECORD_KEYS = ("documents", "docs", "data", "items", "records", "articles", "stories", "messages",
                "posts", "results", "rows")


#: keys whose list holds the records of a wrapped file (``{"messages": [...]}``, Telegram's ``chats.list``)
_SALVAGE_KEYS = frozenset(_RECORD_KEYS) | {"list", "chats"}
_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}:]', re.DOTALL)


def salvage_json(text: str, path, problems: ProblemLog, *, damaged_at: int, why: str):
    """The readable part of a damaged JSON document, as a value; None when there is none.

    The text is cut after the last complete element of an array before the
    damage (preferring the list of records: a top-level array or a list
    under ``messages``, ``documents``, ``chats.list``…) and the brackets
    still open there are closed, so a truncated top-level array, a
    truncated Telegram Desktop ``result.json`` and any wrapped list keep
    every element before the damage.  The cut is recorded.
    """
    stack: list[list] = []  # [bracket, last key] for each open container
    last_key = None
    rec_cuts: deque = deque(maxlen=6)
    any_cuts: deque = deque(maxlen=6)
    for m in _JSON_TOKEN.finditer(text, 0, damaged_at):
        tok = m.group()
        if tok[0] == '"':
            last_key = tok
            continue
        if tok == ":":
            if stack and stack[-1][0] == "{":
                stack[-1][1] = last_key
        elif tok in "[{":
            stack.append([tok, None])
        else:
            if not stack:
                break
            stack.pop()
            if stack and stack[-1][0] == "[":
                closers = "".join("]" if b == "[" else "}" for b, _ in reversed(stack))
                cut = (m.end(), closers)
                any_cuts.append(cut)
                owner = stack[-2][1] if len(stack) >= 2 else None
                key = owner[1:-1] if owner else None
                if len(stack) == 1 or (key and key.lower() in _SALVAGE_KEYS):
                    rec_cuts.append(cut)
    damaged_line = text.count("\n", 0, damaged_at) + 1
    for cut, closers in list(reversed(rec_cuts)) + list(reversed(any_cuts)):
        try:
            obj = json.loads(text[:cut] + closers, strict=False)
        except (ValueError, RecursionError):
            continue
        line = text.count("\n", 0, cut) + 1
        problems.add(path, f"{why} at line {damaged_line}: read up to the last complete element before it "
                     f"(line {line}); the rest is lost", location=f"line {damaged_line}", action="skipped")
        if "\\u" in text and _SURROGATE_ESCAPE.search(text, 0, cut):
            obj = scrub_record(obj, path, problems)
        return obj
    problems.add(path, f"{why} at line {damaged_line}; no complete element before it", location=f"line {damaged_line}",
                 action="skipped")
    return None


def salvage_json_array(text: str, path, problems: ProblemLog) -> list:
    """Elements of a damaged top-level JSON array before the damage (see :func:`salvage_json`)."""
    try:
        json.loads(text)
        at, why = len(text), "truncated JSON"
    except ValueError as exc:
        at, why = exc.pos, f"malformed JSON ({exc.msg})"
    obj = salvage_json(text, path, problems, damaged_at=at, why=why)
    return obj if isinstance(obj, list) else []


def load_json_file(path, problems: ProblemLog, sources: list):
    """Read, decode and parse a JSON file; salvage a damaged one.

    Decoding is per line with every repair recorded; strings with raw
    control characters are read leniently; a file cut short or damaged
    keeps everything before the damage (:func:`salvage_json`), wrapped
    lists included; JSON Lines saved as ``.json`` are read line by line.
    Returns the parsed value, or None after recording a problem.
    """
    data, _ = read_source(path, problems, sources)
    if data is None:
        return None
    text, enc = decode_logged(data, path, problems)
    del data
    if enc not in ("utf-8", "utf-8-sig", "ascii") and sources:
        sources[-1]["encoding"] = enc
    if not text.strip():
        problems.add(path, "empty file", action="skipped")
        return None
    try:
        return parse_json_text(text, path, problems)
    except ValueError as exc:
        err = exc
    # maybe it is JSON Lines after all (split at \n only: U+2028 may be inside a string)
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if len(lines) > 1 and lines[0].lstrip().startswith("{") and _is_json_line(lines[0], lines[1]):
        objs = []
        for i, ln in enumerate(text.split("\n"), 1):
            if not ln.strip():
                continue
            try:
                objs.append(parse_json_text(ln.strip(), path, problems, location=f"line {i}"))
            except ValueError as e2:
                problems.add(path, f"malformed JSON ({getattr(e2, 'msg', e2)})", location=f"line {i}",
                             action="skipped")
        return objs
    stripped = text.lstrip()
    if stripped.startswith(("[", "{")) and hasattr(err, "pos"):
        truncated = (not text[err.pos:].strip() or err.pos >= len(text.rstrip()) - 1
                     or (err.msg.startswith("Unterminated string") and "\n" not in text[err.pos:].rstrip()))
        why = "truncated JSON" if truncated else f"malformed JSON ({err.msg})"
        return salvage_json(text, path, problems, damaged_at=err.pos, why=why)
    msg = getattr(err, "msg", str(err))
    where = f" at line {err.lineno}, column {err.colno}" if hasattr(err, "lineno") else ""
    problems.add(path, f"malformed JSON ({msg}{where})", location=f"line {getattr(err, 'lineno', 1)}",
                 action="skipped")
    return None


def _is_json_line(first: str, second: str) -> bool:
    """Whether the first two non-blank lines are each a whole JSON value (JSON Lines)."""
    for ln in (first, second):
        try:
            json.loads(ln, strict=False)
        except (ValueError, RecursionError):
            return False
    return True


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
        A truncated or damaged file keeps every document before the damage,
        also when the list is wrapped in an object (``{"documents": [...]}``);
        strings with raw control characters are read leniently; JSON Lines
        saved as ``.json`` are read line by line.  Each is recorded in
        ``corpus.problems``.

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
    failures: list[SchemaError] = []
    for path in progress_bar(files, total=len(files), desc=func, enabled=progress):
        n0 = len(problems)
        obj = load_json_file(path, problems, sources)
        if obj is None:
            continue
        try:
            items = _records_of(obj, records, path, problems, func)
        except SchemaError as exc:
            if strict:
                raise
            failures.append(exc)
            problems.add(path, f"{exc} The file is skipped.", action="skipped")
            continue
        if not items and len(problems) == n0:
            problems.add(path, "no documents: the list is empty", action="skipped")
        good = []
        for i, item in enumerate(items, 1):
            if isinstance(item, dict):
                good.append((i, item))
            else:
                problems.add(path, f"element {i} is a {type(item).__name__}, not a JSON object",
                             location=f"element {i}", action="skipped")
        if not good:
            continue
        mapping = _map_from(good[:200], given, func, path, problems, failures)
        if not mapping:
            continue
        for i, item in good:
            out.append(make_record(item, *mapping, keepset, source=path,
                                   location=f"element {i}", default_id=f"{path.stem}-{i}"))
    _all_files_unmapped(failures, out)
    return finish(out, loader=func, options=_options(**given, records=records, tz=tz, keep=keep, strict=strict),
                  sources=sources, problems=problems, strict=strict, tz=tz)


# --------------------------------------------------------------------------
# CSV / TSV
# --------------------------------------------------------------------------
def sniff_sep(sample: str, path=None) -> str:
    """Guess the field separator from the first lines: tab, comma, semicolon or bar."""
    if path is not None and str(path).lower().endswith((".tsv", ".tab", ".tsv.gz")):
        return "\t"
    lines = [ln.rstrip("\r") for ln in sample.split("\n")[:20] if ln.strip()]
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

            out = b""
            try:
                with gzip.GzipFile(fileobj=fh) as gz:
                    while len(out) < size:
                        block = gz.read(min(1 << 16, size - len(out)))
                        if not block:
                            break
                        out += block
            except (OSError, EOFError, zlib.error):
                pass  # keep what came before the damage; reading reports it
            return out
        return fh.read(size)


#: the most physical lines one CSV row may span before its opening quote is taken as unbalanced
CSV_ROW_MAX_LINES = 10_000
#: quoting errors in one file after which every following line is read as one row (bounds the work)
CSV_MAX_QUOTE_ERRORS = 20


class _RowTooLong(Exception):
    pass


class _RowLines:
    """The physical lines fed to :mod:`csv`, remembering those of the current row.

    After a quoting error the lines of the damaged row can be fed again
    (``pending``) to a fresh reader, so reading resumes right after the line
    where the damage starts.  A row running over :data:`CSV_ROW_MAX_LINES`
    lines stops with ``_RowTooLong`` (memory and time stay bounded).
    """

    def __init__(self, lines):
        self.it = iter(lines)
        self.pending: deque = deque()
        self.buf: list[tuple[int, str]] = []

    def __iter__(self):
        return self

    def __next__(self) -> str:
        if len(self.buf) >= CSV_ROW_MAX_LINES:
            raise _RowTooLong()
        item = self.pending.popleft() if self.pending else next(self.it)
        self.buf.append(item)
        return item[1]


def _csv_rows(lines, sep: str, path, problems: ProblemLog):
    """Yield ``(first line number, fields)``, recovering from broken quoting.

    Rows are parsed strictly.  A quoting error inside one line (``"ab"c``) is
    read leniently and recorded; a quote that is never closed (which would
    swallow every following row into one field) is recorded with the line
    where it starts, that line is skipped and reading resumes on the next
    line, so the rows before and after are kept.  After
    :data:`CSV_MAX_QUOTE_ERRORS` such errors the file's quoting is taken as
    broken: each following line is read as one row (recorded once).
    """
    src = _RowLines(lines)
    reader = csv.reader(src, delimiter=sep, strict=True)
    errors = 0
    while True:
        src.buf = []
        try:
            row = next(reader)
        except StopIteration:
            return
        except (csv.Error, _RowTooLong) as exc:
            why = str(exc) if isinstance(exc, csv.Error) else f"more than {CSV_ROW_MAX_LINES} lines"
            taken = src.buf
            if not taken:
                raise
            errors += 1
            start = taken[0][0]
            if len(taken) == 1:
                try:
                    row = _lenient_row(taken[0][1], sep)
                except csv.Error as exc2:
                    problems.add(path, f"CSV error ({exc2}); the line is skipped", location=f"line {start}",
                                 action="skipped")
                else:
                    problems.add(path, f"malformed quoting ({why}); the row was read leniently",
                                 location=f"line {start}", action="repaired")
                    yield start, row
            else:
                problems.add(path, f"unbalanced quote: the row at line {start} runs on over {len(taken)} lines "
                             f"({why}); that line is skipped and reading resumes at line {start + 1}",
                             location=f"line {start}", action="skipped")
                src.pending.extendleft(reversed(taken[1:]))
            if errors >= CSV_MAX_QUOTE_ERRORS:
                yield from _line_rows(src, sep, path, problems)
                return
            reader = csv.reader(src, delimiter=sep, strict=True)
            continue
        yield (src.buf[0][0] if src.buf else 0), row


def _line_rows(src: _RowLines, sep: str, path, problems: ProblemLog):
    """Each remaining physical line as one row (quoting too broken to follow)."""
    def rest():
        while src.pending:
            yield src.pending.popleft()
        yield from src.it

    noted = False
    for i, line in rest():
        if not noted:
            problems.add(path, f"{CSV_MAX_QUOTE_ERRORS} quoting errors: from line {i} on, each line is read "
                         "as one row", location=f"line {i}", action="repaired")
            noted = True
        try:
            yield i, _lenient_row(line, sep)
        except csv.Error as exc:
            problems.add(path, f"CSV error ({exc}); the line is skipped", location=f"line {i}", action="skipped")


def _lenient_row(line: str, sep: str) -> list[str]:
    """One line read by :mod:`csv` without strict quoting; a bare ``\\r`` inside a field stays in it."""
    body = line[:-1] if line.endswith("\n") else line
    body = body[:-1] if body.endswith("\r") else body
    mark = "\ue000"
    if "\r" in body and mark not in body:
        return [f.replace(mark, "\r") for f in next(csv.reader([body.replace("\r", mark)], delimiter=sep), [])]
    return next(csv.reader([line], delimiter=sep), [])


def iter_csv_file(path, problems: ProblemLog, sources: list, *, sep=None, encoding=None):
    """Stream ``(line number, row dict)`` from a CSV/TSV file, plain or gzip.

    Lines are decoded one by one unless ``encoding`` is given
    (:func:`~framing.io._common.iter_text_lines`: UTF-16/32 with or without
    BOM, mixed UTF-8 and code pages, every repair recorded); the separator
    is sniffed (unless given); rows with the wrong number of fields, broken
    quoting (:func:`_csv_rows`) and undecodable bytes are recorded in
    ``problems``; a damaged gzip keeps the rows read before the damage.
    ``{path, sha256}`` is appended to ``sources`` at the end.
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
    buffered = io.BufferedReader(hashing, buffer_size=1 << 20)
    try:
        stream = gzip.GzipFile(fileobj=buffered) if _is_gzip(path) else buffered
    except OSError as exc:
        problems.add(path, f"unreadable file: {exc.strerror or exc}", action="skipped")
        raw.close()
        return
    if encoding is None:
        enc = stream_encoding(head)
        lines = iter_text_lines(stream, head, source=path, problems=problems, keepends=True)
        sample = decode_report(head[: 1 << 16])[0]
    else:
        enc = encoding
        lines = enumerate(io.TextIOWrapper(stream, encoding=enc, errors="replace", newline=""), 1)
        sample = head[: 1 << 16].decode(enc, errors="replace")
    if enc not in ("utf-8", "ascii", "utf-8-sig"):
        entry["encoding"] = enc
    if sep is None:
        sep = sniff_sep(sample.lstrip("\ufeff"), _strip_gz(path))
    old = csv.field_size_limit()
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    header = None
    n = line = seen = 0
    try:
        for line, row in _csv_rows(lines, sep, path, problems):
            if header is None:
                if not any(c.strip() for c in row):
                    continue
                header = _unique_header(row)
                continue
            if not row or (len(row) == 1 and not row[0].strip()):
                continue
            seen += 1
            if len(row) != len(header):
                if len(row) > len(header) and not any(c.strip() for c in row[len(header):]):
                    row = row[:len(header)]
                else:
                    problems.add(path, f"{len(row)} fields where the header has {len(header)}",
                                 location=f"line {line}", action="skipped")
                    continue
            if encoding is not None and any("\ufffd" in c for c in row):
                problems.add(path, f"undecodable bytes replaced by U+FFFD (read as {enc})",
                             location=f"line {line}", action="repaired")
            n += 1
            yield line, dict(zip(header, row))
        if header is None:
            problems.add(path, "empty file", action="skipped")
        elif not seen:
            problems.add(path, f"no row after the header (columns: {header[:10]})", action="skipped")
    except (OSError, EOFError, zlib.error) as exc:
        problems.add(path, f"damaged or truncated file ({exc}); the {n} row(s) before it kept",
                     location=f"line {line}", action="skipped")
    except csv.Error as exc:
        problems.add(path, f"CSV error ({exc}); the {n} row(s) before it kept",
                     location=f"line {line}", action="skipped")
    finally:
        csv.field_size_limit(old)
        try:
            entry["sha256"] = hashing.finish_hash()
        except OSError:
            pass
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
        Values are read as strings (empty cells are missing).  Recorded in
        ``corpus.problems``: rows with the wrong number of fields; a quote
        never closed (the line where it starts is skipped and reading
        resumes on the next line, so it cannot swallow the rows after it);
        stray quotes read leniently; lines decoded in another encoding than
        the file's or repaired (each line is decoded on its own); a damaged
        gzip (the rows before the damage are kept); a file without the text
        column (skipped; a :class:`~framing._errors.SchemaError` only when no
        file has it).

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
    failures: list[SchemaError] = []
    for path in progress_bar(files, total=len(files), desc=func, enabled=progress):
        mapping = None
        rows = iter_csv_file(path, problems, sources, sep=sep, encoding=encoding)
        for line, row in rows:
            if mapping is None:
                mapping = _map_or_skip(row.keys(), given, func, path, problems, failures)
                if not mapping:
                    break
            out.append(make_record(_empty_to_none(row), *mapping, keepset, source=path,
                                   location=f"line {line}", default_id=f"{_stem(path)}-{line}"))
        rows.close()
    _all_files_unmapped(failures, out)
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
    failures: list[SchemaError] = []
    for path in progress_bar(files, total=len(files), desc=func, enabled=progress):
        try:
            table = pq.read_table(path)
            sha = sha256_file(path)
        except Exception as exc:  # noqa: BLE001 - any damage: record and go on
            problems.add(path, f"unreadable Parquet file: {exc}", action="skipped")
            continue
        sources.append({"path": str(path), "sha256": sha})
        df = table.to_pandas()
        mapping = _map_or_skip(df.columns, given, func, path, problems, failures)
        if not mapping:
            continue
        for i, row in enumerate(df.to_dict("records")):
            row = {k: (None if _isna(v) else v) for k, v in row.items()}
            out.append(make_record(row, *mapping, keepset, source=path,
                                   location=f"row {i + 1}", default_id=f"{path.stem}-{i + 1}"))
    _all_files_unmapped(failures, out)
    return finish(out, loader=func, options=_options(**given, tz=tz, keep=keep, strict=strict),
                  sources=sources, problems=problems, strict=strict, tz=tz)


def _isna(v) -> bool:
    try:
        return v is None or (not isinstance(v, (list, tuple, dict, str)) and bool(v != v))
    except (TypeError, ValueError):
        return False
