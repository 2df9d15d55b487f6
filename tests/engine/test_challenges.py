"""A challenge note is read into the shape its frames need (issue 15's review)."""

from __future__ import annotations

import pytest

from secondround.engine.nlp.challenges import Shape, read_challenge


@pytest.mark.parametrize(
    ("note", "shape", "why", "result"),
    [
        # A measure has a trend and a measurable result.
        (
            "Peak-season on-time rate fell to 93%",
            Shape.CLAUSE,
            "why the peak-season on-time rate fell to 93%",
            "a measurable result on the peak-season on-time rate",
        ),
        (
            "agency staff turnover",
            Shape.MEASURE,
            "what drives agency staff turnover",
            "a measurable result on agency staff turnover",
        ),
        # A thing is handled, not driven; it has an outcome, not a trend.
        (
            "the allergen matrix",
            Shape.THING,
            "how the team handles the allergen matrix",
            "an agreed outcome on the allergen matrix",
        ),
        (
            "the young brigade and turnover",
            Shape.THING,
            "how the team handles the young brigade and turnover",
            "an agreed outcome on the young brigade and turnover",
        ),
        # Shorthand with "be" left out reads as a clause.
        (
            "compliance packs behind",
            Shape.CLAUSE,
            "why compliance packs are behind",
            "an agreed outcome on the challenge that compliance packs are behind",
        ),
        # Something to do.
        (
            "growing the ACL rehab program",
            Shape.AIM,
            "what growing the ACL rehab program takes",
            "an agreed outcome on growing the ACL rehab program",
        ),
        # Shorthand nobody can rephrase is quoted as the user's own words.
        (
            "GP at 66-68% and the target 70",
            Shape.NOTE,
            "the round-1 note “GP at 66-68% and the target 70”",
            "an agreed outcome on the challenge noted as “GP at 66-68% and the target 70”",
        ),
        (
            "rebooking rate / PVA",
            Shape.NOTE,
            "the round-1 note “rebooking rate / PVA”",
            "an agreed outcome on the challenge noted as “rebooking rate / PVA”",
        ),
    ],
)
def test_each_shape_gets_frames_that_fit(note, shape, why, result):
    challenge = read_challenge(note)
    assert challenge is not None
    assert challenge.shape is shape
    assert challenge.why == why
    assert challenge.result == result
    assert challenge.spoken is (shape is not Shape.NOTE)


@pytest.mark.parametrize("note", ["she", "😀", "", "   "])
def test_nothing_to_name(note):
    assert read_challenge(note) is None
