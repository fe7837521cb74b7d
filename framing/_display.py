"""How result objects show in Jupyter and at the prompt: their tables, with sizes.

A measure that returns several tables returns a named tuple (``Actors``,
``Sources``, ``Naming``, ``EventGroups``), so ``mentions, table = actors(ann)``
keeps working.  The decorator :func:`shows_tables` gives such a class

* a short ``repr``: ``<Actors: mentions 1,234 × 12, table 56 × 8>``;
* an HTML representation for notebooks (``_repr_html_``): each field under its
  name with its size (rows × columns) and its first rows; a field that is not a
  table shows its own HTML representation or its ``repr``.

:func:`frames_html` renders a mapping of tables the same way for the classes
that build their own HTML (``Corpus``, ``Annotated``).  All text is escaped.
"""

from __future__ import annotations

from html import escape

import pandas as pd

HEAD_ROWS = 5
"""Rows of each table shown in a notebook."""

_MAX_CELL = 80       # characters of a cell shown (longer text is cut with "…")
_MAX_REPR = 120      # characters of a field's repr in the short repr

_STYLE = ("<style>.framing-res details{margin:.3em 0}.framing-res summary{cursor:pointer}"
          ".framing-res .size{color:#666}</style>")


def size_text(value) -> str:
    """``"1,234 × 12"`` for a table (rows × columns), ``"1,234"`` for a series, else ``""``."""
    if isinstance(value, pd.DataFrame):
        return f"{value.shape[0]:,} × {value.shape[1]:,}"
    if isinstance(value, pd.Series):
        return f"{len(value):,}"
    return ""


def _cut(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _head_html(table) -> str:
    head = table.head(HEAD_ROWS)
    if isinstance(head, pd.Series):
        head = head.to_frame()
    with pd.option_context("display.max_colwidth", _MAX_CELL, "display.max_columns", 30):
        plain_index = isinstance(head.index, pd.RangeIndex) and head.index.name is None
        return head.to_html(escape=True, na_rep="—", max_cols=30, border=0, index=not plain_index)


def field_html(name: str, value, *, open_: bool = True) -> str:
    """One field: a collapsible block with the name, the size and the first rows (or the object)."""
    tag = "<details open>" if open_ else "<details>"
    if isinstance(value, (pd.DataFrame, pd.Series)):
        kind = "rows × columns" if isinstance(value, pd.DataFrame) else "rows"
        summary = (f"<code>{escape(str(name))}</code> <span class='size'>{size_text(value)} {kind}</span>")
        more = f"<p class='size'>first {HEAD_ROWS} of {len(value):,} rows</p>" if len(value) > HEAD_ROWS else ""
        body = _head_html(value) + more if len(value) else "<p class='size'>(empty)</p>"
        return f"{tag}<summary>{summary}</summary>{body}</details>"
    if hasattr(value, "_repr_html_"):
        summary = f"<code>{escape(str(name))}</code> <span class='size'>{escape(_cut(repr(value), _MAX_REPR))}</span>"
        return f"<details><summary>{summary}</summary>{value._repr_html_()}</details>"
    return (f"<div><code>{escape(str(name))}</code> "
            f"<span class='size'>{escape(_cut(repr(value), _MAX_REPR))}</span></div>")


def frames_html(tables: dict, *, open_: bool = False) -> str:
    """Several named tables as :func:`field_html` blocks (collapsed unless ``open_``)."""
    blocks = "".join(field_html(k, v, open_=open_) for k, v in tables.items())
    return f"<div class='framing-res'>{_STYLE}{blocks}</div>"


def _fields(obj) -> dict:
    return obj._asdict() if hasattr(obj, "_asdict") else dict(vars(obj))


def result_repr(self) -> str:
    """``<Name: field rows × columns, …>``."""
    parts = []
    for name, value in _fields(self).items():
        size = size_text(value)
        parts.append(f"{name} {size}" if size else f"{name} {_cut(repr(value), _MAX_REPR)}")
    return f"<{type(self).__name__}: {', '.join(parts)}>"


def result_repr_html(self) -> str:
    """The notebook display: the class name, how to unpack it, and each field with its size and head."""
    fields = _fields(self)
    names = ", ".join(fields)
    head = (f"<p><b>{escape(type(self).__name__)}</b>: {len(fields)} fields "
            f"(<code>{escape(names)} = result</code>, or <code>result.{escape(next(iter(fields), ''))}</code>)</p>")
    blocks = "".join(field_html(k, v, open_=True) for k, v in fields.items())
    return f"<div class='framing-res'>{_STYLE}{head}{blocks}</div>"


def shows_tables(cls):
    """Class decorator: a short ``__repr__`` and an HTML ``_repr_html_`` listing the fields' tables."""
    cls.__repr__ = result_repr
    cls._repr_html_ = result_repr_html
    return cls
