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

import re

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


def _subtree(S, k: int) -> tuple[int, int]:
    lo = hi = k
    stack = [k]
    while stack:
        x = stack.pop()
        lo, hi = min(lo, x), max(hi, x)
        stack.extend(S.children[x])
    return lo, hi


def governed_content(S, c):
    """Content the parse attaches to the verb beyond the words right after it: a directive's
    infinitive or "к"/"о" phrase after a long addressee ("призвал стороны украинского конфликта
    к сдержанности", "потребовали от властей немедленно заключить сделку"), a directive's
    genitive object ("попросил помощи", "потребовали отставки"), an admission's, denial's or
    accusation's object before the verb ("Котов вину не признал"). Returns the content's token
    span or None."""
    kids = [k for k in S.children[c.v] if not any(S.bound(x) and S.text[x] not in (",",) for x in
                                                  range(min(k, c.v) + 1, max(k, c.v)))]
    if c.verb_class in ("directive", "commissive"):
        # the parse often hangs "к сдержанности" on the addressee ("призвал стороны … к …")
        addressee = [x for k in kids if S.deprel[k] in ("obj", "iobj") and k > c.v for x in S.children[k]
                     if S.deprel[x] == "nmod" and any(S.low[m] == "к" for m in S.children[x])]
        for k in kids + addressee:
            if k < c.v:
                continue
            if S.feats[k].get("VerbForm") == "Inf" and S.deprel[k] in ("xcomp", "ccomp", "advcl", "obj"):
                return _subtree(S, k)
            marks = [x for x in S.children[k] if S.deprel[x] == "case"]
            if S.deprel[k] in ("obl", "iobj", "nmod") and any(S.low[x] in ("к", "о", "об") for x in marks):
                return _subtree(S, k)
            if c.verb_class == "directive" and S.deprel[k] == "obj" and S.upos[k] == "NOUN" and S.case(k) == "Gen" \
                    and S.feats[k].get("Animacy") == "Inan":
                return _subtree(S, k)
    if c.verb_class in ("admission", "denial", "accusation"):
        for k in kids:
            if k < c.v and S.deprel[k] == "obj" and S.upos[k] == "NOUN" and S.case(k) == "Acc" \
                    and not any(S.case(x) == "Ins" for x in S.children[c.v]):
                return _subtree(S, k)      # "вину он признал", not "банкротом компанию признали"
    return None


def quote_sequence(text: str, cs: int, ce: int, quotes):
    """Direct speech given as several quotations in a row, "скандировали: «Россия будет
    свободной!», «Свободу политзаключенным!»": the character span from the first quotation's
    text to the last one's, when nothing but commas, "и" and spaces stands between them;
    else None."""
    qs = sorted((q for q in quotes if q.open >= cs - 1 and q.close <= ce + 1),
                key=lambda q: q.open)
    if len(qs) < 2:
        return None
    rest, last = [], cs
    for q in qs:
        rest.append(text[last:q.open])
        last = q.close + 1
    rest.append(text[last:ce])
    if any(re.sub(r"[\s,.;!?…—–-]|\bи\b", "", piece) for piece in rest):
        return None
    return qs[0].inner[0], qs[-1].inner[1]
