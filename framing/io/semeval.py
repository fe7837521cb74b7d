"""Loader for SemEval-2023 Task 3 (news genre, frames and persuasion techniques)."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pandas as pd

from .._errors import LoadError
from .._problems import ProblemLog
from ._common import check_common, decode_bytes, finish, progress_bar, read_source

__all__ = ["read_semeval2023", "read_semeval2023_spans"]

_ARTICLE = re.compile(r"article(\d+)\.txt$")


def _lang_dir(path, lang) -> Path:
    base = Path(path)
    if (base / lang).is_dir():
        return base / lang
    if base.name == lang or any(base.glob("*-articles")):
        return base
    raise LoadError(f"{base}: no SemEval-2023 Task 3 folder for language {lang!r} (expected {base / lang} "
                    "holding train-articles/ and train-labels-subtask-*.txt).")


def _labels(path: Path, problems: ProblemLog) -> dict:
    out = {}
    if not path.exists():
        return out
    data, _ = read_source(path, problems)
    if data is None:
        return out
    text, _, _ = decode_bytes(data)
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) != 2:
            problems.add(path, f"line {n}: expected '<article id><TAB><labels>'", action="skipped")
            continue
        out[parts[0].strip()] = parts[1].strip()
    return out


def read_semeval2023(path, *, lang: str, split: str = "train", strict=False, progress=None):
    """Read the articles of SemEval-2023 Task 3 with their genre and frame labels.

    Parameters
    ----------
    path : str or Path
        The task folder (holding ``ru/``, ``en/``, …) or one language's folder
        (holding ``train-articles/``, ``dev-articles/`` and the label files).
    lang : str
        The language folder to read (``"ru"``, ``"en"``, …).
    split : {"train", "dev"}
        Which articles; labels are read when the split's label files exist.
    strict, progress
        As in :func:`framing.read_jsonl`.

    Returns
    -------
    Corpus
        ``doc_id`` ``"<lang>/<article id>"``, outlet ``"semeval2023"``,
        ``title`` (the first line), ``text`` (the whole file, read without
        newline translation), ``genre`` (subtask 1), ``frames`` (subtask 2,
        SemEval's comma-separated labels; empty when the article has none,
        missing when it is not labelled) and ``split``.  Use
        :func:`framing.frame.frame_labels` to turn ``frames`` into label tuples,
        and :func:`read_semeval2023_spans` for the persuasion spans.

    References
    ----------
    Piskorski, J., Stefanovitch, N., Da San Martino, G., & Nakov, P. (2023).
    SemEval-2023 Task 3: Detecting the category, the framing, and the
    persuasion techniques in online news in a multi-lingual setup.
    *SemEval-2023*, 2343–2361.

    Examples
    --------
    >>> import framing, pathlib, tempfile
    >>> d = pathlib.Path(tempfile.mkdtemp()) / "ru"
    >>> (d / "train-articles").mkdir(parents=True)
    >>> _ = (d / "train-articles" / "article7.txt").write_text("Заголовок\\n\\nТекст статьи.", encoding="utf-8")
    >>> _ = (d / "train-labels-subtask-2.txt").write_text("7\\tPolitical,Economic\\n", encoding="utf-8")
    >>> c = framing.read_semeval2023(d.parent, lang="ru")
    >>> c.docs.loc[0, ["doc_id", "title", "frames"]].tolist()
    ['ru/7', 'Заголовок', 'Political,Economic']
    """
    func = "read_semeval2023"
    check_common(func, lang=lang, strict=strict, progress=progress)
    if split not in ("train", "dev"):
        from .._errors import OptionError

        raise OptionError(f"{func}(): split={split!r} is not allowed; it must be 'train' or 'dev'.")
    problems = ProblemLog(strict=strict)
    base = _lang_dir(path, lang)
    folder = base / f"{split}-articles"
    if not folder.is_dir():
        raise LoadError(f"{folder}: no such folder; {func} reads <lang>/{split}-articles/article<ID>.txt.")
    genres = _labels(base / f"{split}-labels-subtask-1.txt", problems)
    frames = _labels(base / f"{split}-labels-subtask-2.txt", problems)
    files = sorted((p for p in folder.iterdir() if _ARTICLE.search(p.name)),
                   key=lambda p: int(_ARTICLE.search(p.name).group(1)))
    sources: list[dict] = []
    records = []
    for p in progress_bar(files, total=len(files), desc=func, enabled=progress):
        data, _ = read_source(p, problems, sources)
        if data is None:
            continue
        text, enc, repaired = decode_bytes(data)
        if repaired:
            problems.add(p, f"undecodable bytes replaced by U+FFFD (read as {enc})", action="repaired")
        aid = _ARTICLE.search(p.name).group(1)
        records.append({"doc_id": f"{lang}/{aid}", "outlet": "semeval2023", "title": text.split("\n", 1)[0].strip(),
                        "text": text, "genre": genres.get(aid), "frames": frames.get(aid), "split": split,
                        "_source": p})
    return finish(records, loader=func, options={"lang": lang, "split": split, "strict": strict},
                  sources=sources, problems=problems, strict=strict, lang=lang)


def read_semeval2023_spans(path, *, lang: str, corpus=None) -> pd.DataFrame:
    """Read the persuasion-technique spans of SemEval-2023 Task 3 (subtask 3).

    Parameters
    ----------
    path : str or Path
        As in :func:`read_semeval2023`.
    lang : str
        The language folder.
    corpus : Corpus, optional
        The corpus of :func:`read_semeval2023`; when given, offsets are mapped
        onto its (normalised) texts and spans of articles it lacks are dropped.

    Returns
    -------
    pandas.DataFrame
        ``doc_id``, ``technique``, ``start``, ``end``; ``.attrs["problems"]``
        lists malformed lines and spans whose offsets moved with the
        normalisation of the text.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from framing.io.semeval import read_semeval2023_spans
    >>> d = pathlib.Path(tempfile.mkdtemp()) / "ru" / "train-labels-subtask-3-spans"
    >>> d.mkdir(parents=True)
    >>> _ = (d / "article7-labels-subtask-3.txt").write_text("7\\tLoaded_Language\\t0\\t9\\n", encoding="utf-8")
    >>> read_semeval2023_spans(d.parent.parent, lang="ru").values.tolist()
    [['ru/7', 'Loaded_Language', 0, 9]]
    """
    base = _lang_dir(path, lang)
    folder = base / "train-labels-subtask-3-spans"
    problems = []
    rows = []
    for p in sorted(folder.glob("article*-labels-subtask-3.txt")) if folder.is_dir() else []:
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
            parts = line.split("\t")
            if len(parts) != 4 or not parts[2].strip().isdigit() or not parts[3].strip().isdigit():
                if line.strip():
                    problems.append({"source": str(p), "problem": f"line {n}: expected id, technique, start, end"})
                continue
            rows.append({"doc_id": f"{lang}/{parts[0].strip()}", "technique": parts[1].strip(),
                         "start": int(parts[2]), "end": int(parts[3])})
    spans = pd.DataFrame(rows, columns=["doc_id", "technique", "start", "end"])
    if corpus is not None and len(spans):
        texts = dict(zip(corpus.docs["doc_id"], corpus.docs["text"]))
        spans = spans[spans["doc_id"].isin(texts)].reset_index(drop=True)
        for doc_id, idx in spans.groupby("doc_id").groups.items():
            raw_path = base / "train-articles" / f"article{doc_id.split('/', 1)[1]}.txt"
            if not raw_path.exists():
                continue
            raw = raw_path.read_text(encoding="utf-8", errors="replace")
            if raw == texts[doc_id]:
                continue
            mapping = _offset_map(raw, texts[doc_id])
            for i in idx:
                s, e = spans.at[i, "start"], spans.at[i, "end"]
                spans.at[i, "start"], spans.at[i, "end"] = mapping(s), mapping(e)
            problems.append({"source": str(raw_path), "problem": f"{len(idx)} span(s) of {doc_id} mapped onto "
                             "the normalised text (offsets moved)"})
    spans.attrs["problems"] = pd.DataFrame(problems, columns=["source", "problem"])
    return spans


def _offset_map(a: str, b: str):
    """A function taking an offset in ``a`` to the matching offset in ``b``."""
    blocks = difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()

    def f(x):
        for i, j, n in blocks:
            if i <= x <= i + n:
                return j + (x - i)
            if i > x:
                return j
        return len(b)

    return f
