"""The annotation cache opened as a dataset, read-only, with pyarrow, pandas, DuckDB or Dask.

The cache (:mod:`framing.annotate.cache`) already holds Parquet: per
configuration folder ``annotate/<key>/`` (``<key>`` begins with the language,
``ru-8711f5d5…``) one ``tokens-<part>.parquet`` and one
``entities-<part>.parquet`` per annotated batch, and ``index-<part>.json``
listing the text hashes of the batch (its ``doc`` column indexes that list).
A part is complete once its index exists; only complete parts are read here.
Nothing is written and the format is not changed.

:func:`cache_dataset` gives a :class:`pyarrow.dataset.Dataset` of the token
(or entity) parts with two columns more, ``key`` and ``part``;
:func:`cache_index` gives the table ``key, part, doc, text_hash`` that joins
rows to documents (the text hash of a corpus's documents is
:func:`framing.annotate.cache.text_hash` of their cleaned text).  Other tools
read the same files directly::

    # pandas (one part) and pyarrow
    pd.read_parquet("~/.cache/framing/annotate/ru-8711f5d5b196f31213ea/tokens-0a1b2c3d4e5f6a7b.parquet")
    # DuckDB: the part name from the file name
    duckdb.sql(\"\"\"SELECT regexp_extract(filename, 'tokens-(\\w+)', 1) AS part, lemma, count(*)
                  FROM read_parquet('~/.cache/framing/annotate/ru-*/tokens-*.parquet', filename=true)
                  GROUP BY ALL\"\"\")
    # Dask: one partition per part
    dask.dataframe.read_parquet(sorted(glob.glob(".../annotate/ru-*/tokens-*.parquet")))

(Read the files of finished runs: a part being written is invisible to
:func:`cache_dataset` until its index exists, but a glob may see its tokens
file already.)
"""

from __future__ import annotations

import json
from pathlib import Path

from .._options import InstanceOf, NoneOk, OneOf, check
from .cache import ENTITY_SCHEMA, TOKEN_SCHEMA, _schema, cache_root

_SPEC = {"cache_dir": [NoneOk(), InstanceOf(str, Path)], "kind": OneOf("tokens", "entities"),
         "lang": [NoneOk(), InstanceOf(str)]}


def _complete_parts(cache_dir, lang):
    """``(key, part, hashes, folder)`` of every complete part, in a stable order."""
    root = cache_root(True if cache_dir is None else cache_dir) / "annotate"
    out = []
    folders = sorted(root.glob("*-*")) if root.is_dir() else []
    for folder in folders:
        if lang is not None and folder.name.split("-")[0] != lang:
            continue
        for f in sorted(folder.glob("index-*.json")):
            try:
                data = json.loads(f.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue            # a damaged index: the pipeline recomputes its documents too
            part = data.get("part") if isinstance(data, dict) else None
            if part and (folder / f"tokens-{part}.parquet").exists():
                out.append((folder.name, part, list(data.get("hashes", [])), folder))
    return out


def cache_dataset(cache_dir=None, *, kind="tokens", lang=None):
    """The cached token (or entity) tables as one pyarrow dataset, read-only.

    Parameters
    ----------
    cache_dir : path, optional
        The cache root (``cache=`` of :func:`framing.annotate`); default
        ``$FRAMING_CACHE_DIR`` or ``~/.cache/framing``.
    kind : {"tokens", "entities"}
        Which tables.
    lang : str, optional
        Only the configurations of this language.

    Returns
    -------
    pyarrow.dataset.Dataset
        The cache's columns (``doc``, ``sent_id``, ``tok_id``, ``start``, …;
        ``doc`` indexes the part's text hashes) and ``key``, ``part``.  Read it
        in batches (``to_batches()``), filter it (``to_table(filter=...)``),
        or hand it to DuckDB (``duckdb.arrow(dataset)``) or Polars.

    Examples
    --------
    >>> import framing
    >>> from framing.annotate import cache_dataset, cache_index
    >>> ann = framing.annotate(framing.load_demo(), layers=("lemma",), cache="cache-a", progress=False)
    >>> tokens = cache_dataset("cache-a").to_table(columns=["key", "part", "doc", "lemma"])
    >>> tokens.num_rows == len(ann.tokens)
    True
    >>> index = cache_index("cache-a")
    >>> rows = tokens.join(index, keys=["key", "part", "doc"])
    >>> rows.column_names
    ['key', 'part', 'doc', 'lemma', 'text_hash']
    >>> rows.group_by("lemma").aggregate([("text_hash", "count_distinct")]).num_rows > 1000
    True
    """
    import pyarrow as pa
    import pyarrow.dataset as ds
    import pyarrow.fs as pafs

    check("cache_dataset", _SPEC, cache_dir=cache_dir, kind=kind, lang=lang)
    parts = _complete_parts(cache_dir, lang)
    columns = TOKEN_SCHEMA if kind == "tokens" else ENTITY_SCHEMA
    schema = pa.schema([("key", pa.string()), ("part", pa.string())] + list(_schema(columns)))
    paths = [str(folder / f"{kind}-{part}.parquet") for key, part, _, folder in parts]
    where = [(ds.field("key") == key) & (ds.field("part") == part) for key, part, _, _ in parts]
    return ds.FileSystemDataset.from_paths(paths, schema=schema, format=ds.ParquetFileFormat(),
                                           filesystem=pafs.LocalFileSystem(), partitions=where)


def cache_index(cache_dir=None, *, lang=None):
    """Which document text each cached row belongs to: ``key, part, doc, text_hash``.

    Parameters
    ----------
    cache_dir : path, optional
        The cache root, as for :func:`cache_dataset`.
    lang : str, optional
        Only the configurations of this language.

    Returns
    -------
    pyarrow.Table
        One row per (part, document): join it to :func:`cache_dataset` on
        ``key``, ``part`` and ``doc``.

    Examples
    --------
    >>> import framing
    >>> from framing.annotate import cache_index
    >>> from framing.annotate.cache import text_hash
    >>> c = framing.Corpus.from_frame(framing.load_demo().docs.head(3))
    >>> _ = framing.annotate(c, layers=("lemma",), cache="cache-b", progress=False)
    >>> index = cache_index("cache-b")
    >>> sorted(index["text_hash"].to_pylist()) == sorted(text_hash(t) for t in c.docs["text"])
    True
    """
    import pyarrow as pa

    check("cache_index", _SPEC, cache_dir=cache_dir, lang=lang)
    cols = {"key": [], "part": [], "doc": [], "text_hash": []}
    for key, part, hashes, _ in _complete_parts(cache_dir, lang):
        cols["key"] += [key] * len(hashes)
        cols["part"] += [part] * len(hashes)
        cols["doc"] += range(len(hashes))
        cols["text_hash"] += hashes
    return pa.table(cols, schema=pa.schema([("key", pa.string()), ("part", pa.string()), ("doc", pa.int32()),
                                            ("text_hash", pa.string())]))
