"""Universal Dependencies features: one parser, one formatter, and the one map
from OpenCorpora grammemes (pymorphy3's tags, Russian and Ukrainian) to UD.

A UD feature string is ``"Case=Nom|Number=Sing"`` (``"_"`` when empty);
:func:`parse_feats` and :func:`format_feats` convert between it and a dict.
:data:`OC_FEATS` maps a pymorphy3 grammeme to its UD (feature, value) pair and
:data:`OC_POS` a pymorphy3 part of speech to the UPOS it most often is; the
Russian backend (:mod:`framing.annotate.ru_lemmatizer`) and the Ukrainian
rules (:mod:`framing.lang.uk`) both read them.

References
----------
de Marneffe, M.-C., Manning, C. D., Nivre, J., Zeman, D. (2021). Universal
Dependencies. Computational Linguistics 47(2), 255–308.
OpenCorpora grammemes: https://opencorpora.org/dict.php?act=gram
"""

from __future__ import annotations

#: pymorphy3 (OpenCorpora) part of speech -> UPOS.
OC_POS = {"NOUN": "NOUN", "ADJF": "ADJ", "ADJS": "ADJ", "COMP": "ADJ", "VERB": "VERB",
          "INFN": "VERB", "PRTF": "VERB", "PRTS": "VERB", "GRND": "VERB", "NUMR": "NUM",
          "ADVB": "ADV", "NPRO": "PRON", "PRED": "ADV", "PREP": "ADP", "CONJ": "CCONJ",
          "PRCL": "PART", "INTJ": "INTJ"}

#: pymorphy3 (OpenCorpora) grammeme -> (UD feature, value).  Within a feature the
#: order is the order of preference when a tag carries two grammemes of it.
OC_FEATS = {
    "nomn": ("Case", "Nom"), "gent": ("Case", "Gen"), "gen1": ("Case", "Gen"), "gen2": ("Case", "Gen"),
    "datv": ("Case", "Dat"), "accs": ("Case", "Acc"), "acc2": ("Case", "Acc"), "ablt": ("Case", "Ins"),
    "loct": ("Case", "Loc"), "loc1": ("Case", "Loc"), "loc2": ("Case", "Loc"), "voct": ("Case", "Voc"),
    "sing": ("Number", "Sing"), "plur": ("Number", "Plur"),
    "masc": ("Gender", "Masc"), "femn": ("Gender", "Fem"), "neut": ("Gender", "Neut"),
    "anim": ("Animacy", "Anim"), "inan": ("Animacy", "Inan"),
    "1per": ("Person", "1"), "2per": ("Person", "2"), "3per": ("Person", "3"),
    "past": ("Tense", "Past"), "pres": ("Tense", "Pres"), "futr": ("Tense", "Fut"),
    "perf": ("Aspect", "Perf"), "impf": ("Aspect", "Imp"),
    "indc": ("Mood", "Ind"), "impr": ("Mood", "Imp"),
    "actv": ("Voice", "Act"), "pssv": ("Voice", "Pass"),
    "INFN": ("VerbForm", "Inf"), "PRTF": ("VerbForm", "Part"), "PRTS": ("VerbForm", "Part"),
    "GRND": ("VerbForm", "Conv"), "VERB": ("VerbForm", "Fin"),
    "ADJS": ("Variant", "Short"), "COMP": ("Degree", "Cmp"), "Cmp2": ("Degree", "Cmp"),
    "Supr": ("Degree", "Sup"),
}

#: Name grammemes -> UD ``NameType`` (used by UD Ukrainian; UD Russian has no NameType).
OC_NAMETYPE = {"Name": "Giv", "Surn": "Sur", "Patr": "Pat"}


def oc_feature(feature: str) -> dict[str, str]:
    """The grammemes of one UD ``feature`` and their values, in :data:`OC_FEATS` order.

    >>> from framing.lang.ud import oc_feature
    >>> oc_feature("Number")
    {'sing': 'Sing', 'plur': 'Plur'}
    """
    return {g: v for g, (f, v) in OC_FEATS.items() if f == feature}


def parse_feats(s) -> dict:
    """Dict from a UD feature string (``"_"``, ``""`` and missing values give ``{}``).

    >>> from framing.lang.ud import parse_feats
    >>> parse_feats("Case=Nom|Number=Sing")
    {'Case': 'Nom', 'Number': 'Sing'}
    """
    if not isinstance(s, str) or s in ("", "_"):
        return {}
    return dict(kv.split("=", 1) for kv in s.split("|") if "=" in kv)


def format_feats(feats) -> str:
    """UD feature string from a dict (or an already formatted string): sorted, ``"_"`` when empty.

    >>> from framing.lang.ud import format_feats
    >>> format_feats({"Number": "Sing", "Case": "Nom"})
    'Case=Nom|Number=Sing'
    """
    if not feats:
        return "_"
    if isinstance(feats, str):
        return feats
    return "|".join(f"{k}={v}" for k, v in sorted(feats.items(), key=lambda kv: kv[0].lower()))
