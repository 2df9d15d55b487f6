"""Roster shapes and clocks the reader learned on issue 14's third round: one person's card
of labelled lines, a bare comma list of names, copula titles, a bare start hour before a
dotted end, and schedule entries that give only a start."""

from __future__ import annotations

from datetime import date

import pytest

from secondround.engine.reading.invitation import parse_invitation, roster_as_json
from secondround.engine.reading.invitation_names import find_names
from secondround.engine.reading.invitation_times import clock_times, interview_length

TODAY = date(2027, 3, 1)


def _rows(text: str, zone: str) -> list[tuple[str, str | None, str | None, str | None]]:
    parsed = parse_invitation(text, today=TODAY, default_time_zone=zone)
    return [(row["name"], row["title"], row["start"], row["end"]) for row in roster_as_json(parsed)]


CARDS = (
    "Hi Morgan,\n\nHere are the details for your interview:\n\n"
    "Name: Kimberly Ostrowski\nTitle: Regional Sales Director\nTime: 10:00 AM\n\n"
    "Name: Andre Jackson\nPosition: Sales Manager\nTime: 10:45 AM\n\n"
    "Date: Friday, March 12, 2027\n\nThanks,\nBeth\n"
)
COMMA_LIST = (
    "Hi Taylor,\n\nYou're all set for Thursday, March 11 at 1:00 PM ET.\n\n"
    "Interviewers: Sarah Connor, John Whitaker, Priya Natarajan\n\n"
    "Each conversation is 30 minutes, back to back.\n\nBest,\nRecruiting\n"
)
COPULA = (
    "Hi Jordan,\n\nOn Monday, March 15 at 11am PT you'll be meeting with Sarah Kim and "
    "Tom Alvarez. Sarah Kim is our Design Director and Tom Alvarez is a Senior Product "
    "Designer. Plan for 60 minutes.\n\nThanks!\nMegan\n"
)
FIRST_NAME_COPULA = (
    "Hi Ollie,\n\nQuick update - Tuesday (16/03) at 9:30 works. You'll be chatting with Becky "
    "Thornton and Raj Mistry for about 45 mins. Becky is a Customer Success Director and Raj "
    "Mistry is one of our Account Managers.\n\nHannah\n"
)
ONE_OF = (
    "Hi Ollie,\n\nTuesday 16 March at 9:30 works. You'll be chatting with Becky Thornton and "
    "Raj Mistry for about 45 mins. Raj Mistry is one of our Account Managers.\n\nHannah\n"
)
START_ONLY = (
    "Hello Dana,\n\nYour second interview is scheduled for Tuesday, March 16, 2027 from "
    "1:00 to 3:00 PM CT.\n\n1:00 PM  Interview with Dr. Samuel Okafor, Chief Medical Officer\n"
    "1:30 PM  Interview with Linda Hsu, Director of Nursing\n2:45 PM  Tour of the unit\n\n"
    "Heather Simmons\nHR Generalist\n"
)
PARTICLE = (
    "Dear Wei Ling,\n\nDate: 17 March 2027 (Wednesday)\nTime: 3.00pm - 4.00pm\n"
    "Interviewers: Mr Tan Boon Huat (Head, Finance Operations), Ms Siti Nurhaliza binte Ahmad "
    "(Senior Manager, Treasury)\n\nRegards\nJasmine Lee\n"
)

SUBJECT_TITLES = (
    "Hi Sam,\n\nDirector of Nursing Linda Hsu and Nurse Manager Carlos Rivera will meet with "
    "you on Tuesday, March 16 at 10:00 AM.\n\nBest,\nDana\n"
)
CAPITALS = (
    "Dear Sam,\n\nINTERVIEW PANEL\n1) JENNIFER LAWSON - HEAD OF HOUSING\n"
    "2) MICHAEL CHEN - HOUSING OFFICER\n\nDate: Tuesday 16 March 2027, 10:00\n\nRegards\n"
)
CONSIST_OF = (
    "Hi Sam,\n\nThe panel on Tuesday 16 March at 11am will consist of the Head of Service, "
    "Jane Smith, and two team managers, Tom Lee and Priya Shah.\n\nThanks\nChris\n"
)
ORDINAL_TITLE = (
    "Hi Sam,\n\nWe'd like to schedule you for a panel interview on March 16th at 11:00am EST."
    "\n\nThe panel will be made up of:\n\nJane Smith – Principal\nTom Lee – Assistant "
    "Principal\nAnna Berg – 5th Grade Teacher\n\nPlease bring a sample lesson plan.\n"
)

PANEL_TABLE = (
    "Dear Sam,\n\nYou have been shortlisted for interview on Tuesday 16th March 2027 at 1000hrs."
    "\n\nPanel members:\n| Name | Designation | Role |\n"
    "| Dr. Jane Wanjiku | Director, Finance | Chair |\n"
    "| Mr. Peter Otieno | Senior Accountant | Member |\n"
    "| Ms. Aisha Mohamed | HR Officer | Secretary |\n"
)

DESCRIBED = (
    "Hi Sam,\n\nGood news - they'd like to see you again! It'll be Tuesday 16 March, 10am, at "
    "their Leeds office. You'll see Jennifer Lawson (who you met last time) plus their FD, "
    "Michael Chen.\n\nSpeak soon,\nBecky\n"
)

OWN_TIMES = (
    "Hi Sam,\n\nOn Tuesday 16 March you'll meet Jennifer Lawson (Head of Analytics) at 10:00 and "
    "Michael Chen (Senior Analyst) at 10:45, each for 30 minutes.\n\nThanks\n"
)
GERMAN_DOCTORS = (
    "Dear Ms Weber,\n\nYour interview will take place on 16 March 2027 from 10:00 to 11:00 CET. "
    "Your interviewers: Dr. med. Anna Vogel (Chief Physician) and Prof. Dr. Karl Brandt "
    "(Medical Director).\n\nKind regards\n"
)


@pytest.mark.parametrize(
    ("text", "zone", "rows"),
    [
        (
            OWN_TIMES,
            "Europe/London",
            [
                (
                    "Jennifer Lawson",
                    "Head of Analytics",
                    "2027-03-16T10:00:00+00:00",
                    "2027-03-16T10:30:00+00:00",
                ),
                (
                    "Michael Chen",
                    "Senior Analyst",
                    "2027-03-16T10:45:00+00:00",
                    "2027-03-16T11:15:00+00:00",
                ),
            ],
        ),
        (
            GERMAN_DOCTORS,
            "Europe/Berlin",
            [
                (
                    "Anna Vogel",
                    "Chief Physician",
                    "2027-03-16T10:00:00+01:00",
                    "2027-03-16T11:00:00+01:00",
                ),
                (
                    "Karl Brandt",
                    "Medical Director",
                    "2027-03-16T10:00:00+01:00",
                    "2027-03-16T11:00:00+01:00",
                ),
            ],
        ),
        (
            DESCRIBED,
            "Europe/London",
            [
                ("Jennifer Lawson", None, "2027-03-16T10:00:00+00:00", None),
                ("Michael Chen", "FD", "2027-03-16T10:00:00+00:00", None),
            ],
        ),
        (
            PANEL_TABLE,
            "Africa/Nairobi",
            [
                ("Jane Wanjiku", "Director, Finance", "2027-03-16T10:00:00+03:00", None),
                ("Peter Otieno", "Senior Accountant", "2027-03-16T10:00:00+03:00", None),
                ("Aisha Mohamed", "HR Officer", "2027-03-16T10:00:00+03:00", None),
            ],
        ),
        (
            SUBJECT_TITLES,
            "America/New_York",
            [
                ("Linda Hsu", "Director of Nursing", "2027-03-16T10:00:00-04:00", None),
                ("Carlos Rivera", "Nurse Manager", "2027-03-16T10:00:00-04:00", None),
            ],
        ),
        (
            CAPITALS,
            "Europe/London",
            [
                ("Jennifer Lawson", "HEAD OF HOUSING", "2027-03-16T10:00:00+00:00", None),
                ("Michael Chen", "HOUSING OFFICER", "2027-03-16T10:00:00+00:00", None),
            ],
        ),
        (
            CONSIST_OF,
            "Europe/London",
            [("Jane Smith", "Head of Service", "2027-03-16T11:00:00+00:00", None)],
        ),
        (
            ORDINAL_TITLE,
            "America/New_York",
            [("Anna Berg", "5th Grade Teacher", "2027-03-16T11:00:00-04:00", None)],
        ),
        (
            CARDS,
            "America/Chicago",
            [
                (
                    "Kimberly Ostrowski",
                    "Regional Sales Director",
                    "2027-03-12T10:00:00-06:00",
                    None,
                ),
                ("Andre Jackson", "Sales Manager", "2027-03-12T10:45:00-06:00", None),
            ],
        ),
        (
            COMMA_LIST,
            "America/New_York",
            [
                ("Sarah Connor", None, "2027-03-11T13:00:00-05:00", "2027-03-11T13:30:00-05:00"),
                ("John Whitaker", None, "2027-03-11T13:30:00-05:00", "2027-03-11T14:00:00-05:00"),
                ("Priya Natarajan", None, "2027-03-11T14:00:00-05:00", "2027-03-11T14:30:00-05:00"),
            ],
        ),
        (
            COPULA,
            "America/Los_Angeles",
            [
                ("Sarah Kim", "Design Director", "2027-03-15T11:00:00-07:00", None),
                ("Tom Alvarez", "Senior Product Designer", "2027-03-15T11:00:00-07:00", None),
            ],
        ),
        (
            ONE_OF,
            "Europe/London",
            [
                ("Becky Thornton", None, "2027-03-16T09:30:00+00:00", "2027-03-16T10:15:00+00:00"),
                (
                    "Raj Mistry",
                    "Account Manager",
                    "2027-03-16T09:30:00+00:00",
                    "2027-03-16T10:15:00+00:00",
                ),
            ],
        ),
        (
            FIRST_NAME_COPULA,
            "Europe/London",
            [
                (
                    "Becky Thornton",
                    "Customer Success Director",
                    "2027-03-16T09:30:00+00:00",
                    "2027-03-16T10:15:00+00:00",
                ),
                (
                    "Raj Mistry",
                    "Account Manager",
                    "2027-03-16T09:30:00+00:00",
                    "2027-03-16T10:15:00+00:00",
                ),
            ],
        ),
        (
            START_ONLY,
            "America/Chicago",
            [
                ("Samuel Okafor", "Chief Medical Officer", "2027-03-16T13:00:00-05:00", None),
                ("Linda Hsu", "Director of Nursing", "2027-03-16T13:30:00-05:00", None),
            ],
        ),
        (
            PARTICLE,
            "Asia/Singapore",
            [
                (
                    "Tan Boon Huat",
                    "Head, Finance Operations",
                    "2027-03-17T15:00:00+08:00",
                    "2027-03-17T16:00:00+08:00",
                ),
                (
                    "Siti Nurhaliza binte Ahmad",
                    "Senior Manager, Treasury",
                    "2027-03-17T15:00:00+08:00",
                    "2027-03-17T16:00:00+08:00",
                ),
            ],
        ),
    ],
)
def test_roster_shapes(
    text: str, zone: str, rows: list[tuple[str, str | None, str | None, str | None]]
) -> None:
    found = _rows(text, zone)
    for row in rows:
        name, title, start, end = row
        assert (name, title, start) in [(r[0], r[1], r[2]) for r in found]
        if end is not None or text is START_ONLY:
            assert row in found


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("We'd like to see you on 15/03/2027 from 9 to 10.30am.", "09:00", "10:30"),
        ("from 9-10.30am", "09:00", "10:30"),
        ("from 2 until 3.30pm", "14:00", "15:30"),
        ("from 11 to 12.30pm", "11:00", "12:30"),
        ("de 9h à 10h30", "09:00", "10:30"),
        ("from 14h to 16h", "14:00", "16:00"),
        ("@10.30-11.15", "10:30", "11:15"),
        ("14 h 30 - 15 h 15", "14:30", "15:15"),
        ("de 10 h à 11 h", "10:00", "11:00"),
        ("followed at 10.45 by Tom Leeson until 11.30", "10:45", "11:30"),
        # unchanged: a colon end and a range with am/pm on both sides
        ("from 10 to 11am", "10:00", "11:00"),
        ("10.15-11am", "10:15", "11:00"),
    ],
)
def test_bare_and_dotted_clock_ranges(text: str, start: str, end: str) -> None:
    times = clock_times(text)
    assert times is not None
    assert times.start.strftime("%H:%M") == start
    assert times.end is not None and times.end.strftime("%H:%M") == end


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("You'll be chatting with Becky and Raj for about 45 mins.", 45),
        ("You will be speaking with our panel for one hour.", 60),
        ("Please arrive 15 minutes early.", 0),
    ],
)
def test_length_of_time_with_the_people(text: str, minutes: int) -> None:
    assert interview_length(text) == minutes


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Ms Siti Nurhaliza binte Ahmad (Senior Manager)", ["Siti Nurhaliza binte Ahmad"]),
        ("Interviewers: Sarah Connor, John Whitaker", ["Sarah Connor", "John Whitaker"]),
        ("Mary St. Clair, Director", ["Mary St. Clair"]),
        ("Sarah Jones. St. Helens office is closed", ["Sarah Jones"]),
    ],
)
def test_names_with_particles(text: str, names: list[str]) -> None:
    assert [span.name for span in find_names(text)] == names


def test_a_dotted_clock_after_an_at_sign() -> None:
    text = "Hi Sam,\n\nInterview: Tues 16th Mar @ 10.30 with Jennifer Lawson (Head of Analytics)\n"
    assert _rows(text, "Europe/London") == [
        ("Jennifer Lawson", "Head of Analytics", "2027-03-16T10:30:00+00:00", None)
    ]


def test_a_question_mark_is_not_part_of_a_title() -> None:
    text = (
        "Hi Sam,\n\nPlease can you come in at 10 on Tuesday 16 March to meet Jennifer Lawson, "
        "Head of Analytics?\n\nThanks\n"
    )
    assert _rows(text, "Europe/London") == [
        ("Jennifer Lawson", "Head of Analytics", "2027-03-16T10:00:00+00:00", None)
    ]
