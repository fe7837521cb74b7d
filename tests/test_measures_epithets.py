"""Epithets: descriptors attached to actors, and evaluative nominations."""

from __future__ import annotations

import pandas as pd
import pytest

import framing
from framing.annotate.annotated import empty_tokens
from framing.measures.epithets import EPITHET_COLUMNS, EPITHET_KINDS, epithets

from conftest import DATA, ROOT

GOLD = DATA / "measures" / "epithets_ru.conllu"
GOLD_NOSYNTAX = DATA / "measures" / "epithets_ru_nosyntax.conllu"


def _rows(ep, actor):
    return ep[ep["actor"] == actor]


@pytest.fixture(scope="module", params=[GOLD, GOLD_NOSYNTAX], ids=["syntax", "agreement"])
def gold(request):
    ann = framing.Annotated.from_conllu(request.param)
    return ann, epithets(ann)


def test_measures_epithets_columns_and_kinds(gold):
    _ann, ep = gold
    assert list(ep.columns) == EPITHET_COLUMNS
    assert set(ep["kind"]) <= set(EPITHET_KINDS)
    assert ep["evaluative"].dtype == bool and ep["polarity"].dtype == float


def test_measures_epithets_attributive_title_genitive_relative(gold):
    """Both with the dependency tree and with agreement patterns alone."""
    _ann, ep = gold
    putin = _rows(ep, "Путин")
    got = set(zip(putin["kind"], putin["epithet_lemma"]))
    assert ("adjective", "нелегитимный") in got
    assert ("title", "глава") in got
    assert ("genitive", "страна-агрессор") in got
    rel = putin[putin["kind"] == "relative_clause"]
    assert rel["epithet"].str.startswith("которого ищет Международный уголовный суд").any()
    assert ("predicate", "диктатор") in got
    assert putin.loc[putin["epithet_lemma"] == "нелегитимный", "evaluative"].all()
    assert not putin.loc[(putin["kind"] == "title") & (putin["epithet"] == "Президент России"), "evaluative"].any()


def test_measures_epithets_titles_of_other_actors(gold):
    _ann, ep = gold
    assert _rows(ep, "Ким Чен Ын")["epithet"].tolist() == ["Глава КНДР"]
    assert _rows(ep, "Столтенберг")["epithet_lemma"].tolist() == ["генсек"]
    # the country in the title phrase gets the compound label, not the office
    russia = _rows(ep, "Россия")
    assert set(russia["kind"]) <= {"compound", "nomination"}


def test_measures_epithets_description_by_context(gold):
    _ann, ep = gold
    d = ep[ep["kind"] == "description"]
    assert d["actor"].tolist() == ["Путин"]
    assert d["epithet"].tolist() == ["Российский президент"]


def test_measures_epithets_nominations_linked_or_kept_as_groups(gold):
    _ann, ep = gold
    nom = ep[ep["kind"] == "nomination"]
    # the label is the nomination; its adjective is a row of its own on the same actor
    assert nom.loc[nom["epithet"] == "неонацисты", "actor"].tolist() == ["ВСУ"]
    adj = ep[(ep["kind"] == "adjective") & (ep["epithet"] == "Украинские")]
    assert adj["actor"].tolist() == ["ВСУ"] and not adj["evaluative"].any()
    assert nom.loc[nom["epithet"] == "Каратели", "actor"].tolist() == ["каратели"]
    labels = nom[~nom["epithet_lemma"].isin(["военный", "власть", "силовик"])]
    assert labels["evaluative"].all()
    # a nomination's actor span is the nomination itself
    assert (nom["actor_start"] == nom["start"]).all() and (nom["actor_end"] == nom["end"]).all()


def test_measures_epithets_lexicon_argument_accepts_dataframe_and_path(tmp_path):
    ann = framing.Annotated.from_conllu(GOLD)
    lex = pd.DataFrame({"lemma": ["нелегитимный", "глава"], "polarity": [-0.5, 0.1]})
    ep = epithets(ann, lexicon=lex)
    row = ep[ep["epithet_lemma"] == "нелегитимный"].iloc[0]
    assert row["polarity"] == -0.5
    assert pd.isna(ep.loc[ep["epithet_lemma"] == "генсек", "polarity"]).all()  # unknown → missing
    path = tmp_path / "lex.tsv"
    lex.to_csv(path, sep="\t", index=False)
    pd.testing.assert_frame_equal(epithets(ann, lexicon=str(path)), ep)


def test_measures_epithets_empty_corpus_and_deterministic():
    empty = framing.Annotated(framing.Corpus(pd.DataFrame({"doc_id": pd.Series(dtype=str),
                                                            "text": pd.Series(dtype=str)})), empty_tokens())
    ep = epithets(empty)
    assert list(ep.columns) == EPITHET_COLUMNS and ep.empty
    ann = framing.Annotated.from_conllu(GOLD)
    tok = ann.tokens
    a, b = epithets(ann), epithets(ann)
    pd.testing.assert_frame_equal(a, b)
    pd.testing.assert_frame_equal(ann.tokens, tok)


@pytest.mark.slow
def test_measures_epithets_seed_article(shared):
    text = sorted(shared("seeds").glob("*.txt"))[0].read_text(encoding="utf-8")
    ann = framing.annotate(framing.Corpus(pd.DataFrame({"doc_id": ["seed"], "text": [text],
                                                        "outlet": ["seed"], "lang": ["ru"]})), progress=False)
    ep = epithets(ann)
    putin = _rows(ep, "Путин")
    assert {"нелегитимный", "президент", "страна-агрессор"} <= set(putin["epithet_lemma"])
    assert putin.loc[putin["kind"] == "relative_clause", "epithet"].str.contains(
        "Международный уголовный суд").any()
    assert "глава" in set(_rows(ep, "Ким Чен Ын")["epithet_lemma"])
    assert "генсек" in set(_rows(ep, "Столтенберг")["epithet_lemma"])
    assert "советник" in set(_rows(ep, "Кирби")["epithet_lemma"])


@pytest.mark.slow
def test_measures_epithets_demo_answer_key():
    """Recall of the planted epithets and nominations (floors below the
    benchmark's figures: 0.84 and 0.91 when written)."""
    key_path = ROOT / "corpora" / "demo" / "answers.csv"
    if not key_path.exists():
        pytest.skip("demo answer key not present")
    try:
        corpus = framing.load_demo()
    except Exception as exc:  # noqa: BLE001
        pytest.skip(f"demo corpus not loadable: {exc}")
    import sys
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from epithets_eval import _norm
    key = pd.read_csv(key_path, dtype=str, keep_default_na=False)
    ep = epithets(framing.annotate(corpus, progress=False))
    for device, floor in (("epithet", 0.75), ("nomination", 0.8)):
        gold = key[key["device"] == device]
        pred = ep[(ep["kind"] == "nomination") == (device == "nomination")]
        by_doc = pred.groupby("doc_id")["epithet"].apply(lambda x: [_norm(v) for v in x]).to_dict()
        hit = sum(any(p and (_norm(g.span) in p or p in _norm(g.span)) for p in by_doc.get(g.doc_id, []))
                  for g in gold.itertuples())
        assert hit / len(gold) >= floor, (device, hit, len(gold))


def _epithets_of(file_name: str):
    """A module-scoped fixture: the epithets of a hand-parsed CoNLL-U file in tests/data/measures."""
    @pytest.fixture(scope="module")
    def fixture():
        return epithets(framing.Annotated.from_conllu(DATA / "measures" / file_name))
    return fixture


classes = _epithets_of("epithets_ru_classes.conllu")


def test_measures_epithets_role_words_are_neutral_and_legal_labels_flagged(classes):
    ep = classes[classes["doc_id"] == "legal_roles"]
    role = ep[ep["epithet"] == "Силовики"].iloc[0]
    assert role["kind"] == "nomination" and pd.isna(role["polarity"]) and not role["evaluative"]
    legal = ep[ep["epithet"] == "иноагента"].iloc[0]
    assert legal["legal"] and legal["evaluative"] and legal["polarity"] == -1
    assert not ep.loc[ep["epithet"] != "иноагента", "legal"].any()
    pred = classes[classes["kind"] == "predicate"].iloc[0]
    assert pred["actor"] == "ЛГБТ" and pred["legal"] and "движением" in pred["epithet"]


def test_measures_epithets_participle_governing_the_title_is_not_an_epithet(classes):
    """'Убившего командира Сергея Денисенко': the killer is not the victim."""
    den = classes[classes["actor"] == "Денисенко"]
    assert den["epithet"].tolist() == ["командира"]
    assert not classes["epithet"].str.contains("Убившего").any()


def test_measures_epithets_relative_clause_agrees_with_its_antecedent(classes):
    ep = classes[classes["doc_id"] == "relative"]
    assert not ((ep["actor"] == "Samsung") & (ep["kind"] == "relative_clause")).any()
    assert ep.loc[ep["actor"] == "Samsung", "kind"].tolist() == ["title"]  # "Компания Samsung"
    rel = ep[ep["kind"] == "relative_clause"].iloc[0]
    # the clause is shown as itself (not its verb's lemma), about the unnamed
    # actor, whose span is the head noun
    assert rel["epithet"] == "который сам ушёл из партии"
    assert rel["epithet_lemma"] == "который сам уйти из партия"
    assert rel["actor"] == "депутат" and rel["actor_end"] - rel["actor_start"] == len("депутат")
    assert ep.loc[ep["kind"] == "adjective", "epithet"].tolist() == ["Бывший"]  # "сам" is not an epithet


def test_measures_epithets_literal_uses_are_not_evaluations(classes):
    assert classes[classes["doc_id"] == "circus"].empty  # clowns at a circus: a bare profession
    pol = classes[classes["doc_id"] == "politics"]
    clowns = pol[pol["epithet"] == "клоуны"].iloc[0]
    assert clowns["kind"] == "nomination" and clowns["evaluative"]
    kiev = pol[pol["epithet"] == "Киевские"].iloc[0]
    assert kiev["kind"] == "adjective" and not kiev["evaluative"] and kiev["actor"] == clowns["actor"]
    assert not pol["epithet"].str.contains("режим").any()  # "в онлайн-режиме" is a mode, not an actor


evaluative_classes = _epithets_of("epithets_evaluative_dev_classes.conllu")


def _one(ep, doc, text):
    rows = ep[(ep["doc_id"] == doc) & (ep["epithet"] == text)]
    assert len(rows) == 1, (doc, text, ep[ep["doc_id"] == doc][["epithet", "kind", "polarity"]].values.tolist())
    return rows.iloc[0]


def test_measures_epithets_expressive_prefix_makes_a_label(evaluative_classes):
    """"Горе-блогер": горе- makes any person noun derogatory, listed or not."""
    r = _one(evaluative_classes, "prefix", "Горе-блогер")
    assert r["kind"] == "nomination" and r["evaluative"] and r["polarity"] < 0


def test_measures_epithets_so_called_is_distancing(evaluative_classes):
    """Guideline hard decision 13: "так называемая" yes −1, "оппозиция" no."""
    r = _one(evaluative_classes, "so_called", "Так называемая")
    assert r["kind"] == "adjective" and r["evaluative"] and r["polarity"] == -1
    assert not _one(evaluative_classes, "so_called", "оппозиция")["evaluative"]


def test_measures_epithets_praise_and_sympathy_are_positive(evaluative_classes):
    for text in ("Опытные", "работяги"):
        r = _one(evaluative_classes, "praise", text)
        assert r["evaluative"] and r["polarity"] > 0


def test_measures_epithets_forms_of_address_and_literal_agents_are_neutral(evaluative_classes):
    ep = evaluative_classes
    assert not ep.loc[ep["doc_id"] == "address", "evaluative"].any()  # "Уважаемые коллеги, …"
    assert not ep.loc[ep["doc_id"] == "secret_agent", "evaluative"].any()  # a "тайный агент" is literal


def test_measures_epithets_adjectives_of_armed_units_and_scare_quotes(evaluative_classes):
    ep = evaluative_classes
    r = _one(ep, "units", "боеспособные")  # Nom/Acc syncretism of an inanimate plural
    assert r["kind"] == "adjective" and r["evaluative"] and r["actor"] == "подразделение"
    q = _one(ep, "scare_quotes", "героические")  # praise in scare quotes is distanced
    assert q["evaluative"] and q["polarity"] < 0
    vol = _one(ep, "scare_quotes", "добровольцы")  # a plain role
    assert not vol["evaluative"]
    mil = _one(ep, "militants", "Боевики")  # guideline hard decision 1
    assert mil["evaluative"] and mil["polarity"] < 0


precision_classes = _epithets_of("epithets_precision_classes.conllu")


def _doc(ep, doc):
    return ep[ep["doc_id"] == doc]


def test_measures_epithets_quoted_works_and_things_are_not_actors(precision_classes):
    """Class 1 of the held-out coding: a quoted name of a film, series or band
    is not a person; "в трусах" is трусы (not трус); parasites in a
    restaurant and a doll in a simile are no labels of actors."""
    ep = precision_classes
    titles = _doc(ep, "work_titles")
    assert not titles["evaluative"].any()
    assert not titles["epithet"].str.contains("ублюд|псы|негодя").any()
    things = _doc(ep, "things")
    assert not things["epithet"].str.contains("трус|паразит|кукл").any()


def test_measures_epithets_crime_roles_are_neutral(precision_classes):
    """Class 2 (guideline #5): "агрессор" of a brawl is the attacker,
    "аферисты" are fraudsters, "преступное сообщество" and "нелегальные
    мигранты" are categories; "агрессор" among states stays a label."""
    crime = _doc(precision_classes, "crime_roles")
    for text in ("агрессоров", "аферистов", "преступного", "нелегальных"):
        r = _one(precision_classes, "crime_roles", text)
        assert not r["evaluative"] and r["polarity"] != r["polarity"], text
    assert not crime["evaluative"].any()
    state = _one(precision_classes, "state_aggressor", "агрессором")
    assert state["evaluative"] and state["polarity"] < 0


def test_measures_epithets_award_titles_are_neutral(precision_classes):
    """Class 3: "Герой России" is an award title of a person, neutral; in
    "звание Героя России" it is not a title of Россия."""
    aw = _doc(precision_classes, "awards")
    r = _one(precision_classes, "awards", "Герой России")
    assert r["actor"] == "Петров" and r["kind"] == "title" and not r["evaluative"]
    assert not (aw["actor"] == "Россия").any()


def test_measures_epithets_predicate_belongs_to_its_subject(precision_classes):
    """Class 4: the adjectives of a predicate noun describe the subject ("Система
    является надёжным гарантом" is about a thing: no row), and a label in the
    predicate is the subject's ("Он был трусом")."""
    pred = _doc(precision_classes, "predicates")
    assert not pred["epithet"].str.contains("надёжн|надежн").any()
    assert not (pred["actor"] == "гарант").any()
    r = _one(precision_classes, "predicates", "трусом")
    assert r["actor"] == "Он" and r["kind"] == "predicate" and r["evaluative"]


def test_measures_epithets_label_referent_needs_a_war_story(precision_classes):
    """Class 5: "оккупанты" of a flat are not the Russian army; in a story
    about the war the label keeps its usual referent."""
    assert _one(precision_classes, "squatters", "Оккупанты")["actor"] != "российская армия"
    assert _one(precision_classes, "war", "Оккупанты")["actor"] == "российская армия"


def test_measures_epithets_modes_owners_and_offenders_are_not_evaluations(precision_classes):
    """"в ручном режиме" is a mode (no actor, and no judgement inside a
    relative clause); "хозяева Ивановых" are owners (guideline 20: an owner
    is no label); "хулиганы" is a crime-role term like мошенники."""
    ep = precision_classes
    mode = _doc(ep, "mode")
    assert not mode["evaluative"].any() and not mode["epithet"].str.fullmatch("ручном").any()
    assert not _doc(ep, "owners")["evaluative"].any()
    assert _one(ep, "owners", "хозяев Ивановых")["actor"] == "Иванов"


def test_measures_epithets_landforms_travel_agents_and_crime_titles_are_neutral(precision_classes):
    """"гора-людоед" is a mountain; travel "агенты" are literal; "криминальная"
    of a named "авторитетша" is a crime category (guideline #5)."""
    ep = _doc(precision_classes, "landforms_agents")
    assert not ep["evaluative"].any()
    assert not ep["epithet"].str.contains("людоед").any()
    assert _one(precision_classes, "landforms_agents", "Криминальная")["actor"] == "Инесса"


recall_classes = _epithets_of("epithets_recall_classes.conllu")


def test_measures_epithets_participles_of_character_verbs_judge(recall_classes):
    """Issue #10, second round: a participle of a verb of character
    ("обнаглевшие", "зарвавшийся") judges the actor; other participles
    still do not (what an actor did is no judgement)."""
    for text in ("обнаглевшие", "зарвавшийся"):
        r = _one(recall_classes, "participles", text)
        assert r["evaluative"] and r["polarity"] < 0, text


def test_measures_epithets_everyday_evaluative_adjectives_and_labels(recall_classes):
    """Everyday evaluative adjectives of persons (знаменитый, любимый,
    бдительный +; жестокий, ушлый −) and labels of crime and tabloid news
    (дебошир, алкоголик, сексоголик); a rare noun the tagger lemmatised as an
    adjective ("сексоголиков") and a capitalised label it took for a name
    ("Голубки") are nominations."""
    ep = recall_classes
    for text, sign in (("знаменитый", 1), ("любимый", 1), ("бдительных", 1), ("жестокий", -1), ("ушлый", -1)):
        r = _one(ep, "adjectives", text)
        assert r["evaluative"] and r["polarity"] * sign > 0, text
    for text in ("дебошир", "приятель-алкоголик", "сексоголиков"):
        r = _one(ep, "labels", text)
        assert r["kind"] == "nomination" and r["evaluative"] and r["polarity"] < 0, text
    assert not _one(ep, "labels", "полицию")["evaluative"]
    r = _one(ep, "sentence_start", "Голубки")
    assert r["kind"] == "nomination" and r["evaluative"]


def test_measures_epithets_prison_regimes_prizes_and_insects_are_no_judgements(recall_classes):
    """"колонии строгого режима" is a prison regime (no row for it, no
    polarity on the convict's title); "лучший исполнитель года" and "назвали
    лучшим игроком чемпионата" are prize categories, not praise, unlike "из
    лучших друзей"; insects are not actors; "звёзды" of hotels are no
    actors.  A "звезда сериала" was kept neutral as a celebrity designation
    until round twenty, which made a star of a domain acclaim: every
    development coder who met one coded it +1 (four rows, four samples)."""
    ep = recall_classes
    prison = _doc(ep, "prison")
    assert not prison["evaluative"].any() and not prison["epithet"].str.contains("режим|строг").any()
    assert not _doc(ep, "awards")["evaluative"].any()
    assert _one(ep, "best_friends", "лучших")["evaluative"]
    assert _doc(ep, "insects").empty
    star = _doc(ep, "star")
    assert star["evaluative"].any() and (star.loc[star["evaluative"], "polarity"] > 0).all()
    hotel = _doc(ep, "hotel_stars")                        # "Отели от четырёх звёзд": no actor
    assert not hotel["epithet"].str.contains("четыр|^звёзд$").any()


def test_measures_epithets_lexicalised_participles_score_in_ukrainian():
    """Ukrainian taggers mark adjectival participles VerbForm=Part
    ("улюблений", "самопроголошений"); listed as quality adjectives in
    evaluative.tsv they judge the actor, as their Russian counterparts do."""
    ann = framing.Annotated.from_conllu(DATA / "measures" / "epithets_recall_classes_uk.conllu", lang="uk")
    ep = epithets(ann)
    for text, sign in (("улюблений", 1), ("самопроголошений", -1)):
        r = _one(ep, "uk_participles", text)
        assert r["evaluative"] and r["polarity"] * sign > 0, text


def test_measures_epithets_labels_tagged_as_names_cities_and_intensifiers(recall_classes):
    """A label the tagger took for a name at the head of a sentence
    ("Неадекват избил"), or for a verb ("горе-водитель"), is evaluative; a
    capitalised word inside a sentence is a name (the city "Хама" is no
    "хам"); "настоящий" shares the judgement of the praise it intensifies."""
    ep = recall_classes
    assert _one(ep, "tagged_as_names", "Неадекват")["evaluative"]
    r = _one(ep, "tagged_as_names", "горе-водитель")
    assert r["kind"] == "nomination" and r["polarity"] < 0
    assert not _doc(ep, "city")["evaluative"].any()
    # the intensifier goes with its label: one predicate row since round twenty-one
    assert _one(ep, "intensifier", "настоящим героем")["polarity"] > 0


def test_measures_epithets_judging_verbs_in_relative_clauses(recall_classes):
    """A verb that judges its agent ("шантажировать") makes a relative clause
    evaluative; a verb of what the actor merely did ("атаковали") does not."""
    r = _one(recall_classes, "judging_verbs", "кто пытается шантажировать нас силой")
    assert r["kind"] == "relative_clause" and r["evaluative"] and r["polarity"] < 0
    assert not _one(recall_classes, "judging_verbs", "которые атаковали министра")["evaluative"]


def test_measures_epithets_feminine_forms_of_listed_labels(recall_classes):
    """A feminine person noun derived from a listed masculine label
    ("извращенку", "психопаткой") is a label; a thing ending alike
    ("шутка", not "шут") is not."""
    ep = recall_classes
    for text in ("извращенку", "психопатку", "психопаткой"):
        r = _one(ep, "feminine", text)
        assert r["evaluative"] and r["polarity"] < 0, text
    assert not _doc(ep, "feminine")["epithet"].str.contains("шутк").any()


def test_measures_epithets_substantivised_praise_of_people(recall_classes):
    """"неравнодушные" standing for people is a sympathetic nomination; a
    positive adjective that is not a label of people when substantivised
    ("наказать ответственных") gives no row."""
    ep = _doc(recall_classes, "praise_substantive")
    r = _one(recall_classes, "praise_substantive", "неравнодушные")
    assert r["kind"] == "nomination" and r["polarity"] > 0
    assert not ep["epithet"].str.contains("ответствен").any()


# --- the evaluative-word model and clause classes (issue #10, third round) ---------

WORD_MODEL = DATA / "measures" / "epithets_word_model.conllu"


@pytest.fixture(scope="module")
def word_model():
    ann = framing.Annotated.from_conllu(WORD_MODEL)
    return epithets(ann), epithets(ann, model=False)


def _flag(ep, doc, text):
    got = ep[(ep["doc_id"] == doc) & ep["epithet"].str.contains(text, regex=False)]
    assert len(got), (doc, text, ep[ep["doc_id"] == doc]["epithet"].tolist())
    return bool(got["evaluative"].any()), float(got["polarity"].iloc[0])


def test_measures_epithets_word_model_files_load_without_pickle():
    from framing.measures import _evaluative_model as em
    import json
    import numpy as np
    npz, js = em.model_files("ru")
    with np.load(npz, allow_pickle=False) as z:
        assert {"adj_eval_coef", "noun_eval_coef", "adj_sign_coef", "noun_sign_coef"} <= set(z.files)
        assert z["adj_eval_coef"].shape == (300,)
    meta = json.loads(open(js, encoding="utf-8").read())
    assert set(meta["thresholds"]) == {"ADJ", "NOUN"} and meta["version"] >= 2
    assert em.load("uk") is None and em.load("en") is None  # no Ukrainian or English vectors ship
    m = em.load("ru")
    # a listed label scores high with a negative sign, a neutral occupation low
    p, sign = em.score(m, "негодяй", "NOUN")
    assert p > 0.5 and sign == -1
    assert em.score(m, "инженер", "NOUN")[0] < 0.5
    assert em.score(m, "абырвалгщик", "NOUN") is None  # navec does not know it: no score
    # navec lacks the lemma "лицедей" but holds its forms "лицедеи", "лицедеев": their mean vector
    # scores it, the same as scoring the mean by hand
    assert m["navec"].get("лицедей") is None and m["navec"].get("лицедеи") is not None
    forms = [np.asarray(m["navec"].get(f), dtype="float64") for f in ("лицедеев", "лицедеи")]
    v = np.mean([f / np.linalg.norm(f) for f in forms], axis=0)
    v = v / np.linalg.norm(v)
    coef, b = m["weights"]["NOUN"][:2]
    assert em.score(m, "лицедей", "NOUN")[0] == pytest.approx(1 / (1 + np.exp(-(v @ coef + b))))


def test_measures_epithets_word_model_flags_unlisted_adjectives(word_model):
    on, off = word_model
    assert _flag(on, "model_adjective", "Прагматичный") == (True, 0.5)
    assert not _flag(off, "model_adjective", "Прагматичный")[0]
    # words declared neutral (neutral_descriptors.tsv) are never scored: states, family status
    for ep in (on, off):
        assert not _flag(ep, "model_neutral", "Пьяный")[0]
        assert not _flag(ep, "model_neutral", "многодетная")[0]


def test_measures_epithets_word_model_creates_nominations(word_model):
    """"балбесы" is in no list and tagged ADJ: the model reads the dictionary's
    noun reading and creates a nomination row; without it there is no row."""
    on, off = word_model
    assert _flag(on, "model_nomination", "балбесы") == (True, -0.5)
    assert not off["epithet"].str.contains("балбес").any()


def test_measures_epithets_word_model_only_with_the_builtin_lexicon():
    ann = framing.Annotated.from_conllu(WORD_MODEL)
    own = pd.DataFrame({"lemma": ["плохой"], "polarity": [-0.6]})
    ep = epithets(ann, lexicon=own)
    assert not ep["epithet"].str.contains("балбес").any()
    assert not ep.loc[ep["epithet"] == "Прагматичный", "evaluative"].any()
    with pytest.raises(Exception, match="model"):
        epithets(ann, model="yes")


def test_measures_epithets_quoted_nicknames_and_manner_adverbs(word_model):
    on, off = word_model
    # a quoted nickname given by a naming verb judges whom it names; the model gives its sign
    assert _flag(on, "nickname", "которую стали называть") == (True, 0.5)
    assert _flag(off, "nickname", "которую стали называть")[0]
    # a manner adverb in a relative clause judges by its adjective ("плохо" ← "плохой") ...
    assert _flag(on, "adverb_clause", "кто плохо представляет") == (True, -0.6)
    # ... but not with verbs of health and perception
    assert not _flag(on, "adverb_health", "плохо себя чувствуют")[0]


generalisation_classes = _epithets_of("epithets_generalisation_classes.conllu")


def test_measures_epithets_naming_verbs_with_quoted_labels(generalisation_classes):
    """Issue #10, generalisation round: a naming verb's quoted instrumental is
    a predicate about the verb's object also when the parser hangs it on the
    object's phrase, and when the object is a substantivised participle
    ("назвала протестующих «…»"); quoted, it is the speaker's label
    (evaluative). An unquoted neutral noun after the same verb is not."""
    ep = generalisation_classes
    for doc, text, actor in (("naming_quoted", "«пятой колонной»", "участников"),
                             ("naming_participle", "«движением сопротивления»", "протестующих")):
        r = _one(ep, doc, text)
        assert r["kind"] == "predicate" and r["actor"] == actor and r["evaluative"], doc
    r = _one(ep, "naming_plain", "финалистами")
    assert r["kind"] == "predicate" and not r["evaluative"]


def test_measures_epithets_adverbs_in_ski_judge_in_relative_clauses(generalisation_classes):
    """A manner adverb in -ски / по-…-ски inside a relative clause is read
    from its adjective ("героически" ← "героический", "по-хамски" ←
    "хамский"), as adverbs in -о are; "практически" judges nobody."""
    ep = generalisation_classes
    r = _one(ep, "adverb_ski", "который героически вынес детей из огня")
    assert r["kind"] == "relative_clause" and r["evaluative"] and r["polarity"] > 0
    r = _one(ep, "adverb_po", "который по-хамски подрезал автобус")
    assert r["kind"] == "relative_clause" and r["evaluative"] and r["polarity"] < 0
    assert not _doc(ep, "adverb_plain")["evaluative"].any()


def test_measures_epithets_beloved_and_fixed_school_titles(generalisation_classes):
    """A substantivised "любимый" stands for a person (sympathy, +); "классный
    руководитель" is a school post, not praise."""
    ep = generalisation_classes
    r = _one(ep, "praise_substantive", "любимого")
    assert r["kind"] == "nomination" and r["polarity"] > 0
    assert not _doc(ep, "fixed_teacher")["evaluative"].any()


def test_measures_epithets_partitive_superlatives_and_title_compounds(generalisation_classes):
    """"самые наглые из чиновников" picks people out of a group: an evaluative
    nomination ("самые старшие из учеников" is none); a hyphenated compound
    headed by a title ("депутат-пивозавр") is a person whatever the tagger's
    animacy, so its adjectives are rows; an agreeing adjective the parser
    left unattached (deprel "dep") before a unit's number is its modifier."""
    ep = generalisation_classes
    r = _one(ep, "partitive", "Самые наглые")
    assert r["kind"] == "nomination" and r["evaluative"] and r["polarity"] < 0
    assert not _doc(ep, "partitive_plain")["evaluative"].any()
    r = _one(ep, "title_compound", "Скандальный")
    assert r["actor"] == "депутат-пивозавр" and r["evaluative"]
    r = _one(ep, "dep_adjective", "элитная")
    assert r["actor"] == "бригада" and r["evaluative"] and r["polarity"] > 0


def test_measures_epithets_prefixed_label_opening_a_sentence(generalisation_classes):
    """A word with an expressive prefix that opens a sentence and that the
    tagger took for a name ("Лжеэксперт снова выступил") is a label, as a
    listed label there is ("Неадекват избил")."""
    r = _one(generalisation_classes, "prefix_opening", "Лжеэксперт")
    assert r["kind"] == "nomination" and r["evaluative"] and r["polarity"] < 0


def test_measures_epithets_scare_quoted_political_camps(generalisation_classes):
    """A noun of a political camp in scare quotes stands for a group and
    distances the writer from it («антигосударственных сил», «радикального
    фланга»); unquoted "Силы ПВО" and a quoted club are no such label."""
    ep = generalisation_classes
    for doc, text in (("quoted_camp", "сил"), ("quoted_flank", "фланга")):
        r = _one(ep, doc, text)
        assert r["kind"] == "nomination" and r["evaluative"] and r["polarity"] < 0, doc
    assert not _doc(ep, "camp_plain")["evaluative"].any()
    assert not _doc(ep, "quoted_club")["evaluative"].any()


def test_measures_epithets_metaphorical_monarchs(generalisation_classes):
    """A monarchy head with the genitive of a domain is a metaphorical label
    (antonomasia): "королевы марафонов" stands for a person, "Король
    рок-н-ролла" is an evaluative title; the king of a country and a beauty
    queen are plain titles."""
    ep = generalisation_classes
    r = _one(ep, "metaphor_nomination", "королевы марафонов")
    assert r["kind"] == "nomination" and r["evaluative"]
    r = _one(ep, "metaphor_title", "Король рок-н-ролла")
    assert r["kind"] == "title" and r["evaluative"]
    assert not _doc(ep, "monarch")["evaluative"].any()
    assert not _doc(ep, "contest_title")["evaluative"].any()


def test_measures_epithets_evaluative_adjective_opening_a_sentence(generalisation_classes):
    """An evaluative adjective or participle opening a sentence, which the
    tagger took for (part of) a name ("Бессовестный перекупщик" as ORG,
    "Зарвавшийся" as PER), is an adjective of the common noun after it; a
    name with a proper noun ("Справедливая Россия") stays a name."""
    ep = generalisation_classes
    for doc, text, actor in (("opener_adjective", "Бессовестный", "перекупщик"),
                             ("opener_participle", "Зарвавшийся", "блогер")):
        r = _one(ep, doc, text)
        assert r["kind"] == "adjective" and r["actor"] == actor and r["evaluative"], doc
    assert not _doc(ep, "opener_name")["evaluative"].any()
    assert not _doc(ep, "org_name_opener")["evaluative"].any()  # "Демократическая партия": a name


def test_measures_epithets_naming_verbs_give_state_nouns_and_nicknames(generalisation_classes):
    """A noun of a state or quality is a label when a naming verb gives it to
    a person ("назвали певицу позором страны"); verbs of nicknaming
    ("прозвали") are naming verbs; a cause named by doctors is about no
    actor. A compound with a listed label ("водитель-лихач") is a label."""
    ep = generalisation_classes
    for doc, text in (("naming_state_noun", "позором страны"), ("nickname_verb", "«королём хайпа»")):
        r = _one(ep, doc, text)
        assert r["kind"] == "predicate" and r["evaluative"], doc
    assert not _doc(ep, "naming_plain_state")["evaluative"].any()
    r = _one(ep, "label_compound", "Водитель-лихач")
    assert r["evaluative"] and r["polarity"] < 0


def test_measures_epithets_compound_labels_and_object_pronouns(generalisation_classes):
    """A compound with a listed label is one also when it opens a sentence
    and is tagged as a name ("Мэра-взяточника") or left in the plural by the
    lemmatiser ("Банкиры-жулики"); a naming verb's object pronoun that the
    tagger reads as a determiner ("назвали его …") is the actor."""
    ep = generalisation_classes
    for doc, text in (("opener_compound", "Мэра-взяточника"), ("plural_compound", "Банкиры-жулики")):
        r = _one(ep, doc, text)
        assert r["kind"] == "nomination" and r["evaluative"] and r["polarity"] < 0, doc
    r = _one(ep, "naming_pronoun", "главным пропагандистом страны")
    assert r["kind"] == "predicate" and r["evaluative"]
    assert _doc(ep, "animal_compound").empty  # "собаки-расисты": animals are no actors


def test_measures_epithets_small_groups_of_people_are_actors(generalisation_classes):
    """Nouns of small groups of people that taggers mark inanimate
    ("парочка", "троица") are actors: their evaluative adjectives are rows
    ("подозрительную парочку"); a crowd's size is no descriptor of an actor."""
    ep = generalisation_classes
    r = _one(ep, "people_group", "подозрительную")
    assert r["actor"] == "парочка" and r["evaluative"] and r["polarity"] < 0
    assert not _doc(ep, "people_group_plain")["evaluative"].any()


heldout_classes = _epithets_of("epithets_heldout_classes.conllu")


def test_measures_epithets_quoted_things_are_no_labels(heldout_classes):
    """Scare quotes make a person noun a distanced label only when the
    dictionary does not know the word as a thing: «роликов» (tagged animate,
    as real news showed) and a neuter «коктебельное» are no rows;
    «смельчаки» is one."""
    ep = heldout_classes
    assert _doc(ep, "quoted_thing").empty and _doc(ep, "quoted_neuter").empty
    assert _one(ep, "quoted_person", "«смельчаки»")["evaluative"]


def test_measures_epithets_neutral_roles_states_and_celebrity(heldout_classes):
    """Guideline #5 and the states rule: a plain crime-role noun
    ("вымогателей"), a celebrity designation ("Звёздная") and a state the actor
    underwent ("Обиженный", which the word model scored evaluative) are rows
    with no evaluation."""
    ep = heldout_classes
    for doc, text in (("crime_role", "вымогателей"), ("celebrity", "Звёздная"), ("undergone", "Обиженный")):
        r = _one(ep, doc, text)
        assert not r["evaluative"] and r["polarity"] != r["polarity"], doc


def test_measures_epithets_non_actors_give_no_rows(heldout_classes):
    """Descriptors of non-actors: a role in a film ("в роли злодея"), a
    figurine ("фигурку злодея"), an animal named "по кличке", a story's
    protagonist ("Главная героиня"); the same label about a person is a row
    (control). A legal designation in a registry still brands (hard decision 4)."""
    ep = heldout_classes
    for doc in ("film_role", "figurine", "pet_name", "protagonist"):
        assert not _doc(ep, doc)["evaluative"].any(), doc
    assert _doc(ep, "film_role").empty and _doc(ep, "figurine").empty and _doc(ep, "pet_name").empty
    assert _one(ep, "label_control", "Злодей")["evaluative"]
    r = _one(ep, "registry_legal", "иноагентов")
    assert r["legal"] and r["evaluative"]


def test_measures_epithets_affectionate_address_is_sympathy(heldout_classes):
    """An endearment in a vocative is sympathy (+): substantivised ("Давай
    газу, родной!") a nomination, before an animate noun ("Дорогие друзья,") an
    adjective; after a dash it is a predicate about a thing ("Часы — золотые,"),
    no row."""
    ep = heldout_classes
    r = _one(ep, "endearment_noun", "родной")
    assert r["kind"] == "nomination" and r["evaluative"] and r["polarity"] > 0
    r = _one(ep, "endearment_adj", "Дорогие")
    assert r["kind"] == "adjective" and r["evaluative"] and r["polarity"] > 0
    assert not _doc(ep, "dash_predicate")["evaluative"].any()


def test_measures_epithets_swallowed_adjectives_and_whole_predicates(heldout_classes):
    """An evaluative adjective the name finder swallowed into an
    organisation's mention is a row ("Взвод элитной бригады ВСУ"); a naming
    predicate is its whole noun phrase ("человеком большого таланта")."""
    ep = heldout_classes
    r = _one(ep, "swallowed", "элитной")
    assert r["kind"] == "adjective" and r["evaluative"]
    r = _one(ep, "predicate_np", "человеком большого таланта")
    assert r["kind"] == "predicate" and r["evaluative"] and r["actor"] == "Владимир"


def test_measures_epithets_list_names_are_no_labels(heldout_classes):
    """A label naming a list's category ("список террористов и экстремистов")
    is nobody's evaluation, no row; a list of people keeps the neutral rows of
    the people it names ("список российских военных, погибших …")."""
    ep = heldout_classes
    assert not _doc(ep, "list_label")["evaluative"].any()
    assert {"российских", "военных"} <= set(_doc(ep, "list_people")["epithet"])


vocabulary_classes = _epithets_of("epithets_vocabulary_classes.conllu")


def test_measures_epithets_common_gender_nouns(vocabulary_classes):
    """A Russian noun of common gender no list holds is an expressive
    characterisation: "тихоня" negative, "Симпатяга" positive (listed as
    praise); a neutral one ("Коллега") is no row."""
    ep = vocabulary_classes
    r = _one(ep, "common_gender_neg", "тихоня")
    assert r["evaluative"] and r["polarity"] < 0
    r = _one(ep, "common_gender_pos", "Симпатяга")
    assert r["evaluative"] and r["polarity"] > 0
    assert not _doc(ep, "common_gender_neutral")["evaluative"].any()


def test_measures_epithets_adjective_predicates_and_forces(vocabulary_classes):
    """An evaluative adjective predicated of people is a predicate row
    ("чиновники были беспомощны"), not of a thing ("Вулкан … опасен");
    plural "силы" with an evaluative adjective is an armed force, "все силы"
    (effort) is not."""
    ep = vocabulary_classes
    r = _one(ep, "adj_predicate", "беспомощны")
    assert r["kind"] == "predicate" and r["evaluative"] and r["polarity"] < 0
    assert _doc(ep, "adj_predicate_thing").empty
    r = _one(ep, "forces_actor", "Оккупационные")
    assert r["kind"] == "adjective" and r["evaluative"]
    assert _doc(ep, "forces_effort").empty


def test_measures_epithets_quoted_label_read_as_thing(vocabulary_classes):
    """A person noun in scare quotes that the tagger marked inanimate (an
    error of real news, made on purpose in the file) is still a distanced
    label when the dictionary knows the form only as an animate noun with a
    person suffix («доброжелатели»)."""
    r = _one(vocabulary_classes, "quoted_inanimate", "«доброжелатели»")
    assert r["kind"] == "nomination" and r["evaluative"] and r["polarity"] < 0


def test_measures_epithets_morphology_survives_the_ukrainian_dictionary():
    """pymorphy3 shares one tag class between its dictionaries, and loading one resets the grammemes the
    class knows: after the Ukrainian dictionary, asking a Russian tag for the Russian-only "ms-f" raised.
    The measure reads the tag's grammeme set, which never raises."""
    import pymorphy3

    from framing.measures.epithets import morph
    morph._common_gender.cache_clear()
    morph._morph().parse("тихоня")
    pymorphy3.MorphAnalyzer(lang="uk")                  # the tag class now knows Ukrainian grammemes only
    assert morph._common_gender("иванов") is False
    assert morph._common_gender("тихоня") is True


nonactor_classes = _epithets_of("epithets_nonactor_classes.conllu")


def test_measures_epithets_animals_and_things_are_not_actors(nonactor_classes):
    """Animals are not actors (guideline, "Actor"): a label that also names an
    animal ("зверя") is the animal in a story about animals, and stays a label
    of people elsewhere ("звери в погонах"); an adjective on an animal noun
    ("ручного ворона") is no row; nor is one on an interjection the tagger
    read as an animate noun ("Надёжный блять") or on an unknown word the
    dictionary reads only as a thing ("нелегальных криптоферм")."""
    ep = nonactor_classes
    assert _doc(ep, "animal_story").empty
    r = _one(ep, "animal_label", "звери")
    assert r["evaluative"] and r["polarity"] < 0
    for doc in ("animal_adjective", "interjection", "unknown_thing"):
        assert _doc(ep, doc).empty, doc


def test_measures_epithets_story_roles_and_orientations_are_neutral(nonactor_classes):
    """"героиню ролика" (the person a video is about) is a role, "Героиня
    спасла троих детей" is praise; a political orientation ("прозападных
    партий") is a neutral row, like "пророссийских"."""
    ep = nonactor_classes
    r = _one(ep, "story_role", "героиню")
    assert not r["evaluative"] and r["polarity"] != r["polarity"]
    assert _one(ep, "story_praise", "Героиня")["evaluative"]
    r = _one(ep, "orientation", "прозападных")
    assert r["kind"] == "adjective" and not r["evaluative"]


def test_measures_epithets_neuter_things_animal_predicates_and_person_nouns(nonactor_classes):
    """A substantivised neuter adjective is a thing, not a person
    ("Подозрительное заметила"); a predicate noun that is an animal in a story
    about animals is no row ("Крошик был удивительным котом", a shelter's
    enclosure), one about a politician stays ("Путин — настоящий медведь");
    a legal term keeps its adjective neutral ("законных представителей"); a
    person noun the dictionary marks inanimate is an actor, so its
    adjective is a row ("Легендарную звезду")."""
    ep = nonactor_classes
    assert _doc(ep, "neuter").empty
    assert _doc(ep, "animal_predicate").empty
    assert _one(ep, "animal_metaphor", "настоящий медведь")["kind"] == "predicate"
    assert not _doc(ep, "legal_term")["evaluative"].any()
    r = _one(ep, "person_inanimate", "Легендарную")
    assert r["kind"] == "adjective" and r["evaluative"] and r["polarity"] > 0


def test_measures_epithets_listed_participles_and_mentioned_words(nonactor_classes):
    """A participle the tagger lemmatises to its verb is scored by the form the
    lexicon lists it under ("любящих" → "любящий"); a quoted word after a noun
    of words is mentioned, not used of anyone ("слово «овца»"), while the same
    word used of a person stays a label ("назвала истицу «овцой»")."""
    ep = nonactor_classes
    r = _one(ep, "listed_participle", "любящих")
    assert r["kind"] == "adjective" and r["evaluative"] and r["polarity"] > 0
    assert _doc(ep, "mentioned_word").empty
    assert _one(ep, "used_word", "«овцой»")["evaluative"]


def test_measures_epithets_thing_compounds_and_list_titles(nonactor_classes):
    """A compound whose inflected first part is a thing is no actor
    ("товары-герои"); an uninflected first part is a modifier of a person
    noun ("интернет-воины" stay a label). A capitalised item of a numbered
    list without a verb is a title ("21. Тёмное дитя (Orphan Black)"); an
    item with a verb is a statement whose labels stay ("1. Предатели …
    сбежали; 2. Продажный депутат арестован")."""
    ep = nonactor_classes
    assert not _doc(ep, "thing_compound")["evaluative"].any()
    assert _one(ep, "modifier_compound", "интернет-воины")["evaluative"]
    assert _doc(ep, "list_titles").empty
    assert _one(ep, "list_statements", "Предатели")["evaluative"]
    assert _one(ep, "list_statements", "Продажный")["evaluative"]


def test_measures_epithets_quoted_speech_is_not_a_title(nonactor_classes):
    """A short quotation opening on a capital is a work's name only without a
    pronoun, a dash or an ellipsis: «Фашисты — они и через 77 лет фашисты…» is
    speech, whose labels are rows; «Злые бандиты» after a genre noun stays a
    title."""
    ep = nonactor_classes
    r = _one(ep, "quoted_speech", "Фашисты")
    assert r["evaluative"] and r["polarity"] < 0
    assert not _doc(ep, "quoted_title")["evaluative"].any()


def test_measures_epithets_agents_of_organisations_are_roles(nonactor_classes):
    """"агента СБУ" (an agency's agent, before its abbreviation) is a role,
    neutral; "агентом влияния" stays a label."""
    ep = nonactor_classes
    r = _one(ep, "agent_of_org", "агента")
    assert not r["evaluative"] and r["polarity"] != r["polarity"]
    r = _one(ep, "agent_label", "агентом влияния")
    assert r["kind"] == "predicate" and r["evaluative"]


coinage_classes = _epithets_of("epithets_coinage_classes.conllu")


def test_measures_epithets_coined_compounds_take_their_head_label(coinage_classes):
    """A solid compound the dictionary does not know that ends in a negative
    label is that label ("киберизвращенца" ← извращенец); a positive head
    makes a term ("полузащитница"), no label. Compounds headed by the stem
    of красть are thief labels (the lexicon pattern "*крад": "членокрада")."""
    ep = coinage_classes
    for doc, text in (("coined_compound", "киберизвращенца"), ("thief_compound", "членокрада")):
        r = _one(ep, doc, text)
        assert r["kind"] == "nomination" and r["evaluative"] and r["polarity"] < 0
    assert not _doc(ep, "known_compound")["evaluative"].any()


def test_measures_epithets_scare_quoted_roles_are_denied(coinage_classes):
    """A role word or neutral person noun alone in the writer's scare quotes is
    a role the text denies («врачом» without a diploma, "следователь" of
    phone scammers): evaluative, negative. Not a quote that closes a name
    ('"Аида" спецназа "Ахмат"'), a crime role in someone's words
    ("преступникам"), a military term of a press release («военнослужащий»)
    or a quoted phrase («ключевых командиров»)."""
    ep = coinage_classes
    for doc, text in (("pretended_doctor", "«врачом»"), ("pretended_investigator", '"следователь"')):
        r = _one(ep, doc, text)
        assert r["kind"] == "nomination" and r["evaluative"] and r["polarity"] < 0
    for doc in ("quoted_name", "quoted_crime_role", "quoted_military", "quoted_term"):
        assert not _doc(ep, doc)["evaluative"].any(), doc


news_classes = _epithets_of("epithets_news_classes.conllu")


def test_measures_epithets_labels_opening_a_sentence_are_no_names(news_classes):
    """A rare label opening a sentence, which the tagger reads as a name
    ("Рашисты обстреляли", "Предатель Родины сбежал"), is a nomination; a
    surname the dictionary knows stays a name even when its letters also
    spell a label's form ("Козлов" is no "козлов", of козёл)."""
    ep = news_classes
    for doc, text in (("label_opening", "Рашисты"), ("label_opening_genitive", "Предатель")):
        r = _one(ep, doc, text)
        assert r["kind"] == "nomination" and r["evaluative"] and r["polarity"] < 0
    assert _doc(ep, "surname_opening").empty


def test_measures_epithets_what_a_speaker_names_an_actor(news_classes):
    """A naming verb's predicate in the speaker's voice: a crime role is an
    accusation ("назвал Путина убийцей"), a quoted nickname judges
    («садовником»); a neutral role stays neutral ("назвал … своим
    преемником"), and so does a plain crime role of a report ("Преступники
    похитили"), unlike the label pair "военные преступники"."""
    ep = news_classes
    r = _one(ep, "crime_accusation", "убийцей")
    assert r["kind"] == "predicate" and r["evaluative"] and r["polarity"] < 0
    assert _doc(ep, "quoted_nickname")["evaluative"].any()
    assert not _one(ep, "successor", "преемником")["evaluative"]
    assert _one(ep, "war_criminals", "преступники")["evaluative"]
    assert not _one(ep, "criminals", "Преступники")["evaluative"]


def test_measures_epithets_reputation_phrases_and_becoming(news_classes):
    """"Known for X" takes the evaluation of X ("известный своими скандальными
    заявлениями"), "печально известный" is notoriety, a plain "известный" is
    no evaluation; "превратился в посмешище" is a predicate; an adjective the
    tagger lemmatises to its verb is scored by its participle ("Просроченный"),
    and a word it tags as a noun that the parse attaches as an adjective is
    one ("опального чиновника")."""
    ep = news_classes
    for doc, text in (("known_for", "известный своими скандальными заявлениями"),
                      ("adjective_tagged_noun", "опального"),
                      ("notorious", "Печально известный"), ("become_into", "посмешище"),
                      ("participle_lemma", "Просроченный")):
        r = _one(ep, doc, text)
        assert r["evaluative"] and r["polarity"] < 0, (doc, text)
    assert not _one(ep, "known_plain", "Известный")["evaluative"]


def test_measures_epithets_accusation_in_a_relative_clause(news_classes):
    """A relative clause whose naming or declaring verb gives the actor a crime
    role accuses ("которую Минск считает преступницей"); another role does not."""
    ep = news_classes
    r = _one(ep, "relative_accusation", "которую Минск считает преступницей")
    assert r["kind"] == "relative_clause" and r["evaluative"] and r["polarity"] < 0
    assert not _doc(ep, "relative_neutral")["evaluative"].any()


tg_classes = _epithets_of("epithets_tg_classes.conllu")


def test_measures_epithets_predicate_adjective_without_copula(tg_classes):
    """A full-form adjective heading its clause without a copula or dash is a
    predicate of its person subject when clearly evaluative ("новый начальник
    очень агрессивный и часто кричит"); a weak word there is a state ("пациент
    очень слабый"), and a subject the dictionary does not know as a person
    ("райдер у певца скромный") gives no predicate."""
    ep = tg_classes
    r = _one(ep, "zero_copula", "агрессивный")
    assert r["kind"] == "predicate" and r["evaluative"] and r["polarity"] < 0 and r["actor"] == "начальник"
    assert not _doc(ep, "zero_copula_neutral")["evaluative"].any()
    assert (_doc(ep, "zero_copula_thing")["kind"] != "predicate").all()


def test_measures_epithets_dictionary_persons_and_qualified_organisations(tg_classes):
    """A rare person noun the tagger reads as a thing is an actor by the
    dictionary ("Датский пингпонгист": an unknown form with a person suffix);
    an organisation noun in the plural qualified by an adjective is an actor
    ("в крупных банках"); both adjectives are neutral rows."""
    ep = tg_classes
    for doc, text in (("person_by_dictionary", "Датский"), ("org_adjective", "крупных")):
        r = _one(ep, doc, text)
        assert r["kind"] == "adjective" and not r["evaluative"], (doc, text)


def test_measures_epithets_round_nine_vocabulary(tg_classes):
    """Words of a checklist of evaluative adjectives and labels of people that
    nothing scored before: "невезучего рыбака", "назвал губернатора махинатором"."""
    ep = tg_classes
    assert _one(ep, "unlucky", "невезучего")["evaluative"]
    r = _one(ep, "corruption_label", "махинатором")
    assert r["evaluative"] and r["polarity"] < 0


accusations = _epithets_of("epithets_accusation_classes.conllu")


def test_measures_epithets_accusation_by_naming_and_considering_verbs(accusations):
    """A crime role given by a naming, considering or branding verb is one
    predicate row about the verb's object, evaluative (an accusation,
    guideline 11), in any tense, word order and number, for a feminine role,
    under negation (the flag is kept), with a pronoun, with the object's name
    in apposition, and when the tagger misreads the object or the
    instrumental's case."""
    ep = accusations
    for doc, text, actor in (("named_past", "вором", "заместителя"), ("considered_front", "жуликом", "директора"),
                             ("plural_present", "грабителями", "перекупщиков"),
                             ("feminine_branded", "воровкой и аферисткой", "продавщицу"),
                             ("negated", "убийцей", "подсудимого"), ("pronoun_future", "мошенником", "Его"),
                             ("object_attached", "казнокрадом и вором", "Крылов"),
                             ("feminine_considered", "мошенницей", "бухгалтершу")):
        r = _one(ep, doc, text)
        assert r["kind"] == "predicate" and r["evaluative"] and r["polarity"] < 0 and r["actor"] == actor, \
            (doc, r.to_dict())
    assert not (ep["kind"] == "nomination").loc[ep["doc_id"].isin(["named_past", "negated", "feminine_considered"])].any()


def test_measures_epithets_intensified_crime_role_and_factual_controls(accusations):
    """A copular crime role is a judgement when a considering verb frames it
    ("Ректор — самый настоящий вор, считают студенты") or an intensifier
    qualifies it ("форменный аферист"); a report's finding ("Задержанный
    оказался мошенником"), a court's verdict ("Суд признал … грабителем":
    a legal act, not a naming) and a neutral role ("своим преемником") stay
    neutral."""
    ep = accusations
    for doc, text in (("copula_parataxis", "самый настоящий вор"), ("intensified_copula", "форменный аферист")):
        r = _one(ep, doc, text)
        assert r["kind"] == "predicate" and r["evaluative"] and r["polarity"] < 0, doc
    for doc in ("crime_report", "court_verdict", "neutral_role"):
        assert not _doc(ep, doc)["evaluative"].any(), doc
    assert _one(ep, "court_verdict", "грабителем")["kind"] == "predicate"


round_ten = _epithets_of("epithets_round_ten_classes.conllu")


def test_measures_epithets_diminutive_of_an_organisation_abbreviation(round_ten):
    """The diminutive of an organisation type's abbreviation ("ОООшка",
    "ЗАОшек", "через НКОшку", also when the tagger calls it a name) is a
    belittling nomination of the firm."""
    for doc, text in (("org_diminutive", "ОООшка"), ("org_diminutive_plural", "ЗАОшек"),
                      ("org_diminutive_named", "НКОшку")):
        r = _one(round_ten, doc, text)
        assert r["kind"] == "nomination" and r["evaluative"] and r["polarity"] < 0, doc


def test_measures_epithets_naming_predicate_bounds(round_ten):
    """Naming by a name is no predicate of the named ("назвал дочерей
    именами актрис"); a naming predicate ends before a parenthesis (and a
    line break, which CoNLL-U here cannot hold); a pronoun given the name of a thing ("назвав их «досадной
    оговоркой»", the words) is no actor, unlike a pronoun given a label of a
    person ("назвал его «позором нации»") or a phrase holding a person
    ("«лучшим воплощением русского учителя»")."""
    ep = round_ten
    assert (_doc(ep, "named_after")["kind"] != "predicate").all()
    assert _one(ep, "parenthesis_cut", "«железной леди»")["kind"] == "predicate"
    assert _doc(ep, "pronoun_thing").empty
    assert _one(ep, "pronoun_person", "«позором нации»")["evaluative"]
    assert _one(ep, "pronoun_embodiment", "«лучшим воплощением русского учителя»")["evaluative"]


round_eleven = _epithets_of("epithets_round_eleven_classes.conllu")


def test_measures_epithets_party_adjectives_are_relational(round_eleven):
    """"демократический" and "республиканский" name a party or a political
    system: part of a party's name before "партия" (no row), a neutral
    descriptor elsewhere ("Демократический истеблишмент", "демократическую
    элиту"); an evaluative adjective beside them still judges."""
    ep = round_eleven
    assert not _doc(ep, "party_name")["epithet"].str.contains("демократ", case=False).any()
    for doc in ("party_affiliation", "party_elite"):
        r = _doc(ep, doc)
        r = r[r["epithet"].str.contains("емократ")].iloc[0]
        assert r["kind"] == "adjective" and not r["evaluative"] and pd.isna(r["polarity"]), doc
    assert _one(ep, "control_evaluative", "Продажный")["evaluative"]


def test_measures_epithets_race_and_ethnic_nouns_alone_are_no_rows(round_eleven):
    """Race and ethnic nouns used on their own ("белые и негры", "защитить
    белых") are not annotated (guideline, "Not annotated")."""
    for doc in ("ethnic_alone", "ethnic_alone_plural"):
        ep = _doc(round_eleven, doc)
        assert not ep["epithet"].str.contains("негр|белы", case=False).any(), doc
        assert not ep["evaluative"].any(), doc


def test_measures_epithets_crime_role_nouns_and_adjectives_are_neutral(round_eleven):
    """Crime roles are neutral (guideline hard decision 5): «подельников»
    (even in quotes) and "ответственных за поджог", unless the complement
    judges ("ответственных за «кровавые расправы»"); given by a naming verb
    the same role is an accusation ("назвал мэра подельником воров")."""
    ep = round_eleven
    for doc, text in (("crime_accomplices", "«подельников»"), ("role_responsible", "ответственных за поджог склада")):
        r = _one(ep, doc, text)
        assert not r["evaluative"] and pd.isna(r["polarity"]), doc
    judged = _doc(ep, "role_responsible_judged")
    assert judged[judged["epithet"].str.startswith("ответственных")]["evaluative"].all()
    assert judged["epithet"].str.startswith("ответственных").any()
    named = _one(ep, "crime_named", "подельником воров")
    assert named["kind"] == "predicate" and named["evaluative"] and named["polarity"] < 0


def test_measures_epithets_historical_designations_are_neutral(round_eleven):
    """"нацистской Германии", "фашистской Италии" name states of the past,
    also inside a title ("лидере нацистской Германии"); "нацистским режимом"
    given to today's authorities by a naming verb stays a label."""
    ep = round_eleven
    for doc, text in (("historical_state", "нацистской"), ("historical_state", "фашистской"),
                      ("historical_title", "лидере нацистской Германии")):
        r = _one(ep, doc, text)
        assert not r["evaluative"] and pd.isna(r["polarity"]), (doc, text)
    label = _one(ep, "control_nazi_label", "нацистским режимом")
    assert label["evaluative"] and label["polarity"] < 0


def test_measures_epithets_nationality_adjective_is_no_nominations_actor(round_eleven):
    """A nationality adjective inside a nomination ("американские идиоты",
    "британских негодяев") is an adjective row of the label's group, not the
    label's actor; an army's label keeps the army its adjective names
    ("Российские оккупанты" → российская армия)."""
    ep = round_eleven
    for doc, label, adj, group in (("nationality_label", "идиоты", "американские", "идиоты"),
                                   ("nationality_label_plural", "негодяев", "британских", "негодяи")):
        nom = _one(ep, doc, label)
        assert nom["kind"] == "nomination" and nom["evaluative"] and nom["actor"] == group, doc
        a = _one(ep, doc, adj)
        assert a["kind"] == "adjective" and not a["evaluative"] and a["actor"] == group, doc
    assert _one(ep, "nationality_army", "оккупанты")["actor"] == "российская армия"


round_twelve = _epithets_of("epithets_round_twelve_classes.conllu")


def test_measures_epithets_descriptors_of_non_actors_give_no_row(round_twelve):
    """Things are not actors (guideline; issue #10, round twelve): a predicate
    whose subject is an event ("выборы всегда непредсказуемы") and an adjective
    after a thing noun it agrees with, which the parser hung on a person
    across a comma ("обвинения фальшивые, но … сторонники"), give no row;
    the same words of people, and a named subject's predicate, stay."""
    ep = round_twelve
    for doc in ("thing_subject_event", "thing_subject_event_concessive"):
        assert not _doc(ep, doc)["epithet"].str.contains("непредсказуем").any(), doc
    assert not _doc(ep, "thing_after_noun")["epithet"].str.contains("фальшив").any()
    assert _one(ep, "thing_control_people", "лживые")["evaluative"]
    assert _one(ep, "thing_control_officials", "непредсказуемы")["evaluative"]
    named = _one(ep, "thing_control_named", "опытный юрист")
    assert named["actor"] == "Сидоров" and named["evaluative"]


def test_measures_epithets_winner_of_a_vote_is_a_literal_status(round_twelve):
    """"победитель" of a vote or contest is a literal status, also given by a
    declaring verb ("объявила Петрова победителем выборов"): a neutral
    predicate row; a naming verb's labels stay judgements."""
    for doc, text in (("winner_declared", "победителем выборов"), ("winner_passive", "победителем голосования")):
        r = _one(round_twelve, doc, text)
        assert r["kind"] == "predicate" and not r["evaluative"] and pd.isna(r["polarity"]), doc
    label = _one(round_twelve, "winner_control", "трусом и вором")
    assert label["evaluative"] and label["polarity"] < 0


round_thirteen = _epithets_of("epithets_round_thirteen_classes.conllu")


def test_measures_epithets_unlisted_adjectives_of_character_judge(round_thirteen):
    """Adjectives and participles of character no lexicon listed before round
    thirteen of issue #10 ("бесхребетный", "нахальный", "беспардонный",
    "аморфный" of a group of people, "сбрендивший") are evaluative,
    attributive or predicated; the same adjective of a thing ("аморфный
    кремний") gives no row."""
    ep = round_thirteen
    for doc, text in (("adj_attributive", "бесхребетного"), ("adj_predicate", "нахальным и беспардонным"),
                      ("adj_group", "аморфный"), ("participle_character", "Сбрендивший")):
        r = _one(ep, doc, text)
        assert r["evaluative"] and r["polarity"] < 0, doc
    assert _one(ep, "adj_group", "аморфный")["actor"] == "электорат"
    assert _doc(ep, "adj_thing_control").empty


def test_measures_epithets_unlisted_labels_of_people_and_groups(round_thirteen):
    """Derogatory and praising labels of people and of groups no lexicon
    listed before round thirteen ("журналюга", the collective
    "евробюрократия"; "страстотерпцы") are evaluative nominations, blame
    negative and praise positive; "святой" is a canonisation title ("историю
    святого Антония"), neutral as "известный" is."""
    ep = round_thirteen
    for doc, text in (("label_person", "журналюга"), ("label_group", "Евробюрократия")):
        r = _one(ep, doc, text)
        assert r["kind"] == "nomination" and r["evaluative"] and r["polarity"] < 0, doc
    r = _one(ep, "label_praise", "страстотерпцам")
    assert r["evaluative"] and r["polarity"] > 0
    assert not _doc(ep, "saint_title_control")["evaluative"].any()


def test_measures_epithets_short_adjectives_read_as_participles_are_predicates(round_thirteen):
    """A masculine short adjective the tagger takes for a passive participle
    ("был жаден", "был груб", "бездарен": VERB, ``aux:pass``) is still an
    adjective predicate of its subject, a noun of people or a name (issue
    #10, round thirteen); a real short participle ("был арестован") and a
    thing's predicate ("план был бездарен") give no evaluative row."""
    ep = round_thirteen
    for doc, text, actor in (("short_predicate_role", "жаден", "директор"),
                             ("short_predicate_named", "груб", "Петров"),
                             ("short_predicate_bare", "бездарен", "министр")):
        r = _one(ep, doc, text)
        assert r["kind"] == "predicate" and r["evaluative"] and r["polarity"] < 0 and r["actor"] == actor, doc
    assert not _doc(ep, "short_participle_control")["evaluative"].any()
    assert _doc(ep, "short_thing_control").empty


def test_measures_epithets_metaphor_over_a_vice_is_blame(round_thirteen):
    """A praising metaphorical head over a domain the lexicon scores
    negative ("королём взяток", "король скандалов") is blame, negative; over a
    neutral domain ("короля рок-н-ролла") it stays praise (issue #10, round
    thirteen)."""
    ep = round_thirteen
    for doc, text in (("metaphor_vice", "королём взяток"), ("metaphor_vice_subject", "король скандалов")):
        r = _one(ep, doc, text)
        assert r["evaluative"] and r["polarity"] < 0, doc
    assert _one(ep, "metaphor_praise_control", "короля рок-н-ролла")["polarity"] > 0


round_fourteen = _epithets_of("epithets_round_fourteen_classes.conllu")


def test_measures_epithets_technical_so_called_introduces_a_term(round_fourteen):
    """"так называемый" that introduces a term — glossed in Latin script after
    a comma or in brackets ("так называемые независимые кандидаты,
    independent candidates"), or a classification holding an ordinal ("так
    называемых третьих партий") — is a neutral descriptor (issue #10, round
    fourteen); before a bare label it keeps distancing (guideline, case 13)."""
    ep = round_fourteen
    for doc, text in (("so_called_gloss", "так называемые"), ("so_called_paren", "так называемые"),
                      ("so_called_ordinal", "так называемых")):
        r = _one(ep, doc, text)
        assert r["kind"] == "adjective" and not r["evaluative"] and pd.isna(r["polarity"]), doc
    for doc, text in (("so_called_control_experts", "Так называемые"), ("so_called_control_partners", "так называемыми")):
        r = _one(ep, doc, text)
        assert r["evaluative"] and r["polarity"] < 0, doc


def test_measures_epithets_nickname_of_a_thing_is_no_actor(round_fourteen):
    """A label whose apposition after a dash is a thing noun of its number
    and case names a product, not an actor ("японский «лидер» — смартфон",
    "«корейцев» — автомобили"): no evaluative row; with a person in the
    apposition ("«лидер» — депутат") the label stays (issue #10, round
    fourteen)."""
    ep = round_fourteen
    for doc in ("thing_apposition_phone", "thing_apposition_cars"):
        assert not _doc(ep, doc)["evaluative"].any(), doc
    assert _one(ep, "thing_apposition_control", "«лидер»")["evaluative"]


def test_measures_epithets_short_adjective_is_no_label(round_fourteen):
    """A short adjective opening a question ("Опасна ли подобная затея …",
    "Вредна ли новая диета …"), which the tagger reads as a substantivised
    adjective, is a predicate, never a label of a person: no nomination row
    (issue #10, round fourteen)."""
    for doc in ("short_adjective_question", "short_adjective_question_diet"):
        assert _doc(round_fourteen, doc).query("kind == 'nomination'").empty, doc


def test_measures_epithets_prominence_is_neutral(round_fourteen):
    """"видный" states prominence, as "известный" does: a neutral adjective
    row ("видные учёные"); an adjective of character in the same place
    ("бездарные чиновники") stays evaluative (issue #10, round fourteen)."""
    r = _one(round_fourteen, "prominence", "видные")
    assert not r["evaluative"] and pd.isna(r["polarity"])
    assert _one(round_fourteen, "prominence_control", "бездарные")["evaluative"]


def test_measures_epithets_relation_noun_names_others_not_its_genitive():
    # "враги России", "сторонники партии" name others, related to the name in the genitive (fresh
    # sample s16's wrong actors: "Враги России" given to Россия); "Соратник … Иван Жданов" stays a
    # title of the name it stands beside, and "боевики ХТШ" (members) keeps its group
    import framing

    texts = ["Газета снова нашла врагов Франции внутри страны.",
             "Соратник Навального Иван Жданов уехал из страны."]
    corpus = framing.Corpus(pd.DataFrame({"doc_id": ["q0", "q1"], "text": texts, "lang": "ru", "outlet": "x"}))
    e = framing.epithets(framing.annotate(corpus, progress=False, cache=False))
    q0 = e[e["doc_id"] == "q0"]
    assert "Франция" not in set(q0["actor"]) and set(q0["actor"]) == {"враги"}
    assert q0["evaluative"].fillna(False).astype(bool).all()
    q1 = e[e["doc_id"] == "q1"]
    assert ("Жданов", "title") in set(zip(q1["actor"], q1["kind"]))


round_fifteen = _epithets_of("epithets_round_fifteen_classes.conllu")


def test_measures_epithets_offices_of_appointing_and_serving_verbs(round_fifteen):
    """An appointment or election gives its object or passive subject an
    office in the instrumental, and a verb of serving gives one to its
    subject (also the subject of a first conjunct): a neutral predicate row
    with the office's complements ("министром здравоохранения области",
    "Новым председателем комитета"); an instrumental that is no title
    ("большинством голосов") or a partner after "с" is none (issue #10,
    round fifteen; guideline: secondary predicates)."""
    ep = round_fifteen
    for doc, text, actor in (("office_appointed", "министром здравоохранения области", "Сидоров"),
                             ("office_before_verb", "Новым председателем комитета", "Крылова"),
                             ("office_serving_conj", "заместителем командира полка", "Волков")):
        r = _one(ep, doc, text)
        assert r["kind"] == "predicate" and r["actor"] == actor and not r["evaluative"], doc
    for doc in ("office_control_votes", "office_control_partner"):
        assert _doc(ep, doc).query("kind == 'predicate'").empty, doc


def test_measures_epithets_common_gender_label_opening_a_sentence(round_fifteen):
    """A noun of common gender opening a sentence, which the tagger reads as
    a name ("Растяпа оставил …", "Зануда пожаловался …"), is the negative
    label the dictionary says it is; a neutral one ("Сирота получил …") gives
    no evaluative row; "банкстеры" is a listed label (issue #10, round
    fifteen)."""
    ep = round_fifteen
    for doc, text in (("common_gender_opening", "Растяпа"), ("common_gender_opening_2", "Зануда"),
                      ("banker_label", "Банкстеры")):
        r = _one(ep, doc, text)
        assert r["kind"] == "nomination" and r["evaluative"] and r["polarity"] < 0, doc
    assert not _doc(ep, "common_gender_control")["evaluative"].any()


def test_measures_epithets_forces_in_any_position(round_fifteen):
    """"силы" placed or judged by an agreeing adjective is an armed force as
    an object or oblique too ("атаку оккупационных сил", "борьбе с
    антигосударственными силами", "позициям украинских сил"), not strength
    ("восстанавливают силы") or a participial figure ("движущих сил
    реформы") (issue #10, round fifteen)."""
    ep = round_fifteen
    for doc, text in (("forces_object", "оккупационных"), ("forces_oblique", "антигосударственными")):
        r = _one(ep, doc, text)
        assert r["actor"] == "сила" and r["evaluative"] and r["polarity"] < 0, doc
    r = _one(ep, "forces_relational", "украинских")
    assert r["actor"] == "сила" and not r["evaluative"]
    for doc in ("forces_control_strength", "forces_control_figure"):
        assert _doc(ep, doc).empty, doc


round_sixteen = _epithets_of("epithets_round_sixteen_classes.conllu")


def test_measures_epithets_collective_label_keeps_its_members_genitive(round_sixteen):
    """A collective label ("банда", "шайка") keeps the genitive plural of its
    members in its row, read by the dictionary when the tagger misses the
    noun: "банду юных угонщиков", "Шайку карманников", "Банда скинхедов"; a
    verb after it ("В банду входили …") or animals after "свора" are no
    members (issue #10, round sixteen; guideline: characterising genitive)."""
    ep = round_sixteen
    for doc, text in (("gang_genitive", "банду юных угонщиков"), ("gang_genitive_rare", "Шайку карманников"),
                      ("gang_genitive_skinheads", "Банда скинхедов")):
        r = _one(ep, doc, text)
        assert r["kind"] == "nomination" and r["evaluative"] and r["polarity"] < 0, doc
    assert _one(ep, "gang_control_verb", "банду")["kind"] == "nomination"
    assert set(_doc(ep, "gang_control_animals")["epithet"]) == {"Свора"}


def test_measures_epithets_quoted_group_nickname_and_heading_label(round_sixteen):
    """A collective label opening a quoted capitalised phrase that is its
    clause's subject is a group's nickname, not a work's title ("«Шайка в
    балаклавах» ограбила …"); as the object of a verb of showing it is a
    film's title ("показал «Банду в масках»": no row). A quoted verbless
    heading opening on a noun of common gender is a label ("«Растяпа и
    отличник»."); one of kinship nouns is no row (issue #10, round
    sixteen)."""
    ep = round_sixteen
    for doc, text in (("gang_nickname", "Шайка"), ("heading_label", "Растяпа")):
        r = _one(ep, doc, text)
        assert r["kind"] == "nomination" and r["evaluative"] and r["polarity"] < 0, doc
    assert _doc(ep, "gang_nickname_control").empty
    assert not _doc(ep, "heading_control")["evaluative"].any()


def test_measures_epithets_abbreviated_brigade_names_are_units(round_sixteen):
    """An abbreviated brigade name ("80-я ОДШБ", "116-й ОМБр") is an armed
    unit like "бригада", so an evaluative adjective on it is a row
    ("Элитная", "легендарной"); a neutral one is not flagged (issue #10,
    round sixteen; guideline: an armed force or unit is an actor)."""
    ep = round_sixteen
    for doc, text in (("unit_abbreviation", "Элитная"), ("unit_abbreviation_2", "легендарной")):
        r = _one(ep, doc, text)
        assert r["kind"] == "adjective" and r["evaluative"] and r["polarity"] > 0, doc
    assert not _doc(ep, "unit_control")["evaluative"].any()


round_eighteen = _epithets_of("epithets_round_eighteen_classes.conllu")


def test_measures_epithets_praise_adjective_standing_for_a_person(round_eighteen):
    """A praise or sympathy adjective standing alone for a person, as the
    subject or object of its clause, is a nomination (+): "ранил
    несчастную" (read also when the tagger makes it a noun), "хозяйственные
    бросились" (a word praising only as a substantive). An adjective split
    from a thing noun of its clause ("телефон хороший") or coordinated with
    attributes of a noun ("приветливую, комфортную … атмосферу"), "ответственных"
    (those in charge) and the economic term as an attribute ("Хозяйственный
    суд") are not (issue #10, round eighteen; guideline: sympathy and praise
    count as +1)."""
    ep = round_eighteen
    for doc, text in (("sympathy_substantive", "несчастную"), ("praise_substantive_listed", "хозяйственные")):
        r = _one(ep, doc, text)
        assert r["kind"] == "nomination" and r["evaluative"] and r["polarity"] > 0, doc
    for doc in ("substantive_control_thing", "substantive_control_role", "substantive_control_term",
                "substantive_control_coordinated"):
        assert not _doc(ep, doc)["evaluative"].any(), doc


def test_measures_epithets_figurative_person_labels(round_eighteen):
    """A metaphor head with the genitive of a domain is a label of a person,
    also when the tagger misreads the domain's case ("гроза шашлычек") or a
    quantifier stands before it ("укротителя всех тонированных машин"); a
    skill head with an infinitive is one too ("мастеров поболтать"). A tamer
    of animals and "Мастер спорта" keep their trade and title, and
    "укротитель" is no "укро*" label (issue #10, round eighteen; guideline:
    antonomasia)."""
    ep = round_eighteen
    for doc, text in (("metaphor_misread_domain", "гроза шашлычек"),
                      ("metaphor_quantifier", "укротителя всех тонированных машин")):
        r = _one(ep, doc, text)
        assert r["kind"] == "nomination" and r["evaluative"] and r["polarity"] < 0, doc
    r = _one(ep, "metaphor_infinitive", "мастеров поболтать")
    assert r["kind"] == "nomination" and r["evaluative"] and r["polarity"] > 0
    for doc in ("metaphor_control_tamer", "metaphor_control_title"):
        assert not _doc(ep, doc)["evaluative"].any(), doc


def test_measures_epithets_person_compound_with_a_figure(round_eighteen):
    """A hyphenated person compound whose second part likens the person to a
    figure of fiction or a creature, or is a coinage on "-завр", is a mocking
    label ("блогера-терминатора", "депутат-рыбозавр"); a trade compound
    ("Девушка-инструктор"), a cartoon's figures ("черепашек-ниндзя") and an
    animal's compound ("Собака-робот") are not (issue #10, round eighteen;
    guideline: every evaluative noun is a nomination)."""
    ep = round_eighteen
    for doc, text in (("figure_compound", "блогера-терминатора"), ("figure_compound_coinage", "депутат-рыбозавр")):
        r = _one(ep, doc, text)
        assert r["evaluative"] and r["polarity"] < 0, doc
    for doc in ("figure_control_trade", "figure_control_cartoon", "figure_control_animal"):
        assert not _doc(ep, doc)["evaluative"].any(), doc


round_nineteen = _epithets_of("epithets_round_nineteen_classes.conllu")


def test_measures_epithets_passive_declaring_participle_is_a_predicate(round_nineteen):
    """A passive participle of a declaring or naming verb gives its
    instrumental to the subject as one predicate row: a quoted word the
    dictionary does not know, which the tagger reads as a second subject
    ("был объявлен «иноагентом»"), or a plain phrase with its genitive
    ("назван лучшим вратарем турнира") (issue #10, round nineteen;
    guideline: predicate, "признан …-ым")."""
    ep = round_nineteen
    r = _one(ep, "passive_quoted", "«иноагентом»")
    assert r["kind"] == "predicate" and r["actor"] == "Смирнов" and r["evaluative"]
    assert len(_doc(ep, "passive_quoted")) == 1  # no nomination "иноагенты" beside it
    r = _one(ep, "passive_plain", "лучшим вратарем турнира")
    assert r["kind"] == "predicate" and r["actor"] == "Сидоров"
    assert len(_doc(ep, "passive_plain")) == 1


def test_measures_epithets_coordinated_copulas_give_one_predicate(round_nineteen):
    """Coordinated copulas ("была и остается", "является и будет", a copula
    coordinated after a clause) give their subject ONE predicate row, the
    whole NP with its genitive name ("союзником Москвы"), with no adjective or
    nomination rows inside it; a copula of an impersonal clause ("ему стало
    хуже"), of another subject, or with a preposition ("оказался под
    ударами") gives none (issue #10, round nineteen)."""
    ep = round_nineteen
    for doc, actor, text in (("coordinated_copula", "Сербия", "верным стратегическим союзником Москвы"),
                             ("coordinated_copula_future", "Норвегия", "надежным поставщиком"),
                             ("coordinated_copula_apart", "Карлсон", "истинным американским патриотом")):
        r = _one(ep, doc, text)
        assert r["kind"] == "predicate" and r["actor"] == actor and r["evaluative"], doc
        assert len(_doc(ep, doc)) == 1, doc
    for doc in ("control_impersonal", "control_preposition", "control_other_subject"):
        assert _doc(ep, doc).empty, doc


def test_measures_epithets_pronoun_object_of_a_naming_verb(round_nineteen):
    """A pronoun object of a naming verb is found when the parser hung it
    elsewhere ("признать ее «иностранным агентом» и отменить ее концерт") and
    stands for the nearest earlier agreeing person, not the verb's subject;
    its actor span stays the pronoun. A thing nearer than any person ("год …
    называют его худшим") or only the subject's own name leave it unresolved
    (issue #10, round nineteen; guideline: the span of a pronoun subject is
    that word)."""
    ep = round_nineteen
    r = _one(ep, "pronoun_misattached", "«иностранным агентом»")
    assert r["kind"] == "predicate" and r["mention"] == "ее" and r["actor"] != "ее" and r["evaluative"]
    r = _one(ep, "pronoun_resolved", "«настоящим защитником страны»")
    assert r["actor"] == "Гиоргадзе" and r["mention"] == "его"
    assert _one(ep, "control_pronoun_thing", "худшим в истории")["actor"] == "его"
    assert _one(ep, "control_pronoun_subject", "противоречащим Конституции")["actor"] == "его"


def test_measures_epithets_naming_predicate_keeps_its_genitive_name(round_nineteen):
    """The genitive name complementing a naming verb's instrumental stays
    inside the predicate row ("назвал Шредера главным лоббистом Кремля")
    (issue #10, round nineteen; guideline example 11)."""
    r = _one(round_nineteen, "naming_genitive_name", "главным лоббистом Кремля")
    assert r["kind"] == "predicate" and r["actor"] == "Шредер" and r["evaluative"]


round_twenty = _epithets_of("epithets_round_twenty_classes.conllu")


def test_measures_epithets_short_participle_of_quality_is_a_predicate(round_twenty):
    """A short passive participle whose full form the lexicons list as a
    quality ("коррумпированы" → "коррумпированный", "ангажированы") is an
    evaluative predicate of its subject; a participle of an event ("был
    задержан", "были арестованы") gives no predicate row (issue #10, round
    twenty; guideline: predicate)."""
    ep = round_twenty
    r = _one(ep, "short_participle", "коррумпированы")
    assert r["kind"] == "predicate" and r["actor"] == "Прокуроры" and r["evaluative"] and r["polarity"] < 0
    assert _one(ep, "short_participle_ang", "ангажированы")["evaluative"]
    assert _doc(ep, "short_participle_event").empty
    assert (_doc(ep, "short_participle_event2")["kind"] != "predicate").all()


def test_measures_epithets_coordinated_predicates_are_one_row(round_twenty):
    """Coordinated predicate adjectives are one predicate row ("был жадным и
    хитрым"); a conjunct that is a clause of its own ("непредсказуемы,
    поэтому бизнес осторожен") is not taken in (issue #10, round twenty;
    guideline: the whole predicate is one row)."""
    ep = round_twenty
    assert _one(ep, "coordinated_pred", "жадным и хитрым")["actor"] == "Он"
    assert _one(ep, "coordinated_pred2", "доброй и отзывчивой")["polarity"] > 0
    assert _one(ep, "coordinated_control", "непредсказуемы")["kind"] == "predicate"


def test_measures_epithets_collective_nouns_of_people_are_actors(round_twenty):
    """Collective nouns of a class of people ("молодёжь") are actors, so
    their adjectives are rows: evaluative ("талантливую") and neutral
    ("Российская") (issue #10, round twenty; guideline: a group of people)."""
    ep = round_twenty
    r = _one(ep, "people_group", "талантливую")
    assert r["actor"] == "молодежь" and r["evaluative"] and r["polarity"] > 0
    r = _one(ep, "people_group2", "Российская")
    assert r["kind"] == "adjective" and not r["evaluative"]


def test_measures_epithets_subject_before_u_nas(round_twenty):
    """In "X у нас ADJ" the noun before "у нас" is the subject of the
    predicate adjective, which the parser hangs elsewhere ("люди у нас
    талантливые"); a thing there gives no row ("Машина у него новая")
    (issue #10, round twenty)."""
    ep = round_twenty
    r = _one(ep, "possessor", "талантливые")
    assert r["kind"] == "predicate" and r["actor"] == "люди" and r["polarity"] > 0
    assert _doc(ep, "possessor_control").empty


def test_measures_epithets_star_of_a_domain_is_acclaim(round_twenty):
    """"Звезда" with the genitive of a domain or a quoted show is a
    metaphorical label of acclaim ("звезду спортивной журналистики",
    "звезда сериала «Универ»"); alone ("Звезды приехали") and in astronomy
    ("звезда Солнечной системы") it is no evaluation (issue #10, round
    twenty; guideline: every antonomasia)."""
    ep = round_twenty
    r = _one(ep, "star_domain", "звезду спортивной журналистики")
    assert r["kind"] == "nomination" and r["evaluative"] and r["polarity"] > 0
    assert _doc(ep, "star_show")["evaluative"].any()
    assert not _doc(ep, "star_alone")["evaluative"].any()
    assert not _doc(ep, "star_sky")["evaluative"].any()


def test_measures_epithets_model_label_opening_a_sentence(round_twenty):
    """A person noun the evaluative-word model scores as a label is a
    nomination also when it opens its sentence, where its capital says
    nothing ("Девка заявила"); a word the dictionary knows as a surname is
    no label there ("Волков заявил") (issue #10, round twenty)."""
    ep = round_twenty
    r = _one(ep, "initial_label", "Девка")
    assert r["kind"] == "nomination" and r["evaluative"] and r["polarity"] < 0
    assert _doc(ep, "initial_surname").empty


def test_measures_epithets_label_predicated_of_a_subject(round_twenty):
    """A label that is the predicate of a subject is a predicate row whose
    actor is the subject (guideline: "X — …", "стал …"): after a dash ("Он —
    педофил"), as a copula's instrumental ("стали наёмниками"), and after a
    dash the parser left unattached ("служба ЕС - подстрекатели"); a label
    that is itself the subject stays a nomination, and a dash after a clause
    introduces no predicate ("… магазины — власти": a source) (issue #10,
    round twenty, from the fresh sample s26)."""
    ep = round_twenty
    r = _one(ep, "pred_nom_dash", "педофил")
    assert r["kind"] == "predicate" and r["actor"] == "Он" and r["evaluative"]
    r = _one(ep, "pred_nom_copula", "наёмниками")
    assert r["kind"] == "predicate" and r["actor"] == "Они"
    r = _one(ep, "pred_nom_fallback", "подстрекатели")
    assert r["kind"] == "predicate" and "служба" in r["actor"].lower()
    assert _one(ep, "pred_nom_control", "Боевики")["kind"] == "nomination"
    assert (_doc(ep, "pred_nom_source")["kind"] != "predicate").all()


def test_measures_epithets_event_names_are_no_actors(round_twenty):
    """An event the name finder tags as a person or organisation ("жесткого
    Брексита", tagged PER) is no actor, so its adjectives are no rows
    (guideline: events are not actors; issue #10, round twenty, from the
    fresh sample s27)."""
    ep = round_twenty
    assert _doc(ep, "event_brexit").empty
    two = _doc(ep, "event_brexit2")
    assert two["epithet"].tolist() == ["Сторонники"] and not two["evaluative"].any()


def test_measures_epithets_spy_is_a_crime_role_and_skill_adverbs_judge_nobody(round_twenty):
    """"шпион" is a plain crime-role term like "мошенник" (guideline #5), no
    evaluation; the adverb of a skill verb grades the skill, not the person
    ("которые плохо знают русский"), while a manner adverb of a verb of
    judgement still judges ("кто плохо представляет себе реальность")
    (issue #10, round twenty, from the fresh samples s25 and s26)."""
    ep = round_twenty
    spy = _one(ep, "crime_role_spy", "шпион")
    assert spy["kind"] == "nomination" and not spy["evaluative"]
    assert not _one(ep, "skill_adverb", "которые плохо знают русский")["evaluative"]
    assert _one(ep, "skill_control", "кто плохо представляет себе реальность")["evaluative"]


def test_measures_epithets_masculine_adjective_read_as_accusative(round_twenty):
    """A masculine adjective the tagger read as an inanimate accusative
    before an animate nominative noun has the nominative's form and agrees
    with it ("формулировку радикальный исламский террорист"): its row is
    there (issue #10, round twenty, from the web development set)."""
    r = _one(round_twenty, "acc_masc_adj", "радикальный")
    assert r["kind"] == "adjective" and r["evaluative"] and r["polarity"] < 0


def test_measures_epithets_ukrainian_without_a_parse():
    """Ukrainian is read without a syntactic parse: a relative clause of an
    unnamed noun ("президент, який залишає посаду") or of "всім, хто …" is a
    row; a prepositional relative after a genitive is not ("засідання уряду,
    на якому …"); an organisation type before a quoted name is its title
    ("видання «Капітал»"); a title's genitive chain runs through a noun the
    tagger read nominative ("Міністр охорони здоров’я Максим Степанов"); a
    predicate adjective after "бути" is a row of a person subject, not of a
    thing ("Вакцина була безпечною") (session 13, from the Ukrainian
    development set uk_dev13)."""
    texts = {"rel": "За традицією, президент, який залишає посаду, має бути присутнім на інавгурації.",
             "who": "Хочу подякувати всім, хто дотримувався обмежень.",
             "prep": "Після засідання уряду, на якому затвердили угоду, міністри пішли.",
             "quoted": "Про це передає видання «Капітал».",
             "chain": "Міністр охорони здоров’я Максим Степанов нагадав про карантин.",
             "pred": "Хілларі Клінтон була дуже люб'язна.",
             "pred_thing": "Вакцина була безпечною і ефективною."}
    corpus = framing.Corpus(pd.DataFrame({"doc_id": list(texts), "outlet": "x", "lang": "uk", "title": "",
                                          "text": list(texts.values())}))
    ep = epithets(framing.annotate(corpus, progress=False))
    r = _one(ep, "rel", "який залишає посаду")
    assert r["kind"] == "relative_clause" and r["actor"] == "президент"
    assert _one(ep, "who", "хто дотримувався обмежень")["kind"] == "relative_clause"
    assert (_doc(ep, "prep")["kind"] != "relative_clause").all()
    assert _one(ep, "quoted", "видання")["kind"] == "title"
    r = _one(ep, "chain", "Міністр охорони здоров’я")
    assert r["kind"] == "title" and r["actor"] == "Степанов"
    # a predicate adjective of a person, read without a parse; none of a thing
    r = _one(ep, "pred", "дуже люб'язна")
    assert r["kind"] == "predicate" and r["actor"] == "Клінтон"
    assert _doc(ep, "pred_thing").empty


round_twentyone = _epithets_of("epithets_round_twentyone.conllu")


def test_measures_epithets_legal_designation_brands_the_outlet_before_its_bracket(round_twentyone):
    """A legal designation in brackets after a name is a predicate of that name, a quoted outlet
    the name finder missed included ("издание «Северный вестник» (признано … «иноагентом»)"), not a
    nomination standing for itself (issue #10, round twenty-one, from the fresh sample s28;
    guideline hard decision 4)."""
    ep = round_twentyone
    r = _one(ep, "brand_bracket_quoted", "«иноагентом»")
    assert r["kind"] == "predicate" and r["legal"] and r["actor"] == "Северный Вестник"
    assert _doc(ep, "brand_bracket_name").query("legal")["actor"].eq("Петров").all()


def test_measures_epithets_legal_designation_brands_the_object_of_its_verb(round_twentyone):
    """The designation a verb of branding gives goes to the verb's object, after it or before it,
    or to the noun its participle modifies, with the adjective of a two-word designation; a title
    before a name agrees with it (issue #10, round twenty-one)."""
    ep = round_twentyone
    assert _one(ep, "brand_object_after", "иноагентов")["actor"] == "Соколов"
    both = _doc(ep, "brand_object_before").query("legal")
    assert len(both) == 2 and both["actor"].eq("Козлов").all()
    assert _one(ep, "brand_participle", "иноагентом")["actor"] == "Морозов"
    r = _one(ep, "brand_title", "иноагент")
    assert r["kind"] == "title" and r["actor"] == "Волкова"


def test_measures_epithets_legal_designation_controls_keep_their_actor(round_twentyone):
    """The agent of the branding verb ("включенные Минюстом"), a class of people ("деньги
    «иноагентам»") and a designation in the genitive of another noun before a name ("гроза всех
    иноагентов Виталий Лебедев") leave the designation as its own actor (round twenty-one controls)."""
    ep = round_twentyone
    for doc, text in (("brand_agent_control", "«иноагентов»"), ("brand_class_control", "«иноагентам»"),
                      ("brand_genitive_control", "иноагентов")):
        r = _one(ep, doc, text)
        assert r["kind"] == "nomination" and r["legal"] and r["actor"] == "иноагенты", (doc, r["actor"])


def test_measures_epithets_predicate_noun_phrase_is_one_row(round_twentyone):
    """A label in "X — один из …" is a predicate of X spanning "одна из …"; the adjectives of a
    predicate label are merged into its row, which keeps the stronger evaluation ("Он — опасный
    преступник": the crime role is neutral, the adjective judges); an adjective of a label that is
    no predicate stays a row of its own (issue #10, round twenty-one; guideline: predicate)."""
    ep = round_twentyone
    r = _one(ep, "pred_one_of", "одна из самых жутких маньячек")
    assert r["kind"] == "predicate" and r["actor"] == "Петрова" and r["polarity"] < 0
    assert len(_doc(ep, "pred_one_of")) == 1
    r = _one(ep, "pred_merge_pron", "опасный преступник")
    assert r["kind"] == "predicate" and r["actor"] == "Он" and r["evaluative"] and r["polarity"] < 0
    assert _one(ep, "pred_merge", "настоящие предатели")["polarity"] < 0
    ctrl = _doc(ep, "pred_merge_control")
    assert set(ctrl["kind"]) == {"adjective", "nomination"} and len(ctrl) == 2


def test_measures_epithets_straight_quotes_and_civilians(round_twentyone):
    """A straight quote that closes the name before a title and the one that opens the name after
    it do not make the title scare-quoted ("отряда "Север" группировки "Днепр""); a word in straight
    quotes of its own still is ("героические"); "мирные граждане" is a fixed term like "мирные
    жители", no row (round twenty-one, from the fresh sample s28)."""
    ep = round_twentyone
    assert not _one(ep, "scare_straight", "группировки")["evaluative"]
    assert _one(ep, "scare_straight_control", "героические")["polarity"] < 0
    assert _doc(ep, "civilians")["epithet"].tolist() == ["Военные"]


def test_measures_epithets_state_nicknames_and_collective_west(round_twentyone):
    """A derogatory nickname of a state is an evaluative nomination of that state, quoted or not
    ("чиновников Незалежной", "«незалежной»"); the same word before a noun it agrees with is an
    evaluative adjective of that noun; "коллективный" brands "Запад" and no other noun
    (epithet_cues.tsv: state_nickname, evaluative_pair; issue #10, session 14)."""
    ep = round_twentyone
    for doc, text in (("nickname_noun", "Незалежной"), ("nickname_quoted", "«незалежной»")):
        r = _one(ep, doc, text)
        assert r["kind"] == "nomination" and r["actor"] == "Украина" and r["evaluative"] and r["polarity"] < 0
    r = _one(ep, "nickname_adj", "незалежных")
    assert r["kind"] == "adjective" and r["actor"] == "пограничник" and r["evaluative"]
    r = _one(ep, "collective_west", "коллективного")
    assert r["actor"] == "Запад" and r["evaluative"] and r["polarity"] < 0
    assert not _one(ep, "collective_control", "Коллективное")["evaluative"]


def test_measures_epithets_stance_degree_and_plain_roles(round_twentyone):
    """The degree of a stance is no judgement ("жестких сторонников", "ярый сторонник"), though
    "жесткий" of another noun is; "поджигатель" is a crime role but "поджигатель войны" a label;
    "защитники прав человека" a plain role but "защитники Отечества" praise (round twenty-one, from
    the fresh samples s28, s30, s31)."""
    ep = round_twentyone
    assert not _one(ep, "stance_degree", "жестких")["evaluative"]
    assert _one(ep, "stance_degree_control", "Жесткий")["evaluative"]
    assert not _one(ep, "crime_role_arson", "поджигателей")["evaluative"]
    assert _one(ep, "crime_role_arson_control", "поджигатель")["polarity"] < 0
    assert not _one(ep, "rights_defenders", "Защитники")["evaluative"]
    assert _one(ep, "rights_defenders_control", "Защитники")["polarity"] > 0


def test_measures_epithets_labels_said_of_someone(round_twentyone):
    """A predicate noun after a pronoun with no copula ("он ярый сторонник", "Мы не враги") and a
    label given by a verb of naming ("называет себя борцом"), regarding ("воспринимает … как
    врага") or seeing ("видят в России врага") is a predicate of the one it is said of, not a
    nomination standing for itself (round twenty-one, from the fresh samples s30, s31)."""
    ep = round_twentyone
    for doc, text, actor in (("zero_copula", "ярый сторонник", "он"), ("zero_copula_neg", "враги", "Мы"),
                             ("regard_self", "борцом", "Она"), ("regard_see_in", "врага", "Россия"),
                             ("regard_as", "врага", "цивилизация")):
        r = _one(ep, doc, text)
        assert r["kind"] == "predicate" and r["actor"] == actor, (doc, r["kind"], r["actor"])


def test_measures_epithets_country_naming_a_place_is_no_actor(round_twentyone):
    """A country governed by a preposition of place only names a place: neither its evaluative
    adjective ("в самопровозглашенной ДНР") nor its nickname ("из Незалежной") is a row (guideline:
    a country counts as an actor as a polity, not as a place; fresh samples s30, s31)."""
    ep = round_twentyone
    assert _doc(ep, "place_adjective").empty and _doc(ep, "place_nickname").empty


def test_measures_epithets_agent_is_a_role_unless_of_a_power(round_twentyone):
    """"агент" alone (a spy, a representative) is a plain role; "агент влияния" a label; "яркий" of
    a stance holder is its prominence, no judgement (round twenty-one, from the fresh samples s31,
    s33)."""
    ep = round_twentyone
    assert not _one(ep, "agent_role", "агента")["evaluative"]
    assert _one(ep, "agent_label", "агент")["polarity"] < 0
    assert not _one(ep, "stance_prominence", "ярких")["evaluative"]
