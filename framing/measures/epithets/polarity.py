"""The polarity of a descriptor read in context: lexicon, morphology,
evaluative-word model, adverbs of manner, literal and award readings."""

from __future__ import annotations

from .._names import lower_key
from .words import (
    _ADDRESS, _AWARD_CONTEXT, _BODY_VERBS, _CLOSE_Q, _ENDEARMENT, _INSTITUTIONS, _METAPHOR_HEADS,
    _METAPHOR_INFINITIVE, _METAPHOR_LITERAL, _NOT_MANNER, _NOT_REFERRING, _OPEN_Q, _PENAL, _PLACES, _SO_CALLED, _SUPERLATIVE,
)
from .tokens import _is_adj
from .morph import (
    _animate, _dictionary_genitive, _infinitive, _parses, _participle_lemma, _person_form, _short_adjective,
    _undergone,
)
from .lexicon import EVALUATIVE_THRESHOLD, _feminine_base


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
        # a participle, also one the tagger calls an adjective with its verb's lemma
        # ("Просроченный" → "просрочить" opening a sentence)
        part_lemma = _participle_lemma(lower_key(s.text[t])) if s.lang == "ru" and \
            (s.feats(t).get("VerbForm") == "Part" or
             (s.upos[t] == "ADJ" and lower_key(s.lemma[t]).endswith(("ть", "ться", "чь", "чься")))) else None
        listed_participle = part_lemma is not None and lex.exact.get(part_lemma) is not None
        quality_participle = s.feats(t).get("VerbForm", "Part") == "Part" and \
            lower_key(s.lemma[t]) in lex.quality_verbs or listed_participle  # "зарвавшийся": a verb of character
        if not quality_participle and not _short_adjective(s, t) and \
                (s.upos[t] in ("ADP", "CCONJ", "SCONJ", "PRON", "DET", "PART", "PUNCT", "NUM", "AUX", "VERB", "ADV") or
                 s.feats(t).get("VerbForm") in ("Part", "Conv", "Inf", "Fin")):
            continue  # a short adjective the tagger took for a participle ("бездарен") is scored
        if lower_key(s.lemma[t]) in lex.nonjudging:
            continue
        if lower_key(s.lemma[t]) in _ADDRESS and t <= 2 and \
                any(s.text[x] in ("!", ",") for x in range(t + 1, min(t + 4, len(s)))):
            continue  # "Уважаемые коллеги!": a formal form of address
        if lower_key(s.lemma[t]) in _ENDEARMENT and _vocative(s, t):
            best = 0.5 if best is None or abs(best) < 0.5 else best
            continue  # "Дорогие сибайцы, …": an affectionate address is sympathy
        if lex.literal_here(s.lemma[t]):
            continue  # "тайный агент", "звезда" in the sky: used literally here
        if _penal(s, t) or _award(s, t):
            continue  # "колонии строгого режима", "лучший игрок чемпионата"
        if "-" in s.lemma[t] and _is_adj(s, t) and lower_key(s.lemma[t]) not in lex.exact:
            continue  # "социал-демократический": not scored by its most extreme part
        p = lex.polarity(part_lemma if listed_participle else s.lemma[t])  # "любящих": the listed "любящий"
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


_VOCATIVE_LEFT = frozenset({",", "!", "?", ".", "…"}) | frozenset(_OPEN_Q)
_VOCATIVE_RIGHT = _VOCATIVE_LEFT | frozenset(_CLOSE_Q) | {":", "—", "–"}


def _vocative(s, t):
    """Whether adjective ``t`` opens a vocative: set off by punctuation or the
    sentence edge on both sides (not after a dash, which opens a predicate:
    "часики — золотые,"), alone and in lower case ("Давай газу, родной!")
    or with an animate noun ("Дорогие сибайцы, …")."""
    if t > 0 and (s.text[t - 1] not in _VOCATIVE_LEFT or (s.text[t - 1] == "," and s.text[t][:1].isupper())):
        return False  # after a comma a capital is a name («Золотой», a project)
    k = t + 1
    if k < len(s) and s.upos[k] in ("NOUN", "PROPN"):
        if s.feats(k).get("Animacy") != "Anim":
            return False
        k += 1
    return k >= len(s) or s.text[k] in _VOCATIVE_RIGHT


def _refers(s, t):
    """Whether noun ``t`` stands for a participant by the parse: a subject,
    object, oblique, apposition, vocative or conjunct, not part of a name or a
    compound."""
    return not s.has_syntax or s.deprel[t] not in _NOT_REFERRING


def _adverb_polarity(s, t, lex):
    """The polarity of a manner adverb inside a relative clause, read from the
    quality adjective it derives from ("плохо" ← "плохой", "нагло" ←
    "наглый", "безответственно" ← "безответственный"): how the actor acts
    judges the actor (guidelines: evaluative content of a relative clause).
    The lexicons decide; the word model scores adjectives they do not list.
    Degree adverbs ("крайне", "страшно") and "хорошо" (also "well", as in
    "хорошо знает") are left out."""
    k = lower_key(s.lemma[t])
    if k.startswith(("по-", "по‑")):
        k = k[3:]  # "по-хамски" is "хамски"
    if k in _NOT_MANNER or len(k) < 4 or not k.endswith(("о", "е", "ски", "цки")):
        return None
    if s.has_syntax and 0 <= s.head[t] < len(s) and lower_key(s.lemma[s.head[t]]) in _BODY_VERBS:
        return None  # "кто плохо себя чувствует", "плохо видит": health, not character
    # "нагло" ← "наглый"; "героически", "по-хамски" ← "героический", "хамский"
    for end in (("ий",) if k.endswith("и") else ("ый", "ий", "ой")):
        adj = k[:-1] + end
        p = lex.polarity(adj)
        if p is not None and p == p and abs(p) >= EVALUATIVE_THRESHOLD:
            return p
    if lex.model is not None and s.lang == "ru":
        for p in _parses(lower_key(s.text[t])):
            if p.tag.POS == "ADVB" and p.is_known:
                adj = next((x.normal_form for x in _parses(k[:-1] + "ый") + _parses(k[:-1] + "ий")
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
        if s.lang == "ru" and _undergone(lower_key(s.text[t])):
            return None  # "обиженный любовник": a state the actor underwent
        if clause and s.has_syntax and s.deprel[t] == "amod" and 0 <= s.head[t] < len(s) and \
                s.feats(s.head[t]).get("Animacy") == "Inan":
            return None
        return lex.model_polarity(s.lemma[t], "ADJ")
    if s.upos[t] == "NOUN" and s.feats(t).get("Animacy") == "Anim" and _person_form(s, t):
        return lex.model_polarity(s.lemma[t], "NOUN")
    return None


def _metaphor(s, toks, lex):
    """The polarity of a metaphorical label among ``toks``: a monarchy or
    similar head with the genitive of a domain ("король рок-н-ролла",
    "королева марафонов", "гроза шашлычных", "укротитель всего
    заниженного"), not of a realm (a country's name, "страна", a place) or of
    a contest ("королева красоты"); a skill head with an infinitive
    ("мастеров пошептаться"); else ``None``.
    A praising head over a domain the lexicon scores negative is blame
    ("король взяток", "царь лжи")."""
    for t in toks:
        lem = lower_key(s.lemma[t])
        k = t + 1
        if lem in _METAPHOR_INFINITIVE and k < len(s) and _infinitive(s, k):
            # "мастер пошептаться": a skill made a person's name; blame when the deed is ("мастер приврать")
            dom = lex.exact.get(lower_key(s.lemma[k]))
            return -_METAPHOR_INFINITIVE[lem] if dom is not None and dom == dom and dom <= -EVALUATIVE_THRESHOLD \
                else _METAPHOR_INFINITIVE[lem]
        v = _METAPHOR_HEADS.get(lem)
        if v is None or k >= len(s):
            continue
        if lower_key(s.text[k]) in _ALL_WORDS and k + 1 < len(s):
            k += 1  # "гроза всех …", "укротитель всего …"
        if s.text[k] in _OPEN_Q and k + 1 < len(s) and any(s.text[x] in _CLOSE_Q for x in range(k + 2, min(len(s), k + 8))):
            return v  # the quoted name of a show, a team or a work: "звезда «Реальных пацанов»" (round twenty)
        if s.upos[k] in ("ADJ", "DET") and s.feats(k).get("Case") == "Gen" and k + 1 < len(s):
            k += 1
        g = lower_key(s.lemma[k])
        gen = s.feats(k).get("Case") == "Gen" or _dictionary_genitive(lower_key(s.text[k]))
        if gen and s.upos[k] == "NOUN" and gen is not True:
            g = gen  # the tagger's lemma of a misread case ("шашлычек" → шашлычек, not шашлычка)
        if s.upos[k] == "NOUN" and gen and s.feats(k).get("Animacy") != "Anim" and \
                g not in _METAPHOR_LITERAL and g not in _INSTITUTIONS and g not in _PLACES and \
                g not in lex.orgs and not s.text[k][:1].isupper():
            dom = lex.exact.get(g)
            if v > 0 and dom is not None and dom == dom and dom <= -EVALUATIVE_THRESHOLD:
                return -v  # a realm of vice is blame: "король взяток", "королева скандалов"
            return v
    return None


#: the quantifier between a metaphor head and its domain ("гроза всех иноагентов")
_ALL_WORDS = frozenset({"всех", "всего", "всей"})
