"""framing: media framing analysis for Russian, Ukrainian and English news.

The flow is one way::

    Corpus  →  annotate  →  measures (tidy tables)  →  compare  →  plot

Every name a notebook needs is importable from here.  Heavy modules (models,
parsers) load lazily on first use, so ``import framing`` stays fast.
"""

from __future__ import annotations

import importlib

from ._version import __version__

# public name -> module that defines it
_EXPORTS = {
    # corpus and loaders
    "Corpus": "framing.corpus",
    "read_texts": "framing.io",
    "read_jsonl": "framing.io",
    "read_json": "framing.io",
    "read_csv": "framing.io",
    "read_parquet": "framing.io",
    "read_parquet_dataset": "framing.io.partitioned_read",
    "read_html": "framing.io",
    "read_feed": "framing.io",
    "read_warc": "framing.io",
    "read_telegram": "framing.io",
    "read_bsnlp": "framing.io",
    "read_ods_news": "framing.io",
    "read_mediacloud": "framing.io",
    "read_semeval2023": "framing.io.semeval",
    "iter_jsonl": "framing.io.stream",
    "iter_csv": "framing.io.stream",
    "iter_telegram": "framing.io.stream",
    "iter_warc": "framing.io.stream",
    "iter_parquet_dataset": "framing.io.partitioned_read",
    "remove_boilerplate": "framing.boilerplate",
    "boilerplate_lines": "framing.boilerplate",
    "find_duplicates": "framing.duplicates",
    "drop_duplicates": "framing.duplicates",
    "detect_language": "framing.lang.identify",
    "load_demo": "framing.corpora",
    "demo_answers": "framing.corpora",
    "demo_events": "framing.corpora",
    "fetch": "framing.corpora",
    # annotation
    "annotate": "framing.annotate",
    "Annotated": "framing.annotate",
    "evaluate_treebank": "framing.annotate",
    # document-feature layer
    "Features": "framing.features",
    "features": "framing.features",
    # topic models
    "TopicModel": "framing.topics",
    "search_k": "framing.topics",
    # measures
    "read_lexicon": "framing.lexicons",
    "actors": "framing.measures.actors",
    "epithets": "framing.measures.epithets",
    "naming": "framing.measures.naming",
    "attributions": "framing.measures.attribution",
    "sources": "framing.measures.sources",
    "measure": "framing.measures.runner",
    "measure_partitioned": "framing.measures.partitioned",
    # comparison
    "group_events": "framing.compare.events",
    "keyness": "framing.compare.keyness",
    "rates": "framing.compare.rates",
    "volume": "framing.compare.volume",
    "kwic": "framing.compare.kwic",
    "collocations": "framing.compare.collocations",
    "compare": "framing.compare.comparison",
    "Comparison": "framing.compare.comparison",
    # frames
    "frames": "framing.frame",
    "frame_questions": "framing.frame",
    "read_frame_dictionary": "framing.frame",
    "FrameClassifier": "framing.frame",
    "cross_validate_frames": "framing.frame",
    "frame_axes": "framing.frame",
    # validation: hand coding, precision, agreement
    "validation_sample": "framing.validation",
    "validation_report": "framing.validation",
    "agreement": "framing.validation",
    "CodingSheet": "framing.validation",
    # reproducible papers: provenance, publication tables
    "provenance": "framing.reproduce",
    "write_provenance": "framing.reproduce",
    "to_latex": "framing.publish",
    "to_markdown": "framing.publish",
    "format_interval": "framing.publish",
}

_SUBMODULES = {"corpora", "plot", "io", "lang", "lexicons", "measures", "annotate", "exercises", "publish",
               "reproduce", "topics"}

__all__ = sorted(_EXPORTS) + ["__version__"]


def __getattr__(name):
    if name in _EXPORTS:
        module = importlib.import_module(_EXPORTS[name])
        value = getattr(module, name)
        globals()[name] = value
        return value
    if name in _SUBMODULES:
        return importlib.import_module(f"framing.{name}")
    raise AttributeError(f"module 'framing' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(_EXPORTS) | _SUBMODULES)
