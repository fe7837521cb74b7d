"""The measures over partitions of a corpus: the same tables as :func:`framing.measure`, in bounded memory.

:func:`measure_partitioned` computes :func:`framing.actors`,
:func:`framing.epithets`, :func:`framing.attributions`, :func:`framing.naming`
and :func:`framing.sources` reading the annotation one partition of
consecutive documents at a time (issue #17), in this process or mapped over a
`dask.distributed <https://distributed.dask.org>`_ ``Client``:

1. the actor mentions of each partition are collected
   (:func:`framing.measures.actors.mentions.collect_mentions`: each
   document's mentions depend on that document alone) and set aside in a
   temporary folder, partition by partition;
2. the mentions of all documents are grouped into actors
   (:class:`framing.measures.actors.grouping.Grouping`: actors are a
   corpus-level result, the one step that sees every document; it reads the
   set-aside rows one partition at a time and keeps a few integer codes per
   mention);
3. in each partition, the mentions are given their actors, and pronouns and
   titles are linked to them
   (:func:`framing.measures.actors.context.context_mentions`); the actors
   table is accumulated partition by partition;
4. in each partition, epithets, attributions and naming's mentions and
   contested-naming hits are computed with the actors passed in;
5. the tables are concatenated in corpus order (or, with ``out=``, written
   to a Parquet dataset per table, one file per partition), and the
   corpus-level reductions (naming's forms, contested and distinctive
   tables, :func:`framing.sources`) read them.

The tables equal those of :func:`framing.measure` on the whole annotation
(``tests/test_partitioned.py`` checks every table with partitions of 1, 7 and
all documents, in-process and with a dask cluster).  Two things make that so
beyond the split itself:

* :func:`framing.attributions` types an untyped speaker (a ``MISC`` mention)
  by the most frequent type of its actor *in the mentions it is given*
  (:func:`framing.measures.attribution.coref.actor_types`), a corpus-level
  figure; it is counted over the whole mentions table while step 3 runs,
  and each partition is given, besides its own mentions, rows of another
  document that make that type its actor's most frequent one when its own
  mentions alone would not (and one mention of another document when it has
  none, as an empty table makes attributions fall back to the entity table).
* The problem rows of a measure (``.attrs["problems"]``) are merged in the
  whole run's order: documents left out for their language first, then the
  units that failed, each in corpus order.  When a measure records failures
  of two kinds (naming: its mentions and its contested-naming hits), the
  whole run lists all of one kind before the other, the merged list
  partition by partition.

Memory: the partition being read (its tokens, entities and sentences), the
grouping's codes (about 30 bytes per mention) and counts (one entry per
distinct name and actor), the actors table, and the result tables, which
grow with the corpus unless ``out=`` writes them to disk
(:class:`PartitionedTable`); tokens of the whole corpus are never held when
the annotation reads its partitions from the cache
(``framing.annotate(..., lazy=True)``).  An in-memory annotation's own tables
are of course in memory already.  With ``out=``, naming's corpus-level
tables and :func:`framing.sources` read the whole of the tables they
summarise (naming's mentions, the attributions).

References
----------
Rocklin, M. (2015). Dask: parallel computation with blocked algorithms and
task scheduling. *Proceedings of the 14th Python in Science Conference*, 130–136.
Dean, J., & Ghemawat, S. (2008). MapReduce: simplified data processing on
large clusters. *Communications of the ACM* 51(1), 107–113.
"""

from __future__ import annotations

import inspect
import os
import tempfile
import warnings
from collections import deque
from pathlib import Path

import pandas as pd

from .._atomic import atomic_path
from .._errors import MeasureWarning
from .._options import InstanceOf, Interval, NoneOk, OneOf, check
from .._progress import progress_bar
from ._guard import PROBLEM_COLUMNS, Guard
from ._language import gate
from ._names import doc_outlets
from .actors import Actors, _SPEC as _ACTORS_SPEC, sort_mentions
from .actors.aliases import AliasIndex, read_aliases
from .actors.context import context_mentions
from .actors.grouping import ActorTable, Grouping, mentions_frame, unnamed
from .actors.mentions import collect_mentions, document_sentences
from .actors.result import empty_mentions
from .plan import Measures, _check, order

__all__ = ["measure_partitioned", "PartitionedTable", "PARTITION_SIZE"]

#: Documents per partition by default.
PARTITION_SIZE = 2000

_SPEC = {
    "partition_size": Interval(1, None, integer=True),
    "client": [NoneOk(), InstanceOf(object)],
    "progress": OneOf(True, False),
    "out": [NoneOk(), InstanceOf(str, os.PathLike)],
}

_PER_PARTITION = ("epithets", "attributions", "naming")
_UNTYPED = ["MISC", "", "NAN"]


def measure_partitioned(ann, names=("actors", "epithets", "naming", "attributions", "sources"), *, options=None,
                        partition_size: int = PARTITION_SIZE, client=None, progress: bool = True,
                        out=None) -> Measures:
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
    out : str or path, optional
        A folder: each per-document table (``actors.mentions``, ``epithets``,
        ``attributions``, ``naming.mentions``, ``naming.contested_hits``) is
        written there partition by partition as a Parquet dataset
        (``<out>/<table>/part-00000.parquet``, …, in corpus order; pandas,
        pyarrow, DuckDB or Dask open the folder) and returned as a
        :class:`PartitionedTable` instead of a DataFrame, so that the results
        are not held in memory.  The files of an earlier run in that folder
        are replaced.

    Returns
    -------
    Measures
        The results by name, equal to ``framing.measure(ann, names, options=options)``
        (with ``out=``: their per-document tables read with :meth:`PartitionedTable.read`).

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
    >>> on_disk = measure_partitioned(ann, ["epithets"], partition_size=40, out="measures-out", progress=False)
    >>> on_disk.epithets
    <PartitionedTable epithets: ... rows in 2 files, measures-out/epithets>
    >>> on_disk.epithets.read().equals(whole.epithets)
    True
    """
    names, options, _ = _check(names, options, None)
    check("measure_partitioned", _SPEC, partition_size=partition_size, client=client, progress=progress, out=out)
    if client is not None and not hasattr(client, "submit"):
        raise TypeError("measure_partitioned(): client= must be a dask.distributed.Client (it has no submit()).")
    wanted = order(names)
    act_opts = dict(options.get("actors", {}))
    check("actors", _ACTORS_SPEC, **act_opts)
    runner = _Runner(ann, int(partition_size), client, progress)
    store = _Store(out, len(runner.chunks))
    results: dict = {}

    # 1-3: actors
    index = AliasIndex(read_aliases(act_opts.get("aliases")))
    grouping = Grouping(index)
    types = _TypeCounts()
    acc = ActorTable()
    problems = []
    with tempfile.TemporaryDirectory(prefix="framing-mentions-") as work:
        spill = _Spill(work)
        for i, (rows, probs) in enumerate(runner.each(_collect_task, index, desc="actors: mentions")):
            grouping.observe(rows)
            spill.write(i, rows)
            problems.append(probs)
        for i in progress_bar(range(len(runner.chunks)), desc="actors: grouping", unit="partition",
                              enabled=progress):
            grouping.within(spill.read(i))
        grouping.resolve()

        def grouped(i):
            rows = spill.read(i)
            grouping.assign(rows, spill.offset[i])
            return rows

        linked = runner.each(_context_task, index.adjectives, act_opts.get("pronouns", True),
                             act_opts.get("titles", True), per_part=grouped, desc="actors: pronouns and titles")
        for i, (men, flags) in enumerate(linked):
            acc.add(men, flags)
            types.add(men)
            store.put("actors.mentions", i, men)
    grouping = None    # its codes are not needed any more
    table = acc.table()
    del acc
    results["actors"] = Actors(store.result("actors.mentions", _merged("actors", problems), empty_mentions()),
                               table)

    # 4: epithets, attributions, naming's per-document tables
    todo = [n for n in wanted if n in _PER_PARTITION]
    if todo:
        winners = types.winners()
        first = store.first("actors.mentions")

        def inputs(i):
            own = store.get("actors.mentions", i)
            if "attributions" not in todo:
                return own, None
            return own, _for_attributions(own, winners, runner.foreign_doc(i), first)

        outs = runner.each(_measures_task, todo, options, table, per_part=inputs, desc="epithets, attributions")
        for i, o in enumerate(outs):
            for name in todo:
                if name == "naming":
                    store.put("naming.mentions", i, o["naming"][0])
                    store.put("naming.contested_hits", i, o["naming"][1])
                else:
                    store.put(name, i, o[name])
        for name in todo:
            if name == "naming":
                results["naming"] = _naming_result(store, options.get("naming", {}))
            else:
                results[name] = store.result(name, _merged(name, store.problems(name)))
    # 5: reductions
    if "sources" in wanted:
        from .sources import sources
        att = results["attributions"]
        results["sources"] = sources(att.read() if isinstance(att, PartitionedTable) else att,
                                     **options.get("sources", {}))
    return Measures({n: results[n] for n in wanted})


# --- the runner: partitions in this process or on a dask cluster ------------------------

class _Runner:
    """Maps a task over the partitions of an annotation, in order."""

    def __init__(self, ann, size: int, client, progress: bool):
        self.ann, self.client, self.progress = ann, client, progress
        ids = ann.doc_info(columns=())["doc_id"].tolist()
        self.chunks = [ids[i:i + size] for i in range(0, len(ids), size)]
        self.size = size
        self._shared = None

    def foreign_doc(self, i: int):
        """A document of another partition than ``i`` (None when there is one partition)."""
        if len(self.chunks) < 2:
            return None
        return self.chunks[i - 1][0] if i > 0 else self.chunks[1][0]

    def parts(self):
        """The partitions, in order: ``ann.partitions(size)`` when it has it, else ``ann.select(docs=...)``."""
        if hasattr(self.ann, "partitions"):
            yield from self.ann.partitions(self.size)
        else:
            for chunk in self.chunks:
                yield self.ann.select(docs=chunk)

    def each(self, fn, *args, per_part=None, desc=""):
        """``fn(partition, *args[, per_part(i)])`` for each partition, yielded in partition order."""
        n = len(self.chunks)
        extra = (lambda i: [per_part(i)]) if per_part is not None else (lambda i: [])
        bar = progress_bar(total=n, desc=desc, unit="partition", enabled=self.progress)
        if self.client is None:
            for i, part in enumerate(self.parts()):
                if list(part.docs["doc_id"]) != self.chunks[i]:
                    raise ValueError(f"measure_partitioned(): partition {i} of {type(self.ann).__name__}.partitions() "
                                     f"does not hold the next {self.size} documents in corpus order; the "
                                     f"partitions must be consecutive batches of the documents table.")
                yield fn(part, *args, *extra(i))
                bar.update(1)
            bar.close()
            return
        if self._shared is None:
            self._shared = self.client.scatter([self.ann], broadcast=True)[0]
        # large arguments go to every worker once (in a list: dask would scatter a dict's items)
        shared_args = [self.client.scatter([a], broadcast=True)[0] if _big(a) else a for a in args]
        # a window of tasks in flight, so that their inputs and results are not all held at once
        window = max(4, 2 * sum(self.client.nthreads().values()))
        pending: deque = deque()
        submitted = 0
        for _ in range(n):
            while submitted < n and len(pending) < window:
                pending.append(self.client.submit(_on_worker, fn, self._shared, self.chunks[submitted], *shared_args,
                                                  *extra(submitted), pure=False))
                submitted += 1
            yield pending.popleft().result()
            bar.update(1)
        bar.close()


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


# --- the mention rows set aside between the passes ------------------------------------------

class _Spill:
    """The raw mention rows of each partition, in Arrow files in a temporary folder."""

    def __init__(self, folder):
        self.folder = Path(folder)
        self.offset: list[int] = []
        self._n = 0

    def write(self, i: int, rows: list) -> None:
        import pyarrow as pa
        import pyarrow.feather as feather
        keys = list(dict.fromkeys(k for m in rows for k in m if k != "_qual"))
        cols = {k: [m.get(k) for m in rows] for k in keys}
        quals = [m.get("_qual") or (None, None, None) for m in rows]
        for j, c in enumerate(("_qual_head", "_qual_country", "_qual_normal")):
            cols[c] = [q[j] for q in quals]
        feather.write_feather(pa.table(cols) if rows else pa.table({}), self.folder / f"{i:06d}.arrow",
                              compression="uncompressed")
        self.offset.append(self._n)
        self._n += len(rows)

    def read(self, i: int) -> list:
        import pyarrow.feather as feather
        rows = feather.read_table(self.folder / f"{i:06d}.arrow", memory_map=False).to_pylist()
        for m in rows:
            q = (m.pop("_qual_head"), m.pop("_qual_country"), m.pop("_qual_normal"))
            if q[0] is not None:
                m["_qual"] = q
        return rows


# --- attributions' corpus-level figure ------------------------------------------------------

class _TypeCounts:
    """Each actor's typed mentions by type, in the order the (actor, type) pairs are first met, over
    the mentions table in corpus order (what :func:`framing.measures.attribution.coref.actor_types`
    reads)."""

    def __init__(self):
        self.counts: dict = {}

    def add(self, men: pd.DataFrame) -> None:
        typed = men[~men["type"].astype(str).str.upper().isin(_UNTYPED)]
        if len(typed):
            for (actor, typ), n in typed.groupby(["actor", "type"], sort=False).size().items():
                c = self.counts.setdefault(actor, {})
                c[typ] = c.get(typ, 0) + int(n)

    def winners(self) -> dict:
        """Actor → its most frequent type (ties: the first met)."""
        return {a: max(c, key=c.get) for a, c in self.counts.items()}


def _for_attributions(own: pd.DataFrame, winners: dict, foreign, first: pd.DataFrame) -> pd.DataFrame:
    """The mentions :func:`framing.attributions` is given for one partition: its own, and for each actor
    mentioned untyped there whose most frequent type in the partition is not its most frequent type
    in the corpus, rows of another document of that type, one more than the partition's most
    frequent type has (only the types of those rows are read: the rows of other documents are not
    looked up)."""
    if not len(own):
        return first       # an empty table would make attributions read the entity table instead
    from .attribution.coref import actor_types
    untyped = own["type"].astype(str).str.upper().isin(_UNTYPED)
    actors = dict.fromkeys(own.loc[untyped, "actor"])
    mine = actor_types(own)
    typed = own[~untyped]
    most = typed.groupby(["actor", "type"], sort=False).size().groupby(level=0).max().to_dict() if len(typed) else {}
    add = [(a, winners[a], most.get(a, 0) + 1) for a in actors if a in winners and mine.get(a) != winners[a]]
    if not add or foreign is None:
        return own
    n = sum(k for _, _, k in add)
    fill = {c: ("" if own[c].dtype == object else 0) for c in own.columns}
    extra = pd.DataFrame({c: [fill[c]] * n for c in own.columns}).astype(own.dtypes.to_dict())
    extra["doc_id"] = foreign
    extra["actor"] = [a for a, _, k in add for _ in range(k)]
    extra["type"] = [t for _, t, k in add for _ in range(k)]
    return pd.concat([own, extra], ignore_index=True)


# --- the result tables: in memory, or a Parquet dataset per table -----------------------------

class PartitionedTable:
    """A measure's table written partition by partition by :func:`measure_partitioned` (``out=``).

    A folder of Parquet files, one per partition with rows (``part-00000.parquet``, …), whose
    rows in file order are the rows of the table :func:`framing.measure` returns; pandas
    (``pd.read_parquet(folder)``), pyarrow (``pyarrow.dataset.dataset(folder)``), DuckDB
    (``read_parquet('folder/*.parquet')``) and Dask read it directly.

    Attributes
    ----------
    path : pathlib.Path
        The folder.
    attrs : dict
        ``{"problems": [...]}``: the problem rows the measure recorded, as its table's ``.attrs``.
    files : list of pathlib.Path
        The files in corpus order.
    """

    def __init__(self, path, files, n_rows: int, empty: pd.DataFrame, attrs: dict):
        self.path, self.files, self._n, self._empty = Path(path), list(files), int(n_rows), empty
        self.attrs = attrs

    def __len__(self) -> int:
        return self._n

    @property
    def columns(self) -> list:
        return list(self._empty.columns)

    def batches(self, columns=None):
        """The table one partition at a time (DataFrames, in corpus order)."""
        for f in self.files:
            yield _read_part(f, self._empty, columns)

    def read(self, columns=None) -> pd.DataFrame:
        """The whole table (or some of its columns) as one DataFrame, with its ``.attrs``."""
        empty = self._empty if columns is None else self._empty[list(columns)]
        df = _concat(list(self.batches(columns)), empty)
        df.attrs = dict(self.attrs)
        return df

    def __repr__(self) -> str:
        return f"<PartitionedTable {self.path.name}: {self._n} rows in {len(self.files)} files, {self.path}>"


class _Store:
    """The per-partition tables of a run: kept in memory, or written to ``out``."""

    def __init__(self, out, n_parts: int):
        self.out = Path(out) if out is not None else None
        self.tables: dict = {}      # name -> [table or (file or None, rows)] per partition
        self.empty: dict = {}
        self.probs: dict = {}
        self.n_parts = n_parts

    def put(self, name: str, i: int, df: pd.DataFrame) -> None:
        if name not in self.tables:
            self.tables[name] = []
            self.probs[name] = []
            self.empty[name] = df.iloc[:0].copy()
            if self.out is not None:
                folder = self.out / name
                folder.mkdir(parents=True, exist_ok=True)
                for old in folder.glob("part-*.parquet"):
                    old.unlink()
        self.probs[name].append(df.attrs.get("problems", []))
        if self.out is None:
            self.tables[name].append(df)
            return
        f = None
        if len(df):
            f = self.out / name / f"part-{i:05d}.parquet"
            with atomic_path(f) as tmp:
                df.to_parquet(tmp, index=False)
        self.tables[name].append((f, len(df)))

    def get(self, name: str, i: int) -> pd.DataFrame:
        t = self.tables[name][i]
        if self.out is None:
            return t
        return _read_part(t[0], self.empty[name]) if t[0] is not None else self.empty[name].copy()

    def first(self, name: str) -> pd.DataFrame:
        """The first row of the table (none when it is empty)."""
        for i in range(len(self.tables[name])):
            df = self.get(name, i)
            if len(df):
                return df.iloc[:1].reset_index(drop=True)
        return self.empty[name].copy()

    def problems(self, name: str) -> list:
        return self.probs[name]

    def result(self, name: str, guard: Guard, empty: pd.DataFrame | None = None):
        """The whole table (a DataFrame, or with ``out``, a :class:`PartitionedTable`), its problem rows attached."""
        empty = self.empty.get(name, empty if empty is not None else pd.DataFrame())
        if self.out is None:
            return guard.finish(_concat(self.tables.get(name, []), empty), stacklevel=4)
        return self.table(name, guard.finish(empty.copy(), stacklevel=4).attrs)

    def table(self, name: str, attrs: dict) -> PartitionedTable:
        parts = self.tables.get(name, [])
        return PartitionedTable(self.out / name, [f for f, _ in parts if f is not None], sum(n for _, n in parts),
                                self.empty[name], dict(attrs))

    def whole(self, name: str) -> pd.DataFrame:
        """The whole table in memory (read back from ``out``)."""
        tables = [self.get(name, i) for i in range(len(self.tables[name]))]
        return _concat(tables, self.empty[name])


def _read_part(path, empty: pd.DataFrame, columns=None) -> pd.DataFrame:
    """One file of a :class:`PartitionedTable`, with the column types of the measure's table (pandas
    would read text as its ``str`` type, and missing text as NaN rather than None)."""
    import pyarrow.parquet as pq
    t = pq.read_table(path, columns=None if columns is None else list(columns))
    out = {}
    for c in t.column_names:
        col = t.column(c)
        want = empty[c].dtype if c in empty.columns else None
        if want == object:
            out[c] = pd.Series(col.to_pylist(), dtype=object)
        else:
            s = col.to_pandas()
            out[c] = s if want is None or s.dtype == want else s.astype(want)
    return pd.DataFrame(out, columns=t.column_names)


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


def _naming_result(store: _Store, opts: dict):
    """Naming's tables from the partitions' mentions and contested-naming hits (with ``out``: read back
    whole for the corpus-level tables, returned as :class:`PartitionedTable`)."""
    from .naming import Naming, _contested_summary, _distinctive, _forms, naming

    min_count = opts.get("min_count", inspect.signature(naming).parameters["min_count"].default)
    men, hits = store.whole("naming.mentions"), store.whole("naming.contested_hits")
    guard = _merged("naming", store.problems("naming.mentions"))
    result = Naming(_forms(men), men, _contested_summary(hits), hits, _distinctive(men, min_count))
    guard.finish(*result, stacklevel=3)
    if store.out is None:
        return result
    return result._replace(mentions=store.table("naming.mentions", men.attrs),
                           contested_hits=store.table("naming.contested_hits", hits.attrs))
