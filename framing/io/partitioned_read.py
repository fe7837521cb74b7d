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
from .._options import InstanceOf, NoneOk, check
from .partitioned import DATASET_FILE, ORDER_COLUMN, PROBLEMS_FILE, _DATASET_FORMAT

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
    import pyarrow.dataset as ds
    import pyarrow.feather  # noqa: F401 - pa.feather
    import pyarrow.parquet as pq

    from ..corpus import CORE_COLUMNS, Corpus

    check("read_parquet_dataset", {"filters": [NoneOk(), InstanceOf(list, tuple, pa.compute.Expression)],
                                   "columns": [NoneOk(), InstanceOf(list, tuple)]},
          filters=filters, columns=columns)
    path = Path(path)
    desc = _dataset_description(path)
    schema = pq.read_schema(path / "_common_metadata")
    by, derived = desc["partition_by"], desc["derived"]
    fields = [f for f in schema if f.name not in derived] + [pa.field(c, pa.string()) for c in derived]
    part_schema = pa.schema([next(f for f in fields if f.name == c) for c in by])
    dataset = ds.dataset(path, format="parquet", partitioning=ds.partitioning(part_schema, flavor="hive"),
                         schema=pa.schema(fields + [pa.field(ORDER_COLUMN, pa.int64())]))
    extra = [n for n in schema.names if n not in CORE_COLUMNS]
    if columns is not None:
        unknown = [c for c in columns if c not in schema.names]
        if unknown:
            raise SchemaError(f"read_parquet_dataset(): no column {unknown} in {path}; its metadata columns "
                              f"are {extra}.")
        extra = [c for c in extra if c in columns]
    names = [n for n in schema.names if n in CORE_COLUMNS or n in extra]
    expr = None
    if filters is not None:
        expr = filters if isinstance(filters, pa.compute.Expression) else pq.filters_to_expression(filters)
    try:
        table = dataset.to_table(columns=names + [ORDER_COLUMN], filter=expr)
    except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
        raise SchemaError(f"read_parquet_dataset(): the filter {filters!r} cannot be applied to {path} "
                          f"({exc}); its columns are {schema.names + derived}.") from None
    order = table[ORDER_COLUMN]
    table = table.take(pa.compute.sort_indices(order)).drop_columns([ORDER_COLUMN])
    table = table.cast(pa.schema([schema.field(n) for n in names], metadata=schema.metadata))
    df = table.to_pandas()
    for f in table.schema:                      # list columns come back as arrays: lists again
        if pa.types.is_list(f.type) or pa.types.is_large_list(f.type):
            df[f.name] = table[f.name].to_pylist()
    meta = desc["meta"]
    if filters is not None:
        meta.setdefault("steps", []).append(f"read_parquet_dataset(filters={filters!r})")
    probs = pa.feather.read_table(path / PROBLEMS_FILE).to_pandas()
    if filters is not None:
        probs = probs[probs["doc_id"].isna() | probs["doc_id"].isin(set(df["doc_id"]))]
    return Corpus(df, meta=meta, problems=probs)


def _dataset_description(path: Path) -> dict:
    f = path / DATASET_FILE
    if not f.is_file():
        hint = ("it does not exist" if not path.exists() else
                f"it has no {DATASET_FILE}: open other Parquet folders with framing.read_parquet(...) "
                "or pyarrow.dataset.dataset(...) and framing.Corpus.from_frame(...)")
        raise SchemaError(f"read_parquet_dataset(): {path} is not a corpus dataset written by "
                          f"Corpus.to_parquet_dataset(); {hint}.")
    with contextlib.suppress(ValueError):
        desc = json.loads(f.read_text(encoding="utf-8"))
        if isinstance(desc, dict) and desc.get("format") == _DATASET_FORMAT:
            return desc
    raise SchemaError(f"read_parquet_dataset(): {f} is damaged or of a newer format; write the dataset again.")
