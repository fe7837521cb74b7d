"""Loader helpers: options shared by the loaders, finding and reading files, progress bars."""

from __future__ import annotations

import datetime as _dt
import glob as _glob
import hashlib
import io
import os
import re
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from .._errors import LoadError
from .._options import Callable_, InstanceOf, NoneOk, check
from .._problems import ProblemLog

CORE_FIELDS = ("doc_id", "outlet", "published", "lang", "title", "text", "url")

#: Option constraints shared by the loaders (used with ``framing._options.check``).
COMMON_OPTIONS = {
    "outlet": [InstanceOf(str), NoneOk()],
    "lang": [InstanceOf(str), NoneOk()],
    "tz": [InstanceOf(str, _dt.tzinfo), NoneOk()],
    "strict": InstanceOf(bool),
    "progress": [InstanceOf(bool), NoneOk()],
    "encoding": [InstanceOf(str), NoneOk()],
    "doc_id": [InstanceOf(str), NoneOk()],
    "text": [InstanceOf(str), NoneOk()],
    "title": [InstanceOf(str), NoneOk()],
    "published": [InstanceOf(str), NoneOk()],
    "url": [InstanceOf(str), NoneOk()],
    "columns": [InstanceOf(dict), NoneOk()],
    "sep": [InstanceOf(str), NoneOk()],
    "callable": Callable_(),
}

#: Number of files from which a progress bar is shown when ``progress=None``.
PROGRESS_MIN_FILES = 50


def check_common(func_name: str, **values) -> None:
    """Check common loader options (``outlet``, ``lang``, ``tz``, ``strict``, ...)."""
    check(func_name, COMMON_OPTIONS, **values)
    tz = values.get("tz")
    if isinstance(tz, str):
        try:
            pd.Timestamp("2000-01-01").tz_localize(tz)
        except Exception as exc:  # noqa: BLE001 - any failure means an unknown zone
            from .._errors import OptionError

            raise OptionError(
                f"{func_name}(): tz={tz!r} is not a time zone pandas knows ({exc}); "
                "use an IANA name such as 'Europe/Moscow' or 'UTC'."
            ) from None

def read_bytes(path) -> tuple[bytes, str]:
    """Read a whole file.

    Parameters
    ----------
    path : str or pathlib.Path

    Returns
    -------
    data : bytes
        The file's content.
    sha256 : str
        Hex digest of ``data``, stored in ``Corpus.meta['sources']``.

    Raises
    ------
    OSError
        When the file cannot be read (loaders catch it and record a problem).
    """
    with open(path, "rb") as fh:
        data = fh.read()
    return data, hashlib.sha256(data).hexdigest()


def sha256_file(path, *, chunk_size: int = 1 << 20) -> str:
    """sha256 of a file, read in chunks (for files parsed by another library)."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(chunk_size), b""):
            h.update(block)
    return h.hexdigest()


def read_source(path, problems: ProblemLog, sources: list | None = None):
    """Read a file or record why it could not be read.

    Returns ``(data, sha256)``, or ``(None, None)`` after recording an
    "unreadable file" problem.  When ``sources`` is given, ``{path, sha256}``
    is appended to it for readable files.
    """
    try:
        data, sha = read_bytes(path)
    except OSError as exc:
        problems.add(path, f"unreadable file: {exc.strerror or exc}", action="skipped")
        return None, None
    if sources is not None:
        sources.append({"path": str(path), "sha256": sha})
    return data, sha


_GLOB_CHARS = re.compile(r"[*?\[]")


def expand_paths(path_or_glob, *, problems: ProblemLog, suffixes: Iterable[str] | None = None,
                 func_name: str = "read") -> list[Path]:
    """Expand files, directories and glob patterns into a sorted list of files.

    Parameters
    ----------
    path_or_glob : str, pathlib.Path or list of them
        A file, a directory (searched recursively, hidden files skipped), a glob
        pattern (``**`` allowed) or a list mixing these.  Folders are walked
        with :func:`walk_files`: a symbolic-link loop is entered once, an
        unreadable folder recorded.
    problems : ProblemLog
        Paths that match nothing are recorded here ("no such file"), and
        link loops and unreadable folders.
    suffixes : iterable of str, optional
        Keep only files from directories whose name ends with one of these
        (case-insensitive, e.g. ``(".txt",)``).  Files named explicitly and
        glob matches are always kept.
    func_name : str
        The loader, for the error message.

    Returns
    -------
    list of pathlib.Path
        Unique files, sorted by path.

    Raises
    ------
    LoadError
        When nothing at all matches: there is nothing to load.
    """
    if isinstance(path_or_glob, (str, os.PathLike)):
        items = [path_or_glob]
    elif isinstance(path_or_glob, Iterable):
        items = list(path_or_glob)
    else:
        raise LoadError(
            f"{func_name}(): expected a path, a glob pattern or a list of them, "
            f"got {type(path_or_glob).__name__}."
        )
    sfx = tuple(s.lower() for s in suffixes) if suffixes else None
    found: dict[str, Path] = {}
    for item in items:
        p = Path(os.fspath(item)).expanduser()
        if p.is_file():
            found[str(p)] = p
        elif p.is_dir():
            n0 = len(found)
            for f in walk_files(p, problems):
                if sfx and not f.name.lower().endswith(sfx):
                    continue
                found[str(f)] = f
            if len(found) == n0:
                problems.add(p, "the folder holds no matching file"
                             + (f" ({', '.join(sfx)})" if sfx else ""), action="skipped")
        elif _GLOB_CHARS.search(str(item)):
            matches = _glob_files(os.path.expanduser(str(item)), problems)
            if not matches:
                problems.add(item, "the pattern matches no file", action="skipped")
            for m in matches:
                found[str(m)] = m
        else:
            problems.add(p, "no such file or folder", action="skipped")
    if not found:
        raise LoadError(
            f"{func_name}(): nothing to read in {path_or_glob!r}: no file matches. "
            "Check the path (relative paths start from the current folder "
            f"{os.getcwd()!r})."
        )
    return [found[k] for k in sorted(found)]


def walk_files(root: Path, problems: ProblemLog) -> list[Path]:
    """Files under ``root``, recursively, sorted; hidden names skipped.

    Symbolic links to folders are followed, but each real folder is read
    once: a link loop (or a second link to a folder already read) is recorded
    and not entered again, so a loop never hangs a load nor reads a file
    many times.  A folder that cannot be listed is recorded ("unreadable
    folder") and the rest is read.
    """
    seen: set[str] = set()
    out: list[Path] = []
    stack = [Path(root)]
    while stack:
        d = stack.pop()
        real = os.path.realpath(d)
        if real in seen:
            problems.add(d, "a symbolic link leads back to a folder already read; not read again",
                         action="skipped")
            continue
        seen.add(real)
        try:
            with os.scandir(d) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            problems.add(d, f"unreadable folder: {exc.strerror or exc}", action="skipped")
            continue
        subdirs = []
        for e in entries:
            if e.name.startswith("."):
                continue
            try:
                if e.is_dir():
                    subdirs.append(Path(e.path))
                elif e.is_file():
                    out.append(Path(e.path))
            except OSError:
                continue
        stack.extend(reversed(subdirs))
    return sorted(out)


def _glob_files(pattern: str, problems: ProblemLog) -> list[Path]:
    """Files matching a glob pattern; ``**`` is matched with :func:`walk_files` (loop-safe)."""
    import fnmatch

    parts = Path(pattern).parts
    if "**" not in parts:
        return [Path(m) for m in _glob.glob(pattern) if os.path.isfile(m)]
    k = next(i for i, part in enumerate(parts) if _GLOB_CHARS.search(part))
    root = Path(*parts[:k]) if k else Path(".")
    if not root.is_dir():
        return []
    rx = [None if part == "**" else re.compile(fnmatch.translate(part)) for part in parts[k:]]

    def match(names, pats) -> bool:
        if not pats:
            return not names
        if pats[0] is None:
            return any(match(names[j:], pats[1:]) for j in range(len(names) + 1))
        return bool(names) and bool(pats[0].match(names[0])) and match(names[1:], pats[1:])

    out = []
    for f in walk_files(root, problems):
        rel = f.relative_to(root).parts
        if match(rel, rx):
            out.append(f if k else Path(os.path.relpath(f)))
    return out


def progress_bar(iterable, *, total: int | None = None, desc: str = "", enabled: bool | None = None):
    """Wrap ``iterable`` in a progress bar (:func:`framing._progress.progress_bar`).

    ``enabled=None`` shows the bar only for many items (``total`` ≥ 50); a
    disabled bar is the iterable itself (no tqdm).
    """
    if enabled is None:
        enabled = total is not None and total >= PROGRESS_MIN_FILES
    from .._progress import progress_bar as _bar

    return _bar(iterable, enabled=enabled, total=total, desc=desc, unit="file")


class _HashingReader(io.RawIOBase):
    """A read-only file wrapper that hashes every byte read (for provenance)."""

    def __init__(self, fh):
        import hashlib

        self._fh = fh
        self.sha = hashlib.sha256()

    def readable(self):
        return True

    def readinto(self, b):
        n = self._fh.readinto(b)
        if n:
            self.sha.update(memoryview(b)[:n])
        return n

    def finish_hash(self) -> str:
        for block in iter(lambda: self._fh.read(1 << 20), b""):
            self.sha.update(block)
        return self.sha.hexdigest()

    def close(self):
        self._fh.close()
        super().close()
