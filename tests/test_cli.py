"""The command line (framing/cli.py, framing/__main__.py)."""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import warnings

import pytest

import framing
from framing import cli
from framing._errors import LoadError, LoadWarning
from framing._version import __version__

from conftest import ROOT


def _run(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _assert_one_error_line(err: str):
    lines = err.strip("\n").split("\n")
    assert len(lines) == 1, err
    assert lines[0].startswith("framing: error: ")
    assert "Traceback" not in err


def _subparsers(parser):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action.choices
    return {}


def test_cli_version(capsys):
    code, out, err = _run(capsys, "--version")
    assert code == 0
    assert out.strip() == f"framing {__version__}"


def test_cli_python_m_framing_version(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    res = subprocess.run([sys.executable, "-m", "framing", "--version"], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == f"framing {__version__}"


def test_cli_every_option_has_help():
    parser = cli._parser()
    subs = _subparsers(parser)
    assert set(subs) == {"demo", "report", "paper", "evaluate-treebank", "cache"}
    cache_actions = _subparsers(subs["cache"])
    assert set(cache_actions) == {"verify", "clear"}
    for name, p in [("framing", parser), *subs.items(), *cache_actions.items()]:
        for action in p._actions:
            if isinstance(action, argparse._SubParsersAction):
                continue
            assert action.help and action.help != argparse.SUPPRESS, (name, action.option_strings or action.dest)
        assert p.description, name


@pytest.mark.parametrize("argv", [["--help"], ["demo", "--help"], ["report", "--help"],
                                  ["evaluate-treebank", "--help"], ["cache", "--help"],
                                  ["cache", "verify", "--help"], ["cache", "clear", "--help"]])
def test_cli_help_is_plain_text(capsys, argv):
    code, out, err = _run(capsys, *argv)
    assert code == 0 and err == ""
    assert out.startswith("usage: framing")
    for markup in ("``", ":func:", ":meth:", ":class:", "`framing"):
        assert markup not in out, markup
    if argv[0] == "report":
        for opt in ("--format", "--by", "--out", "--n-jobs", "--no-cache", "--sample", "--seed", "--debug",
                    "--outlet", "--since", "--until", "--event"):
            assert opt in out


def test_cli_report_missing_path_is_one_line(capsys, tmp_path):
    missing = tmp_path / "no_such_folder" / "news.jsonl"
    code, out, err = _run(capsys, "report", str(missing), "--format", "jsonl", "--out", str(tmp_path / "out"))
    assert code == 2
    _assert_one_error_line(err)
    assert "news.jsonl" in err
    assert not (tmp_path / "out").exists()


def test_cli_unknown_format_is_one_line(capsys):
    code, out, err = _run(capsys, "report", "x.jsonl", "--format", "docx")
    assert code == 2
    _assert_one_error_line(err)
    assert "'docx'" in err and "jsonl" in err


@pytest.mark.parametrize("argv", [[], ["report", "x"], ["report", "x", "--format", "jsonl", "--n-jobs", "0"],
                                  ["report", "x", "--format", "jsonl", "--sample", "many"], ["nonsense"]])
def test_cli_usage_errors_are_one_line(capsys, argv):
    code, out, err = _run(capsys, *argv)
    assert code == 2
    _assert_one_error_line(err)


def test_cli_empty_corpus_is_one_line(capsys, tmp_path):
    (tmp_path / "empty.jsonl").write_text("", encoding="utf-8")
    code, out, err = _run(capsys, "report", str(tmp_path / "empty.jsonl"), "--format", "jsonl",
                          "--out", str(tmp_path / "out"))
    assert code == 2
    # the empty file is recorded (issue 13), so the load's warning line comes before the one error line
    warning, error = err.strip("\n").split("\n")
    assert warning.startswith("framing: warning: LoadWarning") and "empty file" in warning
    _assert_one_error_line(error)
    assert "no documents" in error and "empty file" in error
    assert not (tmp_path / "out").exists()


def test_cli_unknown_by_column_is_one_line(capsys, tmp_path):
    path = framing.load_demo().docs.head(3).pipe(framing.Corpus.from_frame).to_parquet(tmp_path / "c.parquet")
    code, out, err = _run(capsys, "report", str(path), "--format", "parquet", "--by", "channel",
                          "--out", str(tmp_path / "out"))
    assert code == 2
    _assert_one_error_line(err)
    assert "'channel'" in err and "outlet" in err


def test_cli_debug_shows_the_exception(capsys, tmp_path):
    with pytest.raises(LoadError):
        cli.main(["--debug", "report", str(tmp_path / "none.jsonl"), "--format", "jsonl"])
    with pytest.raises(LoadError):      # --debug after the subcommand works too
        cli.main(["report", str(tmp_path / "none.jsonl"), "--format", "jsonl", "--debug"])


def test_cli_unexpected_error_and_interrupt(capsys, monkeypatch):
    def boom(args):
        raise ZeroDivisionError("division by zero\nsecond line")

    monkeypatch.setattr(cli, "_run_demo", boom)
    code, out, err = _run(capsys, "demo")
    assert code == 1
    _assert_one_error_line(err)
    assert "ZeroDivisionError" in err and "--debug" in err

    def interrupted(args):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_run_demo", interrupted)
    code, out, err = _run(capsys, "demo")
    assert code == 130 and err.strip() == "framing: interrupted"


def test_cli_warnings_are_one_line(capsys, monkeypatch):
    def warn(args):
        warnings.warn("3 documents skipped", LoadWarning, stacklevel=1)
        return 0

    monkeypatch.setattr(cli, "_run_demo", warn)
    code, out, err = _run(capsys, "demo")
    assert code == 0
    assert err.strip() == "framing: warning: LoadWarning: 3 documents skipped"
    assert warnings.showwarning is not None and warnings.showwarning.__name__ != "show"  # restored


def test_cli_evaluate_treebank(capsys, data_dir, tmp_path):
    code, out, err = _run(capsys, "evaluate-treebank", str(data_dir / "annotate" / "ru_tiny.conllu"),
                          "--lang", "ru", "--layers", "lemma,morph", "--limit", "5")
    assert code == 0
    r = json.loads(out)
    assert r["file"] == "ru_tiny.conllu" and r["lang"] == "ru" and r["uas"] is None
    code, out, err = _run(capsys, "evaluate-treebank", str(tmp_path / "gone.conllu"), "--lang", "ru")
    assert code == 2
    _assert_one_error_line(err)
    assert "gone.conllu" in err


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_cli_demo_writes_the_report(capsys, tmp_path):
    out_dir = tmp_path / "report"
    code, out, err = _run(capsys, "demo", "--out", str(out_dir))
    assert code == 0, err
    assert (out_dir / "report.md").is_file()
    assert f"Report written to {out_dir / 'report.md'}" in out
    assert (out_dir / "documents_per_outlet.csv").is_file() and (out_dir / "comparison.html").is_file()
    prov = json.loads((out_dir / "provenance.json").read_text(encoding="utf-8"))
    assert prov["framing"] == __version__ and prov["corpus"]["name"] == "demo"
    assert [f["name"] for f in prov["corpus"]["files"]] == ["events_a.jsonl", "events_b.jsonl"]


@pytest.fixture()
def demo_parquet(tmp_path):
    return framing.load_demo().to_parquet(tmp_path / "demo.parquet")


def _selected(capsys, monkeypatch, path, *options):
    """The corpus framing report would annotate, with these options (the report itself is not run)."""
    seen = {}

    def report(corpus, args, *, by, title, **_):
        seen["corpus"] = corpus
        return 0

    monkeypatch.setattr(cli, "_report", report)
    code, out, err = _run(capsys, "report", str(path), "--format", "parquet", *options)
    return code, out, err, seen.get("corpus")


def test_cli_report_selects_outlets_dates_and_events(capsys, monkeypatch, demo_parquet):
    demo = framing.load_demo().docs
    code, out, err, c = _selected(capsys, monkeypatch, demo_parquet, "--outlet", "global_wire",
                                  "--outlet", "svobodny_golos", "--since", "2025-11-10", "--until", "2025-11-20")
    assert code == 0, err
    d = demo[demo["outlet"].isin(["global_wire", "svobodny_golos"])]
    # --until is a whole day: documents of 20 November are kept
    d = d[(d["published"] >= "2025-11-10") & (d["published"] < "2025-11-21")]
    assert 0 < len(d) < len(demo) and sorted(c.docs["doc_id"]) == sorted(d["doc_id"])
    assert f"{len(d)} of {len(demo)} documents selected" in out
    # a time makes --until a moment
    code, out, err, c = _selected(capsys, monkeypatch, demo_parquet, "--until", "2025-11-20T00:00")
    assert code == 0 and (c.docs["published"] < "2025-11-20").all()
    assert len(c) == (demo["published"] < "2025-11-20").sum()
    code, out, err, c = _selected(capsys, monkeypatch, demo_parquet, "--event", "e07", "--event", "e03")
    assert code == 0 and sorted(c.docs["doc_id"]) == sorted(demo.loc[demo["event"].isin(["e07", "e03"]), "doc_id"])


@pytest.mark.parametrize("options, says", [
    (["--outlet", "nowhere"], "--outlet ['nowhere']: no such outlet"),
    (["--event", "e99"], "--event ['e99']: no such event"),
    (["--since", "2030-01-01"], "no document matches --since="),
    (["--since", "last week"], "'last week' is not a date"),
])
def test_cli_report_selection_errors_are_one_line(capsys, monkeypatch, demo_parquet, options, says):
    code, out, err, c = _selected(capsys, monkeypatch, demo_parquet, *options)
    assert code == 2 and c is None
    _assert_one_error_line(err)
    assert says in err


def test_cli_report_event_needs_an_event_column(capsys, monkeypatch, tmp_path):
    path = framing.load_demo().docs.drop(columns=["event"]).pipe(framing.Corpus.from_frame).to_parquet(
        tmp_path / "c.parquet")
    code, out, err, c = _selected(capsys, monkeypatch, path, "--event", "e01")
    assert code == 2
    _assert_one_error_line(err)
    assert "--event= needs an 'event_id' or 'event' column" in err


# --- framing cache verify | clear -------------------------------------------------------

def _cached(tmp_path):
    import pandas as pd
    texts = [f"Документ {i}. Дмитрий Песков заявил журналистам, что встреча состоится." for i in range(4)]
    corpus = framing.Corpus.from_frame(pd.DataFrame({"text": texts, "lang": "ru"}))
    framing.annotate(corpus, layers=("lemma",), cache=tmp_path, progress=False, batch_chars=1000)
    return sorted((tmp_path / "annotate").glob("*/tokens-*.parquet"))


def test_cli_cache_verify_reports_and_quarantines_damage(capsys, tmp_path):
    parts = _cached(tmp_path)
    code, out, err = _run(capsys, "cache", "verify", "--cache", str(tmp_path))
    assert code == 0 and err == "", err
    assert f"parts checked: {len(parts)}, failed: 0, quarantined: 0" in out
    parts[0].write_bytes(parts[0].read_bytes()[:50])                    # truncated
    code, out, err = _run(capsys, "cache", "verify", "--cache", str(tmp_path))
    assert code == cli.DAMAGE_FOUND == 3
    assert f"parts checked: {len(parts)}, failed: 1, quarantined: 1" in out and "damaged: cache part" in out
    assert "parts held in quarantine: 1" in out and not parts[0].exists()
    code, out, _ = _run(capsys, "cache", "verify", "--cache", str(tmp_path))
    assert code == 0 and f"parts checked: {len(parts) - 1}, failed: 0" in out


def test_cli_cache_verify_missing_folder_is_one_error_line(capsys, tmp_path):
    code, out, err = _run(capsys, "cache", "verify", "--cache", str(tmp_path / "nope"))
    assert code == 2 and out == ""
    _assert_one_error_line(err)
    assert "no such folder" in err


def test_cli_cache_clear_asks_for_yes(capsys, tmp_path, monkeypatch):
    _cached(tmp_path)
    monkeypatch.setattr(sys, "stdin", io.StringIO())                # not a terminal: no question
    code, out, err = _run(capsys, "cache", "clear", "--cache", str(tmp_path))
    assert code == 2
    _assert_one_error_line(err)
    assert "pass --yes" in err and list((tmp_path / "annotate").rglob("*.parquet"))
    code, out, err = _run(capsys, "cache", "clear", "--cache", str(tmp_path), "--yes")
    assert code == 0 and out.startswith("deleted ") and not (tmp_path / "annotate").exists()
    code, out, err = _run(capsys, "cache", "clear", "--cache", str(tmp_path), "--yes")
    assert code == 0 and "nothing to delete" in out
