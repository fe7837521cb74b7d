"""Language identification for news texts, by rules (no model, no download).

The decision goes in three steps:

1. **Script.**  URLs, e-mail addresses and @mentions are removed; letters are
   counted per script (Cyrillic, Latin, Greek, Arabic, …).  The script with
   most letters decides the family; a text without letters is ``'und'``.
2. **Cyrillic languages.**  Letters that belong to one language only —
   Ukrainian ``і ї є ґ`` and the apostrophe inside words, Russian ``ы э ъ ё``,
   Belarusian ``ў``, Serbian/Macedonian ``ђ ћ ј љ њ џ ѓ ќ ѕ`` — give a
   decision when one side has clear evidence and the other none.  Otherwise
   frequent function words of each language (Ukrainian ``що, та, це, від, як,
   також``, Russian ``что, это, как, от, также, который`` …) are added, with
   the letter evidence, to a score per language.  A Cyrillic text without any
   evidence is taken to be Russian.
3. **Latin languages.**  Function words and characteristic letters of
   English, German, French, Spanish, Italian and Polish; English wins ties and
   ASCII-only texts with any English function word; no evidence gives ``'und'``.

Other scripts map to one language when the script is (almost) specific to it:
Greek ``el``, Georgian ``ka``, Armenian ``hy``, Hebrew ``he``, Arabic ``ar``,
Hangul ``ko``, kana ``ja``, Han ``zh``.

Only the first 3,000 characters of a text are looked at; that is plenty and
keeps :func:`detect_languages` fast on large corpora.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["detect_language", "detect_languages", "SUPPORTED"]

#: Codes this module can return.
SUPPORTED = ("ru", "uk", "en", "be", "bg", "sr", "mk", "de", "fr", "es", "it", "pl",
             "el", "ka", "hy", "he", "ar", "ko", "ja", "zh", "und")

MAX_CHARS = 3000

_NOISE = re.compile(
    r"(?:https?://|www\.|t\.me/)\S+|\S*@\S+|\]\([^)\n]*\)",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ`][^\W\d_]+)*")
_RU_SEQ = re.compile(r"\w[иь][еяюи]")
_UK_SEQ = re.compile(r"\wння\b")
_APOS_WORD = re.compile(r"[бвгґджзкмнпрстфхшчщ]['’ʼ`][яюєї]", re.IGNORECASE)

_UK_WORDS = frozenset("""
і й що це як від його її їх вже також який яка яке які якій якого було був була були
буде будуть щодо між після під року роки років році може можуть має мають
ще тоді коли де чи лише тільки проте однак адже оскільки зокрема наразі україни україна
україні українських український українська людини вони він вона ми ви
цей ця ці цього цієї цих своє свій своїх своїй зараз сьогодні вчора бо аби
""".split())
_RU_WORDS = frozenset("""
что это как от также который которая которое которые которых котором был была были было
будет будут из о об или её ее их они он она мы вы его года году лет после
между может могут есть еще ещё только уже тоже когда где ли лишь однако чтобы если
но всё всех этот эта эти этого этой этих свой своих своей сейчас сегодня вчера
россии россия российских российский человека здесь теперь очень
""".split())
# written the same in both, so not counted: и в на не с по за до для то же а та про при
# через так там тут нас нам час тому все людей
_BE_WORDS = frozenset("і ў што гэта як ад да пра яго яе іх ужо таксама які якая былі быў была будзе".split())
_BG_WORDS = frozenset("на да се от за че са ще като това това които който която бъде във със също след".split())

_LATIN_WORDS = {
    "en": frozenset("the of and to in is that for on with as by at from it this was are be has have "
                    "said will not an or which his her their they he she we but after who been "
                    "would its were also more than".split()),
    "de": frozenset("der die und das ist nicht mit den von zu sich auch auf für eine ein dem des "
                    "im wird sind wurde nach bei aus wie oder über".split()),
    "fr": frozenset("le la les et des est une un du dans pour que qui pas sur au avec ce sont "
                    "par plus ont été cette aux elle il".split()),
    "es": frozenset("el la los las y de que en es por una un con para del se no su al como más "
                    "pero fue sus este esta".split()),
    "it": frozenset("il di che la e un una per non sono del della con è gli le si anche alla "
                    "dei nel più questo".split()),
    "pl": frozenset("i w nie na się że z do jest to o jak ale po co za od przez jego już tak "
                    "są dla który która".split()),
}
_LATIN_CHARS = {
    "de": "äöüß",
    "fr": "éèêàçùœëî",
    "es": "ñ¿¡áíóú",
    "it": "àèìòù",
    "pl": "ąęłżźśćń",
}

_SCRIPTS = (
    ("cyr", re.compile(r"[\u0400-\u04ff\u0500-\u052f]")),
    ("lat", re.compile(r"[A-Za-z\u00c0-\u024f]")),
    ("el", re.compile(r"[\u0370-\u03ff]")),
    ("ka", re.compile(r"[\u10a0-\u10ff]")),
    ("hy", re.compile(r"[\u0530-\u058f]")),
    ("he", re.compile(r"[\u0590-\u05ff]")),
    ("ar", re.compile(r"[\u0600-\u06ff]")),
    ("ko", re.compile(r"[\uac00-\ud7af\u1100-\u11ff]")),
    ("ja", re.compile(r"[\u3040-\u30ff]")),
    ("zh", re.compile(r"[\u4e00-\u9fff]")),
)
_OTHER_SCRIPTS = re.compile(r"[\u0370-\u03ff\u0530-\u06ff\u10a0-\u10ff\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")
_LAT = re.compile(r"[A-Za-z\u00c0-\u024f]")


def _clean(text: str) -> str:
    text = text[:MAX_CHARS]
    if "http" in text or "www." in text or "@" in text or "](" in text or "t.me/" in text:
        text = _NOISE.sub(" ", text)
    return text


_CYR_LETTERS = tuple("оеаинтсрвлкмдпуяызьбгчйхжшюцщэфъёіїєґў")
_LAT_LETTERS = tuple("etaoinshrdlcumwfgypbvkjxqz")
# the most frequent vowels (about a third of the letters of running text in
# ru/uk and in en/de/fr): a cheap estimate of how much of each script a text has
_CYR_FREQ = tuple("оеаи")
_LAT_FREQ = tuple("eaoi")


def _count(t: str, letters) -> int:
    return sum(map(t.count, letters))


def _cyrillic(t: str) -> str:
    """Decide among the Cyrillic languages for a lower-cased text."""
    c = t.count
    i_ = c("і")
    y_ = c("ы")
    uk_letters = i_ + c("ї") + c("є") + c("ґ")
    uk_only = uk_letters - i_
    ru_only = y_ + c("э") + c("ъ") + c("ё")
    # clear letter evidence on one side only (Belarusian has both і and ы;
    # Serbian and Macedonian have neither)
    if uk_letters >= 3 and ru_only == 0:
        return "uk"
    if ru_only >= 3 and uk_letters == 0:
        hard = c("ъ")
        if hard and y_ == 0 and c("э") == 0 and hard >= ru_only:
            return "bg" if _bg_words(t) >= 2 else "ru"
        return "ru"
    be_only = c("ў")
    if be_only >= 1 and (i_ > 0 and y_ > 0):
        return "be"
    sr = c("ђ") + c("ћ") + c("џ") + c("љ") + c("њ") + c("ј")
    mk = c("ѓ") + c("ќ") + c("ѕ")
    if sr + mk >= 2 and sr + mk > 0.01 * len(t):
        return "mk" if mk > 0 else "sr"
    words = _WORD.findall(t)
    uk_w = sum(1 for w in words if w in _UK_WORDS)
    ru_w = sum(1 for w in words if w in _RU_WORDS)
    apos = len(_APOS_WORD.findall(t))
    # letter sequences frequent in one language only: Russian -ие/-ия/-ии/-ию
    # (Ukrainian -ія/-ії/-ння), Ukrainian -ськ-/-цьк- (Russian -ск-/-цк-)
    ru_seq = len(_RU_SEQ.findall(t))
    uk_seq = c("ськ") + c("цьк") + c("зьк") + len(_UK_SEQ.findall(t))
    uk_score = 1.0 * i_ + 2.0 * uk_only + 2.0 * apos + 1.5 * uk_w + 1.0 * uk_seq
    ru_score = 2.0 * ru_only + 1.5 * ru_w + 1.0 * ru_seq
    if be_only and _be_words(words) >= 2:
        return "be"
    if c("ъ") >= 2 and y_ == 0 and c("э") == 0 and _bg_words(t) >= 3 and uk_score < 2:
        return "bg"
    if uk_score > ru_score:
        return "uk"
    return "ru"


def _bg_words(t: str) -> int:
    return sum(1 for w in _WORD.findall(t) if w in _BG_WORDS)


def _be_words(words) -> int:
    return sum(1 for w in words if w in _BE_WORDS)


_LATIN_INDEX: dict[str, tuple[str, ...]] = {}
for _lang, _vocab in _LATIN_WORDS.items():
    for _w in _vocab:
        _LATIN_INDEX[_w] = _LATIN_INDEX.get(_w, ()) + (_lang,)


def _latin(t: str) -> str:
    words = _WORD.findall(t, 0, 1500)
    if not words:
        return "und"
    scores = dict.fromkeys(_LATIN_WORDS, 0.0)
    index = _LATIN_INDEX
    for w in words:
        hit = index.get(w)
        if hit:
            for lang in hit:
                scores[lang] += 1.0
    if not t.isascii():
        for lang, chars in _LATIN_CHARS.items():
            scores[lang] += 0.5 * sum(t.count(ch) for ch in chars)
    best = max(scores, key=lambda k: (scores[k], k == "en"))
    if scores[best] <= 0:
        # an ASCII-only phrase of a few words is most likely English here
        return "en" if t.isascii() and len(words) >= 3 else "und"
    if best != "en" and scores[best] < 1.2 * scores["en"] + 1:
        return "en"
    return best


def detect_language(text: str) -> str:
    """Detect the language of one text.

    Parameters
    ----------
    text : str
        Any text; only the first 3,000 characters are read.

    Returns
    -------
    str
        An ISO 639-1 code: ``'ru'``, ``'uk'``, ``'en'`` and, when clearly
        recognisable, ``'be'``, ``'bg'``, ``'sr'``, ``'mk'``, ``'de'``,
        ``'fr'``, ``'es'``, ``'it'``, ``'pl'``, ``'el'``, ``'ka'``, ``'hy'``,
        ``'he'``, ``'ar'``, ``'ko'``, ``'ja'``, ``'zh'``; ``'und'`` when
        undetermined (no letters, or a Latin text without evidence).

    Notes
    -----
    Rules by script, language-specific letters and function words (see the
    module documentation).  Ukrainian is recognised by ``і ї є ґ``, the
    apostrophe inside words and its function words, so it is not taken for
    Russian; a Cyrillic text without any distinguishing evidence ("Путин",
    "Москва") is taken to be Russian.

    Examples
    --------
    >>> from framing import detect_language
    >>> detect_language("Президент заявив, що переговори тривають.")
    'uk'
    >>> detect_language("Президент заявил, что переговоры продолжаются.")
    'ru'
    >>> detect_language("The president said talks would continue.")
    'en'
    >>> detect_language("12:30 — 15:00")
    'und'
    """
    if not isinstance(text, str) or not text:
        return "und"
    t = _clean(text).lower()
    if not t.isascii() and _OTHER_SCRIPTS.search(t) is not None:
        counts = {name: len(rx.findall(t)) for name, rx in _SCRIPTS}
        # a Hangul syllable or a Han character stands for several letters; a
        # quoted phrase in them does not outweigh the text around it
        script = max(counts, key=lambda k: counts[k] * (0.4 if k in ("ko", "ja", "zh") else 1.0))
        if counts[script] == 0:
            return "und"
        if script not in ("cyr", "lat"):
            if script == "zh" and counts["ja"] > 0:
                return "ja"
            return script
    n_cyr = _count(t, _CYR_FREQ)
    n_lat = _count(t, _LAT_FREQ)
    if n_cyr < 6 and n_lat < 6:
        # short text: count every letter
        n_cyr = _count(t, _CYR_LETTERS)
        n_lat = _count(t, _LAT_LETTERS) if t.isascii() or n_cyr else len(_LAT.findall(t))
    if n_cyr == 0 and n_lat == 0:
        return "und"
    if n_cyr >= 0.6 * n_lat:
        # Cyrillic text with Latin names, links or quotes still counts as Cyrillic
        return _cyrillic(t)
    return _latin(t)


def detect_languages(texts: Iterable[str]) -> list[str]:
    """Detect the language of each text (see :func:`detect_language`).

    Parameters
    ----------
    texts : iterable of str

    Returns
    -------
    list of str
        One ISO 639-1 code (or ``'und'``) per text.

    Examples
    --------
    >>> from framing.lang.identify import detect_languages
    >>> detect_languages(["Київ і Москва", "Good morning, Vietnam", ""])
    ['uk', 'en', 'und']
    """
    return [detect_language(t) for t in texts]
