"""The document-feature layer: a sparse document × term matrix with its documents.

A :class:`Features` is to framing what quanteda's ``dfm`` is to R users: the
input of keyness, collocations, event grouping, topic models, frame classifiers
and dictionary coding.  Row ``i`` of ``matrix`` is the document in row ``i`` of
``docs``; column ``j`` is ``vocabulary[j]``.

:func:`features` builds one from an annotation.  It reads the token table in
batches of whole documents and keeps, per batch, only the (document, term,
count) triples, so its memory is the matrix and the vocabulary, not a copy of
the token table.  The vocabulary is sorted (Python's order of strings, as
scikit-learn's ``CountVectorizer``), so the same annotation gives the same
matrix whatever the batch size.

What is counted
---------------
``unit`` is the lemma (default), the word form, or lemma n-grams within a
sentence (``"bigram"``, ``"trigram"``, ``"ngram<n>"``: words joined by a space).
By default only content words are counted, as :func:`framing.keyness` counts
them: tokens whose UPOS is in :data:`CONTENT_UPOS` (ADJ, ADV, NOUN, PROPN, VERB,
X) and whose text holds a letter (tokens without a tagger, UPOS ``"_"``, count
when they hold a letter), minus the built-in stop list of the document's
language (``lexicons/<lang>/stopwords.tsv``).  An n-gram is counted only when
none of its words is left out; n-grams are formed over the tokens that hold a
letter or a digit, so they never jump over a left-out word.  The counting
itself is in :mod:`framing._tokencounts`; this module is one class whose
methods each carry their numpydoc and examples, hence its length.

Longer than 600 lines because the Features object (grouping, selection, trimming,
weighting, four export formats and their readers) is one class; the builder is short.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import numpy as np
import pandas as pd
import scipy.sparse as sp

from ._dtypes import conform_docs
from ._errors import OptionError, SchemaError, missing_columns
from ._options import InstanceOf, Interval, Matches, NoneOk, OneOf, check
from ._tokencounts import (BATCH_TOKENS, CONTENT_UPOS, DEFAULT_EXCLUDE_UPOS, FUNCTION_UPOS,  # noqa: F401
                           content_drop, count_tokens, ngram_size, stop_sets)

__all__ = ["Features", "features", "CONTENT_UPOS", "FUNCTION_UPOS", "DEFAULT_EXCLUDE_UPOS", "DOCVARS",
           "WEIGHTS"]

#: document columns :func:`features` carries into ``Features.docs`` when the corpus has them
DOCVARS = ("outlet", "published", "lang", "event_id", "story_id", "event")
#: weighting schemes of :meth:`Features.weight`
WEIGHTS = ("count", "prop", "logcount", "boolean")

_UNIT = Matches(r"lemma|form|text|bigram|trigram|ngram\d*",
                "'lemma', 'form', 'bigram', 'trigram' or 'ngram<n>' (e.g. 'ngram4')")
_DF = [Interval(0, None, integer=True), InstanceOf(float)]
_TERMS = (list, tuple, set, frozenset, pd.Series, pd.Index, np.ndarray)
_SPEC = {
    "unit": _UNIT,
    "by": [NoneOk(), InstanceOf(str)],
    "min_df": _DF,
    "max_df": _DF,
    "min_count": Interval(0, None, integer=True),
    "stop": [OneOf(True, False), InstanceOf(list, tuple, set, frozenset, str, os.PathLike, pd.DataFrame)],
    "pos": [NoneOk(), InstanceOf(list, tuple, set, frozenset)],
    "lowercase": OneOf(True, False),
    "batch_size": Interval(1, None, integer=True),
    "progress": OneOf(True, False),
    "scheme": OneOf(*WEIGHTS),
    "tf": OneOf(*WEIGHTS),
    "base": Interval(1, None, closed="neither"),
    "terms": [NoneOk(), InstanceOf(*_TERMS)],
    "rows": [NoneOk(), InstanceOf(*_TERMS, list)],
}
_MM_MARK = "framing Features"


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
    weighting : str
        What the cells hold: ``"count"`` (default), one of :data:`WEIGHTS`, or
        ``"tfidf"`` (set by :meth:`weight` and :meth:`tfidf`).

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

    def __init__(self, matrix, vocabulary, docs, *, weighting: str = "count"):
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
        if weighting not in (*WEIGHTS, "tfidf"):
            raise OptionError(f"Features: weighting={weighting!r} is not one of {(*WEIGHTS, 'tfidf')}.")
        self.matrix = m
        self.vocabulary = vocab
        self.docs = conform_docs(docs.reset_index(drop=True).assign(doc_id=ids.to_numpy()))
        self.weighting = weighting

    @property
    def shape(self):
        """``(n_docs, n_terms)``."""
        return self.matrix.shape

    def __len__(self):
        return self.matrix.shape[0]

    def __repr__(self):
        kind = "" if self.weighting == "count" else f", weighted {self.weighting}"
        return f"Features({self.shape[0]} documents × {self.shape[1]} terms, {self.matrix.nnz} non-zero{kind})"

    def _repr_html_(self) -> str:
        from html import escape

        from ._display import frames_html

        return (f"<p><b>Features</b>: {escape(repr(self))}</p>"
                + frames_html({"docs": self.docs, "terms": self.frequencies()}, open_=True))

    def _like(self, matrix, vocabulary=None, docs=None, weighting=None) -> "Features":
        return Features(matrix, self.vocabulary if vocabulary is None else vocabulary,
                        self.docs if docs is None else docs,
                        weighting=self.weighting if weighting is None else weighting)

    # --- summaries -------------------------------------------------------------
    def docfreq(self) -> np.ndarray:
        """Per term: the number of documents (rows) where it is non-zero."""
        return np.bincount(self.matrix.indices[self.matrix.data != 0], minlength=self.shape[1])

    def frequencies(self) -> pd.DataFrame:
        """One row per term: ``term``, ``count`` (column sum), ``docfreq``; most frequent first.

        Examples
        --------
        >>> import pandas as pd, scipy.sparse as sp
        >>> from framing import Features
        >>> X = Features(sp.csr_matrix([[1, 0, 2], [0, 3, 1]]), ["мир", "война", "переговоры"],
        ...              pd.DataFrame({"doc_id": ["a", "b"]}))
        >>> X.frequencies().values.tolist()
        [['переговоры', 3, 2], ['война', 3, 1], ['мир', 1, 1]]
        """
        count = np.asarray(self.matrix.sum(axis=0)).ravel()
        out = pd.DataFrame({"term": self.vocabulary, "count": count, "docfreq": self.docfreq()})
        return out.sort_values(["count", "docfreq", "term"], ascending=[False, False, True],
                               kind="mergesort").reset_index(drop=True)

    # --- rows and columns --------------------------------------------------------
    def group(self, by) -> "Features":
        """Sum the rows of each value of a document variable: one row per group.

        Parameters
        ----------
        by : str
            A column of :attr:`docs` (``"outlet"``, ``"lang"``, ``"event_id"``).
            Documents where it is missing are left out.

        Returns
        -------
        Features
            Rows are the groups, sorted; ``docs`` has ``doc_id`` (the group as
            text), the ``by`` column, ``n_docs`` (documents summed) and every
            other document variable whose value is the same in all the
            documents of each group (as quanteda's ``dfm_group``).

        Examples
        --------
        >>> import framing
        >>> ann = framing.annotate(framing.load_demo(), progress=False)
        >>> per_outlet = framing.features(ann).group("outlet")
        >>> per_outlet.docs[["doc_id", "n_docs", "lang"]].head(3)
                       doc_id  n_docs lang
        0         global_wire      12   en
        1       kyiv_vesti_ru      12   ru
        2  pervy_kanal_online      10   ru
        """
        check("Features.group", {"by": InstanceOf(str)}, by=by)
        if by not in self.docs.columns:
            raise missing_columns("Features.docs", {by}, hint="Pass by= one of its columns.")
        values = self.docs[by]
        keep = values.notna().to_numpy()
        cat = pd.Categorical(values[keep])
        rows = np.flatnonzero(keep)
        k = len(cat.categories)
        G = sp.csr_matrix((np.ones(len(rows)), (cat.codes, rows)), shape=(k, len(self)))
        mat = G @ self.matrix
        if self.weighting == "count":
            mat = mat.astype(self.matrix.dtype)
        labels = pd.Series(cat.categories, dtype=object)
        docs = pd.DataFrame({"doc_id": labels.astype(str).to_numpy(), by: cat.categories,
                             "n_docs": np.bincount(cat.codes, minlength=k)})
        sub = self.docs[keep]
        for col in self.docs.columns:
            if col in ("doc_id", by, "n_docs"):
                continue
            per = sub.groupby(cat.codes, sort=True)[col].nunique(dropna=False)
            if len(per) == k and (per == 1).all():
                docs[col] = sub.groupby(cat.codes, sort=True)[col].first().to_numpy()
        return self._like(mat, docs=docs)

    def select(self, rows=None, *, terms=None, **where) -> "Features":
        """Some documents and some terms.

        Parameters
        ----------
        rows : boolean array-like or list of str, optional
            A mask aligned with the rows, or the ``doc_id`` values to keep (in
            that order).
        terms : list of str, optional
            The columns to keep, in the order given; a term not in the
            vocabulary raises an error.
        **where
            ``column=value`` or ``column=[values]``: keep the documents whose
            document variable has (one of) these values; several combine with
            *and*.

        Returns
        -------
        Features

        Examples
        --------
        >>> import framing
        >>> ann = framing.annotate(framing.load_demo(), progress=False)
        >>> X = framing.features(ann)
        >>> sub = X.select(lang="ru", terms=["переговоры", "война"])
        >>> sub.shape, sorted(set(sub.docs["lang"]))
        ((56, 2), ['ru'])
        """
        check("Features.select", _SPEC, rows=rows, terms=terms)
        idx = np.arange(len(self))
        if rows is not None:
            arr = np.asarray(rows)
            if arr.dtype == bool:
                if len(arr) != len(self):
                    raise OptionError(f"Features.select(): the mask has {len(arr)} values for {len(self)} rows.")
                idx = idx[arr]
            else:
                pos = pd.Index(self.docs["doc_id"]).get_indexer([str(r) for r in arr])
                if (pos < 0).any():
                    bad = [str(r) for r, p in zip(arr, pos) if p < 0][:5]
                    raise OptionError(f"Features.select(): no document {bad} in these features.")
                idx = pos
        for col, value in where.items():
            if col not in self.docs.columns:
                raise missing_columns("Features.docs", {col}, hint="Select on one of its columns.")
            wanted = list(value) if isinstance(value, _TERMS) else [value]
            idx = idx[self.docs[col].iloc[idx].isin(wanted).to_numpy()]
        mat = self.matrix[idx]
        vocab = None
        if terms is not None:
            terms = list(dict.fromkeys(str(t) for t in terms))
            cols = pd.Index(self.vocabulary).get_indexer(terms)
            if (cols < 0).any():
                bad = [t for t, c in zip(terms, cols) if c < 0][:5]
                raise OptionError(f"Features.select(): terms {bad} are not in the vocabulary "
                                  f"({self.shape[1]} terms).")
            mat, vocab = mat[:, cols], terms
        return self._like(mat, vocabulary=vocab, docs=self.docs.iloc[idx])

    def trim(self, *, min_df=1, max_df=1.0, min_count: int = 0) -> "Features":
        """Keep the terms that are in enough (and not too many) documents.

        Parameters
        ----------
        min_df, max_df : int or float
            An int: documents; a float in [0, 1]: a share of the documents (as
            scikit-learn's ``CountVectorizer``).  A term is kept when its
            document frequency is at least ``min_df`` and at most ``max_df``.
        min_count : int
            Keep only terms whose total (column sum) is at least this.

        Returns
        -------
        Features

        Examples
        --------
        >>> import framing
        >>> ann = framing.annotate(framing.load_demo(), progress=False)
        >>> X = framing.features(ann)
        >>> X.trim(min_df=5, max_df=0.5).shape[1] < X.shape[1]
        True
        """
        check("Features.trim", _SPEC, min_df=min_df, max_df=max_df, min_count=min_count)
        keep = _df_mask(self.docfreq(), len(self), min_df, max_df, "Features.trim")
        if min_count:
            keep &= np.asarray(self.matrix.sum(axis=0)).ravel() >= min_count
        return self._like(self.matrix[:, np.flatnonzero(keep)], vocabulary=self.vocabulary[keep])

    # --- weights -----------------------------------------------------------------
    def weight(self, scheme: str = "prop") -> "Features":
        """The counts weighted within each document.

        Parameters
        ----------
        scheme : {"prop", "logcount", "boolean", "count"}
            ``"prop"``: each count divided by its row's total (rows without a
            term stay 0); ``"logcount"``: 1 + log10(count) for counts above 0;
            ``"boolean"``: 1 where the count is above 0; ``"count"``: unchanged.
            The names and formulas are those of quanteda's ``dfm_weight``.

        Returns
        -------
        Features
            With ``weighting`` set to the scheme.

        References
        ----------
        Manning, C. D., Raghavan, P., & Schütze, H. (2008). *Introduction to
        Information Retrieval*, ch. 6.2–6.4. Cambridge University Press.
        Benoit, K. et al. (2018). quanteda: An R package for the quantitative
        analysis of textual data. *Journal of Open Source Software* 3(30), 774.

        Examples
        --------
        >>> import pandas as pd, scipy.sparse as sp
        >>> from framing import Features
        >>> X = Features(sp.csr_matrix([[1, 0, 3], [0, 10, 0]]), ["a", "b", "c"],
        ...              pd.DataFrame({"doc_id": ["d1", "d2"]}))
        >>> X.weight("prop").matrix.toarray().tolist()
        [[0.25, 0.0, 0.75], [0.0, 1.0, 0.0]]
        >>> X.weight("logcount").matrix.toarray().round(3).tolist()
        [[1.0, 0.0, 1.477], [0.0, 2.0, 0.0]]
        """
        check("Features.weight", _SPEC, scheme=scheme)
        self._counts_needed(f"weight({scheme!r})")
        return self._like(_tf(self.matrix, scheme), weighting=scheme)

    def tfidf(self, *, tf: str = "count", base: float = 10) -> "Features":
        """Term frequency × inverse document frequency.

        w(d, t) = tf(d, t) · log_base(N / df(t)), N the number of documents and
        df(t) the documents holding t (Spärck Jones 1972); ``tf`` is a
        :meth:`weight` scheme of the counts.  With the defaults it equals
        quanteda's ``dfm_tfidf(x)`` (scheme_tf = "count", base 10); no
        smoothing and no row normalisation (scikit-learn's ``TfidfTransformer``
        adds 1 to N and df and normalises rows: another weighting).

        Parameters
        ----------
        tf : {"count", "prop", "logcount", "boolean"}
        base : float
            Base of the logarithm.

        Returns
        -------
        Features
            With ``weighting="tfidf"``.

        References
        ----------
        Spärck Jones, K. (1972). A statistical interpretation of term specificity
        and its application in retrieval. *Journal of Documentation* 28(1), 11–21.
        Manning, C. D., Raghavan, P., & Schütze, H. (2008). *Introduction to
        Information Retrieval*, ch. 6.2. Cambridge University Press.

        Examples
        --------
        >>> import pandas as pd, scipy.sparse as sp
        >>> from framing import Features
        >>> X = Features(sp.csr_matrix([[2, 1], [0, 1]]), ["война", "мир"], pd.DataFrame({"doc_id": ["a", "b"]}))
        >>> X.tfidf().matrix.toarray().round(3).tolist()    # 2 · log10(2/1); "мир" is in every document
        [[0.602, 0.0], [0.0, 0.0]]
        """
        check("Features.tfidf", _SPEC, tf=tf, base=base)
        self._counts_needed("tfidf()")
        n = len(self)
        df = self.docfreq()
        with np.errstate(divide="ignore"):
            idf = np.where(df > 0, np.log(n / np.maximum(df, 1)) / np.log(base), 0.0)
        mat = _tf(self.matrix, tf) @ sp.diags(idf)
        return self._like(sp.csr_matrix(mat), weighting="tfidf")

    def _counts_needed(self, what: str) -> None:
        if self.weighting != "count":
            raise OptionError(f"Features.{what} weights counts, but these features are already weighted "
                              f"({self.weighting!r}); weight the counts (framing.features(...)) instead.")

    # --- exports -----------------------------------------------------------------
    def to_sklearn(self):
        """``(matrix, feature_names)`` as scikit-learn's vectorisers give them.

        Returns
        -------
        matrix : scipy.sparse.csr_matrix, shape (n_docs, n_terms)
        feature_names : numpy.ndarray of str
            What ``get_feature_names_out()`` gives.

        Examples
        --------
        >>> import pandas as pd, scipy.sparse as sp
        >>> from framing import Features
        >>> X = Features(sp.csr_matrix([[2, 1], [0, 1]]), ["война", "мир"], pd.DataFrame({"doc_id": ["a", "b"]}))
        >>> m, names = X.to_sklearn()
        >>> m.shape, names.tolist()
        ((2, 2), ['война', 'мир'])
        """
        return self.matrix.copy(), self.vocabulary.copy()

    def to_gensim(self):
        """``(corpus, dictionary)`` for gensim's topic models.

        Returns
        -------
        corpus : list of list of (int, number)
            One bag of words per document (row order): ``(term id, count)``
            pairs, term ids being column numbers; what ``LdaModel(corpus=...)``
            takes.  Counts are ints; a weighted matrix gives floats.
        dictionary : gensim.corpora.Dictionary
            Term id → term (the vocabulary), with document frequencies.

        Examples
        --------
        >>> import pandas as pd, scipy.sparse as sp
        >>> from framing import Features
        >>> X = Features(sp.csr_matrix([[2, 1], [0, 1]]), ["война", "мир"], pd.DataFrame({"doc_id": ["a", "b"]}))
        >>> corpus, dictionary = X.to_gensim()
        >>> corpus, dictionary[0], dictionary.dfs[1]
        ([[(0, 2), (1, 1)], [(1, 1)]], 'война', 2)
        """
        from gensim.corpora import Dictionary

        m = self.matrix.copy()
        m.sort_indices()
        cast = int if self.weighting in ("count", "boolean") else float
        corpus = [[(int(j), cast(v)) for j, v in zip(m.indices[a:b], m.data[a:b]) if v != 0]
                  for a, b in zip(m.indptr[:-1], m.indptr[1:])]
        dictionary = Dictionary.from_corpus(corpus, id2word=dict(enumerate(self.vocabulary.tolist())))
        return corpus, dictionary

    def to_matrix_market(self, folder) -> Path:
        """Write ``matrix.mtx``, ``vocabulary.csv`` and ``docvars.csv`` into ``folder``.

        ``matrix.mtx`` is the Matrix Market coordinate format (rows =
        documents, columns = terms; integers for counts); ``vocabulary.csv`` has
        one column ``term``, one row per matrix column; ``docvars.csv`` has the
        documents, one row per matrix row.  Each file is written atomically.
        The CSV files are spreadsheet-safe (``framing._csv``): a text cell
        starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
        gets a leading ``'``; :meth:`from_matrix_market` removes it.

        In R (packages Matrix, quanteda, stm; not run by framing's tests)::

            m <- Matrix::readMM("folder/matrix.mtx")      # a dgTMatrix, documents × terms
            vocab <- read.csv("folder/vocabulary.csv", encoding = "UTF-8", colClasses = "character")$term
            docs <- read.csv("folder/docvars.csv", encoding = "UTF-8", colClasses = c(doc_id = "character"))
            unq <- function(x) sub("^'([-=+@\\t\\r])", "\\\\1", x)  # undo the spreadsheet guard
            dimnames(m) <- list(unq(docs$doc_id), unq(vocab))
            x <- quanteda::as.dfm(m)                       # quanteda: a dfm, rows in the same order
            quanteda::docvars(x) <- docs[setdiff(names(docs), "doc_id")]
            s <- slam::simple_triplet_matrix(m@i + 1, m@j + 1, m@x, dimnames = dimnames(m))
            out <- stm::readCorpus(s, type = "slam")       # stm: out$documents, out$vocab
            fit <- stm::stm(out$documents, out$vocab, K = 20, data = docs)

        A matrix of counts (not weights) is what stm and most of quanteda expect.

        Parameters
        ----------
        folder : str or path
            Created when missing; the three files are replaced.

        Returns
        -------
        pathlib.Path
            ``folder``.

        Examples
        --------
        >>> import pandas as pd, scipy.sparse as sp, tempfile
        >>> from framing import Features
        >>> X = Features(sp.csr_matrix([[2, 1], [0, 1]]), ["война", "мир"], pd.DataFrame({"doc_id": ["a", "b"]}))
        >>> folder = X.to_matrix_market(tempfile.mkdtemp())
        >>> sorted(p.name for p in folder.iterdir())
        ['docvars.csv', 'matrix.mtx', 'vocabulary.csv']
        >>> Features.from_matrix_market(folder).matrix.toarray().tolist()
        [[2, 1], [0, 1]]
        """
        from scipy.io import mmwrite

        from ._atomic import atomic_path
        from ._csv import write_csv

        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        integer = self.weighting in ("count", "boolean")
        with atomic_path(folder / "matrix.mtx") as tmp, open(tmp, "wb") as fh:
            mmwrite(fh, sp.coo_matrix(self.matrix), comment=f"{_MM_MARK}; weighting={self.weighting}",
                    field="integer" if integer else "real", precision=None if integer else 17)
        write_csv(pd.DataFrame({"term": self.vocabulary}), folder / "vocabulary.csv")
        write_csv(self.docs, folder / "docvars.csv")
        return folder

    @classmethod
    def from_matrix_market(cls, folder) -> "Features":
        """Read the three files :meth:`to_matrix_market` writes.

        ``published`` is read as UTC timestamps, ``doc_id`` and the terms as
        text; other columns as pandas reads a CSV.

        Parameters
        ----------
        folder : str or path

        Returns
        -------
        Features

        Examples
        --------
        See :meth:`to_matrix_market`:

        >>> import pandas as pd, scipy.sparse as sp, tempfile
        >>> from framing import Features
        >>> X = Features(sp.csr_matrix([[1]]), ["мир"], pd.DataFrame({"doc_id": ["a"]}))
        >>> Features.from_matrix_market(X.to_matrix_market(tempfile.mkdtemp())).vocabulary.tolist()
        ['мир']
        """
        from scipy.io import mmread

        from ._csv import restore

        folder = Path(folder)
        paths = {name: folder / name for name in ("matrix.mtx", "vocabulary.csv", "docvars.csv")}
        missing = [n for n, p in paths.items() if not p.is_file()]
        if missing:
            raise SchemaError(f"Features.from_matrix_market(): {folder} has no {', '.join(missing)}; "
                              "it should hold what Features.to_matrix_market() writes.")
        head = paths["matrix.mtx"].read_text(encoding="utf-8", errors="replace")[:2000]
        found = re.search(rf"%\s*{_MM_MARK}; weighting=(\w+)", head)
        weighting = found.group(1) if found else "count"
        mat = sp.csr_matrix(mmread(str(paths["matrix.mtx"])))
        vocab = restore(pd.read_csv(paths["vocabulary.csv"], dtype=str, keep_default_na=False,
                                    encoding="utf-8"))["term"]
        docs = restore(pd.read_csv(paths["docvars.csv"], dtype={"doc_id": str}, keep_default_na=False,
                                   na_values=[""], encoding="utf-8"))
        if "published" in docs.columns:
            docs["published"] = pd.to_datetime(docs["published"], utc=True, errors="coerce", format="ISO8601")
        try:
            return cls(mat, vocab.tolist(), docs, weighting=weighting)
        except OptionError as err:
            raise SchemaError(f"Features.from_matrix_market(): the files in {folder} do not fit together: "
                              f"{err}") from err


def _tf(m: sp.csr_matrix, scheme: str) -> sp.csr_matrix:
    """The counts ``m`` weighted within rows (:meth:`Features.weight`)."""
    out = sp.csr_matrix(m, dtype=float, copy=True)
    if scheme == "count":
        return sp.csr_matrix(m, copy=True)
    if scheme == "boolean":
        out.data = (out.data > 0).astype(float)
    elif scheme == "logcount":
        out.data = np.where(out.data > 0, 1 + np.log10(np.where(out.data > 0, out.data, 1)), 0.0)
    else:  # prop
        total = np.asarray(out.sum(axis=1)).ravel()
        out = sp.csr_matrix(sp.diags(np.divide(1.0, total, out=np.zeros_like(total), where=total != 0)) @ out)
    return out


def _df_mask(df: np.ndarray, n: int, min_df, max_df, where: str) -> np.ndarray:
    """Terms whose document frequency lies within ``[min_df, max_df]`` (ints: documents; floats: shares)."""
    def bound(v, name):
        if isinstance(v, float):
            if not 0 <= v <= 1:
                raise OptionError(f"{where}: {name}={v!r} is a share of the documents and must be in [0, 1] "
                                  "(an int counts documents).")
            return v * n
        return v

    return (df >= bound(min_df, "min_df")) & (df <= bound(max_df, "max_df"))


def features(ann, *, unit: str = "lemma", by: str | None = None, min_df=1, max_df=1.0, stop=True,
             pos=CONTENT_UPOS, lowercase: bool = True, batch_size: int = BATCH_TOKENS,
             progress: bool = True) -> Features:
    """The document × term count matrix of an annotation (quanteda's ``dfm``).

    Parameters
    ----------
    ann : Annotated
        The output of :func:`framing.annotate`.
    unit : {"lemma", "form", "bigram", "trigram", "ngram<n>"}
        What a term is: the lemma, the word form, or lemma n-grams within a
        sentence (words joined by a space).
    by : str, optional
        Sum the documents of each value of this document column
        (:meth:`Features.group`), e.g. ``"outlet"``.
    min_df, max_df : int or float
        Keep the terms found in at least ``min_df`` and at most ``max_df``
        documents (a float in [0, 1]: a share of the documents), counted
        before ``by`` groups them.
    stop : bool, "default", list of str, path or DataFrame
        ``True`` (or ``"default"``): leave out the built-in stop list of each document's language
        (``lexicons/<lang>/stopwords.tsv``; a language without one gets the
        union of the lists); a list (or a TSV file or DataFrame with a
        ``lemma`` column): these lemmas, in every language; ``False``: none.
        Matched on the lowercase lemma, whatever the unit.
    pos : collection of str or None
        The UPOS tags counted (default :data:`CONTENT_UPOS`); tokens without a
        letter are left out too, and untagged tokens (``"_"``) with a letter
        are kept.  ``None`` counts every token.
    lowercase : bool
        Lowercase the terms.
    batch_size : int
        Token rows read at a time (documents are kept whole); memory grows
        with the matrix, not with the token table.
    progress : bool
        Show a progress bar when there is more than one batch.

    Returns
    -------
    Features
        Rows in the order of ``ann.docs`` (or the groups of ``by``, sorted);
        ``docs`` holds ``doc_id`` and, where the corpus has them,
        :data:`DOCVARS` (``outlet``, ``published``, ``lang``, ``event_id``,
        ``story_id``, ``event``) and the ``by`` column; the vocabulary is
        sorted.

    Raises
    ------
    OptionError
        An option not allowed, or a ``by`` column the documents do not have.

    References
    ----------
    Benoit, K., Watanabe, K., Wang, H., Nulty, P., Obeng, A., Müller, S., &
    Matsuo, A. (2018). quanteda: An R package for the quantitative analysis of
    textual data. *Journal of Open Source Software* 3(30), 774.
    de Marneffe, M.-C., Manning, C. D., Nivre, J., & Zeman, D. (2021).
    Universal Dependencies. *Computational Linguistics* 47(2), 255–308 (the UPOS tags).

    Examples
    --------
    >>> import framing
    >>> ann = framing.annotate(framing.load_demo(), progress=False)
    >>> X = framing.features(ann)
    >>> X
    Features(79 documents × 3282 terms, 9733 non-zero)
    >>> X.docs.columns.tolist()
    ['doc_id', 'outlet', 'published', 'lang', 'event']
    >>> X.frequencies().head(3)
             term  count  docfreq
    0      россия    145       50
    1     украина    116       46
    2  российский     97       43
    >>> framing.features(ann, unit="bigram", by="outlet", min_df=2)
    Features(7 documents × 1008 terms, 2219 non-zero)
    """
    check("features", _SPEC, unit=unit, by=by, min_df=min_df, max_df=max_df, stop=stop, pos=pos,
          lowercase=lowercase, batch_size=batch_size, progress=progress)
    ngram_size(unit)
    if not (hasattr(ann, "token_batches") and hasattr(ann, "docs")):
        raise OptionError(f"features(): ann must be an annotation (framing.annotate(corpus)), "
                          f"not {type(ann).__name__}.")
    corpus_docs = ann.docs
    if by is not None and by not in corpus_docs.columns:
        raise missing_columns("features(): the documents table", {by}, hint="Pass by= one of its columns.")
    cols = ["doc_id"] + [c for c in (*DOCVARS, by) if c is not None and c in corpus_docs.columns]
    docs = corpus_docs[list(dict.fromkeys(cols))].reset_index(drop=True)
    del corpus_docs
    langs = docs.set_index("doc_id")["lang"].astype(str) if "lang" in docs.columns else None
    if not isinstance(stop, (str, os.PathLike, pd.DataFrame, list, tuple, set, frozenset)):
        stop = bool(stop)                        # True / False (or 1 / 0)
    if stop is True or (isinstance(stop, str) and stop == "default"):
        stop_words = stop_sets("default", sorted(langs.unique()) if langs is not None else [])
    elif stop is False:
        stop_words = {}
    else:
        stop_words = stop_sets(stop, [])
    mask = content_drop(pos, stop_words, langs)
    n_tokens = ann.n_tokens
    mat, vocab = count_tokens(ann.token_batches(batch_size), docs["doc_id"], unit, drop=mask, lowercase=lowercase,
                              total=n_tokens, progress=progress and n_tokens > batch_size)
    out = Features(mat, vocab, docs)
    if min_df != 1 or max_df != 1.0:
        out = out.trim(min_df=min_df, max_df=max_df)
    return out if by is None else out.group(by)


# ``framing.features`` is both this module and the function: importing the module
# (``from framing.features import Features``) binds the name on ``framing`` to the
# module, so the module forwards calls to the function (framing/_callable.py).
from ._callable import make_callable  # noqa: E402

make_callable(__name__, None, "features")
