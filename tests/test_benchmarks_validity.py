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
