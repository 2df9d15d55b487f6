"""Interviewers named in prose by cues the reader once missed: "panellists are", "supported
by", "facilitated by", "will ask you", "wants a chat with you", "will ... and conduct the
interview"."""

from __future__ import annotations

from datetime import date

import pytest

from secondround.engine.reading.invitation import parse_invitation, roster_as_json


def _names(middle: str) -> list[str]:
    text = (
        "Dear Sam,\n\nThank you for applying for the Staff Nurse post. We would like to invite"
        " you to an interview on Tuesday 12 May 2026 at 10:00 at Ward 7.\n\n"
        f"{middle}\n\nKind regards,\nJo Bloggs\nRecruitment Officer\n"
    )
    return [row["name"] for row in roster_as_json(parse_invitation(text, today=date(2026, 5, 1)))]


@pytest.mark.parametrize(
    ("middle", "wanted"),
    [
        (
            "The panellists are Ana Lima (Ward Manager) and Ben Okafor (Matron).",
            ["Ana Lima", "Ben Okafor"],
        ),
        (
            "Ana Lima, Ward Manager, will lead the interview, supported by Ben Okafor, Matron.",
            ["Ana Lima", "Ben Okafor"],
        ),
        (
            "Ana Lima, Ward Manager, will chair the panel, assisted by Ben Okafor, Matron.",
            ["Ana Lima", "Ben Okafor"],
        ),
        (
            "The session will be facilitated by Ana Lima (Ward Manager) and Ben Okafor (Matron).",
            ["Ana Lima", "Ben Okafor"],
        ),
        ("Ana Lima (Ward Manager) will ask you some clinical questions.", ["Ana Lima"]),
        (
            "Ana Lima (Ward Manager) wants a quick chat with you before you start.",
            ["Ana Lima"],
        ),
        (
            "Ana Lima (Ward Manager) will call you on Teams and conduct the interview.",
            ["Ana Lima"],
        ),
    ],
)
def test_interviewers_named_in_prose(middle: str, wanted: list[str]) -> None:
    assert _names(middle) == wanted


@pytest.mark.parametrize(
    "middle",
    [
        # Not cues: a person who only arranges, or is mentioned in passing.
        "If you have questions, Ana Lima (HR Advisor) can help you with parking.",
        "Ana Lima (HR Advisor) will send you the link and ask you to confirm.",
    ],
)
def test_people_beside_the_interview_are_not_listed(middle: str) -> None:
    assert "Ana Lima" not in _names(middle)
