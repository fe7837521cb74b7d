"""Readers of existing evaluative lexicons, and the project's own lists."""

from __future__ import annotations

import pandas as pd
import pytest

import framing
from framing.lexicons import read_lexicon
from framing.lexicons.readers import (LEXICON_COLUMNS, read_kartaslovsent, read_polsentilex, read_rusentilex,
                                      read_tone_dict_uk)

from conftest import DATA


def test_lexicons_readers_rusentilex_format(tmp_path):
    p = tmp_path / "rs.txt"
    p.write_bytes("! comment\r\nагрессор, Noun, агрессор, negative, opinion\r\n"
                  "атака, Noun, атака, negative, fact, \"ВОЕННЫЙ УДАР\"\r\n"
                  "атака, Noun, атака, positive, fact, \"ИГРОВОЕ ДЕЙСТВИЕ\"\r\n"
                  "герой, Noun, герой, postive, opinion\r\n".encode("utf-8"))
    df = read_rusentilex(p).set_index("lemma")
    assert df.loc["агрессор", "polarity"] == -1 and df.loc["атака", "polarity"] == 0
    assert df.loc["герой", "polarity"] == 1  # the original's typos are read
    assert len(read_rusentilex(p, senses="all")) == 4


def test_lexicons_readers_polsentilex_kartaslovsent_tone_dict(tmp_path):
    p = tmp_path / "pol.csv"
    p.write_text("\ufeffвраг,-2\nвраг,-1\nмир,2\n", encoding="utf-8")
    pol = read_polsentilex(p).set_index("lemma")
    assert pol.loc["враг", "polarity"] == -0.75 and pol.loc["враг", "n_votes"] == 2
    k = tmp_path / "k.csv"
    k.write_text("term;tag;value;pstv;ngtv;neut;dunno;pstvNgtvDisagreementRatio\nвраг;NGTV;-0.9;0;0.9;0.1;0;0\n",
                 encoding="utf-8")
    assert read_kartaslovsent(k)["polarity"].tolist() == [-0.9]
    u = tmp_path / "tone-dict-uk-manual.tsv"
    u.write_text("ворог\t-2\t-1,5\t0,5\n", encoding="utf-8")
    assert read_tone_dict_uk(u)["polarity"].tolist() == [-0.75]


@pytest.mark.parametrize("reader,rel,min_rows", [
    (read_rusentilex, ("lexicons", "rusentilex", "rusentilex_2017.txt"), 10000),
    (read_polsentilex, ("lexicons", "polsentilex_linis", "PolSentiLex-raw.csv"), 5000),
    (read_kartaslovsent, ("lexicons", "kartaslovsent", "kartaslovsent.csv"), 40000),
    (read_tone_dict_uk, ("lexicons", "tone-dict-uk", "tone-dict-uk.tsv"), 3000),
    (read_tone_dict_uk, ("lexicons", "tone-dict-uk", "tone-dict-uk-manual.tsv"), 6000),
])
def test_lexicons_readers_on_the_shared_copies(shared, reader, rel, min_rows):
    df = reader(shared(*rel))
    assert list(df.columns[:3]) == LEXICON_COLUMNS
    assert len(df) >= min_rows
    assert df["polarity"].between(-1, 1).all()
    assert df["lemma"].str.len().gt(0).all()


def test_lexicons_readers_output_is_a_lexicon_argument(shared):
    df = read_rusentilex(shared("lexicons", "rusentilex", "rusentilex_2017.txt"))
    ann = framing.Annotated.from_conllu(DATA / "measures" / "epithets_ru.conllu")
    ep = framing.epithets(ann, lexicon=df)
    assert ep.loc[ep["epithet_lemma"] == "нелегитимный", "polarity"].iloc[0] < 0


def test_lexicons_readers_builtin_lists_are_well_formed():
    for lang in ("ru", "uk", "en"):
        ev = read_lexicon(f"{lang}/evaluative")
        assert {"lemma", "polarity", "pos", "kind", "note"} <= set(ev.columns)
        pol = pd.to_numeric(ev["polarity"])
        assert pol.between(-1, 1).all() and len(ev) > 200
        assert not ev["lemma"].duplicated().any()
        al = read_lexicon(f"{lang}/actor_aliases")
        assert {"alias", "actor", "lang", "note"} <= set(al.columns)
        ti = read_lexicon(f"{lang}/titles")
        assert "lemma" in ti.columns and len(ti) > 100
    for lang in ("ru", "uk"):
        nom = read_lexicon(f"{lang}/nominations")
        assert pd.to_numeric(nom["polarity"]).between(-1, 1).all()
        assert {"бандеровец", "оккупант", "каратель", "нацист", "террорист"} & set(nom["lemma"])
