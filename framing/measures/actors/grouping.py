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

from collections import Counter, defaultdict

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
    uf = _group(ms, index)
    clusters = defaultdict(list)
    for i in range(len(ms)):
        clusters[uf.find(i)].append(i)
    labels = _labels(ms, clusters)
    for root, idx in clusters.items():
        for i in idx:
            ms[i]["actor"] = labels[root]
    _links(ms, clusters, labels)


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


def _qualify_institutions(ms: list, index: AliasIndex) -> set:
    """Give an institution named with its country the country as part of its
    name (``МИД`` + ``России`` → ``МИД России``; ``российский МИД`` → ``МИД
    России``) when the same institution word is met with two or more
    countries in the corpus; return the keys of those institution words.
    The candidates were marked per document (``_qual``)."""
    quals = [(m, *m["_qual"]) for m in ms if m.get("_qual")]
    countries = defaultdict(set)
    for m, head, country, _ in quals:
        countries[head].add(country)
    ambiguous = {h for h, c in countries.items() if len(c) >= 2}
    for m, head, country, normal in quals:
        if head not in ambiguous:
            continue
        m["head"] = head
        m["key"] = f"{head} @{country}"     # the country by its actor: МИД ФРГ = МИД Германии
        if normal is not None:
            m["normal"] = normal
            alias = index.lookup(normal)
            if alias:
                m["alias"] = alias
    return ambiguous


class _UF:
    def __init__(self, n):
        self.p = list(range(n))

    def find(self, x):
        while self.p[x] != x:
            self.p[x] = self.p[self.p[x]]
            x = self.p[x]
        return x

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            if ra < rb:
                self.p[rb] = ra
            else:
                self.p[ra] = rb


def _nearest(cands: list, m: dict):
    """The nearest candidate before ``m``, else the first after it."""
    prev = [c for c in cands if c["m"]["start"] < m["start"]]
    if prev:
        return max(prev, key=lambda c: c["m"]["start"])
    return min(cands, key=lambda c: c["m"]["start"]) if cands else None


def _group(ms: list, index: AliasIndex) -> "_UF":
    """Union-find of mentions into actors (see the module docstring)."""
    uf = _UF(len(ms))
    heads = _qualify_institutions(ms, index)
    gkeys = [[] for _ in ms]     # global keys of each mention
    by_doc = defaultdict(list)
    for i, m in enumerate(ms):
        by_doc[m["doc_id"]].append(i)
        if m["person"] and m["source"] != "description":
            m["_p"] = parse_person(m["normal"])
            m["_kind"] = person_kind(m["_p"])
            m["_gender"] = person_gender(m)
    # given names of the corpus: words that head full names more often than they end them
    as_first, as_sur = Counter(), Counter()
    for m in ms:
        if m.get("_kind") == "full":
            as_first.update(word_stem(f) for f in m["_p"].first)
            as_sur[word_stem(m["_p"].surname)] += 1
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
                    uf.union(t["i"], i)
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
                    uf.union(t["i"], i)
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
                    uf.union(t["i"], i)
                elif is_first_name(m["normal"], m["_lang"]) or as_first[st] > max(1, 2 * as_sur[st]):
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
            if m.get("head") is None and m["key"] in heads:
                # a bare institution word: the one named with its country in this document
                cands = [{"i": j, "m": ms[j]} for j in idx if ms[j].get("head") == m["key"]]
                t = _nearest(cands, m)
                if t is not None:
                    uf.union(t["i"], i)
                    continue
            if is_acronym(m["normal"]):
                for j in idx:
                    mj = ms[j]
                    if j != i and not mj["person"] and len(mj["normal"].split()) > 1 \
                            and acronym(mj["normal"]) == m["normal"].replace("-", "").upper():
                        uf.union(j, i)
                        break
            elif len(m["normal"].split()) == 1 and m["source"] == "ner":
                st = word_stem(m["normal"])
                cands = [f for f in fulls if f["sur"] == st]
                if len({uf.find(f["i"]) for f in cands}) == 1:
                    uf.union(cands[0]["i"], i)
                    continue
            if is_cyrillic(m["normal"]):
                gkeys[i].append(("X", m["key"]))
            gkeys[i].append(("F", script_key(m["normal"])))
        for i in idx:
            m = ms[i]
            if m["person"] and m.get("_kind") in ("full", "initial") and not m["alias"]:
                p = m["_p"]
                gkeys[i].append(("PF", script_key(" ".join([*p.first, *p.initials[:1], p.surname]))))
    # the same key or the same alias actor, across documents
    first = {}
    for i, m in enumerate(ms):
        keys = list(gkeys[i])
        if m["alias"]:
            keys.append(("A", m["alias"]))
        for k in keys:
            if k in first:
                uf.union(first[k], i)
            else:
                first[k] = i
    _join_across(ms, uf)
    return uf


_DOMINANT = 0.8


def _join_across(ms: list, uf: "_UF") -> None:
    """Across documents, a person named only by surname (or initial and
    surname) joins the person whose full names carry that surname (and a
    fitting initial and gender), when that surname is unambiguous in the
    corpus: no other such person, or one carrying at least :data:`_DOMINANT`
    of the full-name mentions with it."""
    clusters = defaultdict(list)
    for i in range(len(ms)):
        clusters[uf.find(i)].append(i)
    owners = defaultdict(dict)   # surname stem -> root -> (initials, genders)
    for root, idx in clusters.items():
        for i in idx:
            m = ms[i]
            if m.get("_kind") == "full":
                fi, ge, n = owners[word_stem(m["_p"].surname)].get(root, (set(), set(), 0))
                fi.update(f[0].lower() for f in m["_p"].first)
                g = name_gender(m["normal"])
                if g:
                    ge.add(g)
                owners[word_stem(m["_p"].surname)][root] = (fi, ge, n + 1)
    for root, idx in list(clusters.items()):
        kinds = {ms[i].get("_kind") for i in idx}
        if "full" in kinds or any(ms[i]["alias"] for i in idx) or not kinds & {"surname", "initial"}:
            continue
        m = next(ms[i] for i in idx if ms[i].get("_kind") in ("surname", "initial"))
        cands = owners.get(word_stem(m["_p"].surname), {})
        inits = {x.lower() for i in idx for x in (ms[i]["_p"].initials if ms[i].get("_kind") == "initial" else [])}
        # the gender of the name itself: a tagger's guess on an indeclinable surname (Небензя) misleads
        genders = {g for i in idx if ms[i].get("_kind") in ("surname", "initial")
                   for g in [name_gender(ms[i]["normal"])] if g}
        fit = {r: n for r, (fi, ge, n) in cands.items()
               if (not inits or inits & fi) and (not genders or not ge or genders & ge)}
        if fit:
            best = max(fit, key=lambda r: (fit[r], -r))
            if fit[best] >= _DOMINANT * sum(fit.values()):
                uf.union(best, root)


def _labels(ms, clusters) -> dict:
    raw = {}
    surname = {}
    for root, idx in clusters.items():
        alias = Counter(ms[i]["alias"] for i in idx if ms[i]["alias"])
        types = Counter(ms[i]["type"] for i in idx)
        if alias:
            raw[root] = alias.most_common(1)[0][0]
            continue
        person = types.get("PER", 0) >= max(types.values()) * 0.5 and types.get("PER", 0) > 0
        if person:
            fulls = Counter(ms[i]["normal"] for i in idx if ms[i].get("_p") is not None and ms[i]["_p"].first)
            forms = fulls or Counter(ms[i]["normal"] for i in idx if ms[i]["source"] != "description")
            best = _most_common(forms, ms, idx)
            p = parse_person(best)
            raw[root] = best
            surname[root] = p.surname if p.first else None
        else:
            forms = Counter(ms[i]["normal"] for i in idx if ms[i]["source"] != "description")
            nonacr = Counter({k: v for k, v in forms.items() if not is_acronym(k)})
            raw[root] = _most_common(nonacr or forms, ms, idx)
    used = Counter(raw.values())
    sur_count = Counter(s for s in surname.values() if s)
    out = {}
    for root, lab in raw.items():
        s = surname.get(root)
        if s and sur_count[s] == 1 and used.get(s, 0) == 0:
            out[root] = s
        else:
            out[root] = lab
    # disambiguate equal labels of different clusters
    seen = Counter()
    for root in sorted(out, key=lambda r: -len(clusters[r])):
        lab = out[root]
        seen[lab] += 1
        if seen[lab] > 1:
            out[root] = f"{lab} ({seen[lab]})"
    return out


def _most_common(counter: Counter, ms, idx) -> str:
    # ties: prefer Cyrillic Russian-looking forms, then the first seen
    firsts = {}
    for i in idx:
        firsts.setdefault(ms[i]["normal"], i)
    return max(counter, key=lambda k: (counter[k], is_cyrillic(k), -firsts.get(k, 0)))


def _links(ms, clusters, labels):
    for root, idx in clusters.items():
        lab = labels[root]
        lab_person = any(ms[i]["person"] for i in idx)
        lab_key = stem_key(lab, lab_person)
        lab_script = guess_script_lang(lab)
        lab_sur = word_stem(parse_person(lab).surname) if lab_person else None
        for i in idx:
            m = ms[i]
            if m["source"] == "description":
                m["link"] = "description"
                continue
            same_script = (guess_script_lang(m["normal"]) == lab_script) or \
                (is_cyrillic(m["normal"]) and is_cyrillic(lab) and guess_script_lang(m["normal"]) != "uk")
            if m["alias"] and (lower_key(m["normal"]) != lower_key(lab) or m["source"] == "alias"):
                m["link"] = "alias" if not (m["key"] == lab_key and same_script) else "normal"
            elif m["key"] == lab_key:
                m["link"] = "normal" if same_script else "translit"
            elif m["person"] and lab_sur and m.get("_p") is not None and word_stem(m["_p"].surname) == lab_sur:
                m["link"] = "name" if same_script else "translit"
            else:
                m["link"] = "name"


def actor_table(df: pd.DataFrame, flags: list) -> pd.DataFrame:
    """The actor table; ``flags`` marks (:func:`unnamed`) the mentions that are no name of
    their actor (pronouns, titles standing alone)."""
    if df.empty:
        return empty_table()
    acc: dict = {}
    for actor, d, outlet, typ, normal, text, skip in zip(df["actor"], df["doc_id"], df["outlet"], df["type"],
                                                         df["normal"], df["text"], flags):
        a = acc.get(actor)
        if a is None:
            a = acc[actor] = {"types": Counter(), "normals": {}, "texts": {}, "n": 0, "docs": set(),
                              "outlets": set()}
        a["n"] += 1
        a["docs"].add(d)
        a["outlets"].add(str(outlet))
        if skip:
            continue
        a["types"][typ] += 1
        a["normals"].setdefault(normal, None)
        v = clean_variant(text)
        if typ == "PER":   # "Политолога Татьяну Становую" is "Татьяну Становую"
            v = strip_person_words(v, "uk" if guess_script_lang(v) == "uk" else "ru")
        a["texts"].setdefault(v, None)
    rows = []
    for actor, a in acc.items():
        variants = [v for v in dict.fromkeys([*a["normals"], *a["texts"]]) if v]
        # the most frequent type; ties go to the type met first
        typ = max(a["types"], key=lambda t: a["types"][t]) if a["types"] else "PER"
        rows.append({"actor": actor, "type": typ, "variants": variants, "n_mentions": a["n"],
                     "n_docs": len(a["docs"]), "outlets": sorted(a["outlets"])})
    t = pd.DataFrame(rows, columns=ACTOR_TABLE_COLUMNS)
    t = t.sort_values(["n_mentions", "actor"], ascending=[False, True], kind="stable").reset_index(drop=True)
    return t

