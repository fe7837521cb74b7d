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

Longer than 600 lines because compare() still finds and runs the measures itself; it is
to be split when the measure runner of issue #14 (item 1) takes over that job.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from .._errors import OptionError, missing_columns
from .._options import InstanceOf, Interval, OneOf, check
# shared with plot.py and report/html.py, which must not import this module (no import cycle)
from .rates import shares
from ._shared import (_as_bool_markers, _empty, _source_label, _subset, epithet_polarity_table,  # noqa: F401
                      verb_class_table)

__all__ = ["compare", "Comparison", "epithet_polarity_table", "verb_class_table", "SUMMARY_COLUMNS",
           "COVERAGE_COLUMNS", "PLOT_KINDS"]

#: columns of :meth:`Comparison.summary` after the group column (``outlet`` by default)
SUMMARY_COLUMNS = ["measure", "actor", "item", "value", "ci_low", "ci_high", "n"]
#: columns of :attr:`Comparison.coverage` after the group column
COVERAGE_COLUMNS = ["event", "n_docs", "first_report", "last_report", "span_h", "lag_h", "first", "tokens"]
#: parts of speech left out of the distinctive vocabulary: punctuation, numbers and
#: kinds of :meth:`Comparison.plot`
PLOT_KINDS = ("fightin_words", "verb_classes", "epithet_polarity", "naming_forms", "coverage")

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


# --- the result -------------------------------------------------------------------

@dataclass(repr=False, eq=False)
class Comparison:
    """The result of :func:`compare`: tidy tables per group (outlet), side by side.

    Every attribute is a pandas DataFrame (empty when the measure could not run;
    ``notes`` says why) except ``by``, ``event``, ``event_col``, ``notes`` and
    ``params``.  The group column of every table is named after ``by``.

    Attributes
    ----------
    by : str
        The document column compared (``"outlet"``).
    event : None, str or list
        The event(s) the comparison is restricted to.
    event_col : str or None
        The document column holding events (``"event_id"`` or ``"event"``).
    docs : DataFrame
        The compared documents (``doc_id``, the group, ``published``, ``title``,
        ``text``, ``url``, ``lang``, the event column, ``tokens``).
    sentences : DataFrame
        ``doc_id``, ``sent_id``, ``start``, ``end`` (character offsets).
    coverage : DataFrame
        Group × event (:data:`COVERAGE_COLUMNS`): documents, first and last
        report, span in hours, ``lag_h`` (hours after the event's first report
        by any group), ``first`` (reported it first), ``tokens`` (words written).
    mentions : DataFrame
        Actor mentions (:func:`framing.actors`).
    naming, naming_mentions, contested, contested_hits : DataFrame
        Of :func:`framing.naming`, regrouped by ``by``.
    epithets, polarity, evaluative : DataFrame
        Epithet rows; mean polarity per group and actor (``n``, ``n_docs``,
        ``mean``, ``ci_low``, ``ci_high``); share of evaluative epithets per group
        (output of :func:`framing.rates`).
    attributions : DataFrame
        Attribution rows (:func:`framing.attributions`).
    sources : Sources or None
        The result of :func:`framing.sources` (``voice``, ``speaker_types``,
        ``verb_classes``, ``distancing``).
    voices : DataFrame
        Share of voice per group and actor, with intervals (``sources.voice``).
    verb_classes : DataFrame
        Share of each verb class among the group's attributions (output of
        :func:`framing.rates` with ``verb_class``).
    distancing : DataFrame
        ``<by>``, ``actor``, ``n_attributions``, ``n_distancing``, ``rate``,
        ``ci_low``, ``ci_high``, ``n_docs``, ``diff``, ``p_value``: rows with an
        empty ``actor`` are the whole group (``diff`` and a permutation
        ``p_value`` against the other groups), the others per actor
        (``sources.distancing``).
    keyness, term_refs : DataFrame
        :func:`framing.keyness` of the group against the rest; the sentences of
        each group's top distinctive terms (``term``, ``doc_id``, ``sent_id``,
        ``start``, ``end``).
    notes : list of str
        Measures that could not run, and why; other caveats.
    params : dict
        ``seed``, ``n_boot``, ``ci``, ``n_terms``.

    Examples
    --------
    >>> import framing
    >>> ann = framing.annotate(framing.load_demo(), progress=False)
    >>> comp = framing.compare(ann, event="e07")
    >>> comp
    <Comparison by 'outlet', event='e07': 7 groups, 7 documents; ... epithets, ... attributions, ... notes>
    >>> comp.notes[0]
    'keyness compares groups written mostly in different languages (en: global_wire; ru: ...'
    >>> comp.wide().index.tolist()
    ['Coverage', 'Naming forms', 'Epithets', 'Evaluative epithets', 'Sources (share of voice)',
     'Reporting verbs', 'Distancing', 'Quotes', 'Contested naming', 'Frames (dictionary cues)',
     'Distinctive words']
    """

    by: str = "outlet"
    event: object = None
    event_col: str | None = None
    docs: pd.DataFrame = field(default_factory=pd.DataFrame)
    sentences: pd.DataFrame = field(default_factory=lambda: _empty(["doc_id", "sent_id", "start", "end"]))
    coverage: pd.DataFrame = field(default_factory=pd.DataFrame)
    mentions: pd.DataFrame = field(default_factory=pd.DataFrame)
    naming: pd.DataFrame = field(default_factory=pd.DataFrame)
    naming_mentions: pd.DataFrame = field(default_factory=pd.DataFrame)
    contested: pd.DataFrame = field(default_factory=pd.DataFrame)
    contested_hits: pd.DataFrame = field(default_factory=pd.DataFrame)
    epithets: pd.DataFrame = field(default_factory=pd.DataFrame)
    polarity: pd.DataFrame = field(default_factory=pd.DataFrame)
    evaluative: pd.DataFrame = field(default_factory=pd.DataFrame)
    attributions: pd.DataFrame = field(default_factory=pd.DataFrame)
    sources: object = None
    verb_classes: pd.DataFrame = field(default_factory=pd.DataFrame)
    distancing: pd.DataFrame = field(default_factory=pd.DataFrame)
    voices: pd.DataFrame = field(default_factory=pd.DataFrame)
    keyness: pd.DataFrame = field(default_factory=pd.DataFrame)
    term_refs: pd.DataFrame = field(default_factory=pd.DataFrame)
    frames: pd.DataFrame = field(default_factory=pd.DataFrame)
    frame_refs: pd.DataFrame = field(default_factory=pd.DataFrame)
    topics: pd.DataFrame = field(default_factory=pd.DataFrame)
    notes: list = field(default_factory=list)
    params: dict = field(default_factory=dict)
    annotation: object = field(default=None, repr=False)

    # --- basics -------------------------------------------------------------------
    @property
    def groups(self) -> list:
        """The compared groups (outlets), sorted."""
        if self.docs.empty or self.by not in self.docs:
            return []
        return sorted(self.docs[self.by].dropna().astype(str).unique())

    @property
    def events(self) -> pd.DataFrame:
        """One row per event: ``event``, ``n_docs``, ``n_groups``, ``first_report``, ``first_group``."""
        cols = ["event", "n_docs", "n_groups", "first_report", "last_report", "first_group"]
        if not self.event_col or self.coverage.empty or self.coverage["event"].isna().all():
            return _empty(cols)
        c = self.coverage
        g = c.groupby("event").agg(n_docs=("n_docs", "sum"), n_groups=(self.by, "nunique"),
                                   first_report=("first_report", "min"), last_report=("last_report", "max"))
        firsts = c[c["first"]].groupby("event")[self.by].agg(lambda s: ", ".join(sorted(map(str, s))))
        g["first_group"] = firsts.reindex(g.index)
        g = g.reset_index()
        return g.sort_values(["n_groups", "n_docs", "first_report"], ascending=[False, False, True],
                             kind="stable").reset_index(drop=True)[cols]

    def __repr__(self) -> str:
        ev = "" if self.event is None else f", event={self.event!r}"
        return (f"<Comparison by {self.by!r}{ev}: {len(self.groups)} groups, {len(self.docs)} documents; "
                f"{len(self.epithets)} epithets, {len(self.attributions)} attributions, "
                f"{len(self.notes)} notes>")

    # --- the tidy table -----------------------------------------------------------
    def summary(self) -> pd.DataFrame:
        """One tidy table of every figure: one row per group, measure, actor and item.

        Returns
        -------
        pandas.DataFrame
            Columns ``<by>``, ``measure``, ``actor``, ``item``, ``value``,
            ``ci_low``, ``ci_high``, ``n``.  Measures:

            ``documents``            documents (value) of the group;
            ``tokens_per_document``  mean words per document;
            ``events_covered``       events the group reported (``n``: events compared);
            ``first_reports``        events it reported first;
            ``median_lag_h``         median hours after an event's first report;
            ``naming_form``          share of an actor's namings in a form (item);
            ``contested_variant``    share of a concept's (actor) occurrences in a variant (item);
            ``epithet``              count of an epithet lemma (item) given to an actor (top 5);
            ``epithet_polarity``     mean polarity of an actor's epithets, with interval;
            ``evaluative_share``     share of the group's epithets that are evaluative;
            ``share_of_voice``       share of the group's attributions to a source (actor);
            ``verb_class``           share of attributions with a verb class (item);
            ``distancing_rate``      share of attributions with a distancing marker
                                     (overall, and per source in ``actor``);
            ``distinctive_term``     z of a distinctive term (item), ``n`` its count;
            ``frame_cues``           cues of a frame (item) per 1,000 tokens, with interval;
            ``topic_prevalence``     expected share of a topic (item), with interval.
        """
        by = self.by
        cols = [by] + SUMMARY_COLUMNS
        parts = []

        def add(df, measure, *, actor=None, item=None, value, lo=None, hi=None, n=None):
            if df is None or df.empty:
                return
            parts.append(pd.DataFrame({
                by: df[by].to_numpy(), "measure": measure,
                "actor": df[actor].to_numpy() if actor else None,
                "item": df[item].astype(str).to_numpy() if item else None,
                "value": df[value].to_numpy(dtype=float),
                "ci_low": df[lo].to_numpy(dtype=float) if lo else np.nan,
                "ci_high": df[hi].to_numpy(dtype=float) if hi else np.nan,
                "n": df[n].to_numpy(dtype=float) if n else np.nan}))

        docs = self.docs
        if len(docs):
            d = docs.groupby(by).agg(value=("doc_id", "size"), tok=("tokens", "mean")).reset_index()
            add(d, "documents", value="value", n="value")
            add(d, "tokens_per_document", value="tok", n="value")
        cov = self.coverage
        if len(cov) and self.event_col:
            n_events = cov["event"].nunique()
            g = cov.groupby(by).agg(value=("event", "nunique"), first=("first", "sum"),
                                    lag=("lag_h", "median")).reset_index()
            g["n_events"] = n_events
            add(g, "events_covered", value="value", n="n_events")
            add(g, "first_reports", value="first", n="value")
            add(g, "median_lag_h", value="lag", n="value")
        if len(self.naming):
            add(self.naming, "naming_form", actor="actor", item="form", value="share", n="n")
        if len(self.contested):
            add(self.contested, "contested_variant", actor="concept", item="variant", value="share", n="n")
        if len(self.epithets):
            top = (self.epithets.groupby([by, "actor", "epithet_lemma"]).size().rename("count").reset_index()
                   .sort_values([by, "actor", "count", "epithet_lemma"], ascending=[True, True, False, True])
                   .groupby([by, "actor"]).head(5))
            add(top, "epithet", actor="actor", item="epithet_lemma", value="count", n="count")
        add(self.polarity, "epithet_polarity", actor="actor", value="mean", lo="ci_low", hi="ci_high", n="n")
        add(self.evaluative, "evaluative_share", value="rate", lo="ci_low", hi="ci_high", n="exposure")
        add(self.voices, "share_of_voice", actor="actor", value="share", lo="ci_low", hi="ci_high",
            n="n_attributions")
        add(self.verb_classes, "verb_class", item="verb_class", value="rate", lo="ci_low", hi="ci_high",
            n="count")
        if len(self.distancing):
            dist = self.distancing
            overall = dist[dist["actor"].isna()] if "actor" in dist else dist
            add(overall, "distancing_rate", value="rate", lo="ci_low", hi="ci_high", n="n_attributions")
            if "actor" in dist:
                add(dist[dist["actor"].notna()], "distancing_rate", actor="actor", value="rate", lo="ci_low",
                    hi="ci_high", n="n_attributions")
        top = self.top_terms()
        if len(top):
            add(top.rename(columns={"group": by}) if by != "group" else top, "distinctive_term", item="term",
                value="z", n="count")
        add(self.frames, "frame_cues", item="frame", value="rate", lo="ci_low", hi="ci_high", n="count")
        add(self.topics, "topic_prevalence", item="topic", value="estimate", lo="ci_lower", hi="ci_upper")
        if not parts:
            return _empty(cols)
        out = pd.concat([p for p in parts if len(p)], ignore_index=True)[cols]
        return out.reset_index(drop=True)

    def top_terms(self, n: int | None = None) -> pd.DataFrame:
        """The ``n`` most distinctive terms of each group against the rest (z > 0)."""
        n = n or self.params.get("n_terms", 20)
        k = self.keyness
        if k.empty:
            return k
        k = k[(k["reference"] == "rest") & (k["z"] > 0)]
        return k.sort_values(["group", "z"], ascending=[True, False], kind="stable").groupby("group").head(n)

    def wide(self) -> pd.DataFrame:
        """The summary's headline figures, one column per group (for reading, not for analysis)."""
        from ..report.html import side_by_side_text

        return side_by_side_text(self)

    # --- display ------------------------------------------------------------------
    def _repr_html_(self) -> str:
        from .._display import frames_html
        from ..report.html import side_by_side_html

        tables = {k: v for k, v in self._tables().items() if isinstance(v, pd.DataFrame)}
        return side_by_side_html(self) + "<p>Tables (<code>.to_csv()</code> writes them):</p>" + frames_html(tables)

    def to_html(self, path, *, event=None, figures=True, max_docs: int = 40, title: str | None = None,
                links: dict | None = None) -> Path:
        """Write a standalone HTML page: one event's articles side by side, highlighted.

        Parameters
        ----------
        path : str or Path
        event : str, optional
            The event whose articles are shown (default: the comparison's event, or
            the event reported by most groups).
        figures : bool or dict
            Embed the figures (``True``: drawn now; a dict kind → PNG path: those files).
        max_docs : int
            Documents shown at most (the earliest per group first).
        title : str, optional
        links : dict, optional
            Label → address of other pages, shown as a navigation line.

        Returns
        -------
        pathlib.Path
            The page: inline CSS and JavaScript, no network access.  Epithets
            (``span.ep``), reporting verbs (``span.rv``), distancing markers
            (``span.mk``), quoted content (``span.q``), actor mentions (``span.ac``)
            and distinctive words (``span.kw``) are highlighted; every figure links
            to its sentences (``data-refs``).
        """
        from .._atomic import atomic_path
        from ..report.html import render_comparison

        page = render_comparison(self, event=event, figures=figures, max_docs=max_docs, title=title, links=links)
        path = Path(path)
        with atomic_path(path) as tmp:
            tmp.write_text(page, encoding="utf-8")
        return path

    def marker_table(self, doc_ids, notes: list) -> pd.DataFrame | None:
        """Distancing markers with offsets (:func:`framing.measures.attribution.markers`) of ``doc_ids``.

        For the page of :meth:`to_html`, which shows a few documents: computed here (the
        comparison runs measures; the page only reads) for those documents only.  None,
        with a line in ``notes``, when they cannot be computed (the page then finds the
        markers by their words).
        """
        ann = self.annotation
        if ann is None or not doc_ids:
            return None
        try:
            from ..measures.attribution import markers

            men = self.mentions
            men = men[men["doc_id"].isin(doc_ids)] if len(men) else None
            return markers(_subset(ann, set(doc_ids)), actors=men if men is not None and len(men) else None)
        except Exception as err:  # the page still shows the markers found by their words
            notes.append(f"marker offsets unavailable ({type(err).__name__}: {err}); markers located by their words")
            return None

    # --- figures --------------------------------------------------------------------
    def plot(self, kind: str = "fightin_words", *, ax=None, **kwargs):
        """Draw one figure of the comparison; returns its matplotlib Axes.

        Parameters
        ----------
        kind : {"fightin_words", "verb_classes", "epithet_polarity", "naming_forms", "coverage"}
            ``fightin_words`` takes ``group=`` (default: the first group);
            ``naming_forms`` takes ``actor=``; ``epithet_polarity`` takes ``actors=``.
        ax : matplotlib.axes.Axes, optional
        **kwargs
            Passed to the function of :mod:`framing.plot`.

        When the measure behind the figure could not run, the Axes says so (from
        ``notes``) instead of drawing.
        """
        check("Comparison.plot", {"kind": OneOf(*PLOT_KINDS)}, kind=kind)
        from .. import plot as P

        by = self.by
        if kind == "fightin_words":
            if self.keyness.empty:
                return self._unavailable(ax, "keyness")
            group = kwargs.pop("group", None) or sorted(self.keyness["group"].astype(str).unique())[0]
            return P.fightin_words(self.keyness, group=group, ax=ax, **kwargs)
        if kind == "verb_classes":
            if self.verb_classes.empty:
                return self._unavailable(ax, "attributions")
            return P.verb_class_heatmap(self.verb_classes, by=by, ax=ax, **kwargs)
        if kind == "epithet_polarity":
            if self.epithets.empty:
                return self._unavailable(ax, "epithets")
            kwargs.setdefault("ci", self.params.get("ci", 0.95))
            table = self.polarity
            if {"seed", "n_boot"} & set(kwargs) or not len(table) or kwargs["ci"] != self.params.get("ci", 0.95):
                # other bootstrap settings than the comparison's: the table again, here, not in the figure
                table = epithet_polarity_table(self.epithets, by=by, ci=kwargs["ci"],
                                               seed=kwargs.pop("seed", self.params.get("seed", 0)),
                                               n_boot=kwargs.pop("n_boot", self.params.get("n_boot", 1000)))
            return P.epithet_polarity(table, by=by, ax=ax, **kwargs)
        if kind == "naming_forms":
            if self.naming.empty:
                return self._unavailable(ax, "naming")
            return P.naming_forms(self.naming, by=by, ax=ax, **kwargs)
        if self.docs.empty or not self.event_col:
            return self._unavailable(ax, "coverage")
        return P.coverage_timeline(self.docs, by=by, event_col=self.event_col, ax=ax, **kwargs)

    def _unavailable(self, ax, what):
        from ..plot import _axes

        ax = _axes(ax, size=(6, 1.6))
        why = [n for n in self.notes if n.startswith(what)] or [f"{what}: nothing to show"]
        ax.text(0.5, 0.5, "\n".join(why), ha="center", va="center", wrap=True, fontsize=9,
                transform=ax.transAxes)
        ax.set_axis_off()
        return ax

    def save_figures(self, folder, *, dpi: int = 200, fightin_groups: int = 12) -> dict:
        """Write every figure as PNG into ``folder``; returns ``{name: path}``.

        ``fightin_words_<group>.png`` for up to ``fightin_groups`` groups,
        ``verb_classes.png``, ``epithet_polarity.png``, ``naming_forms.png``,
        ``coverage.png``.  Figures whose measure could not run are skipped.
        """
        import matplotlib.pyplot as plt

        from .._atomic import atomic_path

        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        jobs = []
        if len(self.keyness):
            for g in sorted(self.keyness["group"].astype(str).unique())[:fightin_groups]:
                jobs.append((f"fightin_words_{_safe(g)}", "fightin_words", {"group": g}))
        if len(self.verb_classes):
            jobs.append(("verb_classes", "verb_classes", {}))
        if len(self.epithets) and self.epithets["polarity"].notna().any():
            jobs.append(("epithet_polarity", "epithet_polarity", {}))
        if len(self.naming):
            jobs.append(("naming_forms", "naming_forms", {}))
        if len(self.docs) and self.event_col:
            jobs.append(("coverage", "coverage", {}))
        out = {}
        for name, kind, kw in jobs:
            ax = self.plot(kind, **kw)
            path = folder / f"{name}.png"
            with atomic_path(path) as tmp:
                ax.figure.savefig(tmp, dpi=dpi, format="png", bbox_inches="tight")
            plt.close(ax.figure)
            out[name] = path
        return out

    def _tables(self) -> dict:
        """The comparison's tables by name, as :meth:`to_csv` names its files (without ``summary``)."""
        tables = {"coverage": self.coverage, "naming_forms": self.naming,
                  "contested_naming": self.contested, "epithets": self.epithets,
                  "epithet_polarity": self.polarity, "evaluative_share": self.evaluative,
                  "attributions": self.attributions, "verb_classes": self.verb_classes,
                  "distancing": self.distancing, "share_of_voice": self.voices, "keyness": self.keyness,
                  "frames": self.frames, "topic_prevalence": self.topics}
        if self.sources is not None and hasattr(self.sources, "_fields"):
            for name in self.sources._fields:
                if name != "voice":  # written as share_of_voice
                    tables[f"sources_{name}"] = getattr(self.sources, name)
        return tables

    def to_csv(self, folder, *, prefix: str = "comparison_", include=None) -> dict:
        """Write the tables as CSV into ``folder``; returns ``{name: path}``.

        Parameters
        ----------
        folder : str or Path
        prefix : str
            Put before every file name (``comparison_summary.csv``, …).
        include : list of str, optional
            Only these tables: ``summary``, ``coverage``, ``naming_forms``,
            ``contested_naming``, ``epithets``, ``epithet_polarity``,
            ``evaluative_share``, ``attributions``, ``verb_classes``,
            ``distancing``, ``share_of_voice``, ``keyness`` and ``sources_<table>``.
            Lists (markers) are written as ``a|b``.  Text cells that begin with
            ``=``, ``+``, ``-``, ``@``, a tab or a carriage return get a leading
            ``'`` so that a spreadsheet does not run them as formulas (numbers
            are unchanged; the rule is in :mod:`framing._csv`).
        """
        from .._csv import write_csv

        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        tables = {"summary": self.summary(), **self._tables()}
        out = {}
        for name, t in tables.items():
            if include is not None and name not in include:
                continue
            if not isinstance(t, pd.DataFrame) or (t.empty and len(t.columns) == 0):
                continue
            path = folder / f"{prefix}{name}.csv"
            t = t.copy()
            for c in t.columns:  # lists (markers, outlets) as "a|b" rather than Python reprs
                if t[c].dtype == object and t[c].map(lambda v: isinstance(v, (list, tuple, np.ndarray))).any():
                    t[c] = t[c].map(lambda v: "|".join(map(str, v)) if isinstance(v, (list, tuple, np.ndarray))
                                    else v)
            out[name] = write_csv(t, path)
        return out


def _safe(name: str) -> str:
    import re

    return re.sub(r"[^\w.-]+", "_", str(name)).strip("_") or "group"


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


def _event_column(docs: pd.DataFrame) -> str | None:
    return next((c for c in ("event_id", "event") if c in docs.columns), None)


def _attach_events(docs: pd.DataFrame, events) -> tuple[pd.DataFrame, str | None]:
    if events is None or (isinstance(events, str) and events == "auto"):
        return docs, _event_column(docs)
    if hasattr(events, "corpus") and hasattr(events, "events"):  # EventGroups
        table = events.corpus.docs
    elif hasattr(events, "docs"):
        table = events.docs
    elif isinstance(events, pd.DataFrame):
        table = events
    elif isinstance(events, pd.Series):
        table = events.rename("event_id").rename_axis("doc_id").reset_index()
    else:
        raise OptionError("compare(): events= must be 'auto', None, the result of framing.group_events, "
                          f"a Corpus or a table with doc_id and event_id; got {type(events).__name__}.")
    col = _event_column(table)
    if col is None or "doc_id" not in table:
        raise missing_columns("compare(): the events table", {"doc_id", "event_id"} - set(table.columns))
    extra = [c for c in (col, "story_id", "event_label", "event_centrality") if c in table.columns]
    docs = docs.drop(columns=[c for c in extra if c in docs.columns]).merge(
        table[["doc_id"] + extra].drop_duplicates("doc_id"), on="doc_id", how="left")
    return docs, col


def _with_group(table, groups: pd.Series, by: str):
    """A copy of a measure table restricted to the compared documents, with the group column."""
    if table is None:
        return None
    if not isinstance(table, pd.DataFrame):
        return table
    if "doc_id" not in table.columns:
        return table.copy()
    t = table[table["doc_id"].isin(groups.index)].copy()
    if by not in t.columns or by != "outlet":
        t[by] = t["doc_id"].map(groups).to_numpy()
    return t.reset_index(drop=True)


def _coverage(docs: pd.DataFrame, by: str, event_col: str | None) -> pd.DataFrame:
    cols = [by] + COVERAGE_COLUMNS
    if docs.empty:
        return _empty(cols)
    d = docs.assign(_ev=docs[event_col] if event_col else None)
    if event_col is None:
        d["_ev"] = None
    keys = [by, "_ev"]
    g = (d.groupby(keys, dropna=False)
         .agg(n_docs=("doc_id", "size"), first_report=("published", "min"), last_report=("published", "max"),
              tokens=("tokens", "sum"))
         .reset_index().rename(columns={"_ev": "event"}))
    g["span_h"] = (g["last_report"] - g["first_report"]).dt.total_seconds() / 3600
    if event_col:
        ev_first = g.groupby("event")["first_report"].transform("min")
        g["lag_h"] = (g["first_report"] - ev_first).dt.total_seconds() / 3600
        g["first"] = (g["lag_h"] == 0).fillna(False).astype(bool)
    else:
        g["lag_h"] = np.nan
        g["first"] = False
    g["tokens"] = g["tokens"].astype("int64")
    return g.sort_values(["event", "first_report", by], kind="stable", na_position="last")[cols].reset_index(drop=True)


def _regroup_naming(nm, by: str, groups: pd.Series) -> tuple:
    """Naming forms, mentions, contested summary and hits per ``by``."""
    if isinstance(nm, pd.DataFrame):  # a forms table (or mentions) given directly
        t = _with_group(nm, groups, by) if "doc_id" in nm else nm.copy()
        if "n" in t.columns:
            return t, _empty(["doc_id"]), _empty(["concept"]), _empty(["doc_id"])
        nm = type("N", (), {"mentions": t, "forms": None, "contested_hits": _empty(["doc_id"]),
                            "contested": None})()
    men = _with_group(getattr(nm, "mentions", None), groups, by)
    hits = _with_group(getattr(nm, "contested_hits", None), groups, by)
    if by == "outlet" and getattr(nm, "forms", None) is not None:
        forms = nm.forms.copy()
        if men is not None and len(men) < len(getattr(nm, "mentions", men)):
            forms = _forms_of(men, by)  # restricted to an event: count again
    else:
        forms = _forms_of(men, by) if men is not None else _empty([by, "actor", "form", "n", "share", "n_docs"])
    if by == "outlet" and getattr(nm, "contested", None) is not None and \
            (hits is None or len(hits) == len(nm.contested_hits)):
        contested = nm.contested.copy()
    else:
        contested = _contested_of(hits, by) if hits is not None else _empty([by, "concept", "variant"])
    return forms, (men if men is not None else _empty(["doc_id"])), contested, \
        (hits if hits is not None else _empty(["doc_id"]))


def _forms_of(men: pd.DataFrame, by: str) -> pd.DataFrame:
    cols = [by, "actor", "form", "n", "share", "n_docs"]
    if men is None or men.empty:
        return _empty(cols)
    g = men.groupby([by, "actor", "form"]).agg(n=("doc_id", "size"), n_docs=("doc_id", "nunique")).reset_index()
    g = shares(g, within=[by, "actor"])
    return g[cols]


def _contested_of(hits: pd.DataFrame, by: str) -> pd.DataFrame:
    cols = [by, "concept", "variant", "stance", "n", "share", "n_docs"]
    if hits is None or hits.empty:
        return _empty(cols)
    if "stance" not in hits:
        hits = hits.assign(stance=None)
    g = hits.groupby([by, "concept", "variant"], dropna=False).agg(
        stance=("stance", "first"), n=("doc_id", "size"), n_docs=("doc_id", "nunique")).reset_index()
    g = shares(g, within=[by, "concept"])
    return g[cols]


def _attribution_tables(att: pd.DataFrame, by: str, *, n_boot, ci, seed, notes) -> tuple:
    """Distancing rate per group (against the rest) and verb-class shares per group, with intervals."""
    from .rates import rates

    if att is None or att.empty:
        return _empty([by, "actor"]), _empty([by, "verb_class"])
    a = att.copy()
    if "distancing" in a.columns:
        a["_dist"] = a["distancing"].fillna(False).astype(bool)
    elif "markers" in a.columns:
        a["_dist"] = a["markers"].map(_as_bool_markers)
    else:
        a["_dist"] = None
        notes.append("distancing rate unavailable: the attributions table has neither 'distancing' nor 'markers'")
    kw = dict(by=by, n_boot=n_boot, ci=ci, seed=seed)
    dist = _empty([by, "actor"])
    if a["_dist"].notna().all():
        a["_dist"] = a["_dist"].astype(bool)
        dist = rates(a, per="_dist", versus="rest", **kw).assign(actor=None)
        dist = dist[[by, "actor"] + [c for c in dist.columns if c not in (by, "actor")]]
    verb = _empty([by, "verb_class"])
    if "verb_class" in a.columns:
        frames = []
        for c in sorted(a["verb_class"].dropna().astype(str).unique()):
            if not c:
                continue
            r = rates(a.assign(_is=(a["verb_class"].astype(str) == c)), per="_is", **kw)
            frames.append(r.assign(verb_class=c))
        if frames:
            verb = pd.concat(frames, ignore_index=True)
            verb = verb[[by, "verb_class"] + [c for c in verb.columns if c not in (by, "verb_class")]]
    return dist.reset_index(drop=True), verb


def _term_refs(ann, top: pd.DataFrame, groups: pd.Series, by: str) -> pd.DataFrame:
    cols = [by, "term", "doc_id", "sent_id", "start", "end"]
    if top is None or top.empty:
        return _empty(cols)
    t = ann.tokens[["doc_id", "sent_id", "start", "end", "lemma"]]
    t = t.assign(term=t["lemma"].astype(str).str.lower(), _g=t["doc_id"].map(groups).astype(str))
    want = top[["group", "term"]].astype(str).rename(columns={"group": "_g"})
    hit = t.merge(want, on=["_g", "term"])
    return hit.rename(columns={"_g": by})[cols].reset_index(drop=True)


def compare(ann, *, by: str = "outlet", event=None, events="auto", actors=None, epithets=None, naming=None,
            attributions=None, sources=None, seed: int = 0, n_boot: int = 1000, ci: float = 0.95,
            n_terms: int = 20, outlets=None, start=None, end=None, frames="policy", topics=None) -> Comparison:
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
        not given).
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
        column: its topic prevalence per group (:meth:`TopicModel.prevalence`,
        over the documents it was fitted on).

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


def _frame_tables(sub, groups: pd.Series, by: str, *, scheme: str, n_boot: int, ci: float, seed: int) -> tuple:
    """Frame cues per 1,000 tokens per group with intervals, and the sentences that hold them."""
    from ..frame.dictionary import frames as frame_scores
    from .rates import rates

    f = frame_scores(sub, scheme=scheme, unit="sentence")
    hits = f[f["cues"] > 0]
    refs = _with_group(hits[["doc_id", "sent_id", "frame", "cues", "matched"]], groups, by)
    rows = _with_group(hits.loc[hits.index.repeat(hits["cues"]), ["doc_id", "frame"]], groups, by)
    if rows.empty:
        return _empty([by, "frame"]), refs
    table = rates(rows, ann=sub, by=by, within="frame", per="tokens", n_boot=n_boot, ci=ci, seed=seed)
    return table, refs


def _topic_table(model, by: str, *, ci: float, seed: int, notes) -> pd.DataFrame:
    """The topic prevalence of a fitted TopicModel per group, with the topic's label words."""
    table = model.prevalence(by=by, ci=ci, seed=seed)
    labels = model.labels(5)
    if "frex" in labels.columns:
        table = table.assign(words=table["topic"].map(labels["frex"]))
    notes.append("topic prevalence is estimated over the documents the topic model was fitted on")
    return table


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
    from ..measures._guard import problems

    tables = []
    for res in results.values():
        if isinstance(res, pd.DataFrame):
            tables.append(res)
        elif isinstance(res, tuple):
            tables.extend(t for t in res if isinstance(t, pd.DataFrame))
    found = problems(*tables)
    for measure, g in found.groupby("measure", sort=True):
        first = g.iloc[0]
        where = f"document {first['doc_id']!r}" + ("" if pd.isna(first["sent_id"]) else
                                                    f" sentence {int(first['sent_id'])}")
        unit = "sentences" if g["sent_id"].notna().any() else "documents"
        notes.append(f"{measure}: {len(g)} {unit} skipped because they could not be processed "
                     f"(first: {where}: {first['reason']}); the rest of the table is complete")
