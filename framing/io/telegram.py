"""Telegram channel posts: JSON dumps of messages and Telegram Desktop exports."""

from __future__ import annotations

import re
from pathlib import Path

from .._problems import ProblemLog
from ._common import check_common, expand_paths, progress_bar
from ._records import finish_all

__all__ = ["read_telegram", "clean_telegram_text", "telegram_title"]

# Emoji and pictographs (with their joiners, variation selectors and keycaps).
EMOJI = re.compile(
    "[\U0001f000-\U0001faff\U0001fc00-\U0001ffff\u2600-\u27bf\u2b00-\u2bff\u231a\u231b\u2328\u23cf"
    "\u23e9-\u23fa\u24c2\u25aa\u25ab\u25b6\u25c0\u25fb-\u25fe\u2934\u2935\u3030\u303d\u3297\u3299"
    "\ufe0e\ufe0f\u200d\u20e3\U000e0020-\U000e007f\u2122\u2139\u2194-\u2199\u21a9\u21aa]+"
)
_MD_LINK = re.compile(r"\[([^\]\n]*)\]\(([^)\s]+)\)")
_URL = re.compile(r"(?:https?://|www\.)[^\s)\]>»\"']+", re.IGNORECASE)
_SHORT_HOSTS = ("t.me/", "bit.ly/", "youtu.be/", "vk.cc/", "clck.ru/", "vk.com/", "telegram.me/")
_SHORT_URL = re.compile(r"(?<![A-Za-z0-9./-])(?:t\.me|bit\.ly|youtu\.be|vk\.cc|clck\.ru|vk\.com|telegram\.me)/[^\s)\]>»\"']+",
                        re.IGNORECASE)
_MD_MARKS = re.compile(r"\*\*|__|~~|\|\||```|`")
_SPACES = re.compile(r"[ \t]{2,}")
_SPACE_BEFORE_PUNCT = re.compile(r"[ \t]+([,.;:!?»)])")
_HASHTAG = re.compile(r"#(\w+)")
_MENTION = re.compile(r"(?<![\w@])@(\w{4,})")


def _strip_url_punct(u: str) -> str:
    return u.rstrip(".,;:!?*_~")


def clean_telegram_text(raw: str) -> dict:
    """Remove markdown, links and emoji from a post written in Telegram markdown.

    Parameters
    ----------
    raw : str
        The post as exported: ``**bold**``, ``__italic__``, ``~~strike~~``,
        ``||spoiler||``, ```code```, ``[text](url)`` links, bare URLs, emoji.

    Returns
    -------
    dict
        ``text`` (clean), ``links`` (list of URLs, in order), ``emoji`` (the
        emoji removed, as one string), ``hashtags`` and ``mentions`` (lists).

    Examples
    --------
    >>> from framing.io.telegram import clean_telegram_text
    >>> d = clean_telegram_text("⚡️**Срочно**: [подробности](https://ria.ru/x) и https://t.me/a/1")
    >>> d["text"], d["links"], d["emoji"]
    ('Срочно: подробности и', ['https://ria.ru/x', 'https://t.me/a/1'], '⚡️')
    """
    links: list[str] = []

    def md_link(m):
        label, url = m.group(1), m.group(2)
        links.append(_strip_url_punct(url))
        label_s = _MD_MARKS.sub("", label).strip()
        # a link whose label is the address itself carries no words
        if not label_s or _URL.fullmatch(label_s) or label_s.rstrip("/") == url.rstrip("/"):
            return " "
        return label

    text = _MD_LINK.sub(md_link, raw) if "](" in raw else raw

    def bare(m):
        u = _strip_url_punct(m.group())
        if u not in links:
            links.append(u)
        return " " + m.group()[len(u):]

    changed = bool(links)
    low = text.lower()
    if "http" in low or "www." in low:
        text = _URL.sub(bare, text)
        changed = True
    if any(h in low for h in _SHORT_HOSTS):
        text = _SHORT_URL.sub(bare, text)
        changed = True
    if "**" in text or "__" in text or "~~" in text or "||" in text or "`" in text:
        text = _MD_MARKS.sub("", text)
    emoji = ""
    if EMOJI.search(text):
        emoji = "".join(EMOJI.findall(text))
        text = EMOJI.sub(" ", text)
        changed = True
    if changed:
        text = _SPACES.sub(" ", text)
        text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
        text = "\n".join(ln.strip() for ln in text.split("\n"))
    return {
        "text": text.strip(),
        "links": links,
        "emoji": emoji,
        "hashtags": _HASHTAG.findall(text) if "#" in text else [],
        "mentions": _MENTION.findall(raw) if "@" in raw else [],
    }


_ENTITY_MARK = {"bold": "**", "italic": "__", "strikethrough": "~~", "spoiler": "||", "code": "`"}


def _entities_text(parts) -> tuple[str, str, list[str], str]:
    """Telegram Desktop's ``text``: a string or a list of strings and entity objects.

    Returns (clean text before emoji removal, raw text, links, the clean text
    with bold entities written as ``**…**``, for finding a bold title).
    """
    if isinstance(parts, str):
        return parts, parts, [], parts
    out, raw, links, marked = [], [], [], []
    for p in parts or []:
        if isinstance(p, str):
            out.append(p)
            raw.append(p)
            marked.append(p)
            continue
        if not isinstance(p, dict):
            continue
        t = str(p.get("text", ""))
        kind = p.get("type", "plain")
        raw.append(t)
        if kind in ("link", "url"):
            links.append(_strip_url_punct(t))
            out.append(" ")
        elif kind == "text_link":
            if p.get("href"):
                links.append(p["href"])
            out.append(t)
        elif kind == "custom_emoji":
            out.append(" ")
        elif kind == "email":
            out.append(" ")
        else:
            out.append(t)
        marked.append(f"**{out[-1]}**" if kind == "bold" and out[-1].strip() else out[-1])
    return "".join(out), "".join(raw), links, "".join(marked)


#: the longest first line taken as a title when it is not bold (characters)
TITLE_MAX_CHARS = 120
#: the longest bold first line taken as a title (characters); longer bold
#: openings are lead paragraphs, not headlines
BOLD_TITLE_MAX_CHARS = 300
_BOLD = re.compile(r"\*\*(.+?)\*\*", re.DOTALL)
_WORD_CHAR = re.compile(r"\w")
# a sentence ends inside the line: terminal punctuation, space, a capital or a digit
_INNER_SENTENCE_END = re.compile(r"[.!?…][»\"”')]*\s+[«\"„(]?[A-ZА-ЯЁІЇЄҐ0-9]")


def _bold_mask(markdown: str) -> list[bool]:
    mask = [False] * len(markdown)
    for m in _BOLD.finditer(markdown):
        for i in range(m.start(1), m.end(1)):
            mask[i] = True
    return mask


def _first_line_is_bold(markdown: str, first: str) -> bool:
    """Whether the markdown line that cleans to ``first`` is bold in every word.

    Words of link addresses (``[label](url)``, bare URLs) need not be bold;
    emoji and punctuation outside the bold marks do not count.  A line that
    cannot be matched to ``first`` is not bold (no guess).
    """
    if "**" not in markdown:
        return False
    pos = 0
    for line in markdown.split("\n"):
        start, pos = pos, pos + len(line) + 1
        clean = clean_telegram_text(line)["text"]
        if not clean:
            continue
        if clean != first:
            return False
        mask = _bold_mask(markdown)
        skip = set()
        for m in list(_MD_LINK.finditer(line)) + list(_URL.finditer(line)) + list(_SHORT_URL.finditer(line)):
            a, b = m.span(2) if m.re is _MD_LINK else m.span()
            skip.update(range(a, b))
        chars = [start + i for i, ch in enumerate(line) if i not in skip and _WORD_CHAR.match(ch)]
        return bool(chars) and all(mask[i] for i in chars)
    return False


def telegram_title(markdown: str, text: str) -> str:
    """The title of a Telegram post: its first line when bold or short and alone.

    Channels such as BBC Russian, Mash or Двач write the headline as a bold
    first line.  The first line of ``text`` (the clean post) is the title when

    * every word of that line is bold in ``markdown`` (``**…**``, or a bold
      entity of a Telegram Desktop export) and it is at most
      :data:`BOLD_TITLE_MAX_CHARS` long; or
    * it is not bold but short (at most :data:`TITLE_MAX_CHARS`), one sentence,
      not ending with a colon, and followed by a blank line;

    and more text follows it.  Otherwise the post has no title (``""``).  The
    title is always the start of ``text`` (``text.startswith(title)``), so
    character offsets into ``text`` stay valid and measures see the headline.

    Parameters
    ----------
    markdown : str
        The post in Telegram markdown (``raw_text`` of a dump).
    text : str
        The post as cleaned by :func:`clean_telegram_text`.

    Returns
    -------
    str

    Examples
    --------
    >>> from framing.io.telegram import telegram_title
    >>> telegram_title("🔥**Парламент принял бюджет**\\n\\nДепутаты проголосовали.",
    ...                "Парламент принял бюджет\\n\\nДепутаты проголосовали.")
    'Парламент принял бюджет'
    >>> telegram_title("Депутаты проголосовали за бюджет. Голосование шло час.\\nПодробности позже.",
    ...                "Депутаты проголосовали за бюджет. Голосование шло час.\\nПодробности позже.")
    ''
    """
    first, sep, rest = text.partition("\n")
    first = first.rstrip()
    if not sep or not rest.strip() or not first:
        return ""
    if len(first) <= BOLD_TITLE_MAX_CHARS and _first_line_is_bold(markdown, first):
        return first
    blank_after = not rest.split("\n", 1)[0].strip() and "\n" in rest
    if (blank_after and len(first) <= TITLE_MAX_CHARS and not first.endswith(":")
            and not _INNER_SENTENCE_END.search(first) and _WORD_CHAR.search(first)):
        return first
    return ""


def _iter_messages(obj, path, problems: ProblemLog):
    """Yield (channel or None, message dict, location) from either supported shape.

    Elements that are not message objects, and a chat whose ``messages`` is
    not a list, are recorded and skipped.
    """
    def each(messages, name, prefix):
        if not isinstance(messages, list):
            problems.add(path, f"'messages' is a {type(messages).__name__}, not a list of messages",
                         location=prefix.rstrip(", ") or None, action="skipped")
            return
        for i, m in enumerate(messages, 1):
            if isinstance(m, dict):
                yield name, m, f"{prefix}message {i}"
            else:
                problems.add(path, f"element {i} is not a message object", location=f"{prefix}message {i}",
                             action="skipped")

    if isinstance(obj, list):
        yield from each(obj, None, "")
        return
    if isinstance(obj, dict):
        if "messages" in obj:
            name = obj.get("name") or obj.get("title") or obj.get("channel")
            yield from each(obj["messages"], name if isinstance(name, str) else None, "")
            return
        chats = obj.get("chats", {})
        lst = chats.get("list") if isinstance(chats, dict) else chats
        if isinstance(lst, list):
            for k, chat in enumerate(lst, 1):
                if not isinstance(chat, dict):
                    problems.add(path, f"chat {k} is not a chat object", location=f"chat {k}", action="skipped")
                    continue
                name = chat.get("name") if isinstance(chat.get("name"), str) and chat.get("name") \
                    else f"chat {chat.get('id', k)}"
                yield from each(chat.get("messages", []), name, f"{name}, ")
            return
    problems.add(path, "neither a list of messages nor a Telegram Desktop export", action="skipped")


def read_telegram(path_or_glob, *, outlet=None, lang=None, tz=None, strict=False, progress=None, _batch_size=None):
    """Read Telegram channel posts.

    Two shapes are understood:

    * a JSON list of messages with ``message_id``, ``text`` (Telegram
      markdown), ``date``, ``channel`` and other fields (as collected by
      Telethon-based scrapers);
    * Telegram Desktop's export ``result.json`` (one chat with ``messages``,
      or all chats under ``chats.list``), where ``text`` is a string or a list
      of strings and entity objects.

    Markdown, links and emoji are removed from ``text``; the original is kept
    in ``raw_text`` and the addresses in ``links`` (with ``emoji``,
    ``hashtags`` and ``mentions``).  Service messages (joins, pins) are not
    documents and are left out; posts without text (photos only) are recorded
    as "empty text".

    A bold first line (the headline of BBC Russian, Двач, ТОПОР…) or a
    single short first line followed by a blank line is the ``title``
    (:func:`telegram_title`).  The title stays the start of ``text``:
    ``text`` is the whole post, so every measure reads the headline and
    character offsets into ``text`` do not depend on the title.

    Parameters
    ----------
    path_or_glob : str, pathlib.Path or list
        JSON files, folders (``*.json``), glob patterns.
    outlet : str, optional
        The outlet of every post; by default the channel's name.
    lang, tz, strict, progress
        As in :func:`framing.read_jsonl`.

    Returns
    -------
    Corpus
        ``doc_id`` is ``<channel>/<message id>``; ``outlet`` the channel;
        ``title`` the headline or ``""``; metadata ``message_id``, ``raw_text``, ``links``, ``emoji``,
        ``hashtags``, ``mentions`` and the other fields of the message
        (``views``, ``forwarded_from``, ``category``…).

    Examples
    --------
    >>> import framing, json, pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "posts.json"
    >>> _ = p.write_text(json.dumps([{"message_id": 7, "channel": "Новости", "date": "2024-12-01T10:00:00+00:00",
    ...     "text": "🔥 **Главное**: [читать](https://example.org/a)"}]), encoding="utf-8")
    >>> c = framing.read_telegram(p)
    >>> c.docs.loc[0, ["doc_id", "outlet", "text"]].tolist()
    ['Новости/7', 'Новости', 'Главное: читать']

    A bold first line is the title, and still the start of the text:

    >>> _ = p.write_text(json.dumps([{"message_id": 8, "channel": "Новости", "date": "2024-12-01T11:00:00+00:00",
    ...     "text": "**Снегопад в столице**\\n\\nДороги расчищают, сообщили в мэрии."}]), encoding="utf-8")
    >>> framing.read_telegram(p).docs.loc[0, ["title", "text"]].tolist()
    ['Снегопад в столице', 'Снегопад в столице\\n\\nДороги расчищают, сообщили в мэрии.']
    """
    from ._jsonfile import load_json_file

    func = "read_telegram"
    check_common(func, outlet=outlet, lang=lang, tz=tz, strict=strict, progress=progress)
    problems = ProblemLog(strict=strict)
    files = expand_paths(path_or_glob, problems=problems, suffixes=(".json",), func_name=func)
    sources: list[dict] = []

    def records():
        for path in progress_bar(files, total=len(files), desc=func, enabled=progress):
            obj = load_json_file(path, problems, sources)
            if obj is None:
                continue
            n0, found = len(problems), False
            for chat, m, loc in _iter_messages(obj, path, problems):
                rec = _message_record(m, chat, path, problems, loc)
                if rec is None:
                    continue
                rec["_source"] = path
                rec["_location"] = loc
                found = True
                yield rec
            if not found and len(problems) == n0:
                problems.add(path, "no messages in the file (none, or only service messages)", action="skipped")

    return finish_all(records(), batch_size=_batch_size, loader=func,
                      options={k: v for k, v in dict(outlet=outlet, lang=lang, tz=tz, strict=strict).items()
                               if v is not None},
                      sources=sources, problems=problems, strict=strict, lang=lang, tz=tz, outlet=outlet)


_SKIP_KEYS = {"text", "text_entities", "id", "message_id", "date", "channel", "date_unixtime", "edited",
              "edited_unixtime"}


def _unix_time(v):
    """A Unix time as a float, or None when it is not a number."""
    if isinstance(v, bool):
        return None
    try:
        t = float(v)
    except (TypeError, ValueError):
        return None
    return t if t == t and abs(t) < 1e11 else None


def _message_record(m: dict, chat, path: Path, problems: ProblemLog | None = None, loc=None):
    if m.get("type", "message") != "message":
        return None  # service messages: joins, pins, title changes
    channel = m.get("channel") or chat or m.get("from") or m.get("chat") or path.stem
    if not isinstance(channel, str):
        channel = str(channel)
    mid = m.get("message_id", m.get("id"))
    text = m.get("text", "")
    if text is None:
        text = ""
    elif not isinstance(text, (str, list)):
        if problems is not None:
            problems.add(path, f"'text' is a {type(text).__name__}, not text; "
                         + ("read as its digits" if isinstance(text, (int, float)) and not isinstance(text, bool)
                            else "left empty"), location=loc, action="repaired")
        text = str(text) if isinstance(text, (int, float)) and not isinstance(text, bool) else ""
    clean_src, raw, ent_links, marked = _entities_text(text)
    cleaned = clean_telegram_text(clean_src or "")
    links = ent_links + [u for u in cleaned["links"] if u not in ent_links]
    date = m.get("date")
    unix = _unix_time(m.get("date_unixtime")) if m.get("date_unixtime") not in (None, "") else None
    if m.get("date_unixtime") not in (None, "") and unix is None and problems is not None:
        problems.add(path, f"'date_unixtime' {str(m.get('date_unixtime'))[:40]!r} is not a number; ignored",
                     location=loc, action="repaired")
    if date is None and unix is not None:
        date = unix
    elif isinstance(date, str) and unix is not None and not re.search(r"[+-]\d\d:?\d\d$|Z$", date):
        # Desktop exports write local time in "date"; the unix time is exact
        date = unix
    rec = {
        "doc_id": f"{channel}/{mid}" if mid is not None else None,
        "outlet": str(channel),
        "published": date,
        "title": telegram_title(marked or "", cleaned["text"]),
        "text": cleaned["text"],
        "message_id": mid,
        "raw_text": raw,
        "links": links,
        "emoji": cleaned["emoji"],
        "hashtags": cleaned["hashtags"],
        "mentions": cleaned["mentions"],
    }
    for k, v in m.items():
        if k in _SKIP_KEYS or k in rec:
            continue
        if isinstance(v, (dict, list)):
            import json

            v = json.dumps(v, ensure_ascii=False, default=str)
        rec[k] = v
    return rec
