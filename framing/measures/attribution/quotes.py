"""Quotation marks in a document: pairs, and what each quoted stretch is (private).

A quoted stretch is one of

``name``
    a proper name in quotes (``«Заречная»``, ``"Интерфакс"``): it starts with a
    capital letter or a digit and has at most four words;
``scare``
    a scare quote: one to three words that do not start with a capital letter,
    quoted to keep the author's distance from the wording (Predelli 2003;
    Recasens et al. 2013);
``quotation``
    anything longer: a quoted utterance (direct speech, or a quoted fragment
    inside indirect speech, i.e. mixed quotation; Cappelen & Lepore 1997).

Pairs are found per paragraph (a quotation does not run over a blank line):
``«…»`` and ``„…“`` nest; ``“…”`` pair in order; straight ``"`` marks pair by
position (an opening mark follows a space, a bracket, a dash or the start of
the paragraph; a mark with spaces on both sides, as in text rebuilt from
tokens, closes an open quote and otherwise opens one).

References
----------
Cappelen, H., & Lepore, E. (1997). Varieties of quotation. *Mind* 106(423).
Predelli, S. (2003). Scare quotes and their relation to other semantic issues.
*Linguistics and Philosophy* 26(1).
Recasens, M., Danescu-Niculescu-Mizil, C., & Jurafsky, D. (2013). Linguistic
models for analyzing and detecting biased language. *ACL 2013*.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...lang.punct import DOUBLE_QUOTES

#: the double quotation marks (:data:`framing.lang.punct.DOUBLE_QUOTES`)
QUOTE_CHARS = DOUBLE_QUOTES
_WORD_RX = re.compile(r"[\w'’ʼ-]+")
#: what may follow a closing straight quotation mark that stands after a space
_CLOSING_NEXT = set(".,;:!?)]…—–-")


@dataclass(frozen=True)
class Quote:
    open: int          # offset of the opening mark
    close: int         # offset of the closing mark
    kind: str          # name | scare | quotation

    @property
    def inner(self) -> tuple[int, int]:
        return self.open + 1, self.close


def _classify(inner: str) -> str:
    words = _WORD_RX.findall(inner)
    if not words:
        return "name"
    first = inner.strip()[:1]
    if len(words) <= 4 and (first.isupper() or first.isdigit()):
        return "name"
    if len(words) <= 3:
        return "scare"
    return "quotation"


def find_quotes(text: str) -> list[Quote]:
    """All quotation-mark pairs in ``text``, in order of their opening marks."""
    out: list[Quote] = []
    pos = 0
    for para in text.split("\n"):
        out += _pairs(para, pos, text)
        pos += len(para) + 1
    out.sort(key=lambda q: q.open)
    return out


def _pairs(para: str, base: int, text: str) -> list[Quote]:
    found = []
    stack: list[tuple[str, int]] = []    # for « „ “
    straight_open = None
    for i, ch in enumerate(para):
        if ch == "«":
            stack.append(("«", i))
        elif ch == "»":
            for k in range(len(stack) - 1, -1, -1):
                if stack[k][0] == "«":
                    found.append((stack[k][1], i))
                    del stack[k:]
                    break
        elif ch == "„":
            stack.append(("„", i))
        elif ch == "“":
            if stack and stack[-1][0] == "„":
                found.append((stack.pop()[1], i))
            else:
                stack.append(("“", i))
        elif ch == "”":
            for k in range(len(stack) - 1, -1, -1):
                if stack[k][0] in "“„":
                    found.append((stack[k][1], i))
                    del stack[k:]
                    break
        elif ch == '"':
            prev = para[i - 1] if i else " "
            nxt = para[i + 1] if i + 1 < len(para) else " "
            can_open = (prev.isspace() or prev in "([{—–-«„/") and not nxt.isspace()
            can_close = not prev.isspace()
            if i and prev.isspace() and (nxt.isspace() or nxt in _CLOSING_NEXT) \
                    and not para.startswith(("...", "…"), i + 1):
                # a mark spaced off on both sides, as in text rebuilt from tokens ('сказала: " Мне,
                # девки, … свидания ".'): it closes an open quote, else it opens one
                can_close, can_open = True, nxt.isspace()
            if straight_open is not None and can_close:
                found.append((straight_open, i))
                straight_open = None
            elif can_open:
                straight_open = i
    return [Quote(base + a, base + b, _classify(text[base + a + 1: base + b])) for a, b in found if b > a + 1]

