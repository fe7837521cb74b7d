"""Collocations per group, built on nltk's association measures.

Lemma bigrams within sentences are scored per group (outlet) with the measures
of :class:`nltk.metrics.BigramAssocMeasures`: log-likelihood ratio (Dunning
1993), pointwise mutual information (Church & Hanks 1990), Student's t, χ²
(Manning & Schütze 1999, ch. 5), Dice and Jaccard.
"""

from __future__ import annotations

import pandas as pd

from .._options import Interval, OneOf, check
from .._tokencounts import count_tokens
from ..features import Features
from ._counts import DEFAULT_EXCLUDE_UPOS, doc_groups

#: joins the two lemmas of a pair in the feature layer's vocabulary (a lemma may hold a space;
#: pandas cuts strings at a NUL when it factorises them, so not "\x00")
_SEP = "\x1f"

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
    from nltk.collocations import BigramAssocMeasures

    t = ann.tokens
    t = t[~t["upos"].isin(list(exclude_upos))]
    groups = doc_groups(ann, by)
    score_fn = getattr(BigramAssocMeasures, _MEASURES[measure])
    node_l = node.lower() if node else None
    frames = []
    for g, finder in (_adjacent_finders(t, groups, by) if window == 2 else _window_finders(t, groups, window)):
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


def _adjacent_finders(t: pd.DataFrame, groups: pd.Series, by: str):
    """(group, nltk finder) of adjacent pairs, from the lemma and lemma-pair counts of the documents.

    The counts nltk's ``from_documents`` gathers over the sentences (each word;
    each pair of neighbours within a sentence), read from the document-feature
    layer and summed per group.
    """
    from nltk import FreqDist
    from nltk.collocations import BigramCollocationFinder

    docs = groups.rename(by).rename_axis("doc_id").reset_index()
    counts = {unit: Features(*count_tokens(t, docs["doc_id"], unit, sep=_SEP), docs).group(by)
              for unit in ("lemma", "bigram")}
    words, pairs = counts["lemma"], counts["bigram"]
    pair_words = [tuple(p.split(_SEP)) for p in pairs.vocabulary]
    for i, g in enumerate(words.docs[by]):
        w, p = words.matrix[i], pairs.matrix[i]
        if not w.nnz:
            continue
        word_fd = FreqDist(dict(zip(words.vocabulary[w.indices], w.data.tolist())))
        pair_fd = FreqDist({pair_words[j]: n for j, n in zip(p.indices, p.data.tolist())})
        yield g, BigramCollocationFinder(word_fd, pair_fd)


def _window_finders(t: pd.DataFrame, groups: pd.Series, window: int):
    """(group, nltk finder) of pairs at most ``window`` words apart within a sentence."""
    from nltk.collocations import BigramCollocationFinder

    t = t.assign(_g=t["doc_id"].map(groups), _l=t["lemma"].astype(str).str.lower())
    for g, sub in t.groupby("_g", sort=True):
        sents = sub.groupby(["doc_id", "sent_id"], sort=False)["_l"].agg(list).tolist()
        yield g, _windowed(BigramCollocationFinder, sents, window)


def _windowed(finder_cls, sents, window):
    # from_words over one sentence at a time would lose the totals; join sentences
    # with a boundary token that never forms a kept pair
    words = []
    for s in sents:
        words += s + ["\x00"] * (window - 1)
    f = finder_cls.from_words(words, window_size=window)
    f.apply_word_filter(lambda w: w == "\x00")
    return f
