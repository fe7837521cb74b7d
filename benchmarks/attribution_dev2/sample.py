"""Draw the documents of the second attribution development set (issue #12).

Run from the project root::

    python benchmarks/attribution_dev2/sample.py          # prints the draw
    python benchmarks/attribution_dev2/sample.py --write  # also writes docs.tsv and sentences.tsv

Three sources, each drawn plainly at random (seed ``SEED``), without looking at
the text beyond its sentence count, until the source's sentence target is met:

* Telegram posts (``framing.read_telegram``) of Mash, SHOT, Раньше всех, РИА
  Новости and BBC Русская служба, pooled; posts with an empty text are skipped;
* BSNLP 2021 documents (``framing.read_bsnlp``) of the topics asia_bibi, brexit,
  ec and trump whose loaded language is Russian;
* RuOpinionNE 2024 training sentences, one line = one document
  ``ruopinionne/<line number, 1-based>``, text = the line's ``text`` field.

Documents already coded elsewhere (``tests/data/attribution_gold.tsv``,
``benchmarks/validity/attributions_gold_docs.tsv``) are excluded.  Then, per
source, the drawn documents are shuffled again (seed ``SEED + 1``) and taken into
the slice ``check3`` whenever it still fits within a quarter of the source's
sentences; the rest are ``dev2``.  Sentences are razdel's ``sentenize`` further cut at line
breaks (a Telegram headline line is a sentence of its own).
"""

from __future__ import annotations

import csv
import hashlib
import json
import random
import sys
from pathlib import Path

import razdel

import framing

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SHARED = ROOT.parent / "shared" / "data"
SEED = 20261205
CODER = "attr-coder"
CHANNELS = ["Mash", "SHOT", "Раньше всех. Ну почти.", "РИА Новости", "BBC News | Русская служба"]
TOPICS = ["asia_bibi", "brexit", "ec", "trump"]
TARGETS = {"telegram": 200, "bsnlp": 120, "ruopinionne": 80}
CHECK3_SHARE = 0.25


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: razdel's sentences cut at line breaks, stripped, non-empty."""
    out = []
    for s in razdel.sentenize(text):
        pos = s.start
        for line in s.text.split("\n"):
            lo = pos + len(line) - len(line.lstrip())
            hi = pos + len(line.rstrip())
            if hi > lo:
                out.append((lo, hi))
            pos += len(line) + 1
    return out


def load_sources() -> dict[str, list[tuple[str, str, str, str]]]:
    """``source -> [(doc_id, outlet, lang, text), ...]`` in the loaders' order."""
    tg = framing.read_telegram(str(SHARED / "telegram_ru_2024/raw/*.json"), progress=False).docs
    bs = framing.read_bsnlp(str(SHARED / "bsnlp2021"), progress=False).docs
    out = {
        "telegram": [(d, o, "ru", t) for d, o, t in zip(tg["doc_id"], tg["outlet"], tg["text"])
                     if o in CHANNELS and t.strip()],
        "bsnlp": [(d, o, lang, t) for d, o, lang, t, top in
                  zip(bs["doc_id"], bs["outlet"], bs["lang"], bs["text"], bs["topic"])
                  if top in TOPICS and lang == "ru" and t.strip()],
        "ruopinionne": [],
    }
    with (SHARED / "ruopinionne2024/train.jsonl").open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            t = json.loads(line)["text"]
            if t.strip():
                out["ruopinionne"].append((f"ruopinionne/{n}", "ruopinionne", "ru", t))
    return out


def excluded() -> set[str]:
    """doc_ids coded in earlier gold sets."""
    out = set()
    with (ROOT / "benchmarks/validity/attributions_gold_docs.tsv").open(encoding="utf-8") as fh:
        out |= {r["doc_id"] for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)}
    channel_of = {}
    for f in (SHARED / "telegram_ru_2024/raw").glob("*.json"):
        posts = json.loads(f.read_text(encoding="utf-8"))
        channel_of[f.name] = posts[0]["channel"] if posts else ""
    bs = framing.read_bsnlp(str(SHARED / "bsnlp2021"), progress=False).docs
    bsnlp_id = {f"{top}/raw/{lang}/{fn}": d for d, top, lang, fn in
                zip(bs["doc_id"], bs["topic"], bs["declared_lang"], bs["file"])}
    with (ROOT / "tests/data/attribution_gold.tsv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            kind, _, where = r["source"].partition(":")
            if kind == "telegram":
                out.add(f"{channel_of[where]}/{r['item']}")
            elif kind == "bsnlp":
                out.add(bsnlp_id.get(where, where))
    return out


def draw() -> list[dict]:
    """The drawn documents with their slice and sentence spans."""
    skip = excluded()
    rows = []
    for k, (source, docs) in enumerate(load_sources().items()):
        pool = [d for d in docs if d[0] not in skip]
        random.Random(SEED + 10 * k).shuffle(pool)
        taken, n = [], 0
        for doc_id, outlet, lang, text in pool:
            if n >= TARGETS[source]:
                break
            spans = sentences(text)
            taken.append({"doc_id": doc_id, "outlet": outlet, "lang": lang, "text": text,
                          "source": source, "spans": spans})
            n += len(spans)
        order = list(range(len(taken)))
        random.Random(SEED + 10 * k + 1).shuffle(order)
        in_check = 0
        for i in order:
            check = in_check + len(taken[i]["spans"]) <= CHECK3_SHARE * n
            taken[i]["slice"] = "check3" if check else "dev2"
            in_check += len(taken[i]["spans"]) if check else 0
        rows += taken
    return rows


def write_document_set(folder: Path, docs, *, n_sentences: int | None = None, write: bool = False) -> None:
    """Print, and with ``write`` write ``folder/docs.tsv`` and ``folder/sentences.tsv`` of a set of
    whole documents ``docs`` (``(doc_id, outlet, text)``) whose sentences (:func:`sentences`; the
    first ``n_sentences`` of each, or all) are coded: the layout of ``attribution_tg7`` and
    ``attribution_sem9``."""
    drows, srows = [], []
    for d, o, t in docs:
        spans = sentences(t)
        drows.append([d, o, "ru", len(t), hashlib.sha256(t.encode("utf-8")).hexdigest(), len(spans)])
        srows += [[d, a, b] for a, b in spans[:n_sentences]]
        print(d, len(t), len(spans))
    print(f"{len(docs)} documents, {len(srows)} sentences coded")
    if write:
        for name, head, rows in (("docs.tsv", ["doc_id", "outlet", "lang", "n_chars", "text_sha256", "n_sentences"],
                                  drows), ("sentences.tsv", ["doc_id", "sent_start", "sent_end"], srows)):
            with (folder / name).open("w", encoding="utf-8", newline="") as fh:
                w = csv.writer(fh, delimiter="\t", lineterminator="\n")
                w.writerow(head)
                w.writerows(rows)


def write(rows: list[dict]) -> None:
    with (HERE / "docs.tsv").open("w", encoding="utf-8", newline="") as fh:
        fh.write("doc_id\tsource\toutlet\tlang\tn_chars\ttext_sha256\tslice\tcoder\n")
        for r in rows:
            sha = hashlib.sha256(r["text"].encode("utf-8")).hexdigest()
            fh.write(f"{r['doc_id']}\t{r['source']}\t{r['outlet']}\t{r['lang']}\t{len(r['text'])}"
                     f"\t{sha}\t{r['slice']}\t{CODER}\n")
    with (HERE / "sentences.tsv").open("w", encoding="utf-8", newline="") as fh:
        fh.write("doc_id\tsent\tsent_start\tsent_end\n")
        for r in rows:
            for i, (lo, hi) in enumerate(r["spans"], start=1):
                fh.write(f"{r['doc_id']}\t{i}\t{lo}\t{hi}\n")


if __name__ == "__main__":
    rows = draw()
    for r in rows:
        print(r["source"], r["slice"], r["doc_id"], len(r["spans"]), sep="\t")
    if "--write" in sys.argv:
        write(rows)
