"""razdel_fast: the same sentences and tokens as razdel, on hand-picked cases and real news."""

from __future__ import annotations

import json

import pytest

razdel = pytest.importorskip("razdel")

from framing.annotate.razdel_fast import sentences, tokenize  # noqa: E402

# each case exercises one of razdel's rules (or several)
TOKEN_CASES = ["5, 6 и 7", "a -b", "cho -to", "1 /2", "x_ y", "Yahoo! да", "т.е. так", "A- b", "—да",
               "…?! ой:) ок", "https://bbc.in/4g96wyS)", "США-2024, 3,5%", "«Слово» — (это) 1/2", "a- -b",
               "1. 2", "1 .2", "-", "a-", "-a", "1,", ",1", "x__y z", "3/ 4", "3 /4", "a/-b", "::)", ":-)))",
               "ab™c", "™ ™a", "Yahoo!!", "--a", "a--", "*** x", "…!", "?!..", "🔻Украинская армия", ""]

SENTENCE_CASES = [
    "Путин заявил. Песков добавил.",                      # a plain split
    "Это т. е. так. Дальше.",                             # pair abbreviation
    "Встреча в г. Москве прошла. Всё.",                   # abbreviation before a name
    "Выступил А. С. Пушкин. Потом Н. В. Гоголь.",         # initials
    "1. Первое. 2) Второе.",                              # list bullets
    "Он сказал: «Нет.» И ушёл.",                          # a closing quote after the full stop
    "Он сказал «нет». И ушёл.",
    "Итак (см. выше). Далее.",                            # a bracket
    "Он спросил: \"Кто?\" Никто не ответил.",           # generic quotes
    "Смешно :) Правда.",                                  # a smiley
    "Итак... — сказал он. Конец.",                        # a dash before a lower-case word
    "В 2024 г. было так. И т.д. и т.п. Конец.",
    "Цена 5 руб. за штуку. Дешево!",
    "Что? Где? Когда?",
    "   Пробелы вокруг.   И тут.   ",
    "Без точки в конце",
    "",
]


@pytest.mark.parametrize("text", TOKEN_CASES)
def test_annotate_razdel_fast_tokens_match_razdel(text):
    assert tokenize(text) == [(t.start, t.stop, t.text) for t in razdel.tokenize(text)]


@pytest.mark.parametrize("text", SENTENCE_CASES)
def test_annotate_razdel_fast_sentences_match_razdel(text):
    assert sentences(text) == [(s.start, s.stop) for s in razdel.sentenize(text) if s.text]


def test_annotate_razdel_fast_offsets_shift_by_base():
    assert tokenize("да, нет", 10) == [(10, 12, "да"), (12, 13, ","), (14, 17, "нет")]


@pytest.mark.slow
def test_annotate_razdel_fast_matches_razdel_on_real_news():
    from conftest import shared_path
    folder = shared_path("telegram_ru_2024", "raw")
    texts = []
    for f in sorted(folder.glob("*.json")):
        texts += [p["text"] for p in json.loads(f.read_text(encoding="utf-8")) if p.get("text")][:400]
    assert len(texts) > 1000
    for t in texts:
        assert sentences(t) == [(s.start, s.stop) for s in razdel.sentenize(t) if s.text]
        assert tokenize(t) == [(x.start, x.stop, x.text) for x in razdel.tokenize(t)]
