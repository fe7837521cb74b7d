"""Ukrainian backend: tokenize-uk + pymorphy3 + the trained disambiguator (framing/annotate/uk.py)."""

from __future__ import annotations

import csv
import json

import numpy as np
import pytest

from framing.annotate import uk as U
from framing.annotate._backend import TOKEN_FIELDS, ENTITY_FIELDS, GOLD_FIELDS
from framing.lang import uk as L

ALL = frozenset({"tokens", "lemma", "morph"})


@pytest.fixture(scope="module")
def backend():
    return U.UkrainianBackend().load()


def _gold_rows(data_dir):
    with open(data_dir / "annotate" / "uk_lemmas.tsv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def test_annotate_uk_gold_lemmas_and_upos(backend, data_dir):
    """Every hand-built case in tests/data/annotate/uk_lemmas.tsv (lemmas compared as the treebank does)."""
    rows = _gold_rows(data_dir)
    out = backend.annotate_texts([r["context"] for r in rows], layers=ALL)
    wrong = []
    for r, (tok, _ents) in zip(rows, out):
        assert r["form"] in tok["text"], f"{r['form']!r} is not a token of {r['context']!r}: {tok['text']}"
        i = tok["text"].index(r["form"])
        if L.lemma_key(tok["lemma"][i]) != L.lemma_key(r["lemma"]) or tok["upos"][i] != r["upos"]:
            wrong.append((r["form"], r["context"], tok["lemma"][i], tok["upos"][i], r["lemma"], r["upos"]))
    assert not wrong, "form, context, got lemma, got upos, expected lemma, expected upos:\n" + \
        "\n".join(map(str, wrong))


def test_annotate_uk_apostrophes_give_one_lemma(backend):
    texts = ["Він грав м’ячем.", "Він грав м'ячем.", "Він грав мʼячем.", "Він грав м`ячем."]
    lemmas = [tok["lemma"][tok["text"].index(next(t for t in tok["text"] if t.endswith("ячем")))]
              for tok, _ in backend.annotate_texts(texts, layers=ALL)]
    assert lemmas == ["м’яч"] * 4


def test_annotate_uk_lang_rules():
    assert L.normalize_apostrophes("м'яч і пʼять") == "м’яч і п’ять"
    assert L.lookup_form("пла́то") == "плато"
    assert L.lookup_form("м’яч") == "м'яч"
    assert L.lemma_key("М’Яч") == L.lemma_key("м'яч") == "м’яч"
    assert L.strip_stress("ї") == "ї" and L.strip_stress("й") == "й"


def test_annotate_uk_token_dict_follows_the_protocol(backend):
    text = "У 2016 р. Верховна Рада України ухвалила закон. Президент В. Зеленський сказав: «Це м’яч!»\n\nНовий абзац."
    [(tok, ents)] = backend.annotate_texts([text], layers=ALL)
    n = len(tok["text"])
    assert set(tok) == set(TOKEN_FIELDS) and all(len(tok[f]) == n for f in TOKEN_FIELDS)
    assert set(ents) == set(ENTITY_FIELDS) and all(len(v) == 0 for v in ents.values())
    for s, e, t in zip(tok["start"], tok["end"], tok["text"]):
        assert text[s:e] == t                      # offsets point into the original text
    assert "м’яч" in tok["text"]                    # the token keeps its own apostrophe
    assert max(tok["sent_id"]) == 3             # "р." and "В." do not end sentences; a blank line does
    assert tok["tok_id"][0] == 1 and all(h == -1 for h in tok["head"]) and set(tok["deprel"]) == {"_"}
    assert tok["upos"][tok["text"].index("2016")] == "NUM"


def test_annotate_uk_layers_and_empty_texts(backend):
    [(tok, _), (empty, _)] = backend.annotate_texts(["Ради ухвалили.", ""], layers=frozenset({"tokens"}))
    assert tok["lemma"] == ["ради", "ухвалили", "."] and set(tok["upos"]) == {"_"}
    assert all(len(v) == 0 for v in empty.values())


def test_annotate_uk_gold_tokens(backend):
    [res] = backend.annotate_tokens([["Протягом", "минулого", "року", "ціни", "зросли", "."]], layers=ALL)
    assert set(res) == set(GOLD_FIELDS)
    assert res["lemma"][2] == "рік" and res["upos"][2] == "NOUN"
    assert "Case=Gen" in res["feats"][2]


def test_annotate_uk_capabilities_say_what_is_missing(backend):
    caps = {r["layer"]: r for r in backend.capabilities()}
    assert set(caps) == {"tokens", "lemma", "upos", "feats", "syntax", "ner"}
    assert caps["lemma"]["available"] and caps["upos"]["available"]
    assert not caps["syntax"]["available"] and "patterns" in caps["syntax"]["note"]
    assert not caps["ner"]["available"] and "patterns" in caps["ner"]["note"]
    assert "cross-validated" in caps["lemma"]["note"]


def test_annotate_uk_model_is_small_and_not_pickled():
    assert U.MODEL_FILE.stat().st_size < 5_000_000
    with np.load(U.MODEL_FILE, allow_pickle=False) as z:          # raises on object arrays
        assert {"tag_keys", "tag_weights", "lem_keys", "lem_weights", "classes"} <= set(z.files)
    meta = json.loads(U.MODEL_META.read_text(encoding="utf-8"))
    assert meta["features"] == U.FEATURES_VERSION
    assert "CC BY-NC-SA" in meta["licence_of_training_data"]
    assert (U.MODEL_DIR / "README.md").exists()
    v = U.UkrainianBackend().version()
    assert "pymorphy3=" in v and "model=" in v


def test_annotate_uk_shipped_model_floor_on_uk_iu_dev(backend, shared):
    """The shipped model on UD Ukrainian-IU dev.

    The shipped model was trained on this very file, so this is a floor that
    catches breakage (features, loading, candidate rules), not an accuracy
    estimate: the honest, cross-validated figure is printed by
    benchmarks/train_uk_tagger.py and stored in the model's JSON.
    """
    path = shared("ud", "uk_iu-ud-dev.conllu")
    sents, cur = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if cur:
                sents.append(cur)
                cur = []
        elif not line.startswith("#"):
            c = line.split("\t")
            if c[0].isdigit():
                cur.append(c)
    sents = sents[:250]
    res = backend.annotate_tokens([[c[1] for c in s] for s in sents], layers=ALL)
    pairs = [(p, c) for r, s in zip(res, sents) for p, c in zip(zip(r["lemma"], r["upos"]), s)]
    lemma = np.mean([L.lemma_key(p[0]) == L.lemma_key(c[2]) for p, c in pairs])
    upos = np.mean([p[1] == c[3] for p, c in pairs])
    first = np.mean([L.lemma_key(backend.morph.analyse(c[1]).parses[0][1]) == L.lemma_key(c[2])
                     if backend.morph.analyse(c[1]).parses else True for _, c in pairs])
    assert lemma >= 0.97, lemma
    assert upos >= 0.96, upos
    assert lemma > first + 0.03             # well above pymorphy3's first parse


def test_annotate_uk_emoji_keep_their_modifiers(backend):
    text = "❗️Шість людей загинули. 👍🏽Так."
    (tok, _ent), = backend.annotate_texts([text], layers=frozenset({"tokens", "lemma", "morph"}))
    assert list(tok["text"])[:2] == ["❗️", "Шість"] and "👍🏽" in list(tok["text"])
    assert dict(zip(tok["text"], tok["lemma"]))["Шість"] == "шість"
    assert all(text[s:e] == t for s, e, t in zip(tok["start"], tok["end"], tok["text"]))


def test_annotate_uk_headline_without_full_stop_is_its_own_sentence():
    """The Ukrainian splitter runs within the same line blocks as the Russian one."""
    from framing.annotate.uk import sentences_and_tokens
    text = "Головне за добу\n\nПрезидент заявив, що все добре."
    assert [text[s[0][0]:s[-1][1]] for s in sentences_and_tokens(text)] == \
        ["Головне за добу", "Президент заявив, що все добре."]
