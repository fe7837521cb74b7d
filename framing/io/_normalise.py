"""Loader helpers: Unicode normalisation of texts and titles (NFC, entities, spaces, controls)."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable

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
