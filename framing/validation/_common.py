"""What each known measure table marks, shows and judges; the tables' columns; the options' rules (private)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .._options import InstanceOf, Interval, NoneOk, OneOf


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
