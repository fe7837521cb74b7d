"""Choosing the number of topics: stm's ``searchK`` diagnostics per K."""

from __future__ import annotations

import time as _time

import numpy as np
import pandas as pd

from .._options import InstanceOf, Interval, NoneOk, OneOf, check
from ..features import Features
from .heldout import eval_heldout, make_heldout
from .model import TopicModel, _as_features
from .quality import exclusivity, npmi_coherence, semantic_coherence

__all__ = ["search_k"]

_OPTIONS = {
    "ks": InstanceOf(list, tuple, range, np.ndarray),
    "method": OneOf("stm", "lda", "nmf"),
    "seed": Interval(0, None, integer=True),
    "prevalence": [NoneOk(), InstanceOf(str, list, tuple)],
    "doc_share": Interval(0, 1, closed="right"),
    "token_share": Interval(0, 1, closed="neither"),
    "max_iter": [NoneOk(), Interval(1, None, integer=True)],
    "n_words": Interval(2, None, integer=True),
    "npmi": InstanceOf(bool),
    "progress": InstanceOf(bool),
}


def search_k(X, ks=(10, 20, 30), *, method: str = "stm", seed: int = 0, prevalence=None, doc_share: float = 0.1,
             token_share: float = 0.1, max_iter: int | None = None, n_words: int = 10, npmi: bool = True,
             progress: bool = False) -> pd.DataFrame:
    """Held-out likelihood, semantic coherence, exclusivity and NPMI coherence per number of topics.

    One document-completion split (stm's ``make.heldout``: ``token_share`` of
    the tokens of ``doc_share`` of the documents removed, seeded) is made; for
    each K a :class:`TopicModel` is fitted on what remains and scored:

    * ``heldout``: mean log-probability of a removed token per document,
      averaged over documents (stm's ``eval.heldout``); higher is better;
    * ``semantic_coherence``: mean over topics of Mimno et al.'s (2011)
      coherence of the top ``n_words`` (stm's ``semanticCoherence``);
    * ``exclusivity``: mean over topics of stm's ``exclusivity`` (FREX of the top words);
    * ``c_npmi``: gensim's ``CoherenceModel`` NPMI coherence (documents as windows);
    * ``cpu_seconds``, ``seconds``: CPU and wall time of the fit.

    Parameters
    ----------
    X : framing.Features
        Word counts and documents.
    ks : sequence of int
        The numbers of topics to try.
    method : {"stm", "lda", "nmf"}
        The model (see :class:`TopicModel`).
    seed : int
        Seed of the split and of the models.
    prevalence : str or list of str, optional
        stm prevalence covariates.
    doc_share, token_share : float
        The split (stm's ``searchK`` removes half the tokens, ``proportion = 0.5``;
        the figures of framing's benchmarks use 0.1).
    max_iter : int, optional
        Passed to :class:`TopicModel`.
    n_words : int
        Top words per topic for the coherence and exclusivity scores.
    npmi : bool
        Compute ``c_npmi`` (gensim; a few seconds per K).
    progress : bool
        Show a progress bar over the Ks.

    Returns
    -------
    pandas.DataFrame
        One row per K: ``K``, ``method``, ``heldout``, ``semantic_coherence``,
        ``exclusivity``, ``c_npmi``, ``cpu_seconds``, ``seconds``, ``n_iter``.

    References
    ----------
    Roberts, M. E., Stewart, B. M., & Tingley, D. (2019). stm: An R package for
    structural topic models. *Journal of Statistical Software* 91(2) (``searchK``).
    Wallach, H. M., Murray, I., Salakhutdinov, R., & Mimno, D. (2009). Evaluation
    methods for topic models. *ICML*.
    Mimno, D., Wallach, H. M., Talley, E., Leenders, M., & McCallum, A. (2011).
    Optimizing semantic coherence in topic models. *EMNLP*.

    Examples
    --------
    >>> import numpy as np, pandas as pd, scipy.sparse as sp
    >>> from framing import Features, search_k
    >>> rng = np.random.default_rng(0)
    >>> p = np.r_[np.full(10, 0.09), np.full(10, 0.01)]
    >>> m = np.array([rng.multinomial(20, p if d % 2 else p[::-1]) for d in range(80)])
    >>> X = Features(sp.csr_matrix(m), [f"w{i}" for i in range(20)],
    ...              pd.DataFrame({"doc_id": [str(d) for d in range(80)]}))
    >>> table = search_k(X, ks=[2, 3], method="nmf", npmi=False)
    >>> table[["K", "method"]].to_dict("list")
    {'K': [2, 3], 'method': ['nmf', 'nmf']}
    """
    check("search_k", _OPTIONS, ks=ks, method=method, seed=seed, prevalence=prevalence, doc_share=doc_share,
          token_share=token_share, max_iter=max_iter, n_words=n_words, npmi=npmi, progress=progress)
    X = _as_features(X)
    split = make_heldout(X.matrix, doc_share=doc_share, token_share=token_share, seed=seed)
    train = Features(split.train, X.vocabulary[split.terms], X.docs)
    from .._progress import progress_bar

    rows = []
    for k in progress_bar(list(ks), enabled=progress, desc="search_k", unit="K"):
        model = TopicModel(int(k), method=method, prevalence=prevalence, seed=seed, max_iter=max_iter)
        c0, t0 = _time.process_time(), _time.perf_counter()
        model.fit(train)
        cpu, wall = _time.process_time() - c0, _time.perf_counter() - t0
        beta = model.topic_word_.to_numpy()
        theta = model.doc_topics_.to_numpy()
        rows.append({
            "K": int(k), "method": method,
            "heldout": eval_heldout(theta, beta, split),
            "semantic_coherence": float(np.mean(semantic_coherence(beta, split.train, n=n_words))),
            "exclusivity": float(np.mean(exclusivity(beta, n=n_words))),
            "c_npmi": npmi_coherence(beta, split.train, train.vocabulary, n=n_words) if npmi else np.nan,
            "cpu_seconds": cpu, "seconds": wall, "n_iter": int(model.n_iter_),
        })
    return pd.DataFrame(rows)
