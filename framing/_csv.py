"""CSV files that are safe to open in a spreadsheet.

A cell whose text begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return is read as a formula by Excel, LibreOffice Calc and Google Sheets
("CSV injection"): an outlet called ``=HYPERLINK("http://…","click")`` in a news
corpus becomes a live link or a command in a colleague's spreadsheet.  Following
the OWASP recommendation, every such cell is written with a single quote ``'``
put before it, which a spreadsheet shows as text.

The rule, applied by :func:`spreadsheet_safe` and :func:`write_csv`:

* Only text is changed: cells that are Python strings, in any column, and the
  column names.  Numbers, booleans, dates and missing values are written as they
  are, so a negative number such as ``-0.5`` in a numeric column stays a number.
* Every string that starts with one of the six characters gets the quote,
  including a string that looks like a number (``"-1"`` in a text column becomes
  ``'-1``): OWASP neutralises any cell that starts with them, and a text column
  that holds a number-like string is still a text column.
* Nothing else changes: a string starting with another character, quotes
  already present, the order of rows and columns.

To get the original text back from such a file, remove one leading ``'`` from
the text cells that start with ``'`` followed by one of the six characters
(:func:`restore` does this for a table read with pandas).

References
----------
OWASP Foundation. *CSV Injection*.
https://owasp.org/www-community/attacks/CSV_Injection
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""A text cell starting with one of these is read as a formula by spreadsheets."""


def _safe_cell(v):
    if isinstance(v, str) and v.startswith(FORMULA_START):
        return "'" + v
    return v


def _restore_cell(v):
    if isinstance(v, str) and len(v) > 1 and v[0] == "'" and v[1] in FORMULA_START:
        return v[1:]
    return v


def _map_text(table: pd.DataFrame, cell) -> pd.DataFrame:
    out = table.copy()
    for i in range(out.shape[1]):
        col = out.iloc[:, i]
        if isinstance(col.dtype, pd.CategoricalDtype):
            out.isetitem(i, col.astype(object).map(cell))
        elif pd.api.types.is_object_dtype(col.dtype) or pd.api.types.is_string_dtype(col.dtype):
            out.isetitem(i, col.map(cell).astype(col.dtype))
    out.columns = [cell(c) for c in out.columns]
    return out


def spreadsheet_safe(table: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``table`` whose text cells and column names cannot start a formula.

    See the module docstring for the rule.  ``table`` itself is not changed.

    Examples
    --------
    >>> import pandas as pd
    >>> from framing._csv import spreadsheet_safe
    >>> t = pd.DataFrame({"outlet": ["=HYPERLINK(1)", "-x", "news"], "diff": [-0.5, 1.0, 2.0]})
    >>> spreadsheet_safe(t)["outlet"].tolist(), spreadsheet_safe(t)["diff"].tolist()
    (["'=HYPERLINK(1)", "'-x", 'news'], [-0.5, 1.0, 2.0])
    """
    return _map_text(table, _safe_cell)


def restore(table: pd.DataFrame) -> pd.DataFrame:
    """Undo :func:`spreadsheet_safe` on a table read back from a CSV (a copy)."""
    return _map_text(table, _restore_cell)


def write_csv(table: pd.DataFrame, path) -> Path:
    """Write ``table`` (without its index) as a spreadsheet-safe UTF-8 CSV, atomically.

    Returns
    -------
    pathlib.Path
        ``path``.
    """
    from ._atomic import atomic_path

    path = Path(path)
    with atomic_path(path) as tmp:
        spreadsheet_safe(table).to_csv(tmp, index=False)
    return path
