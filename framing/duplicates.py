"""Exact and near-duplicate documents: reprints, wire copies, reposts.

A text an outlet copied from an agency (or from another outlet) is not that
outlet's own framing.  :func:`find_duplicates` returns the pairs of documents
whose word shingles overlap at least ``threshold`` (Jaccard similarity),
within and across outlets, and says which of the two was published first;
:func:`drop_duplicates` keeps one document of each group of copies.

How it works
------------
1. Each text is lowercased, ``ё`` is read as ``е``, punctuation is dropped, and
   the words (``\\w+``) are cut into overlapping *shingles* of ``shingle``
   words (Broder 1997).  No lemmatisation: a translated copy is not a copy,
   while a reprint with a changed first sentence still shares most shingles.
2. Identical word sequences are *exact* duplicates (grouped by a hash of the
   whole sequence).
3. One representative of each exact group gets a MinHash signature of
   ``num_perm`` values (Broder 1997), computed with numpy over all shingles at
   once using the ``affine32`` permutations of datasketch for ``seed``, so the
   signatures are the ones ``datasketch.MinHash(num_perm, seed)`` gives.
4. Locality-sensitive hashing proposes candidate pairs (Leskovec,
   Rajaraman & Ullman 2014, ch. 3): the banding of ``datasketch.MinHashLSH``
   (``b`` bands of ``r`` rows; the same candidates), done with numpy sorting
   instead of one insert per document.  The bands are chosen so that a pair at
   ``threshold`` becomes a candidate with probability at least 0.95.
5. Every candidate pair is checked with the exact Jaccard similarity of its
   shingle sets; pairs below ``threshold`` are dropped, so the table has no
   false positives, and the MinHash estimate is reported beside it.

Everything is deterministic for a given ``seed``.
"""

from __future__ import annotations

import hashlib
import itertools
import re

import numpy as np
import pandas as pd

from ._errors import OptionError, SchemaError
from ._options import Interval, OneOf, check

PAIR_COLUMNS = ["doc_id_a", "doc_id_b", "outlet_a", "outlet_b", "similarity",
                "estimate", "kind", "earlier"]

_WORD = re.compile(r"\w+")
_MULT = np.uint64(0x100000001B3)  # FNV-1a 64-bit prime: the rolling multiplier
_MASK64 = (1 << 64) - 1
# documents per chunk when computing signatures (bounds the memory used)
_CHUNK_WORDS = 1_000_000

_SPEC = {
    "threshold": Interval(0, 1, closed="right"),
    "shingle": Interval(1, None, integer=True),
    "num_perm": Interval(16, 1024, integer=True),
    "seed": Interval(0, 2**32 - 1, integer=True),
    "within_outlet": OneOf(True, False),
    "across_outlets": OneOf(True, False),
    "progress": OneOf(True, False, None),
}


# --- normalised words and shingles ---------------------------------------------

def _words(text: str) -> list[str]:
    """Lowercased words without punctuation (``ё`` read as ``е``)."""
    return _WORD.findall(text.lower().replace("ё", "е"))


def _word_hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8", "surrogatepass"),
                                          digest_size=8).digest(), "little")


def _fmix64(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 64-bit finaliser: spreads the bits of the rolling hash."""
    h = h ^ (h >> np.uint64(33))
    h = h * np.uint64(0xFF51AFD7ED558CCD)
    h = h ^ (h >> np.uint64(33))
    h = h * np.uint64(0xC4CEB9FE1A85EC53)
    return h ^ (h >> np.uint64(33))


def _shingles(token_lists: list[list[str]], k: int, cache: dict) -> tuple[np.ndarray, np.ndarray]:
    """64-bit hashes of the k-word shingles of each document.

    Returns ``(hashes, owner)``: ``owner[i]`` is the index (in ``token_lists``)
    of the document that shingle ``i`` comes from; owners are non-decreasing.
    A document shorter than ``k`` words gets one shingle of all its words.
    """
    lengths = np.fromiter((len(t) for t in token_lists), dtype=np.int64, count=len(token_lists))
    n = int(lengths.sum())
    if n == 0:
        return np.empty(0, np.uint64), np.empty(0, np.int64)
    flat = np.fromiter(itertools.chain.from_iterable(token_lists), dtype=object, count=n)
    codes, uniques = pd.factorize(flat)
    uh = np.empty(len(uniques), dtype=np.uint64)
    for i, w in enumerate(uniques):
        h = cache.get(w)
        if h is None:
            h = cache[w] = _word_hash(w)
        uh[i] = h
    wh = uh[codes]
    ends = np.cumsum(lengths)
    owner_of_word = np.repeat(np.arange(len(token_lists)), lengths)
    parts_h, parts_o = [], []
    m = n - k + 1
    if m > 0:
        h = np.zeros(m, dtype=np.uint64)
        for j in range(k):  # polynomial rolling hash, wrapping modulo 2**64
            h = h * _MULT + wh[j:j + m]
        own = owner_of_word[:m]
        valid = np.arange(m) + k <= ends[own]
        parts_h.append(h[valid])
        parts_o.append(own[valid])
    short = np.flatnonzero((lengths > 0) & (lengths < k))
    if len(short):
        sh = np.empty(len(short), dtype=np.uint64)
        for t, d in enumerate(short):
            acc = 0
            for v in wh[ends[d] - lengths[d]:ends[d]].tolist():
                acc = (acc * int(_MULT) + v) & _MASK64
            sh[t] = acc
        parts_h.append(sh)
        parts_o.append(short.astype(np.int64))
    hashes = np.concatenate(parts_h) if parts_h else np.empty(0, np.uint64)
    owner = np.concatenate(parts_o) if parts_o else np.empty(0, np.int64)
    order = np.argsort(owner, kind="stable")
    return _fmix64(hashes[order]), owner[order]


def _permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The (a, b) affine permutations datasketch uses for ``num_perm`` and ``seed``."""
    from datasketch import MinHash

    a, b = MinHash(num_perm=num_perm, seed=seed, scheme="affine32").permutations
    return a.astype(np.uint32), b.astype(np.uint32)


def _fmix32(h: np.ndarray) -> np.ndarray:
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def _signatures(hashes: np.ndarray, owner: np.ndarray, n_docs: int,
                a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """MinHash signatures (``n_docs`` × ``num_perm``, uint32) of the shingle sets.

    Equal to ``datasketch.MinHash(scheme="affine32")`` fed with the low 32
    bits of each shingle hash; documents without shingles keep the empty value
    (all ``2**32 - 1``).
    """
    sig = np.full((n_docs, len(a)), np.iinfo(np.uint32).max, dtype=np.uint32)
    if len(hashes) == 0:
        return sig
    hv = _fmix32(hashes.astype(np.uint32))
    starts = np.flatnonzero(np.r_[True, owner[1:] != owner[:-1]])
    docs = owner[starts]
    for p in range(len(a)):
        sig[docs, p] = np.minimum.reduceat(hv * a[p] + b[p], starts)
    return sig


# --- the public functions -------------------------------------------------------

def find_duplicates(corpus, *, threshold: float = 0.7, shingle: int = 5, num_perm: int = 128,
                    seed: int = 1, within_outlet: bool = True, across_outlets: bool = True,
                    progress: bool | None = None) -> pd.DataFrame:
    """Find exact and near-duplicate pairs of documents (reprints, wire copies).

    Parameters
    ----------
    corpus : Corpus
        The documents; only ``text`` is compared (not the title).
    threshold : float, default 0.7
        Least Jaccard similarity of the two documents' shingle sets for a pair
        to be reported.  For short texts (Telegram posts) one changed sentence
        weighs more; 0.5–0.6 finds reworded reposts there.
    shingle : int, default 5
        Words per shingle.  Smaller values find looser copies and more chance
        overlaps.
    num_perm : int, default 128
        MinHash permutations; more gives a finer estimate and a slower index.
    seed : int, default 1
        Seed of the MinHash permutations; the result is the same for a seed.
    within_outlet, across_outlets : bool, default True
        Report pairs of the same outlet (reposts), of different outlets (wire
        copies, reprints), or both.
    progress : bool, optional
        Show a progress bar; by default only for corpora above 20,000 documents.

    Returns
    -------
    pandas.DataFrame
        One row per pair with columns ``doc_id_a``, ``doc_id_b`` (``a`` comes
        first in the corpus), ``outlet_a``, ``outlet_b``, ``similarity`` (exact
        Jaccard similarity of the shingle sets), ``estimate`` (the MinHash
        estimate of it), ``kind`` (``"exact"``: the same words in the same
        order; ``"near"``: otherwise) and ``earlier`` (the ``doc_id`` published
        first, the likely original; missing when the dates are equal or
        unknown).  Documents without words are never paired.

    Notes
    -----
    Candidates come from a MinHash LSH index, so a pair just at ``threshold``
    is missed with a probability below 5% (less the more similar the pair:
    about 0.1% at 0.9 with the defaults); every reported pair is checked
    exactly, so none is below ``threshold``.

    References
    ----------
    Broder, A. Z. (1997). On the resemblance and containment of documents.
    *Compression and Complexity of Sequences*, 21–29.

    Leskovec, J., Rajaraman, A., & Ullman, J. D. (2014). *Mining of Massive
    Datasets* (2nd ed.), ch. 3: Finding similar items. Cambridge University Press.

    Examples
    --------
    >>> import pandas as pd
    >>> from framing import Corpus
    >>> from framing.duplicates import find_duplicates
    >>> body = " ".join(f"слово{i}" for i in range(60))
    >>> c = Corpus.from_frame(pd.DataFrame({
    ...     "doc_id": ["a", "b", "c"], "outlet": ["agency", "site", "site"], "lang": "ru",
    ...     "text": ["Первое предложение. " + body, "Другое начало. " + body, "Совсем иной текст."]}))
    >>> find_duplicates(c)[["doc_id_a", "doc_id_b", "kind"]].values.tolist()
    [['a', 'b', 'near']]

    The demo corpus plants wire copies (see :func:`framing.demo_answers`): the
    rewrites of a Russian agency's story in another Russian outlet are found;
    translations of the English wire are not (words are compared, not meanings):

    >>> from framing import load_demo
    >>> pairs = find_duplicates(load_demo())
    >>> pairs[["doc_id_a", "doc_id_b", "earlier"]].values.tolist()
    [['e01_vestnik_agency', 'e01_pervy_kanal_online', 'e01_vestnik_agency'],
     ['e04_vestnik_agency', 'e04_pervy_kanal_online', 'e04_vestnik_agency'],
     ['e07_vestnik_agency', 'e07_pervy_kanal_online', 'e07_vestnik_agency'],
     ['e10_world_service_ru', 'e10_svobodny_golos', 'e10_world_service_ru']]
    """
    check("find_duplicates", _SPEC, threshold=threshold, shingle=shingle, num_perm=num_perm,
          seed=seed, within_outlet=within_outlet, across_outlets=across_outlets, progress=progress)
    if not (within_outlet or across_outlets):
        raise OptionError("find_duplicates(): within_outlet=False and across_outlets=False leave "
                          "nothing to compare; set at least one of them to True.")
    docs = _docs_of(corpus, "find_duplicates")
    n = len(docs)
    texts = docs["text"].tolist()
    if progress is None:
        progress = n > 20_000

    # 1. one pass over the texts: exact-sequence keys and MinHash signatures
    a, b = _permutations(num_perm, seed)
    sig_all = np.empty((n, num_perm), dtype=np.uint32)
    keys: list[bytes | None] = [None] * n
    word_cache: dict[str, int] = {}
    bar = _progress(n, progress, "MinHash signatures")
    for chunk in _chunk_by_words(texts, np.arange(n)):
        toks = [_words(texts[i]) for i in chunk]
        for i, w in zip(chunk.tolist(), toks):
            if w:
                keys[i] = hashlib.blake2b("\x1f".join(w).encode("utf-8", "surrogatepass"),
                                          digest_size=16).digest()
        h, own = _shingles(toks, shingle, word_cache)
        sig_all[chunk] = _signatures(h, own, len(chunk), a, b)
        if bar is not None:
            bar.update(len(chunk))
    if bar is not None:
        bar.close()

    # 2. exact groups: the same normalised word sequence; one representative each
    first: dict[bytes, int] = {}
    rep_of = np.full(n, -1, dtype=np.int64)
    for i, k in enumerate(keys):
        if k is not None:
            rep_of[i] = first.setdefault(k, i)
    nonempty = rep_of >= 0
    reps = np.flatnonzero(nonempty & (rep_of == np.arange(n)))
    sig = sig_all[reps]
    del sig_all

    # 3. LSH candidates among representatives
    cand = _lsh_candidates(sig, threshold, num_perm, seed)

    # 4. exact Jaccard of candidate pairs
    sets: dict[int, np.ndarray] = {}
    needed = np.array(sorted({r for pair in cand for r in pair}), dtype=np.int64)
    for chunk in _chunk_by_words(texts, reps[needed]) if len(needed) else []:
        h, own = _shingles([_words(texts[i]) for i in chunk], shingle, word_cache)
        bounds = np.searchsorted(own, np.arange(len(chunk) + 1))
        rows = needed[len(sets):len(sets) + len(chunk)]
        for k, r in enumerate(rows.tolist()):
            sets[r] = np.unique(h[bounds[k]:bounds[k + 1]])

    near = []
    for r1, r2 in cand:
        s1, s2 = sets[r1], sets[r2]
        inter = len(np.intersect1d(s1, s2, assume_unique=True))
        jac = inter / (len(s1) + len(s2) - inter)
        if jac >= threshold:
            est = float(np.mean(sig[r1] == sig[r2]))
            near.append((int(reps[r1]), int(reps[r2]), jac, est))

    # 5. expand exact groups and build the table
    members: dict[int, list[int]] = {}
    for i in np.flatnonzero(nonempty):
        members.setdefault(int(rep_of[i]), []).append(int(i))
    rows_a, rows_b, sims, ests, kinds = [], [], [], [], []
    for group in members.values():
        for x, y in itertools.combinations(group, 2):
            rows_a.append(x); rows_b.append(y); sims.append(1.0); ests.append(1.0); kinds.append("exact")
    for ra, rb, jac, est in near:
        for x in members[ra]:
            for y in members[rb]:
                x2, y2 = (x, y) if x < y else (y, x)
                rows_a.append(x2); rows_b.append(y2); sims.append(jac); ests.append(est); kinds.append("near")
    return _pair_table(docs, np.array(rows_a, dtype=np.int64), np.array(rows_b, dtype=np.int64),
                       sims, ests, kinds, within_outlet=within_outlet, across_outlets=across_outlets)


def drop_duplicates(corpus, pairs: pd.DataFrame | None = None, *, keep: str = "earliest",
                    **find_options):
    """Keep one document of each group of duplicates.

    Documents linked by pairs (directly or through others: if A copies B and B
    copies C, the three are one group) form a group; one is kept and the rest
    are dropped.

    Parameters
    ----------
    corpus : Corpus
    pairs : pandas.DataFrame, optional
        The table of :func:`find_duplicates` (it may be filtered first, e.g. to
        ``kind == "exact"`` or to pairs across outlets).  Computed with
        ``**find_options`` when not given.
    keep : {"earliest", "first"}, default "earliest"
        ``"earliest"`` keeps the document published first (the likely
        original; undated documents count as latest, ties go to the one first
        in the corpus); ``"first"`` keeps the one first in the corpus.
    **find_options
        Passed to :func:`find_duplicates` when ``pairs`` is None.

    Returns
    -------
    Corpus
        A new corpus without the dropped documents.  Each kept document lists
        the ``doc_id`` of its dropped copies in the column ``duplicates``
        (space-separated, empty when none); the step is recorded in
        ``meta["steps"]``.

    References
    ----------
    Broder, A. Z. (1997). On the resemblance and containment of documents.
    *Compression and Complexity of Sequences*, 21–29.

    Examples
    --------
    >>> import pandas as pd
    >>> from framing import Corpus
    >>> from framing.duplicates import drop_duplicates
    >>> c = Corpus.from_frame(pd.DataFrame({"doc_id": ["a", "b"], "lang": "ru",
    ...     "published": ["2024-12-02", "2024-12-01"], "text": ["Один и тот же текст."] * 2}))
    >>> drop_duplicates(c).docs[["doc_id", "duplicates"]].values.tolist()
    [['b', 'a']]
    """
    check("drop_duplicates", {"keep": OneOf("earliest", "first")}, keep=keep)
    docs = _docs_of(corpus, "drop_duplicates")
    if pairs is None:
        pairs = find_duplicates(corpus, **find_options)
    elif find_options:
        raise OptionError(f"drop_duplicates(): options {sorted(find_options)} are for finding pairs, "
                          "but pairs were given; pass one or the other.")
    missing = {"doc_id_a", "doc_id_b"} - set(pairs.columns)
    if missing:
        raise SchemaError(f"drop_duplicates(): the pairs table lacks {sorted(missing)}; "
                          "pass the table returned by find_duplicates().")
    index = {d: i for i, d in enumerate(docs["doc_id"])}
    parent = list(range(len(docs)))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    unknown = 0
    for x, y in zip(pairs["doc_id_a"].astype(str), pairs["doc_id_b"].astype(str)):
        if x not in index or y not in index:
            unknown += 1
            continue
        rx, ry = root(index[x]), root(index[y])
        if rx != ry:
            parent[max(rx, ry)] = min(rx, ry)
    groups: dict[int, list[int]] = {}
    for i in range(len(docs)):
        groups.setdefault(root(i), []).append(i)
    published = docs["published"]
    keep_mask = np.ones(len(docs), dtype=bool)
    dup_col = [""] * len(docs)
    for group in groups.values():
        if len(group) < 2:
            continue
        if keep == "earliest":
            kept = min(group, key=lambda i: (pd.isna(published.iat[i]),
                                              published.iat[i] if not pd.isna(published.iat[i]) else 0, i))
        else:
            kept = min(group)
        dropped = [i for i in group if i != kept]
        keep_mask[dropped] = False
        dup_col[kept] = " ".join(docs["doc_id"].iat[i] for i in dropped)
    out = docs.assign(duplicates=dup_col)[keep_mask]
    step = (f"drop_duplicates(keep={keep!r}, pairs={len(pairs)}, dropped={int((~keep_mask).sum())}"
            + (f", pairs with unknown doc_id={unknown}" if unknown else "") + ")")
    return corpus._derive(out, step)


# --- helpers ----------------------------------------------------------------------

def _docs_of(corpus, func: str) -> pd.DataFrame:
    from .corpus import Corpus

    if not isinstance(corpus, Corpus):
        raise SchemaError(f"{func}() needs a framing.Corpus, got {type(corpus).__name__}; "
                          "build one with Corpus.from_frame(df, ...) or a framing.read_* loader.")
    return corpus._docs


def _chunk_by_words(texts: list[str], idx: np.ndarray) -> list[np.ndarray]:
    """Split document indices into chunks of about ``_CHUNK_WORDS`` words (≈ 6 characters a word)."""
    out, start, size = [], 0, 0
    for j, i in enumerate(idx.tolist()):
        size += len(texts[i]) // 6 + 1
        if size >= _CHUNK_WORDS:
            out.append(idx[start:j + 1])
            start, size = j + 1, 0
    if start < len(idx):
        out.append(idx[start:])
    return out


def _progress(total: int, show: bool, desc: str):
    if not show:
        return None
    from ._progress import progress_bar

    return progress_bar(total=total, desc=desc, unit="doc")


def _bands(threshold: float, num_perm: int, recall: float = 0.95) -> tuple[int, int]:
    """LSH bands ``(b, r)``: the longest rows ``r`` for which a pair at ``threshold`` is still
    a candidate with probability ``1 - (1 - t**r)**b >= recall`` (``b = num_perm // r``).

    Candidates are verified exactly, so a false positive costs only time, while
    a false negative is a copy missed: the bands favour recall.
    """
    best = (num_perm // 2, 2) if num_perm >= 4 else (2, 1)
    for r in range(2, num_perm // 2 + 1):
        b = num_perm // r
        if 1 - (1 - threshold ** r) ** b >= recall:
            best = (b, r)
    return best


def _lsh_candidates(sig: np.ndarray, threshold: float, num_perm: int, seed: int) -> list[tuple[int, int]]:
    """Pairs of rows of ``sig`` that agree on all ``r`` values of at least one of ``b`` bands.

    The banding of ``datasketch.MinHashLSH`` with ``params=(b, r)`` (the same
    bands, the same candidates), done with numpy: rows are grouped per band
    by sorting, so 100,000 signatures take seconds instead of the minutes of
    inserting them one by one.
    """
    n = len(sig)
    if n < 2:
        return []
    b, r = _bands(threshold, num_perm)
    codes = []
    for i in range(b):
        band = np.ascontiguousarray(sig[:, i * r:(i + 1) * r])
        keys = band.view(np.dtype((np.void, band.dtype.itemsize * r))).ravel()
        order = np.argsort(keys, kind="stable")
        sk = keys[order]
        same = np.flatnonzero(sk[1:] == sk[:-1])
        if len(same) == 0:
            continue
        # runs of equal keys: every pair within a run is a candidate
        starts = np.flatnonzero(np.r_[True, sk[1:] != sk[:-1]])
        ends = np.r_[starts[1:], n]
        for s0, e0 in zip(starts[ends - starts > 1].tolist(), ends[ends - starts > 1].tolist()):
            members = np.sort(order[s0:e0])
            ia, ib = np.triu_indices(len(members), k=1)
            codes.append(members[ia].astype(np.int64) * n + members[ib])
    if not codes:
        return []
    uniq = np.unique(np.concatenate(codes))
    return list(zip((uniq // n).tolist(), (uniq % n).tolist()))


def _pair_table(docs: pd.DataFrame, ia: np.ndarray, ib: np.ndarray, sims, ests, kinds, *,
                within_outlet: bool, across_outlets: bool) -> pd.DataFrame:
    if len(ia) == 0:
        return pd.DataFrame({
            "doc_id_a": pd.Series(dtype=object), "doc_id_b": pd.Series(dtype=object),
            "outlet_a": pd.Series(dtype=object), "outlet_b": pd.Series(dtype=object),
            "similarity": pd.Series(dtype=float), "estimate": pd.Series(dtype=float),
            "kind": pd.Series(dtype=object), "earlier": pd.Series(dtype=object)})
    ids = docs["doc_id"].to_numpy(dtype=object)
    outlets = docs["outlet"].to_numpy(dtype=object)
    pub = docs["published"]
    pa, pb = pub.iloc[ia].reset_index(drop=True), pub.iloc[ib].reset_index(drop=True)
    earlier = np.where((pa < pb).fillna(False).to_numpy(), ids[ia],
                       np.where((pb < pa).fillna(False).to_numpy(), ids[ib], None))
    out = pd.DataFrame({
        "doc_id_a": ids[ia], "doc_id_b": ids[ib], "outlet_a": outlets[ia], "outlet_b": outlets[ib],
        "similarity": np.asarray(sims, dtype=float), "estimate": np.asarray(ests, dtype=float),
        "kind": kinds, "earlier": earlier,
    })
    same = out["outlet_a"].to_numpy() == out["outlet_b"].to_numpy()
    keep = (same & within_outlet) | (~same & across_outlets)
    order = np.lexsort((ib[keep], ia[keep]))
    return out[keep].iloc[order].reset_index(drop=True)[PAIR_COLUMNS]
