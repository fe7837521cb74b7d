"""Hostile inputs for the loaders: hypothesis strategies and the invariant they must keep.

Used by ``tests/test_io_hostile.py`` (a small fixed budget) and by
``benchmarks/robustness.py`` (a larger one); later loaders reuse the generators.

Every case is a :class:`Case`: files to write (name → bytes), the loader to
call, the documents that must come out with their text intact (``expect``:
doc_id → text, before normalisation), and whether the hostile part may
legitimately lose or change documents (then a problem must be recorded for
its file).  :func:`check_case` loads a case and returns an :class:`Outcome`
with what went wrong.

The texts are made here from a small invented vocabulary (no corpus text).
"""

from __future__ import annotations

import gzip
import io
import json
import random
import signal
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import strategies as st

# ---------------------------------------------------------------------------
# texts
# ---------------------------------------------------------------------------
RU_WORDS = ("мост город жители района заявил сообщили министр встреча вечером переговоры делегация "
            "столица новости правительство экономика рост цены война мир решение суда выборы "
            "депутаты бюджет школа больница дорога погода снег ветер завод рабочие зарплата").split()
UK_WORDS = ("міст місто мешканці району заявив повідомили міністр зустріч увечері переговори делегація "
            "столиця новини уряд економіка зростання ціни війна мир рішення суду вибори депутати "
            "бюджет школа лікарня дорога погода сніг вітер завод робітники зарплата їхні єдність").split()
EN_WORDS = ("bridge city residents district said reported minister meeting evening talks delegation "
            "capital news government economy growth prices war peace court ruling election budget").split()

#: characters that loaders must survive inside a text
HOSTILE_CHARS = ("\u200b", "\u200d", "\ufeff", "\u00ad", "\u2028", "\u2029", "\x85", "\x00", "\x07", "\x1b",
                 "\t", "\r", "\u202e", "\u0301", "\ufffd", "\U0001f525", "&amp;", "&#171;", "\\", '"', "'",
                 ",", ";", "|", "<", ">", "{", "}", "[", "]")


def sentence(rng: random.Random, words=RU_WORDS, n: tuple[int, int] = (4, 14)) -> str:
    """An invented sentence of ``n`` words (capitalised, with a full stop)."""
    s = " ".join(rng.choice(words) for _ in range(rng.randint(*n)))
    return s[:1].upper() + s[1:] + "."


@st.composite
def prose(draw, words=RU_WORDS, max_sentences: int = 4) -> str:
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    return " ".join(sentence(rng, words) for _ in range(draw(st.integers(1, max_sentences))))


@st.composite
def hostile_text(draw) -> str:
    """Prose with control, zero-width, direction, separator characters and entities spliced in."""
    base = draw(prose(words=draw(st.sampled_from([RU_WORDS, UK_WORDS, EN_WORDS]))))
    for _ in range(draw(st.integers(0, 6))):
        k = draw(st.integers(0, len(base)))
        base = base[:k] + draw(st.sampled_from(HOSTILE_CHARS)) + base[k:]
    return base


def huge_text(rng: random.Random, n_chars: int) -> str:
    """One very long line of prose."""
    parts, size = [], 0
    while size < n_chars:
        s = sentence(rng)
        parts.append(s)
        size += len(s) + 1
    return " ".join(parts)


# ---------------------------------------------------------------------------
# cases
# ---------------------------------------------------------------------------
@dataclass
class Case:
    """Files for one loader call and what must come out."""

    loader: str
    files: dict  # name -> bytes
    expect: dict  # doc_id -> original text, from files that are not damaged
    hostile: str | None = None  # the file whose documents may be lost or changed, with a problem
    hostile_expect: dict = field(default_factory=dict)  # doc_id -> text the hostile file held
    must_record: bool = False  # the hostile file must produce at least one problem
    exact: bool = True  # False (random damage): a changed text may be the damage itself, only checks that a
    # hostile file giving no document has a problem recorded
    may_vanish: bool = False  # the damage can turn a document into a legitimate non-document (a page's
    # Content-Type "text/html" flipped to "text/htmk" in a plain WARC): no check but crash and hang
    kwargs: dict = field(default_factory=dict)
    kind: str = ""


def _docs(rng: random.Random, n: int, prefix: str, words=RU_WORDS) -> list[dict]:
    return [{"id": f"{prefix}{i}", "text": " ".join(sentence(rng, words) for _ in range(rng.randint(1, 3))),
             "source": "agency"} for i in range(n)]


def jsonl_bytes(docs, encoding="utf-8") -> bytes:
    return "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs).encode(encoding)


def csv_bytes(docs, encoding="utf-8") -> bytes:
    import csv

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["id", "text", "source"])
    for d in docs:
        w.writerow([d["id"], d["text"], d["source"]])
    return buf.getvalue().encode(encoding)


def json_bytes(docs, wrap: str | None = None) -> bytes:
    obj = docs if wrap is None else {"name": "x", wrap: docs}
    return json.dumps(obj, ensure_ascii=False, indent=1).encode("utf-8")


def telegram_bytes(docs, desktop: bool, channel: str = "chan") -> bytes:
    if not desktop:
        msgs = [{"message_id": int(d["id"][1:]), "channel": channel, "date": "2024-12-01T10:00:00+00:00",
                 "text": d["text"]} for d in docs]
        return json.dumps(msgs, ensure_ascii=False, indent=1).encode("utf-8")
    msgs = [{"id": int(d["id"][1:]), "type": "message", "date": "2024-12-01T10:00:00",
             "date_unixtime": "1733047200", "text": [d["text"][:5], {"type": "bold", "text": d["text"][5:]}],
             "text_entities": [{"type": "plain", "text": d["text"]}]} for d in docs]
    return json.dumps({"name": channel, "type": "public_channel", "id": 1, "messages": msgs},
                      ensure_ascii=False, indent=1).encode("utf-8")


def _good_file(rng, loader):
    """A clean companion file: its documents must always come out intact."""
    docs = _docs(rng, 3, "g")
    if loader == "read_jsonl":
        return "good.jsonl", jsonl_bytes(docs), {d["id"]: d["text"] for d in docs}
    if loader in ("read_csv",):
        return "good.csv", csv_bytes(docs), {d["id"]: d["text"] for d in docs}
    if loader == "read_json":
        return "good.json", json_bytes(docs), {d["id"]: d["text"] for d in docs}
    if loader == "read_telegram":
        return "good.json", telegram_bytes(docs, False, "good"), {f"good/{d['id'][1:]}": d["text"] for d in docs}
    raise ValueError(loader)


def _ids(loader, docs):
    if loader == "read_telegram":
        return {f"chan/{d['id'][1:]}": d["text"] for d in docs}
    return {d["id"]: d["text"] for d in docs}


def _encode(loader, docs, encoding="utf-8"):
    if loader == "read_jsonl":
        return "h.jsonl", jsonl_bytes(docs, encoding)
    if loader == "read_csv":
        return "h.csv", csv_bytes(docs, encoding)
    if loader == "read_json":
        return "h.json", json_bytes(docs)
    return "h.json", telegram_bytes(docs, False)


TABLE_LOADERS = ("read_jsonl", "read_csv", "read_json", "read_telegram")


@st.composite
def mutated_case(draw, loader: str) -> Case:
    """A good file plus a copy of a valid file with random byte damage (flip, insert, delete, cut)."""
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    gname, gdata, gexp = _good_file(rng, loader)
    docs = _docs(rng, draw(st.integers(1, 6)), "h")
    name, data = _encode(loader, docs)
    data = bytearray(data)
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["flip", "insert", "delete", "cut", "junk"]))
        k = draw(st.integers(0, max(len(data) - 1, 0)))
        if op == "flip" and data:
            data[k] = draw(st.integers(0, 255))
        elif op == "insert":
            data[k:k] = draw(st.binary(min_size=1, max_size=8))
        elif op == "delete":
            del data[k:k + draw(st.integers(1, 8))]
        elif op == "cut":
            del data[k:]
        else:
            data[k:k] = draw(st.sampled_from([b"\x00\x00", b"\xff\xfe", b"\xef\xbb\xbf", b'"', b"\\", b"\n",
                                              b"\r", b"\xe2\x80\xa8", b"\xd0", b"{", b"]", b"\\ud83d"]))
    return Case(loader, {gname: gdata, name: bytes(data)}, gexp, hostile=name, hostile_expect=_ids(loader, docs),
                exact=False, kind="mutated bytes")


@st.composite
def random_bytes_case(draw, loader: str) -> Case:
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    gname, gdata, gexp = _good_file(rng, loader)
    name = _encode(loader, [])[0]
    return Case(loader, {gname: gdata, name: draw(st.binary(max_size=400))}, gexp, hostile=name, exact=False,
                kind="random bytes")


@st.composite
def hostile_text_case(draw, loader: str) -> Case:
    """Documents whose texts hold control, zero-width and separator characters; all must come out."""
    docs = [{"id": f"h{i}", "text": draw(hostile_text()), "source": "agency"} for i in range(draw(st.integers(1, 5)))]
    name, data = _encode(loader, docs)
    keep = [d for d in docs if expected_text(loader, d["text"])]
    return Case(loader, {name: data}, _ids(loader, keep), kind="control and zero-width characters")


@st.composite
def encoding_case(draw, loader: str) -> Case:
    """A file in one encoding (UTF-8/16/32 with or without BOM, cp1251, koi8-r) or mixing them per line."""
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    words = draw(st.sampled_from([RU_WORDS, UK_WORDS]))
    docs = _docs(rng, draw(st.integers(2, 12)), "h", words)
    if loader in ("read_json", "read_telegram"):
        enc = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32",
                                    "utf-32-le", "cp1251"] + (["koi8-u"] if words is UK_WORDS else ["koi8-r"])))
        name, data = _encode(loader, docs)
        data = data.decode("utf-8").encode(enc)
        return Case(loader, {name: data}, _ids(loader, docs), kind=f"encoding {enc}")
    mode = draw(st.sampled_from(["one", "mixed"]))
    if mode == "one":
        enc = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32",
                                    "utf-32-be", "cp1251"] + (["koi8-u"] if words is UK_WORDS else ["koi8-r"])))
        name, data = _encode(loader, docs, enc)
        return Case(loader, {name: data}, _ids(loader, docs), kind=f"encoding {enc}")
    encs = ["utf-8", "cp1251", "koi8-u" if words is UK_WORDS else "koi8-r"]
    name, data = _encode(loader, docs)
    lines = data.decode("utf-8").split("\n")
    out = [ln.encode(rng.choice(encs)) for ln in lines]
    return Case(loader, {name: b"\n".join(out)}, _ids(loader, docs), kind="mixed encodings per line")


@st.composite
def broken_json_case(draw, loader: str) -> Case:
    """Valid JSON cut short or with raw control characters in strings: what precedes the damage is kept."""
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    docs = _docs(rng, draw(st.integers(2, 8)), "h")
    how = draw(st.sampled_from(["cut", "control"]))
    if loader == "read_telegram":
        data = telegram_bytes(docs, desktop=how == "cut" and draw(st.booleans()))
    elif loader == "read_json":
        data = json_bytes(docs, wrap=draw(st.sampled_from([None, "messages", "documents"])))
    else:
        data = jsonl_bytes(docs)
    if how == "control":
        text = data.decode("utf-8")
        # a raw tab or newline inside the first document's text
        j = text.index(docs[0]["text"]) + 3
        text = text[:j] + draw(st.sampled_from(["\t", "\x01", "\x1f"])) + text[j:]
        docs[0]["text"] = docs[0]["text"][:3] + text[j] + docs[0]["text"][3:]
        return Case(loader, {_encode(loader, [])[0]: text.encode("utf-8")}, _ids(loader, docs), must_record=True,
                    kind="raw control character in a JSON string")
    cut = draw(st.integers(1, len(data) - 1))
    if loader == "read_jsonl" and data[:cut].rstrip(b"\n").endswith(b"}"):
        cut = len(data[:cut].rstrip(b"\n")) - 2  # a cut at a line end leaves valid JSON Lines
    name = _encode(loader, [])[0]
    return Case(loader, {name: data[:cut]}, {}, hostile=name, hostile_expect=_ids(loader, docs),
                must_record=True, kind="JSON cut short")


@st.composite
def huge_line_case(draw, loader: str) -> Case:
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    docs = _docs(rng, 2, "h")
    docs[1]["text"] = huge_text(rng, draw(st.integers(50_000, 400_000)))
    name, data = _encode(loader, docs)
    return Case(loader, {name: data}, _ids(loader, docs), kind="huge line")


@st.composite
def csv_quote_case(draw) -> Case:
    """A CSV whose one row opens a quote it never closes: the rows before and after must be kept."""
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    docs = _docs(rng, draw(st.integers(3, 8)), "h")
    bad = draw(st.integers(0, len(docs) - 1))
    lines = csv_bytes(docs).decode("utf-8").split("\n")
    lines[bad + 1] = lines[bad + 1].replace(",", ',"', 1)  # an opening quote in the text field
    keep = {d["id"]: d["text"] for i, d in enumerate(docs) if i != bad}
    return Case("read_csv", {"h.csv": "\n".join(lines).encode("utf-8")}, keep, must_record=True,
                kind="unbalanced CSV quote")


@st.composite
def csv_gzip_case(draw) -> Case:
    """A gzip CSV with one damaged byte."""
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    gname, gdata, gexp = _good_file(rng, "read_csv")
    docs = _docs(rng, draw(st.integers(2, 20)), "h")
    data = bytearray(gzip.compress(csv_bytes(docs), mtime=0))
    k = draw(st.integers(0, len(data) - 1))
    data[k] ^= draw(st.integers(1, 255))
    return Case("read_csv", {gname: gdata, "h.csv.gz": bytes(data)}, gexp, hostile="h.csv.gz",
                hostile_expect={d["id"]: d["text"] for d in docs}, kind="damaged gzip")


def nested_html(depth: int, text: str) -> str:
    return ("<html><head><title>Deep page</title></head><body>" + "<div>" * depth + "<article><p>" + text
            + "</p></article>" + "</div>" * depth + "</body></html>")


@st.composite
def html_case(draw) -> Case:
    """A page nested 1–400 levels deep: its main text must come out."""
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    text = " ".join(sentence(rng, EN_WORDS, (8, 16)) for _ in range(4))
    depth = draw(st.integers(1, 400))
    return Case("read_html", {"page.html": nested_html(depth, text).encode("utf-8")}, {"page": text},
                kind="nested HTML")


ENTITY_TRICKS = (
    '<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>',
    '<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
    '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://example.invalid/rss.dtd">',
    "",
)


@st.composite
def feed_case(draw) -> Case:
    """An RSS feed with entity tricks in its DOCTYPE and escaped HTML in descriptions, as str or bytes."""
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    items = [(f"e{i}", sentence(rng, EN_WORDS, (6, 12))) for i in range(draw(st.integers(1, 4)))]
    trick = draw(st.sampled_from(ENTITY_TRICKS))
    body = "".join(f"<item><guid>{g}</guid><title>T {g}</title><description>&lt;p&gt;{t}&lt;/p&gt;</description>"
                   f"</item>" for g, t in items)
    xml = f'<?xml version="1.0" encoding="utf-8"?>{trick}<rss version="2.0"><channel><title>Wire</title>{body}' \
          f"</channel></rss>"
    as_bytes = draw(st.booleans())
    return Case("read_feed", {"<inline>": xml.encode("utf-8") if as_bytes else xml}, dict(items),
                kind="feed with entity tricks")


@st.composite
def warc_case(draw) -> Case:
    """A WARC (gzip or not) with junk before it, a damaged byte or a wrong Content-Length."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    gz = draw(st.booleans())
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    texts = {}
    for i in range(draw(st.integers(1, 5))):
        text = " ".join(sentence(rng, EN_WORDS, (8, 16)) for _ in range(2))
        page = f"<html><head><title>P{i}</title></head><body><article><p>{text}</p></article></body></html>"
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        rec = w.create_warc_record(f"https://site.example/{i}", "response", payload=io.BytesIO(page.encode()),
                                   http_headers=http, warc_headers_dict={"WARC-Record-ID": f"<urn:uuid:r{i}>",
                                                                     "WARC-Date": "2024-12-01T10:00:00Z"})
        w.write_record(rec)
        texts[f"r{i}"] = text
    data = bytearray(buf.getvalue())
    how = draw(st.sampled_from(["junk", "flip", "length", "none"]))
    if how == "junk":
        junk = draw(st.binary(min_size=1, max_size=300)).replace(b"\x1f\x8b", b"").replace(b"WARC/", b"")
        data[0:0] = junk.rstrip(b"\x1f") or b"J"  # no gzip magic, no record start: junk it stays
        return Case("read_warc", {"a.warc.gz" if gz else "a.warc": bytes(data)}, texts, must_record=True,
                    kind="junk before a WARC")
    if how == "length" and not gz:
        k = data.find(b"Content-Length: ")
        j = data.find(b"\r\n", k)
        data[k + 16:j] = str(draw(st.integers(0, 10**6))).encode()
        return Case("read_warc", {"a.warc": bytes(data)}, {}, hostile="a.warc", hostile_expect=texts,
                    kind="wrong Content-Length")
    if how == "flip":
        k = draw(st.integers(0, len(data) - 1))
        data[k] ^= draw(st.integers(1, 255))
        # a flipped byte in a plain record may be a changed letter: only gzip (CRC) can tell
        return Case("read_warc", {"a.warc.gz" if gz else "a.warc": bytes(data)}, {},
                    hostile="a.warc.gz" if gz else "a.warc", hostile_expect=texts, exact=gz, may_vanish=not gz,
                    kind="damaged WARC")
    return Case("read_warc", {"a.warc.gz" if gz else "a.warc": bytes(data)}, texts, kind="clean WARC")


def cases_for(loader: str):
    """Every strategy that applies to ``loader`` (one ``st.one_of``)."""
    if loader in TABLE_LOADERS:
        parts = [mutated_case(loader), random_bytes_case(loader), hostile_text_case(loader),
                 encoding_case(loader), huge_line_case(loader)]
        if loader != "read_csv":
            parts.append(broken_json_case(loader))
        else:
            parts += [csv_quote_case(), csv_gzip_case()]
        return st.one_of(parts)
    return {"read_html": html_case(), "read_feed": feed_case(), "read_warc": warc_case()}[loader]


LOADERS = TABLE_LOADERS + ("read_html", "read_feed", "read_warc")


# ---------------------------------------------------------------------------
# the invariant
# ---------------------------------------------------------------------------
@dataclass
class Outcome:
    docs_in: int = 0
    docs_out: int = 0
    problems: int = 0
    crash: str = ""
    hang: bool = False
    changed: list = field(default_factory=list)  # doc ids lost or altered without a problem recorded
    refused: str = ""  # a documented refusal (nothing to read, no text column in any file)

    @property
    def ok(self) -> bool:
        return not self.crash and not self.hang and not self.changed


class _Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise _Timeout()


def check_case(case: Case, folder: Path, *, timeout: float = 0) -> Outcome:
    """Load ``case`` from ``folder`` and check the invariant.

    * nothing raises (without ``strict=True``), except the documented refusals
      (``LoadError`` "nothing to read"; ``SchemaError`` when no file at all has
      a text column);
    * every expected document comes out with ``normalize_text(text)`` intact;
    * a document of the hostile file that is lost or whose text differs has a
      problem recorded for that file (and ``must_record`` cases record one);
    * with ``timeout`` (seconds, main thread only), a call that runs longer is a hang.
    """
    import warnings

    import framing
    from framing._errors import LoadError, SchemaError

    out = Outcome(docs_in=len(case.expect) + len(case.hostile_expect))
    folder.mkdir(parents=True, exist_ok=True)
    inline = None
    for name, data in case.files.items():
        if name == "<inline>":
            inline = data
        else:
            (folder / name).write_bytes(data)
    loader = getattr(framing, case.loader)
    old = None
    if timeout:
        old = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            corpus = loader(inline if inline is not None else folder, **case.kwargs)
    except _Timeout:
        out.hang = True
        return out
    except (LoadError, SchemaError) as exc:
        if isinstance(exc, LoadError) and "nothing to read" in str(exc) or isinstance(exc, SchemaError):
            out.refused = f"{type(exc).__name__}: {exc}"
            if case.expect:
                out.changed.append(f"refused although good documents exist: {exc}")
            return out
        out.crash = "".join(traceback.format_exception(exc))
        return out
    except Exception as exc:  # noqa: BLE001 - the point is to catch everything
        out.crash = "".join(traceback.format_exception(exc))
        return out
    finally:
        if timeout:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old)
    docs = dict(zip(corpus.docs["doc_id"], corpus.docs["text"]))
    probs = corpus.problems
    out.docs_out = len(docs)
    out.problems = len(probs)
    hostile_probs = 0
    if case.hostile:
        hostile_probs = int(probs["source"].fillna("").str.endswith(case.hostile).sum())
    for did, text in case.expect.items():
        want = expected_text(case.loader, text)
        got = docs.get(did)
        if got is None:
            out.changed.append(f"{did}: lost")
        elif got != want and not _recorded(probs, did):
            out.changed.append(f"{did}: text changed without a problem: {got[:60]!r} != {want[:60]!r}")
    if case.exact:
        for did, text in case.hostile_expect.items():
            got = docs.get(did)
            if (got is None or got != expected_text(case.loader, text)) and not hostile_probs:
                out.changed.append(f"{did} (hostile file): {'lost' if got is None else 'changed'} without a problem")
    elif case.hostile and not case.may_vanish:
        from_hostile = [d for d in docs if d not in case.expect]
        if not from_hostile and not hostile_probs:
            out.changed.append("the damaged file gave no document and no problem")
    if case.must_record and not len(probs):
        out.changed.append("a problem should have been recorded")
    return out


def expected_text(loader: str, text: str) -> str:
    """The text a loader must return for ``text``: normalised (Telegram: markdown, links, emoji removed too)."""
    from framing.io._common import normalize_text

    if loader == "read_telegram":
        from framing.io.telegram import clean_telegram_text

        return normalize_text(clean_telegram_text(text)["text"])
    return normalize_text(text)


def _recorded(probs, did) -> bool:
    return bool((probs["doc_id"] == did).any())
