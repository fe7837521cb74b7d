"""framing.annotate: tables, languages, bad input, parallel workers."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import framing
from framing import Corpus
from framing._errors import AnnotationWarning, OptionError
from framing.annotate import Annotated
from framing.annotate._backend import (LAYERS, RegexBackend, clean_text, get_backend, normalize_layers,
                                       regex_sentences, regex_tokens, split_pieces)
from framing.annotate.annotated import ENTITY_COLUMNS, TOKEN_COLUMNS
from framing.annotate.pipeline import AnnotationError, annotate


def _corpus(texts, langs=None):
    langs = langs or ["ru"] * len(texts)
    return Corpus.from_frame(pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))],
                                           "text": texts, "lang": langs}))


RU = ["Дмитрий Песков заявил, что Владимир Путин встретится с главой Международного уголовного суда.",
      "Концерт Бейонсе прошёл в Лондоне. Зрители были в восторге.",
      ""]


def _check_offsets(a):
    texts = dict(zip(a.docs["doc_id"], a.docs["text"]))
    for d, s, e, t in a.tokens[["doc_id", "start", "end", "text"]].itertuples(index=False):
        assert texts[d][s:e] == t
    for d, s, e, t in a.entities[["doc_id", "start", "end", "text"]].itertuples(index=False):
        assert texts[d][s:e] == t


def test_annotate_pipeline_returns_token_and_entity_tables(tmp_path):
    a = annotate(_corpus(RU), cache=tmp_path, progress=False)
    assert isinstance(a, Annotated)
    assert list(a.tokens.columns) == TOKEN_COLUMNS and list(a.entities.columns) == ENTITY_COLUMNS
    tok = a.tokens
    assert set(tok["doc_id"]) == {"d0", "d1"}            # the empty document has no tokens
    assert tok.groupby(["doc_id", "sent_id"])["tok_id"].min().eq(1).all()
    assert (tok["head"] >= 0).all() and tok["deprel"].ne("_").all()
    ent = a.entities
    assert "Международный уголовный суд" in set(ent["normal"])
    assert {"PER", "ORG", "LOC"} >= set(ent["type"])
    _check_offsets(a)
    assert a.has("syntax", "ru") and a.has("ner", "ru")
    assert a.meta["pipeline_version"] and a.meta["backends"]["ru"]["version"]


def test_annotate_pipeline_mixed_languages_fall_back_with_a_warning(tmp_path):
    c = _corpus(["Песков заявил это.", "Bonjour le monde. Ça va?", "Hola amigos."], ["ru", "fr", "es"])
    with pytest.warns(AnnotationWarning, match="'d1'") as rec:
        a = annotate(c, cache=tmp_path, progress=False)
    assert any("'d2'" in str(w.message) for w in rec)
    fr = a.tokens[a.tokens["doc_id"] == "d1"]
    assert fr["text"].tolist()[:3] == ["Bonjour", "le", "monde"]
    assert set(fr["upos"]) == {"_"}
    assert set(a.problems["doc_id"]) == {"d1", "d2"}
    assert not a.has("lemma", "fr") and a.has("tokens", "fr")
    _check_offsets(a)


def test_annotate_pipeline_lang_overrides_detected_language(tmp_path):
    c = _corpus(["Песков заявил это."], ["und"])
    with warnings.catch_warnings():
        warnings.simplefilter("error", AnnotationWarning)
        a = annotate(c, lang="ru", cache=tmp_path, progress=False)
    assert a.tokens["lemma"].tolist()[:2] == ["Песков", "заявить"]


def test_annotate_pipeline_strict_raises_on_a_fallback(tmp_path):
    with pytest.raises(AnnotationError, match="d0"):
        annotate(_corpus(["Bonjour."], ["fr"]), cache=tmp_path, progress=False, strict=True)


def test_annotate_pipeline_cleans_control_characters_and_broken_unicode(tmp_path):
    text = "Путин\x00 заявил\x07 это.\x85 Песков\u200b ответил.\x1f\ufeff"
    a = annotate(_corpus([text]), cache=tmp_path, progress=False)
    assert "Путин" in a.tokens["text"].tolist() and "Песков" in a.tokens["text"].tolist()
    assert not any("\x00" in t or "\x07" in t or "\u200b" in t for t in a.tokens["text"])
    # broken UTF-16 (lone surrogates) becomes U+FFFD, one for one
    assert clean_text("а\ud800б\x00") == "а\ufffdб "
    # offsets still point into the original text
    texts = dict(zip(a.docs["doc_id"], a.docs["text"]))
    for d, s, e, t in a.tokens[["doc_id", "start", "end", "text"]].itertuples(index=False):
        assert clean_text(texts[d][s:e]) == t


def test_annotate_pipeline_long_document_is_cut_into_pieces(tmp_path):
    para = "Министр заявил, что переговоры продолжатся. " * 40 + "\n\n"
    text = para * 60                                  # ~110,000 characters
    assert len(split_pieces(text)) > 1
    a = annotate(_corpus([text]), layers=("tokens", "lemma"), cache=tmp_path, progress=False)
    tok = a.tokens
    assert tok["end"].max() <= len(text) and tok["start"].is_monotonic_increasing
    assert tok["sent_id"].max() == 2400                 # sentences renumbered across pieces
    _check_offsets(a)


def test_annotate_pipeline_split_pieces_of_five_megabytes():
    text = ("Слово " * 200 + "\n") * 4400                 # ~5.3 MB
    pieces = split_pieces(text)
    assert "".join(p for _, p in pieces) == text
    assert all(len(p) <= 100_000 for _, p in pieces)
    assert all(text[o:o + len(p)] == p for o, p in pieces)
    hard = "x" * 250_000
    assert [len(p) for _, p in split_pieces(hard)] == [100_000, 100_000, 50_000]


def test_annotate_pipeline_parallel_workers_give_the_same_tables(tmp_path):
    texts = [f"Документ номер {i}. Дмитрий Песков заявил журналистам, что Кремль готов к переговорам."
             for i in range(12)]
    c = _corpus(texts)
    one = annotate(c, cache=tmp_path / "a", progress=False, batch_chars=1000)
    two = annotate(c, n_jobs=2, cache=tmp_path / "b", progress=False, batch_chars=1000)
    pd.testing.assert_frame_equal(one.tokens, two.tokens)
    pd.testing.assert_frame_equal(one.entities, two.entities)


def test_annotate_pipeline_lemma_only_layer(tmp_path):
    a = annotate(_corpus(RU[:1]), layers=("lemma",), cache=tmp_path, progress=False)
    assert set(a.tokens["upos"]) == {"_"} and (a.tokens["head"] == -1).all()
    assert a.entities.empty
    assert a.has("lemma", "ru") and not a.has("syntax", "ru")


def test_annotate_pipeline_checks_options(tmp_path):
    c = _corpus(RU[:1])
    with pytest.raises(OptionError, match="n_jobs"):
        annotate(c, n_jobs=0.5, cache=tmp_path)
    with pytest.raises(OptionError, match="layers"):
        annotate(c, layers=("lemma", "sentiment"), cache=tmp_path)
    with pytest.raises(framing._errors.FramingError, match="Corpus"):
        annotate(pd.DataFrame({"text": ["x"]}), cache=tmp_path)


def test_annotate_pipeline_empty_corpus(tmp_path):
    a = annotate(_corpus(["", "   \n "]), cache=tmp_path, progress=False)
    assert len(a.tokens) == 0 and len(a.entities) == 0


def test_annotate_pipeline_exported_as_framing_annotate(tmp_path):
    import framing.annotate.annotated  # noqa: F401  (the subpackage is now an attribute of framing)
    a = framing.annotate(_corpus(["Песков заявил."]), cache=tmp_path, progress=False)
    assert len(a.tokens) == 3


def test_annotate_pipeline_backend_protocol_helpers():
    assert normalize_layers(None) == frozenset(LAYERS)
    assert normalize_layers(("upos",)) == frozenset({"tokens", "morph"})
    b = get_backend("zz")
    assert isinstance(b, RegexBackend)
    text = "Hello world. It costs 3.5 km, e-mail don't!\n\nNew paragraph"
    sents = regex_sentences(text)
    assert len(sents) == 3
    toks = [text[s:e] for s, e in regex_tokens(text)]
    assert "3.5" in toks and "e-mail" in toks and "don't" in toks
    (tok, ent), = b.annotate_texts([text], layers=normalize_layers(None))
    assert tok["lemma"][0] == "hello" and ent["text"] == []


def test_annotate_pipeline_cache_false_writes_nothing_and_matches_the_cache(tmp_path, monkeypatch):
    import tempfile

    def no_files(*a, **k):
        raise AssertionError("cache=False must not write files")
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(tempfile, "mkdtemp", no_files)
    # enough text for several batches, so that n_jobs=2 sends tables back from workers
    texts = [f"Сообщение {i}. " + "Песков заявил это журналистам. " * 40 for i in range(30)]
    c = Corpus.from_frame(pd.DataFrame({"text": texts + texts[:2], "lang": "ru"}))
    for n_jobs in (1, 2):
        mem = framing.annotate(c, cache=False, progress=False, layers=("lemma",), n_jobs=n_jobs)
        assert not (tmp_path / "cache").exists()
        monkeypatch.undo()
        disk = framing.annotate(c, cache=tmp_path / "disk", progress=False, layers=("lemma",))
        monkeypatch.setattr(tempfile, "mkdtemp", no_files)
        pd.testing.assert_frame_equal(mem.tokens, disk.tokens)
        assert list(mem.tokens.groupby("doc_id", sort=False).size()) == [3 + 40 * 5] * 32
        assert mem.meta["cache"] is None
