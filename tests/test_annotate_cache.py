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
    part = store.write_part(["h1"], tok, ent)
    assert json.loads((store.dir / "KEY.json").read_text())["lang"] == "xx"
    # a part whose index was never written (interrupted) and a damaged index are ignored
    (store.dir / "tokens-zzz.parquet").write_bytes(b"partial")
    (store.dir / "index-bad.json").write_text("{not json")
    fresh = AnnotationCache(tmp_path, key)
    assert fresh.index() == {"h1": part}
    assert fresh.missing(["h1", "h2", "h2"]) == ["h2"]
    t, e = fresh.read(["h1"])
    assert t.num_rows == 1 and e.num_rows == 0 and t["text_hash"].to_pylist() == ["h1"]
    assert fresh.part_hashes(part) == ["h1"]
    assert not list(store.dir.glob(".*.tmp"))
    assert text_hash("a") != text_hash("b")


def test_annotate_cache_memory_store_reads_like_the_cache(tmp_path):
    from framing.annotate.cache import MemoryStore
    cols = {"doc": [0, 0, 1], "sent_id": [1, 1, 1], "tok_id": [1, 2, 1], "start": [0, 3, 0], "end": [2, 4, 3],
            "text": ["да", ".", "нет"], "lemma": ["да", ".", "нет"], "upos": ["_"] * 3, "feats": ["_"] * 3,
            "head": [-1] * 3, "deprel": ["_"] * 3}
    ents = {k: [] for k in ("doc", "sent_id", "start_tok", "end_tok", "start", "end", "text", "type", "normal")}
    mem, disk = MemoryStore("k"), AnnotationCache(tmp_path, "k")
    for store in (mem, disk):
        store.write_part(["h1", "h2"], cols, ents)
        assert store.missing(["h2", "h3", "h3"]) == ["h3"]
        (ph, tok, ent), = store.iter_parts(["h2"])
        assert ph == ["h1", "h2"] and tok.column("text").to_pylist() == ["нет"] and ent.num_rows == 0
    assert list(tmp_path.glob("annotate/k/index-*.json"))   # only the disk store wrote files
