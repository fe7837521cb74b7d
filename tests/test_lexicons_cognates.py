"""The Ukrainian cognates of the Russian evaluative lists (framing/lexicons/cognates.py)."""

import pandas as pd
import pytest

import framing
from framing.lexicons import cognates

pytest.importorskip("pymorphy3")


def test_lexicons_cognates_spellings():
    assert cognates.candidates("лукавый")[0] == "лукавий"
    assert "сервільний" in cognates.candidates("сервильный")
    assert cognates.candidates("горлопан")[0] == "горлопан"


def test_lexicons_cognates_files_are_current():
    """The committed lists are what the generator writes now (regenerate with
    ``python -m framing.lexicons.cognates`` after editing a Russian or Ukrainian list)."""
    ev, nom = cognates.build()
    assert (cognates.HERE / "uk" / "evaluative_cognates.tsv").read_text(encoding="utf-8") == ev
    assert (cognates.HERE / "uk" / "nominations_cognates.tsv").read_text(encoding="utf-8") == nom


def test_lexicons_cognates_keep_out_false_friends_roles_and_own_entries():
    table = pd.read_csv(cognates.HERE / "uk" / "evaluative_cognates.tsv", sep="\t", dtype=str)
    lemmas = set(table["lemma"])
    assert not lemmas & cognates._FALSE_FRIENDS          # "поганий" is plain "bad" in Ukrainian
    own = set(pd.read_csv(cognates.HERE / "uk" / "evaluative.tsv", sep="\t", dtype=str)["lemma"].str.lower())
    assert not lemmas & own                                # the hand-written list is never overridden
    assert "лукавий" in lemmas and table["note"].str.startswith("cognate of ru ").all()


def test_lexicons_cognates_score_ukrainian_epithets():
    """A Ukrainian adjective the Ukrainian list lacks but whose Russian cognate
    is evaluative is flagged ("лукавий політик"); a neutral one is not."""
    texts = ["Цей лукавий політик знову виступив.", "Цей колишній політик знову виступив."]
    corpus = framing.Corpus(pd.DataFrame({"doc_id": ["a", "b"], "outlet": "x", "lang": "uk", "title": "",
                                          "text": texts}))
    ep = framing.epithets(framing.annotate(corpus, progress=False))
    a = ep[(ep["doc_id"] == "a") & (ep["epithet"] == "лукавий")]
    assert len(a) == 1 and bool(a["evaluative"].iloc[0]) and a["polarity"].iloc[0] < 0
    assert not ep.loc[ep["doc_id"] == "b", "evaluative"].any()
