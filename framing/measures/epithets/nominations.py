"""Nominations: labels, role words and groups standing for an actor without
a name, linked to an actor by a relational adjective, a genitive name or a hint;
descriptors of unnamed actors."""

from __future__ import annotations

import math
import re

from ...lang.punct import DASHES
from .._names import agree, lower_key
from .words import (
    _ANIMALS, _ANIMATE_LABELS, _ARMY, _BE_FORMS, _CAUSE_GENITIVE, _CAUSE_ROLES, _CLOSE_Q, _COLLECTIVE_LABELS,
    _COPULA_VERBS, _CRIME_ADJ, _CRIME_HEADS, _DEGREE_ADVERBS, _ENDEARMENT, _EVALUATIVE_PAIRS, _FIXED, _HINTS,
    _INANIMATE_PERSONS, _INSTITUTIONS, _INTENSIFIERS, _LABEL_PAIRS, _METAPHOR_HEADS, _METAPHOR_INFINITIVE,
    _MILITARY, _MODAL_ADJECTIVES, _OPEN_Q, _PEOPLE_GROUPS, _PERSON_NOUNS, _PERSON_PRONOUNS, _PERSON_SUFFIX,
    _PERSONAL, _POSSESSOR_PRONOUNS, _PRAISE_SUBSTANTIVE, _QUALIFIED_ORG, _QUOTED_GROUPS, _QUOTED_GROUPS_SING,
    _REL_WORDS, _RELATION_NOUNS, _SMALL_ANIMALS, _STATE_LABELS, _STATE_NICKNAMES, _STATE_ONLY, _STATE_WORDS,
    _STORY_DOMAINS, _STORY_ROLES, _SUBSTANTIVE_NOT, _WHO, _WHO_ANTECEDENTS,
)
from .tokens import (
    _actor_noun, _attributive, _forces_in_any_position, _is_adj, _is_noun, _lemmas, _modifier, _name_part,
    _not_about, _np_left,
    _opens, _place_phrase, _pronominal, _span_text, _trim,
)
from .morph import (
    NOMINATION_MARGIN, _animate, _dictionary_genitive, _guessed_nouns, _infinitive, _initial_common_noun, _known_word, _label_reading, _model_noun_reading, _org_diminutive,
    _parses,
    _participle_lemma, _person_after_prefix, _person_form, _readings, _short_adjective, _thing_part, _undergone,
)
from .lexicon import EVALUATIVE_THRESHOLD, _feminine_base, _org_type, _person_rest
from .polarity import _ALL_WORDS, _metaphor, _penal, _refers, _vocative
from .rows import _row
from .guards import (
    _award_title, _literal, _mode_tokens, _predicate_actor, _predicate_of_thing, _states_in,
    _thing_reading, _war_story,
)
from .clauses import _adj_tokens, _clause_end, _coordinated, _relative_tokens, _right_relative


def _nominations(s, lex, ent_tok, used, st=None):
    st = st if st is not None else {}
    out = []
    n = len(s)
    for t in range(n):
        misread = False  # a noun the tagger read as an adjective (the model's reading)
        if t in used or t in ent_tok:
            continue
        if s.is_punct(t) or s.upos[t] in ("ADP", "CCONJ", "SCONJ", "PRON", "DET", "PART", "AUX", "NUM"):
            continue
        lem = lower_key(s.lemma[t])
        nom = lex.nomination(lem)
        if nom is None and s.lang == "ru" and _org_diminutive(s.text[t]):
            lem = _org_diminutive(s.text[t])  # "ОООшка", "НКОшки": a belittling label of a firm
            nom = (-0.5, lem)
        if nom is None and s.upos[t] == "PROPN" and _opens(s, t):
            lem2 = _label_reading(s, t, lex)  # "Рашисты обстреляли": a label tagged as a name
            if lem2 is not None:
                nom, lem = lex.nomination(lem2), lem2
        if nom is None and s.lang == "ru" and s.upos[t] == "NOUN" and not _known_word(lem):
            # a lemma the tagger made up for a rare noun ("хейтеры" → "хейтера", "лошары" → "лошар"):
            # the dictionary's noun readings of the form
            lem2 = next((x for x in _guessed_nouns(lower_key(s.text[t])) if x in lex.nom_exact), None)
            if lem2 is not None:
                nom, lem = lex.nomination(lem2), lem2
        if nom is None and s.upos[t] in ("NOUN", "ADJ") and not (_is_adj(s, t) and _attributive(s, t)):
            base = _feminine_base(lem, lex)
            if base is not None and _animate(s, t):
                nom = (lex.nom_exact[base][0], lem)  # "психопатка", "наркоманка"
        if nom is None and s.feats(t).get("VerbForm") == "Part":
            # substantivised participles the lemmatiser reduces to the verb ("протестующих" → протестовать)
            form = lower_key(s.text[t])
            for r in lex.role_participles:
                if form.startswith(r[:-2]) and len(form) - len(r) <= 2:
                    nom, lem = (float("nan"), r), r
                    break
        if nom is None and not _is_noun(s, t):
            # taggers miss rare labels ("рашистам" as ADV, "страна-агрессор" as VERB)
            nom = lex.nomination(lower_key(s.text[t]))
            if nom is None and s.lang == "ru" and s.upos[t] in ("ADJ", "X") and \
                    not (t + 1 < n and _is_noun(s, t + 1)):
                # or lemmatise a rare noun as an adjective ("сексоголиков" → "сексоголиковый"):
                # the noun readings of the word form
                lem2 = next((x for x in _guessed_nouns(lower_key(s.text[t])) if x in lex.nom_exact), None)
                if lem2 is not None:
                    nom, lem = lex.nomination(lem2), lem2
            if nom is None and lex.model is not None:
                lem2 = _model_noun_reading(s, t, lex)
                if lem2 is not None:
                    # a person noun the tagger read as an adjective ("балбесы"), scored by the model
                    nom, lem, misread = (lex.model_polarity(lem2, "NOUN", NOMINATION_MARGIN), lem2), lem2, True
            if nom is None:
                continue
            lem = lower_key(s.text[t]) if lex.nomination(lower_key(s.text[t])) and lem == lower_key(s.text[t]) else lem
        if _is_adj(s, t) and _attributive(s, t) and not misread:
            continue  # "военные учения": an adjective, not the substantivised role
        if nom is not None and "-" in lem and (_animal_part(s, lem.split("-")[0]) or
                                               _thing_part(s, t, lem, lex)):
            continue  # "собаки-расисты", "товары-герои": animals and things are not actors
        if nom is not None and (_thing_reading(s, t, lem, lex) or _award_title(s, t) or _penal(s, t)):
            continue  # "в трусах", "контора", "Герой России": not a label of an actor
        if 0 < t < n - 1 and s.text[t - 1] in _OPEN_Q and s.text[t + 1] in _CLOSE_Q and s.text[t][:1].isupper():
            continue  # a capitalised word alone in quotes names a work or a brand («Идиот»)
        if nom is not None and t > 0 and s.text[t][:1].isupper() and s.text[t][1:2].islower() and \
                lem not in lex.roles and not _opens(s, t):
            continue  # a capitalised word inside a sentence is a name: the city "Хама" is no "хам"
        role = lem in lex.roles
        if role and lex.role_number.get(lem) and s.feats(t).get("Number", lex.role_number[lem]) != \
                lex.role_number[lem]:
            continue  # "власть" (power) is not "власти" (the authorities)
        if nom is not None and lem not in lex.nom_exact and lem not in lex.roles and \
                s.feats(t).get("Animacy") == "Inan" and not _org_type(lem, lex) and \
                lem.split("-")[0] not in _INSTITUTIONS and "-" not in lem and \
                any(p[:-1] and lem.startswith(p[:-1]) and not _person_rest(lem[len(p) - 1:], lex)
                    for p, _v in lex.nom_patterns if p.endswith("*")):
            continue  # "на укросайтах": a prefix pattern ("укро*") names people, not things
        if nom is not None and lem not in lex.nom_exact and lex.affixed(lem) and \
                s.feats(t).get("Animacy") != "Anim" and not _org_type(lem, lex) and \
                lem.split("-")[0] not in _INSTITUTIONS and not _person_after_prefix(s, lem):
            continue  # "картишек", "псевдонаука", "ультразвук": a thing is not a label of an actor
        if nom is not None and not role and _literal(s, t, lem, lex, ent_tok, st):
            if lex.is_title(lem) or "@object" not in lex.literal.get(lem, ()):
                continue  # a bare profession used literally (clowns at a circus)
            role = True
            nom = (float("nan"), lem)
        left = _np_left(s, t, ent_tok)
        if nom is not None and not role and (any((lower_key(s.lemma[a]), lem) in _FIXED for a in left) or
                                             _story_role(s, t, lem)):
            role, nom = True, (float("nan"), lem)  # "главная героиня", "героиню видосика": a role in a story
        if role and any((lower_key(s.lemma[a]), lem) in _LABEL_PAIRS for a in left):
            role, nom = False, (-1.0, lem)  # "военные преступники": a branding label, not a crime report's role
        pair = next((lex.nom_exact[k] for k in ((f"{lem} {lower_key(s.text[t + 1])}",) if t + 1 < n else ())
                     if k in lex.nom_exact), None)
        if role and pair is not None:
            role, nom = False, pair  # "поджигатель войны": a listed label, not the crime role
        first = left[0] if left else t
        quoted = first > 0 and t + 1 < n and s.text[first - 1] in _OPEN_Q and s.text[t + 1] in _CLOSE_Q \
            and s.text[first][:1].islower()
        actor, linked_toks = _link_nomination(s, t, left, lex, ent_tok)
        f = s.feats(t)
        if nom is None:
            ev_adj = [a for a in left if (lex.polarity(s.lemma[a]) or 0) <= -0.5]
            if lem in lex.context and actor is not None:
                # "западные кураторы": a label; "хозяева Чекалины", "хозяин Белого дома": an owner (guideline 20)
                owner = bool(linked_toks) and linked_toks[0] > t
                nom = (lex.polarity(lem) if lex.polarity(lem) is not None else
                       float("nan") if owner else -0.3, lem)
            elif ev_adj and (f.get("Animacy") == "Anim" or lem in _INSTITUTIONS):
                continue  # the adjective is the epithet ("марионеточный избирком"): see _unnamed
            elif quoted and s.upos[t] == "NOUN" and lem not in lex.nonjudging and \
                    (_quoted_person(s, t) or (len(left) <= 1 and lem in _INSTITUTIONS) or
                     # «коммунистические силы», «крайний фланг»: nouns of political camps
                     (lem in _QUOTED_GROUPS and f.get("Number") == "Plur" or lem in _QUOTED_GROUPS_SING)):
                # scare quotes around a short lower-case label: ironic distancing
                nom = (-0.5, lem)
            elif (lem in _METAPHOR_HEADS or lem in _METAPHOR_INFINITIVE) and _metaphor(s, [t], lex) is not None \
                    and not s.text[t][:1].isupper() and \
                    not any(x in ent_tok for x in range(t + 1, min(n, t + 3 + (t + 1 < n and
                                                                           lower_key(s.text[t + 1]) in _ALL_WORDS)))):
                # "долг королевы марафонов", "гроза шашлычек", "мастеров пошептаться": a metaphorical
                # label standing for a person
                nom = (_metaphor(s, [t], lex), lem)
                linked_toks = []
                for x in range(t + 1, min(n, t + 4)):
                    if _infinitive(s, x) and x == t + 1 or \
                            lower_key(s.text[x]) in _ALL_WORDS and x == t + 1 or \
                            s.upos[x] in ("ADJ", "DET", "NOUN") and \
                            (s.feats(x).get("Case") == "Gen" or _dictionary_genitive(lower_key(s.text[x]))):
                        linked_toks.append(x)
                        if s.upos[x] == "NOUN" or _infinitive(s, x):
                            break
                    else:
                        break
            elif actor is not None and re.search(r"(изм|ізм|ism)$", lem) and (lex.polarity(lem) or 0) <= -0.3:
                # an ideology attributed to an actor ("украинский национализм")
                nom = (lex.polarity(lem), lem)
            elif lex.model is not None and s.upos[t] == "NOUN" and f.get("Animacy") == "Anim" and \
                    (not s.text[t][:1].isupper() or _initial_common_noun(s, t)) and \
                    t not in ent_tok and _refers(s, t) and _person_form(s, t) and \
                    lex.model_polarity(lem, "NOUN", NOMINATION_MARGIN) is not None:
                # a person noun no lexicon lists that the evaluative-word model scores
                # with high confidence ("проходимец", "горлопан")
                nom = (lex.model_polarity(lem, "NOUN", NOMINATION_MARGIN), lem)
            else:
                continue
        # «врачом» of a clinic without licence, "следователь" of phone scammers, «художников» of
        # vandals: a role or neutral person noun alone in scare quotes is a role the writer denies
        pretended = quoted and first == t and lem not in lex.role_plain and _pretended_role(s, t, lem)
        if role and pretended and lem in lex.roles:
            role, nom = False, (-0.5, lem)
        if actor is not None and not role and _nationality_link(s, t, left, lex) and not _military(lem) and \
                lem not in lex.context and not re.search(r"(изм|ізм|ism)$", lem):
            # "американские идиоты": a label judges the people it names, not their state; the
            # nationality adjective is a row of its own (a role or institution, "российские власти",
            # stands for the state's organ and keeps it; so does an army's label)
            actor, linked_toks = None, []
        if role:
            pass  # role words stay neutral, quoted or not
        elif quoted:
            nom = (-0.5, nom[1])  # praise in scare quotes is irony («освободители»)
        elif lem in lex.context and actor is None and not (lem in _ANIMATE_LABELS and f.get("Animacy") == "Anim"):
            continue  # "режим" as a mode, "хозяин" of a flat: no actor named (animate "боевики" are people)
        # the label alone; its adjectives are rows of their own (_unnamed),
        # a name in the genitive stays inside ("режим Кима")
        core = [t] + ([] if role else linked_toks if linked_toks and linked_toks[0] > t else [])
        if not role and not linked_toks and lem in _COLLECTIVE_LABELS:
            core += _members_genitive(s, t, ent_tok)  # "банда малолетних вейперов": the members inside
        toks = sorted(set(core))
        if quoted:
            toks = [toks[0] - 1] + toks + [toks[-1] + 1] if left == [] else toks
        if actor is not None and _military(lem) and actor in _ARMY:
            actor = _ARMY[actor]
        if lem in _STATE_ONLY and not role and not _war_story(st) and not _states_in(s, ent_tok, lex) and \
                actor not in _ARMY and actor not in _ARMY.values():
            role, nom = True, (float("nan"), lem)  # "агрессор" of a crime story: the attacker
        if actor is None:
            # an army as a label's usual referent only in a story about war ("оккупанты" of a flat
            # are squatters); a label naming its nation by its stem ("бандеровцы") keeps its referent
            hint = _hint(lem)
            if hint in _ARMY.values() and not _war_story(st):
                hint = None
            actor = hint or _group_name(nom, lem)
        phrase = _span_text(s, _trim(s, toks))
        r = _row(s, {"actor": actor, "text": phrase}, toks, "nomination", lex,
                 lemma=" ".join(s.lemma[x] for x in toks if not s.is_punct(x) and x not in ent_tok))
        if r is None:
            continue
        if (r["polarity"] != r["polarity"] or pretended and r["polarity"] == 0) and nom[0] == nom[0] and not role:
            r["polarity"] = float(nom[0])
        if role and not r["legal"]:
            r["polarity"] = float("nan")
        if lem in _CAUSE_ROLES and t + 1 < n and lower_key(s.lemma[t + 1]) in _CAUSE_GENITIVE and \
                s.feats(t + 1).get("Case") == "Gen":
            r["polarity"] = float("nan")  # "защитники прав человека": a plain role (fresh samples s28, s31)
        r["_head"] = t
        if _predicate_of_thing(s, t, ent_tok, lex, r):
            continue  # "жизнь — лучший режиссёр": a label of a thing
        out.append(r)
        used.update(toks)
    # "X на минималках" (a cut-price X): an ironic label whatever X is
    for t in range(2, n):
        if lower_key(s.text[t]) == "минималках" and lower_key(s.text[t - 1]) == "на" and \
                (s.upos[t - 2] in ("NOUN", "PROPN") or t - 2 in ent_tok) and t - 2 not in used:
            a = t - 2
            while a > 0 and (a - 1 in ent_tok or s.upos[a - 1] == "PROPN") and a - 1 not in used:
                a -= 1
            toks = list(range(a, t + 1))
            r = _row(s, {"actor": s.lemma[t - 2], "text": _span_text(s, toks)}, toks, "nomination", lex,
                     lemma=" ".join(s.lemma[x] for x in toks))
            if r:
                r["polarity"] = -0.7
                out.append(r)
                used.update(toks)
    # substantivised evaluative adjectives ("сумасшедшего", "оголтелые"; "неравнодушные" помогли)
    for t in range(n):
        # an adjective the tagger read as a participle or a noun ("несчастную" → VERB or NOUN with the
        # lemma "несчастный")
        part_adj = (s.upos[t] == "VERB" and s.feats(t).get("VerbForm") == "Part" or s.upos[t] == "NOUN") and \
            lower_key(s.lemma[t]) in lex.exact and lower_key(s.lemma[t])[-2:] in ("ый", "ий", "ой") and \
            any("ADJF" in p.tag.grammemes and lower_key(p.normal_form) == lower_key(s.lemma[t])
                for p in _parses(lower_key(s.text[t])))
        if t in used or t in ent_tok or (s.upos[t] != "ADJ" and not part_adj) or s.lang == "en":
            continue
        if lower_key(s.lemma[t]) in _ENDEARMENT and _vocative(s, t) and (t == 0 or s.text[t][:1].islower()) and \
                not (t + 1 < n and s.upos[t + 1] in ("NOUN", "PROPN")):
            # "Давай газу, родной!": an affectionate address stands for the one addressed
            r = _row(s, {"actor": s.lemma[t], "text": s.text[t]}, [t], "nomination", lex, lemma=s.lemma[t])
            if r:
                out.append(r)
                used.add(t)
            continue
        p = lex.polarity(s.lemma[t])
        if p is None and lower_key(s.lemma[t]) in _PRAISE_SUBSTANTIVE:
            p = 0.5  # praise only when it stands for people ("хозяйственные кинулись скупать")
        if part_adj and not (p is not None and p >= 0.5 and _person_substantive(s, t)):
            continue
        if p is None and lex.model is not None and not s.feats(t).get("VerbForm") and \
                not (t > 0 and s.text[t][:1].isupper()) and not (s.lang == "ru" and _undergone(lower_key(s.text[t]))):
            # the model: negative adjectives only, as for the lexicons ("наказать ответственных")
            p = lex.model_polarity(s.lemma[t], "ADJ", NOMINATION_MARGIN)
            p = p if p is not None and p < 0 else None
        # "самые наглые из чиновников": a superlative picking people out of a group stands for them
        partitive = t > 0 and lower_key(s.lemma[t - 1]) == "самый" and t + 2 < n and \
            lower_key(s.text[t + 1]) == "из" and (s.feats(t + 2).get("Animacy") == "Anim" or
                                                 s.upos[t + 2] == "PROPN" or t + 2 in ent_tok)
        if p is None or (p > -0.5 and lower_key(s.lemma[t]) not in _PRAISE_SUBSTANTIVE and
                         not (partitive and p == p and abs(p) >= EVALUATIVE_THRESHOLD) and
                         not (p >= 0.5 and _person_substantive(s, t))):
            continue
        nxt = t + 1
        if nxt < n and (s.upos[nxt] in ("NOUN", "PROPN", "ADJ", "NUM") or nxt in ent_tok):
            continue
        if s.has_syntax and not (s.deprel[t] in ("nsubj", "nsubj:pass", "obj", "iobj", "obl", "nmod", "root")
                                 and not any(s.deprel[c] in ("amod", "nmod") and _is_noun(s, c) and
                                             not (partitive and c == t + 2) for c in s.children(t))):
            continue  # attributive ("ложную и вредоносную информацию") or predicative, not a noun phrase
        if partitive:
            toks = [t - 1, t]
            r = _row(s, {"actor": s.lemma[t], "text": _span_text(s, toks)}, toks, "nomination", lex,
                     lemma=f"самый {s.lemma[t]}")
            if r:
                out.append(r)
                used.update(toks)
            continue
        prv = t - 1
        if prv >= 0 and (s.text[prv] in DASHES or s.lemma[prv] in _COPULA_VERBS or s.lemma[prv] in ("быть", "бути")
                         or s.upos[prv] in ("AUX", "ADV", "PRON", "DET")):
            continue  # predicative use
        f = s.feats(t)
        if f.get("Variant") == "Short" or f.get("Degree") in ("Cmp", "Sup") or f.get("Case") == "Ins":
            continue  # short forms, comparatives and instrumental adjectives are predicative
        r = _row(s, {"actor": s.lemma[t], "text": s.text[t]}, [t], "nomination", lex, lemma=s.lemma[t])
        if r:
            if r["polarity"] != r["polarity"] and p == p and p >= 0.5:
                r["polarity"] = float(p)  # a praise word of the substantive list alone
            out.append(r)
            used.add(t)
    return out


def _case_class(case):
    """Nominative and accusative as one case: an inanimate noun's accusative is
    its nominative, and the tagger confuses them on a split adjective."""
    return "Nom" if case == "Acc" else case


def _person_substantive(s, t):
    """Whether adjective ``t`` (a praise or sympathy adjective of the lexicons)
    stands alone for a person: masculine, feminine or plural, the subject or
    object of its clause ("убил несчастную из карабина", "хозяйственные
    кинулись скупать"), never neuter (a thing or a quality: "лучшее",
    "главное") and never after a preposition."""
    f = s.feats(t)
    if f.get("Gender") == "Neut" or f.get("Case") not in ("Nom", "Acc", "Dat") or \
            (t > 0 and s.upos[t - 1] == "ADP"):
        return False
    if f.get("Number") != "Plur" and f.get("Gender") not in ("Masc", "Fem"):
        return False
    if t + 1 < len(s) and s.text[t + 1] in ("(", "["):
        return False  # "мирных (со)граждан": the noun follows the bracket
    if s.upos[t] == "NOUN" and f.get("Animacy") != "Anim":
        return False  # read as a noun, and as a thing
    if t + 2 < len(s) and (s.text[t + 1] == "," or s.upos[t + 1] == "CCONJ") and _is_adj(s, t + 2):
        return False  # "приветливую, комфортную … атмосферу": coordinated attributes of a noun
    if lower_key(s.lemma[t]) in _SUBSTANTIVE_NOT or not s.has_syntax or \
            s.deprel[t] not in ("nsubj", "nsubj:pass", "obj", "iobj"):
        return False
    # "нож взял хороший", "фотки получились красивые": an attribute or predicate of a thing
    # in its clause, split from its noun (a noun after a preposition is none: "в темноту")
    for k in range(len(s)):
        if k != t and s.upos[k] == "NOUN" and s.feats(k).get("Animacy") != "Anim" and \
                not (k > 0 and s.upos[k - 1] == "ADP") and \
                s.feats(k).get("Number") == f.get("Number") and \
                _case_class(s.feats(k).get("Case")) == _case_class(f.get("Case")) and \
                (f.get("Number") == "Plur" or s.feats(k).get("Gender") == f.get("Gender")) and \
                not any(s.is_punct(x) and s.text[x] in ".!?;" for x in range(min(k, t), max(k, t))):
            return False
    return True


def _pretended_role(s, t, lem):
    """Whether the quotes around a role word or neutral person noun ``t``
    alone (a quoted phrase, «ключевых командиров», is a quoted term) are the
    writer's scare quotes, which deny the role (guideline 13, distancing):
    not a military role (the term of a quoted press release:
    «военнослужащий»; crime roles are left out by the caller), and the quote
    before it opens (an even number of straight quotes before it: in
    '"Аида" спецназа "Ахмат"' the quote before "спецназа" closes a name)."""
    if _military(lem):
        return False
    q = s.text[t - 1]
    if q not in _CLOSE_Q:
        return True  # «: opens
    return q in _OPEN_Q and sum(s.text[x] == q for x in range(t - 1)) % 2 == 0


def _quoted_person(s, t):
    """Whether a noun in scare quotes is a person noun: animate for the
    tagger (or, for Russian, a form the dictionary knows only as an animate
    noun with a person suffix, which the tagger took for a thing) and, for
    Russian, not a thing for the dictionary: a form it knows
    only as an inanimate noun («кружков», video messages) or reads only as a
    neuter singular («коктебельное», a wine) names no person. A coinage the
    dictionary does not know («говнолапочкиным») keeps the tagger's word."""
    if s.lang != "ru":
        return s.feats(t).get("Animacy") == "Anim"
    parses = [p for p in _parses(lower_key(s.text[t])) if p.is_known]
    if s.feats(t).get("Animacy") != "Anim":
        # the tagger took a quoted person noun for a thing («предателей»): the dictionary
        # knows the form only as an animate noun with a suffix of person nouns (not an
        # animal or a nickname of a thing: «лисицами» drones, «крепышу» a drink)
        nouns = [p for p in parses if "NOUN" in p.tag.grammemes]
        lems = {lower_key(p.normal_form) for p in nouns}
        return bool(nouns) and len(nouns) == len(parses) and all("anim" in p.tag.grammemes for p in nouns) and \
            all(_PERSON_SUFFIX.search(x) and not x.endswith("ица") and x not in _ANIMALS and
                x not in _SMALL_ANIMALS for x in lems)
    if parses and not any("anim" in p.tag.grammemes for p in parses if "NOUN" in p.tag.grammemes):
        return False
    every = parses or _parses(lower_key(s.text[t]))
    return not all("neut" in p.tag.grammemes and "sing" in p.tag.grammemes for p in every)


def _animal_part(s, part):
    """Whether the first part of a compound names an animal ("собаки-расисты")."""
    animals = _ANIMALS | _SMALL_ANIMALS
    return part in animals or (s.lang == "ru" and any(r[0] in animals for r in _readings(part)))


def _actor_compound(lem, lex):
    """A hyphenated actor noun ("круизёр-перевозчик", "страна-участница"):
    both parts name persons, groups, organisations or states."""
    parts = [p for p in lem.split("-") if p]
    if len(parts) != 2 or parts[0] in ("экс", "вице", "екс", "віце", "ex", "vice") or lex.is_title(lem):
        return False

    def actorish(w):
        return w in lex.roles or w in lex.orgs or w in _INSTITUTIONS or lex.is_title(w) or \
            lex.nomination(w) is not None or w in ("член", "участник", "участница", "член", "member") or \
            bool(_PERSON_SUFFIX.search(w))
    return actorish(parts[0]) and actorish(parts[1])


def _unnamed(s, lex, ent_tok, used, rows):
    """Adjectives, participial phrases and relative clauses of actors without a
    name: role words and labels (their nomination rows are in ``rows``), titles
    and other person, group and organisation nouns, and "те, кто …"."""
    out = _adjective_predicates(s, lex, ent_tok, used)
    heads = {r["_head"]: r for r in rows if r.get("_head") is not None}
    for t in range(len(s)):
        if t in ent_tok:
            continue
        lem = lower_key(s.lemma[t])
        if not s.has_syntax and lem in _WHO_ANTECEDENTS and s.upos[t] in ("PRON", "DET") and t + 2 < len(s) and \
                s.text[t + 1] == "," and lower_key(s.lemma[t + 2]) in _WHO:
            # without a parse (Ukrainian, English): "всім, хто дотримувався обмежень", "тих, хто …"
            toks = list(range(t + 2, _clause_end(s, t + 2)))
            if toks and not any(x in used for x in toks):
                r = _row(s, {"actor": s.text[t].lower(), "text": s.text[t]}, toks, "relative_clause", lex,
                         lemma=_lemmas(s, toks), aspan=[t])
                if r:
                    out.append(r)
                    used.update(toks)
            continue
        if lem in ("тот", "той", "those") and s.upos[t] in ("PRON", "DET") and s.has_syntax:
            for c in s.children(t):
                if s.deprel[c] == "acl:relcl":
                    toks = _relative_tokens(s, c, t)
                    if toks and not any(x in used for x in toks):
                        r = _row(s, {"actor": s.text[t].lower(), "text": s.text[t]}, toks, "relative_clause", lex,
                                 lemma=_lemmas(s, toks), aspan=[t], skip=_not_about(s, toks, c, lex))
                        if r:
                            out.append(r)
                            used.update(toks)
            continue
        if not _is_noun(s, t):
            continue
        nomrow = heads.get(t)
        if nomrow is None and not _actor_noun(s, t, lem, lex):
            continue
        if nomrow is None and s.has_syntax and any(
                s.deprel[c].startswith("nsubj") and _is_noun(s, c) and c not in ent_tok and
                not _actor_noun(s, c, lower_key(s.lemma[c]), lex) for c in s.children(t)):
            continue  # the predicate of a thing ("жизнь — лучший режиссёр")
        if nomrow is None and t in _mode_tokens(s, range(len(s)), lex):
            continue  # "в ручном режиме": a mode, not an actor
        pred = _predicate_actor(s, t, ent_tok, lex) if nomrow is None else None
        if pred is False:
            continue  # "система является надёжным гарантом": a predicate about a thing
        if nomrow is None and lem not in lex.roles and lem not in _INSTITUTIONS and lem not in _PEOPLE_GROUPS and \
                lem not in _INANIMATE_PERSONS and s.feats(t).get("Animacy") != "Anim" and \
                not _forces_in_any_position(s, t, lex) and \
                not (s.has_syntax and s.deprel[t].startswith("nsubj")) and \
                not (_org_type(lem, lex) and any(lower_key(s.lemma[a]) in lex.relational or
                                                 (lem in _QUALIFIED_ORG and _is_adj(s, a) and
                                                  not s.feats(a).get("VerbForm") and
                                                  s.feats(t).get("Number") == "Plur" and
                                                  s.feats(a).get("Poss") != "Yes")
                                                 for a in _np_left(s, t, ent_tok))):
            # an organisation noun without a name is an actor when it acts ("Круизная компания пообещала"),
            # ("силы" qualified as an armed force is one in any position: "борьба с антигосударственными силами"),
            # or when a relational adjective places it ("отчёт российской компании", "против европейских компаний")
            # or an adjective qualifies a company-like noun in the plural ("в крупных банках", "для
            # небольших компаний"; ``qualified_org`` of epithet_cues.tsv: not "облачных сервисов")
            continue
        actor = nomrow["actor"] if nomrow else s.lemma[t]
        m = {"actor": actor, "text": s.text[t]}
        aspan_t = [t]
        if pred:
            # "всушников — две неполноценные бригады": the predicate's adjectives describe its subject
            m = {"actor": pred[0], "text": pred[1]}
            aspan_t = pred[2]
        if nomrow is None and t not in used and _actor_compound(lem, lex):
            r = _row(s, m, [t], "compound", lex, lemma=s.lemma[t], aspan=[t])
            if r:
                out.append(r)
                used.add(t)
        adjs = set(_np_left(s, t, ent_tok))
        if s.has_syntax:
            adjs |= {c for c in s.children(t) if s.deprel[c] in ("amod", "acl") and _is_adj(s, c)
                     and c not in ent_tok and _modifier(s, c, t)}
            # coordinated adjectives ("военного и военно-политического руководства")
            adjs |= {c for a in list(adjs) for c in s.children(a) if s.deprel[c] == "conj" and _is_adj(s, c)
                     and c not in ent_tok and _modifier(s, c, t)}
        for a in sorted(adjs):
            if a in used or _pronominal(s, a) or _name_part(s, a) or \
                    (lower_key(s.lemma[a]), lem) in _FIXED or lex.is_title(f"{s.lemma[a]} {lem}"):
                continue
            toks = _adj_tokens(s, a, {t})
            if any(x in used or x in ent_tok for x in toks if x != a):
                toks = [a]
            r = _row(s, m, toks, "adjective", lex, lemma=s.lemma[a], aspan=aspan_t, skip=set(toks) - {a})
            if r:
                hp = lex.polarity(s.lemma[t])
                if hp is None and nomrow is not None and nomrow["kind"] == "predicate":
                    hp = nomrow["polarity"]  # "Мэр — настоящий вор, считают жители": an accused crime role
                if r["polarity"] != r["polarity"] and lower_key(s.lemma[a]) in _INTENSIFIERS and \
                        hp is not None and abs(hp) >= 0.3 and not lex.literal_here(s.lemma[t]):
                    # "очередному богачу", "настоящий герой": an intensifier of a label shares its judgement
                    r["polarity"] = math.copysign(0.5, hp)
                if lower_key(s.lemma[a]) in _CRIME_ADJ and lem in _CRIME_HEADS and not r["legal"]:
                    r["polarity"] = float("nan")  # "преступное сообщество": a crime category (guideline #5)
                out.append(r)
                used.update(toks)
        if s.has_syntax:
            for c in s.children(t):
                if s.deprel[c] == "acl:relcl" and c not in used:
                    toks = _relative_tokens(s, c, t)
                    if toks and not any(x in used for x in toks):
                        r = _row(s, m, toks, "relative_clause", lex, lemma=_lemmas(s, toks), aspan=[t],
                                 skip=_not_about(s, toks, c, lex))
                        if r:
                            out.append(r)
                            used.update(toks)
        else:
            # without a parse (Ukrainian, English): "X, який …" agreeing with the noun, as for names
            # ("президент, який залишає посаду", "людей, які підтримують її"; session 13, uk_dev13)
            toks = _right_relative(s, [t], t, [], ent_tok)
            if toks and s.upos[toks[0]] != "ADP" and toks[0] not in used:
                # (not "засідання уряду, на якому …": a prepositional relative mostly refers to a place,
                # a meeting or an event, and the noun before the comma need not be its antecedent)
                r = _row(s, m, toks, "relative_clause", lex, lemma=_lemmas(s, toks), aspan=[t])
                if r:
                    out.append(r)
                    used.add(toks[0])  # only the relative word: the nouns inside keep their own adjectives
    return out



# relations of an adjective that heads a clause of its own (the parser hangs a predicate
# adjective without a copula as the root, or as "dep"/"conj" of the next verb)
_CLAUSE_HEADS = frozenset({"root", "dep", "conj", "parataxis", "ccomp"})
#: the least polarity of a predicate adjective without a copula ("очень агрессивный")
_BARE_PREDICATE = 0.6


def _adjective_predicates(s, lex, ent_tok, used):
    """Evaluative adjectives predicated of an actor (guideline: ``predicate``):
    after a dash or a copula ("они — продажные", "чиновники были
    беспомощны", "которая считается элитной") or as a short form after a
    noun ("главари нелегитимны"), agreeing with its subject, the subject
    being a name, a personal or relative pronoun or a noun of people
    (:func:`_person_subject`), also when the parse did not attach the
    predicate to the name; also a full form heading its clause without a
    copula ("мужчина очень агрессивный и уже сидел …"), of a name or a noun
    the dictionary knows as a person only, when clearly evaluative. Only evaluative ones are
    rows here: a neutral predicate adjective ("был пьян") is left to the
    syntax of the named actor."""
    out = []
    if not s.has_syntax:
        return _flat_adjective_predicates(s, lex, ent_tok, used) if s.lang == "uk" else out
    for t in range(len(s)):
        if t in used or t in ent_tok:
            continue
        # a short adjective the tagger took for a participle or a noun ("министр был бездарен")
        mistagged = _short_adjective(s, t)
        # a short passive participle of quality the lexicons list by its full form ("журналисты
        # ангажированы", "прокуроры коррумпированы"); an event's participle ("был задержан") is no row
        quality = s.lang == "ru" and s.feats(t).get("VerbForm") == "Part" and \
            s.feats(t).get("Variant") == "Short" and _listed_participle(lower_key(s.text[t]), lex)
        if not mistagged and not quality and (s.upos[t] != "ADJ" or s.feats(t).get("VerbForm")):
            continue
        pred = _predicate_actor(s, t, ent_tok, lex)
        person = False
        if pred is None and (mistagged or s.feats(t).get("Variant") == "Short"):
            # a short form with its subject, no copula ("главари нелегитимны"): a noun, not a
            # pronoun (a short form of a thing's state: "он опасен", "который виден"); with a
            # short adjective the tagger read as a passive participle, the copula is its
            # "aux:pass" and the subject may be a name ("Иванов был жаден")
            subj = next((c for c in s.children(t) if s.deprel[c].startswith("nsubj") and c < t), None)
            if subj is not None and mistagged and subj in ent_tok:
                m = ent_tok[subj]
                pred = (m["actor"], m["text"], list(m["_span"]))
            elif subj is not None and _is_noun(s, subj) and subj not in ent_tok:
                pred = (s.text[subj], s.text[subj], [subj])
        if pred is None and t >= 3 and lower_key(s.text[t - 2]) == "у" and \
                lower_key(s.text[t - 1]) in _POSSESSOR_PRONOUNS and s.feats(t).get("Case", "Nom") == "Nom" and \
                _is_noun(s, t - 3) and s.feats(t - 3).get("Case") == "Nom":
            # "люди у нас талантливые", "Батька у нас крутой": the parser makes the pronoun the
            # clause's head; the noun before "у нас" is the subject (round twenty)
            m = ent_tok.get(t - 3)
            pred = (m["actor"], m["text"], list(m["_span"])) if m else (s.text[t - 3], s.text[t - 3], [t - 3])
        if pred is None and s.deprel[t] in _CLAUSE_HEADS and s.feats(t).get("Case") == "Nom" and \
                not any(s.deprel[c] == "cop" for c in s.children(t)):
            # a full form as its clause's predicate without a copula or dash ("мужчина очень
            # агрессивный и уже сидел …"): its nominative noun subject on the left
            subj = next((c for c in s.children(t) if s.deprel[c] == "nsubj" and c < t), None)
            if subj is not None and _is_noun(s, subj) and s.feats(subj).get("Case") == "Nom":
                m = ent_tok.get(subj)
                form = _readings(lower_key(s.text[subj]))
                if m or (_actor_noun(s, subj, lower_key(s.lemma[subj]), lex) and form and all(r[1] for r in form)):
                    # also "мужчина", "девушка": a noun the dictionary knows as a person only ("райдер … скромный" is not)
                    pred = (m["actor"], s.text[subj], list(m["_span"])) if m else (s.text[subj], s.text[subj], [subj])
                    person = True
        if not pred or not (person or _person_subject(s, pred[2], ent_tok, lex)):
            continue
        if not _agrees_with_subject(s.feats(t), s.feats(pred[2][-1])):
            continue  # no agreement: not its subject ("Николаевой стало плохо")
        toks = [t] + _coordinated(s, t, [t], ent_tok)   # "был жаден и хитёр": one predicate row
        r = _row(s, {"actor": pred[0], "text": pred[1]}, toks, "predicate", lex, lemma=s.lemma[t], aspan=pred[2])
        # without a copula a weak word is more often a state ("пациент очень слабый"): a clear judgement only
        if r and r["polarity"] == r["polarity"] and abs(r["polarity"]) >= (_BARE_PREDICATE if person else
                                                                          EVALUATIVE_THRESHOLD):
            out.append(r)
            used.update(toks)
    return out


def _flat_adjective_predicates(s, lex, ent_tok, used):
    """Predicate adjectives of an actor read without a parse (Ukrainian): a subject — a name, a
    personal pronoun or a noun of people — then a form of "бути" or a copula (``copula_verb``:
    виявитися, залишатися, ставати …), degree adverbs, and an adjective agreeing with the subject
    in number and (in the singular) gender, nominative or instrumental ("Вона була дуже люб'язна",
    "Євросоюз готовий до компромісу"; guideline: ``predicate``, neutral ones too, "Капітан був
    пьян"). Session 13, from the Ukrainian development set uk_dev13."""
    out = []
    n = len(s)
    def adjective(x):
        if s.upos[x] not in ("ADJ", "VERB") or s.feats(x).get("Case", "Nom") not in ("Nom", "Ins"):
            return False
        if s.feats(x).get("VerbForm"):    # a participle only when the lexicons list it ("корумпований")
            p = lex.polarity(s.lemma[x])
            return s.feats(x).get("VerbForm") == "Part" and p is not None and p == p and abs(p) >= EVALUATIVE_THRESHOLD
        return s.upos[x] == "ADJ"

    for a in range(1, n):
        if a in used or a in ent_tok or not adjective(a) or lower_key(s.lemma[a]) in _MODAL_ADJECTIVES or \
                s.text[a][:1].isupper():
            continue  # (a capitalised "adjective" is a name: "Євгенія Ковалевська")
        k = a - 1
        while k >= 0 and lower_key(s.text[k]) in _DEGREE_ADVERBS:
            k -= 1
        copula = k >= 0 and (lower_key(s.lemma[k]) in _BE_FORMS or lower_key(s.lemma[k]) in _COPULA_VERBS) and \
            s.upos[k] in ("AUX", "VERB")
        if copula:
            k -= 1
        elif s.feats(a).get("Case") == "Ins":
            continue  # an instrumental adjective needs its copula
        if k < 0 or a + 1 < n and _is_noun(s, a + 1) and agree(s.feats(a), s.feats(a + 1)):
            continue  # "… дуже важливу роль": the adjective of the noun after it, no predicate
        subj = k
        m = ent_tok.get(subj)
        lem = lower_key(s.lemma[subj])
        person = False                     # a neutral predicate only of someone surely a person
        if m is not None:
            pred, person = (m["actor"], m["text"], list(m["_span"])), m.get("type") == "PER"
        elif s.upos[subj] == "PRON" and lem in _PERSONAL | _PERSON_PRONOUNS:
            pred, person = (s.text[subj], s.text[subj], [subj]), lem in _PERSON_PRONOUNS
        elif _is_noun(s, subj) and s.feats(subj).get("Case") == "Nom" and _actor_noun(s, subj, lem, lex):
            pred, person = (s.lemma[subj], s.text[subj], [subj]), s.feats(subj).get("Animacy") == "Anim"
        else:
            continue
        if not _agrees_with_subject(s.feats(a), s.feats(pred[2][-1])):
            continue
        first = a
        while first - 1 > subj and lower_key(s.text[first - 1]) in _DEGREE_ADVERBS:
            first -= 1
        toks = list(range(first, a + 1))
        end = a + 1
        # coordinated predicate adjectives: "був корумпований і жадібний"
        while end + 1 < n and lower_key(s.text[end]) in ("і", "й", "та", "або", ",") and adjective(end + 1) and \
                end + 1 not in ent_tok and agree(s.feats(a), s.feats(end + 1), ("Number", "Case")):
            toks += [end, end + 1]
            end += 2
        if end < n and s.upos[end] == "ADP":   # its complement: "готовий до компромісу", "згодні з пакетом"
            e = end + 1
            while e < n and (_is_noun(s, e) or _is_adj(s, e) or s.upos[e] in ("DET", "PROPN")) and e - end <= 4:
                e += 1
            if e > end + 1:
                toks += list(range(end, e))
        r = _row(s, {"actor": pred[0], "text": pred[1]}, toks, "predicate", lex, lemma=s.lemma[a], aspan=pred[2],
                 skip=set(toks) - {a})
        # only of someone surely a person: organisations, places, products and "він/вона/вони" that
        # may stand for things ("вакцина … ефективна", "вона безпечна") gave mostly wrong rows
        if r and person:
            out.append(r)
            used.update(toks)
    return out


def _agrees_with_subject(fa, fs):
    """Whether a predicate adjective's features ``fa`` agree with its subject's ``fs``: the same
    number when both have one, and in the singular the same gender when both have one."""
    if not (fa.get("Number") and fs.get("Number")):
        return True
    return fa["Number"] == fs["Number"] and not (
        fa["Number"] == "Sing" and fa.get("Gender") and fs.get("Gender") and fa["Gender"] != fs["Gender"])


def _listed_participle(form, lex):
    """Whether the full form of participle ``form`` is an evaluative entry of the lexicons."""
    lem = _participle_lemma(form)
    p = lex.exact.get(lem) if lem else None
    return p is not None and p == p and abs(p) >= EVALUATIVE_THRESHOLD


def _person_subject(s, span, ent_tok, lex):
    """The subject of an adjective predicate is someone: a name, a personal
    or relative pronoun ("он"; "которая" of an actor; not "всё"), or a
    noun of people or organisations that is not only animate ("насекомые не
    опасны"): a role, title, label, institution, group, organisation type,
    a person suffix, or ``person_noun`` of ``epithet_cues.tsv`` ("человек")."""
    x = span[-1]
    if x in ent_tok:
        return True
    lem = lower_key(s.lemma[x])
    if s.upos[x] == "PRON" and lem in _REL_WORDS and s.has_syntax:
        # "которая считается элитной": the antecedent of the clause must be someone
        c = x
        while c >= 0 and s.deprel[c] != "acl:relcl":
            c = s.head[c]
        a = s.head[c] if c >= 0 else -1
        return a >= 0 and (a in ent_tok or s.upos[a] == "PROPN" or
                           (_is_noun(s, a) and _actor_noun(s, a, lower_key(s.lemma[a]), lex)))
    if s.upos[x] == "PRON":
        return lem in _PERSONAL or lower_key(s.text[x]) in _PERSONAL
    return lem in lex.roles or lex.is_title(lem) or lex.nomination(lem) is not None or lem in _INSTITUTIONS or \
        lem in _PEOPLE_GROUPS or _org_type(lem, lex) or bool(_PERSON_SUFFIX.search(lem)) or lem in _PERSON_NOUNS


def _military(lem):
    return lem.startswith(_MILITARY)


def _hint(lem):
    """The usual referent of a label with nothing in the sentence naming it."""
    if lem in _HINTS:
        return _HINTS[lem]
    if "-" in lem:
        first, _, last = lem.partition("-")
        if first.startswith(_STATE_WORDS) and last.startswith(_STATE_LABELS):
            return "Россия"
        return _HINTS.get(last)
    for k, v in _HINTS.items():
        if lem.startswith(k) and len(lem) - len(k) <= 3:
            return v
    return None


def _group_name(nom, lem):
    g = nom[1] if isinstance(nom[1], str) and nom[1] and "*" not in nom[1] else lem
    return g


def _members_genitive(s, t, ent_tok):
    """The genitive plural of people right after a collective label at ``t``
    (``collective_label`` of ``epithet_cues.tsv``: "банда малолетних
    вейперов", "шайку мошенников"): its agreeing adjectives and the noun, or
    ``[]``. The guideline's characterising genitive of the group; the row
    keeps it, as it keeps a name in the genitive ("режим Кима"). The noun is
    read by the dictionary too, as taggers miss rare ones ("вейперов" tagged
    a verb); a thing or an animal ("свора собак") is no member."""
    k, out = t + 1, []
    while k < len(s) and k not in ent_tok and s.upos[k] in ("ADJ", "VERB") and \
            s.feats(k).get("Case") == "Gen" and s.feats(k).get("Number") == "Plur":
        out.append(k)
        k += 1
    if k >= len(s) or k in ent_tok or s.is_punct(k) or not s.text[k].islower() or \
            lower_key(s.lemma[k]) in _ANIMALS or lower_key(s.lemma[k]) in _SMALL_ANIMALS:
        return []
    parses = [p for p in _parses(lower_key(s.text[k])) if "NOUN" in p.tag.grammemes]
    members = [p for p in parses if {"gent", "plur"} <= p.tag.grammemes and
               ("anim" in p.tag.grammemes or not p.is_known)]
    if not members or any(p.is_known and "inan" in p.tag.grammemes and {"gent", "plur"} <= p.tag.grammemes
                          for p in parses) or lower_key(members[0].normal_form) in _ANIMALS:
        return []
    return out + [k]


def _link_nomination(s, t, left, lex, ent_tok):
    """The actor a nomination stands for: a relational adjective, or a name in
    the genitive right after it."""
    for a in left:
        act = lex.relational.get(lower_key(s.lemma[a]))
        if act:
            return act, []
    if t > 0 and not left:
        act = lex.relational.get(lower_key(s.lemma[t - 1])) or lex.relational.get(lower_key(s.text[t - 1]))
        if act:
            return act, [t - 1]
    if s.has_syntax:
        for c in s.children(t):
            if s.deprel[c] == "amod":
                act = lex.relational.get(lower_key(s.lemma[c]))
                if act and abs(c - t) <= 3:
                    return act, list(range(min(c, t), max(c, t) + 1))
    k = t + 1
    if k < len(s) and k in ent_tok and s.feats(k).get("Case", "Gen") == "Gen":
        m = ent_tok[k]
        if lower_key(s.lemma[t]) in _RELATION_NOUNS:
            # a noun of relation: "враги России", "сторонники Навального" are others, related to the
            # name (``relation_noun`` in epithet_cues.tsv); the name stays in the span, not the actor
            return None, list(m["_span"])
        return m["actor"], list(m["_span"])
    return None, []


def _nationality_link(s, t, left, lex):
    """Whether :func:`_link_nomination` took the nomination's actor from a
    relational adjective of a place or nation (``type`` LOC in
    ``actor_aliases.tsv``)."""
    cands = list(left) + ([t - 1] if t > 0 and not left else []) + \
        ([c for c in s.children(t) if s.deprel[c] == "amod"] if s.has_syntax else [])
    return any(lower_key(s.lemma[a]) in lex.nationality or (a == t - 1 and lower_key(s.text[a]) in lex.nationality)
               for a in cands)


def _story_role(s, t, lem):
    """A protagonist noun (``story_role`` in ``epithet_cues.tsv``: герой,
    героиня) with the genitive of a media item or story (``story_domain``:
    видео, ролик, сюжет, репортаж …): "героиню видосика" is the person the
    video is about, a role, not praise."""
    if lem not in _STORY_ROLES:
        return False
    k = t + 1
    while k < len(s) and (_is_adj(s, k) or s.upos[k] == "DET") and s.feats(k).get("Case") == "Gen":
        k += 1
    # (a rare form may lose its case to the tagger: "видосика" read as a verb)
    return k < len(s) and s.feats(k).get("Case", "Gen") == "Gen" and lower_key(s.lemma[k]) in _STORY_DOMAINS


#: the polarity of a derogatory nickname of a state
NICKNAME_POLARITY = -0.7
#: the first four letters of the listed nicknames, which every form of them shares
_NICKNAME_PREFIXES = frozenset(k[:4] for k in _STATE_NICKNAMES)


def _nickname_lemma(s, t):
    """The listed nickname (``state_nickname`` of epithet_cues.tsv) that token ``t`` is a form of,
    by its lemma or any of pymorphy3's normal forms; else ``None``."""
    form = lower_key(s.text[t])
    if form[:4] not in _NICKNAME_PREFIXES:
        return None                    # (most words: no dictionary lookup on every token)
    cands = {lower_key(s.lemma[t])}
    if s.lang == "ru":
        cands |= {lower_key(p.normal_form) for p in _parses(form)}
    return next((c for c in sorted(cands) if c in _STATE_NICKNAMES), None)


def _state_nicknames(s, lex, ent_tok, used):
    """Derogatory nicknames of states ("чиновников Незалежной", "Гейропа") as nominations of the
    state they stand for, evaluative (guideline: every antonomasia, and an expressive one is
    evaluative; issue #10 session 14, from development misses); not in a phrase of place ("в
    Незалежной"), and "незалежный" only as a noun (before a noun it agrees with, "незалежная
    политика", evaluative.tsv scores it as an adjective)."""
    out = []
    for t in range(len(s)):
        if t in used or s.is_punct(t):
            continue
        lem = _nickname_lemma(s, t)
        if lem is None or _place_phrase(s, t):
            continue
        nxt = next((x for x in range(t + 1, len(s)) if not s.is_punct(x) or s.text[x] not in _CLOSE_Q), None)
        if nxt is not None and _is_noun(s, nxt) and s.feats(t).get("Case") and agree(s.feats(t), s.feats(nxt)):
            continue
        toks = [t]
        if t > 0 and s.text[t - 1] in _OPEN_Q and t + 1 < len(s) and s.text[t + 1] in _CLOSE_Q:
            toks = [t - 1, t, t + 1]
        r = _row(s, {"actor": _STATE_NICKNAMES[lem], "text": s.text[t]}, toks, "nomination", lex, lemma=lem)
        if r is not None:
            if not (r["polarity"] == r["polarity"] and r["polarity"] < 0):
                r["polarity"] = NICKNAME_POLARITY
            out.append(r)
            used.update(toks)
    return out


def _evaluative_pairs(s, lex, ent_tok, used):
    """An adjective that brands the noun it stands before (``evaluative_pair`` of epithet_cues.tsv:
    "коллективный Запад") when no row gives it yet (the noun is no mention of the name finder:
    "Лидеры коллективного Запада"); ``_row`` scores it by the pair."""
    out = []
    for t in range(len(s) - 1):
        n = t + 1
        if t in used or n in used or not _is_adj(s, t) or \
                (lower_key(s.lemma[t]), lower_key(s.lemma[n])) not in _EVALUATIVE_PAIRS:
            continue
        m = ent_tok.get(n)
        actor = m["actor"] if m is not None else s.lemma[n][:1].upper() + s.lemma[n][1:]
        r = _row(s, {"actor": actor, "text": s.text[n]}, [t], "adjective", lex, lemma=s.lemma[t],
                 aspan=m["_span"] if m is not None else [n])
        if r is not None:
            out.append(r)
            used.add(t)
    return out
