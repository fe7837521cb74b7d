"""Rates: ratios of sums over documents, seeded bootstrap intervals, permutation tests."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import framing


def _att():
    rows = []
    for i in range(20):
        rows.append({"doc_id": f"a{i}", "outlet": "A", "actor": "Путин", "distancing": i % 4 == 0})
        rows.append({"doc_id": f"b{i}", "outlet": "B", "actor": "Путин", "distancing": i % 4 != 0})
    return pd.DataFrame(rows)


def test_rates_share_with_intervals_and_test():
    att = _att()
    before = att.copy()
    r = framing.rates(att, by="outlet", within="actor", per="distancing", seed=3, versus="rest")
    pd.testing.assert_frame_equal(att, before)
    a = r[r.outlet == "A"].iloc[0]
    assert a.rate == pytest.approx(5 / 20)
    assert a.ci_low <= a.rate <= a.ci_high
    assert a.p_value < 0.01
    assert a["diff"] == pytest.approx(5 / 20 - 15 / 20)
    again = framing.rates(att, by="outlet", within="actor", per="distancing", seed=3, versus="rest")
    pd.testing.assert_frame_equal(r, again)


def test_rates_per_tokens_counts_documents_without_rows():
    ann = framing.Annotated.from_conllu(
        "# newdoc id = d1\n# outlet = A\n1\tx\tx\tNOUN\t_\t_\t0\troot\t_\t_\n2\ty\ty\tNOUN\t_\t_\t1\tnmod\t_\t_\n\n"
        "# newdoc id = d2\n# outlet = A\n1\tz\tz\tNOUN\t_\t_\t0\troot\t_\t_\n2\tw\tw\tNOUN\t_\t_\t1\tnmod\t_\t_\n")
    table = pd.DataFrame({"doc_id": ["d1"], "outlet": ["A"]})
    r = framing.rates(table, ann=ann, per="tokens", seed=0)
    assert r.iloc[0]["count"] == 1 and r.iloc[0].exposure == 4
    assert r.iloc[0].rate == pytest.approx(250.0)
    assert r.iloc[0].n_docs == 2


def test_rates_per_tokens_needs_annotation():
    with pytest.raises(ValueError, match="ann"):
        framing.rates(_att(), per="tokens")


def test_rates_bootstrap_interval_covers_truth_mostly():
    rng = np.random.default_rng(0)
    hits = 0
    for rep in range(40):
        flags = rng.random(200) < 0.3
        t = pd.DataFrame({"doc_id": [f"d{i}" for i in range(200)], "outlet": "A", "f": flags})
        r = framing.rates(t, per="f", n_boot=500, seed=rep).iloc[0]
        hits += r.ci_low <= 0.3 <= r.ci_high
    assert hits >= 33          # nominal 95%: at least ~83% of 40 intervals
