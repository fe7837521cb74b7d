"""English backend: regex sentences and tokens, simplemma lemmas, rule-based UPOS.

Everything works offline without model downloads (nltk's tokenizers and taggers
need data packages; this backend does not):

* sentences split at ``.``, ``!``, ``?`` followed by space and a capital letter,
  a digit or an opening quote, except after an abbreviation (``Mr.``, ``U.S.``,
  ``Jan.``) or an initial (``J. Smith``); blank lines always split;
* tokens follow UD English / Penn Treebank: clitics are split off
  (``Kyiv's`` → ``Kyiv`` ``'s``, ``don't`` → ``do`` ``n't``, ``can't`` → ``ca`` ``n't``),
  abbreviations with inner dots (``U.S.``), numbers (``1,200.5``), URLs and
  e-mail addresses stay whole;
* UPOS come from a lexicon of function words, suffix rules and a few context
  rules (``to`` + verb, ``have`` + participle, ``'s`` after a pronoun, a
  capitalised word inside a sentence): no trained model, so the capabilities
  say "rules";
* lemmas come from simplemma, steered by the tag (auxiliaries, ``'s``,
  ``n't``, proper nouns keep their form).

There is no English feature, syntax or NER model among the dependencies: those
layers are reported as unavailable and measures fall back to patterns.
"""

from __future__ import annotations

import re
import unicodedata

from ..lang import en as L
from ..lang.punct import DASHES, OPENING_QUOTES
from ._backend import (Backend, package_versions, GOLD_FIELDS, add_sentence, is_symbol_char, merge_symbol_spans, new_entity_dict,
                       new_token_dict, trim_spans)

_APOS = "'’ʼ‘"
# a sentence can start after these; a capitalised word after them need not be a name
_OPENERS = frozenset(OPENING_QUOTES + "‘'([")
_BEFORE_QUOTED = frozenset(OPENING_QUOTES + "‘'(:") | DASHES
_TOKEN_RE = re.compile(
    r"(?:https?://|www\.)[^\s<>\"«»]+[^\s<>\"«».,;:!?)\]]"       # URLs
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"                              # e-mail
    r"|(?:[A-Za-z]\.){2,}(?![A-Za-z])"                            # U.S. e.g. a.m.
    r"|\d+(?:[.,:/]\d+)+"                                         # 1,200.5 12:30 9/11
    r"|\d+(?:st|nd|rd|th|s)\b"                                    # 21st 1990s
    r"|[^\W_]+(?:[-‐][^\W_]+)*(?:[" + _APOS + r"][^\W\d_]+)*"      # words, hyphens, inner apostrophes
    r"|\.{3}|…|--+|[" + _APOS + r"]"
    r"|[^\w\s]"
    , re.UNICODE)
_CLITIC_RE = re.compile(r"(?i)^(.+?)(n[" + _APOS + r"]t|[" + _APOS + r"](?:s|re|ve|ll|d|m))$")
_SENT_END = re.compile(r"[.!?…]+[\"'”’»)\]]*")


def _split_clitics(text: str, start: int, end: int) -> list[tuple[int, int]]:
    word = text[start:end]
    m = _CLITIC_RE.match(word)
    if not m or not m.group(1)[-1:].isalpha():
        return [(start, end)]
    head, clitic = m.group(1), m.group(2)
    low = L.normalize_apostrophes(word.lower())
    if low in ("can't", "won't"):       # ca n't, wo n't (UD English)
        return [(start, start + 2), (start + 2, end)]
    if low.endswith("n't") and head.lower() in ("ca", "wo", "sha"):
        return [(start, start + len(head)), (start + len(head), end)]
    cut = start + len(head)
    return [(start, cut), (cut, end)]


def word_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Token spans of ``text[start:end]`` (offsets into ``text``)."""
    end = len(text) if end is None else end
    out = []
    for m in _TOKEN_RE.finditer(text, start, end):
        s, e = m.span()
        tok = text[s:e]
        if tok[:1].isalpha() and any(a in tok for a in _APOS):
            out.extend(_split_clitics(text, s, e))
        else:
            out.append((s, e))
    # an abbreviation or an initial keeps its full stop (Mr. Smith, J. Doe, Jan. 5)
    merged = []
    for k, (s, e) in enumerate(out):
        if merged and text[s:e] == "." and merged[-1][1] == s and k + 1 < len(out):
            ps, pe = merged[-1]
            prev = text[ps:pe]
            if prev.isalpha() and (prev.lower() in L.ABBREVIATIONS or (len(prev) == 1 and prev.isupper())):
                merged[-1] = (ps, e)
                continue
        merged.append((s, e))
    return merge_symbol_spans(text, merged)


def _is_abbrev_end(text: str, dot: int) -> bool:
    """Whether the '.' at ``dot`` closes an abbreviation or an initial."""
    j = dot
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    word = text[j:dot].lower().rstrip(".")
    if not word:
        return False
    if len(word) == 1 and text[j:dot].isupper():      # an initial: J. Smith
        return True
    return word in L.ABBREVIATIONS


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)``; see the module docstring for the rules."""
    cuts = []
    for m in _SENT_END.finditer(text):
        e = m.end()
        rest = text[e:e + 3]
        if not rest or not rest[0].isspace():
            continue
        k = e
        while k < len(text) and text[k].isspace():
            k += 1
        if k >= len(text):
            continue
        j = k
        while j < len(text) - 1 and (is_symbol_char(text[j]) or text[j].isspace()):
            j += 1                      # "… retreated. 🔻The army": look past the emoji
        nxt = text[j]
        if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS):
            continue
        if text[m.start()] == "." and m.group(0).startswith(".") and len(m.group(0).rstrip("\"'”’»)]")) == 1:
            if _is_abbrev_end(text, m.start()):
                # "in the U.S. The next day": a sentence-final abbreviation before a function word
                j = m.start()
                while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
                    j -= 1
                abbr = text[j:m.start()].lower().rstrip(".")
                nxt_word = re.match(r"[A-Za-z]+", text[k:])
                if not (abbr in L.SENTENCE_FINAL_ABBREVIATIONS and nxt_word
                        and nxt_word.group(0).lower() in _SENT_STARTERS):
                    continue
        cuts.append((e, k))
    for m in re.finditer(r"\n[ \t]*\n\s*", text):
        cuts.append((m.start(), m.end()))
    cuts.sort()
    out, pos = [], 0
    for e, k in cuts:
        if e < pos:
            continue
        if text[pos:e].strip():
            out.append((pos, e))
        pos = k
    if text[pos:].strip():
        out.append((pos, len(text)))
    return trim_spans(text, out)


_SENT_STARTERS = frozenset("the a an this that these those it he she they we i you there in on at "
                           "but and however meanwhile after before when while his her their its our "
                           "my some many most all no one".split())


# --- tagging -------------------------------------------------------------------------

def _shape(w: str) -> str:
    if not w:
        return "empty"
    if all(not c.isalnum() for c in w):
        return "punct"
    if w[0].isdigit():
        return "num"
    if w.isupper() and len(w) > 1:
        return "UP"
    if w[0].isupper():
        return "Cap"
    return "low"


def _simplemma(word: str) -> str:
    import simplemma
    return simplemma.lemmatize(word, lang="en")


def _is_known(word: str) -> bool:
    import simplemma
    return simplemma.is_known(word, lang="en")


def _open_class(low: str) -> str:
    if low in L.ADJECTIVES:
        return "ADJ"
    if low in L.VERBS:
        return "VERB"
    lem = _simplemma(low)
    if lem in L.VERBS and lem != low:
        return "VERB"
    for suf, upos in L.SUFFIX_UPOS:
        if low.endswith(suf) and len(low) > len(suf) + 2:
            return upos
    if low.startswith(("un", "in", "non-")) and len(low) > 5:
        rest = low[4:] if low.startswith("non-") else low[2:]
        if rest in L.ADJECTIVES:
            return "ADJ"
    return "NOUN"


def tag_words(words: list[str]) -> list[str]:
    """UPOS of one sentence's words by lexicon, suffix and context rules."""
    n = len(words)
    low = [L.normalize_apostrophes(w.lower()) for w in words]
    tags = [""] * n
    # the sentence's first word: emoji and punctuation before it do not make it sentence-inner
    first = next((i for i, w in enumerate(words) if any(c.isalnum() for c in w)), 0)
    # 1. forms that decide alone
    for i, (w, lw) in enumerate(zip(words, low)):
        sh = _shape(w)
        if sh == "punct":
            tags[i] = "SYM" if w in L.SYMBOLS or unicodedata.category(w[0]).startswith("S") else "PUNCT"
        elif sh == "num":
            tags[i] = "NUM" if re.fullmatch(r"[\d.,:/]+", w) else ("ADJ" if re.search(r"\d(st|nd|rd|th)$", lw) else "NUM")
        elif lw in L.AMBIGUOUS:
            tags[i] = L.AMBIGUOUS[lw][0]
        elif lw in L.CLOSED_CLASS and not (sh in ("Cap", "UP") and i > first and lw not in ("i",)):
            tags[i] = L.CLOSED_CLASS[lw]
        elif sh == "Cap" and lw.rstrip(".") in L.ABBREVIATIONS and w.endswith("."):
            tags[i] = "PROPN"
        elif sh == "UP" and len(w) > 1:
            tags[i] = "PROPN"
        elif sh == "Cap" and i > first and not (words[i - 1] in _BEFORE_QUOTED):
            tags[i] = "PROPN"
        elif sh == "Cap" and (not _is_known(lw) or lw in ("kyiv", "kiev", "russia", "ukraine")):
            tags[i] = "PROPN"
        elif lw in L.CLOSED_CLASS:
            tags[i] = L.CLOSED_CLASS[lw]
        else:
            tags[i] = _open_class(lw)
    # 2. context rules, left to right
    for i in range(n):
        lw = low[i]
        prev = tags[i - 1] if i > 0 else "<S>"
        prevw = low[i - 1] if i > 0 else ""
        nxt = tags[i + 1] if i + 1 < n else "</S>"
        nxtw = low[i + 1] if i + 1 < n else ""
        t = tags[i]
        if lw == "to":
            after = tags[i + 2] if i + 2 < n else "</S>"
            bare = (nxt in ("NOUN", "ADJ") and words[i + 1].islower() and not nxtw.endswith("s")
                    and _simplemma(nxtw) == nxtw and after in ("DET", "PRON", "ADP", "ADV", "PROPN", "NUM", "PART"))
            tags[i] = "PART" if nxt in ("VERB", "AUX") or nxtw in L.VERBS or bare else "ADP"
            if tags[i] == "PART" and i + 1 < n and tags[i + 1] == "NOUN":
                tags[i + 1] = "VERB"
        elif lw == "'s":
            tags[i] = "AUX" if prevw in ("it", "he", "she", "that", "what", "there", "here", "who",
                                         "where", "this", "let") else "PART"
        elif lw in L.HAVE or lw in L.DO:
            # auxiliary when a verb (a participle after "have", a bare form after "do") follows
            j = i + 1
            while j < n and (tags[j] in ("ADV", "PART") or low[j] in ("not", "n't")) and j < i + 3:
                j += 1
            if j < n and lw in L.DO and (low[j] in ("have", "be", "do") or (
                    tags[j] in ("NOUN", "VERB") and words[j].islower()
                    and _simplemma(low[j]) == low[j] and not low[j].endswith("s"))):
                tags[i], tags[j] = "AUX", "VERB"
            elif j < n and lw in L.HAVE and (low[j] in L.BE or (tags[j] in ("VERB", "ADJ", "NOUN")
                                                                 and _simplemma(low[j]) != low[j]
                                                                 and not low[j].endswith("s"))):
                tags[i] = "AUX"
                if tags[j] != "AUX":
                    tags[j] = "VERB"
            else:
                tags[i] = "AUX" if lw == "'d" else "VERB"
        elif lw == "that":
            if nxt in ("DET", "PRON", "PROPN", "NUM"):
                tags[i] = "SCONJ"
            elif nxt in ("NOUN", "ADJ"):
                tags[i] = "DET"
            elif nxt in ("VERB", "AUX"):
                tags[i] = "PRON"
            else:
                tags[i] = "SCONJ" if prev == "VERB" else "PRON"
        elif lw in ("as", "before", "after", "since", "until"):
            tags[i] = "SCONJ" if nxt in ("PRON", "DET", "PROPN") and i + 2 < n and tags[i + 2] in ("VERB", "AUX") \
                else L.AMBIGUOUS[lw][0]
        elif lw in ("up", "out", "off", "down"):
            tags[i] = "ADP" if nxt in ("DET", "PRON", "PROPN", "NOUN", "NUM") else "ADV"
        elif lw == "there" and nxt in ("AUX", "VERB") and nxtw in L.BE | {"'s", "seems", "remain", "remains"}:
            tags[i] = "PRON"
        elif lw == "there":
            tags[i] = "ADV"
        elif lw in ("more", "most", "much"):
            tags[i] = "ADV" if nxt in ("ADJ", "ADV") else "ADJ"
        elif lw in L.BE:
            tags[i] = "AUX"
        elif t == "VERB" and lw.endswith(("ed", "en")) and prev in ("DET", "ADJ") and nxt in ("NOUN", "ADJ"):
            tags[i] = "ADJ"
        elif t == "VERB" and (prev == "DET" or (prev == "ADJ" and (lw.endswith("ing") or (
                i > 1 and tags[i - 2] == "DET" and not lw.endswith("ed"))))
                              or prevw in ("his", "her", "its", "their", "our", "my", "your")):
            tags[i] = "NOUN"
        elif t == "NOUN" and (prev in ("AUX",) and prevw in L.MODALS | L.DO
                              or (prevw in ("n't", "not") and i > 1 and tags[i - 2] == "AUX")
                              or (prev == "PRON" and prevw in _SUBJECTS)):
            tags[i] = "VERB"
        elif t == "NOUN" and lw.endswith("s") and not lw.endswith("ss") and prev == "PROPN" and nxt in ("DET", "PRON", "ADP"):
            tags[i] = "VERB"
        elif t in ("NOUN",) and lw in L.VERBS and prev in ("PRON", "NOUN", "PROPN") and nxt in ("DET", "PRON", "ADP", "PROPN", "SCONJ"):
            tags[i] = "VERB"
        elif t == "ADJ" and lw in ("former",) and nxt == "NOUN":
            tags[i] = "ADJ"
    # a copula with nothing verbal after it is still AUX in UD English
    return tags


_SUBJECTS = frozenset("i you he she it we they who".split())


def lemma_of(word: str, upos: str) -> str:
    """Lemma of ``word`` tagged ``upos`` (simplemma, steered by the tag)."""
    lw = L.normalize_apostrophes(word.lower())
    if upos == "PUNCT" or upos == "SYM" or upos == "NUM" and word[:1].isdigit():
        return word
    if lw in L.AUX_LEMMAS:
        if lw == "'s":
            return "be" if upos == "AUX" else "'s"
        if lw == "'d":
            return "would" if upos == "AUX" else "have"
        return L.AUX_LEMMAS[lw]
    if lw in L.BE:
        return "be"
    if upos == "PROPN":
        if re.fullmatch(r"[A-Z][a-z]+s", word) and not word.endswith("ss"):
            lem = _simplemma(word)
            return lem if lem != word and lem[:1].isupper() and len(lem) == len(word) - 1 else word
        return word
    if upos == "PRON":
        return {"me": "I", "i": "I", "us": "we", "him": "he", "them": "they", "my": "my", "her": "she",
                "mine": "my", "yours": "your", "hers": "her", "ours": "our", "theirs": "their"}.get(lw, lw)
    if upos in ("DET", "ADP", "CCONJ", "SCONJ", "PART", "INTJ"):
        return {"an": "a", "these": "this", "those": "that"}.get(lw, lw)
    lem = _simplemma(lw)
    if upos == "NOUN" and lw.endswith("ing"):
        return lw
    if len(lem) > len(lw) + 2:          # km -> kilometer: keep the written abbreviation
        return lw
    if upos == "ADJ" and word[:1].isupper() and word[1:].islower():   # Russian, Ukrainian
        return lem[:1].upper() + lem[1:]
    if upos == "ADV" and lw in ("better", "best"):
        return "well"
    return lem


class EnglishBackend(Backend):
    """Regex sentences and tokens, simplemma lemmas, rule-based UPOS."""

    lang = "en"
    name = "regex+simplemma+rules"
    LAYERS_AVAILABLE = frozenset({"tokens", "lemma", "morph"})

    def version(self) -> str:
        return f"{self.name};en-rules-3;{package_versions('simplemma')}"

    def _load(self) -> None:
        _simplemma("warm-up")

    def capabilities(self) -> list[dict]:
        notes = {
            "tokens": (True, "regex", "UD English style: clitics split (Kyiv 's, do n't), abbreviations kept"),
            "lemma": (True, "simplemma", "simplemma steered by the rule-based tag; not measured on a treebank"),
            "upos": (True, "rules", "lexicon, suffix and context rules, no trained model; accuracy not measured "
                                     "on a treebank (only on the hand-tagged test sentences)"),
            "feats": (False, "", "no English morphological features offline"),
            "syntax": (False, "", "no offline English parser among the dependencies; measures fall back to patterns"),
            "ner": (False, "", "no offline English NER model among the dependencies; measures fall back to patterns"),
        }
        return [{"layer": k, "available": ok, "backend": b, "note": n} for k, (ok, b, n) in notes.items()]

    def _sentence(self, words: list[str], layers) -> dict:
        want = "morph" in layers or "lemma" in layers
        upos = tag_words(words) if want else ["_"] * len(words)
        lemmas = ([lemma_of(w, u) for w, u in zip(words, upos)] if "lemma" in layers
                  else [w.lower() for w in words])
        return {"lemma": lemmas, "upos": upos if "morph" in layers else ["_"] * len(words),
                "feats": ["_"] * len(words), "head": [-1] * len(words), "deprel": ["_"] * len(words)}

    def annotate_texts(self, texts, *, layers):
        self.load()
        layers = frozenset(layers)
        out = []
        for text in texts:
            text = text or ""
            tok = new_token_dict()
            sid = 0
            for s, e in sentence_spans(text):
                spans = word_spans(text, s, e)
                if not spans:
                    continue
                words = [text[a:b] for a, b in spans]
                res = self._sentence(words, layers)
                sid += 1
                add_sentence(tok, sid, spans, words, res["lemma"], res["upos"], res["feats"],
                             res["head"], res["deprel"])
            out.append((tok, new_entity_dict()))
        return out

    def annotate_tokens(self, sentences, *, layers):
        self.load()
        layers = frozenset(layers)
        return [{f: r[f] for f in GOLD_FIELDS} for r in (self._sentence(list(ws), layers) for ws in sentences)]


BACKEND = EnglishBackend
