"""Embedding frame axes: FrameAxis bias and intensity per outlet (Kwak et al. 2021)."""

from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd

from .._errors import OptionError
from .._options import Interval, check

__all__ = ["frame_axes", "word2vec_vectors"]

AXIS_UPOS = ("NOUN", "ADJ", "VERB", "ADV")


def _stable_hash(s) -> int:
    # gensim seeds each word's initial vector with hashfxn(word + str(seed)); Python's
    # own hash of a string changes between processes, this one does not
    return int.from_bytes(hashlib.blake2b(str(s).encode("utf-8"), digest_size=4).digest(), "little")


def word2vec_vectors(ann, *, size: int = 100, window: int = 5, min_count: int = 3, epochs: int = 10,
                     seed: int = 0):
    """Train word vectors on the corpus's lemmas (gensim Word2Vec, one thread, seeded).

    Parameters
    ----------
    ann : Annotated
    size, window, min_count, epochs
        Word2Vec's ``vector_size``, ``window``, ``min_count`` and ``epochs``.
    seed : int
        The same seed gives the same vectors (one worker thread and a hash
        that does not depend on the process).

    Returns
    -------
    gensim.models.KeyedVectors

    References
    ----------
    Mikolov, T., Chen, K., Corrado, G., & Dean, J. (2013). Efficient estimation of
    word representations in vector space. *arXiv:1301.3781*.
    Řehůřek, R., & Sojka, P. (2010). Software framework for topic modelling with
    large corpora. *LREC 2010 Workshop on New Challenges for NLP Frameworks*.
    """
    from gensim.models import Word2Vec

    t = ann.tokens
    t = t[t["text"].astype(str).str.contains(r"[^\W\d_]", regex=True).to_numpy()]
    lem = t["lemma"].astype(str).str.lower().str.replace("ё", "е", regex=False)
    sents = lem.groupby([t["doc_id"].to_numpy(), t["sent_id"].to_numpy()], sort=False).agg(list).tolist()
    model = Word2Vec(sentences=sents, vector_size=size, window=window, min_count=min_count, epochs=epochs,
                     seed=seed, workers=1, hashfxn=_stable_hash, sg=1)
    return model.wv


def _lookup(vectors):
    """A function word -> vector or None, for navec, KeyedVectors or a Word2Vec model."""
    wv = getattr(vectors, "wv", vectors)
    if hasattr(wv, "key_to_index"):
        return lambda w: wv[w] if w in wv.key_to_index else None
    if hasattr(wv, "__contains__") and hasattr(wv, "__getitem__"):
        return lambda w: wv[w] if w in wv else None
    raise OptionError("frame_axes(): vectors must be 'navec', 'word2vec', a gensim KeyedVectors or "
                      "Word2Vec model, or a navec object.")


def _axes_table(axes) -> list:
    """[(name, [pole-a words], [pole-b words])] from a dict or a list of "a–b" strings."""
    out = []
    items = axes.items() if isinstance(axes, dict) else [(a, None) for a in axes]
    for name, poles in items:
        if poles is None:
            parts = [p.strip() for p in str(name).replace("—", "–").replace(" - ", "–").split("–")]
            if len(parts) != 2 or not all(parts):
                raise OptionError(f"frame_axes(): axis {name!r} must be two poles joined by '–' "
                                  "(e.g. 'законный–незаконный') or a dict name -> (words_a, words_b).")
            poles = ([parts[0]], [parts[1]])
        a, b = poles
        a = [a] if isinstance(a, str) else list(a)
        b = [b] if isinstance(b, str) else list(b)
        out.append((str(name), [w.lower() for w in a], [w.lower() for w in b]))
    if not out:
        raise OptionError("frame_axes(): give at least one axis.")
    return out


def _default_axes(docs, vectors) -> dict:
    """The built-in axes (``lexicons/<lang>/frame_axes.tsv``) of the languages analysed."""
    from ..lexicons import read_lexicon

    langs = sorted(set(docs["lang"].astype(str))) if "lang" in docs.columns else ["ru"]
    if isinstance(vectors, str) and vectors == "navec":
        langs = ["ru"]
    out = {}
    for lg in langs:
        if lg not in ("ru", "uk", "en"):
            continue
        tab = read_lexicon(f"{lg}/frame_axes", columns=["axis", "pole", "word"])
        for name, g in tab.groupby("axis", sort=False):
            out[name] = (g.loc[g["pole"] == "a", "word"].tolist(), g.loc[g["pole"] == "b", "word"].tolist())
    return out


def frame_axes(ann, axes="default", *, vectors="navec", by="outlet", n_boot: int = 1000, ci: float = 0.95,
               seed: int = 0) -> pd.DataFrame:
    """FrameAxis: where each outlet's vocabulary leans on antonym axes, and how strongly.

    An axis is the difference of the word vectors of its two poles
    ("законный–незаконный": v(законный) − v(незаконный), or the mean vectors of
    two word lists).  Each content word (noun, adjective, verb, adverb) gets
    its cosine with the axis; a group's **bias** is the mean cosine over its
    word tokens (positive: towards the first pole), its **intensity** the mean
    squared deviation of those cosines from the whole corpus's bias (how much
    the group uses words strongly charged on the axis, on either side).

    Significance follows Kwak et al.: the bias and intensity of ``n_boot``
    random samples of as many tokens drawn from the whole corpus give the null
    distribution; ``bias_effect`` and ``intensity_effect`` are the observed
    values minus the null means, ``p_bias`` and ``p_intensity`` two-sided
    bootstrap p-values.  ``ci_lower`` and ``ci_upper`` bound the bias by a
    bootstrap of the group's own tokens.

    Parameters
    ----------
    ann : Annotated
    axes : "default", dict or list of str
        ``"default"``: the built-in axes of each language analysed
        (``lexicons/<lang>/frame_axes.tsv``: legal–illegal, aggressor–victim,
        security–threat, each pole a few near-synonyms); ``{"name": (words_a,
        words_b)}``; or ``["законный–незаконный", …]`` (one word per pole).
    vectors : "navec", "word2vec" or a model
        ``"navec"``: the Russian news vectors that ship inside natasha (documents
        in other languages are left out and recorded); ``"word2vec"``: vectors
        trained on this corpus by :func:`word2vec_vectors` (any language); or a
        gensim ``KeyedVectors``/``Word2Vec`` or navec object.
    by : str
        Document column to group by.
    n_boot : int
        Bootstrap draws.
    ci : float
        Level of the bias interval.
    seed : int

    Returns
    -------
    pandas.DataFrame
        ``axis``, ``by``-column, ``tokens`` (word tokens with a vector),
        ``bias``, ``ci_lower``, ``ci_upper``, ``intensity``, ``bias_effect``,
        ``p_bias``, ``intensity_effect``, ``p_intensity``; ``.attrs["problems"]``
        lists pole words without a vector and documents left out.

    References
    ----------
    Kwak, H., An, J., Jing, E., & Ahn, Y.-Y. (2021). FrameAxis: Characterizing
    microframe bias and intensity with word embedding. *PeerJ Computer Science*,
    7, e644.
    An, J., Kwak, H., & Ahn, Y.-Y. (2018). SemAxis: A lightweight framework to
    characterize domain-specific word semantics beyond sentiment. *ACL 2018*.

    Examples
    --------
    >>> import framing
    >>> ann = framing.annotate(framing.load_demo(), progress=False)
    >>> fa = framing.frame_axes(ann, n_boot=200)
    >>> fa.columns[:4].tolist()
    ['axis', 'outlet', 'tokens', 'bias']
    >>> sorted(fa["axis"].unique())
    ['агрессор–жертва', 'безопасность–угроза', 'законный–незаконный']
    """
    check("frame_axes", {"n_boot": Interval(10, None, integer=True), "ci": Interval(0, 1, closed="neither"),
                         "seed": Interval(0, None, integer=True)}, n_boot=n_boot, ci=ci, seed=seed)
    docs = ann.docs
    if isinstance(axes, str) and axes == "default":
        axes = _default_axes(docs, vectors)
    axis_list = _axes_table(axes)
    if by not in docs.columns:
        raise OptionError(f"frame_axes(): by={by!r} is not a document column; the documents have {list(docs.columns)}.")
    problems = []
    t = ann.tokens
    t = t[t["upos"].isin(AXIS_UPOS).to_numpy()]
    if isinstance(vectors, str) and vectors == "navec":
        from .classifier import _navec

        model = _navec()
        langs = dict(zip(docs["doc_id"], docs["lang"].astype(str))) if "lang" in docs.columns else {}
        other = sorted(d for d, lg in langs.items() if lg != "ru")
        problems += [{"item": d, "problem": f"language {langs[d]!r}: navec vectors are Russian; "
                      "use vectors='word2vec'"} for d in other]
        t = t[~t["doc_id"].isin(other).to_numpy()]
    elif isinstance(vectors, str) and vectors == "word2vec":
        model = word2vec_vectors(ann, seed=seed)
    elif isinstance(vectors, str):
        raise OptionError(f"frame_axes(): vectors={vectors!r} is not allowed; use 'navec', 'word2vec' or a model.")
    else:
        model = vectors
    get = _lookup(model)

    lem = t["lemma"].astype(str).str.lower().str.replace("ё", "е", regex=False)
    group = t["doc_id"].map(dict(zip(docs["doc_id"], docs[by].astype(str)))).to_numpy(dtype=object)
    types, inv = np.unique(lem.to_numpy(dtype=object).astype(str), return_inverse=True)
    vecs = [get(w) for w in types]
    has = np.array([v is not None for v in vecs])
    dim = next((len(v) for v in vecs if v is not None), 0)
    M = np.zeros((len(types), dim))
    for i, v in enumerate(vecs):
        if v is not None:
            n = np.linalg.norm(v)
            M[i] = v / n if n else 0.0
    keep = has[inv]
    inv, group = inv[keep], group[keep]
    groups = sorted(set(group))
    counts = np.zeros((len(groups), len(types)))
    gi = {g: i for i, g in enumerate(groups)}
    np.add.at(counts, (np.array([gi[g] for g in group], dtype=int), inv), 1)
    total = counts.sum(0)
    rng = np.random.default_rng(seed)
    alpha = (1 - ci) / 2
    rows = []
    for name, pole_a, pole_b in axis_list:
        va = [get(w) for w in pole_a]
        vb = [get(w) for w in pole_b]
        missing = [w for w, v in zip(pole_a + pole_b, va + vb) if v is None]
        if missing:
            problems.append({"item": name, "problem": f"no vector for pole word(s) {missing}"})
        va = [v for v in va if v is not None]
        vb = [v for v in vb if v is not None]
        if not va or not vb or dim == 0:
            problems.append({"item": name, "problem": "axis left out: a pole has no word with a vector"})
            continue
        axis = np.mean(va, 0) - np.mean(vb, 0)
        axis = axis / (np.linalg.norm(axis) or 1.0)
        c = M @ axis
        p_all = total / max(total.sum(), 1)
        b_all = float(p_all @ c)
        dev = (c - b_all) ** 2
        for g, row in zip(groups, counts):
            n = int(row.sum())
            if n == 0:
                continue
            bias = float(row @ c / n)
            inten = float(row @ dev / n)
            null = rng.multinomial(n, p_all, size=n_boot)
            nb, ni = null @ c / n, null @ dev / n
            own = rng.multinomial(n, row / n, size=n_boot) @ c / n
            rows.append({"axis": name, by: g, "tokens": n, "bias": bias,
                         "ci_lower": float(np.quantile(own, alpha)), "ci_upper": float(np.quantile(own, 1 - alpha)),
                         "intensity": inten, "bias_effect": bias - float(nb.mean()),
                         "p_bias": _two_sided(bias, nb), "intensity_effect": inten - float(ni.mean()),
                         "p_intensity": _two_sided(inten, ni)})
    out = pd.DataFrame(rows, columns=["axis", by, "tokens", "bias", "ci_lower", "ci_upper", "intensity",
                                      "bias_effect", "p_bias", "intensity_effect", "p_intensity"])
    out.attrs["problems"] = pd.DataFrame(problems, columns=["item", "problem"])
    return out


def _two_sided(x: float, null: np.ndarray) -> float:
    """Two-sided bootstrap p-value, with the +1 correction (Davison & Hinkley 1997)."""
    m = null.mean()
    extreme = np.sum(np.abs(null - m) >= abs(x - m))
    return float((extreme + 1) / (len(null) + 1))
