"""read_semeval2023 and read_semeval2023_spans on a small hand-made layout."""

from pathlib import Path

import pytest

import framing
from framing._errors import LoadError
from framing.frame import frame_labels
from framing.io.semeval import read_semeval2023_spans

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "semeval2023_task3"


def _layout(tmp_path):
    d = tmp_path / "task3" / "ru"
    (d / "train-articles").mkdir(parents=True)
    (d / "train-labels-subtask-3-spans").mkdir()
    (d / "train-articles" / "article10.txt").write_bytes("Заголовок\r\n\r\nПервый абзац.\r\n".encode())
    (d / "train-articles" / "article2.txt").write_text("Второй\n\nТекст.", encoding="utf-8")
    (d / "train-labels-subtask-1.txt").write_text("10\topinion\n2\treporting\n", encoding="utf-8")
    (d / "train-labels-subtask-2.txt").write_text("10\tPolitical,Economic\nbroken line\n", encoding="utf-8")
    (d / "train-labels-subtask-3-spans" / "article10-labels-subtask-3.txt").write_text(
        "10\tLoaded_Language\t11\t24\n", encoding="utf-8")
    return d.parent


def test_read_semeval2023_articles_and_labels(tmp_path):
    root = _layout(tmp_path)
    with pytest.warns(Warning):
        c = framing.read_semeval2023(root, lang="ru", progress=False)
    docs = c.docs.set_index("doc_id")
    assert list(docs.index) == ["ru/2", "ru/10"]  # numeric order of article ids
    assert docs.loc["ru/10", "genre"] == "opinion"
    assert docs.loc["ru/10", "frames"] == "Political,Economic"
    assert docs["frames"].isna()["ru/2"]  # not labelled: missing, not empty
    assert docs.loc["ru/10", "title"] == "Заголовок"
    (problem,) = c.problems.to_dict("records")
    assert problem["source"].endswith("train-labels-subtask-2.txt") and problem["reason"].startswith("line 2:")
    assert problem["action"] == "skipped"
    assert frame_labels(docs["frames"]).to_dict() == {"ru/10": ("Economic", "Political")}


def test_spans_follow_the_loaded_text(tmp_path):
    root = _layout(tmp_path)
    with pytest.warns(Warning):
        c = framing.read_semeval2023(root, lang="ru", progress=False)
    spans = read_semeval2023_spans(root, lang="ru", corpus=c)
    text = c.docs.set_index("doc_id").loc["ru/10", "text"]
    s = spans.iloc[0]
    assert "\r" not in text  # the loader normalised the line ends, so offsets moved by two
    assert text[s["start"]:s["end"]] == "Первый абзац."
    assert spans.attrs["problems"]["problem"].str.contains("mapped onto the normalised text").all()


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(LoadError, match="no SemEval-2023 Task 3 folder"):
        framing.read_semeval2023(tmp_path, lang="ru")


@pytest.mark.skipif(not SHARED.exists(), reason="../shared/data/semeval2023_task3 is absent")
def test_real_layout_reads_every_article():
    c = framing.read_semeval2023(SHARED, lang="ru", progress=False)
    assert len(c) == 131
    assert c.docs["frames"].notna().sum() == 96
