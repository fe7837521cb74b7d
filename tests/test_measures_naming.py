"""Naming: forms per outlet and actor, contested naming choices, distinctive forms."""

from __future__ import annotations

import pandas as pd
import pytest

import framing
from framing.annotate.annotated import empty_tokens
from framing.lexicons import read_lexicon
from framing.measures.naming import (CONTESTED_COLUMNS, CONTESTED_HIT_COLUMNS, DISTINCTIVE_COLUMNS,
                                     NAMING_COLUMNS, NAMING_MENTION_COLUMNS, Naming, naming)

from conftest import DATA

GOLD = DATA / "measures" / "epithets_ru.conllu"


@pytest.fixture(scope="module")
def result():
    return naming(framing.Annotated.from_conllu(GOLD), min_count=1)


def test_measures_naming_columns(result):
    assert isinstance(result, Naming)
    assert list(result.forms.columns) == NAMING_COLUMNS
    assert list(result.mentions.columns) == NAMING_MENTION_COLUMNS
    assert list(result.contested.columns) == CONTESTED_COLUMNS
    assert list(result.contested_hits.columns) == CONTESTED_HIT_COLUMNS
    assert list(result.distinctive.columns) == DISTINCTIVE_COLUMNS


def test_measures_naming_forms_per_outlet(result):
    f = result.forms.set_index(["outlet", "actor", "form"])["n"]
    assert f[("outlet_a", "Путин", "epithet_title_name")] == 1
    assert f[("outlet_a", "Путин", "surname")] == 2
    assert f[("outlet_a", "Путин", "description")] == 1
    assert f[("outlet_b", "Путин", "title_name")] == 1
    assert f[("outlet_b", "Путин", "full_name")] == 1
    assert f[("outlet_a", "Ким Чен Ын", "title_name")] == 1
    shares = result.forms.groupby(["outlet", "actor"])["share"].sum()
    assert (shares.round(9) == 1).all()


def test_measures_naming_contested_variants(result):
    hits = result.contested_hits
    assert hits.loc[hits["outlet"] == "outlet_a", "variant"].tolist() == ["страна-агрессор", "неонацисты",
                                                                          "в Украине"]
    assert hits.loc[hits["outlet"] == "outlet_b", "variant"].tolist() == ["на Украине"]
    c = result.contested.set_index(["outlet", "variant"])
    assert c.loc[("outlet_b", "на Украине"), "stance"] == "ru_norm"
    assert c.loc[("outlet_b", "на Украине"), "share"] == 1.0


def test_measures_naming_builtin_lists_have_sources():
    for lang in ("ru", "uk"):
        df = read_lexicon(f"{lang}/contested_naming")
        assert {"variant", "pattern", "concept", "stance", "note", "source"} <= set(df.columns)
        assert (df["source"].str.len() > 20).all()
        assert df["concept"].nunique() >= 10


def test_measures_naming_custom_contested_table():
    table = pd.DataFrame({"variant": ["Пхеньян"], "pattern": ["re:Пхеньян\\w*"], "concept": ["capital"],
                          "stance": ["neutral"]})
    r = naming(framing.Annotated.from_conllu(GOLD), contested=table)
    assert r.contested_hits["text"].tolist() == ["Пхеньян"]


def test_measures_naming_distinctive_variants():
    rows = []
    for i in range(6):
        outlet = "a" if i < 3 else "b"
        rows += [f"# newdoc id = d{i}", f"# outlet = {outlet}"]
        if outlet == "a":
            rows += ["1\tдиктатор\tдиктатор\tNOUN\t_\tAnimacy=Anim|Case=Nom|Gender=Masc|Number=Sing\t_\t_\t_\t_",
                     "2\tПутин\tПутин\tPROPN\t_\tCase=Nom|Gender=Masc|Number=Sing\t_\t_\t_\tNER=B-PER", ""]
        else:
            rows += ["1\tПрезидент\tпрезидент\tNOUN\t_\tAnimacy=Anim|Case=Nom|Gender=Masc|Number=Sing\t_\t_\t_\t_",
                     "2\tПутин\tПутин\tPROPN\t_\tCase=Nom|Gender=Masc|Number=Sing\t_\t_\t_\tNER=B-PER", ""]
    r = naming(framing.Annotated.from_conllu("\n".join(rows) + "\n"))
    d = r.distinctive
    top_a = d[d["outlet"] == "a"].sort_values("z", ascending=False).iloc[0]
    assert top_a["variant"] == "диктатор путин" and top_a["z"] > 0
    f = r.forms.set_index(["outlet", "form"])["n"]
    assert f[("a", "epithet_title_name")] == 3 and f[("b", "title_name")] == 3


def test_measures_naming_empty_and_deterministic():
    empty = framing.Annotated(framing.Corpus(pd.DataFrame({"doc_id": pd.Series(dtype=str),
                                                            "text": pd.Series(dtype=str)})), empty_tokens())
    r = naming(empty)
    assert all(t.empty for t in r)
    assert list(r.forms.columns) == NAMING_COLUMNS
    ann = framing.Annotated.from_conllu(GOLD)
    a, b = naming(ann), naming(ann)
    for x, y in zip(a, b):
        pd.testing.assert_frame_equal(x, y)


@pytest.mark.slow
def test_measures_naming_seed_article_in_ukraine(shared):
    text = sorted(shared("seeds").glob("*.txt"))[0].read_text(encoding="utf-8")
    ann = framing.annotate(framing.Corpus(pd.DataFrame({"doc_id": ["seed"], "text": [text],
                                                        "outlet": ["seed"], "lang": ["ru"]})), progress=False)
    r = naming(ann)
    assert "в Украине" in set(r.contested_hits["variant"])
    assert "на Украине" not in set(r.contested_hits["variant"])
    putin = r.forms[r.forms["actor"] == "Путин"].set_index("form")["n"]
    assert putin["epithet_title_name"] >= 1 and putin["surname"] >= 4


def test_measures_naming_hyphen_after_punctuation():
    """A hyphen glued to a punctuation mark (")-в") does not break the contested-naming scan."""
    ann = framing.Annotated.from_conllu(
        "1\t(\t(\tPUNCT\t_\t_\t0\t_\t_\tSpaceAfter=No\n"
        "2\tок\tок\tNOUN\t_\t_\t0\t_\t_\tSpaceAfter=No\n"
        "3\t)\t)\tPUNCT\t_\t_\t0\t_\t_\tSpaceAfter=No\n"
        "4\t-\t-\tPUNCT\t_\t_\t0\t_\t_\tSpaceAfter=No\n"
        "5\tв\tв\tADP\t_\t_\t0\t_\t_\t_\n"
        "6\tУкраине\tУкраина\tPROPN\t_\tCase=Loc\t0\t_\t_\tNER=B-LOC\n")
    hits = framing.measures.naming.contested_naming(ann)
    assert list(hits["variant"]) == ["в Украине"]
