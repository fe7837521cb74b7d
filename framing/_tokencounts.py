"""Counting units in the token table, batch by batch: what :func:`framing.features` builds on.

:func:`count_tokens` reads consecutive slices of a token table that keep each
document whole (:meth:`framing.Annotated.token_batches`) and keeps, between
slices, one int64 key and one count per non-zero (document, term) cell; each
distinct string of a slice is handled once (lowercased, matched against the
stop lists), never once per token.  The vocabulary is sorted at the end
(Python's order of strings, as scikit-learn's ``CountVectorizer``), so the
matrix does not depend on the batch size.  :func:`count_units` does the same
for a table of unit occurrences from elsewhere (a measure's column).
:func:`framing.keyness` and :func:`framing.collocations` count through here.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import scipy.sparse as sp

from ._errors import OptionError

DEFAULT_EXCLUDE_UPOS = ("PUNCT", "SYM", "NUM", "X")
#: the closed-class (function) parts of speech of Universal Dependencies v2 plus
#: punctuation, symbols and numbers: left out of :func:`framing.keyness` by default.
#: ``X`` (foreign or unanalysable words: "ATACMS", "VPN") and ``ADV`` stay in;
#: pronominal adverbs ("там", "здесь") are in the stop lists instead.
FUNCTION_UPOS = ("ADP", "AUX", "CCONJ", "DET", "INTJ", "NUM", "PART", "PRON", "SCONJ", "PUNCT", "SYM")
#: the parts of speech :func:`framing.features` keeps by default: every UD v2 tag but
#: :data:`FUNCTION_UPOS` (the content words keyness counts)
CONTENT_UPOS = ("ADJ", "ADV", "NOUN", "PROPN", "VERB", "X")
#: languages with a built-in stop list (``lexicons/<lang>/stopwords.tsv``)
STOPWORD_LANGS = ("ru", "uk", "en")
#: the token rows :func:`count_tokens` reads at a time (documents are kept whole)
BATCH_TOKENS = 50_000


def stop_sets(stopwords, langs) -> dict:
    """language → set of lowercase lemmas (key None: every language).

    ``stopwords`` is ``"default"`` (the built-in list of each language in
    ``langs``; a language without one gets the union of the built-in lists),
    None (no stop words), a collection of words, a TSV file or a DataFrame with
    a ``lemma`` column (for every language).
    """
    if stopwords is None:
        return {}
    if isinstance(stopwords, (tuple, list, set, frozenset)):
        return {None: {str(w).lower() for w in stopwords}}
    from .lexicons import read_lexicon

    if isinstance(stopwords, str) and stopwords == "default":
        sets = {lg: set(read_lexicon(f"{lg}/stopwords", columns=["lemma"])["lemma"].str.lower())
                for lg in STOPWORD_LANGS}
        union = set().union(*sets.values())
        out = {lg: sets.get(lg, union) for lg in langs}
        return out or {None: union}
    return {None: set(read_lexicon(stopwords, columns=["lemma"])["lemma"].astype(str).str.lower())}


def ngram_size(unit: str) -> int:
    """1 for ``"lemma"``/``"form"``, n for an n-gram unit; an OptionError names the units allowed."""
    if unit in ("lemma", "form", "text"):
        return 1
    n = {"bigram": 2, "trigram": 3}.get(unit)
    if n is None and unit.startswith("ngram") and (unit[5:].isdigit() or unit == "ngram"):
        n = int(unit[5:] or 2)
    if n is None or n < 1:
        raise OptionError(f"unit={unit!r} is not a token unit; use 'lemma', 'form', 'bigram', "
                          "'trigram', 'ngram<n>', or pass a measure table and a column name.")
    return n


def _occurrences(t: pd.DataFrame, n: int, col: str, *, drop=None, lowercase: bool = True, sep: str = " "):
    """The unit occurrences of a slice of the token table, as codes: ``(doc codes, doc ids, term codes, terms)``.

    ``col`` is the column counted (``"lemma"`` or ``"text"``; n-grams are
    always of lemmas).  ``drop`` (a boolean array aligned with ``t``): dropped
    tokens are not counted, and an n-gram is counted only when none of its
    words is dropped; n-grams are formed over the tokens that hold a letter or
    a digit, so they never jump over a dropped word.  Without ``drop`` every
    token counts and n-grams join adjacent rows of a sentence.  Strings are
    handled once per distinct value, never once per token; tokens without a
    value (missing lemma) are not counted.
    """
    keep = np.ones(len(t), dtype=bool)
    dropped = None
    if drop is not None:
        drop = np.asarray(drop, dtype=bool)
        if n == 1:
            keep = ~drop
        else:
            tx_code, tx_uni = pd.factorize(t["text"])
            keep = np.asarray(pd.Index(tx_uni, dtype=object).astype(str).str.contains(r"\w", regex=True),
                              dtype=bool)[tx_code] & (tx_code >= 0)
            dropped = drop[keep]
    code, uni = pd.factorize(t[col][keep])
    uni = pd.Index(uni, dtype=object).astype(str)
    if lowercase:
        low, uni = pd.factorize(uni.str.lower())
        code = np.where(code >= 0, low[np.maximum(code, 0)], -1)
    doc_code, doc_uni = pd.factorize(t["doc_id"][keep])
    terms = np.asarray(uni, dtype=object)
    if n > 1:
        m = len(code) - n + 1
        if m <= 0:
            return doc_code[:0], doc_uni, code[:0], terms[:0]
        sent = t["sent_id"].to_numpy()[keep]
        same = code[:m] >= 0
        for k in range(1, n):
            same &= (doc_code[k:m + k] == doc_code[:m]) & (sent[k:m + k] == sent[:m]) & (code[k:m + k] >= 0)
        if dropped is not None:
            for k in range(n):
                same &= ~dropped[k:m + k]
        starts = np.flatnonzero(same)
        words = np.stack([code[starts + k] for k in range(n)], axis=1) if len(starts) else \
            np.zeros((0, n), dtype=np.int64)
        grams, gram_code = np.unique(words, axis=0, return_inverse=True)
        joined = terms[grams[:, 0]] if len(grams) else terms[:0]
        for k in range(1, n):
            joined = joined + sep + terms[grams[:, k]]
        return doc_code[starts], doc_uni, gram_code.reshape(-1), joined
    ok = code >= 0
    return doc_code[ok], doc_uni, code[ok], terms


def count_tokens(batches, doc_ids, unit: str = "lemma", *, drop=None, lowercase: bool = True, sep: str = " ",
                 total: int | None = None, progress: bool = False) -> tuple[sp.csr_matrix, np.ndarray]:
    """The document × unit count matrix of a token table read in batches of whole documents.

    Parameters
    ----------
    batches : pandas.DataFrame or iterable of pandas.DataFrame
        Consecutive slices of a token table (``Annotated.tokens`` columns) that
        never split a document's run of rows
        (:meth:`framing.Annotated.token_batches`); a table is read in batches
        of :data:`BATCH_TOKENS` rows.
    doc_ids : sequence of str
        The documents, in row order; tokens of other documents are not counted.
    unit : str
        ``"lemma"``, ``"form"`` (the token's text), or lemma n-grams
        (``"bigram"``, ``"trigram"``, ``"ngram<n>"``) within a sentence.
    drop : None, boolean array aligned with the whole table, or callable
        Tokens not counted; a callable gets each batch and returns its mask
        (see :func:`_occurrences` for n-grams).  None: every token counts and
        n-grams join adjacent rows of a sentence.
    sep : str
        What joins the words of an n-gram.
    total : int, optional
        Token rows in all (for the progress bar).

    Returns
    -------
    matrix : scipy.sparse.csr_matrix of int64, shape (len(doc_ids), n_terms)
    vocabulary : numpy.ndarray of str, sorted
    """
    from ._progress import progress_bar

    n = ngram_size(unit)
    col = "text" if unit in ("form", "text") else "lemma"
    row_of = _row_index(doc_ids)
    acc = _Accumulator()
    if isinstance(batches, pd.DataFrame):
        from .annotate.annotated import token_batches

        total, batches = len(batches), token_batches(batches, BATCH_TOKENS)
    bar = progress_bar(enabled=progress, total=total, desc="features", unit="tok", leave=False)
    lo = 0
    for chunk in batches:
        hi = lo + len(chunk)
        mask = drop(chunk) if callable(drop) else (None if drop is None else drop[lo:hi])
        acc.add(row_of, *_occurrences(chunk, n, col, drop=mask, lowercase=lowercase, sep=sep))
        bar.update(hi - lo)
        lo = hi
    bar.close()
    return acc.matrix(len(row_of))


def count_units(units: pd.DataFrame, doc_ids) -> tuple[sp.csr_matrix, np.ndarray]:
    """The document × unit count matrix of unit occurrences (columns ``doc_id``, ``unit``).

    Rows follow ``doc_ids``; occurrences of other documents are not counted; the
    vocabulary is sorted.  What :func:`count_tokens` does per batch, for a table
    of units from elsewhere (a measure's ``verb_lemma`` column).
    """
    acc = _Accumulator()
    row_of = _row_index(doc_ids)
    units = units[units["unit"].notna().to_numpy()]
    doc_code, doc_uni = pd.factorize(units["doc_id"].astype(str))
    code, uni = pd.factorize(units["unit"].astype(str))
    acc.add(row_of, doc_code, doc_uni, code, np.asarray(uni, dtype=object))
    return acc.matrix(len(row_of))


def _row_index(doc_ids) -> pd.Index:
    return pd.Index(pd.Series(doc_ids, dtype=object).astype(str).to_numpy(), dtype=object)


class _Accumulator:
    """(document, term) keys and counts gathered batch by batch; terms numbered as met, sorted at the end.

    A key is ``row << 32 | term``: one int64 per non-zero cell, so what is
    kept between batches is about the size of the final matrix.
    """

    def __init__(self):
        self.ids: dict[str, int] = {}
        self.keys, self.vals = [], []

    def add(self, row_of: pd.Index, doc_code, doc_ids, code, terms) -> None:
        """Occurrences: per occurrence the code of its document in ``doc_ids`` and of its term in ``terms``."""
        if not len(code):
            return
        r = row_of.get_indexer(pd.Index(doc_ids, dtype=object).astype(str))[doc_code]
        ids = self.ids
        used = np.unique(code)
        known = np.full(len(terms), -1, dtype=np.int64)
        known[used] = np.fromiter((ids.setdefault(w, len(ids)) for w in terms[used]), dtype=np.int64,
                                  count=len(used))
        ok = r >= 0
        key, n = np.unique((r[ok].astype(np.int64) << 32) | known[code[ok]], return_counts=True)
        self.keys.append(key)
        self.vals.append(n.astype(np.int64))

    def matrix(self, n_rows: int) -> tuple[sp.csr_matrix, np.ndarray]:
        terms = np.asarray(list(self.ids), dtype=object)
        order = np.argsort(terms, kind="stable") if len(terms) else np.zeros(0, dtype=np.int64)
        new = np.empty(len(terms), dtype=np.int32)
        new[order] = np.arange(len(terms), dtype=np.int32)
        key = np.concatenate(self.keys) if self.keys else np.zeros(0, dtype=np.int64)
        val = np.concatenate(self.vals) if self.vals else np.zeros(0, dtype=np.int64)
        self.keys, self.vals = [], []
        rows = (key >> 32).astype(np.int32)
        if len(rows) > 1 and (rows[1:] < rows[:-1]).any():     # a document's tokens in two runs
            by = np.argsort(rows, kind="stable")
            key, val, rows = key[by], val[by], rows[by]
        indices = new[key & 0xFFFFFFFF]                          # terms renumbered in sorted order
        del key
        indptr = np.zeros(n_rows + 1, dtype=np.int64)
        np.cumsum(np.bincount(rows, minlength=n_rows), out=indptr[1:])
        del rows
        mat = sp.csr_matrix((val, indices, indptr), shape=(n_rows, len(terms)))
        mat.sum_duplicates()                                     # sorts each row's terms, adds repeats
        return mat, terms[order]


def content_drop(pos, stop: dict, doc_lang: pd.Series | None):
    """The per-batch mask of :func:`framing.features`: tokens outside ``pos`` or in a stop list.

    ``pos``: the UPOS tags kept (None: all); tokens without a letter are left out
    too when ``pos`` is given, untagged tokens (``"_"``) with a letter kept.
    ``stop``: :func:`stop_sets`; ``doc_lang``: ``doc_id`` → language.
    """
    keep_pos = None if pos is None else list(pos)
    stop = {lg: pd.Index(sorted(words), dtype=object) for lg, words in stop.items()}

    def mask(chunk: pd.DataFrame) -> np.ndarray:
        drop = np.zeros(len(chunk), dtype=bool)
        if keep_pos is not None:
            up_code, up_uni = pd.factorize(chunk["upos"].astype(str))
            up_uni = pd.Index(up_uni, dtype=object)
            drop |= ~np.asarray(up_uni.isin(keep_pos) | (up_uni == "_"), dtype=bool)[up_code]
            tx_code, tx_uni = pd.factorize(chunk["text"].astype(str))
            drop |= ~np.asarray(pd.Index(tx_uni, dtype=object).str.contains(r"[^\W\d_]", regex=True),
                                dtype=bool)[tx_code]
        if stop:
            lem_code, lem_uni = pd.factorize(chunk["lemma"].astype(str))
            low = pd.Index(lem_uni, dtype=object).str.lower()
            if None in stop:
                drop |= np.asarray(low.isin(stop[None]), dtype=bool)[lem_code]
            else:
                doc_code, doc_uni = pd.factorize(chunk["doc_id"])
                lang = np.asarray(pd.Index(doc_uni, dtype=object).map(doc_lang).astype(str), dtype=object)
                for lg, words in stop.items():
                    drop |= (lang == lg)[doc_code] & np.asarray(low.isin(words), dtype=bool)[lem_code]
        return drop

    return mask
