"""The result of :func:`framing.actors`: the :class:`Actors` pair of tables and their columns."""

from __future__ import annotations

from typing import NamedTuple

import pandas as pd

from ..._display import shows_tables

ACTOR_MENTION_COLUMNS = ["doc_id", "outlet", "sent_id", "start_tok", "end_tok", "start", "end", "text",
                         "type", "normal", "actor", "link"]
ACTOR_TABLE_COLUMNS = ["actor", "type", "variants", "n_mentions", "n_docs", "outlets"]


@shows_tables
class Actors(NamedTuple):
    """The result of :func:`actors`: ``mentions`` and ``table``."""

    mentions: pd.DataFrame
    table: pd.DataFrame


def empty_mentions() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="int64" if c in ("sent_id", "start_tok", "end_tok", "start", "end")
                                      else "object") for c in ACTOR_MENTION_COLUMNS})


def empty_table() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="int64" if c in ("n_mentions", "n_docs") else "object")
                         for c in ACTOR_TABLE_COLUMNS})
