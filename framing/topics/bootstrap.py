"""Bootstrap replicates of a structural topic model, for intervals that carry the error of the topics.

stm's ``estimateEffect`` (and :meth:`framing.TopicModel.prevalence` without
replicates) draws the documents' topic proportions given the fitted global
parameters: the topic-word distributions ``β``, the prior mean coefficients
``Γ`` and the covariance ``Σ``.  Their own estimation error is left out, and
where a topic is recovered badly (a rare topic without an anchor word) the
intervals are far too narrow for the error of the estimate.

Here the global parameters get an approximate sampling distribution from the
nonparametric bootstrap (Efron 1979) of the documents: the model is refitted
(its own spectral initialisation and EM) on ``n`` resamples of the documents
drawn with replacement, each replicate's topics are matched to those of the
fit on all documents by the Hungarian assignment on the L1 distance of their
word distributions (as topics of different runs are aligned by Roberts,
Stewart & Tingley 2016, and by Greene, O'Callaghan & Cunningham 2014), and
every original document's posterior is found anew under each replicate's
``β``, ``Γ`` and ``Σ`` (one E-step).  The method of composition then pools
draws over the replicates: the spread between them carries the error of the
global parameters, the spread within each the documents' posterior and the
regression's sampling error.

References
----------
Efron, B. (1979). Bootstrap methods: another look at the jackknife. *Annals of
Statistics* 7(1), 1–26.
Roberts, M. E., Stewart, B. M., & Tingley, D. (2016). Navigating the local
modes of big data: the case of topic models. In *Computational Social Science:
Discovery and Prediction*, Cambridge University Press, 51–97.
Greene, D., O'Callaghan, D., & Cunningham, P. (2014). How many topics?
Stability analysis for topic models. *ECML PKDD*, 498–513.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from scipy.optimize import linear_sum_assignment

from .._progress import progress_bar


def match_topics(beta_ref: np.ndarray, beta_other: np.ndarray) -> np.ndarray:
    """For each topic of ``beta_ref``, the topic of ``beta_other`` closest in L1 distance (Hungarian; 0-based)."""
    cost = np.abs(beta_ref[:, None, :] - beta_other[None, :, :]).sum(axis=2)
    rows, cols = linear_sum_assignment(cost)
    return cols[np.argsort(rows)]


def bootstrap_replicates(counts: sp.csr_matrix, design: np.ndarray | None, beta_ref: np.ndarray, *, n: int,
                         seed: int, max_iter: int, tol: float, progress: bool = False) -> dict:
    """Refit the structural topic model on ``n`` bootstrap resamples of the documents.

    Parameters
    ----------
    counts : scipy.sparse.csr_matrix
        Word counts of the documents with at least one counted term.
    design : ndarray or None
        Their prevalence design (rows as ``counts``); the replicates use the
        same columns, so that their ``Γ`` apply to the original documents.
    beta_ref : ndarray, shape (K, V)
        The topics of the fit on all documents, to which each replicate's topics are matched.
    n, seed, max_iter, tol :
        Replicates, seed of the resampling, EM options of every refit.

    Returns
    -------
    dict of arrays
        ``boot_lambda`` (n × D × K-1): the original documents' posterior modes
        under each replicate; ``boot_sigma`` (n × K-1 × K-1); ``boot_gamma``
        (n × p × K-1; p = 1, the mean, without a design); ``boot_perm``
        (n × K): for each topic of the reference fit, the replicate's topic
        matched to it; ``boot_l1`` (n × K): the L1 distance of that match.
    """
    from .spectral import spectral_beta
    from .stm import DocLayout, estep, fit_stm

    d, k = counts.shape[0], beta_ref.shape[0]
    rng = np.random.default_rng(seed)
    layout = DocLayout.of(counts)
    out = {name: [] for name in ("boot_lambda", "boot_sigma", "boot_gamma", "boot_perm", "boot_l1")}
    for _ in progress_bar(range(n), enabled=progress, desc="bootstrap refits", unit="fit"):
        idx = np.sort(rng.integers(0, d, size=d))
        sub = counts[idx]
        xb = None if design is None else design[idx]
        beta0, _anchors = spectral_beta(sub, k)
        if beta0.shape[0] < k:      # too few distinct anchors in this resample: start from the reference topics
            beta0 = beta_ref
        res = fit_stm(DocLayout.of(sub), xb, beta0, max_iter=max_iter, tol=tol)
        gamma = res["gamma"] if res["gamma"] is not None else res["mu"][:1].copy()
        mu = (design @ gamma) if design is not None else np.broadcast_to(gamma[0], (d, k - 1)).copy()
        post = estep(mu, mu, res["sigma"], res["beta"], layout)
        perm = match_topics(beta_ref, res["beta"])
        out["boot_lambda"].append(post["lambda"])
        out["boot_sigma"].append(res["sigma"])
        out["boot_gamma"].append(gamma)
        out["boot_perm"].append(perm)
        out["boot_l1"].append(np.abs(beta_ref - res["beta"][perm]).sum(axis=1))
    return {name: np.stack(v) for name, v in out.items()}
