"""Readers for the evaluative lexicons researchers already have.

Each returns a DataFrame with at least the columns ``lemma``, ``polarity``
(in [-1, 1]) and ``source``, which any ``lexicon=`` argument of framing
accepts (for example :func:`framing.epithets`).  The lexicons themselves are
not shipped with framing (their licences differ): point the readers at your
copies.

=====================  ==========================================================
reader                 format
=====================  ==========================================================
read_rusentilex        RuSentiLex (Loukachevitch & Levchik 2016): ``word, POS,
                       lemma, polarity, source[, "sense"]`` comma+space separated;
                       polarity ``positive`` / ``negative`` / ``neutral`` /
                       ``positive/negative``; several senses per word
read_polsentilex       PolSentiLex / LinisCrowd raw votes (Koltsova et al. 2016):
                       ``word,score`` with scores −2…2, one row per vote
read_kartaslovsent     KartaSlovSent (Kulagin 2019): ``;``-separated with
                       ``term;tag;value;pstv;ngtv;neut;dunno;…``, value in [−1, 1]
read_tone_dict_uk      the Ukrainian tone dictionary (tone-dict-uk): ``word<TAB>score``
                       with scores −2…2; the "manual" file has the experts' mean and
                       standard deviation in two more columns (decimal commas)
=====================  ==========================================================

References
----------
Loukachevitch, N., & Levchik, A. (2016). Creating a general Russian sentiment
lexicon. *LREC 2016*, 1171–1176.
Koltsova, O., Alexeeva, S., & Koltsov, S. (2016). An opinion word lexicon and a
training dataset for Russian sentiment analysis of social media.
*Computational Linguistics and Intellectual Technologies (Dialogue 2016)*, 277–287.
Kulagin, D. (2019). Открытый тональный словарь русского языка КартаСловСент.
*Компьютерная лингвистика и интеллектуальные технологии (Диалог 2019)*.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from .._errors import LoadError

__all__ = ["read_rusentilex", "read_polsentilex", "read_kartaslovsent", "read_tone_dict_uk", "LEXICON_COLUMNS"]

LEXICON_COLUMNS = ["lemma", "polarity", "source"]


def _text(path) -> str:
    p = Path(path)
    if not p.exists():
        raise LoadError(f"No lexicon file at {p}: pass the path to your copy of the lexicon.")
    raw = p.read_bytes()
    for enc in ("utf-8-sig", "cp1251"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    raise LoadError(f"{p}: neither UTF-8 nor CP1251; convert the file to UTF-8.")


def _norm(word: str) -> str:
    return " ".join(str(word).strip().lower().replace("ё", "е").split())


_RUSENTI_POL = {"positive": 1.0, "negative": -1.0, "neutral": 0.0, "positive/negative": 0.0}
_RUSENTI_FIX = {"negaitve": "negative", "posiive": "positive", "posititve": "positive", "postitive": "positive",
                "postive": "positive"}


def read_rusentilex(path, *, senses: str = "mean") -> pd.DataFrame:
    """Read RuSentiLex.

    Parameters
    ----------
    path : str or Path
        ``rusentilex_2017.txt`` (UTF-8 or CP1251, CRLF line ends allowed;
        lines starting with ``!`` are comments).
    senses : {"mean", "all"}
        ``"mean"``: one row per lemma with the mean polarity of its senses;
        ``"all"``: one row per line.

    Returns
    -------
    pandas.DataFrame
        ``lemma``, ``polarity`` (1, −1, 0; ``positive/negative`` → 0), ``source``
        (``"rusentilex"``), ``pos`` (Noun, Adj, Verb, NG…), ``kind`` (opinion,
        fact, feeling), ``word``, ``sense``, ``label``.
    """
    rows = []
    for line in _text(path).splitlines():
        line = line.strip()
        if not line or line.startswith("!"):
            continue
        parts = [p.strip() for p in line.split(",")]
        if len(parts) < 5:
            continue
        word, pos, lemma, label, kind = parts[:5]
        sense = ",".join(parts[5:]).strip().strip('"') if len(parts) > 5 else ""
        label = _RUSENTI_FIX.get(label.lower(), label.lower())
        if label not in _RUSENTI_POL:
            continue
        rows.append({"lemma": _norm(lemma or word), "polarity": _RUSENTI_POL[label], "source": "rusentilex",
                     "pos": pos, "kind": kind.split()[0].lower() if kind else "", "word": word, "sense": sense,
                     "label": label})
    df = pd.DataFrame(rows, columns=["lemma", "polarity", "source", "pos", "kind", "word", "sense", "label"])
    if senses == "mean" and len(df):
        agg = df.groupby("lemma", sort=True).agg(polarity=("polarity", "mean"), pos=("pos", "first"),
                                                 kind=("kind", "first"), word=("word", "first"),
                                                 sense=("sense", lambda x: "; ".join(s for s in x if s)),
                                                 label=("label", lambda x: "|".join(sorted(set(x))))).reset_index()
        agg["source"] = "rusentilex"
        df = agg[["lemma", "polarity", "source", "pos", "kind", "word", "sense", "label"]]
    return df.reset_index(drop=True)


def read_polsentilex(path, *, min_votes: int = 1) -> pd.DataFrame:
    """Read the PolSentiLex / LinisCrowd raw votes and average them per word.

    Returns
    -------
    pandas.DataFrame
        ``lemma``, ``polarity`` (mean vote / 2, in [−1, 1]), ``source``
        (``"polsentilex"``), ``n_votes``, ``sd`` (standard deviation of the votes / 2).
    """
    rows = []
    for rec in csv.reader(io.StringIO(_text(path))):
        if len(rec) < 2:
            continue
        try:
            score = float(rec[1].strip().replace(",", "."))
        except ValueError:
            continue  # a header line
        rows.append((_norm(rec[0]), score))
    df = pd.DataFrame(rows, columns=["lemma", "score"])
    if df.empty:
        return pd.DataFrame(columns=["lemma", "polarity", "source", "n_votes", "sd"])
    g = df.groupby("lemma", sort=True)["score"].agg(["mean", "size", "std"]).reset_index()
    g = g[g["size"] >= min_votes]
    out = pd.DataFrame({"lemma": g["lemma"], "polarity": (g["mean"] / 2).clip(-1, 1), "source": "polsentilex",
                        "n_votes": g["size"].astype("int64"), "sd": (g["std"] / 2).fillna(0.0)})
    return out.reset_index(drop=True)


def read_kartaslovsent(path) -> pd.DataFrame:
    """Read KartaSlovSent.

    Returns
    -------
    pandas.DataFrame
        ``lemma``, ``polarity`` (``value``), ``source`` (``"kartaslovsent"``),
        ``tag`` (PSTV / NGTV / NEUT), ``pstv``, ``ngtv``, ``neut``, ``dunno``,
        ``disagreement``.
    """
    df = pd.read_csv(io.StringIO(_text(path)), sep=";", dtype=str, keep_default_na=False)
    need = {"term", "tag", "value"}
    if not need <= set(df.columns):
        raise LoadError(f"{path}: not a KartaSlovSent file (needs the columns {sorted(need)}, has {list(df.columns)}).")
    num = {c: pd.to_numeric(df[c].str.replace(",", "."), errors="coerce")
           for c in ("value", "pstv", "ngtv", "neut", "dunno", "pstvNgtvDisagreementRatio") if c in df.columns}
    out = pd.DataFrame({"lemma": df["term"].map(_norm), "polarity": num["value"], "source": "kartaslovsent",
                        "tag": df["tag"]})
    for c, name in (("pstv", "pstv"), ("ngtv", "ngtv"), ("neut", "neut"), ("dunno", "dunno"),
                    ("pstvNgtvDisagreementRatio", "disagreement")):
        if c in num:
            out[name] = num[c]
    return out[out["polarity"].notna()].reset_index(drop=True)


def read_tone_dict_uk(path) -> pd.DataFrame:
    """Read the Ukrainian tone dictionary (``tone-dict-uk.tsv`` or its manual / auto files).

    Returns
    -------
    pandas.DataFrame
        ``lemma``, ``polarity`` (score / 2 for the −2…2 files; the auto file's
        score as given), ``source`` (``"tone-dict-uk"``), ``score`` (as in the
        file), ``sd`` (experts' standard deviation / 2, manual file only).
    """
    rows = []
    auto = "auto" in Path(path).name
    for line in _text(path).splitlines():
        parts = line.rstrip("\r").split("\t")
        if len(parts) < 2 or not parts[0].strip():
            continue
        try:
            vals = [float(p.replace(",", ".")) for p in parts[1:]]
        except ValueError:
            continue
        if len(vals) >= 3:          # manual: discrete, mean, sd
            score, pol, sd = vals[0], vals[1] / 2, vals[2] / 2
        else:
            score = vals[0]
            pol, sd = (score if auto else score / 2), float("nan")
        rows.append({"lemma": _norm(parts[0]), "polarity": max(-1.0, min(1.0, pol)), "source": "tone-dict-uk",
                     "score": score, "sd": sd})
    return pd.DataFrame(rows, columns=["lemma", "polarity", "source", "score", "sd"])
