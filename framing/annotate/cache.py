"""The annotation cache: Parquet parts keyed by document content and pipeline version.

Layout (under :func:`cache_root`)::

    annotate/<key>/                   one folder per (pipeline version, language,
                                      backend + model versions, layers)
        KEY.json                      what the key stands for
        tokens-<part>.parquet         token rows of one batch (column ``doc``: the
        entities-<part>.parquet       position of the text in the part's hash list,
                                      instead of doc_id), entity rows
        index-<part>.json             the text hashes in the part (written last)

A batch becomes visible only when its ``index-*.json`` exists, and every file
is written atomically (temporary file + rename), so an interrupted run leaves
the cache consistent and the next run resumes with the documents not yet done.
Documents are keyed by the sha256 of their (cleaned) text, so the same text in
two corpora is annotated once; changing the pipeline, a backend, a model file
or the layers changes ``<key>`` and the cache is rebuilt.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import uuid
from pathlib import Path

from .._atomic import atomic_path

#: Bump when the layout of cache files changes.
CACHE_FORMAT = "2"

TOKEN_SCHEMA = [("doc", "int32"), ("sent_id", "int32"), ("tok_id", "int32"), ("start", "int64"),
                ("end", "int64"), ("text", "string"), ("lemma", "string"), ("upos", "string"),
                ("feats", "string"), ("head", "int32"), ("deprel", "string")]
ENTITY_SCHEMA = [("doc", "int32"), ("sent_id", "int32"), ("start_tok", "int32"),
                 ("end_tok", "int32"), ("start", "int64"), ("end", "int64"), ("text", "string"),
                 ("type", "string"), ("normal", "string")]


def cache_root(cache=True) -> Path:
    """The cache folder: a path given as ``cache=``, else ``$FRAMING_CACHE_DIR``, else ``~/.cache/framing``."""
    if isinstance(cache, (str, os.PathLike)):
        return Path(cache).expanduser()
    env = os.environ.get("FRAMING_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "framing"


def text_hash(text: str) -> str:
    """The content key of a document text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def cache_key(*, pipeline_version: str, lang: str, backend_version: str, layers) -> tuple[str, dict]:
    """The folder name for one configuration and the description stored beside it."""
    desc = {"cache_format": CACHE_FORMAT, "pipeline_version": pipeline_version, "lang": lang,
            "backend_version": backend_version, "layers": sorted(layers)}
    h = hashlib.sha256(json.dumps(desc, sort_keys=True).encode()).hexdigest()[:20]
    return f"{lang}-{h}", desc


def _schema(fields):
    import pyarrow as pa
    return pa.schema([(n, getattr(pa, t)()) for n, t in fields])


class AnnotationCache:
    """Parquet parts of annotated documents for one configuration (one cache key).

    Parameters
    ----------
    root : path
        The cache root (see :func:`cache_root`).
    key : str
        The configuration folder name (see :func:`cache_key`).
    desc : dict, optional
        Written to ``KEY.json`` on first use.
    """

    def __init__(self, root, key: str, desc: dict | None = None):
        self.dir = Path(root) / "annotate" / key
        self.key = key
        self.desc = desc or {}
        self._index: dict[str, str] | None = None

    # --- index ----------------------------------------------------------------
    def index(self) -> dict[str, str]:
        """text_hash -> part name, for every finished part."""
        if self._index is None:
            idx: dict[str, str] = {}
            if self.dir.is_dir():
                for f in sorted(self.dir.glob("index-*.json")):
                    try:
                        data = json.loads(f.read_text(encoding="utf-8"))
                    except (OSError, ValueError):
                        continue  # a damaged index: its documents are recomputed
                    part = data.get("part")
                    if not part or not (self.dir / f"tokens-{part}.parquet").exists():
                        continue
                    for h in data.get("hashes", []):
                        idx[h] = part
            self._index = idx
        return self._index

    def missing(self, hashes) -> list[str]:
        """The hashes (in order, unique) not yet in the cache."""
        return _missing(self.index(), hashes)

    # --- writing --------------------------------------------------------------
    def write_part(self, hashes: list[str], tokens: dict, entities: dict) -> str:
        """Write one batch's tables; returns the part name.

        ``tokens``/``entities`` are dicts of columns; their ``doc`` column holds
        the position of each row's text in ``hashes``.
        """
        import pyarrow.parquet as pq

        self.dir.mkdir(parents=True, exist_ok=True)
        key_file = self.dir / "KEY.json"
        if not key_file.exists() and self.desc:
            with atomic_path(key_file) as tmp:
                tmp.write_text(json.dumps(self.desc, indent=1), encoding="utf-8")
        part = uuid.uuid4().hex[:16]
        tok, ent = part_tables(tokens, entities)
        # dictionary encoding only for the few-valued columns; no column statistics
        # (parts are read whole): a third less time to write, about the same size
        with atomic_path(self.dir / f"tokens-{part}.parquet") as tmp:
            pq.write_table(tok, tmp, compression="lz4", write_statistics=False,
                           use_dictionary=["lemma", "upos", "feats", "deprel"])
        with atomic_path(self.dir / f"entities-{part}.parquet") as tmp:
            pq.write_table(ent, tmp, compression="lz4", write_statistics=False, use_dictionary=["type"])
        with atomic_path(self.dir / f"index-{part}.json") as tmp:
            tmp.write_text(json.dumps({"part": part, "hashes": list(hashes)}), encoding="utf-8")
        if self._index is not None:
            for h in hashes:
                self._index[h] = part
        return part

    # --- reading --------------------------------------------------------------
    def part_hashes(self, part: str) -> list[str]:
        """The text hashes of a part, in the order of its ``doc`` column."""
        data = json.loads((self.dir / f"index-{part}.json").read_text(encoding="utf-8"))
        return list(data.get("hashes", []))

    def iter_parts(self, hashes, *, entities: bool = True):
        """Yield ``(part_hashes, tokens, entities)`` pyarrow tables of the parts holding ``hashes``.

        Parts come in the order in which ``hashes`` first mention them; rows of
        texts not asked for are filtered out; ``doc`` indexes ``part_hashes``.
        """
        import pyarrow as pa
        import pyarrow.compute as pc
        import pyarrow.parquet as pq

        idx = self.index()
        by_part: dict[str, set] = {}
        for h in hashes:
            by_part.setdefault(idx[h], set()).add(h)
        for part, hs in by_part.items():
            ph = self.part_hashes(part)
            keep = None
            if len(hs) < len(ph):
                keep = pa.array([j for j, h in enumerate(ph) if h in hs], pa.int32())
            tables = []
            for kind in ("tokens", "entities") if entities else ("tokens",):
                t = pq.ParquetFile(self.dir / f"{kind}-{part}.parquet").read(use_threads=False)
                if keep is not None:
                    t = t.filter(pc.is_in(t["doc"], value_set=keep))
                tables.append(t)
            yield ph, tables[0], (tables[1] if entities else None)

    def read(self, hashes) -> tuple:
        """pyarrow tables (tokens, entities) of the given hashes, with a ``text_hash`` column."""
        import pyarrow as pa
        toks, ents = [], []
        for ph, t, e in self.iter_parts(hashes):
            arr = pa.array(ph, pa.string())
            toks.append(t.append_column("text_hash", arr.take(t["doc"])).drop_columns(["doc"]))
            ents.append(e.append_column("text_hash", arr.take(e["doc"])).drop_columns(["doc"]))
        schema_t = _schema([("text_hash", "string")] + TOKEN_SCHEMA[1:])
        schema_e = _schema([("text_hash", "string")] + ENTITY_SCHEMA[1:])
        tok = pa.concat_tables(toks).select(schema_t.names) if toks else schema_t.empty_table()
        ent = pa.concat_tables(ents).select(schema_e.names) if ents else schema_e.empty_table()
        return tok, ent

    def clear(self) -> None:
        """Delete this configuration's folder."""
        shutil.rmtree(self.dir, ignore_errors=True)
        self._index = None


def _missing(index, hashes) -> list[str]:
    """The hashes (in order, unique) not in ``index``."""
    seen, out = set(), []
    for h in hashes:
        if h not in index and h not in seen:
            seen.add(h)
            out.append(h)
    return out


def part_tables(tokens: dict, entities: dict):
    """pyarrow tables (tokens, entities) of one batch's columns, in the cache's schema."""
    import pyarrow as pa
    tok = pa.Table.from_pydict({n: tokens[n] for n, _ in TOKEN_SCHEMA}, schema=_schema(TOKEN_SCHEMA))
    ent = pa.Table.from_pydict({n: entities[n] for n, _ in ENTITY_SCHEMA}, schema=_schema(ENTITY_SCHEMA))
    return tok, ent


class MemoryStore:
    """Batches kept in memory as pyarrow tables: the store of ``annotate(cache=False)``.

    The same reading interface as :class:`AnnotationCache` (``index``,
    ``missing``, ``iter_parts``), without files: nothing is written to disk and
    nothing outlives the call.  Arrow tables hold the tokens compactly; no
    per-token Python objects are kept.
    """

    def __init__(self, key: str, desc: dict | None = None):
        self.key = key
        self.desc = desc or {}
        self._index: dict[str, int] = {}
        self._parts: list[tuple[list[str], object, object]] = []

    def index(self) -> dict[str, int]:
        return self._index

    def missing(self, hashes) -> list[str]:
        return _missing(self._index, hashes)

    def add_part(self, hashes: list[str], tok, ent) -> int:
        """Keep one batch's tables (``doc`` indexes ``hashes``); returns the part number."""
        k = len(self._parts)
        self._parts.append((list(hashes), tok, ent))
        for h in hashes:
            self._index[h] = k
        return k

    def write_part(self, hashes: list[str], tokens: dict, entities: dict) -> int:
        return self.add_part(hashes, *part_tables(tokens, entities))

    def iter_parts(self, hashes, *, entities: bool = True):
        import pyarrow as pa
        import pyarrow.compute as pc
        by_part: dict[int, set] = {}
        for h in hashes:
            by_part.setdefault(self._index[h], set()).add(h)
        for k, hs in by_part.items():
            ph, tok, ent = self._parts[k]
            if len(hs) < len(ph):
                keep = pa.array([j for j, h in enumerate(ph) if h in hs], pa.int32())
                tok = tok.filter(pc.is_in(tok["doc"], value_set=keep))
                ent = ent.filter(pc.is_in(ent["doc"], value_set=keep))
            yield ph, tok, (ent if entities else None)


def clear_cache(cache=True) -> None:
    """Delete every cached annotation under the cache root."""
    shutil.rmtree(cache_root(cache) / "annotate", ignore_errors=True)
