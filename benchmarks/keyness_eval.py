"""Issue #11 item 3: does the default ``framing.keyness`` give content words on real news?

Prints, for the 8,449 Telegram posts grouped by outlet and for BSNLP 2021 grouped by
language, the top 15 terms of each group against the rest and the share of them
that are function words or outlet names, for

- the defaults before issue #11 (punctuation, symbols, numbers and X left out; no
  stop list, names kept): ``exclude_upos=("PUNCT", "SYM", "NUM", "X"),
  stopwords=None, exclude_outlets=False``;
- the README's call ``framing.keyness(ann, by="outlet")`` on the corpus as read;
- the same with ``boilerplate=framing.boilerplate_lines(corpus)``;
- the README's flow, where ``framing.remove_boilerplate`` runs before
  ``annotate`` (skipped with ``--fast``: that annotation is long when not cached).

How a term is judged (deliberately stricter than the filter, so the filter is
not graded by itself):

- **function word**: the majority UPOS of the lemma over the whole annotation is
  ADP, AUX, CCONJ, DET, INTJ, NUM, PART, PRON, SCONJ, PUNCT, SYM or X-without-a-letter,
  or the lemma is in the built-in stop list of the language;
- **outlet name**: the term is a word of an ``outlet`` value (lowercased), the
  majority lemma of such a word in the annotation ("Новости" → "новость",
  "Русская" → "русский"), or a single-word name or variant of
  ``lexicons/<lang>/media_outlets.tsv`` ("риа", "тасс").

The top 15 are printed too, so a reader can judge the rest (sign-offs,
calls to subscribe) independently.

Target (issue #11): ≤ 3% function words or outlet names in the default top 15.

Run: python benchmarks/keyness_eval.py [--fast]
"""

from __future__ import annotations

import re
import sys
import time
import warnings
from pathlib import Path

import pandas as pd

import framing
from framing.compare._counts import FUNCTION_UPOS

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
TOP = 15
OLD = {"exclude_upos": ("PUNCT", "SYM", "NUM", "X"), "stopwords": None, "exclude_outlets": False}


def section(title):
    print(f"\n=== {title} ===", flush=True)


def judge_sets(ann, langs):
    """(function lemmas, outlet-name terms) by the rules of the module docstring."""
    t = ann.tokens
    lemma = t["lemma"].astype(str).str.lower()
    tagged = t["upos"] != "_"
    maj = (pd.DataFrame({"l": lemma[tagged], "u": t["upos"][tagged]}).value_counts()
           .reset_index().drop_duplicates("l").set_index("l")["u"])
    function = set(maj[maj.isin(FUNCTION_UPOS)].index)
    for lg in langs:
        function |= set(framing.read_lexicon(f"{lg}/stopwords")["lemma"].str.lower())
    words = set()
    if "outlet" in ann.docs.columns:
        for name in ann.docs["outlet"].dropna().astype(str).unique():
            words |= {w.lower() for w in re.findall(r"[^\W_]+(?:-[^\W_]+)*", name)}
    form_lemma = (pd.DataFrame({"f": t["text"].astype(str).str.lower(), "l": lemma}).value_counts()
                  .reset_index().drop_duplicates("f").set_index("f")["l"])
    names = set(words) | {form_lemma[w] for w in words if w in form_lemma.index}
    for lg in langs:
        lex = framing.read_lexicon(f"{lg}/media_outlets")
        for v in pd.concat([lex["name"], lex["variants"].str.split(";").explode()]):
            if len(str(v).split()) == 1:
                names.add(str(v).lower())
    return function, names


def report(k, function, names, label):
    """Print the top terms of each group and the share judged function word or outlet name."""
    bad = total = 0
    lines = []
    for g, d in k[k["reference"] == "rest"].groupby("group", sort=True):
        top = d.head(TOP)["term"].astype(str).tolist()
        flagged = [w for w in top if w in function or w in names]
        bad += len(flagged)
        total += len(top)
        lines.append(f"  {g}: {' '.join(top)}" + (f"   [flagged: {', '.join(flagged)}]" if flagged else ""))
    share = bad / total if total else float("nan")
    print(f"{label}: {bad} of {total} top-{TOP} terms are function words or outlet names "
          f"({100 * share:.1f}%; target ≤ 3%)")
    print("\n".join(lines))
    return share


def run(ann, by, langs, label, **options):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t0 = time.perf_counter()
        k = framing.keyness(ann, by=by, **options)
        dt = time.perf_counter() - t0
    for w in caught:
        if "different periods" in str(w.message):
            print(f"  (warning: {str(w.message)[:160]}…)")
    function, names = judge_sets(ann, langs)
    report(k, function, names, f"{label} [{dt:.1f} s]")
    n_q = (k[k["reference"] == "rest"]["q_value"] <= 0.05).groupby(k["group"]).sum() if "q_value" in k else None
    if n_q is not None:
        print("  terms with q ≤ 0.05 (over-used or under-used) per group: "
              + ", ".join(f"{g} {n}" for g, n in n_q.items()))
    return k


def telegram(fast):
    section("Telegram sample (8,449 posts, nine outlets), by outlet")
    raw = SHARED / "telegram_ru_2024" / "raw"
    if not raw.exists():
        print(f"skipped: {raw} not present")
        return
    corpus = framing.read_telegram(str(raw / "*.json"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ann = framing.annotate(corpus, n_jobs=2, progress=False)
    run(ann, "outlet", ["ru"], "defaults before issue #11", **OLD)
    run(ann, "outlet", ["ru"], 'README: framing.keyness(ann, by="outlet")')
    lines = framing.boilerplate_lines(corpus)
    run(ann, "outlet", ["ru"], "with boilerplate=framing.boilerplate_lines(corpus)", boilerplate=lines)
    run(ann, "outlet", ["ru"], "with boilerplate= and start='2024-11-26' (the period all cover)",
        boilerplate=lines, start="2024-11-26")
    if fast:
        print("README flow (remove_boilerplate before annotate): skipped (--fast)")
        return
    t0 = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ann2 = framing.annotate(framing.remove_boilerplate(corpus), n_jobs=2, progress=False)
    print(f"(annotated the corpus without boilerplate in {time.perf_counter() - t0:.0f} s)")
    run(ann2, "outlet", ["ru"], "README flow: remove_boilerplate, annotate, keyness(ann, by='outlet')")


def bsnlp():
    section("BSNLP 2021 (ru + uk), by language")
    raw = SHARED / "bsnlp2021"
    if not raw.exists():
        print(f"skipped: {raw} not present")
        return
    corpus = framing.read_bsnlp(str(raw / "*" / "raw" / "*" / "*.txt"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ann = framing.annotate(corpus, n_jobs=2, progress=False)
    run(ann, "lang", ["ru", "uk"], "defaults before issue #11", **OLD)
    run(ann, "lang", ["ru", "uk"], 'framing.keyness(ann, by="lang")')


def main():
    fast = "--fast" in sys.argv
    telegram(fast)
    bsnlp()


if __name__ == "__main__":
    main()
