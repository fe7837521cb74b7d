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


def noun_gender(S, a: int, b: int, heads: dict) -> str | None:
    """The gender of a name's noun phrase: of a description noun just before it ("газета
    The Times", "издание «Ведомости»"), else of its last noun; None for indeclinable names."""
    for k in (a - 1, a - 2):
        if k >= 0 and S.lem[k] in heads and S.upos[k] == "NOUN":
            return S.feats[k].get("Gender")
        if k >= 0 and S.text[k] not in ("«", "\"", "„", "“"):
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
    """Earlier antecedents, nearest sentence first; in a sentence speakers first, then mentions."""
    cands = [h for h in hist if h.pos < pos and 0 <= si - h.sidx <= max_back]
    for s in range(si, si - max_back - 1, -1):
        group = [h for h in cands if h.sidx == s]
        for pool in ([h for h in group if h.speaker], [h for h in group if not h.speaker]):
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


def description_antecedent(hist, si: int, pos: int, want: str, role: str, *, max_back: int = 8) -> Antecedent | None:
    """The antecedent of a bare description ("Президент", "ведомство", "издание") of type ``want``:
    an earlier speaker who had the same role noun, else the nearest earlier actor of that type."""
    order = list(_walk(hist, si, pos, max_back))
    for h in order:
        if role in h.roles and h.type == want:
            return h
    for h in order:
        if h.type != want or h.place:
            continue
        if want == "person" and not h.speaker and h.number == "Plur":
            continue
        return h
    return None
