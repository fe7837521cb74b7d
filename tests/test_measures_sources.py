"""framing.measures.sources: share of voice, speaker types, verb classes, distancing rate."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from conftest import DATA
from framing import Annotated
from framing._errors import OptionError, SchemaError
from framing.measures.attribution import attributions
from framing.measures.sources import SOURCES_COLUMNS, UNATTRIBUTED, Sources, sources


def _table():
    # outlet A: 4 documents; Путин twice with "якобы", Зеленский never distanced
    rows = []
    for d in range(4):
        rows.append({"doc_id": f"a{d}", "outlet": "A", "actor": "Путин", "speaker_type": "person",
                     "verb_class": "neutral", "distancing": d < 2})
        rows.append({"doc_id": f"a{d}", "outlet": "A", "actor": "Зеленский", "speaker_type": "person",
                     "verb_class": "endorsing", "distancing": False})
    # outlet B: the other way round, plus an anonymous source and an unattributed report
    for d in range(3):
        rows.append({"doc_id": f"b{d}", "outlet": "B", "actor": "Зеленский", "speaker_type": "person",
                     "verb_class": "distancing", "distancing": True})
        rows.append({"doc_id": f"b{d}", "outlet": "B", "actor": "Путин", "speaker_type": "person",
                     "verb_class": "neutral", "distancing": False})
    rows.append({"doc_id": "b0", "outlet": "B", "actor": "anonymous", "speaker_type": "anonymous",
                 "verb_class": "neutral", "distancing": False})
    rows.append({"doc_id": "b1", "outlet": "B", "actor": "", "speaker_type": "unattributed",
                 "verb_class": "neutral", "distancing": False})
    return pd.DataFrame(rows)


def test_measures_sources_tables_and_columns():
    s = sources(_table())
    assert isinstance(s, Sources)
    for name, cols in SOURCES_COLUMNS.items():
        assert list(getattr(s, name).columns) == ["outlet" if c == "by" else c for c in cols]


def test_measures_sources_distancing_rate_per_actor_and_outlet():
    d = sources(_table(), n_boot=300).distancing.set_index(["outlet", "actor"])
    assert d.loc[("A", "Путин"), "rate"] == pytest.approx(0.5)
    assert d.loc[("A", "Зеленский"), "rate"] == 0.0
    assert d.loc[("B", "Зеленский"), "rate"] == 1.0
    assert d.loc[("A", "Путин"), "n_attributions"] == 4 and d.loc[("A", "Путин"), "n_distancing"] == 2
    lo, hi = d.loc[("A", "Путин"), ["ci_low", "ci_high"]]
    assert 0.0 <= lo <= 0.5 <= hi <= 1.0
    assert d.loc[("A", "Путин"), "n_docs"] == 4


def test_measures_sources_share_of_voice_sums_to_one():
    s = sources(_table(), n_boot=200)
    for _, g in s.voice.groupby("outlet"):
        assert g["share"].sum() == pytest.approx(1.0)
    assert UNATTRIBUTED in set(s.voice["actor"])
    t = s.speaker_types.set_index(["outlet", "speaker_type"])
    assert t.loc[("B", "anonymous"), "n_attributions"] == 1
    assert t.loc[("A", "person"), "share"] == 1.0


def test_measures_sources_verb_classes_within_actor():
    vc = sources(_table(), n_boot=100).verb_classes
    g = vc[(vc["outlet"] == "B") & (vc["actor"] == "Зеленский")]
    assert g["verb_class"].tolist() == ["distancing"] and g["share"].tolist() == [1.0]


def test_measures_sources_seeded_and_input_unchanged():
    t = _table()
    before = t.copy()
    a = sources(t, seed=3, n_boot=200)
    b = sources(t, seed=3, n_boot=200)
    for x, y in zip(a, b):
        pd.testing.assert_frame_equal(x, y)
    pd.testing.assert_frame_equal(t, before)


def test_measures_sources_other_grouping_and_markers_fallback():
    t = _table().drop(columns="distancing")
    t["markers"] = [["якобы"] if i % 3 == 0 else [] for i in range(len(t))]
    t["lang"] = "ru"
    s = sources(t, by="lang", n_boot=50)
    assert list(s.distancing.columns)[0] == "lang"
    assert s.distancing["n_distancing"].sum() == sum(1 for i in range(len(t)) if i % 3 == 0) + \
        sum(1 for i in range(len(t)) if i % 3 and _table()["verb_class"].iloc[i] == "distancing")


def test_measures_sources_empty_and_errors():
    empty = sources(attributions(Annotated.from_conllu("# newdoc id = d1\n")))
    for name, cols in SOURCES_COLUMNS.items():
        assert getattr(empty, name).empty
        assert list(getattr(empty, name).columns) == ["outlet" if c == "by" else c for c in cols]
    with pytest.raises(SchemaError):
        sources(_table(), by="published")
    with pytest.raises(OptionError):
        sources(_table(), n_boot=0)
    with pytest.raises(OptionError):
        sources("not a table")


def test_measures_sources_from_attributions_of_hand_built_cases():
    ann = Annotated.from_conllu(DATA / "measures" / "attribution_ru_patterns.conllu", lang="ru")
    s = sources(attributions(ann), n_boot=100)
    d = s.distancing.set_index(["outlet", "actor"])
    assert d.loc[("A", "Лавров"), "n_distancing"] == 1
    assert np.isclose(s.voice.groupby("outlet")["share"].sum(), 1.0).all()


def _classed():
    # one outlet, one actor: a particle, a scare quote, a distancing verb, an attribution phrase,
    # a legal label and a self-citation
    rows = [("d0", "Следствие", "neutral", ["якобы"], False), ("d1", "Следствие", "neutral", ["scare_quote"], False),
            ("d2", "Следствие", "distancing", [], False), ("d3", "Следствие", "distancing", ["по версии"], False),
            ("d4", "Следствие", "neutral", ["legal_label"], False), ("d5", "Следствие", "neutral", [], False),
            ("d6", "SHOT", "neutral", [], True)]
    return pd.DataFrame([{"doc_id": d, "outlet": "SHOT", "actor": a, "speaker_type": "organisation",
                          "verb_class": v, "markers": m, "self_citation": s} for d, a, v, m, s in rows])


def test_measures_sources_marker_classes_apart_and_default_rate():
    d = sources(_classed(), n_boot=50).distancing.set_index("actor")
    r = d.loc["Следствие"]
    assert r["n_attributions"] == 6 and r["n_distancing"] == 3        # verb, particle, scare quote
    assert (r["n_verb"], r["n_particle"], r["n_scare_quote"], r["n_institutional"], r["n_legal_label"]) \
        == (1, 1, 1, 1, 1)
    every = sources(_classed(), n_boot=50, distancing=["verb", "particle", "scare_quote", "institutional",
                                                       "legal_label"]).distancing.set_index("actor")
    assert every.loc["Следствие", "n_distancing"] == 5
    with pytest.raises(OptionError, match="marker classes"):
        sources(_classed(), distancing=["irony"])


def test_measures_sources_self_citation_left_out_by_default():
    s = sources(_classed(), n_boot=50)
    assert "SHOT" not in set(s.voice["actor"]) and s.voice["n_total"].iloc[0] == 6
    s = sources(_classed(), n_boot=50, self_citation="include")
    v = s.voice.set_index("actor")
    assert v.loc["SHOT", "n_attributions"] == 1 and v.loc["SHOT", "n_total"] == 7
    assert v.loc["SHOT", "share"] == pytest.approx(1 / 7)


def test_measures_sources_low_counts_marked():
    s = sources(_classed(), n_boot=50)
    assert s.voice["low_n"].all() and s.distancing["low_n"].all()       # 6 attributions < 10
    s = sources(_classed(), n_boot=50, min_n=5)
    assert not s.voice["low_n"].any() and not s.verb_classes["low_n"].any()
    assert (s.verb_classes["n_total"] == 6).all()
