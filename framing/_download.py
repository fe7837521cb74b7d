"""The registry of public corpora and :func:`fetch`, which downloads one with pooch and checks
its sha256 (against the published hash, or the one recorded the first time in a lock
file beside the data).  Imported from :mod:`framing.corpora`; nothing touches the network
at import time."""

from __future__ import annotations

import hashlib
import json
import os
import re
import urllib.parse
from pathlib import Path

from ._errors import LoadError, OptionError
from ._options import InstanceOf, Interval, NoneOk, check


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
#: name → ``url``, ``sha256`` (None when the publisher gives none: :func:`fetch`
#: then trusts the first download and records its hash in a lock file), ``size``
#: in bytes (None when unknown; when known, a larger download is refused),
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
    "max_bytes": [Interval(1, None, integer=True), NoneOk()],
    "progress": InstanceOf(bool),
    "timeout": Interval(0, None, closed="neither"),
}

LOCK_SUFFIX = ".lock.json"
_SCHEMES = ("http", "https")


def fetch(name_or_url: str, dest, *, sha256: str | None = None, max_bytes: int | None = None,
          progress: bool = True, timeout: float = 60) -> Path:
    """Download a registered corpus (or any http(s) URL) and verify its sha256.

    The hash to verify against is, in this order: ``sha256=`` or the
    registry's published hash; else the hash recorded in the lock file
    ``<dest>.lock.json`` by an earlier fetch; else none, and the hash of this
    first download is recorded in the lock file (trust on first use), so that
    every later fetch of the same file must give the same bytes.

    Parameters
    ----------
    name_or_url : str
        A name in :data:`REGISTRY` (e.g. ``"ods_meduza"``) or an
        ``http(s)://`` address.
    dest : str or pathlib.Path
        The file to write, or an existing folder (the file is then named after
        the URL).  The lock file is written beside it.
    sha256 : str, optional
        The expected sha256 (64 hex digits), e.g. from the publisher.  It must
        agree with the registry's hash where the registry has one.
    max_bytes : int, optional
        Refuse a download larger than this many bytes (the registry's ``size``
        by default, where known).  The limit is checked against the announced
        length before the body is read and again while it streams.
    progress : bool, default True
        Show a ``tqdm`` progress bar.
    timeout : float, default 60
        Seconds to wait for the server to connect and on each read.

    Returns
    -------
    pathlib.Path
        The verified file.  When it already exists with the expected hash,
        nothing is downloaded.

    Raises
    ------
    OptionError
        An unknown name, a URL that is not http(s), a malformed ``sha256=`` or
        one that contradicts the registry's.
    LoadError
        The download failed (HTTP error, connection broken off, body longer
        than the limit, redirect to anything but http(s)), its sha256 is not
        the expected one, or the lock file contradicts the published hash or
        cannot be read.  The message names the URL.  Nothing is left behind:
        ``dest`` and its lock file are as they were.

    Notes
    -----
    The download itself is done by pooch (Uieda et al. 2020), which streams
    it into a temporary file and checks a known hash before the file is
    moved into place; framing adds the redirect and size limits, the lock
    file and its own error messages.  Only ``http`` and ``https`` are
    followed, on every redirect.  A broken-off download is not resumed:
    call ``fetch`` again.  The file gets the mode the umask gives new files.

    References
    ----------
    Uieda, L., Soler, S. R., Rampin, R., van Kemenade, H., Turk, M., Shapero,
    D., Banihirwe, A., & Leeman, J. (2020). Pooch: A friend to fetch your
    data files. Journal of Open Source Software, 5(45), 1943.
    https://doi.org/10.21105/joss.01943

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
    check("fetch", _FETCH_SPEC, sha256=sha256, max_bytes=max_bytes, progress=progress, timeout=timeout)
    url, published, size = _resolve(name_or_url, sha256)
    limit = max_bytes if max_bytes is not None else size
    dest = Path(dest).expanduser()
    if dest.is_dir() or str(dest).endswith(("/", os.sep)):
        name = Path(urllib.parse.unquote(urllib.parse.urlsplit(url).path)).name or "download"
        dest = dest / name
    lock_path = dest.with_name(dest.name + LOCK_SUFFIX)
    lock = _read_lock(lock_path)
    if lock is not None and published is not None and lock["sha256"] != published:
        raise LoadError(
            f"fetch(): {lock_path} records sha256 {lock['sha256']} for {lock.get('url')}, but the "
            f"published hash of {url} is {published}: the file fetched earlier is not the published "
            f"one. Delete {lock_path} (and {dest}) to fetch the published file."
        )
    if published is not None:
        expected, source = published, ("sha256=" if sha256 is not None else "the registry")
    elif lock is not None:
        expected, source = lock["sha256"], f"the lock file {lock_path}, written at the first fetch"
    else:
        expected, source = None, None
    if expected is not None and dest.is_file() and _sha256_of(dest) == expected:
        if lock is None:
            _write_lock(lock_path, dest, url, expected, dest.stat().st_size, source)
        return dest
    dest.parent.mkdir(parents=True, exist_ok=True)
    got, n = _download(url, dest, expected=expected, source=source, limit=limit, progress=progress,
                       timeout=timeout)
    if lock is None:
        _write_lock(lock_path, dest, url, got, n, source or "first download (trust on first use)")
    return dest


def _resolve(name_or_url: str, sha256: str | None) -> tuple[str, str | None, int | None]:
    """(url, published or given sha256, size limit from the registry)."""
    if not isinstance(name_or_url, str):
        raise OptionError(f"fetch(): expected a registry name or a URL, got {type(name_or_url).__name__}.")
    if sha256 is not None:
        sha256 = sha256.strip().lower()
        if len(sha256) != 64 or any(ch not in "0123456789abcdef" for ch in sha256):
            raise OptionError(f"fetch(): sha256={sha256!r} is not a sha256 hex digest (64 hex digits).")
    if name_or_url in REGISTRY:
        entry = REGISTRY[name_or_url]
        url, known = entry["url"], entry.get("sha256")
        known = known.lower() if known else None
        if known and sha256 and known != sha256:
            raise OptionError(f"fetch(): sha256={sha256!r} contradicts the registry's {known!r} for "
                              f"{name_or_url!r}; drop sha256= to use the registry's.")
        return url, sha256 or known, entry.get("size")
    if urllib.parse.urlsplit(name_or_url).scheme.lower() in _SCHEMES:
        return name_or_url, sha256, None
    raise OptionError(f"fetch(): {name_or_url!r} is neither a registered corpus nor an http(s) URL; "
                      f"registered: {sorted(REGISTRY)}.")


def _read_lock(path: Path) -> dict | None:
    if not path.exists():
        return None
    try:
        lock = json.loads(path.read_text(encoding="utf-8"))
        digest = lock["sha256"]
        if not (isinstance(digest, str) and re.fullmatch(r"[0-9a-fA-F]{64}", digest)):
            raise ValueError(f"sha256 {digest!r} is not 64 hex digits")
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise LoadError(f"fetch(): the lock file {path} cannot be read ({type(exc).__name__}: {exc}). "
                        "It records the hash of the first download; restore it, or delete it to trust "
                        "the next download.") from exc
    lock["sha256"] = digest.lower()
    return lock


def _write_lock(path: Path, dest: Path, url: str, digest: str, size: int, trusted: str) -> None:
    import datetime

    from ._atomic import atomic_path
    from ._version import __version__

    lock = {"file": dest.name, "url": url, "sha256": digest, "size": size, "trusted": trusted,
            "fetched": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
            "framing": __version__}
    with atomic_path(path) as tmp:
        tmp.write_text(json.dumps(lock, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def _sha256_of(path: Path, chunk: int = 1 << 20) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(chunk), b""):
            h.update(block)
    return h.hexdigest()


class _Refused(Exception):
    """The server's answer breaks a rule of fetch (scheme, size, length); the message says which."""


class _Progress:
    """What pooch's downloader sees of the bar: it learns the total; the sink counts the bytes."""

    def __init__(self, bar):
        self.bar = bar

    @property
    def total(self):
        return self.bar.total

    @total.setter
    def total(self, value):
        if value:
            self.bar.total = value
            self.bar.refresh()

    def update(self, n):  # pooch counts chunk sizes, not bytes: the sink updates the bar
        pass

    def reset(self):
        pass

    def close(self):  # closed by fetch
        pass


class _Sink:
    """A write-only file that hashes, counts and stops at the size limit while the body streams."""

    def __init__(self, fh, url: str, limit: int | None, bar=None):
        self.fh, self.url, self.limit, self.bar = fh, url, limit, bar
        self.n = 0
        self.hash = hashlib.sha256()

    def write(self, block: bytes) -> int:
        self.n += len(block)
        if self.limit is not None and self.n > self.limit:
            raise _Refused(f"{self.url} sent more than the limit of {self.limit:,} bytes; the download "
                           "was stopped (pass a larger max_bytes= if the file is really that big)")
        self.hash.update(block)
        if self.bar is not None:
            self.bar.update(len(block))
        return self.fh.write(block)

    def flush(self) -> None:
        self.fh.flush()


def _download(url: str, dest: Path, *, expected: str | None, source: str | None, limit: int | None,
              progress: bool, timeout: float) -> tuple[str, int]:
    """Download ``url`` to ``dest`` through pooch in a private temporary folder; (sha256, size)."""
    import shutil
    import tempfile

    import pooch
    import requests

    from ._atomic import file_mode
    from ._version import __version__

    announced: dict = {}

    def check_response(response, *args, **kwargs):
        # called by requests for every response, redirects included, before it follows them
        if response.is_redirect:
            target = urllib.parse.urljoin(response.url, response.headers["Location"])
            if urllib.parse.urlsplit(target).scheme.lower() not in _SCHEMES:
                raise _Refused(f"{response.url} redirects to {target}; fetch follows only http(s) "
                               "addresses")
            return response
        announced["response"] = response
        length = response.headers.get("Content-Length", "")
        encoded = response.headers.get("Content-Encoding", "identity").lower() not in ("", "identity")
        if length.isdigit() and not encoded and response.ok:
            announced["length"] = int(length)
            if limit is not None and int(length) > limit:
                raise _Refused(f"{response.url} announces {int(length):,} bytes, more than the limit of "
                               f"{limit:,} (pass a larger max_bytes= if the file is really that big)")
        return response

    bar = None
    if progress:
        from ._progress import bar_class

        bar = bar_class()(total=None, unit="B", unit_scale=True, desc=dest.name)
    sink_box: list[_Sink] = []

    def downloader(url_, output_file, pooch_):
        with open(output_file, "wb") as fh:
            sink = _Sink(fh, url, limit, bar)
            sink_box.append(sink)
            try:
                pooch.HTTPDownloader(
                    progressbar=_Progress(bar) if bar is not None else False, chunk_size=1 << 16,
                    timeout=timeout, hooks={"response": [check_response]},
                    headers={"User-Agent": f"framing/{__version__} (corpus fetch)",
                             "Accept-Encoding": "identity"},
                )(url_, sink, pooch_)
            finally:
                if "response" in announced:  # stop reading at once, also after an error
                    announced.pop("response").close()
        if "length" in announced and sink.n != announced["length"]:
            raise _Refused(f"the connection to {url} closed after {sink.n:,} of {announced['length']:,} "
                           "bytes")

    logger = pooch.get_logger()
    level = logger.level
    tmpdir = Path(tempfile.mkdtemp(prefix=f".{dest.name}.", suffix=".fetch", dir=dest.parent))
    try:
        logger.setLevel("WARNING")  # pooch's notes name the temporary folder; our errors say enough
        try:
            got_path = pooch.retrieve(url, known_hash=expected, fname=dest.name, path=tmpdir,
                                      downloader=downloader, progressbar=False)
        except _Refused as exc:
            raise LoadError(f"fetch(): {exc}. Nothing was kept.") from None
        except requests.RequestException as exc:
            raise LoadError(f"fetch(): downloading {url} failed: {exc}. Nothing was kept; check the "
                            "address and your connection, then try again.") from exc
        except ValueError as exc:  # pooch: the hash does not match (or another of its checks)
            got = sink_box[-1].hash.hexdigest() if sink_box else None
            if expected is None or got is None or got == expected:
                raise LoadError(f"fetch(): downloading {url} failed: {exc}. Nothing was kept.") from exc
            raise LoadError(
                f"fetch(): the file from {url} has sha256 {got}, expected {expected} (from {source}); "
                "it was deleted. The file on the server changed or was corrupted in transit: check the "
                "expected hash with the publisher before trying again."
            ) from exc
        except OSError as exc:
            raise LoadError(f"fetch(): downloading {url} to {dest} failed: {exc}. Nothing was kept.") from exc
        os.chmod(got_path, file_mode())  # pooch's temporary file is private (0600)
        os.replace(got_path, dest)
    finally:
        logger.setLevel(level)
        if bar is not None:
            bar.close()
        shutil.rmtree(tmpdir, ignore_errors=True)
    sink = sink_box[-1]
    return sink.hash.hexdigest(), sink.n
