"""framing.corpus: the immutable Corpus."""

from __future__ import annotations

import pandas as pd
import pytest

from framing import Corpus
from framing._errors import SchemaError

RU = "Министр заявил, что реформа будет завершена в этом году."
UK = "Міністр заявив, що реформу буде завершено цього року."
EN = "The minister said that the reform will be finished this year."


def _frame():
    return pd.DataFrame({
        "id": ["a", "b", "c", "d"],
        "body": [RU, UK, EN, RU + " Ещё одно предложение."],
        "source": ["ria", "pravda", "bbc", "ria"],
        "date": ["2024-01-01T10:00:00Z", "2024-01-02 12:00", None, "2024-02-01T00:00:00+03:00"],
        "score": [1, 2, 3, 4],
    })


def _corpus():
    return Corpus.from_frame(_frame(), doc_id="id", text="body", outlet="source", published="date")


def test_corpus_from_frame_columns_and_lang():
    c = _corpus()
    d = c.docs
    assert list(d.columns) == ["doc_id", "outlet", "published", "lang", "title", "text", "url", "score"]
    assert d["lang"].tolist() == ["ru", "uk", "en", "ru"]
    assert str(d.loc[3, "published"]) == "2024-01-31 21:00:00+00:00"
    assert pd.isna(d.loc[2, "published"])
    assert c.meta["loader"] == "Corpus.from_frame" and "created" in c.meta
    assert len(c) == 4 and "b" in c and c["b"]["outlet"] == "pravda"


def test_corpus_from_frame_errors():
    with pytest.raises(SchemaError, match="unknown core column"):
        Corpus.from_frame(_frame(), body="body")
    with pytest.raises(SchemaError, match="lacks the column"):
        Corpus.from_frame(_frame(), text="missing")
    with pytest.raises(SchemaError, match="unique"):
        Corpus(pd.DataFrame({"doc_id": ["x", "x"], "text": [RU, UK]}))
    with pytest.raises(SchemaError):
        Corpus([1, 2])


def test_corpus_immutable():
    c = _corpus()
    with pytest.raises(AttributeError, match="immutable"):
        c.docs_ = None
    d = c.docs
    d.loc[0, "text"] = "changed"
    assert c.docs.loc[0, "text"] == RU
    m = c.meta
    m["loader"] = "x"
    assert c.meta["loader"] == "Corpus.from_frame"


def test_corpus_filter_select_sample_concat():
    c = _corpus()
    assert c.filter(lambda d: d["outlet"] == "ria").docs["doc_id"].tolist() == ["a", "d"]
    assert len(c.filter(c.docs["lang"] == "uk")) == 1
    with pytest.raises(SchemaError, match="mask"):
        c.filter([True])
    assert c.select(outlet="ria", start="2024-01-15").docs["doc_id"].tolist() == ["d"]
    assert c.select(lang=["uk", "en"]).docs["doc_id"].tolist() == ["b", "c"]
    assert c.select(end="2024-01-02").docs["doc_id"].tolist() == ["a"]
    with pytest.raises(SchemaError, match="no outlet"):
        c.select(outlet="tass")
    s1, s2 = c.sample(2, seed=7), c.sample(2, seed=7)
    assert s1 == s2 and len(s1) == 2
    assert "sample" in s1.meta["steps"][-1]
    other = Corpus.from_frame(pd.DataFrame({"id": ["e"], "body": [EN]}), doc_id="id", text="body")
    both = c.concat(other)
    assert len(both) == 5 and both.docs.loc[4, "outlet"] == "unknown"
    with pytest.raises(SchemaError):
        c.concat(c)
    assert len(c) == 4  # unchanged


def test_corpus_parquet_round_trip_with_meta_and_problems(tmp_path):
    probs = pd.DataFrame([{"source": "f.jsonl", "location": "line 3", "doc_id": None,
                           "reason": "malformed JSON", "action": "skipped"}])
    c = Corpus(_corpus().docs, meta={"loader": "read_jsonl", "sources": [{"path": "f.jsonl", "sha256": "ab"}]},
               problems=probs)
    path = c.to_parquet(tmp_path / "sub" / "c.parquet")
    back = Corpus.read_parquet(path)
    assert back == c
    assert back.meta["loader"] == "read_jsonl" and back.meta["sources"] == [{"path": "f.jsonl", "sha256": "ab"}]
    assert back.problems.loc[0, "reason"] == "malformed JSON"
    assert back.fingerprint() == c.fingerprint()
    pd.DataFrame({"x": [1]}).to_parquet(tmp_path / "plain.parquet")
    with pytest.raises(SchemaError, match="not written by Corpus.to_parquet"):
        Corpus.read_parquet(tmp_path / "plain.parquet")


def test_corpus_summary_and_html():
    c = _corpus()
    s = c.summary()
    assert s["outlet"].tolist() == ["bbc", "pravda", "ria"]
    assert s.set_index("outlet").loc["ria", "documents"] == 2
    assert s.set_index("outlet").loc["ria", "words"] == len(RU.split()) * 2 + 3
    html = c._repr_html_()
    assert "<table" in html and "4 documents" in html and "ria" in html
    assert "4 documents" in repr(c)
    empty = c.filter(lambda d: d["outlet"] == "none")
    assert len(empty) == 0 and list(empty.summary().columns)[0] == "outlet"
