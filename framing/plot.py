"""Publication-quality figures of a comparison (matplotlib); every function returns its Axes.

=====================  =====================================================================
:func:`fightin_words`   distinctive vocabulary: frequency against z, top words labelled
                        (Monroe, Colaresi & Quinn 2008, figs. 1–4)
:func:`verb_class_heatmap`  outlet × reporting-verb class: share of the outlet's attributions
:func:`epithet_polarity`    mean epithet polarity per actor and outlet with bootstrap intervals
:func:`naming_forms`    naming forms of an actor (or of all actors) per outlet, stacked shares
:func:`coverage_timeline`   which outlet reported which event, and when
:func:`volume`          documents per outlet over time, events marked
:func:`paper_style`     print-ready settings (``with framing.plot.paper_style(): …``)
=====================  =====================================================================

The functions draw into ``ax`` when given, else into a new figure; they change
no global style (no ``rcParams``, no style sheets).  Categorical colours are
the colour-blind-safe palettes of Okabe & Ito (2008) and Tol (2021); the
heatmap uses *cividis* (Nuñez, Anderton & Renslow 2018).  The default font
(DejaVu Sans) has Cyrillic glyphs, so Russian and Ukrainian labels render.

References
----------
Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' words: Lexical
feature selection and evaluation for identifying the content of political
conflict. *Political Analysis* 16(4), 372–403.
Okabe, M., & Ito, K. (2008). Color Universal Design (CUD): How to make figures
and presentations that are friendly to colorblind people. J*FLY.
Tol, P. (2021). Colour schemes. SRON technical note SRON/EPS/TN/09-002.
Nuñez, J. R., Anderton, C. R., & Renslow, R. S. (2018). Optimizing colormaps
with consideration for color vision deficiency. *PLoS ONE* 13(7), e0199239.

Longer than 600 lines because one independent function per figure (about fifty lines
each) and the shared style they read; a figure can move to a module of its own without
touching the others.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._errors import OptionError, missing_columns
from ._options import InstanceOf, Interval, NoneOk, OneOf, check

__all__ = ["fightin_words", "verb_class_heatmap", "epithet_polarity", "naming_forms", "coverage_timeline",
           "volume", "paper_style", "OKABE_ITO", "TOL_MUTED"]

#: Okabe & Ito (2008), ordered so that the first colours are the most distinct on white
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000", "#F0E442"]
#: Tol (2021) "muted" qualitative scheme, for many categories (stacked bars)
TOL_MUTED = ["#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255",
             "#AA4499", "#DDDDDD"]
_MARKERS = ["o", "s", "^", "D", "v", "P", "X", "*"]
_FS = {"title": 12, "label": 10.5, "tick": 9.5, "note": 8.5}
_OVER, _UNDER, _GREY = "#D55E00", "#0072B2", "#BBBBBB"


# --- helpers --------------------------------------------------------------------

def _axes(ax, size=(7.0, 4.5)):
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, ax = plt.subplots(figsize=size, layout="constrained")
    return ax


def _style(ax, *, title=None, xlabel=None, ylabel=None):
    """Axes-local styling: readable fonts, no top/right spines."""
    if title:
        ax.set_title(title, fontsize=_FS["title"], loc="left")
    if xlabel is not None:
        ax.set_xlabel(xlabel, fontsize=_FS["label"])
    if ylabel is not None:
        ax.set_ylabel(ylabel, fontsize=_FS["label"])
    ax.tick_params(labelsize=_FS["tick"])
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def group_colours(groups) -> dict:
    """A stable colour (and marker) per group label, Okabe–Ito first."""
    return {g: (OKABE_ITO[i % len(OKABE_ITO)], _MARKERS[(i // len(OKABE_ITO)) % len(_MARKERS)])
            for i, g in enumerate(groups)}


def _renderer(ax):
    try:
        return ax.figure.canvas.get_renderer()
    except Exception:  # pragma: no cover - canvases without a renderer
        return None


def _declutter(ax, texts, *, max_shift: int = 4):
    """Move annotations that overlap earlier (more important) ones up or down; drop the rest."""
    r = _renderer(ax)
    if r is None:
        return
    placed = []
    for t in texts:
        x0, y0 = t.xyann
        step = t.get_fontsize() * 1.15
        ok = False
        for k in [0] + [s * i for i in range(1, max_shift + 1) for s in (1, -1)]:
            t.xyann = (x0, y0 + k * step)
            bb = t.get_window_extent(r).expanded(1.02, 1.05)
            if not any(bb.overlaps(p) for p in placed):
                ok = True
                break
        if ok:
            placed.append(bb)
        else:
            t.remove()


# --- Fightin' Words -------------------------------------------------------------

def fightin_words(keyness_table: pd.DataFrame, *, group: str, reference: str = "rest", ax=None,
                  n_labels: int = 15, z_crit: float = 1.96):
    """Distinctive words of a group: frequency against z, the most distinctive labelled.

    Parameters
    ----------
    keyness_table : pandas.DataFrame
        The output of :func:`framing.keyness` (columns ``group``, ``reference``,
        ``term``, ``count``, ``count_reference``, ``z``).
    group : str
        The group (outlet) whose words are shown.
    reference : str
        ``"rest"`` or another group of a ``pairwise=True`` table.
    ax : matplotlib.axes.Axes, optional
    n_labels : int
        Words labelled on each side (over- and under-used), most distinctive first;
        labels that would overlap are moved or left out.
    z_crit : float
        |z| from which a word is coloured (1.96: two-sided 5 % level, uncorrected).

    Returns
    -------
    matplotlib.axes.Axes
        Points are words: x the word's frequency in the group and its reference
        (log scale), y its z-score; words over-used by the group are orange,
        under-used blue, the rest grey.

    References
    ----------
    Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' words.
    *Political Analysis* 16(4), 372–403 (figures 1–4).

    Examples
    --------
    >>> import framing
    >>> ann = framing.annotate(framing.load_demo(), progress=False)
    >>> k = framing.keyness(ann, by="outlet")
    >>> ax = framing.plot.fightin_words(k, group="pervy_kanal_online")
    >>> ax.get_ylabel()
    'z-score (weighted log-odds, informative Dirichlet prior)'
    >>> "западный" in [t.get_text() for t in ax.texts]   # its most over-used word is labelled
    True
    """
    check("fightin_words", {"group": InstanceOf(str), "reference": InstanceOf(str),
                            "n_labels": Interval(0, None, integer=True), "z_crit": Interval(0, None)},
          group=group, reference=reference, n_labels=n_labels, z_crit=z_crit)
    need = {"group", "reference", "term", "count", "count_reference", "z"}
    missing = need - set(keyness_table.columns)
    if missing:
        raise missing_columns("fightin_words(): the keyness table", missing,
                              hint="Pass the output of framing.keyness().")
    k = keyness_table[(keyness_table["group"] == group) & (keyness_table["reference"] == reference)]
    if k.empty:
        pairs = keyness_table[["group", "reference"]].drop_duplicates().head(12).values.tolist()
        raise OptionError(f"fightin_words(): no rows for group={group!r}, reference={reference!r}; "
                          f"the table has (group, reference) pairs such as {pairs}.")
    k = k[np.isfinite(k["z"].to_numpy(dtype=float))]
    freq = (k["count"] + k["count_reference"]).to_numpy(dtype=float)
    z = k["z"].to_numpy(dtype=float)
    terms = k["term"].astype(str).to_numpy()
    ax = _axes(ax)
    over, under = z >= z_crit, z <= -z_crit
    rest = ~(over | under)
    ax.scatter(freq[rest], z[rest], s=8, c=_GREY, alpha=0.6, linewidths=0, label="not distinctive",
               rasterized=len(z) > 5000)
    ax.scatter(freq[over], z[over], s=14, c=_OVER, alpha=0.9, linewidths=0, label=f"over-used by {group}")
    ax.scatter(freq[under], z[under], s=14, c=_UNDER, alpha=0.9, linewidths=0, label=f"under-used by {group}")
    ax.set_xscale("log")
    for y in (z_crit, -z_crit):
        ax.axhline(y, color="#666666", lw=0.7, ls="--", zorder=0)
    ax.axhline(0, color="#999999", lw=0.5, zorder=0)
    zmax = float(np.abs(z).max()) if len(z) else 1.0
    texts = []
    for side in (over, under):
        idx = np.flatnonzero(side)
        idx = idx[np.argsort(-np.abs(z[idx]), kind="stable")][:n_labels]
        for i in idx:
            size = 7.5 + 4.5 * min(abs(z[i]) / max(zmax, 1e-9), 1.0)
            colour = _OVER if z[i] > 0 else _UNDER
            texts.append(ax.annotate(terms[i], (freq[i], z[i]), xytext=(4, 0), textcoords="offset points",
                                     fontsize=size, va="center", ha="left", color=colour,
                                     arrowprops={"arrowstyle": "-", "color": colour, "lw": 0.5,
                                                 "alpha": 0.6, "shrinkA": 0, "shrinkB": 2}))
    ax.margins(x=0.12, y=0.08)
    ref = "all other groups" if reference == "rest" else reference
    _style(ax, title=f"Distinctive words: {group} vs {ref}",
           xlabel="Frequency (group + reference, log scale)",
           ylabel="z-score (weighted log-odds, informative Dirichlet prior)")
    ax.legend(fontsize=_FS["note"], frameon=False, loc="lower left")
    texts.sort(key=lambda t: -abs(t.xy[1]))
    _declutter(ax, texts)
    return ax


# --- reporting verbs ------------------------------------------------------------

def _verb_class_cells(table: pd.DataFrame, *, by: str) -> pd.DataFrame:
    """The cells of the heatmap: ``<by>``, ``verb_class``, ``n``, ``share``, one row per group and class."""
    if by not in table.columns:
        raise missing_columns("The table", {by}, hint="Pass by= the group column it has.")
    if "verb_class" not in table.columns:
        raise missing_columns("The table", {"verb_class"},
                              hint="Pass framing.compare(ann).verb_classes (one row per group and verb class).")
    if "doc_id" in table.columns or table.duplicated([by, "verb_class"]).any():
        raise OptionError("verb_class_heatmap(): the table has several rows per group and verb class (one row "
                          "per attribution?); a figure draws a table, it does not count.  Pass "
                          "framing.compare(ann).verb_classes, or framing.compare.comparison.verb_class_table(att).")
    share = next((c for c in ("share", "rate") if c in table.columns), None)
    if share is None:
        raise missing_columns("The table", {"share"}, hint="Pass framing.compare(ann).verb_classes.")
    n = next((c for c in ("n", "count") if c in table.columns), None)
    t = table[table["verb_class"].notna()]
    return pd.DataFrame({by: t[by].to_numpy(), "verb_class": t["verb_class"].to_numpy(),
                         "n": t[n].to_numpy(dtype=float) if n else np.nan,
                         "share": t[share].to_numpy(dtype=float)})


def verb_class_heatmap(attributions_or_sources: pd.DataFrame, *, by: str = "outlet", ax=None):
    """Outlet × reporting-verb class: the share of each outlet's attributions.

    Parameters
    ----------
    attributions_or_sources : pandas.DataFrame
        One row per group and verb class: ``<by>``, ``verb_class``, ``share``
        (or ``rate``) and optionally ``n`` (or ``count``), e.g.
        ``framing.compare(ann).verb_classes`` or
        :func:`framing.compare.comparison.verb_class_table` of an attributions
        table.  The figure draws the table; it counts nothing itself (an
        attributions table, one row per attribution, is refused with that hint).
    by : str
        Group column (rows of the heatmap).
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
        One image (cividis, 0–max share) with each cell labelled by its share and
        count, and a colour bar.

    References
    ----------
    Bergler, S. (1992). *Evidential analysis of reported speech*. PhD thesis,
    Brandeis University (reporting verbs as evidential signals).

    Examples
    --------
    The reporting verbs of the seven outlets of the demo corpus on one event:

    >>> import framing
    >>> demo = framing.load_demo()
    >>> ann = framing.annotate(demo.filter(demo.docs["event"] == "e07"), progress=False)
    >>> from framing.compare.comparison import verb_class_table
    >>> ax = framing.plot.verb_class_heatmap(verb_class_table(framing.attributions(ann)))
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['global_wire', 'kyiv_vesti_ru', 'pervy_kanal_online', 'svobodny_golos', 'ukrainska_dumka',
     'vestnik_agency', 'world_service_ru']
    """
    check("verb_class_heatmap", {"by": InstanceOf(str)}, by=by)
    t = _verb_class_cells(attributions_or_sources, by=by)
    ax = _axes(ax, size=(7.0, 0.45 * max(t[by].nunique(), 3) + 1.8))
    if t.empty:
        ax.text(0.5, 0.5, "no attributions", ha="center", va="center", transform=ax.transAxes,
                fontsize=_FS["label"])
        ax.set_axis_off()
        return ax
    groups = sorted(t[by].astype(str).unique())
    share = t.pivot(index=by, columns="verb_class", values="share").reindex(index=groups).fillna(0.0)
    n = t.pivot(index=by, columns="verb_class", values="n").reindex(index=groups) if t["n"].notna().any() else None
    weight = (n if n is not None else share).fillna(0).to_numpy(dtype=float).sum(axis=0)   # most used on the left
    classes = share.columns[np.argsort(-weight, kind="stable")].tolist()
    share = share[classes]
    n = n[classes] if n is not None else None
    vals = share.to_numpy(dtype=float)
    vmax = max(float(vals.max()), 1e-9)
    im = ax.imshow(vals, cmap="cividis", vmin=0, vmax=vmax, aspect="auto", interpolation="nearest")
    for i in range(vals.shape[0]):
        for j in range(vals.shape[1]):
            v = vals[i, j]
            label = f"{v:.0%}"
            if n is not None and np.isfinite(n.iat[i, j]):
                label += f"\n({int(n.iat[i, j])})"
            ax.text(j, i, label, ha="center", va="center", fontsize=_FS["note"],
                    color="black" if v / vmax > 0.55 else "white")
    ax.set_xticks(range(len(classes)), [str(c) for c in classes], rotation=30, ha="right")
    ax.set_yticks(range(len(groups)), groups)
    cb = ax.figure.colorbar(im, ax=ax, fraction=0.04, pad=0.02)
    cb.set_label(f"share of the {by}'s attributions", fontsize=_FS["note"])
    cb.ax.tick_params(labelsize=_FS["note"])
    _style(ax, title="Reporting-verb classes", xlabel="verb class", ylabel=by)
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)
    return ax


# --- epithet polarity -----------------------------------------------------------

def epithet_polarity(polarity: pd.DataFrame, *, by: str = "outlet", actors=None, ax=None, ci: float = 0.95,
                     max_actors: int = 8):
    """Mean polarity of the epithets given to each actor, per outlet, with intervals.

    Parameters
    ----------
    polarity : pandas.DataFrame
        Mean polarities with their intervals, one row per group and actor
        (``<by>``, ``actor``, ``n``, ``mean``, ``ci_low``, ``ci_high``):
        ``framing.compare(ann).polarity`` or
        :func:`framing.compare.comparison.epithet_polarity_table` of an epithets
        table.  The figure draws the table; the bootstrap is the table's.
    by : str
        Group column.
    actors : list of str, optional
        Actors to show, top to bottom (default: the ``max_actors`` actors with the
        most epithets that have a polarity).
    ax : matplotlib.axes.Axes, optional
    ci : float
        The confidence level of the table's intervals (for the axis label).
    max_actors : int

    Returns
    -------
    matplotlib.axes.Axes
        One point per actor and outlet (mean polarity in [-1, 1]) with its
        horizontal percentile-bootstrap interval; documents are resampled
        (Efron & Tibshirani 1993), so an interval reflects how consistently
        the outlet's articles evaluate the actor.

    References
    ----------
    Efron, B., & Tibshirani, R. (1993). *An Introduction to the Bootstrap*. Chapman & Hall.

    Examples
    --------
    >>> import framing
    >>> from framing.compare.comparison import epithet_polarity_table
    >>> demo = framing.load_demo()
    >>> ann = framing.annotate(demo.filter(demo.docs["event"] == "e07"), progress=False)
    >>> table = epithet_polarity_table(framing.epithets(ann), n_boot=200, seed=0)
    >>> ax = framing.plot.epithet_polarity(table, actors=["Зеленский", "Путин"])
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['Зеленский', 'Путин']
    """
    check("epithet_polarity", {"by": InstanceOf(str), "max_actors": Interval(1, None, integer=True)},
          by=by, max_actors=max_actors)
    need = {by, "actor", "n", "mean", "ci_low", "ci_high"}
    if not need <= set(polarity.columns):
        hint = ("That looks like one row per epithet: a figure draws a table, it does not bootstrap.  Pass "
                "framing.compare(ann).polarity or framing.compare.comparison.epithet_polarity_table(epithets)."
                if "polarity" in polarity.columns else "Pass framing.compare(ann).polarity.")
        raise missing_columns("epithet_polarity(): the table", need - set(polarity.columns), hint=hint)
    t = polarity if actors is None else polarity[polarity["actor"].isin(list(actors))]
    if actors is None:
        top = t.groupby("actor")["n"].sum().sort_values(ascending=False, kind="stable")
        actors = top.index[:max_actors].tolist()
    else:
        actors = list(actors)
    t = t[t["actor"].isin(actors)]
    groups = sorted(t[by].astype(str).unique()) if len(t) else []
    ax = _axes(ax, size=(7.0, 0.55 * max(len(actors), 3) + 1.5))
    colours = group_colours(groups)
    k = max(len(groups), 1)
    width = 0.7
    for gi, g in enumerate(groups):
        sub = t[t[by].astype(str) == g].set_index("actor").reindex(actors)
        y = np.arange(len(actors)) + (gi - (k - 1) / 2) * (width / k)
        m = sub["mean"].to_numpy(dtype=float)
        lo = np.where(np.isfinite(sub["ci_low"].to_numpy(dtype=float)), m - sub["ci_low"].to_numpy(dtype=float), 0)
        hi = np.where(np.isfinite(sub["ci_high"].to_numpy(dtype=float)), sub["ci_high"].to_numpy(dtype=float) - m, 0)
        ok = np.isfinite(m)
        colour, marker = colours[g]
        ax.errorbar(m[ok], y[ok], xerr=np.vstack([lo[ok], hi[ok]]), fmt=marker, color=colour, ms=5.5,
                    elinewidth=1.3, capsize=2.5, label=g)
    ax.axvline(0, color="#888888", lw=0.8, zorder=0)
    ax.set_xlim(-1.05, 1.05)
    ax.set_yticks(range(len(actors)), actors)
    ax.set_ylim(len(actors) - 0.5, -0.5)
    _style(ax, title="Epithet polarity per actor",
           xlabel=f"mean polarity of epithets (−1 negative … +1 positive), {ci:.0%} bootstrap interval",
           ylabel=None)
    if groups:
        ax.legend(fontsize=_FS["note"], frameon=False, title=by, title_fontsize=_FS["note"],
                  loc="upper left", bbox_to_anchor=(1.0, 1.0))
    else:
        ax.text(0.5, 0.5, "no epithets with a polarity", ha="center", va="center", transform=ax.transAxes)
    return ax


# --- naming forms ---------------------------------------------------------------

def _naming_frame(naming_table):
    if hasattr(naming_table, "forms"):  # the Naming result
        return naming_table.forms
    if isinstance(naming_table, pd.DataFrame):
        return naming_table
    raise OptionError("naming_forms(): pass framing.naming(ann) or its .forms table, "
                      f"not {type(naming_table).__name__}.")


def naming_forms(naming_table, *, actor: str | None = None, ax=None, by: str = "outlet"):
    """How each outlet names an actor: naming forms as stacked shares.

    Parameters
    ----------
    naming_table : Naming or pandas.DataFrame
        One row per group and form with ``<by>``, ``form``, ``n`` and ``share``:
        ``framing.naming(ann)`` or its ``forms`` table with ``actor=`` (one
        actor's rows), or all actors pooled by
        :func:`framing.compare.comparison.naming_form_table` (what
        ``Comparison.plot("naming_forms")`` draws).  The figure draws the
        table; a table with several rows per group and form (several actors,
        one row per naming) is refused with that hint.
    actor : str, optional
        The actor whose rows are drawn (the table's ``actor`` column).
    ax : matplotlib.axes.Axes, optional
    by : str
        Group column (one bar per group).

    Returns
    -------
    matplotlib.axes.Axes
        One horizontal bar per group, split into its naming forms (shares summing
        to 1), the number of namings at the right.

    References
    ----------
    Reisigl, M., & Wodak, R. (2001). *Discourse and Discrimination*. Routledge
    (referential strategies).

    Examples
    --------
    >>> import framing
    >>> demo = framing.load_demo()
    >>> ann = framing.annotate(demo.filter(demo.docs["event"] == "e07"), progress=False)
    >>> ax = framing.plot.naming_forms(framing.naming(ann), actor="Зеленский")
    >>> [t.get_text() for t in ax.get_yticklabels()]   # the outlets that name him in this event
    ['global_wire', 'kyiv_vesti_ru', 'svobodny_golos', 'ukrainska_dumka', 'world_service_ru']
    """
    check("naming_forms", {"actor": [InstanceOf(str), OneOf(None)], "by": InstanceOf(str)}, actor=actor, by=by)
    f = _naming_frame(naming_table)
    need = {by, "form", "n", "share"} | ({"actor"} if actor is not None else set())
    missing = need - set(f.columns)
    if missing:
        raise missing_columns("naming_forms(): the naming table", missing,
                              hint="Pass framing.naming(ann) (or its .forms table) with actor=, or "
                                   "framing.compare.comparison.naming_form_table(naming).")
    if actor is not None:
        if actor not in set(f["actor"]):
            raise OptionError(f"naming_forms(): no actor {actor!r}; some actors: "
                              f"{f['actor'].drop_duplicates().head(10).tolist()}.")
        f = f[f["actor"] == actor]
    if f.duplicated([by, "form"]).any():
        raise OptionError("naming_forms(): the table has several rows per group and form (several actors?); a "
                          "figure draws a table, it does not pool.  Pass actor=, or pool the actors with "
                          "framing.compare.comparison.naming_form_table(naming).")
    from .measures.naming import NAMING_FORMS
    share = f.pivot(index=by, columns="form", values="share").fillna(0.0)
    forms = [x for x in NAMING_FORMS if x in share.columns] + sorted(c for c in share.columns
                                                                      if c not in NAMING_FORMS)
    share = share.reindex(columns=forms).sort_index()
    total = f.pivot(index=by, columns="form", values="n").reindex(index=share.index).fillna(0).sum(axis=1)
    ax = _axes(ax, size=(7.5, 0.45 * max(len(share), 3) + 1.8))
    left = np.zeros(len(share))
    y = np.arange(len(share))
    for i, form in enumerate(forms):
        w = share[form].to_numpy(dtype=float)
        colour = TOL_MUTED[i % len(TOL_MUTED)]
        ax.barh(y, w, left=left, color=colour, edgecolor="white", linewidth=0.6, height=0.7,
                label=form.replace("_", " "))
        for yi, (l0, wi) in enumerate(zip(left, w)):
            if wi >= 0.12:
                dark = colour in ("#332288", "#117733", "#882255", "#AA4499", "#44AA99", "#999933")
                ax.text(l0 + wi / 2, yi, f"{wi:.0%}", ha="center", va="center", fontsize=_FS["note"],
                        color="white" if dark else "black")
        left += w
    for yi, n in enumerate(total.to_numpy()):
        ax.text(1.01, yi, f"n={int(n)}", va="center", ha="left", fontsize=_FS["note"], color="#444444")
    ax.set_yticks(y, [str(g) for g in share.index])
    ax.set_ylim(len(share) - 0.5, -0.5)
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(_percent_fmt)
    pooled = actor is None and "actor" not in f.columns
    _style(ax, title=f"Naming forms of {actor}" if actor else "Naming forms (all actors)" if pooled else "Naming forms",
           xlabel="share of the namings", ylabel=None)
    ax.legend(fontsize=_FS["note"], frameon=False, ncol=min(4, max(len(forms), 1)), loc="upper center",
              bbox_to_anchor=(0.5, -0.16))
    return ax


def _percent_fmt(x, _pos=None):
    return f"{x:.0%}"


# --- coverage timeline ----------------------------------------------------------

def _docs_of(obj) -> pd.DataFrame:
    if isinstance(obj, pd.DataFrame):
        return obj
    if hasattr(obj, "corpus") and hasattr(obj, "events"):  # EventGroups
        return obj.corpus.docs
    if hasattr(obj, "docs"):  # Corpus, Annotated, Comparison
        return obj.docs
    raise OptionError(f"coverage_timeline(): pass a Corpus, an Annotated or a documents table, "
                      f"not {type(obj).__name__}.")


def _tick_label(event, label, width: int = 40) -> str:
    """``ev0012 · Протесты в Тбилиси…``: the id (to find it in the tables) and the readable label."""
    if not label:
        return str(event)
    label = str(label)
    label = label if len(label) <= width else label[: width - 1].rstrip() + "…"
    return f"{event} · {label}"


def coverage_timeline(corpus_or_docs, *, by: str = "outlet", event_col: str = "event_id", ax=None,
                      max_events: int = 20):
    """Which outlet reported which event, and when.

    Parameters
    ----------
    corpus_or_docs : Corpus, Annotated, EventGroups or pandas.DataFrame
        Documents with ``published``, ``by`` and the event column.
    by : str
        Group column (colours).
    event_col : str
        Event column (default ``"event_id"`` of :func:`framing.group_events`; when
        absent, the demo corpus's gold ``"event"`` is used if present).
    ax : matplotlib.axes.Axes, optional
    max_events : int
        Events shown: those reported by most outlets (then most documents).

    Returns
    -------
    matplotlib.axes.Axes
        One row per event (earliest at the top; labelled ``id · label`` when the
        documents carry :func:`framing.group_events`' ``event_label``), one point
        per document at its publication time, one line per outlet from its first
        to its last report.

    References
    ----------
    Allan, J., Papka, R., & Lavrenko, V. (1998). On-line new event detection and
    tracking. *SIGIR '98* (events as units of coverage).

    Examples
    --------
    The planted events of the demo corpus (its ``event`` column), or the
    events :func:`framing.group_events` finds:

    >>> import framing
    >>> demo = framing.load_demo()
    >>> ax = framing.plot.coverage_timeline(demo, event_col="event")
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['e01', 'e02', 'e03', 'e04', 'e05', 'e06', 'e07', 'e08', 'e09', 'e10', 'e11', 'e12']
    >>> ax = framing.plot.coverage_timeline(framing.group_events(demo))
    >>> len(ax.get_yticklabels())
    14
    >>> ax.get_yticklabels()[0].get_text()
    'ev0001 · Удар по мирным: украинские боевики оста…'
    """
    check("coverage_timeline", {"by": InstanceOf(str), "event_col": InstanceOf(str),
                                "max_events": Interval(1, None, integer=True)},
          by=by, event_col=event_col, max_events=max_events)
    docs = _docs_of(corpus_or_docs)
    if event_col not in docs.columns:
        alt = next((c for c in ("event_id", "event") if c in docs.columns), None)
        if alt is None:
            raise missing_columns("coverage_timeline(): the documents table", {event_col},
                                  hint="Run framing.group_events(corpus) and pass its .corpus.")
        event_col = alt
    missing = {by, "published"} - set(docs.columns)
    if missing:
        raise missing_columns("coverage_timeline(): the documents table", missing)
    d = docs[[by, event_col, "published"]].dropna()
    d = d.assign(_t=pd.to_datetime(d["published"], utc=True).dt.tz_convert(None))
    ax = _axes(ax, size=(8.0, 0.42 * min(max(d[event_col].nunique(), 3), max_events) + 1.8))
    if d.empty:
        ax.text(0.5, 0.5, "no dated documents with an event", ha="center", va="center",
                transform=ax.transAxes)
        ax.set_axis_off()
        return ax
    ev = d.groupby(event_col).agg(first=("_t", "min"), n_groups=(by, "nunique"), n=("_t", "size"))
    keep = ev.sort_values(["n_groups", "n", "first"], ascending=[False, False, True], kind="stable").index[:max_events]
    ev = ev.loc[keep].sort_values("first", kind="stable")
    events = ev.index.tolist()
    row = {e: i for i, e in enumerate(events)}
    d = d[d[event_col].isin(events)]
    groups = sorted(d[by].astype(str).unique())
    colours = group_colours(groups)
    k = max(len(groups), 1)
    band = 0.7
    import matplotlib.dates as mdates

    for gi, g in enumerate(groups):
        sub = d[d[by].astype(str) == g]
        off = (gi - (k - 1) / 2) * (band / k)
        y = sub[event_col].map(row).to_numpy(dtype=float) + off
        colour, marker = colours[g]
        ax.scatter(mdates.date2num(sub["_t"].dt.to_pydatetime()), y, s=22, color=colour, marker=marker,
                   edgecolors="white", linewidths=0.4, zorder=3, label=g)
        span = sub.groupby(event_col)["_t"].agg(["min", "max"])
        span = span[span["max"] > span["min"]]
        if len(span):
            ax.hlines([row[e] + off for e in span.index], mdates.date2num(span["min"].dt.to_pydatetime()),
                      mdates.date2num(span["max"].dt.to_pydatetime()), color=colour, lw=1.4, alpha=0.7, zorder=2)
    names = {}
    if "event_label" in docs.columns and event_col == "event_id":  # group_events' readable labels
        names = docs.dropna(subset=["event_label"]).groupby(event_col)["event_label"].first().to_dict()
    ax.set_yticks(range(len(events)), [_tick_label(e, names.get(e)) for e in events])
    ax.set_ylim(len(events) - 0.5, -0.5)
    loc = mdates.AutoDateLocator()
    ax.xaxis.set_major_locator(loc)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(loc))
    ax.grid(axis="x", color="#E5E5E5", lw=0.6, zorder=0)
    _style(ax, title="Coverage of events per outlet", xlabel="publication time (UTC)", ylabel="event")
    ax.legend(fontsize=_FS["note"], frameon=False, title=by, title_fontsize=_FS["note"], loc="upper left",
              bbox_to_anchor=(1.0, 1.0))
    return ax


# --- volume over time ------------------------------------------------------------

_FREQS = {"h": "hour", "D": "day", "W": "week", "MS": "month"}


def volume(table, *, by: str = "outlet", events: pd.DataFrame | None = None, event_date: str = "date",
           event_label: str = "event", kind: str = "line", ax=None):
    """Documents per outlet over time, with events marked.

    Parameters
    ----------
    table : pandas.DataFrame
        The table of :func:`framing.volume` (``period``, the ``by`` column,
        ``documents``); the plot draws it and counts nothing.
    by : str, default "outlet"
        Group column: one line per group.
    events : pandas.DataFrame, optional
        One row per event to mark with a dashed vertical line: a date column
        ``event_date`` and a label column ``event_label`` (the defaults fit
        :func:`framing.demo_events`).
    event_date, event_label : str
        Columns of ``events``.
    kind : {"line", "bar"}, default "line"
        One line per group, or bars stacked per period (clearer when groups
        publish few documents on the same days).
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
        Lines (or stacked bars) in the Okabe–Ito colours, lines with distinct
        markers (readable in grey print and by colour-blind readers); the
        table drawn is in ``ax.volume_table``.

    References
    ----------
    Okabe, M., & Ito, K. (2008). Color Universal Design (CUD). J*FLY (the
    colours). McCombs, M. E., & Shaw, D. L. (1972). The agenda-setting
    function of mass media. *Public Opinion Quarterly* 36(2), 176–187 (the
    measure, see :func:`framing.volume`).

    Examples
    --------
    >>> import framing
    >>> demo = framing.load_demo()
    >>> ax = framing.plot.volume(framing.volume(demo.docs), events=framing.demo_events())
    >>> int(ax.volume_table["documents"].sum()) == len(demo.docs)
    True
    >>> len([line for line in ax.get_lines() if line.get_linestyle() == "--"])
    12
    """
    check("volume", {"by": InstanceOf(str), "kind": OneOf("line", "bar"), "event_date": InstanceOf(str),
                     "event_label": InstanceOf(str), "events": [NoneOk(), InstanceOf(pd.DataFrame)]},
          by=by, kind=kind, event_date=event_date, event_label=event_label, events=events)
    if not isinstance(table, pd.DataFrame) or "published" in table.columns:
        what = "a documents table" if isinstance(table, pd.DataFrame) else type(table).__name__
        raise OptionError(f"plot.volume() draws the table of framing.volume(docs, by=..., freq=...), not {what}: "
                          "plots read tables and count nothing (pass framing.volume(corpus)).")
    missing = {"period", by, "documents"} - set(table.columns)
    if missing:
        raise missing_columns("plot.volume(): the volume table", missing, hint="Make it with framing.volume(docs).")
    if events is not None and {event_date, event_label} - set(events.columns):
        raise missing_columns("plot.volume(): the events table", {event_date, event_label} - set(events.columns),
                              hint="Name its columns with event_date= and event_label=.")
    counts = (table.pivot(index="period", columns=by, values="documents").fillna(0).sort_index()
              if len(table) else pd.DataFrame(index=pd.DatetimeIndex([], name="period")))
    counts.columns = counts.columns.map(str)
    groups = sorted(counts.columns)
    freq = table.attrs.get("freq")
    ax = _axes(ax, size=(7.0, 3.8))
    colours = group_colours(groups)
    import matplotlib.dates as mdates
    from matplotlib.ticker import MaxNLocator

    bottom = np.zeros(len(counts))
    width = 0.8 * (np.diff(mdates.date2num(counts.index.to_pydatetime())).min() if len(counts) > 1 else 0.8)
    for g in groups:
        colour, marker = colours[g]
        if kind == "bar":
            ax.bar(mdates.date2num(counts.index.to_pydatetime()), counts[g].to_numpy(), width=width,
                   bottom=bottom, color=colour, label=g, edgecolor="white", linewidth=0.3, zorder=2)
            bottom = bottom + counts[g].to_numpy()
        else:
            ax.plot(counts.index, counts[g], color=colour, marker=marker, ms=4, lw=1.4, label=g, zorder=2)
    if events is not None and len(events):
        ev = events[[event_date, event_label]].dropna()
        when = pd.to_datetime(ev[event_date], utc=True).dt.tz_convert(None)
        for x, label in zip(when, ev[event_label]):
            ax.axvline(x, color="#777777", ls="--", lw=0.8, zorder=1)
            ax.text(x, 0.99, f" {label}", rotation=90, fontsize=_FS["note"] - 1, ha="right", va="top",
                    color="#555555", transform=ax.get_xaxis_transform())
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))

    loc = mdates.AutoDateLocator()
    ax.xaxis.set_major_locator(loc)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(loc))
    top = float(bottom.max(initial=0)) if kind == "bar" else float(counts.to_numpy().max(initial=0))
    ax.set_ylim(0, max(top, 1) * 1.25)
    ax.grid(axis="y", color="#E5E5E5", lw=0.6, zorder=0)
    _style(ax, title=f"Documents per {by}" + (f" and {_FREQS[freq]}" if freq in _FREQS else ""),
           xlabel="publication time (UTC)", ylabel="documents")
    ax.legend(fontsize=_FS["note"], frameon=False, title=by, title_fontsize=_FS["note"], loc="upper left",
              bbox_to_anchor=(1.0, 1.0))
    ax.volume_table = table
    return ax


#: print-ready matplotlib settings: sizes for a one-column figure, TrueType fonts, Okabe–Ito cycle
PAPER_RC = {"font.size": 9, "axes.titlesize": 10, "axes.labelsize": 9, "xtick.labelsize": 8,
            "ytick.labelsize": 8, "legend.fontsize": 8, "figure.dpi": 100, "savefig.dpi": 300,
            "savefig.bbox": "tight", "pdf.fonttype": 42, "ps.fonttype": 42, "svg.hashsalt": "framing",
            "axes.prop_cycle": None, "lines.linewidth": 1.4}


def paper_style():
    """A context manager with print-ready, colour-blind-safe matplotlib settings.

    Nothing global changes: the settings hold inside ``with``.  Fonts are
    embedded as TrueType, the colour cycle is Okabe & Ito (2008) and text
    sizes suit a 3.5-inch journal column.

    Returns
    -------
    contextlib.AbstractContextManager

    References
    ----------
    Okabe, M., & Ito, K. (2008). Color Universal Design (CUD). J*FLY.

    Examples
    --------
    >>> import matplotlib, framing
    >>> with framing.plot.paper_style():
    ...     matplotlib.rcParams["pdf.fonttype"]
    42
    """
    import matplotlib
    from matplotlib import cycler

    rc = dict(PAPER_RC, **{"axes.prop_cycle": cycler(color=OKABE_ITO)})
    return matplotlib.rc_context(rc)
