"""Frames: the frame classifier and the frame dictionaries on SemEval-2023 Task 3 (issue #15).

Prints, for the labelled Russian articles (96) and the English ones (433), the
5-fold cross-validated micro- and macro-F1 (mean over five fold seeds 0–4, and
their standard deviation, so that a figure is not one draw of the folds) of

- the all-frames baseline (every article gets all 14 frames);
- the frame dictionary alone, unsupervised (each article's three
  highest-scoring frames of :func:`framing.frames`);
- each view of :class:`framing.FrameClassifier` alone (lemmas, vectors,
  dictionary) and the soft vote, Russian with and without the English articles
  as extra training data for the dictionary view.

Only training articles are read: SemEval's ``dev-articles`` are never used
(no vocabulary is fitted on them).  The published subtask-2 results
(Piskorski et al. 2023, Table 5: test-set micro-F1 per language) are not
available offline here; compare with that table, keeping in mind that it is a
different (test) split.

The target of issue #15 is the Russian soft vote with the English articles
(framing's default for Russian): micro-F1 >= 0.55 on held-out Russian articles.
Measured 2026-12-05 over fold seeds 0–4: 0.555 ± 0.013 (per seed 0.555, 0.571,
0.543, 0.537, 0.567; macro-F1 0.437): the mean meets the target, two of the five
fold draws fall under it.  Tried for robustness on the same seeds and not kept
(issue #15, 2026-12-05): giving every article at least its most probable frame
(all SemEval articles have one) 0.554 ± 0.014 (0.551, 0.571, 0.540, 0.540,
0.570); choosing the threshold on the inner micro-F1 averaged over three fold
splits instead of one (repeated cross-validation, Krstajic et al. 2014,
J. Cheminformatics 6:10) 0.554 ± 0.010 (0.550, 0.556, 0.539, 0.553, 0.570) at
three times the training time.  Neither moves the mean; the spread is that of
five draws of 19-article test folds.

Also tried and not kept (issue #15, 2026-12-05; the same nested protocol, each
view's inner out-of-fold and outer probabilities computed once and combined
afterwards, which reproduces the default's 0.555, 0.571, 0.543 on fold seeds
0–2): one threshold per frame, chosen on the inner out-of-fold probabilities
by coordinate ascent of micro-F1 from the common threshold, 0.540 ± 0.012
(fold seeds 0–2; macro 0.401), and the same shrunk half-way to the common
threshold 0.554 ± 0.007 (macro 0.423), against 0.557 ± 0.012 (macro 0.438)
for the common threshold; for the dictionary view alone per-frame thresholds
do help (0.487 ± 0.006 and 0.482 ± 0.005 against 0.467 ± 0.007, fold seeds
0–4), but not in the vote.  Vote weights (lemmas, vectors, dictionary)
2:1:1 0.555, 1:2:1 0.542, 1:1:2 0.529, 1:1:0.5 0.554 (fold seeds 0–2) against
1:1:1 0.557; lemmas + dictionary without the vectors 0.535 (fold seeds 0–4).
Lemma bigrams in the lemma view: the view 0.480 against 0.487, the vote
0.549 ± 0.012 against 0.557 (fold seeds 0–2).  The equal vote over unigram
lemmas with one threshold stays the default.

Run: ``python benchmarks/frames_eval.py [--quick] [--lang ru]`` (``--quick``: fold
seed 0 only; ``--lang``: one language).
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SEMEVAL = ROOT.parent / "shared" / "data" / "semeval2023_task3"

import framing  # noqa: E402
from framing.frame import cross_validate_frames, frame_labels  # noqa: E402
from framing.frame.classifier import _binarize_with, _macro_f1, _micro_f1  # noqa: E402


def load(lang):
    corpus = framing.read_semeval2023(SEMEVAL, lang=lang, progress=False)
    corpus = corpus.filter(corpus.docs["frames"].notna())
    ann = framing.annotate(corpus, progress=False)
    labels = frame_labels(dict(zip(corpus.docs["doc_id"], corpus.docs["frames"])))
    return ann, labels


def baseline_rows(ann, labels):
    classes = sorted({f for fs in labels for f in fs})
    ids = ann.docs["doc_id"].tolist()
    Y = _binarize_with(classes, [labels[d] for d in ids])
    out = {"all frames": (_micro_f1(Y, np.ones_like(Y)), _macro_f1(Y, np.ones_like(Y)))}
    scores = framing.frames(ann, scheme="policy")
    wide = scores.pivot_table(index="doc_id", columns="frame", values="score", sort=False).reindex(ids)
    wide = wide.reindex(columns=classes).fillna(0.0).to_numpy()
    top = np.zeros_like(Y)
    np.put_along_axis(top, np.argsort(-wide, axis=1)[:, :3], 1, axis=1)
    out["dictionary, top 3 (unsupervised)"] = (_micro_f1(Y, top), _macro_f1(Y, top))
    return out


def cv_row(ann, labels, seeds, **params):
    micro, macro = [], []
    for s in seeds:
        cv = cross_validate_frames(ann, labels, folds=5, seed=s, **params)
        micro.append(cv.attrs["micro_f1"])
        macro.append(cv.attrs["macro_f1"])
    return np.mean(micro), np.std(micro), np.mean(macro)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="fold seed 0 only")
    ap.add_argument("--lang", choices=("ru", "en"), help="one language only")
    args = ap.parse_args()
    if not SEMEVAL.exists():
        print(f"frames_eval: skipped: {SEMEVAL} is absent (SemEval-2023 Task 3 data)")
        return
    warnings.simplefilter("ignore")
    seeds = [0] if args.quick else [0, 1, 2, 3, 4]
    ru, ru_y = load("ru")
    en, en_y = load("en")
    print(f"articles: ru {len(ru_y)} labelled, en {len(en_y)} labelled; 5-fold CV, fold seeds {seeds}")
    print(f"{'lang':4s} {'method':52s} {'micro-F1':>9s} {'±sd':>6s} {'macro-F1':>9s} {'sec':>6s}")
    for lang, ann, y, extra in (("ru", ru, ru_y, (en, en_y)), ("en", en, en_y, None)):
        if args.lang and lang != args.lang:
            continue
        for name, (mi, ma) in baseline_rows(ann, y).items():
            print(f"{lang:4s} {name:52s} {mi:9.3f} {'':>6s} {ma:9.3f} {'':>6s}")
        configs = [("lemmas view", dict(components=("lemmas",)))]
        if lang == "ru":
            configs += [("vectors view (navec)", dict(components=("vectors",))),
                        ("dictionary view, ru labels only", dict(components=("dictionary",))),
                        ("dictionary view, + en articles", dict(components=("dictionary",), extra=extra)),
                        ("vote: lemmas + vectors + dictionary", dict()),
                        ("vote + en articles (framing default for ru)", dict(extra=extra))]
        else:
            configs += [("dictionary view", dict(components=("dictionary",))),
                        ("vote: lemmas + dictionary", dict(components=("lemmas", "dictionary")))]
        for name, params in configs:
            t = time.perf_counter()
            mi, sd, ma = cv_row(ann, y, seeds, **params)
            print(f"{lang:4s} {name:52s} {mi:9.3f} {sd:6.3f} {ma:9.3f} {time.perf_counter() - t:6.1f}", flush=True)
            if lang == "ru" and "framing default" in name:
                print(f"     target: micro-F1 >= 0.55 (mean over fold seeds {seeds}: {mi:.3f} ± {sd:.3f}, "
                      f"{'met' if mi >= 0.55 else 'NOT met'})", flush=True)
    print("published (SemEval-2023 Task 3 subtask 2, test split): see Piskorski et al. 2023, Table 5; "
          "not reproducible offline")


if __name__ == "__main__":
    main()
