"""Lemma, UPOS and attachment accuracy on the UD dev sets in ../shared/data/ud (gold tokens).

Prints one JSON line per file (the output of ``framing evaluate-treebank``) and a
table with the targets of issue #3:

* Russian lemma accuracy ≥ 97.0 on ru_gsd-ud-dev, ≥ 95.5 on ru_taiga-ud-dev,
  ≥ 98.0 on GramEval2020-RuEval2017-Lenta-news-dev; UPOS ≥ 95 on ru_gsd-ud-dev.

For reference (test splits, from the issue): natasha's pipeline reaches lemma
96.4 (GSD), 94.5 (Taiga), 97.9 (Lenta news); UDPipe 2 97.3 (GSD), 96.5 (Taiga),
97.8 (Ukrainian IU).

Files whose name starts with ``uk_`` are evaluated with the Ukrainian backend,
the others with the Russian one.  Usage::

    python benchmarks/treebank_eval.py [--limit N] [--layers lemma,morph]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UD = ROOT.parent / "shared" / "data" / "ud"
sys.path.insert(0, str(ROOT))

TARGETS = {
    "ru_gsd-ud-dev.conllu": {"lemma_acc": 97.0, "upos_acc": 95.0},
    "ru_taiga-ud-dev.conllu": {"lemma_acc": 95.5},
    "GramEval2020-RuEval2017-Lenta-news-dev.conllu": {"lemma_acc": 98.0},
}
REFERENCE = {"ru_gsd-ud-dev.conllu": "natasha 96.4 / UDPipe2 97.3 (test)",
             "ru_taiga-ud-dev.conllu": "natasha 94.5 / UDPipe2 96.5 (test)",
             "GramEval2020-RuEval2017-Lenta-news-dev.conllu": "natasha 97.9 (test)",
             "uk_iu-ud-dev.conllu": "UDPipe2 97.8 (test)"}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="only the first N sentences of each file")
    ap.add_argument("--layers", default=None, help="comma-separated layers (default: all)")
    args = ap.parse_args(argv)
    if not UD.is_dir():
        print(f"no treebanks: {UD} is absent (clone the project next to shared/)", file=sys.stderr)
        return 2
    from framing.annotate.treebank import evaluate_treebank
    layers = args.layers.split(",") if args.layers else None
    results = []
    for path in sorted(UD.glob("*.conllu")):
        lang = "uk" if path.name.startswith("uk_") else "ru"
        t = time.perf_counter()
        r = evaluate_treebank(path, lang, layers=layers, limit=args.limit)
        r["seconds"] = round(time.perf_counter() - t, 1)
        print(json.dumps(r, ensure_ascii=False), flush=True)
        results.append(r)
    print()
    print(f"{'file':48s} {'lang':4s} {'tokens':>7s} {'lemma':>6s} {'content':>7s} {'upos':>6s} {'uas':>6s} "
          f"{'las':>6s}  target / reference")

    def f(x):
        return "  null" if x is None else f"{x:6.2f}"

    ok = True
    for r in results:
        notes = []
        for key, floor in TARGETS.get(r["file"], {}).items():
            hit = r[key] is not None and r[key] >= floor
            ok &= hit
            notes.append(f"{key} >= {floor}: {'OK' if hit else 'MISSED'}")
        if r["file"] in REFERENCE:
            notes.append(REFERENCE[r["file"]])
        print(f"{r['file']:48s} {r['lang']:4s} {r['tokens']:7d} {f(r['lemma_acc'])} {f(r['lemma_acc_content']):>7s} "
              f"{f(r['upos_acc'])} {f(r['uas'])} {f(r['las'])}  {'; '.join(notes)}")
    print()
    print("all targets met" if ok else "some targets MISSED")
    return 0


if __name__ == "__main__":
    sys.exit(main())
