"""Frame dictionaries: count the cues of each frame per document or sentence.

Dictionary coding is the oldest computer-assisted way of finding frames
(Matthes & Kohring 2008 review it): each frame has a list of cue words, and a
text's score for a frame is how often its cues occur.  framing ships cue lists
for two schemes in Russian, Ukrainian and English:

- ``"policy"``: the 14 frames of the Policy Frames Codebook (Boydstun et al.
  2014), as used by the Media Frames Corpus and SemEval-2023 Task 3;
- ``"generic"``: the five generic news frames of Semetko & Valkenburg (2000):
  conflict, human interest, economic consequences, morality, responsibility.

The codebook question each frame answers is in ``framing/frames/schemes.tsv``
(:func:`frame_questions`).  Cues are lemmas; a cue of several words matches
consecutive lemmas within a sentence; a cue ending in ``*`` matches every lemma
that begins with it (quanteda's "glob" patterns).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd

from .._errors import LoadError, OptionError, missing_columns
from .._options import InstanceOf, OneOf, check

__all__ = ["frames", "frame_questions", "read_frame_dictionary", "SCHEMES"]

SCHEMES = ("policy", "generic")
_LANGS = ("ru", "uk", "en")


def frame_questions(scheme: str = "policy") -> pd.DataFrame:
    """The frames of a scheme and the codebook question each answers.

    Examples
    --------
    >>> from framing.frame import frame_questions
    >>> q = frame_questions("generic")
    >>> q["frame"].tolist()
    ['conflict', 'human_interest', 'economic_consequences', 'morality', 'responsibility']
    """
    check("frame_questions", {"scheme": OneOf(*SCHEMES)}, scheme=scheme)
    with resources.files(__package__).joinpath("schemes.tsv").open("r", encoding="utf-8") as fh:
        df = pd.read_csv(fh, sep="\t", dtype=str, keep_default_na=False)
    return df[df["scheme"] == scheme].drop(columns="scheme").reset_index(drop=True)


def _norm(cue: str) -> str:
    return " ".join(str(cue).lower().replace("ё", "е").split())


def read_frame_dictionary(source) -> pd.DataFrame:
    """Read a user's frame dictionary into a ``frame``, ``cue`` table.

    Parameters
    ----------
    source : str, Path, dict or DataFrame
        A YAML file in quanteda's dictionary format (each key a frame, its
        value a list of cues; nested keys become ``parent.child``), a TSV/CSV
        file with ``frame`` and ``cue`` columns, a dict ``{frame: [cues]}`` or
        a DataFrame with ``frame`` and ``cue``.

    Returns
    -------
    pandas.DataFrame
        ``frame``, ``cue`` (lowercased, "ё" read as "е"), one row per pair.

    Examples
    --------
    >>> from framing.frame import read_frame_dictionary
    >>> read_frame_dictionary({"war": ["война", "обстрел*"], "peace": ["мир"]}).values.tolist()
    [['war', 'война'], ['war', 'обстрел*'], ['peace', 'мир']]
    """
    if isinstance(source, pd.DataFrame):
        df = source
        where = "The frame dictionary DataFrame"
    elif isinstance(source, dict):
        df = pd.DataFrame(_flatten(source, "the dictionary"), columns=["frame", "cue"])
        where = "The frame dictionary"
    else:
        path = Path(source)
        if not path.exists():
            raise LoadError(f"No frame dictionary at {path}: pass a YAML or TSV file, a dict or a DataFrame.")
        suffix = path.suffix.lower()
        if suffix in (".yml", ".yaml"):
            import yaml

            try:
                data = yaml.safe_load(path.read_text(encoding="utf-8"))
            except yaml.YAMLError as err:
                raise LoadError(f"{path}: not valid YAML ({err}); a quanteda dictionary maps each "
                                "frame to a list of cues.") from None
            if not isinstance(data, dict):
                raise LoadError(f"{path}: the YAML must map each frame to a list of cues.")
            df = pd.DataFrame(_flatten(data, str(path)), columns=["frame", "cue"])
        elif suffix in (".tsv", ".csv", ".txt"):
            df = pd.read_csv(path, sep="," if suffix == ".csv" else "\t", dtype=str, keep_default_na=False)
        else:
            raise LoadError(f"{path}: unknown dictionary format {suffix!r}; use .yml, .tsv or .csv.")
        where = f"The frame dictionary {path}"
    missing = {"frame", "cue"} - set(df.columns)
    if missing:
        raise missing_columns(where, missing, hint="A frame dictionary needs 'frame' and 'cue' columns.")
    out = pd.DataFrame({"frame": df["frame"].astype(str).str.strip(), "cue": df["cue"].map(_norm)})
    out = out[(out["cue"] != "") & (out["frame"] != "")]
    return out.drop_duplicates().reset_index(drop=True)


def _flatten(data: dict, where: str, prefix: str = "") -> list:
    rows = []
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            rows += _flatten(value, where, name + ".")
        elif isinstance(value, (list, tuple)):
            rows += [(name, str(v)) for v in value]
        elif isinstance(value, str):
            rows.append((name, value))
        else:
            raise LoadError(f"{where}: the cues of {name!r} must be a list of strings, not {type(value).__name__}.")
    return rows


def _builtin(lang: str, scheme: str) -> pd.DataFrame:
    from ..lexicons import read_lexicon

    return read_frame_dictionary(read_lexicon(f"{lang}/frames_{scheme}", columns=["frame", "cue"]))


class _Matcher:
    """Matches the cues of one dictionary against lemma sequences."""

    def __init__(self, table: pd.DataFrame):
        single = table[~table["cue"].str.contains(" ")]
        self.exact = single[~single["cue"].str.endswith("*")].groupby("cue")["frame"].apply(list).to_dict()
        glob = single[single["cue"].str.endswith("*")]
        self.prefixes = list(zip(glob["cue"].str[:-1], glob["frame"]))
        multi = table[table["cue"].str.contains(" ")]
        self.multi = [(c.split(" "), f) for c, f in zip(multi["cue"], multi["frame"])]

    def single_frames(self, lemma: str) -> list:
        found = list(self.exact.get(lemma, ()))
        found += [f for p, f in self.prefixes if lemma.startswith(p)]
        return found


def frames(ann, *, scheme: str = "policy", lexicon="default", unit: str = "document") -> pd.DataFrame:
    """Score each document (or sentence) on each frame of a dictionary.

    Parameters
    ----------
    ann : Annotated
        Lemmas are needed (any annotation mode has them).
    scheme : {"policy", "generic"}
        Which built-in cue lists ``lexicon="default"`` means.
    lexicon : "default", str, Path, dict or DataFrame
        The built-in cues of each document's language, or a user dictionary
        (see :func:`read_frame_dictionary`) applied to every document.
    unit : {"document", "sentence"}
        The unit scored.

    Returns
    -------
    pandas.DataFrame
        One row per unit and frame: ``doc_id``, ``outlet``, (``sent_id``),
        ``frame``, ``cues`` (cue tokens found), ``tokens`` (word tokens in the
        unit), ``score`` (cues per 1,000 word tokens) and ``matched`` (the
        cue lemmas found, ``"; "``-joined, for reading).  Documents in a
        language without built-in cues are left out and listed in
        ``.attrs["problems"]``.

    Notes
    -----
    A count of cue words is a crude measure of a frame (Matthes & Kohring
    2008): it finds vocabulary, not the argument a frame makes.  Read the
    ``matched`` column against the texts, and validate on your corpus with
    :func:`framing.validation_sample` before reporting.

    References
    ----------
    Boydstun, A. E., Card, D., Gross, J. H., Resnik, P., & Smith, N. A. (2014).
    Tracking the development of media frames within and across policy issues.
    *APSA 2014 Annual Meeting*.
    Semetko, H. A., & Valkenburg, P. M. (2000). Framing European politics: A
    content analysis of press and television news. *Journal of Communication*,
    50(2), 93–109.
    Matthes, J., & Kohring, M. (2008). The content analysis of media frames:
    Toward improving reliability and validity. *Journal of Communication*,
    58(2), 258–279.

    Examples
    --------
    >>> import framing
    >>> ann = framing.annotate(framing.load_demo(), progress=False)
    >>> f = framing.frames(ann, scheme="generic")
    >>> sorted(f["frame"].unique())
    ['conflict', 'economic_consequences', 'human_interest', 'morality', 'responsibility']
    >>> bool((f.groupby("doc_id").size() == 5).all())
    True
    """
    check("frames", {"scheme": OneOf(*SCHEMES), "unit": OneOf("document", "sentence"),
                     "lexicon": InstanceOf(str, Path, dict, pd.DataFrame)},
          scheme=scheme, unit=unit, lexicon=lexicon)
    t = ann.tokens
    docs = ann.docs
    langs = dict(zip(docs["doc_id"], docs["lang"].astype(str))) if "lang" in docs.columns else {}
    outlets = dict(zip(docs["doc_id"], docs["outlet"].astype(str))) if "outlet" in docs.columns else {}
    problems = []
    if isinstance(lexicon, str) and lexicon == "default":
        tables = {}
        for lg in sorted(set(langs.values()) or {"ru"}):
            if lg in _LANGS:
                tables[lg] = _builtin(lg, scheme)
        unsupported = sorted(d for d, lg in langs.items() if lg not in _LANGS)
        for d in unsupported:
            problems.append({"doc_id": d, "problem": f"no built-in frame cues for language {langs[d]!r}; "
                             "pass lexicon= a dictionary of your own"})
        frame_names = frame_questions(scheme)["frame"].tolist()
    else:
        user = read_frame_dictionary(lexicon)
        tables = {lg: user for lg in set(langs.values()) | {"ru"}}
        frame_names = list(dict.fromkeys(user["frame"]))
    matchers = {lg: _Matcher(tab) for lg, tab in tables.items()}

    doc_lang = t["doc_id"].map(lambda d: langs.get(d, "ru")).to_numpy(dtype=object)
    keep = np.isin(doc_lang, list(matchers))
    t = t[keep]
    doc_lang = doc_lang[keep]
    lem = t["lemma"].astype(str).str.lower().str.replace("ё", "е", regex=False).to_numpy(dtype=object)
    word = t["text"].astype(str).str.contains(r"[^\W\d_]", regex=True).to_numpy()
    sent = t["sent_id"].to_numpy()
    docid = t["doc_id"].to_numpy(dtype=object)

    hits_pos, hits_frame = [], []
    for lg, m in matchers.items():
        in_lang = doc_lang == lg
        idx = np.flatnonzero(in_lang & word)
        uniq, inv = np.unique(lem[idx].astype(str), return_inverse=True)
        for u, lemma in enumerate(uniq):
            fl = m.single_frames(lemma)
            if fl:
                pos = idx[inv == u]
                for f in fl:
                    hits_pos.extend(pos.tolist())
                    hits_frame.extend([f] * len(pos))
        for parts, f in m.multi:
            n = len(parts)
            if n > len(lem):
                continue
            ok = in_lang[: len(lem) - n + 1] & (lem[: len(lem) - n + 1] == parts[0])
            for k in range(1, n):
                ok &= (lem[k: len(lem) - n + 1 + k] == parts[k]) & (sent[k: len(lem) - n + 1 + k] == sent[: len(lem) - n + 1]) \
                    & (docid[k: len(lem) - n + 1 + k] == docid[: len(lem) - n + 1])
            for i in np.flatnonzero(ok):
                hits_pos.append(i)
                hits_frame.append(f)

    keys = ["doc_id"] + (["sent_id"] if unit == "sentence" else [])
    units = pd.DataFrame({"doc_id": pd.Series(docid, dtype=object), "sent_id": sent, "word": word})
    units = units.groupby(keys, sort=False)["word"].sum()
    units = units.rename("tokens").reset_index()
    if unit == "document":
        # every document of a supported language has its rows, an empty one too
        ids = [d for d in docs["doc_id"] if langs.get(d, "ru") in matchers]
        units = pd.DataFrame({"doc_id": pd.Series(ids, dtype=object)}).merge(units, on="doc_id", how="left")
        units["tokens"] = units["tokens"].fillna(0)
    hp = np.asarray(hits_pos, dtype=int)
    hits = pd.DataFrame({"doc_id": pd.Series(docid[hp], dtype=object), "sent_id": sent[hp],
                         "frame": pd.Series(hits_frame, dtype=object), "cue": pd.Series(lem[hp], dtype=object)})
    counts = hits.groupby(keys + ["frame"], sort=False).agg(
        cues=("cue", "size"), matched=("cue", lambda s: "; ".join(sorted(set(s))))).reset_index()
    grid = units.merge(pd.DataFrame({"frame": frame_names}), how="cross")
    out = grid.merge(counts, on=keys + ["frame"], how="left")
    out["cues"] = out["cues"].fillna(0).astype("int64")
    out["matched"] = out["matched"].fillna("")
    out["tokens"] = out["tokens"].astype("int64")
    out["score"] = np.where(out["tokens"] > 0, 1000.0 * out["cues"] / out["tokens"].clip(lower=1), 0.0)
    out.insert(1, "outlet", out["doc_id"].map(lambda d: outlets.get(d, "unknown")))
    order = {f: i for i, f in enumerate(frame_names)}
    doc_order = {d: i for i, d in enumerate(docs["doc_id"])}
    out = out.assign(_d=out["doc_id"].map(doc_order), _f=out["frame"].map(order))
    out = out.sort_values(["_d"] + keys[1:] + ["_f"], kind="stable").drop(columns=["_d", "_f"])
    cols = keys[:1] + ["outlet"] + keys[1:] + ["frame", "cues", "tokens", "score", "matched"]
    out = out[cols].reset_index(drop=True)
    out.attrs["problems"] = pd.DataFrame(problems, columns=["doc_id", "problem"])
    out.attrs["scheme"] = scheme if isinstance(lexicon, str) and lexicon == "default" else "user"
    return out
