"""One bad sentence never costs a measure its table (private).

A measure runs its per-sentence (or per-document) work through a
:class:`Guard`.  When that work raises, the guard skips the unit, records a
problem row (``measure``, ``doc_id``, ``sent_id``, ``reason``) and goes on; at
the end the measure attaches the rows to its tables as
``DataFrame.attrs["problems"]`` (a list of dicts, so that pandas can copy and
compare it) and the guard warns once with the count.

The guard is a safety net, not a fix: a recorded problem is a bug to report.
With the environment variable ``FRAMING_STRICT=1`` (or ``strict=True``) the
first exception is raised as it is, so that tests catch regressions.

Examples
--------
>>> from framing.measures._guard import Guard
>>> g = Guard("demo", strict=False)
>>> g.call(lambda: 1 // 0, doc_id="d1", sent_id=3) is None
True
>>> g.rows[0]["reason"]
'ZeroDivisionError: integer division or modulo by zero'
"""

from __future__ import annotations

import os
import warnings

import pandas as pd

from .._errors import MeasureWarning

PROBLEM_COLUMNS = ["measure", "doc_id", "sent_id", "reason"]
STRICT_ENV = "FRAMING_STRICT"


#: what a problem row's reason says when a document was left out for its language (measures/_language.py)
UNSUPPORTED = " is not supported by "


def left_out(reason, sent_id=None) -> bool:
    """Whether a problem row records a document left out by design (its language), not a failure."""
    return UNSUPPORTED in str(reason) and (sent_id is None or sent_id != sent_id)


def strict_mode() -> bool:
    """Whether ``FRAMING_STRICT`` asks to raise instead of skipping."""
    return os.environ.get(STRICT_ENV, "").strip().lower() not in ("", "0", "false", "no", "off")


class Guard:
    """Runs units of a measure's work and records the ones that fail.

    Parameters
    ----------
    measure : str
        The measure's public name, used in problem rows and the warning.
    strict : bool, optional
        Raise the first exception; by default read from ``FRAMING_STRICT``.
    """

    def __init__(self, measure: str, *, strict: bool | None = None):
        self.measure = measure
        self.strict = strict_mode() if strict is None else bool(strict)
        self.rows: list[dict] = []
        self.skipped: list[dict] = []   # documents left out by design (an unsupported language)

    def call(self, fn, *args, doc_id=None, sent_id=None, **kwargs):
        """``fn(*args, **kwargs)``, or None (recorded) when it raises."""
        try:
            return fn(*args, **kwargs)
        except (KeyboardInterrupt, SystemExit, MemoryError):
            raise
        except Exception as err:  # noqa: BLE001 - recorded, and re-raised under strict mode
            if self.strict:
                raise
            self.add(doc_id, sent_id, f"{type(err).__name__}: {err}")
            return None

    def add(self, doc_id, sent_id, reason: str) -> None:
        """Record one skipped unit."""
        self.rows.append({"measure": self.measure, "doc_id": None if doc_id is None else str(doc_id),
                          "sent_id": None if sent_id is None else int(sent_id), "reason": str(reason)})

    def skip(self, doc_id, reason: str) -> None:
        """Record a document the measure leaves out by design (not a bug), e.g. its language."""
        row = {"measure": self.measure, "doc_id": None if doc_id is None else str(doc_id),
               "sent_id": None, "reason": str(reason)}
        self.rows.append(row)
        self.skipped.append(row)

    def extend(self, rows) -> None:
        """Take over rows recorded by another guard (a measure that runs another)."""
        for r in rows or []:
            row = {c: r.get(c) for c in PROBLEM_COLUMNS}
            self.rows.append(row)
            if left_out(row["reason"], row["sent_id"]):
                self.skipped.append(row)

    def note(self) -> str | None:
        """One line for a result's notes, or None when nothing was skipped."""
        failed = [r for r in self.rows if r not in self.skipped]
        if not failed:
            return None
        first = failed[0]
        where = f"document {first['doc_id']!r}" + (f" sentence {first['sent_id']}"
                                                    if first["sent_id"] is not None else "")
        units = "sentences" if any(r["sent_id"] is not None for r in failed) else "documents"
        return (f"{self.measure}: {len(failed)} {units} skipped because they could not be processed "
                f"(first: {where}: {first['reason']}); the list is in .attrs['problems']")

    def finish(self, *tables, stacklevel: int = 3):
        """Attach the problem rows to ``tables`` and warn once; returns the first table."""
        for t in tables:
            if isinstance(t, pd.DataFrame):
                t.attrs["problems"] = [dict(r) for r in self.rows]
        if self.skipped:
            first = self.skipped[0]
            warnings.warn(f"framing.{self.measure}: {len(self.skipped)} documents left out (first: document "
                          f"{first['doc_id']!r}: {first['reason']}); the list is in .attrs['problems']",
                          MeasureWarning, stacklevel=stacklevel)
        msg = self.note()
        if msg:
            warnings.warn(f"framing.{msg}. This is a bug: please report it with the sentence; set "
                          f"{STRICT_ENV}=1 to raise instead.", MeasureWarning, stacklevel=stacklevel)
        return tables[0] if tables else None


def problems(*tables) -> pd.DataFrame:
    """The problem rows attached to measure tables, as one table (:data:`PROBLEM_COLUMNS`), without repeats."""
    rows, seen = [], set()
    for t in tables:
        for r in getattr(t, "attrs", {}).get("problems", []) or []:
            key = tuple(r.get(c) for c in PROBLEM_COLUMNS)
            if key not in seen:
                seen.add(key)
                rows.append(dict(zip(PROBLEM_COLUMNS, key)))
    if not rows:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in PROBLEM_COLUMNS})
    return pd.DataFrame(rows, columns=PROBLEM_COLUMNS)
