"""Who speaks: the speaker search of the attribution measure.

With a dependency parse the speaker is the ``nsubj`` of the cue verb, climbing
through ``xcomp``, gerunds and coordinated reporting verbs, the antecedent of
"который", and the syncretic nominative/accusative subject of an inverted
report ("«…», — цитирует судью портал").  Without a parse (or where it fails),
the nearest nominative noun phrase on either side of the cue within its
clause, scored by agreement, animacy, names and word order.  Also: locative
speakers ("в Кремле заявили"), addressees skipped ("сказал журналистам"), a
speaker's name extended over its role ("глава МИД Сергей Лавров").
"""

from __future__ import annotations

from ...lang.punct import LONG_DASHES, OPENING_QUOTES
from .quotes import QUOTE_CHARS
from .sentence import (_Cue, _Sent, _agrees, _clause_left, _descends, _first_bound, _has_own_content,
                       _is_report_verb, _markup, _media_at, _nomlike, _np, _quote_between, _short_group, _subj_ok,
                       _syn_span, _unsure_case)
from .words import _BOUND, _NOMINAL, _Res


def _skip_comma_segment(S: _Sent, comma: int, R: _Res) -> int | None:
    """If the comma-delimited segment ending at ``comma`` is a parenthetical,
    relative or participial phrase, the index of the comma opening it."""
    j = comma - 1
    while j >= 0 and S.text[j] != ",":
        if S.text[j] in _BOUND and S.text[j] != ",":
            return None
        j -= 1
    if j < 0:
        return None
    seg = range(j + 1, comma)
    if not len(seg):
        return None
    first = j + 1
    if S.lem[first] in R.fw["rel"] or S.low[first] in R.fw["rel"]:
        return j
    if any(S.finite(k) for k in seg):
        return None
    return j


def _left_candidate(S: _Sent, v: int, R: _Res, stop: int = 0):
    S._jumped = False
    found = _left_search(S, v, R, stop)
    if found is None and getattr(S, "_appos", None) is not None:
        return S._appos    # "Один из них, Олег Ветлугин, пообещал"
    return found


def _left_search(S: _Sent, v: int, R: _Res, stop: int = 0):
    S._appos = None
    j, jumps = v - 1, 0
    while j >= stop:
        t = S.low[j]
        if j + 1 in getattr(S, "nl", ()):
            return None
        if _markup(S, j):
            j -= 1
            continue
        if S.text[j] == "," and all(S.upos[x] in ("ADV", "PART") or S.low[x] in R.fw["neg"] for x in range(j + 1, v)) \
                and _has_own_content(S, v, R):
            # "Он подошел к ним, сказал, что …": a verb coordinated without a conjunction
            if any(S.finite(x) for x in range(_clause_left(S, j), j)):
                return "coord"
        if S.text[j] == "," and jumps < 2:
            k = _skip_comma_segment(S, j, R)
            if k is not None and k > stop:
                if S._appos is None:
                    names = [x for x in range(k + 1, j) if S.upos[x] == "PROPN" and _nomlike(S, x)
                             and (S.ent_at(x) is None or S.ent_at(x)["type"] == "PER")]
                    if names and jumps == 0:
                        S._appos = names[-1]
                j, jumps = k - 1, jumps + 1
                S._jumped = True
                continue
            return None
        if S.text[j] in QUOTE_CHARS or S.text[j] == ")":
            o = _short_group(S, j)
            if o is not None and S.text[j] in QUOTE_CHARS and o >= 2 and o - 2 >= stop \
                    and S.upos[o - 1] in ("NOUN", "PROPN") and S.case(o - 1) not in (None, "Nom") \
                    and S.upos[o - 2] == "ADP":
                j = o - 1         # "Актёр из сериала «Звёздный путь» обвинил": a name in apposition to a noun in a PP
                continue
            if o is not None and S.text[j] in QUOTE_CHARS and o + 1 < j and _subj_ok(S, o + 1, R) \
                    and S.text[o + 1][:1].isupper():
                return o + 1      # a quoted name: «Газпром» сообщал
            if o is not None and S.text[j] == ")":
                j = o - 1         # a bracketed acronym: "Сирийский центр … (SOHR) сообщает"
                continue
        if S.bound(j):
            return None
        if t in R.fw["comp"] or S.upos[j] == "SCONJ":
            return None
        if t in R.fw["coord"] and all(S.upos[k] in ("ADV", "PART") or S.low[k] in R.fw["neg"]
                                      for k in range(j + 1, v)):
            return "coord"
        if S.finite(j) and j != v:
            return None
        if _subj_ok(S, j, R) and _nomlike(S, j):
            if _unsure_case(S, j) and j - 1 >= stop and S.upos[j - 1] in ("NOUN", "PROPN") \
                    and S.case(j - 1) not in (None, "Nom") and S.lang != "en":
                a = j - 1
                while a - 1 >= stop and S.upos[a - 1] in _NOMINAL and not S.bound(a - 1):
                    a -= 1
                if a - 1 >= stop and S.upos[a - 1] == "ADP":
                    j = a - 2          # "в Генштабі ЗСУ": inside a prepositional phrase
                    continue
            if S.lem[j] in R.fw["rel"] or S.low[j] in R.fw["rel"]:
                return None
            return j
        j -= 1
    # a tagger's wrong case on a clause-initial animate noun: "Республіканці стверджують"
    k = v - 1
    while k >= stop and (S.upos[k] in ("ADV", "PART") or S.low[k] in R.fw["neg"]):
        k -= 1
    if k >= stop and S.upos[k] in ("NOUN", "PROPN") and S.feats[k].get("Animacy") == "Anim" \
            and (k == 0 or S.bound(k - 1)) and _subj_ok(S, k, R) \
            and not (S.lang == "ru" and S.case(k) in ("Dat", "Ins", "Loc")) \
            and not (S.case(k) in ("Acc", "Gen") and S.feats[k].get("Number") and S.feats[v].get("Number")
                     and S.feats[k]["Number"] != S.feats[v]["Number"]):
        # not "Пассажирам пообещали"; not "Министра обвиняют в …" (an object that does not agree)
        return k
    return None


def _relative_antecedent(S: _Sent, v: int, R: _Res):
    """"…, который пообещал": the noun before the comma that opens the relative clause."""
    k = v - 1
    while k >= 0 and (S.upos[k] in ("ADV", "PART") or S.low[k] in R.fw["neg"]):
        k -= 1
    if k < 1 or not (S.lem[k] in R.fw["rel"] or S.low[k] in R.fw["rel"]) or S.text[k - 1] != ",":
        return None
    h = next((x for x in range(k - 2, max(-1, k - 6), -1) if S.upos[x] in ("NOUN", "PROPN", "X")), None)
    return h


def _parenthetical(S: _Sent, j: int, R: _Res):
    """The closing comma of an inserted phrase starting at ``j`` ("в частности", "например";
    ``parenthetical`` in attribution_words.tsv) followed by a comma, else None."""
    for p in R.words.get("parenthetical", ()):
        w = p.split()
        e = j + len(w)
        if e < S.n and S.low[j:e] == w and S.text[e] == ",":
            return e
    return None


def _right_candidate(S: _Sent, v: int, R: _Res, hi: int | None = None):
    hi = S.n - 1 if hi is None else hi
    if S.lang == "en":
        j = v + 1
        if j < S.n and S.upos[j] in ("PROPN", "PRON", "DET", "NOUN") and S.low[j] not in R.fw["object_pronoun"]:
            h = j
            while h + 1 < S.n and S.upos[h + 1] in ("PROPN", "NOUN", "ADJ") and S.upos[h] != "PRON":
                h += 1
            if (h + 1 >= S.n or S.bound(h + 1)) and _subj_ok(S, h, R):
                return h
        return None
    j, in_pp = v + 1, False
    while j <= hi:
        if j in getattr(S, "nl", ()):
            return None       # a speaker never stands on the next line
        if _markup(S, j):
            j += 1            # "[сообщает](https://…) издание": the link around the verb
            continue
        if S.text[j] in OPENING_QUOTES and j + 1 <= hi:
            # a quoted name right after the verb: сообщает "Интерфакс"
            m = _media_at(S, j + 1, R)
            if m:
                return j + 1
            if j == v + 1 or not in_pp:
                e = S.ent_at(j + 1)
                if e and e["type"] in ("ORG", "PER"):
                    return j + 1
                if j == v + 1 and S.text[j + 1][:1].isupper() and S.upos[j + 1] in ("PROPN", "NOUN", "ADJ", "X"):
                    k = j + 1
                    while k + 1 < S.n and S.text[k + 1] not in QUOTE_CHARS and k - j < 5:
                        k += 1
                    if k + 1 < S.n and S.text[k + 1] in QUOTE_CHARS and (k + 2 >= S.n or S.bound(k + 2)):
                        return j + 1
            return None
        if S.text[j] == ",":
            p = _parenthetical(S, j + 1, R)
            if p is not None:
                j = p + 1     # "подтвердил, в частности, министр …": past the inserted phrase
                continue
        if S.bound(j) or S.upos[j] == "SCONJ" or S.low[j] in R.fw["comp"]:
            return None
        if S.upos[j] in ("VERB", "AUX") and not (S.feats[j].get("VerbForm") == "Part" and S.feats[j].get("Variant") != "Short"
                                                 and S.case(j) == "Nom"):
            return None       # a nominative participle ("объединённая пресс-служба") is part of the phrase
        if S.upos[j] == "ADP":
            in_pp = True
            j += 1
            continue
        if _markup(S, j):
            j += 1
            continue
        if S.upos[j] in _NOMINAL or S.upos[j] == "PRON":
            if _unsure_case(S, j) and j - 1 > v and S.upos[j - 1] in ("NOUN", "PROPN", "ADJ") \
                    and S.case(j - 1) not in (None, "Nom"):
                j += 1
                continue
            if in_pp:
                if S.lang != "en" and S.case(j) == "Nom" and _subj_ok(S, j, R):
                    return j
                j += 1
                continue
            if _subj_ok(S, j, R) and _nomlike(S, j):
                return j
            j += 1
            continue
        in_pp = False
        j += 1
    return None


def _score(S: _Sent, v: int, j, R: _Res, side: str) -> float:
    if j is None or j == "coord":
        return -1
    s = 0.0
    named = S.ent_at(j) or _media_at(S, j, R) or S.low[j] in R.fw["pron"] or S.lem[j] in R.heads
    if S.feats[j].get("Animacy") == "Anim":
        s += 1
    if _agrees(S, v, j):
        s += 1
    else:
        s -= 2
    prev = v - 1
    while prev >= 0 and (S.low[prev] in R.fw["neg"] or S.upos[prev] == "ADV"):
        prev -= 1
    inverted_ctx = prev < 0 or S.text[prev] in _BOUND or S.low[prev] in R.fw["how"]
    if getattr(S, "_jumped", False) and side == "right":
        inverted_ctx = False
    if named and (side == "left" or inverted_ctx):
        s += 2       # "заявила SHOT, что": a name right after the verb is its addressee
    if side == "left":
        if getattr(S, "_jumped", False):
            s += 0.5
        else:
            s += 0.5 if not inverted_ctx else -1
        s -= 0.1 * min(v - j, 5)
    else:
        s += 1.5 if inverted_ctx else 0
        s -= 0.1 * min(j - v, 5)
    return s


def _syncretic_subject(S: _Sent, v: int, R: _Res):
    """The subject of a postposed reporting verb after a quotation and a dash or comma (the
    inversion of direct speech) that the parser attached elsewhere: to the quoted clause's verb
    ("«…», — объяснил необходимость изменений Володин"), or as the verb's last of two objects,
    for the nominative and accusative of an inanimate noun are one form ("«…», — цитирует судью
    портал Е1.RU", "— передает слова министра телеканал")."""
    p = v - 1
    while p >= 0 and S.text[p] in (",", "—", "–", "-"):
        p -= 1
    if p == v - 1 or p < 0 or S.text[p] not in QUOTE_CHARS:
        return None
    h = S.head[v]
    if S.deprel[v] == "parataxis" and h is not None and 0 <= h < p:
        # "«…», — объяснил необходимость изменений Володин": the subject after the reporting verb
        # attached to the quoted clause's verb
        late = [k for k in S.children[h] if S.deprel[k] == "nsubj" and k > v
                and not any(S.bound(x) or S.finite(x) for x in range(v + 1, k))]
        if late and _subj_ok(S, late[0], R) and S.case(late[0]) in (None, "Nom"):
            return late[0]
    objs = [k for k in S.children[v] if S.deprel[k] == "obj" and k > v]
    if len(objs) < 2:
        return None
    k = objs[-1]
    f = S.feats[k]
    if f.get("Animacy") == "Inan" and S.case(k) == "Acc" and S.upos[k] == "NOUN" \
            and (f.get("Gender") in ("Masc", "Neut") or f.get("Number") == "Plur") and _subj_ok(S, k, R):
        return k
    return None


def _gender_agrees(S: _Sent, v: int, k: int) -> bool:
    """A past-tense verb and its subject do not clash in gender ("сравнил" and "Гитлер" may;
    "заявила" and "Бриджен" not)."""
    gv, gk = S.feats[v].get("Gender"), S.feats[k].get("Gender")
    return not (gv and gk and gv != gk and S.upos[k] != "PROPN")


def _relative_author(S: _Sent, v: int, R: _Res):
    """A relative clause with no subject of its own whose verb shares the subject of the clause
    that holds the noun it qualifies: "сделал заявление, в котором осудил …", "написал письмо, в
    котором допустил свой уход", "помиловал сына по делам, которые назвал политически
    мотивированными" (the relative word in another case, or not agreeing with the verb in number
    or gender, is no subject). The head of that subject, agreeing with the verb, or None."""
    n = S.head[v] if S.deprel[v].startswith("acl") else -1
    rel = [k for k in S.children[v] if k < v and (S.lem[k] in R.fw["rel"] or S.low[k] in R.fw["rel"])]
    if n < 0 or not rel or not S.finite(v) or S.feats[v].get("Person") in ("1", "2"):
        return None
    r = rel[0]
    if any(S.deprel[k] == "nsubj" and k != r for k in S.children[v]):
        return None           # a subject of its own: "письмо, в котором министр допустил …"
    if S.case(r) in (None, "Nom") and S.upos[r - 1] != "ADP" and _agrees(S, v, r) and _gender_agrees(S, v, r):
        return None           # "…, который пообещал": the relative word is the subject
    m = S.head[n]
    if m < 0 or S.upos[m] not in ("VERB", "AUX"):
        return None
    h = _syn_subject(S, m, R)
    if h is None or not (S.feats[h].get("Number") in (None, S.feats[v].get("Number")) or S.feats[v].get("Number") is None) \
            or not _gender_agrees(S, v, h):
        return None
    return h


def _continued_subject(S: _Sent, v: int, R: _Res):
    """A verb with no subject right after a dash or a colon continues the clause before it:
    "артист обратился к медикам — пожаловался на кашель", "актриса обратилась к медикам:
    пожаловалась, что …". The subject of the nearest finite verb before the mark, agreeing in
    number and gender, with no quotation between; its head or None."""
    p = v - 1
    while p >= 0 and S.upos[p] in ("ADV", "PART"):
        p -= 1
    if p < 1 or S.text[p] not in (":", *LONG_DASHES) or not S.finite(v) or S.feats[v].get("Person") in ("1", "2") \
            or any(S.deprel[k] == "nsubj" for k in S.children[v]):
        return None
    if S.text[p] in LONG_DASHES and S.text[p - 1] == ",":
        return None           # ", — сообщили в пресс-службе": a reporting clause after its content, whose
        # source follows the verb (issue #12, eleventh round), not a continued clause
    f = next((x for x in range(p - 1, max(-1, p - 15), -1) if S.finite(x) or S.text[x] in (".", ";", "!", "?")), None)
    if f is None or not S.finite(f) or any(S.text[x] in QUOTE_CHARS for x in range(f, v)):
        return None
    h = _syn_subject(S, f, R)
    if h is None or h > f or not _agrees(S, v, h) or not _gender_agrees(S, v, h) \
            or S.feats[h].get("Number") not in (None, S.feats[v].get("Number")):
        return None
    return h


def _fronted_object(S: _Sent, v: int, k: int, R: _Res) -> bool:
    """The parse's subject ``k`` of the plural finite verb ``v`` is a singular common noun before
    it with nothing that makes it plural (no conjunct, numeral or counted genitive, not a
    collective "большинство экспертов"), in its dictionary form, which the accusative shares; or
    a feminine accusative in -у/-ю: a fronted object of an indefinite-personal verb, not its
    subject ("Исторический облик обещают сохранить", "Магазин требуют закрыть", "Продажу
    алкоголя предлагают ограничить")."""
    fv, fk = S.feats[v], S.feats[k]
    if k < v and S.upos[k] == "NOUN" and S.case(k) == "Acc" and fk.get("Gender") == "Fem" and fk.get("Number") == "Sing" \
            and S.low[k].endswith(("у", "ю")):
        return True           # an accusative no nominative has: "Продажу алкоголя предлагают ограничить"
    if k > v or S.upos[k] != "NOUN" or fk.get("Number") != "Sing" or fv.get("Number") != "Plur" \
            or fv.get("VerbForm") not in (None, "Fin") or fv.get("Person") not in (None, "3") or _unsure_case(S, k) \
            or S.low[k] in R.words.get("collective_subject", ()) or S.case(k) not in (None, "Nom", "Acc"):
        return False
    if S.low[k].replace("ё", "е") != S.lem[k].replace("ё", "е") or not (
            fk.get("Gender") == "Neut" or (fk.get("Gender") == "Masc" and fk.get("Animacy") == "Inan")
            or (fk.get("Gender") == "Fem" and S.low[k].endswith("ь"))):
        return False          # a form no accusative has: "оппозиция … не признали", "Помощник … и министр …";
        # the dictionary form only (the tagger's "singular" "оптовики" is a plural)
    if (S.text[k][:1].isupper() and k > 0 and not S.bound(k - 1) and S.upos[k - 1] != "ADJ") \
            or any(S.text[x] in QUOTE_CHARS for x in (k - 1, k + 1) if 0 <= x < S.n):
        return False          # a name: "«РИА Новости» сообщали"
    return not any(S.deprel[x] in ("conj", "nummod", "nummod:gov") or (S.deprel[x] == "nmod" and S.case(x) == "Gen"
                                                                      and S.feats[x].get("Number") == "Plur"
                                                                      and x > k and all(S.upos[y] in ("ADJ", "DET", "NUM")
                                                                                        for y in range(k + 1, x)))
                   for x in S.children[k])


def _named_thing(S: _Sent, v: int, k: int, R: _Res) -> bool:
    """The parse's subject ``k`` of a plural ``naming_verb`` with a predicative and no object
    of its own is an inanimate plural before it, a form the accusative shares: the thing named,
    not who names it ("Такие грибы называют лисичками"; not "Власти назвали решение ошибкой",
    which has its object)."""
    return k < v and S.upos[k] == "NOUN" and S.feats[k].get("Animacy") == "Inan" \
        and S.feats[k].get("Number") == "Plur" and S.feats[v].get("Number") == "Plur" \
        and any(l in R.words.get("naming_verb", ()) for l in S.lems[v]) and not S.ent_at(k) \
        and any(S.deprel[x] == "xcomp" for x in S.children[v]) \
        and not any(S.deprel[x] == "obj" for x in S.children[v])


def _syn_subject(S: _Sent, v: int, R: _Res):
    cur = v
    shared = False        # the subject of a coordinated verb that is no report: it must agree
    for _ in range(4):
        subj = [k for k in S.children[cur] if S.deprel[k] in ("nsubj",)]
        if not subj and cur == v and S.lang != "en":
            k = _syncretic_subject(S, v, R)
            if k is not None:
                return k
        if len(subj) > 1:
            # two subjects for one verb (a participle read as one): the one that can be a speaker
            subj = [k for k in subj if _subj_ok(S, k, R)] or subj
            # one of them in another clause: "подал в отставку министр Дэвис, а … заявил глава МИД
            # Джонсон" (the parse gave both to "заявил"); the one with no comma before the verb
            own = [k for k in subj if not any(S.text[x] == "," for x in range(min(k, cur) + 1, max(k, cur)))]
            subj = own or subj
        if subj:
            k = subj[0]
            if S.lem[k] in R.fw["rel"] or S.low[k] in R.fw["rel"]:
                h = S.head[cur]
                if S.deprel[cur].startswith("acl") and h >= 0:
                    near = _relative_antecedent(S, cur, R)
                    if near is not None and near > h and not _descends(S, near, h) and all(
                            S.feats[near].get(f) and S.feats[near].get(f) == S.feats[k].get(f) for f in ("Gender", "Number")):
                        return near   # "договор подписали Путин и Ким Чен Ын, который назвал …": the noun
                        # before the comma, agreeing with "который", not a farther head the parse chose (nor a
                        # word of that head's own phrase: "Сотрудница Прокуратуры …, которая")
                    if S.lem[h] in R.speech_acts or S.lem[h] in R.words.get("quoted_noun", ()):
                        # "цитату экс-сенатора Дика Блэка, который признал …": the owner of the words,
                        # agreeing with "который", not the words
                        own = next((x for x in S.children[h] if S.deprel[x].startswith("nmod")
                                    and S.upos[x] in ("NOUN", "PROPN") and all(
                                        S.feats[x].get(f) == S.feats[k].get(f) for f in ("Gender", "Number")
                                        if S.feats[k].get(f))), None)
                        if own is not None:
                            return own
                    return h
                return None
            if cur == v and (_fronted_object(S, v, k, R) or _named_thing(S, v, k, R)):
                return None       # "Исторический облик обещают сохранить": an indefinite-personal verb
            if _quote_between(S, min(k, cur), max(k, cur), subject_after=k > cur) \
                    or any(x in getattr(S, "nl", ()) for x in range(min(k, cur) + 1, max(k, cur) + 1)):
                return None       # across a quotation or a line break (a headline glued to the text)
            lo_, hi_ = min(k, cur), max(k, cur)

            def inserted(x):      # "…, как водится, …": a clause between two commas inside the span
                return any(S.text[y] == "," for y in range(lo_ + 1, x)) and any(S.text[y] == "," for y in range(x + 1, hi_))
            if any(S.finite(x) and x != cur and not _descends(S, x, k) and not inserted(x) for x in range(lo_ + 1, hi_)) \
                    and any(S.text[x] in ("—", "–", ",") for x in range(lo_ + 1, hi_)):
                return None       # "Ребята, отмена … отменяется — … заверили": another clause's word
            if shared and not (_agrees(S, v, k) and _gender_agrees(S, v, k)):
                return None
            return k if _subj_ok(S, k, R) else None
        rel, h = S.deprel[cur], S.head[cur]
        if h < 0:
            return None
        vf = S.feats[cur].get("VerbForm")
        if rel == "conj":
            # through a coordinated reporting verb: "сказал … и пообещал"; through another finite
            # verb when its subject agrees: "Бриджен сравнил министра с Чемберленом и заявил, что …"
            if not _is_report_verb(S, h, R):
                if cur != v or not (S.finite(h) and S.finite(v)) \
                        or any(S.low[x] in R.words.get("contrast_conj", ()) or (S.finite(x) and _is_report_verb(S, x, R))
                               for x in range(min(h, v) + 1, max(h, v))):
                    # a report verb between them is the nearer conjunct ("… он заявлял и даже написал")
                    return None
                if S.deprel[h] not in ("root", "parataxis", "conj") \
                        or any(S.deprel[k] == "mark" for k in S.children[h]):
                    return None   # "утверждает, что атаки совершают ВСУ, и требует …": not a reported clause's verb
                shared = True
            cur = h
            continue
        if rel in ("xcomp", "advcl") or vf in ("Conv", "Inf"):
            cur = h
            continue
        return None
    return None


def _source_owner(S: _Sent, g: int, R: _Res, depth: int = 0):
    """The owner named right after a source noun, from token ``g``: a genitive noun phrase
    ("по данным Росстата"), a quoted name ("следует из отчета «Газпрома»"), or the owner of a
    document or site in a locative phrase ("По информации на сайте аэропорта «Борисполь»"; the
    document or site itself when no owner follows), or an unnamed source or a document after
    "из"/"от" (``owner_from_prep``: "по сведениям из источника «Интерфакса»").  ``(span, head)``
    or None."""
    if g >= S.n:
        return None
    if S.text[g] in OPENING_QUOTES:
        e = next((x for x in range(g + 1, min(S.n, g + 9)) if S.text[x] in QUOTE_CHARS), None)
        if e is not None and e > g + 1 and not any(S.finite(x) for x in range(g + 1, e)):
            return (g, e), g + 1
        return None
    if S.bound(g):
        return None
    if S.upos[g] in _NOMINAL and S.case(g) in (None, "Gen"):
        return _np(S, g, g, S.n - 1), g
    if depth == 0 and (S.low[g] in R.fw["loc"] or S.low[g] in R.words.get("site_prep", ())):
        k = g + 1
        while k < min(S.n, g + 4) and S.upos[k] in ("ADJ", "DET"):
            k += 1
        if k < S.n and S.upos[k] == "NOUN" and S.case(k) in (None, "Loc") \
                and (S.lem[k] in R.speech_acts or S.lem[k] in R.fw["doc_nouns"] or S.lem[k] in R.words.get("site_noun", ())):
            return _source_owner(S, k + 1, R, 1) or ((k, k), k)
    if depth == 0 and S.low[g] in R.words.get("owner_from_prep", ()):
        # "по сведениям из источника «Интерфакса»", "по информации от источников в правительстве":
        # an unnamed source, or a document and its owner ("по данным из доклада ООН")
        k = g + 1
        while k < min(S.n, g + 4) and S.upos[k] in ("ADJ", "DET"):
            k += 1
        if k < S.n and S.upos[k] == "NOUN" and S.case(k) in (None, "Gen"):
            if R.heads.get(S.lem[k], ("", ""))[1] == "source":
                a, b = _np(S, k, k, S.n - 1)
                if b + 2 < S.n and S.low[b + 1] in R.fw["loc"] and S.upos[b + 2] in ("NOUN", "PROPN") \
                        and S.case(b + 2) in (None, "Loc"):
                    b = _np(S, b + 2, b + 2, S.n - 1)[1]     # "источников в правительстве"
                return (a, b), k
            if S.lem[k] in R.speech_acts or S.lem[k] in R.fw["doc_nouns"]:
                return _source_owner(S, k + 1, R, 1) or ((k, k), k)
    return None


def _loc_speaker(S: _Sent, v: int, R: _Res, want_speech: bool, speech_class: bool = True):
    """"в Кремле заявили", "говорится в заявлении МИД": the speaker in a locative phrase.
    A source before the verb is taken first ("В ООН подтвердили удар по объекту в Фордо"); after
    the verb only one that follows it closely ("заявили в Кремле"), a speech noun anywhere in
    the clause ("говорится в сообщении")."""
    lo = v - 1
    while lo >= 0 and (not S.bound(lo) or S.text[lo] in QUOTE_CHARS):
        lo -= 1
    if not want_speech and lo >= 1 and S.text[lo] == "," and lo == v - 1:
        # past an inserted phrase right before the verb: "В альянсе, по его словам, ожидают, что …"
        j = _skip_comma_segment(S, lo, R)
        if j is not None and j >= 1 and any(S.low[x] in R.fw["loc"] for x in range(0, j)):
            lo = j - 1
            while lo >= 0 and (not S.bound(lo) or S.text[lo] in QUOTE_CHARS):
                lo -= 1
    lo += 1
    hi = _first_bound(S, v + 1) if v + 1 < S.n else v
    place = None
    if want_speech:
        order = list(range(v + 1, hi + 1)) + list(range(v - 1, lo - 1, -1))
    else:
        after = []
        for x in range(v + 1, min(hi, v + 3) + 1):
            if S.low[x] in R.fw["about"]:
                break         # "Пишут о взрывах в Одессе": a place inside the topic is no source
            after.append(x)
        order = list(range(v - 1, lo - 1, -1)) + after
    for j in order:
        if S.low[j] not in R.fw["loc"]:
            continue
        if j + 1 < S.n and S.upos[j + 1] == "PRON" and S.low[j + 1] in R.fw["loc_pron"]:
            return (j + 1, j + 1), j + 1, None     # "В нем говорится о …": the pronoun, resolved later
        if want_speech and j + 1 < v and j >= 2 and S.text[j - 1] == "," and S.lem[j + 1] in R.fw["rel"]:
            # "записку, в которой говорится, что …": the relative's antecedent, the noun before the comma
            # (agreeing in gender and number: "записку для Министерства обороны Украины, в которой")
            f = S.feats[j + 1]
            h = S.head[v] if S.deprel[v].startswith("acl") and 0 <= S.head[v] < j \
                and S.upos[S.head[v]] in ("NOUN", "PROPN") else None      # the parse's antecedent
            h = h if h is not None else \
                next((x for x in range(j - 2, max(-1, j - 10), -1) if S.upos[x] in ("NOUN", "PROPN", "X")), None)
            if h is not None and 0 <= S.head[h] < h and S.head[h] >= j - 12 and S.case(h) == "Gen" \
                    and S.upos[S.head[h]] in ("NOUN", "PROPN"):
                g = h
                while 0 <= S.head[g] < g and S.head[g] >= j - 12 and S.upos[S.head[g]] in ("NOUN", "PROPN"):
                    g = S.head[g]
                if all(S.feats[g].get(k) in (None, f.get(k)) for k in ("Gender", "Number") if f.get(k)):
                    h = g         # "записку для Министерства обороны Украины, в которой": the head, not the genitive
            if h is not None:
                return _np(S, h, 0, j - 2), h, None
        k = j + 1
        while k < S.n and (S.upos[k] in ("ADJ", "DET") or S.text[k] in QUOTE_CHARS
                           or S.feats[k].get("VerbForm") == "Part") and k < j + 4:
            k += 1            # "в правящей партии": a participle modifies the noun too
        if k >= S.n or S.upos[k] not in ("NOUN", "PROPN", "X"):
            continue
        if S.lem[k] in R.words.get("adverbial_noun", ()) and (k == j + 1 or S.case(k) in (None, "Loc")):
            continue          # "в итоге констатировали", "в результате", "в 2021 году": an adverbial, no source
        if S.lem[k] in R.speech_acts or S.low[k] in R.speech_acts:
            g = k + 1
            if g + 2 < S.n and S.upos[g] == "ADP" and S.upos[g + 1] == "NOUN" and S.case(g + 2) in ("Gen", None) \
                    and S.upos[g + 2] in ("NOUN", "PROPN", "X"):
                g += 2
            if g < S.n and not S.bound(g) and S.upos[g] in _NOMINAL \
                    and (S.case(g) in ("Gen", None) or S.upos[g] in ("PROPN", "X") or _unsure_case(S, g)):
                # (the owner in the genitive: not the object after it, "В докладе эту ситуацию называют …")
                return _np(S, g, g, S.n - 1), g, (j, k)
            if g < S.n and S.low[g] in R.words.get("site_prep", ()):
                own = _source_owner(S, g, R)   # "говорится в релизе на официальном сайте Еврокомиссии": the
                if own is not None and own[1] > g + 1:   # site's owner (issue #12, ninth round)
                    return own[0], own[1], (j, k)
            if not want_speech and j < v and S.lem[k] in R.fw["doc_nouns"]:
                return (k, k), k, None    # "В докладе эту ситуацию называют …": the document is the source
            return None, None, (j, k)
        if (want_speech or j < v) and (S.lem[k] in R.fw["doc_nouns"] or S.lem[k] in R.words.get("rule_doc", ())):
            # (before the verb also for an indefinite-personal one: "В документе газопровод называют …")
            # "в документе сказано": a document with no owner is itself the source; with one, the owner
            g = k + 1
            if g < S.n and not S.bound(g) and S.upos[g] in ("NOUN", "PROPN", "X") and S.case(g) in ("Gen", None):
                return _np(S, g, g, S.n - 1), g, None
            return (k, k), k, None
        if want_speech:
            continue
        if S.lang != "en" and S.case(k) not in (None, "Loc") and S.upos[k] != "PROPN" and not S.ent_at(k) \
                and S.lem[k] not in R.heads:
            continue
        owner = k + 1
        while owner < S.n and S.upos[owner] in ("ADJ", "DET") and owner < k + 3:
            owner += 1
        owned = owner < S.n and S.case(owner) == "Gen" and S.ent_at(owner) is not None \
            and str(S.ent_at(owner)["type"]).upper() in ("PER", "ORG")     # "в резиденции Деда Мороза"
        e = k
        while e + 1 < v and S.upos[e + 1] in ("NOUN", "PROPN", "ADJ", "X") and S.case(e + 1) in (None, "Gen"):
            e += 1
        adjacent = (e + 1 == v or (j == v + 1 and speech_class)) and S.feats[v].get("Number") == "Plur" \
            and S.case(k) == "Loc"     # not "обвинили в махинациях": the charge
        # "В музее обещают …", "сообщили в ливанском минздраве"
        if not (S.ent_at(k) or S.upos[k] in ("PROPN", "X") or S.text[k][:1].isupper() or S.lem[k] in R.heads
                or _unsure_case(S, k) or _media_at(S, k, R) or owned or adjacent):
            continue      # "в ответе ему заявили": not a speaker
        a, b = _np(S, k, k, S.n - 1)
        if owned:
            b = max(b, S.ent_at(owner)["b"])
        modified = S.upos[j + 1] in ("ADJ", "DET") or S.feats[j + 1].get("VerbForm") == "Part"
        found = ((j + 1 if modified else k, b), k, None)
        e = S.ent_at(k)
        if e is not None and str(e["type"]).upper() in ("LOC", "GPE") and not S.lem[k] in R.heads:
            place = place or found      # a place is a speaker only when nothing else is named
            continue
        return found
    if place is not None:
        return place
    if not want_speech:
        # "отметили там", "Там подчеркнули": the place named before
        for j in list(range(v + 1, hi + 1)) + list(range(v - 1, lo - 1, -1)):
            if S.low[j] == "там":
                return (j, j), j, None
    return None, None, None


def _names_source(S: _Sent, a: int, b: int, R: _Res, group: bool = False) -> bool:
    """The tokens a..b name a possible source: a person or organisation entity (not a place),
    a medium, a speaker noun of ``anonymous_sources.tsv`` ("спасатели", "глава ВТБ"); with
    ``group``, also a plural animate noun in the nominative ("правозащитники")."""
    for x in range(a, b + 1):
        e = S.ent_at(x)
        if (e and str(e["type"]).upper() in ("PER", "ORG")) or _media_at(S, x, R) or S.lem[x] in R.heads \
                or (S.upos[x] == "PROPN" and S.feats[x].get("Animacy") == "Anim" and not e) \
                or (group and S.upos[x] == "NOUN" and S.feats[x].get("Animacy") == "Anim"
                    and S.feats[x].get("Number") == "Plur" and S.case(x) in (None, "Nom")):
            return True       # with ``group``, a group of people: "Правозащитники: …", "Врачи: …"
    return False


def _first_person(S: _Sent, c: _Cue, R: _Res, syntax: bool):
    """"«Я у него спросил: …»": the first-person subject of a verb inside a quotation."""
    fp = R.words.get("first_person", ())
    if syntax:
        k = next((k for k in S.children[c.v] if S.deprel[k] == "nsubj" and S.low[k] in fp), None)
        if k is not None:
            return k
    j = c.cue[0] - 1
    while j >= 0 and not S.bound(j) and c.cue[0] - j <= 4:
        if S.low[j] in fp and S.case(j) in (None, "Nom"):
            return j
        j -= 1
    k = c.cue[1] + 1
    if k < S.n and S.low[k] in fp and S.case(k) in (None, "Nom"):
        return k          # "— Светка! — завопил я": the narrator after the tag's verb (the parse may hang
        # "я" on the quoted words' verb)
    return None


def _quoted_source(S: _Sent, c: _Cue, R: _Res, syntax: bool, spk_head):
    """The quoted speaker of a quoting verb: "передает слова министра агентство" (the noun
    "слова" and its genitive), "цитирует Пескова агентство" (an animate or named object)."""
    if not any(l in R.words.get("quoting_verb", ()) for l in S.lems[c.v]):
        return None
    if syntax:
        objs = [k for k in S.children[c.v] if S.deprel[k] == "obj"]
    else:
        objs = [k for k in range(c.v + 1, min(S.n, c.v + 4)) if S.upos[k] in ("NOUN", "PROPN")
                and S.case(k) in ("Acc", "Gen", None) and k != spk_head][:1]
    for k in objs:
        if S.lem[k] not in R.words.get("quoted_noun", ()) and not any(l in R.words.get("citing_verb", ()) for l in S.lems[c.v]):
            continue      # "привел мальчика": only "цитировать" takes the quoted speaker as object
        if S.lem[k] in R.words.get("quoted_noun", ()) and k > 0 and S.low[k - 1] in R.fw["poss"]:
            return (k - 1, k - 1), k - 1, k      # "его слова приводит ТАСС"
        if S.lem[k] in R.words.get("quoted_noun", ()):
            g = k + 1
            while g < S.n and S.upos[g] in ("ADJ", "DET") and g < k + 4:
                g += 1
            if g < S.n and S.upos[g] in ("NOUN", "PROPN", "X") and S.case(g) in ("Gen", None) and g != spk_head:
                span = _syn_span(S, g) if syntax else _np(S, g, g, S.n - 1)
                return (k + 1, max(span[1], g)), g, k
            return None
        if S.feats[k].get("Animacy") == "Anim" or (S.ent_at(k) and S.ent_at(k)["type"] in ("PER", "ORG")):
            span = _syn_span(S, k) if syntax else _np(S, k, k, S.n - 1)
            a, b = min(span[0], k), max(span[1], k)
            q = next((x for x in range(k + 1, b + 1) if S.text[x] in QUOTE_CHARS), None)
            if q is not None:
                b = q - 1         # "цитирует адвоката «Медиазона»": the quoted name after the person is the medium
            return (a, b), k, None
    return None


def _skip_addressee(S: _Sent, c: _Cue, R: _Res) -> None:
    """"сообщили РИА Новости в подполье", "рассказал ТАСС источник": a medium right after the
    verb is the one told, when a subject or a locative source follows it in the same clause."""
    a, b = c.spk
    k = c.cue[1] + 1
    while k < S.n and S.text[k] in QUOTE_CHARS:
        k += 1
    m = _media_at(S, a, R) if a == k else None
    if not m:
        return
    if m[0] < b and any(_subj_ok(S, x, R) and _nomlike(S, x) for x in range(m[0] + 1, b + 1)):
        # "сообщили РИА Новости очевидцы": one phrase to the pattern search
        x = m[0] + 1
        c.spk, c.spk_head = (x, b), next((y for y in range(x, b + 1) if _subj_ok(S, y, R)), x)
        c.pattern += "+addressee"
        return
    j = b + 1
    while j < S.n and S.text[j] in QUOTE_CHARS:
        j += 1
    if j >= S.n or S.bound(j):
        return
    if S.low[j] in R.fw["loc"] and j + 1 < S.n and not S.bound(j + 1) and S.feats[c.v].get("Number") != "Sing":
        # an indefinite-personal plural only: with "передает Sky News в конце недели" the medium
        # agrees with the verb and is its subject, the prepositional phrase a time or a place
        h = j + 1
        while h < S.n and S.upos[h] in ("ADJ", "DET") and h < j + 4:
            h += 1
        if h < S.n and S.upos[h] in ("NOUN", "PROPN", "X"):
            e = h
            while e + 1 < S.n and S.upos[e + 1] in ("NOUN", "PROPN", "X") and S.case(e + 1) in (None, "Gen") \
                    and not S.bound(e + 1):
                e += 1
            c.spk, c.spk_head = (j + 1, e), h
            c.pattern += "+addressee"
        return
    if _subj_ok(S, j, R) and _nomlike(S, j) and not _unsure_case(S, j) and S.upos[j] != "PRON":
        c.spk, c.spk_head = _np(S, j, j, S.n - 1), j
        c.spk = _extend_to_name(S, c.spk, j, c.cue[0], R)
        c.pattern += "+addressee"


def _nested_same_subject(S: _Sent, c: _Cue, d: _Cue, R: _Res) -> bool:
    """The subjectless verb ``c`` in the clause of ``d`` agrees with ``d``'s speaker and
    nothing between them could be its own subject ("заявил, что считает ошибкой …")."""
    if d.spk is None and d.speaker_override is None:
        return False
    f = S.feats[c.v]
    if f.get("Person") in ("1", "2") or f.get("VerbForm") not in (None, "Fin", "Conv", "Inf"):
        return False
    fd = S.feats[d.v]
    if f.get("Number") and fd.get("Number") and f["Number"] != fd["Number"]:
        return False      # "SHOT писал, что Хрущёву попросили …": an indefinite plural, not the same subject
    h = d.spk_head if d.spk_head is not None else (d.spk[1] if d.spk else None)
    if h is not None:
        fh = S.feats[h]
        if f.get("Number") and fh.get("Number") and f["Number"] != fh["Number"] and not _unsure_case(S, h):
            return False
        if f.get("Gender") and fh.get("Gender") and f["Gender"] != fh["Gender"] and S.upos[h] != "PRON" \
                and fh.get("Animacy") == "Anim":
            return False
    if any(S.deprel[k] == "nsubj" for k in S.children[c.v]):
        return False
    # "…, а 13% покупателей указали": a nominative or a number before the verb in its clause
    k = c.cue[0] - 1
    while k >= 0 and not S.bound(k) and S.low[k] not in R.fw["coord"] and S.low[k] not in R.fw["comp"]:
        if S.upos[k] == "NUM" or (S.upos[k] in ("NOUN", "PROPN", "PRON") and _nomlike(S, k)):
            return False
        k -= 1
    return True


def _head_kind(S: _Sent, h: int, R: _Res):
    """The speaker-head entry of a noun, or of the last part of a hyphenated one ("телеграм-канал")."""
    lem = S.lem[h]
    kind = R.heads.get(lem)
    if kind is None and "-" in lem:
        kind = R.heads.get(lem.rsplit("-", 1)[1])
    return kind


def _extend_genitive_name(S: _Sent, spk, v):
    """Capitalised genitives that close the noun phrase ("Государственная служба по
    чрезвычайным ситуациям Украины", "Федеральной службе судебных приставов (ФССП) России");
    a name in the nominative after a name ("Эмманюэль Макрон")."""
    a, b = spk
    k = b + 1
    while k < S.n and k != v and S.upos[k] == "PROPN" and S.text[k][:1].isupper() \
            and (S.case(k) == "Gen" or (S.upos[b] == "PROPN" and S.case(k) == S.case(b) == "Nom"
                                        and S.feats[k].get("Animacy") == S.feats[b].get("Animacy") == "Anim")):
        k += 1
    return a, k - 1


def _extend_to_quoted_name(S: _Sent, spk, v):
    """An organisation or medium noun with its quoted name right after it: "телеграм-канал
    «Осторожно, новости»", "грузинской службы «Радио Свобода»" (the name belongs to the speaker)."""
    a, b = spk
    opened = [x for x in range(a, b + 1) if S.text[x] in QUOTE_CHARS]
    k = b + 1
    if len(opened) % 2 == 1 and S.text[opened[-1]] in OPENING_QUOTES:
        k = opened[-1]        # a span cut inside the name: "телеграм-канал «Осторожно"
    if k >= S.n or S.text[k] not in OPENING_QUOTES:
        return spk
    for e in range(k + 1, min(S.n, k + 9)):
        if S.text[e] in QUOTE_CHARS:
            if e > k + 1 and e > b and not any(S.finite(x) for x in range(k + 1, e)) and not (b < v < e):
                return a, e
            return spk
    return spk


def _extend_to_name(S: _Sent, spk, h, v, R: _Res, phrase: bool = False):
    """A role noun whose name comes a few words later: "Советник Белого дома по … Джон Кирби",
    "рассказывает американистка Александра Филиппенко" (any animate common noun, listed or not);
    an organisation or medium with its quoted name: "сообщает телеграм-канал «Осторожно, новости»"."""
    if h is None:
        return spk
    spk = _extend_genitive_name(S, spk, v)
    a, b = spk
    kind = _head_kind(S, h, R)
    animate = S.upos[h] == "NOUN" and S.feats[h].get("Animacy") == "Anim"
    if S.upos[h] == "NOUN" and (not animate or phrase) and b + 1 < S.n and S.text[b + 1] in OPENING_QUOTES:
        # "по данным сайта «ПроДокторов»", "в заявлении «Укрэнерго»", "со слов главы «АвтоВаза»"; after a
        # person and a verb the quoted name is mostly the addressee ("заявил Песков «Известиям»")
        spk = _extend_to_quoted_name(S, spk, v)
        if spk != (a, b) and not animate:
            return spk
        a, b = spk            # "главы «АвтоВаза» Максима Соколова": the name may follow
    if kind is not None and kind[0] in ("media", "organisation") and not animate:
        return _extend_to_quoted_name(S, spk, v)
    if not ((kind is not None and kind[0] in ("person", "anonymous") and kind[1] != "source")
            or (kind is None and animate) or (kind is not None and kind[0] == "media" and animate)):
        return spk
    if any((e["type"] == "PER") and a <= e["a"] <= b for e in S.ents):
        return spk
    names = [(e["a"], e["b"]) for e in S.ents if e["type"] == "PER"]
    nxt = S.ent_at(b + 1) if b + 1 < S.n else None
    if b + 1 < S.n and b + 1 != v and S.upos[b + 1] == "PROPN" and S.text[b + 1][:1].isupper() \
            and (S.feats[b + 1].get("Animacy") == "Anim" or S.case(b + 1) in (None, "Nom")) \
            and not (nxt and (str(nxt["type"]).upper() == "ORG"
                              or (str(nxt["type"]).upper() == "LOC" and S.case(b + 1) != "Nom"))) \
            and not _media_at(S, b + 1, R):   # a nominative "place" after a role noun is a misread surname
        e = b + 1             # a name right after the role noun the tagger found no entity for ("директор центра Гинцбург")
        while e + 1 < S.n and S.upos[e + 1] == "PROPN" and e + 1 != v:
            e += 1
        names.insert(0, (b + 1, e))
    if not S.ents:
        k = b + 1
        while k < S.n:
            if S.upos[k] == "PROPN" and S.feats[k].get("Animacy") == "Anim":
                e = k
                while e + 1 < S.n and S.upos[e + 1] == "PROPN":
                    e += 1
                names.append((k, e))
                k = e + 1
            else:
                k += 1
    for ea, eb in names:
        if b < ea <= b + 10 and (v < a or eb < v) \
                and not any((S.bound(x) and S.text[x] not in ("—", "–", ",")) or S.finite(x) for x in range(b + 1, ea)):
            return a, eb
    return spk


def _coordinated(S: _Sent, c: _Cue, R: _Res) -> bool:
    k = c.cue[0] - 1
    while k >= 0 and (S.upos[k] in ("ADV", "PART") or S.low[k] in R.fw["neg"]):
        k -= 1
    return k >= 0 and (S.low[k] in R.fw["coord"] or S.text[k] == ",")
