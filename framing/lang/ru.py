"""Russian language rules: spelling normalisation, abbreviations, names, UD lemma conventions.

These are small, linguistically grounded rules used by the Russian annotation
backend (:mod:`framing.annotate.ru`) and by measures that compare words:

* ``ё`` is written as ``е`` in lemmas (most Russian news text omits the dots);
* combining stress marks (U+0301, U+0300) are removed before dictionary lookup;
* abbreviations written in capitals (``БПЛА``, ``ВСУ``, ``МИДа``) keep their
  capitals and lose only a lowercase case ending;
* foreign proper names that do not decline (``Бейонсе``, ``Гёте``, ``Токио``)
  are recognised from their endings: ``-о``, ``-э``, ``-е``, ``-и``, ``-у``,
  ``-ю`` are case endings only in some cases, so a name in another case with
  such an ending is indeclinable (Zaliznyak 1977, §§ on indeclinable nouns;
  Timberlake 2004, 4.3);
* lemma conventions of the Universal Dependencies Russian treebanks: possessive
  determiners ``его``, ``ее``, ``их`` are their own lemma; participles take the
  infinitive; short adjectives the long masculine form; comparatives the
  positive.
"""

from __future__ import annotations

import re
import unicodedata

_STRESS_RE = re.compile("[\u0301\u0300]")

#: Grammatical cases in which a noun ending can be ``-е``, ``-и``, ``-у``, ``-ю``
#: (Russian declension; Zaliznyak 1977): outside them such an ending on an
#: unknown proper noun marks an indeclinable (usually foreign) name.
ENDING_CASES = {
    "е": {"Dat", "Loc"},                 # Маше, Лондоне
    "и": {"Gen", "Dat", "Loc", "Nom", "Acc"},  # Ольги, Сибири; plural -и
    "у": {"Dat", "Acc", "Gen", "Loc"},   # Путину, Машу; partitive/locative -у
    "ю": {"Dat", "Acc"},                 # Игорю, Марию
    "о": set(),                          # never a case ending of a declinable name
    "э": set(),
    "ы": {"Gen", "Nom", "Acc"},          # Москвы; plural -ы
}

#: Lowercase endings that can follow an abbreviation in capitals: МИДа, ВСУшники are
#: not covered (derivations), ЦРУ stays.  (Russian grammar writes the case ending
#: of a declined masculine acronym in lowercase: МИДа, МИДом, в МИДе.)
ABBR_CASE_ENDINGS = ("ами", "ах", "ам", "ом", "ов", "ой", "ую", "а", "у", "е", "ы", "и", "я", "ю")

_CYR_UPPER = re.compile(r"^[А-ЯЁ]{2,}$")
_ABBR_DECLINED = re.compile(r"^([А-ЯЁ]{2,})(" + "|".join(ABBR_CASE_ENDINGS) + r")$")
_LATIN = re.compile(r"[A-Za-z]")
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")

#: UD Russian (GSD, SynTagRus, Taiga): possessive determiners of the third person
#: do not inflect and are their own lemma.
INDECLINABLE_POSSESSIVES = frozenset({"его", "ее", "её", "их"})


#: Determiners that UD Russian lemmatises as the neuter (plural) pronoun when they
#: stand alone as pronouns: "того" PRON → "то", "всего" → "всё", "всех" → "все".
SUBSTANTIVE_PRONOUNS = frozenset({"тот", "этот", "весь", "сей"})

_HUSH_VELAR = frozenset("гкхжшчщ")


def adjective_lemma(form: str) -> str | None:
    """Masculine nominative singular of an adjective-like word by its ending, or None.

    ``Кубанскому`` → ``Кубанский``, ``Вотская`` → ``Вотский``,
    ``лучших`` → ``лучший``.  Used for words the dictionary does not know as
    adjectives (regional adjectives tagged as names, superlatives).
    """
    low = form.lower()
    m = _ADJ_ENDING.search(low)
    if not m or len(low) - len(m.group(1)) < 2:
        return None
    end = m.group(1)
    stem = form[:len(form) - len(end)]
    soft = end in ("его", "ему", "ей", "ий", "им", "их", "юю", "яя", "ее", "ие", "ем")
    if stem[-1].lower() in _HUSH_VELAR or soft:
        return stem + "ий"
    return stem + "ый"


#: Endings of unknown names by gender and case -> what replaces them in the
#: nominative (Russian noun declension; Zaliznyak 1977).  "+" marks "ь" after a
#: consonant and "й" after a vowel.
_NAME_ENDINGS = {
    ("Masc", "Gen"): (("а", ""), ("я", "+")),
    ("Masc", "Acc"): (("а", ""), ("я", "+")),
    ("Masc", "Dat"): (("у", ""), ("ю", "+")),
    ("Masc", "Ins"): (("ом", ""), ("ым", ""), ("ем", "+"), ("ём", "+")),
    ("Masc", "Loc"): (("е", ""),),
    ("Fem", "Gen"): (("ой", "а"), ("ы", "а"), ("и", "я")),
    ("Fem", "Dat"): (("ой", "а"), ("ии", "ия"), ("е", "а")),
    ("Fem", "Loc"): (("ой", "а"), ("ии", "ия"), ("е", "а")),
    ("Fem", "Acc"): (("у", "а"), ("ю", "я")),
    ("Fem", "Ins"): (("ой", "а"), ("ою", "а"), ("ей", "я")),
}


def guess_name_lemma(form: str, gender: str | None, case: str | None) -> str | None:
    """Nominative of an unknown singular name from its case ending, or None.

    ``Андерлехта`` (Masc, Gen) → ``Андерлехт``; ``Каролем`` (Masc, Ins) →
    ``Кароль``; ``Громовой`` (Fem, Dat) → ``Громова``.  Masculine names in
    ``-ым`` (``Путиным``) lose it only after ``-ин``/``-ын``/``-ов``/``-ев``.
    """
    low = form.lower()
    for end, repl in _NAME_ENDINGS.get((gender or "Masc", case or "Nom"), ()):
        if low.endswith(end) and len(low) - len(end) >= 2:
            stem = form[:len(form) - len(end)]
            if end == "ым" and not stem.lower().endswith(("ин", "ын", "ов", "ев")):
                continue
            if end == "ой" and not stem.lower().endswith(("ов", "ев", "ин", "ын")):
                continue
            if repl == "+":
                repl = "й" if stem[-1].lower() in VOWELS else "ь"
            elif stem[-1].lower() in VOWELS and repl == "а":
                repl = "я"
            return stem + repl
    return None


_ORDINAL = re.compile(r"^(\d+)-(?:й|я|е|го|му|м|ми|х|ый|ий|ой|ая|ое|ые|ого|ому|ым|ыми|ых|ом|ую|ье|ья)$")


def ordinal_lemma(form: str) -> str | None:
    """A number with an ordinal ending: ``1960-х`` → ``1960-й`` (UD Russian), else None."""
    m = _ORDINAL.match(form)
    return f"{m.group(1)}-й" if m else None


def yo_to_e(s: str) -> str:
    """Write ``ё`` as ``е`` (both cases)."""
    if "ё" not in s and "Ё" not in s:
        return s
    return s.replace("ё", "е").replace("Ё", "Е")


def strip_stress(s: str) -> str:
    """Remove combining acute/grave stress marks; ``й`` and ``ё`` are kept."""
    if "\u0301" not in s and "\u0300" not in s:
        return s
    return unicodedata.normalize("NFC", _STRESS_RE.sub("", s))


def lookup_form(s: str) -> str:
    """The form used for dictionary lookup: stress removed, lowercased."""
    return strip_stress(s).lower()


def is_cyrillic(s: str) -> bool:
    return bool(_CYRILLIC.search(s))


def is_latin(s: str) -> bool:
    return bool(_LATIN.search(s)) and not _CYRILLIC.search(s)


def abbreviation_lemma(form: str) -> str | None:
    """The lemma of an abbreviation written in capitals, or None if ``form`` is not one.

    ``БПЛА`` → ``БПЛА``; ``МИДа`` → ``МИД``; ``США`` → ``США``.  Single capitals
    and words in ordinary title case are not abbreviations.
    """
    f = strip_stress(form)
    if _CYR_UPPER.match(f):
        return yo_to_e(f)
    m = _ABBR_DECLINED.match(f)
    if m:
        return yo_to_e(m.group(1))
    return None


VOWELS = frozenset("аеёиоуыэюя")
_ADJ_ENDING = re.compile(r"(ого|его|ому|ему|ой|ей|ый|ий|ым|им|ых|их|ую|юю|ая|яя|ое|ее|ые|ие|ом|ем)$")


def _load_abbreviations() -> dict:
    try:
        from ..lexicons import read_lexicon
        df = read_lexicon("ru/abbreviations", columns=["form", "lemma"])
    except Exception:  # noqa: BLE001 - the rules work without the list
        return {}
    return {f.strip().lower(): yo_to_e(lem.strip()) for f, lem in zip(df["form"], df["lemma"]) if f.strip()}


class _LazyDict(dict):
    def __init__(self, loader):
        super().__init__()
        self._loader, self._loaded = loader, False

    def get(self, key, default=None):
        if not self._loaded:
            self.update(self._loader())
            self._loaded = True
        return super().get(key, default)


#: Written abbreviations with their full lemma ("г." → "год"), from
#: ``lexicons/ru/abbreviations.tsv``.
ABBREVIATIONS = _LazyDict(_load_abbreviations)


def spelling_variant(lemma: str, form: str) -> str:
    """Keep the form's ``ь`` where the dictionary lemma has the variant ``и`` before a vowel.

    pymorphy3 gives "предгорие" for "предгорьях" and "юриевич" for "Юрьевич";
    the text's spelling (``-ье``, ``-ьев-``) is the usual one.
    """
    n = min(len(lemma), len(form))
    for i in range(n - 1):
        if lemma[i] != form[i]:
            if lemma[i] == "и" and form[i] == "ь" and lemma[i + 1] in VOWELS and form[i + 1] in VOWELS:
                return lemma[:i] + "ь" + lemma[i + 1:]
            return lemma
    return lemma


def indeclinable_name(form: str, case: str | None) -> bool:
    """Whether an unknown proper noun ``form`` in ``case`` looks indeclinable.

    True when it ends in a vowel that cannot be a case ending in ``case``
    (``Бейонсе`` in the genitive, ``Токио``, ``Гёте``); False for consonant
    endings and for ``-а``/``-я``, which are nominative endings.
    """
    if not form:
        return False
    if _ADJ_ENDING.search(form.lower()):
        return False  # adjectival declension (surnames in -ский, -ой)
    last = form[-1].lower()
    if last == "ё":
        last = "е"
    if last not in ENDING_CASES:
        return False
    return (case or "Nom") not in ENDING_CASES[last]


def restore_case(lemma: str, form: str, *, proper: bool = False) -> str:
    """Give ``lemma`` the capitalisation of ``form``.

    Proper nouns and words written with a capital (outside all-caps
    abbreviations) get a capital first letter and after each hyphen
    (``нью-йорк`` → ``Нью-Йорк``); others are lowercase.
    """
    if not lemma:
        return lemma
    if proper or (form[:1].isupper() and not form.isupper()) or (proper and form.isupper()):
        return "-".join(p[:1].upper() + p[1:] for p in lemma.split("-"))
    return lemma
