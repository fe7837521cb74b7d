"""Frame dictionaries: framing.frames and read_frame_dictionary."""

import pandas as pd
import pytest

import framing
from framing._errors import AnnotationWarning, LoadError, OptionError
from framing.frame import frame_questions, read_frame_dictionary


def _ann(texts, lang="ru", outlet="A"):
    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": texts,
                         "lang": lang, "outlet": outlet})
    return framing.annotate(framing.Corpus.from_frame(docs), progress=False)


def test_frames_counts_cues_by_lemma_across_inflection():
    ann = _ann(["Суд вынес приговор. Прокурор обжаловал приговор в суде."])
    f = framing.frames(ann).set_index("frame")
    legal = f.loc["Legality_Constitutionality_and_jurisprudence"]
    # суд, приговор, прокурор, приговор, суд: five cue tokens in 8 words
    assert legal["cues"] == 5
    assert legal["tokens"] == 8
    assert legal["score"] == pytest.approx(1000 * 5 / 8)
    assert legal["matched"] == "приговор; прокурор; суд"
    assert f.loc["Morality", "cues"] == 0


def test_frames_sentence_unit_and_every_frame_listed():
    ann = _ann(["Армия начала наступление. Цены на хлеб выросли."])
    s = framing.frames(ann, unit="sentence")
    assert set(s["sent_id"]) == {1, 2}
    assert (s.groupby("sent_id").size() == 14).all()
    sec = s[(s["frame"] == "Security_and_defense")].set_index("sent_id")["cues"]
    eco = s[(s["frame"] == "Economic")].set_index("sent_id")["cues"]
    assert sec[1] >= 2 and sec[2] == 0
    assert eco[2] >= 1 and eco[1] == 0


def test_frames_generic_scheme_and_languages():
    ann = _ann(["The government is responsible for the conflict and the costs."], lang="en")
    f = framing.frames(ann, scheme="generic").set_index("frame")["cues"]
    assert list(f.index) == frame_questions("generic")["frame"].tolist()
    assert f["responsibility"] == 1 and f["conflict"] == 1 and f["economic_consequences"] == 1
    uk = _ann(["Уряд ухвалив бюджет, ціни зростають."], lang="uk")
    fu = framing.frames(uk).set_index("frame")["cues"]
    assert fu["Economic"] >= 2, uk.tokens[["text", "lemma", "upos"]].to_dict("records")


def test_user_dictionary_glob_and_multiword(tmp_path):
    ann = _ann(["Обстрелы продолжились, обстреливали город. Мирный договор не подписан."])
    yml = tmp_path / "d.yml"
    yml.write_text("war:\n  - обстрел*\npeace:\n  treaty:\n    - мирный договор\n", encoding="utf-8")
    f = framing.frames(ann, lexicon=yml).set_index("frame")["cues"]
    assert f["war"] == 2  # обстрел, обстреливать
    assert f["peace.treaty"] == 1
    tsv = tmp_path / "d.tsv"
    tsv.write_text("frame\tcue\nwar\tобстрел\n", encoding="utf-8")
    assert framing.frames(ann, lexicon=tsv).set_index("frame").loc["war", "cues"] == 1


def test_empty_document_and_unsupported_language_recorded():
    with pytest.warns(AnnotationWarning, match="no annotation backend for 'fr'"):
        ann = _ann(["", "Guerre et paix."], lang="fr")
    f = framing.frames(ann)
    assert len(f) == 0
    probs = f.attrs["problems"]
    assert set(probs["doc_id"]) == {"d0", "d1"} and probs["problem"].str.contains("'fr'").all()
    empty = framing.frames(_ann(["", "Суд."]))
    assert (empty[empty["doc_id"] == "d0"]["score"] == 0).all()
    assert len(empty) == 28


def test_bad_dictionaries_and_options(tmp_path):
    with pytest.raises(LoadError, match="No frame dictionary"):
        read_frame_dictionary(tmp_path / "missing.yml")
    bad = tmp_path / "bad.yml"
    bad.write_text("war: 5\n", encoding="utf-8")
    with pytest.raises(LoadError, match="list of strings"):
        read_frame_dictionary(bad)
    with pytest.raises(OptionError, match="scheme"):
        framing.frames(_ann(["Суд."]), scheme="mfc")


def test_frames_leaves_input_unchanged_and_is_deterministic():
    ann = _ann(["Суд вынес приговор.", "Армия наступает."])
    before = ann.tokens.copy()
    a, b = framing.frames(ann), framing.frames(ann)
    pd.testing.assert_frame_equal(a, b)
    pd.testing.assert_frame_equal(ann.tokens, before)
