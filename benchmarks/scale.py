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
   ``framing.annotate`` lemmas-only (``layers=("lemma",)``), with each backend
   of ``--runs``: in one process (``n_jobs=1``) and with ``backend="dask"`` on
   a LocalCluster of ``--workers`` worker processes with one thread each.
   Every run happens in a fresh child process of its own (a dask run with
   its own LocalCluster, whose scheduler and nannies live in that child), so
   that its peak memory is its own and not what earlier runs left in a long
   process; this process only orchestrates.  The result of a stream is lazy
   (:class:`framing.annotate.lazy.CachedAnnotated`): the client keeps the
   documents table without texts and an index of the cache, so its memory
   does not grow with N.
3. Annotates the first ``--full`` documents (default 20,000) with every layer,
   the same ways.

Every child process runs with ``ARROW_DEFAULT_MEMORY_POOL=system`` (``--arrow-pool``; printed in the
header), as the README advises for long streams: pyarrow's default pool (mimalloc) keeps the pages
each batch freed in per-thread heaps that ``release_memory`` cannot give back, so a stream's client
grew with its number of batches (reading the 200,000-document dataset alone: 152 -> 310 MB with
mimalloc, 137 -> 204 MB with the system pool).

Every run has its own empty cache folder (under a private temporary folder,
deleted at the end; the shared ``~/.cache/framing`` is not touched), so every
document is annotated.  Models are loaded before the clock starts (a warm-up
of 50 documents in the run's process or on every worker), as they are once
per process in a long run.  Per run the script prints documents per second,
the speed-up of Dask over one process (when both ran), the CPU seconds of all
processes (user + system: documents per CPU-second do not depend on how busy
a shared machine is, wall-clock figures do), the peak memory (resident set)
of every process during the run — the client (which, in a LocalCluster, also
runs the scheduler and the nannies), each worker — sampled every 0.2 s with
psutil (``/proc`` without it), and, when both backends ran, the number of rows
of every output table (documents, tokens, entities, capabilities, problems)
that differ between them (must be 0): a further fresh process reads both
results back from their caches (nothing is annotated again) and compares them
partition by partition of 2,000 documents, so that the check itself needs
bounded memory.  Last, the growth of each process's peak memory from the
smallest to the largest size (must stay within 20%).

Usage (the two-core machine is shared: run small sizes there)::

    python benchmarks/scale.py --sizes 2000,20000 --full 2000
    python benchmarks/scale.py                       # 20,000 and 200,000; full layers on 20,000
    python benchmarks/scale.py --sizes 20000,200000 --full 0 --runs dask   # the Dask runs only
"""

from __future__ import annotations

import argparse
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
    and the CPU seconds each of them used meanwhile (``cpu``); :meth:`mark` also gives the peak of each
    since the last mark (the per-batch trace).  ``PeakMemory.current``: the one running now."""

    current = None

    def __init__(self):
        self.peak: dict[int, float] = {}
        self.window: dict[int, float] = {}
        self.cpu: dict[int, float] = {}
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self):
        for pid in self._pids():
            mb = _rss_mb(pid)
            with self._lock:
                self.peak[pid] = max(self.peak.get(pid, 0.0), mb)
                self.window[pid] = max(self.window.get(pid, 0.0), mb)

    def _run(self):
        while not self._stop.is_set():
            self._sample()
            self._stop.wait(0.2)

    def mark(self) -> dict:
        """The peak MB of every process since the last mark (sampled once more now)."""
        self._sample()
        with self._lock:
            out, self.window = self.window, {}
        return out

    def _pids(self):
        me = os.getpid()
        return [me] + _children(me)

    def __enter__(self):
        self._cpu0 = {pid: _cpu_s(pid) for pid in self._pids()}
        self._thread.start()
        PeakMemory.current = self
        return self

    def __exit__(self, *exc):
        PeakMemory.current = None
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


def timed(fn, roles, client=None):
    """(result, wall seconds, CPU seconds of all processes, peak MB per role, description).  Memory freed
    before is first returned to the system, in this process and (``client``) in every worker."""
    from framing.annotate._worker import release_memory
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


def stream(path, n: int, batch: int, trace: list | None = None, roles=None):
    """The first ``n`` documents of the dataset, streamed by ``framing.iter_parquet_dataset`` (its files one
    after another) as corpora of at most ``batch`` documents and its default ``batch_chars`` characters.
    ``trace``: receives, per batch, its documents, characters and the peak MB of every process
    (``roles``) while the batch before it was annotated."""
    import framing
    from framing.io.partitioned import ORDER_COLUMN
    last = None
    for corpus in framing.iter_parquet_dataset(path, batch_size=batch, filters=[(ORDER_COLUMN, "<", n)]):
        if trace is not None:
            mem = PeakMemory.current
            if last is not None and mem is not None:
                peaks = mem.mark()
                trace.append(dict(last, peaks={roles[p]: mb for p, mb in peaks.items() if p in roles}))
            elif mem is not None:
                mem.mark()
            last = {"docs": len(corpus), "chars": int(corpus.docs["text"].str.len().sum())}
        yield corpus
        del corpus          # not held while the loader reads the next batch
    if trace is not None and last is not None and PeakMemory.current is not None:
        peaks = PeakMemory.current.mark()
        trace.append(dict(last, peaks={roles[p]: mb for p, mb in peaks.items() if p in roles}))


def _cluster(workers: int):
    """A LocalCluster of ``workers`` processes with one thread each, its client, and the role of every process."""
    import distributed
    cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                       dashboard_address=":0", silence_logs=logging.ERROR)
    client = distributed.Client(cluster)
    me = os.getpid()
    pids = client.run(os.getpid)
    nannies = client.run(os.getppid)
    in_client = all(p == me for p in nannies.values())
    roles = {me: "client+scheduler" + ("+nannies" if in_client else "")}
    for i, (addr, pid) in enumerate(sorted(pids.items())):
        roles[pid] = f"worker {i + 1}"
        if nannies[addr] != me:
            roles[nannies[addr]] = f"nanny {i + 1}"
    return cluster, client, roles


def child_run(args) -> dict:
    """One annotation (``args.run``: serial or dask, of ``args.size`` documents) in this fresh process:
    models loaded first (the warm-up), then timed; what it measured, as a dict."""
    import framing
    n, path, layers = args.size, Path(args.path), (None if args.layers == "all" else tuple(args.layers.split(",")))
    cluster = client = None
    t = time.perf_counter()
    if args.run == "dask":
        cluster, client, roles = _cluster(args.workers)
    else:
        roles = {os.getpid(): "client"}
    t_cluster = time.perf_counter() - t
    warm = next(stream(path, 50, 50))
    t = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if client is None:
            framing.annotate(warm, layers=layers, cache=False, progress=False)
        else:
            framing.annotate(warm, layers=layers, backend="dask", client=client, cache=False, progress=False)
    del warm
    t_warm = time.perf_counter() - t
    kw = dict(layers=layers, progress=False, cache=args.cache)
    if client is None:
        kw["n_jobs"] = 1
    else:
        kw.update(backend="dask", client=client)
    trace: list = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")          # the regex fallback of a few 'und' posts
        ann, dt, cpu, peaks, desc = timed(lambda: framing.annotate(stream(path, n, args.batch, trace, roles), **kw),
                                          roles, client)
    out = {"seconds": dt, "cpu": cpu, "peaks": peaks, "desc": desc, "trace": trace, "tokens": ann.n_tokens,
           "entities": ann.n_entities, "annotated": int(ann.meta["documents_annotated"]),
           "workers": len(client.scheduler_info()["workers"]) if client is not None else 0,
           "cluster_s": t_cluster, "warm_s": t_warm}
    if client is not None:
        out["scheduler_tasks_left"] = len(cluster.scheduler.tasks)
        client.close()
        cluster.close()
    return out


def child_compare(args) -> dict:
    """Rows differing between the serial and the dask annotation of ``args.size`` documents, read back lazily
    from their caches (every document is cached: nothing is annotated), partition by partition."""
    import framing
    n, path, layers = args.size, Path(args.path), (None if args.layers == "all" else tuple(args.layers.split(",")))
    caches = args.cache.split(",")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        one, two = (framing.annotate(stream(path, n, args.batch), layers=layers, progress=False, cache=c)
                    for c in caches)
        roles = {os.getpid(): "client"}
        diff, dt, _, peaks, _ = timed(lambda: compare_partitions(one, two, CHECK_DOCS), roles)
    return {"diff": diff, "seconds": dt, "peak": peaks.get("client", 0.0),
            "annotated": int(one.meta["documents_annotated"]) + int(two.meta["documents_annotated"])}


def in_child(args, what: str, **extra) -> dict:
    """Run ``what`` (``--child run`` or ``--child compare``) in a fresh Python process; its result."""
    import json
    import subprocess
    cmd = [sys.executable, __file__, "--child", what, "--path", str(args.path), "--workers", str(args.workers),
           "--batch", str(args.batch)]
    for k, v in extra.items():
        cmd += [f"--{k}", str(v)]
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, text=True)
    sys.stdout.flush()
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")]
    if proc.returncode != 0 or not lines:
        raise RuntimeError(f"the child process {' '.join(cmd)} failed (exit {proc.returncode}):\n{proc.stdout}")
    return json.loads(lines[-1][len("RESULT "):])


from framing.annotate.pipeline import CHUNK_CHARS, CHUNK_DOCS  # noqa: E402
from framing.io.partitioned_read import BATCH_CHARS  # noqa: E402


def print_trace(trace) -> None:
    """One line per batch of the stream: its size and the peak memory of every process while it was annotated."""
    for k, b in enumerate(trace):
        peaks = ", ".join(f"{role} {mb:,.0f}" for role, mb in sorted(b["peaks"].items()))
        print(f"        batch {k + 1:3d}: {b['docs']:6,} docs {b['chars'] / 1e6:5.1f} M chars; peak MB: {peaks}")


def measure(name, args, n, layers, runs, tmp) -> tuple:
    """Annotate the first ``n`` documents with each backend of ``runs`` in a fresh process each; print the
    figures and the rows that differ between the backends (when both ran).  Returns (differing rows or None,
    peaks per run)."""
    lay = "all" if layers is None else ",".join(layers)
    res, caches = {}, {run: tmp / f"n{n}-{lay.replace(',', '+')}-{run}-cache" for run in runs}
    for run in runs:
        res[run] = in_child(args, "run", run=run, size=n, layers=lay, cache=caches[run])
        if res[run]["annotated"] != n:
            raise RuntimeError(f"{name}, {run}: {res[run]['annotated']} documents annotated, not {n}")
    first = next(iter(res.values()))
    tokens, n_ent = first["tokens"], first["entities"]
    print(f"\n{name}: {n:,} documents, {tokens:,} tokens, {n_ent:,} entity mentions "
          f"(streamed from the dataset by iter_parquet_dataset in batches of at most {args.batch:,} documents "
          f"and {BATCH_CHARS:,} characters, annotated in chunks of at most {CHUNK_DOCS:,} documents and "
          f"{CHUNK_CHARS:,} characters; results read from the cache: lazy; "
          f"each run in a fresh process)")
    one = res.get("serial")
    if one:
        t1, c1 = one["seconds"], one["cpu"]
        print(f"  one process (n_jobs=1): {t1:7.1f} s  {n / t1:8,.0f} docs/s  {tokens / t1:9,.0f} tokens/s   "
              f"CPU {c1:6.1f} s = {n / c1:,.0f} docs per CPU-second   (models loaded before: {one['warm_s']:.1f} s)")
        print(f"      peak memory: {one['desc']}")
        print_trace(one["trace"])
    two = res.get("dask")
    if two:
        t2, c2 = two["seconds"], two["cpu"]
        speed = f"   speed-up {one['seconds'] / t2:.2f}x" if one else ""
        print(f"  dask, {two['workers']} workers:       {t2:7.1f} s  {n / t2:8,.0f} docs/s  "
              f"{tokens / t2:9,.0f} tokens/s{speed}   CPU {c2:6.1f} s = {n / c2:,.0f} docs per CPU-second   "
              f"(LocalCluster started in {two['cluster_s']:.1f} s, models loaded in {two['warm_s']:.1f} s; "
              f"tasks left on the scheduler after the run: {two['scheduler_tasks_left']})")
        print(f"      peak memory: {two['desc']}")
        print_trace(two["trace"])
    differing = None
    if one and two:
        if (one["tokens"], one["entities"]) != (two["tokens"], two["entities"]):
            print(f"  the backends differ in size: tokens {one['tokens']:,} / {two['tokens']:,}, "
                  f"entities {one['entities']:,} / {two['entities']:,}")
        cmp = in_child(args, "compare", size=n, layers=lay,
                       cache=f"{caches['serial']},{caches['dask']}")
        diff = cmp["diff"]
        differing = sum(diff.values()) + (cmp["annotated"] != 0)
        print(f"  rows differing between the backends (read back from the two caches in a fresh process and "
              f"compared partition by partition of {CHECK_DOCS:,} documents in {cmp['seconds']:.1f} s, "
              f"its peak {cmp['peak']:,.0f} MB; documents annotated again: {cmp['annotated']}): "
              + ", ".join(f"{k} {v}" for k, v in diff.items()))
    else:
        print("  rows differing between the backends: not compared (only one backend ran)")
    sys.stdout.flush()
    return differing, {run: r["peaks"] for run, r in res.items()}


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
    ap.add_argument("--runs", default="serial,dask",
                    help="the annotations to run, each in a fresh process: serial, dask or both (serial,dask)")
    ap.add_argument("--workers", type=int, default=2, help="worker processes of the LocalCluster")
    ap.add_argument("--batch", type=int, default=10_000,
                    help="documents per batch read from the dataset (the iter_* loaders' default)")
    ap.add_argument("--arrow-pool", default="system",
                    help="ARROW_DEFAULT_MEMORY_POOL of every child process (system, jemalloc, mimalloc; "
                         "'default': pyarrow's own, mimalloc in the wheels); an exported "
                         "ARROW_DEFAULT_MEMORY_POOL wins")
    ap.add_argument("--build", help=argparse.SUPPRESS)       # the child process that writes the dataset
    for hidden in ("child", "path", "run", "size", "layers", "cache"):   # a child process that measures
        ap.add_argument(f"--{hidden}", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        import json
        args.size = int(args.size)
        out = child_run(args) if args.child == "run" else child_compare(args)
        print("RESULT " + json.dumps(out))
        return 0
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    runs = [r.strip() for r in args.runs.split(",") if r.strip()]
    if not runs or set(runs) - {"serial", "dask"}:
        ap.error(f"--runs: serial, dask or serial,dask, not {args.runs!r}")
    runs = [r for r in ("serial", "dask") if r in runs]
    n_max = max(sizes + [args.full])
    if args.build:
        build_dataset(Path(args.build), n_max)
        return 0

    import signal
    import subprocess
    if args.arrow_pool != "default":         # inherited by every child process (set before pyarrow starts)
        os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", args.arrow_pool)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))      # a killed run still removes its folder
    tmp = Path(tempfile.mkdtemp(prefix="framing-scale-"))
    os.environ["FRAMING_CACHE_DIR"] = str(tmp / "default-cache")      # nothing reaches the shared cache
    try:
        print(f"framing scale benchmark, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
              f"{os.cpu_count()} CPUs, load average {os.getloadavg()}; runs: {', '.join(runs)} "
              f"(each annotation in a fresh process; dask: its own LocalCluster of {args.workers} worker "
              f"processes, 1 thread each, the scheduler and the nannies in the client's process); "
              f"ARROW_DEFAULT_MEMORY_POOL={os.environ.get('ARROW_DEFAULT_MEMORY_POOL', '(unset: mimalloc)')}")
        sys.stdout.flush()
        args.path = tmp / "corpus"
        subprocess.run([sys.executable, __file__, "--build", str(args.path), "--sizes", args.sizes,
                        "--full", str(args.full)], check=True)

        differing, peaks = [], {}
        for n in sizes:
            d, peaks[n] = measure(f"lemmas only, N={n:,}", args, n, ("lemma",), runs, tmp)
            differing.append(d)
        if args.full:
            d, _ = measure(f"all layers, N={args.full:,}", args, args.full, None, runs, tmp)
            differing.append(d)
        if len(sizes) > 1:
            lo, hi = min(sizes), max(sizes)
            print(f"\npeak memory, lemmas only, N={lo:,} -> N={hi:,} (must not grow by more than 20%):")
            for run in runs:
                growth = [f"{role} {peaks[lo][run][role]:,.0f} -> {peaks[hi][run][role]:,.0f} MB "
                          f"({100 * (peaks[hi][run][role] / peaks[lo][run][role] - 1):+.0f}%)"
                          for role in sorted(peaks[hi][run]) if peaks[lo][run].get(role)]
                print(f"  {run}: " + "; ".join(growth))
        compared = [d for d in differing if d is not None]
        if compared:
            print(f"\nrows differing between the backends, all runs compared: {sum(compared)} (must be 0)")
        else:
            print("\nrows differing between the backends: not compared (one backend ran)")
        print(f"load average (2 cores shared): {os.getloadavg()}")
        return 0 if sum(compared) == 0 else 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
