"""Accuracy of framing's language identification on the BSNLP ru/uk documents.

The gold language is the folder a document sits in (``bsnlp2021/<topic>/raw/<ru|uk>/``);
the text given to the detector is the title and body (lines 5 onwards).  Prints
accuracy overall and per language, the confusion table, documents per second,
and the same for the peer, lingua-py restricted to ru/uk/en, when installed.
Target: accuracy ≥ 0.99.

    python benchmarks/language_id.py
"""

from __future__ import annotations

import collections
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from a checkout

from framing.lang.identify import detect_languages  # noqa: E402

SHARED = ROOT.parent / "shared" / "data" / "bsnlp2021"
TARGET = 0.99


def load():
    gold, texts = [], []
    for f in sorted(SHARED.glob("*/raw/*/*.txt")):
        lines = f.read_text(encoding="utf-8-sig").splitlines()
        gold.append(f.parent.name)
        texts.append("\n".join(lines[4:]))
    return gold, texts


def report(name, gold, pred, seconds):
    n = len(gold)
    acc = sum(g == p for g, p in zip(gold, pred)) / n
    print(f"{name}: accuracy {acc:.4f} on {n} documents, {n / seconds:,.0f} docs/s")
    for lang in sorted(set(gold)):
        idx = [i for i, g in enumerate(gold) if g == lang]
        ok = sum(pred[i] == lang for i in idx)
        print(f"  {lang}: {ok}/{len(idx)} = {ok / len(idx):.4f}")
    conf = collections.Counter(zip(gold, pred))
    labels = sorted(set(gold) | set(pred))
    print("  confusion (rows gold, columns predicted):")
    print("        " + "".join(f"{lab:>7}" for lab in labels))
    for g in sorted(set(gold)):
        print(f"  {g:>5} " + "".join(f"{conf[(g, p)]:>7}" for p in labels))
    return acc


def main() -> int:
    if not SHARED.exists():
        print(f"shared data not present: {SHARED}; nothing to measure (clone the project next to shared/).")
        return 0
    gold, texts = load()
    t = time.perf_counter()
    pred = detect_languages(texts)
    dt = time.perf_counter() - t
    acc = report("framing.detect_languages", gold, pred, dt)
    wrong = [i for i, (g, p) in enumerate(zip(gold, pred)) if g != p]
    if wrong:
        print(f"  {len(wrong)} disagreement(s) with the folder (some files sit in the wrong folder):")
        for i in wrong[:10]:
            print(f"    gold {gold[i]}, predicted {pred[i]}: {texts[i][:70]!r}")
    try:
        from lingua import Language, LanguageDetectorBuilder
    except ImportError:
        print("peer: lingua-py not installed; no peer figure.")
    else:
        det = LanguageDetectorBuilder.from_languages(Language.RUSSIAN, Language.UKRAINIAN,
                                                     Language.ENGLISH).build()
        codes = {Language.RUSSIAN: "ru", Language.UKRAINIAN: "uk", Language.ENGLISH: "en"}
        t = time.perf_counter()
        peer = [codes.get(det.detect_language_of(x), "und") for x in texts]
        pdt = time.perf_counter() - t
        pacc = report("peer lingua-py (ru/uk/en)", gold, peer, pdt)
        print(f"ratio framing/peer: accuracy {acc / pacc:.3f}, speed {pdt / dt:.1f}x")
    print(f"target accuracy >= {TARGET}: {'MET' if acc >= TARGET else 'NOT MET'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
