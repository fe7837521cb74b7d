"""Loader helpers: decoding bytes (BOMs, UTF-16/32, Cyrillic code pages, damaged UTF-8)
and scrubbing lone surrogates, each repair recorded."""

from __future__ import annotations

import re

from .._problems import ProblemLog

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
