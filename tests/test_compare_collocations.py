"""Collocations per outlet with nltk's association measures."""

from __future__ import annotations

import pytest

import framing
from framing._errors import OptionError
from test_compare_kwic import CONLLU


def test_collocations_per_outlet():
    ann = framing.Annotated.from_conllu(CONLLU)
    c = framing.collocations(ann, min_freq=1, measure="pmi")
    assert ("киевский", "режим") in set(zip(c.w1, c.w2))
    assert set(c.group) == {"A", "B"}


def test_collocations_node_and_options():
    ann = framing.Annotated.from_conllu(CONLLU)
    c = framing.collocations(ann, min_freq=1, node="режим")
    assert all("режим" in (a, b) for a, b in zip(c.w1, c.w2)) and len(c) == 1
    with pytest.raises(OptionError, match="measure"):
        framing.collocations(ann, measure="magic")


def test_collocations_freq_stays_integer_when_a_group_has_no_pair():
    # outlet B has no pair with "режим": its empty frame once turned freq into float
    ann = framing.Annotated.from_conllu(CONLLU)
    c = framing.collocations(ann, min_freq=1, node="режим")
    assert c["freq"].tolist() == [1] and c["freq"].dtype.kind == "i"
