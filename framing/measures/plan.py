"""The plan the measure runners share: which measure reads which, their order, the result.

:func:`framing.measure` (``runner.py``) and :func:`framing.measure_partitioned`
(``partitioned.py``) both read it, so neither imports the other's module.
"""

from __future__ import annotations

import importlib
import inspect

from .._display import shows_tables
from .._errors import OptionError
from .._options import InstanceOf, Interval, NoneOk, OneOf, check

#: measure -> the measures it reads, in the order they are computed.
DEPENDS = {
    "actors": (),
    "epithets": ("actors",),
    "naming": ("actors", "epithets"),
    "attributions": ("actors",),
    "sources": ("attributions",),
}

#: measure -> the module that defines it.
_MODULES = {
    "actors": "framing.measures.actors",
    "epithets": "framing.measures.epithets",
    "naming": "framing.measures.naming",
    "attributions": "framing.measures.attribution",
    "sources": "framing.measures.sources",
}

#: measures whose first argument is another measure's result, not the annotation.
_READS = {"sources": "attributions"}


def function_of(name: str):
    """The function of a measure by its name (one of :data:`DEPENDS`), imported on first use."""
    return getattr(importlib.import_module(_MODULES[name]), name)


def _keywords(name: str) -> set | None:
    """The options a measure takes (its keyword-only parameters, less the results it reads).

    None when the measure's module cannot be imported: :func:`measure` then meets the error
    where it computes the measure (and records it under ``errors="record"``)."""
    try:
        params = inspect.signature(function_of(name)).parameters
    except ImportError:
        return None
    return {p for p, v in params.items() if v.kind is v.KEYWORD_ONLY} - set(DEPENDS[name])


def order(names, given=()) -> list[str]:
    """The measures to compute for ``names``, each after the measures it reads.

    The measures in ``given`` are kept in place but what they read is not added (a
    given result needs nothing computed)."""
    out: list[str] = []

    def visit(name):
        if name not in out:
            for dep in () if name in given else DEPENDS[name]:
                visit(dep)
            out.append(name)

    for name in names:
        visit(name)
    return out


@shows_tables
class Measures:
    """The results of :func:`measure`, by measure name.

    ``result.actors`` or ``result["actors"]``; ``result.names`` lists the
    measures held (those asked for and those they read), in the order they
    were computed.
    """

    __slots__ = ("_results", "_failed")

    def __init__(self, results: dict, failed: dict | None = None):
        object.__setattr__(self, "_results", dict(results))
        object.__setattr__(self, "_failed", dict(failed or {}))

    @property
    def names(self) -> list[str]:
        return list(self._results)

    @property
    def failed(self) -> dict:
        """Measures not computed, by name: the exception a measure raised, or (a string) why it was left
        out (it reads a measure that failed).  Empty unless ``errors="record"``."""
        return dict(self._failed)

    def __getitem__(self, name: str):
        try:
            return self._results[name]
        except KeyError:
            raise KeyError(f"no measure {name!r} in this result; it holds {self.names}") from None

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self._results[name]
        except KeyError:
            raise AttributeError(f"no measure {name!r} in this result; it holds {self.names}") from None

    def __setattr__(self, name, value):
        raise AttributeError("a Measures result is read-only")

    def __contains__(self, name) -> bool:
        return name in self._results

    def __iter__(self):
        return iter(self._results)

    def __len__(self) -> int:
        return len(self._results)

    def __dir__(self):
        return sorted(set(super().__dir__()) | set(self._results))

    def _asdict(self) -> dict:
        return dict(self._results)


_SPEC = {
    "names": [InstanceOf(str, list, tuple)],
    "name": [OneOf(*DEPENDS)],
    "options": [NoneOk(), InstanceOf(dict)],
    "given": [NoneOk(), InstanceOf(dict)],
    "measure_options": [InstanceOf(dict)],
    "errors": [OneOf("raise", "record")],
    "partition_size": [NoneOk(), Interval(1, None, integer=True)],
}


def _check(names, options, given) -> tuple[list, dict, dict]:
    check("measure", _SPEC, names=names, options=options, given=given)
    names = [names] if isinstance(names, str) else list(names)
    if not names:
        raise OptionError(f"measure(): names= is empty; name one or more of {', '.join(DEPENDS)}.")
    options, given = dict(options or {}), dict(given or {})
    for name in [*names, *options, *given]:
        check("measure", _SPEC, name=name)
    for name, opts in options.items():
        check("measure", _SPEC, measure_options=opts)
        if name in given:
            raise OptionError(f"measure(): {name!r} is in both given= and options=; "
                              f"a given result is used as it is.")
        known = _keywords(name)
        unknown = sorted(set(opts) - known) if known is not None else []
        if unknown:
            raise OptionError(f"measure(): options[{name!r}] has {unknown}, which {name}() does not take; "
                              f"its options: {sorted(known)}.  Pass results it reads with given=.")
    return names, options, given


