"""Validation workflow: sampling, coding sheets (CSV, HTML, gold), precision/recall reports, agreement.

The statistics are checked against published worked examples:

* Wilson score intervals: Newcombe (1998), Statistics in Medicine 17, 857–872,
  the four examples of his table (method 3, no continuity correction);
* Cohen's kappa: the two-rater yes/no example of Wikipedia's "Cohen's kappa"
  article (20 / 5 / 10 / 15 of 50, p_o = 0.70, p_e = 0.50, kappa = 0.40);
* Fleiss' kappa: the 10 subjects × 14 raters × 5 categories example of
  Wikipedia's "Fleiss' kappa" article (P-bar = 0.378, P_e = 0.213, kappa = 0.210);
* Krippendorff's alpha: the 4 observers × 12 units nominal example with
  missing values of Krippendorff (2011), "Computing Krippendorff's
  alpha-reliability", section C (alpha = 0.743).
"""

from __future__ import annotations

import csv
import json
import math
import re
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import framing
from conftest import CHROMIUM_ARGS, browser_or_skip
from framing._errors import OptionError, SchemaError
from framing.validation import (AGREEMENT_COLUMNS, PRECISION_COLUMNS, RECALL_COLUMNS, CodingSheet,
                                agreement, validation_report, validation_sample, wilson_interval)

NA = np.nan
# Krippendorff (2011), section C: rows are observers A–D, columns units 1–12; NA = not coded
KRIPPENDORFF_2011_C = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, NA, NA, NA],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, NA, 3],
    [NA, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, NA],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, NA],
]


@pytest.fixture(scope="module")
def demo():
    ann = framing.annotate(framing.load_demo(), progress=False)
    return ann, framing.epithets(ann)


def _coder_tables(matrix, field="code"):
    """One DataFrame per coder (row of the matrix) with item ids and values (empty = missing)."""
    out = []
    for row in matrix:
        vals = ["" if isinstance(v, float) and math.isnan(v) else str(int(v)) for v in row]
        out.append(pd.DataFrame({"item": [f"u{j + 1}" for j in range(len(row))], field: vals}))
    return out


def _alpha_by_hand(matrix, level):
    """Krippendorff's alpha from the coincidence matrix (Krippendorff 2011, sections C and E)."""
    data = np.array(matrix, dtype=float)
    values = np.unique(data[~np.isnan(data)])
    index = {v: i for i, v in enumerate(values)}
    o = np.zeros((len(values), len(values)))
    for j in range(data.shape[1]):
        col = data[~np.isnan(data[:, j]), j]
        m = len(col)
        if m < 2:
            continue
        for a in range(m):
            for b in range(m):
                if a != b:
                    o[index[col[a]], index[col[b]]] += 1 / (m - 1)
    n_c = o.sum(axis=1)
    n = n_c.sum()
    if level == "nominal":
        delta = 1 - np.eye(len(values))
    else:   # ordinal: (sum of n_g from c to k minus half the ends)^2
        delta = np.zeros((len(values), len(values)))
        for c in range(len(values)):
            for k in range(len(values)):
                lo, hi = min(c, k), max(c, k)
                delta[c, k] = (n_c[lo:hi + 1].sum() - (n_c[lo] + n_c[hi]) / 2) ** 2
    d_o = (o * delta).sum()
    d_e = (np.outer(n_c, n_c) * delta).sum() / (n - 1)
    return 1 - d_o / d_e


# --- published worked examples ---------------------------------------------------------

@pytest.mark.parametrize("k, n, low, high", [
    (81, 263, 0.2553, 0.3662),
    (15, 148, 0.0624, 0.1605),
    (0, 20, 0.0000, 0.1611),
    (1, 29, 0.0061, 0.1718),
])
def test_validation_wilson_matches_newcombe_1998(k, n, low, high):
    lo, hi = wilson_interval(k, n)
    assert round(lo, 4) == low and round(hi, 4) == high


def test_validation_wilson_empty_and_level():
    assert all(math.isnan(x) for x in wilson_interval(0, 0))
    lo90, hi90 = wilson_interval(81, 263, confidence=0.90)
    lo95, hi95 = wilson_interval(81, 263)
    assert lo95 < lo90 < 81 / 263 < hi90 < hi95


def test_validation_cohen_kappa_textbook_example():
    # 50 items: both yes 20, A yes / B no 5, A no / B yes 10, both no 15
    a = ["yes"] * 25 + ["no"] * 25
    b = ["yes"] * 20 + ["no"] * 5 + ["yes"] * 10 + ["no"] * 15
    items = [f"i{k}" for k in range(50)]
    res = agreement(pd.DataFrame({"item": items, "ok_x": a}), pd.DataFrame({"item": items, "ok_x": b}))
    assert list(res.columns) == AGREEMENT_COLUMNS
    row = res.iloc[0]
    assert row["percent_agreement"] == pytest.approx(0.70)
    assert row["cohen_kappa"] == pytest.approx(0.40)
    assert row["n_items"] == 50 and row["n_coders"] == 2


def test_validation_krippendorff_2011_nominal_example():
    res = agreement(*_coder_tables(KRIPPENDORFF_2011_C), fields=["code"], level="nominal")
    row = res.iloc[0]
    assert round(row["alpha"], 3) == 0.743                      # published value
    assert row["alpha"] == pytest.approx(_alpha_by_hand(KRIPPENDORFF_2011_C, "nominal"))
    assert row["n_coders"] == 4
    assert row["n_items"] == 11                                 # unit 12 has one value: not pairable
    assert row["n_pairable"] == 40
    assert math.isnan(row["cohen_kappa"])                       # kappa is for two coders
    # observed agreement: 34 of the 40 values' pairings agree (Krippendorff's o_cc sum / n)
    assert row["percent_agreement"] == pytest.approx(_pairwise_share(KRIPPENDORFF_2011_C))


def _pairwise_share(matrix):
    agree = total = 0
    data = np.array(matrix, dtype=float)
    for j in range(data.shape[1]):
        col = data[~np.isnan(data[:, j]), j]
        if len(col) < 2:
            continue
        for a in range(len(col)):
            for b in range(len(col)):
                if a != b:
                    total += 1
                    agree += col[a] == col[b]
    return agree / total


def test_validation_fleiss_kappa_textbook_example():
    # rows: subjects; columns: how many of the 14 raters chose category 1..5
    counts = [[0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
              [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7]]
    raters = [[] for _ in range(14)]
    for row in counts:
        labels = [cat + 1 for cat, k in enumerate(row) for _ in range(k)]
        for r in range(14):
            raters[r].append(labels[r])
    res = agreement(*_coder_tables(raters), fields=["code"]).iloc[0]
    assert round(res["fleiss_kappa"], 3) == 0.210
    assert res["percent_agreement"] == pytest.approx(0.378, abs=5e-4)      # Fleiss' P-bar
    assert math.isnan(agreement(*_coder_tables(raters), fields=["code"], level="ordinal").iloc[0]["fleiss_kappa"])


def test_validation_krippendorff_ordinal_matches_coincidence_matrix():
    res = agreement(*_coder_tables(KRIPPENDORFF_2011_C), fields=["code"], level="ordinal")
    assert res.iloc[0]["alpha"] == pytest.approx(_alpha_by_hand(KRIPPENDORFF_2011_C, "ordinal"))
    # ordinal credits near misses: higher than nominal on these data
    assert res.iloc[0]["alpha"] > agreement(*_coder_tables(KRIPPENDORFF_2011_C), fields=["code"]).iloc[0]["alpha"]


def test_validation_agreement_ordinal_kappa_is_linearly_weighted():
    a = pd.DataFrame({"item": list("abcdef"), "pol": ["-1", "0", "1", "1", "0", "-1"]})
    b = pd.DataFrame({"item": list("abcdef"), "pol": ["-1", "1", "1", "0", "0", "0"]})
    res = agreement(a, b, fields=["pol"], level="ordinal").iloc[0]
    # by hand: weights |i-j|/2 over categories -1,0,1; observed disagreement 3 pairs of distance 1
    x, y = np.array([-1, 0, 1, 1, 0, -1]), np.array([-1, 1, 1, 0, 0, 0])
    d_o = np.mean(np.abs(x - y)) / 2
    d_e = np.mean(np.abs(x[:, None] - y[None, :])) / 2
    assert res["cohen_kappa"] == pytest.approx(1 - d_o / d_e)
    ranked = agreement(a, b, fields=["pol"], level="ordinal", order=["-1", "0", "1"]).iloc[0]
    assert ranked["alpha"] == pytest.approx(res["alpha"])
    with pytest.raises(OptionError, match="order"):
        agreement(a.assign(pol=["neg", "neu", "pos", "pos", "neu", "neg"]),
                  b.assign(pol=["neg", "pos", "pos", "neu", "neu", "neu"]), fields=["pol"], level="ordinal")


def test_validation_agreement_reads_judgments_alike():
    a = pd.DataFrame({"item": list("abcd"), "ok_span": ["yes", "1", "нет", "na"]})
    b = pd.DataFrame({"item": list("abcd"), "ok_span": ["y", "так", "0", "n/a"]})
    res = agreement(a, b).iloc[0]
    assert res["percent_agreement"] == 1.0 and res["n_items"] == 4
    with pytest.raises(SchemaError, match="'ok_span'"):
        agreement(a, b.assign(ok_span=["y", "perhaps", "0", "n/a"]))


def test_validation_agreement_from_one_table_with_coder_column():
    long = pd.concat([t.assign(coder=name) for t, name in zip(_coder_tables(KRIPPENDORFF_2011_C), "ABCD")])
    res = agreement(long, fields=["code"])
    assert round(res.iloc[0]["alpha"], 3) == 0.743
    with pytest.raises(OptionError, match="two or more"):
        agreement(long[long["coder"] == "A"], fields=["code"])
    with pytest.raises(SchemaError, match="repeated"):
        agreement(pd.concat([long[long.coder == "A"]] * 2).drop(columns="coder"), long[long.coder == "B"],
                  fields=["code"])


# --- sampling ---------------------------------------------------------------------------

def test_validation_sample_is_seeded_and_ignores_row_order(demo):
    ann, ep = demo
    a = validation_sample(ep, n=30, by="outlet", seed=3, ann=ann)
    b = validation_sample(ep.sample(frac=1, random_state=7), n=30, by="outlet", seed=3, ann=ann)
    c = validation_sample(ep, n=30, by="outlet", seed=4, ann=ann)
    assert list(a.table["item"]) == list(b.table["item"])
    assert list(a.table["item"]) != list(c.table["item"])
    assert a.table["item"].is_unique
    assert ep.equals(demo[1])                                        # input unchanged


def test_validation_sample_proportional_and_equal_allocation(demo):
    ann, ep = demo
    sizes = ep["outlet"].value_counts()
    prop = validation_sample(ep, n=50, by="outlet", seed=0, ann=ann)
    got = prop.table["outlet"].value_counts()
    expected = sizes * 50 / sizes.sum()
    assert got.sum() == 50
    assert all(abs(got.get(o, 0) - expected[o]) < 1 for o in sizes.index)     # largest remainder
    assert prop.table["weight"].nunique() == 1                                 # self-weighting
    assert prop.table["weight"].iloc[0] == pytest.approx(len(ep) / 50)
    eq = validation_sample(ep, n=35, by="outlet", seed=0, ann=ann, allocation="equal")
    assert set(eq.table["outlet"].value_counts()) == {5}
    w = eq.table.groupby("outlet")["weight"].first()
    assert all(w[o] == pytest.approx(sizes[o] / 5) for o in sizes.index)
    assert eq.params["strata"]["outlet=" + sizes.index[0]] == {"rows": int(sizes.iloc[0]), "sampled": 5}


def test_validation_sample_equal_allocation_gives_small_strata_all_rows(demo):
    ann, ep = demo
    small = pd.concat([ep[ep.kind == "title"], ep[ep.kind == "compound"]])
    n_compound = int((small.kind == "compound").sum())
    assert 0 < n_compound < 10
    sheet = validation_sample(small, n=20, by="kind", seed=0, ann=ann, allocation="equal")
    counts = sheet.table["kind"].value_counts()
    assert counts["compound"] == n_compound and counts["title"] == 20 - n_compound
    with pytest.warns(UserWarning, match="all are taken"):
        everything = validation_sample(small, n=10_000, seed=0, ann=ann)
    assert len(everything) == len(small)


def test_validation_sample_marks_the_span_in_its_sentence(demo):
    ann, ep = demo
    sheet = validation_sample(ep, n=25, seed=2, ann=ann, by=["outlet", "kind"])
    texts = dict(zip(ann.docs["doc_id"], ann.docs["text"]))
    sents = ann.sentences().set_index(["doc_id", "sent_id"])
    for r in sheet.table.itertuples():
        text = texts[r.doc_id]
        inner = r.sentence[r.sentence.index("⟦") + 1:r.sentence.index("⟧")]
        assert inner == text[r.start:r.end]
        assert r.sentence.replace("⟦", "").replace("⟧", "") == text[r.sent_start:r.sent_end].strip()
        assert r.sent_start <= sents.loc[(r.doc_id, r.sent_id), "start"]
        assert r.stratum == f"outlet={r.outlet}; kind={r.kind}"
        assert (r.ok_span, r.ok_actor, r.ok_kind, r.ok_evaluative, r.note, r.coder) == ("",) * 6


def test_validation_sample_other_measures(demo):
    ann, _ = demo
    att = validation_sample(framing.attributions(ann), n=12, by="outlet", seed=0, ann=ann)
    assert att.measure == "attributions" and att.fields == ["cue", "speaker", "actor", "content"]
    assert att.table["sentence"].str.contains("⟦cue: ").all()
    acts = framing.actors(ann)
    men = validation_sample(acts, n=12, seed=0, ann=ann)                # the Actors result itself
    assert men.measure == "actor_mentions" and men.fields == ["span", "type", "actor"]
    multi = acts.table.loc[acts.table["n_docs"] >= 2, "actor"]
    merges = validation_sample(acts.mentions[acts.mentions["actor"].isin(multi)], n=12, seed=0, ann=ann,
                               measure="actor_merges")
    assert merges.fields == ["actor"] and list(merges.table.filter(like="ok_").columns) == ["ok_actor"]
    nam = validation_sample(framing.naming(ann).mentions, n=12, seed=0, corpus=ann.corpus)
    assert nam.measure == "naming"
    for r in nam.table.itertuples():       # cut by punctuation (no annotation given), span inside
        assert "⟦" in r.sentence and r.sent_start <= r.start < r.end <= r.sent_end


def test_validation_sample_errors(demo):
    ann, ep = demo
    with pytest.raises(OptionError, match="ann="):
        validation_sample(ep, n=5)
    with pytest.raises(OptionError, match="fields"):
        validation_sample(ep, n=5, ann=ann, fields=["span", "colour"])
    with pytest.raises(SchemaError, match="by="):
        validation_sample(ep, n=5, ann=ann, by="channel")
    with pytest.raises(SchemaError, match="not in the annotation"):
        validation_sample(ep.assign(doc_id="nope"), n=5, ann=ann)
    with pytest.raises(SchemaError, match="past the end"):
        validation_sample(ep.assign(start=10**7, end=10**7 + 3), n=5, ann=ann)
    with pytest.raises(SchemaError, match="cannot tell"):
        validation_sample(pd.DataFrame({"doc_id": ["a"], "x": [1]}), n=5, ann=ann)
    with pytest.raises(OptionError, match="allocation"):
        validation_sample(ep, n=5, ann=ann, allocation="neyman")


# --- files ------------------------------------------------------------------------------

def test_validation_csv_is_spreadsheet_safe_and_reads_back(demo, tmp_path):
    ann, ep = demo
    sheet = validation_sample(ep, n=10, seed=0, ann=ann)
    table = sheet.table.copy()
    table["ok_span"] = "yes"
    table.loc[0, "note"] = "=HYPERLINK(\"http://x\")"
    table.loc[1, "note"] = "+1 -2"
    table.loc[2, "note"] = "@SUM(A1)"
    table.loc[3, "note"] = "\tTAB"
    coded = CodingSheet(table=table, measure=sheet.measure, fields=sheet.fields, params=sheet.params)
    path = coded.to_csv(tmp_path / "sheet.csv")
    with open(path, encoding="utf-8-sig", newline="") as fh:
        raw = list(csv.DictReader(fh))
    assert [raw[i]["note"][:2] for i in range(4)] == ["'=", "'+", "'@", "'\t"]
    def number(v):
        try:
            float(v)
            return True
        except ValueError:
            return False
    # only numbers (a negative polarity) may start with "-": text never starts a formula
    assert all(number(v) or not v.startswith(("=", "+", "-", "@", "\t", "\r")) for row in raw for v in row.values())
    back = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    from framing.validation import _read_coded
    df, _ = _read_coded(path)
    assert list(df["note"][:4]) == list(table["note"][:4])             # the apostrophe is removed again
    assert list(df["item"]) == list(back["item"])


def test_validation_negative_numbers_stay_numbers_in_csv(tmp_path):
    table = pd.DataFrame({"item": ["a", "b"], "doc_id": ["d", "d"], "polarity": [-0.5, 0.3], "ok_span": ["", ""]})
    CodingSheet(table=table, measure="x", fields=["span"]).to_csv(tmp_path / "n.csv")
    raw = (tmp_path / "n.csv").read_text(encoding="utf-8-sig")
    assert "\n" in raw and ",-0.5," in raw


def test_validation_gold_has_no_text(demo, tmp_path):
    ann, ep = demo
    sheet = validation_sample(ep, n=10, seed=0, ann=ann)
    gold = sheet.to_gold(tmp_path / "epithets.tsv")
    for col in ("sentence", "epithet", "epithet_lemma", "mention", "actor", "note"):
        assert col not in gold.columns
    for col in ("item", "doc_id", "outlet", "start", "end", "sent_start", "sent_end", "kind", "evaluative",
                "ok_span", "ok_actor", "ok_kind", "ok_evaluative", "coder", "weight", "stratum"):
        assert col in gold.columns
    texts = set(ep["epithet"]) | set(ep["mention"])
    written = (tmp_path / "epithets.tsv").read_text(encoding="utf-8")
    assert not any(t in written for t in texts if len(t) > 6)
    assert "note" in sheet.to_gold(notes=True).columns


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.scripts, self.radios, self.urls, self._in = [], [], [], [], None
        self.marks = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        for k in ("src", "href", "action", "srcset"):
            if k in a:
                self.urls.append(a[k])
        if tag == "script":
            self._in = a
            self.scripts.append([a, ""])
        if tag == "input" and a.get("type") == "radio":
            self.radios.append(a)
        if tag == "mark":
            self.marks += 1

    def handle_endtag(self, tag):
        if tag == "script":
            self._in = None

    def handle_data(self, data):
        if self._in is not None:
            self.scripts[-1][1] += data


def test_validation_html_page_is_self_contained_and_escaped(tmp_path):
    nasty = ("Он сказал: </script><script>alert('x')</script> & <b>жирный</b> "
             "«хитрый» Иванов.")
    docs = pd.DataFrame({"doc_id": ["d1"], "text": [nasty]})
    start = nasty.index("«хитрый»")
    table = pd.DataFrame({"doc_id": ["d1"], "outlet": ["<i>o</i>"], "start": [start],
                          "end": [start + len("«хитрый»")], "label": ["<img src=x onerror=alert(1)>"]})
    sheet = validation_sample(table, n=1, seed=0, corpus=docs, fields=["span", "label"])
    page = sheet.to_html()
    parser = _Page()
    parser.feed(page)
    assert parser.urls == []                                           # nothing loaded from anywhere
    assert "link" not in parser.tags and "iframe" not in parser.tags and "img" not in parser.tags
    assert len(parser.scripts) == 3 and all("src" not in a for a, _ in parser.scripts)
    assert "alert('x')" not in "".join(body for a, body in parser.scripts if not a.get("type"))
    assert "&lt;/script&gt;&lt;script&gt;" in page and "&lt;b&gt;" in page
    meta = json.loads(parser.scripts[0][1])
    rows = json.loads(parser.scripts[1][1])
    assert meta["fields"] == ["span", "label"] and rows[0]["doc_id"] == "d1"
    assert "sentence" not in rows[0] and "label" not in rows[0]           # the CSV it writes has no text
    assert len(parser.radios) == 2 * 3 and parser.marks == 1
    assert "http" not in page.replace("http://www.w3.org", "")
    path = sheet.to_html(tmp_path / "page.html")
    assert path.read_text(encoding="utf-8") == page


def test_validation_html_page_in_headless_chromium(demo, tmp_path):
    exe, sync_playwright = browser_or_skip("the coding page")
    ann, ep = demo
    sheet = validation_sample(ep, n=6, by="outlet", seed=5, ann=ann)
    path = sheet.to_html(tmp_path / "code.html")
    args = CHROMIUM_ARGS
    problems, requests = [], []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=exe, args=args)
        try:
            page = browser.new_page(accept_downloads=True)
            page.on("pageerror", lambda e: problems.append(str(e)))
            page.on("request", lambda r: requests.append(r.url))
            page.goto(Path(path).resolve().as_uri(), wait_until="load")
            assert page.evaluate("document.documentElement.getAttribute('data-ready')") == "1"
            page.fill("#coder", "tester")
            for i in range(len(sheet)):
                for f in sheet.fields:
                    value = "no" if (f == "kind" and i % 2) else "yes"
                    page.check(f'input[name="ok_{f}-{i}"][value="{value}"]')
            page.fill('input[name="note-0"]', "=1+1")
            assert page.inner_text("#progress").startswith(f"{len(sheet)} / {len(sheet)}")
            page.reload(wait_until="load")                       # the choices survive a reload
            assert page.inner_text("#progress").startswith(f"{len(sheet)} / {len(sheet)}")
            assert page.input_value("#coder") == "tester"
            with page.expect_download() as dl:
                page.click("#download")
            out = tmp_path / "coded.csv"
            dl.value.save_as(out)
        finally:
            browser.close()
    assert not problems, problems
    assert all(u.startswith(("file:", "data:", "blob:")) for u in requests), requests
    written = out.read_text(encoding="utf-8-sig")
    assert "'=1+1" in written and not re.search(r"'-\d", written)      # formulas neutralised, numbers kept
    assert "⟦" not in written and sheet.table["sentence"].iloc[0][:20] not in written      # no text
    rep = validation_report(out)
    kind = rep[(rep.field == "kind") & (rep.by == "all")].iloc[0]
    assert kind["n"] == len(sheet) and kind["correct"] == len(range(0, len(sheet), 2))
    assert rep[(rep.field == "span") & (rep.by == "all")].iloc[0]["precision"] == 1.0


# --- reports ----------------------------------------------------------------------------

def test_validation_round_trip_sample_code_report(demo, tmp_path):
    ann, ep = demo
    sheet = validation_sample(ep, n=40, by="outlet", seed=11, ann=ann)
    t = sheet.table.copy()
    rng = np.random.default_rng(0)
    span_ok = rng.random(len(t)) < 0.7
    t["ok_span"] = np.where(span_ok, "yes", "no")
    t["ok_actor"] = np.where(span_ok, "y", "na")                  # actor judged only for true spans
    t["ok_kind"] = np.where(t["kind"] == "title", "1", "0")
    t["ok_evaluative"] = "да"
    t["coder"] = "A"
    coded = CodingSheet(table=t, measure=sheet.measure, fields=sheet.fields, params=sheet.params)
    coded.to_csv(tmp_path / "coded.csv")
    coded.to_gold(tmp_path / "coded.tsv")
    for source in (t, tmp_path / "coded.csv", tmp_path / "coded.tsv"):
        rep = validation_report(source)
        assert list(rep.columns) == PRECISION_COLUMNS
        pooled = rep[rep.by == "all"].set_index("field")
        k = int(span_ok.sum())
        assert pooled.loc["span", "correct"] == k and pooled.loc["span", "n"] == 40
        assert pooled.loc["span", "precision"] == pytest.approx(k / 40)
        assert (pooled.loc["span", "ci_low"], pooled.loc["span", "ci_high"]) == pytest.approx(wilson_interval(k, 40))
        assert pooled.loc["actor", "n"] == k and pooled.loc["actor", "n_na"] == 40 - k
        assert pooled.loc["kind", "correct"] == int((t["kind"] == "title").sum())
        assert pooled.loc["evaluative", "precision"] == 1.0
        assert pooled.loc["row", "correct"] == int((span_ok & (t["kind"] == "title")).sum())
        per_outlet = rep[(rep.by == "outlet") & (rep.field == "span")]
        assert per_outlet["n"].sum() == 40 and set(per_outlet["group"]) == set(t["outlet"])
        per_kind = rep[(rep.by == "kind") & (rep.field == "kind")].set_index("group")
        assert per_kind.loc["title", "precision"] == 1.0
    agree = agreement(t, t.assign(ok_kind="1", coder="B"), fields=["ok_span", "ok_kind"])
    assert agree.set_index("field").loc["ok_span", "alpha"] == pytest.approx(1.0)
    assert agree.set_index("field").loc["ok_kind", "percent_agreement"] == pytest.approx(
        (t["kind"] == "title").mean())


def test_validation_report_weights_equal_allocation():
    # strata of 90 and 10 rows, 10 sampled from each: a row of A stands for 9, of B for 1
    t = pd.DataFrame({"item": [f"i{k}" for k in range(20)], "doc_id": "d", "outlet": ["A"] * 10 + ["B"] * 10,
                      "weight": [9.0] * 10 + [1.0] * 10, "ok_span": ["yes"] * 10 + ["no"] * 10})
    rep = validation_report(t).query("field == 'span'").set_index(["by", "group"])
    assert rep.loc[("all", "all"), "precision"] == pytest.approx(0.9)
    n_eff = 100 ** 2 / (10 * 81 + 10 * 1)
    assert rep.loc[("all", "all"), "n_eff"] == pytest.approx(n_eff)
    assert (rep.loc[("all", "all"), "ci_low"], rep.loc[("all", "all"), "ci_high"]) == pytest.approx(
        wilson_interval(0.9 * n_eff, n_eff))
    assert rep.loc[("outlet", "A"), "precision"] == 1.0 and rep.loc[("outlet", "B"), "precision"] == 0.0


def test_validation_report_counts_uncoded_and_rejects_bad_values(tmp_path):
    t = pd.DataFrame({"item": list("abcde"), "doc_id": "d", "ok_span": ["yes", "", None, "no", "n/a"]})
    with pytest.warns(UserWarning, match="2 uncoded"):
        rep = validation_report(t)
    row = rep[(rep.field == "span") & (rep.by == "all")].iloc[0]
    assert (row["n"], row["correct"], row["n_uncoded"], row["n_na"]) == (2, 1, 2, 1)
    t.loc[1, "ok_span"] = "maybe"
    t.to_csv(tmp_path / "bad.csv", index=False)
    with pytest.raises(SchemaError, match=r"bad\.csv, line 3, item b, column 'ok_span'"):
        validation_report(tmp_path / "bad.csv")
    with pytest.raises(SchemaError, match="ok_"):
        validation_report(t.drop(columns="ok_span"))
    with pytest.raises(SchemaError, match="ok_kind"):
        validation_report(t, fields=["kind"])
    with pytest.raises(OptionError, match="no file"):
        validation_report(tmp_path / "missing.csv")


def test_validation_report_with_truth_gives_recall_and_f1(tmp_path):
    pred = pd.DataFrame({"doc_id": ["d1", "d1", "d2", "d3", "d4"], "outlet": ["A", "A", "B", "A", "B"],
                         "start": [3, 20, 0, 5, 0], "end": [8, 25, 3, 9, 4]})
    # d1: gold [0,5) matched by [3,8), gold [10,15) missed, prediction [20,25) false;
    # d2: coded, no instance: its prediction is false; d3: [5,9) touches [9,12) only at the edge: no overlap;
    # d4 is not in the truth: not scored
    truth = pd.DataFrame({"doc_id": ["d1", "d1", "d2", "d3"], "start": [0, 10, None, 9], "end": [5, 15, None, 12]})
    truth.to_csv(tmp_path / "gold.tsv", sep="\t", index=False)
    for t in (truth, tmp_path / "gold.tsv"):
        rep = validation_report(pred, truth=t)
        assert list(rep.columns) == RECALL_COLUMNS
        pooled = rep[rep.by == "all"].iloc[0]
        assert (pooled["n_docs"], pooled["n_pred"], pooled["pred_matched"]) == (3, 4, 1)
        assert (pooled["n_gold"], pooled["gold_found"]) == (3, 1)
        p, r = 1 / 4, 1 / 3
        assert pooled["precision"] == pytest.approx(p) and pooled["recall"] == pytest.approx(r)
        assert pooled["f1"] == pytest.approx(2 * p * r / (p + r))
        assert (pooled["precision_low"], pooled["precision_high"]) == pytest.approx(wilson_interval(1, 4))
        assert (pooled["recall_low"], pooled["recall_high"]) == pytest.approx(wilson_interval(1, 3))
        assert 0 <= pooled["f1_low"] <= pooled["f1_high"] <= 1
        outlets = rep[rep.by == "outlet"].set_index("group")
        assert outlets.loc["A", "n_pred"] == 3 and outlets.loc["A", "n_gold"] == 3
        assert outlets.loc["B", "n_pred"] == 1 and outlets.loc["B", "precision"] == 0.0
    again = validation_report(pred, truth=truth)
    assert again.equals(validation_report(pred, truth=truth))                 # seeded bootstrap
    with pytest.raises(SchemaError, match="cue_start"):
        validation_report(pred, truth=truth, span=("cue_start", "cue_end"))


# --- the benchmark script -------------------------------------------------------------------

def test_validation_benchmark_reads_committed_sheets(tmp_path):
    import subprocess
    import sys

    script = Path(__file__).resolve().parents[1] / "benchmarks" / "validity.py"

    def run():
        out = subprocess.run([sys.executable, str(script), "--dir", str(tmp_path)], capture_output=True,
                             text=True, check=True)
        return out.stdout

    empty = run()
    assert empty.count("no coded sheet yet") == 4 and empty.count("no exhaustive gold yet") == 3
    sheet = pd.DataFrame({"source": "telegram_ru_2024", "item": [f"i{k}" for k in range(8)], "measure": "epithets",
                          "doc_id": "c/1", "outlet": ["A"] * 4 + ["B"] * 4, "weight": 3.0,
                          "start": range(0, 80, 10), "end": range(5, 85, 10), "kind": "title",
                          "ok_span": ["yes"] * 6 + ["no", ""], "coder": "A"})
    sheet.to_csv(tmp_path / "epithets.tsv", sep="\t", index=False)
    # the first coder's sheet is epithets.tsv; a second coder of the same items writes epithets.B.tsv
    sheet.assign(coder="B", ok_span=["yes"] * 5 + ["no"] * 3).to_csv(tmp_path / "epithets.B.tsv", sep="\t",
                                                                     index=False)
    text = run()
    lo, hi = wilson_interval(6, 7)
    line = next(ln for ln in text.splitlines() if ln.strip().startswith("span") and " all " in ln)
    assert "0.857" in line and f"[{lo:.2f}, {hi:.2f}]" in line and line.split()[-2] == "1"   # one uncoded
    assert "agreement between 2 coders" in text and text.count("no coded sheet yet") == 3
