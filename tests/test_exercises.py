"""framing.exercises: every reference answer passes its check, typical wrong answers fail with a message
naming the problem, and the catalogue, notebooks and solutions agree."""

from __future__ import annotations

import copy

import pandas as pd
import pytest

import framing
from framing._errors import OptionError
from framing.exercises._checks import SPECS

from conftest import ROOT

IDS = framing.exercises.list()["id"].tolist()
EXERCISES = ROOT / "notebooks" / "exercises"


def test_exercises_catalogue_has_eight_or_more_with_notebooks_and_solutions():
    cat = framing.exercises.list()
    assert cat.columns.tolist() == ["id", "title", "notebook", "minutes", "level", "requires", "goals"]
    assert len(cat) >= 8 and cat["id"].is_unique
    assert set(cat["id"]) == set(SPECS)
    for row in cat.itertuples():
        assert (EXERCISES / f"{row.notebook}.py").is_file(), row.notebook
        assert (EXERCISES / "solutions" / f"{row.notebook}.py").is_file(), row.notebook
        text = (EXERCISES / f"{row.notebook}.py").read_text(encoding="utf-8")
        assert f'framing.exercises.check("{row.id}", answer)' in text, row.notebook
        assert "## Tasks" in text and "## Hints" in text and "You will learn to" in text, row.notebook
        assert row.minutes > 0
    assert "epithets_for_actor" in (EXERCISES / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("exercise_id", IDS)
def test_exercises_solution_passes(exercise_id):
    fb = framing.exercises.check(exercise_id, framing.exercises.solution(exercise_id))
    assert fb.ok, fb.message
    assert bool(fb) and fb.problems == ()


def _wrong_answers(exercise_id, sol):
    """(wrong answer, words the message must contain) pairs built from the reference answer."""
    if exercise_id in ("epithets_for_actor", "keyness_languages", "same_event"):
        extra = {"epithets_for_actor": "киевский", "keyness_languages": "vestnik_agency",
                 "same_event": "e01_vestnik_agency"}[exercise_id]
        return [(sol[1:], ["missing 1 of", repr(sol[0])]),
                (sol + [extra], ["1 extra", repr(extra)]),
                (sol[0], ["Wrong type", "list or set of strings", "not a str"]),
                ([1, 2], ["must be strings"])]
    if exercise_id in ("reporting_verbs", "v_na_ukraine"):
        outlet = sorted(sol)[0]
        key = sorted(sol[outlet])[0]
        more = copy.deepcopy(sol)
        more[outlet][key] += 1
        fewer = {o: v for o, v in sol.items() if o != outlet}
        extra = {**sol, "no_such_outlet": {key: 1}}
        return [(more, [f"wrong count for outlet {outlet!r}", repr(key), "too high"]),
                (fewer, [f"outlet {outlet!r} is missing"]),
                (extra, ["'no_such_outlet' was not asked for"]),
                (list(sol), ["Wrong type", "dict"]),
                (pd.DataFrame(sol).T.drop(columns=[key]), [repr(key), "too low"])]
    if exercise_id == "wire_copies":
        return [(sol[1:], ["missing 1 of", sol[0][0]]),
                (sol + [("e02_vestnik_agency", "e02_global_wire")], ["1 extra", "e02_global_wire"]),
                ("e01_vestnik_agency", ["Wrong type", "pairs"]),
                ([(sol[0][0], sol[0][0])], ["cannot be a copy of itself"]),
                ([sol[0][0]], ["must be a pair"])]
    if exercise_id == "validation_precision":
        from framing.exercises._checks import code_with_key, validation_sheet

        codes = code_with_key(validation_sheet().table).tolist()
        flipped = ["no" if c == "yes" else "yes" for c in codes[:1]] + codes[1:]
        return [(flipped, ["row(s) [0]"]),
                (codes[:9], ["all 10 rows", "gave 9"]),
                (codes[:9] + ["maybe"], ["'maybe'", "yes' or 'no"]),
                (sol * 100, ["divide by 100"]),
                (min(sol + 0.1, 1.0) if sol < 0.9 else sol - 0.1, ["precision", "too"]),
                (str(sol), ["Wrong type", "a number between 0 and 1"])]
    if exercise_id in ("distancing_by_outlet", "security_frame"):
        what = {"distancing_by_outlet": "distancing rate", "security_frame": "share of documents"}[exercise_id]
        outlet = sorted(sol)[0]
        return [({o: v * 100 for o, v in sol.items()}, ["divide by 100"]),
                ({**sol, outlet: sol[outlet] + 0.05}, [f"wrong {what} for outlet {outlet!r}", "too high"]),
                ({o: v for o, v in sol.items() if o != outlet}, [f"outlet {outlet!r} is missing"]),
                ({**sol, outlet: "high"}, ["must be a number", "str"]),
                ([0.1, 0.2], ["Wrong type", "dict"])]
    raise AssertionError(f"no wrong answers written for {exercise_id}")


@pytest.mark.parametrize("exercise_id", IDS)
def test_exercises_wrong_answers_fail_naming_the_problem(exercise_id):
    sol = framing.exercises.solution(exercise_id)
    cases = _wrong_answers(exercise_id, sol)
    assert len(cases) >= 4
    for wrong, words in cases:
        fb = framing.exercises.check(exercise_id, wrong)
        assert not fb.ok and not bool(fb), (exercise_id, wrong)
        for w in words:
            assert w in fb.message, (exercise_id, wrong, w, fb.message)
        assert fb.problems


def test_exercises_long_messages_are_cut_but_problems_kept():
    sol = framing.exercises.solution("distancing_by_outlet")
    fb = framing.exercises.check("distancing_by_outlet", {o: v * 100 for o, v in sol.items()})
    assert len(fb.problems) == len(sol) > 5
    assert f"and {len(sol) - 5} more problems" in fb.message


def test_exercises_no_answer_yet_says_what_to_give():
    fb = framing.exercises.check("wire_copies", None)
    assert not fb.ok and fb.message == "No answer yet: set answer to a list of (doc_id, doc_id) pairs."


def test_exercises_unknown_id_names_the_known_ones():
    with pytest.raises(OptionError, match="no exercise 'nope'.*wire_copies"):
        framing.exercises.check("nope", [])
    with pytest.raises(OptionError, match="no exercise"):
        framing.exercises.solution("nope")


def test_exercises_feedback_renders_in_a_notebook():
    fb = framing.exercises.check("same_event", [])
    html = fb._repr_html_()
    assert "not yet" in html and "missing 6 of the 6" in html
    assert repr(fb).startswith("✗ same_event")
