"""Where a report's content is and what form it has.

``_frame`` reads the words around a cue (a "что" clause, a colon, a quotation, an
inversion, an as-frame, an anaphoric "об этом"); ``_requires_ok`` checks a
verb's ``requires`` column against the content found; ``_finish_content`` sets
the content's offsets, quote type and markers.

Non-clausal reported content (the guideline's form ``other``):

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

from ...lang.punct import CLOSING_ONLY_QUOTES, LONG_DASHES, OPENING_QUOTES
from .markers import _marker_hits
from .quotes import QUOTE_CHARS
from .sentence import (_Cue, _Sent, _clause_left, _content_end, _first_bound, _is_report_verb, _line_end, _markup,
                       _media_at, _span_from, support_verb, supported_object)
from .words import _BOUND, _INFINITIVE, _NOMINAL, _Res, _legal

_QUOTE_ENDS = CLOSING_ONLY_QUOTES + '"'   # the last mark of a quotation

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
    while a < b and S.case(a) == "Dat" and S.upos[a] in ("NOUN", "PROPN", "ADJ", "DET", "PRON"):
        a += 1            # the one a prediction is made for: "предрекли Киеву сокрушительный ответ",
        # "предрек ему большое будущее" (issue #12, ninth round)
    if S.upos[a] not in _OBJECT_UPOS or S.case(a) not in _OBJECT_CASES:
        return False
    h = a
    while h < b and S.upos[h] in ("ADJ", "NUM", "DET"):
        h += 1            # the noun of "новых переговоров"
    if c.requires == "stance_negated":
        # "не исключил встречу Путина и Трампа" (any noun: the waiting objects below are "ожидать"'s);
        # affirmative only with a possibility or course ruled out (``ruled_out_object``: "Шольц исключил
        # поставки Taurus", "исключил возможность отставки"), not a member or item removed
        # ("исключили его из партии", "исключило пункт о пенсиях")
        return S.upos[h] == "NOUN" and (c.negated or (
            S.lem[h] in R.words.get("ruled_out_object", ()) and S.case(h) in (None, "Acc")
            and not any(S.low[x] in R.words.get("removal_prep", ()) for x in range(a, b + 1))))
    if c.verb_lemma in R.words.get("possibility_verb", ()) and (
            S.lem[h] in R.words.get("committed_object", ()) or c.negated or S.feats[c.v].get("Tense") == "Fut"):
        return False      # "допустил ошибку": committed; "не допустит получения …": will not allow (not
        # "допустила введение ограничений", a possibility admitted)
    return S.upos[h] in ("NOUN", "PROPN") and (S.lem[h] not in R.words.get("not_stance_object", ())
                                              or c.verb_lemma in R.words.get("prediction_verb", ()))


def as_phrase(S, c, R, a: int, b: int) -> bool:
    """The content of a verb of evaluation or description is a "как"-phrase right after its
    object: "охарактеризовал ситуацию как катастрофическую", "расценили заявление как
    провокацию", "эту область определили как «прикладное искусство»" (the guideline's evaluation,
    form other; issue #12, twelfth round).  The verb is an ``as_verb`` of attribution_words.tsv;
    "как" is followed by an adjective, a noun or a quotation, not by "только", "можно", a verb."""
    if not any(l in R.words.get("as_verb", ()) for l in S.lems[c.v]):
        return False
    for x in range(a, min(b, a + 6)):
        if S.low[x] in R.words.get("as_word", ()) and S.upos[x] in ("SCONJ", "ADP", "ADV", "PART"):
            y = x + 1
            return y <= b and (S.text[y] in QUOTE_CHARS or (S.upos[y] in ("ADJ", "NOUN", "PROPN", "DET")
                                                           and S.low[y] not in R.fw["neg"]))
        if S.bound(x) or S.finite(x):
            return False
    return False


def _first_noun(S, a: int, b: int):
    """The first token of ``a..b`` past adjectives and numerals, if it is a noun."""
    h = a
    while h < b and S.upos[h] in ("ADJ", "NUM", "DET"):
        h += 1
    return h if S.upos[h] == "NOUN" else None


def pp_content(S, c, R, a: int, b: int) -> bool:
    """A prepositional phrase that carries the content of an assurance or a charge:
    "заверил граждан в безопасности", "уверяет в невиновности" (distancing verbs with
    "в" + locative), "осудил Россию за удары", "раскритиковал власти за бездействие"
    (accusation verbs with "за" + accusative, the object before it), "объяснил отставку
    состоянием здоровья" (an explaining verb with the reason in the instrumental)."""
    end = min(b + 1, a + 5)
    if c.verb_lemma in R.words.get("link_verb", ()):
        # "связывают рост спроса с сезонностью", "сравнил министра с Чемберленом", "поздравил
        # коллег с победой": what is linked, compared or congratulated on, with "с" + instrumental
        # a person linked is a connection, not a judgement ("связал с «аналитиком»"), save a comparison
        return any(S.low[x] in R.fw.get("with_prep", ()) and x + 1 <= b and S.case(x + 1) == "Ins"
                   and (c.verb_class == "accusation" or S.feats[x + 1].get("Animacy") != "Anim")
                   for x in range(a, min(b + 1, a + 8)))
    if c.verb_lemma in R.words.get("estimate_verb", ()):
        # "оценил эффективность вакцины в 90%", "оценивает ущерб в миллион": the estimate, "в" + a number
        return any(S.low[x] in ("в", "во") and x + 1 <= b and S.upos[x + 1] == "NUM" for x in range(a, min(b + 1, a + 8)))
    if c.verb_lemma in R.words.get("explain_verb", ()):
        # "объяснил отставку состоянием здоровья": the reason in the instrumental is the content
        return any(S.case(x) == "Ins" and S.upos[x] == "NOUN" for x in range(a, b + 1))
    if c.verb_class == "distancing" or (c.verb_class == "belief" and c.verb_lemma.startswith(("быть ", "бути "))):
        # (and a belief predicative: "уверен в своей победе"; its "в себе" is no content)
        return any(S.low[x] in ("в", "во") and x + 1 <= b and S.case(x + 1) == "Loc"
                   and (c.verb_class == "distancing" or S.upos[x + 1] != "PRON") for x in range(a, end))
    if c.verb_class == "accusation":
        return any(S.low[x] == "за" and x > a and x + 1 <= b and S.case(x + 1) == "Acc" for x in range(a, end))
    return False


def _capital_infinitive(S, k: int) -> bool:
    """An infinitive opening the sentence that the tagger read as a name for its capital
    letter ("Ужесточить до 25 лет наказание … предложили в России": PROPN)."""
    return k == 0 and S.upos[k] == "PROPN" and S.low[k].endswith(_INFINITIVE)


def fronted_infinitive(S, c):
    """A directive's or commissive's infinitive content put before the verb: "Дать гражданство
    режиссёру попросили общественники" (an infinitive dependent of the verb, before it, in the
    same clause). Returns the content's token span (the infinitive to the token before the
    verb) or None."""
    if c.verb_class not in ("directive", "commissive"):
        return None
    k = next((k for k in S.children[c.v] if k < c.v and (S.feats[k].get("VerbForm") == "Inf" or _capital_infinitive(S, k))
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


def governed_content(S, c, R):
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
    if c.verb_lemma in R.words.get("offer_verb", ()):
        # an offer: "предложил ему должность главы МИД", "Свою помощь предложили несколько стран"
        for k in kids:
            if S.deprel[k] == "obj" and S.upos[k] == "NOUN" and S.case(k) == "Acc" and S.feats[k].get("Animacy") == "Inan":
                return _subtree(S, k)
    if c.verb_class in ("admission", "denial", "accusation"):
        for k in kids:
            if k < c.v and S.deprel[k] == "obj" and S.upos[k] == "NOUN" and S.case(k) == "Acc" \
                    and not any(S.case(x) == "Ins" for x in S.children[c.v]):
                return _subtree(S, k)      # "вину он признал", not "банкротом компанию признали"
    return None


def _predicative_child(S, v: int, R):
    """The predicative the parse attaches to the verb at ``v`` wherever it stands (an ``xcomp``
    common noun or adjective in the instrumental by its tag or by its ending, ``ins_ending`` of
    function_words.tsv, as the tagger often gives such a word another case: "назвала это
    свинством", "Тотальной фальсификацией назвала …", "Ее считают пророссийской"), not a
    capitalised name given to a child or a pet ("назвали дочь Россией", "называют Фисташкой");
    its index or None."""
    for k in S.children[v]:
        if S.deprel[k] != "xcomp" or S.upos[k] not in ("NOUN", "ADJ") or S.feats[k].get("VerbForm") == "Inf" \
                or not (S.case(k) == "Ins" or S.low[k].endswith(tuple(R.fw.get("ins_ending", ())) or ("\0",))):
            continue
        first = k
        while first > 0 and S.text[first - 1] in QUOTE_CHARS:
            first -= 1
        if S.text[k][:1].isupper() and first > 0 and not S.bound(first - 1):
            continue
        return k
    return None


def named_predicative(S, c, R) -> bool:
    """A ``naming_verb`` with a predicative of :func:`_predicative_child`: "назвал картину,
    вышедшую …, «фейковой»" (the predicative past the comma that ends the object)."""
    return any(l in R.words.get("naming_verb", ()) for l in S.lems[c.v]) and _predicative_child(S, c.v, R) is not None


def indefinite_predicative(S, c, R) -> bool:
    """An indefinite-personal naming or belief with a predicative and no subject: "Ее считают
    пророссийской", "Их называют виновными в …", "Предварительной версией аварии называют
    ошибку пилотирования" (a report with an empty speaker, as "Ее попросили …")."""
    f = S.feats[c.v]
    if c.spk is not None or f.get("VerbForm") not in (None, "Fin") or f.get("Person") not in (None, "3") \
            or f.get("Number") != "Plur" or f.get("Tense") == "Fut" or f.get("Mood") == "Imp":
        return False
    if S.lem[c.v].endswith(("ся", "сь")):
        return False          # "считаются зоной деэскалации", "считаются ограниченно годными": a status
    naming = any(l in R.words.get("naming_verb", ()) for l in S.lems[c.v])
    k = _predicative_child(S, c.v, R)
    if k is None or not (naming or c.verb_class == "belief"):
        return False
    # a naming's bare noun is a term, not an evaluation ("Таких людей называют дропами",
    # "клопы, которых называют вонючками"); an adjective or a noun with its modifiers evaluates
    # ("называют самым скандальным его шагом", "Их называют виновными")
    return not naming or S.upos[k] == "ADJ" or any(S.deprel[x] in ("amod", "nmod") for x in S.children[k])


def far_infinitive(S, c, R):
    """A directive's or commissive's infinitive past a long addressee: "призвал других
    губернаторов, госкорпорации и банки, которые финансируют российский футбол, поддержать
    его", "призвало россиян, находящихся в стране, сохранять спокойствие", "предложила Хантеру
    Байдену в деятельности по помощи зависимым начать с …" (the parse hangs such an infinitive
    on the relative clause or on a noun). The first infinitive after the verb in its clause, past
    relative and participial clauses set off by commas, with no finite verb of the main clause, no
    content clause, quotation, dash or line break between; its index or None."""
    if c.verb_class not in ("directive", "commissive"):
        return None
    inside = False            # inside a relative or participial clause opened by a comma
    for x in range(c.cue[1] + 1, min(S.n, c.cue[1] + 30)):
        t = S.text[x]
        if t == "(":
            inside = True     # a bracketed aside: "предложил Евгению Ушакову (Жека в миру) сломать кость"
            continue
        if t == ")" and inside:
            inside = False
            continue
        if t in (".", ";", ":", "!", "?") or t in QUOTE_CHARS or t in LONG_DASHES \
                or x in getattr(S, "nl", ()) or S.low[x] in R.fw["comp"]:
            return None
        if t == ",":
            y = x + 1 + (x + 2 < S.n and S.upos[x + 1] == "ADP")      # ", в которой …"
            inside = y < S.n and (S.lem[y] in R.fw["rel"] or S.low[y] in R.fw["rel"]
                                  or (S.feats[y].get("VerbForm") == "Part" and S.feats[y].get("Variant") != "Short"))
            continue
        if inside:
            continue
        if S.feats[x].get("VerbForm") == "Inf":
            return x
        if S.finite(x):
            return None
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


def _parenthetical_lead(S: _Sent, c: _Cue, R: _Res) -> bool:
    """A finite verb of saying (neutral class) that opens its clause with no subject and is
    followed by a comma and a clause of its own ("Говорит, стыдно", "Пишет, все в порядке")."""
    v0, v1 = c.cue
    f = S.feats[c.v]
    if c.verb_class != "neutral" or f.get("VerbForm") not in (None, "Fin") or f.get("Person") in ("1", "2") \
            or v1 + 2 >= S.n or S.text[v1 + 1] != "," or c.spk is not None:
        return False
    if not (v0 == 0 or S.bound(v0 - 1) or S.low[v0 - 1] in R.fw["coord"]):
        return False
    nxt = v1 + 2
    if S.low[nxt] in R.fw["comp"] or S.low[nxt] in R.fw["how"] or S.low[nxt] in R.words.get("wh_word", ()) \
            or S.feats[nxt].get("VerbForm") == "Conv" or S.bound(nxt):
        return False
    end = _content_end(S, nxt)
    return any(S.finite(x) or S.upos[x] in ("ADJ", "ADV", "VERB") for x in range(nxt, end + 1))


def _this_subject(S: _Sent, v1: int) -> bool:
    """A fronted "это" that is the verb's subject, not its anaphoric content: an
    accusative object follows and no nominative does ("Это напоминает дележку шкуры":
    resemblance, not "Это подтвердил губернатор")."""
    k = v1 + 1
    if k >= S.n or S.upos[k] not in ("NOUN", "ADJ", "DET") or S.case(k) != "Acc":
        return False
    return not any(S.case(x) == "Nom" and S.upos[x] in ("NOUN", "PROPN") for x in range(k, min(S.n, k + 5)))


def _frame(S: _Sent, c: _Cue, R: _Res):
    """Set ``c.frame`` and ``c.ctok`` from the words around the cue."""
    v0, v1 = c.cue
    fw = R.fw
    spk = c.spk
    after = v1 + 1
    if spk and spk[0] > v1 and spk[0] <= v1 + 4:
        after = spk[1] + 1
    # 1. a complement clause or a colon after the cue
    j = v1 + 1
    if _parenthetical_lead(S, c, R):
        # "Говорит, рулить сложновато": a zero-subject speech verb opening the clause, the content after
        # its comma with no complementiser (colloquial indirect speech)
        c.frame = "that"
        c.ctok = _span_from(S, v1 + 2)
        return
    limit = min(S.n, v1 + 14 + sum(1 for x in range(v1 + 1, min(S.n, v1 + 60)) if _markup(S, x)))
    while j < limit:
        t = S.low[j]
        if t in fw["comp"] and (j == v1 + 1 or S.text[j - 1] == "," or j == after):
            c.frame = "that"
            c.ctok = _span_from(S, j + 1)
            if t in ("будто", "якобы", "ніби", "нібито", "начебто", "мовляв", "буцімто"):
                c.markers.append(S.text[j].lower())
            return
        if t in fw["how"] and S.text[j - 1] == "," and j > v1 + 1 and c.requires != "":
            c.frame = "that"
            c.ctok = _span_from(S, j + 1)
            return
        if S.text[j] == "," and j + 1 < S.n and (S.lem[j + 1] in R.words.get("wh_word", ())
                                                 or S.low[j + 1] in R.words.get("wh_word", ())) \
                and all(_markup(S, x) or (not S.bound(x) and not S.finite(x) and S.upos[x] != "ADP") for x in range(v1 + 1, j)) \
                and sum(not _markup(S, x) for x in range(v1 + 1, j)) <= 4:
            # an indirect question right after the verb: "объясняет, какое влияние …", "уточнил, когда …"
            c.frame = "that"
            c.ctok = _span_from(S, j + 1)
            return
        if S.text[j] == ":":
            c.frame = "colon"
            c.ctok = _span_from(S, j + 1)
            return
        if S.text[j] == "," and j + 1 < S.n and (S.low[j + 1] in fw["comp"] or S.low[j + 1] in fw["how"]):
            j += 1
            continue
        if S.text[j] == "," and j + 1 < S.n and _markup(S, j + 1):
            nx = j + 1
            while nx < S.n and _markup(S, nx):
                nx += 1       # "[заявило,](https://…) что …": the link between the comma and "что"
            if nx < S.n and S.low[nx] in fw["comp"]:
                c.frame = "that"
                c.ctok = _span_from(S, nx + 1)
                return
        if S.text[j] == "," and j + 1 < S.n and S.feats[j + 1].get("VerbForm") == "Conv" \
                and (S.lem[j + 1] in fw["ref_verbs"] or not _is_report_verb(S, j + 1, R)):
            # "сообщил, сославшись на источник, что …": the clause after the gerund phrase
            k = j + 2
            while k < min(S.n, j + 12) and S.text[k] not in (",", ".", ";", ":", "—"):
                k += 1
            if k + 1 < S.n and S.text[k] == "," and S.low[k + 1] in fw["comp"]:
                j, limit = k + 1, max(limit, k + 3)
                continue
        if S.text[j] in (",", ";", ".", "!", "?", "—", "–"):
            break
        if S.finite(j) and j > after:
            break
        j += 1
    # 2. a "как"-frame: "Как отметил X, P" / "P, как отметил X" (also after a colon or a bracket)
    k = v0 - 1
    while k >= 0 and (S.upos[k] == "ADV" or S.low[k] in fw["neg"]):
        k -= 1
    if k >= 0 and S.low[k] in fw["how"] and (k == 0 or S.text[k - 1] in (",", "—", ":", ";", "(") or S.low[k - 1] in fw["coord"]
                                             or all(_markup(S, x) for x in range(0, k))):   # "** Как полагает X, …"
        c.frame = "as"
        right_end = spk[1] if spk and spk[0] > v1 else v1
        comma = _first_bound(S, right_end + 1, (",", ".", ";", "—"))
        if k <= 1:
            if comma + 2 <= S.n - 1:
                c.ctok = _span_from(S, comma + 2)
        else:
            e = k - 1
            while e >= 0 and S.text[e] in (",", "—"):
                e -= 1
            c.ctok = (0, e) if e >= 0 else None
        return
    # 3. inversion: "P, заявил X" / "«P», — сказал он" / "P, he said"
    first = v0
    if spk and spk[1] < v0 and all(S.upos[x] in ("ADV", "AUX", "PART") or S.low[x] in fw["neg"]
                                   for x in range(spk[1] + 1, v0)):
        first = spk[0]
    p = first - 1
    while p >= 0 and (S.low[p] in fw["neg"] or S.upos[p] in ("ADV",) and S.text[p] not in _BOUND or _markup(S, p)):
        p -= 1        # "«…», — [сообщил](https://…) музей": the link around the verb
    q = p             # "«…», — так в соцсетях прокомментировал галерист": past a short prepositional phrase
    while q >= 0 and p - q < 4 and S.upos[q] in ("NOUN", "PROPN", "ADJ", "DET", "NUM") and S.case(q) not in ("Nom",):
        q -= 1
    if q >= 1 and q < p and S.upos[q] == "ADP":
        q -= 1
        while q >= 0 and (S.low[q] in fw["neg"] or S.upos[q] in ("ADV",) and S.text[q] not in _BOUND):
            q -= 1
        if q >= 0 and S.text[q] in LONG_DASHES:
            p = q
    impersonal = (c.head_lemma or c.verb_lemma) in fw["impersonal"] or S.low[c.v] in fw["impersonal"] \
        or S.feats[c.v].get("Variant") == "Short"
    spk_ok = (spk is None and (impersonal or bool(c.quoted_src))) or (spk is not None and (spk[0] > v1 or first == spk[0]))
    # ("…, приводит слова Климкина": the medium left out, the quoted speaker named)
    fronted = any(S.low[x] in fw["comp"] for x in range(0, min(p, 4)))   # "О том, что …, Песков не упомянул"
    if spk_ok and spk is not None and spk[0] < v0 and p >= 1 and S.text[p] == "," and S.lang != "en" \
            and not fronted and S.text[p - 1] not in QUOTE_CHARS and S.text[p - 1] not in LONG_DASHES:
        # "На видео, …, он показал …": a subject before its verb after a plain comma is no inversion
        # (Russian and Ukrainian invert a postposed reporting clause; English "P, Grossi said" does not)
        spk_ok = False
    if spk_ok and p >= 1 and p == S.dateline:
        spk_ok = False    # "INTERFAX.RU - Пилоты объявили …": a dateline before the dash, no quotation
    if spk_ok and p >= 1 and (S.text[p] in (",", "—", "–", "-") or S.text[p] in _QUOTE_ENDS):
        e = p
        while e >= 0 and S.text[e] in (",", "—", "–", "-"):
            e -= 1
        if e >= 1 or (e == 0 and S.text[e] in _QUOTE_ENDS):
            start = 0
            # the content is the clause before the comma, not a preceding source phrase
            c.frame = "inverted"
            c.ctok = (start, e)
            return
    if p == 0 and S.text[0] in _QUOTE_ENDS:
        c.frame = "inverted"
        c.ctok = (0, 0)
        return
    # 4. anaphoric "об этом сообщил X" / "это заявил X"
    lo = _clause_left(S, v0)
    window = S.low[lo:v0] + S.low[v1 + 1: min(S.n, v1 + 3)]
    pairs = set(zip(window, window[1:]))
    if (any(a in fw["about"] and b in fw["this"] for a, b in pairs)
            or (lo < v0 and S.low[lo] in fw["this"] and not _this_subject(S, v1))
            or ("с", "таким") in pairs):
        c.frame = "anaphoric"
        c.ctok = None
        return
    # 5. English complement without "that": "claimed its air defences had destroyed …"
    if S.lang == "en":
        rest = range(after, _content_end(S, after) + 1)
        if any(S.upos[x] in ("VERB", "AUX") for x in rest) and len(rest) >= 3:
            c.frame = "that"
            c.ctok = _span_from(S, after)
            return
    # 6. a noun phrase or nothing
    a = after
    b = _first_bound(S, a)
    if spk and spk[0] >= a and spk[0] <= b:
        if spk[0] == a:
            a = spk[1] + 1
            b = _first_bound(S, a) if a < S.n else a - 1
        else:
            b = spk[0] - 1
    if b >= a and any(not S.bound(x) for x in range(a, b + 1)):
        c.frame = "nominal"
        c.ctok = (a, b)
    else:
        c.frame = "none"
        c.ctok = None


def _in_pp(S: _Sent, x: int, lo: int) -> bool:
    """An instrumental inside a prepositional phrase ("совместно с ФНС и управляющим", "под
    руководством") is no predicative: a preposition before it, its adjectives or its conjuncts."""
    k = x - 1
    while k >= lo and x - k <= 6 and (S.upos[k] in ("ADJ", "DET", "NUM", "CCONJ")
                                      or (S.upos[k] in ("NOUN", "PROPN") and S.case(k) == "Ins")):
        k -= 1            # "с ФНС и арбитражным управляющим": a coordination inside the phrase
    return k >= lo and S.upos[k] == "ADP"


def _quoted_object(S: _Sent, c: _Cue, R: _Res, a: int, b: int, quotes) -> bool:
    """A quotation in a non-clausal content is the reported words ("заявил «о полной
    победе»") unless it is a legal label («иноагентами»: "Минюст объявил «иноагентами» …" is
    a designation, not speech) or, after a verb that reports only clauses, a quoted word
    inside another object and not a predicative instrumental ("добавило в реестр
    «иностранных агентов» трех человек", "объявили войну «траве»": an act, not a report)."""
    for q in quotes:
        if q.kind == "name" or q.open < S.start[a] - 1 or q.close > S.end[b]:
            continue
        toks = [x for x in range(a, b + 1) if q.open < S.start[x] and S.end[x] <= q.close]
        if _legal(R, " ".join(S.text[x] for x in toks)):
            continue
        if c.requires == "clause" and q.open > S.start[a] and not (toks and S.case(toks[0]) == "Ins"):
            continue          # a predicative stays: "объявлял станцию «российской собственностью»"
        return True
    return False


def _requires_ok(S: _Sent, c: _Cue, R: _Res, quotes) -> bool:
    if c.frame == "nominal" and c.ctok and c.verb_lemma in R.words.get("filing_verb", ()) \
            and (S.low[c.ctok[0]] in R.words.get("filing_prep", ()) or S.lem[c.ctok[0]] in R.words.get("filing_object", ())):
        return False          # "заявили к переводу 48 млрд рублей", "заявил права на …": a filing, not a statement
    if c.frame in ("nominal", "none") and c.ctok is None and c.spk is not None:
        fronted = fronted_infinitive(S, c)
        if fronted is not None:
            c.ctok, c.frame = fronted, "nominal"      # "Дать гражданство … попросили общественники"
            return True
    if c.frame in ("nominal", "none") and c.requires not in ("quote", "quoted", "direct", "comment", "about"):
        governed = governed_content(S, c, R)
        if governed is not None:
            if c.ctok is None:
                c.ctok, c.frame = governed, "nominal"   # "Котов вину не признал"
            return True
    far = far_infinitive(S, c, R) if c.frame in ("nominal", "none") and c.ctok else None
    if far is not None:
        c.ctok = (c.ctok[0], max(c.ctok[1], _first_bound(S, far)))
        return True           # "призвал губернаторов, …, которые …, поддержать его" (form other)
    if c.frame in ("nominal", "none") and any(l in R.words.get("addressee_verb", ()) for l in S.lems[c.v]) \
            and not c.negated:
        # "проинформировал Международный комитет", "спросил его": only the one addressed, no content
        a, b = c.ctok if c.ctok else (c.v + 1, c.v)
        return any(S.upos[x] == "ADP" and S.low[x] not in ("у", "от", "з", "від", "в", "во") for x in range(a, min(b + 1, a + 3))) \
            or pp_content(S, c, R, a, b) or any(S.low[x] in R.fw["about"] or S.feats[x].get("VerbForm") == "Inf" or S.text[x] in QUOTE_CHARS
                   for x in range(a, b + 1))   # "призвал (граждан) к миру", "предупредил о …", "попросил уйти"
    if c.requires in ("", "-") or c.quoted_src:
        return True
    if c.requires == "quoted":
        return False      # "приводить" only with the quoted words as object ("приводит слова губернатора")
    if c.requires == "direct":
        return c.frame in ("inverted", "colon")
    if c.requires == "position":
        # "выступил за отмену закона", "выступают против": a stance for or against; not "выступил
        # на концерте", "выступили со своим планом" (presenting, guideline)
        if c.ctok is None or S.low[c.ctok[0]] not in R.fw["position_prep"]:
            return False
        # the stance is a common noun ("за отмену закона"), not a team, a sum or a name
        # ("выступал за «Спартак»", "выступают за 4,5 миллиона")
        x = c.ctok[0] + 1
        while x <= c.ctok[1] and S.upos[x] == "ADJ":
            x += 1
        return x <= c.ctok[1] and S.upos[x] == "NOUN" and S.feats[x].get("Animacy") != "Anim"
    if c.requires == "comment":
        # "прокомментировал ситуацию" reports no content; a refusal stays (negated)
        return c.negated or c.frame in ("that", "colon", "inverted", "as", "anaphoric")
    if c.requires == "about" and c.frame == "anaphoric":
        return False      # "за это поблагодарил": thanks, not a report
    if c.requires == "quote" and c.frame == "inverted" and c.ctok:
        # "Мужчину, который поджег себя, зовут Сергей Соловьев": a naming after a comma is no inverted
        # report unless the words before it are quoted or a dialogue line
        a, b = c.ctok
        e = _first_bound(S, c.cue[1] + 1) if c.cue[1] + 1 < S.n else c.cue[1]
        named_after = any(S.text[x] in QUOTE_CHARS or S.case(x) == "Ins" for x in range(c.cue[1] + 1, e + 1))
        if not (named_after or S.text[0] in LONG_DASHES
                or any(S.start[a] - 1 <= q.open and q.close <= S.end[b] + 1 for q in quotes)):
            return False
    if c.verb_lemma in R.words.get("that_only_verb", ()) and not (
            (c.frame == "that" and c.ctok and any(S.low[x] in R.words.get("that_only_comp", ())
                                                  for x in range(max(c.cue[1] + 1, c.ctok[0] - 2), min(S.n, c.ctok[0] + 2))))
            or (c.frame == "inverted" and c.cue[0] > 0 and S.text[c.cue[0] - 1] in (",", *LONG_DASHES))):
        return False      # "обнаружили, что …", "…, обнаружила Би-би-си"; not "обнаружили склад: «…»" (ninth round)
    if support_verb(S, c.v, R):
        return supported_object(S, c.cue[1] + 1, R)   # "поддержала предложение" (form other), not "поддержали семьи"
    if c.frame in ("that", "colon", "inverted", "as", "anaphoric"):
        return True
    lo = _clause_left(S, c.cue[0])
    if lo < c.cue[0] and S.low[lo] in R.fw["about"] and c.verb_class != "emotive" and c.requires != "quote":
        return True           # a fronted topic: "О планах Норвегии … сообщалось и ранее"
    if c.verb_class != "emotive" and c.requires != "quote" and any(
            S.low[x] in R.fw["about"] and 0 <= S.head[x] < c.cue[0] and S.head[S.head[x]] == c.v
            and S.upos[S.head[x]] == "NOUN" for x in range(lo, c.cue[0])):
        return True           # a topic before the verb, the verb's own: "Первым об отставке объявил Дэвис"
    if c.frame == "nominal" and c.ctok:
        a, b = c.ctok
        while a < b and S.upos[a] in ("ADV", "PART") and S.low[a] not in R.fw["neg"]:
            a += 1            # "Сообщается также о …"
        if c.requires == "quote":
            # the verb's own clause: "обзывали его и называли экспертизу «несерьезной»" -- the quote is the second verb's
            b = next((x - 1 for x in range(a + 1, b + 1) if S.finite(x)), b)
        has_quote = any(q.open >= S.start[a] - 1 and q.close <= S.end[b] and q.kind != "name" for q in quotes)
        if c.requires == "about":
            # "поблагодарил ОАЭ за посредничество", not "поблагодарил гостей"
            return has_quote or any(S.low[x] in ("за", "о", "об", "обо", "про", "for", "about")
                                    for x in range(a, min(b + 1, a + 6)))
        predicative = any(S.case(x) == "Ins" and ((S.upos[x] == "ADJ" or x == a) and S.upos[x] in ("ADJ", "NOUN")
                                                 or S.feats[x].get("VerbForm") == "Part") and not _in_pp(S, x, a)
                          for x in range(a, b + 1)) \
            or (a + 1 <= b and S.upos[a] == "PRON" and S.case(a) == "Acc" and S.case(a + 1) == "Ins"
                and S.upos[a + 1] in ("NOUN", "ADJ"))   # "считает ошибкой", "считает итоги сфальсифицированными", "считает себя россиянином"
        if c.requires == "quote":
            # "назвали удар атакой", "назвал его противоречащим Конституции", "грозит санкциями",
            # "назвал марш «PR-акцией»": a quotation (a quoted name too) or an instrumental;
            # "назвали сроки окончания пандемии", "назвал причину": a naming verb stating a fact
            # (``named_object``, the object first, a named speaker; not the future "назовет дату")
            return has_quote or any(q.open >= S.start[a] - 1 and q.close <= S.end[b] for q in quotes) \
                or any(S.case(x) == "Ins" and (S.upos[x] in ("ADJ", "NOUN") or S.feats[x].get("VerbForm") == "Part")
                       for x in range(a, b + 1)) \
                or named_predicative(S, c, R) \
                or (c.spk is not None and _first_noun(S, a, b) is not None and S.feats[c.v].get("Tense") != "Fut"
                    and S.lem[_first_noun(S, a, b)] in R.words.get("named_object", ())
                    and S.case(_first_noun(S, a, b)) in (None, "Acc")
                    and any(l in R.words.get("naming_verb", ()) for l in S.lems[c.v]))
        if stance_object(S, c, R, a, b) or pp_content(S, c, R, a, b):
            return True       # "ожидают снижения ставки", "заверил в безопасности", "осудил X за …" (form other)
        if c.spk is not None and any(l in R.words.get("noting_verb", ()) for l in S.lems[c.v]):
            h = a
            while h < b and S.upos[h] in ("ADJ", "DET"):
                h += 1
            if S.lem[h] in R.words.get("noted_object", ()) and S.case(h) in (None, "Acc"):
                return True   # "отметили ключевое значение координации", "подчеркнул необходимость диалога" (form other)
        if not predicative and c.verb_class == "belief" and c.spk is not None:
            # a fronted predicative: "Причиной он считает обилие фейков"
            lo = _clause_left(S, c.cue[0])
            predicative = any(S.case(x) == "Ins" and S.upos[x] in ("NOUN", "ADJ") and not c.spk[0] <= x <= c.spk[1]
                              and not _in_pp(S, x, lo) for x in range(lo, c.cue[0]))
        if c.requires in ("clause", *STANCE) and indefinite_predicative(S, c, R):
            return True       # "Ее считают пророссийской" (form other, an empty speaker)
        if c.requires in ("clause", *STANCE) and c.verb_class == "belief" and predicative and c.spk is not None \
                and (c.head_lemma or c.verb_lemma) not in R.fw["impersonal"]:
            return True       # "считают выдачу незаконной": a stance with a predicative (form other)
        if has_quote and _quoted_object(S, c, R, a, b, quotes):
            return True
        if c.requires in ("clause", "quote") and as_phrase(S, c, R, a, b):
            return True       # "охарактеризовал ситуацию как катастрофическую", "определили как «…»" (form other)
        t = a             # past the addressee: "напомнила российскому холдингу о пене", "сообщил журналистам о …"
        while t < min(b, a + 5) and S.upos[t] in _NOMINAL and (
                S.case(t) == "Dat" or (S.case(t) == "Acc" and (S.upos[t] == "PRON" or S.feats[t].get("Animacy") == "Anim"))):
            t += 1
        if S.low[t] in R.fw["about"] and c.verb_class != "emotive":
            return True       # a topic: "объявил о …", "напомнил о …", "предупредил о …"
        if c.verb_class == "admission" and any(S.case(x) == "Ins" and S.upos[x] == "ADJ" for x in range(a, min(b + 1, a + 3))) \
                and any(S.low[x] in ("в", "во", "у", "по") for x in range(a, min(b + 1, a + 5))):
            return True       # a verdict: "признали виновным в …", "признала виновным по ч. 2 ст. 214"
        if c.verb_class in ("accusation", "denial", "admission") and S.case(a) == "Acc" \
                and S.upos[a] in ("NOUN", "ADJ", "DET", "PRON") \
                and c.verb_lemma not in R.words.get("link_verb", ()) \
                and not any(S.case(x) == "Ins" for x in range(a, b + 1)):     # not "признал компанию банкротом"
            return True       # an object as content: "осудил нападение", "оспорил решение", "признал вину"
        if c.verb_class == "belief" and c.verb_lemma in R.words.get("passive_report", ()) \
                and S.case(a) == "Acc" and any(S.low[x] in R.fw["charge_prep"] and S.case(x + 1) in R.fw["charge_case"]
                                               for x in range(a + 1, min(b, a + 6))):
            return True       # a suspicion as a charge: "заподозрили металлистов в пропаганде насилия" (form other)
        if c.verb_class in ("directive", "commissive") and any(S.feats[x].get("VerbForm") == "Inf"
                                                              for x in range(a, min(b + 1, a + 5))):
            return True
        if S.low[a] in ("на",) and c.verb_lemma in ("указать", "указывать", "вказати", "вказувати"):
            return True
    return False


def _trim_contents(S: _Sent, cues: list[_Cue], R: _Res) -> None:
    """Cut a content at a later cue that is coordinated with it or inverted after it."""
    for c in cues:
        if not c.ctok:
            continue
        a, b = c.ctok
        for d in cues:
            if d is c or not (a <= d.cue[0] <= b):
                continue
            if c.frame == "inverted" and d.frame == "inverted" and d.cue[0] < c.cue[0] and not d.inherited \
                    and c.pattern.startswith("verb") and d.pattern.startswith("verb") \
                    and not any(S.text[x] in QUOTE_CHARS for x in range(d.cue[0], c.cue[0])) \
                    and d.ctok and d.ctok[1] < d.cue[0]:
                # "P1, утверждает X\n\nP2, сообщает Y": the earlier report and its content are not Y's;
                # Y's content starts after X
                a = max(a, d.cue[1], d.spk[1] if d.spk else d.cue[1]) + 1
                a = min([x for x in getattr(S, "nl", ()) if d.cue[1] < x <= a] + [a])   # a new line starts it
                while a <= b and (S.bound(a) or S.low[a] in R.fw["coord"]):
                    a += 1
                continue
            if d.inherited or d.frame in ("inverted",) or (d.frame == "as" and d.cue[0] > a):
                cut = d.cue[0] - 1
                if d.spk and d.spk[1] < d.cue[0] and d.spk[0] > a:
                    cut = min(cut, d.spk[0] - 1)
                k = d.cue[0] - 1
                while k > a and (S.low[k] in R.fw["coord"] or S.text[k] in (",", "—", "–") or S.upos[k] == "ADV"
                                 or S.low[k] in R.fw["neg"] or S.low[k] in R.fw["how"]):
                    k -= 1
                b = min(b, k, cut)
        while b >= a and S.text[b] in (",", "—", "–", ":", ";"):
            b -= 1
        c.ctok = (a, b) if b >= a else None


# --- content, quote type and markers --------------------------------------------------
def _coordinated_after(rest: str, R: _Res) -> bool:
    """What follows a quotation goes on with a comma or a coordinating conjunction (``coord`` of
    function_words.tsv): "«Я приду» и ушёл", "«Нет», — и отвернулась"."""
    words = rest.split(maxsplit=1)
    return bool(words) and (words[0].startswith(",") or words[0].lower() in R.fw["coord"])


def _finish_content(S: _Sent, c: _Cue, R: _Res, quotes, text: str) -> None:
    if c.pattern.startswith(("according_to", "reference", "from")):
        # content: the clause on the other side of the phrase
        ca, cb = c.cue[0], max(c.cue[1], c.spk[1] if c.spk else c.cue[1])
        left_end = ca - 1
        if c.pattern.startswith("reference"):
            # "P — NBC News со ссылкой на источники": the medium before the phrase is a credit of its
            # own, not part of the content
            k = ca - 1
            while k >= 0 and not S.bound(k) and S.upos[k] in ("PROPN", "NOUN", "X", "ADJ", "DET") and ca - k <= 6:
                k -= 1
            if 0 <= k < ca - 1 and S.text[k] in LONG_DASHES:
                left_end = k - 1
        while left_end >= 0 and S.text[left_end] in (",", "—", "–", "("):
            left_end -= 1
        right_start = cb + 1
        while right_start < S.n and (S.text[right_start] in (",", "—", "–", ")")
                                     or (c.pattern.startswith("from") and S.low[right_start] in R.fw["comp"])):
            right_start += 1
        right_end = _content_end(S, right_start)
        # the clause on the cue's own line: "… — NBC News со ссылкой на источники\n\nПо данным …"
        # takes the headline before it, not the next paragraph
        line_lo = max([x for x in getattr(S, "nl", ()) if x <= ca] + [0])
        right_end = min(right_end, _line_end(S, (right_start, S.n - 1))) if right_start < S.n else right_end
        if any(x in getattr(S, "nl", ()) for x in range(cb + 1, right_start + 1)):
            right_end = right_start - 1
        left = (line_lo, left_end) if left_end >= line_lo else None
        right = (right_start, right_end) if right_end >= right_start else None
        if left and right:
            c.ctok = left if (left[1] - left[0]) >= (right[1] - right[0]) else right
        else:
            c.ctok = left or right
        c.frame = "according_to" if not c.pattern.startswith("from") else "inverted"
    elif c.frame == "as":
        pass
    if c.ctok is None:
        # "заявил:" at the end of a sentence: the quotation that follows
        if c.frame == "colon":
            after = S.end[c.cue[1]]
            q = next((q for q in quotes if q.open >= after and text[after:q.open].strip() == "" and q.kind != "name"), None)
            if q:
                c.content = q.inner
                c.quote_type = "direct"
                return
        c.content = None
        c.quote_type = "noun" if c.pattern.startswith("collocation") else "none"
        return
    a, b = c.ctok
    cs, ce = S.start[a], S.end[b]
    at = S.start[c.cue[0]]
    # a content never runs over a line break (a headline, a photo credit): a content before the
    # cue starts on the cue's line ("Заголовок\n\nРазговор длился час, сообщает Reuters"), unless
    # a quotation opened before the break runs over it
    nl = text.rfind("\n", cs, min(ce, at))
    if nl >= 0 and not any(x.kind != "name" and x.open < nl < x.close for x in quotes):
        cs = nl + 1
        while cs < ce and text[cs].isspace():
            cs += 1
        while a < b and S.start[a] < cs:
            a += 1
    nl = text.find("\n", cs, ce)
    if nl >= 0:
        ce = nl
        while b > a and S.start[b] >= ce:
            b -= 1
    for x in quotes:
        if x.kind != "name" and x.open < at < x.close and cs < x.close:
            ce = min(ce, x.close)     # a report inside a quotation ends with it
    while ce > cs and text[ce - 1] in ",.;:!? —–":
        ce -= 1
    if ce <= cs:
        c.content, c.quote_type = None, "none"
        return
    # a quotation that covers the content (possibly opening in an earlier sentence)
    q = None
    for x in quotes:
        if x.kind == "name" and c.frame not in ("inverted", "colon"):
            continue
        if x.open < at < x.close:
            continue      # the quotation the cue stands in is not its content ("«Я у него спросил: …»")
        if x.close >= ce - 1 and x.close <= ce and x.open <= cs + 1:
            q = x
        elif x.open >= cs - 1 and x.open <= cs and x.close >= ce - 1:
            q = x
        elif c.frame == "colon" and cs - 1 <= x.open <= cs and x.close < ce - 1 \
                and _coordinated_after(text[x.close + 1: ce], R):
            q = x             # "Он сказал: «Я приду» и ушёл": the quotation, not the verb after it
    if q is not None and c.frame in ("inverted", "colon", "nominal", "that"):
        c.content = q.inner
        c.quote_type = "direct" if c.frame in ("inverted", "colon") or (q.inner[1] - q.inner[0]) > 0.8 * (ce - cs) else "mixed"
        if c.quote_type == "direct" and c.frame in ("that",):
            c.quote_type = "mixed"
    elif c.frame in ("inverted", "colon") and quote_sequence(text, cs, ce, quotes) is not None:
        c.content, c.quote_type = quote_sequence(text, cs, ce, quotes), "direct"
    elif c.frame == "inverted" and a == 0 and S.text[0] in ("—", "–", "-") and ce > cs + 1:
        # dialogue: "— Мы будем работать, — сказал губернатор" is direct speech without quotation marks
        cs = S.end[0]
        while cs < ce and text[cs].isspace():
            cs += 1
        c.content, c.quote_type = (cs, ce), "direct"
    elif c.frame == "colon" and S.text[a] in LONG_DASHES and a + 1 <= b:
        # dialogue after a colon: "Он сказал тихо: — Уходи." is direct speech behind a dash
        cs = S.start[a + 1]
        c.content, c.quote_type = (cs, ce), "direct"
    else:
        while cs < ce and text[cs] in OPENING_QUOTES and not any(x.open == cs and x.close < ce - 1 for x in quotes):
            cs += 1
        c.content = (cs, ce)
        inner = [x for x in quotes if x.open >= cs and x.close < ce]
        c.quoted = any(x.kind != "name" for x in inner)
        if c.frame == "according_to":
            c.quote_type = "according_to"
        elif c.frame == "as":
            c.quote_type = "according_to"
        elif c.pattern.startswith("collocation"):
            c.quote_type = "noun"
        elif any(x.kind == "quotation" for x in inner) or (c.requires == "quote" and any(x.kind == "scare" for x in inner)):
            c.quote_type = "mixed"
        elif c.frame == "nominal":
            c.quote_type = "noun"
        else:
            c.quote_type = "indirect"
    # markers inside the content (and the complementiser before it)
    lo, hi = c.content
    for i, j, name, kind, scope in _marker_hits(S, R):
        if lo <= S.start[i] and S.end[j] <= hi and kind == "distancing":
            c.markers.append(name)
    # a short quotation inside a report is the speaker's own wording (mixed quotation);
    # it is a scare quote only where the report is already held at a distance
    if c.verb_class == "distancing" or c.markers:
        for x in quotes:
            if x.kind == "scare" and x.open >= lo - 1 and x.close <= hi:
                c.markers.append("legal_label" if _legal(R, text[x.open:x.close + 1]) else "scare_quote")


def negated_speech(S: _Sent, c: _Cue, R: _Res) -> bool:
    """A speech event that did not happen: a negated verb of saying, informing or
    confirming ("Российские военные не комментировали удар", "Песков не уточнил",
    "не сообщается") or a refusal to speak ("отказался от комментариев", "не стал
    комментировать", "отказывается признавать вину").  The guideline counts neither
    (negated speech; speech verbs with no reported content).  Negated stances,
    denials and admissions stay ("не исключают", "не согласен", "не признал вину")."""
    if c.verb_class == "refusal":
        return True
    if c.pattern.startswith("infinitive") and any(R.verbs.get(l, ("",))[0] == "refusal" for l in S.lems[c.cue[0]]):
        return True
    return c.negated and c.verb_class in ("neutral", "endorsing")


def _hypothetical(S: _Sent, c: _Cue, R: _Res) -> bool:
    """The cue's clause is a condition or under the subjunctive: "если" before it in its
    clause, or "бы" right before or after the verb (the guideline: hypothetical speech)."""
    hyp = R.words.get("hypothetical", ())
    if not hyp:
        return False
    lo = _clause_left(S, c.cue[0])
    if any(S.low[x] in hyp and S.upos[x] == "SCONJ" for x in range(lo, c.cue[0])):
        return True
    return any(S.low[x] in hyp and S.upos[x] in ("PART", "AUX") for x in (c.v - 1, c.v + 1) if 0 <= x < S.n)


def _reports_content(S: _Sent, c: _Cue, R: _Res) -> bool:
    """The guideline's exclusions that need the finished content: a structuring verb
    ("продолжил") away from direct speech, and "узнала" without a content clause
    (perception, not a report) unless a medium is the one who found out ("узнали «Известия»")."""
    if c.pattern.startswith(("verb", "collocation")) and c.verb_lemma.split()[0] in R.words.get("complaint_verb", ()):
        med = R.words.get("medical_word", ())
        end = min(S.n, c.cue[1] + 12)
        plaint = next((x for x in range(c.cue[0], end) if S.lem[x] in R.words.get("complaint_noun", ())), None)
        if (plaint is not None and any(S.lem[x] in med for x in range(plaint + 1, min(S.n, plaint + 5)))) \
                or any(S.low[x] in ("в", "к") and S.lem[x + 1] in med for x in range(c.v + 1, min(S.n - 1, c.v + 3))):
            return False      # "обратилась в больницу с жалобами на боль": a patient's visit, not a report
    if c.pattern.startswith("collocation") and any(S.lem[x] == "показание" for x in range(c.cue[0], c.cue[1] + 1)) \
            and not any(S.lem[x] in R.words.get("admission_adj", ()) for x in range(c.cue[0], c.cue[1] + 1)) \
            and not (c.ctok and (S.low[c.ctok[0]] == "против" or (S.low[c.ctok[0]] == "на" and any(
                S.case(x) == "Acc" for x in range(c.ctok[0] + 1, min(S.n, c.ctok[0] + 3)))))):
        return False          # testimony reports only with an admission ("дала признательные показания") or
        # against someone ("дал показания на начальника"): not "дает показания", "дала показания на суде"
    if c.spk is None and S.feats[c.v].get("Variant") == "Short" and any(
            S.lem[x] == "быть" and (S.feats[x].get("Tense") == "Fut" or S.low[x] in ("будет", "будут"))
            for x in range(max(0, c.v - 3), c.v)):
        return False          # "О преемнике будет объявлено позже": an announcement still to come
    if c.pattern.startswith("collocation") and any(S.lem[x] == "вывод" for x in range(c.cue[0], c.cue[1] + 1)) \
            and c.frame not in ("that", "colon", "inverted", "anaphoric", "as") and not c.credit \
            and not any(S.lem[x] in R.words.get("anaphoric_det", ()) for x in range(max(0, c.cue[0] - 2), c.cue[1] + 1)):
        return False          # "Ученый делает выводы на основе данных": no conclusion reported
    if c.verb_lemma in R.words.get("clause_passive", ()) and c.frame not in ("that", "colon", "inverted", "as"):
        return False          # "О пострадавших информация уточняется": being checked, no report
    if not c.pattern.startswith(("verb", "infinitive")):
        return True
    if c.pattern.startswith("infinitive") and any(l in R.words.get("intent_verb", ()) for l in S.lems[c.cue[0]]) \
            and not (c.frame in ("that", "colon") and c.verb_class in ("neutral", "endorsing")
                     and c.verb_lemma not in R.words.get("finding_verb", ())):
        return False          # "пытаются выяснить, как …", "решила говорить о …": an attempt or intention
    if any(l in R.words.get("designation_verb", ()) for l in S.lems[c.v]):
        end = min(S.n, c.v + 7)
        if any(_legal(R, S.text[x]) for x in range(c.v + 1, end) if not S.text[x] in (".", ";", ":")):
            return False      # "Минюст объявил «иноагентами» …", "признан экстремистской": a designation, an act
    if c.verb_class == "commissive" and c.requires == "quote" and c.spk is not None:
        # "компании грозят штрафы", "«Маугли» грозит до 15 суток": the subject is the penalty
        a, b = c.spk
        h = c.spk_head if c.spk_head is not None else b
        if S.upos[a] in ("ADP", "NUM") or S.lem[h] in R.words.get("penalty", ()) \
                or any(S.lem[x] in R.words.get("penalty", ()) and S.upos[x] == "NOUN" for x in range(a, b + 1)):
            return False
        if a > c.v and S.feats[c.v].get("Aspect") == "Imp" and not S.bound(c.v + 1 if c.v + 1 < S.n else c.v):
            return False      # "Чем это грозит ВСУ?", "Экс-возлюбленной грозит уголовное дело": a consequence
    if c.verb_class == "commissive" and c.requires == "quote" \
            and any(S.lem[x] in R.words.get("weapon", ()) for span in (c.ctok, c.spk)
                    if span is not None and span[0] is not None for x in range(span[0], span[1] + 1)):
        return False          # "угрожала им пистолетом", "адвокат с ножом угрожал": a threat with a weapon
    if c.requires == "direct" and c.quote_type not in ("direct", "mixed"):
        return False
    if c.pattern.startswith("verb") and _hypothetical(S, c, R):
        return False          # "Если суд признает его виновным, …", "он бы сказал": hypothetical speech
    if c.spk is None and c.verb_class == "belief" and S.feats[c.v].get("VerbForm") == "Part" \
            and S.feats[c.v].get("Variant") == "Short":
        return False          # "не исключено, что …": the author's own hedge, no evidential
    k = c.cue[0] - 1
    while k >= 0 and (S.upos[k] in ("AUX", "ADV") or S.low[k] in R.fw["neg"]):
        k -= 1
    if k >= 0 and S.low[k] in R.words.get("comparative", ()):
        return False          # "дружелюбнее, чем ожидалось": a comparison, not a report
    if any(l in R.words.get("evidence_verb", ()) for l in S.lems[c.v]) and c.spk is None \
            and (c.head_lemma or c.verb_lemma) not in R.fw["impersonal"]:
        return False          # "показывала на место": showing with no source named
    if any(l in R.words.get("evidence_verb", ()) for l in S.lems[c.v]) and c.spk is not None:
        # "спутниковые снимки показывают, что …": inference from evidence, unless a source shows it
        a, b = c.spk
        h = c.spk_head if c.spk_head is not None else b
        source = S.feats[h].get("Animacy") == "Anim" or S.upos[h] in ("PROPN", "PRON", "X") \
            or S.lem[h] in R.heads or S.lem[h] in R.fw["doc_nouns"] or S.ent_at(h) \
            or any(_media_at(S, x, R) for x in range(a, b + 1))
        if not source:
            return False
    if any(l in R.words.get("evidence_verb", ()) for l in S.lems[c.v]) and c.spk is not None and (
            c.frame not in ("that", "colon", "inverted", "as", "anaphoric")
            or (c.frame == "that" and c.ctok and (S.low[c.ctok[0] - 1] in R.fw["how"]
                                                  or S.low[c.ctok[0]] in R.words.get("wh_word", ())
                                                  or S.lem[c.ctok[0]] in R.words.get("wh_word", ())))):
        return False          # "Минобороны показало, как …", "показал на видео …": showing footage, not a report
    if c.spk is None and c.pattern.startswith("verb") and any(
            l in R.words.get("thing_verb", ()) or l in R.words.get("evidence_verb", ()) for l in S.lems[c.v]):
        k = c.cue[0] - 1
        while k >= 0 and S.upos[k] in ("ADV", "PART"):
            k -= 1
        if k >= 0 and S.lem[k] in R.words.get("inference_subject", ()) and S.feats[c.v].get("Person") in (None, "3") \
                and S.feats[c.v].get("Number") in (None, "Sing"):
            return False      # "…, что говорит о «лицемерии»", "Это говорит о том, что …": an inference, no source
    if c.verb_lemma in R.words.get("ongoing_verb", ()) and c.frame != "as" and c.pattern.startswith("verb"):
        return False          # "Полиция выясняет, куда …", "следствие устанавливает обстоятельства": an inquiry
        # under way reports no finding (the perfective "установили, что …" does)
    if c.negated and c.verb_lemma in R.words.get("unaware_verb", ()):
        return False          # "многие не подозревают о проблеме": not knowing, no stance
    if c.frame not in ("that", "colon") and c.verb_lemma in R.words.get("diagnosis_verb", ()):
        lo = _clause_left(S, c.v)
        if any(S.low[x] == "у" and x + 1 < S.n and S.case(x + 1) in ("Gen", None) for x in list(range(lo, c.v)) + [c.v + 1]) \
                or any(S.lem[x] in R.words.get("diagnosis_word", ()) for x in range(c.v + 1, min(S.n, c.v + 5))):
            return False      # "коронавирус подтвердили у 24 375 человек", "подтвердили состояние опьянения":
            # a diagnosis, not a report (not "подтвердил наличие у Украины разрешения")
    if c.verb_lemma in R.fw["perception"] and c.frame not in ("that", "colon"):
        if c.spk is None:
            return False
        a, b = c.spk
        h = c.spk_head if c.spk_head is not None else b
        # a medium by name, or by its noun ("…, узнало издание"; anonymous_sources.tsv, type media)
        return any(_media_at(S, x, R) for x in range(a, b + 1)) or R.heads.get(S.lem[h], ("",))[0] == "media"
    return True
