"""Check the hand-coded epithet gold set against the corpus it was coded on.

Run from the project root::

    python benchmarks/validity/check_gold.py

Reads ``epithets_gold_docs.tsv`` and ``epithets_gold.tsv`` next to this file and
the Telegram sample (``../shared/data/telegram_ru_2024/raw/*.json``) as
``framing.read_telegram`` loads it, then checks that every coded document exists
with the recorded length and SHA-256 of its UTF-8 text, that every row belongs
to a coded document, that its offsets are inside the text (start < end), and
that kind, evaluative, polarity and legal take their allowed values. It prints
the counts per kind and exits non-zero with one line per problem otherwise.
"""

from __future__ import annotations

import csv
import hashlib
import sys
from collections import Counter
from pathlib import Path

import framing

HERE = Path(__file__).resolve().parent
CORPUS = "../shared/data/telegram_ru_2024/raw/*.json"
DOC_COLUMNS = ["doc_id", "outlet", "n_chars", "text_sha256", "coder"]
ROW_COLUMNS = ["doc_id", "actor_start", "actor_end", "desc_start", "desc_end",
               "kind", "evaluative", "polarity", "legal"]
KINDS = {"adj", "title", "relative", "predicate", "compound", "nomination", "genitive"}


def _read(path: Path, columns: list[str]) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        if reader.fieldnames != columns:
            raise SystemExit(f"{path}: header is {reader.fieldnames}, expected {columns}")
        return list(reader)


def check() -> list[str]:
    """Return the list of problems found (empty when the gold set is consistent)."""
    docs = framing.read_telegram(CORPUS).docs
    text = dict(zip(docs["doc_id"], docs["text"]))
    outlet = dict(zip(docs["doc_id"], docs["outlet"]))
    problems = []
    coded = {}
    for line, rec in enumerate(_read(HERE / "epithets_gold_docs.tsv", DOC_COLUMNS), start=2):
        where = f"epithets_gold_docs.tsv line {line} ({rec['doc_id']})"
        t = text.get(rec["doc_id"])
        if t is None:
            problems.append(f"{where}: doc_id not in the corpus")
            continue
        if rec["doc_id"] in coded:
            problems.append(f"{where}: listed twice")
        coded[rec["doc_id"]] = t
        if rec["outlet"] != outlet[rec["doc_id"]]:
            problems.append(f"{where}: outlet {rec['outlet']!r} != corpus {outlet[rec['doc_id']]!r}")
        if int(rec["n_chars"]) != len(t):
            problems.append(f"{where}: n_chars {rec['n_chars']} != {len(t)}: the text changed, recode")
        if rec["text_sha256"] != hashlib.sha256(t.encode("utf-8")).hexdigest():
            problems.append(f"{where}: sha256 differs: the loader's text changed, recode or re-align")
    kinds = Counter()
    seen = set()
    for line, rec in enumerate(_read(HERE / "epithets_gold.tsv", ROW_COLUMNS), start=2):
        where = f"epithets_gold.tsv line {line} ({rec['doc_id']})"
        t = coded.get(rec["doc_id"])
        if t is None:
            problems.append(f"{where}: document not listed as coded in epithets_gold_docs.tsv")
            continue
        a0, a1, d0, d1 = (int(rec[k]) for k in ROW_COLUMNS[1:5])
        for lo, hi, name in ((a0, a1, "actor"), (d0, d1, "desc")):
            if not 0 <= lo < hi <= len(t):
                problems.append(f"{where}: {name} span {lo}:{hi} outside 0:{len(t)}")
            elif t[lo:hi] != t[lo:hi].strip():
                problems.append(f"{where}: {name} span {lo}:{hi} starts or ends with whitespace")
        if rec["kind"] not in KINDS:
            problems.append(f"{where}: kind {rec['kind']!r} not in {sorted(KINDS)}")
        if rec["kind"] == "nomination" and (a0, a1) != (d0, d1):
            problems.append(f"{where}: a nomination's actor span must equal its descriptor span")
        if rec["evaluative"] not in {"yes", "no"} or rec["legal"] not in {"yes", "no"}:
            problems.append(f"{where}: evaluative and legal must be yes or no")
        if rec["polarity"] not in {"-1", "0", "1"}:
            problems.append(f"{where}: polarity {rec['polarity']!r} not in -1, 0, 1")
        elif (rec["evaluative"] == "yes") == (rec["polarity"] == "0"):
            problems.append(f"{where}: polarity must be 0 exactly when evaluative is no")
        if rec["legal"] == "yes" and rec["evaluative"] != "yes":
            problems.append(f"{where}: a legal label is evaluative (yes, -1)")
        key = (rec["doc_id"], a0, a1, d0, d1)
        if key in seen:
            problems.append(f"{where}: duplicate row")
        seen.add(key)
        kinds[rec["kind"]] += 1
    print(f"{len(coded)} coded documents, {sum(kinds.values())} rows: "
          + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))
    return problems


if __name__ == "__main__":
    found = check()
    for p in found:
        print(p)
    sys.exit(1 if found else 0)
