"""The column types of the public tables, the same on pandas 2.3 and later and on pandas 3.

* text columns (``doc_id``, ``outlet``, ``lang``, ``title``, ``text``, ``url``,
  and the token table's ``text``, ``lemma``, ``upos``, ``feats``, ``deprel``):
  :data:`STRING`, pandas's ``"str"`` type (a string type with NaN for a
  missing value).  On pandas 3 it is stored in Arrow buffers, about a fifth of
  the memory of Python objects; on pandas 2.3 it is the same type stored as
  Python objects, because pandas 2 runs regular expressions on Arrow strings
  with RE2, whose ``\\w`` does not match Cyrillic letters (``.str.contains``
  would give other answers there).  pandas 2.1 and 2.2 have no such type, so
  the lowest supported pandas is 2.3.
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
    if int(pd.__version__.split(".")[0]) >= 3:
        return pd.StringDtype(na_value=np.nan)                # "str": Arrow storage (pyarrow is required)
    # pandas 2.3: the same type with Python storage, because pandas 2 runs regular
    # expressions on Arrow strings with RE2, whose \w knows no Cyrillic letter
    return pd.StringDtype("python", na_value=np.nan)


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
