"""HTML of a :class:`~framing.Comparison`: the side-by-side table and the standalone page.

The page (:func:`render_comparison`) is one file with inline CSS and JavaScript
(``compare.css``, ``compare.js`` beside this module) and embedded PNG figures:
it opens offline and never loads anything.  It shows the articles of one event
in columns, one per outlet, with

==========  ===========================================================
``span.s``   a sentence, with an anchor ``id="s<doc>-<sent>"``
``span.ep``  an epithet (``ep-neg`` / ``ep-pos`` / ``ep-neu`` by polarity)
``span.rv``  a reporting verb (``rv-<class>``)
``span.mk``  a distancing marker
``span.q``   the content of an attribution (``q-<quote type>``)
``span.ac``  an actor mention
``span.kw``  a distinctive word of the outlet
==========  ===========================================================

and a table of the figures per outlet in which every figure is a link
(``a[data-refs]``) to the sentences it was counted in.  All text from the
corpus is escaped.

Longer than 600 lines because one renderer per section of the page, each short: a section
goes through the rows of a Comparison table to put every figure next to the sentences it
links to (``data-refs``) and to mark those spans in the articles, which is why it reads
rows rather than the summary.  The figures, intervals and marker offsets themselves come
from the Comparison (issue #14 item 2); nothing here runs a measure or a bootstrap.
"""

from __future__ import annotations

import base64
import html
import re
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources

import numpy as np
import pandas as pd

__all__ = ["render_comparison", "side_by_side_html", "side_by_side_text", "highlight", "Span"]

_LAYERS = [("ep", "epithets", "var(--ep-neg)"), ("rv", "reporting verbs", "var(--rv)"),
           ("mk", "distancing markers", "var(--mk)"), ("q", "quoted / reported content", "var(--q)"),
           ("ac", "actor mentions", "var(--ac)"), ("kw", "distinctive words", "var(--kw)")]


def _e(x) -> str:
    """Escape for text and attribute values."""
    if x is None or (isinstance(x, float) and np.isnan(x)):
        return ""
    return html.escape(str(x), quote=True)


def _asset(name: str) -> str:
    return resources.files("framing.report").joinpath(name).read_text(encoding="utf-8")


# --- highlighting -------------------------------------------------------------------

@dataclass
class Span:
    """A highlighted stretch of a document: ``[start, end)`` with its class and attributes.

    ``rank`` orders spans that start together (lower = outer).  A span that
    crosses another is split; only its first part carries the ``id``.
    """

    start: int
    end: int
    cls: str
    attrs: dict = field(default_factory=dict)
    rank: int = 5


def _open(span: Span, first: bool) -> str:
    attrs = [f'class="{_e(span.cls)}"']
    for k, v in span.attrs.items():
        if v is None or (k == "id" and not first):
            continue
        attrs.append(f'{_e(k)}="{_e(v)}"')
    if not first:
        attrs.append('data-cont="1"')
    return "<span " + " ".join(attrs) + ">"


def highlight(text: str, spans) -> str:
    """Escaped ``text`` with ``spans`` as properly nested ``<span>`` elements.

    Overlapping spans that do not nest are split at the crossing (a quotation
    running over two sentences becomes two ``span.q`` pieces).

    Examples
    --------
    >>> from framing.report.html import Span, highlight
    >>> highlight("a <b> c", [Span(2, 5, "ep")])
    'a <span class="ep">&lt;b&gt;</span> c'
    """
    n = len(text)
    spans = [s for s in spans if 0 <= s.start < s.end <= n]
    bounds = sorted({0, n} | {s.start for s in spans} | {s.end for s in spans})
    starts = defaultdict(list)
    for s in spans:
        starts[s.start].append(s)
    out, stack, seen = [], [], set()
    for i, p in enumerate(bounds):
        reopen = []
        if any(s.end == p for s in stack):
            while any(s.end == p for s in stack):
                s = stack.pop()
                out.append("</span>")
                if s.end != p:
                    reopen.append(s)
            reopen.reverse()
        new = sorted(starts.get(p, []), key=lambda s: (s.rank, -s.end))
        for s in reopen + new:
            out.append(_open(s, id(s) not in seen))
            seen.add(id(s))
            stack.append(s)
        if i + 1 < len(bounds):
            out.append(html.escape(text[p:bounds[i + 1]], quote=False))
    out.extend("</span>" for _ in stack)
    return "".join(out)


def _polarity_class(p) -> str:
    if p is None or not np.isfinite(p):
        return "ep ep-neu"
    return "ep ep-neg" if p <= -0.3 else ("ep ep-pos" if p >= 0.3 else "ep ep-neu")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _css_token(x) -> str:
    return re.sub(r"[^\w-]+", "_", str(x)).strip("_").lower() or "x"


def _valid(v) -> bool:
    try:
        return v is not None and not pd.isna(v)
    except (TypeError, ValueError):
        return True


def _find_all(hay: str, needle: str):
    if not needle:
        return []
    rx = re.compile(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", re.IGNORECASE)
    return [(m.start(), m.end()) for m in rx.finditer(hay)]


def _doc_spans(comp, doc_id: str, di: int, text: str, marker_table=None) -> list:
    """Every highlight of one document."""
    spans = []
    sents = comp.sentences[comp.sentences["doc_id"] == doc_id]
    bounds = []
    for r in sents.itertuples(index=False):
        bounds.append((int(r.start), int(r.end), int(r.sent_id)))
        spans.append(Span(int(r.start), int(r.end), "s", {"id": f"s{di}-{int(r.sent_id)}"}, rank=0))

    def sentence_of(sent_id):
        for s, e, k in bounds:
            if k == sent_id:
                return s, e
        return 0, len(text)

    m = comp.mentions
    if len(m) and {"start", "end"} <= set(m.columns):
        for r in m[m["doc_id"] == doc_id].itertuples(index=False):
            if getattr(r, "link", "") == "pronoun":
                continue
            spans.append(Span(int(r.start), int(r.end), "ac", {"data-actor": r.actor, "title": f"actor: {r.actor}"},
                              rank=1))
    a = comp.attributions
    if len(a):
        for r in a[a["doc_id"] == doc_id].to_dict("records"):
            qt = r.get("quote_type")
            src = r.get("actor") if _valid(r.get("actor")) else r.get("speaker")
            if _valid(r.get("content_start")) and _valid(r.get("content_end")):
                spans.append(Span(int(r["content_start"]), int(r["content_end"]), f"q q-{_css_token(qt)}",
                                  {"data-source": src, "title": f"{qt or 'quote'} — {src}"}, rank=2))
            cs = next((r.get(k) for k in ("cue_start", "verb_start") if _valid(r.get(k))), None)
            ce = next((r.get(k) for k in ("cue_end", "verb_end") if _valid(r.get(k))), None)
            vc = r.get("verb_class")
            tip = f"reporting verb: {r.get('verb_lemma') or r.get('verb')} ({vc})"
            if cs is not None and ce is not None:
                spans.append(Span(int(cs), int(ce), f"rv rv-{_css_token(vc)}", {"data-class": vc, "title": tip}, rank=3))
            elif _valid(r.get("verb")) and _valid(r.get("sent_id")):
                s0, e0 = sentence_of(int(r["sent_id"]))
                for s, e in _find_all(text[s0:e0], str(r["verb"]))[:1]:
                    spans.append(Span(s0 + s, s0 + e, f"rv rv-{_css_token(vc)}", {"data-class": vc, "title": tip},
                                      rank=3))
            if marker_table is None:
                for s, e, label in _marker_spans(r, text, sentence_of):
                    spans.append(Span(s, e, "mk", {"title": f"distancing marker: {label}"}, rank=3))
    if marker_table is not None and len(marker_table):
        for r in marker_table[marker_table["doc_id"] == doc_id].itertuples(index=False):
            kind = getattr(r, "kind", "")
            spans.append(Span(int(r.start), int(r.end), f"mk mk-{_css_token(kind)}",
                              {"title": f"{str(kind).replace('_', ' ')}: {r.marker}"}, rank=3))
    ep = comp.epithets
    if len(ep):
        for r in ep[ep["doc_id"] == doc_id].itertuples(index=False):
            p = float(r.polarity) if _valid(r.polarity) else np.nan
            tip = f"epithet of {r.actor} ({r.kind}" + (f", polarity {p:+.2f})" if np.isfinite(p) else ")")
            spans.append(Span(int(r.start), int(r.end), _polarity_class(p), {"data-actor": r.actor, "title": tip},
                              rank=3))
    tr = comp.term_refs
    if len(tr):
        for r in tr[tr["doc_id"] == doc_id].itertuples(index=False):
            spans.append(Span(int(r.start), int(r.end), "kw", {"title": f"distinctive word: {r.term}"}, rank=4))
    return spans


def _marker_spans(r: dict, text: str, sentence_of):
    """Offsets of an attribution's distancing markers (offsets when given, else found in its sentence)."""
    for ks, ke in (("marker_start", "marker_end"), ("markers_start", "markers_end")):
        if _valid(r.get(ks)) and _valid(r.get(ke)) and not isinstance(r.get(ks), (list, tuple, np.ndarray)):
            return [(int(r[ks]), int(r[ke]), str(r.get("markers", "")))]
    ms = r.get("markers")
    if isinstance(ms, str):
        ms = [x for x in re.split(r"[|;,]", ms) if x.strip()] if ms.strip() not in ("", "[]", "_") else []
    if not isinstance(ms, (list, tuple, np.ndarray)) or len(ms) == 0:
        return []
    out = []
    s0, e0 = sentence_of(int(r["sent_id"])) if _valid(r.get("sent_id")) else (0, len(text))
    for mk in ms:
        if isinstance(mk, dict):
            if _valid(mk.get("start")) and _valid(mk.get("end")):
                out.append((int(mk["start"]), int(mk["end"]), str(mk.get("text", mk.get("marker", "")))))
                continue
            mk = mk.get("text") or mk.get("marker") or ""
        elif isinstance(mk, (list, tuple)) and len(mk) >= 2 and all(isinstance(x, (int, np.integer)) for x in mk[:2]):
            out.append((int(mk[0]), int(mk[1]), text[int(mk[0]):int(mk[1])]))
            continue
        for s, e in _find_all(text[s0:e0], str(mk)):
            out.append((s0 + s, s0 + e, str(mk)))
    return out


# --- the figures per group ----------------------------------------------------------

@dataclass
class _Item:
    label: str
    refs: list = field(default_factory=list)   # (doc_id, sent_id) pairs; sent_id None = whole document
    cls: str = ""
    tip: str = ""
    n: str = ""


def _ci(lo, hi, pct=False) -> str:
    if not (_valid(lo) and _valid(hi)):
        return ""
    return f" [{lo:.0%}, {hi:.0%}]" if pct else f" [{lo:+.2f}, {hi:+.2f}]"


def _refs(df, cols=("doc_id", "sent_id")) -> list:
    if df is None or df.empty or not set(cols) <= set(df.columns):
        return []
    return list(dict.fromkeys(zip(df[cols[0]], df[cols[1]].astype(int))))


def _restrict(df, doc_ids):
    if df is None or df.empty or doc_ids is None or "doc_id" not in df.columns:
        return df
    return df[df["doc_id"].isin(doc_ids)]


def _lookup(df, keys, cols=("ci_low", "ci_high"), where=None) -> dict:
    """{tuple of key values as str: (col values)} for fast look-ups."""
    if df is None or df.empty or not set(keys) <= set(df.columns):
        return {}
    if where is not None:
        df = df[where(df)]
    kv = zip(*(df[k].astype(str) for k in keys))
    return dict(zip(kv, zip(*(df[c] for c in cols))))


def _sections(comp, doc_ids=None) -> list:
    """[(title, {group: [_Item]})] for the whole comparison or the given documents."""
    by = comp.by
    groups = comp.groups
    whole = doc_ids is None
    docs = comp.docs if whole else comp.docs[comp.docs["doc_id"].isin(doc_ids)]
    out = []

    # coverage
    cov = {}
    cov_by = {str(g): c for g, c in comp.coverage.groupby(by)} if len(comp.coverage) else {}
    n_ev = comp.coverage["event"].nunique() if len(comp.coverage) else 0
    shown_events = set(docs[comp.event_col].astype(str)) if comp.event_col else set()
    for g, sub in docs.groupby(by):
        items = [_Item(_plural(len(sub), "document"), [(d, None) for d in sub["doc_id"]],
                       n=f"{int(sub['tokens'].sum()):,} words")]
        c = cov_by.get(str(g))
        if comp.event_col and c is not None and len(c):
            if whole:
                items.append(_Item(f"{c['event'].nunique()} of {n_ev} events",
                                   n=f"first on {int(c['first'].sum())}"))
                if c["lag_h"].notna().any():
                    items.append(_Item(f"median lag {c['lag_h'].median():.1f} h"))
            else:
                c = c[c["event"].astype(str).isin(shown_events)]
                for r in c.itertuples(index=False):
                    when = "" if pd.isna(r.first_report) else f"{r.first_report:%d %b %H:%M}"
                    lag = "first" if r.first else (f"+{r.lag_h:.1f} h" if _valid(r.lag_h) else "")
                    items.append(_Item(f"first report {when}", n=lag))
        cov[str(g)] = items
    out.append(("Coverage", cov))

    # naming
    men = _restrict(comp.naming_mentions, doc_ids)
    if men is not None and len(men) and "form" in men:
        top = men["actor"].value_counts().index[:5]
        cells = defaultdict(list)
        for (g, a), sub in men[men["actor"].isin(top)].groupby([by, "actor"]):
            parts = sorted(((len(s_), f, s_) for f, s_ in sub.groupby("form")), key=lambda x: (-x[0], x[1]))
            for k, f, s_ in parts[:3]:
                tip = "; ".join(sorted(set(s_["text"].astype(str)))[:6]) if "text" in s_ else ""
                cells[str(g)].append(_Item(f"{a}: {f.replace('_', ' ')}", _refs(s_), n=f"{k}/{len(sub)}", tip=tip))
        out.append(("Naming forms", dict(cells)))
    elif len(comp.naming):
        cells = defaultdict(list)
        nmf = _restrict(comp.naming, doc_ids)
        top = nmf.groupby("actor")["n"].sum().sort_values(ascending=False).index[:5]
        for r in nmf[nmf["actor"].isin(top)].sort_values("n", ascending=False).itertuples(index=False):
            cells[str(getattr(r, by))].append(_Item(f"{r.actor}: {str(r.form).replace('_', ' ')}", n=f"{r.share:.0%}"))
        out.append(("Naming forms", dict(cells)))

    # epithets
    ep = _restrict(comp.epithets, doc_ids)
    if ep is not None and len(ep):
        top = ep["actor"].value_counts().index[:6]
        cells = defaultdict(list)
        pol = _lookup(comp.polarity, [by, "actor"]) if whole else {}
        for (g, a), sub in ep[ep["actor"].isin(top)].groupby([by, "actor"]):
            p = sub["polarity"].dropna()
            head = f"{a}: mean polarity {p.mean():+.2f}" if len(p) else f"{a}"
            if (str(g), str(a)) in pol:
                head += _ci(*pol[(str(g), str(a))])
            cells[str(g)].append(_Item(head, _refs(sub), cls="head", n=_plural(len(sub), "epithet")))
            parts = sorted(((len(s_), lem, s_) for lem, s_ in sub.groupby("epithet_lemma")),
                           key=lambda x: (-x[0], str(x[1])))
            for k, lem, s_ in parts[:4]:
                cells[str(g)].append(_Item(f"«{lem}»", _refs(s_), cls=_polarity_class(s_["polarity"].mean()),
                                           n=f"×{k}", tip="; ".join(sorted(set(s_["epithet"].astype(str)))[:5])))
        out.append(("Epithets", dict(cells)))
        ev = {}
        evl = _lookup(comp.evaluative, [by]) if whole else {}
        for g, sub in ep.groupby(by):
            flag = sub["evaluative"].astype(bool)
            k = int(flag.sum())
            label = f"{k / len(sub):.0%} evaluative" + (_ci(*evl[(str(g),)], pct=True) if (str(g),) in evl else "")
            ev[str(g)] = [_Item(label, _refs(sub[flag]), n=f"{k} of {len(sub)}")]
        out.append(("Evaluative epithets", ev))

    # attributions
    att = _restrict(comp.attributions, doc_ids)
    if att is not None and len(att):
        from ..compare._shared import _as_bool_markers, _source_label

        att = att.assign(_source=_source_label(att))
        cells = defaultdict(list)
        voice = _lookup(comp.voices, [by, "actor"]) if whole else {}
        for g, sub in att.groupby(by):
            for src, ss in sorted(sub.groupby("_source"), key=lambda x: (-len(x[1]), x[0]))[:6]:
                label = f"{src}: {len(ss) / len(sub):.0%}"
                if (str(g), str(src)) in voice:
                    label += _ci(*voice[(str(g), str(src))], pct=True)
                cells[str(g)].append(_Item(label, _refs(ss), n=f"n={len(ss)}"))
        out.append(("Sources (share of voice)", dict(cells)))
        if "verb_class" in att:
            cells = defaultdict(list)
            vcl = _lookup(comp.verb_classes, [by, "verb_class"]) if whole else {}
            for g, sub in att.groupby(by):
                for c, ss in sorted(sub.groupby("verb_class"), key=lambda x: (-len(x[1]), str(x[0]))):
                    verbs = ss["verb_lemma"] if "verb_lemma" in ss else ss.get("verb", pd.Series(dtype=object))
                    label = f"{c}: {len(ss) / len(sub):.0%}"
                    if (str(g), str(c)) in vcl:
                        label += _ci(*vcl[(str(g), str(c))], pct=True)
                    cells[str(g)].append(_Item(label, _refs(ss), cls=f"rv rv-{_css_token(c)}", n=f"n={len(ss)}",
                                               tip=", ".join(verbs.astype(str).value_counts().index[:6])))
            out.append(("Reporting verbs", dict(cells)))
        flag = (att["distancing"].fillna(False).astype(bool) if "distancing" in att
                else att["markers"].map(_as_bool_markers) if "markers" in att else None)
        if flag is not None:
            cells = defaultdict(list)
            att = att.assign(_d=flag.to_numpy())
            dl = (_lookup(comp.distancing, [by], where=lambda d: d["actor"].isna())
                  if whole and "actor" in comp.distancing else {})
            for g, sub in att.groupby(by):
                k = int(sub["_d"].sum())
                label = f"distancing rate {k / len(sub):.0%}" + (_ci(*dl[(str(g),)], pct=True) if (str(g),) in dl else "")
                cells[str(g)].append(_Item(label, _refs(sub[sub["_d"]]), n=f"{k} of {len(sub)}"))
                if "markers" in sub:
                    mk = defaultdict(list)
                    for d_, s_, ms in zip(sub["doc_id"], sub["sent_id"], sub["markers"]):
                        if isinstance(ms, str):
                            ms = [x for x in re.split(r"[|;,]", ms) if x.strip()]
                        for x in (ms if isinstance(ms, (list, tuple, np.ndarray)) else []):
                            label_m = x.get("text", x.get("marker", "")) if isinstance(x, dict) else str(x)
                            mk[label_m.lower().replace("_", " ")].append((d_, int(s_)))
                    for x, refs in sorted(mk.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:5]:
                        cells[str(g)].append(_Item(f"«{x}»", list(dict.fromkeys(refs)), cls="mk", n=f"×{len(refs)}"))
            out.append(("Distancing", dict(cells)))
        if "quote_type" in att:
            cells = defaultdict(list)
            for g, sub in att.groupby(by):
                for qt, ss in sorted(sub.groupby("quote_type"), key=lambda x: (-len(x[1]), str(x[0]))):
                    cells[str(g)].append(_Item(str(qt).replace("_", " "), _refs(ss), cls="q", n=f"{len(ss)}"))
            out.append(("Quotes", dict(cells)))

    # contested naming
    hits = _restrict(comp.contested_hits, doc_ids)
    if hits is not None and len(hits) and "variant" in hits:
        cells = defaultdict(list)
        for (g, c), sub in hits.groupby([by, "concept"]):
            for v, ss in sorted(sub.groupby("variant"), key=lambda x: (-len(x[1]), str(x[0]))):
                cells[str(g)].append(_Item(f"{c}: {v}", _refs(ss), n=f"{len(ss)}/{len(sub)}"))
        out.append(("Contested naming", dict(cells)))

    # frames: the frames whose cues are densest per group
    fr = getattr(comp, "frames", None)
    if fr is not None and len(fr) and "rate" in fr:
        refs = _restrict(getattr(comp, "frame_refs", None), doc_ids)
        refs_of = ({(str(g), str(f_)): _refs(s_) for (g, f_), s_ in refs.groupby([by, "frame"])}
                   if refs is not None and len(refs) else {})
        cells = defaultdict(list)
        for g, sub in fr.groupby(by):
            for r in sub.sort_values("rate", ascending=False).head(4).itertuples(index=False):
                key = (str(g), str(r.frame))
                if not whole and key not in refs_of:
                    continue
                label = f"{str(r.frame).replace('_', ' ')}: {r.rate:.1f}" + (_ci(r.ci_low, r.ci_high) if whole else "")
                cells[str(g)].append(_Item(label, refs_of.get(key, []), n="cues per 1,000 tokens"))
        out.append(("Frames (dictionary cues)", dict(cells)))

    # topics: the largest topics per group (whole comparison only: prevalence is over the model's documents)
    tp = getattr(comp, "topics", None)
    if whole and tp is not None and len(tp) and "estimate" in tp and by in tp:
        cells = defaultdict(list)
        for g, sub in tp.groupby(by):
            for r in sub.sort_values("estimate", ascending=False).head(3).itertuples(index=False):
                words = getattr(r, "words", "")
                cells[str(g)].append(_Item(f"topic {r.topic}: {r.estimate:.0%}{_ci(r.ci_lower, r.ci_upper, pct=True)}",
                                           tip=str(words), n=str(words)[:40]))
        out.append(("Topics (prevalence)", dict(cells)))

    # distinctive words
    top = comp.top_terms(10 if not whole else None)
    if len(top):
        tr = _restrict(comp.term_refs, doc_ids)
        refs_of = ({(str(g), str(t)): _refs(s_) for (g, t), s_ in tr.groupby([by, "term"])}
                   if tr is not None and len(tr) else {})
        cells = defaultdict(list)
        for g, term, z in zip(top["group"], top["term"], top["z"]):
            refs = refs_of.get((str(g), str(term)), [])
            if not whole and not refs:
                continue
            cells[str(g)].append(_Item(str(term), refs, cls="kw", n=f"z={z:.1f}"))
        out.append(("Distinctive words", dict(cells)))
    return [(t, c) for t, c in out if any(c.values())] if groups else out


def _item_html(it: _Item, anchor) -> str:
    ids = []
    if anchor is not None:
        for d, s in it.refs:
            a = anchor(d, s)
            if a:
                ids.append(a)
    ids = list(dict.fromkeys(ids))
    label = _e(it.label)
    cls = f' class="{_e(it.cls)}"' if it.cls else ""
    tip = f' title="{_e(it.tip)}"' if it.tip else ""
    if ids:
        body = f'<a href="#{_e(ids[0])}" data-refs="{_e(" ".join(ids))}"{tip}><span{cls}>{label}</span></a>'
    else:
        body = f"<span{cls}{tip}>{label}</span>"
    n = f' <span class="n">{_e(it.n)}</span>' if it.n else ""
    return f"<li>{body}{n}</li>"


def _side_table(comp, sections, anchor=None) -> str:
    groups = comp.groups
    head = "".join(f"<th>{_e(g)}</th>" for g in groups)
    rows = []
    for title, cells in sections:
        tds = "".join("<td><ul>" + "".join(_item_html(it, anchor) for it in cells.get(g, [])) + "</ul></td>"
                      for g in groups)
        rows.append(f"<tr><th scope='row'>{_e(title)}</th>{tds}</tr>")
    return (f"<div class='wrap'><table class='side'><thead><tr><th>{_e(comp.by)}</th>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table></div>")


def _notes_html(notes) -> str:
    if not notes:
        return ""
    return "<ul class='notes'>" + "".join(f"<li>{_e(n)}</li>" for n in notes) + "</ul>"


def side_by_side_html(comp) -> str:
    """The Jupyter display of a comparison: one column per group (no links)."""
    style = ("<style>.framing-cmp table.side{border-collapse:collapse}.framing-cmp td,.framing-cmp th"
             "{border:1px solid #ddd;padding:4px 6px;vertical-align:top;text-align:left}"
             ".framing-cmp ul{margin:0;padding-left:1em}.framing-cmp .n{color:#666;font-size:.85em}"
             ".framing-cmp .ep-neg{background:#f4c7c3}.framing-cmp .ep-pos{background:#c8e6c9}"
             ".framing-cmp .notes{background:#fff8e1}</style>")
    ev = "" if comp.event is None else f", event {_e(comp.event)}"
    head = (f"<p><b>Comparison</b> by <code>{_e(comp.by)}</code>{ev}: {len(comp.docs)} documents, "
            f"{len(comp.groups)} groups.</p>")
    return (f"<div class='framing-cmp'>{style}{head}{_side_table(comp, _sections(comp))}"
            f"{_notes_html(comp.notes)}</div>")


def side_by_side_text(comp) -> pd.DataFrame:
    """The headline figures as text, one column per group."""
    rows = {}
    for title, cells in _sections(comp):
        rows[title] = {g: "; ".join(f"{it.label} ({it.n})" if it.n else it.label for it in cells.get(g, []))
                       for g in comp.groups}
    return pd.DataFrame.from_dict(rows, orient="index", columns=comp.groups)


# --- the page -----------------------------------------------------------------------

def _pick_docs(comp, event, max_docs: int):
    docs = comp.docs
    label = None
    if event is not None:
        if not comp.event_col:
            from .._errors import OptionError
            raise OptionError("to_html(): event= needs an event column in the comparison.")
        docs = docs[docs[comp.event_col].astype(str) == str(event)]
        if docs.empty:
            from .._errors import OptionError
            raise OptionError(f"to_html(): no documents of event {event!r} in this comparison; events: "
                              f"{comp.events['event'].astype(str).tolist()[:12]}.")
        label = str(event)
    elif comp.event is not None:
        label = comp.event if isinstance(comp.event, str) else ", ".join(map(str, comp.event))
    elif comp.event_col and len(comp.events):
        label = str(comp.events["event"].iloc[0])
        docs = docs[docs[comp.event_col].astype(str) == label]
    # the most central documents of the event first (group_events), else the earliest
    order = ([comp.by, "_c", "published", "doc_id"] if "event_centrality" in docs.columns
             else [comp.by, "published", "doc_id"])
    docs = docs.assign(_c=-docs["event_centrality"] if "event_centrality" in docs.columns else 0.0)
    docs = docs.sort_values(order, kind="stable", na_position="last")
    total = len(docs)
    if total > max_docs:  # the first documents of every group, in turn
        docs = docs.assign(_r=docs.groupby(comp.by).cumcount()).sort_values(["_r", comp.by], kind="stable")
        docs = docs.head(max_docs).drop(columns="_r").sort_values(order, kind="stable", na_position="last")
    return docs.drop(columns="_c"), label, total


def _figure_html(figures, comp) -> str:
    if not figures:
        return ""
    imgs = []
    if isinstance(figures, dict):
        for name, path in figures.items():
            with open(path, "rb") as fh:
                imgs.append((name, fh.read()))
    else:
        import io

        import matplotlib.pyplot as plt

        kinds = []
        if len(comp.keyness):
            kinds += [("fightin_words", {"group": g}) for g in sorted(comp.keyness["group"].astype(str).unique())[:4]]
        kinds += [("epithet_polarity", {}), ("verb_classes", {}), ("naming_forms", {}), ("coverage", {})]
        for kind, kw in kinds:
            try:
                ax = comp.plot(kind, **kw)
            except Exception as err:  # a figure that cannot be drawn is named, not faked
                comp_note = f"figure {kind} not drawn: {type(err).__name__}: {err}"
                imgs.append((comp_note, None))
                continue
            buf = io.BytesIO()
            ax.figure.savefig(buf, format="png", dpi=110, bbox_inches="tight")
            plt.close(ax.figure)
            imgs.append((kind + (f" — {kw['group']}" if kw else ""), buf.getvalue()))
    parts = []
    for name, data in imgs:
        if data is None:
            parts.append(f"<figure><figcaption>{_e(name)}</figcaption></figure>")
            continue
        b64 = base64.b64encode(data).decode("ascii")
        parts.append(f"<figure><img alt='{_e(name)}' src='data:image/png;base64,{b64}'>"
                     f"<figcaption>{_e(str(name).replace('_', ' '))}</figcaption></figure>")
    return "<h2 id='figures'>Figures</h2><div class='figures'>" + "".join(parts) + "</div>"


def _safe_url(u) -> str | None:
    u = str(u or "").strip()
    return u if re.match(r"^https?://", u, re.I) else None


def render_comparison(comp, *, event=None, figures=True, max_docs: int = 40, title: str | None = None,
                      links: dict | None = None) -> str:
    """The standalone HTML page of a comparison (see the module docstring).

    ``links`` (label → relative address) adds a navigation line, e.g. to the
    pages of other events.
    """
    shown, label, total = _pick_docs(comp, event, max_docs)
    by = comp.by
    index = {d: i for i, d in enumerate(shown["doc_id"])}
    sent_ok = set(zip(comp.sentences["doc_id"], comp.sentences["sent_id"].astype(int)))

    def anchor(doc_id, sent_id):
        i = index.get(doc_id)
        if i is None:
            return None
        if sent_id is None or (doc_id, int(sent_id)) not in sent_ok:
            return f"d{i}"
        return f"s{i}-{int(sent_id)}"

    readable = (shown["event_label"].dropna().astype(str).iloc[0]
                if label and "event_label" in shown.columns and shown["event_label"].notna().any() else "")
    title = title or (f"Comparison by {by}" + (f": event {label}" if label else "")
                      + (f" ({readable})" if readable else ""))
    notes = list(comp.notes)
    central = "most central" if "event_centrality" in shown.columns else "earliest"
    if total > len(shown):
        notes.append(f"{len(shown)} of the event's {total} documents shown, the {central} of each {by} first "
                     f"(max_docs={max_docs})")
    ev_desc = ""
    if comp.event_col and label and len(comp.coverage):
        c = comp.coverage[comp.coverage["event"].astype(str) == str(label)]
        if len(c):
            ev_desc = (f"Event <b>{_e(label)}</b> ({_e(comp.event_col)}): reported by {c[by].nunique()} of "
                       f"{len(comp.groups)} groups in {int(c['n_docs'].sum())} documents; first report "
                       f"{_e(_fmt_time(c['first_report'].min()))}. Shown here: {len(shown)} of {total} "
                       f"documents, the {central} of each group first.")
    legend = "".join(
        f"<label><input type='checkbox' checked data-layer='{k}'> <span class='sw' style='background:{css}'></span>"
        f"{_e(name)}</label>" for k, name, css in _LAYERS)
    # the event's figures, each linked to its sentences
    table = _side_table(comp, _sections(comp, set(shown["doc_id"])), anchor)
    marker_table = comp.marker_table(list(shown["doc_id"]), notes)
    cols = []
    for g, sub in shown.groupby(by, sort=True):
        parts = [f"<div class='col'><h3 class='group'>{_e(g)}</h3>"]
        for r in sub.itertuples(index=False):
            i = index[r.doc_id]
            text = r.text if isinstance(r.text, str) else ""
            body = highlight(text, _doc_spans(comp, r.doc_id, i, text, marker_table))
            url = _safe_url(getattr(r, "url", ""))
            link = f" · <a href='{_e(url)}' rel='noopener noreferrer'>source</a>" if url else ""
            lang = getattr(r, "lang", "")
            parts.append(f"<article class='doc' id='d{i}' data-doc='{_e(r.doc_id)}' lang='{_e(lang)}'>"
                         f"<h3>{_e(getattr(r, 'title', '') or r.doc_id)}</h3>"
                         f"<div class='meta'>{_e(r.doc_id)} · {_e(_fmt_time(r.published))}{link}</div>"
                         f"<div class='body'>{body}</div></article>")
        parts.append("</div>")
        cols.append("".join(parts))
    whole = ""
    if len(shown) < len(comp.docs):
        whole = ("<h2 id='whole'>Across all compared documents</h2>"
                 f"<p class='sub'>{len(comp.docs)} documents; intervals are {comp.params.get('ci', 0.95):.0%} "
                 "bootstrap intervals over documents.</p>" + _side_table(comp, _sections(comp)))
    cov = comp.coverage
    cov_html = ""
    if len(cov):
        cv = cov.copy()
        for c in ("first_report", "last_report"):
            cv[c] = cv[c].map(_fmt_time)
        for c in ("span_h", "lag_h"):
            cv[c] = cv[c].round(1)
        cov_html = ("<h2 id='coverage'>Coverage</h2>"
                    + cv.to_html(index=False, escape=True, classes="data", border=0, na_rep="—"))
    from .._version import __version__

    nav = ""
    if links:
        nav = ("<nav class='sub'>" + " · ".join(f"<a href='{_e(href)}'>{_e(lab)}</a>" for lab, href in links.items())
               + "</nav>")
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="framing {_e(__version__)}">
<link rel="icon" href="data:,">
<title>{_e(title)}</title>
<style>
{_asset("compare.css")}
</style>
</head>
<body>
{nav}<h1>{_e(title)}</h1>
<p class="sub">{ev_desc} Click a figure to highlight the sentences it was counted in.</p>
{_notes_html(notes)}
<div class="legend">{legend}</div>
<h2 id="event-figures">Figures per {_e(by)} for the documents shown</h2>
{table}
<h2 id="articles">Articles</h2>
<div class="articles">{"".join(cols)}</div>
{whole}
{cov_html}
{_figure_html(figures, comp)}
<footer>Written by framing {_e(__version__)}. Highlights: epithets (span.ep), reporting verbs (span.rv),
distancing markers (span.mk), reported content (span.q), actor mentions (span.ac), distinctive words (span.kw).</footer>
<script>
{_asset("compare.js")}
</script>
</body>
</html>
"""


def _fmt_time(t) -> str:
    if t is None or pd.isna(t):
        return "no date"
    try:
        return f"{pd.Timestamp(t):%Y-%m-%d %H:%M} UTC"
    except Exception:  # pragma: no cover
        return str(t)
