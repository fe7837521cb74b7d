"""Ukrainian language rules: apostrophes, stress marks, lemma keys, pymorphy3 tags in UD terms.

Ukrainian text writes the apostrophe (м’яч, п’ять, В’ячеслав) in at least five
ways: U+2019 ’ (the orthographic one, used by UD Ukrainian), ASCII ', U+02BC ʼ
(the "modifier letter apostrophe" that Unicode recommends), and the typists'
stand-ins ` ´ ‘ and even ".  pymorphy3's Ukrainian dictionary (VESUM) writes the
ASCII one and treats the others as unknown words, so every form is normalised
before lookup (:func:`lookup_form`) and every lemma is written with one apostrophe
(:data:`LEMMA_APOSTROPHE`) so that counts over lemmas do not split.
"""

from __future__ import annotations

import re
import unicodedata

from .ud import OC_NAMETYPE, oc_feature

#: Characters used for the apostrophe inside Ukrainian words.
APOSTROPHES = "'’ʼ`´‘′"
#: The apostrophe written in lemmas (the orthographic one, as in UD Ukrainian).
LEMMA_APOSTROPHE = "\u2019"
#: The apostrophe pymorphy3's Ukrainian dictionary uses.
DICT_APOSTROPHE = "'"

_APOS_IN_WORD = re.compile(r"(?<=\w)[" + re.escape(APOSTROPHES) + r'"”](?=\w)')
_APOS_ANY = re.compile("[" + re.escape(APOSTROPHES) + "]")
_STRESS = re.compile("[\u0301\u0300]")


def normalize_apostrophes(text: str, to: str = LEMMA_APOSTROPHE) -> str:
    """Write every apostrophe between two letters as ``to``.

    >>> from framing.lang.uk import normalize_apostrophes
    >>> normalize_apostrophes("м'яч і пʼять", to="’")
    'м’яч і п’ять'
    """
    if not any(c in text for c in APOSTROPHES + '"”'):
        return text
    return _APOS_IN_WORD.sub(to, text)


def strip_stress(word: str) -> str:
    """Remove combining stress marks (пла́то → плато) without touching й or ї."""
    if "\u0301" not in word and "\u0300" not in word:
        return word
    return unicodedata.normalize("NFC", _STRESS.sub("", unicodedata.normalize("NFD", word)))


def lookup_form(word: str) -> str:
    """The form to look up in pymorphy3's Ukrainian dictionary.

    Stress marks are removed and apostrophes written the dictionary's way.
    """
    return _APOS_ANY.sub(DICT_APOSTROPHE, strip_stress(word))


def lemma_form(lemma: str) -> str:
    """A lemma written with :data:`LEMMA_APOSTROPHE` and without stress marks."""
    return _APOS_ANY.sub(LEMMA_APOSTROPHE, strip_stress(lemma))


def lemma_key(lemma: str) -> str:
    """The key under which two lemmas count as equal.

    Lowercased, ё written е, stress marks removed, one apostrophe form (as the
    treebank evaluation compares them).
    """
    return lemma_form(lemma).lower().replace("ё", "е")


# --- pymorphy3 (VESUM) grammemes in Universal Dependencies terms ----------------

# the one OpenCorpora -> UD map (framing.lang.ud), one table per feature
_CASE = oc_feature("Case")
_GENDER = oc_feature("Gender")
_NUMBER = oc_feature("Number")
_ANIMACY = oc_feature("Animacy")
_ASPECT = oc_feature("Aspect")
_TENSE = oc_feature("Tense")
_PERSON = oc_feature("Person")
_NAMETYPE = OC_NAMETYPE

#: UD features each UPOS carries in UD Ukrainian (others are dropped from the mapping).
UPOS_FEATS = {
    "NOUN": {"Animacy", "Case", "Gender", "Number", "Abbr", "Uninflect"},
    "PROPN": {"Animacy", "Case", "Gender", "Number", "NameType", "Abbr", "Uninflect"},
    "ADJ": {"Case", "Gender", "Number", "Degree", "VerbForm", "Aspect", "Voice", "Animacy", "Uninflect"},
    "DET": {"Case", "Gender", "Number", "Animacy", "PronType", "Poss", "Reflex", "Person", "NumType"},
    "PRON": {"Animacy", "Case", "Gender", "Number", "Person", "PronType", "Reflex"},
    "NUM": {"Case", "Gender", "Number", "NumType", "Uninflect", "Abbr"},
    "VERB": {"Aspect", "Gender", "Mood", "Number", "Person", "Tense", "VerbForm", "Polarity"},
    "AUX": {"Aspect", "Gender", "Mood", "Number", "Person", "Tense", "VerbForm"},
    "ADV": {"Degree", "PronType"},
    "PART": {"Polarity"},
    "PUNCT": {"PunctType"},
    "ADP": {"Case"},
}


def tag_pos(tag) -> str:
    """A refined pymorphy3 part of speech: ``INFN`` for infinitives, ``PERS`` for personal pronouns.

    The Ukrainian dictionary tags infinitives as VERB with the grammeme ``infn``.
    """
    pos = str(tag.POS) if tag.POS else _OTHER_POS.get(str(tag).split(",")[0].split(" ")[0], "UNKN")
    if pos == "VERB" and "infn" in tag:
        return "INFN"
    if pos == "NPRO" and "pers" in tag:
        return "PERS"
    return pos


_OTHER_POS = {"PNCT": "PNCT", "NUMB": "NUMB", "LATN": "LATN", "ROMN": "ROMN", "UNKN": "UNKN"}

def ud_feats(tag, upos: str, gender: str | None = None, *, pos: str | None = None) -> dict:
    """UD features (a dict) from a pymorphy3 Ukrainian tag, restricted to what ``upos`` carries.

    ``tag`` is a pymorphy3 tag or the set of its grammemes (then give ``pos``,
    see :func:`tag_pos`).  ``gender`` (a pymorphy3 grammeme) fills in the gender
    of a plural noun, which UD Ukrainian keeps and the plural tag lacks.
    """
    if isinstance(tag, (set, frozenset)):
        g = set(tag)
    else:
        g = set(str(tag).replace(" ", ",").split(","))
        pos = tag_pos(tag)
    if gender and not (g & set(_GENDER)):
        g.add(gender)
    f = {}
    for table, name in ((_CASE, "Case"), (_GENDER, "Gender"), (_NUMBER, "Number"),
                        (_ANIMACY, "Animacy"), (_ASPECT, "Aspect"), (_TENSE, "Tense"),
                        (_PERSON, "Person"), (_NAMETYPE, "NameType")):
        for k, v in table.items():
            if k in g:
                f[name] = v
                break
    nominal = upos in ("NOUN", "PROPN", "ADJ", "DET", "PRON", "NUM")
    if pos == "VERB":
        f["VerbForm"] = "Fin"
        if "impr" in g:
            f["Mood"] = "Imp"
        else:
            f["Mood"] = "Ind"
            if "Tense" not in f and "Impe" not in g:
                f["Tense"] = "Pres"
        if "Impe" in g:
            f["Person"] = "0"
    elif pos == "INFN":
        f["VerbForm"] = "Inf"
        for k in ("Tense", "Person", "Gender", "Number"):
            f.pop(k, None)
    elif pos == "GRND":
        f["VerbForm"] = "Conv"
        f["Tense"] = "Past" if "past" in g else "Pres"
    elif pos == "PRTF" or (pos == "ADJF" and ("pssv" in g or "actv" in g)):
        f["VerbForm"] = "Part"
        f["Voice"] = "Pass" if "pssv" in g else "Act"
    if "Number" not in f and ((nominal and "Case" in f and "Pltm" not in g and "Fixd" not in g)
                              or (pos == "VERB" and ("Gender" in f or "Person" in f) and "Impe" not in g)):
        f["Number"] = "Sing"
    if "Pltm" in g:
        f["Number"] = "Plur"
    if upos in ("ADJ", "ADV") and "compb" in g:
        f["Degree"] = "Pos"
    if upos == "ADJ" and "Supr" in g:
        f["Degree"] = "Sup"
    if "Abbr" in g:
        f["Abbr"] = "Yes"
    if "Fixd" in g and upos in ("NOUN", "PROPN", "NUM", "ADJ"):
        f["Uninflect"] = "Yes"
    if upos not in ("NOUN", "PROPN") and f.get("Number") == "Plur":
        f.pop("Gender", None)
    if upos == "NUM":
        f["NumType"] = "Card"
    if pos == "ROMN":
        f.update(NumType="Ord", Uninflect="Yes")
    keep = UPOS_FEATS.get(upos)
    if keep is None:
        return {}
    return {k: v for k, v in f.items() if k in keep}


#: Pronoun lemmas by UD PronType (and Poss/Reflex/Person); written for this project.
PRONOUNS = {
    "я": "Prs|1", "ми": "Prs|1", "ти": "Prs|2", "ви": "Prs|2", "він": "Prs|3", "вона": "Prs|3",
    "воно": "Prs|3", "вони": "Prs|3", "себе": "Prs|R", "сам": "Prs|R",
    "мій": "Prs|1P", "наш": "Prs|1P", "твій": "Prs|2P", "ваш": "Prs|2P", "його": "Prs|3P",
    "її": "Prs|3P", "їх": "Prs|3P", "їхній": "Prs|3P", "свій": "Prs|RP",
    "той": "Dem", "цей": "Dem", "це": "Dem", "те": "Dem", "такий": "Dem", "стільки": "Dem",
    "отакий": "Dem", "оцей": "Dem", "отой": "Dem", "тут": "Dem", "там": "Dem", "тоді": "Dem",
    "так": "Dem", "туди": "Dem", "звідти": "Dem", "тому": "Dem", "поки": "Dem",
    "який": "Rel", "котрий": "Rel", "що": "Rel", "хто": "Rel", "чий": "Rel", "скільки": "Rel",
    "де": "Rel", "коли": "Rel", "куди": "Rel", "звідки": "Rel", "як": "Rel", "чому": "Int",
    "весь": "Tot", "увесь": "Tot", "все": "Tot", "усе": "Tot", "всі": "Tot", "кожний": "Tot",
    "кожен": "Tot", "всякий": "Tot", "усякий": "Tot", "завжди": "Tot", "скрізь": "Tot",
    "ніхто": "Neg", "ніщо": "Neg", "ніякий": "Neg", "жоден": "Neg", "жодний": "Neg",
    "нічий": "Neg", "ніколи": "Neg", "ніде": "Neg", "нікуди": "Neg",
    "інший": "Ind", "деякий": "Ind", "якийсь": "Ind", "хтось": "Ind", "щось": "Ind",
    "дехто": "Ind", "дещо": "Ind", "будь-який": "Ind", "багато": "Ind", "кілька": "Ind",
    "декілька": "Ind", "один": "Ind", "мало": "Ind", "чимало": "Ind", "іноді": "Ind",
}

_PUNCT_TYPE = {"«": "Quot", "»": "Quot", "„": "Quot", "“": "Quot", "”": "Quot", '"': "Quot",
               "—": "Dash", "–": "Dash", "-": "Dash", "‐": "Dash"}


def refine_feats(feats: dict, upos: str, lemma: str, form: str) -> dict:
    """Add the UD features that come from the lemma rather than the parse (PronType, Person, Poss...)."""
    f = dict(feats)
    key = lemma_key(lemma)
    if upos in ("PRON", "DET", "ADV") and key in PRONOUNS:
        spec = PRONOUNS[key]
        kind, _, extra = spec.partition("|")
        f["PronType"] = kind
        if upos != "ADV":
            if "P" in extra:
                f["Poss"] = "Yes"
            if "R" in extra:
                f["Reflex"] = "Yes"
            if extra[:1] in "123" and extra and "P" not in extra:
                f["Person"] = extra[0]
                if extra[0] == "3":
                    f.pop("Animacy", None)
            if "P" in extra:
                f.pop("Animacy", None)
    if upos == "PUNCT" and form in _PUNCT_TYPE:
        f["PunctType"] = _PUNCT_TYPE[form]
    if upos == "PART" and key in ("не", "ні"):
        f["Polarity"] = "Neg"
    if upos == "NUM" and form[:1].isdigit():
        f.update(NumType="Card", Uninflect="Yes")
    return f


#: Sentence-internal abbreviations after which a full stop does not end a sentence
#: (lowercase, without the dot).  Written for this project.
ABBREVIATIONS = frozenset("""
р рр ст стор тис млн млрд трлн грн коп дол євро м вул просп пл бул пров обл р-н с смт
див ін інш т тощо зв ім їм напр проф акад доц д-р канд мал рис табл вид вип ред упоряд
пор порівн прим п пп гл розд кв км см мм кг г год хв сек тел ел англ рос укр нім франц лат
""".split())
