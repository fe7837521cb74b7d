"""Attribution: who is quoted, with which verb, how, and at what distance.

:func:`attributions` finds every reported utterance in an annotated corpus and
returns one row per attribution: the speaker as written and the actor behind
it, the cue (a reporting verb, a source phrase such as "по словам", a speech
noun, a colon or a dash), the reported content and its form (credit,
according-to, direct, mixed, indirect, other), the distancing markers around it
("якобы", "мол", "так называемый", scare quotes) and whether the report is
negated ("не исключают"; a refusal such as "не стал комментировать" is no
attribution by the definition and gets a row only with ``negated="keep"``).

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

Pronoun and description antecedents are found by :mod:`framing.measures.attribution.coref`;
the words the rules treat by role (headline labels, penalties, quoting verbs,
addressee verbs, the author's own voice, …) are in
``framing/lexicons/<lang>/attribution_words.tsv``.

The verb classes follow the literature on reporting verbs: neutral,
endorsing (Caldas-Coulthard 1994's metapropositional verbs; Thompson & Ye
1991), distancing (Thompson & Ye 1991; Bergler 1992), admission, commissive,
directive and emotive (Searle 1976's commissives, directives and
expressives), denial, accusation, belief, question and refusal.  They live in
``framing/lexicons/<lang>/reporting_verbs.tsv`` with notes and sources.

The package is split along the measure's seams, each module a step that only
reads the ones above it:

========== ==============================================================
words      language resources: lexicons and function words (one loader)
quotes     quotation-mark pairs in a document
sentence   one sentence as arrays, a cue, and the token tests every step shares
speakers   who speaks: the speaker search with and without a parse
markers    distancing markers and their classes
content    where the content is and what form it has
cues       the cue finders: reporting verbs, source phrases, colons
finder     one sentence's finished cues (cues + speakers + content)
coref      actors: pronoun and description antecedents, speaker types
rows       the public tables :func:`attributions` and :func:`markers`
========== ==============================================================
"""

from __future__ import annotations

from .columns import (ATTRIBUTION_COLUMNS, DISTANCING_CLASSES, FORMS, MARKER_CLASSES, MARKER_COLUMNS,
                      QUOTE_TYPES, SPEAKER_TYPES, VERB_CLASSES)
from .markers import marker_class, marker_classes
from .rows import attributions, markers

__all__ = ["ATTRIBUTION_COLUMNS", "DISTANCING_CLASSES", "FORMS", "MARKER_CLASSES", "MARKER_COLUMNS",
           "QUOTE_TYPES", "SPEAKER_TYPES", "VERB_CLASSES", "attributions", "marker_class", "marker_classes",
           "markers"]
