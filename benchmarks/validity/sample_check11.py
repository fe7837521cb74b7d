"""Draw the session-eleven check sets: documents no rule was written on, coded blind.

Run from the project root::

    python benchmarks/validity/sample_check11.py           # prints the draw
    python benchmarks/validity/sample_check11.py --write   # also writes the document lists
    python benchmarks/validity/sample_check11.py --evaluative-b --write   # the second epithet check
    python benchmarks/validity/sample_check11.py --evaluative-dev12 --write   # an evaluative dev set
    python benchmarks/validity/sample_check11.py --evaluative-c --write   # the third epithet check (session 12)
    python benchmarks/validity/sample_check11.py --evaluative-d --write   # the fourth epithet check (session 13)
    python benchmarks/validity/sample_check11.py --evaluative-web --write # its news-article part
    python benchmarks/validity/sample_check11.py --evaluative-webdev --write # a web development set (read)
    python benchmarks/validity/sample_check11.py --evaluative-web2 --write # a second web check (session 13)
    python benchmarks/validity/sample_check11.py --uk --write   # Ukrainian articles: a development set and a check
    python benchmarks/validity/sample_check11.py --evaluative-e --write   # the fifth epithet check (session 14)
    python benchmarks/validity/sample_check11.py --evaluative-web3 --write # its news-article part
    python benchmarks/validity/sample_check11.py --evaluative-f --write   # the sixth epithet check (session 14, end)
    python benchmarks/validity/sample_check11.py --evaluative-web4 --write # its news-article part

The held-out guideline sets (``attributions_gold.tsv``, ``epithets_gold.tsv``)
were opened in session eleven to read their misses, so they became development
sets.  These three sets replace them as checks.  Every document is one no file
under ``benchmarks/``, ``tests/`` or ``notebooks/`` names (as a doc_id, or as a
message id on a line naming the channel's raw file), drawn with
``random.Random(SEED)``:

* ``benchmarks/attribution_tg11``: Telegram posts of all nine channels, at least
  ``MIN_CHARS`` characters, ``PER_CHANNEL_ATT`` per channel;
* ``benchmarks/attribution_web11``: BSNLP 2021 Russian articles of at most
  ``MAX_WEB`` characters, ``PER_TOPIC`` per topic (all eight topics);
* ``benchmarks/validity/epithets_check11_docs.tsv``: Telegram posts of all nine
  channels, ``PER_CHANNEL_EPI`` per channel, none of those in ``attribution_tg11``.

The attribution sets have the layout of ``benchmarks/attribution_tg7``
(``docs.tsv``, ``sentences.tsv``, and ``gold.tsv`` written by the coders); the
epithet set has the layout of ``epithets_gold.tsv`` and ``epithets_gold_docs.tsv``.

The draw was made and written at commit c8165db; files added since name more posts (the
fresh sample s20, for one), so a later run leaves more out and draws differently.  The same holds
for every later set: each was drawn once, at the commit that added its document list.
"""

from __future__ import annotations

import csv
import hashlib
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SHARED = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks" / "attribution_dev2"))

import framing  # noqa: E402
from sample import write_document_set  # noqa: E402  (benchmarks/attribution_dev2/sample.py)

sys.path.insert(0, str(ROOT / "benchmarks" / "attribution_tg7"))
from sample_tg7 import channel_files, ids_in_text  # noqa: E402

SEED = 20261206
MIN_CHARS = 200
PER_CHANNEL_ATT = 4
PER_CHANNEL_EPI = 7
PER_TOPIC = 2
MAX_WEB = 2500
TEXT_SUFFIXES = {".tsv", ".csv", ".txt", ".md", ".json", ".jsonl", ".py", ".yml", ".yaml", ".ipynb"}
OWN = {HERE / "epithets_check11_docs.tsv", HERE / "epithets_check11.tsv", HERE / "sample_check11.py"}
OWN_DIRS = {ROOT / "benchmarks" / "attribution_tg11", ROOT / "benchmarks" / "attribution_web11"}


def _texts(skip_own: bool = True):
    """The text files under benchmarks/, tests/ and notebooks/; with ``skip_own``, not the files of
    the first draw itself (``OWN``, ``OWN_DIRS``)."""
    own, own_dirs = (OWN, OWN_DIRS) if skip_own else (set(), set())
    for top in ("benchmarks", "tests", "notebooks"):
        for f in sorted((ROOT / top).rglob("*")):
            if (f.is_file() and f.suffix in TEXT_SUFFIXES and f not in own
                    and not any(d in f.parents for d in own_dirs) and "__pycache__" not in f.parts):
                yield f.read_text(encoding="utf-8", errors="replace")


def used_ids(channels: list[str], raw_files: dict[str, str], *, skip_own: bool = True) -> set[str]:
    """Telegram doc_ids and BSNLP doc_ids named anywhere under benchmarks/, tests/ and notebooks/
    (with ``skip_own``, not counting the first draw's own files)."""
    bs = re.compile(r"(?<![\w/-])((?:asia_bibi|brexit|covid-19|ec|nord_stream|ryanair|trump|us_election_2020)/[\w-]+)")
    out = set()
    for text in _texts(skip_own):
        out |= set(bs.findall(text)) | ids_in_text(text, channels, raw_files)
    return out


def raw_files() -> dict[str, str]:
    """channel -> the name of its raw file (``sample_tg7.channel_files``)."""
    return channel_files()


def draw():
    tg = framing.read_telegram(str(SHARED / "telegram_ru_2024/raw/*.json"), progress=False).docs
    bs = framing.read_bsnlp(str(SHARED / "bsnlp2021"), progress=False).docs
    channels = sorted(tg["outlet"].unique())
    used = used_ids(channels, raw_files())
    print(f"{len(used)} documents named under benchmarks/, tests/ and notebooks/, left out")
    att, epi = [], []
    for c in channels:
        pool = [(d, o, t) for d, o, t in zip(tg["doc_id"], tg["outlet"], tg["text"])
                if o == c and len(t) >= MIN_CHARS and d not in used]
        random.Random(f"{SEED}/{c}").shuffle(pool)
        att += pool[:PER_CHANNEL_ATT]
        epi += pool[PER_CHANNEL_ATT:PER_CHANNEL_ATT + PER_CHANNEL_EPI]
    web = []
    ru = bs[(bs["lang"] == "ru") & (bs["text"].str.len() <= MAX_WEB) & (bs["text"].str.len() >= MIN_CHARS)]
    for topic in sorted(ru["topic"].unique()):
        sub = ru[ru["topic"] == topic]
        pool = [(d, o, t) for d, o, t in zip(sub["doc_id"], sub["outlet"], sub["text"]) if d not in used]
        pool.sort()
        random.Random(f"{SEED}/{topic}").shuffle(pool)
        web += pool[:PER_TOPIC]
    return att, web, epi


def draw_evaluative_b(per_channel: int = 11, seed: int = SEED + 1):
    """The second epithet check (evaluative descriptors only, session eleven): Telegram posts of all
    nine channels named nowhere at the time of drawing (the first check sets included), at least
    ``MIN_CHARS`` characters, ``per_channel`` per channel, seed ``SEED + 1``."""
    tg = framing.read_telegram(str(SHARED / "telegram_ru_2024/raw/*.json"), progress=False).docs
    channels = sorted(tg["outlet"].unique())
    used = used_ids(channels, raw_files(), skip_own=False)     # the first check sets count as named now
    out = []
    for c in channels:
        pool = [(d, o, t) for d, o, t in zip(tg["doc_id"], tg["outlet"], tg["text"])
                if o == c and len(t) >= MIN_CHARS and d not in used]
        random.Random(f"{seed}/{c}").shuffle(pool)
        out += pool[:per_channel]
    return out


def draw_evaluative_dev12(per_channel: int = 11, seed: int = SEED + 2):
    """A development set for evaluative descriptors (session eleven, after the checks showed praise
    missed): Telegram posts of all nine channels named nowhere at the time of drawing (both
    epithet checks included), seed ``SEED + 2``; coded like ``epithets_check11b`` and read."""
    return draw_evaluative_b(per_channel, seed)


def draw_evaluative_c(per_channel: int = 11, seed: int = SEED + 3):
    """The third epithet check (evaluative descriptors only, session twelve): Telegram posts of all
    nine channels named nowhere at the time of drawing (every earlier set and sample included), seed
    ``SEED + 3``; coded blind like ``epithets_check11b``, committed before scoring, never read."""
    return draw_evaluative_b(per_channel, seed)


def draw_evaluative_d(per_channel: int = 11, seed: int = SEED + 4):
    """The fourth epithet check (evaluative descriptors only, session thirteen): Telegram posts of all
    nine channels named nowhere at the time of drawing (every earlier set and sample included), seed
    ``SEED + 4``; coded blind by two new coders before the session's rules were scored on it, never
    read.  It replaces ``epithets_check11b`` and ``epithets_check12``, opened as development sets in
    that session."""
    return draw_evaluative_b(per_channel, seed)


def draw_evaluative_e(per_channel: int = 11, seed: int = SEED + 9):
    """The fifth epithet check (evaluative descriptors only, session fourteen): Telegram posts of all
    nine channels named nowhere at the time of drawing, seed ``SEED + 9``; coded blind by new coders
    and committed before the session's rules were scored on it."""
    return draw_evaluative_b(per_channel, seed)


def draw_evaluative_f(per_channel: int = 11, seed: int = SEED + 11):
    """The sixth epithet check (evaluative descriptors only, end of session fourteen): Telegram posts
    of all nine channels named nowhere at the time of drawing, seed ``SEED + 11``; coded blind by new
    coders on the session's final rules, committed before scoring."""
    return draw_evaluative_b(per_channel, seed)


def draw_evaluative_web(per_topic: int = 3, seed: int = SEED + 5, max_chars: int = 2000):
    """The news-article part of the fourth epithet check (session thirteen): BSNLP 2021 Russian web
    articles of ``MIN_CHARS`` to ``max_chars`` characters named nowhere at the time of drawing,
    ``per_topic`` of each of the eight topics, seed ``SEED + 5``; coded blind, never read."""
    tg = framing.read_telegram(str(SHARED / "telegram_ru_2024/raw/*.json"), progress=False).docs
    used = used_ids(sorted(tg["outlet"].unique()), raw_files(), skip_own=False)
    bs = framing.read_bsnlp(str(SHARED / "bsnlp2021"), progress=False).docs
    ru = bs[(bs["lang"] == "ru") & bs["text"].str.len().between(MIN_CHARS, max_chars)]
    out = []
    for topic in sorted(ru["topic"].unique()):
        sub = ru[ru["topic"] == topic]
        pool = sorted((d, o, t) for d, o, t in zip(sub["doc_id"], sub["outlet"], sub["text"]) if d not in used)
        random.Random(f"{seed}/{topic}").shuffle(pool)
        out += pool[:per_topic]
    return out


def draw_uk(seed: int = SEED + 8, per_topic: int = 3, max_chars: int = 1800):
    """Ukrainian BSNLP-2021 web articles of ``MIN_CHARS`` to ``max_chars`` characters named nowhere at
    the time of drawing, ``per_topic`` of each topic, seed ``SEED + 8`` (session thirteen): the first
    half of each topic's draw is a development set (``benchmarks/evaluative_dev/uk_dev13``), the second
    a check (``epithets_check13uk``); every descriptor coded, evaluative or not."""
    tg = framing.read_telegram(str(SHARED / "telegram_ru_2024/raw/*.json"), progress=False).docs
    used = used_ids(sorted(tg["outlet"].unique()), raw_files(), skip_own=False)
    bs = framing.read_bsnlp(str(SHARED / "bsnlp2021"), progress=False).docs
    uk = bs[(bs["lang"] == "uk") & bs["text"].str.len().between(MIN_CHARS, max_chars)]
    dev, check = [], []
    for topic in sorted(uk["topic"].unique()):
        sub = uk[uk["topic"] == topic]
        pool = sorted((d, o, t) for d, o, t in zip(sub["doc_id"], sub["outlet"], sub["text"]) if d not in used)
        random.Random(f"{seed}/{topic}").shuffle(pool)
        pick = pool[:2 * per_topic]
        dev += pick[::2]
        check += pick[1::2]
    return dev, check


def write_list(path: Path, docs) -> None:
    """Write a document list (doc_id, outlet, n_chars, text_sha256, an empty coder column)."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["doc_id", "outlet", "n_chars", "text_sha256", "coder"])
        for d, o, t in docs:
            w.writerow([d, o, len(t), hashlib.sha256(t.encode("utf-8")).hexdigest(), ""])


#: flag -> (draw arguments, the document list written) of the web-article sets, each drawn once: the
#: session-thirteen check and its development set (five articles a topic, read after coding), the second
#: web check (drawn after the development set was named), and those of session fourteen
WEB_SETS = {
    "--evaluative-web": ({}, HERE / "epithets_check13web_docs.tsv"),
    "--evaluative-webdev": (dict(per_topic=5, seed=SEED + 6, max_chars=2500),
                            ROOT / "benchmarks" / "evaluative_dev" / "web_dev13_docs.tsv"),
    "--evaluative-web2": (dict(per_topic=4, seed=SEED + 7, max_chars=2500), HERE / "epithets_check13web2_docs.tsv"),
    "--evaluative-web3": (dict(per_topic=4, seed=SEED + 10, max_chars=2500), HERE / "epithets_check14web_docs.tsv"),
    "--evaluative-web4": (dict(per_topic=4, seed=SEED + 12, max_chars=2500), HERE / "epithets_check15web_docs.tsv"),
}
#: flag -> (draw, the document list written) of the Telegram evaluative-only sets
TELEGRAM_SETS = {
    "--evaluative-b": (draw_evaluative_b, HERE / "epithets_check11b_docs.tsv"),
    "--evaluative-dev12": (draw_evaluative_dev12, ROOT / "benchmarks" / "evaluative_dev" / "tg_dev12_docs.tsv"),
    "--evaluative-c": (draw_evaluative_c, HERE / "epithets_check12_docs.tsv"),
    "--evaluative-d": (draw_evaluative_d, HERE / "epithets_check13_docs.tsv"),
    "--evaluative-e": (draw_evaluative_e, HERE / "epithets_check14_docs.tsv"),
    "--evaluative-f": (draw_evaluative_f, HERE / "epithets_check15_docs.tsv"),
}


def main(argv=None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    write = "--write" in argv
    web_set = [f for f in WEB_SETS if f in argv]
    if web_set:
        kwargs, out = WEB_SETS[web_set[0]]
        epi = draw_evaluative_web(**kwargs)
        print(f"== {out.name} (evaluative only): {len(epi)} articles")
        if write:
            write_list(out, epi)
        return
    if "--uk" in argv:
        dev, check = draw_uk()
        for out, docs in ((ROOT / "benchmarks" / "evaluative_dev" / "uk_dev13_docs.tsv", dev),
                          (HERE / "epithets_check13uk_docs.tsv", check)):
            print(f"== {out.name} (every descriptor): {len(docs)} articles")
            if write:
                write_list(out, docs)
        return
    tg_set = [f for f in TELEGRAM_SETS if f in argv]
    if tg_set:
        drawer, out = TELEGRAM_SETS[tg_set[0]]
        epi = drawer()
        print(f"== {out.name} (evaluative only): {len(epi)} posts")
        if write:
            write_list(out, epi)
        return
    att, web, epi = draw()
    for name, docs in (("attribution_tg11", att), ("attribution_web11", web)):
        folder = ROOT / "benchmarks" / name
        if write:
            folder.mkdir(exist_ok=True)
        print(f"== {name}")
        write_document_set(folder, docs, n_sentences=None, write=write)
    print(f"== epithets_check11: {len(epi)} posts")
    if write:
        write_list(HERE / "epithets_check11_docs.tsv", epi)


if __name__ == "__main__":
    main()
