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
   capitalised words inside sentences) are added as separate, up-weighted
   features; the title counts twice.
2. A sparse similarity graph links each document to its ``k`` most similar
   documents whose cosine similarity reaches ``threshold`` and that were
   published within ``window`` of each other (the time constraint of topic
   detection and tracking, Allan et al. 1998).  Similarities are computed in
   blocks, so memory stays bounded.
3. Communities of that graph are found with the Louvain method (Blondel et al.
   2008), seeded, which does not chain unrelated posts the way single linkage
   does and needs no number of clusters.
4. Communities that continue one another (centroid cosine ≥ 0.5, time spans
   within ``window``) are joined: Louvain otherwise cuts a week-long chain of
   reports where the window breaks direct links.
5. ``level="story"`` first finds longer threads with a wider window, a lower
   threshold, more neighbours and a lower resolution, then the events inside each
   story (links never cross stories, so every event lies in one story).

Documents with no usable words (only emoji or links) stay events of their own.
English reports link to Russian and Ukrainian ones only through the names and
cognates they share (no translation is made), so an English report with few
shared names may stay apart from the Slavic-language reports of its event.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import numpy as np
import pandas as pd
import scipy.sparse as sp

from .._display import shows_tables
from .._options import InstanceOf, Interval, OneOf, check

EVENT_COLUMNS = ["event_id", "size", "n_outlets", "outlets", "first_report", "last_report",
                 "first_outlet", "top_terms"]

_SPEC = {
    "level": OneOf("event", "story"),
    "window": [InstanceOf(str, pd.Timedelta), OneOf(None)],
    "threshold": [Interval(0, 1), OneOf(None)],
    "k": [Interval(1, None, integer=True), OneOf(None)],
    "resolution": [Interval(0, None, closed="neither"), OneOf(None)],
    "seed": Interval(0, None, integer=True),
}
_DEFAULTS = {"event": {"window": "2D", "threshold": 0.2, "k": 10, "resolution": 1.0},
             "story": {"window": "365D", "threshold": 0.1, "k": 20, "resolution": 0.5}}
_WORD = re.compile(r"[^\W\d_][\w'’ʼ-]*[^\W_]|[^\W\d_]")
_SENT = re.compile(r"[.!?…\n]+")
_CAPWORD = re.compile(r"[A-ZА-ЯЁІЇЄҐ][\w'’-]{2,}")
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


def _doc_words(ann, corpus) -> tuple[list[list[str]], list[list[str]]]:
    docs = corpus.docs
    if ann is not None:
        t = ann.tokens
        t = t[t["upos"].isin(list(_CONTENT_UPOS))]
        words = t.groupby("doc_id", sort=False)["lemma"].agg(list)
        ents = ann.entities.groupby("doc_id", sort=False)["normal"].agg(list)
        body = [words.get(d, []) for d in docs["doc_id"]]
        names = [ents.get(d, []) for d in docs["doc_id"]]
        titles = [_WORD.findall(x.lower()) for x in docs["title"]]
        return [b + tt for b, tt in zip(body, titles)], names
    body, names = [], []
    for title, text in zip(docs["title"], docs["text"]):
        full = f"{title}\n{title}\n{text}"
        body.append([w for w in _WORD.findall(full.lower()) if len(w) > 2])
        names.append(_capitalised(full))
    return body, names


def _capitalised(text: str) -> list[str]:
    """Capitalised words that do not start a sentence or a line: a name proxy without NER."""
    out = []
    for seg in _SENT.split(text):
        words = seg.split()
        out += [m.group(0) for w in words[1:] if (m := _CAPWORD.match(w.strip("«»\"'(„“")))]
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
    return X.tocsr(), np.asarray(vocab, dtype=object)


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


def _cluster(X, times, *, window, threshold, k, resolution, seed, same=None, merge_threshold=0.5):
    edges = _graph_edges(X, times, window=window, threshold=threshold, k=k, same=same)
    labels = _communities(X.shape[0], edges, resolution=resolution, seed=seed)
    return _merge_continuations(X, times, labels, window=window, merge_threshold=merge_threshold, same=same)


def _name_clusters(labels, docs, prefix):
    """Stable ids: ordered by first report (then by smallest doc_id)."""
    order = (pd.DataFrame({"label": labels, "published": docs["published"].to_numpy(),
                           "doc_id": docs["doc_id"].to_numpy()})
             .groupby("label").agg(first=("published", "min"), doc=("doc_id", "min"))
             .sort_values(["first", "doc"], na_position="last"))
    width = max(4, len(str(len(order))))
    mapping = {lab: f"{prefix}{i + 1:0{width}d}" for i, lab in enumerate(order.index)}
    return np.array([mapping[x] for x in labels], dtype=object)


def _event_table(docs, ids, X, vocab, col, n_terms=8):
    rows = []
    for ev, idx in pd.Series(np.arange(len(docs))).groupby(ids).groups.items():
        sub = docs.iloc[list(idx)]
        cen = np.asarray(X[list(idx)].mean(axis=0)).ravel()
        best = [vocab[j].lstrip("@") for j in np.argsort(-cen)[:n_terms] if cen[j] > 0]
        first = sub.sort_values(["published", "doc_id"], na_position="last").iloc[0]
        rows.append({"event_id": ev, "size": len(sub), "n_outlets": sub["outlet"].nunique(),
                     "outlets": sorted(sub["outlet"].unique().tolist()),
                     "first_report": sub["published"].min(), "last_report": sub["published"].max(),
                     "first_outlet": first["outlet"], "top_terms": best})
    out = pd.DataFrame(rows, columns=EVENT_COLUMNS).rename(columns={"event_id": col})
    return out.sort_values(["n_outlets", "size"], ascending=False, kind="mergesort").reset_index(drop=True)


def group_events(data, *, level: str = "event", window=None, threshold: float | None = None,
                 k: int | None = None, resolution: float | None = None, seed: int = 0) -> EventGroups:
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
        Maximum time between two linked reports (default ``"2D"`` for events,
        ``"365D"`` for stories: a thread may run for months); ``None`` keeps the default.
        Documents without a date are linked regardless of time.
    threshold : float, optional
        Minimum cosine similarity of a link (default 0.2 for events, 0.1 for stories).
    k : int, optional
        Neighbours per document in the similarity graph (default 10 for events, 20
        for stories).
    resolution : float, optional
        Louvain resolution: larger gives smaller groups (default 1.0 for events,
        0.5 for stories).
    seed : int
        Seed of the community detection: same input and seed, same events.

    Returns
    -------
    EventGroups
        ``corpus`` with ``event_id`` (and ``story_id``) and ``events``: one row per
        event or story with ``size``, ``n_outlets``, ``outlets``, ``first_report``,
        ``last_report``, ``first_outlet``, ``top_terms``.

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

    Examples
    --------
    >>> import framing
    >>> demo = framing.load_demo()
    >>> groups = framing.group_events(demo)
    >>> groups.events[["event_id", "size", "n_outlets", "first_outlet"]].head(3)
      event_id  size  n_outlets     first_outlet
    0   ev0001     7          7   vestnik_agency
    1   ev0008     7          7   vestnik_agency
    2   ev0009     7          7  ukrainska_dumka

    The demo corpus has 12 planted events (its ``event`` column); the
    grouping finds 14, splitting a few of them:

    >>> docs = groups.corpus.docs
    >>> len(groups.events), docs["event"].nunique()
    (14, 12)
    >>> docs.groupby("event")["event_id"].nunique().to_dict()
    {'e01': 1, 'e02': 2, 'e03': 2, 'e04': 2, 'e05': 1, 'e06': 1, 'e07': 1, 'e08': 1, 'e09': 1,
     'e10': 1, 'e11': 1, 'e12': 1}
    """
    check("group_events", _SPEC, level=level, window=window, threshold=threshold, k=k,
          resolution=resolution, seed=seed)
    from ..annotate.annotated import Annotated

    ann = data if isinstance(data, Annotated) else None
    corpus = data.corpus if ann is not None else data
    docs = corpus.docs
    if len(docs) == 0:
        cols = ["event_id"] + (["story_id"] if level == "story" else [])
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
        return d

    story_labels = None
    if level == "story":
        story_labels = _cluster(X, times, seed=seed, **settings("story"))
    labels = _cluster(X, times, seed=seed, same=story_labels, **settings("event"))
    event_ids = _name_clusters(labels, docs, "ev")
    if level == "event":
        out = corpus.with_columns(event_id=event_ids)
        return EventGroups(out, _event_table(docs, event_ids, X, vocab, "event_id"))
    story_ids = _name_clusters(story_labels, docs, "st")
    out = corpus.with_columns(event_id=event_ids, story_id=story_ids)
    return EventGroups(out, _event_table(docs, story_ids, X, vocab, "story_id"))
