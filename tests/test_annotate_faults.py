"""Faults during annotation end with complete, identical tables or a clear error.

The scenarios are those of ``benchmarks/faults.py`` (which also times them), run
on the demo corpus in lemmas-only mode: kill -9 of a whole run and of the parent
alone, a full disk, a corrupted cache and two runs at once.  Each compares its
final tables with a clean run without a cache.
"""

from __future__ import annotations

import importlib.util
import sys

import pytest

from conftest import ROOT

pytestmark = [pytest.mark.filterwarnings("ignore::framing._errors.AnnotationWarning"),
              pytest.mark.skipif(not sys.platform.startswith("linux"),
                                 reason="the fault scenarios kill processes found through Linux's /proc")]


def _faults():
    spec = importlib.util.spec_from_file_location("faults", ROOT / "benchmarks" / "faults.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


faults = _faults()


@pytest.fixture(scope="module")
def demo():
    import framing
    corpus = faults.demo_corpus(1)
    ref = framing.annotate(corpus, layers=("lemma",), cache=False, progress=False)
    return corpus, (ref.tokens, ref.entities)


def _cfg(tmp_path, delay=0.4):
    return {"cache": str(tmp_path / "cache"), "out": str(tmp_path / "out"), "copies": 1, "layers": "lemma",
            "delay": delay, "n_jobs": 1}


def _complete(res):
    assert (res["lost"], res["duplicated"], res["identical"]) == (0, 0, True), res


def test_annotate_faults_kill_the_whole_run_then_resume(tmp_path, demo):
    res = faults.kill_run(_cfg(tmp_path), *demo)
    _complete(res)
    # killed in the middle: the parts written before the kill are reused, the rest annotated
    assert res["parts_before"] >= 1 and res["cached"] > 0 and res["annotated"] > 0, res
    cache = tmp_path / "cache" / "annotate"
    assert not list(cache.rglob("*.tmp")) and not list(cache.glob("*/claims/*.json"))   # swept, released


def test_annotate_faults_kill_the_parent_alone_workers_die(tmp_path, demo):
    res = faults.kill_parent(_cfg(tmp_path), *demo, grace=5.0)
    assert res["workers"] == 2 and res["workers_left"] == 0, res
    _complete(res)
    assert res["cached"] > 0 and res["annotated"] > 0, res


def test_annotate_faults_full_disk_is_a_clear_error_and_the_rerun_completes(tmp_path, demo):
    res = faults.full_disk(_cfg(tmp_path), *demo, mount=False)        # simulated ENOSPC
    assert "No space left on device" in res["error"] and "free some space" in res["error"], res
    assert (res["tmp_left"], res["unindexed"], res["damaged"]) == (0, 0, 0), res
    _complete(res)
    assert res["cached"] > 0, res                   # the parts written before the disk filled are kept


def test_annotate_faults_full_tmpfs(tmp_path, demo):
    if not faults._can_mount():
        pytest.skip("mounting a tmpfs needs root on Linux; the simulated full disk is tested above")
    res = faults.full_disk(_cfg(tmp_path), *demo, mount=True)
    if res["disk"] != "tmpfs 256k":
        pytest.skip("mount -t tmpfs was refused here; the simulated full disk is tested above")
    assert "No space left on device" in res["error"], res
    assert (res["tmp_left"], res["unindexed"], res["damaged"]) == (0, 0, 0), res
    _complete(res)


def test_annotate_faults_corrupted_cache_is_quarantined_and_recomputed(tmp_path, demo):
    res = faults.corrupt(_cfg(tmp_path), *demo)
    _complete(res)
    assert res["cache_problems"] == res["parts_damaged"] >= 3, res
    assert res["annotated"] == len(demo[0]) and res["cached"] == 0, res


def test_annotate_faults_two_runs_at_once_annotate_each_document_once(tmp_path, demo):
    res = faults.concurrent(_cfg(tmp_path, delay=0.2), *demo)
    _complete(res)
    assert res["annotated_twice"] == 0 and sum(res["annotated"]) == len(demo[0]), res
    assert res["overlap_s"] > 0, res                # the two annotate() calls did run at the same time
