"""RSS and Atom feeds: one document per entry, read with feedparser, never over the network."""

from __future__ import annotations

import calendar
import datetime as _dt
import hashlib
import io
import re
import urllib.parse
from pathlib import Path

from .._problems import ProblemLog
from ._common import check_common, expand_paths, finish, progress_bar, read_source
from .html import decode_html, html_to_text

__all__ = ["read_feed"]

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_FEED_START = re.compile(r"^\s*(?:\ufeff)?(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>\s*)*"
                         r"<(?:rss|feed|rdf:RDF|RDF)\b", re.DOTALL | re.IGNORECASE)


def _looks_like_feed(s) -> bool:
    """Whether ``s`` is a feed itself rather than a path: any bytes, or a string starting with markup."""
    if isinstance(s, bytes):
        return True
    return isinstance(s, str) and (bool(_FEED_START.match(s[:20000])) or s.lstrip("\ufeff \t\r\n").startswith("<"))


def _utc_iso(struct) -> str | None:
    if not struct:
        return None
    try:
        return _dt.datetime.fromtimestamp(calendar.timegm(struct), _dt.timezone.utc).isoformat()
    except (TypeError, ValueError, OverflowError):
        return None


def _entry_text(entry) -> tuple[str, str]:
    """(text, summary text) of an entry: the longest content, else the summary."""
    contents = [c for c in entry.get("content", []) if c.get("value")]
    summary = entry.get("summary", "") or ""
    summary_text = html_to_text(summary)
    if contents:
        best = max(contents, key=lambda c: len(c.get("value", "")))
        return html_to_text(best["value"]), summary_text
    return summary_text, ""


def _host(url: str) -> str:
    try:
        host = urllib.parse.urlsplit(url or "").hostname or ""
    except ValueError:
        return ""
    return host[4:] if host.startswith("www.") else host


def _parse(data: bytes, source: str, problems: ProblemLog) -> list[dict] | None:
    import feedparser

    text, enc, repaired = decode_html(data)
    if repaired:
        problems.add(source, f"undecodable bytes replaced (read as {enc})", action="repaired")
    # hand feedparser UTF-8 bytes through a stream: it then never opens a path or URL
    clean = _XML_DECL.sub('<?xml version="1.0" encoding="utf-8"?>', text.lstrip("\ufeff"), count=1)
    parsed = feedparser.parse(io.BytesIO(clean.encode("utf-8", "surrogatepass")))
    exc = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if exc is not None and type(exc).__name__ == "CharacterEncodingOverride":
        exc = None
    if not parsed.entries:
        if exc is not None or not parsed.get("version"):
            problems.add(source, f"not an RSS or Atom feed ({exc or 'no feed element'})", action="skipped")
        else:
            problems.add(source, "the feed has no entries", action="skipped")
        return None
    if exc is not None:
        problems.add(source, f"malformed feed read leniently ({exc})", action="repaired")
    feed = parsed.feed
    feed_title = html_to_text(feed.get("title", "") or "")
    feed_link = feed.get("link", "") or ""
    stem = Path(source).stem if not source.startswith("<") else "feed"
    records = []
    for i, e in enumerate(parsed.entries):
        body, summary = _entry_text(e)
        published = (_utc_iso(e.get("published_parsed")) or _utc_iso(e.get("updated_parsed"))
                     or e.get("published") or e.get("updated") or None)
        records.append({
            "doc_id": e.get("id") or e.get("link") or f"{stem}-{i + 1}",
            "outlet": feed_title or _host(feed_link) or _host(e.get("link", "")) or None,
            "published": published,
            "title": html_to_text(e.get("title", "") or ""),
            "text": body,
            "url": e.get("link", "") or "",
            "author": e.get("author", "") or "",
            "summary": summary,
            "categories": "; ".join(t.get("term", "") for t in e.get("tags", []) if t.get("term")),
            "feed_title": feed_title,
            "feed_url": feed_link,
            "feed_format": parsed.get("version", ""),
            "encoding": enc,
            "_source": source,
            "_location": f"entry {i + 1}",
        })
    return records


def read_feed(source, *, outlet=None, lang=None, tz=None, strict=False, progress=None):
    """Read RSS or Atom feeds: one document per entry.

    Parameters
    ----------
    source : str, bytes, pathlib.Path or list
        Feed files (``.xml``, ``.rss``, ``.atom``, ``.feed`` in folders), glob
        patterns, or the feed itself as a string or bytes (anything starting
        with ``<rss``, ``<feed`` or ``<rdf:RDF``).  Nothing is fetched from the
        network: save a feed first.
    outlet : str, optional
        The outlet of every entry; by default the feed's title, else its domain.
    lang : str, optional
        Force this language code; by default detected per entry.
    tz : str, optional
        Time zone of dates given without one (default UTC).
    strict : bool
        Raise on the first problem instead of recording it.
    progress : bool, optional
        Show a progress bar (default: for 50 files or more).

    Returns
    -------
    Corpus
        ``doc_id`` is the entry's id (``guid``/``id``), else its link;
        ``text`` the longest ``content`` (Atom, ``content:encoded``), else the
        summary, converted from HTML to plain text; ``published`` the entry's
        date (else its update date) in UTC; metadata ``author``, ``summary``
        (when the text came from ``content``), ``categories``,
        ``feed_title``, ``feed_url``, ``feed_format`` and ``encoding``.

    Examples
    --------
    >>> import framing
    >>> rss = ('<rss version="2.0"><channel><title>Вестник</title><item><guid>v1</guid>'
    ...        '<title>Мост открыт</title><pubDate>Sun, 01 Dec 2024 10:30:00 +0300</pubDate>'
    ...        '<description>&lt;p&gt;На окраине города открылся новый мост.&lt;/p&gt;</description>'
    ...        '</item></channel></rss>')
    >>> c = framing.read_feed(rss)
    >>> c.docs.loc[0, ["doc_id", "outlet", "text"]].tolist()
    ['v1', 'Вестник', 'На окраине города открылся новый мост.']
    >>> str(c.docs.loc[0, "published"])
    '2024-12-01 07:30:00+00:00'
    """
    func = "read_feed"
    check_common(func, outlet=outlet, lang=lang, tz=tz, strict=strict, progress=progress)
    problems = ProblemLog(strict=strict)
    sources: list[dict] = []
    inputs: list[tuple[str, bytes | None, Path | None]] = []
    items = source if isinstance(source, (list, tuple)) else [source]
    paths = []
    for k, item in enumerate(items):
        if isinstance(item, (str, bytes)) and _looks_like_feed(item):
            data = item if isinstance(item, bytes) else item.encode("utf-8", "surrogatepass")
            name = f"<string {k + 1}>" if len(items) > 1 else "<string>"
            sources.append({"path": name, "sha256": hashlib.sha256(data).hexdigest()})
            inputs.append((name, data, None))
        else:
            paths.append(item)
    if paths:
        for p in expand_paths(paths, problems=problems, suffixes=(".xml", ".rss", ".atom", ".feed"),
                              func_name=func):
            inputs.append((str(p), None, p))
    records: list[dict] = []
    for name, data, path in progress_bar(inputs, total=len(inputs), desc=func, enabled=progress):
        if path is not None:
            data, _ = read_source(path, problems, sources)
            if data is None:
                continue
        try:
            out = _parse(data, name, problems)
        except Exception as exc:  # noqa: BLE001 - one bad feed never loses the rest
            problems.add(name, f"the feed could not be parsed: {exc}", action="skipped")
            continue
        if out:
            records.extend(out)
    options = {"outlet": outlet, "lang": lang, "tz": tz, "strict": strict}
    return finish(records, loader=func, options=options, sources=sources, problems=problems,
                  strict=strict, lang=lang, tz=tz, outlet=outlet)
