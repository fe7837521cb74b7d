"""Check the second attribution development set against the texts it was coded on.

Run from the project root::

    python benchmarks/attribution_dev2/check.py
    python benchmarks/attribution_dev2/check.py gold_coder2.tsv   # the second coder's file

The texts are re-loaded as ``sample.py`` loads them (``framing.read_telegram``,
``framing.read_bsnlp``, RuOpinionNE lines) and, for every document in
``docs.tsv``, the length and SHA-256 are compared.  ``sentences.tsv`` must tile
each document's coded sentences in order without overlap; each ``gold.tsv`` row
must lie in a coded document and its sentence must be one of the coded
sentences.  Span checks (inside the text, start < end, no whitespace at the
edges; speaker and cue inside the sentence; ``cue_lemma`` empty exactly for a bare
``:``/``—``; ``form`` and ``markers`` in their value sets) are those of
``benchmarks/validity/check_gold.py``, reused.  Prints counts per source, per
slice and per form; exits non-zero with one line per problem.
"""

from __future__ import annotations

import csv
import hashlib
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "validity"))

from check_gold import ATTRIBUTION_ROWS, BARE_CUES, FORMS, MARKERS, _span_problems  # noqa: E402
from sample import load_sources  # noqa: E402


def _read(name: str) -> list[dict]:
    with (HERE / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def main(gold: str = "gold.tsv") -> int:
    problems: list[str] = []
    texts = {d[0]: (src, d[1], d[2], d[3]) for src, docs in load_sources().items() for d in docs}
    docs = {}
    for line, rec in enumerate(_read("docs.tsv"), start=2):
        where = f"docs.tsv line {line} ({rec['doc_id']})"
        found = texts.get(rec["doc_id"])
        if found is None:
            problems.append(f"{where}: not in the sources")
            continue
        src, outlet, lang, t = found
        if (rec["source"], rec["outlet"], rec["lang"]) != (src, outlet, lang):
            problems.append(f"{where}: source/outlet/lang differ from the loaded {src}/{outlet}/{lang}")
        if int(rec["n_chars"]) != len(t):
            problems.append(f"{where}: n_chars {rec['n_chars']} != {len(t)}: the text changed, recode")
        if rec["text_sha256"] != hashlib.sha256(t.encode("utf-8")).hexdigest():
            problems.append(f"{where}: sha256 differs: the loader's text changed, recode or re-align")
        if rec["slice"] not in {"dev2", "check3"}:
            problems.append(f"{where}: slice {rec['slice']!r} not dev2/check3")
        docs[rec["doc_id"]] = rec | {"text": t}
    sents: dict[str, set[tuple[int, int]]] = {}
    last: dict[str, int] = {}
    for line, rec in enumerate(_read("sentences.tsv"), start=2):
        where = f"sentences.tsv line {line} ({rec['doc_id']})"
        d = docs.get(rec["doc_id"])
        if d is None:
            problems.append(f"{where}: document not in docs.tsv")
            continue
        lo, hi = int(rec["sent_start"]), int(rec["sent_end"])
        problems += _span_problems(where, d["text"], "sentence", lo, hi)
        if lo < last.get(rec["doc_id"], 0):
            problems.append(f"{where}: sentence overlaps or precedes the previous one")
        last[rec["doc_id"]] = hi
        sents.setdefault(rec["doc_id"], set()).add((lo, hi))
    for doc_id in docs.keys() - sents.keys():
        problems.append(f"docs.tsv ({doc_id}): no sentences in sentences.tsv")
    with (HERE / gold).open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        if reader.fieldnames != ATTRIBUTION_ROWS:
            problems.append(f"{gold}: header {reader.fieldnames} != {ATTRIBUTION_ROWS}")
        rows = list(reader)
    per: dict[str, Counter] = {"source": Counter(), "slice": Counter(), "form": Counter(),
                               "source_form": Counter()}
    with_attr: set[tuple[str, int, int]] = set()
    expected_row: Counter = Counter()
    for line, rec in enumerate(rows, start=2):
        where = f"{gold} line {line} ({rec['doc_id']})"
        d = docs.get(rec["doc_id"])
        if d is None:
            problems.append(f"{where}: document not in docs.tsv")
            continue
        t = d["text"]
        expected_row[rec["doc_id"]] += 1
        if int(rec["row"]) != expected_row[rec["doc_id"]]:
            problems.append(f"{where}: row {rec['row']} != {expected_row[rec['doc_id']]}")
        s0, s1 = int(rec["sent_start"]), int(rec["sent_end"])
        if (s0, s1) not in sents.get(rec["doc_id"], set()):
            problems.append(f"{where}: sentence {s0}:{s1} is not a coded sentence")
        with_attr.add((rec["doc_id"], s0, s1))
        for name in ("speaker", "resolved", "cue", "content"):
            lo, hi = int(rec[f"{name}_start"]), int(rec[f"{name}_end"])
            if name == "cue" or lo != -1 or hi != -1:
                problems += _span_problems(where, t, name, lo, hi)
            if name in ("speaker", "cue") and lo != -1 and not (s0 <= lo and hi <= s1):
                problems.append(f"{where}: {name} {lo}:{hi} outside its sentence {s0}:{s1}")
        bare = t[int(rec["cue_start"]):int(rec["cue_end"])] in BARE_CUES
        if bare != (rec["cue_lemma"] == ""):
            problems.append(f"{where}: cue_lemma must be empty exactly for a bare ':' or '—' cue")
        if rec["form"] not in FORMS:
            problems.append(f"{where}: form {rec['form']!r} not in {sorted(FORMS)}")
        bad = [m for m in rec["markers"].split(",") if m and m not in MARKERS]
        if bad:
            problems.append(f"{where}: markers {bad} not in {sorted(MARKERS)}")
        per["source"][d["source"]] += 1
        per["slice"][d["slice"]] += 1
        per["form"][rec["form"]] += 1
        per["source_form"][(d["source"], rec["form"])] += 1
    n_sent = {"source": Counter(), "slice": Counter()}
    n_doc = {"source": Counter(), "slice": Counter()}
    for doc_id, spans in sents.items():
        d = docs[doc_id]
        for key in ("source", "slice"):
            n_sent[key][d[key]] += len(spans)
            n_doc[key][d[key]] += 1
    print(f"documents {len(docs)}, sentences {sum(len(s) for s in sents.values())}, "
          f"sentences with an attribution {len(with_attr)}, attributions {len(rows)}")
    for key in ("source", "slice"):
        for k in sorted(n_doc[key]):
            print(f"  {key} {k}: {n_doc[key][k]} documents, {n_sent[key][k]} sentences, "
                  f"{per[key][k]} attributions")
    sources = sorted(n_doc["source"])
    print("  form" + "".join(f"\t{s}" for s in sources) + "\tall")
    for k in sorted(per["form"]):
        print(f"  {k}" + "".join(f"\t{per['source_form'][(s, k)]}" for s in sources)
              + f"\t{per['form'][k]}")
    if problems:
        print(f"{len(problems)} problem(s):")
        print("\n".join(problems))
        return 1
    print("all offsets and hashes check")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:2]))
