"""Attribution: who is quoted, with which verb, how, and at what distance.

:func:`attributions` finds every reported utterance in an annotated corpus and
returns one row per attribution: the speaker as written and the actor behind
it, the cue (a reporting verb, a source phrase such as "по словам", a speech
noun, a colon or a dash), the reported content and its form (credit,
according-to, direct, mixed, indirect, other), the distancing markers around it
("якобы", "мол", "так называемый", scare quotes) and whether the report is
negated ("не стал комментировать").

What counts as an attribution, how the speaker, the cue lemma and the form are
decided, and where the measure departs from that definition are written in
``docs/attribution.md`` (the project's adaptation of the coding guideline the
measure is evaluated against on unseen news).

Two ways of finding the speaker share one set of rules:

* with a dependency parse (Russian, slovnet): the ``nsubj`` of the cue verb,
  climbing through ``xcomp`` (infinitive after "не стал"), gerunds and
  coordinated reporting verbs, and the antecedent of "который";
* without one (Ukrainian, English, or any language whose ``syntax`` layer is
  missing): the nearest nominative noun phrase on either side of the cue
  within its clause, scored by agreement, animacy, names and word order
  (inversion after a comma or a dash: ", заявил Путин", "», — сказал он").

The parse is tried first and the pattern is the fallback, so a bad parse
costs nothing the pattern would have found.  ``benchmarks/attribution_eval.py``
prints the precision of each way on the hand-annotated development set
(``tests/data/attribution_gold.md``), overall and by form.  These are
development figures: the rules were written while reading that set and
Telegram posts of the development channels.

Pronoun and description antecedents are found by :mod:`framing.measures._coref`;
the words the rules treat by role (headline labels, penalties, quoting verbs,
addressee verbs, the author's own voice, …) are in
``framing/lexicons/<lang>/attribution_words.tsv``.

The verb classes follow the literature on reporting verbs: neutral,
endorsing (Caldas-Coulthard 1994's metapropositional verbs; Thompson & Ye
1991), distancing (Thompson & Ye 1991; Bergler 1992), admission, commissive,
directive and emotive (Searle 1976's commissives, directives and
expressives), denial, accusation, belief, question and refusal.  They live in
``framing/lexicons/<lang>/reporting_verbs.tsv`` with notes and sources.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .._errors import SchemaError
from .._options import InstanceOf, NoneOk, check
from ..lexicons import read_lexicon
from . import _content
from ._guard import Guard
from ._language import gate
from ._coref import Antecedent as _Hist
from ._coref import description_antecedent, noun_gender, pronoun_antecedent
from ._quotes import QUOTE_CHARS, find_quotes

ATTRIBUTION_COLUMNS = [
    "doc_id", "outlet", "sent_id", "speaker", "speaker_start", "speaker_end", "actor",
    "speaker_type", "self_citation", "verb", "verb_lemma", "verb_class", "quote_type", "form", "content",
    "content_start", "content_end", "markers", "negated", "distancing", "cue_start",
    "cue_end", "pattern",
]
"""Columns of the table :func:`attributions` returns."""

MARKER_COLUMNS = ["doc_id", "outlet", "sent_id", "start", "end", "text", "marker", "kind",
                  "attribution"]
"""Columns of the table :func:`markers` returns."""

SPEAKER_TYPES = ("person", "organisation", "media", "anonymous", "unattributed")
QUOTE_TYPES = ("direct", "indirect", "mixed", "according_to", "noun", "none")
FORMS = ("credit", "according_to", "direct", "mixed", "indirect", "other")
"""Values of ``form``: the guideline's forms (docs/attribution.md), first matching rule wins."""
MARKER_CLASSES = ("verb", "particle", "scare_quote", "institutional", "legal_label")
"""Classes of distancing: a distancing reporting verb, a particle or "так называемый", scare
quotes, an attribution phrase ("по версии следствия"), a legal label in quotes («иноагент»)."""
DISTANCING_CLASSES = ("verb", "particle", "scare_quote")
"""The classes the ``distancing`` flag (and the distancing rate of :func:`framing.sources`) counts."""
VERB_CLASSES = ("neutral", "endorsing", "distancing", "admission", "commissive", "directive",
                "emotive", "denial", "accusation", "belief", "question", "refusal")

# --- function words per language (grammar, not vocabulary) --------------------------
_LANG = {
    "ru": dict(
        comp={"что", "чтобы", "будто", "якобы"}, how={"как"}, neg={"не"},
        coord={"и", "а", "но"}, this={"это", "этом", "том", "чем", "такое", "этого", "таким"},
        about={"о", "об", "обо"}, src_prep={"по"}, according=set(), per_prep={"согласно"},
        ref=("со", "ссылкой", "на"), loc={"в", "во"}, loc_pron={"нем": ("Masc", "Sing"), "нём": ("Masc", "Sing"), "ней": ("Fem", "Sing"), "них": (None, "Plur")},
        pron={"он": ("Masc", "Sing"), "она": ("Fem", "Sing"), "оно": ("Neut", "Sing"), "они": (None, "Plur")},
        poss={"его": ("Masc", "Sing"), "её": ("Fem", "Sing"), "ее": ("Fem", "Sing"), "их": (None, "Plur")},
        rel={"который"}, aux_inf={"стать", "отказаться", "отказываться", "поспешить", "решить", "захотеть",
                                   "попытаться", "пытаться", "продолжить", "продолжать", "вынужденный",
                                   "вынудить"},
        evident=("стать", "известно", "стать известно", "известный"),
        ref_lemma="ссылка", ref_verbs={"ссылаться", "сослаться"}, credit_heads={"корреспондент", "корреспондентка", "редакция"},
        noun_fix={"данный": "данные", "данным": "данные", "словам": "слово", "мнению": "мнение",
                  "сведение": "сведения", "подсчёт": "подсчет", "расчёт": "расчет"},
        impersonal={"стать известно", "ожидаться", "предполагаться", "считаться", "сообщаться", "говориться", "отмечаться", "утверждаться", "подчеркиваться",
                    "указываться", "уточняться", "заявляться", "сообщено", "заявлено", "отмечено", "сказано"},
        doc_nouns={"данные", "опрос", "исследование", "доклад", "отчет", "оценка", "информация", "сообщение",
                   "заявление", "прогноз", "подсчет", "расчет", "сведение", "сведения", "статистика", "документ"},
        not_subject={"это", "что", "кто", "то", "так", "сам", "весь", "все", "всё", "мы", "я", "ты", "вы"},
    ),
    "uk": dict(
        comp={"що", "щоб", "ніби", "нібито", "начебто", "мовляв", "буцімто"}, how={"як"}, neg={"не"},
        coord={"і", "й", "та", "а", "але"}, this={"це", "цьому", "цим", "тому", "чому", "цього"},
        about={"про"}, src_prep={"за", "на"}, according=set(), per_prep={"згідно"},
        ref=("з", "посиланням", "на"), loc={"в", "у", "ув"}, loc_pron={"ньому": ("Masc", "Sing"), "ній": ("Fem", "Sing"), "них": (None, "Plur")},
        pron={"він": ("Masc", "Sing"), "вона": ("Fem", "Sing"), "воно": ("Neut", "Sing"), "вони": (None, "Plur")},
        poss={"його": ("Masc", "Sing"), "її": ("Fem", "Sing"), "їх": (None, "Plur"), "їхній": (None, "Plur")},
        rel={"який"}, aux_inf={"стати", "відмовитися", "відмовлятися", "поспішити", "вирішити", "спробувати"},
        evident=("стати", "відомо", "стати відомо", "відомий"),
        ref_lemma="посилання", ref_verbs={"посилатися", "послатися"}, credit_heads={"кореспондент", "кореспондентка", "редакція"},
        noun_fix={"даний": "дані", "даними": "дані", "словами": "слово"},
        impersonal={"стати відомо", "очікуватися", "вважатися", "передбачатися", "повідомлятися", "йтися", "зазначатися", "стверджуватися", "наголошуватися",
                    "говоритися", "повідомлено", "заявлено", "зазначено", "сказано"},
        doc_nouns={"дані", "даний", "опитування", "дослідження", "доповідь", "звіт", "оцінка", "інформація",
                   "повідомлення", "заява", "прогноз", "підрахунок", "статистика", "документ"},
        not_subject={"це", "що", "хто", "то", "так", "сам", "весь", "всі", "ми", "я", "ти", "ви"},
    ),
    "en": dict(
        comp={"that"}, how={"as"}, neg={"not", "n't", "never"},
        coord={"and", "but"}, this={"this"}, about={"about"}, src_prep=set(),
        according={"according"}, per_prep=set(), ref=("citing",), loc=set(), loc_pron={},
        pron={"he": ("Masc", "Sing"), "she": ("Fem", "Sing"), "it": ("Neut", "Sing"), "they": (None, "Plur")},
        poss={"his": ("Masc", "Sing"), "her": ("Fem", "Sing"), "its": ("Neut", "Sing"), "their": (None, "Plur")},
        rel={"who", "which"}, aux_inf={"decline", "refuse", "declined", "refused"},
        evident=None, ref_lemma="cite", ref_verbs={"cite"}, credit_heads={"correspondent", "newsroom"},
        noun_fix={},
        impersonal=set(), doc_nouns={"data", "report", "survey", "study", "estimate", "statement", "figures"},
        not_subject={"this", "that", "what", "who", "we", "i", "you", "him", "her", "them", "us", "me",
                     "which", "there", "it's"},
    ),
}
_BOUND = {",", ";", ":", "—", "–", "(", ")", ".", "!", "?", "…", "[", "]"} | QUOTE_CHARS
_DASHES = {"—", "–", "-", "−"}
_NOMINAL = {"NOUN", "PROPN", "ADJ", "DET", "NUM", "X"}
_EN_IRREGULAR = {"said": "say", "says": "say", "told": "tell", "tells": "tell", "wrote": "write",
                 "written": "write", "spoke": "speak", "spoken": "speak", "swore": "swear",
                 "sworn": "swear", "thought": "think", "found": "find", "shown": "show",
                 "foretold": "foretell", "forecast": "forecast", "added": "add", "denied": "deny",
                 "replied": "reply", "implied": "imply", "testified": "testify", "clarified": "clarify",
                 "specified": "specify", "pointed": "point", "called": "call", "urged": "urge"}


def _norm(s) -> str:
    return str(s).lower().replace("ё", "е").replace("’", "'").replace("ʼ", "'")


def _en_lemmas(word: str) -> list[str]:
    w = word.lower()
    out = [w]
    if w in _EN_IRREGULAR:
        out.append(_EN_IRREGULAR[w])
    for suf, rep in (("ied", "y"), ("ies", "y"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", ""),
                     ("ing", ""), ("ing", "e")):
        if w.endswith(suf) and len(w) > len(suf) + 2:
            out.append(w[: -len(suf)] + rep)
    return out


# --- language resources ----------------------------------------------------------------
@dataclass
class _Res:
    lang: str
    verbs: dict            # lemma -> (class, requires)
    colloc: dict           # light-verb lemma -> [(noun lemma, class)]
    source_nouns: dict     # noun lemma/form -> class
    speech_acts: set
    markers: list          # (words tuple, kind, scope, name)
    heads: dict            # lemma -> (speaker_type, kind)
    media: dict            # key without spaces, lower -> canonical name
    media_names: set
    fw: dict = field(default_factory=dict)
    legal: tuple = ()      # stems of legal designations (legal_designations.tsv)
    variants: dict = field(default_factory=dict)   # canonical media name -> its keys
    words: dict = field(default_factory=dict)      # role -> set of words (attribution_words.tsv)


def _load_verbs(source, lang) -> dict:
    df = read_lexicon(source, lang=lang, name="reporting_verbs", columns=["lemma", "class"])
    req = df["requires"] if "requires" in df else pd.Series([""] * len(df))
    return {_norm(l).strip(): (c.strip(), r.strip()) for l, c, r in zip(df["lemma"], df["class"], req) if str(l).strip()}


@functools.lru_cache(maxsize=8)
def _builtin(lang: str) -> _Res:
    verbs = _load_verbs("default", lang)
    sn = read_lexicon("default", lang=lang, name="speech_nouns", columns=["lemma", "kind", "class"])
    colloc: dict = {}
    source_nouns, speech_acts = {}, set()
    for l, k, c, v in zip(sn["lemma"], sn["kind"], sn["class"], sn.get("verbs", [""] * len(sn))):
        l = _norm(l)
        if k == "source_phrase":
            source_nouns[l] = c
        elif k == "speech_act":
            speech_acts.add(l)
        elif k == "attitude":
            for vb in str(v).split(";"):
                if vb.strip():
                    colloc.setdefault(_norm(vb.strip()), []).append((l, c))
    dm = read_lexicon("default", lang=lang, name="distancing_markers", columns=["marker", "kind"])
    markers = []
    lemmas = dm["lemma"] if "lemma" in dm else dm["marker"].str.replace("*", "", regex=False)
    for m, lm, k, s in zip(dm["marker"], lemmas, dm["kind"], dm.get("scope", ["any"] * len(dm))):
        if k == "scare_quote":
            continue
        markers.append((tuple(_norm(m).split()), k, s or "any", lm))
    markers.sort(key=lambda x: -len(x[0]))
    an = read_lexicon("default", lang=lang, name="anonymous_sources", columns=["lemma", "speaker_type"])
    heads = {_norm(l): (t, k) for l, t, k in zip(an["lemma"], an["speaker_type"], an.get("kind", [""] * len(an)))}
    mo = read_lexicon("default", lang=lang, name="media_outlets", columns=["name", "variants"])
    media = {}
    for name, variants in zip(mo["name"], mo["variants"]):
        for v in [name, *str(variants).split(";")]:
            v = v.strip()
            if v:
                media[_norm(re.sub(r"[\s«»\"“”„]", "", v))] = name
    variants: dict = {}
    for k, name in media.items():
        variants.setdefault(name, set()).add(k)
    lg = read_lexicon("default", lang=lang, name="legal_designations", columns=["lemma"])
    legal = tuple(sorted({_norm(w)[: max(4, len(w) - 2)] for l in lg["lemma"] for w in str(l).split()[:1] if w}))
    aw = read_lexicon("default", lang=lang, name="attribution_words", columns=["word", "role"])
    words: dict = {}
    for w, r in zip(aw["word"], aw["role"]):
        words.setdefault(str(r).strip(), set()).add(_norm(w).strip())
    return _Res(lang, verbs, colloc, source_nouns, speech_acts, markers, heads, media,
                set(mo["name"]), _LANG[lang], legal, variants, words)


def _resources(lang: str, verbs) -> _Res:
    lang = lang if lang in _LANG else "ru"
    res = _builtin(lang)
    if isinstance(verbs, dict):
        verbs = verbs.get(lang, "default")
    if isinstance(verbs, str) and verbs == "default":
        return res
    return _Res(**{**res.__dict__, "verbs": _load_verbs(verbs, lang)})


# --- one sentence as arrays ----------------------------------------------------------
class _Sent:
    def __init__(self, cols: dict, lang: str, ents: list):
        """``cols``: column name → list of the sentence's token values (see :func:`_token_columns`)."""
        self.doc_id = cols["doc_id"][0]
        self.sent_id = int(cols["sent_id"][0])
        self.text = [str(t) for t in cols["text"]]
        # an emoji or bullet glued to a word ("🔻По данным") does not hide the word
        self.low = [_norm(t.lstrip("".join(ch for ch in t if not (ch.isalnum() or ch in QUOTE_CHARS))))
                    if t[:1] and not (t[:1].isalnum() or t[:1] in QUOTE_CHARS) and any(ch.isalpha() for ch in t)
                    else _norm(t) for t in self.text]
        self.lem = [_norm(l) if isinstance(l, str) and l not in ("_", "") else lw
                    for l, lw in zip(cols["lemma"], self.low)]
        self.upos = [str(u) for u in cols["upos"]]
        self.feats = [dict(kv.split("=", 1) for kv in str(f).split("|") if "=" in kv) for f in cols["feats"]]
        self.start = [int(x) for x in cols["start"]]
        self.end = [int(x) for x in cols["end"]]
        ids = [int(x) for x in cols["tok_id"]]
        pos = {t: i for i, t in enumerate(ids)}
        self.head = [pos.get(int(h), -1) if int(h) > 0 else (-2 if int(h) == 0 else -1) for h in cols["head"]]
        self.deprel = [str(d) for d in cols["deprel"]]
        self.n = len(ids)
        self.children = [[] for _ in range(self.n)]
        for i, h in enumerate(self.head):
            if h >= 0:
                self.children[h].append(i)
        self.lang = lang
        # entities as token index ranges
        self.ents = []
        for e in ents:
            a, b = pos.get(int(e["start_tok"])), pos.get(int(e["end_tok"]))
            if a is not None and b is not None:
                self.ents.append({**e, "a": a, "b": b})
        self._hide_links()
        if lang == "en":
            self.lems = [_en_lemmas(t) + [l] for t, l in zip(self.text, self.lem)]
        else:
            self.lems = [[l, lw] for l, lw in zip(self.lem, self.low)]

    def _hide_links(self):
        """Link targets are markup: "[сказал](https://…)", a bare URL.  Their tokens read as
        "*" (skipped by the speaker search like "**"), so "https:" is no colon frame."""
        chunk = [0] * self.n          # tokens written together without a space share a chunk
        for i in range(1, self.n):
            chunk[i] = chunk[i - 1] + (self.start[i] > self.end[i - 1])
        groups: dict = {}
        for i, ch in enumerate(chunk):
            groups.setdefault(ch, []).append(i)
        for idx in groups.values():
            words = "".join(self.low[i] for i in idx)
            if not any(m in words for m in ("http", "www.", "t.me/", "://")):
                continue
            # from "](" or the URL's first token to its closing bracket
            k0 = next((i for i in idx if self.low[i].startswith(("http", "www", "t.me"))), idx[0])
            if k0 - 1 in idx and self.text[k0 - 1] == "(":
                k0 -= 1
            k1 = idx[-1]
            if self.text[k1] not in (")",) and ")" in (self.text[i] for i in idx[idx.index(k0):]):
                k1 = next(i for i in idx[idx.index(k0):] if self.text[i] == ")")
            for i in range(k0, k1 + 1):
                if self.text[i] in (",", ".", ";", "!", "?") and i == k1:
                    continue
                self.text[i] = self.low[i] = self.lem[i] = "*"
                self.upos[i], self.feats[i] = "PUNCT", {}

    def case(self, i):
        return self.feats[i].get("Case")

    def bound(self, i) -> bool:
        return self.text[i] in _BOUND or (self.upos[i] == "PUNCT" and self.text[i] not in ("-", "'s", "’s"))

    def finite(self, i) -> bool:
        f = self.feats[i]
        if self.upos[i] not in ("VERB", "AUX"):
            return False
        vf = f.get("VerbForm")
        return vf in (None, "Fin") and not (self.lang == "en" and self.upos[i] == "AUX")

    def ent_at(self, i):
        for e in self.ents:
            if e["a"] <= i <= e["b"]:
                return e
        return None


@dataclass
class _Cue:
    sent: _Sent
    v: int                      # index of the cue's main token
    cue: tuple                  # (first, last) token index of the cue
    verb: str
    verb_lemma: str
    verb_class: str
    requires: str = ""
    pattern: str = ""
    spk: tuple | None = None    # (a, b) token range of the speaker
    spk_head: int | None = None
    inherited: bool = False
    frame: str = ""
    content: tuple | None = None  # (start char, end char)
    ctok: tuple | None = None     # (a, b) token range of the content within the sentence
    quote_type: str = "none"
    markers: list = field(default_factory=list)
    negated: bool = False
    actor: str = ""
    speaker_type: str = "unattributed"
    speaker_override: tuple | None = None  # (start, end, text) for speakers outside the token list
    credit: bool = False        # a credit tacked onto a credit clause ("Об этом сообщает X, передает Y")
    quoted: bool = False        # the content holds a quotation that is not a name («Газпром»)
    head_lemma: str = ""        # the verb's lemma where a speech noun replaced it ("говорится в сообщении")
    quoted_src: tuple | None = None  # ((a, b), head, noun index or None): "передает слова министра", "цитирует Пескова"


# --- speaker search ------------------------------------------------------------------


def _markup(S: _Sent, i: int) -> bool:
    """Telegram markdown and link brackets: skipped by the speaker search."""
    t = S.text[i]
    return bool(t) and all(ch in "*_[]" for ch in t)


def _unsure_case(S: _Sent, i: int) -> bool:
    f = S.feats[i]
    return S.upos[i] in ("PROPN", "X") or f.get("Abbr") == "Yes" or f.get("Uninflect") == "Yes"


def _nomlike(S: _Sent, i: int) -> bool:
    if S.lang == "en":
        return S.upos[i] in ("NOUN", "PROPN", "PRON", "X", "NUM", "ADJ") and S.low[i] not in S_EN_OBJ
    c = S.case(i)
    if c is not None:
        return c == "Nom"
    return S.upos[i] in ("PROPN", "X", "NOUN")


S_EN_OBJ = {"him", "her", "them", "us", "me", "whom"}


def _subj_ok(S: _Sent, i: int, R: _Res) -> bool:
    fw = R.fw
    if S.low[i] in ("один", "одна", "одно", "одни", "один", "одна", "one") and i + 1 < S.n and S.low[i + 1] in ("из", "з", "із", "of"):
        return True
    if S.low[i] in R.words.get("collective_subject", ()):
        return True       # "одни утверждают …, другие — …", "многие считают"
    if S.low[i] in fw["not_subject"] or S.lem[i] in fw["not_subject"] or S.lem[i] in fw["rel"]:
        return False
    if S.text[i] in QUOTE_CHARS or not any(ch.isalpha() for ch in S.text[i]):
        return False
    u = S.upos[i]
    if u == "PRON" and S.lem[i].endswith(("ть", "ться", "ти", "тися")) and S.case(i) == "Nom":
        return True       # a participle the tagger read as a pronoun: "Осужденная отрицала"
    if u == "PRON" and S.case(i) == "Nom" and S.low[i] not in fw["not_subject"] and S.low[i] not in fw["pron"] \
            and i + 1 < S.n and S.upos[i + 1] in ("NOUN", "PROPN") and S.case(i + 1) == "Gen":
        return True       # a noun the tagger read as a pronoun: "друг пострадавшего"
    if u == "PRON":
        return S.low[i] in fw["pron"]
    if u in ("NOUN", "PROPN", "X"):
        return True
    if u == "ADJ" and S.lem[i] in R.heads:
        return True
    if u == "VERB" and S.feats[i].get("VerbForm") == "Part" and S.feats[i].get("Variant") != "Short" \
            and S.case(i) == "Nom" and (i + 1 >= S.n or S.upos[i + 1] not in ("NOUN", "PROPN", "ADJ", "X")):
        return True       # a participle standing for its noun: "Пострадавшая утверждает"
    if u == "ADJ" and S.lang != "en" and S.case(i) == "Nom" and (i + 1 >= S.n or S.upos[i + 1] not in ("NOUN", "PROPN", "ADJ", "X")
                                                               or S.case(i + 1) not in (None, "Nom")):
        return True       # a noun-like adjective: "Пострадавшая", "призвала Навальная украинцев"
    return False


def _agrees(S: _Sent, v: int, j: int) -> bool:
    nv, nj = S.feats[v].get("Number"), S.feats[j].get("Number")
    if _unsure_case(S, j) or (S.lang != "en" and S.case(j) not in (None, "Nom")):
        return True       # taggers guess the number of unknown names and abbreviations
    if nv and nj and nv != nj:
        # "Путин и Си заявили": a singular noun in a coordination
        if nv == "Plur" and j > 0 and S.low[j - 1] in ("и", "і", "та", "and"):
            return True
        return False
    return True


def _np(S: _Sent, h: int, lo: int, hi: int) -> tuple[int, int]:
    """The noun phrase around head ``h`` (pattern mode)."""
    if S.upos[h] == "PRON":
        return h, h

    def inner(i, left):
        if S.bound(i) or S.upos[i] in ("ADP", "VERB", "AUX", "PRON", "SCONJ", "CCONJ", "ADV", "PART"):
            return S.text[i] in ("-",) or S.text[i] in ("'s", "’s") or (S.lang == "en" and S.upos[i] == "DET")
        if S.upos[i] not in _NOMINAL and S.lang != "en":
            return False
        if S.lang == "en":
            return S.upos[i] in ("NOUN", "PROPN", "ADJ", "X", "NUM", "DET") or S.low[i] in ("'s", "’s")
        c = S.case(i)
        return c in (None, "Nom", "Gen")

    if S.low[h] in ("один", "одна", "одно", "одни", "one") and h + 2 < S.n:
        # "один из экспертов, знакомых с планами Трампа"
        b = h + 2
        while b + 1 <= hi and S.upos[b + 1] in _NOMINAL and not S.bound(b + 1):
            b += 1
        return h, b
    a = h
    while a - 1 >= lo and inner(a - 1, True):
        a -= 1
    b = h
    while b + 1 <= hi and inner(b + 1, False):
        b += 1
    while a < h and (S.upos[a] in ("NUM", "ADP") or (S.lang != "en" and S.case(a) not in (None, "Nom"))
                     or S.text[a] in ("-",)):
        a += 1
    while b > h and S.text[b] in ("-", "'s", "’s"):
        b -= 1
    e = S.ent_at(h)
    if e:
        a, b = min(a, e["a"]), max(b, e["b"])
    return a, b


def _en_pp_head(S: _Sent, spk, h):
    """English: "A source in Ukraine's security services said": the NP before
    "in/of/at/from" heads the phrase."""
    a, b = spk
    while a - 2 >= 0 and S.low[a - 1] in ("of", "in", "at", "from", "for", "with") \
            and S.upos[a - 2] in ("NOUN", "PROPN", "ADJ"):
        h = a - 2
        a2, _ = _np(S, h, 0, a - 2)
        a = a2
    return (a, b), h


def _clause_left(S: _Sent, v: int) -> int:
    j = v - 1
    while j >= 0 and not S.bound(j):
        j -= 1
    return j + 1


def _skip_comma_segment(S: _Sent, comma: int, R: _Res) -> int | None:
    """If the comma-delimited segment ending at ``comma`` is a parenthetical,
    relative or participial phrase, the index of the comma opening it."""
    j = comma - 1
    while j >= 0 and S.text[j] != ",":
        if S.text[j] in _BOUND and S.text[j] != ",":
            return None
        j -= 1
    if j < 0:
        return None
    seg = range(j + 1, comma)
    if not len(seg):
        return None
    first = j + 1
    if S.lem[first] in R.fw["rel"] or S.low[first] in R.fw["rel"]:
        return j
    if any(S.finite(k) for k in seg):
        return None
    return j


def _left_candidate(S: _Sent, v: int, R: _Res, stop: int = 0):
    S._jumped = False
    found = _left_search(S, v, R, stop)
    if found is None and getattr(S, "_appos", None) is not None:
        return S._appos    # "Один из них, Олег Ветлугин, пообещал"
    return found


def _left_search(S: _Sent, v: int, R: _Res, stop: int = 0):
    S._appos = None
    j, jumps = v - 1, 0
    while j >= stop:
        t = S.low[j]
        if j + 1 in getattr(S, "nl", ()):
            return None
        if _markup(S, j):
            j -= 1
            continue
        if S.text[j] == "," and all(S.upos[x] in ("ADV", "PART") or S.low[x] in R.fw["neg"] for x in range(j + 1, v)) \
                and _has_own_content(S, v, R):
            # "Он подошел к ним, сказал, что …": a verb coordinated without a conjunction
            if any(S.finite(x) for x in range(_clause_left(S, j), j)):
                return "coord"
        if S.text[j] == "," and jumps < 2:
            k = _skip_comma_segment(S, j, R)
            if k is not None and k > stop:
                if S._appos is None:
                    names = [x for x in range(k + 1, j) if S.upos[x] == "PROPN" and _nomlike(S, x)
                             and (S.ent_at(x) is None or S.ent_at(x)["type"] == "PER")]
                    if names and jumps == 0:
                        S._appos = names[-1]
                j, jumps = k - 1, jumps + 1
                S._jumped = True
                continue
            return None
        if S.text[j] in QUOTE_CHARS or S.text[j] == ")":
            o = _short_group(S, j)
            if o is not None and S.text[j] in QUOTE_CHARS and o + 1 < j and _subj_ok(S, o + 1, R) \
                    and S.text[o + 1][:1].isupper():
                return o + 1      # a quoted name: «Газпром» сообщал
            if o is not None and S.text[j] == ")":
                j = o - 1         # a bracketed acronym: "Сирийский центр … (SOHR) сообщает"
                continue
        if S.bound(j):
            return None
        if t in R.fw["comp"] or S.upos[j] == "SCONJ":
            return None
        if t in R.fw["coord"] and all(S.upos[k] in ("ADV", "PART") or S.low[k] in R.fw["neg"]
                                      for k in range(j + 1, v)):
            return "coord"
        if S.finite(j) and j != v:
            return None
        if _subj_ok(S, j, R) and _nomlike(S, j):
            if _unsure_case(S, j) and j - 1 >= stop and S.upos[j - 1] in ("NOUN", "PROPN") \
                    and S.case(j - 1) not in (None, "Nom") and S.lang != "en":
                a = j - 1
                while a - 1 >= stop and S.upos[a - 1] in _NOMINAL and not S.bound(a - 1):
                    a -= 1
                if a - 1 >= stop and S.upos[a - 1] == "ADP":
                    j = a - 2          # "в Генштабі ЗСУ": inside a prepositional phrase
                    continue
            if S.lem[j] in R.fw["rel"] or S.low[j] in R.fw["rel"]:
                return None
            return j
        j -= 1
    # a tagger's wrong case on a clause-initial animate noun: "Республіканці стверджують"
    k = v - 1
    while k >= stop and (S.upos[k] in ("ADV", "PART") or S.low[k] in R.fw["neg"]):
        k -= 1
    if k >= stop and S.upos[k] in ("NOUN", "PROPN") and S.feats[k].get("Animacy") == "Anim" \
            and (k == 0 or S.bound(k - 1)) and _subj_ok(S, k, R) \
            and not (S.lang == "ru" and S.case(k) in ("Dat", "Ins", "Loc")):     # not "Пассажирам пообещали"
        return k
    return None


def _short_group(S: _Sent, j: int, most: int = 5):
    """The opening quotation mark or bracket of the short group closed at ``j`` («Газпром»,
    "(SOHR)"), with no punctuation inside; None if there is none."""
    opener = "(" if S.text[j] == ")" else None
    for o in range(j - 1, max(-1, j - most - 1), -1):
        if (opener and S.text[o] == opener) or (not opener and S.text[o] in QUOTE_CHARS):
            return o if o < j - 1 else None
        if S.bound(o) and not _markup(S, o):
            return None
    return None


def _has_own_content(S: _Sent, v: int, R: _Res) -> bool:
    """A complement clause or a colon follows the verb closely."""
    for j in range(v + 1, min(S.n, v + 5)):
        if S.low[j] in R.fw["comp"] or S.text[j] == ":":
            return True
    return False


def _relative_antecedent(S: _Sent, v: int, R: _Res):
    """"…, который пообещал": the noun before the comma that opens the relative clause."""
    k = v - 1
    while k >= 0 and (S.upos[k] in ("ADV", "PART") or S.low[k] in R.fw["neg"]):
        k -= 1
    if k < 1 or not (S.lem[k] in R.fw["rel"] or S.low[k] in R.fw["rel"]) or S.text[k - 1] != ",":
        return None
    h = next((x for x in range(k - 2, max(-1, k - 6), -1) if S.upos[x] in ("NOUN", "PROPN", "X")), None)
    return h


def _right_candidate(S: _Sent, v: int, R: _Res, hi: int | None = None):
    hi = S.n - 1 if hi is None else hi
    if S.lang == "en":
        j = v + 1
        if j < S.n and S.upos[j] in ("PROPN", "PRON", "DET", "NOUN") and S.low[j] not in S_EN_OBJ:
            h = j
            while h + 1 < S.n and S.upos[h + 1] in ("PROPN", "NOUN", "ADJ") and S.upos[h] != "PRON":
                h += 1
            if (h + 1 >= S.n or S.bound(h + 1)) and _subj_ok(S, h, R):
                return h
        return None
    j, in_pp = v + 1, False
    while j <= hi:
        if j in getattr(S, "nl", ()):
            return None       # a speaker never stands on the next line
        if _markup(S, j):
            j += 1            # "[сообщает](https://…) издание": the link around the verb
            continue
        if S.text[j] in "«\"“„" and j + 1 <= hi:
            # a quoted name right after the verb: сообщает "Интерфакс"
            m = _media_at(S, j + 1, R)
            if m:
                return j + 1
            if j == v + 1 or not in_pp:
                e = S.ent_at(j + 1)
                if e and e["type"] in ("ORG", "PER"):
                    return j + 1
                if j == v + 1 and S.text[j + 1][:1].isupper() and S.upos[j + 1] in ("PROPN", "NOUN", "ADJ", "X"):
                    k = j + 1
                    while k + 1 < S.n and S.text[k + 1] not in QUOTE_CHARS and k - j < 5:
                        k += 1
                    if k + 1 < S.n and S.text[k + 1] in QUOTE_CHARS and (k + 2 >= S.n or S.bound(k + 2)):
                        return j + 1
            return None
        if S.bound(j) or S.upos[j] == "SCONJ" or S.low[j] in R.fw["comp"]:
            return None
        if S.upos[j] in ("VERB", "AUX") and not (S.feats[j].get("VerbForm") == "Part" and S.feats[j].get("Variant") != "Short"
                                                 and S.case(j) == "Nom"):
            return None       # a nominative participle ("объединённая пресс-служба") is part of the phrase
        if S.upos[j] == "ADP":
            in_pp = True
            j += 1
            continue
        if _markup(S, j):
            j += 1
            continue
        if S.upos[j] in _NOMINAL or S.upos[j] == "PRON":
            if _unsure_case(S, j) and j - 1 > v and S.upos[j - 1] in ("NOUN", "PROPN", "ADJ") \
                    and S.case(j - 1) not in (None, "Nom"):
                j += 1
                continue
            if in_pp:
                if S.lang != "en" and S.case(j) == "Nom" and _subj_ok(S, j, R):
                    return j
                j += 1
                continue
            if _subj_ok(S, j, R) and _nomlike(S, j):
                return j
            j += 1
            continue
        in_pp = False
        j += 1
    return None


def _score(S: _Sent, v: int, j, R: _Res, side: str) -> float:
    if j is None or j == "coord":
        return -1
    s = 0.0
    named = S.ent_at(j) or _media_at(S, j, R) or S.low[j] in R.fw["pron"] or S.lem[j] in R.heads
    if S.feats[j].get("Animacy") == "Anim":
        s += 1
    if _agrees(S, v, j):
        s += 1
    else:
        s -= 2
    prev = v - 1
    while prev >= 0 and (S.low[prev] in R.fw["neg"] or S.upos[prev] == "ADV"):
        prev -= 1
    inverted_ctx = prev < 0 or S.text[prev] in _BOUND or S.low[prev] in R.fw["how"]
    if getattr(S, "_jumped", False) and side == "right":
        inverted_ctx = False
    if named and (side == "left" or inverted_ctx):
        s += 2       # "заявила SHOT, что": a name right after the verb is its addressee
    if side == "left":
        if getattr(S, "_jumped", False):
            s += 0.5
        else:
            s += 0.5 if not inverted_ctx else -1
        s -= 0.1 * min(v - j, 5)
    else:
        s += 1.5 if inverted_ctx else 0
        s -= 0.1 * min(j - v, 5)
    return s


def _syncretic_subject(S: _Sent, v: int, R: _Res):
    """The subject of a postposed reporting verb after a quotation and a dash or comma (the
    inversion of direct speech) that the parser attached elsewhere: to the quoted clause's verb
    ("«…», — объяснил необходимость изменений Володин"), or as the verb's last of two objects,
    for the nominative and accusative of an inanimate noun are one form ("«…», — цитирует судью
    портал Е1.RU", "— передает слова министра телеканал")."""
    p = v - 1
    while p >= 0 and S.text[p] in (",", "—", "–", "-"):
        p -= 1
    if p == v - 1 or p < 0 or S.text[p] not in QUOTE_CHARS:
        return None
    h = S.head[v]
    if S.deprel[v] == "parataxis" and h is not None and 0 <= h < p:
        # "«…», — объяснил необходимость изменений Володин": the subject after the reporting verb
        # attached to the quoted clause's verb
        late = [k for k in S.children[h] if S.deprel[k] == "nsubj" and k > v
                and not any(S.bound(x) or S.finite(x) for x in range(v + 1, k))]
        if late and _subj_ok(S, late[0], R) and S.case(late[0]) in (None, "Nom"):
            return late[0]
    objs = [k for k in S.children[v] if S.deprel[k] == "obj" and k > v]
    if len(objs) < 2:
        return None
    k = objs[-1]
    f = S.feats[k]
    if f.get("Animacy") == "Inan" and S.case(k) == "Acc" and S.upos[k] == "NOUN" \
            and (f.get("Gender") in ("Masc", "Neut") or f.get("Number") == "Plur") and _subj_ok(S, k, R):
        return k
    return None


def _syn_subject(S: _Sent, v: int, R: _Res):
    cur = v
    for _ in range(4):
        subj = [k for k in S.children[cur] if S.deprel[k] in ("nsubj",)]
        if not subj and cur == v and S.lang != "en":
            k = _syncretic_subject(S, v, R)
            if k is not None:
                return k
        if len(subj) > 1:
            # two subjects for one verb (a participle read as one): the one that can be a speaker
            subj = [k for k in subj if _subj_ok(S, k, R)] or subj
        if subj:
            k = subj[0]
            if S.lem[k] in R.fw["rel"] or S.low[k] in R.fw["rel"]:
                h = S.head[cur]
                if S.deprel[cur].startswith("acl") and h >= 0:
                    return h
                return None
            if _quote_between(S, min(k, cur), max(k, cur), subject_after=k > cur) \
                    or any(x in getattr(S, "nl", ()) for x in range(min(k, cur) + 1, max(k, cur) + 1)):
                return None       # across a quotation or a line break (a headline glued to the text)
            lo_, hi_ = min(k, cur), max(k, cur)

            def inserted(x):      # "…, как водится, …": a clause between two commas inside the span
                return any(S.text[y] == "," for y in range(lo_ + 1, x)) and any(S.text[y] == "," for y in range(x + 1, hi_))
            if any(S.finite(x) and x != cur and not _descends(S, x, k) and not inserted(x) for x in range(lo_ + 1, hi_)) \
                    and any(S.text[x] in ("—", "–", ",") for x in range(lo_ + 1, hi_)):
                return None       # "Ребята, отмена … отменяется — … заверили": another clause's word
            return k if _subj_ok(S, k, R) else None
        rel, h = S.deprel[cur], S.head[cur]
        if h < 0:
            return None
        vf = S.feats[cur].get("VerbForm")
        if rel == "conj":
            # only through a coordinated reporting verb: "сказал … и пообещал"
            if not _is_report_verb(S, h, R):
                return None
            cur = h
            continue
        if rel in ("xcomp", "advcl") or vf in ("Conv", "Inf"):
            cur = h
            continue
        return None
    return None


def _descends(S: _Sent, x: int, k: int) -> bool:
    """Token ``x`` is in the subtree of ``k`` ("МАГАТЭ, эксперты которого находятся …, сообщает")."""
    for _ in range(S.n):
        x = S.head[x]
        if x < 0:
            return False
        if x == k:
            return True
    return False


def _quote_between(S: _Sent, lo: int, hi: int, subject_after: bool = False) -> bool:
    """A colon or a quotation stands between a subject and its verb ("«…», — сказал он"):
    a short quoted name with no verb in it ("в интервью телеканалу «Россия»") does not count."""
    inside = [x for x in range(lo + 1, hi) if S.text[x] in QUOTE_CHARS or S.text[x] == ":"]
    if inside and lo > 0 and S.text[lo - 1] in QUOTE_CHARS and inside[0] - lo <= 5 and S.text[inside[0]] != ":":
        inside = inside[1:]   # the subject is a quoted name: «Газпром» сообщал
    if inside and subject_after and S.text[inside[-1]] in QUOTE_CHARS and hi - inside[-1] <= 4 \
            and any(S.text[x] in QUOTE_CHARS for x in range(hi + 1, min(S.n, hi + 5))):
        inside = inside[:-1]  # the subject is a quoted name after the verb: пишет «Украинская правда»
    if not inside:
        return False
    if any(S.text[x] == ":" for x in inside) or len(inside) % 2:
        return True
    for a, b in zip(inside[::2], inside[1::2]):
        if b - a > 6 or any(S.finite(x) for x in range(a + 1, b)):
            return True
    return False


def _syn_span(S: _Sent, h: int) -> tuple[int, int]:
    keep, stack = {h}, [h]
    while stack:
        x = stack.pop()
        for c in S.children[x]:
            if S.deprel[c] == "punct" and S.text[c] in QUOTE_CHARS:
                keep.add(c)       # the quotation marks of a name inside the phrase: "Директор «Голоса Америки» …"
                continue
            if S.deprel[c] in ("acl:relcl", "acl", "parataxis", "punct", "advcl", "ccomp", "appos:relcl"):
                continue
            keep.add(c)
            stack.append(c)

    def inside(x):
        if S.text[x] == "," if 0 <= x < S.n else False:
            # "Саудовская Аравия, Египет, Бахрейн и ОАЭ": commas between conjuncts of the phrase
            return x - 1 in keep and x + 1 in keep and S.deprel[x + 1] == "conj"
        return x in keep and (not S.bound(x) or S.text[x] in QUOTE_CHARS)
    a = h
    while inside(a - 1):
        a -= 1
    b = h
    while inside(b + 1):
        b += 1
    while b > h and S.upos[b] == "PART":
        b -= 1            # "Галузин же"
    while a < h and (S.upos[a] in ("CCONJ", "PART") or S.deprel[a] == "cc"):
        a += 1            # "заявили и островные государства": the conjunction is no part of the phrase
    # an unbalanced quotation mark at an edge is not part of the phrase
    while a < h and S.text[a] in QUOTE_CHARS and sum(S.text[x] in QUOTE_CHARS for x in range(a, b + 1)) % 2:
        a += 1
    while b > h and S.text[b] in QUOTE_CHARS and sum(S.text[x] in QUOTE_CHARS for x in range(a, b + 1)) % 2:
        b -= 1
    e = S.ent_at(h)
    if e:
        a, b = min(a, e["a"]), max(b, e["b"])
    return a, b


def _is_report_verb(S: _Sent, i: int, R: _Res) -> bool:
    return any(l in R.verbs for l in S.lems[i])


def _media_at(S: _Sent, i: int, R: _Res):
    """(last index, canonical name) of the longest media name starting at token ``i``."""
    if i >= S.n:
        return None
    best = None
    s = ""
    for j in range(i, min(S.n, i + 5)):
        if S.text[j] in QUOTE_CHARS:
            break
        s += _norm(S.text[j])
        if s in R.media and (s[0].isalpha()):
            if not (len(s) <= 3 and not S.text[i][:1].isupper()):
                best = (j, R.media[s])
    return best


# --- frames: where the content is ------------------------------------------------------
def _content_end(S: _Sent, a: int) -> int:
    b = S.n - 1
    while b >= a and (S.text[b] in {".", "!", "?", "…", ";"} or _markup(S, b)):
        b -= 1
    return b


def _first_bound(S: _Sent, a: int, stops=(",", ";", ":", ".", "!", "?", "—", "–", "(")) -> int:
    j = a
    while j < S.n and S.text[j] not in stops:
        j += 1
    return j - 1


def _frame(S: _Sent, c: _Cue, R: _Res):
    """Set ``c.frame`` and ``c.ctok`` from the words around the cue."""
    v0, v1 = c.cue
    fw = R.fw
    spk = c.spk
    after = v1 + 1
    if spk and spk[0] > v1 and spk[0] <= v1 + 4:
        after = spk[1] + 1
    # 1. a complement clause or a colon after the cue
    j = v1 + 1
    limit = min(S.n, v1 + 14 + sum(1 for x in range(v1 + 1, min(S.n, v1 + 60)) if _markup(S, x)))
    while j < limit:
        t = S.low[j]
        if t in fw["comp"] and (j == v1 + 1 or S.text[j - 1] == "," or j == after):
            c.frame = "that"
            c.ctok = (j + 1, _content_end(S, j + 1))
            if t in ("будто", "якобы", "ніби", "нібито", "начебто", "мовляв", "буцімто"):
                c.markers.append(S.text[j].lower())
            return
        if t in fw["how"] and S.text[j - 1] == "," and j > v1 + 1 and c.requires != "":
            c.frame = "that"
            c.ctok = (j + 1, _content_end(S, j + 1))
            return
        if S.text[j] == "," and j + 1 < S.n and (S.lem[j + 1] in R.words.get("wh_word", ())
                                                 or S.low[j + 1] in R.words.get("wh_word", ())) \
                and all(_markup(S, x) or (not S.bound(x) and not S.finite(x) and S.upos[x] != "ADP") for x in range(v1 + 1, j)) \
                and sum(not _markup(S, x) for x in range(v1 + 1, j)) <= 4:
            # an indirect question right after the verb: "объясняет, какое влияние …", "уточнил, когда …"
            c.frame = "that"
            c.ctok = (j + 1, _content_end(S, j + 1))
            return
        if S.text[j] == ":":
            c.frame = "colon"
            c.ctok = (j + 1, _content_end(S, j + 1))
            return
        if S.text[j] == "," and j + 1 < S.n and (S.low[j + 1] in fw["comp"] or S.low[j + 1] in fw["how"]):
            j += 1
            continue
        if S.text[j] == "," and j + 1 < S.n and _markup(S, j + 1):
            nx = j + 1
            while nx < S.n and _markup(S, nx):
                nx += 1       # "[заявило,](https://…) что …": the link between the comma and "что"
            if nx < S.n and S.low[nx] in fw["comp"]:
                c.frame = "that"
                c.ctok = (nx + 1, _content_end(S, nx + 1))
                return
        if S.text[j] == "," and j + 1 < S.n and S.feats[j + 1].get("VerbForm") == "Conv" \
                and (S.lem[j + 1] in fw["ref_verbs"] or not _is_report_verb(S, j + 1, R)):
            # "сообщил, сославшись на источник, что …": the clause after the gerund phrase
            k = j + 2
            while k < min(S.n, j + 12) and S.text[k] not in (",", ".", ";", ":", "—"):
                k += 1
            if k + 1 < S.n and S.text[k] == "," and S.low[k + 1] in fw["comp"]:
                j, limit = k + 1, max(limit, k + 3)
                continue
        if S.text[j] in (",", ";", ".", "!", "?", "—", "–"):
            break
        if S.finite(j) and j > after:
            break
        j += 1
    # 2. a "как"-frame: "Как отметил X, P" / "P, как отметил X"
    k = v0 - 1
    while k >= 0 and (S.upos[k] == "ADV" or S.low[k] in fw["neg"]):
        k -= 1
    if k >= 0 and S.low[k] in fw["how"] and (k == 0 or S.text[k - 1] in (",", "—") or S.low[k - 1] in fw["coord"]
                                             or all(_markup(S, x) for x in range(0, k))):   # "** Как полагает X, …"
        c.frame = "as"
        right_end = spk[1] if spk and spk[0] > v1 else v1
        comma = _first_bound(S, right_end + 1, (",", ".", ";", "—"))
        if k <= 1:
            if comma + 2 <= S.n - 1:
                c.ctok = (comma + 2, _content_end(S, comma + 2))
        else:
            e = k - 1
            while e >= 0 and S.text[e] in (",", "—"):
                e -= 1
            c.ctok = (0, e) if e >= 0 else None
        return
    # 3. inversion: "P, заявил X" / "«P», — сказал он" / "P, he said"
    first = v0
    if spk and spk[1] < v0 and all(S.upos[x] in ("ADV", "AUX", "PART") or S.low[x] in fw["neg"]
                                   for x in range(spk[1] + 1, v0)):
        first = spk[0]
    p = first - 1
    while p >= 0 and (S.low[p] in fw["neg"] or S.upos[p] in ("ADV",) and S.text[p] not in _BOUND or _markup(S, p)):
        p -= 1        # "«…», — [сообщил](https://…) музей": the link around the verb
    impersonal = (c.head_lemma or c.verb_lemma) in fw["impersonal"] or S.low[c.v] in fw["impersonal"] \
        or S.feats[c.v].get("Variant") == "Short"
    spk_ok = (spk is None and impersonal) or (spk is not None and (spk[0] > v1 or first == spk[0]))
    fronted = any(S.low[x] in fw["comp"] for x in range(0, min(p, 4)))   # "О том, что …, Песков не упомянул"
    if spk_ok and spk is not None and spk[0] < v0 and p >= 1 and S.text[p] == "," and S.lang != "en" \
            and not fronted and S.text[p - 1] not in QUOTE_CHARS and S.text[p - 1] not in ("—", "–"):
        # "На видео, …, он показал …": a subject before its verb after a plain comma is no inversion
        # (Russian and Ukrainian invert a postposed reporting clause; English "P, Grossi said" does not)
        spk_ok = False
    if spk_ok and p >= 1 and (S.text[p] in (",", "—", "–", "-") or S.text[p] in "»”\""):
        e = p
        while e >= 0 and S.text[e] in (",", "—", "–", "-"):
            e -= 1
        if e >= 1 or (e == 0 and S.text[e] in "»”\""):
            start = 0
            # the content is the clause before the comma, not a preceding source phrase
            c.frame = "inverted"
            c.ctok = (start, e)
            return
    if p == 0 and S.text[0] in "»”\"":
        c.frame = "inverted"
        c.ctok = (0, 0)
        return
    # 4. anaphoric "об этом сообщил X" / "это заявил X"
    lo = _clause_left(S, v0)
    window = S.low[lo:v0] + S.low[v1 + 1: min(S.n, v1 + 3)]
    pairs = set(zip(window, window[1:]))
    if (any(a in fw["about"] and b in fw["this"] for a, b in pairs)
            or (lo < v0 and S.low[lo] in fw["this"]) or ("с", "таким") in pairs):
        c.frame = "anaphoric"
        c.ctok = None
        return
    # 5. English complement without "that": "claimed its air defences had destroyed …"
    if S.lang == "en":
        rest = range(after, _content_end(S, after) + 1)
        if any(S.upos[x] in ("VERB", "AUX") for x in rest) and len(rest) >= 3:
            c.frame = "that"
            c.ctok = (after, _content_end(S, after))
            return
    # 6. a noun phrase or nothing
    a = after
    b = _first_bound(S, a)
    if spk and spk[0] >= a and spk[0] <= b:
        if spk[0] == a:
            a = spk[1] + 1
            b = _first_bound(S, a) if a < S.n else a - 1
        else:
            b = spk[0] - 1
    if b >= a and any(not S.bound(x) for x in range(a, b + 1)):
        c.frame = "nominal"
        c.ctok = (a, b)
    else:
        c.frame = "none"
        c.ctok = None


def _requires_ok(S: _Sent, c: _Cue, R: _Res, quotes) -> bool:
    if c.frame in ("nominal", "none") and c.ctok is None and c.spk is not None:
        fronted = _content.fronted_infinitive(S, c)
        if fronted is not None:
            c.ctok, c.frame = fronted, "nominal"      # "Дать гражданство … попросили общественники"
            return True
    if c.frame in ("nominal", "none") and c.requires not in ("quote", "quoted", "direct", "comment", "about"):
        governed = _content.governed_content(S, c)
        if governed is not None:
            if c.ctok is None:
                c.ctok, c.frame = governed, "nominal"   # "Котов вину не признал"
            return True
    if c.frame in ("nominal", "none") and any(l in R.words.get("addressee_verb", ()) for l in S.lems[c.v]) \
            and not c.negated:
        # "проинформировал Международный комитет", "спросил его": only the one addressed, no content
        a, b = c.ctok if c.ctok else (c.v + 1, c.v)
        return any(S.upos[x] == "ADP" and S.low[x] not in ("у", "от", "з", "від", "в", "во") for x in range(a, min(b + 1, a + 3))) \
            or _content.pp_content(S, c, R, a, b) or any(S.low[x] in R.fw["about"] or S.feats[x].get("VerbForm") == "Inf" or S.text[x] in QUOTE_CHARS
                   for x in range(a, b + 1))   # "призвал (граждан) к миру", "предупредил о …", "попросил уйти"
    if c.requires in ("", "-") or c.quoted_src:
        return True
    if c.requires == "quoted":
        return False      # "приводить" only with the quoted words as object ("приводит слова губернатора")
    if c.requires == "direct":
        return c.frame in ("inverted", "colon")
    if c.requires == "comment":
        # "прокомментировал ситуацию" reports no content; a refusal stays (negated)
        return c.negated or c.frame in ("that", "colon", "inverted", "as", "anaphoric")
    if c.requires == "about" and c.frame == "anaphoric":
        return False      # "за это поблагодарил": thanks, not a report
    if c.frame in ("that", "colon", "inverted", "as", "anaphoric"):
        return True
    lo = _clause_left(S, c.cue[0])
    if lo < c.cue[0] and S.low[lo] in R.fw["about"] and c.verb_class != "emotive" and c.requires != "quote":
        return True           # a fronted topic: "О планах Норвегии … сообщалось и ранее"
    if c.frame == "nominal" and c.ctok:
        a, b = c.ctok
        while a < b and S.upos[a] in ("ADV", "PART") and S.low[a] not in R.fw["neg"]:
            a += 1            # "Сообщается также о …"
        has_quote = any(q.open >= S.start[a] - 1 and q.close <= S.end[b] and q.kind != "name" for q in quotes)
        if c.requires == "about":
            # "поблагодарил ОАЭ за посредничество", not "поблагодарил гостей"
            return has_quote or any(S.low[x] in ("за", "о", "об", "обо", "про", "for", "about")
                                    for x in range(a, min(b + 1, a + 6)))
        predicative = any(S.case(x) == "Ins" and ((S.upos[x] == "ADJ" or x == a) and S.upos[x] in ("ADJ", "NOUN")
                                                 or S.feats[x].get("VerbForm") == "Part")
                          for x in range(a, b + 1)) \
            or (a + 1 <= b and S.upos[a] == "PRON" and S.case(a) == "Acc" and S.case(a + 1) == "Ins"
                and S.upos[a + 1] in ("NOUN", "ADJ"))   # "считает ошибкой", "считает итоги сфальсифицированными", "считает себя россиянином"
        if c.requires == "quote":
            # "назвали удар атакой", "назвал его противоречащим Конституции", "грозит санкциями",
            # "назвал марш «PR-акцией»": a quotation (a quoted name too) or an instrumental
            return has_quote or any(q.open >= S.start[a] - 1 and q.close <= S.end[b] for q in quotes) \
                or any(S.case(x) == "Ins" and (S.upos[x] in ("ADJ", "NOUN") or S.feats[x].get("VerbForm") == "Part")
                       for x in range(a, b + 1))
        if _content.stance_object(S, c, R, a, b) or _content.pp_content(S, c, R, a, b):
            return True       # "ожидают снижения ставки", "заверил в безопасности", "осудил X за …" (form other)
        if c.requires in ("clause", *_content.STANCE) and c.verb_class == "belief" and predicative and c.spk is not None \
                and (c.head_lemma or c.verb_lemma) not in R.fw["impersonal"]:
            return True       # "считают выдачу незаконной": a stance with a predicative (form other)
        if has_quote:
            return True
        if S.low[a] in R.fw["about"] and c.verb_class != "emotive":
            return True       # a topic: "объявил о …", "напомнил о …", "предупредил о …"
        if c.verb_class == "admission" and any(S.case(x) == "Ins" and S.upos[x] == "ADJ" for x in range(a, min(b + 1, a + 3))) \
                and any(S.low[x] in ("в", "во", "у", "по") for x in range(a, min(b + 1, a + 5))):
            return True       # a verdict: "признали виновным в …", "признала виновным по ч. 2 ст. 214"
        if c.verb_class in ("accusation", "denial", "admission") and S.case(a) == "Acc" \
                and S.upos[a] in ("NOUN", "ADJ", "DET", "PRON") \
                and not any(S.case(x) == "Ins" for x in range(a, b + 1)):     # not "признал компанию банкротом"
            return True       # an object as content: "осудил нападение", "оспорил решение", "признал вину"
        if c.verb_class in ("directive", "commissive") and any(S.feats[x].get("VerbForm") == "Inf"
                                                              for x in range(a, min(b + 1, a + 5))):
            return True
        if S.low[a] in ("на",) and c.verb_lemma in ("указать", "указывать", "вказати", "вказувати"):
            return True
    return False


# --- cue finders -------------------------------------------------------------------------
def _negated(S: _Sent, i: int, R: _Res) -> bool:
    k = i - 1
    steps = 0
    while k >= 0 and steps < 3:
        if S.low[k] in R.fw["neg"]:
            return True
        if S.bound(k) or S.upos[k] not in ("ADV", "PART", "AUX", "PRON") and S.lang != "en":
            if S.low[k] not in R.fw["neg"]:
                return False
        if S.lang == "en" and S.upos[k] not in ("ADV", "PART", "AUX"):
            return False
        k -= 1
        steps += 1
    return False


def _verb_cues(S: _Sent, R: _Res) -> list[_Cue]:
    out = []
    taken = set()
    ev = R.fw.get("evident")
    for i in range(S.n):
        u = S.upos[i]
        if ev and S.lem[i] == ev[0] and i + 1 < S.n and S.low[i + 1] == ev[1] and S.feats[i].get("Person") not in ("1", "2"):
            # "стало известно": an agentless evidential (lemma "известный" by the guideline)
            c = _Cue(S, i, (i, i + 1), " ".join(S.text[i: i + 2]), ev[2], "neutral", "", "verb")
            c.negated = _negated(S, i, R)
            k = i + 2 + (i + 2 < S.n and S.text[i + 2] in QUOTE_CHARS)
            m = _media_at(S, k, R) if k < S.n else None
            e = S.ent_at(k) if k < S.n else None
            if m or (e and e["type"] in ("ORG", "PER") and e["a"] == k):
                c.spk = (k, m[0] if m else e["b"])     # "стало известно РБК": the medium that learnt it
            out.append(c)
            taken.update((i, i + 1))
            continue
        # light verb + speech noun: "выразил обеспокоенность", "отказался от комментариев"
        lv = next((l for l in S.lems[i] if l in R.colloc), None)
        if lv and S.feats[i].get("Person") in ("1", "2"):
            lv = None
        if lv and S.feats[i].get("VerbForm") == "Inf" and not (i > 0 and any(l in R.fw["aux_inf"] for l in S.lems[i - 1])):
            lv = None
        if lv and u in ("VERB", "AUX"):
            hit = None
            for j in list(range(i + 1, min(S.n, i + 5))) + list(range(i - 1, max(-1, i - 7), -1)):
                if S.text[j] in (".", ";", ":", "!", "?"):
                    continue
                for noun, cls in R.colloc[lv]:
                    if noun in S.lems[j] or S.low[j] == noun:
                        hit = (j, noun, cls)
                        break
                if hit:
                    break
            if hit:
                j, noun, cls = hit
                words = S.low[i + 1: j] if j > i else []
                lemma = " ".join([lv, *[w for w in words if w not in R.fw["neg"]], S.low[j]]) if j > i else f"{lv} {S.low[j]}"
                c = _Cue(S, i, (min(i, j), max(i, j)), " ".join(S.text[min(i, j): max(i, j) + 1]),
                         lemma, cls, "", "collocation")
                c.negated = _negated(S, i, R) or cls == "refusal"
                if cls == "refusal":
                    c.verb_class = "refusal"
                out.append(c)
                taken.update(range(min(i, j), max(i, j) + 1))
                continue
        if i in taken:
            continue
        lem = next((l for l in S.lems[i] if l in R.verbs), None)
        if u == "ADJ" and S.feats[i].get("Variant") == "Short" and S.lang != "en":
            # a short predicative lemmatised as its verb ("уверены" → уверить): the adjective's entry
            pred = next((l for l in R.verbs if l.endswith(("ный", "ний")) and len(l) > 5
                         and S.low[i].startswith(l[:-3]) and R.verbs[l][1] == "clause"), None)
            lem = pred or lem
        if lem is None:
            continue
        cls, req = R.verbs[lem]
        if req == "object":
            continue
        vf = S.feats[i].get("VerbForm")
        if S.feats[i].get("Mood") == "Imp" or S.feats[i].get("Person") == "2" \
                or (S.feats[i].get("Person") == "1" and not _in_quote(S, i)):
            continue      # the author's "скажем", "зазначу"; inside a quotation "я спросил" is the speaker's
        if vf == "Conv" and lem in ("говорить", "говорити", "казати", "сказать"):
            continue      # "проще говоря", "говоря о"
        k = i - 1
        while k >= 0 and not S.bound(k) and i - k <= 6 and S.low[k] not in R.words.get("author_adverb", ()):
            k -= 1
        if k >= 0 and S.low[k] in R.words.get("author_adverb", ()) and not _in_quote(S, i):
            continue      # "Подробнее … рассказывали в Mash Room": the outlet points to its own texts
        if u == "ADJ" and req == "clause" and S.lang != "en":
            # predicative adjective: "эксперты уверены, что"
            if not ((i + 2 < S.n and S.text[i + 1] == "," and S.low[i + 2] in R.fw["comp"])
                    or (i + 1 < S.n and S.text[i + 1] == ":")
                    or (i > 0 and S.text[i - 1] in ("—", "–") and i + 1 < S.n and not S.bound(i + 1))):
                continue      # "уверены, что …", "уверены: …", "…, — уверен военкор"
            be = "быть" if S.lang == "ru" else "бути"
            ins = lem[:-2] + ("ым" if S.lang == "ru" else "им")
            c = _Cue(S, i, (i, i), S.text[i], f"{be} {ins}", cls, req, "verb")
            c.negated = _negated(S, i, R)
            out.append(c)
            continue
        if u not in ("VERB", "AUX"):
            if not (S.lang == "en" and u in ("X", "_", "NOUN") and S.low[i] in _EN_IRREGULAR) \
                    and not (S.lang != "en" and u == "NOUN" and S.lem[i] == lem and lem.endswith(("ть", "ться", "ти", "тися"))
                             and S.low[i] != lem):
                continue      # a verb the tagger read as a noun ("передаёт" with ё) keeps its verb lemma
        if vf == "Part" and S.feats[i].get("Variant") != "Short":
            continue
        if vf == "Part" and not (S.feats[i].get("Gender") in (None, "Neut") and S.feats[i].get("Number") != "Plur") \
                and lem not in R.words.get("passive_report", ()):
            continue      # "Яшин объявлен «иноагентом»", "осуждены за кражу": the subject of a passive is no
            # speaker ("сказано" stays; "обвинен в …", "признана виновной" are reports with an unnamed source)
        if vf == "Inf":
            k = i - 1
            if S.lang == "en" and k >= 0 and S.low[k] == "to":
                k -= 1
            if k >= 1 and S.lem[k] in ("быть", "бути"):
                k -= 1
            if k < 0 or not any(l in R.fw["aux_inf"] for l in S.lems[k]):
                continue
            c = _Cue(S, i, (k, i), " ".join(S.text[k: i + 1]), lem, cls, req, "infinitive")
            c.negated = _negated(S, k, R) or any(l in ("отказаться", "отказываться", "відмовитися", "decline", "refuse")
                                                 for l in S.lems[k])
            out.append(c)
            continue
        if S.lang == "en" and i > 0 and (S.upos[i - 1] in ("DET", "ADJ") or S.low[i - 1] in ("'s", "’s")):
            continue
        c = _Cue(S, i, (i, i), S.text[i], lem, cls, req, "verb")
        c.negated = _negated(S, i, R)
        out.append(c)
    return out


def _source_phrase_cues(S: _Sent, R: _Res) -> list[_Cue]:
    out = []
    fw = R.fw
    for i in range(S.n):
        t = S.low[i]
        if t in fw["src_prep"] or (t == "со" and i + 1 < S.n and S.lem[i + 1] == "слово"):
            poss = None
            j = i + 1
            while j < min(S.n, i + 4):
                if S.low[j] in fw["poss"]:
                    poss = j
                    j += 1
                    continue
                if (S.upos[j] in ("ADJ", "DET") or S.feats[j].get("VerbForm") == "Part") and S.low[j] not in fw["poss"]:
                    j += 1
                    continue
                break
            if j >= S.n:
                continue
            if poss is None and any(S.low[x] in R.words.get("author_possessive", ()) for x in range(i + 1, j)) \
                    and not _in_quote(S, i):
                continue      # "по нашей информации": the author's own voice
            cls = R.source_nouns.get(S.lem[j], R.source_nouns.get(S.low[j]))
            if cls is None:
                continue
            if t == "на" and S.lem[j] not in ("думка",):
                continue
            name = f"{t} {S.low[j]}"
            c = _Cue(S, j, (i, j), " ".join(S.text[i: j + 1]), name, cls, "", "according_to")
            if poss is not None:
                c.spk, c.spk_head = (poss, poss), poss
            elif j + 1 < S.n and not S.bound(j + 1) and (S.upos[j + 1] in _NOMINAL | {"PRON"}
                                                        or S.feats[j + 1].get("VerbForm") == "Part") \
                    and (S.lang == "en" or S.case(j + 1) in (None, "Gen")):
                c.spk = _np(S, j + 1, j + 1, S.n - 1)
                c.spk_head = j + 1
            if cls == "distancing":
                c.markers.append(name)
            out.append(c)
        elif t in fw["according"] and i + 1 < S.n and S.low[i + 1] == "to" and i + 2 < S.n:
            c = _Cue(S, i, (i, i + 1), " ".join(S.text[i: i + 2]), "according to", "neutral", "", "according_to")
            h = i + 2
            while h < S.n and S.upos[h] in ("DET", "ADJ") and h < i + 5:
                h += 1
            if h < S.n and not S.bound(h):
                a, b = _np(S, h, i + 2, S.n - 1)
                c.spk, c.spk_head = (i + 2, b), h
            out.append(c)
        elif t in fw["per_prep"]:
            k = i + 1
            if k < S.n and S.low[k] in ("з", "із", "зі"):
                k += 1
            if k >= S.n or S.bound(k):
                continue
            j = k
            while j < min(S.n, k + 3) and (S.upos[j] in ("ADJ", "DET") or S.feats[j].get("VerbForm") == "Part"):
                j += 1        # "согласно обновленным данным"
            cls = R.source_nouns.get(S.lem[j], R.source_nouns.get(S.low[j])) if j < S.n else None
            if cls is not None:
                # "согласно данным Росстата", "согласно предварительным данным": the noun is the cue's
                # lemma (as "по данным"); the speaker is its genitive, or none
                c = _Cue(S, j, (i, j), " ".join(S.text[i: j + 1]), f"{t} {S.low[j]}", cls, "", "according_to")
                g = j + 1
                if g < S.n and not S.bound(g) and S.upos[g] in _NOMINAL and S.case(g) in (None, "Gen"):
                    c.spk, c.spk_head = _np(S, g, g, S.n - 1), g
                if cls == "distancing":
                    c.markers.append(f"{t} {S.low[j]}")
                out.append(c)
                continue
            a, b = _np(S, k, k, S.n - 1) if S.upos[k] in _NOMINAL else (k, k)
            # the NP must name a speaker: an entity, a medium, a speaker noun
            named = [x for x in range(a, b + 1) if S.ent_at(x) or _media_at(S, x, R) or S.lem[x] in R.heads]
            head_doc = S.lem[k] in fw["doc_nouns"] or S.lem[a] in fw["doc_nouns"]
            if not named and head_doc:
                # "согласно отчету информационного центра": the document's owner, else the document
                doc = k if S.lem[k] in fw["doc_nouns"] else a
                owner = next((x for x in range(doc + 1, b + 1) if S.upos[x] in ("NOUN", "PROPN", "X")), None)
                named = [doc + 1 if owner is not None else doc]
            if not named:
                continue
            spk = (named[0], b) if head_doc else (a, b)
            c = _Cue(S, i, (i, i if k == i + 1 else k - 1), S.text[i] if k == i + 1 else " ".join(S.text[i:k]),
                     " ".join(S.low[i:k]) if k > i + 1 else t, "neutral", "", "according_to")
            c.spk, c.spk_head = spk, named[0]
            out.append(c)
        elif S.lem[i] in fw["ref_verbs"] and S.lang != "en" and i + 2 < S.n and S.low[i + 1] == fw["ref"][2] \
                and not S.bound(i + 2) and S.feats[i].get("Person") not in ("1", "2"):
            # "ссылаясь на источники", "сославшись на пресс-службу": the source is the NP after "на"
            c = _Cue(S, i, (i, i + 1), " ".join(S.text[i: i + 2]), S.lem[i], "neutral", "", "reference")
            c.spk = _np(S, i + 2, i + 2, S.n - 1)
            c.spk_head = i + 2
            out.append(c)
        elif len(fw["ref"]) == 3 and (t == fw["ref"][0] or (S.lang == "uk" and t in ("із", "зі"))) \
                and S.low[i + 1: i + 3] == list(fw["ref"][1:]) and i + 3 < S.n:
            h = i + 3
            if S.bound(h):
                continue
            c = _Cue(S, i, (i, i + 2), " ".join(S.text[i: i + 3]), " ".join(fw["ref"]), "neutral", "", "reference")
            c.spk = _np(S, h, h, S.n - 1)
            c.spk_head = h
            out.append(c)
        elif S.lem[i] in R.words.get("source_verb_from", ()) and S.upos[i] in ("VERB", "AUX") and (
                (i + 2 < S.n and S.low[i + 1] in ("из", "з", "із"))
                or any(S.low[x] in ("из", "з", "із") for x in range(max(0, i - 10), i))):
            # "следует из заявления главы администрации", "Из заявлений Вашингтона … следовало, что":
            # the owner of the statement, else the document
            fr = i + 1 if i + 1 < S.n and S.low[i + 1] in ("из", "з", "із") else \
                next(x for x in range(max(0, i - 10), i) if S.low[x] in ("из", "з", "із"))
            if fr < i and any(S.finite(x) or S.text[x] in (".", ":", ";") for x in range(fr + 1, i)):
                continue
            k = fr + 1
            while k < S.n and S.upos[k] in ("ADJ", "DET") and k < i + 5:
                k += 1
            if k >= S.n or not (S.lem[k] in R.speech_acts or S.lem[k] in fw["doc_nouns"]):
                continue
            cue = (i, i + 1) if fr == i + 1 else (i, i)
            c = _Cue(S, i, cue, " ".join(S.text[cue[0]: cue[1] + 1]), S.lem[i], "neutral", "", "from")
            g = k + 1
            if g < S.n and not S.bound(g) and S.upos[g] in _NOMINAL and S.case(g) in (None, "Gen"):
                c.spk, c.spk_head = _np(S, g, g, S.n - 1), g
                if fr < i:        # the owners as far as the verb: "Вашингтона, Сеула и Киева"
                    c.spk = (g, max(c.spk[1], i - 1))
            else:
                c.spk, c.spk_head = (fr + 1, k), k
            out.append(c)
        elif len(fw["ref"]) == 1 and t == fw["ref"][0] and i + 1 < S.n and not S.bound(i + 1):
            c = _Cue(S, i, (i, i), S.text[i], t, "neutral", "", "reference")
            c.spk = _np(S, i + 1, i + 1, S.n - 1)
            c.spk_head = i + 1
            out.append(c)
    return out


def _loc_speaker(S: _Sent, v: int, R: _Res, want_speech: bool, speech_class: bool = True):
    """"в Кремле заявили", "говорится в заявлении МИД": the speaker in a locative phrase.
    A source before the verb is taken first ("В ООН подтвердили удар по объекту в Фордо"); after
    the verb only one that follows it closely ("заявили в Кремле"), a speech noun anywhere in
    the clause ("говорится в сообщении")."""
    lo = v - 1
    while lo >= 0 and (not S.bound(lo) or S.text[lo] in QUOTE_CHARS):
        lo -= 1
    lo += 1
    hi = _first_bound(S, v + 1) if v + 1 < S.n else v
    place = None
    if want_speech:
        order = list(range(v + 1, hi + 1)) + list(range(v - 1, lo - 1, -1))
    else:
        order = list(range(v - 1, lo - 1, -1)) + list(range(v + 1, min(hi, v + 3) + 1))
    for j in order:
        if S.low[j] not in R.fw["loc"]:
            continue
        if j + 1 < S.n and S.upos[j + 1] == "PRON" and S.low[j + 1] in R.fw["loc_pron"]:
            return (j + 1, j + 1), j + 1, None     # "В нем говорится о …": the pronoun, resolved later
        k = j + 1
        while k < S.n and (S.upos[k] in ("ADJ", "DET") or S.text[k] in QUOTE_CHARS
                           or S.feats[k].get("VerbForm") == "Part") and k < j + 4:
            k += 1            # "в правящей партии": a participle modifies the noun too
        if k >= S.n or S.upos[k] not in ("NOUN", "PROPN", "X"):
            continue
        if S.lem[k] in R.speech_acts or S.low[k] in R.speech_acts:
            g = k + 1
            if g + 2 < S.n and S.upos[g] == "ADP" and S.upos[g + 1] == "NOUN" and S.case(g + 2) in ("Gen", None) \
                    and S.upos[g + 2] in ("NOUN", "PROPN", "X"):
                g += 2
            if g < S.n and not S.bound(g) and S.upos[g] in _NOMINAL:
                return _np(S, g, g, S.n - 1), g, (j, k)
            return None, None, (j, k)
        if want_speech and S.lem[k] in R.fw["doc_nouns"]:
            # "в документе сказано": a document with no owner is itself the source; with one, the owner
            g = k + 1
            if g < S.n and not S.bound(g) and S.upos[g] in ("NOUN", "PROPN", "X") and S.case(g) in ("Gen", None):
                return _np(S, g, g, S.n - 1), g, None
            return (k, k), k, None
        if want_speech:
            continue
        if S.lang != "en" and S.case(k) not in (None, "Loc") and S.upos[k] != "PROPN" and not S.ent_at(k) \
                and S.lem[k] not in R.heads:
            continue
        owner = k + 1
        while owner < S.n and S.upos[owner] in ("ADJ", "DET") and owner < k + 3:
            owner += 1
        owned = owner < S.n and S.case(owner) == "Gen" and S.ent_at(owner) is not None \
            and str(S.ent_at(owner)["type"]).upper() in ("PER", "ORG")     # "в резиденции Деда Мороза"
        e = k
        while e + 1 < v and S.upos[e + 1] in ("NOUN", "PROPN", "ADJ", "X") and S.case(e + 1) in (None, "Gen"):
            e += 1
        adjacent = (e + 1 == v or (j == v + 1 and speech_class)) and S.feats[v].get("Number") == "Plur" \
            and S.case(k) == "Loc"     # not "обвинили в махинациях": the charge
        # "В музее обещают …", "сообщили в ливанском минздраве"
        if not (S.ent_at(k) or S.upos[k] in ("PROPN", "X") or S.text[k][:1].isupper() or S.lem[k] in R.heads
                or _unsure_case(S, k) or _media_at(S, k, R) or owned or adjacent):
            continue      # "в ответе ему заявили": not a speaker
        a, b = _np(S, k, k, S.n - 1)
        if owned:
            b = max(b, S.ent_at(owner)["b"])
        modified = S.upos[j + 1] in ("ADJ", "DET") or S.feats[j + 1].get("VerbForm") == "Part"
        found = ((j + 1 if modified else k, b), k, None)
        e = S.ent_at(k)
        if e is not None and str(e["type"]).upper() in ("LOC", "GPE") and not S.lem[k] in R.heads:
            place = place or found      # a place is a speaker only when nothing else is named
            continue
        return found
    if place is not None:
        return place
    if not want_speech:
        # "отметили там", "Там подчеркнули": the place named before
        for j in list(range(v + 1, hi + 1)) + list(range(v - 1, lo - 1, -1)):
            if S.low[j] == "там":
                return (j, j), j, None
    return None, None, None


def _names_source(S: _Sent, a: int, b: int, R: _Res) -> bool:
    """The tokens a..b name a possible source: a person or organisation entity (not a place),
    a medium, or a speaker noun of ``anonymous_sources.tsv`` ("спасатели", "глава ВТБ")."""
    for x in range(a, b + 1):
        e = S.ent_at(x)
        if (e and str(e["type"]).upper() in ("PER", "ORG")) or _media_at(S, x, R) or S.lem[x] in R.heads \
                or (S.upos[x] == "PROPN" and S.feats[x].get("Animacy") == "Anim" and not e):
            return True
    return False


def _lead(S: _Sent) -> int:
    """The first token that is not markup, an emoji or a bullet ("**", "▪️", "⚡️")."""
    i = 0
    while i < S.n and (_markup(S, i) or not any(ch.isalnum() for ch in S.text[i])) and S.text[i] not in QUOTE_CHARS:
        i += 1
    return i


def _colon_cues(S: _Sent, R: _Res, quotes) -> list[_Cue]:
    """Headline and interview formats: "Песков: «…»", "Минобороны: силы ПВО сбили …" (a
    source, a colon, the content) and "Цены вырастут — глава ВТБ Андрей Костин" (the content,
    a dash, a source at the end of its line).  A colon paraphrase needs the sentence to start
    its line and three words of content, so "Фото: Reuters" is no row."""
    out = []
    lead = _lead(S)
    for k in range(lead + 1, min(S.n - 1, lead + 25)):
        if S.text[k] != ":":
            continue
        if k >= lead + 10 and not (S.text[k + 1] in "«\"“„" and any(S.low[x] in R.fw["about"] for x in range(lead + 1, k))):
            break     # a long lead only as "X о …: «…»" ("Полянский о последствиях разрешений …: «…»")
        if any(S.finite(x) for x in range(lead, k)) \
                or any(S.bound(x) and S.text[x] not in QUOTE_CHARS and not _markup(S, x) for x in range(lead, k)):
            break
        xe = k - 1
        while xe >= lead and (_markup(S, xe) or S.text[xe] in QUOTE_CHARS and xe == k - 1 and False):
            xe -= 1
        # "Песков о переговорах: …": the source is the noun phrase before the preposition
        adp = next((x for x in range(lead + 1, xe + 1) if S.low[x] in R.fw["about"]), None) if k >= lead + 10 else None
        adp = adp if adp is not None else next((x for x in range(lead + 1, xe + 1) if S.upos[x] == "ADP"), None)
        if adp is not None:
            xe = adp - 1
        h = next((x for x in range(xe, lead - 1, -1) if S.upos[x] in ("PROPN", "NOUN", "X")), None)
        label = " ".join(S.low[lead: xe + 1])
        head = next((x for x in range(lead, xe + 1) if S.upos[x] in ("NOUN", "PROPN", "X")), h)
        if h is None or not _names_source(S, lead, xe, R) or label in R.words.get("headline_label", ()) \
                or S.lem[lead] in R.words.get("headline_label", ()) \
                or S.lem[head] in R.speech_acts or S.lem[head] in R.fw["doc_nouns"]:
            break     # "Другие заявления президента:": a list of statements, not a source
        nxt = S.text[k + 1] if k + 1 < S.n else ""
        quoted = nxt in "«\"“„"
        words = [x for x in range(k + 1, S.n) if any(ch.isalnum() for ch in S.text[x])]
        if not quoted and not (getattr(S, "line_start", True) and len(words) >= 3):
            break
        c = _Cue(S, k, (k, k), ":", "", "neutral", "", "colon")
        c.spk = (lead, xe)
        c.spk_head = h
        c.frame = "colon"
        c.ctok = (k + 1, _content_end(S, k + 1)) if k + 1 < S.n else None
        out.append(c)
        break
    # trailing "— Politico", "— глава ВТБ Андрей Костин"
    e = _content_end(S, 0)
    while e > 0 and _markup(S, e):
        e -= 1
    for d in range(max(lead + 3, e - 8), e + 1):
        if S.text[d] not in ("—", "–"):
            continue
        a = d + 1
        while a <= e and (S.text[a] in QUOTE_CHARS or _markup(S, a)):
            a += 1
        for x in range(a, e):
            if S.low[x: x + 3] == list(R.fw["ref"]) or S.lem[x] in R.fw["ref_verbs"]:
                e = x - 1      # "— ТАСС со ссылкой на опрос": the reference has its own row
                break
        if a > e or any(S.finite(x) or S.upos[x] == "VERB" or (S.bound(x) and S.text[x] not in QUOTE_CHARS)
                        for x in range(a, e + 1)):
            continue
        p = d - 1
        while p >= 0 and (S.text[p] in QUOTE_CHARS or S.text[p] == ","):
            p -= 1
        if p >= 0 and S.upos[p] in ("NOUN", "PROPN") and S.feats[p].get("Animacy") == "Anim":
            break          # "после реформ предшественника — Александра II"
        while p > 0 and S.upos[p] in ("NOUN", "PROPN", "ADJ") and S.case(p) == "Gen" and S.upos[p - 1] in ("NOUN", "PROPN", "ADJ"):
            p -= 1         # "другой сотрудник клуба": the head of the noun phrase before the dash
        if p >= 0 and S.upos[p] in ("NOUN", "PROPN") and (S.feats[p].get("Animacy") == "Anim" or S.case(p) == "Ins"):
            break          # "Погиб актер — Иван Иванов", "главой правительства — Бганба": apposition, gapping
        m = _media_at(S, a, R)
        ent = S.ent_at(a)
        medium = (m and m[0] >= e - 1) or (ent and ent["b"] >= e - 1 and ent["type"] == "ORG")
        if not medium and not (getattr(S, "line_end", False) and _names_source(S, a, e, R)
                               and (_nomlike(S, a) or _unsure_case(S, a))):
            continue
        c = _Cue(S, d, (d, d), S.text[d], "", "neutral", "", "dash")
        c.spk = (a, e)
        c.spk_head = next((x for x in range(a, e + 1) if S.upos[x] in ("NOUN", "PROPN", "X")), a)
        c.frame = "inverted"
        b = d - 1
        while b >= 0 and S.text[b] in (",",):
            b -= 1
        c.ctok = (lead, b)
        out.append(c)
        break
    return out


# --- the sentence pass -------------------------------------------------------------------
def _in_quote(S: _Sent, i: int) -> bool:
    """Token ``i`` stands inside a quotation (not a quoted name)."""
    return any(a <= S.start[i] < b for a, b in getattr(S, "quote_spans", ()))


def _first_person(S: _Sent, c: _Cue, R: _Res, syntax: bool):
    """"«Я у него спросил: …»": the first-person subject of a verb inside a quotation."""
    fp = R.words.get("first_person", ())
    if syntax:
        k = next((k for k in S.children[c.v] if S.deprel[k] == "nsubj" and S.low[k] in fp), None)
        if k is not None:
            return k
    j = c.cue[0] - 1
    while j >= 0 and not S.bound(j) and c.cue[0] - j <= 4:
        if S.low[j] in fp and S.case(j) in (None, "Nom"):
            return j
        j -= 1
    return None


def _sentence_cues(S: _Sent, R: _Res, syntax: bool, quotes) -> list[_Cue]:
    S.quote_spans = [(q.inner[0], q.inner[1]) for q in quotes if q.kind != "name"
                     and q.open < S.end[-1] and q.close > S.start[0]]
    cues = _verb_cues(S, R)
    phrase = _source_phrase_cues(S, R)
    covered = set()
    for c in phrase:
        covered.update(range(c.cue[0], c.cue[1] + 1))
    cues = [c for c in cues if c.v not in covered]
    final = []
    for c in cues:
        v = c.v if c.pattern != "infinitive" else c.cue[0]
        head_v = v
        lem = c.verb_lemma
        impersonal = lem in R.fw["impersonal"] or S.low[c.v] in R.fw["impersonal"]
        spk_head = None
        if syntax and not impersonal:
            spk_head = _syn_subject(S, c.v, R)
            if spk_head is not None:
                c.spk = _syn_span(S, spk_head)
                a, b = c.spk
                if S.upos[spk_head] in ("ADJ", "DET") and b == spk_head and b + 1 < S.n \
                        and S.upos[b + 1] in ("NOUN", "PROPN") and S.case(b + 1) == S.case(spk_head):
                    # a parse that heads "объединённая пресс-служба судов" by its adjective
                    spk_head = b + 1
                    c.spk = (a, _syn_span(S, b + 1)[1])
                c.pattern += "+syntax"
        if spk_head is None and not impersonal:
            ante = _relative_antecedent(S, head_v, R)
            if ante is not None:
                spk_head = ante
                c.spk = _np(S, ante, 0, S.n - 1)
                c.pattern += "+relative"
        if spk_head is None and not impersonal:
            lc = _left_candidate(S, head_v, R)
            rc = _right_candidate(S, c.cue[1], R)
            if lc == "coord":
                c.inherited = True
                lc = None
                k = head_v - 1
                while k >= 0 and S.low[k] not in R.fw["coord"] and S.text[k] != ",":
                    k -= 1
                k0 = k - 1 if k >= 1 and S.text[k - 1] == "," else k     # "молчал, а потом произнес"
                f = next((x for x in range(k0 - 1, max(-1, k0 - 12), -1) if S.finite(x) or S.bound(x)), None)
                if f is not None and S.finite(f):
                    lc2 = _left_candidate(S, f, R)
                    if not isinstance(lc2, int):
                        # "Пришел функционер и сказал": the first verb's subject after it
                        lc2 = _right_candidate(S, f, R, hi=k - 1)
                        if isinstance(lc2, int) and not (_agrees(S, head_v, lc2) and _nomlike(S, lc2)):
                            lc2 = None
                    if isinstance(lc2, int):
                        lc = lc2
            if isinstance(rc, int) and any(l in R.words.get("addressee_verb", ()) for l in S.lems[c.v]):
                p = head_v - 1
                while p >= 0 and (S.upos[p] in ("ADV", "PART") or S.low[p] in R.fw["neg"]):
                    p -= 1
                if (p >= 0 and not S.bound(p) and S.low[p] not in R.fw["how"]) or S.case(rc) not in (None, "Nom"):
                    rc = None     # "проинформировал Международный комитет", "спросила Навальную": the one addressed
            sl, sr = _score(S, head_v, lc, R, "left"), _score(S, head_v, rc, R, "right")
            if max(sl, sr) >= 0:
                spk_head = lc if sl >= sr else rc
                c.spk = _np(S, spk_head, 0, S.n - 1)
                if S.lang == "en" and sl >= sr:
                    c.spk, spk_head = _en_pp_head(S, c.spk, spk_head)
                c.inherited = False
                c.pattern += "+left" if sl >= sr else "+right"
        c.quoted_src = _quoted_source(S, c, R, syntax, spk_head)
        if spk_head is None and not impersonal and not _in_quote(S, c.v) and _first_person(S, c, R, syntax) is not None:
            continue          # "Ранее мы писали": the author's own voice
        if spk_head is None and not impersonal and _in_quote(S, c.v) and S.feats[c.v].get("Tense") == "Past":
            # narrated speech inside a quotation ("«Я у него спросил: …»"), not the speaker's own "я считаю"
            spk_head = _first_person(S, c, R, syntax)
            if spk_head is not None:
                c.spk = (spk_head, spk_head)
                c.pattern += "+first_person"
        c.spk_head = spk_head
        if c.spk is not None:
            _skip_addressee(S, c, R)
            spk_head = c.spk_head
        if c.spk is not None:
            c.spk = _extend_to_name(S, c.spk, spk_head, c.cue[0], R)
        if spk_head is None:
            plural = S.feats[c.cue[0]].get("Number") == "Plur" or S.feats[c.v].get("Number") == "Plur" \
                or (S.lang == "en")
            if impersonal or plural:
                span, h, speech = _loc_speaker(S, c.v, R, want_speech=impersonal,
                                               speech_class=c.verb_class in ("neutral", "endorsing"))
                if speech is not None and impersonal:
                    j, k = speech
                    c.verb = f"{c.verb} {' '.join(S.text[j:k + 1])}" if j > c.v else f"{' '.join(S.text[j:k + 1])} {c.verb}"
                    c.head_lemma = c.head_lemma or c.verb_lemma
                    c.verb_lemma = S.lem[k]
                    c.cue = (min(c.cue[0], j), max(c.cue[1], k))
                if span is not None:
                    c.spk, c.spk_head = span, h
                    c.pattern += "+locative"
        final.append(c)
    final += phrase
    # a headline colon whose content holds a report of its own is a label ("UPD: В Автодоре сообщили, что …")
    final += [c for c in _colon_cues(S, R, quotes) if not any(c.cue[0] <= x.v <= c.cue[1] for x in final)
              and not (c.pattern == "colon" and c.ctok and S.text[c.ctok[0]] not in QUOTE_CHARS
                       and any(c.ctok[0] <= x.cue[0] <= c.ctok[1] for x in final))
              # "Завахири заявил, что … — Уоррен Вайнштейн": a dash inside a reported clause is no credit
              and not (c.pattern == "dash" and any(x.cue[0] < c.cue[0] for x in final))]
    final.sort(key=lambda c: c.cue[0])
    # speakers of coordinated and gerund verbs: "сказал …, и пообещал", "добавив, что"
    for k, c in enumerate(final):
        vf = S.feats[c.v].get("VerbForm")
        if vf == "Conv" and k > 0 and final[k - 1].spk is not None and final[k - 1].pattern.startswith(("verb", "collocation")) \
                and not c.pattern.startswith("reference"):
            c.spk = None          # "…, — сказал он, добавив, что …": the gerund's subject is the speaker
        if c.spk is None and c.pattern.startswith(("verb", "infinitive", "collocation")):
            if c.inherited or vf == "Conv" or _coordinated(S, c, R):
                prev = next((p for p in reversed(final[:k]) if p.spk is not None
                             and p.pattern.startswith(("verb", "infinitive", "collocation", "colon"))), None)
                if prev is not None:
                    c.spk, c.spk_head, c.inherited = prev.spk, prev.spk_head, True
                    c.speaker_override = prev.speaker_override
                    c.pattern += "+coordinated"
    for c in final:
        if not c.frame:
            _frame(S, c, R)
    for c in final:
        outer = [d for d in final if d is not c and d.frame == "that" and d.ctok and d.ctok[0] <= c.cue[0] <= d.ctok[1]]
        if c.spk is None and outer and c.pattern.startswith(("verb", "infinitive", "collocation")) \
                and (c.head_lemma or c.verb_lemma) not in R.fw["impersonal"] and S.feats[c.v].get("Variant") != "Short" \
                and _nested_same_subject(S, c, outer[-1], R):
            # a report nested in another's clause with its subject left out: "заявил, что считает
            # ошибкой …" reports the same speaker
            d = outer[-1]
            c.spk, c.spk_head, c.speaker_override = d.spk, d.spk_head, d.speaker_override
            c.pattern += "+nested"
    kept = []
    for c in final:
        if c.pattern.startswith(("verb", "infinitive")) and not _requires_ok(S, c, R, quotes):
            continue
        if c.pattern.startswith(("verb",)) and c.spk is None and c.frame in ("nominal", "none") \
                and (c.head_lemma or c.verb_lemma) not in R.fw["impersonal"] and S.feats[c.v].get("VerbForm") != "Short":
            # a bare verb with no speaker and no reported content is not a report; an indefinite-
            # personal plural with a topic or an infinitive is ("сообщили о …", "пообещали выплатить …")
            a, b = c.ctok if c.ctok else (c.v + 1, c.v)
            f = S.feats[c.v]
            indefinite = f.get("VerbForm") in (None, "Fin") and f.get("Person") in (None, "3") and c.frame == "nominal" and (
                (S.low[a] in R.fw["about"] and c.verb_class in ("neutral", "endorsing"))
                or (c.verb_class in ("directive", "commissive")
                    and any(S.feats[x].get("VerbForm") == "Inf" or S.low[x] in ("к", "до") for x in range(a, min(b + 1, a + 4))))
                or (c.verb_class == "accusation" and S.low[a] in ("в", "во", "у"))   # "обвинили в махинациях"
                or (c.verb_class == "admission" and any(S.case(x) == "Ins" and S.upos[x] == "ADJ"
                                                        for x in range(a, min(b + 1, a + 3)))
                    and any(S.low[x] in ("в", "во", "у") for x in range(a, min(b + 1, a + 5)))))   # "признали виновным в"
            if not c.negated and not indefinite:
                continue
        if c.spk is not None and c.ctok is not None and c.ctok[0] <= c.spk[0] <= c.ctok[1] and c.frame in ("that", "colon"):
            # the speaker found inside the reported clause is not the speaker
            c.spk = None
        if c.spk is not None and c.frame in ("nominal", "none") and c.pattern.startswith(("verb", "collocation")) \
                and "+locative" not in c.pattern:
            h = c.spk_head if c.spk_head is not None else c.spk[1]
            a_, b_ = c.spk
            org_inside = any((S.ent_at(x) and str(S.ent_at(x)["type"]).upper() == "ORG") or _media_at(S, x, R)
                             for x in range(a_, b_ + 1))          # "Страны НАТО пообещали …"
            people = h + 1 <= b_ and S.case(h + 1) == "Gen" and S.feats[h + 1].get("Animacy") == "Anim" \
                and S.feats[h + 1].get("Number") == "Plur"      # "Сотни человек пожаловались", "десятки жителей"
            speech_only = any(l in R.words.get("speech_only_verb", ()) for l in S.lems[c.v])
            if S.upos[h] == "NOUN" and S.feats[h].get("Animacy") == "Inan" and S.lem[h] not in R.heads and not people \
                    and not speech_only \
                    and not S.ent_at(h) and not _media_at(S, h, R) and not org_inside \
                    and not (S.text[h][:1].isupper() and h > 0 and not S.bound(h - 1) and not _markup(S, h - 1)):
                # an inanimate subject of a verb that things do too ("ситуация говорит о"); the subject
                # of a verb only speakers do ("генштаб заявил", "разведка опровергла") is an organisation
                span, lh, _ = _loc_speaker(S, c.v, R, want_speech=False) \
                    if S.feats[c.v].get("Number") == "Plur" else (None, None, None)
                if span is not None and span[0] < a_ <= span[1]:
                    span = (span[0], a_ - 1)        # the locative phrase ends where the object begins
                elif span is not None and lh == a_ < h:
                    span = (lh, lh)                 # the pattern read "компанії такі кроки" as one phrase
                if span is None or span[0] > c.v or not span[0] <= lh <= span[1] or span[0] <= h <= span[1]:
                    continue      # "ситуация говорит о", "конституция гарантирует право"
                # "В компании такие шаги пояснили необходимостью …": a fronted object read as the
                # subject of an indefinite-personal verb; the source is the locative before it
                c.spk, c.spk_head = span, lh
                c.pattern += "+locative"
        kept.append(c)
    out = []
    for c in kept:
        if c.spk is None and c.pattern.startswith(("verb", "infinitive", "collocation")) \
                and (c.head_lemma or c.verb_lemma) not in R.fw["impersonal"] and S.feats[c.v].get("Variant") != "Short" \
                and any(d is not c and d.ctok and d.ctok[0] <= c.cue[0] <= d.ctok[1] and d.frame != "that" for d in kept):
            continue          # a report inside another's quotation with its speaker left out
        # nested in a reported clause with no subject it shares ("SHOT писал, что Хрущёву попросили …"):
        # an indefinite-personal report, kept with an empty speaker
        out.append(c)
    kept = out
    kept += _gapped(S, kept, R) + _quoted_rows(S, kept)
    _trim_contents(S, kept, R)
    return kept


def _quoted_source(S: _Sent, c: _Cue, R: _Res, syntax: bool, spk_head):
    """The quoted speaker of a quoting verb: "передает слова министра агентство" (the noun
    "слова" and its genitive), "цитирует Пескова агентство" (an animate or named object)."""
    if not any(l in R.words.get("quoting_verb", ()) for l in S.lems[c.v]):
        return None
    if syntax:
        objs = [k for k in S.children[c.v] if S.deprel[k] == "obj"]
    else:
        objs = [k for k in range(c.v + 1, min(S.n, c.v + 4)) if S.upos[k] in ("NOUN", "PROPN")
                and S.case(k) in ("Acc", "Gen", None) and k != spk_head][:1]
    for k in objs:
        if S.lem[k] not in R.words.get("quoted_noun", ()) and not any(l in R.words.get("citing_verb", ()) for l in S.lems[c.v]):
            continue      # "привел мальчика": only "цитировать" takes the quoted speaker as object
        if S.lem[k] in R.words.get("quoted_noun", ()) and k > 0 and S.low[k - 1] in R.fw["poss"]:
            return (k - 1, k - 1), k - 1, k      # "его слова приводит ТАСС"
        if S.lem[k] in R.words.get("quoted_noun", ()):
            g = k + 1
            while g < S.n and S.upos[g] in ("ADJ", "DET") and g < k + 4:
                g += 1
            if g < S.n and S.upos[g] in ("NOUN", "PROPN", "X") and S.case(g) in ("Gen", None) and g != spk_head:
                span = _syn_span(S, g) if syntax else _np(S, g, g, S.n - 1)
                return (k + 1, max(span[1], g)), g, k
            return None
        if S.feats[k].get("Animacy") == "Anim" or (S.ent_at(k) and S.ent_at(k)["type"] in ("PER", "ORG")):
            span = _syn_span(S, k) if syntax else _np(S, k, k, S.n - 1)
            return (min(span[0], k), max(span[1], k)), k, None
    return None


def _quoted_rows(S: _Sent, cues: list[_Cue]) -> list[_Cue]:
    """Double attribution: the quoted speaker's row beside the quoting medium's."""
    out = []
    for c in cues:
        if not c.quoted_src:
            continue
        span, h, noun = c.quoted_src
        if c.ctok and c.ctok[0] <= span[0] <= c.ctok[1]:
            continue      # the object is inside the content, not the quoted speaker
        if noun is not None:
            g = _Cue(S, noun, (noun, noun), S.text[noun], S.lem[noun], c.verb_class, "", "verb+quoted")
        else:
            g = _Cue(S, c.v, c.cue, c.verb, c.verb_lemma, c.verb_class, "", c.pattern.split("+")[0] + "+quoted")
        g.spk, g.spk_head, g.frame, g.ctok = span, h, c.frame, c.ctok
        out.append(g)
    return out


def _gapped(S: _Sent, cues: list[_Cue], R: _Res) -> list[_Cue]:
    """A gapped second subject reuses the cue: "одни утверждают, что …, другие — что …",
    "администрация сообщала о шести …, а Зеленский — о семи" give a row for "другие" and
    "Зеленский" with the first verb as cue; the first content ends before the comma."""
    out = []
    for c in cues:
        if not c.ctok or c.spk is None or not c.pattern.startswith(("verb", "collocation")):
            continue
        a, b = c.ctok
        b = max(b, _content_end(S, a))
        for k in range(a + 1, b):
            if S.text[k] != ",":
                continue
            j = k + 1
            if j <= b and S.low[j] in R.fw["coord"]:
                j += 1
            d = next((x for x in range(j, min(b, j + 6) + 1) if S.text[x] in ("—", "–")), None)
            if d is None or d == j or d + 1 > b:
                continue
            if any(S.finite(x) or S.bound(x) or S.upos[x] in ("VERB", "SCONJ", "ADP") for x in range(j, d)):
                continue
            h = next((x for x in range(d - 1, j - 1, -1) if S.upos[x] in ("NOUN", "PROPN", "PRON", "ADJ", "DET", "X")), None)
            if h is None or not (_nomlike(S, h) or _unsure_case(S, h)) or not _subj_ok(S, h, R):
                continue
            nxt = S.low[d + 1]
            if not (nxt in R.fw["comp"] or nxt in R.fw["about"] or S.upos[d + 1] in ("NUM", "ADV")
                    or S.case(d + 1) == c_case(S, c)):
                continue
            g = _Cue(S, c.v, c.cue, c.verb, c.verb_lemma, c.verb_class, c.requires, c.pattern.split("+")[0] + "+gapped")
            g.spk, g.spk_head, g.frame, g.head_lemma = (j, d - 1), h, c.frame, c.head_lemma
            start = d + 2 if nxt in R.fw["comp"] else d + 1
            end = b if c.frame == "that" else min(b, _first_bound(S, start))
            g.ctok = (start, end) if start <= end else None
            c.ctok = (a, k - 1)
            out.append(g)
            break
    return out


def c_case(S: _Sent, c: _Cue):
    """The case of the first word of a cue's content ("сообщала о шести" → Loc), to match the
    gapped second content ("а Зеленский — о семи")."""
    return S.case(c.ctok[0]) if c.ctok else None


def _skip_addressee(S: _Sent, c: _Cue, R: _Res) -> None:
    """"сообщили РИА Новости в подполье", "рассказал ТАСС источник": a medium right after the
    verb is the one told, when a subject or a locative source follows it in the same clause."""
    a, b = c.spk
    k = c.cue[1] + 1
    while k < S.n and S.text[k] in QUOTE_CHARS:
        k += 1
    m = _media_at(S, a, R) if a == k else None
    if not m:
        return
    if m[0] < b and any(_subj_ok(S, x, R) and _nomlike(S, x) for x in range(m[0] + 1, b + 1)):
        # "сообщили РИА Новости очевидцы": one phrase to the pattern search
        x = m[0] + 1
        c.spk, c.spk_head = (x, b), next((y for y in range(x, b + 1) if _subj_ok(S, y, R)), x)
        c.pattern += "+addressee"
        return
    j = b + 1
    while j < S.n and S.text[j] in QUOTE_CHARS:
        j += 1
    if j >= S.n or S.bound(j):
        return
    if S.low[j] in R.fw["loc"] and j + 1 < S.n and not S.bound(j + 1):
        h = j + 1
        while h < S.n and S.upos[h] in ("ADJ", "DET") and h < j + 4:
            h += 1
        if h < S.n and S.upos[h] in ("NOUN", "PROPN", "X"):
            e = h
            while e + 1 < S.n and S.upos[e + 1] in ("NOUN", "PROPN", "X") and S.case(e + 1) in (None, "Gen") \
                    and not S.bound(e + 1):
                e += 1
            c.spk, c.spk_head = (j + 1, e), h
            c.pattern += "+addressee"
        return
    if _subj_ok(S, j, R) and _nomlike(S, j) and not _unsure_case(S, j) and S.upos[j] != "PRON":
        c.spk, c.spk_head = _np(S, j, j, S.n - 1), j
        c.spk = _extend_to_name(S, c.spk, j, c.cue[0], R)
        c.pattern += "+addressee"


def _nested_same_subject(S: _Sent, c: _Cue, d: _Cue, R: _Res) -> bool:
    """The subjectless verb ``c`` in the clause of ``d`` agrees with ``d``'s speaker and
    nothing between them could be its own subject ("заявил, что считает ошибкой …")."""
    if d.spk is None and d.speaker_override is None:
        return False
    f = S.feats[c.v]
    if f.get("Person") in ("1", "2") or f.get("VerbForm") not in (None, "Fin", "Conv", "Inf"):
        return False
    fd = S.feats[d.v]
    if f.get("Number") and fd.get("Number") and f["Number"] != fd["Number"]:
        return False      # "SHOT писал, что Хрущёву попросили …": an indefinite plural, not the same subject
    h = d.spk_head if d.spk_head is not None else (d.spk[1] if d.spk else None)
    if h is not None:
        fh = S.feats[h]
        if f.get("Number") and fh.get("Number") and f["Number"] != fh["Number"] and not _unsure_case(S, h):
            return False
        if f.get("Gender") and fh.get("Gender") and f["Gender"] != fh["Gender"] and S.upos[h] != "PRON" \
                and fh.get("Animacy") == "Anim":
            return False
    if any(S.deprel[k] == "nsubj" for k in S.children[c.v]):
        return False
    # "…, а 13% покупателей указали": a nominative or a number before the verb in its clause
    k = c.cue[0] - 1
    while k >= 0 and not S.bound(k) and S.low[k] not in R.fw["coord"] and S.low[k] not in R.fw["comp"]:
        if S.upos[k] == "NUM" or (S.upos[k] in ("NOUN", "PROPN", "PRON") and _nomlike(S, k)):
            return False
        k -= 1
    return True


def _extend_to_name(S: _Sent, spk, h, v, R: _Res):
    """A role noun whose name comes a few words later: "Советник Белого дома по … Джон Кирби"."""
    a, b = spk
    if h is None or S.lem[h] not in R.heads or R.heads[S.lem[h]][0] not in ("person", "anonymous") \
            or R.heads[S.lem[h]][1] == "source":
        return spk
    if any((e["type"] == "PER") and a <= e["a"] <= b for e in S.ents):
        return spk
    names = [(e["a"], e["b"]) for e in S.ents if e["type"] == "PER"]
    if not S.ents:
        k = b + 1
        while k < S.n:
            if S.upos[k] == "PROPN" and S.feats[k].get("Animacy") == "Anim":
                e = k
                while e + 1 < S.n and S.upos[e + 1] == "PROPN":
                    e += 1
                names.append((k, e))
                k = e + 1
            else:
                k += 1
    for ea, eb in names:
        if b < ea <= b + 10 and (v < a or eb < v) \
                and not any((S.bound(x) and S.text[x] not in ("—", "–", ",")) or S.finite(x) for x in range(b + 1, ea)):
            return a, eb
    return spk


def _coordinated(S: _Sent, c: _Cue, R: _Res) -> bool:
    k = c.cue[0] - 1
    while k >= 0 and (S.upos[k] in ("ADV", "PART") or S.low[k] in R.fw["neg"]):
        k -= 1
    return k >= 0 and (S.low[k] in R.fw["coord"] or S.text[k] == ",")


def _trim_contents(S: _Sent, cues: list[_Cue], R: _Res) -> None:
    """Cut a content at a later cue that is coordinated with it or inverted after it."""
    for c in cues:
        if not c.ctok:
            continue
        a, b = c.ctok
        for d in cues:
            if d is c or not (a <= d.cue[0] <= b):
                continue
            if d.inherited or d.frame in ("inverted",) or (d.frame == "as" and d.cue[0] > a):
                cut = d.cue[0] - 1
                if d.spk and d.spk[1] < d.cue[0] and d.spk[0] > a:
                    cut = min(cut, d.spk[0] - 1)
                k = d.cue[0] - 1
                while k > a and (S.low[k] in R.fw["coord"] or S.text[k] in (",", "—", "–") or S.upos[k] == "ADV"
                                 or S.low[k] in R.fw["neg"] or S.low[k] in R.fw["how"]):
                    k -= 1
                b = min(b, k, cut)
        while b >= a and S.text[b] in (",", "—", "–", ":", ";"):
            b -= 1
        c.ctok = (a, b) if b >= a else None


# --- content, quote type and markers --------------------------------------------------
def _finish_content(S: _Sent, c: _Cue, R: _Res, quotes, text: str) -> None:
    if c.pattern.startswith(("according_to", "reference", "from")):
        # content: the clause on the other side of the phrase
        ca, cb = c.cue[0], max(c.cue[1], c.spk[1] if c.spk else c.cue[1])
        left_end = ca - 1
        while left_end >= 0 and S.text[left_end] in (",", "—", "–", "("):
            left_end -= 1
        right_start = cb + 1
        while right_start < S.n and (S.text[right_start] in (",", "—", "–", ")")
                                     or (c.pattern.startswith("from") and S.low[right_start] in R.fw["comp"])):
            right_start += 1
        right_end = _content_end(S, right_start)
        left = (0, left_end) if left_end >= 0 else None
        right = (right_start, right_end) if right_end >= right_start else None
        if left and right:
            c.ctok = left if (left[1] - left[0]) >= (right[1] - right[0]) else right
        else:
            c.ctok = left or right
        c.frame = "according_to" if not c.pattern.startswith("from") else "inverted"
    elif c.frame == "as":
        pass
    if c.ctok is None:
        # "заявил:" at the end of a sentence: the quotation that follows
        if c.frame == "colon":
            after = S.end[c.cue[1]]
            q = next((q for q in quotes if q.open >= after and text[after:q.open].strip() == "" and q.kind != "name"), None)
            if q:
                c.content = q.inner
                c.quote_type = "direct"
                return
        c.content = None
        c.quote_type = "noun" if c.pattern.startswith("collocation") else "none"
        return
    a, b = c.ctok
    cs, ce = S.start[a], S.end[b]
    # a content never runs over a line break (a headline, a photo credit)
    nl = text.find("\n", cs, ce)
    if nl >= 0:
        ce = nl
        while b > a and S.start[b] >= ce:
            b -= 1
    at = S.start[c.cue[0]]
    for x in quotes:
        if x.kind != "name" and x.open < at < x.close and cs < x.close:
            ce = min(ce, x.close)     # a report inside a quotation ends with it
    while ce > cs and text[ce - 1] in ",.;:!? —–":
        ce -= 1
    if ce <= cs:
        c.content, c.quote_type = None, "none"
        return
    # a quotation that covers the content (possibly opening in an earlier sentence)
    q = None
    for x in quotes:
        if x.kind == "name" and c.frame not in ("inverted", "colon"):
            continue
        if x.open < at < x.close:
            continue      # the quotation the cue stands in is not its content ("«Я у него спросил: …»")
        if x.close >= ce - 1 and x.close <= ce and x.open <= cs + 1:
            q = x
        elif x.open >= cs - 1 and x.open <= cs and x.close >= ce - 1:
            q = x
    if q is not None and c.frame in ("inverted", "colon", "nominal", "that"):
        c.content = q.inner
        c.quote_type = "direct" if c.frame in ("inverted", "colon") or (q.inner[1] - q.inner[0]) > 0.8 * (ce - cs) else "mixed"
        if c.quote_type == "direct" and c.frame in ("that",):
            c.quote_type = "mixed"
    elif c.frame in ("inverted", "colon") and _content.quote_sequence(text, cs, ce, quotes) is not None:
        c.content, c.quote_type = _content.quote_sequence(text, cs, ce, quotes), "direct"
    elif c.frame == "inverted" and a == 0 and S.text[0] in ("—", "–", "-") and ce > cs + 1:
        # dialogue: "— Мы будем работать, — сказал губернатор" is direct speech without quotation marks
        cs = S.end[0]
        while cs < ce and text[cs].isspace():
            cs += 1
        c.content, c.quote_type = (cs, ce), "direct"
    else:
        while cs < ce and text[cs] in "«\"“„" and not any(x.open == cs and x.close < ce - 1 for x in quotes):
            cs += 1
        c.content = (cs, ce)
        inner = [x for x in quotes if x.open >= cs and x.close < ce]
        c.quoted = any(x.kind != "name" for x in inner)
        if c.frame == "according_to":
            c.quote_type = "according_to"
        elif c.frame == "as":
            c.quote_type = "according_to"
        elif c.pattern.startswith("collocation"):
            c.quote_type = "noun"
        elif any(x.kind == "quotation" for x in inner) or (c.requires == "quote" and any(x.kind == "scare" for x in inner)):
            c.quote_type = "mixed"
        elif c.frame == "nominal":
            c.quote_type = "noun"
        else:
            c.quote_type = "indirect"
    # markers inside the content (and the complementiser before it)
    lo, hi = c.content
    for i, j, name, kind, scope in _marker_hits(S, R):
        if lo <= S.start[i] and S.end[j] <= hi and kind == "distancing":
            c.markers.append(name)
    # a short quotation inside a report is the speaker's own wording (mixed quotation);
    # it is a scare quote only where the report is already held at a distance
    if c.verb_class == "distancing" or c.markers:
        for x in quotes:
            if x.kind == "scare" and x.open >= lo - 1 and x.close <= hi:
                c.markers.append("legal_label" if _legal(R, text[x.open:x.close + 1]) else "scare_quote")


def _legal(R: _Res, quoted: str) -> bool:
    """A quoted legal label («иноагент», «нежелательной»): legal_designations.tsv."""
    words = re.findall(r"\w+", _norm(quoted))
    return bool(words) and len(words) <= 4 and any(w.startswith(st) for w in words for st in R.legal)


_PHRASE_START = {"по", "за", "на", "згідно", "согласно", "according", "as", "как", "як"}


def marker_class(marker: str) -> str:
    """The class (:data:`MARKER_CLASSES`) of one entry of the ``markers`` column.

    ``"scare_quote"`` and ``"legal_label"`` are their own classes; an attribution
    phrase ("по версии", "по утверждению", "как утверждается", "according to
    claims") is ``"institutional"``; every other marker ("якобы", "мол",
    "так называемый", "нібито", "allegedly") is a ``"particle"``.

    Examples
    --------
    >>> from framing.measures.attribution import marker_class
    >>> [marker_class(m) for m in ["якобы", "по версии", "scare_quote", "legal_label"]]
    ['particle', 'institutional', 'scare_quote', 'legal_label']
    """
    m = _norm(marker).strip()
    if m in ("scare_quote", "legal_label"):
        return m
    words = m.split()
    return "institutional" if len(words) > 1 and words[0] in _PHRASE_START else "particle"


def marker_classes(verb_class: str, markers) -> set:
    """The distancing classes of one attribution: each marker's class, plus ``"verb"``
    when the reporting verb is distancing and no attribution phrase made it so."""
    out = {marker_class(m) for m in (markers if isinstance(markers, (list, tuple)) else ())}
    if verb_class == "distancing" and "institutional" not in out:
        out.add("verb")
    return out


def _marker_hits(S: _Sent, R: _Res):
    out = []
    i = 0
    while i < S.n:
        hit = None
        for words, kind, scope, name in R.markers:
            if i + len(words) > S.n:
                continue
            ok = True
            for k, w in enumerate(words):
                t, l = S.low[i + k], S.lem[i + k]
                if w.endswith("*"):
                    ok = t.startswith(w[:-1]) or l.startswith(w[:-1])
                else:
                    ok = t == w or (l == w and len(words) == 1 and w not in ("де",))
                if not ok:
                    break
            if ok:
                hit = (i, i + len(words) - 1, name, kind, scope)
                break
        if hit:
            out.append(hit)
            i = hit[1] + 1
        else:
            i += 1
    return out


# --- actors ----------------------------------------------------------------------------
def _mentions(ann, actors):
    """Actor mentions: (doc_id, start, end, actor, type) from framing.actors or the entities."""
    ment = None
    if actors is None:
        try:
            from .actors import actors as _actors_fn  # written by the actors measure
            ment = _actors_fn(ann).mentions
        except (ImportError, AttributeError, NotImplementedError):
            ment = None
    elif isinstance(actors, pd.DataFrame):
        ment = actors
    elif hasattr(actors, "mentions"):
        ment = actors.mentions
    if ment is not None and len(ment) and {"doc_id", "start", "end", "actor"} <= set(ment.columns):
        m = ment.copy()
        m["type"] = m["type"] if "type" in m else ""
        return m[["doc_id", "start", "end", "actor", "type"]]
    e = ann.entities
    return pd.DataFrame({"doc_id": e["doc_id"], "start": e["start"], "end": e["end"],
                         "actor": e["normal"], "type": e["type"]})


def _gender_of(S: _Sent, a: int, b: int):
    for i in range(b, a - 1, -1):
        g = S.feats[i].get("Gender")
        if g and S.upos[i] in ("PROPN", "NOUN"):
            return g
    return None


def _resolve_doc(doc_cues, sents, R: _Res, ment_doc: pd.DataFrame):
    """Give every cue its actor and speaker type; pronouns and bare role nouns
    ("он", "глава МИД", "дипломат") take the nearest compatible earlier actor."""
    fw = R.fw
    hist: list[_Hist] = []
    ments = list(zip(ment_doc["start"].tolist(), ment_doc["end"].tolist(), ment_doc["actor"].tolist(),
                     ment_doc["type"].tolist())) if len(ment_doc) else []
    # mention types (untyped English mentions decided by their words) and history
    typed = []
    for si, S in enumerate(sents):
        for ms, me, act, typ in ments:
            if S.start[0] <= ms < S.end[-1] + 1:
                i = next((k for k in range(S.n) if S.start[k] <= ms < S.end[k] + 1), 0)
                j = next((k for k in range(S.n - 1, -1, -1) if S.start[k] < me), i)
                t = _etype(typ, act, R) or _type_by_form(S, i, j, None, R)
                typed.append((ms, me, act, t))
                hist.append(_Hist(si, ms, act, t, _gender_of(S, i, j) if t == "person" else noun_gender(S, i, j, R.heads),
                                  S.feats[j].get("Number"), set(), False,
                                  place=str(typ).upper() in ("LOC", "GPE")))
    ments = typed
    for si, S, c in doc_cues:
        if c.spk is None and c.speaker_override is None:
            c.speaker_type, c.actor = "unattributed", ""
            f = S.feats[c.v]
            if c.pattern.startswith(("verb", "collocation")) and f.get("VerbForm") in (None, "Fin") \
                    and f.get("Number") == "Sing" and f.get("Person") in (None, "3") \
                    and (c.head_lemma or c.verb_lemma) not in fw["impersonal"] and S.upos[c.v] in ("VERB", "AUX"):
                # a zero subject ("Он пришел. Заявил, что …"): the actor of the nearest agreeing antecedent
                hit = pronoun_antecedent(hist, si, S.start[c.cue[0]], "", f.get("Gender"), "Sing", max_back=2)
                if hit is not None:
                    c.actor, c.speaker_type = hit.actor, hit.type
            continue
        a, b = c.spk if c.spk else (None, None)
        h = c.spk_head if c.spk_head is not None else b
        ss, se = (S.start[a], S.end[b]) if a is not None else (c.speaker_override[0], c.speaker_override[1])
        low_h = S.low[h] if h is not None else ""
        is_pron = a == b and (low_h in fw["pron"] or low_h in fw["poss"] or low_h in fw["loc_pron"])
        if a == b and low_h in R.words.get("collective_subject", ()):
            c.actor, c.speaker_type = "anonymous", "anonymous"      # "одни …, другие — …"
            continue
        if a == b and low_h == "там":
            hit = _nearest(hist, si, ss, None, None, want="organisation")
            c.actor, c.speaker_type = (hit.actor, "organisation") if hit else ("", "organisation")
            continue
        actor, stype = "", ""
        linked = [m for m in ments if m[0] <= ss and se <= m[1] and _norm(m[2]) != low_h] if is_pron else []
        if is_pron and linked:
            actor, stype = linked[0][2], linked[0][3]
        elif is_pron:
            g, num = fw["pron"].get(low_h) or fw["poss"].get(low_h) or fw["loc_pron"].get(low_h)
            hit = pronoun_antecedent(hist, si, ss, low_h, g, num, noun=S.low[c.v])
            if hit:
                actor, stype = hit.actor, hit.type
            else:
                actor, stype = "", "person" if num != "Plur" else "anonymous"
        else:
            inside = [(ms, me, act, typ) for ms, me, act, typ in ments if ms < se and me > ss]
            media = None
            for x in range(a, b + 1):
                m = _media_at(S, x, R)
                if m:
                    media = m[1]
                    break
            head_info = R.heads.get(S.lem[h], R.heads.get(low_h)) if h is not None else None
            chosen = None
            if inside:
                at_head = [m for m in inside if m[0] <= S.start[h] < m[1]]
                per = [m for m in inside if m[3] == "person"]
                org = [m for m in inside if m[3] != "person"]
                if at_head and not (head_info and head_info[0] in ("person", "anonymous") and per):
                    chosen = at_head[0]
                elif head_info and head_info[0] in ("person", "anonymous") and per:
                    chosen = per[-1]
                elif per and not (head_info and head_info[0] in ("organisation", "media")):
                    chosen = per[-1]
                elif org and (head_info is not None or S.upos[h] != "NOUN"):
                    chosen = org[0]
                elif per:
                    chosen = per[-1]
            if chosen is not None and chosen[3] != "person" and head_info and head_info[0] == "person" \
                    and S.feats[h].get("Number") != "Plur" and not any(S.upos[x] == "PROPN" and S.feats[x].get("Animacy") == "Anim" for x in range(a, b + 1)):
                hit = _nearest(hist, si, ss, None, None, want="person", role=S.lem[h], max_back=4)
                if hit:
                    chosen = (hit.pos, hit.pos, hit.actor, "person")
            if media and (chosen is None or chosen[3] != "person"):
                actor, stype = media, "media"
            elif chosen is not None:
                actor = chosen[2]
                stype = chosen[3]
            elif head_info is not None:
                typ, kind = head_info
                number = S.feats[h].get("Number")
                if S.lang == "en" and number is None and S.low[h].endswith("s") and S.low[h] != S.lem[h]:
                    number = "Plur"
                want = {"person": "person", "organisation": "organisation", "media": "media"}.get(typ)
                if typ == "anonymous" and kind in ("expert", "official") and number != "Plur":
                    want = "person"
                hit = None
                bare = all(x == h or S.upos[x] in ("DET",) or (typ == "person" and (S.upos[x] in ("ADJ",) or S.case(x) == "Gen"))
                           or (S.lang == "en" and S.upos[x] in ("DET", "ADJ"))
                           for x in range(a, b + 1))
                if want and number != "Plur" and kind != "source" and bare:
                    hit = description_antecedent(hist, si, ss, want, S.lem[h])
                if hit:
                    actor, stype = hit.actor, hit.type
                elif typ == "anonymous":
                    actor, stype = "anonymous", "anonymous"
                else:
                    actor, stype = _clean(S, a, b), typ
            else:
                anim = S.feats[h].get("Animacy") if h is not None else None
                actor = _clean(S, a, b) if a is not None else ""
                stype = "person" if anim == "Anim" or (h is not None and S.upos[h] == "PROPN") else "organisation"
            if actor and stype in ("person", "organisation", "media"):
                roles = {S.lem[x] for x in range(a, b + 1) if S.lem[x] in R.heads}
                if stype == "person":
                    gender = S.feats[c.v].get("Gender") if c.pattern.startswith("verb") else None
                    gender = gender or _gender_of(S, a, b)
                else:
                    gender = noun_gender(S, a, b, R.heads)
                hist.append(_Hist(si, ss, actor, stype, gender, S.feats[h].get("Number") if h is not None else None,
                                  roles, True))
        c.actor, c.speaker_type = actor, stype or "person"
    for si, S, c in doc_cues:
        if "+first_person" in c.pattern:
            # "«Я у него спросил: …», — рассказал водитель": the speaker of the quotation
            at = S.start[c.cue[0]]
            owner = next((d for _, _, d in doc_cues if d is not c and d.content and d.content[0] <= at < d.content[1]
                          and d.actor), None)
            c.actor, c.speaker_type = (owner.actor, owner.speaker_type) if owner else ("", "person")


_ATYPES: dict = {}


def _type_by_form(S: _Sent, a: int, b: int, h, R: _Res) -> str:
    """Person or organisation for an untyped name: a role noun or an animate proper noun."""
    for x in range(a, b + 1):
        info = R.heads.get(S.lem[x])
        if info and info[0] in ("person", "organisation", "media"):
            return info[0]
    if any(S.upos[x] == "PROPN" and S.feats[x].get("Animacy") == "Anim" for x in range(a, b + 1)):
        return "person"
    if S.lang == "en":
        words = [S.text[x] for x in range(a, b + 1) if S.upos[x] == "PROPN"]
        if len(words) >= 2:
            return "person"
    return "organisation"


def _etype(typ, actor, R: _Res, _again: bool = True) -> str:
    t = str(typ).upper()
    if actor in R.media_names or t in ("MEDIA",):
        return "media"
    if t in ("PER", "PERSON"):
        return "person"
    if t in ("ORG", "LOC", "GPE", "ORGANISATION", "ORGANIZATION"):
        return "organisation"
    # untyped mentions (English has no NER): the actor's type elsewhere in the corpus
    other = _ATYPES.get(actor)
    if other and _again:
        return _etype(other, actor, R, False)
    return ""


def _nearest(hist, si, pos, gender, number, *, want=None, role=None, max_back=6):
    best_role = None
    cands = [h for h in hist if h.pos < pos and si - h.sidx <= max_back]
    if role is not None:
        for h in reversed(cands):
            if role in h.roles and (want is None or h.type == want):
                best_role = h
                break
        if best_role:
            return best_role
    # walk back sentence by sentence; speakers first, then mentions
    for s in range(si, max(-1, si - max_back - 1), -1):
        group = [h for h in cands if h.sidx == s]
        for pool in ([h for h in group if h.speaker], [h for h in group if not h.speaker]):
            for h in sorted(pool, key=lambda x: -x.pos):
                if want and h.type != want:
                    continue
                if want == "person" and gender and h.gender and h.gender != gender:
                    continue
                if number == "Plur" and h.type == "person" and h.number != "Plur":
                    continue
                if role is not None and not h.speaker:
                    continue
                return h
    return None


def _clean(S: _Sent, a: int, b: int) -> str:
    return " ".join(t for t in S.text[a: b + 1] if t not in QUOTE_CHARS).strip()


# --- public ---------------------------------------------------------------------------
def _empty() -> pd.DataFrame:
    df = pd.DataFrame({c: pd.Series(dtype="object") for c in ATTRIBUTION_COLUMNS})
    for c in ("sent_id", "speaker_start", "speaker_end", "content_start", "content_end", "cue_start", "cue_end"):
        df[c] = df[c].astype("int64")
    for c in ("negated", "distancing", "self_citation"):
        df[c] = df[c].astype(bool)
    return df


def _check_ann(ann):
    for attr in ("tokens", "entities", "docs", "has"):
        if not hasattr(ann, attr):
            raise SchemaError(
                f"attributions() needs an Annotated (the output of framing.annotate), got {type(ann).__name__}."
            )


def _sentence_work(S, R, syntax, quotes, text):
    """The finished cues of one sentence."""
    before = text[:S.start[0]].rstrip(" \t*_")
    after = text[S.end[-1]:].lstrip(" \t*_")
    S.line_start = not before or before.endswith("\n")
    S.line_end = not after or after.startswith("\n")
    S.nl = {i for i in range(1, S.n) if "\n" in text[S.end[i - 1]:S.start[i]]}
    cues = _sentence_cues(S, R, syntax, quotes)
    for c in cues:
        _finish_content(S, c, R, quotes, text)
    cues = [c for c in cues if _reports_content(S, c, R)]
    for c in cues:
        # "Об этом сообщает The Guardian, передает УНН": the second credit has the first as content
        if c.ctok and c.frame in ("inverted", "as"):
            c.credit = any(d is not c and d.frame == "anaphoric" and c.ctok[0] <= d.cue[0] <= c.ctok[1]
                           for d in cues)
    return cues


_PERCEPTION = {"узнать", "узнавать", "дізнатися", "дізнаватися", "learn"}


def _reports_content(S: _Sent, c: _Cue, R: _Res) -> bool:
    """The guideline's exclusions that need the finished content: a structuring verb
    ("продолжил") away from direct speech, and "узнала" without a content clause
    (perception, not a report) unless a medium is the one who found out ("узнали «Известия»")."""
    if not c.pattern.startswith(("verb", "infinitive")):
        return True
    if c.verb_class == "commissive" and c.requires == "quote" and c.spk is not None:
        # "компании грозят штрафы", "«Маугли» грозит до 15 суток": the subject is the penalty
        a, b = c.spk
        h = c.spk_head if c.spk_head is not None else b
        if S.upos[a] in ("ADP", "NUM") or S.lem[h] in R.words.get("penalty", ()) \
                or any(S.lem[x] in R.words.get("penalty", ()) and S.upos[x] == "NOUN" for x in range(a, b + 1)):
            return False
    if c.requires == "direct" and c.quote_type not in ("direct", "mixed"):
        return False
    k = c.cue[0] - 1
    while k >= 0 and (S.upos[k] in ("AUX", "ADV") or S.low[k] in R.fw["neg"]):
        k -= 1
    if k >= 0 and S.low[k] in R.words.get("comparative", ()):
        return False          # "дружелюбнее, чем ожидалось": a comparison, not a report
    if any(l in R.words.get("evidence_verb", ()) for l in S.lems[c.v]) and c.spk is None \
            and (c.head_lemma or c.verb_lemma) not in R.fw["impersonal"]:
        return False          # "показывала на место": showing with no source named
    if any(l in R.words.get("evidence_verb", ()) for l in S.lems[c.v]) and c.spk is not None:
        # "спутниковые снимки показывают, что …": inference from evidence, unless a source shows it
        a, b = c.spk
        h = c.spk_head if c.spk_head is not None else b
        source = S.feats[h].get("Animacy") == "Anim" or S.upos[h] in ("PROPN", "PRON", "X") \
            or S.lem[h] in R.heads or S.lem[h] in R.fw["doc_nouns"] or S.ent_at(h) \
            or any(_media_at(S, x, R) for x in range(a, b + 1))
        if not source:
            return False
    if c.verb_lemma in _PERCEPTION and c.frame not in ("that", "colon"):
        if c.spk is None:
            return False
        a, b = c.spk
        return any(_media_at(S, x, R) for x in range(a, b + 1))
    return True


_TOKEN_COLUMNS = ("doc_id", "sent_id", "tok_id", "text", "lemma", "upos", "feats", "head", "deprel", "start", "end")


def _token_columns(toks: pd.DataFrame):
    """Yield ``(doc_id, [columns of each sentence])``: documents in order of first appearance,
    sentences by ``sent_id``, tokens in table order; each sentence a dict column → list."""
    doc_code = pd.factorize(toks["doc_id"])[0]
    order = np.lexsort((toks["sent_id"].to_numpy(), doc_code))   # stable: table order within a sentence
    cols = {c: toks[c].to_numpy()[order].tolist() for c in _TOKEN_COLUMNS}
    d = doc_code[order]
    sid = toks["sent_id"].to_numpy()[order]
    n = len(order)
    cuts = np.flatnonzero((d[1:] != d[:-1]) | (sid[1:] != sid[:-1])) + 1
    bounds = [0, *cuts.tolist(), n]
    doc_id, sents = None, []
    for a, b in zip(bounds[:-1], bounds[1:]):
        if sents and d[a] != d[a - 1]:
            yield doc_id, sents
            sents = []
        doc_id = cols["doc_id"][a]
        sents.append({c: v[a:b] for c, v in cols.items()})
    if sents:
        yield doc_id, sents


def _resolve_ok(doc_cues, sents, R, ment_doc) -> bool:
    _resolve_doc(doc_cues, sents, R, ment_doc)
    return True


def _run(ann, verbs, actors, guard):
    ann = gate(ann, guard)
    toks = ann.tokens
    docs = ann.docs
    texts = dict(zip(docs["doc_id"], docs["text"]))
    outlets = dict(zip(docs["doc_id"], docs["outlet"]))
    langs = dict(zip(docs["doc_id"], docs["lang"]))
    if toks.empty:
        return [], texts, outlets
    ents = ann.entities
    ent_by: dict = {}
    for e in (ents.to_dict("records") if len(ents) else ()):
        ent_by.setdefault((e["doc_id"], e["sent_id"]), []).append(e)
    ment = _mentions(ann, actors)
    _ATYPES.clear()
    if len(ment):
        typed = ment[~ment["type"].astype(str).str.upper().isin(["MISC", "", "NAN"])]
        if len(typed):
            # the most frequent type of each actor (the first seen among equals, as value_counts)
            n = typed.groupby(["actor", "type"], sort=False).size().reset_index(name="n")
            n = n.sort_values("n", ascending=False, kind="stable").drop_duplicates("actor")
            _ATYPES.update(zip(n["actor"], n["type"]))
    ment_by = dict(tuple(ment.groupby("doc_id", sort=False))) if len(ment) else {}
    syntax_ok = {lg: ann.has("syntax", lg) for lg in set(langs.values())}
    results = []
    for doc_id, sent_cols in _token_columns(toks):
        lang = langs.get(doc_id, "ru")
        R = _resources(lang, verbs)
        text = texts.get(doc_id, "")
        quotes = find_quotes(text)
        syntax = syntax_ok.get(lang, False) and all(h >= 0 for c in sent_cols for h in c["head"])
        sents = [_Sent(c, lang if lang in _LANG else "ru", ent_by.get((doc_id, c["sent_id"][0]), []))
                 for c in sent_cols]
        doc_cues = []
        for si, S in enumerate(sents):
            cues = guard.call(_sentence_work, S, R, syntax, quotes, text, doc_id=doc_id, sent_id=S.sent_id)
            doc_cues.extend((si, S, c) for c in cues or ())
        if doc_cues and not guard.call(_resolve_ok, doc_cues, sents, R, ment_by.get(doc_id, ment.iloc[:0]),
                                       doc_id=doc_id):
            doc_cues = []   # speakers half-resolved: the document is skipped (recorded)
        results.append((doc_id, lang, sents, doc_cues, R))
    return results, texts, outlets


def attributions(ann, *, verbs="default", actors=None) -> pd.DataFrame:
    """One row per attribution: who is reported as saying what, how.

    Parameters
    ----------
    ann : Annotated
        The output of :func:`framing.annotate` (or :meth:`Annotated.from_conllu`).
    verbs : "default", path, DataFrame or dict
        The reporting-verb lexicon: ``"default"`` reads
        ``framing/lexicons/<lang>/reporting_verbs.tsv`` for each document's
        language; a path or DataFrame (columns ``lemma``, ``class``, optionally
        ``requires``) replaces it for every language; a dict maps a language to
        any of these.
    actors : None, Actors or DataFrame
        Actor mentions to name speakers by: the result of :func:`framing.actors`
        (or its ``mentions`` table, columns ``doc_id``, ``start``, ``end``,
        ``actor``, ``type``).  ``None`` runs :func:`framing.actors` when
        available and otherwise names speakers by the entity's ``normal`` form.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`ATTRIBUTION_COLUMNS`:

        ``doc_id``, ``outlet``, ``sent_id``
            where the cue is;
        ``speaker``, ``speaker_start``, ``speaker_end``
            the speaker as written and its character offsets (``""`` and -1
            when no speaker is named: "сообщается");
        ``actor``
            the canonical actor; pronouns ("он", "По ее данным", "її", "he"),
            bare descriptions ("глава МИД", "ведомство", "издание") and
            singular zero subjects resolved to the nearest earlier actor of
            agreeing gender, number and type in the document
            (:mod:`framing.measures._coref`); empty when none fits;
            ``"anonymous"`` for anonymous sources;
        ``speaker_type``
            person, organisation, media, anonymous or unattributed;
        ``self_citation``
            the outlet quoting itself: the document's outlet (or a variant of
            it in ``media_outlets.tsv``) is the speaker or actor ("По данным
            SHOT" in SHOT's channel), or its correspondent or newsroom named
            by role alone ("передает корреспондент");
        ``verb``, ``verb_lemma``, ``verb_class``
            the cue as written ("По словам", "выразил обеспокоенность"), its
            lemma by the project's guideline (``docs/attribution.md``: the noun
            of a source phrase, "слово", "данные", "ссылка"; "согласно"; the
            head verb of a multiword cue, "выразить"; the full adjective of a
            predicative, "уверенный", "известный" for "стало известно"; the
            verb with its "-ся" for "говорится"; ``""`` for a colon or a dash)
            and its class (:data:`VERB_CLASSES`, from the lexicon entry of the
            cue, so a class does not depend on the lemma's convention);
        ``quote_type``
            the measure's own form label, kept for compatibility: direct,
            indirect, mixed, according_to, noun or none;
        ``form``
            the guideline's form (:data:`FORMS`), first matching rule wins:
            credit (no content of its own: "Об этом сообщил X", "— X"),
            according_to ("по словам X", "как сообщает X", "со ссылкой на"),
            direct, mixed (a paraphrase with a quoted fragment), indirect (a
            complement or inverted clause), other (an NP, PP or infinitive);
        ``content``, ``content_start``, ``content_end``
            the reported content and its offsets (``""`` and -1 when there is
            none, as in "Об этом сообщил X");
        ``markers``
            list of distancing markers in or before the content ("якобы",
            "мол", "так называемый", "по версии", ``"scare_quote"``,
            ``"legal_label"`` for a legal designation in quotes, «иноагентов»);
            :func:`marker_class` gives each one's class (:data:`MARKER_CLASSES`);
        ``negated``
            the report is negated or refused ("не стал комментировать");
        ``distancing``
            the report is held at a distance by the reporter: a distancing
            reporting verb, a particle or a scare quote
            (:data:`DISTANCING_CLASSES`); an attribution phrase ("по версии
            следствия") and a legal label are not counted here;
        ``cue_start``, ``cue_end``
            character offsets of the cue;
        ``pattern``
            which rule found it (verb, infinitive, collocation, according_to,
            reference, colon, dash; ``+syntax``, ``+left``, ``+right``,
            ``+locative``, ``+coordinated`` say how the speaker was found).

        A sentence (or a document's speaker resolution) that raises is
        skipped and listed in ``.attrs["problems"]`` (``measure``, ``doc_id``,
        ``sent_id``, ``reason``) with one :class:`framing._errors.MeasureWarning`;
        ``FRAMING_STRICT=1`` raises instead.

    References
    ----------
    Bergler, S. (1992). *Evidential Analysis of Reported Speech*. PhD thesis, Brandeis.
    Caldas-Coulthard, C. R. (1994). On reporting reporting: the representation of
    speech in factual and factional narratives. In M. Coulthard (ed.), *Advances in
    Written Text Analysis*.
    Pareti, S. (2015). *Attribution: A Computational Approach*. PhD thesis, Edinburgh.
    Searle, J. R. (1976). A classification of illocutionary acts. *Language in Society* 5(1).
    Thompson, G., & Ye, Y. (1991). Evaluation in the reporting verbs used in academic
    papers. *Applied Linguistics* 12(4).
    Падучева, Е. В. (1996). *Семантические исследования*. (чужая речь, "якобы").

    Examples
    --------
    >>> from framing import Annotated, attributions
    >>> ann = Annotated.from_conllu('''# newdoc id = d1
    ... 1\\tПутин\\tПутин\\tPROPN\\t_\\tCase=Nom|Number=Sing\\t2\\tnsubj\\t_\\tNER=B-PER
    ... 2\\tзаявил\\tзаявить\\tVERB\\t_\\tNumber=Sing|VerbForm=Fin\\t0\\troot\\t_\\tSpaceAfter=No
    ... 3\\t,\\t,\\tPUNCT\\t_\\t_\\t6\\tpunct\\t_\\t_
    ... 4\\tчто\\tчто\\tSCONJ\\t_\\t_\\t6\\tmark\\t_\\t_
    ... 5\\tэто\\tэто\\tPRON\\t_\\tCase=Nom\\t6\\tnsubj\\t_\\t_
    ... 6\\tякобы\\tякобы\\tPART\\t_\\t_\\t2\\tccomp\\t_\\tSpaceAfter=No
    ... 7\\t.\\t.\\tPUNCT\\t_\\t_\\t2\\tpunct\\t_\\t_
    ... ''')
    >>> a = attributions(ann)
    >>> a.loc[0, ["speaker", "verb_lemma", "verb_class", "form", "markers"]].tolist(), bool(a.loc[0, "distancing"])
    (['Путин', 'заявить', 'neutral', 'indirect', ['якобы']], True)
    """
    _check_ann(ann)
    check("attributions", {"verbs": InstanceOf(str, os.PathLike, pd.DataFrame, dict),
                           "actors": [NoneOk(), InstanceOf(pd.DataFrame, tuple)]},
          verbs=verbs, actors=actors)
    guard = Guard("attributions")
    results, texts, outlets = _run(ann, verbs, actors, guard)
    rows = []
    for doc_id, lang, sents, doc_cues, R in results:
        text = texts[doc_id]
        for si, S, c in doc_cues:
            row = guard.call(_row, doc_id, outlets, text, S, c, R, doc_id=doc_id, sent_id=S.sent_id)
            if row is not None:
                rows.append(row)
    if not rows:
        return guard.finish(_empty())
    df = pd.DataFrame(rows, columns=ATTRIBUTION_COLUMNS)
    return guard.finish(df.reset_index(drop=True))


def _public_lemma(S: _Sent, c: _Cue, R: _Res) -> str:
    """The cue lemma by the guideline (docs/attribution.md): the noun of a source phrase
    ("по словам" → "слово"), the head verb of a multiword cue ("выразить обеспокоенность"
    → "выразить"), the full adjective of a predicative ("быть уверенным" → "уверенный",
    "стало известно" → "известный"), the verb of "говорится в сообщении"; "" for ":" and "—"."""
    fw, lem, p = R.fw, c.verb_lemma, c.pattern
    if p.startswith(("colon", "dash")):
        return ""
    if p.startswith("according_to"):
        first = S.low[c.cue[0]]
        if (first in fw["per_prep"] and c.v == c.cue[0]) or lem == "according to":
            return "согласно" if first == "согласно" else ("згідно" if first == "згідно" else lem)
        noun = S.lem[c.v]
        return fw["noun_fix"].get(noun, fw["noun_fix"].get(S.low[c.v], noun))
    if p.startswith("reference"):
        return lem if lem in fw["ref_verbs"] else fw["ref_lemma"]
    if p.startswith("from"):
        return lem            # "следует из" → следовать
    if c.head_lemma:
        return c.head_lemma
    if fw.get("evident") and lem == fw["evident"][2]:
        return fw["evident"][3]
    if p.startswith("collocation"):
        return lem.split()[0]
    if lem.startswith(("быть ", "бути ")):
        ins = lem.split(" ", 1)[1]          # "быть уверенным" → уверенный (uk "бути впевненим" → впевнений)
        return ins[:-2] + ("ый" if lem.startswith("быть ") else "ий")
    return lem


def _form(c: _Cue, content: str) -> str:
    """The guideline's form: credit, according_to, direct, mixed, indirect, other (first rule wins)."""
    if c.pattern.startswith("dash") or c.frame == "anaphoric" or c.credit or not content.strip():
        return "credit"
    if c.pattern.startswith(("according_to", "reference")) or c.frame == "as" or c.verb_lemma in _REF_VERBS:
        return "according_to"
    if c.quote_type == "direct" or c.pattern.startswith("colon"):
        return "direct"
    if c.quote_type == "mixed" or c.quoted:
        return "mixed"
    if c.frame in ("that", "inverted", "colon") or c.quote_type == "indirect":
        return "indirect"
    return "other"


_REF_VERBS = {"ссылаться", "сослаться", "посилатися", "послатися", "cite"}
_SELF_CACHE: dict = {}


def _outlet_keys(outlet: str, R: _Res) -> frozenset:
    """The spellings of a document's outlet: its name, the parts of "BBC News | Русская
    служба", and every variant in media_outlets.tsv of a medium any of them names."""
    key = (outlet, R.lang)
    if key in _SELF_CACHE:
        return _SELF_CACHE[key]
    out = set()
    parts = [outlet, *re.split(r"[|/·]", outlet)]
    for part in parts:
        k = _norm(re.sub(r"[\s«»\"“”„.]", "", part))
        if len(k) >= 3:
            out.add(k)
        for w in [part, *part.split()]:
            m = R.media.get(_norm(re.sub(r"[\s«»\"“”„.]", "", w)))
            if m:
                out |= R.variants.get(m, set())
    _SELF_CACHE[key] = frozenset(k for k in out if len(k) >= 3)
    return _SELF_CACHE[key]


def _self_cited(speaker: str, actor: str, outlet: str, R: _Res) -> bool:
    """The outlet quoting itself: its name or a variant as the speaker or actor ("По данным
    SHOT" in SHOT's channel), or its own correspondent or newsroom named by role alone."""
    if not speaker and not actor:
        return False
    keys = _outlet_keys(str(outlet), R)
    for s in (speaker, actor):
        k = _norm(re.sub(r"[\s«»\"“”„.]", "", s))
        ws = set(re.findall(r"\w+", _norm(s)))
        # a short name ("РИА", "112") only as a whole word: not inside "Приамурья"
        if k and any((x in k) if len(x) > 4 else (x in ws or x == k) for x in keys):
            return True
    words = [w for w in re.findall(r"\w+", _norm(speaker))]
    if words and any(w.startswith(h[:-1]) for w in words for h in R.fw["credit_heads"]):
        named = [w for w in re.findall(r"\w+", speaker)[1:] if w[:1].isupper()]   # "корреспондент BBC": not ours
        own = {"наш", "наша", "нашего", "нашему", "нашей", "our", "наш", "нашого"}
        return bool(own & set(words)) or not named
    return False


def _row(doc_id, outlets, text, S, c, R) -> dict:
    """The table row of one finished cue."""
    if c.spk is not None:
        ss, se = S.start[c.spk[0]], S.end[c.spk[1]]
        # strip quotes around names: сообщает "Интерфакс"
        while ss < se and text[ss] in QUOTE_CHARS:
            ss += 1
        while se > ss and text[se - 1] in QUOTE_CHARS and sum(ch in QUOTE_CHARS for ch in text[ss:se]) % 2:
            se -= 1       # a closing quote whose opening one was stripped; «Элджей» inside a phrase stays
        if se < len(text) and text[se] in "»”" and sum(ch in QUOTE_CHARS for ch in text[ss:se]) % 2:
            se += 1       # "боец с позывным «Элджей»": close the quotation the phrase opened
        # an emoji or bullet glued to a name: "▪️Блумберг"
        while ss < se and not (text[ss].isalnum() or text[ss] in QUOTE_CHARS):
            ss += 1
        speaker = text[ss:se]
    elif c.speaker_override is not None:
        ss, se, speaker = c.speaker_override
    else:
        ss = se = -1
        speaker = ""
    cs, ce = c.content if c.content else (-1, -1)
    markers = list(dict.fromkeys(m.lower() for m in c.markers))
    content = text[cs:ce] if cs >= 0 else ""
    outlet = outlets.get(doc_id, "")
    return {
        "doc_id": doc_id, "outlet": outlets.get(doc_id, ""), "sent_id": S.sent_id,
        "speaker": speaker, "speaker_start": ss, "speaker_end": se,
        "actor": c.actor, "speaker_type": c.speaker_type,
        "self_citation": _self_cited(speaker, c.actor, outlet, R),
        "verb": c.verb, "verb_lemma": _public_lemma(S, c, R), "verb_class": c.verb_class,
        "quote_type": c.quote_type, "form": _form(c, content), "content": content,
        "content_start": cs, "content_end": ce, "markers": markers,
        "negated": bool(c.negated),
        "distancing": bool(marker_classes(c.verb_class, markers) & set(DISTANCING_CLASSES)),
        "cue_start": S.start[c.cue[0]], "cue_end": S.end[c.cue[1]], "pattern": c.pattern,
    }


def markers(ann, *, verbs="default", actors=None) -> pd.DataFrame:
    """Every distancing marker and scare quote, inside an attribution or not.

    Markers whose scope is ``report`` in ``distancing_markers.tsv`` ("будто",
    "ніби", "де") count only inside an attribution's content.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`MARKER_COLUMNS`; ``attribution`` is the row number in
        :func:`attributions` whose content holds the marker, or -1.

    References
    ----------
    Predelli, S. (2003). Scare quotes and their relation to other semantic issues.
    *Linguistics and Philosophy* 26(1).
    """
    _check_ann(ann)
    guard = Guard("markers")
    results, texts, outlets = _run(ann, verbs, actors, guard)
    rows = []
    k = 0
    for doc_id, lang, sents, doc_cues, R in results:
        text = texts[doc_id]
        spans = []
        for si, S, c in doc_cues:
            if c.content:
                spans.append((c.content[0], c.content[1], k, c.verb_class == "distancing" or bool(c.markers)))
            k += 1

        def owner(s, e, need_distancing=False):
            for a, b, idx, dist in spans:
                if a - 12 <= s and e <= b:
                    return -2 if need_distancing and not dist else idx
            return -1
        quotes = find_quotes(text)
        for S in sents:
            rows.extend(guard.call(_marker_rows, S, R, doc_id, outlets.get(doc_id, ""), text, quotes, owner,
                                   doc_id=doc_id, sent_id=S.sent_id) or ())
    if not rows:
        df = pd.DataFrame({c: pd.Series(dtype="object") for c in MARKER_COLUMNS})
        for c in ("sent_id", "start", "end", "attribution"):
            df[c] = df[c].astype("int64")
        return guard.finish(df)
    return guard.finish(pd.DataFrame(rows, columns=MARKER_COLUMNS))


def _marker_rows(S, R, doc_id, outlet, text, quotes, owner) -> list:
    """The distancing markers and scare quotes of one sentence."""
    rows = []
    for i, j, name, kind, scope in _marker_hits(S, R):
        s, e = S.start[i], S.end[j]
        own = owner(s, e)
        if scope == "report" and own < 0:
            continue
        rows.append({"doc_id": doc_id, "outlet": outlet, "sent_id": S.sent_id, "start": s, "end": e,
                     "text": text[s:e], "marker": name, "kind": kind, "attribution": own})
    for q in quotes:
        if q.kind == "scare" and S.start[0] <= q.open < S.end[-1]:
            own = owner(q.open, q.close + 1, need_distancing=True)
            if own == -2:
                continue      # the quoted words of a neutral report (mixed quotation)
            kind = "legal_label" if _legal(R, text[q.open:q.close + 1]) else "scare_quote"
            rows.append({"doc_id": doc_id, "outlet": outlet, "sent_id": S.sent_id, "start": q.open,
                         "end": q.close + 1, "text": text[q.open:q.close + 1], "marker": kind,
                         "kind": kind, "attribution": own})
    return rows
