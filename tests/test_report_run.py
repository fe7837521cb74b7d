"""The report (framing/report/run.py): spreadsheet-safe CSVs (framing/_csv.py) end to end."""

from __future__ import annotations

import csv

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from framing._csv import FORMULA_START, restore, spreadsheet_safe, write_csv  # noqa: E402

HOSTILE = '=HYPERLINK("http://example.invalid/x","click")'


def test_csv_spreadsheet_safe_rule():
    t = pd.DataFrame({"outlet": ["=1+2", "+7", "-x", "@SUM(A1)", "\tz", "\rq", "plain", None, "-1"],
                      "value": [-0.5, 1.0, -2.0, 3.0, 4.0, 5.0, 6.0, 7.0, -1.0],
                      "n": [-1, 2, 3, 4, 5, 6, 7, 8, 9],
                      "mixed": ["=a", -3, 2.5, "b", None, "c", "d", "e", "f"]})
    safe = spreadsheet_safe(t)
    assert safe["outlet"].tolist()[:7] == ["'=1+2", "'+7", "'-x", "'@SUM(A1)", "'\tz", "'\rq", "plain"]
    assert pd.isna(safe["outlet"].iloc[7])
    assert safe["outlet"].iloc[8] == "'-1"           # a number-like *string* is text: quoted
    assert safe["value"].dtype == t["value"].dtype   # numbers stay numbers, negative ones too
    assert safe["value"].tolist() == t["value"].tolist()
    assert safe["n"].tolist() == t["n"].tolist()
    assert safe["mixed"].tolist()[:4] == ["'=a", -3, 2.5, "b"]
    assert t["outlet"].iloc[0] == "=1+2"             # the input is unchanged
    assert restore(safe).equals(t)


def test_csv_spreadsheet_safe_column_names_and_categories():
    t = pd.DataFrame({"=evil": pd.Categorical(["-a", "b"]), "ok": [1, 2]})
    safe = spreadsheet_safe(t)
    assert list(safe.columns) == ["'=evil", "ok"]
    assert safe["'=evil"].tolist() == ["'-a", "b"]


def test_csv_write_csv_reads_back_numeric(tmp_path):
    t = pd.DataFrame({"outlet": [HOSTILE, "b"], "rate": [-0.25, 0.5]})
    path = write_csv(t, tmp_path / "t.csv")
    back = pd.read_csv(path)
    assert back["outlet"].tolist() == ["'" + HOSTILE, "b"]
    assert back["rate"].tolist() == [-0.25, 0.5]
    assert not list(tmp_path.glob(".*.tmp"))


def _unsafe_cells(path):
    """Every cell (header included) of a CSV that a spreadsheet would read as a formula."""
    bad = []
    with open(path, newline="", encoding="utf-8") as fh:
        for i, row in enumerate(csv.reader(fh)):
            for cell in row:
                if cell.startswith(FORMULA_START):
                    try:
                        float(cell)          # a number written by a numeric column
                    except ValueError:
                        bad.append((i, cell))
    return bad


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_report_run_csvs_are_spreadsheet_safe(tmp_path):
    import framing
    from framing.corpus import Corpus
    from framing.report.run import run_report

    docs = framing.load_demo().docs
    docs = docs[(docs["lang"] == "ru") & docs["outlet"].isin(["vestnik_agency", "svobodny_golos"])].copy()
    docs = docs.head(12)
    docs["outlet"] = docs["outlet"].replace({"vestnik_agency": HOSTILE})
    docs["title"] = ["-" + t if i % 2 else "@" + t for i, t in enumerate(docs["title"].fillna(""))]
    docs["event"] = docs["event"].astype(str).radd("+")
    corpus = Corpus.from_frame(docs.reset_index(drop=True))
    out = tmp_path / "out"
    run_report(corpus, out=out, title="hostile", n_jobs=1, cache=False)
    import json

    prov = json.loads((out / "provenance.json").read_text(encoding="utf-8"))
    assert prov["params"] == {"by": "outlet", "title": "hostile"} and prov["seed"] == {"comparison": 0}
    assert prov["corpus"]["documents"] == 12 and prov["framing"] == framing.__version__

    csvs = sorted(out.glob("*.csv"))
    names = {p.name for p in csvs}
    assert {"documents_per_outlet.csv", "documents_per_event.csv", "actors.csv",
            "comparison_summary.csv"} <= names
    seen_hostile = 0
    for p in csvs:
        assert _unsafe_cells(p) == [], p.name
        text = p.read_text(encoding="utf-8")
        seen_hostile += text.count("'=HYPERLINK(")
    assert seen_hostile >= 3          # the outlet reaches several tables, always quoted
    per_outlet = pd.read_csv(out / "documents_per_outlet.csv")
    assert "'" + HOSTILE in per_outlet["outlet"].tolist()
    assert pd.api.types.is_integer_dtype(per_outlet["documents"])
    per_event = pd.read_csv(out / "documents_per_event.csv")
    assert "'" + HOSTILE in per_event.columns           # outlet names are column names here
    assert per_event["event"].str.startswith("'+").all()
    summary = pd.read_csv(out / "comparison_summary.csv")
    assert pd.api.types.is_float_dtype(summary["value"])
    assert "'" + HOSTILE in summary[summary.columns[0]].tolist()
    assert (restore(per_outlet)["outlet"] == HOSTILE).sum() == 1
