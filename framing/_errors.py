"""User-facing exceptions and warnings, in one place.

Every message names what went wrong, where (file, line, document) and what to do.
"""

from __future__ import annotations


class FramingError(Exception):
    """Base class of all errors raised by framing."""


class LoadError(FramingError, ValueError):
    """A source could not be read (raised only with ``strict=True``)."""


class OptionError(FramingError, ValueError):
    """An option has a value that is not allowed."""


class SchemaError(FramingError, ValueError):
    """A table lacks a column that a function needs."""


class MissingDependencyError(FramingError, ImportError):
    """An optional backend is not installed."""


class LoadWarning(UserWarning):
    """Some documents were skipped or repaired while loading."""


class AnnotationWarning(UserWarning):
    """Some documents were annotated with a fallback."""


class MeasureWarning(UserWarning):
    """A measure skipped sentences it could not process (listed in ``.attrs["problems"]``)."""


def missing_columns(table_name: str, missing, *, hint: str = "") -> SchemaError:
    cols = ", ".join(repr(c) for c in sorted(missing))
    msg = f"{table_name} lacks the column(s) {cols}."
    if hint:
        msg += " " + hint
    return SchemaError(msg)


def missing_dependency(package: str, purpose: str, *, install: str | None = None) -> MissingDependencyError:
    """The error for an absent optional package; ``install`` is what to pip-install (default ``package``)."""
    return MissingDependencyError(
        f"{purpose} needs the package {package!r}, which is not installed. "
        f"Install it with: pip install {install or package}"
    )
