"""annotate(backend="dask"): the same tables as one process, the same cache, clear errors.

The determinism test runs the main pipeline (annotation, actors, epithets,
attributions, keyness) on the demo corpus with ``n_jobs=1``, ``n_jobs=2`` and
on a 2-worker dask LocalCluster (processes), each with its own cache folder,
and once on dask with ``cache=False``; every table must be equal.
"""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

import framing
from framing._errors import FramingError, OptionError

distributed = pytest.importorskip("distributed", reason='the Dask backend needs pip install "framing[scale]"')


@pytest.fixture(scope="module")
def client():
    """A 2-worker LocalCluster of processes (one thread each), shared by this module's tests."""
    import logging
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0", silence_logs=logging.ERROR) as cluster, \
            distributed.Client(cluster) as cl:
        yield cl


def _tables(ann) -> dict[str, pd.DataFrame]:
    """Every output table of the main pipeline."""
    act = framing.actors(ann)
    return {
        "tokens": ann.tokens,
        "entities": ann.entities,
        "actor mentions": act.mentions,
        "actors": act.table,
        "epithets": framing.epithets(ann, actors=act),
        "attributions": framing.attributions(ann, actors=act),
        "keyness": framing.keyness(ann),
    }


def _differing_rows(a: pd.DataFrame, b: pd.DataFrame) -> int:
    """Rows that differ between two tables of the same columns (all rows when the shapes differ)."""
    assert list(a.columns) == list(b.columns)
    if a.shape != b.shape:
        return max(len(a), len(b))
    pd.testing.assert_frame_equal(a, b)          # dtypes and values, with a readable diff
    return 0


@pytest.mark.slow  # four annotations of the demo corpus and their measures: 60-120 s on 2 busy cores
def test_annotate_dask_backend_every_table_equals_one_process(tmp_path, client):
    demo = framing.load_demo()
    runs = {
        "n_jobs=1": framing.annotate(demo, n_jobs=1, cache=tmp_path / "one", progress=False),
        "n_jobs=2": framing.annotate(demo, n_jobs=2, cache=tmp_path / "two", progress=False),
        # the default: a LocalCluster of n_jobs processes started and closed for the call
        "dask": framing.annotate(demo, backend="dask", n_jobs=2, cache=tmp_path / "dask", progress=False),
        # a given client, the tables sent back through the scheduler
        "dask, cache=False": framing.annotate(demo, backend="dask", client=client, cache=False,
                                              progress=False),
    }
    assert runs["dask"].meta["documents_annotated"] == len(demo)
    tables = {name: _tables(ann) for name, ann in runs.items()}
    ref = tables.pop("n_jobs=1")
    assert len(ref["tokens"]) > 10_000 and len(ref["epithets"]) and len(ref["attributions"])
    for name, tabs in tables.items():
        for table, df in tabs.items():
            assert _differing_rows(ref[table], df) == 0, (name, table)
    # the parts the dask workers wrote are the cache's: a run in this process reuses them all
    again = framing.annotate(demo, n_jobs=1, cache=tmp_path / "dask", progress=False)
    assert again.meta["documents_annotated"] == 0 and again.meta["documents_cached"] == len(demo)
    pd.testing.assert_frame_equal(again.tokens, ref["tokens"])


def test_annotate_dask_backend_resumes_a_run_of_the_process_pool(tmp_path, client):
    demo = framing.load_demo()
    half = demo.filter(lambda d: d.index % 2 == 0)
    framing.annotate(half, layers=("lemma",), cache=tmp_path, progress=False)
    full = framing.annotate(demo, layers=("lemma",), backend="dask", client=client, cache=tmp_path,
                            progress=False, batch_chars=5000)
    assert full.meta["documents_cached"] == len(half)
    assert full.meta["documents_annotated"] == len(demo) - len(half)
    # the batches' texts went to the workers as files beside the cache (not inside the tasks, which
    # dask.distributed keeps in the client's memory); every file is removed once its task is done
    batch_files = list(tmp_path.glob("annotate/*/batches/*"))
    assert list(tmp_path.glob("annotate/*/batches")) and batch_files == []
    ref = framing.annotate(demo, layers=("lemma",), cache=False, progress=False)
    pd.testing.assert_frame_equal(full.tokens, ref.tokens)
    pd.testing.assert_frame_equal(full.entities, ref.entities)


def test_annotate_dask_backend_records_problems_like_the_process_pool(tmp_path, client):
    c = framing.Corpus.from_frame(pd.DataFrame({"text": ["Eins zwei drei.", "Vier fünf."], "lang": ["de", "de"]}))
    with pytest.warns(framing._errors.AnnotationWarning, match="no annotation backend"):
        a = framing.annotate(c, backend="dask", client=client, cache=tmp_path, progress=False)
    assert a.tokens["text"].tolist()[:3] == ["Eins", "zwei", "drei"]
    assert a.problems["doc_id"].tolist() == ["doc000000", "doc000001"]


def test_annotate_dask_backend_checks_options(tmp_path):
    c = framing.Corpus.from_frame(pd.DataFrame({"text": ["Песков заявил."]}))
    with pytest.raises(OptionError, match="backend='spark'"):
        framing.annotate(c, backend="spark", cache=tmp_path)
    with pytest.raises(OptionError, match="a distributed.Client"):
        framing.annotate(c, backend="dask", client="tcp://scheduler:8786", cache=tmp_path)
    with pytest.raises(FramingError, match='only with backend="dask"'):
        framing.annotate(c, client=distributed.Client, cache=tmp_path)


def test_annotate_dask_backend_without_dask_names_the_extra(tmp_path):
    code = ("import sys; sys.modules['distributed'] = None\n"
            "import pandas as pd, framing\n"
            "c = framing.Corpus.from_frame(pd.DataFrame({'text': ['a b'], 'lang': ['xx']}))\n"
            "try:\n"
            f"    framing.annotate(c, backend='dask', cache={str(tmp_path)!r}, progress=False)\n"
            "except framing._errors.MissingDependencyError as e:\n"
            "    print(e)\n")
    out = subprocess.run([sys.executable, "-W", "ignore", "-c", code], capture_output=True, text=True, check=True)
    assert 'pip install "framing[scale]"' in out.stdout
    assert "dask.distributed" in out.stdout


def test_annotate_dask_backend_stream_equals_one_process_partition_by_partition(tmp_path, client):
    demo = framing.load_demo()

    def batches():
        for k in range(3):
            yield demo.filter(demo.docs.index // 30 == k)

    kw = dict(layers=("lemma", "ner"), progress=False)
    one = framing.annotate(batches(), n_jobs=1, cache=tmp_path / "one", **kw)
    two = framing.annotate(batches(), backend="dask", client=client, cache=tmp_path / "dask", batch_chars=5000, **kw)
    assert type(one).__name__ == type(two).__name__ == "CachedAnnotated"
    assert two.meta["documents_annotated"] == len(demo) and two.n_entities > 100
    for a, b in zip(one.partitions(25), two.partitions(25)):
        for table in ("docs", "tokens", "entities", "capabilities", "problems"):
            pd.testing.assert_frame_equal(getattr(a, table), getattr(b, table), obj=table)
