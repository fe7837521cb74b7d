"""Comparison: events across outlets, keyness, rates with intervals, concordances, collocations.

``framing.compare(ann, ...)`` builds a :class:`~framing.compare.comparison.Comparison`.
The name is both this subpackage and the function a notebook calls: once any of
its modules is imported Python binds ``framing.compare`` to the subpackage, so
the subpackage itself is callable and forwards the call to the function.
"""

from .._callable import make_callable

make_callable(__name__, "comparison", "compare")
