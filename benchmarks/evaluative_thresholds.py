"""Choose the evaluative-word model's thresholds on DEVELOPMENT data (issue #10).

Run from the project root (after ``benchmarks/train_evaluative.py``)::

    python benchmarks/evaluative_thresholds.py            # sweep, print, no change
    python benchmarks/evaluative_thresholds.py --rows 40  # and print 40 random new rows

For every pair of thresholds (adjectives × person nouns) of a grid, the
evaluative rows of ``framing.epithets`` on all coded development posts of
``benchmarks/evaluative_dev.py`` (the 470 tuning posts and the 60 posts of the
h14 check, pooled) are scored against the coding; the pair chosen is the one
of highest recall whose precision is at least ``MIN_PRECISION`` (ties: the
higher thresholds, i.e. fewer model rows).  Only the thresholds of the model
loaded in memory are changed; write the chosen pair with
``train_evaluative.py --adj-threshold A --noun-threshold N``.

``--rows K`` (with ``--at`` for thresholds other than the model's) prints K random evaluative rows (seed 20261217) that the model
adds on the five development channels, outside the coded posts, and that the
lexicons alone do not flag: the precision check on unseen rows, read by hand
against ../shared/guidelines/epithets.md.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections import defaultdict
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import framing  # noqa: E402
from framing import Corpus  # noqa: E402
from framing.measures import _evaluative_model  # noqa: E402

import epithets_eval  # noqa: E402
import evaluative_dev  # noqa: E402

GRID = (0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)
MIN_PRECISION = 0.80
ROW_SEED = 20261217


def _gold():
    listed, g_by = {}, defaultdict(list)
    for name, folder, tag, _ in evaluative_dev.SAMPLES:
        listed[tag] = pd.read_csv(folder / f"{name}_docs.tsv", sep="\t", dtype=str)
        gold = pd.read_csv(folder / f"{name}.tsv", sep="\t", dtype={"doc_id": str})
        for r in gold.itertuples(index=False):
            g_by[r.doc_id].append((r.desc_start, r.desc_end))
    ids = sorted(set().union(*(set(x.doc_id) for x in listed.values())))
    return ids, g_by


def _score(ep, ids, g_by):
    p_by = defaultdict(list)
    for r in ep[ep["evaluative"].astype(bool)].itertuples(index=False):
        p_by[r.doc_id].append((r.start, r.end))
    tp_p, n_p, tp_g = epithets_eval.span_hits(p_by, g_by, ids)
    n_g = sum(len(g_by[d]) for d in ids)
    return tp_p, n_p, tp_g, n_g


def sweep(corpus, grid=None):
    ids, g_by = _gold()
    docs = corpus.docs[corpus.docs["doc_id"].isin(ids)]
    ann = framing.annotate(Corpus(docs[["doc_id", "outlet", "lang", "title", "text"]].reset_index(drop=True)),
                           progress=False)
    model = _evaluative_model.load("ru")
    saved = dict(model["thresholds"])
    tp_p, n_p, tp_g, n_g = _score(framing.epithets(ann, model=False), ids, g_by)
    print(f"dev pool {len(ids)} posts, {n_g} coded rows")
    print(f"lexicons only        P {tp_p / max(n_p, 1):.3f} ({tp_p}/{n_p})   R {tp_g / n_g:.3f} ({tp_g}/{n_g})")
    res = []
    try:
        for ta, tn in grid or itertools.product(GRID, GRID):
            model["thresholds"].update({"ADJ": ta, "NOUN": tn})
            tp_p, n_p, tp_g, n_g = _score(framing.epithets(ann), ids, g_by)
            p, r = tp_p / max(n_p, 1), tp_g / n_g
            res.append((ta, tn, p, r))
            print(f"ADJ {ta:.2f} NOUN {tn:.2f}  P {p:.3f} ({tp_p}/{n_p})   R {r:.3f} ({tp_g}/{n_g})", flush=True)
    finally:
        model["thresholds"].update(saved)
    ok = [x for x in res if x[2] >= MIN_PRECISION]
    if ok:
        best = max(ok, key=lambda x: (round(x[3], 6), x[0] + x[1]))
        print(f"chosen: ADJ {best[0]:.2f} NOUN {best[1]:.2f} (P {best[2]:.3f}, R {best[3]:.3f}; "
              f"highest recall with P >= {MIN_PRECISION}, ties to the higher thresholds)")
    else:
        print(f"no pair reaches P >= {MIN_PRECISION}")


def new_rows(corpus, k):
    import numpy as np
    ids, _ = _gold()
    docs = corpus.docs[~corpus.docs["doc_id"].isin(ids)]
    ann = framing.annotate(Corpus(docs[["doc_id", "outlet", "lang", "title", "text"]].reset_index(drop=True)),
                           progress=False)
    key = ["doc_id", "start", "end"]
    lex = framing.epithets(ann, model=False)
    mod = framing.epithets(ann)
    lex_ev = set(map(tuple, lex.loc[lex["evaluative"].astype(bool), key].itertuples(index=False)))
    mod_ev = mod[mod["evaluative"].astype(bool)]
    new = mod_ev[[tuple(x) not in lex_ev for x in mod_ev[key].itertuples(index=False)]]
    print(f"model rows on the development channels outside the coded posts: {len(mod_ev)} evaluative, "
          f"{len(new)} not flagged by the lexicons alone")
    pick = new.iloc[np.random.default_rng(ROW_SEED).permutation(len(new))[:k]]
    text = dict(zip(ann.docs["doc_id"], ann.docs["text"]))
    for r in pick.itertuples(index=False):
        t = text[r.doc_id]
        print(f"{r.doc_id}\t{r.kind}\t{r.polarity:+.1f}\t[{r.epithet}] actor={r.actor!r}\t"
              f"…{t[max(0, r.start - 80):r.start]}[[{t[r.start:r.end]}]]{t[r.end:r.end + 60]}…".replace("\n", " "))


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=0)
    ap.add_argument("--no-sweep", action="store_true")
    ap.add_argument("--at", type=float, nargs=2, metavar=("ADJ", "NOUN"),
                    help="score this one pair of thresholds instead of the grid")
    a = ap.parse_args(argv)
    corpus = evaluative_dev._telegram_corpus()
    if corpus is None:
        print("skipped (no ../shared/data/telegram_ru_2024)")
        return
    if not a.no_sweep:
        sweep(corpus, [tuple(a.at)] if a.at else None)
    if a.rows:
        if a.at:
            _evaluative_model.load("ru")["thresholds"].update({"ADJ": a.at[0], "NOUN": a.at[1]})
        new_rows(corpus, a.rows)


if __name__ == "__main__":
    main()
