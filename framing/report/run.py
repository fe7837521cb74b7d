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
    path = state["out"] / f"{name}.csv"
    with atomic_path(path) as tmp:
        table.to_csv(tmp, index=False)
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


SECTIONS = [section_overview, section_annotation]


def run_report(corpus, *, out: Path, by: str = "outlet", title: str = "framing report",
               n_jobs: int = 1, cache: bool = True) -> Path:
    """Run every section on ``corpus`` and write ``out/report.md`` with its tables.

    Returns
    -------
    pathlib.Path
        The report's Markdown file.
    """
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
    return path
