"""Record what went wrong with single documents without losing the rest.

A :class:`ProblemLog` collects one row per problem (source, location, doc_id,
reason, action).  Loaders and the annotator call :meth:`ProblemLog.add` and at
the end :meth:`ProblemLog.report`, which either raises on the first problem
(``strict=True``) or emits a single summarising warning.
"""

from __future__ import annotations

import warnings

import pandas as pd

from ._errors import LoadError, LoadWarning

PROBLEM_COLUMNS = ["source", "location", "doc_id", "reason", "action"]


def empty_problems() -> pd.DataFrame:
    """An empty problems table with the documented columns."""
    return pd.DataFrame({c: pd.Series(dtype="object") for c in PROBLEM_COLUMNS})


class ProblemLog:
    """Collects problems found while reading or processing documents.

    Parameters
    ----------
    strict : bool
        When True, the first problem raises ``error_cls`` instead of being kept.
    error_cls : type
        The exception raised in strict mode.
    """

    def __init__(self, *, strict: bool = False, error_cls=LoadError):
        self.strict = strict
        self.error_cls = error_cls
        self.rows: list[dict] = []

    def add(self, source, reason: str, *, location=None, doc_id=None, action="skipped"):
        """Record one problem; raise at once in strict mode."""
        row = {
            "source": None if source is None else str(source),
            "location": None if location is None else str(location),
            "doc_id": None if doc_id is None else str(doc_id),
            "reason": reason,
            "action": action,
        }
        if self.strict:
            raise self.error_cls(describe(row) + " (strict=True: pass strict=False to skip and record it)")
        self.rows.append(row)

    def extend(self, frame: pd.DataFrame) -> None:
        for row in frame.to_dict("records"):
            self.rows.append({c: row.get(c) for c in PROBLEM_COLUMNS})

    def __len__(self) -> int:
        return len(self.rows)

    def to_frame(self) -> pd.DataFrame:
        if not self.rows:
            return empty_problems()
        return pd.DataFrame(self.rows, columns=PROBLEM_COLUMNS)

    def report(self, what: str = "load", *, category=LoadWarning, stacklevel: int = 3) -> None:
        """Emit one warning summarising the problems, if any."""
        if not self.rows:
            return
        counts: dict[str, int] = {}
        for r in self.rows:
            counts[r["action"]] = counts.get(r["action"], 0) + 1
        parts = ", ".join(f"{n} {a}" for a, n in sorted(counts.items()))
        warnings.warn(
            f"{what}: {len(self.rows)} problem(s) ({parts}); first: {describe(self.rows[0])}. "
            "See .problems for the full list.",
            category,
            stacklevel=stacklevel,
        )


def describe(row: dict) -> str:
    where = row.get("source") or "<input>"
    if row.get("location"):
        where += f", {row['location']}"
    if row.get("doc_id"):
        where += f" (document {row['doc_id']!r})"
    return f"{where}: {row['reason']} [{row['action']}]"
