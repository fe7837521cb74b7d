"""Issue #6 and #11 figures: event and story grouping, keyness, speed.

Prints
- story grouping on BSNLP 2021 (ru + uk, topic folder = gold): ARI and B-cubed,
  against the peer TF-IDF + average-linkage agglomerative clustering in the same run;
- event grouping on the demo corpus against its answer key (event column);
- event grouping on the 8,449 Telegram posts: time, peak memory, the largest group,
  the groups holding the hand-labelled events (Aleppo, South Korean martial law,
  Tbilisi) with their purity (share of the group's members, or of a seeded sample
  of 30, judged about the event: tests/data/telegram_events_purity.tsv, so that
  unlabelled members count) and B-cubed and pairwise scores on the labelled posts
  (tests/data/telegram_events_gold.tsv);
- keyness: agreement with the hand-computed example, and the top distinctive lemmas
  of РИА Новости against BBC Русская служба and the reverse;
- speed of keyness and rates on a generated 100,000-document token table.

Run: python benchmarks/compare_eval.py  (sections whose shared data is absent say so)
"""

from __future__ import annotations

import json
import math
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

import framing
from framing._scoring import bcubed, pairwise_scores

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"


def section(title):
    print(f"\n=== {title} ===", flush=True)


def bsnlp_stories():
    section("Story grouping on BSNLP 2021 (ru + uk; gold = topic folder)")
    raw = SHARED / "bsnlp2021"
    if not raw.exists():
        print(f"skipped: {raw} not present")
        return
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics import adjusted_rand_score

    corpus = framing.read_bsnlp(str(raw / "*" / "raw" / "*" / "*.txt"))
    docs = corpus.docs
    t0 = time.perf_counter()
    g = framing.group_events(corpus, level="story", seed=0)
    dt = time.perf_counter() - t0
    pred = g.corpus.docs["story_id"]
    p, r, f = bcubed(docs["topic"], pred)
    print(f"framing.group_events(level='story'): {len(docs)} docs, {pred.nunique()} stories, "
          f"ARI {adjusted_rand_score(docs['topic'], pred):.3f}, B-cubed P {p:.3f} R {r:.3f} F1 {f:.3f} ({dt:.1f} s)")
    X = TfidfVectorizer(sublinear_tf=True, min_df=2).fit_transform((docs["title"] + " " + docs["text"]).tolist())
    k = docs["topic"].nunique()
    base = AgglomerativeClustering(n_clusters=k, metric="cosine", linkage="average").fit_predict(X.toarray())
    p, r, f = bcubed(docs["topic"], base)
    print(f"peer: word TF-IDF + average-linkage agglomerative (told the true k={k}): "
          f"ARI {adjusted_rand_score(docs['topic'], base):.3f}, B-cubed F1 {f:.3f}")


def demo_events():
    section("Event grouping on the demo corpus (gold = answer key's event column)")
    from sklearn.metrics import adjusted_rand_score

    corpus = framing.load_demo()
    ann = framing.annotate(corpus, progress=False)
    for name, data in (("corpus (raw text)", corpus), ("annotation (lemmas + entities)", ann)):
        g = framing.group_events(data, seed=0)
        d = g.corpus.docs
        p, r, f = pairwise_scores(d["event"], d["event_id"])
        print(f"{name}: {d['event_id'].nunique()} events for {d['event'].nunique()} gold; "
              f"ARI {adjusted_rand_score(d['event'], d['event_id']):.3f}; pairwise P {p:.3f} R {r:.3f} F1 {f:.3f}")


_TELEGRAM_CHILD = r"""
import json, resource, sys, time
import framing
t0 = time.perf_counter()
corpus = framing.remove_boilerplate(framing.read_telegram(sys.argv[1]))
t1 = time.perf_counter()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
g = framing.group_events(corpus, seed=0)
t2 = time.perf_counter()
d = g.corpus.docs[["doc_id", "outlet", "event_id"]]
d.to_json(sys.argv[2], orient="records", force_ascii=False)
ev = g.events
ev[["event_id", "label", "size", "n_outlets", "span_h", "cohesion"]].to_json(sys.argv[3], orient="records",
                                                                               force_ascii=False)
print(json.dumps({"load": t1 - t0, "group": t2 - t1, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "rss_before_mb": before,
                  "docs": len(d), "events": int(d.event_id.nunique())}))
"""

PURITY_SAMPLE, PURITY_FULL_UP_TO = 30, 40


def purity_members(members: pd.DataFrame) -> pd.DataFrame:
    """The members of a group that are judged: all of them, or a seeded sample of 30 above 40."""
    members = members.sort_values("doc_id", kind="stable")
    if len(members) > PURITY_FULL_UP_TO:
        return members.sample(PURITY_SAMPLE, random_state=0)
    return members


def telegram_events(tmp: Path):
    section("Event grouping on the Telegram sample (8,449 posts of nine channels)")
    raw = SHARED / "telegram_ru_2024" / "raw"
    if not raw.exists():
        print(f"skipped: {raw} not present")
        return
    out, evs = tmp / "tg_events.json", tmp / "tg_event_table.json"
    res = subprocess.run([sys.executable, "-c", _TELEGRAM_CHILD, str(raw / "*.json"), str(out), str(evs)],
                         capture_output=True, text=True, check=True)
    stats = json.loads(res.stdout.strip().splitlines()[-1])
    d = pd.read_json(out, orient="records", dtype={"doc_id": str, "event_id": str})
    table = pd.read_json(evs, orient="records", dtype={"event_id": str})
    sizes = d["event_id"].value_counts()
    print(f"{stats['docs']} posts → {stats['events']} events ({(sizes > 1).sum()} of two or more posts, "
          f"{(sizes == 1).sum()} posts left alone); largest group {sizes.iloc[0]} posts")
    print(f"group_events: {stats['group']:.1f} s (target < 60 s); peak memory of the whole process "
          f"{stats['peak_mb']:.0f} MB (target < 2,048 MB; {stats['rss_before_mb']:.0f} MB before grouping)")
    big = table[table["size"] > 1]
    print(f"cohesion (mean cosine within a group) over groups of 2+: median {big.cohesion.median():.3f}; "
          f"largest groups: " + "; ".join(f"{r.event_id} {r.size} posts, {r.span_h:.0f} h, cohesion "
                                          f"{r.cohesion:.2f}, '{r.label}'" for r in big.nlargest(3, 'size').itertuples()))
    gold = pd.read_csv(ROOT / "tests" / "data" / "telegram_events_gold.tsv", sep="\t", comment="#", dtype=str)
    judged = pd.read_csv(ROOT / "tests" / "data" / "telegram_events_purity.tsv", sep="\t", comment="#", dtype=str)
    # doc ids of read_telegram are "<channel>/<message_id>": match on message id and channel id
    meta = framing.read_telegram(str(raw / "*.json")).docs
    key = dict(zip(meta["sender_id"].astype(str) + "/" + meta["message_id"].astype(str), meta["doc_id"]))
    gold["doc_id"] = (gold.channel_id + "/" + gold.message_id).map(key)
    judged["doc_id"] = (judged.channel_id + "/" + judged.message_id).map(key)
    about = {(r.doc_id, r.event): r.about == "1" for r in judged.itertuples()}
    ids = d.set_index("doc_id")["event_id"]
    gold["pred"] = gold["doc_id"].map(ids)
    missing = gold["pred"].isna().sum()
    purities, unjudged = [], 0
    print("Purity: for each hand-labelled event, the group holding most of its labelled posts; every member "
          f"judged by hand, or a seeded sample of {PURITY_SAMPLE} in groups over {PURITY_FULL_UP_TO} "
          "(tests/data/telegram_events_purity.tsv)")
    for ev, sub in gold.groupby("event"):
        main = sub["pred"].value_counts()
        top = main.index[0]
        members = d[d.event_id == top]
        judge = purity_members(members)
        marks = [about.get((doc, ev)) for doc in judge["doc_id"]]
        known = [m for m in marks if m is not None]
        unjudged += len(marks) - len(known)
        purity = sum(known) / len(known) if known else float("nan")
        purities.append(purity)
        span = table.set_index("event_id").loc[top]
        print(f"- {ev}: {len(sub)} gold posts, {main.iloc[0]} in {top} ('{span.label}'): {len(members)} posts "
              f"from {members.outlet.nunique()} channels over {span.span_h:.0f} h, cohesion {span.cohesion:.2f}; "
              f"purity {purity:.2f} ({sum(known)} of {len(known)} "
              + ("sampled " if len(judge) < len(members) else "") + "members about the event"
              + (f"; {len(marks) - len(known)} not judged yet" if len(known) < len(marks) else "") + ")")
    p, r, f = bcubed(gold["event"], gold["pred"].fillna("?"))
    pp, pr, pf = pairwise_scores(gold["event"], gold["pred"].fillna("?"))
    print(f"mean purity {np.nanmean(purities):.2f} over {len(purities)} events (target ≥ 0.70)"
          + (f"; {unjudged} members not judged yet: judge them and add them to the purity file" if unjudged else ""))
    print(f"on the {len(gold)} hand-labelled posts (unlabelled members not counted): B-cubed P {p:.3f} R {r:.3f} "
          f"F1 {f:.3f} (must stay ≥ 0.75); pairwise P {pp:.3f} R {pr:.3f} F1 {pf:.3f}"
          + (f" ({missing} not matched)" if missing else ""))


def keyness_checks():
    section("Keyness: the hand-computed example (Monroe et al. 2008, eqs. 16, 20, 22)")
    rows = ([("a1", "A", "война")] * 2 + [("a2", "A", "война"), ("a2", "A", "операция")]
            + [("b1", "B", "операция")] * 3 + [("b1", "B", "война")])
    k = framing.keyness(pd.DataFrame(rows, columns=["doc_id", "outlet", "lemma"]), unit="lemma")
    row = k[(k.group == "A") & (k.term == "война")].iloc[0]
    delta = math.log(7 / 5) - math.log(5 / 7)
    z = delta / math.sqrt(1 / 7 + 1 / 5)
    print(f"|δ − hand| = {abs(row.score - delta):.2e}, |z − hand| = {abs(row.z - z):.2e} (must be ≤ 1e-9)")

    section("Keyness on the Telegram sample: РИА Новости vs BBC Русская служба (lemmas)")
    raw = SHARED / "telegram_ru_2024" / "raw"
    if not raw.exists():
        print(f"skipped: {raw} not present")
        return
    corpus = framing.remove_boilerplate(framing.read_telegram(str(raw / "*.json")))
    two = corpus.filter(lambda d: d.outlet.isin(["РИА Новости", "BBC News | Русская служба"]))
    t0 = time.perf_counter()
    ann = framing.annotate(two, layers=("lemma",), progress=False)
    print(f"(annotated {len(two)} posts, lemmas only, in {time.perf_counter() - t0:.1f} s)")
    k = framing.keyness(ann, by="outlet", unit="lemma", min_count=5)
    for g in ["РИА Новости", "BBC News | Русская служба"]:
        top = k[(k.group == g) & (k.reference == "rest")].head(25)
        print(f"{g}: " + ", ".join(f"{t} ({z:.1f})" for t, z in zip(top.term, top.z)))


def speed():
    section("Speed: keyness and rates on a generated 100,000-document token table")
    rng = np.random.default_rng(0)
    n_docs, per_doc, vocab = 100_000, 60, 50_000
    n = n_docs * per_doc
    lemmas = np.array([f"w{i}" for i in range(vocab)], dtype=object)
    ranks = np.minimum(rng.zipf(1.3, size=n), vocab) - 1
    doc = np.repeat(np.array([f"d{i:06d}" for i in range(n_docs)], dtype=object), per_doc)
    tokens = pd.DataFrame({"doc_id": doc, "sent_id": 1, "tok_id": np.tile(np.arange(1, per_doc + 1), n_docs),
                           "start": 0, "end": 0, "text": lemmas[ranks], "lemma": lemmas[ranks], "upos": "NOUN",
                           "feats": "_", "head": -1, "deprel": "_"})
    docs = pd.DataFrame({"doc_id": [f"d{i:06d}" for i in range(n_docs)], "text": "x",
                         "outlet": rng.choice([f"outlet{j}" for j in range(8)], size=n_docs), "lang": "ru"})
    ann = framing.Annotated(framing.Corpus(docs), tokens)
    t0 = time.perf_counter()
    k = framing.keyness(ann, by="outlet")
    t1 = time.perf_counter()
    print(f"keyness (8 outlets × {k.term.nunique():,} lemmas, {n:,} tokens): {t1 - t0:.1f} s")
    table = pd.DataFrame({"doc_id": rng.choice(docs.doc_id, size=200_000)})
    table["outlet"] = table.doc_id.map(docs.set_index("doc_id").outlet)
    t0 = time.perf_counter()
    r = framing.rates(table, ann=ann, by="outlet", per="tokens", n_boot=1000, seed=0, versus="rest")
    print(f"rates per 1,000 tokens with bootstrap CIs and permutation tests (200,000 rows, 8 outlets): "
          f"{time.perf_counter() - t0:.1f} s")


def main():
    import tempfile

    tmp = Path(tempfile.mkdtemp())
    bsnlp_stories()
    demo_events()
    telegram_events(tmp)
    keyness_checks()
    speed()


if __name__ == "__main__":
    main()
