"""No import cycle in framing/ (issue #14 item 2: data flows one way).

The graph is read from the sources with :mod:`ast`, without importing
anything: every ``import`` and ``from … import`` of a framing module, at the
top of a module or inside a function (a lazy import hides a cycle from Python
but not from a reader), is an edge.  ``from package import name`` is an edge
to ``package.name`` when that is a module, else to the package.  A module is
not counted as importing the package it lives in (Python runs a package's
``__init__`` before its modules, which is no cycle).
"""

from __future__ import annotations

import ast

from conftest import ROOT

PACKAGE = ROOT / "framing"


def _module_name(path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(package: str, source: str, filename: str = "<source>") -> list[tuple[str, str]]:
    """``(module imported from, name)`` of every import in a module of ``package`` (``name`` is ``*``
    for ``import m``); relative imports resolved against ``package``."""
    out = []
    for node in ast.walk(ast.parse(source, filename=filename)):
        if isinstance(node, ast.Import):
            out += [(a.name, "*") for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[:len(parts) - node.level + 1] + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            out += [(base, a.name) for a in node.names]
    return out


def import_graph() -> dict[str, set[str]]:
    """module → the framing modules it imports."""
    paths = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}
    graph = {}
    for mod, path in paths.items():
        package = mod if path.name == "__init__.py" else mod.rpartition(".")[0]
        deps = {base if name == "*" else (f"{base}.{name}" if f"{base}.{name}" in paths else base)
                for base, name in _imports(package, path.read_text(encoding="utf-8"), str(path))}
        graph[mod] = {d for d in deps if d in paths and d != mod}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index, low, stack, on_stack, out = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sorted(out)


def test_import_graph_is_read():
    g = import_graph()
    # a top-level import, a lazy import inside a function, and a relative one are all edges
    assert "framing.features" in g["framing.compare.keyness"]
    assert "framing.annotate.annotated" in g["framing._tokencounts"]     # imported inside a function
    assert "framing._options" in g["framing.features"]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_import_graph_has_no_cycle():
    graph = import_graph()
    found = cycles(graph)
    edges = {m: sorted(graph[m] & set(c)) for c in found for m in c}
    assert not found, f"import cycles in framing/: {found}; edges within them: {edges}"


# --- plot and report read tables (issue #14 item 2) ---------------------------------------

#: the modules that draw or write what a comparison holds
READERS = ["framing.plot", "framing.report.html", "framing.report.paper", "framing.report.run"]
#: what they may import from the measures: their constants (UPPER_CASE names); and `framing report`
#: (report/run.py drives the whole job) computes through the public runner and compare(), never directly
ALLOWED = {"framing.report.run": {"framing.measures.runner", "framing.compare.comparison"}}
#: computing helpers of the compare layer that a reader must not call (it reads their tables)
COMPUTING = {"framing.compare._shared": {"epithet_polarity_table", "verb_class_table", "naming_form_table"},
             "framing.compare.comparison": {"compare", "epithet_polarity_table", "verb_class_table",
                                            "naming_form_table"},
             "framing.compare.rates": {"rates", "shares"}}


def imported_names(module: str, source: str | None = None) -> list[tuple[str, str]]:
    """``(module imported from, name)`` of every import in ``module`` (``name`` is ``*`` for ``import m``)."""
    if source is None:
        source = PACKAGE.joinpath(*module.split(".")[1:]).with_suffix(".py").read_text(encoding="utf-8")
    return _imports(module.rpartition(".")[0], source)


def reader_violations(module: str, source: str | None = None) -> list[str]:
    bad = []
    for base, name in imported_names(module, source):
        full = f"{base}.{name}"
        if base in ALLOWED.get(module, set()):
            continue
        if base.startswith("framing.measures") or full.startswith("framing.measures."):
            if not (name.isupper() and base != "framing.measures"):
                bad.append(f"{module} imports {name} from {base} (a measure)")
        if base == "framing._stats" or full == "framing._stats":
            bad.append(f"{module} imports {name} from framing._stats (resampling)")
        if name in COMPUTING.get(base, ()):
            bad.append(f"{module} imports {name} from {base} (it computes; read its table)")
    return bad


def test_plot_and_report_read_tables_never_run_measures_or_bootstraps():
    found = [v for m in READERS for v in reader_violations(m)]
    assert not found, "\n".join(found)


def test_reader_check_sees_a_violation():
    """The check is not vacuous: the imports plot.py and report/html.py had before this rule are caught."""
    code = ("def f():\n    from .compare._shared import epithet_polarity_table\n"
            "    from .measures.attribution import markers\n    from .measures.naming import NAMING_FORMS\n")
    bad = reader_violations("framing.plot", code)
    assert len(bad) == 2 and "computes" in bad[0] and "a measure" in bad[1]
