"""Validity of the measures on real news: precision against hand coding, recall where gold is exhaustive.

Run from the project root::

    python benchmarks/validity.py                       # report every coded sheet
    python benchmarks/validity.py epithets attributions  # some measures
    python benchmarks/validity.py --sample epithets --source telegram_ru_2024 --n 150 --seed 0
    python benchmarks/validity.py --store epithets out/validity/epithets_anna.csv

Report (default)
    Reads the coded sheets committed in ``benchmarks/validity/`` (ids, offsets
    and judgments only; the format is in ``benchmarks/validity/README.md``) and
    prints, per measure, precision of each judged field with Wilson 95 %
    intervals, pooled and per outlet (:func:`framing.validation_report`).
    Where an exhaustive gold file ``<measure>_gold.tsv`` exists, it re-reads
    the documents from ``../shared/data``, runs the measure on them and
    prints precision, recall and F1 by span overlap.  Where two or more coders
    coded the same items (``<measure>.<coder>.tsv``), it prints their
    agreement (:func:`framing.agreement`).  A measure without a file prints
    "no coded sheet yet".

--sample MEASURE
    Draws a new sample to code: loads the source from ``../shared/data``,
    annotates it (cached), runs the measure, draws ``--n`` rows stratified by
    outlet with ``--seed`` and writes the coding sheet as CSV and HTML into
    ``--out`` (default ``out/validity/``, not committed: it holds the text),
    with the exact command and call in ``<measure>.command.txt``, so that the
    same sample can be drawn again.

--store MEASURE CSV
    Turns a coded CSV (the spreadsheet's or the HTML page's download) into the
    committed TSV: the text is dropped, ``source`` is kept.

Measures: epithets (all descriptors), epithets_evaluative (rows flagged
evaluative), actor_merges (mentions of actors found in two or more documents:
is the mention this actor?), attributions.
"""

from __future__ import annotations

import argparse
import shlex
import sys
import warnings
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared" / "data"
VALIDITY = ROOT / "benchmarks" / "validity"

import framing  # noqa: E402
from framing.validation import CodingSheet  # noqa: E402

MEASURES = ("epithets", "epithets_evaluative", "actor_merges", "attributions")
#: offset columns matched against exhaustive gold
SPANS = {"epithets": ("start", "end"), "epithets_evaluative": ("start", "end"),
         "attributions": ("cue_start", "cue_end")}
#: where each source is read from (relative to ../shared/data) and how
SOURCES = {
    "telegram_ru_2024": lambda: framing.read_telegram(str(SHARED / "telegram_ru_2024" / "raw" / "*.json"),
                                                      progress=False),
    "bsnlp2021": lambda: framing.read_bsnlp(str(SHARED / "bsnlp2021"), progress=False),
}


# --- the measure tables ------------------------------------------------------------------

def measure_table(name: str, ann) -> pd.DataFrame:
    """The rows of measure ``name`` on an annotation (the table that is sampled)."""
    if name == "epithets":
        return framing.epithets(ann)
    if name == "epithets_evaluative":
        e = framing.epithets(ann)
        return e[e["evaluative"]]
    if name == "actor_merges":
        acts = framing.actors(ann)
        multi = acts.table.loc[acts.table["n_docs"] >= 2, "actor"]
        return acts.mentions[acts.mentions["actor"].isin(multi)]
    if name == "attributions":
        return framing.attributions(ann)
    raise SystemExit(f"unknown measure {name!r}; one of {', '.join(MEASURES)}")


def load_source(source: str, doc_ids=None):
    if source not in SOURCES:
        raise SystemExit(f"unknown source {source!r}; one of {', '.join(SOURCES)}")
    if not SHARED.exists():
        return None
    corpus = SOURCES[source]()
    if doc_ids is not None:
        wanted = set(map(str, doc_ids))
        corpus = corpus.filter(corpus.docs["doc_id"].astype(str).isin(wanted))
    return corpus


# --- printing ----------------------------------------------------------------------------

def _ci(lo, hi) -> str:
    return "" if pd.isna(lo) else f"[{lo:.2f}, {hi:.2f}]"


def _fmt(x) -> str:
    return "  –  " if pd.isna(x) else f"{x:.3f}"


def print_precision(name: str, path: Path) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        rep = framing.validation_report(path, by="outlet")
    for w in caught:
        print(f"  note: {w.message}")
    print(f"  precision against hand coding ({path.name}; Wilson 95 % intervals)")
    print(f"  {'field':<14}{'group':<24}{'n':>5}{'right':>7}{'precision':>11}  interval        uncoded  n/a")
    for r in rep.itertuples():
        group = "all" if r.by == "all" else r.group
        if r.by != "all" and r.field not in ("row",):
            continue                              # per outlet: the whole-row judgment only
        print(f"  {r.field:<14}{group:<24}{r.n:>5}{r.correct:>7}{_fmt(r.precision):>11}  "
              f"{_ci(r.ci_low, r.ci_high):<16}{r.n_uncoded:>7}{r.n_na:>5}")
    print("  (row: every judged field of the item right; per outlet, the row judgment)")


def print_recall(name: str, gold_path: Path) -> None:
    gold = pd.read_csv(gold_path, sep="\t", dtype=str, keep_default_na=False)
    if name == "epithets_evaluative" and "evaluative" in gold.columns:
        coded_docs = gold[["source", "doc_id"]].drop_duplicates()
        flagged = gold[gold["evaluative"].str.lower().isin(["yes", "true", "1", "y"])]
        empty = coded_docs[~coded_docs["doc_id"].isin(flagged["doc_id"])].assign(start="", end="")
        gold = pd.concat([flagged, empty], ignore_index=True)
    span = SPANS.get(name)
    if span is None:
        print(f"  {gold_path.name}: recall is not defined for {name} (precision only)")
        return
    preds, outlets = [], {}
    for source, g in gold.groupby("source"):
        corpus = load_source(source, g["doc_id"].unique())
        if corpus is None:
            print(f"  {gold_path.name}: skipped, ../shared/data is not present")
            return
        missing = set(g["doc_id"]) - set(corpus.docs["doc_id"].astype(str))
        if missing:
            print(f"  {gold_path.name}: {len(missing)} document(s) not found in {source}, e.g. "
                  f"{sorted(missing)[:3]}")
        outlets.update(zip(corpus.docs["doc_id"].astype(str), corpus.docs["outlet"]))
        ann = framing.annotate(corpus, progress=False)
        preds.append(measure_table(name, ann))
    pred = pd.concat(preds, ignore_index=True)
    gold["outlet"] = gold["doc_id"].map(outlets).fillna("(unknown)")     # the loader's outlet of each document
    for c in span:
        gold[c] = pd.to_numeric(gold[c].replace("", float("nan")))
    rep = framing.validation_report(pred, truth=gold, by="outlet", span=span)
    print(f"  against exhaustive gold ({gold_path.name}: {gold['doc_id'].nunique()} documents, span overlap; "
          "Wilson intervals for P and R, bootstrap over documents for F1)")
    print(f"  {'group':<24}{'docs':>5}{'pred':>6}{'P':>7}  {'interval':<14}{'gold':>6}{'R':>7}  {'interval':<14}"
          f"{'F1':>7}  interval")
    for r in rep.itertuples():
        print(f"  {r.group:<24}{r.n_docs:>5}{r.n_pred:>6}{_fmt(r.precision):>7}  "
              f"{_ci(r.precision_low, r.precision_high):<14}{r.n_gold:>6}{_fmt(r.recall):>7}  "
              f"{_ci(r.recall_low, r.recall_high):<14}{_fmt(r.f1):>7}  {_ci(r.f1_low, r.f1_high)}")


def print_agreement(name: str, paths) -> None:
    res = framing.agreement(*paths)
    print(f"  agreement between {len(paths)} coders ({', '.join(p.name for p in paths)})")
    print(f"  {'field':<16}{'items':>6}{'agree':>8}{'kappa':>8}{'alpha':>8}")
    for r in res.itertuples():
        print(f"  {r.field:<16}{r.n_items:>6}{_fmt(r.percent_agreement):>8}{_fmt(r.cohen_kappa):>8}"
              f"{_fmt(r.alpha):>8}")


def report(names, folder: Path) -> None:
    for name in names:
        print(f"\n== {name}")
        sheet = folder / f"{name}.tsv"
        gold = folder / f"{name}_gold.tsv"
        if name == "epithets_evaluative" and not gold.exists():
            gold = folder / "epithets_gold.tsv"
        coders = sorted(p for p in folder.glob(f"{name}.*.tsv"))
        if sheet.exists():
            print_precision(name, sheet)
        else:
            print(f"  no coded sheet yet ({sheet.relative_to(folder.parent.parent) if folder == VALIDITY else sheet})")
        if name not in SPANS:
            print(f"  recall: not defined for {name} (a judgment of merges, not of spans): precision only")
        elif gold.exists():
            print_recall(name, gold)
        else:
            print(f"  no exhaustive gold yet ({gold.name}): recall and F1 not measured")
        if len(coders) >= 2:
            print_agreement(name, coders)


# --- drawing and storing samples -----------------------------------------------------------

def sample(args) -> None:
    name = args.sample
    command = "python benchmarks/validity.py " + " ".join(shlex.quote(a) for a in args.argv)
    corpus = load_source(args.source)
    if corpus is None:
        raise SystemExit(f"../shared/data is not present ({SHARED}): cannot draw a sample from {args.source}")
    if args.exclude_outlet:
        corpus = corpus.filter(~corpus.docs["outlet"].isin(args.exclude_outlet))
    ann = framing.annotate(corpus, n_jobs=args.n_jobs, progress=False)
    table = measure_table(name, ann)
    by = [c.strip() for c in args.by.split(",") if c.strip()] or None
    sheet = framing.validation_sample(table, n=args.n, by=by, seed=args.seed, ann=ann, measure=name,
                                      allocation=args.allocation)
    sheet.table.insert(0, "source", args.source)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    csv_path = sheet.to_csv(out / f"{name}.csv")
    html_path = sheet.to_html(out / f"{name}.html", title=f"{name}: {len(sheet)} items from {args.source}")
    call = sheet.params["call"].replace("table,", f"<{name} of {args.source}>,")
    (out / f"{name}.command.txt").write_text(
        f"{command}\n{call}\n# framing {sheet.params['framing_version']}, drawn {sheet.params['created']}, "
        f"{sheet.params['table_rows']} rows in the table\n", encoding="utf-8")
    print(f"sample of {name}: {len(sheet)} items from {sheet.params['table_rows']} rows of {args.source}")
    for s, v in sheet.params["strata"].items():
        print(f"  {s:<36} {v['sampled']:>4} of {v['rows']}")
    print(f"command: {command}")
    print(f"call:    {call}")
    print(f"wrote {csv_path}, {html_path} (they hold the text: do not commit them; commit the coded sheet "
          f"with --store {name} CODED.csv)")


def store(name: str, csv_path: Path, folder: Path, coder: str | None) -> None:
    from framing.validation import _read_coded

    df, _ = _read_coded(csv_path)
    if "source" not in df.columns:
        raise SystemExit(f"{csv_path} has no 'source' column: draw samples with --sample, which records it")
    fields = [c[3:] for c in df.columns if c.startswith("ok_")]
    gold = CodingSheet(table=df, measure=name, fields=fields).to_gold()
    gold.insert(0, "source", df["source"])
    target = folder / (f"{name}.{coder}.tsv" if coder else f"{name}.tsv")
    gold.to_csv(target, sep="\t", index=False)
    print(f"wrote {target}: {len(gold)} items, columns {', '.join(gold.columns)}")


def main(argv=None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("measures", nargs="*", help=f"measures to report (default: all of {', '.join(MEASURES)})")
    p.add_argument("--dir", default=str(VALIDITY), help="folder of coded sheets (default benchmarks/validity)")
    p.add_argument("--sample", metavar="MEASURE", choices=MEASURES, help="draw a sample of MEASURE to code")
    p.add_argument("--source", default="telegram_ru_2024", choices=sorted(SOURCES))
    p.add_argument("--n", type=int, default=150)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--by", default="outlet", help="strata: columns separated by commas (outlet,type)")
    p.add_argument("--allocation", default="proportional", choices=["proportional", "equal"])
    p.add_argument("--exclude-outlet", action="append", default=[], help="leave out an outlet (repeatable)")
    p.add_argument("--n-jobs", type=int, default=2)
    p.add_argument("--out", default=str(ROOT / "out" / "validity"))
    p.add_argument("--store", nargs=2, metavar=("MEASURE", "CSV"), help="commit a coded CSV as MEASURE's TSV")
    p.add_argument("--coder", help="with --store: a second coder's file <measure>.<coder>.tsv")
    args = p.parse_args(argv)
    args.argv = argv
    if args.sample:
        sample(args)
    elif args.store:
        name, path = args.store
        if name not in MEASURES:
            raise SystemExit(f"unknown measure {name!r}; one of {', '.join(MEASURES)}")
        store(name, Path(path), Path(args.dir), args.coder)
    else:
        report(args.measures or MEASURES, Path(args.dir))


if __name__ == "__main__":
    main()
