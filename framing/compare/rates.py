"""Rates with uncertainty for any measure table, and shares of counts: the one place both are computed.

A rate is a ratio of sums over documents: rows of a measure table per 1,000
tokens, per document, or the share of rows with a property (e.g. attributions
with a distancing marker).  Documents are the independent units: confidence
intervals come from a percentile bootstrap over documents (Efron & Tibshirani
1993), differences from a permutation test that shuffles documents between two
groups (Good 2005), both seeded.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._errors import missing_columns
from .._options import InstanceOf, Interval, OneOf, check
from .._stats import bootstrap_ratio, permutation_test_ratio

RATE_COLUMNS = ["count", "exposure", "rate", "ci_low", "ci_high", "n_docs", "diff", "p_value"]

_SPEC = {
    "per": [OneOf("tokens", "documents", "rows"), InstanceOf(str)],
    "ci": Interval(0, 1, closed="neither"),
    "n_boot": Interval(10, None, integer=True),
    "seed": Interval(0, None, integer=True),
    "versus": [OneOf(None, "rest"), InstanceOf(str)],
}


def rates(table: pd.DataFrame, *, ann=None, by: str = "outlet", within: str | None = None,
          per: str = "tokens", ci: float = 0.95, n_boot: int = 2000, seed: int = 0,
          versus: str | None = None) -> pd.DataFrame:
    """Rate of a measure per group, with bootstrap intervals and a permutation test.

    Parameters
    ----------
    table : pandas.DataFrame
        Any measure table with ``doc_id`` and the ``by`` column, one row per event
        (an epithet, an attribution, a naming choice, …).
    ann : Annotated, optional
        Needed for ``per="tokens"`` (token counts per document) and to include
        documents with no rows (they count as 0 in the numerator).
    by : str
        Group column (default ``"outlet"``).
    within : str, optional
        A further split inside each group (e.g. ``"actor"``); the exposure stays the
        group's documents (``per="tokens"``/``"documents"``) or the rows of that
        split (``per=<column>``/``"rows"``).
    per : "tokens", "documents", "rows" or a column name
        ``"tokens"``: rows per 1,000 tokens; ``"documents"``: rows per document;
        a boolean column name: the share of rows where it is true (e.g.
        ``per="distancing"``); ``"rows"``: the count only (rate = 1).
    ci : float
        Confidence level.
    n_boot : int
        Bootstrap replicates.
    seed : int
        Seed for bootstrap and permutations: the same inputs and seed give the same numbers.
    versus : None, "rest" or a group label
        Adds ``diff`` (rate − rate of the reference) and a two-sided permutation
        ``p_value`` for each group against the rest of the groups or against one group.

    Returns
    -------
    pandas.DataFrame
        Columns ``<by>``, [``<within>``], ``count``, ``exposure`` (tokens, documents or
        rows), ``rate`` (per 1,000 tokens, per document, or a share), ``ci_low``,
        ``ci_high``, ``n_docs``, ``diff``, ``p_value`` (NaN without ``versus``).

    References
    ----------
    Efron, B., & Tibshirani, R. (1993). *An Introduction to the Bootstrap*. Chapman & Hall.
    Good, P. (2005). *Permutation, Parametric and Bootstrap Tests of Hypotheses*. Springer.

    Examples
    --------
    How often each outlet of the demo corpus writes "киевский режим", per
    1,000 words, and whether it differs from the other outlets:

    >>> import framing
    >>> ann = framing.annotate(framing.load_demo(), progress=False)
    >>> hits = framing.kwic(ann, "киевский режим")
    >>> r = framing.rates(hits, ann=ann, per="tokens", versus="rest")
    >>> r[["outlet", "count", "rate", "ci_low", "ci_high", "p_value"]].round(2)
                   outlet  count  rate  ci_low  ci_high  p_value
    0         global_wire    0.0  0.00    0.00     0.00     0.04
    1       kyiv_vesti_ru    0.0  0.00    0.00     0.00     0.07
    2  pervy_kanal_online   10.0  3.78    1.90     5.68     0.00
    3      svobodny_golos    1.0  0.33    0.00     1.02     0.14
    4     ukrainska_dumka    0.0  0.00    0.00     0.00     0.07
    5      vestnik_agency   12.0  4.12    3.11     5.21     0.00
    6    world_service_ru    0.0  0.00    0.00     0.00     0.06

    The share of rows with a property, from a small table (two documents of
    outlet A, one of B):

    >>> import pandas as pd
    >>> att = pd.DataFrame({"doc_id": ["a1", "a1", "a2", "b1"], "outlet": ["A", "A", "A", "B"],
    ...                     "distancing": [True, False, False, True]})
    >>> framing.rates(att, per="distancing")[["outlet", "count", "exposure", "rate", "n_docs"]]
      outlet  count  exposure      rate  n_docs
    0      A    1.0       3.0  0.333333       2
    1      B    1.0       1.0  1.000000       1
    """
    check("rates", _SPEC, per=per, ci=ci, n_boot=n_boot, seed=seed, versus=versus)
    need = {"doc_id", by} | ({within} if within else set())
    if per not in ("tokens", "documents", "rows"):
        need.add(per)
    missing = need - set(table.columns)
    if missing:
        raise missing_columns("The measure table", missing)
    if per == "tokens" and ann is None:
        raise missing_columns("rates(per='tokens')", {"ann"},
                              hint="Pass ann=<Annotated> so tokens per document are known.")
    # per-document numerator and denominator, per (group[, within])
    keys = [by] + ([within] if within else [])
    t = table[list(need)].copy()
    if per in ("tokens", "documents"):
        t["_num"] = 1.0
        if ann is not None:
            docs = ann.docs[["doc_id", by]] if by in ann.docs else table[["doc_id", by]].drop_duplicates("doc_id")
            ntok = ann.tokens.groupby("doc_id").size() if per == "tokens" else None
        else:
            docs = table[["doc_id", by]].drop_duplicates("doc_id")
            ntok = None
        docs = docs.assign(_den=(docs["doc_id"].map(ntok).fillna(0).to_numpy(float) if per == "tokens"
                                 else 1.0))
        num = t.groupby(keys + ["doc_id"]).size().rename("_num").reset_index()
        if within:
            splits = num[[by, within]].drop_duplicates()
            base = docs.merge(splits, on=by)
        else:
            base = docs
        unit = base.merge(num, on=keys + ["doc_id"], how="left").fillna({"_num": 0.0})
        scale = 1000.0 if per == "tokens" else 1.0
    else:
        t["_num"] = t[per].astype(bool).astype(float) if per != "rows" else 1.0
        t["_den"] = 1.0
        unit = t.groupby(keys + ["doc_id"], as_index=False)[["_num", "_den"]].sum()
        scale = 1.0
    rows = []
    shared = (_shared_boot(unit, by, within, n_boot=n_boot, ci=ci, seed=seed)
              if within and per in ("tokens", "documents") else {})
    for key, sub in unit.groupby(keys, sort=True):
        key = key if isinstance(key, tuple) else (key,)
        b = shared.get(key)
        if b is None:
            b = bootstrap_ratio(sub["_num"].to_numpy(), sub["_den"].to_numpy(), np.zeros(len(sub)),
                                n_boot=n_boot, ci=ci, seed=seed).iloc[0]
        row = dict(zip(keys, key))
        row.update({"count": b["numer"], "exposure": b["denom"], "rate": b["estimate"] * scale,
                    "ci_low": b["ci_low"] * scale, "ci_high": b["ci_high"] * scale,
                    "n_docs": int(sub["doc_id"].nunique()), "diff": np.nan, "p_value": np.nan})
        if versus is not None:
            if within:
                pool = unit[unit[within] == row[within]]
            else:
                pool = unit
            if versus != "rest":
                pool = pool[pool[by].isin([row[by], versus])]
            if versus != row[by] and pool[by].nunique() == 2 or (versus == "rest" and pool[by].nunique() > 1):
                in_a = (pool[by] == row[by]).to_numpy()
                d, p = permutation_test_ratio(pool["_num"].to_numpy(), pool["_den"].to_numpy(), in_a,
                                              n_perm=n_boot, seed=seed)
                row["diff"], row["p_value"] = d * scale, p
        rows.append(row)
    out = pd.DataFrame(rows, columns=keys + RATE_COLUMNS)
    if per == "rows":
        out["rate"] = out["count"]
        out[["ci_low", "ci_high"]] = np.nan
    return out


def shares(counts: pd.DataFrame, *, within, n: str = "n", min_n: int | None = None) -> pd.DataFrame:
    """The share of each row's count in the total of its group, with the count behind it.

    The one place shares of counts are computed: naming forms and contested
    naming (:func:`framing.naming`), verb classes per source
    (:func:`framing.sources`), the comparison's regrouped tables and the verb
    classes a figure draws.  A share says nothing without its base, so the
    base comes with it (``n_total``), and with ``min_n`` a flag for bases too
    small to read a share from (``low_n``).  Shares with intervals over
    documents are :func:`rates` (``per=<column>``).

    Parameters
    ----------
    counts : pandas.DataFrame
        One row per group and item, with a count column ``n``.
    within : str or list of str
        The columns that make a group: each row's share is its count over the
        group's total.  A row whose group has a missing value gets no share (NaN).
    n : str
        The count column (default ``"n"``).
    min_n : int, optional
        Adds ``low_n``: True where the group's total is below ``min_n``.

    Returns
    -------
    pandas.DataFrame
        ``counts`` (rows in their order) with ``n_total`` (the group's total)
        and ``share`` (``n / n_total``), and ``low_n`` with ``min_n``.

    Examples
    --------
    >>> import pandas as pd
    >>> from framing.compare.rates import shares
    >>> forms = pd.DataFrame({"outlet": ["A", "A", "B"], "form": ["surname", "title_name", "surname"],
    ...                       "n": [3, 1, 2]})
    >>> shares(forms, within="outlet", min_n=3)
      outlet        form  n  n_total  share  low_n
    0      A     surname  3        4   0.75  False
    1      A  title_name  1        4   0.25  False
    2      B     surname  2        2   1.00   True
    """
    within = [within] if isinstance(within, str) else list(within)
    missing = (set(within) | {n}) - set(counts.columns)
    if missing:
        raise missing_columns("shares(): the counts table", missing)
    out = counts.copy()
    total = out.groupby(within, sort=False)[n].transform("sum")
    out["n_total"] = total
    out["share"] = out[n] / total
    if min_n is not None:
        out["low_n"] = (total < min_n).to_numpy(dtype=bool)
    return out


def _shared_boot(unit: pd.DataFrame, by: str, within: str, *, n_boot: int, ci: float, seed: int) -> dict:
    """Bootstrap of every ``within`` split of a group on one resample of the group's documents.

    With ``per="tokens"`` or ``"documents"`` all splits of a group share its
    documents and their exposure, so one multinomial draw of document weights
    serves them all (the numbers equal those of :func:`bootstrap_ratio` run
    split by split with the same seed, at the cost of one run per group).
    Returns ``(group, split)`` → a row with ``numer``, ``denom``, ``estimate``,
    ``ci_low``, ``ci_high``.
    """
    from scipy import sparse

    alpha = (1 - ci) / 2
    out = {}
    for g, part in unit.groupby(by, sort=True):
        docs = part.drop_duplicates("doc_id")[["doc_id", "_den"]]
        splits = part[within].drop_duplicates().tolist()
        per_split = part.groupby(within, sort=False)["doc_id"].size()
        if (per_split != len(docs)).any():
            continue   # not every split has every document: leave it to bootstrap_ratio
        d_ix = {d: i for i, d in enumerate(docs["doc_id"])}
        s_ix = {v: j for j, v in enumerate(splits)}
        n = len(docs)
        mat = sparse.csr_matrix((part["_num"].to_numpy(float),
                                 (part["doc_id"].map(d_ix).to_numpy(), part[within].map(s_ix).to_numpy())),
                                shape=(n, len(splits)))
        den = docs["_den"].to_numpy(float)
        numer = np.asarray(mat.sum(axis=0)).ravel()
        total = den.sum()
        est = numer / total if total > 0 else np.full(len(splits), np.nan)
        lo = hi = np.full(len(splits), np.nan)
        if n > 1 and total > 0:
            rng = np.random.default_rng(seed)
            w = rng.multinomial(n, np.full(n, 1.0 / n), size=n_boot).astype(float)
            bd = w @ den
            ok = bd > 0
            if ok.any():
                reps = np.asarray((mat.T @ w[ok].T).T) / bd[ok][:, None]
                lo, hi = np.quantile(reps, [alpha, 1 - alpha], axis=0)
        for j, v in enumerate(splits):
            out[(g, v)] = {"numer": numer[j], "denom": total, "estimate": est[j], "ci_low": lo[j],
                           "ci_high": hi[j]}
    return out
