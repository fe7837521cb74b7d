"""framing.provenance / write_provenance: versions, data hashes, corpus sha256, parameters, seeds, time."""

from __future__ import annotations

import hashlib
import json

import pytest

import framing
from framing._errors import LoadError, OptionError
from framing.reproduce import write_provenance


def test_reproduce_provenance_names_versions_hashes_and_corpus(tmp_path):
    f = tmp_path / "a.jsonl"
    f.write_bytes(b'{"text": "x"}\n')
    prov = framing.provenance(corpus_files=f, params={"outlets": ["a", "b"], "path": tmp_path}, seed={"boot": 3})
    assert list(prov) == ["framing", "models", "framing_data", "python", "libraries", "corpus", "params", "seed",
                          "created"]
    assert prov["framing"] == framing.__version__
    assert prov["models"]["pymorphy3-dicts-ru"] and prov["models"]["natasha"]
    assert set(prov["framing_data"]["lexicons"]) == {"en", "ru", "uk"}
    assert all(len(v["sha256"]) == 64 and v["files"] > 0 for v in prov["framing_data"]["lexicons"].values())
    assert prov["corpus"]["files"] == [{"name": "a.jsonl", "path": str(f),
                                        "sha256": hashlib.sha256(f.read_bytes()).hexdigest(), "bytes": 14}]
    assert prov["params"] == {"outlets": ["a", "b"], "path": str(tmp_path)}
    assert prov["seed"] == {"boot": 3}
    json.dumps(prov)


def test_reproduce_same_inputs_same_record_but_the_time(tmp_path):
    demo = framing.load_demo()
    a = framing.provenance(corpus=demo, params={"by": "outlet"}, seed=1)
    b = framing.provenance(corpus=demo, params={"by": "outlet"}, seed=1)
    a.pop("created"), b.pop("created")
    assert a == b
    assert a["corpus"]["documents"] == len(demo) and a["corpus"]["loader"] == "load_demo"


def test_reproduce_lexicon_change_changes_the_hash(tmp_path, monkeypatch):
    from framing import reproduce

    (tmp_path / "x.tsv").write_text("a\n", encoding="utf-8")
    first = reproduce._folder_hash(tmp_path)
    (tmp_path / "x.tsv").write_text("b\n", encoding="utf-8")
    assert reproduce._folder_hash(tmp_path)["sha256"] != first["sha256"]


def test_reproduce_folders_and_globs_expand_sorted(tmp_path):
    for name in ("b.txt", "a.txt"):
        (tmp_path / name).write_text(name, encoding="utf-8")
    by_folder = framing.provenance(corpus_files=tmp_path)["corpus"]["files"]
    by_glob = framing.provenance(corpus_files=str(tmp_path / "*.txt"))["corpus"]["files"]
    assert [f["name"] for f in by_folder] == [f["name"] for f in by_glob] == ["a.txt", "b.txt"]


def test_reproduce_bad_input_is_named(tmp_path):
    with pytest.raises(LoadError, match="no such file or folder"):
        framing.provenance(corpus_files=tmp_path / "missing.jsonl")
    with pytest.raises(LoadError, match="matches no file"):
        framing.provenance(corpus_files=str(tmp_path / "*.none"))
    with pytest.raises(OptionError, match=r"params\['f'\] is a set"):
        framing.provenance(params={"f": {1, 2}})
    with pytest.raises(OptionError, match="takes a framing Corpus"):
        framing.provenance(corpus="demo")


def test_reproduce_write_provenance_is_json_in_a_folder_or_file(tmp_path):
    p = write_provenance(tmp_path, seed=2)
    assert p == tmp_path / "provenance.json"
    assert json.loads(p.read_text(encoding="utf-8"))["seed"] == 2
    q = write_provenance(tmp_path / "run.json", framing.provenance(seed=3))
    assert json.loads(q.read_text(encoding="utf-8"))["seed"] == 3
    assert not list(tmp_path.glob(".*.tmp"))
