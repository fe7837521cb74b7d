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

The work is split in two (issue #17): the mentions of each document
(:mod:`.mentions`, per document: they can be collected over partitions of a
corpus) and the corpus-level grouping (:mod:`.grouping`), after which pronouns
and titles are linked in each document again (:mod:`.context`).  The alias
tables are in :mod:`.aliases`, the name keys in :mod:`.names`, linking a
string in :mod:`.link`.  :func:`framing.measures.partitioned.measure_partitioned`
runs the two halves over partitions of a corpus.

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

"""

from __future__ import annotations

import os

import pandas as pd

from ..._options import InstanceOf, NoneOk, OneOf, check
from .._guard import Guard
from .._language import gate
from .._names import doc_outlets
from .aliases import AliasIndex, read_aliases
from .context import context_mentions
from .grouping import actor_tables, group_mentions
from .link import link_actor
from .mentions import collect_mentions, document_sentences
from .result import ACTOR_MENTION_COLUMNS, ACTOR_TABLE_COLUMNS, Actors, empty_mentions, empty_table

__all__ = ["actors", "Actors", "link_actor", "ACTOR_MENTION_COLUMNS", "ACTOR_TABLE_COLUMNS"]

_SPEC = {
    "aliases": [NoneOk(), InstanceOf(str, os.PathLike, pd.DataFrame, dict)],
    "pronouns": OneOf(True, False),
    "titles": OneOf(True, False),
}


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
    index = AliasIndex(read_aliases(aliases))
    sents = document_sentences(ann)
    ms = collect_mentions(ann, index, guard, sents=sents)
    if not ms:
        return Actors(guard.finish(empty_mentions()), empty_table())
    group_mentions(ms, index)
    ms += context_mentions(ms, sents, index.adjectives, pronouns=pronouns, titles=titles)
    sort_mentions(ms, ann.docs["doc_id"])
    mentions, table = actor_tables(ms, doc_outlets(ann))
    return Actors(guard.finish(mentions), table)


def sort_mentions(ms: list, doc_ids) -> None:
    """Sort mention rows in corpus order (the order of ``doc_ids``, then start, longest first), in place."""
    order = {d: i for i, d in enumerate(doc_ids)}
    ms.sort(key=lambda m: (order.get(m["doc_id"], 0), m["start"], -m["end"]))
