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
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from .._errors import SchemaError, missing_columns

TOKEN_COLUMNS = ["doc_id", "sent_id", "tok_id", "start", "end", "text", "lemma",
                 "upos", "feats", "head", "deprel"]
ENTITY_COLUMNS = ["doc_id", "sent_id", "start_tok", "end_tok", "start", "end", "text",
                  "type", "normal"]
CAPABILITY_COLUMNS = ["lang", "layer", "available", "backend", "note"]
_TOKEN_DTYPES = {"doc_id": "object", "sent_id": "int32", "tok_id": "int32", "start": "int64",
                 "end": "int64", "text": "object", "lemma": "object", "upos": "object",
                 "feats": "object", "head": "int32", "deprel": "object"}
_ENTITY_DTYPES = {"doc_id": "object", "sent_id": "int32", "start_tok": "int32", "end_tok": "int32",
                  "start": "int64", "end": "int64", "text": "object", "type": "object",
                  "normal": "object"}


# pandas >= 3 stores strings in Arrow buffers ("str"), about five times smaller than
# Python objects: millions of tokens fit in memory.  pandas 2 keeps object columns.
_STRING_DTYPE = "str" if int(pd.__version__.split(".")[0]) >= 3 else None


def empty_tokens() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in _TOKEN_DTYPES.items()})


def empty_entities() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in _ENTITY_DTYPES.items()})


def _conform(df: pd.DataFrame, columns, dtypes, name) -> pd.DataFrame:
    missing = set(columns) - set(df.columns)
    if missing:
        raise missing_columns(name, missing)
    out = df[columns].copy()
    for c, t in dtypes.items():
        if t != "object":
            out[c] = out[c].astype(t)
        elif _STRING_DTYPE is not None and out[c].dtype != _STRING_DTYPE:
            out[c] = out[c].astype(_STRING_DTYPE)
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
                misc = dict(kv.split("=", 1) for kv in cols[9].split("|") if "=" in kv) if cols[9] != "_" else {}
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


def _looks_like_path(source) -> bool:
    if isinstance(source, Path):
        return True
    s = str(source)
    return bool(s.strip()) and "\n" not in s and len(s) < 4096 and Path(s).is_file()
