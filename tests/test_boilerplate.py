"""Outlet boilerplate: repeated sign-offs, outlet links and photo credits leave ``text``."""

from __future__ import annotations

import collections
import json
import math
import re

import pandas as pd
import pytest

from conftest import shared_path
from framing._errors import OptionError, SchemaError
from framing.boilerplate import LINE_COLUMNS, boilerplate_lines, remove_boilerplate
from framing.corpus import Corpus

# Ten invented news items; every outlet appends its own formulae to them.
NEWS = [
    "Городской совет утвердил бюджет на следующий год после долгих споров.",
    "На северной окраине открылся новый мост через реку.",
    "Учёные зафиксировали необычно тёплую погоду в декабре.",
    "Министр заявил, что цены на хлеб не вырастут.",
    "В порту задержали судно с незадекларированным грузом.",
    "Сборная выиграла отборочный матч со счётом 2:1.",
    "Профсоюз объявил забастовку водителей автобусов.",
    "В музее открылась выставка старинных карт.",
    "Суд отложил рассмотрение дела о растрате.",
    "Депутаты предложили снизить налог для фермеров.",
]


def corpus_of(rows) -> Corpus:
    return Corpus.from_frame(pd.DataFrame(rows).assign(lang="ru"))


@pytest.fixture
def two_outlets() -> Corpus:
    rows = []
    for i, news in enumerate(NEWS):
        rows.append({"doc_id": f"a{i}", "outlet": "Вестник",
                     "text": f"{news}\n{NEWS[(i + 3) % 10]}\n\n"
                             f"Главное за день\n\nЧитать нас без VPN можно здесь: bit.ly/vestnik{'' if i % 2 else '__'}"})
        rows.append({"doc_id": f"b{i}", "outlet": "Курьер",
                     "text": f"Фото: EPA\n{news} {NEWS[(i + 5) % 10]} @kurier_news"})
    # the same headline once in the other outlet: not boilerplate there
    rows.append({"doc_id": "b_extra", "outlet": "Курьер", "text": "Главное за день\nПогода испортилась к вечеру."})
    return corpus_of(rows)


def test_boilerplate_removes_repeated_lines_per_outlet(two_outlets):
    clean = remove_boilerplate(two_outlets)
    d = clean.docs.set_index("doc_id")
    assert d.loc["a0", "text"] == NEWS[0] + "\n" + NEWS[3]
    assert "Главное за день" in d.loc["a0", "boilerplate"]
    assert "Читать нас без VPN" in d.loc["a3", "boilerplate"]
    assert not d.loc[d.outlet == "Вестник", "text"].str.contains("VPN|bit.ly").any()
    # repeated in one outlet only: the other keeps it
    assert d.loc["b_extra", "text"].startswith("Главное за день")


def test_boilerplate_photo_credit_and_trailing_handle(two_outlets):
    d = remove_boilerplate(two_outlets).docs.set_index("doc_id")
    assert d.loc["b2", "text"] == NEWS[2] + " " + NEWS[7]
    assert d.loc["b2", "boilerplate"].split("\n") == ["Фото: EPA", "@kurier_news"]


def test_boilerplate_credit_needs_a_credit_shape():
    rows = [{"doc_id": "x1", "outlet": "X", "text": "Фото- или видеоподтверждений разрушения дамбы пока нет."},
            {"doc_id": "x2", "outlet": "X", "text": "На фото — новый вариант формы.\nPhoto: Reuters"},
            {"doc_id": "x3", "outlet": "X", "text": "Фото: РИА Новости / Иван Петров\nВ городе выпал снег."}]
    d = remove_boilerplate(corpus_of(rows)).docs.set_index("doc_id")
    assert d.loc["x1", "text"].startswith("Фото- или")
    assert d.loc["x2", "text"] == "На фото — новый вариант формы."
    assert d.loc["x3", "text"] == "В городе выпал снег."


def test_boilerplate_keeps_inline_outlet_links_and_teasers():
    rows = []
    for i, news in enumerate(NEWS):
        rows.append({"doc_id": f"m{i}", "outlet": "M",
                     "text": f"{news}\n{NEWS[(i + 4) % 10][:-1]}, [писали](https://t.me/mchannel/{100 + i}) мы ранее.\n\n"
                             f"❗️ [Подписывайся на M](https://t.me/mchannel)"})
    rows.append({"doc_id": "m_inline", "outlet": "M",
                 "text": "Певица [претендует](https://t.me/mchannel/5) на половину активов."})
    rows.append({"doc_id": "m_teaser", "outlet": "M",
                 "text": "Новость дня.\nКак государство возмещает разрушенные дома: https://t.me/mchannel/7"})
    d = remove_boilerplate(corpus_of(rows)).docs.set_index("doc_id")
    assert d.loc["m_inline", "text"] == "Певица [претендует](https://t.me/mchannel/5) на половину активов."
    assert d.loc["m_teaser", "text"].endswith("https://t.me/mchannel/7")
    assert d.loc["m1", "text"].endswith("(https://t.me/mchannel/101) мы ранее.")
    assert d.loc["m1", "boilerplate"] == "❗️ [Подписывайся на M](https://t.me/mchannel)"


def test_boilerplate_thresholds_and_long_lines():
    long_line = ("Это длинное предложение из более чем двадцати пяти слов повторяется во многих сообщениях "
                 "одного и того же канала потому что канал публикует одну и ту же историю много раз подряд.")
    rows = [{"doc_id": f"d{i}", "outlet": "Z", "text": f"{NEWS[i]}\n{long_line}"
             + ("\nРедкая строка в двух постах." if i < 2 else "")} for i in range(10)]
    c = corpus_of(rows)
    d = remove_boilerplate(c).docs
    assert d["text"].str.contains("длинное предложение").all()
    assert d["text"].str.contains("Редкая строка").sum() == 2
    # with a lower bar the rare line is boilerplate, and a high max_words takes the long line too
    d2 = remove_boilerplate(c, min_docs=2, min_share=0.1, max_words=60).docs
    assert not d2["text"].str.contains("Редкая строка|длинное предложение").any()


def test_boilerplate_exact_reposts_count_once():
    rows = [{"doc_id": f"r{i}", "outlet": "R", "text": "Один и тот же пост.\nС той же строкой."} for i in range(6)]
    rows += [{"doc_id": f"s{i}", "outlet": "R", "text": NEWS[i]} for i in range(4)]
    d = remove_boilerplate(corpus_of(rows)).docs
    assert d.loc[d.doc_id == "r0", "text"].item() == "Один и тот же пост.\nС той же строкой."


def test_boilerplate_lines_table(two_outlets):
    t = boilerplate_lines(two_outlets)
    assert list(t.columns) == LINE_COLUMNS
    row = t[(t.outlet == "Вестник") & (t.line == "Главное за день")].iloc[0]
    assert row.docs == 10 and row.share == pytest.approx(1.0) and row.reason == "repeated"
    assert set(t.reason) <= {"repeated", "outlet link", "photo credit", "sign-off"}
    assert (t[t.outlet == "Курьер"].line == "Фото: EPA").any()


def test_boilerplate_immutable_deterministic_and_recorded(two_outlets):
    before = two_outlets.docs.copy()
    a = remove_boilerplate(two_outlets)
    b = remove_boilerplate(two_outlets)
    pd.testing.assert_frame_equal(two_outlets.docs, before)
    assert a == b and a.docs["boilerplate"].equals(b.docs["boilerplate"])
    assert a.meta["steps"][-1].startswith("remove_boilerplate(")
    # keep_in=None keeps nothing; a second pass appends to the column
    assert "boilerplate" not in remove_boilerplate(two_outlets, keep_in=None).docs
    again = remove_boilerplate(a, min_docs=2, min_share=0.1)
    assert again.docs["boilerplate"].str.len().ge(a.docs["boilerplate"].str.len()).all()


def test_boilerplate_untouched_documents_stay_identical(two_outlets):
    clean = remove_boilerplate(two_outlets, credits=False, signoffs=False, links=False)
    d0, d1 = two_outlets.docs.set_index("doc_id"), clean.docs.set_index("doc_id")
    assert d1.loc["b_extra", "text"] == d0.loc["b_extra", "text"]
    assert d1.loc["b0", "text"] == NEWS[0] + " " + NEWS[5] + " @kurier_news"  # only the repeated credit
    one = corpus_of([{"doc_id": "u", "outlet": "U", "text": "Фото: Reuters\nТекст."}])
    assert remove_boilerplate(one, credits=False).docs.loc[0, "text"] == "Фото: Reuters\nТекст."


def test_boilerplate_options_and_empty_corpus(two_outlets):
    with pytest.raises(OptionError, match="min_share"):
        remove_boilerplate(two_outlets, min_share=0)
    with pytest.raises(SchemaError, match="no such column"):
        remove_boilerplate(two_outlets, by="channel")
    with pytest.raises(SchemaError):
        remove_boilerplate(two_outlets, keep_in="text")
    empty = Corpus(pd.DataFrame({"doc_id": [], "text": [], "lang": []}))
    assert len(remove_boilerplate(empty)) == 0
    assert list(boilerplate_lines(empty).columns) == LINE_COLUMNS


# --- the real Telegram sample ------------------------------------------------------

def _telegram_raw() -> Corpus:
    rows = []
    for f in sorted(shared_path("telegram_ru_2024", "raw").glob("*.json")):
        for m in json.loads(f.read_text(encoding="utf-8")):
            rows.append({"doc_id": f"{m['sender_id']}/{m['message_id']}", "outlet": m["channel"],
                         "published": m["date"], "text": m["text"] or "", "lang": "ru"})
    return Corpus(pd.DataFrame(rows))


def _distinctive(corpus: Corpus, a: str, b: str, n: int = 30) -> list[str]:
    d = corpus.docs

    def counts(prefix):
        c = collections.Counter()
        for t in d.loc[d.outlet.str.startswith(prefix), "text"]:
            c.update(re.findall(r"[^\W\d_]+", t.lower()))
        return c

    ca, cb = counts(a), counts(b)
    na, nb = sum(ca.values()), sum(cb.values())
    score = {w: math.log((ca[w] + 1) / na) - math.log((cb[w] + 1) / nb) for w in ca if ca[w] >= 20}
    return sorted(score, key=lambda w: (-score[w], w))[:n]


@pytest.mark.slow
def test_boilerplate_telegram_sample_bbc_signoffs_removed():
    raw = _telegram_raw()
    clean = remove_boilerplate(raw)
    d0, d1 = raw.docs, clean.docs
    bbc0, bbc1 = d0[d0.outlet.str.startswith("BBC")], d1[d1.outlet.str.startswith("BBC")]
    assert bbc0.text.str.contains("VPN").mean() > 0.5
    assert bbc1.text.str.contains("VPN").mean() < 0.03
    assert not bbc1.text.str.contains("bit.ly/bbcrussian").any()
    assert bbc1.boilerplate.str.contains("Читать нас без VPN").mean() > 0.5
    # other outlets' sign-offs and handles
    for outlet, formula in [("SHOT", "Подписывайся на SHOT"), ("Mash", "Подписывайся на Mash"),
                            ("Банкста", "@banksta")]:
        before = d0[d0.outlet == outlet].text.str.contains(formula, regex=False).mean()
        after = d1[d1.outlet == outlet].text.str.contains(formula, regex=False).mean()
        assert before > 0.5 and after < 0.02, (outlet, before, after)
    # BBC's distinctive words against RIA are no longer link fragments and "vpn"
    top0, top1 = _distinctive(raw, "BBC", "РИА"), _distinctive(clean, "BBC", "РИА")
    assert "vpn" in top0 and "bit" in top0 + _distinctive(raw, "BBC", "РИА", 100)
    assert not {"vpn", "bit", "ly", "bbcrussian", "читать"} & set(top1)
    # content stays: BBC keeps its hedge about unverifiable claims
    hedge = "не может их независимо подтвердить"
    assert bbc1.text.str.contains(hedge).sum() == bbc0.text.str.contains(hedge).sum() > 0


@pytest.mark.slow
def test_boilerplate_telegram_sample_via_read_telegram():
    import warnings

    import framing

    path = shared_path("telegram_ru_2024", "raw")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        c = framing.read_telegram(path)
    clean = remove_boilerplate(c)
    d = clean.docs
    bbc = d[d.outlet.str.startswith("BBC")]
    assert bbc.text.str.lower().str.contains("vpn").mean() < 0.03
    assert "vpn" not in _distinctive(clean, "BBC", "РИА")
    assert len(clean) == len(c)
