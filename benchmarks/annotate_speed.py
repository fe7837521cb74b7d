"""Annotation speed and memory: framing.annotate against natasha's own pipeline.

Runs, in one process and on the same real Russian text (Telegram news posts from
``../shared/data/telegram_ru_2024``, then BSNLP articles, until at least
``--tokens`` tokens):

* the peer: natasha's pipeline — ``Segmenter`` (razdel), ``NewsMorphTagger``,
  ``NewsSyntaxParser``, ``NewsNERTagger``, token lemmatisation with
  ``MorphVocab`` and entity normalisation — one document at a time, as its
  documentation shows.  natasha's ``MorphVocab`` imports pymorphy2; here the
  import is redirected to pymorphy3 (same API, same dictionaries format), so
  pymorphy2 is never imported or called.
* ``framing.annotate`` with the same layers (tokens, lemma, morph, syntax, ner),
  ``n_jobs=1`` and ``n_jobs=2``, no cache;
* ``framing.annotate(layers=("lemma",))``: the lemmas-only mode (no tagger),
  run ``--repeat`` times (3), each time from cold caches.  Its figure is the
  fastest run, as ``timeit`` reports: on a shared two-core machine slower runs
  measure the neighbours, not the code.  Every run is printed.

Prints tokens per second (wall clock and CPU), the ratios to the peer's
single-process rate, and peak RSS.  Targets: ``n_jobs=2`` ≥ 2.0× the peer;
lemmas-only ≥ 150,000 tokens/s.

``--docs 20000`` is the memory check: annotate 20,000 documents (real posts,
repeated with a numbered line so that every text is new to the cache) with
``n_jobs=2`` and print peak RSS (target < 1.5 GB).

Usage::

    python benchmarks/annotate_speed.py                 # speed, >= 100k tokens
    python benchmarks/annotate_speed.py --docs 20000    # memory
"""

from __future__ import annotations

import argparse
import glob
import importlib
import importlib.abc
import importlib.util
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT))


def real_texts() -> list[str]:
    texts = []
    for f in sorted(glob.glob(str(SHARED / "telegram_ru_2024" / "raw" / "*.json"))):
        with open(f, encoding="utf-8") as fh:
            texts += [p["text"] for p in json.load(fh) if isinstance(p.get("text"), str) and p["text"].strip()]
    for f in sorted(glob.glob(str(SHARED / "bsnlp2021" / "*" / "raw" / "ru" / "*.txt"))):
        lines = Path(f).read_text(encoding="utf-8").splitlines()
        if len(lines) > 5:
            texts.append("\n".join(lines[4:]))
    if not texts:
        sys.exit(f"no real text found under {SHARED} (clone the project next to shared/)")
    return texts


class MemorySampler:
    """Samples the memory of this process and its workers every 0.2 s (Linux /proc).

    ``peak_pss_mb`` is the peak of the summed proportional set size (shared
    pages, e.g. the models inherited by forked workers, counted once);
    ``peak_rss_sum_mb`` the peak of the summed RSS (shared pages counted in
    every process: an upper bound).
    """

    def __init__(self):
        import threading
        self.peak_pss = self.peak_rss = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @staticmethod
    def _pids():
        me = os.getpid()
        pids = [me]
        try:
            for tid in os.listdir(f"/proc/{me}/task"):
                with open(f"/proc/{me}/task/{tid}/children") as fh:
                    pids += [int(x) for x in fh.read().split()]
        except OSError:
            pass
        return pids

    @staticmethod
    def _mem(pid):
        pss = rss = 0.0
        try:
            with open(f"/proc/{pid}/smaps_rollup") as fh:
                for line in fh:
                    if line.startswith("Pss:"):
                        pss = int(line.split()[1]) / 1024
                    elif line.startswith("Rss:"):
                        rss = int(line.split()[1]) / 1024
        except OSError:
            pass
        return pss, rss

    def _run(self):
        while not self._stop.is_set():
            pss = rss = 0.0
            for pid in self._pids():
                a, b = self._mem(pid)
                pss += a
                rss += b
            self.peak_pss = max(self.peak_pss, pss)
            self.peak_rss = max(self.peak_rss, rss)
            self._stop.wait(0.2)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def peak_rss_mb() -> dict:
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"main_mb": round(me), "largest_worker_mb": round(kids)}


class _Pymorphy3AsPymorphy2(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Serve ``import pymorphy2[.x]`` with ``pymorphy3[.x]``: natasha runs, pymorphy2 is never loaded."""

    def find_spec(self, name, path, target=None):
        if name == "pymorphy2" or name.startswith("pymorphy2."):
            return importlib.util.spec_from_loader(name, self)
        return None

    def create_module(self, spec):
        return importlib.import_module("pymorphy3" + spec.name[len("pymorphy2"):])

    def exec_module(self, module):
        pass


def run_natasha(texts):
    sys.meta_path.insert(0, _Pymorphy3AsPymorphy2())
    from natasha import (Doc, MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger,
                         NewsSyntaxParser, Segmenter)
    seg, vocab, emb = Segmenter(), MorphVocab(), NewsEmbedding()
    morph, syntax, ner = NewsMorphTagger(emb), NewsSyntaxParser(emb), NewsNERTagger(emb)
    w, c = time.perf_counter(), time.process_time()
    n = 0
    for text in texts:
        doc = Doc(text)
        doc.segment(seg)
        doc.tag_morph(morph)
        doc.parse_syntax(syntax)
        doc.tag_ner(ner)
        for token in doc.tokens:
            token.lemmatize(vocab)
        for span in doc.spans:
            span.normalize(vocab)
        n += len(doc.tokens)
    return n, time.perf_counter() - w, time.process_time() - c


def fresh_backend():
    """A new Russian backend with empty caches, models loaded (not timed, like natasha's)."""
    from framing.annotate import _backend
    _backend._INSTANCES.clear()
    b = _backend.get_backend("ru")
    b.annotate_texts(["Прогрев моделей."], layers=frozenset({"tokens", "lemma", "morph", "syntax", "ner"}))
    b._lemmatizer._cache.clear()
    b._lemmatizer._fast_cache.clear()
    b._lemmatizer._fast_cache_cap.clear()
    b._lemmatizer._mid_cache.clear()
    b._lemmatizer._parses.clear()
    b._lemmatizer._para_tags.clear()
    b._lemmatizer._tags.clear()
    b._models._word_cache.clear()
    return b


def run_framing(corpus, **kw):
    import framing.annotate.pipeline as p
    fresh_backend()        # every run starts with cold caches (workers fork from this process)
    w, c = time.perf_counter(), time.process_time()
    a = p.annotate(corpus, cache=False, progress=False, **kw)
    return len(a.tokens), time.perf_counter() - w, time.process_time() - c, a


def speed(args):
    import pandas as pd

    from framing import Corpus

    texts, chars = [], 0
    for t in real_texts():
        texts.append(t)
        chars += len(t)
        if chars >= args.tokens * 6.0:     # ~5.3 characters per token in these posts, with margin
            break
    corpus = Corpus.from_frame(pd.DataFrame({"text": texts, "lang": "ru"}))
    rows = {}
    print(f"documents: {len(texts)}, characters: {chars:,}", flush=True)
    if not args.skip_peer:
        n, w, c = run_natasha(texts)
        rows["natasha (peer), 1 process"] = (n, w, c)
        print(f"natasha: {n:,} tokens, {n / w:,.0f} tokens/s", flush=True)
    for label, kw in [("framing.annotate n_jobs=1", {"n_jobs": 1}),
                      ("framing.annotate n_jobs=2", {"n_jobs": 2}),
                      ("framing.annotate lemmas only n_jobs=1", {"n_jobs": 1, "layers": ("lemma",)}),
                      ("framing.annotate lemmas only n_jobs=2", {"n_jobs": 2, "layers": ("lemma",)})]:
        runs = []
        for _ in range(args.repeat if "lemmas only" in label else 1):
            n, w, c, _ = run_framing(corpus, **kw)
            runs.append((n, w, c))
        n, w, c = min(runs, key=lambda r: r[1])
        rows[label] = (n, w, c)
        each = "" if len(runs) == 1 else " (fastest of " + ", ".join(f"{x[0] / x[1]:,.0f}" for x in runs) + ")"
        print(f"{label}: {n:,} tokens, {n / w:,.0f} tokens/s{each}", flush=True)
    peer = rows.get("natasha (peer), 1 process")
    print()
    print(f"{'run':42s} {'tokens':>9s} {'wall s':>8s} {'tokens/s':>10s} {'CPU tok/s':>10s} {'× peer':>7s}")
    for label, (n, w, c) in rows.items():
        ratio = f"{(n / w) / (peer[0] / peer[1]):.2f}" if peer else "-"
        cpu = f"{n / c:,.0f}" if "n_jobs=2" not in label else "-"
        print(f"{label:42s} {n:9,d} {w:8.1f} {n / w:10,.0f} {cpu:>10s} {ratio:>7s}")
    print()
    if peer:
        r2 = (rows["framing.annotate n_jobs=2"][0] / rows["framing.annotate n_jobs=2"][1]) / (peer[0] / peer[1])
        print(f"target n_jobs=2 >= 2.0x natasha: {r2:.2f}x -> {'OK' if r2 >= 2.0 else 'MISSED'}")
    best_lemma = max(n / w for k, (n, w, _) in rows.items() if "lemmas only" in k)
    print(f"target lemmas-only >= 150,000 tokens/s: {best_lemma:,.0f} -> {'OK' if best_lemma >= 150_000 else 'MISSED'}")
    print(f"peak RSS per process: {peak_rss_mb()}")
    print(f"load average during the run (2 cores shared): {os.getloadavg()}")


def memory(args):
    import pandas as pd

    from framing import Corpus
    base = real_texts()
    texts = [f"{base[i % len(base)]}\nПубликация {i}." for i in range(args.docs)]
    corpus = Corpus.from_frame(pd.DataFrame({"text": texts, "lang": "ru"}))
    del texts
    with tempfile.TemporaryDirectory() as tmp, MemorySampler() as mem:
        import framing.annotate.pipeline as p
        w = time.perf_counter()
        a = p.annotate(corpus, n_jobs=args.jobs, cache=tmp, progress=True, layers=args.layers)
        dt = time.perf_counter() - w
        # the tables themselves (the public properties return copies)
        n, n_ent = len(a._tokens), len(a._entities)
    rss = peak_rss_mb()
    print(f"{args.docs:,} documents, {n:,} tokens, {n_ent:,} entity mentions in {dt:.0f} s "
          f"({n / dt:,.0f} tokens/s, n_jobs={args.jobs})")
    print(f"peak RSS per process: main {rss['main_mb']:,} MB, largest worker {rss['largest_worker_mb']:,} MB")
    print(f"peak memory of the run (main + workers, sampled): PSS {mem.peak_pss:,.0f} MB "
          f"(shared pages counted once), RSS sum {mem.peak_rss:,.0f} MB (shared pages counted per process)")
    print(f"target < 1.5 GB (PSS): {'OK' if mem.peak_pss < 1536 else 'MISSED'}")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tokens", type=int, default=100_000, help="at least this many tokens of real text")
    ap.add_argument("--docs", type=int, default=None, help="memory check: annotate this many documents")
    ap.add_argument("--jobs", type=int, default=2, help="workers for the memory check")
    ap.add_argument("--layers", default=None, help="memory check: comma-separated layers (default all)")
    ap.add_argument("--skip-peer", action="store_true", help="do not run natasha")
    ap.add_argument("--repeat", type=int, default=3, help="runs of the lemmas-only mode (the fastest is reported)")
    args = ap.parse_args(argv)
    if args.layers:
        args.layers = tuple(args.layers.split(","))
    if args.docs:
        memory(args)
    else:
        speed(args)


if __name__ == "__main__":
    main()
