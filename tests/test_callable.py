"""framing.annotate and framing.compare stay usable after their subpackages are imported."""

import inspect

import framing


def test_callable_subpackage_forwards_call_signature_and_docstring():
    import framing.annotate.cache  # noqa: F401  (binds framing.annotate to the subpackage)
    import framing.compare.keyness  # noqa: F401
    from framing.annotate.pipeline import annotate
    from framing.compare.comparison import compare

    for module, function in ((framing.annotate, annotate), (framing.compare, compare)):
        assert callable(module)
        assert inspect.signature(module) == inspect.signature(function)
        # What `framing.annotate?` shows in Jupyter: the function's own documentation first.
        assert inspect.getdoc(module).startswith(inspect.getdoc(function).splitlines()[0])
        assert "Examples" in module.__doc__
