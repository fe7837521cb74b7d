"""Naming: how each outlet names each actor, and the contested naming choices of the region.

:func:`naming` returns a :class:`Naming` of five tables:

``forms`` (:data:`NAMING_COLUMNS`)
    per outlet, actor and naming form: ``n``, ``share`` (of the actor's
    mentions in that outlet) and ``n_docs``.  Forms of persons: ``surname``
    (bare surname), ``full_name`` (with first name or initials), ``title_name``
    (a title or apposition with the name), ``epithet_title_name`` (an
    evaluative epithet with the name, with or without a title); of other
    actors ``name`` and ``abbreviation`` (and the same ``title_name`` /
    ``epithet_title_name``); for all, ``description`` (a description standing
    for the actor without its name) and ``nomination`` (an evaluative label
    standing for it, ``киевский режим`` → Украина).  Pronouns are left out.
``mentions`` (:data:`NAMING_MENTION_COLUMNS`)
    one row per naming occurrence with its ``form`` and ``variant`` (the
    lemmas of evaluative epithets, the title and the name, e.g.
    ``нелегитимный президент путин``).
``contested`` (:data:`CONTESTED_COLUMNS`)
    per outlet, concept and variant of the built-in list of contested naming
    choices (``framing/lexicons/<lang>/contested_naming.tsv``: ``в Украине`` /
    ``на Украине``, ``Киев`` / ``Київ``, ``война`` / ``СВО``, ``ВСУ`` /
    ``украинские боевики``, ``аннексия`` / ``воссоединение`` Крыма…): ``n``
    and ``share`` of that concept's occurrences in the outlet, with the
    variant's ``stance``.
``contested_hits`` (:data:`CONTESTED_HIT_COLUMNS`)
    every occurrence, with its document, sentence and character offsets.
``distinctive`` (:data:`DISTINCTIVE_COLUMNS`)
    naming variants of the same actor that are distinctive for an outlet
    against all other outlets, scored with the weighted log-odds ratio with an
    informative Dirichlet prior (Monroe, Colaresi & Quinn 2008) of
    :mod:`framing.compare.keyness`; the prior is the actor's pooled variant
    counts.

A contested pattern is a sequence of lemmas separated by spaces, each a set of
alternatives separated by ``|`` (``в|во украина``), matched over the lemmas
of a sentence (punctuation skipped, hyphenated words kept whole); a pattern
starting with ``re:`` is a regular expression over the sentence text
(case-insensitive unless it says ``(?-i)``).

References
----------
Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' words: Lexical
feature selection and evaluation for identifying the content of political
conflict. *Political Analysis* 16(4), 372–403.
Reisigl, M., & Wodak, R. (2001). *Discourse and Discrimination*. Routledge
(referential strategies).
"""

from __future__ import annotations

import os
import re
import warnings
from collections import defaultdict
from typing import NamedTuple

import pandas as pd

from .._display import shows_tables
from .._errors import MeasureWarning
from .._options import InstanceOf, Interval, NoneOk, OneOf, check
from ..compare.keyness import log_odds_dirichlet
from ..compare.rates import shares
from ..lexicons import read_lexicon
from ._guard import Guard
from ._language import gate
from ._names import doc_langs, doc_outlets, is_acronym, iter_sentences, lower_key, parse_person

__all__ = ["naming", "Naming", "contested_naming", "NAMING_COLUMNS", "NAMING_MENTION_COLUMNS",
           "CONTESTED_COLUMNS", "CONTESTED_HIT_COLUMNS", "DISTINCTIVE_COLUMNS", "NAMING_FORMS"]

NAMING_COLUMNS = ["outlet", "actor", "form", "n", "share", "n_docs"]
NAMING_MENTION_COLUMNS = ["doc_id", "outlet", "sent_id", "actor", "text", "form", "variant", "start", "end"]
CONTESTED_COLUMNS = ["outlet", "concept", "variant", "stance", "n", "share", "n_docs"]
CONTESTED_HIT_COLUMNS = ["doc_id", "outlet", "sent_id", "lang", "concept", "variant", "stance", "text", "start",
                         "end"]
DISTINCTIVE_COLUMNS = ["outlet", "actor", "variant", "n", "n_other", "log_odds", "z"]
NAMING_FORMS = ("surname", "full_name", "name", "abbreviation", "title_name", "epithet_title_name",
                "description", "nomination")

_SPEC = {
    "actors": [OneOf(None), InstanceOf(tuple)],
    "epithets": [NoneOk(), InstanceOf(pd.DataFrame)],
    "contested": [InstanceOf(str, os.PathLike, pd.DataFrame)],
    "min_count": Interval(1, None, integer=True),
}


@shows_tables
class Naming(NamedTuple):
    """The result of :func:`naming`."""

    forms: pd.DataFrame
    mentions: pd.DataFrame
    contested: pd.DataFrame
    contested_hits: pd.DataFrame
    distinctive: pd.DataFrame


_HYPHENS = ("-", "‐", "‑")


def _empty(cols, ints=()):
    return pd.DataFrame({c: pd.Series(dtype="int64" if c in ints else
                                      ("float64" if c in ("share", "log_odds", "z") else "object"))
                         for c in cols})


def naming(ann, *, actors=None, epithets=None, contested="default", min_count: int = 2) -> Naming:
    """Naming forms per outlet and actor, contested naming choices, distinctive forms.

    Parameters
    ----------
    ann : Annotated
    actors : Actors, optional
        The result of :func:`framing.actors` (computed when not given).
    epithets : DataFrame, optional
        The result of :func:`framing.epithets` on the same actors (computed when
        not given).
    contested : str, path or DataFrame
        ``"default"``: the built-in ``contested_naming`` list of each document's
        language; or a table with columns ``variant``, ``pattern``, ``concept``
        and ``stance``.
    min_count : int
        Distinctive variants need at least this many occurrences in the outlet.

    Returns
    -------
    Naming
        ``(forms, mentions, contested, contested_hits, distinctive)``; see the
        module docstring.  A mention or sentence that raises is skipped and
        listed in each table's ``.attrs["problems"]`` (``measure``, ``doc_id``,
        ``sent_id``, ``reason``) with one :class:`framing._errors.MeasureWarning`;
        ``FRAMING_STRICT=1`` raises instead.

    References
    ----------
    Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' words.
    *Political Analysis* 16(4), 372–403.

    Examples
    --------
    >>> import framing
    >>> ann = framing.Annotated.from_conllu(
    ...     "1\\tв\\tв\\tADP\\t_\\t_\\t2\\tcase\\t_\\t_\\n2\\tУкраине\\tУкраина\\tPROPN\\t_\\tCase=Loc\\t0\\troot\\t_\\tNER=B-LOC")
    >>> framing.naming(ann).contested_hits["variant"].tolist()
    ['в Украине']
    """
    check("naming", _SPEC, actors=actors, epithets=epithets, contested=contested, min_count=min_count)
    guard = Guard("naming")
    ann = gate(ann, guard)
    if actors is None:
        from .actors import actors as _actors
        actors = _actors(ann)
    if epithets is None:
        from .epithets import epithets as _epithets
        epithets = _epithets(ann, actors=actors)
    men = _naming_mentions(ann, actors, epithets, guard)
    forms = _forms(men)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MeasureWarning)  # counted in naming's own warning below
        hits = contested_naming(ann, contested=contested)
    guard.extend(hits.attrs.get("problems"))
    result = Naming(forms, men, _contested_summary(hits), hits, _distinctive(men, min_count))
    guard.finish(*result)
    return result


# --- naming forms ------------------------------------------------------------------

def _naming_mentions(ann, actors, ep, guard) -> pd.DataFrame:
    m = actors.mentions
    if m.empty and (ep is None or ep.empty):
        return _empty(NAMING_MENTION_COLUMNS, ("sent_id", "start", "end"))
    known = set(actors.table["actor"]) if len(actors.table) else set()
    types = dict(zip(actors.table["actor"], actors.table["type"])) if len(actors.table) else {}
    by_mention = defaultdict(list)
    for r in ep.itertuples(index=False):
        if r.kind not in ("description", "nomination"):
            by_mention[(r.doc_id, int(r.sent_id), r.actor, r.mention)].append(r)
    rows = []
    for r in m.itertuples(index=False):
        if r.link == "pronoun":
            continue
        row = guard.call(_mention_row, r, by_mention, types, doc_id=r.doc_id, sent_id=r.sent_id)
        if row is not None:
            rows.append(row)
    # descriptions from the alias table are counted from the mentions above
    described = {(d, int(st)) for d, st, lk in zip(m["doc_id"], m["start"], m["link"]) if lk == "description"}
    for e in ep.itertuples(index=False):
        if e.kind == "description":
            if (e.doc_id, int(e.start)) in described:
                continue
            rows.append(_nm(e.doc_id, e.outlet, e.sent_id, e.actor, e.epithet, "description",
                            e.epithet_lemma, e.start, e.end))
        elif e.kind == "nomination" and e.actor in known:
            rows.append(_nm(e.doc_id, e.outlet, e.sent_id, e.actor, e.epithet, "nomination",
                            e.epithet_lemma, e.start, e.end))
    if not rows:
        return _empty(NAMING_MENTION_COLUMNS, ("sent_id", "start", "end"))
    df = pd.DataFrame(rows, columns=NAMING_MENTION_COLUMNS)
    order = {d: i for i, d in enumerate(ann.docs["doc_id"])}
    df["_o"] = df["doc_id"].map(order)
    df = df.sort_values(["_o", "start", "end"], kind="stable").drop(columns="_o").reset_index(drop=True)
    for c in ("sent_id", "start", "end"):
        df[c] = df[c].astype("int64")
    return df


def _mention_row(r, by_mention, types) -> dict:
    """The naming row of one actor mention (its form and variant)."""
    if r.link == "description":
        return _nm(r.doc_id, r.outlet, r.sent_id, r.actor, r.text, "description", lower_key(r.text), r.start, r.end)
    eps = by_mention.get((r.doc_id, int(r.sent_id), r.actor, r.text), [])
    person = r.type == "PER" or types.get(r.actor) == "PER"
    titles = [e for e in eps if e.kind in ("title", "compound")]
    evals = [e for e in eps if e.evaluative and e.kind in ("adjective", "genitive", "title", "compound")
             and e.start < r.start]
    if evals:
        form = "epithet_title_name"
    elif titles and any(e.start < r.start or e.kind == "title" for e in titles):
        form = "title_name"
    elif person:
        p = parse_person(r.normal)
        form = "full_name" if (p.first or p.initials) else "surname"
    else:
        form = "abbreviation" if is_acronym(r.normal) else "name"
    parts = [e.epithet_lemma for e in sorted(evals, key=lambda e: e.start) if e.kind == "adjective"]
    parts += [titles[0].epithet_lemma] if titles else []
    parts.append(lower_key(r.normal))
    start = min([r.start] + [e.start for e in eps if e.start < r.start])
    return _nm(r.doc_id, r.outlet, r.sent_id, r.actor, r.text, form, " ".join(parts), start, r.end)


def _nm(doc_id, outlet, sent_id, actor, text, form, variant, start, end):
    return {"doc_id": doc_id, "outlet": outlet, "sent_id": int(sent_id), "actor": actor, "text": text,
            "form": form, "variant": variant, "start": int(start), "end": int(end)}


def _forms(men: pd.DataFrame) -> pd.DataFrame:
    if men.empty:
        return _empty(NAMING_COLUMNS, ("n", "n_docs"))
    g = men.groupby(["outlet", "actor", "form"], sort=True).agg(n=("doc_id", "size"),
                                                              n_docs=("doc_id", "nunique")).reset_index()
    g = shares(g, within=["outlet", "actor"])
    g["n"] = g["n"].astype("int64")
    g["n_docs"] = g["n_docs"].astype("int64")
    return g[NAMING_COLUMNS].reset_index(drop=True)


# --- contested naming ----------------------------------------------------------------

def _compile(pattern: str):
    pattern = str(pattern).strip()
    if pattern.startswith("re:"):
        body = pattern[3:]
        flags = 0 if body.startswith("(?-i)") else re.IGNORECASE
        if body.startswith("(?-i)"):
            body = body[5:]
        return ("re", re.compile(body, flags))
    toks = [frozenset(lower_key(a) for a in t.split("|") if a) for t in pattern.split()]
    return ("lemmas", [t for t in toks if t])


def _contested_table(contested, lang):
    if isinstance(contested, str) and contested == "default":
        try:
            df = read_lexicon(f"{lang}/contested_naming")
        except Exception:  # noqa: BLE001 - no list for this language
            return []
    else:
        df = read_lexicon(contested, lang=lang, columns=["variant", "pattern", "concept"])
    out = []
    for r in df.fillna("").to_dict("records"):
        out.append((r["variant"], r["concept"], r.get("stance", "") or r.get("side", ""), _compile(r["pattern"])))
    return out


def _units(s) -> list:
    """The words of a sentence for lemma patterns: ``(lemma, start, end)``, None for punctuation.

    Two words joined by a hyphen with no space (``северо-восток``, ``ЛГБТ-парады``)
    make one unit; a hyphen next to a symbol or a quote (``ЛГБТ*-парады``,
    ``50%-ная``, ``«птичек»-камикадзе``) stays punctuation.
    """
    units = []
    n = len(s)
    i = 0
    while i < n:
        if s.is_punct(i):
            units.append(None)
            i += 1
            continue
        lem, a, b = s.lemma[i], s.start[i], s.end[i]
        # word HYPHEN word, all three touching
        while (i + 2 < n and s.text[i + 1] in _HYPHENS and not s.is_punct(i + 2)
               and s.start[i + 1] == s.end[i] and s.start[i + 2] == s.end[i + 1]):
            lem, b = lem + "-" + s.lemma[i + 2], s.end[i + 2]
            i += 2
        units.append((lem, a, b))
        i += 1
    return units


class _Patterns:
    """A language's contested variants, lemma patterns indexed by their first word."""

    def __init__(self, table: list):
        self.table = table
        self.regex = [(k, v) for k, v in enumerate(table) if v[3][0] == "re"]
        self.by_first = defaultdict(list)
        for k, (variant, concept, stance, (kind, pat)) in enumerate(table):
            if kind == "lemmas" and pat:
                for alt in pat[0]:
                    self.by_first[alt].append(k)

    def __bool__(self):
        return bool(self.table)


def _contested_in_sentence(s, patterns: _Patterns, text: str) -> list:
    """Hits of the contested patterns in one sentence, as row tuples (in the order of the list)."""
    found = []
    units = _units(s)
    keys = [None if u is None else lower_key(u[0]) for u in units]
    s0, s1 = s.start[0], s.end[-1]
    for k, (variant, concept, stance, (kind, pat)) in patterns.regex:
        for mt in pat.finditer(text, s0, s1):
            found.append((k, mt.start(), (s.doc_id, s.sent_id, s.lang, concept, variant, stance, mt.group(0),
                                          mt.start(), mt.end())))
    for i, key in enumerate(keys):
        if key is None:
            continue
        for k in patterns.by_first.get(key, ()):
            variant, concept, stance, (kind, pat) = patterns.table[k]
            L = len(pat)
            if i + L <= len(units) and all(keys[i + j] is not None and keys[i + j] in pat[j] for j in range(1, L)):
                a, b = units[i][1], units[i + L - 1][2]
                found.append((k, a, (s.doc_id, s.sent_id, s.lang, concept, variant, stance, text[a:b], a, b)))
    found.sort(key=lambda f: (f[0], f[1]))
    return [f[2] for f in found]


def contested_naming(ann, *, contested="default") -> pd.DataFrame:
    """Every occurrence of a contested naming variant (columns :data:`CONTESTED_HIT_COLUMNS`).

    See :func:`naming`; this is its ``contested_hits`` table alone.
    """
    guard = Guard("contested_naming")
    ann = gate(ann, guard)
    langs = doc_langs(ann)
    outlets = doc_outlets(ann)
    texts = dict(zip(ann.docs["doc_id"], ann.docs["text"]))
    tables = {}
    rows = []
    order = {d: i for i, d in enumerate(ann.docs["doc_id"])}
    for s in iter_sentences(ann.tokens, langs, {}):
        if s.lang not in tables:
            tables[s.lang] = _Patterns(_contested_table(contested, s.lang))
        table = tables[s.lang]
        if not table or not len(s):
            continue
        found = guard.call(_contested_in_sentence, s, table, texts.get(s.doc_id, ""), doc_id=s.doc_id,
                           sent_id=s.sent_id)
        rows.extend(found or ())
    return guard.finish(_contested_frame(rows, outlets, order))


def _contested_frame(rows, outlets, order) -> pd.DataFrame:
    if not rows:
        return _empty(CONTESTED_HIT_COLUMNS, ("sent_id", "start", "end"))
    df = pd.DataFrame(rows, columns=["doc_id", "sent_id", "lang", "concept", "variant", "stance", "text", "start",
                                     "end"])
    # a longer variant of the same concept wins over a shorter one at the same place
    df["_len"] = df["end"] - df["start"]
    df = df.sort_values(["doc_id", "start", "_len"], ascending=[True, True, False], kind="stable")
    keep, last = [], {}
    for r in df.itertuples():
        k = (r.doc_id, r.concept)
        prev = last.get(k)
        if prev is not None and r.start < prev:
            continue
        last[k] = r.end
        keep.append(r.Index)
    df = df.loc[keep]
    df["outlet"] = df["doc_id"].map(outlets).fillna("unknown")
    df["_o"] = df["doc_id"].map(order)
    df = df.sort_values(["_o", "start", "concept"], kind="stable")
    df = df[CONTESTED_HIT_COLUMNS].reset_index(drop=True)
    for c in ("sent_id", "start", "end"):
        df[c] = df[c].astype("int64")
    return df


def _contested_summary(hits: pd.DataFrame) -> pd.DataFrame:
    if hits.empty:
        return _empty(CONTESTED_COLUMNS, ("n", "n_docs"))
    g = hits.groupby(["outlet", "concept", "variant", "stance"], sort=True).agg(
        n=("doc_id", "size"), n_docs=("doc_id", "nunique")).reset_index()
    g = shares(g, within=["outlet", "concept"])
    g["n"] = g["n"].astype("int64")
    g["n_docs"] = g["n_docs"].astype("int64")
    return g[CONTESTED_COLUMNS].reset_index(drop=True)


# --- distinctive naming --------------------------------------------------------------

def _distinctive(men: pd.DataFrame, min_count: int) -> pd.DataFrame:
    if men.empty or men["outlet"].nunique() < 2:
        return _empty(DISTINCTIVE_COLUMNS, ("n", "n_other"))
    rows = []
    counts = men.groupby(["actor", "variant", "outlet"], sort=True).size()
    spread = men.groupby("actor", sort=True).agg(outlets=("outlet", "nunique"), variants=("variant", "nunique"))
    for actor in spread.index[(spread["outlets"] >= 2) & (spread["variants"] >= 2)]:
        tab = counts.loc[actor].unstack("outlet", fill_value=0)   # variants × outlets, as pd.crosstab
        pooled = tab.sum(axis=1).to_numpy(dtype=float)
        alpha = pooled / pooled.sum() * max(pooled.sum(), 1.0)
        for outlet in tab.columns:
            y_i = tab[outlet].to_numpy(dtype=float)
            y_j = pooled - y_i
            delta, z = log_odds_dirichlet(y_i, y_j, alpha)
            for v, n, no, d, zz in zip(tab.index, y_i, y_j, delta, z):
                if n >= min_count:
                    rows.append({"outlet": outlet, "actor": actor, "variant": v, "n": int(n), "n_other": int(no),
                                 "log_odds": float(d), "z": float(zz)})
    if not rows:
        return _empty(DISTINCTIVE_COLUMNS, ("n", "n_other"))
    df = pd.DataFrame(rows, columns=DISTINCTIVE_COLUMNS)
    return df.sort_values(["actor", "outlet", "z"], ascending=[True, True, False], kind="stable").reset_index(drop=True)
