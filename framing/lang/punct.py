"""Quotation marks and dashes: the one set of each that every module reads.

Russian and Ukrainian quote with guillemets (« »), with „ “ inside them, and
often with straight ASCII quotes; English with “ ” and ‘ ’.  ’ and ' are also
apostrophes (Ukrainian writes п’ять, English don't), so they are kept apart as
:data:`SINGLE_QUOTES`: code that reads a quotation from them must check that
they are not inside a word.  Dashes include the hyphen-minus, because writers
type " - " for a dash.

References
----------
The Unicode Standard, chapter 6.2 (General Punctuation: quotation marks, dashes).
Мильчин, А. Э., Чельцова, Л. К. (2009). Справочник издателя и автора, §§ 7.6, 7.13.
"""

from __future__ import annotations

#: Marks that open a double quotation: « „ “ ‟ and the straight ".
OPENING_QUOTES = "«„“‟\""
#: Marks that close a double quotation: » “ ” and the straight " (“ closes a „-quotation).
CLOSING_QUOTES = "»“”\""
#: Marks that only ever close a double quotation: » and ” (“ opens an English quotation,
#: and the straight " opens as well as closes).
CLOSING_ONLY_QUOTES = "»”"
#: Single quotation marks (also apostrophes: see the module's notes).
SINGLE_QUOTES = "‹›‚‘’'`"
#: The double quotation marks.
DOUBLE_QUOTES = frozenset(OPENING_QUOTES + CLOSING_QUOTES)
#: Every quotation mark.
QUOTES = frozenset(OPENING_QUOTES + CLOSING_QUOTES + SINGLE_QUOTES)
#: Dashes and hyphens written as punctuation: hyphen-minus, hyphen, non-breaking
#: hyphen, figure dash, en dash, em dash, horizontal bar, minus sign.
DASHES = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2015\u2212")
#: The en dash and the em dash: the dashes that are punctuation only, never a hyphen
#: joining the parts of a word.
LONG_DASHES = frozenset("\u2013\u2014")


def char_class(chars) -> str:
    """A regular-expression character class matching any of ``chars`` (in a stable order).

    >>> import re
    >>> from framing.lang.punct import DASHES, char_class
    >>> bool(re.fullmatch(char_class(DASHES), "—"))
    True
    """
    import re

    return "[" + "".join(re.escape(c) for c in sorted(set(chars))) + "]"
