"""``TopicModel``: the structural topic model (and LDA, NMF for comparison), scikit-learn style.

Longer than 600 lines because it is one fitted class whose public methods
(``fit``, ``transform``, ``labels``, ``representative_docs``, ``prevalence``,
``difference``, ``save``/``load``) share its learned state; the algorithms live
beside it (``stm.py`` the EM, ``spectral.py`` the initialisation,
``design.py`` the covariates, ``quality.py`` the scores, ``heldout.py`` and
``search.py`` the choice of K), and what stays here is one estimator, each
method short (``prevalence``, the method of composition, is the longest).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import scipy.sparse as sp

from .._atomic import atomic_path
from .._errors import OptionError
from .._options import InstanceOf, Interval, NoneOk, OneOf, check
from ..features import Features
from .design import Design
from .quality import frex, label_words
from .stm import softmax0

__all__ = ["TopicModel"]

_OPTIONS = {
    "n_topics": Interval(2, None, integer=True),
    "method": OneOf("stm", "lda", "nmf"),
    "prevalence": [NoneOk(), InstanceOf(str, list, tuple)],
    "seed": Interval(0, None, integer=True),
    "max_iter": [NoneOk(), Interval(1, None, integer=True)],
    "tol": Interval(0, None),
    "progress": InstanceOf(bool),
    "n_bootstrap": [NoneOk(), Interval(0, None, integer=True)],
}
_EFFECT_OPTIONS = {
    "by": InstanceOf(str),
    "time": [NoneOk(), InstanceOf(str)],
    "ci": Interval(0, 1, closed="neither"),
    "n_sims": Interval(1, None, integer=True),
    "n_draws": Interval(1, None, integer=True),
    "seed": [NoneOk(), Interval(0, None, integer=True)],
    "uncertainty": [NoneOk(), OneOf("topics", "global", "local", "none")],
    "time_points": Interval(2, None, integer=True),
}
#: default EM iterations per method (stm's own default is 500 with tol 1e-5)
_MAX_ITER = {"stm": 100, "lda": 10, "nmf": 400}
#: bootstrap refits of an stm model behind ``prevalence(uncertainty="topics")`` unless ``n_bootstrap`` says otherwise
_N_BOOTSTRAP = 10
_FORMAT = "framing.TopicModel/1"


def _as_features(X) -> Features:
    """A Features as it is; an Annotated as ``framing.features(X, min_df=2)`` (content lemmas, no stop words)."""
    if isinstance(X, Features):
        return X
    from ..annotate.annotated import Annotated

    if isinstance(X, Annotated):
        from ..features import features

        return features(X, min_df=2, progress=False)
    raise OptionError(f"TopicModel: X must be a framing.Features (a document × term count matrix with its "
                      f"documents) or an Annotated, not {type(X).__name__}; build one with framing.features(ann) "
                      "or framing.Features(matrix, vocabulary, docs).")


class TopicModel:
    """A topic model of a document × term count matrix: the structural topic model, LDA or NMF.

    Parameters
    ----------
    n_topics : int
        Number of topics ``K``.
    method : {"stm", "lda", "nmf"}
        ``"stm"``: the structural topic model (Roberts, Stewart & Airoldi
        2016): logistic-normal topic proportions whose mean depends on the
        ``prevalence`` covariates, spectral (anchor-word) initialisation and
        variational EM with a Laplace approximation per document, as the R
        package stm (see :mod:`framing.topics.stm` for how it is computed and
        where it departs).  ``"lda"``: gensim's ``LdaModel`` (online
        variational Bayes, ``passes = max_iter``, ``random_state = seed``).
        ``"nmf"``: scikit-learn's ``NMF`` of the tf-idf matrix (the proportions
        are the normalised rows of ``W``, the topic-word distributions those of
        ``H`` plus 1e-12).
    prevalence : str or list of str, optional
        Document columns the topic proportions depend on (stm only): a
        categorical column as indicators, a date column as a cubic B-spline
        with 10 degrees of freedom (stm's ``s()``), a numeric column linearly.
    seed : int
        Random seed (LDA, NMF, simulations); the stm fit draws no random numbers.
    max_iter : int, optional
        EM iterations (stm, default 100), passes (lda, default 10), iterations (nmf, default 400).
    tol : float
        stm: stop when the relative change of the evidence bound is below it (stm's ``emtol``, 1e-5).
    progress : bool
        Show a progress bar.
    n_bootstrap : int, optional
        stm only: the bootstrap refits of the model on resamples of the
        documents behind ``prevalence(uncertainty="topics")`` and
        ``difference``, so that their intervals also carry the estimation
        error of the topics (see :mod:`framing.topics.bootstrap`).  Default
        10 for stm (the figures in :meth:`prevalence`; 2 barely widen the
        intervals: one benchmark corpus 0.833 against 0.817).  Each refit is
        as long as a fit; :meth:`fit` fits once and keeps the counts, and the
        first :meth:`prevalence` or :meth:`difference` that needs the refits
        runs them (stm likewise leaves its uncertainty to ``estimateEffect``),
        after which the model keeps them.  0: no refits; the intervals are
        stm's (``uncertainty="global"``).

    Attributes
    ----------
    topic_word_ : pandas.DataFrame
        Topics (index ``topic``, 1..K) × terms; rows sum to one.
    doc_topics_ : pandas.DataFrame
        Documents (index ``doc_id``) × topics; rows sum to one.
    topics_ : pandas.DataFrame
        Tidy: ``topic``, ``term``, ``probability``, ``frex`` (weight 0.5), ``rank`` (by probability).
    vocabulary_ : numpy.ndarray
        The terms.
    docs_ : pandas.DataFrame
        The documents' ``doc_id`` and their covariates (the columns kept for :meth:`prevalence`).
    n_iter_, converged_, bound_ :
        EM iterations run, whether the bound converged, the bound per iteration (stm).

    References
    ----------
    Roberts, M. E., Stewart, B. M., & Airoldi, E. M. (2016). A model of text for
    experimentation in the social sciences. *JASA* 111(515), 988–1003.
    Roberts, M. E., Stewart, B. M., & Tingley, D. (2019). stm: An R package for
    structural topic models. *Journal of Statistical Software* 91(2).
    Blei, D. M., Ng, A. Y., & Jordan, M. I. (2003). Latent Dirichlet allocation. *JMLR* 3, 993–1022.
    Hoffman, M., Bach, F., & Blei, D. (2010). Online learning for latent Dirichlet allocation. *NIPS*.
    Lee, D. D., & Seung, H. S. (1999). Learning the parts of objects by non-negative
    matrix factorization. *Nature* 401, 788–791.

    Examples
    --------
    >>> import numpy as np, pandas as pd, scipy.sparse as sp
    >>> from framing import Features, TopicModel
    >>> rng = np.random.default_rng(0)
    >>> words = [f"w{i}" for i in range(40)]
    >>> rows = [rng.multinomial(30, np.r_[np.full(20, 0.045), np.full(20, 0.005)] if d % 2
    ...         else np.r_[np.full(20, 0.005), np.full(20, 0.045)]) for d in range(60)]
    >>> docs = pd.DataFrame({"doc_id": [f"d{d}" for d in range(60)],
    ...                      "outlet": ["A" if d % 2 else "B" for d in range(60)]})
    >>> X = Features(sp.csr_matrix(np.array(rows)), words, docs)
    >>> model = TopicModel(2, prevalence="outlet").fit(X)
    >>> model.doc_topics_.shape, bool(np.allclose(model.topic_word_.sum(axis=1), 1))
    ((60, 2), True)
    >>> table = model.prevalence("outlet", seed=1)
    >>> table.columns.tolist()
    ['topic', 'outlet', 'estimate', 'ci_lower', 'ci_upper']
    """

    def __init__(self, n_topics: int = 10, *, method: str = "stm", prevalence=None, seed: int = 0,
                 max_iter: int | None = None, tol: float = 1e-5, progress: bool = False,
                 n_bootstrap: int | None = None):
        self.n_topics = n_topics
        self.method = method
        self.prevalence_covariates = prevalence
        self.seed = seed
        self.max_iter = max_iter
        self.tol = tol
        self.progress = progress
        self.n_bootstrap = n_bootstrap

    # -- fitting ---------------------------------------------------------------------------

    def _check(self):
        check("TopicModel", _OPTIONS, n_topics=self.n_topics, method=self.method,
              prevalence=self.prevalence_covariates, seed=self.seed, max_iter=self.max_iter,
              tol=self.tol, progress=self.progress, n_bootstrap=self.n_bootstrap)
        if self.prevalence_covariates is not None and self.method != "stm":
            raise OptionError(f"TopicModel(): prevalence covariates need method='stm' (got method={self.method!r}).")
        if self.n_bootstrap and self.method != "stm":
            raise OptionError(f"TopicModel(): n_bootstrap needs method='stm' (got method={self.method!r}).")

    def _n_refits(self) -> int:
        """Bootstrap refits behind ``uncertainty="topics"``: ``n_bootstrap``, by default 10 for stm and 0 otherwise."""
        if self.n_bootstrap is not None:
            return int(self.n_bootstrap)
        return _N_BOOTSTRAP if self.method == "stm" else 0

    def fit(self, X) -> "TopicModel":
        """Fit the model to a :class:`~framing.Features` of word counts (or an Annotated); returns ``self``."""
        self._check()
        X = _as_features(X)
        counts = sp.csr_matrix(X.matrix, dtype=float)
        if counts.shape[1] <= self.n_topics:
            raise OptionError(f"TopicModel.fit(): {counts.shape[1]} terms for {self.n_topics} topics; "
                              "a topic model needs more terms than topics.")
        if counts.nnz and (counts.data < 0).any():
            raise OptionError("TopicModel.fit(): the matrix has negative entries; it must hold word counts.")
        max_iter = self.max_iter or _MAX_ITER[self.method]
        self.vocabulary_ = np.asarray(X.vocabulary, dtype=object)
        self.term_counts_ = np.asarray(counts.sum(axis=0)).ravel()
        self.docs_ = self._keep_docs(X.docs)
        self._state = {}
        self.__dict__.pop("_draw_cache", None)
        if self.method == "stm":
            self._fit_stm(counts, X.docs, max_iter)
        elif self.method == "lda":
            self._fit_lda(counts, max_iter)
        else:
            self._fit_nmf(counts, max_iter)
        self._tables()
        return self

    def _keep_docs(self, docs: pd.DataFrame) -> pd.DataFrame:
        """doc_id, the prevalence columns and the low-cardinality covariates (outlet, lang, dates)."""
        prev = self._prev_columns()
        keep = ["doc_id"]
        for c in docs.columns:
            if c == "doc_id":
                continue
            col = docs[c]
            if c in prev or pd.api.types.is_datetime64_any_dtype(col) or pd.api.types.is_numeric_dtype(col):
                keep.append(c)
            elif col.map(lambda v: isinstance(v, str) or v is None).all() and col.nunique() <= max(50, len(col) // 20):
                keep.append(c)
        return docs[keep].reset_index(drop=True)

    def _prev_columns(self) -> list:
        p = self.prevalence_covariates
        return [] if p is None else [p] if isinstance(p, str) else list(p)

    def _fit_stm(self, counts, docs, max_iter):
        from .spectral import spectral_beta
        from .stm import DocLayout, fit_stm

        k = self.n_topics
        design = Design.learn(docs, self._prev_columns()) if self._prev_columns() else None
        xmat = design.matrix(docs) if design is not None else None
        nonempty = np.flatnonzero(np.diff(counts.indptr) > 0)
        if len(nonempty) < 2:
            raise OptionError("TopicModel.fit(): fewer than two documents have any counted term.")
        sub = counts[nonempty]
        beta0, anchors = spectral_beta(sub, k)
        if beta0.shape[0] < k:
            raise OptionError(f"TopicModel.fit(): the spectral initialisation found only {beta0.shape[0]} "
                              f"distinct anchor words for {k} topics; use fewer topics or more documents.")
        res = fit_stm(DocLayout.of(sub), None if xmat is None else xmat[nonempty], beta0,
                      max_iter=max_iter, tol=self.tol, progress=self.progress)
        n, k1 = counts.shape[0], k - 1
        # documents without counted terms: their posterior is the prior
        if xmat is not None:
            mu_all = xmat @ res["gamma"]
        else:
            mu_all = np.broadcast_to(res["mu"][0], (n, k1)).copy()
        lam = mu_all.copy()
        nu = np.broadcast_to(res["sigma"], (n, k1, k1)).copy()
        lam[nonempty] = res["lambda"]
        nu[nonempty] = res["nu"]
        self.anchors_ = self.vocabulary_[anchors]
        self.n_iter_ = len(res["bounds"])
        self.converged_ = bool(res["converged"])
        self.bound_ = res["bounds"]
        self._state = {"beta": res["beta"], "lambda": lam, "nu": nu, "sigma": res["sigma"],
                       "gamma": res["gamma"] if res["gamma"] is not None else res["mu"][:1].copy(),
                       "design": None if design is None else design.to_json(), "bounds": res["bounds"]}
        self._theta = softmax0(lam)
        if self._n_refits():
            # the counts the bootstrap refits resample (see _replicates); kept, and saved, with the model
            self._state.update(train_data=sub.data, train_indices=sub.indices, train_indptr=sub.indptr,
                               train_rows=nonempty)

    def _replicates(self) -> None:
        """Run the bootstrap refits behind ``uncertainty="topics"`` unless the model holds them already.

        They are the expensive part of the topics' uncertainty (each as long
        as a fit), so :meth:`fit` leaves them to the first :meth:`prevalence`
        or :meth:`difference` that needs them, as stm leaves its uncertainty
        to ``estimateEffect``; the model then keeps them (and :meth:`save`
        writes them).  The same seed gives the same replicates whenever they run.
        """
        st = self._state
        if "boot_lambda" in st:
            return
        if "train_indptr" not in st:
            raise OptionError("prevalence(): this model holds neither bootstrap refits nor the counts to run them "
                              "(it was fitted with n_bootstrap=0, or saved by an earlier version); pass "
                              "uncertainty='global' (stm's), or refit it with n_bootstrap > 0.")
        from .bootstrap import bootstrap_replicates

        rows = st["train_rows"]
        sub = sp.csr_matrix((st["train_data"], st["train_indices"], st["train_indptr"]),
                            shape=(len(rows), len(self.vocabulary_)))
        z = np.ones((len(self.docs_), 1)) if st["design"] is None else Design.from_json(st["design"]).matrix(self.docs_)
        reps = bootstrap_replicates(sub, None if st["design"] is None else z[rows], st["beta"],
                                    n=self._n_refits(), seed=self.seed, max_iter=self.max_iter or _MAX_ITER["stm"],
                                    tol=self.tol, progress=self.progress)
        # documents without counted terms: each replicate's prior mean
        lam_b = np.einsum("np,bpk->bnk", z, reps["boot_gamma"])
        lam_b[:, rows] = reps["boot_lambda"]
        st.update(reps, boot_lambda=lam_b)

    def _fit_lda(self, counts, passes):
        from gensim.models import LdaModel

        corpus = _gensim_corpus(counts)
        id2word = dict(enumerate(self.vocabulary_.tolist()))
        lda = LdaModel(corpus, num_topics=self.n_topics, id2word=id2word, passes=passes,
                       random_state=self.seed, eval_every=None)
        beta = lda.get_topics()
        gamma, _ = lda.inference(corpus)
        self.n_iter_, self.converged_, self.bound_ = passes, True, np.array([])
        self._state = {"beta": beta / beta.sum(axis=1, keepdims=True), "dirichlet": gamma,
                       "alpha": np.asarray(lda.alpha, dtype=float)}
        self._theta = gamma / gamma.sum(axis=1, keepdims=True)

    def _fit_nmf(self, counts, max_iter):
        from sklearn.decomposition import NMF
        from sklearn.feature_extraction.text import TfidfTransformer

        tfidf = TfidfTransformer().fit(counts)
        nmf = NMF(n_components=self.n_topics, init="nndsvda", random_state=self.seed, max_iter=max_iter)
        w = nmf.fit_transform(tfidf.transform(counts))
        h = nmf.components_
        self.n_iter_, self.converged_, self.bound_ = int(nmf.n_iter_), nmf.n_iter_ < max_iter, np.array([])
        # a floor of 1e-12 before normalising, so that every word has a (tiny) probability in every topic
        self._state = {"beta": _normalise_rows(h + 1e-12), "H": h, "idf": tfidf.idf_}
        self._theta = _normalise_rows(w)

    def _tables(self):
        beta = self._state["beta"]
        k = beta.shape[0]
        topics = pd.Index(np.arange(1, k + 1), name="topic")
        self.topic_word_ = pd.DataFrame(beta, index=topics, columns=pd.Index(self.vocabulary_, name="term"))
        self.doc_topics_ = pd.DataFrame(self._theta, index=pd.Index(self.docs_["doc_id"].to_numpy(), name="doc_id"),
                                        columns=topics)
        order = np.argsort(-beta, axis=1, kind="stable")
        ranks = np.empty_like(order)
        np.put_along_axis(ranks, order, np.arange(1, beta.shape[1] + 1)[None, :].repeat(k, 0), axis=1)
        fx = frex(beta, 0.5)
        self.topics_ = pd.DataFrame({
            "topic": np.repeat(topics.to_numpy(), beta.shape[1]),
            "term": np.tile(self.vocabulary_, k),
            "probability": beta.ravel(),
            "frex": fx.ravel(),
            "rank": ranks.ravel(),
        }).sort_values(["topic", "rank"], kind="stable").reset_index(drop=True)

    def _fitted(self):
        if not hasattr(self, "topic_word_"):
            raise OptionError("TopicModel: call fit(X) first (or TopicModel.load(path)).")

    # -- reading topics --------------------------------------------------------------------

    def labels(self, n: int = 7) -> pd.DataFrame:
        """Each topic's label words by probability, FREX, lift and score, as stm's ``labelTopics``.

        Parameters
        ----------
        n : int
            Words per list.

        Returns
        -------
        pandas.DataFrame
            Index ``topic``; columns ``prob``, ``frex``, ``lift``, ``score``, each
            the words joined by ``", "``.  FREX weighs frequency and exclusivity
            equally, without stm's James–Stein shrinkage of exclusivity; lift is
            ``β`` over the word's corpus share (Taddy 2012); score is that of
            Chang's R package ``lda``.

        References
        ----------
        Bischof, J., & Airoldi, E. M. (2012). Summarizing topical content with word
        frequency and exclusivity. *ICML*.
        Taddy, M. (2012). On estimation and selection for topic models. *AISTATS*.

        Examples
        --------
        >>> import numpy as np, pandas as pd, scipy.sparse as sp
        >>> from framing import Features, TopicModel
        >>> m = np.array([[4, 3, 0, 0], [3, 5, 1, 0], [0, 0, 4, 4], [0, 1, 3, 5]] * 5)
        >>> X = Features(sp.csr_matrix(m), ["мир", "переговоры", "удар", "ракета"],
        ...              pd.DataFrame({"doc_id": [f"d{i}" for i in range(20)]}))
        >>> TopicModel(2, method="nmf").fit(X).labels(n=2).columns.tolist()
        ['prob', 'frex', 'lift', 'score']
        """
        self._fitted()
        idx = label_words(self._state["beta"], self.term_counts_, n=n)
        out = {kind: [", ".join(self.vocabulary_[row]) for row in rows] for kind, rows in idx.items()}
        return pd.DataFrame(out, index=self.topic_word_.index)

    def representative_docs(self, topic: int, n: int = 5) -> pd.DataFrame:
        """The ``n`` documents with the highest proportion of ``topic`` (stm's ``findThoughts``).

        Returns
        -------
        pandas.DataFrame
            ``doc_id``, ``proportion`` and the document's kept covariates, highest first.
        """
        self._fitted()
        if topic not in self.topic_word_.index:
            raise OptionError(f"representative_docs(): topic {topic!r} is not one of 1..{len(self.topic_word_)}.")
        share = self.doc_topics_[topic].to_numpy()
        order = np.argsort(-share, kind="stable")[:n]
        out = self.docs_.iloc[order].reset_index(drop=True)
        out.insert(1, "proportion", share[order])
        return out

    def transform(self, X) -> pd.DataFrame:
        """Topic proportions of new documents (terms matched to the fitted vocabulary by name).

        stm: the E-step with the fitted ``β`` and ``Σ``; the prior mean uses the
        prevalence covariates when the documents have them, else the fitted
        documents' average.  lda: gensim's inference; nmf: the NMF projection.

        Returns
        -------
        pandas.DataFrame
            Documents (index ``doc_id``) × topics, rows summing to one.
        """
        self._fitted()
        X = _as_features(X)
        counts = _align(X, self.vocabulary_)
        theta = self._infer(counts, X.docs)
        return pd.DataFrame(theta, index=pd.Index(X.docs["doc_id"].to_numpy(), name="doc_id"),
                            columns=self.topic_word_.index)

    def _infer(self, counts, docs):
        st = self._state
        if self.method == "stm":
            from .stm import DocLayout, estep

            k1 = self.n_topics - 1
            if st["design"] is not None and all(t["column"] in docs.columns for t in st["design"]):
                mu = Design.from_json(st["design"]).matrix(docs) @ st["gamma"]
            elif st["design"] is not None:
                mu = np.broadcast_to((Design.from_json(st["design"]).matrix(self.docs_) @ st["gamma"]).mean(axis=0),
                                     (counts.shape[0], k1)).copy()
            else:
                mu = np.broadcast_to(st["gamma"][0], (counts.shape[0], k1)).copy()
            lam = mu.copy()
            nonempty = np.flatnonzero(np.diff(counts.indptr) > 0)
            if len(nonempty):
                res = estep(mu[nonempty], mu[nonempty], st["sigma"], st["beta"], DocLayout.of(counts[nonempty]))
                lam[nonempty] = res["lambda"]
            return softmax0(lam)
        if self.method == "lda":
            return _lda_infer(st, counts)
        from sklearn.decomposition import non_negative_factorization

        x = sp.csr_matrix(counts.multiply(st["idf"][None, :]))
        norm = np.sqrt(np.asarray(x.multiply(x).sum(axis=1))).ravel()
        x = sp.diags(1.0 / np.where(norm > 0, norm, 1.0)) @ x
        w, _, _ = non_negative_factorization(x, H=st["H"], n_components=self.n_topics, update_H=False,
                                             init="custom", random_state=self.seed, max_iter=400)
        return _normalise_rows(w)

    # -- effects of covariates (method of composition) -------------------------------------

    def _theta_draws(self, rng, uncertainty: str, replicate: int | None = None) -> np.ndarray:
        """One draw of every document's topic proportions from its approximate posterior.

        stm: ``η_d = λ_d + ε_d + ν_d Σ⁻¹ δᵀ z_d`` with ``ε_d ~ Normal(0, ν_d)``
        (local) or ``Normal(0, Σ - R)`` (global; ``R = cov(λ - μ)``), and
        ``δ`` one draw, shared by all documents, of the error of the prior-mean
        coefficients ``Γ`` (see :meth:`_prior_mean_error`).  Under bootstrap
        replicate ``replicate``: its modes and its global covariance, no ``δ``
        (the replicates carry the error of ``Γ``), topics in the order of the full fit.
        """
        st = self._state
        if replicate is not None:
            lam = st["boot_lambda"][replicate]
            if uncertainty != "none":
                root = self._stm_draw_terms()["boot_roots"][replicate]
                lam = lam + rng.standard_normal(lam.shape) @ root.T
            return softmax0(lam)[:, st["boot_perm"][replicate]]
        if uncertainty == "none":
            return self._theta
        if self.method == "stm":
            lam = st["lambda"]
            fixed = self._stm_draw_terms()
            if uncertainty == "local":
                if "chol_nu" not in st:
                    st["chol_nu"] = np.linalg.cholesky(st["nu"])
                z = rng.standard_normal(lam.shape)
                if "gain" not in fixed:
                    fixed["gain"] = np.einsum("nij,jk->nik", st["nu"], fixed["siginv"])      # ν_d Σ⁻¹
                shift = np.einsum("nij,nj->ni", fixed["gain"], self._prior_mean_error(rng, fixed))
                return softmax0(lam + np.einsum("nij,nj->ni", st["chol_nu"], z) + shift)
            shift = self._prior_mean_error(rng, fixed) @ (fixed["glob"] @ fixed["siginv"]).T
            return softmax0(lam + rng.standard_normal(lam.shape) @ fixed["root"].T + shift)
        if self.method == "lda":
            g = rng.standard_gamma(st["dirichlet"])
            return g / g.sum(axis=1, keepdims=True)
        raise OptionError("prevalence(): NMF has no posterior of the topic proportions; use uncertainty='none'.")

    def _stm_draw_terms(self) -> dict:
        """What every stm posterior draw needs, computed once: Σ⁻¹, the global covariance, the prior design."""
        cache = self.__dict__.setdefault("_draw_cache", {})
        if "siginv" not in cache:
            st = self._state
            lam = st["lambda"]
            z = np.ones((len(lam), 1)) if st["design"] is None else Design.from_json(st["design"]).matrix(self.docs_)
            root, spread = _global_root(lam, z, st["gamma"] if st["design"] is not None else None, st["sigma"])
            siginv = np.linalg.inv(st["sigma"])
            # Var(Γ̂) = (ZᵀZ)⁻¹ ⊗ Σ R⁻¹ Σ: the covariance of the documents' data-only estimates, Σ + V = Σ (Σ - ν̄)⁻¹ Σ
            marginal = st["sigma"] @ np.linalg.pinv(spread) @ st["sigma"]
            cache.update(siginv=(siginv + siginv.T) / 2, glob=root @ root.T, root=root, design=z,
                         root_ztz=_psd_root(np.linalg.pinv(z.T @ z)), root_marginal=_psd_root(marginal))
        if "boot_lambda" in self._state and "boot_roots" not in cache:
            st, z = self._state, cache["design"]
            cache["boot_roots"] = [_global_root(lb, z, gb if st["design"] is not None else None, sb)[0]
                                   for lb, gb, sb in zip(st["boot_lambda"], st["boot_gamma"], st["boot_sigma"])]
        return cache

    def _prior_mean_error(self, rng, fixed: dict) -> np.ndarray:
        """One draw of ``δᵀ z_d`` for every document: the error of the fitted prior mean ``μ_d = Γᵀ z_d``.

        stm's method of composition draws each document's ``η`` given the
        fitted ``Γ``; the documents' errors are then independent and average
        away, but ``Γ`` is itself estimated from the same documents, and its
        error is shared by all documents with the same covariates.  Treating
        each mode as ``λ_d = ν_d (Σ⁻¹ μ_d + V_d⁻¹ x_d)`` (a Gaussian
        approximation of the likelihood, ``x_d`` the document's data-only
        estimate with variance ``V_d``), ``Γ̂`` is the regression of the
        ``x_d`` on the design, with covariance ``(ZᵀZ)⁻¹ ⊗ (Σ + V̄)``, and
        ``Σ + V̄ = Σ (Σ - ν̄)⁻¹ Σ = Σ R⁻¹ Σ`` with ``R = cov(λ - μ)``.  A
        change ``δ`` of ``Γ`` moves each mode by ``ν_d Σ⁻¹ δᵀ z_d``.
        """
        p, k1 = fixed["design"].shape[1], fixed["root_marginal"].shape[0]
        delta = fixed["root_ztz"] @ rng.standard_normal((p, k1)) @ fixed["root_marginal"].T
        return fixed["design"] @ delta

    def _composition(self, by, time, *, ci, n_sims, n_draws, seed, uncertainty, time_points):
        """Draws of the topic prevalence at each value of ``by`` (and time point), pooled over simulations."""
        self._fitted()
        check("prevalence", _EFFECT_OPTIONS, by=by, time=time, ci=ci, n_sims=n_sims, n_draws=n_draws,
              seed=seed, uncertainty=uncertainty, time_points=time_points)
        if uncertainty is None:
            uncertainty = "topics" if self.method == "stm" and self._n_refits() else "global"
        if uncertainty == "topics" and (self.method != "stm" or not self._n_refits()):
            raise OptionError("prevalence(): uncertainty='topics' needs an stm model with n_bootstrap > 0 "
                              f"(this one: method={self.method!r}, n_bootstrap={self.n_bootstrap!r}).")
        if self.method == "nmf" and uncertainty != "none":
            raise OptionError("prevalence(): NMF has no posterior of the topic proportions; "
                              "pass uncertainty='none' (intervals then carry only the regression's uncertainty).")
        cols = [by] + ([time] if time else [])
        design = Design.learn(self.docs_, cols, what="prevalence()")
        if design.terms[0]["kind"] != "categorical":
            raise OptionError(f"prevalence(): by={by!r} must be a categorical column (an outlet, a language).")
        if time and design.terms[1]["kind"] != "date":
            raise OptionError(f"prevalence(): time={time!r} must be a date column.")
        z = design.matrix(self.docs_)
        levels = design.terms[0]["levels"]
        grid = pd.DataFrame({by: levels})
        if time:
            lo, hi = self.docs_[time].min(), self.docs_[time].max()
            points = pd.Series(pd.date_range(lo, hi, periods=time_points))
            grid = grid.merge(pd.DataFrame({time: points}), how="cross")
        zg = design.matrix(grid)
        ztz_inv = np.linalg.pinv(z.T @ z)
        root_inv = np.linalg.cholesky(ztz_inv + 1e-12 * np.eye(len(ztz_inv)))
        rng = np.random.default_rng(self.seed if seed is None else seed)
        n, p = z.shape
        n_boot = 0
        if uncertainty == "topics":
            self._replicates()
            n_boot = len(self._state["boot_lambda"])
        sims = max(n_sims, n_boot) if n_boot else 1 if uncertainty == "none" else n_sims
        draws = []
        for s in range(sims):
            theta = self._theta_draws(rng, uncertainty, s % n_boot if n_boot else None)
            coef = ztz_inv @ (z.T @ theta)                       # p × K
            resid = theta - z @ coef
            s2 = (resid ** 2).sum(axis=0) / max(n - p, 1)           # K
            e = rng.standard_normal((n_draws, p, theta.shape[1]))
            b = coef[None] + np.einsum("ij,djk->dik", root_inv, e) * np.sqrt(s2)[None, None, :]
            draws.append(np.einsum("gp,dpk->dgk", zg, b))
        return np.concatenate(draws), grid

    def prevalence(self, by: str = "outlet", *, time: str | None = None, ci: float = 0.95, n_sims: int = 25,
                   n_draws: int = 100, seed: int | None = None, uncertainty: str | None = None,
                   time_points: int = 25) -> pd.DataFrame:
        """Expected topic proportions per value of ``by`` (and over ``time``) with intervals, as stm's ``estimateEffect``.

        The method of composition (Treier & Jackman 2008; Roberts et al. 2019,
        ``estimateEffect``): ``n_sims`` times, every document's topic
        proportions are drawn from their approximate posterior, each topic's
        draws are regressed on ``by`` (indicators) and, when given, a B-spline
        of ``time`` (df 10), and ``n_draws`` coefficient vectors are drawn from
        the regression's normal approximation; the predictions at each ``by``
        level (and time point) are pooled over all draws: ``estimate`` is their
        mean and the interval their ``ci`` quantiles.  The regression is
        ordinary least squares with coefficient covariance ``s² (ZᵀZ)⁻¹``, ``s²``
        from the residuals of each draw, as stm's ``qr.lm``; the estimand is
        the conditional expectation ``E[θ | by]`` (the mean of the documents'
        proportions, not the softmax of the mean ``η``).

        Departure from stm (``method="stm"`` only): each simulation also
        draws the error of the fitted prior mean ``μ_d = Γᵀz_d`` (``z_d`` the
        model's own prevalence design), shared by all documents, and moves
        every document's ``η`` by its linear response ``ν_d Σ⁻¹ δᵀ z_d``, with
        ``Var(Γ̂) = (ZᵀZ)⁻¹ ⊗ Σ R⁻¹ Σ`` and ``R = cov(λ - μ)`` (see
        ``_prior_mean_error``; the empirical-Bayes correction of Kass & Steffey
        1989).  stm conditions every document's posterior on the fitted
        ``Γ``, which is estimated from the same documents; its error does not
        average away over the documents, and ignoring it makes the intervals
        too narrow.  On the benchmark's corpora (seeds 0–9) the coverage of
        the global 95% intervals rises with it from 0.827 to 0.847 with the
        last topic as reference, from 0.905 to 0.927 when the true
        topic-word distributions are given, and from 0.897 to 0.903 (within
        the Monte Carlo noise) with exchangeable topics, where the documents'
        posteriors lean less on the prior.  The intervals still do not carry
        the uncertainty of the topic-word distributions ``β`` (nor do stm's):
        a topic the model recovers badly is not covered.

        Parameters
        ----------
        by : str
            A categorical document column (``outlet``).
        time : str, optional
            A date column; the table then has ``time_points`` evenly spaced points per level.
        ci : float
            Interval level.
        n_sims, n_draws : int
            Posterior draws of the proportions (stm's ``nsims``, 25) and coefficient draws per regression (100).
        seed : int, optional
            Seed of the draws (default: the model's seed); same seed, same table.
        uncertainty : {"topics", "global", "local", "none"}, optional
            Default ``"topics"`` for stm with ``n_bootstrap`` refits (the
            default model), ``"global"`` otherwise.  ``"topics"``: the draws
            pooled over the bootstrap refits (below), which carry the
            estimation error of the topics as well; the first call runs the
            refits.  ``"global"`` (stm's default): each document's ``η`` drawn from
            ``Normal(λ_d, Σ - cov(λ - μ))``, one covariance for all documents;
            ``"local"``: each document's own Laplace posterior ``Normal(λ_d, ν_d)``
            (lda, under both: its variational Dirichlet); ``"none"``: the point estimates
            (the only choice for NMF).  On synthetic corpora with known
            outlet effects (``benchmarks/topics_eval.py``, 10 topics, 6
            outlets × 250 documents, seeds 0–9, exchangeable topics) the
            global 95% intervals cover the truth 0.90 of the time (correlation
            0.99), the local ones 0.84 (they are 16–25% narrower: the
            documents' own covariances average to about ``Σ - R`` but are
            smallest where a topic's share, and so its effect on ``θ``, is
            largest).  In stm's own parameterisation (the last topic fixed
            as the logistic-normal reference, see
            :func:`framing.topics.simulate.simulate_corpus`) the global
            intervals cover 0.85 (seeds 0–9 and fresh seeds 10–19 alike;
            the local ones 0.77 on seeds 0–9): topics 1–9 are covered 0.90
            of the time, the reference topic about 0.4, because it is rare,
            has no anchor
            word and is not recovered (its matched fitted topic lies at an L1
            distance of about 1.2 from it).  With the topic-word
            distributions held at the truth the global intervals cover 0.945
            on those corpora: the shortfall is the topic, not the draws,
            and not the search either: EM started at the true topics ends
            at a lower evidence bound than EM started at the anchors in 7
            of 10 seeds, so the model's objective does not favour the rare
            topic there (other anchors and β's posterior draws were tried
            and did not reach 0.88; see ``benchmarks/topics_eval.py``).
            ``"topics"`` pools the draws over the ``n_bootstrap`` refits
            instead (see :mod:`framing.topics.bootstrap`): each
            simulation takes one replicate's global parameters ``β``, ``Γ``,
            ``Σ`` and the original documents' modes under them, draws
            ``η`` as ``"global"`` does (without the prior-mean error, which
            the replicates carry), and orders the topics as the full fit;
            ``max(n_sims, n_bootstrap)`` simulations.  ``estimate`` is then
            the mean over the replicates.  The intervals also carry the
            estimation error of the topics: on the benchmark's
            reference-fixed corpora (σ 1.5, 10 replicates) they cover
            0.935 on seeds 0–9 and 0.948 on fresh seeds 10–19 (the
            reference topic 0.950 and 0.883, topics 1–9 0.933 and 0.956;
            correlation 0.983 and 0.984) against 0.847 and 0.852 without
            (reference topic 0.367 and 0.417), and 0.945 on the
            exchangeable design (seeds 0–6; 0.898 without), at about 1.5
            times the mean half-width and 11 times the fitting time.
            ``"local"`` and ``"none"`` leave the refits out.
        time_points : int
            Points of the time grid.

        Returns
        -------
        pandas.DataFrame
            ``topic``, ``by``, (``time``), ``estimate``, ``ci_lower``, ``ci_upper``.

        References
        ----------
        Treier, S., & Jackman, S. (2008). Democracy as a latent variable. *AJPS* 52(1), 201–217.
        Kass, R. E., & Steffey, D. (1989). Approximate Bayesian inference in conditionally
        independent hierarchical models (parametric empirical Bayes models). *JASA* 84(407), 717–726.
        Roberts, M. E., Stewart, B. M., & Tingley, D. (2019). stm: An R package for
        structural topic models. *Journal of Statistical Software* 91(2).

        Examples
        --------
        >>> import numpy as np, pandas as pd, scipy.sparse as sp
        >>> from framing import Features, TopicModel
        >>> m = np.array([[4, 3, 0, 0], [3, 5, 1, 0], [0, 0, 4, 4], [0, 1, 3, 5]] * 5)
        >>> docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(20)], "outlet": ["A", "A", "B", "B"] * 5})
        >>> X = Features(sp.csr_matrix(m), ["мир", "переговоры", "удар", "ракета"], docs)
        >>> t = TopicModel(2, prevalence="outlet").fit(X).prevalence("outlet")
        >>> len(t), bool((t.ci_lower <= t.estimate).all())
        (4, True)
        """
        draws, grid = self._composition(by, time, ci=ci, n_sims=n_sims, n_draws=n_draws, seed=seed,
                                        uncertainty=uncertainty, time_points=time_points)
        return self._summarise(draws, grid, ci)

    def _summarise(self, draws, grid, ci):
        alpha = (1 - ci) / 2
        est = draws.mean(axis=0)
        lo, hi = np.quantile(draws, [alpha, 1 - alpha], axis=0)
        k = est.shape[1]
        out = pd.concat([grid] * k, ignore_index=True)
        out.insert(0, "topic", np.repeat(self.topic_word_.index.to_numpy(), len(grid)))
        gi = np.tile(np.arange(len(grid)), k)
        ki = np.repeat(np.arange(k), len(grid))
        out["estimate"], out["ci_lower"], out["ci_upper"] = est[gi, ki], lo[gi, ki], hi[gi, ki]
        return out

    def difference(self, a, b, *, by: str = "outlet", ci: float = 0.95, n_sims: int = 25, n_draws: int = 100,
                   seed: int | None = None, uncertainty: str | None = None) -> pd.DataFrame:
        """Difference of each topic's expected proportion between ``by == a`` and ``by == b``, with intervals.

        The same draws as :meth:`prevalence` (method of composition), differenced draw by draw.

        Returns
        -------
        pandas.DataFrame
            ``topic``, ``a``, ``b``, ``estimate`` (a minus b), ``ci_lower``, ``ci_upper``.
        """
        draws, grid = self._composition(by, None, ci=ci, n_sims=n_sims, n_draws=n_draws, seed=seed,
                                        uncertainty=uncertainty, time_points=25)
        levels = grid[by].tolist()
        for v in (a, b):
            if str(v) not in levels:
                raise OptionError(f"difference(): {v!r} is not a value of {by!r}; values: {levels[:10]}.")
        d = draws[:, levels.index(str(a))] - draws[:, levels.index(str(b))]
        alpha = (1 - ci) / 2
        lo, hi = np.quantile(d, [alpha, 1 - alpha], axis=0)
        return pd.DataFrame({"topic": self.topic_word_.index.to_numpy(), "a": str(a), "b": str(b),
                             "estimate": d.mean(axis=0), "ci_lower": lo, "ci_upper": hi})

    # -- saving ----------------------------------------------------------------------------

    def save(self, path) -> Path:
        """Save to a folder: ``model.json`` (options, vocabulary, documents) and ``arrays.npz``; no pickle."""
        self._fitted()
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        arrays = {k: v for k, v in self._state.items() if isinstance(v, np.ndarray) and k != "chol_nu"}
        arrays.update(theta=self._theta, term_counts=self.term_counts_, bound=np.asarray(self.bound_, float))
        meta = {
            "format": _FORMAT,
            "params": {"n_topics": self.n_topics, "method": self.method, "prevalence": self.prevalence_covariates,
                       "seed": self.seed, "max_iter": self.max_iter, "tol": self.tol,
                       "n_bootstrap": self.n_bootstrap},
            "vocabulary": self.vocabulary_.tolist(),
            "design": self._state.get("design"),
            "n_iter": int(self.n_iter_), "converged": bool(self.converged_),
            "anchors": None if not hasattr(self, "anchors_") else self.anchors_.tolist(),
            "docs": _docs_to_json(self.docs_),
        }
        with atomic_path(path / "arrays.npz") as tmp:
            with open(tmp, "wb") as fh:
                np.savez_compressed(fh, **arrays)
        with atomic_path(path / "model.json") as tmp:
            tmp.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        return path

    @classmethod
    def load(cls, path) -> "TopicModel":
        """Load a model written by :meth:`save`."""
        path = Path(path)
        try:
            meta = json.loads((path / "model.json").read_text(encoding="utf-8"))
        except FileNotFoundError as err:
            raise OptionError(f"TopicModel.load(): {path / 'model.json'} does not exist; "
                              "pass the folder given to save().") from err
        if meta.get("format") != _FORMAT:
            raise OptionError(f"TopicModel.load(): {path / 'model.json'} is not a saved TopicModel "
                              f"(format {meta.get('format')!r}).")
        p = meta["params"]
        model = cls(p["n_topics"], method=p["method"], prevalence=p["prevalence"], seed=p["seed"],
                    max_iter=p["max_iter"], tol=p["tol"], n_bootstrap=p.get("n_bootstrap", 0))
        with np.load(path / "arrays.npz", allow_pickle=False) as z:
            arrays = {k: z[k] for k in z.files}
        model.vocabulary_ = np.asarray(meta["vocabulary"], dtype=object)
        model.term_counts_ = arrays.pop("term_counts")
        model.bound_ = arrays.pop("bound")
        model._theta = arrays.pop("theta")
        model._state = dict(arrays, design=meta["design"])
        model.n_iter_, model.converged_ = meta["n_iter"], meta["converged"]
        if meta["anchors"] is not None:
            model.anchors_ = np.asarray(meta["anchors"], dtype=object)
        model.docs_ = _docs_from_json(meta["docs"])
        model._tables()
        return model

    def __repr__(self):
        return f"TopicModel({self.n_topics}, method={self.method!r}, prevalence={self.prevalence_covariates!r})"


# -- helpers -------------------------------------------------------------------------------

def _normalise_rows(a: np.ndarray) -> np.ndarray:
    a = np.asarray(a, dtype=float)
    s = a.sum(axis=1, keepdims=True)
    out = np.divide(a, s, out=np.full_like(a, 1.0 / a.shape[1]), where=s > 0)
    return out


def _global_root(lam: np.ndarray, z: np.ndarray, gamma: np.ndarray | None, sigma: np.ndarray):
    """stm's global posterior covariance ``Σ - R`` as a square root, and ``R = cov(λ - μ)``."""
    resid = lam - lam.mean(axis=0) if gamma is None else lam - z @ gamma
    spread = resid.T @ resid / len(lam)
    return _psd_root(sigma - spread), spread


def _psd_root(a: np.ndarray) -> np.ndarray:
    """A square root ``L`` (``L Lᵀ = a``) of a symmetric positive semi-definite matrix, negative eigenvalues cut to 0."""
    w, v = np.linalg.eigh((a + a.T) / 2)
    return v * np.sqrt(np.maximum(w, 0))


def _gensim_corpus(counts: sp.csr_matrix) -> list:
    return [list(zip(counts.indices[counts.indptr[d]:counts.indptr[d + 1]].tolist(),
                     counts.data[counts.indptr[d]:counts.indptr[d + 1]].tolist()))
            for d in range(counts.shape[0])]


def _lda_infer(state, counts) -> np.ndarray:
    """Variational Dirichlet of new documents under a fitted LDA (Blei et al. 2003, the E-step)."""
    beta = state["beta"]
    alpha = state["alpha"]
    n = counts.shape[0]
    gamma = alpha[None, :] + np.asarray(counts.sum(axis=1)).ravel()[:, None] / len(alpha)
    from scipy.special import digamma

    for d in range(n):
        lo, hi = counts.indptr[d], counts.indptr[d + 1]
        if hi == lo:
            gamma[d] = alpha
            continue
        cols, c = counts.indices[lo:hi], counts.data[lo:hi]
        b = beta[:, cols]
        g = gamma[d]
        for _ in range(100):
            e = np.exp(digamma(g) - digamma(g.sum()))
            phinorm = e @ b + 1e-100
            g_new = alpha + e * (b @ (c / phinorm))
            if np.abs(g_new - g).mean() < 1e-5:
                g = g_new
                break
            g = g_new
        gamma[d] = g
    return gamma / gamma.sum(axis=1, keepdims=True)


def _align(X: Features, vocabulary: np.ndarray) -> sp.csr_matrix:
    """The counts of ``X`` in the columns of ``vocabulary`` (unknown terms dropped)."""
    pos = pd.Index(vocabulary).get_indexer(X.vocabulary)
    m = sp.csr_matrix(X.matrix, dtype=float).tocoo()
    keep = pos[m.col] >= 0
    return sp.csr_matrix((m.data[keep], (m.row[keep], pos[m.col[keep]])), shape=(m.shape[0], len(vocabulary)))


def _docs_to_json(docs: pd.DataFrame) -> dict:
    cols = {}
    for c in docs.columns:
        col = docs[c]
        if pd.api.types.is_datetime64_any_dtype(col):
            tz = str(col.dt.tz) if getattr(col.dt, "tz", None) is not None else None
            naive = col.dt.tz_convert("UTC").dt.tz_localize(None) if tz else col
            cols[c] = {"kind": "datetime", "tz": tz,
                       "values": [None if pd.isna(v) else v.isoformat() for v in naive]}
        elif pd.api.types.is_bool_dtype(col):
            cols[c] = {"kind": "bool", "values": col.tolist()}
        elif pd.api.types.is_numeric_dtype(col):
            cols[c] = {"kind": "number", "values": [None if pd.isna(v) else v for v in col.tolist()]}
        else:
            cols[c] = {"kind": "string", "values": [None if pd.isna(v) else str(v) for v in col.tolist()]}
    return {"columns": list(docs.columns), "data": cols}


def _docs_from_json(obj: dict) -> pd.DataFrame:
    data = {}
    for c in obj["columns"]:
        spec = obj["data"][c]
        if spec["kind"] == "datetime":
            s = pd.to_datetime(pd.Series(spec["values"], dtype=object))
            data[c] = s.dt.tz_localize("UTC").dt.tz_convert(spec["tz"]) if spec["tz"] else s
        elif spec["kind"] == "number":
            data[c] = pd.Series(spec["values"], dtype=float) if None in spec["values"] else pd.Series(spec["values"])
        else:
            data[c] = pd.Series(spec["values"], dtype=object)
    return pd.DataFrame(data)
