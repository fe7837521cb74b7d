"""Loaders for tables of documents: JSON Lines, JSON, CSV/TSV and Parquet.

The four formats share one loop (:func:`_load_files`: map each file's columns,
make records, record problems, finish); each format only says how to read
its files (:mod:`._jsonfile`, :mod:`._csvfile`, pyarrow).  Every loader maps the source's columns to the corpus's core columns
(``doc_id``, ``text``, ``title``, ``outlet``, ``published``, ``url``,
``lang``).  Without a mapping, usual names are recognised (``body``,
``content``, ``headline``, ``source``, ``date``, ``link``…); all other
columns are kept as metadata.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable

from .._errors import SchemaError
from .._options import InstanceOf, NoneOk, check
from .._problems import ProblemLog
from ._common import check_common, expand_paths, progress_bar, sha256_file
from ._records import finish_all
# the formats' readers, re-exported here where they were defined before
from ._csvfile import (CSV_MAX_QUOTE_ERRORS, CSV_ROW_MAX_LINES, _empty_to_none, _stem,  # noqa: F401
                       iter_csv_file, sniff_sep)
from ._jsonfile import (_RECORD_KEYS, iter_jsonl, load_json_file, parse_json_text, salvage_json)  # noqa: F401

__all__ = ["read_jsonl", "read_json", "read_csv", "read_parquet"]

#: Column names recognised when no mapping is given (first match wins, case-insensitive).
AUTO_COLUMNS = {
    "doc_id": ("doc_id", "id", "stories_id", "story_id", "message_id", "uuid", "guid", "docid"),
    "text": ("text", "body", "content", "article", "full_text", "fulltext", "story_text", "message", "maintext"),
    "title": ("title", "headline", "heading", "header"),
    "outlet": ("outlet", "source", "media", "media_name", "channel", "site", "publisher", "domain",
               "source_name", "edition"),
    "published": ("published", "publish_date", "published_at", "pubdate", "date", "datetime",
                  "date_publish", "time", "timestamp", "created_at"),
    "url": ("url", "link", "href", "source_url", "guid_url"),
    "lang": ("lang", "language"),
}
MAPPABLE = tuple(AUTO_COLUMNS)

_TABLE_OPTIONS = {
    "keep": [InstanceOf(list, tuple), NoneOk()],
    "records": [InstanceOf(str), NoneOk()],
}


# --------------------------------------------------------------------------
# column mapping
# --------------------------------------------------------------------------
def resolve_mapping(columns: Iterable[str], given: dict, *, func_name: str, source=None) -> tuple[dict, dict]:
    """Decide which source column feeds each core column.

    Parameters
    ----------
    columns : iterable of str
        The columns (keys) present in the source.
    given : dict
        ``core -> column`` as passed by the user (None = recognise by name).
    func_name : str
        For messages.
    source : optional
        The file, for messages.

    Returns
    -------
    mapping : dict
        ``core -> column`` for the columns found.
    constants : dict
        ``core -> value`` for an ``outlet`` (or ``lang``) that names no column:
        the value itself is used for every document.

    Raises
    ------
    SchemaError
        When a mapped column is absent, or no text column can be found.
    """
    cols = list(dict.fromkeys(str(c) for c in columns))
    lower = {c.lower(): c for c in reversed(cols)}
    mapping, constants = {}, {}
    for core in MAPPABLE:
        want = given.get(core)
        if want is not None:
            if want in cols:
                mapping[core] = want
            elif core in ("outlet", "lang"):
                constants[core] = want
            else:
                where = f" in {source}" if source else ""
                raise SchemaError(
                    f"{func_name}(): no column {want!r} for {core}{where}; the columns are "
                    f"{cols[:30]}. Pass {core}=<one of them>."
                )
            continue
        for cand in AUTO_COLUMNS[core]:
            if cand in lower and lower[cand] not in mapping.values():
                mapping[core] = lower[cand]
                break
    if "text" not in mapping:
        where = f" in {source}" if source else ""
        raise SchemaError(
            f"{func_name}(): cannot tell which column holds the text{where}; the columns are "
            f"{cols[:30]}. Pass text=<column name>."
        )
    return mapping, constants


def make_record(row: dict, mapping: dict, constants: dict, keep, *, source, location, default_id) -> dict:
    """One document dict from a source row, with core fields mapped and metadata kept."""
    rec = {core: row.get(col) for core, col in mapping.items()}
    rec.update(constants)
    used = set(mapping.values())
    for k, v in row.items():
        if k in used or (keep is not None and k not in keep):
            continue
        name = k if k not in ("doc_id", "outlet", "published", "lang", "title", "text", "url") else f"source_{k}"
        rec[name] = _scalar(v)
    for core in ("text", "title"):
        v = rec.get(core)
        if v is not None and not isinstance(v, str):
            rec[core] = _text_of(v)
    if rec.get("doc_id") is None or (isinstance(rec.get("doc_id"), float) and rec["doc_id"] != rec["doc_id"]) \
            or str(rec.get("doc_id")).strip() == "":
        rec["doc_id"] = default_id
    else:
        rec["doc_id"] = _id_str(rec["doc_id"])
    rec["_source"] = source
    rec["_location"] = location
    return rec


def _id_str(v) -> str:
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def _text_of(v) -> str:
    """Text from a non-string value (a list of paragraphs, a number…)."""
    if isinstance(v, (list, tuple)):
        return "\n\n".join(_text_of(x) for x in v if x is not None)
    if isinstance(v, dict):
        return str(v.get("text", "")) if "text" in v else json.dumps(v, ensure_ascii=False)
    if isinstance(v, float) and v != v:
        return ""
    return str(v)


def _scalar(v):
    """Metadata values: nested objects become JSON strings (safe for Parquet)."""
    if isinstance(v, dict):
        return json.dumps(v, ensure_ascii=False, default=str)
    if isinstance(v, (list, tuple)) and any(isinstance(x, (dict, list, tuple)) for x in v):
        return json.dumps(v, ensure_ascii=False, default=str)
    return v


def _given(doc_id, text, title, outlet, published, url, lang) -> dict:
    return {"doc_id": doc_id, "text": text, "title": title, "outlet": outlet,
            "published": published, "url": url, "lang": lang}


def _check(func_name, *, doc_id, text, title, outlet, published, url, lang, tz, strict, progress, keep=None):
    check_common(func_name, doc_id=doc_id, text=text, title=title, outlet=outlet, published=published,
                 url=url, lang=lang, tz=tz, strict=strict, progress=progress)
    check(func_name, _TABLE_OPTIONS, keep=keep)


def _options(**kw) -> dict:
    return {k: v for k, v in kw.items() if v is not None}


# --------------------------------------------------------------------------
# JSON Lines and JSON (the files are read by ._jsonfile)
# --------------------------------------------------------------------------
def read_jsonl(path_or_glob, *, doc_id=None, text=None, title=None, outlet=None, published=None,
               url=None, lang=None, tz=None, keep=None, strict=False, progress=None, _batch_size=None):
    """Read JSON Lines files: one JSON object (document) per line.

    Parameters
    ----------
    path_or_glob : str, pathlib.Path or list
        A file, a folder (``*.jsonl``, ``*.ndjson``, ``*.jsonl.gz`` is not read), a
        glob pattern or a list of these.
    doc_id, text, title, published, url : str, optional
        The key holding each core field; by default usual names are
        recognised (``id``, ``text``/``body``/``content``, ``title``/``headline``,
        ``date``/``published``, ``url``/``link``).  Without an id key, ids are
        ``<file stem>-<line number>``.
    outlet : str, optional
        The key holding the outlet; when no record has that key, the value
        itself is the outlet of every document (``outlet="RT"``).
    lang : str, optional
        The key holding the language, or a code forced for every document;
        by default detected.
    tz : str, optional
        Time zone of dates without one (default UTC).
    keep : list of str, optional
        Metadata keys to keep (default: all keys not mapped to a core field).
    strict : bool
        Raise :class:`~framing._errors.LoadError` on the first problem
        instead of skipping the line and recording it.
    progress : bool, optional
        Show a progress bar (default: only for 50 files or more).

    Returns
    -------
    Corpus
        Problems (malformed or truncated lines with their line numbers, empty
        texts and files, repeated ids, lines repaired or read in another
        encoding, strings with raw control characters read leniently, lone
        surrogates replaced) are in ``corpus.problems``.  Each line is decoded
        on its own (UTF-8, UTF-16/32 with or without BOM, cp1251, koi8-r…),
        and lines end at ``\n`` only.  A file whose keys lack the text (or a
        mapped key) is recorded and skipped; only when no file has it is a
        :class:`~framing._errors.SchemaError` raised.

    Examples
    --------
    >>> import framing, pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "news.jsonl"
    >>> _ = p.write_text('{"id": 1, "body": "Путин заявил.", "source": "ria"}\\n'
    ...                  '{"id": 2, "body": "Зеленський заявив.", "source": "upr"}\\n', encoding="utf-8")
    >>> c = framing.read_jsonl(p, text="body")
    >>> c.docs[["doc_id", "outlet", "lang"]].values.tolist()
    [['1', 'ria', 'ru'], ['2', 'upr', 'uk']]
    """
    func = "read_jsonl"
    _check(func, doc_id=doc_id, text=text, title=title, outlet=outlet, published=published, url=url,
           lang=lang, tz=tz, strict=strict, progress=progress, keep=keep)
    problems = ProblemLog(strict=strict)
    files = expand_paths(path_or_glob, problems=problems, suffixes=(".jsonl", ".ndjson", ".jl"), func_name=func)
    given = _given(doc_id, text, title, outlet, published, url, lang)

    def rows(path, sources, failures):
        lines = iter_jsonl(path, problems, sources)
        return None, ((f"line {n}", f"{path.stem}-{n}", obj) for n, obj in _closing(lines))

    return _load_files(func, files, rows, sample=50, given=given, keep=keep, problems=problems,
                       options=_options(**given, tz=tz, keep=keep, strict=strict), strict=strict, tz=tz,
                       progress=progress, batch_size=_batch_size)


def _closing(gen):
    """Iterate ``gen`` and close it however the iteration ends (a skipped file stops early)."""
    try:
        yield from gen
    finally:
        gen.close()


def _load_files(func: str, files: list, rows, *, sample: int, given: dict, keep, problems: ProblemLog,
                options: dict, strict: bool, tz, progress, batch_size: int | None = None):
    """The loop every table format shares: map each file's columns, make records, finish.

    ``rows(path, sources, failures)`` reads one file (appending to ``sources``,
    recording its problems) and returns ``(columns, rows)`` — ``rows`` a
    generator of ``(location, default_id, row dict)`` and ``columns`` the
    file's columns, or None when they are the union of the keys of the first
    ``sample`` rows — or None when the file is skipped.  A file whose columns
    do not map is recorded as skipped (see :func:`_map_or_skip`); when no file
    maps, the first column error is raised.  With ``batch_size``, a generator
    of corpora of at most that many documents (:func:`finish_batches`).
    """
    sources: list[dict] = []
    records = _file_records(func, files, rows, sample=sample, given=given, keep=keep, problems=problems,
                            sources=sources, progress=progress)
    return finish_all(records, batch_size=batch_size, loader=func, options=options, problems=problems,
                      sources=sources, strict=strict, tz=tz, stacklevel=5)


def _file_records(func: str, files: list, rows, *, sample: int, given: dict, keep, problems: ProblemLog,
                  sources: list, progress):
    """The records of :func:`_load_files`, one file after the other, read lazily."""
    failures: list[SchemaError] = []
    keepset = set(keep) if keep is not None else None
    any_record = False
    for path in progress_bar(files, total=len(files), desc=func, enabled=progress):
        got = rows(path, sources, failures)
        if got is None:
            continue
        columns, it = got
        head = []
        if columns is None:
            head = list(itertools.islice(it, sample))
            if not head:
                continue
            columns = {}
            for _, _, row in head:
                columns.update(dict.fromkeys(row))
        mapping = _map_or_skip(columns, given, func, path, problems, failures)
        if not mapping:
            it.close()
            continue
        for location, default_id, row in itertools.chain(head, it):
            any_record = True
            yield make_record(row, *mapping, keepset, source=path, location=location, default_id=default_id)
    _all_files_unmapped(failures, [True] if any_record else [])


def _map_or_skip(keys, given, func, path, problems, failures):
    """The column mapping of one file; False when the file is skipped.

    Without ``problems`` a missing column raises :class:`SchemaError`; with
    it, the file is recorded as skipped (its error kept in ``failures``), so
    that one file with other columns never loses a folder (``strict=True``
    raises at once).
    """
    try:
        return resolve_mapping(keys, given, func_name=func, source=path)
    except SchemaError as exc:
        if problems is None or problems.strict:
            raise
        failures.append(exc)
        problems.add(path, f"{exc} The file is skipped.", action="skipped")
        return False


def _all_files_unmapped(failures: list, records: list) -> None:
    """Raise the first column error when no file at all had the columns asked for.

    Then the mapping (``text=``…), not the data, is wrong: an empty corpus
    would hide that.
    """
    if failures and not records:
        raise failures[0]


def _records_of(obj, key, path, problems, func):
    if isinstance(obj, list):
        return obj
    if isinstance(obj, dict):
        if key is not None:
            cur = obj
            for part in key.split("."):
                if not isinstance(cur, dict) or part not in cur:
                    raise SchemaError(f"{func}(): {path} has no key {key!r}; top-level keys: {list(obj)[:20]}.")
                cur = cur[part]
            if isinstance(cur, list):
                return cur
            raise SchemaError(f"{func}(): {key!r} in {path} is not a list of documents.")
        for k in _RECORD_KEYS:
            if isinstance(obj.get(k), list):
                return obj[k]
        lists = [k for k, v in obj.items() if isinstance(v, list) and v and isinstance(v[0], dict)]
        if len(lists) == 1:
            return obj[lists[0]]
        if any(k in obj for k in AUTO_COLUMNS["text"]):
            return [obj]  # one document
        problems.add(path, f"no list of documents found (keys: {list(obj)[:10]}); pass records=<key>",
                     action="skipped")
        return []
    problems.add(path, f"the JSON holds a {type(obj).__name__}, not documents", action="skipped")
    return []


def read_json(path_or_glob, *, records=None, doc_id=None, text=None, title=None, outlet=None,
              published=None, url=None, lang=None, tz=None, keep=None, strict=False, progress=None):
    """Read JSON files holding a list of documents.

    Parameters
    ----------
    path_or_glob : str, pathlib.Path or list
        Files, folders (``*.json``), glob patterns.
    records : str, optional
        Key (dotted for nesting, ``"data.items"``) of the list of documents
        when the file is an object; by default a list under ``documents``,
        ``data``, ``items``, ``articles``… or the only list of objects.
    doc_id, text, title, outlet, published, url, lang, tz, keep, strict, progress
        As in :func:`read_jsonl`.  Without an id key, ids are
        ``<file stem>-<position>`` (from 1).

    Returns
    -------
    Corpus
        A truncated or damaged file keeps every document before the damage,
        also when the list is wrapped in an object (``{"documents": [...]}``);
        strings with raw control characters are read leniently; JSON Lines
        saved as ``.json`` are read line by line.  Each is recorded in
        ``corpus.problems``.

    Examples
    --------
    >>> import framing, json, pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "news.json"
    >>> _ = p.write_text(json.dumps({"articles": [{"headline": "Заголовок", "content": "Текст новости."}]}))
    >>> c = framing.read_json(p, outlet="agency")
    >>> c.docs.loc[0, ["doc_id", "title", "outlet"]].tolist()
    ['news-1', 'Заголовок', 'agency']
    """
    func = "read_json"
    _check(func, doc_id=doc_id, text=text, title=title, outlet=outlet, published=published, url=url,
           lang=lang, tz=tz, strict=strict, progress=progress, keep=keep)
    check(func, _TABLE_OPTIONS, records=records)
    problems = ProblemLog(strict=strict)
    files = expand_paths(path_or_glob, problems=problems, suffixes=(".json",), func_name=func)
    given = _given(doc_id, text, title, outlet, published, url, lang)

    def rows(path, sources, failures):
        n0 = len(problems)
        obj = load_json_file(path, problems, sources)
        if obj is None:
            return None
        try:
            items = _records_of(obj, records, path, problems, func)
        except SchemaError as exc:
            if strict:
                raise
            failures.append(exc)
            problems.add(path, f"{exc} The file is skipped.", action="skipped")
            return None
        if not items and len(problems) == n0:
            problems.add(path, "no documents: the list is empty", action="skipped")
        good = []
        for i, item in enumerate(items, 1):
            if isinstance(item, dict):
                good.append((f"element {i}", f"{path.stem}-{i}", item))
            else:
                problems.add(path, f"element {i} is a {type(item).__name__}, not a JSON object",
                             location=f"element {i}", action="skipped")
        return None, (g for g in good)

    return _load_files(func, files, rows, sample=200, given=given, keep=keep, problems=problems,
                       options=_options(**given, records=records, tz=tz, keep=keep, strict=strict),
                       strict=strict, tz=tz, progress=progress)


# --------------------------------------------------------------------------
# CSV / TSV
# --------------------------------------------------------------------------
def read_csv(path_or_glob, *, doc_id=None, text=None, title=None, outlet=None, published=None,
             url=None, lang=None, tz=None, sep=None, encoding=None, keep=None, strict=False, progress=None,
             _batch_size=None):
    """Read CSV or TSV files, one document per row.

    Parameters
    ----------
    path_or_glob : str, pathlib.Path or list
        Files, folders (``*.csv``, ``*.tsv``, ``*.csv.gz``, ``*.tsv.gz``),
        glob patterns.  Gzip files are read directly.
    doc_id, text, title, outlet, published, url, lang, tz, keep, strict, progress
        As in :func:`read_jsonl` (columns instead of keys).  Without an id
        column, ids are ``<file stem>-<line number>``.
    sep : str, optional
        Field separator; by default sniffed (tab for ``.tsv``).
    encoding : str, optional
        Force an encoding instead of detecting it.

    Returns
    -------
    Corpus
        Values are read as strings (empty cells are missing).  Recorded in
        ``corpus.problems``: rows with the wrong number of fields; a quote
        never closed (the line where it starts is skipped and reading
        resumes on the next line, so it cannot swallow the rows after it);
        stray quotes read leniently; lines decoded in another encoding than
        the file's or repaired (each line is decoded on its own); a damaged
        gzip (the rows before the damage are kept); a file without the text
        column (skipped; a :class:`~framing._errors.SchemaError` only when no
        file has it).

    Examples
    --------
    >>> import framing, pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "news.csv"
    >>> _ = p.write_text("id,body,source\\n1,\\"Путин заявил, что...\\",ria\\n", encoding="cp1251")
    >>> c = framing.read_csv(p, text="body")
    >>> c.docs.loc[0, ["doc_id", "text", "outlet"]].tolist()
    ['1', 'Путин заявил, что...', 'ria']
    """
    func = "read_csv"
    _check(func, doc_id=doc_id, text=text, title=title, outlet=outlet, published=published, url=url,
           lang=lang, tz=tz, strict=strict, progress=progress, keep=keep)
    check_common(func, sep=sep, encoding=encoding)
    if encoding is not None:
        import codecs

        try:
            codecs.lookup(encoding)
        except LookupError:
            from .._errors import OptionError

            raise OptionError(f"{func}(): encoding={encoding!r} is not an encoding Python knows.") from None
    problems = ProblemLog(strict=strict)
    files = expand_paths(path_or_glob, problems=problems,
                         suffixes=(".csv", ".tsv", ".tab", ".csv.gz", ".tsv.gz"), func_name=func)
    given = _given(doc_id, text, title, outlet, published, url, lang)

    def rows(path, sources, failures):
        lines = iter_csv_file(path, problems, sources, sep=sep, encoding=encoding)
        stem = _stem(path)
        return None, ((f"line {n}", f"{stem}-{n}", _empty_to_none(row)) for n, row in _closing(lines))

    return _load_files(func, files, rows, sample=1, given=given, keep=keep, problems=problems,
                       options=_options(**given, sep=sep, encoding=encoding, tz=tz, keep=keep, strict=strict),
                       strict=strict, tz=tz, progress=progress, batch_size=_batch_size)


# --------------------------------------------------------------------------
# Parquet
# --------------------------------------------------------------------------
def read_parquet(path_or_glob, *, doc_id=None, text=None, title=None, outlet=None, published=None,
                 url=None, lang=None, tz=None, keep=None, strict=False, progress=None):
    """Read Parquet files, one document per row.

    A file written by :meth:`Corpus.to_parquet` is read back with its
    provenance and problems when no column mapping is given.

    Parameters
    ----------
    path_or_glob : str, pathlib.Path or list
        Files, folders (``*.parquet``, ``*.pq``), glob patterns.
    doc_id, text, title, outlet, published, url, lang, tz, keep, strict, progress
        As in :func:`read_jsonl` (columns instead of keys).

    Returns
    -------
    Corpus

    Examples
    --------
    >>> import framing, pandas as pd, pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "news.parquet"
    >>> pd.DataFrame({"id": ["a"], "body": ["The news is good."], "site": ["bbc"]}).to_parquet(p)
    >>> framing.read_parquet(p, text="body", outlet="site").docs.loc[0, ["doc_id", "outlet", "lang"]].tolist()
    ['a', 'bbc', 'en']
    """
    import pyarrow.parquet as pq

    from ..corpus import _META_KEY, Corpus

    func = "read_parquet"
    _check(func, doc_id=doc_id, text=text, title=title, outlet=outlet, published=published, url=url,
           lang=lang, tz=tz, strict=strict, progress=progress, keep=keep)
    problems = ProblemLog(strict=strict)
    files = expand_paths(path_or_glob, problems=problems, suffixes=(".parquet", ".pq"), func_name=func)
    given = _given(doc_id, text, title, outlet, published, url, lang)
    no_mapping = all(v is None for v in given.values()) and keep is None
    if no_mapping and len(files) == 1 and not len(problems):
        try:
            md = pq.read_schema(files[0]).metadata or {}
        except Exception:  # noqa: BLE001 - reported below when reading
            md = {}
        if _META_KEY in md:
            return Corpus.read_parquet(files[0])

    def rows(path, sources, failures):
        try:
            table = pq.read_table(path)
            sha = sha256_file(path)
        except Exception as exc:  # noqa: BLE001 - any damage: record and go on
            problems.add(path, f"unreadable Parquet file: {exc}", action="skipped")
            return None
        sources.append({"path": str(path), "sha256": sha})
        df = table.to_pandas()
        return df.columns, ((f"row {i}", f"{path.stem}-{i}", {k: (None if _isna(v) else v) for k, v in row.items()})
                            for i, row in enumerate(df.to_dict("records"), 1))

    return _load_files(func, files, rows, sample=0, given=given, keep=keep, problems=problems,
                       options=_options(**given, tz=tz, keep=keep, strict=strict), strict=strict, tz=tz,
                       progress=progress)


def _isna(v) -> bool:
    try:
        return v is None or (not isinstance(v, (list, tuple, dict, str)) and bool(v != v))
    except (TypeError, ValueError):
        return False
