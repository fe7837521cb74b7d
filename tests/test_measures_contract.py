"""One contract for every measure (as scikit-learn's common estimator checks).

Each measure returns a DataFrame with its documented columns, keeps ``doc_id`` and
``outlet``, handles an empty document and an empty corpus, gives the same output
twice, and leaves its input unchanged.
"""

from __future__ import annotations

import importlib

import pandas as pd
import pytest

import framing
from conftest import DATA

# (name, module, function, columns constant, how to get a table from the result)
MEASURES = [
    ("actors", "framing.measures.actors", "actors", "ACTOR_MENTION_COLUMNS", lambda r: r.mentions),
    ("epithets", "framing.measures.epithets", "epithets", "EPITHET_COLUMNS", lambda r: r),
    ("naming", "framing.measures.naming", "naming", "NAMING_MENTION_COLUMNS", lambda r: r.mentions),
    ("contested_naming", "framing.measures.naming", "naming", "CONTESTED_HIT_COLUMNS", lambda r: r.contested_hits),
    ("attributions", "framing.measures.attribution", "attributions", "ATTRIBUTION_COLUMNS", lambda r: r),
]


def _measure(entry):
    name, module, func, cols, table = entry
    mod = importlib.import_module(module)
    return getattr(mod, func), list(getattr(mod, cols)), table


@pytest.fixture(scope="module")
def ann():
    return framing.Annotated.from_conllu(DATA / "contract.conllu")


def _empty_ann():
    from framing.annotate.annotated import empty_entities, empty_tokens

    corpus = framing.Corpus(pd.DataFrame({"doc_id": pd.Series(dtype=str), "text": pd.Series(dtype=str),
                                          "lang": pd.Series(dtype=str)}))
    return framing.Annotated(corpus, empty_tokens(), empty_entities())


def _snapshot(a):
    return a.tokens, a.entities, a.docs


@pytest.mark.parametrize("entry", MEASURES, ids=[m[0] for m in MEASURES])
def test_measures_contract_columns_ids_and_outlets(entry, ann):
    func, cols, table = _measure(entry)
    out = table(func(ann))
    assert isinstance(out, pd.DataFrame)
    assert list(out.columns[: len(cols)]) == cols
    assert {"doc_id", "outlet"} <= set(out.columns)
    known = dict(zip(ann.docs.doc_id, ann.docs.outlet))
    assert all(known[d] == o for d, o in zip(out.doc_id, out.outlet))
    assert "empty" not in set(out.doc_id)


@pytest.mark.parametrize("entry", MEASURES, ids=[m[0] for m in MEASURES])
def test_measures_contract_finds_something(entry, ann):
    func, cols, table = _measure(entry)
    assert len(table(func(ann))) > 0


@pytest.mark.parametrize("entry", MEASURES, ids=[m[0] for m in MEASURES])
def test_measures_contract_empty_corpus(entry):
    func, cols, table = _measure(entry)
    out = table(func(_empty_ann()))
    assert len(out) == 0 and list(out.columns[: len(cols)]) == cols


@pytest.mark.parametrize("entry", MEASURES, ids=[m[0] for m in MEASURES])
def test_measures_contract_deterministic_and_pure(entry, ann):
    func, cols, table = _measure(entry)
    before = _snapshot(ann)
    a = table(func(ann))
    b = table(func(ann))
    pd.testing.assert_frame_equal(a, b)
    for x, y in zip(before, _snapshot(ann)):
        pd.testing.assert_frame_equal(x, y)
