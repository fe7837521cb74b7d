"""Keyness reproduces the published formulas on a small example computed by hand."""

from __future__ import annotations

import math

import pandas as pd
import pytest

import framing
from framing._errors import OptionError


def _table():
    # outlet A: война ×3, операция ×1 ; outlet B: война ×1, операция ×3
    rows = ([("a1", "A", "война")] * 2 + [("a2", "A", "война"), ("a2", "A", "операция")]
            + [("b1", "B", "операция")] * 3 + [("b1", "B", "война")])
    return pd.DataFrame(rows, columns=["doc_id", "outlet", "lemma"])


def test_keyness_log_odds_matches_hand_computation():
    k = framing.keyness(_table(), by="outlet", unit="lemma")
    row = k[(k.group == "A") & (k.reference == "rest") & (k.term == "война")].iloc[0]
    # Monroe et al. (2008) eq. 16 with alpha_w = pooled counts (4, 4), alpha_0 = 8:
    # delta = log((3+4)/(4+8-3-4)) - log((1+4)/(4+8-1-4)) = log(7/5) - log(5/7)
    delta = math.log(7 / 5) - math.log(5 / 7)
    var = 1 / 7 + 1 / 5          # eq. 20: 1/(y_i + a) + 1/(y_j + a)
    assert row.score == pytest.approx(delta, abs=1e-9)
    assert row.z == pytest.approx(delta / math.sqrt(var), abs=1e-9)
    assert row["count"] == 3 and row.count_reference == 1
    assert row.per_1000 == pytest.approx(750.0)
    other = k[(k.group == "B") & (k.term == "война")].iloc[0]
    assert other.z == pytest.approx(-delta / math.sqrt(var), abs=1e-9)


def test_keyness_uniform_prior_matches_hand_computation():
    k = framing.keyness(_table(), by="outlet", unit="lemma", prior="uniform")
    row = k[(k.group == "A") & (k.term == "война")].iloc[0]
    a, a0 = 0.01, 0.02
    delta = math.log((3 + a) / (4 + a0 - 3 - a)) - math.log((1 + a) / (4 + a0 - 1 - a))
    assert row.score == pytest.approx(delta, abs=1e-9)
    assert row.z == pytest.approx(delta / math.sqrt(1 / (3 + a) + 1 / (1 + a)), abs=1e-9)


def test_keyness_chi2_and_log_likelihood_match_hand_computation():
    # 2x2 table for война: [[3, 1], [1, 3]], n = 8, every expected count 2
    chi2 = 4 * (1 ** 2 / 2)
    g2 = 2 * (3 * math.log(3 / 2) * 2 + 1 * math.log(1 / 2) * 2)
    k = framing.keyness(_table(), by="outlet", unit="lemma", method="chi2")
    row = k[(k.group == "A") & (k.term == "война")].iloc[0]
    assert row.score == pytest.approx(chi2, abs=1e-9)
    assert row.z == pytest.approx(math.sqrt(chi2), abs=1e-9)
    k = framing.keyness(_table(), by="outlet", unit="lemma", method="log_likelihood")
    row = k[(k.group == "A") & (k.term == "война")].iloc[0]
    assert row.score == pytest.approx(g2, abs=1e-9)


def test_keyness_pairwise_and_options():
    k = framing.keyness(_table(), by="outlet", unit="lemma", pairwise=True)
    assert set(k.reference) == {"rest", "A", "B"}
    with pytest.raises(OptionError, match="method"):
        framing.keyness(_table(), method="tfidf", unit="lemma")


def test_keyness_on_annotation_counts_lemmas():
    ann = framing.Annotated.from_conllu(
        "# newdoc id = d1\n# outlet = A\n"
        "1\tВойна\tвойна\tNOUN\t_\t_\t0\troot\t_\tSpaceAfter=No\n2\t.\t.\tPUNCT\t_\t_\t1\tpunct\t_\t_\n\n"
        "# newdoc id = d2\n# outlet = B\n"
        "1\tОперация\tоперация\tNOUN\t_\t_\t0\troot\t_\t_\n")
    k = framing.keyness(ann, by="outlet")
    assert set(k.term) == {"война", "операция"}     # punctuation excluded
    assert k[(k.group == "A")].iloc[0].term == "война"


def test_keyness_bigrams_stay_within_sentences():
    ann = framing.Annotated.from_conllu(
        "# newdoc id = d1\n# outlet = A\n1\tа\tа\tNOUN\t_\t_\t0\troot\t_\t_\n2\tб\tб\tNOUN\t_\t_\t1\tnmod\t_\t_\n\n"
        "1\tв\tв\tNOUN\t_\t_\t0\troot\t_\t_\n\n# newdoc id = d2\n# outlet = B\n1\tг\tг\tNOUN\t_\t_\t0\troot\t_\t_\n"
        "2\tд\tд\tNOUN\t_\t_\t1\tnmod\t_\t_\n")
    k = framing.keyness(ann, unit="bigram")
    assert set(k.term) == {"а б", "г д"}
