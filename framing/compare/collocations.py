"""Collocations per group, built on nltk's association measures.

Lemma bigrams within sentences are scored per group (outlet) with the measures
of :class:`nltk.metrics.BigramAssocMeasures`: log-likelihood ratio (Dunning
1993), pointwise mutual information (Church & Hanks 1990), Student's t, χ²
(Manning & Schütze 1999, ch. 5), Dice and Jaccard.
"""

from __future__ import annotations

import pandas as pd

from .._options import Interval, OneOf, check
from ._counts import DEFAULT_EXCLUDE_UPOS, doc_groups

COLLOCATION_COLUMNS = ["group", "w1", "w2", "freq", "score"]

_MEASURES = {"llr": "likelihood_ratio", "pmi": "pmi", "t": "student_t", "chi2": "chi_sq",
             "dice": "dice", "jaccard": "jaccard"}
_SPEC = {"measure": OneOf(*_MEASURES), "min_freq": Interval(1, None, integer=True),
         "window": Interval(2, None, integer=True), "top": [Interval(1, None, integer=True), OneOf(None)]}


def collocations(ann, *, by: str = "outlet", measure: str = "llr", node: str | None = None,
                 window: int = 2, min_freq: int = 2, top: int | None = 50,
                 exclude_upos=DEFAULT_EXCLUDE_UPOS) -> pd.DataFrame:
    """Word pairs that occur together more than chance, per group.

    Parameters
    ----------
    ann : Annotated
    by : str
        Document column defining the groups.
    measure : {"llr", "pmi", "t", "chi2", "dice", "jaccard"}
        nltk association measure.
    node : str, optional
        Keep only pairs containing this lemma (collocates of a node word).
    window : int
        Words apart at most (2 = adjacent), within a sentence.
    min_freq : int
        Minimum pair frequency in the group.
    top : int or None
        Best pairs kept per group.

    Returns
    -------
    pandas.DataFrame
        Columns ``group``, ``w1``, ``w2``, ``freq``, ``score``, best first per group.

    References
    ----------
    Dunning, T. (1993). Accurate methods for the statistics of surprise and coincidence.
    Church, K. W., & Hanks, P. (1990). Word association norms, mutual information,
    and lexicography. *Computational Linguistics* 16(1).
    Manning, C. D., & Schütze, H. (1999). *Foundations of Statistical NLP*, ch. 5.
    Bird, S., Klein, E., & Loper, E. (2009). *Natural Language Processing with Python* (nltk).

    Examples
    --------
    The strongest pairs of each language of the demo corpus, then the
    collocates of "режим" (regime) per outlet:

    >>> import framing
    >>> ann = framing.annotate(framing.load_demo(), progress=False)
    >>> framing.collocations(ann, by="lang", top=2).round(1)
      group           w1        w2  freq  score
    0    en    spokesman    dmitry     9  123.6
    1    en       dmitry    peskov     9  117.1
    2    ru      дмитрий    песков    40  484.1
    3    ru        мария  захарова    34  465.1
    4    uk          так    званий     9  115.7
    5    uk  закордонний    справа     8  104.7
    >>> framing.collocations(ann, node="режим", top=1)[["group", "w1", "w2", "freq"]]
                    group        w1        w2  freq
    0       kyiv_vesti_ru     режим       ким     2
    1  pervy_kanal_online  киевский     режим    10
    2      svobodny_golos     режим  холодный     2
    3      vestnik_agency  киевский     режим    12
    """
    check("collocations", _SPEC, measure=measure, min_freq=min_freq, window=window, top=top)
    from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder

    t = ann.tokens
    t = t[~t["upos"].isin(list(exclude_upos))]
    groups = doc_groups(ann, by)
    t = t.assign(_g=t["doc_id"].map(groups), _l=t["lemma"].astype(str).str.lower())
    score_fn = getattr(BigramAssocMeasures, _MEASURES[measure])
    node_l = node.lower() if node else None
    frames = []
    for g, sub in t.groupby("_g", sort=True):
        sents = sub.groupby(["doc_id", "sent_id"], sort=False)["_l"].agg(list).tolist()
        finder = BigramCollocationFinder.from_documents(sents) if window == 2 else \
            _windowed(BigramCollocationFinder, sents, window)
        finder.apply_freq_filter(min_freq)
        if node_l:
            finder.apply_ngram_filter(lambda a, b: node_l not in (a, b))
        scored = finder.score_ngrams(score_fn)
        if top:
            scored = scored[:top]
        if not scored:  # an empty frame would turn the int column freq into float in the concat
            continue
        frames.append(pd.DataFrame({"group": g, "w1": [a for (a, _), _ in scored],
                                    "w2": [b for (_, b), _ in scored],
                                    "freq": [finder.ngram_fd[p] for p, _ in scored],
                                    "score": [s for _, s in scored]}))
    if not frames:
        return pd.DataFrame(columns=COLLOCATION_COLUMNS)
    return pd.concat(frames, ignore_index=True)[COLLOCATION_COLUMNS]


def _windowed(finder_cls, sents, window):
    # from_words over one sentence at a time would lose the totals; join sentences
    # with a boundary token that never forms a kept pair
    words = []
    for s in sents:
        words += s + ["\x00"] * (window - 1)
    f = finder_cls.from_words(words, window_size=window)
    f.apply_word_filter(lambda w: w == "\x00")
    return f
