"""The wheel works as installed: built from the repository, installed into a fresh virtual
environment, ``framing demo`` runs in an empty folder and writes a report others can read."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import site
import stat
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow

_SKIP = {".git", ".venv", "venv", "build", "dist", "out", "__pycache__", ".pytest_cache", ".framing_cache"}


def _copy_source(dest: Path) -> None:
    """The files of a fresh clone: git's tracked files, or the tree less build products."""
    listed = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-z"], capture_output=True)
    if listed.returncode == 0 and listed.stdout:
        for rel in listed.stdout.decode("utf-8").split("\0"):
            src = ROOT / rel
            if rel and src.is_file():
                (dest / rel).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(src, dest / rel)
        return
    shutil.copytree(ROOT, dest, dirs_exist_ok=True,
                    ignore=lambda d, names: [n for n in names if n in _SKIP or n.endswith(".egg-info")])


def _has_build_backend() -> bool:
    """setuptools>=77 here, so the wheel builds without downloading the build backend."""
    if importlib.util.find_spec("setuptools") is None:
        return False
    from importlib.metadata import version

    return int(version("setuptools").split(".")[0]) >= 77


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    src, dist = work / "src", work / "dist"
    src.mkdir()
    _copy_source(src)
    cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(dist), str(src)]
    if _has_build_backend():
        cmd.insert(5, "--no-build-isolation")
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    (whl,) = dist.glob("framing-*.whl")
    return whl


def test_wheel_carries_the_demo_corpus_of_the_repository(wheel):
    demo = ROOT / "corpora" / "demo"
    expected = {str(p.relative_to(demo)): p.read_bytes() for p in sorted(demo.rglob("*"))
                if p.is_file() and p.suffix in (".jsonl", ".csv")}
    assert "answers.csv" in expected and any(k.startswith("documents/") for k in expected)
    with zipfile.ZipFile(wheel) as z:
        shipped = {n[len("framing/_demo/"):]: z.read(n) for n in z.namelist()
                   if n.startswith("framing/_demo/") and not n.endswith("/")}
    assert shipped == expected  # the same files, byte for byte


def test_wheel_carries_the_paper_template_and_the_exercise_catalogue(wheel):
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
        assert z.read("framing/_paper/paper.py") == (ROOT / "notebooks" / "paper" / "paper.py").read_bytes()
        assert z.read("framing/exercises/catalogue.tsv") == \
            (ROOT / "framing" / "exercises" / "catalogue.tsv").read_bytes()
    assert "framing/reproduce.py" in names and "framing/report/paper.py" in names


def _venv_with_wheel(wheel: Path, where: Path) -> Path:
    """A fresh virtual environment with the wheel installed; the dependencies are those of the
    interpreter running the tests (a path line in a .pth file), so nothing is downloaded."""
    venv = where / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=300)
    py = venv / ("Scripts" if os.name == "nt" else "bin") / ("python.exe" if os.name == "nt" else "python")
    done = subprocess.run([sys.executable, "-m", "pip", "--python", str(py), "install", "--no-deps",
                           "--no-index", "--quiet", str(wheel)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    purelib = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    deps = [p for p in site.getsitepackages() + [sysconfig.get_paths()["purelib"]] if Path(p).is_dir()]
    Path(purelib, "zz_test_dependencies.pth").write_text("\n".join(dict.fromkeys(deps)) + "\n", encoding="utf-8")
    return py


def _clean_env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    env.update(extra)
    return env


def test_wheel_framing_demo_in_an_empty_folder(wheel, tmp_path):
    py = _venv_with_wheel(wheel, tmp_path)
    empty = tmp_path / "empty"
    empty.mkdir()
    env = _clean_env(FRAMING_CACHE_DIR=str(tmp_path / "cache"), MPLBACKEND="Agg")
    # the package, the demo corpus and its answer key come from the installed wheel
    code = ("import json, framing; from framing.corpora import demo_dir, demo_answers, demo_events\n"
            "c = framing.load_demo()\n"
            "print(json.dumps({'file': framing.__file__, 'demo': str(demo_dir()), 'docs': len(c),\n"
            "                  'answers': len(demo_answers()), 'events': len(demo_events())}))\n")
    done = subprocess.run([str(py), "-c", code], cwd=empty, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    info = json.loads(done.stdout.strip().splitlines()[-1])
    venv = (tmp_path / "venv").resolve()
    assert Path(info["file"]).resolve().is_relative_to(venv), info
    assert Path(info["demo"]).resolve().is_relative_to(venv) and Path(info["demo"]).name == "_demo", info
    assert info["docs"] > 0 and info["answers"] > 0 and info["events"] > 0
    # `framing demo` from the console script, under umask 022
    framing_cmd = py.with_name("framing.exe" if os.name == "nt" else "framing")
    done = subprocess.run([str(framing_cmd), "demo"], cwd=empty, env=env, capture_output=True, text=True,
                          timeout=900, preexec_fn=(lambda: os.umask(0o022)) if os.name != "nt" else None)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    out = empty / "out"
    assert "Report written to out" in done.stdout
    written = sorted(p for p in out.rglob("*") if p.is_file())
    names = {p.name for p in written}
    assert {"report.md", "comparison.html", "actors.csv", "attributions.csv"} <= names, sorted(names)
    assert any(n.endswith(".png") for n in names)
    # readable by group and others: 0644 for files, 0755 for folders (umask 022)
    modes = {str(p.relative_to(tmp_path)): oct(stat.S_IMODE(p.stat().st_mode))
             for p in [out, *out.rglob("*"), *(tmp_path / "cache").rglob("*")]}
    wrong = {p: m for p, m in modes.items() if m != ("0o755" if (tmp_path / p).is_dir() else "0o644")}
    assert wrong == {}, wrong
    assert any(p.startswith("cache/") and p.endswith(".parquet") for p in modes)  # cache parts checked too
