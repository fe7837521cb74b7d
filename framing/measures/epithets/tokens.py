"""Token and phrase helpers of the epithet measure: parts of speech, spans,
noun-phrase edges, subjects, sentence openers."""

from __future__ import annotations

from ...lang.punct import DASHES
from .._names import agree, lower_key
from .morph import _is_noun, _person_by_dictionary, _thing_by_dictionary, _thing_part  # noqa: F401  (_is_noun: re-exported)
from .words import (
    _ANIMALS, _CLOSE_Q, _COPULA_VERBS, _FORCES, _INANIMATE_PERSONS, _INSTITUTIONS, _OPEN_Q, _PAUCAL, _PEOPLE_GROUPS, _PRONOMINAL,
    _PERSON_SUFFIX, _PLACE_PREPOSITIONS, _REL_WORDS, _SENTENCE_OPENERS, _SMALL_ANIMALS,
)


def _opens(s, t):
    """Whether token ``t`` may open a sentence, a line or a quotation (a
    capitalised word there need not be a name)."""
    return t == 0 or s.text[t - 1] in _SENTENCE_OPENERS or s.text[t - 1] in _OPEN_Q or \
        s.start[t] - s.end[t - 1] >= 2  # a line break the sentence splitter did not see


def _person_like(s, m, span):
    """A person's mention, also when the tagger typed it otherwise: an animate
    proper name ("губернатор Федорищев" tagged LOC)."""
    if m["type"] == "PER":
        return True
    h = span[-1]
    return m["type"] != "ORG" and s.upos[h] == "PROPN" and s.feats(h).get("Animacy") == "Anim" and \
        len(span) <= 3 and not s.text[h].isupper()


def _is_adj(s, i):
    if s.upos[i] == "ADJ":
        return True
    if s.upos[i] == "NOUN" and s.has_syntax and s.deprel[i] == "amod" and s.lang == "ru" and \
            s.lemma[i].endswith(("ый", "ий", "ой")):
        return True  # "опального чиновника" tagged NOUN: the parse and the lemma say adjective
    f = s.feats(i)
    return s.upos[i] in ("VERB", "AUX") and f.get("VerbForm") == "Part" and "Case" in f


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


def _pronominal(s, a):
    """Pronominal and quantifying adjectives ("сам", "этот", "другие") are not epithets."""
    return s.lemma[a] in _PRONOMINAL or s.upos[a] in ("DET", "PRON", "NUM") or \
        (s.feats(a).get("NumType") in ("Card",))


def _lemmas(s, toks):
    return " ".join(s.lemma[t] for t in sorted(toks) if not s.is_punct(t))


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
                not (s.head[i] > i and s.head[i] < g and s.head[s.head[i]] == g) and s.deprel[i] != "dep":
            break  # ("dep": the parser did not know where the adjective goes; agreement decides)
        out.insert(0, i)
        i -= 1
    return out


def _is_subject(s, t):
    if s.has_syntax:
        return s.deprel[t].startswith("nsubj")
    # without a parse: no verb or preposition before it in its clause, or the
    # inverted subject of a reporting clause ("…», — написав глава держави")
    if t >= 2 and s.upos[t - 1] == "VERB" and (s.text[t - 2] in DASHES or s.text[t - 2] == ","):
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


def _actor_noun(s, t, lem, lex):
    """A common noun that stands for an actor: a person, a group of people, an
    organisation, an authority (docs/epithets.md, "Actor")."""
    if lem in _ANIMALS or lem in _SMALL_ANIMALS or lem.split("-")[0] in _ANIMALS:
        return False  # also "пёс-толстяк"
    if "-" in lem and _thing_part(s, t, lem, lex):
        return False  # "товары-герои": a thing
    if lem in lex.roles or lem in lex.orgs or lem in _INSTITUTIONS or lex.is_title(lem) or lem in _PEOPLE_GROUPS or \
            lem in _INANIMATE_PERSONS:
        return True
    if lex.nomination(lem) is not None:
        return True
    if lem in _FORCES:
        return _armed_forces(s, t, lex)
    head = lem.split("-")[0]
    if "-" in lem and head != lem and (head in lex.roles or lex.is_title(head)) and s.upos[t] == "NOUN":
        return True  # "депутат-пивозавр", "блогер-миллионер": a person whatever the tagger's animacy
    if s.upos[t] != "NOUN":
        return False
    if s.feats(t).get("Animacy") == "Inan":
        return _person_by_dictionary(s, t, _PERSON_SUFFIX)  # "украинский военком", "шведский пингпонгист"
    return s.feats(t).get("Animacy") == "Anim" and not _thing_by_dictionary(s, t)




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


def _name_part(s, a):
    """A capitalised adjective inside a sentence is part of a name ("Таганский суд")."""
    return a > 0 and s.text[a][:1].isupper() and not s.is_punct(a - 1) and not s.text[a].isupper() and \
        not (_opens(s, a) and a + 1 < len(s) and s.text[a + 1][:1].islower())
    # a line the sentence splitter did not end opens with a capital ("Американский журналист";
    # not "Великая Новоселка")


def _name_words(s, toks):
    """Capitalised words inside a descriptor that are not its first word: parts
    of names ("Героя России", "Союзного государства"), not evaluations."""
    toks = sorted(toks)
    return {t for t in toks[1:] if s.text[t][:1].isupper() and not s.text[t].isupper() and not s.is_punct(t - 1)}


def _forces_in_any_position(s, t, lex):
    """Whether "силы" at ``t`` is an armed force wherever it stands (an
    object, an oblique: "борьба с антигосударственными силами", "позиции
    украинских сил"), not only as a subject: an agreeing adjective of the
    noun phrase that places it (relational: "украинских") or judges it
    (a lexicon adjective, "оккупационными"), not an adjective from a present
    participle ("движущие силы", "ужасающие силы": forces of nature or of
    history, figures of speech)."""
    if lower_key(s.lemma[t]) not in _FORCES or s.feats(t).get("Number") != "Plur":
        return False
    for a in _np_left(s, t, {}):
        k = lower_key(s.lemma[a])
        if s.upos[a] != "ADJ" or not k.endswith(("ый", "ий", "ой")) or k.endswith("щий") or \
                s.feats(a).get("Case") != s.feats(t).get("Case"):
            continue  # a verb the tagger read as an adjective ("восстанавливаете силы"), a participle
        if k in lex.relational or abs(lex.polarity(k) or 0) >= 0.3:
            return True
    return False


def _armed_forces(s, t, lex):
    """Whether "силы" (``forces`` of ``epithet_cues.tsv``) at ``t`` is an armed
    force (an actor, docs/epithets.md): plural, with an agreeing adjective
    that names whose forces they are ("украинские силы", a relational
    adjective) or judges them ("оккупационные силы"); not "все силы",
    "силы природы" or the fixed term "Вооружённые силы"."""
    if s.feats(t).get("Number") != "Plur":
        return False
    adjs = set(_np_left(s, t, {}))
    if s.has_syntax:
        adjs |= {c for c in s.children(t) if s.deprel[c] == "amod" and _is_adj(s, c)}
    for a in adjs:
        k = lower_key(s.lemma[a])
        if k in lex.relational or abs(lex.polarity(k) or 0) >= 0.3 or \
                (lex.model is not None and lex.model_polarity(k, "ADJ") is not None):
            return True
    return False


def _place_phrase(s, h):
    """Whether token ``h`` (a name's head) is the object of a preposition of place, parsed or right
    before it (with at most two adjectives between: "в самопровозглашенной ДНР")."""
    if s.has_syntax and any(s.deprel[c] == "case" and lower_key(s.text[c]) in _PLACE_PREPOSITIONS
                            for c in s.children(h)):
        return True
    k = h - 1
    while k >= 0 and k >= h - 3 and (_is_adj(s, k) or s.text[k] in _OPEN_Q or s.text[k] in _CLOSE_Q):
        k -= 1
    return k >= 0 and lower_key(s.text[k]) in _PLACE_PREPOSITIONS and s.upos[k] == "ADP"
