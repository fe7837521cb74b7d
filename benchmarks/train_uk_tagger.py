"""Train the Ukrainian disambiguator (UPOS tagger + lemma ranker) and print its cross-validated accuracy.

Usage::

    python benchmarks/train_uk_tagger.py [--conllu ../shared/data/ud/uk_iu-ud-dev.conllu]
                                         [--folds 5] [--seed 0] [--no-save] [--cv-only]

The only Ukrainian treebank at hand is the dev part of UD Ukrainian-IU, so the
honest figure is k-fold cross-validation by blocks of whole documents: train on
k-1 blocks, score the held-out block, rotate.  Inside each training part the
ranker learns from UPOS tags predicted by taggers that did not see those
sentences (jackknifing), as it will meet predicted tags in use.  The printed
baselines are measured in the same run on the same tokens: pymorphy3's first
parse and simplemma.  The shipped model is then trained on the whole file and
written to ``framing/models/uk/disambiguator.npz`` (+ ``.json`` with the
figures).  Lemmas compare lowercased, with ё = е, stress marks removed and one
apostrophe form.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing.annotate import uk as U  # noqa: E402
from framing.lang import uk as L  # noqa: E402

DEFAULT_CONLLU = ROOT.parent / "shared" / "data" / "ud" / "uk_iu-ud-dev.conllu"


def read_conllu(path):
    """Sentences grouped by document: list of (doc_id, [(form, lemma, upos, feats), ...])."""
    sents, cur, doc = [], [], "doc0"
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            if line.startswith("# newdoc"):
                doc = line.split("=", 1)[-1].strip()
            continue
        if not line.strip():
            if cur:
                sents.append((doc, cur))
                cur = []
            continue
        c = line.split("\t")
        if "-" in c[0] or "." in c[0]:
            continue
        cur.append((c[1], c[2], c[3], c[5]))
    if cur:
        sents.append((doc, cur))
    return sents


def doc_folds(sents, k):
    """Fold number per sentence: contiguous blocks of whole documents of about equal token counts."""
    docs = []
    for d, s in sents:
        if not docs or docs[-1][0] != d:
            docs.append([d, 0])
        docs[-1][1] += len(s)
    total = sum(n for _, n in docs)
    fold_of_doc, acc = {}, 0
    for d, n in docs:
        fold_of_doc.setdefault(d, min(k - 1, int(k * (acc + n / 2) / total)))
        acc += n
    return np.array([fold_of_doc[d] for d, _ in sents])


class Featurized:
    """Per-sentence analyses, tagger features and candidates, computed once."""

    def __init__(self, morph, sents):
        self.sents = sents
        self.an = [[morph.analyse(w[0]) for w in s] for _, s in sents]
        self.tag_feats = [[U.tagger_features(an, i) for i in range(len(an))] for an in self.an]
        self.cands = [[U.candidates(morph, an, i) for i in range(len(an))] for an in self.an]
        self.gold_upos = [[w[2] for w in s] for _, s in sents]
        self.gold_lemma = [[L.lemma_key(w[1]) for w in s] for _, s in sents]


def _csr(feature_lists, vocab, grow):
    from scipy.sparse import csr_matrix
    indptr, indices = [0], []
    for fl in feature_lists:
        for h in U.hash_features(fl).tolist():
            j = vocab.get(h)
            if j is None and grow:
                j = vocab[h] = len(vocab)
            if j is not None:
                indices.append(j)
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float32)
    return csr_matrix((data, indices, indptr), shape=(len(feature_lists), len(vocab)))


def _fit_linear(feature_lists, y, *, C, seed, multiclass):
    from sklearn.svm import LinearSVC
    vocab = {}
    X = _csr(feature_lists, vocab, grow=True)
    X.sum_duplicates()
    clf = LinearSVC(C=C, random_state=seed, max_iter=5000)
    clf.fit(X, y)
    keys = np.array(sorted(vocab, key=vocab.get), dtype=np.uint32)
    if multiclass:
        W = np.zeros((len(vocab), len(U.UPOS_TAGS)), dtype=np.float32)
        for k, cls in enumerate(clf.classes_):
            W[:, U.UPOS_TAGS.index(cls)] = clf.coef_[k]
        # LinearSVC's coefficient matrix is one row per class (one-vs-rest) when there are more than two
        # the intercept goes on the always-present bias feature
        b = keys.tolist().index(U.hash_features(["b"])[0])
        for k, cls in enumerate(clf.classes_):
            W[b, U.UPOS_TAGS.index(cls)] += clf.intercept_[k]
        missing = [c for c in U.UPOS_TAGS if c not in clf.classes_]
        for c in missing:
            W[b, U.UPOS_TAGS.index(c)] = -50.0
        return U.LinearModel(keys, W)
    w = clf.coef_[0].astype(np.float32)
    b = keys.tolist().index(U.hash_features(["b"])[0])
    w[b] += clf.intercept_[0]
    return U.LinearModel(keys, w)


def prune(model: U.LinearModel, threshold: float) -> U.LinearModel:
    w = model.weights
    mag = np.abs(w) if w.ndim == 1 else np.abs(w - w.mean(axis=1, keepdims=True)).max(axis=1)
    keep = mag >= threshold
    return U.LinearModel(model.keys[keep], w[keep])


def fit_tagger(F, idx, *, C, seed):
    X = [f for i in idx for f in F.tag_feats[i]]
    y = [u for i in idx for u in F.gold_upos[i]]
    return _fit_linear(X, y, C=C, seed=seed, multiclass=True)


def predict_upos(F, model, idx):
    out = {}
    for i in idx:
        an = F.an[i]
        if not an:
            out[i] = []
            continue
        s = model.scores(F.tag_feats[i])
        tags = [U.UPOS_TAGS[k] for k in s.argmax(axis=1)]
        for j, a in enumerate(an):
            r = U._rule_upos(a)
            if r:
                tags[j] = r
        out[i] = tags
    return out


def ranker_rows(F, idx, upos):
    X, y = [], []
    for i in idx:
        an = F.an[i]
        for j, cands in enumerate(F.cands[i]):
            labels = [c.key == F.gold_lemma[i][j] for c in cands]
            if len(cands) < 2 or not any(labels):
                continue
            for c, lab in zip(cands, labels):
                X.append(U.lemma_features(an, j, c, upos[i][j], len(cands)))
                y.append(int(lab))
    return X, y


def jackknife_upos(F, idx, *, k, C, seed):
    """UPOS of the sentences ``idx`` predicted by taggers that did not see them."""
    idx = np.asarray(idx)
    parts = np.arange(len(idx)) * k // max(1, len(idx))
    out = {}
    for p in range(k):
        model = fit_tagger(F, idx[parts != p], C=C, seed=seed)
        out.update(predict_upos(F, model, idx[parts == p]))
    return out


def train(F, idx, *, seed, C_tag, C_lem, inner_k=4):
    upos_jk = jackknife_upos(F, idx, k=inner_k, C=C_tag, seed=seed)
    tagger = fit_tagger(F, idx, C=C_tag, seed=seed)
    X, y = ranker_rows(F, idx, upos_jk)
    ranker = _fit_linear(X, y, C=C_lem, seed=seed, multiclass=False)
    return U.UkModel(tagger, ranker)


def evaluate(morph, F, model, idx):
    n = lem = up = fe = first = sm = 0
    for i in idx:
        an = F.an[i]
        upos = predict_upos(F, model.tagger, [i])[i]
        best = U.choose_lemmas(morph, model, an, upos)
        lemmas = [U._output_lemma(a, c, u) for a, c, u in zip(an, best, upos)]
        feats = U.sentence_feats(an, best, upos, lemmas)
        for j, (a, c, u) in enumerate(zip(an, best, upos)):
            gold_form, gold_lemma, gold_upos, gold_feats = F.sents[i][1][j]
            g = F.gold_lemma[i][j]
            n += 1
            lem += L.lemma_key(lemmas[j]) == g
            up += u == gold_upos
            fe += feats[j] == gold_feats
            first += L.lemma_key(a.parses[0][1] if a.parses else a.lower) == g
            sm += L.lemma_key(a.simplemma) == g
    return dict(n=n, lemma=100 * lem / n, upos=100 * up / n, feats=100 * fe / n,
                first_parse=100 * first / n, simplemma=100 * sm / n)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--conllu", default=str(DEFAULT_CONLLU))
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--C-tag", type=float, default=0.1)
    ap.add_argument("--C-lem", type=float, default=0.1)
    ap.add_argument("--prune", type=float, default=0.0)
    ap.add_argument("--cv-only", action="store_true", help="print the cross-validated figures, save nothing")
    ap.add_argument("--no-cv", action="store_true", help="train and save the model without cross-validation")
    ap.add_argument("--no-save", action="store_true")
    args = ap.parse_args(argv)

    np.random.seed(args.seed)
    t0 = time.time()
    morph = U.Morphology()
    sents = read_conllu(args.conllu)
    F = Featurized(morph, sents)
    folds = doc_folds(sents, args.folds)
    ntok = sum(len(s) for _, s in sents)
    print(f"{args.conllu}: {len(sents)} sentences, {ntok} tokens, {len(set(d for d, _ in sents))} documents; "
          f"features in {time.time() - t0:.1f}s")

    cv = None
    if not args.no_cv:
        tot = {}
        for k in range(args.folds):
            tr = np.flatnonzero(folds != k)
            te = np.flatnonzero(folds == k)
            model = train(F, tr, seed=args.seed, C_tag=args.C_tag, C_lem=args.C_lem)
            model = U.UkModel(prune(model.tagger, args.prune), prune(model.ranker, args.prune))
            r = evaluate(morph, F, model, te)
            print(f"fold {k + 1}/{args.folds}: {r['n']} tokens  lemma {r['lemma']:.2f}  upos {r['upos']:.2f}  "
                  f"feats {r['feats']:.2f}  | first parse {r['first_parse']:.2f}  simplemma {r['simplemma']:.2f}",
                  flush=True)
            for key, v in r.items():
                tot[key] = tot.get(key, 0) + (v * r["n"] / 100 if key != "n" else v)
        n = tot.pop("n")
        cv = {key: round(100 * v / n, 2) for key, v in tot.items()}
        print(f"\n{args.folds}-fold cross-validation by documents ({n} tokens):")
        print(f"  lemma accuracy        {cv['lemma']:.2f}   (target >= 95.5)")
        print(f"  pymorphy3 first parse {cv['first_parse']:.2f}   (baseline, same tokens)")
        print(f"  simplemma             {cv['simplemma']:.2f}   (baseline, same tokens)")
        print(f"  ratio to simplemma    {cv['lemma'] / cv['simplemma']:.4f}")
        print(f"  UPOS accuracy         {cv['upos']:.2f}")
        print(f"  feats exact match     {cv['feats']:.2f}")
    if args.cv_only or args.no_save:
        return cv

    all_idx = np.arange(len(sents))
    model = train(F, all_idx, seed=args.seed, C_tag=args.C_tag, C_lem=args.C_lem)
    model = U.UkModel(prune(model.tagger, args.prune), prune(model.ranker, args.prune))
    meta = {"trained_on": Path(args.conllu).name, "sentences": len(sents), "tokens": ntok,
            "licence_of_training_data": "UD Ukrainian-IU: CC BY-NC-SA 4.0 (see framing/models/uk/README.md)",
            "seed": args.seed, "C_tag": args.C_tag, "C_lem": args.C_lem, "prune": args.prune,
            "tagger_features": int(len(model.tagger.keys)), "ranker_features": int(len(model.ranker.keys))}
    if cv:
        meta["cv"] = cv
        meta["cv_folds"] = args.folds
    model.save(U.MODEL_FILE, meta)
    size = U.MODEL_FILE.stat().st_size
    print(f"\nwrote {U.MODEL_FILE.relative_to(ROOT)} ({size / 1e6:.2f} MB; tagger {len(model.tagger.keys)} "
          f"features, ranker {len(model.ranker.keys)}) in {time.time() - t0:.0f}s")
    return cv


if __name__ == "__main__":
    main()
