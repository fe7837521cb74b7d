"""Tables and figures for a paper: intervals formatted, LaTeX booktabs, deterministic files.

=======================  ===============================================================
:func:`format_interval`  ``0.41 [0.35, 0.47]``: an estimate and its interval as text
:func:`to_latex`         a table as a LaTeX ``booktabs`` tabular (intervals merged)
:func:`to_markdown`      the same table as a Markdown pipe table
:func:`save_table`       CSV and ``.tex`` of a table, written atomically
:func:`save_figure`      PDF and PNG of a figure, byte-identical across runs
=======================  ===============================================================

An estimate is reported with its interval in one cell, as the APA manual
(7th ed., §6.44) asks for confidence intervals: ``0.41 [0.35, 0.47]``.  The
interval columns framing's measures produce (``ci_low``/``ci_high`` beside
``rate``, ``value``, ``precision`` …, or ``<x>_low``/``<x>_high`` beside
``<x>``) are found and merged; pass ``intervals=`` to name them yourself.
Floats that are all whole numbers print without decimals, p- and q-values
(columns ``p_value``, ``q_value``) with three decimals or ``< 0.001``.
Tables follow the booktabs rules (Fear 2020): no vertical lines, three
horizontal rules (``\\toprule``, ``\\midrule``, ``\\bottomrule``).

References
----------
American Psychological Association (2020). *Publication Manual of the American
Psychological Association* (7th ed.), §6.44.
Fear, S. (2020). *Publication quality tables in LaTeX* (the booktabs package
documentation), CTAN.
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

from ._atomic import atomic_path
from ._errors import OptionError, missing_columns
from ._options import InstanceOf, Interval, NoneOk, check

__all__ = ["format_interval", "format_p", "to_latex", "to_markdown", "save_table", "save_figure", "FIGURE_FORMATS"]

#: estimate columns a bare ``ci_low``/``ci_high`` pair belongs to, in this order of preference
_ESTIMATES = ("rate", "value", "estimate", "precision", "recall", "f1", "share", "mean", "diff")
FIGURE_FORMATS = ("pdf", "png")


def format_interval(value, low=None, high=None, *, digits: int = 2) -> str:
    """An estimate and its interval as ``"0.41 [0.35, 0.47]"``.

    Parameters
    ----------
    value, low, high : float
        The estimate and the interval's bounds; a missing bound gives the
        estimate alone, a missing estimate ``"–"``.
    digits : int, default 2
        Decimals.

    Returns
    -------
    str

    Examples
    --------
    >>> from framing.publish import format_interval
    >>> format_interval(0.4123, 0.351, 0.4689)
    '0.41 [0.35, 0.47]'
    >>> format_interval(12, digits=0), format_interval(float("nan"), 0.1, 0.2)
    ('12', '–')
    """
    def num(x):
        return x is not None and not (isinstance(x, float) and math.isnan(x)) and not pd.isna(x)

    if not num(value):
        return "–"
    text = f"{float(value):.{digits}f}"
    if num(low) and num(high):
        text += f" [{float(low):.{digits}f}, {float(high):.{digits}f}]"
    return text


def format_p(p) -> str:
    """A p- or q-value as text: three decimals, ``"< 0.001"`` below that, ``"–"`` when missing.

    Examples
    --------
    >>> from framing.publish import format_p
    >>> format_p(0.0312), format_p(0.00002), format_p(None)
    ('0.031', '< 0.001', '–')
    """
    if p is None or pd.isna(p):
        return "–"
    return "< 0.001" if float(p) < 0.001 else f"{float(p):.3f}"


def _interval_columns(df: pd.DataFrame) -> dict:
    """{estimate column: (low column, high column)} found by framing's naming rules."""
    cols = list(df.columns)
    found = {}
    for c in cols:
        for lo, hi in ((f"{c}_low", f"{c}_high"), (f"{c}_ci_low", f"{c}_ci_high")):
            if lo in cols and hi in cols:
                found[c] = (lo, hi)
    if "ci_low" in cols and "ci_high" in cols:
        est = next((c for c in _ESTIMATES if c in cols and c not in found), None)
        if est is not None:
            found[est] = ("ci_low", "ci_high")
    return found


def _formatted(df: pd.DataFrame, *, intervals, digits: int, where: str) -> pd.DataFrame:
    check(where, {"df": InstanceOf(pd.DataFrame), "digits": Interval(0, 10, integer=True),
                  "intervals": [NoneOk(), InstanceOf(dict)]}, df=df, digits=digits, intervals=intervals)
    pairs = _interval_columns(df) if intervals is None else dict(intervals)
    for est, (lo, hi) in pairs.items():
        miss = {est, lo, hi} - set(df.columns)
        if miss:
            raise missing_columns(f"{where}: the table", miss, hint="intervals= maps an estimate column to "
                                  "its (low, high) columns, e.g. {'rate': ('ci_low', 'ci_high')}.")
    drop = {c for lo_hi in pairs.values() for c in lo_hi}
    out = {}
    for c in df.columns:
        if c in drop:
            continue
        if c in pairs:
            lo, hi = pairs[c]
            out[c] = [format_interval(v, a, b, digits=digits) for v, a, b in zip(df[c], df[lo], df[hi])]
        elif c in ("p_value", "q_value", "p", "q"):
            out[c] = [format_p(v) for v in df[c]]
        elif pd.api.types.is_float_dtype(df[c]):
            whole = df[c].dropna()
            places = 0 if len(whole) and (whole == whole.round()).all() else digits
            out[c] = [format_interval(v, digits=places) for v in df[c]]
        else:
            out[c] = ["–" if (not isinstance(v, (list, tuple, dict)) and pd.isna(v)) else str(v) for v in df[c]]
    return pd.DataFrame(out, columns=[c for c in df.columns if c not in drop])


_TEX = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
        "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def _tex(text) -> str:
    return "".join(_TEX.get(ch, ch) for ch in str(text))


def _numeric_like(values) -> bool:
    return all(v == "–" or v.replace("< ", "", 1).replace(".", "", 1).replace("-", "", 1).split(" [")[0].isdigit()
               for v in values)


def to_latex(df: pd.DataFrame, *, intervals: dict | None = None, digits: int = 2, caption: str | None = None,
             label: str | None = None) -> str:
    r"""A table as a LaTeX ``booktabs`` tabular, estimates and intervals in one cell.

    Parameters
    ----------
    df : pandas.DataFrame
        Any table, e.g. a measure or comparison table of framing.
    intervals : dict, optional
        ``{estimate column: (low column, high column)}``; by default found by
        name (``ci_low``/``ci_high`` beside ``rate``, ``value``, ``precision``
        …; ``<x>_low``/``<x>_high`` beside ``<x>``).
    digits : int, default 2
        Decimals of floats and intervals.
    caption, label : str, optional
        When given, the tabular is wrapped in a ``table`` environment with
        ``\caption`` and ``\label``.

    Returns
    -------
    str
        LaTeX source needing ``\usepackage{booktabs}``; text is escaped
        (``_``, ``%``, ``&`` …); numeric columns are right-aligned.

    References
    ----------
    Fear, S. (2020). *Publication quality tables in LaTeX* (booktabs), CTAN.

    Examples
    --------
    >>> import pandas as pd, framing
    >>> t = pd.DataFrame({"outlet": ["a_1", "b"], "rate": [0.412, 0.2],
    ...                   "ci_low": [0.351, 0.1], "ci_high": [0.469, 0.3], "n": [40, 12]})
    >>> print(framing.to_latex(t))
    \begin{tabular}{lrr}
    \toprule
    outlet & rate & n \\
    \midrule
    a\_1 & 0.41 [0.35, 0.47] & 40 \\
    b & 0.20 [0.10, 0.30] & 12 \\
    \bottomrule
    \end{tabular}
    """
    t = _formatted(df, intervals=intervals, digits=digits, where="to_latex()")
    align = "".join("r" if len(t) and _numeric_like(t[c]) else "l" for c in t.columns)
    lines = [f"\\begin{{tabular}}{{{align}}}", "\\toprule",
             " & ".join(_tex(c) for c in t.columns) + " \\\\", "\\midrule"]
    lines += [" & ".join(_tex(v) for v in row) + " \\\\" for row in t.itertuples(index=False)]
    lines += ["\\bottomrule", "\\end{tabular}"]
    if caption is not None or label is not None:
        head = ["\\begin{table}", "\\centering"]
        if caption is not None:
            head.append(f"\\caption{{{_tex(caption)}}}")
        if label is not None:
            head.append(f"\\label{{{label}}}")
        lines = head + lines + ["\\end{table}"]
    return "\n".join(lines) + "\n"


def to_markdown(df: pd.DataFrame, *, intervals: dict | None = None, digits: int = 2) -> str:
    """A table as a Markdown pipe table, estimates and intervals in one cell.

    Parameters
    ----------
    df, intervals, digits
        As for :func:`to_latex`.

    Returns
    -------
    str

    Examples
    --------
    >>> import pandas as pd, framing
    >>> t = pd.DataFrame({"outlet": ["a", "b"], "precision": [0.9, 0.75],
    ...                   "precision_low": [0.8, 0.5], "precision_high": [0.95, 0.9]})
    >>> print(framing.to_markdown(t))
    | outlet | precision |
    |---|---:|
    | a | 0.90 [0.80, 0.95] |
    | b | 0.75 [0.50, 0.90] |
    """
    t = _formatted(df, intervals=intervals, digits=digits, where="to_markdown()")

    def cell(v):
        return str(v).replace("|", "\\|").replace("\n", " ")

    rule = "|" + "|".join("---:" if len(t) and _numeric_like(t[c]) else "---" for c in t.columns) + "|"
    lines = ["| " + " | ".join(cell(c) for c in t.columns) + " |", rule]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in t.itertuples(index=False)]
    return "\n".join(lines) + "\n"


def save_table(df: pd.DataFrame, folder, name: str, *, caption: str | None = None, **kwargs) -> dict:
    """Write ``<folder>/<name>.csv`` (the numbers) and ``<folder>/<name>.tex`` (booktabs).

    The CSV keeps every column at full precision (spreadsheet-safe, see
    :mod:`framing._csv`); the ``.tex`` is :func:`to_latex` of the table.

    Parameters
    ----------
    df : pandas.DataFrame
    folder : str or pathlib.Path
    name : str
        File name without suffix.
    caption : str, optional
        Passed to :func:`to_latex` (with ``label="tab:<name>"``).
    **kwargs
        ``intervals=``, ``digits=`` of :func:`to_latex`.

    Returns
    -------
    dict
        ``{"csv": path, "tex": path}``.

    Examples
    --------
    >>> import pandas as pd
    >>> from framing.publish import save_table
    >>> paths = save_table(pd.DataFrame({"outlet": ["a"], "n": [3]}), "tables", "counts")
    >>> sorted(p.name for p in paths.values())
    ['counts.csv', 'counts.tex']
    """
    from ._csv import write_csv

    folder = Path(folder)
    csv = write_csv(df, folder / f"{name}.csv")
    tex = folder / f"{name}.tex"
    text = to_latex(df, caption=caption, label=f"tab:{name}" if caption else None, **kwargs)
    with atomic_path(tex) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return {"csv": Path(csv), "tex": tex}


def save_figure(fig, folder, name: str, *, formats=FIGURE_FORMATS, dpi: int = 200) -> dict:
    """Save a figure as PDF and PNG whose bytes are the same on every run.

    Matplotlib stamps a PDF with its creation date and an SVG with random ids;
    here the dates are removed (so the same figure drawn again, in this or
    another session, gives the same bytes) (``metadata={"CreationDate": None}``), the SVG
    hash salt is fixed, and fonts are embedded as TrueType (``pdf.fonttype
    42``, text stays editable and searchable in the PDF, as journals ask).

    Parameters
    ----------
    fig : matplotlib.figure.Figure or matplotlib.axes.Axes
        The figure (an Axes means its figure).
    folder : str or pathlib.Path
    name : str
        File name without suffix.
    formats : tuple of str, default ("pdf", "png")
        Any of ``pdf``, ``png``, ``svg``.
    dpi : int, default 200
        Resolution of the PNG.

    Returns
    -------
    dict
        ``{format: path}``.

    Examples
    --------
    >>> import framing
    >>> from framing.publish import save_figure
    >>> docs = framing.load_demo().docs
    >>> paths = save_figure(framing.plot.volume(framing.volume(docs)), "figures", "volume")
    >>> first = {fmt: p.read_bytes() for fmt, p in paths.items()}
    >>> again = save_figure(framing.plot.volume(framing.volume(docs)), "figures", "volume")
    >>> all(p.read_bytes() == first[fmt] for fmt, p in again.items())
    True
    """
    import matplotlib

    fig = getattr(fig, "figure", fig)
    if not hasattr(fig, "savefig"):
        raise OptionError(f"save_figure(): pass a matplotlib Figure or Axes, not {type(fig).__name__}.")
    bad = [f for f in formats if f not in ("pdf", "png", "svg")]
    if bad:
        raise OptionError(f"save_figure(): formats {bad} are not supported; use pdf, png or svg.")
    metadata = {"pdf": {"CreationDate": None, "ModDate": None}, "svg": {"Date": None},
                "png": {"Software": None}}
    out = {}
    with matplotlib.rc_context({"svg.hashsalt": "framing", "pdf.fonttype": 42, "ps.fonttype": 42}):
        for fmt in formats:
            path = Path(folder) / f"{name}.{fmt}"
            with atomic_path(path) as tmp:
                fig.savefig(tmp, format=fmt, dpi=dpi, metadata=metadata[fmt])
            out[fmt] = path
    return out
