"""framing paper: the reproducible-paper notebook run twice gives byte-identical tables, figures and
provenance (but its time); parameters are injected, checked and recorded."""

from __future__ import annotations

import json

import pytest

from framing import cli
from framing._version import __version__
from framing.report.paper import parse_value, template_path

from conftest import ROOT


def _files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.parent.name in ("tables", "figures")}


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_report_paper_twice_byte_identical(tmp_path, capsys):
    runs = []
    for name in ("a", "b"):
        assert cli.main(["paper", "--out", str(tmp_path / name)]) == 0
        runs.append(tmp_path / name)
    out = capsys.readouterr().out
    a, b = (_files(r) for r in runs)
    assert sorted(a) == ["figures/figure1_volume.pdf", "figures/figure1_volume.png",
                         "figures/figure2_verb_classes.pdf", "figures/figure2_verb_classes.png",
                         "figures/figure3_epithet_polarity.pdf", "figures/figure3_epithet_polarity.png",
                         "tables/table1_corpus.csv", "tables/table1_corpus.tex",
                         "tables/table2_distancing.csv", "tables/table2_distancing.tex",
                         "tables/table3_evaluative.csv", "tables/table3_evaluative.tex"]
    assert a == b
    pa, pb = (json.loads((r / "provenance.json").read_text(encoding="utf-8")) for r in runs)
    assert pa.pop("created") and pb.pop("created")
    assert pa == pb
    assert pa["framing"] == __version__
    demo = ROOT / "corpora" / "demo" / "documents"
    import hashlib

    assert [(f["name"], f["sha256"]) for f in pa["corpus"]["files"]] == [
        (p.name, hashlib.sha256(p.read_bytes()).hexdigest()) for p in sorted(demo.glob("*.jsonl"))]
    assert pa["seed"] == 0 and pa["params"]["corpus"] == "demo"
    assert '"framing": "' + __version__ in out          # the provenance is printed
    assert "\\toprule" in (runs[0] / "tables" / "table2_distancing.tex").read_text(encoding="utf-8")
    ran = (runs[0] / "paper.py").read_text(encoding="utf-8")
    assert 'tags=["injected-parameters"]' in ran


@pytest.mark.timeout(300)
def test_report_paper_parameters_select_and_are_recorded(tmp_path, capsys):
    out = tmp_path / "p"
    code = cli.main(["paper", "--out", str(out), "-p", "outlets", '["vestnik_agency", "svobodny_golos"]',
                     "-p", "seed", "3", "-p", "since", "2025-11-10"])
    assert code == 0, capsys.readouterr().err
    prov = json.loads((out / "provenance.json").read_text(encoding="utf-8"))
    assert prov["seed"] == 3 and prov["params"]["outlets"] == ["vestnik_agency", "svobodny_golos"]
    assert prov["params"]["since"] == "2025-11-10"
    table = (out / "tables" / "table2_distancing.csv").read_text(encoding="utf-8")
    assert "vestnik_agency" in table and "global_wire" not in table


def test_report_paper_unknown_parameter_is_one_line(tmp_path, capsys):
    code = cli.main(["paper", "--out", str(tmp_path / "x"), "-p", "colour", "red"])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1
    assert "-p colour: not a parameter of paper.py" in err and "outlets" in err


def test_report_paper_template_needs_a_parameters_cell(tmp_path, capsys):
    t = tmp_path / "mine.py"
    t.write_text("# %%\nx = 1\n", encoding="utf-8")
    code = cli.main(["paper", "--out", str(tmp_path / "x"), "--template", str(t)])
    assert code == 2 and "no code cell is tagged 'parameters'" in capsys.readouterr().err


def test_report_paper_values_and_template():
    assert parse_value("3") == 3 and parse_value("null") is None and parse_value('["a"]') == ["a"]
    assert parse_value("news/*.jsonl") == "news/*.jsonl"
    assert template_path() == ROOT / "notebooks" / "paper" / "paper.py"
