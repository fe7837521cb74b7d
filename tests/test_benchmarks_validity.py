"""The committed hand-coded gold sets still fit the shared data they were coded on."""

import importlib.util

import pytest

from conftest import ROOT, shared_path


@pytest.mark.slow
def test_benchmarks_validity_gold_sets_match_their_documents(monkeypatch, capsys):
    shared_path("telegram_ru_2024", "raw")
    shared_path("bsnlp2021")
    spec = importlib.util.spec_from_file_location("check_gold", ROOT / "benchmarks" / "validity" / "check_gold.py")
    check_gold = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(check_gold)
    monkeypatch.chdir(ROOT)          # the checker reads ../shared/data relative to the project root
    assert check_gold.main([]) == 0, capsys.readouterr().out
    out = capsys.readouterr().out
    assert "epithets_gold: 80 coded documents" in out and "attributions_gold: 65 coded documents" in out


def _validity_script():
    spec = importlib.util.spec_from_file_location("validity_bench", ROOT / "benchmarks" / "validity.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_fresh_headline_reads_each_sheet_layout():
    import pandas as pd
    v = _validity_script()
    att = pd.DataFrame({"ok_cue": ["yes", "yes", "no"], "ok_speaker": ["yes", "no", "na"]})
    what, ok = v.fresh_headline(att)
    assert what == "cue and speaker right" and ok.tolist() == [True, False, False]
    one = pd.DataFrame({"ok_descriptor_and_flag": ["yes", "no"]})
    assert v.fresh_headline(one)[1].tolist() == [True, False]
    two = pd.DataFrame({"ok_descriptor": ["yes", "yes", "no"], "ok_evaluative": ["yes", "no", "na"]})
    assert v.fresh_headline(two)[1].tolist() == [True, False, False]
    old = pd.DataFrame({"ok_span": [" Yes", "yes"], "ok_evaluative": ["yes", ""]})
    assert v.fresh_headline(old)[1].tolist() == [True, False]


def test_fresh_section_prints_every_committed_sample(capsys):
    v = _validity_script()
    v.report(["fresh"], v.VALIDITY)
    out = capsys.readouterr().out
    names = sorted(p.stem for p in (v.VALIDITY / "fresh").glob("*.tsv"))
    assert names, "the fresh samples are committed with the project"
    for name in names:
        assert f"  {name} " in out
    assert "attributions_s7" in out and "evaluative_s8" in out
