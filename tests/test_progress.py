"""Progress bars (framing/_progress.py): none at all when progress is off, no widget warning."""

from __future__ import annotations

import io
import warnings

import pytest
import tqdm.std

import framing
from framing import _progress
from framing._progress import NullBar, bar_class, progress_bar


@pytest.fixture
def count_bars(monkeypatch):
    """Count every tqdm bar created (tqdm.auto and tqdm.notebook bars are tqdm.std subclasses)."""
    made = []
    init = tqdm.std.tqdm.__init__

    def counting(self, *args, **kwargs):
        made.append(kwargs.get("desc"))
        kwargs.setdefault("file", io.StringIO())
        init(self, *args, **kwargs)

    monkeypatch.setattr(tqdm.std.tqdm, "__init__", counting)
    return made


def _small_corpus():
    docs = framing.load_demo().docs
    return framing.Corpus.from_frame(docs[docs["lang"] == "ru"].head(3).reset_index(drop=True))


def test_progress_disabled_is_no_bar(count_bars):
    items = [1, 2, 3]
    assert progress_bar(items, enabled=False) is items
    bar = progress_bar(total=3, enabled=False)
    assert isinstance(bar, NullBar)
    with bar as b:
        b.update(2)
        b.set_postfix(x=1)
    bar.close()
    assert count_bars == []


def test_progress_enabled_yields_every_item(count_bars):
    assert list(progress_bar(range(4), enabled=True, desc="x", file=io.StringIO())) == [0, 1, 2, 3]
    assert count_bars == ["x"]


def test_progress_false_creates_no_tqdm(count_bars, tmp_path):
    corpus = _small_corpus()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        framing.annotate(corpus, progress=False, cache=False)
        framing.find_duplicates(corpus, progress=False)
        for i in range(60):  # many files: a bar by default
            (tmp_path / f"{i:02d}.txt").write_text(f"Текст номер {i}.", encoding="utf-8")
        framing.read_texts(str(tmp_path), outlet="o", lang="ru", progress=False)
    assert count_bars == []
    assert not [w for w in caught if issubclass(w.category, tqdm.std.TqdmWarning)]


def test_progress_true_shows_bars(count_bars, tmp_path):
    for i in range(60):
        (tmp_path / f"{i:02d}.txt").write_text(f"Текст номер {i}.", encoding="utf-8")
    framing.read_texts(str(tmp_path), outlet="o", lang="ru", progress=True)
    framing.annotate(_small_corpus(), progress=True, cache=False)
    assert len(count_bars) == 2 and "annotate" in count_bars


def test_progress_without_ipywidgets_falls_back_quietly(monkeypatch, count_bars):
    monkeypatch.setattr(_progress, "_has_widgets", lambda: False)
    assert bar_class() is tqdm.std.tqdm
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        bar = progress_bar(total=2, desc="plain", file=io.StringIO())
        bar.update(2)
        bar.close()
    assert count_bars == ["plain"]


def test_progress_with_ipywidgets_uses_tqdm_auto(monkeypatch):
    pytest.importorskip("ipywidgets")
    from tqdm.auto import tqdm as auto_tqdm

    monkeypatch.setattr(_progress, "_has_widgets", lambda: True)
    assert bar_class() is auto_tqdm
