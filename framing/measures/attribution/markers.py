"""Distancing markers: particles, "так называемый", attribution phrases, legal labels.

:func:`marker_class` and :func:`marker_classes` sort a marker into the classes of
:data:`MARKER_CLASSES`; ``_marker_hits`` finds the markers of
``distancing_markers.tsv`` in a sentence, ``_marker_rows`` builds the rows of
:func:`framing.measures.attribution.markers`, with scare quotes and legal labels
from :mod:`.quotes`.

References
----------
Predelli, S. (2003). Scare quotes and their relation to other semantic issues.
*Linguistics and Philosophy* 26(1).
"""

from __future__ import annotations

from .sentence import _Sent
from .words import _Res, _legal, _norm, phrase_starts


def marker_class(marker: str) -> str:
    """The class (:data:`MARKER_CLASSES`) of one entry of the ``markers`` column.

    ``"scare_quote"`` and ``"legal_label"`` are their own classes; an attribution
    phrase ("по версии", "по утверждению", "как утверждается", "according to
    claims") is ``"institutional"``; every other marker ("якобы", "мол",
    "так называемый", "нібито", "allegedly") is a ``"particle"``.

    Examples
    --------
    >>> from framing.measures.attribution import marker_class
    >>> [marker_class(m) for m in ["якобы", "по версии", "scare_quote", "legal_label"]]
    ['particle', 'institutional', 'scare_quote', 'legal_label']
    """
    m = _norm(marker).strip()
    if m in ("scare_quote", "legal_label"):
        return m
    words = m.split()
    return "institutional" if len(words) > 1 and words[0] in phrase_starts() else "particle"


def marker_classes(verb_class: str, markers) -> set:
    """The distancing classes of one attribution: each marker's class, plus ``"verb"``
    when the reporting verb is distancing and no attribution phrase made it so."""
    out = {marker_class(m) for m in (markers if isinstance(markers, (list, tuple)) else ())}
    if verb_class == "distancing" and "institutional" not in out:
        out.add("verb")
    return out


def _marker_hits(S: _Sent, R: _Res):
    out = []
    i = 0
    while i < S.n:
        hit = None
        for words, kind, scope, name in R.markers:
            if i + len(words) > S.n:
                continue
            ok = True
            for k, w in enumerate(words):
                t, l = S.low[i + k], S.lem[i + k]
                if w.endswith("*"):
                    ok = t.startswith(w[:-1]) or l.startswith(w[:-1])
                else:
                    ok = t == w or (l == w and len(words) == 1 and w not in ("де",))
                if not ok:
                    break
            if ok:
                hit = (i, i + len(words) - 1, name, kind, scope)
                break
        if hit:
            out.append(hit)
            i = hit[1] + 1
        else:
            i += 1
    return out


def _marker_rows(S, R, doc_id, outlet, text, quotes, owner) -> list:
    """The distancing markers and scare quotes of one sentence."""
    rows = []
    for i, j, name, kind, scope in _marker_hits(S, R):
        s, e = S.start[i], S.end[j]
        own = owner(s, e)
        if scope == "report" and own < 0:
            continue
        rows.append({"doc_id": doc_id, "outlet": outlet, "sent_id": S.sent_id, "start": s, "end": e,
                     "text": text[s:e], "marker": name, "kind": kind, "attribution": own})
    for q in quotes:
        if q.kind == "scare" and S.start[0] <= q.open < S.end[-1]:
            own = owner(q.open, q.close + 1, need_distancing=True)
            if own == -2:
                continue      # the quoted words of a neutral report (mixed quotation)
            kind = "legal_label" if _legal(R, text[q.open:q.close + 1]) else "scare_quote"
            rows.append({"doc_id": doc_id, "outlet": outlet, "sent_id": S.sent_id, "start": q.open,
                         "end": q.close + 1, "text": text[q.open:q.close + 1], "marker": kind,
                         "kind": kind, "attribution": own})
    return rows
