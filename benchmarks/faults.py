"""Faults during annotation: every run ends with complete, identical tables or a clear error.

Each scenario annotates the demo corpus (``--copies`` times over, each copy's
texts numbered so that every text is new to the cache) into a fresh cache
folder, causes one fault, runs ``annotate()`` again and compares its tokens
and entities with a clean run without a cache (the peer, timed in the same
run):

* ``kill -9 run``: the whole process group of a run with ``n_jobs=2`` is
  killed once the first parts are written; the next run resumes.
* ``kill -9 parent``: only the parent is killed (what the out-of-memory killer
  does); its workers must be gone within ``--grace`` seconds; the next run
  resumes.
* ``full disk``: the cache lives on a small tmpfs (when this process may mount
  one, e.g. as root on Linux), else every part file written after the fourth
  raises ``OSError(ENOSPC)``; the run must stop with a ``CacheError`` naming the
  folder, leave no half-written file, and the run after space is freed
  completes.
* ``corrupted cache``: one bit is flipped in every part's tokens file; the next
  run quarantines the parts and annotates their documents again.
* ``two runs at once``: two processes annotate the same documents into one
  cache; together they annotate each document once.

Prints, per scenario, documents lost and duplicated (both must be 0), whether
the tables equal the clean run's, and the time to recover (the run after the
fault).  Subprocesses slow each batch by ``--delay`` seconds so that a fault
lands in the middle of a run.  ``tests/test_annotate_faults.py`` runs the same
scenarios on the plain demo corpus.

Usage::

    python benchmarks/faults.py                 # demo corpus x 3, lemmas only
    python benchmarks/faults.py --copies 10 --layers all
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def demo_corpus(copies: int = 1):
    """The demo corpus, ``copies`` times over (copy ``k`` ends each text with `` (k)``)."""
    import pandas as pd

    import framing
    docs = framing.load_demo().docs
    if copies == 1:
        return framing.Corpus(docs)
    frames = [docs.assign(doc_id=docs["doc_id"] + f"~{k}", text=docs["text"] + f" ({k})") for k in range(copies)]
    return framing.Corpus(pd.concat(frames, ignore_index=True))


def _layers(name):
    return None if name == "all" else tuple(name.split(","))


# --- the child process: one annotate() run, its tables written to a folder ----------------

def child(cfg: dict) -> None:
    """Run ``annotate()`` as ``cfg`` says and write tokens, entities and meta to ``cfg["out"]``."""
    import framing
    from framing.annotate import _worker

    if cfg.get("delay"):
        real = _worker._annotate_batch

        def slow(*args, **kwargs):
            time.sleep(cfg["delay"])
            return real(*args, **kwargs)

        _worker._annotate_batch = slow       # workers are forked: they inherit it
    corpus = demo_corpus(cfg["copies"])
    t0 = time.time()
    a = framing.annotate(corpus, layers=_layers(cfg["layers"]), n_jobs=cfg["n_jobs"],
                         cache=cfg["cache"], progress=False, batch_chars=20_000)
    times = {"started": t0, "ended": time.time()}
    out = Path(cfg["out"])
    out.mkdir(parents=True, exist_ok=True)
    a.tokens.to_parquet(out / "tokens.parquet")
    a.entities.to_parquet(out / "entities.parquet")
    (out / "meta.json").write_text(json.dumps(dict(times, **{k: a.meta[k] for k in ("documents_annotated", "documents_cached")})))


def start(cfg: dict) -> subprocess.Popen:
    """Start :func:`child` in a new process group."""
    code = f"import sys, json; sys.path.insert(0, {str(HERE)!r}); import faults; faults.child(json.loads(sys.argv[1]))"
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""),
               FRAMING_MP_START="fork")
    return subprocess.Popen([sys.executable, "-c", code, json.dumps(cfg)], env=env, start_new_session=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish(proc: subprocess.Popen, cfg: dict, timeout: float = 600):
    """Wait for a child; returns its (tokens, entities, meta)."""
    import pandas as pd
    _, err = proc.communicate(timeout=timeout)
    if proc.returncode != 0:
        raise RuntimeError(f"annotate run failed ({proc.returncode}):\n{err[-3000:]}")
    from framing._dtypes import as_string

    def typed(df):
        # Parquet gives Python-object text columns on pandas 2; the tables have framing's string type
        return df.assign(**{c: as_string(df[c]) for c in df.columns if df[c].dtype == object})

    out = Path(cfg["out"])
    return (typed(pd.read_parquet(out / "tokens.parquet")), typed(pd.read_parquet(out / "entities.parquet")),
            json.loads((out / "meta.json").read_text()))


def _indexes(cache) -> int:
    return len(list(Path(cache).glob("annotate/*/index-*.json")))


def wait_for_parts(proc, cache, n: int = 1, timeout: float = 120) -> None:
    """Wait until ``n`` parts are in the cache while ``proc`` still runs."""
    end = time.monotonic() + timeout
    while _indexes(cache) < n:
        if proc.poll() is not None:
            raise RuntimeError(f"the run ended before {n} parts were written: {proc.stderr.read()[-3000:]}")
        if time.monotonic() > end:
            raise RuntimeError("no part written in time")
        time.sleep(0.02)


def children(pid: int) -> list[int]:
    """The child processes of ``pid`` (Linux ``/proc``)."""
    out = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            out += [int(x) for x in (task / "children").read_text().split()]
    return out


def alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie waiting to be reaped counts as gone)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


# --- comparing with the clean run --------------------------------------------------------

def compare(tokens, entities, ref_tokens, ref_entities) -> dict:
    """Documents lost (fewer rows than the clean run) and duplicated (more rows), and equality."""
    import pandas as pd
    lost = dup = 0
    for got, ref, keys in ((tokens, ref_tokens, ["doc_id", "sent_id", "tok_id"]),
                           (entities, ref_entities, ["doc_id", "sent_id", "start_tok"])):
        n_got = got.groupby("doc_id").size()
        n_ref = ref.groupby("doc_id").size()
        both = pd.concat([n_got.rename("got"), n_ref.rename("ref")], axis=1).fillna(0)
        lost = max(lost, int((both["got"] < both["ref"]).sum()))
        dup = max(dup, int((both["got"] > both["ref"]).sum()), int(got.duplicated(keys).sum()))
    same = True
    try:
        pd.testing.assert_frame_equal(tokens.reset_index(drop=True), ref_tokens.reset_index(drop=True))
        pd.testing.assert_frame_equal(entities.reset_index(drop=True), ref_entities.reset_index(drop=True))
    except AssertionError:
        same = False
    return {"lost": lost, "duplicated": dup, "identical": same}


def resume(cfg, corpus, reference) -> dict:
    """Run annotate() in this process on the damaged cache; compare and time it."""
    import framing
    t0 = time.perf_counter()
    a = framing.annotate(corpus, layers=_layers(cfg["layers"]), cache=cfg["cache"], progress=False)
    seconds = time.perf_counter() - t0
    res = compare(a.tokens, a.entities, *reference)
    quarantined = a.problems[a.problems["source"] == "cache"]
    return dict(res, recover_s=round(seconds, 3), annotated=a.meta["documents_annotated"],
                cached=a.meta["documents_cached"], cache_problems=len(quarantined))


# --- the scenarios -------------------------------------------------------------------

def kill_run(cfg, corpus, reference) -> dict:
    """kill -9 of the run's whole process group once parts exist; then resume."""
    proc = start(dict(cfg, n_jobs=2))
    wait_for_parts(proc, cfg["cache"])
    os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate()
    parts = _indexes(cfg["cache"])
    return dict(resume(cfg, corpus, reference), parts_before=parts)


def kill_parent(cfg, corpus, reference, *, grace: float = 5.0) -> dict:
    """kill -9 of the parent alone; its workers must end within ``grace`` seconds; then resume."""
    proc = start(dict(cfg, n_jobs=2))
    wait_for_parts(proc, cfg["cache"])
    workers = children(proc.pid)
    proc.send_signal(signal.SIGKILL)
    proc.communicate()
    t0 = time.monotonic()
    while any(alive(w) for w in workers) and time.monotonic() - t0 < grace:
        time.sleep(0.05)
    left = [w for w in workers if alive(w)]
    gone_s = time.monotonic() - t0
    for w in left:                       # never leave them behind, even when the check fails
        with contextlib.suppress(OSError):
            os.kill(w, signal.SIGKILL)
    return dict(resume(cfg, corpus, reference), workers=len(workers), workers_left=len(left),
                workers_gone_s=round(gone_s, 2))


def _can_mount() -> bool:
    return sys.platform.startswith("linux") and hasattr(os, "geteuid") and os.geteuid() == 0


@contextlib.contextmanager
def small_disk(folder: Path, size: str):
    """A tmpfs of ``size`` mounted on ``folder`` (unmounted afterwards); yields a remount function."""
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], check=True,
                   capture_output=True)

    def grow(new_size: str):
        subprocess.run(["mount", "-o", f"remount,size={new_size}", str(folder)], check=True, capture_output=True)

    try:
        yield grow
    finally:
        subprocess.run(["umount", str(folder)], check=False, capture_output=True)


@contextlib.contextmanager
def enospc_after(n_files: int):
    """Every write of a part file (tokens, entities, index) after the first ``n_files`` raises ``OSError(ENOSPC)``."""
    from framing.annotate import cache as cache_mod
    real = cache_mod.atomic_path
    count = {"n": 0}

    @contextlib.contextmanager
    def failing(path):
        with real(path) as tmp:
            yield tmp
            if Path(path).name.startswith(("tokens-", "entities-", "index-")):
                count["n"] += 1
                if count["n"] > n_files:
                    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(tmp))

    cache_mod.atomic_path = failing
    try:
        yield
    finally:
        cache_mod.atomic_path = real


def full_disk(cfg, corpus, reference, *, mount: bool | None = None) -> dict:
    """A run that fills the disk: a clear CacheError, nothing half-written; then space is freed and it completes."""
    import framing
    from framing.annotate.cache import CacheError
    mount = _can_mount() if mount is None else mount
    cache = Path(cfg["cache"])
    how = "tmpfs 256k" if mount else "simulated ENOSPC"
    error = None
    try:
        with (small_disk(cache, "256k") if mount else contextlib.nullcontext(None)) as grow:
            try:
                with contextlib.nullcontext() if mount else enospc_after(4):
                    framing.annotate(corpus, layers=_layers(cfg["layers"]), cache=str(cache), progress=False,
                                     batch_chars=20_000)
            except CacheError as err:
                error = str(err)
            leftovers = [p.name for p in cache.rglob("*") if p.name.endswith(".tmp")]
            from framing.annotate.cache import verify_cache
            report = verify_cache(cache)
            if grow is not None:
                grow("64m")
            res = resume(dict(cfg, cache=str(cache)), corpus, reference)
    except subprocess.CalledProcessError as err:      # mounting refused: simulate instead
        if mount:
            return full_disk(cfg, corpus, reference, mount=False)
        raise err
    return dict(res, disk=how, error=error, tmp_left=len(leftovers), unindexed=report["unindexed"],
                damaged=report["failed"])


def corrupt(cfg, corpus, reference) -> dict:
    """One bit flipped in every tokens part (each at another place); the next run repairs it."""
    import framing
    framing.annotate(corpus, layers=_layers(cfg["layers"]), cache=cfg["cache"], progress=False, batch_chars=20_000)
    parts = sorted(Path(cfg["cache"]).glob("annotate/*/tokens-*.parquet"))
    for k, p in enumerate(parts):
        data = bytearray(p.read_bytes())
        pos = (k * 7919) % len(data)
        data[pos] ^= 1 << (k % 8)
        p.write_bytes(bytes(data))
    return dict(resume(cfg, corpus, reference), parts_damaged=len(parts))


def concurrent(cfg, corpus, reference) -> dict:
    """Two runs at once on the same documents and cache; together they annotate each document once."""
    t0 = time.perf_counter()
    cfgs = [dict(cfg, n_jobs=1, out=str(Path(cfg["out"]) / f"run{k}")) for k in range(2)]
    procs = [start(c) for c in cfgs]
    results = [finish(p, c) for p, c in zip(procs, cfgs)]
    seconds = time.perf_counter() - t0
    checks = [compare(t, e, *reference) for t, e, _ in results]
    n_docs = len(set(corpus.docs["text"]))
    annotated = [m["documents_annotated"] for _, _, m in results]
    overlap = min(m["ended"] for _, _, m in results) - max(m["started"] for _, _, m in results)
    return {"lost": max(c["lost"] for c in checks), "duplicated": max(c["duplicated"] for c in checks),
            "identical": all(c["identical"] for c in checks), "recover_s": round(seconds, 3),
            "annotated": annotated, "annotated_twice": sum(annotated) - n_docs, "overlap_s": round(overlap, 2)}


SCENARIOS = {"kill -9 run": kill_run, "kill -9 parent": kill_parent, "full disk": full_disk,
             "corrupted cache": corrupt, "two runs at once": concurrent}


def run(names=None, *, copies=1, layers="lemma", delay=0.3, folder=None) -> dict:
    """Run the scenarios; returns ``{name: figures}`` and the clean run's time under ``"clean"``."""
    import framing
    corpus = demo_corpus(copies)
    t0 = time.perf_counter()
    ref = framing.annotate(corpus, layers=_layers(layers), cache=False, progress=False)
    out = {"clean": {"seconds": round(time.perf_counter() - t0, 3), "documents": len(corpus)}}
    reference = (ref.tokens, ref.entities)
    with tempfile.TemporaryDirectory(prefix="framing-faults-", dir=folder) as tmp:
        for name in names or SCENARIOS:
            base = Path(tmp) / name.replace(" ", "_").replace("-", "")
            cfg = {"cache": str(base / "cache"), "out": str(base / "out"), "copies": copies, "layers": layers,
                   "delay": delay, "n_jobs": 1}
            out[name] = SCENARIOS[name](cfg, corpus, reference)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--copies", type=int, default=3, help="the demo corpus this many times over")
    ap.add_argument("--layers", default="lemma", help="comma-separated layers, or 'all'")
    ap.add_argument("--delay", type=float, default=0.3, help="seconds added to every batch of a killed run")
    ap.add_argument("--only", action="append", choices=sorted(SCENARIOS), help="run only this scenario")
    args = ap.parse_args(argv)
    res = run(args.only, copies=args.copies, layers=args.layers, delay=args.delay)
    clean = res.pop("clean")
    print(f"clean run (no cache, the peer): {clean['documents']} documents, {clean['seconds']:.2f} s")
    print(f"{'fault':18} {'lost':>5} {'dup':>5} {'identical':>9} {'recover s':>9}  details")
    bad = 0
    for name, r in res.items():
        details = {k: v for k, v in r.items() if k not in ("lost", "duplicated", "identical", "recover_s")}
        print(f"{name:18} {r['lost']:>5} {r['duplicated']:>5} {str(r['identical']):>9} {r['recover_s']:>9.2f}  "
              + json.dumps(details, ensure_ascii=False))
        bad += r["lost"] + r["duplicated"] + (not r["identical"])
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
