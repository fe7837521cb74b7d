"""Concordance over lemma sequences, globs and regexes, with offsets into the source."""

from __future__ import annotations

import framing

CONLLU = """# newdoc id = d1
# outlet = A
1	Власти	власть	NOUN	_	_	0	root	_	_
2	киевского	киевский	ADJ	_	_	3	amod	_	_
3	режима	режим	NOUN	_	_	1	nmod	_	SpaceAfter=No
4	.	.	PUNCT	_	_	1	punct	_	_

# newdoc id = d2
# outlet = B
1	Правительство	правительство	NOUN	_	_	0	root	_	_
2	Украины	Украина	PROPN	_	_	1	nmod	_	SpaceAfter=No
3	.	.	PUNCT	_	_	1	punct	_	_
"""


def test_kwic_multiword_lemma_pattern_keeps_surface_and_offsets():
    ann = framing.Annotated.from_conllu(CONLLU)
    k = framing.kwic(ann, "киевский режим")
    assert len(k) == 1
    row = k.iloc[0]
    assert row.match == "киевского режима" and row.outlet == "A"
    assert ann.docs.set_index("doc_id").text["d1"][row.start:row.end] == "киевского режима"
    assert row.left == "Власти" and row.right == "."


def test_kwic_glob_regex_and_no_match():
    ann = framing.Annotated.from_conllu(CONLLU)
    assert list(framing.kwic(ann, "укр*").match) == ["Украины"]
    assert list(framing.kwic(ann, "re:прав.*о").match) == ["Правительство"]
    assert framing.kwic(ann, "нацист").empty
    assert len(framing.kwic(ann, "режима", by_lemma=False)) == 1


def test_kwic_invalid_regex_is_a_clear_option_error():
    import pytest

    from framing._errors import OptionError

    ann = framing.Annotated.from_conllu(CONLLU)
    with pytest.raises(OptionError, match=r"'re:\(' is not a valid regular expression"):
        framing.kwic(ann, "re:(")
