"""English backend: regex sentences and tokens, simplemma lemmas, rule-based UPOS (framing/annotate/en.py)."""

from __future__ import annotations

import csv

import pytest

from framing.annotate import en as E
from framing.annotate._backend import ENTITY_FIELDS, GOLD_FIELDS, TOKEN_FIELDS

ALL = frozenset({"tokens", "lemma", "morph"})


@pytest.fixture(scope="module")
def backend():
    return E.EnglishBackend().load()


def _sentences(text):
    return [text[s:e] for s, e in E.sentence_spans(text)]


def test_annotate_en_gold_lemmas_and_upos(backend, data_dir):
    """Every hand-built case in tests/data/annotate/en_lemmas.tsv."""
    with open(data_dir / "annotate" / "en_lemmas.tsv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    out = backend.annotate_texts([r["context"] for r in rows], layers=ALL)
    wrong = []
    for r, (tok, _) in zip(rows, out):
        assert r["form"] in tok["text"], f"{r['form']!r} is not a token of {r['context']!r}: {tok['text']}"
        i = tok["text"].index(r["form"])
        if tok["lemma"][i] != r["lemma"] or tok["upos"][i] != r["upos"]:
            wrong.append((r["form"], r["context"], tok["lemma"][i], tok["upos"][i], r["lemma"], r["upos"]))
    assert not wrong, "form, context, got lemma, got upos, expected lemma, expected upos:\n" + \
        "\n".join(map(str, wrong))


def test_annotate_en_sentences_respect_abbreviations():
    text = ("Mr. Smith arrived in the U.S. on Jan. 5. He met J. Doe at 10 a.m. and left. "
            "\"We will return,\" he said. Prices rose 2.5% in the U.S. The next day was calm.\n\n"
            "A headline without a full stop\n\nThe body.")
    assert _sentences(text) == [
        "Mr. Smith arrived in the U.S. on Jan. 5.",
        "He met J. Doe at 10 a.m. and left.",
        "\"We will return,\" he said.",
        "Prices rose 2.5% in the U.S.",
        "The next day was calm.",
        "A headline without a full stop",
        "The body.",
    ]


def test_annotate_en_tokens_split_clitics_and_keep_units():
    text = "Kyiv's mayor didn't say it; they won't. See https://example.org/a?b=1, e-mail x@y.org, 1,200.5 USD."
    toks = [text[s:e] for s, e in E.word_spans(text)]
    assert toks[:8] == ["Kyiv", "'s", "mayor", "did", "n't", "say", "it", ";"]
    assert ["wo", "n't"] == toks[9:11]
    assert "https://example.org/a?b=1" in toks and "x@y.org" in toks and "1,200.5" in toks
    assert "e-mail" in toks


def test_annotate_en_token_dict_follows_the_protocol(backend):
    text = "Mr. Smith said the U.S. would help.\n\nKyiv’s mayor agreed."
    [(tok, ents)] = backend.annotate_texts([text], layers=ALL)
    n = len(tok["text"])
    assert set(tok) == set(TOKEN_FIELDS) and all(len(tok[f]) == n for f in TOKEN_FIELDS)
    assert set(ents) == set(ENTITY_FIELDS)
    for s, e, t in zip(tok["start"], tok["end"], tok["text"]):
        assert text[s:e] == t
    assert max(tok["sent_id"]) == 2
    assert tok["text"][:2] == ["Mr.", "Smith"]
    assert set(tok["feats"]) == {"_"} and set(tok["head"]) == {-1}


def test_annotate_en_gold_tokens_and_layers(backend):
    [res] = backend.annotate_tokens([["Troops", "were", "deployed", "."]], layers=ALL)
    assert set(res) == set(GOLD_FIELDS)
    assert res["lemma"] == ["troop", "be", "deploy", "."]
    assert res["upos"][1] == "AUX"
    [(tok, _)] = backend.annotate_texts(["Troops were deployed."], layers=frozenset({"tokens"}))
    assert tok["lemma"] == ["troops", "were", "deployed", "."] and set(tok["upos"]) == {"_"}
    assert backend.annotate_texts([""], layers=ALL)[0][0]["text"] == []


def test_annotate_en_hand_tagged_upos_floor(backend, data_dir):
    """UPOS of the rule tagger on a few hand-tagged sentences (en_upos.conllu); a floor, not a benchmark."""
    sents, cur = [], []
    for line in (data_dir / "annotate" / "en_upos.conllu").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if cur:
                sents.append(cur)
                cur = []
        elif not line.startswith("#"):
            cur.append(line.split("\t"))
    if cur:
        sents.append(cur)
    res = backend.annotate_tokens([[c[1] for c in s] for s in sents], layers=ALL)
    pairs = [(p, c[3]) for r, s in zip(res, sents) for p, c in zip(r["upos"], s)]
    acc = sum(p == g for p, g in pairs) / len(pairs)
    assert acc >= 0.85, acc


def test_annotate_en_capabilities_say_rules(backend):
    caps = {r["layer"]: r for r in backend.capabilities()}
    assert caps["upos"]["backend"] == "rules" and caps["upos"]["available"]
    assert "not measured" in caps["upos"]["note"]
    assert not caps["syntax"]["available"] and not caps["ner"]["available"]
    assert "simplemma=" in backend.version()


def test_annotate_en_emoji_before_a_sentence(backend):
    text = "❗️Six people died. 🔻The army retreated. 👨\u200d👩\u200d👧 Families fled."
    (tok, _ent), = backend.annotate_texts([text], layers=frozenset({"tokens", "lemma", "morph"}))
    rows = list(zip(tok["sent_id"], tok["text"], tok["upos"]))
    assert [r[1] for r in rows if r[1][0] in "❗🔻👨"] == ["❗️", "🔻", "👨\u200d👩\u200d👧"]
    # a new sentence after the emoji; "The" opening it is a determiner, not a name
    assert [r for r in rows if r[1] in ("🔻", "The")] == [(2, "🔻", "SYM"), (2, "The", "DET")]
    assert dict(zip(tok["text"], tok["lemma"]))["Families"] == "family"
