"""Score attribution on the quotation sentence sets (``quote10`` … ``quote14``: news, fiction, essays, social posts).

Each sentence is a document of its own (:func:`sample_quote10.texts`, re-read from
``../shared/data/ud`` and checked against ``sentences.tsv``'s SHA-256), annotated by
framing's pipeline (not the treebank's parse) and scored by the guideline's rule
(:func:`validity.print_guideline_attribution`), for the whole set and per pool.

Run: ``python benchmarks/attribution_quote10/score_quote10.py [--set quote11] [--verbose]``
(``--set quote11``: the second set, drawn from the sentences ``quote10`` did not take and
coded by another coder after the rules were changed on ``quote10``; ``--set checks``: the
blind checks quote12 and quote14 pooled; ``--verbose`` lists misses and extra rows: only for
a set used for development).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import warnings
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks"), str(HERE)]

import framing  # noqa: E402
from sample_quote10 import SETS  # noqa: E402
from sample_quote10 import texts as read_texts  # noqa: E402


def _scored(name: str):
    """(texts, predicted rows, coded rows, sentence table) of set ``name``, or a reason it is skipped."""
    from attribution_eval import _coded_gold

    folder = SETS[name][1]
    all_texts = read_texts()
    if all_texts is None:
        return f"quotation sentences {name}: skipped (../shared/data/ud absent)"
    if not (folder / "gold.tsv").exists():
        return f"quotation sentences {name}: not coded yet ({folder / 'gold.tsv'} absent)"
    sents = pd.read_csv(folder / "sentences.tsv", sep="\t", dtype=str, keep_default_na=False)
    texts = {}
    for r in sents.itertuples():
        t = all_texts.get(r.doc_id)
        if t is None or hashlib.sha256(t.encode("utf-8")).hexdigest() != r.text_sha256:
            sys.exit(f"{name}: {r.doc_id} differs from the text it was coded on (../shared/data changed?)")
        texts[r.doc_id] = t
    corpus = framing.Corpus.from_frame(pd.DataFrame({"doc_id": list(texts), "text": list(texts.values()),
                                                     "outlet": sents["pool"].tolist(), "lang": "ru"}))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ann = framing.annotate(corpus, progress=False)
        pred = framing.attributions(ann)
    return texts, pred, _coded_gold(folder / "gold.tsv", texts), sents


def score(name: str = "quote10", *, verbose: bool = False) -> None:
    from attribution_eval import _print_misses
    from validity import print_guideline_attribution

    run = _scored(name)
    if isinstance(run, str):
        print(run)
        return
    texts, pred, gold, sents = run
    pool = dict(zip(sents["doc_id"], sents["pool"]))
    print(f"quotation sentences {name} ({len(texts)} single sentences; pools {', '.join(dict.fromkeys(sents['pool']))}; "
          f"{len(gold)} coded attributions, {len(pred)} predicted rows):")
    print_guideline_attribution(pred, gold, texts)
    for p in dict.fromkeys(sents["pool"]):
        keep = {d for d, x in pool.items() if x == p}
        print(f"  {p}:")
        print_guideline_attribution(pred[pred["doc_id"].isin(keep)], gold[gold["doc_id"].isin(keep)],
                                    {d: t for d, t in texts.items() if d in keep})
    if verbose:
        _print_misses(name, texts, pred, gold)


def score_pooled(names: list[str], label: str) -> None:
    """The sets ``names`` scored as one (the quotation checks together: more rows, a narrower interval)."""
    from validity import print_guideline_attribution

    runs = [_scored(n) for n in names]
    if any(isinstance(r, str) for r in runs):
        print(f"{label}: skipped (a set is absent or not coded)")
        return
    texts = {d: t for r in runs for d, t in r[0].items()}
    pred = pd.concat([r[1] for r in runs], ignore_index=True)
    gold = pd.concat([r[2] for r in runs], ignore_index=True)
    print(f"{label} ({' + '.join(names)}: {len(texts)} sentences, {len(gold)} coded attributions, "
          f"{len(pred)} predicted rows):")
    print_guideline_attribution(pred, gold, texts)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--set", default="quote10", choices=sorted(SETS) + ["checks"])
    args = ap.parse_args(argv)
    if args.set == "checks":
        score_pooled(["quote12", "quote14"], "quotation checks pooled")
    else:
        score(args.set, verbose=args.verbose)


if __name__ == "__main__":
    main()
