"""Check ``attribution_gold_guideline.tsv`` against the texts it was coded on.

Run from the project root::

    python tests/data/check_attribution_gold_guideline.py

The texts are re-read from ``../shared/data`` exactly as
``attribution_gold.tsv`` addresses them: a Telegram post's ``text`` field
(``telegram:<file>`` + ``item`` = message_id), or a whole BSNLP file read in
Python's default text mode (universal newlines, so ``\\r\\n`` counts as one
character). The check verifies that the file has the same sentences as
``attribution_gold.tsv``, that every span lies inside its text with no
surrounding whitespace, that speaker and cue lie inside their sentence and the
content ends inside it (a multi-sentence direct quotation may start earlier),
that the labels are from the guideline's sets, and prints the counts. It exits
with 1 when a check fails and 0 with a note when ``../shared`` is absent.
"""
from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
DATA = ROOT.parent / "shared" / "data"
FORMS = {"direct", "indirect", "mixed", "according_to", "other", "credit"}
MARKERS = {"якобы", "мол", "дескать", "будто", "будто бы", "так называемый", "scare quotes"}
COLUMNS = ["sent_key", "source", "item", "lang", "sent_start", "sent_end",
           "speaker_start", "speaker_end", "resolved_start", "resolved_end",
           "cue_start", "cue_end", "cue_lemma", "form", "content_start", "content_end", "markers"]
SPANS = ("speaker", "resolved", "cue", "content")
_TELEGRAM: dict[str, dict[str, str]] = {}      # file -> message_id -> text, read once


def _read(name: str) -> list[dict]:
    with open(HERE / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def load_text(source: str, item: str) -> str:
    """The text a row's offsets refer to (see the module docstring)."""
    kind, rest = source.split(":", 1)
    if kind == "telegram":
        if rest not in _TELEGRAM:
            with open(DATA / "telegram_ru_2024" / "raw" / rest, encoding="utf-8") as f:
                _TELEGRAM[rest] = {str(m["message_id"]): m.get("text") or "" for m in json.load(f)}
        return _TELEGRAM[rest][item]
    if kind == "bsnlp":
        with open(DATA / "bsnlp2021" / rest, encoding="utf-8") as f:
            return f.read()
    raise ValueError(f"unknown source kind {kind!r}")


def row_problems(where: str, r: dict, text: str) -> list[str]:
    """Every problem of one row (an empty list when it is sound)."""
    out = []
    a, b = int(r["sent_start"]), int(r["sent_end"])
    if not 0 <= a < b <= len(text):
        return [f"{where}: sentence {a}:{b} outside the text ({len(text)} chars)"]
    sp = {k: (int(r[f"{k}_start"]), int(r[f"{k}_end"])) for k in SPANS}
    if sp["cue"][0] < 0:
        if any(s != (-1, -1) for s in sp.values()) or r["form"] or r["cue_lemma"] or r["markers"]:
            out.append(f"{where}: a row without a cue must have -1 offsets and no labels")
        return out
    for k, (s, e) in sp.items():
        if (s, e) == (-1, -1):
            continue
        if not 0 <= s < e <= len(text):
            out.append(f"{where}: {k} {s}:{e} outside the text")
            continue
        piece = text[s:e]
        if piece != piece.strip():
            out.append(f"{where}: {k} {s}:{e} begins or ends with whitespace")
    for k in ("speaker", "cue"):
        s, e = sp[k]
        if s >= 0 and not (a <= s and e <= b):
            out.append(f"{where}: {k} {s}:{e} not inside the sentence {a}:{b}")
    if sp["content"][0] >= 0 and not sp["content"][1] <= b:
        out.append(f"{where}: content ends after the sentence")
    if r["form"] not in FORMS:
        out.append(f"{where}: form {r['form']!r} not one of {sorted(FORMS)}")
    if not r["cue_lemma"] and text[sp["cue"][0]:sp["cue"][1]] not in (":", "—"):
        out.append(f"{where}: empty cue_lemma (allowed only for ':' and '—')")
    for m in filter(None, r["markers"].split(";")):
        if m not in MARKERS:
            out.append(f"{where}: marker {m!r} not in the guideline's set")
    return out


def main() -> int:
    if not DATA.is_dir():
        print(f"skipped: {DATA} is absent (the texts are needed to check the offsets)")
        return 0
    rows = _read("attribution_gold_guideline.tsv")
    old = _read("attribution_gold.tsv")
    problems = []
    if rows and list(rows[0]) != COLUMNS:
        problems.append(f"columns {list(rows[0])} != {COLUMNS}")
    key = ("source", "item", "lang", "sent_start", "sent_end")
    old_sents = {r["sent_key"]: tuple(r[k] for k in key) for r in old}
    new_sents = {r["sent_key"]: tuple(r[k] for k in key) for r in rows}
    if old_sents != new_sents:
        diff = sorted(set(old_sents.items()) ^ set(new_sents.items()))
        problems.append(f"sentences differ from attribution_gold.tsv: {diff[:5]}")
    for i, r in enumerate(rows, start=2):
        where = f"attribution_gold_guideline.tsv line {i} ({r['sent_key']})"
        try:
            text = load_text(r["source"], r["item"])
        except (OSError, KeyError, ValueError) as e:
            problems.append(f"{where}: text not found ({e!r})")
            continue
        problems += row_problems(where, r, text)
    att = [r for r in rows if int(r["cue_start"]) >= 0]
    print(f"{len(new_sents)} sentences, {len(att)} attributions, "
          f"{len(new_sents) - len({r['sent_key'] for r in att})} sentences without one")
    print("form:", dict(sorted(Counter(r["form"] for r in att).items())))
    print("lang:", dict(sorted(Counter(r["lang"] for r in att).items())))
    print("empty speaker:", sum(r["speaker_start"] == "-1" for r in att),
          " resolved filled:", sum(r["resolved_start"] != "-1" for r in att))
    for p in problems:
        print("PROBLEM", p)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
