"""FrameAxis bias and intensity (framing.frame_axes)."""

import numpy as np
import pandas as pd
import pytest

import framing
from framing._errors import OptionError
from framing.frame import word2vec_vectors


@pytest.fixture(scope="module")
def demo():
    return framing.annotate(framing.load_demo(), progress=False)


def test_planted_contrast_aggressor_axis(demo):
    """The Ukrainian outlet writing in Russian names Russia the aggressor ("страна-агрессор",
    "оккупанты"); the state agency does not: on the aggressor–victim axis its bias is the
    highest, above the null, and above the state agency's."""
    fa = framing.frame_axes(demo, n_boot=500, seed=1)
    agg = fa[fa["axis"] == "агрессор–жертва"].set_index("outlet")
    assert agg["bias"].idxmax() == "kyiv_vesti_ru"
    assert agg.loc["kyiv_vesti_ru", "bias_effect"] > 0 and agg.loc["kyiv_vesti_ru", "p_bias"] < 0.05
    assert agg.loc["kyiv_vesti_ru", "bias"] > agg.loc["vestnik_agency", "ci_upper"]
    assert agg.loc["kyiv_vesti_ru", "intensity_effect"] > 0
    # navec is Russian: the Ukrainian and English documents are left out and recorded
    probs = fa.attrs["problems"]
    assert probs["problem"].str.contains("navec vectors are Russian").sum() == (demo.docs["lang"] != "ru").sum()


def test_bias_is_the_mean_cosine_of_the_tokens():
    class Vec(dict):
        pass
    vectors = Vec({"хороший": np.array([1.0, 0.0]), "плохой": np.array([-1.0, 0.0]),
                   "дом": np.array([0.0, 1.0]), "пожар": np.array([-0.6, 0.8])})
    docs = pd.DataFrame({"doc_id": ["a", "b"], "text": ["Хороший дом.", "Пожар, плохой пожар."],
                         "lang": "ru", "outlet": ["A", "B"]})
    ann = framing.annotate(framing.Corpus.from_frame(docs), progress=False)
    fa = framing.frame_axes(ann, {"good": (["хороший"], ["плохой"])}, vectors=vectors, n_boot=50)
    bias = fa.set_index("outlet")["bias"]
    assert bias["A"] == pytest.approx((1.0 + 0.0) / 2)
    assert bias["B"] == pytest.approx((-0.6 - 1.0 - 0.6) / 3)


def test_word2vec_vectors_are_reproducible(demo):
    a = word2vec_vectors(demo, size=20, epochs=2, seed=3)
    b = word2vec_vectors(demo, size=20, epochs=2, seed=3)
    w = a.index_to_key[0]
    assert np.array_equal(a[w], b[w])
    fa = framing.frame_axes(demo, ["війна–мир"], vectors=a, n_boot=20)
    assert set(fa["outlet"]) == set(demo.docs["outlet"])


def test_options(demo):
    with pytest.raises(OptionError, match="two poles"):
        framing.frame_axes(demo, ["законный"])
    with pytest.raises(OptionError, match="vectors"):
        framing.frame_axes(demo, vectors="glove")
    with pytest.raises(OptionError, match="by="):
        framing.frame_axes(demo, by="channel")
    fa = framing.frame_axes(demo, {"x": (["несуществующееслово"], ["мир"])}, n_boot=20)
    assert fa.empty and fa.attrs["problems"]["problem"].str.contains("no vector").any()
