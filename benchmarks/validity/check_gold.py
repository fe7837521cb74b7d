"""Check the hand-coded gold sets against the corpora they were coded on.

Run from the project root::

    python benchmarks/validity/check_gold.py                      # every gold set here
    python benchmarks/validity/check_gold.py epithets_gold_coder3  # one set, by its stem

A gold set is ``<stem>.tsv`` (rows: ids, offsets, labels) with
``<stem>_docs.tsv`` (every fully coded document with its length and the SHA-256
of its UTF-8 text).  The documents are read as the project reads them
(``framing.read_telegram`` on ``../shared/data/telegram_ru_2024/raw/*.json``,
``framing.read_bsnlp`` on ``../shared/data/bsnlp2021``).  Checked for every set:
each coded document exists with the recorded outlet (and language), length and
SHA-256; each row belongs to a coded document; every span is inside the text
with start < end and no whitespace at its edges.  Epithet sets (``epithets_*``):
kind, evaluative, polarity and legal take their allowed values, a nomination's
actor span equals its descriptor span, no duplicate rows.  Attribution sets
(``attributions_*``): rows are numbered 1, 2, … per document; speaker and cue
lie inside the sentence; the cue is never empty; ``form`` and ``markers`` take
their allowed values; ``cue_lemma`` is empty exactly when the cue is ``:`` or
``—``.  Prints counts and exits non-zero with one line per problem otherwise.
"""

from __future__ import annotations

import csv
import hashlib
import sys
from collections import Counter
from pathlib import Path

import framing

HERE = Path(__file__).resolve().parent
TELEGRAM = "../shared/data/telegram_ru_2024/raw/*.json"
BSNLP = "../shared/data/bsnlp2021"
EPITHET_ROWS = ["doc_id", "actor_start", "actor_end", "desc_start", "desc_end",
                "kind", "evaluative", "polarity", "legal"]
ATTRIBUTION_ROWS = ["doc_id", "row", "sent_start", "sent_end", "speaker_start", "speaker_end",
                    "resolved_start", "resolved_end", "cue_start", "cue_end", "cue_lemma", "form",
                    "content_start", "content_end", "markers"]
KINDS = {"adj", "title", "relative", "predicate", "compound", "nomination", "genitive"}
FORMS = {"credit", "according_to", "direct", "mixed", "indirect", "other"}
MARKERS = {"якобы", "мол", "дескать", "будто", "так называемый", "scare_quotes"}
BARE_CUES = {":", "—", "–", "-"}


def _read(path: Path, columns: list[str] | None = None) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        if columns is not None and reader.fieldnames != columns:
            raise SystemExit(f"{path}: header is {reader.fieldnames}, expected {columns}")
        return list(reader)


def _corpus() -> dict[str, tuple[str, str, str, str]]:
    """``doc_id -> (text, outlet, lang, source)`` for both corpora."""
    out = {}
    tg = framing.read_telegram(TELEGRAM, progress=False).docs
    for d, t, o in zip(tg["doc_id"], tg["text"], tg["outlet"]):
        out[d] = (t, o, "ru", "telegram")
    bs = framing.read_bsnlp(BSNLP, progress=False).docs
    for d, t, o, lang in zip(bs["doc_id"], bs["text"], bs["outlet"], bs["lang"]):
        out[d] = (t, o, lang, "bsnlp")
    return out


def _check_docs(stem: str, corpus: dict, problems: list) -> tuple[dict, dict]:
    """The coded documents of a set: (doc_id -> text, doc_id -> source); problems appended."""
    coded, source = {}, {}
    for line, rec in enumerate(_read(HERE / f"{stem}_docs.tsv"), start=2):
        where = f"{stem}_docs.tsv line {line} ({rec['doc_id']})"
        found = corpus.get(rec["doc_id"])
        if found is None:
            problems.append(f"{where}: doc_id not in the corpora")
            continue
        t, outlet, lang, source[rec["doc_id"]] = found
        if rec["doc_id"] in coded:
            problems.append(f"{where}: listed twice")
        coded[rec["doc_id"]] = t
        if rec["outlet"] != outlet or rec.get("lang", lang) != lang:
            problems.append(f"{where}: outlet/lang {rec['outlet']!r}/{rec.get('lang')!r} != corpus {outlet!r}/{lang!r}")
        if int(rec["n_chars"]) != len(t):
            problems.append(f"{where}: n_chars {rec['n_chars']} != {len(t)}: the text changed, recode")
        if rec["text_sha256"] != hashlib.sha256(t.encode("utf-8")).hexdigest():
            problems.append(f"{where}: sha256 differs: the loader's text changed, recode or re-align")
    return coded, source


def _rows(stem: str, columns: list[str], coded: dict, problems: list):
    """(where, row, document text) for each row of ``<stem>.tsv`` whose document is listed as coded."""
    for line, rec in enumerate(_read(HERE / f"{stem}.tsv", columns), start=2):
        where = f"{stem}.tsv line {line} ({rec['doc_id']})"
        t = coded.get(rec["doc_id"])
        if t is None:
            problems.append(f"{where}: document not listed as coded in {stem}_docs.tsv")
            continue
        yield where, rec, t


def _span_problems(where: str, t: str, name: str, lo: int, hi: int) -> list[str]:
    if not 0 <= lo < hi <= len(t):
        return [f"{where}: {name} span {lo}:{hi} outside 0:{len(t)}"]
    if t[lo:hi] != t[lo:hi].strip():
        return [f"{where}: {name} span {lo}:{hi} starts or ends with whitespace"]
    return []


def check_epithets(stem: str, corpus: dict) -> list[str]:
    """Problems of an epithet gold set (empty when it is consistent)."""
    problems = []
    coded, _ = _check_docs(stem, corpus, problems)
    kinds = Counter()
    seen = set()
    for where, rec, t in _rows(stem, EPITHET_ROWS, coded, problems):
        a0, a1, d0, d1 = (int(rec[k]) for k in EPITHET_ROWS[1:5])
        for lo, hi, name in ((a0, a1, "actor"), (d0, d1, "desc")):
            problems += _span_problems(where, t, name, lo, hi)
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
    print(f"{stem}: {len(coded)} coded documents, {sum(kinds.values())} rows: "
          + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))
    return problems


def check_attributions(stem: str, corpus: dict) -> list[str]:
    """Problems of an attribution gold set (empty when it is consistent)."""
    problems = []
    coded, source = _check_docs(stem, corpus, problems)
    forms = Counter()
    by_source = Counter()
    last_row = {}
    for where, rec, t in _rows(stem, ATTRIBUTION_ROWS, coded, problems):
        where += f" row {rec['row']}"
        if int(rec["row"]) != last_row.get(rec["doc_id"], 0) + 1:
            problems.append(f"{where}: rows of a document must be numbered 1, 2, … in file order")
        last_row[rec["doc_id"]] = int(rec["row"])
        spans = {}
        for name in ("sent", "speaker", "resolved", "cue", "content"):
            lo, hi = int(rec[f"{name}_start"]), int(rec[f"{name}_end"])
            spans[name] = (lo, hi)
            if (lo, hi) == (-1, -1):
                if name in ("sent", "cue"):
                    problems.append(f"{where}: {name} span must not be empty")
                continue
            problems += _span_problems(where, t, name, lo, hi)
        s0, s1 = spans["sent"]
        for name in ("speaker", "cue"):
            lo, hi = spans[name]
            if lo >= 0 and not s0 <= lo < hi <= s1:
                problems.append(f"{where}: {name} span {lo}:{hi} is not inside the sentence {s0}:{s1}")
        c0, c1 = spans["cue"]
        bare = c0 >= 0 and t[c0:c1] in BARE_CUES
        if bare != (rec["cue_lemma"] == ""):
            problems.append(f"{where}: cue_lemma must be empty exactly when the cue is ':' or '—'")
        if rec["form"] not in FORMS:
            problems.append(f"{where}: form {rec['form']!r} not in {sorted(FORMS)}")
        marks = [m for m in rec["markers"].split(",") if m]
        bad = [m for m in marks if m not in MARKERS]
        if bad or len(set(marks)) != len(marks):
            problems.append(f"{where}: markers {rec['markers']!r}: allowed {sorted(MARKERS)}, each once")
        forms[rec["form"]] += 1
        by_source[source[rec["doc_id"]]] += 1
    missing = [d for d in coded if d not in last_row]
    print(f"{stem}: {len(coded)} coded documents ({len(missing)} with no row), {sum(forms.values())} rows: "
          + ", ".join(f"{k} {n}" for k, n in forms.most_common())
          + "; by source: " + ", ".join(f"{k} {n}" for k, n in by_source.most_common()))
    return problems


def main(stems: list[str]) -> int:
    stems = stems or sorted(p.name[:-len("_docs.tsv")] for p in HERE.glob("*_gold*_docs.tsv"))
    corpus = _corpus()
    found = []
    for stem in stems:
        check = check_attributions if stem.startswith("attributions") else check_epithets
        found += check(stem, corpus)
    for p in found:
        print(p)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
