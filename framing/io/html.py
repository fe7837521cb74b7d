"""Saved web pages: the article's main text, title, date, author and address.

The main text is extracted with trafilatura (Barbaresi 2021), which drops
navigation, footers and comments.  Metadata come from the page itself: the
canonical link or ``og:url`` for the address, ``article:published_time``,
``datePublished`` (also in JSON-LD) or a ``<time datetime>`` for the
publication time, ``og:site_name`` for the outlet.  Nothing is downloaded.
"""

from __future__ import annotations

import codecs
import json
import re
import urllib.parse

from .._options import InstanceOf, OneOf, check
from .._problems import ProblemLog
from ._common import (check_common, decode_bytes, expand_paths, finish, progress_bar, read_source,
                      sniff_encoding)

__all__ = ["read_html", "decode_html", "extract_page", "html_to_text"]

_OPTIONS = {
    "include_comments": OneOf(True, False),
    "favor": OneOf("balanced", "precision", "recall"),
    "suffixes": InstanceOf(tuple, list),
}

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.IGNORECASE)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.-]+)["']""")


def _codec(name) -> str | None:
    if not name:
        return None
    if isinstance(name, bytes):
        name = name.decode("ascii", "ignore")
    try:
        return codecs.lookup(name.strip().strip("'\"")).name
    except LookupError:
        return None


def decode_html(data: bytes, *, declared: str | None = None) -> tuple[str, str, bool]:
    """Decode an HTML (or XML) document.

    The order: a byte-order mark or UTF-16/32 without one; valid UTF-8 (a page that declares a
    single-byte code page but is valid UTF-8 with non-ASCII text is UTF-8);
    the charset the page declares (``<meta charset>``, ``http-equiv``
    Content-Type, the XML declaration) or ``declared`` (e.g. from HTTP
    headers) when the bytes decode with it; otherwise
    :func:`framing.io._common.decode_bytes`.

    Returns
    -------
    text, encoding, repaired
        As :func:`~framing.io._common.decode_bytes`.
    """
    if sniff_encoding(data[: 1 << 16]) is not None:  # a BOM, or UTF-16/32 without one
        return decode_bytes(data)
    head = data[:4096]
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError:
        pass
    m = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    for name in (m.group(1) if m else None, declared):
        enc = _codec(name)
        if enc and enc not in ("utf-8", "utf-16", "utf-32"):
            try:
                return data.decode(enc), enc, False
            except UnicodeDecodeError:
                continue
    return decode_bytes(data)


# --- metadata from the page -----------------------------------------------------------------

_DATE_XPATHS = (
    "//meta[@property='article:published_time']/@content",
    "//meta[@property='og:published_time']/@content",
    "//meta[@name='article:published_time']/@content",
    "//meta[@itemprop='datePublished']/@content",
    "//*[@itemprop='datePublished']/@datetime",
    "//meta[@name='pubdate']/@content",
    "//meta[@name='publishdate']/@content",
    "//meta[@name='date']/@content",
    "//meta[@name='dc.date']/@content",
    "//meta[@name='DC.date.issued']/@content",
    "//article//time/@datetime",
    "//time[@pubdate]/@datetime",
)


def _first(tree, xpaths) -> str:
    for xp in xpaths:
        try:
            vals = tree.xpath(xp)
        except Exception:  # noqa: BLE001 - a bad page must not stop the loader
            continue
        for v in vals:
            v = str(v).strip()
            if v:
                return v
    return ""


def _jsonld_date(tree) -> str:
    for node in tree.xpath("//script[@type='application/ld+json']/text()"):
        try:
            obj = json.loads(node)
        except (ValueError, TypeError):
            continue
        stack = [obj]
        while stack:
            o = stack.pop()
            if isinstance(o, dict):
                v = o.get("datePublished")
                if isinstance(v, str) and v.strip():
                    return v.strip()
                stack.extend(o.values())
            elif isinstance(o, list):
                stack.extend(o)
    return ""


def _host(url: str) -> str:
    try:
        host = urllib.parse.urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host[4:] if host.startswith("www.") else host


_BLOCKS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
           "tr", "table", "section", "article", "pre", "figure", "figcaption", "dd", "dt", "hr"}


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed summary): tags dropped, blocks on their own lines."""
    if not fragment or "<" not in fragment:
        import html as _html

        return _html.unescape(fragment or "").strip()
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # noqa: BLE001 - unparseable: drop anything that looks like a tag
        import html as _html

        return _html.unescape(re.sub(r"<[^>]*>", " ", fragment)).strip()
    for bad in root.xpath(".//script|.//style"):
        bad.drop_tree()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCKS:
            el.tail = "\n" + (el.tail or "")
            if el.tag.lower() == "br":
                continue
            el.text = "\n" + (el.text or "")
    text = root.text_content()
    lines = [re.sub(r"[ \t\u00a0]+", " ", ln).strip() for ln in text.split("\n")]
    out = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", re.sub(r"\n(?=\n)", "\n", out)).strip()


def extract_page(html_text: str, *, url: str = "", favor: str = "balanced",
                 include_comments: bool = False) -> dict:
    """The main text and metadata of one HTML page.

    Returns
    -------
    dict
        ``title``, ``text``, ``published`` (string as found, or ""), ``author``,
        ``url`` (canonical link, ``og:url``, else ``url``), ``sitename``,
        ``description``, ``hostname``.  ``text`` is "" when no main text was found.
    """
    import lxml.html
    import trafilatura

    meta_url = ""
    tree = None
    published = ""
    sitename = ""
    try:
        tree = lxml.html.document_fromstring(_XML_DECL.sub("", html_text, count=1))
    except Exception:  # noqa: BLE001 - trafilatura may still cope
        tree = None
    if tree is not None:
        meta_url = _first(tree, ("//link[@rel='canonical']/@href", "//meta[@property='og:url']/@content"))
        if meta_url and url and not urllib.parse.urlsplit(meta_url).netloc:
            meta_url = urllib.parse.urljoin(url, meta_url)
        published = _first(tree, _DATE_XPATHS) or _jsonld_date(tree)
        sitename = _first(tree, ("//meta[@property='og:site_name']/@content",
                                 "//meta[@name='application-name']/@content"))
    doc = trafilatura.bare_extraction(
        _XML_DECL.sub("", html_text, count=1), url=url or None, with_metadata=True, include_comments=include_comments,
        favor_precision=favor == "precision", favor_recall=favor == "recall",
    )
    d = doc.as_dict() if hasattr(doc, "as_dict") else (doc or {})
    title = (d.get("title") or "").strip()
    text = (d.get("text") or "").strip()
    if title and text.split("\n", 1)[0].strip() == title:
        text = text.split("\n", 1)[1].strip() if "\n" in text else ""
    page_url = meta_url if meta_url.startswith(("http://", "https://")) else (url or d.get("url") or "")
    return {
        "title": title,
        "text": text,
        "published": published or (d.get("date") or ""),
        "author": (d.get("author") or "").strip(),
        "url": page_url,
        "sitename": (sitename or d.get("sitename") or "").strip(),
        "description": (d.get("description") or "").strip(),
        "hostname": _host(page_url) or (d.get("hostname") or ""),
    }


#: deepest element nesting kept: libxml2 (under lxml and trafilatura) stops
#: building the tree at 256 levels and the text below is lost
MAX_HTML_DEPTH = 200
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)\b[^>]*?(/?)>")
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())


def flatten_deep_html(html_text: str, limit: int = MAX_HTML_DEPTH) -> tuple[str, int]:
    """``html_text`` with the tags nested deeper than ``limit`` removed (their text kept).

    Returns the page and the deepest nesting found (the page is unchanged
    when that is within ``limit``).
    """
    depth = deepest = 0
    drop: list[tuple[int, int]] = []
    for m in _TAG.finditer(html_text):
        closing, name, selfclose = m.group(1), m.group(2).lower(), m.group(3)
        if name in _VOID or selfclose:
            continue
        if closing:
            if depth > limit:
                drop.append(m.span())
            depth = max(depth - 1, 0)
        else:
            depth += 1
            deepest = max(deepest, depth)
            if depth > limit:
                drop.append(m.span())
    if deepest <= limit:
        return html_text, deepest
    parts, pos = [], 0
    for a, b in drop:
        parts.append(html_text[pos:a])
        pos = b
    parts.append(html_text[pos:])
    return " ".join(parts), deepest


def page_record(html_text: str, *, url: str = "", fallback_date: str = "", favor: str = "balanced",
                include_comments: bool = False) -> dict:
    """A loader record (core fields and metadata) for one page.

    A page nested deeper than :data:`MAX_HTML_DEPTH` is flattened first
    (:func:`flatten_deep_html`); the record's ``_notes`` (a list, popped by
    the loaders into ``problems``) says so.
    """
    notes = []
    if html_text.count("<") > MAX_HTML_DEPTH:
        html_text, deepest = flatten_deep_html(html_text)
        if deepest > MAX_HTML_DEPTH:
            notes.append(f"HTML nested {deepest} levels deep; the tags below level {MAX_HTML_DEPTH} "
                         "were removed (their text kept) so that the page can be parsed")
    page = extract_page(html_text, url=url, favor=favor, include_comments=include_comments)
    return {
        "_notes": notes,
        "outlet": page["sitename"] or page["hostname"] or None,
        "published": page["published"] or fallback_date or None,
        "title": page["title"],
        "text": page["text"],
        "url": page["url"] or url,
        "author": page["author"],
        "description": page["description"],
        "sitename": page["sitename"],
    }


def read_html(path_or_glob, *, outlet=None, lang=None, tz=None, favor="balanced", include_comments=False,
              suffixes=(".html", ".htm", ".xhtml", ".shtml"), strict=False, progress=None):
    """Read saved web pages (one article per file) and extract the main text.

    Parameters
    ----------
    path_or_glob : str, pathlib.Path or list
        Files, folders (searched recursively for ``suffixes``), glob patterns
        or a list of these.
    outlet : str, optional
        The outlet of every page; by default the site's name
        (``og:site_name``), else the domain of the page's address.
    lang : str, optional
        Force this language code; by default detected per page.
    tz : str, optional
        Time zone of dates given without one (default UTC).
    favor : {"balanced", "precision", "recall"}
        trafilatura's trade-off: "precision" drops more doubtful paragraphs,
        "recall" keeps more.
    include_comments : bool, default False
        Keep readers' comments in the text.
    suffixes : tuple of str
        File endings read from folders.
    strict : bool
        Raise on the first problem instead of recording it.
    progress : bool, optional
        Show a progress bar (default: for 50 files or more).

    Returns
    -------
    Corpus
        ``doc_id`` is the file name without suffix; ``title``, ``text``,
        ``published`` (from ``article:published_time``, ``datePublished``, a
        ``<time>`` element or trafilatura's date detection), ``url`` (the
        canonical link or ``og:url``); metadata ``author``, ``description``,
        ``sitename`` and ``encoding`` (detected from the bytes, honouring the
        page's ``<meta charset>``).  Pages without a main text are recorded
        in ``problems``.

    References
    ----------
    Barbaresi, A. (2021). Trafilatura: A web scraping library and command-line
    tool for text discovery and extraction. *ACL-IJCNLP 2021: System
    Demonstrations*, 122–131.

    Examples
    --------
    >>> import framing, pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "most.html"
    >>> page = ('<html><head><meta charset="windows-1251"><title>Мост</title>'
    ...         '<link rel="canonical" href="https://vestnik.example/most"></head><body><article>'
    ...         '<h1>Мост открыт</h1><p>На окраине города открылся новый мост через реку, '
    ...         'его строили три года.</p><p>Мэр заявил, что мост сократит путь до центра.</p>'
    ...         '</article></body></html>')
    >>> _ = p.write_bytes(page.encode("cp1251"))
    >>> c = framing.read_html(p)
    >>> c.docs.loc[0, ["outlet", "url", "encoding"]].tolist()
    ['vestnik.example', 'https://vestnik.example/most', 'cp1251']
    """
    func = "read_html"
    check_common(func, outlet=outlet, lang=lang, tz=tz, strict=strict, progress=progress)
    check(func, _OPTIONS, favor=favor, include_comments=include_comments, suffixes=suffixes)
    problems = ProblemLog(strict=strict)
    sources: list[dict] = []
    files = expand_paths(path_or_glob, problems=problems, suffixes=tuple(suffixes), func_name=func)
    records = []
    for path in progress_bar(files, total=len(files), desc=func, enabled=progress):
        data, _ = read_source(path, problems, sources)
        if data is None:
            continue
        text, enc, repaired = decode_html(data)
        if repaired:
            problems.add(path, f"undecodable bytes replaced (read as {enc})", doc_id=path.stem,
                         action="repaired")
        try:
            rec = page_record(text, favor=favor, include_comments=include_comments)
        except Exception as exc:  # noqa: BLE001 - one bad page never loses the rest
            problems.add(path, f"the page could not be parsed: {exc}", doc_id=path.stem, action="skipped")
            continue
        for note in rec.pop("_notes"):
            problems.add(path, note, doc_id=path.stem, action="repaired")
        if not rec["text"]:
            problems.add(path, "no main text found in the page", doc_id=path.stem, action="skipped")
            continue
        rec.update({"doc_id": path.stem, "encoding": enc, "_source": str(path)})
        records.append(rec)
    options = {"outlet": outlet, "lang": lang, "tz": tz, "favor": favor,
               "include_comments": include_comments, "suffixes": list(suffixes), "strict": strict}
    return finish(records, loader=func, options=options, sources=sources, problems=problems,
                  strict=strict, lang=lang, tz=tz, outlet=outlet)
