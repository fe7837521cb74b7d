"""Sources profile: whom an outlet quotes, how often, with which verbs, at what distance.

:func:`sources` turns the table of :func:`framing.attributions` into four tidy
tables per outlet (or any other grouping column): share of voice per actor and
per speaker type, the verb-class distribution per actor, and the distancing
rate per actor (the share of an actor's attributions with a distancing verb
or a distancing marker such as "якобы" or scare quotes).

The profile counts what a researcher would defend (``docs/attribution.md``):

* **self-citations** (the outlet quoting itself, its correspondents or its own
  earlier reports: "По данным SHOT" in SHOT's channel; the ``self_citation``
  column of :func:`framing.attributions`) are left out by default
  (``self_citation="include"`` keeps them);
* **distancing comes in classes** kept apart (:data:`framing.measures.attribution.MARKER_CLASSES`):
  a distancing reporting verb, a particle ("якобы", "мол", "дескать", "будто",
  "так называемый"), scare quotes, an attribution phrase ("по версии
  следствия", counted as ``institutional``) and a legal label in quotes
  («иноагентов»); the rate counts only the first three by default (the
  ``distancing`` option) and each class's count is shown beside it;
* **every share comes with its count** (``n_attributions``) and the number
  it is a share of (``n_total``); a share or rate measured on fewer than
  ``min_n`` attributions is marked ``low_n``.  Shares and rates come
with percentile bootstrap intervals that resample documents, the independent
units (:func:`framing._stats.bootstrap_ratio`; the shares of one group are all
measured on the same resamples of its documents).

This answers questions such as "does outlet X put 'якобы' before Russian
officials and outlet Y before Ukrainian ones?": compare the ``distancing``
rows of the two outlets for the two actors and their intervals.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import pandas as pd

from .._errors import OptionError, missing_columns
from .._display import shows_tables
from .._options import InstanceOf, Interval, OneOf, check
from .._stats import bootstrap_ratio
from ..compare.rates import shares
from .attribution import DISTANCING_CLASSES, MARKER_CLASSES, marker_classes

VOICE_COLUMNS = ["by", "actor", "speaker_type", "n_attributions", "n_total", "n_docs", "share", "ci_low", "ci_high",
                 "low_n"]
SPEAKER_TYPE_COLUMNS = ["by", "speaker_type", "n_attributions", "n_total", "share", "ci_low", "ci_high", "low_n"]
VERB_CLASS_COLUMNS = ["by", "actor", "verb_class", "n_attributions", "n_total", "share", "low_n"]
DISTANCING_COLUMNS = ["by", "actor", "n_attributions", "n_distancing", "rate", "ci_low", "ci_high", "n_docs",
                      "n_verb", "n_particle", "n_scare_quote", "n_institutional", "n_legal_label", "low_n"]
SOURCES_COLUMNS = {"voice": VOICE_COLUMNS, "speaker_types": SPEAKER_TYPE_COLUMNS,
                   "verb_classes": VERB_CLASS_COLUMNS, "distancing": DISTANCING_COLUMNS}
"""Columns of each table in :class:`Sources` (``by`` is renamed to the grouping column)."""

UNATTRIBUTED = "(unattributed)"
_NEEDED = ["doc_id", "actor", "speaker_type", "verb_class"]


@shows_tables
class Sources(NamedTuple):
    """The four tables of :func:`sources` (each a tidy DataFrame).

    voice
        share of an outlet's attributions that go to each actor
        (:data:`VOICE_COLUMNS`);
    speaker_types
        share per speaker type: person, organisation, media, anonymous,
        unattributed (:data:`SPEAKER_TYPE_COLUMNS`);
    verb_classes
        per actor, the share of each verb class among its attributions
        (:data:`VERB_CLASS_COLUMNS`);
    distancing
        per actor, the share of its attributions with a distancing verb or
        marker (:data:`DISTANCING_COLUMNS`).
    """

    voice: pd.DataFrame
    speaker_types: pd.DataFrame
    verb_classes: pd.DataFrame
    distancing: pd.DataFrame


def _empty(cols, by):
    return pd.DataFrame({(by if c == "by" else c): pd.Series(dtype="object") for c in cols})


def _boot(units: pd.DataFrame, key_cols, numer_col, denom_col, *, n_boot, ci, seed):
    """bootstrap_ratio over document rows of ``units`` grouped by ``key_cols``."""
    if units.empty:
        return pd.DataFrame(columns=[*key_cols, "estimate", "ci_low", "ci_high", "n_units"])
    keys = units[key_cols].astype(str).agg("\x1f".join, axis=1).to_numpy()
    res = bootstrap_ratio(units[numer_col].to_numpy(float), units[denom_col].to_numpy(float), keys,
                          n_boot=n_boot, ci=ci, seed=seed)
    parts = res["group"].str.split("\x1f", expand=True)
    parts.columns = key_cols
    return pd.concat([parts, res[["numer", "denom", "estimate", "ci_low", "ci_high", "n_units"]]], axis=1)


def _share_boot(per: pd.DataFrame, doc_tot: pd.DataFrame, col: str, *, n_boot, ci, seed) -> pd.DataFrame:
    """Shares of each ``col`` value in each group, with percentile bootstrap intervals over documents.

    All values of a group are measured on the same resamples of the group's
    documents (one multinomial draw of document weights per replicate), so the
    cost grows with documents + values, not documents × values, and the shares
    of one replicate add up to one.  Columns ``by``, ``col``, ``estimate``,
    ``ci_low``, ``ci_high``.
    """
    from scipy import sparse

    rng = np.random.default_rng(seed)
    alpha = (1 - ci) / 2
    out = []
    per_by = dict(tuple(per.groupby("by", sort=True)))
    for g, docs in doc_tot.groupby("by", sort=True):
        rows = per_by.get(g)
        if rows is None or rows.empty:
            continue
        doc_ix = {d: i for i, d in enumerate(docs["doc_id"])}
        values, vix = np.unique(rows[col].astype(str).to_numpy(), return_inverse=True)
        n = len(docs)
        mat = sparse.csr_matrix((rows["n"].to_numpy(float), (rows["doc_id"].map(doc_ix).to_numpy(), vix)),
                                shape=(n, len(values)))
        total = docs["total"].to_numpy(float)
        est = np.asarray(mat.sum(axis=0)).ravel() / total.sum()
        lo = hi = np.full(len(values), np.nan)
        if n > 1:
            w = rng.multinomial(n, np.full(n, 1.0 / n), size=n_boot).astype(float)   # (n_boot, n)
            bn = np.asarray((mat.T @ w.T).T)                                              # (n_boot, values)
            bd = w @ total
            keep = bd > 0
            if keep.any():
                reps = bn[keep] / bd[keep][:, None]
                lo, hi = np.quantile(reps, [alpha, 1 - alpha], axis=0)
        out.append(pd.DataFrame({"by": g, col: values, "estimate": est, "ci_low": lo, "ci_high": hi}))
    if not out:
        return pd.DataFrame(columns=["by", col, "estimate", "ci_low", "ci_high"])
    return pd.concat(out, ignore_index=True)


def sources(attributions: pd.DataFrame, *, by: str = "outlet", n_boot: int = 1000, ci: float = 0.95,
            seed: int = 0, self_citation: str = "exclude", distancing=DISTANCING_CLASSES,
            min_n: int = 10) -> Sources:
    """Per outlet: share of voice, speaker types, verb classes and distancing rate per actor.

    Parameters
    ----------
    attributions : pandas.DataFrame
        The table of :func:`framing.attributions` (at least ``doc_id``,
        ``actor``, ``speaker_type``, ``verb_class`` and ``distancing`` or
        ``markers``, plus the ``by`` column).
    by : str
        The grouping column: ``"outlet"`` (default) or any other column of the
        table (``"lang"`` after a join, …).
    n_boot : int
        Bootstrap replicates (documents are resampled within each group).
    ci : float
        Confidence level of the intervals.
    seed : int
        Random seed; the same input and seed give the same intervals.
    self_citation : "exclude" or "include"
        Leave out (default) or keep the rows whose ``self_citation`` is true
        (the outlet quoting itself); a table without the column keeps every row.
    distancing : sequence of str
        The marker classes (:data:`framing.measures.attribution.MARKER_CLASSES`)
        the distancing rate counts; default ``("verb", "particle",
        "scare_quote")``, leaving attribution phrases ("по версии следствия")
        and legal labels («иноагентов») out.  Needs the ``markers`` column;
        without it the ``distancing`` column is used as it is.
    min_n : int
        Shares and rates measured on fewer attributions than this are marked
        ``low_n`` (default 10).

    Returns
    -------
    Sources
        A NamedTuple of four DataFrames, ``voice``, ``speaker_types``,
        ``verb_classes``, ``distancing`` (columns :data:`SOURCES_COLUMNS`, with
        ``by`` named after the grouping column).  Speakers with no actor are
        counted under the actor ``"(unattributed)"``.

        ``share`` (voice, speaker types) is the share of the group's
        attributions; ``rate`` (distancing) is the share of the actor's
        attributions that are distancing; ``ci_low``/``ci_high`` are percentile
        bootstrap intervals over documents (NaN with a single document).
        ``n_attributions`` is the count behind a share and ``n_total`` the
        count it is a share of (the group's attributions; the actor's for
        verb classes); ``low_n`` marks a share or rate whose ``n_total`` (for
        distancing, ``n_attributions``) is below ``min_n``.  The distancing
        table counts each class apart (``n_verb``, ``n_particle``,
        ``n_scare_quote``, ``n_institutional``, ``n_legal_label``: attributions
        with at least one marker of the class), whether or not the rate counts it.

    References
    ----------
    Efron, B., & Tibshirani, R. (1993). *An Introduction to the Bootstrap*, ch. 13.
    Field, C. A., & Welsh, A. H. (2007). Bootstrapping clustered data. *JRSS B* 69(3).
    Bergler, S. (1992). *Evidential Analysis of Reported Speech* (distancing by
    reporting verbs).

    Examples
    --------
    >>> import pandas as pd
    >>> from framing import sources
    >>> a = pd.DataFrame({"doc_id": ["d1", "d1", "d2"], "outlet": ["A", "A", "B"],
    ...                   "actor": ["Путин", "Зеленский", "Путин"],
    ...                   "speaker_type": ["person"] * 3, "verb_class": ["neutral", "endorsing", "distancing"],
    ...                   "distancing": [False, False, True]})
    >>> s = sources(a)
    >>> s.distancing[["outlet", "actor", "rate", "low_n"]].values.tolist()
    [['A', 'Зеленский', 0.0, True], ['A', 'Путин', 0.0, True], ['B', 'Путин', 1.0, True]]
    """
    check("sources", {"by": InstanceOf(str), "n_boot": Interval(1, None, integer=True),
                      "ci": Interval(0, 1, closed="neither"), "seed": Interval(0, None, integer=True),
                      "self_citation": OneOf("exclude", "include"), "distancing": InstanceOf(tuple, list),
                      "min_n": Interval(1, None, integer=True)},
          by=by, n_boot=n_boot, ci=ci, seed=seed, self_citation=self_citation, distancing=distancing,
          min_n=min_n)
    unknown = set(distancing) - set(MARKER_CLASSES)
    if unknown:
        raise OptionError(f"sources(): distancing={tuple(distancing)!r} names {sorted(unknown)}, "
                          f"which are not marker classes; choose from {MARKER_CLASSES}.")
    if not isinstance(attributions, pd.DataFrame):
        raise OptionError(f"sources(): attributions must be the DataFrame of framing.attributions(), "
                          f"got {type(attributions).__name__}.")
    need = set(_NEEDED) | {by}
    missing = need - set(attributions.columns)
    if missing:
        raise missing_columns("The attributions table given to sources()", missing,
                              hint="Pass the output of framing.attributions(ann); for by=, join the column first.")
    if "distancing" not in attributions.columns and "markers" not in attributions.columns:
        raise missing_columns("The attributions table given to sources()", {"distancing"})
    if attributions.empty:
        return Sources(*(_empty(c, by) for c in SOURCES_COLUMNS.values()))

    a = attributions[[c for c in attributions.columns if c in need | {"distancing", "markers", "self_citation"}]].copy()
    if self_citation == "exclude" and "self_citation" in a.columns:
        a = a[~a["self_citation"].fillna(False).astype(bool)]
        if a.empty:
            return Sources(*(_empty(c, by) for c in SOURCES_COLUMNS.values()))
    a["actor"] = a["actor"].fillna("").astype(str).replace("", UNATTRIBUTED)
    a["by"] = a[by].astype(str)
    if "markers" in a.columns:
        classes = [marker_classes(v, m) for v, m in zip(a["verb_class"], a["markers"])]
        for k in MARKER_CLASSES:
            a[f"n_{k}"] = [float(k in c) for c in classes]
        a["dist"] = [bool(c & set(distancing)) for c in classes]
    else:
        for k in MARKER_CLASSES:
            a[f"n_{k}"] = float("nan")
        a["dist"] = a["distancing"].astype(bool)
    a["one"] = 1.0
    kw = dict(n_boot=n_boot, ci=ci, seed=seed)

    # documents of each group and their attribution counts (the bootstrap units)
    doc_tot = a.groupby(["by", "doc_id"], sort=True)["one"].sum().rename("total").reset_index()

    def share_table(col):
        # a share with its interval over documents (the bootstrap's estimate, as rates() gives), over all the
        # group's attributions (a missing speaker type stays in the base), so not compare.rates.shares
        per = a.groupby(["by", "doc_id", col], sort=True)["one"].sum().rename("n").reset_index()
        b = _share_boot(per, doc_tot, col, **kw)
        counts = per.groupby(["by", col])["n"].agg(["sum", "count"]).reset_index()
        counts.columns = ["by", col, "n_attributions", "n_docs"]
        counts["n_total"] = counts["by"].map(doc_tot.groupby("by")["total"].sum())
        counts["low_n"] = counts["n_total"] < min_n
        return counts.merge(b.rename(columns={"estimate": "share"}), on=["by", col], how="left")

    voice = share_table("actor")
    stype = a.groupby(["by", "actor"])["speaker_type"].agg(lambda x: x.value_counts().index[0]).reset_index()
    voice = voice.merge(stype, on=["by", "actor"], how="left")
    voice = voice.sort_values(["by", "n_attributions", "actor"], ascending=[True, False, True])
    voice = voice[VOICE_COLUMNS].reset_index(drop=True)

    types = share_table("speaker_type")
    types = types.sort_values(["by", "n_attributions", "speaker_type"], ascending=[True, False, True])
    types = types[SPEAKER_TYPE_COLUMNS].reset_index(drop=True)

    vc = a.groupby(["by", "actor", "verb_class"], sort=True)["one"].sum().rename("n_attributions").reset_index()
    vc = shares(vc, within=["by", "actor"], n="n_attributions", min_n=min_n)
    vc = vc[VERB_CLASS_COLUMNS].reset_index(drop=True)

    per = a.groupby(["by", "actor", "doc_id"], sort=True).agg(n=("one", "sum"), d=("dist", "sum")).reset_index()
    b = _boot(per, ["by", "actor"], "d", "n", **kw)
    dist = b.rename(columns={"numer": "n_distancing", "denom": "n_attributions", "estimate": "rate",
                             "n_units": "n_docs"})
    cls = a.groupby(["by", "actor"], sort=True)[[f"n_{k}" for k in MARKER_CLASSES]].sum(min_count=1).reset_index()
    dist = dist.merge(cls, on=["by", "actor"], how="left")
    dist["low_n"] = dist["n_attributions"] < min_n
    dist = dist.sort_values(["by", "actor"]).reset_index(drop=True)
    dist = dist[DISTANCING_COLUMNS]

    out = []
    for df in (voice, types, vc, dist):
        df = df.copy()
        for c in ("n_attributions", "n_docs", "n_distancing", "n_total"):
            if c in df.columns:
                df[c] = df[c].fillna(0).astype(np.int64)
        for c in (f"n_{k}" for k in MARKER_CLASSES):
            if c in df.columns and df[c].notna().all():
                df[c] = df[c].astype(np.int64)      # NaN stays where the table had no markers column
        if "low_n" in df.columns:
            df["low_n"] = df["low_n"].astype(bool)
        out.append(df.rename(columns={"by": by}).reset_index(drop=True))
    return Sources(*out)
