"""Relative clauses, predicates ("X — диктатор", "X является …") and naming
verbs ("назвал X диктатором") that attach a descriptor to an actor."""

from __future__ import annotations

from ...lang.punct import DASHES
from .._names import agree, lower_key
from .words import (
    _ACCUSING, _APPOINTING, _BECOME_INTO, _CLOSE_Q, _COPULA_VERBS, _FAME, _NAMING_VERBS, _OPEN_Q, _PERSONAL,
    _REGARD_VERBS, _SEE_IN_VERBS,
    _RELATIVE, _REL_CASES, _SERVING, _WORD_NOUNS,
)
from .tokens import _actor_noun, _contiguous, _is_adj, _is_noun, _lemmas, _np_left, _span_text
from .lexicon import EVALUATIVE_THRESHOLD
from .morph import _instrumental, _parses, _person_accusative
from .rows import _nickname, _row


def _relative_tokens(s, c, antecedent, inside=()):
    """The tokens of the relative clause headed by ``c`` about ``antecedent``:
    from the relative word to the end of the clause, or None when the clause
    has no relative pronoun ("где", "когда" clauses are about places and
    times) or its pronoun does not agree with the antecedent in number and
    gender (the parser hung it on the wrong noun)."""
    toks = [t for t in s.subtree(c) if t not in inside and t > antecedent]
    rel = next((t for t in toks if s.lemma[t] in _REL_CASES.get(s.lang, ()) or
                (s.lang == "en" and s.text[t].lower() in _REL_CASES["en"])), None)
    if rel is None:
        return None
    if s.lemma[rel] in ("который", "який", "котрий"):
        af = dict(s.feats(antecedent))
        rf = s.feats(rel)
        if af.get("Number") == "Plur" or rf.get("Number") == "Plur":
            af.pop("Gender", None)
        if not agree(rf, af, ("Number", "Gender")):
            return None
    # start at the preposition before the relative word ("у кого", "с которым")
    first = rel
    if first - 1 in toks and s.upos[first - 1] == "ADP":
        first -= 1
    return [t for t in toks if t >= first]


def _adj_tokens(s, a, inside=()):
    """An adjective, or a participle with its dependents ("поведавший об этом"),
    or an adjective of reputation with what it is known for ("известный
    своими скандальными заявлениями")."""
    toks = [a]
    if s.has_syntax and (s.feats(a).get("VerbForm") == "Part" or s.deprel[a] == "acl" or
                         (lower_key(s.lemma[a]) in _FAME and any(c > a for c in s.children(a)))):
        toks = [t for t in s.subtree(a) if t not in inside and s.deprel[t] not in ("conj", "cc")
                or t == a]
        toks = _contiguous(toks) if toks and toks[0] == a else [a] + [t for t in toks if t > a]
        toks = _contiguous(sorted(toks))
    if s.has_syntax and lower_key(s.lemma[a]) in _FAME and a > 0 and a - 1 not in inside and \
            s.upos[a - 1] == "ADV" and s.head[a - 1] == a:
        toks = [a - 1] + toks  # "скандально известный": the adverb says what the fame is
    return toks


def _right_relative(s, span, h, title_nodes, ent_tok):
    """``X, который …`` agreeing with the name in gender and number."""
    j = max([span[-1]] + [t for t in title_nodes if t > span[-1]])
    # skip a postposed apposition up to its closing comma
    k = j + 1
    if k < len(s) and s.text[k] == "," and title_nodes and max(title_nodes) > span[-1]:
        k += 1
        while k < len(s) and s.text[k] != ",":
            k += 1
    if k + 1 >= len(s) or s.text[k] != ",":
        return None
    r = k + 1
    if r < len(s) and s.upos[r] == "ADP":
        r += 1
    if r >= len(s) or s.lemma[r] not in _RELATIVE.get(s.lang, set()):
        return None
    rf, hf = s.feats(r), s.feats(h)
    if s.lemma[r] not in ("чей", "чий", "whose") and not agree(rf, hf, ("Number", "Gender")):
        return None
    return list(range(k + 1, _clause_end(s, r + 1)))


#: the punctuation that ends a relative clause read without a parse
_CLAUSE_STOPS = frozenset({",", ".", ";", ":", "!", "?", "—", "–"})


def _clause_end(s, x):
    """The end (exclusive) of a clause read without a parse that goes on from token ``x``: the first
    punctuation mark after it."""
    end = x
    while end < len(s) and not (s.text[end] in _CLAUSE_STOPS and end > x):
        end += 1
    return end


def _predicate(s, span, h, inside, ent_tok):
    if s.has_syntax:
        p = s.head[h]
        if s.deprel[h].startswith("nsubj") and p >= 0 and p not in inside and (_is_noun(s, p) or s.upos[p] == "ADJ"):
            kids = s.children(p)
            dash = any(s.text[c] in DASHES for c in kids) or any(s.text[x] in DASHES for x in range(h + 1, p))
            cop = any(s.deprel[c] == "cop" for c in kids)
            if (dash or cop) and p > h:
                # the predicate NP without coordinated clauses ("…кандидатом, а затем поддержал Трампа")
                cut = set()
                for c in kids:
                    if s.deprel[c] in ("conj", "parataxis", "advcl") and s.upos[c] in ("VERB", "AUX"):
                        cut.update(s.subtree(c))
                toks = [t for t in s.subtree(p) if t not in set(s.subtree(h)) and t > span[-1] and t not in cut]
                toks = [t for t in toks if s.text[t] not in DASHES or t > p]
                toks = [t for t in toks if not (s.deprel[t] == "cop")]
                run = _contiguous([t for t in toks if t >= min(toks)]) if toks else []
                if run:
                    return run, p
        if s.deprel[h].startswith("nsubj") and p >= 0:
            for v in _copulas(s, p, h):
                for c in s.children(v):
                    if c > h and (_is_noun(s, c) or s.upos[c] == "ADJ") and s.feats(c).get("Case") == "Ins" \
                            and c not in ent_tok and (v == p or s.deprel[c] == "xcomp") and \
                            not any(s.deprel[x] == "case" and lower_key(s.lemma[x]) != "как" for x in s.children(c)):
                        # not a prepositional phrase ("оказался под ударами Израиля": a place, no predicate)
                        return _predicate_np(s, c, ent_tok), c
        if s.deprel[h].startswith("nsubj") and p >= 0 and lower_key(s.lemma[p]) in _BECOME_INTO:
            # "превратился в посмешище": a copula of becoming with "в" and the accusative
            for c in s.children(p):
                if c > h and _is_noun(s, c) and s.feats(c).get("Case") == "Acc" and c not in ent_tok and \
                        any(lower_key(s.lemma[x]) == "в" and s.deprel[x] == "case" for x in s.children(c)):
                    return _predicate_np(s, c, ent_tok), c
        if s.deprel[h] == "obj" and p >= 0 and s.lemma[p] in _NAMING_VERBS:
            for c in s.children(p):
                if c != h and (_is_noun(s, c) or s.upos[c] == "ADJ") and s.feats(c).get("Case") == "Ins" \
                        and c not in ent_tok:
                    return _predicate_np(s, c, ent_tok), c
    # patterns: "X — (ADJ)* NOUN"
    j = span[-1] + 1
    if j + 1 < len(s) and s.text[j] in DASHES and s.feats(h).get("Case", "Nom") == "Nom":
        k = j + 1
        toks = []
        while k < len(s) and not s.is_punct(k) and (_is_adj(s, k) or s.upos[k] in ("DET", "ADV")):
            toks.append(k)
            k += 1
        if k < len(s) and _is_noun(s, k) and k not in ent_tok and s.feats(k).get("Case", "Nom") == "Nom":
            toks.append(k)
            e = k + 1
            while e < len(s) and not s.is_punct(e) and (s.feats(e).get("Case") == "Gen" or e in ent_tok):
                toks.append(e)
                e += 1
            return toks, k
    # "X является NOUN-Ins"
    if j + 1 < len(s) and s.lemma[j] in _COPULA_VERBS:
        k = j + 1
        toks = []
        while k < len(s) and _is_adj(s, k):
            toks.append(k)
            k += 1
        if k < len(s) and _is_noun(s, k) and s.feats(k).get("Case") == "Ins" and k not in ent_tok:
            return toks + [k], k
    return None


def _copulas(s, p, h):
    """The copular verbs whose subject is ``h``, the subject of ``p``: ``p``
    itself, and a copula coordinated with it that has no subject of its own
    ("Казахстан был и остается партнером", "X сделал карьеру и является
    патриотом"; round nineteen)."""
    out = [p] if s.lemma[p] in _COPULA_VERBS else []
    hs = set(s.subtree(h))
    hf = s.feats(h)
    for c in s.children(p):
        if not (c > h and s.deprel[c] in ("conj", "parataxis") and s.lemma[c] in _COPULA_VERBS and
                s.upos[c] in ("VERB", "AUX")) or any(s.deprel[x].startswith("nsubj") for x in s.children(c)):
            continue
        vf = s.feats(c)
        if any(vf.get(f) and hf.get(f) and vf[f] != hf[f] for f in ("Number", "Gender")):
            continue  # "Жека добрался …, но ему стало хуже", "проекты становятся": not the subject's verb
        if any(s.upos[x] in ("NOUN", "PROPN", "PRON") and s.feats(x).get("Case") in ("Nom", "Dat") and x not in hs
               for x in range(h + 1, c)):
            continue  # another subject (or a dative experiencer) stands between: the copula is its clause's
        out.append(c)
    return out


_NP_RIGHT = frozenset({"nmod", "amod", "det", "nummod", "flat", "fixed"})


def _predicate_np(s, c, ent_tok):
    """The whole predicate noun phrase headed by ``c`` (guideline: "the whole
    predicate NP is one row"): its agreeing adjectives and its genitive and
    agreeing dependents to the right ("назвал Владимира человеком большого
    таланта и выразительной внешности"); not prepositional phrases,
    coordinated predicates, names or anything after punctuation, which may
    hold other actors ("назвал Израиль виновным в активизации боевиков": the
    militants are a row of their own)."""
    right = []
    gen = _genitive_names(s, c, (), ent_tok)
    for ch in s.children(c):
        sub = s.subtree(ch)
        if ch > c and s.deprel[ch] in _NP_RIGHT and not any(
                s.upos[x] == "ADP" or s.is_punct(x) or (x in ent_tok and x not in gen) for x in sub):
            right += [x for x in sub if x > c]
    run = _contiguous([c] + right)
    return _np_left(s, c, ent_tok) + run + _coordinated(s, c, run, ent_tok)


#: relations that make a conjunct a clause of its own ("непредсказуемы, поэтому бизнес осторожен")
_NOT_IN_CONJUNCT = frozenset({"nsubj", "csubj", "mark", "advcl", "parataxis", "ccomp", "obj", "iobj"})


def _coordinated(s, c, run, ent_tok):
    """The predicates coordinated with the predicate ``c`` ("был жадным и хитрым", "назвал его
    мошенником, самым вульгарным человеком"): each conjunct of the same case and word class
    right after ``run``, joined by a comma or a conjunction, with its own agreeing words, as
    long as it holds no name, preposition or other punctuation (round twenty: the coordinated
    predicate is part of the one predicate row)."""
    out, end = [], run[-1]
    case = s.feats(c).get("Case")
    for ch in s.children(c):
        if ch <= end or s.deprel[ch] != "conj" or s.upos[ch] not in ("ADJ", "NOUN") or \
                (s.upos[ch] != s.upos[c] and not (s.upos[c] in ("ADJ", "NOUN") and s.feats(ch).get("Case") == case)):
            continue
        if case and s.feats(ch).get("Case") not in (case, None):
            continue
        sub = [x for x in s.subtree(ch) if x > end]
        joint = [x for x in sub if x < ch and (s.deprel[x] in ("cc", "punct") and s.head[x] == ch)]
        body = [x for x in sub if x not in joint]
        if not sub or sub[0] != end + 1 or any(
                s.upos[x] in ("ADP", "VERB", "AUX", "SCONJ") or s.is_punct(x) or x in ent_tok or
                s.deprel[x].split(":")[0] in _NOT_IN_CONJUNCT or
                (s.upos[x] == "ADV" and not (x + 1 < len(s) and s.upos[x + 1] == "ADJ")) for x in body) or \
                any(s.is_punct(x) and s.text[x] != "," for x in joint) or sorted(sub) != list(range(sub[0], sub[-1] + 1)):
            break
        out += sorted(sub)
        end = out[-1]
    return out


def _office(s, c, lex):
    """Whether the instrumental ``c`` of an appointing or serving verb names an
    office: a title or role noun ("министром", "главой", "экс-министром"), or
    the participle of "исполняющий обязанности"."""
    if any(s.deprel[x] == "case" for x in s.children(c)):
        return False  # "работает с властями": a partner, not an office
    k = lower_key(s.lemma[c])
    if _is_noun(s, c):
        return lex.is_title(k) or k in lex.roles
    # "исполняющим обязанности председателя": a participle whose object is the duties of an office
    return k in lex.roles or (c + 1 < len(s) and lower_key(s.lemma[c + 1]) == "обязанность")


def _office_tokens(s, c):
    """The office phrase headed by the instrumental ``c`` of an appointing or
    serving verb: its agreeing words just before it ("Новым министром") and
    its complements after it up to punctuation other than quotes ("министром
    по делам «Брексита»", "главой администрации Шалинского района"), without
    a trailing preposition or conjunction."""
    sub = set(s.subtree(c))
    for x in s.children(c):
        if s.deprel[x] in ("conj", "cc", "parataxis"):
            sub -= set(s.subtree(x))  # "президентом и Джона Эдвардса …": another clause
    lo = c
    while lo - 1 in sub and s.deprel[lo - 1] in ("amod", "det", "nummod"):
        lo -= 1
    hi = c
    while hi + 1 in sub and not (s.is_punct(hi + 1) and s.text[hi + 1] not in _OPEN_Q + _CLOSE_Q):
        hi += 1
    while hi > c and (s.upos[hi] in ("ADP", "CCONJ") or s.text[hi] in _OPEN_Q):
        hi -= 1
    toks = list(range(lo, hi + 1))
    opened = sum(s.text[x] in _OPEN_Q for x in toks) - sum(s.text[x] in _CLOSE_Q for x in toks)
    if opened < 0 and s.text[hi] in _CLOSE_Q:
        toks = toks[:-1]  # a closing quote of a phrase that opened before the office
    return toks


def _genitive_names(s, c, toks, ent_tok):
    """Tokens of names in the genitive that complement the predicate noun
    ``c`` without a preposition ("партнером России", "лоббистом Кремля"):
    they stay inside the predicate NP (guideline: the whole predicate NP is
    one row; round nineteen)."""
    out = set()
    for ch in s.children(c):
        if ch > c and ch in ent_tok and s.deprel[ch] == "nmod" and s.feats(ch).get("Case") == "Gen" and \
                not any(s.upos[x] == "ADP" or (s.is_punct(x) and s.text[x] not in _OPEN_Q + _CLOSE_Q)
                        for x in s.subtree(ch)):
            out.update(x for x in s.subtree(ch))
    return out


def _resolve_pronoun(s, t, st, ent_tok, exclude=()):
    """The actor a third-person singular personal pronoun ``t`` stands for: the
    nearest earlier named person of the sentence or of the two sentences
    before it whose gender agrees, other than ``exclude`` (the subject of the
    naming verb: "он назвал его …" names someone else), as in the
    descriptions of :func:`attach._descriptions`; or None."""
    f = s.feats(t)
    if f.get("Number", "Sing") != "Sing" or f.get("Person", "3") != "3" or not f.get("Gender"):
        return None
    # "его" may stand for a neuter thing as well ("предложение … назвали его …")
    gs = {"Masc", "Neut"} if f.get("Gender") in ("Masc", "Neut") else {f.get("Gender")}
    here = []
    seen = set()
    for x in range(t):
        m = ent_tok.get(x)
        if m and id(m) not in seen and m.get("type") == "PER" and m.get("link") not in ("pronoun", "description"):
            seen.add(id(m))
            if _oblique_person(s, m["_span"]):
                continue
            # any word of the name may carry its gender (the tagger reads "Анну Петрову" with a masculine surname)
            here.append((s.sent_id, x, m["actor"], {s.feats(y).get("Gender") for y in m["_span"]}))
        elif x not in ent_tok and _antecedent_thing(s, x):
            here.append((s.sent_id, x, None, {s.feats(x).get("Gender")}))
    oblique = (st or {}).get("oblique", set())
    earlier = [(i, x, a, {pg}) for i, x, a, pg in (st or {}).get("persons", []) + (st or {}).get("things", [])
               if (i, x) not in oblique]
    for sent_id, _pos, act, pg in reversed(sorted(earlier, key=lambda e: (e[0], e[1])) + here):
        if sent_id < s.sent_id - 2:
            break
        if act in exclude:
            continue
        if gs & pg or (act is not None and pg <= {None}):  # a person of unknown gender agrees (as in descriptions)
            return act  # None when the nearest agreeing noun is a thing ("2020 год … его называют худшим")
    return None


def _oblique_person(s, span):
    """Whether the person named at ``span`` stands in a genitive of a noun or
    after a preposition ("инициативы Трампа", "поехал к Дугину"): a
    bystander of the clause, not what a later pronoun most likely stands for."""
    if not s.has_syntax:
        return False
    h = next((x for x in span if s.head[x] not in span), span[0])
    return any(s.deprel[c] == "case" for c in s.children(h)) or \
        (s.deprel[h] == "nmod" and s.feats(h).get("Case") == "Gen")


def _antecedent_thing(s, x):
    """Whether token ``x`` is a noun that a later personal pronoun may stand
    for instead of a person: an inanimate noun or an indefinite pronoun of
    people ("кто-то … его бы назвали") as a subject or object, not one the
    person owns ("отметил ее роль и назвал ее …") nor one after a preposition."""
    f = s.feats(x)
    if f.get("Number") != "Sing" or f.get("Case") not in ("Nom", "Acc"):
        return False
    if s.upos[x] == "PRON" and lower_key(s.lemma[x]).startswith("кто"):
        return True
    return s.upos[x] == "NOUN" and f.get("Animacy") == "Inan" and bool(f.get("Gender")) and \
        not any(s.deprel[c] == "case" or  # "в среду": a time or a place
                (s.upos[c] in ("DET", "PRON") and s.lemma[c] in ("его", "ее", "её", "их", "свой", "он", "она"))
                for c in s.children(x))


def _naming_predicates(s, lex, ent_tok, used, st=None):
    """Secondary predicates of naming and declaring verbs ("ЛГБТ признали
    «экстремистским движением»", "признана нежелательной", "назвал его
    диктатором"): the instrumental phrase, about the verb's object, its passive
    subject or the noun its participle modifies.  Appointing verbs
    ("назначен министром", "избрали председателем") and verbs of serving in
    an office ("работал главой администрации", about the subject) give an
    office the same way (guideline: a secondary predicate), when the
    instrumental is a title or role."""
    out = []
    if not s.has_syntax:
        return out
    for v in range(len(s)):
        office = lower_key(s.lemma[v]) in _APPOINTING or lower_key(s.lemma[v]) in _SERVING
        if s.lemma[v] not in _NAMING_VERBS and not office and \
                not any(s.lemma[v].startswith(x[:-2]) and s.feats(v).get("VerbForm") == "Part"
                        for x in ("признать", "признавать", "объявить")):
            continue
        kids = s.children(v)
        actor_tok = next((c for c in kids if s.deprel[c] in ("obj", "nsubj:pass")), None)
        if lower_key(s.lemma[v]) in _SERVING:
            # "работал главой администрации": the office is the subject's
            actor_tok = next((c for c in kids if s.deprel[c] == "nsubj"), None) \
                if s.feats(v).get("VerbForm") != "Part" else (s.head[v] if s.head[v] >= 0 else None)
        if office and actor_tok is None and s.deprel[v] == "conj" and s.head[v] >= 0:
            # "X был соратником …, затем работал главой …": the subject of the first conjunct
            actor_tok = next((c for c in s.children(s.head[v]) if s.deprel[c] in ("nsubj", "nsubj:pass")), None)
        if actor_tok is None and s.feats(v).get("VerbForm") == "Part" and s.head[v] >= 0:
            actor_tok = s.head[v]
        if actor_tok is None and s.feats(v).get("Voice") == "Pass":
            actor_tok = next((c for c in kids if s.deprel[c].startswith("nsubj")), None)
        mistagged = False
        if actor_tok is None and s.feats(v).get("VerbForm") != "Part" and v + 1 < len(s) and \
                s.lemma[v + 1] in _PERSONAL and s.upos[v + 1] == "PRON" and s.feats(v + 1).get("Case") == "Acc":
            # the parser hung the pronoun object elsewhere ("признать ее «иностранным агентом» и отменить
            # ее концерт": a determiner of the concert): the accusative pronoun right after the verb
            actor_tok = v + 1
        if actor_tok is None and lower_key(s.lemma[v]) in _ACCUSING:
            # the tagger missed the object ("считали бухгалтершу мошенницей": an adjective to it):
            # a person noun in the accusative by the dictionary, right of the verb
            actor_tok = next((c for c in kids if c > v and not s.deprel[c].startswith("nsubj") and
                              _person_accusative(s, c)), None)
            mistagged = actor_tok is not None
        if actor_tok is None or not (actor_tok in ent_tok or mistagged or
                                     (_is_noun(s, actor_tok) and
                                      _actor_noun(s, actor_tok, lower_key(s.lemma[actor_tok]), lex)) or
                                     s.lemma[actor_tok] in _PERSONAL or
                                     # a substantivised participle or adjective of people ("назвала протестующих …")
                                     (_is_adj(s, actor_tok) and s.feats(actor_tok).get("Animacy") == "Anim" and
                                      s.deprel[actor_tok] == "obj")):
            continue  # "считаю это ошибкой", "считает мандат нелегитимным": not about an actor
        cands = list(kids)
        if s.deprel[actor_tok] == "obj" and s.head[actor_tok] == v:
            # the parser often hangs the instrumental on the object ("назвал участников акции
            # «пятой колонной»"): an instrumental noun right of the object, inside its phrase
            cands += [c for c in s.subtree(actor_tok) if c > actor_tok and s.deprel[c] == "nmod" and
                      _is_noun(s, c) and s.head[c] != v]
        for c in cands:
            if c == actor_tok or c in used or not (s.feats(c).get("Case") == "Ins" or
                                                   (c > actor_tok and _instrumental(s, c))) or \
                    not (_is_noun(s, c) or _is_adj(s, c)) or c in ent_tok:
                continue
            if lower_key(s.lemma[c]) in _WORD_NOUNS:
                continue  # "назвал сыновей именами героев": named by a name, not a predicate of the sons
            if office and not _office(s, c, lex):
                continue  # "избран большинством голосов", "работал руками": no office
            if office:
                toks = _office_tokens(s, c)
            else:
                toks = _contiguous([x for x in s.subtree(c) if x > v or x > actor_tok])
            # the predicate ends before a parenthesis or a line break ("«ледяной девой» (он употребил …)",
            # "признан экстремистом\n\nС любовью, Mash")
            toks = next((toks[:i] for i, x in enumerate(toks) if i and x > c and
                         (s.text[x] == "(" or s.start[x] - s.end[toks[i - 1]] >= 2)), toks)
            if not office:  # an office keeps the name of its institution ("главой ВФЛА", "прокурором Москвы")
                gen = _genitive_names(s, c, toks, ent_tok)
                full = [x for x in toks if x not in ent_tok or ent_tok[x] is ent_tok.get(c) or x in gen]
                toks = [x for x in toks if x not in ent_tok or ent_tok[x] is ent_tok.get(c)]
                if gen and not any(x in used for x in full) and full == _contiguous(full):
                    toks = full  # "назвал его лоббистом Кремля": the genitive name stays inside (round nineteen)
            if not toks or any(x in used for x in toks):
                continue
            # the name in apposition to the object ("назвал министра финансов Крылова вором")
            if s.lemma[actor_tok] in _PERSONAL and _is_noun(s, c) and s.feats(c).get("Animacy") == "Inan" and \
                    lex.polarity(s.lemma[c]) is None and lower_key(s.lemma[c]) not in lex.nonjudging and \
                    not _actor_noun(s, c, lower_key(s.lemma[c]), lex) and \
                    not any(s.upos[x] == "NOUN" and s.feats(x).get("Animacy") == "Anim" for x in s.subtree(c)):
                # "назвав их «эмоциональным допущением»", "назвал его «фейком»": a pronoun given the
                # name of a thing stands for a thing (words, a law), not an actor ("«воплощением
                # грузинского мужчины»" holds a person and is said of one)
                continue
            m = ent_tok.get(actor_tok) or next((ent_tok[x] for x in s.children(actor_tok) if x in ent_tok and
                                                s.deprel[x] in ("appos", "flat:name")), None)
            actor = m["actor"] if m else s.text[actor_tok]
            aspan = m["_span"] if m else [actor_tok]
            if m is None and s.lemma[actor_tok] in _PERSONAL and s.upos[actor_tok] == "PRON":
                # "Представляя Кавелашвили, он назвал его …": the pronoun stands for the nearest earlier
                # agreeing person; the actor span stays the pronoun (guideline; round nineteen)
                subj = next((x for x in kids if s.deprel[x] == "nsubj"), None)
                # the persons of the subject's phrase ("Лидер партии Ли назвал его …") are not the object
                excl = {ent_tok[x]["actor"] for x in (s.subtree(subj) if subj is not None else ())
                        if x in ent_tok and ent_tok[x].get("link") not in ("pronoun", "description")}
                actor = _resolve_pronoun(s, actor_tok, st, ent_tok, excl) or actor
            r = _row(s, {"actor": actor, "text": s.text[actor_tok]}, toks, "predicate", lex,
                     lemma=_lemmas(s, toks), aspan=aspan)
            if r and not (r["polarity"] == r["polarity"] and r["polarity"] != 0):
                r["polarity"] = _nickname(s, [v] + toks, lex, r["polarity"])  # назвал судью «говнолапочкиным»
            if r and not (r["polarity"] == r["polarity"] and r["polarity"] != 0) and _is_noun(s, c):
                # a noun of a state or quality given to a person ("назвали певицу позором страны",
                # "считают его угрозой"): left out of descriptors elsewhere, here it is the label
                p = lex.polarity(s.lemma[c]) if lower_key(s.lemma[c]) in lex.nonjudging else None
                if p is not None and abs(p) >= EVALUATIVE_THRESHOLD:
                    r["polarity"] = p
            if r and not (r["polarity"] == r["polarity"] and r["polarity"] != 0) and _is_noun(s, c):
                # a label given by a naming verb keeps the polarity it has as a nomination
                # ("назвали своих начальников абьюзерами"; round nineteen)
                nom = lex.nomination(s.lemma[c]) or next(
                    (lex.nomination(x.normal_form) for x in _parses(lower_key(s.text[c]))
                     if "NOUN" in x.tag.grammemes and lex.nomination(x.normal_form)), None)  # a bad lemma ("абьюзера")
                if nom and nom[0] == nom[0] and abs(nom[0]) >= EVALUATIVE_THRESHOLD:
                    r["polarity"] = nom[0]
            if r and _is_noun(s, c) and lex.literal_here(s.lemma[c]):
                r["polarity"] = float("nan")  # "объявила его победителем выборов": a literal status (round twelve)
            if r:
                out.append(r)
                used.update(toks)
    return out


def _predicate_nominations(s, rows, ent_tok):
    """A nomination that is the predicate of a subject ("Он — педофил", "они стали наёмниками",
    "подстрекатели — это они", "Петрова — одна из самых жутких маньячек") is a ``predicate`` row of
    that subject (guideline: "X — …", "стал …" are predicates, and the actor is the subject, not the
    label): the row's kind, actor and actor span are the subject's.  The subject is the label's own
    ``nsubj`` before it with a copula or a dash between them — or that of "один" when the label is
    its partitive genitive ("один из …", round twenty-one) — or the subject of the copular verb
    (``copula_verb``, "быть") whose instrumental the label is; a name gives its actor, a pronoun or
    noun its own word (round twenty, from the fresh sample s26: nine predicate labels carried
    themselves as actor); the adjectives inside are merged by ``_merge_predicates``."""
    if not s.has_syntax:
        return
    for r in rows:
        toks = r.get("_toks") or []
        if r["kind"] != "nomination" or not toks:
            continue
        heads = [t for t in toks if not (0 <= s.head[t] and s.head[t] in toks)]
        if len(heads) != 1:
            continue
        h = heads[0]
        o = s.head[h]
        if s.deprel[h] == "nmod" and 0 <= o < toks[0] and lower_key(s.lemma[o]) == "один" and \
                any(lower_key(s.text[c]) == "из" and s.deprel[c] == "case" for c in s.children(h)):
            h = o  # "одна из самых жутких маньячек": "одна" heads the predicate
        p0 = min(h, toks[0])
        subj = None
        kids = s.children(h)
        subj_kid = next((c for c in kids if s.deprel[c].startswith("nsubj") and c < p0), None)
        if subj_kid is not None and (any(s.deprel[c] == "cop" for c in kids) or
                                     any(s.text[x] in DASHES for x in range(subj_kid + 1, p0)) or
                                     _zero_copula(s, subj_kid, p0, ent_tok)):
            subj = subj_kid
        elif s.deprel[h] in ("xcomp", "obl") and s.feats(h).get("Case") == "Ins" and 0 <= s.head[h] and \
                (lower_key(s.lemma[s.head[h]]) in _COPULA_VERBS or lower_key(s.lemma[s.head[h]]) == "быть"):
            subj = next((c for c in s.children(s.head[h]) if s.deprel[c].startswith("nsubj") and c not in toks), None)
        else:
            subj = _regarded(s, h, toks) if 0 <= s.head[h] else None
            if subj is None:
                subj = _subject_before_dash(s, sorted({p0} | set(toks)))
        if subj is None or subj in toks or s.upos[subj] not in ("NOUN", "PROPN", "PRON", "NUM", "DET"):
            continue
        m = ent_tok.get(subj)
        if m is not None:
            r["actor"], r["mention"], span = m["actor"], m["text"], m["_span"]
        else:
            r["actor"] = s.text[subj] if s.upos[subj] == "PRON" else s.lemma[subj]
            r["mention"], span = s.text[subj], [subj]
        r["kind"] = "predicate"
        r["actor_start"], r["actor_end"] = s.start[min(span)], s.end[max(span)]
        if p0 < toks[0]:   # the predicate opens with "один из"
            _set_span(s, r, list(range(p0, max(toks) + 1)))


def _set_span(s, r, span):
    """Give row ``r`` the descriptor tokens ``span``: its offsets, text and lemmas."""
    r["_toks"], r["start"], r["end"] = span, s.start[span[0]], s.end[span[-1]]
    r["epithet"] = _span_text(s, span)
    r["epithet_lemma"] = " ".join(s.lemma[t] for t in span if not s.is_punct(t))


def _merge_predicates(s, rows):
    """The whole predicate noun phrase is one row (guideline: adjectives inside a predicate are not
    split out): an adjective row whose actor is the noun of a predicate row, and that stands before
    that noun with only words of its phrase between ("опасный преступник", "одна из самых жутких
    маньячек"), is merged into the predicate row, which keeps the stronger evaluation (round
    twenty-one).  Works in place on ``rows``."""
    merged = []
    for r in rows:
        toks = r.get("_toks")
        if r["kind"] != "predicate" or not toks:
            continue
        inside = [x for x in rows if x is not r and not any(x is y for y in merged) and _in_predicate(s, x, r)]
        if not inside:
            continue
        pol = r["polarity"]
        if not (pol == pol and abs(pol) >= EVALUATIVE_THRESHOLD):
            strong = [x["polarity"] for x in inside
                      if x["polarity"] == x["polarity"] and abs(x["polarity"]) >= EVALUATIVE_THRESHOLD]
            if strong:
                pol = max(strong, key=abs)
        _set_span(s, r, list(range(min([min(toks)] + [min(x["_toks"]) for x in inside]), max(toks) + 1)))
        r["polarity"] = pol
        r["legal"] = r["legal"] or any(x["legal"] for x in inside)
        merged.extend(inside)
    if merged:
        rows[:] = [x for x in rows if not any(x is y for y in merged)]


def _in_predicate(s, x, r):
    """Whether row ``x`` is an adjective of the noun of the predicate row ``r`` standing inside its
    phrase: its actor span lies in the predicate, it ends at the predicate's end at the latest and
    starts at most six tokens before it, after the subject when the subject comes first, with only
    words of a noun phrase between it and the predicate ("опасный преступник", "одна из самых
    жутких маньячек")."""
    xt, toks = x.get("_toks"), r["_toks"]
    first, last = min(toks), max(toks)
    if x["kind"] != "adjective" or not xt or not (r["start"] <= x["actor_start"] and x["actor_end"] <= r["end"]):
        return False
    if max(xt) > last or min(xt) < first - 6:
        return False
    if r["actor_end"] <= r["start"] and s.start[min(xt)] < r["actor_end"]:
        return False                       # inside or before the subject
    gap = [t for t in range(max(xt) + 1, first) if t not in xt]
    return all(s.upos[t] in ("ADJ", "DET", "ADV", "NUM", "ADP", "PUNCT", "CCONJ") and s.text[t] not in DASHES
               for t in gap)


def _regarded(s, h, toks):
    """The one a label is said of by a verb of naming, regarding or seeing (round twenty-one, from
    the fresh samples s30, s31): "называет себя борцом" (the subject: the label is the instrumental
    of a naming verb whose object is "себя"), "воспринимает Запад как врага" (the object: the label
    stands after "как"), "видят в России врага" (the noun after "в": the label is the object).
    ``None`` otherwise."""
    v = s.head[h]
    lem = lower_key(s.lemma[v])
    kids = [c for c in s.children(v) if c not in toks]
    obj = next((c for c in kids if s.deprel[c] == "obj"), None)
    if lem in _NAMING_VERBS and s.feats(h).get("Case") == "Ins" and obj is not None and \
            lower_key(s.text[obj]) in ("себя", "себе"):
        return next((c for c in kids if s.deprel[c].startswith("nsubj")), None)
    if lem in _REGARD_VERBS and obj is not None and \
            any(lower_key(s.text[c]) == "как" for c in s.children(h)):
        return obj
    if lem in _SEE_IN_VERBS and s.deprel[h] == "obj":
        return next((c for c in kids if s.deprel[c] == "obl" and s.feats(c).get("Case") == "Loc" and
                     any(lower_key(s.text[x]) in ("в", "во") for x in s.children(c))), None)
    return None


def _zero_copula(s, subj, p0, ent_tok):
    """A predicate noun with no copula and no dash after a personal pronoun or a name ("он ярый
    сторонник криптовалюты", "Мы не враги"): only adjectives, adverbs, determiners and "не" stand
    between the subject and the label (fresh samples s30, s31)."""
    if not (s.upos[subj] == "PRON" and s.feats(subj).get("Case") == "Nom" or subj in ent_tok and s.upos[subj] == "PROPN"):
        return False
    return all(_is_adj(s, x) or s.upos[x] in ("ADV", "DET") or lower_key(s.text[x]) == "не" or
               s.text[x] in _OPEN_Q for x in range(subj + 1, p0))


def _subject_before_dash(s, toks):
    """The nominative subject of "X — label" when the parser left the label unattached to it
    ("Внешнеполитическая служба ЕС - подстрекатели"): a dash right before the label (or before its
    agreeing words), and before the dash a noun phrase whose genitive tail leads back to a
    nominative noun or pronoun; else ``None``."""
    k = toks[0] - 1
    while k >= 0 and (_is_adj(s, k) or s.upos[k] == "DET" or lower_key(s.text[k]) == "не" or s.text[k] in _OPEN_Q) \
            and k not in toks:
        k -= 1   # "Apple — «не отморозки»": negation and an opening quote between
    if k < 1 or s.text[k] not in DASHES:
        return None
    x = k - 1
    seen = 0
    while x >= 0 and s.feats(x).get("Case") == "Gen" and 0 <= s.head[x] < x and seen < 4:
        x, seen = s.head[x], seen + 1
    if x < 0 or s.feats(x).get("Case") != "Nom" or s.upos[x] not in ("NOUN", "PROPN", "PRON"):
        return None
    if any(s.upos[y] in ("VERB", "AUX") or s.feats(y).get("Variant") == "Short" for y in range(0, k)):
        return None  # a clause before the dash ("повреждены магазины — власти"): the dash opens something else
    return x

#: verbs that put a legal designation on their object ("включил в реестр иноагентов журналиста",
#: "объявили «иноагентом» Елизавету", "признанного иноагентом журналиста")
_BRANDING_VERBS = frozenset({"включить", "внести", "объявить", "признать", "признавать", "объявлять",
                             "включать", "вносить"})


def _branded_actors(s, rows, ent_tok):
    """The actor a legal designation brands, when the measure found the designation as a nomination
    standing for itself (issue #10, from the fresh sample s28: eight of its eleven wrong actors were
    the "иноагент" tag): the outlet or person before a parenthesis that holds it ("«Медиазона» (в
    реестре «иноагентов»)", "издание «7×7» (признано в России «иноагентом»)") — a quoted name counts
    even when the name finder missed it; the object of a verb of branding ("включил в реестр
    иноагентов журналиста Татьяну Становую", "объявили «иноагентом» Елизавету Сурначеву") or the noun
    its participle modifies ("признанного иноагентом журналиста Алексея Пивоварова").  The row becomes
    a ``predicate`` of that actor (guideline: a designation in brackets or after "признан" is a
    predicate of the branded actor, hard decisions 4 and 15); right before a person's name it is the
    name's ``title`` ("иноагент Дарья Богданова").  A designation naming a class of people ("выдавать
    деньги «иноагентам»") keeps itself."""
    moved = {}
    for r in rows:
        toks = [t for t in (r.get("_toks") or []) if not s.is_punct(t)]
        if not r["legal"] or r["kind"] != "nomination" or not toks:
            continue
        found, kind = _bracket_owner(s, toks[0], ent_tok) or _branding_object(s, toks, ent_tok), "predicate"
        nxt = toks[-1] + 1 + (toks[-1] + 1 < len(s) and s.text[toks[-1] + 1] in _CLOSE_Q)
        if found is None and ent_tok.get(nxt, {}).get("type") == "PER" and ent_tok[nxt]["_span"][0] == nxt and \
                all(s.feats(toks[-1]).get(f) in (None, s.feats(nxt).get(f)) for f in ("Case", "Number")):
            # (the exact case, not agree(): a genitive label before an accusative name is not its title)
            m = ent_tok[nxt]   # "иноагент Дарья Богданова": a title of the name after it
            found, kind = (m["actor"], m["text"], m["_span"]), "title"
        if found is None:
            continue
        actor, mention, span = found
        moved[(r["start"], r["end"])] = (actor, mention, s.start[min(span)], s.end[max(span)])
        r["actor"], r["mention"], r["kind"] = actor, mention, kind
        r["actor_start"], r["actor_end"] = s.start[min(span)], s.end[max(span)]
    for r in rows:
        # the adjective of a designation of two words goes with it ("иностранных" of "агентов")
        to = next((v for (a, b), v in moved.items() if a <= r["actor_start"] and r["actor_end"] <= b), None)
        if to is not None and r["legal"] and r["kind"] == "adjective":
            r["actor"], r["mention"], r["actor_start"], r["actor_end"] = to


def _bracket_owner(s, t, ent_tok):
    """(actor, mention, token span) of the name right before the parenthesis that ``t`` stands in, or
    ``None``: a mention of the name finder, or the words of a quoted name ("«7×7»")."""
    j = next((x for x in range(t - 1, max(-1, t - 9), -1) if s.text[x] in "()"), None)
    if j is None or s.text[j] != "(" or j == 0:
        return None
    k = j - 1
    if s.text[k] in _CLOSE_Q:
        q = next((x for x in range(k - 1, max(-1, k - 10), -1) if s.text[x] in _OPEN_Q), None)
        inner = list(range(q + 1, k)) if q is not None else []
        if not inner or any(s.text[x] in _CLOSE_Q for x in inner):
            return None
        m = next((ent_tok[x] for x in inner if x in ent_tok), None)
        if m is not None:
            return m["actor"], m["text"], m["_span"]
        text = "".join(s.text[x] + (" " if s.end[x] < s.start[x + 1] else "") for x in inner).strip()
        return text, text, inner
    m = ent_tok.get(k)
    return (m["actor"], m["text"], m["_span"]) if m is not None else None


def _branding_object(s, toks, ent_tok):
    """(actor, mention, token span) of the person or organisation a verb of branding puts the
    designation ``toks`` on, or ``None``.  Read on the surface (the parser does not know "иноагент"
    and attaches it anywhere): a form of a verb of branding at most three words before the designation
    ("включил в реестр иноагентов", "признанного иноагентом"), and the first person or organisation
    named between the verb and the designation ("включили Илью Барабанова в реестр") or else right
    after it, within a clause ("… иноагентом в РФ журналиста Алексея Пивоварова")."""
    t0, t1 = toks[0], toks[-1]
    v = next((x for x in range(t0 - 1, max(-1, t0 - 5), -1)
              if lower_key(s.lemma[x]) in _BRANDING_VERBS or lower_key(s.lemma[x]) == "реестр"), None)
    while v is not None and lower_key(s.lemma[v]) == "реестр":
        v = next((x for x in range(v - 1, max(-1, v - 6), -1) if lower_key(s.lemma[x]) in _BRANDING_VERBS), None)
    if v is None:
        return None

    def named(x):
        # the branded one is the verb's object or agrees with its participle, never its subject or
        # agent ("люди, включенные Минюстом в реестр", "Минюст России обновил реестр")
        m = ent_tok.get(x)
        ok = m is not None and m.get("type") in ("PER", "ORG") and \
            s.feats(m["_span"][0]).get("Case") not in ("Nom", "Ins", "Loc", "Dat")
        return m if ok else None

    between = [named(x) for x in range(v + 1, t0) if named(x)]
    after = []
    for x in range(t1 + 1, min(len(s), t1 + 8)):
        if s.is_punct(x) and s.text[x] not in _CLOSE_Q and s.text[x] not in _OPEN_Q:
            break
        if named(x):
            after.append(named(x))
    # a person before an organisation after it ("экс-депутата Госдумы Олега …")
    cands = between or sorted(after, key=lambda m: m.get("type") != "PER")
    if not cands:
        return None
    return cands[0]["actor"], cands[0]["text"], cands[0]["_span"]
