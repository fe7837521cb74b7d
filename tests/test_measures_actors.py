"""Actors: grouping mentions across inflection, name forms, spelling and language."""

from __future__ import annotations

import pandas as pd
import pytest

import framing
from framing.lang.translit import name_key, to_latin
from framing.measures.actors import ACTOR_MENTION_COLUMNS, ACTOR_TABLE_COLUMNS, Actors, actors, link_actor

from conftest import DATA

GOLD = DATA / "measures" / "epithets_ru.conllu"


def _ann(path=GOLD):
    return framing.Annotated.from_conllu(path)


def _conllu(rows, doc="d1", outlet="o"):
    lines = [f"# newdoc id = {doc}", f"# outlet = {outlet}"]
    for i, (form, lemma, upos, feats, misc) in enumerate(rows, 1):
        lines.append("\t".join([str(i), form, lemma, upos, "_", feats, "_", "_", "_", misc]))
    return "\n".join(lines) + "\n\n"


def test_measures_actors_columns_and_types():
    res = actors(_ann())
    assert isinstance(res, Actors)
    assert list(res.mentions.columns) == ACTOR_MENTION_COLUMNS
    assert list(res.table.columns) == ACTOR_TABLE_COLUMNS
    assert res.mentions["outlet"].isin(["outlet_a", "outlet_b"]).all()


def test_measures_actors_inflection_and_name_forms_merge():
    m = actors(_ann()).mentions
    putin = m[m["actor"] == "Путин"]
    # "Владимир Путин", "Путина", "Путин", "В. Путин" are one actor
    assert {"Владимир Путин", "Путина", "Путин", "В. Путин"} <= set(putin["text"])
    t = actors(_ann()).table.set_index("actor")
    assert t.loc["Путин", "n_docs"] == 2
    assert t.loc["Путин", "outlets"] == ["outlet_a", "outlet_b"]


def test_measures_actors_aliases_link_abbreviations():
    m = actors(_ann()).mentions
    assert set(m.loc[m["text"].isin(["РФ", "России"]), "actor"]) == {"Россия"}
    assert m.loc[m["text"] == "РФ", "link"].iloc[0] == "alias"


def test_measures_actors_cross_script_spelling():
    text = (_conllu([("Путін", "Путін", "PROPN", "Case=Nom", "NER=B-PER")], "uk1")
            + _conllu([("Putin", "Putin", "PROPN", "_", "NER=B-PER")], "en1")
            + _conllu([("Зеленський", "Зеленський", "PROPN", "Case=Nom", "NER=B-PER")], "uk2")
            + _conllu([("Zelensky", "Zelensky", "PROPN", "_", "NER=B-PER")], "en2")
            + _conllu([("Київ", "Київ", "PROPN", "_", "NER=B-LOC")], "uk3")
            + _conllu([("Kyiv", "Kyiv", "PROPN", "_", "NER=B-LOC")], "en3"))
    m = actors(framing.Annotated.from_conllu(text)).mentions.set_index("text")["actor"]
    assert m["Путін"] == m["Putin"] == "Путин"
    assert m["Зеленський"] == m["Zelensky"] == "Зеленский"
    assert m["Київ"] == m["Kyiv"] == "Киев"


def test_measures_actors_unknown_names_group_by_key_and_surname():
    text = (_conllu([("Иван", "Иван", "PROPN", "Case=Nom", "NER=B-PER|Normal=Иван Петренко"),
                     ("Петренко", "Петренко", "PROPN", "Case=Nom", "NER=I-PER"),
                     ("и", "и", "CCONJ", "_", "_"),
                     ("Петренко", "Петренко", "PROPN", "Case=Nom", "NER=B-PER")], "a")
            + _conllu([("Петренко", "Петренко", "PROPN", "Case=Nom", "NER=B-PER")], "b"))
    res = actors(framing.Annotated.from_conllu(text))
    assert res.mentions["actor"].nunique() == 1
    assert res.table["actor"].tolist() == ["Петренко"]


def test_measures_actors_user_aliases_and_descriptions(tmp_path):
    csv = tmp_path / "aliases.csv"
    csv.write_text("alias,actor\nКремль,Россия\nроссийский президент,Путин\n", encoding="utf-8")
    res = actors(_ann(), aliases=csv)
    m = res.mentions
    desc = m[m["link"] == "description"]
    assert desc["actor"].tolist() == ["Путин"]
    assert desc["text"].iloc[0] == "Российский президент"
    # a dict works too
    res2 = actors(_ann(), aliases={"российский президент": "Путин"})
    assert (res2.mentions["link"] == "description").sum() == 1


def test_measures_actors_pronouns_resolve_to_previous_person():
    text = _conllu([("Песков", "Песков", "PROPN", "Case=Nom|Gender=Masc", "NER=B-PER"),
                    ("заявил", "заявить", "VERB", "_", "_"), (".", ".", "PUNCT", "_", "_")])
    text = text.rstrip("\n") + "\n\n" + "\n".join([
        "1\tОн\tон\tPRON\t_\tCase=Nom|Gender=Masc|Number=Sing\t_\t_\t_\t_",
        "2\tдобавил\tдобавить\tVERB\t_\t_\t_\t_\t_\t_"]) + "\n\n"
    m = actors(framing.Annotated.from_conllu(text)).mentions
    assert m.loc[m["link"] == "pronoun", "actor"].tolist() == ["Песков"]
    m2 = actors(framing.Annotated.from_conllu(text), pronouns=False).mentions
    assert (m2["link"] != "pronoun").all()


def test_measures_actors_link_actor_helper():
    res = actors(_ann())
    assert link_actor("Путина", res) == "Путин"
    assert link_actor("Владимир Владимирович Путин", res) == "Путин"
    assert link_actor("генсек НАТО Йенс Столтенберг", res) == "Столтенберг"
    assert link_actor("Путін", res) == "Путин"
    assert link_actor("Обама", res) is None
    assert link_actor("", res) is None


def test_measures_actors_empty_corpus_and_document():
    from framing.annotate.annotated import empty_tokens
    empty = framing.Annotated(framing.Corpus(pd.DataFrame({"doc_id": pd.Series(dtype=str),
                                                            "text": pd.Series(dtype=str)})), empty_tokens())
    res = actors(empty)
    assert list(res.mentions.columns) == ACTOR_MENTION_COLUMNS and res.mentions.empty
    assert list(res.table.columns) == ACTOR_TABLE_COLUMNS and res.table.empty
    no_ents = framing.Annotated.from_conllu(_conllu([("дождь", "дождь", "NOUN", "_", "_")]))
    assert actors(no_ents).mentions.empty


def test_measures_actors_deterministic_and_inputs_unchanged():
    ann = _ann()
    before = (ann.tokens.copy(), ann.entities.copy())
    a, b = actors(ann), actors(ann)
    pd.testing.assert_frame_equal(a.mentions, b.mentions)
    pd.testing.assert_frame_equal(a.table, b.table)
    pd.testing.assert_frame_equal(ann.tokens, before[0])
    pd.testing.assert_frame_equal(ann.entities, before[1])


def test_measures_actors_bad_alias_table_is_a_clear_error():
    from framing._errors import OptionError
    with pytest.raises(OptionError):
        actors(_ann(), aliases=pd.DataFrame({"x": ["a"]}))


def test_measures_actors_translit_schemes():
    assert to_latin("Київ", "uk") == "Kyiv"
    assert to_latin("Зеленський", "uk") == "Zelenskyi"
    assert to_latin("Щербаков", "ru") == "Shcherbakov"
    assert to_latin("Юлія", "uk") == "Yuliia"
    assert name_key("Зеленский") == name_key("Зеленський", "uk") == name_key("Zelensky")
    assert name_key("Путин") == name_key("Путін") == name_key("Putin")


@pytest.mark.slow
def test_measures_actors_on_the_seed_article(shared):
    path = shared("seeds")
    text = sorted(path.glob("*.txt"))[0].read_text(encoding="utf-8")
    corpus = framing.Corpus(pd.DataFrame({"doc_id": ["seed"], "text": [text], "outlet": ["seed"], "lang": ["ru"]}))
    ann = framing.annotate(corpus, progress=False)
    t = actors(ann).table.set_index("actor")
    assert t.loc["Путин", "n_mentions"] >= 6
    assert {"Ким Чен Ын", "Столтенберг", "Кирби", "КНДР", "Россия"} <= set(t.index)
    assert "РФ" in t.loc["Россия", "variants"]
