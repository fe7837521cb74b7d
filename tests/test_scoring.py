"""Clustering scores against hand-computed values."""

from __future__ import annotations

import pytest

from framing._scoring import bcubed, pairwise_scores


def test_scoring_bcubed_hand_example():
    # gold: a a b ; pred: 1 1 1 -> precision per item 2/3, 2/3, 1/3 ; recall 1, 1, 1
    p, r, f = bcubed(["a", "a", "b"], [1, 1, 1])
    assert p == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)
    assert r == pytest.approx(1.0)
    assert f == pytest.approx(2 * p * r / (p + r))
    assert bcubed(["a", "b"], [1, 2]) == (1.0, 1.0, 1.0)


def test_scoring_pairwise_hand_example():
    # gold pairs together: (0,1) ; predicted together: (0,1), (0,2), (1,2)
    p, r, f = pairwise_scores(["a", "a", "b"], [1, 1, 1])
    assert (p, r) == (pytest.approx(1 / 3), 1.0)
