"""Draw the news articles of ``news_r8`` (round eight of issue #10), as they were drawn.

Run from the project root: ``python benchmarks/evaluative_dev/sample_news.py``.

BSNLP-2021 Russian articles of the conflict topics asia_bibi, brexit,
nord_stream and trump (not covid-19 or us_election_2020, the held-out topics;
not ryanair or ec, mostly reports without evaluation), 700-2200 characters,
identical texts once, not named in any other file under ``benchmarks/`` or
``tests/``; sorted by id and shuffled with ``numpy.random.default_rng(20261230)``:
the first 14.  SemEval-2023 ru dev articles (unlabelled opinion and news
pieces) of 600-1500 characters, sorted by id, shuffled with the same seed: the
first 5.  Prints the ids.
"""

import subprocess
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

from evaluative_dev import news_corpus  # noqa: E402

SEED = 20261230
TOPICS = ("asia_bibi", "brexit", "nord_stream", "trump")


def used_elsewhere() -> set:
    out = subprocess.run(["grep", "-rhoE", r"(asia_bibi|brexit|covid-19|ec|nord_stream|ryanair|trump|"
                          r"us_election_2020)/[A-Za-z0-9_.-]+", "benchmarks", "tests",
                          "--exclude=news_r8*"], cwd=ROOT, capture_output=True, text=True).stdout
    return set(out.split())


def main():
    docs = news_corpus().docs
    topic = docs["doc_id"].str.split("/").str[0]
    b = docs[topic.isin(TOPICS) & ~docs["doc_id"].isin(used_elsewhere())]
    b = b[b["text"].str.len().between(700, 2200)].drop_duplicates("text").sort_values("doc_id")
    s = docs[(topic == "semeval_dev") & docs["text"].str.len().between(600, 1500)].sort_values("doc_id")
    for frame, k in ((b, 14), (s, 5)):
        frame = frame.reset_index(drop=True)
        for i in np.random.default_rng(SEED).permutation(len(frame))[:k]:
            print(frame.loc[i, "doc_id"])


if __name__ == "__main__":
    main()
