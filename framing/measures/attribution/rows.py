"""The public tables: :func:`attributions` and :func:`markers`.

``_run`` walks the corpus once (sentences by :func:`_token_columns`, each
through the guarded :func:`.finder._sentence_work`, each document's speakers
through :mod:`.coref`); ``_row`` turns a finished cue into a row (the public cue
lemma, the form, self-citation of the outlet).
"""

from __future__ import annotations

import functools
import os
import re

import numpy as np
import pandas as pd

from ...lang.punct import CLOSING_ONLY_QUOTES, DASHES, DOUBLE_QUOTES, char_class
from ..._errors import SchemaError
from ..._options import InstanceOf, NoneOk, OneOf, check
from .._guard import Guard
from .._language import gate
from .._names import Sentence
from .columns import ATTRIBUTION_COLUMNS, DISTANCING_CLASSES, MARKER_COLUMNS
from .coref import _mentions, _resolve_doc, actor_types
from .content import negated_speech
from .finder import _sentence_work
from .markers import _marker_rows, marker_classes
from .quotes import QUOTE_CHARS, find_quotes
from .sentence import _Cue, _Sent
from .words import LANGS, _Res, _builtin, _norm, _resources

#: spaces, dots and double quotation marks, dropped from a speaker's media key
_KEY_DROP_RX = re.compile(r"[\s.]|" + char_class(DOUBLE_QUOTES))


# --- public ---------------------------------------------------------------------------
def _empty() -> pd.DataFrame:
    df = pd.DataFrame({c: pd.Series(dtype="object") for c in ATTRIBUTION_COLUMNS})
    for c in ("sent_id", "speaker_start", "speaker_end", "content_start", "content_end", "cue_start", "cue_end"):
        df[c] = df[c].astype("int64")
    for c in ("negated", "distancing", "self_citation"):
        df[c] = df[c].astype(bool)
    return df


def _check_ann(ann):
    for attr in ("tokens", "entities", "docs", "has"):
        if not hasattr(ann, attr):
            raise SchemaError(
                f"attributions() needs an Annotated (the output of framing.annotate), got {type(ann).__name__}."
            )


_TOKEN_COLUMNS = Sentence._COLUMNS   # the columns the shared sentence view reads


def _token_columns(toks: pd.DataFrame):
    """Yield ``(doc_id, [columns of each sentence])``: documents in order of first appearance,
    sentences by ``sent_id``, tokens in table order; each sentence a dict column → list."""
    doc_code = pd.factorize(toks["doc_id"])[0]
    order = np.lexsort((toks["sent_id"].to_numpy(), doc_code))   # stable: table order within a sentence
    cols = {c: toks[c].to_numpy()[order].tolist() for c in _TOKEN_COLUMNS}
    d = doc_code[order]
    sid = toks["sent_id"].to_numpy()[order]
    n = len(order)
    cuts = np.flatnonzero((d[1:] != d[:-1]) | (sid[1:] != sid[:-1])) + 1
    bounds = [0, *cuts.tolist(), n]
    doc_id, sents = None, []
    for a, b in zip(bounds[:-1], bounds[1:]):
        if sents and d[a] != d[a - 1]:
            yield doc_id, sents
            sents = []
        doc_id = cols["doc_id"][a]
        sents.append({c: v[a:b] for c, v in cols.items()})
    if sents:
        yield doc_id, sents


def _lines(c: dict, text: str, quotes) -> list[tuple[int, int]]:
    """Token ranges of one annotated sentence cut at its line breaks.  A Telegram post's
    headline often has no final stop, so the annotator's sentence runs on into the next
    paragraph ("… в желудке в Финляндию\n\nКак поясняет финская таможня, …"); the guideline's
    unit is the line, and a headline's trailing credit ("… — СМИ") ends its line.  (The parse
    of such a run-on joins the lines at random: "гниль" the subject of "отравилась" in the
    next paragraph; an arc to the other line is dropped, its word read as a root.)  No cut after
    a colon ("Глава компании Татьяна Ким:\n«…»"), next to a dash that ends or starts a line (the
    author's words after a quotation: "«…»\n— губернатор области.", "«…», —\nговорится в
    заявлении"), or inside a quotation."""
    st, en = c["start"], c["end"]
    cuts = [i for i in range(1, len(st)) if "\n" in text[en[i - 1]:st[i]]
            and not text[max(0, st[i] - 80):st[i]].rstrip().endswith(":") and c["text"][i] not in DASHES
            and c["text"][i - 1] not in DASHES
            and not any(q.open < st[i] < q.close for q in quotes if q.kind != "name")]
    bounds = [0, *cuts, len(st)]
    return list(zip(bounds[:-1], bounds[1:]))


def _line_sent(c: dict, lo: int, hi: int, lang: str, syntax: bool, ents: list) -> _Sent:
    """The :class:`_Sent` of tokens ``lo:hi`` of one annotated sentence; a token whose head
    stands on another line is read as a root of its line (``cut_roots``)."""
    base = Sentence.from_columns(c, lo, hi, lang, syntax)
    S = _Sent(base, ents)
    if lo > 0 or hi < len(c["tok_id"]):
        S.cut_roots = {i for i, (h, r) in enumerate(zip(S.head, base.head_raw)) if h == -1 and r > 0}
        S.head = [-2 if i in S.cut_roots else h for i, h in enumerate(S.head)]
    return S


def _resolve_ok(doc_cues, sents, R, ment_doc, atypes) -> bool:
    _resolve_doc(doc_cues, sents, R, ment_doc, atypes)
    return True


def _run(ann, verbs, actors, guard, negated="drop"):
    ann = gate(ann, guard)
    toks = ann.tokens
    docs = ann.docs
    texts = dict(zip(docs["doc_id"], docs["text"]))
    outlets = dict(zip(docs["doc_id"], docs["outlet"]))
    langs = dict(zip(docs["doc_id"], docs["lang"]))
    if toks.empty:
        return [], texts, outlets
    ents = ann.entities
    ent_by: dict = {}
    for e in (ents.to_dict("records") if len(ents) else ()):
        ent_by.setdefault((e["doc_id"], e["sent_id"]), []).append(e)
    ment = _mentions(ann, actors)
    atypes = actor_types(ment)
    ment_by = dict(tuple(ment.groupby("doc_id", sort=False))) if len(ment) else {}
    syntax_ok = {lg: ann.has("syntax", lg) for lg in set(langs.values())}
    results = []
    for doc_id, sent_cols in _token_columns(toks):
        lang = langs.get(doc_id, "ru")
        R = _resources(lang, verbs)
        text = texts.get(doc_id, "")
        quotes = find_quotes(text)
        syntax = syntax_ok.get(lang, False) and all(h >= 0 for c in sent_cols for h in c["head"])
        lg = lang if lang in LANGS else "ru"
        sents = []
        for k, c in enumerate(sent_cols):
            for lo, hi in _lines(c, text, quotes):
                sents.append(_line_sent(c, lo, hi, lg, syntax, ent_by.get((doc_id, c["sent_id"][0]), [])))
                sents[-1].para = k    # coreference counts distances in annotated sentences
        doc_cues = []
        for si, S in enumerate(sents):
            cues = guard.call(_sentence_work, S, R, syntax, quotes, text, doc_id=doc_id, sent_id=S.sent_id)
            doc_cues.extend((si, S, c) for c in cues or ())
        if doc_cues and not guard.call(_resolve_ok, doc_cues, sents, R, ment_by.get(doc_id, ment.iloc[:0]), atypes,
                                       doc_id=doc_id):
            doc_cues = []   # speakers half-resolved: the document is skipped (recorded)
        if negated == "drop":
            # after resolution, so that the antecedents are the same either way
            doc_cues = [(si, S, c) for si, S, c in doc_cues if not negated_speech(S, c, R)]
        results.append((doc_id, lang, sents, doc_cues, R))
    return results, texts, outlets


def attributions(ann, *, verbs="default", actors=None, negated="drop") -> pd.DataFrame:
    """One row per attribution: who is reported as saying what, how.

    Parameters
    ----------
    ann : Annotated
        The output of :func:`framing.annotate` (or :meth:`Annotated.from_conllu`).
    verbs : "default", path, DataFrame or dict
        The reporting-verb lexicon: ``"default"`` reads
        ``framing/lexicons/<lang>/reporting_verbs.tsv`` for each document's
        language; a path or DataFrame (columns ``lemma``, ``class``, optionally
        ``requires``) replaces it for every language; a dict maps a language to
        any of these.
    actors : None, Actors or DataFrame
        Actor mentions to name speakers by: the result of :func:`framing.actors`
        (or its ``mentions`` table, columns ``doc_id``, ``start``, ``end``,
        ``actor``, ``type``).  ``None`` runs :func:`framing.actors` when
        available and otherwise names speakers by the entity's ``normal`` form.
    negated : "drop" or "keep"
        Reports that did not happen: a negated verb of saying, informing or
        confirming ("военные не комментировали удар", "Песков не уточнил") and a
        refusal to speak ("отказался от комментариев", "не стал комментировать").
        ``"drop"`` (the default) leaves them out, as the definition
        (``docs/attribution.md``) counts no attribution there; ``"keep"`` gives
        them rows with ``negated`` True, for a study of who declines to speak.
        Negated stances, denials and admissions ("не исключают", "не признал
        вину") are reports either way.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`ATTRIBUTION_COLUMNS`:

        ``doc_id``, ``outlet``, ``sent_id``
            where the cue is;
        ``speaker``, ``speaker_start``, ``speaker_end``
            the speaker as written and its character offsets (``""`` and -1
            when no speaker is named: "сообщается");
        ``actor``
            the canonical actor; pronouns ("он", "По ее данным", "її", "he"),
            bare descriptions ("глава МИД", "ведомство", "издание") and
            singular zero subjects resolved to the nearest earlier actor of
            agreeing gender, number and type in the document
            (:mod:`framing.measures.attribution.coref`); empty when none fits;
            ``"anonymous"`` for anonymous sources;
        ``speaker_type``
            person, organisation, media, anonymous or unattributed;
        ``self_citation``
            the outlet quoting itself: the document's outlet (or a variant of
            it in ``media_outlets.tsv``) is the speaker or actor ("По данным
            SHOT" in SHOT's channel), or its correspondent or newsroom named
            by role alone ("передает корреспондент");
        ``verb``, ``verb_lemma``, ``verb_class``
            the cue as written ("По словам", "выразил обеспокоенность"), its
            lemma by the project's guideline (``docs/attribution.md``: the noun
            of a source phrase, "слово", "данные", "ссылка"; "согласно"; the
            head verb of a multiword cue, "выразить"; the full adjective of a
            predicative, "уверенный", "известный" for "стало известно"; the
            verb with its "-ся" for "говорится"; ``""`` for a colon or a dash)
            and its class (:data:`VERB_CLASSES`, from the lexicon entry of the
            cue, so a class does not depend on the lemma's convention);
        ``quote_type``
            the measure's own form label, kept for compatibility: direct,
            indirect, mixed, according_to, noun or none;
        ``form``
            the guideline's form (:data:`FORMS`), first matching rule wins:
            credit (no content of its own: "Об этом сообщил X", "— X"),
            according_to ("по словам X", "как сообщает X", "со ссылкой на"),
            direct, mixed (a paraphrase with a quoted fragment), indirect (a
            complement or inverted clause), other (an NP, PP or infinitive);
        ``content``, ``content_start``, ``content_end``
            the reported content and its offsets (``""`` and -1 when there is
            none, as in "Об этом сообщил X");
        ``markers``
            list of distancing markers in or before the content ("якобы",
            "мол", "так называемый", "по версии", ``"scare_quote"``,
            ``"legal_label"`` for a legal designation in quotes, «иноагентов»);
            :func:`marker_class` gives each one's class (:data:`MARKER_CLASSES`);
        ``negated``
            the report is negated ("не исключают", "не признал вину"; with
            ``negated="keep"`` also "не стал комментировать");
        ``distancing``
            the report is held at a distance by the reporter: a distancing
            reporting verb, a particle or a scare quote
            (:data:`DISTANCING_CLASSES`); an attribution phrase ("по версии
            следствия") and a legal label are not counted here;
        ``cue_start``, ``cue_end``
            character offsets of the cue;
        ``pattern``
            which rule found it (verb, infinitive, collocation, according_to,
            reference, colon, dash, participle ("подозреваемый в …",
            "обвиняющие … в …"), passive ("обвиняется в …"); ``+syntax``,
            ``+left``, ``+right``, ``+locative``, ``+document`` (a document
            with no owner: "говорится в сообщении"), ``+coordinated`` say how
            the speaker was found).

        A sentence (or a document's speaker resolution) that raises is
        skipped and listed in ``.attrs["problems"]`` (``measure``, ``doc_id``,
        ``sent_id``, ``reason``) with one :class:`framing._errors.MeasureWarning`;
        ``FRAMING_STRICT=1`` raises instead.

    References
    ----------
    Bergler, S. (1992). *Evidential Analysis of Reported Speech*. PhD thesis, Brandeis.
    Caldas-Coulthard, C. R. (1994). On reporting reporting: the representation of
    speech in factual and factional narratives. In M. Coulthard (ed.), *Advances in
    Written Text Analysis*.
    Pareti, S. (2015). *Attribution: A Computational Approach*. PhD thesis, Edinburgh.
    Searle, J. R. (1976). A classification of illocutionary acts. *Language in Society* 5(1).
    Thompson, G., & Ye, Y. (1991). Evaluation in the reporting verbs used in academic
    papers. *Applied Linguistics* 12(4).
    Падучева, Е. В. (1996). *Семантические исследования*. (чужая речь, "якобы").

    Examples
    --------
    >>> from framing import Annotated, attributions
    >>> ann = Annotated.from_conllu('''# newdoc id = d1
    ... 1\\tПутин\\tПутин\\tPROPN\\t_\\tCase=Nom|Number=Sing\\t2\\tnsubj\\t_\\tNER=B-PER
    ... 2\\tзаявил\\tзаявить\\tVERB\\t_\\tNumber=Sing|VerbForm=Fin\\t0\\troot\\t_\\tSpaceAfter=No
    ... 3\\t,\\t,\\tPUNCT\\t_\\t_\\t6\\tpunct\\t_\\t_
    ... 4\\tчто\\tчто\\tSCONJ\\t_\\t_\\t6\\tmark\\t_\\t_
    ... 5\\tэто\\tэто\\tPRON\\t_\\tCase=Nom\\t6\\tnsubj\\t_\\t_
    ... 6\\tякобы\\tякобы\\tPART\\t_\\t_\\t2\\tccomp\\t_\\tSpaceAfter=No
    ... 7\\t.\\t.\\tPUNCT\\t_\\t_\\t2\\tpunct\\t_\\t_
    ... ''')
    >>> a = attributions(ann)
    >>> a.loc[0, ["speaker", "verb_lemma", "verb_class", "form", "markers"]].tolist(), bool(a.loc[0, "distancing"])
    (['Путин', 'заявить', 'neutral', 'indirect', ['якобы']], True)
    """
    _check_ann(ann)
    check("attributions", {"verbs": InstanceOf(str, os.PathLike, pd.DataFrame, dict),
                           "actors": [NoneOk(), InstanceOf(pd.DataFrame, tuple)],
                           "negated": OneOf("drop", "keep")},
          verbs=verbs, actors=actors, negated=negated)
    guard = Guard("attributions")
    results, texts, outlets = _run(ann, verbs, actors, guard, negated)
    rows = []
    for doc_id, lang, sents, doc_cues, R in results:
        text = texts[doc_id]
        for si, S, c in doc_cues:
            row = guard.call(_row, doc_id, outlets, text, S, c, R, doc_id=doc_id, sent_id=S.sent_id)
            if row is not None:
                rows.append(row)
    if not rows:
        return guard.finish(_empty())
    df = pd.DataFrame(rows, columns=ATTRIBUTION_COLUMNS)
    return guard.finish(df.reset_index(drop=True))


def _public_lemma(S: _Sent, c: _Cue, R: _Res) -> str:
    """The cue lemma by the guideline (docs/attribution.md): the noun of a source phrase
    ("по словам" → "слово"), the head verb of a multiword cue ("выразить обеспокоенность"
    → "выразить"), the full adjective of a predicative ("быть уверенным" → "уверенный",
    "стало известно" → "известный"), the verb of "говорится в сообщении"; "" for ":" and "—"."""
    fw, lem, p = R.fw, c.verb_lemma, c.pattern
    if p.startswith(("colon", "dash")):
        return ""
    if p.startswith("according_to"):
        first = S.low[c.cue[0]]
        if (first in fw["per_prep"] and c.v == c.cue[0]) or lem == "according to":
            return "согласно" if first == "согласно" else ("згідно" if first == "згідно" else lem)
        noun = S.lem[c.v]
        return fw["noun_fix"].get(noun, fw["noun_fix"].get(S.low[c.v], noun))
    if p.startswith("reference"):
        return lem if lem in fw["ref_verbs"] else fw["ref_lemma"]
    if p.startswith("from"):
        return lem            # "следует из" → следовать
    if c.head_lemma:
        return c.head_lemma
    if fw.get("evident") and lem == fw["evident"][2]:
        return fw["evident"][3]
    if p.startswith("collocation"):
        return lem.split()[0]
    if lem.startswith(("быть ", "бути ")):
        ins = lem.split(" ", 1)[1]          # "быть уверенным" → уверенный (uk "бути впевненим" → впевнений)
        return ins[:-2] + ("ый" if lem.startswith("быть ") else "ий")
    return lem


def _form(c: _Cue, content: str) -> str:
    """The guideline's form: credit, according_to, direct, mixed, indirect, other (first rule wins)."""
    S = c.sent
    if c.pattern.startswith("dash") and c.cue[0] >= 2 and S.text[c.cue[0] - 1] == "," \
            and S.text[c.cue[0] - 2] in QUOTE_CHARS and content.strip():
        return "direct"       # "«…», — Екатерина Зиновьева": direct speech closed by its speaker's name
    if c.pattern.startswith("dash") or c.frame == "anaphoric" or c.credit or not content.strip():
        return "credit"
    if c.pattern.startswith(("according_to", "reference")) or c.frame == "as" or c.verb_lemma in _builtin(c.sent.lang).fw["ref_verbs"]:
        return "according_to"
    if c.quote_type == "direct" or c.pattern.startswith("colon"):
        return "direct"
    if c.quote_type == "mixed" or c.quoted:
        return "mixed"
    if c.frame in ("that", "inverted", "colon") or c.quote_type == "indirect":
        return "indirect"
    return "other"




@functools.lru_cache(maxsize=256)
def _outlet_keys(outlet: str, lang: str) -> frozenset:
    """The spellings of a document's outlet: its name, the parts of "BBC News | Русская
    служба", and every variant in media_outlets.tsv of a medium any of them names."""
    R = _builtin(lang)
    out = set()
    parts = [outlet, *re.split(r"[|/·]", outlet)]
    for part in parts:
        k = _norm(_KEY_DROP_RX.sub("", part))
        if len(k) >= 3:
            out.add(k)
        for w in [part, *part.split()]:
            m = R.media.get(_norm(_KEY_DROP_RX.sub("", w)))
            if m:
                out |= R.variants.get(m, set())
    return frozenset(k for k in out if len(k) >= 3)


def _self_cited(speaker: str, actor: str, outlet: str, R: _Res) -> bool:
    """The outlet quoting itself: its name or a variant as the speaker or actor ("По данным
    SHOT" in SHOT's channel), or its own correspondent or newsroom named by role alone."""
    if not speaker and not actor:
        return False
    keys = _outlet_keys(str(outlet), R.lang)
    for s in (speaker, actor):
        k = _norm(_KEY_DROP_RX.sub("", s))
        ws = set(re.findall(r"\w+", _norm(s)))
        # a short name ("РИА", "112") only as a whole word: not inside "Приамурья"
        if k and any((x in k) if len(x) > 4 else (x in ws or x == k) for x in keys):
            return True
    words = [w for w in re.findall(r"\w+", _norm(speaker))]
    if words and any(w.startswith(h[:-1]) for w in words for h in R.fw["credit_heads"]):
        named = [w for w in re.findall(r"\w+", speaker)[1:] if w[:1].isupper()]   # "корреспондент BBC": not ours
        own = {"наш", "наша", "нашего", "нашему", "нашей", "our", "наш", "нашого"}
        return bool(own & set(words)) or not named
    return False


def _row(doc_id, outlets, text, S, c, R) -> dict:
    """The table row of one finished cue."""
    if c.spk is not None:
        ss, se = S.start[c.spk[0]], S.end[c.spk[1]]
        # strip quotes around names: сообщает "Интерфакс"
        while ss < se and text[ss] in QUOTE_CHARS:
            ss += 1
        while se > ss and text[se - 1] in QUOTE_CHARS and sum(ch in QUOTE_CHARS for ch in text[ss:se]) % 2:
            se -= 1       # a closing quote whose opening one was stripped; «Элджей» inside a phrase stays
        if se < len(text) and text[se] in CLOSING_ONLY_QUOTES and sum(ch in QUOTE_CHARS for ch in text[ss:se]) % 2:
            se += 1       # "боец с позывным «Элджей»": close the quotation the phrase opened
        # an emoji or bullet glued to a name: "▪️Блумберг"
        while ss < se and not (text[ss].isalnum() or text[ss] in QUOTE_CHARS):
            ss += 1
        speaker = text[ss:se]
    elif c.speaker_override is not None:
        ss, se, speaker = c.speaker_override
    else:
        ss = se = -1
        speaker = ""
    cs, ce = c.content if c.content else (-1, -1)
    markers = list(dict.fromkeys(m.lower() for m in c.markers))
    content = text[cs:ce] if cs >= 0 else ""
    outlet = outlets.get(doc_id, "")
    return {
        "doc_id": doc_id, "outlet": outlets.get(doc_id, ""), "sent_id": S.sent_id,
        "speaker": speaker, "speaker_start": ss, "speaker_end": se,
        "actor": c.actor, "speaker_type": c.speaker_type,
        "self_citation": _self_cited(speaker, c.actor, outlet, R),
        "verb": c.verb, "verb_lemma": _public_lemma(S, c, R), "verb_class": c.verb_class,
        "quote_type": c.quote_type, "form": _form(c, content), "content": content,
        "content_start": cs, "content_end": ce, "markers": markers,
        "negated": bool(c.negated),
        "distancing": bool(marker_classes(c.verb_class, markers) & set(DISTANCING_CLASSES)),
        "cue_start": S.start[c.cue[0]], "cue_end": S.end[c.cue[1]], "pattern": c.pattern,
    }


def markers(ann, *, verbs="default", actors=None, negated="drop") -> pd.DataFrame:
    """Every distancing marker and scare quote, inside an attribution or not.

    Markers whose scope is ``report`` in ``distancing_markers.tsv`` ("будто",
    "ніби", "де") count only inside an attribution's content.

    Parameters
    ----------
    ann : Annotated
        The output of :func:`framing.annotate`.
    verbs, actors, negated
        As in :func:`attributions`; give the same values as there, so that the
        ``attribution`` column numbers the rows of that table.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`MARKER_COLUMNS`; ``attribution`` is the row number in
        :func:`attributions` whose content holds the marker, or -1.

    References
    ----------
    Predelli, S. (2003). Scare quotes and their relation to other semantic issues.
    *Linguistics and Philosophy* 26(1).
    """
    _check_ann(ann)
    check("markers", {"negated": OneOf("drop", "keep")}, negated=negated)
    guard = Guard("markers")
    results, texts, outlets = _run(ann, verbs, actors, guard, negated)
    rows = []
    k = 0
    for doc_id, lang, sents, doc_cues, R in results:
        text = texts[doc_id]
        spans = []
        for si, S, c in doc_cues:
            if c.content:
                spans.append((c.content[0], c.content[1], k, c.verb_class == "distancing" or bool(c.markers)))
            k += 1

        def owner(s, e, need_distancing=False):
            for a, b, idx, dist in spans:
                if a - 12 <= s and e <= b:
                    return -2 if need_distancing and not dist else idx
            return -1
        quotes = find_quotes(text)
        for S in sents:
            rows.extend(guard.call(_marker_rows, S, R, doc_id, outlets.get(doc_id, ""), text, quotes, owner,
                                   doc_id=doc_id, sent_id=S.sent_id) or ())
    if not rows:
        df = pd.DataFrame({c: pd.Series(dtype="object") for c in MARKER_COLUMNS})
        for c in ("sent_id", "start", "end", "attribution"):
            df[c] = df[c].astype("int64")
        return guard.finish(df)
    return guard.finish(pd.DataFrame(rows, columns=MARKER_COLUMNS))
