"""The phrasing layer: what form a note has, and agreement with it."""

from __future__ import annotations

import pytest

from secondround.engine.nlp import phrasing


@pytest.mark.parametrize(
    ("note", "clause"),
    [
        # A noun and its predicate with "be" left out, as people write notes.
        ("loyalty sign-ups down this year", "loyalty sign-ups are down this year"),
        ("Carrier costs up 12%", "Carrier costs are up 12%"),
        ("float pool overused", "float pool is overused"),
    ],
)
def test_headline_notes_read_as_clauses(note, clause):
    piece = phrasing.read(note)
    assert piece.form is phrasing.Form.CLAUSE
    assert piece.text == clause


@pytest.mark.parametrize(
    ("noun", "plural"),
    [
        ("the busy classroom and 2 kids with high needs", True),  # two things
        ("cost and service improvements", True),
        ("Alaris pumps", True),
        ("the CAUTI bundle", False),
        ("margin per lane", False),
        ("the rework problem on chute jobs", False),
    ],
)
def test_plural_agreement(noun, plural):
    assert phrasing.plural(noun) is plural
