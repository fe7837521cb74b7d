"""Classroom exercises on the demo corpus, checked automatically.

The catalogue (``catalogue.tsv`` beside this file: id, title, notebook,
minutes, level, requires, goals) lists the exercises; each has a notebook
``notebooks/exercises/<notebook>.py`` with learning goals, tasks, hints and a
check cell, and a worked solution in ``notebooks/exercises/solutions/``.

* :func:`list` — the catalogue as a table.
* :func:`check` — feedback on an answer: ``.ok`` and a ``.message`` naming
  what is wrong (missing items, extra items, a wrong count for an outlet, the
  wrong type of answer).
* :func:`solution` — the reference answer, for teachers.

Reference answers are computed from the demo corpus with framing itself when
asked for (never stored), so they follow the toolkit: when a measure changes,
the exercises change with it and the tests say so.  An exercise is added with
a catalogue row, a :class:`~framing.exercises._checks.Spec` in ``SPECS`` and
its two notebooks.

References
----------
Hattie, J., & Timperley, H. (2007). The power of feedback. *Review of
Educational Research* 77(1), 81–112 (feedback names the task-level error and
the next step, not only "wrong").
"""

from __future__ import annotations

import builtins
import csv
from dataclasses import dataclass, field
from pathlib import Path

from .._errors import OptionError

__all__ = ["Feedback", "check", "list", "solution", "exercise", "code_with_key"]

CATALOGUE = Path(__file__).with_name("catalogue.tsv")
_SHOWN = 5  # problems named in a message (all are in Feedback.problems)


@dataclass(frozen=True)
class Feedback:
    """The result of :func:`check`: ``ok`` and a message for the student.

    ``problems`` lists each thing that is wrong (empty when ``ok``).  A
    Feedback is true when the answer is right, so ``assert check(...)`` works.
    """

    exercise: str
    ok: bool
    message: str
    problems: tuple = field(default_factory=tuple)

    def __bool__(self) -> bool:
        return self.ok

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{'✓' if self.ok else '✗'} {self.exercise}: {self.message}"

    def _repr_html_(self) -> str:
        import html

        colour = "#009E73" if self.ok else "#D55E00"
        body = html.escape(self.message).replace("\n", "<br>")
        return (f"<div style='border-left:4px solid {colour};padding:4px 8px'><b>{'✓ right' if self.ok else '✗ not yet'}"
                f"</b> ({html.escape(self.exercise)})<br>{body}</div>")


def code_with_key(table):
    """Code attribution cues with the demo corpus's answer key, as a careful coder would.

    A row's cue is right (``"yes"``) when the answer key lists, in the same
    document, an attribution whose reporting verb has the row's
    ``verb_lemma``; else ``"no"``.  Used for the reference answer of the
    ``validation_precision`` exercise, and by teachers to show a coded sheet.

    Parameters
    ----------
    table : pandas.DataFrame
        Rows of :func:`framing.attributions` on the demo corpus (or a coding
        sheet's ``.table``): ``doc_id`` and ``verb_lemma``.

    Returns
    -------
    pandas.Series
        ``"yes"`` or ``"no"`` per row, named ``ok_cue``.

    Examples
    --------
    >>> import framing
    >>> att = framing.attributions(framing.annotate(framing.load_demo(), progress=False))
    >>> framing.exercises.code_with_key(att).value_counts().index.tolist()
    ['yes', 'no']
    """
    from ._checks import code_with_key as code

    return code(table)


def _catalogue() -> builtins.list[dict]:
    with open(CATALOGUE, encoding="utf-8", newline="") as fh:
        return builtins.list(csv.DictReader(fh, delimiter="\t"))


def list():  # noqa: A001 - the catalogue's name in the public API
    """The exercises: one row each.

    Returns
    -------
    pandas.DataFrame
        ``id``, ``title``, ``notebook`` (under ``notebooks/exercises/``),
        ``minutes`` (time in class), ``level`` (1 first steps, 2 needs the
        tutorials), ``requires`` (what must be installed or built besides
        framing; empty for none) and ``goals``.

    Examples
    --------
    >>> import framing
    >>> cat = framing.exercises.list()
    >>> len(cat) >= 8, cat.columns.tolist()[:4]
    (True, ['id', 'title', 'notebook', 'minutes'])
    >>> cat.loc[cat["id"] == "wire_copies", "minutes"].item()
    20
    """
    import pandas as pd

    table = pd.DataFrame(_catalogue())
    table["minutes"] = table["minutes"].astype(int)
    table["level"] = table["level"].astype(int)
    return table


def exercise(exercise_id: str) -> dict:
    """The catalogue row of one exercise, with ``answer_form``: what an answer looks like.

    Examples
    --------
    >>> import framing
    >>> framing.exercises.exercise("wire_copies")["answer_form"]
    'a list of (doc_id, doc_id) pairs'
    """
    from ._checks import SPECS

    rows = {r["id"]: r for r in _catalogue()}
    if exercise_id not in rows or exercise_id not in SPECS:
        known = ", ".join(sorted(rows))
        raise OptionError(f"no exercise {exercise_id!r}; the exercises are: {known} (framing.exercises.list()).")
    return {**rows[exercise_id], "answer_form": SPECS[exercise_id].answer_form}


def solution(exercise_id: str):
    """The reference answer of an exercise, computed from the demo corpus with framing.

    Parameters
    ----------
    exercise_id : str
        An ``id`` of :func:`list`.

    Returns
    -------
    list, dict or float
        In the form :func:`check` expects (``exercise(id)["answer_form"]``).

    Examples
    --------
    >>> import framing
    >>> framing.exercises.solution("epithets_for_actor")
    ['западный', 'куратор', 'покровитель']
    """
    from ._checks import SPECS, demo

    exercise(exercise_id)
    return SPECS[exercise_id].reference(demo())


def check(exercise_id: str, answer) -> Feedback:
    """Check an answer; the feedback names what is wrong.

    Parameters
    ----------
    exercise_id : str
        An ``id`` of :func:`list`.
    answer
        The student's answer, in the form the exercise asks for
        (``exercise(id)["answer_form"]``); tables (pandas) are accepted where
        they are the natural result.

    Returns
    -------
    Feedback
        ``.ok`` is True for a right answer; ``.message`` says what is right
        or lists what is wrong: missing items, extra items, a wrong count for
        an outlet (too high or too low, not the value), an answer of the wrong
        type and what type is expected (``None``: no answer yet).

    Examples
    --------
    >>> import framing
    >>> framing.exercises.check("epithets_for_actor", ["западный", "куратор", "покровитель"]).ok
    True
    >>> fb = framing.exercises.check("epithets_for_actor", ["западный", "куратор", "киевский"])
    >>> fb.ok, fb.message
    (False, "Not yet: missing 1 of the 3 epithet lemmas: 'покровитель'; 1 extra epithet lemmas that should not be there: 'киевский'.")
    >>> print(framing.exercises.check("epithets_for_actor", "западный").message)
    Wrong type of answer: give epithet lemmas as a list or set of strings, not a str (put the single item in a list: ["..."]). Expected: a list of epithet lemmas, e.g. ['западный', ...].
    """
    from ._checks import SPECS, WrongType, demo

    exercise(exercise_id)
    spec = SPECS[exercise_id]
    if answer is None:
        return Feedback(exercise_id, False, f"No answer yet: set answer to {spec.answer_form}.",
                        ("no answer",))
    expected = spec.reference(demo())
    try:
        problems = tuple(spec.check(answer, expected))
    except WrongType as err:
        return Feedback(exercise_id, False, f"Wrong type of answer: {err}. Expected: {spec.answer_form}.",
                        (str(err),))
    if problems:
        shown = builtins.list(problems[:_SHOWN]) + (
            [f"and {len(problems) - _SHOWN} more problems of the same kind"] if len(problems) > _SHOWN else [])
        return Feedback(exercise_id, False, "Not yet: " + "; ".join(shown) + ".", problems)
    return Feedback(exercise_id, True, "Right. Now read the examples behind the numbers: do they mean what "
                                       "the measure says?")
