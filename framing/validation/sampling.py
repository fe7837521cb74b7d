"""Drawing the stratified sample of a measure's rows and marking each item's passage."""

from __future__ import annotations

import hashlib
import re
import warnings
from datetime import datetime, timezone

import numpy as np
import pandas as pd

from .._errors import OptionError, SchemaError, missing_columns
from .._options import check
from ._common import MEASURES, _CLOSE, _Measure, _OPEN, _SAMPLE_SPEC
from .sheet import CodingSheet


# --- sampling ---------------------------------------------------------------------------

def _detect_measure(table: pd.DataFrame) -> str:
    cols = set(table.columns)
    for name, spec in MEASURES.items():
        if spec.detect and set(spec.detect) <= cols:
            return name
    if {"start", "end"} <= cols:
        return "table"
    raise SchemaError(
        "validation_sample(): cannot tell which measure this table is: it has none of the known column sets "
        f"({', '.join(n for n, s in MEASURES.items() if s.detect)}) and no 'start'/'end' offset columns. "
        "Pass a table of framing.epithets, framing.attributions, framing.actors(...).mentions or "
        "framing.naming(...).mentions, or a table with doc_id, start and end.")


def _as_table(table):
    """A measure table from a DataFrame or a result holder with ``mentions``."""
    if isinstance(table, pd.DataFrame):
        return table
    mentions = getattr(table, "mentions", None)
    if isinstance(mentions, pd.DataFrame):
        return mentions
    raise OptionError(f"validation_sample(): table must be a DataFrame of a measure (or the result of "
                      f"framing.actors / framing.naming); got {type(table).__name__}.")


def _allocate(sizes: pd.Series, n: int, allocation: str) -> pd.Series:
    """Sample size per stratum: proportional (largest remainder) or equal (capped, redistributed)."""
    total = int(sizes.sum())
    if n >= total:
        return sizes.copy()
    if allocation == "proportional":
        exact = sizes * n / total
        base = np.floor(exact).astype(int)
        rest = n - int(base.sum())
        order = (exact - base).sort_values(ascending=False, kind="mergesort").index[:rest]
        base.loc[order] += 1
        return base
    alloc = pd.Series(0, index=sizes.index)
    left = n
    open_ = list(sizes.index)
    while left > 0 and open_:
        share, extra = divmod(left, len(open_))
        for i, s in enumerate(open_):
            alloc[s] += share + (1 if i < extra else 0)
        over = {s: alloc[s] - sizes[s] for s in open_ if alloc[s] > sizes[s]}
        for s, o in over.items():
            alloc[s] = sizes[s]
        left = int(sum(over.values()))
        open_ = [s for s in open_ if alloc[s] < sizes[s]]
    return alloc


def _texts_and_sentences(ann, corpus):
    """doc_id -> text, and doc_id -> sorted array of sentence (start, end) (or None)."""
    if ann is not None:
        docs = ann.docs
        sents = ann.sentences()
        bounds = {d: g[["start", "end"]].to_numpy() for d, g in sents.sort_values(["doc_id", "start"])
                  .groupby("doc_id", sort=False)}
    else:
        docs = corpus.docs if hasattr(corpus, "docs") else corpus
        if not isinstance(docs, pd.DataFrame) or not {"doc_id", "text"} <= set(docs.columns):
            raise OptionError("validation_sample(): corpus must be a framing.Corpus or a DataFrame with "
                              "columns doc_id and text.")
        bounds = None
    return dict(zip(docs["doc_id"], docs["text"])), bounds


_SENT_END = re.compile(r"[.!?…]+[\"»”)\]]*\s+|\n+")


def _passage(text, bounds, lo, hi, context):
    """Character range of the sentence(s) covering [lo, hi), with ``context`` sentences each side."""
    if bounds is not None and len(bounds):
        starts, ends = bounds[:, 0], bounds[:, 1]
        first = min(int(np.searchsorted(ends, lo, side="right")), len(bounds) - 1)
        last = min(max(first, int(np.searchsorted(starts, hi, side="left")) - 1), len(bounds) - 1)
        first, last = max(0, first - context), min(len(bounds) - 1, last + context)
        return int(min(starts[first], lo)), int(max(ends[last], hi))
    # no sentence table: cut at sentence-final punctuation or line breaks
    cuts = [0] + [m.end() for m in _SENT_END.finditer(text)] + [len(text)]
    before = [c for c in cuts if c <= lo]
    after = [c for c in cuts if c >= hi]
    i = cuts.index(before[-1])
    j = cuts.index(after[0]) if after else len(cuts) - 1
    i, j = max(0, i - context), min(len(cuts) - 1, j + context)
    return cuts[i], len(text[:cuts[j]].rstrip())


def _spans_of(row, spec_spans):
    out = []
    for label, s, e in spec_spans:
        if s in row and e in row:
            a, b = row[s], row[e]
            if pd.notna(a) and pd.notna(b) and int(a) >= 0 and int(b) > int(a):
                out.append((label, int(a), int(b)))
    return out


def _mark(text, lo, hi, spans, labelled):
    """Text of [lo, hi) with the spans between ⟦ and ⟧ (``⟦speaker: …⟧`` when labelled)."""
    events = []
    for label, a, b in spans:
        events.append((a, 1, -b, label))
        events.append((b, 0, -a, label))
    events.sort(key=lambda x: (x[0], x[1], x[2]))
    plain, pos = [], lo
    for at, is_open, _, label in events:
        plain.append(text[pos:at])
        pos = at
        plain.append(_OPEN + (f"{label}: " if labelled and label else "") if is_open else _CLOSE)
    plain.append(text[pos:hi])
    return "".join(plain).strip()


def _item_id(measure, row, offsets, shown):
    key = "|".join([measure, str(row["doc_id"]), *(str(row.get(c)) for c in offsets),
                    *(str(row.get(c)) for c in shown)])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def validation_sample(table, n: int = 150, *, by=None, seed: int = 0, ann=None, corpus=None, fields=None,
                      measure=None, allocation: str = "proportional", context: int = 0) -> CodingSheet:
    """Draw a stratified random sample of a measure's rows as a coding sheet.

    Parameters
    ----------
    table : DataFrame or result with ``mentions``
        Rows of a measure: :func:`framing.epithets`, :func:`framing.attributions`,
        ``framing.actors(ann).mentions`` (or the :class:`~framing.measures.actors.Actors`
        result itself), ``framing.naming(ann).mentions`` or ``.contested_hits``,
        or any table with ``doc_id``, ``start`` and ``end``.  Filter it first to
        validate a part (``e[e.evaluative]``; the mentions of actors found in
        two or more documents).
    n : int
        Items to draw (all rows when the table has fewer, with a warning).
    by : str or list of str, optional
        Columns that define the strata (``"outlet"``, ``["outlet", "kind"]``).
        Without, one stratum.
    seed : int
        The same table and seed draw the same sample.
    ann : Annotated, optional
        Where the sentences are read from (sentence bounds of the annotation).
    corpus : Corpus or DataFrame with ``doc_id`` and ``text``, optional
        Where the text is read from when ``ann`` is not given; sentences are
        then cut at sentence-final punctuation and line breaks.
    fields : list of str, optional
        The fields to judge: ``"span"`` (the marked text is a true instance
        with the right extent; ``"cue"``, ``"speaker"``, ``"content"`` for
        attributions) or any column of the table (``"actor"``, ``"kind"``,
        ``"evaluative"``, ``"type"`` …).  Default: the measure's
        (:data:`MEASURES`), e.g. span, actor, kind, evaluative for epithets.
    measure : str, optional
        The measure's name; detected from the columns when not given.  Name
        ``"epithets_evaluative"`` or ``"actor_merges"`` to get their judged
        fields.
    allocation : {"proportional", "equal"}
        How ``n`` is split over the strata.  ``"proportional"`` (default):
        each stratum gets its share of the table's rows (largest remainder
        rounding), so the sample is self-weighting and the pooled precision
        is the plain share of correct items.  ``"equal"``: each stratum gets
        the same number (a stratum with fewer rows gives all of them, the rest
        goes to the others), for comparing outlets with equal precision; the
        pooled precision is then weighted by ``weight`` (Cochran 1977, ch. 5).
    context : int
        Sentences shown before and after the one holding the span.

    Returns
    -------
    CodingSheet
        ``.table`` holds the items sorted by stratum, document and offset;
        ``.to_csv``, ``.to_html`` and ``.to_gold`` write it.

    Notes
    -----
    Within each stratum the rows are ordered by document and offsets before
    drawing, so the sample does not depend on the table's row order.  Each
    stratum's rows are drawn without replacement with NumPy's
    ``default_rng(seed)``.

    References
    ----------
    Cochran, W. G. (1977). *Sampling Techniques* (3rd ed.). Wiley, ch. 5
    (stratified random sampling; proportional allocation).
    Krippendorff, K. (2004). *Content Analysis* (2nd ed.). Sage, ch. 6.

    Examples
    --------
    >>> import framing
    >>> ann = framing.annotate(framing.load_demo(), progress=False)
    >>> sheet = framing.validation_sample(framing.epithets(ann), n=20, by="outlet", seed=1, ann=ann)
    >>> len(sheet), sheet.fields
    (20, ['span', 'actor', 'kind', 'evaluative'])
    >>> "⟦" in sheet.table["sentence"].iloc[0]
    True
    >>> html_page = sheet.to_html()          # a standalone coding page
    """
    check("validation_sample", _SAMPLE_SPEC, n=n, by=by, seed=seed, fields=fields, measure=measure,
          allocation=allocation, context=context)
    table = _as_table(table)
    if ann is None and corpus is None:
        raise OptionError("validation_sample(): pass ann= (the Annotated the table was measured on) or corpus= "
                          "(its Corpus): the coding sheet shows each item's sentence, read by its offsets.")
    if "doc_id" not in table.columns:
        raise missing_columns("The table given to validation_sample()", {"doc_id"})
    name = measure or _detect_measure(table)
    spec = MEASURES.get(name)
    if spec is None:
        if not {"start", "end"} <= set(table.columns):
            raise missing_columns(f"The table of measure {name!r}", {"start", "end"} - set(table.columns),
                                  hint="A measure not in framing.validation.MEASURES needs start/end offsets.")
        shown = tuple(c for c in table.columns if c not in ("doc_id", "outlet", "sent_id", "start", "end"))
        spec = _Measure(spans=(("", "start", "end"),), show=shown, judge=("span",), labels=())
    offsets = [c for _, s, e in spec.spans for c in (s, e)]
    lacking = {c for c in offsets[:2]} - set(table.columns)
    if lacking:
        raise missing_columns(f"The table of measure {name!r}", lacking,
                              hint="Its offsets locate the span in the document.")
    fields = list(fields) if fields is not None else list(spec.judge)
    span_fields = {label or "span" for label, _, _ in spec.spans} | {"span"}
    bad = [f for f in fields if f not in span_fields and f not in table.columns]
    if bad:
        raise OptionError(f"validation_sample(): fields {bad} are neither a span ({sorted(span_fields)}) nor "
                          f"columns of the table ({', '.join(map(str, table.columns))}).")
    by_cols = [by] if isinstance(by, str) else list(by or [])
    lacking = set(by_cols) - set(table.columns)
    if lacking:
        raise missing_columns("The table given to validation_sample()", lacking, hint="by= names its strata.")

    texts, bounds = _texts_and_sentences(ann, corpus)
    unknown = sorted(set(table["doc_id"]) - set(texts))
    if unknown:
        raise SchemaError(f"validation_sample(): {len(unknown)} document(s) of the table are not in the "
                          f"{'annotation' if ann is not None else 'corpus'} given, e.g. {unknown[:3]}: "
                          "pass the ann/corpus the table was measured on.")

    shown = [c for c in spec.show if c in table.columns]
    work = table.copy()
    work["row"] = table.index
    work["stratum"] = (work[by_cols].astype(str).apply(
        lambda r: "; ".join(f"{c}={v}" for c, v in zip(by_cols, r)), axis=1) if by_cols else "all")
    if work.empty:
        raise SchemaError("validation_sample(): the table has no rows to sample.")
    sort_cols = ["stratum", "doc_id", *[c for c in offsets if c in work.columns], "row"]
    work = work.sort_values(sort_cols, kind="mergesort").reset_index(drop=True)
    sizes = work.groupby("stratum", sort=True).size()
    if n > len(work):
        warnings.warn(f"validation_sample(): n={n} but the table has {len(work)} rows; all are taken.",
                      UserWarning, stacklevel=2)
    alloc = _allocate(sizes, n, allocation)
    rng = np.random.default_rng(seed)
    picked = []
    for s in sizes.index:                                  # sorted strata: same seed, same draw
        idx = np.flatnonzero(work["stratum"].to_numpy() == s)
        k = int(alloc[s])
        if k:
            picked.extend(np.sort(rng.choice(idx, size=k, replace=False)).tolist())
    sample = work.iloc[picked].copy()
    if allocation == "proportional":     # self-weighting design: every row stands for N / n rows
        sample["weight"] = len(work) / max(len(sample), 1)
    else:                                # equal allocation: a row of stratum h stands for N_h / n_h rows
        sample["weight"] = [sizes[s] / alloc[s] for s in sample["stratum"]]

    rows, seen = [], {}
    labelled = len(spec.spans) > 1
    for _, r in sample.iterrows():
        doc = r["doc_id"]
        text = texts[doc]
        spans = _spans_of(r, spec.spans)
        if not spans:
            raise SchemaError(f"validation_sample(): row {r['row']} (document {doc!r}) has no valid offsets in "
                              f"{offsets}.")
        if max(b for _, _, b in spans) > len(text):
            raise SchemaError(f"validation_sample(): row {r['row']} (document {doc!r}) has offsets past the end "
                              f"of its text ({len(text)} characters): was the table measured on this corpus?")
        lo, hi = min(a for _, a, _ in spans), max(b for _, _, b in spans)
        main_lo, main_hi = (spans[0][1], spans[0][2])
        plo, phi = _passage(text, None if bounds is None else bounds.get(doc), main_lo if not labelled else lo,
                            main_hi if not labelled else hi, context)
        plo, phi = min(plo, lo), max(phi, hi)
        plain = _mark(text, plo, phi, spans, labelled)
        item = _item_id(name, r, offsets, shown)
        seen[item] = seen.get(item, 0) + 1
        if seen[item] > 1:
            item = f"{item}-{seen[item]}"
        out = {"item": item, "measure": name, "doc_id": doc,
               "outlet": r["outlet"] if "outlet" in r else None,
               "sent_id": int(r["sent_id"]) if "sent_id" in r and pd.notna(r["sent_id"]) else -1,
               "row": r["row"], "stratum": r["stratum"], "weight": float(r["weight"])}
        for c in offsets:
            if c in r:
                out[c] = int(r[c]) if pd.notna(r[c]) else -1
        out.update({"sent_start": plo, "sent_end": phi, "sentence": plain})
        for c in shown:
            v = r[c]
            out[c] = ", ".join(map(str, v)) if isinstance(v, (list, tuple, np.ndarray)) else v
        for f in fields:
            out[f"ok_{f}"] = ""
        out["note"] = ""
        out["coder"] = ""
        rows.append(out)
    sheet_table = pd.DataFrame(rows)
    by_txt = repr(by_cols[0] if len(by_cols) == 1 else by_cols) if by_cols else "None"
    params = {
        "n": n, "by": by_cols, "seed": seed, "allocation": allocation, "context": context,
        "table_rows": len(work),
        "strata": {s: {"rows": int(sizes[s]), "sampled": int(alloc[s])} for s in sizes.index},
        "shown": shown,
        "framing_version": _version(),
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "call": (f"framing.validation_sample(table, n={n}, by={by_txt}, seed={seed}, measure={name!r}, "
                 f"allocation={allocation!r}, fields={fields!r}, context={context})"),
    }
    return CodingSheet(table=sheet_table, measure=name, fields=fields, params=params)


def _version():
    from .._version import __version__
    return __version__
