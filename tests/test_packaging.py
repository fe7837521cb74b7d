"""Packaging promises: the README's commands, CI, environment.yml = pyproject.toml, every import
declared, test-only packages in the dev extra, fast import."""

from __future__ import annotations

import ast
import importlib.metadata
import re
import subprocess
import sys
import tomllib

from conftest import ROOT

# conda-forge names that differ from PyPI names
_CONDA_TO_PYPI = {"distributed": "dask"}


def _name(req: str) -> str:
    return re.split(r"[\s\[<>=!~;]", req.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _floor(req: str) -> str | None:
    m = re.search(r">=\s*([0-9][0-9.]*)", req)
    return m.group(1) if m else None


def _project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def _pyproject_requirements(extras: bool = True) -> dict[str, str | None]:
    """name -> minimum version, of the core dependencies (and every extra)."""
    project = _project()
    reqs = list(project["dependencies"])
    if extras:
        for extra in project["optional-dependencies"].values():
            reqs += extra
    return {_name(r): _floor(r) for r in reqs}


def _pyproject_names() -> set[str]:
    return set(_pyproject_requirements())


def _environment_requirements() -> dict[str, str | None]:
    out = {}
    text = (ROOT / "environment.yml").read_text(encoding="utf-8")
    for line in text.split("dependencies:", 1)[1].splitlines():
        m = re.match(r"^\s+-\s+([A-Za-z0-9_.\-\[\]]+.*)$", line)
        if not m or m.group(1).rstrip(":") == "pip":
            continue
        n = _name(m.group(1))
        if n in ("python", "pip"):
            continue
        n = _CONDA_TO_PYPI.get(n, n)
        out[n] = out.get(n) or _floor(m.group(1))
    return out


def _environment_names() -> set[str]:
    return set(_environment_requirements())


def test_packaging_environment_matches_pyproject():
    py, env = _pyproject_names(), _environment_names()
    assert py - env == set(), f"in pyproject.toml but not environment.yml: {sorted(py - env)}"
    assert env - py == set(), f"in environment.yml but not pyproject.toml: {sorted(env - py)}"
    py_floor, env_floor = _pyproject_requirements(), _environment_requirements()
    differ = {n: (py_floor[n], env_floor[n]) for n in py_floor if py_floor[n] != env_floor.get(n)}
    assert differ == {}, f"minimum versions differ (pyproject.toml, environment.yml): {differ}"


def _third_party_imports() -> dict[str, set[str]]:
    """Top-level module name -> the framing files that import it (absolute imports only)."""
    found: dict[str, set[str]] = {}
    for path in sorted((ROOT / "framing").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                modules = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules = [node.module]
            else:
                continue
            for module in modules:
                top = module.split(".")[0]
                if top in sys.stdlib_module_names or top in ("framing", "__future__"):
                    continue
                found.setdefault(top, set()).add(str(path.relative_to(ROOT)))
    return found


def _optional_extras() -> dict[str, set[str]]:
    """Distribution name -> the framing files allowed to import it: the packages of the
    optional extras a user installs for one feature (``dask[distributed]`` brings
    ``distributed``), each imported only by the module of that feature."""
    allowed = {"scale": {"framing/annotate/dask_backend.py"}}
    out: dict[str, set[str]] = {}
    for extra, files in allowed.items():
        for req in _project()["optional-dependencies"][extra]:
            names = {_name(req)} | set(re.findall(r"[\w-]+", req.split("[", 1)[1].split("]")[0]) if "[" in req else [])
            for n in names:
                out.setdefault(n, set()).update(files)
    return out


def test_packaging_every_import_is_a_core_dependency():
    core = set(_pyproject_requirements(extras=False))
    optional = _optional_extras()
    providers = importlib.metadata.packages_distributions()
    imports = _third_party_imports()
    assert {"numpy", "pandas", "scipy", "lxml", "pooch"} <= set(imports)  # the scan sees imports
    undeclared = {}
    for module, files in imports.items():
        dists = {_name(d) for d in providers.get(module, [])}
        if any(files <= optional.get(d, set()) for d in dists):
            continue
        if not dists & core:
            undeclared[module] = (sorted(dists) or ["not installed"], sorted(files)[:3])
    assert undeclared == {}, f"imported by framing but not in [project] dependencies: {undeclared}"


def test_packaging_notebook_tools_in_core_test_tools_in_dev():
    core = set(_pyproject_requirements(extras=False))
    dev = {_name(r) for r in _project()["optional-dependencies"]["dev"]}
    notebook = {"jupyterlab", "jupytext", "ipykernel", "ipywidgets"}
    tests_only = {"pytest", "pytest-timeout", "nbclient", "nbformat", "playwright"}
    assert notebook <= core, sorted(notebook - core)
    assert tests_only <= dev and not tests_only & core, sorted(tests_only & core)
    assert "gensim" in core


def test_packaging_readme_commands_are_what_ci_runs():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = re.search(r"^SETUP='(.+)'$", ci, re.M).group(1)
    tests = re.search(r"^TESTS='(.+)'$", ci, re.M).group(1)
    first_block = re.search(r"```(?:bash|sh)?\n(.*?)```", readme, re.S).group(1).strip().splitlines()
    commands = [c for c in first_block if c and not c.startswith("#")]
    assert commands == [setup, tests]


def test_packaging_import_loads_no_heavy_library():
    # `import framing` stays instant because names resolve lazily: no model, table or
    # plotting library is imported until a function that needs it is called
    heavy = ("pandas", "numpy", "sklearn", "gensim", "slovnet", "pymorphy3", "matplotlib", "pyarrow",
             "nltk", "scipy", "networkx", "trafilatura", "warcio")
    code = f"import sys, framing; print(','.join(m for m in {heavy!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_packaging_public_names_resolve():
    import framing

    missing = []
    for name in framing.__all__:
        try:
            getattr(framing, name)
        except (AttributeError, ImportError) as exc:
            missing.append(f"{name}: {exc}")
    assert not missing, missing


def test_packaging_no_pymorphy2_calls():
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "framing").rglob("*.py")
                 if re.search(r"^\s*(import|from)\s+pymorphy2\b", p.read_text(encoding="utf-8"), re.M)]
    assert offenders == []


def test_packaging_notebooks_name_their_kernel_and_outputs_stay_local():
    import jupytext

    notebooks = sorted((ROOT / "notebooks").rglob("*.py"))
    assert notebooks
    for path in notebooks:
        meta = jupytext.read(path).metadata
        assert meta.get("kernelspec", {}).get("name") == "python3", f"{path.name}: no python3 kernelspec"
        assert "py:percent" in meta["jupytext"]["formats"], path.name
    # the paired .ipynb files (they hold outputs) are ignored by git
    ignore = [ln.strip() for ln in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()]
    assert "*.ipynb" in ignore
    tracked = subprocess.run(["git", "-C", str(ROOT), "ls-files", "*.ipynb"], capture_output=True, text=True)
    if tracked.returncode == 0:
        assert tracked.stdout.strip() == ""
