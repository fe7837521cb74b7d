"""The second attribution development set still fits the shared data it was coded on."""

import importlib.util

import pytest

from conftest import ROOT, shared_path


def _check_module():
    shared_path("telegram_ru_2024", "raw")
    shared_path("bsnlp2021")
    shared_path("ruopinionne2024", "train.jsonl")
    path = ROOT / "benchmarks" / "attribution_dev2" / "check.py"
    spec = importlib.util.spec_from_file_location("attribution_dev2_check", path)
    check = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(check)
    return check


@pytest.mark.slow
def test_attribution_dev2_offsets_and_hashes_match_the_texts(capsys):
    assert _check_module().main() == 0, capsys.readouterr().out
    out = capsys.readouterr().out
    assert "documents 125, sentences 460" in out and "all offsets and hashes check" in out


@pytest.mark.slow
def test_attribution_dev2_second_coder_offsets_match_the_texts(capsys):
    assert _check_module().main("gold_coder2.tsv") == 0, capsys.readouterr().out
    out = capsys.readouterr().out
    assert "attributions 37" in out and "all offsets and hashes check" in out
