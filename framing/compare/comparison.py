"""The comparison of outlets: every measure of an annotation, side by side per outlet.

:func:`compare` runs the measures on an :class:`~framing.Annotated` (or takes
tables already computed) and returns a :class:`Comparison`, a plain container
of tidy tables with one row per outlet (or any other group of documents) and
item:

``coverage``       which outlets reported which event, when, how long
                   (:data:`COVERAGE_COLUMNS`);
``naming``         naming forms per actor (the ``forms`` of :func:`framing.naming`);
``contested``      contested naming choices (``в Украине`` / ``на Украине``);
``epithets``       one row per epithet (:func:`framing.epithets`), and
                   ``polarity``: mean epithet polarity per actor with intervals;
``attributions``   one row per attribution (:func:`framing.attributions`), and
                   ``sources`` (the :class:`~framing.measures.sources.Sources`
                   of :func:`framing.sources`), ``voices`` (its share of voice
                   per actor), ``verb_classes`` (share of each reporting-verb
                   class), ``distancing`` (share of attributions with a
                   distancing verb or marker, per outlet against the rest and
                   per outlet and actor);
``keyness``        distinctive vocabulary (:func:`framing.keyness`) of content
                   words, with keyness's defaults (function words, stop words
                   and outlet names left out);
``notes``          what could not be measured and why.

A measure that cannot run (its module missing, a layer the annotation lacks)
leaves its tables empty and says why in ``notes``; no number is made up.

Intervals are percentile bootstraps over documents (Efron & Tibshirani 1993),
seeded: the same inputs and seed give the same numbers.

The module holds :func:`compare` and its options; the :class:`Comparison` it returns
(summary, display, figures, export) is in :mod:`framing.compare.result`, the measure
tables regrouped per compared group in ``_per_group``.  Both are imported from here
as before."""

from __future__ import annotations

import warnings
from datetime import date

import pandas as pd

from .._errors import OptionError, missing_columns
from .._options import InstanceOf, Interval, OneOf, check
from ._per_group import (_attach_events, _attribution_tables, _coverage, _frame_tables, _regroup_naming,
                         _term_refs, _topic_table, _with_group)
# table helpers shared with plot.py and report/html.py live in _shared (no import cycle); public here
from ._shared import _empty, _subset, epithet_polarity_table, naming_form_table, verb_class_table
from .result import COVERAGE_COLUMNS, PLOT_KINDS, SUMMARY_COLUMNS, Comparison

__all__ = ["compare", "Comparison", "epithet_polarity_table", "naming_form_table", "verb_class_table",
           "SUMMARY_COLUMNS", "COVERAGE_COLUMNS", "PLOT_KINDS"]


_SPEC = {
    "by": InstanceOf(str),
    "event": [OneOf(None), InstanceOf(str, list, tuple)],
    "seed": Interval(0, None, integer=True),
    "n_boot": Interval(10, None, integer=True),
    "ci": Interval(0, 1, closed="neither"),
    "n_terms": Interval(1, None, integer=True),
    "outlets": [OneOf(None), InstanceOf(str, list, tuple, set)],
    "start": [OneOf(None), InstanceOf(str, pd.Timestamp, date)],
    "end": [OneOf(None), InstanceOf(str, pd.Timestamp, date)],
    "frames": OneOf(None, "policy", "generic"),
}


# --- compare ----------------------------------------------------------------------

class _Notes(list):
    def unavailable(self, what: str, err: BaseException):
        msg = f"{what} unavailable: {type(err).__name__}: {err}" if not isinstance(err, str) else \
            f"{what} unavailable: {err}"
        self.append(msg)
        warnings.warn(f"framing.compare: {msg}", RuntimeWarning, stacklevel=3)


def _try(notes: _Notes, what: str, fn):
    from ..measures._guard import strict_mode

    try:
        return fn()
    except (KeyboardInterrupt, SystemExit):  # pragma: no cover
        raise
    except Exception as err:  # one measure failing never loses the others
        if strict_mode():
            raise
        notes.unavailable(what, err)
        return None


def _given(given) -> dict:
    """``given=`` of :func:`compare` as ``{measure name: result}`` (a Measures result or a dict)."""
    if given is None:
        return {}
    if hasattr(given, "_asdict") and hasattr(given, "failed"):   # the result of framing.measure
        given = given._asdict()
    if not isinstance(given, dict):
        raise OptionError(f"compare(): given= takes the result of framing.measure or a dict "
                          f"{{measure name: result}}; got {type(given).__name__}.")
    names = ("actors", "epithets", "naming", "attributions", "sources")
    unknown = sorted(set(given) - set(names))
    if unknown:
        raise OptionError(f"compare(): given= has {unknown}; the measures are {', '.join(names)}.")
    return {k: v for k, v in given.items() if v is not None}


def _measures(notes: _Notes, sub, names: list, *, given: dict, options: dict | None = None) -> dict:
    """The measures ``names`` by :func:`framing.measure`, each computed once; those that fail become notes.

    ``{name: result}`` of the measures computed or given; a measure that raised is noted as
    ``"<name> unavailable: <error>"`` (and warned), one that reads it as ``"<name> unavailable:
    the <read> measure did not run"``.  ``FRAMING_STRICT=1`` raises instead (the runner's rule).
    """
    from ..measures.runner import measure

    res = measure(sub, names, given=given, options=options, errors="record")
    for name, why in res.failed.items():
        if isinstance(why, BaseException):
            notes.unavailable(name, why)
        else:
            notes.append(f"{name} unavailable: {why}")
    return res._asdict()


def compare(ann, *, by: str = "outlet", event=None, events="auto", actors=None, epithets=None, naming=None,
            attributions=None, sources=None, seed: int = 0, n_boot: int = 1000, ci: float = 0.95,
            n_terms: int = 20, outlets=None, start=None, end=None, frames="policy", topics=None,
            given=None) -> Comparison:
    """Compare outlets (or any document groups): naming, epithets, sources, distancing, vocabulary, coverage.

    Parameters
    ----------
    ann : Annotated
        The annotated corpus (:func:`framing.annotate`).
    by : str
        Document column whose values are compared (default ``"outlet"``).
    event : str or list of str, optional
        Restrict the comparison to the documents of this event (or these events),
        a value of the corpus's ``event_id`` (:func:`framing.group_events`) or
        ``event`` (the demo's answer key) column.
    events : "auto", None, EventGroups, Corpus or DataFrame
        Where events come from: ``"auto"`` uses the corpus's ``event_id`` or
        ``event`` column and otherwise groups the documents with
        :func:`framing.group_events` (seeded); ``None`` uses a column only if
        present; a ``group_events`` result, a corpus or a ``doc_id``/``event_id``
        table adds its events.
    actors, epithets, naming, attributions, sources : optional
        Results of :func:`framing.actors`, :func:`framing.epithets`,
        :func:`framing.naming`, :func:`framing.attributions` and
        :func:`framing.sources` already computed on ``ann`` (computed here when
        not given).  Whatever is not given is computed once each by
        :func:`framing.measure`; a measure that fails becomes a line of
        ``notes`` (and the measures reading it say they did not run), the others
        are still computed (``FRAMING_STRICT=1`` raises instead).
    seed : int
        Seed of every bootstrap (and of ``group_events``).
    n_boot : int
        Bootstrap replicates.
    ci : float
        Confidence level of the intervals.
    n_terms : int
        Distinctive terms kept per group in the summary.
    outlets : str or list of str, optional
        Compare only the documents of these outlets.
    start, end : date-like, optional
        Compare only the documents published at or after ``start`` and
        before ``end`` (naive dates are UTC).  ``outlets``, ``start`` and
        ``end`` select from ``ann`` with :meth:`Annotated.select` before
        anything else (no annotating again); events grouped here are grouped
        among the documents kept.
    frames : "policy", "generic" or None
        Frame-dictionary cues per group (:func:`framing.frames`) as a rate per
        1,000 tokens with intervals; None leaves them out.
    topics : TopicModel, optional
        A fitted :class:`framing.TopicModel` whose documents carry the ``by``
        column: its topic prevalence per group (:meth:`TopicModel.prevalence`
        with its default uncertainty, over the documents it was fitted on; an
        stm model runs its bootstrap refits there unless they ran before or it
        was fitted with ``n_bootstrap=0``).
    given : Measures or dict, optional
        Measures already computed, all at once: the result of
        :func:`framing.measure` on ``ann`` (or a dict by measure name), the same
        as passing them one by one as ``actors=`` … ``sources=``.

    Returns
    -------
    Comparison
        Tables per group; ``.summary()`` a tidy table, ``.to_html(path)`` a
        standalone page, ``.plot(kind)`` the figures, ``.notes`` what could not be
        measured and why.

    References
    ----------
    Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' words.
    *Political Analysis* 16(4), 372–403 (distinctive vocabulary).
    Efron, B., & Tibshirani, R. (1993). *An Introduction to the Bootstrap*
    (intervals over documents).
    Entman, R. M. (1993). Framing: Toward clarification of a fractured paradigm.
    *Journal of Communication* 43(4), 51–58 (selection and salience across outlets).

    Examples
    --------
    The seven outlets of the demo corpus on one event (``e07``):

    >>> import framing
    >>> ann = framing.annotate(framing.load_demo(), progress=False)
    >>> comp = framing.compare(ann, by="outlet", event="e07")
    >>> comp.groups
    ['global_wire', 'kyiv_vesti_ru', 'pervy_kanal_online', 'svobodny_golos', 'ukrainska_dumka',
     'vestnik_agency', 'world_service_ru']
    >>> comp.coverage[["outlet", "n_docs", "lag_h", "first"]].round(2)
                   outlet  n_docs  lag_h  first
    0     ukrainska_dumka       1   0.00   True
    1      vestnik_agency       1   0.25  False
    2       kyiv_vesti_ru       1   0.33  False
    3         global_wire       1   1.50  False
    4  pervy_kanal_online       1   1.50  False
    5    world_service_ru       1   2.92  False
    6      svobodny_golos       1   4.67  False
    >>> s = comp.summary()
    >>> s[s["measure"] == "tokens_per_document"][["outlet", "value"]]
                   outlet  value
    7         global_wire  333.0
    8       kyiv_vesti_ru  228.0
    9  pervy_kanal_online  233.0
    10     svobodny_golos  212.0
    11    ukrainska_dumka  200.0
    12     vestnik_agency  229.0
    13   world_service_ru  292.0
    >>> comp.to_html("e07.html")
    PosixPath('e07.html')
    """
    check("compare", _SPEC, by=by, event=event, seed=seed, n_boot=n_boot, ci=ci, n_terms=n_terms,
          outlets=outlets, start=start, end=end, frames=frames)
    named = {"actors": actors, "epithets": epithets, "naming": naming, "attributions": attributions,
             "sources": sources}
    for name, res in _given(given).items():
        if named[name] is not None:
            raise OptionError(f"compare(): {name} is passed both as {name}= and in given=; pass it once.")
        named[name] = res
    actors, epithets, naming, attributions, sources = named.values()
    if not all(hasattr(ann, a) for a in ("corpus", "docs", "tokens", "entities")):
        raise OptionError(f"compare(): pass an Annotated (the result of framing.annotate), "
                          f"not {type(ann).__name__}.")
    if outlets is not None or start is not None or end is not None:
        ann = ann.select(outlets=outlets, start=start, end=end)
    notes = _Notes()
    docs, event_col = _attach_events(ann.docs, events)
    if by not in docs.columns:
        raise missing_columns("compare(): the documents table", {by},
                              hint=f"Its columns: {', '.join(map(str, docs.columns))}.")
    if event_col is None and isinstance(events, str) and events == "auto" and len(docs) > 1:
        from .events import group_events

        groups_ev = _try(notes, "events", lambda: group_events(ann, seed=seed))
        if groups_ev is not None:
            docs, event_col = _attach_events(docs, groups_ev)
            notes.append(f"events grouped with framing.group_events(seed={seed}): the corpus had no event column")
    if event is not None:
        if event_col is None:
            raise OptionError("compare(): event= needs an event column; run framing.group_events(ann) and "
                              "pass events=<its result>.")
        wanted = [event] if isinstance(event, str) else list(event)
        have = set(docs[event_col].dropna().astype(str))
        unknown = [e for e in wanted if str(e) not in have]
        if unknown:
            raise OptionError(f"compare(): no event {unknown} in column {event_col!r}; some events: "
                              f"{sorted(have)[:12]}.")
        docs = docs[docs[event_col].astype(str).isin([str(e) for e in wanted])]
        if "event_centrality" in docs.columns:  # the event's most central reports first (group_events)
            docs = docs.sort_values("event_centrality", ascending=False, na_position="last", kind="stable")
    docs = docs[docs[by].notna()].reset_index(drop=True)
    keep = set(docs["doc_id"])
    sub = _subset(ann, keep)
    if by not in sub.docs.columns:  # a group column that came with events=
        sub = type(sub)(sub.corpus.with_columns(**{by: sub.docs["doc_id"].map(docs.set_index("doc_id")[by]).to_numpy()}),
                 sub.tokens, sub.entities, capabilities=sub.capabilities, meta=sub.meta, problems=sub.problems)
    groups = docs.set_index("doc_id")[by].astype(str)
    tok = sub.tokens
    words = tok[~tok["upos"].isin(["PUNCT", "SYM"])].groupby("doc_id").size()
    docs["tokens"] = docs["doc_id"].map(words).fillna(0).astype("int64")
    sentences = (tok.groupby(["doc_id", "sent_id"], sort=False).agg(start=("start", "min"), end=("end", "max"))
                 .reset_index() if len(tok) else _empty(["doc_id", "sent_id", "start", "end"]))
    comp = Comparison(by=by, event=event, event_col=event_col, docs=docs, sentences=sentences, annotation=sub,
                      params={"seed": seed, "n_boot": n_boot, "ci": ci, "n_terms": n_terms})
    comp.coverage = _coverage(docs, by, event_col)
    if docs.empty:
        notes.append("no documents to compare")
    elif docs[by].nunique() < 2:
        notes.append(f"only one {by} ({docs[by].astype(str).iloc[0]}) in the compared documents")

    # --- measures (each may fail on its own), computed once each by framing.measure ------------
    given = {name: res for name, res in (("actors", actors), ("epithets", epithets), ("naming", naming),
                                          ("attributions", attributions)) if res is not None}
    res = _measures(notes, sub, ["actors", "epithets", "naming", "attributions"], given=given)
    actors, epithets, naming, attributions = (res.get(n) for n in ("actors", "epithets", "naming", "attributions"))
    if actors is not None:
        comp.mentions = _with_group(actors.mentions, groups, by)
    if epithets is not None:
        ep = _with_group(epithets, groups, by)
        comp.epithets = ep
        if len(ep):
            comp.polarity = epithet_polarity_table(ep, by=by, n_boot=n_boot, ci=ci, seed=seed)
            from .rates import rates

            comp.evaluative = _try(notes, "evaluative share", lambda: rates(
                ep.assign(evaluative=ep["evaluative"].fillna(False).astype(bool)), by=by, per="evaluative",
                n_boot=n_boot, ci=ci, seed=seed, versus="rest"))
            if comp.evaluative is None:
                comp.evaluative = _empty([by])
    if naming is not None:
        res = _try(notes, "naming", lambda: _regroup_naming(naming, by, groups))
        if res is not None:
            comp.naming, comp.naming_mentions, comp.contested, comp.contested_hits = res
    if attributions is not None:
        att = _with_group(attributions, groups, by)
        comp.attributions = att
        res = _try(notes, "attribution rates", lambda: _attribution_tables(att, by, n_boot=n_boot, ci=ci,
                                                                            seed=seed, notes=notes))
        if res is not None:
            comp.distancing, comp.verb_classes = res
        voice = getattr(sources, "voice", None)
        if sources is not None and (len(keep) < len(ann.docs) or not isinstance(voice, pd.DataFrame)
                                    or by not in voice.columns):
            sources = None  # computed for other groups or other documents: compute again for these
        if sources is None:
            sources = _measures(notes, sub, ["sources"], given={"attributions": att},
                                options={"sources": {"by": by, "n_boot": n_boot, "ci": ci, "seed": seed}}
                                ).get("sources")
    elif sources is None:
        notes.append("sources unavailable: the attributions measure did not run")
    if sources is not None:
        comp.sources = sources
        voice = getattr(sources, "voice", None)
        if isinstance(voice, pd.DataFrame):
            comp.voices = voice.copy()
        per_actor = getattr(sources, "distancing", None)
        if isinstance(per_actor, pd.DataFrame) and len(per_actor):
            overall = comp.distancing.rename(columns={"count": "n_distancing", "exposure": "n_attributions"})
            comp.distancing = pd.concat([overall, per_actor], ignore_index=True)[
                [by, "actor", "n_attributions", "n_distancing", "rate", "ci_low", "ci_high", "n_docs", "diff",
                 "p_value"]] if len(overall) else per_actor.copy()
    if len(comp.distancing) and "count" in comp.distancing.columns:
        comp.distancing = comp.distancing.rename(columns={"count": "n_distancing", "exposure": "n_attributions"})
    if docs[by].nunique() >= 2:
        from .keyness import keyness

        kw = _try(notes, "keyness", lambda: keyness(sub, by=by))
        langs = docs.groupby(by)["lang"].agg(lambda s: s.mode().iloc[0] if len(s.mode()) else "und")
        if langs.nunique() > 1:
            notes.append(f"keyness compares groups written mostly in different languages "
                         f"({_groups_by_language(langs)}): their distinctive words are "
                         f"largely the words of their language; compare groups of one language for vocabulary")
        if kw is not None:
            comp.keyness = kw
            comp.term_refs = _term_refs(sub, comp.top_terms(n_terms), groups, by)
    else:
        notes.append(f"keyness unavailable: it needs at least two values of {by!r}")
    if frames is not None and len(docs):
        res = _try(notes, "frames", lambda: _frame_tables(sub, groups, by, scheme=frames, n_boot=n_boot, ci=ci,
                                                          seed=seed))
        if res is not None:
            comp.frames, comp.frame_refs = res
    if topics is not None:
        comp.topics = _try(notes, "topic prevalence", lambda: _topic_table(topics, by, ci=ci, seed=seed, notes=notes))
        if comp.topics is None:
            comp.topics = _empty([by])
    _note_problems(notes, actors=actors, epithets=epithets, naming=naming, attributions=attributions)
    comp.notes = list(notes)
    return comp


def _groups_by_language(langs: pd.Series, shown: int = 6) -> str:
    """``"ru: A, B; uk: C"`` with at most ``shown`` groups named per language."""
    parts = []
    for lg, groups in langs.groupby(langs, sort=True):
        names = [str(g) for g in groups.index]
        more = f" and {len(names) - shown} more" if len(names) > shown else ""
        parts.append(f"{lg}: {', '.join(names[:shown])}{more}")
    return "; ".join(parts)


def _note_problems(notes, **results) -> None:
    """One note per measure that skipped sentences it could not process (``.attrs["problems"]``)."""
    from ..measures._guard import left_out, problems

    tables = []
    for res in results.values():
        if isinstance(res, pd.DataFrame):
            tables.append(res)
        elif isinstance(res, tuple):
            tables.extend(t for t in res if isinstance(t, pd.DataFrame))
    found = problems(*tables)
    unsupported = pd.Series([left_out(r, i) for r, i in zip(found["reason"], found["sent_id"])],
                            index=found.index, dtype=bool)
    for measure, g in found[unsupported].groupby("measure", sort=True):
        langs = sorted(set(g["reason"].astype(str).str.extract(r"language '([^']*)'", expand=False).dropna()))
        notes.append(f"{measure}: {len(g)} documents left out, as framing has no word lists for their language "
                     f"({', '.join(repr(x) for x in langs)}); the list is in the table's .attrs['problems']")
    for measure, g in found[~unsupported].groupby("measure", sort=True):
        first = g.iloc[0]
        where = f"document {first['doc_id']!r}" + ("" if pd.isna(first["sent_id"]) else
                                                    f" sentence {int(first['sent_id'])}")
        unit = "sentences" if g["sent_id"].notna().any() else "documents"
        notes.append(f"{measure}: {len(g)} {unit} skipped because they could not be processed "
                     f"(first: {where}: {first['reason']}); the rest of the table is complete")
