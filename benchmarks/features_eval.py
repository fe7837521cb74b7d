"""Issue #14 item 6: ``framing.features`` on the full Telegram sample, next to scikit-learn.

On the 8,449 Telegram posts of ``../shared/data/telegram_ru_2024`` (annotated
with the default cache, as the other benchmarks do), prints for
``framing.features(ann)`` (content lemmas, the defaults) and
``framing.features(ann, pos=None, stop=False)`` (every token's lemma):

- the wall time and the peak memory of each step, each in a fresh process
  that first loads the annotation: the growth of the resident set (RSS,
  sampled every 2 ms from ``/proc/self/statm``) above what it was once the
  annotation was loaded and the freed memory given back (``malloc_trim``,
  Arrow's pool).  (:mod:`tracemalloc` would miss pandas' Arrow string
  buffers, so the RSS is measured.)
- the same for scikit-learn's ``CountVectorizer(analyzer=lambda d: d)`` over
  the same lemma lists (each document's lowercase lemmas, filtered by the
  rules of :func:`framing.features` written out here with pandas), and for
  building those lists from the token table;
- whether the two matrices and vocabularies are equal;
- each step runs once on 20 documents before it is measured (imports and
  lexicons loaded on first use are not counted);
- the sizes of the token table and of the matrix, to read the peaks against
  ("memory is the matrix, not the token table").

Run: python benchmarks/features_eval.py
"""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import threading
import time
import warnings
from pathlib import Path

import framing
from framing.features import CONTENT_UPOS

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
RAW = SHARED / "telegram_ru_2024" / "raw"
MB = 2 ** 20
CONFIGS = {"content": {}, "all": {"pos": None, "stop": False}}


def rss() -> int:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def release() -> None:
    """Give freed memory back to the system (C heap, Arrow's pool), so that the RSS growth is what a step needs."""
    import ctypes

    import pyarrow as pa

    gc.collect()
    pa.default_memory_pool().release_unused()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc
        pass


def measure(fn):
    """(result, seconds, peak growth of the resident set in MB while ``fn`` runs)."""
    release()
    base = rss()
    peak = [base]
    done = threading.Event()

    def sample():
        while not done.wait(0.002):
            peak[0] = max(peak[0], rss())

    watcher = threading.Thread(target=sample, daemon=True)
    watcher.start()
    t0 = time.perf_counter()
    out = fn()
    seconds = time.perf_counter() - t0
    done.set()
    watcher.join()
    peak[0] = max(peak[0], rss())
    return out, seconds, (peak[0] - base) / MB


def load():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return framing.annotate(framing.read_telegram(str(RAW / "*.json")), n_jobs=2, progress=False)


def lemma_lists(ann, *, content: bool):
    """Each document's lowercase lemmas (ann.docs order), filtered as framing.features does by default."""
    t = ann.tokens[["doc_id", "text", "lemma", "upos"]]
    if content:
        letter = t["text"].str.contains(r"[^\W\d_]", regex=True)
        t = t[(t["upos"].isin(CONTENT_UPOS) | (t["upos"] == "_")) & letter]
        lang = t["doc_id"].map(ann.docs.set_index("doc_id")["lang"]).astype(str)
        langs = ("ru", "uk", "en")
        stop = {lg: set(framing.read_lexicon(f"{lg}/stopwords")["lemma"].str.lower()) for lg in langs}
        union = set().union(*stop.values())
        low = t["lemma"].str.lower()
        t = t[[w not in stop.get(lg, union) for w, lg in zip(low, lang)]]
    per = t.assign(l=t["lemma"].str.lower()).groupby("doc_id", sort=False)["l"].agg(list)
    return [per.get(d, []) for d in ann.docs["doc_id"]]


def count_vectorizer(lists):
    from sklearn.feature_extraction.text import CountVectorizer

    vec = CountVectorizer(analyzer=lambda d: d)
    return vec.fit_transform(lists), vec.get_feature_names_out()


def child(step: str, config: str) -> None:
    """One step in this (fresh) process; prints its time and memory as JSON.

    The step runs once on 20 documents first, so that imports and lexicons
    loaded on first use are not counted.
    """
    ann = load()

    def step_fn(a):
        if step == "features":
            return lambda: framing.features(a, progress=False, **CONFIGS[config])
        if step == "lists":
            return lambda: lemma_lists(a, content=config == "content")
        lists = lemma_lists(a, content=config == "content")
        return lambda: count_vectorizer(lists)

    step_fn(ann.select(docs=list(ann.docs["doc_id"][:20])))()
    _, seconds, peak = measure(step_fn(ann))
    print(json.dumps({"seconds": seconds, "peak_mb": peak}))


def run_child(step: str, config: str) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", step, config], capture_output=True, text=True,
                         check=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    return json.loads(out.stdout.strip().splitlines()[-1])


def compare(ann, config: str) -> bool:
    options = CONFIGS[config]
    call = "framing.features(ann" + "".join(f", {k}={v!r}" for k, v in options.items()) + ")"
    print(f"\n--- {'content lemmas (the defaults)' if config == 'content' else 'every token' + chr(39) + 's lemma'} ---",
          flush=True)
    f, li, cv = (run_child(step, config) for step in ("features", "lists", "cv"))
    X = framing.features(ann, progress=False, **options)
    Y, names = count_vectorizer(lemma_lists(ann, content=config == "content"))
    equal = X.vocabulary.tolist() == names.tolist() and X.shape == Y.shape and (X.matrix != Y).nnz == 0
    nbytes = (X.matrix.data.nbytes + X.matrix.indices.nbytes + X.matrix.indptr.nbytes) / MB
    print(f"{'':44s} {'time':>8s} {'peak MB':>8s}")
    for label, r in ((call, f), ("lemma lists from the token table", li), ("CountVectorizer over the lemma lists", cv)):
        print(f"{label:44s} {r['seconds']:7.2f}s {r['peak_mb']:8.1f}")
    print(f"{'lists + CountVectorizer':44s} {li['seconds'] + cv['seconds']:7.2f}s "
          f"{max(li['peak_mb'], cv['peak_mb']):8.1f}")
    print(f"matrix: {X.shape[0]:,} documents × {X.shape[1]:,} terms, {X.matrix.nnz:,} non-zero "
          f"({nbytes:.1f} MB as CSR), {int(X.matrix.sum()):,} tokens counted")
    print(f"equal to CountVectorizer's matrix and vocabulary: {equal}", flush=True)
    return equal


def main():
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2], sys.argv[3])
        return 0
    if not RAW.exists():
        print(f"skipped: {RAW} not present (clone the project next to shared/)")
        return 0
    t0 = time.perf_counter()
    ann = load()
    print(f"Telegram sample: {len(ann):,} posts, {ann.n_tokens:,} tokens "
          f"(annotation read in {time.perf_counter() - t0:.0f} s)")
    _, _, copy_mb = measure(lambda: ann.tokens)
    print(f"a copy of the token table (ann.tokens) grows the process by {copy_mb:.0f} MB; "
          "features() reads the table in batches of whole documents instead")
    ok = all([compare(ann, "content"), compare(ann, "all")])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
