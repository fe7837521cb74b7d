"""Shared statistics: seeded bootstrap over documents, vectorised.

Rates in framing are ratios of sums over documents (events per token, share of
an actor's attributions with a distancing marker, …).  Documents, not tokens,
are the independent units, so intervals resample documents (Efron & Tibshirani
1993, ch. 13; the cluster bootstrap of Field & Welsh 2007).
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def bootstrap_ratio(numer: np.ndarray, denom: np.ndarray, groups: np.ndarray, *,
                    n_boot: int = 1000, ci: float = 0.95, seed: int = 0) -> pd.DataFrame:
    """Ratio of sums per group with percentile bootstrap intervals over units.

    Parameters
    ----------
    numer, denom : array of float, shape (n_units,)
        Per-unit (per-document) numerator and denominator.
    groups : array, shape (n_units,)
        Group label of each unit (e.g. outlet).
    n_boot : int
        Bootstrap replicates.
    ci : float
        Confidence level in (0, 1).
    seed : int
        Random seed; the same inputs and seed give the same intervals.

    Returns
    -------
    pandas.DataFrame
        Columns ``group``, ``numer``, ``denom``, ``estimate``, ``ci_low``,
        ``ci_high``, ``n_units``.  ``estimate`` is NaN where ``denom`` is 0.

    References
    ----------
    Efron, B., & Tibshirani, R. (1993). *An Introduction to the Bootstrap*.
    Field, C. A., & Welsh, A. H. (2007). Bootstrapping clustered data. *JRSS B* 69(3).
    """
    numer = np.asarray(numer, dtype=float)
    denom = np.asarray(denom, dtype=float)
    groups = np.asarray(groups)
    rng = np.random.default_rng(seed)
    alpha = (1 - ci) / 2
    rows = []
    codes, uniq = pd.factorize(groups, use_na_sentinel=False)   # groups in order of appearance
    order = np.argsort(codes, kind="stable")
    bounds = np.searchsorted(codes[order], np.arange(len(uniq) + 1))
    for k, g in enumerate(uniq):
        idx = order[bounds[k]:bounds[k + 1]]
        n = len(idx)
        num, den = numer[idx], denom[idx]
        est = num.sum() / den.sum() if den.sum() > 0 else np.nan
        lo = hi = np.nan
        if n > 1 and den.sum() > 0:
            # resample units with replacement: counts matrix (n_boot, n) via multinomial
            counts = rng.multinomial(n, np.full(n, 1.0 / n), size=n_boot)
            bn = counts @ num
            bd = counts @ den
            with np.errstate(invalid="ignore", divide="ignore"):
                reps = bn / bd
            reps = reps[np.isfinite(reps)]
            if len(reps):
                lo, hi = np.quantile(reps, [alpha, 1 - alpha])
        rows.append({"group": g, "numer": num.sum(), "denom": den.sum(), "estimate": est,
                     "ci_low": lo, "ci_high": hi, "n_units": n})
    return pd.DataFrame(rows, columns=["group", "numer", "denom", "estimate", "ci_low", "ci_high", "n_units"])


def permutation_test_ratio(numer: np.ndarray, denom: np.ndarray, in_a: np.ndarray, *,
                           n_perm: int = 2000, seed: int = 0) -> tuple[float, float]:
    """Two-sided permutation test for a difference of two ratios of sums.

    Units (documents) are shuffled between the two groups (Good 2005).

    Returns
    -------
    (difference, p_value)
        ``ratio(A) - ratio(B)`` and the share of permutations with an absolute
        difference at least as large (with the +1 correction of Phipson & Smyth 2010).

    References
    ----------
    Good, P. (2005). *Permutation, Parametric and Bootstrap Tests of Hypotheses*.
    Phipson, B., & Smyth, G. K. (2010). Permutation p-values should never be zero.
    """
    numer = np.asarray(numer, dtype=float)
    denom = np.asarray(denom, dtype=float)
    in_a = np.asarray(in_a, dtype=bool)

    def diff(mask):
        da, db = denom[mask].sum(), denom[~mask].sum()
        if da == 0 or db == 0:
            return np.nan
        return numer[mask].sum() / da - numer[~mask].sum() / db

    observed = diff(in_a)
    if not np.isfinite(observed):
        return observed, np.nan
    rng = np.random.default_rng(seed)
    n, k = len(in_a), int(in_a.sum())
    tot_num, tot_den = numer.sum(), denom.sum()
    diffs = np.empty(n_perm)
    chunk = max(1, min(n_perm, 20_000_000 // max(n, 1)))   # bound memory: ~160 MB of indices
    base = np.arange(n)
    for lo in range(0, n_perm, chunk):
        m = min(chunk, n_perm - lo)
        idx = rng.permuted(np.broadcast_to(base, (m, n)), axis=1)[:, :k]   # Fisher–Yates per row
        na, da = numer[idx].sum(axis=1), denom[idx].sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            diffs[lo:lo + m] = na / da - (tot_num - na) / (tot_den - da)
    diffs = diffs[np.isfinite(diffs)]
    p = (1 + np.sum(np.abs(diffs) >= abs(observed) - 1e-12)) / (1 + len(diffs))
    return observed, float(p)
