"""Annotation: sentences, tokens, lemmas, POS, morphology, syntax and entities.

``framing.annotate(corpus, ...)`` annotates a corpus (see
:func:`framing.annotate.pipeline.annotate`).  The name is both this subpackage
and the function a notebook calls: once any of its modules is imported, Python
binds ``framing.annotate`` to the subpackage, so the subpackage itself is made
callable and forwards the call to the function.
"""

import sys
import types

from .annotated import Annotated

__all__ = ["Annotated", "annotate", "evaluate_treebank"]


class _CallableModule(types.ModuleType):
    """This subpackage, callable as :func:`framing.annotate.pipeline.annotate`."""

    def __call__(self, *args, **kwargs):
        from .pipeline import annotate

        return annotate(*args, **kwargs)

    @property
    def __signature__(self):
        import inspect

        from .pipeline import annotate

        return inspect.signature(annotate)


sys.modules[__name__].__class__ = _CallableModule


def __getattr__(name):
    if name == "annotate":
        from .pipeline import annotate
        return annotate
    if name == "evaluate_treebank":
        from .treebank import evaluate_treebank
        return evaluate_treebank
    raise AttributeError(name)
