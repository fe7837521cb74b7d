"""Keyness reproduces the published formulas on a small example computed by hand."""

from __future__ import annotations

import math

import pandas as pd
import pytest

import framing
from framing._errors import OptionError


def _table():
    # outlet A: война ×3, операция ×1 ; outlet B: война ×1, операция ×3
    rows = ([("a1", "A", "война")] * 2 + [("a2", "A", "война"), ("a2", "A", "операция")]
            + [("b1", "B", "операция")] * 3 + [("b1", "B", "война")])
    return pd.DataFrame(rows, columns=["doc_id", "outlet", "lemma"])


def test_keyness_log_odds_matches_hand_computation():
    k = framing.keyness(_table(), by="outlet", unit="lemma")
    row = k[(k.group == "A") & (k.reference == "rest") & (k.term == "война")].iloc[0]
    # Monroe et al. (2008) eq. 16 with alpha_w = pooled counts (4, 4), alpha_0 = 8:
    # delta = log((3+4)/(4+8-3-4)) - log((1+4)/(4+8-1-4)) = log(7/5) - log(5/7)
    delta = math.log(7 / 5) - math.log(5 / 7)
    var = 1 / 7 + 1 / 5          # eq. 20: 1/(y_i + a) + 1/(y_j + a)
    assert row.score == pytest.approx(delta, abs=1e-9)
    assert row.z == pytest.approx(delta / math.sqrt(var), abs=1e-9)
    assert row["count"] == 3 and row.count_reference == 1
    assert row.per_1000 == pytest.approx(750.0)
    other = k[(k.group == "B") & (k.term == "война")].iloc[0]
    assert other.z == pytest.approx(-delta / math.sqrt(var), abs=1e-9)


def test_keyness_uniform_prior_matches_hand_computation():
    k = framing.keyness(_table(), by="outlet", unit="lemma", prior="uniform")
    row = k[(k.group == "A") & (k.term == "война")].iloc[0]
    a, a0 = 0.01, 0.02
    delta = math.log((3 + a) / (4 + a0 - 3 - a)) - math.log((1 + a) / (4 + a0 - 1 - a))
    assert row.score == pytest.approx(delta, abs=1e-9)
    assert row.z == pytest.approx(delta / math.sqrt(1 / (3 + a) + 1 / (1 + a)), abs=1e-9)


def test_keyness_chi2_and_log_likelihood_match_hand_computation():
    # 2x2 table for война: [[3, 1], [1, 3]], n = 8, every expected count 2
    chi2 = 4 * (1 ** 2 / 2)
    g2 = 2 * (3 * math.log(3 / 2) * 2 + 1 * math.log(1 / 2) * 2)
    k = framing.keyness(_table(), by="outlet", unit="lemma", method="chi2")
    row = k[(k.group == "A") & (k.term == "война")].iloc[0]
    assert row.score == pytest.approx(chi2, abs=1e-9)
    assert row.z == pytest.approx(math.sqrt(chi2), abs=1e-9)
    k = framing.keyness(_table(), by="outlet", unit="lemma", method="log_likelihood")
    row = k[(k.group == "A") & (k.term == "война")].iloc[0]
    assert row.score == pytest.approx(g2, abs=1e-9)


def test_keyness_pairwise_and_options():
    k = framing.keyness(_table(), by="outlet", unit="lemma", pairwise=True)
    assert set(k.reference) == {"rest", "A", "B"}
    with pytest.raises(OptionError, match="method"):
        framing.keyness(_table(), method="tfidf", unit="lemma")


def test_keyness_on_annotation_counts_lemmas():
    ann = framing.Annotated.from_conllu(
        "# newdoc id = d1\n# outlet = A\n"
        "1\tВойна\tвойна\tNOUN\t_\t_\t0\troot\t_\tSpaceAfter=No\n2\t.\t.\tPUNCT\t_\t_\t1\tpunct\t_\t_\n\n"
        "# newdoc id = d2\n# outlet = B\n"
        "1\tОперация\tоперация\tNOUN\t_\t_\t0\troot\t_\t_\n")
    k = framing.keyness(ann, by="outlet")
    assert set(k.term) == {"война", "операция"}     # punctuation excluded
    assert k[(k.group == "A")].iloc[0].term == "война"


def test_keyness_bigrams_stay_within_sentences():
    ann = framing.Annotated.from_conllu(
        "# newdoc id = d1\n# outlet = A\n1\tа\tа\tNOUN\t_\t_\t0\troot\t_\t_\n2\tб\tб\tNOUN\t_\t_\t1\tnmod\t_\t_\n\n"
        "1\tв\tв\tNOUN\t_\t_\t0\troot\t_\t_\n\n# newdoc id = d2\n# outlet = B\n1\tг\tг\tNOUN\t_\t_\t0\troot\t_\t_\n"
        "2\tд\tд\tNOUN\t_\t_\t1\tnmod\t_\t_\n")
    k = framing.keyness(ann, unit="bigram", stopwords=None)   # "а", "в" are Russian stop words
    assert set(k.term) == {"а б", "г д"}


# --- issue #11: content by default, switches, groups, periods, q-values -----------------------------

import warnings  # noqa: E402

from framing._errors import MeasureWarning  # noqa: E402
from framing.compare.keyness import benjamini_hochberg  # noqa: E402


def _ann(docs):
    """An annotation built by hand: ``docs`` = [(doc_id, outlet, published, text, [(word, lemma, upos), ...])];
    each word is found in the text in order, so the offsets are true."""
    rows, meta = [], []
    for doc_id, outlet, published, text, words in docs:
        meta.append({"doc_id": doc_id, "outlet": outlet, "published": pd.Timestamp(published, tz="UTC"),
                     "lang": "ru", "text": text})
        at = 0
        for i, (word, lemma, upos) in enumerate(words, 1):
            start = text.index(word, at)
            at = start + len(word)
            rows.append({"doc_id": doc_id, "sent_id": 1, "tok_id": i, "start": start, "end": at, "text": word,
                         "lemma": lemma, "upos": upos, "feats": "_", "head": 0, "deprel": "_"})
    return framing.Annotated(framing.Corpus(pd.DataFrame(meta)), pd.DataFrame(rows))


def _w(text):
    """Words of a text as (form, lowercase lemma, NOUN), except the tags given after a slash."""
    out = []
    for item in text.split():
        form, _, upos = item.partition("/")
        out.append((form, form.lower(), upos or "NOUN"))
    return out


def _two_outlets(day_b="2024-11-01"):
    return _ann([
        ("a1", "A", "2024-11-01", "война и Москва", _w("война и Москва")),   # "и" mistagged NOUN
        ("a2", "A", "2024-11-01", "война в Киеве", [("война", "война", "NOUN"), ("в", "в", "ADP"),
                                                    ("Киеве", "киев", "PROPN")]),
        ("b1", "B", day_b, "мир и там мир", _w("мир и/NOUN там/ADV мир")),
        ("b2", "B", day_b, "переговоры", _w("переговоры")),
    ])


def _terms(k, group):
    return set(k[(k.group == group) & (k.reference == "rest") & (k["count"] > 0)].term)


def test_keyness_benjamini_hochberg_worked_example():
    # m = 5: q_(i) = 5 p_(i) / i = 0.05 for each, then the running minimum from the top
    assert benjamini_hochberg([0.01, 0.02, 0.03, 0.04, 0.05]) == pytest.approx([0.05] * 5)
    # unsorted: sorted 0.001, 0.03, 0.04, 0.2 → 0.004, 0.06, 0.0533, 0.2 → running min 0.004, 0.0533, 0.0533, 0.2
    assert benjamini_hochberg([0.001, 0.04, 0.03, 0.2]) == pytest.approx([0.004, 0.16 / 3, 0.16 / 3, 0.2])
    assert benjamini_hochberg([0.5, 0.9]).max() <= 1.0


def test_keyness_q_values_beside_p_values_and_max_q():
    rows = ([("a", "A", "война")] * 40 + [("a", "A", "мир")] * 2 + [("b", "B", "мир")] * 40
            + [("b", "B", "война")] * 2 + [(d, o, w) for d, o in (("a", "A"), ("b", "B"))
                                             for w in ("год", "день", "город") for _ in range(5)])
    table = pd.DataFrame(rows, columns=["doc_id", "outlet", "lemma"])
    k = framing.keyness(table, by="outlet", unit="lemma", pairwise=True)
    for _, d in k.groupby(["group", "reference"]):
        assert d.q_value.to_numpy() == pytest.approx(benjamini_hochberg(d.p_value.to_numpy()))
    assert (k.q_value >= k.p_value - 1e-12).all()
    kept = framing.keyness(table, by="outlet", unit="lemma", pairwise=True, max_q=0.05)
    assert set(kept.term) == {"война", "мир"} and (kept.q_value <= 0.05).all()
    assert len(kept) == (k.q_value <= 0.05).sum() < len(k)


def test_keyness_single_group_raises():
    one = _table()[lambda d: d.outlet == "A"]
    with pytest.raises(OptionError, match="at least two"):
        framing.keyness(one, by="outlet", unit="lemma")
    ann = _two_outlets(day_b="2024-12-01")
    with pytest.raises(OptionError, match="start=/end="):
        framing.keyness(ann, by="outlet", start="2024-11-01", end="2024-11-02")


def test_keyness_warns_when_groups_cover_different_periods():
    ann = _two_outlets(day_b="2024-12-01")
    with pytest.warns(MeasureWarning, match="different periods.*start='2024-12-01'|no period"):
        framing.keyness(ann, by="outlet")
    with warnings.catch_warnings():
        warnings.simplefilter("error", MeasureWarning)
        framing.keyness(_two_outlets(day_b="2024-11-01"), by="outlet")   # same period: no warning


def test_keyness_start_end_select_documents():
    ann = _ann([
        ("a1", "A", "2024-11-01", "война", _w("война")),
        ("a2", "A", "2024-11-05", "санкции", _w("санкции")),
        ("b1", "B", "2024-11-01", "мир", _w("мир")),
        ("b2", "B", "2024-11-05", "переговоры", _w("переговоры")),
    ])
    k = framing.keyness(ann, by="outlet", start="2024-11-05", end="2024-11-05")   # a date alone: the whole day
    assert set(k.term) == {"санкции", "переговоры"}
    k = framing.keyness(ann, by="outlet", end="2024-11-01")
    assert set(k.term) == {"война", "мир"}


def test_keyness_excludes_function_words_and_stop_words_by_default():
    ann = _two_outlets()
    k = framing.keyness(ann, by="outlet")
    # "в" (ADP), "и" (a stop word, even where mistagged NOUN) and "там" (a pronominal adverb) are left out
    assert _terms(k, "A") == {"война", "москва", "киев"}
    assert "и" not in set(k.term) and "там" not in set(k.term)
    keep = framing.keyness(ann, by="outlet", stopwords=None)
    assert {"и", "там"} <= set(keep.term) and "в" not in set(keep.term)
    everything = framing.keyness(ann, by="outlet", stopwords=None, exclude_upos=None)
    assert "в" in set(everything.term)
    mine = framing.keyness(ann, by="outlet", stopwords=["война"], exclude=["мир"])
    assert "война" not in set(mine.term) and "мир" not in set(mine.term) and "и" in set(mine.term)


def test_keyness_majority_tag_removes_a_mistagged_function_word():
    ann = _ann([
        ("a1", "A", "2024-11-01", "со мной со мной со", [("со", "с", "ADP"), ("мной", "я", "PRON"),
                                                          ("со", "с", "ADP"), ("мной", "я", "PRON"),
                                                          ("со", "с", "NOUN")]),
        ("a2", "A", "2024-11-01", "война", _w("война")),
        ("b1", "B", "2024-11-01", "мир", _w("мир")),
    ])
    k = framing.keyness(ann, by="outlet", stopwords=None)
    assert set(k.term) == {"война", "мир"}      # "с" is ADP in 2 of its 3 tokens: the NOUN slip goes too
    assert "с" in set(framing.keyness(ann, by="outlet", stopwords=None, exclude_upos=("PUNCT",)).term)


def test_keyness_excludes_outlet_names_and_handles():
    ann = _ann([
        ("r1", "РИА Новости", "2024-11-01", "РИА Новости сообщили про топор",
         _w("РИА/PROPN Новости сообщили про/ADP топор")),
        ("t1", "ТОПОР - Горячие новости", "2024-11-01", "ТОПОР пишет: новости @banksta",
         _w("ТОПОР/PROPN пишет :/PUNCT новости @/SYM banksta/X")),
        ("t2", "ТОПОР - Горячие новости", "2024-11-01", "ТАСС пишет", _w("ТАСС/PROPN пишет")),
    ])
    k = framing.keyness(ann, by="outlet")
    terms = set(k.term)
    assert "риа" not in terms and "тасс" not in terms and "banksta" not in terms
    # "Новости" is removed as part of "РИА Новости"; "новости" of the text stays;
    # "ТОПОР" (capitalised as in the name) goes, the axe "топор" stays
    assert {"новости", "топор", "сообщили", "пишет"} <= terms
    assert k[(k.term == "топор")]["count"].max() == 1
    names_kept = framing.keyness(ann, by="outlet", exclude_outlets=False)
    assert {"риа", "тасс", "banksta"} <= set(names_kept.term)


def test_keyness_boilerplate_lines_are_not_counted():
    ann = _ann([
        ("m1", "Mash", "2024-11-01", "Пожар в Москве\n\nПодписывайся на Mash",
         _w("Пожар в/ADP Москве Подписывайся на/ADP Mash/X")),
        ("m2", "Mash", "2024-11-01", "Подписывайся и смотри", _w("Подписывайся и/CCONJ смотри")),
        ("s1", "SHOT", "2024-11-01", "Подписывайся на SHOT", _w("Подписывайся на/ADP SHOT/X")),
    ])
    lines = pd.DataFrame({"outlet": ["Mash"], "line": ["Подписывайся на Mash"], "docs": [1], "share": [0.5],
                          "reason": ["repeated"]})
    k = framing.keyness(ann, by="outlet", boilerplate=lines)
    mash = k[(k.group == "Mash") & (k.reference == "rest")].set_index("term")["count"]
    assert mash["подписывайся"] == 1        # the sign-off's occurrence is gone, the one in m2 stays
    assert k[(k.group == "SHOT") & (k.term == "подписывайся")]["count"].iloc[0] == 1   # other outlets untouched
    with pytest.raises(OptionError, match="boilerplate"):
        framing.keyness(_table(), unit="lemma", boilerplate=lines)


def test_keyness_bigrams_do_not_jump_over_excluded_words():
    ann = _ann([
        ("a1", "A", "2024-11-01", "удар в Киеве", [("удар", "удар", "NOUN"), ("в", "в", "ADP"),
                                                   ("Киеве", "киев", "PROPN")]),
        ("a2", "A", "2024-11-01", "мирный план", _w("мирный/ADJ план")),
        ("b1", "B", "2024-11-01", "новый план", _w("новый/ADJ план")),
    ])
    k = framing.keyness(ann, by="outlet", unit="bigram")
    assert set(k.term) == {"мирный план", "новый план"}


def test_keyness_options_checked():
    with pytest.raises(OptionError, match="max_q"):
        framing.keyness(_table(), unit="lemma", max_q=2)
    with pytest.raises(OptionError, match="exclude_outlets"):
        framing.keyness(_table(), unit="lemma", exclude_outlets="yes")
    with pytest.raises(OptionError, match="not a date"):
        framing.keyness(_two_outlets(), start="someday")


def test_keyness_table_stop_words_by_language():
    table = pd.DataFrame({"doc_id": ["a", "a", "b", "b"], "outlet": ["A", "A", "B", "B"],
                          "lang": ["ru", "ru", "uk", "uk"], "lemma": ["и", "война", "і", "війна"]})
    assert set(framing.keyness(table, unit="lemma").term) == {"война", "війна"}
    assert set(framing.keyness(table, unit="lemma", stopwords=None).term) == {"и", "война", "і", "війна"}


def test_keyness_stop_lists_are_well_formed():
    classes = {"preposition", "conjunction", "particle", "pronoun", "pronominal adverb", "auxiliary or modal",
               "numeral", "discourse word", "article or determiner", "particle or negation"}
    for lang in ("ru", "uk", "en"):
        sw = framing.read_lexicon(f"{lang}/stopwords", columns=["lemma", "class"])
        assert len(sw) > 100 and not sw["lemma"].duplicated().any()
        assert (sw["lemma"] == sw["lemma"].str.lower()).all() and set(sw["class"]) <= classes
        # distancing and hedging words are content for framing, never stop words
        assert not {"якобы", "мол", "якобто", "allegedly", "so-called"} & set(sw["lemma"])


def test_keyness_outlet_name_in_another_script_left_out():
    # the outlet is "svobodny_golos"; its articles name it "Свободный голос" (and inflected, "Свободного голоса")
    ann = _ann([
        ("a1", "svobodny_golos", "2024-11-01", "Свободный голос пишет о войне",
         [("Свободный", "свободный", "ADJ"), ("голос", "голос", "NOUN"), ("пишет", "писать", "VERB"),
          ("о", "о", "ADP"), ("войне", "война", "NOUN")]),
        ("a2", "svobodny_golos", "2024-11-01", "Читатели Свободного голоса о мире",
         [("Читатели", "читатель", "NOUN"), ("Свободного", "свободный", "ADJ"), ("голоса", "голос", "NOUN"),
          ("о", "о", "ADP"), ("мире", "мир", "NOUN")]),
        ("b1", "other", "2024-11-01", "свободный выбор и голос народа",
         _w("свободный/ADJ выбор и/CCONJ голос народа")),
    ])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MeasureWarning)
        terms = _terms(framing.keyness(ann, by="outlet"), "svobodny_golos")
        kept = _terms(framing.keyness(ann, by="outlet", exclude_outlets=False), "svobodny_golos")
    assert {"свободный", "голос"} <= kept
    assert not {"свободный", "голос"} & terms          # the name, in Cyrillic, is left out
    assert {"писать", "война", "читатель", "мир"} <= terms
    other = _terms(framing.keyness(ann, by="outlet"), "other")
    assert {"свободный", "голос"} <= other                # the same words outside the name stay
