"""Every measure on the odd tokens of real text, and over the whole Telegram sample.

The fast tests read ``tests/data/odd_tokens.conllu``: hand-parsed sentences with a
symbol, a per-cent sign or a closing quote before a hyphen ("ЛГБТ*-парады",
"50%-ная", "«птичек»-камикадзе"), flags and emoji outside the Basic
Multilingual Plane, tokens without lemma, features or head, a sentence of
punctuation only.  They run with ``FRAMING_STRICT=1``, so any exception a
measure's guard would record is raised instead.

The slow tests run every public measure and ``compare()`` with its HTML page over
the whole Telegram sample (``../shared/data``), and ``framing report`` over a third of
it, and assert no exception, no skipped section and no recorded problem other than the
documents left out because their language has no word lists (posts too short to tell
their language, ``und``).
"""

from __future__ import annotations

import time
import warnings

import pandas as pd
import pytest

import framing
from conftest import DATA, shared_path
from framing._errors import MeasureWarning
from framing.measures import naming as naming_module
from framing.measures._guard import STRICT_ENV, problems
from framing.measures._names import iter_sentences


@pytest.fixture
def strict(monkeypatch):
    monkeypatch.setenv(STRICT_ENV, "1")


@pytest.fixture(scope="module")
def odd():
    return framing.Annotated.from_conllu(DATA / "odd_tokens.conllu")


def _tables(result):
    if isinstance(result, pd.DataFrame):
        return [result]
    return [t for t in result if isinstance(t, pd.DataFrame)]


# --- naming: the crash of issue 9 ------------------------------------------------------

def test_measures_realtext_naming_symbol_before_hyphen(odd, strict):
    nm = framing.naming(odd)
    hits = nm.contested_hits
    first = hits[(hits["doc_id"] == "odd1") & (hits["sent_id"] == 1)]
    # the sentence with "ЛГБТ*-парады" is read to its end: "на Украине" is found in it
    assert first["variant"].tolist() == ["на Украине"]
    assert first["text"].tolist() == ["на Украине"]
    # the sentences with "50%-ная" and "«Птичек»-камикадзе" keep their ВСУ
    assert set(hits.loc[hits["doc_id"] == "odd1", "sent_id"]) >= {1, 2, 3}
    assert problems(*_tables(nm)).empty


def test_measures_realtext_naming_units_keep_symbols_apart():
    ann = framing.Annotated.from_conllu(
        "1\tЛГБТ\tЛГБТ\tPROPN\t_\t_\t0\troot\t_\tSpaceAfter=No\n"
        "2\t*\t*\tPUNCT\t_\t_\t1\tpunct\t_\tSpaceAfter=No\n"
        "3\t-\t-\tPUNCT\t_\t_\t1\tpunct\t_\tSpaceAfter=No\n"
        "4\tпарады\tпарад\tNOUN\t_\t_\t1\tnmod\t_\t_\n"
        "5\tсеверо\tсеверо\tADV\t_\t_\t1\tadvmod\t_\tSpaceAfter=No\n"
        "6\t-\t-\tPUNCT\t_\t_\t7\tpunct\t_\tSpaceAfter=No\n"
        "7\tвосток\tвосток\tNOUN\t_\t_\t1\tnmod\t_\tSpaceAfter=No\n"
        "8\t-\t-\tPUNCT\t_\t_\t1\tpunct\t_\t_\n")
    (s,) = list(iter_sentences(ann.tokens, {}, {}))
    units = naming_module._units(s)
    words = [u[0] for u in units if u is not None]
    # a hyphen between two words joins them; a hyphen after "*" or at the end does not
    assert words == ["лгбт", "парад", "северо-восток"]
    assert units[1] is None and units[2] is None and units[-1] is None


def test_measures_realtext_naming_pattern_over_hyphenated_word():
    table = pd.DataFrame({"variant": ["северо-восток"], "pattern": ["северо-восток"], "concept": ["c"],
                          "stance": ["s"]})
    ann = framing.Annotated.from_conllu(
        "1\tна\tна\tADP\t_\t_\t2\tcase\t_\t_\n"
        "2\tсеверо\tсеверо\tADV\t_\t_\t0\troot\t_\tSpaceAfter=No\n"
        "3\t-\t-\tPUNCT\t_\t_\t4\tpunct\t_\tSpaceAfter=No\n"
        "4\tвостоке\tвосток\tNOUN\t_\t_\t2\tnmod\t_\t_\n")
    hits = framing.measures.naming.contested_naming(ann, contested=table)
    assert hits[["text", "start", "end"]].values.tolist() == [["северо-востоке", 3, 17]]


# --- every measure on the odd tokens -------------------------------------------------

def test_measures_realtext_every_measure_on_odd_tokens(odd, strict):
    acts = framing.actors(odd)
    ep = framing.epithets(odd, actors=acts)
    nm = framing.naming(odd, actors=acts, epithets=ep)
    att = framing.attributions(odd, actors=acts)
    src = framing.sources(att, n_boot=50)
    from framing.measures.attribution import markers

    mk = markers(odd, actors=acts)
    # the speakers after odd tokens are still found
    assert {"Путин", "Зеленский"} <= set(att["speaker"])
    assert len(att) >= 3 and len(nm.mentions) > 0
    key = framing.keyness(odd)
    rt = framing.rates(ep, ann=odd, versus="rest", n_boot=50)
    for pattern in ("ЛГБТ*", "*", "%", "-", "🇺🇦", "re:.*-.*", "киевский режим"):
        framing.kwic(odd, pattern)
        framing.kwic(odd, pattern, by_lemma=False)
    assert len(framing.kwic(odd, "🇺🇦", by_lemma=False)) == 1
    col = framing.collocations(odd, min_freq=1)
    ev = framing.group_events(odd)
    for result in (acts, ep, nm, att, src, mk, key, rt, col):
        assert problems(*_tables(result)).empty
    # every document gets an event, and the events table counts both documents
    assert ev.corpus.docs["event_id"].notna().all() and int(ev.events["size"].sum()) == 2


def test_measures_realtext_compare_on_odd_tokens(odd, strict, tmp_path):
    comp = framing.compare(odd, n_boot=50)
    skipped = [n for n in comp.notes if "unavailable" in n or "skipped" in n or "not " in n]
    assert skipped == []
    path = tmp_path / "odd.html"
    comp.to_html(path)
    page = path.read_text(encoding="utf-8")
    assert "парады" in page and "камикадзе" in page and "🇺🇦" in page   # the documents are shown


# --- the guard -----------------------------------------------------------------------

def _broken_on_sentence(sent_id):
    real = naming_module._contested_in_sentence

    def fake(s, table, text):
        if s.doc_id == "odd1" and s.sent_id == sent_id:
            raise IndexError("made-up failure")
        return real(s, table, text)
    return fake


def test_measures_realtext_guard_skips_and_records(odd, monkeypatch):
    monkeypatch.delenv(STRICT_ENV, raising=False)
    monkeypatch.setattr(naming_module, "_contested_in_sentence", _broken_on_sentence(2))
    with pytest.warns(MeasureWarning, match=r"1 sentences skipped") as rec:
        nm = framing.naming(odd)
    assert sum(issubclass(w.category, MeasureWarning) for w in rec) == 1      # warned once
    found = problems(*_tables(nm))
    assert found[["measure", "doc_id", "sent_id"]].values.tolist() == [["contested_naming", "odd1", 2]]
    assert found["reason"].iloc[0] == "IndexError: made-up failure"
    # the other sentences of the document are kept
    hits = nm.contested_hits
    assert set(hits.loc[hits["doc_id"] == "odd1", "sent_id"]) == {1, 3}


def test_measures_realtext_guard_strict_raises(odd, monkeypatch, strict):
    monkeypatch.setattr(naming_module, "_contested_in_sentence", _broken_on_sentence(2))
    with pytest.raises(IndexError, match="made-up failure"):
        framing.naming(odd)


def test_measures_realtext_compare_notes_skipped_sentences(odd, monkeypatch):
    monkeypatch.delenv(STRICT_ENV, raising=False)
    monkeypatch.setattr(naming_module, "_contested_in_sentence", _broken_on_sentence(3))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MeasureWarning)
        comp = framing.compare(odd, n_boot=50)
    notes = [n for n in comp.notes if n.startswith("contested_naming: 1 sentences skipped")]
    assert len(notes) == 1 and "'odd1' sentence 3" in notes[0]
    assert len(comp.contested_hits) > 0


# --- the whole Telegram sample -------------------------------------------------------

@pytest.mark.slow
def test_measures_realtext_telegram_sample(tmp_path, monkeypatch):
    """Every measure, compare() and the report on 8,449 Telegram posts: no exception, nothing skipped.

    ``sources()`` and ``compare()`` run with ``n_boot=200`` (instead of 1,000) to keep the
    test short; the report uses its own defaults.
    """
    raw = shared_path("telegram_ru_2024", "raw")
    monkeypatch.setenv(STRICT_ENV, "1")   # a guard that would hide a bug raises instead
    corpus = framing.read_telegram(str(raw / "*.json"))
    ann = framing.annotate(corpus, n_jobs=2, progress=False)
    times = {}

    def timed(name, fn):
        t0 = time.perf_counter()
        out = fn()
        times[name] = time.perf_counter() - t0
        return out

    acts = timed("actors", lambda: framing.actors(ann))
    ep = timed("epithets", lambda: framing.epithets(ann, actors=acts))
    nm = timed("naming", lambda: framing.naming(ann, actors=acts, epithets=ep))
    att = timed("attributions", lambda: framing.attributions(ann, actors=acts))
    src = timed("sources", lambda: framing.sources(att, n_boot=200))
    results = [acts, ep, nm, att, src,
               timed("keyness", lambda: framing.keyness(ann)),
               timed("rates", lambda: framing.rates(ep, ann=ann, versus="rest", n_boot=200)),
               timed("kwic", lambda: framing.kwic(ann, "киевский режим")),
               timed("kwic_glob", lambda: framing.kwic(ann, "нацист*")),
               timed("collocations", lambda: framing.collocations(ann)),
               ]
    events = timed("group_events", lambda: framing.group_events(ann, seed=0))
    comp = timed("compare", lambda: framing.compare(ann, by="outlet", actors=acts, epithets=ep, naming=nm,
                                                    attributions=att, events=events, n_boot=200))
    assert not [n for n in comp.notes if "unavailable" in n or "skipped" in n], comp.notes
    timed("compare_html", lambda: comp.to_html(tmp_path / "comparison.html"))
    langs = dict(zip(ann.docs["doc_id"], ann.docs["lang"]))
    for r in results:
        found = problems(*_tables(r))
        # the only rows: documents whose language has no word lists ('und': too few letters to tell)
        assert all(" is not supported by " in reason and langs[d] not in ("ru", "uk", "en")
                   for d, reason in zip(found["doc_id"], found["reason"])), found
    assert len(nm.contested_hits) > 0 and len(att) > 0 and len(comp.keyness) > 0
    print("measure times (s):", {k: round(v, 1) for k, v in times.items()})


@pytest.mark.slow
def test_measures_realtext_telegram_report(tmp_path, monkeypatch):
    """``framing report`` on a third of the Telegram sample: every section written, no comparison note of a skip.

    Every third post of each channel in date order, so that every channel and its whole
    period are there; the measures over every post are the test above.
    """
    from framing.report.run import run_report

    raw = shared_path("telegram_ru_2024", "raw")
    monkeypatch.setenv(STRICT_ENV, "1")
    corpus = framing.read_telegram(str(raw / "*.json"))
    docs = corpus.docs.sort_values(["outlet", "published", "doc_id"])
    third = set(docs["doc_id"][docs.groupby("outlet").cumcount() % 3 == 0])
    corpus = corpus.filter(lambda d: d["doc_id"].isin(third))
    assert len(corpus.outlets) == 9 and len(corpus) > 2500
    path = run_report(corpus, out=tmp_path / "report", n_jobs=2)
    text = path.read_text(encoding="utf-8")
    notes = text.split("## Comparison notes", 1)[1].split("## ", 1)[0]
    assert not [n for n in notes.splitlines() if "unavailable" in n or "not drawn" in n or "not written" in n
                or "skipped" in n], notes
    for name in ("actors.csv", "epithets.csv", "naming_forms.csv", "contested_naming.csv", "attributions.csv",
                 "comparison_share_of_voice.csv", "comparison.html"):
        assert (tmp_path / "report" / name).stat().st_size > 0, name
