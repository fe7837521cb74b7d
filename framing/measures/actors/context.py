"""Mentions that stand for an actor named elsewhere in their document: pronouns and titles.

After grouping (:func:`framing.measures.actors.grouping.group_mentions`),
:func:`context_mentions` links, in each document on its own, a subject
pronoun (``он``, ``вона``, ``she``) to the nearest preceding person of its
gender within two sentences, and a title standing alone (``президент``, with
its adjectives) to the person the document introduced with that title and the
same complement (``президент США Джо Байден`` … ``президент``), when that
person is the last one named before it.  The words around titles that decide
this are the ``title_context`` lexicons (``framing/lexicons/<lang>/``).

References
----------
Mitkov, R. (2002). *Anaphora Resolution*. Longman (the nearest compatible
antecedent, agreement in gender).
"""

from __future__ import annotations

import functools
from collections import defaultdict

from ...lang.punct import DASHES, DOUBLE_QUOTES
from .._names import PRONOUNS, agree, builtin_table, lower_key
from .mentions import span_text
from .names import person_gender, title_context, titles as _titles


def context_mentions(ms: list, sents: dict, adjectives: dict, *, pronouns: bool = True,
                     titles: bool = True) -> list:
    """Pronoun and title mentions of the documents of ``sents``, linked to the actors of the grouped rows ``ms``.

    Parameters
    ----------
    ms : list of dict
        Grouped mention rows (with ``actor``) of the same documents.
    sents : dict
        :func:`framing.measures.actors.mentions.document_sentences` of those documents.
    adjectives : dict
        Relational adjective → country actor (``AliasIndex.adjectives``).
    pronouns, titles : bool
        Which of the two to link.

    Returns
    -------
    list of dict
        New mention rows (``source`` ``pronoun`` or ``title``), pronouns first.
    """
    out = _pronouns(ms, sents) if pronouns else []
    if titles:
        out += _title_mentions(ms + out, sents, adjectives)
    return out


@functools.lru_cache(maxsize=None)
def _role_titles(lang: str) -> frozenset:
    """Titles of office, rank and profession (kinship words are relations, not
    names of a role: ``сын`` is someone's son)."""
    df = builtin_table(lang, "titles")
    if df.empty or "kind" not in df.columns:
        return _titles(lang)
    return frozenset(lower_key(x) for x, k in zip(df["lemma"], df["kind"]) if k != "kin")


def _complement(s, k: int, start_at: dict):
    """What follows a title word, past its adjectives: the actor of a mention
    starting there, or the lemma of a genitive noun (``глава департамента``,
    ``представитель переходной администрации``), else None."""
    j = k + 1
    while j < len(s) and j <= k + 3 and s.upos[j] == "ADJ" and s.tok_ids[j] not in start_at:
        j += 1        # "представитель переходной администрации"
    if j >= len(s):
        return None
    m = start_at.get(s.tok_ids[j])
    if m is not None:
        return m["actor"]
    if s.upos[j] in ("NOUN", "PROPN") and s.feats(j).get("Case") == "Gen":
        return s.lemma[j]
    return None


def _introduces_name(s, i: int, start_at: dict) -> bool:
    """Whether a person's name follows the title at ``i`` within its noun
    group (up to punctuation or a verb other than a participle):
    ``представитель так называемой
    администрации Ткачук``."""
    for k in range(i + 1, len(s)):
        m = start_at.get(s.tok_ids[k])
        if m is not None and m["person"]:
            return True
        if (s.is_punct(k) and s.text[k] != "-" and s.text[k] not in DOUBLE_QUOTES) or \
                (s.upos[k] in ("VERB", "AUX") and s.feats(k).get("VerbForm") != "Part"):
            return False
    return False


def _title_mentions(ms: list, sents: dict, adjectives: dict) -> list:
    """Title-only mentions (``президент``, ``министр``) standing for the
    person of the document introduced earlier with the same title (and the
    same complement: ``президент США`` … ``президент``, not ``президент
    Франции``), when that person is the last one named before it.
    ``adjectives`` maps relational adjectives to actors (``российский`` →
    ``Россия``)."""
    by_doc = defaultdict(list)
    for m in ms:
        if m.get("link") not in ("pronoun", "description") and m["source"] not in ("description", "pronoun"):
            by_doc[m["doc_id"]].append(m)
    doc_sents = defaultdict(list)
    for d, sid in sents:
        if d in by_doc:
            doc_sents[d].append(sid)
    out = []
    for d, group in by_doc.items():
        if not any(m["person"] for m in group):
            continue
        per_sent = defaultdict(list)
        for m in group:
            per_sent[m["sent_id"]].append(m)
        persons = sorted((m for m in group if m["person"]), key=lambda m: m["start"])
        intros = []   # (start, title lemma, complement actor, person mention)
        for sid in sorted(doc_sents[d]):
            s = sents.get((d, sid))
            if s is None:
                continue
            tl = _role_titles(s.lang)
            if not tl:
                continue
            ments = per_sent[sid]
            start_at = {m["start_tok"]: m for m in ments}
            covered = {t for m in ments for t in range(m["start_tok"], m["end_tok"] + 1)}
            pos = {t: i for i, t in enumerate(s.tok_ids)}
            # persons introduced with a title in this sentence
            for m in ments:
                if not m["person"]:
                    continue
                i = pos.get(m["start_tok"])
                if i is None:
                    continue
                for k in range(i - 1, max(i - 5, -1), -1):
                    if s.is_punct(k) and s.text[k] not in DASHES:
                        break
                    if s.lemma[k] in tl and s.upos[k] == "NOUN":
                        # in apposition, the same case: not "адвокат Ивана Сафронова" (his lawyer)
                        if agree(s.feats(k), s.feats(i), ("Case",)):
                            intros.append((s.start[k], s.lemma[k], _complement(s, k, start_at), m))
                        break
            # title words standing alone
            for i in range(len(s)):
                if s.lemma[i] not in tl or s.upos[i] != "NOUN" or s.tok_ids[i] in covered:
                    continue
                f = s.feats(i)
                if f.get("Number") == "Plur" or f.get("Case") == "Ins" or s.lemma[i] in title_context("kin"):
                    continue          # "был офицером", "назначить министром": a predicate, not a mention
                if _introduces_name(s, i, start_at):
                    continue          # an epithet of the name it introduces, not a mention
                a = i       # with its adjectives: "российскому президенту"
                while a > 0 and s.upos[a - 1] == "ADJ" and s.tok_ids[a - 1] not in covered:
                    a -= 1
                before = s.lemma[max(a - 2, 0):i]
                if (a > 0 and s.upos[a - 1] in ("DET", "PRON", "NUM")) or any(w in title_context("not_holder") for w in before):
                    continue          # "наш президент", "пост президента", "другой военный блогер"
                comp = _complement(s, i, start_at)
                for j in range(a, i):    # "российскому президенту": the adjective names the country
                    comp = comp or adjectives.get(lower_key(s.lemma[j]))
                cands = [x for x in intros if x[1] == s.lemma[i] and x[0] < s.start[i]
                         and (comp is None or x[2] == comp)]
                if not cands:
                    continue
                target = max(cands, key=lambda x: x[0])[3]
                last = [p for p in persons if p["start"] < s.start[a]]
                if not last or last[-1]["actor"] != target["actor"]:
                    continue          # another person came between: "президент" may be theirs
                out.append({"doc_id": d, "sent_id": sid, "start_tok": s.tok_ids[a], "end_tok": s.tok_ids[i],
                            "start": s.start[a], "end": s.end[i], "text": span_text(s, a, i),
                            "type": "PER", "normal": " ".join(s.lemma[a:i + 1]), "actor": target["actor"],
                            "link": "description", "source": "title", "person": True})
    return out


def _pronouns(ms, sents) -> list:
    out = []
    persons = defaultdict(list)
    for m in ms:
        if m["person"]:
            persons[m["doc_id"]].append(m)
    if not persons:
        return out
    genders = {}
    for key, s in sents.items():
        cands = persons.get(s.doc_id)
        if not cands:
            continue
        prons = PRONOUNS.get(s.lang, {})
        for i in range(len(s)):
            lem = s.lemma[i]
            if lem not in prons or s.upos[i] not in ("PRON", "DET", "_"):
                continue
            f = s.feats(i)
            if f.get("Case", "Nom") != "Nom":
                continue
            gender = prons[lem][0]
            best = None
            for m in cands:
                if m["start"] >= s.start[i] or m["sent_id"] < s.sent_id - 2:
                    continue
                mid = id(m)
                if mid not in genders:
                    genders[mid] = person_gender(m)
                if genders[mid] not in (None, gender):
                    continue
                if best is None or m["start"] > best["start"]:
                    best = m
            if best is None:
                continue
            out.append({"doc_id": s.doc_id, "sent_id": s.sent_id, "start_tok": s.tok_ids[i],
                        "end_tok": s.tok_ids[i], "start": s.start[i], "end": s.end[i], "text": s.text[i],
                        "type": "PER", "normal": lem, "actor": best["actor"], "link": "pronoun",
                        "source": "pronoun", "person": True})
    return out

