"""The evaluative-word model: scores words the evaluation lexicons do not list.

Two logistic regressions per word class (adjectives, person nouns) over the
unit-normalised navec news vector of a lemma, trained only on the project's
own lexicon entries against neutral words by ``benchmarks/train_evaluative.py``
and stored as arrays (``framing/models/<lang>/evaluative.npz``, read with
``allow_pickle=False``) with their decision thresholds and version in
``evaluative.json``.  Word embeddings carry the evaluative orientation of words
they were never told about: a seed lexicon extends to its neighbours in the
space (Turney & Littman 2003; Hamilton et al. 2016).  Only Russian ships a
model: no Ukrainian vectors come with the project's dependencies, so
Ukrainian and English stay lexicon-only.  See framing/models/ru/README.md.

References
----------
Hamilton, W. L., Clark, K., Leskovec, J., & Jurafsky, D. (2016). Inducing
domain-specific sentiment lexicons from unlabeled corpora. EMNLP, 595–605.
Kukushkin, A. (2020). Navec: compact high quality word embeddings for Russian
language. https://github.com/natasha/navec
Turney, P. D., & Littman, M. L. (2003). Measuring praise and criticism:
inference of semantic orientation from association. ACM TOIS, 21(4), 315–346.
"""

from __future__ import annotations

import functools
import json
import os

import numpy as np

from ._names import lower_key

MODEL_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "models")
#: word classes with a model of their own
CLASSES = ("ADJ", "NOUN")

def model_files(lang):
    """Paths of the model's arrays and metadata for ``lang``."""
    return (os.path.join(MODEL_DIR, lang, "evaluative.npz"), os.path.join(MODEL_DIR, lang, "evaluative.json"))


@functools.lru_cache(maxsize=None)
def load(lang):
    """The evaluative-word model of ``lang`` as a dict (weights per class,
    thresholds, version, the navec vectors), loaded once; ``None`` when the
    language ships none (Ukrainian, English)."""
    npz, js = model_files(lang)
    model = None
    if lang == "ru" and os.path.exists(npz) and os.path.exists(js):
        try:
            from ..annotate.ru_parser import navec_vectors
            vectors = navec_vectors()
        except ImportError as e:
            from .._errors import missing_dependency
            raise missing_dependency("natasha", "the Russian evaluative-word model (navec vectors); "
                                     "or call framing.epithets(..., model=False)") from e
        with open(js, encoding="utf-8") as f:
            meta = json.load(f)
        with np.load(npz, allow_pickle=False) as z:
            weights = {c: (z[f"{c.lower()}_eval_coef"].astype("float64"), float(z[f"{c.lower()}_eval_intercept"]),
                           z[f"{c.lower()}_sign_coef"].astype("float64"), float(z[f"{c.lower()}_sign_intercept"]))
                       for c in CLASSES}
        model = {"weights": weights, "thresholds": {c: float(meta["thresholds"][c]) for c in CLASSES},
                 "version": int(meta["version"]), "navec": vectors, "cache": {}}
    return model


def score(model, lemma, cls):
    """``(probability evaluative, sign ±1)`` of ``lemma`` as a word of class
    ``cls`` ("ADJ" or "NOUN"), or ``None`` when navec has no vector for it."""
    key = (lower_key(lemma), cls)
    cache = model["cache"]
    if key in cache:
        return cache[key]
    v = model["navec"].get(key[0])
    out = None
    if v is not None:
        v = np.asarray(v, dtype="float64")
        v = v / (np.linalg.norm(v) or 1.0)
        coef, b, scoef, sb = model["weights"][cls]
        pe = 1.0 / (1.0 + np.exp(-(v @ coef + b)))
        out = (float(pe), 1 if v @ scoef + sb >= 0 else -1)
    cache[key] = out
    return out


def polarity(model, lemma, cls, margin=0.0):
    """±0.5 (the sign of the model) when ``lemma`` scores at or above the
    class threshold plus ``margin``, else ``None``."""
    sc = score(model, lemma, cls)
    if sc is None or sc[0] < model["thresholds"][cls] + margin:
        return None
    return 0.5 * sc[1]
