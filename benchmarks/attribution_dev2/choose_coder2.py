"""Choose the documents the second coder (coder2) codes: 30 of docs.tsv, seed 7.

Run from the project root::

    python benchmarks/attribution_dev2/choose_coder2.py           # print the choice
    python benchmarks/attribution_dev2/choose_coder2.py --write   # write docs_coder2.tsv

The draw reads only the doc_id column of docs.tsv (in file order) and takes
``random.Random(7).sample(doc_ids, 30)``; nothing about the content is looked at.
"""
from __future__ import annotations

import csv
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 7
N_DOCS = 30


def choose() -> list[str]:
    with open(HERE / "docs.tsv", encoding="utf-8", newline="") as f:
        ids = [r["doc_id"] for r in csv.DictReader(f, delimiter="\t")]
    return random.Random(SEED).sample(ids, N_DOCS)


def main() -> int:
    chosen = choose()
    if "--write" in sys.argv[1:]:
        with open(HERE / "docs_coder2.tsv", "w", encoding="utf-8", newline="") as f:
            f.write("doc_id\n")
            for d in chosen:
                f.write(d + "\n")
    for d in chosen:
        print(d)
    return 0


if __name__ == "__main__":
    sys.exit(main())
