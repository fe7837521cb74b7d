"""Partitioned Parquet datasets of a corpus: one folder per outlet and month.

:meth:`Corpus.to_parquet_dataset <framing.Corpus.to_parquet_dataset>` writes
and :func:`read_parquet_dataset` reads a corpus as a *hive-partitioned* Parquet
dataset (the layout Spark, Dask, DuckDB, Polars and pyarrow share)::

    corpus/
        _framing.json                         provenance, problems, partition columns
        _common_metadata                      the full Arrow schema (column types)
        _problems.arrow                       the corpus's problems table (Arrow IPC)
        outlet=ria/month=2024-11/part-0.parquet
        outlet=ria/month=2024-12/part-0.parquet
        outlet=bbc/month=__HIVE_DEFAULT_PARTITION__/part-0.parquet   (no date)

A partition value is written URI-encoded in its folder name (``outlet=РИА``
becomes ``outlet=%D0%A0%D0%98%D0%90``) and decoded on reading; a missing value
is ``__HIVE_DEFAULT_PARTITION__``.  ``month`` (``"2024-11"``) and ``year``
(``"2024"``) are derived from ``published`` when the corpus has no such column,
and left out again on reading.  Each row stores its position in the corpus
(the column ``_framing_order``): a corpus read back, whole or filtered, keeps
the order of the corpus that was written.  Files starting with ``_`` are
skipped by every reader, so the folder opens directly in other tools::

    pyarrow.dataset.dataset("corpus", format="parquet", partitioning="hive")
    dask.dataframe.read_parquet("corpus")
    duckdb.sql("SELECT outlet, count(*) FROM read_parquet('corpus/*/*/*.parquet', hive_partitioning=true) GROUP BY 1")
"""

from __future__ import annotations

import json
import secrets
import shutil
from pathlib import Path

from .._errors import FramingError, SchemaError
from .._options import InstanceOf, check

#: The file that marks a folder as a corpus dataset (written last).
DATASET_FILE = "_framing.json"
#: The problems of the corpus (an Arrow file: their column types come back as they were).
PROBLEMS_FILE = "_problems.arrow"
#: The position of each document in the corpus written.
ORDER_COLUMN = "_framing_order"
#: Partition columns derived from ``published`` (when the corpus has no such column).
DERIVED = {"month": "%Y-%m", "year": "%Y"}
#: Columns that would give a folder per document (or per second).
_NOT_PARTITIONS = ("doc_id", "text", "title", "url", "published")
_DATASET_FORMAT = 1

_WRITE_SPEC = {
    "partition_by": [InstanceOf(str, tuple, list)],
    "overwrite": InstanceOf(bool),
}


def write_parquet_dataset(corpus, path, *, partition_by=("outlet", "month"), overwrite=False) -> Path:
    """Write a corpus as a hive-partitioned Parquet dataset (see :meth:`framing.Corpus.to_parquet_dataset`)."""
    import pyarrow as pa
    import pyarrow.dataset as ds
    import pyarrow.feather  # noqa: F401 - pa.feather
    import pyarrow.parquet as pq

    check("Corpus.to_parquet_dataset", _WRITE_SPEC, partition_by=partition_by, overwrite=overwrite)
    by = [partition_by] if isinstance(partition_by, str) else list(partition_by)
    docs = corpus._docs
    derived = _check_partition_columns(by, docs)
    path = Path(path)
    if path.exists() and not overwrite:
        raise FramingError(f"{path} exists; pass overwrite=True to replace it, or choose another folder.")
    if path.exists() and not (path / DATASET_FILE).exists():
        raise FramingError(f"{path} exists and is not a corpus dataset (it has no {DATASET_FILE}); "
                           "it is not replaced. Choose another folder.")
    table = pa.Table.from_pandas(docs, preserve_index=False)
    schema = table.schema                      # the corpus's columns, with pandas' dtypes
    table = table.append_column(ORDER_COLUMN, pa.array(range(len(docs)), pa.int64()))
    for col in derived:
        values = docs["published"].dt.strftime(DERIVED[col])       # UTC; missing dates stay missing
        table = table.append_column(col, pa.array(values, pa.string(), from_pandas=True))
    part_schema = pa.schema([table.schema.field(c) for c in by])
    _check_folder_names(table, by)

    desc = {"format": _DATASET_FORMAT, "framing_version": corpus._meta.get("framing_version"),
            "partition_by": by, "derived": derived, "order_column": ORDER_COLUMN,
            "documents": len(docs), "meta": corpus._meta}
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    try:
        tmp.mkdir(parents=True)             # (an empty corpus writes no part)
        ds.write_dataset(table, tmp, format="parquet", partitioning=ds.partitioning(part_schema, flavor="hive"),
                         basename_template="part-{i}.parquet", existing_data_behavior="overwrite_or_ignore",
                         max_partitions=1_000_000, preserve_order=True)
        pq.write_metadata(schema, tmp / "_common_metadata")
        pa.feather.write_feather(pa.Table.from_pandas(corpus._problems, preserve_index=False), tmp / PROBLEMS_FILE)
        (tmp / DATASET_FILE).write_text(json.dumps(desc, default=str, ensure_ascii=False, indent=1),
                                        encoding="utf-8")
        _swap_in(tmp, path)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return path


def _check_partition_columns(by, docs) -> list[str]:
    """The derived columns among ``by``; a clear error for columns that cannot partition."""
    if not by:
        raise FramingError("Corpus.to_parquet_dataset(): partition_by= names no column; "
                           "give at least one, e.g. partition_by=('outlet',).")
    derived = []
    for col in by:
        if col in _NOT_PARTITIONS or col == ORDER_COLUMN:
            raise FramingError(f"Corpus.to_parquet_dataset(): {col!r} cannot be a partition column "
                               "(a folder per value); use 'outlet', 'lang', 'month', 'year' or a "
                               "metadata column with few values.")
        if col in docs.columns:
            if docs[col].map(lambda v: isinstance(v, (list, dict, tuple))).any():
                raise FramingError(f"Corpus.to_parquet_dataset(): the column {col!r} holds lists or "
                                   "dicts, which cannot name folders.")
        elif col in DERIVED:
            derived.append(col)
        else:
            raise SchemaError(f"Corpus.to_parquet_dataset(): no column {col!r} to partition by; the "
                              f"corpus has {list(docs.columns)}, and {sorted(DERIVED)} are derived "
                              "from 'published'.")
    if len(set(by)) < len(by):
        raise FramingError(f"Corpus.to_parquet_dataset(): partition_by={by} repeats a column.")
    return derived


def _check_folder_names(table, by, limit: int = 200) -> None:
    """Folder names longer than most file systems allow (255 bytes) raise an error naming the value."""
    from urllib.parse import quote
    for col in by:
        for value in table[col].unique().to_pylist():
            if value is not None and len(f"{col}=" + quote(str(value), safe="")) > limit:
                raise FramingError(f"Corpus.to_parquet_dataset(): the {col} value {str(value)[:60]!r}… "
                                   f"is too long to name a folder; partition by another column.")


def _swap_in(tmp: Path, path: Path) -> None:
    """Rename the finished folder ``tmp`` to ``path`` (an old dataset there is replaced and deleted)."""
    old = None
    if path.exists():
        old = path.with_name(f".{path.name}.{secrets.token_hex(6)}.old")
        path.rename(old)
    try:
        tmp.rename(path)
    except BaseException:
        if old is not None:
            old.rename(path)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
