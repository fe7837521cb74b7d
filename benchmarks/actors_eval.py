"""Actors on real news: people merged under two surnames, and the run time.

Run from the project root::

    python benchmarks/actors_eval.py                 # the whole Telegram sample
    python benchmarks/actors_eval.py --show 20       # list 20 offenders
    python benchmarks/actors_eval.py --outlets "РИА Новости,SHOT"   # some channels only

What it prints, on ``../shared/data/telegram_ru_2024`` and on the BSNLP-2021 web
articles of ``../shared/data/bsnlp2021`` (Russian and Ukrainian apart; each skipped
when absent):

* the time of :func:`framing.actors` on the annotated sample (annotation is
  read from the cache and timed apart);
* **surname share**: among person actors (table ``type`` PER) mentioned in two
  or more documents, the share whose mentions carry two different surnames.
  A mention's surname is :func:`framing.measures._names.parse_person`'s
  ``surname`` of its normal form, compared by :func:`word_stem` (so that
  inflected and transliterated spellings of one surname are one).  Only
  mentions that carry a given name or an initial count (``Евгений Середкин``,
  ``В. Путин``): a one-word mention can be either a first name or a surname,
  alias-table links (``Trump`` → ``Трамп``) are the table's own spelling
  pairs, and pronouns and titles standing alone carry no surname.  The strict variant also counts one-word mentions that are no first
  name of the actor's full names; the table variant reads the same from the
  ``variants`` column alone (surface forms too, alias spellings included).
  Target ≤ 0.015 (issue #10).
* a few offenders of each, to read (``--show N``; the default shows 10).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared" / "data"

import framing  # noqa: E402
from framing.measures._names import parse_person, word_stem  # noqa: E402


def surname_offenders(res, *, strict: bool = False) -> tuple[list, int]:
    """Person actors in two or more documents whose mentions carry two surnames.

    Returns ``(offenders, denominator)``; each offender is ``(actor, n_docs,
    {surname stem: [forms]})``.
    """
    table = res.table
    persons = set(table.loc[(table["type"] == "PER") & (table["n_docs"] >= 2), "actor"])
    m = res.mentions
    m = m[m["actor"].isin(persons) & ~m["link"].isin(["pronoun", "title", "description"])]
    full = defaultdict(lambda: defaultdict(set))
    firsts = defaultdict(set)
    single = defaultdict(list)
    for actor, normal, link in zip(m["actor"], m["normal"], m["link"]):
        p = parse_person(normal)
        if not p.words:
            continue
        firsts[actor].update(word_stem(f) for f in p.first)
        if link == "alias":
            continue       # the alias table's own spellings (Trump → Трамп)
        if p.first or p.initials:
            full[actor][word_stem(p.surname)].add(normal)
        elif len(p.words) == 1:
            single[actor].append(normal)
    if strict:
        for actor, forms in single.items():
            for f in forms:
                st = word_stem(f)
                if st not in firsts[actor]:
                    full[actor][st].add(f)
    offenders = [(a, int(table.loc[table["actor"] == a, "n_docs"].iloc[0]), {k: sorted(v) for k, v in s.items()})
                 for a, s in full.items() if len(s) >= 2]
    offenders.sort(key=lambda o: (-o[1], o[0]))
    return offenders, len(persons)


def variant_offenders(res) -> tuple[list, int]:
    """The same count read from the actor table alone: the surnames of the
    ``variants`` that carry a given name or an initial (normal and surface
    forms), as a reader of the table would count them."""
    table = res.table
    rows = table[(table["type"] == "PER") & (table["n_docs"] >= 2)]
    out = []
    for actor, n_docs, variants in zip(rows["actor"], rows["n_docs"], rows["variants"]):
        sur = defaultdict(set)
        for v in variants:
            p = parse_person(v)
            if p.first or p.initials:
                sur[word_stem(p.surname)].add(v)
        if len(sur) >= 2:
            out.append((actor, int(n_docs), {k: sorted(v) for k, v in sur.items()}))
    out.sort(key=lambda o: (-o[1], o[0]))
    return out, len(rows)


def report(name: str, corpus, *, show: int) -> None:
    """Annotate ``corpus`` (cached), find its actors and print the surname shares."""
    t = time.time()
    ann = framing.annotate(corpus, n_jobs=2, progress=False)
    t_ann = time.time() - t
    t = time.time()
    res = framing.actors(ann)
    t_act = time.time() - t
    n_per = int((res.table["type"] == "PER").sum())
    print(f"{name}  documents {len(ann.docs)}, mentions {len(res.mentions)}, actors {len(res.table)} "
          f"(persons {n_per}); annotate (cache) {t_ann:.0f} s, actors {t_act:.1f} s")
    for how in ("full-name mentions", "strict (one-word mentions too)", "table variants"):
        off, den = variant_offenders(res) if how == "table variants" else \
            surname_offenders(res, strict=how.startswith("strict"))
        print(f"{name}  person actors in ≥2 documents with two surnames, {how}: "
              f"{len(off) / max(den, 1):.4f} ({len(off)}/{den}; target ≤ 0.015)")
        for a, nd, s in off[:show]:
            forms = "; ".join(", ".join(v[:3]) for v in s.values())
            print(f"    {a} [{nd} docs]: {forms}")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--show", type=int, default=10)
    ap.add_argument("--outlets", default="", help="comma-separated channel names (default: all)")
    args = ap.parse_args(argv)
    raw = SHARED / "telegram_ru_2024" / "raw"
    if not raw.exists():
        print("telegram: skipped (no ../shared/data/telegram_ru_2024)")
    else:
        corpus = framing.read_telegram(str(raw / "*.json"))
        if args.outlets:
            keep = [o.strip() for o in args.outlets.split(",")]
            corpus = corpus.filter(corpus.docs["outlet"].isin(keep))
        report("telegram", corpus, show=args.show)
    bsnlp = SHARED / "bsnlp2021"
    if not bsnlp.exists():
        print("bsnlp: skipped (no ../shared/data/bsnlp2021)")
        return
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")      # the loader's three recorded repairs (empty texts)
        articles = framing.read_bsnlp(str(bsnlp), progress=False)
    for lang in ("ru", "uk"):
        report(f"bsnlp-{lang}", articles.select(lang=lang), show=args.show)


if __name__ == "__main__":
    main()
