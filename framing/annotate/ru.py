"""Russian backend: razdel segmentation, slovnet tagging/parsing/NER, pymorphy3 lemmas.

* Sentences and tokens: ``razdel``'s rules and tables (Natasha project), applied
  by :mod:`framing.annotate.razdel_fast` without razdel's per-split objects
  (the same spans, tested against razdel).  Emoji stuck to a word are left out
  of the word the tagger and the lemmatizer see (``word_core``).
* Morphology (UPOS + UD features), dependency syntax, named entities: the
  ``slovnet`` news models shipped inside the ``natasha`` wheel, with ``navec``
  embeddings (Kukushkin 2020).  The files are read from the installed package
  (natasha itself is not imported: it pulls in pymorphy2).  Sentences of many
  documents are batched together, sorted by length, for fast numpy inference.
* Lemmas: ``pymorphy3`` (Korobov 2015), choosing among the dictionary's parses
  the one that agrees with the tagger's POS and features; rules for proper
  names, abbreviations, indeclinable foreign names and UD lemma conventions
  live in :mod:`framing.lang.ru`.  Decisions are cached per (form, tag).
* Entity ``normal``: the mention inflected to the nominative — the head noun and
  its agreeing adjectives (by the parse), every name word for persons.

References
----------
Kukushkin, A. (2020). Natasha: Russian NLP library (slovnet, navec, razdel).
https://github.com/natasha
Korobov, M. (2015). Morphological analyzer and generator for Russian and
Ukrainian languages. AIST 2015, 320–332.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import re

import numpy as np

from ..lang import ru as rules
from .razdel_fast import sentences as sentences_razdel
from .razdel_fast import tokenize as tokenize_razdel
from ._backend import (Backend, package_versions, word_core, add_entity, bio_spans, new_entity_dict,
                       new_token_dict)

#: Bump when the Russian backend's output changes (goes into the cache key).
RU_BACKEND_VERSION = "2"

#: Longest sentence (in tokens) passed to the models; longer ones are cut.
MAX_SENT_TOKENS = 200
#: Tokens per model batch (sentences of similar length are batched together).
BATCH_TOKENS = 4096
BATCH_SENTS = 512
#: Bounds of the per-process caches (entries): full pymorphy3 analyses are large
#: and needed once per form, lemma decisions are small and reused (memory stays
#: around 300 MB per process on any corpus).
CACHE_PARSES = 20_000
CACHE_LEMMAS = 150_000

_MODEL_FILES = {
    "navec": ("emb", "navec_news_v1_1B_250K_300d_100q.tar"),
    "morph": ("model", "slovnet_morph_news_v1.tar"),
    "syntax": ("model", "slovnet_syntax_news_v1.tar"),
    "ner": ("model", "slovnet_ner_news_v1.tar"),
}


def model_dir() -> str:
    """The natasha package's data folder (found without importing natasha)."""
    spec = importlib.util.find_spec("natasha")
    if spec is None or not spec.submodule_search_locations:
        from .._errors import missing_dependency
        raise missing_dependency("natasha", "Russian annotation (the slovnet models ship in its wheel)")
    return os.path.join(list(spec.submodule_search_locations)[0], "data")


def model_path(name: str) -> str:
    sub, fname = _MODEL_FILES[name]
    return os.path.join(model_dir(), sub, fname)


# --- OpenCorpora (pymorphy3) tags -> UD ---------------------------------------

_OC_POS = {"NOUN": "NOUN", "ADJF": "ADJ", "ADJS": "ADJ", "COMP": "ADJ", "VERB": "VERB",
           "INFN": "VERB", "PRTF": "VERB", "PRTS": "VERB", "GRND": "VERB", "NUMR": "NUM",
           "ADVB": "ADV", "NPRO": "PRON", "PRED": "ADV", "PREP": "ADP", "CONJ": "CCONJ",
           "PRCL": "PART", "INTJ": "INTJ"}
_OC_FEATS = {
    "nomn": ("Case", "Nom"), "gent": ("Case", "Gen"), "gen1": ("Case", "Gen"), "gen2": ("Case", "Gen"),
    "datv": ("Case", "Dat"), "accs": ("Case", "Acc"), "acc2": ("Case", "Acc"), "ablt": ("Case", "Ins"),
    "loct": ("Case", "Loc"), "loc1": ("Case", "Loc"), "loc2": ("Case", "Loc"), "voct": ("Case", "Voc"),
    "sing": ("Number", "Sing"), "plur": ("Number", "Plur"),
    "masc": ("Gender", "Masc"), "femn": ("Gender", "Fem"), "neut": ("Gender", "Neut"),
    "anim": ("Animacy", "Anim"), "inan": ("Animacy", "Inan"),
    "1per": ("Person", "1"), "2per": ("Person", "2"), "3per": ("Person", "3"),
    "past": ("Tense", "Past"), "pres": ("Tense", "Pres"), "futr": ("Tense", "Fut"),
    "perf": ("Aspect", "Perf"), "impf": ("Aspect", "Imp"),
    "indc": ("Mood", "Ind"), "impr": ("Mood", "Imp"),
    "actv": ("Voice", "Act"), "pssv": ("Voice", "Pass"),
    "INFN": ("VerbForm", "Inf"), "PRTF": ("VerbForm", "Part"), "PRTS": ("VerbForm", "Part"),
    "GRND": ("VerbForm", "Conv"), "VERB": ("VerbForm", "Fin"),
    "ADJS": ("Variant", "Short"), "COMP": ("Degree", "Cmp"), "Cmp2": ("Degree", "Cmp"),
    "Supr": ("Degree", "Sup"),
}
_PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})
# tagger POS -> pymorphy POS groups that may carry the right lemma, with a bonus
_POS_COMPAT = {
    "NOUN": {"NOUN": 4, "PROPN": 3, "PRON": 1, "ADJ": 1},
    "PROPN": {"PROPN": 4, "NOUN": 3, "ADJ": 1},
    "ADJ": {"ADJ": 4, "DET": 3, "VERB": 2, "NUM": 2, "PRON": 1},
    "DET": {"DET": 4, "ADJ": 3, "PRON": 3, "NUM": 1},
    "PRON": {"PRON": 4, "DET": 3, "ADJ": 2, "NOUN": 1},
    "VERB": {"VERB": 4, "ADJ": 2},
    "AUX": {"VERB": 4},
    "NUM": {"NUM": 4, "ADJ": 2, "NOUN": 1},
    "ADV": {"ADV": 4, "ADJ": 2, "PRON": 1, "PART": 1},
    "ADP": {"ADP": 4, "ADV": 1},
    "CCONJ": {"CCONJ": 4, "PART": 2, "ADV": 1},
    "SCONJ": {"CCONJ": 4, "PART": 2, "ADV": 1, "PRON": 1},
    "PART": {"PART": 4, "CCONJ": 2, "ADV": 2},
    "INTJ": {"INTJ": 4, "PART": 2},
}
_FEAT_WEIGHTS = {"Case": 2.0, "Number": 1.5, "Gender": 1.0, "VerbForm": 2.0, "Tense": 0.5,
                 "Person": 0.5, "Aspect": 1.0, "Variant": 1.0, "Degree": 0.5, "Voice": 0.5,
                 "Animacy": 0.25, "Mood": 0.5}
_UD_TO_OC = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct",
             "Sing": "sing", "Plur": "plur", "Masc": "masc", "Fem": "femn", "Neut": "neut"}
_NO_LEMMA_POS = frozenset({"PUNCT", "SYM"})
_INVARIANT_POS = frozenset({"ADP", "CCONJ", "SCONJ", "PART", "INTJ"})
_DIGIT_RE = re.compile(r"\d")
_WORDCHAR_RE = re.compile(r"[^\W\d_]")


class _TagInfo:
    """UD view of a pymorphy3 tag (cached per tag)."""
    __slots__ = ("upos", "feats", "proper", "grammemes")

    def __init__(self, tag):
        g = tag.grammemes
        pos = tag.POS
        upos = _OC_POS.get(pos, "X")
        if pos == "NOUN" and (g & _PROPER):
            upos = "PROPN"
        elif pos == "ADJF" and "Apro" in g:
            upos = "DET"
        elif pos == "ADJF" and "Anum" in g:
            upos = "ADJ"
        elif pos == "COMP":
            upos = "ADV"
        elif "NUMB" in g or "ROMN" in g:
            upos = "NUM"
        elif "PNCT" in g:
            upos = "PUNCT"
        feats = {}
        for gram in g:
            kv = _OC_FEATS.get(gram)
            if kv:
                feats[kv[0]] = kv[1]
        if pos == "ADJF" and "Degree" not in feats:
            feats["Degree"] = "Pos"
        if pos == "PRTS":
            feats["Variant"] = "Short"
        self.upos, self.feats, self.proper, self.grammemes = upos, feats, bool(g & _PROPER), g


class RussianLemmatizer:
    """pymorphy3 lemmas constrained by a tagger's UPOS and UD features.

    Parameters
    ----------
    morph : pymorphy3.MorphAnalyzer, optional
        Shared analyzer (one is created otherwise).

    Notes
    -----
    Among the dictionary parses of the lowercased, stress-free form, the parse
    whose UD POS and features agree best with the tagger's wins (weighted
    agreement of case, number, gender, verb form, ...); ties go to pymorphy3's
    own frequency estimate.  Proper nouns prefer name/surname/place parses,
    female surnames keep the feminine form (UD: "Захаровой" → "Захарова"),
    abbreviations in capitals are kept, unknown proper nouns with endings that
    cannot be case endings in their case are indeclinable.  Lemmas have ``ё``
    written as ``е``.
    """

    def __init__(self, morph=None):
        if morph is None:
            import pymorphy3
            morph = pymorphy3.MorphAnalyzer(lang="ru")
        self.morph = morph
        self._tags: dict = {}
        self._parses: dict = {}
        self._cache: dict = {}
        self._fast_cache: dict = {}
        self._fast_cache_cap: dict = {}
        self._mid_cache: dict = {}
        self._common: dict = {}
        self._dict = None
        self._para_tags: dict = {}     # (paradigm, index) -> (":" + tag string, tag info, tag)

    # --- pymorphy3 access ---------------------------------------------------
    def info(self, tag) -> _TagInfo:
        t = self._tags.get(tag)
        if t is None:
            t = self._tags[tag] = _TagInfo(tag)
        return t

    def parses(self, word: str):
        p = self._parses.get(word)
        if p is None:
            if len(self._parses) > CACHE_PARSES:
                self._parses.clear()
            p = self._parses[word] = self.morph.parse(word)
        return p

    @staticmethod
    def _known(p) -> bool:
        """Whether the parse comes from the dictionary (not guessed from a suffix)."""
        return type(p.methods_stack[0][0]).__name__ == "DictionaryAnalyzer" and len(p.methods_stack) == 1

    @staticmethod
    def _quality(p) -> int:
        """2: dictionary; 1: dictionary word behind a prefix or hyphen; 0: guessed."""
        names = [type(m[0]).__name__ for m in p.methods_stack]
        if names == ["DictionaryAnalyzer"]:
            return 2
        if any(n in ("KnownSuffixAnalyzer", "FakeDictionary", "UnknAnalyzer", "UnknownPrefixAnalyzer")
               for n in names):
            return 0
        return 1

    # --- lemma with a tag ---------------------------------------------------
    def lemma(self, form: str, upos: str, feats: dict, feats_key: str = "") -> str:
        """Lemma of ``form`` tagged ``upos`` with UD ``feats`` (cached)."""
        key = (form, upos, feats_key)
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        if len(self._cache) > CACHE_LEMMAS:
            self._cache.clear()
        res = self._cache[key] = self._lemma(form, upos, feats)
        return res

    def _lemma(self, form: str, upos: str, feats: dict) -> str:
        if upos in _NO_LEMMA_POS or not _WORDCHAR_RE.search(form):
            return form
        clean = rules.strip_stress(form)
        low = clean.lower()
        if clean[:1].islower() or len(clean) > 3:
            abbr = rules.ABBREVIATIONS.get(low)
            if abbr is not None:
                return abbr
        if len(clean) == 2 and clean[1] == "." and clean[0].isupper():
            return rules.yo_to_e(clean[0])       # an initial: "Н." -> "Н"
        if _DIGIT_RE.search(clean):
            return rules.ordinal_lemma(low) or rules.yo_to_e(low)
        if rules.is_latin(clean):
            return clean if upos in ("PROPN", "X") else low
        caps = rules.abbreviation_lemma(clean)
        if caps is not None and upos in ("PROPN", "NOUN", "X", "ADJ", "SYM", "NUM"):
            # an abbreviation in capitals keeps them, minus a lowercase case ending
            return caps
        if upos in _INVARIANT_POS:
            return rules.yo_to_e(low)
        if upos == "DET" and low in rules.INDECLINABLE_POSSESSIVES:
            return rules.yo_to_e(low)
        parses = self.parses(low)
        if upos == "PROPN":
            return self._proper_lemma(clean, low, parses, feats)
        if upos == "ADV":
            adv = self._adverb_lemma(low, parses)
            if adv is not None:
                return adv
        best = self.choose(parses, upos, feats)
        if best is None:
            return rules.yo_to_e(low)
        p, info = best
        g = info.grammemes
        lemma = p.normal_form
        if upos == "PRON" and "Apro" in g and lemma in rules.SUBSTANTIVE_PRONOUNS:
            # a determiner used as a pronoun: "того" -> "то", "всех" -> "все" (UD)
            inf = p.inflect({"nomn", "plur"}) if feats.get("Number") == "Plur" else p.inflect({"nomn", "neut", "sing"})
            if inf is not None:
                lemma = inf.word
        elif upos == "ADJ" and "ADJS" in g and lemma == "должный":
            lemma = "должен"   # the modal short adjective (UD: "должна" -> "должен")
        elif upos in ("ADJ", "DET") and "Supr" in g:
            lemma = rules.adjective_lemma(low) or lemma   # "лучших" -> "лучший", not "хороший"
        elif upos == "NOUN" and p.tag.POS == "PRTF":
            # a substantivised participle: its masculine nominative ("выживших" -> "выживший")
            inf = p.inflect({"nomn", "sing", "masc"}) or p.inflect({"nomn", "sing"})
            if inf is not None:
                lemma = inf.word
        elif info.proper and self._woman(info, feats):
            lemma = self._feminine(p, lemma)
        lemma = rules.spelling_variant(rules.yo_to_e(lemma), rules.yo_to_e(low))
        if info.proper and upos in ("NOUN", "X"):
            return rules.restore_case(lemma, clean, proper=True)
        return lemma

    def fix_proper(self, words, upos) -> None:
        """Words tagged PROPN that the dictionary knows only as common nouns (or only as
        adjectives) become NOUN (ADJ), in place.

        UD tags the common words inside multiword names by their usual part of
        speech ("Российская Федерация": ADJ NOUN; "Министерство иностранных дел":
        NOUN ADJ NOUN); only names proper are PROPN.  Words with a name reading
        in the dictionary, abbreviations in capitals and words outside the
        dictionary stay PROPN.
        """
        for i, u in enumerate(upos):
            if u != "PROPN":
                continue
            w = words[i]
            if len(w) < 2 or w.isupper() or not rules.is_cyrillic(w) or "-" in w:
                continue
            key = w.lower()
            hit = self._common.get(key)
            if hit is None:
                hit = ""
                known = [p for p in self.parses(key) if self._known(p)]
                if known and not any(self.info(p.tag).proper for p in known):
                    pos = {p.tag.POS for p in known}
                    if "NOUN" in pos:
                        hit = "NOUN"
                    elif pos == {"ADJF"}:
                        hit = "ADJ"
                if len(self._common) > CACHE_LEMMAS:
                    self._common.clear()
                self._common[key] = hit
            if hit:
                upos[i] = hit

    @staticmethod
    def _woman(info, feats) -> bool:
        g = info.grammemes
        return (("Surn" in g or "Patr" in g) and "femn" in g and "plur" not in g
                and feats.get("Gender", "Fem") == "Fem")

    @staticmethod
    def _feminine(p, lemma):
        """A woman's surname or patronymic: the feminine nominative (UD: "Захаровой" -> "Захарова")."""
        inf = p.inflect({"nomn", "sing", "femn"}) or p.inflect({"nomn", "sing"})
        return inf.word if inf is not None else lemma

    def _adverb_lemma(self, low, parses):
        """Adverbs: the adverb itself; a comparative becomes the positive adverb when one exists."""
        comp = None
        for p in parses:
            pos = p.tag.POS
            if pos in ("ADVB", "PRED") and self._known(p):
                return rules.yo_to_e(p.normal_form)
            if pos == "COMP" and comp is None:
                comp = p
        if comp is not None:
            adj = comp.normal_form
            for suffix in ("о", "е"):
                cand = adj[:-2] + suffix
                for q in self.parses(cand):
                    if q.tag.POS == "ADVB" and q.normal_form == cand and self._known(q):
                        return rules.yo_to_e(cand)   # "чаще" -> "часто", "лучше" -> "хорошо"
            return rules.yo_to_e(low)                # "раньше", "больше"
        return None

    def _proper_lemma(self, clean, low, parses, feats):
        """Lemma of a word tagged PROPN: name parses first; unknown names by declension rules."""
        cands = []
        for p in parses:
            info = self.info(p.tag)
            q = self._quality(p)
            if info.upos in ("PROPN", "NOUN") and (q == 2 or (q == 1 and info.proper)):
                cands.append(p)
        case, number = feats.get("Case"), feats.get("Number")
        if not cands:
            # not in the dictionary as a noun: an adjective written with a capital, or a
            # foreign or rare name
            adjs = [p for p in parses if p.tag.POS == "ADJF" and self._quality(p) == 2]
            if adjs and rules.adjective_lemma(low):
                p, info = self.choose(adjs, "ADJ", feats)
                return rules.restore_case(rules.yo_to_e(p.normal_form), clean, proper=True)
            if number != "Plur" and (case in (None, "Nom") or low[-1] not in rules.VOWELS
                                     or rules.indeclinable_name(low, case)):
                if low[-1] not in "мй" or case in (None, "Nom"):
                    return rules.restore_case(rules.yo_to_e(low), clean, proper=True)
            if number == "Plur":
                guess = self._guess_name(low, parses, feats)
            else:
                guess = (rules.guess_name_lemma(low, feats.get("Gender"), case)
                         or (rules.adjective_lemma(low) if case not in (None, "Nom") else None) or low)
            return rules.restore_case(rules.yo_to_e(guess), clean, proper=True)
        best = self.choose(cands, "PROPN", feats)
        p, info = best
        lemma = p.normal_form
        if self._woman(info, feats):
            lemma = self._feminine(p, lemma)
        lemma = rules.spelling_variant(rules.yo_to_e(lemma), rules.yo_to_e(low))
        return rules.restore_case(lemma, clean, proper=True)

    def _guess_name(self, low, parses, feats):
        """An unknown declinable name: pymorphy3's predicted noun parses, kept plausible.

        The predicted lemma must agree with the tagger's gender and keep the
        word's stem (a lemma longer than the form by more than one letter is a
        mis-prediction): otherwise the form itself.
        """
        gender = feats.get("Gender")
        nouns = [p for p in parses if p.tag.POS == "NOUN"]
        if gender:
            oc = _UD_TO_OC.get(gender)
            same = [p for p in nouns if oc in p.tag.grammemes or "ms-f" in p.tag.grammemes]
            nouns = same or nouns
        best = self.choose(nouns, "PROPN", feats) if nouns else None
        if best is None:
            return low
        lemma = best[0].normal_form
        stem = min(len(low), len(lemma)) - 2
        if len(lemma) > len(low) + 1 or stem < 2 or lemma[:stem] != low[:stem]:
            return low
        if self._woman(best[1], feats):
            lemma = self._feminine(best[0], lemma)
        return lemma

    def choose(self, parses, upos: str, feats: dict):
        """The parse agreeing best with ``upos``/``feats`` and its UD info, or None."""
        if not parses:
            return None
        compat = _POS_COMPAT.get(upos, {})
        want_proper = upos == "PROPN"
        best, best_s = None, -1e9
        for p in parses:
            info = self.info(p.tag)
            s = compat.get(info.upos, 0) * 2.0
            if want_proper:
                s += 3.0 if info.proper else 0.0
            elif upos == "NOUN" and info.proper:
                s -= 1.0
            pf = info.feats
            for k, w in _FEAT_WEIGHTS.items():
                a = pf.get(k)
                if a is None:
                    continue
                b = feats.get(k)
                if b is None:
                    continue
                s += w if a == b else -w
            s += p.score
            if self._known(p):
                s += 0.5
            # ties: the lemma keeping more of the form's stem ("полком" -> "полк", not
            # "полок"), then the stressed-ending variant of adjective doublets
            nf = p.normal_form
            s += 0.01 * _common_prefix(nf, p.word)
            if nf.endswith("ой") and p.tag.POS in ("ADJF", "ADJS"):
                s += 0.005
            if s > best_s:
                best, best_s = (p, info), s
        return best

    # --- lemma without a tagger (fast path) ---------------------------------
    def lemma_untagged(self, form: str, capital_inside: bool) -> str:
        """Lemma from pymorphy3 alone (no tagger): the most probable parse.

        ``capital_inside``: the word is capitalised and not sentence-initial, so
        proper-name parses are preferred.
        """
        cache = self._fast_cache_cap if capital_inside else self._fast_cache
        hit = cache.get(form)
        if hit is not None:
            return hit
        if len(cache) > CACHE_LEMMAS:
            cache.clear()
        res = cache[form] = self._lemma_untagged(form, capital_inside)
        return res

    def lemmas_untagged(self, words) -> list[str]:
        """Lemmas of one sentence's words without a tagger (cached per form)."""
        # one dict lookup per token: ``_mid_cache`` holds each form's final lemma when
        # it is not sentence-initial (capitalised forms: the proper-name preferring
        # lemma); the first word and the misses are then filled in
        if not words:
            return []
        mid = self._mid_cache
        out = list(map(mid.get, words))
        w = words[0]
        if w[:1].isupper():
            out[0] = self.lemma_untagged(w, False)
        if None in out:
            if len(mid) > CACHE_LEMMAS:
                mid.clear()
            for j, x in enumerate(out):
                if x is None:
                    w = words[j]
                    capital_inside = bool(j) and w[:1].isupper()
                    out[j] = mid[w] = self.lemma_untagged(w, capital_inside)
        return out

    def _lemma_untagged(self, form, capital_inside):
        if not _WORDCHAR_RE.search(form):
            return form
        clean = rules.strip_stress(form)
        if _DIGIT_RE.search(clean):
            return rules.yo_to_e(clean.lower())
        if rules.is_latin(clean):
            return clean if capital_inside else clean.lower()
        abbr = rules.abbreviation_lemma(clean)
        if abbr is not None:
            return abbr
        low = clean.lower()
        fast = self._dictionary_lemma(low, capital_inside, form[:1].isupper())
        if fast is not None:
            lemma, proper = fast
            if proper:
                return rules.restore_case(lemma, clean, proper=True)
            if capital_inside:
                return rules.restore_case(lemma, clean, proper=True)
            return lemma
        parses = self.parses(low)
        if not parses:
            return rules.yo_to_e(low)
        p = parses[0]
        if capital_inside or form[:1].isupper():
            # a capitalised word: a name reading when the dictionary has one
            # ("Песков" is the surname, not the genitive plural of "песок")
            for q in parses:
                if self.info(q.tag).upos == "PROPN" and (capital_inside or q.score >= 0.1):
                    p = q
                    break
        info = self.info(p.tag)
        if capital_inside and not self._known(p) and rules.indeclinable_name(low, "Nom"):
            return rules.restore_case(rules.yo_to_e(low), clean, proper=True)
        lemma = p.normal_form
        if info.proper and ("Surn" in info.grammemes or "Patr" in info.grammemes) \
                and "femn" in info.grammemes and "plur" not in info.grammemes:
            inf = p.inflect({"nomn", "sing", "femn"})
            if inf is not None:
                lemma = inf.word
        lemma = rules.yo_to_e(lemma)
        if info.upos == "PROPN" or (capital_inside and info.upos in ("NOUN", "X")):
            return rules.restore_case(lemma, clean, proper=True)
        return lemma

    def _dictionary_lemma(self, low, capital_inside, capitalised):
        """The most probable dictionary lemma straight from pymorphy3's word DAWG.

        The same choice as ``MorphAnalyzer.parse(word)[0]`` (P(tag | word)
        estimates, first of equals) without building Parse objects, about four
        times faster.  Returns (lemma, is_proper) or None when the word is not in
        the dictionary or needs the full analysis (a woman's surname).
        """
        if self._dict is None:
            m = self.morph
            probs = m.prob_estimator.p_t_given_w if m.prob_estimator else None
            inline = probs is not None and type(probs).prob is _cond_prob()
            self._dict = (m.dictionary, m.char_substitutes, probs,
                          probs.get if inline else None, probs.MULTIPLIER if inline else None)
        d, subst, probs, pget, pmult = self._dict
        if "е" in low:                      # "все" is looked up as "всё" too
            items = d.words.similar_items(low, subst)
        else:                               # nothing to substitute: a plain lookup, 3x faster
            found = d.words.get(low)
            items = [(low, found)] if found else None
        if not items:
            return None
        para_tags = self._para_tags
        names = capital_inside or capitalised
        best = best_proper = None
        bp = bpp = -1.0
        total = 0.0
        for fixed, paras in items:
            for para_id, idx in paras:
                # the tag of each (paradigm, index) is built, printed and mapped to UD once
                e = para_tags.get((para_id, idx))
                if e is None:
                    tag = d.build_tag_info(para_id, idx)
                    e = para_tags[(para_id, idx)] = (":" + str(tag), self.info(tag), tag)
                if pget is not None:        # ConditionalProbDistDAWG.prob, inlined
                    p = pget(low + e[0], 0) / pmult
                else:
                    p = probs.prob(low, e[2]) if probs is not None else 0.0
                total += p
                if p > bp:
                    bp, best = p, (fixed, para_id, idx, e)
                if names and p > bpp and e[1].upos == "PROPN":
                    bpp, best_proper = p, (fixed, para_id, idx, e)
        choice, proper = best, False
        if best_proper is not None and (capital_inside or (total > 0 and bpp / total >= 0.1)
                                        or (total == 0 and best_proper is best)):
            choice, proper = best_proper, True
        info = choice[3][1]
        g = info.grammemes
        if info.upos == "PROPN":            # a name (not a Geox adjective such as "украинский")
            proper = True
        if ("Surn" in g or "Patr" in g) and "femn" in g and "plur" not in g:
            return None
        lemma = rules.yo_to_e(d.build_normal_form(choice[1], choice[2], choice[0]))
        return lemma, proper

    # --- inflection to the nominative (entity normal forms) -----------------
    def nominative(self, form: str, upos: str, feats: dict, *, target: dict | None = None) -> str:
        """``form`` inflected to the nominative, keeping its number and gender.

        ``target`` (Gender/Number) overrides for adjectives agreeing with a head.
        Returns the form unchanged when it is already nominative or cannot be
        inflected.
        """
        clean = rules.strip_stress(form)
        if feats.get("Case") in (None, "Nom") and target is None:
            return clean
        abbr = rules.abbreviation_lemma(clean)
        if abbr is not None:
            return abbr
        if rules.is_latin(clean) or _DIGIT_RE.search(clean):
            return clean
        low = clean.lower()
        best = self.choose(self.parses(low), upos, feats)
        if best is None:
            return clean
        p, info = best
        if upos == "PROPN" and not self._known(p) and rules.indeclinable_name(low, feats.get("Case")):
            return clean
        want = {"nomn"}
        number = (target or {}).get("Number") or feats.get("Number")
        gender = (target or {}).get("Gender") or feats.get("Gender")
        if number == "Plur":
            want.add("plur")
        elif number == "Sing":
            want.add("sing")
            if gender in ("Masc", "Fem", "Neut") and info.upos in ("ADJ", "DET", "VERB", "NUM"):
                want.add(_UD_TO_OC[gender])
        inf = p.inflect(want) or p.inflect({"nomn"})
        if inf is None:
            return clean
        return _copy_case(rules.yo_to_e(inf.word) if "ё" not in low else inf.word, clean)


def _cond_prob():
    """pymorphy3's ``ConditionalProbDistDAWG.prob`` (inlined in the fast lemma path)."""
    from pymorphy3.dawg import ConditionalProbDistDAWG
    return ConditionalProbDistDAWG.prob


def _common_prefix(a: str, b: str) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    return i


def _copy_case(word: str, model: str) -> str:
    """Give ``word`` the capitalisation pattern of ``model``."""
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        parts_m = model.split("-")
        parts_w = word.split("-")
        if len(parts_m) == len(parts_w):
            return "-".join(w[:1].upper() + w[1:] if m[:1].isupper() else w for w, m in zip(parts_w, parts_m))
        return word[:1].upper() + word[1:]
    return word


# --- slovnet models --------------------------------------------------------------

class _Encoder:
    """numpy inference of one slovnet CNN tagger/parser (weights from the slovnet model).

    Same arithmetic as ``slovnet.exec.model`` with float32 throughout, the
    convolution done as one matrix product per layer (channels last) and the
    relation scorer vectorised over tokens; about five times faster.
    """

    def __init__(self, model):
        self.shape_w = np.ascontiguousarray(model.emb.shape.weight.array, dtype=np.float32)
        self.layers = []
        for layer in model.encoder.layers:
            w = layer.conv.weight.array.astype(np.float32)          # filters x in x kernel
            f, cin, k = w.shape
            if layer.conv.padding * 2 + 1 != k:
                raise ValueError("unexpected slovnet convolution shape")
            wcat = np.ascontiguousarray(w.transpose(1, 2, 0).reshape(cin, k * f))
            n = layer.norm
            scale = (n.weight.array / n.std.array).astype(np.float32)
            shift = (n.bias.array - n.mean.array * scale).astype(np.float32)
            self.layers.append((wcat, layer.conv.bias.array.astype(np.float32), k, f, scale, shift))

    def __call__(self, word_emb, shape_id, pad):
        """``word_emb`` B x L x 300, ``shape_id`` B x L, ``pad`` B x L bool -> B x L x H."""
        x = np.concatenate((word_emb, self.shape_w[shape_id]), axis=-1)
        b, length = shape_id.shape
        for wcat, bias, k, f, scale, shift in self.layers:
            y = (x.reshape(b * length, -1) @ wcat).reshape(b, length, k, f)
            out = y[:, :, k // 2, :] + bias
            half = k // 2
            for j in range(k):
                d = j - half
                if d < 0:
                    out[:, -d:, :] += y[:, :d, j, :]
                elif d > 0:
                    out[:, :-d, :] += y[:, d:, j, :]
            np.maximum(out, 0, out=out)
            out *= scale
            out += shift
            out[pad] = 0
            x = out
        return x


class _Models:
    """navec + slovnet morph/syntax/NER, loaded on first use, run together per batch.

    Sentences of many documents are sorted by length and cut into batches of
    similar length (little padding); per batch the navec word vectors are
    decoded once and shared by the three models.
    """

    def __init__(self):
        self._navec = None
        self._models: dict = {}
        self._enc: dict = {}
        self._word_cache: dict = {}

    def navec(self):
        if self._navec is None:
            from navec import Navec
            nv = Navec.load(model_path("navec"))
            nv.vocab = None   # only the quantised vectors are used (the models have the vocabulary)
            self._navec = nv
        return self._navec

    def get(self, name: str):
        m = self._models.get(name)
        if m is None:
            import slovnet
            cls = {"morph": slovnet.Morph, "syntax": slovnet.Syntax, "ner": slovnet.NER}[name]
            m = cls.load(model_path(name), batch_size=BATCH_SENTS)
            m.navec(self.navec())
            if self._models:
                # the three models share one 250,000-word vocabulary: keep one copy
                base = self._any().infer.encoder
                enc = m.infer.encoder
                if enc.words_vocab.items == base.words_vocab.items:
                    enc.words_vocab = base.words_vocab
                if enc.shapes_vocab.items == base.shapes_vocab.items:
                    enc.shapes_vocab = base.shapes_vocab
            self._models[name] = m
            self._enc[name] = _Encoder(m.infer.model)
        return m

    def _ids(self, words):
        """Word and shape ids (the three models share their vocabularies)."""
        cache = self._word_cache
        ids, shp = [], []
        for w in words:
            hit = cache.get(w)
            if hit is None:
                hit = self._new_id(w)
            ids.append(hit[0])
            shp.append(hit[1])
        return ids, shp

    def _new_id(self, w):
        from slovnet.shape import word_shape
        enc = self._any().infer.encoder
        if len(self._word_cache) > CACHE_LEMMAS:
            self._word_cache.clear()
        hit = self._word_cache[w] = (enc.words_vocab.encode(w.lower()), enc.shapes_vocab.encode(word_shape(w)))
        return hit

    def _any(self):
        return next(iter(self._models.values()))

    def _batches(self, sents):
        order = sorted(range(len(sents)), key=lambda i: len(sents[i]))
        batch, ntok = [], 0
        for i in order:
            n = len(sents[i])
            if batch and (ntok + n > BATCH_TOKENS or len(batch) >= BATCH_SENTS
                          or n * (len(batch) + 1) > BATCH_TOKENS * 2):
                yield batch
                batch, ntok = [], 0
            batch.append(i)
            ntok += n
        if batch:
            yield batch

    def run(self, sents, names):
        """Run the models ``names`` ("morph", "syntax", "ner") on word lists.

        Returns a dict: ``morph`` -> per sentence tag-id arrays (and the tag vocabulary
        under ``morph_vocab``); ``syntax`` -> per sentence (heads, rel ids) with
        ``rel_vocab``; ``ner`` -> per sentence lists of BIO tags.
        """
        try:
            from threadpoolctl import threadpool_limits
        except ImportError:  # pragma: no cover
            return self._run(sents, names)
        # one BLAS thread: the matrices are small, and results do not depend on the
        # thread count (the same in worker processes and in the main process)
        with threadpool_limits(1):
            return self._run(sents, names)

    def _run(self, sents, names):
        from slovnet.exec.model import gather_head
        models = {n: self.get(n) for n in names}
        enc = self._any().infer.encoder
        wv, sv = enc.words_vocab, enc.shapes_vocab
        emb = self._any().infer.model.emb.word
        indexes, codes = emb.indexes.array, emb.codes.array
        qdims = np.arange(codes.shape[0])
        out = {n: [None] * len(sents) for n in names}
        for batch in self._batches(sents):
            items = [self._ids(sents[i]) for i in batch]
            # one padding position at least: a sentence's result does not depend on its batch
            width = max(len(a) for a, _ in items) + 1
            word_id = np.full((len(items), width), wv.pad_id, dtype=np.int64)
            shape_id = np.full((len(items), width), sv.pad_id, dtype=np.int64)
            for r, (a, c) in enumerate(items):
                word_id[r, :len(a)] = a
                shape_id[r, :len(c)] = c
            pad = word_id == wv.pad_id
            uniq, inv = np.unique(word_id, return_inverse=True)
            vecs = codes[qdims, indexes[uniq]].reshape(len(uniq), -1)
            word_emb = vecs[inv.reshape(-1)].reshape(len(items), width, -1)
            for name in names:
                model = models[name].infer.model
                x = self._enc[name](word_emb, shape_id, pad)
                if name == "morph":
                    pred = model.head.proj(x).argmax(-1)
                    for r, i in enumerate(batch):
                        out[name][i] = pred[r, :len(sents[i])]
                elif name == "ner":
                    tags = model.head.crf.decode(model.head.proj(x), ~pad)
                    vocab = models[name].infer.decoder.tags_vocab
                    for r, i in enumerate(batch):
                        out[name][i] = [vocab.items[t] for t in tags[r][:len(sents[i])].tolist()]
                else:
                    head_pred = model.head(x)
                    head_id = model.head.decode(head_pred, ~pad)
                    rel = model.rel
                    hx = rel.head(gather_head(x, rel.root.array, head_id))
                    tx = rel.tail(x)
                    hid = tx.shape[-1]
                    a = (hx.reshape(-1, hid) @ rel.kernel.array).reshape(hx.shape[0] * hx.shape[1], -1, hid)
                    scores = np.einsum("nrh,nh->nr", a, tx.reshape(-1, hid))
                    rel_id = scores.argmax(-1).reshape(hx.shape[0], hx.shape[1])
                    for r, i in enumerate(batch):
                        n = len(sents[i])
                        out[name][i] = (head_id[r, :n], rel_id[r, :n])
        if "morph" in names:
            out["morph_vocab"] = models["morph"].infer.decoder.tags_vocab
        if "syntax" in names:
            out["rel_vocab"] = models["syntax"].infer.decoder.rels_vocab
        return out


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


def _parse_tag(tag: str):
    pos, _, rest = tag.partition("|")
    feats = dict(kv.split("=", 1) for kv in rest.split("|")) if rest else {}
    return pos, feats, rest or "_"


class RussianBackend(Backend):
    """Russian: razdel + slovnet (news models from the natasha wheel) + pymorphy3."""

    lang = "ru"
    name = "razdel+slovnet+pymorphy3"
    LAYERS_AVAILABLE = frozenset({"tokens", "lemma", "morph", "syntax", "ner"})
    NOTES = {
        "tokens": ("razdel", "sentences and tokens"),
        "lemma": ("pymorphy3", "dictionary lemma agreeing with the slovnet tag; name, abbreviation, ё rules"),
        "upos": ("slovnet", "slovnet_morph_news_v1"),
        "feats": ("slovnet", "slovnet_morph_news_v1 (UD features)"),
        "syntax": ("slovnet", "slovnet_syntax_news_v1 (UD relations)"),
        "ner": ("slovnet", "slovnet_ner_news_v1: PER, LOC, ORG; normal form by pymorphy3 inflection"),
    }

    def __init__(self):
        super().__init__()
        self._lemmatizer = None
        self._models = None
        self._tag_cache: dict = {}

    def _load(self):
        self._lemmatizer = RussianLemmatizer()
        self._models = _Models()

    def version(self) -> str:
        files = []
        for name in _MODEL_FILES:
            try:
                p = model_path(name)
                st = os.stat(p)
                files.append(f"{os.path.basename(p)}:{st.st_size}")
            except (OSError, ImportError):
                files.append(f"{name}:missing")
        pkgs = package_versions("razdel", "slovnet", "navec", "pymorphy3", "pymorphy3-dicts-ru")
        h = hashlib.sha1((";".join(files)).encode()).hexdigest()[:10]
        return f"ru-{RU_BACKEND_VERSION};{pkgs};models={h}"

    # --- segmentation -------------------------------------------------------
    @staticmethod
    def segment(text: str) -> list[list[tuple[int, int, str]]]:
        """Sentences of (start, end, token) triples with offsets into ``text`` (razdel's rules)."""
        out = []
        for a, b in sentences_razdel(text):
            toks = tokenize_razdel(text[a:b], a)
            while len(toks) > MAX_SENT_TOKENS:
                out.append(toks[:MAX_SENT_TOKENS])
                toks = toks[MAX_SENT_TOKENS:]
            if toks:
                out.append(toks)
        return out

    # --- the work -------------------------------------------------------------
    def _tag(self, idx: int, vocab):
        hit = self._tag_cache.get(idx)
        if hit is None:
            hit = self._tag_cache[idx] = _parse_tag(vocab.decode(int(idx)))
        return hit

    def _analyse(self, sents: list[list[str]], layers: frozenset):
        """Run the requested layers on word lists: (upos, feats, featstr, lemmas, heads, rels, ner)."""
        self.load()
        lem = self._lemmatizer
        models = self._models
        n = len(sents)
        need_morph = bool(layers & {"morph", "ner"}) or ("lemma" in layers and "morph" in layers)
        names = [x for x, need in (("morph", need_morph), ("syntax", "syntax" in layers),
                                    ("ner", "ner" in layers)) if need]
        # emoji stuck to a word ("🔻Украинская") are not part of it for the tagger and lemmatizer
        sents = [[w if w.isalpha() else word_core(w) for w in s] for s in sents]
        words = [[rules.strip_stress(w) for w in s] for s in sents] if names else sents
        res = models.run(words, names) if (names and n) else {}
        upos = feats = featstr = None
        if need_morph:
            vocab = res.get("morph_vocab")
            upos, feats, featstr = [], [], []
            for ws, p in zip(words, res.get("morph", [])):
                tags = [self._tag(i, vocab) for i in p.tolist()]
                us, fs, ks = [t[0] for t in tags], [t[1] for t in tags], [t[2] for t in tags]
                fix_tags(ws, us, fs, ks)
                if "PROPN" in us:
                    lem.fix_proper(ws, us)
                upos.append(us)
                feats.append(fs)
                featstr.append(ks)
        lemmas = None
        if "lemma" in layers:
            lemmas = []
            if upos is not None:
                lemma = lem.lemma
                for ws, us, fs, ks in zip(sents, upos, feats, featstr):
                    lemmas.append([lemma(w, u, f, k) for w, u, f, k in zip(ws, us, fs, ks)])
            else:
                fast = lem.lemmas_untagged
                lemmas = [fast(ws) for ws in sents]
            for ws, ls in zip(sents, lemmas):
                fix_lemmas(ws, ls)
        heads = rels = None
        if "syntax" in layers and n:
            rel_names = res["rel_vocab"].items
            heads, rels = [], []
            for k, (h, r) in enumerate(res["syntax"]):
                hs, rs = h.tolist(), [rel_names[i] for i in r.tolist()]
                one_root(hs, rs, upos[k] if upos is not None else None)
                break_cycles(hs, rs)
                heads.append(hs)
                rels.append(rs)
        ner = res.get("ner") if "ner" in layers else None
        return upos, feats, featstr, lemmas, heads, rels, ner

    def annotate_texts(self, texts, *, layers):
        layers = frozenset(layers)
        segs = [self.segment(t) if t and not t.isspace() else [] for t in texts]
        flat = [[w for _, _, w in s] for seg in segs for s in seg]
        upos, feats, featstr, lemmas, heads, rels, ner = self._analyse(flat, layers)
        out = []
        k = 0
        with_morph = upos is not None and "morph" in layers
        for text, seg in zip(texts, segs):
            tok, ent = new_token_dict(), new_entity_dict()
            t_sent, t_id, t_start, t_end, t_text = (tok["sent_id"], tok["tok_id"], tok["start"],
                                                    tok["end"], tok["text"])
            for sid, s in enumerate(seg, 1):
                starts, ends, forms = zip(*s)
                m = len(forms)
                t_sent.extend([sid] * m)
                t_id.extend(range(1, m + 1))
                t_start.extend(starts)
                t_end.extend(ends)
                t_text.extend(forms)
                tok["lemma"].extend(lemmas[k] if lemmas is not None else [w.lower() for w in forms])
                tok["upos"].extend(upos[k] if with_morph else ["_"] * m)
                tok["feats"].extend(featstr[k] if with_morph else ["_"] * m)
                tok["head"].extend(heads[k] if heads is not None else [-1] * m)
                tok["deprel"].extend(rels[k] if rels is not None else ["_"] * m)
                if ner is not None:
                    spans = None
                    for first, last, typ in bio_spans(ner[k]):
                        if typ not in ("PER", "LOC", "ORG"):
                            continue
                        if spans is None:
                            spans = list(zip(starts, ends))
                        normal = self.normal_form(forms, upos[k], feats[k],
                                                  heads[k] if heads is not None else None,
                                                  first, last, typ,
                                                  gaps=[text[spans[i][1]:spans[i + 1][0]]
                                                        for i in range(first, last)])
                        add_entity(ent, sid, first, last, spans, text, typ, normal)
                k += 1
            out.append((tok, ent))
        return out

    def annotate_tokens(self, sentences, *, layers):
        layers = frozenset(layers)
        sents = [list(s) for s in sentences]
        upos, feats, featstr, lemmas, heads, rels, _ = self._analyse(sents, layers - {"ner"})
        out = []
        for i, s in enumerate(sents):
            m = len(s)
            out.append({
                "lemma": lemmas[i] if lemmas is not None else [w.lower() for w in s],
                "upos": upos[i] if (upos is not None and "morph" in layers) else ["_"] * m,
                "feats": featstr[i] if (featstr is not None and "morph" in layers) else ["_"] * m,
                "head": heads[i] if heads is not None else [-1] * m,
                "deprel": rels[i] if rels is not None else ["_"] * m,
            })
        return out

    # --- entity normal forms -------------------------------------------------
    def normal_form(self, forms, upos, feats, heads, first, last, typ, *, gaps=None) -> str:
        """The mention ``forms[first:last+1]`` in the nominative.

        Persons: every noun, proper noun and adjective (surnames in -ский) is
        inflected.  Other types: the head noun (the token whose head lies
        outside the mention; without a parse, the first noun) and the
        adjectives agreeing with it; dependents in other cases stay as they
        are ("Министерство иностранных дел").
        """
        lem = self._lemmatizer
        idx = range(first, last + 1)
        words = [rules.strip_stress(word_core(forms[i])) for i in idx]
        if typ == "PER":
            out = []
            for j, i in enumerate(idx):
                if upos[i] in ("NOUN", "PROPN", "ADJ", "X") and _WORDCHAR_RE.search(words[j]):
                    out.append(lem.nominative(words[j], "PROPN" if upos[i] == "X" else upos[i], feats[i]))
                else:
                    out.append(words[j])
            return _join(out, gaps)
        head = None
        if heads is not None:
            for i in idx:
                h = heads[i] - 1
                if not (first <= h <= last) and upos[i] in ("NOUN", "PROPN", "X", "ADJ"):
                    head = i
                    break
        if head is None:
            head = next((i for i in idx if upos[i] in ("NOUN", "PROPN")), None)
        if head is None or feats[head].get("Case") in (None, "Nom"):
            return _join(words, gaps)
        hf = feats[head]
        target = {"Number": hf.get("Number"), "Gender": hf.get("Gender")}
        out = list(words)
        out[head - first] = lem.nominative(words[head - first], upos[head], hf)
        case = hf.get("Case")
        for i in idx:
            if i == head or upos[i] not in ("ADJ", "DET", "NUM", "VERB"):
                continue
            f = feats[i]
            attached = heads is None or heads[i] - 1 == head or (i < head and heads[i] - 1 in idx)
            if attached and f.get("Case") == case and (heads is not None or i < head):
                out[i - first] = lem.nominative(words[i - first], upos[i], f, target=target)
        return _join(out, gaps)


def _join(words, gaps=None) -> str:
    """Words joined by the original gaps (any whitespace as one space), or by spaces."""
    if gaps is None:
        return " ".join(words)
    out = [words[0]]
    for w, g in zip(words[1:], gaps):
        out.append(" " if g else "")
        out.append(w)
    return "".join(out)


BACKEND = RussianBackend
