"""Repairs of the Russian tagger's and parser's output to UD Russian conventions.

Part of :mod:`framing.annotate.ru`: Latin words and Roman numerals
(:func:`fix_tags`), exactly one root (:func:`one_root`), no head cycles
(:func:`break_cycles`) and abbreviation lemmas in context (:func:`fix_lemmas`).
Each works in place on one sentence.
"""

from __future__ import annotations

import re

from ..lang import ru as rules

_LATIN_WORD = re.compile(r"^[A-Za-z][A-Za-z0-9.'’&_/-]*$")
_ROMAN = re.compile(r"^(?=[IVXLCDM]{2,}$)M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
_POSSESSIVE_HEADS = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "DET"})
_FOREIGN = {"Foreign": "Yes"}


def fix_tags(words, upos, feats, featstr) -> None:
    """UD Russian conventions the tagger misses, applied in place to one sentence.

    * words in Latin script are foreign words, ``X`` (``Foreign=Yes``), as in UD
      Russian GSD and Taiga; Roman numerals (``XVIII``) are ordinal ``ADJ``;
    * ``его``, ``её``, ``их`` before a noun phrase are possessive determiners
      (``DET``), not personal pronouns.
    """
    n = len(words)
    for i, w in enumerate(words):
        u = upos[i]
        if u in ("PUNCT", "SYM", "NUM"):
            continue
        if _LATIN_WORD.match(w):
            if _ROMAN.match(w):
                if u != "ADJ":
                    upos[i], feats[i], featstr[i] = "ADJ", {}, "_"
            elif u != "X":
                upos[i], feats[i], featstr[i] = "X", _FOREIGN, "Foreign=Yes"
        elif u == "PRON" and i + 1 < n and upos[i + 1] in _POSSESSIVE_HEADS:
            lw = w.lower()
            if lw in rules.INDECLINABLE_POSSESSIVES:
                upos[i], feats[i], featstr[i] = "DET", {}, "_"


def one_root(heads, rels, upos=None) -> None:
    """Make a parse have exactly one root (UD), in place.

    The slovnet parser decodes each head independently: a sentence can come out
    with no root or several.  Without one, the first verb (else the first
    non-punctuation word) becomes the root; of several, the first labelled
    ``root`` (else the first) stays and the others attach to it as ``parataxis``.
    """
    roots = [i for i, h in enumerate(heads) if h == 0]
    if len(roots) == 1:
        if rels[roots[0]] != "root":
            rels[roots[0]] = "root"
        return
    n = len(heads)
    if not n:
        return
    if not roots:
        cand = None
        if upos is not None:
            cand = next((i for i in range(n) if upos[i] in ("VERB", "AUX")), None)
            if cand is None:
                cand = next((i for i in range(n) if upos[i] not in ("PUNCT", "SYM")), None)
        root = 0 if cand is None else cand
        heads[root], rels[root] = 0, "root"
        return
    main = next((i for i in roots if rels[i] == "root"), roots[0])
    rels[main] = "root"
    for i in roots:
        if i != main:
            heads[i], rels[i] = main + 1, "parataxis"


def break_cycles(heads, rels) -> None:
    """Make a one-root parse a tree, in place: words on a head cycle go to the root.

    Heads decoded independently can form a cycle that never reaches the root
    (11 → 12 → 11); code that walks the tree would loop.  The first word of each
    cycle is attached to the root as ``dep`` (UD's unspecified relation).
    """
    n = len(heads)
    root = next((i for i, h in enumerate(heads) if h == 0), None)
    if root is None:
        return
    state = [0] * n  # 0 unknown, 1 reaches the root
    state[root] = 1
    for start in range(n):
        path, seen, i = [], set(), start
        while state[i] == 0 and i not in seen:
            seen.add(i)
            path.append(i)
            h = heads[i] - 1
            if h < 0 or h >= n:
                break
            i = h
        if state[i] == 0 and i in seen:      # a cycle: cut it at its first word
            heads[i], rels[i] = root + 1, "dep"
        for j in path:
            state[j] = 1


def fix_lemmas(words, lemmas) -> None:
    """Context rules on lemmas, in place: "г." before a capitalised name is "город";
    "т. д." is "так далее"; razdel's "г" + "." is the abbreviation "г."."""
    dots = [i for i, w in enumerate(words) if "." in w]
    if not dots:
        return
    n = len(words)
    abbr = rules.ABBREVIATIONS
    for j in dots:
        w = words[j]
        if w == "." and j:
            i = j - 1
            p = words[i]
            if p[:1].islower() and len(p) <= 5:
                full = abbr.get(p + ".")
                if full is not None:
                    lemmas[i] = full
                    if full == "год" and p == "г" and j + 1 < n and words[j + 1][:1].isupper():
                        lemmas[i] = "город"
        elif w == "г." and lemmas[j] == "год" and j + 1 < n and words[j + 1][:1].isupper():
            lemmas[j] = "город"
        elif w == "т." and j + 1 < n and words[j + 1] == "д.":
            lemmas[j], lemmas[j + 1] = "так", "далее"
