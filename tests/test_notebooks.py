"""Every notebook (paired py:percent script under notebooks/) runs top to bottom within its time limit.

Tutorials (``notebooks/NN_*.py``), the paper template (``notebooks/paper/``), the
exercises and their worked solutions (``notebooks/exercises/``) are executed in a
Jupyter kernel (nbclient), each in a fresh temporary folder, with a time limit of
its own (``LIMITS``, seconds, generous for two busy cores), two at a time. They
share an annotation cache for the test session, so the demo corpus is annotated once.  The
Telegram showcase needs ``../shared/data/telegram_ru_2024`` and is skipped with the
reason when it is absent; it uses the user's annotation cache (warm on a machine
that has the data).  The quickstart is fast and runs in the default suite; the
others are marked slow (the whole set takes a few minutes on two cores).
"""

from __future__ import annotations

import os

import pytest

from conftest import ROOT, SHARED

NB = ROOT / "notebooks"
NOTEBOOKS = sorted(NB.glob("*.py")) + sorted((NB / "paper").glob("*.py")) + \
    sorted((NB / "exercises").glob("*.py")) + sorted((NB / "exercises" / "solutions").glob("*.py"))

#: time limit (seconds) of each cell (nbclient) and, plus a minute, of the whole run (pytest-timeout)
DEFAULT_LIMIT = 180
LIMITS = {"05_compare_outlets": 300, "paper/paper": 300, "10_telegram_showcase": 900}
#: notebooks run by the default (not slow) suite
FAST = {"00_quickstart"}
#: notebooks that need data outside the project, and where it is
NEEDS = {"10_telegram_showcase": SHARED / "telegram_ru_2024" / "raw"}


def _name(path) -> str:
    return path.relative_to(NB).with_suffix("").as_posix()


def _params():
    out = []
    for path in NOTEBOOKS:
        name = _name(path)
        limit = LIMITS.get(name, DEFAULT_LIMIT)
        marks = [pytest.mark.timeout(limit + 60)] + ([] if name in FAST else [pytest.mark.slow])
        out.append(pytest.param(path, limit, marks=marks, id=name))
    return out


def test_notebooks_exist():
    names = {_name(p) for p in NOTEBOOKS}
    assert {"00_quickstart", "01_corpus", "06_topics_by_outlet", "07_frames", "08_validation", "09_scale", "10_telegram_showcase",
            "paper/paper"} <= names
    assert "06_validation" not in names
    exercises = {n for n in names if n.startswith("exercises/") and "/solutions/" not in n}
    solutions = {n.replace("solutions/", "") for n in names if "/solutions/" in n}
    assert exercises and exercises == solutions


def test_notebooks_quickstart_is_under_ten_cells():
    import jupytext

    nb = jupytext.read(NB / "00_quickstart.py")
    assert len(nb.cells) < 10


def test_notebooks_tutorials_state_validity_and_cite_methods():
    """Each tutorial says what it shows and does not show, with figures, and cites its method."""
    import re

    for path in sorted(NB.glob("0[0-9]_*.py")) + [NB / "10_telegram_showcase.py"]:
        text = path.read_text(encoding="utf-8")
        assert "does not show" in text, path.name
        assert re.search(r"\b0\.\d{2,4}\b", text), f"{path.name}: no measured figure"
        assert re.search(r"\((19|20)\d\d\)|\b(19|20)\d\d\)", text), f"{path.name}: no reference"


def _execute(path, limit, work, cache_dir):
    """Run one notebook in a kernel of its own; returns the executed notebook."""
    import jupytext
    import nbclient

    nb = jupytext.read(path)
    env = dict(os.environ)
    if cache_dir is not None:
        env.setdefault("FRAMING_CACHE_DIR", str(cache_dir))
    client = nbclient.NotebookClient(nb, timeout=limit, kernel_name="python3",
                                     resources={"metadata": {"path": str(work)}})
    client.execute(env=env)
    return nb


@pytest.fixture(scope="module")
def _runs(request, tmp_path_factory):
    """The selected notebooks, started two at a time (each kernel is a process of its own).

    Tests take them in the order they were submitted, so a test waits at most for its
    own notebook: those before it are done, one after it may be running beside it.
    """
    from concurrent.futures import ThreadPoolExecutor

    pytest.importorskip("jupytext")
    pytest.importorskip("nbclient")
    selected = [item.callspec.params["path"] for item in request.session.items
                if getattr(item, "originalname", None) == "test_notebooks_run"]
    shared_cache = tmp_path_factory.getbasetemp() / "framing-cache"
    pool = ThreadPoolExecutor(max_workers=2)
    runs = {}
    for path in selected:
        name = _name(path)
        if name in NEEDS and not NEEDS[name].exists():
            continue
        work = tmp_path_factory.mktemp(name.replace("/", "_"))
        runs[name] = (work, pool.submit(_execute, path, LIMITS.get(name, DEFAULT_LIMIT), work,
                                        None if name in NEEDS else shared_cache))
    yield runs
    pool.shutdown(wait=False, cancel_futures=True)


@pytest.mark.parametrize("path,limit", _params())
def test_notebooks_run(path, limit, _runs):
    name = _name(path)
    if name in NEEDS and not NEEDS[name].exists():
        pytest.skip(f"{name} needs {NEEDS[name]}, which is absent (the notebook prints the same reason)")
    work, future = _runs[name]
    nb = future.result(timeout=limit + 30)
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
              if o.get("output_type") == "error"]
    assert not errors, [f"{e.get('ename')}: {e.get('evalue')}" for e in errors]
    if name == "paper/paper":
        assert sorted(p.name for p in (work / "paper" / "tables").iterdir())[:2] == [
            "table1_corpus.csv", "table1_corpus.tex"]
        assert (work / "paper" / "provenance.json").is_file()
