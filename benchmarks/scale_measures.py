"""Measures over partitions at scale: time, peak memory and equality with the whole-in-memory run.

Run from the project root (the two-core machine is shared: ``nice``)::

    nice python benchmarks/scale_measures.py                      # 20,000 and 200,000 documents
    nice python benchmarks/scale_measures.py --sizes 2000 --whole-at 2000 --time-limit 600

What it does, on the real Telegram posts and BSNLP articles
(``../shared/data``; it stops with a clear message when they are absent):

1. For each size N (``--sizes``, default 20,000 and 200,000) it makes a corpus
   of N documents by repeating those texts (shuffled, seed 0) under new
   ``doc_id`` values.  The texts are unchanged, so the annotation is read from
   the shared warm cache (``~/.cache/framing``; every layer) rather than
   computed: the figures are those of the measures, not of annotation.
2. ``partitioned``: :func:`framing.measures.partitioned.measure_partitioned`
   (actors, epithets, attributions; ``--partition`` documents a partition)
   in this process, reading the annotation one partition at a time from
   ``framing.annotate(<a stream of 20,000-document corpora>, lazy=True)``
   (a cache-backed annotation whose texts are kept in Parquet files beside
   the cache; else a stand-in here, :class:`CachePartitions`, that annotates
   each partition from the cache when it is reached), its tables written
   with ``out=`` (a Parquet dataset per table) and hashed back one
   partition at a time.
3. ``features``: :func:`framing.features` read in token batches from the same
   source, then :func:`framing.keyness` by outlet on the same lazy
   annotation (it reads the tokens in batches of whole documents, in two
   passes).
4. At ``--whole-at`` (default 20,000) the peer: the eager annotation in memory
   and ``framing.measure`` on it, then ``framing.keyness`` on it; and the
   number of rows that differ between the partitioned and the whole tables
   (must be 0).

Each run is a child process of this script, so that each peak is its own: the
peak resident memory (RSS) of the child and any processes it starts, sampled
every 0.5 s with psutil, and its wall time.  A run longer than
``--time-limit`` seconds is stopped, and its line says how far it got (the
last progress line it printed, and the passes it finished).

What grows with the corpus in the partitioned run: the documents table
without texts, the grouping's integer codes (about 30 bytes per actor
mention), its counts (one entry per distinct name) and the actors table (one
row per actor).  What does not: the token and entity tables and the raw
mention rows (one partition at a time), the result tables (written to disk).
In the features run: the documents table and the feature matrix.

Last run (5 Dec 2026, the shared two-core machine, load average 4-7 with
other helpers' work and this benchmark's runs side by side; partitions of
2,000; the lazy annotation of a stream; ``benchmarks/results/scale_measures_2026-12-05_*.txt``):
at 20,000 documents, over partitions 1,229 s (actor mentions 192 s, grouping
24 s, pronouns and titles 104 s, epithets and attributions 904 s) and peak
RSS 1,200 MB; whole in memory 1,328 s for the measures (plus 17 s reading the
annotation) and peak 5,997 MB before keyness, 7,666 MB with keyness (226 s,
12,062,274 rows); 0 rows differ (193,595 mentions, 16,273 actors, 73,681
epithets, 44,956 attributions).  Features in token batches 55 s and 400 MB
at 20,000; keyness by outlet on the lazy annotation 447 s, peak 4,778 MB
(the 12-million-row result).  At 200,000 documents over
partitions: stopped at the 6,300 s limit after actor mentions 1,703 s, grouping
290 s, pronouns and titles 2,066 s and 85 of 100 partitions of epithets and
attributions; peak RSS 1,468 MB (+22% from 20,000; 1,107 MB through the
grouping), creeping up some 3 MB a partition in the epithets and attributions
pass.  Features and keyness at 200,000: 1,591 s and 1,006 s (12,060,468
rows), peak 5,346 MB (+12% from 20,000).
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT))

MEASURES = ["actors", "epithets", "attributions"]


# --- the corpus ---------------------------------------------------------------------------

def real_docs():
    """The documents table of the Telegram posts and BSNLP articles, texts not empty."""
    import pandas as pd

    import framing
    from framing.corpus import CORE_COLUMNS
    if not (SHARED / "telegram_ru_2024" / "raw").is_dir() or not (SHARED / "bsnlp2021").is_dir():
        sys.exit(f"scale_measures: the real data is not there ({SHARED}/telegram_ru_2024, bsnlp2021): nothing measured")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parts = [framing.read_telegram(str(SHARED / "telegram_ru_2024" / "raw" / "*.json"), progress=False),
                 framing.read_bsnlp(str(SHARED / "bsnlp2021"), progress=False)]
    real = pd.concat([c.docs[CORE_COLUMNS] for c in parts], ignore_index=True)
    return real[real["text"].str.strip().str.len() > 0].reset_index(drop=True)


def repeated_batches(n: int, seed: int = 0, batch: int | None = None):
    """``n`` documents in consecutive corpora of ``batch`` (all at once by default): the real texts
    repeated and shuffled, each copy with its own ``doc_id``."""
    import numpy as np

    import framing
    real = real_docs()
    rng = np.random.default_rng(seed)
    reps = -(-n // len(real))
    idx = np.concatenate([rng.permutation(len(real)) for _ in range(reps)])[:n]
    step = batch or max(n, 1)
    for lo in range(0, n, step):
        df = real.iloc[idx[lo:lo + step]].reset_index(drop=True)
        df["doc_id"] = df["doc_id"] + "#" + np.arange(lo, lo + len(df)).astype(str)
        yield framing.Corpus(df, meta={"loader": "benchmarks/scale_measures.py", "options": {"n": n, "seed": seed}})


def repeated_corpus(n: int, seed: int = 0):
    """``n`` documents: the real texts repeated and shuffled, each copy with its own ``doc_id``."""
    return next(repeated_batches(n, seed))


class CachePartitions:
    """An annotation read partition by partition from the annotation cache (a stand-in for
    ``framing.annotate(..., lazy=True)``): ``docs``, ``partitions(n_docs)``, ``token_batches(size)``."""

    def __init__(self, corpus, step: int = 2000):
        self.corpus, self.step = corpus, step
        self.docs = corpus.docs
        self._n_tokens = None

    def __len__(self) -> int:
        return len(self.docs)

    def partitions(self, n_docs: int):
        import framing
        for i in range(0, len(self.docs), n_docs):
            part = framing.Corpus(self.docs.iloc[i:i + n_docs].reset_index(drop=True), meta=self.corpus.meta)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                yield framing.annotate(part, progress=False)

    def token_batches(self, size: int = 50_000):
        n = 0
        for part in self.partitions(self.step):
            n += part.n_tokens
            yield part.tokens
        self._n_tokens = n

    @property
    def n_tokens(self) -> int:
        """Known after a pass over the tokens (0 before: counting would cost a pass of its own)."""
        return self._n_tokens or 0


def source(n: int, step: int):
    """The cache-backed lazy annotation of a stream of batches when this framing has one (the texts
    are then kept in Parquet files beside the cache, not in memory), else :class:`CachePartitions`."""
    import inspect

    import framing
    if "lazy" in inspect.signature(framing.annotate).parameters:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ann = framing.annotate(repeated_batches(n, batch=STREAM_BATCH), lazy=True, progress=False)
        return ann, f"framing.annotate(<a stream of {STREAM_BATCH:,}-document corpora>, lazy=True)"
    return CachePartitions(repeated_corpus(n), step), "CachePartitions (annotate per partition from the cache)"


#: Documents per corpus of the stream the lazy annotation is made of.
STREAM_BATCH = 20_000


# --- one run (in a child process) ---------------------------------------------------------

def table_hashes(tables: dict, out: Path) -> dict:
    """Per table, one hash per row (every value as text), saved as .npy; returns row counts.
    A table written to disk (``out=``) is read one partition at a time."""
    import numpy as np
    import pandas as pd
    counts = {}
    for name, df in tables.items():
        batches = df.batches() if hasattr(df, "batches") else [df]
        hs = [pd.util.hash_pandas_object(b.astype(str), index=False).to_numpy() for b in batches if len(b)]
        h = np.concatenate(hs) if hs else np.zeros(0, "uint64")
        np.save(out / f"{name}.npy", h)
        counts[name] = len(h)
    return counts


def flat_tables(res) -> dict:
    out = {}
    for name in res.names:
        r = res[name]
        for field, t in (zip(r._fields, r) if hasattr(r, "_fields") else [("", r)]):
            out[f"{name}.{field}" if field else name] = t
    return out


def _own_peak_mb() -> float:
    """This process's peak resident memory so far (``getrusage``), in MB."""
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(args) -> dict:
    import framing
    from framing.measures.partitioned import measure_partitioned
    out = Path(args.out)
    t = time.perf_counter()
    info: dict = {"n": args.n}
    if args.run == "partitioned":
        ann, info["source"] = source(args.n, args.partition)
        info["t_source"] = time.perf_counter() - t
        written = "out" in inspect.signature(measure_partitioned).parameters
        res = measure_partitioned(ann, MEASURES, partition_size=args.partition, progress=True,
                                  **({"out": out / "tables"} if written else {}))
        info["t_measures"] = time.perf_counter() - t - info["t_source"]
        info["tables"] = f"written to {out / 'tables'} (out=)" if written else "in memory"
        info["rows"] = table_hashes(flat_tables(res), out)
    elif args.run == "features":
        ann, info["source"] = source(args.n, args.partition)
        X = framing.features(ann, progress=True)
        info["features"] = f"{X.shape[0]} × {X.shape[1]}, {X.matrix.nnz} non-zero" if hasattr(X, "matrix") else repr(X)
        info["t_features"] = time.perf_counter() - t
        del X
        # keyness reads the annotation's tokens in batches of whole documents (two passes)
        t1 = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            k = framing.keyness(ann, by="outlet")
        info["t_keyness"] = time.perf_counter() - t1
        info["keyness"] = f"{len(k)} rows (keyness(ann, by='outlet') on the lazy annotation, in token batches)"
    elif args.run == "whole":
        corpus = repeated_corpus(args.n)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ann = framing.annotate(corpus, n_jobs=1, progress=False)
        info["t_annotate"] = time.perf_counter() - t
        t = time.perf_counter()
        res = framing.measure(ann, MEASURES)
        info["t_measures"] = time.perf_counter() - t
        info["peak_mb_before_keyness"] = _own_peak_mb()
        info["rows"] = table_hashes(flat_tables(res), out)
        t1 = time.perf_counter()
        k = framing.keyness(ann, by="outlet")
        info["t_keyness"] = time.perf_counter() - t1
        info["keyness"] = f"{len(k)} rows"
    info["t"] = time.perf_counter() - t
    return info


# --- the parent: one child per run, its memory sampled ------------------------------------

def _tree_rss_mb(proc) -> float:
    try:
        procs = [proc] + proc.children(recursive=True)
    except Exception:  # noqa: BLE001 - the process ended
        return 0.0
    total = 0.0
    for p in procs:
        try:
            total += p.memory_info().rss / 2**20
        except Exception:  # noqa: BLE001 - ended meanwhile
            pass
    return total


def run(kind: str, n: int, args, folder: Path) -> dict:
    import psutil
    out = folder / f"{kind}-{n}"
    out.mkdir(parents=True, exist_ok=True)
    log = out / "log.txt"
    cmd = [sys.executable, __file__, "--child", kind, "--n", str(n), "--partition", str(args.partition),
           "--out", str(out)]
    t = time.perf_counter()
    with open(log, "w") as fh:
        p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=fh, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
        proc = psutil.Process(p.pid)
        peak, stopped = 0.0, False
        while p.poll() is None:
            peak = max(peak, _tree_rss_mb(proc))
            if time.perf_counter() - t > args.time_limit:
                p.kill()
                stopped = True
                break
            time.sleep(0.5)
        stdout = p.communicate()[0]
    wall = time.perf_counter() - t
    info = {"kind": kind, "n": n, "wall": wall, "peak_mb": peak, "stopped": stopped}
    lines = [ln for ln in stdout.splitlines() if ln.startswith("{")]
    if lines:
        info.update(json.loads(lines[-1]))
    else:
        text = log.read_text(errors="replace").replace("\r", "\n").strip().splitlines()
        bars = [ln for ln in text if "partition" in ln or "|" in ln]
        info["last"] = (bars or text or ["(no output)"])[-1].strip()[:200]
        done = [ln.strip()[:120] for ln in bars if "100%|" in ln]
        info["passes"] = "; ".join(dict.fromkeys(done)) or "none finished"
    info["out"] = str(out)
    return info


def differing(a: Path, b: Path, names) -> dict:
    import numpy as np
    out = {}
    for name in names:
        ha, hb = np.load(a / f"{name}.npy"), np.load(b / f"{name}.npy")
        m = min(len(ha), len(hb))
        out[name] = int(np.sum(ha[:m] != hb[:m])) + abs(len(ha) - len(hb))
    return out


def say(info: dict) -> None:
    what = {"partitioned": f"measures over partitions ({', '.join(MEASURES)})",
            "features": "features in token batches", "whole": f"whole in memory: annotate + measure ({', '.join(MEASURES)}) + keyness"}[info["kind"]]
    state = ("STOPPED at the time limit" if info["stopped"] else "done" if "t" in info
             else "ended without a result (its log is in the line below)")
    line = f"N={info['n']:>7,}  {what}: {state}, {info['wall']:.0f} s wall, peak RSS {info['peak_mb']:,.0f} MB"
    print(line, flush=True)
    for k in ("source", "tables", "peak_mb_before_keyness", "t_source", "t_annotate", "t_measures", "t_features", "t_keyness", "features", "keyness", "rows", "passes", "last"):
        if k in info:
            v = info[k]
            text = f"{v:.0f} s" if k.startswith("t_") else f"{v:,.0f} MB" if k.startswith("peak") else v
            print(f"           {k}: {text}", flush=True)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="20000,200000")
    ap.add_argument("--whole-at", type=int, default=20000)
    ap.add_argument("--partition", type=int, default=2000)
    ap.add_argument("--time-limit", type=float, default=3600.0, help="seconds per run")
    ap.add_argument("--runs", default="partitioned,features,whole")
    ap.add_argument("--child", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--n", type=int, default=0, help=argparse.SUPPRESS)
    ap.add_argument("--out", default="", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        args.run = args.child
        print(json.dumps(child(args), default=str), flush=True)
        return
    runs = args.runs.split(",")
    folder = Path(tempfile.mkdtemp(prefix="framing-scale-measures-"))
    print(f"partitions of {args.partition:,} documents; time limit {args.time_limit:.0f} s per run; "
          f"{os.cpu_count()} cores (shared)", flush=True)
    peaks: dict = {}
    for n in [int(s) for s in args.sizes.split(",")]:
        done = {}
        for kind in runs:
            if kind == "whole" and n != args.whole_at:
                continue
            done[kind] = run(kind, n, args, folder)
            say(done[kind])
            if kind != "whole" and "t" in done[kind]:
                peaks.setdefault(kind, []).append((n, done[kind]["peak_mb"]))
        if "partitioned" in done and "whole" in done and "rows" in done["partitioned"] and "rows" in done["whole"]:
            diff = differing(Path(done["partitioned"]["out"]), Path(done["whole"]["out"]), done["whole"]["rows"])
            print(f"N={n:>7,}  rows differing between partitioned and whole: {sum(diff.values())} "
                  f"({', '.join(f'{k} {v}' for k, v in diff.items())})", flush=True)
    for kind, got in peaks.items():
        (n0, p0), (n1, p1) = got[0], got[-1]
        if n1 != n0:
            print(f"{kind}: peak RSS {p0:,.0f} MB at {n0:,} → {p1:,.0f} MB at {n1:,} documents "
                  f"({100 * (p1 - p0) / p0:+.0f}%)", flush=True)


if __name__ == "__main__":
    main()
