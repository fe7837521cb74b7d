"""The measures over partitions of a corpus: the same tables as :func:`framing.measure`, in bounded memory.

:func:`measure_partitioned` computes :func:`framing.actors`,
:func:`framing.epithets`, :func:`framing.attributions`, :func:`framing.naming`
and :func:`framing.sources` reading the annotation one partition of
consecutive documents at a time (issue #17), in this process or mapped over a
`dask.distributed <https://distributed.dask.org>`_ ``Client``:

1. the actor mentions of each partition are collected
   (:func:`framing.measures.actors.mentions.collect_mentions`: each
   document's mentions depend on that document alone);
2. the mentions of all documents are grouped into actors once
   (:func:`framing.measures.actors.grouping.group_mentions`: actors are a
   corpus-level result, the one step that sees every document);
3. in each partition, pronouns and titles are linked to the grouped actors
   (:func:`framing.measures.actors.context.context_mentions`);
4. in each partition, epithets, attributions and naming's mentions and
   contested-naming hits are computed with the actors passed in;
5. the tables are concatenated in corpus order, and the corpus-level
   reductions (the actors table, naming's forms, contested and distinctive
   tables, :func:`framing.sources`) read the concatenated tables.

The tables equal those of :func:`framing.measure` on the whole annotation
(``tests/test_partitioned.py`` checks every table with partitions of 1, 7 and
all documents, in-process and with a dask cluster).  Two things make that so
beyond the split itself:

* :func:`framing.attributions` types an untyped speaker (a ``MISC`` mention)
  by the most frequent type of its actor *in the mentions it is given*, a
  corpus-level figure; each partition is therefore given, besides its own
  mentions, the other mentions of the actors it mentions untyped (and one
  mention of another document when it has none, as an empty table makes
  attributions fall back to the entity table).
* The problem rows of a measure (``.attrs["problems"]``) are merged in the
  whole run's order: documents left out for their language first, then the
  units that failed, each in corpus order.  When a measure records failures
  of two kinds (naming: its mentions and its contested-naming hits), the
  whole run lists all of one kind before the other, the merged list
  partition by partition.

Memory: the partition being read (its tokens, entities and sentences), plus
the result tables, which grow with the corpus (for the actors, the raw
mention rows of every document are held for the grouping, a few hundred
bytes per mention); tokens of the whole corpus are never held when the
annotation reads its partitions from the cache
(``framing.annotate(..., lazy=True)``).  An in-memory annotation's own tables
are of course in memory already.

References
----------
Rocklin, M. (2015). Dask: parallel computation with blocked algorithms and
task scheduling. *Proceedings of the 14th Python in Science Conference*, 130–136.
Dean, J., & Ghemawat, S. (2008). MapReduce: simplified data processing on
large clusters. *Communications of the ACM* 51(1), 107–113.
"""

from __future__ import annotations

import inspect
import warnings

import pandas as pd

from .._errors import MeasureWarning
from .._options import InstanceOf, Interval, NoneOk, OneOf, check
from .._progress import progress_bar
from ._guard import PROBLEM_COLUMNS, Guard
from ._language import gate
from ._names import doc_outlets
from .actors import Actors, _SPEC as _ACTORS_SPEC, sort_mentions
from .actors.aliases import AliasIndex, read_aliases
from .actors.context import context_mentions
from .actors.grouping import actor_table, group_mentions, mentions_frame, unnamed
from .actors.mentions import collect_mentions, document_sentences
from .actors.result import empty_mentions
from .plan import Measures, _check, order

__all__ = ["measure_partitioned", "PARTITION_SIZE"]

#: Documents per partition by default.
PARTITION_SIZE = 2000

_SPEC = {
    "partition_size": Interval(1, None, integer=True),
    "client": [NoneOk(), InstanceOf(object)],
    "progress": OneOf(True, False),
}

_PER_PARTITION = ("epithets", "attributions", "naming")


def measure_partitioned(ann, names=("actors", "epithets", "naming", "attributions", "sources"), *, options=None,
                        partition_size: int = PARTITION_SIZE, client=None, progress: bool = True) -> Measures:
    """Compute measures partition by partition, with the results of :func:`framing.measure`.

    Parameters
    ----------
    ann : Annotated
        The output of :func:`framing.annotate`; with ``lazy=True`` (a cache-backed
        annotation) each partition is read from the cache when it is reached.
        Partitions come from ``ann.partitions(partition_size)`` when the
        annotation has that method, else from ``ann.select(docs=...)``.
    names : str or sequence of str
        As in :func:`framing.measure`: any of ``"actors"``, ``"epithets"``,
        ``"naming"``, ``"attributions"``, ``"sources"``; the measures they
        read are computed too.
    options : dict, optional
        Options per measure, as in :func:`framing.measure`.
    partition_size : int
        Documents per partition (default :data:`PARTITION_SIZE`).
    client : dask.distributed.Client, optional
        Map the per-partition work over this cluster's workers; each task is
        given the annotation and its documents' ids and reads its partition
        itself (from the cache, for a lazy annotation).  By default the work
        runs in this process.
    progress : bool
        Show a progress bar per pass over the partitions.

    Returns
    -------
    Measures
        The results by name, equal to ``framing.measure(ann, names, options=options)``.

    References
    ----------
    Rocklin, M. (2015). Dask: parallel computation with blocked algorithms and
    task scheduling. *SciPy 2015*, 130–136.

    Examples
    --------
    >>> import framing
    >>> from framing.measures.partitioned import measure_partitioned
    >>> ann = framing.annotate(framing.load_demo(), progress=False)
    >>> parts = measure_partitioned(ann, ["actors", "epithets"], partition_size=10, progress=False)
    >>> whole = framing.measure(ann, ["actors", "epithets"])
    >>> parts.actors.mentions.equals(whole.actors.mentions), parts.epithets.equals(whole.epithets)
    (True, True)
    """
    names, options, _ = _check(names, options, None)
    check("measure_partitioned", _SPEC, partition_size=partition_size, client=client, progress=progress)
    if client is not None and not hasattr(client, "submit"):
        raise TypeError("measure_partitioned(): client= must be a dask.distributed.Client (it has no submit()).")
    wanted = order(names)
    act_opts = dict(options.get("actors", {}))
    check("actors", _ACTORS_SPEC, **act_opts)
    runner = _Runner(ann, int(partition_size), client, progress)
    results: dict = {}

    # 1-3: actors
    index = AliasIndex(read_aliases(act_opts.get("aliases")))
    collected = runner.map(_collect_task, index, desc="actors: mentions")
    rows = [m for part_rows, _ in collected for m in part_rows]
    group_mentions(rows, index)
    by_part = _split(rows, runner.chunks)
    del rows
    linked = runner.map(_context_task, index.adjectives, act_opts.get("pronouns", True), act_opts.get("titles", True),
                        per_part=by_part, desc="actors: pronouns and titles")
    del by_part
    mentions = _concat([men for men, _ in linked], empty_mentions())
    table = actor_table(mentions, [u for _, flags in linked for u in flags])
    del linked
    guard = _merged("actors", [probs for _, probs in collected])
    results["actors"] = Actors(guard.finish(mentions, stacklevel=2), table)

    # 4: epithets, attributions, naming's per-document tables
    todo = [n for n in wanted if n in _PER_PARTITION]
    if todo:
        per_part = [_partition_inputs(mentions, chunk, "attributions" in todo) for chunk in runner.chunks]
        outs = runner.map(_measures_task, todo, options, table, per_part=per_part, desc="epithets, attributions")
        for name in todo:
            if name == "naming":
                results["naming"] = _naming_result([o["naming"] for o in outs], options.get("naming", {}))
            else:
                tables = [o[name] for o in outs]
                merged = _concat(tables, tables[0].iloc[:0] if tables else pd.DataFrame())
                _merged(name, [t.attrs.get("problems", []) for t in tables]).finish(merged, stacklevel=2)
                results[name] = merged
    # 5: reductions
    if "sources" in wanted:
        from .sources import sources
        results["sources"] = sources(results["attributions"], **options.get("sources", {}))
    return Measures({n: results[n] for n in wanted})


# --- the runner: partitions in this process or on a dask cluster ------------------------

class _Runner:
    """Maps a task over the partitions of an annotation, in order."""

    def __init__(self, ann, size: int, client, progress: bool):
        self.ann, self.client, self.progress = ann, client, progress
        ids = list(ann.docs["doc_id"])
        self.chunks = [ids[i:i + size] for i in range(0, len(ids), size)]
        self.size = size
        self._shared = None

    def parts(self):
        """The partitions, in order: ``ann.partitions(size)`` when it has it, else ``ann.select(docs=...)``."""
        if hasattr(self.ann, "partitions"):
            yield from self.ann.partitions(self.size)
        else:
            for chunk in self.chunks:
                yield self.ann.select(docs=chunk)

    def map(self, fn, *args, per_part=None, desc=""):
        """``[fn(partition, *args[, per_part[i]]) for each partition]``, in partition order."""
        n = len(self.chunks)
        if self.client is None:
            out = []
            bar = progress_bar(total=n, desc=desc, unit="partition", enabled=self.progress)
            for i, part in enumerate(self.parts()):
                if list(part.docs["doc_id"]) != self.chunks[i]:
                    raise ValueError(f"measure_partitioned(): partition {i} of {type(self.ann).__name__}.partitions() "
                                     f"does not hold the next {self.size} documents in corpus order; the "
                                     f"partitions must be consecutive batches of the documents table.")
                out.append(fn(part, *args, *([per_part[i]] if per_part is not None else [])))
                bar.update(1)
            bar.close()
            return out
        if self._shared is None:
            self._shared = self.client.scatter([self.ann], broadcast=True)[0]
        # large arguments go to every worker once (in a list: dask would scatter a dict's items)
        shared_args = [self.client.scatter([a], broadcast=True)[0] if _big(a) else a for a in args]
        futures = [self.client.submit(_on_worker, fn, self._shared, chunk, *shared_args,
                                      *([per_part[i]] if per_part is not None else []), pure=False)
                   for i, chunk in enumerate(self.chunks)]
        out = []
        for f in progress_bar(futures, total=n, desc=desc, unit="partition", enabled=self.progress):
            out.append(f.result())
        return out


def _big(a) -> bool:
    return isinstance(a, (AliasIndex, pd.DataFrame)) or (isinstance(a, dict) and len(a) > 100)


def _on_worker(fn, ann, chunk, *args):
    """A task on a worker: read the partition of ``chunk`` and run ``fn`` on it."""
    part = ann.select(docs=chunk)
    if hasattr(part, "partitions"):   # a lazy annotation: read the partition into memory once
        part = next(iter(part.partitions(len(chunk))))
    return fn(part, *args)


# --- the tasks ---------------------------------------------------------------------------

def _collect_task(part, index):
    """Raw actor mention rows of one partition, and its problem rows."""
    guard = Guard("actors")
    part = gate(part, guard)
    return collect_mentions(part, index, guard), guard.rows


def _context_task(part, adjectives, pronouns, titles, rows):
    """The partition's actor mentions table (grouped rows, pronouns and titles linked) and its unnamed flags."""
    part = gate(part, Guard("actors"))   # the documents left out were recorded when collecting
    if not rows:
        return empty_mentions(), []
    rows = rows + context_mentions(rows, document_sentences(part), adjectives, pronouns=pronouns, titles=titles)
    sort_mentions(rows, part.docs["doc_id"])
    return mentions_frame(rows, doc_outlets(part)), unnamed(rows)


def _measures_task(part, todo, options, table, inputs):
    """Epithets, attributions and naming's per-document tables of one partition."""
    own, for_attributions = inputs
    acts = Actors(own, table)
    out = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MeasureWarning)   # warned once, after merging
        if "epithets" in todo or "naming" in todo:
            from .epithets import epithets
            out["epithets"] = epithets(part, actors=acts, **options.get("epithets", {}))
        if "attributions" in todo:
            from .attribution import attributions
            out["attributions"] = attributions(part, actors=Actors(for_attributions, table),
                                               **options.get("attributions", {}))
        if "naming" in todo:
            from .naming import naming
            res = naming(part, actors=acts, epithets=out["epithets"], **options.get("naming", {}))
            out["naming"] = (res.mentions, res.contested_hits)
    return out


# --- inputs and merging ------------------------------------------------------------------

def _split(rows: list, chunks: list) -> list:
    """Rows (in corpus order) split by the partitions of ``chunks``."""
    part_of = {d: i for i, chunk in enumerate(chunks) for d in chunk}
    out = [[] for _ in chunks]
    for m in rows:
        out[part_of[m["doc_id"]]].append(m)
    return out


def _partition_inputs(mentions: pd.DataFrame, chunk: list, attributions: bool):
    """The partition's own mentions, and the mentions attributions reads (see the module's notes)."""
    mine = mentions["doc_id"].isin(set(chunk)).to_numpy()
    own = mentions[mine].reset_index(drop=True)
    if not attributions:
        return own, None
    untyped = own["type"].astype(str).str.upper().isin(["MISC", "", "NAN"])
    actors = set(own.loc[untyped, "actor"])
    keep = mine | mentions["actor"].isin(actors).to_numpy()
    if not keep.any() and len(mentions):
        keep[0] = True     # an empty table would make attributions read the entity table instead
    return own, mentions[keep].reset_index(drop=True)


def _concat(tables: list, empty: pd.DataFrame) -> pd.DataFrame:
    tables = [t for t in tables if len(t)]
    if not tables:
        return empty.copy()
    out = pd.concat(tables, ignore_index=True) if len(tables) > 1 else tables[0].reset_index(drop=True)
    out.attrs = {}
    return out


def _merged(measure: str, problem_lists: list) -> Guard:
    """A guard holding the problem rows of all partitions in the whole run's order."""
    rows = [{c: r.get(c) for c in PROBLEM_COLUMNS} for probs in problem_lists for r in (probs or [])]
    left_out = [r["sent_id"] is None and " is not supported by " in str(r["reason"]) for r in rows]
    guard = Guard(measure)
    guard.extend([r for r, x in zip(rows, left_out) if x] + [r for r, x in zip(rows, left_out) if not x])
    return guard


def _naming_result(parts: list, opts: dict):
    """Naming's tables from the partitions' mentions and contested-naming hits."""
    from .naming import Naming, _contested_summary, _distinctive, _forms, naming

    min_count = opts.get("min_count", inspect.signature(naming).parameters["min_count"].default)

    men = _concat([m for m, _ in parts], parts[0][0].iloc[:0] if parts else pd.DataFrame())
    hits = _concat([h for _, h in parts], parts[0][1].iloc[:0] if parts else pd.DataFrame())
    guard = _merged("naming", [m.attrs.get("problems", []) for m, _ in parts])
    result = Naming(_forms(men), men, _contested_summary(hits), hits,
                    _distinctive(men, min_count))
    guard.finish(*result, stacklevel=3)
    return result

