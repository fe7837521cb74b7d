"""Robustness of the loaders under hostile input (issue 13): the property tests with a larger budget.

Runs the generators of ``tests/strategies.py`` (random and mutated bytes, broken
JSON, mixed encodings, huge lines, control and zero-width characters, unbalanced
CSV quotes, damaged gzip, nested HTML, feeds with entity tricks, damaged WARC)
against every loader and prints, per loader: inputs tried, documents in (the
good documents the inputs hold) and out, problems recorded, crashes, hangs
(no result within ``--timeout`` seconds) and silently changed texts (a good
document lost or altered, or a damaged file's documents lost or altered, with
no problem recorded).  The last three must be 0.

The peer, measured on the same inputs: ``pandas.read_json(lines=True)``,
``pandas.read_csv`` and ``pandas.read_json`` (the table loaders only): how many
inputs make it raise.  pandas is a parser, not a loader that promises to keep
the good documents, so its column says how hostile the inputs are.

    python benchmarks/robustness.py [--examples N] [--timeout S] [--seed K]

Needs ``hypothesis`` (the ``dev`` extra).  Same seed, same inputs, same figures.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
import warnings
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from a checkout
sys.path.insert(0, str(ROOT / "tests"))

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import seed as hyp_seed  # noqa: E402

import strategies as S  # noqa: E402


def _peer(case, folder: Path) -> bool | None:
    """Whether pandas raises on the case's files (None: no pandas peer for this loader)."""
    import pandas as pd

    read = {"read_jsonl": lambda p: pd.read_json(p, lines=True), "read_csv": pd.read_csv,
            "read_json": pd.read_json, "read_telegram": pd.read_json}.get(case.loader)
    if read is None:
        return None
    raised = False
    for name in case.files:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                read(folder / name)
            except Exception:  # noqa: BLE001 - counting what raises
                raised = True
    return raised


def run(loader: str, n: int, timeout: float, seed: int, work: Path) -> dict:
    stats = Counter()
    kinds = Counter()
    examples: list[str] = []
    k = 0

    @hyp_seed(seed)
    @settings(max_examples=n, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(S.cases_for(loader))
    def check(case):
        nonlocal k
        k += 1
        folder = work / f"{loader}-{k}"
        out = S.check_case(case, folder, timeout=timeout)
        stats["inputs"] += 1
        kinds[case.kind] += 1
        stats["docs_in"] += out.docs_in
        stats["docs_out"] += out.docs_out
        stats["problems"] += out.problems
        stats["crashes"] += bool(out.crash)
        stats["hangs"] += out.hang
        stats["changed"] += len(out.changed)
        stats["refused"] += bool(out.refused)
        peer = _peer(case, folder)
        if peer is not None:
            stats["peer_inputs"] += 1
            stats["peer_raised"] += peer
        if not out.ok and len(examples) < 5:
            examples.append(f"{case.kind}: " + (out.crash.strip().splitlines()[-1] if out.crash
                                                 else "hang" if out.hang else "; ".join(out.changed[:2])))
        shutil.rmtree(folder, ignore_errors=True)

    t = time.perf_counter()
    check()
    stats["seconds"] = time.perf_counter() - t
    return {"stats": stats, "kinds": kinds, "examples": examples}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--examples", type=int, default=200, help="inputs per loader (default 200)")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds before an input counts as a hang")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--loaders", nargs="*", default=list(S.LOADERS))
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="framing-robustness-"))
    cols = ("inputs", "docs_in", "docs_out", "problems", "crashes", "hangs", "changed", "refused")
    print(f"{'loader':<14}" + "".join(f"{c:>10}" for c in cols) + f"{'pandas raised':>15}{'seconds':>9}")
    total = Counter()
    notes = []
    try:
        for loader in args.loaders:
            res = run(loader, args.examples, args.timeout, args.seed, work)
            s = res["stats"]
            total.update({c: s[c] for c in cols})
            peer = f"{s['peer_raised']}/{s['peer_inputs']}" if s["peer_inputs"] else "—"
            print(f"{loader:<14}" + "".join(f"{s[c]:>10}" for c in cols) + f"{peer:>15}{s['seconds']:>9.1f}")
            notes.append((loader, res["kinds"], res["examples"]))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{'total':<14}" + "".join(f"{total[c]:>10}" for c in cols))
    print("\ninputs by kind:")
    for loader, kinds, examples in notes:
        print(f"  {loader}: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
        for e in examples:
            print(f"    FAIL {e}")
    bad = total["crashes"] + total["hangs"] + total["changed"]
    print(f"\ncrashes + hangs + silently changed texts = {bad} (must be 0)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
