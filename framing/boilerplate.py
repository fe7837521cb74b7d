"""Outlet boilerplate: sign-offs, channel links and photo credits an outlet repeats.

Outlets end their posts with the same lines ("Подписывайтесь на …", "Читать
нас без VPN можно здесь: …", a link to their site or channel) and put photo
credits ("Фото: EPA") above or below the text.  Left in, these lines dominate
word counts, distinctive vocabulary and topics: on a Telegram sample the most
distinctive "words" of BBC Russian against RIA are link fragments and "vpn".
:func:`remove_boilerplate` finds such segments per outlet and moves them from
``text`` to a metadata column; :func:`boilerplate_lines` shows what it found.

Method
------
Texts are cut into lines and the lines into sentence-like segments.  Each
segment gets a *key*: markup removed, links and @handles masked, digits
replaced by 0, lowercased, punctuation dropped.  Within an outlet (the ``by``
column) a segment is boilerplate when

* **repeated**: its key occurs in at least ``min_docs`` documents and at least
  ``min_share`` of the outlet's documents (exact reposts counted once), and it
  has at most ``max_words`` words — the repeated-line heuristic of web-page
  cleaning (Kohlschütter, Fankhauser & Nejdl 2010; Pomikálek 2011, jusText);
* an **outlet link**: a whole line that ends with a link to a target the
  outlet links to in at least ``min_docs`` and ``min_share`` of its documents
  (its own site, channel, short-link domain or @handle), the link carries
  the line (a bare address, or an anchor holding half of its words — not a
  link on one word of a sentence), and the rest is at most two words or a
  "read more"/"subscribe" formula ("Подробнее: …", "Читайте нас здесь: …");
  also such a formula ending with a colon whose link a loader already
  stripped ("Текстовую версию можно прочитать на нашем сайте:");
* a **photo credit**: it starts with "Фото", "Photo", "Світлина", "©", … followed
  by a short source ("Фото: РИА Новости", "Photo: Reuters");
* a **sign-off**: in the run of segments at the end of a document, a short
  segment (at most 15 words) with a subscription or "read us" formula
  ("Подписывайтесь", "Читайте нас", "Подробнее читайте здесь", "Subscribe",
  "Підписуйтесь"), a bare link, or a link to an outlet target with at most
  two words, a "read more" formula or nothing outside the link's anchor
  ("[Читать Би-би-си без VPN](…)"); an @handle closing a line
  ("… @banksta") is cut off on its own.  A teaser before a link ("Как
  государство возмещает дома: https://…") stays: it says what the text is
  about.

Everything else, including repeated long sentences and short formulaic but
informative ones below the thresholds (a hedge such as "… не может
независимо подтвердить"), stays in the text.  The result is deterministic.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter

import pandas as pd

from ._errors import SchemaError
from ._options import InstanceOf, Interval, NoneOk, OneOf, check
from .lexicons import read_lexicon

LINE_COLUMNS = ["outlet", "line", "docs", "share", "reason"]

# --- segments ---------------------------------------------------------------------

_LINE = re.compile(r"[^\n]+")
# a sentence boundary inside a line: end punctuation (with closing quotes or markup)
# followed by whitespace
_BOUNDARY = re.compile(r"(?<=[.!?…])[\"»”’)\]*_]*\s+")
# an @handle ending a line ("… упал на два рубля @banksta") is a segment of its own
_TAIL_HANDLE = re.compile(r"(?<=\s)@[A-Za-z][A-Za-z0-9_]{3,31}[\s*_]*$")
_MD_LINK = re.compile(r"\[([^\]\n]*)\]\(([^)\s]+)\)")
_URL = re.compile(
    r"(?:https?://|www\.)[^\s<>()\[\]«»\"]+"
    r"|(?<![\w@.])(?:[a-z0-9][a-z0-9-]*\.)+"
    r"(?:ru|com|org|net|ua|in|ly|me|io|info|su|tv|news|uk|de|fm|co|be|gl|cc|to|ee|by|kz|dog|link|site|media|pro)"
    r"(?:/[^\s<>()\[\]«»\"]*)?(?![\w.])",
    re.IGNORECASE,
)
_HANDLE = re.compile(r"(?<![\w@./])@([A-Za-z][A-Za-z0-9_]{3,31})\b")
_MARKUP = re.compile(r"\*\*|__|~~|\|\||`")
_NONWORD = re.compile(r"[^\w\s]+|_+")
_DIGIT = re.compile(r"\d")
_SPACES = re.compile(r"\s+")
_URL_MARK = " urltoken "

# hosts where the first path segment names the account (t.me/<channel>)
_PLATFORMS = {
    "t.me", "telegram.me", "telegram.dog", "bit.ly", "vk.com", "vk.ru", "ok.ru", "youtube.com",
    "twitter.com", "x.com", "instagram.com", "facebook.com", "dzen.ru", "zen.yandex.ru",
    "rutube.ru", "tiktok.com", "linktr.ee", "boosty.to", "patreon.com", "max.ru",
}

# the words of credits, sign-offs and "read more" pointers: regular-expression
# fragments in framing/lexicons/<lang>/boilerplate.tsv (kind, pattern, note),
# every language at once (outlets mix languages in their formulas)


def _alternatives(kind: str) -> str:
    """The patterns of ``kind`` in every language, as one alternation."""
    parts = []
    for lang in ("ru", "uk", "en"):
        t = read_lexicon(f"{lang}/boilerplate")
        parts += [p for k, p in zip(t["kind"], t["pattern"]) if k == kind]
    return "|".join(parts)


_CREDIT = re.compile(
    r"^\W*(?:" + _alternatives("credit") + r")(?:\s*[:©]|\s+[—–-]\s)\s*\S",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(r"^\W*©\s*\w")
_SIGNOFF = re.compile(_alternatives("signoff"), re.IGNORECASE)
# "read more" pointers that introduce a link: "Подробнее: …", "Детальніше — …", "Details: …"
_POINTER = re.compile(r"^\W*(?:" + _alternatives("pointer") + r")\b", re.IGNORECASE)


def _pointer(segment: str) -> bool:
    return bool(_SIGNOFF.search(segment) or _POINTER.match(segment))


def _link_line(segment: str, words: int, tail: str | None, own: set) -> bool:
    """A whole line that points to the outlet: "Подробнее: <own link>", "Читайте нас здесь:"."""
    if tail in own and words <= _ANYWHERE_LINK_WORDS and (words <= 2 or _pointer(segment)):
        return True
    # the link was already stripped by the loader: a pointer formula ending with a colon
    return (words <= _TRAILING_WORDS and segment.rstrip("*_ ").endswith(":")
            and _pointer(segment))


_ANYWHERE_LINK_WORDS = 10  # an outlet-link segment anywhere has at most this many other words
_TRAILING_WORDS = 15       # a sign-off at the end has at most this many words


def _link_key(url: str) -> str:
    """The target of a link: its host, or host/account on platforms like t.me."""
    u = url.strip().lower().rstrip("._*)]>,;:!?»\"'")
    u = re.sub(r"^[a-z][a-z0-9+.-]*://", "", u)
    if u.startswith("www."):
        u = u[4:]
    host, _, path = u.partition("/")
    host = host.split(":")[0]
    if host in _PLATFORMS:
        parts = [p for p in re.split(r"[/?#]", path) if p]
        if parts and parts[0] in ("s", "c", "joinchat") and len(parts) > 1:
            parts = parts[1:]
        return f"{host}/{parts[0]}" if parts else host
    return host


def _analyse(segment: str) -> tuple[str, int, tuple[str, ...], str | None]:
    """Key, number of words other than links, link targets and tail link of one segment.

    The *tail link* is the target of a link that ends the segment (only
    punctuation, markup or emoji after it) and carries it: a bare address or
    handle, or a Markdown link whose anchor holds at least half of the words
    ("[Подписывайся на Mash](…)").  An inline link on a word or two of a
    sentence ("перенес [инфаркт](…).") is not a tail link.
    """
    links = []
    text = _MD_LINK.sub(lambda m: f"{m.group(1)} {m.group(2)}", segment)
    text = _MARKUP.sub(" ", text)

    def url(m):
        links.append(_link_key(m.group(0)))
        return _URL_MARK

    def handle(m):
        links.append("t.me/" + m.group(1).lower())
        return _URL_MARK

    text = _URL.sub(url, text)
    text = _HANDLE.sub(handle, text)
    text = _DIGIT.sub("0", text.lower().replace("ё", "е"))
    key = _SPACES.sub(" ", _NONWORD.sub(" ", text)).strip()
    words = sum(1 for w in key.split() if w != "urltoken")
    tail = _tail_link(segment, words) if links else None
    return key, words, tuple(dict.fromkeys(links)), tail


def _tail_link(segment: str, words: int) -> str | None:
    found = []  # (end, target, anchor words or None for a bare link)
    masked = list(segment)
    for m in _MD_LINK.finditer(segment):
        anchor = _URL.sub(" ", m.group(1))
        found.append((m.end(), _link_key(m.group(2)), len(re.findall(r"[^\W_]+", anchor))))
        masked[m.start():m.end()] = " " * (m.end() - m.start())
    rest = "".join(masked)
    for m in _URL.finditer(rest):
        found.append((m.end(), _link_key(m.group(0)), None))
    for m in _HANDLE.finditer(rest):
        found.append((m.end(), "t.me/" + m.group(1).lower(), None))
    if not found:
        return None
    end, target, anchor = max(found)
    if re.search(r"[^\W_]", segment[end:]):
        return None
    if anchor is not None and words > 3 and anchor * 2 < words:
        return None
    if anchor is not None and anchor >= words:
        return "\0" + target  # a button: the whole segment is the link's anchor
    return target


def _segments(text: str) -> list[tuple[int, int, int]]:
    """(start, end, line number) of the sentence-like segments of each line (no surrounding spaces)."""
    spans = []
    for ln, line in enumerate(_LINE.finditer(text)):
        s, e = line.span()
        start = s
        inside = [m.span() for m in _MD_LINK.finditer(text, s, e)]
        for b in _BOUNDARY.finditer(text, s, e):
            if any(ms < b.start() < me for ms, me in inside):
                continue  # never cut a Markdown link
            spans.append((start, b.start() + len(b.group(0).rstrip()), ln))
            start = b.end()
        if start < e:
            h = _TAIL_HANDLE.search(text, start, e)
            if h and h.start() > start:
                spans.append((start, h.start(), ln))
                start = h.start()
            spans.append((start, e, ln))
    out = []
    for s, e, ln in spans:
        seg = text[s:e]
        ls = len(seg) - len(seg.lstrip())
        rs = len(seg.rstrip())
        if rs > ls:
            out.append((s + ls, s + rs, ln))
    return out


class _Doc:
    __slots__ = ("text", "spans", "keys", "words", "links", "tails", "buttons", "alone")

    def __init__(self, text: str):
        self.text = text
        segs = _segments(text)
        self.spans = [(s, e) for s, e, _ in segs]
        per_line = Counter(ln for _, _, ln in segs)
        self.alone = [per_line[ln] == 1 for _, _, ln in segs]  # the segment is a whole line
        info = [_analyse(text[s:e]) for s, e in self.spans]
        self.keys = [i[0] for i in info]
        self.words = [i[1] for i in info]
        self.links = [i[2] for i in info]
        # the tail link's target, and whether the segment is nothing but that link ("button")
        self.buttons = [bool(i[3]) and i[3].startswith("\0") for i in info]
        self.tails = [i[3][1:] if b else i[3] for i, b in zip(info, self.buttons)]


# --- detection -----------------------------------------------------------------------

_SPEC = {
    "min_share": Interval(0, 1, closed="right"),
    "min_docs": Interval(2, None, integer=True),
    "max_words": Interval(1, None, integer=True),
    "by": InstanceOf(str),
    "keep_in": [InstanceOf(str), NoneOk()],
    "links": OneOf(True, False),
    "credits": OneOf(True, False),
    "signoffs": OneOf(True, False),
}


def _detect(corpus, *, min_share, min_docs, max_words, by, links, credits, signoffs):
    """Mark boilerplate segments. Returns (docs table, parsed docs, marks per doc)."""
    from .corpus import Corpus

    if not isinstance(corpus, Corpus):
        raise SchemaError(f"expected a framing.Corpus, got {type(corpus).__name__}; build one with "
                          "Corpus.from_frame(df, ...) or a framing.read_* loader.")
    docs = corpus._docs
    if by not in docs.columns:
        raise SchemaError(f"by={by!r}: the corpus has no such column; it has {list(docs.columns)}.")
    parsed = [_Doc(t) for t in docs["text"].tolist()]
    marks: list[dict[int, str]] = [{} for _ in parsed]
    groups = docs.groupby(docs[by].astype(str), sort=True).indices
    for _, idx in groups.items():
        idx = [int(i) for i in idx]
        need = max(min_docs, math.ceil(min_share * len(idx)))
        # exact reposts (same segment keys) count once
        seen, distinct = set(), []
        for i in idx:
            fp = hashlib.blake2b("\x1f".join(parsed[i].keys).encode("utf-8", "surrogatepass"),
                                 digest_size=16).digest()
            if fp not in seen:
                seen.add(fp)
                distinct.append(i)
        key_df: Counter = Counter()
        link_df: Counter = Counter()
        for i in distinct:
            d = parsed[i]
            key_df.update({k for k, w in zip(d.keys, d.words) if 0 < w <= max_words})
            link_df.update({t for ls in d.links for t in ls})
        repeated = {k for k, n in key_df.items() if n >= need}
        own = {t for t, n in link_df.items() if n >= need} if links else set()
        if links and "url" in docs.columns:
            hosts = Counter(_link_key(u) for u in docs["url"].iloc[idx] if u)
            own |= {h for h, n in hosts.items() if n >= need}
        for i in idx:
            d, m = parsed[i], marks[i]
            for j, (k, w, tail) in enumerate(zip(d.keys, d.words, d.tails)):
                if not k:
                    continue
                if k in repeated:
                    m[j] = "repeated"
                elif credits and _is_credit(d.text[d.spans[j][0]:d.spans[j][1]], w):
                    m[j] = "photo credit"
                elif links and d.alone[j] and _link_line(d.text[d.spans[j][0]:d.spans[j][1]], w, tail, own):
                    m[j] = "outlet link"
            if signoffs:
                for j in range(len(d.spans) - 1, -1, -1):
                    k, w, ls, tail = d.keys[j], d.words[j], d.links[j], d.tails[j]
                    if j in m or not k:
                        continue
                    seg = d.text[d.spans[j][0]:d.spans[j][1]]
                    if w <= _TRAILING_WORDS and ((ls and w == 0) or _SIGNOFF.search(seg)
                                                 or (tail in own and (w <= 2 or d.buttons[j] or _pointer(seg)))):
                        m[j] = "sign-off"
                    else:
                        break
    return docs, parsed, marks


def _is_credit(segment: str, words: int) -> bool:
    return words <= 10 and bool(_CREDIT.match(segment) or _COPYRIGHT.match(segment))


def _rebuild(d: _Doc, marks: dict[int, str]) -> tuple[str, list[str]]:
    """The text without the marked segments, and the removed pieces in order."""
    if not marks:
        return d.text, []
    text = d.text
    pieces, removed, pos = [], [], 0
    for j, (s, e) in enumerate(d.spans):
        if j in marks:
            pieces.append(text[pos:s])
            removed.append(text[s:e])
            pos = e
    pieces.append(text[pos:])
    out = "".join(pieces)
    # tidy what the removal left: spaces at line ends, empty lines, bare markup at the end
    out = re.sub(r"[ \t]+\n", "\n", out)
    out = re.sub(r"\n[ \t]+(?=\n)", "\n", out)
    out = re.sub(r"\n{3,}", "\n\n", out)
    lines = out.rstrip().split("\n")
    while lines and lines[-1].strip() and not re.search(r"\w", lines[-1]) and len(lines) > 1:
        removed.append(lines.pop().strip())
    return "\n".join(lines).strip(), removed


def remove_boilerplate(corpus, *, min_share: float = 0.03, min_docs: int = 5, max_words: int = 25,
                       by: str = "outlet", links: bool = True, credits: bool = True,
                       signoffs: bool = True, keep_in: str | None = "boilerplate"):
    """Remove the lines an outlet repeats (sign-offs, channel links, photo credits) from ``text``.

    Parameters
    ----------
    corpus : Corpus
    min_share : float, default 0.03
        Least share of an outlet's documents a segment (or a link target) must
        occur in to count as repeated.
    min_docs : int, default 5
        Least number of an outlet's documents it must occur in; outlets with
        fewer documents keep their repeated segments.
    max_words : int, default 25
        Longer segments are never removed as repeated (reposted content is
        not boilerplate).
    by : str, default "outlet"
        The column that names the outlet; detection is done per value.
    links : bool, default True
        Remove short segments that link to the outlet's own targets.
    credits : bool, default True
        Remove photo credits ("Фото: EPA").
    signoffs : bool, default True
        Remove subscription formulas and bare links at the end of documents.
    keep_in : str or None, default "boilerplate"
        Column that receives the removed segments (one per line, appended to
        what the column already holds); ``None`` keeps nothing.

    Returns
    -------
    Corpus
        A new corpus; ``text`` no longer contains the boilerplate, the step is
        recorded in ``meta["steps"]``.  The input corpus is unchanged.

    References
    ----------
    Kohlschütter, C., Fankhauser, P., & Nejdl, W. (2010). Boilerplate detection
    using shallow text features. *WSDM 2010*, 441–450.

    Pomikálek, J. (2011). *Removing boilerplate and duplicate content from web
    corpora* (PhD thesis). Masaryk University.

    Examples
    --------
    >>> import pandas as pd
    >>> from framing import Corpus
    >>> from framing.boilerplate import remove_boilerplate
    >>> texts = [f"Новость номер {i} о событиях дня.\\n\\nЧитать нас без VPN: bit.ly/outlet"
    ...          for i in range(6)]
    >>> c = Corpus.from_frame(pd.DataFrame({"text": texts, "outlet": "X", "lang": "ru"}))
    >>> clean = remove_boilerplate(c)
    >>> clean.docs.loc[0, "text"], clean.docs.loc[0, "boilerplate"]
    ('Новость номер 0 о событиях дня.', 'Читать нас без VPN: bit.ly/outlet')
    """
    check("remove_boilerplate", _SPEC, min_share=min_share, min_docs=min_docs, max_words=max_words,
          by=by, keep_in=keep_in, links=links, credits=credits, signoffs=signoffs)
    if keep_in in ("doc_id", "text"):
        raise SchemaError(f"remove_boilerplate(): keep_in={keep_in!r} would overwrite a core column; "
                          "choose another name, e.g. 'boilerplate'.")
    docs, parsed, marks = _detect(corpus, min_share=min_share, min_docs=min_docs, max_words=max_words,
                                  by=by, links=links, credits=credits, signoffs=signoffs)
    texts, kept, n_seg, n_doc = [], [], 0, 0
    for d, m in zip(parsed, marks):
        t, removed = _rebuild(d, m)
        texts.append(t)
        kept.append("\n".join(removed))
        n_seg += len(removed)
        n_doc += bool(removed)
    out = docs.assign(text=texts)
    if keep_in is not None:
        if keep_in in docs.columns:
            old = docs[keep_in].fillna("").astype(str).tolist()
            kept = [o + ("\n" if o and k else "") + k for o, k in zip(old, kept)]
        out[keep_in] = kept
    step = (f"remove_boilerplate(min_share={min_share}, min_docs={min_docs}, max_words={max_words}, "
            f"by={by!r}, links={links}, credits={credits}, signoffs={signoffs}): "
            f"{n_seg} segments removed from {n_doc} documents")
    return corpus._derive(out, step)


def boilerplate_lines(corpus, *, min_share: float = 0.03, min_docs: int = 5, max_words: int = 25,
                      by: str = "outlet", links: bool = True, credits: bool = True,
                      signoffs: bool = True) -> pd.DataFrame:
    """What :func:`remove_boilerplate` would remove, one row per outlet and segment.

    Parameters
    ----------
    corpus : Corpus
    min_share, min_docs, max_words, by, links, credits, signoffs
        As for :func:`remove_boilerplate`.

    Returns
    -------
    pandas.DataFrame
        Columns ``outlet`` (the value of ``by``), ``line`` (the most frequent
        original form of the segment), ``docs`` (documents it is removed
        from), ``share`` (of the outlet's documents) and ``reason``
        (``"repeated"``, ``"outlet link"``, ``"photo credit"``, ``"sign-off"``);
        segments that differ only in digits, links, case or markup are one
        row.  Sorted by outlet, then by ``docs`` descending.

    References
    ----------
    Kohlschütter, C., Fankhauser, P., & Nejdl, W. (2010). Boilerplate detection
    using shallow text features. *WSDM 2010*, 441–450.

    Pomikálek, J. (2011). *Removing boilerplate and duplicate content from web
    corpora* (PhD thesis). Masaryk University.

    Examples
    --------
    >>> import pandas as pd
    >>> from framing import Corpus
    >>> from framing.boilerplate import boilerplate_lines
    >>> texts = [f"Новость {i}.\\nФото: EPA" for i in range(3)]
    >>> c = Corpus.from_frame(pd.DataFrame({"text": texts, "outlet": "X", "lang": "ru"}))
    >>> boilerplate_lines(c)[["line", "docs", "reason"]].values.tolist()
    [['Фото: EPA', 3, 'photo credit']]
    """
    check("boilerplate_lines", _SPEC, min_share=min_share, min_docs=min_docs, max_words=max_words,
          by=by, links=links, credits=credits, signoffs=signoffs)
    docs, parsed, marks = _detect(corpus, min_share=min_share, min_docs=min_docs, max_words=max_words,
                                  by=by, links=links, credits=credits, signoffs=signoffs)
    sizes = docs[by].astype(str).value_counts()
    stats: dict[tuple[str, str], dict] = {}
    for outlet, d, m in zip(docs[by].astype(str).tolist(), parsed, marks):
        seen = set()
        for j, reason in sorted(m.items()):
            k = (outlet, d.keys[j])
            st = stats.setdefault(k, {"forms": Counter(), "docs": 0, "reasons": Counter()})
            st["forms"][d.text[d.spans[j][0]:d.spans[j][1]]] += 1
            st["reasons"][reason] += 1
            if k not in seen:
                st["docs"] += 1
                seen.add(k)
    rows = [{"outlet": o, "line": st["forms"].most_common(1)[0][0], "docs": st["docs"],
             "share": st["docs"] / int(sizes[o]), "reason": st["reasons"].most_common(1)[0][0]}
            for (o, _), st in stats.items()]
    if not rows:
        return pd.DataFrame({"outlet": pd.Series(dtype=object), "line": pd.Series(dtype=object),
                             "docs": pd.Series(dtype="int64"), "share": pd.Series(dtype=float),
                             "reason": pd.Series(dtype=object)})
    out = pd.DataFrame(rows, columns=LINE_COLUMNS)
    return out.sort_values(["outlet", "docs", "line"], ascending=[True, False, True],
                           kind="stable").reset_index(drop=True)
