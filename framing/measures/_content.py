"""Non-clausal reported content (the guideline's form ``other``) for :mod:`framing.measures.attribution`.

A reporting verb whose content is a noun phrase or a prepositional phrase
rather than a clause: a stance with a noun-phrase object ("аналитики ожидают
снижения ставки", "в Кремле не исключают новых переговоров"), an assurance
with "в" ("заверил граждан в безопасности"), an evaluation with its reason
("осудил Россию за удары"). Which verbs take which content is lexicon data:
the ``requires`` column of ``reporting_verbs.tsv`` (``stance``: a clause, a
predicative or a noun-phrase object; ``stance_negated``: the same, a
noun-phrase object only under negation) and the ``not_stance_object`` words of
``attribution_words.tsv`` (objects of waiting, not of expecting: "ожидает
суда").

References
----------
Падучева, Е. В. (2004). *Динамические модели в семантике лексики*, ch. on
verbs of speech and propositional attitude. Языки славянской культуры.
"""

from __future__ import annotations

#: ``requires`` values of verbs that take a noun-phrase object as their content
STANCE = ("stance", "stance_negated")

_OBJECT_UPOS = ("NOUN", "PROPN", "ADJ", "NUM")
_OBJECT_CASES = ("Gen", "Acc")


def stance_object(S, c, R, a: int, b: int) -> bool:
    """A stance verb's content is the noun phrase it governs: "ожидают снижения ставки",
    "не исключают новых переговоров", "опасаются рецессии" (a genitive or accusative noun
    or adjective first in the content span [a, b]; a pronoun is anaphoric, not content).
    The speaker must be named; ``stance_negated`` verbs ("исключать") only under negation
    ("исключили из партии" is no stance); a waiting object ("ожидает суда") is no stance."""
    if c.requires not in STANCE or c.spk is None:
        return False
    if c.requires == "stance_negated" and not c.negated:
        return False
    if S.upos[a] not in _OBJECT_UPOS or S.case(a) not in _OBJECT_CASES:
        return False
    h = a
    while h < b and S.upos[h] in ("ADJ", "NUM", "DET"):
        h += 1            # the noun of "новых переговоров"
    return S.upos[h] in ("NOUN", "PROPN") and S.lem[h] not in R.words.get("not_stance_object", ())


def pp_content(S, c, R, a: int, b: int) -> bool:
    """A prepositional phrase that carries the content of an assurance or a charge:
    "заверил граждан в безопасности", "уверяет в невиновности" (distancing verbs with
    "в" + locative), "осудил Россию за удары", "раскритиковал власти за бездействие"
    (accusation verbs with "за" + accusative, the object before it), "объяснил отставку
    состоянием здоровья" (an explaining verb with the reason in the instrumental)."""
    end = min(b + 1, a + 5)
    if c.verb_lemma in R.words.get("explain_verb", ()):
        # "объяснил отставку состоянием здоровья": the reason in the instrumental is the content
        return any(S.case(x) == "Ins" and S.upos[x] == "NOUN" for x in range(a, b + 1))
    if c.verb_class == "distancing":
        return any(S.low[x] in ("в", "во") and x + 1 <= b and S.case(x + 1) == "Loc" for x in range(a, end))
    if c.verb_class == "accusation":
        return any(S.low[x] == "за" and x > a and x + 1 <= b and S.case(x + 1) == "Acc" for x in range(a, end))
    return False


def fronted_infinitive(S, c):
    """A directive's or commissive's infinitive content put before the verb: "Дать гражданство
    режиссёру попросили общественники" (an infinitive dependent of the verb, before it, in the
    same clause). Returns the content's token span (the infinitive to the token before the
    verb) or None."""
    if c.verb_class not in ("directive", "commissive"):
        return None
    k = next((k for k in S.children[c.v] if k < c.v and S.feats[k].get("VerbForm") == "Inf"
              and S.deprel[k] in ("xcomp", "ccomp", "csubj") and not any(S.bound(x) for x in range(k + 1, c.v))), None)
    return None if k is None else (k, c.v - 1)
