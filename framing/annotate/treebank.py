"""Evaluate the annotation backends on a CoNLL-U treebank, with its gold tokens.

``evaluate_treebank(path, lang)`` reads the file, gives the gold word forms of
each sentence to the language's backend (:meth:`annotate_tokens`: gold
tokenisation, so segmentation errors do not count) and compares:

``lemma_acc``
    lemmas, compared lowercased, with ``ё`` = ``е`` and one apostrophe form;
``lemma_acc_content``
    the same on NOUN, VERB, ADJ, ADV, PROPN (gold UPOS);
``upos_acc``
    universal POS tags;
``uas``, ``las``
    unlabelled / labelled attachment scores (relation subtypes such as
    ``:pass`` stripped, as in the CoNLL 2018 shared task); ``null`` where the
    backend has no parser.

All scores are percentages.  Multiword-token ranges and empty nodes are skipped.

References
----------
Zeman, D., Hajič, J., Popel, M., Potthast, M., Straka, M., Ginter, F., Nivre, J.,
& Petrov, S. (2018). CoNLL 2018 shared task: Multilingual parsing from raw text
to Universal Dependencies. *Proceedings of the CoNLL 2018 Shared Task*, 1–21.
"""

from __future__ import annotations

from pathlib import Path

from .._errors import SchemaError
from ._backend import get_backend, normalize_layers

CONTENT_UPOS = frozenset({"NOUN", "VERB", "ADJ", "ADV", "PROPN"})
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "`": "'", "´": "'", "ʹ": "'"})


def read_conllu(path, *, limit: int | None = None) -> list[dict]:
    """Sentences of a CoNLL-U file: per sentence lists ``form, lemma, upos, feats, head, deprel``.

    Parameters
    ----------
    path : path
    limit : int, optional
        Read at most this many sentences.
    """
    path = Path(path)
    sents, cur = [], None
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip():
                if cur and cur["form"]:
                    sents.append(cur)
                    if limit is not None and len(sents) >= limit:
                        return sents
                cur = None
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 10:
                raise SchemaError(f"{path}, line {lineno}: a CoNLL-U token line has 10 tab-separated "
                                  f"columns, this one has {len(cols)}. Fix or remove the line.")
            if "-" in cols[0] or "." in cols[0]:
                continue
            if cur is None:
                cur = {k: [] for k in ("form", "lemma", "upos", "feats", "head", "deprel")}
            cur["form"].append(cols[1])
            cur["lemma"].append(cols[2])
            cur["upos"].append(cols[3])
            cur["feats"].append(cols[5])
            cur["head"].append(int(cols[6]) if cols[6].isdigit() else -1)
            cur["deprel"].append(cols[7])
    if cur and cur["form"]:
        sents.append(cur)
    return sents[:limit] if limit is not None else sents


def norm_lemma(s: str) -> str:
    """Lemma comparison form: lowercased, ``ё`` → ``е``, one apostrophe."""
    return s.lower().replace("ё", "е").translate(_APOSTROPHES)


def predict_treebank(path, lang: str, *, layers=None, limit: int | None = None, batch: int = 2000):
    """Gold sentences and the backend's predictions on their gold tokens."""
    gold = read_conllu(path, limit=limit)
    backend = get_backend(lang)
    lay = backend.effective_layers(normalize_layers(layers) - {"ner"})
    preds = []
    for i in range(0, len(gold), batch):
        preds.extend(backend.annotate_tokens([s["form"] for s in gold[i:i + batch]], layers=lay))
    return gold, preds, backend, lay


def evaluate_treebank(path, lang: str, *, layers=None, limit: int | None = None) -> dict:
    """Accuracy of the ``lang`` backend on a CoNLL-U file, with gold tokenisation.

    Parameters
    ----------
    path : path
        A CoNLL-U file (e.g. a UD dev set).
    lang : str
        The backend to evaluate (``"ru"``, ``"uk"``, ``"en"``).
    layers : iterable of str, optional
        Layers to run (default: all the backend has).
    limit : int, optional
        Evaluate only the first ``limit`` sentences.

    Returns
    -------
    dict
        ``file``, ``lang``, ``backend``, ``sentences``, ``tokens``, ``lemma_acc``,
        ``lemma_acc_content``, ``upos_acc``, ``uas``, ``las`` (percentages;
        ``None`` for a layer the backend does not have).

    References
    ----------
    Zeman, D. et al. (2018). CoNLL 2018 shared task: Multilingual parsing from raw
    text to Universal Dependencies.

    Examples
    --------
    A one-sentence gold file (in practice a UD dev set such as
    ``ru_syntagrus-ud-dev.conllu``):

    >>> import framing, pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "gold.conllu"
    >>> _ = p.write_text(
    ...     "1\\tПесков\\tПесков\\tPROPN\\t_\\tCase=Nom\\t2\\tnsubj\\t_\\t_\\n"
    ...     "2\\tзаявил\\tзаявить\\tVERB\\t_\\t_\\t0\\troot\\t_\\t_\\n"
    ...     "3\\tэто\\tэто\\tPRON\\t_\\t_\\t2\\tobj\\t_\\t_\\n"
    ...     "4\\tжурналистам\\tжурналист\\tNOUN\\t_\\t_\\t2\\tiobj\\t_\\tSpaceAfter=No\\n"
    ...     "5\\t.\\t.\\tPUNCT\\t_\\t_\\t2\\tpunct\\t_\\t_\\n\\n", encoding="utf-8")
    >>> framing.evaluate_treebank(p, "ru")
    {'file': 'gold.conllu', 'lang': 'ru', 'backend': 'razdel+slovnet+pymorphy3', 'sentences': 1,
     'tokens': 5, 'lemma_acc': 100.0, 'lemma_acc_content': 100.0, 'upos_acc': 100.0,
     'uas': 100.0, 'las': 100.0}
    """
    gold, preds, backend, lay = predict_treebank(path, lang, layers=layers, limit=limit)
    n = lem = cn = clem = up = ua = la = 0
    for g, p in zip(gold, preds):
        for j in range(len(g["form"])):
            n += 1
            ok = norm_lemma(p["lemma"][j]) == norm_lemma(g["lemma"][j])
            lem += ok
            if g["upos"][j] in CONTENT_UPOS:
                cn += 1
                clem += ok
            up += p["upos"][j] == g["upos"][j]
            if p["head"][j] == g["head"][j]:
                ua += 1
                la += p["deprel"][j].split(":")[0] == g["deprel"][j].split(":")[0]

    def pct(x, d):
        return round(100.0 * x / d, 2) if d else None

    has_syntax = "syntax" in lay
    has_morph = "morph" in lay
    return {"file": Path(path).name, "lang": lang, "backend": backend.name, "sentences": len(gold),
            "tokens": n, "lemma_acc": pct(lem, n) if "lemma" in lay else None,
            "lemma_acc_content": pct(clem, cn) if "lemma" in lay else None,
            "upos_acc": pct(up, n) if has_morph else None,
            "uas": pct(ua, n) if has_syntax else None,
            "las": pct(la, n) if has_syntax else None}


def lemma_errors(path, lang: str, *, limit: int | None = None, layers=None):
    """A DataFrame of lemma errors (form, gold lemma/upos/feats, predicted lemma/upos), for study."""
    import pandas as pd
    gold, preds, _b, _l = predict_treebank(path, lang, layers=layers, limit=limit)
    rows = []
    for si, (g, p) in enumerate(zip(gold, preds)):
        for j in range(len(g["form"])):
            if norm_lemma(p["lemma"][j]) != norm_lemma(g["lemma"][j]):
                rows.append({"sent": si, "form": g["form"][j], "gold": g["lemma"][j], "pred": p["lemma"][j],
                             "gold_upos": g["upos"][j], "pred_upos": p["upos"][j],
                             "gold_feats": g["feats"][j], "pred_feats": p["feats"][j]})
    return pd.DataFrame(rows)
