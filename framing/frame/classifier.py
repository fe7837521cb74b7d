"""A trainable multi-label frame classifier (Policy Frames Codebook or your own labels).

Three views of a document, each with a one-vs-rest logistic regression per
frame, averaged (a soft vote):

- ``"lemmas"``: TF-IDF over content lemmas (nouns, proper nouns, adjectives,
  verbs), sublinear term frequency;
- ``"vectors"``: the mean navec vector of the content lemmas (Russian only:
  navec ships inside natasha; documents of other languages skip this view);
- ``"dictionary"``: the document's scores on the frame dictionary
  (:func:`framing.frames`), which do not depend on the language, so labelled
  documents of *other* languages (``extra=``, e.g. SemEval's English articles)
  can train this view.

The decision threshold is calibrated: chosen by an inner cross-validation on
the training documents to maximise micro-F1.  Models are saved as JSON plus
NumPy arrays, never pickled.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd

from .._errors import LoadError, OptionError, SchemaError
from .._options import Interval, OneOf, check

__all__ = ["FrameClassifier", "cross_validate_frames", "frame_labels"]

CONTENT_UPOS = ("NOUN", "PROPN", "ADJ", "VERB")
COMPONENTS = ("lemmas", "vectors", "dictionary")
_FORMAT = "framing.FrameClassifier/1"
_GRID = np.round(np.arange(0.20, 0.701, 0.025), 3)


def frame_labels(values, *, sep: str = ",") -> pd.Series:
    """Normalise frame labels to a Series of sorted label tuples indexed by ``doc_id``.

    Parameters
    ----------
    values : Series or dict
        ``doc_id`` → labels, each a list/tuple/set of labels or one string
        with labels separated by ``sep`` (SemEval's ``"Economic,Political"``).
        An empty string or an empty list means "no frame"; a missing value
        (None, NaN) means "not labelled" and the document is dropped.

    Examples
    --------
    >>> from framing.frame import frame_labels
    >>> frame_labels({"a": "Political,Economic", "b": [], "c": None}).to_dict()
    {'a': ('Economic', 'Political'), 'b': ()}
    """
    s = pd.Series(values, dtype=object) if not isinstance(values, pd.Series) else values
    out = {}
    for doc_id, v in s.items():
        if v is None or (isinstance(v, float) and np.isnan(v)):
            continue
        if isinstance(v, str):
            items = [x.strip() for x in v.split(sep)]
        else:
            try:
                items = [str(x).strip() for x in v]
            except TypeError:
                raise SchemaError(f"frame labels of document {doc_id!r}: {v!r} is neither a string "
                                  "nor a list of labels.") from None
        out[str(doc_id)] = tuple(sorted({x for x in items if x}))
    return pd.Series(out, dtype=object, name="frames")


# --- document views -----------------------------------------------------------

def _content_lemmas(ann) -> pd.Series:
    t = ann.tokens
    t = t[t["upos"].isin(CONTENT_UPOS).to_numpy()]
    lem = t["lemma"].astype(str).str.lower().str.replace("ё", "е", regex=False)
    grouped = lem.groupby(t["doc_id"].to_numpy(), sort=False).agg(list)
    return grouped.reindex(ann.docs["doc_id"]).apply(lambda v: v if isinstance(v, list) else [])


def _identity(doc):
    return doc


def _navec():
    from ..annotate.ru_parser import navec_vectors

    return navec_vectors()


def _vectors(lemma_lists, langs) -> np.ndarray:
    """Mean navec vector per document (L2-normalised); NaN rows where not Russian or no known word."""
    out = np.full((len(lemma_lists), 300), np.nan)
    if not any(lg == "ru" for lg in langs):
        return out
    nv = _navec()
    for i, (lemmas, lg) in enumerate(zip(lemma_lists, langs)):
        if lg != "ru":
            continue
        vecs = [nv[w] for w in lemmas if w in nv]
        if vecs:
            v = np.mean(vecs, axis=0)
            n = np.linalg.norm(v)
            out[i] = v / n if n > 0 else v
    return out


def _dictionary(ann, scheme: str) -> np.ndarray:
    from .dictionary import frames as frame_scores

    f = frame_scores(ann, scheme=scheme)
    wide = f.pivot_table(index="doc_id", columns="frame", values="score", aggfunc="sum", sort=False)
    wide = wide.reindex(index=ann.docs["doc_id"]).fillna(0.0)
    from .dictionary import frame_questions

    wide = wide.reindex(columns=frame_questions(scheme)["frame"]).fillna(0.0)
    return np.log1p(wide.to_numpy(dtype=float))


class _Views:
    """The three views of the documents of one Annotated (computed once)."""

    def __init__(self, ann, components, scheme):
        self.doc_ids = ann.docs["doc_id"].astype(str).tolist()
        self.langs = (ann.docs["lang"].astype(str).tolist() if "lang" in ann.docs.columns
                      else ["ru"] * len(self.doc_ids))
        self.lemmas = _content_lemmas(ann).tolist()
        self.vectors = _vectors(self.lemmas, self.langs) if "vectors" in components else None
        self.dictionary = _dictionary(ann, scheme) if "dictionary" in components else None

    def take(self, idx):
        v = object.__new__(_Views)
        v.doc_ids = [self.doc_ids[i] for i in idx]
        v.langs = [self.langs[i] for i in idx]
        v.lemmas = [self.lemmas[i] for i in idx]
        v.vectors = None if self.vectors is None else self.vectors[idx]
        v.dictionary = None if self.dictionary is None else self.dictionary[idx]
        return v


def _fit_ovr(X, Y, C, seed):
    """One logistic regression per column of Y: (coef, intercept); constant columns kept as a fixed rate."""
    from sklearn.linear_model import LogisticRegression

    coef = np.zeros((Y.shape[1], X.shape[1]))
    inter = np.zeros(Y.shape[1])
    for j in range(Y.shape[1]):
        y = Y[:, j]
        if y.min() == y.max():
            rate = np.clip(y.mean(), 1e-3, 1 - 1e-3)
            inter[j] = np.log(rate / (1 - rate))
            continue
        m = LogisticRegression(C=C, class_weight="balanced", max_iter=2000, random_state=seed)
        m.fit(X, y)
        coef[j] = m.coef_[0]
        inter[j] = m.intercept_[0]
    return coef, inter


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-np.clip(z, -50, 50)))


def _micro_f1(Y, P):
    tp = (Y & P).sum()
    denom = Y.sum() + P.sum()
    return 2 * tp / denom if denom else 0.0


def _macro_f1(Y, P):
    scores = []
    for j in range(Y.shape[1]):
        denom = Y[:, j].sum() + P[:, j].sum()
        scores.append(2 * (Y[:, j] & P[:, j]).sum() / denom if denom else 0.0)
    return float(np.mean(scores)) if scores else 0.0


class FrameClassifier:
    """Multi-label frame classifier: a soft vote of lemma, vector and dictionary views.

    Parameters
    ----------
    components : tuple of str
        Views to use, any of ``"lemmas"``, ``"vectors"``, ``"dictionary"``.
    scheme : {"policy", "generic"}
        The frame dictionary behind the ``"dictionary"`` view.
    C : float
        Inverse regularisation strength of every logistic regression.
    threshold : "cv" or float
        ``"cv"``: chosen by an inner ``folds``-fold cross-validation on the
        training documents (the value maximising micro-F1); or a fixed value.
    folds : int
        Folds of that inner cross-validation.
    min_df : int
        A lemma enters the TF-IDF vocabulary when it occurs in at least this
        many training documents.
    seed : int
        Seed of the fold split and of the solvers.

    Attributes
    ----------
    classes_ : list of str
        The frames, in column order of :meth:`predict_proba`.
    threshold_ : float
        The decision threshold used by :meth:`predict`.
    components_ : list of str
        The views actually trained (``"vectors"`` is dropped when no training
        document is Russian).
    cv_micro_f1_ : float or None
        Micro-F1 of the inner cross-validation at ``threshold_`` (``"cv"`` only).

    Notes
    -----
    Features follow Card et al. (2015) for lemma views of policy frames; the
    dictionary view transfers across languages because its features are frame
    scores, not words.  On SemEval-2023 Task 3 Russian the benchmark
    ``benchmarks/frames_eval.py`` prints the cross-validated micro-F1 of each
    view and of the vote next to the all-frames baseline and published results.

    References
    ----------
    Card, D., Boydstun, A. E., Gross, J. H., Resnik, P., & Smith, N. A. (2015).
    The Media Frames Corpus: Annotations of frames across issues. *ACL 2015*,
    438–444.
    Piskorski, J., Stefanovitch, N., Da San Martino, G., & Nakov, P. (2023).
    SemEval-2023 Task 3: Detecting the category, the framing, and the
    persuasion techniques in online news in a multi-lingual setup.
    *SemEval-2023*, 2343–2361.

    Examples
    --------
    >>> import framing
    >>> ann = framing.annotate(framing.load_demo(), progress=False)
    >>> ids = ann.docs["doc_id"].tolist()
    >>> labels = {d: ("Security_and_defense",) if i % 2 else ("Political", "Economic") for i, d in enumerate(ids)}
    >>> clf = framing.FrameClassifier(components=("lemmas", "dictionary"), threshold=0.5).fit(ann, labels)
    >>> clf.classes_
    ['Economic', 'Political', 'Security_and_defense']
    >>> clf.predict(ann).columns.tolist()
    ['doc_id', 'frames']
    """

    def __init__(self, *, components=COMPONENTS, scheme="policy", C=10.0, threshold="cv", folds=5,
                 min_df=2, seed=0):
        self.components = components
        self.scheme = scheme
        self.C = C
        self.threshold = threshold
        self.folds = folds
        self.min_df = min_df
        self.seed = seed

    # -- options ----------------------------------------------------------------
    def _check(self):
        check("FrameClassifier", {"scheme": OneOf("policy", "generic"), "C": Interval(0, None, closed="neither"),
                                  "folds": Interval(2, None, integer=True), "min_df": Interval(1, None, integer=True),
                                  "seed": Interval(0, None, integer=True),
                                  "threshold": [OneOf("cv"), Interval(0, 1, closed="neither")]},
              scheme=self.scheme, C=self.C, folds=self.folds, min_df=self.min_df, seed=self.seed,
              threshold=self.threshold)
        comps = tuple(self.components)
        bad = [c for c in comps if c not in COMPONENTS]
        if bad or not comps:
            raise OptionError(f"FrameClassifier(): components={self.components!r} is not allowed; "
                              f"use a non-empty subset of {COMPONENTS}.")
        return comps

    # -- training ---------------------------------------------------------------
    def fit(self, ann, labels, *, extra=None):
        """Learn the frames of the labelled documents of ``ann``.

        Parameters
        ----------
        ann : Annotated
        labels : Series or dict
            ``doc_id`` → labels (see :func:`frame_labels`); documents without a
            label are not used.
        extra : (Annotated, labels) or list of them, optional
            Labelled documents in other languages; only the language-free
            ``"dictionary"`` view learns from them.

        Returns
        -------
        self
        """
        comps = self._check()
        y = frame_labels(labels)
        views = _Views(ann, comps, self.scheme)
        idx = [i for i, d in enumerate(views.doc_ids) if d in y.index]
        if len(idx) < 2:
            raise SchemaError(f"FrameClassifier.fit: {len(idx)} document(s) of ann have labels; "
                              "labels must be keyed by the doc_id of ann's documents.")
        views = views.take(idx)
        extras = []
        for e_ann, e_labels in ([] if extra is None else [extra] if isinstance(extra, tuple) else extra):
            ey = frame_labels(e_labels)
            ev = _Views(e_ann, ("dictionary",), self.scheme)
            eidx = [i for i, d in enumerate(ev.doc_ids) if d in ey.index]
            extras.append((ev.take(eidx), [ey[ev.doc_ids[i]] for i in eidx]))
        self.classes_ = sorted({f for fs in y.reindex(views.doc_ids) for f in fs}
                               | {f for _, ys in extras for fs in ys for f in fs})
        Y = self._binarize([y[d] for d in views.doc_ids])
        extra_views = [(v, self._binarize(ys)) for v, ys in extras]
        self.components_ = [c for c in comps if not (c == "vectors" and not np.isfinite(views.vectors).all(1).any())]
        if self.threshold == "cv":
            proba = self._oof(views, Y, extra_views)
            scores = [_micro_f1(Y, (proba >= t).astype(int)) for t in _GRID]
            best = int(np.argmax(scores))
            self.threshold_ = float(_GRID[best])
            self.cv_micro_f1_ = float(scores[best])
        else:
            self.threshold_ = float(self.threshold)
            self.cv_micro_f1_ = None
        self._params_ = self._fit_views(views, Y, extra_views)
        return self

    def _binarize(self, label_lists):
        return _binarize_with(self.classes_, label_lists)

    def _oof(self, views, Y, extra_views):
        from sklearn.model_selection import KFold

        n = len(views.doc_ids)
        proba = np.zeros(Y.shape)
        for tr, te in KFold(min(self.folds, n), shuffle=True, random_state=self.seed).split(np.arange(n)):
            params = self._fit_views(views.take(tr), Y[tr], extra_views)
            proba[te] = self._proba(params, views.take(te))
        return proba

    def _fit_views(self, views, Y, extra_views):
        from sklearn.feature_extraction.text import TfidfVectorizer

        params = {}
        if "lemmas" in self.components_:
            vec = TfidfVectorizer(analyzer=_identity, min_df=min(self.min_df, len(views.lemmas)), sublinear_tf=True)
            X = vec.fit_transform(views.lemmas)
            vocab = sorted(vec.vocabulary_, key=vec.vocabulary_.get)
            coef, inter = _fit_ovr(X, Y, self.C, self.seed)
            params["lemmas"] = {"vocabulary": vocab, "idf": vec.idf_, "coef": coef, "intercept": inter}
        if "vectors" in self.components_:
            ok = np.isfinite(views.vectors).all(1)
            if ok.sum() >= 2:
                coef, inter = _fit_ovr(views.vectors[ok], Y[ok], self.C, self.seed)
                params["vectors"] = {"coef": coef, "intercept": inter}
        if "dictionary" in self.components_:
            X = np.vstack([views.dictionary] + [v.dictionary for v, _ in extra_views])
            YY = np.vstack([Y] + [ey for _, ey in extra_views])
            mean, scale = X.mean(0), X.std(0)
            scale[scale == 0] = 1.0
            coef, inter = _fit_ovr((X - mean) / scale, YY, 1.0, self.seed)
            params["dictionary"] = {"mean": mean, "scale": scale, "coef": coef, "intercept": inter}
        return params

    def _proba(self, params, views):
        import scipy.sparse as sp

        n, k = len(views.doc_ids), len(self.classes_)
        total = np.zeros((n, k))
        count = np.zeros((n, 1))
        if "lemmas" in params:
            p = params["lemmas"]
            col = {w: j for j, w in enumerate(p["vocabulary"])}
            rows, cols, vals = [], [], []
            for i, lemmas in enumerate(views.lemmas):
                tf = pd.Series([col[w] for w in lemmas if w in col], dtype=int).value_counts()
                rows += [i] * len(tf)
                cols += tf.index.tolist()
                vals += (1.0 + np.log(tf.to_numpy(dtype=float))).tolist()
            X = sp.csr_matrix((vals, (rows, cols)), shape=(n, len(col)))
            X = X.multiply(p["idf"]).tocsr()
            norms = np.sqrt(np.asarray(X.multiply(X).sum(1))).ravel()
            norms[norms == 0] = 1.0
            X = sp.diags(1.0 / norms) @ X
            total += _sigmoid(X @ p["coef"].T + p["intercept"])
            count += 1
        if "vectors" in params:
            p = params["vectors"]
            ok = np.isfinite(views.vectors).all(1)
            if ok.any():
                total[ok] += _sigmoid(views.vectors[ok] @ p["coef"].T + p["intercept"])
                count[ok] += 1
        if "dictionary" in params:
            p = params["dictionary"]
            X = (views.dictionary - p["mean"]) / p["scale"]
            total += _sigmoid(X @ p["coef"].T + p["intercept"])
            count += 1
        return total / np.maximum(count, 1)

    # -- prediction -------------------------------------------------------------
    def _fitted(self):
        if not hasattr(self, "_params_"):
            raise OptionError("This FrameClassifier is not fitted yet: call fit(ann, labels) or load a saved model.")

    def predict_proba(self, ann) -> pd.DataFrame:
        """Probability of each frame per document: a DataFrame indexed by ``doc_id``, one column per frame."""
        self._fitted()
        views = _Views(ann, tuple(self.components_), self.scheme)
        proba = self._proba(self._params_, views)
        return pd.DataFrame(proba, index=pd.Index(views.doc_ids, name="doc_id"), columns=self.classes_)

    def predict(self, ann) -> pd.DataFrame:
        """The frames of each document: ``doc_id``, ``frames`` (a tuple of labels, possibly empty)."""
        proba = self.predict_proba(ann)
        cls = np.asarray(self.classes_, dtype=object)
        frames = [tuple(cls[row >= self.threshold_]) for row in proba.to_numpy()]
        return pd.DataFrame({"doc_id": proba.index.to_numpy(), "frames": frames})

    # -- persistence (no pickle) ------------------------------------------------
    def save(self, path) -> Path:
        """Write the model to a folder: ``model.json`` and ``arrays.npz`` (no pickle)."""
        self._fitted()
        from .._atomic import atomic_path

        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        arrays = {}
        meta = {"format": _FORMAT, "params": {"components": list(self.components), "scheme": self.scheme,
                                              "C": self.C, "threshold": self.threshold, "folds": self.folds,
                                              "min_df": self.min_df, "seed": self.seed},
                "classes": self.classes_, "threshold": self.threshold_, "cv_micro_f1": self.cv_micro_f1_,
                "components": self.components_, "vocabulary": self._params_.get("lemmas", {}).get("vocabulary", [])}
        from .._version import __version__

        meta["framing_version"] = __version__
        for comp, p in self._params_.items():
            for key, value in p.items():
                if key != "vocabulary":
                    arrays[f"{comp}.{key}"] = np.asarray(value, dtype=float)
        with atomic_path(folder / "arrays.npz") as tmp, open(tmp, "wb") as fh:
            np.savez(fh, **arrays)
        with atomic_path(folder / "model.json") as tmp:
            Path(tmp).write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
        return folder

    @classmethod
    def load(cls, path) -> "FrameClassifier":
        """Read a model written by :meth:`save`."""
        folder = Path(path)
        try:
            meta = json.loads((folder / "model.json").read_text(encoding="utf-8"))
            with np.load(folder / "arrays.npz", allow_pickle=False) as z:
                arrays = {k: z[k] for k in z.files}
        except (OSError, ValueError) as err:
            raise LoadError(f"{folder}: not a saved FrameClassifier ({err}).") from None
        if meta.get("format") != _FORMAT:
            raise LoadError(f"{folder}: format {meta.get('format')!r} is not {_FORMAT!r}.")
        model = cls(**{k: (tuple(v) if k == "components" else v) for k, v in meta["params"].items()})
        model.classes_ = list(meta["classes"])
        model.threshold_ = float(meta["threshold"])
        model.cv_micro_f1_ = meta["cv_micro_f1"]
        model.components_ = list(meta["components"])
        params = {}
        for key, value in arrays.items():
            comp, name = key.split(".", 1)
            params.setdefault(comp, {})[name] = value
        if "lemmas" in params:
            params["lemmas"]["vocabulary"] = list(meta["vocabulary"])
        model._params_ = params
        return model


def cross_validate_frames(ann, labels, *, folds=5, seed=0, extra=None, **params) -> pd.DataFrame:
    """K-fold cross-validation of :class:`FrameClassifier` on labelled documents.

    Parameters
    ----------
    ann : Annotated
    labels : Series or dict
        ``doc_id`` → labels.
    folds : int
        Outer folds (the classifier's own threshold search runs inside each).
    seed : int
        Seed of the split and of the classifier.
    extra : optional
        As in :meth:`FrameClassifier.fit` (used in every fold's training).
    **params
        Passed to :class:`FrameClassifier`.

    Returns
    -------
    pandas.DataFrame
        One row per fold: ``fold``, ``docs``, ``threshold``, ``micro_f1``,
        ``macro_f1``; ``.attrs["predictions"]`` holds every document's
        out-of-fold ``frames`` and ``true`` labels, ``.attrs["micro_f1"]`` and
        ``.attrs["macro_f1"]`` the scores of the pooled predictions.

    Examples
    --------
    >>> import framing
    >>> from framing.frame import cross_validate_frames
    >>> ann = framing.annotate(framing.load_demo(), progress=False)
    >>> labels = {d: ("War",) if "e01" in d else ("Other",) for d in ann.docs["doc_id"]}
    >>> cv = cross_validate_frames(ann, labels, folds=3, components=("lemmas",), threshold=0.5)
    >>> cv.columns.tolist()
    ['fold', 'docs', 'threshold', 'micro_f1', 'macro_f1']
    """
    from sklearn.model_selection import KFold

    y = frame_labels(labels)
    ids = [d for d in ann.docs["doc_id"].astype(str) if d in y.index]
    classes = sorted({f for fs in y.reindex(ids) for f in fs})
    rows, preds = [], []
    for k, (tr, te) in enumerate(KFold(folds, shuffle=True, random_state=seed).split(ids)):
        tr_ids = {ids[i] for i in tr}
        te_ids = [ids[i] for i in te]
        clf = FrameClassifier(seed=seed, **params).fit(ann.select(docs=sorted(tr_ids)), y[list(tr_ids)], extra=extra)
        p = clf.predict(ann.select(docs=te_ids)).set_index("doc_id").reindex(te_ids)
        Yt = _binarize_with(classes, [y[d] for d in te_ids])
        Pt = _binarize_with(classes, p["frames"].tolist())
        rows.append({"fold": k, "docs": len(te_ids), "threshold": clf.threshold_,
                     "micro_f1": _micro_f1(Yt, Pt), "macro_f1": _macro_f1(Yt, Pt)})
        preds += [{"doc_id": d, "frames": f, "true": y[d]} for d, f in zip(te_ids, p["frames"])]
    out = pd.DataFrame(rows)
    pred = pd.DataFrame(preds)
    Y = _binarize_with(classes, pred["true"].tolist())
    P = _binarize_with(classes, pred["frames"].tolist())
    out.attrs["predictions"] = pred
    out.attrs["micro_f1"] = float(_micro_f1(Y, P))
    out.attrs["macro_f1"] = float(_macro_f1(Y, P))
    return out


def _binarize_with(classes, label_lists):
    col = {f: j for j, f in enumerate(classes)}
    Y = np.zeros((len(label_lists), len(classes)), dtype=int)
    for i, fs in enumerate(label_lists):
        for f in fs:
            if f in col:
                Y[i, col[f]] = 1
    return Y
