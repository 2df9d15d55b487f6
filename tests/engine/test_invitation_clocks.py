"""Slots the reader missed or misread: an itinerary's "10:00a"/"3:00p", a military range
("0930 - 1015 hrs"), lengths said as "an hour and a half", "1 hour 15 minutes" or "a
half-hour", a reply that moves the time above the quoted older invitation, and a time
given only in the subject line (pasted, or the Subject header of an .eml)."""

from __future__ import annotations

from datetime import date

import pytest

from secondround.engine.reading.invitation import parse_invitation, roster_as_json
from secondround.engine.reading.invitation_files import parse_invitation_file
from secondround.engine.reading.invitation_names import find_names
from secondround.engine.reading.invitation_times import clock_times


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("9:30a  Coffee with the team", "09:30", None),
        ("11:00a–12:00p  Search committee", "11:00", "12:00"),
        ("3:00p-3:45p  Meeting with the chair", "15:00", "15:45"),
        ("12:15p Lunch", "12:15", None),
        ("0930 - 1015 hrs, Board Room", "09:30", "10:15"),
        ("1400 to 1445 hours", "14:00", "14:45"),
    ],
)
def test_itinerary_and_military_clocks(text: str, start: str, end: str | None) -> None:
    times = clock_times(text)
    assert times is not None
    found_end = times.end.strftime("%H:%M") if times.end else None
    assert (times.start.strftime("%H:%M"), found_end) == (start, end)


@pytest.mark.parametrize("text", ["version 2.10a", "from 2019 to 2024", "Room 1015"])
def test_no_clock_where_none_is_written(text: str) -> None:
    assert clock_times(text) is None


@pytest.mark.parametrize(
    ("sentence", "end"),
    [
        ("It will take an hour and a half.", "11:30"),
        ("The session lasts 1 hour 15 minutes.", "11:15"),
        ("The interview will last 1 hour and 20 minutes.", "11:20"),
        ("It is a half-hour conversation.", "10:30"),
        ("Expect a half hour chat.", "10:30"),
    ],
)
def test_lengths_in_words(sentence: str, end: str) -> None:
    text = (
        "Dear Ana,\n\nYour interview is on Tuesday 16 March 2027 at 10:00 with Maria Lopez,"
        f" Head of Sales. {sentence}\n\nBest,\nHR"
    )
    rows = roster_as_json(parse_invitation(text, today=date(2027, 3, 1)))
    assert [(row["start"][11:16], (row["end"] or "")[11:16] or None) for row in rows] == [
        ("10:00", end)
    ]


REPLY = """Hi Priya,

{new}

The panel:
- Gareth Owen, Ward Manager
- Lucy Tran, Practice Educator

Sian

On Mon, 1 Mar 2027 at 08:55, Sian Roberts wrote:
> Dear Priya,
> Your interview is scheduled for Wednesday 3 March 2027 at 9am. You will meet Gareth Owen
> and Lucy Tran.
> Sian
"""


@pytest.mark.parametrize(
    ("new", "start", "end"),
    [
        (
            "Sorry for the change: your interview is now at 3pm on Thursday 4 March. It will"
            " take about 45 minutes.",
            "2027-03-04T15:00",
            "15:45",
        ),
        ("The interview is now on Friday 5 March at 11:30am.", "2027-03-05T11:30", None),
        ("Your interview now takes place on Friday 5 March at 2pm.", "2027-03-05T14:00", None),
        # No word of change: the newest message's interview time still wins.
        ("Your interview will be on Friday 5 March at 4pm. Thanks!", "2027-03-05T16:00", None),
    ],
)
def test_a_reply_that_moves_the_time_wins_over_the_quoted_one(
    new: str, start: str, end: str | None
) -> None:
    parsed = parse_invitation(
        REPLY.format(new=new), today=date(2027, 3, 1), default_time_zone="Europe/London"
    )
    rows = roster_as_json(parsed)
    assert [row["name"] for row in rows] == ["Gareth Owen", "Lucy Tran"]
    assert {(row["start"][:16], (row["end"] or "")[11:16] or None) for row in rows} == {
        (start, end)
    }


SUBJECT_ONLY = (
    "Hi Tomás,\n\nThis confirms your interview with Nadia Rahman (Clinic Manager) and Paul"
    " Fischer (Senior Optometrist). Date and time as in the subject line; we are at 4 Elm"
    " Road.\n\nBest,\nJane"
)
EML = """From: Jane Cho <jane@clearview.example.com>
To: Tomas Ruiz <tomas@example.com>
Date: Mon, 1 Mar 2027 09:00:00 -0500
Subject: Interview: Thursday 11 March 2027, 1:30 PM - 2:15 PM EST
MIME-Version: 1.0
Content-Type: text/plain; charset="UTF-8"

{body}
"""


def test_a_time_only_in_a_pasted_subject_line() -> None:
    text = "Subject: Interview: Thursday 11 March 2027, 1:30 PM - 2:15 PM EST\n\n" + SUBJECT_ONLY
    rows = roster_as_json(parse_invitation(text, today=date(2027, 3, 1)))
    assert [(row["name"], row["start"], row["end"]) for row in rows] == [
        ("Nadia Rahman", "2027-03-11T13:30:00-05:00", "2027-03-11T14:15:00-05:00"),
        ("Paul Fischer", "2027-03-11T13:30:00-05:00", "2027-03-11T14:15:00-05:00"),
    ]


def test_a_time_only_in_an_eml_subject_header() -> None:
    data = EML.format(body=SUBJECT_ONLY).encode()
    parsed = parse_invitation_file(data, "invite.eml", today=date(2027, 3, 1))
    rows = roster_as_json(parsed)
    assert [(row["name"], row["start"], row["end"]) for row in rows] == [
        ("Nadia Rahman", "2027-03-11T13:30:00-05:00", "2027-03-11T14:15:00-05:00"),
        ("Paul Fischer", "2027-03-11T13:30:00-05:00", "2027-03-11T14:15:00-05:00"),
    ]


def test_a_body_time_beats_the_subject_line() -> None:
    text = (
        "Subject: Interview on Thursday 11 March 2027 at 9:00 AM\n\nHi Tomás,\n\nA change:"
        " your interview with Nadia Rahman (Clinic Manager) is now at 10:00 AM on Thursday"
        " 11 March 2027.\n\nJane"
    )
    rows = roster_as_json(parse_invitation(text, today=date(2027, 3, 1)))
    assert [row["start"][11:16] for row in rows] == ["10:00"]


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        # A bare hour after "at" where nothing else follows it.
        ("Could you come in at 2 on Friday?", "14:00", None),
        ("The interview is at 9.", "09:00", None),
        ("See you at 11 (about 45 minutes).", "11:00", "11:45"),
        # A bare start hour before the same hour written out: not the end alone.
        ("Interview 10-10.45, Room 4", "10:00", "10:45"),
        ("9 - 9:30am with the nurse manager", "09:00", "09:30"),
        # A dotted start before an end with its am/pm: not "15" as a bare hour.
        ("Anna Berg (Team Lead): 10.15-11am", "10:15", "11:00"),
        ("10.15 - 11 a.m. panel", "10:15", "11:00"),
        # A bare end hour after a written-out start.
        ("from 10am-12.", "10:00", "12:00"),
        ("9am-11 with the team", "09:00", "11:00"),
        ("the panel sits from 10 to 11 on Monday", "10:00", "11:00"),
        # A military clock after "at", on the quarter hour.
        ("Report to the board at 1030 on Monday.", "10:30", None),
    ],
)
def test_bare_hours_where_a_time_is_meant(text: str, start: str, end: str | None) -> None:
    times = clock_times(text)
    assert times is not None
    found_end = times.end.strftime("%H:%M") if times.end else None
    assert (times.start.strftime("%H:%M"), found_end) == (start, end)


@pytest.mark.parametrize(
    "text",
    [
        "We are at 4 Elm Road.",
        "We have offices at 3 locations.",
        "Meet at 1030 Main Street.",
        "from 2 to 4 people per panel",
        "It was at 2027.",
    ],
)
def test_bare_numbers_that_are_no_time(text: str) -> None:
    assert clock_times(text) is None


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Helen Ward, Office Manager", ["Helen Ward"]),
        ("James Hall (Head of IT)", ["James Hall"]),
        ("John May - Teacher", ["John May"]),
        # Not a person: no given name before the word, or no title after it.
        ("Victoria Street, London", []),
        ("Grace Hall, Room 4", []),
        ("Please meet us at Main Street, Office 2", []),
    ],
)
def test_a_surname_that_is_also_a_word(line: str, names: list[str]) -> None:
    assert [span.name for span in find_names(line)] == names


@pytest.mark.parametrize(
    ("sentence", "start", "end"),
    [
        # Each time in its own clause: the interview's clause gives the slot.
        ("Registration opens at 8:30am, interviews start at 9:00am.", "09:00", None),
        (
            "The assessment day runs from 9am to 4pm; your panel interview is at 11am.",
            "11:00",
            None,
        ),
        ("We will take you for lunch at 12:30 after your interview at 11am.", "11:00", None),
        (
            "You will tour the ward at 10:30am, followed by your interview at 11:15am.",
            "11:15",
            None,
        ),
        ("Your written test is at 9am and your interview at 10:30am.", "10:30", None),
        ("Please join the call at 2:55pm; the interview begins at 3pm.", "15:00", None),
        ("Please log in at 1:50pm for a 2pm start.", "14:00", None),
        ("Interviews run between 9am and 5pm; yours is at 1:30pm.", "13:30", None),
        ("Your interview has been moved from 9am to 11am.", "11:00", None),
        # Still one slot: an end, a range, a zone, an arrival in the same clause.
        ("The interview will start at 10am and finish at 10:45am.", "10:00", "10:45"),
        ("Could you come in between 10am and 11:30am?", "10:00", "11:30"),
        ("Your interview is at 10am UK time (11am CET).", "10:00", None),
        ("Please check in at reception at 9:45 for your 10:00 interview.", "10:00", None),
    ],
)
def test_the_interviews_clause_among_several_times(
    sentence: str, start: str, end: str | None
) -> None:
    text = (
        "Dear Sam,\n\nYou are invited to an interview on Tuesday 9 March 2027. "
        f"{sentence}\n\nYou will meet:\nAnna Berg, Team Lead\nOmar Said, Product Manager\n\nKim"
    )
    rows = roster_as_json(parse_invitation(text, today=date(2027, 3, 1)))
    assert {(row["start"][11:16], (row["end"] or "")[11:16] or None) for row in rows} == {
        (start, end)
    }


def test_a_forwarded_invitations_when_line_still_gives_the_slot() -> None:
    text = (
        "Hi Aroha,\n\nYour panel is Mereana Walker (Nurse Unit Manager) and Dr James Liu"
        " (Consultant Physician).\n\nKate\n\n---------- Forwarded message ---------\nFrom:"
        " Kate Sullivan <kate@example.org>\nSubject: Interview\n\nWhen: Thursday, 13 May 2027"
        " 2:00pm – 2:45pm (NZST)\nWhere: Seminar room\n"
    )
    rows = roster_as_json(parse_invitation(text, today=date(2027, 5, 3)))
    assert {(row["start"], row["end"]) for row in rows} == {
        ("2027-05-13T14:00:00+12:00", "2027-05-13T14:45:00+12:00")
    }


@pytest.mark.parametrize(
    ("after", "end"),
    [
        ("It should finish by 11:00.", "11:00"),
        ("The interview will end at 10:50am.", "10:50"),
        ("The panel expects to wrap up around 11:15.", "11:15"),
        # Not the interview's end.
        ("The assessment day ends at 4pm.", None),
        ("Reception closes at 11:30.", None),
    ],
)
def test_an_end_said_in_a_sentence_of_its_own(after: str, end: str | None) -> None:
    text = (
        "Dear Sam,\n\nYour interview with Anna Berg (Team Lead) and Omar Said (Product"
        f" Manager) starts at 10:00 on Tuesday 9 March 2027.\n\n{after}\n\nKim"
    )
    rows = roster_as_json(parse_invitation(text, today=date(2027, 3, 1)))
    assert {(row["start"][11:16], (row["end"] or "")[11:16] or None) for row in rows} == {
        ("10:00", end)
    }


def test_each_name_keeps_the_time_in_its_own_brackets() -> None:
    text = (
        "Dear Sam,\n\nOn Tuesday 9 March 2027 you will meet Anna Berg (10:00-10:30) and Omar"
        " Said (10:30-11:00), then Lee Chan (11am-11:15am).\n\nKim"
    )
    rows = roster_as_json(parse_invitation(text, today=date(2027, 3, 1)))
    assert [(row["name"], row["start"][11:16], row["end"][11:16]) for row in rows] == [
        ("Anna Berg", "10:00", "10:30"),
        ("Omar Said", "10:30", "11:00"),
        ("Lee Chan", "11:00", "11:15"),
    ]


@pytest.mark.parametrize(
    "heading", ["Interviewers", "Interview Panel", "Panel", "Your interviewers"]
)
def test_a_heading_without_a_colon_is_no_signature(heading: str) -> None:
    text = (
        "Dear Sam,\n\nYour interview is on Tuesday 9 March 2027 at 10am.\n\n"
        f"{heading}\nAnna Berg, Team Lead\nOmar Said, Product Manager\n\nKim"
    )
    rows = roster_as_json(parse_invitation(text, today=date(2027, 3, 1)))
    assert [(row["name"], row["title"], row["start"][11:16]) for row in rows] == [
        ("Anna Berg", "Team Lead", "10:00"),
        ("Omar Said", "Product Manager", "10:00"),
    ]
