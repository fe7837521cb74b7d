"""framing.publish: interval formatting, booktabs LaTeX, Markdown, deterministic figure and table files."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import framing
from framing._errors import OptionError, SchemaError
from framing.publish import format_interval, format_p, save_figure, save_table


def test_publish_format_interval_and_p():
    assert format_interval(0.4123, 0.351, 0.4689) == "0.41 [0.35, 0.47]"
    assert format_interval(0.4123, np.nan, 0.5) == "0.41"
    assert format_interval(None) == "–"
    assert format_interval(1 / 3, 0.1, 0.5, digits=3) == "0.333 [0.100, 0.500]"
    assert (format_p(0.04), format_p(1e-9), format_p(np.nan)) == ("0.040", "< 0.001", "–")


def test_publish_to_latex_booktabs_escapes_and_merges_intervals():
    t = pd.DataFrame({"outlet": ["a_b & c", "50%"], "precision": [0.9, 0.5], "precision_low": [0.8, 0.3],
                      "precision_high": [0.95, 0.7], "n": [10.0, 4.0], "p_value": [0.2, 0.0001]})
    tex = framing.to_latex(t, caption="Precision", label="tab:p")
    lines = tex.splitlines()
    assert lines[:4] == ["\\begin{table}", "\\centering", "\\caption{Precision}", "\\label{tab:p}"]
    assert "\\begin{tabular}{lrrr}" in lines and lines.count("\\toprule") == 1 and "\\bottomrule" in lines
    assert "outlet & precision & n & p\\_value \\\\" in lines
    assert "a\\_b \\& c & 0.90 [0.80, 0.95] & 10 & 0.200 \\\\" in lines
    assert "50\\% & 0.50 [0.30, 0.70] & 4 & < 0.001 \\\\" in lines
    assert "|" not in tex


def test_publish_explicit_intervals_and_missing_columns():
    t = pd.DataFrame({"est": [0.5], "lo": [0.4], "hi": [0.6]})
    assert "0.50 [0.40, 0.60]" in framing.to_markdown(t, intervals={"est": ("lo", "hi")})
    with pytest.raises(SchemaError):
        framing.to_latex(t, intervals={"est": ("lo", "nope")})
    with pytest.raises(OptionError):
        framing.to_latex([1, 2])


def test_publish_to_markdown_pipe_table():
    md = framing.to_markdown(pd.DataFrame({"a|b": ["x|y"], "rate": [0.5], "ci_low": [0.4], "ci_high": [0.6]}))
    assert md.splitlines() == ["| a\\|b | rate |", "|---|---:|", "| x\\|y | 0.50 [0.40, 0.60] |"]


def test_publish_save_table_and_figure_are_byte_identical_across_draws(tmp_path):
    t = pd.DataFrame({"outlet": ["a", "b"], "rate": [0.1, 0.2], "ci_low": [0.0, 0.1], "ci_high": [0.2, 0.3]})
    paths = save_table(t, tmp_path, "t1", caption="x")
    assert pd.read_csv(paths["csv"]).equals(t)
    assert "\\label{tab:t1}" in paths["tex"].read_text(encoding="utf-8")
    docs = framing.load_demo().docs
    first = {k: p.read_bytes() for k, p in save_figure(framing.plot.volume(framing.volume(docs)), tmp_path, "f",
                                                         formats=("pdf", "png", "svg")).items()}
    again = save_figure(framing.plot.volume(framing.volume(docs)), tmp_path, "f", formats=("pdf", "png", "svg"))
    assert {k: p.read_bytes() for k, p in again.items()} == first
    assert b"CreationDate" not in first["pdf"]
    with pytest.raises(OptionError, match="not supported"):
        save_figure(framing.plot.volume(framing.volume(docs)), tmp_path, "f", formats=("gif",))
    import matplotlib.pyplot as plt

    plt.close("all")
