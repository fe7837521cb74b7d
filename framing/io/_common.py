"""Helpers shared by every loader: reading, decoding, normalising, finishing.

This module gathers them from where they live: :mod:`._reading` (options,
files, progress), :mod:`._encodings` (bytes to text), :mod:`._normalise`
(Unicode clean-up) and :mod:`._records` (records to a ``Corpus``).  Loaders
import from here.

Every ``read_*`` loader follows the same steps::

    files = expand_paths(path_or_glob, problems=problems, suffixes=(...))
    for path in files:
        data, sha = read_source(path, problems)      # None when unreadable
        text, encoding, repaired = decode_bytes(data)
        ... build one dict per document ...
    return finish(records, loader="read_x", options=..., sources=...,
                  problems=problems, strict=strict)

``finish`` normalises text and title, detects languages, skips empty texts,
makes repeated ``doc_id`` unique, converts dates to UTC, stores provenance in
``Corpus.meta`` and emits one warning summarising the problems.
"""

from __future__ import annotations

from ._encodings import (
    LineDecoder,
    bom_codec,
    decode_bytes,
    decode_logged,
    decode_report,
    iter_text_lines,
    scrub_record,
    scrub_surrogates,
    sniff_encoding,
    stream_encoding,
)
from ._normalise import normalize_text, normalize_texts
from ._reading import (
    COMMON_OPTIONS,
    CORE_FIELDS,
    PROGRESS_MIN_FILES,
    check_common,
    expand_paths,
    progress_bar,
    read_bytes,
    read_source,
    sha256_file,
    walk_files,
)
from ._records import finish, parse_published

__all__ = [
    "CORE_FIELDS",
    "COMMON_OPTIONS",
    "PROGRESS_MIN_FILES",
    "read_bytes",
    "read_source",
    "sha256_file",
    "walk_files",
    "decode_bytes",
    "decode_report",
    "decode_logged",
    "sniff_encoding",
    "bom_codec",
    "LineDecoder",
    "iter_text_lines",
    "stream_encoding",
    "scrub_surrogates",
    "scrub_record",
    "normalize_text",
    "normalize_texts",
    "expand_paths",
    "progress_bar",
    "check_common",
    "finish",
    "parse_published",
]
