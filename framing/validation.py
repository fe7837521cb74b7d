"""Validation: hand-code a sample of a measure's rows, report precision, recall and agreement.

Content analysis reports how often a measure is right against human coding and
how far the coders agree with each other (Krippendorff 2004, ch. 11–12).  Three
functions do that for any measure table of framing:

:func:`validation_sample`
    draws a stratified random sample of rows (of :func:`framing.epithets`,
    :func:`framing.attributions`, the mentions of :func:`framing.actors` or of
    :func:`framing.naming`, …) and returns a :class:`CodingSheet`: one row per
    sampled item with its ids and offsets, the sentence with the span marked
    ``⟦…⟧``, the predicted values to judge and an empty column ``ok_<field>``
    for each judged field, plus ``note`` and ``coder``.  The sheet is written as
    a spreadsheet-safe CSV (:meth:`CodingSheet.to_csv`), as a standalone HTML
    coding page that saves the coder's CSV in the browser
    (:meth:`CodingSheet.to_html`), and as a text-free file of ids, offsets and
    judgments that a project can commit (:meth:`CodingSheet.to_gold`).
:func:`validation_report`
    reads the coded sheet back and gives precision per judged field, per
    outlet and per kind, with Wilson score intervals; given an exhaustively
    coded set of documents (``truth=``), precision, recall and F1 by span
    overlap.
:func:`agreement`
    percent agreement, Cohen's kappa, Fleiss' kappa and Krippendorff's alpha
    between two or more coders of the same sheet.

Judgments
---------
A coder writes in each ``ok_<field>`` cell whether the predicted value is
right: ``yes`` / ``no`` (also ``y``/``n``, ``1``/``0``, ``true``/``false``,
``да``/``нет``, ``так``/``ні``, ``+``/``-``), or ``na`` when the field does
not apply (for instance the kind of a span that is no descriptor at all).
Empty cells are *uncoded*: counted and reported, never silently dropped.
The field ``span`` asks whether the marked text is a true instance of the
measure with the right extent; every other field asks whether the predicted
value in that column is right (``ok_actor``: the row belongs to that actor;
``ok_kind``: the kind is right; ``ok_evaluative``: the evaluative flag is
right).  The report's pseudo-field ``row`` is right when every coded field of
the row is right.

References
----------
Cochran, W. G. (1977). *Sampling Techniques* (3rd ed.). Wiley, ch. 5.
Kish, L. (1965). *Survey Sampling*. Wiley, § 8.2.
Wilson, E. B. (1927). Probable inference, the law of succession, and
statistical inference. *JASA* 22(158), 209–212.
Newcombe, R. G. (1998). Two-sided confidence intervals for the single
proportion: comparison of seven methods. *Statistics in Medicine* 17, 857–872.
Cohen, J. (1960). A coefficient of agreement for nominal scales.
*Educational and Psychological Measurement* 20(1), 37–46.
Cohen, J. (1968). Weighted kappa. *Psychological Bulletin* 70(4), 213–220.
Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters.
*Psychological Bulletin* 76(5), 378–382.
Krippendorff, K. (2004). *Content Analysis: An Introduction to Its
Methodology* (2nd ed.). Sage, ch. 11.
Krippendorff, K. (2011). Computing Krippendorff's alpha-reliability.
Annenberg School for Communication, University of Pennsylvania.

Longer than 600 lines because sampling, the coding sheet, reading a coded sheet back and
scoring share the sheet's columns; a split into a package (sample, sheet, score) is left
for a later issue.
"""

from __future__ import annotations

import hashlib
import html
import json
import math
import os
import re
import warnings
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from statistics import NormalDist

import numpy as np
import pandas as pd

from ._atomic import atomic_path
from ._csv import restore, spreadsheet_safe
from ._errors import OptionError, SchemaError, missing_columns
from ._options import InstanceOf, Interval, NoneOk, OneOf, check

__all__ = ["validation_sample", "validation_report", "agreement", "CodingSheet", "wilson_interval",
           "MEASURES", "PRECISION_COLUMNS", "RECALL_COLUMNS", "AGREEMENT_COLUMNS", "GOLD_ID_COLUMNS"]

#: columns of :func:`validation_report` without ``truth``
PRECISION_COLUMNS = ["field", "by", "group", "n", "correct", "precision", "ci_low", "ci_high", "n_eff",
                     "n_uncoded", "n_na"]
#: columns of :func:`validation_report` with ``truth``
RECALL_COLUMNS = ["by", "group", "n_docs", "n_pred", "pred_matched", "precision", "precision_low",
                  "precision_high", "n_gold", "gold_found", "recall", "recall_low", "recall_high", "f1",
                  "f1_low", "f1_high"]
#: columns of :func:`agreement`
AGREEMENT_COLUMNS = ["field", "level", "n_coders", "n_items", "n_pairable", "percent_agreement", "cohen_kappa",
                     "fleiss_kappa", "alpha"]
#: id columns every coding sheet and gold file starts with
GOLD_ID_COLUMNS = ["item", "measure", "doc_id", "outlet", "sent_id", "row", "stratum", "weight"]


@dataclass(frozen=True)
class _Measure:
    spans: tuple            # ((label, start column, end column), ...): the first is the main span
    show: tuple             # predicted columns shown to the coder
    judge: tuple            # default judged fields
    labels: tuple           # closed-set predicted columns kept in the gold file (no text)
    detect: tuple = ()      # columns that identify the table


#: What is marked, shown, judged and kept for each known measure table.  ``measure=`` of
#: :func:`validation_sample` takes one of these names (or any name, for another table
#: with ``start``/``end`` columns).
MEASURES = {
    "epithets": _Measure(
        spans=(("", "start", "end"),),
        show=("actor", "mention", "epithet", "epithet_lemma", "kind", "evaluative", "polarity"),
        judge=("span", "actor", "kind", "evaluative"),
        labels=("kind", "evaluative", "polarity"),
        detect=("epithet", "epithet_lemma", "kind", "evaluative", "start", "end")),
    "epithets_evaluative": _Measure(
        spans=(("", "start", "end"),),
        show=("actor", "mention", "epithet", "epithet_lemma", "kind", "evaluative", "polarity"),
        judge=("span", "actor", "evaluative"),
        labels=("kind", "evaluative", "polarity")),
    "attributions": _Measure(
        spans=(("speaker", "speaker_start", "speaker_end"), ("cue", "cue_start", "cue_end"),
               ("content", "content_start", "content_end")),
        show=("speaker", "actor", "speaker_type", "verb", "verb_lemma", "verb_class", "quote_type", "content",
              "markers", "distancing"),
        judge=("cue", "speaker", "actor", "content"),
        labels=("speaker_type", "verb_class", "quote_type", "negated", "distancing", "pattern"),
        detect=("speaker_start", "speaker_end", "cue_start", "cue_end", "content_start", "content_end")),
    "actor_mentions": _Measure(
        spans=(("", "start", "end"),),
        show=("text", "type", "normal", "actor", "link"),
        judge=("span", "type", "actor"),
        labels=("type", "link"),
        detect=("start_tok", "end_tok", "normal", "actor", "link", "start", "end")),
    "actor_merges": _Measure(
        spans=(("", "start", "end"),),
        show=("text", "type", "normal", "actor", "link"),
        judge=("actor",),
        labels=("type", "link")),
    "naming": _Measure(
        spans=(("", "start", "end"),),
        show=("text", "actor", "form", "variant"),
        judge=("span", "actor", "form"),
        labels=("form",),
        detect=("actor", "text", "form", "variant", "start", "end")),
    "contested": _Measure(
        spans=(("", "start", "end"),),
        show=("text", "concept", "variant", "stance"),
        judge=("span", "stance"),
        labels=("lang", "concept", "stance"),
        detect=("concept", "variant", "stance", "start", "end")),
    "markers": _Measure(
        spans=(("", "start", "end"),),
        show=("text", "marker", "kind", "attribution"),
        judge=("span", "kind"),
        labels=("kind",),
        detect=("marker", "kind", "attribution", "start", "end")),
}

_YES = {"1", "y", "yes", "true", "t", "+", "ok", "да", "д", "так", "т", "✓", "✔"}
_NO = {"0", "n", "no", "false", "f", "-", "нет", "н", "ні", "×", "✗"}
_NA = {"na", "n/a", "n.a.", "skip", "нп", "—"}
_OPEN, _CLOSE = "⟦", "⟧"

_SAMPLE_SPEC = {
    "n": Interval(1, None, integer=True),
    "by": [NoneOk(), InstanceOf(str, list, tuple)],
    "seed": Interval(0, None, integer=True),
    "allocation": OneOf("proportional", "equal"),
    "fields": [NoneOk(), InstanceOf(list, tuple)],
    "measure": [NoneOk(), InstanceOf(str)],
    "context": Interval(0, 5, integer=True),
}
_REPORT_SPEC = {
    "by": [NoneOk(), InstanceOf(str, list, tuple)],
    "confidence": Interval(0, 1, closed="neither"),
    "fields": [NoneOk(), InstanceOf(list, tuple)],
    "span": InstanceOf(tuple, list),
    "n_boot": Interval(100, None, integer=True),
    "seed": Interval(0, None, integer=True),
}
_AGREE_SPEC = {
    "level": OneOf("nominal", "ordinal"),
    "on": [InstanceOf(str, list, tuple)],
    "fields": [NoneOk(), InstanceOf(list, tuple)],
    "order": [NoneOk(), InstanceOf(list, tuple)],
}


# --- statistics ------------------------------------------------------------------------

def wilson_interval(successes, n, *, confidence: float = 0.95) -> tuple[float, float]:
    """Wilson score interval of a binomial proportion (without continuity correction).

    Parameters
    ----------
    successes : float
        Number of successes (may be a weighted count).
    n : float
        Number of trials (or an effective sample size); 0 gives ``(nan, nan)``.
    confidence : float
        Confidence level in (0, 1).

    Returns
    -------
    (low, high) : tuple of float

    References
    ----------
    Wilson, E. B. (1927). Probable inference, the law of succession, and
    statistical inference. *JASA* 22(158), 209–212.
    Newcombe, R. G. (1998). Two-sided confidence intervals for the single
    proportion. *Statistics in Medicine* 17, 857–872 (method 3).

    Examples
    --------
    Newcombe's (1998) example of 81 successes in 263 trials:

    >>> from framing.validation import wilson_interval
    >>> [round(x, 4) for x in wilson_interval(81, 263)]
    [0.2553, 0.3662]
    """
    if n <= 0:
        return float("nan"), float("nan")
    z = NormalDist().inv_cdf(1 - (1 - confidence) / 2)
    p = min(max(successes / n, 0.0), 1.0)
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    low = 0.0 if p == 0 else max(0.0, centre - half)          # exact bounds at 0 and n (no rounding noise)
    high = 1.0 if p == 1 else min(1.0, centre + half)
    return low, high


# --- the coding sheet -------------------------------------------------------------------

@dataclass(repr=False, eq=False)
class CodingSheet:
    """A sample of measure rows to hand-code (the result of :func:`validation_sample`).

    Attributes
    ----------
    table : pandas.DataFrame
        One row per sampled item: :data:`GOLD_ID_COLUMNS` (``item`` is a stable
        id: a hash of the measure, document, offsets and predicted values;
        ``row`` the row's index in the sampled table; ``stratum`` its stratum;
        ``weight`` the number of table rows it stands for: N / n under proportional
        allocation, N_h / n_h under equal allocation), the
        offset columns of the measure, ``sent_start``/``sent_end`` (the shown
        passage), ``sentence`` (the passage with the spans marked ``⟦…⟧``, or
        ``⟦speaker: …⟧`` when a measure marks several spans), the predicted
        values, one empty ``ok_<field>`` per judged field, ``note`` and ``coder``.
    measure : str
        The measure's name (a key of :data:`MEASURES`, or the user's name).
    fields : list of str
        The judged fields.
    params : dict
        How the sample was drawn: ``n``, ``by``, ``seed``, ``allocation``,
        ``strata`` (rows in the table and sampled, per stratum), ``table_rows``,
        ``framing_version``, ``created``, ``call`` (the call that redraws it).

    Examples
    --------
    >>> import framing
    >>> ann = framing.annotate(framing.load_demo(), progress=False)
    >>> sheet = framing.validation_sample(framing.attributions(ann), n=10, seed=0, ann=ann)
    >>> sheet.measure, sheet.fields, len(sheet)
    ('attributions', ['cue', 'speaker', 'actor', 'content'], 10)
    >>> "sentence" in sheet.table, "sentence" in sheet.to_gold()   # what is committed has no text
    (True, False)
    """

    table: pd.DataFrame
    measure: str
    fields: list
    params: dict = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.table)

    def __repr__(self) -> str:
        strata = len(self.params.get("strata", {})) or 1
        return (f"<CodingSheet {self.measure!r}: {len(self.table)} items from {self.params.get('table_rows', '?')} "
                f"rows, {strata} strata, judged: {', '.join(self.fields)}>")

    def _repr_html_(self) -> str:
        cols = ["item", "outlet", "sentence", *[c for c in self._shown() if c in self.table.columns]]
        return (f"<p>{html.escape(repr(self))}</p>" +
                self.table[cols].head(20).to_html(index=False, escape=True))

    def _shown(self) -> list:
        spec = MEASURES.get(self.measure)
        if spec is not None:
            return [c for c in spec.show if c in self.table.columns]
        return [c for c in self.params.get("shown", []) if c in self.table.columns]

    # --- outputs -------------------------------------------------------------------
    def to_csv(self, path) -> Path:
        """Write the sheet as a CSV for a spreadsheet (UTF-8 with BOM).

        Text cells that a spreadsheet would run as a formula (starting with
        ``=``, ``+``, ``-``, ``@``, tab or carriage return) are written with a
        leading apostrophe; :func:`validation_report` and :func:`agreement`
        remove it again when they read the file.

        References
        ----------
        OWASP. CSV injection. https://owasp.org/www-community/attacks/CSV_Injection
        """
        with atomic_path(path) as tmp:
            spreadsheet_safe(self.table).to_csv(tmp, index=False, encoding="utf-8-sig")
        return Path(path)

    def to_gold(self, path=None, *, notes: bool = False) -> pd.DataFrame:
        """The sheet without text: ids, offsets, closed-set labels and judgments.

        This is what a project commits (the sentences are re-read from the
        corpus by offsets).  ``note`` is left out unless ``notes=True`` (a note
        may quote the text).  With ``path``, also written as a TSV.

        Returns
        -------
        pandas.DataFrame
            :data:`GOLD_ID_COLUMNS`, the measure's offset columns,
            ``sent_start``, ``sent_end``, its closed-set label columns (``kind``,
            ``evaluative``, ``type`` …), the ``ok_*`` columns, ``coder`` (and
            ``note``).
        """
        out = _gold_columns(self.table, self.measure, notes=notes)
        if path is not None:
            with atomic_path(path) as tmp:
                out.to_csv(tmp, sep="\t", index=False, encoding="utf-8")
        return out

    def to_html(self, path=None, *, title: str | None = None) -> str | Path:
        """A standalone HTML coding page: one card per item, a choice per judged field.

        The page needs no network and no server: open it in a browser, code the
        items (progress is kept in the browser's local storage), type your name
        and press *Download CSV*.  The CSV holds ids, offsets, labels and your
        judgments (no sentence text) and is read by :func:`validation_report`
        and :func:`agreement`.

        Parameters
        ----------
        path : str or Path, optional
            Write the page there and return the path; otherwise return the HTML.
        title : str, optional
        """
        page = _coding_page(self, title=title)
        if path is None:
            return page
        with atomic_path(path) as tmp:
            tmp.write_text(page, encoding="utf-8")
        return Path(path)


def _offset_columns(measure: str, columns) -> list:
    spec = MEASURES.get(measure)
    spans = spec.spans if spec is not None else (("", "start", "end"),)
    return [c for _, s, e in spans for c in (s, e) if c in columns]


def _gold_columns(table: pd.DataFrame, measure: str, *, notes: bool) -> pd.DataFrame:
    spec = MEASURES.get(measure)
    labels = list(spec.labels) if spec is not None else []
    ok = [c for c in table.columns if c.startswith("ok_")]
    cols = [*GOLD_ID_COLUMNS, *_offset_columns(measure, table.columns), "sent_start", "sent_end",
            *labels, *ok, "coder", *(["note"] if notes else [])]
    return table[[c for c in dict.fromkeys(cols) if c in table.columns]].copy()


# --- sampling ---------------------------------------------------------------------------

def _detect_measure(table: pd.DataFrame) -> str:
    cols = set(table.columns)
    for name, spec in MEASURES.items():
        if spec.detect and set(spec.detect) <= cols:
            return name
    if {"start", "end"} <= cols:
        return "table"
    raise SchemaError(
        "validation_sample(): cannot tell which measure this table is: it has none of the known column sets "
        f"({', '.join(n for n, s in MEASURES.items() if s.detect)}) and no 'start'/'end' offset columns. "
        "Pass a table of framing.epithets, framing.attributions, framing.actors(...).mentions or "
        "framing.naming(...).mentions, or a table with doc_id, start and end.")


def _as_table(table):
    """A measure table from a DataFrame or a result holder with ``mentions``."""
    if isinstance(table, pd.DataFrame):
        return table
    mentions = getattr(table, "mentions", None)
    if isinstance(mentions, pd.DataFrame):
        return mentions
    raise OptionError(f"validation_sample(): table must be a DataFrame of a measure (or the result of "
                      f"framing.actors / framing.naming); got {type(table).__name__}.")


def _allocate(sizes: pd.Series, n: int, allocation: str) -> pd.Series:
    """Sample size per stratum: proportional (largest remainder) or equal (capped, redistributed)."""
    total = int(sizes.sum())
    if n >= total:
        return sizes.copy()
    if allocation == "proportional":
        exact = sizes * n / total
        base = np.floor(exact).astype(int)
        rest = n - int(base.sum())
        order = (exact - base).sort_values(ascending=False, kind="mergesort").index[:rest]
        base.loc[order] += 1
        return base
    alloc = pd.Series(0, index=sizes.index)
    left = n
    open_ = list(sizes.index)
    while left > 0 and open_:
        share, extra = divmod(left, len(open_))
        for i, s in enumerate(open_):
            alloc[s] += share + (1 if i < extra else 0)
        over = {s: alloc[s] - sizes[s] for s in open_ if alloc[s] > sizes[s]}
        for s, o in over.items():
            alloc[s] = sizes[s]
        left = int(sum(over.values()))
        open_ = [s for s in open_ if alloc[s] < sizes[s]]
    return alloc


def _texts_and_sentences(ann, corpus):
    """doc_id -> text, and doc_id -> sorted array of sentence (start, end) (or None)."""
    if ann is not None:
        docs = ann.docs
        sents = ann.sentences()
        bounds = {d: g[["start", "end"]].to_numpy() for d, g in sents.sort_values(["doc_id", "start"])
                  .groupby("doc_id", sort=False)}
    else:
        docs = corpus.docs if hasattr(corpus, "docs") else corpus
        if not isinstance(docs, pd.DataFrame) or not {"doc_id", "text"} <= set(docs.columns):
            raise OptionError("validation_sample(): corpus must be a framing.Corpus or a DataFrame with "
                              "columns doc_id and text.")
        bounds = None
    return dict(zip(docs["doc_id"], docs["text"])), bounds


_SENT_END = re.compile(r"[.!?…]+[\"»”)\]]*\s+|\n+")


def _passage(text, bounds, lo, hi, context):
    """Character range of the sentence(s) covering [lo, hi), with ``context`` sentences each side."""
    if bounds is not None and len(bounds):
        starts, ends = bounds[:, 0], bounds[:, 1]
        first = min(int(np.searchsorted(ends, lo, side="right")), len(bounds) - 1)
        last = min(max(first, int(np.searchsorted(starts, hi, side="left")) - 1), len(bounds) - 1)
        first, last = max(0, first - context), min(len(bounds) - 1, last + context)
        return int(min(starts[first], lo)), int(max(ends[last], hi))
    # no sentence table: cut at sentence-final punctuation or line breaks
    cuts = [0] + [m.end() for m in _SENT_END.finditer(text)] + [len(text)]
    before = [c for c in cuts if c <= lo]
    after = [c for c in cuts if c >= hi]
    i = cuts.index(before[-1])
    j = cuts.index(after[0]) if after else len(cuts) - 1
    i, j = max(0, i - context), min(len(cuts) - 1, j + context)
    return cuts[i], len(text[:cuts[j]].rstrip())


def _spans_of(row, spec_spans):
    out = []
    for label, s, e in spec_spans:
        if s in row and e in row:
            a, b = row[s], row[e]
            if pd.notna(a) and pd.notna(b) and int(a) >= 0 and int(b) > int(a):
                out.append((label, int(a), int(b)))
    return out


def _mark(text, lo, hi, spans, labelled):
    """Text of [lo, hi) with the spans between ⟦ and ⟧ (``⟦speaker: …⟧`` when labelled)."""
    events = []
    for label, a, b in spans:
        events.append((a, 1, -b, label))
        events.append((b, 0, -a, label))
    events.sort(key=lambda x: (x[0], x[1], x[2]))
    plain, pos = [], lo
    for at, is_open, _, label in events:
        plain.append(text[pos:at])
        pos = at
        plain.append(_OPEN + (f"{label}: " if labelled and label else "") if is_open else _CLOSE)
    plain.append(text[pos:hi])
    return "".join(plain).strip()


_MARK_RE = re.compile(r"⟦(?:(speaker|cue|content): )?|⟧")


def _markup(plain: str) -> str:
    """HTML of a marked sentence: escaped text, ⟦…⟧ as <mark> elements."""
    out, pos, depth = [], 0, 0
    for m in _MARK_RE.finditer(plain):
        out.append(html.escape(plain[pos:m.start()]))
        pos = m.end()
        if m.group(0) == _CLOSE:
            if depth:
                out.append("</mark>")
                depth -= 1
            else:
                out.append(html.escape(_CLOSE))
        else:
            label = m.group(1)
            cls = {"speaker": "m0", "cue": "m1", "content": "m2"}.get(label, "m0")
            out.append(f'<mark class="{cls}"' + (f' data-label="{label}"' if label else "") + ">")
            depth += 1
    out.append(html.escape(plain[pos:]))
    out.append("</mark>" * depth)
    return "".join(out)


def _item_id(measure, row, offsets, shown):
    key = "|".join([measure, str(row["doc_id"]), *(str(row.get(c)) for c in offsets),
                    *(str(row.get(c)) for c in shown)])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def validation_sample(table, n: int = 150, *, by=None, seed: int = 0, ann=None, corpus=None, fields=None,
                      measure=None, allocation: str = "proportional", context: int = 0) -> CodingSheet:
    """Draw a stratified random sample of a measure's rows as a coding sheet.

    Parameters
    ----------
    table : DataFrame or result with ``mentions``
        Rows of a measure: :func:`framing.epithets`, :func:`framing.attributions`,
        ``framing.actors(ann).mentions`` (or the :class:`~framing.measures.actors.Actors`
        result itself), ``framing.naming(ann).mentions`` or ``.contested_hits``,
        or any table with ``doc_id``, ``start`` and ``end``.  Filter it first to
        validate a part (``e[e.evaluative]``; the mentions of actors found in
        two or more documents).
    n : int
        Items to draw (all rows when the table has fewer, with a warning).
    by : str or list of str, optional
        Columns that define the strata (``"outlet"``, ``["outlet", "kind"]``).
        Without, one stratum.
    seed : int
        The same table and seed draw the same sample.
    ann : Annotated, optional
        Where the sentences are read from (sentence bounds of the annotation).
    corpus : Corpus or DataFrame with ``doc_id`` and ``text``, optional
        Where the text is read from when ``ann`` is not given; sentences are
        then cut at sentence-final punctuation and line breaks.
    fields : list of str, optional
        The fields to judge: ``"span"`` (the marked text is a true instance
        with the right extent; ``"cue"``, ``"speaker"``, ``"content"`` for
        attributions) or any column of the table (``"actor"``, ``"kind"``,
        ``"evaluative"``, ``"type"`` …).  Default: the measure's
        (:data:`MEASURES`), e.g. span, actor, kind, evaluative for epithets.
    measure : str, optional
        The measure's name; detected from the columns when not given.  Name
        ``"epithets_evaluative"`` or ``"actor_merges"`` to get their judged
        fields.
    allocation : {"proportional", "equal"}
        How ``n`` is split over the strata.  ``"proportional"`` (default):
        each stratum gets its share of the table's rows (largest remainder
        rounding), so the sample is self-weighting and the pooled precision
        is the plain share of correct items.  ``"equal"``: each stratum gets
        the same number (a stratum with fewer rows gives all of them, the rest
        goes to the others), for comparing outlets with equal precision; the
        pooled precision is then weighted by ``weight`` (Cochran 1977, ch. 5).
    context : int
        Sentences shown before and after the one holding the span.

    Returns
    -------
    CodingSheet
        ``.table`` holds the items sorted by stratum, document and offset;
        ``.to_csv``, ``.to_html`` and ``.to_gold`` write it.

    Notes
    -----
    Within each stratum the rows are ordered by document and offsets before
    drawing, so the sample does not depend on the table's row order.  Each
    stratum's rows are drawn without replacement with NumPy's
    ``default_rng(seed)``.

    References
    ----------
    Cochran, W. G. (1977). *Sampling Techniques* (3rd ed.). Wiley, ch. 5
    (stratified random sampling; proportional allocation).
    Krippendorff, K. (2004). *Content Analysis* (2nd ed.). Sage, ch. 6.

    Examples
    --------
    >>> import framing
    >>> ann = framing.annotate(framing.load_demo(), progress=False)
    >>> sheet = framing.validation_sample(framing.epithets(ann), n=20, by="outlet", seed=1, ann=ann)
    >>> len(sheet), sheet.fields
    (20, ['span', 'actor', 'kind', 'evaluative'])
    >>> "⟦" in sheet.table["sentence"].iloc[0]
    True
    >>> html_page = sheet.to_html()          # a standalone coding page
    """
    check("validation_sample", _SAMPLE_SPEC, n=n, by=by, seed=seed, fields=fields, measure=measure,
          allocation=allocation, context=context)
    table = _as_table(table)
    if ann is None and corpus is None:
        raise OptionError("validation_sample(): pass ann= (the Annotated the table was measured on) or corpus= "
                          "(its Corpus): the coding sheet shows each item's sentence, read by its offsets.")
    if "doc_id" not in table.columns:
        raise missing_columns("The table given to validation_sample()", {"doc_id"})
    name = measure or _detect_measure(table)
    spec = MEASURES.get(name)
    if spec is None:
        if not {"start", "end"} <= set(table.columns):
            raise missing_columns(f"The table of measure {name!r}", {"start", "end"} - set(table.columns),
                                  hint="A measure not in framing.validation.MEASURES needs start/end offsets.")
        shown = tuple(c for c in table.columns if c not in ("doc_id", "outlet", "sent_id", "start", "end"))
        spec = _Measure(spans=(("", "start", "end"),), show=shown, judge=("span",), labels=())
    offsets = [c for _, s, e in spec.spans for c in (s, e)]
    lacking = {c for c in offsets[:2]} - set(table.columns)
    if lacking:
        raise missing_columns(f"The table of measure {name!r}", lacking,
                              hint="Its offsets locate the span in the document.")
    fields = list(fields) if fields is not None else list(spec.judge)
    span_fields = {label or "span" for label, _, _ in spec.spans} | {"span"}
    bad = [f for f in fields if f not in span_fields and f not in table.columns]
    if bad:
        raise OptionError(f"validation_sample(): fields {bad} are neither a span ({sorted(span_fields)}) nor "
                          f"columns of the table ({', '.join(map(str, table.columns))}).")
    by_cols = [by] if isinstance(by, str) else list(by or [])
    lacking = set(by_cols) - set(table.columns)
    if lacking:
        raise missing_columns("The table given to validation_sample()", lacking, hint="by= names its strata.")

    texts, bounds = _texts_and_sentences(ann, corpus)
    unknown = sorted(set(table["doc_id"]) - set(texts))
    if unknown:
        raise SchemaError(f"validation_sample(): {len(unknown)} document(s) of the table are not in the "
                          f"{'annotation' if ann is not None else 'corpus'} given, e.g. {unknown[:3]}: "
                          "pass the ann/corpus the table was measured on.")

    shown = [c for c in spec.show if c in table.columns]
    work = table.copy()
    work["row"] = table.index
    work["stratum"] = (work[by_cols].astype(str).apply(
        lambda r: "; ".join(f"{c}={v}" for c, v in zip(by_cols, r)), axis=1) if by_cols else "all")
    if work.empty:
        raise SchemaError("validation_sample(): the table has no rows to sample.")
    sort_cols = ["stratum", "doc_id", *[c for c in offsets if c in work.columns], "row"]
    work = work.sort_values(sort_cols, kind="mergesort").reset_index(drop=True)
    sizes = work.groupby("stratum", sort=True).size()
    if n > len(work):
        warnings.warn(f"validation_sample(): n={n} but the table has {len(work)} rows; all are taken.",
                      UserWarning, stacklevel=2)
    alloc = _allocate(sizes, n, allocation)
    rng = np.random.default_rng(seed)
    picked = []
    for s in sizes.index:                                  # sorted strata: same seed, same draw
        idx = np.flatnonzero(work["stratum"].to_numpy() == s)
        k = int(alloc[s])
        if k:
            picked.extend(np.sort(rng.choice(idx, size=k, replace=False)).tolist())
    sample = work.iloc[picked].copy()
    if allocation == "proportional":     # self-weighting design: every row stands for N / n rows
        sample["weight"] = len(work) / max(len(sample), 1)
    else:                                # equal allocation: a row of stratum h stands for N_h / n_h rows
        sample["weight"] = [sizes[s] / alloc[s] for s in sample["stratum"]]

    rows, seen = [], {}
    labelled = len(spec.spans) > 1
    for _, r in sample.iterrows():
        doc = r["doc_id"]
        text = texts[doc]
        spans = _spans_of(r, spec.spans)
        if not spans:
            raise SchemaError(f"validation_sample(): row {r['row']} (document {doc!r}) has no valid offsets in "
                              f"{offsets}.")
        if max(b for _, _, b in spans) > len(text):
            raise SchemaError(f"validation_sample(): row {r['row']} (document {doc!r}) has offsets past the end "
                              f"of its text ({len(text)} characters): was the table measured on this corpus?")
        lo, hi = min(a for _, a, _ in spans), max(b for _, _, b in spans)
        main_lo, main_hi = (spans[0][1], spans[0][2])
        plo, phi = _passage(text, None if bounds is None else bounds.get(doc), main_lo if not labelled else lo,
                            main_hi if not labelled else hi, context)
        plo, phi = min(plo, lo), max(phi, hi)
        plain = _mark(text, plo, phi, spans, labelled)
        item = _item_id(name, r, offsets, shown)
        seen[item] = seen.get(item, 0) + 1
        if seen[item] > 1:
            item = f"{item}-{seen[item]}"
        out = {"item": item, "measure": name, "doc_id": doc,
               "outlet": r["outlet"] if "outlet" in r else None,
               "sent_id": int(r["sent_id"]) if "sent_id" in r and pd.notna(r["sent_id"]) else -1,
               "row": r["row"], "stratum": r["stratum"], "weight": float(r["weight"])}
        for c in offsets:
            if c in r:
                out[c] = int(r[c]) if pd.notna(r[c]) else -1
        out.update({"sent_start": plo, "sent_end": phi, "sentence": plain})
        for c in shown:
            v = r[c]
            out[c] = ", ".join(map(str, v)) if isinstance(v, (list, tuple, np.ndarray)) else v
        for f in fields:
            out[f"ok_{f}"] = ""
        out["note"] = ""
        out["coder"] = ""
        rows.append(out)
    sheet_table = pd.DataFrame(rows)
    by_txt = repr(by_cols[0] if len(by_cols) == 1 else by_cols) if by_cols else "None"
    params = {
        "n": n, "by": by_cols, "seed": seed, "allocation": allocation, "context": context,
        "table_rows": len(work),
        "strata": {s: {"rows": int(sizes[s]), "sampled": int(alloc[s])} for s in sizes.index},
        "shown": shown,
        "framing_version": _version(),
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "call": (f"framing.validation_sample(table, n={n}, by={by_txt}, seed={seed}, measure={name!r}, "
                 f"allocation={allocation!r}, fields={fields!r}, context={context})"),
    }
    return CodingSheet(table=sheet_table, measure=name, fields=fields, params=params)


def _version():
    from ._version import __version__
    return __version__


# --- the HTML coding page ---------------------------------------------------------------

_CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:0;background:#f6f6f4;color:#222}
header{position:sticky;top:0;background:#fff;border-bottom:1px solid #ccc;padding:.6em 1em;z-index:2}
header h1{font-size:1.1em;margin:0 0 .3em}
main{max-width:60em;margin:0 auto;padding:1em}
.item{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.7em 1em;margin:0 0 1em}
.item.done{border-left:6px solid #3a3}
.meta{color:#666;font-size:.85em}
.sent{font-size:1.05em;margin:.4em 0}
mark{background:#ffe37a;padding:0 .1em}
mark.m1{background:#a9d8ff} mark.m2{background:#c9f2c0}
mark[data-label]::before{content:attr(data-label) ": ";font-size:.7em;color:#555}
table.pred{border-collapse:collapse;font-size:.9em;margin:.3em 0}
table.pred td,table.pred th{border:1px solid #eee;padding:.1em .5em;text-align:left;vertical-align:top}
fieldset{display:inline-block;border:1px solid #ccc;margin:.2em .4em .2em 0;padding:.2em .6em}
legend{font-size:.85em;color:#444}
label{margin-right:.6em;white-space:nowrap}
input.note{width:100%;box-sizing:border-box;margin-top:.3em}
.help{font-size:.85em;color:#444}
"""

_JS = r"""
(function(){
  var meta = JSON.parse(document.getElementById('sheet-meta').textContent);
  var rows = JSON.parse(document.getElementById('sheet-rows').textContent);
  var key = 'framing-coding-' + meta.sheet_id;
  var form = document.getElementById('sheet');
  var coder = document.getElementById('coder');
  function state(){
    var out = {coder: coder.value, items: {}};
    rows.forEach(function(r, i){
      var o = {};
      meta.fields.forEach(function(f){
        var c = form.querySelector('input[name="ok_' + f + '-' + i + '"]:checked');
        o['ok_' + f] = c ? c.value : '';
      });
      o.note = form.querySelector('[name="note-' + i + '"]').value;
      out.items[r.item] = o;
    });
    return out;
  }
  function progress(s){
    var done = 0;
    rows.forEach(function(r, i){
      var o = s.items[r.item];
      var all = meta.fields.every(function(f){ return o['ok_' + f] !== ''; });
      document.getElementById('card-' + i).classList.toggle('done', all);
      if (all) done++;
    });
    document.getElementById('progress').textContent = done + ' / ' + rows.length + ' coded';
  }
  function save(){
    var s = state();
    try { localStorage.setItem(key, JSON.stringify(s)); } catch (e) {}
    progress(s);
  }
  function restore(){
    var s = null;
    try { s = JSON.parse(localStorage.getItem(key) || 'null'); } catch (e) {}
    if (!s) return;
    coder.value = s.coder || '';
    rows.forEach(function(r, i){
      var o = s.items[r.item]; if (!o) return;
      meta.fields.forEach(function(f){
        var v = o['ok_' + f];
        if (!v) return;
        var c = form.querySelector('input[name="ok_' + f + '-' + i + '"][value="' + v + '"]');
        if (c) c.checked = true;
      });
      form.querySelector('[name="note-' + i + '"]').value = o.note || '';
    });
  }
  function cell(v){
    if (v === null || v === undefined) v = '';
    var text = String(v);
    if (typeof v !== 'number' && /^[=+\-@\t\r]/.test(text)) text = "'" + text;   // numbers stay numbers
    v = text;
    return '"' + v.replace(/"/g, '""') + '"';
  }
  function csv(){
    var s = state();
    var cols = meta.columns.concat(meta.fields.map(function(f){ return 'ok_' + f; }), ['note', 'coder']);
    var lines = [cols.map(cell).join(',')];
    rows.forEach(function(r){
      var o = s.items[r.item];
      lines.push(cols.map(function(c){
        if (c === 'coder') return cell(s.coder);
        if (c in o) return cell(o[c]);
        return cell(r[c]);
      }).join(','));
    });
    return '\ufeff' + lines.join('\r\n') + '\r\n';
  }
  window.framingCodingCSV = csv;
  document.getElementById('download').addEventListener('click', function(){
    var blob = new Blob([csv()], {type: 'text/csv;charset=utf-8'});
    var a = document.createElement('a');
    var who = (coder.value || 'coder').replace(/[^\w.-]+/g, '_');
    a.href = URL.createObjectURL(blob);
    a.download = meta.measure + '_' + who + '.csv';
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(function(){ URL.revokeObjectURL(a.href); }, 1000);
  });
  form.addEventListener('change', save);
  form.addEventListener('input', save);
  coder.addEventListener('input', save);
  restore();
  progress(state());
  document.documentElement.setAttribute('data-ready', '1');
})();
"""


def _json_script(obj) -> str:
    """JSON safe inside a <script> element."""
    return (json.dumps(obj, ensure_ascii=False, default=str)
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def _cell_text(v) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    return str(v)


def _field_question(f, row, measure):
    spec = MEASURES.get(measure)
    spans = {(label or "span"): (a, b) for label, a, b in (spec.spans if spec else (("", "start", "end"),))}
    if f in spans:
        a, b = spans[f]
        start, end = row.get(a), row.get(b)
        what = "the marked span" if f == "span" else f"the marked {f}"
        if start is None or end is None or pd.isna(start) or pd.isna(end) or int(start) < 0:
            return f"ok_{f}: no {f} is marked: is it right that there is none?"
        return f"ok_{f}: is {what} right (a true instance, right extent)?"
    value = _cell_text(row.get(f))
    return f"ok_{f}: is {f} = {value if value else '(none)'} right?"


def _coding_page(sheet: CodingSheet, *, title=None) -> str:
    t = sheet.table
    esc = html.escape
    markups = [_markup(str(s)) for s in t["sentence"]]
    gold = _gold_columns(t, sheet.measure, notes=False)
    id_cols = [c for c in gold.columns if not c.startswith("ok_") and c != "coder"]
    rows = json.loads(gold[id_cols].to_json(orient="records", force_ascii=False))
    sheet_id = hashlib.sha1("|".join(t["item"]).encode()).hexdigest()[:12]
    meta = {"measure": sheet.measure, "fields": list(sheet.fields), "columns": id_cols, "sheet_id": sheet_id}
    shown = sheet._shown()
    title = title or f"Coding sheet: {sheet.measure} ({len(t)} items)"
    parts = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             f"<title>{esc(title)}</title><style>{_CSS}</style></head><body>",
             f"<header><h1>{esc(title)}</h1>",
             '<label>Coder: <input id="coder" name="coder" autocomplete="off"></label> ',
             '<span id="progress"></span> <button type="button" id="download">Download CSV</button>',
             '<p class="help">For each item judge every field: <b>yes</b> (right), <b>no</b> (wrong) or '
             '<b>n/a</b> (does not apply, e.g. the kind of a span that is no instance at all). Your choices are '
             "kept in this browser until you download the CSV. The CSV holds ids, offsets and your judgments, "
             "not the text.</p></header><main><form id=\"sheet\" autocomplete=\"off\">"]
    for i, (row, markup) in enumerate(zip(t.to_dict("records"), markups)):
        parts.append(f'<section class="item" id="card-{i}" data-item="{esc(str(row["item"]))}">')
        parts.append(f'<div class="meta">#{i + 1} · item {esc(str(row["item"]))} · {esc(str(row["doc_id"]))} · '
                     f'{esc(str(row.get("outlet")))} · sentence {esc(str(row.get("sent_id")))}</div>')
        parts.append(f'<p class="sent">{markup}</p>')
        parts.append('<table class="pred">' + "".join(
            f"<tr><th>{esc(c)}</th><td>{esc(_cell_text(row.get(c)))}</td></tr>" for c in shown) + "</table>")
        for f in sheet.fields:
            name = f"ok_{f}-{i}"
            parts.append(f"<fieldset><legend>{esc(_field_question(f, row, sheet.measure))}</legend>" + "".join(
                f'<label><input type="radio" name="{esc(name)}" value="{v}"> {lab}</label>'
                for v, lab in (("yes", "yes"), ("no", "no"), ("na", "n/a"))) + "</fieldset>")
        parts.append(f'<input class="note" type="text" name="note-{i}" placeholder="note (optional)"></section>')
    parts.append("</form></main>")
    parts.append(f'<script type="application/json" id="sheet-meta">{_json_script(meta)}</script>')
    parts.append(f'<script type="application/json" id="sheet-rows">{_json_script(rows)}</script>')
    parts.append(f"<script>{_JS}</script></body></html>")
    return "\n".join(parts)


# --- reading coded sheets ---------------------------------------------------------------

def _read_coded(coded, who="validation_report") -> tuple[pd.DataFrame, str]:
    """A coded sheet as a DataFrame, and a name for messages."""
    if isinstance(coded, CodingSheet):
        return coded.table.copy(), "the coding sheet"
    if isinstance(coded, pd.DataFrame):
        return coded.copy(), "the coded table"
    if isinstance(coded, (str, os.PathLike)):
        path = Path(coded)
        if not path.exists():
            raise OptionError(f"{who}(): no file {str(path)!r}.")
        sep = "\t" if path.suffix.lower() in (".tsv", ".tab") else ","
        df = pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        df = restore(df)
        for c in ("sent_id", "start", "end", "speaker_start", "speaker_end", "cue_start", "cue_end",
                  "content_start", "content_end", "sent_start", "sent_end"):
            if c in df.columns:
                df[c] = pd.to_numeric(df[c].replace("", np.nan), errors="raise")
        if "weight" in df.columns:
            df["weight"] = pd.to_numeric(df["weight"].replace("", np.nan))
        return df, str(path)
    raise OptionError(f"{who}(): expected a CodingSheet, a DataFrame or the path of a CSV/TSV; "
                      f"got {type(coded).__name__}.")


def _judgment(value, *, where):
    """True / False / 'na' / None (uncoded)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)) and value in (0, 1):
        return bool(value)
    s = str(value).strip().lower()
    if s == "" or s == "nan":
        return None
    if s in _YES:
        return True
    if s in _NO:
        return False
    if s in _NA:
        return "na"
    raise SchemaError(f"{where}: {value!r} is not a judgment; write yes/no (y/n, 1/0, да/нет, так/ні) or na, "
                      "or leave the cell empty if not coded yet.")


def _judgments(df: pd.DataFrame, fields, source) -> pd.DataFrame:
    out = pd.DataFrame(index=df.index)
    line0 = 2 if source not in ("the coding sheet", "the coded table") else 0
    for f in fields:
        col = f"ok_{f}"
        vals = []
        for pos, (idx, v) in enumerate(df[col].items()):
            loc = f"line {pos + line0}" if line0 else f"row {idx}"
            item = f", item {df['item'].iloc[pos]}" if "item" in df.columns else ""
            vals.append(_judgment(v, where=f"{source}, {loc}{item}, column {col!r}"))
        out[f] = vals
    return out


def _weighted(ok: pd.Series, w: pd.Series, confidence):
    """Weighted share of True among coded (not na) with Wilson interval on Kish's effective n."""
    y = ok.astype(float).to_numpy()
    w = w.to_numpy(dtype=float)
    if len(y) == 0:
        return 0, 0, np.nan, np.nan, np.nan, 0.0
    sw = w.sum()
    p = float((w * y).sum() / sw)
    n_eff = float(sw * sw / (w * w).sum())
    lo, hi = wilson_interval(p * n_eff, n_eff, confidence=confidence)
    return len(y), int(y.sum()), p, lo, hi, n_eff


def validation_report(coded, *, truth=None, by=None, confidence: float = 0.95, fields=None,
                      span: tuple = ("start", "end"), n_boot: int = 1000, seed: int = 0) -> pd.DataFrame:
    """Precision of a measure from a coded sheet; with ``truth``, precision, recall and F1.

    Parameters
    ----------
    coded : CodingSheet, DataFrame or path of a CSV/TSV
        Without ``truth``: a coded sheet (from :func:`validation_sample`, its
        CSV, the HTML page's download or its :meth:`~CodingSheet.to_gold`
        file) with ``ok_<field>`` columns.  With ``truth``: the predicted rows
        (a measure table, or a sheet) with ``doc_id`` and the ``span`` columns;
        only the documents of ``truth`` are scored.
    truth : DataFrame or path of a TSV/CSV, optional
        Exhaustive gold: every instance in each coded document, one row each,
        with ``doc_id`` and the ``span`` columns.  A document coded with no
        instance has one row with empty offsets, so that predictions there
        count as false positives.
    by : str or list of str, optional
        Group columns besides the pooled row (``by="all"``).  Default: those
        of ``outlet`` and ``kind`` that the table has.
    confidence : float
        Level of the intervals.
    fields : list of str, optional
        Judged fields to report (default: every ``ok_*`` column).
    span : tuple of two str
        Offset columns matched between prediction and truth (``("cue_start",
        "cue_end")`` for attributions).
    n_boot : int
        Bootstrap replicates (over documents) for the F1 interval.
    seed : int
        Seed of the bootstrap.

    Returns
    -------
    pandas.DataFrame
        Without ``truth`` (:data:`PRECISION_COLUMNS`): one row per field
        (the judged fields and ``row``, all fields of an item right) and
        group: ``n`` coded items, ``correct``, ``precision`` (weighted by the
        sheet's ``weight`` when it has one: the stratified estimate,
        Cochran 1977, equal to correct/n for a proportional sample), Wilson
        interval on Kish's effective sample size ``n_eff``, ``n_uncoded``
        (empty cells, left out and counted) and ``n_na`` (not applicable).
        With ``truth`` (:data:`RECALL_COLUMNS`): predicted rows overlapping a
        gold row in the same document over all predicted rows (precision),
        gold rows overlapped by a prediction over all gold rows (recall), both
        with Wilson intervals, and F1 with a percentile bootstrap over
        documents (Efron & Tibshirani 1993).

    Warns
    -----
    UserWarning
        When some judgments are uncoded.

    References
    ----------
    Wilson, E. B. (1927). Probable inference, the law of succession, and
    statistical inference. *JASA* 22(158), 209–212.
    Cochran, W. G. (1977). *Sampling Techniques* (3rd ed.). Wiley, ch. 5.
    Kish, L. (1965). *Survey Sampling*. Wiley, § 8.2 (effective sample size).
    Korn, E. L., & Graubard, B. I. (1998). Confidence intervals for
    proportions with small expected number of positive counts estimated from
    survey data. *Survey Methodology* 24(2), 193–201.
    Efron, B., & Tibshirani, R. (1993). *An Introduction to the Bootstrap*.

    Examples
    --------
    >>> import framing
    >>> ann = framing.annotate(framing.load_demo(), progress=False)
    >>> sheet = framing.validation_sample(framing.epithets(ann), n=20, by="outlet", seed=1, ann=ann)
    >>> coded = sheet.table.assign(ok_span="yes", ok_actor="yes", ok_kind="no", ok_evaluative="yes")
    >>> rep = framing.validation_report(coded)
    >>> rep.query("by == 'all'").set_index("field")["precision"].to_dict()
    {'span': 1.0, 'actor': 1.0, 'kind': 0.0, 'evaluative': 1.0, 'row': 0.0}
    """
    check("validation_report", _REPORT_SPEC, by=by, confidence=confidence, fields=fields, span=span,
          n_boot=n_boot, seed=seed)
    df, source = _read_coded(coded)
    if truth is not None:
        return _recall_report(df, truth, by=by, confidence=confidence, span=span, n_boot=n_boot, seed=seed,
                              source=source)
    ok_cols = [c for c in df.columns if c.startswith("ok_")]
    if fields is None:
        fields = [c[3:] for c in ok_cols]
        if not fields:
            raise missing_columns(source, {"ok_<field>"},
                                  hint="A coded sheet has one ok_<field> column per judged field "
                                       "(framing.validation_sample writes them).")
    else:
        lacking = {f"ok_{f}" for f in fields} - set(df.columns)
        if lacking:
            raise missing_columns(source, lacking, hint=f"It has {ok_cols or 'no ok_ columns'}.")
    by_cols = ([by] if isinstance(by, str) else list(by)) if by is not None else \
        [c for c in ("outlet", "kind") if c in df.columns]
    lacking = set(by_cols) - set(df.columns)
    if lacking:
        raise missing_columns(source, lacking, hint="by= names columns of the coded sheet.")
    judged = _judgments(df, fields, source)
    # the whole row: right when every applicable field is right; uncoded when one is uncoded
    def whole(r):
        vals = list(r)
        if any(v is None for v in vals):
            return None
        applicable = [v for v in vals if v != "na"]
        return "na" if not applicable else all(applicable)
    judged["row"] = judged.apply(whole, axis=1) if len(judged) else pd.Series(dtype=object)
    weights = pd.to_numeric(df["weight"], errors="coerce").fillna(1.0) if "weight" in df.columns else \
        pd.Series(1.0, index=df.index)
    n_uncoded = sum(int(judged[f].isna().sum()) for f in fields)
    if n_uncoded:
        rows_unc = int(judged[fields].isna().any(axis=1).sum())
        warnings.warn(f"validation_report(): {source} has {n_uncoded} uncoded judgment(s) in {rows_unc} of "
                      f"{len(df)} item(s); they are left out and counted in n_uncoded.", UserWarning,
                      stacklevel=2)
    out = []
    groups = [("all", None)] + [(c, c) for c in by_cols]
    for f in [*fields, "row"]:
        col = judged[f]
        for by_name, c in groups:
            parts = [("all", np.ones(len(df), bool))] if c is None else \
                [(str(v), (df[c].astype(str) == str(v)).to_numpy()) for v in sorted(df[c].astype(str).unique())]
            for g, mask in parts:
                sub = col[mask]
                coded_mask = sub.map(lambda v: v is not None and v != "na").astype(bool)
                n, k, p, lo, hi, n_eff = _weighted(sub[coded_mask].astype(bool), weights[mask][coded_mask],
                                                   confidence)
                out.append({"field": f, "by": by_name, "group": g, "n": n, "correct": k, "precision": p,
                            "ci_low": lo, "ci_high": hi, "n_eff": n_eff,
                            "n_uncoded": int(sub.isna().sum()), "n_na": int((sub == "na").sum())})
    return pd.DataFrame(out, columns=PRECISION_COLUMNS)


def _read_truth(truth, span):
    if isinstance(truth, (str, os.PathLike)):
        path = Path(truth)
        if not path.exists():
            raise OptionError(f"validation_report(): no truth file {str(path)!r}.")
        sep = "\t" if path.suffix.lower() in (".tsv", ".tab") else ","
        df = pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        for c in span:
            if c in df.columns:
                df[c] = pd.to_numeric(df[c].replace("", np.nan))
        return df, str(path)
    if isinstance(truth, pd.DataFrame):
        return truth.copy(), "the truth table"
    raise OptionError(f"validation_report(): truth must be a DataFrame or the path of a TSV/CSV; "
                      f"got {type(truth).__name__}.")


def _overlaps(a_lo, a_hi, b_lo, b_hi):
    """Boolean matrix: span i of a overlaps span j of b (half-open character ranges)."""
    return (a_lo[:, None] < b_hi[None, :]) & (b_lo[None, :] < a_hi[:, None])


def _recall_report(pred, truth, *, by, confidence, span, n_boot, seed, source):
    gold, gsource = _read_truth(truth, span)
    s, e = tuple(span)
    for name, df in ((source, pred), (gsource, gold)):
        lacking = {"doc_id", s, e} - set(df.columns)
        if lacking:
            raise missing_columns(name, lacking, hint=f"Predictions and truth are matched on doc_id and {span}.")
    docs = list(dict.fromkeys(gold["doc_id"].astype(str)))
    pred = pred[pred["doc_id"].astype(str).isin(docs)].copy()
    pred = pred[pd.notna(pred[s]) & (pd.to_numeric(pred[s]) >= 0)]
    gold_spans = gold[pd.notna(gold[s]) & pd.notna(gold[e])].copy()
    # match within each document
    pred["_hit"] = False
    gold_spans["_hit"] = False
    for d, gp in pred.groupby(pred["doc_id"].astype(str)):
        gg = gold_spans[gold_spans["doc_id"].astype(str) == d]
        if gg.empty:
            continue
        m = _overlaps(gp[s].to_numpy(float), gp[e].to_numpy(float), gg[s].to_numpy(float), gg[e].to_numpy(float))
        pred.loc[gp.index, "_hit"] = m.any(axis=1)
        gold_spans.loc[gg.index, "_hit"] = m.any(axis=0)
    doc_outlet = {}
    for df in (gold, pred):
        if "outlet" in df.columns:
            for d, o in zip(df["doc_id"].astype(str), df["outlet"]):
                if isinstance(o, str) and o:
                    doc_outlet.setdefault(d, o)
    pred["outlet"] = pred["doc_id"].astype(str).map(doc_outlet).fillna("(unknown)")
    gold_spans["outlet"] = gold_spans["doc_id"].astype(str).map(doc_outlet).fillna("(unknown)")
    all_docs = pd.Series(docs)
    by_cols = ([by] if isinstance(by, str) else list(by)) if by is not None else \
        [c for c in ("outlet", "kind") if c in pred.columns]
    rows = []
    rng = np.random.default_rng(seed)
    alpha = (1 - confidence) / 2
    for by_name, c in [("all", None)] + [(c, c) for c in by_cols]:
        if c is None:
            parts = [("all", pred, gold_spans, docs)]
        else:
            values = set(pred[c].astype(str)) | (set(gold_spans[c].astype(str)) if c in gold_spans else set())
            if c == "outlet":                    # every scored document belongs to an outlet group
                values |= {doc_outlet.get(d, "(unknown)") for d in docs}
            values = sorted(values)
            parts = []
            for v in values:
                p = pred[pred[c].astype(str) == v] if c in pred.columns else pred.iloc[0:0]
                g = gold_spans[gold_spans[c].astype(str) == v] if c in gold_spans.columns else None
                dd = [d for d in docs if doc_outlet.get(d, "(unknown)") == v] if c == "outlet" else docs
                parts.append((v, p, g, dd))
        for g_name, p, g, dd in parts:
            n_pred, tp_p = len(p), int(p["_hit"].sum())
            prec = tp_p / n_pred if n_pred else np.nan
            plo, phi = wilson_interval(tp_p, n_pred, confidence=confidence)
            if g is None:
                n_gold = tp_g = 0
                rec, rlo, rhi, f1, flo, fhi = (np.nan,) * 6
            else:
                n_gold, tp_g = len(g), int(g["_hit"].sum())
                rec = tp_g / n_gold if n_gold else np.nan
                rlo, rhi = wilson_interval(tp_g, n_gold, confidence=confidence)
                f1 = 2 * prec * rec / (prec + rec) if n_pred and n_gold and (prec + rec) > 0 else \
                    (0.0 if n_pred and n_gold else np.nan)
                flo, fhi = _f1_bootstrap(p, g, dd, rng, n_boot, alpha)
            rows.append({"by": by_name, "group": g_name, "n_docs": len(dd), "n_pred": n_pred,
                         "pred_matched": tp_p, "precision": prec, "precision_low": plo, "precision_high": phi,
                         "n_gold": n_gold, "gold_found": tp_g, "recall": rec, "recall_low": rlo,
                         "recall_high": rhi, "f1": f1, "f1_low": flo, "f1_high": fhi})
    del all_docs
    return pd.DataFrame(rows, columns=RECALL_COLUMNS)


def _f1_bootstrap(p, g, docs, rng, n_boot, alpha):
    """Percentile bootstrap of F1 over documents (each document's counts move together)."""
    if len(docs) < 2:
        return np.nan, np.nan
    idx = {d: i for i, d in enumerate(docs)}
    counts = np.zeros((len(docs), 4))
    for d, k in zip(p["doc_id"].astype(str), p["_hit"]):
        if d in idx:
            counts[idx[d], 0] += 1
            counts[idx[d], 1] += bool(k)
    for d, k in zip(g["doc_id"].astype(str), g["_hit"]):
        if d in idx:
            counts[idx[d], 2] += 1
            counts[idx[d], 3] += bool(k)
    n = len(docs)
    draws = rng.multinomial(n, np.full(n, 1.0 / n), size=n_boot)
    tot = draws @ counts
    with np.errstate(invalid="ignore", divide="ignore"):
        prec = tot[:, 1] / tot[:, 0]
        rec = tot[:, 3] / tot[:, 2]
        f1 = np.where(prec + rec > 0, 2 * prec * rec / (prec + rec), 0.0)
    f1 = f1[np.isfinite(prec) & np.isfinite(rec)]
    if not len(f1):
        return np.nan, np.nan
    lo, hi = np.quantile(f1, [alpha, 1 - alpha])
    return float(lo), float(hi)


# --- agreement between coders -----------------------------------------------------------

def _agreement_value(v, *, judgment: bool, where: str):
    """A coded value for agreement: ``ok_*`` judgments as yes/no/na, other values as text; empty is None."""
    if judgment:
        j = _judgment(v, where=where)
        return None if j is None else ("na" if j == "na" else ("yes" if j else "no"))
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return None
    s = str(v).strip()
    return None if s == "" or s.lower() == "nan" else s


def agreement(*coders, level: str = "nominal", on="item", fields=None, order=None) -> pd.DataFrame:
    """Agreement between coders of the same items: percent agreement, Cohen's kappa, Krippendorff's alpha.

    Parameters
    ----------
    *coders : CodingSheet, DataFrame or path of a CSV/TSV
        Two or more coded sheets of the same items, one per coder; or one
        table with a ``coder`` column holding two or more coders.  An item a
        coder left empty is a missing value.
    level : {"nominal", "ordinal"}
        Level of measurement.  Ordinal values must be numbers, or ``order``
        must list the categories from low to high.
    on : str or list of str
        Columns that identify an item across sheets (default ``item``).
    fields : list of str, optional
        Coded columns compared (default: every ``ok_*`` column the sheets
        share).  Any column can be named (e.g. a ``polarity`` the coders
        wrote).
    order : list, optional
        Order of the categories for ``level="ordinal"``.

    Returns
    -------
    pandas.DataFrame
        :data:`AGREEMENT_COLUMNS`, one row per field: ``n_coders``,
        ``n_items`` (items with values from two or more coders),
        ``n_pairable`` (values in those items), ``percent_agreement`` (share
        of agreeing pairs among all pairs of values within an item, i.e. the
        observed agreement; for two coders, the share of items they agree
        on), ``cohen_kappa`` (two coders only, items both coded; linearly
        weighted for ordinal data, Cohen 1968), ``fleiss_kappa`` (nominal
        data, two or more coders, on the items every coder coded; Fleiss
        1971), ``alpha`` (Krippendorff's alpha, any number of coders, missing
        values allowed: the coefficient to report, Krippendorff 2004, § 11.3).

    Notes
    -----
    Kappa is scikit-learn's ``cohen_kappa_score``; alpha is NLTK's
    ``AnnotationTask.alpha`` (Bird et al. 2009), with the ordinal distance of
    Krippendorff (2011) for ordinal data.  Both were checked against
    published worked examples (see ``tests/test_validation.py``).  (The
    ``krippendorff`` package on PyPI is GPL-3.0, which an MIT package should
    not require.)

    References
    ----------
    Cohen, J. (1960). A coefficient of agreement for nominal scales.
    *Educational and Psychological Measurement* 20(1), 37–46.
    Cohen, J. (1968). Weighted kappa. *Psychological Bulletin* 70(4), 213–220.
    Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters.
    *Psychological Bulletin* 76(5), 378–382.
    Krippendorff, K. (2004). *Content Analysis: An Introduction to Its
    Methodology* (2nd ed.). Sage, ch. 11.
    Krippendorff, K. (2011). Computing Krippendorff's alpha-reliability.
    Annenberg School for Communication, University of Pennsylvania.
    Bird, S., Klein, E., & Loper, E. (2009). *Natural Language Processing
    with Python*. O'Reilly (``nltk.metrics.agreement``).

    Examples
    --------
    >>> import pandas as pd, framing
    >>> a = pd.DataFrame({"item": list("abcd"), "ok_span": ["yes", "yes", "no", "no"]})
    >>> b = pd.DataFrame({"item": list("abcd"), "ok_span": ["yes", "no", "no", "no"]})
    >>> res = framing.agreement(a, b)
    >>> print(res.loc[0, "field"], res.loc[0, "percent_agreement"], res.loc[0, "cohen_kappa"])
    ok_span 0.75 0.5
    """
    check("agreement", _AGREE_SPEC, level=level, on=on, fields=fields, order=order)
    on_cols = [on] if isinstance(on, str) else list(on)
    tables = []
    for k, c in enumerate(coders):
        df, src = _read_coded(c, who="agreement")
        lacking = set(on_cols) - set(df.columns)
        if lacking:
            raise missing_columns(f"agreement(): coder {k + 1} ({src})", lacking,
                                  hint="on= names the columns that identify an item across sheets.")
        tables.append((df, src))
    if len(tables) == 1:
        df, src = tables[0]
        if "coder" not in df.columns or df["coder"].replace("", np.nan).dropna().nunique() < 2:
            raise OptionError("agreement(): give two or more coded sheets, or one table whose 'coder' column "
                              "names two or more coders.")
        tables = [(g.drop(columns="coder"), f"{src}, coder {name!r}")
                  for name, g in df.groupby(df["coder"].astype(str), sort=True) if name.strip()]
    if fields is None:
        common = set.intersection(*[{c for c in t.columns if c.startswith("ok_")} for t, _ in tables])
        fields = [c for c in tables[0][0].columns if c in common]
        if not fields:
            raise SchemaError("agreement(): the sheets share no ok_<field> column; name the coded columns with "
                              "fields=.")
    for t, src in tables:
        lacking = set(fields) - set(t.columns)
        if lacking:
            raise missing_columns(f"agreement(): {src}", lacking)
        dup = t.duplicated(on_cols)
        if dup.any():
            raise SchemaError(f"agreement(): {src} has {int(dup.sum())} repeated item(s) on {on_cols}, e.g. "
                              f"{t.loc[dup, on_cols].iloc[0].tolist()}: each coder codes an item once.")
    keys = pd.concat([t[on_cols].astype(str) for t, _ in tables]).drop_duplicates().reset_index(drop=True)
    out = []
    for f in fields:
        mat = []
        for t, src in tables:
            vals = [_agreement_value(v, judgment=f.startswith("ok_"),
                                     where=f"agreement(): {src}, row {i}, column {f!r}") for i, v in enumerate(t[f])]
            m = keys.merge(t[on_cols].astype(str).assign(_v=vals), on=on_cols, how="left")
            mat.append([None if (isinstance(v, float) and math.isnan(v)) else v for v in m["_v"]])
        out.append(_agreement_field(f, mat, level, order))
    return pd.DataFrame(out, columns=AGREEMENT_COLUMNS)


def _krippendorff_alpha(data: np.ndarray, level: str) -> float:
    """Krippendorff's alpha of a coders × items matrix (NaN = missing), with NLTK's implementation.

    Nominal data use the 0/1 distance; ordinal data the rank distance of
    Krippendorff (2011, section E), whose squared sum of the frequencies of
    the categories between two values needs the pairable values' frequencies.
    """
    from nltk.metrics.agreement import AnnotationTask
    from nltk.metrics.distance import binary_distance

    triples = [(f"c{i}", f"u{j}", float(data[i, j])) for i in range(data.shape[0]) for j in range(data.shape[1])
               if not np.isnan(data[i, j])]
    if level == "nominal":
        distance = binary_distance
    else:
        present = ~np.isnan(data)
        pairable = data[:, present.sum(axis=0) >= 2]
        vals, counts = np.unique(pairable[~np.isnan(pairable)], return_counts=True)
        freq = dict(zip(vals.tolist(), counts.tolist()))

        def distance(a, b):
            lo, hi = min(a, b), max(a, b)
            between = sum(n for v, n in freq.items() if lo <= v <= hi) - (freq.get(lo, 0) + freq.get(hi, 0)) / 2
            return between * between
    return float(AnnotationTask(data=triples, distance=distance).alpha())


def _fleiss_kappa(data: np.ndarray) -> float:
    """Fleiss' kappa of a coders × items matrix without missing values (Fleiss 1971)."""
    m, _ = data.shape
    cats = np.unique(data)
    counts = (data[:, :, None] == cats[None, None, :]).sum(axis=0).astype(float)    # items × categories
    p_item = ((counts ** 2).sum(axis=1) - m) / (m * (m - 1))
    p_cat = counts.sum(axis=0) / counts.sum()
    p_e = float((p_cat ** 2).sum())
    if p_e >= 1:
        return float("nan")                      # one category only: undefined
    return float((p_item.mean() - p_e) / (1 - p_e))


def _agreement_field(f, mat, level, order):
    from sklearn.metrics import cohen_kappa_score

    values = sorted({v for row in mat for v in row if v is not None}, key=str)
    if level == "ordinal":
        if order is not None:
            missing = [v for v in values if v not in [str(o) for o in order]]
            if missing:
                raise OptionError(f"agreement(): field {f!r} has values {missing} that are not in order={order}.")
            rank = {str(o): i for i, o in enumerate(order)}
            num = [[np.nan if v is None else float(rank[v]) for v in row] for row in mat]
        else:
            try:
                num = [[np.nan if v is None else float(v) for v in row] for row in mat]
            except ValueError:
                raise OptionError(f"agreement(): level='ordinal' needs numbers in field {f!r} (got {values[:5]}); "
                                  "pass order=[low, …, high] to rank categories.") from None
    else:
        code = {v: i for i, v in enumerate(values)}
        num = [[np.nan if v is None else float(code[v]) for v in row] for row in mat]
    data = np.array(num, dtype=float)                      # coders × items
    present = ~np.isnan(data)
    pairable = present.sum(axis=0) >= 2
    n_items = int(pairable.sum())
    agree_pairs = total_pairs = 0
    for j in np.flatnonzero(pairable):
        vals = data[present[:, j], j]
        m = len(vals)
        total_pairs += m * (m - 1)
        _, counts = np.unique(vals, return_counts=True)
        agree_pairs += int((counts * (counts - 1)).sum())
    pct = agree_pairs / total_pairs if total_pairs else np.nan
    kappa = np.nan
    if data.shape[0] == 2:
        both = present.all(axis=0)
        if both.sum() >= 1:
            a, b = data[0, both], data[1, both]
            labels = np.unique(np.concatenate([a, b]))
            if len(labels) > 1:
                kappa = float(cohen_kappa_score(a, b, labels=labels,
                                                weights="linear" if level == "ordinal" else None))
            else:
                kappa = np.nan                          # one category only: kappa is undefined
    fleiss = np.nan
    complete = present.all(axis=0)
    if level == "nominal" and data.shape[0] >= 2 and complete.sum() >= 1:
        fleiss = _fleiss_kappa(data[:, complete])
    alpha = np.nan
    if n_items and len(np.unique(data[:, pairable][present[:, pairable]])) > 1:
        alpha = _krippendorff_alpha(data, level)
    return {"field": f, "level": level, "n_coders": data.shape[0], "n_items": n_items,
            "n_pairable": int(present[:, pairable].sum()), "percent_agreement": pct, "cohen_kappa": kappa,
            "fleiss_kappa": fleiss, "alpha": alpha}
