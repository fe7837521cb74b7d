"""Run the main job on a corpus and write the report.

Each section is a function ``section(state) -> list of (heading, text or DataFrame)``;
sections read what earlier ones put into ``state`` (the corpus, the annotation, measure
tables) and write their tables as CSV into the output folder.  The same report is
printed to the terminal (plain text) and written as ``report.md``.
"""

from __future__ import annotations

import time
from pathlib import Path

import pandas as pd

from .._atomic import atomic_path
from .._csv import write_csv
from .._errors import LoadError


def _fmt(obj, *, max_rows: int = 30) -> str:
    if isinstance(obj, pd.DataFrame):
        if obj.empty:
            return "(none)"
        with pd.option_context("display.width", 160, "display.max_columns", 20,
                               "display.max_colwidth", 60):
            return obj.head(max_rows).to_string(index=False) + (
                f"\n… {len(obj) - max_rows} more rows" if len(obj) > max_rows else "")
    return str(obj)


def _write_csv(state, name: str, table: pd.DataFrame) -> None:
    """Write a spreadsheet-safe CSV (text cells cannot start a formula: see :mod:`framing._csv`)."""
    path = write_csv(table, state["out"] / f"{name}.csv")
    state["files"].append(path.name)


def section_overview(state):
    """Documents per outlet and event, languages, date range, problems, duplicates."""
    from ..boilerplate import remove_boilerplate
    from ..duplicates import find_duplicates

    corpus = state["corpus"]
    items = []
    docs = corpus.docs
    d = docs["published"]
    rng = "no dates" if d.isna().all() else f"{d.min():%Y-%m-%d %H:%M} – {d.max():%Y-%m-%d %H:%M} UTC"
    items.append(("Corpus", f"{len(corpus)} documents from {len(corpus.outlets)} outlets; "
                            f"languages: {', '.join(f'{k} ({v})' for k, v in docs['lang'].value_counts().items())}; "
                            f"published {rng}."))
    per_outlet = corpus.summary()
    _write_csv(state, "documents_per_outlet", per_outlet)
    items.append(("Documents per outlet", per_outlet))
    if "event" in docs:
        table = pd.crosstab(docs["event"], docs["outlet"])
        table["total"] = table.sum(axis=1)
        table = table.reset_index()
        _write_csv(state, "documents_per_event", table)
        items.append(("Documents per event and outlet", table))
    problems = corpus.problems
    _write_csv(state, "problems", problems)
    items.append(("Problems found while loading", problems if len(problems) else "none"))
    cleaned = remove_boilerplate(corpus)
    n_bp = int((cleaned.docs["boilerplate"].fillna("").str.len() > 0).sum()) if "boilerplate" in cleaned.docs else 0
    items.append(("Outlet boilerplate", f"removed from {n_bp} documents"))
    state["corpus"] = cleaned
    dups = find_duplicates(cleaned)
    _write_csv(state, "duplicates", dups)
    items.append(("Duplicates and wire copies", dups if len(dups) else "none found"))
    state["duplicates"] = dups
    return items


def section_annotation(state):
    """Annotate; show the pipeline's capabilities per language."""
    from ..annotate import annotate

    ann = annotate(state["corpus"], n_jobs=state["n_jobs"], cache=state["cache"], progress=True)
    state["ann"] = ann
    caps = ann.capabilities
    _write_csv(state, "pipeline_capabilities", caps)
    tok = ann.tokens
    per_lang = (tok.merge(ann.doc_info(("lang",)), on="doc_id").groupby("lang")
                .agg(tokens=("tok_id", "size"), documents=("doc_id", "nunique")).reset_index())
    return [("Annotation pipeline: capabilities per language",
             caps.pivot_table(index="lang", columns="layer", values="backend", aggfunc="first").reset_index()
             if len(caps) else "none"),
            ("Tokens per language", per_lang),
            ("Entity mentions", f"{len(ann.entities)} mentions of types "
                                f"{', '.join(f'{k} ({v})' for k, v in ann.entities['type'].value_counts().items())}")]


def _flat(values) -> str:
    """A list cell (variants, outlets, markers) as ``a; b`` for a CSV."""
    return "; ".join(map(str, values)) if hasattr(values, "__iter__") and not isinstance(values, str) else values


def section_actors(state):
    """Actors, epithets and naming (computed once each by :func:`framing.measure`); their tables as CSV."""
    from ..measures.runner import measure

    res = measure(state["ann"], ["actors", "epithets", "naming"])
    acts, ep, nm = res.actors, res.epithets, res.naming
    state.update(actors=acts, epithets=ep, naming=nm)
    _write_csv(state, "actors", acts.table.assign(variants=acts.table["variants"].map(_flat),
                                                  outlets=acts.table["outlets"].map(_flat)))
    _write_csv(state, "epithets", ep)
    _write_csv(state, "naming_forms", nm.forms)
    _write_csv(state, "contested_naming", nm.contested)
    top = acts.table.sort_values("n_mentions", ascending=False).head(12)
    top = top.assign(variants=top["variants"].map(lambda v: "; ".join(list(v)[:6])),
                     outlets=top["outlets"].map(lambda v: len(v) if hasattr(v, "__len__") else v))
    return [("Actors (mentions grouped across inflection, spelling and language)",
             top[["actor", "type", "n_mentions", "n_docs", "outlets", "variants"]]),
            ("Measured", f"{len(ep)} epithets ({int(ep['evaluative'].fillna(False).astype(bool).sum())} evaluative), "
                         f"{len(nm.forms)} naming forms, {len(nm.contested)} contested naming rows; "
                         "per group in the comparison below")]


def section_attribution(state):
    """Attributions and sources (:func:`framing.measure`, reading the actors above); their tables as CSV."""
    from ..measures.runner import measure

    ann = state["ann"]
    given = {"actors": state["actors"]} if state.get("actors") is not None else None
    att = measure(ann, ["attributions"], given=given).attributions
    state["attributions"] = att
    _write_csv(state, "attributions", att.assign(markers=att["markers"].map(_flat)))
    if att.empty:
        return [("Attribution", "no attributions found")]
    by = state["by"] if state["by"] in att.columns else "outlet"
    prof = measure(ann, ["sources"], given={"attributions": att}, options={"sources": {"by": by}}).sources
    for name, t in prof._asdict().items():
        if isinstance(t, pd.DataFrame) and name != "voice":   # voice: comparison_share_of_voice.csv (one file)
            _write_csv(state, f"sources_{name}", t)
    state["sources"] = prof
    return [("Attribution", f"{len(att)} attributions in {att['doc_id'].nunique()} documents; "
                            "per group in the comparison below")]


def section_comparison(state):
    """The comparison of the groups: HTML page(s), PNG figures and CSV tables in the output folder."""
    from ..compare.comparison import compare

    out, by = state["out"], state["by"]
    comp = compare(state["ann"], by=by, actors=state.get("actors"), epithets=state.get("epithets"),
                   naming=state.get("naming"), attributions=state.get("attributions"),
                   sources=state.get("sources"), seed=0)
    state["comparison"] = comp
    tables = comp.to_csv(out, include=("summary", "coverage", "epithet_polarity", "evaluative_share",
                                       "verb_classes", "distancing", "share_of_voice", "keyness"))
    state["files"].extend(p.name for p in tables.values())
    notes = list(comp.notes)
    try:
        figures = comp.save_figures(out)
    except Exception as err:  # the tables and the page stay useful without figures
        figures = {}
        notes.append(f"figures not drawn: {type(err).__name__}: {err}")
    # one page per event (the events reported by most groups), the first one with the figures
    events = comp.events["event"].astype(str).tolist()[:12] if len(comp.events) else []
    pages = {ev: f"comparison_{_safe_name(ev)}.html" for ev in events[1:]}
    links = {"main page": "comparison.html", **{f"event {ev}": p for ev, p in pages.items()}} if pages else None
    comp.to_html(out / "comparison.html", figures=figures, links=links)
    written = ["comparison.html"]
    for ev, name in pages.items():
        try:
            comp.to_html(out / name, event=ev, figures=False, links=links)
            written.append(name)
        except Exception as err:
            notes.append(f"page of event {ev} not written: {type(err).__name__}: {err}")
    summary = comp.summary()
    items = [(f"Comparison by {by}: headline figures", _headline(comp, summary))]
    dist = comp.distancing
    if len(dist):
        overall = dist[dist["actor"].isna()]
        items.append(("Distancing rate per group (share of attributions with a distancing verb or marker, "
                      "95% bootstrap interval; p: permutation test against the other groups)",
                      overall[[by, "n_attributions", "n_distancing", "rate", "ci_low", "ci_high", "diff",
                               "p_value"]].round(3)))
    if len(comp.polarity):
        pol = comp.polarity.sort_values("n", ascending=False).groupby(by).head(4)
        items.append(("Mean epithet polarity per group and actor (95% bootstrap interval over documents)",
                      pol.round(3)))
    items += _group_views(comp, summary)
    if len(comp.coverage) and comp.event_col:
        items.append(("Events reported by most groups", comp.events.head(12)))
    items.append(("Comparison notes", "\n".join(f"- {n}" for n in notes) if notes else "none"))
    items.append(("Comparison files", "pages: " + ", ".join(written) + "\nfigures: "
                  + (", ".join(p.name for p in figures.values()) or "none")
                  + "\ntables: " + ", ".join(p.name for p in tables.values())))
    return items


def _group_views(comp, summary: pd.DataFrame) -> list:
    """Tables of the comparison shown per group: read and reshaped, never computed here."""
    by, items = comp.by, []
    ep = summary[summary["measure"] == "epithet"]
    if len(ep):
        ep = ep.sort_values([by, "value"], ascending=[True, False], kind="stable").groupby(by).head(8)
        items.append(("Most frequent epithets per group and actor (count)",
                      ep[[by, "actor", "item", "value"]].rename(columns={"item": "epithet", "value": "n"})
                      .astype({"n": "int64"})))
    if len(comp.contested):
        pivot = comp.contested.pivot(index=["concept", "variant"], columns=by, values="n").fillna(0)
        items.append(("Contested naming choices (mentions per group)", pivot.astype(int).reset_index()))
    if len(comp.verb_classes):
        classes = comp.verb_classes.pivot(index=by, columns="verb_class", values="count").fillna(0)
        items.append(("Reporting-verb classes per group (attributions)", classes.astype(int).reset_index()))
    if len(comp.voices):
        voices = (comp.voices.sort_values([by, "n_attributions"], ascending=[True, False], kind="stable")
                  .groupby(by).head(4))
        items.append(("Most quoted sources per group (share of voice)",
                      voices[[by, "actor", "n_attributions", "share"]].round(3)))
    return items


def _safe_name(x) -> str:
    import re

    return re.sub(r"[^\w.-]+", "_", str(x)).strip("_") or "event"


def _headline(comp, summary: pd.DataFrame) -> pd.DataFrame:
    """One row per group: documents, events, epithets, evaluative share, attributions, distancing, top words."""
    by = comp.by

    def pick(measure, fmt, actor_null=True):
        s = summary[summary["measure"] == measure]
        if actor_null:
            s = s[s["actor"].isna()]
        return {g: fmt(r) for g, r in zip(s[by], s.itertuples(index=False))}

    pct = lambda r: (f"{r.value:.0%}" + (f" [{r.ci_low:.0%}, {r.ci_high:.0%}]"  # noqa: E731
                                         if pd.notna(r.ci_low) else "") + f" of {int(r.n)}")
    cols = {
        "documents": pick("documents", lambda r: int(r.value)),
        "events": pick("events_covered", lambda r: f"{int(r.value)} of {int(r.n)}"),
        "first": pick("first_reports", lambda r: int(r.value)),
        "evaluative epithets": pick("evaluative_share", pct),
        "distancing": pick("distancing_rate", pct),
    }
    terms = summary[summary["measure"] == "distinctive_term"]
    cols["distinctive words"] = terms.groupby(by)["item"].agg(lambda s: ", ".join(s.head(6))).to_dict()
    table = pd.DataFrame({k: pd.Series(v, dtype=object) for k, v in cols.items()})
    table.index.name = by
    return table.reindex(comp.groups).reset_index()


SECTIONS = [section_overview, section_annotation, section_actors, section_attribution, section_comparison]


def run_report(corpus, *, out: Path, by: str = "outlet", title: str = "framing report",
               n_jobs: int = 1, cache: bool = True, params: dict | None = None, seed=None) -> Path:
    """Run every section on ``corpus`` and write ``out/report.md`` with its tables.

    ``out/provenance.json`` records what produced them (:func:`framing.provenance`):
    versions, the corpus files' sha256, ``by`` and ``title`` with ``params`` (the
    command line's options), and the seeds (the comparison's bootstrap, ``seed`` of a sample).

    Returns
    -------
    pathlib.Path
        The report's Markdown file.
    """
    if len(corpus) == 0:
        probs = corpus.problems
        first = "" if probs.empty else f" First problem while loading: {'; '.join(map(str, probs.iloc[0].dropna()))}."
        raise LoadError(f"report: the corpus has no documents, so there is nothing to report.{first} "
                        "Check the path and the format.")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    state = {"corpus": corpus, "out": out, "by": by, "n_jobs": n_jobs, "cache": cache, "files": []}
    lines = [f"# {title}", ""]
    print(title)
    print("=" * len(title))
    for section in SECTIONS:
        t0 = time.perf_counter()
        for heading, body in section(state):
            text = _fmt(body)
            print(f"\n## {heading}\n{text}")
            lines += [f"## {heading}", "", "```", text, "```", ""]
        lines.append(f"<!-- {section.__name__}: {time.perf_counter() - t0:.1f} s -->")
    lines += ["", "Tables: " + ", ".join(sorted(set(state["files"])))]
    path = out / "report.md"
    with atomic_path(path) as tmp:
        tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    from ..reproduce import write_provenance

    write_provenance(out / "provenance.json", corpus=corpus, params={"by": by, "title": title, **(params or {})},
                     seed={"comparison": 0, **({"sample": seed} if seed is not None else {})})
    return path
