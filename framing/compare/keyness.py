"""Distinctive vocabulary of groups (outlets) with the statistics researchers cite.

Methods
-------
``log_odds_dirichlet``
    The weighted log-odds ratio with an informative Dirichlet prior of Monroe,
    Colaresi & Quinn (2008, "Fightin' Words", eqs. 16, 18–22): for word *w* and
    groups *i*, *j*,

    δ̂_w = log[(y_wi + α_w) / (n_i + α_0 − y_wi − α_w)] − log[(y_wj + α_w) / (n_j + α_0 − y_wj − α_w)],
    σ²(δ̂_w) ≈ 1/(y_wi + α_w) + 1/(y_wj + α_w),   z = δ̂_w / σ.

    With ``prior="corpus"`` α_w = α_0 · y_w / n (the pooled counts scaled to α_0;
    Monroe et al. leave α_0 to the analyst, and framing's default α_0 = min(n,
    1000) is a prior worth at most 1,000 words: it smooths rare words without
    swamping real differences in small corpora); ``prior="uniform"`` uses α_w = 0.01 as
    Monroe et al.'s uninformative prior; a Series gives α_w from a background
    corpus.
``chi2``
    Pearson's χ² of the 2 × 2 table (word vs other words, group vs reference), no
    continuity correction.
``log_likelihood``
    Dunning's (1993) G² of the same table.

Each group is compared with the rest (``reference="rest"``) and, with
``pairwise=True``, with every other group.  Every comparison tests thousands of
terms, so each p-value is given with its Benjamini & Hochberg (1995) q-value
(:func:`benjamini_hochberg`), computed within the comparison.

What is counted
---------------
Distinctive vocabulary should be content.  By default :func:`keyness` leaves out
the closed-class parts of speech (:data:`FUNCTION_UPOS`), the words of the
built-in stop list of each document's language (``lexicons/<lang>/stopwords.tsv``:
prepositions, conjunctions, particles, pronouns, pronominal adverbs, auxiliaries),
the names of the outlets (their ``outlet`` values and the parts of those, the
names and variants of ``lexicons/<lang>/media_outlets.tsv``, @-handles) and,
when given, the lines the boilerplate detector found
(:func:`framing.boilerplate_lines`).  Each is switched by an option.

Longer than 600 lines because the statistics (each short, with its formula and
reference) share the group counting, the stop-word and boilerplate filters and the
period check.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
import warnings

import numpy as np
import pandas as pd
from scipy import stats

from .._errors import MeasureWarning, OptionError, missing_columns
from .._options import InstanceOf, Interval, NoneOk, OneOf, check
from ..lang.punct import DASHES, DOUBLE_QUOTES, char_class
from ..lang.translit import name_key
from .._tokencounts import BATCH_TOKENS, STOPWORD_LANGS, count_tokens, count_units
from .._tokencounts import stop_sets as _stop_sets
from ..features import Features
from ._counts import FUNCTION_UPOS, doc_groups

__all__ = ["keyness", "log_odds_dirichlet", "chi_square", "log_likelihood", "benjamini_hochberg",
           "KEYNESS_COLUMNS", "FUNCTION_UPOS"]

KEYNESS_COLUMNS = ["group", "reference", "term", "count", "count_reference", "per_1000",
                   "per_1000_reference", "score", "z", "p_value", "q_value"]
#: the period every group covers must be at least this share of the whole period,
#: or :func:`keyness` warns
MIN_SHARED_PERIOD = 0.9
_DATE = [NoneOk(), InstanceOf(str, _dt.date, pd.Timestamp, np.datetime64)]

_SPEC = {
    "method": OneOf("log_odds_dirichlet", "chi2", "log_likelihood"),
    "prior": [OneOf("corpus", "uniform"), InstanceOf(pd.Series)],
    "alpha0": [Interval(0, None, closed="right"), OneOf(None)],
    "min_count": Interval(0, None, integer=True),
    "pairwise": OneOf(True, False),
    "exclude_upos": [NoneOk(), InstanceOf(tuple, list, set, frozenset)],
    "stopwords": [NoneOk(), InstanceOf(str, os.PathLike, pd.DataFrame, tuple, list, set, frozenset)],
    "exclude": [NoneOk(), InstanceOf(tuple, list, set, frozenset)],
    "exclude_outlets": OneOf(True, False),
    "boilerplate": [NoneOk(), InstanceOf(pd.DataFrame)],
    "start": _DATE,
    "end": _DATE,
    "max_q": [NoneOk(), Interval(0, 1)],
}


def log_odds_dirichlet(y_i: np.ndarray, y_j: np.ndarray, alpha: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """δ̂ and z of Monroe, Colaresi & Quinn (2008), eqs. 16, 20 and 22, vectorised.

    Parameters
    ----------
    y_i, y_j : array of float, shape (V,)
        Counts of each word in group *i* and in the reference *j*.
    alpha : array of float, shape (V,)
        Dirichlet prior α_w.

    Returns
    -------
    delta, z : arrays of shape (V,)

    References
    ----------
    Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' words: Lexical
    feature selection and evaluation for identifying the content of political
    conflict. *Political Analysis* 16(4), 372–403.
    """
    a0 = alpha.sum()
    n_i, n_j = y_i.sum(), y_j.sum()
    delta = (np.log((y_i + alpha) / (n_i + a0 - y_i - alpha))
             - np.log((y_j + alpha) / (n_j + a0 - y_j - alpha)))
    var = 1.0 / (y_i + alpha) + 1.0 / (y_j + alpha)
    return delta, delta / np.sqrt(var)


def _two_by_two(y_i, y_j):
    """Observed and expected counts of the 2 × 2 tables, one per word."""
    n_i, n_j = y_i.sum(), y_j.sum()
    a, b = y_i, y_j
    c, d = n_i - y_i, n_j - y_j
    n = n_i + n_j
    obs = np.stack([a, b, c, d])
    row1 = a + b
    row2 = c + d
    exp = np.stack([row1 * n_i / n, row1 * n_j / n, row2 * n_i / n, row2 * n_j / n])
    return obs, exp


def chi_square(y_i: np.ndarray, y_j: np.ndarray) -> np.ndarray:
    """Pearson's χ² (no continuity correction) of each word's 2 × 2 table (Pearson 1900)."""
    obs, exp = _two_by_two(y_i, y_j)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.nansum(np.where(exp > 0, (obs - exp) ** 2 / exp, 0.0), axis=0)


def log_likelihood(y_i: np.ndarray, y_j: np.ndarray) -> np.ndarray:
    """Dunning's (1993) log-likelihood G² = 2 Σ O ln(O/E) of each word's 2 × 2 table.

    References
    ----------
    Dunning, T. (1993). Accurate methods for the statistics of surprise and
    coincidence. *Computational Linguistics* 19(1), 61–74.
    """
    obs, exp = _two_by_two(y_i, y_j)
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(obs > 0, obs * np.log(obs / exp), 0.0)
    return 2 * terms.sum(axis=0)


def benjamini_hochberg(p) -> np.ndarray:
    """Benjamini–Hochberg q-values (false discovery rate adjusted p-values).

    For the m p-values sorted ascending, q_(i) = min_{k ≥ i} min(1, m · p_(k) / k);
    rejecting every hypothesis with q ≤ α controls the false discovery rate at α
    for independent (or positively dependent) tests.

    Parameters
    ----------
    p : array-like of float
        p-values, in any order (NaN stays NaN and is not counted in m).

    Returns
    -------
    numpy.ndarray
        q-values in the order of ``p``.

    References
    ----------
    Benjamini, Y., & Hochberg, Y. (1995). Controlling the false discovery rate: a
    practical and powerful approach to multiple testing. *Journal of the Royal
    Statistical Society B* 57(1), 289–300.

    Examples
    --------
    >>> from framing.compare.keyness import benjamini_hochberg
    >>> benjamini_hochberg([0.01, 0.02, 0.03, 0.04, 0.05]).round(3).tolist()
    [0.05, 0.05, 0.05, 0.05, 0.05]
    """
    p = np.asarray(p, dtype=float)
    q = np.full(p.shape, np.nan)
    ok = ~np.isnan(p)
    m = int(ok.sum())
    if m == 0:
        return q
    order = np.argsort(p[ok], kind="mergesort")
    ranked = p[ok][order] * m / np.arange(1, m + 1)
    adjusted = np.minimum(np.minimum.accumulate(ranked[::-1])[::-1], 1.0)
    out = np.empty(m)
    out[order] = adjusted
    q[ok] = out
    return q


def _timestamp(value, like: pd.Series, *, end: bool) -> pd.Timestamp:
    """``start=``/``end=`` as a timestamp comparable with ``like``; a date alone means the whole day."""
    try:
        ts = pd.Timestamp(value)
    except (ValueError, TypeError) as err:
        raise OptionError(f"keyness(): {'end' if end else 'start'}={value!r} is not a date; "
                          "pass e.g. '2024-11-26' or a pandas Timestamp.") from err
    whole_day = (isinstance(value, _dt.date) and not isinstance(value, _dt.datetime)) or (
        isinstance(value, str) and len(value.strip()) <= 10)
    if end and whole_day:
        ts = ts + pd.Timedelta(days=1) - pd.Timedelta(1, "ns")
    tz = getattr(like.dt, "tz", None)
    if tz is not None and ts.tzinfo is None:
        ts = ts.tz_localize(tz)
    elif tz is None and ts.tzinfo is not None:
        ts = ts.tz_convert(None)
    return ts


def _period_docs(docs: pd.DataFrame, start, end) -> pd.DataFrame:
    """The documents published within ``[start, end]``."""
    if start is None and end is None:
        return docs
    if "published" not in docs.columns:
        raise OptionError("keyness(): start=/end= need a 'published' column with the documents' dates; "
                          "these documents have none.")
    when = pd.to_datetime(docs["published"], errors="coerce", utc=None)
    keep = when.notna()
    if start is not None:
        keep &= when >= _timestamp(start, when, end=False)
    if end is not None:
        keep &= when <= _timestamp(end, when, end=True)
    return docs[keep.to_numpy()]


def _warn_periods(docs: pd.DataFrame, by: str) -> None:
    """Warn when the groups cover different periods: the calendar days all groups cover are fewer
    than 90% of the days from the first group's first document to the last one's last."""
    if "published" not in docs.columns:
        return
    when = pd.to_datetime(docs["published"], errors="coerce")
    if when.notna().sum() == 0:
        return
    day = when.dt.floor("D")                   # calendar days: a group seen on one day covers that day
    span = day.groupby(docs[by].to_numpy()).agg(["min", "max"]).dropna()
    if len(span) < 2:
        return
    whole = span["max"].max() - span["min"].min() + pd.Timedelta(days=1)
    shared = span["max"].min() - span["min"].max() + pd.Timedelta(days=1)
    if shared >= MIN_SHARED_PERIOD * whole:
        return
    first, last = span["min"].max(), span["max"].min()
    ranges = "; ".join(f"{g}: {a:%Y-%m-%d}–{b:%Y-%m-%d}" for g, (a, b) in
                       span.sort_values("min").iterrows())
    if shared > pd.Timedelta(0):
        advice = (f"pass start='{first:%Y-%m-%d}', end='{last:%Y-%m-%d}' to compare the period all groups "
                  "cover")
    else:
        advice = "no period is covered by all groups; pass start=/end= to compare a period most groups cover"
    warnings.warn(f"keyness(): the groups of {by!r} cover different periods ({ranges}), so their "
                  f"distinctive words partly reflect what happened when each was collected; {advice}.",
                  MeasureWarning, stacklevel=3)


_SPLIT = re.compile(r"\s*(?:[|/\\:;,()]|" + char_class(DOUBLE_QUOTES) + r"|\s" + char_class(DASHES) + r"\s|\.\s|\.$)\s*")
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


def _outlet_phrases(outlets, langs) -> list[tuple[str, ...]]:
    """Outlet names as word sequences (case kept): each outlet value, its segments and
    each word of it, and the names and variants of ``media_outlets.tsv``."""
    from ..lexicons import read_lexicon

    phrases = set()
    for name in outlets:
        name = str(name)
        for piece in [name] + _SPLIT.split(name):
            words = tuple(_WORD.findall(piece))
            if words:
                phrases.add(words)
            # a word alone only where the name writes it as a name (capitalised or
            # with a digit): "ТОПОР", "Mash", "112", not the "новости" of "Горячие новости"
            phrases.update((w,) for w in words if w[:1].isupper() or any(ch.isdigit() for ch in w))
    for lg in sorted({lg for lg in langs if lg in STOPWORD_LANGS} or set(STOPWORD_LANGS)):
        lex = read_lexicon(f"{lg}/media_outlets", columns=["name", "variants"])
        for _, row in lex.iterrows():
            for v in [row["name"]] + str(row["variants"]).split(";"):
                words = tuple(_WORD.findall(v))
                if words:
                    phrases.add(words)
    return sorted(phrases)


class _Codes:
    """The token table's strings as integer codes, each string property computed once per distinct value."""

    def __init__(self, t: pd.DataFrame):
        text_code, text_uni = pd.factorize(t["text"].astype(str))
        text_uni = pd.Index(text_uni, dtype=object)
        low_of_text, self.form_vocab = pd.factorize(text_uni.str.lower())
        self.form = low_of_text[text_code]                       # lowercase form, per token
        self.has_letter = np.asarray(text_uni.str.contains(r"[^\W\d_]", regex=True), dtype=bool)[text_code]
        self.wordlike = np.asarray(text_uni.str.contains(r"[^\W_]", regex=True), dtype=bool)[text_code]
        self.upper = np.asarray(text_uni.str[:1].str.isupper(), dtype=bool)[text_code]
        self.at = np.asarray(text_uni == "@", dtype=bool)[text_code]
        self.at_start = np.asarray(text_uni.str.startswith("@"), dtype=bool)[text_code]
        lem_code, lem_uni = pd.factorize(t["lemma"].astype(str))
        low_of_lem, self.lemma_vocab = pd.factorize(pd.Index(lem_uni, dtype=object).str.lower())
        self.lemma = low_of_lem[lem_code]                        # lowercase lemma, per token
        self.doc, self.doc_vocab = pd.factorize(t["doc_id"])

    def lemma_in(self, words) -> np.ndarray:
        """Per token: its lowercase lemma is one of ``words``."""
        return np.asarray(pd.Index(self.lemma_vocab, dtype=object).isin(list(words)), dtype=bool)[self.lemma]


def _lookup(vocab) -> dict:
    return {w: i for i, w in enumerate(vocab)}


def _where(order, ordered, code) -> np.ndarray:
    if code < 0:
        return np.empty(0, dtype=np.int64)
    lo, hi = np.searchsorted(ordered, [code, code + 1])
    return order[lo:hi]


def _outlet_mask(t: pd.DataFrame, phrases, codes: _Codes | None = None) -> np.ndarray:
    """Tokens inside an occurrence of an outlet name, or an @-handle.

    A name word matches a token whose lowercase form or lemma equals it, or whose
    lemma has the same romanised key (a name in another script); where the
    name writes a word with a capital, the token must be capitalised too (so
    "ТОПОР" removes "Топор" but not the axe, "топор").  Names are matched over
    the word tokens (punctuation between the words of a name is skipped).
    """
    n = len(t)
    drop = np.zeros(n, dtype=bool)
    if n == 0:
        return drop
    c = codes or _Codes(t)
    idx = np.flatnonzero(c.wordlike)
    form, lemma, upper, doc = c.form[idx], c.lemma[idx], c.upper[idx], c.doc[idx]
    m = len(idx)
    f_order = np.argsort(form, kind="stable")
    f_sorted = form[f_order]
    l_order = np.argsort(lemma, kind="stable")
    l_sorted = lemma[l_order]
    f_look, l_look = _lookup(c.form_vocab), _lookup(c.lemma_vocab)
    # the romanised key of each lemma (framing.lang.translit.name_key), so that a name
    # written in another script matches too: the outlet "svobodny_golos" and "Свободный голос"
    key_codes, key_vocab = pd.factorize(pd.Index([name_key(w) for w in c.lemma_vocab], dtype=object))
    key = key_codes[lemma]
    k_order = np.argsort(key, kind="stable")
    k_sorted = key[k_order]
    k_look = _lookup(key_vocab)
    for words in phrases:
        fc = [f_look.get(w.lower(), -1) for w in words]
        lc = [l_look.get(w.lower(), -1) for w in words]
        kc = [k_look.get(name_key(w), -1) if len(w) > 2 else -1 for w in words]
        if any(a < 0 and b < 0 and k < 0 for a, b, k in zip(fc, lc, kc)):
            continue
        cand = np.union1d(np.union1d(_where(f_order, f_sorted, fc[0]), _where(l_order, l_sorted, lc[0])),
                          _where(k_order, k_sorted, kc[0]))
        if words[0][:1].isupper():
            cand = cand[upper[cand]]
        for j in range(1, len(words)):
            cand = cand[cand + j < m]
            pos = cand + j
            same = (form[pos] == fc[j]) | (lemma[pos] == lc[j]) | ((key[pos] == kc[j]) & (kc[j] >= 0))
            ok = same & (doc[pos] == doc[cand])
            if words[j][:1].isupper():
                ok &= upper[pos]
            cand = cand[ok]
        for j in range(len(words)):
            drop[idx[cand + j]] = True
    # @handles: "@banksta" as one token, or "@" followed directly by the name
    after_at = np.zeros(n, dtype=bool)
    after_at[1:] = c.at[:-1] & (c.doc[1:] == c.doc[:-1]) & \
        (t["start"].to_numpy()[1:] == t["end"].to_numpy()[:-1])
    return drop | after_at | c.at_start


def _boilerplate_mask(t: pd.DataFrame, docs: pd.DataFrame, boilerplate: pd.DataFrame) -> np.ndarray:
    """Tokens inside a line the boilerplate detector found for the document's outlet."""
    need = {"outlet", "line"} - set(boilerplate.columns)
    if need:
        raise missing_columns("keyness(): the boilerplate table", need,
                              hint="Pass the output of framing.boilerplate_lines(corpus).")
    if "outlet" not in docs.columns or "text" not in docs.columns:
        raise missing_columns("keyness(): the documents table (for boilerplate=)",
                              {"outlet", "text"} - set(docs.columns))
    lines = boilerplate.groupby(boilerplate["outlet"].astype(str))["line"].agg(
        lambda s: sorted({str(x).lower() for x in s if str(x).strip()}, key=len, reverse=True))
    spans = []
    for doc_id, outlet, txt in zip(docs["doc_id"], docs["outlet"].astype(str), docs["text"].astype(str)):
        wanted = lines.get(outlet)
        if not wanted:
            continue
        low = txt.lower()
        if len(low) != len(txt):
            low = txt
        for line in wanted:
            at = low.find(line)
            while at >= 0:
                spans.append((doc_id, at, at + len(line)))
                at = low.find(line, at + len(line))
    drop = np.zeros(len(t), dtype=bool)
    if not spans:
        return drop
    sp = pd.DataFrame(spans, columns=["doc_id", "s", "e"])
    tok = pd.DataFrame({"doc_id": t["doc_id"].to_numpy(), "start": t["start"].to_numpy(),
                        "end": t["end"].to_numpy(), "row": np.arange(len(t))})
    tok = tok[tok["doc_id"].isin(sp["doc_id"].unique())]
    both = tok.merge(sp, on="doc_id")
    inside = both[(both["start"] >= both["s"]) & (both["end"] <= both["e"])]["row"].to_numpy()
    drop[inside] = True
    return drop


def _function_lemmas(batches, exclude_upos, keep_docs=None) -> set:
    """Lowercase lemmas whose majority tag in the data is one of ``exclude_upos``.

    The tags of each lemma are counted over all the batches (consecutive slices
    of the token table; tokens of documents not in ``keep_docs`` are skipped);
    "_" (no tagger) is no tag; ties go to the tag met first in the table, as
    ``numpy.argmax`` over tags numbered in order of appearance.  Reading the
    batches one by one gives what one pass over the whole table gives.
    """
    first: dict = {}
    total = None
    for t in batches:
        if keep_docs is not None:
            t = t[t["doc_id"].isin(keep_docs).to_numpy()]
        if not len(t):
            continue
        up = t["upos"].astype(str)
        for u in pd.unique(up):
            first.setdefault(u, len(first))
        n = pd.DataFrame({"l": t["lemma"].astype(str).str.lower().to_numpy(), "u": up.to_numpy()}) \
            .groupby(["l", "u"], sort=False).size()
        total = n if total is None else total.add(n, fill_value=0)
    if total is None:
        return set()
    df = total.rename("n").reset_index()
    df = df[df["u"] != "_"]
    df = df.assign(rank=df["u"].map(first)).sort_values(["l", "n", "rank"], ascending=[True, False, True],
                                                         kind="mergesort")
    top = df.drop_duplicates("l")
    return set(top.loc[top["u"].isin(list(exclude_upos)), "l"])


def _doc_outlet_phrases(docs: pd.DataFrame) -> list:
    """The outlet-name phrases of a documents table (its outlets, in its languages)."""
    langs = sorted(docs["lang"].astype(str).unique()) if "lang" in docs.columns else []
    return _outlet_phrases(docs["outlet"].dropna().astype(str).unique(), langs)


def _token_drop(tokens: pd.DataFrame, docs: pd.DataFrame, *, exclude_upos, stopwords, exclude,
                exclude_outlets, boilerplate, function_lemmas=None, stop=None, phrases=None) -> np.ndarray:
    """Which tokens are not counted (the options of :func:`keyness`).

    ``function_lemmas`` (from :func:`_function_lemmas` over the whole data) is
    given when ``tokens`` is one batch of a larger table; without it the
    majority tags are counted over ``tokens``.  ``stop`` and ``phrases`` (the
    stopword sets and outlet-name phrases of ``docs``) are given by a caller
    that reads many batches, so that they are built once.
    """
    t = tokens
    c = _Codes(t)
    drop = np.zeros(len(t), dtype=bool)
    if exclude_upos and len(t):
        pos = list(exclude_upos)
        up_code, up_uni = pd.factorize(t["upos"].astype(str))
        up_function = np.asarray(pd.Index(up_uni, dtype=object).isin(pos), dtype=bool)
        drop |= up_function[up_code]
        # a lemma whose majority tag is a function tag is left out everywhere, so the
        # tagger's occasional slips ("со" as NOUN) do not leak through; "_" (no tagger) is no tag
        if function_lemmas is not None:
            drop |= c.lemma_in(function_lemmas)
        else:
            n_l, n_u = len(c.lemma_vocab), len(up_uni)
            counts = np.bincount(c.lemma.astype(np.int64) * n_u + up_code,
                                 minlength=n_l * n_u).reshape(n_l, n_u)
            untagged = np.flatnonzero(np.asarray(up_uni, dtype=object) == "_")
            counts[:, untagged] = 0
            majority_function = up_function[counts.argmax(axis=1)] & (counts.sum(axis=1) > 0)
            drop |= majority_function[c.lemma]
        # punctuation, numbers and emoji of untagged text (and any letterless token)
        drop |= ~c.has_letter
    langs = docs.set_index("doc_id")["lang"].astype(str) if "lang" in docs.columns else None
    if stop is None:
        stop = _stop_sets(stopwords, sorted(langs.unique()) if langs is not None else [])
    if stop:
        if None in stop:
            drop |= c.lemma_in(stop[None])
        else:
            doc_lang = np.asarray(pd.Index(c.doc_vocab).map(langs).astype(str), dtype=object)[c.doc]
            for lg, words in stop.items():
                drop |= (doc_lang == lg) & c.lemma_in(words)
    if exclude:
        drop |= c.lemma_in({str(w).lower() for w in exclude})
    if exclude_outlets and "outlet" in docs.columns:
        if phrases is None:
            phrases = _doc_outlet_phrases(docs)
        drop |= _outlet_mask(t, phrases, codes=c)
    if boilerplate is not None and len(boilerplate):
        drop |= _boilerplate_mask(t, docs, boilerplate)
    return drop


def keyness(data, *, by: str = "outlet", unit: str = "lemma", method: str = "log_odds_dirichlet",
            prior="corpus", alpha0: float | None = None, min_count: int = 1, pairwise: bool = False,
            exclude_upos=FUNCTION_UPOS, stopwords="default", exclude=None, exclude_outlets: bool = True,
            boilerplate: pd.DataFrame | None = None, start=None, end=None,
            max_q: float | None = None) -> pd.DataFrame:
    """Distinctive units of each group against the rest (and pairwise).

    Parameters
    ----------
    data : Annotated or pandas.DataFrame
        An annotation (units counted from its tokens) or any measure table with a
        ``doc_id`` column, the ``by`` column (or ``outlet``) and the ``unit`` column
        (e.g. ``framing.epithets(ann)`` with ``unit="epithet_lemma"``,
        ``framing.attributions(ann)`` with ``unit="verb_lemma"``).
    by : str
        Document column defining the groups (default ``"outlet"``); it must hold
        at least two values.
    unit : str
        For an annotation: ``"lemma"``, ``"form"``, ``"bigram"``, ``"trigram"`` or
        ``"ngram<n>"``; for a table: the column to count.
    method : {"log_odds_dirichlet", "chi2", "log_likelihood"}
    prior : "corpus", "uniform" or pandas.Series
        The Dirichlet prior for ``log_odds_dirichlet`` (see the module docstring).
    alpha0 : float, optional
        Total prior weight α_0 for ``prior="corpus"`` (default: min(n, 1000), n
        the number of units counted).
    min_count : int
        Drop units seen fewer times in the whole data.
    pairwise : bool
        Also compare every ordered pair of groups.
    exclude_upos : tuple of str or None
        Parts of speech not counted (default :data:`FUNCTION_UPOS`: ADP, AUX,
        CCONJ, DET, INTJ, NUM, PART, PRON, SCONJ, PUNCT, SYM).  A token is left out
        when its own tag or the majority tag of its lemma in the data is one of
        them; tokens without a letter are left out too.  ``None`` or ``()``
        counts every token.  Only for an annotation.
    stopwords : "default", None, list of str, path or DataFrame
        Lemmas not counted.  ``"default"``: the built-in list of each document's
        language (``framing.read_lexicon("ru/stopwords")``; documents in a
        language without one get the union of the built-in lists); a list, a TSV
        file or a DataFrame with a ``lemma`` column: your own, for every
        language; ``None``: none.
    exclude : list of str, optional
        More lemmas (or table values) not counted.
    exclude_outlets : bool
        Leave out the outlets' names: each ``outlet`` value, its parts split at
        "|", "/", " - ", ". " and the like, each of its words (where capitalised
        as in the name), the names and variants of the built-in
        ``media_outlets.tsv`` ("РИА Новости", "ТАСС") and @-handles.  Only for an
        annotation.
    boilerplate : pandas.DataFrame, optional
        The output of :func:`framing.boilerplate_lines` on the corpus that was
        annotated: the words inside those lines (sign-offs such as "Подписывайся
        на Mash", photo credits, "Читать нас без VPN можно здесь") are not
        counted in the documents of that outlet.  Only for an annotation whose
        documents keep their ``text``.
    start, end : str, date or Timestamp, optional
        Count only documents published in ``[start, end]`` (a date alone as
        ``end`` includes that whole day).  Without them a warning says when the
        groups cover different periods (the period all cover is under 90% of
        the whole) and which ``start``/``end`` align them.
    max_q : float, optional
        Keep only the rows whose q-value is at most ``max_q`` (e.g. 0.05).

    Returns
    -------
    pandas.DataFrame
        Columns ``group``, ``reference`` ("rest" or another group), ``term``,
        ``count``, ``count_reference``, ``per_1000``, ``per_1000_reference``,
        ``score`` (δ̂ for log-odds, χ² or G² otherwise), ``z`` (δ̂/σ, or the signed
        square root of χ²/G²: positive = over-used by ``group``), ``p_value``
        (two-sided) and ``q_value`` (Benjamini–Hochberg over the terms of the
        same group and reference). Sorted by group, reference and descending z.
        Rates are per 1,000 counted units, i.e. after the exclusions.

    Raises
    ------
    OptionError
        When ``by`` has fewer than two groups in the documents (after
        ``start``/``end``).

    Warns
    -----
    MeasureWarning
        When the groups cover different periods.

    References
    ----------
    Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' words.
    *Political Analysis* 16(4), 372–403.
    Dunning, T. (1993). Accurate methods for the statistics of surprise and
    coincidence. *Computational Linguistics* 19(1), 61–74.
    Benjamini, Y., & Hochberg, Y. (1995). Controlling the false discovery rate.
    *Journal of the Royal Statistical Society B* 57(1), 289–300.

    Examples
    --------
    >>> import framing
    >>> ann = framing.annotate(framing.load_demo(), progress=False)
    >>> k = framing.keyness(ann, by="outlet")
    >>> top = k[(k.group == "pervy_kanal_online") & (k.reference == "rest")].head(5)
    >>> print(top[["term", "count", "per_1000_reference", "z", "q_value"]].round(2).to_string(index=False))
        term  count  per_1000_reference    z  q_value
    западный     19                2.64 4.37     0.03
    киевский     14                1.37 4.30     0.03
     куратор      9                0.10 3.96     0.08
      мирный      9                0.78 3.57     0.29
     эксперт     13                1.96 3.47     0.34

    On Telegram posts, pass the sign-offs the boilerplate detector finds (or run
    :func:`framing.remove_boilerplate` before annotating) and align the periods::

        framing.keyness(ann, by="outlet", boilerplate=framing.boilerplate_lines(corpus),
                        start="2024-11-26", max_q=0.05)
    """
    check("keyness", _SPEC, method=method, prior=prior, alpha0=alpha0, min_count=min_count,
          pairwise=pairwise, exclude_upos=exclude_upos, stopwords=stopwords, exclude=exclude,
          exclude_outlets=exclude_outlets, boilerplate=boilerplate, start=start, end=end, max_q=max_q)
    if isinstance(data, pd.DataFrame):
        need = {"doc_id", unit, by}
        missing = need - set(data.columns)
        if missing:
            raise missing_columns("The measure table", missing)
        if boilerplate is not None:
            raise OptionError("keyness(): boilerplate= needs an annotation (the tokens' offsets); "
                              "a measure table has none.")
        table = data
        if start is not None or end is not None:
            table = table[table["doc_id"].isin(_period_docs(table.drop_duplicates("doc_id"), start, end)["doc_id"])]
        docs = table.drop_duplicates("doc_id")
        vals = table[unit].astype(str)
        keep = np.ones(len(table), dtype=bool)
        low = vals.str.lower()
        langs = docs.set_index("doc_id")["lang"] if "lang" in docs.columns else None
        stop = _stop_sets(stopwords, sorted(langs.astype(str).unique()) if langs is not None else [])
        for lg, words in stop.items():
            here = low.isin(words).to_numpy()
            if lg is not None:
                here = here & (table["doc_id"].map(langs).astype(str) == lg).to_numpy()
            keep = keep & ~here
        if exclude:
            keep = keep & ~low.isin({str(w).lower() for w in exclude}).to_numpy()
        units = pd.DataFrame({"doc_id": table["doc_id"].to_numpy()[keep], "unit": vals.to_numpy()[keep]})
        groups = docs.set_index("doc_id")[by]
        counts = Features(*count_units(units, docs["doc_id"]), docs[["doc_id", by]])
    else:
        docs = _period_docs(data.docs, start, end)
        groups = doc_groups(docs, by)
        counts = Features(*_count_annotation(data, docs, unit, exclude_upos=exclude_upos, stopwords=stopwords,
                                             exclude=exclude, exclude_outlets=exclude_outlets,
                                             boilerplate=boilerplate), docs[["doc_id", by]])
    present_groups = groups.dropna()
    if present_groups.nunique() < 2:
        values = sorted(present_groups.astype(str).unique())
        period = " in the period start=/end= selects" if (start is not None or end is not None) else ""
        raise OptionError(f"keyness(): by={by!r} gives {len(values)} group(s){period} "
                          f"({', '.join(values[:5]) or 'none'}); keyness compares groups with each other, "
                          "so it needs at least two. Pass by= a column with two or more values "
                          "(e.g. 'outlet' or 'lang'), or widen start=/end=.")
    if start is None and end is None:
        _warn_periods(docs[docs["doc_id"].isin(present_groups.index)], by)
    mat, names, vocab = _group_counts(counts, by)
    if mat.size == 0 or len(names) < 2:
        return pd.DataFrame(columns=KEYNESS_COLUMNS)
    total = mat.sum(axis=0)
    keep = total >= min_count
    mat, vocab, total = mat[:, keep], np.asarray(vocab, dtype=object)[keep], total[keep]
    if isinstance(prior, pd.Series):
        alpha = prior.reindex(vocab).fillna(0).to_numpy(dtype=float) + 0.01
    elif prior == "uniform":
        alpha = np.full(len(vocab), 0.01)
    else:
        n = total.sum()
        alpha = total * ((alpha0 if alpha0 is not None else min(n, 1000.0)) / n)
    pairs = [(i, None) for i in range(len(names))]
    if pairwise:
        pairs += [(i, j) for i in range(len(names)) for j in range(len(names)) if i != j]
    frames = []
    for i, j in pairs:
        y_i = mat[i]
        y_j = total - y_i if j is None else mat[j]
        if j is not None:
            present = (y_i + y_j) > 0
        else:
            present = np.ones(len(vocab), dtype=bool)
        if method == "log_odds_dirichlet":
            score, z = log_odds_dirichlet(y_i, y_j, alpha)
        else:
            score = chi_square(y_i, y_j) if method == "chi2" else log_likelihood(y_i, y_j)
            over = y_i / max(y_i.sum(), 1) - y_j / max(y_j.sum(), 1)
            z = np.sign(over) * np.sqrt(np.maximum(score, 0))
        p = 2 * stats.norm.sf(np.abs(z))
        frames.append(pd.DataFrame({
            "group": names[i], "reference": "rest" if j is None else names[j], "term": vocab[present],
            "count": y_i[present], "count_reference": y_j[present],
            "per_1000": 1000 * y_i[present] / max(y_i.sum(), 1),
            "per_1000_reference": 1000 * y_j[present] / max(y_j.sum(), 1),
            "score": score[present], "z": z[present], "p_value": p[present],
            "q_value": benjamini_hochberg(p[present]),
        }))
    out = pd.concat(frames, ignore_index=True)
    out["count"] = out["count"].astype(int)
    out["count_reference"] = out["count_reference"].astype(int)
    if max_q is not None:
        out = out[out["q_value"] <= max_q]
    return out.sort_values(["group", "reference", "z"], ascending=[True, True, False],
                           kind="mergesort").reset_index(drop=True)[KEYNESS_COLUMNS]


def _count_annotation(ann, docs, unit, **drop_options):
    """The document × unit counts of an annotation, its token table read in batches of whole documents.

    Two passes over ``ann.token_batches()``: the majority tag of each lemma,
    then the counts with each batch's exclusions; so a lazy annotation
    (``annotate(..., lazy=True)``) is never held whole, and the counts equal
    those of one pass over ``ann.tokens``.
    """
    keep = None if len(docs) == len(ann.docs) else set(docs["doc_id"])
    function_lemmas = (_function_lemmas(ann.token_batches(BATCH_TOKENS), drop_options["exclude_upos"], keep)
                       if drop_options["exclude_upos"] else None)

    langs = sorted(docs["lang"].astype(str).unique()) if "lang" in docs.columns else []
    stop = _stop_sets(drop_options["stopwords"], langs)
    phrases = (_doc_outlet_phrases(docs) if drop_options["exclude_outlets"] and "outlet" in docs.columns
               else None)

    def drop(batch):
        return _token_drop(batch, docs, function_lemmas=function_lemmas, stop=stop, phrases=phrases,
                           **drop_options)

    return count_tokens(ann.token_batches(BATCH_TOKENS), docs["doc_id"], unit, drop=drop)


def _group_counts(counts: Features, by: str) -> tuple[np.ndarray, list, np.ndarray]:
    """Counts per group (groups × terms, float), the groups and the terms, from a document × term matrix.

    Only the groups and terms with a count are kept (documents without a group are left out).
    """
    g = counts.group(by)
    mat = g.matrix
    rows = np.flatnonzero(np.asarray(mat.sum(axis=1)).ravel() > 0)
    cols = np.flatnonzero(np.asarray(mat.sum(axis=0)).ravel() > 0)
    return (mat[rows][:, cols].toarray().astype(float), g.docs[by].iloc[rows].tolist(),
            g.vocabulary[cols])
