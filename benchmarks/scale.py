"""Scale: annotation in one process against a 2-worker Dask LocalCluster, from a partitioned dataset.

1. Builds a corpus of ``max(--sizes)`` documents by repeating and shuffling
   (seed 0) the real Telegram posts (``../shared/data/telegram_ru_2024``) and
   BSNLP articles (``../shared/data/bsnlp2021``): each copy gets a unique
   ``doc_id`` and a numbered last line (``№ 12345``), so that every text is new
   to the annotation cache (the cache annotates a repeated text only once).
   Writes it as a partitioned Parquet dataset (``outlet``/``month``) and prints
   the time to write it and to read it back.  This runs in a child process,
   so the benchmark's own process never holds the whole corpus.
2. For each size N in ``--sizes`` (default 20,000 and 200,000): streams the
   first N documents of the shuffled corpus from the dataset in batches of
   ``--batch`` documents (filters on its order column) into
   ``framing.annotate`` lemmas-only (``layers=("lemma",)``), twice: in this
   process (``n_jobs=1``) and with ``backend="dask"`` on a LocalCluster of
   ``--workers`` worker processes with one thread each.  The result of a
   stream is lazy (:class:`framing.annotate.lazy.CachedAnnotated`): the
   client keeps the documents table without texts and an index of the
   cache, so its memory does not grow with N.
3. Annotates the first ``--full`` documents (default 20,000) with every layer,
   the same two ways.

Every run has its own empty cache folder (under a private temporary folder,
deleted at the end; the shared ``~/.cache/framing`` is not touched), so every
document is annotated.  Models are loaded before the clock starts (a warm-up
of 50 documents in this process and on every worker), as they are once per
process in a long run.  Per run the script prints documents per second, the
speed-up of Dask over one process, the CPU seconds of all processes
(user + system: documents per CPU-second do not depend on how busy a shared
machine is, wall-clock figures do), the peak memory (resident set) of every
process during the run — the client (which, in a LocalCluster, also runs the
scheduler and the nannies), each worker — sampled every 0.2 s with psutil
(``/proc`` without it), and the number of rows of every output table
(documents, tokens, entities, capabilities, problems) that differ between the
two backends (must be 0), compared partition by partition of 2,000 documents
so that the check itself needs bounded memory.  Last, the growth of each
process's peak memory from the smallest to the largest size (must stay within
20%).

Usage (the two-core machine is shared: run small sizes there)::

    python benchmarks/scale.py --sizes 2000,20000 --full 2000
    python benchmarks/scale.py                       # 20,000 and 200,000; full layers on 20,000
"""

from __future__ import annotations

import argparse
import gc
import glob
import itertools
import logging
import os
import shutil
import sys
import tempfile
import threading
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT))


# --- memory of every process ------------------------------------------------------------

def _children(pid: int) -> list[int]:
    try:
        import psutil
        return [p.pid for p in psutil.Process(pid).children(recursive=True)]
    except ImportError:
        out, todo = [], [pid]
        while todo:
            p = todo.pop()
            for tid in os.listdir(f"/proc/{p}/task") if os.path.isdir(f"/proc/{p}/task") else []:
                try:
                    with open(f"/proc/{p}/task/{tid}/children") as fh:
                        kids = [int(x) for x in fh.read().split()]
                except OSError:
                    kids = []
                out += kids
                todo += kids
        return out
    except Exception:  # noqa: BLE001 - the process ended
        return []


def _cpu_s(pid: int) -> float:
    """User + system CPU seconds of a process so far (0 when it is gone)."""
    try:
        import psutil
        t = psutil.Process(pid).cpu_times()
        return t.user + t.system
    except ImportError:
        try:
            with open(f"/proc/{pid}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except OSError:
            return 0.0
    except Exception:  # noqa: BLE001 - the process ended
        return 0.0


def _rss_mb(pid: int) -> float:
    try:
        import psutil
        return psutil.Process(pid).memory_info().rss / 2**20
    except ImportError:
        try:
            with open(f"/proc/{pid}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1]) / 1024
        except OSError:
            pass
        return 0.0
    except Exception:  # noqa: BLE001 - the process ended
        return 0.0


class PeakMemory:
    """The peak resident memory of this process and of each of its descendants, sampled every 0.2 s,
    and the CPU seconds each of them used meanwhile (``cpu``)."""

    def __init__(self):
        self.peak: dict[int, float] = {}
        self.cpu: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self._stop.is_set():
            for pid in self._pids():
                self.peak[pid] = max(self.peak.get(pid, 0.0), _rss_mb(pid))
            self._stop.wait(0.2)

    def _pids(self):
        me = os.getpid()
        return [me] + _children(me)

    def __enter__(self):
        self._cpu0 = {pid: _cpu_s(pid) for pid in self._pids()}
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.cpu = {pid: _cpu_s(pid) - self._cpu0.get(pid, 0.0) for pid in self._pids()}


def describe_memory(peak: dict, roles: dict) -> str:
    parts = [f"{roles.get(pid, 'other')} {mb:,.0f} MB" for pid, mb in sorted(peak.items(), key=lambda kv: roles.get(kv[0], "z"))
             if pid in roles]
    return "; ".join(parts)


# --- the corpus ---------------------------------------------------------------------------

def real_corpus():
    import framing
    from framing.corpus import CORE_COLUMNS
    tg = sorted(glob.glob(str(SHARED / "telegram_ru_2024" / "raw" / "*.json")))
    if not tg or not (SHARED / "bsnlp2021").is_dir():
        sys.exit(f"the real data is not there: {SHARED}/telegram_ru_2024 and bsnlp2021 (clone next to shared/)")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parts = [framing.read_telegram(str(SHARED / "telegram_ru_2024" / "raw" / "*.json"), progress=False),
                 framing.read_bsnlp(str(SHARED / "bsnlp2021"), progress=False)]
    docs = [c.docs[CORE_COLUMNS] for c in parts]
    import pandas as pd
    real = pd.concat(docs, ignore_index=True)
    return real[real["text"].str.strip().str.len() > 0].reset_index(drop=True)


def build_corpus(real, n: int, seed: int = 0):
    """``n`` documents: the real ones repeated and shuffled, each copy with its own id and last line."""
    import numpy as np

    import framing
    rng = np.random.default_rng(seed)
    reps = -(-n // len(real))
    idx = np.concatenate([rng.permutation(len(real)) for _ in range(reps)])[:n]
    df = real.iloc[idx].reset_index(drop=True)
    copy = np.arange(n)
    df["doc_id"] = df["doc_id"] + "-" + pd_str(copy)
    df["text"] = df["text"] + "\n№ " + pd_str(copy)
    return framing.Corpus(df, meta={"loader": "benchmarks/scale.py", "options": {"n": n, "seed": seed}})


def pd_str(values):
    import pandas as pd
    return pd.Series(values).astype(str)


# --- comparing backends -------------------------------------------------------------------

def differing_rows(a, b) -> int:
    """Rows that differ between two tables (row by row in order, every column; all rows beyond the
    shorter one), compared by a 64-bit hash per row."""
    import numpy as np
    import pandas as pd
    if list(a.columns) != list(b.columns):
        return max(len(a), len(b))
    ha = pd.util.hash_pandas_object(a.reset_index(drop=True), index=False).to_numpy()
    hb = pd.util.hash_pandas_object(b.reset_index(drop=True), index=False).to_numpy()
    n = min(len(ha), len(hb))
    return int(np.sum(ha[:n] != hb[:n])) + abs(len(ha) - len(hb))


TABLES = ("docs", "tokens", "entities", "capabilities", "problems")
#: documents per partition in the comparison of the backends
CHECK_DOCS = 2_000


def compare_partitions(one, two, n_docs: int = 5_000) -> dict:
    """Rows differing between two annotations, table by table, read partition by partition (so the
    check holds one partition of each in memory, not both results)."""
    diff = dict.fromkeys(TABLES, 0)
    ends = object()
    for a, b in itertools.zip_longest(one.partitions(n_docs), two.partitions(n_docs), fillvalue=ends):
        if a is ends or b is ends:           # one result has more documents: count them all
            extra = b if a is ends else a
            for t in TABLES:
                diff[t] += len(getattr(extra, t))
            continue
        for t in TABLES:
            diff[t] += differing_rows(getattr(a, t), getattr(b, t))
    return diff


def release_memory() -> None:
    """Return the memory freed so far to the system (the garbage collector, pyarrow's pool and glibc's
    ``malloc_trim``), so that a run's peak does not include what an earlier run left allocated."""
    gc.collect()
    try:
        import pyarrow as pa
        pa.default_memory_pool().release_unused()
    except Exception:  # noqa: BLE001 - an older pyarrow
        pass
    try:
        import ctypes
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):    # not glibc
        pass


def timed(fn, roles, client=None):
    """(result, wall seconds, CPU seconds of all processes, peak MB per role, description).  Memory freed
    before is first returned to the system, in this process and (``client``) in every worker."""
    release_memory()
    if client is not None:
        client.run(release_memory)
    start = {roles[pid]: _rss_mb(pid) for pid in roles}
    with PeakMemory() as mem:
        t = time.perf_counter()
        out = fn()
        dt = time.perf_counter() - t
    cpu = "; ".join(f"{roles[pid]} {sec:.1f} s" for pid, sec in sorted(mem.cpu.items(), key=lambda kv: roles.get(kv[0], "z"))
                    if pid in roles and sec >= 0.05)
    peaks = {roles[pid]: mb for pid, mb in mem.peak.items() if pid in roles}
    at_start = "; ".join(f"{role} {mb:,.0f} MB" for role, mb in sorted(start.items()))
    return out, dt, sum(mem.cpu.values()), peaks, (f"{describe_memory(mem.peak, roles)}  (at the start: {at_start})"
                                                    f"\n      CPU per process: {cpu}")


def stream(path, n: int, batch: int):
    """The first ``n`` documents of the dataset, read as corpora of ``batch`` documents."""
    import framing
    from framing.io.partitioned import ORDER_COLUMN
    for lo in range(0, n, batch):
        yield framing.read_parquet_dataset(path, filters=[(ORDER_COLUMN, ">=", lo), (ORDER_COLUMN, "<", min(n, lo + batch))])


def compare_backends(name, path, n, layers, client, roles, tmp, batch):
    import framing
    kw = dict(layers=layers, progress=False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")          # the regex fallback of a few 'und' posts
        one, t1, c1, p1, m1 = timed(lambda: framing.annotate(stream(path, n, batch), n_jobs=1,
                                                             cache=tmp / f"{name}-1", **kw), roles, client)
        two, t2, c2, p2, m2 = timed(lambda: framing.annotate(stream(path, n, batch), backend="dask", client=client,
                                                             cache=tmp / f"{name}-dask", **kw), roles, client)
        t = time.perf_counter()
        diff, _, _, p3, _ = timed(lambda: compare_partitions(one, two, CHECK_DOCS), roles, client)
        t_cmp = time.perf_counter() - t
    assert one.meta["documents_annotated"] == two.meta["documents_annotated"] == n
    tokens, n_ent = one.n_tokens, one.n_entities
    del one, two
    gc.collect()
    print(f"\n{name}: {n:,} documents, {tokens:,} tokens, {n_ent:,} entity mentions "
          f"(read from the dataset in batches of {batch:,}; results read from the cache: lazy)")
    print(f"  one process (n_jobs=1): {t1:7.1f} s  {n / t1:8,.0f} docs/s  {tokens / t1:9,.0f} tokens/s   "
          f"CPU {c1:6.1f} s = {n / c1:,.0f} docs per CPU-second")
    print(f"      peak memory: {m1}")
    print(f"  dask, {len(client.scheduler_info()['workers'])} workers:       {t2:7.1f} s  {n / t2:8,.0f} docs/s  "
          f"{tokens / t2:9,.0f} tokens/s   speed-up {t1 / t2:.2f}x   CPU {c2:6.1f} s = {n / c2:,.0f} docs per CPU-second")
    print(f"      peak memory: {m2}")
    print(f"  rows differing between the backends (compared partition by partition of {CHECK_DOCS:,} documents in "
          f"{t_cmp:.1f} s, client peak {p3.get(roles[os.getpid()], 0):,.0f} MB): "
          + ", ".join(f"{k} {v}" for k, v in diff.items()))
    sys.stdout.flush()
    return sum(diff.values()), {"serial": p1, "dask": p2}


def build_dataset(path, n: int) -> None:
    """Build the corpus of ``n`` documents and write it as a partitioned dataset (run in a child process,
    so that the benchmark's client never holds the whole corpus)."""
    import framing
    real = real_corpus()
    t = time.perf_counter()
    corpus = build_corpus(real, n)
    t_build = time.perf_counter() - t
    t = time.perf_counter()
    path = corpus.to_parquet_dataset(path, partition_by=("outlet", "month"))
    t_write = time.perf_counter() - t
    n_files = len(list(path.rglob("*.parquet")))
    t = time.perf_counter()
    back = framing.read_parquet_dataset(path)
    t_read = time.perf_counter() - t
    print(f"corpus: {n:,} documents from {len(real):,} real ones ({corpus.docs['lang'].value_counts().to_dict()}), "
          f"built in {t_build:.1f} s (in a child process)")
    print(f"partitioned dataset: {n_files:,} Parquet files (outlet/month), written in {t_write:.1f} s, "
          f"read back in {t_read:.1f} s, equal to the corpus: {back == corpus}")
    sys.stdout.flush()


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="20000,200000", help="corpus sizes of the lemmas-only runs")
    ap.add_argument("--full", type=int, default=20_000, help="corpus size of the full-layer runs (0: none)")
    ap.add_argument("--workers", type=int, default=2, help="worker processes of the LocalCluster")
    ap.add_argument("--batch", type=int, default=20_000, help="documents per batch read from the dataset")
    ap.add_argument("--build", help=argparse.SUPPRESS)       # the child process that writes the dataset
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    n_max = max(sizes + [args.full])
    if args.build:
        build_dataset(Path(args.build), n_max)
        return 0

    import subprocess

    import distributed

    import framing
    import signal
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))      # a killed run still removes its folder
    tmp = Path(tempfile.mkdtemp(prefix="framing-scale-"))
    os.environ["FRAMING_CACHE_DIR"] = str(tmp / "default-cache")      # nothing reaches the shared cache
    try:
        print(f"framing scale benchmark, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
              f"{os.cpu_count()} CPUs, load average {os.getloadavg()}")
        sys.stdout.flush()
        path = tmp / "corpus"
        subprocess.run([sys.executable, __file__, "--build", str(path), "--sizes", args.sizes,
                        "--full", str(args.full)], check=True)

        t = time.perf_counter()
        cluster = distributed.LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                                           dashboard_address=":0", silence_logs=logging.ERROR)
        client = distributed.Client(cluster)
        print(f"LocalCluster: {args.workers} worker processes, 1 thread each, started in {time.perf_counter() - t:.1f} s "
              f"(the scheduler and the nannies run in this process)")
        me = os.getpid()
        workers = client.run(os.getpid)
        nannies = client.run(os.getppid)
        in_client = all(p == me for p in nannies.values())
        roles = {me: "client+scheduler" + ("+nannies" if in_client else "")}
        for i, (addr, pid) in enumerate(sorted(workers.items())):
            roles[pid] = f"worker {i + 1}"
            if nannies[addr] != me:
                roles[nannies[addr]] = f"nanny {i + 1}"

        # warm-up: the models load once in this process and once per worker, before the clock starts
        warm = next(stream(path, 50, 50))
        t = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            framing.annotate(warm, cache=False, progress=False)
            framing.annotate(warm, backend="dask", client=client, cache=False, progress=False)
        del warm
        print(f"warm-up (models loaded in this process and in every worker): {time.perf_counter() - t:.1f} s")
        sys.stdout.flush()

        differing, peaks = 0, {}
        for n in sizes:
            d, peaks[n] = compare_backends(f"lemmas only, N={n:,}", path, n, ("lemma",), client, roles, tmp, args.batch)
            differing += d
        if args.full:
            d, _ = compare_backends(f"all layers, N={args.full:,}", path, args.full, None, client, roles, tmp,
                                    args.batch)
            differing += d
        if len(sizes) > 1:
            lo, hi = min(sizes), max(sizes)
            print(f"\npeak memory, lemmas only, N={lo:,} -> N={hi:,} (must not grow by more than 20%):")
            for run in ("serial", "dask"):
                growth = [f"{role} {peaks[lo][run][role]:,.0f} -> {peaks[hi][run][role]:,.0f} MB "
                          f"({100 * (peaks[hi][run][role] / peaks[lo][run][role] - 1):+.0f}%)"
                          for role in sorted(peaks[hi][run]) if peaks[lo][run].get(role)]
                print(f"  {run}: " + "; ".join(growth))
        print(f"\nrows differing between the backends, all runs: {differing} (must be 0)")
        print(f"load average (2 cores shared): {os.getloadavg()}")
        client.close()
        cluster.close()
        return 0 if differing == 0 else 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
