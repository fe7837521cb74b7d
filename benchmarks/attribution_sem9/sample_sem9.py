"""Draw the SemEval-2023 news attribution set ``sem9`` (issue #12, round nine).

Run from the project root::

    python benchmarks/attribution_sem9/sample_sem9.py          # prints the draw
    python benchmarks/attribution_sem9/sample_sem9.py --write  # also writes docs.tsv and sentences.tsv

Candidates: the Russian DEV articles of SemEval-2023 Task 3
(``framing.read_semeval2023(..., lang="ru", split="dev")``) whose article id is
EVEN (the odd ids are left to another helper), with at least ``MIN_SENTENCES``
sentences.  No attribution set has used this source.  Shuffled with
``random.Random(SEED)``; the first ``N_ARTICLES`` taken, and of each the first
``N_SENTENCES`` sentences (all of a shorter article) are coded.  Sentences are those of
``attribution_dev2/sample.py`` (razdel's, cut at line breaks).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SHARED = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks" / "attribution_dev2"))

import framing  # noqa: E402
from sample import sentences, write_document_set  # noqa: E402  (benchmarks/attribution_dev2/sample.py)

SEED = 20261290
N_ARTICLES = 10
N_SENTENCES = 25
MIN_SENTENCES = 5


def draw(seed: int = SEED, n: int = N_ARTICLES) -> list[tuple[str, str, str]]:
    docs = framing.read_semeval2023(str(SHARED / "semeval2023_task3"), lang="ru", split="dev", progress=False).docs
    pool = [(d, o, t) for d, o, t in zip(docs["doc_id"], docs["outlet"], docs["text"])
            if int(d.split("/")[-1]) % 2 == 0 and len(sentences(t)) >= MIN_SENTENCES]
    print(f"{len(pool)} even-numbered ru dev articles of at least {MIN_SENTENCES} sentences")
    random.Random(seed).shuffle(pool)
    return pool[:n]


def main(argv=None) -> None:
    write_document_set(HERE, draw(), n_sentences=N_SENTENCES, write="--write" in (argv if argv is not None else sys.argv[1:]))

if __name__ == "__main__":
    main()
