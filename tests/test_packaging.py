"""Packaging promises: the README's commands, CI, environment.yml = pyproject.toml, fast import."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib

from conftest import ROOT

# conda-forge names that differ from PyPI names
_CONDA_TO_PYPI = {"distributed": "dask"}


def _name(req: str) -> str:
    return re.split(r"[\s\[<>=!~;]", req.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _pyproject_names() -> set[str]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    reqs = list(data["project"]["dependencies"])
    for extra in data["project"]["optional-dependencies"].values():
        reqs += extra
    return {_name(r) for r in reqs}


def _environment_names() -> set[str]:
    names = set()
    text = (ROOT / "environment.yml").read_text(encoding="utf-8")
    for line in text.split("dependencies:", 1)[1].splitlines():
        m = re.match(r"^\s+-\s+([A-Za-z0-9_.\-\[\]]+.*)$", line)
        if not m or m.group(1).rstrip(":") == "pip":
            continue
        n = _name(m.group(1))
        if n in ("python", "pip"):
            continue
        names.add(_CONDA_TO_PYPI.get(n, n))
    return names


def test_packaging_environment_matches_pyproject():
    py, env = _pyproject_names(), _environment_names()
    assert py - env == set(), f"in pyproject.toml but not environment.yml: {sorted(py - env)}"
    assert env - py == set(), f"in environment.yml but not pyproject.toml: {sorted(env - py)}"


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
