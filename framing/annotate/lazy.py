"""An annotation read from the cache on demand: :class:`CachedAnnotated`.

``framing.annotate(corpus, lazy=True)`` (the default from
:data:`LAZY_DOCS` documents on, and for a stream of corpora) returns a
:class:`CachedAnnotated`: it holds the corpus's documents table and an index
of the annotation cache (for each document, the cache part that holds it and
its place there, and its numbers of tokens and entity mentions), not the
token and entity tables.  Those are read from the cache's Parquet parts when
they are asked for:

* :meth:`~CachedAnnotated.token_batches` streams the token table in
  slices of whole documents (what :func:`framing.features` reads);
* :meth:`~CachedAnnotated.partitions` yields in-memory
  :class:`~framing.Annotated` objects of consecutive documents, in corpus
  order (what the partitioned measures read);
* :meth:`~CachedAnnotated.select` stays lazy;
* ``.tokens`` and ``.entities`` still work: they read and return the whole
  table.

Every part is verified when it is read, as the pipeline verifies it
(:meth:`framing.annotate.cache.AnnotationCache.load_part`: sizes, sha256 of
both files, the text hashes stored inside); a part that fails or has
vanished since (the cache was cleared or pruned) is moved to quarantine
and a :class:`CachePartError` names it and says how to get the documents
back.  Tables read in batches equal those of the in-memory annotation row
for row: they are assembled by the same functions, sorted by corpus position,
sentence and token.
"""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

import numpy as np
import pandas as pd

from .._errors import FramingError
from .annotated import _ENTITY_DTYPES, _TOKEN_DTYPES, Annotated, _set_dtypes, empty_entities, empty_tokens
from .cache import CacheDamage

#: From this many documents on, ``annotate()`` returns a :class:`CachedAnnotated` by default.
LAZY_DOCS = 100_000

#: Parts kept in memory after they are read (consecutive batches often share a part).
_KEPT_PARTS = 4


class CachePartError(FramingError):
    """A cache part a :class:`CachedAnnotated` reads from has vanished or no longer checks out."""


class CacheIndex:
    """Where each document of a corpus is in the annotation cache.

    ``stores`` are :class:`~framing.annotate.cache.AnnotationCache` objects,
    ``parts`` ``(store number, part name, number of documents)``; per corpus
    position, ``part_of`` (a number into ``parts``, -1: no rows), ``doc_in``
    (the document's place in the part's hash list), ``n_tok`` and ``n_ent``
    (its rows).
    """

    def __init__(self, stores, parts, part_of, doc_in, n_tok, n_ent):
        self.stores, self.parts = list(stores), list(parts)
        self.part_of = np.asarray(part_of, dtype=np.int32)
        self.doc_in = np.asarray(doc_in, dtype=np.int32)
        self.n_tok = np.asarray(n_tok, dtype=np.int32)     # a document's rows; sums are taken in int64
        self.n_ent = np.asarray(n_ent, dtype=np.int32)

    @classmethod
    def empty(cls, n: int) -> "CacheIndex":
        return cls([], [], np.full(n, -1), np.zeros(n), np.zeros(n), np.zeros(n))

    def __len__(self) -> int:
        return len(self.part_of)

    def take(self, positions) -> "CacheIndex":
        """The index of the documents at ``positions``, in that order."""
        p = np.asarray(positions, dtype=np.int64)
        return CacheIndex(self.stores, self.parts, self.part_of[p], self.doc_in[p], self.n_tok[p], self.n_ent[p])

    @staticmethod
    def concat(indexes) -> "CacheIndex":
        """The indexes of consecutive batches of documents as one (stores of one folder are shared)."""
        stores, parts, cols = [], [], ([], [], [], [])
        where: dict = {}                            # (folder, part) -> number in parts
        for ix in indexes:
            store_no = []
            for s in ix.stores:
                same = next((k for k, t in enumerate(stores) if t.dir == s.dir), None)
                if same is None:
                    same = len(stores)
                    stores.append(s)
                else:                               # keep the entries of both objects
                    stores[same]._entries.update(s._entries)
                store_no.append(same)
            remap = np.empty(len(ix.parts) + 1, dtype=np.int32)
            remap[-1] = -1
            for k, (si, name, n) in enumerate(ix.parts):
                key = (str(stores[store_no[si]].dir), name)
                if key not in where:
                    where[key] = len(parts)
                    parts.append((store_no[si], name, n))
                remap[k] = where[key]
            cols[0].append(remap[ix.part_of])
            for acc, arr in zip(cols[1:], (ix.doc_in, ix.n_tok, ix.n_ent)):
                acc.append(arr)
        if not cols[0]:
            return CacheIndex.empty(0)
        return CacheIndex(stores, parts, *(np.concatenate(c) for c in cols))


#: Columns of a streamed corpus that stay in its stored batches and are not held in memory: the
#: texts (``text``, and ``raw_text``, the markup as posted, of :func:`framing.read_telegram`: about
#: 0.9 KB a Telegram post, which a stream of a million posts would otherwise keep in the client).
#: ``docs``, ``corpus`` and :meth:`CachedAnnotated.doc_info` read them from the files when asked.
ON_DISK_COLUMNS = ("text", "raw_text")


class DocumentStore:
    """The documents of a streamed corpus, kept in Parquet files beside the cache instead of in memory.

    One file per batch of the stream, ``<cache root>/documents/<key>.parquet``
    (written by :meth:`framing.Corpus.to_parquet`; ``<key>`` is a hash of the
    batch's documents, so a rerun of the same stream reuses its files), its
    sha256 checked whenever it is read.  In memory: per document, its file
    and row, and once asked for (selections, :meth:`CachedAnnotated.doc_info`,
    joins), the documents table without its text columns (:data:`ON_DISK_COLUMNS`).
    """

    def __init__(self, files, table, pos_file, pos_row, meta, problems):
        self.files = list(files)                    # (path, sha256)
        # None: the documents of every file in order, read when first asked for (:attr:`table`)
        self._table = None if table is None else table.reset_index(drop=True)
        self.pos_file = np.asarray(pos_file, dtype=np.int32)
        self.pos_row = np.asarray(pos_row, dtype=np.int64)
        self.meta, self.problems = meta, problems
        self._kept: OrderedDict = OrderedDict()

    @property
    def table(self) -> pd.DataFrame:
        """The documents table without the columns of :data:`ON_DISK_COLUMNS`; a stream's is read from its
        batches' files (one at a time) when first asked for (a selection, ``doc_info``), not when the
        stream ends, so that annotating a stream holds no table that grows with the corpus."""
        if self._table is None:
            self._table = pd.concat([_without_texts(_read_documents(*f)) for f in self.files],
                                    ignore_index=True)
        return self._table

    @staticmethod
    def write_batch(root, batch) -> tuple:
        """Store one batch's corpus; returns ``(path, sha256)``."""
        import hashlib

        from .._atomic import atomic_path
        docs = batch._docs
        key = hashlib.sha256((batch.fingerprint() + str(int(pd.util.hash_pandas_object(
            docs.drop(columns="text").astype(str), index=False).sum()))).encode()).hexdigest()[:32]
        folder = Path(root) / "documents"
        path = folder / f"{key}.parquet"
        if not path.is_file():
            folder.mkdir(parents=True, exist_ok=True)
            with atomic_path(path) as tmp:
                batch.to_parquet(tmp)
        return str(path), hashlib.sha256(path.read_bytes()).hexdigest()

    @staticmethod
    def summary(batch, root) -> dict:
        """What the store keeps of one batch while the stream goes on: its file (written now), its number
        of documents, problems and sources.  Not its documents table: that is read back from the files
        when it is first asked for (:attr:`table`), so that the small objects of every batch's table
        (ids, outlets, urls: about 190 bytes a document) are not held among the next batches' memory."""
        return {"file": DocumentStore.write_batch(root, batch) if len(batch) else None, "n": len(batch),
                "problems": batch._problems, "meta": batch.meta}

    @classmethod
    def from_summaries(cls, summaries) -> "DocumentStore":
        """The store of consecutive batches (see :meth:`summary`), as their corpora concatenated; its
        documents table is read from the batches' files when first asked for (:attr:`table`)."""
        meta = summaries[0]["meta"]
        for b in summaries[1:]:
            meta["sources"] = meta.get("sources", []) + b["meta"].get("sources", [])
        if len(summaries) > 1:
            meta.setdefault("steps", []).append(f"concat({len(summaries) - 1})")
        problems = pd.concat([b["problems"] for b in summaries], ignore_index=True)
        stored = [b for b in summaries if b["file"] is not None]
        if not stored:
            raise FramingError("annotate(): every corpus of the stream was empty; nothing to annotate.")
        pos_file = np.concatenate([np.full(b["n"], k) for k, b in enumerate(stored)])
        pos_row = np.concatenate([np.arange(b["n"]) for b in stored])
        return cls([b["file"] for b in stored], None, pos_file, pos_row, meta, problems)   # doc_ids checked unique

    @staticmethod
    def doc_ids(summaries) -> pd.Series:
        """The doc_ids of the batches summarised so far, read from their files."""
        ids = [_read_documents(*b["file"])["doc_id"] for b in summaries if b["file"] is not None]
        return pd.concat(ids, ignore_index=True) if ids else pd.Series([], dtype=object)

    def __len__(self) -> int:
        return len(self.pos_file)

    def take(self, positions) -> "DocumentStore":
        p = np.asarray(positions, dtype=np.int64)
        ids = set(self.table["doc_id"].iloc[p])
        probs = self.problems[self.problems["doc_id"].isna() | self.problems["doc_id"].isin(ids)]
        return DocumentStore(self.files, self.table.iloc[p], self.pos_file[p], self.pos_row[p], self.meta,
                             probs.reset_index(drop=True))

    def corpus(self, positions=None, step: str | None = None):
        """The :class:`~framing.Corpus` of the documents at ``positions`` (all by default), read from the files."""
        from ..corpus import Corpus
        p = np.arange(len(self)) if positions is None else np.asarray(positions, dtype=np.int64)
        files = self.pos_file[p]
        frames = []
        for k in dict.fromkeys(files.tolist()):
            rows = self.pos_row[p[files == k]]
            frames.append(self._load(k).iloc[rows])
        docs = pd.concat(frames, ignore_index=True) if frames else self._load(0).iloc[:0]
        ids = set(docs["doc_id"])
        probs = self.problems[self.problems["doc_id"].isna() | self.problems["doc_id"].isin(ids)]
        meta = dict(self.meta)
        if step:
            meta["steps"] = list(meta.get("steps", [])) + [step]
        return Corpus(docs, meta=meta, problems=probs)

    def _load(self, k: int) -> pd.DataFrame:
        if k in self._kept:
            self._kept.move_to_end(k)
            return self._kept[k]
        docs = _read_documents(*self.files[k])
        self._kept[k] = docs
        while len(self._kept) > 2:
            self._kept.popitem(last=False)
        return docs


def _without_texts(docs: pd.DataFrame) -> pd.DataFrame:
    return docs.drop(columns=[c for c in ON_DISK_COLUMNS if c in docs.columns])


def _read_documents(path, sha: str) -> pd.DataFrame:
    """The documents table of a stored batch (:meth:`DocumentStore.write_batch`), its sha256 checked."""
    import hashlib

    import pyarrow as pa

    from ..corpus import Corpus
    try:
        data = Path(path).read_bytes()
        ok = hashlib.sha256(data).hexdigest() == sha
    except OSError as err:
        data, ok = None, False
        why = f"cannot be read ({err.strerror or err})"
    else:
        why = "was changed since it was written"
    if not ok:
        raise CachePartError(
            f"The documents of this annotation are read from {path}, which {why}. Annotate the stream "
            "again (framing.annotate(<the same batches>, …)): the annotations are still cached and are "
            "not computed again; keep the cache folder while the annotation is in use.")
    return Corpus.read_parquet(pa.BufferReader(data))._docs


def locate(plans, hashes, langs, n_docs: int) -> CacheIndex:
    """The :class:`CacheIndex` of the corpus's documents, every part they are in verified on the way.

    Reads each part once (one at a time) through
    :meth:`~framing.annotate.cache.AnnotationCache.iter_parts`, which
    quarantines a part that fails verification and records it in the store's
    ``problems``: the pipeline then annotates its documents again.
    """
    part_of = np.full(n_docs, -1, dtype=np.int32)
    doc_in = np.zeros(n_docs, dtype=np.int32)
    n_tok = np.zeros(n_docs, dtype=np.int32)
    n_ent = np.zeros(n_docs, dtype=np.int32)
    stores, parts = [], []
    for lg, store, _eff, _items in plans:
        idx = store.index()
        where: dict[str, list[int]] = {}
        for i in range(n_docs):
            if langs[i] == lg and hashes[i] in idx:
                where.setdefault(hashes[i], []).append(i)
        if not where:
            continue
        stores.append(store)
        for name, ph, tok, ent in store.iter_parts(where.keys(), names=True):
            k = len(parts)
            parts.append((len(stores) - 1, name, len(ph)))
            toks = np.bincount(tok["doc"].to_numpy(), minlength=len(ph))
            ents = np.bincount(ent["doc"].to_numpy(), minlength=len(ph))
            for j, h in enumerate(ph):
                pos = where.get(h)
                if pos:
                    part_of[pos], doc_in[pos], n_tok[pos], n_ent[pos] = k, j, toks[j], ents[j]
    return CacheIndex(stores, parts, part_of, doc_in, n_tok, n_ent)


class CachedAnnotated(Annotated):
    """An :class:`~framing.Annotated` whose token and entity tables stay in the annotation cache.

    Made by :func:`framing.annotate` with ``lazy=True`` (by default from
    :data:`LAZY_DOCS` documents on, and when annotating a stream of corpora).
    It holds the documents table, the capabilities, meta and problems, and an
    index of the cache parts; tables are read (and verified) part by part when
    they are needed.  Everything an :class:`~framing.Annotated` offers works
    and gives equal tables; memory is that of one batch, except for
    :attr:`tokens` and :attr:`entities`, which read the whole table.

    Examples
    --------
    >>> import framing
    >>> ann = framing.annotate(framing.load_demo(), layers=("lemma",), lazy=True, cache="cache-lazy",
    ...                        progress=False)
    >>> ann
    <CachedAnnotated: 79 documents, 20689 tokens, 0 entity mentions, read from the cache>
    >>> [len(p) for p in ann.partitions(40)]
    [40, 39]
    >>> sum(len(b) for b in ann.token_batches(5000)) == ann.n_tokens
    True
    >>> eager = framing.annotate(framing.load_demo(), layers=("lemma",), cache="cache-lazy", progress=False)
    >>> ann.tokens.equals(eager.tokens)
    True
    """

    def __new__(cls, corpus=None, index=None, *args, **kwargs):
        if isinstance(index, pd.DataFrame):
            # called with tables, as code written for Annotated does (``type(ann)(corpus, tokens, ...)``):
            # those tables are in memory, so the result is an in-memory Annotated
            return Annotated(corpus, index, *args, **kwargs)
        return super().__new__(cls)

    def __init__(self, corpus, index: CacheIndex, *, capabilities=None, meta=None, problems=None,
                 documents: DocumentStore | None = None):
        super().__init__(corpus, empty_tokens(), empty_entities(), capabilities=capabilities, meta=meta,
                         problems=problems)
        self._documents = documents
        n = len(documents) if documents is not None else len(corpus)
        if len(index) != n:
            raise FramingError(f"CachedAnnotated: the cache index has {len(index)} documents, the corpus {n}.")
        self._index = index
        self._kept: OrderedDict = OrderedDict()

    # --- the documents: in memory, or (a stream) in Parquet files read per batch ----------------
    @property
    def corpus(self):
        """The annotated :class:`~framing.Corpus` (for a stream: read from the stored batches, whole)."""
        return self._corpus if self._documents is None else self._documents.corpus()

    @property
    def docs(self) -> pd.DataFrame:
        """The documents table (a copy; for a stream, read from the stored batches)."""
        return self.corpus.docs

    def doc_info(self, columns=("outlet", "published", "lang")) -> pd.DataFrame:
        if self._documents is None:
            return super().doc_info(columns)
        if any(c not in self._documents.table.columns for c in columns):
            # the texts (ON_DISK_COLUMNS) are on disk: read them all (a column no table has raises there)
            return self.corpus.docs[["doc_id", *columns]]
        return self._documents.table[["doc_id", *columns]].copy()

    def _doc_table(self) -> pd.DataFrame:
        return self._corpus._docs if self._documents is None else self._documents.table

    def _subcorpus(self, keep: np.ndarray):
        if self._documents is None:
            return self._corpus.filter(keep)
        return self._documents.corpus(np.flatnonzero(keep), step="filter")

    def __len__(self) -> int:
        return len(self._index)

    # the tables are read from the cache; the base class's methods see them through these
    @property
    def _tokens(self) -> pd.DataFrame:
        return self._read(np.arange(len(self._index)), entities=False)[0]

    @_tokens.setter
    def _tokens(self, value):       # the base constructor's empty table: nothing is kept
        pass

    @property
    def _entities(self) -> pd.DataFrame:
        return self._read(np.arange(len(self._index)), tokens=False)[1]

    @_entities.setter
    def _entities(self, value):
        pass

    @property
    def tokens(self) -> pd.DataFrame:
        """The whole token table, read from the cache (use :meth:`token_batches` or :meth:`partitions`
        to read it in batches)."""
        return self._tokens

    @property
    def entities(self) -> pd.DataFrame:
        """The whole entity table, read from the cache."""
        return self._entities

    @property
    def n_tokens(self) -> int:
        return int(self._index.n_tok.sum(dtype=np.int64))

    @property
    def n_entities(self) -> int:
        """The number of entity mentions, without reading them."""
        return int(self._index.n_ent.sum(dtype=np.int64))

    def __repr__(self) -> str:
        return (f"<CachedAnnotated: {len(self)} documents, {self.n_tokens} tokens, "
                f"{self.n_entities} entity mentions, read from the cache>")

    def _repr_html_(self) -> str:
        head = next(self._partitions(20), None)
        caps = self._capabilities
        from .._display import frames_html
        return (f"<p><b>CachedAnnotated</b>: {len(self)} documents, {self.n_tokens:,} tokens, "
                f"{self.n_entities:,} entity mentions, read from the annotation cache in batches "
                "(the tables below: the first 20 documents).</p>"
                + frames_html({"tokens": head._tokens if head is not None else empty_tokens(),
                               "entities": head._entities if head is not None else empty_entities(),
                               "capabilities": caps}))

    # --- reading in batches ---------------------------------------------------------------
    def token_batches(self, size: int = 50_000):
        """The token table in consecutive slices of about ``size`` rows, documents kept whole, each read
        from the cache when it is reached (see :meth:`framing.Annotated.token_batches`)."""
        cum = np.cumsum(self._index.n_tok, dtype=np.int64)
        n, start, done = len(cum), 0, 0
        while start < n:
            stop = int(np.searchsorted(cum, done + max(int(size), 1), side="left")) + 1
            stop = min(max(stop, start + 1), n)
            if cum[stop - 1] > done:
                yield self._read(np.arange(start, stop), entities=False)[0]
            done = int(cum[stop - 1])
            start = stop

    def _partitions(self, n_docs: int):
        n = len(self)
        for lo in range(0, n, n_docs):
            hi = min(n, lo + n_docs)
            keep = np.zeros(n, dtype=bool)
            keep[lo:hi] = True
            corpus, _ids, rest = self._restricted_context(keep, None)
            tok, ent = self._read(np.arange(lo, hi))
            yield Annotated(corpus, tok, ent, **rest)

    def sentences(self) -> pd.DataFrame:
        """One row per sentence (see :meth:`framing.Annotated.sentences`), assembled partition by partition."""
        parts = [p.sentences() for p in self._partitions(20_000)]
        parts = [p for p in parts if len(p)]
        if parts:
            return pd.concat(parts, ignore_index=True)
        return pd.DataFrame(columns=["doc_id", "sent_id", "start", "end", "text"])

    def select(self, *, outlets=None, events=None, start=None, end=None, docs=None) -> "CachedAnnotated":
        """The annotation of a subset of the documents, still read from the cache (see
        :meth:`framing.Annotated.select`)."""
        return super().select(outlets=outlets, events=events, start=start, end=end, docs=docs)

    def _restrict(self, keep: np.ndarray, desc: dict) -> "CachedAnnotated":
        _corpus, _ids, rest = self._restricted_context(keep, desc, with_corpus=False)
        pos = np.flatnonzero(keep)
        if self._documents is None:
            return CachedAnnotated(self._corpus.filter(keep), self._index.take(pos), **rest)
        return CachedAnnotated(None, self._index.take(pos), documents=self._documents.take(pos), **rest)

    # --- reading parts ----------------------------------------------------------------------
    def _read(self, positions: np.ndarray, *, tokens: bool = True, entities: bool = True):
        """The token and entity DataFrames of the documents at ``positions`` (increasing)."""
        ix = self._index
        owners = ix.part_of[positions]
        tok_tables, ent_tables = [], []
        for k in dict.fromkeys(owners[owners >= 0].tolist()):
            mine = positions[owners == k]
            tok, ent = self._load(k, entities=entities, docs=mine)
            where: list[list[int]] = [[] for _ in range(ix.parts[k][2])]
            for j, p in zip(ix.doc_in[mine].tolist(), mine.tolist()):
                where[j].append(p)
            for t, acc, want in ((tok, tok_tables, tokens), (ent, ent_tables, entities)):
                if want and t is not None and t.num_rows:
                    acc.extend(_place(t, where))
        doc_arr = self._doc_table()["doc_id"].to_numpy(dtype=object)
        tok_df = (_to_frame(tok_tables, ["_order", "sent_id", "tok_id"], doc_arr) if tok_tables
                  else empty_tokens())
        ent_df = (_to_frame(ent_tables, ["_order", "sent_id", "start_tok"], doc_arr) if ent_tables
                  else empty_entities())
        # the column types an in-memory Annotated gives its tables
        return _set_dtypes(tok_df, _TOKEN_DTYPES), _set_dtypes(ent_df, _ENTITY_DTYPES)

    def _load(self, k: int, *, entities: bool, docs):
        """The verified tables of part number ``k`` (kept for the next few reads)."""
        for key in ((k, True), (k, entities)):      # a part read with its entities serves both
            if key in self._kept:
                self._kept.move_to_end(key)
                return self._kept[key]
        key = (k, entities)
        si, name, _n = self._index.parts[k]
        store = self._index.stores[si]
        try:
            tables = store.load_part(name, entities=entities)
        except (CacheDamage, KeyError) as why:
            if isinstance(why, CacheDamage):
                store.quarantine(name, str(why))
                what = f"it failed verification ({why}) and was moved to {store.dir / 'quarantine'}"
            else:
                what = "it was quarantined or removed since"
            ids = self._doc_table()["doc_id"].to_numpy(dtype=object)[docs[:3]].tolist()
            raise CachePartError(
                f"The annotation of documents {ids}{' …' if len(docs) > 3 else ''} is to be read from the "
                f"cache part {name} in {store.dir}, but {what}. Annotate the corpus again with the same "
                "settings (framing.annotate(ann.corpus, …)): only the documents of that part are annotated "
                "again; keep the cache folder while the annotation is in use (or pass lazy=False to hold "
                "the tables in memory).") from None
        self._kept[key] = tables
        while len(self._kept) > _KEPT_PARTS:
            self._kept.popitem(last=False)
        return tables


# --- assembling tables in corpus order (also the in-memory pipeline's) ------------------------

def _place(t, positions):
    """Tables of ``t``'s rows with an ``_order`` column (corpus position), one per copy level."""
    import numpy as np
    import pyarrow as pa
    doc = t["doc"].to_numpy()
    counts = np.array([len(p) for p in positions], dtype=np.int64)
    out = []
    for level in range(int(counts.max()) if len(counts) else 0):
        pos = np.array([p[level] if len(p) > level else -1 for p in positions], dtype=np.int64)
        order = pos[doc]
        mask = order >= 0
        sub = t if mask.all() else t.filter(pa.array(mask))
        out.append(sub.drop_columns(["doc"]).append_column("_order", pa.array(order[mask])))
    return out


def _to_frame(tables, sort_keys, doc_arr):
    """One DataFrame from the placed tables, sorted by corpus position, sentence, token.

    Parts usually arrive in corpus order already: then nothing is copied before
    the conversion to pandas (whose string columns share Arrow's buffers).
    """
    import numpy as np
    import pyarrow as pa
    t = pa.concat_tables(tables)
    del tables[:]
    order = t["_order"].to_numpy()
    ordered = bool(np.all(order[1:] >= order[:-1])) if len(order) > 1 else True
    if ordered:
        # rows of one document are contiguous; within it they were written in order
        keys = [t[k].to_numpy() for k in sort_keys[1:]]
        ok = True
        same = order[1:] == order[:-1]
        if len(keys) == 2 and same.any():
            a, b = keys
            step = (a[1:] > a[:-1]) | ((a[1:] == a[:-1]) & (b[1:] > b[:-1]))
            ok = bool(np.all(step[same]))
        ordered = ok
    if not ordered:
        idx = np.lexsort([t[k].to_numpy() for k in reversed(sort_keys)])
        t = t.take(pa.array(idx))
        order = order[idx]
    t = t.drop_columns(["_order"])
    df = t.to_pandas(split_blocks=True, self_destruct=True)
    del t
    df.insert(0, "doc_id", doc_arr[order])
    return df


def combine(results, index: CacheIndex, corpus=None, documents=None):
    """One :class:`CachedAnnotated` of consecutive batches of documents (each a :class:`CachedAnnotated`)
    whose cache indexes, concatenated, are ``index``.

    The documents are ``corpus`` (the batches' corpus) or ``documents`` (a
    :class:`DocumentStore` of a stream); capabilities
    are those of every language met, in the order first met; ``meta`` counts
    the documents of every batch; problems are listed batch by batch.
    """
    results = list(results)
    caps = pd.concat([r._capabilities for r in results], ignore_index=True)
    caps = caps.drop_duplicates(["lang", "layer"], keep="first").reset_index(drop=True)
    meta = dict(results[0]._meta)
    meta["backends"] = {}
    for k in ("documents_annotated", "documents_cached"):
        meta[k] = sum(int(r._meta.get(k, 0)) for r in results)
    for r in results:
        for lg, b in (r._meta.get("backends") or {}).items():
            meta["backends"].setdefault(lg, b)
    probs = [r._problems for r in results if r._problems is not None and len(r._problems)]
    problems = pd.concat(probs, ignore_index=True) if probs else None
    return CachedAnnotated(corpus, index, capabilities=caps,
                           meta=meta, problems=problems if problems is not None else results[0]._problems,
                           documents=documents)


__all__ = ["CachedAnnotated", "CachePartError", "LAZY_DOCS"]
