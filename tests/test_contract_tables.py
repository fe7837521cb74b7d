"""One contract for the public table functions outside the measures (issue #14, items 7 and 8).

The spine's tables (``Corpus.docs``, ``Annotated.tokens``/``entities``/``docs``,
``Features.docs``) have their documented columns in the types of
:mod:`framing._dtypes` — the same on pandas 2.3 and 3.  Every table function
(``keyness``, ``rates``, ``kwic``, ``collocations``, ``group_events``,
``features``, ``frames``) returns its documented columns, handles an empty
corpus (an empty table, or for keyness, which compares groups, a clear error),
handles a language it has no knowledge of (a result or a recorded problem,
never a silent Russian reading), gives the same output twice and leaves its
input unchanged; the per-document ones (the annotation, ``features``,
``frames``) give for a corpus what they give for its halves, concatenated.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

import framing
from framing._dtypes import STRING, TIMESTAMP
from framing._errors import OptionError
from framing.annotate.annotated import ENTITY_COLUMNS, TOKEN_COLUMNS, empty_entities, empty_tokens
from framing.compare.collocations import COLLOCATION_COLUMNS
from framing.compare.events import EVENT_COLUMNS
from framing.compare.keyness import KEYNESS_COLUMNS
from framing.compare.kwic import KWIC_COLUMNS
from framing.compare.rates import RATE_COLUMNS
from framing.corpus import CORE_COLUMNS

FRAME_COLUMNS = ["doc_id", "outlet", "frame", "cues", "tokens", "score", "matched"]
DOC_TEXT = ["doc_id", "outlet", "lang", "title", "text", "url"]
TOKEN_TYPES = {"doc_id": STRING, "sent_id": "int32", "tok_id": "int32", "start": "int64", "end": "int64",
               "text": STRING, "lemma": STRING, "upos": STRING, "feats": STRING, "head": "int32",
               "deprel": STRING}
ENTITY_TYPES = {"doc_id": STRING, "sent_id": "int32", "start_tok": "int32", "end_tok": "int32",
                "start": "int64", "end": "int64", "text": STRING, "type": STRING, "normal": STRING}


@pytest.fixture(scope="module")
def ann():
    return framing.annotate(framing.load_demo(), progress=False)


@pytest.fixture(scope="module")
def empty():
    corpus = framing.Corpus(pd.DataFrame({"doc_id": pd.Series(dtype=str), "text": pd.Series(dtype=str),
                                          "lang": pd.Series(dtype=str)}))
    return framing.Annotated(corpus, empty_tokens(), empty_entities())


@pytest.fixture(scope="module")
def german():
    """Two documents in a language framing has no backend or lexicon for."""
    corpus = framing.Corpus(pd.DataFrame({
        "doc_id": ["d1", "d2"], "outlet": ["a", "b"], "lang": ["de", "de"],
        "text": ["Der Präsident sagte am Montag, die Regierung werde die Steuern senken.",
                 "Die Opposition kritisierte den Plan der Regierung scharf."]}))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return framing.annotate(corpus, progress=False, cache=False)


def _table(name, result):
    if name == "features":
        return result.docs
    if name == "group_events":
        return result.events
    return result if isinstance(result, pd.DataFrame) else pd.DataFrame(result)


# name -> (call, documented leading columns)
CALLS = {
    "keyness": (lambda a: framing.keyness(a), KEYNESS_COLUMNS),
    "rates": (lambda a: framing.rates(framing.kwic(a, "режим"), ann=a), ["outlet"] + RATE_COLUMNS),
    "kwic": (lambda a: framing.kwic(a, "режим"), KWIC_COLUMNS),
    "collocations": (lambda a: framing.collocations(a), COLLOCATION_COLUMNS),
    "group_events": (lambda a: framing.group_events(a), EVENT_COLUMNS),
    "features": (lambda a: framing.features(a, progress=False), ["doc_id", "outlet", "published", "lang"]),
    "frames": (lambda a: framing.frames(a), FRAME_COLUMNS),
}


def _run(name, a):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return CALLS[name][0](a)


# --- the spine's tables: columns and types --------------------------------------

def _assert_doc_types(docs):
    for col in DOC_TEXT:
        if col in docs.columns:
            assert docs[col].dtype == STRING, (col, docs[col].dtype)
    if "published" in docs.columns:
        assert docs["published"].dtype == TIMESTAMP


def test_contract_tables_corpus_docs_types(ann):
    docs = ann.corpus.docs
    assert list(docs.columns[: len(CORE_COLUMNS)]) == CORE_COLUMNS
    _assert_doc_types(docs)
    _assert_doc_types(ann.docs)


def test_contract_tables_loader_types(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text('{"id": "1", "text": "Путин заявил.", "date": "2024-03-01T10:00:00+03:00", "tag": "x"}\n',
                 encoding="utf-8")
    docs = framing.read_jsonl(p).docs
    _assert_doc_types(docs)
    assert docs["tag"].dtype == STRING      # extra text columns too
    assert docs.loc[0, "published"] == pd.Timestamp("2024-03-01T07:00:00Z")


def test_contract_tables_published_beyond_nanoseconds():
    """Microseconds reach dates nanosecond timestamps cannot (before 1677)."""
    c = framing.Corpus(pd.DataFrame({"doc_id": ["a"], "text": ["x"], "lang": ["ru"],
                                     "published": ["1600-01-01T00:00:00Z"]}))
    assert c.docs.loc[0, "published"].year == 1600


def test_contract_tables_loader_reads_old_dates(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text('{"id": "1", "text": "Текст.", "date": "1600-01-01T00:00:00Z"}\n'
                 '{"id": "2", "text": "Текст.", "date": "2024-01-01T00:00:00Z"}\n', encoding="utf-8")
    assert framing.read_jsonl(p).docs["published"].dt.year.tolist() == [1600, 2024]


@pytest.mark.parametrize("which", ["full", "empty"])
def test_contract_tables_annotated_types(which, ann, empty):
    a = ann if which == "full" else empty
    for table, cols, types in ((a.tokens, TOKEN_COLUMNS, TOKEN_TYPES), (a.entities, ENTITY_COLUMNS, ENTITY_TYPES)):
        assert list(table.columns) == cols
        assert {c: table[c].dtype for c in cols} == types


def test_contract_tables_features_types(ann):
    _assert_doc_types(framing.features(ann, progress=False).docs)


# --- every table function -------------------------------------------------------

@pytest.mark.parametrize("name", CALLS)
def test_contract_tables_columns(name, ann):
    out = _table(name, _run(name, ann))
    cols = CALLS[name][1]
    assert list(out.columns[: len(cols)]) == cols
    assert len(out) > 0


@pytest.mark.parametrize("name", CALLS)
def test_contract_tables_empty_corpus(name, empty):
    if name == "keyness":
        # keyness compares groups: with none there is nothing to compare, and it says so
        with pytest.raises(OptionError, match="at least two"):
            _run(name, empty)
        return
    out = _table(name, _run(name, empty))
    cols = CALLS[name][1]
    assert len(out) == 0 and list(out.columns[: len(cols)]) == cols


@pytest.mark.parametrize("name", CALLS)
def test_contract_tables_unsupported_language(name, german):
    """A language without backend or lexicon: an honest result or a recorded problem."""
    out = _table(name, _run(name, german))
    assert list(out.columns[: len(CALLS[name][1])]) == CALLS[name][1]
    if name == "frames":
        # no built-in cues for German: no scores, and each document listed as a problem
        assert len(out) == 0
        assert sorted(out.attrs["problems"]["doc_id"]) == ["d1", "d2"]
    if name == "features":
        f = _run(name, german)
        # German words are counted as themselves (lowercased forms), not read as Russian
        assert "regierung" in set(f.vocabulary)


def test_contract_tables_annotation_of_unsupported_language_is_recorded(german):
    caps = german.capabilities
    assert set(caps.loc[caps["lang"] == "de", "backend"]) >= {"regex"}
    assert (german.tokens["upos"] == "_").all()          # no tagger pretends to know German


@pytest.mark.parametrize("name", CALLS)
def test_contract_tables_deterministic_and_pure(name, ann):
    before = (ann.tokens, ann.entities, ann.docs)
    a = _table(name, _run(name, ann))
    b = _table(name, _run(name, ann))
    pd.testing.assert_frame_equal(a, b)
    for x, y in zip(before, (ann.tokens, ann.entities, ann.docs)):
        pd.testing.assert_frame_equal(x, y)


# --- partition invariance of the per-document functions -------------------------

def _halves(ann):
    ids = ann.docs["doc_id"].tolist()
    return ann.select(docs=ids[::2]), ann.select(docs=ids[1::2])


def _by_doc(table, keys):
    return table.sort_values(keys, kind="stable").reset_index(drop=True)


def test_contract_tables_annotation_partition_invariant(ann):
    docs = ann.corpus.docs
    parts = [framing.annotate(framing.Corpus(docs.iloc[i::2].reset_index(drop=True)), progress=False)
             for i in (0, 1)]
    for name, keys in (("tokens", ["doc_id", "sent_id", "tok_id"]), ("entities", ["doc_id", "start", "end"])):
        whole = _by_doc(getattr(ann, name), keys)
        joined = _by_doc(pd.concat([getattr(p, name) for p in parts], ignore_index=True), keys)
        pd.testing.assert_frame_equal(whole, joined)


def test_contract_tables_frames_partition_invariant(ann):
    keys = ["doc_id", "frame"]
    whole = _by_doc(framing.frames(ann), keys)
    parts = [framing.frames(h) for h in _halves(ann)]
    for p in parts:
        assert p.attrs["problems"].empty
        p.attrs = {}
    whole.attrs = {}
    joined = _by_doc(pd.concat(parts, ignore_index=True), keys)
    pd.testing.assert_frame_equal(whole, joined)


def _doc_counts(f) -> dict:
    """doc_id -> {term: count} of a Features matrix."""
    m = f.matrix.tocsr()
    vocab = np.asarray(f.vocabulary, dtype=object)
    return {d: dict(zip(vocab[m.indices[m.indptr[i]:m.indptr[i + 1]]].tolist(),
                        m.data[m.indptr[i]:m.indptr[i + 1]].tolist()))
            for i, d in enumerate(f.docs["doc_id"])}


def test_contract_tables_features_partition_invariant(ann):
    whole = _doc_counts(framing.features(ann, progress=False))
    joined = {}
    for h in _halves(ann):
        joined.update(_doc_counts(framing.features(h, progress=False)))
    assert joined == whole


# --- the measures on a language they have no knowledge of -----------------------
# Issue #14 item 1: an unsupported language records a problem (or raises a clear
# error), never falls back to Russian.

def _says_unsupported(table) -> bool:
    problems = table.attrs.get("problems")
    if problems is None:
        return False
    rows = problems.to_dict("records") if isinstance(problems, pd.DataFrame) else list(problems)
    said = {r["doc_id"] for r in rows if "language 'de' is not supported" in str(r["reason"])}
    return said == {"d1", "d2"}


MEASURE_TABLES = {
    "actors": lambda a: framing.actors(a).mentions,
    "epithets": lambda a: framing.epithets(a),
    "naming": lambda a: framing.naming(a).mentions,
    "attributions": lambda a: framing.attributions(a),
}


@pytest.mark.parametrize("name", MEASURE_TABLES)
def test_contract_tables_measures_record_unsupported_language(name, german):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            table = MEASURE_TABLES[name](german)
    except (OptionError, ValueError) as exc:     # a clear error naming the language is fine too
        assert "de" in str(exc)
        return
    assert _says_unsupported(table)
    assert table.empty      # nothing computed as if the text were Russian


def test_contract_tables_unsupported_documents_leave_the_others_alone():
    """German documents among Russian ones are recorded and skipped; the Russian rows are unchanged."""
    demo = framing.load_demo().docs
    ru = demo[demo["lang"] == "ru"].head(4)[["doc_id", "outlet", "lang", "text"]]
    de = pd.DataFrame({"doc_id": ["d1", "d2"], "outlet": ["a", "b"], "lang": ["de", "de"],
                       "text": ["Der Präsident sagte am Montag, die Regierung werde die Steuern senken.",
                                "Die Opposition kritisierte den Plan der Regierung scharf."]})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        mixed = framing.annotate(framing.Corpus(pd.concat([de.iloc[:1], ru, de.iloc[1:]], ignore_index=True)),
                                 progress=False)
        alone = framing.annotate(framing.Corpus(ru.reset_index(drop=True)), progress=False)
        for name, measure in MEASURE_TABLES.items():
            got, want = measure(mixed), measure(alone)
            assert _says_unsupported(got), name
            assert len(want), name
            pd.testing.assert_frame_equal(got.reset_index(drop=True), want.reset_index(drop=True), obj=name)
