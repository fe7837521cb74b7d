"""Judging topics: FREX, exclusivity, semantic coherence, NPMI coherence, label words.

All functions take the topic-word matrix ``beta`` (K × V, rows sum to one) and,
where word co-occurrence is needed, the document-term counts the model was
fitted on.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from scipy.stats import rankdata


def frex(beta: np.ndarray, w: float = 0.5) -> np.ndarray:
    """FREX of every word in every topic (K × V): the weighted harmonic mean of frequency and exclusivity ranks.

    Exclusivity of word ``v`` in topic ``k`` is ``β_kv / Σ_j β_jv``; both scores
    are turned into within-topic empirical CDF values (rank / V) and combined as
    ``1 / (w / excl + (1 - w) / freq)`` (Bischof & Airoldi 2012; Roberts et
    al. 2019).  stm's ``labelTopics`` also shrinks exclusivity toward uniform
    (a James–Stein estimator); this function does not.

    References
    ----------
    Bischof, J., & Airoldi, E. M. (2012). Summarizing topical content with word
    frequency and exclusivity. *ICML*, 201–208.
    """
    excl = beta / beta.sum(axis=0, keepdims=True)
    v = beta.shape[1]
    ex = rankdata(excl, axis=1) / v
    fr = rankdata(beta, axis=1) / v
    return 1.0 / (w / ex + (1 - w) / fr)


def exclusivity(beta: np.ndarray, *, n: int = 10, w: float = 0.7) -> np.ndarray:
    """Per topic, the sum of FREX (weight ``w`` on exclusivity) over its ``n`` most probable words (stm's ``exclusivity``).

    References
    ----------
    Roberts, M. E., Stewart, B. M., & Tingley, D. (2019). stm: An R package for
    structural topic models. *Journal of Statistical Software* 91(2).
    """
    fx = frex(beta, w=w)
    top = np.argsort(-beta, axis=1, kind="stable")[:, :n]
    return np.take_along_axis(fx, top, axis=1).sum(axis=1)


def top_words(beta: np.ndarray, n: int) -> np.ndarray:
    """Indices of each topic's ``n`` most probable words (K × n), ties broken by column order."""
    return np.argsort(-beta, axis=1, kind="stable")[:, :n]


def semantic_coherence(beta: np.ndarray, counts, *, n: int = 10) -> np.ndarray:
    """Per topic, Mimno et al.'s (2011) coherence of its ``n`` most probable words, as stm computes it.

    ``Σ log((D(v_m, v_l) + 0.01) / (D(v_l) + 0.01))`` over pairs of top words,
    ``D`` counting documents; the pairs and the order within a pair follow
    stm's ``semCoh1beta`` (the word listed first among all topics' top words is
    the conditioning word).

    References
    ----------
    Mimno, D., Wallach, H. M., Talley, E., Leenders, M., & McCallum, A. (2011).
    Optimizing semantic coherence in topic models. *EMNLP*, 262–272.
    """
    top = top_words(beta, n)
    # the order in which stm lists the distinct top words: topic by topic, rank by rank
    _, first = np.unique(top.ravel(), return_index=True)
    wordlist = top.ravel()[np.sort(first)]
    pos = {w: i for i, w in enumerate(wordlist)}
    binary = sp.csr_matrix(counts)[:, wordlist]
    binary.data = np.minimum(binary.data, 1)
    cross = (binary.T @ binary).toarray()
    out = np.empty(len(top))
    for k, words in enumerate(top):
        idx = np.array([pos[w] for w in words])
        m, l = np.meshgrid(idx, idx, indexing="ij")
        sel = m > l
        out[k] = np.sum(np.log(0.01 + cross[m[sel], l[sel]]) - np.log(0.01 + cross[l[sel], l[sel]]))
    return out


def npmi_coherence(beta: np.ndarray, counts, vocabulary, *, n: int = 10) -> float:
    """gensim's ``c_npmi`` coherence of the topics' ``n`` top words, documents as the windows.

    The counts carry no word order, so each document is one window (gensim's
    ``window_size`` set to the longest document); gensim's default is a sliding
    window of 10 tokens over the running text.

    References
    ----------
    Röder, M., Both, A., & Hinneburg, A. (2015). Exploring the space of topic
    coherence measures. *WSDM*, 399–408.
    Bouma, G. (2009). Normalized (pointwise) mutual information in collocation
    extraction. *GSCL*, 31–40.
    """
    from gensim.corpora import Dictionary
    from gensim.models import CoherenceModel

    m = sp.csr_matrix(counts)
    vocab = np.asarray(vocabulary, dtype=object)
    texts = [[str(w) for w in np.repeat(vocab[m.indices[m.indptr[d]:m.indptr[d + 1]]],
                                        m.data[m.indptr[d]:m.indptr[d + 1]].astype(int))]
             for d in range(m.shape[0])]
    texts = [t for t in texts if t]
    dictionary = Dictionary(texts)
    topics = [[str(vocab[i]) for i in row] for row in top_words(beta, n)]
    longest = max(len(t) for t in texts)
    cm = CoherenceModel(topics=topics, texts=texts, dictionary=dictionary, coherence="c_npmi",
                        topn=n, window_size=max(longest, 2), processes=1)
    return float(cm.get_coherence())


def label_words(beta: np.ndarray, term_counts: np.ndarray, *, n: int = 7, frexweight: float = 0.5) -> dict:
    """Indices of each topic's label words by probability, FREX, lift and score (stm's ``labelTopics``).

    * prob: highest ``β``;
    * frex: highest :func:`frex` with ``frexweight`` on exclusivity;
    * lift: highest ``β_kv / p(v)``, ``p`` the word's share of the corpus (Taddy 2012);
    * score: highest ``β_kv (log β_kv - mean_j log β_jv)`` (Chang's ``lda`` package).

    Returns a dict of K × n index arrays.
    """
    logb = np.log(beta)
    emp = np.log(np.maximum(term_counts, 1e-12) / term_counts.sum())
    score = beta * (logb - logb.mean(axis=0, keepdims=True))
    order = lambda a: np.argsort(-a, axis=1, kind="stable")[:, :n]  # noqa: E731
    return {"prob": order(beta), "frex": order(frex(beta, frexweight)), "lift": order(logb - emp),
            "score": order(score)}
