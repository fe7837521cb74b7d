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


def import_graph() -> dict[str, set[str]]:
    """module → the framing modules it imports."""
    paths = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}
    graph = {}
    for mod, path in paths.items():
        package = mod if path.name == "__init__.py" else mod.rpartition(".")[0]
        deps = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if isinstance(node, ast.Import):
                deps.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    parts = package.split(".")
                    base = ".".join(parts[:len(parts) - node.level + 1] + ([node.module] if node.module else []))
                else:
                    base = node.module or ""
                deps.update(f"{base}.{a.name}" if f"{base}.{a.name}" in paths else base for a in node.names)
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
