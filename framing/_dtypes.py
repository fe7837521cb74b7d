"""The column types of the public tables, the same on pandas 2.1 and later and on pandas 3.

* text columns (``doc_id``, ``outlet``, ``lang``, ``title``, ``text``, ``url``,
  and the token table's ``text``, ``lemma``, ``upos``, ``feats``, ``deprel``):
  :data:`STRING`, pandas's string type stored in Arrow buffers with NaN for a
  missing value — what pandas 3 calls ``"str"`` (on pandas 2.1–2.2 it is
  ``"string[pyarrow_numpy]"``, the same type under its earlier name).  Arrow
  strings take about a fifth of the memory of Python objects.
* ``published``: :data:`TIMESTAMP`, UTC at microsecond resolution (pandas 3's
  default; it reaches dates before 1677 and after 2262, which nanoseconds
  cannot).
* counts and positions: ``int32``/``int64`` (never missing).

``category`` is not used for ``upos``, ``deprel``, ``feats``, ``outlet`` or
``lang``: grouping by a categorical column gives a row for every category, also
for categories absent from the rows grouped, unless ``observed=True`` is passed,
and pandas 2 and 3 disagree on that default; the measures group by these
columns in more than a hundred places, so the same numbers on both would hang
on every one of them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def _string_dtype():
    try:
        return pd.StringDtype("pyarrow", na_value=np.nan)          # pandas >= 2.3
    except TypeError:
        return pd.StringDtype("pyarrow_numpy")                     # pandas 2.1, 2.2


#: The type of every text column of a public table.
STRING = _string_dtype()
#: The type of every timestamp column: UTC, microseconds.
TIMESTAMP = pd.DatetimeTZDtype("us", "UTC")

#: Columns of the document tables (Corpus.docs, Annotated.docs, Features.docs) that hold text.
DOC_STRING_COLUMNS = ("doc_id", "outlet", "lang", "title", "text", "url")


def as_string(s: pd.Series) -> pd.Series:
    """``s`` as :data:`STRING` (unchanged when it already is)."""
    return s if s.dtype == STRING else s.astype(STRING)


def as_timestamp(s: pd.Series) -> pd.Series:
    """A timezone-aware ``s`` as :data:`TIMESTAMP` (unchanged when it already is)."""
    return s if s.dtype == TIMESTAMP else s.astype(TIMESTAMP)


def conform_docs(df: pd.DataFrame) -> pd.DataFrame:
    """The document columns of ``df`` in their types (in place; ``df`` is returned).

    Other columns of Python objects that hold only text (and missing values)
    become :data:`STRING` too, as pandas 3 reads them.
    """
    for col in df.columns:
        if col in DOC_STRING_COLUMNS or (df[col].dtype == object
                                         and pd.api.types.infer_dtype(df[col], skipna=True) == "string"):
            df[col] = as_string(df[col])
    if "published" in df.columns and isinstance(df["published"].dtype, pd.DatetimeTZDtype):
        df["published"] = as_timestamp(df["published"])
    return df
