"""One build step that pyproject.toml cannot declare: the demo corpus goes into the wheel.

The demo corpus lives once in git, in ``corpora/demo/`` at the top of the
repository (where a reader looks for it).  Building the wheel copies it to
``framing/_demo/`` inside the package, where :func:`framing.corpora.demo_dir`
finds it with :mod:`importlib.resources`; an editable install or a checkout
reads ``corpora/demo/`` itself.  The paper template ``notebooks/paper/paper.py``
(run by ``framing paper``) goes to ``framing/_paper/paper.py`` the same way.
Everything else is in pyproject.toml.
"""

from __future__ import annotations

import os
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

DEMO = Path("corpora") / "demo"
DEMO_SUFFIXES = (".jsonl", ".csv")
DEMO_IN_PACKAGE = ("framing", "_demo")
PAPER = Path("notebooks") / "paper" / "paper.py"
PAPER_IN_PACKAGE = ("framing", "_paper", "paper.py")


def _demo_files(build_lib: str) -> list[tuple[str, str]]:
    """(source, target) pairs: every data file of corpora/demo/ and its place in the build."""
    if not DEMO.is_dir():
        raise FileNotFoundError(f"{DEMO}/ is missing: the demo corpus must be in the source tree "
                                "(MANIFEST.in grafts it into the sdist)")
    target = Path(build_lib, *DEMO_IN_PACKAGE)
    files = [(str(src), str(target / src.relative_to(DEMO)))
             for src in sorted(DEMO.rglob("*")) if src.is_file() and src.suffix in DEMO_SUFFIXES]
    if PAPER.is_file():  # the sdist carries it (MANIFEST.in); framing paper needs it in the wheel
        files.append((str(PAPER), str(Path(build_lib, *PAPER_IN_PACKAGE))))
    return files


class BuildPyWithDemo(build_py):
    """build_py, plus a copy of corpora/demo/ as framing/_demo/ (not for editable installs)."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return  # an editable install reads corpora/demo/ of the checkout
        for src, target in _demo_files(self.build_lib):
            self.mkpath(os.path.dirname(target))
            self.copy_file(src, target)

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        outputs = super().get_outputs(include_bytecode)
        if self.editable_mode:
            return outputs
        return outputs + [target for _, target in _demo_files(self.build_lib)]


setup(cmdclass={"build_py": BuildPyWithDemo})
