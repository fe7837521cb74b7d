"""The closed word classes of the epithet measure, read from the lexicons.

Every class (copula and naming verbs, relative words, institutions, a label's
usual referent, expressive prefixes and suffixes, the guards' non-actors …) is
a ``class`` of ``framing/lexicons/<lang>/epithet_cues.tsv`` (columns ``class,
lemma, value, note``; sources in ``SOURCES.md``).  A class read without a
language is the union over the languages, as the rules read a word of any
language the parser hands them; a class read per language keeps the file's
order (the feminine suffixes are tried in that order).  What stays here is
grammar, not vocabulary: UD relations and parts of speech, and the
punctuation of :mod:`framing.lang.punct`.
"""

from __future__ import annotations

import re

from ...lang.punct import CLOSING_QUOTES, DASHES, OPENING_QUOTES
from .._names import builtin_table, lower_key

LANGS = ("ru", "uk", "en")


def _rows(lang, cls):
    t = builtin_table(lang, "epithet_cues")
    if t.empty:
        return []
    t = t[t["class"] == cls]
    return [(str(a), "" if b != b or b is None else str(b)) for a, b in zip(t["lemma"], t["value"])]


def _words(cls):
    """The lemmas of class ``cls`` in every language."""
    return frozenset(a for lg in LANGS for a, _ in _rows(lg, cls))


def _ordered(cls):
    """The lemmas of class ``cls`` in every language, in file order."""
    return tuple(a for lg in LANGS for a, _ in _rows(lg, cls))


def _by_lang(cls):
    """language → the lemmas of class ``cls`` (a set)."""
    return {lg: {a for a, _ in _rows(lg, cls)} for lg in LANGS if _rows(lg, cls)}


def _by_lang_ordered(cls):
    """language → the lemmas of class ``cls`` in file order (a tuple)."""
    return {lg: tuple(a for a, _ in _rows(lg, cls)) for lg in LANGS if _rows(lg, cls)}


def _mapping(cls):
    """lemma → value of class ``cls`` in every language, in file order."""
    return {a: b for lg in LANGS for a, b in _rows(lg, cls)}


# --- punctuation (one set for the whole project: framing.lang.punct) ---------------
# double quotes and the single quotes that open or close a quotation
_OPEN_Q = OPENING_QUOTES + "'‘"
_CLOSE_Q = CLOSING_QUOTES + "'’"
# tokens after which a capitalised word may open a sentence or a heading
_SENTENCE_OPENERS = frozenset({".", "!", "?", "…", ":", "(", "\n", "•", "·", "*", "..."}) | DASHES

# --- grammar: UD relations and parts of speech -------------------------------------
# dependency relations of a noun that is not itself a participant (part of a
# name, a compound, a modifier)
_NOT_REFERRING = {"flat", "flat:name", "flat:foreign", "compound", "fixed", "goeswith", "amod", "nummod", "det",
                  "case", "discourse", "orphan", "dep"}
_EN_NP = ("NOUN", "PROPN", "ADJ", "NUM", "X", "_")

# --- vocabulary (epithet_cues.tsv) -------------------------------------------------
_COPULA_VERBS = _words("copula_verb")
_BECOME_INTO = _words("become_into")
_NAMING_VERBS = _words("naming_verb")
# "воспринимает X как врага", "видят в X врага": the label is said of X (round twenty-one)
_REGARD_VERBS = _words("regard_verb")
_SEE_IN_VERBS = _words("see_in_verb")
# read without a parse: antecedents of "кто/хто/who" ("всім, хто …") and the relative word itself
_WHO_ANTECEDENTS = _words("who_antecedent")
_WHO = _words("who_word")
# the pronoun of "X у нас ADJ" (a possessor in the genitive after "у")
_POSSESSOR_PRONOUNS = _words("possessor_pronoun")
# Ukrainian predicate adjectives read without a parse: forms of "бути", degree words, adjectives of
# obligation (no description of the subject), pronouns that always stand for a person
_BE_FORMS = _words("be_form")
_DEGREE_ADVERBS = _words("degree_adverb")
_MODAL_ADJECTIVES = _words("modal_adjective")
_PERSON_PRONOUNS = _words("person_pronoun")
# prepositions of place and direction: a name they govern names a place ("в ДНР", "из Незалежной")
_PLACE_PREPOSITIONS = _words("place_preposition")
# "защитники прав человека": a cause in the genitive makes a label of support (cause_role) a plain role
_CAUSE_GENITIVE = _words("cause_genitive")
_CAUSE_ROLES = _words("cause_role")
# an appointment gives its object the office ("назначен министром"); serving holds one ("работал главой")
_APPOINTING = _words("appointing_verb")
_SERVING = _words("serving_verb")
_RELATIVE = _by_lang("relative")
_REL_WORDS = _words("relative_word")
_REL_CASES = _by_lang("relative_case")
_CONTEXT_NOUNS = _by_lang("context_noun")
_INSTITUTIONS = _words("institution")
_RELATION_NOUNS = _words("relation_noun")
_COLLECTIVE_LABELS = _words("collective_label")
_HINTS = _mapping("referent")
# derogatory nicknames of states ("Незалежная", "Гейропа"): lemma -> the state they stand for
_STATE_NICKNAMES = _mapping("state_nickname")
# nouns of a stance and the adjectives of its degree: "жёсткие сторонники", "ярый противник" judge nothing
_STANCE_NOUNS = _words("stance_noun")
_STANCE_DEGREE = _words("stance_degree")
# an adjective that brands the noun it stands before ("коллективный Запад"): (adjective, noun) -> polarity
_EVALUATIVE_PAIRS = {tuple(a.split()): float(b) for a, b in _mapping("evaluative_pair").items() if " " in a}
_ARMY = _mapping("army")
_MILITARY = _ordered("military_stem")
_STATE_WORDS = _ordered("state_stem")
_STATE_LABELS = _ordered("state_label_stem")
_STATE_ONLY = _words("state_only")
_PEJ_HYPHEN = _by_lang_ordered("prefix_hyphen")
_PEJ_SOLID = _by_lang_ordered("prefix_solid")
_PEJ_SOLID_NOT = _words("prefix_solid_not")
_PEJ_SUFFIX = _by_lang_ordered("suffix")
_PEJ_SUFFIX_NOT = _words("suffix_not")
_ANIMATE_LABELS = _words("animate_label")
_INTENSIFIERS = _words("intensifier")
_PLACES = _words("place")
_LANDFORMS = _words("landform")
_PAUCAL = _words("paucal")
_PRAISE_SUBSTANTIVE = _words("praise_substantive")
_SUBSTANTIVE_NOT = _words("substantive_not")
_PATTERN_NOT = tuple(sorted(_words("pattern_not")))
_FIGURE_PARTS = _words("figure_part")
_PENAL = _words("penal")
_AWARD_CONTEXT = _words("award_context")
_SUPERLATIVE = _words("superlative")
_SMALL_ANIMALS = _words("small_animal")
_ADDRESS = _words("address")
_ENDEARMENT = _words("endearment")
_SO_CALLED = _words("so_called")
_ORDINAL_TERMS = _words("ordinal_term")
_NOT_MANNER = _words("not_manner")
_BODY_VERBS = _words("body_verb")
_FEMININE = {lg: tuple(_rows(lg, "feminine")) for lg in LANGS if _rows(lg, "feminine")}
_NICKNAMING = _words("nicknaming")
# verbs whose instrumental predicate is their subject's judgement: nicknaming, considering, branding
_ACCUSING = _NICKNAMING | _words("accusing_verb")
_ORG_ABBREVIATIONS = _ordered("org_abbreviation")
_FAME = _words("fame")
_NOTORIOUS = _words("notorious")
_QUALIFIED_ORG = _words("qualified_org")
_PRONOMINAL = _words("pronominal")
_ANIMALS = _words("animal")
_ANIMAL_CONTEXT = _words("animal_context")
_STORY_ROLES = _words("story_role")
_INANIMATE_PERSONS = _words("person_inanimate")
_WORD_NOUNS = _words("word_noun")
_STORY_DOMAINS = _words("story_domain")
_FIXED = frozenset(tuple(lower_key(x) for x in p.split(" ", 1)) for p in _words("fixed"))
_LABEL_PAIRS = frozenset(tuple(lower_key(x) for x in p.split(" ", 1)) for p in _words("label_pair"))
_PERSON_SUFFIX = re.compile("(" + "|".join(re.escape(x) for x in _ordered("person_suffix")) + ")$")
_PERSONAL = _words("personal")
_GENRES = _words("genre")
_CRIME_ADJ = _words("crime_adjective")
_CRIME_HEADS = _words("crime_head")
_PARTY_ADJ = _words("party_adjective")
_PARTY_HEADS = _words("party_head")
_ETHNIC_NOUNS = _words("ethnic_noun")
_HISTORICAL_ADJ = _words("historical_adjective")
_HISTORICAL_STATES = _words("historical_state")
_ROLE_ADJ = _mapping("role_adjective")
_WAR_WORDS = _words("war_word")
_THING_PREPS = _words("thing_preposition")
_AWARD_HEADS = _words("award_head")
_QUOTED_GROUPS = _words("quoted_group_plural")
_PEOPLE_GROUPS = _words("people_group")
_EVENT_NAMES = _words("event_name")
_METAPHOR_HEADS = {k: float(v) for k, v in _mapping("metaphor_head").items()}
_METAPHOR_INFINITIVE = {k: float(v) for k, v in _mapping("metaphor_infinitive").items()}
_METAPHOR_LITERAL = _words("metaphor_literal")
_QUOTED_GROUPS_SING = _words("quoted_group")
_FRAMES = _mapping("non_referring_frame")
_PET_NAME = _words("pet_name")
_FORCES = _words("forces")
_PERSON_NOUNS = _words("person_noun")
_COMMON_NEUTRAL = frozenset(lower_key(x) for x in _words("common_gender_neutral"))
_COMMON_POSITIVE = frozenset(lower_key(x) for x in _words("common_gender_positive"))
