"""Helpers shared by every loader: reading, decoding, normalising, finishing.

Every ``read_*`` loader follows the same steps::

    files = expand_paths(path_or_glob, problems=problems, suffixes=(...))
    for path in files:
        data, sha = read_source(path, problems)      # None when unreadable
        text, encoding, repaired = decode_bytes(data)
        ... build one dict per document ...
    return finish(records, loader="read_x", options=..., sources=...,
                  problems=problems, strict=strict)

``finish`` normalises text and title, detects languages, skips empty texts,
makes repeated ``doc_id`` unique, converts dates to UTC, stores provenance in
``Corpus.meta`` and emits one warning summarising the problems.
"""

from __future__ import annotations

import datetime as _dt
import glob as _glob
import hashlib
import html
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from .._errors import LoadError
from .._options import Callable_, InstanceOf, NoneOk, check
from .._problems import ProblemLog
from .._version import __version__

__all__ = [
    "CORE_FIELDS",
    "COMMON_OPTIONS",
    "read_bytes",
    "read_source",
    "sha256_file",
    "decode_bytes",
    "decode_report",
    "decode_logged",
    "iter_text_lines",
    "scrub_surrogates",
    "normalize_text",
    "normalize_texts",
    "expand_paths",
    "progress_bar",
    "check_common",
    "finish",
]

CORE_FIELDS = ("doc_id", "outlet", "published", "lang", "title", "text", "url")

#: Option constraints shared by the loaders (used with ``framing._options.check``).
COMMON_OPTIONS = {
    "outlet": [InstanceOf(str), NoneOk()],
    "lang": [InstanceOf(str), NoneOk()],
    "tz": [InstanceOf(str, _dt.tzinfo), NoneOk()],
    "strict": InstanceOf(bool),
    "progress": [InstanceOf(bool), NoneOk()],
    "encoding": [InstanceOf(str), NoneOk()],
    "doc_id": [InstanceOf(str), NoneOk()],
    "text": [InstanceOf(str), NoneOk()],
    "title": [InstanceOf(str), NoneOk()],
    "published": [InstanceOf(str), NoneOk()],
    "url": [InstanceOf(str), NoneOk()],
    "columns": [InstanceOf(dict), NoneOk()],
    "sep": [InstanceOf(str), NoneOk()],
    "callable": Callable_(),
}

#: Number of files from which a progress bar is shown when ``progress=None``.
PROGRESS_MIN_FILES = 50


def check_common(func_name: str, **values) -> None:
    """Check common loader options (``outlet``, ``lang``, ``tz``, ``strict``, ...)."""
    check(func_name, COMMON_OPTIONS, **values)
    tz = values.get("tz")
    if isinstance(tz, str):
        try:
            pd.Timestamp("2000-01-01").tz_localize(tz)
        except Exception as exc:  # noqa: BLE001 - any failure means an unknown zone
            from .._errors import OptionError

            raise OptionError(
                f"{func_name}(): tz={tz!r} is not a time zone pandas knows ({exc}); "
                "use an IANA name such as 'Europe/Moscow' or 'UTC'."
            ) from None


# --------------------------------------------------------------------------
# reading
# --------------------------------------------------------------------------
def read_bytes(path) -> tuple[bytes, str]:
    """Read a whole file.

    Parameters
    ----------
    path : str or pathlib.Path

    Returns
    -------
    data : bytes
        The file's content.
    sha256 : str
        Hex digest of ``data``, stored in ``Corpus.meta['sources']``.

    Raises
    ------
    OSError
        When the file cannot be read (loaders catch it and record a problem).
    """
    with open(path, "rb") as fh:
        data = fh.read()
    return data, hashlib.sha256(data).hexdigest()


def sha256_file(path, *, chunk_size: int = 1 << 20) -> str:
    """sha256 of a file, read in chunks (for files parsed by another library)."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(chunk_size), b""):
            h.update(block)
    return h.hexdigest()


def read_source(path, problems: ProblemLog, sources: list | None = None):
    """Read a file or record why it could not be read.

    Returns ``(data, sha256)``, or ``(None, None)`` after recording an
    "unreadable file" problem.  When ``sources`` is given, ``{path, sha256}``
    is appended to it for readable files.
    """
    try:
        data, sha = read_bytes(path)
    except OSError as exc:
        problems.add(path, f"unreadable file: {exc.strerror or exc}", action="skipped")
        return None, None
    if sources is not None:
        sources.append({"path": str(path), "sha256": sha})
    return data, sha


_GLOB_CHARS = re.compile(r"[*?\[]")


def expand_paths(path_or_glob, *, problems: ProblemLog, suffixes: Iterable[str] | None = None,
                 func_name: str = "read") -> list[Path]:
    """Expand files, directories and glob patterns into a sorted list of files.

    Parameters
    ----------
    path_or_glob : str, pathlib.Path or list of them
        A file, a directory (searched recursively, hidden files skipped), a glob
        pattern (``**`` allowed) or a list mixing these.  Folders are walked
        with :func:`walk_files`: a symbolic-link loop is entered once, an
        unreadable folder recorded.
    problems : ProblemLog
        Paths that match nothing are recorded here ("no such file"), and
        link loops and unreadable folders.
    suffixes : iterable of str, optional
        Keep only files from directories whose name ends with one of these
        (case-insensitive, e.g. ``(".txt",)``).  Files named explicitly and
        glob matches are always kept.
    func_name : str
        The loader, for the error message.

    Returns
    -------
    list of pathlib.Path
        Unique files, sorted by path.

    Raises
    ------
    LoadError
        When nothing at all matches: there is nothing to load.
    """
    if isinstance(path_or_glob, (str, os.PathLike)):
        items = [path_or_glob]
    elif isinstance(path_or_glob, Iterable):
        items = list(path_or_glob)
    else:
        raise LoadError(
            f"{func_name}(): expected a path, a glob pattern or a list of them, "
            f"got {type(path_or_glob).__name__}."
        )
    sfx = tuple(s.lower() for s in suffixes) if suffixes else None
    found: dict[str, Path] = {}
    for item in items:
        p = Path(os.fspath(item)).expanduser()
        if p.is_file():
            found[str(p)] = p
        elif p.is_dir():
            n0 = len(found)
            for f in walk_files(p, problems):
                if sfx and not f.name.lower().endswith(sfx):
                    continue
                found[str(f)] = f
            if len(found) == n0:
                problems.add(p, "the folder holds no matching file"
                             + (f" ({', '.join(sfx)})" if sfx else ""), action="skipped")
        elif _GLOB_CHARS.search(str(item)):
            matches = _glob_files(os.path.expanduser(str(item)), problems)
            if not matches:
                problems.add(item, "the pattern matches no file", action="skipped")
            for m in matches:
                found[str(m)] = m
        else:
            problems.add(p, "no such file or folder", action="skipped")
    if not found:
        raise LoadError(
            f"{func_name}(): nothing to read in {path_or_glob!r}: no file matches. "
            "Check the path (relative paths start from the current folder "
            f"{os.getcwd()!r})."
        )
    return [found[k] for k in sorted(found)]


def walk_files(root: Path, problems: ProblemLog) -> list[Path]:
    """Files under ``root``, recursively, sorted; hidden names skipped.

    Symbolic links to folders are followed, but each real folder is read
    once: a link loop (or a second link to a folder already read) is recorded
    and not entered again, so a loop never hangs a load nor reads a file
    many times.  A folder that cannot be listed is recorded ("unreadable
    folder") and the rest is read.
    """
    seen: set[str] = set()
    out: list[Path] = []
    stack = [Path(root)]
    while stack:
        d = stack.pop()
        real = os.path.realpath(d)
        if real in seen:
            problems.add(d, "a symbolic link leads back to a folder already read; not read again",
                         action="skipped")
            continue
        seen.add(real)
        try:
            with os.scandir(d) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            problems.add(d, f"unreadable folder: {exc.strerror or exc}", action="skipped")
            continue
        subdirs = []
        for e in entries:
            if e.name.startswith("."):
                continue
            try:
                if e.is_dir():
                    subdirs.append(Path(e.path))
                elif e.is_file():
                    out.append(Path(e.path))
            except OSError:
                continue
        stack.extend(reversed(subdirs))
    return sorted(out)


def _glob_files(pattern: str, problems: ProblemLog) -> list[Path]:
    """Files matching a glob pattern; ``**`` is matched with :func:`walk_files` (loop-safe)."""
    import fnmatch

    parts = Path(pattern).parts
    if "**" not in parts:
        return [Path(m) for m in _glob.glob(pattern) if os.path.isfile(m)]
    k = next(i for i, part in enumerate(parts) if _GLOB_CHARS.search(part))
    root = Path(*parts[:k]) if k else Path(".")
    if not root.is_dir():
        return []
    rx = [None if part == "**" else re.compile(fnmatch.translate(part)) for part in parts[k:]]

    def match(names, pats) -> bool:
        if not pats:
            return not names
        if pats[0] is None:
            return any(match(names[j:], pats[1:]) for j in range(len(names) + 1))
        return bool(names) and bool(pats[0].match(names[0])) and match(names[1:], pats[1:])

    out = []
    for f in walk_files(root, problems):
        rel = f.relative_to(root).parts
        if match(rel, rx):
            out.append(f if k else Path(os.path.relpath(f)))
    return out


def progress_bar(iterable, *, total: int | None = None, desc: str = "", enabled: bool | None = None):
    """Wrap ``iterable`` in a progress bar (:func:`framing._progress.progress_bar`).

    ``enabled=None`` shows the bar only for many items (``total`` ≥ 50); a
    disabled bar is the iterable itself (no tqdm).
    """
    if enabled is None:
        enabled = total is not None and total >= PROGRESS_MIN_FILES
    from .._progress import progress_bar as _bar

    return _bar(iterable, enabled=enabled, total=total, desc=desc, unit="file")


# --------------------------------------------------------------------------
# decoding
# --------------------------------------------------------------------------
_BOMS = (
    (b"\x00\x00\xfe\xff", "utf-32-be", "utf-32"),
    (b"\xff\xfe\x00\x00", "utf-32-le", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig", "utf-8-sig"),
    (b"\xfe\xff", "utf-16-be", "utf-16"),
    (b"\xff\xfe", "utf-16-le", "utf-16"),
)

# Frequent letter pairs of Russian and Ukrainian (lowercase); a plausible
# decoding produces many of them, a wrong code page almost none.
_CYR_BIGRAMS = frozenset(
    "ст но то на ен ов ни ра во ко ос пр ер ре ро по ал ан ет ли ла ол од ог ор "
    "не ка та ва ть ие ел го ве ам ом де ри ми ит ин за ат ад ий ой ый ск от да "
    "ся ся ел ля ль ти ці ні ий ої ає ій ав ів нн ьк ує ти як ць".split()
)
_CYR_LOWER = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў")
_CYR_UPPER = frozenset("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯІЇЄҐЎ")
_SINGLE_BYTE = ("cp1251", "koi8-r", "koi8-u")
_CP1252_OK = frozenset("\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u20ac\u00a0\u00ab\u00bb\u00b0\u00a9\u00ae\u2122\u00b7\u00a3\u00a7")


def _cyrillic_score(text: str) -> float:
    """How much ``text`` looks like Russian/Ukrainian prose (higher is better).

    Rewards lowercase Cyrillic letters, capitals only at word starts and
    frequent bigrams; penalises box-drawing and control characters, capitals
    inside words and Cyrillic letters glued to Latin ones.
    """
    score = 0.0
    prev = " "
    for ch in text:
        if ch < "\x80":
            if ch.isalpha() and (prev in _CYR_LOWER or prev in _CYR_UPPER):
                score -= 2.0
            prev = ch
            continue
        if ch in _CYR_LOWER:
            score += 1.0
            if prev.isascii() and prev.isalpha():
                score -= 3.0
            elif prev + ch in _CYR_BIGRAMS:
                score += 0.5
        elif ch in _CYR_UPPER:
            if prev in _CYR_LOWER or prev in _CYR_UPPER:
                score -= 1.0 if prev in _CYR_UPPER else 2.0
            else:
                score += 0.5
        elif "\u2500" <= ch <= "\u25ff" or ch < "\xa0" or ch == "\ufffd":
            score -= 3.0
        elif ch.isalpha():
            score -= 0.5
        prev = ch
    return score


def _looks_utf16(data: bytes):
    """Return 'utf-16-le' / 'utf-16-be' when ``data`` is BOM-less UTF-16, else None.

    Judged by the pattern of high bytes: ASCII in UTF-16 has a zero byte in
    every pair, Cyrillic a 0x04.  An odd length (a cut file) is allowed.
    """
    sample = data[: 1 << 16]
    sample = sample[: len(sample) - len(sample) % 2]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    half = len(even)
    hi_odd = (odd.count(0) + odd.count(4)) / half
    hi_even = (even.count(0) + even.count(4)) / half
    if hi_odd >= 0.6 and hi_even < 0.2:
        return "utf-16-le"
    if hi_even >= 0.6 and hi_odd < 0.2:
        return "utf-16-be"
    return None


def _looks_utf32(data: bytes):
    """Return 'utf-32-le' / 'utf-32-be' when ``data`` is BOM-less UTF-32, else None."""
    sample = data[: 1 << 16]
    sample = sample[: len(sample) - len(sample) % 4]
    if len(sample) < 8:
        return None
    q = [sample[i::4] for i in range(4)]
    m = len(q[0])
    zero = [b.count(0) / m for b in q]
    if zero[2] >= 0.95 and zero[3] >= 0.95 and zero[0] < 0.5:
        return "utf-32-le"
    if zero[0] >= 0.95 and zero[1] >= 0.95 and zero[3] < 0.5:
        return "utf-32-be"
    return None


def sniff_encoding(head: bytes) -> str | None:
    """A multi-byte encoding told by a byte-order mark or by NUL patterns, else None.

    Returns ``'utf-8-sig'``, ``'utf-16-le'``/``'-be'`` or ``'utf-32-le'``/``'-be'``
    (with or without BOM); None means an 8-bit encoding, decided line by line
    (:class:`LineDecoder`).
    """
    for bom, name, _ in _BOMS:
        if head.startswith(bom):
            return name
    first = head[:4096]
    if b"\x00" in first:
        return _looks_utf32(head) or _looks_utf16(head)
    if b"\x04" in first:  # Cyrillic-only UTF-16 has no NUL byte
        return _looks_utf16(head)
    return None


def bom_codec(name: str, head: bytes) -> str:
    """The codec that reads a stream named ``name`` by :func:`sniff_encoding`, skipping its BOM."""
    for bom, bname, codec in _BOMS:
        if bname == name and head.startswith(bom):
            return codec
    return name


def _pick_cyrillic(raw: bytes, prior: str | None):
    """(score, codec, text) of the most plausible Cyrillic code page for ``raw``.

    The ``prior`` (the file's code page) is kept unless its reading is poor
    and another is clearly better.
    """
    if prior in _SINGLE_BYTE:
        s = raw.decode(prior, errors="replace")
        sc = _cyrillic_score(s)
        letters = sum(1 for ch in s if ch in _CYR_LOWER or ch in _CYR_UPPER)
        if letters and sc >= 0.5 * letters:
            return sc, prior, s
        best = (sc, prior, s)
    else:
        best = None
    for enc in _SINGLE_BYTE:
        if enc == prior:
            continue
        s = raw.decode(enc, errors="replace")
        sc = _cyrillic_score(s)
        margin = max(2.0, 0.1 * abs(best[0])) if best is not None and best[1] == prior else 1e-9
        if best is None or sc > best[0] + margin:
            best = (sc, enc, s)
    if best[1] == "koi8-u" and raw.decode("koi8-u", errors="replace") == raw.decode("koi8-r", errors="replace"):
        best = (best[0], "koi8-r", best[2])
    return best


def _plausible_cyrillic(raw: bytes, pick) -> bool:
    high = sum(1 for b in raw if b > 0x7F)
    letters = sum(1 for ch in pick[2] if ch in _CYR_LOWER or ch in _CYR_UPPER)
    return pick[0] > 0 and letters >= 0.3 * high


def _cp1252_plausible(raw: bytes):
    try:
        west = raw.decode("cp1252")
    except UnicodeDecodeError:
        return None
    if all(ch < "\x80" or ch in _CP1252_OK or ("\xc0" <= ch <= "\xff" and ch.isalpha()) for ch in west):
        n_latin = sum(1 for ch in west if "\xc0" <= ch <= "\xff")
        n_ascii_letters = sum(1 for ch in west if ch.isascii() and ch.isalpha())
        if n_latin <= 0.2 * max(n_ascii_letters, 1):
            return west
    return None


def _utf8_cut_tail(raw: bytes) -> int:
    """Bytes at the end of ``raw`` that begin a UTF-8 character cut short (0 if none)."""
    for k in (1, 2, 3):
        if len(raw) < k:
            break
        b = raw[-k]
        if b & 0xC0 == 0xC0:  # a lead byte
            need = 2 if b < 0xE0 else 3 if b < 0xF0 else 4
            if need > k and all(x & 0xC0 == 0x80 for x in raw[len(raw) - k + 1:]):
                try:
                    raw[:-k].decode("utf-8")
                except UnicodeDecodeError:
                    return 0
                return k
            return 0
        if b & 0xC0 != 0x80:
            return 0
    return 0


def _guess_8bit(sample: bytes) -> str:
    """The main encoding of 8-bit data: ``'utf-8'`` when valid UTF-8 lines are at
    least as many as invalid ones, else a code page judged on the invalid lines."""
    good = 0
    bad_lines = []
    for line in sample.split(b"\n"):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            good += 1
        except UnicodeDecodeError:
            if _utf8_cut_tail(line):
                good += 1
            else:
                bad_lines.append(line)
    if not bad_lines or good >= len(bad_lines):
        return "utf-8"
    bad = b"\n".join(bad_lines)
    loose = bad.decode("utf-8", errors="replace")
    n_bad = loose.count("\ufffd")
    if sum(1 for ch in loose if ch > "\x7f") - n_bad >= max(1, n_bad):
        return "utf-8"  # UTF-8 with a few stray bytes on many lines
    pick = _pick_cyrillic(bad[: 1 << 15], None)
    if _plausible_cyrillic(bad[: 1 << 15], pick):
        return pick[1]
    if _cp1252_plausible(bad) is not None:
        return "cp1252"
    try:
        from charset_normalizer import from_bytes

        guess = from_bytes(bad[: 1 << 18]).best()
    except Exception:  # noqa: BLE001 - a failing guesser must not stop a load
        guess = None
    if guess is not None and guess.encoding:
        try:
            import codecs

            return codecs.lookup(guess.encoding).name
        except LookupError:
            pass
    return "utf-8"


class LineDecoder:
    """Decode the lines of 8-bit data one by one, each in its own encoding.

    A line that is valid UTF-8 is UTF-8.  Otherwise: a line that is mostly valid
    UTF-8 keeps UTF-8 with its invalid runs (and a character cut at the end)
    replaced by U+FFFD; a line of Cyrillic in a code page is read with the
    file's code page (``prior``) unless cp1251, koi8-r or koi8-u reads it
    clearly better; Western text may be cp1252.  Every line that needed a
    decision other than the file's encoding gets a note saying what was done.

    Parameters
    ----------
    sample : bytes
        The beginning of the data, from which the file's main encoding
        (``prior``) is judged.
    """

    def __init__(self, sample: bytes):
        self.prior = _guess_8bit(sample)

    def decode(self, raw: bytes) -> tuple[str, str, str | None]:
        """(text, encoding, note or None) of one line."""
        if raw.isascii():
            return raw.decode("ascii"), "ascii", None
        try:
            return raw.decode("utf-8"), "utf-8", None
        except UnicodeDecodeError:
            pass
        prior = self.prior
        cut = _utf8_cut_tail(raw)
        if cut:
            return (raw[:-cut].decode("utf-8") + "\ufffd", "utf-8",
                    "the line ends inside a UTF-8 character, whose bytes were replaced by U+FFFD")
        loose = raw.decode("utf-8", errors="replace")
        n_bad = loose.count("\ufffd")
        valid_mb = sum(1 for ch in loose if ch > "\x7f") - n_bad
        if prior not in ("utf-8",) + _SINGLE_BYTE:
            text = raw.decode(prior, errors="replace")
            return text, prior, ("undecodable bytes replaced by U+FFFD (read as " + prior + ")"
                                 if "\ufffd" in text else None)
        if valid_mb >= max(1, n_bad) or (prior == "utf-8" and n_bad <= 2 and valid_mb):
            return loose, "utf-8", f"{n_bad} invalid UTF-8 byte run(s) replaced by U+FFFD"
        pick = _pick_cyrillic(raw, prior)
        if _plausible_cyrillic(raw, pick):
            text, enc = pick[2], pick[1]
            if "\ufffd" in text:
                return text, enc, f"read as {enc}; undecodable bytes replaced by U+FFFD"
            if enc == prior:
                return text, enc, None
            return text, enc, f"read as {enc} (the rest of the file is {prior})"
        west = _cp1252_plausible(raw)
        if west is not None:
            return west, "cp1252", f"read as cp1252 (the rest of the file is {prior})"
        return loose, "utf-8", f"{n_bad} invalid UTF-8 byte run(s) replaced by U+FFFD"


def decode_report(data: bytes) -> tuple[str, str, list[tuple[int, str]]]:
    """Decode bytes whose encoding is unknown, saying what was repaired on which line.

    The order: a byte-order mark (UTF-8, UTF-16, UTF-32); BOM-less UTF-32 or
    UTF-16 (told by the pattern of NUL bytes; an odd last byte is dropped);
    strict UTF-8; otherwise line by line with :class:`LineDecoder`, so that a
    stray byte in UTF-8 text or a few lines in another code page never make
    the whole file mojibake.

    Returns
    -------
    text : str
        With ``\\n`` between the lines as in the data (no other line breaks
        are touched).
    encoding : str
        The main encoding.
    notes : list of (int, str)
        ``(line number, what was done)`` for every line that was repaired or
        read in another encoding than the main one.
    """
    if not data:
        return "", "utf-8", []
    enc = sniff_encoding(data[: 1 << 16])
    if enc is not None:
        codec = bom_codec(enc, data)
        width = 4 if "32" in enc else 2 if "16" in enc else 1
        extra = len(data) % width
        try:
            return data.decode(codec), enc, []
        except UnicodeDecodeError:
            text = data[: len(data) - extra].decode(codec, errors="replace")
        notes = [(i, f"undecodable bytes (a lone surrogate or a cut character) replaced by U+FFFD (read as {enc})")
                 for i, ln in enumerate(text.split("\n"), 1) if "\ufffd" in ln]
        if extra:
            text += "\ufffd"
            notes.append((text.count("\n") + 1, f"the file ends inside a character ({extra} byte(s) replaced by U+FFFD)"))
        return text, enc, notes
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    dec = LineDecoder(data[: 1 << 18])
    parts, notes, counts = [], [], {}
    for i, raw in enumerate(data.split(b"\n"), 1):
        text, used, note = dec.decode(raw)
        parts.append(text)
        if used != "ascii":
            counts[used] = counts.get(used, 0) + 1
        if note:
            notes.append((i, note))
    main = max(counts, key=counts.get) if counts else dec.prior
    return "\n".join(parts), main, notes


def decode_bytes(data: bytes) -> tuple[str, str, bool]:
    """Decode bytes whose encoding is unknown (see :func:`decode_report`).

    Parameters
    ----------
    data : bytes

    Returns
    -------
    text : str
        The decoded text (not yet normalised; see :func:`normalize_text`).
    encoding : str
        The main encoding, e.g. ``'utf-8'``, ``'utf-8-sig'``, ``'utf-16-le'``,
        ``'cp1251'``, ``'koi8-r'``.
    repaired : bool
        True when some line was repaired or read in another encoding
        (:func:`decode_report` says which and how).

    Examples
    --------
    >>> from framing.io._common import decode_bytes
    >>> decode_bytes("Привет, мир".encode("cp1251"))
    ('Привет, мир', 'cp1251', False)
    >>> decode_bytes("Привет, мир".encode("koi8-r"))[1]
    'koi8-r'
    """
    text, enc, notes = decode_report(data)
    return text, enc, bool(notes)


def decode_logged(data: bytes, source, problems: ProblemLog, *, doc_id=None) -> tuple[str, str]:
    """:func:`decode_report` with every note recorded in ``problems`` (action "repaired")."""
    text, enc, notes = decode_report(data)
    for line, note in notes:
        problems.add(source, note, location=f"line {line}", doc_id=doc_id, action="repaired")
    return text, enc


def iter_text_lines(fh, head: bytes, *, source, problems: ProblemLog, keepends: bool = False):
    """Yield ``(line number, text)`` from a binary stream, each line decoded on its own.

    UTF-16/32 streams (with or without BOM) are decoded whole and split at
    ``\\n`` only; 8-bit streams line by line with :class:`LineDecoder`, every
    repair recorded in ``problems`` with its line.  U+2028, U+0085 and lone
    ``\\r`` never end a line.  ``keepends=True`` keeps the line ends (for
    :mod:`csv`).  The main encoding is given by :func:`stream_encoding`.
    """
    enc = sniff_encoding(head)
    if enc is not None and enc != "utf-8-sig":
        import io as _io

        wrapper = _io.TextIOWrapper(fh, encoding=bom_codec(enc, head), errors="replace", newline="\n")
        try:
            for i, line in enumerate(wrapper, 1):
                if "\ufffd" in line:
                    problems.add(source, f"undecodable bytes replaced by U+FFFD (read as {enc})",
                                 location=f"line {i}", action="repaired")
                yield i, (line if keepends else line.rstrip("\n").rstrip("\r"))
        finally:
            wrapper.detach()  # the caller closes its stream
        return
    dec = LineDecoder(head)
    for i, raw in enumerate(fh, 1):
        if i == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if not keepends:
            raw = raw.rstrip(b"\n").rstrip(b"\r")
        if raw.isascii():
            yield i, raw.decode("ascii")
            continue
        text, _, note = dec.decode(raw)
        if note:
            problems.add(source, note, location=f"line {i}", action="repaired")
        yield i, text


def stream_encoding(head: bytes) -> str:
    """The main encoding of a stream from its first bytes (for provenance)."""
    return sniff_encoding(head) or _guess_8bit(head)


_SURROGATE = re.compile("[\ud800-\udfff]")


def scrub_surrogates(s: str) -> tuple[str, int]:
    """``s`` with lone UTF-16 surrogates (which cannot be written as UTF-8) replaced by U+FFFD."""
    if not _SURROGATE.search(s):
        return s, 0
    return _SURROGATE.subn("\ufffd", s)


def scrub_record(rec, source, problems: ProblemLog, *, location=None, doc_id=None):
    """Replace lone surrogates in every string of a parsed record, recording it once."""
    n = 0

    def fix(v):
        nonlocal n
        if isinstance(v, str):
            v, k = scrub_surrogates(v)
            n += k
            return v
        if isinstance(v, dict):
            return {fix(k): fix(x) for k, x in v.items()}
        if isinstance(v, list):
            return [fix(x) for x in v]
        return v

    out = fix(rec)
    if n:
        problems.add(source, f"{n} lone UTF-16 surrogate(s) replaced by U+FFFD", location=location,
                     doc_id=doc_id, action="repaired")
    return out


# --------------------------------------------------------------------------
# normalisation
# --------------------------------------------------------------------------
# Characters that need work; text without them (and already NFC) is returned as is.
_DIRTY = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f&\u00a0\u00ad\u0300\u0301\u0340\u0341\u0400\u040d\u0450\u045d"
    "\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u2064\ufeff\u3000]"
)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_NEWLINES = re.compile("\r\n?|[\u2028\u2029\x85]")
_REMOVE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff"
    "\u0300\u0301]"
)
_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_TRAILING = re.compile(r"[ \t]+(?=\n)")
_MANY_NL = re.compile(r"\n{3,}")
_STRESSED = str.maketrans({"\u0450": "\u0435", "\u045d": "\u0438", "\u0400": "\u0415", "\u040d": "\u0418"})


def normalize_text(s) -> str:
    """Normalise one text for analysis.

    Steps: HTML entities decoded (only complete ones such as ``&amp;``,
    ``&#171;``, so ``?a=1&copy=2`` in a URL stays); line endings made ``\\n``;
    Unicode NFC; soft hyphens, zero-width and direction characters removed;
    stress marks removed (combining acute or grave left after NFC, and
    ``ѐ``/``ѝ`` → ``е``/``и``; ``й`` and ``ё`` are never touched); non-breaking and other
    Unicode spaces made a plain space; control characters removed (``\\n`` and
    ``\\t`` kept); trailing spaces of each line removed; three or more newlines
    collapsed to two; leading and trailing whitespace stripped.

    Clean text (the common case) is recognised with one regular-expression scan
    and returned unchanged.

    Parameters
    ----------
    s : str or None
        ``None`` and NaN give ``""``; other non-strings are converted with ``str``.

    Returns
    -------
    str

    Examples
    --------
    >>> from framing.io._common import normalize_text
    >>> normalize_text("за\\u0301мок&nbsp;и\\u00a0при\\u00adмер\\r\\n\\n\\n\\nконец  ")
    'замок и пример\\n\\nконец'
    """
    if not isinstance(s, str):
        if s is None or (isinstance(s, float) and s != s):
            return ""
        s = str(s)
    if (not _DIRTY.search(s) and " \n" not in s and "\t\n" not in s and "\n\n\n" not in s
            and (s.isascii() or unicodedata.is_normalized("NFC", s))):
        if s[:1].isspace() or s[-1:].isspace():
            return s.strip()
        return s
    if "&" in s:
        s = _ENTITY.sub(lambda m: html.unescape(m.group()), s)
    s = _NEWLINES.sub("\n", s)
    if not unicodedata.is_normalized("NFC", s):
        s = unicodedata.normalize("NFC", s)
    if "\u0450" in s or "\u045d" in s or "\u0400" in s or "\u040d" in s:
        s = s.translate(_STRESSED)
    s = _REMOVE.sub("", s)
    s = _SPACES.sub(" ", s)
    s = _TRAILING.sub("", s)
    s = _MANY_NL.sub("\n\n", s)
    return s.strip()


def normalize_texts(texts: Iterable) -> list[str]:
    """:func:`normalize_text` over many texts (fast for clean ones)."""
    return [normalize_text(t) for t in texts]


# --------------------------------------------------------------------------
# finishing: records -> Corpus
# --------------------------------------------------------------------------
def _jsonable(value):
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return str(value)


def _is_empty(v) -> bool:
    return v is None or (isinstance(v, float) and v != v) or (isinstance(v, str) and not v.strip())


def parse_published(values: list, *, tz=None) -> pd.Series:
    """Dates to tz-aware UTC (NaT where unparseable); naive values are in ``tz``."""
    from ..corpus import to_utc

    if tz is None or str(tz) == "UTC":
        ser = pd.Series(values, dtype="object")
        strs = ser.map(lambda v: isinstance(v, str) and v != "")
        if len(ser) and strs.all():
            try:
                out = pd.to_datetime(ser, utc=True, errors="coerce", format="ISO8601")
                # values pandas could not read in ISO form get the slow path
                redo = out.isna()
                if redo.any():
                    out[redo] = to_utc(ser[redo]).to_numpy()
                return out
            except (ValueError, TypeError):
                pass
    return to_utc(pd.Series(values, dtype="object"), tz=tz)


def finish(records: list[dict], *, loader: str, options: dict, sources: list[dict],
           problems: ProblemLog, strict: bool = False, lang: str | None = None,
           tz=None, outlet: str | None = None, default_outlet: str = "unknown"):
    """Turn loaded records into a :class:`~framing.Corpus`.

    Parameters
    ----------
    records : list of dict
        One dict per document with (some of) the core fields ``doc_id``,
        ``outlet``, ``published``, ``lang``, ``title``, ``text``, ``url`` and any
        metadata fields.  The private keys ``_source`` and ``_location`` say
        where the record came from (for problems) and are dropped.
    loader : str
        The loader's name, e.g. ``"read_jsonl"``; stored in ``meta['loader']``
        and used in the warning.
    options : dict
        The loader's options, stored (as JSON-safe values) in ``meta['options']``.
    sources : list of dict
        ``{"path": ..., "sha256": ...}`` for each file read.
    problems : ProblemLog
        Problems recorded so far; empty texts and repeated ids are added.
    strict : bool
        Raise on the first problem (the log itself raises when created with
        ``strict=True``; this flag is kept in the options).
    lang : str, optional
        Force this language for every document; otherwise ``lang`` is detected
        where a record lacks it.
    tz : str or tzinfo, optional
        Time zone of naive dates (default UTC).
    outlet : str, optional
        Force this outlet for every document.
    default_outlet : str
        Outlet of records without one.

    Returns
    -------
    Corpus
        With ``meta`` = {loader, options, sources, framing_version, created}
        and ``problems``.  Emits one ``LoadWarning`` when there were problems.

    Notes
    -----
    Records with an empty text (after normalisation) are skipped ("empty
    text"), except when they have a title, which then becomes the text
    (action "repaired").  A repeated ``doc_id`` is renamed with a suffix ``__2``, ``__3``…
    ("duplicate doc_id", action "renamed"), unless the whole record equals the
    earlier one, which is then dropped ("duplicate record", "skipped").
    """
    from ..corpus import Corpus

    kept: list[dict] = []
    seen: dict[str, dict] = {}
    used: set[str] = set()
    for i, rec in enumerate(records):
        src = rec.pop("_source", None)
        loc = rec.pop("_location", None)
        rec["text"] = normalize_text(rec.get("text"))
        rec["title"] = normalize_text(rec.get("title"))
        did = rec.get("doc_id")
        if _is_empty(did):
            did = f"{Path(str(src)).stem if src else loader}-{i + 1}"
        did = str(did).strip()
        rec["doc_id"] = did
        if not rec["text"]:
            if rec["title"]:
                # keep what is readable: a headline without a body becomes the text
                rec["text"] = rec["title"]
                problems.add(src, "empty text; the title is used as the text", location=loc, doc_id=did,
                             action="repaired")
            else:
                problems.add(src, "empty text", location=loc, doc_id=did, action="skipped")
                continue
        if did in used:
            first = seen.get(did)
            if first is not None and _same_record(first, rec):
                problems.add(src, "duplicate record (same id and content as an earlier one)",
                             location=loc, doc_id=did, action="skipped")
                continue
            k = 2
            while f"{did}__{k}" in used:
                k += 1
            new = f"{did}__{k}"
            problems.add(src, f"duplicate doc_id, renamed to {new!r}", location=loc, doc_id=did,
                         action="renamed")
            rec["doc_id"] = new
            did = new
        used.add(did)
        seen.setdefault(did, rec)
        kept.append(rec)

    df = pd.DataFrame.from_records(kept) if kept else pd.DataFrame({c: [] for c in CORE_FIELDS})
    for col in CORE_FIELDS:
        if col not in df:
            df[col] = None
    n = len(df)
    if outlet is not None:
        df["outlet"] = outlet
    else:
        df["outlet"] = [default_outlet if _is_empty(v) else str(v).strip() for v in df["outlet"].tolist()]
    for col in ("url",):
        df[col] = ["" if _is_empty(v) else str(v).strip() for v in df[col].tolist()]
    if lang is not None:
        df["lang"] = _lang_code(lang)
    elif n:
        langs = df["lang"].tolist()
        need = [i for i, v in enumerate(langs) if _is_empty(v)]
        if need:
            from ..lang.identify import detect_languages

            titles, texts = df["title"].tolist(), df["text"].tolist()
            # a title that is the start of the text (Telegram, read_texts) is not read twice
            found = detect_languages([(titles[i] + "\n" + texts[i])
                                      if titles[i] and not texts[i].startswith(titles[i]) else texts[i]
                                      for i in need])
            for i, code in zip(need, found):
                langs[i] = code
        df["lang"] = [_lang_code(v) for v in langs]
    df["published"] = parse_published(df["published"].tolist(), tz=tz) if n else pd.Series([], dtype="datetime64[ns, UTC]")
    meta = {
        "loader": loader,
        "options": _jsonable(dict(options)),
        "sources": [{"path": str(s["path"]), "sha256": s.get("sha256")} for s in sources],
        "framing_version": __version__,
        "created": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
    }
    corpus = Corpus(df, meta=meta, problems=problems.to_frame())
    problems.report(loader, stacklevel=4)
    return corpus


_LANG_ALIASES = {
    "ua": "uk", "ukr": "uk", "ukrainian": "uk", "українська": "uk", "uk-ua": "uk",
    "rus": "ru", "russian": "ru", "русский": "ru", "ru-ru": "ru",
    "eng": "en", "english": "en", "en-us": "en", "en-gb": "en",
    "bel": "be", "belarusian": "be", "bul": "bg", "ger": "de", "deu": "de", "fra": "fr", "fre": "fr",
}


def _lang_code(v) -> str:
    """A language value as an ISO 639-1 code (``'ua'`` → ``'uk'``, ``'Russian'`` → ``'ru'``)."""
    s = str(v).strip().lower().replace("_", "-")
    return _LANG_ALIASES.get(s, s)


def _same_record(a: dict, b: dict) -> bool:
    keys = set(a) | set(b)
    for k in keys:
        if k == "doc_id":
            continue
        va, vb = a.get(k), b.get(k)
        if _is_empty(va) and _is_empty(vb):
            continue
        try:
            if va != vb:
                return False
        except (ValueError, TypeError):
            if not np.array_equal(np.asarray(va, dtype=object), np.asarray(vb, dtype=object)):
                return False
    return True


def iter_chunks(items: list, size: int) -> Iterator[list]:
    """Yield consecutive slices of ``items`` of at most ``size`` elements."""
    for i in range(0, len(items), size):
        yield items[i:i + size]
