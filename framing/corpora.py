"""The bundled demo corpus and a registry of public corpora to download.

The demo corpus (``corpora/demo/`` in the repository) is constructed teaching
material: news items about invented events from fictional outlets, in
Russian, Ukrainian and English, with framing devices planted on purpose and an
answer key listing them.  :func:`load_demo` reads the documents,
:func:`demo_answers` the answer key and :func:`demo_events` the event table.

Real corpora are not bundled.  :data:`REGISTRY` lists some public ones with
their address, licence and loader; :func:`fetch` downloads one (or any http(s)
URL) with pooch, verifies its sha256 against the published hash or, where
there is none, against the hash it recorded the first time (a lock file beside
the data).  Nothing here touches the network at import time.

The registry and the download live in ``framing._download`` (imported here, so
``framing.corpora.fetch`` and ``REGISTRY`` are where they were).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ._download import LOCK_SUFFIX, REGISTRY, _sha256_of, fetch  # noqa: F401 - exported here (_sha256_of: reproduce.py)
from ._errors import LoadError

__all__ = ["REGISTRY", "load_demo", "demo_answers", "demo_events", "demo_dir", "fetch"]


ANSWER_COLUMNS = ["doc_id", "device", "actor", "span", "lemma", "detail"]

# --- the demo corpus ----------------------------------------------------------------


def demo_dir(root=None) -> Path:
    """The folder of the demo corpus.

    Parameters
    ----------
    root : str or pathlib.Path, optional
        A folder holding ``documents/*.jsonl`` (and the answer key).  By
        default the copy inside the installed package (``framing/_demo/``,
        which the wheel carries, found with :mod:`importlib.resources`), else
        ``corpora/demo/`` of the repository checkout the package was imported
        from (a clone, or ``pip install -e``).  Both are the same files: the
        wheel is built from ``corpora/demo/``.

    Raises
    ------
    LoadError
        When the folder has no ``documents/*.jsonl``.
    """
    if root is not None:
        d = Path(root)
        if not sorted((d / "documents").glob("*.jsonl")):
            raise LoadError(f"The demo corpus is not in {d} (no documents/*.jsonl there): pass root= the "
                            "folder that holds documents/ and answers*.csv.")
        return d
    tried = []
    for d in _demo_candidates():
        if sorted((d / "documents").glob("*.jsonl")):
            return d
        tried.append(str(d))
    raise LoadError(
        f"The demo corpus is not in {' nor in '.join(tried)} (no documents/*.jsonl there). The wheel "
        "carries it as framing/_demo/ and a checkout as corpora/demo/: reinstall framing "
        "(pip install --force-reinstall framing, or pip install -e . in a clone), or pass root= the "
        "folder that holds documents/ and answers*.csv."
    )


def _demo_candidates() -> list[Path]:
    """Where the demo corpus may be: inside the installed package, then the checkout."""
    import importlib.resources

    import framing

    out = []
    packaged = importlib.resources.files("framing").joinpath("_demo")
    if isinstance(packaged, Path):  # an ordinary installation (not a zip file)
        out.append(packaged)
    out.append(Path(framing.__file__).resolve().parents[1] / "corpora" / "demo")
    return out


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
        Folder of the demo corpus; by default the one the installed package
        carries, or ``corpora/demo/`` of a checkout (see :func:`demo_dir`).

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
