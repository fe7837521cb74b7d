"""Draw the Telegram-post development set ``tg7`` (issue #12, round seven).

Run from the project root::

    python benchmarks/attribution_tg7/sample_tg7.py          # prints the draw
    python benchmarks/attribution_tg7/sample_tg7.py --write  # also writes docs.tsv and sentences.tsv

Candidates: the posts (``framing.read_telegram``) of the four channels whose
posts the held-out guideline set samples — Банкста, Ньюсач/Двач, 112 and
ТОПОР — of at least ``MIN_CHARS`` characters, minus every post of those
channels named in any file under ``benchmarks/`` or ``tests/`` (as a doc_id
"<channel>/<message_id>", or as a message id on a line naming the channel's
raw file, the layout of ``tests/data/attribution_gold.tsv``).  Stratified by
channel: each channel's candidates are shuffled with ``random.Random(SEED)``
and the first ``N_PER_CHANNEL`` taken.  Sentences are those of
``attribution_dev2/sample.py`` (razdel's, cut at line breaks).
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SHARED = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks" / "attribution_dev2"))

import framing  # noqa: E402
from sample import write_document_set  # noqa: E402  (benchmarks/attribution_dev2/sample.py)

SEED = 20261240
N_PER_CHANNEL = 17
MIN_CHARS = 200
CHANNELS = ["Банкста", "Ньюсач/Двач", "112", "ТОПОР - Горячие новости"]
TEXT_SUFFIXES = {".tsv", ".csv", ".txt", ".md", ".json", ".jsonl", ".py", ".yml", ".yaml"}


def ids_in_text(text: str, channels, channel_files: dict[str, str]) -> set[str]:
    """doc_ids "<channel>/<message_id>" of ``channels`` a text names: as a doc_id, or as a message
    id on a line naming the channel's raw file (the layout of ``tests/data/attribution_gold.tsv``)."""
    out = set()
    for c in channels:
        out |= {f"{c}/{m}" for m in re.findall(re.escape(c) + r"/(\d+)", text)}
        raw = channel_files.get(c)
        if raw and raw in text:
            for line in text.splitlines():
                if raw in line:
                    out |= {f"{c}/{m}" for m in re.findall(r"(?<![\w.])(\d+)(?![\w.])", line)}
    return out


def used_ids(channel_files: dict[str, str]) -> set[str]:
    """doc_ids "<channel>/<message_id>" of the four channels named anywhere under benchmarks/ and tests/."""
    out = set()
    for top in ("benchmarks", "tests"):
        for f in sorted((ROOT / top).rglob("*")):
            if not f.is_file() or f.suffix not in TEXT_SUFFIXES or HERE in f.parents:
                continue
            out |= ids_in_text(f.read_text(encoding="utf-8", errors="replace"), CHANNELS, channel_files)
    return out


def channel_files() -> dict[str, str]:
    """channel -> the name of its raw file."""
    out = {}
    for f in sorted((SHARED / "telegram_ru_2024" / "raw").glob("*.json")):
        posts = json.loads(f.read_text(encoding="utf-8"))
        if posts:
            out[posts[0]["channel"]] = f.name
    return out


def draw(seed: int = SEED, n: int = N_PER_CHANNEL) -> list[tuple[str, str, str]]:
    tg = framing.read_telegram(str(SHARED / "telegram_ru_2024/raw/*.json"), progress=False).docs
    used = used_ids(channel_files())
    out = []
    for c in CHANNELS:
        pool = [(d, o, t) for d, o, t in zip(tg["doc_id"], tg["outlet"], tg["text"])
                if o == c and len(t) >= MIN_CHARS and d not in used]
        random.Random(seed).shuffle(pool)
        out += pool[:n]
    print(f"{len(used)} posts of the four channels named under benchmarks/ and tests/, left out")
    return out


def main(argv=None) -> None:
    write_document_set(HERE, draw(), n_sentences=None, write="--write" in (argv if argv is not None else sys.argv[1:]))

if __name__ == "__main__":
    main()
