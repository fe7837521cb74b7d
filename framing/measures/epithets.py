"""Epithets: the descriptors an outlet attaches to actors, and nominations.

:func:`epithets` returns one row per (actor mention, descriptor), as defined in
``docs/epithets.md`` (columns :data:`EPITHET_COLUMNS`): ``doc_id``,
``outlet``, ``sent_id``, ``actor``, ``mention`` (the actor's mention, or the
nomination phrase), ``epithet`` (the descriptor's surface text; a relative
clause or predicate as its whole clause), ``epithet_lemma``, ``kind``,
``polarity`` (lexicon score in [-1, 1], NaN for a neutral descriptor: role
words, titles, nationality adjectives), ``evaluative`` (bool), ``start``,
``end`` (character offsets of the descriptor), ``legal`` (a legal
designation such as "иноагент", "нежелательная", "экстремистская": evaluative,
polarity -1, flagged so that it can be counted or left out), ``actor_start``,
``actor_end`` (the actor's mention: the name, else the head noun; for a
nomination the nomination itself).

Kinds
-----
``adjective``        an adjective or participle (phrase) agreeing with the name
                     (``нелегитимный Путин``, ``назначенный Киевом глава``);
``title``            a title or apposition with its complements (``глава КНДР``,
                     ``генсек НАТО``, ``Путин, президент России,``);
``genitive``         an evaluative genitive complement of the title
                     (``президент страны-агрессора``);
``compound``         a hyphenated compound used as title (``страна-агрессор
                     Россия``, ``экс-комик Зеленский``);
``relative_clause``  ``которого разыскивает Международный уголовный суд``;
``predicate``        a predicate nominal (``X — диктатор``, ``X является
                     диктатором``, ``назвал X диктатором``);
``description``      a description standing for an actor, linked by the user's
                     alias table or by context: the same title given to one
                     actor earlier in the document (``российский президент``)
                     or, for a sentence subject, the nearest preceding person;
``nomination``       a role word (``военные``, ``силовики``, ``власти``: no
                     polarity) or an evaluative label for a group or person
                     without a name
                     (``бандеровцы``, ``оккупанты``, ``режим`` of
                     ``киевский режим`` — its adjectives are rows of their
                     own —, a person noun in scare quotes ``«освободители»``),
                     linked to an actor by a
                     relational adjective (``украинские нацисты`` → Украина),
                     a following name in the genitive (``режим Кима``) or the
                     lexicon's hint, otherwise kept as a group actor named by
                     the label's plural (``бандеровцы``).

Method
------
With a dependency parse (UD), descriptors are the ``amod``/``acl`` dependents
of the name and of its titles, the noun the name is an ``appos``/``flat``
dependent of (and its ``appos`` dependents), ``nmod`` genitives of titles,
``acl:relcl`` clauses and copular heads.  Without a parse, and as a backup
for parser errors, agreement patterns over lemmas and UD features find the
same: adjectives agreeing with the name in case, number and gender, a title
noun of the titles lexicon agreeing in case (with genitive complements in
between), ``, который …`` agreeing in gender and number, ``X — NP``.  The
descriptor inventory follows the analysis of naming and nomination in
critical discourse studies (Reisigl & Wodak 2001, "referential and
predicational strategies") and the attributive / appositive / predicative
positions of Russian grammar (Русская грамматика 1980, §§ 1560–1600).

Actors without a name (role words, labels, titles, person and group nouns,
institutions; organisation nouns as subjects) get their adjectives,
participial phrases and relative clauses too.  A relative clause must contain
a relative pronoun agreeing with its antecedent; a participle must agree with
the noun in case and be its dependent in the tree.  Polarity is lexical and
read in context: role words (``roles.tsv``) and verbs, participles and nouns
of actions or states carry none; a label used literally (its
``literal_when`` context in ``nominations.tsv``: a circus "клоун", an
object "захватчики собора") is neutral or no row; a context noun ("режим")
needs a named actor.  Legal designations come from
``legal_designations.tsv``.

References
----------
Reisigl, M., & Wodak, R. (2001). *Discourse and Discrimination: Rhetorics of
Racism and Antisemitism*. Routledge, ch. 2.
Шведова, Н. Ю. (ред.) (1980). *Русская грамматика*, т. 2. Москва: Наука.
de Marneffe, M.-C., et al. (2021). Universal Dependencies. *Computational
Linguistics* 47(2), 255–308.
"""

from __future__ import annotations

import math
import os
import re
from collections import defaultdict

import pandas as pd

from .._options import InstanceOf, OneOf, check
from . import _evaluative_model
from ._guard import Guard
from ._language import gate
from ._names import (agree, all_builtin_aliases, builtin_table, doc_langs, doc_outlets, lower_key, nominations,
                     polarity_table, sentences_of, split_patterns, titles, wildcard_polarity)

__all__ = ["epithets", "EPITHET_COLUMNS", "EPITHET_KINDS"]

EPITHET_COLUMNS = ["doc_id", "outlet", "sent_id", "actor", "mention", "epithet", "epithet_lemma", "kind",
                   "polarity", "evaluative", "start", "end", "legal", "actor_start", "actor_end"]
EPITHET_KINDS = ("adjective", "title", "genitive", "compound", "relative_clause", "predicate", "description",
                 "nomination")

#: |polarity| from which an epithet counts as evaluative
EVALUATIVE_THRESHOLD = 0.3
#: how far above its class threshold the evaluative-word model must score a
#: word no lexicon lists before it *creates* a row (a nomination, a
#: substantivised adjective) rather than only flagging a row found by syntax
NOMINATION_MARGIN = 0.05

_SPEC = {
    "actors": [OneOf(None), InstanceOf(tuple)],
    "lexicon": [InstanceOf(str, os.PathLike, pd.DataFrame)],
    "model": [InstanceOf(bool)],
}

_RELATIVE = {"ru": {"который", "чей"}, "uk": {"який", "котрий", "чий"}, "en": {"who", "whom", "whose", "which"}}
_COPULA_VERBS = {"являться", "становиться", "стать", "оставаться", "остаться", "бути", "являтися", "ставати", "считаться",
                 "вважатися", "слыть", "прослыть", "оказаться", "оказываться", "виявитися", "виявлятися",
                 "стати", "залишатися"}
_NAMING_VERBS = {"назвать", "называть", "обозвать", "обзывать", "объявить", "объявлять", "считать", "признать",
                 "признавать", "назвати", "називати", "оголосити", "оголошувати", "вважати", "визнати", "визнавати"}
_DASHES = {"—", "–", "-", "―"}
_OPEN_Q = "«“„\"'‘"
_CLOSE_Q = "»”\"'’“"
# nouns that stand for an actor only with a modifier naming it ("западные кураторы", "режим Кима")
_CONTEXT_NOUNS = {
    "ru": {"куратор", "покровитель", "хозяин", "спонсор", "режим", "формирование", "хакер",
           "пропагандист", "марионетка", "прислужник", "сателлит", "вассал", "наемник", "боевик", "клика"},
    "uk": {"куратор", "покровитель", "господар", "спонсор", "режим", "формування", "хакер",
           "пропагандист", "маріонетка", "сателіт", "васал", "найманець", "бойовик"},
    "en": {"handler", "patron", "master", "sponsor", "regime", "hacker", "authorities", "propagandist",
           "satellite", "vassal", "proxy", "proxies"},
}
# animate or institutional heads that an evaluative adjective turns into a nomination
_INSTITUTIONS = {"власть", "власти", "режим", "правительство", "ведомство", "министерство", "руководство",
                 "відомство", "міністерство", "керівництво", "ministry", "избирком", "суд", "армия", "войско", "фемида",
                 "государство", "страна", "сми", "пресса", "администрация", "парламент", "дума", "рада",
                 "блок", "альянс", "союз", "элита", "партия", "движение", "организация", "группировка", "клан",
                 "лобби", "сообщество", "коалиция", "ось", "империя", "олигархия", "бюрократия", "истеблишмент",
                 "интеллигенция", "официоз", "медиа", "верхушка", "руководство", "команда", "окружение",
                 "влада", "уряд", "держава", "країна", "армія", "військо", "еліта", "партія", "рух", "угруповання",
                 "верхівка", "керівництво", "оточення", "government", "regime", "army", "elite", "elites",
                 "state", "country", "media", "press", "administration", "court", "bloc", "alliance", "party",
                 "establishment", "leadership", "clique",
                 # armed units are actors (docs/epithets.md, "Actor")
                 "бригада", "батальон", "полк", "дивизия", "рота", "взвод", "подразделение", "бригада", "батальйон",
                 "дивізія", "підрозділ", "brigade", "battalion", "regiment", "division"}
# hints: a nomination's usual referent when nothing in the sentence names it
_HINTS = {
    "страна-агрессор": "Россия", "государство-агрессор": "Россия", "страна-террорист": "Россия",
    "государство-террорист": "Россия", "держава-агресор": "Россия", "країна-агресор": "Россия",
    "держава-терорист": "Россия", "країна-терорист": "Россия", "рашист": "Россия", "рашистка": "Россия",
    "бандеровец": "Украина", "укронацист": "Украина", "укрофашист": "Украина",
    "евробюрократ": "ЕС", "оккупант": "российская армия", "окупант": "российская армия",
    "захватчик": "российская армия", "загарбник": "российская армия", "орк": "российская армия",
}


# expressive prefixes and suffixes that make a person noun or adjective a
# derogatory label whatever its stem (docs/epithets.md, "Evaluative")
_PEJ_HYPHEN = {"ru": ("горе-", "псевдо-", "лже-", "недо-", "квази-"),
               "uk": ("горе-", "псевдо-", "лже-", "недо-", "квазі-"),
               "en": ("pseudo-", "quasi-", "wannabe-", "would-be-")}
_PEJ_SOLID = {"ru": ("лже", "псевдо", "ультра"), "uk": ("лже", "псевдо", "ультра"), "en": ("pseudo", "ultra")}
_PEJ_SOLID_NOT = {"ним", "нимы", "ним", "мия"}
_PEJ_SUFFIX = {"ru": ("ишка", "ишко", "ишки"), "uk": ("ишка", "исько")}
_PEJ_SUFFIX_NOT = {"мальчишка", "братишка", "парнишка", "сынишка", "малышка", "мартышка", "шалунишка", "воришка",
                   "мыслишка", "домишко", "городишко", "пальтишко", "кулачишко", "детишки", "ребятишки",
                   "ребятишка", "мальчишки", "братишки", "парнишки", "страшилка", "хлопчисько", "вірусисько"}
# context nouns whose inanimate sense is a thing ("боевик" a film): animate, they are labels of people
_ANIMATE_LABELS = {"боевик", "бойовик", "наемник", "найманець"}
# adjectives that intensify a label ("очередной богач", "настоящий бандит"): evaluative with it (hard decision 19)
_INTENSIFIERS = {"очередной", "настоящий", "законченный", "форменный", "сущий", "чистый", "черговий", "справжній",
                 "another", "real", "true", "utter", "total"}
_PLACES = {"город", "місто", "city", "town", "село", "деревня", "поселок", "селище"}
# landforms: "гора-людоед" is a mountain, not an actor
_LANDFORMS = {"гора", "вулкан", "река", "озеро", "море", "перевал", "ледник", "гора", "річка", "mountain"}
_PAUCAL = {"два", "две", "три", "четыре", "оба", "обе", "полтора", "два", "дві", "три", "чотири", "обидва"}
# positive adjectives that stand for people when substantivised ("неравнодушные помогли");
# most others stand for things or are predicative ("любителям прекрасного", "наказать ответственных")
_PRAISE_SUBSTANTIVE = {"неравнодушный", "небайдужий", "смелый", "храбрый", "отважный", "сміливий", "хоробрий",
                       "відважний", "сердобольный", "бескорыстный"}
# tokens after which a capitalised word may open a sentence or a heading
_SENTENCE_OPENERS = {".", "!", "?", "…", ":", "—", "–", "-", "(", "\n", "•", "·", "*", "..."}
# a prison regime ("колонии строгого режима"): a sentence's terms, not a ruling regime
_PENAL = {"строгий", "общий", "особый", "усиленный", "суворий", "загальний", "особливий", "посилений"}
# contexts of a prize category ("лучший игрок чемпионата", "признан лучшим"): an award, not praise
_AWARD_CONTEXT = {"год", "сезон", "чемпионат", "турнир", "матч", "месяц", "неделя", "премия", "конкурс",
                  "фестиваль", "лига", "номинация", "рік", "сезону", "чемпіонат", "матч", "премія", "конкурс",
                  "year", "season", "championship", "tournament", "award", "prize"}
_SUPERLATIVE = {"лучший", "найкращий", "best"}
# insects and other small animals, spirits and mummies (not actors, as _ANIMALS)
_SMALL_ANIMALS = {"дух", "мумия", "призрак", "привидение", "мошка", "комар", "муха", "оса", "пчела", "клещ", "таракан", "крыса", "мышь", "змея", "птица",
                  "голубь", "ворона", "комар", "муха", "кліщ", "щур", "миша", "птах", "голуб"}


def _opens(s, t):
    """Whether token ``t`` may open a sentence, a line or a quotation (a
    capitalised word there need not be a name)."""
    return t == 0 or s.text[t - 1] in _SENTENCE_OPENERS or s.text[t - 1] in _OPEN_Q or \
        s.start[t] - s.end[t - 1] >= 2  # a line break the sentence splitter did not see


def _person_after_prefix(s, lem):
    """A Russian word with an expressive prefix whose rest the dictionary reads
    as a person ("горе-водитель", "лжеучёный"), whatever the tagger made of it."""
    if s.lang != "ru":
        return False
    rest = lem.split("-", 1)[1] if "-" in lem else next(
        (lem[len(p):] for p in _PEJ_SOLID["ru"] if lem.startswith(p)), "")
    return len(rest) >= 3 and any(r[1] for r in _readings(rest))


def _person_rest(rest, lex):
    """The rest of a word after a pejorative prefix names people ("укро|варвары",
    "укро|СМИ"), not a thing ("укро|сайты")."""
    return lex.nomination(rest) is not None or rest in lex.roles or lex.is_title(rest) or rest in _INSTITUTIONS


def _penal(s, t):
    """"режим" of a prison sentence ("колонии строгого режима")."""
    return lower_key(s.lemma[t]) == "режим" and t > 0 and lower_key(s.lemma[t - 1]) in _PENAL


def _award(s, t):
    """A superlative naming a prize category: "лучший игрок чемпионата", "как
    лучший исполнитель", "признан лучшим" (an award, not the writer's praise)."""
    if lower_key(s.lemma[t]) not in _SUPERLATIVE:
        return False
    before = {lower_key(s.lemma[k]) for k in range(max(0, t - 3), t)}
    if before & {"как", "признать", "назвать", "звание", "номинация", "премия", "награда", "приз", "титул",
                 "нагорода", "as", "named"}:
        return True
    return any(lower_key(s.lemma[k]) in _AWARD_CONTEXT for k in range(t + 1, min(len(s), t + 7)))


# polite forms of address ("Уважаемые коллеги!"): a formula, not an evaluation
_ADDRESS = {"уважаемый", "дорогой", "глубокоуважаемый", "многоуважаемый", "шановний", "дорогий", "dear"}
# distancing "так называемый" / "так званий" / "so-called" (guideline: yes −1)
_SO_CALLED = {"называть", "называемый", "званий", "звати", "називати", "называться"}


def _empty() -> pd.DataFrame:
    dt = {"sent_id": "int64", "start": "int64", "end": "int64", "polarity": "float64", "evaluative": "bool",
          "legal": "bool", "actor_start": "int64", "actor_end": "int64"}
    return pd.DataFrame({c: pd.Series(dtype=dt.get(c, "object")) for c in EPITHET_COLUMNS})


class _Lex:
    """Polarity, titles, nominations and relational adjectives of one language."""

    def __init__(self, lexicon, lang, model=False):
        table = polarity_table(lexicon, lang)
        self.exact, self.patterns = split_patterns(table)
        self.titles = titles(lang)
        noms = nominations(lang)
        self.nom_exact = {k: v for k, v in noms.items() if "*" not in k}
        self.nom_patterns = [(k, v) for k, v in noms.items() if "*" in k]
        self.context = _CONTEXT_NOUNS.get(lang, set())
        self.roles = _lemma_set(lang, "roles")
        rt = builtin_table(lang, "roles")
        self.role_number = {lower_key(k): v for k, v in zip(rt.get("lemma", []), rt.get("number", []))
                            if isinstance(v, str) and v.strip()}
        self.role_participles = sorted(r for r in self.roles if r.endswith(("щий", "вший", "ший", "мый", "нный",
                                                                              "тый", "ючий", "ячий")))
        # nouns of actions and states ("коррупция", "война") score what an actor
        # did or suffered, not the actor: left out of descriptor polarity
        self.nonjudging = frozenset()
        # participles that judge the actor: of verbs of character ("обнаглевшие
        # чиновники", "зарвавшийся депутат": kind "quality", pos VERB), and
        # lexicalised ones listed as quality adjectives (Ukrainian taggers mark
        # "улюблений", "самопроголошений" VerbForm=Part)
        self.quality_verbs = frozenset()
        if isinstance(lexicon, str) and lexicon == "default":
            ev = builtin_table(lang, "evaluative")
            if {"kind", "pos"} <= set(ev.columns):
                self.nonjudging = frozenset(lower_key(x) for x, k, p in zip(ev["lemma"], ev["kind"], ev["pos"])
                                            if k in ("action", "state") and p != "ADJ")
                self.quality_verbs = frozenset(lower_key(x) for x, k, p in zip(ev["lemma"], ev["kind"], ev["pos"])
                                               if k == "quality" and p in ("VERB", "ADJ"))
        # verbs whose meaning judges their agent ("шантажировать", "лгать",
        # "предать"): they score its participles, and a relative clause
        # ("тех, кто пытается шантажировать нас") — unlike verbs of what an
        # actor merely did ("атаковать", "арестовать")
        jv = builtin_table(lang, "judging_verbs")
        self.judging_verbs = {lower_key(x): float(p) for x, p in zip(jv.get("lemma", []), jv.get("polarity", []))}
        self.orgs = _lemma_set(lang, "organisation_types")
        legal = _lemma_set(lang, "legal_designations")
        self.legal = {k for k in legal if " " not in k}
        self.legal_pairs = {tuple(k.split()) for k in legal if " " in k}
        self.literal = {}
        table = builtin_table(lang, "nominations")
        if "literal_when" in table.columns:
            for lem, cond in zip(table["lemma"], table["literal_when"].fillna("")):
                if str(cond).strip():
                    self.literal[lower_key(lem)] = set(str(cond).split("|"))
        self.relational = {}
        for r in all_builtin_aliases():
            if r.get("kind") == "adjective":
                self.relational.setdefault(lower_key(r["alias"]), r["actor"])
        self.lang = lang
        # the evaluative-word model scores only words no lexicon lists, and only
        # with the built-in lexicons (a user's own lexicon is taken as complete)
        self.model = _evaluative_model.load(lang) if model and isinstance(lexicon, str) and \
            lexicon == "default" else None
        # words declared neutral for the model (neutral_descriptors.tsv): never scored by it
        self.neutral = _lemma_set(lang, "neutral_descriptors") if self.model is not None else frozenset()
        self.doc_lemmas = set()  # lemmas of the document being read (literal_when)
        self._morph_cache = {}

    def polarity(self, lemma):
        if lower_key(lemma) in self.roles:
            return None  # role words carry no polarity (docs/epithets.md)
        p = wildcard_polarity(lemma, self.exact, self.patterns)
        return p if p else self.morphology(lemma) or p

    def morphology(self, lemma):
        """The polarity an expressive prefix or suffix gives a word the lexicons
        do not list: "горе-блогер", "лжеучёный", "псевдопатриот", "писателишка"
        (docs/epithets.md, "Evaluative")."""
        return self._morphology(lemma)[0]

    def affixed(self, lemma):
        """Whether ``morphology`` scores ``lemma`` by a prefix or suffix (not by a
        labelled part of a compound)."""
        return self._morphology(lemma)[1] == "affix"

    def _morphology(self, lemma):
        k = lower_key(lemma)
        hit = self._morph_cache.get(k)
        if hit is None:
            hit = self._morph_cache[k] = self._morphology_of(k)
        return hit

    def _morphology_of(self, k):
        for pre in _PEJ_HYPHEN.get(self.lang, ()):
            if k.startswith(pre) and len(k) - len(pre) >= 3:
                return -0.7, "affix"
        for pre in _PEJ_SOLID.get(self.lang, ()):
            rest = k[len(pre):]
            if k.startswith(pre) and len(rest) >= 4 and rest not in _PEJ_SOLID_NOT:
                return -0.7, "affix"
        parts = [x for x in k.split("-") if x]
        if len(parts) == 2 and parts[0] not in ("экс", "екс", "ex", "вице", "віце", "vice") and parts[0] not in _PLACES \
                and parts[0] not in _LANDFORMS:
            # a compound whose parts the lemmatiser left uninflected ("бедолаг-побратимов")
            for part in parts:
                for cand in (part, part + "а", part + "я"):
                    v = self.nom_exact.get(cand, (0,))[0]
                    if v and v == v and cand not in self.roles and cand not in self.context:
                        return v, "part"
        for suf in _PEJ_SUFFIX.get(self.lang, ()):
            if k.endswith(suf) and len(k) - len(suf) >= 4 and k not in _PEJ_SUFFIX_NOT:
                return -0.5, "affix"
        return None, None

    def model_polarity(self, lemma, cls, margin=0.0):
        """The evaluative-word model's polarity (±0.5) of a word of class
        ``cls`` ("ADJ" or "NOUN") that no lexicon or rule lists, or ``None``.
        Role words, titles, organisation types, legal designations, words with
        a literal sense, relational adjectives, institutions, animals, places,
        forms of address, intensifiers, pronominal words and the words of
        ``neutral_descriptors.tsv`` keep the lexicons' word and are never
        scored."""
        if self.model is None:
            return None
        k = lower_key(lemma)
        if len(k) < 4 or not k.replace("-", "").isalpha() or k in self.exact or k in self.nom_exact or \
                k in self.roles or self.is_title(k) or _org_type(k, self) or k in self.legal or \
                k in self.nonjudging or k in self.relational or k in self.literal or k in self.context or \
                k in _INSTITUTIONS or k in _ANIMALS or k in _SMALL_ANIMALS or k in _PLACES or k in _ADDRESS or \
                k in _INTENSIFIERS or k in _PRONOMINAL or k in self.judging_verbs or k in self.orgs or \
                k in self.neutral:
            return None
        if wildcard_polarity(k, self.exact, self.patterns) is not None or self.nomination(k) is not None:
            return None
        return _evaluative_model.polarity(self.model, k, cls, margin)

    def literal_here(self, lemma):
        """Whether the current document holds a ``literal_when`` context word of
        ``lemma`` (a "тайный агент", a "звезда" in the sky)."""
        cond = self.literal.get(lower_key(lemma))
        return bool(cond and (cond - {"@object", "@animal"}) & self.doc_lemmas)

    def nomination(self, lemma):
        """(polarity, group) of a nomination lemma, or None; role words have
        polarity NaN."""
        k = lower_key(lemma)
        if k in self.roles:
            return (float("nan"), k)
        if k in self.nom_exact:
            return self.nom_exact[k]
        m = self.morphology(k)
        if m is not None:
            return (m, k)
        for pat, v in self.nom_patterns:
            if (pat.startswith("*") and k.endswith(pat[1:]) and len(k) > len(pat) + 1) or \
                    (pat.endswith("*") and k.startswith(pat[:-1]) and len(k) >= len(pat) - 1):
                return (v[0], k)
        if "-" in k:
            parts = [p for p in k.split("-") if p]
            if parts and (parts[0] in _PLACES or parts[0] in _LANDFORMS):
                return None  # "город-герой" is an honorary title of a place, not an actor
            if len(parts) == 2 and parts[1] in self.nom_exact and parts[0] not in ("экс", "екс", "ex") \
                    and parts[1] not in self.context:
                return (self.nom_exact[parts[1]][0], k)
        return None

    def is_title(self, lemma):
        k = lower_key(lemma)
        if k in self.titles:
            return True
        if "-" in k:
            head, _, tail = k.partition("-")
            return head in ("экс", "екс", "вице", "віце", "ex", "vice") and tail in self.titles
        return False


def _org_type(lemma, lex):
    """An organisation type noun ("газета"), or a compound headed by one ("компания-разработчик")."""
    k = lower_key(lemma)
    return k in lex.orgs or ("-" in k and k.split("-")[0] in lex.orgs)


def _person_like(s, m, span):
    """A person's mention, also when the tagger typed it otherwise: an animate
    proper name ("губернатор Федорищев" tagged LOC)."""
    if m["type"] == "PER":
        return True
    h = span[-1]
    return m["type"] != "ORG" and s.upos[h] == "PROPN" and s.feats(h).get("Animacy") == "Anim" and \
        len(span) <= 3 and not s.text[h].isupper()


def _lemma_set(lang, name):
    t = builtin_table(lang, name)
    return frozenset(lower_key(x) for x in t["lemma"]) if "lemma" in t.columns else frozenset()


def _is_noun(s, i):
    return s.upos[i] == "NOUN" or (s.upos[i] == "PROPN" and s.lemma[i][:1].islower())


def _is_adj(s, i):
    if s.upos[i] == "ADJ":
        return True
    f = s.feats(i)
    return s.upos[i] in ("VERB", "AUX") and f.get("VerbForm") == "Part" and "Case" in f


def epithets(ann, *, actors=None, lexicon="default", model=True) -> pd.DataFrame:
    """Descriptors attached to actors, and evaluative nominations.

    Parameters
    ----------
    ann : Annotated
    actors : Actors, optional
        The result of :func:`framing.actors` (computed with default options
        when not given).
    lexicon : str, path or DataFrame
        Polarity lexicon with columns ``lemma`` and ``polarity``:
        ``"default"`` (the built-in ``evaluative``, ``nominations`` and
        ``titles`` lists of each document's language), a built-in name, a path,
        or a DataFrame such as :func:`framing.lexicons.readers.read_rusentilex`
        returns. Role words, legal designations and verbs that judge their
        agent (``judging_verbs``) come from the built-in lists of each
        language whatever the lexicon (docs/epithets.md).
    model : bool, default True
        Score words no lexicon lists with the evaluative-word model of the
        language where one ships (Russian: logistic regressions over navec
        vectors, ``framing/models/ru/``): it flags descriptor rows and creates
        nomination rows for animate nouns it scores evaluative. Used only with
        ``lexicon="default"``; Ukrainian and English have no model.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`EPITHET_COLUMNS`, one row per descriptor, in document
        order.

    References
    ----------
    Reisigl, M., & Wodak, R. (2001). *Discourse and Discrimination*. Routledge.

    Hamilton, W. L., Clark, K., Leskovec, J., & Jurafsky, D. (2016). Inducing
    domain-specific sentiment lexicons from unlabeled corpora. *EMNLP*, 595–605
    (the evaluative-word model).

    Examples
    --------
    >>> import framing
    >>> ann = framing.Annotated.from_conllu(
    ...     "1\\tнелегитимный\\tнелегитимный\\tADJ\\t_\\tCase=Nom|Gender=Masc|Number=Sing\\t2\\tamod\\t_\\t_\\n"
    ...     "2\\tПутин\\tПутин\\tPROPN\\t_\\tCase=Nom|Gender=Masc|Number=Sing\\t0\\troot\\t_\\tNER=B-PER")
    >>> framing.epithets(ann)[["actor", "epithet", "evaluative"]].values.tolist()
    [['Путин', 'нелегитимный', True]]
    """
    check("epithets", _SPEC, actors=actors, lexicon=lexicon, model=model)
    guard = Guard("epithets")
    ann = gate(ann, guard)
    if actors is None:
        from .actors import actors as _actors
        actors = _actors(ann)
    langs = doc_langs(ann)
    outlets = doc_outlets(ann)
    syntax = {lg: ann.has("syntax", lg) for lg in set(langs.values())}
    sents = sentences_of(ann.tokens, langs, syntax)
    if not sents:
        return guard.finish(_empty())
    lexes = {}
    mentions = actors.mentions
    by_sent = defaultdict(list)
    for m in mentions.to_dict("records"):
        by_sent[(m["doc_id"], int(m["sent_id"]))].append(m)
    rows = []
    doc_state = {}
    doc_lemmas = defaultdict(set)   # for the literal_when context of labels
    for (d, _i), snt in sents.items():
        doc_lemmas[d].update(snt.lemma)
    order = {d: i for i, d in enumerate(ann.docs["doc_id"])}
    for key in sorted(sents, key=lambda k: (order.get(k[0], 0), k[1])):
        s = sents[key]
        lang = s.lang
        if lang not in lexes:
            lexes[lang] = _Lex(lexicon, lang, model=model)
        st = doc_state.get(s.doc_id)
        if st is None:
            st = doc_state[s.doc_id] = {"titles": defaultdict(set), "persons": [], "context": defaultdict(set),
                                        "lemmas": doc_lemmas.get(s.doc_id, set())}
        if "keys" not in st:
            st["keys"] = frozenset(lower_key(x) for x in st["lemmas"])
        lexes[lang].doc_lemmas = st["keys"]
        rows.extend(_sentence(s, by_sent.get(key, []), lexes[lang], st))
    if not rows:
        return guard.finish(_empty())
    df = pd.DataFrame(rows)
    df["outlet"] = df["doc_id"].map(outlets).fillna("unknown")
    df["evaluative"] = [bool(lg) or (p == p and abs(p) >= EVALUATIVE_THRESHOLD)
                        for lg, p in zip(df["legal"], df["polarity"])]
    df["_o"] = df["doc_id"].map(order)
    df = df.sort_values(["_o", "sent_id", "start", "end", "actor"], kind="stable")
    df = df.drop_duplicates(["doc_id", "actor", "start", "end", "kind"])
    df = df[EPITHET_COLUMNS].reset_index(drop=True)
    df["polarity"] = df["polarity"].astype("float64")
    df["evaluative"] = df["evaluative"].astype(bool)
    df["legal"] = df["legal"].astype(bool)
    for c in ("sent_id", "start", "end", "actor_start", "actor_end"):
        df[c] = df[c].astype("int64")
    for c in ("doc_id", "outlet", "actor", "mention", "epithet", "epithet_lemma", "kind"):
        df[c] = df[c].astype(object)
    return guard.finish(df)


# --- one sentence ---------------------------------------------------------------

def _span_text(s, toks):
    toks = sorted(toks)
    out = []
    for a, k in enumerate(toks):
        if a and s.start[k] > s.end[toks[a - 1]]:
            out.append(" ")
        out.append(s.text[k])
    return "".join(out)


def _trim(s, toks):
    toks = sorted(set(toks))
    while toks and (s.is_punct(toks[0]) and s.text[toks[0]] not in _OPEN_Q or s.upos[toks[0]] in ("CCONJ",) or
                    (s.upos[toks[0]] == "ADP" and len(toks) > 1 and s.lemma[toks[1]] not in _REL_WORDS)):
        toks = toks[1:]
    while toks and (s.is_punct(toks[-1]) and s.text[toks[-1]] not in _CLOSE_Q or s.upos[toks[-1]] == "CCONJ"):
        toks = toks[:-1]
    # keep quotes only when both are in
    if toks and s.text[toks[0]] in _OPEN_Q and not any(s.text[t] in _CLOSE_Q for t in toks[1:]):
        toks = toks[1:]
    if toks and s.text[toks[-1]] in _CLOSE_Q and not any(s.text[t] in _OPEN_Q for t in toks[:-1]):
        toks = toks[:-1]
    return toks


def _contiguous(toks):
    """The contiguous run of ``toks`` (sorted) around its first element."""
    toks = sorted(toks)
    run = toks[:1]
    for t in toks[1:]:
        if t == run[-1] + 1:
            run.append(t)
        else:
            break
    return run


def _polarity(s, toks, lex, skip=(), clause=False):
    """The strongest lexicon score among the descriptor's words; verbs and
    participles are left out (what an actor did or underwent is not a
    judgement of the actor: "убитых", "укравший"), and so are role words.
    Verbs whose meaning judges their agent (``judging_verbs.tsv``) count in
    their participles, and in any form inside a relative clause (``clause``)."""
    best = None
    for t in toks:
        jv = lex.judging_verbs.get(lower_key(s.lemma[t])) if t not in skip else None
        if jv is not None and s.upos[t] in ("VERB", "AUX", "ADJ") and \
                (clause or s.feats(t).get("VerbForm", "Part") == "Part"):
            if best is None or abs(jv) > abs(best):
                best = jv
            continue
        if t not in skip and lower_key(s.lemma[t]) in _SO_CALLED and t > 0 and lower_key(s.text[t - 1]) == "так":
            best = -1.0  # "так называемая оппозиция": distancing
            continue
        if t in skip or s.is_punct(t):
            continue
        if clause and s.upos[t] == "ADV":
            p = _adverb_polarity(s, t, lex)  # "те, кто плохо представляет себе реальность"
            if p is not None and (best is None or abs(p) > abs(best)):
                best = p
            continue
        quality_participle = s.feats(t).get("VerbForm", "Part") == "Part" and \
            lower_key(s.lemma[t]) in lex.quality_verbs  # "зарвавшийся": a verb of character
        if not quality_participle and (s.upos[t] in ("ADP", "CCONJ", "SCONJ", "PRON", "DET", "PART", "PUNCT",
                                                      "NUM", "AUX", "VERB", "ADV") or
                                       s.feats(t).get("VerbForm") in ("Part", "Conv", "Inf", "Fin")):
            continue
        if lower_key(s.lemma[t]) in lex.nonjudging:
            continue
        if lower_key(s.lemma[t]) in _ADDRESS and t <= 2 and \
                any(s.text[x] in ("!", ",") for x in range(t + 1, min(t + 4, len(s)))):
            continue  # "Уважаемые коллеги!": a form of address
        if lex.literal_here(s.lemma[t]):
            continue  # "тайный агент", "звезда" in the sky: used literally here
        if _penal(s, t) or _award(s, t):
            continue  # "колонии строгого режима", "лучший игрок чемпионата"
        if "-" in s.lemma[t] and _is_adj(s, t) and lower_key(s.lemma[t]) not in lex.exact:
            continue  # "социал-демократический": not scored by its most extreme part
        p = lex.polarity(s.lemma[t])
        if p is None:
            base = _feminine_base(lower_key(s.lemma[t]), lex)
            p = lex.nom_exact[base][0] if base and _animate(s, t) else None  # "психопаткой" is "психопат"
        if p is None and lex.model is not None:
            p = _model_word(s, t, lex, clause)  # a word no lexicon lists ("гнусный", "проходимец")
        if p is None:
            continue
        if best is None or abs(p) > abs(best):
            best = p
    return float("nan") if best is None else float(best)


# dependency relations of a noun that is not itself a participant (part of a
# name, a compound, a modifier)
_NOT_REFERRING = {"flat", "flat:name", "flat:foreign", "compound", "fixed", "goeswith", "amod", "nummod", "det",
                  "case", "discourse", "orphan", "dep"}


def _model_noun_reading(s, t, lex):
    """The lemma of a Russian person noun that the tagger read as an adjective
    or a foreign word ("балбесы" tagged ADJ), when the dictionary knows the
    form only as an animate noun and the evaluative-word model scores it with
    the margin of a created row; else ``None``."""
    if s.lang != "ru" or s.upos[t] not in ("ADJ", "X") or s.feats(t).get("VerbForm") or \
            (t > 0 and s.text[t][:1].isupper()):
        return None
    form = lower_key(s.text[t])
    parses = [p for p in _morph().parse(form) if p.is_known]
    if not parses or any(p.tag.POS in ("ADJF", "ADJS", "PRTF", "PRTS", "VERB", "INFN") for p in parses):
        return None
    nouns = {lower_key(p.normal_form) for p in parses if "NOUN" in p.tag and "anim" in p.tag}
    if len(nouns) != 1:
        return None
    lem = next(iter(nouns))
    return lem if lex.model_polarity(lem, "NOUN", NOMINATION_MARGIN) is not None else None


def _refers(s, t):
    """Whether noun ``t`` stands for a participant by the parse: a subject,
    object, oblique, apposition, vocative or conjunct, not part of a name or a
    compound."""
    return not s.has_syntax or s.deprel[t] not in _NOT_REFERRING


# adverbs of degree or frequency whose adjective is not a judgement of manner
_NOT_MANNER = {"сильно", "жестко", "крайне", "страшно", "ужасно", "дико", "безумно", "адски", "чудовищно",
               "невероятно", "хорошо", "отлично", "сильне", "дуже", "жахливо"}


# verbs of health and perception: "плохо" with them is no judgement
_BODY_VERBS = {"чувствовать", "почувствовать", "видеть", "слышать", "спать", "питаться", "себя", "почуватися",
               "бачити", "чути", "спати"}


def _adverb_polarity(s, t, lex):
    """The polarity of a manner adverb inside a relative clause, read from the
    quality adjective it derives from ("плохо" ← "плохой", "нагло" ←
    "наглый", "безответственно" ← "безответственный"): how the actor acts
    judges the actor (guidelines: evaluative content of a relative clause).
    The lexicons decide; the word model scores adjectives they do not list.
    Degree adverbs ("крайне", "страшно") and "хорошо" (also "well", as in
    "хорошо знает") are left out."""
    k = lower_key(s.lemma[t])
    if k in _NOT_MANNER or len(k) < 4 or not k.endswith(("о", "е")):
        return None
    if s.has_syntax and 0 <= s.head[t] < len(s) and lower_key(s.lemma[s.head[t]]) in _BODY_VERBS:
        return None  # "кто плохо себя чувствует", "плохо видит": health, not character
    for end in ("ый", "ий", "ой"):
        adj = k[:-1] + end
        p = lex.polarity(adj)
        if p is not None and p == p and abs(p) >= EVALUATIVE_THRESHOLD:
            return p
    if lex.model is not None and s.lang == "ru":
        for p in _morph().parse(lower_key(s.text[t])):
            if p.tag.POS == "ADVB" and p.is_known:
                adj = next((x.normal_form for x in _morph().parse(k[:-1] + "ый") + _morph().parse(k[:-1] + "ий")
                            if x.tag.POS == "ADJF" and x.is_known), None)
                return lex.model_polarity(adj, "ADJ") if adj else None
    return None


def _model_word(s, t, lex, clause=False):
    """The evaluative-word model's polarity of token ``t``: an adjective (not a
    participle), or an animate common noun; not a name (capitalised inside the
    sentence). Inside a relative clause or predicate (``clause``) an adjective
    counts only when it is not attached to a thing ("в дешёвых магазинах")."""
    if t > 0 and s.text[t][:1].isupper():
        return None
    if s.feats(t).get("VerbForm"):
        return None
    if _is_adj(s, t) and s.upos[t] == "ADJ":
        if clause and s.has_syntax and s.deprel[t] == "amod" and 0 <= s.head[t] < len(s) and \
                s.feats(s.head[t]).get("Animacy") == "Inan":
            return None
        return lex.model_polarity(s.lemma[t], "ADJ")
    if s.upos[t] == "NOUN" and s.feats(t).get("Animacy") == "Anim" and _person_form(s, t):
        return lex.model_polarity(s.lemma[t], "NOUN")
    return None


def _person_form(s, t):
    """Whether the dictionary (pymorphy3) knows the word form of ``t`` as an
    animate noun: the tagger's animacy alone lets things through
    ("пельменями", "зелёнку"). Languages other than Russian: the tagger's word."""
    if s.lang != "ru":
        return True
    return any(r[1] for r in _readings(lower_key(s.text[t])))


# feminine person nouns derived from masculine ones ("психопат|ка", "алкоголи|чка" ← "алкоголик")
_FEMININE = {"ru": (("чка", "к"), ("ка", "ец"), ("ка", ""), ("ница", "ник"), ("щица", "щик"), ("чица", "чик"),
                    ("иня", "")),
             "uk": (("чка", "к"), ("ка", "ець"), ("ка", ""), ("ниця", "ник"), ("иня", ""))}


def _animate(s, t):
    """A person noun: animate by the tagger, or (Russian taggers often read a
    rare feminine noun as an adjective or a thing) by the dictionary."""
    if s.feats(t).get("Animacy") == "Anim" and _is_noun(s, t):
        return True
    return s.lang == "ru" and any(r[1] for r in _readings(lower_key(s.text[t])))


def _feminine_base(lem, lex):
    """The masculine label a feminine person noun derives from, when the
    lexicons list only the masculine ("маньячка" → "маньяк"); None otherwise.
    Only for animate tokens: "шутка" is no "шут"."""
    for fem, masc in _FEMININE.get(lex.lang, ()):
        if lem.endswith(fem) and len(lem) - len(fem) >= 3:
            base = lem[: len(lem) - len(fem)] + masc
            v = lex.nom_exact.get(base)
            if v is not None and v[0] == v[0] and base not in lex.roles and not lex.literal_here(base):
                return base
    return None


def _legal(s, toks, lex):
    """Whether the descriptor holds a legal designation (legal_designations.tsv)."""
    lem = [lower_key(s.lemma[t]) for t in toks]
    if any(x in lex.legal for x in lem):
        return True
    # a two-word designation split into an adjective row and a noun row
    # ("иностранных" + "агентов") keeps its flag on both
    lo, hi = min(toks), max(toks)
    if lo > 0:
        lem = [lower_key(s.lemma[lo - 1])] + lem
    if hi + 1 < len(s):
        lem = lem + [lower_key(s.lemma[hi + 1])]
    return any((a, b) in lex.legal_pairs for a, b in zip(lem, lem[1:]))


def _row(s, m, toks, kind, lex, lemma=None, skip=(), actor=None, mention=None, aspan=None):
    toks = _trim(s, toks)
    if not toks:
        return None
    if toks[0] > 0 and lower_key(s.lemma[toks[0]]) in _SO_CALLED and lower_key(s.text[toks[0] - 1]) == "так":
        toks = [toks[0] - 1] + toks  # "так называемая" is one descriptor
        lemma = None if lemma is None else "так " + lemma
    if lemma is None:
        lemma = " ".join(s.lemma[t] for t in toks if not s.is_punct(t))
    if aspan is None:
        aspan = m.get("_span") or toks
    legal = _legal(s, toks, lex)
    if kind in ("title", "genitive", "predicate", "description"):
        skip = set(skip) | _name_words(s, toks)  # "Героя России", "секретаря Союзного государства"
    pol = _polarity(s, toks, lex, skip, clause=kind == "relative_clause")
    if legal:
        pol = -1.0
    elif kind in ("adjective", "title") and _scare_quoted(s, toks):
        pol = -0.5  # «героические» защитники: a descriptor in scare quotes is distanced, ironic
    elif kind == "relative_clause" and not (pol == pol and pol != 0):
        pol = _nickname(s, toks, lex, pol)  # "которую стали называть «бранденбургской Мадонной»"
    return {"doc_id": s.doc_id, "sent_id": s.sent_id, "actor": actor or m["actor"],
            "mention": mention if mention is not None else m["text"], "epithet": _span_text(s, toks),
            "epithet_lemma": lemma, "kind": kind, "polarity": pol,
            "start": s.start[toks[0]], "end": s.end[toks[-1]], "legal": legal,
            "actor_start": s.start[min(aspan)], "actor_end": s.end[max(aspan)], "_toks": toks}


# verbs that give a nickname ("её прозвали «железной леди»")
_NICKNAMING = {"назвать", "называть", "прозвать", "прозывать", "окрестить", "величать", "дразнить", "обозвать",
               "обзывать", "прозвати", "називати", "назвати", "охрестити"}


def _nickname(s, toks, lex, pol):
    """The polarity of a quoted nickname given by a naming verb inside the
    descriptor ("стали называть «регулировщицей Победы»", "назвал судью
    «говнолапочкиным»"): a nickname judges whom it names (guidelines: quoted
    labels); its sign is the evaluative-word model's sign of its strongest
    word, negative when no word is scored. ``pol`` when there is none."""
    toks = sorted(toks)
    verbs = [t for t in toks if lower_key(s.lemma[t]) in _NICKNAMING]
    if not verbs:
        return pol
    # the quoted words right after the verb (also when the tagger took the
    # nickname for a name and left it out of the descriptor: «Мадонной»)
    # (the object may come between: "назвал судью Лапочкина «…»")
    q = next((t for t in range(verbs[0] + 1, min(len(s), verbs[0] + 5)) if s.text[t] in _OPEN_Q), None)
    if q is None or any(s.feats(t).get("Case") == "Ins" for t in range(verbs[0] + 1, q)):
        return pol  # "называют организатором «голой вечеринки»": the quote belongs to the noun
    if q + 1 < len(s) and s.text[q + 1][:1].isupper():
        return pol  # "назывался «Мутабор»": a name, not a nickname
    after = []
    for t in range(q + 1, len(s)):
        if s.text[t] in _CLOSE_Q:
            break
        after.append(t)
    else:
        return pol
    words = [t for t in after if not s.is_punct(t) and s.upos[t] in ("NOUN", "ADJ", "PROPN", "X")]
    if not words or len(words) > 5:
        return pol
    best = None
    if lex.model is not None:
        for t in words:
            sc = _evaluative_model.score(lex.model, s.lemma[t], "ADJ" if _is_adj(s, t) else "NOUN")
            if sc is not None and (best is None or sc[0] > best[0]):
                best = sc
    return 0.5 * best[1] if best is not None else -0.5


def _scare_quoted(s, toks):
    """A short lower-case descriptor wrapped in quotes of its own («смельчаки»,
    «героические»): the writer distances themselves from it (guidelines:
    scare-quoted labels are evaluative)."""
    lo, hi = min(toks), max(toks)
    if s.text[lo] in _OPEN_Q and s.text[hi] in _CLOSE_Q:
        lo, hi = lo + 1, hi - 1
    elif not (lo > 0 and hi + 1 < len(s) and s.text[lo - 1] in _OPEN_Q and s.text[hi + 1] in _CLOSE_Q):
        return False
    words = [t for t in range(lo, hi + 1) if not s.is_punct(t)]
    return 0 < len(words) <= 3 and s.text[words[0]][:1].islower()


def _span_positions(s, m):
    try:
        a = s.tok_ids.index(int(m["start_tok"]))
        b = s.tok_ids.index(int(m["end_tok"]))
    except ValueError:
        return None
    return list(range(a, b + 1))


def _head_of(s, span):
    if s.has_syntax:
        inside = set(span)
        for i in span:
            if s.head[i] not in inside:
                return i
    return span[-1]


def _sentence(s, ms, lex, st):
    rows = []
    used = set()        # token positions consumed by a descriptor of a named mention
    ent_tok = {}        # token position -> mention
    named = []
    for m in ms:
        span = _span_positions(s, m)
        if span is None:
            continue
        m = dict(m, _span=span)
        if not s.text[span[0]].isupper() and s.upos[span[0]] != "PROPN" and \
                (lower_key(s.lemma[span[0]]) in lex.roles or lex.is_title(s.lemma[span[0]]) or
                 (len(span) == 1 and lower_key(s.lemma[span[0]]) in lex.nom_exact)) and \
                all(s.upos[x] != "PROPN" for x in span):
            # a capitalised role word, title or label the tagger took for a name
            # ("Омоновцы ворвались", "Министр обороны России Андрей Белоусов", "Голубки слились")
            continue
        form0 = lower_key(s.text[span[0]])
        if len(span) == 1 and not s.text[span[0]].isupper() and _opens(s, span[0]) and \
                (form0 in lex.nom_exact or lower_key(s.lemma[span[0]]) in lex.nom_exact or
                 ("-" in form0 and lex.nomination(form0) is not None)):
            continue  # a label opening a sentence, tagged as a name ("Неадекват избил", "Горе-водитель снёс")
        lead = _leading_title(s, span, lex) if len(span) >= 2 else None
        if lead:
            # the tagger swallowed a title into the name ("Иноагенту Данилу Поперечному")
            span = span[1:]
            m = dict(m, _span=span, _lead=(span[0] - 1, lead))
        for t in span:
            ent_tok[t] = m
        if m["link"] not in ("pronoun", "description"):
            named.append(m)
        elif m["link"] == "description":
            r = _row(s, m, span, "description", lex, actor=m["actor"])
            if r:
                rows.append(r)
                used.update(span)
    for m in named:
        rows.extend(_named(s, m, lex, ent_tok, used, st))
    for r in rows:
        used.update(r.get("_toks", []))
    rows.extend(_descriptions(s, lex, ent_tok, used, st))
    rows.extend(_nominations(s, lex, ent_tok, used, st))
    for r in rows:
        used.update(r.get("_toks", []))
    rows.extend(_unnamed(s, lex, ent_tok, used, rows))
    rows = _precision_filter(s, rows, lex, st)
    for r in rows:
        used.update(r.pop("_toks", []))
        r.pop("_head", None)
    for m in named:
        if m["type"] == "PER":
            st["persons"].append((s.sent_id, m["_span"][0], m["actor"], _gender(s, m["_span"])))
    return rows


def _leading_title(s, span, lex):
    """The lemma of a title, label or legal designation that opens a name's
    span (matched on the word form: the tagger gave it a name's lemma)."""
    t0 = span[0]
    if s.upos[span[1]] != "PROPN":
        return None
    form = lower_key(s.text[t0])
    cands = [x for x in (lex.legal | lex.titles | set(lex.nom_exact)) if " " not in x and len(x) >= 4]
    best = None
    for c in cands:
        if form.startswith(c) and len(form) - len(c) <= 2 and (best is None or len(c) > len(best)):
            best = c
    return best


def _gender(s, span):
    for i in reversed(span):
        g = s.feats(i).get("Gender")
        if g:
            return g
    return None


def _title_lemma(s, t, lex):
    """The title's lemma, with a preceding adjective when the pair is a title
    (``официальный представитель``, ``генеральный секретарь``)."""
    if t > 0 and _is_adj(s, t - 1) and lex.is_title(f"{s.lemma[t - 1]} {s.lemma[t]}"):
        return f"{s.lemma[t - 1]} {s.lemma[t]}"
    return s.lemma[t]


def _named(s, m, lex, ent_tok, used, st):
    span = m["_span"]
    h = _head_of(s, span)
    inside = set(span)
    out = []
    seen_heads = set()
    hf = s.feats(h)

    def add(r, head):
        if r and head not in seen_heads:
            seen_heads.add(head)
            out.append(r)

    title_nodes = []   # (title token, kind, phrase tokens)
    if m.get("_lead"):
        t0, lem0 = m["_lead"]
        r0 = _row(s, m, [t0], "title", lex, lemma=lem0)
        if r0:
            p0 = lex.polarity(lem0)
            r0["legal"] = lem0 in lex.legal
            r0["polarity"] = -1.0 if r0["legal"] else (float(p0) if p0 is not None else float("nan"))
        add(r0, t0)
    # --- syntax ----------------------------------------------------------
    if s.has_syntax:
        p = s.head[h]
        if s.deprel[h] in ("appos", "flat", "flat:name") and p >= 0 and p not in inside \
                and p not in ent_tok and _is_noun(s, p) and p < span[0]:
            title_nodes.append(p)
            # a chain of appositions: "Российский чиновник, глава округа X"
            q = s.head[p]
            if s.deprel[p] == "appos" and q >= 0 and q < p and q not in ent_tok and _is_noun(s, q):
                title_nodes.append(q)
        for c in s.children(h):
            if s.deprel[c] == "appos" and c not in inside and c not in ent_tok and _is_noun(s, c):
                title_nodes.append(c)
    # --- patterns: the title right before the name --------------------------------
    person = _person_like(s, m, span)
    pt = _left_title(s, span, h, lex, ent_tok, person=person)
    if s.lang == "en":
        pt = _left_title_en(s, span, lex, ent_tok)
    if not person and m["type"] == "MISC" and pt is not None and lex.is_title(s.lemma[pt]) and \
            s.upos[span[-1]] == "PROPN":
        person = True  # an untyped name with a person's title before it ("the former minister Dmytro Kuleba")
    if pt is not None and pt not in title_nodes:
        title_nodes.append(pt)
    pt = _right_apposition(s, span, h, lex, ent_tok) if person or m["type"] == "MISC" else None
    if pt is not None and pt not in title_nodes:
        title_nodes.append(pt)
    # animals are not actors ("кота Лучика")
    if any(lower_key(s.lemma[t]) in _ANIMALS for t in title_nodes + [h]):
        return []
    if not person:
        # offices are persons': other actors take only labels ("страна-агрессор Россия")
        # and organisations their type ("газета Bild", "компания Meta")
        title_nodes = [t for t in title_nodes if (lex.nomination(s.lemma[t]) is not None and
                                                  (lower_key(s.lemma[t]) not in lex.roles or m["type"] != "LOC")) or
                       ("-" in s.lemma[t] and lex.polarity(s.lemma[t]) is not None) or
                       (_org_type(s.lemma[t], lex) and m["type"] in ("ORG", "MISC"))]
    for t in title_nodes:
        if t in used:
            continue
        phrase = _title_phrase(s, t, span, ent_tok)
        if not phrase:
            continue
        tl = _title_lemma(s, t, lex)
        while phrase and phrase[0] != t and (s.upos[phrase[0]] in ("ADP", "CCONJ") or s.is_punct(phrase[0])):
            phrase.pop(0)
        # adjectives at the left edge become rows of their own ("Российский" +
        # "президент"), except in a fixed compound title ("Официальный представитель")
        while phrase and _is_adj(s, phrase[0]) and phrase[0] != t and phrase[0] < t and \
                not (" " in tl and phrase[0] == t - 1):
            a = phrase.pop(0)
            if not _pronominal(s, a):
                add(_row(s, m, _adj_tokens(s, a, inside), "adjective", lex, lemma=s.lemma[a],
                    skip=set(_adj_tokens(s, a, inside)) - {a}), a)
        while phrase and _pronominal(s, phrase[0]) and phrase[0] != t:
            phrase.pop(0)
        kind = "title"
        if "-" in s.lemma[t] and not lex.is_title(s.lemma[t]):
            kind = "compound"
        is_known = lex.is_title(tl) or lex.is_title(s.lemma[t]) or lex.nomination(s.lemma[t]) is not None \
            or _org_type(s.lemma[t], lex) \
            or (lex.polarity(s.lemma[t]) is not None)
        if not is_known and not s.has_syntax:
            continue
        if not is_known and s.feats(t).get("Animacy") == "Inan" and kind != "compound":
            continue
        add(_row(s, m, phrase, kind, lex, lemma=tl), t)
        st["titles"][lower_key(s.lemma[t])].add(m["actor"])
        for x in phrase:
            if x in ent_tok and ent_tok[x]["actor"] != m["actor"]:
                st["context"][m["actor"]].add(ent_tok[x]["actor"])
            rel = lex.relational.get(lower_key(s.lemma[x]))
            if rel:
                st["context"][m["actor"]].add(rel)
        # evaluative genitive complements of the title
        for g in phrase:
            if g != t and _is_noun(s, g) and s.feats(g).get("Case") == "Gen" and g not in ent_tok:
                pol = lex.polarity(s.lemma[g])
                if pol is not None and abs(pol) >= EVALUATIVE_THRESHOLD:
                    gtoks = _np_left(s, g, ent_tok) + [g]
                    add(_row(s, m, gtoks, "genitive", lex, lemma=s.lemma[g]), ("gen", g))
    # --- adjectives and participles on the name ----------------------------------
    adjs = []
    if s.has_syntax:
        for c in s.children(h):
            if c not in inside and s.deprel[c] in ("amod", "acl") and _is_adj(s, c) and _modifier(s, c, h):
                adjs.append(c)
    i = span[0] - 1
    while i >= 0 and _is_adj(s, i) and i not in ent_tok and agree(s.feats(i), hf) and not title_nodes:
        if s.has_syntax and s.head[i] not in inside and s.head[i] not in adjs:
            break  # the tree attaches it elsewhere ("стало известно Mash")
        if i not in adjs:
            adjs.append(i)
        i -= 1
    for a in adjs:
        if a in used or _pronominal(s, a) or _name_part(s, a):
            continue
        add(_row(s, m, _adj_tokens(s, a, inside), "adjective", lex, lemma=s.lemma[a],
                    skip=set(_adj_tokens(s, a, inside)) - {a}), a)
    # --- relative clauses -------------------------------------------------------
    rel_done = False
    anchors = [h] + title_nodes
    if s.has_syntax:
        for a in anchors:
            for c in s.children(a):
                if s.deprel[c] == "acl:relcl" and c not in used:
                    toks = _relative_tokens(s, c, a if a != h else h, inside)
                    if toks is None:
                        rel_done = True  # the parser's clause, but about something else
                        continue
                    add(_row(s, m, toks, "relative_clause", lex, lemma=_lemmas(s, toks),
                             skip=_not_about(s, toks, c, lex)), ("rel", c))
                    rel_done = True
    if not rel_done:
        toks = _right_relative(s, span, h, title_nodes, ent_tok)
        if toks:
            add(_row(s, m, toks, "relative_clause", lex, lemma=_lemmas(s, toks)), ("rel", toks[0]))
    # a place is an actor only as a polity that acts: its neutral adjectives
    # ("центральному району Баста", "Брянской") are not epithets
    if m["type"] == "LOC" and not (s.has_syntax and s.deprel[h].startswith("nsubj")):
        out = [r for r in out if r["kind"] != "adjective" or
               (r["polarity"] == r["polarity"] and abs(r["polarity"]) >= EVALUATIVE_THRESHOLD)]
    # --- a legal designation in brackets: "Meta (запрещена в России как экстремистская)"
    j = span[-1] + 1
    if j < len(s) and s.text[j] == "(":
        k = j + 1
        while k < len(s) and s.text[k] != ")" and k - j <= 15:
            k += 1
        inner = list(range(j + 1, k))
        if k < len(s) and s.text[k] == ")" and inner and _legal(s, inner, lex) and not any(x in used for x in inner):
            add(_row(s, m, inner, "predicate", lex, lemma=_lemmas(s, inner)), ("pred", j))
    # --- predicates -------------------------------------------------------------
    pred = _predicate(s, span, h, inside, ent_tok)
    if pred:
        toks, head = pred
        far = {x for x in toks if x != head and s.head[x] != head} if s.has_syntax else set()
        add(_row(s, m, toks, "predicate", lex, lemma=_lemmas(s, toks), skip=far), ("pred", head))
    return out


_PRONOMINAL = {"сам", "весь", "этот", "тот", "такой", "свой", "наш", "ваш", "мой", "твой", "их", "его", "ее",
               "каждый", "любой", "другой", "иной", "некоторый", "один", "какой", "который", "чей", "никакой",
               "некий", "сей", "данный", "оба", "многий", "самый", "всякий", "остальной", "целый", "сам по себе",
               "цей", "той", "такий", "свій", "мій", "твій", "їхній", "їх", "кожний", "кожен", "будь-який",
               "інший", "деякий", "який", "котрий", "чий", "весь", "увесь", "самий", "own", "other", "such",
               "same", "many", "several", "all", "every", "each", "any", "some", "which", "whose"}


def _pronominal(s, a):
    """Pronominal and quantifying adjectives ("сам", "этот", "другие") are not epithets."""
    return s.lemma[a] in _PRONOMINAL or s.upos[a] in ("DET", "PRON", "NUM") or \
        (s.feats(a).get("NumType") in ("Card",))


def _lemmas(s, toks):
    return " ".join(s.lemma[t] for t in sorted(toks) if not s.is_punct(t))


_REL_WORDS = {"который", "кто", "чей", "який", "котрий", "хто", "чий", "who", "whom", "whose", "which"}
_REL_CASES = {"ru": {"который", "кто", "чей"}, "uk": {"який", "котрий", "хто", "чий"},
              "en": {"who", "whom", "whose", "which", "that"}}


def _relative_tokens(s, c, antecedent, inside=()):
    """The tokens of the relative clause headed by ``c`` about ``antecedent``:
    from the relative word to the end of the clause, or None when the clause
    has no relative pronoun ("где", "когда" clauses are about places and
    times) or its pronoun does not agree with the antecedent in number and
    gender (the parser hung it on the wrong noun)."""
    toks = [t for t in s.subtree(c) if t not in inside and t > antecedent]
    rel = next((t for t in toks if s.lemma[t] in _REL_CASES.get(s.lang, ()) or
                (s.lang == "en" and s.text[t].lower() in _REL_CASES["en"])), None)
    if rel is None:
        return None
    if s.lemma[rel] in ("который", "який", "котрий"):
        af = dict(s.feats(antecedent))
        rf = s.feats(rel)
        if af.get("Number") == "Plur" or rf.get("Number") == "Plur":
            af.pop("Gender", None)
        if not agree(rf, af, ("Number", "Gender")):
            return None
    # start at the preposition before the relative word ("у кого", "с которым")
    first = rel
    if first - 1 in toks and s.upos[first - 1] == "ADP":
        first -= 1
    return [t for t in toks if t >= first]


def _adj_tokens(s, a, inside=()):
    """An adjective, or a participle with its dependents ("поведавший об этом")."""
    toks = [a]
    if s.has_syntax and (s.feats(a).get("VerbForm") == "Part" or s.deprel[a] == "acl"):
        toks = [t for t in s.subtree(a) if t not in inside and s.deprel[t] not in ("conj", "cc")
                or t == a]
        toks = _contiguous(toks) if toks and toks[0] == a else [a] + [t for t in toks if t > a]
        toks = _contiguous(sorted(toks))
    return toks


def _not_about(s, toks, c, lex):
    """Words of a relative clause that describe something else than the actor:
    all but labels (nominations) and the clause's own predicate ("кто считает
    мандат нелегитимным" does not call anyone illegitimate)."""
    # the clause's own predicate: its head, the verbs coordinated with it and
    # their infinitive complements ("кто пытается шантажировать нас")
    keep = {c} | {x for x in s.children(c) if s.deprel[x] == "conj" and s.upos[x] == "VERB"}
    keep |= {x for k in list(keep) for x in s.children(k) if s.deprel[x] == "xcomp" and s.upos[x] == "VERB"}
    if s.lemma[c] in _COPULA_VERBS or s.lemma[c] in ("быть", "бути", "be"):
        keep |= {x for x in s.children(c) if s.deprel[x] in ("xcomp", "obl") and s.feats(x).get("Case") == "Ins"}
    # and the manner adverbs of that predicate ("кто плохо представляет себе реальность")
    keep |= {x for k in list(keep) for x in s.children(k) if s.deprel[x] == "advmod" and s.upos[x] == "ADV"}
    return {t for t in toks if t not in keep and lex.nomination(s.lemma[t]) is None}


def _np_left(s, g, ent_tok):
    """Agreeing adjectives right before a noun; with a parse, only those the
    tree attaches to it (a participle governing the noun, as in "Убившего
    командира", is not its modifier)."""
    out = []
    i = g - 1
    while i >= 0 and _is_adj(s, i) and i not in ent_tok and agree(s.feats(i), s.feats(g)):
        if s.has_syntax and s.head[i] != g and not (out and s.head[i] == out[0]) and \
                not (s.head[i] > i and s.head[i] < g and s.head[s.head[i]] == g):
            break
        out.insert(0, i)
        i -= 1
    return out


def _left_title(s, span, h, lex, ent_tok, person=False, hf=None):
    """A title noun before the name, possibly with genitive complements between
    (``президент страны-агрессора РФ Владимир Путин``)."""
    hf = s.feats(h) if hf is None else hf
    ent_person = person
    i = span[0] - 1
    steps = 0
    while i >= 0 and steps < 8:
        steps += 1
        if s.is_punct(i):
            return None
        f = s.feats(i)
        if _is_noun(s, i) and i not in ent_tok:
            known = lex.is_title(s.lemma[i]) or lex.nomination(s.lemma[i]) is not None or \
                (not ent_person and _org_type(s.lemma[i], lex)) or \
                (lex.polarity(s.lemma[i]) is not None and f.get("Animacy") == "Anim") or \
                ("-" in s.lemma[i] and lex.polarity(s.lemma[i]) is not None)
            if known and (agree(f, hf, ("Case",)) or s.lang == "en"):
                # a person's title is animate: an inanimate label may be the
                # genitive of a title further left ("президента страны-агрессора Путина")
                if ent_person and f.get("Animacy") == "Inan" and s.lang != "en":
                    further = _left_title(s, [i], i, lex, ent_tok, person=True, hf=hf)
                    if further is not None:
                        return further
                    if not lex.is_title(s.lemma[i]):
                        return None
                return i
            if f.get("Case") == "Gen" or s.lang == "en":
                i -= 1
                continue
            return None
        if i in ent_tok or (s.upos[i] == "PROPN") or _is_adj(s, i) or s.upos[i] == "DET":
            i -= 1
            continue
        if s.lang == "en" and s.upos[i] in ("NOUN",):
            i -= 1
            continue
        return None
    return None


def _right_apposition(s, span, h, lex, ent_tok):
    """``Путин, президент России,``: a title noun after a comma, agreeing in case."""
    j = span[-1] + 1
    if j + 1 < len(s) and s.text[j] == ",":
        k = j + 1
        while k < len(s) and _is_adj(s, k) and k not in ent_tok:
            k += 1
        if s.lang == "en":
            while k < len(s) and (s.upos[k] in _EN_NP or k in ent_tok) and not lex.is_title(s.lemma[k]):
                k += 1
        if k < len(s) and _is_noun(s, k) and k not in ent_tok and (lex.is_title(s.lemma[k]) or
                                                                  lex.nomination(s.lemma[k]) is not None) \
                and agree(s.feats(k), s.feats(h), ("Case",)):
            return k
    return None


def _title_phrase(s, t, span, ent_tok):
    """Tokens of a title's phrase: the title, its adjectives and complements,
    without the name itself and without relative clauses."""
    inside = set(span)
    if s.has_syntax:
        toks = set()
        stack = [t]
        while stack:
            j = stack.pop()
            if j in inside or j in toks:
                continue
            toks.add(j)
            for c in s.children(j):
                if c in inside or s.deprel[c] in ("acl:relcl", "punct", "conj", "cc", "parataxis", "appos"):
                    if s.deprel[c] == "appos" and c not in inside and c in ent_tok and j != t:
                        stack.append(c)
                    continue
                stack.append(c)
        # left adjectives of the title the parser may have attached elsewhere
        toks |= set(_np_left(s, t, ent_tok))
        toks = sorted(toks)
        if t < span[0]:
            toks = [x for x in toks if x < span[0]]
        # contiguous run that contains t
        run = [t]
        x = t - 1
        while x in toks:
            run.insert(0, x)
            x -= 1
        x = t + 1
        while x in toks:
            run.append(x)
            x += 1
        return run
    if s.lang == "en":
        return _title_phrase_en(s, t, span, ent_tok)
    # patterns: from the first agreeing adjective before the title to the name
    left = _np_left(s, t, ent_tok)
    if t < span[0]:
        return left + list(range(t, span[0]))
    end = t
    while end + 1 < len(s) and not s.is_punct(end + 1) and end + 1 - t < 8 and (
            s.feats(end + 1).get("Case") == "Gen" or end + 1 in ent_tok or _is_adj(s, end + 1)):
        end += 1
    return left + list(range(t, end + 1))


_EN_NP = ("NOUN", "PROPN", "ADJ", "NUM", "X", "_")


def _left_title_en(s, span, lex, ent_tok):
    """English: the rightmost title word in the run of nouns and adjectives
    before the name (``Russian Foreign Ministry spokeswoman Maria Zakharova``)."""
    i = span[0] - 1
    while i >= 0 and (s.upos[i] in _EN_NP or i in ent_tok or s.text[i] in ("'s", "’s")):
        if lex.is_title(s.lemma[i]) or lex.nomination(s.lemma[i]) is not None:
            return i
        i -= 1
    return None


def _title_phrase_en(s, t, span, ent_tok):
    if t < span[0]:
        i = t
        while i - 1 >= 0 and (s.upos[i - 1] in _EN_NP or (i - 1) in ent_tok or s.text[i - 1] in ("'s", "’s")):
            i -= 1
        return list(range(i, span[0]))
    # postposed: "X, head of the Zarechinsk municipal district,"
    i = t
    while i - 1 > span[-1] and s.upos[i - 1] in ("ADJ", "NOUN", "PROPN") :
        i -= 1
    end = t
    while end + 1 < len(s) and not s.is_punct(end + 1) and (
            s.upos[end + 1] in _EN_NP or s.upos[end + 1] in ("DET", "ADP") or (end + 1) in ent_tok) \
            and s.upos[end + 1] != "VERB":
        end += 1
    while end > t and s.upos[end] in ("DET", "ADP"):
        end -= 1
    return list(range(i, end + 1))


def _right_relative(s, span, h, title_nodes, ent_tok):
    """``X, который …`` agreeing with the name in gender and number."""
    j = max([span[-1]] + [t for t in title_nodes if t > span[-1]])
    # skip a postposed apposition up to its closing comma
    k = j + 1
    if k < len(s) and s.text[k] == "," and title_nodes and max(title_nodes) > span[-1]:
        k += 1
        while k < len(s) and s.text[k] != ",":
            k += 1
    if k + 1 >= len(s) or s.text[k] != ",":
        return None
    r = k + 1
    if r < len(s) and s.upos[r] == "ADP":
        r += 1
    if r >= len(s) or s.lemma[r] not in _RELATIVE.get(s.lang, set()):
        return None
    rf, hf = s.feats(r), s.feats(h)
    if s.lemma[r] not in ("чей", "чий", "whose") and not agree(rf, hf, ("Number", "Gender")):
        return None
    end = r + 1
    while end < len(s) and not (s.text[end] in (",", ".", ";", ":", "!", "?", "—", "–") and end > r + 1):
        end += 1
    return list(range(k + 1, end))


def _predicate(s, span, h, inside, ent_tok):
    if s.has_syntax:
        p = s.head[h]
        if s.deprel[h].startswith("nsubj") and p >= 0 and p not in inside and (_is_noun(s, p) or s.upos[p] == "ADJ"):
            kids = s.children(p)
            dash = any(s.text[c] in _DASHES for c in kids) or any(s.text[x] in _DASHES for x in range(h + 1, p))
            cop = any(s.deprel[c] == "cop" for c in kids)
            if (dash or cop) and p > h:
                # the predicate NP without coordinated clauses ("…кандидатом, а затем поддержал Трампа")
                cut = set()
                for c in kids:
                    if s.deprel[c] in ("conj", "parataxis", "advcl") and s.upos[c] in ("VERB", "AUX"):
                        cut.update(s.subtree(c))
                toks = [t for t in s.subtree(p) if t not in set(s.subtree(h)) and t > span[-1] and t not in cut]
                toks = [t for t in toks if s.text[t] not in _DASHES or t > p]
                toks = [t for t in toks if not (s.deprel[t] == "cop")]
                run = _contiguous([t for t in toks if t >= min(toks)]) if toks else []
                if run:
                    return run, p
        if s.deprel[h].startswith("nsubj") and p >= 0 and s.lemma[p] in _COPULA_VERBS:
            for c in s.children(p):
                if c > h and (_is_noun(s, c) or s.upos[c] == "ADJ") and s.feats(c).get("Case") == "Ins" \
                        and c not in ent_tok:
                    return _np_left(s, c, ent_tok) + [c], c
        if s.deprel[h] == "obj" and p >= 0 and s.lemma[p] in _NAMING_VERBS:
            for c in s.children(p):
                if c != h and (_is_noun(s, c) or s.upos[c] == "ADJ") and s.feats(c).get("Case") == "Ins" \
                        and c not in ent_tok:
                    return _np_left(s, c, ent_tok) + [c], c
    # patterns: "X — (ADJ)* NOUN"
    j = span[-1] + 1
    if j + 1 < len(s) and s.text[j] in _DASHES and s.feats(h).get("Case", "Nom") == "Nom":
        k = j + 1
        toks = []
        while k < len(s) and not s.is_punct(k) and (_is_adj(s, k) or s.upos[k] in ("DET", "ADV")):
            toks.append(k)
            k += 1
        if k < len(s) and _is_noun(s, k) and k not in ent_tok and s.feats(k).get("Case", "Nom") == "Nom":
            toks.append(k)
            e = k + 1
            while e < len(s) and not s.is_punct(e) and (s.feats(e).get("Case") == "Gen" or e in ent_tok):
                toks.append(e)
                e += 1
            return toks, k
    # "X является NOUN-Ins"
    if j + 1 < len(s) and s.lemma[j] in _COPULA_VERBS:
        k = j + 1
        toks = []
        while k < len(s) and _is_adj(s, k):
            toks.append(k)
            k += 1
        if k < len(s) and _is_noun(s, k) and s.feats(k).get("Case") == "Ins" and k not in ent_tok:
            return toks + [k], k
    return None


def _descriptions(s, lex, ent_tok, used, st):
    """Titles without a name that stand for an actor named earlier."""
    out = []
    for t in range(len(s)):
        if t in used or t in ent_tok or not _is_noun(s, t):
            continue
        f = s.feats(t)
        if f.get("Number") == "Plur":
            continue
        lem = lower_key(s.lemma[t])
        is_title = lex.is_title(lem)
        is_label = lex.nomination(lem) is not None and f.get("Animacy", "Anim") == "Anim" and "-" not in lem
        if not (is_title or is_label):
            continue
        # a name right after belongs to the named mention (handled there)
        if t + 1 < len(s) and (t + 1) in ent_tok:
            continue
        actor = None
        left = _np_left(s, t, ent_tok)
        rels = {lex.relational[lower_key(s.lemma[a])] for a in left if lower_key(s.lemma[a]) in lex.relational}

        def fits(act):
            # a relational adjective must agree with what the actor's titles said
            return not rels or bool(rels & (st["context"].get(act, set()) | {act}))

        cands = [a for a in st["titles"].get(lem, ()) if fits(a)]
        if len(cands) == 1:
            actor = cands[0]
        elif not cands and f.get("Case", "Nom") == "Nom" and _is_subject(s, t):
            # grammatical gender of a title says little (глава, голова); feminine suffixes do
            g = "Fem" if re.search(r"(ица|иця|ка|иня|есса|ница|ниця)$", lem) else \
                ("Masc" if f.get("Gender") == "Masc" else None)
            for sent_id, _pos, act, pg in reversed(st["persons"]):
                if sent_id < s.sent_id - 2:
                    break
                if (g is None or pg is None or pg == g) and fits(act):
                    actor = act
                    break
        if actor is None:
            continue
        toks = _np_left(s, t, ent_tok) + [t]
        # a genitive complement ("рупор Кремля", "глава государства")
        k = t + 1
        while k < len(s) and not s.is_punct(k) and (s.feats(k).get("Case") == "Gen" or _is_adj(s, k)) and k - t <= 4:
            toks.append(k)
            k += 1
        r = _row(s, {"actor": actor, "text": _span_text(s, toks)}, toks, "description", lex, lemma=s.lemma[t])
        if r:
            out.append(r)
            used.update(toks)
    return out


def _is_subject(s, t):
    if s.has_syntax:
        return s.deprel[t].startswith("nsubj")
    # without a parse: no verb or preposition before it in its clause, or the
    # inverted subject of a reporting clause ("…», — написав глава держави")
    if t >= 2 and s.upos[t - 1] == "VERB" and (s.text[t - 2] in _DASHES or s.text[t - 2] == ","):
        return True
    for i in range(t - 1, -1, -1):
        if s.is_punct(i):
            return True
        if s.upos[i] in ("VERB", "ADP", "AUX"):
            return False
    return True


def _attributive(s, t):
    """An adjective used attributively (it modifies a noun), not substantivised."""
    if s.has_syntax:
        return s.deprel[t] in ("amod", "det") and s.head[t] >= 0 and _is_noun(s, s.head[t])
    nxt = t + 1
    return nxt < len(s) and _is_noun(s, nxt) and agree(s.feats(t), s.feats(nxt), ("Case", "Number"))


def _has_object(s, t, ent_tok):
    """A nomination with an inanimate genitive object ("захватчики собора") is a
    literal role, not a label."""
    kids = s.children(t) if s.has_syntax else [t + 1] if t + 1 < len(s) else []
    return any(s.deprel[c] in ("nmod", "_") or not s.has_syntax for c in kids
               if c > t and _is_noun(s, c) and c not in ent_tok and s.feats(c).get("Case") == "Gen"
               and s.feats(c).get("Animacy") == "Inan")


def _literal(s, t, lem, lex, ent_tok, st):
    """Whether a label is used literally here: its literal_when context words
    appear in the document (a circus "клоун"), or it has an object."""
    cond = lex.literal.get(lem)
    if not cond:
        return False
    if "@object" in cond and _has_object(s, t, ent_tok):
        return True
    words = cond - {"@object", "@animal"}
    return bool(words & st.get("lemmas", set()))


def _nominations(s, lex, ent_tok, used, st=None):
    st = st if st is not None else {}
    out = []
    n = len(s)
    for t in range(n):
        misread = False  # a noun the tagger read as an adjective (the model's reading)
        if t in used or t in ent_tok:
            continue
        if s.is_punct(t) or s.upos[t] in ("ADP", "CCONJ", "SCONJ", "PRON", "DET", "PART", "AUX", "NUM"):
            continue
        lem = lower_key(s.lemma[t])
        nom = lex.nomination(lem)
        if nom is None and s.upos[t] in ("NOUN", "ADJ") and not (_is_adj(s, t) and _attributive(s, t)):
            base = _feminine_base(lem, lex)
            if base is not None and _animate(s, t):
                nom = (lex.nom_exact[base][0], lem)  # "психопатка", "наркоманка"
        if nom is None and s.feats(t).get("VerbForm") == "Part":
            # substantivised participles the lemmatiser reduces to the verb ("протестующих" → протестовать)
            form = lower_key(s.text[t])
            for r in lex.role_participles:
                if form.startswith(r[:-2]) and len(form) - len(r) <= 2:
                    nom, lem = (float("nan"), r), r
                    break
        if nom is None and not _is_noun(s, t):
            # taggers miss rare labels ("рашистам" as ADV, "страна-агрессор" as VERB)
            nom = lex.nomination(lower_key(s.text[t]))
            if nom is None and s.lang == "ru" and s.upos[t] in ("ADJ", "X") and \
                    not (t + 1 < n and _is_noun(s, t + 1)):
                # or lemmatise a rare noun as an adjective ("сексоголиков" → "сексоголиковый"):
                # the noun readings of the word form
                lem2 = next((x for x in _guessed_nouns(lower_key(s.text[t])) if x in lex.nom_exact), None)
                if lem2 is not None:
                    nom, lem = lex.nomination(lem2), lem2
            if nom is None and lex.model is not None:
                lem2 = _model_noun_reading(s, t, lex)
                if lem2 is not None:
                    # a person noun the tagger read as an adjective ("балбесы"), scored by the model
                    nom, lem, misread = (lex.model_polarity(lem2, "NOUN", NOMINATION_MARGIN), lem2), lem2, True
            if nom is None:
                continue
            lem = lower_key(s.text[t]) if lex.nomination(lower_key(s.text[t])) and lem == lower_key(s.text[t]) else lem
        if _is_adj(s, t) and _attributive(s, t) and not misread:
            continue  # "военные учения": an adjective, not the substantivised role
        if nom is not None and (_thing_reading(s, t, lem, lex) or _award_title(s, t) or _penal(s, t)):
            continue  # "в трусах", "контора", "Герой России": not a label of an actor
        if 0 < t < n - 1 and s.text[t - 1] in _OPEN_Q and s.text[t + 1] in _CLOSE_Q and s.text[t][:1].isupper():
            continue  # a capitalised word alone in quotes names a work or a brand («Идиот»)
        if nom is not None and t > 0 and s.text[t][:1].isupper() and s.text[t][1:2].islower() and \
                lem not in lex.roles and not _opens(s, t):
            continue  # a capitalised word inside a sentence is a name: the city "Хама" is no "хам"
        role = lem in lex.roles
        if role and lex.role_number.get(lem) and s.feats(t).get("Number", lex.role_number[lem]) != \
                lex.role_number[lem]:
            continue  # "власть" (power) is not "власти" (the authorities)
        if nom is not None and lem not in lex.nom_exact and lem not in lex.roles and \
                s.feats(t).get("Animacy") == "Inan" and not _org_type(lem, lex) and \
                lem.split("-")[0] not in _INSTITUTIONS and "-" not in lem and \
                any(p[:-1] and lem.startswith(p[:-1]) and not _person_rest(lem[len(p) - 1:], lex)
                    for p, _v in lex.nom_patterns if p.endswith("*")):
            continue  # "на укросайтах": a prefix pattern ("укро*") names people, not things
        if nom is not None and lem not in lex.nom_exact and lex.affixed(lem) and \
                s.feats(t).get("Animacy") != "Anim" and not _org_type(lem, lex) and \
                lem.split("-")[0] not in _INSTITUTIONS and not _person_after_prefix(s, lem):
            continue  # "картишек", "псевдонаука", "ультразвук": a thing is not a label of an actor
        if nom is not None and not role and _literal(s, t, lem, lex, ent_tok, st):
            if lex.is_title(lem) or "@object" not in lex.literal.get(lem, ()):
                continue  # a bare profession used literally (clowns at a circus)
            role = True
            nom = (float("nan"), lem)
        left = _np_left(s, t, ent_tok)
        first = left[0] if left else t
        quoted = first > 0 and t + 1 < n and s.text[first - 1] in _OPEN_Q and s.text[t + 1] in _CLOSE_Q \
            and s.text[first][:1].islower()
        actor, linked_toks = _link_nomination(s, t, left, lex, ent_tok)
        f = s.feats(t)
        if nom is None:
            ev_adj = [a for a in left if (lex.polarity(s.lemma[a]) or 0) <= -0.5]
            if lem in lex.context and actor is not None:
                # "западные кураторы": a label; "хозяева Чекалины", "хозяин Белого дома": an owner (guideline 20)
                owner = bool(linked_toks) and linked_toks[0] > t
                nom = (lex.polarity(lem) if lex.polarity(lem) is not None else
                       float("nan") if owner else -0.3, lem)
            elif ev_adj and (f.get("Animacy") == "Anim" or lem in _INSTITUTIONS):
                continue  # the adjective is the epithet ("марионеточный избирком"): see _unnamed
            elif quoted and s.upos[t] == "NOUN" and lem not in lex.nonjudging and \
                    (f.get("Animacy") == "Anim" or (len(left) <= 1 and lem in _INSTITUTIONS)):
                # scare quotes around a short lower-case label: ironic distancing
                nom = (-0.5, lem)
            elif actor is not None and re.search(r"(изм|ізм|ism)$", lem) and (lex.polarity(lem) or 0) <= -0.3:
                # an ideology attributed to an actor ("украинский национализм")
                nom = (lex.polarity(lem), lem)
            elif lex.model is not None and s.upos[t] == "NOUN" and f.get("Animacy") == "Anim" and \
                    not s.text[t][:1].isupper() and _refers(s, t) and _person_form(s, t) and \
                    lex.model_polarity(lem, "NOUN", NOMINATION_MARGIN) is not None:
                # a person noun no lexicon lists that the evaluative-word model scores
                # with high confidence ("проходимец", "горлопан")
                nom = (lex.model_polarity(lem, "NOUN", NOMINATION_MARGIN), lem)
            else:
                continue
        if role:
            pass  # role words stay neutral, quoted or not
        elif quoted:
            nom = (-0.5, nom[1])  # praise in scare quotes is irony («освободители»)
        elif lem in lex.context and actor is None and not (lem in _ANIMATE_LABELS and f.get("Animacy") == "Anim"):
            continue  # "режим" as a mode, "хозяин" of a flat: no actor named (animate "боевики" are people)
        # the label alone; its adjectives are rows of their own (_unnamed),
        # a name in the genitive stays inside ("режим Кима")
        core = [t] + ([] if role else linked_toks if linked_toks and linked_toks[0] > t else [])
        toks = sorted(set(core))
        if quoted:
            toks = [toks[0] - 1] + toks + [toks[-1] + 1] if left == [] else toks
        if actor is not None and _military(lem) and actor in _ARMY:
            actor = _ARMY[actor]
        if lem in _STATE_ONLY and not role and not _war_story(st) and not _states_in(s, ent_tok, lex) and \
                actor not in _ARMY and actor not in _ARMY.values():
            role, nom = True, (float("nan"), lem)  # "агрессор" of a crime story: the attacker
        if actor is None:
            # an army as a label's usual referent only in a story about war ("оккупанты" of a flat
            # are squatters); a label naming its nation by its stem ("бандеровцы") keeps its referent
            hint = _hint(lem)
            if hint in _ARMY.values() and not _war_story(st):
                hint = None
            actor = hint or _group_name(nom, lem)
        phrase = _span_text(s, _trim(s, toks))
        r = _row(s, {"actor": actor, "text": phrase}, toks, "nomination", lex,
                 lemma=" ".join(s.lemma[x] for x in toks if not s.is_punct(x) and x not in ent_tok))
        if r is None:
            continue
        if r["polarity"] != r["polarity"] and nom[0] == nom[0] and not role:
            r["polarity"] = float(nom[0])
        if role and not r["legal"]:
            r["polarity"] = float("nan")
        r["_head"] = t
        if _predicate_of_thing(s, t, ent_tok, lex, r):
            continue  # "жизнь — лучший режиссёр": a label of a thing
        out.append(r)
        used.update(toks)
    # "X на минималках" (a cut-price X): an ironic label whatever X is
    for t in range(2, n):
        if lower_key(s.text[t]) == "минималках" and lower_key(s.text[t - 1]) == "на" and \
                (s.upos[t - 2] in ("NOUN", "PROPN") or t - 2 in ent_tok) and t - 2 not in used:
            a = t - 2
            while a > 0 and (a - 1 in ent_tok or s.upos[a - 1] == "PROPN") and a - 1 not in used:
                a -= 1
            toks = list(range(a, t + 1))
            r = _row(s, {"actor": s.lemma[t - 2], "text": _span_text(s, toks)}, toks, "nomination", lex,
                     lemma=" ".join(s.lemma[x] for x in toks))
            if r:
                r["polarity"] = -0.7
                out.append(r)
                used.update(toks)
    # substantivised evaluative adjectives ("сумасшедшего", "оголтелые"; "неравнодушные" помогли)
    for t in range(n):
        if t in used or t in ent_tok or s.upos[t] != "ADJ" or s.lang == "en":
            continue
        p = lex.polarity(s.lemma[t])
        if p is None and lex.model is not None and not s.feats(t).get("VerbForm") and \
                not (t > 0 and s.text[t][:1].isupper()):
            # the model: negative adjectives only, as for the lexicons ("наказать ответственных")
            p = lex.model_polarity(s.lemma[t], "ADJ", NOMINATION_MARGIN)
            p = p if p is not None and p < 0 else None
        if p is None or (p > -0.5 and lower_key(s.lemma[t]) not in _PRAISE_SUBSTANTIVE):
            continue
        nxt = t + 1
        if nxt < n and (s.upos[nxt] in ("NOUN", "PROPN", "ADJ", "NUM") or nxt in ent_tok):
            continue
        if s.has_syntax and not (s.deprel[t] in ("nsubj", "nsubj:pass", "obj", "iobj", "obl", "nmod", "root")
                                 and not any(s.deprel[c] in ("amod", "nmod") and _is_noun(s, c)
                                             for c in s.children(t))):
            continue  # attributive ("ложную и вредоносную информацию") or predicative, not a noun phrase
        prv = t - 1
        if prv >= 0 and (s.text[prv] in _DASHES or s.lemma[prv] in _COPULA_VERBS or s.lemma[prv] in ("быть", "бути")
                         or s.upos[prv] in ("AUX", "ADV", "PRON", "DET")):
            continue  # predicative use
        f = s.feats(t)
        if f.get("Variant") == "Short" or f.get("Degree") in ("Cmp", "Sup") or f.get("Case") == "Ins":
            continue  # short forms, comparatives and instrumental adjectives are predicative
        r = _row(s, {"actor": s.lemma[t], "text": s.text[t]}, [t], "nomination", lex, lemma=s.lemma[t])
        if r:
            out.append(r)
            used.add(t)
    return out


# animals are not actors unless named as persons (a dog called Кони)
_ANIMALS = {"кот", "кошка", "котенок", "собака", "пес", "щенок", "конь", "лошадь", "медведь", "волк", "лиса",
            "животное", "питомец", "птица", "кит", "дельфин", "тигр", "лев", "обезьяна", "манул", "корова",
            "свинья", "поросенок", "пиг", "хряк", "овца", "коза", "курица", "утка", "гусь", "хомяк", "попугай",
            "мышь", "енот", "свиня", "порося", "вівця", "кролик",
            "кіт", "кішка", "собака", "пес", "кінь", "ведмідь", "вовк", "тварина", "птах",
            "cat", "dog", "horse", "bear", "wolf", "animal", "pet", "bird"}
# adjective + noun pairs that are fixed terms, not descriptions
_FIXED = {("мирный", "житель"), ("мирный", "человек"), ("мирный", "население"), ("правоохранительный", "орган"), ("уполномоченный", "орган"),
          ("управляющий", "компания"), ("дочерний", "компания"), ("спасательный", "служба"),
          ("силовой", "структура"), ("воинский", "часть"), ("следственный", "орган"), ("местный", "власть"),
          ("мирний", "житель"), ("правоохоронний", "орган"), ("civilian", "population")}


def _actor_noun(s, t, lem, lex):
    """A common noun that stands for an actor: a person, a group of people, an
    organisation, an authority (docs/epithets.md, "Actor")."""
    if lem in _ANIMALS or lem in _SMALL_ANIMALS or lem.split("-")[0] in _ANIMALS:
        return False  # also "пёс-толстяк"
    if lem in lex.roles or lem in lex.orgs or lem in _INSTITUTIONS or lex.is_title(lem):
        return True
    if lex.nomination(lem) is not None:
        return True
    return s.feats(t).get("Animacy") == "Anim" and s.upos[t] == "NOUN"


def _modifier(s, a, n):
    """An adjective or participle that really modifies noun ``n``: a full
    (not short, predicative) form agreeing with it in case."""
    fa = s.feats(a)
    if fa.get("Variant") == "Short" or (s.upos[a] in ("VERB", "AUX") and "Case" not in fa):
        return False
    fn = s.feats(n)
    if agree(fa, fn, ("Case",)):
        return True
    if not s.has_syntax or s.head[a] != n or s.deprel[a] != "amod":
        return False
    cases = {fa.get("Case"), fn.get("Case")}
    # Nom and Acc of an inanimate plural are one form ("наиболее боеспособные подразделения"),
    # Gen and Acc of an animate plural too ("любящих хозяев")
    if cases == {"Nom", "Acc"} and fn.get("Animacy") == "Inan" and fa.get("Number") == "Plur":
        return True
    if cases == {"Gen", "Acc"} and fn.get("Animacy") == "Anim" and fa.get("Number") == fn.get("Number") == "Plur":
        return True
    # after два/три/четыре the noun is genitive singular and its adjective plural ("две неполноценные бригады")
    return fa.get("Number") == "Plur" and fn.get("Case") == "Gen" and fn.get("Number") == "Sing" and any(
        s.upos[c] == "NUM" and (lower_key(s.lemma[c]) in _PAUCAL or s.text[c][-1:] in "234")
        for c in s.children(n))


_PERSON_SUFFIX = re.compile(r"(ник|чик|щик|тель|ист|ер|ор|ец|ица|ница|чица|ант|ент|ач|ар|ян|ин|ша|иня|иця|ець|"
                            r"er|or|ist|ant|ent|man|woman)$")


def _actor_compound(lem, lex):
    """A hyphenated actor noun ("круизёр-перевозчик", "страна-участница"):
    both parts name persons, groups, organisations or states."""
    parts = [p for p in lem.split("-") if p]
    if len(parts) != 2 or parts[0] in ("экс", "вице", "екс", "віце", "ex", "vice") or lex.is_title(lem):
        return False

    def actorish(w):
        return w in lex.roles or w in lex.orgs or w in _INSTITUTIONS or lex.is_title(w) or \
            lex.nomination(w) is not None or w in ("член", "участник", "участница", "член", "member") or \
            bool(_PERSON_SUFFIX.search(w))
    return actorish(parts[0]) and actorish(parts[1])


_PERSONAL = {"он", "она", "они", "вы", "ты", "я", "мы", "він", "вона", "вони", "he", "she", "they", "him", "her",
             "them"}


def _naming_predicates(s, lex, ent_tok, used):
    """Secondary predicates of naming and declaring verbs ("ЛГБТ признали
    «экстремистским движением»", "признана нежелательной", "назвал его
    диктатором"): the instrumental phrase, about the verb's object, its passive
    subject or the noun its participle modifies."""
    out = []
    if not s.has_syntax:
        return out
    for v in range(len(s)):
        if s.lemma[v] not in _NAMING_VERBS and not any(s.lemma[v].startswith(x[:-2]) and
                                                      s.feats(v).get("VerbForm") == "Part"
                                                      for x in ("признать", "признавать", "объявить")):
            continue
        kids = s.children(v)
        actor_tok = next((c for c in kids if s.deprel[c] in ("obj", "nsubj:pass")), None)
        if actor_tok is None and s.feats(v).get("VerbForm") == "Part" and s.head[v] >= 0:
            actor_tok = s.head[v]
        if actor_tok is None and s.feats(v).get("Voice") == "Pass":
            actor_tok = next((c for c in kids if s.deprel[c].startswith("nsubj")), None)
        if actor_tok is None or not (actor_tok in ent_tok or
                                     (_is_noun(s, actor_tok) and
                                      _actor_noun(s, actor_tok, lower_key(s.lemma[actor_tok]), lex)) or
                                     s.lemma[actor_tok] in _PERSONAL):
            continue  # "считаю это ошибкой", "считает мандат нелегитимным": not about an actor
        for c in kids:
            if c == actor_tok or c in used or s.feats(c).get("Case") != "Ins" or \
                    not (_is_noun(s, c) or _is_adj(s, c)) or c in ent_tok:
                continue
            toks = _contiguous([x for x in s.subtree(c) if x > v or x > actor_tok])
            toks = [x for x in toks if x not in ent_tok or ent_tok[x] is ent_tok.get(c)]
            if not toks or any(x in used for x in toks):
                continue
            m = ent_tok.get(actor_tok)
            actor = m["actor"] if m else s.text[actor_tok]
            aspan = m["_span"] if m else [actor_tok]
            r = _row(s, {"actor": actor, "text": s.text[actor_tok]}, toks, "predicate", lex,
                     lemma=_lemmas(s, toks), aspan=aspan)
            if r and not (r["polarity"] == r["polarity"] and r["polarity"] != 0):
                r["polarity"] = _nickname(s, [v] + toks, lex, r["polarity"])  # назвал судью «говнолапочкиным»
            if r:
                out.append(r)
                used.update(toks)
    return out


def _name_part(s, a):
    """A capitalised adjective inside a sentence is part of a name ("Таганский суд")."""
    return a > 0 and s.text[a][:1].isupper() and not s.is_punct(a - 1) and not s.text[a].isupper()


def _unnamed(s, lex, ent_tok, used, rows):
    """Adjectives, participial phrases and relative clauses of actors without a
    name: role words and labels (their nomination rows are in ``rows``), titles
    and other person, group and organisation nouns, and "те, кто …"."""
    out = _naming_predicates(s, lex, ent_tok, used)
    heads = {r["_head"]: r for r in rows if r.get("_head") is not None}
    for t in range(len(s)):
        if t in ent_tok:
            continue
        lem = lower_key(s.lemma[t])
        if lem in ("тот", "той", "those") and s.upos[t] in ("PRON", "DET") and s.has_syntax:
            for c in s.children(t):
                if s.deprel[c] == "acl:relcl":
                    toks = _relative_tokens(s, c, t)
                    if toks and not any(x in used for x in toks):
                        r = _row(s, {"actor": s.text[t].lower(), "text": s.text[t]}, toks, "relative_clause", lex,
                                 lemma=_lemmas(s, toks), aspan=[t], skip=_not_about(s, toks, c, lex))
                        if r:
                            out.append(r)
                            used.update(toks)
            continue
        if not _is_noun(s, t):
            continue
        nomrow = heads.get(t)
        if nomrow is None and not _actor_noun(s, t, lem, lex):
            continue
        if nomrow is None and s.has_syntax and any(
                s.deprel[c].startswith("nsubj") and _is_noun(s, c) and c not in ent_tok and
                not _actor_noun(s, c, lower_key(s.lemma[c]), lex) for c in s.children(t)):
            continue  # the predicate of a thing ("жизнь — лучший режиссёр")
        if nomrow is None and t in _mode_tokens(s, range(len(s)), lex):
            continue  # "в ручном режиме": a mode, not an actor
        pred = _predicate_actor(s, t, ent_tok, lex) if nomrow is None else None
        if pred is False:
            continue  # "система является надёжным гарантом": a predicate about a thing
        if nomrow is None and lem not in lex.roles and lem not in _INSTITUTIONS and \
                s.feats(t).get("Animacy") != "Anim" and \
                not (s.has_syntax and s.deprel[t].startswith("nsubj")):
            continue  # an organisation noun without a name is an actor when it acts ("Круизная компания пообещала")
        actor = nomrow["actor"] if nomrow else s.lemma[t]
        m = {"actor": actor, "text": s.text[t]}
        aspan_t = [t]
        if pred:
            # "всушников — две неполноценные бригады": the predicate's adjectives describe its subject
            m = {"actor": pred[0], "text": pred[1]}
            aspan_t = pred[2]
        if nomrow is None and t not in used and _actor_compound(lem, lex):
            r = _row(s, m, [t], "compound", lex, lemma=s.lemma[t], aspan=[t])
            if r:
                out.append(r)
                used.add(t)
        adjs = set(_np_left(s, t, ent_tok))
        if s.has_syntax:
            adjs |= {c for c in s.children(t) if s.deprel[c] in ("amod", "acl") and _is_adj(s, c)
                     and c not in ent_tok and _modifier(s, c, t)}
            # coordinated adjectives ("военного и военно-политического руководства")
            adjs |= {c for a in list(adjs) for c in s.children(a) if s.deprel[c] == "conj" and _is_adj(s, c)
                     and c not in ent_tok and _modifier(s, c, t)}
        for a in sorted(adjs):
            if a in used or _pronominal(s, a) or _name_part(s, a) or \
                    (lower_key(s.lemma[a]), lem) in _FIXED or lex.is_title(f"{s.lemma[a]} {lem}"):
                continue
            toks = _adj_tokens(s, a, {t})
            if any(x in used or x in ent_tok for x in toks if x != a):
                toks = [a]
            r = _row(s, m, toks, "adjective", lex, lemma=s.lemma[a], aspan=aspan_t, skip=set(toks) - {a})
            if r:
                hp = lex.polarity(s.lemma[t])
                if r["polarity"] != r["polarity"] and lower_key(s.lemma[a]) in _INTENSIFIERS and \
                        hp is not None and abs(hp) >= 0.3 and not lex.literal_here(s.lemma[t]):
                    # "очередному богачу", "настоящий герой": an intensifier of a label shares its judgement
                    r["polarity"] = math.copysign(0.5, hp)
                if lower_key(s.lemma[a]) in _CRIME_ADJ and lem in _CRIME_HEADS and not r["legal"]:
                    r["polarity"] = float("nan")  # "преступное сообщество": a crime category (guideline #5)
                out.append(r)
                used.update(toks)
        if s.has_syntax:
            for c in s.children(t):
                if s.deprel[c] == "acl:relcl" and c not in used:
                    toks = _relative_tokens(s, c, t)
                    if toks and not any(x in used for x in toks):
                        r = _row(s, m, toks, "relative_clause", lex, lemma=_lemmas(s, toks), aspan=[t],
                                 skip=_not_about(s, toks, c, lex))
                        if r:
                            out.append(r)
                            used.update(toks)
    return out


_ARMY = {"Украина": "ВСУ", "Россия": "российская армия"}
_MILITARY = ("боевик", "формирован", "военн", "военнослужащ", "солдат", "войск", "оккупант", "окупант", "загарбник",
             "захватчик", "каратель", "карател", "наемник", "найманц", "найманец", "бойовик", "формуван", "орк", "рашист",
             "неонацист", "нацист", "нацбат", "військов", "вояк", "soldier", "troop", "militant", "occupier", "invader")
_STATE_WORDS = ("стран", "государств", "держав", "країн")
_STATE_LABELS = ("агрессор", "агресор", "террорист", "терорист")


def _military(lem):
    return lem.startswith(_MILITARY)


def _hint(lem):
    """The usual referent of a label with nothing in the sentence naming it."""
    if lem in _HINTS:
        return _HINTS[lem]
    if "-" in lem:
        first, _, last = lem.partition("-")
        if first.startswith(_STATE_WORDS) and last.startswith(_STATE_LABELS):
            return "Россия"
        return _HINTS.get(last)
    for k, v in _HINTS.items():
        if lem.startswith(k) and len(lem) - len(k) <= 3:
            return v
    return None


def _group_name(nom, lem):
    g = nom[1] if isinstance(nom[1], str) and nom[1] and "*" not in nom[1] else lem
    return g


def _link_nomination(s, t, left, lex, ent_tok):
    """The actor a nomination stands for: a relational adjective, or a name in
    the genitive right after it."""
    for a in left:
        act = lex.relational.get(lower_key(s.lemma[a]))
        if act:
            return act, []
    if t > 0 and not left:
        act = lex.relational.get(lower_key(s.lemma[t - 1])) or lex.relational.get(lower_key(s.text[t - 1]))
        if act:
            return act, [t - 1]
    if s.has_syntax:
        for c in s.children(t):
            if s.deprel[c] == "amod":
                act = lex.relational.get(lower_key(s.lemma[c]))
                if act and abs(c - t) <= 3:
                    return act, list(range(min(c, t), max(c, t) + 1))
    k = t + 1
    if k < len(s) and k in ent_tok and s.feats(k).get("Case", "Gen") == "Gen":
        m = ent_tok[k]
        return m["actor"], list(m["_span"])
    return None, []


# --- precision guards (issue #10): non-actors, crime roles, neutral titles, links -------
#
# Rows the held-out coding found wrong, by class: a label inside the quoted
# name of a work or a product («Бригада», сериал «Бешеные псы»); a label whose
# surface form has a thing's reading ("в трусах": трусы, not трус); a label
# the dictionary knows only as a thing ("контора"); "агрессор" about a single
# attacker (a state label only); crime-category adjectives of gangs
# ("преступное сообщество", guideline #5); capitalised award and state names
# inside titles ("Герой России", "Союзного государства"); the adjectives of a
# predicate noun ("является надёжным гарантом") taken for an actor of their own;
# a label's default referent ("оккупанты" → российская армия) outside a war story.

# genre and brand nouns before a quoted name: the name is a work or product, not a person
_GENRES = {"фильм", "сериал", "кинофильм", "мультфильм", "мультсериал", "мульт", "шоу", "программа", "передача",
           "группа", "коллектив", "ансамбль", "песня", "трек", "клип", "альбом", "сингл", "книга", "роман", "повесть",
           "рассказ", "спектакль", "пьеса", "опера", "мюзикл", "картина", "лента", "игра", "проект", "бренд",
           "марка", "модель", "самолет", "самолёт", "вертолет", "вертолёт", "корабль", "судно", "журнал",
           "рубрика", "подкаст", "сказка", "комикс", "аниме", "балет", "фестиваль", "конкурс", "премия", "фонд",
           "ресторан", "кафе", "бар", "магазин", "клуб", "франшиза", "реалити", "телешоу",
           "фільм", "серіал", "мультфільм", "пісня", "книжка", "вистава", "гурт",
           "film", "series", "show", "band", "song", "book", "album", "game", "movie", "cartoon"}
# labels that brand a state or an army, not a single person ("агрессор" of a crime story is the attacker)
_STATE_ONLY = {"агрессор", "агресор", "aggressor"}
# crime-category adjectives are neutral for gangs and migrants (guideline #5: a category, not a judgement)
_CRIME_ADJ = {"преступный", "криминальный", "нелегальный", "незаконный", "злочинний", "кримінальний",
              "нелегальний", "criminal", "illegal"}
_CRIME_HEADS = {"сообщество", "группа", "группировка", "организация", "банда", "синдикат", "схема", "бизнес",
                "мигрант", "иммигрант", "эмигрант", "мигрантка", "авторитет", "авторитетша", "структура", "сеть", "ячейка",
                "спільнота", "угруповання", "організація", "мігрант", "group", "gang", "organisation",
                "organization", "migrant", "immigrant", "network"}
# a story about war: a label's default referent (_HINTS) needs one of these in the document
_WAR_WORDS = {"армия", "военный", "ракета", "перемирие", "нато", "агрессия", "война", "вторжение", "спецоперация", "сво", "фронт", "всу", "оккупация", "обстрел", "мобилизация",
              "артиллерия", "бригада", "военнослужащий", "наступление", "контрнаступление", "дрон", "беспилотник",
              "окупація", "війна", "фронт", "зсу", "обстріл", "вторгнення", "мобілізація", "war", "invasion",
              "front", "troops", "shelling"}
# prepositions after which a noun with a thing's reading is a thing ("в трусах", "на козлах")
_THING_PREPS = {"в", "во", "на", "без", "из", "с", "со", "под", "у", "до", "от"}


def _morph():
    global _MORPH
    if _MORPH is None:
        import pymorphy3
        _MORPH = pymorphy3.MorphAnalyzer(lang="ru")
    return _MORPH


_MORPH = None
_ANIM_CACHE: dict = {}


def _readings(form):
    """(lemma, animate, plural-only) of every noun parse of a Russian word form
    that the dictionary knows (a guessed parse of an unknown word, such as
    "сексоголиков", says nothing reliable about animacy, and is left out)."""
    hit = _ANIM_CACHE.get(form)
    if hit is None:
        hit = _ANIM_CACHE[form] = tuple(
            (lower_key(p.normal_form), "anim" in p.tag, "Pltm" in p.tag)
            for p in _morph().parse(form) if "NOUN" in p.tag and p.is_known)
    return hit


def _guessed_nouns(form):
    """Lemmas of the noun parses pymorphy3 guesses for a word form it does not
    know ("сексоголиков" → "сексоголик")."""
    return [lower_key(p.normal_form) for p in _morph().parse(form) if "NOUN" in p.tag]


def _inanimate_labels(lang):
    return _lemma_set(lang, "inanimate_labels")


def _thing_reading(s, t, lem, lex):
    """Whether a label token is a thing rather than a person: the dictionary
    knows its lemma only as inanimate (not a collective label of
    ``inanimate_labels.tsv``), or its form is also a thing with another lemma
    after a preposition ("в трусах" is трусы, "на козлах" is козлы)."""
    if s.lang != "ru" or lem in lex.roles or lem in lex.orgs or lem in _INSTITUTIONS or lem in lex.context or \
            lem in lex.legal or "-" in lem or " " in lem:
        return False
    read = _readings(lower_key(s.text[t]))
    if lem in _inanimate_labels(s.lang) or any(r[0] in _inanimate_labels(s.lang) for r in read):
        return False
    same = [r for r in read if r[0] == lem]
    if same and not any(r[1] for r in same):
        return True  # "контора": a firm, not a person
    others = [r for r in read if r[0] != lem and not r[1]]
    return bool(others) and any(r[2] for r in others) and t > 0 and lower_key(s.text[t - 1]) in _THING_PREPS


def _work_title_tokens(s):
    """Token positions inside the quoted name of a work, product or brand:
    quotes after a genre noun (фильм «…», группа «…»), or opening on a
    capitalised word and holding two or more words (a quoted name of a work
    is not a person, docs/epithets.md)."""
    out = set()
    n = len(s)
    t = 0
    while t < n:
        if s.text[t] not in _OPEN_Q or s.text[t] in ("'", "’"):
            t += 1
            continue
        k = t + 1
        while k < n and s.text[k] not in _CLOSE_Q:
            k += 1
        if k >= n or k == t + 1:
            t += 1
            continue
        inner = [x for x in range(t + 1, k) if not s.is_punct(x)]
        # a name of at most five words without a verb or a clause break (not quoted speech)
        short = 0 < len(inner) <= 5 and not any(s.upos[x] in ("VERB", "AUX") or
                                                s.text[x] in (",", ".", "!", "?", ":", ";") for x in range(t + 1, k))
        genre = short and t > 0 and lower_key(s.lemma[t - 1]) in _GENRES
        named = short and s.text[inner[0]][:1].isupper() and len(inner) >= 2
        if genre or named:
            out.update(range(t, k + 1))
        t = k + 1
    return out


def _war_story(st):
    return bool(_WAR_WORDS & st.get("keys", st.get("lemmas", set())))


def _name_words(s, toks):
    """Capitalised words inside a descriptor that are not its first word: parts
    of names ("Героя России", "Союзного государства"), not evaluations."""
    toks = sorted(toks)
    return {t for t in toks[1:] if s.text[t][:1].isupper() and not s.text[t].isupper() and not s.is_punct(t - 1)}


def _precision_filter(s, rows, lex, st):
    """Drop rows the precision guards rule out and neutralise crime categories;
    returns the rows kept."""
    work = _work_title_tokens(s)
    kept = []
    for r in rows:
        toks = r.get("_toks") or []
        if work and toks and not r["legal"] and all(x in work for x in toks if not s.is_punct(x)):
            continue  # inside the quoted name of a work or brand
        if toks and not r["legal"] and r["kind"] in ("title", "nomination", "description", "predicate") and \
                _award_title(s, toks[0]):
            nxt = toks[-1] + 1
            if s.start[toks[0]] < r["actor_start"] < s.end[toks[-1]] or \
                    (nxt < len(s) and r["actor_start"] == s.start[nxt] and s.feats(nxt).get("Case") == "Gen"):
                continue  # "Героя России": an award's name, not a title of Россия
            r["polarity"] = float("nan")  # "Герой России Иванов": an award title, neutral
        if r["kind"] == "adjective" and toks and not r["legal"] and lower_key(s.lemma[toks[0]]) in _CRIME_ADJ and \
                toks[-1] + 1 < len(s) and lower_key(s.lemma[toks[-1] + 1]) in _CRIME_HEADS:
            r["polarity"] = float("nan")  # "криминальная авторитетша Инесса": a crime category (guideline #5)
        mode = _mode_tokens(s, toks, lex) if r["kind"] in ("relative_clause", "predicate") else set()
        if mode and r["polarity"] == r["polarity"] and not r["legal"]:
            p = _polarity(s, toks, lex, mode)
            if p != p or abs(p) < abs(r["polarity"]):
                r["polarity"] = p  # "который работает в автоматическом режиме": the mode is no judgement
        kept.append(r)
    return kept


def _award_title(s, t):
    """A capitalised label inside a sentence followed by a capitalised word is
    part of a name or an award ("Герой России", "Мать-героиня" of an order)."""
    if t + 1 >= len(s) or not s.text[t][:1].isupper() or s.text[t].isupper() or not s.text[t + 1][:1].isupper() \
            or s.is_punct(t + 1):
        return False
    return lower_key(s.lemma[t]) in _AWARD_HEADS or (t > 0 and not s.is_punct(t - 1))


# heads of honorary titles ("Герой России", "Заслуженный артист", "Народный художник")
_AWARD_HEADS = {"герой", "героиня", "заслуженный", "народный", "почетный", "кавалер", "лауреат", "мать-героиня",
                "герой", "заслужений", "народний", "почесний"}


def _predicate_actor(s, t, ent_tok, lex):
    """For a noun that is the predicate of a copular clause (a copula among
    its dependents, or a dash between it and its subject: "X — предатель",
    "X является гарантом"): (actor, mention text, actor span) of its subject
    when the subject is a name, a pronoun or an actor noun; False when it is
    a thing; None when ``t`` is not such a predicate."""
    if not s.has_syntax:
        return None
    kids = s.children(t)
    p = s.head[t]
    if s.deprel[t] in ("xcomp", "obl") and p >= 0 and s.lemma[p] in _COPULA_VERBS:
        # "X является гарантом": the copular verb heads the clause
        subj = next((c for c in s.children(p) if s.deprel[c].startswith("nsubj")), None)
        if subj is None:
            return None
    else:
        subj = next((c for c in kids if s.deprel[c].startswith("nsubj")), None)
        if subj is None or subj > t:
            return None
        if not (any(s.deprel[c] == "cop" for c in kids) or any(s.text[x] in _DASHES for x in range(subj + 1, t))):
            return None
    if subj in ent_tok:
        m = ent_tok[subj]
        return m["actor"], m["text"], list(m["_span"])
    if s.upos[subj] in ("PRON", "DET") or \
            (_is_noun(s, subj) and _actor_noun(s, subj, lower_key(s.lemma[subj]), lex)):
        return s.text[subj], s.text[subj], [subj]
    return False if _is_noun(s, subj) else None


def _predicate_of_thing(s, t, ent_tok, lex, r):
    """For a label that is the predicate of a subject: give the row to the
    subject as a predicate ("X — предатель"); return True when the subject is
    a thing (no row: "жизнь — лучший режиссёр")."""
    pred = _predicate_actor(s, t, ent_tok, lex)
    if pred is False:
        return True
    if pred:
        r["actor"], r["mention"] = pred[0], pred[1]
        r["actor_start"], r["actor_end"] = s.start[min(pred[2])], s.end[max(pred[2])]
        r["kind"] = "predicate"
    return False


def _states_in(s, ent_tok, lex):
    """Whether the sentence speaks of states: a place or state name, a
    relational adjective ("европейских") or a state noun."""
    return any(m.get("type") in ("LOC", "GPE") for m in ent_tok.values()) or any(
        lower_key(s.lemma[x]) in lex.relational or lower_key(s.lemma[x]) in ("страна", "государство", "держава",
                                                                          "країна", "state", "country")
        for x in range(len(s)))


def _mode_tokens(s, toks, lex):
    """Context nouns in the locative after "в" ("в ручном режиме", "в режиме
    онлайн") and their adjectives, and a prison regime ("строгого режима"): a
    mode or a manner, not an actor."""
    out = set()
    for t in toks:
        if _penal(s, t):
            out.update((t - 1, t))  # "колонии строгого режима": a prison regime
            continue
        if lower_key(s.lemma[t]) in lex.context and s.feats(t).get("Case") == "Loc" and \
                s.feats(t).get("Animacy", "Inan") != "Anim":
            k = t - 1
            while k >= 0 and (_is_adj(s, k) or s.upos[k] == "ADV"):
                k -= 1
            if k >= 0 and lower_key(s.text[k]) in ("в", "во", "у"):
                out.update(range(k + 1, t + 1))
    return out
