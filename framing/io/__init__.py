"""Loaders: every ``read_*`` returns a :class:`~framing.Corpus`.

=================== ==========================================================
``read_texts``      plain-text files, first line the title (kept as the start of the text)
``read_jsonl``      JSON Lines, one document per line
``read_json``       a JSON array (or an object holding one) of documents
``read_csv``        CSV or TSV (separator sniffed)
``read_parquet``    Parquet tables (or a corpus written by ``Corpus.to_parquet``)
``read_telegram``   Telegram channel dumps and Telegram Desktop ``result.json``
``read_bsnlp``      BSNLP shared-task raw files (outlet = the URL's domain)
``read_ods_news``   the ODS Russian news dumps (Gazeta, Interfax, RIA, …)
``read_mediacloud`` Media Cloud story-list CSV
``read_html``       saved web pages (main text extracted)
``read_feed``       RSS / Atom feeds
``read_warc``       WARC web archives
=================== ==========================================================

All loaders detect encodings, normalise Unicode, detect the language of each
document, record bad input in ``corpus.problems`` instead of failing (or raise
with ``strict=True``) and store provenance in ``corpus.meta``.
"""

from __future__ import annotations

import importlib

from .datasets import read_bsnlp, read_mediacloud, read_ods_news
from .tables import read_csv, read_json, read_jsonl, read_parquet
from .telegram import read_telegram
from .texts import read_texts

# Loaders of web pages, feeds and archives: imported on first use, because their
# libraries (trafilatura, feedparser, warcio) take long to import.  A missing
# library raises its ImportError then, naming the package to install.
_LAZY = {"read_html": ".html", "read_feed": ".feeds", "read_warc": ".warc"}


def __getattr__(name):
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'framing.io' has no attribute {name!r}")


__all__ = [
    "read_texts", "read_jsonl", "read_json", "read_csv", "read_parquet",
    "read_telegram", "read_bsnlp", "read_ods_news", "read_mediacloud",
    "read_html", "read_feed", "read_warc",
]


def __dir__():
    return sorted(set(globals()) | set(_LAZY))
