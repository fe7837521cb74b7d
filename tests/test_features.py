"""framing.features and Features: counts, group/select/trim/weights, exports, streaming."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp

import framing
from framing import Features
from framing._errors import OptionError, SchemaError
from framing.features import CONTENT_UPOS, FUNCTION_UPOS

# Two documents; "и" (CCONJ), "." (PUNCT), "в" (ADP) and "он" (PRON, and a stop word) are not content.
HAND = """# newdoc id = d1
# outlet = A
1\tВойна\tвойна\tNOUN\t_\t_\t2\tnsubj\t_\t_
2\tидёт\tидти\tVERB\t_\t_\t0\troot\t_\t_
3\tи\tи\tCCONJ\t_\t_\t4\tcc\t_\t_
4\tвойна\tвойна\tNOUN\t_\t_\t2\tconj\t_\tSpaceAfter=No
5\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_

1\tОн\tон\tPRON\t_\t_\t2\tnsubj\t_\t_
2\tговорит\tговорить\tVERB\t_\t_\t0\troot\t_\t_
3\tо\tо\tADP\t_\t_\t4\tcase\t_\t_
4\tмире\tмир\tNOUN\t_\t_\t2\tobl\t_\tSpaceAfter=No
5\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_

# newdoc id = d2
# outlet = B
1\tМир\tмир\tNOUN\t_\t_\t2\tnsubj\t_\t_
2\tидёт\tидти\tVERB\t_\t_\t0\troot\t_\tSpaceAfter=No
3\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_
"""


@pytest.fixture(scope="module")
def hand():
    return framing.Annotated.from_conllu(HAND)


@pytest.fixture(scope="module")
def demo():
    return framing.annotate(framing.load_demo(), progress=False)


def dense(X: Features) -> dict:
    """{doc_id: {term: count}} without zeros."""
    m = X.matrix.toarray()
    return {d: {t: int(v) for t, v in zip(X.vocabulary, row) if v} for d, row in zip(X.docs["doc_id"], m)}


def test_features_hand_counts(hand):
    X = framing.features(hand)
    assert X.vocabulary.tolist() == ["война", "говорить", "идти", "мир"]
    assert dense(X) == {"d1": {"война": 2, "идти": 1, "говорить": 1, "мир": 1}, "d2": {"мир": 1, "идти": 1}}
    assert X.docs.columns.tolist() == ["doc_id", "outlet", "published", "lang"]
    assert X.docs["outlet"].tolist() == ["A", "B"]
    every = framing.features(hand, pos=None, stop=False)
    assert dense(every)["d1"] == {"война": 2, "идти": 1, "и": 1, ".": 2, "он": 1, "говорить": 1, "о": 1, "мир": 1}
    forms = framing.features(hand, unit="form", lowercase=False)
    assert dense(forms)["d1"] == {"Война": 1, "война": 1, "идёт": 1, "говорит": 1, "мире": 1}
    # bigrams within a sentence, never over a left-out word ("и", "о") nor across sentences
    bi = framing.features(hand, unit="bigram")
    assert dense(bi) == {"d1": {"война идти": 1}, "d2": {"мир идти": 1}}
    assert dense(framing.features(hand, unit="bigram", pos=None, stop=False))["d1"] == {
        "война идти": 1, "идти и": 1, "и война": 1, "он говорить": 1, "говорить о": 1, "о мир": 1}
    assert dense(framing.features(hand, stop=["война"], pos=None))["d2"] == {"мир": 1, "идти": 1, ".": 1}


def lemma_lists(ann, *, content: bool):
    """Each document's lowercase lemmas, in ann.docs order, filtered independently of framing.features."""
    from framing.lexicons import read_lexicon

    t = ann.tokens
    if content:
        letter = t["text"].str.contains(r"[^\W\d_]", regex=True)
        t = t[(t["upos"].isin(CONTENT_UPOS) | (t["upos"] == "_")) & letter]
        lang = t["doc_id"].map(ann.docs.set_index("doc_id")["lang"])
        stop = {lg: set(read_lexicon(f"{lg}/stopwords")["lemma"].str.lower()) for lg in ("ru", "uk", "en")}
        low = t["lemma"].str.lower()
        t = t[[w not in stop[lg] for w, lg in zip(low, lang)]]
    per = t.assign(l=t["lemma"].str.lower()).groupby("doc_id")["l"].agg(list)
    return [per.get(d, []) for d in ann.docs["doc_id"]]


@pytest.mark.parametrize("content", [False, True])
def test_features_equals_sklearn_count_vectorizer(demo, content):
    from sklearn.feature_extraction.text import CountVectorizer

    opts = {} if content else {"pos": None, "stop": False}
    X = framing.features(demo, **opts, progress=False)
    vec = CountVectorizer(analyzer=lambda d: d)
    Y = vec.fit_transform(lemma_lists(demo, content=content))
    assert X.vocabulary.tolist() == vec.get_feature_names_out().tolist()
    assert (X.matrix != Y).nnz == 0
    assert X.docs["doc_id"].tolist() == demo.docs["doc_id"].tolist()
    # min_df / max_df as scikit-learn reads them
    X2 = framing.features(demo, **opts, min_df=3, max_df=0.4)
    vec2 = CountVectorizer(analyzer=lambda d: d, min_df=3, max_df=0.4)
    Y2 = vec2.fit_transform(lemma_lists(demo, content=content))
    assert X2.vocabulary.tolist() == vec2.get_feature_names_out().tolist()
    assert (X2.matrix != Y2).nnz == 0


def test_features_batches_do_not_change_the_matrix(demo):
    # streaming: tiny batches (documents kept whole) give the same matrix and vocabulary
    for unit in ("lemma", "trigram"):
        whole = framing.features(demo, unit=unit)
        small = framing.features(demo, unit=unit, batch_size=37)
        assert small.vocabulary.tolist() == whole.vocabulary.tolist()
        assert (small.matrix != whole.matrix).nnz == 0
    batches = list(demo.token_batches(1000))
    assert len(batches) > 2 and sum(map(len, batches)) == demo.n_tokens
    for a, b in zip(batches, batches[1:]):
        assert a["doc_id"].iat[-1] != b["doc_id"].iat[0]


def test_features_determinism_and_inputs_unchanged(demo):
    docs, tokens = demo.docs, demo.tokens
    a = framing.features(demo, by="outlet")
    b = framing.features(demo, by="outlet")
    assert a.vocabulary.tolist() == b.vocabulary.tolist() and (a.matrix != b.matrix).nnz == 0
    pd.testing.assert_frame_equal(a.docs, b.docs)
    pd.testing.assert_frame_equal(demo.docs, docs)
    pd.testing.assert_frame_equal(demo.tokens, tokens)
    X = framing.features(demo)
    before = (X.matrix.copy(), X.vocabulary.copy(), X.docs.copy())
    X.group("outlet"), X.select(lang="ru"), X.trim(min_df=2), X.tfidf(), X.weight("prop"), X.to_gensim()
    assert (X.matrix != before[0]).nnz == 0 and (X.vocabulary == before[1]).all()
    pd.testing.assert_frame_equal(X.docs, before[2])


def test_features_group(demo):
    X = framing.features(demo)
    g = X.group("outlet")
    outlets = sorted(demo.docs["outlet"].unique())
    assert g.docs["doc_id"].tolist() == outlets
    assert g.docs["n_docs"].tolist() == demo.docs["outlet"].value_counts().reindex(outlets).tolist()
    assert "lang" in g.docs.columns and "published" not in g.docs.columns  # constant per outlet / not
    for i, o in enumerate(outlets):
        rows = (X.docs["outlet"] == o).to_numpy()
        assert (np.asarray(X.matrix[rows].sum(axis=0)).ravel() == g.matrix[i].toarray().ravel()).all()
    assert g.matrix.dtype == X.matrix.dtype
    by = framing.features(demo, by="outlet")
    assert (by.matrix != g.matrix).nnz == 0
    with pytest.raises(Exception, match="nope"):
        X.group("nope")


def test_features_select_and_trim(demo):
    X = framing.features(demo)
    ru = X.select(lang="ru")
    assert set(ru.docs["lang"]) == {"ru"} and len(ru) == int((demo.docs["lang"] == "ru").sum())
    two = X.select(["e02_global_wire", "e01_vestnik_agency"], terms=["россия", "война"])
    assert two.docs["doc_id"].tolist() == ["e02_global_wire", "e01_vestnik_agency"]
    assert two.vocabulary.tolist() == ["россия", "война"]
    j = X.vocabulary.tolist().index("россия")
    assert two.matrix[1, 0] == X.matrix[X.docs["doc_id"].tolist().index("e01_vestnik_agency"), j]
    mask = (X.docs["outlet"] == "global_wire").to_numpy()
    assert len(X.select(mask)) == mask.sum()
    assert len(X.select(outlet=["global_wire", "kyiv_vesti_ru"], lang="ru")) == int(
        (demo.docs["outlet"] == "kyiv_vesti_ru").sum())
    with pytest.raises(OptionError, match="not in the vocabulary"):
        X.select(terms=["нет-такого-слова"])
    with pytest.raises(OptionError, match="no document"):
        X.select(["nope"])
    t = X.trim(min_df=3, max_df=0.5, min_count=4)
    df = X.docfreq()
    total = np.asarray(X.matrix.sum(axis=0)).ravel()
    keep = (df >= 3) & (df <= 0.5 * len(X)) & (total >= 4)
    assert t.vocabulary.tolist() == X.vocabulary[keep].tolist()
    with pytest.raises(OptionError, match="max_df"):
        X.trim(max_df=1.5)


def test_features_weights_and_tfidf(demo):
    X = framing.features(demo)
    m = X.matrix.toarray().astype(float)
    prop = X.weight("prop").matrix.toarray()
    rows = m.sum(axis=1)
    assert np.allclose(prop[rows > 0].sum(axis=1), 1.0)
    assert np.array_equal(X.weight("boolean").matrix.toarray(), (m > 0).astype(float))
    log = X.weight("logcount").matrix.toarray()
    assert np.allclose(log[m > 0], 1 + np.log10(m[m > 0])) and (log[m == 0] == 0).all()
    tf = X.tfidf()
    df = (m > 0).sum(axis=0)
    assert tf.weighting == "tfidf"
    assert np.allclose(tf.matrix.toarray(), m * np.log10(len(m) / df))
    assert np.allclose(X.tfidf(tf="prop", base=np.e).matrix.toarray(), prop * np.log(len(m) / df))
    with pytest.raises(OptionError, match="already weighted"):
        tf.tfidf()
    with pytest.raises(OptionError, match="scheme"):
        X.weight("bm25")


def test_features_matrix_market_round_trip(demo, tmp_path):
    X = framing.features(demo, unit="form", pos=None, stop=False)
    assert any(t[:1] in "-=+@" for t in X.vocabulary)     # spreadsheet-guarded terms survive
    folder = X.to_matrix_market(tmp_path / "dfm")
    assert sorted(p.name for p in folder.iterdir()) == ["docvars.csv", "matrix.mtx", "vocabulary.csv"]
    assert (folder / "matrix.mtx").read_text().startswith("%%MatrixMarket matrix coordinate integer general")
    Y = Features.from_matrix_market(folder)
    assert Y.vocabulary.tolist() == X.vocabulary.tolist()
    assert (Y.matrix != X.matrix).nnz == 0 and Y.weighting == "count"
    assert Y.docs.columns.tolist() == X.docs.columns.tolist()
    for col in ("doc_id", "outlet", "lang", "event"):
        assert Y.docs[col].astype(str).tolist() == X.docs[col].astype(str).tolist()
    assert (Y.docs["published"] == X.docs["published"]).all()
    W = X.tfidf()
    Z = Features.from_matrix_market(W.to_matrix_market(tmp_path / "w"))
    assert Z.weighting == "tfidf" and np.array_equal(Z.matrix.toarray(), W.matrix.toarray())
    (folder / "vocabulary.csv").unlink()
    with pytest.raises(SchemaError, match="vocabulary.csv"):
        Features.from_matrix_market(folder)


def test_features_to_gensim_and_sklearn(demo):
    from gensim.models import TfidfModel

    X = framing.features(demo, min_df=2)
    corpus, dictionary = X.to_gensim()
    assert len(corpus) == len(X) and len(dictionary) == X.shape[1]
    assert dictionary.token2id == {t: i for i, t in enumerate(X.vocabulary)}
    assert dictionary.num_docs == len(X)
    assert all(dictionary.dfs[j] == n for j, n in enumerate(X.docfreq()))
    row = X.matrix[5].toarray().ravel()
    assert corpus[5] == [(int(j), int(row[j])) for j in np.flatnonzero(row)]
    assert all(isinstance(v, int) for doc in corpus for _, v in doc)
    TfidfModel(corpus)  # gensim takes it as a bag-of-words corpus
    m, names = X.to_sklearn()
    assert sp.issparse(m) and (m != X.matrix).nnz == 0 and names.tolist() == X.vocabulary.tolist()


def test_features_empty(hand):
    none = framing.features(hand, stop=["война", "идти", "говорить", "мир"])
    assert none.shape == (2, 0) and none.docs["doc_id"].tolist() == ["d1", "d2"]
    assert none.group("outlet").shape == (2, 0)
    assert none.tfidf().shape == (2, 0) and none.to_gensim()[0] == [[], []]
    tokens = hand.tokens.iloc[:0]
    empty = framing.Annotated(hand.corpus.filter(np.zeros(2, bool)), tokens)
    X = framing.features(empty)
    assert X.shape == (0, 0) and X.docs.columns.tolist()[0] == "doc_id"


def test_features_options_checked(hand):
    with pytest.raises(OptionError, match="unit="):
        framing.features(hand, unit="sentence")
    with pytest.raises(OptionError, match="pos="):
        framing.features(hand, pos="NOUN")
    with pytest.raises(OptionError, match="min_df="):
        framing.features(hand, min_df=-1)
    with pytest.raises(Exception, match="nope"):
        framing.features(hand, by="nope")
    with pytest.raises(OptionError, match="annotation"):
        framing.features(hand.corpus)


def test_features_name_is_module_and_function(hand):
    import framing.features as module

    assert callable(module) and module(hand).shape == framing.features(hand).shape
    assert set(FUNCTION_UPOS).isdisjoint(CONTENT_UPOS)


def test_features_repr_html(hand):
    X = framing.features(hand)
    html = X._repr_html_()
    assert "Features" in html and "война" in html and "d1" in html
    assert repr(X) == "Features(2 documents × 4 terms, 6 non-zero)"


def test_features_reads_the_token_table_in_batches_without_copying_it(demo, monkeypatch):
    # Annotated.tokens hands out a copy of the whole table; features() must not ask for it
    def no_copy(self):
        raise AssertionError("features() copied the token table")

    seen = []
    batches = framing.Annotated.token_batches

    def spy(self, size=50_000):
        for b in batches(self, size):
            seen.append(len(b))
            yield b

    monkeypatch.setattr(framing.Annotated, "tokens", property(no_copy))
    monkeypatch.setattr(framing.Annotated, "token_batches", spy)
    X = framing.features(demo, batch_size=2000)
    assert X.shape[0] == len(demo) and len(seen) > 3 and sum(seen) == demo.n_tokens


def test_features_halves_add_up_to_the_whole(demo):
    # each document is counted on its own: the rows of two halves are the rows of the whole
    ids = demo.docs["doc_id"].tolist()
    whole = framing.features(demo, unit="bigram")
    parts = [framing.features(demo.select(docs=half), unit="bigram") for half in (ids[:40], ids[40:])]
    cols = {t: j for j, t in enumerate(whole.vocabulary)}
    rows = []
    for p in parts:
        assert set(p.vocabulary) <= set(cols)
        m = p.matrix.tocoo()
        rows.append(sp.csr_matrix((m.data, (m.row, [cols[t] for t in p.vocabulary[m.col]])),
                                  shape=(len(p), whole.shape[1])))
    assert (sp.vstack(rows) != whole.matrix).nnz == 0
    assert sum(len(p) for p in parts) == len(whole)


def test_features_a_document_in_two_runs_of_the_table_is_counted_once(hand):
    from framing._tokencounts import count_tokens

    t = hand.tokens
    d1, d2 = t[t["doc_id"] == "d1"], t[t["doc_id"] == "d2"]
    shuffled = pd.concat([d1.iloc[5:], d2, d1.iloc[:5]], ignore_index=True)   # d1, d2, d1 again
    batches = [shuffled.iloc[:5], shuffled.iloc[5:8], shuffled.iloc[8:]]
    m, vocab = count_tokens(batches, ["d1", "d2"], "lemma")
    whole, vocab2 = count_tokens(t, ["d1", "d2"], "lemma")
    assert vocab.tolist() == vocab2.tolist() and (m != whole).nnz == 0
    assert m.has_canonical_format
