"""The Wilson score interval of a proportion (the precision of a coded sample)."""

from __future__ import annotations

import math
from statistics import NormalDist


# --- statistics ------------------------------------------------------------------------

def wilson_interval(successes, n, *, confidence: float = 0.95) -> tuple[float, float]:
    """Wilson score interval of a binomial proportion (without continuity correction).

    Parameters
    ----------
    successes : float
        Number of successes (may be a weighted count).
    n : float
        Number of trials (or an effective sample size); 0 gives ``(nan, nan)``.
    confidence : float
        Confidence level in (0, 1).

    Returns
    -------
    (low, high) : tuple of float

    References
    ----------
    Wilson, E. B. (1927). Probable inference, the law of succession, and
    statistical inference. *JASA* 22(158), 209–212.
    Newcombe, R. G. (1998). Two-sided confidence intervals for the single
    proportion. *Statistics in Medicine* 17, 857–872 (method 3).

    Examples
    --------
    Newcombe's (1998) example of 81 successes in 263 trials:

    >>> from framing.validation import wilson_interval
    >>> [round(x, 4) for x in wilson_interval(81, 263)]
    [0.2553, 0.3662]
    """
    if n <= 0:
        return float("nan"), float("nan")
    z = NormalDist().inv_cdf(1 - (1 - confidence) / 2)
    p = min(max(successes / n, 0.0), 1.0)
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    low = 0.0 if p == 0 else max(0.0, centre - half)          # exact bounds at 0 and n (no rounding noise)
    high = 1.0 if p == 1 else min(1.0, centre + half)
    return low, high
