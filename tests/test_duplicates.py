"""find_duplicates / drop_duplicates: exact and near copies, within and across outlets."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from framing._errors import OptionError, SchemaError
from framing.corpus import Corpus
from framing.duplicates import (PAIR_COLUMNS, _bands, _lsh_candidates, _permutations, _shingles, _signatures,
                                _words, drop_duplicates, find_duplicates)

# An invented agency report of 16 sentences (about 190 words).
REPORT = [
    "Городской совет Заречинска утвердил бюджет на следующий год после долгих споров.",
    "Расходы на ремонт дорог вырастут почти на треть, сообщили в финансовом управлении.",
    "Оппозиционные депутаты голосовали против, назвав документ нереалистичным.",
    "По их словам, доходы города завышены, а долги перед подрядчиками не учтены.",
    "Мэр ответил, что бюджет составлен с запасом прочности и будет исполнен.",
    "Отдельной строкой выделены деньги на новый мост через реку Заречку.",
    "Строительство моста должно завершиться к осени, если не подведут поставщики.",
    "Жители северной окраины давно просили построить переправу ближе к их домам.",
    "Зарплаты учителей и врачей будут проиндексированы с первого января.",
    "На поддержку малого бизнеса выделено вдвое меньше, чем в прошлом году.",
    "Предприниматели уже направили в совет открытое письмо с просьбой пересмотреть решение.",
    "Глава комиссии по бюджету пообещал вернуться к этому вопросу весной.",
    "Общественные слушания по проекту прошли в октябре и собрали около двухсот человек.",
    "Большинство выступавших говорили о транспорте и ценах на проезд.",
    "Стоимость проезда в автобусах пока решено не повышать.",
    "Окончательный текст бюджета опубликуют на сайте городской администрации.",
]
REPRINT_FIRST = "Депутаты Заречинска после бурного обсуждения приняли главный финансовый документ года."
OTHER = [
    "Сборная области выиграла отборочный матч со счётом два один и вышла в финал турнира.",
    "В музее открылась выставка старинных карт из частной коллекции местного краеведа.",
    "Синоптики обещают тёплую погоду до конца недели и дожди в выходные.",
    "Профсоюз водителей автобусов объявил о забастовке с понедельника.",
]
# the same report in Ukrainian: a translation is not a copy
REPORT_UK = ("Міська рада Заречинська затвердила бюджет на наступний рік після довгих суперечок. "
             "Витрати на ремонт доріг зростуть майже на третину, повідомили у фінансовому управлінні. "
             "Опозиційні депутати голосували проти, назвавши документ нереалістичним.")


def corpus(rows) -> Corpus:
    df = pd.DataFrame(rows)
    if "lang" not in df:
        df["lang"] = "ru"
    return Corpus(df)


@pytest.fixture
def news() -> Corpus:
    original = " ".join(REPORT)
    reprint = " ".join([REPRINT_FIRST] + REPORT[1:])
    rows = [
        {"doc_id": "agency-1", "outlet": "Вестник", "published": "2024-12-01T09:00:00Z", "text": original},
        {"doc_id": "site-7", "outlet": "Курьер", "published": "2024-12-01T11:30:00Z", "text": reprint},
        {"doc_id": "site-8", "outlet": "Курьер", "published": "2024-12-01T12:00:00Z",
         "text": original.upper().replace(".", "!")},  # exact after normalisation
        {"doc_id": "uk-1", "outlet": "Думка", "published": "2024-12-01T10:00:00Z", "text": REPORT_UK, "lang": "uk"},
        {"doc_id": "empty-1", "outlet": "Курьер", "published": None, "text": ""},
        {"doc_id": "empty-2", "outlet": "Курьер", "published": None, "text": " … "},
    ]
    rows += [{"doc_id": f"other-{i}", "outlet": "Вестник", "published": f"2024-12-0{i + 2}", "text": t}
             for i, t in enumerate(OTHER)]
    return corpus(rows)


def test_duplicates_reprint_with_changed_first_sentence_found(news):
    pairs = find_duplicates(news)
    assert list(pairs.columns) == PAIR_COLUMNS
    got = {(a, b): (k, e) for a, b, k, e in zip(pairs.doc_id_a, pairs.doc_id_b, pairs.kind, pairs.earlier)}
    assert got[("agency-1", "site-7")] == ("near", "agency-1")
    assert got[("agency-1", "site-8")] == ("exact", "agency-1")
    assert got[("site-7", "site-8")] == ("near", "site-7")
    row = pairs[(pairs.doc_id_a == "agency-1") & (pairs.doc_id_b == "site-7")].iloc[0]
    assert 0.8 <= row.similarity < 1 and abs(row.estimate - row.similarity) < 0.15
    assert row.outlet_a == "Вестник" and row.outlet_b == "Курьер"


def test_duplicates_unrelated_translated_and_empty_not_paired(news):
    pairs = find_duplicates(news, threshold=0.3)
    ids = set(pairs.doc_id_a) | set(pairs.doc_id_b)
    assert not ids & {"uk-1", "empty-1", "empty-2", "other-0", "other-1", "other-2", "other-3"}
    assert (pairs.similarity >= 0.3).all()


def test_duplicates_within_and_across_outlets(news):
    across = find_duplicates(news, within_outlet=False)
    assert (across.outlet_a != across.outlet_b).all() and len(across) == 2
    within = find_duplicates(news, across_outlets=False)
    assert within[["doc_id_a", "doc_id_b"]].values.tolist() == [["site-7", "site-8"]]
    with pytest.raises(OptionError, match="nothing to compare"):
        find_duplicates(news, within_outlet=False, across_outlets=False)


def test_duplicates_deterministic_for_a_seed(news):
    a, b = find_duplicates(news, seed=7), find_duplicates(news, seed=7)
    pd.testing.assert_frame_equal(a, b)
    c = find_duplicates(news, seed=8)
    assert a[["doc_id_a", "doc_id_b"]].equals(c[["doc_id_a", "doc_id_b"]])
    assert np.allclose(a.similarity, c.similarity)


def test_duplicates_signatures_are_datasketch_minhash():
    from datasketch import MinHash

    toks = [_words(" ".join(REPORT))]
    h, own = _shingles(toks, 5, {})
    a, b = _permutations(64, 3)
    sig = _signatures(h, own, 1, a, b)[0]
    m = MinHash(num_perm=64, seed=3, scheme="affine32", hashfunc=lambda x: x)
    m.update_batch(h.astype(np.uint32).tolist())
    assert np.array_equal(m.hashvalues, sig)


def test_duplicates_banding_matches_datasketch_lsh():
    from datasketch import LeanMinHash, MinHashLSH

    rng = np.random.default_rng(0)
    base = rng.integers(0, 2**32, size=(40, 128), dtype=np.uint64).astype(np.uint32)
    sig = base.copy()
    sig[1::2] = base[0::2]  # pairs sharing everything
    sig[5, :64] = base[9, :64]  # half shared: some bands agree
    cand = _lsh_candidates(sig, 0.8, 128, 1)
    lsh = MinHashLSH(num_perm=128, params=_bands(0.8, 128))
    for i, row in enumerate(sig):
        lsh.insert(i, LeanMinHash(seed=1, hashvalues=row, scheme="affine32"))
    expected = sorted({(min(i, j), max(i, j)) for i, row in enumerate(sig)
                       for j in lsh.query(LeanMinHash(seed=1, hashvalues=row, scheme="affine32")) if j != i})
    assert cand == expected and (4, 5) in cand


def test_duplicates_short_texts_and_shingle_size():
    c = corpus([{"doc_id": "a", "outlet": "X", "text": "Взрыв в порту."},
                {"doc_id": "b", "outlet": "Y", "text": "ВЗРЫВ В ПОРТУ!"},
                {"doc_id": "c", "outlet": "Y", "text": "Взрыв в аэропорту."}])
    pairs = find_duplicates(c)
    assert pairs[["doc_id_a", "doc_id_b", "kind"]].values.tolist() == [["a", "b", "exact"]]
    assert pd.isna(pairs.loc[0, "earlier"])  # no dates: no original known


def test_duplicates_empty_corpus_and_bad_input():
    empty = Corpus(pd.DataFrame({"doc_id": [], "text": [], "lang": []}))
    pairs = find_duplicates(empty)
    assert pairs.empty and list(pairs.columns) == PAIR_COLUMNS
    with pytest.raises(OptionError, match="threshold"):
        find_duplicates(empty, threshold=0)
    with pytest.raises(OptionError, match="shingle"):
        find_duplicates(empty, shingle=0)
    with pytest.raises(SchemaError, match="Corpus"):
        find_duplicates(pd.DataFrame({"text": ["x"]}))


def test_duplicates_drop_keeps_earliest(news):
    before = news.docs.copy()
    kept = drop_duplicates(news)
    pd.testing.assert_frame_equal(news.docs, before)
    d = kept.docs.set_index("doc_id")
    assert "site-7" not in d.index and "site-8" not in d.index
    assert d.loc["agency-1", "duplicates"] == "site-7 site-8"
    assert d.loc["other-0", "duplicates"] == ""
    assert kept.meta["steps"][-1].startswith("drop_duplicates(keep='earliest'")
    assert len(kept) == len(news) - 2


def test_duplicates_drop_with_given_pairs_and_keep_first(news):
    pairs = find_duplicates(news)
    exact_only = drop_duplicates(news, pairs[pairs.kind == "exact"])
    assert set(news.docs.doc_id) - set(exact_only.docs.doc_id) == {"site-8"}
    rows = news.docs.iloc[::-1].reset_index(drop=True)  # the reprint now comes first
    rev = Corpus(rows)
    first = drop_duplicates(rev, find_duplicates(rev), keep="first")
    assert "site-8" in set(first.docs.doc_id) and "agency-1" not in set(first.docs.doc_id)
    with pytest.raises(OptionError, match="keep"):
        drop_duplicates(news, pairs, keep="last")
    with pytest.raises(OptionError, match="pairs were given"):
        drop_duplicates(news, pairs, threshold=0.5)
    with pytest.raises(SchemaError, match="doc_id_a"):
        drop_duplicates(news, pd.DataFrame({"x": [1]}))
