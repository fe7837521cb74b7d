"""Status, fame and honour words: do coders call them evaluative? (issue #10, session 12)

The blind checks' coders code status and prestige words ("ведущих", "влиятельных", "опытным"),
honours and superlatives as praise; the project keeps most of them neutral (``neutral_descriptors.tsv``)
and flags fame and experience words (знаменитый, опытный, легендарный) from its lexicons. To test that
line on development data, 74 descriptors whose lemma is a status, fame or honour word (up to six per
lemma, of Telegram posts named in no file of the project, seed 20261330) were judged independently by
two new helper coders from ``../shared/guidelines/epithets.md`` alone (``status_words_s12.tsv``: ids,
offsets and judgments only).

Run from the project root::

    python benchmarks/evaluative_dev/status_words.py           # agreement, and the measure against the coders
    python benchmarks/evaluative_dev/status_words.py --draw D  # re-draw the items (with their sentences) into D

The first prints the two coders' agreement (:func:`framing.agreement`) and, on the items both judged
descriptors and agreed on, the measure's ``evaluative`` flag against their judgment. It is a
development figure about the coding line, not a check.
"""

from __future__ import annotations

import random
import sys
import warnings
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks" / "validity")]

import framing  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
SHEET = HERE / "status_words_s12.tsv"
SEED = 20261330
LEMMAS = ("ведущий", "влиятельный", "известный", "популярный", "крупнейший", "народный", "заслуженный",
          "лауреат", "звезда", "легенда", "знаменитый", "культовый", "авторитетный", "успешный", "опытный",
          "лучший", "видный", "выдающийся", "легендарный", "именитый", "титулованный", "прославленный",
          "почетный", "герой", "уважаемый")


def _telegram(doc_ids=None):
    files = sorted((SHARED / "telegram_ru_2024" / "raw").glob("*_messages.json"))
    if not files:
        return None
    docs = framing.read_telegram([str(f) for f in files], progress=False).docs
    if doc_ids is not None:
        docs = docs[docs["doc_id"].isin(set(doc_ids))]
    return framing.Corpus(docs.reset_index(drop=True))


def draw(out: Path) -> None:
    """The items: up to six epithet rows per lemma of LEMMAS, from posts named nowhere in the project."""
    from sample_check11 import raw_files, used_ids

    corpus = _telegram()
    if corpus is None:
        sys.exit("status_words: ../shared/data/telegram_ru_2024 is absent")
    seen = used_ids(sorted(corpus.docs["outlet"].unique()), raw_files(), skip_own=False)
    if SHEET.exists():   # the sheet's own posts were named nowhere when they were drawn
        seen -= set(pd.read_csv(SHEET, sep="\t", dtype=str)["doc_id"])
    sub = corpus.filter(~corpus.docs["doc_id"].isin(seen).to_numpy())
    ann = framing.annotate(sub, progress=False)
    ep = framing.epithets(ann)
    texts = dict(zip(ann.docs["doc_id"], ann.docs["text"]))
    rng = random.Random(SEED)
    rows = []
    for w in LEMMAS:
        idx = list(ep.index[ep["epithet_lemma"].str.lower() == w])
        rng.shuffle(idx)
        for i in idx[:6]:
            r = ep.loc[i]
            t = texts[r.doc_id]
            lo = max(t.rfind("\n", 0, r.start), t.rfind(". ", 0, r.start) + 1, r.start - 250, 0)
            hi = min([x for x in (t.find("\n", r.end), t.find(". ", r.end)) if x >= 0] + [r.end + 250, len(t)]) + 1
            rows.append({"item": f"s{len(rows):03d}", "doc_id": r.doc_id, "start": int(r.start), "end": int(r.end),
                         "actor": r.actor, "kind": r.kind,
                         "sentence": t[lo:r.start] + "⟦" + t[r.start:r.end] + "⟧" + t[r.end:hi]})
    df = pd.DataFrame(rows).sample(frac=1, random_state=7).reset_index(drop=True)
    out.mkdir(parents=True, exist_ok=True)
    df.to_csv(out / "status_items_for_coders.tsv", sep="\t", index=False)
    print(len(df), "items written to", out / "status_items_for_coders.tsv", "(local use: it holds the texts)")


def report() -> None:
    sheet = pd.read_csv(SHEET, sep="\t", dtype=str)
    coders = [g.drop(columns="coder") for _, g in sheet.groupby("coder")]
    print(f"status words s12: {sheet['item'].nunique()} items, coders {', '.join(sorted(sheet['coder'].unique()))}")
    print(framing.agreement(*coders, fields=["is_descriptor", "evaluative"]).to_string(index=False))
    a, b = coders[0], coders[1]
    m = a.merge(b[["item", "is_descriptor", "evaluative"]], on="item", suffixes=("_a", "_b"))
    agreed = m[(m["is_descriptor_a"] == "yes") & (m["is_descriptor_b"] == "yes") & (m["evaluative_a"] == m["evaluative_b"])]
    corpus = _telegram(agreed["doc_id"])
    if corpus is None:
        print("the measure against the coders: skipped (../shared/data/telegram_ru_2024 is absent)")
        return
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ep = framing.epithets(framing.annotate(corpus, progress=False))
    ev = ep[ep["evaluative"].fillna(False).astype(bool)]

    def flagged(r):
        s, e = int(r.start), int(r.end)
        hit = ev[(ev["doc_id"] == r.doc_id) & (ev["start"] < e) & (ev["end"] > s)]
        return "yes" if len(hit) else "no"

    agreed = agreed.assign(measure=[flagged(r) for r in agreed.itertuples()])
    print(f"items both coders judged descriptors and agreed on: {len(agreed)} "
          f"(evaluative: {int((agreed['evaluative_a'] == 'yes').sum())})")
    print(pd.crosstab(agreed["measure"].rename("measure flags"), agreed["evaluative_a"].rename("coders")).to_string())


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--draw":
        draw(Path(sys.argv[2]))
    else:
        report()
