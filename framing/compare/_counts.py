"""Shared by the comparison functions: the part-of-speech sets and the document → group map."""

from __future__ import annotations

import pandas as pd

from .._errors import missing_columns

# the part-of-speech sets live in the document-feature layer
from .._tokencounts import DEFAULT_EXCLUDE_UPOS, FUNCTION_UPOS  # noqa: E402,F401


def doc_groups(ann_or_table, by: str) -> pd.Series:
    """``doc_id`` → group label from the corpus (or the table itself)."""
    if hasattr(ann_or_table, "docs"):
        docs = ann_or_table.docs
    else:
        docs = ann_or_table
    if by not in docs.columns:
        raise missing_columns("The documents table", {by}, hint="Pass by= one of its columns.")
    return docs.drop_duplicates("doc_id").set_index("doc_id")[by]
