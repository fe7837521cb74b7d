"""The backend protocol: how one language's annotator plugs into :func:`framing.annotate`.

A backend is a class (one per language) with

``lang`` : str
    ISO 639-1 code it serves (``"ru"``); the fallback backend serves any.
``name`` : str
    Short description of the tools, e.g. ``"razdel+slovnet+pymorphy3"``.
``version() -> str``
    Goes into the cache key: the backend's own version, package versions and
    model file names/hashes.  Change it and cached annotations are recomputed.
``capabilities() -> list[dict]``
    One dict per layer in :data:`CAPABILITY_LAYERS` (tokens, lemma, upos,
    feats, syntax, ner) with keys ``layer``, ``available`` (bool), ``backend``
    (str) and ``note`` (str).
``annotate_texts(texts, *, layers) -> list[tuple[dict, dict]]``
    Per text a pair ``(tokens, entities)``: ``tokens`` maps each name in
    :data:`TOKEN_FIELDS` to an equal-length list (or 1-d array); ``entities``
    maps each name in :data:`ENTITY_FIELDS` to an equal-length list.
    ``sent_id`` is 1-based within the text, ``tok_id`` 1-based within the
    sentence, ``start``/``end`` are character offsets into the text,
    ``head`` is 0 for the root and -1 without syntax (``deprel`` then ``"_"``),
    ``upos``/``feats`` are ``"_"`` without morphology, ``start_tok``/``end_tok``
    are the tok_ids (inclusive) of an entity's first and last token.
    Texts arrive cleaned (:func:`clean_text`) and no longer than
    :data:`MAX_PIECE_CHARS` (the pipeline cuts long documents with
    :func:`split_pieces` and renumbers sentences), and may be empty.
``annotate_tokens(sentences, *, layers) -> list[dict]``
    Gold tokenisation (treebank evaluation): ``sentences`` is a list of lists of
    word forms; per sentence a dict of equal-length lists ``lemma``, ``upos``,
    ``feats``, ``head``, ``deprel``.

``layers`` is a frozenset drawn from :data:`LAYERS` ("tokens", "lemma",
"morph" = upos + feats, "syntax", "ner"); a backend computes what is asked and
fills the other columns with ``"_"`` / -1 (``lemma`` without the lemma layer is
the lowercased form).  Models load lazily, once per process (:meth:`Backend.load`).

A language module (``framing/annotate/<lang>.py``) exposes its class as
``BACKEND``; :func:`get_backend` finds it through :data:`REGISTRY` and falls
back to :class:`RegexBackend` with a warning when the module is missing or its
dependencies are not installed.
"""

from __future__ import annotations

import importlib
import re
import threading
import unicodedata
import warnings
from collections.abc import Iterable, Sequence

from .._errors import AnnotationWarning, OptionError
from ..lang.ud import format_feats, parse_feats  # noqa: F401 - the backends' helpers, re-exported
from ..lang.punct import OPENING_QUOTES

#: Layer names accepted by ``framing.annotate(layers=...)``.
LAYERS = ("tokens", "lemma", "morph", "syntax", "ner")
#: Layer names of the capabilities table.
CAPABILITY_LAYERS = ("tokens", "lemma", "upos", "feats", "syntax", "ner")
#: Columns of a backend's per-text token dict (doc_id is added by the pipeline).
TOKEN_FIELDS = ("sent_id", "tok_id", "start", "end", "text", "lemma", "upos", "feats", "head", "deprel")
#: Columns of a backend's per-text entity dict.
ENTITY_FIELDS = ("sent_id", "start_tok", "end_tok", "start", "end", "text", "type", "normal")
#: Columns of a backend's per-sentence dict for gold tokens.
GOLD_FIELDS = ("lemma", "upos", "feats", "head", "deprel")
#: The pipeline hands backends pieces of at most this many characters.
MAX_PIECE_CHARS = 100_000

#: lang -> "module:attribute" of the backend class (imported lazily).
REGISTRY = {
    "ru": "framing.annotate.ru:BACKEND",
    "uk": "framing.annotate.uk:BACKEND",
    "en": "framing.annotate.en:BACKEND",
}


def normalize_layers(layers) -> frozenset:
    """Check and normalise a ``layers`` argument to a frozenset of :data:`LAYERS`.

    ``None`` or ``"all"`` means every layer; a single string is one layer;
    ``"upos"``/``"feats"`` are accepted as ``"morph"``.  ``"tokens"`` is always
    included.
    """
    if layers is None or layers == "all":
        return frozenset(LAYERS)
    if isinstance(layers, str):
        layers = (layers,)
    out = {"tokens"}
    for layer in layers:
        layer = {"upos": "morph", "feats": "morph", "pos": "morph", "lemmas": "lemma",
                 "parse": "syntax", "entities": "ner"}.get(layer, layer)
        if layer not in LAYERS:
            raise OptionError(f"annotate(): layers={tuple(layers)!r} has {layer!r}; "
                              f"allowed layers are {', '.join(LAYERS)}.")
        out.add(layer)
    return frozenset(out)


# --- text cleaning and cutting ------------------------------------------------

# C0/C1 control characters except tab/newline/CR, zero-width and BOM characters,
# lone surrogates: replaced one-for-one so offsets into the original text hold.
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200d\u2060\ufeff\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000]")


def clean_text(text) -> str:
    """Replace control characters, zero-width marks and lone surrogates, one for one.

    The result has the same length as the input (so character offsets computed
    on it point into the original document): control and zero-width characters
    become spaces, lone surrogates (broken UTF-16) become U+FFFD, exotic spaces
    become an ordinary space.  ``None`` gives ``""``.
    """
    if text is None:
        return ""
    if not isinstance(text, str):
        text = str(text)
    if text.isascii():
        return _BAD_CHARS.sub(" ", text)
    text = _BAD_CHARS.sub(" ", text)
    text = _SPACES.sub(" ", text)
    return _SURROGATE.sub("\ufffd", text)


_CUT_PATTERNS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"(?<=[.!?…])\s+"), re.compile(r"\s+"))


def split_pieces(text: str, max_chars: int = MAX_PIECE_CHARS) -> list[tuple[int, str]]:
    """Cut ``text`` into pieces of at most ``max_chars`` characters.

    Cuts fall, by preference, on a blank line, a line break, a sentence end or
    any whitespace in the second half of the window; a text without whitespace
    is cut hard.  Returns ``(offset, piece)`` pairs; the pieces concatenate to
    ``text``.
    """
    if len(text) <= max_chars:
        return [(0, text)]
    out, pos, n = [], 0, len(text)
    while pos < n:
        if n - pos <= max_chars:
            out.append((pos, text[pos:]))
            break
        window = text[pos:pos + max_chars]
        cut = None
        for pat in _CUT_PATTERNS:
            ends = [m.end() for m in pat.finditer(window, max_chars // 2)]
            if ends:
                cut = ends[-1]
                break
        if not cut:
            cut = max_chars
        out.append((pos, text[pos:pos + cut]))
        pos += cut
    return out


# --- generic helpers for backends --------------------------------------------

def token_offsets(text: str, tokens: Iterable[str], start: int = 0) -> list[tuple[int, int]]:
    """Locate each token in ``text`` in order, from ``start``; returns (start, end) pairs.

    A token not found verbatim (a tokenizer that normalises) takes the next
    non-space stretch of its length.
    """
    out = []
    pos = start
    for tok in tokens:
        i = text.find(tok, pos)
        if i < 0 or text[pos:i].strip():
            while pos < len(text) and text[pos].isspace():
                pos += 1
            i = pos
            j = min(len(text), i + max(1, len(tok)))
        else:
            j = i + len(tok)
        out.append((i, j))
        pos = j
    return out


def bio_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Spans ``(first, last, type)`` (0-based, inclusive) from BIO tags."""
    spans, cur = [], None
    for i, tag in enumerate(tags):
        if tag.startswith("B-") or (tag.startswith("I-") and (cur is None or cur[2] != tag[2:])):
            if cur:
                spans.append(tuple(cur))
            cur = [i, i, tag[2:]]
        elif tag.startswith("I-"):
            cur[1] = i
        else:
            if cur:
                spans.append(tuple(cur))
            cur = None
    if cur:
        spans.append(tuple(cur))
    return spans


def new_token_dict() -> dict:
    """An empty per-text token dict (lists for every :data:`TOKEN_FIELDS` name)."""
    return {f: [] for f in TOKEN_FIELDS}


def new_entity_dict() -> dict:
    """An empty per-text entity dict."""
    return {f: [] for f in ENTITY_FIELDS}


def add_sentence(tok: dict, sent_id: int, spans, texts, lemmas=None, upos=None, feats=None,
                 heads=None, deprels=None) -> None:
    """Append one sentence's tokens to a token dict, filling missing layers."""
    n = len(spans)
    tok["sent_id"].extend([sent_id] * n)
    tok["tok_id"].extend(range(1, n + 1))
    tok["start"].extend(s for s, _ in spans)
    tok["end"].extend(e for _, e in spans)
    tok["text"].extend(texts)
    tok["lemma"].extend(lemmas if lemmas is not None else [t.lower() for t in texts])
    tok["upos"].extend(upos if upos is not None else ["_"] * n)
    tok["feats"].extend(feats if feats is not None else ["_"] * n)
    tok["head"].extend(heads if heads is not None else [-1] * n)
    tok["deprel"].extend(deprels if deprels is not None else ["_"] * n)


def add_entity(ent: dict, sent_id: int, first: int, last: int, spans, text: str, type_: str,
               normal: str) -> None:
    """Append one entity (``first``/``last`` 0-based token indexes within the sentence)."""
    s, e = spans[first][0], spans[last][1]
    ent["sent_id"].append(sent_id)
    ent["start_tok"].append(first + 1)
    ent["end_tok"].append(last + 1)
    ent["start"].append(s)
    ent["end"].append(e)
    ent["text"].append(text[s:e])
    ent["type"].append(type_)
    ent["normal"].append(normal)


def package_versions(*names: str) -> str:
    """``name=version`` of installed packages, comma-separated (``name=none`` if absent).

    Backends put this in their :meth:`Backend.version`, so the annotation cache is
    invalidated when a package that shapes the output is upgraded.
    """
    import importlib.metadata as md

    out = []
    for n in names:
        try:
            out.append(f"{n}={md.version(n)}")
        except md.PackageNotFoundError:
            out.append(f"{n}=none")
    return ",".join(out)


# --- a language-independent tokenizer ------------------------------------------

# Words (letters/digits with inner hyphens, apostrophes, dots in numbers), then
# any single other non-space character.
_WORD_RE = re.compile(
    r"\d+(?:[.,:]\d+)+(?![^\W_])"
    r"|[^\W_]+(?:['’ʼ][^\W_]+)*(?:[-‐][^\W_]+(?:['’ʼ][^\W_]+)*)*"
    r"|\.{3}|[^\w\s]|_",
    re.UNICODE,
)
_SENT_END_RE = re.compile(r"(?<=[.!?…])[\"»”')\]]*\s+(?=[\"«“'(\[]?[^\W\d_])|\n\s*\n|\n(?=\s*[-–—•*])")


def regex_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` by punctuation followed by space and a letter, or blank lines."""
    out, pos = [], 0
    for m in _SENT_END_RE.finditer(text):
        if text[pos:m.start()].strip():
            out.append((pos, m.start()))
        pos = m.end()
    if text[pos:].strip():
        out.append((pos, len(text)))
    return trim_spans(text, out)


def trim_spans(text: str, spans) -> list[tuple[int, int]]:
    """Spans with the white space at their edges cut off; empty spans dropped."""
    res = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            res.append((s, e))
    return res


def regex_tokens(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Token spans within ``text[start:end]`` (offsets into ``text``)."""
    return [m.span() for m in _WORD_RE.finditer(text, start, len(text) if end is None else end)]


class Backend:
    """Base class of language backends: lazy loading, capability rows, gold-token fallback.

    Subclasses set ``lang``, ``name``, ``LAYERS_AVAILABLE`` and implement
    :meth:`_load` (load models; called once per process by :meth:`load`),
    :meth:`annotate_texts` and, when they can do better than re-joining the
    words, :meth:`annotate_tokens`.
    """

    lang = "und"
    name = "base"
    #: which of "tokens", "lemma", "morph", "syntax", "ner" the backend produces
    LAYERS_AVAILABLE: frozenset = frozenset({"tokens"})
    #: per capability layer: (backend description, note)
    NOTES: dict = {}

    def __init__(self):
        self._loaded = False
        self._lock = threading.Lock()

    # --- loading -----------------------------------------------------------
    def load(self) -> "Backend":
        """Load models once (idempotent)."""
        if not self._loaded:
            with self._lock:
                if not self._loaded:
                    self._load()
                    self._loaded = True
        return self

    def _load(self) -> None:
        pass

    # --- description -------------------------------------------------------
    def version(self) -> str:
        return f"{self.name}"

    def capabilities(self) -> list[dict]:
        avail = self.LAYERS_AVAILABLE
        rows = []
        for layer in CAPABILITY_LAYERS:
            ok = (layer in avail) or (layer in ("upos", "feats") and "morph" in avail)
            backend, note = self.NOTES.get(layer, (self.name if ok else "", ""))
            rows.append({"layer": layer, "available": bool(ok), "backend": backend, "note": note})
        return rows

    def effective_layers(self, layers) -> frozenset:
        """The requested layers this backend can produce."""
        return frozenset(normalize_layers(layers)) & (self.LAYERS_AVAILABLE | {"tokens"})

    # --- work --------------------------------------------------------------
    def annotate_texts(self, texts: list[str], *, layers: frozenset) -> list[tuple[dict, dict]]:
        raise NotImplementedError

    def annotate_tokens(self, sentences: list[list[str]], *, layers: frozenset) -> list[dict]:
        """Default: annotate the words joined by spaces and map tokens back to words.

        Backends whose tokenizer may split or merge words should override this.
        """
        texts = [" ".join(words) for words in sentences]
        out = []
        for words, text, (tok, _) in zip(sentences, texts, self.annotate_texts(texts, layers=layers)):
            spans = token_offsets(text, words)
            by_start = {s: i for i, s in enumerate(tok["start"])}
            res = {f: [] for f in GOLD_FIELDS}
            for s, _e in spans:
                i = by_start.get(s)
                if i is None:
                    res["lemma"].append(text[s:_e].lower())
                    res["upos"].append("_")
                    res["feats"].append("_")
                    res["head"].append(-1)
                    res["deprel"].append("_")
                else:
                    for f in GOLD_FIELDS:
                        res[f].append(tok[f][i])
            out.append(res)
        return out


class RegexBackend(Backend):
    """Fallback for languages without a backend: regex sentences and tokens, lowercased forms.

    Lemmas are the lowercased forms (capability ``lemma`` is reported as not
    available); there is no morphology, syntax or NER.
    """

    name = "regex"
    LAYERS_AVAILABLE = frozenset({"tokens"})

    def __init__(self, lang: str = "und"):
        super().__init__()
        self.lang = lang

    def version(self) -> str:
        return "regex-1"

    def capabilities(self) -> list[dict]:
        rows = super().capabilities()
        for r in rows:
            if r["layer"] == "tokens":
                r["backend"], r["note"] = "regex", "fallback tokenizer: no backend for this language"
            elif r["layer"] == "lemma":
                r["note"] = "lemma column holds the lowercased form"
        return rows

    def annotate_texts(self, texts, *, layers):
        out = []
        for text in texts:
            tok = new_token_dict()
            for sid, (s, e) in enumerate(regex_sentences(text), 1):
                spans = regex_tokens(text, s, e)
                if spans:
                    add_sentence(tok, sid, spans, [text[a:b] for a, b in spans])
            # renumber sentences that had no tokens away
            if tok["sent_id"]:
                remap, nxt = {}, 0
                for sid in tok["sent_id"]:
                    if sid not in remap:
                        nxt += 1
                        remap[sid] = nxt
                tok["sent_id"] = [remap[s] for s in tok["sent_id"]]
            out.append((tok, new_entity_dict()))
        return out

    def annotate_tokens(self, sentences, *, layers):
        return [{"lemma": [w.lower() for w in ws], "upos": ["_"] * len(ws), "feats": ["_"] * len(ws),
                 "head": [-1] * len(ws), "deprel": ["_"] * len(ws)} for ws in sentences]


# --- registry ------------------------------------------------------------------

_INSTANCES: dict[str, Backend] = {}
_FAILED: dict[str, str] = {}


def backend_class(lang: str):
    """The backend class for ``lang``, or None (with the reason in ``_FAILED``)."""
    target = REGISTRY.get(lang)
    if target is None:
        _FAILED.setdefault(lang, f"no backend is registered for language {lang!r}")
        return None
    mod_name, attr = target.split(":")
    try:
        mod = importlib.import_module(mod_name)
        return getattr(mod, attr)
    except (ImportError, AttributeError) as exc:
        _FAILED[lang] = f"the {lang!r} backend could not be loaded ({type(exc).__name__}: {exc})"
        return None


def get_backend(lang: str, *, warn: bool = True) -> Backend:
    """One backend instance per language and process (the regex fallback when none exists).

    The fallback warns (``AnnotationWarning``) when a registered backend fails
    to import; unregistered languages fall back silently here; the pipeline
    warns naming the documents affected.
    """
    lang = (lang or "und").lower()
    inst = _INSTANCES.get(lang)
    if inst is not None:
        return inst
    cls = backend_class(lang)
    if cls is None:
        if warn and lang in REGISTRY:
            warnings.warn(f"{_FAILED[lang]}; falling back to the regex tokenizer for {lang!r}.",
                          AnnotationWarning, stacklevel=2)
        inst = RegexBackend(lang)
    else:
        inst = cls()
    _INSTANCES[lang] = inst
    return inst


# emoji, pictographs, their variation selectors, skin tones, keycaps and joiners
_SYMBOL_CATEGORIES = frozenset({"So", "Sk", "Cf", "Me", "Co", "Cs"})
_VARIATION_SELECTORS = frozenset("\ufe0e\ufe0f")


def _is_symbol(ch: str) -> bool:
    return ch in _VARIATION_SELECTORS or unicodedata.category(ch) in _SYMBOL_CATEGORIES


def word_core(form: str) -> str:
    """``form`` without emoji and other symbols stuck to its start or end.

    Telegram posts write "🔻Украинская" or "❗️Шесть"; a tokenizer that keeps
    them in one token (razdel does) would hand the tagger and the lemmatizer a
    word no dictionary knows.  The core ("Украинская") is analysed instead; the
    token's text and offsets stay as they were.  A token whose core has no letter
    is returned unchanged (a keycap "1️⃣" stays a symbol, as in UD Taiga).
    """
    if form.isalpha() or len(form) < 2:
        return form
    a, b = 0, len(form)
    while a < b and _is_symbol(form[a]):
        a += 1
    while b > a and _is_symbol(form[b - 1]):
        b -= 1
    if (a == 0 and b == len(form)) or a == b:
        return form
    core = form[a:b]
    return core if any(ch.isalpha() for ch in core) else form


_JOINERS = frozenset("\u200d\ufe0e\ufe0f\u20e3")


def _is_modifier(ch: str) -> bool:
    """A character that only modifies the emoji before it (selector, joiner, skin tone, keycap)."""
    return ch in _JOINERS or "\U0001F3FB" <= ch <= "\U0001F3FF" or unicodedata.category(ch) == "Mn"


def merge_symbol_spans(text: str, spans) -> list[tuple[int, int]]:
    """Token spans with emoji modifiers kept on their emoji.

    Tokenizers written for words split "❗️" into "❗" and a lone variation
    selector, and "👍🏽" into two tokens.  A span made only of modifiers, or one
    that follows a zero-width joiner, is merged into the adjacent span before it.
    """
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and out[-1][1] == s and (all(_is_modifier(c) for c in text[s:e])
                                        or text[s - 1] == "\u200d"):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def is_symbol_char(ch: str) -> bool:
    """An emoji, pictograph or one of their modifiers (not a letter, digit or punctuation)."""
    return _is_symbol(ch) or _is_modifier(ch)


_LINE_BREAK = re.compile(r"[ \t\r\f\v]*\n[\s]*")
#: what a line before a break may end with and still go on in the next line ("…, \nи …", a hyphen)
_GOES_ON = ",-‐‑(«„“"


def line_blocks(text: str) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` of ``text`` between the line breaks that end a sentence, for the
    sentence splitter to run within.

    News posts and articles put a headline, a dateline, list items and paragraphs on lines of
    their own, often without a full stop ("Главное к утру среды\\n\\nПрезидент …"); a sentence
    splitter that reads only punctuation (razdel, tokenize-uk) joins them into one sentence, and a
    measure then reads a relative clause or a quotation across them.  A line break ends a sentence
    when the next line starts as a sentence does — with a capital letter or a digit, after any
    quotes, brackets, dashes, bullets or emoji — and the line before does not end with a comma,
    a hyphen, an opening bracket or quote, nor with a colon before a quotation mark (the colon
    introduces what is quoted).  A break before a lower-case word is kept inside the
    sentence: web texts lose link anchors and leave "… как передает\\n\\nагентство AP".

    Examples
    --------
    >>> from framing.annotate._backend import line_blocks
    >>> text = "Главное к утру среды\\n\\nПрезидент объявил, что\\n\\nагентство сообщило."
    >>> [text[a:b] for a, b in line_blocks(text)]
    ['Главное к утру среды', 'Президент объявил, что\\n\\nагентство сообщило.']
    """
    out, start = [], 0
    for m in _LINE_BREAK.finditer(text):
        a, b = m.span()
        before = text[start:a].rstrip()
        if not before or before[-1] in _GOES_ON:
            continue
        if before[-1] == ":" and b < len(text) and text[b] in OPENING_QUOTES:
            continue                    # "… Артура Парфенчикова:\n\n«От гриппа …»": the colon opens a quotation
        j = b
        while j < len(text) and not text[j].isalnum():
            j += 1                      # quotes, dashes, bullets, emoji before the first word
        if j < len(text) and text[j].isalnum() and not (text[j].isupper() or text[j].isdigit()):
            continue                    # a lower-case word goes on with the sentence
        out.append((start, a))
        start = b
    out.append((start, len(text)))
    return [(a, b) for a, b in out if text[a:b].strip()]
