"""The comparison page (framing/report/html.py) and the report's comparison section; a headless-browser check."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from conftest import CHROMIUM_ARGS, browser_or_skip  # noqa: E402
from framing.compare.comparison import Comparison, compare  # noqa: E402
from framing.report.html import Span, highlight, render_comparison  # noqa: E402

from test_compare_comparison import _ann, _tables  # noqa: E402

LAYERS = ("ep", "rv", "mk", "q", "ac")


class _Page(HTMLParser):
    """Element ids, data-refs targets, classes of spans, external resources, parse balance."""

    VOID = {"meta", "link", "img", "input", "br", "hr"}

    def __init__(self):
        super().__init__()
        self.ids, self.refs, self.span_classes, self.external, self.stack = [], [], [], [], []
        self.mismatched = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.append(a["id"])
        if "data-refs" in a:
            self.refs += a["data-refs"].split()
        if tag == "span":
            self.span_classes += (a.get("class") or "").split()
        for key in ("src", "href"):
            v = a.get(key) or ""
            if tag in ("script", "img", "link") and re.match(r"^(https?:)?//", v):
                self.external.append(v)
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()
        else:
            self.mismatched += 1


def _parse(html: str) -> _Page:
    p = _Page()
    p.feed(html)
    return p


def _comparison(**kw):
    ann = _ann()
    actors, epithets, forms, att = _tables(ann)
    return compare(ann, actors=actors, epithets=epithets, naming=forms, attributions=att, n_boot=100,
                   sources=SimpleNamespace(voice=pd.DataFrame(columns=["outlet", "actor", "share"]),
                                           distancing=pd.DataFrame()), **kw)


# --- highlighting ------------------------------------------------------------------

def test_report_html_highlight_escapes_and_nests():
    text = "a <b> & c"
    out = highlight(text, [Span(2, 5, "ep"), Span(0, 9, "s", {"id": "s0-1"}, rank=0)])
    assert out == '<span class="s" id="s0-1">a <span class="ep">&lt;b&gt;</span> &amp; c</span>'


def test_report_html_highlight_splits_crossing_spans():
    #            0123456789
    text = "one two three"
    out = highlight(text, [Span(0, 7, "s", {"id": "s1"}, rank=0), Span(4, 13, "q")])
    # the quote crosses the sentence end: it is closed and reopened, the id appears once
    assert out.count('id="s1"') == 1
    assert out.count('class="q"') == 2 and 'data-cont="1"' in out
    assert re.sub(r"<[^>]+>", "", out) == text
    p = _parse(out)
    assert p.mismatched == 0 and not p.stack


def test_report_html_highlight_ignores_bad_offsets():
    assert highlight("abc", [Span(-1, 2, "ep"), Span(2, 9, "ep"), Span(1, 1, "ep")]) == "abc"


# --- the page ----------------------------------------------------------------------

def test_report_html_page_structure(tmp_path):
    comp = _comparison()
    path = comp.to_html(tmp_path / "cmp.html", figures=False)
    html = path.read_text(encoding="utf-8")
    p = _parse(html)
    assert html.startswith("<!DOCTYPE html>") and p.mismatched == 0
    # the event reported by most outlets (A), one column per outlet
    assert html.count("<div class='col'>") == 3
    assert {f"d{i}" for i in range(3)} <= set(p.ids) and "d3" not in p.ids
    for cls in LAYERS:
        assert cls in p.span_classes, cls
    assert "ep-neg" in p.span_classes and "rv-neutral" in p.span_classes
    # every figure links to sentences that exist on the page
    assert p.refs and set(p.refs) <= set(p.ids)
    # standalone: inline style and script, nothing loaded from the network
    assert "<style>" in html and "<script>" in html and not p.external
    assert 'rel="icon" href="data:,"' in html


def test_report_html_page_of_another_event_and_links(tmp_path):
    comp = _comparison()
    html = render_comparison(comp, event="B", figures=False, links={"main": "cmp.html"})
    assert html.count("<div class='col'>") == 1 and "Песков заявил" in re.sub(r"<[^>]+>", "", html)
    assert "<nav class='sub'><a href='cmp.html'>main</a></nav>" in html
    with pytest.raises(Exception, match="no documents of event"):
        render_comparison(comp, event="Z", figures=False)


def test_report_html_page_embeds_figures(tmp_path):
    comp = _comparison()
    html = render_comparison(comp, figures=True)
    assert html.count("src='data:image/png;base64,") >= 4


def test_report_html_escapes_corpus_text():
    text = "<script>alert('x')</script> & \"Ковальчук\" заявил."
    docs = pd.DataFrame({"doc_id": ['d"1'], "outlet": ["<i>o</i>"], "published": [pd.NaT], "lang": ["ru"],
                         "title": ["<b>title</b>"], "text": [text], "url": ["javascript:alert(1)"], "tokens": [5]})
    sents = pd.DataFrame({"doc_id": ['d"1'], "sent_id": [1], "start": [0], "end": [len(text)]})
    ep = pd.DataFrame({"doc_id": ['d"1'], "outlet": ["<i>o</i>"], "sent_id": [1], "actor": ["<A>"],
                       "mention": ["x"], "epithet": ["script"], "epithet_lemma": ["<script>"], "kind": ["title"],
                       "polarity": [-0.5], "evaluative": [True], "start": [1], "end": [7]})
    comp = Comparison(by="outlet", docs=docs, sentences=sents, epithets=ep, notes=["<note>"])
    html = render_comparison(comp, figures=False)
    body = html.split("<body>", 1)[1].split("<script>\n", 1)[0]
    assert "<script>alert" not in body and "&lt;script&gt;alert" in re.sub(r"<[^>]+>", "", body)
    assert "<i>o</i>" not in body and "&lt;i&gt;o&lt;/i&gt;" in body
    assert "<b>title</b>" not in body and "&lt;note&gt;" in body
    assert "javascript:" not in re.findall(r"href='([^']*)'", body) and "href='javascript" not in body
    assert _parse(html).mismatched == 0


def test_report_html_section_writes_page_figures_tables(tmp_path):
    from framing.report.run import SECTIONS, section_comparison

    assert section_comparison in SECTIONS
    ann = _ann()
    actors, epithets, forms, att = _tables(ann)
    state = {"ann": ann, "out": tmp_path, "by": "outlet", "files": [], "actors": actors, "epithets": epithets,
             "naming": forms, "attributions": att,
             "sources": SimpleNamespace(voice=pd.DataFrame(columns=["outlet", "actor", "share"]),
                                        distancing=pd.DataFrame())}
    items = section_comparison(state)
    names = {p.name for p in tmp_path.iterdir()}
    assert {"comparison.html", "comparison_B.html", "comparison_summary.csv", "comparison_coverage.csv",
            "comparison_distancing.csv", "coverage.png", "verb_classes.png"} <= names
    assert "comparison_summary.csv" in state["files"]
    headings = [h for h, _ in items]
    assert headings[0] == "Comparison by outlet: headline figures"
    head = items[0][1]
    assert list(head["outlet"]) == ["alpha", "beta", "gamma"]
    assert head.set_index("outlet").loc["alpha", "distancing"].startswith("33%")
    main = (tmp_path / "comparison.html").read_text(encoding="utf-8")
    assert "comparison_B.html" in main and "data:image/png;base64," in main


# --- in a real browser ---------------------------------------------------------------

@pytest.mark.browser
def test_report_html_page_in_headless_chromium(tmp_path):
    exe, sync_playwright = browser_or_skip()
    comp = _comparison()
    path = comp.to_html(tmp_path / "cmp.html", figures=True)
    args = CHROMIUM_ARGS
    problems, requests = [], []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=exe, args=args)
        try:
            page = browser.new_page()
            page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}")
                    if m.type in ("error", "warning") else None)
            page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
            page.on("request", lambda r: requests.append(r.url))
            page.goto(Path(path).resolve().as_uri(), wait_until="load")
            assert page.evaluate("document.documentElement.getAttribute('data-ready')") == "1"
            counts = {c: page.locator(f"span.{c}").count() for c in LAYERS}
            assert all(n > 0 for n in counts.values()), counts
            # a figure highlights the sentences it was counted in
            link = page.locator("a[data-refs^='s']").first
            want = link.get_attribute("data-refs").split()
            link.click()
            got = page.evaluate("Array.from(document.querySelectorAll('.hl')).map(e => e.id)")
            assert got == want
            # a layer can be switched off
            # (the element's own click, not a pointer click: the highlight above scrolls the page,
            # and a pointer click could land while it moves)
            box = page.locator("input[data-layer='ep']")
            assert box.is_checked()
            box.evaluate("e => e.click()")
            assert not box.is_checked()
            assert page.evaluate("document.body.classList.contains('hide-ep')")
            assert page.locator("img").count() >= 4
            assert page.evaluate("Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)")
        finally:
            browser.close()
    assert not problems, problems
    assert all(u.startswith(("file:", "data:")) for u in requests), requests
