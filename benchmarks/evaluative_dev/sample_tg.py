"""Draw the Telegram posts of ``tg_r9`` (round nine of issue #10), as they were drawn.

Run from the project root: ``python benchmarks/evaluative_dev/sample_tg.py``.

Posts of the four channels of the held-out check (Банкста, Ньюсач/Двач, 112,
ТОПОР) from ``../shared/data/telegram_ru_2024``, read with
``framing.read_telegram``: at least 200 characters, at least one person or
organisation among the annotation's entities (``PER``/``ORG``), identical
texts once, and no doc_id of those channels named in any file under
``benchmarks/`` or ``tests/`` (the held-out sheets, the fresh samples, the
development sets).  Per channel, sorted by doc_id and shuffled with
``numpy.random.default_rng(SEED)``: the first ``PER_CHANNEL``.  Prints the ids.
"""

import re
import subprocess
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import framing  # noqa: E402

SEED = 20261241
PER_CHANNEL = 18
CHANNELS = ("Банкста", "Ньюсач/Двач", "112", "ТОПОР - Горячие новости")
RAW = ROOT.parent / "shared" / "data" / "telegram_ru_2024" / "raw"


def used_elsewhere() -> set:
    """Every doc_id of the four channels named in a file under benchmarks/ or tests/."""
    pattern = "(" + "|".join(re.escape(c) for c in CHANNELS) + r")/[0-9]+"
    out = subprocess.run(["grep", "-rhoaE", pattern, "benchmarks", "tests", "--exclude=tg_r9*"],
                         cwd=ROOT, capture_output=True, text=True).stdout
    return set(out.split("\n")) - {""}


def candidates():
    corpus = framing.read_telegram(sorted(str(f) for f in RAW.glob("*_messages.json")))
    docs = corpus.docs
    docs = docs[docs["outlet"].isin(CHANNELS) & (docs["text"].str.len() >= 200)
                & ~docs["doc_id"].isin(used_elsewhere())].drop_duplicates("text")
    sub = framing.Corpus(docs[["doc_id", "outlet", "lang", "title", "text"]].reset_index(drop=True))
    ann = framing.annotate(sub, progress=False)
    ents = ann.entities
    named = set(ents.loc[ents["type"].isin(["PER", "ORG"]), "doc_id"])
    return docs[docs["doc_id"].isin(named)]


def main():
    docs = candidates()
    for channel in CHANNELS:
        frame = docs[docs["outlet"] == channel].sort_values("doc_id").reset_index(drop=True)
        for i in np.random.default_rng(SEED).permutation(len(frame))[:PER_CHANNEL]:
            print(frame.loc[i, "doc_id"])


if __name__ == "__main__":
    main()
