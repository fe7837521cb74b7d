"""The result of :func:`framing.compare`: a :class:`Comparison` of tidy tables per group,
its tidy summary, display, figures and export (CSV, HTML, PNG)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from .._options import OneOf, check
from ._shared import _empty, _subset, epithet_polarity_table, naming_form_table


#: columns of :meth:`Comparison.summary` after the group column (``outlet`` by default)
SUMMARY_COLUMNS = ["measure", "actor", "item", "value", "ci_low", "ci_high", "n"]
#: columns of :attr:`Comparison.coverage` after the group column
COVERAGE_COLUMNS = ["event", "n_docs", "first_report", "last_report", "span_h", "lag_h", "first", "tokens"]
#: kinds of :meth:`Comparison.plot`
PLOT_KINDS = ("fightin_words", "verb_classes", "epithet_polarity", "naming_forms", "coverage")


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
            if kwargs.get("actor") is None:   # all actors pooled: the table here, not in the figure
                kwargs.pop("actor", None)
                return P.naming_forms(naming_form_table(self.naming, by=by), by=by, ax=ax, **kwargs)
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
