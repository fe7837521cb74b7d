"""The work done for one batch of documents, in a worker process or a Dask worker.

Kept apart from :mod:`framing.annotate.pipeline` (which plans the batches and
reads the results back) so that both the local process pool and the Dask
backend (:mod:`framing.annotate.dask_backend`) import it without importing each
other.
"""

from __future__ import annotations

import contextlib
import gc
import os

from ._backend import ENTITY_FIELDS, MAX_PIECE_CHARS, TOKEN_FIELDS, get_backend, split_pieces
from .cache import AnnotationCache, part_tables

#: documents per batch at most (also bounded by characters)
BATCH_DOCS = 400


def chunk_bounds(lengths, max_docs: int, max_chars: int) -> list[int]:
    """Where consecutive chunks of documents of these ``lengths`` (characters) start: each chunk holds at
    most ``max_docs`` documents and ``max_chars`` characters, except a document longer than ``max_chars``,
    which is a chunk of its own.  Returns the start of every chunk and, last, ``len(lengths)``."""
    bounds, size, start = [0], 0, 0
    for i, n in enumerate(lengths):
        if i > start and (size + n > max_chars or i - start >= max_docs):
            bounds.append(i)
            start, size = i, 0
        size += n
    if bounds[-1] != len(lengths) or not len(lengths):
        bounds.append(len(lengths))
    return bounds


def _batches(items, batch_chars):
    """``items`` (``(hash, text, doc_id)``) in consecutive batches of at most :data:`BATCH_DOCS` documents and
    ``batch_chars`` characters (:func:`chunk_bounds`)."""
    items = list(items)
    if not items:
        return
    bounds = chunk_bounds([len(it[1]) for it in items], BATCH_DOCS, batch_chars)
    for lo, hi in zip(bounds[:-1], bounds[1:]):
        yield items[lo:hi]


def release_memory() -> None:
    """Give the memory freed so far back to the operating system (between the batches of a long run).

    A garbage collection, then pyarrow's memory pool returns its unused
    pages (``release_unused``) and, on Linux with glibc, ``malloc_trim(0)``
    returns the free pages of every malloc arena: without it, the texts and
    token lists of a batch leave freed memory that the process keeps, and a
    stream's resident memory creeps up with the number of batches.  Nothing
    that is still referenced is touched; elsewhere (macOS, Windows, musl) the
    steps that do not exist are skipped, so the call is always safe.  What
    pyarrow's default mimalloc pool keeps in the heaps of its other threads is
    not returned: with ``ARROW_DEFAULT_MEMORY_POOL=system`` (set before
    Python starts) Arrow's memory is glibc's, which the trim returns.
    """
    gc.collect()
    try:
        import pyarrow as pa
        pa.default_memory_pool().release_unused()
    except Exception:  # noqa: BLE001 - no pyarrow, or a pool without the call
        pass
    trim = _libc("malloc_trim")
    if trim is not None:
        trim(0)


#: glibc's mallopt parameter M_MMAP_THRESHOLD and its default value (128 KiB)
_M_MMAP_THRESHOLD, _MMAP_THRESHOLD = -3, 128 * 1024
_mmap_threshold_fixed = False


def fix_mmap_threshold() -> bool:
    """Keep glibc's mmap threshold at its default 128 KiB for the rest of the process (once; Linux/glibc only).

    glibc serves an allocation of at least the threshold with its own
    ``mmap`` and unmaps it when freed; but after such a block is freed it
    raises the threshold to the block's size (up to 32 MiB: the "dynamic
    mmap threshold", ``mallopt(3)``), so that later large blocks (a batch's
    JSON, the strings of long articles) come from the heap, where they
    fragment it and stay resident after they are freed.  A stream of long
    articles then peaks far higher than one of posts with the same
    characters.  Setting the threshold explicitly turns the adjustment off.
    Measured on the client's data path of ``benchmarks/scale.py`` (reading,
    cleaning, hashing and storing 25 batches of 10 M characters of the
    200,000-document dataset, no annotation): peak 381 MB with the dynamic
    threshold, 281 MB with it fixed.  Returns whether it was set.
    """
    global _mmap_threshold_fixed
    if _mmap_threshold_fixed:
        return True
    mallopt = _libc("mallopt")
    if mallopt is not None:
        _mmap_threshold_fixed = bool(mallopt(_M_MMAP_THRESHOLD, _MMAP_THRESHOLD))
    return _mmap_threshold_fixed


def _libc(name: str):
    """A glibc function (``malloc_trim``, ``mallopt``), or None where there is none (not Linux, not glibc)."""
    import sys
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes
        return getattr(ctypes.CDLL("libc.so.6"), name)
    except (OSError, AttributeError):
        return None


def _collect(res, problems, bar, store):
    part, n_docs, probs = res
    if isinstance(part, tuple):         # in-memory batch: (hashes, tokens, entities) tables
        store.add_part(*part)
    for p in probs:
        problems.add(p["source"], p["reason"], doc_id=p["doc_id"], action=p["action"])
    bar.update(n_docs)


def _init_worker(parent_pid=None):
    """Worker start-up: die with the parent, one BLAS thread per process (the processes are the parallelism).

    A worker is killed when its parent process dies (on Linux a parent-death
    signal, elsewhere a watchdog thread that watches the parent's pid), so
    killing only the parent (as the out-of-memory killer does) leaves no worker
    holding memory.  The objects inherited from the parent (models,
    dictionaries) are moved out of the garbage collector's reach
    (``gc.freeze``): collections in the worker then neither scan them nor copy
    their memory pages.
    """
    if parent_pid is not None:
        _die_with_parent(parent_pid)
    fix_mmap_threshold()
    gc.freeze()
    try:
        from threadpoolctl import threadpool_limits
        threadpool_limits(1)
    except Exception:  # noqa: BLE001 - optional
        pass


def _die_with_parent(parent_pid: int) -> None:
    """End this process when the process ``parent_pid`` (its parent) ends."""
    import sys
    if sys.platform.startswith("linux"):
        try:
            import ctypes
            import signal
            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(1, int(signal.SIGKILL), 0, 0, 0) == 0:    # PR_SET_PDEATHSIG
                if os.getppid() != parent_pid:                      # it died before the call
                    os._exit(1)
                return
        except (OSError, AttributeError):
            pass
    import threading
    threading.Thread(target=_watch_parent, args=(parent_pid,), name="framing-parent-watchdog",
                     daemon=True).start()


def _watch_parent(parent_pid: int, interval: float = 1.0) -> None:
    import time
    while os.getppid() == parent_pid:
        time.sleep(interval)
    os._exit(1)


@contextlib.contextmanager
def _gc_paused():
    """No cyclic garbage collection while a batch runs.

    A batch makes hundreds of thousands of small lists and tuples and no
    reference cycles; each collection would walk every object of the loaded
    models as well.  The collector is switched back on (if it was on) afterwards.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def annotate_batch(root, lang, key, desc, layers, items):
    """Annotate one batch and write it to the cache (runs in a worker or in-process).

    ``items`` are ``(text_hash, text, doc_id)``; returns ``(part, n_docs, problems)``:
    ``part`` is the cache part's name, or with ``root=None`` (``cache=False``) the
    tuple ``(hashes, token table, entity table)`` for a :class:`MemoryStore`.
    A failing batch is retried document by document; a document that still
    fails is reported and left out of the cache (it is retried next time).
    """
    with _gc_paused():
        return _annotate_batch(root, lang, key, desc, layers, items)


def _annotate_batch(root, lang, key, desc, layers, items):
    backend = get_backend(lang, warn=False)
    pieces, owners = [], []
    for j, (_h, text, _d) in enumerate(items):
        for off, piece in split_pieces(text, MAX_PIECE_CHARS):
            pieces.append(piece)
            owners.append((j, off))
    probs = []
    try:
        results = backend.annotate_texts(pieces, layers=layers)
    except Exception:  # noqa: BLE001 - isolate the bad document below
        results = []
        failed_docs = set()
        for p, (j, _off) in zip(pieces, owners):
            if j in failed_docs:
                results.append(None)
                continue
            try:
                results.append(backend.annotate_texts([p], layers=layers)[0])
            except Exception as exc:  # noqa: BLE001
                failed_docs.add(j)
                results.append(None)
                probs.append({"source": "annotate", "doc_id": items[j][2],
                              "reason": f"{backend.name} failed: {type(exc).__name__}: {exc}",
                              "action": "skipped (no tokens); retried on the next run"})
    tok = {f: [] for f in ("doc",) + TOKEN_FIELDS}
    ent = {f: [] for f in ("doc",) + ENTITY_FIELDS}
    bad = {j for j, r in zip((o[0] for o in owners), results) if r is None}
    done = [j for j in range(len(items)) if j not in bad]
    local = {j: k for k, j in enumerate(done)}
    sent_base = {}
    for (j, off), res in zip(owners, results):
        if j in bad:
            continue
        t, e = res
        base = sent_base.get(j, 0)
        n = _extend(tok, t, TOKEN_FIELDS, local[j], off, base)
        _extend(ent, e, ENTITY_FIELDS, local[j], off, base)
        if n:
            sent_base[j] = base + int(max(t["sent_id"]))
    done_hashes = [items[j][0] for j in done]
    if not done:
        part = None
    elif root is None:                  # cache=False: the tables go back to the caller
        part = (done_hashes, *part_tables(tok, ent))
    else:
        part = AnnotationCache(root, key, desc).write_part(done_hashes, tok, ent)
    return part, len(items), probs


def _extend(dst: dict, src: dict, fields, doc: int, off: int, base: int) -> int:
    """Append one piece's columns to the batch's, its offsets shifted by ``off`` and
    its sentence ids by ``base`` (a long document is annotated in pieces); returns
    the number of rows."""
    n = len(src["sent_id"])
    dst["doc"].extend([doc] * n)
    for f in fields:
        col = src[f]
        if f in ("start", "end") and off:
            col = [int(x) + off for x in col]
        elif f == "sent_id" and base:
            col = [int(x) + base for x in col]
        dst[f].extend(col.tolist() if hasattr(col, "tolist") else col)
    return n


# --- reading back ---------------------------------------------------------------------
