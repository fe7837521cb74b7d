"""``framing.annotate(corpus, backend="dask")``: the annotation on dask.distributed.

The pipeline (:mod:`framing.annotate.pipeline`) plans the work as it does for
its own process pool: documents grouped by language, looked up in the cache,
the missing ones cut into batches.  Here every batch becomes one task,
:func:`~framing.annotate._worker.annotate_batch`, the very function the
process pool runs, so a batch writes the same Parquet part to the same cache
(a run interrupted on the cluster resumes from it on a laptop, and the other
way round) and the tables read back equal those of ``n_jobs=1``.  With a
cache, a batch's texts reach the worker as a file in the cache folder
(:func:`_write_items`), not inside the task: dask.distributed keeps the
serialized arguments of finished tasks in memory (measured in the
process of a LocalCluster's client and scheduler).

Models are loaded once per worker process: a worker plugin loads the
backends of the languages a run needs when the worker starts (or joins an
adaptive cluster) and keeps them in the process, where every later task finds
them.  Tasks run one at a time per worker process, also on workers with
several threads (the backends are not written for threads).

Without a ``client`` a :class:`distributed.LocalCluster` of ``n_jobs`` worker
processes with one thread each is started and closed again.  With a client,
any cluster (SLURM through dask-jobqueue, Kubernetes, ...) runs the tasks; the
cache folder must then be on a file system every worker and the client can
reach (``cache=False`` sends the tables back through the scheduler instead).
"""

from __future__ import annotations

import contextlib
import threading
import uuid

from .._errors import FramingError, missing_dependency

try:  # the optional extra "scale"; run() says how to install it when it is absent
    from distributed import WorkerPlugin as _WorkerPlugin
except ImportError:  # pragma: no cover - exercised by a test that hides the package
    _WorkerPlugin = object

#: Tasks kept in flight per worker (the rest of the batches wait on the client).
TASKS_PER_WORKER = 3

_TASK_LOCK = threading.Lock()


def _distributed():
    """The ``distributed`` module, or a :class:`~framing._errors.MissingDependencyError`."""
    try:
        import distributed
    except ImportError as exc:
        raise missing_dependency("dask.distributed", 'annotate(backend="dask")',
                                 install='"framing[scale]"') from exc
    return distributed


class FramingWorkerPlugin(_WorkerPlugin):
    """Load the annotation backends of some languages once in every worker process.

    Registered by :func:`run` under the name ``"framing-annotate"``; dask calls
    :meth:`setup` in each worker (also in workers that join later).  The models
    are kept in the process (:func:`~framing.annotate._backend.get_backend`),
    then moved out of the garbage collector's reach and BLAS is limited to one
    thread, as in the process pool's workers.
    """

    name = "framing-annotate"

    def __init__(self, langs):
        self.langs = sorted(set(langs))

    def setup(self, worker=None):
        from . import _worker
        from ._backend import get_backend
        for lg in self.langs:
            get_backend(lg, warn=False).load()
        _worker._init_worker()


def _task(root, lang, key, desc, layers, items):
    """One batch on a worker: :func:`~framing.annotate._worker.annotate_batch`, one at a time per process,
    the memory it freed given back to the system afterwards.

    ``items``: the batch's ``(text_hash, text, doc_id)``, or the path of the file
    :func:`_write_items` stored them in beside the cache.
    """
    from ._worker import annotate_batch, release_memory
    if isinstance(items, str):
        items = _read_items(items)
    with _TASK_LOCK:
        out = annotate_batch(root, lang, key, desc, layers, items)
        del items
        release_memory()        # the batch's texts and token lists: back to the system, not kept by malloc
        return out


def _write_items(store, name: str, items) -> str:
    """Store a batch's documents in ``<cache folder>/batches/<name>.json`` (the folder every worker reads);
    returns its path.

    The texts then travel from the client to the worker through the file
    system, not inside the task: dask.distributed keeps serialized task
    payloads in the process of a LocalCluster's client and scheduler after the
    task is released (measured:
    about 4.6 KB per document, so a 200,000-document stream grew the client
    by about 0.9 GB), while a path is a few bytes.
    """
    import json
    from pathlib import Path

    from .._atomic import atomic_path
    folder = Path(store.dir) / "batches"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.json"
    with atomic_path(path) as tmp:
        tmp.write_text(json.dumps([list(it) for it in items], ensure_ascii=False), encoding="utf-8")
    return str(path)


def _read_items(path: str) -> list:
    import json
    from pathlib import Path
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise FramingError(f"A dask worker cannot read the batch file {path} ({err}): the cache folder must be "
                           "on a file system shared by the workers and the client, or pass cache=False.") from None
    return [tuple(it) for it in data]


def _remove(path) -> None:
    """Remove a batch file; one that cannot be removed is left for the cache's sweep."""
    from .cache import _unlink
    with contextlib.suppress(OSError):
        _unlink(path)


def _jobs(plans, *, n_workers, batch_chars):
    """The batches of every plan: ``(store, (lang, key, desc, layers, items))``.

    On several workers the batch size shrinks so that each worker gets about
    four batches (and no one is left with a small last batch), never below
    20,000 characters; one batch never mixes languages (its key decides the
    cache folder).
    """
    from ._worker import _batches
    if n_workers > 1:
        sizes = [len(it[1]) for *_, items in plans for it in items]
        per_task = -(-sum(sizes) // (4 * n_workers)) + max(sizes)
        batch_chars = max(20_000, min(batch_chars, per_task))
    return [(store, (lg, store.key, store.desc, eff, batch))
            for lg, store, eff, items in plans for batch in _batches(items, batch_chars)]


@contextlib.contextmanager
def _client_for(client, n_jobs):
    """The client given, or a client of a new LocalCluster (``n_jobs`` processes) closed on exit."""
    distributed = _distributed()
    if client is not None:
        yield client
        return
    import logging
    cluster = distributed.LocalCluster(n_workers=n_jobs, threads_per_worker=1, processes=True,
                                       dashboard_address=":0", silence_logs=logging.ERROR)
    try:
        with distributed.Client(cluster) as own:
            yield own
    finally:
        cluster.close()


def run(plans, *, client=None, n_jobs=1, progress=True, batch_chars, problems, root):
    """Annotate the planned batches on a dask cluster (the counterpart of ``pipeline._run``).

    Parameters
    ----------
    plans : list
        ``(lang, store, layers, items)`` per language, as planned by
        :func:`framing.annotate.pipeline.annotate`.
    client : distributed.Client, optional
        The cluster to use; by default a LocalCluster of ``n_jobs`` processes.
    n_jobs : int
        Worker processes of the LocalCluster (ignored with ``client``).
    progress : bool
        Show a progress bar.
    batch_chars : int
        The largest batch, in characters.
    problems : ProblemLog
        Receives the documents a worker could not annotate.
    root : str or None
        The cache root; None with ``cache=False`` (the tables come back to
        the client and are kept in the plans' memory stores).

    Raises
    ------
    FramingError
        When a worker wrote a part the client cannot see (the cache folder is
        not on a file system shared with the workers).
    """
    from .._progress import progress_bar
    from ._worker import _collect

    distributed = _distributed()
    total = sum(len(items) for *_, items in plans)
    if total == 0:
        return
    with _client_for(client, n_jobs) as cl:
        n_workers = max(1, len(cl.scheduler_info().get("workers", {})))
        jobs = _jobs(plans, n_workers=n_workers, batch_chars=batch_chars)
        cl.register_plugin(FramingWorkerPlugin([p[0] for p in plans if p[3]]), name=FramingWorkerPlugin.name)
        bar = progress_bar(total=total, unit="doc", desc="annotate (dask)", enabled=bool(progress), leave=False)
        run_id = uuid.uuid4().hex[:8]
        queue = iter(enumerate(jobs))
        pending = {}                    # task key -> (future, the store its batch belongs to, its batch file)

        def submit():
            nxt = next(queue, None)
            if nxt is None:
                return None
            i, (store, job) = nxt
            path = None
            if root is not None:        # the texts go through the shared cache folder, not the scheduler
                path = _write_items(store, f"{run_id}-{i}", job[-1])
                job = (*job[:-1], path)
            fut = cl.submit(_task, root, *job, key=f"framing-annotate-{run_id}-{i}", pure=False, retries=1)
            pending[fut.key] = (fut, store, path)
            return fut

        done = distributed.as_completed([submit() for _ in range(min(TASKS_PER_WORKER * n_workers, len(jobs)))])
        try:
            for fut in done:
                res = fut.result()
                _, store, path = pending.pop(fut.key)
                if path is not None:
                    _remove(path)
                _check_visible(res[0], store, root)
                _collect(res, problems, bar, store)
                fut.release()
                nxt = submit()
                if nxt is not None:
                    done.add(nxt)
        except BaseException:
            cl.cancel([f for f, _, _ in pending.values()])
            raise
        finally:
            bar.close()
            for _, _, path in pending.values():
                if path is not None:
                    _remove(path)
    for _, store, _, _ in plans:
        if hasattr(store, "dir"):
            store._index = None  # re-read: the workers wrote parts


def _check_visible(part, store, root) -> None:
    """Raise when a worker wrote a cache part this machine cannot see."""
    from pathlib import Path
    if root is not None and isinstance(part, str) and not (Path(store.dir) / f"index-{part}.json").exists():
        raise FramingError(
            f"A dask worker wrote the annotation part {part!r} to {store.dir}, which this "
            "machine cannot see: pass cache= a folder on a file system shared by the "
            "workers and this machine, or cache=False (the tables are then sent back).")
