"""razdel's sentence and token segmentation, reimplemented for speed.

razdel (Kuznetsov, natasha project, 2018–) segments Russian with regular
expressions and rules applied at every candidate split, through per-split
objects.  The two functions here apply the same rules, read razdel's own
patterns and abbreviation tables at first use, and keep no per-split objects:
same spans, several times faster.  ``tests/test_annotate_razdel_fast.py``
checks them against razdel on hand-picked cases and, where ``../shared`` is
present, on thousands of real news texts.
"""

from __future__ import annotations

import re

__all__ = ["sentences", "tokenize"]

_T: dict = {}


def _tables() -> dict:
    """razdel's patterns, punctuation classes and abbreviation lists (read from razdel)."""
    if not _T:
        import importlib

        S = importlib.import_module("razdel.segmenters.sentenize")  # the module, not the function
        from razdel.segmenters.punct import CLOSE_BRACKETS, CLOSE_QUOTES, DASHES, ENDINGS, GENERIC_QUOTES, \
            QUOTES, SMILES
        from razdel.segmenters.tokenize import ATOM
        _T.update(
            atom=ATOM, dashes=DASHES, endings=ENDINGS, smile=re.compile(r"^" + SMILES + "$", re.U),
            delimiter=re.compile(S.DELIMITER, re.U), window=10,
            first_token=S.FIRST_TOKEN, last_token=S.LAST_TOKEN, word=S.WORD, token=S.TOKEN,
            pair_sokr=S.PAIR_SOKR, smile_prefix=S.SMILE_PREFIX, roman=S.ROMAN,
            delimiters=S.DELIMITERS, generic_quotes=GENERIC_QUOTES, close_quotes=CLOSE_QUOTES,
            quotes=QUOTES, close_brackets=CLOSE_BRACKETS, bullet_chars=S.BULLET_CHARS,
            bullet_bounds=S.BULLET_BOUNDS, bullet_size=S.BULLET_SIZE,
            head_sokrs=S.HEAD_SOKRS, sokrs=S.SOKRS, head_pair_sokrs=S.HEAD_PAIR_SOKRS,
            pair_sokrs=S.PAIR_SOKRS, initials=S.INITIALS,
        )
    return _T


def sentences(text: str) -> list[tuple[int, int]]:
    """razdel's sentences of ``text`` as (start, end) offsets, stripped of whitespace.

    The same candidate splits (sentence endings, ``;``, quotes, closing brackets,
    smileys) and the same join rules as ``razdel.sentenize``: a side without a
    token, no space after the delimiter, a lower-case or punctuation word after
    it, abbreviations and initials before a full stop, list bullets, closing
    quotes and brackets, a dash before a lower-case word.  Every rule razdel has
    only ever joins, so a split is kept unless one of them joins.  Empty
    sentences are left out.
    """
    t = _T or _tables()
    window = t["window"]
    first_token, last_token = t["first_token"], t["last_token"]
    out = []
    buf = 0                                  # where the current sentence's text starts
    for m in t["delimiter"].finditer(text):
        start, stop = m.span()
        delim = m.group(1)
        if not text[stop:stop + 1].isspace():
            continue                         # no space after the delimiter: razdel joins
        right = text[stop:stop + window]
        rm = first_token.match(right)
        if rm is None:
            continue
        left = text[max(0, start - window):start]
        lm = last_token.search(left)
        if lm is None or _join(t, text, buf, start, left, delim, right, lm.group(1), rm.group(1)):
            continue
        _add(out, text, buf, stop)
        buf = stop
    _add(out, text, buf, len(text))
    return out


def _add(out, text, a, b):
    chunk = text[a:b]
    stripped = chunk.strip()
    if stripped:
        a += len(chunk) - len(chunk.lstrip())
        out.append((a, a + len(stripped)))


def _lower_alpha(token: str) -> bool:
    return token.isalpha() and token.islower()


def _sokr(token: str) -> bool:
    """razdel's test for the word after an abbreviation: a number, punctuation or lower case."""
    if token.isdigit():
        return True
    if not token.isalpha():
        return True
    return token.islower()


def _bullet(t, token: str) -> bool:
    return (token.isdigit() or token in t["bullet_bounds"] or token.lower() in t["bullet_chars"]
            or bool(t["roman"].match(token)))


def _join(t, text, buf, start, left, delim, right, ltok, rtok) -> bool:
    """True when one of razdel's rules keeps the two sides in one sentence."""
    if _lower_alpha(rtok):
        return True
    if rtok not in t["generic_quotes"]:
        if rtok in t["delimiters"] or t["smile_prefix"].match(right):
            return True
    if delim == ".":
        pair = t["pair_sokr"].search(left)
        low = ltok.lower()
        sokr_done = False
        if pair:
            a, b = pair.groups()
            lp = a.lower(), b.lower()
            if lp in t["head_pair_sokrs"]:
                return True
            if lp in t["pair_sokrs"]:
                if _sokr(rtok):
                    return True
                sokr_done = True            # razdel's rule stops here
        if not sokr_done:
            if low in t["head_sokrs"]:
                return True
            if low in t["sokrs"] and _sokr(rtok):
                return True
        if (low, rtok.lower()) in t["pair_sokrs"]:
            return True
        if (ltok.isupper() and len(ltok) == 1) or low in t["initials"]:
            return True
    if delim in t["bullet_bounds"]:
        buffer = text[buf:start]
        if len(buffer) <= t["bullet_size"] and all(_bullet(t, x) for x in t["token"].findall(buffer)):
            return True
    if delim in t["quotes"]:
        if delim in t["close_quotes"]:
            if ltok not in t["endings"]:
                return True
        elif delim in t["generic_quotes"]:
            if left[-1:].isspace() or ltok not in t["endings"]:
                return True
    if delim in t["close_brackets"] and ltok not in t["endings"]:
        return True
    if rtok in t["dashes"]:
        w = t["word"].search(right)
        if w and _lower_alpha(w.group(1)):
            return True
    return False


def tokenize(text: str, base: int = 0) -> list[tuple[int, int, str]]:
    """razdel's tokenisation of ``text`` as (start, end, token), offsets shifted by ``base``.

    The same atoms and the same join rules as ``razdel.tokenize`` (dash,
    underscore, float, fraction, punctuation, other-symbol and "Yahoo!" rules,
    looking one atom left and right), applied in one pass without razdel's
    per-split objects: several times faster, identical output (checked in the
    tests against razdel on real text).
    """
    t = _T or _tables()
    atoms = [(m.start(), m.end(), m.lastgroup, m.group()) for m in t["atom"].finditer(text)]
    if not atoms:
        return []
    dashes, endings, smile = t["dashes"], t["endings"], t["smile"]
    out = []
    n = len(atoms)
    bstart, bend = atoms[0][0], atoms[0][1]
    for i in range(1, n):
        s, e, rtype, rtext = atoms[i]
        if s != bend:                       # whitespace between: razdel always splits
            out.append((base + bstart, base + bend, text[bstart:bend]))
            bstart, bend = s, e
            continue
        ltype, ltext = atoms[i - 1][2], atoms[i - 1][3]
        join = False
        for delims, ints in ((dashes, False), ("_", False), (".,", True), ("/\\", True)):
            if ltext in delims:
                if i < 2:
                    continue
                lt2, rt2 = atoms[i - 2][2], rtype
            elif rtext in delims:
                if i + 1 >= n:
                    continue
                lt2, rt2 = ltype, atoms[i + 1][2]
            else:
                continue
            if (lt2 == "INT" and rt2 == "INT") if ints else (lt2 != "PUNCT" and rt2 != "PUNCT"):
                join = True
                break
        if not join and ltype == "PUNCT" and rtype == "PUNCT":
            join = bool(smile.match(text[bstart:bend] + rtext)) or (ltext in endings and rtext in endings) \
                or (ltext + rtext in ("--", "**"))
        if not join:
            if ltype == "OTHER" and rtype in ("OTHER", "RU", "LAT"):
                join = True
            elif ltype in ("OTHER", "RU", "LAT") and rtype == "OTHER":
                join = True
            elif rtext == "!" and ltext.lower() == "yahoo":
                join = True
        if join:
            bend = e
        else:
            out.append((base + bstart, base + bend, text[bstart:bend]))
            bstart, bend = s, e
    out.append((base + bstart, base + bend, text[bstart:bend]))
    return out
