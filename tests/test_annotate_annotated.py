"""framing.annotate.annotated: the Annotated tables and their selection."""

from __future__ import annotations

import pandas as pd
import pytest

import framing
from framing._errors import OptionError


@pytest.fixture(scope="module")
def demo_ann():
    return framing.annotate(framing.load_demo(), progress=False)


def _same_tables(a, b):
    pd.testing.assert_frame_equal(a.docs, b.docs)
    pd.testing.assert_frame_equal(a.tokens, b.tokens)
    pd.testing.assert_frame_equal(a.entities, b.entities)
    pd.testing.assert_frame_equal(a.capabilities, b.capabilities)
    pd.testing.assert_frame_equal(a.problems, b.problems)


@pytest.mark.parametrize("how", [
    dict(outlets=["global_wire", "svobodny_golos"]),
    dict(outlets="kyiv_vesti_ru", start="2025-11-10", end="2025-11-20T12:00"),
    dict(events=["e03", "e07"]),
    dict(docs=None, start="2025-11-25"),
])
def test_annotate_annotated_select_equals_annotating_the_subset(demo_ann, how):
    sub = demo_ann.select(**how)
    corpus = demo_ann.corpus
    d = corpus.docs
    mask = pd.Series(True, index=d.index)
    if how.get("outlets") is not None:
        outs = [how["outlets"]] if isinstance(how["outlets"], str) else how["outlets"]
        mask &= d["outlet"].isin(outs)
    if how.get("events") is not None:
        mask &= d["event"].isin(how["events"])
    if how.get("start") is not None:
        mask &= d["published"] >= pd.Timestamp(how["start"], tz="UTC")
    if how.get("end") is not None:
        mask &= d["published"] < pd.Timestamp(how["end"], tz="UTC")
    assert 0 < mask.sum() < len(d)
    again = framing.annotate(corpus.filter(mask.to_numpy()), progress=False)
    assert len(sub) == mask.sum()
    _same_tables(sub, again)
    assert sub.meta["selected"] and "selected" not in demo_ann.meta
    # the original is untouched
    assert len(demo_ann) == len(d) and len(demo_ann.tokens) > len(sub.tokens)


def test_annotate_annotated_select_by_documents_keeps_their_order(demo_ann):
    ids = demo_ann.docs["doc_id"].tolist()
    sub = demo_ann.select(docs=[ids[5], ids[2]])
    assert sub.docs["doc_id"].tolist() == [ids[2], ids[5]]
    assert sub.tokens["doc_id"].unique().tolist() == [ids[2], ids[5]]
    pd.testing.assert_frame_equal(sub.entities, demo_ann.entities[demo_ann.entities["doc_id"].isin(ids[2:6:3])]
                                  .reset_index(drop=True))
    assert demo_ann.select() is demo_ann  # nothing to restrict


def test_annotate_annotated_select_errors(demo_ann):
    with pytest.raises(OptionError, match=r"outlets \['nowhere'\]: no such outlet"):
        demo_ann.select(outlets=["global_wire", "nowhere"])
    with pytest.raises(OptionError, match="no such event"):
        demo_ann.select(events="e99")
    with pytest.raises(OptionError, match="start='next tuesday' is not a date"):
        demo_ann.select(start="next tuesday")
    with pytest.raises(OptionError, match="no document matches.*date from"):
        demo_ann.select(outlets="global_wire", start="2030-01-01")
    with pytest.raises(OptionError, match="outlets=3"):
        demo_ann.select(outlets=3)
    no_events = framing.Annotated.from_conllu("1\tПутин\tПутин\tPROPN\t_\t_\t0\troot\t_\t_")
    with pytest.raises(OptionError, match="events= needs an 'event_id' or 'event' column"):
        no_events.select(events="e01")
