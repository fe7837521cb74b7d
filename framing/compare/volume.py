"""Documents per group and period: the attention a corpus gives over time.

:func:`volume` counts; :func:`framing.plot.volume` draws its table.
"""

from __future__ import annotations

import pandas as pd

from .._errors import OptionError, missing_columns
from .._options import InstanceOf, OneOf, check

#: bin codes -> the word used in titles
FREQS = {"h": "hour", "D": "day", "W": "week", "MS": "month"}
VOLUME_COLUMNS = ["period", "<by>", "documents"]


def volume(docs, *, by: str = "outlet", freq: str = "D") -> pd.DataFrame:
    """Documents per group and period, periods without documents counted 0.

    Parameters
    ----------
    docs : pandas.DataFrame, Corpus or Annotated
        A documents table with ``published`` and the ``by`` column (a Corpus
        or Annotated stands for its ``.docs``).
    by : str, default "outlet"
        Group column.
    freq : {"h", "D", "W", "MS"}, default "D"
        Bin width: hour, day, week (Monday to Sunday) or calendar month, in UTC.

    Returns
    -------
    pandas.DataFrame
        ``period`` (the start of the bin, UTC without a zone), the ``by``
        column and ``documents``: one row per period and group from the first
        to the last period of the corpus; ``.attrs["freq"]`` holds ``freq``.
        Documents without a date are left out and their number is in
        ``.attrs["undated"]``.

    References
    ----------
    McCombs, M. E., & Shaw, D. L. (1972). The agenda-setting function of mass
    media. *Public Opinion Quarterly* 36(2), 176–187 (documents per outlet and
    period as the "attention" measure).

    Examples
    --------
    >>> import framing
    >>> demo = framing.load_demo()
    >>> t = framing.volume(demo, freq="W")
    >>> t.columns.tolist(), int(t["documents"].sum()) == len(demo.docs)
    (['period', 'outlet', 'documents'], True)
    """
    check("volume", {"by": InstanceOf(str), "freq": OneOf(*FREQS)}, by=by, freq=freq)
    table = docs if isinstance(docs, pd.DataFrame) else getattr(docs, "docs", None)
    if not isinstance(table, pd.DataFrame):
        raise OptionError(f"volume(): pass a documents table (or a Corpus or Annotated), not {type(docs).__name__}.")
    missing = {by, "published"} - set(table.columns)
    if missing:
        raise missing_columns("volume(): the documents table", missing)
    d = table[[by, "published"]].dropna(subset=[by])
    undated = int(d["published"].isna().sum())
    d = d.dropna()
    t = pd.to_datetime(d["published"], utc=True).dt.tz_convert(None)
    period = t.dt.floor("h") if freq == "h" else t.dt.to_period({"D": "D", "W": "W", "MS": "M"}[freq]).dt.start_time
    counts = (d.assign(period=period.to_numpy()).groupby(["period", by]).size()
              .unstack(by, fill_value=0).sort_index())
    if len(counts):
        full = pd.date_range(counts.index.min(), counts.index.max(), freq=freq if freq != "W" else "W-MON")
        counts = counts.reindex(counts.index.union(full), fill_value=0)
    counts.columns = counts.columns.map(str)
    counts = counts[sorted(counts.columns)]
    out = (counts.rename_axis(index="period", columns=by).stack().rename("documents").reset_index()
           if counts.size else pd.DataFrame({"period": pd.Series(dtype="datetime64[ns]"),
                                             by: pd.Series(dtype=object), "documents": pd.Series(dtype="int64")}))
    out["documents"] = out["documents"].astype("int64")
    out.attrs.update({"freq": freq, "undated": undated})
    return out
