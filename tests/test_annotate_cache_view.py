"""framing.annotate.cache_dataset / cache_index: the cache's Parquet parts read as one dataset."""

from __future__ import annotations

import shutil

import pyarrow.dataset as ds

import framing
from framing.annotate import cache_dataset, cache_index
from framing.annotate._backend import clean_text
from framing.annotate.cache import text_hash


def test_annotate_cache_view_rows_join_back_to_the_documents(tmp_path):
    demo = framing.load_demo()
    ann = framing.annotate(demo, layers=("lemma", "ner"), cache=tmp_path, progress=False, batch_chars=5000)
    tokens = cache_dataset(tmp_path).to_table(columns=["key", "part", "doc", "sent_id", "tok_id", "lemma"])
    rows = tokens.join(cache_index(tmp_path), keys=["key", "part", "doc"]).to_pandas()
    assert rows["part"].nunique() > 1                       # several batches were written
    hashes = {d: text_hash(clean_text(t)) for d, t in zip(demo.docs["doc_id"], demo.docs["text"])}
    want = ann.tokens.assign(text_hash=ann.tokens["doc_id"].map(hashes))
    got = rows.sort_values(["text_hash", "sent_id", "tok_id"]).reset_index(drop=True)
    want = (want.drop_duplicates(["text_hash", "sent_id", "tok_id"])      # a text shared by two documents
                .sort_values(["text_hash", "sent_id", "tok_id"]).reset_index(drop=True))
    assert got["lemma"].tolist() == want["lemma"].tolist()
    assert got["text_hash"].tolist() == want["text_hash"].tolist()
    ents = cache_dataset(tmp_path, kind="entities").to_table()
    per_text = ann.entities.assign(text_hash=ann.entities["doc_id"].map(hashes))
    assert ents.num_rows == len(per_text.drop_duplicates(["text_hash", "sent_id", "start_tok"])) > 0


def test_annotate_cache_view_only_complete_parts_and_filters(tmp_path):
    demo = framing.load_demo()
    framing.annotate(demo, layers=("lemma",), cache=tmp_path, progress=False)
    full = cache_dataset(tmp_path).count_rows()
    ru = cache_dataset(tmp_path, lang="ru").to_table(columns=["key"])
    assert 0 < ru.num_rows < full and set(k.split("-")[0] for k in ru["key"].to_pylist()) == {"ru"}
    # a part whose index is not written yet (a batch being written) is not read
    index = sorted(tmp_path.glob("annotate/ru-*/index-*.json"))[0]
    part = index.stem.split("-", 1)[1]
    n_part = cache_dataset(tmp_path).to_table(filter=ds.field("part") == part).num_rows
    index.unlink()
    assert cache_dataset(tmp_path).count_rows() == full - n_part
    assert part not in set(cache_index(tmp_path)["part"].to_pylist())
    shutil.rmtree(tmp_path / "annotate")
    assert cache_dataset(tmp_path).count_rows() == 0 and cache_index(tmp_path).num_rows == 0
