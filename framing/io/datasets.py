"""Loaders for published news datasets: BSNLP raw files, the ODS news dumps, Media Cloud."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from .._problems import ProblemLog
from ._common import check_common, decode_logged, expand_paths, finish, progress_bar, read_source

__all__ = ["read_bsnlp", "read_ods_news", "read_mediacloud", "domain_of"]


def domain_of(url) -> str:
    """The host of a URL without ``www.`` (``"https://www.rbc.ru/x"`` → ``"rbc.ru"``); "" if none.

    Examples
    --------
    >>> from framing.io.datasets import domain_of
    >>> domain_of("http://www.unn.com.ua/uk/news/1")
    'unn.com.ua'
    """
    if not isinstance(url, str) or not url.strip():
        return ""
    u = url.strip()
    if "://" not in u:
        u = "http://" + u
    try:
        host = urlsplit(u).hostname or ""
    except ValueError:
        return ""
    host = host.lower().rstrip(".")
    for prefix in ("www.", "m.", "amp."):
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix):]
    return host


# --------------------------------------------------------------------------
# BSNLP
# --------------------------------------------------------------------------
def _bsnlp_topic(path: Path) -> str | None:
    parts = path.parts
    # <topic>/raw/<lang>/<file>
    if len(parts) >= 4 and parts[-3] == "raw":
        return parts[-4]
    return None


def read_bsnlp(path_or_glob, *, outlet=None, lang=None, tz=None, strict=False, progress=None):
    """Read raw documents of the BSNLP shared task (Slavic named entities).

    Each raw file holds, one per line: the document id, its language, the
    date, the URL, the title, then the text.

    Parameters
    ----------
    path_or_glob : str, pathlib.Path or list
        Files, folders (``*.txt``, e.g. ``bsnlp2021/`` or
        ``bsnlp2021/brexit/raw/uk``), glob patterns.
    outlet : str, optional
        Force one outlet; by default the URL's domain (without ``www.``).
    lang : str, optional
        Force one language; by default detected from the text (the declared
        language, with ``ua`` as ``uk``, is kept in ``declared_lang``; a few
        files declare a language they are not written in).
    tz, strict, progress
        As in :func:`framing.read_jsonl`.

    Returns
    -------
    Corpus
        ``doc_id`` is ``<topic>/<id>`` when the file sits in
        ``<topic>/raw/<lang>/``, else the id; metadata ``topic``,
        ``declared_lang`` and ``file``.  Documents whose body is empty keep
        their title as text (recorded as repaired).

    Examples
    --------
    >>> import framing, pathlib, tempfile
    >>> d = pathlib.Path(tempfile.mkdtemp()) / "brexit" / "raw" / "uk"
    >>> d.mkdir(parents=True)
    >>> _ = (d / "file_1.txt").write_text("uk-1\\nuk\\n2019-01-15\\nhttps://www.pravda.com.ua/news/1/\\n"
    ...                                  "Заголовок\\n\\nПарламент відхилив угоду.", encoding="utf-8")
    >>> c = framing.read_bsnlp(d)
    >>> c.docs.loc[0, ["doc_id", "outlet", "lang", "topic"]].tolist()
    ['brexit/uk-1', 'pravda.com.ua', 'uk', 'brexit']
    """
    func = "read_bsnlp"
    check_common(func, outlet=outlet, lang=lang, tz=tz, strict=strict, progress=progress)
    problems = ProblemLog(strict=strict)
    files = expand_paths(path_or_glob, problems=problems, suffixes=(".txt",), func_name=func)
    # a dataset folder also holds annotation files (also *.txt): read only raw documents
    files = [f for f in files if "annotated" not in f.parts[:-1]] or files
    sources: list[dict] = []
    records = []
    for path in progress_bar(files, total=len(files), desc=func, enabled=progress):
        data, _ = read_source(path, problems, sources)
        if data is None:
            continue
        text, enc = decode_logged(data, path, problems)
        del data
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        if len(lines) < 5 or not lines[0].strip():
            problems.add(path, "not a BSNLP raw file (expected id, language, date, URL, title, text lines)",
                         action="skipped")
            continue
        did, declared, date, url, title = (ln.strip() for ln in lines[:5])
        topic = _bsnlp_topic(path)
        records.append({
            "doc_id": f"{topic}/{did}" if topic else did,
            "outlet": domain_of(url) or "unknown",
            "published": date or None,
            "url": url,
            "title": title,
            "text": "\n".join(lines[5:]),
            "topic": topic,
            "declared_lang": {"ua": "uk"}.get(declared.lower(), declared.lower()),
            "file": path.name,
            "_source": path,
        })
    return finish(records, loader=func,
                  options={k: v for k, v in dict(outlet=outlet, lang=lang, tz=tz, strict=strict).items()
                           if v is not None},
                  sources=sources, problems=problems, strict=strict, lang=lang, tz=tz, outlet=outlet)


# --------------------------------------------------------------------------
# ODS news dumps
# --------------------------------------------------------------------------
#: Outlet names for the dumps, by file-name prefix.
ODS_OUTLETS = {
    "gazeta": "gazeta.ru", "interfax": "interfax.ru", "iz": "iz.ru", "izvestia": "iz.ru",
    "meduza": "meduza.io", "ria": "ria.ru", "rt": "rt.com", "tass": "tass.ru",
    "lenta": "lenta.ru", "kommersant": "kommersant.ru", "fontanka": "fontanka.ru",
}
# The dumps lost the backslash of "\n": paragraphs are glued by a bare "n"
# ("месяца.nnДля", "РИА Новости.nВосемнадцать", "изданиеnABC").
_ODS_NL = re.compile(
    r"(?<=[а-яёА-ЯЁ])n{1,2}(?![a-z])"
    r"|(?<=[.!?…:;»\"')\]])n{1,2}(?=[A-ZА-ЯЁ«\"„—–\-\d(\[ ])"
)


def repair_ods_newlines(text: str) -> str:
    """Put back the newlines the ODS dumps wrote as a bare ``n``.

    Examples
    --------
    >>> from framing.io.datasets import repair_ods_newlines
    >>> repair_ods_newlines("Москва, 1 мая.nnВ столице прошел парад.nГости прибыли.")
    'Москва, 1 мая.\\n\\nВ столице прошел парад.\\nГости прибыли.'
    """
    if not isinstance(text, str) or "\n" in text or "n" not in text:
        return text
    return _ODS_NL.sub(lambda m: "\n" * len(m.group()), text)


def _ods_outlet(path: Path) -> str:
    name = path.name.lower()
    for ext in (".csv.gz", ".csv", ".gz"):
        if name.endswith(ext):
            name = name[: -len(ext)]
            break
    base = re.split(r"[-_.]", name)[0]
    return ODS_OUTLETS.get(base, base)


def read_ods_news(path_or_glob, *, outlet=None, lang=None, tz="Europe/Moscow", strict=False, progress=None):
    """Read the ODS Russian news dumps (Gazeta, Interfax, Izvestia, Meduza, RIA, RT, TASS).

    The dumps (distributed by Open Data Science and read by ``corus``) are CSV
    files, often gzip-compressed, with the columns ``date, url, edition,
    topics, authors, title, text, reposts_*, likes, views, comm_count``.
    Their texts lost the backslash of ``\\n``; the newlines are put back
    (see :func:`repair_ods_newlines`).  Files are streamed, so whole dumps
    can be read.

    Parameters
    ----------
    path_or_glob : str, pathlib.Path or list
        Files (``ria.csv.gz``, ``tass-001.csv.gz``…), folders, glob patterns.
    outlet : str, optional
        Force one outlet; by default from the file name (``ria`` → ``ria.ru``,
        ``tass-001`` → ``tass.ru``, ``iz`` → ``iz.ru``).
    lang : str, optional
        Force one language; by default detected.
    tz : str
        Time zone of the dumps' dates (default ``"Europe/Moscow"``).
    strict, progress
        As in :func:`framing.read_jsonl`.

    Returns
    -------
    Corpus
        ``doc_id`` is the article's URL (``<file>-<line>`` when missing);
        metadata ``topics``, ``authors``, ``edition`` and the counts
        (``'-'`` read as missing).

    Examples
    --------
    >>> import framing, gzip, pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "ria.csv.gz"
    >>> _ = p.write_bytes(gzip.compress("date,url,edition,topics,authors,title,text,views\\n"
    ...     "2019-08-10 06:35:00,https://ria.ru/1.html,ria.ru,Мир,,Заголовок,"
    ...     '"Москва, 10 авг – РИА Новости.nПарад прошел.",70\\n'.encode("utf-8")))
    >>> c = framing.read_ods_news(p)
    >>> c.docs.loc[0, ["outlet", "text"]].tolist(), str(c.docs.loc[0, "published"])
    (['ria.ru', 'Москва, 10 авг – РИА Новости.\\nПарад прошел.'], '2019-08-10 03:35:00+00:00')
    """
    from ._csvfile import iter_csv_file

    func = "read_ods_news"
    check_common(func, outlet=outlet, lang=lang, tz=tz, strict=strict, progress=progress)
    problems = ProblemLog(strict=strict)
    files = expand_paths(path_or_glob, problems=problems, suffixes=(".csv", ".csv.gz", ".gz"), func_name=func)
    sources: list[dict] = []
    records = []
    for path in progress_bar(files, total=len(files), desc=func, enabled=progress):
        name = _ods_outlet(path)
        stem = path.name.split(".")[0]
        for line, row in iter_csv_file(path, problems, sources, sep=","):
            if "text" not in row:
                problems.add(path, f"not an ODS news dump: no 'text' column (columns: {list(row)[:10]})",
                             action="skipped")
                break
            rec = {k: (None if v in ("", "-") else v) for k, v in row.items()}
            url = rec.pop("url", None)
            rec.update({
                "doc_id": url or f"{stem}-{line}",
                "url": url,
                "outlet": name,
                "published": rec.pop("date", None),
                "title": rec.pop("title", None),
                "text": repair_ods_newlines(rec.pop("text", None) or ""),
                "_source": path,
                "_location": f"line {line}",
            })
            for k in ("reposts_fb", "reposts_vk", "reposts_ok", "reposts_twi", "reposts_lj", "reposts_tg",
                      "likes", "views", "comm_count"):
                if k in rec and rec[k] is not None:
                    try:
                        rec[k] = int(float(rec[k]))
                    except ValueError:
                        pass
            records.append(rec)
    return finish(records, loader=func,
                  options={k: v for k, v in dict(outlet=outlet, lang=lang, tz=tz, strict=strict).items()
                           if v is not None},
                  sources=sources, problems=problems, strict=strict, lang=lang, tz=tz, outlet=outlet)


# --------------------------------------------------------------------------
# Media Cloud
# --------------------------------------------------------------------------
def read_mediacloud(path_or_glob, *, outlet=None, lang=None, tz=None, strict=False, progress=None):
    """Read Media Cloud story lists (CSV downloaded from search.mediacloud.org).

    Both the current export (``id, indexed_date, language, media_name,
    media_url, publish_date, title, url``) and the older one (``stories_id,
    publish_date, title, url, language, media_id, media_name, media_url``…)
    are understood.  Story lists carry headlines, not full texts: without a
    ``text`` (or ``story_text``) column the title is the text
    (``text_is_title`` = True).

    Parameters
    ----------
    path_or_glob : str, pathlib.Path or list
        CSV files (plain or gzip), folders, glob patterns.
    outlet : str, optional
        Force one outlet; by default ``media_name``, else the domain of
        ``media_url`` or of the story URL.
    lang : str, optional
        Force one language; by default the ``language`` column, else detected.
    tz, strict, progress
        As in :func:`framing.read_jsonl` (dates without a zone are UTC).

    Returns
    -------
    Corpus
        ``doc_id`` is the story id; other columns are kept as metadata.

    Examples
    --------
    >>> import framing, pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "stories.csv"
    >>> _ = p.write_text("id,indexed_date,language,media_name,media_url,publish_date,title,url\\n"
    ...     "abc1,2024-03-01 10:00:00,uk,pravda.com.ua,https://www.pravda.com.ua,2024-03-01,"
    ...     "Зеленський провів переговори,https://www.pravda.com.ua/news/1\\n", encoding="utf-8")
    >>> c = framing.read_mediacloud(p)
    >>> c.docs.loc[0, ["doc_id", "outlet", "lang", "text"]].tolist()
    ['abc1', 'pravda.com.ua', 'uk', 'Зеленський провів переговори']
    """
    from ._csvfile import iter_csv_file

    func = "read_mediacloud"
    check_common(func, outlet=outlet, lang=lang, tz=tz, strict=strict, progress=progress)
    problems = ProblemLog(strict=strict)
    files = expand_paths(path_or_glob, problems=problems, suffixes=(".csv", ".csv.gz"), func_name=func)
    sources: list[dict] = []
    records = []
    for path in progress_bar(files, total=len(files), desc=func, enabled=progress):
        stem = path.name.split(".")[0]
        for line, row in iter_csv_file(path, problems, sources):
            rec = {k: (None if v == "" else v) for k, v in row.items()}
            sid = rec.pop("stories_id", None) or rec.pop("id", None)
            body = rec.pop("text", None) or rec.pop("story_text", None)
            title = rec.pop("title", None)
            url = rec.pop("url", None)
            media = rec.get("media_name") or domain_of(rec.get("media_url")) or domain_of(url)
            language = rec.pop("language", None)
            rec.update({
                "doc_id": sid or f"{stem}-{line}",
                "outlet": media,
                "published": rec.pop("publish_date", None),
                "title": title,
                "text": body if body else title,
                "text_is_title": not body,
                "url": url,
                "lang": language,
                "_source": path,
                "_location": f"line {line}",
            })
            records.append(rec)
    return finish(records, loader=func,
                  options={k: v for k, v in dict(outlet=outlet, lang=lang, tz=tz, strict=strict).items()
                           if v is not None},
                  sources=sources, problems=problems, strict=strict, lang=lang, tz=tz, outlet=outlet)
