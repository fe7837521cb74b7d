"""Group documents that report the same event (or the same story) across outlets.

Method
------
1. Each document becomes a TF-IDF vector (Salton & Buckley 1988) over
   cross-lingual word keys: lemmas (or words, without an annotation) are
   romanised and folded with :func:`framing.lang.translit.name_key` and cut to
   their first five letters, a prefix stemmer that merges inflection and the
   Russian/Ukrainian/English spellings of shared words and names
   ("Україна"/"Украина"/"Ukraine" → "ukrai"; prefix truncation as in Savoy
   2006's light stemming for Slavic IR).  Named entities (from the annotation, or
   capitalised words inside sentences) are added as separate features; the title
   counts twice.  Inverse document frequency down-weights words that many posts
   share, and words in more than half of the posts are dropped.
2. Events (``level="event"``) are found by group-average agglomerative
   clustering (Yang, Pierce & Carbonell 1998, retrospective event detection):
   the cosine similarity of two documents is decayed linearly with the time
   between them (× (1 − 0.5·Δt/``window``)) and is 0 beyond ``window``; two
   groups merge only while the mean similarity over all their cross pairs
   reaches ``threshold``, and only when at least half of the members of each
   group are directly linked (cosine ≥ 1.5 × ``threshold``) to a member of the
   other.  A generic post (a digest, a sign-off, the weather) that is a little
   similar to everything cannot chain two events: it would have to be similar on
   average to every member of both, and the members of one event are not linked
   to those of the other.  A post that shares too little with any group stays
   alone.  A group whose reports span
   more than ``max_span`` is then cut into consecutive pieces.
3. Stories (``level="story"``) are longer threads: a time-windowed k-nearest
   neighbour similarity graph (the time constraint of topic detection and
   tracking, Allan et al. 1998) is cut into communities with the seeded Louvain
   method (Blondel et al. 2008), and communities that continue one another
   (centroid cosine ≥ 0.5, time spans within ``window``) are joined.  Events are
   then found inside each story (similarities across stories count as 0), so
   every event lies in one story.
4. Each document gets the reason it joined its event: its similarity to the
   centroid of the other members (``event_centrality``), its most similar fellow
   member (``event_neighbour``, ``event_similarity``) and the words it shares
   most with the event (``event_terms``); each event a readable ``label``, its
   time span and its ``cohesion`` (mean cosine similarity over its pairs).

Documents with no usable words (only emoji or links) stay events of their own.
English reports link to Russian and Ukrainian ones only through the names and
cognates they share (no translation is made), so an English report with few
shared names may stay apart from the Slavic-language reports of its event.

Longer than 600 lines because event and story grouping share the vectors, the linkage
and the labelling of the Method above, step by step.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import numpy as np
import pandas as pd
import scipy.sparse as sp

from .._display import shows_tables
from .._errors import OptionError
from .._options import InstanceOf, Interval, OneOf, check
from ..lang.punct import QUOTES

EVENT_COLUMNS = ["event_id", "label", "size", "n_outlets", "outlets", "first_report", "last_report",
                 "span_h", "first_outlet", "cohesion", "top_terms", "central_doc"]
DOC_COLUMNS = ["event_id", "event_label", "event_centrality", "event_similarity", "event_neighbour",
               "event_terms"]

_SPEC = {
    "level": OneOf("event", "story"),
    "window": [InstanceOf(str, pd.Timedelta), OneOf(None)],
    "threshold": [Interval(0, 1), OneOf(None)],
    "k": [Interval(1, None, integer=True), OneOf(None)],
    "resolution": [Interval(0, None, closed="neither"), OneOf(None)],
    "max_span": [InstanceOf(str, pd.Timedelta), OneOf(None)],
    "seed": Interval(0, None, integer=True),
}
_DEFAULTS = {"event": {"window": "2D", "threshold": 0.08, "max_span": "7D"},
             "story": {"window": "365D", "threshold": 0.1, "k": 20, "resolution": 0.5}}
_WORD = re.compile(r"[^\W\d_][\w'’ʼ-]*[^\W_]|[^\W\d_]")
_SENT = re.compile(r"[.!?…\n]+")
_CAPWORD = re.compile(r"[A-ZА-ЯЁІЇЄҐ][\w'’-]{2,}")
_STRIP = "".join(sorted(QUOTES)) + "("
_CONTENT_UPOS = {"NOUN", "PROPN", "ADJ", "VERB"}


@shows_tables
class EventGroups(NamedTuple):
    """Result of :func:`group_events`."""

    corpus: object
    """The corpus with an ``event_id`` column (and ``story_id`` for ``level="story"``)."""
    events: pd.DataFrame
    """One row per event (or story): see :data:`EVENT_COLUMNS`."""


class _Folder:
    """word → cross-lingual prefix key, cached."""

    def __init__(self, prefix: int = 5):
        from ..lang.translit import name_key

        self._key = name_key
        self.prefix = prefix
        self.cache: dict[str, str] = {}

    def __call__(self, word: str) -> str:
        out = self.cache.get(word)
        if out is None:
            out = self._key(word)[: self.prefix]
            self.cache[word] = out
        return out

    def readable(self, docs_words) -> dict[str, str]:
        """key → the word (lemma, with an annotation) written most often under it."""
        from collections import Counter

        counts = Counter(w for ws in docs_words for w in ws)
        best: dict[str, tuple[int, str]] = {}
        for w, n in counts.items():
            k = self(w)
            if k not in best or (n, w) > best[k]:
                best[k] = (n, w)
        return {k: w for k, (n, w) in best.items()}


def _doc_words(ann, corpus) -> tuple[list[list[str]], list[list[str]]]:
    docs = corpus.docs
    if ann is not None:
        t = ann.tokens
        t = t[t["upos"].isin(list(_CONTENT_UPOS))]
        words = t.groupby("doc_id", sort=False)["lemma"].agg(list)
        ents = ann.entities.groupby("doc_id", sort=False)["normal"].agg(list)
        body = [words.get(d, []) for d in docs["doc_id"]]
        names = [ents.get(d, []) for d in docs["doc_id"]]
        extra = [_WORD.findall(str(x).lower()) * _title_repeats(x, t) for x, t in zip(docs["title"], docs["text"])]
        return [b + tt for b, tt in zip(body, extra)], names
    body, names = [], []
    for title, text in zip(docs["title"], docs["text"]):
        full = f"{title}\n" * _title_repeats(title, text) + str(text)
        body.append([w for w in _WORD.findall(full.lower()) if len(w) > 2])
        names.append(_capitalised(full))
    return body, names


def _title_repeats(title, text) -> int:
    """How often to add the title so that it counts twice: once when the text already starts with it
    (``read_telegram``, ``read_texts``), twice otherwise."""
    title = str(title or "").strip()
    if not title or title.lower() == "nan":
        return 0
    return 1 if str(text).lstrip().startswith(title) else 2


def _capitalised(text: str) -> list[str]:
    """Capitalised words that do not start a sentence or a line: a name proxy without NER."""
    out = []
    for seg in _SENT.split(text):
        words = seg.split()
        out += [m.group(0) for w in words[1:] if (m := _CAPWORD.match(w.strip(_STRIP)))]
    return out


def _outlet_name_keys(outlets, fold) -> set[str]:
    """Keys of the words of the corpus's outlet names ("РИА Новости" → ria, novos).

    An outlet's name in a text is a self-reference or a citation ("передает РИА
    Новости"), not a word of the event reported: it links an outlet's posts to
    each other whatever they report.
    """
    keys = set()
    for name in pd.unique(np.asarray(outlets, dtype=object)):
        for w in _WORD.findall(str(name).lower()):
            if len(w) > 2:
                keys.add(fold(w))
    return keys


def _vectorise(body, names, *, entity_weight: float = 1.0, outlets=None, bound_weight: float = 0.1):
    from sklearn.feature_extraction.text import TfidfVectorizer

    fold, fold_name = _Folder(5), _Folder(4)
    body_keys = [[fold(w) for w in ws] for ws in body]
    name_keys = [["@" + fold_name(n) for n in ns] for ns in names]
    words = fold.readable(body)
    words.update({"@" + k: w for k, w in fold_name.readable(names).items()})
    ident = lambda x: x  # noqa: E731 - token lists are already analysed
    n = len(body)
    min_df = 2 if n >= 20 else 1
    vb = TfidfVectorizer(analyzer=ident, sublinear_tf=True, min_df=min_df, max_df=0.5 if n >= 20 else 1.0)
    vn = TfidfVectorizer(analyzer=ident, sublinear_tf=True, min_df=min_df, max_df=0.5 if n >= 20 else 1.0)
    mats, vocab = [], []
    for vec, docs_, w in ((vb, body_keys, 1.0), (vn, name_keys, entity_weight)):
        try:
            m = vec.fit_transform(docs_) * w
            if outlets is not None:
                own = _outlet_name_keys(outlets, fold if w == 1.0 and vec is vb else fold_name)
                feats = vec.get_feature_names_out()
                bound = np.array([f.lstrip("@") in own for f in feats], dtype=bool)
                if bound.any():
                    m = m @ sp.diags(np.where(bound, bound_weight, 1.0))
            mats.append(m)
            vocab += list(vec.get_feature_names_out())
        except ValueError:  # empty vocabulary
            mats.append(sp.csr_matrix((n, 0)))
    X = sp.hstack(mats).tocsr()
    norms = np.sqrt(np.asarray(X.multiply(X).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    X = sp.diags(1.0 / norms) @ X
    readable = np.asarray([words.get(v, v.lstrip("@")) for v in vocab], dtype=object)
    return X.tocsr(), readable


def _graph_edges(X, times, *, window, threshold, k, same=None, block=1024):
    """Top-k neighbours per row with similarity ≥ threshold within the time window."""
    n = X.shape[0]
    XT = X.T.tocsr()
    t = times.astype("int64") if times is not None else None
    has_t = None if times is None else ~np.isnat(times)
    win = None if window is None else pd.Timedelta(window).value
    rows, cols, vals = [], [], []
    for lo in range(0, n, block):
        hi = min(n, lo + block)
        S = (X[lo:hi] @ XT).toarray()
        S[np.arange(hi - lo), np.arange(lo, hi)] = 0.0
        if win is not None and t is not None:
            dt = np.abs(t[lo:hi, None] - t[None, :])
            known = has_t[lo:hi, None] & has_t[None, :]
            S[known & (dt > win)] = 0.0
        if same is not None:
            S[same[lo:hi, None] != same[None, :]] = 0.0
        S[S < threshold] = 0.0
        kk = min(k, n - 1) if n > 1 else 0
        if kk == 0:
            continue
        top = np.argpartition(-S, kk - 1, axis=1)[:, :kk]
        r = np.repeat(np.arange(lo, hi), kk)
        c = top.ravel()
        v = S[np.arange(hi - lo)[:, None], top].ravel()
        keep = v > 0
        rows.append(r[keep]); cols.append(c[keep]); vals.append(v[keep])
    if not rows:
        return np.zeros(0, int), np.zeros(0, int), np.zeros(0)
    return np.concatenate(rows), np.concatenate(cols), np.concatenate(vals)


def _communities(n, edges, *, resolution, seed) -> np.ndarray:
    import networkx as nx

    r, c, v = edges
    G = nx.Graph()
    G.add_nodes_from(range(n))
    for a, b, w in zip(r.tolist(), c.tolist(), v.tolist()):
        if G.has_edge(a, b):
            G[a][b]["weight"] = max(G[a][b]["weight"], w)
        else:
            G.add_edge(a, b, weight=w)
    labels = np.full(n, -1)
    comms = nx.community.louvain_communities(G, weight="weight", resolution=resolution, seed=seed)
    for i, members in enumerate(sorted(comms, key=lambda s: min(s))):
        labels[list(members)] = i
    return labels


def _merge_continuations(X, times, labels, *, window, merge_threshold, same=None):
    """Join communities that continue one another: similar centroids, adjacent in time.

    Louvain splits a long chain of reports (a week of protests) where the time
    window cuts direct links; two parts whose centroids are close (cosine ≥
    ``merge_threshold``) and whose time spans are within ``window`` of each other
    are one event (the tracking step of Allan et al. 1998).
    """
    uniq, inv = np.unique(labels, return_inverse=True)
    m = len(uniq)
    if m < 2:
        return labels
    member = sp.csr_matrix((np.ones(len(labels)), (inv, np.arange(len(labels)))), shape=(m, len(labels)))
    C = member @ X
    norms = np.sqrt(np.asarray(C.multiply(C).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    C = (sp.diags(1.0 / norms) @ C).tocsr()
    sizes = np.asarray(member.sum(axis=1)).ravel()
    big = np.flatnonzero(sizes >= 2)
    if len(big) < 2:
        return labels
    S = (C[big] @ C[big].T).toarray()
    np.fill_diagonal(S, 0.0)
    if window is not None and times is not None:
        t = pd.Series(times).groupby(inv).agg(["min", "max"]).reindex(big)
        lo = t["min"].to_numpy(dtype="datetime64[ns]").astype("int64")
        hi = t["max"].to_numpy(dtype="datetime64[ns]").astype("int64")
        known = ~(t["min"].isna().to_numpy())
        gap = np.maximum(lo[:, None] - hi[None, :], lo[None, :] - hi[:, None])
        S[(known[:, None] & known[None, :]) & (gap > pd.Timedelta(window).value)] = 0.0
    if same is not None:
        grp = pd.Series(same).groupby(inv).first().reindex(big).to_numpy()
        S[grp[:, None] != grp[None, :]] = 0.0
    parent = np.arange(m)

    def find(a):
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for i, j in zip(*np.nonzero(np.triu(S >= merge_threshold, 1))):
        ra, rb = find(big[i]), find(big[j])
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    roots = np.array([find(a) for a in range(m)])
    return roots[inv]


def _span_ok(times, idx, max_span):
    if max_span is None or times is None:
        return True
    t = times[idx]
    t = t[~np.isnat(t)]
    return len(t) < 2 or (t.max() - t.min()).astype("int64") <= max_span


def _cluster(X, times, *, window, threshold, k, resolution, seed, same=None, merge_threshold=0.5):
    edges = _graph_edges(X, times, window=window, threshold=threshold, k=k, same=same)
    labels = _communities(X.shape[0], edges, resolution=resolution, seed=seed)
    return _merge_continuations(X, times, labels, window=window, merge_threshold=merge_threshold, same=same)


_GAC_MAX = 15_000
_LINK = 1.5  # a direct link (bridge test): cosine ≥ 1.5 × threshold
_DECAY = 0.5  # similarity × (1 − 0.5·Δt/window): Yang et al. 1998's linear time decay


def _gac(X, times, *, window, threshold, max_span=None, same=None, block=1024):
    """Group-average agglomerative clustering of time-windowed cosine similarities.

    Retrospective event detection as in Yang, Pierce & Carbonell (1998): two
    groups merge only while the *mean* similarity of all their cross pairs
    reaches ``threshold``, where a pair further apart than ``window`` (or in
    different stories) counts as similarity 0.  A generic post (a digest, a
    sign-off, the weather) that is a little similar to everything therefore
    cannot chain two events: it would have to be similar on average to every
    member of both.  Groups are then cut to at most ``max_span``.  Above
    ``_GAC_MAX`` documents the corpus is clustered in consecutive time slices of
    that many documents (memory grows with the square of a slice).
    """
    from scipy.cluster.hierarchy import linkage

    n = X.shape[0]
    labels = np.zeros(n, dtype=int)
    if n == 0:
        return labels
    order = np.argsort(times, kind="stable") if times is not None else np.arange(n)
    win = None if window is None else pd.Timedelta(window).value
    nxt = 0
    for lo in range(0, n, _GAC_MAX):
        idx = order[lo: lo + _GAC_MAX]
        m = len(idx)
        if m == 1:
            labels[idx] = nxt
            nxt += 1
            continue
        Xs = X[idx]
        XT = Xs.T.tocsr()
        t = times[idx].astype("int64") if times is not None else None
        has_t = None if times is None else ~np.isnat(times[idx])
        cond = np.empty(m * (m - 1) // 2, dtype=np.float64)
        for a in range(0, m, block):
            b = min(m, a + block)
            S = (Xs[a:b] @ XT).toarray()
            if win is not None and t is not None:
                known = has_t[a:b, None] & has_t[None, :]
                dt = np.abs(t[a:b, None] - t[None, :]) / win
                S *= np.where(known, np.clip(1.0 - _DECAY * dt, 0.0, 1.0), 1.0)
                S[known & (dt > 1)] = 0.0
            if same is not None:
                S[same[idx][a:b, None] != same[idx][None, :]] = 0.0
            for i in range(a, b):  # row i of the condensed upper triangle
                start = i * m - i * (i + 1) // 2
                cond[start: start + m - i - 1] = 1.0 - S[i - a, i + 1:]
        np.clip(cond, 0.0, 1.0, out=cond)
        Z = linkage(cond, method="average")
        del cond
        part = _cut_supported(Z, Xs, threshold)
        labels[idx] = part + nxt
        nxt += part.max() + 1
    if max_span is not None and times is not None:
        labels = _cut_span(times, labels, pd.Timedelta(max_span).value)
    return labels


def _cut_supported(Z, X, threshold, support=0.5):
    """Cut the average-linkage tree where a merge is carried by a few bridging posts.

    A merge of groups A and B (mean similarity ≥ ``threshold``) is kept only when
    at least half of the members of each side have a cosine similarity ≥
    1.5 × ``threshold`` with some member of the other side (a direct link).  Otherwise a few posts
    similar to both (digests, "главное за день") would carry the mean while most
    members of A share nothing with B: such a merge, and every merge above it,
    is not made (a bridge test in the spirit of the hub analysis of Radovanović
    et al. 2010; the tree is that of Yang et al. 1998's group-average clustering).
    """
    n = X.shape[0]
    members: dict[int, np.ndarray] = {i: np.array([i]) for i in range(n)}
    alive = np.ones(2 * n - 1, dtype=bool)
    cut = 1.0 - threshold
    for i, (a, b, dist, _) in enumerate(Z):
        a, b, node = int(a), int(b), n + i
        if dist > cut or not (alive[a] and alive[b]):
            alive[node] = False
            continue
        A, B = members[a], members[b]
        if len(A) > 1 or len(B) > 1:
            S = (X[A] @ X[B].T).toarray() >= _LINK * threshold
            if S.any(axis=1).mean() < support or S.any(axis=0).mean() < support:
                alive[node] = False
                continue
        members[node] = np.concatenate([A, B])
        del members[a], members[b]
    labels = np.empty(n, dtype=int)
    for k, (node, idx) in enumerate(sorted(members.items())):
        labels[idx] = k
    return labels


def _cut_span(times, labels, max_span):
    """Cut every group whose reports span more than ``max_span`` into consecutive pieces."""
    out = labels.copy()
    nxt = out.max() + 1
    for lab in np.unique(labels):
        idx = np.flatnonzero(labels == lab)
        if len(idx) < 2 or _span_ok(times, idx, max_span):
            continue
        order = idx[np.argsort(times[idx], kind="stable")]
        tt = times[order].astype("int64")
        start = tt[0]
        for j, g in enumerate(order):
            if not np.isnat(times[g]) and tt[j] - start > max_span:
                nxt += 1
                start = tt[j]
            out[g] = nxt
        nxt += 1
    return out


def _name_clusters(labels, docs, prefix):
    """Stable ids: ordered by first report (then by smallest doc_id)."""
    order = (pd.DataFrame({"label": labels, "published": docs["published"].to_numpy(),
                           "doc_id": docs["doc_id"].to_numpy()})
             .groupby("label").agg(first=("published", "min"), doc=("doc_id", "min"))
             .sort_values(["first", "doc"], na_position="last"))
    width = max(4, len(str(len(order))))
    mapping = {lab: f"{prefix}{i + 1:0{width}d}" for i, lab in enumerate(order.index)}
    return np.array([mapping[x] for x in labels], dtype=object)


def _short(text, n=60):
    text = " ".join(str(text or "").split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _first_line(title, text):
    title = str(title or "").strip()
    if title and title.lower() != "nan":
        return title
    for line in str(text or "").splitlines():
        line = line.strip(" *_#>•-—–\t")
        if sum(ch.isalpha() for ch in line) >= 3:
            return line
    return ""


def _distinct(words):
    """Drop a word whose first five letters (case folded) repeat an earlier one: "Заречная", "заречный"."""
    seen, out = set(), []
    for w in words:
        key = w.lower()[:5]
        if key not in seen:
            seen.add(key)
            out.append(w)
    return out


def _describe(docs, ids, X, vocab, *, lemmas: bool, n_terms=8, n_shared=5):
    """Per-document reasons and per-event rows (see :data:`DOC_COLUMNS`, :data:`EVENT_COLUMNS`).

    ``event_centrality``: cosine of the document with the sum of the other
    members (leave-one-out centroid); ``event_similarity`` and ``event_neighbour``:
    its most similar fellow member; ``event_terms``: the words contributing most
    to its similarity with the event's centroid.  ``cohesion`` is the mean cosine
    similarity over all pairs of members.
    """
    n = len(docs)
    uniq, inv = np.unique(np.asarray(ids, dtype=object).astype(str), return_inverse=True)
    m = len(uniq)
    M = sp.csr_matrix((np.ones(n), (inv, np.arange(n))), shape=(m, n))
    size = np.bincount(inv, minlength=m)
    T = (M @ X).tocsr()
    tn2 = np.asarray(T.multiply(T).sum(axis=1)).ravel()
    sq = np.asarray(X.multiply(X).sum(axis=1)).ravel()
    Td = T[inv]
    dot = np.asarray(X.multiply(Td).sum(axis=1)).ravel()
    norm = np.sqrt(np.maximum(tn2[inv] - 2 * dot + sq, 0.0))
    multi = size[inv] > 1
    cent = np.where(multi & (norm > 0), (dot - sq) / np.where(norm > 0, norm, 1.0), np.nan)
    sqsum = np.bincount(inv, weights=sq, minlength=m)
    with np.errstate(invalid="ignore", divide="ignore"):
        cohesion = np.where(size > 1, (tn2 - sqsum) / (size * (size - 1.0)), np.nan)
    tnorm = np.sqrt(tn2)
    tnorm[tnorm == 0] = 1.0
    C = (sp.diags(1.0 / tnorm) @ T).tocsr()
    contrib = X.multiply(C[inv]).tocsr()
    shared = np.full(n, "", dtype=object)
    for i in np.flatnonzero(multi):
        lo, hi = contrib.indptr[i], contrib.indptr[i + 1]
        vals, cols = contrib.data[lo:hi], contrib.indices[lo:hi]
        top = np.argsort(-vals, kind="stable")[: 3 * n_shared]
        shared[i] = ", ".join(_distinct([str(vocab[cols[j]]) for j in top if vals[j] > 0])[:n_shared])
    best = np.full(n, np.nan)
    neighbour = np.full(n, None, dtype=object)
    doc_ids = docs["doc_id"].to_numpy(dtype=object)
    members = np.split(np.argsort(inv, kind="stable"), np.cumsum(size)[:-1])
    centre = np.empty(m, dtype=int)
    for e, idx in enumerate(members):
        if len(idx) > 1:
            S = (X[idx] @ X[idx].T).toarray()
            np.fill_diagonal(S, -np.inf)
            nb = S.argmax(axis=1)
            best[idx] = S[np.arange(len(idx)), nb]
            neighbour[idx] = doc_ids[idx[nb]]
            centre[e] = idx[int(np.nanargmax(np.nan_to_num(cent[idx], nan=-1.0)))]
        else:
            centre[e] = idx[0]
    titles = docs["title"].to_numpy(dtype=object) if "title" in docs else np.full(n, "", dtype=object)
    texts = docs["text"].to_numpy(dtype=object)
    pub = docs["published"]
    outl = docs["outlet"].to_numpy(dtype=object)
    first_i = pd.DataFrame({"e": inv, "p": pub.to_numpy(), "d": doc_ids, "i": np.arange(n)}) \
        .sort_values(["p", "d"], na_position="last", kind="stable").groupby("e")["i"].first()
    lo_t = pub.groupby(inv).min()
    hi_t = pub.groupby(inv).max()
    outlets = pd.Series(outl).groupby(inv).agg(lambda s: sorted(set(s)))
    rows, labels = [], []
    for e in range(m):
        lo, hi = T.indptr[e], T.indptr[e + 1]
        vals, cols = T.data[lo:hi], T.indices[lo:hi]
        terms = _distinct([str(vocab[cols[j]]) for j in np.argsort(-vals, kind="stable")[: 3 * n_terms]
                           if vals[j] > 0])[:n_terms]
        c = centre[e]
        head = _first_line(titles[c], texts[c])
        label = ", ".join(terms[:3]) if lemmas and terms else (_short(head) or ", ".join(terms[:3]))
        labels.append(label)
        a_, b_ = lo_t.iat[e], hi_t.iat[e]
        rows.append({"event_id": uniq[e], "label": label, "size": int(size[e]), "n_outlets": len(outlets.iat[e]),
                     "outlets": outlets.iat[e], "first_report": a_, "last_report": b_,
                     "span_h": (b_ - a_).total_seconds() / 3600 if pd.notna(a_) and pd.notna(b_) else np.nan,
                     "first_outlet": outl[first_i.iat[e]], "cohesion": float(cohesion[e]), "top_terms": terms,
                     "central_doc": doc_ids[c]})
    per_doc = {"event_label": np.asarray(labels, dtype=object)[inv], "event_centrality": cent,
               "event_similarity": best, "event_neighbour": neighbour, "event_terms": shared}
    return per_doc, rows


def _event_table(rows, col):
    out = pd.DataFrame(rows, columns=EVENT_COLUMNS).rename(columns={"event_id": col})
    return out.sort_values(["n_outlets", "size"], ascending=False, kind="mergesort").reset_index(drop=True)


def group_events(data, *, level: str = "event", window=None, threshold: float | None = None,
                 k: int | None = None, resolution: float | None = None, max_span="7D",
                 seed: int = 0) -> EventGroups:
    """Assign an ``event_id`` to each document: reports of the same happening fall together.

    Parameters
    ----------
    data : Corpus or Annotated
        With an annotation, lemmas and named entities are used; with a corpus,
        words and capitalised names of the raw text.
    level : {"event", "story"}
        ``"event"``: one happening reported within days; ``"story"``: a longer
        thread of events (adds ``story_id``; the table then has one row per story).
    window : str or pandas.Timedelta, optional
        Maximum time between two reports of one event (default ``"2D"``; for
        ``level="story"``, between two linked reports of a story, default
        ``"365D"``: a thread may run for months).  Within the window, the
        similarity of two event reports decays linearly to half its value.
        Documents without a date are linked regardless of time.
    threshold : float, optional
        Events: the minimum mean time-decayed cosine similarity between two
        groups that merge (average linkage, default 0.08): higher gives smaller,
        tighter events and more posts left alone.  Stories: the minimum cosine
        similarity of a link of the story graph (default 0.1).
    k : int, optional
        ``level="story"`` only: neighbours per document in the story graph (default 20).
    resolution : float, optional
        ``level="story"`` only: Louvain resolution, larger gives smaller stories
        (default 0.5).
    max_span : str, pandas.Timedelta or None
        Longest time from an event's first to its last report (default ``"7D"``);
        a longer group is cut into consecutive pieces.  ``None``: no limit.
    seed : int
        Seed of the story communities: same input and seed, same events and stories.

    Returns
    -------
    EventGroups
        ``corpus`` with ``event_id`` (and ``story_id``) and, per document, why it
        joined its event: ``event_label``, ``event_centrality`` (cosine with the
        centroid of the other members), ``event_similarity`` and
        ``event_neighbour`` (its most similar fellow member), ``event_terms`` (the
        words it shares most with the event); all empty (NaN) for a document left
        alone.  ``events``: one row per event (or story) with ``label`` (with an
        annotation, its top three lemmas; without, the first line of its most
        central document), ``size``, ``n_outlets``, ``outlets``,
        ``first_report``, ``last_report``, ``span_h`` (hours), ``first_outlet``,
        ``cohesion`` (mean cosine similarity over all pairs of members; NaN for
        one document), ``top_terms`` (readable words: the lemma or word form
        written most often under each key) and ``central_doc``.

    References
    ----------
    Allan, J., Papka, R., & Lavrenko, V. (1998). On-line new event detection and
    tracking. *SIGIR '98*.
    Blondel, V. D., Guillaume, J.-L., Lambiotte, R., & Lefebvre, E. (2008). Fast
    unfolding of communities in large networks. *J. Stat. Mech.* P10008.
    Salton, G., & Buckley, C. (1988). Term-weighting approaches in automatic text
    retrieval. *Information Processing & Management* 24(5).
    Savoy, J. (2006). Light stemming approaches for the French, Portuguese, German
    and Hungarian languages. *SAC '06*.
    Yang, Y., Pierce, T., & Carbonell, J. (1998). A study on retrospective and
    on-line event detection. *SIGIR '98*, 28–36.

    Examples
    --------
    >>> import framing
    >>> demo = framing.load_demo()
    >>> groups = framing.group_events(demo)
    >>> groups.events[["event_id", "size", "n_outlets", "first_outlet"]].head(3)
      event_id  size  n_outlets    first_outlet
    0   ev0012     8          7     global_wire
    1   ev0001     7          7  vestnik_agency
    2   ev0008     7          7  vestnik_agency

    Each event has a readable label (here the first line of its most central
    report, since a corpus has no lemmas), its time span and its cohesion:

    >>> top = groups.events.iloc[0]
    >>> top["label"], round(float(top["span_h"]), 2), round(float(top["cohesion"]), 2)
    ('Разведка Южной Кореи: КНДР отправила в Курскую область еще…', 19.83, 0.35)

    The demo corpus has 12 planted events (its ``event`` column); the
    grouping finds 14: three events lose one report each (e10's English wire
    report joins e11, the next day's event, through e11's English wire report):

    >>> docs = groups.corpus.docs
    >>> len(groups.events), docs["event"].nunique()
    (14, 12)
    >>> docs.groupby("event")["event_id"].nunique().to_dict()
    {'e01': 1, 'e02': 2, 'e03': 1, 'e04': 2, 'e05': 1, 'e06': 1, 'e07': 1, 'e08': 1, 'e09': 1,
     'e10': 2, 'e11': 1, 'e12': 1}

    Why a report joined its event: its most similar fellow member and the words
    it shares with the event:

    >>> row = docs.set_index("doc_id").loc["e01_svobodny_golos"]
    >>> row["event_neighbour"], round(float(row["event_similarity"]), 2), row["event_terms"]
    ('e01_world_service_ru', 0.7, 'Заречная, Брянской, Ковальчук, Сергей, подстанция')
    """
    check("group_events", _SPEC, level=level, window=window, threshold=threshold, k=k,
          resolution=resolution, max_span=max_span, seed=seed)
    if level == "event" and (k is not None or resolution is not None):
        raise OptionError("group_events(): k= and resolution= shape the story graph and apply only with "
                          "level='story'; for events, set threshold= (and window=, max_span=).")
    from ..annotate.annotated import Annotated

    ann = data if isinstance(data, Annotated) else None
    corpus = data.corpus if ann is not None else data
    docs = corpus.docs
    if len(docs) == 0:
        cols = DOC_COLUMNS + (["story_id"] if level == "story" else [])
        return EventGroups(corpus.with_columns(**{c: pd.Series(dtype=object) for c in cols}),
                           pd.DataFrame(columns=EVENT_COLUMNS))
    body, names = _doc_words(ann, corpus)
    X, vocab = _vectorise(body, names, outlets=docs["outlet"].to_numpy())
    times = docs["published"].dt.tz_convert("UTC").dt.tz_localize(None).to_numpy(dtype="datetime64[ns]")

    def settings(lvl):
        d = dict(_DEFAULTS[lvl])
        if lvl == level:  # the caller's options apply to the level asked for
            d.update({key: val for key, val in dict(window=window, threshold=threshold, k=k,
                                                    resolution=resolution).items() if val is not None})
        if lvl == "event":
            d["max_span"] = max_span
        return d

    story_labels = None
    if level == "story":
        st = settings("story")
        story_labels = _cluster(X, times, window=st["window"], threshold=st["threshold"], k=st["k"],
                                resolution=st["resolution"], seed=seed)
    ev = settings("event")
    labels = _gac(X, times, window=ev["window"], threshold=ev["threshold"], max_span=ev["max_span"],
                  same=story_labels)
    event_ids = _name_clusters(labels, docs, "ev")
    lemmas = ann is not None
    per_doc, rows = _describe(docs, event_ids, X, vocab, lemmas=lemmas)
    if level == "event":
        out = corpus.with_columns(event_id=event_ids, **per_doc)
        return EventGroups(out, _event_table(rows, "event_id"))
    story_ids = _name_clusters(story_labels, docs, "st")
    _, story_rows = _describe(docs, story_ids, X, vocab, lemmas=lemmas)
    out = corpus.with_columns(event_id=event_ids, **per_doc, story_id=story_ids)
    return EventGroups(out, _event_table(story_rows, "story_id"))
