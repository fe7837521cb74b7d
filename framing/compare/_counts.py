"""Count units per group from a token table or a measure table, vectorised."""

from __future__ import annotations

import pandas as pd

from .._errors import missing_columns

# the unit extraction and the part-of-speech sets live in the document-feature layer
from ..features import DEFAULT_EXCLUDE_UPOS, FUNCTION_UPOS  # noqa: E402,F401
from ..features import token_units as _token_units  # noqa: E402


def token_units(ann, unit: str, *, exclude_upos=DEFAULT_EXCLUDE_UPOS, lowercase: bool = True,
                drop=None) -> pd.DataFrame:
    """One row per unit occurrence of an annotation: ``doc_id``, ``unit`` (:func:`framing.features.token_units`)."""
    return _token_units(ann.tokens, unit, exclude_upos=exclude_upos, lowercase=lowercase, drop=drop)


def doc_groups(ann_or_table, by: str) -> pd.Series:
    """``doc_id`` → group label from the corpus (or the table itself)."""
    if hasattr(ann_or_table, "docs"):
        docs = ann_or_table.docs
    else:
        docs = ann_or_table
    if by not in docs.columns:
        raise missing_columns("The documents table", {by}, hint="Pass by= one of its columns.")
    return docs.drop_duplicates("doc_id").set_index("doc_id")[by]
