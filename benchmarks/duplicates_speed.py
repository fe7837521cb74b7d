"""Speed of find_duplicates on a generated corpus (default 100,000 documents).

Prints documents per second, candidate/verified pairs found and the recall of
planted near-duplicates (copies with the first sentence replaced).  The peer is
datasketch's own per-document ``MinHash.update_batch`` on the same shingles,
timed on a sample and extrapolated.

    python benchmarks/duplicates_speed.py [n_docs] [words_per_doc]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout

from framing.corpus import Corpus  # noqa: E402
from framing.duplicates import _shingles, _words, find_duplicates  # noqa: E402


def generate(n: int, words: int, seed: int = 0) -> tuple[pd.DataFrame, set]:
    rng = np.random.default_rng(seed)
    # Zipf-like vocabulary so that documents share frequent words, as real text does
    vocab = np.array([f"слово{i}" for i in range(50_000)], dtype=object)
    p = 1.0 / np.arange(1, len(vocab) + 1)
    p /= p.sum()
    lengths = rng.integers(words // 2, words * 3 // 2, n)
    drawn = vocab[rng.choice(len(vocab), int(lengths.sum()), p=p)]
    ends = np.cumsum(lengths)
    texts = [" ".join(drawn[e - m:e]) + "." for e, m in zip(ends.tolist(), lengths.tolist())]
    planted = set()
    n_copies = n // 100  # 1% reprints with a changed first sentence
    src = rng.choice(n, n_copies, replace=False)
    dst = rng.choice(np.setdiff1d(np.arange(n), src), n_copies, replace=False)
    for s, d in zip(src.tolist(), dst.tolist()):
        ws = texts[s].split(" ")
        texts[d] = "Новое первое предложение агентства сегодня. " + " ".join(ws[8:])
        planted.add((min(s, d), max(s, d)))
    df = pd.DataFrame({"doc_id": [f"d{i:06d}" for i in range(n)],
                       "outlet": [f"outlet{i % 20}" for i in range(n)],
                       "lang": "ru", "text": texts})
    return df, planted


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    words = int(sys.argv[2]) if len(sys.argv) > 2 else 150
    df, planted = generate(n, words)
    corpus = Corpus(df)
    t0 = time.perf_counter()
    pairs = find_duplicates(corpus, threshold=0.8, progress=False)
    dt = time.perf_counter() - t0
    idx = {d: i for i, d in enumerate(df["doc_id"])}
    found = {(min(idx[a], idx[b]), max(idx[a], idx[b])) for a, b in zip(pairs.doc_id_a, pairs.doc_id_b)}
    # planted copies whose exact Jaccard similarity reaches the threshold should all be found
    cache: dict = {}

    def jaccard(i: int, j: int) -> float:
        si = np.unique(_shingles([_words(df.text.iat[i])], 5, cache)[0])
        sj = np.unique(_shingles([_words(df.text.iat[j])], 5, cache)[0])
        inter = len(np.intersect1d(si, sj))
        return inter / (len(si) + len(sj) - inter)

    due = {p for p in planted if jaccard(*p) >= 0.8}
    recall = len(found & due) / max(len(due), 1)
    print(f"find_duplicates: {n:,} documents (~{words} words) in {dt:.1f} s "
          f"= {n / dt:,.0f} documents/s; {len(pairs):,} pairs; recall of planted copies "
          f"with Jaccard >= 0.8: {recall:.3f} ({len(due)} of {len(planted)} planted)")

    # peer: datasketch MinHash.update_batch per document (signatures only), on a sample
    from datasketch import MinHash

    sample = df["text"].iloc[:2000].tolist()
    t0 = time.perf_counter()
    for t in sample:
        h, _ = _shingles([_words(t)], 5, cache)
        m = MinHash(num_perm=128, seed=1, scheme="affine32", hashfunc=lambda x: x)
        m.update_batch(h.astype(np.uint32).tolist())
    peer = (time.perf_counter() - t0) / len(sample) * n
    print(f"peer (datasketch update_batch per document, signatures only, extrapolated): {peer:.1f} s; "
          f"ratio framing/peer = {dt / peer:.2f}")


if __name__ == "__main__":
    main()
