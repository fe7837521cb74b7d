"""Reading CSV/TSV files for the table loaders: the separator sniffed, the
encoding decoded line by line, gzip, rows with unbalanced quotes or too many
lines bounded and recorded."""

from __future__ import annotations

import csv
import io
import sys
import zlib
from collections import deque
from pathlib import Path

from .._problems import ProblemLog
from ._common import decode_report, iter_text_lines, stream_encoding
from ._reading import _HashingReader


def sniff_sep(sample: str, path=None) -> str:
    """Guess the field separator from the first lines: tab, comma, semicolon or bar."""
    if path is not None and str(path).lower().endswith((".tsv", ".tab", ".tsv.gz")):
        return "\t"
    lines = [ln.rstrip("\r") for ln in sample.split("\n")[:20] if ln.strip()]
    if not lines:
        return ","
    try:
        return csv.Sniffer().sniff("\n".join(lines), delimiters=",\t;|").delimiter
    except csv.Error:
        header = lines[0]
        counts = {s: header.count(s) for s in ("\t", ",", ";", "|")}
        best = max(counts, key=counts.get)
        return best if counts[best] else ","


def _head(path, size: int = 1 << 18) -> bytes:
    with open(path, "rb") as fh:
        magic = fh.read(2)
        fh.seek(0)
        if magic == b"\x1f\x8b":
            import gzip

            out = b""
            try:
                with gzip.GzipFile(fileobj=fh) as gz:
                    while len(out) < size:
                        block = gz.read(min(1 << 16, size - len(out)))
                        if not block:
                            break
                        out += block
            except (OSError, EOFError, zlib.error):
                pass  # keep what came before the damage; reading reports it
            return out
        return fh.read(size)


_GZIP_MAGIC = b"\x1f\x8b\x08"
_PIECE = 1024


class GzipMembers(io.RawIOBase):
    """Decompress a gzip stream member by member, resuming after a damaged member.

    ``gzip.GzipFile`` stops at the first damaged byte, so every later member of
    a multi-member file (``cat a.gz b.gz``, pigz, log rotation) is lost.  Here
    a damaged member is recorded through ``on_damage(message)`` and reading
    resumes at the next gzip member header; a newline is put at the cut, so
    the broken row before it cannot join the first row after it.  A member
    cut short at the end of the file is recorded the same way.
    """

    def __init__(self, raw, on_damage, chunk: int = 1 << 16):
        super().__init__()
        self._raw, self._on_damage, self._chunk = raw, on_damage, chunk
        self._pending = b""          # compressed bytes not yet fed to the decompressor
        self._out = b""              # decompressed bytes not yet returned
        self._d = zlib.decompressobj(wbits=31)
        self._pos = 0                # compressed offset of the start of _pending
        self._member_start = 0
        self._eof = False
        self._started = False        # the current member produced or consumed input

    def readable(self) -> bool:
        return True

    def _more(self) -> bool:
        block = self._raw.read(self._chunk)
        if not block:
            return False
        self._pending += block
        return True

    def _resync(self, after: int) -> None:
        """Skip to the next member header after ``after`` bytes of ``_pending``."""
        while True:
            i = self._pending.find(_GZIP_MAGIC, after)
            if i >= 0:
                self._pos += i
                self._pending = self._pending[i:]
                break
            keep = max(0, len(self._pending) - 2)
            self._pos += keep
            self._pending, after = self._pending[keep:], 0
            if not self._more():
                self._eof = True
                return
        self._member_start = self._pos
        self._d = zlib.decompressobj(wbits=31)
        self._started = False
        self._out += b"\n"

    def _fill(self) -> None:
        while not self._out and not self._eof:
            if not self._pending and not self._more():
                if self._started:
                    self._on_damage(f"damaged or truncated gzip member at byte {self._member_start}: "
                                    "the file ends inside it; its last rows are lost")
                self._eof = True
                return
            # small pieces: zlib drops a call's output when it raises, so the bytes
            # decompressed before a damaged spot are kept up to the last piece
            data, self._pending = self._pending[:_PIECE], self._pending[_PIECE:]
            try:
                out = self._d.decompress(data)
            except zlib.error as exc:
                if "incorrect data check" in str(exc) or "incorrect length check" in str(exc):
                    # found only at the member's end: bytes flipped inside it decompressed to
                    # other text without an error before
                    self._on_damage(f"gzip member at byte {self._member_start} fails its checksum ({exc}): "
                                    "rows read from it may hold damaged text; reading resumed at the next member")
                else:
                    self._on_damage(f"damaged gzip member at byte {self._member_start} ({exc}); its rows after "
                                    "the damage are lost; reading resumed at the next member")
                self._pending = data + self._pending
                self._resync(1)
                continue
            self._started = True
            self._out += out
            if self._d.eof:
                rest = self._d.unused_data + self._pending
                self._pos += len(data) - len(self._d.unused_data)
                self._pending = rest.lstrip(b"\x00")     # padding between members
                self._pos += len(rest) - len(self._pending)
                self._member_start = self._pos
                self._d = zlib.decompressobj(wbits=31)
                self._started = False
                if self._pending and not self._pending.startswith(b"\x1f\x8b"):
                    self._on_damage(f"{len(self._pending)} byte(s) that are not a gzip member after byte "
                                    f"{self._pos}; reading resumed at the next member")
                    self._resync(0)
            else:
                self._pos += len(data)

    def readinto(self, buf) -> int:
        self._fill()
        n = min(len(buf), len(self._out))
        buf[:n] = self._out[:n]
        self._out = self._out[n:]
        return n


#: the most physical lines one CSV row may span before its opening quote is taken as unbalanced
CSV_ROW_MAX_LINES = 10_000
#: quoting errors in one file after which every following line is read as one row (bounds the work)
CSV_MAX_QUOTE_ERRORS = 20


class _RowTooLong(Exception):
    pass


class _RowLines:
    """The physical lines fed to :mod:`csv`, remembering those of the current row.

    After a quoting error the lines of the damaged row can be fed again
    (``pending``) to a fresh reader, so reading resumes right after the line
    where the damage starts.  A row running over :data:`CSV_ROW_MAX_LINES`
    lines stops with ``_RowTooLong`` (memory and time stay bounded).
    """

    def __init__(self, lines):
        self.it = iter(lines)
        self.pending: deque = deque()
        self.buf: list[tuple[int, str]] = []

    def __iter__(self):
        return self

    def __next__(self) -> str:
        if len(self.buf) >= CSV_ROW_MAX_LINES:
            raise _RowTooLong()
        item = self.pending.popleft() if self.pending else next(self.it)
        self.buf.append(item)
        return item[1]


def _csv_rows(lines, sep: str, path, problems: ProblemLog):
    """Yield ``(first line number, fields)``, recovering from broken quoting.

    Rows are parsed strictly.  A quoting error inside one line (``"ab"c``) is
    read leniently and recorded; a quote that is never closed (which would
    swallow every following row into one field) is recorded with the line
    where it starts, that line is skipped and reading resumes on the next
    line, so the rows before and after are kept.  After
    :data:`CSV_MAX_QUOTE_ERRORS` such errors the file's quoting is taken as
    broken: each following line is read as one row (recorded once).
    """
    src = _RowLines(lines)
    reader = csv.reader(src, delimiter=sep, strict=True)
    errors = 0
    while True:
        src.buf = []
        try:
            row = next(reader)
        except StopIteration:
            return
        except (csv.Error, _RowTooLong) as exc:
            why = str(exc) if isinstance(exc, csv.Error) else f"more than {CSV_ROW_MAX_LINES} lines"
            taken = src.buf
            if not taken:
                raise
            errors += 1
            start = taken[0][0]
            if len(taken) == 1:
                try:
                    row = _lenient_row(taken[0][1], sep)
                except csv.Error as exc2:
                    problems.add(path, f"CSV error ({exc2}); the line is skipped", location=f"line {start}",
                                 action="skipped")
                else:
                    problems.add(path, f"malformed quoting ({why}); the row was read leniently",
                                 location=f"line {start}", action="repaired")
                    yield start, row
            else:
                problems.add(path, f"unbalanced quote: the row at line {start} runs on over {len(taken)} lines "
                             f"({why}); that line is skipped and reading resumes at line {start + 1}",
                             location=f"line {start}", action="skipped")
                src.pending.extendleft(reversed(taken[1:]))
            if errors >= CSV_MAX_QUOTE_ERRORS:
                yield from _line_rows(src, sep, path, problems)
                return
            reader = csv.reader(src, delimiter=sep, strict=True)
            continue
        yield (src.buf[0][0] if src.buf else 0), row


def _line_rows(src: _RowLines, sep: str, path, problems: ProblemLog):
    """Each remaining physical line as one row (quoting too broken to follow)."""
    def rest():
        while src.pending:
            yield src.pending.popleft()
        yield from src.it

    noted = False
    for i, line in rest():
        if not noted:
            problems.add(path, f"{CSV_MAX_QUOTE_ERRORS} quoting errors: from line {i} on, each line is read "
                         "as one row", location=f"line {i}", action="repaired")
            noted = True
        try:
            yield i, _lenient_row(line, sep)
        except csv.Error as exc:
            problems.add(path, f"CSV error ({exc}); the line is skipped", location=f"line {i}", action="skipped")


def _lenient_row(line: str, sep: str) -> list[str]:
    """One line read by :mod:`csv` without strict quoting; a bare ``\\r`` inside a field stays in it."""
    body = line[:-1] if line.endswith("\n") else line
    body = body[:-1] if body.endswith("\r") else body
    mark = "\ue000"
    if "\r" in body and mark not in body:
        return [f.replace(mark, "\r") for f in next(csv.reader([body.replace("\r", mark)], delimiter=sep), [])]
    return next(csv.reader([line], delimiter=sep), [])


def iter_csv_file(path, problems: ProblemLog, sources: list, *, sep=None, encoding=None):
    """Stream ``(line number, row dict)`` from a CSV/TSV file, plain or gzip.

    Lines are decoded one by one unless ``encoding`` is given
    (:func:`~framing.io._common.iter_text_lines`: UTF-16/32 with or without
    BOM, mixed UTF-8 and code pages, every repair recorded); the separator
    is sniffed (unless given); rows with the wrong number of fields, broken
    quoting (:func:`_csv_rows`) and undecodable bytes are recorded in
    ``problems``; a damaged gzip member is recorded and reading resumes at
    the next member (:class:`GzipMembers`).
    ``{path, sha256}`` is appended to ``sources`` at the end.
    """
    try:
        head = _head(path)
        raw = open(path, "rb")
    except OSError as exc:
        problems.add(path, f"unreadable file: {exc.strerror or exc}", action="skipped")
        return
    hashing = _HashingReader(raw)
    entry = {"path": str(path), "sha256": None}
    buffered = io.BufferedReader(hashing, buffer_size=1 << 20)
    def damaged(message):
        problems.add(path, message, action="skipped")

    stream = io.BufferedReader(GzipMembers(buffered, damaged), buffer_size=1 << 16) if _is_gzip(path) else buffered
    if encoding is None:
        enc = stream_encoding(head)
        lines = iter_text_lines(stream, head, source=path, problems=problems, keepends=True)
        sample = decode_report(head[: 1 << 16])[0]
    else:
        enc = encoding
        lines = enumerate(io.TextIOWrapper(stream, encoding=enc, errors="replace", newline=""), 1)
        sample = head[: 1 << 16].decode(enc, errors="replace")
    if enc not in ("utf-8", "ascii", "utf-8-sig"):
        entry["encoding"] = enc
    if sep is None:
        sep = sniff_sep(sample.lstrip("\ufeff"), _strip_gz(path))
    old = csv.field_size_limit()
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    header = None
    n = line = seen = 0
    try:
        for line, row in _csv_rows(lines, sep, path, problems):
            if header is None:
                if not any(c.strip() for c in row):
                    continue
                header = _unique_header(row)
                continue
            if not row or (len(row) == 1 and not row[0].strip()):
                continue
            seen += 1
            if len(row) != len(header):
                if len(row) > len(header) and not any(c.strip() for c in row[len(header):]):
                    row = row[:len(header)]
                else:
                    problems.add(path, f"{len(row)} fields where the header has {len(header)}",
                                 location=f"line {line}", action="skipped")
                    continue
            if encoding is not None and any("\ufffd" in c for c in row):
                problems.add(path, f"undecodable bytes replaced by U+FFFD (read as {enc})",
                             location=f"line {line}", action="repaired")
            n += 1
            yield line, dict(zip(header, row))
        if header is None:
            problems.add(path, "empty file", action="skipped")
        elif not seen:
            problems.add(path, f"no row after the header (columns: {header[:10]})", action="skipped")
    except (OSError, EOFError, zlib.error) as exc:
        problems.add(path, f"damaged or truncated file ({exc}); the {n} row(s) before it kept",
                     location=f"line {line}", action="skipped")
    except csv.Error as exc:
        problems.add(path, f"CSV error ({exc}); the {n} row(s) before it kept",
                     location=f"line {line}", action="skipped")
    finally:
        csv.field_size_limit(old)
        try:
            entry["sha256"] = hashing.finish_hash()
        except OSError:
            pass
        finally:
            raw.close()
        sources.append(entry)


def _is_gzip(path) -> bool:
    with open(path, "rb") as fh:
        return fh.read(2) == b"\x1f\x8b"


def _strip_gz(path) -> str:
    s = str(path)
    return s[:-3] if s.lower().endswith(".gz") else s


def _unique_header(row) -> list[str]:
    header = [h.strip().lstrip("\ufeff") for h in row]
    seen: dict[str, int] = {}
    for j, h in enumerate(header):
        h = h or f"column_{j + 1}"
        if h in seen:
            seen[h] += 1
            h = f"{h}_{seen[h]}"
        else:
            seen[h] = 1
        header[j] = h
    return header


def _empty_to_none(rec: dict) -> dict:
    return {k: (None if v == "" else v) for k, v in rec.items()}


def _stem(path) -> str:
    name = Path(path).name
    for ext in (".csv.gz", ".tsv.gz", ".jsonl.gz", ".json.gz"):
        if name.lower().endswith(ext):
            return name[: -len(ext)]
    return Path(path).stem
