"""Check the hand-coded attribution gold set against the corpora it was coded on.

Run from the project root::

    python benchmarks/validity/check_attribution_gold.py

Reads ``attributions_gold_docs.tsv`` and ``attributions_gold.tsv`` next to this
file, the Telegram sample (``../shared/data/telegram_ru_2024/raw/*.json``) as
``framing.read_telegram`` loads it and BSNLP 2021 (``../shared/data/bsnlp2021``)
as ``framing.read_bsnlp`` loads it, then checks that every coded document exists
with the recorded outlet, language, length and SHA-256 of its UTF-8 text; that
every row belongs to a coded document and rows are numbered 1, 2, … per
document; that every span is either ``-1 -1`` or inside the text with start <
end and no whitespace at its edges; that speaker, cue and content spans lie
inside the sentence span except a content that runs across sentences (a
multi-sentence quote); that the cue is never empty; that ``form`` and
``markers`` take their allowed values; and that ``cue_lemma`` is empty exactly
when the cue is ``:`` or ``—``. It prints counts per form and per source and
exits non-zero with one line per problem otherwise.
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
DOC_COLUMNS = ["doc_id", "outlet", "lang", "n_chars", "text_sha256", "coder"]
ROW_COLUMNS = ["doc_id", "row", "sent_start", "sent_end", "speaker_start", "speaker_end",
               "resolved_start", "resolved_end", "cue_start", "cue_end", "cue_lemma", "form",
               "content_start", "content_end", "markers"]
FORMS = {"credit", "according_to", "direct", "mixed", "indirect", "other"}
MARKERS = {"якобы", "мол", "дескать", "будто", "так называемый", "scare_quotes"}
BARE_CUES = {":", "—", "–", "-"}


def _read(path: Path, columns: list[str]) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        if reader.fieldnames != columns:
            raise SystemExit(f"{path}: header is {reader.fieldnames}, expected {columns}")
        return list(reader)


def _corpus() -> dict[str, tuple[str, str, str, str]]:
    """``doc_id -> (text, outlet, lang, source)`` for both corpora."""
    out = {}
    tg = framing.read_telegram(TELEGRAM).docs
    for d, t, o in zip(tg["doc_id"], tg["text"], tg["outlet"]):
        out[d] = (t, o, "ru", "telegram")
    bs = framing.read_bsnlp(BSNLP, progress=False).docs
    for d, t, o, lang in zip(bs["doc_id"], bs["text"], bs["outlet"], bs["lang"]):
        out[d] = (t, o, lang, "bsnlp")
    return out


def check() -> list[str]:
    """Return the list of problems found (empty when the gold set is consistent)."""
    corpus = _corpus()
    problems = []
    coded = {}
    source = {}
    for line, rec in enumerate(_read(HERE / "attributions_gold_docs.tsv", DOC_COLUMNS), start=2):
        where = f"attributions_gold_docs.tsv line {line} ({rec['doc_id']})"
        found = corpus.get(rec["doc_id"])
        if found is None:
            problems.append(f"{where}: doc_id not in the corpora")
            continue
        t, outlet, lang, source[rec["doc_id"]] = found
        if rec["doc_id"] in coded:
            problems.append(f"{where}: listed twice")
        coded[rec["doc_id"]] = t
        if (rec["outlet"], rec["lang"]) != (outlet, lang):
            problems.append(f"{where}: outlet/lang {rec['outlet']!r}/{rec['lang']!r} != corpus {outlet!r}/{lang!r}")
        if int(rec["n_chars"]) != len(t):
            problems.append(f"{where}: n_chars {rec['n_chars']} != {len(t)}: the text changed, recode")
        if rec["text_sha256"] != hashlib.sha256(t.encode("utf-8")).hexdigest():
            problems.append(f"{where}: sha256 differs: the loader's text changed, recode or re-align")
    forms = Counter()
    by_source = Counter()
    last_row = {}
    for line, rec in enumerate(_read(HERE / "attributions_gold.tsv", ROW_COLUMNS), start=2):
        where = f"attributions_gold.tsv line {line} ({rec['doc_id']} row {rec['row']})"
        t = coded.get(rec["doc_id"])
        if t is None:
            problems.append(f"{where}: document not listed as coded in attributions_gold_docs.tsv")
            continue
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
            if not 0 <= lo < hi <= len(t):
                problems.append(f"{where}: {name} span {lo}:{hi} outside 0:{len(t)}")
            elif t[lo:hi] != t[lo:hi].strip():
                problems.append(f"{where}: {name} span {lo}:{hi} starts or ends with whitespace")
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
    print(f"{len(coded)} coded documents ({len(missing)} with no row), {sum(forms.values())} rows: "
          + ", ".join(f"{k} {n}" for k, n in forms.most_common())
          + "; by source: " + ", ".join(f"{k} {n}" for k, n in by_source.most_common()))
    return problems


if __name__ == "__main__":
    found = check()
    for p in found:
        print(p)
    sys.exit(1 if found else 0)
