"""framing.volume: documents per group and period."""

from __future__ import annotations

import pandas as pd
import pytest

import framing
from framing._errors import OptionError, SchemaError


def test_volume_counts_per_outlet_and_period():
    demo = framing.load_demo()
    t = framing.volume(demo, freq="W")
    assert t.columns.tolist() == ["period", "outlet", "documents"]
    assert int(t["documents"].sum()) == len(demo)
    assert t.groupby("outlet")["documents"].sum().to_dict() == demo.docs["outlet"].value_counts().to_dict()
    assert t.attrs["freq"] == "W"
    daily = framing.volume(demo.docs, freq="D")
    assert daily["period"].nunique() == (daily["period"].max() - daily["period"].min()).days + 1   # zero days kept
    assert (daily.groupby("period").size() == demo.docs["outlet"].nunique()).all()                  # every outlet, every day


def test_volume_by_hand():
    docs = pd.DataFrame({"outlet": ["a", "a", "b", "b"],
                         "published": pd.to_datetime(["2024-01-01 10:00", "2024-01-03 23:59", "2024-01-03 00:00",
                                                      None], utc=True)})
    t = framing.volume(docs, freq="D")
    got = {(str(p.date()), o): n for p, o, n in t.itertuples(index=False)}
    assert got == {("2024-01-01", "a"): 1, ("2024-01-01", "b"): 0, ("2024-01-02", "a"): 0,
                   ("2024-01-02", "b"): 0, ("2024-01-03", "a"): 1, ("2024-01-03", "b"): 1}
    assert t.attrs["undated"] == 1


def test_volume_checks_its_input():
    docs = framing.load_demo().docs
    with pytest.raises(OptionError, match="freq"):
        framing.volume(docs, freq="Y")
    with pytest.raises(SchemaError):
        framing.volume(docs.drop(columns=["published"]))
    with pytest.raises(OptionError, match="documents table"):
        framing.volume([1, 2])
