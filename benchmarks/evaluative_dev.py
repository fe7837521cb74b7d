"""DEVELOPMENT figures of the evaluative flag of ``framing.epithets`` (issue #10).

Run from the project root::

    python benchmarks/evaluative_dev.py                 # everything
    python benchmarks/evaluative_dev.py telegram        # some sections
    python benchmarks/evaluative_dev.py news-misses     # the news set with its misses (not run by default)
    python benchmarks/evaluative_dev.py tg-misses       # the round-nine Telegram set with its misses
    python benchmarks/evaluative_dev.py sem-misses      # the round-thirteen SemEval set with its misses
    python benchmarks/evaluative_dev.py uk-misses       # the Ukrainian set of session 13 with its misses
    python benchmarks/evaluative_dev.py telegram-misses # the issue-#10 Telegram samples' evaluative misses

These are development figures, measured on data the measure is tuned on or
next to: they are NOT the held-out figures of issue #10 (measured by others on
news the project does not have). Sections (a missing data set prints
"skipped"):

ruopinionne  RuOpinionNE-2024 train (coded by others; with and without the
             word model): opinions whose polar
             expression is a *descriptor* of its target — an adjective (not
             a participle) or a person noun, without a verb, syntactically
             linked to the target (a modifier, apposition, genitive or
             predicate of it) or standing for it (a nomination). Recall: the
             share of those polar expressions overlapped by an evaluative
             epithet row; "found" is the share overlapped by any row (the
             descriptor was found, evaluative or not). Precision: the share
             of evaluative rows in sentences with at least one opinion that
             overlap a polar expression (a lower bound: RuOpinionNE codes
             opinions about some targets only).
telegram     Evaluative descriptors of random posts of the five development
             Telegram channels (РИА Новости, BBC Русская служба, SHOT, Mash,
             Раньше всех), every evaluative descriptor coded by
             docs/epithets.md before the measure's output on them was seen
             (ids, offsets and labels only): the four older samples
             (tests/data/measures/epithets_evaluative_dev*.tsv, 220 posts)
             and the issue-#10 samples (benchmarks/evaluative_dev/: 50 posts,
             seed 20261209, coded at the start; 40 posts of the two tabloid
             channels, seed 20261210, coded blind midway; 40 posts of Mash,
             SHOT and Раньше всех, seed 20261211, coded blind at the end; and, for
             the word model of the third round, 40 posts of 150-1000
             characters each, seeds 20261212 and 20261213 coded before the
             model, 20261214 coded after it); and the generalisation check of
             issue #10 ("h14 check", coded blind: 30 posts of all five
             channels, seed 20261215, and 30 posts of Mash and SHOT, seed
             20261216, coded blind before the rules of that round were
             written, first measured P 0.833 (10/12), R 0.600 (9/15); two
             of the round's classes came from its misses, so it is blind no
             longer; pooled apart from the 470 tuning posts); and a second
             blind check ("h16 blind": 30 posts of all five channels, seed
             20261220, 150-1000 characters, not in any earlier sheet, coded
             before the round on non-actors, neutral descriptors and recall;
             printed on its own line, pooled with nothing); and tg_dev12 (99 posts of
             all nine channels drawn by validity/sample_check11.py, every
             evaluative descriptor coded blind in session 11, then read; its own
             line, pooled with nothing). Precision and recall of
             ``evaluative`` rows per sample and pooled, with Wilson 95 %
             intervals, with the lexicons alone (``model=False``) and with
             the evaluative-word model; a row matches when the spans overlap
             in the same post.
news         NEWS ARTICLES coded exhaustively (round eight of issue #10):
             benchmarks/evaluative_dev/news_r8*.tsv, 14 BSNLP-2021 ru
             articles of the conflict topics not used elsewhere (asia_bibi,
             brexit, nord_stream, trump; not covid-19 or us_election_2020)
             and 5 SemEval-2023 ru dev articles (opinion pieces), drawn with
             seed 20261230 by benchmarks/evaluative_dev/sample_news.py, every
             descriptor of an actor coded by docs/epithets.md (evaluative or
             not) before the measure's output on them was seen.  Prints
             precision and recall of evaluative rows and of all descriptors;
             ``news-misses`` also prints the evaluative misses and false
             positives with their sentences (development use only).
tg           TELEGRAM POSTS OF THE FOUR HELD-OUT-CHECK CHANNELS coded exhaustively
             (round nine of issue #10): benchmarks/evaluative_dev/tg_r9*.tsv, 72
             posts of Банкста, Ньюсач/Двач, 112 and ТОПОР (18 each) of at least
             200 characters naming a person or organisation and in no other file
             under benchmarks/ or tests/, drawn with seed 20261241 by
             benchmarks/evaluative_dev/sample_tg.py, every descriptor of an actor
             coded (evaluative or not) before the measure's output on them was
             seen; same layout and figures as ``news``; ``tg-misses`` also prints
             the misses and false rows of all descriptors (development use only).
sem          SEMEVAL-2023 RU DEV ARTICLES coded exhaustively (round thirteen of
             issue #10): benchmarks/evaluative_dev/sem_r13*.tsv, 14 articles
             of odd id, 800-2600 characters, in no other file, drawn with seed
             20261291 by benchmarks/evaluative_dev/sample_semeval.py and read
             with ``framing.read_semeval2023(..., split="dev")``, every
             descriptor of an actor coded by docs/epithets.md before the
             measure's output on them was seen; same figures as ``news``;
             ``sem-misses`` also prints the evaluative misses and false rows.
uk           UKRAINIAN BSNLP-2021 ARTICLES coded exhaustively (session 13):
             benchmarks/evaluative_dev/uk_dev13*.tsv, 23 articles named nowhere,
             drawn by validity/sample_check11.py --uk (its other half is the
             check epithets_check13uk), every descriptor coded by two new
             coders before the measure ran on them; same figures as ``news``;
             ``uk-misses`` prints the misses and false rows of all descriptors.
semeval      SemEval-2023 Task 3 (ru): share of Name_Calling-Labeling spans
             overlapping an evaluative epithet (must stay ≥ 0.40), printed by
             benchmarks/epithets_eval.py.
"""

from __future__ import annotations

import hashlib
import sys
from collections import defaultdict
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
SHARED = ROOT.parent / "shared" / "data"

import framing  # noqa: E402
from framing import Corpus  # noqa: E402
from framing.validation import wilson_interval  # noqa: E402

import epithets_eval  # noqa: E402  (the SemEval section and the tuning channels)

# (gold name, folder, tag, how it was coded)
SAMPLES = (
    ("epithets_evaluative_dev", ROOT / "tests" / "data" / "measures", "dev-evaluative",
     "80 posts, seed 20261205; tuned on"),
    ("epithets_evaluative_dev_blind", ROOT / "tests" / "data" / "measures", "dev-eval-blind",
     "40 posts, seed 20261206; tuned on"),
    ("epithets_evaluative_dev_final", ROOT / "tests" / "data" / "measures", "dev-eval-final",
     "40 posts, seed 20261207; tuned on"),
    ("epithets_evaluative_dev_emb", ROOT / "tests" / "data" / "measures", "dev-eval-emb",
     "60 posts, seed 20261208"),
    ("h10_blind", ROOT / "benchmarks" / "evaluative_dev", "dev-eval-h10",
     "50 posts, seed 20261209, coded blind at the start of issue-#10 work"),
    ("h10_tabloid", ROOT / "benchmarks" / "evaluative_dev", "dev-eval-tabloid",
     "40 posts of Mash and SHOT only, seed 20261210, coded blind after the lexicon round"),
    ("h10_final", ROOT / "benchmarks" / "evaluative_dev", "dev-eval-h10-final",
     "40 posts of Mash, SHOT and Раньше всех, seed 20261211, coded blind at the end"),
    ("h10_model_a", ROOT / "benchmarks" / "evaluative_dev", "dev-eval-model-a",
     "40 posts of 150-1000 characters, seed 20261212, coded blind before the word model"),
    ("h10_model_b", ROOT / "benchmarks" / "evaluative_dev", "dev-eval-model-b",
     "40 posts of 150-1000 characters, seed 20261213, coded blind before the word model"),
    ("h10_model_c", ROOT / "benchmarks" / "evaluative_dev", "dev-eval-model-c",
     "40 posts of 150-1000 characters, seed 20261214, coded blind after the word-model changes"),
    ("h14_fresh", ROOT / "benchmarks" / "evaluative_dev", "dev-eval-h14-fresh",
     "30 posts of 150-1000 characters, seed 20261215, coded blind before the issue-#10 generalisation round"),
    ("h14_tabloid", ROOT / "benchmarks" / "evaluative_dev", "dev-eval-h14-tabloid",
     "30 posts of Mash and SHOT, 150-1000 characters, seed 20261216, coded blind before that round"),
    ("h16_blind", ROOT / "benchmarks" / "evaluative_dev", "dev-eval-h16-blind",
     "30 posts of 150-1000 characters, seed 20261220, coded blind before the non-actor/neutral/recall round"),
    ("tg_dev12", ROOT / "benchmarks" / "evaluative_dev", "dev-tg12",
     "99 posts of all nine channels (validity/sample_check11.py), coded blind in session 11 (first P 0.70, "
     "R 0.52), read by rounds seventeen (not kept) and eighteen"),
)

# samples printed on their own line, pooled with nothing (h16: coded blind, never tuned on; tg_dev12:
# of all nine channels, kept apart so that the pooled figures stay those of the five tuning channels)
_ALONE = ("h16_", "tg_dev12")


_overlap = epithets_eval._overlap


def _fmt(k, n):
    if not n:
        return "  n/a (0/0)"
    lo, hi = wilson_interval(k, n)
    return f"{k / n:.3f} ({k}/{n}; 95% CI {lo:.2f}–{hi:.2f})"


# --- RuOpinionNE -------------------------------------------------------------------

_NOT_DESCRIPTOR_FORMS = {"Fin", "Inf", "Conv"}


def _descriptor(toks, ptoks, ttoks):
    """Whether the polar expression (token rows ``ptoks``) is a descriptor of the
    target (``ttoks``): no finite verb, infinitive or converb; an adjective,
    participle or noun in it; linked to the target by the parse, or the target
    itself."""
    if not ptoks or len(ptoks) > 6:
        return False
    if any(toks[i]["upos"] in ("VERB", "AUX") and
           any(f"VerbForm={v}" in toks[i]["feats"] for v in _NOT_DESCRIPTOR_FORMS) for i in ptoks):
        return False
    # a quality adjective or a person noun: not a participle of what the target
    # did or underwent ("убитый"), not a noun of an event ("арест", "помощь")
    if not any((toks[i]["upos"] == "ADJ" and "VerbForm" not in toks[i]["feats"]) or
               (toks[i]["upos"] == "NOUN" and "Animacy=Anim" in toks[i]["feats"]) for i in ptoks):
        return False
    if set(ptoks) & set(ttoks):
        return True
    pids = {toks[i]["tok_id"] for i in ptoks}
    tids = {toks[i]["tok_id"] for i in ttoks}
    return any(toks[i]["head"] in tids for i in ptoks) or any(toks[i]["head"] in pids for i in ttoks)


def ruopinionne(limit=None):
    loaded = epithets_eval.ruopinionne_sentences(limit)
    if loaded is None:
        print("ruopinionne: skipped (no ../shared/data/ruopinionne2024)")
        return
    recs, ann = loaded
    for label, use_model in (("lexicons only", False), ("with the word model", True)):
        print(f"ruopinionne  --- {label} ---")
        _ruopinionne_figures(recs, ann, framing.epithets(ann, model=use_model))


def _ruopinionne_figures(recs, ann, ep):
    tok_by = defaultdict(list)
    for t in ann.tokens[["doc_id", "tok_id", "start", "end", "upos", "feats", "head"]].to_dict("records"):
        t["feats"] = str(t["feats"])
        tok_by[t["doc_id"]].append(t)
    rows_by = defaultdict(list)
    for r in ep.itertuples(index=False):
        rows_by[r.doc_id].append(r)

    def spans(x):
        return [tuple(map(int, s.split(":"))) for s in x[1] if s != "0:0"]

    n = found = flagged = 0
    polar_by = defaultdict(list)
    for r in recs:
        d = f"s{r['sent_id']}"
        toks = tok_by[d]
        for op in r["opinions"]:
            ps, ts = spans(op["Polar_expression"]), spans(op["Target"])
            polar_by[d] += ps
            if not ps or not ts:
                continue
            ptoks = [i for i, t in enumerate(toks) if any(_overlap(t["start"], t["end"], a, b) for a, b in ps)]
            ttoks = [i for i, t in enumerate(toks) if any(_overlap(t["start"], t["end"], a, b) for a, b in ts)]
            if not _descriptor(toks, ptoks, ttoks):
                continue
            n += 1
            hits = [e for e in rows_by[d] if any(_overlap(e.start, e.end, a, b) for a, b in ps)]
            found += bool(hits)
            flagged += any(bool(e.evaluative) for e in hits)
    ev = [e for d in polar_by for e in rows_by[d] if e.evaluative]
    tp = sum(any(_overlap(e.start, e.end, a, b) for a, b in polar_by[e.doc_id]) for e in ev)
    print(f"ruopinionne  descriptor opinions (polar expression describes its target): {n}")
    print(f"ruopinionne  recall of the evaluative flag   {_fmt(flagged, n)}")
    print(f"ruopinionne  found as any descriptor row     {_fmt(found, n)}")
    print(f"ruopinionne  precision (lower bound)         {_fmt(tp, len(ev))}")


# --- Telegram samples ------------------------------------------------------------------

def _telegram_corpus():
    """All nine channels (the samples of the five tuning channels, and tg_dev12 of all nine)."""
    files = sorted((SHARED / "telegram_ru_2024" / "raw").glob("*_messages.json"))
    if not files:
        return None
    return framing.read_telegram([str(f) for f in files], progress=False)


def telegram_misses(prefixes=("h10_", "h14_", "h16_")):
    """The evaluative misses and false rows (word model on) of the issue-#10
    Telegram samples (development use: the tuning samples only)."""
    corpus = _telegram_corpus()
    if corpus is None:
        print("telegram-misses: skipped (no ../shared/data/telegram_ru_2024)")
        return
    picked = [(name, folder, tag) for name, folder, tag, _ in SAMPLES if name.startswith(prefixes)]
    listed = {tag: pd.read_csv(folder / f"{name}_docs.tsv", sep="\t", dtype=str) for name, folder, tag in picked}
    ids = set().union(*(set(x.doc_id) for x in listed.values()))
    docs = corpus.docs[corpus.docs["doc_id"].isin(ids)]
    ann = framing.annotate(Corpus(docs[["doc_id", "outlet", "lang", "title", "text"]].reset_index(drop=True)),
                           progress=False)
    texts = dict(zip(ann.docs["doc_id"], ann.docs["text"]))
    ep = framing.epithets(ann)
    ev = ep[ep["evaluative"].astype(bool)]
    for name, folder, tag in picked:
        print(f"== {tag}")
        gold = pd.read_csv(folder / f"{name}.tsv", sep="\t", dtype={"doc_id": str})
        _news_misses(ev, gold, ann, texts, list(listed[tag].doc_id))


def telegram():
    corpus = _telegram_corpus()
    if corpus is None:
        print("telegram: skipped (no ../shared/data/telegram_ru_2024)")
        return
    listed = {}
    for name, folder, tag, _ in SAMPLES:
        listed[tag] = pd.read_csv(folder / f"{name}_docs.tsv", sep="\t", dtype=str)
    ids = set().union(*(set(x.doc_id) for x in listed.values()))
    docs = corpus.docs[corpus.docs["doc_id"].isin(ids)]
    ann = framing.annotate(Corpus(docs[["doc_id", "outlet", "lang", "title", "text"]].reset_index(drop=True)),
                           progress=False)
    sha = {d: hashlib.sha256(t.encode("utf-8")).hexdigest() for d, t in zip(docs.doc_id, docs.text)}
    # the lexicons alone, then with the evaluative-word model (framing/models/ru/)
    for label, use_model in (("lexicons only", False), ("with the word model", True)):
        print(f"--- {label} ---")
        ep = framing.epithets(ann, model=use_model)
        _telegram_figures(ep[ep["evaluative"].astype(bool)], listed, sha, ids)


def _telegram_figures(ep, listed, sha, ids):
    p_by = defaultdict(list)
    for r in ep.itertuples(index=False):
        p_by[r.doc_id].append((r.start, r.end))
    tot = [0, 0, 0, 0]
    new = [0, 0, 0, 0]  # the issue-#10 samples (benchmarks/evaluative_dev/)
    check = [0, 0, 0, 0]  # the generalisation check (h14_*: coded blind before the round)
    for name, folder, tag, note in SAMPLES:
        lst = listed[tag]
        gold = pd.read_csv(folder / f"{name}.tsv", sep="\t", dtype={"doc_id": str})
        changed = sum(sha.get(d) != h for d, h in zip(lst.doc_id, lst.text_sha256))
        g_by = defaultdict(list)
        for r in gold.itertuples(index=False):
            g_by[r.doc_id].append((r.desc_start, r.desc_end))
        d_ids = list(lst.doc_id)
        tp_p, n_p, tp_g = epithets_eval.span_hits(p_by, g_by, d_ids)
        for i, v in enumerate((tp_p, n_p, tp_g, len(gold))):
            if name.startswith(_ALONE):
                continue
            if name.startswith("h14_"):
                check[i] += v
                continue
            tot[i] += v
            if folder.name == "evaluative_dev":
                new[i] += v
        print(f"{tag:15s} {len(d_ids)} posts ({changed} changed since coding), {len(gold)} coded rows  [{note}]")
        print(f"{tag:15s}   P {_fmt(tp_p, n_p)}   R {_fmt(tp_g, len(gold))}")
    n_new = sum(len(listed[tag]) for n, folder, tag, _ in SAMPLES
                if folder.name == "evaluative_dev" and not n.startswith(("h14_",) + _ALONE))
    n_check = sum(len(listed[tag]) for n, _f, tag, _ in SAMPLES if n.startswith("h14_"))
    n_alone = sum(len(listed[tag]) for n, _f, tag, _ in SAMPLES if n.startswith(_ALONE))
    n_tot = len(ids) - n_check - n_alone
    print(f"{'issue-10 sets':15s} {n_new} posts, {new[3]} coded rows  [development figure]")
    print(f"{'issue-10 sets':15s}   P {_fmt(new[0], new[1])}   R {_fmt(new[2], new[3])}")
    print(f"{'pooled':15s} {n_tot} posts, {tot[3]} coded rows  [development figure]")
    print(f"{'pooled':15s}   P {_fmt(tot[0], tot[1])}   R {_fmt(tot[2], tot[3])}")
    print(f"{'h14 check':15s} {n_check} posts, {check[3]} coded rows  [coded blind before the "
          f"generalisation round; its misses then informed it: see the module docstring]")
    print(f"{'h14 check':15s}   P {_fmt(check[0], check[1])}   R {_fmt(check[2], check[3])}")


# --- news articles (round eight) -------------------------------------------------------

NEWS = ROOT / "benchmarks" / "evaluative_dev" / "news_r8"
SEMEVAL_DEV = SHARED / "semeval2023_task3" / "ru" / "dev-articles"


def news_corpus(doc_ids=None):
    """The news documents of round eight as one Corpus, or None without the data.

    BSNLP-2021 articles keep the ids of ``framing.read_bsnlp``; a SemEval-2023
    dev article ``article<N>.txt`` is ``semeval_dev/<N>`` (read with
    ``newline=''``, as the organisers' offsets expect).  ``doc_ids`` keeps only
    those documents.
    """
    if not (SHARED / "bsnlp2021").exists() or not SEMEVAL_DEV.exists():
        return None
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")     # the loader's repair notes concern other topics
        bsnlp = framing.read_bsnlp(str(SHARED / "bsnlp2021"), progress=False).docs
    rows = []
    for f in sorted(SEMEVAL_DEV.glob("article*.txt")):
        with open(f, encoding="utf-8", newline="") as fh:
            rows.append({"doc_id": f"semeval_dev/{f.stem[len('article'):]}", "outlet": "semeval",
                         "lang": "ru", "title": "", "text": fh.read()})
    cols = ["doc_id", "outlet", "lang", "title", "text"]
    docs = pd.concat([bsnlp[bsnlp["lang"] == "ru"][cols], Corpus(pd.DataFrame(rows)).docs[cols]],
                     ignore_index=True)
    if doc_ids is not None:
        docs = docs[docs["doc_id"].isin(set(doc_ids))]
    return Corpus(docs.reset_index(drop=True))


def uk_corpus(doc_ids=None):
    """The Ukrainian BSNLP-2021 articles of ``uk_dev13`` as one Corpus, or None without the data."""
    if not (SHARED / "bsnlp2021").exists():
        return None
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        docs = framing.read_bsnlp(str(SHARED / "bsnlp2021"), progress=False).docs
    docs = docs[docs["lang"] == "uk"]
    if doc_ids is not None:
        docs = docs[docs["doc_id"].isin(set(doc_ids))]
    return Corpus(docs[["doc_id", "outlet", "lang", "title", "text"]].reset_index(drop=True))


def semeval_dev_corpus(doc_ids=None):
    """The SemEval-2023 Task 3 Russian dev articles (``sem_r13``) as one Corpus, or None without the data.

    Read with ``framing.read_semeval2023(..., lang="ru", split="dev")``: doc_id
    ``ru/<N>`` for ``article<N>.txt``; ``doc_ids`` keeps only those documents.
    """
    if not SEMEVAL_DEV.exists():
        return None
    corpus = framing.read_semeval2023(str(SEMEVAL_DEV.parent.parent), lang="ru", split="dev", progress=False)
    docs = corpus.docs
    if doc_ids is not None:
        docs = docs[docs["doc_id"].isin(set(doc_ids))]
    return Corpus(docs[["doc_id", "outlet", "lang", "title", "text"]].reset_index(drop=True))


def _exhaustive_gold(stem):
    gold = pd.read_csv(f"{stem}.tsv", sep="\t", dtype={"doc_id": str})
    listed = pd.read_csv(f"{stem}_docs.tsv", sep="\t", dtype=str)
    return gold, listed


def tg_corpus(doc_ids=None):
    """The Telegram posts of round nine (``tg_r9``) as one Corpus, or None without the data."""
    files = sorted((SHARED / "telegram_ru_2024" / "raw").glob("*_messages.json"))
    if not files:
        return None
    docs = framing.read_telegram([str(f) for f in files]).docs
    if doc_ids is not None:
        docs = docs[docs["doc_id"].isin(set(doc_ids))]
    return Corpus(docs[["doc_id", "outlet", "lang", "title", "text"]].reset_index(drop=True))


# exhaustively coded sets: (tag, file stem, loader of the documents, how drawn and coded)
EXHAUSTIVE = {
    "news": ("news r8", NEWS, news_corpus,
             "14 BSNLP + 5 SemEval dev, seed 20261230, coded before the round"),
    "tg": ("tg r9", ROOT / "benchmarks" / "evaluative_dev" / "tg_r9", tg_corpus,
           "72 posts of the 4 held-out-check channels, seed 20261241, coded before round nine"),
    "sem": ("sem r13", ROOT / "benchmarks" / "evaluative_dev" / "sem_r13", semeval_dev_corpus,
            "14 SemEval-2023 ru dev articles (odd ids), seed 20261291, coded before round thirteen"),
    "uk": ("uk dev13", ROOT / "benchmarks" / "evaluative_dev" / "uk_dev13", uk_corpus,
           "23 BSNLP-2021 uk articles named nowhere (validity/sample_check11.py --uk), coded in session 13"),
}


def exhaustive(which, show_misses=False):
    """Precision and recall of all descriptors and of evaluative rows on an exhaustively coded set."""
    tag, stem, loader, note = EXHAUSTIVE[which]
    gold, listed = _exhaustive_gold(stem)
    corpus = loader(listed["doc_id"])
    if corpus is None:
        print(f"{which}: skipped (its data is not under ../shared/data)")
        return
    ann = framing.annotate(corpus, progress=False)
    texts = dict(zip(ann.docs["doc_id"], ann.docs["text"]))
    sha = {d: hashlib.sha256(t.encode("utf-8")).hexdigest() for d, t in texts.items()}
    changed = sorted(d for d, h in zip(listed.doc_id, listed.text_sha256) if sha.get(d) != h)
    if changed:
        print(f"{which}: {len(changed)} document(s) changed since coding, left out: {changed[:3]}")
    d_ids = [d for d in listed.doc_id if d not in changed]
    ev_gold = gold[gold["evaluative"].astype(str).str.lower().isin(["yes", "1", "true"])]
    print(f"{tag:15s} {len(d_ids)} documents, {len(gold)} coded descriptors, {len(ev_gold)} evaluative  [{note}]")
    for label, use_model in (("lexicons only", False), ("with the word model", True)):
        ep = framing.epithets(ann, model=use_model)
        for what, pred, g in (("all", ep, gold), ("evaluative", ep[ep["evaluative"].astype(bool)], ev_gold)):
            p_by, g_by = defaultdict(list), defaultdict(list)
            for r in pred.itertuples(index=False):
                p_by[r.doc_id].append((r.start, r.end))
            for r in g.itertuples(index=False):
                g_by[r.doc_id].append((r.desc_start, r.desc_end))
            tp_p, n_p, tp_g = epithets_eval.span_hits(p_by, g_by, d_ids)
            n_g = sum(len(g_by[d]) for d in d_ids)
            f1 = 2 * tp_p * tp_g / (tp_p * n_g + tp_g * n_p) if tp_p and tp_g else 0.0
            print(f"{tag:15s}   {label:20s} {what:10s}  P {_fmt(tp_p, n_p)}   R {_fmt(tp_g, n_g)}   "
                  f"F1 {f1:.3f}")
        if show_misses and use_model:
            print("  -- evaluative --")
            _news_misses(ep[ep["evaluative"].astype(bool)], ev_gold, ann, texts, d_ids)
            if show_misses == "all":
                print("  -- all descriptors --")
                _news_misses(ep, gold, ann, texts, d_ids)


def news(show_misses=False):
    exhaustive("news", show_misses)


def _news_misses(pred, gold, ann, texts, d_ids):
    """Print the evaluative misses and false positives with their sentences (development use)."""
    sents = ann.sentences()

    def sentence(d, a):
        s = sents[(sents["doc_id"] == d) & (sents["start"] <= a) & (sents["end"] > a)]
        return (s.iloc[0]["text"] if len(s) else texts[d][max(0, a - 80):a + 80]).replace("\n", " ")

    for r in gold.itertuples(index=False):
        if r.doc_id in d_ids and not any(p.doc_id == r.doc_id and _overlap(p.start, p.end, r.desc_start, r.desc_end)
                                         for p in pred.itertuples(index=False)):
            print(f"  MISS {r.doc_id} {r.kind} «{texts[r.doc_id][r.desc_start:r.desc_end]}» "
                  f"| {sentence(r.doc_id, r.desc_start)}")
    for p in pred.itertuples(index=False):
        if p.doc_id in d_ids and not any(r.doc_id == p.doc_id and _overlap(p.start, p.end, r.desc_start, r.desc_end)
                                         for r in gold.itertuples(index=False)):
            print(f"  FP   {p.doc_id} {p.kind} «{texts[p.doc_id][p.start:p.end]}» ({p.polarity}) "
                  f"| {sentence(p.doc_id, p.start)}")


def semeval():
    epithets_eval.semeval()


SECTIONS = {"ruopinionne": ruopinionne, "telegram": telegram, "news": news, "tg": lambda: exhaustive("tg"),
            "sem": lambda: exhaustive("sem"), "sem-misses": lambda: exhaustive("sem", True),
            "uk": lambda: exhaustive("uk"), "uk-misses": lambda: exhaustive("uk", "all"),
            "news-misses": lambda: news(show_misses=True), "tg-misses": lambda: exhaustive("tg", "all"),
            "telegram-misses": telegram_misses,
            "semeval": semeval}

if __name__ == "__main__":
    for name in (sys.argv[1:] or [k for k in SECTIONS if not k.endswith("-misses")]):
        SECTIONS[name]()
