"""Names of actors: keys that meet across inflection and script, and what a name's words are.

A mention's *key* (:func:`stem_key`) is its words without case endings
(:func:`framing.measures._names.word_stem`); for a person, the given names and
the surname (:func:`framing.measures._names.parse_person`).  Its *script key*
(:func:`script_key`) is the whole name in one transliteration
(:func:`framing.lang.translit.name_key`, endings kept), so that spellings in two
scripts meet only when they agree in full.  The word tags come from pymorphy3's
dictionary (Korobov 2015); a name's gender from the endings of Russian and
Ukrainian surnames and given names.

References
----------
Korobov, M. (2015). Morphological analyzer and generator for Russian and
Ukrainian languages. *AIST 2015*, 320–332.
"""

from __future__ import annotations

import functools
import re

from ...lang.translit import is_cyrillic, name_key
from ..._errors import OptionError
from ...lexicons import read_lexicon
from .._names import clean_name, is_initial, lower_key, morph_analyzer, parse_person, titles, word_stem


def stem_key(text: str, person: bool) -> str:
    if person:
        p = parse_person(text)
        words = [*p.first, p.surname] if p.words else []
        if p.words and p.words[0] == p.surname and len(p.words) == 3:  # East Asian order
            words = p.words
    else:
        words = clean_name(text).split()
    return " ".join(word_stem(w) for w in words if w)


def script_key(text: str) -> str:
    """The full cross-script key of a name (every word, endings kept): two
    spellings in different scripts are linked only when they agree in full
    (``Putin`` = ``Путин``, ``Ford`` ≠ ``Фордо``)."""
    return " ".join(name_key(w) for w in clean_name(text).split() if w)


@functools.lru_cache(maxsize=65536)
def name_gender(normal: str) -> str | None:
    """A person's gender from the endings of a name in the nominative
    (``-ова``, ``-ская``; a given name in ``-а``/``-я``), or None."""
    p = parse_person(normal)
    if not p.words:
        return None
    w = (p.first[0] if p.first else p.surname).lower()
    if re.search(r"(ова|ева|ина|ына|ая|ская|цкая|іна|ська|цька)$", p.surname.lower()):
        return "Fem"
    if re.search(r"(ов|ев|ин|ын|ский|цкий|ій|ий|ой)$", p.surname.lower()):
        return "Masc"
    if p.first and re.search(r"[ая]$", w) and w not in name_words("masculine_a"):
        return "Fem"
    return None


@functools.lru_cache(maxsize=65536)
def word_tags(word: str, lang: str) -> frozenset:
    """pymorphy3's name tags of a word's likely parses (``Name``, ``Surn``,
    ``Patr``, plus ``known`` and ``common`` when it is a known common word, and
    ``pronoun`` when its likeliest reading is a personal pronoun)."""
    morph = morph_analyzer(lang if lang in ("ru", "uk") else "ru")
    if morph is None or not is_cyrillic(word):
        return frozenset()
    parses = morph.parse(word)[:3]
    tags = set()
    for p in parses:
        tags.update(p.tag.grammemes & {"Name", "Surn", "Patr", "Geox", "Orgn"})
    top = parses[0] if parses else None
    if top is not None and morph.word_is_known(word.lower()):
        tags.add("known")
        if top.tag.POS in ("NOUN", "ADJF") and not tags & {"Name", "Surn", "Patr", "Geox", "Orgn"}:
            tags.add("common")
        if top.tag.POS == "NPRO":
            tags.add("pronoun")
    return frozenset(tags)


def is_first_name(word: str, lang: str) -> bool:
    tags = word_tags(word, lang)
    # a dictionary given name, not pymorphy's guess on an unknown word (Небензя)
    return "Name" in tags and "Surn" not in tags and "known" in tags


def strip_person_words(normal: str, lang: str) -> str:
    """A person's name without leading common words the recogniser took in
    (``Сестра Долматова`` → ``Долматова``, ``Железный Майк`` → ``Майк``) and
    without a trailing pronoun that began the next sentence (``Светлана Иванова. Ей
    было…`` → ``Светлана Иванова``)."""
    words = normal.split()
    # the Ukrainian dictionary lacks name tags of common given names (Володимир): titles only there
    while len(words) > 1 and (lower_key(words[0]) in titles(lang)
                              or (lang == "ru" and "common" in word_tags(words[0], lang))):
        words = words[1:]
    while len(words) > 1 and "pronoun" in word_tags(words[-1], lang):
        words = words[:-1]
    return " ".join(words)


def person_kind(p) -> str:
    """``full`` (a given name and a surname), ``initial`` (``В. Путин``),
    ``first_init`` (a given name and a surname initial, ``Алексей К.``),
    ``single`` (one word: a surname or a given name) or ``other``."""
    if not p.words:
        return "other"
    if p.first and not is_initial(p.surname):
        return "full"
    if is_initial(p.words[-1]) and not p.first and len(p.words) >= 2 and not is_initial(p.words[0]):
        return "first_init"
    if p.initials and not is_initial(p.surname):
        return "initial"
    if len(p.words) == 1:
        return "single"
    return "other"


def genders_agree(a, b) -> bool:
    return a is None or b is None or a == b


def genitive(name: str, lang: str) -> str:
    morph = morph_analyzer(lang if lang in ("ru", "uk") else "ru")
    if morph is None or not is_cyrillic(name):
        return name
    out = []
    for w in name.split():
        p = morph.parse(w)[0]
        g = p.inflect({"gent"})
        word = g.word if g is not None else w
        out.append(word[:1].upper() + word[1:] if w[:1].isupper() else word)
    return " ".join(out)


def person_gender(m) -> str | None:
    """A person mention's gender: the one its tokens carry, else the one its name's endings tell, or None."""
    return m.get("_sg") or name_gender(m["normal"])


@functools.lru_cache(maxsize=None)
def title_context(kind: str) -> frozenset:
    """The words of one ``kind`` of the ``title_context`` lexicons of all languages, as one set."""
    return _words("title_context", "lemma", kind)


@functools.lru_cache(maxsize=None)
def name_words(kind: str) -> frozenset:
    """The words of one ``kind`` of the ``name_words`` lexicons of all languages, as one set."""
    return _words("name_words", "word", kind)


def _words(lexicon: str, column: str, kind: str) -> frozenset:
    out = set()
    for lang in ("ru", "uk", "en"):
        try:
            df = read_lexicon(f"{lang}/{lexicon}", columns=[column, "kind"])
        except OptionError:      # this language has no such list
            continue
        out.update(w for w, k in zip(df[column], df["kind"]) if k == kind)
    return frozenset(out)
