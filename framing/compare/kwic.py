"""Concordances (key word in context) over lemmas or surface forms.

A concordance lists every occurrence of a pattern with its left and right
context, the outlet and the date, so that any count in a measure table can be
read back in the sentences behind it (Luhn 1960's KWIC index; the
``kwic`` of quanteda, Benoit et al. 2018).
"""

from __future__ import annotations

import fnmatch
import html
import re

import numpy as np
import pandas as pd

from .._errors import OptionError
from .._options import Interval, OneOf, check

KWIC_COLUMNS = ["doc_id", "outlet", "published", "sent_id", "start", "end", "left", "match", "right"]

_SPEC = {"window": Interval(0, None, integer=True), "by_lemma": OneOf(True, False),
         "ignore_case": OneOf(True, False)}


class KwicTable(pd.DataFrame):
    """A concordance table that renders with the match highlighted in Jupyter."""

    @property
    def _constructor(self):
        return pd.DataFrame

    def _repr_html_(self) -> str:  # pragma: no cover - display only
        if self.empty:
            return "<p>No occurrences.</p>"
        rows = []
        for r in self.head(200).itertuples(index=False):
            date = "" if pd.isna(r.published) else f"{r.published:%Y-%m-%d}"
            rows.append(
                f"<tr><td>{html.escape(str(r.outlet))}</td><td>{date}</td>"
                f"<td style='text-align:right;white-space:nowrap'>{html.escape(r.left)}</td>"
                f"<td style='background:#ffe58f;font-weight:bold'>{html.escape(r.match)}</td>"
                f"<td style='text-align:left;white-space:nowrap'>{html.escape(r.right)}</td></tr>")
        more = f"<p>… {len(self) - 200} more</p>" if len(self) > 200 else ""
        return ("<table><thead><tr><th>outlet</th><th>date</th><th>left</th><th>match</th>"
                "<th>right</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>" + more)


def _word_matcher(word: str, ignore_case: bool):
    flags = re.IGNORECASE if ignore_case else 0
    if word.startswith("re:"):
        try:
            rx = re.compile(word[3:], flags)
        except re.error as err:
            raise OptionError(f"kwic(): {word!r} is not a valid regular expression ({err}); write a literal "
                              f"word, a glob such as 'нацист*', or 're:' and a Python regular expression.") from None
        return lambda s: bool(rx.fullmatch(s))
    if any(ch in word for ch in "*?["):
        rx = re.compile(fnmatch.translate(word), flags)
        return lambda s: bool(rx.match(s))
    w = word.lower().replace("ё", "е") if ignore_case else word
    return (lambda s: s.lower().replace("ё", "е") == w) if ignore_case else (lambda s: s == w)


def kwic(ann, pattern: str, *, by_lemma: bool = True, window: int = 8,
         ignore_case: bool = True) -> KwicTable:
    """Every occurrence of a (multi-word) pattern with its context.

    Parameters
    ----------
    ann : Annotated
    pattern : str
        One word or several separated by spaces, each a literal (``"режим"``), a
        glob (``"нацист*"``) or a regular expression prefixed with ``re:``
        (``"re:укр.*"``). ``"киевский режим"`` matches the lemma sequence, so it
        finds "киевского режима" and "киевским режимом".
    by_lemma : bool
        Match lemmas (default) or surface forms.
    window : int
        Tokens of context on each side.
    ignore_case : bool
        Case-insensitive matching, with ё = е.

    Returns
    -------
    KwicTable (a pandas.DataFrame)
        Columns ``doc_id``, ``outlet``, ``published``, ``sent_id``, ``start``,
        ``end`` (character offsets of the match in the document), ``left``,
        ``match``, ``right`` (surface text). Renders highlighted in Jupyter.

    References
    ----------
    Luhn, H. P. (1960). Key word-in-context index for technical literature.
    *American Documentation* 11(4), 288–295.
    Benoit, K. et al. (2018). quanteda: An R package for the quantitative analysis
    of textual data. *JOSS* 3(30), 774.

    Examples
    --------
    >>> import framing
    >>> ann = framing.annotate(framing.load_demo(), progress=False)
    >>> hits = framing.kwic(ann, "киевский режим")
    >>> hits["outlet"].value_counts().to_dict()
    {'vestnik_agency': 12, 'pervy_kanal_online': 10, 'svobodny_golos': 1}
    >>> hits.loc[2, ["doc_id", "match", "right"]].tolist()
    ['e02_vestnik_agency', 'киевскому режиму', 'территории, сообщило Министерство обороны РФ. В']
    """
    check("kwic", _SPEC, window=window, by_lemma=by_lemma, ignore_case=ignore_case)
    words = pattern.split()
    if not words:
        return KwicTable(pd.DataFrame(columns=KWIC_COLUMNS))
    t = ann.tokens
    col = t["lemma" if by_lemma else "text"].astype(str)
    uniq = pd.unique(col)
    hits = np.ones(len(t) - len(words) + 1 if len(t) >= len(words) else 0, dtype=bool)
    doc = t["doc_id"].to_numpy(dtype=object)
    codes = pd.Categorical(col, categories=uniq).codes
    for k, w in enumerate(words):
        m = _word_matcher(w, ignore_case)
        ok_vocab = np.fromiter((m(u) for u in uniq), dtype=bool, count=len(uniq))
        ok = ok_vocab[codes]
        hits &= ok[k: k + len(hits)]
        if k:
            hits &= doc[k: k + len(hits)] == doc[: len(hits)]
    idx = np.flatnonzero(hits)
    if len(idx) == 0:
        return KwicTable(pd.DataFrame(columns=KWIC_COLUMNS))
    docs = ann.docs.set_index("doc_id")
    texts, outlets, dates = docs["text"], docs["outlet"], docs["published"]
    starts, ends = t["start"].to_numpy(), t["end"].to_numpy()
    sent = t["sent_id"].to_numpy()
    rows = []
    n = len(t)
    for i in idx:
        j = i + len(words) - 1
        d = doc[i]
        lo = i
        while lo > 0 and i - lo < window and doc[lo - 1] == d:
            lo -= 1
        hi = j
        while hi < n - 1 and hi - j < window and doc[hi + 1] == d:
            hi += 1
        text = texts[d]
        s, e = starts[i], ends[j]
        rows.append({"doc_id": d, "outlet": outlets[d], "published": dates[d], "sent_id": int(sent[i]),
                     "start": int(s), "end": int(e),
                     "left": " ".join(text[starts[lo]:s].split()),
                     "match": text[s:e],
                     "right": " ".join(text[e:ends[hi]].split())})
    return KwicTable(pd.DataFrame(rows, columns=KWIC_COLUMNS))
