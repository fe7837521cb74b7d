"""The document-feature layer: a sparse document × term matrix with its documents.

A :class:`Features` is to framing what quanteda's ``dfm`` is to R users: the
input of keyness, collocations, event grouping, topic models, frame classifiers
and dictionary coding.  Row ``i`` of ``matrix`` is the document in row ``i`` of
``docs``; column ``j`` is ``vocabulary[j]``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import scipy.sparse as sp

from ._errors import OptionError

__all__ = ["Features"]


class Features:
    """A sparse document × term count matrix, its vocabulary and its documents.

    Parameters
    ----------
    matrix : scipy.sparse matrix or array-like, shape (n_docs, n_terms)
        Counts (or weights) of each term in each document; stored as CSR.
    vocabulary : sequence of str, length n_terms
        The term of each column; terms must be unique.
    docs : pandas.DataFrame, n_docs rows
        One row per document, in matrix row order, with a ``doc_id`` column
        (unique) and any document variables (``outlet``, ``published``, ``lang``,
        ``event_id``, ...).

    Examples
    --------
    >>> import pandas as pd, scipy.sparse as sp
    >>> from framing import Features
    >>> X = Features(sp.csr_matrix([[1, 0, 2], [0, 3, 0]]), ["мир", "война", "переговоры"],
    ...              pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"]}))
    >>> X.shape
    (2, 3)
    >>> X.docs["doc_id"].tolist()
    ['a', 'b']
    """

    def __init__(self, matrix, vocabulary, docs):
        m = sp.csr_matrix(matrix)
        vocab = np.asarray([str(v) for v in vocabulary], dtype=object)
        if not isinstance(docs, pd.DataFrame):
            raise OptionError("Features: docs must be a pandas DataFrame with a doc_id column.")
        if "doc_id" not in docs.columns:
            raise OptionError("Features: docs has no doc_id column; add one (a unique id per row).")
        if m.shape != (len(docs), len(vocab)):
            raise OptionError(f"Features: the matrix is {m.shape[0]} × {m.shape[1]} but there are "
                              f"{len(docs)} documents and {len(vocab)} terms; they must match.")
        if len(set(vocab)) != len(vocab):
            raise OptionError("Features: the vocabulary has repeated terms; merge their columns first.")
        ids = docs["doc_id"].astype(str)
        if ids.duplicated().any():
            dup = ids[ids.duplicated()].iloc[0]
            raise OptionError(f"Features: doc_id {dup!r} appears twice; doc_id must be unique.")
        self.matrix = m
        self.vocabulary = vocab
        self.docs = docs.reset_index(drop=True).assign(doc_id=ids.to_numpy())

    @property
    def shape(self):
        """``(n_docs, n_terms)``."""
        return self.matrix.shape

    def __len__(self):
        return self.matrix.shape[0]

    def __repr__(self):
        return f"Features({self.shape[0]} documents × {self.shape[1]} terms, {self.matrix.nnz} non-zero)"
