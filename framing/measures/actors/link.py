"""Linking a name string to an actor of an :func:`framing.actors` result (:func:`link_actor`).

The attribution measures use it for speakers and sources: a quoted source
("Дмитрий Песков"), an inflected form ("Пескова"), another script ("Пєсков")
or an alias meets the actor whose mentions carry it, preferring the actors of
the same document.
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict

from .._names import clean_name, lower_key, parse_person, word_stem
from .aliases import builtin_alias
from .names import stem_key
from .result import Actors


class _Same:
    """A table compared by identity, so that the look-up index of one result is built once."""

    __slots__ = ("table",)

    def __init__(self, table):
        self.table = table

    def __hash__(self):
        return id(self.table)

    def __eq__(self, other):
        return isinstance(other, _Same) and other.table is self.table


def _index_of(result: Actors):
    return _index_of_mentions(_Same(result.mentions))


@functools.lru_cache(maxsize=16)
def _index_of_mentions(same: _Same):
    m = same.table
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
            stem[stem_key(t, person)][actor] += 1
        if person:
            sur[word_stem(parse_person(normal).surname)][actor] += 1
    return exact, stem, sur, per_doc


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
    for cand in (exact.get(lower_key(t)), stem.get(stem_key(t, False)), stem.get(stem_key(t, True))):
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
    alias = builtin_alias(t)
    if alias and alias in exact.get(lower_key(alias), {}):
        return alias
    return None

