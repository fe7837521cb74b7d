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


# --- people, institutions and spellings that must stay apart (issue #10) ---------------------------

def _tok(form, ner="_", feats="_", lemma=None, upos="PROPN"):
    """One token row (``ner`` a BIO tag such as ``B-PER``)."""
    return (form, lemma or form, upos, feats, f"NER={ner}" if ner != "_" else "_")


def _doc(doc, *sentences, outlet="o"):
    """A document of several sentences, each a list of :func:`_tok` rows."""
    out = [f"# newdoc id = {doc}", f"# outlet = {outlet}"]
    for k, rows in enumerate(sentences):
        if k:
            out.append("")
        for i, (form, lemma, upos, feats, misc) in enumerate(rows, 1):
            out.append("\t".join([str(i), form, lemma, upos, "_", feats, "_", "_", "_", misc]))
    return "\n".join(out) + "\n\n"


def _said(*name):
    """``<name> заявил.`` with the name's tokens given."""
    return [*name, _tok("заявил", lemma="заявить", upos="VERB"), _tok(".", upos="PUNCT")]


M = "Case=Nom|Gender=Masc|Number=Sing"
F = "Case=Nom|Gender=Fem|Number=Sing"


def _actor_of(res, doc, text):
    m = res.mentions
    hit = m[(m["doc_id"] == doc) & (m["text"] == text)]
    assert len(hit), f"no mention {text!r} in {doc}"
    return hit["actor"].iloc[0]


def test_measures_actors_first_name_alone_never_merges_across_documents():
    text = (_doc("a", _said(_tok("Евгений", "B-PER", M), _tok("Лавриненко", "I-PER", M)),
                 _said(_tok("Евгений", "B-PER", M)))
            + _doc("b", _said(_tok("Евгений", "B-PER", M), _tok("Середкин", "I-PER", M)),
                   _said(_tok("Евгений", "B-PER", M)))
            + _doc("c", _said(_tok("Евгений", "B-PER", M))))
    res = actors(framing.Annotated.from_conllu(text))
    a, b = _actor_of(res, "a", "Евгений Лавриненко"), _actor_of(res, "b", "Евгений Середкин")
    assert a != b
    m = res.mentions[res.mentions["text"] == "Евгений"].set_index("doc_id")["actor"]
    assert m["a"] == a and m["b"] == b          # within its document, the person named there
    assert m["c"] not in (a, b)                 # a first name alone stays in its document
    assert link_actor("Евгений", res, doc_id="b") == b


def test_measures_actors_first_name_goes_to_the_nearest_earlier_person_of_its_gender():
    text = _doc("a", _said(_tok("Иван", "B-PER", M), _tok("Петров", "I-PER", M)),
                _said(_tok("Александра", "B-PER", F), _tok("Белова", "I-PER", F)),
                _said(_tok("Иван", "B-PER", M), _tok("Сидоров", "I-PER", M)),
                _said(_tok("Александр", "B-PER", M), _tok("Орлов", "I-PER", M)),
                _said(_tok("Иван", "B-PER", M)),
                _said(_tok("Александра", "B-PER", F)))
    res = actors(framing.Annotated.from_conllu(text))
    m = res.mentions
    assert m.loc[m["text"] == "Иван", "actor"].tolist() == [_actor_of(res, "a", "Иван Сидоров")]
    # the woman, though "Александр Орлов" is nearer and shares the stem
    assert m.loc[m["text"] == "Александра", "actor"].tolist() == [_actor_of(res, "a", "Александра Белова")]


def test_measures_actors_initials_join_a_fitting_full_name_only():
    text = (_doc("a", _said(_tok("Владимир", "B-PER", M), _tok("Смирнов", "I-PER", M)),
                 _said(_tok("В.", "B-PER", upos="PROPN"), _tok("Смирнов", "I-PER", M)))
            + _doc("b", _said(_tok("А.", "B-PER"), _tok("Смирнов", "I-PER", M)))
            + _doc("c", _said(_tok("В.", "B-PER"), _tok("Смирнов", "I-PER", M))))
    res = actors(framing.Annotated.from_conllu(text))
    full = _actor_of(res, "a", "Владимир Смирнов")
    assert _actor_of(res, "a", "В. Смирнов") == full
    assert _actor_of(res, "c", "В. Смирнов") == full      # the one Смирнов whose first name fits
    assert _actor_of(res, "b", "А. Смирнов") != full


def test_measures_actors_surname_alone_joins_only_an_unambiguous_person():
    text = (_doc("a", _said(_tok("Иван", "B-PER", M), _tok("Кузнецов", "I-PER", M)))
            + _doc("b", _said(_tok("Петр", "B-PER", M), _tok("Кузнецов", "I-PER", M)))
            + _doc("c", _said(_tok("Кузнецов", "B-PER", M)))
            + _doc("d", _said(_tok("Ольга", "B-PER", F), _tok("Зайцева", "I-PER", F)))
            + _doc("e", _said(_tok("Зайцева", "B-PER", F))))
    res = actors(framing.Annotated.from_conllu(text))
    ivan, petr = _actor_of(res, "a", "Иван Кузнецов"), _actor_of(res, "b", "Петр Кузнецов")
    assert ivan != petr
    assert _actor_of(res, "c", "Кузнецов") not in (ivan, petr)
    assert _actor_of(res, "e", "Зайцева") == _actor_of(res, "d", "Ольга Зайцева")


def test_measures_actors_institutions_of_different_countries_stay_apart():
    gen = "Case=Gen|Gender=Fem|Number=Sing"
    text = (_doc("a", _said(_tok("МИД", "B-ORG"), _tok("России", "B-LOC", gen, "Россия")),
                 _said(_tok("МИД", "B-ORG")))
            + _doc("b", _said(_tok("МИД", "B-ORG"), _tok("Украины", "B-LOC", gen, "Украина")),
                   _said(_tok("МИД", "B-ORG")))
            + _doc("c", _said(_tok("МИД", "B-ORG"), _tok("Франции", "B-LOC", gen, "Франция")))
            + _doc("d", _said(_tok("МИД", "B-ORG"))))
    res = actors(framing.Annotated.from_conllu(text))
    m = res.mentions
    mid = m[m["text"] == "МИД"].groupby("doc_id")["actor"].agg(set)
    assert mid["a"] == {"МИД России"}
    assert mid["b"] == {"МИД Украины"}
    assert mid["c"] == {"МИД Франции"}
    assert mid["d"].isdisjoint({"МИД России", "МИД Украины", "МИД Франции"})   # nothing names its country
    assert m.loc[m["text"] == "России", "actor"].tolist() == ["Россия"]        # the country stays itself


def test_measures_actors_country_adjective_qualifies_an_institution():
    text = (_doc("a", _said(_tok("Российское", lemma="российский", upos="ADJ", feats="Case=Nom"),
                            _tok("Минобороны", "B-ORG")))
            + _doc("b", _said(_tok("Минобороны", "B-ORG"),
                              _tok("Украины", "B-LOC", "Case=Gen", "Украина"))))
    res = actors(framing.Annotated.from_conllu(text))
    assert _actor_of(res, "a", "Минобороны") == "Минобороны России"
    assert _actor_of(res, "b", "Минобороны") == "Минобороны Украины"


def test_measures_actors_transliteration_needs_the_whole_name():
    text = (_doc("a", _said(_tok("Фордо", "B-LOC", "Case=Nom")))
            + _doc("b", _said(_tok("Ford", "B-ORG")))
            + _doc("c", _said(_tok("Макрон", "B-PER", M)))
            + _doc("d", _said(_tok("Macron", "B-PER"))))
    res = actors(framing.Annotated.from_conllu(text))
    assert _actor_of(res, "a", "Фордо") != _actor_of(res, "b", "Ford")
    assert _actor_of(res, "c", "Макрон") == _actor_of(res, "d", "Macron")


def test_measures_actors_variants_are_clean_strings():
    text = _doc("a", _said(_tok("Хайко", "B-PER", M), _tok("Мас", "I-PER", M),
                           _tok("(", "I-PER", upos="PUNCT"), _tok("Heiko", "I-PER"), _tok("Maas", "I-PER")),
                _said(_tok("Сестра", "B-PER", F, "сестра", "NOUN"), _tok("Долматова", "I-PER", F)))
    res = actors(framing.Annotated.from_conllu(text))
    variants = [v for vs in res.table["variants"] for v in vs]
    assert "Хайко Мас" in variants
    for v in variants:
        assert v.count("(") == v.count(")") and v == v.strip(" .,;:()-")
    # a common noun the recogniser took into a name is not its first name
    assert _actor_of(res, "a", "Сестра Долматова") == "Долматова"


def test_measures_actors_clean_name_balances_brackets():
    from framing.measures._names import clean_name
    assert clean_name("Хайко Мас (Heiko Maas") == "Хайко Мас"
    assert clean_name("Всемирный фонд дикой природы (WWF)") == "Всемирный фонд дикой природы"
    assert clean_name("(WWF)") == "WWF"
    assert clean_name("«Газпром»,") == "Газпром"
    assert clean_name("В. Путин") == "В. Путин"
    assert clean_name("рашист*") == "рашист*"        # a lexicon wildcard is no punctuation


def test_measures_actors_given_name_after_its_title_is_a_name():
    title = _tok("патриарх", lemma="патриарх", upos="NOUN", feats=M)
    text = (_doc("a", _said(title, _tok("Кирилл", "B-PER", M)))
            + _doc("b", _said(title, _tok("Кирилл", "B-PER", M)))
            + _doc("c", _said(_tok("Кирилл", "B-PER", M))))
    res = actors(framing.Annotated.from_conllu(text))
    assert _actor_of(res, "a", "Кирилл") == _actor_of(res, "b", "Кирилл")
    assert _actor_of(res, "c", "Кирилл") != _actor_of(res, "a", "Кирилл")


def test_measures_actors_title_alone_links_the_person_introduced_with_it():
    pres = _tok("президент", lemma="президент", upos="NOUN", feats=M)
    gen = "Case=Gen|Number=Plur"
    text = _doc("a", _said(pres, _tok("США", "B-LOC", gen), _tok("Джо", "B-PER", M), _tok("Байден", "I-PER", M)),
                _said(_tok("Президент", lemma="президент", upos="NOUN", feats=M)),
                _said(pres, _tok("Франции", "B-LOC", "Case=Gen", "Франция")),
                _said(_tok("пост", upos="NOUN", lemma="пост"),
                      _tok("президента", lemma="президент", upos="NOUN", feats="Case=Gen|Number=Sing")))
    res = actors(framing.Annotated.from_conllu(text))
    m = res.mentions
    titles = m[(m["link"] == "description") & (m["type"] == "PER")]
    assert titles["text"].tolist() == ["Президент"]           # not "президент Франции", not "пост президента"
    assert titles["actor"].tolist() == [_actor_of(res, "a", "Джо Байден")]
    assert "Президент" not in res.table.set_index("actor").loc[titles["actor"].iloc[0], "variants"]
    off = actors(framing.Annotated.from_conllu(text), titles=False).mentions
    assert (off["link"] != "description").all()


def test_measures_actors_surname_alone_joins_the_dominant_bearer():
    ivan = [_tok("Иван", "B-PER", M), _tok("Кузнецов", "I-PER", M)]
    text = ("".join(_doc(f"i{k}", _said(*ivan)) for k in range(4))
            + _doc("p", _said(_tok("Петр", "B-PER", M), _tok("Кузнецов", "I-PER", M)))
            + _doc("c", _said(_tok("Кузнецов", "B-PER", M))))
    res = actors(framing.Annotated.from_conllu(text))
    assert _actor_of(res, "c", "Кузнецов") == _actor_of(res, "i0", "Иван Кузнецов")   # 4 of 5 full names
    assert _actor_of(res, "p", "Петр Кузнецов") != _actor_of(res, "i0", "Иван Кузнецов")


def test_measures_actors_unknown_surname_is_no_given_name():
    # the tagger may guess a given name for an unknown surname; only a dictionary given name stays home
    fem = "Case=Nom|Gender=Fem|Number=Sing"
    text = _doc("a", _said(_tok("Небензя", "B-PER", fem))) + _doc("b", _said(_tok("Небензя", "B-PER", fem)))
    res = actors(framing.Annotated.from_conllu(text))
    assert res.mentions["actor"].nunique() == 1


def test_measures_actors_word_stem_meets_inflected_surnames():
    from framing.measures._names import word_stem
    for forms in (["Зеленский", "Зеленского", "Зеленскому"], ["Блиновская", "Блиновской", "Блиновскую"],
                  ["Коробков-Землянский", "Коробковым-Землянским"], ["Лубинец", "Лубинца"], ["Путин", "Путиным"]):
        assert len({word_stem(f) for f in forms}) == 1, forms


def test_measures_actors_corpus_given_names_stay_in_their_document():
    # no dictionary knows "Mike"; the corpus does: it heads full names and never ends one
    text = (_doc("a", _said(_tok("Mike", "B-PER"), _tok("Tyson", "I-PER")))
            + _doc("b", _said(_tok("Mike", "B-PER"), _tok("Pence", "I-PER")))
            + _doc("c", _said(_tok("Mike", "B-PER")))
            + _doc("d", _said(_tok("Mike", "B-PER"))))
    res = actors(framing.Annotated.from_conllu(text))
    assert _actor_of(res, "c", "Mike") != _actor_of(res, "d", "Mike")
    assert _actor_of(res, "c", "Mike") not in (_actor_of(res, "a", "Mike Tyson"), _actor_of(res, "b", "Mike Pence"))


def test_measures_actors_title_alone_needs_its_person_named_last():
    pres = _tok("президент", lemma="президент", upos="NOUN", feats=M)
    text = _doc("a", _said(pres, _tok("США", "B-LOC", "Case=Gen"), _tok("Джо", "B-PER", M), _tok("Байден", "I-PER", M)),
                _said(_tok("Путин", "B-PER", M)),
                _said(_tok("Президент", lemma="президент", upos="NOUN", feats=M)))
    m = actors(framing.Annotated.from_conllu(text)).mentions
    assert not ((m["link"] == "description") & (m["text"] == "Президент")).any()


def test_measures_actors_guard_records_a_sentence_it_cannot_scan(monkeypatch):
    # one sentence whose alias scan fails is skipped and recorded; the other mentions stay
    import framing.measures.actors as A
    import framing.measures.actors.mentions as M

    ann = framing.annotate(framing.load_demo().filter(lambda d: d["doc_id"] == "e01_vestnik_agency"),
                           progress=False)
    real = M._scan_sentence
    calls = {"n": 0}

    def flaky(index, s, cov):
        calls["n"] += 1
        if calls["n"] == 1:
            raise ValueError("boom")
        return real(index, s, cov)

    monkeypatch.setattr(M, "_scan_sentence", flaky)
    monkeypatch.setenv("FRAMING_STRICT", "0")
    with pytest.warns(Warning, match="actors"):
        res = A.actors(ann)
    problems = res.mentions.attrs["problems"]
    assert len(problems) == 1 and problems[0]["reason"].startswith("ValueError")
    assert len(res.mentions) > 0


def test_measures_actors_person_name_drops_a_trailing_pronoun():
    """A recogniser's span that ran into the next sentence's pronoun ("… Мария Петрова. Ей было …")
    keeps the name only; names and leading common words are handled as before."""
    from framing.measures.actors.names import strip_person_words

    assert strip_person_words("Мария Петрова Ей", "ru") == "Мария Петрова"
    assert strip_person_words("Олег Смирнов Он", "ru") == "Олег Смирнов"
    assert strip_person_words("Сестра Долматова", "ru") == "Долматова"
    assert strip_person_words("Олег Тинькофф", "ru") == "Олег Тинькофф"
    assert strip_person_words("Он", "ru") == "Он"          # a lone word is never emptied
