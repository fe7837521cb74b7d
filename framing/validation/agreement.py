"""Agreement between coders: percent agreement, Cohen's and Fleiss' kappa, Krippendorff's alpha."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from .._errors import OptionError, SchemaError, missing_columns
from .._options import check
from ._common import AGREEMENT_COLUMNS, _AGREE_SPEC
from .report import _judgment, _read_coded


# --- agreement between coders -----------------------------------------------------------

def _agreement_value(v, *, judgment: bool, where: str):
    """A coded value for agreement: ``ok_*`` judgments as yes/no/na, other values as text; empty is None."""
    if judgment:
        j = _judgment(v, where=where)
        return None if j is None else ("na" if j == "na" else ("yes" if j else "no"))
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return None
    s = str(v).strip()
    return None if s == "" or s.lower() == "nan" else s


def agreement(*coders, level: str = "nominal", on="item", fields=None, order=None) -> pd.DataFrame:
    """Agreement between coders of the same items: percent agreement, Cohen's kappa, Krippendorff's alpha.

    Parameters
    ----------
    *coders : CodingSheet, DataFrame or path of a CSV/TSV
        Two or more coded sheets of the same items, one per coder; or one
        table with a ``coder`` column holding two or more coders.  An item a
        coder left empty is a missing value.
    level : {"nominal", "ordinal"}
        Level of measurement.  Ordinal values must be numbers, or ``order``
        must list the categories from low to high.
    on : str or list of str
        Columns that identify an item across sheets (default ``item``).
    fields : list of str, optional
        Coded columns compared (default: every ``ok_*`` column the sheets
        share).  Any column can be named (e.g. a ``polarity`` the coders
        wrote).
    order : list, optional
        Order of the categories for ``level="ordinal"``.

    Returns
    -------
    pandas.DataFrame
        :data:`AGREEMENT_COLUMNS`, one row per field: ``n_coders``,
        ``n_items`` (items with values from two or more coders),
        ``n_pairable`` (values in those items), ``percent_agreement`` (share
        of agreeing pairs among all pairs of values within an item, i.e. the
        observed agreement; for two coders, the share of items they agree
        on), ``cohen_kappa`` (two coders only, items both coded; linearly
        weighted for ordinal data, Cohen 1968), ``fleiss_kappa`` (nominal
        data, two or more coders, on the items every coder coded; Fleiss
        1971), ``alpha`` (Krippendorff's alpha, any number of coders, missing
        values allowed: the coefficient to report, Krippendorff 2004, § 11.3).

    Notes
    -----
    Kappa is scikit-learn's ``cohen_kappa_score``; alpha is NLTK's
    ``AnnotationTask.alpha`` (Bird et al. 2009), with the ordinal distance of
    Krippendorff (2011) for ordinal data.  Both were checked against
    published worked examples (see ``tests/test_validation.py``).  (The
    ``krippendorff`` package on PyPI is GPL-3.0, which an MIT package should
    not require.)

    References
    ----------
    Cohen, J. (1960). A coefficient of agreement for nominal scales.
    *Educational and Psychological Measurement* 20(1), 37–46.
    Cohen, J. (1968). Weighted kappa. *Psychological Bulletin* 70(4), 213–220.
    Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters.
    *Psychological Bulletin* 76(5), 378–382.
    Krippendorff, K. (2004). *Content Analysis: An Introduction to Its
    Methodology* (2nd ed.). Sage, ch. 11.
    Krippendorff, K. (2011). Computing Krippendorff's alpha-reliability.
    Annenberg School for Communication, University of Pennsylvania.
    Bird, S., Klein, E., & Loper, E. (2009). *Natural Language Processing
    with Python*. O'Reilly (``nltk.metrics.agreement``).

    Examples
    --------
    >>> import pandas as pd, framing
    >>> a = pd.DataFrame({"item": list("abcd"), "ok_span": ["yes", "yes", "no", "no"]})
    >>> b = pd.DataFrame({"item": list("abcd"), "ok_span": ["yes", "no", "no", "no"]})
    >>> res = framing.agreement(a, b)
    >>> print(res.loc[0, "field"], res.loc[0, "percent_agreement"], res.loc[0, "cohen_kappa"])
    ok_span 0.75 0.5
    """
    check("agreement", _AGREE_SPEC, level=level, on=on, fields=fields, order=order)
    on_cols = [on] if isinstance(on, str) else list(on)
    tables = []
    for k, c in enumerate(coders):
        df, src = _read_coded(c, who="agreement")
        lacking = set(on_cols) - set(df.columns)
        if lacking:
            raise missing_columns(f"agreement(): coder {k + 1} ({src})", lacking,
                                  hint="on= names the columns that identify an item across sheets.")
        tables.append((df, src))
    if len(tables) == 1:
        df, src = tables[0]
        if "coder" not in df.columns or df["coder"].replace("", np.nan).dropna().nunique() < 2:
            raise OptionError("agreement(): give two or more coded sheets, or one table whose 'coder' column "
                              "names two or more coders.")
        tables = [(g.drop(columns="coder"), f"{src}, coder {name!r}")
                  for name, g in df.groupby(df["coder"].astype(str), sort=True) if name.strip()]
    if fields is None:
        common = set.intersection(*[{c for c in t.columns if c.startswith("ok_")} for t, _ in tables])
        fields = [c for c in tables[0][0].columns if c in common]
        if not fields:
            raise SchemaError("agreement(): the sheets share no ok_<field> column; name the coded columns with "
                              "fields=.")
    for t, src in tables:
        lacking = set(fields) - set(t.columns)
        if lacking:
            raise missing_columns(f"agreement(): {src}", lacking)
        dup = t.duplicated(on_cols)
        if dup.any():
            raise SchemaError(f"agreement(): {src} has {int(dup.sum())} repeated item(s) on {on_cols}, e.g. "
                              f"{t.loc[dup, on_cols].iloc[0].tolist()}: each coder codes an item once.")
    keys = pd.concat([t[on_cols].astype(str) for t, _ in tables]).drop_duplicates().reset_index(drop=True)
    out = []
    for f in fields:
        mat = []
        for t, src in tables:
            vals = [_agreement_value(v, judgment=f.startswith("ok_"),
                                     where=f"agreement(): {src}, row {i}, column {f!r}") for i, v in enumerate(t[f])]
            m = keys.merge(t[on_cols].astype(str).assign(_v=vals), on=on_cols, how="left")
            mat.append([None if (isinstance(v, float) and math.isnan(v)) else v for v in m["_v"]])
        out.append(_agreement_field(f, mat, level, order))
    return pd.DataFrame(out, columns=AGREEMENT_COLUMNS)


def _krippendorff_alpha(data: np.ndarray, level: str) -> float:
    """Krippendorff's alpha of a coders × items matrix (NaN = missing), with NLTK's implementation.

    Nominal data use the 0/1 distance; ordinal data the rank distance of
    Krippendorff (2011, section E), whose squared sum of the frequencies of
    the categories between two values needs the pairable values' frequencies.
    """
    from nltk.metrics.agreement import AnnotationTask
    from nltk.metrics.distance import binary_distance

    triples = [(f"c{i}", f"u{j}", float(data[i, j])) for i in range(data.shape[0]) for j in range(data.shape[1])
               if not np.isnan(data[i, j])]
    if level == "nominal":
        distance = binary_distance
    else:
        present = ~np.isnan(data)
        pairable = data[:, present.sum(axis=0) >= 2]
        vals, counts = np.unique(pairable[~np.isnan(pairable)], return_counts=True)
        freq = dict(zip(vals.tolist(), counts.tolist()))

        def distance(a, b):
            lo, hi = min(a, b), max(a, b)
            between = sum(n for v, n in freq.items() if lo <= v <= hi) - (freq.get(lo, 0) + freq.get(hi, 0)) / 2
            return between * between
    return float(AnnotationTask(data=triples, distance=distance).alpha())


def _fleiss_kappa(data: np.ndarray) -> float:
    """Fleiss' kappa of a coders × items matrix without missing values (Fleiss 1971)."""
    m, _ = data.shape
    cats = np.unique(data)
    counts = (data[:, :, None] == cats[None, None, :]).sum(axis=0).astype(float)    # items × categories
    p_item = ((counts ** 2).sum(axis=1) - m) / (m * (m - 1))
    p_cat = counts.sum(axis=0) / counts.sum()
    p_e = float((p_cat ** 2).sum())
    if p_e >= 1:
        return float("nan")                      # one category only: undefined
    return float((p_item.mean() - p_e) / (1 - p_e))


def _agreement_field(f, mat, level, order):
    from sklearn.metrics import cohen_kappa_score

    values = sorted({v for row in mat for v in row if v is not None}, key=str)
    if level == "ordinal":
        if order is not None:
            missing = [v for v in values if v not in [str(o) for o in order]]
            if missing:
                raise OptionError(f"agreement(): field {f!r} has values {missing} that are not in order={order}.")
            rank = {str(o): i for i, o in enumerate(order)}
            num = [[np.nan if v is None else float(rank[v]) for v in row] for row in mat]
        else:
            try:
                num = [[np.nan if v is None else float(v) for v in row] for row in mat]
            except ValueError:
                raise OptionError(f"agreement(): level='ordinal' needs numbers in field {f!r} (got {values[:5]}); "
                                  "pass order=[low, …, high] to rank categories.") from None
    else:
        code = {v: i for i, v in enumerate(values)}
        num = [[np.nan if v is None else float(code[v]) for v in row] for row in mat]
    data = np.array(num, dtype=float)                      # coders × items
    present = ~np.isnan(data)
    pairable = present.sum(axis=0) >= 2
    n_items = int(pairable.sum())
    agree_pairs = total_pairs = 0
    for j in np.flatnonzero(pairable):
        vals = data[present[:, j], j]
        m = len(vals)
        total_pairs += m * (m - 1)
        _, counts = np.unique(vals, return_counts=True)
        agree_pairs += int((counts * (counts - 1)).sum())
    pct = agree_pairs / total_pairs if total_pairs else np.nan
    kappa = np.nan
    if data.shape[0] == 2:
        both = present.all(axis=0)
        if both.sum() >= 1:
            a, b = data[0, both], data[1, both]
            labels = np.unique(np.concatenate([a, b]))
            if len(labels) > 1:
                kappa = float(cohen_kappa_score(a, b, labels=labels,
                                                weights="linear" if level == "ordinal" else None))
            else:
                kappa = np.nan                          # one category only: kappa is undefined
    fleiss = np.nan
    complete = present.all(axis=0)
    if level == "nominal" and data.shape[0] >= 2 and complete.sum() >= 1:
        fleiss = _fleiss_kappa(data[:, complete])
    alpha = np.nan
    if n_items and len(np.unique(data[:, pairable][present[:, pairable]])) > 1:
        alpha = _krippendorff_alpha(data, level)
    return {"field": f, "level": level, "n_coders": data.shape[0], "n_items": n_items,
            "n_pairable": int(present[:, pairable].sum()), "percent_agreement": pct, "cohen_kappa": kappa,
            "fleiss_kappa": fleiss, "alpha": alpha}
