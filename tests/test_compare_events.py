"""Event and story grouping across outlets and languages."""

from __future__ import annotations

import itertools
import json

import pandas as pd
import pytest

import framing
from conftest import DATA, shared_path

_EVENTS = {
    "flood": ["Наводнение в Одессе: вода затопила порт, спасатели эвакуировали жителей прибрежных районов",
              "Повінь в Одесі: вода затопила порт, рятувальники евакуювали мешканців прибережних районів",
              "Flood in Odesa: water flooded the port, rescuers evacuated residents of coastal districts"],
    "summit": ["Саммит НАТО в Гааге принял заявление о противовоздушной обороне и поставках ракет Patriot",
               "Саміт НАТО в Гаазі ухвалив заяву про протиповітряну оборону та постачання ракет Patriot",
               "NATO summit in The Hague adopted a statement on air defence and Patriot missile deliveries"],
    "grain": ["Зерновой коридор: суда с пшеницей вышли из порта Измаил, Турция обеспечит проход через Босфор",
              "Зерновий коридор: судна з пшеницею вийшли з порту Ізмаїл, Туреччина забезпечить прохід через Босфор",
              "Grain corridor: ships with wheat left the port of Izmail, Turkey will secure passage through the Bosphorus"],
}


def _corpus():
    rows = []
    for day, (ev, texts) in enumerate(_EVENTS.items()):
        for lang, text, outlet in zip(("ru", "uk", "en"), texts, ("agency", "dumka", "wire")):
            rows.append({"doc_id": f"{ev}_{outlet}", "outlet": outlet, "lang": lang, "text": text,
                         "title": text.split(":")[0], "published": f"2025-11-{10 + 5 * day:02d}T10:00:00Z",
                         "gold": ev})
    return framing.Corpus(pd.DataFrame(rows))


def test_events_group_same_event_across_languages():
    g = framing.group_events(_corpus())
    docs = g.corpus.docs
    slavic = docs[docs.lang != "en"]
    for ev, sub in slavic.groupby("gold"):
        assert sub["event_id"].nunique() == 1, (ev, sub[["doc_id", "event_id"]])
    # no event mixes two real events
    assert docs.groupby("event_id")["gold"].nunique().max() == 1
    # an English report joins through shared names and cognates (Odesa, port, evacuated)
    ids = docs.set_index("doc_id")["event_id"]
    assert ids["flood_wire"] == ids["flood_agency"]
    assert set(g.events.columns) >= {"event_id", "size", "n_outlets", "outlets", "first_report", "top_terms"}


def test_events_deterministic_and_input_unchanged():
    c = _corpus()
    before = c.docs
    a = framing.group_events(c, seed=3).corpus.docs["event_id"]
    b = framing.group_events(c, seed=3).corpus.docs["event_id"]
    assert a.tolist() == b.tolist()
    pd.testing.assert_frame_equal(c.docs, before)


def test_events_time_window_separates_far_apart_reports():
    c = _corpus()
    d = c.docs
    d.loc[d.doc_id == "flood_wire", "published"] = pd.Timestamp("2025-12-30T10:00:00Z")
    g = framing.group_events(framing.Corpus(d), window="2D")
    ids = g.corpus.docs.set_index("doc_id")["event_id"]
    assert ids["flood_wire"] != ids["flood_agency"]
    assert ids["flood_uk" if "flood_uk" in ids else "flood_dumka"] == ids["flood_agency"]


def test_events_story_level_nests_events_and_handles_empty_texts():
    d = _corpus().docs
    d = pd.concat([d, pd.DataFrame([{"doc_id": "emoji", "outlet": "agency", "lang": "ru", "text": "🔥🔥",
                                     "published": pd.Timestamp("2025-11-12T00:00Z")}])], ignore_index=True)
    g = framing.group_events(framing.Corpus(d), level="story")
    docs = g.corpus.docs
    assert docs.groupby("event_id")["story_id"].nunique().max() == 1
    assert "story_id" in g.events.columns
    assert docs.set_index("doc_id")["event_id"]["emoji"] not in set(docs[docs.doc_id != "emoji"]["event_id"])


def test_events_empty_corpus():
    g = framing.group_events(framing.Corpus(pd.DataFrame({"doc_id": [], "text": [], "lang": []})))
    assert len(g.events) == 0 and "event_id" in g.corpus.docs.columns


@pytest.mark.slow
def test_events_telegram_gold_events_found():
    raw = shared_path("telegram_ru_2024", "raw")
    rows = []
    for f in sorted(raw.glob("*.json")):
        for p in json.loads(f.read_text(encoding="utf-8")):
            rows.append({"doc_id": f"{p['sender_id']}/{p['message_id']}", "outlet": p["channel"],
                         "published": p["date"], "text": p.get("text") or "", "lang": "ru"})
    ids = framing.group_events(framing.Corpus(pd.DataFrame(rows))).corpus.docs.set_index("doc_id")["event_id"]
    gold = pd.read_csv(DATA / "telegram_events_gold.tsv", sep="\t", comment="#", dtype=str)
    gold["pred"] = (gold.channel_id + "/" + gold.message_id).map(ids)
    tp = fp = fn = 0
    for (e1, p1), (e2, p2) in itertools.combinations(zip(gold.event, gold.pred), 2):
        tp += (e1 == e2) and (p1 == p2)
        fp += (e1 != e2) and (p1 == p2)
        fn += (e1 == e2) and (p1 != p2)
    assert tp / (tp + fp) >= 0.95 and tp / (tp + fn) >= 0.85
