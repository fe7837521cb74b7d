"""The word lists of one language as the epithet measure reads them (:class:`_Lex`):
polarity, titles, nominations, roles, legal designations, the evaluative-word
model, and the productive morphology of expressive prefixes and suffixes."""

from __future__ import annotations

from .. import _evaluative_model
from .._names import (
    all_builtin_aliases, builtin_table, lower_key, nominations, polarity_table, split_patterns, titles,
    wildcard_polarity,
)
from .morph import COMPOUND_HEAD, _common_gender, _known_word, _parses
from .words import _rows
from .words import (
    _FIGURE_PARTS, _PATTERN_NOT,
    _ADDRESS, _ANIMAL_CONTEXT, _ANIMALS, _COMMON_NEUTRAL, _COMMON_POSITIVE, _CONTEXT_NOUNS, _ENDEARMENT, _FEMININE,
    _INSTITUTIONS,
    _INTENSIFIERS, _LANDFORMS,
    _PEJ_HYPHEN, _PEJ_SOLID, _PEJ_SOLID_NOT, _PEJ_SUFFIX, _PEJ_SUFFIX_NOT, _PLACES, _PRONOMINAL,
    _SMALL_ANIMALS,
)


#: |polarity| from which an epithet counts as evaluative
EVALUATIVE_THRESHOLD = 0.3




def _person_rest(rest, lex):
    """The rest of a word after a pejorative prefix names people ("укро|варвары",
    "укро|СМИ"), not a thing ("укро|сайты")."""
    return lex.nomination(rest) is not None or rest in lex.roles or lex.is_title(rest) or rest in _INSTITUTIONS


def _figure_part(part):
    """Whether the second part of a hyphenated compound names a figure a
    person is likened to (``figure_part`` in ``epithet_cues.tsv``: ниндзя,
    терминатор, зомби; ``*завр`` coinages such as "пивозавр"), in any case
    form."""
    forms = {part} | {lower_key(p.normal_form) for p in _parses(part) if "NOUN" in p.tag.grammemes}
    return any(f in _FIGURE_PARTS or any(x.startswith("*") and f.endswith(x[1:]) and len(f) > len(x) + 1
                                         for x in _FIGURE_PARTS) for f in forms)


def _person_part(part):
    """Whether the first part of a hyphenated compound is a person noun the
    dictionary knows (депутат, россиянин, блогер), not an animal's
    ("черепашка-ниндзя", "собака-робот")."""
    ps = [p for p in _parses(part) if "NOUN" in p.tag.grammemes and p.is_known]
    return bool(ps) and "anim" in ps[0].tag.grammemes and \
        not any(lower_key(p.normal_form) in _ANIMALS or lower_key(p.normal_form) in _SMALL_ANIMALS for p in ps)


def _animal_story(lemmas, lem):
    """Whether a document (its set of lower-cased lemmas) speaks of animals:
    an animal noun or a word of animal stories (``animal``, ``small_animal``,
    ``animal_context`` in ``epithet_cues.tsv``: медведь, птица, заповедник,
    кличка, вольер …) besides ``lem`` itself, also as a part of a compound
    ("ястреб-перепелятник"). A label that is also an animal's name
    (``@animal`` in ``nominations.tsv``: зверь, ястреб, шакал, хищник) names
    the animal there, and animals are not actors (docs/epithets.md, "Actor")."""
    cues = _ANIMALS | _SMALL_ANIMALS | _ANIMAL_CONTEXT
    return any(x != lem and (x in cues or ("-" in x and any(p in cues for p in x.split("-")))) for x in lemmas)


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
        self.inanimate = _inanimate_labels(lang)  # collective and person labels the dictionary marks inanimate
        rt = builtin_table(lang, "roles")
        self.role_number = {lower_key(k): v for k, v in zip(rt.get("lemma", []), rt.get("number", []))
                            if isinstance(v, str) and v.strip()}
        # crime roles ("преступник", "мошенник") and military ones keep no irony in quotes
        self.role_plain = {lower_key(k) for k, v in zip(rt.get("lemma", []), rt.get("field", []))
                           if v in ("legal", "military")}
        # crime roles alone: given by a naming verb they accuse ("назвал Путина убийцей")
        self.role_crime = {lower_key(k) for k, v in zip(rt.get("lemma", []), rt.get("field", [])) if v == "legal"}
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
        # labels whose literal status needs no nomination row ("победитель" of a vote: round twelve)
        for lem, cond in _rows(lang, "literal_status"):
            self.literal[lower_key(lem)] = set(cond.split("|"))
        self.relational = {}
        for r in all_builtin_aliases():
            if r.get("kind") == "adjective":
                self.relational.setdefault(lower_key(r["alias"]), r["actor"])
        # relational adjectives of places and nations ("американский", "русский"): inside a
        # nomination they are an adjective row, not the nomination's actor (issue #10, round eleven)
        self.nationality = frozenset(lower_key(r["alias"]) for r in all_builtin_aliases()
                                     if r.get("kind") == "adjective" and r.get("type") == "LOC")
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
        k = lower_key(lemma)
        if k not in self.exact and any(k.startswith(x) for x in _PATTERN_NOT):
            return self.morphology(lemma)  # "укротитель" is no "укро*" label (pattern_not)
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
        if self.lang == "ru" and len(parts) == 2 and _figure_part(parts[1]) and _person_part(parts[0]):
            # "депутат-пивозавр", "россиянин-ниндзя": a person named by a figure, a creature or a coinage
            # of one is a mocking label (round eighteen)
            return -0.5, "part"
        if self.lang == "ru" and "-" not in k and len(k) >= 9 and not _known_word(k):
            # a solid compound no dictionary knows ends in a negative label ("киберизвращенец",
            # "неоимпериалист"): the last stem is the compound's head and gives its evaluation
            # (Zemskaya 1992); positive heads make terms ("полузащитница", "автолегенда")
            for i in range(3, len(k) - COMPOUND_HEAD + 1):
                v = self.nom_exact.get(k[i:], (0,))[0]
                if v < 0 and k[i:] not in self.roles and k[i:] not in self.context:
                    return v, "part"
        for suf in _PEJ_SUFFIX.get(self.lang, ()):
            if k.endswith(suf) and len(k) - len(suf) >= 4 and k not in _PEJ_SUFFIX_NOT:
                return -0.5, "affix"
        if self.lang == "ru" and k not in _COMMON_NEUTRAL and k not in self.titles and k not in self.roles and \
                k not in self.orgs and k not in self.legal and k not in self.literal and k not in _ANIMALS:
            if _common_gender(k):
                # a noun of common gender ("тихоня", "зануда"): an expressive characterisation
                return (0.5 if k in _COMMON_POSITIVE else -0.5), "common"
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
                k in _ENDEARMENT or \
                k in _INTENSIFIERS or k in _PRONOMINAL or k in self.judging_verbs or k in self.orgs or \
                k in self.neutral:
            return None
        if wildcard_polarity(k, self.exact, self.patterns) is not None or self.nomination(k) is not None:
            return None
        return _evaluative_model.polarity(self.model, k, cls, margin)

    def literal_here(self, lemma):
        """Whether the current document holds a ``literal_when`` context word of
        ``lemma`` (a "тайный агент", a "звезда" in the sky), or, for a label
        marked ``@animal``, is a story about animals (:func:`_animal_story`)."""
        k = lower_key(lemma)
        cond = self.literal.get(k)
        return bool(cond and ((cond - {"@object", "@animal"}) & self.doc_lemmas or
                              ("@animal" in cond and _animal_story(self.doc_lemmas, k))))

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
                    (pat.endswith("*") and k.startswith(pat[:-1]) and len(k) >= len(pat) - 1 and
                     not any(k.startswith(x) for x in _PATTERN_NOT)):
                return (v[0], k)
        if "-" in k:
            parts = [p for p in k.split("-") if p]
            if parts and (parts[0] in _PLACES or parts[0] in _LANDFORMS):
                return None  # "город-герой" is an honorary title of a place, not an actor
            if len(parts) == 2 and parts[0] not in ("экс", "екс", "ex") and parts[1] not in self.context:
                # the lemmatiser leaves a compound's parts as they stand ("банкиры-жулики")
                for cand in (parts[1], parts[1][:-1] if parts[1][-1:] in ("и", "ы") else None):
                    if cand in self.nom_exact and cand not in self.context:
                        return (self.nom_exact[cand][0], k)
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


def _lemma_set(lang, name):
    t = builtin_table(lang, name)
    return frozenset(lower_key(x) for x in t["lemma"]) if "lemma" in t.columns else frozenset()


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


def _inanimate_labels(lang):
    return _lemma_set(lang, "inanimate_labels")
