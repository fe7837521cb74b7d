"""TopicModel (stm, lda, nmf), prevalence by the method of composition, held-out protocol, search_k."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp

from framing import Features, TopicModel, search_k
from framing._errors import OptionError
from framing.topics.heldout import eval_heldout, make_heldout
from framing.topics.quality import exclusivity, semantic_coherence
from framing.topics.simulate import match_topics, recovery, recovery_cells, simulate_corpus
from framing.topics.spectral import spectral_beta


@pytest.fixture(scope="module")
def small():
    """Three well separated topics, two outlets with different mixes, dates over two weeks."""
    X, truth, beta = simulate_corpus(n_topics=3, n_outlets=2, docs_per_outlet=60, n_terms=60, doc_length=30,
                                     sigma=1.5, seed=3)
    X.docs["published"] = pd.date_range("2024-03-01", periods=len(X), freq="20min", tz="UTC")
    return X, truth, beta


@pytest.fixture(scope="module")
def fitted(small):
    X, _, _ = small
    return TopicModel(3, prevalence=["outlet", "published"], max_iter=60).fit(X)


def test_shapes_and_sums(fitted, small):
    X, _, _ = small
    assert fitted.topic_word_.shape == (3, X.shape[1])
    assert np.allclose(fitted.topic_word_.sum(axis=1), 1)
    assert fitted.doc_topics_.shape == (len(X), 3)
    assert np.allclose(fitted.doc_topics_.sum(axis=1), 1)
    assert fitted.doc_topics_.index.tolist() == X.docs["doc_id"].tolist()
    assert list(fitted.topics_.columns) == ["topic", "term", "probability", "frex", "rank"]
    first = fitted.topics_[fitted.topics_["rank"] == 1].set_index("topic")["term"]
    assert first.tolist() == [fitted.topic_word_.loc[k].idxmax() for k in fitted.topic_word_.index]
    labels = fitted.labels(n=4)
    assert list(labels.columns) == ["prob", "frex", "lift", "score"]
    assert all(len(s.split(", ")) == 4 for s in labels["prob"])


def test_recovers_topics(fitted, small):
    _, _, beta = small
    est = fitted.topic_word_.to_numpy()
    l1 = np.abs(beta - est[match_topics(beta, est)]).sum(axis=1)
    assert l1.max() < 0.8, l1


@pytest.mark.parametrize("method", ["stm", "lda", "nmf"])
def test_same_seed_same_tables(small, method):
    X, _, _ = small
    iters = None if method == "nmf" else 20
    a = TopicModel(3, method=method, seed=5, max_iter=iters).fit(X)
    b = TopicModel(3, method=method, seed=5, max_iter=iters).fit(X)
    pd.testing.assert_frame_equal(a.topic_word_, b.topic_word_)
    pd.testing.assert_frame_equal(a.doc_topics_, b.doc_topics_)
    pd.testing.assert_frame_equal(a.topics_, b.topics_)
    unc = "none" if method == "nmf" else "local"
    pd.testing.assert_frame_equal(a.prevalence("outlet", uncertainty=unc, n_sims=3),
                                  b.prevalence("outlet", uncertainty=unc, n_sims=3))


def test_save_load_round_trip(fitted, small, tmp_path):
    X, _, _ = small
    fitted.save(tmp_path / "m")
    assert sorted(p.name for p in (tmp_path / "m").iterdir()) == ["arrays.npz", "model.json"]
    back = TopicModel.load(tmp_path / "m")
    pd.testing.assert_frame_equal(back.topic_word_, fitted.topic_word_)
    pd.testing.assert_frame_equal(back.doc_topics_, fitted.doc_topics_)
    pd.testing.assert_frame_equal(back.topics_, fitted.topics_)
    pd.testing.assert_frame_equal(back.prevalence("outlet", time="published", n_sims=2, time_points=4),
                                  fitted.prevalence("outlet", time="published", n_sims=2, time_points=4))
    pd.testing.assert_frame_equal(back.transform(X), fitted.transform(X))


def test_transform_close_to_fit(fitted, small):
    X, _, _ = small
    assert np.abs(fitted.transform(X).to_numpy() - fitted.doc_topics_.to_numpy()).max() < 1e-3


def test_prevalence_intervals_cover_at_the_nominal_level():
    """Ten small corpora with known outlet effects: stm's global 95% intervals (without the default's refits)
    cover the expected shares about 95% of the time."""
    cover, corr = [], []
    for seed in range(10):
        X, truth, beta = simulate_corpus(n_topics=4, n_outlets=3, docs_per_outlet=150, n_terms=120, doc_length=40,
                                         sigma=1.0, seed=seed)
        r = recovery(TopicModel(4, prevalence="outlet").fit(X), truth, beta, seed=0, uncertainty="global")
        cover.append(r["coverage"])
        corr.append(r["correlation"])
    # 120 cells: at a true rate of 0.95 the pooled coverage is below 0.88 with probability < 0.1%
    assert np.mean(cover) >= 0.88, cover
    assert min(corr) > 0.95, corr


def test_reference_fixed_design_misses_only_the_reference_topic():
    """stm's own parameterisation (η_K = 0), the benchmark's corpora (seeds 0-1): the topics the model recovers
    are covered near the nominal level by stm's global intervals; the one it does not recover is the rare
    reference topic (which the default's refits cover: test_bootstrap_covers_the_reference_topic).

    On seeds 0-9 (benchmarks/topics_eval.py) the recovered topics 1-9 are covered 0.90 of the time; 108 cells
    at that rate fall under 0.83 with probability < 1%.
    """
    cells = []
    for seed in (0, 1):
        X, truth, beta = simulate_corpus(seed=seed, sigma=1.5, exchangeable=False)
        model = TopicModel(10, prevalence="outlet").fit(X)
        c = recovery_cells(model, truth, beta, seed=seed, uncertainty="global")
        r = recovery(model, truth, beta, seed=seed, uncertainty="global")
        assert r["coverage"] == c["covered"].mean() and r["cells"] == len(c) == 60
        assert r["correlation"] > 0.95, r
        cells.append(c)
    cells = pd.concat(cells)
    recovered = cells["topic_L1"] < 0.5
    assert set(cells.loc[~recovered, "topic"]) <= {10}
    assert recovered.sum() >= 108
    assert cells.loc[recovered, "covered"].mean() >= 0.83, cells.loc[recovered, "covered"].mean()


def test_prior_mean_error_has_the_documented_covariance(fitted):
    """The shared error of the prior mean Γᵀz_d: covariance z_d (ZᵀZ)⁻¹ z_dᵀ · Σ R⁻¹ Σ, R = cov(λ - μ)."""
    from framing.topics.design import Design

    st = fitted._state
    z = Design.from_json(st["design"]).matrix(fitted.docs_)
    resid = st["lambda"] - z @ st["gamma"]
    expected = (z[0] @ np.linalg.pinv(z.T @ z) @ z[0]) * (
        st["sigma"] @ np.linalg.inv(resid.T @ resid / len(z)) @ st["sigma"])
    rng = np.random.default_rng(0)
    fixed = fitted._stm_draw_terms()
    draws = np.stack([fitted._prior_mean_error(rng, fixed)[0] for _ in range(4000)])
    assert np.allclose(np.cov(draws.T), expected, rtol=0.15, atol=0.05 * np.abs(expected).max())


def test_prevalence_table_and_difference(fitted):
    t = fitted.prevalence("outlet", n_sims=5)
    assert list(t.columns) == ["topic", "outlet", "estimate", "ci_lower", "ci_upper"]
    assert len(t) == 3 * 2
    assert (t["ci_lower"] <= t["estimate"]).all() and (t["estimate"] <= t["ci_upper"]).all()
    # the shares of one outlet sum to one, up to the independent coefficient draws per topic
    assert np.allclose(t.groupby("outlet")["estimate"].sum(), 1, atol=0.02)
    tt = fitted.prevalence("outlet", time="published", n_sims=2, time_points=5)
    assert len(tt) == 3 * 2 * 5 and "published" in tt.columns
    d = fitted.difference("outlet1", "outlet2", n_sims=5)
    assert list(d.columns) == ["topic", "a", "b", "estimate", "ci_lower", "ci_upper"]
    direct = t.set_index(["topic", "outlet"])["estimate"]
    assert np.allclose(d["estimate"], direct.xs("outlet1", level="outlet") - direct.xs("outlet2", level="outlet"),
                       atol=0.02)
    with pytest.raises(OptionError, match="not a value"):
        fitted.difference("outlet1", "nowhere")


def test_bad_input():
    with pytest.raises(OptionError, match="Features"):
        TopicModel(2).fit(np.ones((3, 3)))
    with pytest.raises(OptionError, match="method"):
        TopicModel(2, method="pca")._check()
    with pytest.raises(OptionError, match="prevalence covariates need method='stm'"):
        TopicModel(2, method="lda", prevalence="outlet")._check()
    X = Features(sp.csr_matrix(np.ones((4, 3))), ["a", "b", "c"], pd.DataFrame({"doc_id": list("wxyz")}))
    with pytest.raises(OptionError, match="more terms than topics"):
        TopicModel(3).fit(X)
    with pytest.raises(OptionError, match="call fit"):
        TopicModel(2).labels()


def test_empty_document_gets_the_prior(small):
    X, _, _ = small
    m = X.matrix.tolil()
    m[0, :] = 0
    X0 = Features(m.tocsr(), X.vocabulary, X.docs)
    model = TopicModel(3, max_iter=10).fit(X0)
    assert np.allclose(model.doc_topics_.sum(axis=1), 1)
    assert model.doc_topics_.iloc[0].nunique() == 3      # the prior mean, not a uniform fill


def test_heldout_protocol():
    rng = np.random.default_rng(0)
    m = sp.csr_matrix(rng.poisson(1.0, size=(200, 30)))
    split = make_heldout(m, doc_share=0.1, token_share=0.1, seed=4)
    assert len(split.index) <= 20
    total = m[:, split.terms].sum()
    assert split.train.sum() + split.missing.sum() == total
    for d in split.index:
        n = m[d].sum()
        assert split.missing[d].sum() == max(1, int(np.floor(0.1 * n)))
    untouched = np.setdiff1d(np.arange(200), split.index)
    assert split.missing[untouched].sum() == 0
    again = make_heldout(m, doc_share=0.1, token_share=0.1, seed=4)
    assert (again.missing != split.missing).nnz == 0
    # a perfect model of the counts scores above a uniform one
    uniform = eval_heldout(np.full((200, 1), 1.0), np.full((1, len(split.terms)), 1 / len(split.terms)), split)
    assert np.isclose(uniform, -np.log(len(split.terms)))


def test_quality_measures(fitted, small):
    X, _, _ = small
    beta = fitted.topic_word_.to_numpy()
    ex = exclusivity(beta)
    assert ex.shape == (3,) and (ex > 0).all() and (ex <= 10).all()
    sc = semantic_coherence(beta, X.matrix)
    assert sc.shape == (3,) and (sc <= 0).all()


def test_spectral_init_finds_separable_topics():
    beta = np.zeros((2, 6))
    beta[0, :3] = 1 / 3
    beta[1, 3:] = 1 / 3
    rng = np.random.default_rng(1)
    rows = [rng.multinomial(20, beta[d % 2]) for d in range(40)]
    b0, anchors = spectral_beta(sp.csr_matrix(np.array(rows)), 2)
    assert np.allclose(b0.sum(axis=1), 1)
    assert sorted(a // 3 for a in anchors) == [0, 1]


def test_search_k_table(small):
    X, _, _ = small
    t = search_k(X, ks=[2, 3], max_iter=10, npmi=False)
    assert t["K"].tolist() == [2, 3]
    assert t["heldout"].lt(0).all() and t["exclusivity"].gt(0).all()
    assert t["c_npmi"].isna().all()


def test_plots(fitted):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from framing.topics.plot import plot_difference, plot_prevalence, plot_topic_time

    prev = fitted.prevalence("outlet", n_sims=2)
    ax = plot_prevalence(prev)
    # one tick per topic, one error-bar series per outlet, drawn from the table's estimates
    assert len(ax.get_yticks()) == prev["topic"].nunique()
    assert len(ax.containers) == prev["outlet"].nunique()
    diff = fitted.difference("outlet1", "outlet2", n_sims=2)
    ax = plot_difference(diff)
    assert ax.get_title(loc="left") == "outlet1 vs outlet2"
    points = [ln for ln in ax.get_lines() if ln.get_marker() == "o"]
    assert sorted(p.get_xdata()[0] for p in points) == pytest.approx(sorted(diff["estimate"]))
    over_time = fitted.prevalence("outlet", time="published", n_sims=2, time_points=4)
    ax = plot_topic_time(over_time, 1)
    assert len(ax.get_lines()) >= over_time["outlet"].nunique()
    with pytest.raises(Exception):
        plot_prevalence(prev.drop(columns="estimate"))
    plt.close("all")


# -- bootstrap replicates (framing.topics.bootstrap) ------------------------------------------

@pytest.fixture(scope="module")
def booted(small):
    X, _, _ = small
    return TopicModel(3, prevalence=["outlet", "published"], max_iter=60, n_bootstrap=4).fit(X)


def test_bootstrap_replicates_are_aligned_to_the_full_fit(booted, fitted, small):
    X, _, _ = small
    booted._replicates()
    st = booted._state
    # the full fit is the same with or without replicates
    pd.testing.assert_frame_equal(booted.topic_word_, fitted.topic_word_)
    assert st["boot_lambda"].shape == (4, len(X), 2)
    assert st["boot_sigma"].shape == (4, 2, 2) and st["boot_perm"].shape == (4, 3)
    assert all(sorted(p) == [0, 1, 2] for p in st["boot_perm"])
    # three well separated topics: every replicate finds each of them again
    assert st["boot_l1"].max() < 0.8, st["boot_l1"]
    # each replicate's modes, re-ordered to the full fit's topics, stay close to the full fit's proportions
    for b in range(4):
        theta_b = booted._theta_draws(None, "none", replicate=b)
        assert np.abs(theta_b - fitted.doc_topics_.to_numpy()).mean() < 0.1


def test_bootstrap_prevalence_and_round_trip(booted, fitted, tmp_path):
    t = booted.prevalence("outlet", n_sims=8)
    plain = fitted.prevalence("outlet", n_sims=8, uncertainty="global")
    assert (t["ci_lower"] <= t["estimate"]).all() and (t["estimate"] <= t["ci_upper"]).all()
    assert np.allclose(t["estimate"], plain["estimate"], atol=0.05)
    pd.testing.assert_frame_equal(t, booted.prevalence("outlet", n_sims=8))          # same seed, same table
    booted.save(tmp_path / "b")
    back = TopicModel.load(tmp_path / "b")
    assert back.n_bootstrap == 4
    pd.testing.assert_frame_equal(back.prevalence("outlet", n_sims=8), t)
    # "local" and "global" leave the refits out: the same tables as a model without them
    for unc in ("local", "global"):
        pd.testing.assert_frame_equal(booted.prevalence("outlet", n_sims=3, uncertainty=unc),
                                      fitted.prevalence("outlet", n_sims=3, uncertainty=unc))
    with pytest.raises(OptionError, match="n_bootstrap needs method='stm'"):
        TopicModel(2, method="lda", n_bootstrap=3)._check()


def test_refits_run_when_first_needed(small, tmp_path):
    """fit() fits once; the first prevalence() runs the refits, also after save/load, with the same result."""
    X, _, _ = small
    a = TopicModel(3, prevalence="outlet", max_iter=30, n_bootstrap=2).fit(X)
    assert "boot_lambda" not in a._state
    a.save(tmp_path / "a")                                  # saved before the refits: with the counts they need
    back = TopicModel.load(tmp_path / "a")
    t = a.prevalence("outlet", n_sims=4)
    assert a._state["boot_lambda"].shape[0] == 2
    pd.testing.assert_frame_equal(back.prevalence("outlet", n_sims=4), t)
    # the default: 10 refits for stm, none for lda; uncertainty "topics" only where there are refits
    assert TopicModel(3)._n_refits() == 10 and TopicModel(3, method="lda")._n_refits() == 0
    plain = TopicModel(3, prevalence="outlet", max_iter=30, n_bootstrap=0).fit(X)
    assert "train_indptr" not in plain._state
    pd.testing.assert_frame_equal(plain.prevalence("outlet", n_sims=4),
                                  a.prevalence("outlet", n_sims=4, uncertainty="global"))
    with pytest.raises(OptionError, match="uncertainty='topics' needs an stm model"):
        plain.prevalence("outlet", uncertainty="topics")


@pytest.mark.slow
def test_bootstrap_covers_the_reference_topic():
    """The benchmark's reference-fixed corpora, seeds 0-1 (the ones the test without replicates uses): the rare
    reference topic that stm does not recover is covered once the intervals carry the error of the topics.

    Without replicates its 12 cells are covered 6 times, with the default 10 refits 12 times (on the fresh seeds 10-19 of
    benchmarks/topics_eval.py 0.883 against 0.417, all topics 0.948 against 0.852).
    """
    ref, every = [], []
    for seed in (0, 1):
        X, truth, beta = simulate_corpus(seed=seed, sigma=1.5, exchangeable=False)
        c = recovery_cells(TopicModel(10, prevalence="outlet", seed=seed).fit(X), truth, beta, seed=seed)
        ref.append(c.loc[c["topic"] == 10, "covered"])
        every.append(c["covered"])
    assert pd.concat(ref).mean() >= 10 / 12
    assert pd.concat(every).mean() >= 0.85
