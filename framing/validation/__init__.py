"""Validation: hand-code a sample of a measure's rows, report precision, recall and agreement.

Content analysis reports how often a measure is right against human coding and
how far the coders agree with each other (Krippendorff 2004, ch. 11–12).  Three
functions do that for any measure table of framing:

:func:`validation_sample`
    draws a stratified random sample of rows (of :func:`framing.epithets`,
    :func:`framing.attributions`, the mentions of :func:`framing.actors` or of
    :func:`framing.naming`, …) and returns a :class:`CodingSheet`: one row per
    sampled item with its ids and offsets, the sentence with the span marked
    ``⟦…⟧``, the predicted values to judge and an empty column ``ok_<field>``
    for each judged field, plus ``note`` and ``coder``.  The sheet is written as
    a spreadsheet-safe CSV (:meth:`CodingSheet.to_csv`), as a standalone HTML
    coding page that saves the coder's CSV in the browser
    (:meth:`CodingSheet.to_html`), and as a text-free file of ids, offsets and
    judgments that a project can commit (:meth:`CodingSheet.to_gold`).
:func:`validation_report`
    reads the coded sheet back and gives precision per judged field, per
    outlet and per kind, with Wilson score intervals; given an exhaustively
    coded set of documents (``truth=``), precision, recall and F1 by span
    overlap.
:func:`agreement`
    percent agreement, Cohen's kappa, Fleiss' kappa and Krippendorff's alpha
    between two or more coders of the same sheet.

Judgments
---------
A coder writes in each ``ok_<field>`` cell whether the predicted value is
right: ``yes`` / ``no`` (also ``y``/``n``, ``1``/``0``, ``true``/``false``,
``да``/``нет``, ``так``/``ні``, ``+``/``-``), or ``na`` when the field does
not apply (for instance the kind of a span that is no descriptor at all).
Empty cells are *uncoded*: counted and reported, never silently dropped.
The field ``span`` asks whether the marked text is a true instance of the
measure with the right extent; every other field asks whether the predicted
value in that column is right (``ok_actor``: the row belongs to that actor;
``ok_kind``: the kind is right; ``ok_evaluative``: the evaluative flag is
right).  The report's pseudo-field ``row`` is right when every coded field of
the row is right.

References
----------
Cochran, W. G. (1977). *Sampling Techniques* (3rd ed.). Wiley, ch. 5.
Kish, L. (1965). *Survey Sampling*. Wiley, § 8.2.
Wilson, E. B. (1927). Probable inference, the law of succession, and
statistical inference. *JASA* 22(158), 209–212.
Newcombe, R. G. (1998). Two-sided confidence intervals for the single
proportion: comparison of seven methods. *Statistics in Medicine* 17, 857–872.
Cohen, J. (1960). A coefficient of agreement for nominal scales.
*Educational and Psychological Measurement* 20(1), 37–46.
Cohen, J. (1968). Weighted kappa. *Psychological Bulletin* 70(4), 213–220.
Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters.
*Psychological Bulletin* 76(5), 378–382.
Krippendorff, K. (2004). *Content Analysis: An Introduction to Its
Methodology* (2nd ed.). Sage, ch. 11.
Krippendorff, K. (2011). Computing Krippendorff's alpha-reliability.
Annenberg School for Communication, University of Pennsylvania.

The package: :mod:`~framing.validation.sampling` (the stratified sample),
:mod:`~framing.validation.sheet` (the coding sheet) and
:mod:`~framing.validation.page` (its HTML coding page),
:mod:`~framing.validation.report` (reading a coded sheet back: precision,
recall), :mod:`~framing.validation.agreement` (between coders),
:mod:`~framing.validation.statistics` (the Wilson interval) and
``_common`` (what each measure table marks, shows and judges).  Everything is
imported from ``framing.validation`` as before.
"""

from ._common import AGREEMENT_COLUMNS, GOLD_ID_COLUMNS, MEASURES, PRECISION_COLUMNS, RECALL_COLUMNS
from .agreement import agreement
from .report import _read_coded, validation_report  # noqa: F401 - _read_coded: read by benchmarks/validity.py
from .sampling import validation_sample
from .sheet import CodingSheet
from .statistics import wilson_interval

__all__ = ["validation_sample", "validation_report", "agreement", "CodingSheet", "wilson_interval",
           "MEASURES", "PRECISION_COLUMNS", "RECALL_COLUMNS", "AGREEMENT_COLUMNS", "GOLD_ID_COLUMNS"]
