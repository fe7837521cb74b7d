"""Draw the sentence set ``quote10`` (quotation in news, fiction and mixed prose) from the
treebank files of ``../shared/data/ud`` and write ``sentences.tsv``.

Pools: news (MorphoRuEval-2017 Lenta train and GramEval-2020 Lenta dev), fiction (the
``xud--`` documents of UD Taiga dev) and mixed prose (GramEval-2020 SynTagRus dev).  A
sentence's text is its ``# text`` comment, or, where the file has none, its tokens joined
by :func:`detokenize` (a space between tokens except before closing and after opening
punctuation), which the scorer repeats to re-read the text.  Of each pool the sentences
with a quotation mark, a dialogue dash, a colon or ", что" are drawn first (they are
where quotation is), then others; seed 20261300.  The second set ``quote11`` (``--set
quote11``, seed 20261301, written to ``quote11/``) draws in the same way from the sentences
``quote10`` did not take, as a check after the rules were changed on ``quote10``; ``quote12`` (seed 20261302, session
eleven) from the sentences neither took, coded blind as a check of the final rules; ``quote13`` (seed 20261303)
only from its own pools (essays, social media, news, fiction) and the sentences none of the three took.
``quote14`` (seed 20261304) likewise draws only its own pools from the sentences no earlier set took: opinion
articles (the Russian train articles of SemEval-2023 Task 3, ``../shared/data/semeval2023_task3``; each article split
into paragraphs at newlines and each paragraph into sentences by ``razdel.sentenize``; 20-400 characters, at most two
sentences per article), Wikipedia (UD GSD dev) and news.

Run: ``python benchmarks/attribution_quote10/sample_quote10.py [--set quote11] [--write]``.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
UD = HERE.parents[1].parent / "shared" / "data" / "ud"
SEED = 20261300
SETS = {"quote10": (SEED, HERE), "quote11": (SEED + 1, HERE / "quote11"), "quote12": (SEED + 2, HERE / "quote12"),
        "quote13": (SEED + 3, HERE / "quote13"), "quote14": (SEED + 4, HERE / "quote14")}
POOLS = {  # pool: (files, sentences with a marker, other sentences)
    "news": (["MorphoRuEval2017-Lenta-train.conllu", "GramEval2020-RuEval2017-Lenta-news-dev.conllu"], 30, 10),
    "fiction": (["ru_taiga-ud-dev.conllu"], 30, 10),
    "mixed": (["GramEval2020-SynTagRus-dev.conllu"], 15, 5),
}
#: pools only a later set draws (so the earlier sets' draws stay as they were): quote12 adds the
#: educational and popular-science essays of UD Taiga dev ("uch-nauch" documents)
EXTRA_POOLS = {"quote12": {"essay": (["ru_taiga-ud-dev.conllu"], 15, 5)}}
#: quote13 (seed 20261303, session twelve, coded blind) draws only its own pools, from the sentences no
#: earlier set took (by sentence id, whatever pool took it): essays again, social-media posts of
#: GramEval-2020 (no prefix), news, and fiction (Taiga ``xud--`` plus SynTagRus, whatever remains)
EXTRA_POOLS["quote13"] = {
    "essay13": (["ru_taiga-ud-dev.conllu"], 25, 5),
    "social13": (["GramEval2020-RuEval2017-social-dev.conllu"], 20, 5),
    "news13": (["MorphoRuEval2017-Lenta-train.conllu", "GramEval2020-RuEval2017-Lenta-news-dev.conllu"], 20, 5),
    "fiction13": (["ru_taiga-ud-dev.conllu", "GramEval2020-SynTagRus-dev.conllu"], 20, 5),
}
#: quote14 (seed 20261304, coded blind) draws only its own pools, from the sentences no earlier set took:
#: opinion articles (SemEval-2023 Task 3 Russian train articles, read by :func:`read_semeval`), Wikipedia
#: (UD GSD dev, its ``# text`` comments) and news (the two Lenta files, whatever remains)
EXTRA_POOLS["quote14"] = {
    "opinion14": ([], 30, 10),
    "wiki14": (["ru_gsd-ud-dev.conllu"], 15, 5),
    "news14": (["MorphoRuEval2017-Lenta-train.conllu", "GramEval2020-RuEval2017-Lenta-news-dev.conllu"], 20, 5),
}
#: sets that draw only their EXTRA_POOLS, not POOLS
_EXTRA_ONLY = {"quote13"}
_EXTRA_ONLY.add("quote14")
#: pools read from the SemEval-2023 Task 3 Russian train articles instead of treebank files (skipped when the
#: folder is absent); their sentences are 20..400 characters and at most _SEMEVAL_PER_ARTICLE come from one article
SEMEVAL = HERE.parents[1].parent / "shared" / "data" / "semeval2023_task3" / "ru" / "train-articles"
_SEMEVAL_POOLS = {"opinion14"}
_SEMEVAL_MAX_CHARS = 400
_SEMEVAL_PER_ARTICLE = 2
_PREFIX = {"fiction": "xud--", "essay": "uch-nauch"}
_PREFIX.update({"essay13": "uch-nauch", "fiction13": "xud--"})
#: pools whose prefix applies to some of their files only (the others are taken whole)
_PREFIX_FILES = {"fiction13": {"ru_taiga-ud-dev.conllu"}}
_NO_SPACE_BEFORE = set(".,;:!?)]»”…%")
_NO_SPACE_AFTER = set("([«„“")
MARKER = re.compile(r"[«»„“”\"]|^\s*[—–-]|:|, что\b")


def detokenize(tokens: list[str]) -> str:
    out = ""
    for i, t in enumerate(tokens):
        if i and not (t[:1] in _NO_SPACE_BEFORE or out[-1:] in _NO_SPACE_AFTER):
            out += " "
        out += t
    return out


def read_sentences(path: Path):
    """(sent_id, text) of every sentence of a CoNLL-U file; ids are the file's or ``<file>:<n>``."""
    sid, text, toks, n = None, None, [], 0
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.startswith("# sent_id ="):
            sid = line.split("=", 1)[1].strip()
        elif line.startswith("# text ="):
            text = line.split("=", 1)[1].strip()
        elif line and not line.startswith("#"):
            cols = line.split("\t")
            if cols[0].isdigit():
                toks.append(cols[1])
        elif not line and toks:
            n += 1
            yield (sid or f"{path.stem}:{n}"), (text or detokenize(toks))
            sid, text, toks = None, None, []


def read_semeval(folder: Path = SEMEVAL):
    """(file, sent_id, text) of every sentence of the SemEval-2023 Task 3 articles in ``folder``: each
    ``article<N>.txt`` is split into paragraphs at newlines and each paragraph into sentences by
    ``razdel.sentenize``; the id is ``semeval-ru-train-<N>:<k>`` with ``k`` the sentence's running index in
    the article (from 0).  Articles are read in the order of their number."""
    from razdel import sentenize

    files = sorted(folder.glob("article*.txt"), key=lambda p: int(p.stem[len("article"):]))
    for path in files:
        n = path.stem[len("article"):]
        with open(path, encoding="utf-8", newline="") as fh:
            raw = fh.read()
        k = 0
        for para in re.split(r"\r\n|\r|\n", raw):
            for s in sentenize(para):
                yield path.name, f"semeval-ru-train-{n}:{k}", s.text
                k += 1


def _pick_per_article(rng, sents: list, n: int, counts: dict) -> list:
    """``n`` sentences of ``sents`` in a random order of ``rng``, at most _SEMEVAL_PER_ARTICLE per article
    (``counts`` carries the per-article counts over calls)."""
    order = list(sents)
    rng.shuffle(order)
    out = []
    for s in order:
        if len(out) >= n:
            break
        if counts.get(s[0], 0) < _SEMEVAL_PER_ARTICLE:
            counts[s[0]] = counts.get(s[0], 0) + 1
            out.append(s)
    return out


def _taken(name: str) -> set:
    """The sentences of the sets drawn before ``name``."""
    out = set()
    for other, (_, folder) in SETS.items():
        if other == name:
            break
        with open(folder / "sentences.tsv", encoding="utf-8") as fh:
            out |= {line.split("\t", 1)[0] for line in fh.read().splitlines()[1:]}
    return out


def draw(name: str = "quote10") -> list[dict]:
    seed, _ = SETS[name]
    rng = random.Random(seed)
    taken = _taken(name)
    taken_ids = {d.split("/", 2)[2] for d in taken}  # sentence ids, whatever pool took them
    rows = []
    pools = EXTRA_POOLS[name] if name in _EXTRA_ONLY else {**POOLS, **EXTRA_POOLS.get(name, {})}
    for pool, (files, n_marked, n_other) in pools.items():
        sents = []
        if pool in _SEMEVAL_POOLS:
            if not SEMEVAL.exists():
                continue
            for f, sid, text in read_semeval(SEMEVAL):
                if (20 <= len(text) <= _SEMEVAL_MAX_CHARS and f"quote10/{pool}/{sid}" not in taken
                        and sid not in taken_ids):
                    sents.append((f, sid, text))
        for f in files:
            for sid, text in read_sentences(UD / f):
                if pool in _PREFIX and not sid.startswith(_PREFIX[pool]) and f in _PREFIX_FILES.get(pool, {f}):
                    continue
                if len(text) >= 20 and f"quote10/{pool}/{sid}" not in taken and sid not in taken_ids:
                    sents.append((f, sid, text))
        marked = [s for s in sents if MARKER.search(s[2])]
        other = [s for s in sents if not MARKER.search(s[2])]
        if pool in _SEMEVAL_POOLS:
            counts = {}
            picked = _pick_per_article(rng, marked, n_marked, counts) + _pick_per_article(rng, other, n_other, counts)
        else:
            picked = rng.sample(marked, min(n_marked, len(marked))) + rng.sample(other, min(n_other, len(other)))
        for f, sid, text in picked:
            rows.append({"doc_id": f"quote10/{pool}/{sid}", "pool": pool, "file": f, "sent_id": sid,
                         "n_chars": len(text), "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
                         "marker": int(bool(MARKER.search(text)))})
    return rows


def texts() -> dict:
    """doc_id → text of every drawn sentence, re-read from ../shared (None when it is absent)."""
    if not UD.exists():
        return None
    out = {}
    pools = dict(POOLS)
    for extra in EXTRA_POOLS.values():
        pools.update(extra)
    for pool, (files, _, _) in pools.items():
        for f in files:
            for sid, text in read_sentences(UD / f):
                out[f"quote10/{pool}/{sid}"] = text
        if pool in _SEMEVAL_POOLS and SEMEVAL.exists():
            for _, sid, text in read_semeval(SEMEVAL):
                out[f"quote10/{pool}/{sid}"] = text
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--set", default="quote10", choices=sorted(SETS))
    args = ap.parse_args(argv)
    if not UD.exists():
        sys.exit(f"quote10: {UD} is absent")
    rows = draw(args.set)
    if args.write:
        cols = list(rows[0])
        folder = SETS[args.set][1]
        folder.mkdir(exist_ok=True)
        with open(folder / "sentences.tsv", "w", encoding="utf-8") as fh:
            fh.write("\t".join(cols) + "\n")
            for r in rows:
                fh.write("\t".join(str(r[c]) for c in cols) + "\n")
    print(len(rows), "sentences;", {p: sum(r["pool"] == p for r in rows) for p in dict.fromkeys(r["pool"] for r in rows)},
          "with a marker", sum(r["marker"] for r in rows))


if __name__ == "__main__":
    main()
