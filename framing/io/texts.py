"""Plain-text files, one document per file, the first line the title (and the start of the text)."""

from __future__ import annotations

from pathlib import Path

from .._options import InstanceOf, NoneOk, OneOf, check
from .._problems import ProblemLog
from ._common import check_common, decode_logged, expand_paths, finish, progress_bar, read_source

__all__ = ["read_texts"]

SIDECAR_NAMES = ("metadata.csv", "meta.csv", "index.csv")
_FILE_KEYS = ("file", "filename", "file_name", "path", "name", "doc_id", "id")

_OPTIONS = {
    "title": OneOf("first_line", None),
    "metadata": [InstanceOf(str, Path), NoneOk()],
}


def _load_sidecar(path: Path, problems: ProblemLog, sources: list) -> dict[str, dict]:
    """file name/stem/relative path -> row of a sidecar CSV."""
    from ._csvfile import iter_csv_file

    rows = list(iter_csv_file(path, problems, sources))
    if not rows:
        return {}
    cols = {c.lower(): c for c in rows[0][1]}
    key = next((cols[k] for k in _FILE_KEYS if k in cols), None)
    if key is None:
        problems.add(path, f"sidecar CSV has no file column (one of {list(_FILE_KEYS)}); ignored",
                     action="skipped")
        return {}
    out = {}
    for _, row in rows:
        name = (row.get(key) or "").strip().replace("\\", "/")
        if not name:
            continue
        meta = {k: v for k, v in row.items() if v not in ("", None)}
        out[name] = meta
        out.setdefault(Path(name).name, meta)
        out.setdefault(Path(name).stem, meta)
    return out


def _split_title(text: str) -> tuple[str, str]:
    """(title, text): the first non-empty line, and the title, a blank line and the rest.

    The title stays the start of the text, so that measures read the headline
    and offsets into the text cover it; blank lines between the title and the
    body become one blank line.  A file of one line has no title.
    """
    lines = text.lstrip("\ufeff").strip("\r\n").split("\n")
    first = next((i for i, ln in enumerate(lines) if ln.strip()), None)
    if first is None:
        return "", ""
    rest = lines[first + 1:]
    while rest and not rest[0].strip():
        rest.pop(0)
    if not rest:
        # a single line is the text, not a title
        return "", lines[first]
    head = lines[first].rstrip()
    return head, head + "\n\n" + "\n".join(rest)


def read_texts(path_or_glob, *, title="first_line", outlet=None, metadata=None, lang=None, tz=None,
               encoding=None, strict=False, progress=None):
    """Read plain-text files, one document per file.

    Parameters
    ----------
    path_or_glob : str, pathlib.Path or list
        Files, folders (``*.txt`` and ``*.text``, searched recursively), glob
        patterns (``"news/**/*.txt"``) or a list of these.
    title : {"first_line", None}
        ``"first_line"`` (default): the first non-empty line is the title.
        It stays the start of the text, followed by one blank line and the
        rest of the file (``text`` is ``title + "\\n\\n" + body``), so every
        measure reads the headline and character offsets into ``text`` cover
        it; a file of one line is all text, without a title.  None: no title,
        the text is the file as it is.  A sidecar's ``title`` column, when
        given, fills ``title`` instead; the file's first line stays in the
        text.
    outlet : str, optional
        The outlet of every document.  By default the sidecar CSV's
        ``outlet`` column, else the name of the file's folder.
    metadata : str or pathlib.Path, optional
        A sidecar CSV with one row per file: a column ``file`` (or
        ``filename``, ``path``, ``name``, ``doc_id``) naming the file (with or
        without its folder or suffix) and any of ``outlet``, ``published``,
        ``url``, ``title``, ``lang`` and other columns (kept as metadata).  By
        default a ``metadata.csv``, ``meta.csv`` or ``index.csv`` beside the
        files is used.
    lang : str, optional
        Force this language code; by default detected per document.
    tz : str, optional
        Time zone of dates without one in the sidecar (default UTC).
    encoding : str, optional
        Force an encoding; by default detected per file (UTF-8 with or
        without BOM, UTF-16, cp1251, koi8-r…).
    strict : bool
        Raise on the first problem instead of recording it.
    progress : bool, optional
        Show a progress bar (default: for 50 files or more).

    Returns
    -------
    Corpus
        ``doc_id`` is the file name without suffix (made unique if repeated);
        the metadata column ``encoding`` gives the encoding detected.

    Examples
    --------
    >>> import framing, pathlib, tempfile
    >>> d = pathlib.Path(tempfile.mkdtemp()) / "pravda"
    >>> d.mkdir()
    >>> _ = (d / "a1.txt").write_bytes("Заголовок\\n\\nЗеленський заявив, що...".encode("cp1251"))
    >>> c = framing.read_texts(d)
    >>> c.docs.loc[0, ["doc_id", "outlet", "title", "lang", "encoding"]].tolist()
    ['a1', 'pravda', 'Заголовок', 'uk', 'cp1251']
    >>> c.docs.loc[0, "text"]
    'Заголовок\\n\\nЗеленський заявив, що...'
    """
    func = "read_texts"
    check_common(func, outlet=outlet, lang=lang, tz=tz, strict=strict, progress=progress, encoding=encoding)
    check(func, _OPTIONS, title=title, metadata=metadata)
    problems = ProblemLog(strict=strict)
    sources: list[dict] = []
    files = expand_paths(path_or_glob, problems=problems, suffixes=(".txt", ".text"), func_name=func)
    sidecars: dict[Path, dict] = {}
    explicit = None
    if metadata is not None:
        explicit = _load_sidecar(Path(metadata), problems, sources)
    records = []
    for path in progress_bar(files, total=len(files), desc=func, enabled=progress):
        if path.name.lower() in SIDECAR_NAMES:
            continue
        meta = None
        if explicit is not None:
            meta = explicit
        else:
            folder = path.parent
            if folder not in sidecars:
                side = next((folder / n for n in SIDECAR_NAMES if (folder / n).is_file()), None)
                sidecars[folder] = _load_sidecar(side, problems, sources) if side else {}
            meta = sidecars[folder]
        row = {}
        if meta:
            row = dict(meta.get(path.name) or meta.get(path.stem) or _by_suffix(meta, path) or {})
        data, _ = read_source(path, problems, sources)
        if data is None:
            continue
        if encoding is not None:
            text = data.decode(encoding, errors="replace")
            enc, repaired = encoding, "\ufffd" in text
        else:
            text, enc = decode_logged(data, path, problems, doc_id=path.stem)
            repaired = False
        del data
        if repaired:
            problems.add(path, f"undecodable bytes replaced by U+FFFD (read as {enc})", doc_id=path.stem,
                         action="repaired")
        if not text.strip():
            problems.add(path, "empty file", doc_id=path.stem, action="skipped")
            continue
        if title == "first_line":
            head, body = _split_title(text)
        else:
            head, body = "", text
        rec = {k: v for k, v in row.items() if k.lower() not in _FILE_KEYS or k.lower() in ("doc_id", "id")}
        for k in list(rec):
            if k.lower() == "id":
                rec["doc_id"] = rec.pop(k)
        rec.setdefault("title", head)
        if not rec.get("title"):
            rec["title"] = head
        rec["text"] = body
        rec.setdefault("doc_id", path.stem)
        rec.setdefault("outlet", path.parent.name or "unknown")
        rec["path"] = str(path)
        rec["encoding"] = enc
        rec["_source"] = path
        records.append(rec)
    return finish(records, loader=func,
                  options={k: v for k, v in dict(title=title, outlet=outlet, metadata=metadata, lang=lang, tz=tz,
                                                 encoding=encoding, strict=strict).items() if v is not None},
                  sources=sources, problems=problems, strict=strict, lang=lang, tz=tz, outlet=outlet)


def _by_suffix(meta: dict, path: Path):
    """Match a sidecar entry written as a relative path ending in this file's name."""
    for k, v in meta.items():
        if "/" in k and (k.endswith("/" + path.name) or k.endswith("/" + path.stem)):
            if str(path).replace("\\", "/").endswith(k.lstrip("./")):
                return v
    return None
