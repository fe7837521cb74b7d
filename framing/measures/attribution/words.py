"""Language resources of the attribution measure, read through one loader.

Everything the rules know about a language is data under
``framing/lexicons/<lang>/`` (sources in each folder's ``SOURCES.md``):
reporting verbs and their classes, speech nouns, distancing markers, anonymous
sources, media outlets, legal designations, words by role
(``attribution_words.tsv``) and the grammar words (``function_words.tsv``:
complementisers, pronouns with gender and number, prepositions of source
phrases, …).  :func:`function_words` and ``_builtin`` read them once per
process and language; a user's verb lexicon replaces only the verbs.

The ``lang == "en"`` tests that remain in the rules are grammar, not word
lists: English has no case, so noun phrases and subjects are found by word
order instead of by the nominative.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

import pandas as pd

from ...lang.punct import DOUBLE_QUOTES, char_class
from ...lexicons import read_lexicon
from .._names import morph_analyzer
from .quotes import QUOTE_CHARS

#: spaces and double quotation marks, dropped from a media name's key
_SPACE_QUOTES_RX = re.compile(r"\s|" + char_class(DOUBLE_QUOTES))


#: languages with function words (``framing/lexicons/<lang>/function_words.tsv``); others read as Russian
LANGS = ("ru", "uk", "en")
#: roles whose words carry a gender and number (``pron``: "он" → (Masc, Sing))
_GENDERED = ("pron", "poss", "loc_pron")
#: roles whose words map to a lemma (``noun_fix``: "словам" → слово; ``irregular_form``: said → say)
_MAPPED = ("noun_fix", "irregular_form")
_BOUND = {",", ";", ":", "—", "–", "(", ")", ".", "!", "?", "…", "[", "]"} | QUOTE_CHARS
_NOMINAL = {"NOUN", "PROPN", "ADJ", "DET", "NUM", "X"}
#: endings of a Russian or Ukrainian infinitive: a lemma with one is a verb's
_INFINITIVE = ("ть", "ться", "ти", "тися")
#: endings only a reflexive infinitive has (no noun ends so), whatever the tagger says
_REFLEXIVE_INFINITIVE = ("ться", "чься", "тися", "тись")


@functools.lru_cache(maxsize=8)
def function_words(lang: str) -> dict:
    """The grammar words of ``lang`` by role, from ``function_words.tsv`` (roles in its
    SOURCES.md): a set per role; a dict word → (gender, number) for pronouns, word → lemma
    for ``noun_fix`` and ``irregular_form``; the words of the ``ref`` phrase as a tuple;
    ``ref_lemma`` a string; ``evident`` (first word, second word, phrase, cue lemma) or None."""
    df = read_lexicon("default", lang=lang, name="function_words", columns=["word", "role", "gender", "number", "lemma"])
    fw: dict = {"according": set(), "per_prep": set(), "src_prep": set(), "loc": set(), "impersonal": set(),
                "loc_pron": {}, "noun_fix": {}, "evident": None, "ref": ()}
    for w, role, g, n, lem in zip(df["word"], df["role"], df["gender"], df["number"], df["lemma"]):
        w, role = str(w).strip(), str(role).strip()
        if role in _GENDERED:
            fw.setdefault(role, {})[w] = (g or None, n or None)
        elif role in _MAPPED:
            fw.setdefault(role, {})[w] = lem
        elif role == "ref":
            fw["ref"] = tuple(w.split())
        elif role == "ref_lemma":
            fw["ref_lemma"] = w
        elif role == "evident":
            first, second = w.split()
            fw["evident"] = (first, second, w, lem)
        else:
            fw.setdefault(role, set()).add(w)
    return fw


@functools.lru_cache(maxsize=1)
def phrase_starts() -> frozenset:
    """First words of source phrases in every language ("по версии", "according to")."""
    return frozenset(w for lg in LANGS for w in function_words(lg).get("phrase_start", ()))


def _norm(s) -> str:
    return str(s).lower().replace("ё", "е").replace("’", "'").replace("ʼ", "'")


def _en_lemmas(word: str) -> list[str]:
    w = word.lower()
    out = [w]
    irregular = function_words("en")["irregular_form"]
    if w in irregular:
        out.append(irregular[w])
    for suf, rep in (("ied", "y"), ("ies", "y"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", ""),
                     ("ing", ""), ("ing", "e")):
        if w.endswith(suf) and len(w) > len(suf) + 2:
            out.append(w[: -len(suf)] + rep)
    return out


# --- language resources ----------------------------------------------------------------
@dataclass
class _Res:
    lang: str
    verbs: dict            # lemma -> (class, requires)
    colloc: dict           # light-verb lemma -> [(noun lemma, class)]
    source_nouns: dict     # noun lemma/form -> class
    speech_acts: set
    markers: list          # (words tuple, kind, scope, name)
    heads: dict            # lemma -> (speaker_type, kind)
    media: dict            # key without spaces, lower -> canonical name
    media_names: set
    fw: dict = field(default_factory=dict)
    legal: tuple = ()      # stems of legal designations (legal_designations.tsv)
    variants: dict = field(default_factory=dict)   # canonical media name -> its keys
    words: dict = field(default_factory=dict)      # role -> set of words (attribution_words.tsv)
    own_verbs: bool = False  # the user's verb lexicon: only its verbs are cues


def _load_verbs(source, lang) -> dict:
    df = read_lexicon(source, lang=lang, name="reporting_verbs", columns=["lemma", "class"])
    req = df["requires"] if "requires" in df else pd.Series([""] * len(df))
    return {_norm(l).strip(): (c.strip(), r.strip()) for l, c, r in zip(df["lemma"], df["class"], req) if str(l).strip()}


@functools.lru_cache(maxsize=8)
def _builtin(lang: str) -> _Res:
    verbs = _load_verbs("default", lang)
    sn = read_lexicon("default", lang=lang, name="speech_nouns", columns=["lemma", "kind", "class"])
    colloc: dict = {}
    source_nouns, speech_acts = {}, set()
    for l, k, c, v in zip(sn["lemma"], sn["kind"], sn["class"], sn.get("verbs", [""] * len(sn))):
        l = _norm(l)
        if k == "source_phrase":
            source_nouns[l] = c
        elif k == "speech_act":
            speech_acts.add(l)
        elif k == "attitude":
            for vb in str(v).split(";"):
                if vb.strip():
                    colloc.setdefault(_norm(vb.strip()), []).append((l, c))
    dm = read_lexicon("default", lang=lang, name="distancing_markers", columns=["marker", "kind"])
    markers = []
    lemmas = dm["lemma"] if "lemma" in dm else dm["marker"].str.replace("*", "", regex=False)
    for m, lm, k, s in zip(dm["marker"], lemmas, dm["kind"], dm.get("scope", ["any"] * len(dm))):
        if k == "scare_quote":
            continue
        markers.append((tuple(_norm(m).split()), k, s or "any", lm))
    markers.sort(key=lambda x: -len(x[0]))
    an = read_lexicon("default", lang=lang, name="anonymous_sources", columns=["lemma", "speaker_type"])
    heads = {_norm(l): (t, k) for l, t, k in zip(an["lemma"], an["speaker_type"], an.get("kind", [""] * len(an)))}
    mo = read_lexicon("default", lang=lang, name="media_outlets", columns=["name", "variants"])
    media = {}
    for name, variants in zip(mo["name"], mo["variants"]):
        for v in [name, *str(variants).split(";")]:
            v = v.strip()
            if v:
                media[_norm(_SPACE_QUOTES_RX.sub("", v))] = name
    variants: dict = {}
    for k, name in media.items():
        variants.setdefault(name, set()).add(k)
    lg = read_lexicon("default", lang=lang, name="legal_designations", columns=["lemma"])
    legal = tuple(sorted({_norm(w)[: max(4, len(w) - 2)] for l in lg["lemma"] for w in str(l).split()[:1] if w}))
    aw = read_lexicon("default", lang=lang, name="attribution_words", columns=["word", "role"])
    words: dict = {}
    for w, r in zip(aw["word"], aw["role"]):
        words.setdefault(str(r).strip(), set()).add(_norm(w).strip())
    return _Res(lang, verbs, colloc, source_nouns, speech_acts, markers, heads, media,
                set(mo["name"]), function_words(lang), legal, variants, words)


def _resources(lang: str, verbs) -> _Res:
    lang = lang if lang in LANGS else "ru"
    res = _builtin(lang)
    if isinstance(verbs, dict):
        verbs = verbs.get(lang, "default")
    if isinstance(verbs, str) and verbs == "default":
        return res
    return _Res(**{**res.__dict__, "verbs": _load_verbs(verbs, lang), "own_verbs": True})


def _legal(R: _Res, quoted: str) -> bool:
    """A quoted legal label («иноагент», «нежелательной»): legal_designations.tsv."""
    words = re.findall(r"\w+", _norm(quoted))
    return bool(words) and len(words) <= 4 and any(w.startswith(st) for w in words for st in R.legal)


@functools.lru_cache(maxsize=20_000)
def past_verb_lemma(form: str, lang: str) -> str | None:
    """The infinitive of a Russian word form that pymorphy3 reads first as a past-tense verb
    ("завопил" → завопить), or None: for a dialogue tag's verb the tagger misread as a name
    or a noun (issue #12, eleventh round).  Other languages: None."""
    morph = morph_analyzer(lang) if lang == "ru" else None
    if morph is None or not form.isalpha() or not form.islower():
        return None
    p = morph.parse(form)[0]
    if p.tag.POS == "VERB" and "past" in p.tag and "indc" in p.tag:
        return p.normal_form
    return None
