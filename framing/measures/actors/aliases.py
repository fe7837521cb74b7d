"""Alias tables: the built-in ``actor_aliases.tsv`` of each language and the user's.

:class:`AliasIndex` answers three questions about a name: which alias actor
it is (:meth:`AliasIndex.lookup`, by exact form, then by its key without case
endings), which alias phrase starts at a word (``phrases``, over lemmas, for
names the recogniser missed and the user's descriptions) and which country a
relational adjective names (``adjectives``: ``российский`` → ``Россия``).
"""

from __future__ import annotations

import functools
import re

import pandas as pd

from ..._errors import OptionError
from ...lang.translit import is_cyrillic
from ...lexicons import read_lexicon
from .._names import all_builtin_aliases, is_acronym, lower_key
from .names import morph_analyzer, stem_key


@functools.lru_cache(maxsize=4096)
def _lemmas_of(phrase: str, lang: str) -> tuple:
    """Dictionary forms of the words of an alias (pymorphy3 when present)."""
    words = [w for w in re.split(r"\s+", phrase.strip()) if w]
    morph = morph_analyzer(lang)
    out = []
    for w in words:
        lw = w.lower().replace("ё", "е")
        if morph is not None and is_cyrillic(w) and not is_acronym(w):
            out.append(morph.parse(lw)[0].normal_form.replace("ё", "е"))
        else:
            out.append(lw)
    return tuple(out)


class AliasIndex:
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
                sk = stem_key(alias, typ == "PER")
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
            sk = stem_key(t, person)
            acts = self.stem.get(sk)
            if acts and len(acts) == 1:
                return next(iter(acts))
        return None


def read_aliases(aliases) -> pd.DataFrame | None:
    """The user's alias table (a dict, DataFrame, built-in name or TSV/CSV file) with columns ``alias`` and ``actor``."""
    if aliases is None:
        return None
    if isinstance(aliases, dict):
        return pd.DataFrame({"alias": list(aliases), "actor": list(aliases.values())})
    if isinstance(aliases, pd.DataFrame):
        df = aliases.copy()
    else:
        df = read_lexicon(aliases)    # a built-in name, a TSV or CSV file
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


@functools.lru_cache(maxsize=1)
def _builtin_index() -> AliasIndex:
    return AliasIndex(None)


def builtin_alias(text: str) -> str | None:
    """The built-in alias actor a name is, or None."""
    return _builtin_index().lookup(text) or _builtin_index().lookup(text, person=True)
