"""Provenance: what produced a result, so that a reader can produce it again.

:func:`provenance` collects, as one JSON-safe dict, everything a figure or
table of framing depends on besides the code a user wrote: the framing
version; the versions of the models (natasha, slovnet, navec, razdel,
pymorphy3 and its dictionaries, tokenize-uk, simplemma) and a sha256 of
framing's own data (each lexicon folder, the Ukrainian tagger); Python and
the key libraries; the sha256 of every corpus file; the parameters and
seeds; and the time.  :func:`write_provenance` saves it as
``provenance.json`` (atomically).  ``framing demo``, ``framing report`` and
``framing paper`` write one beside their results.

Two runs on the same inputs give the same dict apart from ``"created"``
(keys are written in a fixed order), so the file can be compared across
runs, machines and years: a changed lexicon or dictionary shows as a changed
hash or version.  Reporting software and data versions this way follows the
recommendations of Peng (2011) and Sandve et al. (2013), rules 1, 4 and 6.

References
----------
Peng, R. D. (2011). Reproducible research in computational science.
*Science* 334(6060), 1226–1227.
Sandve, G. K., Nekrutenko, A., Taylor, J., & Hovig, E. (2013). Ten simple
rules for reproducible computational research. *PLoS Computational Biology*
9(10), e1003285.
"""

from __future__ import annotations

import datetime as _dt
import glob
import hashlib
import json
import platform
import sys
from pathlib import Path

from ._atomic import atomic_path
from ._errors import LoadError, OptionError

__all__ = ["provenance", "write_provenance"]

#: distributions whose version changes what the annotation pipeline outputs
MODELS = ("natasha", "slovnet", "navec", "razdel", "pymorphy3", "pymorphy3-dicts-ru", "pymorphy3-dicts-uk",
          "tokenize-uk", "simplemma")
#: libraries whose version can change numbers, tables or figures
LIBRARIES = ("numpy", "pandas", "scipy", "scikit-learn", "matplotlib", "nltk", "gensim", "datasketch",
             "networkx", "pyarrow")


def _version(dist: str) -> str | None:
    from importlib import metadata

    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def _sha256_file(path: Path) -> str:
    from .corpora import _sha256_of

    return _sha256_of(path)


def _folder_hash(folder: Path, pattern: str = "*") -> dict:
    """sha256 over the sorted (relative name, content hash) pairs of the files in ``folder``."""
    files = sorted(p for p in folder.rglob(pattern) if p.is_file() and "__pycache__" not in p.parts)
    h = hashlib.sha256()
    for p in files:
        h.update(p.relative_to(folder).as_posix().encode("utf-8") + b"\0")
        h.update(_sha256_file(p).encode("ascii") + b"\n")
    return {"files": len(files), "sha256": h.hexdigest()}


def _framing_data() -> dict:
    """Hashes of the lexicon folders and the bundled models of the installed framing."""
    root = Path(__file__).resolve().parent
    lexicons = {d.name: _folder_hash(d) for d in sorted((root / "lexicons").iterdir())
                if d.is_dir() and not d.name.startswith("_")}
    models = {d.name: _folder_hash(d) for d in sorted((root / "models").iterdir()) if d.is_dir()} \
        if (root / "models").is_dir() else {}
    return {"lexicons": lexicons, "models": models}


def _expand(corpus_files) -> list[Path]:
    """Files of ``corpus_files``: paths, folders (every file inside) and glob patterns, sorted, unique."""
    items = [corpus_files] if isinstance(corpus_files, (str, Path)) else list(corpus_files)
    out: list[Path] = []
    for item in items:
        text = str(item)
        if any(ch in text for ch in "*?[") and not Path(text).exists():
            matches = sorted(Path(m) for m in glob.glob(text, recursive=True))
            if not matches:
                raise LoadError(f"provenance(): the pattern {text!r} matches no file.")
            out.extend(m for m in matches if m.is_file())
            continue
        p = Path(text)
        if p.is_dir():
            out.extend(sorted(q for q in p.rglob("*") if q.is_file()))
        elif p.is_file():
            out.append(p)
        else:
            raise LoadError(f"provenance(): no such file or folder: {text!r} (the current folder is "
                            f"{str(Path.cwd())!r}).")
    seen, unique = set(), []
    for p in out:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique


def _json_safe(value, where: str):
    """Parameters as JSON values; anything else is an error naming it (nothing is silently altered)."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, (list, tuple)):
        return [_json_safe(v, f"{where}[{i}]") for i, v in enumerate(value)]
    if isinstance(value, dict):
        return {str(k): _json_safe(v, f"{where}[{k!r}]") for k, v in value.items()}
    if hasattr(value, "isoformat"):  # dates and timestamps
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    raise OptionError(f"provenance(): {where} is a {type(value).__name__}, which JSON cannot hold; "
                      "pass a string, number, boolean, list or dict.")


def provenance(*, corpus=None, corpus_files=None, params=None, seed=None) -> dict:
    """Everything a result depends on besides your code, as a JSON-safe dict.

    Parameters
    ----------
    corpus : Corpus, optional
        Its loader and the files it was read from with their sha256 (as the
        loader recorded them in ``corpus.meta["sources"]``), and its number of
        documents.
    corpus_files : str, pathlib.Path or list of them, optional
        Files, folders (every file inside) or glob patterns whose sha256 is
        recorded (when you read the corpus yourself).
    params : dict, optional
        The parameters of the analysis (outlets, dates, thresholds …); values
        must be JSON values (or paths, dates, numpy scalars, converted).
    seed : int or dict, optional
        The random seed(s) used.

    Returns
    -------
    dict
        Keys, in this order: ``framing`` (version), ``models`` (distribution
        versions of the annotation models and dictionaries), ``framing_data``
        (sha256 of each lexicon folder and bundled model), ``python``,
        ``libraries``, ``corpus`` (loader, documents, files with sha256),
        ``params``, ``seed`` and ``created`` (UTC time, ISO 8601; the only
        value that differs between two runs on the same inputs).

    Raises
    ------
    LoadError
        A corpus file, folder or pattern that does not exist.
    OptionError
        A parameter JSON cannot hold.

    References
    ----------
    Sandve, G. K., Nekrutenko, A., Taylor, J., & Hovig, E. (2013). Ten simple
    rules for reproducible computational research. *PLoS Computational
    Biology* 9(10), e1003285 (rules 1, 4 and 6: record how every result was
    produced, the versions of all programs, and random seeds).

    Examples
    --------
    >>> import framing
    >>> prov = framing.provenance(corpus=framing.load_demo(), params={"by": "outlet"}, seed=1)
    >>> prov["framing"] == framing.__version__, prov["seed"], prov["params"]
    (True, 1, {'by': 'outlet'})
    >>> [f["name"] for f in prov["corpus"]["files"]]
    ['events_a.jsonl', 'events_b.jsonl']
    >>> len(prov["corpus"]["files"][0]["sha256"]), sorted(prov["framing_data"]["lexicons"])
    (64, ['en', 'ru', 'uk'])
    """
    files: list[dict] = []
    info: dict = {}
    if corpus is not None:
        if not hasattr(corpus, "meta") or not hasattr(corpus, "docs"):
            raise OptionError(f"provenance(): corpus= takes a framing Corpus, not {type(corpus).__name__}.")
        meta = corpus.meta
        info = {"loader": meta.get("loader"), "name": meta.get("corpus"), "documents": int(len(corpus.docs))}
        for src in meta.get("sources") or []:
            path = Path(str(src.get("path", "")))
            files.append({"name": path.name, "path": str(path), "sha256": src.get("sha256"),
                          "bytes": path.stat().st_size if path.is_file() else None})
    if corpus_files is not None:
        for p in _expand(corpus_files):
            files.append({"name": p.name, "path": str(p), "sha256": _sha256_file(p), "bytes": p.stat().st_size})
    info["files"] = files
    from ._version import __version__

    return {
        "framing": __version__,
        "models": {d: _version(d) for d in MODELS},
        "framing_data": _framing_data(),
        "python": {"version": platform.python_version(), "implementation": platform.python_implementation(),
                   "platform": sys.platform},
        "libraries": {d: _version(d) for d in LIBRARIES},
        "corpus": info,
        "params": _json_safe(dict(params or {}), "params"),
        "seed": _json_safe(seed, "seed"),
        "created": _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat(),
    }


def write_provenance(path, prov: dict | None = None, **kwargs) -> Path:
    """Write a provenance record as JSON (UTF-8, indented, atomic).

    Parameters
    ----------
    path : str or pathlib.Path
        The file to write; a folder means ``<folder>/provenance.json``.
    prov : dict, optional
        A record from :func:`provenance`; by default one is made from
        ``kwargs`` (``corpus=``, ``corpus_files=``, ``params=``, ``seed=``).

    Returns
    -------
    pathlib.Path
        The file written.

    Examples
    --------
    >>> import json, framing
    >>> from framing.reproduce import write_provenance
    >>> path = write_provenance("results", corpus=framing.load_demo(), seed=0)
    >>> path.name, json.loads(path.read_text(encoding="utf-8"))["seed"]
    ('provenance.json', 0)
    """
    path = Path(path)
    if path.is_dir() or (not path.suffix and not path.exists()):
        path = path / "provenance.json"
    record = prov if prov is not None else provenance(**kwargs)
    text = json.dumps(record, ensure_ascii=False, indent=2) + "\n"
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return path
