"""framing.compare and Comparison (framing/compare/comparison.py), on a hand-built corpus and measure tables."""

from __future__ import annotations

import warnings
from types import SimpleNamespace

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import framing  # noqa: E402
from framing._errors import OptionError  # noqa: E402
from framing.compare import comparison as C  # noqa: E402

from conftest import DATA  # noqa: E402

CONLLU = DATA / "compare" / "three_outlets.conllu"
EVENTS = {"d1": "A", "d2": "A", "d3": "A", "d4": "B"}
PUBLISHED = {"d1": "2025-11-03T09:00Z", "d2": "2025-11-03T11:30Z", "d3": "2025-11-03T10:00Z",
             "d4": "2025-11-05T08:00Z"}


def _ann():
    base = framing.Annotated.from_conllu(CONLLU)
    d = base.docs
    corpus = base.corpus.with_columns(event=d["doc_id"].map(EVENTS).to_numpy(),
                                      published=pd.to_datetime(d["doc_id"].map(PUBLISHED), utc=True).to_numpy())
    return type(base)(corpus, base.tokens, base.entities, capabilities=base.capabilities)


def _off(ann, doc_id, s, nth=0):
    text = ann.corpus[doc_id]["text"]
    i = -1
    for _ in range(nth + 1):
        i = text.index(s, i + 1)
    return i, i + len(s)


def _tables(ann):
    """Hand-built actors, epithets, naming and attributions for the three-outlet corpus."""
    outlet = dict(zip(ann.docs["doc_id"], ann.docs["outlet"]))
    m = []
    for doc, sent, text, actor, typ in [("d1", 1, "Зеленский", "Зеленский", "PER"), ("d1", 1, "Киев", "Киев", "LOC"),
                                        ("d1", 2, "Песков", "Песков", "PER"),
                                        ("d2", 1, "Владимир Зеленский", "Зеленский", "PER"),
                                        ("d2", 1, "Киев", "Киев", "LOC"), ("d3", 1, "Зеленский", "Зеленский", "PER"),
                                        ("d3", 1, "Киев", "Киев", "LOC"), ("d4", 1, "Песков", "Песков", "PER")]:
        s, e = _off(ann, doc, text)
        m.append(dict(doc_id=doc, outlet=outlet[doc], sent_id=sent, start_tok=1, end_tok=1, start=s, end=e,
                      text=text, type=typ, normal=text, actor=actor, link="normal"))
    actors = SimpleNamespace(mentions=pd.DataFrame(m), table=pd.DataFrame())
    ep = []
    for doc, text, lemma, kind, pol in [("d1", "Нелегитимный", "нелегитимный", "adjective", -0.8),
                                        ("d2", "Президент Украины", "президент украина", "title", 0.0),
                                        ("d3", "Диктатор", "диктатор", "title", -1.0)]:
        s, e = _off(ann, doc, text)
        ep.append(dict(doc_id=doc, outlet=outlet[doc], sent_id=1, actor="Зеленский", mention="Зеленский",
                       epithet=text, epithet_lemma=lemma, kind=kind, polarity=pol, evaluative=abs(pol) >= 0.3,
                       start=s, end=e))
    epithets = pd.DataFrame(ep)
    forms = pd.DataFrame([dict(doc_id=d, outlet=outlet[d], sent_id=1, actor="Зеленский", text=t, form=f, variant=v,
                               start=0, end=1)
                          for d, t, f, v in [("d1", "Зеленский", "epithet_title_name", "нелегитимный зеленский"),
                                             ("d2", "Владимир Зеленский", "title_name", "президент зеленский"),
                                             ("d3", "Зеленский", "epithet_title_name", "диктатор зеленский")]])
    a = []
    for doc, sent, verb, lemma, cls, content, markers, actor in [
            ("d1", 1, "заявил", "заявить", "neutral", "Киев победит", ["якобы"], "Зеленский"),
            ("d1", 2, "сообщил", "сообщить", "neutral", "", [], "Песков"),
            ("d2", 1, "сообщил", "сообщить", "neutral", "Киев победит", [], "Зеленский"),
            ("d3", 1, "заявил", "заявить", "neutral", "Киев победит", [], "Зеленский"),
            ("d4", 1, "заявил", "заявить", "neutral", "переговоры продолжатся", [], "Песков")]:
        cs, ce = _off(ann, doc, verb)
        qs, qe = _off(ann, doc, content) if content else (-1, -1)
        a.append(dict(doc_id=doc, outlet=outlet[doc], sent_id=sent, speaker=actor, actor=actor,
                      speaker_type="person", verb=verb, verb_lemma=lemma, verb_class=cls,
                      quote_type="indirect" if content else "none", content=content, content_start=qs,
                      content_end=qe, markers=markers, negated=False, distancing=bool(markers),
                      cue_start=cs, cue_end=ce))
    attributions = pd.DataFrame(a)
    return actors, epithets, forms, attributions


def _compare(**kw):
    ann = _ann()
    actors, epithets, forms, att = _tables(ann)
    kw.setdefault("sources", SimpleNamespace(voice=pd.DataFrame(columns=["outlet", "actor", "share"]),
                                             distancing=pd.DataFrame()))
    return ann, C.compare(ann, actors=actors, epithets=epithets, naming=forms, attributions=att, n_boot=200, **kw)


def test_compare_comparison_summary_is_tidy():
    _, comp = _compare()
    s = comp.summary()
    assert list(s.columns) == ["outlet"] + C.SUMMARY_COLUMNS
    assert set(s["outlet"]) == {"alpha", "beta", "gamma"}
    docs = s[s["measure"] == "documents"].set_index("outlet")["value"]
    assert docs.to_dict() == {"alpha": 2, "beta": 1, "gamma": 1}
    # distancing: alpha has 1 of 3 attributions with a marker, the others none
    dist = s[(s["measure"] == "distancing_rate") & s["actor"].isna()].set_index("outlet")
    assert dist.loc["alpha", "value"] == pytest.approx(1 / 3)
    assert dist.loc["alpha", "n"] == 3
    assert dist.loc["beta", "value"] == 0
    # epithet polarity of Зеленский per outlet, from the hand-built lexicon scores
    pol = s[s["measure"] == "epithet_polarity"].set_index("outlet")["value"]
    assert pol.to_dict() == pytest.approx({"alpha": -0.8, "beta": 0.0, "gamma": -1.0})
    # naming forms counted per outlet from the mentions
    nf = s[s["measure"] == "naming_form"]
    assert set(nf["item"]) == {"epithet_title_name", "title_name"}
    assert (nf["value"] == 1.0).all()
    assert {"events_covered", "first_reports", "verb_class", "distinctive_term", "evaluative_share"} <= set(s["measure"])


def test_compare_comparison_coverage_per_event():
    _, comp = _compare()
    cov = comp.coverage.set_index(["outlet", "event"])
    assert cov.loc[("alpha", "A"), "lag_h"] == 0 and bool(cov.loc[("alpha", "A"), "first"])
    assert cov.loc[("gamma", "A"), "lag_h"] == pytest.approx(1.0)
    assert cov.loc[("beta", "A"), "lag_h"] == pytest.approx(2.5)
    assert cov.loc[("alpha", "B"), "n_docs"] == 1
    ev = comp.events
    assert ev["event"].tolist() == ["A", "B"] and ev.loc[0, "n_groups"] == 3 and ev.loc[0, "first_group"] == "alpha"
    s = comp.summary()
    covered = s[s["measure"] == "events_covered"].set_index("outlet")
    assert covered.loc["alpha", "value"] == 2 and covered.loc["beta", "value"] == 1 and covered.loc["beta", "n"] == 2


def test_compare_comparison_event_restricts_every_table():
    _, comp = _compare(event="A")
    assert set(comp.docs["doc_id"]) == {"d1", "d2", "d3"}
    assert set(comp.coverage["event"]) == {"A"}
    assert "d4" not in set(comp.attributions["doc_id"])
    assert comp.attributions.groupby("outlet").size()["alpha"] == 2
    with pytest.raises(OptionError, match="no event"):
        _compare(event="Z")


def test_compare_comparison_outlets_and_dates_select_without_annotating_again():
    ann, comp = _compare(outlets=["alpha", "beta"], end="2025-11-04")
    kept = ann.select(outlets=["alpha", "beta"], end="2025-11-04")
    assert comp.groups == ["alpha", "beta"] and set(comp.docs["doc_id"]) == set(kept.docs["doc_id"])
    assert set(comp.attributions["doc_id"]) <= set(kept.docs["doc_id"])
    actors, epithets, forms, att = _tables(ann)  # measured on the whole corpus; compare keeps what it compares
    same = C.compare(kept, actors=actors, epithets=epithets, naming=forms, attributions=att, n_boot=200,
                     sources=SimpleNamespace(voice=pd.DataFrame(columns=["outlet", "actor", "share"]),
                                             distancing=pd.DataFrame()))
    pd.testing.assert_frame_equal(comp.summary(), same.summary())
    with pytest.raises(OptionError, match="no such outlet"):
        _compare(outlets="delta")
    with pytest.raises(OptionError, match="start=5"):
        _compare(start=5)


def test_compare_comparison_group_events_when_no_event_column():
    ann = framing.Annotated.from_conllu(CONLLU)
    actors, epithets, forms, att = _tables(ann)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        comp = C.compare(ann, actors=actors, epithets=epithets, naming=forms, attributions=att, n_boot=50)
    assert comp.event_col == "event_id"
    assert any("group_events" in n for n in comp.notes)
    comp2 = C.compare(ann, events=None, actors=actors, epithets=epithets, naming=forms, attributions=att, n_boot=50)
    assert comp2.event_col is None and comp2.coverage["event"].isna().all()


def _fail_measure(monkeypatch, name):
    """Make framing.measure's ``name`` raise as if its module were missing (keeping its signature)."""
    import functools
    import importlib

    from framing.measures import plan as runner

    mod = importlib.import_module(runner._MODULES[name])
    real = getattr(mod, name)

    @functools.wraps(real)
    def broken(*args, **kwargs):
        raise ModuleNotFoundError(f"No module named 'framing.measures.{name}'")

    monkeypatch.setattr(mod, name, broken)


def test_compare_comparison_degrades_with_notes(monkeypatch):
    monkeypatch.delenv("FRAMING_STRICT", raising=False)   # the notes, not the strict test mode
    _fail_measure(monkeypatch, "attributions")
    ann = _ann()
    actors, epithets, forms, _ = _tables(ann)
    with pytest.warns(RuntimeWarning, match="attributions unavailable"):
        comp = C.compare(ann, actors=actors, epithets=epithets, naming=forms, n_boot=50)
    assert any(n.startswith("attributions unavailable: ModuleNotFoundError") for n in comp.notes)
    assert comp.attributions.empty and comp.distancing.empty
    s = comp.summary()
    assert not s["measure"].isin(["distancing_rate", "verb_class", "share_of_voice"]).any()
    assert s["measure"].isin(["epithet_polarity"]).any()   # the other measures are still there
    ax = comp.plot("verb_classes")
    assert "attributions unavailable" in ax.texts[0].get_text()
    html = comp._repr_html_()
    assert "attributions unavailable" in html


def test_compare_comparison_strict_mode_raises_a_failing_measure(monkeypatch):
    monkeypatch.setenv("FRAMING_STRICT", "1")
    _fail_measure(monkeypatch, "attributions")
    ann = _ann()
    actors, epithets, forms, _ = _tables(ann)
    with pytest.raises(ModuleNotFoundError, match="attribution"):
        C.compare(ann, actors=actors, epithets=epithets, naming=forms, n_boot=50)


def test_compare_comparison_failed_measure_leaves_out_its_readers(monkeypatch):
    """actors failing: the measures that read it are not computed (named in notes); coverage stays."""
    monkeypatch.delenv("FRAMING_STRICT", raising=False)
    _fail_measure(monkeypatch, "actors")
    ann = _ann()
    with pytest.warns(RuntimeWarning, match="actors unavailable"):
        comp = C.compare(ann, n_boot=50, frames=None)
    assert comp.notes[:1] == [n for n in comp.notes if n.startswith("actors unavailable: ModuleNotFoundError")]
    for name in ("epithets", "naming", "attributions", "sources"):
        assert any(n.startswith(f"{name} unavailable: the ") and "did not run" in n for n in comp.notes), name
    assert comp.epithets.empty and comp.attributions.empty and len(comp.coverage)


def test_compare_comparison_computes_each_measure_once(monkeypatch):
    """compare() runs the measures through framing.measure: each once, the ones given not at all."""
    import functools
    import importlib

    from framing.measures import plan as runner

    calls = []
    for name, module in runner._MODULES.items():
        mod = importlib.import_module(module)

        @functools.wraps(getattr(mod, name))
        def counted(*args, _real=getattr(mod, name), _name=name, **kwargs):
            calls.append(_name)
            return _real(*args, **kwargs)

        monkeypatch.setattr(mod, name, counted)
    ann = _ann()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        C.compare(ann, n_boot=50, frames=None)
    assert sorted(calls) == sorted(runner.DEPENDS), calls
    acts = framing.actors(ann)
    att = _tables(ann)[3]
    calls.clear()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        C.compare(ann, actors=acts, attributions=att, n_boot=50, frames=None)
    assert calls == ["epithets", "naming", "sources"]


def test_compare_comparison_takes_the_runners_result():
    """given=framing.measure(...) equals passing each result by name; nothing is computed again."""
    ann = _ann()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = framing.measure(ann, ["naming", "attributions"])
        a = C.compare(ann, given=res, n_boot=50, frames=None)
        b = C.compare(ann, actors=res.actors, epithets=res.epithets, naming=res.naming,
                      attributions=res.attributions, n_boot=50, frames=None)
    pd.testing.assert_frame_equal(a.summary(), b.summary())
    assert a.notes == b.notes
    with pytest.raises(OptionError, match="both"):
        C.compare(ann, given=res, actors=res.actors)
    with pytest.raises(OptionError, match="framez"):
        C.compare(ann, given={"framez": None})


def test_compare_comparison_runs_the_measures():
    """With nothing precomputed the measures run; whatever cannot run is named in notes."""
    ann = _ann()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        comp = C.compare(ann, n_boot=50)
    for table, measure in [(comp.epithets, "epithets"), (comp.attributions, "attributions"),
                           (comp.naming, "naming")]:
        assert len(table) or any(n.startswith(measure) for n in comp.notes), measure
    assert len(comp.summary())


def test_compare_comparison_other_group_column():
    ann = _ann()
    ann = type(ann)(ann.corpus.with_columns(camp=ann.docs["outlet"].map({"alpha": "x", "beta": "y", "gamma": "y"})
                                           .to_numpy()), ann.tokens, ann.entities, capabilities=ann.capabilities)
    actors, epithets, forms, att = _tables(ann)
    comp = C.compare(ann, by="camp", actors=actors, epithets=epithets, naming=forms, attributions=att, n_boot=50,
                     sources=SimpleNamespace(voice=pd.DataFrame(columns=["camp", "actor", "share"]),
                                             distancing=pd.DataFrame()))
    s = comp.summary()
    assert s.columns[0] == "camp" and set(s["camp"]) == {"x", "y"}
    dist = s[(s["measure"] == "distancing_rate") & s["actor"].isna()].set_index("camp")["value"]
    assert dist["y"] == 0 and dist["x"] == pytest.approx(1 / 3)
    assert set(comp.naming["camp"]) == {"x", "y"}


def test_compare_comparison_same_seed_same_numbers():
    _, a = _compare(seed=3)
    _, b = _compare(seed=3)
    pd.testing.assert_frame_equal(a.summary(), b.summary())


def test_compare_comparison_checks_options():
    ann = _ann()
    with pytest.raises(OptionError, match="n_boot"):
        C.compare(ann, n_boot=1)
    with pytest.raises(framing._errors.SchemaError, match="nope"):
        C.compare(ann, by="nope")
    with pytest.raises(OptionError, match="Annotated"):
        C.compare(ann.docs)


def test_compare_comparison_repr_html_side_by_side():
    _, comp = _compare()
    html = comp._repr_html_()
    for g in ("alpha", "beta", "gamma"):
        assert f"<th>{g}</th>" in html
    assert "нелегитимный" in html and "Distancing" in html
    wide = comp.wide()
    assert list(wide.columns) == ["alpha", "beta", "gamma"] and "Epithets" in wide.index
    assert "<Comparison by 'outlet'" in repr(comp)


def test_compare_comparison_writes_csv_and_figures(tmp_path):
    _, comp = _compare()
    files = comp.to_csv(tmp_path)
    assert {"summary", "coverage", "attributions", "distancing"} <= set(files)
    att = pd.read_csv(files["attributions"])
    assert att.loc[att["doc_id"] == "d1", "markers"].iloc[0] == "якобы"
    only = comp.to_csv(tmp_path / "x", prefix="", include=("summary",))
    assert [p.name for p in only.values()] == ["summary.csv"]
    figs = comp.save_figures(tmp_path, dpi=60)
    assert {"verb_classes", "epithet_polarity", "naming_forms", "coverage"} <= set(figs)
    assert any(k.startswith("fightin_words_") for k in figs)
    for p in figs.values():
        assert p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("kind", C.PLOT_KINDS)
def test_compare_comparison_plot_kinds(kind):
    import matplotlib.pyplot as plt

    _, comp = _compare()
    ax = comp.plot(kind)
    assert isinstance(ax, matplotlib.axes.Axes)
    plt.close(ax.figure)


def test_compare_comparison_polarity_table_intervals():
    ep = pd.DataFrame({"doc_id": ["a", "a", "b", "c", "d"], "outlet": ["x"] * 3 + ["y"] * 2,
                       "actor": ["P"] * 5, "polarity": [-1.0, 0.0, -1.0, 0.5, np.nan]})
    t = C.epithet_polarity_table(ep, n_boot=500, seed=1).set_index("outlet")
    assert t.loc["x", "mean"] == pytest.approx(-2 / 3) and t.loc["x", "n"] == 3 and t.loc["x", "n_docs"] == 2
    assert t.loc["x", "ci_low"] <= t.loc["x", "mean"] <= t.loc["x", "ci_high"]
    assert t.loc["y", "n"] == 1 and np.isnan(t.loc["y", "ci_low"])   # one document: no interval


def test_compare_comparison_language_note_stays_short():
    import pandas as pd

    from framing.compare.comparison import _groups_by_language

    langs = pd.Series({f"outlet{i:03d}": ("uk" if i % 3 == 0 else "ru") for i in range(300)})
    note = _groups_by_language(langs)
    assert note.startswith("ru: outlet001, outlet002") and "and 194 more; uk: outlet000" in note
    assert len(note) < 200


def test_compare_comparison_frames_section():
    """Frame-dictionary cues per outlet, as rows of the summary and a section of the page."""
    ann = framing.annotate(framing.load_demo(), progress=False)
    comp = framing.compare(ann, event="e01", n_boot=50)
    fr = comp.frames
    assert {"outlet", "frame", "count", "rate", "ci_low", "ci_high"} <= set(fr.columns)
    # the rate is cue tokens per 1,000 tokens of the group: recount it from framing.frames
    f = framing.frames(ann.select(docs=comp.docs["doc_id"].tolist()))
    sec = f[f["frame"] == "Security_and_defense"].groupby("outlet")["cues"].sum()
    got = fr[fr["frame"] == "Security_and_defense"].set_index("outlet")["count"]
    assert (got.reindex(sec.index).fillna(0).astype(int) == sec).all()
    s = comp.summary()
    assert set(s.loc[s["measure"] == "frame_cues", "item"]) == set(fr["frame"])
    assert "Frames (dictionary cues)" in comp.wide().index
    assert framing.compare(ann, event="e01", frames=None, n_boot=50).frames.empty
    with pytest.raises(OptionError, match="frames"):
        framing.compare(ann, frames="mfc")


def test_compare_comparison_topic_prevalence_from_a_fitted_model():
    ann = framing.annotate(framing.load_demo(), progress=False)
    ru = ann.select(outlets=["vestnik_agency", "kyiv_vesti_ru", "svobodny_golos"])
    model = framing.TopicModel(3, prevalence=["outlet"], seed=0).fit(ru)
    comp = framing.compare(ru, topics=model, n_boot=50)
    tp = comp.topics
    assert set(tp["outlet"]) == {"vestnik_agency", "kyiv_vesti_ru", "svobodny_golos"}
    assert sorted(tp["topic"].unique()) == [1, 2, 3] and tp["words"].str.len().gt(0).all()
    pd.testing.assert_frame_equal(tp.drop(columns="words"), model.prevalence(by="outlet", seed=0),
                                  check_dtype=False)
    assert any("topic prevalence" in n for n in comp.notes)
    assert "Topics (prevalence)" in comp.wide().index
