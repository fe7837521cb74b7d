"""The coding sheet: one row per sampled item, written as CSV, HTML or a text-free gold file."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .._atomic import atomic_path
from .._csv import spreadsheet_safe
from ._common import MEASURES, _gold_columns
from .page import _coding_page


# --- the coding sheet -------------------------------------------------------------------

@dataclass(repr=False, eq=False)
class CodingSheet:
    """A sample of measure rows to hand-code (the result of :func:`validation_sample`).

    Attributes
    ----------
    table : pandas.DataFrame
        One row per sampled item: :data:`GOLD_ID_COLUMNS` (``item`` is a stable
        id: a hash of the measure, document, offsets and predicted values;
        ``row`` the row's index in the sampled table; ``stratum`` its stratum;
        ``weight`` the number of table rows it stands for: N / n under proportional
        allocation, N_h / n_h under equal allocation), the
        offset columns of the measure, ``sent_start``/``sent_end`` (the shown
        passage), ``sentence`` (the passage with the spans marked ``⟦…⟧``, or
        ``⟦speaker: …⟧`` when a measure marks several spans), the predicted
        values, one empty ``ok_<field>`` per judged field, ``note`` and ``coder``.
    measure : str
        The measure's name (a key of :data:`MEASURES`, or the user's name).
    fields : list of str
        The judged fields.
    params : dict
        How the sample was drawn: ``n``, ``by``, ``seed``, ``allocation``,
        ``strata`` (rows in the table and sampled, per stratum), ``table_rows``,
        ``framing_version``, ``created``, ``call`` (the call that redraws it).

    Examples
    --------
    >>> import framing
    >>> ann = framing.annotate(framing.load_demo(), progress=False)
    >>> sheet = framing.validation_sample(framing.attributions(ann), n=10, seed=0, ann=ann)
    >>> sheet.measure, sheet.fields, len(sheet)
    ('attributions', ['cue', 'speaker', 'actor', 'content'], 10)
    >>> "sentence" in sheet.table, "sentence" in sheet.to_gold()   # what is committed has no text
    (True, False)
    """

    table: pd.DataFrame
    measure: str
    fields: list
    params: dict = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.table)

    def __repr__(self) -> str:
        strata = len(self.params.get("strata", {})) or 1
        return (f"<CodingSheet {self.measure!r}: {len(self.table)} items from {self.params.get('table_rows', '?')} "
                f"rows, {strata} strata, judged: {', '.join(self.fields)}>")

    def _repr_html_(self) -> str:
        cols = ["item", "outlet", "sentence", *[c for c in self._shown() if c in self.table.columns]]
        return (f"<p>{html.escape(repr(self))}</p>" +
                self.table[cols].head(20).to_html(index=False, escape=True))

    def _shown(self) -> list:
        spec = MEASURES.get(self.measure)
        if spec is not None:
            return [c for c in spec.show if c in self.table.columns]
        return [c for c in self.params.get("shown", []) if c in self.table.columns]

    # --- outputs -------------------------------------------------------------------
    def to_csv(self, path) -> Path:
        """Write the sheet as a CSV for a spreadsheet (UTF-8 with BOM).

        Text cells that a spreadsheet would run as a formula (starting with
        ``=``, ``+``, ``-``, ``@``, tab or carriage return) are written with a
        leading apostrophe; :func:`validation_report` and :func:`agreement`
        remove it again when they read the file.

        References
        ----------
        OWASP. CSV injection. https://owasp.org/www-community/attacks/CSV_Injection
        """
        with atomic_path(path) as tmp:
            spreadsheet_safe(self.table).to_csv(tmp, index=False, encoding="utf-8-sig")
        return Path(path)

    def to_gold(self, path=None, *, notes: bool = False) -> pd.DataFrame:
        """The sheet without text: ids, offsets, closed-set labels and judgments.

        This is what a project commits (the sentences are re-read from the
        corpus by offsets).  ``note`` is left out unless ``notes=True`` (a note
        may quote the text).  With ``path``, also written as a TSV.

        Returns
        -------
        pandas.DataFrame
            :data:`GOLD_ID_COLUMNS`, the measure's offset columns,
            ``sent_start``, ``sent_end``, its closed-set label columns (``kind``,
            ``evaluative``, ``type`` …), the ``ok_*`` columns, ``coder`` (and
            ``note``).
        """
        out = _gold_columns(self.table, self.measure, notes=notes)
        if path is not None:
            with atomic_path(path) as tmp:
                out.to_csv(tmp, sep="\t", index=False, encoding="utf-8")
        return out

    def to_html(self, path=None, *, title: str | None = None) -> str | Path:
        """A standalone HTML coding page: one card per item, a choice per judged field.

        The page needs no network and no server: open it in a browser, code the
        items (progress is kept in the browser's local storage), type your name
        and press *Download CSV*.  The CSV holds ids, offsets, labels and your
        judgments (no sentence text) and is read by :func:`validation_report`
        and :func:`agreement`.

        Parameters
        ----------
        path : str or Path, optional
            Write the page there and return the path; otherwise return the HTML.
        title : str, optional
        """
        page = _coding_page(self, title=title)
        if path is None:
            return page
        with atomic_path(path) as tmp:
            tmp.write_text(page, encoding="utf-8")
        return Path(path)
