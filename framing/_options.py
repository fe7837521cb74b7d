"""Declare allowed option values once and check them in one place.

Functions call :func:`check` at the start of their work; the error names the
function, the option, the value given and the values allowed.
"""

from __future__ import annotations

import numbers
from collections.abc import Iterable

from ._errors import OptionError


class OneOf:
    """The option must be one of the given values."""

    def __init__(self, *values):
        self.values = values

    def validate(self, value) -> bool:
        return value in self.values

    def describe(self) -> str:
        return "one of " + ", ".join(repr(v) for v in self.values)


class Interval:
    """A number within ``[low, high]`` (either side may be None = unbounded)."""

    def __init__(self, low=None, high=None, *, integer=False, closed="both"):
        self.low, self.high, self.integer, self.closed = low, high, integer, closed

    def validate(self, value) -> bool:
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            return False
        if self.integer and not isinstance(value, numbers.Integral):
            return False
        lo_ok = self.low is None or (
            value >= self.low if self.closed in ("both", "left") else value > self.low
        )
        hi_ok = self.high is None or (
            value <= self.high if self.closed in ("both", "right") else value < self.high
        )
        return lo_ok and hi_ok

    def describe(self) -> str:
        kind = "an integer" if self.integer else "a number"
        left = "[" if self.closed in ("both", "left") else "("
        right = "]" if self.closed in ("both", "right") else ")"
        lo = "-inf" if self.low is None else self.low
        hi = "inf" if self.high is None else self.high
        return f"{kind} in {left}{lo}, {hi}{right}"


class InstanceOf:
    """The option must be an instance of one of the given types."""

    def __init__(self, *types):
        self.types = types

    def validate(self, value) -> bool:
        return isinstance(value, self.types)

    def describe(self) -> str:
        return "of type " + " or ".join(t.__name__ for t in self.types)


class Callable_:
    def validate(self, value) -> bool:
        return callable(value)

    def describe(self) -> str:
        return "a callable"


class HasMethods:
    """Duck typing: the option must have these methods (e.g. a ``distributed.Client``,
    checked without importing its package)."""

    def __init__(self, *names, what: str):
        self.names, self.what = names, what

    def validate(self, value) -> bool:
        return all(callable(getattr(value, n, None)) for n in self.names)

    def describe(self) -> str:
        return self.what


class NoneOk:
    def validate(self, value) -> bool:
        return value is None

    def describe(self) -> str:
        return "None"


def check(func_name: str, spec: dict, **values) -> None:
    """Check each option against its constraints.

    Parameters
    ----------
    func_name : str
        The public function whose options are checked (for the message).
    spec : dict
        option name -> a constraint or a list of constraints (any may match).
    **values
        The values given.

    Raises
    ------
    OptionError
        Naming the first option whose value is not allowed.
    """
    for name, value in values.items():
        constraints = spec[name]
        if not isinstance(constraints, Iterable) or isinstance(constraints, (str, bytes)):
            constraints = [constraints]
        constraints = list(constraints)
        if not any(c.validate(value) for c in constraints):
            allowed = " or ".join(c.describe() for c in constraints)
            raise OptionError(
                f"{func_name}(): {name}={value!r} is not allowed; it must be {allowed}."
            )


class Matches:
    """A string that matches a regular expression in full (e.g. ``lemma|form|ngram\\d*``)."""

    def __init__(self, pattern: str, description: str):
        import re

        self.regex = re.compile(pattern)
        self.description = description

    def validate(self, value) -> bool:
        return isinstance(value, str) and self.regex.fullmatch(value) is not None

    def describe(self) -> str:
        return self.description
