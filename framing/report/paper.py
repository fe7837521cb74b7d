"""``framing paper``: run the reproducible-paper notebook with parameters.

The template (``notebooks/paper/paper.py`` in a checkout, ``framing/_paper/paper.py``
in an installed wheel, or any py:percent notebook given with ``--template``) has
one code cell tagged ``parameters``, the convention papermill uses.  Here the
notebook is read with jupytext, a cell assigning the given values is inserted
after the parameters cell (papermill's "injected-parameters"), and the code
cells run in order in one fresh namespace in this process (in the current
folder, so relative paths in the parameters mean what they mean to the user),
with matplotlib's Agg backend.  No Jupyter kernel is started, so no kernel-side package (nbclient,
papermill) is needed: what runs is exactly the cells' code, and the notebook as
run (with the injected cell) is saved as ``<out>/paper.py`` beside its results.
Users who prefer papermill can run the paired ``.ipynb`` with it unchanged.
"""

from __future__ import annotations

import ast
import contextlib
import json
from pathlib import Path

from .._atomic import atomic_path
from .._errors import LoadError, OptionError

__all__ = ["run_paper", "template_path", "parse_value"]


def template_path() -> Path:
    """The paper template: the wheel's copy, else the checkout's ``notebooks/paper/paper.py``."""
    here = Path(__file__).resolve().parents[1]
    tried = []
    for p in (here / "_paper" / "paper.py", here.parent / "notebooks" / "paper" / "paper.py"):
        if p.is_file():
            return p
        tried.append(str(p))
    raise LoadError(f"the paper template is not in {' nor in '.join(tried)}: pass --template the path of "
                    "a copy of notebooks/paper/paper.py.")


def parse_value(text: str):
    """A ``-p name value`` value: JSON when it parses (``3``, ``null``, ``["a", "b"]``), else the string."""
    try:
        return json.loads(text)
    except ValueError:
        return text


def _parameter_names(source: str, where: str) -> list[str]:
    try:
        tree = ast.parse(source)
    except SyntaxError as err:
        raise LoadError(f"{where}: the parameters cell is not valid Python: {err}") from None
    return [t.id for node in tree.body if isinstance(node, ast.Assign) for t in node.targets
            if isinstance(t, ast.Name)]


def run_paper(out, *, params: dict | None = None, template=None) -> Path:
    """Run the paper notebook with ``params`` (names of its parameters cell) writing into ``out``.

    Returns the folder written.  An unknown parameter name is an
    :class:`~framing._errors.OptionError` listing the names the template has.
    """
    import jupytext
    import matplotlib

    path = Path(template) if template is not None else template_path()
    if not path.is_file():
        raise LoadError(f"no such paper template: {str(path)!r}")
    nb = jupytext.read(path)
    cells = nb.cells
    at = next((i for i, c in enumerate(cells) if c.cell_type == "code"
               and "parameters" in c.get("metadata", {}).get("tags", [])), None)
    if at is None:
        raise LoadError(f"{path}: no code cell is tagged 'parameters' (write `# %% tags=[\"parameters\"]` "
                        "above the cell that sets the parameters).")
    names = _parameter_names(cells[at].source, str(path))
    out = Path(out).resolve()
    given = {**(params or {}), "out": str(out)}
    unknown = sorted(set(given) - set(names))
    if unknown:
        raise OptionError(f"-p {', '.join(unknown)}: not a parameter of {path.name}; its parameters are "
                          f"{', '.join(n for n in names if n != 'out')}.")
    injected = "# Parameters (injected by framing paper)\n" + "".join(
        f"{k} = {v!r}\n" for k, v in given.items())
    cell = jupytext.reads(f"# %% tags=[\"injected-parameters\"]\n{injected}", fmt="py:percent").cells[0]
    cells.insert(at + 1, cell)
    out.mkdir(parents=True, exist_ok=True)
    with atomic_path(out / "paper.py") as tmp:
        tmp.write_text(jupytext.writes(nb, fmt="py:percent"), encoding="utf-8")
    namespace = {"__name__": "__main__", "__file__": str(path)}
    backend = matplotlib.get_backend()
    matplotlib.use("Agg")
    try:
        for i, c in enumerate(cells):
            if c.cell_type != "code":
                continue
            code = "\n".join(ln for ln in c.source.splitlines() if not ln.lstrip().startswith(("%", "!")))
            try:
                exec(compile(code, f"{path.name}, cell {i + 1}", "exec"), namespace)
            except Exception as err:
                raise type(err)(f"{path.name}, cell {i + 1}: {err}") if isinstance(err, (OptionError, LoadError)) \
                    else err
    finally:
        import matplotlib.pyplot as plt

        plt.close("all")
        with contextlib.suppress(Exception):
            matplotlib.use(backend)
    return out
