"""Every docstring example in framing/ runs, as a reader would paste it into a fresh session.

The examples are found without importing anything (by parsing the sources), so
collecting this file loads no model.  Each docstring runs on its own, with an
empty namespace: it must import what it uses (``import framing``,
``import pandas as pd``) and build its own data (the demo corpus,
``framing.load_demo()``, or a few inline lines).  Options: ``ELLIPSIS`` and
``NORMALIZE_WHITESPACE``.  Files the examples write land in a temporary folder
(the working directory and :mod:`tempfile`'s folder point there), annotations
go to a cache shared by this test session (unless ``FRAMING_CACHE_DIR`` is set),
figures are drawn with matplotlib's ``Agg`` backend and closed afterwards, and
pandas prints with its defaults for a non-terminal (80 columns), whatever the
terminal running the tests.
"""

from __future__ import annotations

import ast
import doctest
import importlib
import io
import os
import sys
import tempfile

import pytest

from conftest import ROOT

PACKAGE = ROOT / "framing"
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE

#: The only docstrings allowed to skip examples, and why.
SKIPS_ALLOWED = {
    "framing._download.fetch": "downloading needs the network",
}


def _module_name(path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _has_examples(node) -> bool:
    doc = ast.get_docstring(node, clean=False)
    return bool(doc) and ">>>" in doc


def _documented(path) -> list[str]:
    """Qualified names of the module, classes, functions and methods whose docstring has examples.

    These are the places :class:`doctest.DocTestFinder` looks (not functions
    nested in functions).
    """
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    module = _module_name(path)
    found = [module] if _has_examples(tree) else []

    def walk(body, prefix):
        for node in body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                name = f"{prefix}.{node.name}"
                if _has_examples(node):
                    found.append(name)
                if isinstance(node, ast.ClassDef):
                    walk(node.body, name)

    walk(tree.body, module)
    return found


MODULES = sorted(_module_name(p) for p in PACKAGE.rglob("*.py"))
CASES = sorted(name for p in PACKAGE.rglob("*.py") for name in _documented(p))


def _module_of(name: str) -> str:
    """The module a qualified name belongs to (the longest module name it starts with)."""
    return next(m for m in sorted(MODULES, key=len, reverse=True) if name == m or name.startswith(m + "."))


def _resolve(name: str):
    """(module, object) for a qualified name found by :func:`_documented`."""
    module = _module_of(name)
    mod = importlib.import_module(module)
    obj = mod
    for part in name[len(module):].split(".")[1:]:
        obj = obj.__dict__[part] if isinstance(obj, type) else getattr(obj, part)
    return mod, obj


@pytest.fixture(scope="session")
def _session_cache(tmp_path_factory):
    return tmp_path_factory.getbasetemp() / "framing-cache"


@pytest.fixture
def example_env(tmp_path, monkeypatch, _session_cache):
    """A scratch working directory, a session annotation cache, a headless plotting backend."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    if "FRAMING_CACHE_DIR" not in os.environ:
        monkeypatch.setenv("FRAMING_CACHE_DIR", str(_session_cache))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    import pandas as pd

    # pandas' defaults outside a terminal, whatever the terminal running the tests
    with pd.option_context("display.width", 80, "display.max_columns", 20, "display.max_colwidth", 50,
                           "display.max_rows", 60):
        yield tmp_path
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")


def test_docstrings_found():
    # the parser and doctest agree on where the examples are, and there are examples
    assert len(CASES) > 40
    for module in MODULES:
        mod = importlib.import_module(module)
        seen = {t.name for t in doctest.DocTestFinder().find(mod, module) if t.examples}
        if callable(mod):
            # framing.annotate / framing.compare show their function's docstring
            # (framing/_callable.py); its examples are run under the function's name
            seen.discard(module)
        mine = {c for c in CASES if _module_of(c) == module}
        assert seen == mine, f"{module}: doctest finds {sorted(seen ^ mine)} differently"


@pytest.mark.parametrize("name", CASES)
def test_docstrings_example_runs(name, example_env):
    mod, obj = _resolve(name)
    tests = doctest.DocTestFinder(recurse=False).find(obj, name, module=mod, globs={"__name__": "__main__"})
    assert tests and tests[0].examples, f"no examples found in {name}"
    test = tests[0]
    skipped = [ex.source.strip() for ex in test.examples if ex.options.get(doctest.SKIP)]
    if name not in SKIPS_ALLOWED:
        assert not skipped, (f"{name} skips {skipped}: make the example run on the demo corpus "
                             "or inline data (or list it in SKIPS_ALLOWED with the reason)")
    shown = [ex for ex in test.examples if ex.want.strip() and not ex.options.get(doctest.SKIP)]
    assert shown, f"{name}: no example shows a result (end with a line whose output is printed)"
    out = io.StringIO()
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    result = runner.run(test, out=out.write, clear_globs=True)
    assert result.failed == 0, out.getvalue()


def test_docstrings_every_export_has_examples():
    import framing

    missing = []
    for name, module in sorted(framing._EXPORTS.items()):
        # from the defining module: framing.annotate and framing.compare are also subpackages
        obj = getattr(importlib.import_module(module), name)
        doc = obj.__doc__ or ""
        tests = doctest.DocTestParser().get_examples(doc)
        if "Examples\n" not in doc or not [ex for ex in tests if not ex.options.get(doctest.SKIP)]:
            missing.append(name)
    assert not missing, f"public names without a runnable Examples section: {missing}"
