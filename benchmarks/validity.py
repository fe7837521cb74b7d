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

fresh (a section of the report, also ``python benchmarks/validity.py fresh``)
    The fresh precision samples of ``benchmarks/validity/fresh/``: random rows
    of the measure's output on posts of the held-out channels that are in no
    other sheet, drawn after a round of rule changes and judged by a coder who
    did not see the rules (how each was drawn: ``fresh/README.md``).  Per
    sample, the headline judgment with its Wilson 95 % interval: for
    attributions, cue and speaker right; for evaluative epithets, descriptor
    and evaluative flag right.  Each sample measures the rules of its day;
    later rounds read their errors, so only the newest one of each measure
    is a figure on unseen posts.
"""

from __future__ import annotations

import argparse
import hashlib
import re
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
SECTIONS = MEASURES + ("fresh",)
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
        # The mentions a grouping rule had to merge: of person and organisation
        # actors found in two or more documents, those whose written form is not
        # the actor's label (inflection, first name or initial, surname alone,
        # alias, transliteration, pronoun, title).  Trivial identities are left
        # out, so the precision is that of the merges that needed a rule.
        acts = framing.actors(ann)
        multi = acts.table.loc[acts.table["n_docs"] >= 2, "actor"]
        m = acts.mentions
        return m[m["actor"].isin(multi) & m["type"].isin(["PER", "ORG"]) & (m["normal"] != m["actor"])]
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


BSNLP_TOPICS = ("asia_bibi", "brexit", "covid-19", "ec", "nord_stream", "ryanair", "trump", "us_election_2020")


def source_of(doc_id: str) -> str:
    """The shared data set a gold ``doc_id`` comes from (BSNLP ids start with their topic)."""
    return "bsnlp2021" if str(doc_id).split("/", 1)[0] in BSNLP_TOPICS else "telegram_ru_2024"


def read_gold(folder: Path, name: str, stem: str | None = None):
    """An exhaustive gold file as ``validation_report(truth=…)`` reads it, or None.

    Two layouts are read.  The coders' layout (``<stem>.tsv`` with
    ``<stem>_docs.tsv`` listing every fully coded document with the sha256 of
    its text, see ``CODING_NOTES.md``) is converted: the descriptor span
    ``desc_start``/``desc_end`` becomes ``start``/``end``, and a coded document
    without rows gets one row with empty offsets.  A file already in the
    layout of ``README.md`` (with ``source`` and empty-offset rows) is read
    as it is.  Returns ``(gold, docs)``; ``docs`` is None for the second layout.
    """
    stem = stem or ("epithets_gold" if name == "epithets_evaluative" else f"{name}_gold")
    path, docs_path = folder / f"{stem}.tsv", folder / f"{stem}_docs.tsv"
    if not path.exists():
        return None
    gold = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False)
    if not docs_path.exists():
        return gold, None
    docs = pd.read_csv(docs_path, sep="\t", dtype=str, keep_default_na=False)
    if "desc_start" in gold.columns:
        gold = gold.rename(columns={"desc_start": "start", "desc_end": "end"})
    if name == "epithets_evaluative":
        gold = gold[gold["evaluative"].str.lower().isin(["yes", "true", "1"])]
    span = SPANS[name]
    empty = docs.loc[~docs["doc_id"].isin(gold["doc_id"]), ["doc_id"]].assign(**{c: "" for c in span})
    gold = pd.concat([gold, empty], ignore_index=True)
    gold["source"] = gold["doc_id"].map(source_of)
    return gold, docs


def predictions(name: str, gold: pd.DataFrame, docs) -> tuple:
    """Run measure ``name`` on the gold documents; returns (rows, outlets, texts) or None without the data.

    A document whose text no longer has the sha256 the coder saw is left out
    with a note (its offsets would point elsewhere).
    """
    preds, outlets, texts = [], {}, {}
    for source, g in gold.groupby("source"):
        corpus = load_source(source, g["doc_id"].unique())
        if corpus is None:
            return None
        found = dict(zip(corpus.docs["doc_id"].astype(str), corpus.docs["text"]))
        missing = set(g["doc_id"]) - set(found)
        if missing:
            print(f"  {len(missing)} gold document(s) not found in {source}, e.g. {sorted(missing)[:3]}")
        if docs is not None:
            want = dict(zip(docs["doc_id"], docs["text_sha256"]))
            changed = sorted(d for d, t in found.items()
                             if d in want and hashlib.sha256(t.encode("utf-8")).hexdigest() != want[d])
            if changed:
                print(f"  {len(changed)} document(s) changed since coding (sha256 differs), left out: "
                      f"{changed[:3]}")
                corpus = corpus.filter(~corpus.docs["doc_id"].astype(str).isin(changed))
                found = {d: t for d, t in found.items() if d not in changed}
        texts.update(found)
        outlets.update(zip(corpus.docs["doc_id"].astype(str), corpus.docs["outlet"]))
        ann = framing.annotate(corpus, progress=False)
        preds.append(measure_table(name, ann))
    return pd.concat(preds, ignore_index=True), outlets, texts


#: exhaustive check sets coded blind after the held-out guideline sets were opened (session eleven,
#: ``validity/sample_check11.py``): measure name -> gold stem; never read for tuning.
#: epithets_check13 (Telegram), epithets_check13web and epithets_check13web2 (BSNLP ru articles), session thirteen, hold
#: evaluative descriptors only; epithets_check13uk (BSNLP uk articles, session thirteen) every descriptor.  Only their "all" line is printed: a per-outlet line would show which
#: posts the measure misses.  epithets_check14 (Telegram) and epithets_check14web (BSNLP ru articles),
#: session fourteen, evaluative descriptors only, were coded by three new coders and committed before
#: any rule of that session was scored on them; epithets_check15 and epithets_check15web, coded at the end
#: of that session by three more coders whose reports gave counts only, measure its final rules.
CHECKS = {"epithets": ["epithets_check11", "epithets_check13uk"],
          "epithets_evaluative": ["epithets_check11", "epithets_check13", "epithets_check13web", "epithets_check13web2",
                                  "epithets_check13uk", "epithets_check14", "epithets_check14web",
                                  "epithets_check15", "epithets_check15web"]}

#: evaluative-only sets coded blind as checks and OPENED in session thirteen (their misses were read,
#: so they are development sets now); printed with all their lines, labelled as such
OPENED = {"epithets_evaluative": ["epithets_check11b", "epithets_check12"]}


def print_recall(name: str, folder: Path, stem: str | None = None, *, opened: bool = False) -> None:
    read = read_gold(folder, name, stem)
    span = SPANS.get(name)
    gold, docs = read
    run = predictions(name, gold, docs)
    if run is None:
        print("  exhaustive gold: skipped, ../shared/data is not present")
        return
    pred, outlets, texts = run
    gold = gold[gold["doc_id"].isin(texts)].copy()
    gold["outlet"] = gold["doc_id"].map(outlets).fillna("(unknown)")     # the loader's outlet of each document
    for c in span:
        gold[c] = pd.to_numeric(gold[c].replace("", float("nan")))
    rep = framing.validation_report(pred, truth=gold, by="outlet", span=span)
    what = (f"the opened set {stem} (development)" if opened else f"the check set {stem} (blind)") if stem \
        else "exhaustive gold"
    print(f"  against {what} ({gold['doc_id'].nunique()} documents, span overlap; "
          "Wilson intervals for P and R, bootstrap over documents for F1)")
    print(f"  {'group':<24}{'docs':>5}{'pred':>6}{'P':>7}  {'interval':<14}{'gold':>6}{'R':>7}  {'interval':<14}"
          f"{'F1':>7}  interval")
    for r in rep.itertuples():
        if stem and not opened and r.group != "all":
            continue                    # a blind check: the pooled line only
        print(f"  {r.group:<24}{r.n_docs:>5}{r.n_pred:>6}{_fmt(r.precision):>7}  "
              f"{_ci(r.precision_low, r.precision_high):<14}{r.n_gold:>6}{_fmt(r.recall):>7}  "
              f"{_ci(r.recall_low, r.recall_high):<14}{_fmt(r.f1):>7}  {_ci(r.f1_low, r.f1_high)}")
    if name == "attributions" and docs is not None:
        print_guideline_attribution(pred, gold, texts)


_WORD = re.compile(r"\w+")


def _words(text: str) -> set:
    return {w.lower() for w in _WORD.findall(text or "") if len(w) > 1 or w.isupper()}


def _span_text(texts: dict, doc_id: str, lo, hi) -> str:
    if pd.isna(lo) or pd.isna(hi) or int(lo) < 0:
        return ""
    return texts[doc_id][int(lo):int(hi)]


def print_guideline_attribution(pred: pd.DataFrame, gold: pd.DataFrame, texts: dict) -> None:
    """Score attributions by the rule of ``../shared/guidelines/attribution.md``.

    A coded attribution is found when one predicted row of the same document
    has a cue whose lemma matches the coded cue lemma (or the coded cue is
    empty) and a speaker or resolved actor sharing a word with the coded
    speaker or its antecedent (or the coded speaker is empty).  Precision is
    the share of predicted rows that find a coded attribution; headline
    ``credit`` rows are left out of recall.
    """
    gold = gold[gold["cue_start"].notna()].copy()
    for c in ("speaker_start", "speaker_end", "resolved_start", "resolved_end"):
        gold[c] = pd.to_numeric(gold[c].replace("", float("nan")))
    gold["who"] = [(_words(_span_text(texts, d, a, b)) | _words(_span_text(texts, d, c, e)))
                   for d, a, b, c, e in zip(gold["doc_id"], gold["speaker_start"], gold["speaker_end"],
                                            gold["resolved_start"], gold["resolved_end"])]
    pred = pred[pred["doc_id"].isin(texts)].copy()
    pred["who"] = [_words(f"{s or ''} {a or ''}") for s, a in zip(pred["speaker"], pred["actor"])]

    def finds(p, g) -> bool:
        lemma_ok = not g.cue_lemma or str(p.verb_lemma).lower() == g.cue_lemma.lower()
        who_ok = not g.who or bool(p.who & g.who)
        return lemma_ok and who_ok

    by_doc = {d: list(g.itertuples()) for d, g in gold.groupby("doc_id")}
    hits = [any(finds(p, g) for g in by_doc.get(p.doc_id, [])) for p in pred.itertuples()]
    pred_by_doc = {d: list(p.itertuples()) for d, p in pred.groupby("doc_id")}
    rec = gold[gold["form"] != "credit"]
    found = [any(finds(p, g) for p in pred_by_doc.get(g.doc_id, [])) for g in rec.itertuples()]
    from framing.validation import wilson_interval

    def line(hit, fnd) -> str:
        tp_p, n_p, tp_r, n_r = sum(hit), len(hit), sum(fnd), len(fnd)
        P = tp_p / n_p if n_p else float("nan")
        R = tp_r / n_r if n_r else float("nan")
        F = 2 * P * R / (P + R) if P + R else float("nan")
        return (f"precision {P:.3f} {_ci(*wilson_interval(tp_p, n_p))} ({tp_p}/{n_p}), "
                f"recall {R:.3f} {_ci(*wilson_interval(tp_r, n_r))} ({tp_r}/{n_r}), F1 {F:.3f}")

    print("  by the guideline's rule (cue lemma + a shared speaker word; credits out of recall):")
    print("    " + line(hits, found))
    rec = rec.assign(found=found)
    print("    recall by form: " + ", ".join(f"{f} {int(g.found.sum())}/{len(g)}"
                                            for f, g in rec.groupby("form")))
    # by language: BSNLP ids carry it ("covid-19/uk-10222"); Telegram posts are Russian
    lang = lambda d: "uk" if "/uk-" in d else "ru"  # noqa: E731
    p_lang = [lang(d) for d in pred["doc_id"]]
    r_lang = [lang(d) for d in rec["doc_id"]]
    if len(set(p_lang) | set(r_lang)) < 2:
        return
    for code, name in (("ru", "Russian"), ("uk", "Ukrainian")):
        print(f"    {name} documents only: " + line([h for h, x in zip(hits, p_lang) if x == code],
                                                     [f for f, x in zip(found, r_lang) if x == code]))


def print_gold_agreement(name: str, folder: Path) -> None:
    """Agreement of two coders who coded the same documents exhaustively.

    Rows are paired one to one by span overlap in the same document (largest
    overlap first); span agreement is the F1 of one coder's rows against the
    other's; the labels of the paired rows are compared with
    :func:`framing.agreement` (Cohen's kappa, Krippendorff's alpha).
    """
    span = SPANS[name]
    fields = {"epithets": ["kind", "evaluative", "polarity"], "attributions": ["form", "cue_lemma"]}[name]
    for second in sorted(folder.glob(f"{name}_gold_*_docs.tsv")):
        stem = second.name[:-len("_docs.tsv")]
        a, b = read_gold(folder, name), read_gold(folder, name, stem)
        docs = set(b[1]["doc_id"])
        ga = a[0][a[0]["doc_id"].isin(docs) & (a[0][span[0]] != "")]
        gb = b[0][b[0][span[0]] != ""]
        pairs, used = [], set()
        cands = []
        for d, rows_b in gb.groupby("doc_id"):
            rows_a = ga[ga["doc_id"] == d]
            for i, rb in rows_b.iterrows():
                for j, ra in rows_a.iterrows():
                    lo = max(int(ra[span[0]]), int(rb[span[0]]))
                    hi = min(int(ra[span[1]]), int(rb[span[1]]))
                    if hi > lo:
                        cands.append((hi - lo, j, i))
        for _, j, i in sorted(cands, key=lambda t: (-t[0], t[1], t[2])):
            if j in used or i in used:
                continue
            used.update((j, i))
            pairs.append((j, i))
        n = len(pairs)
        p_ab = n / len(gb) if len(gb) else float("nan")
        p_ba = n / len(ga) if len(ga) else float("nan")
        f1 = 2 * n / (len(ga) + len(gb)) if len(ga) + len(gb) else float("nan")
        print(f"  between coders ({stem} on {len(docs)} documents): {len(ga)} and {len(gb)} rows, "
              f"{n} paired by span; span F1 {f1:.3f} (share of one coder's rows the other has: "
              f"{p_ba:.3f}, {p_ab:.3f})")
        if not n:
            continue
        items = [f"p{k}" for k in range(n)]
        A = pd.DataFrame({"item": items, **{f: [ga.at[j, f] for j, _ in pairs] for f in fields}})
        B = pd.DataFrame({"item": items, **{f: [gb.at[i, f] for _, i in pairs] for f in fields}})
        res = framing.agreement(A, B, fields=fields)
        for r in res.itertuples():
            print(f"    {r.field:<12} paired rows {r.n_items:>4}  agreement {_fmt(r.percent_agreement)}  "
                  f"kappa {_fmt(r.cohen_kappa)}  alpha {_fmt(r.alpha)}")


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
        if name == "fresh":
            print_fresh(folder)
            continue
        sheet = folder / f"{name}.tsv"
        # the first coder's sheet and every other coder's sheet of the same items
        coders = ([sheet] if sheet.exists() else []) + sorted(folder.glob(f"{name}.*.tsv"))
        if sheet.exists():
            print_precision(name, sheet)
        elif name in SPANS and read_gold(folder, name) is not None:
            # every predicted row of the exhaustively coded documents is judged there: precision below
            print(f"  no sample sheet ({sheet.name}): precision is read against the exhaustive gold below, "
                  "where every row the measure gives on the coded documents is judged")
        else:
            print(f"  no coded sheet yet ({sheet.relative_to(folder.parent.parent) if folder == VALIDITY else sheet})")
        if name not in SPANS:
            print(f"  recall: not defined for {name} (a judgment of merges, not of spans): precision only")
        elif read_gold(folder, name) is not None:
            print_recall(name, folder)
            if name in ("epithets", "attributions"):
                print_gold_agreement(name, folder)
            for stem in CHECKS.get(name, ()):
                if read_gold(folder, name, stem) is not None:
                    print_recall(name, folder, stem)
            for stem in OPENED.get(name, ()):
                if read_gold(folder, name, stem) is not None:
                    print_recall(name, folder, stem, opened=True)
        else:
            print(f"  no exhaustive gold yet ({name}_gold.tsv): recall and F1 not measured")
        if len(coders) >= 2:
            print_agreement(name, coders)


def _yes(sheet: pd.DataFrame, *cols: str) -> pd.Series:
    """Rows judged "yes" in every one of ``cols``."""
    ok = pd.Series(True, index=sheet.index)
    for c in cols:
        ok &= sheet[c].astype(str).str.strip().str.lower().eq("yes")
    return ok


def fresh_headline(sheet: pd.DataFrame) -> tuple[str, pd.Series]:
    """The headline judgment of a fresh sample and which rows pass it.

    Attribution sheets (``ok_cue``): cue and speaker right.  Evaluative sheets:
    descriptor and evaluative flag right, whichever columns the sample's coder
    filled (``ok_descriptor_and_flag``; ``ok_descriptor`` or ``ok_span`` with
    ``ok_evaluative``).
    """
    cols = set(sheet.columns)
    if "ok_cue" in cols:
        return "cue and speaker right", _yes(sheet, "ok_cue", "ok_speaker")
    if "ok_descriptor_and_flag" in cols:
        return "descriptor and evaluative flag right", _yes(sheet, "ok_descriptor_and_flag")
    desc = "ok_descriptor" if "ok_descriptor" in cols else "ok_span"
    return "descriptor and evaluative flag right", _yes(sheet, desc, "ok_evaluative")


def print_fresh(folder: Path) -> None:
    from framing.validation.statistics import wilson_interval
    def order(path):                    # measure, then sample number (s10 after s9)
        name, _, n = path.stem.partition("_s")
        return name, int(n) if n.isdigit() else 0
    files = sorted((folder / "fresh").glob("*.tsv"), key=order)
    if not files:
        print(f"  no fresh samples in {folder / 'fresh'}")
        return
    print(f"  {'sample':<26}{'judgment':<40}{'n':>4}{'right':>7}{'precision':>11}  interval")
    for path in files:
        sheet = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False)
        what, ok = fresh_headline(sheet)
        lo, hi = wilson_interval(int(ok.sum()), len(sheet))
        print(f"  {path.stem:<26}{what:<40}{len(sheet):>4}{int(ok.sum()):>7}"
              f"{ok.mean():>11.3f}  {_ci(lo, hi)}")
    print("  (one coder per sample; each measures the rules of its day: see fresh/README.md)")


# --- drawing and storing samples -----------------------------------------------------------

def sample(args) -> None:
    name = args.sample
    command = "python benchmarks/validity.py " + " ".join(shlex.quote(a) for a in args.argv)
    corpus = load_source(args.source)
    if corpus is None:
        raise SystemExit(f"../shared/data is not present ({SHARED}): cannot draw a sample from {args.source}")
    if args.exclude_outlet:
        corpus = corpus.filter(~corpus.docs["outlet"].isin(args.exclude_outlet))
    if args.outlet:
        corpus = corpus.filter(corpus.docs["outlet"].isin(args.outlet))
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
    p.add_argument("measures", nargs="*", help=f"sections to report (default: all of {', '.join(SECTIONS)})")
    p.add_argument("--dir", default=str(VALIDITY), help="folder of coded sheets (default benchmarks/validity)")
    p.add_argument("--sample", metavar="MEASURE", choices=MEASURES, help="draw a sample of MEASURE to code")
    p.add_argument("--source", default="telegram_ru_2024", choices=sorted(SOURCES))
    p.add_argument("--n", type=int, default=150)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--by", default="outlet", help="strata: columns separated by commas (outlet,type)")
    p.add_argument("--allocation", default="proportional", choices=["proportional", "equal"])
    p.add_argument("--outlet", action="append", default=[], help="only this outlet (repeatable)")
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
        unknown = sorted(set(args.measures) - set(SECTIONS))
        if unknown:
            raise SystemExit(f"unknown section {', '.join(unknown)}; one of {', '.join(SECTIONS)}")
        report(args.measures or SECTIONS, Path(args.dir))


if __name__ == "__main__":
    main()
