"""Treebank evaluation on gold tokens: a hand-made CoNLL-U file and, when present, UD dev slices."""

from __future__ import annotations

import json

import pytest

from conftest import shared_path
from framing.annotate.treebank import evaluate_treebank, lemma_errors, norm_lemma, read_conllu
from framing.cli import evaluate_treebank_main

KEYS = {"file", "lang", "backend", "sentences", "tokens", "lemma_acc", "lemma_acc_content", "upos_acc",
        "uas", "las"}


def test_annotate_treebank_reads_conllu(data_dir):
    sents = read_conllu(data_dir / "annotate" / "ru_tiny.conllu")
    assert len(sents) == 3 and sents[0]["form"][0] == "Песков" and sents[0]["head"][1] == 0
    assert len(read_conllu(data_dir / "annotate" / "ru_tiny.conllu", limit=1)) == 1


def test_annotate_treebank_normalises_lemmas_for_comparison():
    assert norm_lemma("Ёлка") == norm_lemma("елка")
    assert norm_lemma("п’ять") == norm_lemma("п'ять") == norm_lemma("пʼять")


def test_annotate_treebank_tiny_ru_file(data_dir):
    r = evaluate_treebank(data_dir / "annotate" / "ru_tiny.conllu", "ru")
    assert set(r) == KEYS and r["tokens"] == 18
    assert r["lemma_acc"] >= 94 and r["upos_acc"] >= 88 and r["uas"] is not None
    errs = lemma_errors(data_dir / "annotate" / "ru_tiny.conllu", "ru")
    assert len(errs) <= 1


def test_annotate_treebank_without_parser_gives_null(data_dir):
    r = evaluate_treebank(data_dir / "annotate" / "ru_tiny.conllu", "ru", layers=("lemma", "morph"))
    assert r["uas"] is None and r["las"] is None and r["upos_acc"] is not None


def test_annotate_treebank_command_prints_json(data_dir, capsys):
    assert evaluate_treebank_main([str(data_dir / "annotate" / "ru_tiny.conllu"), "--lang", "ru"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == KEYS
    assert evaluate_treebank_main(["/no/such/file.conllu", "--lang", "ru"]) == 2


@pytest.mark.slow
@pytest.mark.parametrize("name, limit, lemma_floor, upos_floor", [
    ("ru_gsd-ud-dev.conllu", 200, 97.0, 94.0),
    ("ru_taiga-ud-dev.conllu", 300, 95.0, None),
    ("GramEval2020-RuEval2017-Lenta-news-dev.conllu", None, 98.0, 97.0),
    ("GramEval2020-SynTagRus-dev.conllu", None, 96.5, None),
])
def test_annotate_treebank_ru_dev_floors(name, limit, lemma_floor, upos_floor):
    path = shared_path("ud", name)
    r = evaluate_treebank(path, "ru", layers=("lemma", "morph"), limit=limit)
    assert r["lemma_acc"] >= lemma_floor, r
    if upos_floor is not None:
        assert r["upos_acc"] >= upos_floor, r
