"""Scores for evaluating groupings against gold labels (benchmarks and tests)."""

from __future__ import annotations

import numpy as np
import pandas as pd


def bcubed(gold, pred) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering (Bagga & Baldwin 1998).

    For each item, precision is the share of its predicted cluster that shares its
    gold label, recall the share of its gold cluster that shares its predicted
    cluster; both are averaged over items.

    References
    ----------
    Bagga, A., & Baldwin, B. (1998). Algorithms for scoring coreference chains.
    *LREC Workshop on Linguistic Coreference*.
    Amigó, E., Gonzalo, J., Artiles, J., & Verdejo, F. (2009). A comparison of
    extrinsic clustering evaluation metrics. *Information Retrieval* 12(4).
    """
    g = pd.Series(np.asarray(gold, dtype=object))
    p = pd.Series(np.asarray(pred, dtype=object))
    if len(g) == 0:
        return float("nan"), float("nan"), float("nan")
    joint = pd.crosstab(g, p)                    # gold × pred overlap counts
    overlap = joint.to_numpy(dtype=float)
    gsize = overlap.sum(axis=1, keepdims=True)
    psize = overlap.sum(axis=0, keepdims=True)
    # each item in cell (i, j) has precision n_ij / |pred_j| and recall n_ij / |gold_i|
    precision = float((overlap * overlap / psize).sum() / len(g))
    recall = float((overlap * overlap / gsize).sum() / len(g))
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def pairwise_scores(gold, pred) -> tuple[float, float, float]:
    """Pairwise precision, recall and F1: pairs placed together vs pairs that belong together."""
    g = pd.Series(np.asarray(gold, dtype=object))
    p = pd.Series(np.asarray(pred, dtype=object))
    pairs = lambda s: float((s * (s - 1) / 2).sum())  # noqa: E731
    together_both = pairs(pd.crosstab(g, p).to_numpy().ravel())
    together_pred = pairs(p.value_counts().to_numpy())
    together_gold = pairs(g.value_counts().to_numpy())
    precision = together_both / together_pred if together_pred else float("nan")
    recall = together_both / together_gold if together_gold else float("nan")
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
