"""The frame classifier: fit, predict, thresholds, cross-validation, saving without pickle."""

import json

import numpy as np
import pandas as pd
import pytest

import framing
from framing._errors import LoadError, OptionError, SchemaError
from framing.frame import FrameClassifier, cross_validate_frames, frame_labels

WAR = ["Армия начала наступление, ракеты ударили по позициям противника.",
       "Военные отразили атаку беспилотников, ПВО сбила ракету.",
       "Войска продвинулись у фронта, артиллерия вела обстрел."]
ECO = ["Цены на бензин выросли, инфляция ускорилась, рубль упал.",
       "Бюджет получил меньше налогов, дефицит вырос на миллиард.",
       "Банк повысил ставку, кредиты подорожали для бизнеса."]


def _ann(texts, lang="ru"):
    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": texts, "lang": lang,
                         "outlet": "A"})
    return framing.annotate(framing.Corpus.from_frame(docs), progress=False)


@pytest.fixture(scope="module")
def toy():
    texts = WAR * 3 + ECO * 3
    ann = _ann(texts)
    labels = {f"d{i}": ("Security_and_defense",) if i < 9 else ("Economic",) for i in range(len(texts))}
    return ann, labels


def test_frame_labels_forms():
    y = frame_labels(pd.Series({"a": "Political, Economic", "b": ["Morality"], "c": float("nan"), "d": ""}))
    assert y.to_dict() == {"a": ("Economic", "Political"), "b": ("Morality",), "d": ()}
    with pytest.raises(SchemaError, match="document 'x'"):
        frame_labels({"x": 5})


def test_fit_predict_separates_two_frames(toy):
    ann, labels = toy
    clf = FrameClassifier(threshold=0.5, seed=0).fit(ann, labels)
    assert clf.classes_ == ["Economic", "Security_and_defense"]
    assert clf.components_ == ["lemmas", "vectors", "dictionary"]
    pred = clf.predict(ann).set_index("doc_id")["frames"]
    right = sum(pred[d] == labels[d] for d in labels)
    assert right == len(labels)
    proba = clf.predict_proba(ann)
    assert list(proba.columns) == clf.classes_ and proba.index.name == "doc_id"
    assert ((proba >= 0) & (proba <= 1)).all().all()
    new = clf.predict(_ann(["Ракетный удар и атака дронов на позиции армии."]))
    assert new["frames"].iloc[0] == ("Security_and_defense",)


def test_threshold_by_inner_cross_validation(toy):
    ann, labels = toy
    clf = FrameClassifier(components=("lemmas", "dictionary"), folds=3).fit(ann, labels)
    assert 0.2 <= clf.threshold_ <= 0.7
    assert clf.cv_micro_f1_ is not None and clf.cv_micro_f1_ > 0.8


def test_extra_language_trains_only_the_dictionary_view(toy):
    ann, labels = toy
    en = _ann(["The army launched an offensive and missiles hit the front.",
               "Prices and inflation rose, the budget lost tax revenue."], lang="en")
    clf = FrameClassifier(components=("dictionary",), threshold=0.5)
    clf.fit(ann, labels, extra=(en, {"d0": ["Security_and_defense"], "d1": "Economic"}))
    assert clf.classes_ == ["Economic", "Security_and_defense"]
    # an English document is classified by its frame scores
    pred = clf.predict(_ann(["Missiles and drones attacked the army."], lang="en"))
    assert pred["frames"].iloc[0] == ("Security_and_defense",)


def test_save_load_round_trip_without_pickle(toy, tmp_path):
    ann, labels = toy
    clf = FrameClassifier(threshold=0.5).fit(ann, labels)
    folder = clf.save(tmp_path / "model")
    assert sorted(p.name for p in folder.iterdir()) == ["arrays.npz", "model.json"]
    meta = json.loads((folder / "model.json").read_text(encoding="utf-8"))
    assert meta["format"] == "framing.FrameClassifier/1"
    with np.load(folder / "arrays.npz", allow_pickle=False) as z:
        assert all(z[k].dtype.kind == "f" for k in z.files)
    back = FrameClassifier.load(folder)
    pd.testing.assert_frame_equal(back.predict_proba(ann), clf.predict_proba(ann))
    (folder / "model.json").write_text("{}", encoding="utf-8")
    with pytest.raises(LoadError, match="format"):
        FrameClassifier.load(folder)


def test_same_seed_same_model(toy):
    ann, labels = toy
    a = FrameClassifier(folds=3, seed=3).fit(ann, labels)
    b = FrameClassifier(folds=3, seed=3).fit(ann, labels)
    assert a.threshold_ == b.threshold_
    pd.testing.assert_frame_equal(a.predict_proba(ann), b.predict_proba(ann))


def test_cross_validate_frames(toy):
    ann, labels = toy
    cv = cross_validate_frames(ann, labels, folds=3, seed=0, components=("lemmas",), threshold=0.5)
    assert len(cv) == 3 and cv["docs"].sum() == len(labels)
    pred = cv.attrs["predictions"]
    assert set(pred["doc_id"]) == set(labels)
    assert 0.0 <= cv.attrs["micro_f1"] <= 1.0


def test_errors(toy):
    ann, labels = toy
    with pytest.raises(OptionError, match="components"):
        FrameClassifier(components=("bert",)).fit(ann, labels)
    with pytest.raises(OptionError, match="threshold"):
        FrameClassifier(threshold=1.5).fit(ann, labels)
    with pytest.raises(SchemaError, match="doc_id"):
        FrameClassifier().fit(ann, {"zz": ("Economic",)})
    with pytest.raises(OptionError, match="not fitted"):
        FrameClassifier().predict(ann)
