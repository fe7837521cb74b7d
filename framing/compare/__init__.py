"""Comparison: events across outlets, keyness, rates with intervals, concordances, collocations.

``framing.compare(ann, ...)`` builds a :class:`~framing.compare.comparison.Comparison`.
The name is both this subpackage and the function a notebook calls: once any of
its modules is imported Python binds ``framing.compare`` to the subpackage, so
the subpackage itself is callable and forwards the call to the function.
"""

import sys
import types


class _CallableModule(types.ModuleType):
    """This subpackage, callable as :func:`framing.compare.comparison.compare`."""

    def __call__(self, *args, **kwargs):
        from .comparison import compare

        return compare(*args, **kwargs)

    @property
    def __signature__(self):
        import inspect

        from .comparison import compare

        return inspect.signature(compare)


sys.modules[__name__].__class__ = _CallableModule
