"""The columns and value sets of the attribution tables (the public constants).
"""

from __future__ import annotations




ATTRIBUTION_COLUMNS = [
    "doc_id", "outlet", "sent_id", "speaker", "speaker_start", "speaker_end", "actor",
    "speaker_type", "self_citation", "verb", "verb_lemma", "verb_class", "quote_type", "form", "content",
    "content_start", "content_end", "markers", "negated", "distancing", "cue_start",
    "cue_end", "pattern",
]
"""Columns of the table :func:`attributions` returns."""


MARKER_COLUMNS = ["doc_id", "outlet", "sent_id", "start", "end", "text", "marker", "kind",
                  "attribution"]
"""Columns of the table :func:`markers` returns."""


SPEAKER_TYPES = ("person", "organisation", "media", "anonymous", "unattributed")


QUOTE_TYPES = ("direct", "indirect", "mixed", "according_to", "noun", "none")


FORMS = ("credit", "according_to", "direct", "mixed", "indirect", "other")
"""Values of ``form``: the guideline's forms (docs/attribution.md), first matching rule wins."""


MARKER_CLASSES = ("verb", "particle", "scare_quote", "institutional", "legal_label")
"""Classes of distancing: a distancing reporting verb, a particle or "так называемый", scare
quotes, an attribution phrase ("по версии следствия"), a legal label in quotes («иноагент»)."""


DISTANCING_CLASSES = ("verb", "particle", "scare_quote")
"""The classes the ``distancing`` flag (and the distancing rate of :func:`framing.sources`) counts."""


VERB_CLASSES = ("neutral", "endorsing", "distancing", "admission", "commissive", "directive",
                "emotive", "denial", "accusation", "belief", "question", "refusal")
