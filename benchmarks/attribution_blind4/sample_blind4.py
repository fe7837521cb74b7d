"""Draw the sentences of the blind attribution check ``blind4`` (issue #12).

Run from the project root::

    python benchmarks/attribution_blind4/sample_blind4.py            # prints the first sentences of the draw
    python benchmarks/attribution_blind4/sample_blind4.py --write N  # writes the first N into sentences.tsv

Every sentence of the Telegram posts of the development channels (Mash, SHOT,
Раньше всех, РИА Новости, BBC Русская служба; the same pool as
``benchmarks/attribution_dev2/sample.py``) is a candidate, except those of
documents coded in any earlier gold set.  The candidates are shuffled with
``random.Random(SEED)``.  The coder read them in that order, coded each by the
guideline, and kept coding until 40 sentences with at least one attribution
and 40 without had been coded; sentences past a quota that was already full
were skipped (they are still listed, with ``kept = 0``), so the set holds every
coded sentence up to the last one needed, and nothing about the measure's
output decided what was kept.
"""

from __future__ import annotations

import csv
import hashlib
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT / "benchmarks" / "attribution_dev2"))

from sample import excluded, load_sources, sentences  # noqa: E402  (benchmarks/attribution_dev2/sample.py)

SEED = 20261221


def coded_before() -> set[str]:
    """doc_ids of every earlier gold set (dev2 and check3, the guideline and coder-3 sets)."""
    out = set(excluded())
    for f in [ROOT / "benchmarks/attribution_dev2/docs.tsv",
              ROOT / "benchmarks/validity/attributions_gold_coder3_docs.tsv"]:
        with f.open(encoding="utf-8") as fh:
            out |= {r["doc_id"] for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)}
    return out


def draw() -> list[dict]:
    """All candidate sentences in the seeded order."""
    skip = coded_before()
    cands = []
    for doc_id, outlet, lang, text in load_sources()["telegram"]:
        if doc_id in skip:
            continue
        sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
        for lo, hi in sentences(text):
            cands.append({"doc_id": doc_id, "outlet": outlet, "sent_start": lo, "sent_end": hi,
                          "text_sha256": sha, "text": text})
    random.Random(SEED).shuffle(cands)
    return cands


if __name__ == "__main__":
    rows = draw()
    if "--write" in sys.argv:
        n = int(sys.argv[sys.argv.index("--write") + 1])
        with (HERE / "sentences.tsv").open("w", encoding="utf-8", newline="") as fh:
            fh.write("order\tdoc_id\tsent_start\tsent_end\ttext_sha256\n")
            for k, r in enumerate(rows[:n], 1):
                fh.write(f"{k}\t{r['doc_id']}\t{r['sent_start']}\t{r['sent_end']}\t{r['text_sha256']}\n")
    else:
        for k, r in enumerate(rows[:int(sys.argv[1]) if len(sys.argv) > 1 else 20], 1):
            print(k, r["doc_id"], r["sent_start"], r["sent_end"], sep="\t")
