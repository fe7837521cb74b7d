"""Reproducible sample of held-out documents for the hand-coded attribution gold set.

Run from the project root::

    python benchmarks/validity/sample_attribution_docs.py [K]

Prints one ``source<TAB>outlet<TAB>lang<TAB>doc_id`` line per document, in coding
order, drawn with a single ``numpy.random.default_rng(2027)`` generator:

(a) Telegram: for each held-out outlet (Банкста, Ньюсач/Двач, 112, ТОПОР - Горячие
    новости, in that order) the posts whose ``text`` has at least 150 characters
    and whose doc_id is not in ``epithets_gold_docs.tsv``, sorted by message id,
    shuffled; the first 10 per outlet.
(b) BSNLP 2021: for each held-out topic (covid-19, us_election_2020) and language
    (ru, uk), in that order, the documents sorted by doc_id, shuffled; documents of
    at most 2,500 characters come first (in shuffled order), then the longer ones
    (in shuffled order); the first K per (topic, lang) (K = 3 by default). The
    first 3 of every (topic, lang) come first; with K > 3 the further articles
    follow in rounds (the 4th of each (topic, lang), then the 5th, ...), so a
    larger K only appends to the list.

Documents are coded Telegram first, then BSNLP, in the printed order; the coded
ones are listed in ``attributions_gold_docs.tsv``. The gold set holds the whole
K = 6 list and the first article of the K = 7 round (see CODING_NOTES.md).
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import numpy as np

import framing

HERE = Path(__file__).resolve().parent
TELEGRAM = "../shared/data/telegram_ru_2024/raw/*.json"
BSNLP = "../shared/data/bsnlp2021"
OUTLETS = ("Банкста", "Ньюсач/Двач", "112", "ТОПОР - Горячие новости")
TOPICS = ("covid-19", "us_election_2020")
LANGS = ("ru", "uk")
SEED = 2027
MIN_CHARS = 150
PER_OUTLET = 10
PER_TOPIC_LANG = 3
SHORT = 2500


def sample(k: int = PER_TOPIC_LANG) -> list[tuple[str, str, str, str]]:
    """Return ``(source, outlet, lang, doc_id)`` tuples in coding order."""
    with (HERE / "epithets_gold_docs.tsv").open(encoding="utf-8", newline="") as fh:
        taken = {r["doc_id"] for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)}
    rng = np.random.default_rng(SEED)
    picked = []
    tg = framing.read_telegram(TELEGRAM).docs
    for outlet in OUTLETS:
        sub = tg[(tg["outlet"] == outlet) & (tg["text"].str.len() >= MIN_CHARS) & ~tg["doc_id"].isin(taken)]
        if len(sub) < PER_OUTLET:
            raise SystemExit(f"outlet {outlet!r}: only {len(sub)} eligible posts in {TELEGRAM}")
        sub = sub.assign(_mid=sub["message_id"].astype(int)).sort_values("_mid", kind="stable")
        order = rng.permutation(len(sub))
        for i in order[:PER_OUTLET]:
            picked.append(("telegram", outlet, "ru", sub["doc_id"].iloc[i]))
    bs = framing.read_bsnlp(BSNLP, progress=False).docs
    groups = []
    for topic in TOPICS:
        for lang in LANGS:
            sub = bs[(bs["topic"] == topic) & (bs["lang"] == lang)].sort_values("doc_id", kind="stable")
            if len(sub) < k:
                raise SystemExit(f"BSNLP {topic}/{lang}: only {len(sub)} documents in {BSNLP}")
            order = rng.permutation(len(sub))
            n = sub["text"].str.len().to_numpy()[order]
            order = np.concatenate([order[n <= SHORT], order[n > SHORT]])
            groups.append([("bsnlp", sub["outlet"].iloc[i], lang, sub["doc_id"].iloc[i]) for i in order[:k]])
    for g in groups:
        picked.extend(g[:PER_TOPIC_LANG])
    for r in range(PER_TOPIC_LANG, k):
        picked.extend(g[r] for g in groups)
    return picked


def main(argv: list[str]) -> None:
    if len(argv) > 1 or (argv and (not argv[0].isdigit() or int(argv[0]) < 1)):
        raise SystemExit("usage: python benchmarks/validity/sample_attribution_docs.py [K]   (K = BSNLP articles per topic and language, default 3)")
    for row in sample(int(argv[0]) if argv else PER_TOPIC_LANG):
        print("\t".join(row))


if __name__ == "__main__":
    main(sys.argv[1:])
