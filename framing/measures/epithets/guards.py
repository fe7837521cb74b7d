"""Precision guards: things, works, awards, modes and states that look like
actors or evaluations but are not (docs/epithets.md, precision classes)."""

from __future__ import annotations

from ...lang.punct import DASHES
from .._names import lower_key
from .words import (
    _ANIMALS, _AWARD_HEADS, _CLOSE_Q, _COLLECTIVE_LABELS, _COPULA_VERBS, _CRIME_ADJ, _CRIME_HEADS, _ETHNIC_NOUNS,
    _FRAMES, _GENRES,
    _HISTORICAL_ADJ, _HISTORICAL_STATES, _INANIMATE_PERSONS, _INSTITUTIONS, _OPEN_Q, _PARTY_ADJ, _PARTY_HEADS,
    _ORDINAL_TERMS, _PEOPLE_GROUPS, _ROLE_ADJ, _SMALL_ANIMALS, _SO_CALLED, _THING_PREPS, _WAR_WORDS, _WORD_NOUNS,
)
from .tokens import _actor_noun, _has_object, _is_adj, _is_noun
from .morph import _common_gender, _only_short_adjective, _readings
from .lexicon import EVALUATIVE_THRESHOLD, _animal_story, _inanimate_labels
from .polarity import _penal, _polarity
from .rows import _predicate_polarity


def _literal(s, t, lem, lex, ent_tok, st):
    """Whether a label is used literally here: its literal_when context words
    appear in the document (a circus "клоун"), or it has an object."""
    cond = lex.literal.get(lem)
    if not cond:
        return False
    if "@object" in cond and _has_object(s, t, ent_tok):
        return True
    words = cond - {"@object", "@animal"}
    lemmas = st.get("lemmas", set())
    return bool(words & lemmas) or ("@animal" in cond and _animal_story(st.get("keys", lemmas), lem))


def _thing_reading(s, t, lem, lex):
    """Whether a label token is a thing rather than a person: the dictionary
    knows its lemma only as inanimate (not a collective label of
    ``inanimate_labels.tsv``), or its form is also a thing with another lemma
    after a preposition ("в трусах" is трусы, "на козлах" is козлы)."""
    if s.lang != "ru" or lem in lex.roles or lem in lex.orgs or lem in _INSTITUTIONS or lem in lex.context or \
            lem in lex.legal or "-" in lem or " " in lem:
        return False
    read = _readings(lower_key(s.text[t]))
    if lem in _inanimate_labels(s.lang) or any(r[0] in _inanimate_labels(s.lang) for r in read):
        return False
    same = [r for r in read if r[0] == lem]
    if same and not any(r[1] for r in same):
        return True  # "контора": a firm, not a person
    others = [r for r in read if r[0] != lem and not r[1]]
    return bool(others) and any(r[2] for r in others) and t > 0 and lower_key(s.text[t - 1]) in _THING_PREPS


def _work_title_tokens(s):
    """Token positions inside the quoted name of a work, product or brand:
    quotes after a genre noun (фильм «…», группа «…»), or opening on a
    capitalised word and holding two or more words (a quoted name of a work
    is not a person, docs/epithets.md)."""
    out = set()
    n = len(s)
    t = 0
    while t < n:
        if s.text[t] not in _OPEN_Q or s.text[t] in ("'", "’"):
            t += 1
            continue
        k = t + 1
        while k < n and s.text[k] not in _CLOSE_Q:
            k += 1
        if k >= n or k == t + 1:
            t += 1
            continue
        inner = [x for x in range(t + 1, k) if not s.is_punct(x)]
        # a name of at most eight words without a verb or a clause break (not quoted speech)
        # (a personal pronoun, a dash or an ellipsis makes it speech: «Фашисты — они и через 77 лет фашисты…»)
        short = 0 < len(inner) <= 8 and not any(s.upos[x] in ("VERB", "AUX", "PRON") or s.text[x] in DASHES or
                                                s.text[x] in (",", ".", "!", "?", ":", ";", "…", "...")
                                                for x in range(t + 1, k))
        genre = short and t > 0 and lower_key(s.lemma[t - 1]) in _GENRES
        named = short and s.text[inner[0]][:1].isupper() and len(inner) >= 2 and not _group_nickname(s, inner, t, k)
        if genre or named:
            out.update(range(t, k + 1))
        t = k + 1
    return out


def _group_nickname(s, inner, t, k):
    """Whether a quoted capitalised phrase (``inner``, quotes at ``t`` and
    ``k``) with no genre noun before it names people, not a work: it opens on
    a collective label ("«Банда в масках» заявилась в магазин", ``collective_label``
    of ``epithet_cues.tsv``) as its clause's subject or a heading, or it is a verbless heading standing alone
    whose first word is a noun of common gender ("«Тихоня и троечник»"), a
    characterisation of a person (``morph._common_gender``)."""
    alone = all(s.is_punct(x) for x in range(0, t)) and all(s.is_punct(x) for x in range(k + 1, len(s)))
    if lower_key(s.lemma[inner[0]]) in _COLLECTIVE_LABELS:
        # the subject of its clause (by the parse, or opening it or a line before a finite
        # verb) or a heading: "снял «Банду в масках»" is a film
        opens_clause = (t == 0 or s.is_punct(t - 1) or s.start[t] - s.end[t - 1] >= 2) and k + 1 < len(s) and \
            s.upos[k + 1] == "VERB" and s.feats(k + 1).get("VerbForm") == "Fin"
        return alone or opens_clause or (s.has_syntax and s.deprel[inner[0]].startswith("nsubj"))
    return alone and s.lang == "ru" and _common_gender(lower_key(s.text[inner[0]]))


def _war_story(st):
    return bool(_WAR_WORDS & st.get("keys", st.get("lemmas", set())))


def _precision_filter(s, rows, lex, st):
    """Drop rows the precision guards rule out and neutralise crime categories;
    returns the rows kept."""
    work = _work_title_tokens(s)
    kept = []
    for r in rows:
        toks = r.get("_toks") or []
        if not r["legal"] and _framed(s, r):
            continue  # "в роли клоуна", "список террористов", "фигурку жабы": no actor is mentioned
            # (a legal designation still brands: "«Медиазона» (в реестре «иноагентов»)", hard decision 4)
        if work and toks and not r["legal"] and all(x in work for x in toks if not s.is_punct(x)):
            continue  # inside the quoted name of a work or brand
        if toks and not r["legal"] and r["kind"] in ("nomination", "adjective") and _list_item_title(s, r, toks):
            continue  # "21. Тёмное дитя (Orphan Black)", "4. Кумир Тридевятого Королевства": titles in a list
        if toks and not r["legal"] and _mentioned_word(s, toks):
            continue  # "слово «овца» не оскорбление", "футболка с надписью «дедушка»": a word, not a label
        if toks and not r["legal"] and _not_a_person(s, r, toks, st):
            continue  # "Подозрительное заметила соседка", "Крошик был удивительным котом"
        if toks and not r["legal"] and r["kind"] in ("adjective", "predicate") and _said_of_thing(s, r, toks, lex):
            continue  # "выборы непредсказуемы", "слухи лживые", "с дикими подтасовками": no actor (round twelve)
        if toks and not r["legal"] and r["kind"] == "nomination" and _thing_apposition(s, toks, lex):
            continue  # "китайского «лидера» — препарата …": a product's nickname, no actor (round fourteen)
        if toks and r["kind"] == "adjective" and not r["legal"] and _term_so_called(s, toks):
            r["polarity"] = float("nan")  # "так называемые вписанные кандидаты (write-in candidates)": a term
        if toks and not r["legal"] and r["kind"] in ("title", "nomination", "description", "predicate") and \
                _award_title(s, toks[0]):
            nxt = toks[-1] + 1
            if s.start[toks[0]] < r["actor_start"] < s.end[toks[-1]] or \
                    (nxt < len(s) and r["actor_start"] == s.start[nxt] and s.feats(nxt).get("Case") == "Gen"):
                continue  # "Героя России": an award's name, not a title of Россия
            r["polarity"] = float("nan")  # "Герой России Иванов": an award title, neutral
        if r["kind"] == "adjective" and toks and not r["legal"] and lower_key(s.lemma[toks[0]]) in _CRIME_ADJ and \
                toks[-1] + 1 < len(s) and lower_key(s.lemma[toks[-1] + 1]) in _CRIME_HEADS:
            r["polarity"] = float("nan")  # "криминальная авторитетша Инесса": a crime category (guideline #5)
        relational = _relational_reading(s, r, toks, lex) if toks and not r["legal"] else None
        if relational == "drop":
            continue  # "Демократической партии" (a party's name), "белых" (a race noun on its own): no row
        if relational == "neutral":
            r["polarity"] = float("nan")  # "демократическая элита", "нацистской Германии", "ответственных за …"
        if r["kind"] in ("title", "nomination") and toks and not r["legal"] and _agent_of_organisation(s, toks, lex):
            r["polarity"] = float("nan")  # "агента СБУ", "Агенты SHOT ПРОВЕРКИ": an organisation's agent, a role
        mode = _mode_tokens(s, toks, lex) if r["kind"] in ("relative_clause", "predicate") else set()
        if mode and r["polarity"] == r["polarity"] and not r["legal"]:
            p = _polarity(s, toks, lex, mode)
            if p != p or abs(p) < abs(r["polarity"]):
                r["polarity"] = p  # "который работает в автоматическом режиме": the mode is no judgement
        kept.append(r)
    return kept


def _relational_reading(s, r, toks, lex):
    """What a row whose descriptor names a category, not a judgement, becomes
    (issue #10, round eleven; classes of ``epithet_cues.tsv``): ``"drop"`` for
    a party adjective before a party noun, part of the party's name
    (``party_adjective``, ``party_head``: "Демократической партии"), and for a
    race or ethnic noun used on its own (``ethnic_noun``: "белых", "негров";
    the guideline's "Not annotated"); ``"neutral"`` for a party adjective
    elsewhere (a relational adjective of party or political system:
    "демократическая элита"), an evaluative adjective naming a state of the
    past (``historical_adjective`` + ``historical_state``: "нацистской
    Германии", also inside a title, "лидера нацистской Германии") and an
    adjective of a crime or duty role with its preposition
    (``role_adjective``: "ответственных за отравление", guideline hard
    decision 5) unless its complement judges ("ответственных за «кровавые
    преступления»"); None otherwise."""
    lems = [lower_key(s.lemma[x]) for x in toks]
    nxt = toks[-1] + 1
    nxt_lem = lower_key(s.lemma[nxt]) if nxt < len(s) else ""
    if r["kind"] == "adjective" and lems[0] in _PARTY_ADJ:
        return "drop" if nxt_lem in _PARTY_HEADS else "neutral"
    if r["kind"] == "nomination" and len([x for x in toks if not s.is_punct(x)]) == 1 and \
            (lems[0] in _ETHNIC_NOUNS or lower_key(r["epithet_lemma"]) in _ETHNIC_NOUNS):
        return "drop"
    words = [x for x in toks if not s.is_punct(x)] + ([nxt] if nxt < len(s) else [])
    for a, b in zip(words, words[1:]):
        if lower_key(s.lemma[a]) in _HISTORICAL_ADJ and lower_key(s.lemma[b]) in _HISTORICAL_STATES:
            return "neutral"
    if r["kind"] == "adjective" and lems[0] in _ROLE_ADJ and toks[0] + 1 < len(s) and \
            lower_key(s.text[toks[0] + 1]) == _ROLE_ADJ[lems[0]] and \
            not any(abs(lex.polarity(s.lemma[x]) or 0) >= EVALUATIVE_THRESHOLD for x in _complement(s, toks[0])):
        return "neutral"
    return None


def _complement(s, t):
    """The words after ``t`` up to the next punctuation mark other than a quote,
    at most six (the parser often hangs a role adjective's complement on the
    verb: "ответственных за "кровавые преступления" …")."""
    out = []
    k = t + 1
    while k < len(s) and len(out) < 6 and not (s.is_punct(k) and s.text[k] not in _OPEN_Q + _CLOSE_Q):
        if not s.is_punct(k):
            out.append(k)
        k += 1
    return out


def _agent_of_organisation(s, toks, lex):
    """A label with a literal sense when it has an object (``@object`` in
    ``nominations.tsv``: агент, захватчик) right before an organisation's
    abbreviation or name in capitals ("агента СБУ", "агент КГБ", "Агенты
    SHOT ПРОВЕРКИ"): the organisation's agent, a role; "агент влияния",
    "агент Кремля" keep their label."""
    words = [x for x in toks if not s.is_punct(x)]
    if not words or "@object" not in lex.literal.get(lower_key(s.lemma[words[0]]), ()):
        return False
    k = words[-1] + 1
    if k >= len(s) or words[-1] != words[0]:
        return False
    return len(s.text[k]) >= 2 and s.text[k].isupper()


def _list_item_title(s, r, toks):
    """Whether the row opens an item of a numbered list ("21. Тёмное дитя"):
    a capitalised common word right after a number and a full stop or a
    bracket names the item (a film, a book, a product), not an actor; a
    person's name there stays a name (the row's actor is then a name), and an
    item with a verb is a statement, whose labels stay."""
    a = [t for t in range(len(s)) if r["actor_start"] <= s.start[t] < r["actor_end"]]
    first = min(list(toks) + a)
    if not (first >= 2 and s.text[first][:1].isupper() and s.text[first - 1] in (".", ")") and
            s.text[first - 2].isdigit() and all(s.upos[x] != "PROPN" for x in a)):
        return False
    # the item runs to the next number; a verb makes it a statement ("1. Предатели сбежали")
    k = first
    while k < len(s) and not (s.text[k].isdigit() and k + 1 < len(s) and s.text[k + 1] in (".", ")")):
        if s.upos[k] in ("VERB", "AUX") or s.feats(k).get("Variant") == "Short":
            return False  # (a short participle too: "арестован")
        k += 1
    return True


def _mentioned_word(s, toks):
    """Whether the descriptor is a quoted word after a noun of words
    (``word_noun`` in ``epithet_cues.tsv``: слово, надпись, выражение,
    фраза …): the word is mentioned, not used of anyone ("суд признал слово
    «овца» не оскорбительным")."""
    k = toks[0] - 1
    if k < 0 or s.text[k] not in _OPEN_Q:
        k = toks[0]
        if s.text[k] not in _OPEN_Q:
            return False
    k -= 1
    return k >= 0 and lower_key(s.lemma[k]) in _WORD_NOUNS


def _not_a_person(s, r, toks, st):
    """Rows whose descriptor itself says that no actor is meant: a nomination
    that is a substantivised adjective in the neuter singular (a thing or a
    quality, "Подозрительное", "главное": people are never neuter) or a
    short adjective the tagger took for one ("Опасна ли такая ситуация?"), and a
    predicate whose noun is an animal in a story about animals ("Крошик был
    удивительным котом"; animals are not actors, docs/epithets.md; "Путин —
    настоящий медведь" in a political story stays)."""
    words = [x for x in toks if not s.is_punct(x)]
    if r["kind"] == "nomination" and len(words) == 1:
        f = s.feats(words[0])
        lem = lower_key(s.lemma[words[0]])
        if s.lang == "ru" and lem.endswith(("ый", "ий", "ой")) and _only_short_adjective(lower_key(s.text[words[0]]), lem):
            return True  # "Опасна ли такая ситуация?": a short adjective is a predicate, never a label (round fourteen)
        return f.get("Gender") == "Neut" and f.get("Number") == "Sing" and lem.endswith(("ый", "ий", "ой")) and \
            lower_key(s.text[words[0]]).endswith(("ое", "ее", "ого", "его", "ому", "ему", "ым", "им", "ом", "ем"))
    if r["kind"] == "predicate":
        head = next((x for x in words if _is_noun(s, x)), None)
        lem = lower_key(s.lemma[head]) if head is not None else ""
        return (lem in _ANIMALS or lem in _SMALL_ANIMALS) and _animal_story(st.get("keys", frozenset()), lem)
    return False


def _thing_noun(s, t, lex):
    """A common noun that is no actor: not a name, not an actor noun
    (:func:`_actor_noun`), or one the tagger took for animate although every
    dictionary reading of its form is inanimate ("подтасовками")."""
    if not _is_noun(s, t) or s.upos[t] == "PROPN" or s.text[t].isupper() or (t > 0 and s.text[t][:1].isupper()):
        return False  # a name, also one the tagger took for a common noun ("назвал Маска …")
    lem = lower_key(s.lemma[t])
    if lem in lex.roles or lem in lex.orgs or lem in _INSTITUTIONS or lex.is_title(lem) or \
            lex.nomination(lem) is not None:
        return False
    if lem in _INANIMATE_PERSONS or lem in _PEOPLE_GROUPS:
        return False  # persons and groups the dictionary marks inanimate ("акторов", "парочку")
    read = _readings(lower_key(s.text[t])) if s.lang == "ru" else ()
    return not _actor_noun(s, t, lem, lex) or bool(read) and not any(x[1] for x in read)


def _thing_apposition(s, toks, lex):
    """Whether a nomination is the nickname of a thing, as the apposition
    after a dash says ("китайского «лидера» — препарата …", "выбирают
    «корейцев» — автомобили …"; guideline: "Things are not actors"; issue
    #10, round fourteen): the dash follows the label (its closing quote
    allowed) and opens a thing noun (:func:`_thing_noun`) of the label's
    number and case (nominative and accusative count as one: the tagger
    mixes them)."""
    words = [x for x in toks if not s.is_punct(x)]
    if len(words) != 1:
        return False
    t = words[0]
    k = t + 1
    while k < len(s) and s.text[k] in _CLOSE_Q:
        k += 1
    if k + 1 >= len(s) or s.text[k] not in DASHES or not _thing_noun(s, k + 1, lex):
        return False
    ft, fn = s.feats(t), s.feats(k + 1)
    direct = ("Nom", "Acc")
    same_case = ft.get("Case") == fn.get("Case") or (ft.get("Case") in direct and fn.get("Case") in direct)
    return same_case and ft.get("Number") == fn.get("Number")


def _latin(word):
    return word[:1].isascii() and word[:1].isalpha()


def _term_so_called(s, toks):
    """Whether a "так называемый" row introduces a term rather than
    distancing the writer from a name (issue #10, round fourteen): the term
    is glossed in Latin script right after it ("так называемые вписанные
    кандидаты, write-in candidates", "(swing states)") or is itself Latin
    ("так называемым мягким Brexit"), or it holds an ordinal
    (``ordinal_term`` of ``epithet_cues.tsv``: "так называемых третьих
    партий"), a classification. "так называемая оппозиция", "так называемые
    эксперты" stay distancing (guideline, case 13)."""
    if len(toks) < 2 or lower_key(s.text[toks[0]]) != "так" or lower_key(s.lemma[toks[1]]) not in _SO_CALLED:
        return False
    k, term = toks[-1] + 1, []
    while k < len(s) and (s.upos[k] in ("ADJ", "NOUN", "PROPN", "X", "NUM") or s.text[k] in _OPEN_Q or
                          s.text[k] in _CLOSE_Q or s.text[k] == "-"):
        term.append(k)
        k += 1
    if not any(_is_noun(s, x) or _latin(s.text[x]) for x in term):
        return False
    if any(_latin(s.text[x]) for x in term) or any(lower_key(s.lemma[x]) in _ORDINAL_TERMS for x in term):
        return True
    return k + 1 < len(s) and (s.text[k] in (",", "(") or s.text[k] in DASHES) and _latin(s.text[k + 1])


def _said_of_thing(s, r, toks, lex):
    """An adjective or predicate whose noun is a thing, an event or an
    abstract noun, not an actor (guideline: "Things are not actors";
    descriptors of non-actors are not annotated; issue #10, round twelve):
    the row's mention is such a noun the tagger took for animate ("с
    дикими подтасовками"); the
    descriptor's clause subject is one ("выборы непредсказуемы", "создание
    вакцины стало бы лучшим …" however the row was attached); or, the parse
    hanging it elsewhere across a comma, the adjective follows such a noun it
    agrees with ("что слухи лживые, но сторонники …")."""
    words = [x for x in toks if not s.is_punct(x)]
    if not words:
        return False
    inside = [x for x in range(len(s)) if s.start[x] >= r["actor_start"] and s.end[x] <= r["actor_end"]]
    if len(inside) == 1 and inside[0] not in toks and s.feats(inside[0]).get("Animacy") == "Anim" and \
            lower_key(r["actor"]) == lower_key(s.lemma[inside[0]]) and _thing_noun(s, inside[0], lex):
        return True  # the tagger's animacy of a thing, which made it a mention ("подтасовками")
    if not s.has_syntax:
        return False
    head = next((x for x in words if s.head[x] not in words), words[0])
    subj = next((c for c in s.children(head) if s.deprel[c].startswith("nsubj")), None)
    p = s.head[head]
    if subj is None and s.deprel[head] == "xcomp" and p >= 0 and s.lemma[p] in _COPULA_VERBS:
        # the verb's nearest subject ("Однако создание вакцины стало бы лучшим")
        subj = min((c for c in s.children(p) if s.deprel[c].startswith("nsubj")), key=lambda c: abs(c - p),
                   default=None)
    if subj is not None and subj < head and _thing_noun(s, subj, lex):
        return True
    a, n = words[0], words[0] - 1
    if r["kind"] == "adjective" and len(words) == 1 and n >= 0 and n not in inside and p > a and \
            any(s.is_punct(x) for x in range(a + 1, p)) and _thing_noun(s, n, lex):
        fa, fn = s.feats(a), s.feats(n)
        return all(fa.get(k) == fn.get(k) for k in ("Case", "Number"))
    return False


def _framed(s, r):
    """Whether the row's actor mention or descriptor is the genitive
    complement of a noun that names a category, a role or a depiction rather
    than someone (``non_referring_frame`` in ``epithet_cues.tsv``): "в роли
    клоуна" (a role in a film), "фигурку жабы", and, for labels only, the
    name of a list ("список террористов и экстремистов": the list's category,
    no one's evaluation; "список российских военных, погибших …" does name
    people, so its neutral rows stay). The ``value`` column gives the
    prepositions the noun must follow ("роль" only in "в роли"), or
    ``label``. The guideline's descriptors of non-actors: no row. Legal
    designations are left to the caller (a registry still brands the actor
    it names, hard decision 4)."""
    label = r["polarity"] == r["polarity"] and abs(r["polarity"]) >= EVALUATIVE_THRESHOLD
    return any(_framed_span(s, [t for t in range(len(s)) if lo <= s.start[t] < hi], label)
               for lo, hi in ((r["actor_start"], r["actor_end"]), (r["start"], r["end"])))


def _framed_span(s, a, label):
    """Whether tokens ``a`` (a mention or a descriptor) are the genitive
    complement of a ``non_referring_frame`` noun (see :func:`_framed`);
    ``label``: the row is an evaluative label."""
    if not a or not _FRAMES or (s.lang != "en" and s.feats(a[-1]).get("Case") in ("Nom", "Ins", "Loc", "Dat")):
        return False  # (the tagger often reads such a genitive as an accusative: "в реестр иноагентов")

    def frame(k):
        need = _FRAMES.get(lower_key(s.lemma[k])) if 0 <= k < len(s) and k not in a else None
        if need is None:
            return False
        if need == "label":
            return label
        p = k - 1
        while p >= 0 and s.upos[p] == "DET":
            p -= 1
        return not need or (p >= 0 and lower_key(s.text[p]) in need.split("|"))

    k = a[0] - 1
    while k >= 0 and k not in a and (_is_adj(s, k) or s.upos[k] in ("DET", "NUM") or lower_key(s.text[k]) == "of"):
        k -= 1
    if frame(k):
        return True
    if not s.has_syntax:
        return False
    x = a[-1]
    while s.deprel[x] == "conj" and 0 <= s.head[x] < len(s) and s.head[x] not in a:
        x = s.head[x]  # "список террористов и экстремистов"
    return s.deprel[x] == "nmod" and frame(s.head[x])


def _award_title(s, t):
    """A capitalised label inside a sentence followed by a capitalised word is
    part of a name or an award ("Герой России", "Мать-героиня" of an order)."""
    if t + 1 >= len(s) or not s.text[t][:1].isupper() or s.text[t].isupper() or not s.text[t + 1][:1].isupper() \
            or s.is_punct(t + 1):
        return False
    return lower_key(s.lemma[t]) in _AWARD_HEADS or (t > 0 and not s.is_punct(t - 1))


def _predicate_actor(s, t, ent_tok, lex):
    """For a noun that is the predicate of a copular clause (a copula among
    its dependents, or a dash between it and its subject: "X — предатель",
    "X является гарантом"): (actor, mention text, actor span) of its subject
    when the subject is a name, a pronoun or an actor noun; False when it is
    a thing; None when ``t`` is not such a predicate."""
    if not s.has_syntax:
        return None
    kids = s.children(t)
    p = s.head[t]
    if s.deprel[t] in ("xcomp", "obl") and p >= 0 and s.lemma[p] in _COPULA_VERBS:
        # "X является гарантом": the copular verb heads the clause
        subj = next((c for c in s.children(p) if s.deprel[c].startswith("nsubj")), None)
        if subj is None:
            return None
    else:
        subj = next((c for c in kids if s.deprel[c].startswith("nsubj")), None)
        if subj is None or subj > t:
            return None
        if not (any(s.deprel[c] == "cop" for c in kids) or any(s.text[x] in DASHES for x in range(subj + 1, t))):
            return None
    if subj in ent_tok:
        m = ent_tok[subj]
        return m["actor"], m["text"], list(m["_span"])
    if s.upos[subj] in ("PRON", "DET") or \
            (_is_noun(s, subj) and _actor_noun(s, subj, lower_key(s.lemma[subj]), lex)):
        return s.text[subj], s.text[subj], [subj]
    return False if _is_noun(s, subj) else None


def _predicate_of_thing(s, t, ent_tok, lex, r):
    """For a label that is the predicate of a subject: give the row to the
    subject as a predicate ("X — предатель"); return True when the subject is
    a thing (no row: "жизнь — лучший режиссёр")."""
    pred = _predicate_actor(s, t, ent_tok, lex)
    if pred is False:
        return True
    if pred:
        r["actor"], r["mention"] = pred[0], pred[1]
        r["actor_start"], r["actor_end"] = s.start[min(pred[2])], s.end[max(pred[2])]
        r["kind"] = "predicate"
        # "Мэр — настоящий вор, считают жители": a considering verb or an intensifier makes the role a judgement
        r["polarity"] = _predicate_polarity(s, r["_toks"], lex, r["polarity"])
    return False


def _states_in(s, ent_tok, lex):
    """Whether the sentence speaks of states: a place or state name, a
    relational adjective ("европейских") or a state noun."""
    return any(m.get("type") in ("LOC", "GPE") for m in ent_tok.values()) or any(
        lower_key(s.lemma[x]) in lex.relational or lower_key(s.lemma[x]) in ("страна", "государство", "держава",
                                                                          "країна", "state", "country")
        for x in range(len(s)))


def _mode_tokens(s, toks, lex):
    """Context nouns in the locative after "в" ("в ручном режиме", "в режиме
    онлайн") and their adjectives, and a prison regime ("строгого режима"): a
    mode or a manner, not an actor."""
    out = set()
    for t in toks:
        if _penal(s, t):
            out.update((t - 1, t))  # "колонии строгого режима": a prison regime
            continue
        if lower_key(s.lemma[t]) in lex.context and s.feats(t).get("Case") == "Loc" and \
                s.feats(t).get("Animacy", "Inan") != "Anim":
            k = t - 1
            while k >= 0 and (_is_adj(s, k) or s.upos[k] == "ADV"):
                k -= 1
            if k >= 0 and lower_key(s.text[k]) in ("в", "во", "у"):
                out.update(range(k + 1, t + 1))
    return out
