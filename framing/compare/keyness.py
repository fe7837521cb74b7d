"""Distinctive vocabulary of groups (outlets) with the statistics researchers cite.

Methods
-------
``log_odds_dirichlet``
    The weighted log-odds ratio with an informative Dirichlet prior of Monroe,
    Colaresi & Quinn (2008, "Fightin' Words", eqs. 16, 18–22): for word *w* and
    groups *i*, *j*,

    δ̂_w = log[(y_wi + α_w) / (n_i + α_0 − y_wi − α_w)] − log[(y_wj + α_w) / (n_j + α_0 − y_wj − α_w)],
    σ²(δ̂_w) ≈ 1/(y_wi + α_w) + 1/(y_wj + α_w),   z = δ̂_w / σ.

    With ``prior="corpus"`` α_w = α_0 · y_w / n (the pooled counts scaled to α_0;
    Monroe et al. leave α_0 to the analyst, and framing's default α_0 = min(n,
    1000) is a prior worth at most 1,000 words: it smooths rare words without
    swamping real differences in small corpora); ``prior="uniform"`` uses α_w = 0.01 as
    Monroe et al.'s uninformative prior; a Series gives α_w from a background
    corpus.
``chi2``
    Pearson's χ² of the 2 × 2 table (word vs other words, group vs reference), no
    continuity correction.
``log_likelihood``
    Dunning's (1993) G² of the same table.

Each group is compared with the rest (``reference="rest"``) and, with
``pairwise=True``, with every other group.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats

from .._errors import missing_columns
from .._options import InstanceOf, Interval, OneOf, check
from ._counts import DEFAULT_EXCLUDE_UPOS, doc_groups, group_unit_matrix, token_units

KEYNESS_COLUMNS = ["group", "reference", "term", "count", "count_reference", "per_1000",
                   "per_1000_reference", "score", "z", "p_value"]

_SPEC = {
    "method": OneOf("log_odds_dirichlet", "chi2", "log_likelihood"),
    "prior": [OneOf("corpus", "uniform"), InstanceOf(pd.Series)],
    "alpha0": [Interval(0, None, closed="right"), OneOf(None)],
    "min_count": Interval(0, None, integer=True),
    "pairwise": OneOf(True, False),
}


def log_odds_dirichlet(y_i: np.ndarray, y_j: np.ndarray, alpha: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """δ̂ and z of Monroe, Colaresi & Quinn (2008), eqs. 16, 20 and 22, vectorised.

    Parameters
    ----------
    y_i, y_j : array of float, shape (V,)
        Counts of each word in group *i* and in the reference *j*.
    alpha : array of float, shape (V,)
        Dirichlet prior α_w.

    Returns
    -------
    delta, z : arrays of shape (V,)

    References
    ----------
    Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' words: Lexical
    feature selection and evaluation for identifying the content of political
    conflict. *Political Analysis* 16(4), 372–403.
    """
    a0 = alpha.sum()
    n_i, n_j = y_i.sum(), y_j.sum()
    delta = (np.log((y_i + alpha) / (n_i + a0 - y_i - alpha))
             - np.log((y_j + alpha) / (n_j + a0 - y_j - alpha)))
    var = 1.0 / (y_i + alpha) + 1.0 / (y_j + alpha)
    return delta, delta / np.sqrt(var)


def _two_by_two(y_i, y_j):
    """Observed and expected counts of the 2 × 2 tables, one per word."""
    n_i, n_j = y_i.sum(), y_j.sum()
    a, b = y_i, y_j
    c, d = n_i - y_i, n_j - y_j
    n = n_i + n_j
    obs = np.stack([a, b, c, d])
    row1 = a + b
    row2 = c + d
    exp = np.stack([row1 * n_i / n, row1 * n_j / n, row2 * n_i / n, row2 * n_j / n])
    return obs, exp


def chi_square(y_i: np.ndarray, y_j: np.ndarray) -> np.ndarray:
    """Pearson's χ² (no continuity correction) of each word's 2 × 2 table (Pearson 1900)."""
    obs, exp = _two_by_two(y_i, y_j)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.nansum(np.where(exp > 0, (obs - exp) ** 2 / exp, 0.0), axis=0)


def log_likelihood(y_i: np.ndarray, y_j: np.ndarray) -> np.ndarray:
    """Dunning's (1993) log-likelihood G² = 2 Σ O ln(O/E) of each word's 2 × 2 table.

    References
    ----------
    Dunning, T. (1993). Accurate methods for the statistics of surprise and
    coincidence. *Computational Linguistics* 19(1), 61–74.
    """
    obs, exp = _two_by_two(y_i, y_j)
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(obs > 0, obs * np.log(obs / exp), 0.0)
    return 2 * terms.sum(axis=0)


def keyness(data, *, by: str = "outlet", unit: str = "lemma", method: str = "log_odds_dirichlet",
            prior="corpus", alpha0: float | None = None, min_count: int = 1, pairwise: bool = False,
            exclude_upos=DEFAULT_EXCLUDE_UPOS) -> pd.DataFrame:
    """Distinctive units of each group against the rest (and pairwise).

    Parameters
    ----------
    data : Annotated or pandas.DataFrame
        An annotation (units counted from its tokens) or any measure table with a
        ``doc_id`` column, the ``by`` column (or ``outlet``) and the ``unit`` column
        (e.g. ``framing.epithets(ann)`` with ``unit="epithet_lemma"``,
        ``framing.attributions(ann)`` with ``unit="verb_lemma"``).
    by : str
        Document column defining the groups (default ``"outlet"``).
    unit : str
        For an annotation: ``"lemma"``, ``"form"``, ``"bigram"``, ``"trigram"`` or
        ``"ngram<n>"``; for a table: the column to count.
    method : {"log_odds_dirichlet", "chi2", "log_likelihood"}
    prior : "corpus", "uniform" or pandas.Series
        The Dirichlet prior for ``log_odds_dirichlet`` (see the module docstring).
    alpha0 : float, optional
        Total prior weight α_0 for ``prior="corpus"`` (default: min(n, 1000), n
        the number of units counted).
    min_count : int
        Drop units seen fewer times in the whole data.
    pairwise : bool
        Also compare every ordered pair of groups.
    exclude_upos : tuple of str
        Parts of speech left out when counting tokens.

    Returns
    -------
    pandas.DataFrame
        Columns ``group``, ``reference`` ("rest" or another group), ``term``,
        ``count``, ``count_reference``, ``per_1000``, ``per_1000_reference``,
        ``score`` (δ̂ for log-odds, χ² or G² otherwise), ``z`` (δ̂/σ, or the signed
        square root of χ²/G²: positive = over-used by ``group``), ``p_value``
        (two-sided). Sorted by group, reference and descending z.

    References
    ----------
    Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' words.
    *Political Analysis* 16(4), 372–403.
    Dunning, T. (1993). Accurate methods for the statistics of surprise and
    coincidence. *Computational Linguistics* 19(1), 61–74.

    Examples
    --------
    >>> import framing
    >>> ann = framing.annotate(framing.load_demo(), progress=False)
    >>> k = framing.keyness(ann, by="outlet")
    >>> k[k.group == "pervy_kanal_online"].head(5)[["term", "count", "per_1000_reference", "z"]].round(2)
              term  count  per_1000_reference     z
    7154  западный     19                1.82  4.66
    7155  киевский     14                0.94  4.56
    7156   куратор      9                0.07  4.00
    7157    мирный      9                0.54  3.77
    7158   эксперт     13                1.35  3.71
    """
    check("keyness", _SPEC, method=method, prior=prior, alpha0=alpha0, min_count=min_count,
          pairwise=pairwise)
    if isinstance(data, pd.DataFrame):
        need = {"doc_id", unit, by}
        missing = need - set(data.columns)
        if missing:
            raise missing_columns("The measure table", missing)
        units = pd.DataFrame({"doc_id": data["doc_id"].to_numpy(), "unit": data[unit].astype(str).to_numpy()})
        groups = data.drop_duplicates("doc_id").set_index("doc_id")[by]
    else:
        units = token_units(data, unit, exclude_upos=exclude_upos)
        groups = doc_groups(data, by)
    mat, names, vocab = group_unit_matrix(units, groups)
    if mat.size == 0 or len(names) < 2:
        return pd.DataFrame(columns=KEYNESS_COLUMNS)
    total = mat.sum(axis=0)
    keep = total >= min_count
    mat, vocab, total = mat[:, keep], np.asarray(vocab, dtype=object)[keep], total[keep]
    if isinstance(prior, pd.Series):
        alpha = prior.reindex(vocab).fillna(0).to_numpy(dtype=float) + 0.01
    elif prior == "uniform":
        alpha = np.full(len(vocab), 0.01)
    else:
        n = total.sum()
        alpha = total * ((alpha0 if alpha0 is not None else min(n, 1000.0)) / n)
    pairs = [(i, None) for i in range(len(names))]
    if pairwise:
        pairs += [(i, j) for i in range(len(names)) for j in range(len(names)) if i != j]
    frames = []
    for i, j in pairs:
        y_i = mat[i]
        y_j = total - y_i if j is None else mat[j]
        if j is not None:
            present = (y_i + y_j) > 0
        else:
            present = np.ones(len(vocab), dtype=bool)
        if method == "log_odds_dirichlet":
            score, z = log_odds_dirichlet(y_i, y_j, alpha)
        else:
            score = chi_square(y_i, y_j) if method == "chi2" else log_likelihood(y_i, y_j)
            over = y_i / max(y_i.sum(), 1) - y_j / max(y_j.sum(), 1)
            z = np.sign(over) * np.sqrt(np.maximum(score, 0))
        p = 2 * stats.norm.sf(np.abs(z))
        frames.append(pd.DataFrame({
            "group": names[i], "reference": "rest" if j is None else names[j], "term": vocab[present],
            "count": y_i[present], "count_reference": y_j[present],
            "per_1000": 1000 * y_i[present] / max(y_i.sum(), 1),
            "per_1000_reference": 1000 * y_j[present] / max(y_j.sum(), 1),
            "score": score[present], "z": z[present], "p_value": p[present],
        }))
    out = pd.concat(frames, ignore_index=True)
    out["count"] = out["count"].astype(int)
    out["count_reference"] = out["count_reference"].astype(int)
    return out.sort_values(["group", "reference", "z"], ascending=[True, True, False],
                           kind="mergesort").reset_index(drop=True)[KEYNESS_COLUMNS]
