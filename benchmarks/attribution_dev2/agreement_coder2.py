"""Agreement between the second coder (gold_coder2.tsv) and gold.tsv on the second coder's documents.

Run from the project root::

    python benchmarks/attribution_dev2/agreement_coder2.py

Reads ids, offsets and labels only (no text is needed): the 30 documents of
``docs_coder2.tsv``, their sentences (``sentences.tsv``), the rows of
``gold.tsv`` in those documents and ``gold_coder2.tsv``.

* **Sentences**: whether a sentence has an attribution, per coder; Cohen's
  kappa and Krippendorff's alpha with ``framing.agreement``.
* **Rows**: within a document, rows are paired one-to-one when their cue spans
  overlap (greedy, in text order; among candidates a row whose speaker also
  overlaps — or both speakers empty — is taken first). Unpaired rows are coded
  by one coder only. Positive specific agreement (F1, gold.tsv as the
  reference) = 2·paired / (rows of A + rows of B).
* The same with the guideline's scoring rule (cue lemma equal, speaker or
  resolved speaker overlapping, or the reference speaker empty), for comparison.
* **Paired rows**: speaker agreement (overlap, or both empty), resolved speaker,
  content overlap; Cohen's kappa on ``form`` and ``cue_lemma`` with
  ``framing.agreement``.

Prints the figures; ``--write`` also writes them to ``AGREEMENT.md``'s figure
block (between the ``<!-- figures -->`` markers).
"""
from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path

import pandas as pd

import framing

HERE = Path(__file__).resolve().parent


def _read(name: str) -> list[dict]:
    with open(HERE / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def _span(r: dict, k: str) -> tuple[int, int]:
    return int(r[f"{k}_start"]), int(r[f"{k}_end"])


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] >= 0 and b[0] >= 0 and a[0] < b[1] and b[0] < a[1]


def _speaker_agrees(a: dict, b: dict) -> bool:
    sa, sb = _span(a, "speaker"), _span(b, "speaker")
    return _overlap(sa, sb) or (sa[0] < 0 and sb[0] < 0)


def pair(ref: list[dict], other: list[dict], match) -> list[tuple[dict, dict]]:
    """One-to-one pairs of rows of the same document for which ``match(ref_row, other_row)`` is true."""
    used: set[int] = set()
    out = []
    for r in sorted(ref, key=lambda r: (r["doc_id"], int(r["cue_start"]))):
        cands = [i for i, o in enumerate(other)
                 if i not in used and o["doc_id"] == r["doc_id"] and match(r, o)]
        cands.sort(key=lambda i: (not _speaker_agrees(r, other[i]), int(other[i]["cue_start"])))
        if cands:
            used.add(cands[0])
            out.append((r, other[cands[0]]))
    return out


def by_cue(r: dict, o: dict) -> bool:
    return _overlap(_span(r, "cue"), _span(o, "cue"))


def by_guideline(r: dict, o: dict) -> bool:
    """The guideline's scoring rule, ``r`` the reference row."""
    if r["cue_lemma"] and r["cue_lemma"] != o["cue_lemma"]:
        return False
    ref = [s for s in (_span(r, "speaker"), _span(r, "resolved")) if s[0] >= 0]
    if not ref:
        return True
    got = [s for s in (_span(o, "speaker"), _span(o, "resolved")) if s[0] >= 0]
    return any(_overlap(a, b) for a in ref for b in got)


def _f1(n_pair: int, n_a: int, n_b: int) -> float:
    return 2 * n_pair / (n_a + n_b) if n_a + n_b else float("nan")


def figures() -> list[str]:
    docs = [r["doc_id"] for r in _read("docs_coder2.tsv")]
    chosen = set(docs)
    slices = Counter(r["slice"] for r in _read("docs.tsv") if r["doc_id"] in chosen)
    sents = [r for r in _read("sentences.tsv") if r["doc_id"] in chosen]
    gold = [r for r in _read("gold.tsv") if r["doc_id"] in chosen]
    mine = _read("gold_coder2.tsv")
    stray = {r["doc_id"] for r in mine} - chosen
    if stray:
        raise SystemExit(f"gold_coder2.tsv has rows of documents not in docs_coder2.tsv: {sorted(stray)}")
    out = [f"documents {len(docs)} ({', '.join(f'{k} {v}' for k, v in sorted(slices.items()))}), "
           f"sentences {len(sents)}",
           f"rows: gold.tsv {len(gold)}, gold_coder2.tsv {len(mine)}"]

    # sentences with an attribution
    def has(rows):
        keys = {(r["doc_id"], r["sent_start"]) for r in rows}
        return ["yes" if (s["doc_id"], s["sent_start"]) in keys else "no" for s in sents]
    items = [f"{s['doc_id']}#{s['sent']}" for s in sents]
    a = pd.DataFrame({"item": items, "has_attribution": has(gold)})
    b = pd.DataFrame({"item": items, "has_attribution": has(mine)})
    res = framing.agreement(a, b, fields=["has_attribution"]).iloc[0]
    both = sum(x == y == "yes" for x, y in zip(a["has_attribution"], b["has_attribution"]))
    out.append(f"sentences with an attribution: gold.tsv {(a['has_attribution'] == 'yes').sum()}, "
               f"coder2 {(b['has_attribution'] == 'yes').sum()}, both {both}; percent agreement "
               f"{res['percent_agreement']:.3f}, Cohen's kappa {res['cohen_kappa']:.3f}, "
               f"Krippendorff's alpha {res['alpha']:.3f}")

    # rows paired by cue overlap
    pairs = pair(gold, mine, by_cue)
    n = len(pairs)
    out.append(f"rows paired by cue overlap: {n}; gold.tsv only {len(gold) - n}, coder2 only {len(mine) - n}; "
               f"F1 (positive specific agreement) {_f1(n, len(gold), len(mine)):.3f}")
    spk = sum(_speaker_agrees(g, m) for g, m in pairs)
    both_empty = sum(_span(g, 'speaker')[0] < 0 and _span(m, 'speaker')[0] < 0 for g, m in pairs)
    same_spk = sum(_span(g, 'speaker') == _span(m, 'speaker') for g, m in pairs)
    same_cue = sum(_span(g, 'cue') == _span(m, 'cue') for g, m in pairs)
    out.append(f"paired rows: speaker overlaps or both empty {spk}/{n} (both empty {both_empty}, "
               f"identical span {same_spk}); cue span identical {same_cue}/{n}")
    res_both = [(g, m) for g, m in pairs if _span(g, "resolved")[0] >= 0 or _span(m, "resolved")[0] >= 0]
    res_ok = sum(_overlap(_span(g, "resolved"), _span(m, "resolved")) for g, m in res_both)
    out.append(f"paired rows with a resolved speaker from either coder: {len(res_both)}, overlapping {res_ok}")
    cont = [(g, m) for g, m in pairs if _span(g, "content")[0] >= 0 or _span(m, "content")[0] >= 0]
    cont_ok = sum(_overlap(_span(g, "content"), _span(m, "content")) for g, m in cont)
    out.append(f"paired rows with a content from either coder: {len(cont)}, overlapping {cont_ok}")
    sp_pairs = [(g, m) for g, m in pairs if _speaker_agrees(g, m)]
    out.append(f"rows paired by cue overlap AND speaker agreement: {len(sp_pairs)}; "
               f"F1 {_f1(len(sp_pairs), len(gold), len(mine)):.3f}")
    gp = pair(gold, mine, by_guideline)
    out.append(f"rows paired by the guideline's scoring rule (gold.tsv as reference): {len(gp)}; "
               f"recall {len(gp) / len(gold):.3f}, precision {len(gp) / len(mine):.3f}, "
               f"F1 {_f1(len(gp), len(gold), len(mine)):.3f}")

    # labels on the rows paired by cue overlap
    ids = [str(i) for i in range(n)]
    ga = pd.DataFrame({"item": ids, "form": [g["form"] for g, _ in pairs],
                       "cue_lemma": [g["cue_lemma"] or "<bare>" for g, _ in pairs]})
    mb = pd.DataFrame({"item": ids, "form": [m["form"] for _, m in pairs],
                       "cue_lemma": [m["cue_lemma"] or "<bare>" for _, m in pairs]})
    for _, r in framing.agreement(ga, mb, fields=["form", "cue_lemma"]).iterrows():
        out.append(f"{r['field']} on the {int(r['n_items'])} paired rows: percent agreement "
                   f"{r['percent_agreement']:.3f}, Cohen's kappa {r['cohen_kappa']:.3f}, "
                   f"Krippendorff's alpha {r['alpha']:.3f}")
    conf = Counter((g["form"], m["form"]) for g, m in pairs if g["form"] != m["form"])
    out.append("form disagreements (gold.tsv → coder2): "
               + (", ".join(f"{a}→{b} {k}" for (a, b), k in sorted(conf.items())) or "none"))
    forms_g = Counter(r["form"] for r in gold)
    forms_m = Counter(r["form"] for r in mine)
    out.append("forms, all rows (gold.tsv / coder2): " + ", ".join(
        f"{f} {forms_g[f]}/{forms_m[f]}" for f in sorted(set(forms_g) | set(forms_m))))
    return out


def main() -> int:
    lines = figures()
    print("\n".join(lines))
    if "--write" in sys.argv[1:]:
        path = HERE / "AGREEMENT.md"
        text = path.read_text(encoding="utf-8")
        head, rest = text.split("<!-- figures -->", 1)
        _, tail = rest.split("<!-- /figures -->", 1)
        block = "\n".join(f"* {x}" for x in lines)
        path.write_text(f"{head}<!-- figures -->\n{block}\n<!-- /figures -->{tail}", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
