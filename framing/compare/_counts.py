"""Count units per group from a token table or a measure table, vectorised."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._errors import OptionError, missing_columns

DEFAULT_EXCLUDE_UPOS = ("PUNCT", "SYM", "NUM", "X")
#: the closed-class (function) parts of speech of Universal Dependencies v2 plus
#: punctuation, symbols and numbers: left out of :func:`framing.keyness` by default.
#: ``X`` (foreign or unanalysable words: "ATACMS", "VPN") and ``ADV`` stay in;
#: pronominal adverbs ("там", "здесь") are in the stop lists instead.
FUNCTION_UPOS = ("ADP", "AUX", "CCONJ", "DET", "INTJ", "NUM", "PART", "PRON", "SCONJ", "PUNCT", "SYM")


def token_units(ann, unit: str, *, exclude_upos=DEFAULT_EXCLUDE_UPOS, lowercase: bool = True,
                drop=None) -> pd.DataFrame:
    """One row per unit occurrence: ``doc_id``, ``unit``.

    ``unit`` is ``"lemma"``, ``"form"`` (surface), or ``"ngram<n>"`` / ``"bigram"`` /
    ``"trigram"`` (lemma n-grams within a sentence, punctuation excluded).
    ``drop`` (a boolean array aligned with ``ann.tokens``) replaces
    ``exclude_upos``: dropped tokens are not counted, and an n-gram is counted only
    when none of its words is dropped (n-grams are formed over the tokens that
    hold a letter or a digit, so they never jump over a dropped word).
    """
    t = ann.tokens
    if drop is not None:
        drop = np.asarray(drop, dtype=bool)
        if unit in ("lemma", "form", "text"):
            t = t[~drop]
        else:
            wordlike = t["text"].astype(str).str.contains(r"\w", regex=True).to_numpy()
            t = t.assign(_drop=drop)[wordlike]
    elif exclude_upos:
        # without a tagger (upos "_", e.g. the lemmas-only mode) punctuation,
        # numbers and emoji are recognised by having no letter
        untagged = (t["upos"] == "_").to_numpy()
        no_letter = ~t["text"].str.contains(r"[^\W\d_]", regex=True).to_numpy()
        t = t[~t["upos"].isin(list(exclude_upos)).to_numpy() & ~(untagged & no_letter)]
    if unit in ("lemma", "form", "text"):
        col = "lemma" if unit == "lemma" else "text"
        vals = t[col].astype(str)
        if lowercase:
            vals = vals.str.lower()
        return pd.DataFrame({"doc_id": t["doc_id"].to_numpy(), "unit": vals.to_numpy()})
    n = {"bigram": 2, "trigram": 3}.get(unit)
    if n is None and unit.startswith("ngram"):
        n = int(unit[5:] or 2)
    if n is None:
        raise OptionError(f"unit={unit!r} is not a token unit; use 'lemma', 'form', 'bigram', "
                          "'trigram', 'ngram<n>', or pass a measure table and a column name.")
    lem = t["lemma"].astype(str)
    if lowercase:
        lem = lem.str.lower()
    lem = lem.to_numpy(dtype=object)
    doc = t["doc_id"].to_numpy(dtype=object)
    sent = t["sent_id"].to_numpy()
    if len(lem) < n:
        return pd.DataFrame({"doc_id": pd.Series(dtype=object), "unit": pd.Series(dtype=object)})
    same = np.ones(len(lem) - n + 1, dtype=bool)
    for k in range(1, n):
        same &= (doc[k:len(doc) - n + 1 + k] == doc[:len(doc) - n + 1]) & \
                (sent[k:len(sent) - n + 1 + k] == sent[:len(sent) - n + 1])
    if "_drop" in t.columns:
        dropped = t["_drop"].to_numpy()
        for k in range(n):
            same &= ~dropped[k:len(dropped) - n + 1 + k]
    grams = lem[: len(lem) - n + 1].copy()
    for k in range(1, n):
        grams = grams + " " + lem[k: len(lem) - n + 1 + k]
    return pd.DataFrame({"doc_id": doc[: len(doc) - n + 1][same], "unit": grams[same]})


def group_unit_matrix(units: pd.DataFrame, groups: pd.Series) -> tuple[np.ndarray, list, list]:
    """Counts matrix (groups × vocabulary) from unit occurrences and a doc → group map."""
    g = units["doc_id"].map(groups)
    keep = g.notna().to_numpy()
    gcat = pd.Categorical(g[keep])
    ucat = pd.Categorical(units["unit"].to_numpy()[keep])
    k, v = len(gcat.categories), len(ucat.categories)
    flat = gcat.codes.astype(np.int64) * v + ucat.codes.astype(np.int64)
    mat = np.bincount(flat, minlength=k * v).reshape(k, v).astype(float)
    return mat, list(gcat.categories), list(ucat.categories)


def doc_groups(ann_or_table, by: str) -> pd.Series:
    """``doc_id`` → group label from the corpus (or the table itself)."""
    if hasattr(ann_or_table, "docs"):
        docs = ann_or_table.docs
    else:
        docs = ann_or_table
    if by not in docs.columns:
        raise missing_columns("The documents table", {by}, hint="Pass by= one of its columns.")
    return docs.drop_duplicates("doc_id").set_index("doc_id")[by]
