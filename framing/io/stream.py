"""Streaming loaders: large dumps read as a generator of corpora in batches.

``iter_jsonl``, ``iter_csv``, ``iter_telegram`` and ``iter_warc`` take the
options of their ``read_*`` loader plus ``batch_size`` and yield
:class:`~framing.Corpus` batches of at most ``batch_size`` documents.  The
files are read lazily (a JSON Lines, CSV or WARC file line by line or record
by record; a Telegram export, one JSON document, file by file), so memory
holds one batch, not the dump.  Each batch's ``problems`` are those found
while reading it; its ``meta`` adds ``batch`` (numbered from 0) and lists as
``sources`` the files its documents come from.  Repeated ids are renamed
across batches as in one corpus, so the batches concatenated hold the
documents of the one-shot loader in the same order, and the same problems
(grouped by batch).  The last batch holds the problems found after the last
document and may be empty.
"""

from __future__ import annotations

from .._options import Interval, check

__all__ = ["iter_jsonl", "iter_csv", "iter_telegram", "iter_warc"]

_SIZE = {"batch_size": [Interval(1, None, integer=True)]}


def _batch_size(func: str, batch_size) -> int:
    check(func, _SIZE, batch_size=batch_size)
    return int(batch_size)


def iter_jsonl(path_or_glob, *, batch_size=10_000, **options):
    """Read JSON Lines files lazily, as corpora of at most ``batch_size`` documents.

    Parameters
    ----------
    path_or_glob : str, pathlib.Path or list
        As in :func:`framing.read_jsonl`.
    batch_size : int, default 10000
        The most documents in one batch.
    **options
        The options of :func:`framing.read_jsonl` (``text=``, ``outlet=``,
        ``keep=``, ``strict=``…), checked at once.

    Returns
    -------
    generator of Corpus
        Batches whose concatenation equals ``framing.read_jsonl(path_or_glob,
        **options)``: the same documents in the same order, the same problems.
        ``meta["batch"]`` numbers them from 0.

    Examples
    --------
    >>> import framing, pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "news.jsonl"
    >>> _ = p.write_text("".join(f'{{"id": {i}, "body": "Новость номер {i}.", "source": "ria"}}\\n'
    ...                          for i in range(5)), encoding="utf-8")
    >>> for batch in framing.iter_jsonl(p, text="body", batch_size=2):
    ...     print(batch.meta["batch"], batch.docs["doc_id"].tolist())
    0 ['0', '1']
    1 ['2', '3']
    2 ['4']
    """
    from .tables import read_jsonl

    return read_jsonl(path_or_glob, _batch_size=_batch_size("iter_jsonl", batch_size), **options)


def iter_csv(path_or_glob, *, batch_size=10_000, **options):
    """Read CSV or TSV files lazily, as corpora of at most ``batch_size`` documents.

    Parameters
    ----------
    path_or_glob : str, pathlib.Path or list
        As in :func:`framing.read_csv`.
    batch_size : int, default 10000
        The most documents in one batch.
    **options
        The options of :func:`framing.read_csv` (``sep=``, ``encoding=``,
        ``text=``…), checked at once.

    Returns
    -------
    generator of Corpus
        Batches whose concatenation equals ``framing.read_csv(path_or_glob,
        **options)``; ``meta["batch"]`` numbers them from 0.

    Examples
    --------
    >>> import framing, pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "news.csv"
    >>> _ = p.write_text("id,text,outlet\\n1,Мэр открыл мост.,ria\\n2,Мост закрыли.,ria\\n"
    ...                  "3,Мост снова открыт.,tass\\n", encoding="utf-8")
    >>> [len(b) for b in framing.iter_csv(p, batch_size=2)]
    [2, 1]
    """
    from .tables import read_csv

    return read_csv(path_or_glob, _batch_size=_batch_size("iter_csv", batch_size), **options)


def iter_telegram(path_or_glob, *, batch_size=10_000, **options):
    """Read Telegram dumps as corpora of at most ``batch_size`` posts.

    A Telegram export is one JSON document, so each file is parsed whole;
    the posts of a folder of exports are turned into documents batch by batch.

    Parameters
    ----------
    path_or_glob : str, pathlib.Path or list
        As in :func:`framing.read_telegram`.
    batch_size : int, default 10000
        The most posts in one batch.
    **options
        The options of :func:`framing.read_telegram` (``outlet=``, ``lang=``,
        ``tz=``, ``strict=``, ``progress=``).

    Returns
    -------
    generator of Corpus
        Batches whose concatenation equals ``framing.read_telegram(path_or_glob,
        **options)``; ``meta["batch"]`` numbers them from 0.

    Examples
    --------
    >>> import framing, json, pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "posts.json"
    >>> _ = p.write_text(json.dumps([{"message_id": i, "channel": "Новости", "date": "2024-12-01T10:00:00+00:00",
    ...     "text": f"Сообщение {i} о погоде."} for i in range(3)]), encoding="utf-8")
    >>> [b.docs["doc_id"].tolist() for b in framing.iter_telegram(p, batch_size=2)]
    [['Новости/0', 'Новости/1'], ['Новости/2']]
    """
    from .telegram import read_telegram

    return read_telegram(path_or_glob, _batch_size=_batch_size("iter_telegram", batch_size), **options)


def iter_warc(path_or_glob, *, batch_size=10_000, **options):
    """Read web archives lazily, record by record, as corpora of at most ``batch_size`` pages.

    Parameters
    ----------
    path_or_glob : str, pathlib.Path or list
        As in :func:`framing.read_warc`.
    batch_size : int, default 10000
        The most pages in one batch.
    **options
        The options of :func:`framing.read_warc` (``outlet=``, ``favor=``,
        ``statuses=``…), checked at once.

    Returns
    -------
    generator of Corpus
        Batches whose concatenation equals ``framing.read_warc(path_or_glob,
        **options)``; ``meta["batch"]`` numbers them from 0.

    References
    ----------
    Barbaresi, A. (2021). Trafilatura: A web scraping library and command-line
    tool for text discovery and extraction. *ACL-IJCNLP 2021: System
    Demonstrations*, 122–131.

    Examples
    --------
    >>> import framing, io, pathlib, tempfile
    >>> from warcio.statusandheaders import StatusAndHeaders
    >>> from warcio.warcwriter import WARCWriter
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "crawl.warc.gz"
    >>> with open(p, "wb") as fh:
    ...     w = WARCWriter(fh, gzip=True)
    ...     for i in range(3):
    ...         page = (f"<html><body><article><h1>Новость {i}</h1><p>На окраине города открылся новый "
    ...                 f"мост номер {i}, его строили три года, сообщил мэр.</p></article></body></html>")
    ...         http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
    ...                                 protocol="HTTP/1.1")
    ...         w.write_record(w.create_warc_record(f"https://vestnik.example/{i}", "response",
    ...                                             payload=io.BytesIO(page.encode()), http_headers=http))
    >>> [b.docs["url"].tolist() for b in framing.iter_warc(p, batch_size=2)]
    [['https://vestnik.example/0', 'https://vestnik.example/1'], ['https://vestnik.example/2']]
    """
    from .warc import read_warc

    return read_warc(path_or_glob, _batch_size=_batch_size("iter_warc", batch_size), **options)
