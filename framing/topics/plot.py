"""Figures of topic models; each reads a table made by :class:`~framing.topics.TopicModel` or :func:`~framing.search_k`.

=========================  ===========================================================
:func:`plot_prevalence`    topic share per outlet with intervals (``model.prevalence``)
:func:`plot_difference`    difference of topic shares between two outlets (``model.difference``)
:func:`plot_topic_time`    topic share over time per outlet (``model.prevalence(time=...)``)
:func:`plot_search_k`      held-out likelihood, coherence and exclusivity per K (``search_k``), as stm's ``plot.searchK``
=========================  ===========================================================

Every function returns its matplotlib Axes (or array of Axes) and changes no global style.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._errors import missing_columns
from ..plot import _axes, _style, group_colours

__all__ = ["plot_prevalence", "plot_difference", "plot_topic_time", "plot_search_k"]


def _need(table: pd.DataFrame, columns, name: str):
    absent = set(columns) - set(table.columns)
    if absent:
        raise missing_columns(name, absent)


def _group_column(table: pd.DataFrame) -> str:
    fixed = {"topic", "estimate", "ci_lower", "ci_upper"}
    others = [c for c in table.columns if c not in fixed and not pd.api.types.is_datetime64_any_dtype(table[c])]
    return others[0]


def plot_prevalence(table: pd.DataFrame, *, topics=None, ax=None):
    """Expected topic share per group with intervals: one row per topic, one marker per group.

    Parameters
    ----------
    table : pandas.DataFrame
        ``model.prevalence(by=...)`` (columns ``topic``, the group column, ``estimate``, ``ci_lower``, ``ci_upper``).
    topics : list, optional
        Topics to show (default all).
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import pandas as pd
    >>> from framing.topics.plot import plot_prevalence
    >>> t = pd.DataFrame({"topic": [1, 1, 2, 2], "outlet": ["A", "B", "A", "B"],
    ...                   "estimate": [.6, .3, .4, .7], "ci_lower": [.5, .2, .3, .6], "ci_upper": [.7, .4, .5, .8]})
    >>> plot_prevalence(t).get_xlabel()
    'expected topic proportion'
    """
    _need(table, ["topic", "estimate", "ci_lower", "ci_upper"], "the prevalence table")
    by = _group_column(table)
    if topics is not None:
        table = table[table["topic"].isin(topics)]
    topic_list = list(dict.fromkeys(table["topic"]))
    groups = list(dict.fromkeys(table[by]))
    ax = _axes(ax, size=(7.0, 0.45 * len(topic_list) * max(1, len(groups) / 3) + 1.2))
    colours = group_colours(groups)
    offsets = np.linspace(-0.3, 0.3, len(groups)) if len(groups) > 1 else [0.0]
    for off, g in zip(offsets, groups):
        sub = table[table[by] == g].set_index("topic").loc[topic_list]
        y = np.arange(len(topic_list)) + off
        colour, marker = colours[g]
        ax.errorbar(sub["estimate"], y, xerr=[sub["estimate"] - sub["ci_lower"], sub["ci_upper"] - sub["estimate"]],
                    fmt=marker, color=colour, ms=4, lw=1, capsize=0, label=str(g))
    ax.set_yticks(np.arange(len(topic_list)), [f"topic {t}" for t in topic_list])
    ax.invert_yaxis()
    ax.legend(fontsize=8, frameon=False, loc="best")
    _style(ax, title="Topic prevalence", xlabel="expected topic proportion")
    return ax


def plot_difference(table: pd.DataFrame, *, ax=None):
    """Difference of each topic's share between two groups with its interval (``model.difference(a, b)``).

    Examples
    --------
    >>> import pandas as pd
    >>> from framing.topics.plot import plot_difference
    >>> t = pd.DataFrame({"topic": [1, 2], "a": "A", "b": "B", "estimate": [.2, -.2],
    ...                   "ci_lower": [.1, -.3], "ci_upper": [.3, -.1]})
    >>> plot_difference(t).get_xlabel()
    'difference in topic proportion (A − B)'
    """
    _need(table, ["topic", "a", "b", "estimate", "ci_lower", "ci_upper"], "the difference table")
    ax = _axes(ax, size=(6.5, 0.35 * len(table) + 1.2))
    y = np.arange(len(table))
    sig = (table["ci_lower"] > 0) | (table["ci_upper"] < 0)
    colours = np.where(sig, "#0072B2", "#BBBBBB")
    for yi, (_, row), c in zip(y, table.iterrows(), colours):
        ax.plot([row["ci_lower"], row["ci_upper"]], [yi, yi], color=c, lw=1.2)
        ax.plot([row["estimate"]], [yi], "o", color=c, ms=4)
    ax.axvline(0, color="#666666", lw=0.8, ls="--")
    ax.set_yticks(y, [f"topic {t}" for t in table["topic"]])
    ax.invert_yaxis()
    a, b = table["a"].iloc[0], table["b"].iloc[0]
    _style(ax, title=f"{a} vs {b}", xlabel=f"difference in topic proportion ({a} − {b})")
    return ax


def plot_topic_time(table: pd.DataFrame, topic, *, ax=None):
    """One topic's expected share over time, a line and band per group (``model.prevalence(time=...)``).

    Examples
    --------
    >>> import pandas as pd
    >>> from framing.topics.plot import plot_topic_time
    >>> t = pd.DataFrame({"topic": 1, "outlet": ["A"] * 3, "published": pd.date_range("2024-01-01", periods=3),
    ...                   "estimate": [.2, .3, .4], "ci_lower": [.1, .2, .3], "ci_upper": [.3, .4, .5]})
    >>> plot_topic_time(t, 1).get_ylabel()
    'expected topic proportion'
    """
    _need(table, ["topic", "estimate", "ci_lower", "ci_upper"], "the prevalence table")
    times = [c for c in table.columns if pd.api.types.is_datetime64_any_dtype(table[c])]
    if not times:
        raise missing_columns("the prevalence table", ["<a time column>"],
                              hint="make it with model.prevalence(by, time='published').")
    time = times[0]
    by = _group_column(table)
    sub = table[table["topic"] == topic]
    ax = _axes(ax)
    groups = list(dict.fromkeys(sub[by]))
    colours = group_colours(groups)
    for g in groups:
        s = sub[sub[by] == g].sort_values(time)
        colour, _ = colours[g]
        ax.plot(s[time], s["estimate"], color=colour, lw=1.4, label=str(g))
        ax.fill_between(s[time], s["ci_lower"], s["ci_upper"], color=colour, alpha=0.15, lw=0)
    ax.legend(fontsize=8, frameon=False, loc="best")
    _style(ax, title=f"Topic {topic} over time", ylabel="expected topic proportion")
    return ax


def plot_search_k(table: pd.DataFrame, *, axes=None):
    """Held-out likelihood, semantic coherence, exclusivity and NPMI per K, one panel each (stm's ``plot.searchK``).

    Examples
    --------
    >>> import pandas as pd
    >>> from framing.topics.plot import plot_search_k
    >>> t = pd.DataFrame({"K": [5, 10], "method": "stm", "heldout": [-7.5, -7.4],
    ...                   "semantic_coherence": [-90, -100], "exclusivity": [9.0, 9.4], "c_npmi": [.1, .12]})
    >>> len(plot_search_k(t))
    4
    """
    _need(table, ["K", "heldout", "semantic_coherence", "exclusivity"], "the search_k table")
    panels = [("heldout", "held-out likelihood"), ("semantic_coherence", "semantic coherence"),
              ("exclusivity", "exclusivity"), ("c_npmi", "NPMI coherence")]
    panels = [p for p in panels if p[0] in table.columns]
    if axes is None:
        import matplotlib.pyplot as plt

        _, axes = plt.subplots(1, len(panels), figsize=(3.0 * len(panels), 3.0), layout="constrained")
    methods = list(dict.fromkeys(table["method"])) if "method" in table.columns else [None]
    colours = group_colours(methods)
    for ax, (col, label) in zip(np.atleast_1d(axes), panels):
        for mth in methods:
            s = table if mth is None else table[table["method"] == mth]
            s = s.sort_values("K")
            colour, marker = colours[mth]
            ax.plot(s["K"], s[col], marker=marker, color=colour, lw=1.2, label=mth)
        _style(ax, title=label, xlabel="number of topics")
    if methods != [None]:
        np.atleast_1d(axes)[0].legend(fontsize=8, frameon=False)
    return np.atleast_1d(axes)
