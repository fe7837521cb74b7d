"""Computations that the comparison, the plots and the report share.

They live below :mod:`framing.compare.comparison`, :mod:`framing.plot` and
:mod:`framing.report.html`, so that those read them without importing each
other (issue #14: no import cycle in ``framing/``).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._errors import missing_columns
from .._stats import bootstrap_ratio
from .rates import shares


def _empty(cols) -> pd.DataFrame:
    return pd.DataFrame(columns=list(cols))


def epithet_polarity_table(epithets: pd.DataFrame, *, by: str = "outlet", actors=None, n_boot: int = 1000,
                           ci: float = 0.95, seed: int = 0) -> pd.DataFrame:
    """Mean polarity of epithets per group and actor, with bootstrap intervals over documents.

    Parameters
    ----------
    epithets : pandas.DataFrame
        Columns ``doc_id``, ``actor``, ``polarity`` and ``by``.
    by : str
    actors : list of str, optional
        Only these actors.
    n_boot, ci, seed
        Bootstrap replicates, confidence level, seed.

    Returns
    -------
    pandas.DataFrame
        Columns ``<by>``, ``actor``, ``n`` (epithets with a polarity), ``n_docs``,
        ``mean``, ``ci_low``, ``ci_high`` (NaN with a single document).

    References
    ----------
    Efron, B., & Tibshirani, R. (1993). *An Introduction to the Bootstrap*. Chapman & Hall.
    """
    cols = [by, "actor", "n", "n_docs", "mean", "ci_low", "ci_high"]
    need = {"doc_id", "actor", "polarity", by}
    missing = need - set(epithets.columns)
    if missing:
        raise missing_columns("The epithets table", missing, hint="Pass the output of framing.epithets().")
    e = epithets[epithets["polarity"].notna() & epithets["actor"].notna()]
    if actors is not None:
        e = e[e["actor"].isin(list(actors))]
    if e.empty:
        return _empty(cols)
    per = (e.groupby([by, "actor", "doc_id"])["polarity"].agg(["sum", "count"]).reset_index())
    rows = []
    for (g, a), sub in per.groupby([by, "actor"], sort=True):
        b = bootstrap_ratio(sub["sum"].to_numpy(float), sub["count"].to_numpy(float), np.zeros(len(sub)),
                            n_boot=n_boot, ci=ci, seed=seed).iloc[0]
        rows.append({by: g, "actor": a, "n": int(sub["count"].sum()), "n_docs": len(sub),
                     "mean": b["estimate"], "ci_low": b["ci_low"], "ci_high": b["ci_high"]})
    return pd.DataFrame(rows, columns=cols)


def _as_bool_markers(v) -> bool:
    if isinstance(v, (list, tuple, np.ndarray)):
        return len(v) > 0
    if isinstance(v, str):
        return bool(v.strip()) and v.strip() not in ("[]", "_")
    return False


def _source_label(att: pd.DataFrame) -> pd.Series:
    """The source of an attribution: its actor, else the speaker as written, else "(unattributed)"."""
    src = att["actor"] if "actor" in att else pd.Series(np.nan, index=att.index, dtype=object)
    src = src.where(src.notna() & (src.astype(str) != ""))
    if "speaker" in att:
        spk = att["speaker"].where(att["speaker"].notna() & (att["speaker"].astype(str) != ""))
        src = src.fillna(spk)
    return src.fillna("(unattributed)").astype(str)


def _subset(ann, keep: set):
    if len(keep) == len(ann.docs):
        return ann
    # type(ann), not an import of framing.annotate: importing that package here would
    # shadow the framing.annotate function with the module of the same name
    Annotated = type(ann)
    d = ann.docs
    corpus = ann.corpus.filter(d["doc_id"].isin(keep).to_numpy())
    t, e = ann.tokens, ann.entities
    return Annotated(corpus, t[t["doc_id"].isin(keep)], e[e["doc_id"].isin(keep)],
                     capabilities=ann.capabilities, meta=ann.meta, problems=ann.problems)


def verb_class_table(data: pd.DataFrame, *, by: str = "outlet") -> pd.DataFrame:
    """``by`` × ``verb_class`` counts and shares (columns ``<by>``, ``verb_class``, ``n``, ``share``).

    What :func:`framing.plot.verb_class_heatmap` draws, for an attributions table of one's own
    (a comparison's ``verb_classes`` already is such a table).

    Accepts an attributions table (one row per attribution, column ``verb_class``)
    or an aggregated table with ``verb_class`` and ``n``/``count`` (or ``share``).
    """
    if by not in data.columns:
        raise missing_columns("The table", {by}, hint="Pass by= the group column it has.")
    if "verb_class" not in data.columns:
        raise missing_columns("The table", {"verb_class"},
                              hint="Pass framing.attributions(ann) or a per-class table of framing.sources().")
    d = data[data["verb_class"].notna()]
    count_col = next((c for c in ("n", "count", "n_attributions") if c in d.columns), None)
    if count_col is not None and "doc_id" not in d.columns:
        t = d.groupby([by, "verb_class"], as_index=False)[count_col].sum().rename(columns={count_col: "n"})
    elif "share" in d.columns and "doc_id" not in d.columns:
        t = d.groupby([by, "verb_class"], as_index=False)["share"].mean()
        t["n"] = np.nan
        return t[[by, "verb_class", "n", "share"]]
    else:
        t = d.groupby([by, "verb_class"]).size().rename("n").reset_index()
    return shares(t, within=by)[[by, "verb_class", "n", "share"]]


def naming_form_table(naming, *, by: str = "outlet", actor: str | None = None) -> pd.DataFrame:
    """Naming forms per group, of one actor or of all actors pooled: what :func:`framing.plot.naming_forms` draws.

    Parameters
    ----------
    naming : Naming or pandas.DataFrame
        :func:`framing.naming`, its ``forms`` table (``<by>``, ``actor``,
        ``form``, ``n``) or its ``mentions`` (one row per naming).
    by : str
    actor : str, optional
        Only this actor (default: every actor, pooled).

    Returns
    -------
    pandas.DataFrame
        ``<by>``, ``form``, ``n``, ``n_total`` (the group's namings), ``share``
        (:func:`framing.compare.rates.shares`).
    """
    f = naming.forms if hasattr(naming, "forms") else naming
    missing = {by, "actor", "form"} - set(f.columns)
    if missing:
        raise missing_columns("naming_form_table(): the naming table", missing,
                              hint="Pass framing.naming(ann) or its .forms table.")
    if actor is not None:
        f = f[f["actor"] == actor]
    counts = (f.groupby([by, "form"], as_index=False)["n"].sum() if "n" in f.columns
              else f.groupby([by, "form"]).size().rename("n").reset_index())
    return shares(counts, within=by)[[by, "form", "n", "n_total", "share"]]
