"""Actors: entity mentions grouped across inflection, name forms, spelling and language.

:func:`actors` returns an :class:`Actors` pair of tables:

``mentions`` (columns :data:`ACTOR_MENTION_COLUMNS`)
    ``doc_id``, ``outlet``, ``sent_id``, ``start_tok``, ``end_tok`` (tok_ids,
    inclusive), ``start``, ``end`` (character offsets), ``text``, ``type``
    (PER, LOC, ORG, EVT, MISC), ``normal`` (the cleaned dictionary form),
    ``actor`` (the actor's label) and ``link``, how the mention was linked:

    ``normal``       its normal form is the actor's (inflected forms meet here);
    ``name``         a short or full name of the actor (``Путин`` / ``В. Путин``
                     / ``Владимир Путин``), or an acronym of its full name;
    ``translit``     the actor's name in another script (``Путін``, ``Putin``);
    ``alias``        a built-in or user alias (``Київ`` / ``Kyiv`` → ``Киев``);
    ``description``  a description from the user's alias table (``российский
                     президент`` → ``Путин``), or a title standing alone
                     (``президент``, with its adjectives) for the person the
                     document introduced with that title (``президент США Джо
                     Байден``);
    ``pronoun``      a subject pronoun (``он``, ``вона``) resolved to the nearest
                     preceding person of the same gender.

``table`` (columns :data:`ACTOR_TABLE_COLUMNS`)
    ``actor``, ``type``, ``variants`` (list of distinct normal forms and
    cleaned surface forms, pronouns and titles excluded), ``n_mentions``, ``n_docs``, ``outlets``
    (list).

Linking a string to an actor
----------------------------
:func:`link_actor` ``(text_or_normal, actors_result, *, doc_id=None) -> str | None``
maps any name string (a quoted source "Дмитрий Песков", an inflected
"Пескова", a Ukrainian "Пєсков", an alias) to the label of an actor of an
:func:`actors` result, preferring actors of ``doc_id`` when given, or returns
``None``.  The attribution measures use it for speakers and sources.

Method
------
Mentions come from the entity table, from the alias tables (names the entity
recogniser missed), from capitalised Latin-script names in Cyrillic text and
from the user's descriptions.  Names are cleaned (quotes and bracketed glosses
out, brackets balanced, no edge punctuation; a common noun the recogniser took
into a person's name, ``Сестра Долматова``, is dropped).  Mentions are then
grouped with a union-find, first within each document, as in the
within-document step of cross-document coreference systems (Bagga & Baldwin
1998), then across documents on names only:

1. within a document, a person named by a given name alone, by initials
   (``В. Путин``), by a given name and a surname initial (``Алексей К.``) or
   by surname alone joins the nearest earlier compatible full name of that
   document (else the first later one): the same surname (and a fitting
   initial), or for a given name the same given name and no conflicting
   gender (``Александра`` is not ``Александр Орлов``);
2. an institution met with two or more countries in the corpus keeps its
   country as part of its name (``МИД`` + ``России`` → ``МИД России``,
   ``российское Минобороны`` → ``Минобороны России``); a bare ``МИД`` joins
   the one its document names with a country, else stays an actor of its
   own (the outlet's country is not assumed); an acronym joins the full name
   it abbreviates in its document;
3. across documents: the same full name (given name and surname, compared
   without case endings, :func:`framing.measures._names.word_stem`), the
   same alias actor (built-in ``actor_aliases.tsv`` of each language, then
   the user's), or the same non-person name.  A given name alone (a
   dictionary given name, or a word that heads the corpus's full names more
   often than it ends them) never leaves its document, except after a title
   it is the name of (``патриарх Кирилл``).  Spellings in different scripts meet only when the whole name
   agrees (:func:`framing.lang.translit.name_key` of every word, endings
   kept: ``Путин`` = ``Putin``, ``Фордо`` ≠ ``Ford``);
4. across documents, a person seen only by surname (or initial and surname)
   joins the person whose full names carry that surname (with a fitting
   initial and gender) when the surname is unambiguous in the corpus: no
   other such person, or one carrying at least 80 % of its full-name
   mentions;
5. after grouping, subject pronouns and titles standing alone (``президент``
   for the ``президент США Джо Байден`` of the same document) are linked.

The label of an actor is its alias-table name, else (persons) the surname
when no other actor shares it, else the most frequent full form.

References
----------
Bagga, A., & Baldwin, B. (1998). Entity-based cross-document coreferencing
using the vector space model. *COLING-ACL 1998*, 79–85.
Piskorski, J., et al. (2021). Slav NER: the 3rd cross-lingual challenge on
recognition, normalization, classification, and linking of named entities
across Slavic languages. *BSNLP 2021*, 122–133.

Longer than 600 lines because grouping mentions into actors is one algorithm whose
passes (inflection, name forms, transliteration, aliases, titles) share the mention
table.
"""

from __future__ import annotations

import functools
import os
import re
from collections import Counter, defaultdict
from typing import NamedTuple

import pandas as pd

from .._errors import OptionError
from .._display import shows_tables
from .._options import InstanceOf, NoneOk, OneOf, check
from ..lang.translit import guess_script_lang, is_cyrillic, name_key
from ..lexicons import read_lexicon
from ._guard import Guard
from ._language import gate
from ._names import (PRONOUNS, acronym, agree, all_builtin_aliases, builtin_table, clean_name, clean_variant, doc_langs, doc_outlets,
                     is_acronym, is_initial, lower_key, parse_person, sentences_of, word_stem)

__all__ = ["actors", "Actors", "link_actor", "ACTOR_MENTION_COLUMNS", "ACTOR_TABLE_COLUMNS"]

ACTOR_MENTION_COLUMNS = ["doc_id", "outlet", "sent_id", "start_tok", "end_tok", "start", "end", "text",
                         "type", "normal", "actor", "link"]
ACTOR_TABLE_COLUMNS = ["actor", "type", "variants", "n_mentions", "n_docs", "outlets"]

_SPEC = {
    "aliases": [NoneOk(), InstanceOf(str, os.PathLike, pd.DataFrame, dict)],
    "pronouns": OneOf(True, False),
    "titles": OneOf(True, False),
}


@shows_tables
class Actors(NamedTuple):
    """The result of :func:`actors`: ``mentions`` and ``table``."""

    mentions: pd.DataFrame
    table: pd.DataFrame


def empty_mentions() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="int64" if c in ("sent_id", "start_tok", "end_tok", "start", "end")
                                      else "object") for c in ACTOR_MENTION_COLUMNS})


def empty_table() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="int64" if c in ("n_mentions", "n_docs") else "object")
                         for c in ACTOR_TABLE_COLUMNS})


# --- alias tables ------------------------------------------------------------

@functools.lru_cache(maxsize=4096)
def _lemmas_of(phrase: str, lang: str) -> tuple:
    """Dictionary forms of the words of an alias (pymorphy3 when present)."""
    words = [w for w in re.split(r"\s+", phrase.strip()) if w]
    morph = _morph(lang)
    out = []
    for w in words:
        lw = w.lower().replace("ё", "е")
        if morph is not None and is_cyrillic(w) and not is_acronym(w):
            out.append(morph.parse(lw)[0].normal_form.replace("ё", "е"))
        else:
            out.append(lw)
    return tuple(out)


@functools.lru_cache(maxsize=None)
def _morph(lang: str):
    if lang not in ("ru", "uk"):
        return None
    try:
        import pymorphy3
        return pymorphy3.MorphAnalyzer(lang=lang)
    except Exception:  # noqa: BLE001 - optional: fall back to surface forms
        return None


def _stem_key(text: str, person: bool) -> str:
    if person:
        p = parse_person(text)
        words = [*p.first, p.surname] if p.words else []
        if p.words and p.words[0] == p.surname and len(p.words) == 3:  # East Asian order
            words = p.words
    else:
        words = clean_name(text).split()
    return " ".join(word_stem(w) for w in words if w)


class _AliasIndex:
    """Look-ups of the built-in and user alias tables."""

    def __init__(self, user: pd.DataFrame | None):
        rows = [dict(r, _user=False) for r in all_builtin_aliases()]
        if user is not None:
            for r in user.to_dict("records"):
                rows.append({"alias": str(r["alias"]), "actor": str(r["actor"]),
                             "lang": str(r.get("lang", "") or ""), "type": str(r.get("type", "") or ""),
                             "kind": str(r.get("kind", "") or ""), "_user": True})
        self.exact: dict = {}        # lower_key(alias) -> (actor, type, user)
        self.stem: dict = {}         # stem key -> set of actors
        self.adjectives: dict = {}   # adjective lemma -> actor
        self.phrases: dict = {}      # (lang) -> {lemma tuple: (actor, type, kind, user, capitalised)}
        self.types: dict = {}        # actor -> type
        for r in rows:
            alias, actor = str(r["alias"]).strip(), str(r["actor"]).strip()
            if not alias or not actor:
                continue
            kind = r.get("kind") or ("description" if alias[:1].islower() else "name")
            typ = r.get("type") or ""
            if typ and actor not in self.types:
                self.types[actor] = typ
            if kind == "adjective":
                self.adjectives[lower_key(alias)] = actor
                continue
            user = r["_user"]
            k = lower_key(alias)
            if user or k not in self.exact:
                self.exact[k] = (actor, typ, user, kind)
            if kind != "description":
                sk = _stem_key(alias, typ == "PER")
                if sk:
                    self.stem.setdefault(sk, set()).add(actor)
            langs = [r.get("lang")] if r.get("lang") in ("ru", "uk", "en") else ["ru", "uk", "en"]
            for lg in langs:
                lem = _lemmas_of(alias, lg)
                d = self.phrases.setdefault(lg, {})
                if user or lem not in d:
                    d[lem] = (actor, typ, kind, user, alias[:1].isupper())
        for r in rows:
            if r["_user"] and r.get("type"):
                self.types[str(r["actor"]).strip()] = r["type"]
        self.max_len = max([len(t) for d in self.phrases.values() for t in d] or [1])

    def lookup(self, *texts, person=False):
        for t in texts:
            hit = self.exact.get(lower_key(t))
            if hit and hit[3] != "description":
                return hit[0]
        for t in texts:
            sk = _stem_key(t, person)
            acts = self.stem.get(sk)
            if acts and len(acts) == 1:
                return next(iter(acts))
        return None


def _read_aliases(aliases) -> pd.DataFrame | None:
    if aliases is None:
        return None
    if isinstance(aliases, dict):
        return pd.DataFrame({"alias": list(aliases), "actor": list(aliases.values())})
    if isinstance(aliases, pd.DataFrame):
        df = aliases.copy()
    else:
        from pathlib import Path
        p = Path(str(aliases))
        if p.suffix.lower() == ".csv" and p.exists():
            df = pd.read_csv(p, dtype=str, keep_default_na=False)
        else:
            df = read_lexicon(aliases)
    cols = {c.lower(): c for c in df.columns}
    if "alias" not in cols or "actor" not in cols:
        if len(df.columns) >= 2:
            df = df.rename(columns={df.columns[0]: "alias", df.columns[1]: "actor"})
        else:
            raise OptionError("actors(): the alias table needs the columns 'alias' and 'actor' "
                              f"(it has {list(df.columns)}).")
    else:
        df = df.rename(columns={cols["alias"]: "alias", cols["actor"]: "actor"})
    return df.fillna("")


# --- mention collection --------------------------------------------------------

_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z0-9&'’.\-]*$")
_LATIN_CONT = re.compile(r"^([A-Z][A-Za-z0-9&'’.\-]*|of|the|and|for|de|von|van|der|\d+)$")


_NAME_TYPE = {"Giv": "PER", "Sur": "PER", "Patr": "PER", "Geo": "LOC", "Org": "ORG"}


def _fallback_entities(sents: dict, no_ner: set) -> list[dict]:
    """Proper-name spans where the language has no NER model: runs of PROPN
    or capitalised words (not sentence-initial unless PROPN or a name by
    its morphology), typed by their morphological name type."""
    out = []
    for key, s in sents.items():
        if s.lang not in no_ner:
            continue
        n = len(s)
        first_word = next((i for i in range(n) if not s.is_punct(i)), 0)

        def cand(i):
            t = s.text[i]
            if not t[:1].isupper() or s.is_punct(i) or s.upos[i] in ("PRON", "DET", "ADP", "CCONJ", "SCONJ",
                                                                     "AUX", "VERB", "ADV", "PART", "NUM"):
                return False
            f = s.feats(i)
            if s.upos[i] == "PROPN" or "NameType" in f or f.get("Abbr") == "Yes" or (t.isupper() and len(t) > 1):
                return True
            return i != first_word and s.upos[i] in ("NOUN", "ADJ", "X", "_")

        i = 0
        while i < n:
            if not cand(i):
                i += 1
                continue
            # titles are not part of a name ("President Volodymyr Zelensky")
            if _titles(s.lang) and lower_key(s.lemma[i]) in _titles(s.lang) and not s.text[i].isupper():
                i += 1
                continue
            j = i
            while j + 1 < n and cand(j + 1) and s.start[j + 1] - s.end[j] <= 1 and not _breaks(s, j, j + 1):
                j += 1
            # a leading adjective alone is not a name ("Українські військові")
            if j == i and s.upos[i] == "ADJ" and not s.text[i].isupper():
                i += 1
                continue
            types = Counter(_NAME_TYPE.get(s.feats(k).get("NameType", ""), "") for k in range(i, j + 1))
            types.pop("", None)
            typ = types.most_common(1)[0][0] if types else ("ORG" if s.text[i].isupper() else "MISC")
            words = []
            for k in range(i, j + 1):
                lem = s.lemma[k] if typ == "PER" or k == j or s.upos[k] == "ADJ" else s.text[k]
                if lem[:2].lower() != s.text[k][:2].lower():
                    lem = s.text[k]  # a lemmatiser's guess that changed the stem ("Ігор" → "гра")
                w = s.text[k] if s.text[k].isupper() else (lem[:1].upper() + lem[1:] if s.text[k][:1].isupper() else lem)
                words.append(w)
            text = " ".join(s.text[i:j + 1]) if all(s.start[k + 1] > s.end[k] for k in range(i, j)) else \
                "".join(s.text[k] + (" " if k < j and s.start[k + 1] > s.end[k] else "") for k in range(i, j + 1))
            out.append({"doc_id": s.doc_id, "sent_id": s.sent_id, "start_tok": s.tok_ids[i],
                        "end_tok": s.tok_ids[j], "start": s.start[i], "end": s.end[j], "text": text,
                        "type": typ, "normal": " ".join(words), "source": "ner"})
            i = j + 1
    return out


def _titles(lang):
    from ._names import titles
    return titles(lang)


def _breaks(s, a, b) -> bool:
    """Whether a run of capitalised words splits between ``a`` and ``b``: a
    change of case (``Кремля Дмитро``), an abbreviation before a name
    (``ООН Антоніу``), a given name after a non-person word."""
    fa, fb = s.feats(a), s.feats(b)
    if fa.get("Case") and fb.get("Case") and fa["Case"] != fb["Case"]:
        return True
    if s.text[a].isupper() and len(s.text[a]) > 1 and not s.text[b].isupper():
        return True
    if fb.get("NameType") == "Giv" and fa.get("NameType") not in ("Giv", "Sur", "Patr"):
        return True
    return False


def _collect(ann, alias_index: _AliasIndex, sents: dict, langs: dict, guard) -> list[dict]:
    ents = ann.entities
    out = []
    no_ner = {lg for lg in set(langs.values()) if not ann.has("ner", lg)}
    if no_ner:
        ents = ents[~ents["doc_id"].map(langs).isin(no_ner)]
    covered = defaultdict(set)  # (doc, sent) -> tok positions covered
    for r in ents.itertuples(index=False):
        key = (r.doc_id, int(r.sent_id))
        s = sents.get(key)
        text = str(r.text)
        normal = r.normal if isinstance(r.normal, str) and r.normal.strip() else text
        typ = str(r.type) if isinstance(r.type, str) else "MISC"
        m = {"doc_id": r.doc_id, "sent_id": int(r.sent_id), "start_tok": int(r.start_tok),
             "end_tok": int(r.end_tok), "start": int(r.start), "end": int(r.end), "text": text,
             "type": typ, "normal": normal, "source": "ner"}
        out.append(m)
        if s is not None:
            for t in range(int(r.start_tok), int(r.end_tok) + 1):
                covered[key].add(t)
    for m in (_fallback_entities(sents, no_ner) if no_ner else []):
        out.append(m)
        for t in range(m["start_tok"], m["end_tok"] + 1):
            covered[(m["doc_id"], m["sent_id"])].add(t)
    # names the recogniser missed: alias phrases and Latin names in Cyrillic text
    for key, s in sents.items():
        cov = covered.get(key, set())
        found = guard.call(_scan_sentence, ann, alias_index, s, set(cov), doc_id=s.doc_id, sent_id=s.sent_id)
        if found is not None:
            out.extend(found[0])
            covered[key] = found[1]
    return out


def _scan_sentence(ann, alias_index: _AliasIndex, s, cov: set) -> tuple[list, set]:
    """Alias phrases and Latin names the recogniser missed in one sentence; (mentions, covered tokens)."""
    out = []
    lang = s.lang
    phrases = alias_index.phrases.get(lang, {})
    n = len(s)
    i = 0
    while i < n:
        if s.tok_ids[i] in cov or s.is_punct(i):
            i += 1
            continue
        hit = None
        for L in range(min(alias_index.max_len, n - i), 0, -1):
            toks = range(i, i + L)
            if any(s.tok_ids[j] in cov for j in toks):
                continue
            lem = tuple(s.lemma[j] for j in toks)
            surf = tuple(s.text[j].lower().replace("ё", "е") for j in toks)
            for cand in (lem, surf):
                h = phrases.get(cand)
                if h is None:
                    continue
                actor, typ, kind, user, cap = h
                if cap and not s.text[i][:1].isupper():
                    continue
                if kind == "description" and s.upos[i + L - 1] not in ("NOUN", "PROPN"):
                    continue
                hit = (L, actor, typ, kind)
                break
            if hit:
                break
        if hit:
            L, actor, typ, kind = hit
            text = _span_text(ann, s, i, i + L - 1)
            out.append({"doc_id": s.doc_id, "sent_id": s.sent_id, "start_tok": s.tok_ids[i],
                        "end_tok": s.tok_ids[i + L - 1], "start": s.start[i], "end": s.end[i + L - 1],
                        "text": text, "type": typ or alias_index.types.get(actor, "MISC"),
                        "normal": actor if kind == "description" else text,
                        "source": "description" if kind == "description" else "alias",
                        "alias_actor": actor})
            for j in range(i, i + L):
                cov.add(s.tok_ids[j])
            i += L
            continue
        if lang in ("ru", "uk") and _LATIN_NAME.match(s.text[i]) and len(s.text[i]) > 1 and i > 0:
            j = i
            while j + 1 < n and s.tok_ids[j + 1] not in cov and _LATIN_CONT.match(s.text[j + 1]) \
                    and s.start[j + 1] - s.end[j] <= 1:
                j += 1
            while j > i and not _LATIN_NAME.match(s.text[j]):
                j -= 1
            text = _span_text(ann, s, i, j)
            out.append({"doc_id": s.doc_id, "sent_id": s.sent_id, "start_tok": s.tok_ids[i],
                        "end_tok": s.tok_ids[j], "start": s.start[i], "end": s.end[j], "text": text,
                        "type": "MISC", "normal": text, "source": "latin"})
            for k in range(i, j + 1):
                cov.add(s.tok_ids[k])
            i = j + 1
            continue
        i += 1
    return out, cov


_DOC_TEXT_CACHE: dict = {}


def _span_text(ann, s, i, j) -> str:
    parts = []
    for k in range(i, j + 1):
        if k > i and s.start[k] > s.end[k - 1]:
            parts.append(" ")
        parts.append(s.text[k])
    return "".join(parts)


# --- grouping -------------------------------------------------------------------

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


def _person_gender(m, sents) -> str | None:
    s = sents.get((m["doc_id"], m["sent_id"]))
    if s is not None:
        try:
            i = s.pos_of(m["end_tok"])
        except ValueError:
            i = None
        if i is not None:
            g = s.feats(i).get("Gender")
            if g in ("Masc", "Fem"):
                return g
    return _name_gender(m["normal"])


@functools.lru_cache(maxsize=65536)
def _name_gender(normal: str) -> str | None:
    """A person's gender from the endings of a name in the nominative
    (``-ова``, ``-ская``; a given name in ``-а``/``-я``), or None."""
    p = parse_person(normal)
    if not p.words:
        return None
    w = (p.first[0] if p.first else p.surname).lower()
    if re.search(r"(ова|ева|ина|ына|ая|ская|цкая|іна|ська|цька)$", p.surname.lower()):
        return "Fem"
    if re.search(r"(ов|ев|ин|ын|ский|цкий|ій|ий|ой)$", p.surname.lower()):
        return "Masc"
    if p.first and re.search(r"[ая]$", w) and w not in ("илья", "никита", "кузьма", "фома", "лука", "ілля", "микола"):
        return "Fem"
    return None


# --- grouping rules -------------------------------------------------------------

def _script_key(text: str) -> str:
    """The full cross-script key of a name (every word, endings kept): two
    spellings in different scripts are linked only when they agree in full
    (``Putin`` = ``Путин``, ``Ford`` ≠ ``Фордо``)."""
    return " ".join(name_key(w) for w in clean_name(text).split() if w)


@functools.lru_cache(maxsize=65536)
def _word_tags(word: str, lang: str) -> frozenset:
    """pymorphy3's name tags of a word's likely parses (``Name``, ``Surn``,
    ``Patr``, plus ``known`` and ``common`` when it is a known common word)."""
    morph = _morph(lang if lang in ("ru", "uk") else "ru")
    if morph is None or not is_cyrillic(word):
        return frozenset()
    parses = morph.parse(word)[:3]
    tags = set()
    for p in parses:
        tags.update(p.tag.grammemes & {"Name", "Surn", "Patr", "Geox", "Orgn"})
    top = parses[0] if parses else None
    if top is not None and morph.word_is_known(word.lower()):
        tags.add("known")
        if top.tag.POS in ("NOUN", "ADJF") and not tags & {"Name", "Surn", "Patr", "Geox", "Orgn"}:
            tags.add("common")
    return frozenset(tags)


def _is_first_name(word: str, lang: str) -> bool:
    tags = _word_tags(word, lang)
    # a dictionary given name, not pymorphy's guess on an unknown word (Небензя)
    return "Name" in tags and "Surn" not in tags and "known" in tags


def _strip_person_words(normal: str, lang: str) -> str:
    """A person's name without leading common words the recogniser took in
    (``Сестра Долматова`` → ``Долматова``, ``Железный Майк`` → ``Майк``)."""
    words = normal.split()
    # the Ukrainian dictionary lacks name tags of common given names (Володимир): titles only there
    while len(words) > 1 and (lower_key(words[0]) in _titles(lang)
                              or (lang == "ru" and "common" in _word_tags(words[0], lang))):
        words = words[1:]
    return " ".join(words)


def _person_kind(p) -> str:
    """``full`` (a given name and a surname), ``initial`` (``В. Путин``),
    ``first_init`` (a given name and a surname initial, ``Алексей К.``),
    ``single`` (one word: a surname or a given name) or ``other``."""
    if not p.words:
        return "other"
    if p.first and not is_initial(p.surname):
        return "full"
    if is_initial(p.words[-1]) and not p.first and len(p.words) >= 2 and not is_initial(p.words[0]):
        return "first_init"
    if p.initials and not is_initial(p.surname):
        return "initial"
    if len(p.words) == 1:
        return "single"
    return "other"


def _genders_agree(a, b) -> bool:
    return a is None or b is None or a == b


def _qualify_institutions(ms: list, index: "_AliasIndex", sents: dict) -> set:
    """Give an institution named with its country the country as part of its
    name (``МИД`` + ``России`` → ``МИД России``; ``российский МИД`` → ``МИД
    России``) when the same institution word is met with two or more
    countries in the corpus; return the keys of those institution words."""
    by_sent = defaultdict(list)
    for m in ms:
        by_sent[(m["doc_id"], m["sent_id"])].append(m)
    quals = []   # (mention, head key, country id, qualified normal)
    for key, group in by_sent.items():
        s = sents.get(key)
        at = {m["start_tok"]: m for m in group}
        for m in group:
            if m["person"] or m["type"] not in ("ORG", "MISC") or m["source"] == "description":
                continue
            n = at.get(m["end_tok"] + 1)
            country = None
            if n is not None and n is not m and not n["person"] and \
                    (n["type"] == "LOC" or index.types.get(n["alias"] or "") == "LOC"):
                case = None
                if s is not None:
                    try:
                        case = s.feats(s.pos_of(n["start_tok"])).get("Case")
                    except ValueError:
                        case = None
                if case in (None, "Gen") and n["end_tok"] - n["start_tok"] <= 2:
                    country = (n["alias"] or n["key"], clean_name(n["text"]))
            if country is None and s is not None:
                try:
                    i = s.pos_of(m["start_tok"])
                except ValueError:
                    i = 0
                if i > 0 and s.upos[i - 1] == "ADJ":
                    act = index.adjectives.get(lower_key(s.lemma[i - 1]))
                    if act and index.types.get(act) == "LOC":
                        country = (act, _genitive(act, s.lang))
            if country is not None:
                quals.append((m, m["key"], country[0], f"{m['normal']} {country[1]}"))
            else:
                # a name that already ends in its country ("МИД России" as one span)
                words = m["normal"].split()
                if len(words) >= 2:
                    act = index.lookup(words[-1])
                    if act and index.types.get(act) == "LOC":
                        head = " ".join(words[:-1])
                        quals.append((m, _stem_key(head, False) or lower_key(head), act, None))
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


def _genitive(name: str, lang: str) -> str:
    morph = _morph(lang if lang in ("ru", "uk") else "ru")
    if morph is None or not is_cyrillic(name):
        return name
    out = []
    for w in name.split():
        p = morph.parse(w)[0]
        g = p.inflect({"gent"})
        word = g.word if g is not None else w
        out.append(word[:1].upper() + word[1:] if w[:1].isupper() else word)
    return " ".join(out)


def _nearest(cands: list, m: dict):
    """The nearest candidate before ``m``, else the first after it."""
    prev = [c for c in cands if c["m"]["start"] < m["start"]]
    if prev:
        return max(prev, key=lambda c: c["m"]["start"])
    return min(cands, key=lambda c: c["m"]["start"]) if cands else None


def _group(ms: list, index: "_AliasIndex", sents: dict) -> "_UF":
    """Union-find of mentions into actors (see the module docstring)."""
    uf = _UF(len(ms))
    heads = _qualify_institutions(ms, index, sents)
    gkeys = [[] for _ in ms]     # global keys of each mention
    by_doc = defaultdict(list)
    for i, m in enumerate(ms):
        by_doc[m["doc_id"]].append(i)
        if m["person"] and m["source"] != "description":
            m["_p"] = parse_person(m["normal"])
            m["_kind"] = _person_kind(m["_p"])
            m["_gender"] = _person_gender(m, sents)
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
                         and _genders_agree(f["g"], m["_gender"])]
                t = _nearest(cands, m)
                if t is not None:
                    uf.union(t["i"], i)
                else:
                    gkeys[i].append(("G", d, m["key"]))
                continue
            if m["person"] and kind == "single":
                st = word_stem(m["_p"].surname)
                cands = [a for a in anchors if a["sur"] == st and _genders_agree(a["g"], m["_gender"])]
                t = _nearest(cands, m)
                if t is None:
                    cands = [f for f in fulls if st in f["first"] and _genders_agree(f["g"], m["_gender"])]
                    t = _nearest(cands, m)
                if t is not None:
                    uf.union(t["i"], i)
                elif _is_first_name(m["normal"], _lang_of(m, sents)) or as_first[st] > max(1, 2 * as_sur[st]):
                    gkeys[i].append(("G", d, st))      # a given name alone never leaves its document
                    if _title_before(m, sents) in _GIVEN_NAME_TITLES:
                        gkeys[i].append(("M", st))     # ... unless it is the name of its title
                else:
                    m["_kind"] = "surname"
                    gkeys[i].append(("S", st) if is_cyrillic(m["normal"]) else ("SF", _script_key(m["normal"])))
                    if is_cyrillic(m["normal"]):
                        gkeys[i].append(("SF", _script_key(m["normal"])))
                continue
            if m["person"]:
                gkeys[i].append(("P", m["key"]) if is_cyrillic(m["normal"]) else ("PF", _script_key(m["normal"])))
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
            gkeys[i].append(("F", _script_key(m["normal"])))
        for i in idx:
            m = ms[i]
            if m["person"] and m.get("_kind") in ("full", "initial") and not m["alias"]:
                p = m["_p"]
                gkeys[i].append(("PF", _script_key(" ".join([*p.first, *p.initials[:1], p.surname]))))
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


def _lang_of(m, sents) -> str:
    s = sents.get((m["doc_id"], m["sent_id"]))
    return s.lang if s is not None else "ru"


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
                g = _name_gender(m["normal"])
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
                   for g in [_name_gender(ms[i]["normal"])] if g}
        fit = {r: n for r, (fi, ge, n) in cands.items()
               if (not inits or inits & fi) and (not genders or not ge or genders & ge)}
        if fit:
            best = max(fit, key=lambda r: (fit[r], -r))
            if fit[best] >= _DOMINANT * sum(fit.values()):
                uf.union(best, root)


# titles before which a person's given name is the whole name ("патриарх Кирилл", "король Карл")
_GIVEN_NAME_TITLES = frozenset("""
патриарх папа король королева принц принцесса царь царица император императрица митрополит архиепископ
епископ шейх эмир султан святой святая пророк халиф аятолла наследный
патріарх цар цариця імператор імператриця архієпископ єпископ емір святий свята
pope king queen prince princess patriarch emperor empress sheikh emir sultan saint prophet ayatollah
""".split())


def _title_before(m, sents) -> str | None:
    s = sents.get((m["doc_id"], m["sent_id"]))
    if s is None:
        return None
    try:
        i = s.pos_of(m["start_tok"])
    except ValueError:
        return None
    return s.lemma[i - 1] if i > 0 else None


# a title after these words names the office, not its holder ("пост президента",
# "новый министр", "кандидат в президенты")
_OFFICE_NOT_HOLDER = frozenset("""
пост должность обязанность институт кандидат выборы место роль кресло статус полномочие срок инаугурация
новый бывший будущий следующий очередной другой прежний каждый любой временный исполняющий
посада обов'язок кандидат вибори місце роль крісло статус повноваження термін новий колишній майбутній
наступний інший кожний будь-який тимчасовий виконувач
post office candidate election role seat term new former future next another every any acting
""".split())


# titles that are also kinship words ("папа" is the Pope and a dad)
_KIN_TOO = frozenset({"папа", "тато"})


@functools.lru_cache(maxsize=None)
def _role_titles(lang: str) -> frozenset:
    """Titles of office, rank and profession (kinship words are relations, not
    names of a role: ``сын`` is someone's son)."""
    df = builtin_table(lang, "titles")
    if df.empty or "kind" not in df.columns:
        return _titles(lang)
    return frozenset(lower_key(x) for x, k in zip(df["lemma"], df["kind"]) if k != "kin")


def _complement(s, k: int, start_at: dict):
    """What follows a title word, past its adjectives: the actor of a mention
    starting there, or the lemma of a genitive noun (``глава департамента``,
    ``представитель переходной администрации``), else None."""
    j = k + 1
    while j < len(s) and j <= k + 3 and s.upos[j] == "ADJ" and s.tok_ids[j] not in start_at:
        j += 1        # "представитель переходной администрации"
    if j >= len(s):
        return None
    m = start_at.get(s.tok_ids[j])
    if m is not None:
        return m["actor"]
    if s.upos[j] in ("NOUN", "PROPN") and s.feats(j).get("Case") == "Gen":
        return s.lemma[j]
    return None


def _introduces_name(s, i: int, start_at: dict) -> bool:
    """Whether a person's name follows the title at ``i`` within its noun
    group (up to punctuation or a verb other than a participle):
    ``представитель так называемой
    администрации Ткачук``."""
    for k in range(i + 1, len(s)):
        m = start_at.get(s.tok_ids[k])
        if m is not None and m["person"]:
            return True
        if (s.is_punct(k) and s.text[k] not in ("-", "«", "»", '"')) or \
                (s.upos[k] in ("VERB", "AUX") and s.feats(k).get("VerbForm") != "Part"):
            return False
    return False


def _title_mentions(ms: list, sents: dict, adjectives: dict) -> list:
    """Title-only mentions (``президент``, ``министр``) standing for the
    person of the document introduced earlier with the same title (and the
    same complement: ``президент США`` … ``президент``, not ``президент
    Франции``), when that person is the last one named before it.
    ``adjectives`` maps relational adjectives to actors (``российский`` →
    ``Россия``)."""
    by_doc = defaultdict(list)
    for m in ms:
        if m.get("link") not in ("pronoun", "description") and m["source"] not in ("description", "pronoun"):
            by_doc[m["doc_id"]].append(m)
    doc_sents = defaultdict(list)
    for d, sid in sents:
        if d in by_doc:
            doc_sents[d].append(sid)
    out = []
    for d, group in by_doc.items():
        if not any(m["person"] for m in group):
            continue
        per_sent = defaultdict(list)
        for m in group:
            per_sent[m["sent_id"]].append(m)
        persons = sorted((m for m in group if m["person"]), key=lambda m: m["start"])
        intros = []   # (start, title lemma, complement actor, person mention)
        for sid in sorted(doc_sents[d]):
            s = sents.get((d, sid))
            if s is None:
                continue
            tl = _role_titles(s.lang)
            if not tl:
                continue
            ments = per_sent[sid]
            start_at = {m["start_tok"]: m for m in ments}
            covered = {t for m in ments for t in range(m["start_tok"], m["end_tok"] + 1)}
            pos = {t: i for i, t in enumerate(s.tok_ids)}
            # persons introduced with a title in this sentence
            for m in ments:
                if not m["person"]:
                    continue
                i = pos.get(m["start_tok"])
                if i is None:
                    continue
                for k in range(i - 1, max(i - 5, -1), -1):
                    if s.is_punct(k) and s.text[k] not in ("-", "—"):
                        break
                    if s.lemma[k] in tl and s.upos[k] == "NOUN":
                        # in apposition, the same case: not "адвокат Ивана Сафронова" (his lawyer)
                        if agree(s.feats(k), s.feats(i), ("Case",)):
                            intros.append((s.start[k], s.lemma[k], _complement(s, k, start_at), m))
                        break
            # title words standing alone
            for i in range(len(s)):
                if s.lemma[i] not in tl or s.upos[i] != "NOUN" or s.tok_ids[i] in covered:
                    continue
                f = s.feats(i)
                if f.get("Number") == "Plur" or f.get("Case") == "Ins" or s.lemma[i] in _KIN_TOO:
                    continue          # "был офицером", "назначить министром": a predicate, not a mention
                if _introduces_name(s, i, start_at):
                    continue          # an epithet of the name it introduces, not a mention
                a = i       # with its adjectives: "российскому президенту"
                while a > 0 and s.upos[a - 1] == "ADJ" and s.tok_ids[a - 1] not in covered:
                    a -= 1
                before = s.lemma[max(a - 2, 0):i]
                if (a > 0 and s.upos[a - 1] in ("DET", "PRON", "NUM")) or any(w in _OFFICE_NOT_HOLDER for w in before):
                    continue          # "наш президент", "пост президента", "другой военный блогер"
                comp = _complement(s, i, start_at)
                for j in range(a, i):    # "российскому президенту": the adjective names the country
                    comp = comp or adjectives.get(lower_key(s.lemma[j]))
                cands = [x for x in intros if x[1] == s.lemma[i] and x[0] < s.start[i]
                         and (comp is None or x[2] == comp)]
                if not cands:
                    continue
                target = max(cands, key=lambda x: x[0])[3]
                last = [p for p in persons if p["start"] < s.start[a]]
                if not last or last[-1]["actor"] != target["actor"]:
                    continue          # another person came between: "президент" may be theirs
                out.append({"doc_id": d, "sent_id": sid, "start_tok": s.tok_ids[a], "end_tok": s.tok_ids[i],
                            "start": s.start[a], "end": s.end[i], "text": _span_text(None, s, a, i),
                            "type": "PER", "normal": " ".join(s.lemma[a:i + 1]), "actor": target["actor"],
                            "link": "description", "source": "title", "person": True})
    return out


def actors(ann, *, aliases=None, pronouns: bool = True, titles: bool = True) -> Actors:
    """Group entity mentions into actors.

    Parameters
    ----------
    ann : Annotated
        The output of :func:`framing.annotate` (or ``Annotated.from_conllu``).
    aliases : str, path, DataFrame or dict, optional
        The user's alias table with columns ``alias`` and ``actor`` (a CSV or TSV
        file, a DataFrame, or a dict alias → actor); optional ``type`` (PER,
        LOC, ORG) and ``lang``.  Names add spellings (``Кремль`` → ``Россия``);
        lower-case phrases are descriptions matched over lemmas
        (``российский президент`` → ``Путин``).  It takes precedence over the
        built-in tables.
    pronouns : bool
        Link subject pronouns (``он``, ``она``, ``він``, ``she``) to the nearest
        preceding person of the same gender within two sentences.
    titles : bool
        Link a title standing alone (``президент``, ``министр``) to the person
        of the document introduced earlier with that title (``президент США
        Джо Байден`` … ``президент заявил``).

    Returns
    -------
    Actors
        ``(mentions, table)`` with columns :data:`ACTOR_MENTION_COLUMNS` and
        :data:`ACTOR_TABLE_COLUMNS`; see the module docstring.

    References
    ----------
    Bagga, A., & Baldwin, B. (1998). Entity-based cross-document coreferencing
    using the vector space model. *COLING-ACL 1998*.

    Examples
    --------
    >>> import framing
    >>> ann = framing.Annotated.from_conllu(
    ...     "1\\tПутин\\tПутин\\tPROPN\\t_\\tCase=Nom\\t0\\troot\\t_\\tNER=B-PER")
    >>> framing.actors(ann).mentions[["text", "actor", "link"]].values.tolist()
    [['Путин', 'Путин', 'normal']]
    """
    check("actors", _SPEC, aliases=aliases, pronouns=pronouns, titles=titles)
    guard = Guard("actors")
    ann = gate(ann, guard)
    user = _read_aliases(aliases)
    index = _AliasIndex(user)
    langs = doc_langs(ann)
    outlets = doc_outlets(ann)
    syntax = {lg: ann.has("syntax", lg) for lg in set(langs.values())}
    sents = sentences_of(ann.tokens, langs, syntax)
    ms = _collect(ann, index, sents, langs, guard)
    # clean
    keep = []
    for m in ms:
        m["normal"] = clean_name(m["normal"]) or clean_name(m["text"])
        if not m["normal"] or not any(ch.isalpha() for ch in m["normal"]):
            continue
        m["person"] = m["type"] == "PER"
        if m["person"] and m["source"] == "ner":
            s = sents.get((m["doc_id"], m["sent_id"]))
            m["normal"] = _strip_person_words(m["normal"], s.lang if s is not None else "ru")
        m["key"] = _stem_key(m["normal"], m["person"]) or lower_key(m["normal"])
        if m["source"] in ("alias", "description"):
            m["alias"] = m.pop("alias_actor")
        else:
            m["alias"] = index.lookup(m["normal"], m["text"], person=m["person"])
        if m["alias"] and m["type"] == "MISC" and index.types.get(m["alias"]):
            m["type"] = index.types[m["alias"]]
            m["person"] = m["type"] == "PER"
            m["key"] = _stem_key(m["normal"], m["person"]) or lower_key(m["normal"])
        keep.append(m)
    ms = keep
    order = {d: i for i, d in enumerate(ann.docs["doc_id"])}
    ms.sort(key=lambda m: (order.get(m["doc_id"], 0), m["start"], -m["end"]))
    if not ms:
        empty = empty_mentions()
        return Actors(guard.finish(empty), empty_table())
    uf = _group(ms, index, sents)
    clusters = defaultdict(list)
    for i in range(len(ms)):
        clusters[uf.find(i)].append(i)
    labels = _labels(ms, clusters)
    for root, idx in clusters.items():
        for i in idx:
            ms[i]["actor"] = labels[root]
    _links(ms, clusters, labels)
    if pronouns:
        ms.extend(_pronouns(ms, sents, order))
    if titles:
        ms.extend(_title_mentions(ms, sents, index.adjectives))
    if pronouns or titles:
        ms.sort(key=lambda m: (order.get(m["doc_id"], 0), m["start"], -m["end"]))
    df = pd.DataFrame(ms)
    df["outlet"] = df["doc_id"].map(outlets).fillna("unknown")
    df = df[ACTOR_MENTION_COLUMNS].reset_index(drop=True)
    for c in ("sent_id", "start_tok", "end_tok", "start", "end"):
        df[c] = df[c].astype("int64")
    for c in ("doc_id", "outlet", "text", "type", "normal", "actor", "link"):
        df[c] = df[c].astype(object)
    return Actors(guard.finish(df), _table(df, [m["source"] in ("pronoun", "title") for m in ms]))


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
        lab_key = _stem_key(lab, lab_person)
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


def _pronouns(ms, sents, order) -> list:
    out = []
    persons = defaultdict(list)
    for m in ms:
        if m["person"]:
            persons[m["doc_id"]].append(m)
    if not persons:
        return out
    genders = {}
    for key, s in sents.items():
        cands = persons.get(s.doc_id)
        if not cands:
            continue
        prons = PRONOUNS.get(s.lang, {})
        for i in range(len(s)):
            lem = s.lemma[i]
            if lem not in prons or s.upos[i] not in ("PRON", "DET", "_"):
                continue
            f = s.feats(i)
            if f.get("Case", "Nom") != "Nom":
                continue
            gender = prons[lem][0]
            best = None
            for m in cands:
                if m["start"] >= s.start[i] or m["sent_id"] < s.sent_id - 2:
                    continue
                mid = id(m)
                if mid not in genders:
                    genders[mid] = _person_gender(m, sents)
                if genders[mid] not in (None, gender):
                    continue
                if best is None or m["start"] > best["start"]:
                    best = m
            if best is None:
                continue
            out.append({"doc_id": s.doc_id, "sent_id": s.sent_id, "start_tok": s.tok_ids[i],
                        "end_tok": s.tok_ids[i], "start": s.start[i], "end": s.end[i], "text": s.text[i],
                        "type": "PER", "normal": lem, "actor": best["actor"], "link": "pronoun",
                        "source": "pronoun", "person": True})
    return out


def _table(df: pd.DataFrame, unnamed: list) -> pd.DataFrame:
    """The actor table; ``unnamed`` marks the mentions that are no name of
    their actor (pronouns, titles standing alone)."""
    if df.empty:
        return empty_table()
    acc: dict = {}
    for actor, d, outlet, typ, normal, text, skip in zip(df["actor"], df["doc_id"], df["outlet"], df["type"],
                                                         df["normal"], df["text"], unnamed):
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
            v = _strip_person_words(v, "uk" if guess_script_lang(v) == "uk" else "ru")
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


# --- linking strings to actors ------------------------------------------------

_INDEX_CACHE: dict = {}


def _index_of(result: Actors):
    m = result.mentions
    key = id(m)
    hit = _INDEX_CACHE.get(key)
    if hit is not None and hit[0] is m:
        return hit[1]
    exact = defaultdict(Counter)
    stem = defaultdict(Counter)
    sur = defaultdict(Counter)
    per_doc = defaultdict(set)
    for d, text, normal, typ, actor, link in zip(m["doc_id"], m["text"], m["normal"], m["type"], m["actor"],
                                                 m["link"]):
        if link == "pronoun" or (link == "description" and normal != actor):
            continue    # pronouns and titles standing alone name their actor only where they stand
        per_doc[d].add(actor)
        person = typ == "PER"
        for t in (text, normal, actor):
            exact[lower_key(t)][actor] += 1
            stem[_stem_key(t, person)][actor] += 1
        if person:
            sur[word_stem(parse_person(normal).surname)][actor] += 1
    idx = (exact, stem, sur, per_doc)
    if len(_INDEX_CACHE) > 16:
        _INDEX_CACHE.clear()
    _INDEX_CACHE[key] = (m, idx)
    return idx


def link_actor(text_or_normal: str, actors_result: Actors, *, doc_id=None) -> str | None:
    """The actor of ``actors_result`` that a name string refers to, or None.

    Parameters
    ----------
    text_or_normal : str
        A name as written or in dictionary form (``"Пескова"``, ``"Дмитрий
        Песков"``, ``"Пєсков"``, ``"пресс-секретарь Кремля Дмитрий Песков"``).
    actors_result : Actors
        The result of :func:`actors` on the same annotation.
    doc_id : str, optional
        Prefer actors mentioned in this document.

    Returns
    -------
    str or None

    Examples
    --------
    >>> import framing
    >>> from framing.measures.actors import link_actor
    >>> ann = framing.Annotated.from_conllu(
    ...     "1\\tПутин\\tПутин\\tPROPN\\t_\\tCase=Nom\\t0\\troot\\t_\\tNER=B-PER")
    >>> link_actor("Путина", framing.actors(ann))
    'Путин'
    """
    if not isinstance(text_or_normal, str) or not text_or_normal.strip():
        return None
    exact, stem, sur, per_doc = _index_of(actors_result)
    local = per_doc.get(doc_id, set()) if doc_id is not None else set()

    def pick(counter):
        if not counter:
            return None
        if local:
            loc = {a: n for a, n in counter.items() if a in local}
            if loc:
                return max(loc, key=lambda a: (loc[a], a))
        if len(counter) == 1:
            return next(iter(counter))
        (a, n1), (_, n2) = counter.most_common(2)
        return a if n1 >= 2 * n2 else None

    t = text_or_normal
    for cand in (exact.get(lower_key(t)), stem.get(_stem_key(t, False)), stem.get(_stem_key(t, True))):
        a = pick(cand)
        if a:
            return a
    # the longest capitalised run (drops titles: "пресс-секретарь Кремля Дмитрий Песков")
    words = clean_name(t).split()
    if len(words) > 1:
        caps = []
        for w in reversed(words):
            if w[:1].isupper():
                caps.insert(0, w)
            elif caps:
                break
        if caps and len(caps) < len(words):
            a = link_actor(" ".join(caps), actors_result, doc_id=doc_id)
            if a:
                return a
    if words:
        a = pick(sur.get(word_stem(parse_person(t).surname)))
        if a:
            return a
    alias = _builtin_alias(t)
    if alias and alias in exact.get(lower_key(alias), {}):
        return alias
    return None


@functools.lru_cache(maxsize=1)
def _builtin_index() -> _AliasIndex:
    return _AliasIndex(None)


def _builtin_alias(text: str) -> str | None:
    return _builtin_index().lookup(text) or _builtin_index().lookup(text, person=True)
