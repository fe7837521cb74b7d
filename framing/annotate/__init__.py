"""Annotation: sentences, tokens, lemmas, POS, morphology, syntax and entities."""

from .annotated import Annotated

__all__ = ["Annotated", "annotate", "evaluate_treebank"]


def __getattr__(name):
    if name == "annotate":
        from .pipeline import annotate
        return annotate
    if name == "evaluate_treebank":
        from .treebank import evaluate_treebank
        return evaluate_treebank
    raise AttributeError(name)
