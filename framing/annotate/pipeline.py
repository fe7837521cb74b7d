"""``framing.annotate``: corpus → :class:`~framing.annotate.Annotated`, cached and in parallel.

Documents are grouped by language, cleaned (:func:`~framing.annotate._backend.clean_text`,
offsets unchanged), keyed by the hash of their text and looked up in the
Parquet cache (:mod:`framing.annotate.cache`).  The documents not yet cached
are cut into batches; each batch is annotated by the language's backend (in
this process, or in ``n_jobs`` worker processes that each load the models
once) and written to the cache as soon as it is done, so memory stays bounded
and an interrupted run resumes where it stopped.  The result is read back from
the cache with pyarrow.  With ``cache=False`` the batches are kept in memory as
Arrow tables instead (:class:`~framing.annotate.cache.MemoryStore`).
"""

from __future__ import annotations

import os
import warnings
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

from .._errors import AnnotationWarning, FramingError, OptionError
from .._options import HasMethods, InstanceOf, Interval, NoneOk, OneOf, check
from .._problems import PROBLEM_COLUMNS, ProblemLog
from ._backend import RegexBackend, clean_text, get_backend, normalize_layers
from ._worker import _batches, _collect, _init_worker, annotate_batch, chunk_bounds, fix_mmap_threshold, release_memory
from .cache import AnnotationCache, MemoryStore, cache_key, cache_root, text_hash

#: Bump when the pipeline's output changes: every cached annotation is recomputed.
PIPELINE_VERSION = "2"

#: A batch holds at most this many characters (and ``_worker.BATCH_DOCS`` documents).
BATCH_CHARS = 400_000


class AnnotationError(FramingError):
    """A document could not be annotated (raised only with ``strict=True``)."""


_SPEC = {
    "lang": [NoneOk(), InstanceOf(str)],
    "layers": [NoneOk(), InstanceOf(str, tuple, list, set, frozenset)],
    "n_jobs": Interval(-1, 256, integer=True),
    "cache": [InstanceOf(bool, str, os.PathLike)],
    "progress": InstanceOf(bool),
    "strict": InstanceOf(bool),
    "batch_chars": Interval(1000, None, integer=True),
    "backend": OneOf("local", "dask"),
    "client": [NoneOk(), HasMethods("submit", "scheduler_info", what="a distributed.Client")],
    "lazy": [NoneOk(), InstanceOf(bool)],
    "chunk_chars": Interval(10_000, None, integer=True),
}

#: A lazy annotation of a large corpus (and each batch of a stream) is made this many documents
#: at a time, so that the texts of only one chunk are copied and planned at once.
CHUNK_DOCS = 20_000

#: ... and at most this many characters (a chunk of long articles holds fewer documents), so that
#: the memory of one chunk does not depend on which documents fall together.
CHUNK_CHARS = 4_000_000


def annotate(corpus, *, lang=None, layers=None, n_jobs=1, cache=True, progress=True,
             strict=False, batch_chars=BATCH_CHARS, backend="local", client=None, lazy=None,
             chunk_chars=CHUNK_CHARS):
    """Annotate a corpus: sentences, tokens, lemmas, morphology, syntax and named entities.

    Parameters
    ----------
    corpus : Corpus or iterable of Corpus
        The documents; or a stream of corpora, e.g. ``framing.iter_jsonl(path,
        batch_size=10_000)``: each batch is annotated into the cache as it
        comes, and one annotation of all of them (read from the cache, as with
        ``lazy=True``) is returned, equal to annotating the batches
        concatenated (their problems are listed batch by batch).  An
        interrupted stream resumes from the cache when run again.
    lang : str, optional
        Annotate every document as this language; by default each document's
        ``lang`` column (a corpus may mix languages).
    layers : iterable of str, optional
        Any of ``"tokens"``, ``"lemma"``, ``"morph"`` (UPOS + features),
        ``"syntax"``, ``"ner"``; default every layer the language's backend
        has.  ``layers=("lemma",)`` is the fast lemmas-only mode (no tagger).
    n_jobs : int
        Worker processes (``-1``: one per CPU); each loads the models once.
    cache : bool or path
        ``True``: the cache under ``$FRAMING_CACHE_DIR`` or
        ``~/.cache/framing``; a path: a cache there; ``False``: no cache
        (batches are kept in memory as Arrow tables; nothing is written).
    progress : bool
        Show a ``tqdm`` progress bar.
    strict : bool
        Raise on the first document that cannot be annotated properly
        (no backend for its language, a backend error) instead of recording it
        in ``.problems``.
    batch_chars : int
        Characters per batch (memory per worker grows with it).
    backend : {"local", "dask"}
        ``"local"``: this process, or ``n_jobs`` worker processes on this
        machine; ``"dask"``: tasks on a dask.distributed cluster (needs
        ``pip install "framing[scale]"``), see
        :mod:`framing.annotate.dask_backend`.  Both write and reuse the same
        cache and return equal tables.
    client : distributed.Client, optional
        With ``backend="dask"``: the cluster to run on (any, e.g. SLURM via
        dask-jobqueue); by default a LocalCluster of ``n_jobs`` processes with
        one thread each is started for the call.
    lazy : bool, optional
        ``True``: return a :class:`~framing.annotate.lazy.CachedAnnotated`
        that holds the documents table and an index of the cache, not the
        token and entity tables: they are read from the cache (and verified)
        batch by batch when a measure asks for them
        (``token_batches``, ``partitions``; ``.tokens`` reads the whole
        table), so a million documents fit in a laptop's memory.  The corpus
        is then also annotated in chunks of :data:`CHUNK_DOCS` documents.
        ``False``: the tables are held in memory.  Default: lazy from
        :data:`~framing.annotate.lazy.LAZY_DOCS` (100,000) documents on and
        for a stream, when there is a cache.  Both give equal tables.
    chunk_chars : int
        With a lazy result (and for every batch of a stream): the corpus is
        annotated in chunks of at most :data:`CHUNK_DOCS` documents and
        ``chunk_chars`` characters (a document longer than that is a chunk of
        its own), the memory freed after each chunk given back to the system
        (:func:`~framing.annotate._worker.release_memory`), so that a long
        run's memory is that of one chunk whatever the documents' lengths.
        The tables do not depend on it.  For long streams start Python with
        ``ARROW_DEFAULT_MEMORY_POOL=system``: pyarrow's default pool
        (mimalloc) keeps the memory each batch freed in per-thread heaps
        that cannot be given back, and the process grows with the number
        of batches (see ``benchmarks/scale.py``).

    Returns
    -------
    Annotated
        ``tokens``, ``entities``, ``capabilities`` per language, ``meta``
        (pipeline and backend versions) and ``problems``
        (a :class:`~framing.annotate.lazy.CachedAnnotated` when lazy).

    Notes
    -----
    Character offsets (``start``, ``end``) point into the corpus's ``text``
    column.  Control characters and broken Unicode are replaced one for one
    before annotation; texts longer than 100,000 characters are annotated in
    pieces cut at paragraph or sentence boundaries.  Documents in a language
    without a backend are tokenised by a regular expression (lemma = lowercased
    form) and listed in a warning.

    Every cached part is verified before it is used (checksums of its files,
    the text hashes stored inside it); a damaged part is moved to the cache's
    ``quarantine/`` folder, recorded in ``.problems`` (source ``"cache"``) and
    its documents are annotated again in the same call, so the tables never
    come from a damaged cache.  Two processes annotating the same documents
    into one cache do not both annotate them: the second waits for the first's
    parts.  Worker processes end when their parent is killed; an interrupted
    run resumes with the documents not yet cached.

    References
    ----------
    de Marneffe, M.-C., Manning, C. D., Nivre, J., & Zeman, D. (2021). Universal
    Dependencies. *Computational Linguistics*, 47(2), 255–308.

    Examples
    --------
    >>> import framing
    >>> import pandas as pd
    >>> c = framing.Corpus.from_frame(pd.DataFrame({"text": ["Песков заявил это журналистам."]}))
    >>> a = framing.annotate(c, progress=False)
    >>> a.tokens[["text", "lemma", "upos", "head", "deprel"]].values.tolist()
    [['Песков', 'Песков', 'PROPN', 2, 'nsubj'], ['заявил', 'заявить', 'VERB', 0, 'root'],
     ['это', 'это', 'PRON', 2, 'obj'], ['журналистам', 'журналист', 'NOUN', 2, 'iobj'],
     ['.', '.', 'PUNCT', 2, 'punct']]
    >>> a.entities[["text", "type", "start", "end"]].values.tolist()
    [['Песков', 'PER', 0, 6]]

    The demo corpus mixes Russian, Ukrainian and English; each document gets
    its language's backend (``capabilities`` says which layers each has):

    >>> framing.annotate(framing.load_demo(), progress=False)
    <Annotated: 79 documents, 20689 tokens, 1247 entity mentions>

    A stream of corpora (here the demo in three batches; usually
    ``framing.iter_jsonl(path, batch_size=...)``) is annotated batch by batch
    into the cache and read back from it in partitions:

    >>> demo = framing.load_demo()
    >>> batches = (demo.filter(demo.docs.index // 30 == k) for k in range(3))
    >>> ann = framing.annotate(batches, layers=("lemma",), cache="cache-stream", progress=False)
    >>> ann
    <CachedAnnotated: 79 documents, 20689 tokens, 0 entity mentions, read from the cache>
    >>> [len(part) for part in ann.partitions(40)], ann.corpus == demo
    ([40, 39], True)
    """
    check("annotate", _SPEC, lang=lang, layers=layers, n_jobs=n_jobs, cache=cache, progress=progress,
          strict=strict, batch_chars=batch_chars, backend=backend, client=client, lazy=lazy,
          chunk_chars=chunk_chars)
    use_dask = backend == "dask"
    if client is not None and not use_dask:
        raise FramingError('annotate(): client= is used only with backend="dask".')
    from ..corpus import Corpus
    from .lazy import LAZY_DOCS

    options = dict(lang=lang, layers=layers, n_jobs=n_jobs, cache=cache, progress=progress, strict=strict,
                   batch_chars=batch_chars, backend=backend, client=client, chunk_chars=chunk_chars)
    if not isinstance(corpus, Corpus):
        if _is_stream(corpus):
            if lazy is False or cache is False:
                raise OptionError("annotate(): a stream of corpora is annotated into the cache and read back "
                                  "from it batch by batch; it needs a cache (cache=True or a folder) and "
                                  "lazy=None or True. For an in-memory result, concatenate the batches "
                                  "(corpus.concat(...)) and annotate the corpus.")
            return _annotate_stream(corpus, options)
        raise FramingError(f"annotate() needs a framing.Corpus (or an iterable of them, e.g. "
                           f"framing.iter_jsonl(...)), got {type(corpus).__name__}; "
                           "build one with framing.Corpus.from_frame(df, text=..., ...).")
    if lazy and cache is False:
        raise OptionError("annotate(): lazy=True reads the tables from the annotation cache, and cache=False "
                          "has none; pass cache=True (or a folder), or lazy=False.")
    if lazy is None:
        lazy = cache is not False and len(corpus) >= LAZY_DOCS
    if lazy and (len(corpus) > CHUNK_DOCS or _n_chars(corpus) > chunk_chars):
        return _annotate_chunks(corpus, options)
    return _annotate_corpus(corpus, options, lazy=bool(lazy))


def _annotate_corpus(corpus, options, *, lazy: bool, stores: dict | None = None):
    """Annotate one corpus (the options checked by :func:`annotate`).  ``stores``: the cache objects of a
    stream, by cache key, reused from batch to batch (each batch reads only the cache parts written
    since the last, not the whole index again)."""
    from .annotated import Annotated
    lang, layers, n_jobs, cache, progress, strict, batch_chars, backend, client = (
        options[k] for k in ("lang", "layers", "n_jobs", "cache", "progress", "strict", "batch_chars",
                             "backend", "client"))
    use_dask = backend == "dask"        # (the name ``backend`` is reused below)
    req_layers = normalize_layers(layers)
    if n_jobs == -1:
        n_jobs = os.cpu_count() or 1
    n_jobs = max(1, n_jobs)
    problems = ProblemLog(strict=strict, error_cls=AnnotationError)

    docs = corpus.docs
    doc_ids = docs["doc_id"].tolist()
    texts = [clean_text(t) for t in docs["text"].tolist()]
    langs = [_norm_lang(lang)] * len(docs) if lang is not None else [_norm_lang(x) for x in docs["lang"].tolist()]
    hashes = [text_hash(t) for t in texts]

    # cache=False: batches stay in memory as Arrow tables (root None), nothing is written
    root = None if cache is False else cache_root(cache)

    groups: dict[str, list[int]] = {}
    for i, lg in enumerate(langs):
        groups.setdefault(lg, []).append(i)

    meta = {"pipeline": "framing.annotate", "pipeline_version": PIPELINE_VERSION,
            "layers": sorted(req_layers), "backends": {}, "cache": None if cache is False else str(root),
            "documents_cached": 0, "documents_annotated": 0}
    caps_rows = []
    configs = []  # (lang, store, layers, corpus positions)
    fallback_docs: dict[str, list[str]] = {}
    for lg, idxs in groups.items():
        backend = get_backend(lg)
        eff = backend.effective_layers(req_layers)
        if isinstance(backend, RegexBackend):
            fallback_docs[lg] = [doc_ids[i] for i in idxs]
        version = backend.version()
        key, desc = cache_key(pipeline_version=PIPELINE_VERSION, lang=lg, backend_version=version,
                              layers=eff)
        if root is None:
            store = MemoryStore(key, desc)
        elif stores is not None and key in stores:
            store = stores[key]
        else:
            store = AnnotationCache(root, key, desc)
            if stores is not None:
                stores[key] = store
        meta["backends"][lg] = {"backend": backend.name, "version": version, "layers": sorted(eff),
                                "cache_key": key}
        for row in backend.capabilities():
            r = dict(row, lang=lg)
            if r["layer"] in ("upos", "feats"):
                r["available"] = bool(r["available"]) and "morph" in eff
            elif r["layer"] != "tokens":
                r["available"] = bool(r["available"]) and r["layer"] in eff
            caps_rows.append(r)
        configs.append((lg, store, eff, idxs))

    if fallback_docs:
        _warn_fallback(fallback_docs, problems)

    run = _run
    if use_dask:
        from functools import partial

        from .dask_backend import run as run_dask
        run = partial(run_dask, client=client)
    tables, annotated = _annotate_and_read(configs, texts, hashes, langs, doc_ids, n_jobs=n_jobs,
                                           progress=progress, batch_chars=batch_chars,
                                           problems=problems, root=root, run=run, lazy=lazy)
    del texts
    meta["documents_annotated"] = len(annotated)
    meta["documents_cached"] = sum(1 for h in hashes if h not in annotated)
    for _, store, _, _ in configs:
        # a damaged cache part is repaired, not a document that failed: recorded even with strict=True
        problems.rows.extend({c: r.get(c) for c in PROBLEM_COLUMNS} for r in getattr(store, "problems", []))

    import pandas as pd

    from .annotated import CAPABILITY_COLUMNS
    caps = pd.DataFrame(caps_rows, columns=CAPABILITY_COLUMNS)
    all_problems = problems.to_frame()
    others = ProblemLog()
    others.rows = [r for r in problems.rows if r["action"] != "annotated with the regex tokenizer"]
    others.report("annotate", category=AnnotationWarning)
    if lazy:
        from .lazy import CachedAnnotated
        return CachedAnnotated(corpus, tables, capabilities=caps, meta=meta, problems=all_problems)
    return Annotated(corpus, *tables, capabilities=caps, meta=meta, problems=all_problems)


def _is_stream(obj) -> bool:
    """An iterable of corpora (a generator, a list) rather than one corpus or a table."""
    import pandas as pd
    return (hasattr(obj, "__iter__") and not isinstance(obj, (str, bytes, dict, pd.DataFrame, pd.Series))
            and not hasattr(obj, "docs"))


def _annotate_chunks(corpus, options):
    """A lazy annotation of a large corpus, a chunk at a time (:func:`_chunks`)."""
    return _annotate_stream([corpus], options, corpus=corpus, total=len(corpus))


def _n_chars(corpus) -> int:
    return int(corpus._docs["text"].str.len().sum())


def _chunks(corpus, max_chars: int = CHUNK_CHARS):
    """``corpus`` in consecutive pieces of at most :data:`CHUNK_DOCS` documents and ``max_chars``
    characters (see :func:`chunk_bounds`)."""
    import numpy as np
    n = len(corpus)
    bounds = chunk_bounds(corpus._docs["text"].str.len().tolist(), CHUNK_DOCS, max_chars)
    if len(bounds) <= 2:
        yield corpus
        return
    for lo, hi in zip(bounds[:-1], bounds[1:]):
        keep = np.zeros(n, dtype=bool)
        keep[lo:hi] = True
        yield corpus.filter(keep)


def _annotate_stream(batches, options, *, corpus=None, total=None):
    """Annotate consecutive corpora into the cache and combine them into one lazy annotation.

    Each batch is annotated as a whole corpus (lazily: only its index is kept)
    before the next is read; with ``backend="dask"`` and no client one
    LocalCluster serves every batch.  ``corpus``: the batches' corpus when it
    is known (chunks of one corpus), else the batches are concatenated.
    """
    from contextlib import nullcontext

    from .._progress import progress_bar
    from ..corpus import Corpus
    from .lazy import CacheIndex, DocumentStore, combine

    opts = dict(options)
    fix_mmap_threshold()        # long texts: glibc's large blocks back to the system when freed
    stores: dict = {}           # one cache object per configuration for the whole stream
    own_cluster = nullcontext(opts["client"])
    if opts["backend"] == "dask" and opts["client"] is None:
        from .dask_backend import _client_for
        own_cluster = _client_for(None, max(1, opts["n_jobs"] if opts["n_jobs"] != -1 else (os.cpu_count() or 1)))
    results, summaries, indexes, seen = [], [], [], _SeenIds()
    root = cache_root(opts["cache"])
    bar = progress_bar(total=total, unit="doc", desc="annotate (batches)", enabled=bool(opts["progress"]))
    try:
        with own_cluster as cl:
            opts["client"] = cl
            for k, batch in enumerate(batches):
                if not isinstance(batch, Corpus):
                    raise FramingError(f"annotate(): batch {k} of the stream is a {type(batch).__name__}, not a "
                                       "framing.Corpus; pass corpora, e.g. framing.iter_jsonl(path, batch_size=...).")
                again = seen.repeated(batch._docs["doc_id"], summaries)
                if len(again):
                    raise FramingError(f"annotate(): batch {k} of the stream repeats doc_ids of earlier batches "
                                       f"({again[:5]}); doc_id must be unique across batches (the "
                                       "iter_* loaders make them so). The batches before it are cached.")
                for piece in (_chunks(batch, opts["chunk_chars"]) if len(batch) else ()):
                    res = _annotate_corpus(piece, opts, lazy=True, stores=stores)
                    # the chunks' indexes, joined once at the end (joining after every chunk copied the
                    # whole index each time), no texts kept: the batch is stored on disk, or is a chunk
                    # of the corpus given
                    indexes.append(res._index)
                    res._corpus = res._index = None
                    results.append(res)
                    del piece, res
                    release_memory()        # the chunk's texts and tables: back to the system
                if corpus is None:              # a stream: its documents are kept on disk
                    summaries.append(DocumentStore.summary(batch, root))
                bar.update(len(batch))
                del batch
    finally:
        bar.close()
    if not results:
        raise FramingError("annotate(): the stream of corpora was empty; nothing to annotate.")
    index = CacheIndex.concat(indexes)
    del indexes
    if corpus is not None:
        return combine(results, index, corpus)
    return combine(results, index, documents=DocumentStore.from_summaries(summaries))


class _SeenIds:
    """The doc_ids of a stream's earlier batches, as sorted 64-bit hashes (8 bytes a document, not a
    Python string each); a hash met again is confirmed against the stored documents tables, so a
    collision never raises by mistake.  Chunks of one corpus (no tables) have unique ids already."""

    def __init__(self):
        import numpy as np
        self.hashes = np.empty(0, dtype=np.uint64)

    def repeated(self, ids, summaries) -> list:
        """The ids of ``ids`` met in earlier batches (and remember ``ids``)."""
        import numpy as np
        import pandas as pd
        h = pd.util.hash_array(ids.to_numpy(dtype=object))
        pos = np.searchsorted(self.hashes, h).clip(max=max(len(self.hashes) - 1, 0))
        hit = (self.hashes[pos] == h) if len(self.hashes) else np.zeros(len(h), dtype=bool)
        self.hashes = np.sort(np.concatenate([self.hashes, h]))
        if not hit.any() or not summaries:
            return []
        from .lazy import DocumentStore
        cand = set(ids[hit])
        earlier = DocumentStore.doc_ids(summaries)
        met = set(earlier[earlier.isin(cand)])
        return [i for i in ids[hit] if i in met]


def _norm_lang(x) -> str:
    s = str(x or "und").strip().lower()
    for sep in ("-", "_"):
        s = s.split(sep)[0]
    return s or "und"


def _warn_fallback(fallback_docs, problems) -> None:
    parts = []
    for lg, ids in sorted(fallback_docs.items()):
        shown = ", ".join(repr(d) for d in ids[:5]) + (f", … ({len(ids)} in all)" if len(ids) > 5 else "")
        parts.append(f"{lg!r}: {shown}")
        for d in ids:
            # strict mode raises here; otherwise the warning below is the report
            problems.add("annotate", f"no annotation backend for language {lg!r}", doc_id=d,
                         action="annotated with the regex tokenizer")
    warnings.warn(
        "annotate(): no annotation backend for " + "; ".join(parts)
        + ". These documents were split into sentences and tokens by a simple regex tokenizer "
          "(lemma = lowercased form, no morphology, syntax or entities). Pass lang=... if their "
          "language was detected wrongly.",
        AnnotationWarning, stacklevel=3)


# --- batching and running ------------------------------------------------------------

#: Rounds of (annotate what is missing, read back) before a cache that keeps failing
#: verification is given up on.
_MAX_ROUNDS = 5


def _annotate_and_read(configs, texts, hashes, langs, doc_ids, *, n_jobs, progress, batch_chars, problems,
                       root, run=None, lazy=False):
    """Annotate the documents not cached, then read every document back from the cache.

    Each round claims the missing documents (another process annotating the same
    documents into the same cache keeps its claim; its documents are waited for
    and read from its parts), annotates them and reads the tables back.  A part
    that fails verification while being read is quarantined, and the next round
    annotates its documents again, so the tables returned are always those of
    verified parts.  ``run`` annotates the planned batches (``_run``, the local
    process pool, or the Dask backend's ``run``).  Returns ``((tokens,
    entities), hashes annotated here)``, or with ``lazy`` the
    :class:`~framing.annotate.lazy.CacheIndex` of the documents instead of the
    tables (every part verified on the way).
    """
    run = _run if run is None else run
    annotated: set[str] = set()
    failed: set[str] = set()        # not annotated (a backend error): not retried in this call
    damaged_rounds = 0
    while damaged_rounds < _MAX_ROUNDS:
        plans, theirs = [], []
        try:
            for lg, store, eff, idxs in configs:
                want = [hashes[i] for i in idxs if hashes[i] not in failed]
                if isinstance(store, AnnotationCache):
                    mine, other = store.claim(want)
                    theirs.append((store, other))
                else:
                    mine = store.missing(want)
                mine, items = set(mine), []
                for i in idxs:
                    if hashes[i] in mine:
                        mine.discard(hashes[i])
                        items.append((hashes[i], texts[i], doc_ids[i]))
                plans.append((lg, store, eff, items))
            run(plans, n_jobs=n_jobs, progress=progress, batch_chars=batch_chars, problems=problems,
                root=None if root is None else str(root))
        finally:
            for _, store, _, _ in configs:
                if isinstance(store, AnnotationCache):
                    store.release()
        for _lg, store, _eff, items in plans:
            done = store.index()
            annotated.update(h for h, _t, _d in items)
            failed.update(h for h, _t, _d in items if h not in done)
        if any(other for _, other in theirs):
            _wait_for_others(theirs, progress)
            continue                # read their parts, or annotate what they left
        damaged = _n_damaged(configs)
        if lazy:
            from .lazy import locate
            tables = locate(plans, hashes, langs, len(doc_ids))
        else:
            tables = _assemble(plans, hashes, langs, doc_ids)
        if _n_damaged(configs) == damaged:
            return tables, annotated
        del tables                  # a part failed while being read: annotate its documents again
        damaged_rounds += 1
    raise FramingError(f"annotate(): the annotation cache {str(root)!r} failed verification {_MAX_ROUNDS} times "
                       "in a row (parts written now are damaged when read back: a failing disk?); "
                       "run `framing cache verify`, or pass cache=False or cache='another/folder'.")


def _n_damaged(configs) -> int:
    return sum(len(getattr(store, "problems", ())) for _, store, _, _ in configs)


def _wait_for_others(theirs, progress) -> None:
    """Wait until the documents other processes claimed are cached (or their process ended)."""
    from .._progress import progress_bar
    total = sum(len(other) for _, other in theirs)
    bar = progress_bar(total=total, unit="doc", desc="annotate: waiting for another process",
                       enabled=bool(progress), leave=False)
    try:
        for store, other in theirs:
            if other:
                store.wait_for(other, on_progress=bar.update)
    finally:
        bar.close()


def _run(plans, *, n_jobs, progress, batch_chars, problems, root):
    total = sum(len(items) for _, _, _, items in plans)
    if total == 0:
        return
    from .._progress import progress_bar

    if n_jobs > 1:
        # enough batches to keep every worker busy to the end
        chars = sum(len(it[1]) for _, _, _, items in plans for it in items)
        # (the size that splits the texts into exactly 4 batches per worker, rounded
        # up so that no small remainder batch is left for one worker at the end)
        longest = max(len(it[1]) for _, _, _, items in plans for it in items)
        batch_chars = max(20_000, min(batch_chars, -(-chars // (4 * n_jobs)) + longest))
    jobs = [(lg, store.key, store.desc, eff, batch) for lg, store, eff, items in plans
            for batch in _batches(items, batch_chars)]
    stores = {store.key: store for _, store, _, _ in plans}
    bar = progress_bar(total=total, unit="doc", desc="annotate", enabled=bool(progress), leave=False)
    try:
        if n_jobs == 1 or len(jobs) == 1:
            for lg, key, desc, eff, batch in jobs:
                res = annotate_batch(root, lg, key, desc, eff, [(h, t, d) for h, t, d in batch])
                _collect(res, problems, bar, stores[key])
        else:
            ctx = _mp_context()
            # the workers' parent is this process, except under forkserver
            parent = os.getpid() if ctx.get_start_method() in ("fork", "spawn") else None
            with ProcessPoolExecutor(max_workers=min(n_jobs, len(jobs)), mp_context=ctx,
                                     initializer=_init_worker, initargs=(parent,)) as pool:
                pending = {}                    # future -> the store its batch belongs to
                try:
                    for job in jobs:
                        pending[pool.submit(annotate_batch, root, *job)] = stores[job[1]]
                        if len(pending) >= 2 * n_jobs:
                            done, _ = wait(pending, return_when=FIRST_COMPLETED)
                            for f in done:
                                _collect(f.result(), problems, bar, pending.pop(f))
                    for f in list(pending):
                        _collect(f.result(), problems, bar, pending.pop(f))
                except BaseException:
                    pool.shutdown(wait=False, cancel_futures=True)
                    raise
    finally:
        bar.close()
    for _, store, _, _ in plans:
        if isinstance(store, AnnotationCache):
            store._index = None  # re-read: workers wrote parts


def _mp_context():
    """``fork`` where it is safe and available (Linux: no ``__main__`` guard needed,
    workers start at once), else ``spawn``; ``FRAMING_MP_START`` overrides."""
    import multiprocessing as mp
    import sys
    method = os.environ.get("FRAMING_MP_START")
    if not method:
        method = "fork" if (sys.platform.startswith("linux") and "fork" in mp.get_all_start_methods()) else "spawn"
    return mp.get_context(method)


def _assemble(plans, hashes, langs, doc_ids):
    """Token and entity DataFrames in corpus order, read part by part from the cache.

    Rows carry the corpus position of their document (texts shared by several
    documents are repeated for each); one sort by (position, sentence, token)
    and one conversion to pandas follow.  No per-token Python objects are made.
    """
    import numpy as np

    from .annotated import empty_entities, empty_tokens
    from .lazy import _place, _to_frame
    tok_tables, ent_tables = [], []
    for lg, store, _eff, _items in plans:
        idx = store.index()
        where: dict[str, list[int]] = {}
        for i in range(len(doc_ids)):
            if langs[i] == lg and hashes[i] in idx:
                where.setdefault(hashes[i], []).append(i)
        if not where:
            continue
        for ph, tok, ent in store.iter_parts(where.keys()):
            positions = [where.get(h, []) for h in ph]
            for t, acc in ((tok, tok_tables), (ent, ent_tables)):
                if t.num_rows:
                    acc.extend(_place(t, positions))
    doc_arr = np.asarray(doc_ids, dtype=object)
    tok_df = _to_frame(tok_tables, ["_order", "sent_id", "tok_id"], doc_arr) if tok_tables else empty_tokens()
    ent_df = _to_frame(ent_tables, ["_order", "sent_id", "start_tok"], doc_arr) if ent_tables else empty_entities()
    return tok_df, ent_df
