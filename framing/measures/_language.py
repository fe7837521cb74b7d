"""Which languages a measure has knowledge of, and what happens to the others (private).

A measure's word lists (reporting verbs, titles, evaluative lexicons, function
words) are data under ``framing/lexicons/<lang>/``; a language without such a
folder has none, so a measure cannot be computed on its documents.  Rather than
treat them as Russian, the measure skips them and records one problem row per
skipped document (issue #14: "an unsupported language raises a clear error or
records a problem, never falls back to Russian").

Examples
--------
>>> from framing.measures._language import supported_languages
>>> sorted(supported_languages())
['en', 'ru', 'uk']
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from ._guard import UNSUPPORTED


@lru_cache(maxsize=None)
def supported_languages() -> frozenset:
    """Languages with a lexicon folder (``framing/lexicons/<lang>/``)."""
    root = resources.files("framing.lexicons")
    return frozenset(d.name for d in root.iterdir()
                     if d.is_dir() and not d.name.startswith(("_", ".")) and d.name.isalpha())


def gate(ann, guard):
    """``ann`` without the documents of unsupported languages, each recorded in ``guard``.

    Returns ``ann`` itself when every document's language is supported, so the
    usual case costs one pass over the documents table.
    """
    docs = ann.docs
    if docs.empty or "lang" not in docs.columns:
        return ann
    langs = docs["lang"].astype(object)
    ok = langs.isin(supported_languages())
    if ok.all():
        return ann
    known = ", ".join(sorted(supported_languages()))
    for doc_id, lang in zip(docs.loc[~ok, "doc_id"], langs[~ok]):
        guard.skip(doc_id, f"language {lang!r}{UNSUPPORTED}{guard.measure} (framing has word "
                                f"lists for {known}: add a folder framing/lexicons/{lang}/ to support it); "
                                f"document skipped")
    if ok.any():
        return ann.select(docs=list(docs.loc[ok, "doc_id"]))
    from ..annotate.annotated import Annotated, empty_entities, empty_tokens
    from ..corpus import Corpus
    return Annotated(Corpus(docs.iloc[:0]), empty_tokens(), empty_entities(), meta=ann.meta)
