"""Loader helpers: loaded records to a :class:`~framing.Corpus` (:func:`finish`)."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from .._dtypes import as_timestamp
from .._problems import ProblemLog
from .._version import __version__
from ._normalise import normalize_text
from ._reading import CORE_FIELDS


def _jsonable(value):
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return str(value)


def _is_empty(v) -> bool:
    return v is None or (isinstance(v, float) and v != v) or (isinstance(v, str) and not v.strip())


def parse_published(values: list, *, tz=None) -> pd.Series:
    """Dates to tz-aware UTC (NaT where unparseable); naive values are in ``tz``."""
    from ..corpus import to_utc

    if tz is None or str(tz) == "UTC":
        ser = pd.Series(values, dtype="object")
        strs = ser.map(lambda v: isinstance(v, str) and v != "")
        if len(ser) and strs.all():
            try:
                out = as_timestamp(pd.to_datetime(ser, utc=True, errors="coerce", format="ISO8601"))
                # values pandas could not read in ISO form get the slow path
                redo = out.isna()
                if redo.any():
                    out[redo] = to_utc(ser[redo]).to_numpy()
                return out
            except (ValueError, TypeError):
                pass
    return to_utc(pd.Series(values, dtype="object"), tz=tz)


def finish(records: list[dict], *, loader: str, options: dict, sources: list[dict],
           problems: ProblemLog, strict: bool = False, lang: str | None = None,
           tz=None, outlet: str | None = None, default_outlet: str = "unknown", state: dict | None = None,
           stacklevel: int = 4):
    """Turn loaded records into a :class:`~framing.Corpus`.

    Parameters
    ----------
    records : list of dict
        One dict per document with (some of) the core fields ``doc_id``,
        ``outlet``, ``published``, ``lang``, ``title``, ``text``, ``url`` and any
        metadata fields.  The private keys ``_source`` and ``_location`` say
        where the record came from (for problems) and are dropped.
    loader : str
        The loader's name, e.g. ``"read_jsonl"``; stored in ``meta['loader']``
        and used in the warning.
    options : dict
        The loader's options, stored (as JSON-safe values) in ``meta['options']``.
    sources : list of dict
        ``{"path": ..., "sha256": ...}`` for each file read.
    problems : ProblemLog
        Problems recorded so far; empty texts and repeated ids are added.
    strict : bool
        Raise on the first problem (the log itself raises when created with
        ``strict=True``; this flag is kept in the options).
    lang : str, optional
        Force this language for every document; otherwise ``lang`` is detected
        where a record lacks it.
    tz : str or tzinfo, optional
        Time zone of naive dates (default UTC).
    outlet : str, optional
        Force this outlet for every document.
    default_outlet : str
        Outlet of records without one.
    state : dict, optional
        Carried from batch to batch by :func:`finish_batches` (ids used so
        far, a digest of each id's first record, records seen, batch number),
        so that repeated ids across batches are handled as in one corpus.
    stacklevel : int
        Of the warning: the frames up to the user's call.

    Returns
    -------
    Corpus
        With ``meta`` = {loader, options, sources, framing_version, created}
        and ``problems``.  Emits one ``LoadWarning`` when there were problems.

    Notes
    -----
    Records with an empty text (after normalisation) are skipped ("empty
    text"), except when they have a title, which then becomes the text
    (action "repaired").  A repeated ``doc_id`` is renamed with a suffix ``__2``, ``__3``…
    ("duplicate doc_id", action "renamed"), unless the whole record equals the
    earlier one, which is then dropped ("duplicate record", "skipped").
    """
    from ..corpus import Corpus

    kept: list[dict] = []
    seen: dict = {} if state is None else state["seen"]
    used: set[str] = set() if state is None else state["used"]
    start = 0 if state is None else state["n"]
    for i, rec in enumerate(records, start):
        src = rec.pop("_source", None)
        loc = rec.pop("_location", None)
        rec["text"] = normalize_text(rec.get("text"))
        rec["title"] = normalize_text(rec.get("title"))
        did = rec.get("doc_id")
        if _is_empty(did):
            did = f"{Path(str(src)).stem if src else loader}-{i + 1}"
        did = str(did).strip()
        rec["doc_id"] = did
        if not rec["text"]:
            if rec["title"]:
                # keep what is readable: a headline without a body becomes the text
                rec["text"] = rec["title"]
                problems.add(src, "empty text; the title is used as the text", location=loc, doc_id=did,
                             action="repaired")
            else:
                problems.add(src, "empty text", location=loc, doc_id=did, action="skipped")
                continue
        if did in used:
            first = seen.get(did)
            if first is not None and (_same_record(first, rec) if state is None else first == _digest(rec)):
                problems.add(src, "duplicate record (same id and content as an earlier one)",
                             location=loc, doc_id=did, action="skipped")
                continue
            k = 2
            while f"{did}__{k}" in used:
                k += 1
            new = f"{did}__{k}"
            problems.add(src, f"duplicate doc_id, renamed to {new!r}", location=loc, doc_id=did,
                         action="renamed")
            rec["doc_id"] = new
            did = new
        used.add(did)
        if did not in seen:
            # a batch keeps a digest, not the record, so that memory stays bounded
            seen[did] = rec if state is None else _digest(rec)
        kept.append(rec)
    if state is not None:
        state["n"] = start + len(records)

    df = pd.DataFrame.from_records(kept) if kept else pd.DataFrame({c: [] for c in CORE_FIELDS})
    for col in CORE_FIELDS:
        if col not in df:
            df[col] = None
    n = len(df)
    if outlet is not None:
        df["outlet"] = outlet
    else:
        df["outlet"] = [default_outlet if _is_empty(v) else str(v).strip() for v in df["outlet"].tolist()]
    for col in ("url",):
        df[col] = ["" if _is_empty(v) else str(v).strip() for v in df[col].tolist()]
    if lang is not None:
        df["lang"] = _lang_code(lang)
    elif n:
        langs = df["lang"].tolist()
        need = [i for i, v in enumerate(langs) if _is_empty(v)]
        if need:
            from ..lang.identify import detect_languages

            titles, texts = df["title"].tolist(), df["text"].tolist()
            # a title that is the start of the text (Telegram, read_texts) is not read twice
            found = detect_languages([(titles[i] + "\n" + texts[i])
                                      if titles[i] and not texts[i].startswith(titles[i]) else texts[i]
                                      for i in need])
            for i, code in zip(need, found):
                langs[i] = code
        df["lang"] = [_lang_code(v) for v in langs]
    df["published"] = parse_published(df["published"].tolist(), tz=tz) if n else pd.Series([], dtype="datetime64[ns, UTC]")
    meta = {
        "loader": loader,
        "options": _jsonable(dict(options)),
        "sources": [{"path": str(s["path"]), "sha256": s.get("sha256")} for s in sources],
        "framing_version": __version__,
        "created": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
    }
    if state is not None:
        meta["batch"] = state["batch"]
    corpus = Corpus(df, meta=meta, problems=problems.to_frame())
    problems.report(loader, stacklevel=stacklevel)
    return corpus


_LANG_ALIASES = {
    "ua": "uk", "ukr": "uk", "ukrainian": "uk", "українська": "uk", "uk-ua": "uk",
    "rus": "ru", "russian": "ru", "русский": "ru", "ru-ru": "ru",
    "eng": "en", "english": "en", "en-us": "en", "en-gb": "en",
    "bel": "be", "belarusian": "be", "bul": "bg", "ger": "de", "deu": "de", "fra": "fr", "fre": "fr",
}


def _lang_code(v) -> str:
    """A language value as an ISO 639-1 code (``'ua'`` → ``'uk'``, ``'Russian'`` → ``'ru'``)."""
    s = str(v).strip().lower().replace("_", "-")
    return _LANG_ALIASES.get(s, s)


def _same_record(a: dict, b: dict) -> bool:
    keys = set(a) | set(b)
    for k in keys:
        if k == "doc_id":
            continue
        va, vb = a.get(k), b.get(k)
        if _is_empty(va) and _is_empty(vb):
            continue
        try:
            if va != vb:
                return False
        except (ValueError, TypeError):
            if not np.array_equal(np.asarray(va, dtype=object), np.asarray(vb, dtype=object)):
                return False
    return True


def _digest(rec: dict) -> bytes:
    """What :func:`_same_record` compares (all but the id, empty values left out), hashed."""
    import hashlib
    import json

    body = {k: v for k, v in rec.items() if k != "doc_id" and not _is_empty(v)}
    text = json.dumps(body, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def finish_batches(records, *, batch_size: int, problems: ProblemLog, sources: list[dict], **finish_kw):
    """Yield :func:`finish`-ed corpora of at most ``batch_size`` records, reading ``records`` lazily.

    ``records`` is a generator that fills ``problems`` and ``sources`` as it
    reads.  Each batch's ``problems`` are the problems recorded while its
    records were read, then those :func:`finish` adds; its ``meta`` holds
    ``batch`` (from 0) and, as ``sources``, the files its documents and
    problems come from and the files read to the end while it was read (the
    ``sha256`` of a file still being read is None: it is known at the file's end).  The last batch also
    carries the problems found after the last document (it may hold no
    document).  Concatenated, the batches hold the documents and problems of
    the one-shot loader, in the same order within each batch.
    """
    state = {"used": set(), "seen": {}, "n": 0, "batch": 0}
    done = 0  # sources already attributed to a batch

    def one(batch: list[dict]):
        nonlocal done
        log = ProblemLog(strict=problems.strict)
        log.rows = list(problems.rows)
        problems.rows.clear()
        paths = dict.fromkeys([str(r.get("_source")) for r in batch]
                              + [str(r["source"]) for r in log.rows if r["source"] is not None])
        srcs = [s for i, s in enumerate(sources) if i >= done or str(s["path"]) in paths]
        # a file still being read has no checksum yet (a later batch lists it with one)
        listed = {str(s["path"]) for s in sources}
        srcs += [{"path": p, "sha256": None} for p in paths if p not in listed and p != "None"]
        done = len(sources)
        corpus = finish(batch, problems=log, sources=srcs, state=state, stacklevel=5, **finish_kw)
        state["batch"] += 1
        return corpus

    batch: list[dict] = []
    for rec in records:
        batch.append(rec)
        if len(batch) >= batch_size:
            yield one(batch)
            batch = []
    if batch or len(problems) or state["batch"] == 0:
        yield one(batch)


def finish_all(records, *, batch_size: int | None = None, stacklevel: int = 4, **finish_kw):
    """:func:`finish` on all ``records``, or with ``batch_size`` the generator of :func:`finish_batches`.

    ``stacklevel`` of the warning counts from :meth:`ProblemLog.report` as called here to the user.
    """
    if batch_size is not None:
        return finish_batches(records, batch_size=batch_size, **finish_kw)
    return finish(list(records), stacklevel=stacklevel + 1, **finish_kw)
