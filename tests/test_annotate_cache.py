"""The annotation cache: reuse, resumption after an interruption, invalidation, atomic parts."""

from __future__ import annotations

import json

import pandas as pd
import pytest

pytestmark = pytest.mark.filterwarnings("ignore::framing._errors.AnnotationWarning")

from framing import Corpus
from framing.annotate import pipeline
from framing.annotate.cache import AnnotationCache, cache_key, cache_root, clear_cache, text_hash
from framing.annotate.pipeline import annotate


def _corpus(n, lang="ru"):
    body = " Дмитрий Песков заявил журналистам, что встреча состоится." * 7   # ~420 characters
    texts = [f"Документ {i}." + body for i in range(n)]
    return Corpus.from_frame(pd.DataFrame({"doc_id": [f"d{i}" for i in range(n)], "text": texts, "lang": lang}))


def _parts(root):
    return sorted(p.name for p in (root / "annotate").rglob("tokens-*.parquet"))


def test_annotate_cache_second_run_reads_the_cache(tmp_path):
    c = _corpus(5)
    a = annotate(c, cache=tmp_path, progress=False)
    assert a.meta["documents_annotated"] == 5 and a.meta["documents_cached"] == 0
    parts = _parts(tmp_path)
    b = annotate(c, cache=tmp_path, progress=False)
    assert b.meta["documents_cached"] == 5 and b.meta["documents_annotated"] == 0
    assert _parts(tmp_path) == parts
    pd.testing.assert_frame_equal(a.tokens, b.tokens)
    pd.testing.assert_frame_equal(a.entities, b.entities)


def test_annotate_cache_keys_by_text_not_by_doc_id(tmp_path):
    c = _corpus(3)
    annotate(c, cache=tmp_path, progress=False)
    docs = c.docs.assign(doc_id=lambda d: "x" + d["doc_id"])
    c2 = Corpus(pd.concat([docs, docs.assign(doc_id=lambda d: d["doc_id"] + "copy")]))
    b = annotate(c2, cache=tmp_path, progress=False)
    assert b.meta["documents_cached"] == 6
    assert b.tokens.groupby("doc_id").size().nunique() == 1 and b.tokens["doc_id"].nunique() == 6


def test_annotate_cache_interrupted_run_resumes(tmp_path, monkeypatch):
    c = _corpus(8)
    real = pipeline.annotate_batch
    calls = {"n": 0}

    def flaky(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "annotate_batch", flaky)
    with pytest.raises(KeyboardInterrupt):
        annotate(c, cache=tmp_path, progress=False, batch_chars=1000)   # 2 documents per batch
    monkeypatch.setattr(pipeline, "annotate_batch", real)
    b = annotate(c, cache=tmp_path, progress=False, batch_chars=1000)
    assert b.meta["documents_cached"] == 4 and b.meta["documents_annotated"] == 4
    fresh = annotate(c, cache=False, progress=False)
    pd.testing.assert_frame_equal(b.tokens, fresh.tokens)
    pd.testing.assert_frame_equal(b.entities, fresh.entities)


def test_annotate_cache_version_change_invalidates(tmp_path, monkeypatch):
    c = _corpus(2)
    annotate(c, cache=tmp_path, progress=False)
    monkeypatch.setattr(pipeline, "PIPELINE_VERSION", pipeline.PIPELINE_VERSION + "-test")
    b = annotate(c, cache=tmp_path, progress=False)
    assert b.meta["documents_cached"] == 0 and b.meta["documents_annotated"] == 2


def test_annotate_cache_model_change_invalidates(tmp_path, monkeypatch):
    from framing.annotate._backend import get_backend
    c = _corpus(2)
    annotate(c, cache=tmp_path, progress=False)
    backend = get_backend("ru")
    monkeypatch.setattr(backend, "version", lambda: "a-different-model")
    b = annotate(c, cache=tmp_path, progress=False)
    assert b.meta["documents_cached"] == 0


def test_annotate_cache_layers_have_their_own_entries(tmp_path):
    c = _corpus(2)
    annotate(c, cache=tmp_path, progress=False)
    b = annotate(c, layers=("lemma",), cache=tmp_path, progress=False)
    assert b.meta["documents_cached"] == 0
    assert (b.tokens["head"] == -1).all()


def test_annotate_cache_false_leaves_nothing_and_env_sets_the_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path / "env"))
    assert cache_root(True) == tmp_path / "env"
    assert cache_root(tmp_path / "x") == tmp_path / "x"
    a = annotate(_corpus(1, lang="xx"), cache=False, progress=False)
    assert len(a.tokens) and not (tmp_path / "env").exists()
    annotate(_corpus(1, lang="xx"), progress=False)
    assert _parts(tmp_path / "env")
    clear_cache()
    assert not _parts(tmp_path / "env")


def test_annotate_cache_ignores_unfinished_parts(tmp_path):
    key, desc = cache_key(pipeline_version="t", lang="xx", backend_version="v", layers={"tokens"})
    store = AnnotationCache(tmp_path, key, desc)
    cols = ["sent_id", "tok_id", "start", "end", "text", "lemma", "upos", "feats", "head", "deprel"]
    tok = {"doc": [0], **{c: [1] if c in ("sent_id", "tok_id", "start", "end", "head") else ["a"] for c in cols}}
    ent = {c: [] for c in ["doc", "sent_id", "start_tok", "end_tok", "start", "end", "text", "type", "normal"]}
    h1, h2 = text_hash("1"), text_hash("2")
    part = store.write_part([h1], tok, ent)
    assert json.loads((store.dir / "KEY.json").read_text())["lang"] == "xx"
    # a part whose index was never written (interrupted) and a damaged index are ignored
    (store.dir / "tokens-zzz.parquet").write_bytes(b"partial")
    (store.dir / "index-bad.json").write_text("{not json")
    fresh = AnnotationCache(tmp_path, key)
    assert fresh.index() == {h1: part}
    assert fresh.missing([h1, h2, h2, "h1"]) == [h2, "h1"]
    t, e = fresh.read([h1])
    assert t.num_rows == 1 and e.num_rows == 0 and t["text_hash"].to_pylist() == [h1]
    assert fresh.part_hashes(part) == [h1]
    with pytest.raises(ValueError, match="text_hash"):      # the disk cache keeps text hashes only
        store.write_part(["h1"], tok, ent)
    assert not list(store.dir.glob(".*.tmp"))
    assert text_hash("a") != text_hash("b")


def test_annotate_cache_memory_store_reads_like_the_cache(tmp_path):
    from framing.annotate.cache import MemoryStore
    cols = {"doc": [0, 0, 1], "sent_id": [1, 1, 1], "tok_id": [1, 2, 1], "start": [0, 3, 0], "end": [2, 4, 3],
            "text": ["да", ".", "нет"], "lemma": ["да", ".", "нет"], "upos": ["_"] * 3, "feats": ["_"] * 3,
            "head": [-1] * 3, "deprel": ["_"] * 3}
    ents = {k: [] for k in ("doc", "sent_id", "start_tok", "end_tok", "start", "end", "text", "type", "normal")}
    mem, disk = MemoryStore("k"), AnnotationCache(tmp_path, "k")
    h1, h2, h3 = (text_hash(x) for x in "123")
    for store in (mem, disk):
        store.write_part([h1, h2], cols, ents)
        assert store.missing([h2, h3, h3]) == [h3]
        (ph, tok, ent), = store.iter_parts([h2])
        assert ph == [h1, h2] and tok.column("text").to_pylist() == ["нет"] and ent.num_rows == 0
    assert list(tmp_path.glob("annotate/k/index-*.json"))   # only the disk store wrote files


# --- verification: a damaged part is quarantined, recorded and annotated again ----------------

def _lemma_run(c, root, **kw):
    return annotate(c, layers=("lemma",), cache=root, progress=False, batch_chars=1000, **kw)


def _one_part(root, kind="tokens"):
    return sorted((root / "annotate").glob(f"*/{kind}-*.parquet"))[0]


def _rewrite_index(path, edit):
    """Edit an index and give it a valid checksum again (what a tool that knows the format could do)."""
    from framing.annotate.cache import _body_check
    data = json.loads(path.read_text())
    data.pop("check")
    edit(data)
    path.write_text(json.dumps(dict(data, check=_body_check(data))))


def _swap_hashes(data):
    data["hashes"][0], data["hashes"][1] = data["hashes"][1], data["hashes"][0]


def _rewritten_by_another_tool(path):
    import pyarrow.parquet as pq
    t = pq.read_table(path)
    pq.write_table(t.replace_schema_metadata(None), path, compression="zstd")


_DAMAGE = {
    "truncated": lambda root: _one_part(root).write_bytes(_one_part(root).read_bytes()[:-100]),
    "empty": lambda root: _one_part(root).write_bytes(b""),
    "junk": lambda root: _one_part(root).write_bytes(b"junk" * 1000),
    "entities deleted": lambda root: _one_part(root, "entities").unlink(),
    "rewritten by another tool": lambda root: _rewritten_by_another_tool(_one_part(root)),
    "index hashes swapped": lambda root: _swap_in_index(root),
    "index swapped, checksum redone": lambda root: _rewrite_index(
        sorted((root / "annotate").glob("*/index-*.json"))[0], _swap_hashes),
    "index junk": lambda root: sorted((root / "annotate").glob("*/index-*.json"))[0].write_text("{not json"),
}


def _swap_in_index(root):
    p = sorted((root / "annotate").glob("*/index-*.json"))[0]
    data = json.loads(p.read_text())
    _swap_hashes(data)
    p.write_text(json.dumps(data))


@pytest.mark.parametrize("damage", sorted(_DAMAGE))
def test_annotate_cache_damaged_part_is_quarantined_and_recomputed(tmp_path, damage):
    c = _corpus(6)
    fresh = annotate(c, layers=("lemma",), cache=False, progress=False)
    _lemma_run(c, tmp_path)                          # 3 parts of 2 documents
    _DAMAGE[damage](tmp_path)
    b = _lemma_run(c, tmp_path)
    pd.testing.assert_frame_equal(b.tokens, fresh.tokens)
    pd.testing.assert_frame_equal(b.entities, fresh.entities)
    bad = b.problems[b.problems["source"] == "cache"]
    assert len(bad) == 1 and bad["reason"].str.contains("failed verification").all(), b.problems
    assert bad["action"].iloc[0] == "quarantined; its documents are annotated again"
    assert b.meta["documents_annotated"] == 2 and b.meta["documents_cached"] == 4
    held = list((tmp_path / "annotate").glob("*/quarantine/*/REASON.txt"))
    assert len(held) == 1 and str(held[0].parent) == bad["location"].iloc[0]
    c3 = _lemma_run(c, tmp_path)                     # repaired: all read from the cache, no problem
    assert c3.meta["documents_cached"] == 6 and c3.problems.empty
    pd.testing.assert_frame_equal(c3.tokens, fresh.tokens)


def test_annotate_cache_bit_flips_anywhere_in_a_part_never_change_results(tmp_path):
    import shutil
    c = _corpus(2)
    fresh = annotate(c, layers=("lemma",), cache=False, progress=False)
    clean = tmp_path / "clean"
    annotate(c, layers=("lemma",), cache=clean, progress=False)      # one part
    size = _one_part(clean).stat().st_size
    # every region: the leading magic, the column chunks, the footer, its length and the trailing magic
    offsets = sorted({0, 1, 3, 4, 5, size - 1, size - 4, size - 5, size - 8, size - 20,
                      *range(8, size - 8, max(1, size // 40))})
    for n, off in enumerate(offsets):
        root = tmp_path / f"r{n}"
        shutil.copytree(clean, root)
        part = _one_part(root)
        data = bytearray(part.read_bytes())
        data[off] ^= 1 << (n % 8)
        part.write_bytes(bytes(data))
        b = annotate(c, layers=("lemma",), cache=root, progress=False)
        pd.testing.assert_frame_equal(b.tokens, fresh.tokens, obj=f"tokens after a bit flip at byte {off}")
        assert b.meta["documents_annotated"] == 2 and (b.problems["source"] == "cache").sum() == 1, off
        shutil.rmtree(root)
    assert len(offsets) > 40


def test_annotate_cache_index_cross_checked_with_the_part(tmp_path):
    from framing.annotate.cache import CacheDamage
    c = _corpus(4)
    _lemma_run(c, tmp_path)
    _DAMAGE["index swapped, checksum redone"](tmp_path)
    key = next((tmp_path / "annotate").iterdir()).name
    store = AnnotationCache(tmp_path, key)
    part = sorted(store.dir.glob("index-*.json"))[0].name[6:-5]
    assert part in set(store.index().values())      # the index alone looks sound
    with pytest.raises(CacheDamage, match="other documents than its index"):
        store.load_part(part)


def test_annotate_cache_full_disk_leaves_no_half_written_part(tmp_path, monkeypatch):
    import errno

    from framing.annotate import cache as cache_mod
    from framing.annotate.cache import CacheError
    real = cache_mod.atomic_path
    calls = {"n": 0}

    def full(path):
        calls["n"] += path.name.startswith("entities-")
        if calls["n"] == 1:                          # the entities file of the first part
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(path)

    monkeypatch.setattr(cache_mod, "atomic_path", full)
    with pytest.raises(CacheError, match="No space left on device.*free some space"):
        _lemma_run(_corpus(4), tmp_path)
    files = [p.name for p in (tmp_path / "annotate").rglob("*") if p.is_file()]
    assert files == ["KEY.json"] or sorted(files) == [".lock", "KEY.json"], files
    monkeypatch.setattr(cache_mod, "atomic_path", real)
    b = _lemma_run(_corpus(4), tmp_path)
    assert b.meta["documents_annotated"] == 4 and b.problems.empty


def test_annotate_cache_verify_and_busy_folders(tmp_path):
    from framing.annotate.cache import busy_folders, verify_cache
    c = _corpus(6)
    _lemma_run(c, tmp_path)
    ok = verify_cache(tmp_path)
    assert (ok["checked"], ok["failed"], ok["quarantined"], ok["unindexed"]) == (3, 0, 0, 0)
    _DAMAGE["junk"](tmp_path)
    (next((tmp_path / "annotate").iterdir()) / "tokens-orphan.parquet").write_bytes(b"x")
    bad = verify_cache(tmp_path)
    assert (bad["checked"], bad["failed"], bad["quarantined"], bad["unindexed"], bad["in_quarantine"]) == (3, 1, 1, 1, 1)
    again = verify_cache(tmp_path)
    assert (again["checked"], again["failed"], again["in_quarantine"]) == (2, 0, 1)
    # a configuration of an earlier cache format is reported, not verified
    old = tmp_path / "annotate" / "ru-old"
    old.mkdir()
    (old / "KEY.json").write_text(json.dumps({"cache_format": "2"}))
    assert verify_cache(tmp_path)["outdated"] == 1
    assert busy_folders(tmp_path) == []


def test_annotate_cache_claim_of_a_dead_process_is_taken_over(tmp_path):
    c = _corpus(3)
    key, desc = cache_key(pipeline_version="t", lang="ru", backend_version="v", layers={"tokens"})
    store = AnnotationCache(tmp_path, key, desc)
    claims = store.dir / "claims"
    claims.mkdir(parents=True)
    # a process killed while annotating: its claim file stays, its lock is free
    (claims / "999999-dead.json").write_text(json.dumps({"pid": 999999, "hashes": ["h1", "h2"]}))
    # ... and a batch file the Dask backend wrote for one of its workers
    (store.dir / "batches").mkdir()
    (store.dir / "batches" / "run-0.json").write_text(json.dumps([["h1", "text", "d1"]]))
    mine, theirs = store.claim(["h1", "h2", "h3"])
    assert (mine, theirs) == (["h1", "h2", "h3"], [])
    assert not (claims / "999999-dead.json").exists()
    assert list((store.dir / "batches").iterdir()) == []
    other = AnnotationCache(tmp_path, key, desc)     # the same documents asked for again: claimed
    assert other.claim(["h1", "h4"]) == (["h4"], ["h1"])
    other.release()
    store.release()
    assert sorted(p.name for p in claims.iterdir()) == []
    assert _lemma_run(c, tmp_path).meta["documents_annotated"] == 3


def test_annotate_cache_read_only_cache_is_read_without_a_lock(tmp_path, monkeypatch):
    c = _corpus(4)
    a = _lemma_run(c, tmp_path)

    def no_lock(self):
        raise PermissionError(13, "Permission denied", str(self.dir / ".lock"))

    monkeypatch.setattr(AnnotationCache, "_lock", no_lock)     # a cache another user owns
    b = _lemma_run(c, tmp_path)
    assert b.meta["documents_cached"] == 4 and b.problems.empty
    pd.testing.assert_frame_equal(a.tokens, b.tokens)


def test_annotate_cache_hash_index_is_the_dict_it_replaces():
    """HashIndex (sorted arrays of the hashes' 16 bytes) answers as the dict filled part by part did: the
    later part wins for a text in two parts; unknown hashes, strings that are no text hash (shorter,
    longer, prefixes, not hex) are absent; hashes with zero bytes (leading, inside, trailing) round-trip."""
    import random

    from framing.annotate.cache import CacheDamage, HashIndex, _compact, text_hash
    rng = random.Random(0)
    zeros = ["00" * 16, "00" * 15 + "01", "10" + "00" * 15, "ab" * 7 + "00" * 2 + "cd" * 7, "ff" * 15 + "00"]
    pool = [text_hash(str(i)) for i in range(300)] + zeros
    entries, as_dict = {}, {}
    for k in range(12):
        hashes = rng.sample(pool, 25) + ([zeros[k]] if k < len(zeros) else [])
        entries[f"part{k:02d}"] = _compact({"hashes": hashes, "files": {}})
        as_dict.update((h, f"part{k:02d}") for h in hashes)
    idx = HashIndex(entries)
    assert idx == as_dict and len(idx) == len(as_dict) and sorted(idx) == sorted(as_dict)
    for h in pool + ["h", "h1", pool[0][:-1], pool[0] + "0", pool[0].upper(), "", "00" * 15, "zz" * 16, None]:
        assert (h in idx) == (h in as_dict)
        assert idx.get(h) == as_dict.get(h)
    with pytest.raises(KeyError):
        idx["nope"]
    assert HashIndex({}) == {} and "x" not in HashIndex({})
    for bad in (["h1"], [pool[0] + "0"], ["zz" * 16]):       # an index listing other strings is damaged
        with pytest.raises(CacheDamage, match="hex digits"):
            _compact({"hashes": bad, "files": {}})


def test_annotate_cache_hash_index_extended_equals_the_full_build():
    """An index extended by new parts (what a stream's cache does after every batch) equals the index built
    from scratch: new parts anywhere in the folder's order, a hash already known or twice among the new
    parts (the full build's rule decides), a removed part."""
    from framing.annotate.cache import HashIndex, _compact, text_hash
    pool = [text_hash(str(i)) for i in range(400)]
    fresh = iter(pool)
    entries = {}
    for k in range(0, 40, 3):
        entries[f"p{k:02d}"] = _compact({"hashes": [next(fresh) for _ in range(10)], "files": {}})

    def same(a, b):
        return dict(a) == dict(b) and list(a) == list(b) and all(a[h] == b[h] for h in b)

    def extends(entries, base) -> bool:         # whether the index is extended (else built in full)
        probe = HashIndex.__new__(HashIndex)
        probe._names = list(entries)
        return probe._extend(entries, base)
    base = HashIndex(dict(sorted(entries.items())))
    for k in (1, 17, 41):                                   # new parts before, among and after the old ones
        entries[f"p{k:02d}"] = _compact({"hashes": [next(fresh) for _ in range(7)], "files": {}})
    grown = dict(sorted(entries.items()))
    ext = HashIndex(grown, base=base)
    assert extends(grown, base) and same(ext, HashIndex(grown)) and len(ext) == 14 * 10 + 3 * 7
    assert ext._codes is not base._codes and len(base) == 14 * 10       # the base is left as it was
    for again in ([pool[0]], [pool[200], pool[200]]):      # known already / twice in the new parts
        more = dict(grown, p99=_compact({"hashes": again, "files": {}}))
        assert not extends(more, ext) and same(HashIndex(more, base=ext), HashIndex(more))
    fewer = {k: v for k, v in grown.items() if k != "p03"}
    assert not extends(fewer, ext) and same(HashIndex(fewer, base=ext), HashIndex(fewer))
