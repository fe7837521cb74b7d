"""Syntactic attachment of descriptors to a named actor: adjectives,
titles and appositions (left and right), genitives, descriptions by context."""

from __future__ import annotations

import re

from .._names import agree, lower_key
from .words import _ANIMALS, _EN_NP, _FAME, _FIXED, _OPEN_Q, _PET_NAME, _RELATION_NOUNS, _SMALL_ANIMALS
from .tokens import (
    _actor_noun, _head_of, _is_adj, _is_noun, _is_subject, _lemmas, _modifier, _name_part, _not_about, _np_left,
    _person_like, _place_phrase, _pronominal, _span_text,
)
from .lexicon import EVALUATIVE_THRESHOLD, _org_type
from .rows import _legal, _row
from .clauses import _adj_tokens, _predicate, _relative_tokens, _right_relative


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
    # a noun of relation before a name in the genitive is no title of it: "врагов России", "сторонники
    # Навального" name others (``relation_noun``; "сторонник Навального Иван Жданов" is Жданов's title)
    title_nodes = [t for t in title_nodes if not (
        lower_key(s.lemma[t]) in _RELATION_NOUNS and t < span[0] and s.feats(h).get("Case") == "Gen"
        and ((s.head[h] == t and s.deprel[h].startswith("nmod")) if s.has_syntax else t == span[0] - 1))]
    # animals are not actors ("кота Лучика", "кошка по кличке Марла")
    if any(lower_key(s.lemma[t]) in _ANIMALS for t in title_nodes + [h]) or _animal_nickname(s, span):
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
                not (" " in tl and phrase[0] == t - 1) or _adverb_of_fame(s, phrase, t):
            if not _is_adj(s, phrase[0]):
                phrase.pop(0)  # "Скандально известный блогер": the adverb goes with its adjective
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
    if m["type"] != "PER":
        for a in _swallowed(s, span, lex):
            add(_row(s, m, [a], "adjective", lex, lemma=s.lemma[a]), a)
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
        # in a phrase of place ("в самопровозглашенной ДНР пострадали"), evaluative ones neither
        # (guideline: a country that only names a place is no actor; fresh sample s30)
        where = _place_phrase(s, h)
        out = [r for r in out if r["kind"] != "adjective" or not where and
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


def _adverb_of_fame(s, phrase, t):
    """An adverb opening a title phrase that modifies the word of reputation
    after it ("Скандально известный блогер", "Печально известный депутат")."""
    return len(phrase) >= 2 and phrase[1] < t and s.upos[phrase[0]] == "ADV" and \
        lower_key(s.lemma[phrase[1]]) in _FAME and _is_adj(s, phrase[1]) and \
        (not s.has_syntax or s.head[phrase[0]] == phrase[1])


def _swallowed(s, span, lex):
    """Evaluative adjectives the name finder swallowed into an organisation's
    mention ("Взвод элитной бригады ВСУ"): a lower-case adjective inside the
    span that the lexicons score evaluative and that modifies a lower-case
    common noun of the span (a unit, an institution, an organisation type),
    not the first word of the name (the adjectives of a name, "Воздушные силы
    ВСУ", are capitalised at its head and are no rows)."""
    out = []
    for a in span[1:]:
        n = a + 1
        if not (_is_adj(s, a) and s.text[a][:1].islower() and n in span and _is_noun(s, n) and
                not s.feats(a).get("VerbForm") and s.text[n][:1].islower() and
                agree(s.feats(a), s.feats(n), ("Case",)) and _actor_noun(s, n, lower_key(s.lemma[n]), lex)):
            continue
        p = lex.polarity(s.lemma[a])
        if p is not None and abs(p) >= EVALUATIVE_THRESHOLD and not _name_part(s, a):
            out.append(a)
    return out


def _animal_nickname(s, span):
    """A name given after an animal noun and "по кличке" ("кошка по кличке
    Марла"; ``pet_name`` in ``epithet_cues.tsv``): an animal's name, not an
    actor's."""
    k = span[0] - 1
    if k < 1 or lower_key(s.lemma[k]) not in _PET_NAME:
        return False
    j = k - 1
    while j >= 0 and (s.upos[j] == "ADP" or _is_adj(s, j) or s.text[j] == ","):
        j -= 1
    return j >= 0 and (lower_key(s.lemma[j]) in _ANIMALS or lower_key(s.lemma[j]) in _SMALL_ANIMALS)


def _left_title(s, span, h, lex, ent_tok, person=False, hf=None):
    """A title noun before the name, possibly with genitive complements between
    (``президент страны-агрессора РФ Владимир Путин``)."""
    hf = s.feats(h) if hf is None else hf
    ent_person = person
    i = span[0] - 1
    if i > 0 and s.text[i] in _OPEN_Q and not person:
        # a quoted name right after its organisation type: "видання «Капітал»", "журнал «Time»";
        # only the type itself (its adjectives are rows of their own), never a noun further left
        i -= 1
        if _is_noun(s, i) and i not in ent_tok and (lex.is_title(s.lemma[i]) or _org_type(s.lemma[i], lex)):
            return i
        return None
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
            if f.get("Case") == "Gen" or s.lang == "en" or (
                    f.get("Animacy") == "Inan" and i > 0 and _is_noun(s, i - 1) and
                    s.feats(i - 1).get("Case") == "Gen" and i - 1 not in ent_tok):
                # also a noun tagged nominative inside a genitive chain, a form the two cases share
                # ("Міністр охорони здоров'я Максим Степанов": "здоров'я" read Nom; session 13)
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
        if any((lower_key(s.lemma[a]), lem) in _FIXED for a in _np_left(s, t, ent_tok)):
            continue  # "главная героиня": the protagonist of a story, a role
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
