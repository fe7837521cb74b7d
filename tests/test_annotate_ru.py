"""Russian backend: hand-built gold lemmas and entity normal forms, offsets, rules, speed paths."""

from __future__ import annotations

import csv

import pytest

from framing.annotate._backend import normalize_layers
from framing.lang import ru as rules

pytest.importorskip("slovnet")
pytest.importorskip("pymorphy3")

from framing.annotate.ru import RussianBackend  # noqa: E402


def _rows(data_dir, name):
    with open(data_dir / "annotate" / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


@pytest.fixture(scope="module")
def backend():
    return RussianBackend().load()


@pytest.fixture(scope="module")
def lemma_rows(data_dir):
    return _rows(data_dir, "ru_lemmas.tsv")


def test_annotate_ru_lemmas_match_gold(backend, lemma_rows):
    res = backend.annotate_texts([r["sentence"] for r in lemma_rows], layers=normalize_layers(None))
    wrong = []
    for r, (tok, _) in zip(lemma_rows, res):
        got = [lem for form, lem in zip(tok["text"], tok["lemma"]) if form == r["form"]]
        if not got or got[0] != r["lemma"]:
            wrong.append((r["form"], r["sentence"], r["lemma"], got))
    assert not wrong, wrong


def test_annotate_ru_entity_normal_forms_match_gold(backend, data_dir):
    rows = _rows(data_dir, "ru_entities.tsv")
    res = backend.annotate_texts([r["sentence"] for r in rows], layers=normalize_layers(None))
    wrong = []
    for r, (_, ent) in zip(rows, res):
        got = [(n, t) for text, n, t in zip(ent["text"], ent["normal"], ent["type"]) if text == r["mention"]]
        if not got or got[0] != (r["normal"], r["type"]):
            wrong.append((r["mention"], r["normal"], list(zip(ent["text"], ent["normal"]))))
    assert not wrong, wrong


def test_annotate_ru_offsets_point_into_the_text(backend):
    text = "  Пресс-секретарь Кремля Дмитрий Песков заявил:\n\n«Это неприемлемо». 5,5 млн руб. — много?! "
    (tok, ent), = backend.annotate_texts([text], layers=normalize_layers(None))
    assert tok["text"], "no tokens"
    for s, e, t in zip(tok["start"], tok["end"], tok["text"]):
        assert text[s:e] == t
    for s, e, t in zip(ent["start"], ent["end"], ent["text"]):
        assert text[s:e] == t
    # sentence and token ids are 1-based and heads stay inside the sentence
    assert min(tok["sent_id"]) == 1 and min(tok["tok_id"]) == 1
    sizes = {}
    for sid in tok["sent_id"]:
        sizes[sid] = sizes.get(sid, 0) + 1
    assert all(0 <= h <= sizes[s] for h, s in zip(tok["head"], tok["sent_id"]))
    assert sum(h == 0 for h in tok["head"]) == len(sizes)


def test_annotate_ru_lemma_only_layer_has_no_tags(backend):
    (tok, ent), = backend.annotate_texts(["Песков заявил журналистам о БПЛА."],
                                         layers=normalize_layers(("lemma",)))
    assert tok["lemma"][:3] == ["Песков", "заявить", "журналист"]
    assert set(tok["upos"]) == {"_"} and set(tok["head"]) == {-1}
    assert ent["text"] == []
    assert "БПЛА" in tok["lemma"]


def test_annotate_ru_gold_tokens_keep_the_given_words(backend):
    out = backend.annotate_tokens([["Песков", "заявил", "это", "."], ["В", "2014", "г.", "."]],
                                  layers=normalize_layers(None))
    assert out[0]["lemma"] == ["Песков", "заявить", "это", "."]
    assert out[1]["lemma"][2] == "год"
    assert len(out[1]["head"]) == 4 and out[0]["upos"][1] == "VERB"


def test_annotate_ru_fast_inference_matches_slovnet(backend):
    sents = [["Песков", "заявил", ",", "что", "Путин", "встретится", "с", "главой", "МУС", "."],
             ["Кот", "спит", "."], ["Над", "областью", "сбили", "три", "беспилотника", "."]]
    res = backend._models.run(sents, ["morph", "syntax"])
    morph = list(backend._models.get("morph").map(sents))
    syntax = list(backend._models.get("syntax").map(sents))
    for i in range(len(sents)):
        tags = [res["morph_vocab"].items[x].split("|")[0] for x in res["morph"][i].tolist()]
        assert tags == [t.pos for t in morph[i].tokens]
        assert res["syntax"][i][0].tolist() == [int(t.head_id) for t in syntax[i].tokens]


def test_annotate_ru_rules_abbreviations_and_names():
    assert rules.abbreviation_lemma("БПЛА") == "БПЛА"
    assert rules.abbreviation_lemma("МИДа") == "МИД"
    assert rules.abbreviation_lemma("Москва") is None
    assert rules.indeclinable_name("Бейонсе", "Gen")
    assert not rules.indeclinable_name("Лондоне", "Loc")
    assert not rules.indeclinable_name("Зеленского", "Gen")
    assert rules.guess_name_lemma("Андерлехта", "Masc", "Gen") == "Андерлехт"
    assert rules.guess_name_lemma("Каролем", "Masc", "Ins") == "Кароль"
    assert rules.guess_name_lemma("Громовой", "Fem", "Dat") == "Громова"
    assert rules.adjective_lemma("Кубанскому") == "Кубанский"
    assert rules.spelling_variant("предгорие", "предгорьях") == "предгорье"
    assert rules.yo_to_e("Ёлка ещё") == "Елка еще"
    assert rules.strip_stress("сказа\u0301л") == "сказал"
    assert rules.strip_stress("й") == "й"
    assert rules.ordinal_lemma("1990-х") == "1990-й"


def test_annotate_ru_backend_version_names_models(backend):
    v = backend.version()
    assert "slovnet" in v and "pymorphy3" in v and "models=" in v
    caps = {r["layer"]: r for r in backend.capabilities()}
    assert set(caps) == {"tokens", "lemma", "upos", "feats", "syntax", "ner"}
    assert all(r["available"] for r in caps.values())


def test_annotate_ru_never_imports_pymorphy2(backend):
    import sys
    backend.annotate_texts(["Проверка."], layers=normalize_layers(None))
    assert not any(m == "pymorphy2" or m.startswith("pymorphy2.") for m in sys.modules)


def test_annotate_ru_parse_cycles_are_broken():
    from framing.annotate.ru import break_cycles

    heads, rels = [2, 0, 2, 6, 4, 5], ["nsubj", "root", "obj", "amod", "nmod", "conj"]
    break_cycles(heads, rels)
    assert heads == [2, 0, 2, 2, 4, 5] and rels[3] == "dep"
    # every word now reaches the root
    for i in range(len(heads)):
        seen, j = set(), i
        while heads[j] != 0:
            assert j not in seen
            seen.add(j)
            j = heads[j] - 1


def test_annotate_ru_emoji_stuck_to_a_word_do_not_hide_it(backend):
    # Telegram style: the emoji stays in the token's text, the word is analysed without it
    text = "❗️Шесть человек погибли. 🔻Украинская армия отступила, сообщил 👉Песков."
    for layers in (("lemma",), ("lemma", "morph")):
        (tok, _ent), = backend.annotate_texts([text], layers=normalize_layers(layers))
        got = dict(zip(tok["text"], tok["lemma"]))
        assert got["❗️Шесть"] == "шесть" and got["🔻Украинская"] == "украинский" and got["👉Песков"] == "Песков"
        for s, e, t in zip(tok["start"], tok["end"], tok["text"]):
            assert text[s:e] == t
    assert dict(zip(tok["text"], tok["upos"]))["🔻Украинская"] == "ADJ"


def test_annotate_ru_lemma_only_keeps_adjectives_of_place_lowercase(backend):
    # pymorphy3 marks "украинский" Geox; it is an adjective, not a name, in both modes
    for layers in (("lemma",), ("lemma", "morph")):
        (tok, _ent), = backend.annotate_texts(["Украинская делегация и украинская армия."],
                                              layers=normalize_layers(layers))
        assert [l for t, l in zip(tok["text"], tok["lemma"]) if t.lower() == "украинская"] == ["украинский"] * 2


def test_annotate_ru_numbers_do_not_fill_the_lemma_caches():
    """Forms with a digit are lemmatised by their rule and never cached: a corpus's numbers (dates,
    figures, codes) keep growing with its size, words do not."""
    from framing.annotate.ru_lemmatizer import RussianLemmatizer
    lem = RussianLemmatizer()
    words = ["В", "2024-м", "году", "погибли", "12", "человек", "№", "12345", "Ту-154", "5-й"]
    out = lem.lemmas_untagged(words)
    assert out[1] == "2024-м" and out[4] == "12" and out[7] == "12345" and out[2] == "год"
    assert lem.lemma("1990-х", "ADJ", {}) == lem.lemma("1990-х", "ADJ", {})
    cached = set(lem._mid_cache) | set(lem._fast_cache) | set(lem._fast_cache_cap) | {k[0] for k in lem._cache}
    assert "году" in lem._mid_cache                     # words are cached
    assert not any(ch.isdigit() for w in cached for ch in w)


def test_annotate_ru_headline_without_full_stop_is_its_own_sentence(backend):
    """A line break ends a sentence when the next line starts as a sentence does (a headline
    without a full stop, list items); a break before a lower-case word (a link anchor lost in a web
    text) and a colon before a quotation on the next line keep the sentence whole
    (``_backend.line_blocks``)."""
    def sentences(text):
        (tok, _ent), = backend.annotate_texts([text], layers=normalize_layers(None))
        by = {}
        for sid, s, e in zip(tok["sent_id"], tok["start"], tok["end"]):
            a, b = by.get(sid, (s, e))
            by[sid] = (min(a, s), max(b, e))
        return [text[a:b] for _sid, (a, b) in sorted(by.items())]
    assert sentences("Главное к утру среды\n\nПрезидент Южной Кореи ввёл военное положение.") == \
        ["Главное к утру среды", "Президент Южной Кореи ввёл военное положение."]
    assert sentences("Вы узнаете:\n— Последние наработки\n— Тренды") == \
        ["Вы узнаете:", "— Последние наработки", "— Тренды"]
    assert len(sentences("Об этом сообщает\n\nагентство Associated Press.")) == 1
    assert len(sentences("Глава республики написал:\n\n«От гриппа вакцинация помогает».")) == 1
