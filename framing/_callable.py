"""Subpackages that share their name with the function a notebook calls.

``framing.annotate`` and ``framing.compare`` are both subpackages and public
functions, and ``framing.features`` both a module and a function.  Once any module of such a subpackage is imported, Python binds the
name on ``framing`` to the subpackage, so the subpackage is made callable: it
forwards the call, its signature and its docstring to the function.
"""

from __future__ import annotations

import importlib
import inspect
import sys
import types


def make_callable(package: str, module: str | None, function: str) -> None:
    """Make ``sys.modules[package]`` callable as ``<package>.<module>.<function>``.

    ``module=None``: the function is defined in ``package`` itself (a plain
    module such as ``framing.features`` whose main function has its name).
    """

    def target():
        where = package if module is None else f"{package}.{module}"
        return getattr(importlib.import_module(where), function)

    package_doc = sys.modules[package].__doc__ or ""

    class _CallableModule(types.ModuleType):
        @property
        def __doc__(self):
            # ``framing.annotate?`` in Jupyter shows the function a user calls,
            # followed by the subpackage's own description.
            kind = "module" if module is None else "subpackage"
            return f"{inspect.getdoc(target()) or ''}\n\n(The {kind} {package}: {package_doc.strip()})"

        def __call__(self, *args, **kwargs):
            return target()(*args, **kwargs)

        @property
        def __signature__(self):
            return inspect.signature(target())

    sys.modules[package].__class__ = _CallableModule
