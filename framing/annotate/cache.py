"""The annotation cache: Parquet parts keyed by document content and pipeline version.

Layout (under :func:`cache_root`)::

    annotate/<key>/                   one folder per (pipeline version, language,
                                      backend + model versions, layers)
        KEY.json                      what the key stands for
        tokens-<part>.parquet         token rows of one batch (column ``doc``: the
        entities-<part>.parquet       position of the text in the part's hash list,
                                      instead of doc_id), entity rows
        index-<part>.json             the text hashes in the part, the size and
                                      sha256 of both Parquet files and a sha256
                                      of the index itself (written last)
        .lock, claims/                who is annotating which documents now
        quarantine/<part>-<time>/     parts that failed verification, kept for
                                      inspection (never read again)

A batch becomes visible only when its ``index-*.json`` exists, and every file
is written atomically (temporary file + rename), so an interrupted run leaves
the cache consistent and the next run resumes with the documents not yet done.
Documents are keyed by the sha256 of their (cleaned) text, so the same text in
two corpora is annotated once; changing the pipeline, a backend, a model file
or the layers changes ``<key>`` and the cache is rebuilt.

Every part is verified before it is used: the index must parse and match its
own checksum, both Parquet files must have the size and sha256 the index
records, and the text hashes stored inside the tokens file must be the
index's.  A part that fails (truncated, emptied, rewritten, a bit flipped, a
companion file deleted, index entries swapped) is moved to ``quarantine/``,
recorded in :attr:`AnnotationCache.problems`, and its documents count as not
cached, so they are annotated again.

Two processes annotating into one cache coordinate through a file lock
(:mod:`filelock`): under the folder's ``.lock`` each process *claims* the
documents it is about to annotate (``claims/<id>.json``, kept alive by a lock
on ``claims/<id>.lock`` that the system releases when the process dies);
documents another live process has claimed are waited for and read from its
parts instead of being annotated twice.

Longer than 600 lines because writing, reading, locking, pruning and repairing the parts
all depend on the one on-disk layout above; kept together so that its invariants live in
one file.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import time
import uuid
from collections.abc import Mapping
from pathlib import Path

from .._atomic import atomic_path
from .._errors import FramingError

#: Bump when the layout of cache files changes (3: checksums, hashes inside the parts, claims).
CACHE_FORMAT = "3"

TOKEN_SCHEMA = [("doc", "int32"), ("sent_id", "int32"), ("tok_id", "int32"), ("start", "int64"),
                ("end", "int64"), ("text", "string"), ("lemma", "string"), ("upos", "string"),
                ("feats", "string"), ("head", "int32"), ("deprel", "string")]
ENTITY_SCHEMA = [("doc", "int32"), ("sent_id", "int32"), ("start_tok", "int32"),
                 ("end_tok", "int32"), ("start", "int64"), ("end", "int64"), ("text", "string"),
                 ("type", "string"), ("normal", "string")]

#: The Parquet files of one part, in the order they are written.
KINDS = ("tokens", "entities")
_HASHES_META = b"framing.text_hashes"


class CacheError(FramingError, OSError):
    """The annotation cache could not be written (a full disk, no permission)."""


class CacheDamage(Exception):
    """A cache part failed verification (internal: the part is quarantined and recomputed)."""


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


#: Hex digits of a text hash (the first 128 bits of its sha256).
HASH_HEX = 32


def text_hash(text: str) -> str:
    """The content key of a document text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:HASH_HEX]


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

    Attributes
    ----------
    problems : list of dict
        One row per part that failed verification (``source``, ``location``,
        ``reason``, ``action``), in the columns of ``Annotated.problems``.
    """

    def __init__(self, root, key: str, desc: dict | None = None):
        self.dir = Path(root) / "annotate" / key
        self.key = key
        self.desc = desc or {}
        self._index: HashIndex | None = None
        self._built: HashIndex | None = None      # the last index built (extended by the next one)
        self._entries: dict[str, dict] = {}       # part -> its index entry, hashes compacted (_compact)
        self.problems: list[dict] = []
        self._claim = None

    # --- index ----------------------------------------------------------------
    def index(self) -> "HashIndex":
        """text_hash -> part name (a read-only mapping), for every finished part whose index and files
        check out.

        A part whose index is damaged or whose files are missing or have the
        wrong size is quarantined here; the checksums of the files are
        verified when a part is read (:meth:`iter_parts`).
        """
        if self._index is None:
            # a part's index file never changes once written (parts are new files under new names):
            # the entries read before are kept, and only the index files new since are read
            known, self._entries = self._entries, {}
            if self.dir.is_dir():
                for f in sorted(self.dir.glob("index-*.json")):
                    part = f.name[len("index-"):-len(".json")]
                    try:
                        entry = known.get(part) or _compact(_read_index(f, part))
                        for kind in KINDS:
                            _check_size(self.dir / f"{kind}-{part}.parquet", entry["files"][kind]["size"])
                    except CacheDamage as why:
                        self.quarantine(part, str(why))
                        continue
                    self._entries[part] = entry
            # the index before (parts are only added between two reads, except by a quarantine) is extended
            self._index = self._built = HashIndex(self._entries, base=self._built)
        return self._index

    def refresh(self) -> "HashIndex":
        """Read the index again (other processes or workers wrote parts)."""
        self._index = None
        return self.index()

    def missing(self, hashes) -> list[str]:
        """The hashes (in order, unique) not yet in the cache."""
        return _missing(self.index(), hashes)

    # --- writing --------------------------------------------------------------
    def write_part(self, hashes: list[str], tokens: dict, entities: dict) -> str:
        """Write one batch's tables; returns the part name.

        ``tokens``/``entities`` are dicts of columns; their ``doc`` column holds
        the position of each row's text in ``hashes``.  The index, written
        last, records each file's size and sha256.  A full disk raises
        :class:`CacheError` and leaves no part of the batch behind.
        """
        import pyarrow.parquet as pq

        try:
            compact = _hash_array(hashes)
        except CacheDamage as why:
            raise ValueError(f"AnnotationCache.write_part: {why}; pass the text_hash() of each text") from None
        part = uuid.uuid4().hex[:16]
        tok, ent = part_tables(tokens, entities)
        meta = {_HASHES_META: json.dumps(list(hashes)).encode()}
        tok = tok.replace_schema_metadata(meta)
        ent = ent.replace_schema_metadata(meta)
        files = {}
        written = []
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
            key_file = self.dir / "KEY.json"
            if not key_file.exists() and self.desc:
                with atomic_path(key_file) as tmp:
                    tmp.write_text(json.dumps(self.desc, indent=1), encoding="utf-8")
            # dictionary encoding only for the few-valued columns; no column statistics
            # (parts are read whole): a third less time to write, about the same size
            for kind, table, dict_cols in (("tokens", tok, ["lemma", "upos", "feats", "deprel"]),
                                           ("entities", ent, ["type"])):
                path = self.dir / f"{kind}-{part}.parquet"
                with atomic_path(path) as tmp:
                    pq.write_table(table, tmp, compression="lz4", write_statistics=False,
                                   use_dictionary=dict_cols)
                    files[kind] = _file_digest(tmp)
                written.append(path)
            body = {"format": CACHE_FORMAT, "part": part, "hashes": list(hashes), "files": files}
            with atomic_path(self.dir / f"index-{part}.json") as tmp:
                tmp.write_text(json.dumps(dict(body, check=_body_check(body))), encoding="utf-8")
        except OSError as err:
            for path in written:   # no part without its index: remove what this batch wrote
                _unlink(path)
            self._raise_write_error(err)
        if self._index is not None:
            self._entries[part] = dict(body, hashes=compact)
            self._index = None          # rebuilt from the entries when next asked for
        return part

    def _raise_write_error(self, err: OSError):
        """Raise a :class:`CacheError` saying what to do for a full disk or missing permission, else ``err``."""
        if err.errno not in (errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM):
            raise err
        raise CacheError(
            f"annotate(): cannot write the annotation cache {str(self.dir)!r}: {err.strerror or err}. "
            "Nothing half-written was kept and the documents finished before stay cached: free some "
            "space (or fix the permissions), or pass cache='another/folder' (or set FRAMING_CACHE_DIR), "
            "or cache=False, and run again.") from err

    # --- reading --------------------------------------------------------------
    def part_hashes(self, part: str) -> list[str]:
        """The text hashes of a part, in the order of its ``doc`` column."""
        self.index()
        if part not in self._entries:
            raise KeyError(f"no verified part {part!r} in {self.dir}")
        return _entry_hashes(self._entries[part])

    def load_part(self, part: str, *, entities: bool = True):
        """The verified ``(tokens, entities)`` pyarrow tables of one part.

        Raises :class:`CacheDamage` when a file is missing, its size or sha256
        differs from the index, it is not a readable Parquet file of the
        cache's schema, or the text hashes inside it are not the index's.
        """
        import pyarrow as pa
        import pyarrow.parquet as pq

        entry = self._entries[part]
        hashes = _entry_hashes(entry)
        n_docs = len(hashes)
        out = []
        for kind, schema in zip(KINDS if entities else KINDS[:1], (TOKEN_SCHEMA, ENTITY_SCHEMA)):
            path = self.dir / f"{kind}-{part}.parquet"
            try:
                data = path.read_bytes()
            except OSError as err:
                raise CacheDamage(f"{path.name} cannot be read ({err.strerror or err})") from None
            want = entry["files"][kind]
            if len(data) != want["size"]:
                raise CacheDamage(f"{path.name} has {len(data)} bytes, its index says {want['size']}")
            if hashlib.sha256(data).hexdigest() != want["sha256"]:
                raise CacheDamage(f"{path.name} does not match the sha256 in its index (changed on disk)")
            try:
                t = pq.ParquetFile(pa.BufferReader(data)).read(use_threads=False)
            except (pa.ArrowException, OSError, ValueError) as err:
                raise CacheDamage(f"{path.name} is not a readable Parquet file ({err})") from None
            stored = (t.schema.metadata or {}).get(_HASHES_META)
            if stored is None or json.loads(stored) != hashes:
                raise CacheDamage(f"{path.name} holds other documents than its index lists")
            if [(f.name, str(f.type)) for f in t.schema] != list(schema):
                raise CacheDamage(f"{path.name} does not have the cache's columns")
            if t.num_rows:
                import pyarrow.compute as pc
                lo, hi = pc.min_max(t["doc"]).values()
                if lo.as_py() < 0 or hi.as_py() >= n_docs:
                    raise CacheDamage(f"{path.name} has rows of documents its index does not list")
            out.append(t.replace_schema_metadata(None))
        return out[0], (out[1] if entities else None)

    def iter_parts(self, hashes, *, entities: bool = True, names: bool = False):
        """Yield ``(part_hashes, tokens, entities)`` pyarrow tables of the parts holding ``hashes``
        (``(part, part_hashes, tokens, entities)`` with ``names=True``).

        Parts come in the order in which ``hashes`` first mention them; rows of
        texts not asked for are filtered out; ``doc`` indexes ``part_hashes``.
        A part that fails verification is quarantined, recorded in
        :attr:`problems` and skipped: its hashes are no longer in the index.
        """
        import pyarrow as pa
        import pyarrow.compute as pc

        idx = self.index()
        by_part: dict[str, set] = {}
        for h in hashes:
            by_part.setdefault(idx[h], set()).add(h)
        for part, hs in by_part.items():
            try:
                tables = self.load_part(part, entities=entities)
            except CacheDamage as why:
                self.quarantine(part, str(why))
                continue
            ph = _entry_hashes(self._entries[part])
            if len(hs) < len(ph):
                keep = pa.array([j for j, h in enumerate(ph) if h in hs], pa.int32())
                tables = tuple(None if t is None else t.filter(pc.is_in(t["doc"], value_set=keep))
                               for t in tables)
            yield ((part,) if names else ()) + (ph, tables[0], tables[1])

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

    # --- verification -----------------------------------------------------------
    def verify(self) -> dict:
        """Verify every part fully (checksums, hashes inside); quarantine those that fail.

        Returns
        -------
        dict
            ``checked`` (parts), ``failed`` (parts quarantined now, including
            damaged indexes), ``unindexed`` (Parquet and temporary files with no
            index: an interrupted write, or one in progress).
        """
        before = len(self.problems)
        n_index = len(list(self.dir.glob("index-*.json")))
        self._entries = {}          # every index file read again, not only those new since the last read
        self.refresh()              # quarantines damaged indexes and parts with missing files
        for part in list(self._entries):
            try:
                self.load_part(part)
            except CacheDamage as why:
                self.quarantine(part, str(why))
        indexed = {f"{k}-{p}.parquet" for p in self._entries for k in KINDS}
        unindexed = [f.name for f in self.dir.glob("*") if f.is_file()
                     and ((f.suffix == ".parquet" and f.name not in indexed) or f.name.endswith(".tmp"))]
        self._index = None
        return {"checked": n_index, "failed": len(self.problems) - before, "unindexed": len(unindexed)}

    def quarantine(self, part: str, reason: str) -> Path:
        """Move a part's files to ``quarantine/`` (index first), record why; returns the folder."""
        dest = self.dir / "quarantine" / f"{part}-{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}"
        entry = self._entries.pop(part, None)
        hashes = None if entry is None else entry["hashes"]
        action = "quarantined; its documents are annotated again"
        try:
            dest.mkdir(parents=True, exist_ok=True)
            for name in (f"index-{part}.json", *(f"{k}-{part}.parquet" for k in KINDS)):
                try:
                    os.replace(self.dir / name, dest / name)
                except FileNotFoundError:   # never written, or another process moved it first
                    pass
            with atomic_path(dest / "REASON.txt") as tmp:
                tmp.write_text(reason + "\n", encoding="utf-8")
        except OSError as err:              # a read-only cache: the part is ignored by this run
            action = f"ignored (could not be quarantined: {err.strerror or err}); its documents are annotated again"
        if self._index is not None:
            self._index = None          # rebuilt without the part when next asked for
        n = f" ({len(hashes)} documents)" if hashes is not None else ""
        self.problems.append({"source": "cache", "location": str(dest), "doc_id": None, "part": part,
                              "reason": f"cache part {part}{n} in {self.dir} failed verification: {reason}",
                              "action": action})
        return dest

    # --- claims: two processes never annotate the same documents --------------------
    def _lock(self):
        from filelock import FileLock
        self.dir.mkdir(parents=True, exist_ok=True)
        return FileLock(str(self.dir / ".lock"))

    def live_claims(self) -> dict[str, str]:
        """text_hash -> claim id, for the claims of live processes (call under the folder lock).

        A claim whose process died (its lock is free) is removed.
        """
        from filelock import FileLock, Timeout
        taken: dict[str, str] = {}
        for f in sorted((self.dir / "claims").glob("*.json")):
            if self._claim is not None and f == self._claim[0]:
                continue
            owner = FileLock(str(f.with_suffix(".lock")))
            try:
                owner.acquire(timeout=0)
            except Timeout:
                try:
                    hs = json.loads(f.read_text(encoding="utf-8")).get("hashes", [])
                except (OSError, ValueError):
                    continue
                taken.update((h, f.stem) for h in hs)
            else:   # nobody holds it: the process ended without removing its claim
                _unlink(f)
                owner.release()
                _unlink(f.with_suffix(".lock"))
        return taken

    def claim(self, hashes) -> tuple[list[str], list[str]]:
        """Claim the hashes not yet cached and not claimed by another live process.

        Returns ``(mine, theirs)``: the hashes this process should annotate
        (claimed until :meth:`release`) and those another process is
        annotating now (wait for them with :meth:`wait_for`).
        """
        try:
            lock = self._lock()
            lock.acquire()
        except OSError:             # a read-only cache: read what is there, write nothing here
            return _missing(self.refresh(), hashes), []
        try:
            return self._claim_locked(hashes)
        finally:
            lock.release()

    def _claim_locked(self, hashes) -> tuple[list[str], list[str]]:
        from filelock import FileLock
        missing = _missing(self.refresh(), hashes)
        taken = self.live_claims()
        if not taken:
            self._sweep()
        mine = [h for h in missing if h not in taken]
        theirs = [h for h in missing if h in taken]
        if mine:
            cid = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
            path = self.dir / "claims" / f"{cid}.json"
            path.parent.mkdir(parents=True, exist_ok=True)
            owner = FileLock(str(path.with_suffix(".lock")))
            owner.acquire()
            self._claim = (path, owner)
            try:
                with atomic_path(path) as tmp:
                    tmp.write_text(json.dumps({"pid": os.getpid(), "hashes": mine}), encoding="utf-8")
            except OSError as err:
                self.release()
                self._raise_write_error(err)
        return mine, theirs

    def _sweep(self) -> None:
        """Remove what killed runs left: temporary files, Parquet files no index lists and the batch files
        of the Dask backend (``batches/``, texts on their way to a worker).

        Called under the folder lock when no live process claims documents, so
        nobody is writing here.
        """
        listed = {f"{k}-{f.name[len('index-'):-len('.json')]}.parquet"
                  for f in self.dir.glob("index-*.json") for k in KINDS}
        for f in self.dir.glob("*"):
            if f.is_file() and (f.name.endswith(".tmp") or (f.suffix == ".parquet" and f.name not in listed)):
                _unlink(f)
        for f in (self.dir / "batches").glob("*"):
            if f.is_file():
                _unlink(f)

    def release(self) -> None:
        """Give up this process's claim (its parts are in the index by now, or never will be)."""
        if self._claim is None:
            return
        path, owner = self._claim
        self._claim = None
        _unlink(path)
        owner.release()
        _unlink(path.with_suffix(".lock"))

    def wait_for(self, hashes, *, poll: float = 0.2, on_progress=None) -> None:
        """Wait until every hash is cached or no live process claims it any more."""
        left = list(hashes)
        while left:
            idx = self.refresh()
            now = [h for h in left if h not in idx]
            if on_progress is not None and len(now) < len(left):
                on_progress(len(left) - len(now))
            left = now
            if not left:
                return
            with self._lock():
                taken = self.live_claims()
            if any(h not in taken for h in left):
                return          # its process ended without them: they are annotated here
            time.sleep(poll)
            poll = min(2.0, poll * 1.5)

    def clear(self) -> None:
        """Delete this configuration's folder."""
        shutil.rmtree(self.dir, ignore_errors=True)
        self._index = None
        self._entries = {}


def _file_digest(path) -> dict:
    data = Path(path).read_bytes()
    return {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}


def _compact(entry: dict) -> dict:
    """An index entry as kept in memory: its text hashes as one numpy array of their 16 bytes
    (``S16``: the 32 hex digits of :func:`text_hash`, decoded) instead of a list of Python strings
    (about 90 bytes each, small objects that would outlive every batch of a long stream and scatter
    the heap).  An entry listing anything but such hashes is damaged (:class:`CacheDamage`)."""
    return dict(entry, hashes=_hash_array(entry["hashes"]))


def _hash_array(hashes) -> "np.ndarray":
    """Text hashes (32 hex digits each) as an ``S16`` array of their bytes; :class:`CacheDamage` for
    anything else.  The bytes are read back with :func:`_hash_strings` (never ``tolist()``, which
    drops trailing zero bytes)."""
    import numpy as np
    try:
        if any(len(h) != HASH_HEX for h in hashes):
            raise ValueError
        joined = "".join(hashes)
        raw = bytes.fromhex(joined)
        if raw.hex() != joined:             # upper case (no text_hash writes it)
            raise ValueError
    except (TypeError, ValueError):
        raise CacheDamage(f"its hashes are not all {HASH_HEX} hex digits (text hashes)") from None
    return np.frombuffer(raw, dtype=f"S{HASH_HEX // 2}").copy()


def _hash_strings(arr) -> list[str]:
    """The text hashes of an ``S16`` array (:func:`_hash_array`), as the strings of the index files."""
    raw, w = arr.tobytes(), arr.dtype.itemsize
    return [raw[i:i + w].hex() for i in range(0, len(raw), w)]


def _hash_key(h):
    """The ``S16`` key of one text hash, or None for a string that is no text hash."""
    if not isinstance(h, str) or len(h) != HASH_HEX:
        return None
    try:
        key = bytes.fromhex(h)
    except ValueError:
        return None
    return key if key.hex() == h else None


def _entry_hashes(entry: dict) -> list[str]:
    """The text hashes of a compacted entry, as the strings of its index file."""
    return _hash_strings(entry["hashes"])


class HashIndex(Mapping):
    """text hash -> part name for the parts of a cache folder, as sorted arrays.

    The hashes of every part sorted once (numpy, their 16 bytes) with the
    number of the part that holds each, instead of a dict of Python strings
    (about 190 bytes a document): a stream of a million documents keeps
    about 20 MB here, not 190 MB of small objects.  A text in two parts
    (annotated twice by processes that ran at the same time) maps to the
    later part in the folder's order, as a dict filled part by part would.
    """

    def __init__(self, entries: dict, base: "HashIndex | None" = None):
        import numpy as np
        self._names = list(entries)
        if base is not None and self._extend(entries, base):
            return
        arrays = [e["hashes"] for e in entries.values()]
        keys = np.concatenate(arrays) if arrays else np.empty(0, dtype=f"S{HASH_HEX // 2}")
        codes = np.repeat(np.arange(len(arrays), dtype=np.int32), [len(a) for a in arrays])
        order = np.argsort(keys, kind="stable")
        keys, codes = keys[order], codes[order]
        last = np.ones(len(keys), dtype=bool)
        last[:-1] = keys[1:] != keys[:-1]
        self._keys, self._codes = keys[last], codes[last]

    def _extend(self, entries: dict, base: "HashIndex") -> bool:
        """Build this index as ``base`` (an index of some of ``entries``' parts) plus the parts it lacks,
        inserting their few hashes into its sorted arrays (one copy of them) instead of sorting every
        hash again: a stream's client rebuilt the whole index, with several temporary copies of it, after
        every batch.  False (nothing set) when that cannot give the same index: ``base`` has a part
        ``entries`` no longer has, or a hash of a new part is in ``base`` or twice in the new parts (the
        rule of the later part is then applied by the full build)."""
        import numpy as np
        order = {name: k for k, name in enumerate(self._names)}
        if not base._names or any(name not in order for name in base._names):
            return False
        known = set(base._names)
        new = [name for name in self._names if name not in known]
        arrays = [entries[name]["hashes"] for name in new]
        keys = np.concatenate(arrays) if arrays else np.empty(0, dtype=base._keys.dtype)
        codes = np.repeat(np.array([order[name] for name in new], dtype=np.int32), [len(a) for a in arrays])
        by_key = np.argsort(keys, kind="stable")
        keys, codes = keys[by_key], codes[by_key]
        pos = np.searchsorted(base._keys, keys)
        inside = pos < len(base._keys)
        if (len(keys) > 1 and bool((keys[1:] == keys[:-1]).any())) or \
                bool((base._keys[pos[inside]] == keys[inside]).any()):
            return False
        remap = np.array([order[name] for name in base._names], dtype=np.int32)
        self._keys = np.insert(base._keys, pos, keys)
        self._codes = np.insert(remap[base._codes], pos, codes)
        return True

    def _find(self, h):
        import numpy as np
        key = _hash_key(h)
        if key is None or not len(self._keys):
            return None
        key = np.frombuffer(key, dtype=self._keys.dtype)        # compared as arrays: all 16 bytes count
        i = int(np.searchsorted(self._keys, key)[0])
        if i < len(self._keys) and bool(self._keys[i:i + 1] == key):
            return i
        return None

    def __contains__(self, h) -> bool:
        return self._find(h) is not None

    def __getitem__(self, h) -> str:
        i = self._find(h)
        if i is None:
            raise KeyError(h)
        return self._names[self._codes[i]]

    def __iter__(self):
        return iter(_hash_strings(self._keys))

    def __len__(self) -> int:
        return len(self._keys)


def _body_check(body: dict) -> str:
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()


def _read_index(path: Path, part: str) -> dict:
    """The entry of one ``index-*.json``, checked against its own checksum; else :class:`CacheDamage`."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise CacheDamage(f"{path.name} is not readable JSON ({err})") from None
    if not isinstance(data, dict) or data.get("format") != CACHE_FORMAT:
        raise CacheDamage(f"{path.name} is not an index of cache format {CACHE_FORMAT}")
    check = data.pop("check", None)
    if check != _body_check(data):
        raise CacheDamage(f"{path.name} does not match its own checksum (edited or damaged)")
    hashes, files = data.get("hashes"), data.get("files")
    if (data.get("part") != part or not isinstance(hashes, list) or len(set(hashes)) != len(hashes)
            or not isinstance(files, dict) or any(k not in files for k in KINDS)):
        raise CacheDamage(f"{path.name} does not describe part {part}")
    return data


def _check_size(path: Path, size) -> None:
    try:
        actual = path.stat().st_size
    except OSError:
        raise CacheDamage(f"{path.name} is missing") from None
    if actual != size:
        raise CacheDamage(f"{path.name} has {actual} bytes, its index says {size}")


def _unlink(path) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


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
    """Delete every cached annotation under the cache root, and the documents of annotated streams
    (``documents/``)."""
    shutil.rmtree(cache_root(cache) / "annotate", ignore_errors=True)
    shutil.rmtree(cache_root(cache) / "documents", ignore_errors=True)


def verify_cache(cache=True) -> dict:
    """Verify every part of every configuration in a cache; quarantine the parts that fail.

    Parameters
    ----------
    cache : bool or path
        The cache (``True``: ``$FRAMING_CACHE_DIR`` or ``~/.cache/framing``).

    Returns
    -------
    dict
        ``root``; ``checked``, ``failed`` and ``quarantined`` (parts);
        ``unindexed`` (files of an interrupted or running write);
        ``in_quarantine`` (parts held in ``quarantine/`` folders, from now or
        before); ``outdated`` (configuration folders of an earlier cache
        format, no longer read); ``problems`` (one row per failed part).
    """
    root = cache_root(cache)
    out = {"root": str(root), "configurations": 0, "checked": 0, "failed": 0, "quarantined": 0, "unindexed": 0,
           "in_quarantine": 0, "outdated": 0, "problems": []}
    folder = root / "annotate"
    for d in sorted(folder.iterdir()) if folder.is_dir() else []:
        if not d.is_dir():
            continue
        try:
            fmt = json.loads((d / "KEY.json").read_text(encoding="utf-8")).get("cache_format")
        except (OSError, ValueError, AttributeError):
            fmt = CACHE_FORMAT      # no readable KEY.json: its parts say whether they are sound
        if fmt != CACHE_FORMAT:
            out["outdated"] += 1
            continue
        store = AnnotationCache(root, d.name)
        res = store.verify()
        out["configurations"] += 1
        for k in ("checked", "failed", "unindexed"):
            out[k] += res[k]
        out["quarantined"] += sum(1 for p in store.problems if p["action"].startswith("quarantined"))
        out["problems"] += store.problems
        q = d / "quarantine"
        out["in_quarantine"] += sum(1 for x in q.iterdir() if x.is_dir()) if q.is_dir() else 0
    return out


def busy_folders(cache=True) -> list[str]:
    """The configuration folders of a cache that a live process is annotating into now."""
    root = cache_root(cache)
    busy = []
    for d in sorted((root / "annotate").glob("*/claims")):
        store = AnnotationCache(root, d.parent.name)
        with store._lock():
            if store.live_claims():
                busy.append(str(d.parent))
    return busy
