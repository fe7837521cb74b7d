"""Draw the news-article development set ``news5`` (issue #12, round five).

Run from the project root::

    python benchmarks/attribution_news5/sample_news5.py          # prints the draw
    python benchmarks/attribution_news5/sample_news5.py --write  # also writes docs.tsv and sentences.tsv

Candidates: BSNLP 2021 documents (``framing.read_bsnlp``) whose loaded language
is Russian, of every topic except the held-out ones (covid-19,
us_election_2020), without documents coded in an earlier set (the exclusions
of ``benchmarks/attribution_dev2/sample.py`` plus ``attribution_dev2/docs.tsv``).
Shuffled with ``random.Random(SEED)``; the first ``N_DOCS`` are taken.
Sentences are those of ``attribution_dev2/sample.py`` (razdel's, cut at line
breaks).
"""

from __future__ import annotations

import csv
import hashlib
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks" / "attribution_dev2"))

import framing  # noqa: E402
from sample import SHARED, excluded, sentences  # noqa: E402  (attribution_dev2/sample.py)

SEED = 20261222
N_DOCS = 12
HELD_OUT_TOPICS = {"covid-19", "us_election_2020"}


def candidates() -> list[tuple[str, str, str]]:
    """``[(doc_id, outlet, text), ...]`` in the loader's order."""
    bs = framing.read_bsnlp(str(SHARED / "bsnlp2021"), progress=False).docs
    used = excluded()
    with (ROOT / "benchmarks/attribution_dev2/docs.tsv").open(encoding="utf-8") as fh:
        used |= {r["doc_id"] for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)}
    return [(d, o, t) for d, o, lang, t, top in zip(bs["doc_id"], bs["outlet"], bs["lang"], bs["text"], bs["topic"])
            if top not in HELD_OUT_TOPICS and lang == "ru" and t.strip() and d not in used]


def draw(pool=candidates, seed=SEED, n_docs=N_DOCS) -> list[tuple[str, str, str]]:
    docs = pool()
    random.Random(seed).shuffle(docs)
    return docs[:n_docs]


def main(argv=None, *, pool=candidates, seed=SEED, n_docs=N_DOCS, out=HERE) -> None:
    """Print the draw; with ``--write`` write ``docs.tsv`` and ``sentences.tsv`` into ``out``
    (``news6`` calls this with its own pool, seed and folder)."""
    write = "--write" in (argv if argv is not None else sys.argv[1:])
    docs = draw(pool, seed, n_docs)
    drows, srows = [], []
    for d, o, t in docs:
        spans = sentences(t)
        drows.append([d, o, "ru", len(t), hashlib.sha256(t.encode("utf-8")).hexdigest(), len(spans)])
        srows += [[d, a, b] for a, b in spans]
        print(d, o, len(t), len(spans))
    print(f"{len(docs)} documents, {len(srows)} sentences")
    if write:
        with (out / "docs.tsv").open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, delimiter="\t", lineterminator="\n")
            w.writerow(["doc_id", "outlet", "lang", "n_chars", "text_sha256", "n_sentences"])
            w.writerows(drows)
        with (out / "sentences.tsv").open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, delimiter="\t", lineterminator="\n")
            w.writerow(["doc_id", "sent_start", "sent_end"])
            w.writerows(srows)


if __name__ == "__main__":
    main()
