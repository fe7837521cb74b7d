"""Topic models of a document × term matrix and their effects by outlet and time.

* :class:`~framing.topics.model.TopicModel` — the structural topic model
  (Roberts, Stewart & Airoldi 2016) in Python, with LDA and NMF for comparison;
  ``prevalence`` and ``difference`` give topic shares by outlet (and over time)
  with the intervals of stm's ``estimateEffect``;
* :func:`~framing.topics.search.search_k` — choosing the number of topics:
  held-out likelihood by document completion, semantic coherence,
  exclusivity and NPMI coherence per K, as stm's ``searchK``.
"""

from __future__ import annotations

from .model import TopicModel
from .search import search_k

__all__ = ["TopicModel", "search_k"]
