"""Spectral (anchor-word) initialisation of the topic-word distributions.

The method of Arora et al. (2013) as the R package stm uses it for
``init.type = "Spectral"`` (Roberts, Stewart & Tingley 2019, section 3.3):

1. the word co-occurrence matrix ``Q`` of documents with two or more tokens,
   each document weighted by ``1 / (n_d (n_d - 1))`` with the diagonal
   corrected for a word co-occurring with itself, then each row normalised to
   sum to one (``Qbar``, the conditional distribution of the second word given
   the first);
2. ``K`` anchor words chosen greedily: the row of ``Qbar`` farthest from the
   span of the rows already chosen (a stabilised Gram–Schmidt);
3. each word's row written as a convex combination of the anchor rows
   (RecoverL2, solved by exponentiated gradient for all words at once), turned
   into ``p(topic | word)`` and, with the word frequencies, by Bayes' rule into
   ``p(word | topic)``.

The result is deterministic: no random numbers are drawn.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp


def cooccurrence(counts: sp.csr_matrix) -> np.ndarray:
    """The word co-occurrence matrix ``Q`` (dense, n_terms × n_terms) of Arora et al. (2013)."""
    nd = np.asarray(counts.sum(axis=1)).ravel()
    keep = nd >= 2
    mat = counts[keep].astype(float)
    nd = nd[keep]
    divisor = nd * (nd - 1)
    scaled = sp.diags(1.0 / np.sqrt(divisor)) @ mat
    q = (scaled.T @ scaled).toarray()
    q[np.diag_indices_from(q)] -= np.asarray((sp.diags(1.0 / divisor) @ mat).sum(axis=0)).ravel()
    return q


def find_anchors(qbar: np.ndarray, k: int, candidates: np.ndarray | None = None) -> np.ndarray:
    """Greedy anchor rows: each the row with the largest residual after projecting out those chosen.

    The residual norms are updated from inner products with an orthonormal
    basis of the chosen rows, which gives the same choices as subtracting the
    projections from every row (stm's ``fastAnchor``) without rewriting the
    matrix.
    """
    norms = np.einsum("ij,ij->i", qbar, qbar)
    if candidates is not None:
        norms = np.where(candidates, norms, -np.inf)
    basis = []
    chosen = []
    for _ in range(k):
        cand = norms.copy()
        cand[chosen] = -np.inf
        i = int(np.argmax(cand))
        chosen.append(i)
        v = qbar[i].copy()
        for u in basis:                       # Gram–Schmidt, twice for stability
            v -= (v @ u) * u
        for u in basis:
            v -= (v @ u) * u
        nv = np.linalg.norm(v)
        if nv <= 0:
            break
        u = v / nv
        basis.append(u)
        ip = qbar @ u
        norms = norms - ip ** 2
    return np.asarray(chosen)


def _exponentiated_gradient(ytx: np.ndarray, xtx: np.ndarray, *, tol: float = 1e-7,
                            max_iter: int = 500, step: float = 50.0) -> np.ndarray:
    """Minimise ``||y - a X||²`` over the simplex for every row ``y`` at once (Arora et al. 2013, alg. 3)."""
    n, k = ytx.shape
    alpha = np.full((n, k), 1.0 / k)
    sse_old = np.full(n, np.inf)
    active = np.arange(n)
    for _ in range(max_iter):
        a = alpha[active]
        grad = ytx[active] - a @ xtx
        sse = np.einsum("ij,ij->i", grad, grad)
        grad = 2 * step * grad
        grad -= grad.max(axis=1, keepdims=True)
        a = a * np.exp(grad)
        a /= a.sum(axis=1, keepdims=True)
        alpha[active] = a
        done = np.abs(np.sqrt(sse_old[active]) - np.sqrt(sse)) < tol
        sse_old[active] = sse
        active = active[~done]
        if not len(active):
            break
    return alpha


def spectral_beta(counts: sp.csr_matrix, k: int, *, min_anchor_docs: int = 10) -> tuple[np.ndarray, np.ndarray]:
    """Initial topic-word distributions by anchor words.

    Parameters
    ----------
    counts : scipy.sparse.csr_matrix, shape (n_docs, n_terms)
        Word counts.
    k : int
        Number of topics (smaller than the number of terms).
    min_anchor_docs : int
        Only words in at least this many documents can be anchors (Arora et al.
        2013, section 5, restrict anchor candidates the same way; stm does not):
        a word seen once has a co-occurrence row of pure noise, which sits far
        from every other row and would be chosen first.  When fewer than ``k``
        words qualify, all words are candidates.

    Returns
    -------
    beta : ndarray, shape (k, n_terms)
        Rows sum to one, every entry positive.
    anchors : ndarray of int, shape (k,)
        Column index of each topic's anchor word.

    References
    ----------
    Arora, S., Ge, R., Halpern, Y., Mimno, D., Moitra, A., Sontag, D., Wu, Y.,
    & Zhu, M. (2013). A practical algorithm for topic modeling with provable
    guarantees. *ICML*, 280–288.
    Roberts, M. E., Stewart, B. M., & Tingley, D. (2019). stm: An R package for
    structural topic models. *Journal of Statistical Software* 91(2).
    """
    v = counts.shape[1]
    wprob = np.asarray(counts.sum(axis=0)).ravel().astype(float)
    wprob /= wprob.sum()
    q = cooccurrence(counts)
    rowsums = q.sum(axis=1)
    keep = np.flatnonzero(rowsums > 0)
    if len(keep) < v:
        q = q[np.ix_(keep, keep)]
        rowsums = rowsums[keep]
    q /= rowsums[:, None]
    df = np.asarray((counts[:, keep] > 0).sum(axis=0)).ravel()
    candidates = df >= min_anchor_docs
    anchors_local = find_anchors(q, k, candidates if candidates.sum() >= k else None)
    x = q[anchors_local]
    xtx = x @ x.T
    ytx = q @ x.T
    weights = _exponentiated_gradient(ytx, xtx)
    weights[anchors_local] = np.eye(len(anchors_local))
    weights[weights <= 0] = np.finfo(float).eps
    a = weights * wprob[keep][:, None]
    a = (a / a.sum(axis=0, keepdims=True)).T
    beta = np.zeros((len(anchors_local), v))
    beta[:, keep] = a
    if len(keep) < v:   # words without co-occurrences get a trace of mass, as stm does
        beta += 0.001 / v
        beta /= beta.sum(axis=1, keepdims=True)
    return beta, keep[anchors_local]
