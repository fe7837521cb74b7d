"""framing.measure: each measure computed once, in dependency order, equal to calling them by hand."""

from __future__ import annotations

import functools
import importlib

import pandas as pd
import pytest

import framing
from framing._errors import OptionError
from framing.measures import runner

ALL = ["actors", "epithets", "naming", "attributions", "sources"]
MODULES = {"actors": "framing.measures.actors", "epithets": "framing.measures.epithets",
           "naming": "framing.measures.naming", "attributions": "framing.measures.attribution",
           "sources": "framing.measures.sources"}


@pytest.fixture(scope="module")
def ann():
    return framing.annotate(framing.load_demo(), progress=False)


@pytest.fixture(scope="module")
def by_hand(ann):
    acts = framing.actors(ann)
    eps = framing.epithets(ann, actors=acts)
    att = framing.attributions(ann, actors=acts)
    return {"actors": acts, "epithets": eps, "naming": framing.naming(ann, actors=acts, epithets=eps),
            "attributions": att, "sources": framing.sources(att, n_boot=100)}


@pytest.fixture
def calls(monkeypatch):
    """Count the calls of each measure, hidden ones included (the measures look each other up by module)."""
    log = []
    for name, module in MODULES.items():
        mod = importlib.import_module(module)
        real = getattr(mod, name)

        @functools.wraps(real)  # keeps the signature the runner checks options against
        def counted(*args, _real=real, _name=name, **kwargs):
            log.append(_name)
            return _real(*args, **kwargs)

        monkeypatch.setattr(mod, name, counted)
    return log


def _tables(result) -> dict:
    """Every table of a measure's result (a named tuple of tables or one table)."""
    return result._asdict() if hasattr(result, "_asdict") else {"table": result}


def test_measure_computes_each_once_in_dependency_order(ann, calls):
    res = framing.measure(ann, options={"sources": {"n_boot": 100}})
    assert calls == ALL
    assert res.names == ALL
    for name in ALL:
        for dep in runner.DEPENDS[name]:
            assert calls.index(dep) < calls.index(name)


def test_measure_computes_only_what_is_needed(ann, calls):
    res = framing.measure(ann, "epithets")
    assert calls == ["actors", "epithets"]
    assert res.names == ["actors", "epithets"]
    with pytest.raises(AttributeError, match="naming"):
        res.naming


def test_measure_equals_the_measures_by_hand(ann, by_hand):
    res = framing.measure(ann, ALL, options={"sources": {"n_boot": 100}})
    for name in ALL:
        got, want = _tables(res[name]), _tables(by_hand[name])
        assert list(got) == list(want), name
        for key in want:
            pd.testing.assert_frame_equal(got[key], want[key], obj=f"{name}.{key}")
    assert res.sources is res["sources"]


def test_measure_given_results_are_used_not_computed(ann, by_hand, calls):
    res = framing.measure(ann, ["naming"], given={"actors": by_hand["actors"]})
    assert calls == ["epithets", "naming"]
    assert res.actors is by_hand["actors"]
    pd.testing.assert_frame_equal(res.naming.forms, by_hand["naming"].forms)


def test_measure_passes_options_to_their_measure(ann, monkeypatch):
    import framing.measures.sources as S

    seen = []
    real = S.sources

    @functools.wraps(real)
    def spy(att, **kw):
        seen.append(kw)
        return real(att, **kw)

    monkeypatch.setattr(S, "sources", spy)
    res = framing.measure(ann, ["sources"], options={"sources": {"n_boot": 50, "seed": 3},
                                                     "attributions": {"verbs": "default"}})
    assert seen == [{"n_boot": 50, "seed": 3}]
    want = real(res.attributions, n_boot=50, seed=3)
    pd.testing.assert_frame_equal(res.sources.voice, want.voice)


def test_measure_unknown_names_and_options_are_clear(ann):
    with pytest.raises(OptionError, match="'actors', 'epithets', 'naming', 'attributions', 'sources'"):
        framing.measure(ann, ["actors", "framez"])
    with pytest.raises(OptionError, match="options"):
        framing.measure(ann, ["sources"], options={"sources": {"nboot": 10}})
    with pytest.raises(OptionError, match="does not take"):
        framing.measure(ann, ["epithets"], options={"epithets": {"actors": None}})
    with pytest.raises(OptionError, match="framez"):
        framing.measure(ann, ["actors"], options={"framez": {}})
    with pytest.raises(OptionError, match="empty"):
        framing.measure(ann, [])
    with pytest.raises(OptionError, match="options"):
        framing.measure(ann, ["actors"], options=[("actors", {})])


def test_measure_result_shows_its_tables(ann):
    res = framing.measure(ann, ["actors"])
    assert "actors" in res and len(res) == 1 and list(res) == ["actors"]
    assert repr(res).startswith("<Measures: actors")
    html = res._repr_html_()
    assert "<code>actors</code>" in html
    with pytest.raises(AttributeError):
        res.actors = None
    with pytest.raises(KeyError, match="holds"):
        res["sources"]


def test_measure_order_reads_before_readers():
    assert runner.order(["sources", "naming"]) == ["actors", "attributions", "sources", "epithets", "naming"]
    assert runner.order(["actors", "actors"]) == ["actors"]
    assert runner.order(["sources"], given={"attributions"}) == ["attributions", "sources"]


def test_measure_given_result_needs_nothing_it_reads(ann, by_hand, calls):
    """A given result's own reads are not computed: no measure runs that nothing asked for."""
    res = framing.measure(ann, ["sources"], given={"attributions": by_hand["attributions"]},
                          options={"sources": {"n_boot": 100}})
    assert calls == ["sources"]
    assert res.names == ["attributions", "sources"]


def test_measure_errors_record_keeps_the_others(ann, calls, monkeypatch):
    """errors="record": a measure that raises is kept in .failed, its readers left out, the rest computed."""
    import framing.measures.epithets as E

    monkeypatch.delenv("FRAMING_STRICT", raising=False)

    @functools.wraps(E.epithets)
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(E, "epithets", broken)
    res = framing.measure(ann, ["naming", "attributions"], errors="record")
    assert res.names == ["actors", "attributions"]
    assert isinstance(res.failed["epithets"], RuntimeError)
    assert res.failed["naming"] == "the epithets measure did not run"
    with pytest.raises(RuntimeError, match="boom"):
        framing.measure(ann, ["naming"], given={"actors": res.actors})
    monkeypatch.setenv("FRAMING_STRICT", "1")
    with pytest.raises(RuntimeError, match="boom"):
        framing.measure(ann, ["naming"], given={"actors": res.actors}, errors="record")
    with pytest.raises(OptionError, match="errors"):
        framing.measure(ann, ["actors"], errors="ignore")


@pytest.mark.parametrize("name", ALL)
def test_no_measure_calls_a_measure_it_was_given(ann, by_hand, calls, name):
    """Issue #14: no measure calls another measure it was not given: with what it reads given, only it runs."""
    given = {dep: by_hand[dep] for dep in runner.DEPENDS[name]}
    options = {"sources": {"n_boot": 100}} if name == "sources" else None
    res = framing.measure(ann, [name], given=given, options=options)
    assert calls == [name]
    assert res.names == [*runner.DEPENDS[name], name]
