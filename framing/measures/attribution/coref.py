"""Antecedents of pronouns and anaphoric descriptions for the attribution measure.

A speaker written as a pronoun ("он", "По ее данным", "їх") or as a bare
description ("издание", "ведомство", "политик") is resolved to the nearest
compatible actor named earlier in the same document (issue #12, item 3;
``docs/attribution.md``, "resolved actor").  Compatible means:

* the grammatical gender and number of the pronoun agree with the antecedent's
  (a person's gender from the verb or the name, an organisation's from the noun
  that heads or introduces it: "газета The Times" is feminine, "Минобороны" has
  none and is taken as neuter);
* a description matches the antecedent's type: "издание" a medium, "ведомство"
  an organisation that is not a place, "политик" a person
  (``framing/lexicons/<lang>/anonymous_sources.tsv`` gives each noun's type).

The search walks back sentence by sentence (the cue's own sentence first), and
within a sentence takes earlier speakers before other mentions, nearest first.
This is the recency-and-agreement baseline of pronoun resolution (Hobbs 1978;
Lappin & Leass 1994, salience of subjects), without a syntactic search of the
earlier sentences.

References
----------
Hobbs, J. R. (1978). Resolving pronoun references. *Lingua* 44.
Lappin, S., & Leass, H. J. (1994). An algorithm for pronominal anaphora
resolution. *Computational Linguistics* 20(4).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from ...lang.punct import OPENING_QUOTES
from .quotes import QUOTE_CHARS
from .sentence import _Sent, _media_at, agentless
from .words import _Res, _norm

_OPENERS = frozenset(OPENING_QUOTES)

#: possessives and pronouns whose form is both masculine and neuter ("его данные": a man's or a ministry's)
_MASC_OR_NEUT = {"его", "него", "його", "нього", "its", "нем", "нём", "ньому"}
#: source nouns that name data rather than words: "по ее данным" may be a newspaper's
_DATA_NOUNS = {"данные", "данным", "информация", "информации", "сведения", "сведениям", "оценка", "оценкам",
               "оценке", "подсчет", "подсчетам", "статистика", "статистике", "дані", "даними", "інформація",
               "інформацією", "оцінка", "оцінками", "data", "estimates", "information"}


@dataclass
class Antecedent:
    """An actor named earlier in a document: a mention (from the actors measure or the
    entities) or the speaker of an earlier attribution."""
    sidx: int                 # index of its sentence in the document
    pos: int                  # character offset
    actor: str
    type: str                 # person | organisation | media
    gender: str | None
    number: str | None
    roles: set = field(default_factory=set)
    speaker: bool = False
    place: bool = False       # a location entity (LOC, GPE): never the antecedent of "ведомство", "оно"
    subject: bool = False     # a mention that is its clause's subject (more salient than an object)


def noun_gender(S, a: int, b: int, heads: dict) -> str | None:
    """The gender of a name's noun phrase: of a description noun just before it ("газета
    The Times", "издание «Ведомости»"), else of its last noun; None for indeclinable names."""
    for k in (a - 1, a - 2):
        if k >= 0 and S.lem[k] in heads and S.upos[k] == "NOUN":
            return S.feats[k].get("Gender")
        if k >= 0 and S.text[k] not in _OPENERS:
            break
    for i in range(b, a - 1, -1):
        if S.upos[i] in ("NOUN", "PROPN"):
            g = S.feats[i].get("Gender")
            if g and not (S.upos[i] == "PROPN" and S.feats[i].get("Animacy") == "Inan"
                          and S.feats[i].get("Case") is None):
                return g
    return None


def _gender_ok(h: Antecedent, word: str, gender: str | None) -> bool:
    if gender is None:
        return True
    allowed = {gender, "Neut"} if word in _MASC_OR_NEUT else {gender}
    if h.type == "person":
        return h.gender is None or h.gender in allowed
    # an organisation: its noun's gender, or neuter when unknown ("Минобороны", "МЧС")
    return (h.gender or "Neut") in allowed


def _walk(hist, si: int, pos: int, max_back: int):
    """Earlier antecedents, nearest sentence first; in a sentence speakers first, then subject
    mentions, then other mentions (subjects are the more salient referents: Lappin & Leass 1994)."""
    cands = [h for h in hist if h.pos < pos and 0 <= si - h.sidx <= max_back]
    for s in range(si, si - max_back - 1, -1):
        group = [h for h in cands if h.sidx == s]
        for pool in ([h for h in group if h.speaker], [h for h in group if not h.speaker and h.subject],
                     [h for h in group if not h.speaker and not h.subject]):
            yield from sorted(pool, key=lambda x: -x.pos)


def pronoun_antecedent(hist, si: int, pos: int, word: str, gender: str | None, number: str | None,
                       *, noun: str = "", max_back: int = 6) -> Antecedent | None:
    """The antecedent of a pronoun or possessive ``word`` (lowercase) at offset ``pos``.

    A plural pronoun takes a plural person or any organisation; a singular one a person
    or organisation of its gender.  Persons are preferred to organisations unless the
    pronoun owns data ("по ее данным", ``noun`` in the data nouns), where the nearest fits.
    """
    def fits(h):
        if h.place and not h.speaker:
            return False
        if gender == "Neut" and word not in _MASC_OR_NEUT and h.type == "person":
            return False      # "оно", "it": never a person
        if number == "Plur":
            return h.type != "person" or h.number == "Plur"
        if h.type == "person" and h.number == "Plur":
            return False
        return _gender_ok(h, word, gender)

    order = list(_walk(hist, si, pos, max_back))
    if noun not in _DATA_NOUNS and number != "Plur":
        person = next((h for h in order if h.type == "person" and fits(h)), None)
        if person is not None:
            return person
    return next((h for h in order if fits(h)), None)


def description_antecedent(hist, si: int, pos: int, want: str, role: str, *, max_back: int = 8,
                           collective: frozenset = frozenset()) -> Antecedent | None:
    """The antecedent of a bare description ("Президент", "ведомство", "издание") of type ``want``:
    an earlier speaker who had the same role noun (a medium and an organisation count as one type
    here), else the nearest earlier actor of that type
    that is not a collective of another noun ("компания" is not the "профсоюз" or "персонал"
    mentioned before it; ``collective`` holds those nouns)."""
    order = list(_walk(hist, si, pos, max_back))
    institutions = ("media", "organisation")
    for h in order:
        # the same role noun: "передает агентство Ренхап … отмечает агентство", whichever of medium or
        # organisation the name was typed as
        if role in h.roles and (h.type == want or (want in institutions and h.type in institutions)):
            return h
    for h in order:
        if h.type != want or h.place or (h.roles & collective and role not in h.roles):
            continue
        if want == "person" and not h.speaker and h.number == "Plur":
            continue
        return h
    return None


# --- actors ----------------------------------------------------------------------------
def _mentions(ann, actors):
    """Actor mentions: (doc_id, start, end, actor, type) from framing.actors or the entities."""
    ment = None
    if actors is None:
        try:
            from ..actors import actors as _actors_fn  # written by the actors measure
            ment = _actors_fn(ann).mentions
        except (ImportError, AttributeError, NotImplementedError):
            ment = None
    elif isinstance(actors, pd.DataFrame):
        ment = actors
    elif hasattr(actors, "mentions"):
        ment = actors.mentions
    if ment is not None and len(ment) and {"doc_id", "start", "end", "actor"} <= set(ment.columns):
        m = ment.copy()
        m["type"] = m["type"] if "type" in m else ""
        return m[["doc_id", "start", "end", "actor", "type"]]
    e = ann.entities
    return pd.DataFrame({"doc_id": e["doc_id"], "start": e["start"], "end": e["end"],
                         "actor": e["normal"], "type": e["type"]})


def _subject_word(S: _Sent, x: int) -> bool:
    """The word is a clause's subject or a conjunct of one ("Джо Байден и Си Цзиньпин встретились")."""
    if S.deprel[x].startswith("nsubj"):
        return True
    h = S.head[x]
    return S.deprel[x] == "conj" and 0 <= h < S.n and S.deprel[h].startswith("nsubj")


def _gender_of(S: _Sent, a: int, b: int):
    for i in range(b, a - 1, -1):
        g = S.feats[i].get("Gender")
        if g and S.upos[i] in ("PROPN", "NOUN"):
            return g
    return None


def _resolve_doc(doc_cues, sents, R: _Res, ment_doc: pd.DataFrame, atypes: dict):
    """Give every cue its actor and speaker type; pronouns and bare role nouns
    ("он", "глава МИД", "дипломат") take the nearest compatible earlier actor.  ``atypes``:
    each actor's most frequent type in the run (:func:`actor_types`), for untyped mentions."""
    fw = R.fw
    hist: list[Antecedent] = []
    ments = list(zip(ment_doc["start"].tolist(), ment_doc["end"].tolist(), ment_doc["actor"].tolist(),
                     ment_doc["type"].tolist())) if len(ment_doc) else []
    # mention types (untyped English mentions decided by their words) and history
    typed, places = [], set()
    for k, S in enumerate(sents):
        si = getattr(S, "para", k)    # the annotated sentence of a line (rows._lines): distances as before the cut
        for ms, me, act, typ in ments:
            if S.start[0] <= ms < S.end[-1] + 1:
                i = next((k for k in range(S.n) if S.start[k] <= ms < S.end[k] + 1), 0)
                j = next((k for k in range(S.n - 1, -1, -1) if S.start[k] < me), i)
                t = _etype(typ, act, R, atypes) or _type_by_form(S, i, j, None, R)
                typed.append((ms, me, act, t))
                if str(typ).upper() in ("LOC", "GPE"):
                    places.add((ms, me))
                hist.append(Antecedent(si, ms, act, t, _gender_of(S, i, j) if t == "person" else noun_gender(S, i, j, R.heads),
                                  S.feats[j].get("Number"), set(), False,
                                  place=str(typ).upper() in ("LOC", "GPE"),
                                  subject=any(_subject_word(S, x) for x in range(i, j + 1))
                                  or (i > 0 and S.deprel[i - 1].startswith("nsubj") and S.lem[i - 1] in R.heads)))
    ments = typed
    last = prev = None    # (sentence, actor, type) of the latest row with an actor; the row before
    for si, S, c in doc_cues:
        si = getattr(S, "para", si)
        if prev is not None and prev[1].actor:
            last = (prev[0], prev[1].actor, prev[1].speaker_type)
        prev = (si, c)
        if c.spk is None and c.speaker_override is None:
            c.speaker_type, c.actor = "unattributed", ""
            if last is not None and si - last[0] <= 1 and agentless(S, c, R) and any(
                    S.low[x] in R.words.get("also_word", ()) for x in range(0, c.cue[0])):
                # "Также заявлено о …", "Кроме того, сообщается, что …" right after a report: the
                # same source goes on (the guideline's speaker_resolved of a zero subject); the
                # speaker stays empty
                c.actor, c.speaker_type = last[1], last[2]
                continue
            fin = c.cue[0] if c.pattern.startswith("infinitive") else c.v      # "смог рассказать": the auxiliary agrees
            f = S.feats[fin]
            if c.pattern.startswith(("verb", "collocation", "infinitive")) and f.get("VerbForm") in (None, "Fin") \
                    and f.get("Number") == "Sing" and f.get("Person") in (None, "3") \
                    and (c.head_lemma or c.verb_lemma) not in fw["impersonal"] and S.upos[fin] in ("VERB", "AUX"):
                # a zero subject ("Он пришел. Заявил, что …"): the actor of the nearest agreeing antecedent
                hit = pronoun_antecedent(hist, si, S.start[c.cue[0]], "", f.get("Gender"), "Sing", max_back=2)
                if hit is not None:
                    c.actor, c.speaker_type = hit.actor, hit.type
            continue
        a, b = c.spk if c.spk else (None, None)
        h = c.spk_head if c.spk_head is not None else b
        ss, se = (S.start[a], S.end[b]) if a is not None else (c.speaker_override[0], c.speaker_override[1])
        low_h = S.low[h] if h is not None else ""
        is_pron = a == b and (low_h in fw["pron"] or low_h in fw["poss"] or low_h in fw["loc_pron"])
        if a == b and low_h in R.words.get("collective_subject", ()):
            c.actor, c.speaker_type = _description(S, a, b, h), "anonymous"      # "одни …, другие — …"
            continue
        if a == b and low_h in fw.get("addressee_pron", ()):
            c.actor, c.speaker_type = "", "person"     # "ты говорил, что …": the one addressed, no actor
            continue
        if a == b and low_h == "там":
            hit = _nearest(hist, si, ss, None, None, want="organisation")
            c.actor, c.speaker_type = (hit.actor, "organisation") if hit else ("", "organisation")
            continue
        actor, stype = "", ""
        linked = [m for m in ments if m[0] <= ss and se <= m[1] and _norm(m[2]) != low_h] if is_pron else []
        if is_pron and linked:
            actor, stype = linked[0][2], linked[0][3]
        elif is_pron and low_h in R.words.get("latter_pron", ()):
            # "спросил министра, но тот заявил": "the latter", mostly a mention that is no actor here;
            # left unresolved rather than given the nearest actor (often the other party)
            actor, stype = "", "person"
        elif is_pron:
            g, num = fw["pron"].get(low_h) or fw["poss"].get(low_h) or fw["loc_pron"].get(low_h)
            hit = pronoun_antecedent(hist, si, ss, low_h, g, num, noun=S.low[c.v])
            if hit:
                actor, stype = hit.actor, hit.type
            else:
                actor, stype = "", "person" if num != "Plur" else "anonymous"
        else:
            inside = [(ms, me, act, typ) for ms, me, act, typ in ments if ms < se and me > ss]
            if h is not None and S.upos[h] == "NOUN":
                voice = S.lem[h] in R.words.get("voice_head", ()) and h + 1 < S.n
                # "кабмин Армении", "глава иранского департамента": a place that qualifies the head noun is
                # not the speaker; the actor is the speaker's own noun phrase (or its antecedent) -- except
                # for a place right after a spokesperson noun ("пресс-служба Кремля": the place speaks
                # through it; not "пресс-служба правительства Германии")
                inside = [m for m in inside if (m[0], m[1]) not in places or m[0] <= S.start[h] < m[1]
                          or (voice and m[0] == S.start[h + 1])
                          or any(S.upos[x] == "PROPN" and S.feats[x].get("Animacy") == "Anim"
                                 and m[0] <= S.start[x] < m[1] for x in range(a, b + 1))]
            media = None
            for x in range(a, b + 1):
                m = _media_at(S, x, R)
                if m:
                    media = m[1]
                    break
            head_info = R.heads.get(S.lem[h], R.heads.get(low_h)) if h is not None else None
            chosen = None
            if inside:
                at_head = [m for m in inside if m[0] <= S.start[h] < m[1]]
                per = [m for m in inside if m[3] == "person"]
                org = [m for m in inside if m[3] != "person"]
                if at_head and not (head_info and head_info[0] in ("person", "anonymous") and per):
                    chosen = at_head[0]
                elif head_info and head_info[0] in ("person", "anonymous") and per:
                    chosen = per[-1]
                elif per and not (head_info and head_info[0] in ("organisation", "media")):
                    chosen = per[-1]
                elif org and (head_info is not None or S.upos[h] != "NOUN"):
                    chosen = org[0]
                elif per:
                    chosen = per[-1]
            if (chosen is None or chosen[3] != "person") and head_info and head_info[0] == "person" \
                    and S.feats[h].get("Number") != "Plur" and not any(S.upos[x] == "PROPN" and S.feats[x].get("Animacy") == "Anim" for x in range(a, b + 1)):
                hit = _nearest(hist, si, ss, None, None, want="person", role=S.lem[h], max_back=4)
                if hit:
                    chosen = (hit.pos, hit.pos, hit.actor, "person")
            if media and (chosen is None or chosen[3] != "person"):
                actor, stype = media, "media"
            elif chosen is not None:
                actor = chosen[2]
                stype = chosen[3]
            elif head_info is not None:
                typ, kind = head_info
                number = S.feats[h].get("Number")
                if S.lang == "en" and number is None and S.low[h].endswith("s") and S.low[h] != S.lem[h]:
                    number = "Plur"
                want = {"person": "person", "organisation": "organisation", "media": "media"}.get(typ)
                if typ == "anonymous" and kind in ("expert", "official") and number != "Plur":
                    want = "person"
                hit = None
                bare = all(x == h or S.upos[x] in ("DET",) or (typ == "person" and (S.upos[x] in ("ADJ",) or S.case(x) == "Gen"))
                           or (S.lang == "en" and S.upos[x] in ("DET", "ADJ"))
                           for x in range(a, b + 1))
                if want and number != "Plur" and kind != "source" and bare:
                    hit = description_antecedent(hist, si, ss, want, S.lem[h], collective=frozenset(
                        lm for lm, (_, k) in R.heads.items() if k == "collective"))
                    if hit is not None and typ == "organisation" and S.lem[h] not in R.words.get("anaphoric_noun", ()) \
                            and S.lem[h][:4] not in _norm(hit.actor):
                        # "Оппозиция считает …", "Полиция отчиталась …": an institution named by its own noun
                        # is that institution, not the nearest organisation; "Суд" still finds "Таганский суд"
                        hit = None
                if hit:
                    actor, stype = hit.actor, hit.type
                elif typ == "anonymous":
                    # the description itself is the actor (guideline: speaker_resolved of an anonymous
                    # source is its description, "аналитики", "источник в правительстве")
                    actor, stype = _description(S, a, b, h), "anonymous"
                else:
                    actor, stype = _clean(S, a, b), typ
            else:
                anim = S.feats[h].get("Animacy") if h is not None else None
                actor = _clean(S, a, b) if a is not None else ""
                stype = "person" if anim == "Anim" or (h is not None and S.upos[h] == "PROPN") else "organisation"
            if actor and stype in ("person", "organisation", "media"):
                roles = {S.lem[x] for x in range(a, b + 1) if S.lem[x] in R.heads}
                if stype == "person":
                    gender = S.feats[c.v].get("Gender") if c.pattern.startswith("verb") else None
                    gender = gender or _gender_of(S, a, b)
                else:
                    gender = noun_gender(S, a, b, R.heads)
                hist.append(Antecedent(si, ss, actor, stype, gender, S.feats[h].get("Number") if h is not None else None,
                                  roles, True))
        c.actor, c.speaker_type = actor, stype or "person"
    for si, S, c in doc_cues:
        si = getattr(S, "para", si)
        if "+first_person" in c.pattern:
            # "«Я у него спросил: …», — рассказал водитель": the speaker of the quotation
            at = S.start[c.cue[0]]
            owner = next((d for _, _, d in doc_cues if d is not c and d.content and d.content[0] <= at < d.content[1]
                          and d.actor), None)
            c.actor, c.speaker_type = (owner.actor, owner.speaker_type) if owner else ("", "person")


def _type_by_form(S: _Sent, a: int, b: int, h, R: _Res) -> str:
    """Person or organisation for an untyped name: a role noun or an animate proper noun."""
    for x in range(a, b + 1):
        info = R.heads.get(S.lem[x])
        if info and info[0] in ("person", "organisation", "media"):
            return info[0]
    if any(S.upos[x] == "PROPN" and S.feats[x].get("Animacy") == "Anim" for x in range(a, b + 1)):
        return "person"
    if S.lang == "en":
        words = [S.text[x] for x in range(a, b + 1) if S.upos[x] == "PROPN"]
        if len(words) >= 2:
            return "person"
    return "organisation"


def _etype(typ, actor, R: _Res, atypes: dict, _again: bool = True) -> str:
    t = str(typ).upper()
    if actor in R.media_names or t in ("MEDIA",):
        return "media"
    if t in ("PER", "PERSON"):
        return "person"
    if t in ("ORG", "LOC", "GPE", "ORGANISATION", "ORGANIZATION"):
        return "organisation"
    # untyped mentions (English has no NER): the actor's type elsewhere in the corpus
    other = atypes.get(actor)
    if other and _again:
        return _etype(other, actor, R, atypes, False)
    return ""


def _nearest(hist, si, pos, gender, number, *, want=None, role=None, max_back=6):
    best_role = None
    cands = [h for h in hist if h.pos < pos and si - h.sidx <= max_back]
    if role is not None:
        for h in reversed(cands):
            if role in h.roles and (want is None or h.type == want):
                best_role = h
                break
        if best_role:
            return best_role
    # walk back sentence by sentence; speakers first, then mentions
    for s in range(si, max(-1, si - max_back - 1), -1):
        group = [h for h in cands if h.sidx == s]
        for pool in ([h for h in group if h.speaker], [h for h in group if not h.speaker]):
            for h in sorted(pool, key=lambda x: -x.pos):
                if want and h.type != want:
                    continue
                if want == "person" and gender and h.gender and h.gender != gender:
                    continue
                if number == "Plur" and h.type == "person" and h.number != "Plur":
                    continue
                if role is not None and not h.speaker:
                    continue
                return h
    return None


def _clean(S: _Sent, a: int, b: int) -> str:
    return " ".join(t for t in S.text[a: b + 1] if t not in QUOTE_CHARS).strip()


def _description(S: _Sent, a: int, b: int, h: int) -> str:
    """An anonymous source's description as its actor: the noun phrase as written when its head
    is in the nominative ("западные чиновники"), else the head's lemma and the words after it
    ("по словам источника в правительстве" → "источник в правительстве"), so that one
    description in several cases is one actor."""
    if h is None or S.case(h) in (None, "Nom") or not S.lem[h]:
        return _clean(S, a, b)
    return " ".join([S.lem[h], *(t for t in S.text[h + 1: b + 1] if t not in QUOTE_CHARS)]).strip()


def actor_types(ment: pd.DataFrame) -> dict:
    """Actor → its most frequent mention type in one run (the first seen among equals, as
    ``value_counts``); MISC and untyped mentions are left out.  Built per call of
    :func:`framing.attributions`, never kept between runs."""
    out: dict = {}
    if len(ment):
        typed = ment[~ment["type"].astype(str).str.upper().isin(["MISC", "", "NAN"])]
        if len(typed):
            n = typed.groupby(["actor", "type"], sort=False).size().reset_index(name="n")
            n = n.sort_values("n", ascending=False, kind="stable").drop_duplicates("actor")
            out.update(zip(n["actor"], n["type"]))
    return out

