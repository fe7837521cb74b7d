"""framing.annotate(..., lazy=True) and streams: an annotation read from the cache batch by batch."""

from __future__ import annotations

import json
import warnings

import numpy as np
import pandas as pd
import pytest

import framing
from framing._errors import FramingError, OptionError
from framing.annotate import pipeline
from framing.annotate.annotated import Annotated
from framing.annotate.lazy import CachedAnnotated, CachePartError

TABLES = ("docs", "tokens", "entities", "capabilities", "problems")


@pytest.fixture(scope="module")
def demo():
    # the demo plus one document in a language without a backend (a regex fallback, a problem row)
    d = framing.load_demo().docs
    extra = d.iloc[[0]].assign(doc_id="x-und", outlet="odd", lang="xx", text="Lorem ipsum dolor.")
    return framing.Corpus(pd.concat([d.iloc[:40], extra, d.iloc[40:]], ignore_index=True))


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    return tmp_path_factory.mktemp("lazy-cache")


@pytest.fixture(scope="module")
def eager(demo, cache):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return framing.annotate(demo, cache=cache, progress=False, lazy=False)


def _lazy(corpus, cache, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return framing.annotate(corpus, cache=cache, progress=False, lazy=True, **kw)


def _assert_same(a, b):
    for t in TABLES:
        x, y = getattr(a, t), getattr(b, t)
        pd.testing.assert_frame_equal(x.reset_index(drop=True), y.reset_index(drop=True), obj=t)


def test_annotate_lazy_tables_equal_the_in_memory_ones(demo, cache, eager):
    lazy = _lazy(demo, cache)
    assert isinstance(lazy, CachedAnnotated) and type(eager) is Annotated
    _assert_same(lazy, eager)
    assert len(lazy) == len(eager) and lazy.n_tokens == eager.n_tokens == len(eager.tokens)
    assert lazy.n_entities == len(eager.entities) > 0
    pd.testing.assert_frame_equal(lazy.sentences(), eager.sentences())
    assert lazy.has("syntax", "ru") and not lazy.has("syntax", "uk")
    assert "read from the cache" in repr(lazy) and "first 20 documents" in lazy._repr_html_()


def test_annotate_lazy_partitions_and_token_batches_equal_the_in_memory_ones(demo, cache, eager):
    lazy = _lazy(demo, cache)
    parts_l, parts_e = list(lazy.partitions(17)), list(eager.partitions(17))
    assert [len(p) for p in parts_l] == [17, 17, 17, 17, 12] == [len(p) for p in parts_e]
    for a, b in zip(parts_l, parts_e):
        assert type(a) is Annotated and type(b) is Annotated
        _assert_same(a, b)
        # a partition is what selecting its documents gives
        _assert_same(a, eager.select(docs=list(a.docs["doc_id"])))
    batches = list(lazy.token_batches(3000))
    assert len(batches) > 3 and all(not b.empty for b in batches)
    pd.testing.assert_frame_equal(pd.concat(batches, ignore_index=True), eager.tokens)
    # documents are never split between batches
    ends = [b["doc_id"].iloc[-1] for b in batches[:-1]]
    assert all(e != b["doc_id"].iloc[0] for e, b in zip(ends, batches[1:]))


def test_annotate_lazy_select_stays_lazy_and_equals_eager(demo, cache, eager):
    lazy = _lazy(demo, cache)
    sub = lazy.select(outlets=["global_wire", "odd"], start="2025-11-01")
    assert isinstance(sub, CachedAnnotated)
    _assert_same(sub, eager.select(outlets=["global_wire", "odd"], start="2025-11-01"))
    assert sub.meta["selected"] == {"outlets": ["global_wire", "odd"], "start": "2025-11-01 00:00:00+00:00"}
    assert lazy.select() is lazy


def test_annotate_lazy_features_equal(demo, cache, eager):
    lazy = _lazy(demo, cache)
    a, b = framing.features(lazy), framing.features(eager)
    assert (a.matrix != b.matrix).nnz == 0 and list(a.vocabulary) == list(b.vocabulary)


def test_annotate_lazy_large_corpus_in_chunks_equals_one_call(demo, cache, eager, monkeypatch):
    monkeypatch.setattr(pipeline, "CHUNK_DOCS", 13)
    lazy = _lazy(demo, cache)
    _assert_same(lazy, eager)
    assert lazy.meta["documents_cached"] == len(demo)


def test_annotate_lazy_chunks_bounded_by_characters_equal_one_call(demo, cache, eager, monkeypatch):
    # chunks of at most 10,000 characters (about 6 demo documents each), the freed memory released after
    # each one: the same tables as one in-memory call, and as a stream of the same documents
    calls = []
    monkeypatch.setattr(pipeline, "release_memory", lambda: calls.append(1))
    lazy = _lazy(demo, cache, chunk_chars=10_000)
    _assert_same(lazy, eager)
    n_chunks = len(pipeline.chunk_bounds(demo.docs["text"].str.len().tolist(), pipeline.CHUNK_DOCS, 10_000)) - 1
    assert n_chunks > 10 and len(calls) == n_chunks
    batches = (demo.filter(demo.docs.index // 30 == k) for k in range(3))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        stream = framing.annotate(batches, cache=cache, progress=False, chunk_chars=10_000)
    for t in ("tokens", "entities"):
        pd.testing.assert_frame_equal(getattr(stream, t), getattr(eager, t), obj=t)
    with pytest.raises(OptionError, match="chunk_chars"):
        framing.annotate(demo, cache=cache, chunk_chars=10)


def test_annotate_lazy_chunk_bounds():
    b = pipeline.chunk_bounds
    assert b([3, 3, 3, 3], 10, 6) == [0, 2, 4]                # by characters
    assert b([1] * 5, 2, 100) == [0, 2, 4, 5]                   # by documents
    assert b([2, 50, 2, 2], 10, 6) == [0, 1, 2, 4]              # a document longer than the bound: alone
    assert b([], 10, 6) == [0, 0] and b([7], 10, 6) == [0, 1]


def test_annotate_lazy_is_the_default_from_lazy_docs_on(demo, cache, monkeypatch):
    import framing.annotate.lazy as lazy_mod
    monkeypatch.setattr(lazy_mod, "LAZY_DOCS", 50)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert isinstance(framing.annotate(demo, cache=cache, progress=False), CachedAnnotated)
        assert type(framing.annotate(demo, cache=False, progress=False)) is Annotated  # no cache: in memory
        assert type(framing.annotate(demo.filter(np.arange(len(demo)) < 10), cache=cache,
                                     progress=False)) is Annotated


def test_annotate_lazy_needs_a_cache(demo):
    with pytest.raises(OptionError, match="lazy=True reads the tables from the annotation cache"):
        framing.annotate(demo, cache=False, lazy=True)
    with pytest.raises(OptionError, match="needs a cache"):
        framing.annotate(iter([demo]), cache=False)
    with pytest.raises(OptionError, match="lazy"):
        framing.annotate(demo, lazy="yes")


def _write_jsonl(corpus, path):
    d = corpus.docs
    with open(path, "w", encoding="utf-8") as fh:
        for r in d.itertuples(index=False):
            fh.write(json.dumps({"id": r.doc_id, "text": r.text, "outlet": r.outlet, "lang": r.lang,
                                 "published": None if pd.isna(r.published) else r.published.isoformat()},
                                ensure_ascii=False) + "\n")
    return path


def test_annotate_stream_equals_annotating_the_concatenated_corpus(demo, tmp_path):
    path = _write_jsonl(demo, tmp_path / "news.jsonl")
    whole = framing.read_jsonl(path)
    cache = tmp_path / "cache"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        eager = framing.annotate(whole, cache=cache, progress=False, layers=("lemma", "ner"))
        ann = framing.annotate(framing.iter_jsonl(path, batch_size=25), cache=cache, progress=False,
                               layers=("lemma", "ner"))
    assert isinstance(ann, CachedAnnotated)
    _assert_same(ann, eager)
    assert ann.corpus == whole and len(ann.corpus.problems) == len(whole.problems)
    # the documents are kept on disk, one file per batch; in memory only the table without texts
    assert len(list((cache / "documents").glob("*.parquet"))) == 4
    assert "text" not in ann._documents.table.columns
    assert ann.doc_info().equals(eager.doc_info())
    for a, b in zip(ann.partitions(30), eager.partitions(30)):
        _assert_same(a, b)


def test_annotate_stream_keeps_raw_text_on_disk_and_reads_it_when_asked(demo, tmp_path):
    """read_telegram's raw_text (the post as written, about as long as the text) is not held in memory by a
    stream; the documents table, doc_info and the corpus give it back from the stored batches."""
    docs = demo.docs
    docs["raw_text"] = "**" + docs["text"] + "**"
    whole = framing.Corpus(docs)
    batches = [whole.filter((np.arange(len(whole)) // 40) == k) for k in range(3)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ann = framing.annotate(batches, cache=tmp_path / "cache", progress=False, layers=("lemma",))
    held = ann._documents.table.columns
    assert "raw_text" not in held and "text" not in held and {"doc_id", "outlet", "published"} <= set(held)
    info = ann.doc_info(("outlet", "raw_text"))
    assert info["raw_text"].tolist() == docs["raw_text"].tolist() and info["outlet"].tolist() == docs["outlet"].tolist()
    assert ann.docs["raw_text"].tolist() == docs["raw_text"].tolist()
    assert ann.doc_info().equals(whole.docs[["doc_id", "outlet", "published", "lang"]])
    with pytest.raises(KeyError):
        ann.doc_info(("no_such_column",))


def test_annotate_stream_resumes_from_the_cache(demo, tmp_path):
    cache = tmp_path / "cache"
    batches = [demo.filter((np.arange(len(demo)) // 20) == k) for k in range(5)]

    def interrupted():
        yield from batches[:2]
        raise KeyboardInterrupt

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(KeyboardInterrupt):
            framing.annotate(interrupted(), cache=cache, progress=False, layers=("lemma",))
        ann = framing.annotate(iter(batches), cache=cache, progress=False, layers=("lemma",))
        again = framing.annotate(iter(batches), cache=cache, progress=False, layers=("lemma",))
        eager = framing.annotate(demo, cache=cache, progress=False, layers=("lemma",))
    assert ann.meta["documents_cached"] == 40 and ann.meta["documents_annotated"] == len(demo) - 40
    assert again.meta["documents_annotated"] == 0
    _assert_same(ann, eager)


def test_annotate_stream_reads_each_cache_index_file_once(demo, tmp_path, monkeypatch):
    """A stream keeps one cache object per configuration: each batch reads only the index files written
    since the last (the whole index read per batch made a long stream quadratic)."""
    from framing.annotate import cache as cache_mod
    reads = []
    real = cache_mod._read_index
    monkeypatch.setattr(cache_mod, "_read_index", lambda path, part: reads.append(part) or real(path, part))
    batches = [demo.filter(demo.docs.index // 20 == k) for k in range(4)]
    ann = framing.annotate(iter(batches), cache=tmp_path / "cache", progress=False, layers=("lemma",),
                           batch_chars=20_000)
    parts = {name for _s, name, _n in ann._index.parts}
    assert len(parts) > len(batches)                    # several parts per batch, written batch by batch
    assert sorted(reads) == sorted(set(reads)) and set(reads) == parts


@pytest.mark.filterwarnings("ignore::framing._errors.AnnotationWarning")
def test_annotate_stream_refuses_what_is_not_a_corpus(demo, tmp_path):
    with pytest.raises(FramingError, match="batch 1 of the stream is a DataFrame"):
        framing.annotate([demo, demo.docs], cache=tmp_path, progress=False, layers=("lemma",))
    with pytest.raises(FramingError, match="stream of corpora was empty"):
        framing.annotate(iter([]), cache=tmp_path, progress=False)
    with pytest.raises(FramingError, match=r"batch 1 of the stream repeats doc_ids of earlier batches"):
        framing.annotate([demo, demo], cache=tmp_path, progress=False, layers=("lemma",))


def test_annotate_lazy_part_removed_or_changed_is_a_clear_error(demo, tmp_path):
    cache = tmp_path / "cache"
    lazy = _lazy(demo, cache, layers=("lemma",))
    files = sorted(cache.glob("annotate/ru-*/tokens-*.parquet"))
    assert files
    part = files[0].name[len("tokens-"):-len(".parquet")]
    files[0].unlink()
    with pytest.raises(CachePartError, match=f"cache part {part}.*Annotate the corpus again"):
        lazy.tokens
    with pytest.raises(CachePartError, match=part):     # still an error, not a silently shorter table
        list(lazy.partitions(100))
    assert list((cache / "annotate").glob(f"ru-*/quarantine/{part}-*"))
    # annotating again repairs: only the removed part's documents are annotated
    again = _lazy(demo, cache, layers=("lemma",))
    assert 0 < again.meta["documents_annotated"] < len(demo)
    assert again.n_tokens == lazy._index.n_tok.sum()
    # a changed file: its checksum no longer matches, it is quarantined, the error names it
    si, name, _n = again._index.parts[0]
    changed = again._index.stores[si].dir / f"tokens-{name}.parquet"
    data = bytearray(changed.read_bytes())
    data[len(data) // 2] ^= 0xFF
    changed.write_bytes(bytes(data))
    with pytest.raises(CachePartError, match=f"{name}.*failed verification"):
        sum(len(b) for b in again.token_batches(1000))
    assert (changed.parent / "quarantine").is_dir() and not changed.exists()
    repaired = _lazy(demo, cache, layers=("lemma",))
    pd.testing.assert_frame_equal(repaired.tokens, _lazy(demo, tmp_path / "fresh", layers=("lemma",)).tokens)


def test_annotate_stream_documents_file_removed_is_a_clear_error(demo, tmp_path):
    cache = tmp_path / "cache"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ann = framing.annotate(iter([demo.filter(np.arange(len(demo)) < 30), demo.filter(np.arange(len(demo)) >= 30)]),
                               cache=cache, progress=False, layers=("lemma",))
    assert len(ann.doc_info()) == len(demo)          # the table without texts: read once, then kept
    for f in (cache / "documents").glob("*.parquet"):
        f.unlink()
    assert len(ann.doc_info()) == len(demo)
    with pytest.raises(CachePartError, match="documents of this annotation.*Annotate the stream again"):
        ann.corpus


def test_annotate_stream_holds_no_documents_table_until_it_ends(demo, tmp_path, monkeypatch):
    """While a stream goes on, the client keeps of each batch only its file, size, problems and sources; the
    table without texts is read back from the files at the end, equal to the batches' own tables."""
    from framing.annotate.lazy import DocumentStore
    kept = []
    summary = DocumentStore.summary

    def spy(batch, root):
        out = summary(batch, root)
        kept.append(out)
        return out
    monkeypatch.setattr(DocumentStore, "summary", staticmethod(spy))
    batches = [demo.filter((np.arange(len(demo)) // 30) == k) for k in range(3)]
    ann = _lazy(iter(batches), tmp_path / "cache", layers=("lemma",))
    assert len(kept) == 3 and all(set(k) == {"file", "n", "problems", "meta"} for k in kept)
    assert [k["n"] for k in kept] == [len(b) for b in batches]
    assert ann._documents._table is None and len(ann) == len(demo)     # read when first asked for
    want = pd.concat([b.docs.drop(columns="text") for b in batches], ignore_index=True)
    pd.testing.assert_frame_equal(ann._documents.table, want)


def test_annotate_stream_documents_file_changed_is_a_clear_error_when_the_table_is_read(demo, tmp_path, monkeypatch):
    from framing.annotate.lazy import DocumentStore
    summary = DocumentStore.summary

    def damage(batch, root):            # the file of the batch is changed on disk after it was written
        out = summary(batch, root)
        with open(out["file"][0], "ab") as fh:
            fh.write(b"x")
        return out
    monkeypatch.setattr(DocumentStore, "summary", staticmethod(damage))
    ann = _lazy(iter([demo.filter(np.arange(len(demo)) < 30), demo.filter(np.arange(len(demo)) >= 30)]),
                tmp_path / "cache", layers=("lemma",))
    with pytest.raises(CachePartError, match="was changed since it was written"):
        ann.doc_info()


def test_annotated_partitions_in_memory(eager):
    parts = list(eager.partitions(30))
    assert [len(p) for p in parts] == [30, 30, 20]
    pd.testing.assert_frame_equal(pd.concat([p.tokens for p in parts], ignore_index=True), eager.tokens)
    pd.testing.assert_frame_equal(pd.concat([p.entities for p in parts], ignore_index=True), eager.entities)
    with pytest.raises(OptionError):
        list(eager.partitions(0))


def test_cached_annotated_built_with_tables_is_an_in_memory_annotated(demo, cache, eager):
    lazy = _lazy(demo, cache)
    # code written for Annotated builds subsets as type(ann)(corpus, tokens, entities, ...)
    sub = type(lazy)(lazy.corpus, eager.tokens, eager.entities, capabilities=lazy.capabilities, meta=lazy.meta)
    assert type(sub) is Annotated
    _assert_same(sub, Annotated(eager.corpus, eager.tokens, eager.entities, capabilities=eager.capabilities,
                                meta=eager.meta))
