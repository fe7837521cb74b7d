"""Name handling shared by the actor, epithet and naming measures (private).

* cleaning and keys of names (:func:`clean_name`, :func:`word_stem`,
  :func:`acronym`, :func:`parse_person`);
* sentences as arrays with parsed morphological features and agreement
  (:class:`Sentence`, :func:`agree`);
* the built-in language resources, read once per language
  (:func:`resources_for`).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field

import pandas as pd

from ..lang.translit import is_cyrillic, name_key
from ..lang.punct import QUOTES, char_class
from ..lang.ud import parse_feats  # noqa: F401 - the one feature parser, importable from here for its users
from ..lexicons import read_lexicon

_QUOTE_RX = re.compile(char_class(QUOTES))
_SPACE_RX = re.compile(r"\s+")
_PATRONYMIC_RX = re.compile(r"(ович|евич|ьевич|ич|овна|евна|ична|инична|івна|ївна|ьовна)$", re.I)
_INITIAL_RX = re.compile(r"^[A-ZА-ЯЁІЇЄҐ]\.?$|^[A-ZА-ЯЁІЇЄҐ]\.[A-ZА-ЯЁІЇЄҐ]\.?$")
_FUNCTION_WORDS = {"и", "в", "во", "на", "по", "для", "с", "со", "к", "о", "об", "від", "з", "із", "та",
                   "й", "у", "of", "the", "and", "for", "in", "on", "de", "la", "le", "der", "die", "das"}
PRONOUNS = {
    "ru": {"он": ("Masc", "Sing"), "она": ("Fem", "Sing")},
    "uk": {"він": ("Masc", "Sing"), "вона": ("Fem", "Sing")},
    "en": {"he": ("Masc", "Sing"), "she": ("Fem", "Sing")},
}


_EDGE_PUNCT = " ,.;:!?()[]{}—–-•·…"   # not "*": lexicon keys use it as a wildcard
_BRACKETS = {"(": ")", "[": "]", "{": "}"}
_CLOSING = {v: k for k, v in _BRACKETS.items()}


@functools.lru_cache(maxsize=None)
def morph_analyzer(lang: str):
    """The pymorphy3 analyser of ``lang`` ("ru" or "uk"), built once per process and shared by the
    measures (actors, epithets, attribution); None for another language or when it cannot load."""
    if lang not in ("ru", "uk"):
        return None
    try:
        import pymorphy3
        return pymorphy3.MorphAnalyzer(lang=lang)
    except Exception:  # noqa: BLE001 - optional: callers fall back to surface forms
        return None


def _has_letters(t: str) -> bool:
    return any(ch.isalpha() for ch in t)


def drop_brackets(text: str) -> str:
    """A name without its bracketed parts, brackets always balanced.

    A bracketed part next to the name is an abbreviation or a gloss
    (``Всемирный фонд дикой природы (WWF)`` → ``Всемирный фонд дикой
    природы``); a name wholly in brackets loses the brackets.  An unbalanced
    bracket, left by a span cut in the middle of a gloss (``Хайко Мас (Heiko
    Maas``), cuts the name there, keeping the side with letters.
    """
    t = text
    for _ in range(8):  # a few nested or repeated groups at most
        stack, cut = [], None
        for i, ch in enumerate(t):
            if ch in _BRACKETS:
                stack.append(i)
            elif ch in _CLOSING:
                if stack and t[stack[-1]] == _CLOSING[ch]:
                    a = stack.pop()
                    if not stack:
                        cut = ("pair", a, i)
                        break
                else:
                    cut = ("close", i, i)
                    break
        if cut is None and stack:
            cut = ("open", stack[0], stack[0])
        if cut is None:
            return t
        kind, a, b = cut
        before, inside, after = t[:a], t[a + 1:b], t[b + 1:]
        if kind == "pair":
            outside = (before + " " + after).strip()
            t = outside if _has_letters(outside) else inside
        elif kind == "open":
            t = before if _has_letters(before) else t[a + 1:]
        else:
            t = after if _has_letters(after) else before
    return "".join(ch for ch in t if ch not in _BRACKETS and ch not in _CLOSING)


def clean_name(text: str) -> str:
    """Strip quotes, bracketed glosses (:func:`drop_brackets`) and surrounding
    punctuation, collapse spaces, ``ё`` → ``е``."""
    if not isinstance(text, str):
        return ""
    t = unicodedata.normalize("NFC", text)
    t = _QUOTE_RX.sub(" ", t)
    t = drop_brackets(t)
    t = _SPACE_RX.sub(" ", t).strip(_EDGE_PUNCT)
    return t.replace("ё", "е").replace("Ё", "Е")


def clean_variant(text: str) -> str:
    """A name as written, for display: :func:`clean_name` without the ``ё``
    folding (quotes and bracketed glosses out, no edge punctuation)."""
    if not isinstance(text, str):
        return ""
    t = drop_brackets(_QUOTE_RX.sub(" ", unicodedata.normalize("NFC", text)))
    return _SPACE_RX.sub(" ", t).strip(_EDGE_PUNCT)


def lower_key(text: str) -> str:
    """Lower-cased :func:`clean_name`, for exact look-ups in alias tables."""
    return clean_name(text).lower().replace("’", "'").replace("ʼ", "'")


_ENDINGS = ("iuiu", "iaia", "oho", "eho", "omu", "emu", "uiu", "aia",   # adjectival surnames (-ского, -ская)
            "ovii", "ih", "oiu", "eiu", "ami", "iami", "akh", "iakh", "ovi", "evi", "om", "em", "oi", "ei",
            "ym", "im", "iu", "ia", "a", "u", "e", "i", "o", "y")


@functools.lru_cache(maxsize=200_000)
def word_stem(word: str, lang: str | None = None) -> str:
    """A name word's cross-script key without a case ending (``Путина`` → ``putin``).

    Declension of names in Russian and Ukrainian changes only the ending, so
    a stem of at least three letters is enough to match inflected forms that
    a lemmatiser left unnormalised, nominal (``Путина``) and adjectival
    (``Зеленского``, ``Блиновской``) alike.
    """
    if not is_cyrillic(word):
        return name_key(word, lang)
    parts = [p for p in word.split("-") if p]
    if len(parts) > 1 and all(len(p) >= 2 for p in parts):
        # each part of a double surname declines (Коробковым-Землянским)
        return "".join(word_stem(p, lang) for p in parts)
    k = name_key(word, lang)
    for e in _ENDINGS:
        if k.endswith(e) and len(k) - len(e) >= 3:
            k = k[: -len(e)]
            break
    if k.endswith("ets") and word.lower().endswith("ец"):
        k = re.sub(r"(.)\1+", r"\1", k[:-3] + "ts")     # the fleeting vowel of -ец (Лубинец, Лубинца)
    return k


_GLUED_INITIAL_RX = re.compile(r"(?<![^\s.])([A-ZА-ЯЁІЇЄҐ]\.)(?=[A-ZА-ЯЁІЇЄҐ][a-zа-яёіїєґ'’-])")


def name_words(text: str) -> list[str]:
    """Words of a name; an initial glued to the next word is a word of its own
    (``Т.Мэй`` → ``Т.``, ``Мэй``)."""
    return [w for w in re.split(r"[\s]+", _GLUED_INITIAL_RX.sub(r"\1 ", clean_name(text))) if w]


def is_initial(word: str) -> bool:
    return bool(_INITIAL_RX.match(word))


def is_patronymic(word: str) -> bool:
    return len(word) > 5 and bool(_PATRONYMIC_RX.search(word)) and word[:1].isupper()


@dataclass
class PersonName:
    words: list
    first: list = field(default_factory=list)
    initials: list = field(default_factory=list)
    surname: str = ""

    @property
    def is_full(self) -> bool:
        return bool(self.first)


def _east_asian(words) -> bool:
    # Korean and many Chinese names written in Russian: three short words (Ким Чен Ын,
    # Ким Чен Ыном: the last word may carry a case ending)
    return len(words) == 3 and all(len(w) <= 3 for w in words[:2]) and len(words[2]) <= 5 \
        and all(w[:1].isupper() for w in words)


def parse_person(text: str) -> PersonName:
    """Split a person's name into first names, initials and surname.

    The surname is the last word that is not an initial or patronymic, except
    for three-syllable East Asian names (``Ким Чен Ын``), whose family name
    comes first.
    """
    words = name_words(text)
    if not words:
        return PersonName(words=[])
    if _east_asian(words):
        return PersonName(words=words, first=words[1:], surname=words[0])
    initials, first, rest = [], [], []
    for w in words:
        if is_initial(w):
            initials.append(w[0])
        elif is_patronymic(w) and len(words) > 2:
            continue
        else:
            rest.append(w)
    if not rest:
        return PersonName(words=words, initials=initials, surname=words[-1])
    surname = rest[-1]
    first = rest[:-1]
    return PersonName(words=words, first=first, initials=initials, surname=surname)


def acronym(text: str) -> str:
    """Initial letters of the content words of a multiword name, upper case
    (``Европейский союз`` → ``ЕС``, ``Вооруженные силы Украины`` → ``ВСУ``)."""
    words = [w for w in re.split(r"[\s\-]+", clean_name(text)) if w]
    words = [w for w in words if w.lower() not in _FUNCTION_WORDS]
    if len(words) < 2:
        return ""
    return "".join(w[0] for w in words).upper()


def is_acronym(text: str) -> bool:
    t = clean_name(text)
    return 2 <= len(t) <= 7 and t.replace("-", "").isalpha() and t.isupper()


# --- sentences and agreement -------------------------------------------------

_AGREE_DEFAULT = ("Case", "Number", "Gender")


def agree(a: dict, b: dict, feats=_AGREE_DEFAULT) -> bool:
    """Whether two feature dicts agree on ``feats`` (missing values agree;
    gender only matters in the singular)."""
    for f in feats:
        va, vb = a.get(f), b.get(f)
        if va is None or vb is None:
            continue
        if f == "Gender" and ("Plur" in (a.get("Number"), b.get("Number"))):
            continue
        if va != vb:
            if f == "Case" and {va, vb} <= {"Acc", "Gen"} and (a.get("Animacy") == "Anim" or b.get("Animacy") == "Anim"):
                continue
            if f == "Case" and {va, vb} == {"Acc", "Nom"} and {a.get("Animacy"), b.get("Animacy")} == {"Inan", "Anim"} \
                    and a.get("Gender") == b.get("Gender") == "Masc" and a.get("Number") == b.get("Number") == "Sing":
                # a masculine adjective read as an inanimate accusative before an animate nominative noun
                # has the nominative's form ("формулировку радикальный исламский террорист")
                continue
            return False
    return True


class Sentence:
    """One sentence's tokens as lists: the one sentence view over an Annotated's token
    table that every sentence-level measure reads (actors, epithets and naming use it
    as it is; attribution builds its own ``_Sent`` from it, adding the normalised word
    forms, entities and hidden links only it needs).  The token columns are read here
    and nowhere else.

    Positions are 0-based; ``head`` is the head's position, -1 for the root or no parse
    (``head_raw`` keeps the table's ``head``: 0 for the root); ``lemma`` is lower-cased
    with ё as е and falls back to the word (``lemma_raw`` keeps the table's value);
    ``feats(i)`` parses ``feats_raw[i]`` once, with :func:`framing.lang.ud.parse_feats`."""

    __slots__ = ("doc_id", "sent_id", "tok_ids", "text", "lemma", "lemma_raw", "upos", "feats_raw", "head",
                 "head_raw", "deprel", "start", "end", "has_syntax", "_feats", "_children", "lang")

    _COLUMNS = ("doc_id", "sent_id", "tok_id", "text", "lemma", "upos", "feats", "head", "deprel", "start", "end")

    def __init__(self, df: pd.DataFrame, lang: str, has_syntax: bool):
        self._fill({c: df[c].tolist() for c in self._COLUMNS}, 0, len(df), lang, has_syntax)

    @classmethod
    def from_columns(cls, cols: dict, lo: int, hi: int, lang: str, has_syntax: bool) -> "Sentence":
        """The sentence of rows ``lo:hi`` of token columns given as lists."""
        self = cls.__new__(cls)
        self._fill(cols, lo, hi, lang, has_syntax)
        return self

    def _fill(self, cols: dict, lo: int, hi: int, lang: str, has_syntax: bool) -> None:
        self.doc_id = cols["doc_id"][lo]
        self.sent_id = int(cols["sent_id"][lo])
        self.tok_ids = [int(x) for x in cols["tok_id"][lo:hi]]
        self.text = [str(x) for x in cols["text"][lo:hi]]
        self.lemma_raw = list(cols["lemma"][lo:hi])
        self.lemma = [(str(x) if isinstance(x, str) and x not in ("_", "") else str(t)).lower().replace("ё", "е")
                      for x, t in zip(self.lemma_raw, self.text)]
        self.upos = [str(x) for x in cols["upos"][lo:hi]]
        self.feats_raw = list(cols["feats"][lo:hi])
        pos = {t: i for i, t in enumerate(self.tok_ids)}
        self.head_raw = heads = [int(h) for h in cols["head"][lo:hi]]
        self.head = [pos.get(h, -1) if h > 0 else -1 for h in heads]
        self.deprel = [str(x) for x in cols["deprel"][lo:hi]]
        self.start = [int(x) for x in cols["start"][lo:hi]]
        self.end = [int(x) for x in cols["end"][lo:hi]]
        self.has_syntax = has_syntax and bool(heads) and min(heads) >= 0
        self._feats = [None] * len(self.tok_ids)
        self._children = None
        self.lang = lang

    def __len__(self):
        return len(self.tok_ids)

    def feats(self, i: int) -> dict:
        f = self._feats[i]
        if f is None:
            f = self._feats[i] = parse_feats(self.feats_raw[i])
        return f

    def children(self, i: int) -> list:
        if self._children is None:
            ch = [[] for _ in self.tok_ids]
            if self.has_syntax:
                for j, h in enumerate(self.head):
                    if h >= 0 and h != j:
                        ch[h].append(j)
            self._children = ch
        return self._children[i]

    def subtree(self, i: int) -> list:
        seen, stack = set(), [i]
        while stack:
            j = stack.pop()
            if j in seen:
                continue  # parsers can return cycles
            seen.add(j)
            stack.extend(self.children(j))
        return sorted(seen)

    def pos_of(self, tok_id: int) -> int:
        return self.tok_ids.index(tok_id)

    def is_punct(self, i: int) -> bool:
        return self.upos[i] == "PUNCT" or not any(ch.isalnum() for ch in self.text[i])

    def is_capitalised(self, i: int) -> bool:
        t = self.text[i]
        return bool(t) and t[0].isupper()


def iter_sentences(tokens: pd.DataFrame, lang_of: dict, syntax_of: dict):
    """Yield a :class:`Sentence` per sentence of a token table, in document order then
    sentence order (the one reader of the token columns every sentence-level measure uses)."""
    if tokens.empty:
        return
    tokens = tokens.sort_values(["doc_id", "sent_id", "tok_id"], kind="stable")
    cols = {c: tokens[c].tolist() for c in Sentence._COLUMNS}
    docs, sids = cols["doc_id"], cols["sent_id"]
    n = len(docs)
    lo = 0
    for i in range(1, n + 1):
        if i == n or docs[i] != docs[lo] or sids[i] != sids[lo]:
            lang = lang_of.get(docs[lo], "ru")
            yield Sentence.from_columns(cols, lo, i, lang, syntax_of.get(lang, False))
            lo = i


def sentences_of(tokens: pd.DataFrame, lang_of: dict, syntax_of: dict) -> dict:
    """``(doc_id, sent_id)`` → :class:`Sentence` (see :func:`iter_sentences`)."""
    return {(s.doc_id, s.sent_id): s for s in iter_sentences(tokens, lang_of, syntax_of)}


def doc_langs(ann) -> dict:
    docs = ann.docs
    if "lang" not in docs.columns:
        return {d: "ru" for d in docs["doc_id"]}
    return {d: (lg if isinstance(lg, str) and lg in ("ru", "uk", "en") else "ru")
            for d, lg in zip(docs["doc_id"], docs["lang"])}


def doc_outlets(ann) -> dict:
    docs = ann.docs
    if "outlet" not in docs.columns:
        return {d: "unknown" for d in docs["doc_id"]}
    return dict(zip(docs["doc_id"], docs["outlet"].astype(str)))


# --- built-in resources -------------------------------------------------------

@functools.lru_cache(maxsize=None)
def _builtin(lang: str, name: str) -> pd.DataFrame | None:
    try:
        return read_lexicon(f"{lang}/{name}")
    except Exception:
        return None


def builtin_table(lang: str, name: str) -> pd.DataFrame:
    df = _builtin(lang, name)
    return pd.DataFrame() if df is None else df.copy()


@functools.lru_cache(maxsize=None)
def titles(lang: str) -> frozenset:
    df = _builtin(lang, "titles")
    if df is None or df.empty:
        return frozenset()
    return frozenset(lower_key(x) for x in df["lemma"])


@functools.lru_cache(maxsize=None)
def nominations(lang: str) -> dict:
    """lemma → (polarity, display) of the built-in nominations of ``lang``."""
    out = {}
    # the hand-written list, then the derived cognates (framing/lexicons/cognates.py) where it is silent
    for name in ("nominations", "nominations_cognates"):
        df = _builtin(lang, name)
        if df is None or df.empty:
            continue
        for r in df.itertuples(index=False):
            try:
                pol = float(r.polarity)
            except (TypeError, ValueError):
                pol = float("nan")
            out.setdefault(lower_key(r.lemma), (pol, getattr(r, "group", "") or r.lemma))
    return out


def polarity_table(lexicon, lang: str) -> dict:
    """lemma → polarity from a lexicon argument (``"default"``, a built-in name,
    a path or a DataFrame with columns ``lemma`` and ``polarity``)."""
    if isinstance(lexicon, str) and lexicon == "default":
        return dict(_default_polarity(lang))
    df = read_lexicon(lexicon, lang=lang, columns=["lemma", "polarity"])
    return _to_polarity(df)


def _to_polarity(df: pd.DataFrame) -> dict:
    out: dict = {}
    for lem, pol in zip(df["lemma"], df["polarity"]):
        try:
            p = float(str(pol).replace(",", "."))
        except (TypeError, ValueError):
            continue
        if p != p:
            continue
        k = lower_key(str(lem))
        if not k:
            continue
        # several senses: keep the mean
        if k in out:
            out[k] = (out[k][0] + p, out[k][1] + 1)
        else:
            out[k] = (p, 1)
    return {k: s / n for k, (s, n) in out.items()}


@functools.lru_cache(maxsize=None)
def _default_polarity(lang: str) -> tuple:
    frames = []
    for name in ("evaluative", "nominations"):
        df = _builtin(lang, name)
        if df is not None and not df.empty:
            frames.append(df[["lemma", "polarity"]])
    df = _builtin(lang, "titles")
    if df is not None and not df.empty:
        frames.append(pd.DataFrame({"lemma": df["lemma"], "polarity": "0"}))
    # derived lists last (Ukrainian cognates of the Russian lists, framing/lexicons/cognates.py):
    # a word of the hand-written lists or of the titles keeps its own score
    for name in ("evaluative_cognates", "nominations_cognates"):
        df = _builtin(lang, name)
        if df is not None and not df.empty:
            frames.append(df[["lemma", "polarity"]])
    if not frames:
        return ()
    # evaluative and nominations come before titles: a word in both keeps its score
    merged: dict = {}
    for f in frames:
        pol = _to_polarity(f)
        for k, v in pol.items():
            merged.setdefault(k, v)
    return tuple(merged.items())


def wildcard_polarity(lemma: str, table: dict, patterns: list) -> float | None:
    """Score of ``lemma`` from exact entries, then ``*suffix`` / ``prefix*`` patterns,
    then the parts of a hyphenated compound (most extreme part)."""
    k = lower_key(lemma)
    if k in table:
        return table[k]
    for pat, pol in patterns:
        if pat.startswith("*") and k.endswith(pat[1:]) and len(k) > len(pat) + 1:
            return pol
        if pat.endswith("*") and k.startswith(pat[:-1]) and len(k) > len(pat) + 1:
            return pol
    if "-" in k:
        parts = [p for p in k.split("-") if p]
        scores = [table.get(p) for p in parts]
        scores = [s for s in scores if s is not None]
        if scores:
            return max(scores, key=abs)
    return None


def split_patterns(table: dict) -> tuple[dict, list]:
    exact, pats = {}, []
    for k, v in table.items():
        if k.startswith("*") or k.endswith("*"):
            pats.append((k, v))
        else:
            exact[k] = v
    pats.sort(key=lambda kv: -len(kv[0]))
    return exact, pats


@functools.lru_cache(maxsize=None)
def builtin_aliases(lang: str) -> tuple:
    df = _builtin(lang, "actor_aliases")
    if df is None or df.empty:
        return ()
    return tuple(df.fillna("").to_dict("records"))


def all_builtin_aliases() -> list:
    rows = []
    for lg in ("ru", "uk", "en"):
        rows.extend(builtin_aliases(lg))
    return rows
