"""Command line: ``framing demo | report | evaluate-treebank``.

``framing demo`` runs the main job on the bundled demo corpus and writes the
report to ``out/``; ``framing report PATH --format … --by outlet --out DIR``
does the same for any corpus; ``framing evaluate-treebank FILE --lang ru``
prints the pipeline's accuracy on a CoNLL-U file as JSON.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

_FORMATS = {
    "jsonl": "read_jsonl", "json": "read_json", "csv": "read_csv", "tsv": "read_csv",
    "parquet": "read_parquet", "texts": "read_texts", "html": "read_html", "feed": "read_feed",
    "warc": "read_warc", "telegram": "read_telegram", "bsnlp": "read_bsnlp",
    "ods": "read_ods_news", "mediacloud": "read_mediacloud",
}


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="framing", description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="command", required=True)
    d = sub.add_parser("demo", help="run the main job on the bundled demo corpus")
    d.add_argument("--out", default="out", help="output folder (default: out)")
    d.add_argument("--n-jobs", type=int, default=1)
    d.add_argument("--no-cache", action="store_true", help="do not read or write the annotation cache")
    r = sub.add_parser("report", help="run the main job on any corpus")
    r.add_argument("path", help="file, folder or glob")
    r.add_argument("--format", required=True, choices=sorted(_FORMATS))
    r.add_argument("--by", default="outlet", help="document column to compare by (default: outlet)")
    r.add_argument("--out", default="out")
    r.add_argument("--n-jobs", type=int, default=1)
    r.add_argument("--no-cache", action="store_true")
    r.add_argument("--sample", type=int, default=None,
                   help="use a random sample of N documents (seeded: the same N gives the same sample)")
    r.add_argument("--seed", type=int, default=0, help="seed of --sample (default 0)")
    t = sub.add_parser("evaluate-treebank", help="accuracy of the pipeline on a CoNLL-U file (JSON)")
    t.add_argument("file", nargs="+")
    t.add_argument("--lang", required=True)
    t.add_argument("--layers", default=None)
    t.add_argument("--limit", type=int, default=None)
    return p


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["evaluate-treebank"]:
        from .annotate.treebank import evaluate_treebank_main

        return evaluate_treebank_main(argv[1:])
    args = _parser().parse_args(argv)

    from .report.run import run_report

    if args.command == "demo":
        from .corpora import load_demo

        corpus = load_demo()
        title = "framing demo: constructed teaching corpus (not real reports)"
    else:
        import framing

        reader = getattr(framing, _FORMATS[args.format])
        corpus = reader(args.path)
        if args.sample and args.sample < len(corpus):
            corpus = corpus.sample(args.sample, seed=args.seed)
        title = f"framing report: {args.path}"
    out = run_report(corpus, out=Path(args.out), by=getattr(args, "by", "outlet"), title=title,
                     n_jobs=args.n_jobs, cache=not args.no_cache)
    print(f"\nReport written to {out}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
