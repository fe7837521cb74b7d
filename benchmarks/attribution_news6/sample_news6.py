"""Draw the news-article development set ``news6`` (issue #12, round six).

Run from the project root::

    python benchmarks/attribution_news6/sample_news6.py          # prints the draw
    python benchmarks/attribution_news6/sample_news6.py --write  # also writes docs.tsv and sentences.tsv

The candidates of ``news5`` (BSNLP 2021 Russian documents of the topics other
than the held-out covid-19 and us_election_2020, documents of earlier sets
excluded: ``attribution_news5/sample_news5.py``'s ``candidates()``), minus the
documents of ``news5`` and of every ``benchmarks/validity/*_docs.tsv``, and
only articles of 1,500 to 6,000 characters: longer articles carry more quoted
and non-clausal reports than the short notes news5 drew, and the upper bound
keeps one article from filling the set.  Shuffled with
``random.Random(SEED)``; the first ``N_DOCS`` are taken.  Sentences are those
of ``attribution_dev2/sample.py`` (razdel's, cut at line breaks).
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT / "benchmarks" / "attribution_news5"))

import sample_news5  # noqa: E402  (benchmarks/attribution_news5/sample_news5.py)

SEED = 20261223
N_DOCS = 10
MIN_CHARS, MAX_CHARS = 1500, 6000


def _ids(path: Path) -> set[str]:
    with path.open(encoding="utf-8") as fh:
        return {r["doc_id"] for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)}


def candidates() -> list[tuple[str, str, str]]:
    """``[(doc_id, outlet, text), ...]`` in the loader's order."""
    used = _ids(ROOT / "benchmarks/attribution_news5/docs.tsv")
    for f in sorted((ROOT / "benchmarks/validity").glob("*_docs.tsv")):
        used |= _ids(f)
    return [(d, o, t) for d, o, t in sample_news5.candidates()
            if d not in used and MIN_CHARS <= len(t) <= MAX_CHARS]


if __name__ == "__main__":
    sample_news5.main(sys.argv[1:], pool=candidates, seed=SEED, n_docs=N_DOCS, out=HERE)
