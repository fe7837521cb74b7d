"""Draw the SemEval-2023 articles of ``sem_r13`` (round thirteen of issue #10), as they were drawn.

Run from the project root: ``python benchmarks/evaluative_dev/sample_semeval.py``.

SemEval-2023 Task 3 Russian DEV articles (unlabelled opinion and news pieces),
read with ``framing.read_semeval2023(..., lang="ru", split="dev")``: only
ODD-numbered article ids (another set takes the even ones), 800-2600
characters (so that a whole article can be coded), identical texts once, and
no article named in any other file under ``benchmarks/`` or ``tests/`` (the
five of ``news_r8`` are left out).  Sorted by the numeric id and shuffled with
``numpy.random.default_rng(SEED)``: the first ``N``.  Prints the ids.
"""

import subprocess
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

from evaluative_dev import semeval_dev_corpus  # noqa: E402

SEED = 20261291
N = 14


def used_elsewhere() -> set:
    """Article numbers of SemEval ru dev named in other files under benchmarks/ and tests/."""
    out = subprocess.run(["grep", "-rhoE", r"(semeval_dev|ru)/24[0-9]+", "benchmarks", "tests",
                          "--exclude=sem_r13*"], cwd=ROOT, capture_output=True, text=True).stdout
    return {x.split("/")[1] for x in out.split()}


def main():
    docs = semeval_dev_corpus().docs
    num = docs["doc_id"].str.split("/").str[1]
    ok = (num.astype(int) % 2 == 1) & ~num.isin(used_elsewhere()) & docs["text"].str.len().between(800, 2600)
    frame = docs[ok].drop_duplicates("text").assign(n=num[ok].astype(int)).sort_values("n").reset_index(drop=True)
    for i in np.random.default_rng(SEED).permutation(len(frame))[:N]:
        print(frame.loc[i, "doc_id"])


if __name__ == "__main__":
    main()
