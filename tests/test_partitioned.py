"""measure_partitioned gives exactly the tables of framing.measure (issue #17)."""

from __future__ import annotations

import pandas as pd
import pytest

import framing
from framing._errors import OptionError
from framing.measures.partitioned import measure_partitioned

from conftest import ROOT

TELEGRAM = ROOT.parent / "shared" / "data" / "telegram_ru_2024" / "raw"


def assert_same(whole, parts):
    """Every table of every measure equal, with its problem rows."""
    assert parts.names == whole.names
    for name in whole.names:
        a, b = whole[name], parts[name]
        tables = zip(a._fields, a, b) if hasattr(a, "_fields") else [("", a, b)]
        for field, x, y in tables:
            pd.testing.assert_frame_equal(x, y, obj=f"{name}.{field}")
            assert x.attrs == y.attrs, f"{name}.{field}: problem rows differ"


@pytest.fixture(scope="module")
def demo():
    ann = framing.annotate(framing.load_demo(), progress=False)
    return ann, framing.measure(ann)


@pytest.mark.parametrize("size", [1, 7, 10_000])
def test_partitioned_equals_whole_on_the_demo(demo, size):
    ann, whole = demo
    assert_same(whole, measure_partitioned(ann, partition_size=size, progress=False))


def test_partitioned_reads_partitions_when_the_annotation_has_them(demo, monkeypatch):
    ann, whole = demo
    seen = []

    def partitions(n_docs):
        ids = list(ann.docs["doc_id"])
        for i in range(0, len(ids), n_docs):
            seen.append(n_docs)
            yield ann.select(docs=ids[i:i + n_docs])

    monkeypatch.setattr(type(ann), "partitions", lambda self, n: partitions(n), raising=False)
    res = measure_partitioned(ann, ["actors", "attributions"], partition_size=25, progress=False)
    assert seen and set(seen) == {25}
    assert_same(framing.measure(ann, ["actors", "attributions"]), res)


def test_partitioned_on_a_dask_cluster(demo):
    distributed = pytest.importorskip("dask.distributed")
    ann, whole = demo
    # two threads in one process: no measure keeps per-call state in its module
    with distributed.LocalCluster(processes=False, n_workers=1, threads_per_worker=2,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        res = framing.measure(ann, partition_size=7, client=client)
    assert_same(whole, res)


def test_partitioned_through_framing_measure(demo):
    ann, whole = demo
    assert_same(whole, framing.measure(ann, partition_size=11))
    with pytest.raises(OptionError, match="given="):
        framing.measure(ann, ["sources"], given={"attributions": whole.attributions}, partition_size=11)
    with pytest.raises(OptionError, match="errors="):
        framing.measure(ann, errors="record", partition_size=11)
    with pytest.raises(OptionError, match="partition_size"):
        framing.measure(ann, partition_size=0)


def test_partitioned_options_and_subsets(demo):
    ann, _ = demo
    opts = {"actors": {"pronouns": False}, "sources": {"n_boot": 50}}
    whole = framing.measure(ann, ["naming", "sources"], options=opts)
    assert_same(whole, measure_partitioned(ann, ["naming", "sources"], options=opts, partition_size=9,
                                           progress=False))


def test_partitioned_bad_options_are_clear(demo):
    ann, _ = demo
    with pytest.raises(OptionError, match="partition_size"):
        measure_partitioned(ann, partition_size=0)
    with pytest.raises(OptionError, match="nonsense"):
        measure_partitioned(ann, ["nonsense"])
    with pytest.raises(TypeError, match="Client"):
        measure_partitioned(ann, client="localhost:8786")


@pytest.mark.slow
@pytest.mark.skipif(not TELEGRAM.exists(), reason="needs ../shared/data/telegram_ru_2024")
def test_partitioned_equals_whole_on_telegram_posts():
    corpus = framing.read_telegram(str(TELEGRAM / "*.json"))
    corpus = corpus.filter(corpus.docs["doc_id"].isin(list(corpus.docs["doc_id"][::40])))
    ann = framing.annotate(corpus, progress=False)
    assert len(ann.docs) > 200
    whole = framing.measure(ann, options={"sources": {"n_boot": 50}})
    res = measure_partitioned(ann, options={"sources": {"n_boot": 50}}, partition_size=37, progress=False)
    assert_same(whole, res)


def test_partitioned_written_to_parquet_datasets(demo, tmp_path):
    """out=: every per-document table is a Parquet dataset, read back equal (pandas and pyarrow)."""
    import pyarrow.dataset as ds

    from framing.measures.partitioned import PartitionedTable
    ann, whole = demo
    res = measure_partitioned(ann, partition_size=13, out=tmp_path / "run", progress=False)
    assert res.names == whole.names
    on_disk = {"actors": ["mentions"], "epithets": [""], "attributions": [""],
               "naming": ["mentions", "contested_hits"]}
    for name in whole.names:
        a, b = whole[name], res[name]
        tables = zip(a._fields, a, b) if hasattr(a, "_fields") else [("", a, b)]
        for field, x, y in tables:
            if field in on_disk.get(name, []):
                assert isinstance(y, PartitionedTable), f"{name}.{field}"
                assert len(y) == len(x) and y.attrs == x.attrs
                got = y.read()
                pd.testing.assert_frame_equal(x, got, obj=f"{name}.{field}")
                if len(x):     # other readers open the folder: the same rows (pandas reads text as str)
                    assert pd.read_parquet(y.path)["doc_id"].tolist() == x["doc_id"].tolist()
                    assert ds.dataset(y.path).count_rows() == len(x)
            else:
                pd.testing.assert_frame_equal(x, y, obj=f"{name}.{field}")
    # a second run into the same folder (through framing.measure) replaces the files of the first
    again = framing.measure(ann, ["epithets"], partition_size=40, out=tmp_path / "run")
    pd.testing.assert_frame_equal(again.epithets.read(), whole.epithets)
    assert len(list((tmp_path / "run" / "epithets").glob("*.parquet"))) == len(again.epithets.files) == 2


def test_attributions_are_given_the_corpus_types_of_their_actors():
    """An actor mentioned untyped in a partition is typed there by its most frequent type in the
    whole table, however its own partition's mentions lean."""
    from framing.measures.attribution.coref import actor_types
    from framing.measures.partitioned import _for_attributions, _TypeCounts
    from framing.measures.actors.result import empty_mentions

    def rows(*spec):
        cols = empty_mentions().columns
        return pd.DataFrame([{c: 0 if c in ("sent_id", "start_tok", "end_tok", "start", "end") else "" for c in cols}
                             | {"doc_id": d, "actor": a, "type": t} for d, a, t in spec]).astype(empty_mentions().dtypes)

    whole = rows(("d1", "X", "ORG"), ("d1", "X", "ORG"), ("d1", "Y", "LOC"),
                 ("d2", "X", "LOC"), ("d2", "X", "LOC"), ("d2", "X", "MISC"), ("d2", "Y", "MISC"))
    counts = _TypeCounts()
    counts.add(whole.iloc[:3])
    counts.add(whole.iloc[3:])
    assert counts.winners() == actor_types(whole) == {"X": "ORG", "Y": "LOC"}
    own = whole.iloc[3:].reset_index(drop=True)
    given = _for_attributions(own, counts.winners(), "d1", whole.iloc[:1])
    assert actor_types(given) == {"X": "ORG", "Y": "LOC"}
    assert given.iloc[:len(own)].equals(own) and set(given["doc_id"].iloc[len(own):]) == {"d1"}
    # a partition without mentions is given the table's first row
    assert _for_attributions(own.iloc[:0], counts.winners(), "d1", whole.iloc[:1]).equals(whole.iloc[:1])
