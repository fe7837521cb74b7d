"""One sentence as arrays, one cue, and the token tests every step shares.

:class:`_Sent` holds a sentence's tokens as Python lists (the speed of the
measure comes from not touching pandas per token): it is built from the shared
sentence view :class:`framing.measures._names.Sentence`, which reads the token
columns (and parses UD features with :func:`framing.lang.ud.parse_feats`) for every
measure, and adds what only attribution reads.  :class:`_Cue` is one reporting cue being
filled in by the later steps (speaker, content, markers, actor).  The helpers
here (nominative-like, agreement, noun-phrase extent, media names, clause and
content edges) are read by the speaker search, the cue finders and the content
rules alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...lang.punct import LONG_DASHES
from .._names import Sentence
from .quotes import QUOTE_CHARS
from .words import _BOUND, _INFINITIVE, _NOMINAL, _Res, _en_lemmas, _norm, function_words


#: characters some outlets set for a dash (U+2212 minus sign, U+2015 horizontal bar)
_DASH_LIKE = frozenset("\u2212\u2015")


# --- one sentence as arrays ----------------------------------------------------------
class _Sent:
    """Attribution's view of one sentence, built from the shared view
    :class:`framing.measures._names.Sentence` (which reads the token columns, for every
    measure).  It adds what only attribution reads: word forms lower-cased with ё as е and
    ’ as ' (``low``, with an emoji or bullet glued to a word stripped; ``lem``, the lemma so
    normalised; ``lems``, the lemmas a word may have), features parsed for every token
    (``feats``), a head of -2 for the root and -1 for no parse, children lists, entities as
    token ranges (``ents``), and link targets hidden as ``"*"`` tokens.  Its word lists are
    copies: hiding links does not alter the shared view."""

    def __init__(self, base: Sentence, ents: list):
        self.doc_id = base.doc_id
        self.sent_id = base.sent_id
        self.text = list(base.text)
        # a minus sign or a horizontal bar standing alone between words is a dash ("«…», − указал
        # Маас"): the rules read it as one, the offsets are the token's own
        for i, t in enumerate(self.text):
            if t in _DASH_LIKE and 0 < i < len(self.text) - 1 and base.start[i] > base.end[i - 1] \
                    and base.start[i + 1] > base.end[i]:
                self.text[i] = "—"
            # two hyphens for a dash, as typed in fiction and plain-text dialogue ("-- Садись, -- сказал
            # он"): a token of its own that begins the sentence or follows a space or a comma
            elif t in ("--", "---") and (i == 0 or base.start[i] > base.end[i - 1] or self.text[i - 1] in (",", "!", "?", "…")):
                self.text[i] = "—"
        # an emoji or bullet glued to a word ("🔻По данным") does not hide the word
        self.low = [_norm(t.lstrip("".join(ch for ch in t if not (ch.isalnum() or ch in QUOTE_CHARS))))
                    if t[:1] and not (t[:1].isalnum() or t[:1] in QUOTE_CHARS) and any(ch.isalpha() for ch in t)
                    else _norm(t) for t in self.text]
        self.lem = [_norm(l) if isinstance(l, str) and l not in ("_", "") else lw
                    for l, lw in zip(base.lemma_raw, self.low)]
        self.upos = list(base.upos)
        self.n = len(base)
        self.feats = [base.feats(i) for i in range(self.n)]
        if base.lang != "en":
            # a past verb the tagger read as a participle ("предрекли Киеву …" → Part, Case=Dat): no
            # participle ends in a past ending, so it is read as finite (issue #12, ninth round)
            past = tuple(function_words(base.lang).get("past_ending", ()))
            for i, f in enumerate(self.feats):
                if self.upos[i] == "VERB" and f.get("VerbForm") == "Part" and f.get("Variant") != "Short" \
                        and self.low[i].endswith(past) and self.lem[i].endswith(_INFINITIVE + ("чь", "чься")):
                    self.feats[i] = {**{k: v for k, v in f.items() if k != "Case"}, "VerbForm": "Fin"}
                    if self.low[i].endswith(("ли", "лись")):    # a past plural has no gender
                        self.feats[i] = {**{k: v for k, v in self.feats[i].items() if k != "Gender"}, "Number": "Plur"}
        self.start = base.start
        self.end = base.end
        self.head = [h if h >= 0 else (-2 if r == 0 else -1) for h, r in zip(base.head, base.head_raw)]
        self.deprel = base.deprel
        self.children = [[] for _ in range(self.n)]
        for i, h in enumerate(self.head):
            if h >= 0:
                self.children[h].append(i)
        self.lang = base.lang
        # entities as token index ranges
        pos = {t: i for i, t in enumerate(base.tok_ids)}
        self.ents = []
        for e in ents:
            a, b = pos.get(int(e["start_tok"])), pos.get(int(e["end_tok"]))
            if a is not None and b is not None:
                self.ents.append({**e, "a": a, "b": b})
        self._hide_links()
        if self.lang == "en":
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
        return S.upos[i] in ("NOUN", "PROPN", "PRON", "X", "NUM", "ADJ") and S.low[i] not in function_words("en")["object_pronoun"]
    c = S.case(i)
    if c is not None:
        return c == "Nom"
    return S.upos[i] in ("PROPN", "X", "NOUN")


def _subj_ok(S: _Sent, i: int, R: _Res) -> bool:
    fw = R.fw
    if S.low[i] in ("один", "одна", "одно", "одни", "один", "одна", "one") and i + 1 < S.n and S.low[i + 1] in ("из", "з", "із", "of"):
        return True
    if S.low[i] in R.words.get("collective_subject", ()):
        return True       # "одни утверждают …, другие — …", "многие считают"
    if S.low[i] in R.words.get("lone_subject", ()) and S.case(i) in (None, "Nom") \
            and not (i and S.low[i - 1] in R.words.get("as_word", ())) \
            and (i + 1 >= S.n or S.upos[i + 1] not in ("NOUN", "PROPN", "ADJ", "NUM", "X")):
        return True       # "Одна, игравшая в карты, сказала: …", "Каждый говорил, что …": no noun after it
    if S.low[i] in fw.get("addressee_pron", ()) and S.case(i) in (None, "Nom"):
        return True       # "которому ты говорил, что …": the one addressed, in a narrated past (twelfth round)
    if S.low[i] in fw["not_subject"] or S.lem[i] in fw["not_subject"] or S.lem[i] in fw["rel"]:
        return False
    if S.text[i] == "%" and i >= 1 and S.upos[i - 1] == "NUM" and i + 1 < S.n and S.case(i + 1) == "Gen" \
            and S.upos[i + 1] in ("NOUN", "PROPN", "VERB", "ADJ"):
        return True       # a share of people: "45% опрошенных считают", "62% россиян"
    if S.text[i] in QUOTE_CHARS or not any(ch.isalpha() for ch in S.text[i]):
        return False
    if i > 0 and S.upos[i - 1] == "ADP" and S.lem[i] in R.words.get("adverbial_noun", ()):
        return False      # "в четвер", "в 2020 году": a time phrase, no subject
    u = S.upos[i]
    if i == 0 and u == "PROPN" and S.lang != "en" and S.low[i].endswith(_INFINITIVE) and S.deprel[i] in ("xcomp", "csubj"):
        return False      # an opening infinitive the tagger read as a name ("Ужесточить … предложили в России")
    if u == "PRON" and S.lem[i].endswith(_INFINITIVE) and S.case(i) == "Nom":
        return True       # a participle the tagger read as a pronoun: "Осужденная отрицала"
    if u == "PRON" and S.case(i) == "Nom" and S.low[i] not in fw["not_subject"] and S.low[i] not in fw["pron"] \
            and i + 1 < S.n and S.upos[i + 1] in ("NOUN", "PROPN") and S.case(i + 1) == "Gen":
        return True       # a noun the tagger read as a pronoun: "друг пострадавшего"
    if u == "PRON" or (u == "DET" and S.low[i] in fw["pron"] and S.case(i) in (None, "Nom")):
        return S.low[i] in fw["pron"]       # also the demonstrative "тот" the tagger reads as a determiner
    if u in ("NOUN", "PROPN", "X"):
        return True
    if u == "ADJ" and S.lem[i] in R.heads:
        return True
    if u == "VERB" and S.feats[i].get("VerbForm") == "Part" and S.feats[i].get("Variant") != "Short" \
            and S.case(i) == "Nom" and (i + 1 >= S.n or S.upos[i + 1] not in ("NOUN", "PROPN", "ADJ", "X")
                                        or S.case(i + 1) in ("Ins", "Gen", "Dat")):
        return True       # a participle standing for its noun: "Пострадавшая утверждает", "Командующий
        # военным положением объявил" (its own object after it, in another case)
    if u == "ADJ" and S.lang != "en" and S.case(i) == "Nom" and (i + 1 >= S.n or S.upos[i + 1] not in ("NOUN", "PROPN", "ADJ", "X")
                                                               or S.case(i + 1) not in (None, "Nom")):
        return True       # a noun-like adjective: "Пострадавшая", "призвала Навальная украинцев"
    return False


def neuter_short(S: _Sent, i: int) -> bool:
    """A neuter short passive participle ("заявлено", "сказано"): the agentless form of a verb."""
    return S.feats[i].get("Variant") == "Short" and S.feats[i].get("Gender") == "Neut"


def agentless(S: _Sent, c: _Cue, R) -> bool:
    """An agentless report: an impersonal form ("сообщается", "стало известно") or a neuter short
    passive ("заявлено", "отмечено")."""
    return (c.head_lemma or c.verb_lemma) in R.fw["impersonal"] or S.low[c.v] in R.fw["impersonal"] \
        or neuter_short(S, c.v)


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
            and len(inside) % 2 and any(S.text[x] in QUOTE_CHARS for x in range(hi + 1, min(S.n, hi + 5))):
        inside = inside[:-1]  # the subject is a quoted name after the verb: пишет «Украинская правда» (an odd
        # count: not the closing mark of "в интервью «Коммерсанту» руководитель направления «Ипотека» …")
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
    """A verb of the lexicon that reports here: not a verb of support without a proposal as its
    object ("поддерживают отставку Мэй", "поддержали семьи")."""
    return any(l in R.verbs for l in S.lems[i]) and not (support_verb(S, i, R) and not supported_object(S, i + 1, R))


def support_verb(S, v: int, R) -> bool:
    """A verb of support (``support_verb`` in attribution_words.tsv: поддержать)."""
    return any(l in R.words.get("support_verb", ()) for l in S.lems[v])


def supported_object(S, k: int, R) -> bool:
    """The object from token ``k`` (past adverbs and adjectives) is a proposal or position
    (``supported_object``: предложение, идея, инициатива, позиция …): support of it is a stance
    ("поддержала предложение"); support of people or a cause is an act ("поддержали семьи")."""
    while k < S.n and S.upos[k] in ("ADV", "ADJ", "DET", "PART"):
        k += 1
    return k < S.n and S.lem[k] in R.words.get("supported_object", ()) and S.case(k) in (None, "Acc")


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
def _span_from(S, k):
    """The content's token span from token ``k`` to its end (``_content_end``), or ``None`` when ``k``
    is past the sentence: a cue at the end of its sentence ("На дискуссии выступят:" before a list on
    the next line) has no content in it."""
    return (k, _content_end(S, k)) if k < S.n else None


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


def _lead(S: _Sent) -> int:
    """The first token that is not markup, an emoji or a bullet ("**", "▪️", "⚡️")."""
    i = 0
    while i < S.n and (_markup(S, i) or not any(ch.isalnum() for ch in S.text[i])) and S.text[i] not in QUOTE_CHARS:
        i += 1
    return i


# --- the sentence pass -------------------------------------------------------------------
def _in_quote(S: _Sent, i: int) -> bool:
    """Token ``i`` stands inside a quotation (not a quoted name)."""
    return any(a <= S.start[i] < b for a, b in getattr(S, "quote_spans", ()))


def c_case(S: _Sent, c: _Cue):
    """The case of the first word of a cue's content ("сообщала о шести" → Loc), to match the
    gapped second content ("а Зеленский — о семи")."""
    return S.case(c.ctok[0]) if c.ctok else None


def _line_end(S: _Sent, span) -> int:
    """The last token of ``span`` on the line where it starts: a headline's content ends at its
    line break, so a report in the next paragraph does not make the headline a label."""
    a, b = span
    return min([x - 1 for x in getattr(S, "nl", ()) if a < x <= b] + [b])


def dateline(S: _Sent, lo: int, hi: int, R: _Res, *, dated: bool = False) -> bool:
    """Tokens ``lo:hi`` are the place and date of a news agency's dateline: a capitalised place,
    a day and a month, punctuation ("МОСКВА, 12 ноя", "Москва. 8 июля."); with ``dated``, a day
    and a month must be there (``month`` in attribution_words.tsv)."""
    months = R.words.get("month", ())
    day = month = False
    for x in range(lo, hi):
        t = S.text[x]
        if S.low[x].rstrip(".") in months or S.lem[x] in months:
            month = True
        elif t.isdigit():
            day = True
        elif not (t in (",", ".", "/") or (t[:1].isupper() and S.upos[x] in ("PROPN", "NOUN", "X", "ADJ"))):
            return False
    return (day and month) or not dated


def dateline_end(S: _Sent, R: _Res):
    """The dash closing a dateline with its agency at the start of a sentence ("Москва. 8 июля.
    INTERFAX.RU - Пилоты объявили …": the agency in capitals, then a dash), or None."""
    for d in range(1, min(S.n - 1, 14)):
        if S.text[d] not in ("-", *LONG_DASHES):
            continue
        m = d
        while m > 0 and S.text[m - 1] not in (",", ".") and any(ch.isalpha() for ch in S.text[m - 1]) \
                and all(ch.isupper() for ch in S.text[m - 1] if ch.isalpha()):
            m -= 1
        return d if m < d and dateline(S, 0, m, R) else None
    return None
