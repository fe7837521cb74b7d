"""Train the Russian evaluative-word model (framing/models/ru/evaluative.npz + .json).

Run from the project root::

    python benchmarks/train_evaluative.py            # train, cross-validate, write the model
    python benchmarks/train_evaluative.py --check    # cross-validate only, write nothing
    python benchmarks/train_evaluative.py --extra    # add PolSentiLex (CC BY 4.0) and
                                                     # RuOpinionNE-2024 (MIT) labels

``--extra`` (issue #10, tried and not shipped: framing/models/ru/README.md,
"Richer supervision") adds the crowd votes of PolSentiLex / LinisCrowd and the
polar expressions of RuOpinionNE-2024 train as labels (``extra_labels``); the
project's lexicons win where they label a lemma.  Only weights are saved,
never their words; the json then records both sources, their licences and the
CC BY attribution.  With it, the cross-validation is also printed on the
project's own labels only, to compare the two models on the same words.

What it learns.  Whether a Russian lemma is *evaluative* in the sense of
docs/epithets.md, and if so its sign, from the navec news embedding of the
lemma (navec_news_v1_1B_250K_300d_100q, shipped inside the natasha wheel, so
nothing is downloaded).  Two word classes get models of their own, because
they are used in different places of the measure: **adjectives** (a quality of
an actor: flags a descriptor row whose word no lexicon lists) and **person
nouns** (a label standing for an actor: creates a nomination row for an
animate noun no lexicon lists).  Trained ONLY on the project's own lexicons
and on words of the development corpus no lexicon lists:

* positives: entries of ``evaluative.tsv`` that describe an actor (kind
  ``quality`` or ``label``) and entries of ``nominations.tsv`` with a non-zero
  polarity; the sign is the sign of the listed polarity;
* negatives: ``roles.tsv``, ``titles.tsv``, ``organisation_types.tsv``,
  ``inanimate_labels.tsv`` is left out, ``legal_designations.tsv`` is left out
  (its words are branded by law, not by meaning), the relational adjectives of
  ``actor_aliases.tsv`` ("российский"), the neutral person nouns and
  descriptive adjectives of ``neutral_descriptors.tsv``, and the most frequent
  adjectives and animate nouns of the five development Telegram channels
  (``../shared/data/telegram_ru_2024``; read from the annotation cache) that
  no evaluative list holds (no entry, no pattern, no feminine of an entry):
  ``N_FREQ_ADJ`` adjectives and ``N_FREQ_NOUN`` nouns.  Frequent words are
  mostly neutral; the few evaluative words among them that no list holds yet
  are noise the regularisation absorbs (the cross-validated figures below
  count them as neutral, so they are if anything pessimistic).

The part of speech of a lemma is its lexicon ``pos`` where listed, else
pymorphy3's first reading.  Pattern entries (``*нацист``) and multi-word
entries are skipped; a lemma without a navec vector is skipped.  For each
class two L2-regularised logistic regressions (scikit-learn, ``lbfgs``,
deterministic) are fitted on the unit-normalised vectors: ``evaluative``
(positives against negatives) and ``sign`` (negative against positive
polarity, positives only).  Only their weights are saved (``np.savez``, no
pickle); the json holds the training counts, the seed, the 5-fold
cross-validated figures over lemmas and the decision thresholds.

The thresholds (``--adj-threshold`` / ``--noun-threshold``; defaults: the
values chosen, recorded in the json and framing/models/ru/README.md) were
chosen from the cross-validated precision over lemmas and by reading the rows
the model adds on the five development channels: on the coded development
sets of ``benchmarks/evaluative_dev.py`` every threshold between 0.6 and 0.85
gave the same recall, so they could not choose.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
LEX = ROOT / "framing" / "lexicons" / "ru"
OUT = ROOT / "framing" / "models" / "ru"
SHARED = ROOT.parent / "shared" / "data"
SEED = 20261212
VERSION = 2
CS = (0.5, 1.0, 4.0, 16.0)
ADJ_THRESHOLD = 0.85
NOUN_THRESHOLD = 0.80
N_FREQ_ADJ = 3000
N_FREQ_NOUN = 1500
# --extra: licence-clean supervision from coded resources of others (see
# framing/models/ru/README.md and framing/lexicons/ru/SOURCES.md); only the
# weights learned from them are saved, never their words
POLSENTILEX = SHARED / "lexicons" / "polsentilex_linis" / "PolSentiLex-raw.csv"  # CC BY 4.0
RUOPINIONNE = SHARED / "ruopinionne2024" / "train.jsonl"  # MIT
PSL_MIN_VOTES = 3          # crowd votes a word needs to be labelled at all
PSL_EVAL_MEAN = 1.0        # |mean vote| at or above which a word is evaluative ...
PSL_AGREEMENT = 0.75       # ... when this share of its votes has the sign of the mean
PSL_NEUTRAL_MEAN = 0.25    # |mean vote| at or below which a word is neutral ...
PSL_NEUTRAL_ZERO = 0.67    # ... when this share of its votes is 0
ROP_MAX_WORDS = 3          # polar expressions of at most this many words are read
ROP_AGREEMENT = 0.8        # share of a lemma's polar expressions with its majority sign

# neutral person and group nouns and descriptive adjectives, written for this
# model (kinship, age, gender, occupations, situational roles, nationality and
# place, size, time, colour, procedure, legal status, animals):
# framing/lexicons/ru/neutral_descriptors.tsv, which the measure also reads
# (a word listed there is never scored by the model)

def _key(w):
    return w.strip().lower().replace("ё", "е")


def _keys(path, col="lemma", where=None):
    t = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False)
    if where is not None:
        t = t[where(t)]
    return [_key(x) for x in t[col]]


def _ok(w):
    return bool(w) and "*" not in w and " " not in w


_MORPH = None


def _pos(w):
    """ADJ or NOUN by pymorphy3's first reading (None for other classes)."""
    global _MORPH
    if _MORPH is None:
        import pymorphy3
        _MORPH = pymorphy3.MorphAnalyzer()
    tag = _MORPH.parse(w)[0].tag
    if tag.POS in ("ADJF", "ADJS"):
        return "ADJ"
    if tag.POS == "NOUN":
        return "NOUN"
    return None


def lexicon_words():
    """Every lemma an evaluative list holds (entries and patterns), to keep
    them out of the corpus negatives."""
    words, patterns = set(), []
    for name in ("evaluative.tsv", "nominations.tsv", "legal_designations.tsv", "inanimate_labels.tsv"):
        p = LEX / name
        if not p.exists():
            continue
        for w in _keys(p):
            if w.startswith("*"):
                patterns.append(w[1:])
            elif w:
                words.add(w)
    return words, tuple(patterns)


def corpus_negatives(listed, patterns):
    """The most frequent adjectives (not participles) and animate common nouns of
    the five development channels that no evaluative list holds, or two empty
    lists when the shared data are absent."""
    import epithets_eval
    import framing
    files = [SHARED / "telegram_ru_2024" / "raw" / f"{c}_messages.json" for c in epithets_eval.TUNING_CHANNELS]
    if not all(f.exists() for f in files):
        print("corpus negatives: skipped (no ../shared/data/telegram_ru_2024)")
        return [], []
    ann = framing.annotate(framing.read_telegram([str(f) for f in files]), progress=False)
    t = ann.tokens
    feats = t["feats"].astype(str)
    lem = t["lemma"].astype(str).str.lower().str.replace("ё", "е")
    ok = lem.str.fullmatch(r"[а-я]+(-[а-я]+)?") & ~t["text"].astype(str).str[:1].str.isupper()
    adj = Counter(lem[ok & (t["upos"] == "ADJ") & ~feats.str.contains("VerbForm")])
    noun = Counter(lem[ok & (t["upos"] == "NOUN") & feats.str.contains("Animacy=Anim")])

    def free(w):
        if w in listed or any(w.endswith(p) for p in patterns):
            return False
        # a feminine or diminutive of a listed label (психопатка, маньячка)
        return not any(w[:-k] in listed or w[:-k] + "ец" in listed or w[:-k] + "ик" in listed
                       for k in (1, 2, 3) if len(w) - k >= 4)

    a = [w for w, _ in adj.most_common() if free(w)][:N_FREQ_ADJ]
    n = [w for w, _ in noun.most_common() if free(w)][:N_FREQ_NOUN]
    return a, n


EXTRA_WORDS = set()  # the lemmas labelled by --extra only (for the comparison of crossval)


def _class_of(w):
    """ADJ (an adjective, not a participle) or NOUN (an animate noun: a person
    noun) by pymorphy3's first reading, else None: the two classes the model
    scores."""
    _pos("а")  # loads the analyser
    tag = _MORPH.parse(w)[0].tag
    if tag.POS in ("ADJF", "ADJS"):
        return "ADJ"
    if tag.POS == "NOUN" and tag.animacy == "anim":
        return "NOUN"
    return None


def _lemma(w):
    _pos("а")
    return _key(_MORPH.parse(w)[0].normal_form)


def polsentilex_labels():
    """{lemma: (class, evaluative 0/1, sign)} from the crowd votes of
    PolSentiLex / LinisCrowd (Koltsova et al. 2016; CC BY 4.0): a word with at
    least PSL_MIN_VOTES votes is evaluative when its mean vote is at least
    PSL_EVAL_MEAN in size and PSL_AGREEMENT of its votes share that sign, and
    neutral when its mean is within PSL_NEUTRAL_MEAN of 0 and PSL_NEUTRAL_ZERO
    of its votes are 0; other words (disputed, few votes) get no label."""
    import csv
    if not POLSENTILEX.exists():
        print(f"polsentilex: skipped (no {POLSENTILEX})")
        return {}
    votes = {}
    with open(POLSENTILEX, encoding="utf-8-sig", newline="") as f:
        for i, row in enumerate(csv.reader(f), 1):
            if len(row) != 2 or not row[1].strip().lstrip("-").isdigit():
                raise ValueError(f"{POLSENTILEX}:{i}: expected 'word,vote' with an integer vote, got {row!r}")
            votes.setdefault(_key(row[0]), []).append(int(row[1]))
    out = {}
    for w, v in votes.items():
        v = np.asarray(v)
        if len(v) < PSL_MIN_VOTES or not _ok(w):
            continue
        cls = _class_of(w)
        if cls is None:
            continue
        m = float(v.mean())
        if abs(m) >= PSL_EVAL_MEAN and (np.sign(v) == np.sign(m)).mean() >= PSL_AGREEMENT:
            out[w] = (cls, 1, 1 if m > 0 else -1)
        elif abs(m) <= PSL_NEUTRAL_MEAN and (v == 0).mean() >= PSL_NEUTRAL_ZERO:
            out[w] = (cls, 0, 0)
    return out


def ruopinionne_labels():
    """{lemma: (class, 1, sign)} from the polar expressions of RuOpinionNE-2024
    train (Dialogue evaluation 2024; MIT): every adjective or animate noun of a
    polar expression of at most ROP_MAX_WORDS words is evaluative with the
    opinion's polarity, when ROP_AGREEMENT of its occurrences agree on it."""
    if not RUOPINIONNE.exists():
        print(f"ruopinionne: skipped (no {RUOPINIONNE})")
        return {}
    import re
    signs = {}
    with open(RUOPINIONNE, encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                raise ValueError(f"{RUOPINIONNE}:{i}: not a JSON line ({e})") from e
            for op in rec.get("opinions", ()):
                sgn = {"POS": 1, "NEG": -1}.get(op.get("Polarity"))
                if sgn is None:
                    continue
                for text in op["Polar_expression"][0]:
                    words = re.findall(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)?", text)
                    if not words or len(words) > ROP_MAX_WORDS:
                        continue
                    for w in words:
                        if w[:1].isupper() and w is not words[0]:
                            continue  # a name inside the expression
                        cls = _class_of(w.lower())
                        if cls:
                            signs.setdefault((_lemma(w.lower()), cls), []).append(sgn)
    out = {}
    for (w, cls), v in signs.items():
        v = np.asarray(v)
        m = 1 if (v > 0).mean() > 0.5 else -1
        if _ok(w) and len(w) >= 4 and (v == m).mean() >= ROP_AGREEMENT:
            out[w] = (cls, 1, m)
    return out


def extra_labels():
    """The labels of ``--extra``: PolSentiLex and RuOpinionNE merged; a lemma
    the two label differently (evaluative in one, neutral or the other sign in
    the other) is dropped."""
    a, b = polsentilex_labels(), ruopinionne_labels()
    out = {}
    for w in sorted(set(a) | set(b)):
        la, lb = a.get(w), b.get(w)
        if la and lb and la[1:] != lb[1:]:
            continue
        out[w] = la or lb
    n = Counter((c, e) for c, e, _ in out.values())
    print(f"extra labels: PolSentiLex {len(a)}, RuOpinionNE {len(b)}, merged {len(out)} "
          f"(ADJ {n['ADJ', 1]} evaluative / {n['ADJ', 0]} neutral; NOUN {n['NOUN', 1]} / {n['NOUN', 0]})")
    return out


def training_set(extra=False):
    """{"ADJ": rows, "NOUN": rows}, rows of (lemma, evaluative 0/1, sign -1/0/+1)
    from the project's lexicons and the corpus negatives; a lemma listed both
    ways keeps its evaluative label.  With ``extra``, the labels of
    ``extra_labels`` are added: the project's lexicons win where they label a
    lemma, an extra label wins over a corpus negative (those are only presumed
    neutral)."""
    pos, pos_tag = {}, {}
    ev = pd.read_csv(LEX / "evaluative.tsv", sep="\t", dtype=str, keep_default_na=False)
    for lem, p, pos_, kind in zip(ev["lemma"], ev["polarity"], ev["pos"], ev["kind"]):
        lem = _key(lem)
        if _ok(lem) and kind in ("quality", "label") and pos_ in ("ADJ", "NOUN") and float(p) != 0:
            pos[lem] = 1 if float(p) > 0 else -1
            pos_tag[lem] = pos_
    nm = pd.read_csv(LEX / "nominations.tsv", sep="\t", dtype=str, keep_default_na=False)
    for lem, p in zip(nm["lemma"], nm["polarity"]):
        lem = _key(lem)
        if _ok(lem) and p.strip() and float(p) != 0:
            pos.setdefault(lem, 1 if float(p) > 0 else -1)
            pos_tag.setdefault(lem, "NOUN")
    neg = set()
    neg.update(_keys(LEX / "roles.tsv"))
    neg.update(_keys(LEX / "titles.tsv"))
    neg.update(_keys(LEX / "organisation_types.tsv"))
    neg.update(_keys(LEX / "actor_aliases.tsv", "alias", lambda t: t["kind"] == "adjective"))
    neg.update(_keys(LEX / "neutral_descriptors.tsv"))
    listed, patterns = lexicon_words()
    fa, fn = corpus_negatives(listed | set(pos), patterns)
    neg = {w for w in neg if _ok(w) and w not in pos}
    out = {"ADJ": [], "NOUN": []}
    for w, s in sorted(pos.items()):
        out[pos_tag[w]].append((w, 1, s))
    for w in sorted(neg):
        p = _pos(w)
        if p:
            out[p].append((w, 0, 0))
    seen = {r[0] for rows in out.values() for r in rows}
    ext = extra_labels() if extra else {}
    ext = {w: r for w, r in ext.items() if w not in seen and w not in listed and
           not any(w.endswith(p) for p in patterns)}
    EXTRA_WORDS.update(ext)
    for w, (cls, e, sg) in sorted(ext.items()):
        out[cls].append((w, e, sg))
    seen |= set(ext)
    out["ADJ"] += [(w, 0, 0) for w in fa if w not in seen]
    out["NOUN"] += [(w, 0, 0) for w in fn if w not in seen]
    return out


def load_navec():
    from framing.annotate.ru import model_path
    from navec import Navec
    return Navec.load(model_path("navec"))


def vectors(nv, words):
    keep, X = [], []
    for w in words:
        v = nv.get(w)
        if v is None:
            continue
        keep.append(w)
        X.append(v / (np.linalg.norm(v) or 1.0))
    return keep, np.asarray(X, dtype=np.float64)


def fit(X, y, seed=SEED, c=1.0):
    from sklearn.linear_model import LogisticRegression
    m = LogisticRegression(C=c, max_iter=5000, random_state=seed, class_weight="balanced")
    m.fit(X, y)
    return m


def crossval(X, y, sign, groups, seed=SEED, c=1.0, mask=None):
    """5-fold cross-validation over lemmas (stratified, grouped by lemma so
    that no lemma is in two folds; fixed seed).  With ``mask``, the figures
    are computed on the masked lemmas only (trained on all): the project's
    own labels, so that models trained with and without ``--extra`` are
    compared on the same words."""
    from sklearn.metrics import average_precision_score
    from sklearn.model_selection import StratifiedGroupKFold
    skf = StratifiedGroupKFold(5, shuffle=True, random_state=seed)
    score = np.zeros(len(y))
    sgn = np.zeros(len(y))
    for tr, te in skf.split(X, y, groups):
        score[te] = fit(X[tr], y[tr], c=c).predict_proba(X[te])[:, 1]
        ptr = tr[y[tr] == 1]
        sm = fit(X[ptr], (sign[ptr] > 0).astype(int), c=c)
        sgn[te] = np.where(sm.predict_proba(X[te])[:, 1] >= 0.5, 1, -1)
    if mask is not None:
        y, sign, score, sgn = y[mask], sign[mask], score[mask], sgn[mask]
    out = {}
    for th in (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95):
        pred = score >= th
        tp = int((pred & (y == 1)).sum())
        out[f"{th:.2f}"] = {"precision": round(tp / max(int(pred.sum()), 1), 3),
                            "recall": round(tp / max(int((y == 1).sum()), 1), 3)}
    posm = y == 1
    out["sign_accuracy"] = round(float((sgn[posm] == sign[posm]).mean()), 3)
    out["average_precision"] = round(float(average_precision_score(y, score)), 4)
    return out


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--adj-threshold", type=float, default=ADJ_THRESHOLD)
    ap.add_argument("--noun-threshold", type=float, default=NOUN_THRESHOLD)
    ap.add_argument("--extra", action="store_true",
                    help="add the PolSentiLex (CC BY 4.0) and RuOpinionNE-2024 (MIT) labels")
    a = ap.parse_args(argv)
    sets = training_set(extra=a.extra)
    nv = load_navec()
    arrays, meta = {}, {
        "model": "logistic regressions over unit-normalised navec vectors of lemmas, one per word class",
        "embedding": "navec_news_v1_1B_250K_300d_100q (natasha wheel, natasha/data/emb)",
        "version": VERSION, "seed": SEED, "C_grid": list(CS), "class_weight": "balanced",
        "thresholds": {"ADJ": a.adj_threshold, "NOUN": a.noun_threshold},
        "thresholds_chosen_on": "cross-validated precision over lemmas (ADJ >= 0.80 at its threshold; NOUN >= 0.85 "
                                "where a row is created, threshold + NOMINATION_MARGIN) and the rows the model adds "
                                "on the five development channels, read by hand (framing/models/ru/README.md); the "
                                "coded development sets did not separate the candidates",
        "n_corpus_negatives": {"ADJ": N_FREQ_ADJ, "NOUN": N_FREQ_NOUN},
        "trained_by": "python benchmarks/train_evaluative.py",
        "classes": {},
    }
    if a.extra:
        meta["trained_by"] += " --extra"
        meta["extra_sources"] = [
            {"name": "PolSentiLex (LinisCrowd raw crowd votes)", "licence": "CC BY 4.0",
             "attribution": "Koltsova, O., Alexeeva, S., & Koltsov, S. (2016). An Opinion Word Lexicon and a "
                            "Training Dataset for Russian Sentiment Analysis of Social Media. Dialogue 2016, "
                            "277-287; https://github.com/linis-group/PolSentiLex (data not redistributed; only "
                            "weights learned from it)",
             "rule": f">= {PSL_MIN_VOTES} votes; evaluative when |mean| >= {PSL_EVAL_MEAN} and >= {PSL_AGREEMENT} "
                     f"of votes share its sign; neutral when |mean| <= {PSL_NEUTRAL_MEAN} and >= "
                     f"{PSL_NEUTRAL_ZERO} of votes are 0; adjectives and animate nouns only"},
            {"name": "RuOpinionNE-2024 train (Polar_expression spans)", "licence": "MIT",
             "attribution": "RuOpinionNE-2024, Dialogue evaluation 2024, http://www.dialog-21.ru/en/evaluation/",
             "rule": f"adjectives and animate nouns of polar expressions of <= {ROP_MAX_WORDS} words, evaluative "
                     f"with the opinion's polarity when >= {ROP_AGREEMENT} of occurrences agree"}]
    for cls, rows in sets.items():
        words, X = vectors(nv, [r[0] for r in rows])
        lab = {r[0]: r for r in rows}
        y = np.array([lab[w][1] for w in words])
        sign = np.array([lab[w][2] for w in words])
        print(f"{cls}: {len(rows)} lemmas listed, {len(words)} with a navec vector "
              f"({int(y.sum())} evaluative: {int((sign < 0).sum())} negative, {int((sign > 0).sum())} positive; "
              f"{int((y == 0).sum())} neutral)")
        grid = {c: crossval(X, y, sign, np.asarray(words), c=c) for c in CS}
        for c, r in grid.items():
            print(f"{cls} C={c:g}: 5-fold CV over lemmas: {json.dumps(r)}")
        if a.extra:
            own = np.array([w not in EXTRA_WORDS for w in words])
            for c in CS:
                r = crossval(X, y, sign, np.asarray(words), c=c, mask=own)
                print(f"{cls} C={c:g}: 5-fold CV, scored on the project's own labels only: {json.dumps(r)}")
        c_best = max(CS, key=lambda c: (grid[c]["average_precision"], -c))
        print(f"{cls}: chosen C={c_best:g}")
        m = fit(X, y, c=c_best)
        pm = y == 1
        sm = fit(X[pm], (sign[pm] > 0).astype(int), c=c_best)
        k = cls.lower()
        arrays.update({f"{k}_eval_coef": m.coef_[0].astype(np.float32),
                       f"{k}_eval_intercept": np.float32(m.intercept_[0]),
                       f"{k}_sign_coef": sm.coef_[0].astype(np.float32),
                       f"{k}_sign_intercept": np.float32(sm.intercept_[0])})
        meta["classes"][cls] = {"C": c_best, "n_evaluative": int(y.sum()),
                                "n_negative_sign": int((sign < 0).sum()), "n_positive_sign": int((sign > 0).sum()),
                                "n_neutral": int((y == 0).sum()), "crossval": grid[c_best]}
    if a.check:
        return
    OUT.mkdir(parents=True, exist_ok=True)
    np.savez(OUT / "evaluative.npz", **arrays)
    (OUT / "evaluative.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT / 'evaluative.npz'} and {OUT / 'evaluative.json'}")


if __name__ == "__main__":
    main()
