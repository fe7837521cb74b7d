"""The corpus: an immutable table of documents with provenance.

A :class:`Corpus` is the first layer of the flow ``Corpus`` → ``annotate`` →
measures → ``compare`` → ``plot``.  It wraps a pandas DataFrame with one row per
document and the columns

========== ==================================================================
doc_id     unique document id (str)
outlet     the outlet (channel, site, agency) that published it (str)
published  publication time, timezone-aware (UTC) or missing (NaT)
lang       ISO 639-1 language code (``ru``, ``uk``, ``en``, …) or ``und``
title      headline (str, may be empty)
text       body text, Unicode-normalised (str)
url        address of the original (str, may be empty)
========== ==================================================================

plus any metadata columns the user brings.  Every method returns a new corpus;
nothing changes in place, so notebook cells can be re-run safely.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import html
import json
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from ._dtypes import TIMESTAMP, as_timestamp, conform_docs
from ._errors import SchemaError, missing_columns
from ._problems import PROBLEM_COLUMNS, empty_problems
from ._version import __version__

CORE_COLUMNS = ["doc_id", "outlet", "published", "lang", "title", "text", "url"]
_META_KEY = b"framing.meta"
_PROBLEMS_KEY = b"framing.problems"


def _now_iso() -> str:
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")


def to_utc(values, *, tz=None) -> pd.Series:
    """Parse dates to timezone-aware UTC timestamps (NaT where unparseable).

    Naive values are taken to be in ``tz`` (default UTC).
    """
    s = pd.Series(values, copy=False)
    if isinstance(s.dtype, pd.DatetimeTZDtype):
        return as_timestamp(s.dt.tz_convert("UTC"))
    out = []
    for v in s.tolist():
        if v is None or (isinstance(v, float) and np.isnan(v)) or v is pd.NaT or v == "":
            out.append(pd.NaT)
            continue
        try:
            if isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool):
                ts = pd.Timestamp(float(v), unit="s", tz="UTC")
            else:
                ts = pd.Timestamp(v)
        except (ValueError, TypeError, OverflowError):
            out.append(pd.NaT)
            continue
        if ts is pd.NaT:
            out.append(pd.NaT)
        elif ts.tzinfo is None:
            out.append(ts.tz_localize(tz or "UTC").tz_convert("UTC"))
        else:
            out.append(ts.tz_convert("UTC"))
    return pd.Series(out, dtype="object", index=s.index).astype(TIMESTAMP)


class Corpus:
    """An immutable table of news documents with provenance.

    Parameters
    ----------
    docs : pandas.DataFrame
        One row per document with at least the columns ``doc_id`` and ``text``;
        missing core columns are filled (``outlet`` = "unknown", ``lang``
        detected from the text, others empty).  A missing ``doc_id`` (None,
        NaN, blank) becomes ``doc<row>`` and lone UTF-16 surrogates in text
        cells become U+FFFD; each such repair is added to ``problems``
        (action "repaired"), so no document drops out of grouped measures
        and every text can be written as UTF-8.
    meta : dict, optional
        Provenance: ``sources`` (list of {path, sha256}), ``loader``,
        ``options``, ``framing_version``, ``created``.
    problems : pandas.DataFrame, optional
        Documents skipped or repaired while loading, with columns ``source``,
        ``location``, ``doc_id``, ``reason``, ``action``.

    Examples
    --------
    >>> import pandas as pd
    >>> from framing import Corpus
    >>> c = Corpus.from_frame(pd.DataFrame({"id": ["a"], "body": ["Путин заявил."],
    ...                                     "source": ["agency"]}),
    ...                       doc_id="id", text="body", outlet="source")
    >>> len(c), c.docs.loc[0, "lang"]
    (1, 'ru')
    """

    __slots__ = ("_docs", "_meta", "_problems")

    def __init__(self, docs: pd.DataFrame, *, meta: Mapping | None = None,
                 problems: pd.DataFrame | None = None):
        if not isinstance(docs, pd.DataFrame):
            raise SchemaError(
                f"Corpus() needs a pandas DataFrame, got {type(docs).__name__}; "
                "use Corpus.from_frame(df, ...) or a framing.read_* loader."
            )
        missing = {"doc_id", "text"} - set(docs.columns)
        if missing:
            raise missing_columns(
                "The documents table", missing,
                hint="Name them with Corpus.from_frame(df, doc_id=..., text=...).",
            )
        df = docs.copy()
        repairs: list[dict] = []
        _fill_missing_ids(df, repairs)
        _scrub_surrogates(df, repairs)
        df["doc_id"] = df["doc_id"].astype(str)
        dup = df["doc_id"].duplicated(keep=False)
        if dup.any():
            ids = df.loc[dup, "doc_id"].unique()[:5].tolist()
            raise SchemaError(
                f"doc_id must be unique; repeated: {ids}. Loaders make ids unique "
                "themselves; for your own table, fix or drop the repeated ids."
            )
        df["text"] = df["text"].fillna("").astype(str)
        if "outlet" not in df:
            df["outlet"] = "unknown"
        df["outlet"] = df["outlet"].fillna("unknown").astype(str)
        for col in ("title", "url"):
            if col not in df:
                df[col] = ""
            df[col] = df[col].fillna("").astype(str)
        if "published" not in df:
            df["published"] = pd.NaT
        df["published"] = to_utc(df["published"])
        if "lang" not in df:
            df["lang"] = None
        need = df["lang"].isna() | (df["lang"].astype(str).str.len() == 0)
        if need.any():
            from .lang.identify import detect_languages

            df.loc[need, "lang"] = detect_languages(
                (df.loc[need, "title"] + "\n" + df.loc[need, "text"]).tolist()
            )
        df["lang"] = df["lang"].astype(str)
        extra = [c for c in df.columns if c not in CORE_COLUMNS]
        df = conform_docs(df[CORE_COLUMNS + extra].reset_index(drop=True))
        object.__setattr__(self, "_docs", df)
        m = dict(meta or {})
        m.setdefault("framing_version", __version__)
        m.setdefault("created", _now_iso())
        m.setdefault("sources", [])
        object.__setattr__(self, "_meta", m)
        p = empty_problems() if problems is None else problems.reindex(columns=PROBLEM_COLUMNS)
        if repairs:
            p = pd.concat([p, pd.DataFrame(repairs, columns=PROBLEM_COLUMNS)], ignore_index=True)
        object.__setattr__(self, "_problems", p.reset_index(drop=True))

    def __setattr__(self, name, value):
        raise AttributeError("Corpus is immutable: methods return a new corpus.")

    # --- construction -------------------------------------------------
    @classmethod
    def from_frame(cls, df: pd.DataFrame, *, meta: Mapping | None = None, **column_mapping) -> "Corpus":
        """Build a corpus from any DataFrame.

        Parameters
        ----------
        df : pandas.DataFrame
            The table; it is not changed.
        meta : dict, optional
            Provenance to store.
        **column_mapping
            ``core_name=your_column``, e.g. ``text="body", outlet="source"``.
            Core names: doc_id, outlet, published, lang, title, text, url.
            Without a doc_id column, ids are made from the row number.

        Returns
        -------
        Corpus
        """
        unknown = set(column_mapping) - set(CORE_COLUMNS)
        if unknown:
            raise SchemaError(
                f"Corpus.from_frame(): unknown core column(s) {sorted(unknown)}; "
                f"map to one of {CORE_COLUMNS}."
            )
        absent = {v for v in column_mapping.values() if v not in df.columns}
        if absent:
            raise missing_columns("The DataFrame", absent,
                                  hint=f"It has: {list(df.columns)[:20]}.")
        out = df.rename(columns={v: k for k, v in column_mapping.items()})
        if "doc_id" not in out:
            out = out.assign(doc_id=[f"doc{i:06d}" for i in range(len(out))])
        m = {"loader": "Corpus.from_frame", "options": {k: str(v) for k, v in column_mapping.items()}}
        m.update(meta or {})
        return cls(out, meta=m)

    # --- access -----------------------------------------------------------
    @property
    def docs(self) -> pd.DataFrame:
        """The documents table (a copy: changing it does not change the corpus)."""
        return self._docs.copy()

    @property
    def meta(self) -> dict:
        """Provenance: sources with sha256, loader, options, version, creation time."""
        return json.loads(json.dumps(self._meta, default=str))

    @property
    def problems(self) -> pd.DataFrame:
        """Documents skipped or repaired while loading (source, location, doc_id, reason, action)."""
        return self._problems.copy()

    @property
    def outlets(self) -> list[str]:
        return sorted(self._docs["outlet"].unique().tolist())

    @property
    def languages(self) -> list[str]:
        return sorted(self._docs["lang"].unique().tolist())

    def __len__(self) -> int:
        return len(self._docs)

    def __iter__(self) -> Iterator[dict]:
        """Yield one document at a time as a dict of its columns."""
        cols = list(self._docs.columns)
        for row in self._docs.itertuples(index=False, name=None):
            yield dict(zip(cols, row))

    def __getitem__(self, doc_id: str) -> dict:
        hit = self._docs.index[self._docs["doc_id"] == str(doc_id)]
        if len(hit) == 0:
            raise KeyError(f"No document with doc_id {doc_id!r} in this corpus.")
        return self._docs.loc[hit[0]].to_dict()

    def __contains__(self, doc_id) -> bool:
        return bool((self._docs["doc_id"] == str(doc_id)).any())

    def __eq__(self, other) -> bool:
        return isinstance(other, Corpus) and self._docs.equals(other._docs)

    __hash__ = None

    def fingerprint(self) -> str:
        """sha256 of doc ids and texts: the same documents give the same value."""
        h = hashlib.sha256()
        for i, t in zip(self._docs["doc_id"], self._docs["text"]):
            h.update(i.encode("utf-8", "surrogatepass") + b"\0" + t.encode("utf-8", "surrogatepass") + b"\1")
        return h.hexdigest()

    # --- derivation -------------------------------------------------------
    def _derive(self, docs: pd.DataFrame, step: str) -> "Corpus":
        meta = self.meta
        meta.setdefault("steps", []).append(step)
        keep = set(docs["doc_id"])
        probs = self._problems
        return Corpus(docs, meta=meta, problems=probs[probs["doc_id"].isna() | probs["doc_id"].isin(keep)])

    def filter(self, mask: pd.Series | np.ndarray | Callable[[pd.DataFrame], pd.Series]) -> "Corpus":
        """Keep the documents where ``mask`` is True.

        Parameters
        ----------
        mask : boolean array-like or callable
            A boolean Series aligned with :attr:`docs` or a function of the docs
            table returning one, e.g. ``lambda d: d.text.str.len() > 500``.
        """
        m = mask(self.docs) if callable(mask) else mask
        m = np.asarray(m, dtype=bool)
        if len(m) != len(self._docs):
            raise SchemaError(f"filter(): the mask has {len(m)} values for {len(self)} documents.")
        return self._derive(self._docs[m], "filter")

    def select(self, *, outlet=None, lang=None, start=None, end=None) -> "Corpus":
        """Select by outlet(s), language(s) and a publication date range.

        Parameters
        ----------
        outlet, lang : str or list of str, optional
        start, end : date-like, optional
            Inclusive start, exclusive end; naive dates are taken as UTC.
            Documents without a date are dropped when either bound is given.
        """
        d = self._docs
        m = np.ones(len(d), dtype=bool)
        if outlet is not None:
            outs = [outlet] if isinstance(outlet, str) else list(outlet)
            unknown = set(outs) - set(d["outlet"])
            if unknown:
                raise SchemaError(f"select(): no outlet {sorted(unknown)} in this corpus; it has {self.outlets}.")
            m &= d["outlet"].isin(outs).to_numpy()
        if lang is not None:
            langs = [lang] if isinstance(lang, str) else list(lang)
            m &= d["lang"].isin(langs).to_numpy()
        if start is not None:
            m &= (d["published"] >= to_utc([start]).iloc[0]).fillna(False).to_numpy()
        if end is not None:
            m &= (d["published"] < to_utc([end]).iloc[0]).fillna(False).to_numpy()
        desc = {k: v for k, v in dict(outlet=outlet, lang=lang, start=start, end=end).items() if v is not None}
        return self._derive(d[m], f"select({desc})")

    def sample(self, n: int | None = None, *, frac: float | None = None, seed: int) -> "Corpus":
        """A random sample of documents, reproducible for a seed."""
        return self._derive(self._docs.sample(n=n, frac=frac, random_state=seed), f"sample(n={n}, frac={frac}, seed={seed})")

    def concat(self, *others: "Corpus") -> "Corpus":
        """This corpus followed by others; repeated doc_ids raise an error."""
        frames = [self._docs] + [o._docs for o in others]
        meta = self.meta
        for o in others:
            meta["sources"] = meta.get("sources", []) + o.meta.get("sources", [])
        meta.setdefault("steps", []).append(f"concat({len(others)})")
        probs = pd.concat([self._problems] + [o._problems for o in others], ignore_index=True)
        return Corpus(pd.concat(frames, ignore_index=True), meta=meta, problems=probs)

    def with_columns(self, **columns) -> "Corpus":
        """A new corpus with added or replaced metadata columns (not ``doc_id``/``text``)."""
        bad = {"doc_id", "text"} & set(columns)
        if bad:
            raise SchemaError(f"with_columns(): {sorted(bad)} cannot be replaced; build a new corpus instead.")
        d = self._docs.assign(**columns)
        return self._derive(d, f"with_columns({sorted(columns)})")

    # --- summaries --------------------------------------------------------
    def summary(self) -> pd.DataFrame:
        """Documents, languages and date range per outlet.

        Returns
        -------
        pandas.DataFrame
            Columns ``outlet``, ``documents``, ``languages``, ``first``, ``last``,
            ``words``.
        """
        d = self._docs
        if d.empty:
            return pd.DataFrame(columns=["outlet", "documents", "languages", "first", "last", "words"])
        words = d["text"].str.split().str.len()
        g = d.assign(_words=words).groupby("outlet", sort=True)
        return pd.DataFrame({
            "documents": g.size(),
            "languages": g["lang"].agg(lambda s: ",".join(sorted(set(s)))),
            "first": g["published"].min(),
            "last": g["published"].max(),
            "words": g["_words"].sum(),
        }).reset_index()

    def __repr__(self) -> str:
        return (f"<Corpus: {len(self)} documents, {len(self.outlets)} outlets, "
                f"languages {self.languages}, {len(self._problems)} problems>")

    def _repr_html_(self) -> str:
        s = self.summary()
        d = self._docs["published"]
        rng = "no dates" if d.isna().all() else f"{d.min():%Y-%m-%d} – {d.max():%Y-%m-%d}"
        head = (f"<p><b>Corpus</b>: {len(self)} documents, {len(self.outlets)} outlets, "
                f"languages {html.escape(', '.join(self.languages))}, {rng}; "
                f"{len(self._problems)} problem(s) while loading"
                f"{' (see .problems)' if len(self._problems) else ''}.</p>")
        from ._display import frames_html

        return head + s.to_html(index=False, na_rep="—") + frames_html({"docs": self._docs, "problems": self._problems})

    # --- storage ------------------------------------------------------------
    def to_parquet(self, path) -> Path:
        """Write the corpus (documents, provenance and problems) to one Parquet file, atomically.

        A metadata column whose values mix types that Parquet cannot hold in
        one column (``"views": "1.2K"`` in one document, ``1200`` in another)
        is written as text (missing values stay missing); each such column is
        added to the file's problems and a ``LoadWarning`` says so.
        """
        import pyarrow as pa
        import pyarrow.parquet as pq

        from ._atomic import atomic_path

        path = Path(path)
        docs, notes = _storable(self._docs)
        table = pa.Table.from_pandas(docs, preserve_index=False)
        md = dict(table.schema.metadata or {})
        md[_META_KEY] = json.dumps(self._meta, default=str, ensure_ascii=False).encode("utf-8")
        probs = self._problems
        if notes:
            probs = pd.concat([probs, pd.DataFrame(notes, columns=PROBLEM_COLUMNS)], ignore_index=True)
            import warnings

            from ._errors import LoadWarning

            warnings.warn(f"Corpus.to_parquet(): {notes[0]['reason']}"
                          + (f" (and {len(notes) - 1} more column(s))" if len(notes) > 1 else "")
                          + "; recorded in the file's problems.", LoadWarning, stacklevel=2)
        md[_PROBLEMS_KEY] = probs.to_json(orient="records", force_ascii=False).encode("utf-8")
        table = table.replace_schema_metadata(md)
        with atomic_path(path) as tmp:
            pq.write_table(table, tmp)
        return path

    @classmethod
    def read_parquet(cls, path) -> "Corpus":
        """Read a corpus written by :meth:`to_parquet`."""
        import pyarrow.parquet as pq

        table = pq.read_table(path)
        md = table.schema.metadata or {}
        df = table.to_pandas()
        # list columns (links, hashtags) come back as numpy arrays: restore lists
        for col in df.columns[df.dtypes == object]:
            if df[col].map(lambda v: isinstance(v, np.ndarray)).any():
                df[col] = df[col].map(lambda v: v.tolist() if isinstance(v, np.ndarray) else v)
        if _META_KEY not in md:
            raise SchemaError(
                f"{path} was not written by Corpus.to_parquet(); read it with framing.read_parquet(path, ...) instead."
            )
        meta = json.loads(md[_META_KEY].decode("utf-8"))
        probs = pd.DataFrame(json.loads(md.get(_PROBLEMS_KEY, b"[]").decode("utf-8")), columns=PROBLEM_COLUMNS)
        return cls(df, meta=meta, problems=probs)

    # --- partitioned datasets (corpora larger than memory) -----------------------
    def to_parquet_dataset(self, path, *, partition_by=("outlet", "month"), overwrite=False) -> Path:
        """Write the corpus as a hive-partitioned Parquet dataset, one folder per outlet and month.

        The folder (``outlet=<name>/month=<YYYY-MM>/part-0.parquet``) is written
        beside ``path`` first and renamed into place when complete, so a reader
        never sees half a dataset.  :func:`framing.read_parquet_dataset` reads
        it back equal to this corpus (documents in the same order, the same
        column types, provenance and problems), or only the partitions a filter
        selects; pyarrow, Dask, DuckDB and Polars open it directly (see
        :mod:`framing.io.partitioned`).

        Parameters
        ----------
        path : str or path
            The dataset's folder.
        partition_by : str or sequence of str
            Columns whose values name the folders: ``outlet``, ``lang``, a
            metadata column with few values, or ``month``/``year`` (derived from
            ``published`` in UTC; documents without a date go to the folder
            ``month=__HIVE_DEFAULT_PARTITION__``).
        overwrite : bool
            Replace an existing dataset at ``path`` (never a folder that is not one).

        Returns
        -------
        pathlib.Path
            ``path``.

        Examples
        --------
        >>> import framing
        >>> demo = framing.load_demo()
        >>> path = demo.to_parquet_dataset("by-outlet", partition_by=("outlet", "month"))
        >>> sorted(p.parent.name for p in path.glob("outlet=global_wire/*/*.parquet"))
        ['month=2025-11']
        >>> framing.read_parquet_dataset(path) == demo
        True
        """
        from .io.partitioned import write_parquet_dataset

        return write_parquet_dataset(self, path, partition_by=partition_by, overwrite=overwrite)

def _missing(v) -> bool:
    if v is None or v is pd.NA or v is pd.NaT:
        return True
    if isinstance(v, float) and v != v:
        return True
    return isinstance(v, str) and not v.strip()


def _fill_missing_ids(df: pd.DataFrame, repairs: list) -> None:
    """Give a document without ``doc_id`` (None, NaN, blank) the id ``doc<row>``, recording it.

    Without this a missing id would become the string ``"nan"`` (or stay
    missing) and the document would drop out of grouped measures.
    """
    ids = df["doc_id"].tolist()
    holes = [i for i, v in enumerate(ids) if _missing(v)]
    if not holes:
        return
    taken = {str(v) for v in ids if not _missing(v)}
    ids = [v if not _missing(v) else None for v in ids]
    for i in holes:
        new = f"doc{i:06d}"
        k = 2
        while new in taken:
            new, k = f"doc{i:06d}__{k}", k + 1
        taken.add(new)
        ids[i] = new
        repairs.append({"source": None, "location": f"row {i + 1}", "doc_id": new,
                        "reason": f"missing doc_id; generated {new!r}", "action": "repaired"})
    df["doc_id"] = pd.Series(ids, index=df.index, dtype=object)


def _scrub_surrogates(df: pd.DataFrame, repairs: list) -> None:
    """Replace lone UTF-16 surrogates (not writable as UTF-8) in text cells by U+FFFD, recording each."""
    from .io._encodings import scrub_surrogates

    for col in df.columns:
        if df[col].dtype != object:
            continue
        values = df[col].tolist()
        changed = False
        for i, v in enumerate(values):
            if isinstance(v, str):
                new, n = scrub_surrogates(v)
                if n:
                    values[i], changed = new, True
                    repairs.append({"source": None, "location": f"row {i + 1}, column {col}",
                                    "doc_id": None if _missing(df["doc_id"].iat[i]) else str(df["doc_id"].iat[i]),
                                    "reason": f"{n} lone UTF-16 surrogate(s) replaced by U+FFFD",
                                    "action": "repaired"})
        if changed:
            df[col] = pd.Series(values, index=df.index, dtype=object)


def _storable(docs: pd.DataFrame) -> tuple[pd.DataFrame, list]:
    """``docs`` with each metadata column that Parquet cannot store as one type made text.

    A column holding strings in some rows and numbers in others (``"1.2K"``
    and ``1200``) is stored as strings (missing values stay missing); each
    such column is returned as a problem note.
    """
    import pyarrow as pa

    notes, out = [], None
    for col in docs.columns:
        if col in CORE_COLUMNS or docs[col].dtype != object:
            continue
        try:
            pa.array(docs[col], from_pandas=True)
            continue
        except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError, TypeError, ValueError,
                OverflowError):
            pass
        kinds = sorted({type(v).__name__ for v in docs[col] if not _missing(v)})
        if out is None:
            out = docs.copy()
        out[col] = [None if _missing(v) else v if isinstance(v, str)
                    else json.dumps(v, ensure_ascii=False, default=str) if isinstance(v, (list, dict, tuple))
                    else str(v) for v in docs[col]]
        notes.append({"source": None, "location": f"column {col}", "doc_id": None,
                      "reason": (f"metadata column {col!r} mixes {', '.join(kinds)}" if len(kinds) > 1 else
                                 f"metadata column {col!r} holds {', '.join(kinds)} values Parquet cannot store")
                      + "; stored as text",
                      "action": "repaired"})
    return (docs if out is None else out), notes
