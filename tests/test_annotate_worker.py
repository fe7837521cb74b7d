"""framing.annotate._worker: the memory release between batches of a long run."""

from __future__ import annotations

import sys

import pytest

from framing.annotate import _worker

_real_libc = _worker._libc


def test_annotate_worker_release_memory_keeps_what_is_referenced():
    kept = [str(i) * 50 for i in range(10_000)]
    assert _worker.release_memory() is None
    assert _worker.release_memory() is None              # twice in a row: still safe
    assert kept[1234] == "1234" * 50 and len(kept) == 10_000


def test_annotate_worker_release_memory_is_a_no_op_without_malloc_trim(monkeypatch):
    # macOS, Windows, musl: no malloc_trim; and a pyarrow pool without release_unused
    monkeypatch.setattr(_worker, "_libc", lambda name: None)
    import pyarrow as pa
    monkeypatch.setattr(pa, "default_memory_pool", lambda: object())
    assert _worker.release_memory() is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="malloc_trim is glibc's (Linux)")
def test_annotate_worker_malloc_trim_found_on_linux_glibc():
    import platform
    trim = _worker._libc("malloc_trim")
    if platform.libc_ver()[0] != "glibc":
        pytest.skip("not glibc")
    assert trim is not None and trim(0) in (0, 1)


def test_annotate_worker_malloc_trim_absent_elsewhere(monkeypatch):
    monkeypatch.setattr(sys, "platform", "darwin")
    assert _worker._libc("malloc_trim") is None and _worker._libc("mallopt") is None


def test_annotate_worker_mmap_threshold_fixed_once_on_glibc(monkeypatch):
    import platform
    calls = []
    monkeypatch.setattr(_worker, "_mmap_threshold_fixed", False)
    monkeypatch.setattr(_worker, "_libc", lambda name: (lambda *a: calls.append(a) or 1) if name == "mallopt" else None)
    assert _worker.fix_mmap_threshold() is True and _worker.fix_mmap_threshold() is True
    assert calls == [(-3, 128 * 1024)]                   # M_MMAP_THRESHOLD at glibc's default, set once
    monkeypatch.setattr(_worker, "_mmap_threshold_fixed", False)
    monkeypatch.setattr(_worker, "_libc", lambda name: None)
    assert _worker.fix_mmap_threshold() is False          # no glibc: nothing set, no error
    if sys.platform.startswith("linux") and platform.libc_ver()[0] == "glibc":
        monkeypatch.setattr(_worker, "_libc", _real_libc)
        assert _worker.fix_mmap_threshold() is True       # the real mallopt accepts it
