"""Held-out likelihood by document completion, stm's protocol.

:func:`make_heldout` removes a share of the tokens of a share of the documents
(stm's ``make.heldout``): the model is fitted on what remains, and
:func:`eval_heldout` scores the removed tokens with the fitted topic
proportions of their document and the topic-word distributions (stm's
``eval.heldout``): the mean log-probability of a removed token, per document,
averaged over documents.  Terms that occur only among the removed tokens leave
the vocabulary, as in stm.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp


@dataclass
class HeldOut:
    """A document-completion split.

    Attributes
    ----------
    train : scipy.sparse.csr_matrix, shape (n_docs, n_kept_terms)
        The counts to fit on (all documents, their removed tokens taken out).
    missing : scipy.sparse.csr_matrix, shape (n_docs, n_kept_terms)
        The removed tokens (zero rows for documents not in ``index``).
    index : ndarray of int
        The documents that lost tokens (and kept at least one scored token).
    terms : ndarray of int
        The columns of the original matrix kept in ``train`` and ``missing``.
    """

    train: sp.csr_matrix
    missing: sp.csr_matrix
    index: np.ndarray
    terms: np.ndarray


def make_heldout(counts, *, doc_share: float = 0.1, token_share: float = 0.1, seed: int = 0) -> HeldOut:
    """Remove ``token_share`` of the tokens of ``doc_share`` of the documents (stm's ``make.heldout``).

    Parameters
    ----------
    counts : scipy.sparse matrix, shape (n_docs, n_terms)
        Integer word counts.
    doc_share : float
        Share of the documents that lose tokens (``floor(doc_share * n_docs)`` documents).
    token_share : float
        Share of a chosen document's tokens removed (at least one); documents with
        fewer than two distinct terms are left whole, as in stm.
    seed : int
        Seed of the random choices; the same seed gives the same split.

    Returns
    -------
    HeldOut

    References
    ----------
    Roberts, M. E., Stewart, B. M., & Tingley, D. (2019). stm: An R package for
    structural topic models. *Journal of Statistical Software* 91(2) (``make.heldout``).
    Wallach, H. M., Murray, I., Salakhutdinov, R., & Mimno, D. (2009). Evaluation
    methods for topic models. *ICML* (document completion).

    Examples
    --------
    >>> import scipy.sparse as sp
    >>> from framing.topics.heldout import make_heldout
    >>> X = sp.csr_matrix([[3, 1, 0, 2]] * 20)
    >>> split = make_heldout(X, doc_share=0.5, token_share=0.5, seed=1)
    >>> len(split.index), int(split.missing.sum()), int(split.train.sum() + split.missing.sum())
    (10, 30, 120)
    """
    m = sp.csr_matrix(counts)
    m.sum_duplicates()
    n = m.shape[0]
    rng = np.random.default_rng(seed)
    chosen = np.sort(rng.choice(n, size=int(np.floor(doc_share * n)), replace=False))
    train = m.tolil(copy=True)
    miss_rows, miss_cols, miss_vals = [], [], []
    for d in chosen:
        lo, hi = m.indptr[d], m.indptr[d + 1]
        cols, vals = m.indices[lo:hi], m.data[lo:hi].astype(int)
        if len(cols) < 2:
            continue
        tokens = np.repeat(cols, vals)
        nsamp = max(1, int(np.floor(token_share * len(tokens))))
        out = rng.choice(len(tokens), size=nsamp, replace=False)
        taken_cols, taken_counts = np.unique(tokens[out], return_counts=True)
        for c, k in zip(taken_cols, taken_counts):
            train[d, c] = train[d, c] - k
        miss_rows += [d] * len(taken_cols)
        miss_cols += taken_cols.tolist()
        miss_vals += taken_counts.tolist()
    train = sp.csr_matrix(train)
    train.eliminate_zeros()
    missing = sp.csr_matrix((miss_vals, (miss_rows, miss_cols)), shape=m.shape)
    terms = np.flatnonzero(np.asarray(train.sum(axis=0)).ravel() > 0)
    train, missing = train[:, terms], missing[:, terms]
    missing.eliminate_zeros()
    index = np.flatnonzero(np.diff(missing.indptr) > 0)
    return HeldOut(train, missing, index, terms)


def eval_heldout(theta: np.ndarray, beta: np.ndarray, split: HeldOut) -> float:
    """Mean over the documents of ``split.index`` of the mean log-probability of their removed tokens.

    Parameters
    ----------
    theta : ndarray, shape (n_docs, K)
        Topic proportions fitted on ``split.train``.
    beta : ndarray, shape (K, n_kept_terms)
        Topic-word distributions fitted on ``split.train``.
    split : HeldOut

    Returns
    -------
    float
        stm's ``expected.heldout``.
    """
    miss = split.missing
    per_doc = []
    for d in split.index:
        lo, hi = miss.indptr[d], miss.indptr[d + 1]
        cols, vals = miss.indices[lo:hi], miss.data[lo:hi]
        probs = theta[d] @ beta[:, cols]
        per_doc.append(np.sum(vals * np.log(probs)) / vals.sum())
    return float(np.mean(per_doc))
