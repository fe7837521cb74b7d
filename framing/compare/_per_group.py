"""The tables of a comparison per compared group: measure tables restricted to the compared
documents and regrouped by ``by``, coverage per event, naming shares, attribution rates,
frame cues and topic prevalence (private; :func:`framing.compare` builds them)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._errors import OptionError, missing_columns
from ._shared import _as_bool_markers, _empty
from .rates import shares
from .result import COVERAGE_COLUMNS


def _event_column(docs: pd.DataFrame) -> str | None:
    return next((c for c in ("event_id", "event") if c in docs.columns), None)


def _attach_events(docs: pd.DataFrame, events) -> tuple[pd.DataFrame, str | None]:
    if events is None or (isinstance(events, str) and events == "auto"):
        return docs, _event_column(docs)
    if hasattr(events, "corpus") and hasattr(events, "events"):  # EventGroups
        table = events.corpus.docs
    elif hasattr(events, "docs"):
        table = events.docs
    elif isinstance(events, pd.DataFrame):
        table = events
    elif isinstance(events, pd.Series):
        table = events.rename("event_id").rename_axis("doc_id").reset_index()
    else:
        raise OptionError("compare(): events= must be 'auto', None, the result of framing.group_events, "
                          f"a Corpus or a table with doc_id and event_id; got {type(events).__name__}.")
    col = _event_column(table)
    if col is None or "doc_id" not in table:
        raise missing_columns("compare(): the events table", {"doc_id", "event_id"} - set(table.columns))
    extra = [c for c in (col, "story_id", "event_label", "event_centrality") if c in table.columns]
    docs = docs.drop(columns=[c for c in extra if c in docs.columns]).merge(
        table[["doc_id"] + extra].drop_duplicates("doc_id"), on="doc_id", how="left")
    return docs, col


def _with_group(table, groups: pd.Series, by: str):
    """A copy of a measure table restricted to the compared documents, with the group column."""
    if table is None:
        return None
    if not isinstance(table, pd.DataFrame):
        return table
    if "doc_id" not in table.columns:
        return table.copy()
    t = table[table["doc_id"].isin(groups.index)].copy()
    if by not in t.columns or by != "outlet":
        t[by] = t["doc_id"].map(groups).to_numpy()
    return t.reset_index(drop=True)


def _coverage(docs: pd.DataFrame, by: str, event_col: str | None) -> pd.DataFrame:
    cols = [by] + COVERAGE_COLUMNS
    if docs.empty:
        return _empty(cols)
    d = docs.assign(_ev=docs[event_col] if event_col else None)
    if event_col is None:
        d["_ev"] = None
    keys = [by, "_ev"]
    g = (d.groupby(keys, dropna=False)
         .agg(n_docs=("doc_id", "size"), first_report=("published", "min"), last_report=("published", "max"),
              tokens=("tokens", "sum"))
         .reset_index().rename(columns={"_ev": "event"}))
    g["span_h"] = (g["last_report"] - g["first_report"]).dt.total_seconds() / 3600
    if event_col:
        ev_first = g.groupby("event")["first_report"].transform("min")
        g["lag_h"] = (g["first_report"] - ev_first).dt.total_seconds() / 3600
        g["first"] = (g["lag_h"] == 0).fillna(False).astype(bool)
    else:
        g["lag_h"] = np.nan
        g["first"] = False
    g["tokens"] = g["tokens"].astype("int64")
    return g.sort_values(["event", "first_report", by], kind="stable", na_position="last")[cols].reset_index(drop=True)


def _regroup_naming(nm, by: str, groups: pd.Series) -> tuple:
    """Naming forms, mentions, contested summary and hits per ``by``."""
    if isinstance(nm, pd.DataFrame):  # a forms table (or mentions) given directly
        t = _with_group(nm, groups, by) if "doc_id" in nm else nm.copy()
        if "n" in t.columns:
            return t, _empty(["doc_id"]), _empty(["concept"]), _empty(["doc_id"])
        nm = type("N", (), {"mentions": t, "forms": None, "contested_hits": _empty(["doc_id"]),
                            "contested": None})()
    men = _with_group(getattr(nm, "mentions", None), groups, by)
    hits = _with_group(getattr(nm, "contested_hits", None), groups, by)
    if by == "outlet" and getattr(nm, "forms", None) is not None:
        forms = nm.forms.copy()
        if men is not None and len(men) < len(getattr(nm, "mentions", men)):
            forms = _forms_of(men, by)  # restricted to an event: count again
    else:
        forms = _forms_of(men, by) if men is not None else _empty([by, "actor", "form", "n", "share", "n_docs"])
    if by == "outlet" and getattr(nm, "contested", None) is not None and \
            (hits is None or len(hits) == len(nm.contested_hits)):
        contested = nm.contested.copy()
    else:
        contested = _contested_of(hits, by) if hits is not None else _empty([by, "concept", "variant"])
    return forms, (men if men is not None else _empty(["doc_id"])), contested, \
        (hits if hits is not None else _empty(["doc_id"]))


def _forms_of(men: pd.DataFrame, by: str) -> pd.DataFrame:
    cols = [by, "actor", "form", "n", "share", "n_docs"]
    if men is None or men.empty:
        return _empty(cols)
    g = men.groupby([by, "actor", "form"]).agg(n=("doc_id", "size"), n_docs=("doc_id", "nunique")).reset_index()
    g = shares(g, within=[by, "actor"])
    return g[cols]


def _contested_of(hits: pd.DataFrame, by: str) -> pd.DataFrame:
    cols = [by, "concept", "variant", "stance", "n", "share", "n_docs"]
    if hits is None or hits.empty:
        return _empty(cols)
    if "stance" not in hits:
        hits = hits.assign(stance=None)
    g = hits.groupby([by, "concept", "variant"], dropna=False).agg(
        stance=("stance", "first"), n=("doc_id", "size"), n_docs=("doc_id", "nunique")).reset_index()
    g = shares(g, within=[by, "concept"])
    return g[cols]


def _attribution_tables(att: pd.DataFrame, by: str, *, n_boot, ci, seed, notes) -> tuple:
    """Distancing rate per group (against the rest) and verb-class shares per group, with intervals."""
    from .rates import rates

    if att is None or att.empty:
        return _empty([by, "actor"]), _empty([by, "verb_class"])
    a = att.copy()
    if "distancing" in a.columns:
        a["_dist"] = a["distancing"].fillna(False).astype(bool)
    elif "markers" in a.columns:
        a["_dist"] = a["markers"].map(_as_bool_markers)
    else:
        a["_dist"] = None
        notes.append("distancing rate unavailable: the attributions table has neither 'distancing' nor 'markers'")
    kw = dict(by=by, n_boot=n_boot, ci=ci, seed=seed)
    dist = _empty([by, "actor"])
    if a["_dist"].notna().all():
        a["_dist"] = a["_dist"].astype(bool)
        dist = rates(a, per="_dist", versus="rest", **kw).assign(actor=None)
        dist = dist[[by, "actor"] + [c for c in dist.columns if c not in (by, "actor")]]
    verb = _empty([by, "verb_class"])
    if "verb_class" in a.columns:
        frames = []
        for c in sorted(a["verb_class"].dropna().astype(str).unique()):
            if not c:
                continue
            r = rates(a.assign(_is=(a["verb_class"].astype(str) == c)), per="_is", **kw)
            frames.append(r.assign(verb_class=c))
        if frames:
            verb = pd.concat(frames, ignore_index=True)
            verb = verb[[by, "verb_class"] + [c for c in verb.columns if c not in (by, "verb_class")]]
    return dist.reset_index(drop=True), verb


def _term_refs(ann, top: pd.DataFrame, groups: pd.Series, by: str) -> pd.DataFrame:
    cols = [by, "term", "doc_id", "sent_id", "start", "end"]
    if top is None or top.empty:
        return _empty(cols)
    t = ann.tokens[["doc_id", "sent_id", "start", "end", "lemma"]]
    t = t.assign(term=t["lemma"].astype(str).str.lower(), _g=t["doc_id"].map(groups).astype(str))
    want = top[["group", "term"]].astype(str).rename(columns={"group": "_g"})
    hit = t.merge(want, on=["_g", "term"])
    return hit.rename(columns={"_g": by})[cols].reset_index(drop=True)


def _frame_tables(sub, groups: pd.Series, by: str, *, scheme: str, n_boot: int, ci: float, seed: int) -> tuple:
    """Frame cues per 1,000 tokens per group with intervals, and the sentences that hold them."""
    from ..frame.dictionary import frames as frame_scores
    from .rates import rates

    f = frame_scores(sub, scheme=scheme, unit="sentence")
    hits = f[f["cues"] > 0]
    refs = _with_group(hits[["doc_id", "sent_id", "frame", "cues", "matched"]], groups, by)
    rows = _with_group(hits.loc[hits.index.repeat(hits["cues"]), ["doc_id", "frame"]], groups, by)
    if rows.empty:
        return _empty([by, "frame"]), refs
    table = rates(rows, ann=sub, by=by, within="frame", per="tokens", n_boot=n_boot, ci=ci, seed=seed)
    return table, refs


def _topic_table(model, by: str, *, ci: float, seed: int, notes) -> pd.DataFrame:
    """The topic prevalence of a fitted TopicModel per group, with the topic's label words."""
    table = model.prevalence(by=by, ci=ci, seed=seed)
    labels = model.labels(5)
    if "frex" in labels.columns:
        table = table.assign(words=table["topic"].map(labels["frex"]))
    notes.append("topic prevalence is estimated over the documents the topic model was fitted on")
    return table
