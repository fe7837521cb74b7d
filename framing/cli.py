"""The command line: framing demo | report | paper | evaluate-treebank | cache.

framing demo runs the main job on the bundled demo corpus and writes the report
(report.md, CSV tables, an HTML comparison page and figures) to a folder.
framing report does the same for any corpus you can read with framing.
framing paper runs the reproducible-paper notebook (notebooks/paper/paper.py)
and writes its figures, tables and provenance.json to a folder.
framing evaluate-treebank prints the accuracy of the annotation pipeline on a
CoNLL-U file as JSON.
framing cache verify checks every part of the annotation cache (damaged parts
are quarantined and annotated again by the next run); framing cache clear
deletes it.

A mistake in what you typed or in the input (a missing file, an unknown format,
a column that does not exist) is printed as one line, "framing: error: ...",
with exit status 2; add --debug to see the Python traceback instead.
"""

from __future__ import annotations

import argparse
import contextlib
import re
import sys
import warnings
from pathlib import Path

from ._errors import FramingError, LoadError, OptionError
from ._version import __version__

_FORMATS = {
    "jsonl": "read_jsonl", "json": "read_json", "csv": "read_csv", "tsv": "read_csv",
    "parquet": "read_parquet", "texts": "read_texts", "html": "read_html", "feed": "read_feed",
    "warc": "read_warc", "telegram": "read_telegram", "bsnlp": "read_bsnlp",
    "ods": "read_ods_news", "mediacloud": "read_mediacloud",
}

_EXAMPLES = """\
examples:
  framing demo --out demo_report
  framing report "news/*.jsonl" --format jsonl --by outlet --out report
  framing report channels/ --format telegram --sample 2000 --seed 1
  framing report channels/ --format telegram --outlet Mash --outlet SHOT --since 2024-11-29 --until 2024-11-30
  framing paper --out paper -p seed 1 -p outlets '["vestnik_agency", "svobodny_golos"]'
  framing evaluate-treebank ru_syntagrus-ud-dev.conllu --lang ru --limit 500
  framing cache verify
  framing cache clear --cache /tmp/framing-cache --yes
  python -m framing --version
"""


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """Descriptions keep their paragraphs; option help is wrapped to the terminal."""

    def __init__(self, prog):
        super().__init__(prog, max_help_position=30)


class _Parser(argparse.ArgumentParser):
    """A usage error is one line on stderr, ``framing: error: …``, and exit status 2."""

    def error(self, message):
        hint = f"{self.prog} --help"
        self.exit(2, f"framing: error: {_one_line(message)} (see: {hint})\n")


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r}: give 1 or more")
    return value


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _date(text: str) -> str:
    """A date or date and time for --since/--until (checked here, used as given)."""
    import pandas as pd

    try:
        ok = not pd.isna(pd.Timestamp(text))
    except (ValueError, TypeError, OverflowError):
        ok = False
    if not ok:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; give e.g. 2024-11-30 or 2024-11-30T12:00+03:00")
    return text


def _run_options(command) -> None:
    """The options every command that writes a report takes: --out, --n-jobs, --no-cache."""
    command.add_argument("--out", default="out", metavar="DIR",
                         help="output folder, created if needed (default: %(default)s)")
    command.add_argument("--n-jobs", type=_positive_int, default=1, metavar="N",
                         help="annotate with N worker processes (default: %(default)s)")
    command.add_argument("--no-cache", action="store_true",
                         help="do not read or write the annotation cache (~/.cache/framing)")


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    # SUPPRESS: a subcommand's default must not overwrite ``framing --debug report …``
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                        help="show the Python traceback of an error instead of one line")

    p = _Parser(prog="framing", description=__doc__, epilog=_EXAMPLES, formatter_class=_Formatter)
    p.add_argument("--version", action="version", version=f"framing {__version__}",
                   help="print the version of framing and exit")
    p.add_argument("--debug", action="store_true", default=False,
                   help="show the Python traceback of an error instead of one line")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", required=True, parser_class=_Parser,
                           title="commands (framing COMMAND --help for their options)")

    def add(name, help, description):
        return sub.add_parser(name, help=help, description=description, parents=[common],
                              formatter_class=_Formatter)

    d = add("demo", "run the main job on the bundled demo corpus",
            "Run the main job on the bundled demo corpus (constructed teaching\n"
            "material, not real reports) and write the report to a folder.")
    _run_options(d)
    d.set_defaults(run=_run_demo)

    r = add("report", "run the main job on any corpus",
            "Read a corpus, annotate it, measure actors, epithets, naming and\n"
            "attribution, compare the groups and write the report to a folder:\n"
            "report.md, CSV tables, comparison.html and PNG figures.")
    r.add_argument("path", help="a file, a folder or a quoted glob pattern such as \"news/*.jsonl\"")
    r.add_argument("--format", required=True, choices=sorted(_FORMATS), metavar="FORMAT",
                   help="how to read PATH, one of: " + ", ".join(sorted(_FORMATS))
                   + " (the reader framing.read_<format>)")
    r.add_argument("--by", default="outlet", metavar="COLUMN",
                   help="document column whose groups are compared (default: %(default)s)")
    _run_options(r)
    r.add_argument("--sample", type=_positive_int, default=None, metavar="N",
                   help="use a random sample of N documents (seeded: the same N and seed give the same sample)")
    r.add_argument("--seed", type=int, default=0,
                   help="seed of --sample (default: %(default)s)")
    r.add_argument("--outlet", action="append", default=None, metavar="NAME",
                   help="report only the documents of this outlet; repeat for several "
                        "(--outlet Mash --outlet SHOT)")
    r.add_argument("--since", type=_date, default=None, metavar="DATE",
                   help="report only the documents published on or after DATE (2024-11-30, or a time "
                        "such as 2024-11-30T12:00+03:00; without a time zone, UTC)")
    r.add_argument("--until", type=_date, default=None, metavar="DATE",
                   help="report only the documents published on or before the day DATE (2024-11-30 keeps "
                        "all of 30 November), or before the moment DATE when it has a time")
    r.add_argument("--event", action="append", default=None, metavar="EVENT",
                   help="report only the documents of this event, a value of the corpus's event_id or "
                        "event column; repeat for several")
    r.set_defaults(run=_run_report)

    pp = add("paper", "regenerate the figures, tables and provenance of the paper notebook",
             "Run the reproducible-paper notebook (by default notebooks/paper/paper.py on the\n"
             "demo corpus) and write figures/ (PDF, PNG), tables/ (CSV, LaTeX) and\n"
             "provenance.json to a folder. Two runs give byte-identical tables and figures.")
    pp.add_argument("--out", default="paper", metavar="DIR",
                    help="output folder, created if needed (default: %(default)s)")
    pp.add_argument("-p", "--parameter", nargs=2, action="append", default=[], metavar=("NAME", "VALUE"),
                    help="set a parameter of the notebook's parameters cell; VALUE is read as JSON when it "
                         "can be (3, null, [\"a\", \"b\"]), else as text; repeat for several")
    pp.add_argument("--template", default=None, metavar="FILE",
                    help="a py:percent notebook with a cell tagged 'parameters' (default: the bundled template)")
    pp.set_defaults(run=_run_paper)

    t = add("evaluate-treebank", "accuracy of the annotation pipeline on a CoNLL-U file (JSON)",
            "Give the gold tokens of a CoNLL-U file (such as a Universal Dependencies\n"
            "dev set) to the annotation pipeline and print lemma, UPOS and attachment\n"
            "accuracy as one JSON line per file.")
    t.add_argument("file", nargs="+", help="CoNLL-U file(s)")
    t.add_argument("--lang", required=True, help="backend language: ru, uk or en")
    t.add_argument("--layers", default=None, metavar="LIST",
                   help="comma-separated layers to run, e.g. lemma,pos (default: all the backend has)")
    t.add_argument("--limit", type=_positive_int, default=None, metavar="N",
                   help="evaluate only the first N sentences of each file")
    t.set_defaults(run=_run_treebank)

    c = add("cache", "verify or clear the annotation cache",
            "Check or delete the annotation cache (by default $FRAMING_CACHE_DIR,\n"
            "else ~/.cache/framing).")
    cache_sub = c.add_subparsers(dest="cache_command", metavar="ACTION", required=True, parser_class=_Parser,
                                 title="actions (framing cache ACTION --help for their options)")

    def add_cache(name, help, description):
        a = cache_sub.add_parser(name, help=help, description=description, parents=[common],
                                 formatter_class=_Formatter)
        a.add_argument("--cache", default=None, metavar="DIR",
                       help="the cache folder (default: $FRAMING_CACHE_DIR, else ~/.cache/framing)")
        return a

    v = add_cache("verify", "check every cached part; quarantine damaged ones",
                  "Check every part of the annotation cache: its index, the size and\n"
                  "sha256 of its files and the documents they hold.  A damaged part is\n"
                  "moved to a quarantine/ folder and its documents are annotated again\n"
                  "by the next run.  Prints parts checked, failed and quarantined; the\n"
                  "exit status is 3 when damage was found, 0 when none.")
    v.set_defaults(run=_run_cache_verify)
    k = add_cache("clear", "delete every cached annotation",
                  "Delete every cached annotation (and the quarantine) in the cache\n"
                  "folder.  Asks first unless --yes is given; refuses while another\n"
                  "process is annotating into the cache.")
    k.add_argument("--yes", action="store_true", help="delete without asking")
    k.set_defaults(run=_run_cache_clear)
    return p


# --- the commands -----------------------------------------------------------------

def _run_demo(args) -> int:
    from .corpora import load_demo

    corpus = load_demo()
    return _report(corpus, args, by="outlet",
                   title="framing demo: constructed teaching corpus (not real reports)")


def _run_report(args) -> int:
    import framing

    reader = getattr(framing, _FORMATS[args.format])
    corpus = reader(args.path)
    if args.by not in corpus.docs.columns:
        cols = ", ".join(map(str, corpus.docs.columns))
        raise OptionError(f"--by {args.by!r}: the corpus read from {args.path!r} has no such column; "
                          f"its columns are {cols}.")
    corpus = _select(corpus, args)
    if args.sample and args.sample < len(corpus):
        corpus = corpus.sample(args.sample, seed=args.seed)
    params = {"path": args.path, "format": args.format, "sample": args.sample, "outlet": args.outlet,
              "since": args.since, "until": args.until, "event": args.event}
    return _report(corpus, args, by=args.by, title=f"framing report: {args.path}", params=params,
                   seed=args.seed if args.sample else None)


def _select(corpus, args):
    """The documents --outlet, --since, --until and --event keep, before annotation (the sample is drawn after)."""
    if not (args.outlet or args.since or args.until or args.event) or len(corpus) == 0:
        return corpus
    import pandas as pd

    from .annotate.annotated import selection_mask

    until = args.until
    if until is not None and _DAY.fullmatch(until.strip()):
        until = str((pd.Timestamp(until) + pd.Timedelta(days=1)).date())  # the whole day
    keep, _ = selection_mask(corpus.docs, outlets=args.outlet, events=args.event, start=args.since, end=until,
                             where=f"the corpus read from {args.path!r}",
                             names={"outlets": "--outlet", "events": "--event", "start": "--since",
                                    "end": "--until"})
    kept = corpus.filter(keep)
    print(f"{len(kept)} of {len(corpus)} documents selected"
          + "".join(f" {flag} {v}" for flag, vals in (("--outlet", args.outlet), ("--since", [args.since]),
                                                     ("--until", [args.until]), ("--event", args.event))
                    for v in (vals or []) if v is not None))
    return kept


def _report(corpus, args, *, by: str, title: str, params: dict | None = None, seed=None) -> int:
    from .report.run import run_report

    out = run_report(corpus, out=Path(args.out), by=by, title=title, n_jobs=args.n_jobs,
                     cache=not args.no_cache, params=params, seed=seed)
    print(f"\nReport written to {out}")
    return 0


def _run_paper(args) -> int:
    from .report.paper import parse_value, run_paper

    params = {name: parse_value(value) for name, value in args.parameter}
    out = run_paper(args.out, params=params, template=args.template)
    print(f"\nPaper written to {out}")
    return 0


def _run_treebank(args) -> int:
    import json

    from .annotate.treebank import evaluate_treebank

    missing = [f for f in args.file if not Path(f).is_file()]
    if missing:
        raise LoadError(f"no such file: {', '.join(map(repr, missing))} "
                        f"(the current folder is {str(Path.cwd())!r}).")
    layers = args.layers.split(",") if args.layers else None
    for f in args.file:
        print(json.dumps(evaluate_treebank(f, args.lang, layers=layers, limit=args.limit), ensure_ascii=False))
    return 0


#: exit status of ``framing cache verify`` when damage was found
DAMAGE_FOUND = 3


def _run_cache_verify(args) -> int:
    from .annotate.cache import verify_cache

    res = _existing_cache(args, verify_cache)
    print(f"cache: {res['root']}")
    for p in res["problems"]:
        print(f"  damaged: {p['reason']}; {p['action']} (kept in {p['location']})")
    print(f"parts checked: {res['checked']}, failed: {res['failed']}, quarantined: {res['quarantined']}")
    if res["unindexed"]:
        print(f"files without an index (an interrupted or running write, never read): {res['unindexed']}")
    if res["in_quarantine"]:
        print(f"parts held in quarantine: {res['in_quarantine']} (framing cache clear deletes them)")
    if res["outdated"]:
        print(f"folders of an earlier cache format (no longer read; framing cache clear deletes them): "
              f"{res['outdated']}")
    return DAMAGE_FOUND if res["failed"] else 0


def _run_cache_clear(args) -> int:
    from .annotate.cache import busy_folders, cache_root, clear_cache

    root = cache_root(args.cache or True)
    folder = root / "annotate"
    files = [f for f in folder.rglob("*") if f.is_file()] if folder.is_dir() else []
    if not files:
        print(f"cache: {root} holds no annotations; nothing to delete")
        return 0
    busy = busy_folders(args.cache or True)
    if busy:
        raise OSError(f"another process is annotating into {busy[0]} now; run framing cache clear "
                      "again when it is done")
    size = sum(f.stat().st_size for f in files) / 1e6
    what = f"{len(files)} files, {size:.1f} MB, in {folder}"
    if not args.yes:
        if not sys.stdin.isatty():
            raise OptionError(f"framing cache clear would delete {what}; pass --yes to confirm")
        if input(f"Delete {what}? [y/N] ").strip().lower() not in ("y", "yes"):
            print("nothing deleted")
            return 0
    clear_cache(args.cache or True)
    print(f"deleted {what}")
    return 0


def _existing_cache(args, fn):
    from .annotate.cache import cache_root

    if args.cache is not None and not Path(args.cache).expanduser().is_dir():
        raise LoadError(f"--cache {args.cache!r}: no such folder (the current folder is {str(Path.cwd())!r}).")
    return fn(cache_root(args.cache or True))


def evaluate_treebank_main(argv=None) -> int:
    """``framing evaluate-treebank FILE --lang ru [--layers ...] [--limit N]``: print the JSON.

    Here, not in :mod:`framing.annotate.treebank`, so that the annotation layer
    does not import the command line (which imports the report, which imports
    the annotation): no import cycle.
    """
    return main(["evaluate-treebank", *(sys.argv[1:] if argv is None else argv)])


# --- errors and warnings ------------------------------------------------------------

def _one_line(message) -> str:
    return " ".join(str(message).split())


def _error(message: str) -> None:
    print(f"framing: error: {message}", file=sys.stderr)


@contextlib.contextmanager
def _short_warnings(enabled: bool):
    """Warnings as ``framing: warning: <kind>: <message>`` (no source line) while a command runs."""
    with warnings.catch_warnings():
        if enabled:
            def show(message, category, _filename, _lineno, file=None, _line=None):
                print(f"framing: warning: {category.__name__}: {message}", file=file or sys.stderr)

            warnings.showwarning = show
        yield


def main(argv: list[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); returns the exit status.

    0: done; 2: a usage error or a user error (``FramingError``, a file that
    cannot be read or written), printed as one line; 1: an unexpected error
    (a bug: please report it with the output of ``--debug``); 3: ``framing
    cache verify`` found damage; 130: interrupted.
    """
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        args = _parser().parse_args(argv)
    except SystemExit as stop:  # --help, --version, or a usage error already printed
        return stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 2)
    debug = bool(getattr(args, "debug", False))
    try:
        with _short_warnings(not debug):
            return args.run(args)
    except KeyboardInterrupt:
        if debug:
            raise
        print("framing: interrupted", file=sys.stderr)
        return 130
    except (FramingError, OSError) as err:
        if debug:
            raise
        _error(_one_line(err) or type(err).__name__)
        return 2
    except Exception as err:
        if debug:
            raise
        _error(f"unexpected {type(err).__name__}: {_one_line(err)} "
               "(this is a bug in framing: run again with --debug and report the traceback)")
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
