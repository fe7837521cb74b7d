"""Epithets: the descriptors an outlet attaches to actors, and nominations.

:func:`epithets` returns one row per (actor mention, descriptor), as defined in
``docs/epithets.md`` (columns :data:`EPITHET_COLUMNS`): ``doc_id``,
``outlet``, ``sent_id``, ``actor``, ``mention`` (the actor's mention, or the
nomination phrase), ``epithet`` (the descriptor's surface text; a relative
clause or predicate as its whole clause), ``epithet_lemma``, ``kind``,
``polarity`` (lexicon score in [-1, 1], NaN for a neutral descriptor: role
words, titles, nationality adjectives), ``evaluative`` (bool), ``start``,
``end`` (character offsets of the descriptor), ``legal`` (a legal
designation such as "иноагент", "нежелательная", "экстремистская": evaluative,
polarity -1, flagged so that it can be counted or left out), ``actor_start``,
``actor_end`` (the actor's mention: the name, else the head noun; for a
nomination the nomination itself).

Kinds
-----
``adjective``        an adjective or participle (phrase) agreeing with the name
                     (``нелегитимный Путин``, ``назначенный Киевом глава``);
``title``            a title or apposition with its complements (``глава КНДР``,
                     ``генсек НАТО``, ``Путин, президент России,``);
``genitive``         an evaluative genitive complement of the title
                     (``президент страны-агрессора``);
``compound``         a hyphenated compound used as title (``страна-агрессор
                     Россия``, ``экс-комик Зеленский``);
``relative_clause``  ``которого разыскивает Международный уголовный суд``;
``predicate``        a predicate nominal (``X — диктатор``, ``X является
                     диктатором``, ``назвал X диктатором``);
``description``      a description standing for an actor, linked by the user's
                     alias table or by context: the same title given to one
                     actor earlier in the document (``российский президент``)
                     or, for a sentence subject, the nearest preceding person;
``nomination``       a role word (``военные``, ``силовики``, ``власти``: no
                     polarity) or an evaluative label for a group or person
                     without a name
                     (``бандеровцы``, ``оккупанты``, ``режим`` of
                     ``киевский режим`` — its adjectives are rows of their
                     own —, a person noun in scare quotes ``«освободители»``),
                     linked to an actor by a
                     relational adjective for an army's label or a context
                     noun (``украинские нацисты`` → Украина; a nationality
                     adjective of any other label is a row of its own:
                     ``американские идиоты`` → идиоты),
                     a following name in the genitive (``режим Кима``) or the
                     lexicon's hint, otherwise kept as a group actor named by
                     the label's plural (``бандеровцы``).

Method
------
With a dependency parse (UD), descriptors are the ``amod``/``acl`` dependents
of the name and of its titles, the noun the name is an ``appos``/``flat``
dependent of (and its ``appos`` dependents), ``nmod`` genitives of titles,
``acl:relcl`` clauses and copular heads.  Without a parse, and as a backup
for parser errors, agreement patterns over lemmas and UD features find the
same: adjectives agreeing with the name in case, number and gender, a title
noun of the titles lexicon agreeing in case (with genitive complements in
between), ``, который …`` agreeing in gender and number, ``X — NP``.  The
descriptor inventory follows the analysis of naming and nomination in
critical discourse studies (Reisigl & Wodak 2001, "referential and
predicational strategies") and the attributive / appositive / predicative
positions of Russian grammar (Русская грамматика 1980, §§ 1560–1600).

Actors without a name (role words, labels, titles, person and group nouns,
institutions; organisation nouns as subjects) get their adjectives,
participial phrases and relative clauses too.  A relative clause must contain
a relative pronoun agreeing with its antecedent; a participle must agree with
the noun in case and be its dependent in the tree.  Polarity is lexical and
read in context: role words (``roles.tsv``) and verbs, participles and nouns
of actions or states carry none; a label used literally (its
``literal_when`` context in ``nominations.tsv``: a circus "клоун", an
object "захватчики собора") is neutral or no row; a context noun ("режим")
needs a named actor.  Legal designations come from
``legal_designations.tsv``.  Russian nouns of common gender that no list
holds ("тихоня", "зануда": ``ms-f`` in the pymorphy3 dictionary) are
expressive characterisations (Русская грамматика 1980, § 1137), negative
unless listed as praise; evaluative adjectives predicated of a person ("они
— продажные", "главари нелегитимны") are predicate rows whatever the parse
made of the name.

References
----------
Reisigl, M., & Wodak, R. (2001). *Discourse and Discrimination: Rhetorics of
Racism and Antisemitism*. Routledge, ch. 2.
Шведова, Н. Ю. (ред.) (1980). *Русская грамматика*, т. 2. Москва: Наука.
de Marneffe, M.-C., et al. (2021). Universal Dependencies. *Computational
Linguistics* 47(2), 255–308.
"""

from __future__ import annotations

import os
from collections import defaultdict

import pandas as pd

from ..._options import InstanceOf, OneOf, check
from .._guard import Guard
from .._language import gate
from .._names import doc_langs, doc_outlets, lower_key, sentences_of
from .tokens import _gender, _is_adj, _leading_title, _opens, _span_positions
from .lexicon import EVALUATIVE_THRESHOLD, _Lex
from .morph import _label_reading, _org_diminutive
from .rows import EPITHET_COLUMNS, EPITHET_KINDS, _empty, _row
from .guards import _precision_filter
from .attach import _descriptions, _named
from .nominations import _evaluative_pairs, _nominations, _state_nicknames, _unnamed
from .clauses import _antecedent_thing, _naming_predicates, _oblique_person, _predicate_nominations, _branded_actors, \
    _merge_predicates
from .words import _EVENT_NAMES


__all__ = ["epithets", "EPITHET_COLUMNS", "EPITHET_KINDS"]


_SPEC = {
    "actors": [OneOf(None), InstanceOf(tuple)],
    "lexicon": [InstanceOf(str, os.PathLike, pd.DataFrame)],
    "model": [InstanceOf(bool)],
}


def epithets(ann, *, actors=None, lexicon="default", model=True) -> pd.DataFrame:
    """Descriptors attached to actors, and evaluative nominations.

    Parameters
    ----------
    ann : Annotated
    actors : Actors, optional
        The result of :func:`framing.actors` (computed with default options
        when not given).
    lexicon : str, path or DataFrame
        Polarity lexicon with columns ``lemma`` and ``polarity``:
        ``"default"`` (the built-in ``evaluative``, ``nominations`` and
        ``titles`` lists of each document's language, and for Ukrainian the
        cognates derived from the Russian lists by
        :mod:`framing.lexicons.cognates`), a built-in name, a path,
        or a DataFrame such as :func:`framing.lexicons.readers.read_rusentilex`
        returns. Role words, legal designations and verbs that judge their
        agent (``judging_verbs``) come from the built-in lists of each
        language whatever the lexicon (docs/epithets.md).
    model : bool, default True
        Score words no lexicon lists with the evaluative-word model of the
        language where one ships (Russian: logistic regressions over navec
        vectors, ``framing/models/ru/``): it flags descriptor rows and creates
        nomination rows for animate nouns it scores evaluative. Used only with
        ``lexicon="default"``; Ukrainian and English have no model.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`EPITHET_COLUMNS`, one row per descriptor, in document
        order.

    References
    ----------
    Reisigl, M., & Wodak, R. (2001). *Discourse and Discrimination*. Routledge.

    Hamilton, W. L., Clark, K., Leskovec, J., & Jurafsky, D. (2016). Inducing
    domain-specific sentiment lexicons from unlabeled corpora. *EMNLP*, 595–605
    (the evaluative-word model).

    Земская, Е. А. (1992). *Словообразование как деятельность*. Москва: Наука
    (a coined compound takes the evaluation of its last stem, its head).

    Examples
    --------
    >>> import framing
    >>> ann = framing.Annotated.from_conllu(
    ...     "1\\tнелегитимный\\tнелегитимный\\tADJ\\t_\\tCase=Nom|Gender=Masc|Number=Sing\\t2\\tamod\\t_\\t_\\n"
    ...     "2\\tПутин\\tПутин\\tPROPN\\t_\\tCase=Nom|Gender=Masc|Number=Sing\\t0\\troot\\t_\\tNER=B-PER")
    >>> framing.epithets(ann)[["actor", "epithet", "evaluative"]].values.tolist()
    [['Путин', 'нелегитимный', True]]
    """
    check("epithets", _SPEC, actors=actors, lexicon=lexicon, model=model)
    guard = Guard("epithets")
    ann = gate(ann, guard)
    if actors is None:
        from ..actors import actors as _actors
        actors = _actors(ann)
    langs = doc_langs(ann)
    outlets = doc_outlets(ann)
    syntax = {lg: ann.has("syntax", lg) for lg in set(langs.values())}
    sents = sentences_of(ann.tokens, langs, syntax)
    if not sents:
        return guard.finish(_empty())
    lexes = {}
    mentions = actors.mentions
    by_sent = defaultdict(list)
    for m in mentions.to_dict("records"):
        by_sent[(m["doc_id"], int(m["sent_id"]))].append(m)
    rows = []
    doc_state = {}
    doc_lemmas = defaultdict(set)   # for the literal_when context of labels
    for (d, _i), snt in sents.items():
        doc_lemmas[d].update(snt.lemma)
    order = {d: i for i, d in enumerate(ann.docs["doc_id"])}
    for key in sorted(sents, key=lambda k: (order.get(k[0], 0), k[1])):
        s = sents[key]
        lang = s.lang
        if lang not in lexes:
            lexes[lang] = _Lex(lexicon, lang, model=model)
        st = doc_state.get(s.doc_id)
        if st is None:
            st = doc_state[s.doc_id] = {"titles": defaultdict(set), "persons": [], "context": defaultdict(set),
                                        "lemmas": doc_lemmas.get(s.doc_id, set())}
        if "keys" not in st:
            st["keys"] = frozenset(lower_key(x) for x in st["lemmas"])
        lexes[lang].doc_lemmas = st["keys"]
        rows.extend(_sentence(s, by_sent.get(key, []), lexes[lang], st))
    if not rows:
        return guard.finish(_empty())
    df = pd.DataFrame(rows)
    df["outlet"] = df["doc_id"].map(outlets).fillna("unknown")
    df["evaluative"] = [bool(lg) or (p == p and abs(p) >= EVALUATIVE_THRESHOLD)
                        for lg, p in zip(df["legal"], df["polarity"])]
    df["_o"] = df["doc_id"].map(order)
    df = df.sort_values(["_o", "sent_id", "start", "end", "actor"], kind="stable")
    df = df.drop_duplicates(["doc_id", "actor", "start", "end", "kind"])
    df = df[EPITHET_COLUMNS].reset_index(drop=True)
    df["polarity"] = df["polarity"].astype("float64")
    df["evaluative"] = df["evaluative"].astype(bool)
    df["legal"] = df["legal"].astype(bool)
    for c in ("sent_id", "start", "end", "actor_start", "actor_end"):
        df[c] = df[c].astype("int64")
    for c in ("doc_id", "outlet", "actor", "mention", "epithet", "epithet_lemma", "kind"):
        df[c] = df[c].astype(object)
    return guard.finish(df)


#: case endings of the nouns of ``event_name`` ("Брексита", "Олимпиаде", "Холокостом")
_EVENT_ENDINGS = frozenset({"", "а", "у", "ом", "е", "ы", "и", "ой", "ию", "ия", "ии", "ей", "ю", "я"})


def _event_name(s, span):
    """Whether a one-word mention is the name of an event or process (``event_name`` in
    ``epithet_cues.tsv``: "Брексит", "Brexit", "Евровидение") in one of its case forms: the listed
    name, less a final vowel, and a case ending ("Брексита", "Олимпиаде"); a derived person noun
    ("брекситер") is not one."""
    if len(span) != 1:
        return False
    w = lower_key(s.text[span[0]])
    for e in _EVENT_NAMES:
        stem = e[:-1] if e[-1] in "аеиоуыэюяь" else e
        if w.startswith(stem) and w[len(stem):] in _EVENT_ENDINGS:
            return True
    return False


def _sentence(s, ms, lex, st):
    rows = []
    used = set()        # token positions consumed by a descriptor of a named mention
    ent_tok = {}        # token position -> mention
    named = []
    for m in ms:
        span = _span_positions(s, m)
        if span is None:
            continue
        m = dict(m, _span=span)
        if not s.text[span[0]].isupper() and s.upos[span[0]] != "PROPN" and \
                (lower_key(s.lemma[span[0]]) in lex.roles or lex.is_title(s.lemma[span[0]]) or
                 ((len(span) == 1 or _opens(s, span[0])) and lower_key(s.lemma[span[0]]) in lex.nom_exact)) and \
                all(s.upos[x] != "PROPN" for x in span):
            # a capitalised role word, title or label the tagger took for a name
            # ("Омоновцы ворвались", "Министр обороны России Андрей Белоусов", "Голубки слились",
            # "Предатель Родины сбежал": a label and its genitive opening a sentence)
            continue
        if len(span) == 1 and _opens(s, span[0]) and _label_reading(s, span[0], lex):
            continue  # a rare label opening a sentence, tagged as a name ("Рашисты обстреляли")
        if len(span) == 1 and s.lang == "ru" and _org_diminutive(s.text[span[0]]):
            continue  # "через НКОшку": a belittling label of a firm, not its name
        if _event_name(s, span):
            continue  # "жесткого Брексита": an event the name finder took for an actor
        lem0 = lower_key(s.lemma[span[0]])
        if _opens(s, span[0]) and _is_adj(s, span[0]) and s.lemma[span[0]][:1].islower() and \
                all(s.upos[x] != "PROPN" for x in span) and \
                (len(span) == 1 or any(s.feats(x).get("Animacy") == "Anim" and s.upos[x] == "NOUN" for x in span)) and \
                (lem0 in lex.quality_verbs or abs(lex.polarity(lem0) or 0) >= EVALUATIVE_THRESHOLD):
            # an evaluative adjective opening a sentence, which the tagger took for a name
            # ("Бессовестный перекупщик поднял цены", "Зарвавшийся блогер"): common words, not a name
            # (a name of an organisation, "Демократическая партия", has no person noun)
            continue
        form0 = lower_key(s.text[span[0]])
        if len(span) == 1 and not s.text[span[0]].isupper() and _opens(s, span[0]) and \
                (form0 in lex.nom_exact or lower_key(s.lemma[span[0]]) in lex.nom_exact or
                 ("-" in form0 and (lex.nomination(form0) is not None or lex.nomination(lem0) is not None)) or
                 lex.affixed(form0)):
            continue  # a label opening a sentence, tagged as a name ("Неадекват избил", "Горе-водитель снёс",
            # "Лжеэксперт выступил")
        lead = _leading_title(s, span, lex) if len(span) >= 2 else None
        if lead:
            # the tagger swallowed a title into the name ("Иноагенту Данилу Поперечному")
            span = span[1:]
            m = dict(m, _span=span, _lead=(span[0] - 1, lead))
        for t in span:
            ent_tok[t] = m
        if m["link"] not in ("pronoun", "description"):
            named.append(m)
        elif m["link"] == "description":
            r = _row(s, m, span, "description", lex, actor=m["actor"])
            if r:
                rows.append(r)
                used.update(span)
    for m in named:
        rows.extend(_named(s, m, lex, ent_tok, used, st))
    for r in rows:
        used.update(r.get("_toks", []))
    rows.extend(_descriptions(s, lex, ent_tok, used, st))
    # a naming or considering verb's instrumental is a predicate of its object before it can be
    # a nomination ("назвал министра вором", "жители считают его мошенником": guideline, predicate)
    rows.extend(_naming_predicates(s, lex, ent_tok, used, st))
    rows.extend(_nominations(s, lex, ent_tok, used, st))
    for r in rows:
        used.update(r.get("_toks", []))
    rows.extend(_state_nicknames(s, lex, ent_tok, used))   # "чиновников Незалежной"
    rows.extend(_evaluative_pairs(s, lex, ent_tok, used))  # "лидеры коллективного Запада"
    rows.extend(_unnamed(s, lex, ent_tok, used, rows))
    rows = _precision_filter(s, rows, lex, st)
    _predicate_nominations(s, rows, ent_tok)     # "Он — педофил": the subject is the actor
    _branded_actors(s, rows, ent_tok)            # "«Медиазона» (в реестре «иноагентов»)": the outlet
    _merge_predicates(s, rows)                   # "Он — опасный преступник": one predicate row
    for r in rows:
        used.update(r.pop("_toks", []))
        r.pop("_head", None)
    for m in named:
        if m["type"] == "PER":
            st["persons"].append((s.sent_id, m["_span"][0], m["actor"], _gender(s, m["_span"])))
            if _oblique_person(s, m["_span"]):
                st.setdefault("oblique", set()).add((s.sent_id, m["_span"][0]))
    # things a pronoun of a later sentence may stand for: the subjects (round nineteen; in its own
    # sentence every thing counts, "2020 год … почему его называют худшим")
    st.setdefault("things", []).extend((s.sent_id, x, None, s.feats(x).get("Gender")) for x in range(len(s))
                                       if x not in ent_tok and _antecedent_thing(s, x) and
                                       s.has_syntax and s.deprel[x].startswith("nsubj"))
    return rows
