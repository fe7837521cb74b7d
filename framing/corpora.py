"""The bundled demo corpus and a registry of public corpora to download.

The demo corpus (``corpora/demo/`` in the repository) is constructed teaching
material: news items about invented events from fictional outlets, in
Russian, Ukrainian and English, with framing devices planted on purpose and an
answer key listing them.  :func:`load_demo` reads the documents,
:func:`demo_answers` the answer key and :func:`demo_events` the event table.

Real corpora are not bundled.  :data:`REGISTRY` lists some public ones with
their address, licence and loader; :func:`fetch` downloads one (or any URL),
resuming an interrupted download and verifying its sha256.  Nothing here
touches the network at import time.
"""

from __future__ import annotations

import contextlib
import hashlib
import http.client
import os
import urllib.parse
from pathlib import Path

import pandas as pd

from ._errors import LoadError, OptionError
from ._options import InstanceOf, NoneOk, check

__all__ = ["REGISTRY", "load_demo", "demo_answers", "demo_events", "demo_dir", "fetch"]

ANSWER_COLUMNS = ["doc_id", "device", "actor", "span", "lemma", "detail"]

# --- the demo corpus ----------------------------------------------------------------


def demo_dir(root=None) -> Path:
    """The folder of the demo corpus.

    Parameters
    ----------
    root : str or pathlib.Path, optional
        A folder holding ``documents/*.jsonl`` (and the answer key).  By
        default the repository checkout's ``corpora/demo``, found relative to
        the package: ``Path(framing.__file__).parents[1] / "corpora" / "demo"``.

    Raises
    ------
    LoadError
        When the folder has no ``documents/*.jsonl`` (e.g. framing was
        installed from a wheel, which does not carry ``corpora/``).
    """
    if root is not None:
        d = Path(root)
    else:
        import framing

        d = Path(framing.__file__).resolve().parents[1] / "corpora" / "demo"
    if not sorted((d / "documents").glob("*.jsonl")):
        raise LoadError(
            f"The demo corpus is not in {d} (no documents/*.jsonl there). It ships with the "
            "repository checkout (corpora/demo/), not with an installed wheel: work from a clone "
            "(pip install -e .) or pass root= the folder that holds documents/ and answers*.csv."
        )
    return d


def load_demo(*, root=None):
    """The demo corpus: constructed news about invented events from fictional outlets.

    The documents are teaching material written for framing: every document
    was written (``constructed`` is True), outlets and some places are
    fictional, and the framing devices in them (attribution verbs, epithets,
    naming, nominations, hedging markers, scare quotes, anonymous sources,
    wire copies) are listed in :func:`demo_answers`.

    Parameters
    ----------
    root : str or pathlib.Path, optional
        Folder of the demo corpus; by default ``corpora/demo`` of the
        repository checkout, located relative to the package
        (``Path(framing.__file__).parents[1] / "corpora" / "demo"``), so it
        works from a clone (also with ``pip install -e``).

    Returns
    -------
    Corpus
        The core columns plus ``event`` (event id, see :func:`demo_events`),
        ``story`` and ``constructed``; ``meta["corpus"] == "demo"``.

    Examples
    --------
    >>> from framing.corpora import load_demo
    >>> c = load_demo()
    >>> sorted(c.languages), {"event", "story", "constructed"} <= set(c.docs.columns)
    (['en', 'ru', 'uk'], True)
    """
    from .corpus import Corpus
    from .io import read_jsonl

    d = demo_dir(root)
    files = sorted((d / "documents").glob("*.jsonl"))
    corpus = read_jsonl(files, lang="lang", strict=True)
    docs = corpus.docs
    if "constructed" in docs:
        docs["constructed"] = docs["constructed"].map(
            lambda v: v if isinstance(v, bool) else str(v).strip().lower() in ("true", "1", "yes"))
    meta = corpus.meta
    meta.update({"loader": "load_demo", "corpus": "demo"})
    return Corpus(docs, meta=meta, problems=corpus.problems)


def _read_csvs(pattern: str, root, what: str) -> pd.DataFrame:
    d = demo_dir(root)
    files = sorted(d.glob(pattern))
    if not files:
        raise LoadError(f"No {what} ({pattern}) in {d}.")
    return pd.concat([pd.read_csv(f, dtype=str, encoding="utf-8") for f in files], ignore_index=True)


def demo_answers(*, root=None) -> pd.DataFrame:
    """The answer key of the demo corpus: every planted device, one per row.

    All ``corpora/demo/answers*.csv`` files, concatenated.

    Parameters
    ----------
    root : str or pathlib.Path, optional
        As for :func:`load_demo`.

    Returns
    -------
    pandas.DataFrame
        Columns ``doc_id``, ``device`` (``attribution``, ``epithet``,
        ``naming``, ``nomination``, ``marker``, ``scare_quote``,
        ``anonymous_source``, ``wire_copy``), ``actor`` (who is named,
        described or quoted), ``span`` (the words as they stand in the text),
        ``lemma`` (the dictionary form of the key word, e.g. the reporting
        verb) and ``detail`` (device-specific, e.g. ``"distancing|indirect"``
        for an attribution, ``"title|0"`` for an epithet, the original's
        ``doc_id`` for a wire copy); missing values are NaN.

    Examples
    --------
    >>> import framing
    >>> key = framing.demo_answers()
    >>> key["device"].value_counts().to_dict()
    {'attribution': 862, 'epithet': 326, 'naming': 256, 'nomination': 123, 'marker': 90,
     'scare_quote': 69, 'anonymous_source': 59, 'wire_copy': 10}
    >>> epithets = key[(key["doc_id"] == "e07_pervy_kanal_online") & (key["device"] == "epithet")]
    >>> epithets[["actor", "span"]].values.tolist()
    [['Песков', 'Пресс-секретарь президента России'],
     ['Захарова', 'Официальный представитель МИД России'],
     ['Мельниченко', 'Глава так называемой городской военной администрации Днепра'],
     ['Корнилов', 'Военный эксперт']]
    """
    out = _read_csvs("answers*.csv", root, "answer key")
    missing = [c for c in ANSWER_COLUMNS if c not in out.columns]
    if missing:
        raise LoadError(f"The demo answer key lacks the column(s) {missing}.")
    return out


def demo_events(*, root=None) -> pd.DataFrame:
    """The events of the demo corpus (``corpora/demo/events*.csv``, concatenated).

    Returns
    -------
    pandas.DataFrame
        One row per event: ``event``, ``story``, ``date`` and English title
        and description, as written in the files.

    Examples
    --------
    >>> import framing
    >>> events = framing.demo_events()
    >>> len(events), events.columns.tolist()
    (12, ['event', 'story', 'date', 'title_en', 'description_en'])
    >>> events.loc[events["event"] == "e07", ["date", "title_en"]].values.tolist()
    [['2025-11-17', 'Missile strike on a residential block in Dnipro']]
    """
    return _read_csvs("events*.csv", root, "event table")


# --- public corpora -------------------------------------------------------------------

_ODS = ("news articles scraped by the ODS #proj_news_viz project and listed by Corus "
        "(natasha/corus); CSV, gzip-compressed")
_ODS_LICENCE = ("no licence stated by the publishers; the texts belong to the outlet — "
                "research use only")


def _ods(file: str, outlet: str, documents: int) -> dict:
    return {
        "url": f"https://github.com/ods-ai-ml4sg/proj_news_viz/releases/download/data/{file}",
        "sha256": None,
        "size": None,
        "documents": documents,
        "licence": _ODS_LICENCE,
        "description": f"{outlet}: {_ODS}.",
        "format": "csv.gz",
        "loader": "framing.read_ods_news",
        "homepage": "https://github.com/ods-ai-ml4sg/proj_news_viz/releases/tag/data",
    }


#: Public corpora that :func:`fetch` can download by name.
#:
#: name → ``url``, ``sha256`` (None when not published: :func:`fetch` then
#: needs ``sha256=`` from you), ``size`` in bytes (None when unknown),
#: ``documents``, ``licence``, ``description``, ``format``, ``loader`` (the
#: framing function that reads the file) and ``homepage``.  Document counts
#: are those given by Corus.
REGISTRY: dict[str, dict] = {
    "ods_gazeta": _ods("gazeta.csv.gz", "Gazeta.ru", 865_847),
    "ods_interfax": _ods("interfax.csv.gz", "Interfax", 543_961),
    "ods_izvestia": _ods("iz.csv.gz", "Izvestia", 86_601),
    "ods_meduza": _ods("meduza.csv.gz", "Meduza", 71_806),
    "ods_ria": _ods("ria.csv.gz", "RIA Novosti", 101_543),
    "ods_rt": _ods("rt.csv.gz", "Russia Today", 106_644),
    "ods_tass": _ods("tass-001.csv.gz", "TASS", 1_135_635),
    "lenta_ru": {
        "url": "https://github.com/yutkin/Lenta.Ru-News-Dataset/releases/download/v1.1/lenta-ru-news.csv.bz2",
        "sha256": None,
        "size": None,
        "documents": 800_975,
        "licence": "see the repository; news texts belong to Lenta.ru — research use only",
        "description": "Lenta.ru news 1999–2019 (v1.1): url, title, text, topic, tags, date.",
        "format": "csv.bz2",
        "loader": "framing.read_csv (decompress first; outlet='lenta.ru')",
        "homepage": "https://github.com/yutkin/Lenta.Ru-News-Dataset",
    },
    "ria_news": {
        "url": "https://github.com/RossiyaSegodnya/ria_news_dataset/raw/master/ria.json.gz",
        "sha256": None,
        "size": None,
        "documents": 1_003_869,
        "licence": "see the repository (published by Rossiya Segodnya for research)",
        "description": "RIA Novosti news 2010–2014 with titles; JSON Lines, text as HTML.",
        "format": "jsonl.gz",
        "loader": "framing.read_jsonl (decompress first; outlet='RIA Novosti')",
        "homepage": "https://github.com/RossiyaSegodnya/ria_news_dataset",
    },
    "bsnlp2021_train": {
        "url": "http://bsnlp.cs.helsinki.fi/data/bsnlp2021_train_r1.zip",
        "sha256": None,
        "size": None,
        "documents": None,
        "licence": "BSNLP 2021 shared-task data — research use, cite the shared task",
        "description": ("Slavic web news on shared topics (Asia Bibi, Brexit, Nord Stream, Ryanair, "
                        "…) in six languages incl. Russian and Ukrainian, with named-entity "
                        "annotation; zip of raw/ and annotated/ folders."),
        "format": "zip",
        "loader": "framing.read_bsnlp (unzip first; read raw/<topic>/<lang>/)",
        "homepage": "http://bsnlp.cs.helsinki.fi/shared-task.html",
    },
}

_FETCH_SPEC = {
    "sha256": [InstanceOf(str), NoneOk()],
    "progress": InstanceOf(bool),
    "timeout": InstanceOf(int, float),
}


def fetch(name_or_url: str, dest, *, sha256: str | None = None, progress: bool = True,
          timeout: float = 60) -> Path:
    """Download a registered corpus (or any URL), resumably, and verify its sha256.

    Parameters
    ----------
    name_or_url : str
        A name in :data:`REGISTRY` (e.g. ``"ods_meduza"``) or an
        ``http(s)://`` address.
    dest : str or pathlib.Path
        The file to write, or an existing folder (the file is then named after
        the URL).
    sha256 : str, optional
        The expected sha256 (hex).  Needed when the registry has none or for a
        URL: nothing is downloaded unverified.  Take it from the publisher, or
        download the file by hand and inspect it before trusting its hash.
    progress : bool, default True
        Show a ``tqdm`` progress bar.
    timeout : float, default 60
        Seconds to wait for the server on each read.

    Returns
    -------
    pathlib.Path
        The verified file.  When it already exists with the right hash,
        nothing is downloaded.

    Raises
    ------
    OptionError
        Unknown name, no sha256 to verify against, or a sha256 that
        contradicts the registry's.
    LoadError
        The download failed (the partial file ``<dest>.part`` is kept, and
        calling ``fetch`` again resumes it with an HTTP Range request), or
        the downloaded file has another sha256 (it is deleted).

    Notes
    -----
    The data is written to ``<dest>.part`` and renamed to ``dest`` only after
    the hash matches, so ``dest`` is never a partial or unverified file.

    Examples
    --------
    What the registry offers, and how each corpus is read once downloaded:

    >>> import framing
    >>> from framing.corpora import REGISTRY
    >>> sorted(REGISTRY)[:4]
    ['bsnlp2021_train', 'lenta_ru', 'ods_gazeta', 'ods_interfax']
    >>> REGISTRY["ods_meduza"]["loader"]
    'framing.read_ods_news'

    Downloading needs the network, so these lines are not run by the tests:

    >>> path = framing.fetch("ods_meduza", "data/")  # doctest: +SKIP
    >>> corpus = framing.read_ods_news(path)         # doctest: +SKIP
    """
    check("fetch", _FETCH_SPEC, sha256=sha256, progress=progress, timeout=timeout)
    url, expected = _resolve(name_or_url, sha256)
    dest = Path(dest).expanduser()
    if dest.is_dir() or str(dest).endswith(("/", os.sep)):
        name = Path(urllib.parse.unquote(urllib.parse.urlsplit(url).path)).name or "download"
        dest = dest / name
    dest.parent.mkdir(parents=True, exist_ok=True)
    if dest.is_file() and _sha256_of(dest) == expected:
        return dest
    part = dest.with_name(dest.name + ".part")
    try:
        _download(url, part, timeout=timeout, progress=progress)
    except (OSError, ValueError, http.client.HTTPException) as exc:  # URLError, HTTPError, IncompleteRead
        kept = part.stat().st_size if part.exists() else 0
        raise LoadError(
            f"fetch(): downloading {url} failed: {exc}. "
            + (f"{kept:,} bytes are kept in {part}; call fetch() again to resume."
               if kept else "Check the address and your connection, then try again.")
        ) from exc
    got = _sha256_of(part)
    if got != expected:
        with contextlib.suppress(FileNotFoundError):
            part.unlink()
        raise LoadError(
            f"fetch(): the file from {url} has sha256 {got}, expected {expected}; it was deleted. "
            "The file on the server changed or was corrupted in transit: check the expected hash "
            "with the publisher before trying again."
        )
    os.replace(part, dest)
    return dest


def _resolve(name_or_url: str, sha256: str | None) -> tuple[str, str]:
    if not isinstance(name_or_url, str):
        raise OptionError(f"fetch(): expected a registry name or a URL, got {type(name_or_url).__name__}.")
    if sha256 is not None:
        sha256 = sha256.strip().lower()
        if len(sha256) != 64 or any(ch not in "0123456789abcdef" for ch in sha256):
            raise OptionError(f"fetch(): sha256={sha256!r} is not a sha256 hex digest (64 hex digits).")
    if name_or_url in REGISTRY:
        entry = REGISTRY[name_or_url]
        url, known = entry["url"], entry.get("sha256")
        if known and sha256 and known.lower() != sha256:
            raise OptionError(f"fetch(): sha256={sha256!r} contradicts the registry's {known!r} for "
                              f"{name_or_url!r}; drop sha256= to use the registry's.")
        expected = sha256 or (known.lower() if known else None)
        if expected is None:
            raise OptionError(
                f"fetch(): the registry has no sha256 for {name_or_url!r}, and framing downloads "
                f"nothing it cannot verify. Pass sha256='<hex digest>' from the publisher "
                f"({entry.get('homepage') or url}), or download {url} yourself."
            )
        return url, expected
    scheme = urllib.parse.urlsplit(name_or_url).scheme
    if scheme in ("http", "https"):
        if sha256 is None:
            raise OptionError(f"fetch(): pass sha256= for {name_or_url}: framing downloads nothing "
                              "it cannot verify.")
        return name_or_url, sha256
    raise OptionError(f"fetch(): {name_or_url!r} is neither a registered corpus nor an http(s) URL; "
                      f"registered: {sorted(REGISTRY)}.")


def _sha256_of(path: Path, chunk: int = 1 << 20) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(chunk), b""):
            h.update(block)
    return h.hexdigest()


def _download(url: str, part: Path, *, timeout: float, progress: bool, chunk: int = 1 << 16) -> None:
    """Stream ``url`` into ``part``, resuming from its current size with a Range request."""
    import urllib.error
    import urllib.request

    from ._version import __version__

    have = part.stat().st_size if part.exists() else 0
    headers = {"User-Agent": f"framing/{__version__} (+corpus fetch)"}
    if have:
        headers["Range"] = f"bytes={have}-"
    req = urllib.request.Request(url, headers=headers)
    try:
        resp = urllib.request.urlopen(req, timeout=timeout)  # noqa: S310 - http(s) checked in _resolve
    except urllib.error.HTTPError as exc:
        if exc.code == 416 and have:
            return  # nothing left to fetch: the part is complete; the hash decides
        raise
    with resp:
        status = getattr(resp, "status", 200)
        content_range = resp.headers.get("Content-Range", "")
        if status == 206 and content_range.startswith(f"bytes {have}-"):
            mode, start = "ab", have
        else:  # the server ignored the range: start again
            mode, start = "wb", 0
        length = resp.headers.get("Content-Length")
        total = start + int(length) if length and length.isdigit() else None
        bar = None
        if progress:
            from tqdm.auto import tqdm

            bar = tqdm(total=total, initial=start, unit="B", unit_scale=True,
                       desc=Path(urllib.parse.urlsplit(url).path).name or "download")
        try:
            with open(part, mode) as fh:
                while True:
                    block = resp.read(chunk)
                    if not block:
                        break
                    fh.write(block)
                    if bar is not None:
                        bar.update(len(block))
        finally:
            if bar is not None:
                bar.close()
        if total is not None and part.stat().st_size < total:
            raise OSError(f"the connection closed after {part.stat().st_size:,} of {total:,} bytes")
