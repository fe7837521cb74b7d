"""Notebook display of result objects (framing/_display.py)."""

from __future__ import annotations

from html.parser import HTMLParser

import pandas as pd
import pytest

from framing._display import HEAD_ROWS, frames_html, result_repr, shows_tables
from framing.compare.events import EventGroups
from framing.measures.actors import Actors
from framing.measures.naming import Naming
from framing.measures.sources import Sources

EVIL = "<script>alert('x')</script>"


class _Balance(HTMLParser):
    VOID = {"br", "hr", "img", "meta", "link", "input"}

    def __init__(self):
        super().__init__()
        self.stack, self.bad, self.tags = [], 0, []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()
        else:
            self.bad += 1


def _table(n, cols=("outlet", "value")):
    return pd.DataFrame({c: ([EVIL] * n if i == 0 else list(range(n))) for i, c in enumerate(cols)})


def _results():
    return {
        Actors: Actors(mentions=_table(12, ("outlet", "start", "end")), table=_table(3)),
        Sources: Sources(voice=_table(7), speaker_types=_table(0), verb_classes=_table(2), distancing=_table(1)),
        Naming: Naming(forms=_table(9), mentions=_table(4), contested=_table(0), contested_hits=_table(1),
                       distinctive=_table(2, ("outlet", "value", "z"))),
        EventGroups: EventGroups(corpus=None, events=_table(6, ("event", "n_docs", "n_outlets"))),
    }


@pytest.mark.parametrize("cls", [Actors, Sources, Naming, EventGroups])
def test_display_named_tuples_show_tables_and_sizes(cls):
    res = _results()[cls]
    html = res._repr_html_()
    text = repr(res)
    assert text.startswith(f"<{cls.__name__}: ") and "\n" not in text and len(text) < 400
    p = _Balance()
    p.feed(html)
    p.close()
    assert p.bad == 0 and p.stack == [], cls
    assert cls.__name__ in html
    for name, value in res._asdict().items():
        assert f"<code>{name}</code>" in html
        if isinstance(value, pd.DataFrame):
            size = f"{value.shape[0]:,} × {value.shape[1]:,}"
            assert f"{name} {size}" in text
            assert f"{size} rows × columns" in html
    # the text is escaped: never a live tag
    assert "<script>" not in html and "&lt;script&gt;" in html
    # a head, not the whole table
    biggest = max((v for v in res if isinstance(v, pd.DataFrame)), key=len)
    if len(biggest) > HEAD_ROWS:
        assert f"first {HEAD_ROWS} of {len(biggest):,} rows" in html
        assert html.count("&lt;script&gt;") <= HEAD_ROWS * len(res)


@pytest.mark.parametrize("cls", [Actors, Sources, Naming, EventGroups])
def test_display_named_tuples_stay_tuples(cls):
    res = _results()[cls]
    assert isinstance(res, tuple)
    parts = tuple(res)
    a, *rest = res
    assert a is parts[0] and len(rest) == len(cls._fields) - 1
    other = res._replace(**{cls._fields[-1]: None})
    assert type(other) is cls and other[-1] is None and other[0] is parts[0]
    assert cls._make(parts)._asdict().keys() == res._asdict().keys()


def test_display_field_names_and_columns_are_escaped():
    @shows_tables
    class Odd(tuple):  # any object with _asdict works
        def _asdict(self):
            return {"t<b>": pd.DataFrame({EVIL: [1]}), "note": EVIL}

    html = Odd()._repr_html_()
    assert "<script>" not in html and "<b>" not in html.replace("<b>Odd</b>", "")
    assert "t&lt;b&gt;" in html
    assert result_repr(Odd()).startswith("<Odd: t<b> 1 × 1, note ")


def test_display_nested_object_with_html():
    from framing.corpus import Corpus

    corpus = Corpus.from_frame(pd.DataFrame({"doc_id": ["a", "b"], "text": [EVIL, "x"], "outlet": [EVIL, "o"],
                                             "lang": ["en", "en"]}))
    res = EventGroups(corpus=corpus, events=_table(2))
    html = res._repr_html_()
    assert "<script>" not in html
    assert "<b>Corpus</b>" in html and "<code>docs</code>" in html and "2 × " in html
    assert repr(res).startswith("<EventGroups: corpus <Corpus: 2 documents")
    corpus_html = corpus._repr_html_()
    assert "<code>docs</code>" in corpus_html and "<code>problems</code>" in corpus_html


def test_display_frames_html_collapsed_and_empty():
    html = frames_html({"empty": pd.DataFrame({"a": []}), "s": pd.Series([1, 2, 3], name="n")})
    assert "<details open>" not in html
    assert "0 × 1 rows × columns" in html and "(empty)" in html
    assert "<code>s</code> <span class='size'>3 rows</span>" in html


def test_display_annotated_lists_its_tables():
    from framing.annotate.annotated import Annotated

    conllu = ("# newdoc id = d1\n# text = Иван пришёл.\n"
              "1\tИван\tИван\tPROPN\t_\t_\t2\tnsubj\t_\tNER=B-PER\n"
              "2\tпришёл\tприйти\tVERB\t_\t_\t0\troot\t_\tSpaceAfter=No\n"
              "3\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_\n\n")
    ann = Annotated.from_conllu(conllu)
    html = ann._repr_html_()
    for name in ("tokens", "entities", "capabilities"):
        assert f"<code>{name}</code>" in html
    assert f"{len(ann.tokens)} × {ann.tokens.shape[1]} rows × columns" in html


def test_display_comparison_lists_its_tables():
    from test_compare_comparison import _compare

    _, comp = _compare()
    html = comp._repr_html_()
    assert "<th>alpha</th>" in html                      # the side-by-side view stays first
    for name, table in comp._tables().items():
        if isinstance(table, pd.DataFrame):
            assert f"<code>{name}</code> <span class='size'>{len(table):,} × {table.shape[1]:,}" in html
    assert html.index("side") < html.index("<code>coverage</code>")
