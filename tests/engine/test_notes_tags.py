"""Failure classes read on eval/notes_fresh3 (declared development in notes5): a "key:" line
whose marks grade the questions, labels marked "concern??", worry tags after a dash or alone
in a sentence, a reaction after the answer summary on a question's line, a score left at the
end of an item, and a thing left unsaid after a question's grade."""

from __future__ import annotations

import pytest

from secondround.engine.reading.note_cues import inline_label
from secondround.engine.reading.note_grades import read_legend
from secondround.engine.reading.note_sorter import RuleSorter
from secondround.engine.reading.notes import split_notes, split_notes_as_json


def _split(text: str) -> dict[str, object]:
    return split_notes_as_json(split_notes(text, sorter=RuleSorter(), use_parse=False))


@pytest.mark.parametrize(
    ("line", "legend"),
    [
        ("key: + went well / - didn't / ? not sure", {"+": "comfortable", "?": "unsure"}),
        ("legend: (+) good, (-) bad, (?) not sure", {"+": "comfortable", "?": "unsure"}),
        ("+ tell me about yourself", None),  # a graded line, not a key
        ("key: the panel was three people", None),
    ],
)
def test_key_lines(line: str, legend: dict[str, str] | None) -> None:
    found = read_legend(line)
    if legend is None:
        assert found is None
    else:
        assert found is not None
        assert {mark: found[mark] for mark in legend} == legend


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("concern?? supervisor kept asking about my licence", ("concerns", "supervisor kept")),
        ("worry!! she asked about nights", ("concerns", "she asked about nights")),
        ("forgot - my CPR card", ("misses", "my CPR card")),
        ("why?? no idea", None),
    ],
)
def test_marked_labels(line: str, expected: tuple[str, str] | None) -> None:
    found = inline_label(line)
    if expected is None:
        assert found is None
    else:
        assert found is not None
        assert found[0] == expected[0] and found[1].startswith(expected[1])


@pytest.mark.parametrize(
    ("note", "field", "items"),
    [
        (
            "key: + went well / - didn't / ? not sure\n\n"
            "+ why this hospital → talked about their bariatric program\n"
            "? strengths & weaknesses — said public speaking, felt rehearsed\n",
            "questions",
            [
                {"text": "why this hospital", "went": "comfortable"},
                {"text": "strengths & weaknesses", "went": "unsure"},
            ],
        ),
        (
            "concern?? manager kept asking about my forklift licence\n",
            "concerns",
            ["manager kept asking about my forklift licence"],
        ),
        (
            "- she asked twice how technical I am — worry?\n",
            "concerns",
            ["she asked twice how technical I am"],
        ),
        (
            # After a comma the reading stays part of the item.
            "They asked twice about relocating to the Dublin base, prob a worry\n",
            "concerns",
            ["They asked twice about relocating to the Dublin base, prob a worry"],
        ),
        (
            "3. A project where the client changed direction — told the bakery story, CD "
            "laughed at the croissant bit. 9/10\n",
            "positives",
            ["CD laughed at the croissant bit"],
        ),
        (
            "The principal asked how I'd run groups and I mentioned the ASCA model, which the "
            "principal seemed to like.\n",
            "positives",
            ["I mentioned the ASCA model, which the principal seemed to like"],
        ),
        (
            "2. Describe your process from brief to delivery. 6/10, forgot to mention user "
            "testing\n",
            "misses",
            ["forgot to mention user testing"],
        ),
        (
            # A reaction with nothing of its own, in the answer's sentence, only grades.
            "- asked how I'd check a prescription; I said I'd verify the dose, she seemed "
            "happy with that\n",
            "positives",
            [],
        ),
    ],
)
def test_items(note: str, field: str, items: list[object]) -> None:
    assert _split(note)[field] == items


@pytest.mark.parametrize(
    ("note", "answers", "misses"),
    [
        (
            "Questions asked\n- how do you handle a late shipment\n"
            "- tell me about a time you coached someone\n\nWhat I answered\n"
            "- coaching: paired the new picker with Ana for a week\n"
            "- late shipment: called the carrier, told the customer early\n",
            ["told the customer early", "paired the new picker"],
            [],
        ),
        (
            "Questions\n- why this depot\n\nMy answers\n- said it's close to home, forgot to "
            "mention my forklift licence\n",
            ["close to home"],
            ["forgot to mention my forklift licence"],
        ),
    ],
)
def test_what_i_answered(note: str, answers: list[str], misses: list[str]) -> None:
    found = _split(note)
    questions = found["questions"]
    assert isinstance(questions, list)
    for question, expected in zip(questions, answers, strict=True):
        assert expected in question.get("answer", "")
    assert found["misses"] == misses
    assert found["positives"] == [] and found["concerns"] == []


@pytest.mark.parametrize(
    "clause",
    [
        "think she's not sure I'm ready for agency pace",
        "he wasn't sure I'd cope with nights",
    ],
)
def test_their_doubt_is_a_concern(clause: str) -> None:
    from secondround.engine.reading.note_cues import CONCERN_RE

    assert CONCERN_RE.search(clause)
