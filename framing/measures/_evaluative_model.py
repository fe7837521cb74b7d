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

from ._names import lower_key, morph_analyzer

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


#: pymorphy3 parts of speech of each model class, for the forms of a lemma navec lacks
_POS = {"ADJ": ("ADJF",), "NOUN": ("NOUN",)}


def _vector(model, lemma, cls):
    """The unit navec vector of ``lemma``; when navec lacks the lemma itself (its
    vocabulary holds the 250,000 most frequent word *forms*, and a rare word is
    often there only in its plural or oblique forms: "лицедеи", "троечников"),
    the normalised mean of the unit vectors of the forms of its lexeme that navec
    holds (pymorphy3's parses of class ``cls`` whose normal form is the lemma);
    ``None`` when no form is there."""
    navec = model["navec"]
    v = navec.get(lemma)
    if v is not None:
        v = np.asarray(v, dtype="float64")
        return v / (np.linalg.norm(v) or 1.0)
    if not lemma.isalpha():
        return None
    morph = morph_analyzer("ru")
    forms = set()
    for p in (morph.parse(lemma) if morph is not None else ()):
        if p.tag.POS in _POS[cls] and lower_key(p.normal_form) == lemma:
            forms.update(lower_key(f.word) for f in p.lexeme)
    vecs = [np.asarray(navec.get(f), dtype="float64") for f in sorted(forms) if navec.get(f) is not None]
    if not vecs:
        return None
    v = np.mean([x / (np.linalg.norm(x) or 1.0) for x in vecs], axis=0)
    return v / (np.linalg.norm(v) or 1.0)


def score(model, lemma, cls):
    """``(probability evaluative, sign ±1)`` of ``lemma`` as a word of class
    ``cls`` ("ADJ" or "NOUN"), or ``None`` when navec has no vector for it nor
    for any form of it (``_vector``)."""
    key = (lower_key(lemma), cls)
    cache = model["cache"]
    if key in cache:
        return cache[key]
    v = _vector(model, key[0], cls)
    out = None
    if v is not None:
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
