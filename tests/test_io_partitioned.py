"""Corpus.to_parquet_dataset / framing.read_parquet_dataset: exact round trips, filters, atomic writes."""

from __future__ import annotations

import json

import pandas as pd
import pyarrow.dataset as ds
import pytest

import framing
from framing._errors import FramingError, OptionError, SchemaError
from framing.io.partitioned import DATASET_FILE, ORDER_COLUMN


@pytest.fixture()
def odd_corpus():
    """Outlet names that need encoding, a missing date, a list column, an int column with a gap."""
    df = pd.DataFrame({
        "doc_id": ["d4", "d1", "d3", "d2", "d5"],
        "text": ["Путин заявил.", "Зеленский сказал.", "Песков: нет.", "Ще одне.", "Another one."],
        "outlet": ["РИА/Новости", "x y", "123", "РИА/Новости", "x y"],
        "published": ["2024-11-30T23:30:00+03:00", None, "2024-12-01", "2024-12-31T23:59:59Z", "2024-01-05"],
        "lang": ["ru", "ru", "ru", "uk", "en"],
        "tags": [["a", "b"], [], ["c"], None, ["d"]],
        "n": [1, 2, 3, 4, 5],
        "grp": [1.0, 1.0, 2.0, None, 2.0],
    })
    probs = pd.DataFrame({"source": ["f.json"], "location": ["line 3"], "doc_id": ["d3"],
                          "reason": ["broken date"], "action": ["kept without a date"]})
    return framing.Corpus(df, meta={"loader": "test"}, problems=probs)


def _same(a, b):
    pd.testing.assert_frame_equal(a.docs, b.docs)          # values, dtypes and order
    assert a.meta == b.meta
    pd.testing.assert_frame_equal(a.problems, b.problems)


def test_io_partitioned_round_trip_is_exact(tmp_path, odd_corpus):
    path = odd_corpus.to_parquet_dataset(tmp_path / "ds")
    assert path == tmp_path / "ds"
    _same(framing.read_parquet_dataset(path), odd_corpus)
    # hive folders, the month in UTC (23:30 Moscow on 30 Nov is 20:30 UTC), no date in the default folder
    months = {p.parent.name for p in path.glob("outlet=*/month=*/*.parquet")}
    assert months == {"month=2024-11", "month=2024-12", "month=2024-01", "month=__HIVE_DEFAULT_PARTITION__"}
    assert (path / "outlet=%D0%A0%D0%98%D0%90%2F%D0%9D%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8").is_dir()
    desc = json.loads((path / DATASET_FILE).read_text(encoding="utf-8"))
    assert desc["partition_by"] == ["outlet", "month"] and desc["derived"] == ["month"]


def test_io_partitioned_demo_round_trip_and_other_readers(tmp_path):
    demo = framing.load_demo()
    path = demo.to_parquet_dataset(tmp_path / "demo", partition_by=("lang", "outlet"))
    _same(framing.read_parquet_dataset(path), demo)
    # pyarrow opens the folder directly; the order column restores the corpus order
    t = ds.dataset(path, format="parquet", partitioning="hive").to_table().sort_by(ORDER_COLUMN)
    assert t["doc_id"].to_pylist() == demo.docs["doc_id"].tolist()
    dd = pytest.importorskip("dask.dataframe")
    df = dd.read_parquet(str(path)).compute().sort_values(ORDER_COLUMN)
    assert df["doc_id"].tolist() == demo.docs["doc_id"].tolist()


def test_io_partitioned_other_partition_columns(tmp_path, odd_corpus):
    path = odd_corpus.to_parquet_dataset(tmp_path / "ds", partition_by=["grp", "year"])
    _same(framing.read_parquet_dataset(path), odd_corpus)
    part = framing.read_parquet_dataset(path, filters=[("year", "=", "2024")])
    assert part.docs["doc_id"].tolist() == ["d4", "d3", "d2", "d5"]      # the corpus order, d1 has no date


def test_io_partitioned_filters_and_columns(tmp_path, odd_corpus):
    path = odd_corpus.to_parquet_dataset(tmp_path / "ds")
    part = framing.read_parquet_dataset(path, filters=[("outlet", "=", "РИА/Новости")], columns=["n"])
    assert part.docs["doc_id"].tolist() == ["d4", "d2"]
    assert list(part.docs.columns) == ["doc_id", "outlet", "published", "lang", "title", "text", "url", "n"]
    assert part.problems.empty                          # d3's problem stays with d3
    assert "read_parquet_dataset(filters=" in part.meta["steps"][-1]
    either = framing.read_parquet_dataset(path, filters=[[("month", "=", "2024-01")], [("n", ">=", 4)]])
    assert either.docs["doc_id"].tolist() == ["d2", "d5"]
    with_problem = framing.read_parquet_dataset(path, filters=ds.field("doc_id") == "d3")
    assert with_problem.problems["doc_id"].tolist() == ["d3"]
    with pytest.raises(SchemaError, match="no column"):
        framing.read_parquet_dataset(path, columns=["nope"])
    with pytest.raises(SchemaError, match="cannot be applied"):
        framing.read_parquet_dataset(path, filters=[("nope", "=", 1)])
    with pytest.raises(OptionError, match="filters"):
        framing.read_parquet_dataset(path, filters="outlet == 'x'")


def test_io_partitioned_write_is_atomic_and_never_replaces_other_folders(tmp_path, odd_corpus, monkeypatch):
    path = odd_corpus.to_parquet_dataset(tmp_path / "ds")
    with pytest.raises(FramingError, match="overwrite=True"):
        odd_corpus.to_parquet_dataset(path)
    smaller = odd_corpus.filter(lambda d: d["lang"] == "ru")
    smaller.to_parquet_dataset(path, overwrite=True, partition_by="lang")
    _same(framing.read_parquet_dataset(path), smaller)
    other = tmp_path / "mine"
    (other / "x").mkdir(parents=True)
    with pytest.raises(FramingError, match="not a corpus dataset"):
        odd_corpus.to_parquet_dataset(other, overwrite=True)
    assert (other / "x").is_dir()
    # a failure while writing leaves the old dataset and no temporary folder
    import pyarrow.parquet as pq

    def broken(*a, **k):
        raise OSError("disk full")
    monkeypatch.setattr(pq, "write_metadata", broken)
    with pytest.raises(OSError, match="disk full"):
        odd_corpus.to_parquet_dataset(path, overwrite=True)
    monkeypatch.undo()
    _same(framing.read_parquet_dataset(path), smaller)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ds", "mine"]


def test_io_partitioned_empty_corpus_and_bad_partitions(tmp_path, odd_corpus):
    empty = odd_corpus.filter([False] * len(odd_corpus))
    _same(framing.read_parquet_dataset(empty.to_parquet_dataset(tmp_path / "e")), empty)
    for by, match in ((("doc_id",), "cannot be a partition"), (("tags",), "lists or dicts"),
                      (("nope",), "no column 'nope'"), ((), "names no column"),
                      (("lang", "lang"), "repeats")):
        with pytest.raises(FramingError, match=match):
            odd_corpus.to_parquet_dataset(tmp_path / "bad", partition_by=by)
    long = odd_corpus.with_columns(src=["Ж" * 60] * len(odd_corpus))
    with pytest.raises(FramingError, match="too long to name a folder"):
        long.to_parquet_dataset(tmp_path / "bad", partition_by="src")
    assert not (tmp_path / "bad").exists()
    with pytest.raises(SchemaError, match="not a corpus dataset"):
        framing.read_parquet_dataset(tmp_path)


# --- iter_parquet_dataset: the same documents in batches ---------------------------------------

def _by_id(frames):
    return pd.concat(frames, ignore_index=True).set_index("doc_id").sort_index()


@pytest.mark.parametrize("size", [1, 2, 5, 50])
def test_io_partitioned_iter_batches_hold_the_dataset_once(tmp_path, odd_corpus, size):
    path = odd_corpus.to_parquet_dataset(tmp_path / "ds")
    batches = list(framing.iter_parquet_dataset(path, batch_size=size))
    assert [len(b) for b in batches][:-1] == [size] * (len(batches) - 1) and 0 < len(batches[-1]) <= size
    assert [b.meta["batch"] for b in batches] == list(range(len(batches)))
    whole = framing.read_parquet_dataset(path)
    # every document once, with the written values and column types (the order is the files')
    pd.testing.assert_frame_equal(_by_id([b.docs for b in batches]), _by_id([whole.docs]))
    # d3's problem travels with d3's batch, and only there
    holder = [b for b in batches if "d3" in set(b.docs["doc_id"])]
    assert [b.problems["reason"].tolist() for b in holder] == [["broken date"]]
    assert sum(len(b.problems) for b in batches) == 1


def test_io_partitioned_iter_filters_columns_and_errors(tmp_path, odd_corpus):
    path = odd_corpus.to_parquet_dataset(tmp_path / "ds")
    batches = list(framing.iter_parquet_dataset(path, batch_size=1, filters=[("outlet", "=", "РИА/Новости")],
                                                columns=["n"]))
    assert sorted(b.docs["doc_id"].item() for b in batches) == ["d2", "d4"]
    assert list(batches[0].docs.columns) == ["doc_id", "outlet", "published", "lang", "title", "text", "url", "n"]
    assert "iter_parquet_dataset(filters=" in batches[0].meta["steps"][-1]
    none = list(framing.iter_parquet_dataset(path, filters=[("outlet", "=", "nobody")]))
    assert [len(b) for b in none] == [0]                 # one empty batch, as the other iter_* loaders
    # bad input fails at the call, naming the function, not at the first batch
    with pytest.raises(OptionError, match="iter_parquet_dataset.*batch_size"):
        framing.iter_parquet_dataset(path, batch_size=0)
    with pytest.raises(SchemaError, match=r"iter_parquet_dataset\(\): .*not a corpus dataset"):
        framing.iter_parquet_dataset(tmp_path / "nowhere")
    with pytest.raises(SchemaError, match="iter_parquet_dataset.*no column"):
        framing.iter_parquet_dataset(path, columns=["nope"])


def test_io_partitioned_iter_batches_bounded_by_characters(tmp_path):
    demo = framing.load_demo()
    path = demo.to_parquet_dataset(tmp_path / "ds")
    plain = list(framing.iter_parquet_dataset(path, batch_size=30, batch_chars=None))
    for bound in (5_000, 20_000, 1):
        batches = list(framing.iter_parquet_dataset(path, batch_size=30, batch_chars=bound))
        chars = [int(b.docs["text"].str.len().sum()) for b in batches]
        # no batch over the bound, unless it is one document longer than the bound
        assert all(c <= bound or len(b) == 1 for b, c in zip(batches, chars))
        assert all(len(b) <= 30 for b in batches) and len(batches) > len(plain)
        # the same documents in the same order: only where the batches end differs
        pd.testing.assert_frame_equal(pd.concat([b.docs for b in batches], ignore_index=True),
                                      pd.concat([b.docs for b in plain], ignore_index=True))
    assert [len(b) for b in framing.iter_parquet_dataset(path, batch_size=30, batch_chars=1)] == [1] * len(demo)
    with pytest.raises(OptionError, match="iter_parquet_dataset.*batch_chars"):
        framing.iter_parquet_dataset(path, batch_chars=0)


def test_io_partitioned_iter_feeds_a_stream_annotation(tmp_path):
    demo = framing.load_demo()
    path = demo.to_parquet_dataset(tmp_path / "demo")
    ann = framing.annotate(framing.iter_parquet_dataset(path, batch_size=25), layers=("lemma",),
                           cache=tmp_path / "cache", progress=False)
    eager = framing.annotate(demo, layers=("lemma",), cache=tmp_path / "cache", progress=False)
    assert sorted(ann.docs["doc_id"]) == sorted(demo.docs["doc_id"])
    mine = ann.tokens.sort_values(["doc_id", "sent_id", "tok_id"], kind="stable").reset_index(drop=True)
    theirs = eager.tokens.sort_values(["doc_id", "sent_id", "tok_id"], kind="stable").reset_index(drop=True)
    pd.testing.assert_frame_equal(mine, theirs)


def test_io_partitioned_default_batch_is_one_annotation_chunk():
    """iter_parquet_dataset's default batch holds at most the characters annotate() takes in one chunk:
    a larger batch's texts would only wait in a stream's memory while its first chunks are annotated."""
    from framing.annotate.pipeline import CHUNK_CHARS
    from framing.io.partitioned_read import BATCH_CHARS
    assert BATCH_CHARS == CHUNK_CHARS
