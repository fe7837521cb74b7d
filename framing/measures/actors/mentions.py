"""Mentions of each document: the per-document half of :func:`framing.actors`.

:func:`collect_mentions` reads one Annotated and returns its raw mention rows,
each document's rows depending on that document alone (issue #17: this half
maps over partitions of a corpus; :func:`framing.measures.actors.grouping.group_mentions`
is the corpus-level half).  A row is a dict with the columns of
:data:`~framing.measures.actors.result.ACTOR_MENTION_COLUMNS` but ``outlet``,
``actor`` and ``link``, plus ``source`` (``ner``, ``alias``, ``description``,
``latin``), ``person``, ``key`` (:func:`~framing.measures.actors.names.stem_key`),
``alias`` (the alias actor or None) and what grouping needs to know of the
sentence around the mention (keys starting with ``_``: its language, the
gender its tokens carry, the word before it, the country it is named with).

Mentions come from the entity table, from the alias tables (names the entity
recogniser missed), from capitalised Latin-script names in Cyrillic text, from
the user's descriptions, and, for a language without an entity recogniser,
from runs of proper names typed by their morphology (``NameType``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from .._names import clean_name, doc_langs, lower_key, sentences_of
from .aliases import AliasIndex
from .names import genitive, name_words, stem_key, strip_person_words, titles as _titles


def document_sentences(ann) -> dict:
    """The sentences of ``ann`` as :class:`framing.measures._names.Sentence` objects keyed by (doc_id, sent_id)."""
    langs = doc_langs(ann)
    syntax = {lg: ann.has("syntax", lg) for lg in set(langs.values())}
    return sentences_of(ann.tokens, langs, syntax)


def collect_mentions(ann, index: AliasIndex, guard, *, sents: dict | None = None) -> list[dict]:
    """The raw mention rows of the documents of ``ann``, in document order.

    Parameters
    ----------
    ann : Annotated
        Documents of supported languages (:func:`framing.measures._language.gate`).
    index : AliasIndex
        The built-in and user alias tables.
    guard : framing.measures._guard.Guard
        Records a sentence that cannot be scanned.
    sents : dict, optional
        :func:`document_sentences` of ``ann``, when the caller has them.

    Returns
    -------
    list of dict
        One dict per mention, sorted by document (in ``ann.docs`` order), start
        and longest first; each document's rows depend on that document alone.
    """
    if sents is None:
        sents = document_sentences(ann)
    langs = doc_langs(ann)
    ms = []
    for m in _collect(ann, index, sents, langs, guard):
        m["normal"] = clean_name(m["normal"]) or clean_name(m["text"])
        if not m["normal"] or not any(ch.isalpha() for ch in m["normal"]):
            continue
        s = sents.get((m["doc_id"], m["sent_id"]))
        m["_lang"] = s.lang if s is not None else "ru"
        m["person"] = m["type"] == "PER"
        if m["person"] and m["source"] == "ner":
            m["normal"] = strip_person_words(m["normal"], m["_lang"])
        m["key"] = stem_key(m["normal"], m["person"]) or lower_key(m["normal"])
        if m["source"] in ("alias", "description"):
            m["alias"] = m.pop("alias_actor")
        else:
            m["alias"] = index.lookup(m["normal"], m["text"], person=m["person"])
        if m["alias"] and m["type"] == "MISC" and index.types.get(m["alias"]):
            m["type"] = index.types[m["alias"]]
            m["person"] = m["type"] == "PER"
            m["key"] = stem_key(m["normal"], m["person"]) or lower_key(m["normal"])
        m["_sg"], m["_tb"] = _sentence_gender(m, s), _word_before(m, s)
        ms.append(m)
    order = {d: i for i, d in enumerate(ann.docs["doc_id"])}
    ms.sort(key=lambda m: (order.get(m["doc_id"], 0), m["start"], -m["end"]))
    _country_candidates(ms, index, sents)
    return ms


def _sentence_gender(m, s) -> str | None:
    """The gender (Masc, Fem) the tagger gave the mention's last word, or None."""
    if s is None:
        return None
    try:
        g = s.feats(s.pos_of(m["end_tok"])).get("Gender")
    except ValueError:
        return None
    return g if g in ("Masc", "Fem") else None


def _word_before(m, s) -> str | None:
    """The lemma of the word before the mention in its sentence, or None."""
    if s is None:
        return None
    try:
        i = s.pos_of(m["start_tok"])
    except ValueError:
        return None
    return s.lemma[i - 1] if i > 0 else None


_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z0-9&'’.\-]*$")
_LATIN_CONT = re.compile(r"^([A-Z][A-Za-z0-9&'’.\-]*|" + "|".join(map(re.escape, sorted(name_words("particle"))))
                         + r"|\d+)$")


_NAME_TYPE = {"Giv": "PER", "Sur": "PER", "Patr": "PER", "Geo": "LOC", "Org": "ORG"}

def _fallback_entities(sents: dict, no_ner: set) -> list[dict]:
    """Proper-name spans where the language has no NER model: runs of PROPN
    or capitalised words (not sentence-initial unless PROPN or a name by
    its morphology), typed by their morphological name type."""
    out = []
    for key, s in sents.items():
        if s.lang not in no_ner:
            continue
        n = len(s)
        first_word = next((i for i in range(n) if not s.is_punct(i)), 0)

        def cand(i):
            t = s.text[i]
            if not t[:1].isupper() or s.is_punct(i) or s.upos[i] in ("PRON", "DET", "ADP", "CCONJ", "SCONJ",
                                                                     "AUX", "VERB", "ADV", "PART", "NUM"):
                return False
            f = s.feats(i)
            if s.upos[i] == "PROPN" or "NameType" in f or f.get("Abbr") == "Yes" or (t.isupper() and len(t) > 1):
                return True
            return i != first_word and s.upos[i] in ("NOUN", "ADJ", "X", "_")

        i = 0
        while i < n:
            if not cand(i):
                i += 1
                continue
            # titles are not part of a name ("President Volodymyr Zelensky")
            if _titles(s.lang) and lower_key(s.lemma[i]) in _titles(s.lang) and not s.text[i].isupper():
                i += 1
                continue
            j = i
            while j + 1 < n and cand(j + 1) and s.start[j + 1] - s.end[j] <= 1 and not _breaks(s, j, j + 1):
                j += 1
            # a leading adjective alone is not a name ("Українські військові")
            if j == i and s.upos[i] == "ADJ" and not s.text[i].isupper():
                i += 1
                continue
            types = Counter(_NAME_TYPE.get(s.feats(k).get("NameType", ""), "") for k in range(i, j + 1))
            types.pop("", None)
            typ = types.most_common(1)[0][0] if types else ("ORG" if s.text[i].isupper() else "MISC")
            words = []
            for k in range(i, j + 1):
                lem = s.lemma[k] if typ == "PER" or k == j or s.upos[k] == "ADJ" else s.text[k]
                if lem[:2].lower() != s.text[k][:2].lower():
                    lem = s.text[k]  # a lemmatiser's guess that changed the stem ("Ігор" → "гра")
                w = s.text[k] if s.text[k].isupper() else (lem[:1].upper() + lem[1:] if s.text[k][:1].isupper() else lem)
                words.append(w)
            text = " ".join(s.text[i:j + 1]) if all(s.start[k + 1] > s.end[k] for k in range(i, j)) else \
                "".join(s.text[k] + (" " if k < j and s.start[k + 1] > s.end[k] else "") for k in range(i, j + 1))
            out.append({"doc_id": s.doc_id, "sent_id": s.sent_id, "start_tok": s.tok_ids[i],
                        "end_tok": s.tok_ids[j], "start": s.start[i], "end": s.end[j], "text": text,
                        "type": typ, "normal": " ".join(words), "source": "ner"})
            i = j + 1
    return out


def _breaks(s, a, b) -> bool:
    """Whether a run of capitalised words splits between ``a`` and ``b``: a
    change of case (``Кремля Дмитро``), an abbreviation before a name
    (``ООН Антоніу``), a given name after a non-person word."""
    fa, fb = s.feats(a), s.feats(b)
    if fa.get("Case") and fb.get("Case") and fa["Case"] != fb["Case"]:
        return True
    if s.text[a].isupper() and len(s.text[a]) > 1 and not s.text[b].isupper():
        return True
    if fb.get("NameType") == "Giv" and fa.get("NameType") not in ("Giv", "Sur", "Patr"):
        return True
    return False


def _collect(ann, alias_index: AliasIndex, sents: dict, langs: dict, guard) -> list[dict]:
    ents = ann.entities
    out = []
    no_ner = {lg for lg in set(langs.values()) if not ann.has("ner", lg)}
    if no_ner:
        ents = ents[~ents["doc_id"].map(langs).isin(no_ner)]
    covered = defaultdict(set)  # (doc, sent) -> tok positions covered
    for r in ents.itertuples(index=False):
        key = (r.doc_id, int(r.sent_id))
        s = sents.get(key)
        text = str(r.text)
        normal = r.normal if isinstance(r.normal, str) and r.normal.strip() else text
        typ = str(r.type) if isinstance(r.type, str) else "MISC"
        m = {"doc_id": r.doc_id, "sent_id": int(r.sent_id), "start_tok": int(r.start_tok),
             "end_tok": int(r.end_tok), "start": int(r.start), "end": int(r.end), "text": text,
             "type": typ, "normal": normal, "source": "ner"}
        out.append(m)
        if s is not None:
            for t in range(int(r.start_tok), int(r.end_tok) + 1):
                covered[key].add(t)
    for m in (_fallback_entities(sents, no_ner) if no_ner else []):
        out.append(m)
        for t in range(m["start_tok"], m["end_tok"] + 1):
            covered[(m["doc_id"], m["sent_id"])].add(t)
    # names the recogniser missed: alias phrases and Latin names in Cyrillic text
    for key, s in sents.items():
        cov = covered.get(key, set())
        found = guard.call(_scan_sentence, alias_index, s, set(cov), doc_id=s.doc_id, sent_id=s.sent_id)
        if found is not None:
            out.extend(found[0])
            covered[key] = found[1]
    return out


def _scan_sentence(alias_index: AliasIndex, s, cov: set) -> tuple[list, set]:
    """Alias phrases and Latin names the recogniser missed in one sentence; (mentions, covered tokens)."""
    out = []
    lang = s.lang
    phrases = alias_index.phrases.get(lang, {})
    n = len(s)
    i = 0
    while i < n:
        if s.tok_ids[i] in cov or s.is_punct(i):
            i += 1
            continue
        hit = None
        for L in range(min(alias_index.max_len, n - i), 0, -1):
            toks = range(i, i + L)
            if any(s.tok_ids[j] in cov for j in toks):
                continue
            lem = tuple(s.lemma[j] for j in toks)
            surf = tuple(s.text[j].lower().replace("ё", "е") for j in toks)
            for cand in (lem, surf):
                h = phrases.get(cand)
                if h is None:
                    continue
                actor, typ, kind, user, cap = h
                if cap and not s.text[i][:1].isupper():
                    continue
                if kind == "description" and s.upos[i + L - 1] not in ("NOUN", "PROPN"):
                    continue
                hit = (L, actor, typ, kind)
                break
            if hit:
                break
        if hit:
            L, actor, typ, kind = hit
            text = span_text(s, i, i + L - 1)
            out.append({"doc_id": s.doc_id, "sent_id": s.sent_id, "start_tok": s.tok_ids[i],
                        "end_tok": s.tok_ids[i + L - 1], "start": s.start[i], "end": s.end[i + L - 1],
                        "text": text, "type": typ or alias_index.types.get(actor, "MISC"),
                        "normal": actor if kind == "description" else text,
                        "source": "description" if kind == "description" else "alias",
                        "alias_actor": actor})
            for j in range(i, i + L):
                cov.add(s.tok_ids[j])
            i += L
            continue
        if lang in ("ru", "uk") and _LATIN_NAME.match(s.text[i]) and len(s.text[i]) > 1 and i > 0:
            j = i
            while j + 1 < n and s.tok_ids[j + 1] not in cov and _LATIN_CONT.match(s.text[j + 1]) \
                    and s.start[j + 1] - s.end[j] <= 1:
                j += 1
            while j > i and not _LATIN_NAME.match(s.text[j]):
                j -= 1
            text = span_text(s, i, j)
            out.append({"doc_id": s.doc_id, "sent_id": s.sent_id, "start_tok": s.tok_ids[i],
                        "end_tok": s.tok_ids[j], "start": s.start[i], "end": s.end[j], "text": text,
                        "type": "MISC", "normal": text, "source": "latin"})
            for k in range(i, j + 1):
                cov.add(s.tok_ids[k])
            i = j + 1
            continue
        i += 1
    return out, cov


def span_text(s, i, j) -> str:
    parts = []
    for k in range(i, j + 1):
        if k > i and s.start[k] > s.end[k - 1]:
            parts.append(" ")
        parts.append(s.text[k])
    return "".join(parts)


def _country_candidates(ms: list, index: AliasIndex, sents: dict) -> None:
    """Mark an institution named with its country (``МИД`` + ``России``,
    ``российский МИД``, ``МИД России`` as one span): ``m["_qual"]`` is
    (institution key, country actor, the name with its country or None).
    Whether the country becomes part of the name is decided over the corpus
    (:func:`framing.measures.actors.grouping.group_mentions`)."""
    by_sent = defaultdict(list)
    for m in ms:
        by_sent[(m["doc_id"], m["sent_id"])].append(m)
    for key, group in by_sent.items():
        s = sents.get(key)
        at = {m["start_tok"]: m for m in group}
        for m in group:
            if m["person"] or m["type"] not in ("ORG", "MISC") or m["source"] == "description":
                continue
            n = at.get(m["end_tok"] + 1)
            country = None
            if n is not None and n is not m and not n["person"] and \
                    (n["type"] == "LOC" or index.types.get(n["alias"] or "") == "LOC"):
                case = None
                if s is not None:
                    try:
                        case = s.feats(s.pos_of(n["start_tok"])).get("Case")
                    except ValueError:
                        case = None
                if case in (None, "Gen") and n["end_tok"] - n["start_tok"] <= 2:
                    country = (n["alias"] or n["key"], clean_name(n["text"]))
            if country is None and s is not None:
                try:
                    i = s.pos_of(m["start_tok"])
                except ValueError:
                    i = 0
                if i > 0 and s.upos[i - 1] == "ADJ":
                    act = index.adjectives.get(lower_key(s.lemma[i - 1]))
                    if act and index.types.get(act) == "LOC":
                        country = (act, genitive(act, s.lang))
            if country is not None:
                m["_qual"] = (m["key"], country[0], f"{m['normal']} {country[1]}")
            else:
                # a name that already ends in its country ("МИД России" as one span)
                words = m["normal"].split()
                if len(words) >= 2:
                    act = index.lookup(words[-1])
                    if act and index.types.get(act) == "LOC":
                        head = " ".join(words[:-1])
                        m["_qual"] = (stem_key(head, False) or lower_key(head), act, None)
