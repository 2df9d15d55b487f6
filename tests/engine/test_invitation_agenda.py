"""The round's agenda from an invitation: the parts of the day that are not people (a meal,
a tour, a test, a presentation), timed or said in passing, and what is not one."""

from __future__ import annotations

from datetime import date

import pytest

from secondround.engine.reading.invitation import agenda_as_json, parse_invitation


def _mail(middle: str) -> str:
    return (
        "Dear Sam,\n\n"
        "We are pleased to invite you to a second interview on Tuesday 12 May 2026 at 10:00"
        " with Priya Raman (Ward Manager).\n\n"
        f"{middle}\n\n"
        "Kind regards,\nJo Bloggs\nRecruitment Officer\n"
    )


def _labels(middle: str) -> list[str]:
    parsed = parse_invitation(_mail(middle), today=date(2026, 5, 1))
    return [item.label for item in parsed.agenda]


@pytest.mark.parametrize(
    ("middle", "wanted"),
    [
        # Prose: an activity the interview consists of, with what it is of.
        (
            "The interview will consist of competency questions and a short role-play of a"
            " customer complaint call.",
            ["Role-play of a customer complaint call"],
        ),
        # A list of activities in one sentence.
        (
            "During the day you'll take part in a group exercise, a written task and a"
            " one-to-one interview.",
            ["Group exercise", "Written task"],
        ),
        # Meals said in passing.
        ("Morning tea and lunch are provided.", ["Morning tea", "Lunch"]),
        # A presentation asked for, its length and topic clause left out of the label.
        (
            "You will be asked to give a brief presentation (10 minutes) on how you would"
            " plan your first term.",
            ["Presentation"],
        ),
        ("After the interview there will be a tour of the ward.", ["Tour of the ward"]),
        ("Please have a code editor ready for a short live exercise.", ["Live exercise"]),
        # A list item with no time of its own.
        ("Format:\n- Competency interview\n- Written exercise (30 minutes)", ["Written exercise"]),
    ],
)
def test_activities_said_in_passing_join_the_agenda(middle: str, wanted: list[str]) -> None:
    assert _labels(middle) == wanted


@pytest.mark.parametrize(
    "middle",
    [
        "There is no written test for this post.",
        "Please test your camera and microphone before the call.",
        "You will not need to prepare a presentation.",
        "The role involves regular presentations to clients.",
        "Just in case the link does not work, call me on 0161 496 0000.",
        "If you cannot attend, please let me know.",
    ],
)
def test_what_is_not_an_activity_of_the_day(middle: str) -> None:
    assert _labels(middle) == []


def test_a_timed_activity_is_not_listed_twice() -> None:
    middle = "Schedule:\n10:45 - 11:15 Tour of the unit\n\nThe tour of the unit ends the visit."
    parsed = parse_invitation(_mail(middle), today=date(2026, 5, 1))
    labels = [item["label"] for item in agenda_as_json(parsed)]
    assert labels == ["Tour of the unit"]
    assert agenda_as_json(parsed)[0]["start"] == "2026-05-12T10:45:00"


@pytest.mark.parametrize(
    ("middle", "wanted"),
    [
        # A long timed sentence is labelled by its activity, not by the whole sentence.
        (
            "After the panel interview on the ward we'll finish with lunch with the team at 12:30.",
            ["Lunch with the team"],
        ),
        # A room, a test taken before, a job title: no activity in them.
        ("The panel sits in the Seminar Room on the second floor from 9:30.", []),
        ("Following the written test held on 3 May at 9:00, you are shortlisted.", []),
        ("Please ask for our Senior Test Engineer at reception at 9:45.", []),
    ],
)
def test_timed_sentences_are_labelled_by_their_activity(middle: str, wanted: list[str]) -> None:
    assert _labels(middle) == wanted
