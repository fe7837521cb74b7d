"""Reading JSON and JSON Lines files for the table loaders: decoding, parsing each
line or the whole file, and salvaging the documents of a damaged or cut file.
Every repair is recorded."""

from __future__ import annotations

import io
import json
import re
from collections import deque
from collections.abc import Iterator

from .._problems import ProblemLog
from ._common import decode_logged, iter_text_lines, read_source, scrub_record, stream_encoding
from ._reading import _HashingReader

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
