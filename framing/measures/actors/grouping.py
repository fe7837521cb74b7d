"""Actors of a corpus: the corpus-level half of :func:`framing.actors`.

:func:`group_mentions` takes the raw mention rows of every document
(:func:`framing.measures.actors.mentions.collect_mentions`, in corpus order)
and gives each its ``actor`` and ``link``; :func:`actor_tables` makes the
mentions and actors tables.  Mentions are grouped with a union-find, first
within each document, as in the within-document step of cross-document
coreference systems (Bagga & Baldwin 1998), then across documents on names
only (the passes are listed in :mod:`framing.measures.actors`).

References
----------
Bagga, A., & Baldwin, B. (1998). Entity-based cross-document coreferencing
using the vector space model. *COLING-ACL 1998*, 79–85.
"""

from __future__ import annotations

from array import array
from collections import Counter, defaultdict

import numpy as np
import pandas as pd

from ...lang.translit import guess_script_lang, is_cyrillic, name_key
from .._names import acronym, clean_variant, is_acronym, lower_key, parse_person, word_stem
from .aliases import AliasIndex
from .names import (genders_agree, is_first_name, name_gender, person_gender, person_kind, script_key,
                    stem_key, strip_person_words, title_context)
from .result import ACTOR_MENTION_COLUMNS, ACTOR_TABLE_COLUMNS, empty_mentions, empty_table


def group_mentions(ms: list, index: AliasIndex) -> None:
    """Give every mention row its ``actor`` and ``link`` (in place).

    Parameters
    ----------
    ms : list of dict
        The raw mention rows of all documents, in corpus order (document, start,
        longest first), as :func:`framing.measures.actors.mentions.collect_mentions`
        returns them for each part of the corpus.
    index : AliasIndex
        The alias tables the rows were collected with.
    """
    if not ms:
        return
    g = Grouping(index)
    g.observe(ms)
    g.within(ms)
    g.resolve()
    g.assign(ms, 0)


class Grouping:
    """The grouping of mention rows into actors, in stages over consecutive parts of a corpus.

    :func:`group_mentions` runs the stages on the whole list of rows;
    :func:`framing.measures.partitioned.measure_partitioned` runs them part by
    part (each part: the rows of consecutive whole documents, in corpus order),
    so that the rows of all documents are never held at once:

    1. :meth:`observe` every part: the corpus-level counts the grouping
       within a document reads (the countries each institution word is named
       with; the words that head full names and end them);
    2. :meth:`within` every part, in order: the unions within each document,
       and the keys that join mentions across documents, kept as a few
       integer codes per mention (its name, type, alias, kind of person name,
       surname stem, initials, gender);
    3. :meth:`resolve` once: the unions across documents, the surnames joined
       to the person their full names carry, the label of each actor;
    4. :meth:`assign` each part, with the same rows: ``actor`` and ``link``.

    Each stage gives what the one-pass grouping gave (clusters are sets of
    mentions, their roots the first mention; labels are decided on counts and
    first occurrences), so the tables do not depend on the parts.
    Memory beyond one part: the corpus-level counts and keys (one entry per
    distinct name), and about 30 bytes per mention.
    """

    def __init__(self, index: AliasIndex):
        self.index = index
        self.countries = defaultdict(set)       # institution word -> countries it is named with
        self.as_first, self.as_sur = Counter(), Counter()
        self.heads = None
        self.uf = _UF(0)
        self.first = {}                         # corpus-level key -> its first mention
        self.n = 0
        self.codes = {k: _Codes() for k in ("normal", "type", "alias", "stem", "inits", "gender")}
        self.cols = {k: array("i") for k in ("normal", "type", "alias", "stem", "inits", "gender")}
        self.flags = array("b")                 # bits: _PERSON, _DESC, _FIRST
        self.kind = array("b")
        self.root = self.label = self.lab_person = None

    # --- 1. corpus-level counts ---------------------------------------------------------
    def observe(self, ms: list) -> None:
        """Count what the grouping within documents reads of the whole corpus (one part of it)."""
        for m in ms:
            q = m.get("_qual")
            if q:
                self.countries[q[0]].add(q[1])
            if m["person"] and m["source"] != "description":
                p = parse_person(m["normal"])
                if person_kind(p) == "full":
                    self.as_first.update(word_stem(f) for f in p.first)
                    self.as_sur[word_stem(p.surname)] += 1

    def _prepare(self, ms: list) -> None:
        """Name an institution with its country when the corpus meets the institution word with two
        or more (``МИД`` + ``России`` → ``МИД России``; ``российский МИД`` → ``МИД России``; the
        candidates were marked per document, ``_qual``); parse person names."""
        if self.heads is None:
            self.heads = {h for h, c in self.countries.items() if len(c) >= 2}
        for m in ms:
            q = m.get("_qual")
            if q and q[0] in self.heads:
                head, country, normal = q
                m["head"] = head
                m["key"] = f"{head} @{country}"     # the country by its actor: МИД ФРГ = МИД Германии
                if normal is not None:
                    m["normal"] = normal
                    alias = self.index.lookup(normal)
                    if alias:
                        m["alias"] = alias
            if m["person"] and m["source"] != "description":
                m["_p"] = parse_person(m["normal"])
                m["_kind"] = person_kind(m["_p"])
                m["_gender"] = person_gender(m)

    # --- 2. within documents ------------------------------------------------------------
    def within(self, ms: list) -> None:
        """Group the mentions of one part (the rows of whole documents, the parts in corpus order)."""
        self._prepare(ms)
        base = self.n
        self.n += len(ms)
        self.uf.extend(len(ms))
        uf = self.uf

        def union(a, b):
            uf.union(base + a, base + b)

        def find(a):
            return uf.find(base + a)

        gkeys = [[] for _ in ms]     # keys that join mentions across documents
        by_doc = defaultdict(list)
        for i, m in enumerate(ms):
            by_doc[m["doc_id"]].append(i)
        for d, idx in by_doc.items():
            anchors = []   # full and initial names of persons in this document
            for i in idx:
                m = ms[i]
                if m.get("_kind") in ("full", "initial"):
                    p = m["_p"]
                    anchors.append({"i": i, "m": m, "sur": word_stem(p.surname),
                                    "first": [word_stem(f) for f in p.first],
                                    "init": [f[0].lower() for f in p.first] + [x.lower() for x in p.initials],
                                    "full": m["_kind"] == "full", "g": m["_gender"]})
            fulls = [a for a in anchors if a["full"]]
            for i in idx:
                m = ms[i]
                if m["source"] == "description":
                    continue
                kind = m.get("_kind")
                if m["person"] and kind == "full":
                    if is_cyrillic(m["normal"]):
                        gkeys[i].append(("P", m["key"]))
                    continue
                if m["person"] and kind == "initial":
                    inits = [x.lower() for x in m["_p"].initials][:1]
                    cands = [f for f in fulls if f["sur"] == word_stem(m["_p"].surname) and f["init"][:1] == inits]
                    t = _nearest(cands, m)
                    if t is not None:
                        union(t["i"], i)
                    elif is_cyrillic(m["normal"]):
                        gkeys[i].append(("PI", "".join(inits), word_stem(m["_p"].surname)))
                    continue
                if m["alias"]:
                    continue
                if m["person"] and kind == "first_init":
                    first, init = word_stem(m["_p"].surname), m["_p"].words[-1][0].lower()
                    cands = [f for f in fulls if first in f["first"]
                             and word_stem(f["m"]["_p"].surname)[:1] == name_key(init)[:1]
                             and genders_agree(f["g"], m["_gender"])]
                    t = _nearest(cands, m)
                    if t is not None:
                        union(t["i"], i)
                    else:
                        gkeys[i].append(("G", d, m["key"]))
                    continue
                if m["person"] and kind == "single":
                    st = word_stem(m["_p"].surname)
                    cands = [a for a in anchors if a["sur"] == st and genders_agree(a["g"], m["_gender"])]
                    t = _nearest(cands, m)
                    if t is None:
                        cands = [f for f in fulls if st in f["first"] and genders_agree(f["g"], m["_gender"])]
                        t = _nearest(cands, m)
                    if t is not None:
                        union(t["i"], i)
                    elif is_first_name(m["normal"], m["_lang"]) or self.as_first[st] > max(1, 2 * self.as_sur[st]):
                        gkeys[i].append(("G", d, st))      # a given name alone never leaves its document
                        if m["_tb"] in title_context("given_name_title"):
                            gkeys[i].append(("M", st))     # ... unless it is the name of its title
                    else:
                        m["_kind"] = "surname"
                        gkeys[i].append(("S", st) if is_cyrillic(m["normal"]) else ("SF", script_key(m["normal"])))
                        if is_cyrillic(m["normal"]):
                            gkeys[i].append(("SF", script_key(m["normal"])))
                    continue
                if m["person"]:
                    gkeys[i].append(("P", m["key"]) if is_cyrillic(m["normal"]) else ("PF", script_key(m["normal"])))
                    continue
                if m.get("head") is None and m["key"] in self.heads:
                    # a bare institution word: the one named with its country in this document
                    cands = [{"i": j, "m": ms[j]} for j in idx if ms[j].get("head") == m["key"]]
                    t = _nearest(cands, m)
                    if t is not None:
                        union(t["i"], i)
                        continue
                if is_acronym(m["normal"]):
                    for j in idx:
                        mj = ms[j]
                        if j != i and not mj["person"] and len(mj["normal"].split()) > 1 \
                                and acronym(mj["normal"]) == m["normal"].replace("-", "").upper():
                            union(j, i)
                            break
                elif len(m["normal"].split()) == 1 and m["source"] == "ner":
                    st = word_stem(m["normal"])
                    cands = [f for f in fulls if f["sur"] == st]
                    if len({find(f["i"]) for f in cands}) == 1:
                        union(cands[0]["i"], i)
                        continue
                if is_cyrillic(m["normal"]):
                    gkeys[i].append(("X", m["key"]))
                gkeys[i].append(("F", script_key(m["normal"])))
            for i in idx:
                m = ms[i]
                if m["person"] and m.get("_kind") in ("full", "initial") and not m["alias"]:
                    p = m["_p"]
                    gkeys[i].append(("PF", script_key(" ".join([*p.first, *p.initials[:1], p.surname]))))
        # the same key or the same alias actor; a key of one document ("G") stays in its part
        local = {}
        for i, m in enumerate(ms):
            keys = list(gkeys[i])
            if m["alias"]:
                keys.append(("A", m["alias"]))
            for k in keys:
                first = local if k[0] == "G" else self.first
                if k in first:
                    uf.union(first[k], base + i)
                else:
                    first[k] = base + i
        self._keep(ms)

    def _keep(self, ms: list) -> None:
        """The codes of each mention that :meth:`resolve` reads."""
        c, cols = self.codes, self.cols
        for m in ms:
            kind = m.get("_kind")
            p = m.get("_p")
            cols["normal"].append(c["normal"](m["normal"]))
            cols["type"].append(c["type"](m["type"]))
            cols["alias"].append(c["alias"](m["alias"]) if m["alias"] else -1)
            self.kind.append(_KINDS.get(kind, _OTHER))
            if kind in ("full", "initial", "surname"):
                inits = ({f[0].lower() for f in p.first} if kind == "full" else
                         {x.lower() for x in p.initials} if kind == "initial" else set())
                cols["stem"].append(c["stem"](word_stem(p.surname)))
                cols["inits"].append(c["inits"](frozenset(inits)))
                cols["gender"].append(c["gender"](name_gender(m["normal"])))
            else:
                cols["stem"].append(-1)
                cols["inits"].append(-1)
                cols["gender"].append(-1)
            self.flags.append((_PERSON if m["person"] else 0) | (_DESC if m["source"] == "description" else 0)
                              | (_FIRST if p is not None and p.first else 0))

    # --- 3. across documents ------------------------------------------------------------
    def resolve(self) -> None:
        """Join the groups across documents and label each actor."""
        root = self.uf.roots()
        self._join_across(root)
        root = self.uf.roots()
        self.root = root
        self.label = self._labels(root)
        person = np.zeros(len(root), dtype=bool)
        person[root[(self._flags() & _PERSON) > 0]] = True
        self.lab_person = person
        del self.first, self.cols, self.kind, self.flags, self.codes

    def _flags(self):
        return np.frombuffer(self.flags, dtype=np.int8) if len(self.flags) else np.zeros(0, np.int8)

    def _col(self, name):
        a = self.cols[name] if name in self.cols else self.kind
        return np.frombuffer(a, dtype=np.int32 if name in self.cols else np.int8) if len(a) else \
            np.zeros(0, np.int32)

    def _join_across(self, root) -> None:
        """Across documents, a person named only by surname (or initial and surname) joins the person
        whose full names carry that surname (and a fitting initial and gender), when that surname is
        unambiguous in the corpus: no other such person, or one carrying at least :data:`_DOMINANT`
        of the full-name mentions with it."""
        kind, alias = self._col("kind"), self._col("alias")
        stem, inits, gender = self._col("stem"), self._col("inits"), self._col("gender")
        inits_of, gender_of = self.codes["inits"].values, self.codes["gender"].values
        n = len(root)
        excluded = np.zeros(n, dtype=bool)      # per root: a full name or an alias in the group
        excluded[root[(kind == _KINDS["full"]) | (alias >= 0)]] = True
        owners = defaultdict(dict)              # surname stem -> root -> (initials, genders, n)
        for i in np.flatnonzero(kind == _KINDS["full"]).tolist():
            r = int(root[i])
            fi, ge, k = owners[int(stem[i])].get(r, (set(), set(), 0))
            fi.update(inits_of[inits[i]])
            g = gender_of[gender[i]]
            if g:
                ge.add(g)
            owners[int(stem[i])][r] = (fi, ge, k + 1)
        si = np.flatnonzero((kind == _KINDS["surname"]) | (kind == _KINDS["initial"]))
        si = si[~excluded[root[si]]]
        si = si[np.argsort(root[si], kind="stable")]
        groups = np.split(si, np.flatnonzero(np.diff(root[si])) + 1) if len(si) else []
        for idx in groups:
            r = int(root[idx[0]])
            cands = owners.get(int(stem[idx[0]]), {})
            ini = {x for i in idx.tolist() if kind[i] == _KINDS["initial"] for x in inits_of[inits[i]]}
            # the gender of the name itself: a tagger's guess on an indeclinable surname (Небензя) misleads
            genders = {gender_of[gender[i]] for i in idx.tolist()} - {None}
            fit = {o: k for o, (fi, ge, k) in cands.items()
                   if (not ini or ini & fi) and (not genders or not ge or genders & ge)}
            if fit:
                best = max(fit, key=lambda o: (fit[o], -o))
                if fit[best] >= _DOMINANT * sum(fit.values()):
                    self.uf.union(best, r)

    def _labels(self, root) -> dict:
        """Root → label: the alias actor most met, else the name most met (a person's full name when
        it has one; not an acronym when the group has another name), equal labels told apart."""
        n = len(root)
        flags, normal, typ, alias = self._flags(), self._col("normal"), self._col("type"), self._col("alias")
        names = self.codes["normal"].values
        size = np.bincount(root, minlength=n)
        roots = np.flatnonzero(size)
        pos = np.arange(n, dtype=np.int64)
        # the alias most met (ties: the first met)
        has = alias >= 0
        alias_of = dict(_most(root[has], alias[has], pos[has], len(self.codes["alias"].values)))
        # persons: PER is at least half of the most met type
        n_types = max(len(self.codes["type"].values), 1)
        pair, count = np.unique(root.astype(np.int64) * n_types + typ, return_counts=True)
        top = np.zeros(n, dtype=np.int64)
        np.maximum.at(top, pair // n_types, count)
        per = np.zeros(n, dtype=np.int64)
        per_code = self.codes["type"].index.get("PER")
        if per_code is not None:
            is_per = pair % n_types == per_code
            per[pair[is_per] // n_types] = count[is_per]
        person = (per > 0) & (per >= top * 0.5)
        # the names counted: a person's full names (else its names), another group's names but acronyms
        named = (flags & _DESC) == 0
        first = (flags & _FIRST) > 0
        has_first = np.zeros(n, dtype=bool)
        has_first[root[first]] = True
        acr = np.array([is_acronym(x) for x in names], dtype=bool)[normal] if n else np.zeros(0, bool)
        has_other = np.zeros(n, dtype=bool)
        has_other[root[named & ~acr]] = True
        r_p, r_f, r_o = person[root], has_first[root], has_other[root]
        counted = np.where(r_p, np.where(r_f, first, named), named & (~acr | ~r_o))
        cyr = np.array([is_cyrillic(x) for x in names], dtype=np.int64)
        form_of = dict(_most(root[counted], normal[counted], pos[counted], len(names), firsts=(root, normal),
                             bonus=cyr))
        raw, surname = {}, {}
        for r in roots.tolist():
            if r in alias_of:
                raw[r] = self.codes["alias"].values[alias_of[r]]
                continue
            best = names[form_of[r]]
            raw[r] = best
            if person[r]:
                p = parse_person(best)
                surname[r] = p.surname if p.first else None
        used = Counter(raw.values())
        sur_count = Counter(s for s in surname.values() if s)
        out = {}
        for r, lab in raw.items():
            s = surname.get(r)
            out[r] = s if s and sur_count[s] == 1 and used.get(s, 0) == 0 else lab
        # disambiguate equal labels of different groups
        seen = Counter()
        for r in sorted(out, key=lambda r: -size[r]):
            lab = out[r]
            seen[lab] += 1
            if seen[lab] > 1:
                out[r] = f"{lab} ({seen[lab]})"
        return out

    # --- 4. the actor of each mention ---------------------------------------------------
    def assign(self, ms: list, start: int) -> None:
        """Give the rows of one part (the same rows :meth:`within` was given, at ``start``) ``actor``
        and ``link``."""
        self._prepare(ms)
        labs = {}
        for i, m in enumerate(ms):
            r = int(self.root[start + i])
            lab = labs.get(r)
            if lab is None:
                lab = labs[r] = _label_info(self.label[r], bool(self.lab_person[r]))
            m["actor"] = lab[0]
            m["link"] = _link(m, *lab)


_KINDS = {"full": 1, "initial": 2, "surname": 3}
_OTHER = 0
_PERSON, _DESC, _FIRST = 1, 2, 4


class _Codes:
    """Values → consecutive integer codes (``values[code]``)."""

    def __init__(self):
        self.index, self.values = {}, []

    def __call__(self, v) -> int:
        c = self.index.get(v)
        if c is None:
            c = self.index[v] = len(self.values)
            self.values.append(v)
        return c


def _most(group, value, pos, n_values: int, *, firsts=None, bonus=None):
    """For each group, the value most met (ties: ``bonus`` of the value, then the value met first).

    ``group``, ``value``, ``pos`` (the mentions' places) are arrays of the counted mentions;
    ``firsts`` (group, value) arrays of all mentions, whose first places break ties (default: the
    counted ones).  Yields (group, value).
    """
    if not len(group):
        return
    key = group.astype(np.int64) * n_values + value
    uniq, count = np.unique(key, return_counts=True)
    fg, fv = firsts if firsts is not None else (group, value)
    fkey = fg.astype(np.int64) * n_values + fv
    fu, fi = np.unique(fkey, return_index=True)
    fpos = (np.arange(len(fkey)) if firsts is not None else pos)[fi]
    first = fpos[np.searchsorted(fu, uniq)]
    g, v = uniq // n_values, uniq % n_values
    b = bonus[v] if bonus is not None else np.zeros(len(v), np.int64)
    order = np.lexsort((first, -b, -count, g))
    g, v = g[order], v[order]
    head = np.ones(len(g), dtype=bool)
    head[1:] = g[1:] != g[:-1]
    yield from zip(g[head].tolist(), v[head].tolist())


def _label_info(lab: str, lab_person: bool) -> tuple:
    return (lab, lab_person, stem_key(lab, lab_person), guess_script_lang(lab),
            word_stem(parse_person(lab).surname) if lab_person else None)


def _link(m: dict, lab, lab_person, lab_key, lab_script, lab_sur) -> str:
    """How a mention names its actor: ``normal``, ``alias``, ``translit``, ``name`` or ``description``."""
    if m["source"] == "description":
        return "description"
    same_script = (guess_script_lang(m["normal"]) == lab_script) or \
        (is_cyrillic(m["normal"]) and is_cyrillic(lab) and guess_script_lang(m["normal"]) != "uk")
    if m["alias"] and (lower_key(m["normal"]) != lower_key(lab) or m["source"] == "alias"):
        return "alias" if not (m["key"] == lab_key and same_script) else "normal"
    if m["key"] == lab_key:
        return "normal" if same_script else "translit"
    if m["person"] and lab_sur and m.get("_p") is not None and word_stem(m["_p"].surname) == lab_sur:
        return "name" if same_script else "translit"
    return "name"


def actor_tables(ms: list, outlets: dict) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The mentions table (columns ``ACTOR_MENTION_COLUMNS``) and the actors table of grouped mention rows in corpus order."""
    df = mentions_frame(ms, outlets)
    return df, actor_table(df, unnamed(ms))


def unnamed(ms: list) -> list:
    """For each mention row, whether it is no name of its actor (a pronoun, a title standing alone)."""
    return [m["source"] in ("pronoun", "title") for m in ms]


def mentions_frame(ms: list, outlets: dict) -> pd.DataFrame:
    """The mentions table (columns ``ACTOR_MENTION_COLUMNS``) of grouped mention rows; ``outlets`` maps doc_id → outlet."""
    if not ms:
        return empty_mentions()
    df = pd.DataFrame(ms)
    df["outlet"] = df["doc_id"].map(outlets).fillna("unknown")
    df = df[ACTOR_MENTION_COLUMNS].reset_index(drop=True)
    for c in ("sent_id", "start_tok", "end_tok", "start", "end"):
        df[c] = df[c].astype("int64")
    for c in ("doc_id", "outlet", "text", "type", "normal", "actor", "link"):
        df[c] = df[c].astype(object)
    return df


class _UF:
    """Union-find over mentions 0..n-1; a group's root is its first mention."""

    def __init__(self, n):
        self.p = array("q", range(n))

    def extend(self, n):
        self.p.extend(range(len(self.p), len(self.p) + n))

    def find(self, x):
        p = self.p
        while p[x] != x:
            p[x] = p[p[x]]
            x = p[x]
        return x

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            if ra < rb:
                self.p[rb] = ra
            else:
                self.p[ra] = rb

    def roots(self):
        """The root of every element, as an array (parents always come before their children)."""
        p = np.frombuffer(self.p, dtype=np.int64).copy() if len(self.p) else np.zeros(0, np.int64)
        while True:
            q = p[p]
            if np.array_equal(q, p):
                return p
            p = q


def _nearest(cands: list, m: dict):
    """The nearest candidate before ``m``, else the first after it."""
    prev = [c for c in cands if c["m"]["start"] < m["start"]]
    if prev:
        return max(prev, key=lambda c: c["m"]["start"])
    return min(cands, key=lambda c: c["m"]["start"]) if cands else None


_DOMINANT = 0.8


def actor_table(df: pd.DataFrame, flags: list) -> pd.DataFrame:
    """The actor table; ``flags`` marks (:func:`unnamed`) the mentions that are no name of
    their actor (pronouns, titles standing alone)."""
    if df.empty:
        return empty_table()
    acc = ActorTable()
    acc.add(df, flags)
    return acc.table()


class ActorTable:
    """The actor table accumulated over parts of the mentions table: :meth:`add` the parts in corpus
    order, each holding whole documents (a document's mentions in one part), then :meth:`table`."""

    def __init__(self):
        self.acc: dict = {}

    def add(self, df: pd.DataFrame, flags: list) -> None:
        acc = self.acc
        seen = set()     # (actor, document) pairs of this part: a document is in one part only
        for actor, d, outlet, typ, normal, text, skip in zip(df["actor"], df["doc_id"], df["outlet"], df["type"],
                                                             df["normal"], df["text"], flags):
            a = acc.get(actor)
            if a is None:
                a = acc[actor] = {"types": Counter(), "normals": {}, "texts": {}, "n": 0, "docs": 0,
                                  "outlets": set()}
            a["n"] += 1
            if (actor, d) not in seen:
                seen.add((actor, d))
                a["docs"] += 1
            a["outlets"].add(str(outlet))
            if skip:
                continue
            a["types"][typ] += 1
            a["normals"].setdefault(normal, None)
            v = clean_variant(text)
            if typ == "PER":   # "Политолога Татьяну Становую" is "Татьяну Становую"
                v = strip_person_words(v, "uk" if guess_script_lang(v) == "uk" else "ru")
            a["texts"].setdefault(v, None)

    def table(self) -> pd.DataFrame:
        if not self.acc:
            return empty_table()
        rows = []
        for actor, a in self.acc.items():
            variants = [v for v in dict.fromkeys([*a["normals"], *a["texts"]]) if v]
            # the most frequent type; ties go to the type met first
            typ = max(a["types"], key=lambda t: a["types"][t]) if a["types"] else "PER"
            rows.append({"actor": actor, "type": typ, "variants": variants, "n_mentions": a["n"],
                         "n_docs": a["docs"], "outlets": sorted(a["outlets"])})
        t = pd.DataFrame(rows, columns=ACTOR_TABLE_COLUMNS)
        t = t.sort_values(["n_mentions", "actor"], ascending=[False, True], kind="stable").reset_index(drop=True)
        return t
