"""Figures of framing.plot on hand-built tables (Agg backend): each returns its Axes with the expected artists."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.collections import PathCollection  # noqa: E402
from matplotlib.image import AxesImage  # noqa: E402

from framing import plot as P  # noqa: E402
from framing._errors import OptionError, SchemaError  # noqa: E402


@pytest.fixture(autouse=True)
def _close_and_keep_style():
    before = dict(matplotlib.rcParams)
    yield
    plt.close("all")
    after = dict(matplotlib.rcParams)
    changed = {k for k in before if before[k] != after[k] and k != "backend"}
    assert not changed, f"global style changed: {sorted(changed)}"


def _keyness():
    rng = np.random.default_rng(0)
    terms = [f"слово{i}" for i in range(60)] + ["режим", "нацист", "якобы", "киевский"]
    z = np.r_[rng.normal(0, 1, 60), [6.0, 5.0, -4.0, 3.0]]
    count = np.r_[rng.integers(1, 50, 60), [40, 12, 30, 25]]
    return pd.DataFrame({"group": "alpha", "reference": "rest", "term": terms, "count": count,
                         "count_reference": count + 5, "z": z})


def test_plot_fightin_words_scatter_and_labels():
    ax = P.fightin_words(_keyness(), group="alpha", n_labels=3)
    assert isinstance(ax, matplotlib.axes.Axes)
    assert sum(isinstance(c, PathCollection) for c in ax.collections) == 3   # grey, over, under
    labels = [t.get_text() for t in ax.texts]
    assert "режим" in labels and "якобы" in labels          # most over- and under-used words
    assert len(labels) <= 6
    assert ax.get_xscale() == "log"
    assert "alpha" in ax.get_title(loc="left")


def test_plot_fightin_words_draws_into_given_axes_and_checks_input():
    fig, ax = plt.subplots()
    assert P.fightin_words(_keyness(), group="alpha", ax=ax) is ax
    with pytest.raises(OptionError, match="no rows for group='beta'"):
        P.fightin_words(_keyness(), group="beta")
    with pytest.raises(SchemaError, match="'z'"):
        P.fightin_words(_keyness().drop(columns="z"), group="alpha")


def test_plot_verb_class_heatmap_draws_the_table_of_counts():
    from framing.compare.comparison import verb_class_table

    att = pd.DataFrame({"outlet": ["a", "a", "a", "b", "b"], "doc_id": ["1", "1", "2", "3", "4"],
                        "verb_class": ["neutral", "neutral", "distancing", "neutral", "accusation"]})
    ax = P.verb_class_heatmap(verb_class_table(att))
    imgs = [c for c in ax.get_children() if isinstance(c, AxesImage)]
    assert len(imgs) == 1
    data = imgs[0].get_array()
    assert data.shape == (2, 3)
    assert np.allclose(np.asarray(data).sum(axis=1), 1.0)         # shares of each outlet's attributions
    texts = [t.get_text() for t in ax.texts]
    assert "67%\n(2)" in texts and len(texts) == 6
    assert [t.get_text() for t in ax.get_yticklabels()] == ["a", "b"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["neutral", "accusation", "distancing"]
    with pytest.raises(OptionError, match="does not count"):     # one row per attribution: refused
        P.verb_class_heatmap(att)


def test_plot_verb_class_heatmap_from_a_comparison_table():
    t = pd.DataFrame({"outlet": ["a", "a", "b"], "verb_class": ["neutral", "denial", "neutral"], "count": [3, 1, 2],
                      "rate": [0.75, 0.25, 1.0]})
    ax = P.verb_class_heatmap(t)
    assert "75%\n(3)" in [x.get_text() for x in ax.texts]
    with pytest.raises(SchemaError):
        P.verb_class_heatmap(t.drop(columns="verb_class"))
    with pytest.raises(SchemaError, match="share"):
        P.verb_class_heatmap(t.drop(columns="rate"))


def test_plot_epithet_polarity_points_with_intervals():
    from framing.compare.comparison import epithet_polarity_table

    ep = pd.DataFrame({"doc_id": ["1", "2", "3", "4", "5", "6"], "outlet": ["a", "a", "a", "b", "b", "b"],
                       "actor": ["Зеленский", "Зеленский", "Путин", "Зеленский", "Путин", "Путин"],
                       "polarity": [-0.8, -0.4, 0.5, 0.2, -1.0, -0.6]})
    table = epithet_polarity_table(ep, seed=0, n_boot=200)
    ax = P.epithet_polarity(table)
    assert len(ax.containers) == 2                      # one errorbar container per outlet
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Зеленский", "Путин"]
    assert ax.get_legend() is not None
    xs = np.concatenate([c.lines[0].get_xdata() for c in ax.containers])
    assert np.allclose(np.sort(xs), np.sort(table["mean"]))      # the table's means, drawn as they are
    ax2 = P.epithet_polarity(table, actors=["Путин"])
    assert [t.get_text() for t in ax2.get_yticklabels()] == ["Путин"]
    with pytest.raises(SchemaError, match="does not bootstrap"):  # one row per epithet: refused
        P.epithet_polarity(ep)


def test_plot_naming_forms_stacked_bars():
    from framing.compare.comparison import naming_form_table

    forms = pd.DataFrame({"outlet": ["a", "a", "b", "b", "b"], "actor": ["Зеленский"] * 4 + ["Путин"],
                          "form": ["surname", "epithet_title_name", "title_name", "surname", "surname"],
                          "n": [3, 1, 2, 2, 5], "share": [0.75, 0.25, 0.5, 0.5, 1.0]})
    ax = P.naming_forms(forms, actor="Зеленский")
    # 2 outlets × 3 forms (zero-width bars included)
    assert len(ax.patches) == 6
    widths = {}
    for p in ax.patches:
        widths.setdefault(round(p.get_y() + p.get_height() / 2), []).append(p.get_width())
    assert all(abs(sum(w) - 1) < 1e-9 for w in widths.values())
    assert "n=4" in [t.get_text() for t in ax.texts]
    pooled_table = naming_form_table(forms)
    assert pooled_table.set_index(["outlet", "form"])["n"].to_dict() == {
        ("a", "epithet_title_name"): 1, ("a", "surname"): 3, ("b", "surname"): 7, ("b", "title_name"): 2}
    pooled = P.naming_forms(pooled_table)
    assert "all actors" in pooled.get_title(loc="left")
    assert "n=9" in [t.get_text() for t in pooled.texts]
    with pytest.raises(OptionError, match="does not pool"):     # several actors and no actor=: refused
        P.naming_forms(forms)
    with pytest.raises(OptionError, match="no actor"):
        P.naming_forms(forms, actor="Нет")
    # the Naming result is accepted too
    assert P.naming_forms(type("N", (), {"forms": forms})(), actor="Путин") is not None


def test_plot_coverage_timeline_per_outlet_and_event():
    docs = pd.DataFrame({"doc_id": list("abcde"), "outlet": ["x", "y", "x", "y", "z"],
                         "event_id": ["e1", "e1", "e2", "e2", "e2"],
                         "published": pd.to_datetime(["2025-11-03 09:00", "2025-11-03 12:00", "2025-11-05 08:00",
                                                      "2025-11-05 10:00", None], utc=True)})
    ax = P.coverage_timeline(docs)
    scatters = [c for c in ax.collections if isinstance(c, PathCollection)]
    assert len(scatters) == 2                              # z has no dated document
    assert sum(len(s.get_offsets()) for s in scatters) == 4
    assert [t.get_text() for t in ax.get_yticklabels()] == ["e1", "e2"]
    # the demo's gold column is used when event_id is absent
    ax2 = P.coverage_timeline(docs.rename(columns={"event_id": "event"}))
    assert [t.get_text() for t in ax2.get_yticklabels()] == ["e1", "e2"]
    with pytest.raises(SchemaError, match="group_events"):
        P.coverage_timeline(docs.drop(columns="event_id"))


def test_plot_figures_render_cyrillic_without_missing_glyphs(tmp_path):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")                     # "Glyph … missing from font" is a warning
        ax = P.fightin_words(_keyness(), group="alpha")
        ax.figure.savefig(tmp_path / "fw.png", dpi=60)
    assert (tmp_path / "fw.png").stat().st_size > 1000


def test_plot_volume_draws_the_volume_table_with_events():
    import framing

    demo = framing.load_demo()
    t = framing.volume(demo, freq="W")
    ax = framing.plot.volume(t, events=framing.demo_events())
    assert ax.volume_table is t
    assert len(ax.get_legend().get_texts()) == len(demo.outlets)
    assert sum(line.get_linestyle() == "--" for line in ax.get_lines()) == len(framing.demo_events())
    drawn = {line.get_label(): line.get_ydata().sum() for line in ax.get_lines() if line.get_linestyle() != "--"}
    assert drawn == t.groupby("outlet")["documents"].sum().to_dict()
    assert "week" in ax.get_title(loc="left")


def test_plot_volume_checks_its_input():
    import framing
    from framing._errors import OptionError, SchemaError

    docs = framing.load_demo().docs
    with pytest.raises(OptionError, match="framing.volume"):
        framing.plot.volume(docs)                      # a documents table: plots count nothing
    with pytest.raises(SchemaError):
        framing.plot.volume(framing.volume(docs).drop(columns=["documents"]))
    with pytest.raises(SchemaError):
        framing.plot.volume(framing.volume(docs), events=pd.DataFrame({"when": []}))
    with pytest.raises(OptionError, match="framing.volume"):
        framing.plot.volume([1, 2])


def test_plot_paper_style_is_local():
    import matplotlib

    import framing

    before = matplotlib.rcParams["font.size"]
    with framing.plot.paper_style():
        assert matplotlib.rcParams["pdf.fonttype"] == 42
        assert matplotlib.rcParams["axes.prop_cycle"].by_key()["color"][0] == framing.plot.OKABE_ITO[0]
    assert matplotlib.rcParams["font.size"] == before
