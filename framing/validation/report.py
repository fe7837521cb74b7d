"""Reading a coded sheet back: precision per field and group with intervals; recall and F1 against an exhaustive coding."""

from __future__ import annotations

import math
import os
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from .._csv import restore
from .._errors import OptionError, SchemaError, missing_columns
from .._options import check
from ._common import PRECISION_COLUMNS, RECALL_COLUMNS, _NA, _NO, _REPORT_SPEC, _YES
from .sheet import CodingSheet
from .statistics import wilson_interval


# --- reading coded sheets ---------------------------------------------------------------

def _read_text_table(source, missing: str) -> tuple[pd.DataFrame, Path]:
    """A CSV or TSV (by its suffix) of strings, as written by a spreadsheet (BOM allowed)."""
    path = Path(source)
    if not path.exists():
        raise OptionError(f"{missing} {str(path)!r}.")
    sep = "\t" if path.suffix.lower() in (".tsv", ".tab") else ","
    return pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False, encoding="utf-8-sig"), path


def _read_coded(coded, who="validation_report") -> tuple[pd.DataFrame, str]:
    """A coded sheet as a DataFrame, and a name for messages."""
    if isinstance(coded, CodingSheet):
        return coded.table.copy(), "the coding sheet"
    if isinstance(coded, pd.DataFrame):
        return coded.copy(), "the coded table"
    if isinstance(coded, (str, os.PathLike)):
        df, path = _read_text_table(coded, f"{who}(): no file")
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
        df, path = _read_text_table(truth, "validation_report(): no truth file")
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
