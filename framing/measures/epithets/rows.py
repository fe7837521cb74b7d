"""The rows of the epithet table: columns, the empty table, one row per
descriptor (with its polarity, legal flag, nicknames and scare quotes)."""

from __future__ import annotations

import pandas as pd

from .. import _evaluative_model
from .._names import lower_key
from .words import (
    _ACCUSING, _CLOSE_Q, _EVALUATIVE_PAIRS, _FAME, _INTENSIFIERS, _NICKNAMING, _NOTORIOUS, _OPEN_Q, _SO_CALLED,
    _STANCE_DEGREE, _STANCE_NOUNS,
)
from .tokens import _is_adj, _name_words, _span_text, _trim
from .lexicon import EVALUATIVE_THRESHOLD
from .polarity import _metaphor, _polarity


EPITHET_COLUMNS = ["doc_id", "outlet", "sent_id", "actor", "mention", "epithet", "epithet_lemma", "kind",
                   "polarity", "evaluative", "start", "end", "legal", "actor_start", "actor_end"]


EPITHET_KINDS = ("adjective", "title", "genitive", "compound", "relative_clause", "predicate", "description",
                 "nomination")


def _empty() -> pd.DataFrame:
    dt = {"sent_id": "int64", "start": "int64", "end": "int64", "polarity": "float64", "evaluative": "bool",
          "legal": "bool", "actor_start": "int64", "actor_end": "int64"}
    return pd.DataFrame({c: pd.Series(dtype=dt.get(c, "object")) for c in EPITHET_COLUMNS})


def _legal(s, toks, lex):
    """Whether the descriptor holds a legal designation (legal_designations.tsv)."""
    lem = [lower_key(s.lemma[t]) for t in toks]
    if any(x in lex.legal for x in lem):
        return True
    # a two-word designation split into an adjective row and a noun row
    # ("иностранных" + "агентов") keeps its flag on both
    lo, hi = min(toks), max(toks)
    if lo > 0:
        lem = [lower_key(s.lemma[lo - 1])] + lem
    if hi + 1 < len(s):
        lem = lem + [lower_key(s.lemma[hi + 1])]
    return any((a, b) in lex.legal_pairs for a, b in zip(lem, lem[1:]))


def _row(s, m, toks, kind, lex, lemma=None, skip=(), actor=None, mention=None, aspan=None):
    toks = _trim(s, toks)
    if not toks:
        return None
    if toks[0] > 0 and lower_key(s.lemma[toks[0]]) in _SO_CALLED and lower_key(s.text[toks[0] - 1]) == "так":
        toks = [toks[0] - 1] + toks  # "так называемая" is one descriptor
        lemma = None if lemma is None else "так " + lemma
    if lemma is None:
        lemma = " ".join(s.lemma[t] for t in toks if not s.is_punct(t))
    if aspan is None:
        aspan = m.get("_span") or toks
    legal = _legal(s, toks, lex)
    if kind in ("title", "genitive", "predicate", "description"):
        skip = set(skip) | _name_words(s, toks)  # "Героя России", "секретаря Союзного государства"
    pol = _polarity(s, toks, lex, skip, clause=kind == "relative_clause")
    if legal:
        pol = -1.0
    elif kind in ("adjective", "title") and _scare_quoted(s, toks):
        pol = -0.5  # «героические» защитники: a descriptor in scare quotes is distanced, ironic
    elif kind == "relative_clause" and not (pol == pol and pol != 0):
        pol = _nickname(s, toks, lex, pol)  # "которую стали называть «бранденбургской Мадонной»"
        if not (pol == pol and pol != 0) and _accused(s, toks, lex):
            pol = -0.5  # "которую Минск считает преступницей": an accusation inside the clause
    elif kind == "adjective" and not (pol == pol and pol != 0) and len(toks) > 1 and \
            any(lower_key(s.lemma[t]) in _FAME for t in toks[:2]):
        # "известный своими скандальными заявлениями", "прославившийся русофобскими
        # высказываниями", "скандально известный": a phrase of reputation judges the
        # actor by what it is known for
        rest = _polarity(s, [t for t in toks if lower_key(s.lemma[t]) not in _FAME], lex, clause=True)
        if any(lower_key(s.lemma[t]) in _NOTORIOUS for t in toks[:1]):
            rest = -0.7  # "печально известный": notoriety
        pol = rest if rest == rest and abs(rest) >= EVALUATIVE_THRESHOLD else pol
    elif kind == "predicate":
        pol = _predicate_polarity(s, toks, lex, pol)
    if kind == "adjective" and len(toks) == 1 and lower_key(s.lemma[toks[0]]) in _STANCE_DEGREE and \
            any(lower_key(s.lemma[a]) in _STANCE_NOUNS for a in list(aspan) + [toks[0] + 1] if a < len(s)):
        pol = float("nan")  # the degree of a stance ("жёсткие сторонники Brexit"), no judgement
    elif kind == "adjective" and not (pol == pol and pol != 0) and len(toks) == 1:
        # an adjective that brands the noun it stands before ("коллективный Запад": evaluative_pair)
        pair = next((_EVALUATIVE_PAIRS[k] for a in aspan
                     for k in [(lower_key(s.lemma[toks[0]]), lower_key(s.lemma[a]))] if k in _EVALUATIVE_PAIRS), None)
        pol = pol if pair is None else pair
    if kind in ("title", "nomination", "predicate") and not (pol == pol and pol != 0) and not legal:
        mp = _metaphor(s, toks, lex)  # "король рок-н-ролла", "королева марафонов": a metaphorical label
        pol = pol if mp is None else mp
    return {"doc_id": s.doc_id, "sent_id": s.sent_id, "actor": actor or m["actor"],
            "mention": mention if mention is not None else m["text"], "epithet": _span_text(s, toks),
            "epithet_lemma": lemma, "kind": kind, "polarity": pol,
            "start": s.start[toks[0]], "end": s.end[toks[-1]], "legal": legal,
            "actor_start": s.start[min(aspan)], "actor_end": s.end[max(aspan)], "_toks": toks}


def _predicate_polarity(s, toks, lex, pol):
    """The polarity of a predicate ``toks`` that its words leave neutral
    (``pol``): what a naming or considering verb names the actor
    (``_named_as``), or an intensified crime role ("Мэр — настоящий вор":
    a characterisation, not a report's finding)."""
    if pol == pol and pol != 0:
        return pol
    if _naming_verb(s, toks) is not None:
        return _named_as(s, toks, lex, pol)
    return -0.5 if _crime_role(s, toks, lex, intensified=True) else pol


def _naming_verb(s, toks):
    """The verb of nicknaming, considering or branding ("назвал", "обозвал",
    "окрестили", "считают", "заклеймил"; ``_ACCUSING``) whose secondary
    predicate the descriptor ``toks`` is, by the parse, or ``None``. Also a
    considering verb in parataxis with a copular predicate ("Мэр — вор,
    считают жители")."""
    if s.has_syntax:
        v = next((s.head[t] for t in toks if 0 <= s.head[t] < len(s) and s.head[t] not in toks and
                  lower_key(s.lemma[s.head[t]]) in _ACCUSING), None)
        if v is None:
            v = next((c for t in toks if s.head[t] not in toks for c in s.children(t)
                      if s.deprel[c] == "parataxis" and lower_key(s.lemma[c]) in _ACCUSING), None)
        if v is not None:
            return v
    # the parser often hangs the instrumental on the object ("назвал Жозепа Борреля «садовником»"):
    # the verb a few words to the left, with only the object and quotes between
    for k in range(min(toks) - 1, max(-1, min(toks) - 6), -1):
        if lower_key(s.lemma[k]) in _ACCUSING:
            return k
        if s.is_punct(k) and s.text[k] not in _OPEN_Q or s.upos[k] in ("VERB", "AUX", "ADP", "SCONJ", "CCONJ"):
            return None
    return None


def _accused(s, toks, lex):
    """Whether ``toks`` hold a naming or considering verb ("называть",
    "считать"; not a legal act, "признать") whose instrumental is a crime
    role: an accusation."""
    return any(lower_key(s.lemma[v]) in _ACCUSING and any(
        s.head[c] == v and s.upos[c] == "NOUN" and s.feats(c).get("Case") == "Ins" and
        lower_key(s.lemma[c]) in lex.role_crime for c in toks) for v in toks) if s.has_syntax else False


def _named_as(s, toks, lex, pol):
    """The polarity of what a speaker names an actor ("назвал ФРГ «заложницей»
    России", "назвал Путина убийцей"): a quoted nickname judges whom it names
    (``_nickname``); a crime role given by a naming verb is an accusation, a
    label in the speaker's voice (guideline 11), not the plain crime-role term
    of a report (guideline 5). ``pol`` otherwise ("назвал его своим
    преемником")."""
    v = _naming_verb(s, toks)
    # a nickname of one or two words («садовником», «маленьким Марко»); a longer quoted phrase
    # is a term or a charge quoted («организатором преступного сообщества»)
    pol = _nickname(s, [v] + list(toks), lex, pol, longest=2)
    if not (pol == pol and pol != 0) and _crime_role(s, toks, lex):
        pol = -0.5
    return pol


def _crime_role(s, toks, lex, intensified=False):
    """Whether the head noun of the predicate ``toks`` is a crime role
    (``roles.tsv``, field legal: вор, мошенник, убийца); with ``intensified``,
    only when an intensifier qualifies it ("настоящий вор", "сущий бандит"),
    which makes the role a characterisation rather than a report's finding
    ("задержанный оказался мошенником" stays a plain role)."""
    nouns = [t for t in toks if s.upos[t] == "NOUN" and s.feats(t).get("Case") in ("Ins", "Nom")]
    if not nouns or lower_key(s.lemma[nouns[0]]) not in lex.role_crime:
        return False
    n = nouns[0]
    # the intensifier inside the predicate or split off as the noun's adjective
    return not intensified or any(lower_key(s.lemma[t]) in _INTENSIFIERS for t in toks if t < n) or \
        (s.has_syntax and any(s.deprel[c] == "amod" and lower_key(s.lemma[c]) in _INTENSIFIERS
                              for c in s.children(n)))


def _nickname(s, toks, lex, pol, longest=5):
    """The polarity of a quoted nickname given by a naming verb inside the
    descriptor ("стали называть «регулировщицей Победы»", "назвал судью
    «говнолапочкиным»"): a nickname judges whom it names (guidelines: quoted
    labels); its sign is the evaluative-word model's sign of its strongest
    word, negative when no word is scored. ``pol`` when there is none, or
    when the quote holds more than ``longest`` words."""
    toks = sorted(toks)
    verbs = [t for t in toks if lower_key(s.lemma[t]) in _NICKNAMING]
    if not verbs:
        return pol
    # the quoted words right after the verb (also when the tagger took the
    # nickname for a name and left it out of the descriptor: «Мадонной»)
    # (the object may come between: "назвал судью Лапочкина «…»")
    q = next((t for t in range(verbs[0] + 1, min(len(s), verbs[0] + 5)) if s.text[t] in _OPEN_Q), None)
    if q is None or any(s.feats(t).get("Case") == "Ins" and s.upos[t] != "PROPN" for t in range(verbs[0] + 1, q)):
        return pol  # "называют организатором «голой вечеринки»": the quote belongs to the noun
    if q + 1 < len(s) and s.text[q + 1][:1].isupper():
        return pol  # "назывался «Мутабор»": a name, not a nickname
    after = []
    for t in range(q + 1, len(s)):
        if s.text[t] in _CLOSE_Q:
            break
        after.append(t)
    else:
        return pol
    words = [t for t in after if not s.is_punct(t) and s.upos[t] in ("NOUN", "ADJ", "PROPN", "X")]
    if not words or len(words) > longest:
        return pol
    best = None
    if lex.model is not None:
        for t in words:
            sc = _evaluative_model.score(lex.model, s.lemma[t], "ADJ" if _is_adj(s, t) else "NOUN")
            if sc is not None and (best is None or sc[0] > best[0]):
                best = sc
    return 0.5 * best[1] if best is not None else -0.5


def _scare_quoted(s, toks):
    """A short lower-case descriptor wrapped in quotes of its own («смельчаки»,
    «героические»): the writer distances themselves from it (guidelines:
    scare-quoted labels are evaluative)."""
    lo, hi = min(toks), max(toks)
    if s.text[lo] in _OPEN_Q and s.text[hi] in _CLOSE_Q:
        lo, hi = lo + 1, hi - 1
    elif not (lo > 0 and hi + 1 < len(s) and s.text[lo - 1] in _OPEN_Q and s.text[hi + 1] in _CLOSE_Q):
        return False
    elif s.text[lo - 1] in _OPEN_Q and s.text[lo - 1] in _CLOSE_Q and \
            sum(s.text[x] == s.text[lo - 1] for x in range(lo - 1)) % 2:
        return False  # a straight quote that closes the name before ("БАРС-32" группировки "Днепр")
    words = [t for t in range(lo, hi + 1) if not s.is_punct(t)]
    return 0 < len(words) <= 3 and s.text[words[0]][:1].islower()
