"""Dictionary readings of Russian word forms (pymorphy3): animacy, person
nouns, a noun reading the tagger missed.  The analyser is built once per
process on first use."""

from __future__ import annotations

import functools
import re

from .._names import lower_key, morph_analyzer
from .words import _INANIMATE_PERSONS, _INSTITUTIONS, _ORG_ABBREVIATIONS, _PEJ_SOLID, _PEOPLE_GROUPS


def _is_noun(s, i):
    return s.upos[i] == "NOUN" or (s.upos[i] == "PROPN" and s.lemma[i][:1].islower())


#: how far above its class threshold the evaluative-word model must score a
#: word no lexicon lists before it *creates* a row (a nomination, a
#: substantivised adjective) rather than only flagging a row found by syntax
NOMINATION_MARGIN = 0.05


def _person_after_prefix(s, lem):
    """A Russian word with an expressive prefix whose rest the dictionary reads
    as a person ("горе-водитель", "лжеучёный"), whatever the tagger made of it."""
    if s.lang != "ru":
        return False
    rest = lem.split("-", 1)[1] if "-" in lem else next(
        (lem[len(p):] for p in _PEJ_SOLID["ru"] if lem.startswith(p)), "")
    return len(rest) >= 3 and any(r[1] for r in _readings(rest))


def _model_noun_reading(s, t, lex):
    """The lemma of a Russian person noun that the tagger read as an adjective
    or a foreign word ("балбесы" tagged ADJ), when the dictionary knows the
    form only as an animate noun and the evaluative-word model scores it with
    the margin of a created row; else ``None``."""
    if s.lang != "ru" or s.upos[t] not in ("ADJ", "X") or s.feats(t).get("VerbForm") or \
            (t > 0 and s.text[t][:1].isupper()):
        return None
    form = lower_key(s.text[t])
    parses = [p for p in _parses(form) if p.is_known]
    if not parses or any(p.tag.POS in ("ADJF", "ADJS", "PRTF", "PRTS", "VERB", "INFN") for p in parses):
        return None
    nouns = {lower_key(p.normal_form) for p in parses if "NOUN" in p.tag.grammemes and "anim" in p.tag.grammemes}
    if len(nouns) != 1:
        return None
    lem = next(iter(nouns))
    return lem if lex.model_polarity(lem, "NOUN", NOMINATION_MARGIN) is not None else None


def _person_form(s, t):
    """Whether the dictionary (pymorphy3) knows the word form of ``t`` as an
    animate noun: the tagger's animacy alone lets things through
    ("пельменями", "зелёнку"). Languages other than Russian: the tagger's word."""
    if s.lang != "ru":
        return True
    return any(r[1] for r in _readings(lower_key(s.text[t])))


#: the shortest label read as the head of a solid compound coinage ("кибер|извращенец")
COMPOUND_HEAD = 6


def _known_word(form):
    """Whether pymorphy3's dictionary knows a Russian word form."""
    return _morph().word_is_known(form)


def _animate(s, t):
    """A person noun: animate by the tagger, or (Russian taggers often read a
    rare feminine noun as an adjective or a thing) by the dictionary."""
    if s.feats(t).get("Animacy") == "Anim" and _is_noun(s, t):
        return True
    return s.lang == "ru" and any(r[1] for r in _readings(lower_key(s.text[t])))


def _morph():
    """The Russian pymorphy3 analyser, shared by the measures (``_names.morph_analyzer``)."""
    return morph_analyzer("ru")


@functools.lru_cache(maxsize=50_000)
def _parses(form):
    """pymorphy3's parses of a Russian word form, computed once per form (the rules ask about the same
    frequent forms sentence after sentence)."""
    return tuple(_morph().parse(form))


def _instrumental(s, t):
    """Whether token ``t`` is an instrumental noun or adjective: by the tagger,
    or for Russian by a dictionary reading of its form (the tagger often takes
    "воровкой", "аферисткой" after an object for an accusative), or by the
    guesses for a word the dictionary does not know ("иноагентом")."""
    if s.feats(t).get("Case") == "Ins":
        return True
    if s.lang != "ru":
        return False
    ps = _parses(lower_key(s.text[t]))
    if any(p.is_known and p.tag.case == "ablt" and ("NOUN" in p.tag.grammemes or "ADJF" in p.tag.grammemes)
           for p in ps):
        return True
    # a lower-case word the dictionary does not know whose every guessed reading is an instrumental
    # noun ("объявлен «иноагентом»", which the tagger takes for a second subject; not a name given,
    # "назвали Россией-Святосией"; round nineteen)
    return bool(ps) and s.text[t][:1].islower() and not any(p.is_known for p in ps) and \
        all(p.tag.case == "ablt" and "NOUN" in p.tag.grammemes for p in ps)


_ORG_DIMINUTIVE = re.compile("^(" + "|".join(_ORG_ABBREVIATIONS) + ")(шк|шек|шечк)[а-я]{0,3}$")


def _org_diminutive(form):
    """The lemma of a diminutive of an organisation type's abbreviation
    ("ОООшка", "НКОшки", "ЗАОшек" → "ооошка"): a belittling label of the
    organisation (the diminutive of an official term is irony), or ``None``."""
    k = lower_key(form)
    m = _ORG_DIMINUTIVE.match(k) if form[:1].isupper() and form[1:2].isupper() else None
    return m.group(1) + "шка" if m else None


def _person_accusative(s, t):
    """Whether the dictionary knows Russian token ``t`` as an animate noun in
    the accusative, whatever the tagger says ("считали бухгалтершу …",
    tagged as an adjective)."""
    return s.lang == "ru" and s.text[t][:1].islower() and any(
        p.is_known and p.tag.case == "accs" and "NOUN" in p.tag.grammemes and "anim" in p.tag.grammemes
        for p in _parses(lower_key(s.text[t])))


@functools.lru_cache(maxsize=200_000)
def _readings(form):
    """(lemma, animate, plural-only) of every noun parse of a Russian word form
    that the dictionary knows (a guessed parse of an unknown word, such as
    "сексоголиков", says nothing reliable about animacy, and is left out)."""
    return tuple((lower_key(p.normal_form), "anim" in p.tag.grammemes, "Pltm" in p.tag.grammemes)
                 for p in _parses(form) if "NOUN" in p.tag.grammemes and p.is_known)


def _initial_common_noun(s, t):
    """Whether a capitalised token ``t`` is capitalised only because it opens its sentence (nothing
    but punctuation before it) and the dictionary knows its form as a common noun and never as a
    name, surname, patronymic or place ("Девка заявила", "Чужаки пытаются"; not "Волков заявил")."""
    if any(not s.is_punct(k) for k in range(t)):
        return False
    if s.lang != "ru":
        return False
    parses = [p for p in _parses(lower_key(s.text[t])) if p.is_known]
    return bool(parses) and any("NOUN" in p.tag.grammemes for p in parses) and \
        not any(g in p.tag.grammemes for p in parses for g in ("Name", "Surn", "Patr", "Geox", "Orgn", "Trad"))


@functools.lru_cache(maxsize=50_000)
def _undergone(form):
    """Whether the dictionary (pymorphy3) knows a Russian word form as a
    passive participle ("обиженный", "напуганный", "раздетый"): what an actor
    underwent describes a state, not the writer's judgement of the actor
    (guideline: states such as "пьяный", "перепуганные" are not
    evaluative), so the evaluative-word model does not score it; lexicon
    entries still decide."""
    return any("PRTF" in p.tag.grammemes and "pssv" in p.tag.grammemes for p in _parses(form) if p.is_known)


def _short_adjective(s, t):
    """Whether Russian token ``t`` is a short adjective the tagger took for a
    verb, a participle or a noun ("министр был бездарен", "мэр жаден":
    VERB with ``VerbForm=Part``; "труслив", "нечестен": NOUN): the tagger's
    lemma is an adjective, and every reading pymorphy3's dictionary knows of
    the form is a short adjective with that lemma (a real short participle,
    "арестован", "назначен", has a PRTS reading and is left alone)."""
    if s.lang != "ru" or s.upos[t] not in ("VERB", "AUX", "NOUN") or not s.text[t][:1].islower():
        return False
    lem = lower_key(s.lemma[t])
    if not lem.endswith(("ый", "ий", "ой")):
        return False
    return _only_short_adjective(lower_key(s.text[t]), lem)


@functools.lru_cache(maxsize=50_000)
def _only_short_adjective(form, lem):
    known = [p for p in _parses(form) if p.is_known]
    return bool(known) and all(p.tag.POS == "ADJS" and lower_key(p.normal_form) == lem for p in known)


@functools.lru_cache(maxsize=50_000)
def _participle_lemma(form):
    """The masculine nominative singular of a Russian participle form
    ("любящих" → "любящий", "сбежавшего" → "сбежавший"; a short form too:
    "коррумпированы" → "коррумпированный"), the form a lexicon
    lists a lexicalised participle under, or ``None``. Taggers lemmatise a
    participle to its verb ("любить"), which the lexicon does not score."""
    for p in _parses(form):
        if p.tag.POS in ("PRTF", "PRTS") and p.is_known:
            # a short passive participle ("коррумпированы") too: its full form, under which a
            # lexicon lists a participle of quality ("коррумпированный")
            infl = p.inflect({"PRTF", "masc", "sing", "nomn"})
            return lower_key(infl.word) if infl is not None else None
    return None


def _guessed_nouns(form):
    """Lemmas of the noun parses pymorphy3 guesses for a word form it does not
    know ("сексоголиков" → "сексоголик")."""
    return [lower_key(p.normal_form) for p in _parses(form) if "NOUN" in p.tag.grammemes]


@functools.lru_cache(maxsize=50_000)
def _common_gender(lemma):
    """Whether the dictionary (pymorphy3) knows a Russian lemma only as an
    animate noun of common gender (``ms-f``: "тихоня", "зануда", "растяпа",
    "пройдоха"), not as a name or a thing. Nouns of common gender are, with
    few exceptions, expressive characterisations of a person (Русская
    грамматика 1980, § 1137; Виноградов 1947, the "общий род" of
    characterising nouns in -а/-я): the measure scores them evaluative
    unless ``common_gender_neutral`` of ``epithet_cues.tsv`` lists them
    (roles such as "коллега", "судья", ethnonyms, crime roles, states).
    A lemma that is also a verb form ("выпивала") is left out."""
    if len(lemma) < 4 or not lemma.replace("-", "").isalpha():
        return False
    parses = _parses(lemma)
    nouns = [p for p in parses if p.is_known and "NOUN" in p.tag.grammemes and
             lower_key(p.normal_form) == lemma and "nomn" in p.tag.grammemes]
    if not nouns or any(p.tag.POS in ("VERB", "INFN", "PRTF", "PRTS", "GRND") for p in parses):
        return False  # also a verb form ("выпивала", "заводила"): the tagger's lemma may be the verb's form
    return all("ms-f" in p.tag.grammemes and "anim" in p.tag.grammemes and
               not ({"Surn", "Name", "Patr", "Geox", "Orgn", "Trad"} & p.tag.grammemes) for p in nouns)


_NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})


def _label_reading(s, t, lex):
    """The lexicon label or role (lemma) that a capitalised Russian word
    opening a sentence stands for when the tagger took it for a name
    ("Рашисты обстреляли …", "Коллаборанты помогали …", "Клептократы вывели
    …": rare words with a capital are read as names, their lemma left as
    written), or ``None``. The dictionary decides: a word it knows as a first
    name, surname, place or organisation stays a name; otherwise a noun
    reading (a guessed one for a coinage) whose lemma ``nominations.tsv`` or
    ``roles.tsv`` lists is that label, or a known noun of common gender that
    the lexicon scores ("Тихоня напал …", "Зануда выступил …": ``ms-f``
    characterisations, :func:`_common_gender`)."""
    if s.lang != "ru" or not s.text[t][:1].isupper() or s.text[t].isupper():
        return None
    parses = _parses(lower_key(s.text[t]))
    if any(_NAME_GRAMMEMES & p.tag.grammemes for p in parses if p.is_known):
        return None
    for p in parses:
        lem = lower_key(p.normal_form)
        if "NOUN" in p.tag.grammemes and (lem in lex.nom_exact or lem in lex.roles):
            return lem
    for p in parses:
        lem = lower_key(p.normal_form)
        if p.is_known and "NOUN" in p.tag.grammemes and _common_gender(lem) and lex.nomination(lem) is not None:
            return lem
    return None


def _thing_by_dictionary(s, t):
    """Whether the Russian dictionary (pymorphy3) reads the word form the
    tagger took for an animate noun as no person at all: an interjection
    ("блять", "бля"), or, for a word it does not know, only inanimate nouns by
    analogy ("криптоферм" as "-ферма"). The tagger's animacy of rare words is a
    guess; things are not actors (docs/epithets.md, "Actor")."""
    if s.lang != "ru":
        return False
    parses = _parses(lower_key(s.text[t]))
    if any(p.tag.POS == "INTJ" for p in parses):
        return True
    nouns = [p for p in parses if "NOUN" in p.tag.grammemes]
    # a word the dictionary knows keeps the tagger's reading in context ("злонамеренных акторов")
    return bool(nouns) and not any(p.is_known or "anim" in p.tag.grammemes for p in nouns)


def _person_by_dictionary(s, t, person_suffix):
    """Whether a Russian noun the tagger read as a thing is a person by the
    dictionary (pymorphy3): every noun reading of a known form is animate
    ("военкома"), or an unknown form with a person suffix ("-ист", "-щик") is
    guessed animate ("пингпонгист"). The mirror of :func:`_thing_by_dictionary`:
    the tagger's animacy of rare words is a guess."""
    if s.lang != "ru" or s.text[t][:1].isupper():
        return False  # a capitalised word may be a name ("Великая Новоселка")
    form = lower_key(s.text[t])
    known = _readings(form)
    if known:
        return all(r[1] for r in known)
    nouns = [p for p in _parses(form) if "NOUN" in p.tag.grammemes]
    return bool(nouns) and "anim" in nouns[0].tag.grammemes and bool(person_suffix.search(lower_key(s.lemma[t])))


def _thing_part(s, t, lem, lex):
    """Whether the first part of a Russian compound at ``t`` (lemma ``lem``)
    is its head and a thing by the dictionary ("товары-герои",
    "программах-вымогателях": only inanimate noun readings), not an
    organisation, institution, place or person noun the dictionary marks
    inanimate ("страна-агрессор", "звезда-скандалистка"). An uninflected
    first part before an inflected second one is a modifier, not the head
    ("интернет-воины")."""
    form = lower_key(s.text[t]).split("-")
    if s.lang != "ru" or len(form) < 2 or len(form[0]) < 3 or \
            form[0] in ("экс", "вице", "лже", "псевдо", "горе", "недо", "квази"):
        return False
    first, last = _readings(form[0]), _readings(form[-1])
    if any(r[0] == form[0] for r in first) and last and not any(r[0] == form[-1] for r in last):
        return False  # "интернет-воины": the first part does not inflect
    part = lem.split("-")[0]
    heads = {r[0] for r in first} | {part}
    if heads & (_INSTITUTIONS | lex.orgs | lex.roles | _INANIMATE_PERSONS | _PEOPLE_GROUPS |
                lex.inanimate) or any(lex.is_title(h) for h in heads):
        return False
    return bool(first) and not any(r[1] for r in first)


def _dictionary_genitive(form):
    """The lemma of a genitive inanimate noun reading of ``form`` that the
    dictionary knows, for a domain the tagger gave another case
    ("шашлычек": genitive plural of "шашлычка", tagged instrumental), else
    ``False``."""
    ps = _parses(form)
    for i, p in enumerate(ps):
        g = p.tag.grammemes
        if "NOUN" in g and "gent" in g and "inan" in g and (p.is_known or i == 0):
            return lower_key(p.normal_form)
    return False


def _infinitive(s, k):
    """Whether token ``k`` is an infinitive, by the tagger or, where the
    tagger read a rare one as a noun ("пошептаться"), by the dictionary's
    first parse."""
    if s.feats(k).get("VerbForm") == "Inf":
        return True
    ps = _parses(lower_key(s.text[k]))
    return bool(ps) and "INFN" in ps[0].tag.grammemes
