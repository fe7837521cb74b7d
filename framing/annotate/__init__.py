"""Annotation: sentences, tokens, lemmas, POS, morphology, syntax and entities.

``framing.annotate(corpus, ...)`` annotates a corpus (see
:func:`framing.annotate.pipeline.annotate`).  The name is both this subpackage
and the function a notebook calls: once any of its modules is imported, Python
binds ``framing.annotate`` to the subpackage, so the subpackage itself is made
callable and forwards the call to the function.
"""

from .._callable import make_callable
from .annotated import Annotated

__all__ = ["Annotated", "CachedAnnotated", "annotate", "evaluate_treebank", "cache_dataset", "cache_index"]

make_callable(__name__, "pipeline", "annotate")


def __getattr__(name):
    if name == "annotate":
        from .pipeline import annotate
        return annotate
    if name in ("cache_dataset", "cache_index"):
        from . import cache_view as module
        return getattr(module, name)
    if name in ("CachedAnnotated", "CachePartError"):
        from . import lazy
        return getattr(lazy, name)
    if name == "evaluate_treebank":
        from .treebank import evaluate_treebank
        return evaluate_treebank
    raise AttributeError(name)
