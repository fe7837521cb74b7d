"""Design matrices of document covariates: categories as indicators, dates and numbers as B-splines.

A :class:`Design` is learned from a documents table (the levels of each
category, the knots of each spline) and then builds the same columns for any
table, so that a fitted model can predict for new documents or for a grid of
covariate values.  Its state is plain JSON.

* a categorical column (strings, categories, booleans) enters as indicators of
  every level but the first (sorted), after an intercept;
* a date column (datetime64) enters as a cubic B-spline of the time in days
  with ``df`` columns, the first basis function dropped as in R's
  ``splines::bs`` (stm's ``s()``, default ``df = 10``), interior knots at
  quantiles of the observed values; values outside the observed range are
  clamped to it;
* a numeric column enters linearly.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.interpolate import BSpline

from .._errors import OptionError, missing_columns

#: nanoseconds per day
_DAY = 86_400 * 10**9


def _to_days(values: pd.Series) -> np.ndarray:
    ts = pd.to_datetime(values)
    if getattr(ts.dt, "tz", None) is not None:
        ts = ts.dt.tz_convert("UTC").dt.tz_localize(None)
    return ts.astype("datetime64[ns]").astype("int64").to_numpy() / _DAY


def _bspline_basis(x: np.ndarray, knots: list, degree: int = 3) -> np.ndarray:
    t = np.asarray(knots, dtype=float)
    lo, hi = t[degree], t[-degree - 1]
    xx = np.clip(np.asarray(x, dtype=float), lo, hi)
    if hi <= lo:
        return np.zeros((len(xx), 0))
    basis = BSpline.design_matrix(xx, t, degree, extrapolate=False).toarray()
    return basis[:, 1:]


def _spline_knots(x: np.ndarray, df: int, degree: int = 3) -> list:
    lo, hi = float(np.min(x)), float(np.max(x))
    n_inner = max(df - degree, 0)
    inner = np.quantile(x, np.linspace(0, 1, n_inner + 2)[1:-1]) if n_inner else np.array([])
    inner = np.unique(inner[(inner > lo) & (inner < hi)])
    return [lo] * (degree + 1) + inner.tolist() + [hi] * (degree + 1)


class Design:
    """Columns of document covariates for a regression (intercept first)."""

    def __init__(self, terms: list):
        self.terms = terms

    @classmethod
    def learn(cls, docs: pd.DataFrame, columns, *, df: int = 10, what: str = "prevalence") -> "Design":
        """Learn the levels and knots of ``columns`` of ``docs``."""
        columns = [columns] if isinstance(columns, str) else list(columns or [])
        absent = [c for c in columns if c not in docs.columns]
        if absent:
            raise missing_columns("the documents table", absent,
                                  hint=f"{what} names document columns; the table has {list(docs.columns)}.")
        terms = []
        for c in columns:
            col = docs[c]
            if col.isna().any():
                bad = docs.loc[col.isna(), "doc_id"].iloc[0] if "doc_id" in docs else col.isna().idxmax()
                raise OptionError(f"{what}: column {c!r} is missing for document {bad!r} (and "
                                  f"{int(col.isna().sum()) - 1} more); fill it or drop those documents.")
            if pd.api.types.is_datetime64_any_dtype(col):
                x = _to_days(col)
                terms.append({"column": c, "kind": "date", "knots": _spline_knots(x, df)})
            elif pd.api.types.is_numeric_dtype(col) and not pd.api.types.is_bool_dtype(col):
                terms.append({"column": c, "kind": "numeric"})
            else:
                levels = sorted(col.astype(str).unique().tolist())
                terms.append({"column": c, "kind": "categorical", "levels": levels})
        return cls(terms)

    @property
    def columns(self) -> list:
        """Names of the design columns."""
        names = ["(intercept)"]
        for t in self.terms:
            if t["kind"] == "categorical":
                names += [f"{t['column']}={lv}" for lv in t["levels"][1:]]
            elif t["kind"] == "date":
                names += [f"s({t['column']})_{i + 1}" for i in range(len(t["knots"]) - 5)]
            else:
                names.append(t["column"])
        return names

    def matrix(self, docs: pd.DataFrame) -> np.ndarray:
        """The design matrix of ``docs`` (n_docs × len(columns))."""
        parts = [np.ones((len(docs), 1))]
        for t in self.terms:
            c = t["column"]
            if c not in docs.columns:
                raise missing_columns("the documents table", [c], hint="the model was fitted with it as a covariate.")
            if t["kind"] == "categorical":
                vals = docs[c].astype(str).to_numpy()
                unknown = sorted(set(vals) - set(t["levels"]))
                if unknown:
                    raise OptionError(f"column {c!r} has values the model has not seen: {unknown[:5]}; "
                                      f"known: {t['levels'][:10]}.")
                parts.append((vals[:, None] == np.asarray(t["levels"][1:], dtype=object)[None, :]).astype(float))
            elif t["kind"] == "date":
                parts.append(_bspline_basis(_to_days(docs[c]), t["knots"]))
            else:
                parts.append(docs[c].to_numpy(dtype=float)[:, None])
        return np.hstack(parts)

    def to_json(self) -> list:
        return self.terms

    @classmethod
    def from_json(cls, terms) -> "Design":
        return cls(list(terms))
