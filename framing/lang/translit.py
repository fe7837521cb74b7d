"""Transliteration of Russian and Ukrainian names, and a cross-script matching key.

Two official romanisations are implemented letter by letter:

* Russian: the ICAO Doc 9303 scheme used in Russian passports since 2013
  (``Путин`` → ``Putin``, ``Зеленский`` → ``Zelenskii``);
* Ukrainian: the national standard of the Cabinet of Ministers of Ukraine,
  resolution No. 55 of 27 January 2010 (``Київ`` → ``Kyiv``, ``Путін`` →
  ``Putin``), with its word-initial forms (``Є`` → ``Ye``, ``Ї`` → ``Yi``,
  ``Й`` → ``Y``, ``Ю`` → ``Yu``, ``Я`` → ``Ya``) and ``зг`` → ``zgh``.

:func:`name_key` reduces a name in any of the three scripts to a coarse
phonetic key so that the Russian, Ukrainian and English spellings of one name
meet (``Зеленский`` / ``Зеленський`` / ``Zelensky`` → ``zelenski``).  The key
is deliberately lossy (it merges ``г``/``х``/``h``, ``и``/``ы``/``і``/``y``,
double letters); callers combine it with entity type and context.  Spellings
that no transliteration links (``Киев`` / ``Kyiv``, ``Трамп`` / ``Trump``) come
from the alias tables in ``framing/lexicons/<lang>/actor_aliases.tsv``.

References
----------
ICAO (2015). *Doc 9303 Machine Readable Travel Documents*, Part 3, section 6.
Кабінет Міністрів України (2010). Постанова № 55 «Про впорядкування
транслітерації українського алфавіту латиницею».
"""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = ["to_latin", "guess_script_lang", "name_key", "is_cyrillic"]

_RU = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "ie", "ы": "y", "ь": "", "э": "e", "ю": "iu",
    "я": "ia",
}
_UK = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie",
    "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l",
    "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu",
    "я": "ia", "'": "", "’": "", "ʼ": "",
    # Russian letters met in Ukrainian text (quotations, names): keep them readable
    "ё": "e", "ъ": "", "ы": "y", "э": "e",
}
_UK_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_UK_ONLY = set("іїєґ")
_RU_ONLY = set("ёъыэ")
_CYR = re.compile(r"[\u0400-\u04FF]")


def is_cyrillic(text: str) -> bool:
    """Whether ``text`` contains a Cyrillic letter."""
    return bool(_CYR.search(text or ""))


def guess_script_lang(text: str, default: str = "ru") -> str:
    """``"uk"`` when the text has a letter only Ukrainian uses, ``"ru"`` for one
    only Russian uses, ``"en"`` for Latin-only text, else ``default``."""
    low = (text or "").lower()
    if not is_cyrillic(low):
        return "en" if re.search(r"[a-z]", low) else default
    if any(ch in _UK_ONLY for ch in low):
        return "uk"
    if any(ch in _RU_ONLY for ch in low):
        return "ru"
    return default


def _case_like(src: str, out: str) -> str:
    if not out:
        return out
    if src.isupper():
        return out[0].upper() + out[1:] if len(out) > 1 else out.upper()
    return out


def to_latin(text: str, lang: str | None = None) -> str:
    """Romanise Russian (ICAO 2013) or Ukrainian (KMU 2010) text.

    Parameters
    ----------
    text : str
    lang : {"ru", "uk"}, optional
        Guessed from the letters when not given (Russian when undecidable).

    Returns
    -------
    str
        Latin text; non-Cyrillic characters are kept.

    Examples
    --------
    >>> from framing.lang.translit import to_latin
    >>> to_latin("Путин"), to_latin("Київ", "uk"), to_latin("Зеленський", "uk")
    ('Putin', 'Kyiv', 'Zelenskyi')
    """
    if not text:
        return ""
    lang = lang if lang in ("ru", "uk") else guess_script_lang(text)
    table = _UK if lang == "uk" else _RU
    out = []
    prev_letter = False
    low_text = text.lower()
    i = 0
    while i < len(text):
        ch = text[i]
        lo = low_text[i]
        if lang == "uk" and lo == "з" and i + 1 < len(text) and low_text[i + 1] == "г":
            rep = "zgh"
            out.append(_case_like(text[i:i + 2], rep) if ch.isupper() else rep)
            i += 2
            prev_letter = True
            continue
        if lo in table or (lang == "uk" and lo in _UK_INITIAL):
            rep = _UK_INITIAL[lo] if (lang == "uk" and not prev_letter and lo in _UK_INITIAL) else table[lo]
            out.append(_case_like(ch, rep) if ch.isupper() else rep)
            prev_letter = lo not in "'’ʼ"
        else:
            out.append(ch)
            prev_letter = ch.isalpha()
        i += 1
    return "".join(out)


_KEY_RULES = [
    (re.compile(r"shch"), "sh"), (re.compile(r"kh"), "h"), (re.compile(r"g"), "h"),
    (re.compile(r"ck"), "k"), (re.compile(r"q"), "k"), (re.compile(r"x"), "ks"),
    (re.compile(r"w"), "v"), (re.compile(r"ph"), "f"), (re.compile(r"[yj]"), "i"),
    (re.compile(r"ie"), "e"), (re.compile(r"ei$"), "e"),
    (re.compile(r"c(?=[eiy])"), "s"), (re.compile(r"c"), "k"),
]


@functools.lru_cache(maxsize=200_000)
def name_key(text: str, lang: str | None = None) -> str:
    """A coarse cross-script key of a name, for matching spellings.

    Cyrillic is romanised with :func:`to_latin`; then the key is lower-cased,
    stripped of everything but letters, and the letters that the Russian,
    Ukrainian and English spellings of one name most often render differently
    are merged (``kh``/``g``/``h``, ``y``/``i``/``j``, ``ie``/``e``, ``ck``/``k``,
    ``c``/``k``/``s``, ``w``/``v``), double letters are single and a final
    ``-ii``/``-yi``/``-y`` of surnames is one ``i``.

    Examples
    --------
    >>> from framing.lang.translit import name_key
    >>> name_key("Зеленский") == name_key("Зеленський", "uk") == name_key("Zelensky")
    True
    >>> name_key("Путин") == name_key("Путін") == name_key("Putin")
    True
    """
    if not text:
        return ""
    t = unicodedata.normalize("NFKC", text)
    if is_cyrillic(t):
        t = to_latin(t, lang if lang in ("ru", "uk") else None)
    t = unicodedata.normalize("NFKD", t.lower())
    t = "".join(ch for ch in t if "a" <= ch <= "z")
    for rx, rep in _KEY_RULES:
        t = rx.sub(rep, t)
    t = re.sub(r"(.)\1+", r"\1", t)
    return t
