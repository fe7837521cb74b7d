"""The one set of quotation marks and dashes (framing.lang.punct): the named subsets
are drawn from it, and the measures read it rather than copies of their own."""

from __future__ import annotations

import re
from pathlib import Path

from framing.lang import punct

ROOT = Path(__file__).resolve().parents[1]


def test_lang_punct_subsets_are_drawn_from_the_one_set():
    assert set(punct.CLOSING_ONLY_QUOTES) <= set(punct.CLOSING_QUOTES)
    assert not set(punct.CLOSING_ONLY_QUOTES) & set(punct.OPENING_QUOTES)
    assert punct.LONG_DASHES <= punct.DASHES and "-" not in punct.LONG_DASHES
    assert punct.DOUBLE_QUOTES <= punct.QUOTES and set(punct.SINGLE_QUOTES) <= punct.QUOTES


def test_lang_punct_no_literal_quote_sets_in_the_measures():
    # a string literal of two or more double quotation marks in code is a copy of the set;
    # quotes.py pairs each mark by its own rule, so it names them one by one
    rx = re.compile(r"""["'](?:\\?["«»„“”‟]){2,}["']""")
    found = []
    for f in sorted((ROOT / "framing" / "measures").rglob("*.py")):
        if f.name == "quotes.py":
            continue
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0].replace('"""', "")
            if rx.search(code):
                found.append(f"{f.relative_to(ROOT)}:{n}")
    assert found == []
