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


def _hub_corpus():
    """Two unrelated events the same day, daily digests that name both, and a channel's usual posts.

    As on real channels, the digests' generic words (главное, погода, курс,
    подписывайтесь) also end many other posts, so document frequency tells them
    apart from the words of an event.
    """
    flood = ["Наводнение в Одессе: вода затопила порт, спасатели эвакуировали жителей прибрежных районов",
             "В Одессе наводнение, вода затопила порт и прибрежные районы, жителей эвакуировали спасатели",
             "Спасатели эвакуируют жителей Одессы: вода затопила порт после наводнения",
             "Вода затопила порт Одессы, спасатели эвакуировали жителей прибрежных районов"]
    summit = ["Саммит НАТО в Гааге принял заявление о противовоздушной обороне и поставках ракет Patriot",
              "На саммите НАТО в Гааге приняли заявление о поставках ракет Patriot и противовоздушной обороне",
              "Заявление саммита НАТО в Гааге: противовоздушная оборона и ракеты Patriot",
              "Саммит НАТО в Гааге: заявление о ракетах Patriot и противовоздушной обороне"]
    digest = ["Главное за день: наводнение в Одессе, саммит НАТО, погода, курс рубля. Подписывайтесь на канал",
              "Главное к утру: Одесса, саммит НАТО, погода и курс рубля. Подписывайтесь на канал"]
    topics = ["выставка картин открылась в музее", "футбольный клуб подписал вратаря", "цены на яйца выросли",
              "в зоопарке родился тигрёнок", "метро закроет станцию на ремонт", "театр показал премьеру оперы",
              "школьники написали олимпиаду", "аэропорт ввёл новые правила досмотра", "учёные нашли древнюю монету",
              "в парке высадили сто деревьев", "певица отменила концерт", "банк снизил ставки по вкладам"]
    usual = [f"{t.capitalize()}. Погода завтра: дождь. Курс рубля не изменился. Подписывайтесь на канал"
             for t in topics]
    rows = [("flood", t, f"2025-11-10T0{8 + i}:00:00Z") for i, t in enumerate(flood)]
    rows += [("summit", t, f"2025-11-10T1{4 + i}:00:00Z") for i, t in enumerate(summit)]
    rows += [("digest", t, f"2025-11-10T2{i}:00:00Z") for i, t in enumerate(digest)]
    rows += [("usual", t, f"2025-11-{9 + i % 3}T{10 + i % 10}:30:00Z") for i, t in enumerate(usual)]
    outlets = ["agency", "dumka", "wire"]
    return framing.Corpus(pd.DataFrame([{"doc_id": f"{g}{i}", "outlet": outlets[i % 3], "lang": "ru", "text": t,
                                         "published": p, "gold": g} for i, (g, t, p) in enumerate(rows)]))


def test_compare_events_hub_of_generic_posts_does_not_merge_two_events():
    g = framing.group_events(_hub_corpus())
    docs = g.corpus.docs.set_index("doc_id")
    flood = set(docs.loc[docs["gold"] == "flood", "event_id"])
    summit = set(docs.loc[docs["gold"] == "summit", "event_id"])
    assert len(flood) == 1 and len(summit) == 1 and flood != summit
    # a digest never joins an event with both flood and summit reports
    both = docs.groupby("event_id")["gold"].agg(lambda s: {"flood", "summit"} <= set(s))
    assert not both.any()


def test_compare_events_window_and_max_span_respected():
    d = _corpus().docs
    # the same flood reported again and again, a day apart, for three weeks
    text = _EVENTS["flood"][0]
    extra = [{"doc_id": f"flood_day{i}", "outlet": ["agency", "dumka", "wire"][i % 3], "lang": "ru", "text": text,
              "published": pd.Timestamp("2025-11-10T10:00:00Z") + pd.Timedelta(days=i), "gold": "flood"}
             for i in range(1, 7)]
    c = framing.Corpus(pd.concat([d, pd.DataFrame(extra)], ignore_index=True))
    g = framing.group_events(c, window="3D", max_span="3D")
    spans = g.events["last_report"] - g.events["first_report"]
    assert spans.max() <= pd.Timedelta("3D")
    assert g.events["span_h"].max() <= 3 * 24
    # the daily repeats are still grouped, in pieces of at most three days
    assert g.events["size"].max() >= 3
    # the window alone bounds links, not the event: without max_span, the daily chain is one event
    g = framing.group_events(c, window="2D", max_span=None)
    ids = g.corpus.docs.set_index("doc_id")["event_id"]
    assert ids["flood_day1"] == ids["flood_day6"]


def test_compare_events_labels_are_readable_words():
    g = framing.group_events(_corpus())
    ev = g.events
    # without an annotation: the title (first line) of the event's most central report
    titles = g.corpus.docs.set_index("doc_id")["title"]
    assert all(titles[doc].startswith(lab.rstrip("…")) and len(lab) <= 60
               for lab, doc in zip(ev["label"], ev["central_doc"]))
    flood_titles = set(titles[titles.index.str.startswith("flood_")])
    flood = g.corpus.docs.set_index("doc_id").loc["flood_agency", "event_id"]
    assert ev.set_index("event_id").loc[flood, "label"] in flood_titles  # the flood event is named by a flood title
    words = [w for terms in ev["top_terms"] for w in terms]
    assert "одессе" in words or "Одессе" in words  # a word as written, not a transliterated stem
    text = " ".join(g.corpus.docs["text"]).lower()
    assert all(w.lower() in text for w in words)  # whole words of the texts, no cut stems
    assert not {"navod", "evaku", "hruz"} & {w.lower() for w in words}
    docs = g.corpus.docs.set_index("doc_id")
    assert docs.loc["flood_agency", "event_label"] == ev.set_index("event_id").loc[flood, "label"]


def test_compare_events_labels_from_lemmas_with_annotation():
    from framing import Annotated

    rows = []
    for i, (doc, lemmas) in enumerate({"a": ["наводнение", "Одесса", "порт"], "b": ["наводнение", "Одесса", "вода"],
                                       "c": ["саммит", "НАТО", "Гаага"]}.items()):
        for j, lem in enumerate(lemmas):
            rows.append({"doc_id": doc, "sent_id": 1, "tok_id": j + 1, "start": 0, "end": 0, "text": lem,
                         "lemma": lem, "upos": "NOUN", "feats": "_", "head": 0, "deprel": "root"})
    docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "text": ["x", "y", "z"], "outlet": ["o1", "o2", "o1"],
                         "lang": "ru", "published": pd.to_datetime(["2025-01-01", "2025-01-01", "2025-01-01"], utc=True)})
    g = framing.group_events(Annotated(framing.Corpus(docs), pd.DataFrame(rows)), threshold=0.05)
    ids = g.corpus.docs.set_index("doc_id")["event_id"]
    assert ids["a"] == ids["b"] != ids["c"]
    label = g.events.set_index("event_id").loc[ids["a"], "label"]
    assert set(label.split(", ")) <= {"наводнение", "Одесса", "порт", "вода"} and "наводнение" in label


def test_compare_events_cohesion_and_reasons_present():
    g = framing.group_events(_corpus())
    ev = g.events
    assert {"cohesion", "span_h", "size", "outlets", "central_doc"} <= set(ev.columns)
    multi = ev[ev["size"] > 1]
    assert len(multi) and multi["cohesion"].between(0, 1).all()
    assert ev.loc[ev["size"] == 1, "cohesion"].isna().all()
    docs = g.corpus.docs.set_index("doc_id")
    row = docs.loc["flood_agency"]
    assert row["event_neighbour"] in {"flood_dumka", "flood_wire"}
    assert row["event_similarity"] >= 0.08 and row["event_centrality"] > 0
    terms = row["event_terms"].split(", ")
    texts = " ".join(docs.loc[docs["event_id"] == row["event_id"], "text"]).lower()
    assert terms and all(t.lower() in texts for t in terms)  # words of the event's posts, as written


def test_compare_events_threshold_leaves_posts_alone():
    loose = framing.group_events(_corpus(), threshold=0.01).events
    strict = framing.group_events(_corpus(), threshold=0.99).events
    assert (strict["size"] == 1).all()  # nothing is that similar: every post stays alone
    assert loose["size"].max() > 1


def test_compare_events_story_options_rejected_for_events():
    from framing._errors import OptionError

    with pytest.raises(OptionError, match="level='story'"):
        framing.group_events(_corpus(), k=5)
