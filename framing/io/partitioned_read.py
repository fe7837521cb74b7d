"""Reading a partitioned corpus dataset back (the writer is :mod:`framing.io.partitioned`).

A module of its own because reading builds a :class:`~framing.Corpus`, while the
corpus itself imports the writer: the two directions stay separate modules, so
there is no import cycle.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

from .._errors import SchemaError
from .._options import InstanceOf, Interval, NoneOk, check
from .partitioned import DATASET_FILE, ORDER_COLUMN, PROBLEMS_FILE, _DATASET_FORMAT

#: The most characters of text in one batch of :func:`iter_parquet_dataset` (by default): as many
#: as :func:`framing.annotate` takes in one chunk (``chunk_chars``), since the texts of a larger
#: batch only wait in memory while its first chunks are annotated.
BATCH_CHARS = 4_000_000

def read_parquet_dataset(path, *, filters=None, columns=None):
    """Read a corpus written by :meth:`Corpus.to_parquet_dataset`, whole or a part of it.

    Only the files of the partitions that pass ``filters`` are opened, so a
    month of one outlet is read from a corpus larger than memory without
    touching the rest.

    Parameters
    ----------
    path : str or path
        The dataset's folder.
    filters : list of tuples or pyarrow.compute.Expression, optional
        Rows to keep, in pyarrow's form: ``[("outlet", "=", "ria")]``,
        ``[("month", "in", ["2024-11", "2024-12"])]`` (conditions in one list
        are joined by AND; a list of such lists by OR), or an expression
        ``pyarrow.dataset.field("outlet") == "ria"``.  The partition columns,
        also a derived ``month``/``year``, and every other column can be used.
    columns : list of str, optional
        The metadata columns to read besides the core columns (doc_id,
        outlet, published, lang, title, text, url, which are always read);
        default all.

    Returns
    -------
    Corpus
        The documents in the order of the corpus that was written, with its
        provenance (``meta``; a filtered read adds a step naming the filter)
        and the problems of the documents read.

    Raises
    ------
    SchemaError
        ``path`` is not a corpus dataset, or a column named in ``columns`` or
        ``filters`` does not exist.

    Examples
    --------
    >>> import framing
    >>> demo = framing.load_demo()
    >>> path = demo.to_parquet_dataset("demo-dataset")
    >>> framing.read_parquet_dataset("demo-dataset") == demo
    True
    >>> part = framing.read_parquet_dataset("demo-dataset", filters=[("outlet", "=", "global_wire")])
    >>> len(part), part.outlets
    (12, ['global_wire'])
    """
    import pyarrow as pa

    from ..corpus import Corpus

    opened = _Opened("read_parquet_dataset", path, filters, columns)
    try:
        # one file after another: what is held besides the rows kept is one file's batch, not the
        # scanner's default read-ahead of several files (a filtered read of a large dataset)
        table = opened.dataset.scanner(columns=opened.names + [ORDER_COLUMN], filter=opened.expr,
                                       batch_readahead=0, fragment_readahead=1).to_table()
    except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
        raise opened.filter_error(exc) from None
    order = table[ORDER_COLUMN]
    table = table.take(pa.compute.sort_indices(order)).drop_columns([ORDER_COLUMN])
    df = opened.frame(table)
    probs = opened.problems
    if filters is not None:
        probs = probs[probs["doc_id"].isna() | probs["doc_id"].isin(set(df["doc_id"]))]
    return Corpus(df, meta=opened.meta, problems=probs)


def iter_parquet_dataset(path, *, batch_size=10_000, filters=None, columns=None, batch_chars=BATCH_CHARS):
    """Read a corpus dataset lazily, as corpora of at most ``batch_size`` documents.

    The streaming counterpart of :func:`read_parquet_dataset` for datasets
    larger than memory: the files are scanned one after another (pyarrow's
    dataset scanner, no read-ahead), so memory holds one batch, not the
    dataset.  The batches follow the dataset's files, partition by partition
    (e.g. outlet, then month), each partition's documents in corpus order; a
    corpus in its written order needs the whole dataset at once
    (:func:`read_parquet_dataset`).

    Parameters
    ----------
    path : str or path
        The dataset's folder (written by :meth:`Corpus.to_parquet_dataset`).
    batch_size : int, default 10000
        The most documents in one batch.
    filters, columns
        As in :func:`read_parquet_dataset`.
    batch_chars : int or None, default 4,000,000
        The most characters of text in one batch (a document longer than
        that is a batch of its own), so that a batch of long articles
        needs no more memory than one of short posts; None: batches are
        bounded by ``batch_size`` only.  The documents and their order do
        not depend on it, only where the batches end.

    Returns
    -------
    generator of Corpus
        Batches holding, together, the documents of
        ``read_parquet_dataset(path, filters=..., columns=...)`` once each,
        each with the problems of its documents (the dataset's problems not
        tied to a document come with the first batch); ``meta["batch"]``
        numbers them from 0.

    Examples
    --------
    >>> import framing
    >>> demo = framing.load_demo()
    >>> path = demo.to_parquet_dataset("demo-dataset")
    >>> sizes = [len(b) for b in framing.iter_parquet_dataset(path, batch_size=30)]
    >>> sizes, sum(sizes) == len(demo)
    ([30, 30, 19], True)
    >>> [len(b) for b in framing.iter_parquet_dataset(path, batch_chars=20_000)]
    [11, 12, 12, 11, 13, 12, 8]
    """
    from .stream import _batch_size

    size = _batch_size("iter_parquet_dataset", batch_size)
    check("iter_parquet_dataset", {"batch_chars": [NoneOk(), Interval(1, None, integer=True)]},
          batch_chars=batch_chars)
    opened = _Opened("iter_parquet_dataset", path, filters, columns)   # errors now, not at the first next()
    return _iter_batches(opened, size, batch_chars)


def _rows_that_fit(lengths, room_docs: int, room_chars) -> int:
    """How many of the next rows (their texts' ``lengths``) fit in what is left of a batch."""
    import numpy as np
    k = min(room_docs, len(lengths))
    if room_chars is not None and k:
        k = min(k, int(np.searchsorted(np.cumsum(lengths[:k]), room_chars, side="right")))
    return k


def _iter_batches(opened, size: int, max_chars=None):
    import pyarrow as pa
    import pyarrow.compute as pc

    from ..corpus import Corpus
    probs = opened.problems
    pending, n_pending, n_chars, k = [], 0, 0, 0

    def emit(batches):
        nonlocal k
        df = opened.frame(pa.Table.from_batches(batches, schema=batches[0].schema))
        ids = set(df["doc_id"])
        mine = probs["doc_id"].isin(ids) | (probs["doc_id"].isna() if k == 0 else False)
        meta = dict(opened.meta, batch=k)
        k += 1
        return Corpus(df, meta=meta, problems=probs[mine].reset_index(drop=True))

    try:
        for rb in _row_groups(opened, size):
            lengths = (pc.utf8_length(rb.column("text")).fill_null(0).to_numpy(zero_copy_only=False)
                       if max_chars is not None else None)
            while rb.num_rows:
                n = (min(size - n_pending, rb.num_rows) if max_chars is None else
                     _rows_that_fit(lengths, size - n_pending, max_chars - n_chars))
                if n == 0 and not n_pending:        # one document longer than max_chars: a batch of its own
                    n = 1
                if n:
                    pending.append(rb.slice(0, n))
                    rb = rb.slice(n)
                    n_pending += n
                    if lengths is not None:
                        n_chars += int(lengths[:n].sum())
                        lengths = lengths[n:]
                if n_pending == size or (n < size and rb.num_rows and max_chars is not None):
                    # the rows read are let go before the batch is handed out, and the batch when the
                    # next one is asked for: while a batch is annotated, its Arrow rows (the row groups
                    # they came from) are not held as well, nor two batches while the next one is read
                    out = emit(pending)
                    pending, n_pending, n_chars = [], 0, 0
                    yield out
                    del out
    except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
        raise opened.filter_error(exc) from None
    if pending or k == 0:
        out = emit(pending or [pa.RecordBatch.from_pylist([], schema=opened.read_schema)])
        del pending
        yield out


def _row_groups(opened, size: int):
    """The rows of the dataset that pass the filter, as record batches of at most ``size`` rows, read
    one Parquet row group at a time in this thread, in the files' order.

    Not pyarrow's dataset scanner: its background reading goes on while the
    consumer is busy (annotating a batch), and holds the rows read ahead
    meanwhile: 250-300 MB of a 200,000-document dataset, whatever its
    ``batch_readahead`` and ``fragment_readahead``.  Here nothing is read
    before it is asked for: memory holds one row group.
    """
    for fragment in opened.dataset.get_fragments(filter=opened.expr):
        for group in fragment.split_by_row_group():
            table = group.to_table(schema=opened.dataset.schema, columns=opened.names, filter=opened.expr,
                                   use_threads=False)
            yield from table.to_batches(max_chunksize=size)
            del table


class _Opened:
    """A corpus dataset opened for reading: the pyarrow dataset, the columns to read, the filter, and
    how a table read from it becomes the documents table (shared by the two readers)."""

    def __init__(self, func, path, filters, columns):
        import pyarrow as pa
        import pyarrow.dataset as ds
        import pyarrow.feather  # noqa: F401 - pa.feather
        import pyarrow.parquet as pq

        from ..corpus import CORE_COLUMNS

        check(func, {"filters": [NoneOk(), InstanceOf(list, tuple, pa.compute.Expression)],
                     "columns": [NoneOk(), InstanceOf(list, tuple)]},
              filters=filters, columns=columns)
        self.func, self.path, self.filters = func, Path(path), filters
        desc = _dataset_description(self.path, func)
        self.schema = schema = pq.read_schema(self.path / "_common_metadata")
        by, self.derived = desc["partition_by"], desc["derived"]
        fields = [f for f in schema if f.name not in self.derived] + [pa.field(c, pa.string()) for c in self.derived]
        part_schema = pa.schema([next(f for f in fields if f.name == c) for c in by])
        self.dataset = ds.dataset(self.path, format="parquet",
                                  partitioning=ds.partitioning(part_schema, flavor="hive"),
                                  schema=pa.schema(fields + [pa.field(ORDER_COLUMN, pa.int64())]))
        extra = [n for n in schema.names if n not in CORE_COLUMNS]
        if columns is not None:
            unknown = [c for c in columns if c not in schema.names]
            if unknown:
                raise SchemaError(f"{func}(): no column {unknown} in {self.path}; its metadata columns "
                                  f"are {extra}.")
            extra = [c for c in extra if c in columns]
        self.names = [n for n in schema.names if n in CORE_COLUMNS or n in extra]
        self.read_schema = pa.schema([self.dataset.schema.field(n) for n in self.names])
        self.expr = None
        if filters is not None:
            self.expr = filters if isinstance(filters, pa.compute.Expression) else pq.filters_to_expression(filters)
        self.meta = desc["meta"]
        if filters is not None:
            self.meta.setdefault("steps", []).append(f"{func}(filters={filters!r})")
        self.problems = pa.feather.read_table(self.path / PROBLEMS_FILE).to_pandas()

    def filter_error(self, exc) -> SchemaError:
        return SchemaError(f"{self.func}(): the filter {self.filters!r} cannot be applied to {self.path} "
                           f"({exc}); its columns are {self.schema.names + self.derived}.")

    def frame(self, table):
        """The documents table of ``table`` (read with :attr:`names`), in the written column types."""
        import pyarrow as pa
        table = table.select(self.names).cast(pa.schema([self.schema.field(n) for n in self.names],
                                                         metadata=self.schema.metadata))
        df = table.to_pandas()
        for f in table.schema:                      # list columns come back as arrays: lists again
            if pa.types.is_list(f.type) or pa.types.is_large_list(f.type):
                df[f.name] = table[f.name].to_pylist()
        return df


def _dataset_description(path: Path, func: str = "read_parquet_dataset") -> dict:
    f = path / DATASET_FILE
    if not f.is_file():
        hint = ("it does not exist" if not path.exists() else
                f"it has no {DATASET_FILE}: open other Parquet folders with framing.read_parquet(...) "
                "or pyarrow.dataset.dataset(...) and framing.Corpus.from_frame(...)")
        raise SchemaError(f"{func}(): {path} is not a corpus dataset written by "
                          f"Corpus.to_parquet_dataset(); {hint}.")
    with contextlib.suppress(ValueError):
        desc = json.loads(f.read_text(encoding="utf-8"))
        if isinstance(desc, dict) and desc.get("format") == _DATASET_FORMAT:
            return desc
    raise SchemaError(f"{func}(): {f} is damaged or of a newer format; write the dataset again.")
