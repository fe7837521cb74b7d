"""Loading speed: read_telegram on the Telegram sample, read_jsonl on a generated file.

Prints documents per second for

* ``read_telegram`` on ``../shared/data/telegram_ru_2024/raw`` (8,449 posts), and
* ``read_jsonl`` on a JSON Lines file of N generated documents (default 100,000;
  Russian, Ukrainian and English sentences from a small built-in vocabulary,
  with some HTML entities, soft hyphens and non-breaking spaces to normalise),

and for the peer, ``pandas.read_json(lines=True)`` on the same file (parsing
only: no normalisation, language detection or provenance), with the ratio.

    python benchmarks/load_speed.py [n_docs]
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
import warnings
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from a checkout

from framing.io import read_jsonl, read_telegram  # noqa: E402

TELEGRAM = ROOT.parent / "shared" / "data" / "telegram_ru_2024" / "raw"

WORDS = {
    "ru": ("правительство заявило что министр сообщил переговоры продолжатся в регионе власти "
           "решение было принято после встречи президента с журналистами на этой неделе также "
           "эксперты считают который новый закон вступит в силу уже").split(),
    "uk": ("уряд заявив що міністр повідомив переговори триватимуть у регіоні влада рішення "
           "було ухвалено після зустрічі президента з журналістами цього тижня також експерти "
           "вважають який новий закон набуде чинності вже").split(),
    "en": ("the government said that minister reported talks will continue in region authorities "
           "decision was taken after meeting of president with journalists this week also experts "
           "believe which new law will enter into force already").split(),
}


def generate(path: Path, n: int, seed: int = 0) -> None:
    rng = np.random.default_rng(seed)
    langs = rng.choice(["ru", "uk", "en"], n, p=[0.6, 0.3, 0.1])
    lengths = rng.integers(40, 160, n)
    extras = ["&nbsp;", "\u00ad", "\u00a0", " &amp; ", ""]
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            vocab = WORDS[langs[i]]
            words = [vocab[j] for j in rng.integers(0, len(vocab), lengths[i])]
            if i % 10 == 0:
                words.insert(3, extras[i % len(extras)])
            text = " ".join(words).capitalize() + "."
            fh.write(json.dumps({"id": f"d{i}", "title": " ".join(words[:6]), "text": text,
                                 "source": f"outlet{i % 25}", "date": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}T10:00:00Z"},
                                ensure_ascii=False) + "\n")


def timed(fn):
    t = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    warnings.simplefilter("ignore")
    if TELEGRAM.exists():
        c, dt = timed(lambda: read_telegram(TELEGRAM))
        print(f"read_telegram: {len(c):,} posts in {dt:.2f} s = {len(c) / dt:,.0f} docs/s "
              f"({len(c.outlets)} channels, {len(c.problems)} problems)")
    else:
        print(f"shared data not present: {TELEGRAM}; read_telegram not measured.")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "generated.jsonl"
        _, gdt = timed(lambda: generate(path, n))
        size = path.stat().st_size / 1e6
        print(f"generated {n:,} documents ({size:.0f} MB) in {gdt:.1f} s")
        c, dt = timed(lambda: read_jsonl(path))
        rate = len(c) / dt
        print(f"read_jsonl: {len(c):,} documents in {dt:.2f} s = {rate:,.0f} docs/s "
              f"(languages {c.docs['lang'].value_counts().to_dict()})")
        try:
            import pandas as pd

            df, pdt = timed(lambda: pd.read_json(path, lines=True))
            prate = len(df) / pdt
            print(f"peer pandas.read_json(lines=True), parsing only: {prate:,.0f} docs/s; "
                  f"ratio framing/peer {rate / prate:.2f}")
        except Exception as exc:  # noqa: BLE001 - the peer is optional
            print(f"peer pandas.read_json failed: {exc}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
