"""Language resources as data: TSV files with a header under ``lexicons/<lang>/``.

Each folder has a ``SOURCES.md`` giving, per file, how it was made, its sources
and its licence.  Wherever a function accepts a built-in lexicon name, it also
accepts a path to a TSV/CSV file or a DataFrame: :func:`read_lexicon` resolves all three.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pandas as pd

from .._errors import OptionError, missing_columns


def available(lang: str | None = None) -> list[str]:
    """Names of the built-in lexicons, as ``"<lang>/<name>"``."""
    root = resources.files(__name__)
    out = []
    for d in sorted(root.iterdir(), key=lambda p: p.name):
        if d.is_dir() and not d.name.startswith("_") and (lang is None or d.name == lang):
            out += [f"{d.name}/{f.name[:-4]}" for f in sorted(d.iterdir(), key=lambda p: p.name) if f.name.endswith(".tsv")]
    return out


def read_lexicon(source, *, lang: str | None = None, name: str | None = None,
                 columns: list[str] | None = None) -> pd.DataFrame:
    """Read a lexicon from a built-in name, a file path or a DataFrame.

    Parameters
    ----------
    source : str, path or DataFrame
        ``"default"`` (the built-in ``name`` for ``lang``), a built-in
        ``"<lang>/<name>"``, a path to a TSV (or ``.csv``) file with a header,
        or a DataFrame (copied, not changed).
    lang : str, optional
        Language folder used with ``"default"`` or a bare built-in name.
    name : str, optional
        The built-in file name (without ``.tsv``) that ``"default"`` means.
    columns : list of str, optional
        Columns the caller needs; a clear error names any that are missing.

    Returns
    -------
    pandas.DataFrame

    Examples
    --------
    A built-in lexicon (each file's sources are in the ``SOURCES.md`` beside it):

    >>> import framing
    >>> verbs = framing.read_lexicon("ru/reporting_verbs")
    >>> verbs.columns.tolist()
    ['lemma', 'class', 'aspect', 'pair', 'requires', 'notes', 'source']
    >>> verbs.loc[verbs["lemma"].isin(["заявить", "утверждать"]), ["lemma", "class"]].values.tolist()
    [['заявить', 'neutral'], ['утверждать', 'distancing']]

    Your own lexicon, as a DataFrame (or a TSV file with a header), checked for
    the columns a measure needs:

    >>> import pandas as pd
    >>> mine = pd.DataFrame({"lemma": ["вещать"], "class": ["distancing"]})
    >>> framing.read_lexicon(mine, columns=["lemma", "class"])
        lemma       class
    0  вещать  distancing
    """
    if isinstance(source, pd.DataFrame):
        df = source.copy()
        where = "The lexicon DataFrame"
    else:
        src = str(source)
        path = Path(src)
        if path.suffix.lower() in (".tsv", ".csv", ".txt") and path.exists():
            sep = "," if path.suffix.lower() == ".csv" else "\t"
            df = pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False, comment=None)
            where = f"The lexicon file {path}"
        else:
            if src == "default":
                if not (lang and name):
                    raise OptionError("read_lexicon('default') needs lang= and name=.")
                rel = f"{lang}/{name}"
            elif "/" in src:
                rel = src
            elif lang:
                rel = f"{lang}/{src}"
            else:
                rel = src
            res = resources.files(__name__).joinpath(rel + ".tsv")
            if not res.is_file():
                raise OptionError(
                    f"No built-in lexicon {rel!r} and no file {src!r}. Built-in: {available()}. "
                    "Pass a path to a TSV file with a header, or a DataFrame."
                )
            with res.open("r", encoding="utf-8") as fh:
                df = pd.read_csv(fh, sep="\t", dtype=str, keep_default_na=False, comment=None)
            where = f"The built-in lexicon {rel!r}"
    if columns:
        missing = set(columns) - set(df.columns)
        if missing:
            raise missing_columns(where, missing, hint=f"It has: {list(df.columns)}.")
    return df
