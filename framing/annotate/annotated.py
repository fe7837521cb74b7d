"""The annotation layer: tokens and entities of a corpus, as tables.

``Annotated`` holds

``tokens`` (one row per token, CoNLL-U shape with character offsets)
    ``doc_id`` str, ``sent_id`` int (1-based within the document), ``tok_id``
    int (1-based within the sentence), ``start``, ``end`` (character offsets
    into the document's ``text``), ``text``, ``lemma``, ``upos``, ``feats`` (UD
    feature string, ``"_"`` when none), ``head`` int (0 = root, -1 = no parse),
    ``deprel`` (``"_"`` when no parse).

``entities`` (one row per named-entity mention)
    ``doc_id``, ``sent_id``, ``start_tok``, ``end_tok`` (tok_ids of the first and
    the last token, inclusive), ``start``, ``end`` (character offsets), ``text``,
    ``type`` (PER, LOC, ORG), ``normal`` (dictionary form).

``capabilities``
    one row per language and layer: ``lang``, ``layer`` (tokens, lemma, upos,
    feats, syntax, ner), ``available`` (bool), ``backend`` (str), ``note``.

Measures read only these tables and the corpus's document table.
:meth:`Annotated.select` restricts all of them to a subset of the documents
(outlets, events, dates, ids) without annotating again.
"""

from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path

import numpy as np
import pandas as pd

from .._errors import OptionError, SchemaError, missing_columns
from .._options import InstanceOf, Interval, NoneOk, check
from .._dtypes import as_string
from ..lang.ud import parse_feats

TOKEN_COLUMNS = ["doc_id", "sent_id", "tok_id", "start", "end", "text", "lemma",
                 "upos", "feats", "head", "deprel"]
ENTITY_COLUMNS = ["doc_id", "sent_id", "start_tok", "end_tok", "start", "end", "text",
                  "type", "normal"]
CAPABILITY_COLUMNS = ["lang", "layer", "available", "backend", "note"]
_TOKEN_DTYPES = {"doc_id": "object", "sent_id": "int32", "tok_id": "int32", "start": "int64",
                 "end": "int64", "text": "object", "lemma": "object", "upos": "object",
                 "feats": "object", "head": "int32", "deprel": "object"}
#: the document columns :meth:`Annotated.select` reads events from, the first present
EVENT_COLUMNS = ("event_id", "event")
_SELECT_OPTIONS = {
    "outlets": [NoneOk(), InstanceOf(str, list, tuple, set, frozenset, pd.Series, pd.Index)],
    "events": [NoneOk(), InstanceOf(str, list, tuple, set, frozenset, pd.Series, pd.Index)],
    "docs": [NoneOk(), InstanceOf(str, list, tuple, set, frozenset, pd.Series, pd.Index)],
    "start": [NoneOk(), InstanceOf(str, pd.Timestamp, _dt.date)],
    "end": [NoneOk(), InstanceOf(str, pd.Timestamp, _dt.date)],
}
_ENTITY_DTYPES = {"doc_id": "object", "sent_id": "int32", "start_tok": "int32", "end_tok": "int32",
                  "start": "int64", "end": "int64", "text": "object", "type": "object",
                  "normal": "object"}




def empty_tokens() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in _TOKEN_DTYPES.items()})


def empty_entities() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in _ENTITY_DTYPES.items()})


def _conform(df: pd.DataFrame, columns, dtypes, name) -> pd.DataFrame:
    missing = set(columns) - set(df.columns)
    if missing:
        raise missing_columns(name, missing)
    return _set_dtypes(df[columns].copy(), dtypes)


def _set_dtypes(out: pd.DataFrame, dtypes) -> pd.DataFrame:
    """``out`` (a table of its own) with the column types of ``dtypes``, changed in place."""
    for c, t in dtypes.items():
        if t != "object":
            out[c] = out[c].astype(t)
        else:
            # text columns: Arrow strings (framing._dtypes), about five times smaller than
            # Python objects, so that millions of tokens fit in memory
            out[c] = as_string(out[c])
    return out.reset_index(drop=True)


class Annotated:
    """A corpus with its token and entity tables (the output of :func:`framing.annotate`).

    Parameters
    ----------
    corpus : Corpus
    tokens : pandas.DataFrame
        Columns :data:`TOKEN_COLUMNS`.
    entities : pandas.DataFrame
        Columns :data:`ENTITY_COLUMNS`.
    capabilities : pandas.DataFrame, optional
        Columns :data:`CAPABILITY_COLUMNS`.
    meta : dict, optional
        Pipeline version, model versions, settings.

    Examples
    --------
    Usually made by :func:`framing.annotate`; :meth:`from_conllu` builds one by
    hand, without models:

    >>> import framing
    >>> ann = framing.Annotated.from_conllu(
    ...     "1\\tПутин\\tПутин\\tPROPN\\t_\\tCase=Nom\\t2\\tnsubj\\t_\\tNER=B-PER\\n"
    ...     "2\\tзаявил\\tзаявить\\tVERB\\t_\\t_\\t0\\troot\\t_\\tSpaceAfter=No\\n"
    ...     "3\\t.\\t.\\tPUNCT\\t_\\t_\\t2\\tpunct\\t_\\t_")
    >>> ann
    <Annotated: 1 documents, 3 tokens, 1 entity mentions>
    >>> ann.tokens[["text", "lemma", "start", "end", "head", "deprel"]].values.tolist()
    [['Путин', 'Путин', 0, 5, 2, 'nsubj'], ['заявил', 'заявить', 6, 12, 0, 'root'],
     ['.', '.', 12, 13, 2, 'punct']]
    >>> ann.sentences()[["doc_id", "text"]].values.tolist()
    [['doc1', 'Путин заявил.']]
    """

    def __init__(self, corpus, tokens: pd.DataFrame, entities: pd.DataFrame | None = None, *,
                 capabilities: pd.DataFrame | None = None, meta: dict | None = None,
                 problems: pd.DataFrame | None = None):
        self._corpus = corpus
        self._tokens = _conform(tokens, TOKEN_COLUMNS, _TOKEN_DTYPES, "The token table")
        self._entities = _conform(entities if entities is not None else empty_entities(),
                                  ENTITY_COLUMNS, _ENTITY_DTYPES, "The entity table")
        self._capabilities = (capabilities.copy() if capabilities is not None
                              else pd.DataFrame(columns=CAPABILITY_COLUMNS))
        self._meta = dict(meta or {})
        self._problems = problems.copy() if problems is not None else None

    @property
    def corpus(self):
        """The annotated :class:`~framing.Corpus`."""
        return self._corpus

    @property
    def docs(self) -> pd.DataFrame:
        """The corpus's documents table (a copy)."""
        return self._corpus.docs

    @property
    def tokens(self) -> pd.DataFrame:
        """One row per token (a copy); see the module docstring for columns."""
        return self._tokens.copy()

    @property
    def entities(self) -> pd.DataFrame:
        """One row per entity mention (a copy)."""
        return self._entities.copy()

    @property
    def capabilities(self) -> pd.DataFrame:
        """Which layers are available per language, and from which backend."""
        return self._capabilities.copy()

    @property
    def meta(self) -> dict:
        return dict(self._meta)

    @property
    def problems(self) -> pd.DataFrame:
        """Documents annotated with a fallback or skipped."""
        from .._problems import empty_problems
        return empty_problems() if self._problems is None else self._problems.copy()

    def has(self, layer: str, lang: str) -> bool:
        """Whether ``layer`` (e.g. ``"syntax"``, ``"ner"``) is available for ``lang``."""
        c = self._capabilities
        hit = c[(c["lang"] == lang) & (c["layer"] == layer)]
        return bool(len(hit)) and bool(hit["available"].iloc[0])

    def doc_info(self, columns=("outlet", "published", "lang")) -> pd.DataFrame:
        """``doc_id`` with the given document columns, for joining onto measure tables."""
        return self._corpus.docs[["doc_id", *columns]]

    def sentences(self) -> pd.DataFrame:
        """One row per sentence: ``doc_id``, ``sent_id``, ``start``, ``end``, ``text``."""
        t = self._tokens
        if t.empty:
            return pd.DataFrame(columns=["doc_id", "sent_id", "start", "end", "text"])
        g = t.groupby(["doc_id", "sent_id"], sort=False).agg(start=("start", "min"), end=("end", "max")).reset_index()
        texts = dict(zip(self._corpus.docs["doc_id"], self._corpus.docs["text"]))
        g["text"] = [texts[d][s:e] for d, s, e in zip(g["doc_id"], g["start"], g["end"])]
        return g

    def select(self, *, outlets=None, events=None, start=None, end=None, docs=None) -> "Annotated":
        """The annotation of a subset of the documents, without annotating again.

        Every table is restricted to the documents kept: the corpus (its
        documents table and problems), ``tokens``, ``entities``, the
        annotation ``problems``, and ``capabilities`` (to the languages of the
        documents kept).  The result equals annotating the subset with the
        same settings, since each document is annotated on its own; ``meta``
        is kept, with the selection added under ``"selected"``.  Conditions
        combine with *and*; the original order of the documents is kept.

        Parameters
        ----------
        outlets : str or list of str, optional
            Keep the documents of these outlets.
        events : str or list of str, optional
            Keep the documents of these events: values of the documents
            table's ``event_id`` column (:func:`framing.group_events`) or,
            without it, its ``event`` column (the demo's answer key).
        start, end : date-like, optional
            Keep the documents published at or after ``start`` and before
            ``end`` (``published``; naive dates are UTC).  Documents without a
            date are left out when either bound is given.
        docs : str or list of str, optional
            Keep these ``doc_id`` values.

        Returns
        -------
        Annotated

        Raises
        ------
        OptionError
            An outlet, event or document the corpus does not have, a date that
            cannot be read, an event selection without an event column, or a
            selection that keeps no document.

        Examples
        --------
        >>> import framing
        >>> ann = framing.annotate(framing.load_demo(), progress=False)
        >>> sub = ann.select(outlets=["global_wire", "svobodny_golos"], start="2025-11-10", end="2025-11-20")
        >>> sorted(set(sub.docs["outlet"])), len(sub), set(sub.tokens["doc_id"]) == set(sub.docs["doc_id"])
        (['global_wire', 'svobodny_golos'], 7, True)
        >>> len(ann.select(events="e07"))
        7
        """
        check("Annotated.select", _SELECT_OPTIONS, outlets=outlets, events=events, start=start, end=end,
              docs=docs)
        keep, desc = selection_mask(self._doc_table(), outlets=outlets, events=events, start=start, end=end,
                                    docs=docs)
        if keep.all():
            return self
        return self._restrict(keep, desc)

    def _restrict(self, keep: np.ndarray, desc: dict) -> "Annotated":
        """This annotation restricted to the documents where ``keep`` is True."""
        corpus, ids, rest = self._restricted_context(keep, desc)
        t, e = self._tokens, self._entities
        return type(self)(corpus, t[t["doc_id"].isin(ids)], e[e["doc_id"].isin(ids)], **rest)

    def _doc_table(self) -> pd.DataFrame:
        """The documents table, not copied (its columns other than ``text`` are what selections read)."""
        return self._corpus._docs

    def _subcorpus(self, keep: np.ndarray):
        return self._corpus.filter(keep)

    def _restricted_context(self, keep: np.ndarray, desc: dict | None, *, with_corpus: bool = True):
        """``(corpus, doc_ids, keywords)`` of the documents where ``keep`` is True: the corpus, capabilities,
        meta and problems of a subset (everything but the token and entity tables)."""
        d = self._doc_table()
        ids = set(d.loc[keep, "doc_id"])
        corpus = self._subcorpus(keep) if with_corpus else None
        # languages in the order annotate() meets them, so the rows come as re-annotating gives them
        langs = {lg: i for i, lg in enumerate(dict.fromkeys(d.loc[keep, "lang"]))}
        caps = self._capabilities
        if "lang" in caps.columns:
            caps = caps[caps["lang"].isin(list(langs))]
            caps = caps.iloc[np.argsort(caps["lang"].map(langs).to_numpy(), kind="stable")]
        meta = dict(self._meta)
        if isinstance(meta.get("backends"), dict):
            meta["backends"] = {k: v for k, v in meta["backends"].items() if k in langs}
        if desc is not None:
            meta["selected"] = desc
        probs = self._problems
        if probs is not None and "doc_id" in probs.columns:
            probs = probs[probs["doc_id"].isna() | probs["doc_id"].isin(ids)]
        return corpus, ids, dict(capabilities=caps.reset_index(drop=True), meta=meta,
                                 problems=None if probs is None else probs.reset_index(drop=True))

    def partitions(self, n_docs: int = 10_000):
        """The annotation in consecutive batches of documents, each an in-memory ``Annotated``.

        Each partition holds ``n_docs`` consecutive documents of the corpus (the
        last one fewer) with their tokens, entities, problems and the
        capabilities of their languages, as :meth:`select` would give them, so
        that a measure computed partition by partition and combined needs the
        memory of one partition only.  For an annotation read from the cache
        (``framing.annotate(..., lazy=True)``) each partition is read from the
        cache when it is reached.

        Parameters
        ----------
        n_docs : int
            Documents per partition.

        Yields
        ------
        Annotated

        Examples
        --------
        >>> import framing
        >>> ann = framing.annotate(framing.load_demo(), progress=False)
        >>> parts = list(ann.partitions(30))
        >>> [len(p) for p in parts], sum(p.n_tokens for p in parts) == ann.n_tokens
        ([30, 30, 19], True)
        """
        check("Annotated.partitions", {"n_docs": Interval(1, None, integer=True)}, n_docs=n_docs)
        return self._partitions(int(n_docs))

    def _partitions(self, n_docs: int):
        n = len(self._corpus)
        ids = self._corpus._docs["doc_id"]
        # the rows of a document are contiguous and in corpus order: slice by its position
        pos = {name: _doc_positions(table, ids) for name, table in (("t", self._tokens), ("e", self._entities))}
        for lo in range(0, n, n_docs):
            hi = min(n, lo + n_docs)
            keep = np.zeros(n, dtype=bool)
            keep[lo:hi] = True
            corpus, _ids, rest = self._restricted_context(keep, None)
            rows = {k: slice(*np.searchsorted(p, [lo, hi])) for k, p in pos.items()}
            yield Annotated(corpus, self._tokens.iloc[rows["t"]], self._entities.iloc[rows["e"]], **rest)

    @property
    def n_tokens(self) -> int:
        """The number of tokens (rows of :attr:`tokens`), without copying the table."""
        return len(self._tokens)

    def token_batches(self, size: int = 50_000):
        """The token table in consecutive slices of about ``size`` rows, documents kept whole.

        For readers that go through the tokens once (:func:`framing.features`):
        each slice is read from the annotation as it is needed, the whole table
        is never copied.  A slice must not be changed.

        Examples
        --------
        >>> import framing
        >>> ann = framing.annotate(framing.load_demo(), progress=False)
        >>> sizes = [len(b) for b in ann.token_batches(5000)]
        >>> sum(sizes) == ann.n_tokens, len(sizes) > 1
        (True, True)
        """
        return token_batches(self._tokens, size)

    def __len__(self) -> int:
        return len(self._corpus)

    def __repr__(self) -> str:
        return (f"<Annotated: {len(self._corpus)} documents, {len(self._tokens)} tokens, "
                f"{len(self._entities)} entity mentions>")

    def _repr_html_(self) -> str:
        from .._display import frames_html

        caps = self._capabilities
        return (f"<p><b>Annotated</b>: {len(self._corpus)} documents, {len(self._tokens):,} tokens, "
                f"{len(self._entities):,} entity mentions.</p>"
                + (caps.pivot_table(index="lang", columns="layer", values="backend", aggfunc="first").to_html(na_rep="—")
                   if len(caps) else "")
                + frames_html({"tokens": self._tokens, "entities": self._entities, "capabilities": caps}))

    # --- hand-built annotations for tests and teaching -----------------------
    @classmethod
    def from_conllu(cls, source, *, outlet: str = "test", lang: str = "ru") -> "Annotated":
        """Build an ``Annotated`` from CoNLL-U text or a file, without models.

        Documents start at ``# newdoc id = …`` (or form one document); sentence
        texts are joined with a space, tokens with a space unless MISC has
        ``SpaceAfter=No``.  Entities come from MISC ``NER=B-PER`` / ``I-PER``
        tags; an entity's ``normal`` is MISC ``Normal=…`` on its first token, or
        the lemmas of its tokens, capitalised.  ``# outlet = …`` after a newdoc
        line sets that document's outlet.

        Gold cases in ``tests/data/*.conllu`` use this: a linguist can read and
        extend them without Python.
        """
        from ..corpus import Corpus

        text = Path(source).read_text(encoding="utf-8") if _looks_like_path(source) else str(source)
        docs, toks, ents = [], [], []
        doc = None

        def new_doc(doc_id):
            nonlocal doc
            doc = {"doc_id": doc_id, "outlet": outlet, "lang": lang, "parts": [], "pos": 0, "sent": 0}
            docs.append(doc)

        sent_rows: list[list[str]] = []

        def flush():
            nonlocal sent_rows
            if not sent_rows:
                return
            if doc is None:
                new_doc("doc1")
            if doc["parts"]:
                doc["parts"].append(" ")
                doc["pos"] += 1
            doc["sent"] += 1
            cur_ent = None
            for cols in sent_rows:
                form = cols[1]
                misc = parse_feats(cols[9])  # MISC is written as features are
                start = doc["pos"]
                end = start + len(form)
                doc["parts"].append(form)
                doc["pos"] = end
                if misc.get("SpaceAfter") != "No":
                    doc["parts"].append(" ")
                    doc["pos"] += 1
                tok_id = int(cols[0])
                head = int(cols[6]) if cols[6] not in ("_", "") else -1
                toks.append({"doc_id": doc["doc_id"], "sent_id": doc["sent"], "tok_id": tok_id,
                             "start": start, "end": end, "text": form, "lemma": cols[2],
                             "upos": cols[3], "feats": cols[5], "head": head,
                             "deprel": cols[7] if cols[7] else "_"})
                tag = misc.get("NER", "O")
                if tag.startswith("B-") or (tag.startswith("I-") and (cur_ent is None or cur_ent["type"] != tag[2:])):
                    cur_ent = {"doc_id": doc["doc_id"], "sent_id": doc["sent"], "start_tok": tok_id,
                               "end_tok": tok_id, "start": start, "end": end, "type": tag[2:],
                               "normal": misc.get("Normal"), "lemmas": [cols[2]]}
                    ents.append(cur_ent)
                elif tag.startswith("I-"):
                    cur_ent["end_tok"], cur_ent["end"] = tok_id, end
                    cur_ent["lemmas"].append(cols[2])
                else:
                    cur_ent = None
            # the trailing space of the last token is not part of the text
            if doc["parts"] and doc["parts"][-1] == " ":
                doc["parts"].pop()
                doc["pos"] -= 1
            sent_rows = []

        for line in text.splitlines():
            line = line.rstrip("\n")
            if line.startswith("#"):
                m = re.match(r"#\s*newdoc(?:\s+id)?\s*=\s*(.+)", line)
                if m:
                    flush()
                    new_doc(m.group(1).strip())
                m = re.match(r"#\s*outlet\s*=\s*(.+)", line)
                if m and doc is not None:
                    doc["outlet"] = m.group(1).strip()
                continue
            if not line.strip():
                flush()
                continue
            cols = line.split("\t")
            if len(cols) != 10:
                raise SchemaError(f"CoNLL-U line has {len(cols)} columns, not 10: {line[:80]!r}")
            if "-" in cols[0] or "." in cols[0]:
                continue
            sent_rows.append(cols)
        flush()
        tok_df = pd.DataFrame(toks, columns=TOKEN_COLUMNS) if toks else empty_tokens()
        for e in ents:
            full = "".join(next(d for d in docs if d["doc_id"] == e["doc_id"])["parts"])
            e["text"] = full[e["start"]:e["end"]]
            if not e["normal"]:
                e["normal"] = " ".join(w[:1].upper() + w[1:] for w in e["lemmas"])
            del e["lemmas"]
        ent_df = pd.DataFrame(ents, columns=ENTITY_COLUMNS) if ents else empty_entities()
        corpus = Corpus(pd.DataFrame([{"doc_id": d["doc_id"], "outlet": d["outlet"], "lang": d["lang"],
                                       "text": "".join(d["parts"])} for d in docs],
                                     columns=["doc_id", "outlet", "lang", "text"]),
                        meta={"loader": "Annotated.from_conllu"})
        langs = sorted({d["lang"] for d in docs})
        has_syntax = bool(len(tok_df)) and bool((tok_df["head"] >= 0).all())
        caps = pd.DataFrame([{"lang": lg, "layer": layer, "available": ok, "backend": "gold", "note": ""}
                             for lg in langs
                             for layer, ok in [("tokens", True), ("lemma", True), ("upos", True),
                                               ("feats", True), ("syntax", has_syntax), ("ner", True)]],
                            columns=CAPABILITY_COLUMNS)
        return cls(corpus, tok_df, ent_df, capabilities=caps, meta={"pipeline": "gold"})


def selection_mask(table: pd.DataFrame, *, outlets=None, events=None, start=None, end=None, docs=None,
                   where: str = "Annotated.select()", names: dict | None = None) -> tuple[np.ndarray, dict]:
    """The documents of ``table`` a selection keeps, and the selection described.

    The rules of :meth:`Annotated.select`, shared with the command line
    (``where`` and ``names`` say how errors name the caller and its options).
    Raises :class:`~framing._errors.OptionError` for a value the documents do
    not have, a date that cannot be read, events without an event column, and
    a selection that keeps no document.
    """
    from ..corpus import to_utc

    names = {"outlets": "outlets", "events": "events", "start": "start", "end": "end", "docs": "docs",
             **(names or {})}
    keep = np.ones(len(table), dtype=bool)
    desc: dict = {}

    def values(name, given, column, label):
        wanted = [given] if isinstance(given, str) else [str(v) for v in given]
        have = set(table[column].dropna().astype(str))
        unknown = [v for v in wanted if v not in have]
        if unknown:
            raise OptionError(f"{where}: {names[name]} {unknown[:5]}: no such {label} in this corpus "
                              f"({column!r} column); it has {len(have)}, e.g. {sorted(have)[:12]}.")
        desc[name] = wanted if len(wanted) > 1 else wanted[0]
        return table[column].astype(str).isin(wanted).to_numpy() & table[column].notna().to_numpy()

    if outlets is not None:
        keep &= values("outlets", outlets, "outlet", "outlet")
    if events is not None:
        col = next((c for c in EVENT_COLUMNS if c in table.columns), None)
        if col is None:
            raise OptionError(f"{where}: {names['events']}= needs an 'event_id' or 'event' column in the "
                              "documents table, which this corpus does not have (group the documents with "
                              "framing.group_events, or add an event column).")
        keep &= values("events", events, col, "event")
    if docs is not None:
        keep &= values("docs", docs, "doc_id", "document")
    for name, value, after in (("start", start, True), ("end", end, False)):
        if value is None:
            continue
        ts = to_utc([value]).iloc[0]
        if pd.isna(ts):
            raise OptionError(f"{where}: {names[name]}={value!r} is not a date; give e.g. '2024-11-30' or "
                              "'2024-11-30T12:00+03:00'.")
        pub = table["published"]
        keep &= ((pub >= ts) if after else (pub < ts)).fillna(False).to_numpy(dtype=bool)
        desc[name] = str(ts)
    if not keep.any():
        span = table["published"].dropna()
        dates = f"; its documents date from {span.min()} to {span.max()}" if len(span) else ""
        given = ", ".join(f"{names[k]}={v!r}" for k, v in desc.items())
        raise OptionError(f"{where}: no document matches {given}{dates}.")
    return keep, desc


def _doc_positions(table: pd.DataFrame, doc_ids: pd.Series) -> np.ndarray:
    """The corpus position of each row's document (non-decreasing for a table in corpus order)."""
    pos = pd.Categorical(table["doc_id"], categories=pd.Index(doc_ids)).codes.astype(np.int64)
    if len(pos) > 1 and not bool(np.all(pos[1:] >= pos[:-1])):
        raise SchemaError("Annotated.partitions(): the token or entity table is not in the order of the "
                          "corpus's documents (a hand-built annotation?); sort it by the documents' order.")
    return pos


def token_batches(tokens: pd.DataFrame, size: int):
    """Consecutive slices of ``tokens`` of about ``size`` rows that never split a run of one document."""
    doc_ids = tokens["doc_id"]
    n = len(doc_ids)
    start = 0
    while start < n:
        stop = min(start + max(int(size), 1), n)
        while stop < n and doc_ids.iat[stop] == doc_ids.iat[stop - 1]:
            stop += 1
        yield tokens.iloc[start:stop]
        start = stop


def _looks_like_path(source) -> bool:
    if isinstance(source, Path):
        return True
    s = str(source)
    return bool(s.strip()) and "\n" not in s and len(s) < 4096 and Path(s).is_file()
