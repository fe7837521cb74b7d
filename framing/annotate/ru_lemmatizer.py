"""The Russian lemmatiser: pymorphy3 lemmas constrained by a tagger's UPOS and UD features.

Part of the Russian backend (:mod:`framing.annotate.ru`).  Among the
dictionary parses of a form, the one that agrees best with the tagger's part
of speech and features wins; rules for proper names, abbreviations,
indeclinable foreign names and UD lemma conventions live in
:mod:`framing.lang.ru`.  Decisions are cached per (form, tag).

References
----------
Korobov, M. (2015). Morphological analyzer and generator for Russian and
Ukrainian languages. AIST 2015, 320–332.
"""

from __future__ import annotations

import re

from ..lang import ru as rules
from ..lang.ud import OC_FEATS, OC_POS

#: Bounds of the per-process caches (entries; a cache is emptied when it reaches its
#: bound): full pymorphy3 analyses are large and needed once per form, lemma
#: decisions are small and reused.  The bounds are reached within the first few
#: thousand news documents, so that a process's memory is the same on 20,000 and on
#: 200,000 documents (benchmarks/scale.py; with 150,000 lemmas and 20,000 analyses
#: the caches were still filling at 200,000 documents, some 100 MB more); the
#: frequent forms are back in the cache within a few sentences of emptying it.
#: Forms with a digit (numbers, dates, codes: the part of a news vocabulary that
#: keeps growing with the corpus) are lemmatised by a rule and not cached.
CACHE_PARSES = 4_000
CACHE_LEMMAS = 40_000

# --- OpenCorpora (pymorphy3) tags -> UD ---------------------------------------

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
#: an oblique form of a Russian surname in -ов/-ев/-ёв/-ин/-ын: stem and ending
_SURNAME_OBLIQUE_RE = re.compile(r"^(.+(?:ов|ев|ёв|ин|ын))(а|у|ым|е|ой|ою|ы|ых|ыми)$")
_VERBAL = frozenset({"VERB", "INFN", "PRTF", "PRTS", "GRND"})
_ADJ_OF_SURNAME = ("овый", "евый", "ёвый", "иный", "ыный")
_WORDCHAR_RE = re.compile(r"[^\W\d_]")


class _TagInfo:
    """UD view of a pymorphy3 tag (cached per tag)."""
    __slots__ = ("upos", "feats", "proper", "grammemes")

    def __init__(self, tag):
        g = tag.grammemes
        pos = tag.POS
        upos = OC_POS.get(pos, "X")
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
            kv = OC_FEATS.get(gram)
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
        if _DIGIT_RE.search(form):              # numbers: a rule, not cached (see CACHE_LEMMAS)
            return self._lemma(form, upos, feats)
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
        if _DIGIT_RE.search(form):
            return self._lemma_untagged(form, capital_inside)
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
                    out[j] = self.lemma_untagged(w, capital_inside)
                    if not _DIGIT_RE.search(w):
                        mid[w] = out[j]
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
                    if len(para_tags) > CACHE_LEMMAS:
                        para_tags.clear()
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

    def person_nominative(self, form: str, upos: str, feats: dict) -> str:
        """A word of a person's name in the nominative.

        pymorphy3 knows common surnames; an unknown one in -ов/-ев/-ин/-ын gets
        only an adjective guess ("Талькова" → "тальковый") and an unknown foreign
        name may get a verb guess ("Ризви" → "ризвить"), and a surname that is
        also an adjective's short form ("Сошникова", "сошниковый") is read as the
        adjective.  A capitalised word with no name reading that is unknown to the
        dictionary or read only as an adjective in -овый/-иный is therefore
        inflected by the surname declension (masculine Тальков, -а, -у, -ым, -е; feminine
        Талькова, -ой, -у; plural -ы, -ых, -ым, -ыми; Зализняк 1977, the
        declension of surnames in -ов and -ин), and left as written when every
        guess is a verb form.  Other words: :meth:`nominative`.
        """
        clean = rules.strip_stress(form)
        if feats.get("Case") in (None, "Nom") or not clean[:1].isupper():
            return self.nominative(form, upos, feats)
        low = clean.lower()
        parses = self.parses(low)
        if parses and not any(p.tag.grammemes & {"Name", "Surn", "Patr"} for p in parses):
            m = _SURNAME_OBLIQUE_RE.match(low)
            # a guess, or only readings of an adjective in -овый/-иный ("тальковый", "ромашковый")
            if m is not None and (not any(self._known(p) for p in parses) or all(
                    p.tag.POS in ("ADJF", "ADJS") and p.normal_form.endswith(_ADJ_OF_SURNAME) for p in parses)):
                stem, end = m.groups()
                if feats.get("Number") == "Plur" or end in ("ых", "ыми"):
                    nom = stem + "ы"
                elif feats.get("Gender") == "Fem" or end in ("ой", "ою"):
                    nom = stem + "а"
                else:
                    nom = stem
                return _copy_case(nom, clean)
            if not any(self._known(p) for p in parses) and all(p.tag.POS in _VERBAL for p in parses):
                return clean
        return self.nominative(form, upos, feats)


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
