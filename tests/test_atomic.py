"""Files written through framing._atomic (and the folders made for them) respect the umask."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT
from framing import _atomic

# Runs in a fresh interpreter: the umask is process-wide, so the test never changes
# the umask of the process running the other tests.
_SCRIPT = r"""
import json, os, stat, sys
from pathlib import Path

os.umask(int(sys.argv[2], 8))
root = Path(sys.argv[1])

import pandas as pd
from framing import _atomic
from framing.annotate.cache import ENTITY_SCHEMA, TOKEN_SCHEMA, AnnotationCache, text_hash
from framing.corpus import Corpus

modes = {"umask_read": _atomic.umask(), "umask_probe": _atomic._umask_by_probe()}
with _atomic.atomic_path(root / "made" / "by" / "atomic.txt") as tmp:
    tmp.write_text("x", encoding="utf-8")
with _atomic.atomic_path(root / "recreated.txt") as tmp:  # a writer that replaces the file
    tmp.unlink()
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT, 0o600)
    os.close(fd)
corpus = Corpus(pd.DataFrame({"doc_id": ["d1"], "outlet": ["o"], "text": ["Текст."], "lang": ["ru"]}))
corpus.to_parquet(root / "corpus" / "c.parquet")
cache = AnnotationCache(root / "cache", "k1", {"key": "k1"})
cache.write_part([text_hash("1")], {n: [] for n, _ in TOKEN_SCHEMA}, {n: [] for n, _ in ENTITY_SCHEMA})
for p in sorted(root.rglob("*")):
    modes[str(p.relative_to(root))] = stat.S_IMODE(p.stat().st_mode)
print(json.dumps(modes))
"""


def _run(tmp_path, mask: int) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", _SCRIPT, str(tmp_path), oct(mask)], env=env,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("mask, file_mode, dir_mode", [(0o022, 0o644, 0o755), (0o002, 0o664, 0o775)],
                         ids=["umask022", "umask002"])
def test_atomic_outputs_respect_umask(tmp_path, mask, file_mode, dir_mode):
    modes = _run(tmp_path, mask)
    assert modes.pop("umask_read") == mask
    assert modes.pop("umask_probe") == mask & 0o666
    files = {p: m for p, m in modes.items() if (tmp_path / p).is_file()}
    dirs = {p: m for p, m in modes.items() if (tmp_path / p).is_dir()}
    # what was written: the plain file, the re-created file, the Parquet corpus, the cache
    # key, token and entity parts and index, and their folders
    assert {"made/by/atomic.txt", "recreated.txt", "corpus/c.parquet", "cache/annotate/k1/KEY.json"} <= set(files)
    assert sum(p.startswith("cache/annotate/k1/tokens-") for p in files) == 1
    assert sum(p.startswith("cache/annotate/k1/index-") for p in files) == 1
    assert {"made", "made/by", "corpus", "cache", "cache/annotate", "cache/annotate/k1"} <= set(dirs)
    assert {p: oct(m) for p, m in files.items()} == {p: oct(file_mode) for p in files}
    assert {p: oct(m) for p, m in dirs.items()} == {p: oct(dir_mode) for p in dirs}
    assert not [p for p in files if p.endswith(".tmp")]  # no temporary file left behind


def test_atomic_umask_read_leaves_it_unchanged(monkeypatch):
    before = os.umask(0o022)
    os.umask(before)
    assert _atomic.umask() == before
    assert _atomic.file_mode() == 0o666 & ~before
    # without /proc (macOS, BSD): the probe file
    real_open = open

    def no_proc(path, *args, **kwargs):
        if str(path).startswith("/proc/"):
            raise FileNotFoundError(path)
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr("builtins.open", no_proc)
    assert _atomic.umask() == before & 0o666
    monkeypatch.undo()
    now = os.umask(0o022)
    os.umask(now)
    assert now == before


def test_atomic_failed_write_keeps_old_file(tmp_path):
    target = tmp_path / "report.csv"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), _atomic.atomic_path(target) as tmp:
        tmp.write_text("half", encoding="utf-8")
        raise RuntimeError("interrupted")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.csv"]
