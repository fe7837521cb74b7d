"""Atomic file writes that respect the umask.

:func:`atomic_path` writes to a temporary file beside the target, then renames
it over the target.  The temporary file is created the way ``open(path, "w")``
creates a file (mode ``0o666`` filtered by the process umask and any default
ACL of the folder), not with :func:`tempfile.mkstemp`'s private ``0o600``:
under umask 022 a report is ``rw-r--r--``, under 002 ``rw-rw-r--``, so a
colleague on a shared server can read it.  Folders are made with
:meth:`pathlib.Path.mkdir`, which the umask filters the same way.

:func:`umask` reads the process umask without changing it (``os.umask`` can
only be read by setting it, which races with other threads creating files).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from pathlib import Path

_FILE_BITS = 0o666


def umask() -> int:
    """The process umask, read without changing it.

    On Linux (kernel 4.7 and later) it is the ``Umask:`` line of
    ``/proc/self/status``.  Elsewhere a throw-away file is created with mode
    ``0o666`` in the temporary folder and the bits the system removed are
    the umask (only its read and write bits are learned this way, which is
    all a file mode needs).  Neither way calls ``os.umask``, which would
    change the umask of every thread for a moment.

    Returns
    -------
    int
        E.g. ``0o022``.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    return _umask_by_probe()


def _umask_by_probe() -> int:
    import tempfile

    folder = Path(tempfile.gettempdir())
    probe, mode = _create_new(lambda: folder / f".framing-umask-{secrets.token_hex(8)}", folder)
    with contextlib.suppress(FileNotFoundError):
        os.unlink(probe)
    return _FILE_BITS & ~mode


def file_mode() -> int:
    """The mode a new file gets under the current umask (``0o644`` under 022)."""
    return _FILE_BITS & ~umask()


def _create_new(make_name, where) -> tuple[Path, int]:
    """Create an empty file under a fresh name from ``make_name()``; returns it and the mode it got."""
    for _ in range(100):
        path = make_name()
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, _FILE_BITS)
        except FileExistsError:
            continue
        try:
            mode = stat.S_IMODE(os.fstat(fd).st_mode)
        finally:
            os.close(fd)
        return path, mode
    raise FileExistsError(f"could not create a new file in {where}")  # pragma: no cover


def _create(path: Path) -> tuple[Path, int]:
    """Create an empty, unused temporary file beside ``path``; returns it and its mode."""
    return _create_new(lambda: path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp"), path.parent)


@contextlib.contextmanager
def atomic_path(path):
    """Yield a temporary path; on success it replaces ``path`` in one step.

    A reader never sees a half-written file, and an interrupted write leaves the
    old file (or none) in place.  The file gets the mode any new file gets
    under the umask (``0o644`` under 022, ``0o664`` under 002), also when the
    writer re-created the temporary file with another mode.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp, mode = _create(path)
    try:
        yield tmp
        if stat.S_IMODE(os.stat(tmp).st_mode) != mode:  # the writer replaced the file
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
