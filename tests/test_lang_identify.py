"""framing.lang.identify: rule-based language identification."""

from __future__ import annotations

import collections

import pytest

from conftest import shared_path
from framing.lang.identify import detect_language, detect_languages

CASES = [
    # Russian
    ("Министерство обороны сообщило, что учения завершились в пятницу.", "ru"),
    ("Власти пообещали восстановить электроснабжение к вечеру.", "ru"),
    ("Это уже третья попытка за год", "ru"),
    ("Заявление МИД России о ситуации в Сирии", "ru"),
    ("Срочно!", "ru"),
    # Ukrainian, including texts without і/ї/є/ґ in places
    ("Міністерство оборони повідомило, що навчання завершилися у п'ятницю.", "uk"),
    ("Влада пообіцяла відновити електропостачання до вечора.", "uk"),
    ("Це вже третя спроба за рік", "uk"),
    ("Зеленський заявив", "uk"),
    ("Проведення навчання", "uk"),
    ("Заява МЗС України щодо ситуації в Сирії", "uk"),
    ("Ще одна новина", "uk"),
    ("Сьогодні", "uk"),
    # English
    ("The ministry said the exercises ended on Friday.", "en"),
    ("Breaking: parliament votes on budget", "en"),
    # others, only when clear
    ("Гэта беларуская мова, і ў ёй ёсць свае літары.", "be"),
    ("Това е българският език, който се използва във страната.", "bg"),
    ("Der Präsident sagte, dass die Gespräche weitergehen.", "de"),
    ("Le président a dit que les négociations continuent.", "fr"),
    ("Η κυβέρνηση ανακοίνωσε νέα μέτρα.", "el"),
    # nothing to go on
    ("", "und"),
    ("12:30 — 15:00", "und"),
    ("🔥🔥🔥", "und"),
]


@pytest.mark.parametrize("text,lang", CASES)
def test_lang_identify_cases(text, lang):
    assert detect_language(text) == lang


def test_lang_identify_urls_and_mentions_ignored():
    # a Russian post whose links are long Latin URLs
    post = ("Подробности по ссылке https://example.com/very/long/english/path/with/many/words/inside "
            "и в канале @some_english_channel_name")
    assert detect_language(post) == "ru"
    assert detect_language("Дивіться відео: https://youtube.com/watch?v=abcdef") == "uk"


def test_lang_identify_mixed_scripts():
    assert detect_language("Компания Apple представила новый iPhone 16 Pro Max на презентации") == "ru"
    assert detect_language("Компанія Apple представила новий iPhone 16 Pro Max на презентації") == "uk"
    assert detect_language("The word 'спасибо' means thank you in Russian, and people say it often.") == "en"


def test_lang_identify_ukrainian_with_russian_quote_stays_ukrainian():
    text = ("Речник міністерства заявив, що позиція України не змінилася. "
            "Раніше у Москві заявили: «Мы не видим оснований». "
            "Він додав, що переговори можливі лише після виведення військ.")
    assert detect_language(text) == "uk"


def test_lang_identify_many():
    assert detect_languages(["Київ і Москва", "Good morning, everyone, and welcome", None]) == ["uk", "en", "und"]


def test_lang_identify_bsnlp_accuracy():
    root = shared_path("bsnlp2021")
    gold, pred = [], []
    for f in sorted(root.glob("*/raw/*/*.txt")):
        lines = f.read_text(encoding="utf-8-sig").splitlines()
        gold.append(f.parent.name)
        pred.append(detect_language("\n".join(lines[4:])))
    assert len(gold) > 1000
    acc = sum(g == p for g, p in zip(gold, pred)) / len(gold)
    per = collections.Counter(g for g, p in zip(gold, pred) if g != p)
    assert acc >= 0.99, f"accuracy {acc:.4f}, errors per gold language {dict(per)}"


def test_lang_identify_other_scripts_and_quotes():
    assert detect_language("서울에서 열린 회의에서 대통령은 새로운 정책을 발표했다") == "ko"
    assert detect_language("東京で会議が開かれました") == "ja"
    # a Russian post quoting a Korean phrase is still Russian
    assert detect_language("Ставь лайк, если выучил фразу 만나서 반가워요 만나서 반가워요 с первого раза") == "ru"
