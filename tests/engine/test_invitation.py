"""The invitation parser against hand-written e-mails and its helpers' tables."""

from __future__ import annotations

import json
from datetime import date, time
from pathlib import Path
from typing import Any

import pytest

from secondround.engine.nlp.vocabulary import RELATIONS
from secondround.engine.reading.invitation import (
    NO_ROSTER_WARNING,
    infer_relation,
    parse_invitation,
    parse_time_range,
    roster_as_json,
    zone_for_abbreviation,
)
from secondround.engine.reading.invitation_entries import ParsedInvitation

FIXTURES = Path(__file__).parent / "fixtures" / "invitations"
FIXTURE_PATHS = sorted(FIXTURES.glob("*.txt"))


def _parse_fixture(path: Path) -> tuple[dict[str, Any], ParsedInvitation]:
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    parsed = parse_invitation(
        path.read_text(encoding="utf-8"),
        today=date.fromisoformat(expected["today"]),
        default_time_zone=expected.get("default_time_zone"),
    )
    return expected, parsed


def test_there_are_enough_fixtures() -> None:
    assert len(FIXTURE_PATHS) >= 14
    for path in FIXTURE_PATHS:
        assert path.with_suffix(".expected.json").exists(), path.name


ROW_KEYS = ("name", "title", "relation", "start", "end", "honorific")


def _rows(parsed: ParsedInvitation) -> list[dict[str, Any]]:
    return [{key: row[key] for key in ROW_KEYS} for row in roster_as_json(parsed)]


@pytest.mark.parametrize("path", FIXTURE_PATHS, ids=lambda path: path.stem)
def test_fixture_roster(path: Path) -> None:
    expected, parsed = _parse_fixture(path)
    assert _rows(parsed) == expected["roster"]


@pytest.mark.parametrize("path", FIXTURE_PATHS, ids=lambda path: path.stem)
def test_fixture_details(path: Path) -> None:
    expected, parsed = _parse_fixture(path)
    interview_date = parsed.interview_date.isoformat() if parsed.interview_date else None
    assert interview_date == expected["interview_date"]
    assert parsed.time_zone == expected["time_zone"]
    assert parsed.location == expected["location"]
    assert parsed.video_link == expected["video_link"]
    emails = {entry.name: entry.email for entry in parsed.entries if entry.email}
    assert emails == expected.get("emails", {})
    for warning in expected.get("warnings_include", []):
        assert warning in parsed.warnings


@pytest.mark.parametrize("path", FIXTURE_PATHS, ids=lambda path: path.stem)
def test_fixture_relations_are_known_ids(path: Path) -> None:
    _, parsed = _parse_fixture(path)
    for entry in parsed.entries:
        assert entry.relation is None or entry.relation in RELATIONS


@pytest.mark.parametrize(
    ("abbreviation", "zone"),
    [
        ("ET", "America/New_York"),
        ("EST", "America/New_York"),
        ("EDT", "America/New_York"),
        ("CT", "America/Chicago"),
        ("CDT", "America/Chicago"),
        ("MT", "America/Denver"),
        ("PT", "America/Los_Angeles"),
        ("PST", "America/Los_Angeles"),
        ("GMT", "Europe/London"),
        ("BST", "Europe/London"),
        ("UK", "Europe/London"),
        ("CET", "Europe/Paris"),
        ("CEST", "Europe/Paris"),
        ("UTC", "UTC"),
        ("Pacific", "America/Los_Angeles"),
        ("IST", None),
        ("XYZ", None),
    ],
)
def test_zone_for_abbreviation(abbreviation: str, zone: str | None) -> None:
    assert zone_for_abbreviation(abbreviation) == zone


@pytest.mark.parametrize(
    ("title", "context", "relation"),
    [
        ("Hiring Manager", "", "hiring_manager"),
        (None, "the manager you would report to", "hiring_manager"),
        ("Engineering Manager", "your future manager", "hiring_manager"),
        ("Director of Engineering", "the hiring manager's manager", "managers_manager"),
        (None, "the boss's boss", "managers_manager"),
        (None, "whom the role's manager reports to", "managers_manager"),
        ("VP of Sales", "", "senior_leader"),
        ("Vice President, Operations", "", "senior_leader"),
        ("Director of Nursing", "", "senior_leader"),
        ("Head of Finance", "", "senior_leader"),
        ("Chief Financial Officer", "", "senior_leader"),
        ("CEO", "", "senior_leader"),
        ("Principal", "", "senior_leader"),
        ("Dean of Students", "", "senior_leader"),
        ("HR Business Partner", "", "hr"),
        ("Human Resources Generalist", "", "hr"),
        ("Technical Recruiter", "", "hr"),
        ("Talent Acquisition Partner", "", "hr"),
        ("People Partner", "", "hr"),
        ("Director of Human Resources", "", "hr"),
        (None, "from Marketing", "cross_department"),
        ("Product Manager", "from our partner team", "cross_department"),
        ("Account Executive", "a teammate", "peer"),
        ("Charge Nurse", "would work alongside you", "peer"),
        (None, "a colleague on the team", "peer"),
        ("Solutions Architect", "", "technical_expert"),
        ("Principal Engineer", "", "technical_expert"),
        ("Staff Engineer", "", "technical_expert"),
        ("Clinical Nurse Specialist", "", "technical_expert"),
        ("Tech Lead", "", "technical_expert"),
        ("Consultant", "", "technical_expert"),
        (None, "subject-matter expert", "technical_expert"),
        ("Warehouse Operations Manager", "", None),
        ("Nurse Manager", "", None),
        (None, "", None),
    ],
)
def test_infer_relation(title: str | None, context: str, relation: str | None) -> None:
    assert infer_relation(title, context) == relation


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("10:00–10:45", time(10, 0), time(10, 45)),
        ("10:00 - 10:45", time(10, 0), time(10, 45)),
        ("10:00 to 10:45", time(10, 0), time(10, 45)),
        ("2pm - 2:45pm", time(14, 0), time(14, 45)),
        ("2 - 2:45pm", time(14, 0), time(14, 45)),
        ("11:30 - 12:15pm", time(11, 30), time(12, 15)),
        ("11:30am-12:15", time(11, 30), time(12, 15)),
        ("9:00am-9:30am", time(9, 0), time(9, 30)),
        ("10:30 a.m. to 11:15 a.m.", time(10, 30), time(11, 15)),
        ("14:00–15:30", time(14, 0), time(15, 30)),
        ("1:30 - 2:00", time(13, 30), time(14, 0)),
        ("09:15 for 45 minutes", time(9, 15), time(10, 0)),
        ("3pm (1 hour)", time(15, 0), time(16, 0)),
        ("10:00 AM PT", time(10, 0), None),
        ("noon", time(12, 0), None),
    ],
)
def test_parse_time_range(text: str, start: time, end: time | None) -> None:
    assert parse_time_range(text) == (start, end)


@pytest.mark.parametrize("text", ["", "no times here", "Room 2.14", "24/7 support", "2026-03-10"])
def test_parse_time_range_without_a_time(text: str) -> None:
    assert parse_time_range(text) is None


@pytest.mark.parametrize(
    ("sentence", "expected_date"),
    [
        ("Your interview is on Tuesday, March 10.", "2026-03-10"),
        ("Your interview is on 10 March 2026.", "2026-03-10"),
        ("Your interview is on 2026-03-10.", "2026-03-10"),
        ("Your interview is on 3/10/2026.", "2026-03-10"),
        ("Your interview is on the 10th of March.", "2026-03-10"),
        ("Your interview is on Feb 3.", "2027-02-03"),
        ("Please reply by March 5. Your interview is on March 10.", "2026-03-10"),
    ],
)
def test_interview_date_formats(sentence: str, expected_date: str) -> None:
    parsed = parse_invitation(sentence, today=date(2026, 3, 1))
    assert parsed.interview_date == date.fromisoformat(expected_date)


def test_default_time_zone_applies_only_when_the_email_names_none() -> None:
    text = "Schedule, 10 March 2026:\n- 10:00–10:30 ET: Priya Raman, Head of Finance\n"
    parsed = parse_invitation(text, today=date(2026, 3, 1), default_time_zone="Europe/Berlin")
    assert parsed.time_zone == "America/New_York"
    assert parsed.entries[0].start is not None
    assert parsed.entries[0].start.isoformat() == "2026-03-10T10:00:00-04:00"


def test_unknown_default_time_zone_is_a_warning_not_an_error() -> None:
    text = "On 10 March 2026:\n- 10:00–10:30: Priya Raman, Head of Finance\n"
    parsed = parse_invitation(text, today=date(2026, 3, 1), default_time_zone="Mars/Olympus")
    assert parsed.time_zone is None
    assert parsed.entries[0].start is not None and parsed.entries[0].start.tzinfo is None
    assert any("Mars/Olympus" in warning for warning in parsed.warnings)


def test_signature_and_greeting_are_not_interviewers() -> None:
    text = (
        "Dear Alex Morgan,\n\nYou will meet with Priya Raman, our Head of Finance.\n\n"
        "Best regards, Tom Baker, Recruiting Coordinator\n"
    )
    parsed = parse_invitation(text, today=date(2026, 3, 1))
    assert [entry.name for entry in parsed.entries] == ["Priya Raman"]


def test_times_without_a_date_warn() -> None:
    parsed = parse_invitation("- 10:00–10:30: Priya Raman, Head of Finance", today=date(2026, 3, 1))
    assert parsed.entries[0].start is None
    assert "Times found but no interview date: add the date by hand." in parsed.warnings


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n  ",
        "\x00\x01\x02\xff\ufffd" * 1000,
        "| | | |\n|---|\n||||",
        "10:00–" * 5000,
        "Priya Raman, " * 20000,
        ("- 10:00–10:45 ET: Priya Raman, Head of Finance\n" * 5000),
    ],
    ids=["empty", "blank", "binary", "broken-table", "dashes", "repeated-name", "huge"],
)
def test_never_raises(text: str) -> None:
    parsed = parse_invitation(text, today=date(2026, 3, 1))
    assert isinstance(parsed.entries, list)
    if not parsed.entries:
        assert NO_ROSTER_WARNING in parsed.warnings


def test_a_five_kilobyte_email_keeps_its_roster() -> None:
    """A real invitation with a schedule, padded with practical prose to 5 kB."""
    invitation = (FIXTURES / "12_multi_day_loop.txt").read_text(encoding="utf-8")
    schedule, sign_off, signature = invitation.partition("Warm regards")
    directions = (
        "Parking is available in the visitor garage on Light Street; bring your ticket to "
        "reception and we will validate it. Please bring a photo ID and a copy of your CV.\n\n"
    )
    padding = directions * ((5000 - len(invitation)) // len(directions) + 1)
    text = schedule + padding + sign_off + signature
    assert len(text) >= 5000
    parsed = parse_invitation(text, today=date(2026, 3, 1))
    assert len(parsed.entries) == 4


@pytest.mark.parametrize(
    ("text", "time_zone", "first_start"),
    [
        (
            "On 10 March 2026, all times ET:\n- 10:00: Priya Raman, Head of Finance",
            "America/New_York",
            "2026-03-10T10:00:00-04:00",
        ),
        (
            "On 10 March 2026:\n- 3pm EST: Priya Raman, Head of Finance",
            "America/New_York",
            "2026-03-10T15:00:00-04:00",
        ),
        (
            "On 10 March 2026:\n- 10:00 (Europe/London): Priya Raman, Head of Finance",
            "Europe/London",
            "2026-03-10T10:00:00+00:00",
        ),
        (
            "On 10 March 2026:\n- 14:00 UTC+2: Priya Raman, Head of Finance",
            "Etc/GMT-2",
            "2026-03-10T14:00:00+02:00",
        ),
        (
            "On 10 March 2026:\n- 10:00 +05:30: Priya Raman, Head of Finance",
            None,
            "2026-03-10T10:00:00+05:30",
        ),
        (
            "On 10 March 2026:\n- 10:00 UTC: Priya Raman, Head of Finance",
            "UTC",
            "2026-03-10T10:00:00+00:00",
        ),
        (
            "Visit us at 1 Main Street, Hartford, CT 06103 on 10 March 2026.\n"
            "- 10:00: Priya Raman, Head of Finance",
            None,
            "2026-03-10T10:00:00",
        ),
    ],
)
def test_time_zone_named_in_the_email(text: str, time_zone: str | None, first_start: str) -> None:
    parsed = parse_invitation(text, today=date(2026, 3, 1))
    assert parsed.time_zone == time_zone
    assert parsed.entries[0].start is not None
    assert parsed.entries[0].start.isoformat() == first_start


@pytest.mark.parametrize(
    ("sentence", "people"),
    [
        (
            "You'll be meeting with Hiring Manager Tom Reyes and Senior Director Ana Lima.",
            [("Tom Reyes", "Hiring Manager"), ("Ana Lima", "Senior Director")],
        ),
        (
            "You will meet with our CFO, Dana Scott, and the Accounts Payable Lead, Jorge Ramos.",
            [("Dana Scott", "CFO"), ("Jorge Ramos", "Accounts Payable Lead")],
        ),
        (
            "Interviewers: Jane Doe (VP Marketing), John Smith (Marketing Manager) and Li Wei.",
            [("Jane Doe", "VP Marketing"), ("John Smith", "Marketing Manager"), ("Li Wei", None)],
        ),
        (
            "The panel is Dr. Lena Fischer, Dean of Admissions; and Ruth Allen from HR.",
            [("Lena Fischer", "Dean of Admissions"), ("Ruth Allen", None)],
        ),
        ("Thank you for meeting with Priya Raman last week.", []),
        ("You will meet with the team in our New York office.", []),
    ],
)
def test_people_named_in_prose(sentence: str, people: list[tuple[str, str | None]]) -> None:
    parsed = parse_invitation(sentence, today=date(2026, 3, 1))
    assert [(entry.name, entry.title) for entry in parsed.entries] == people


@pytest.mark.parametrize(
    ("phrase", "zone"),
    [
        ("All times are Irish time.", "Europe/Dublin"),
        ("Times below are in British time.", "Europe/London"),
        ("(times are Pacific)", "America/Los_Angeles"),
        ("all times Eastern", "America/New_York"),
        ("Central Standard Time", "America/Chicago"),
        ("(Singapore time)", "Asia/Singapore"),
        ("Sydney time", "Australia/Sydney"),
        ("Our London office is near the station.", None),
    ],
)
def test_zone_named_by_a_place(phrase: str, zone: str | None) -> None:
    parsed = parse_invitation(f"On 4 June 2026. {phrase}", today=date(2026, 5, 1))
    assert parsed.time_zone == zone


@pytest.mark.parametrize(
    ("text", "expected_date"),
    [
        ("Your interview is on 19/05/2026.", "2026-05-19"),
        ("Your interview is on 05/06/2026, all times are UK time.", "2026-06-05"),
        ("Your interview is on 05/06/2026, all times ET.", "2026-05-06"),
        ("Your interview is on 14.05.2026.", "2026-05-14"),
    ],
)
def test_slashed_dates_follow_the_emails_convention(text: str, expected_date: str) -> None:
    parsed = parse_invitation(text, today=date(2026, 5, 1))
    assert parsed.interview_date == date.fromisoformat(expected_date)


@pytest.mark.parametrize(
    ("line", "name", "title"),
    [
        (
            "- 10:00 Store walk with Ana Sousa – Assistant Store Manager",
            "Ana Sousa",
            "Assistant Store Manager",
        ),
        ("- 10:00 Meet the team: Sinéad Murphy, Staff Nurse", "Sinéad Murphy", "Staff Nurse"),
        (
            "- 10:00 Rebecca Thornton, P.E., Transportation Group Manager",
            "Rebecca Thornton",
            "Transportation Group Manager",
        ),
        (
            "- 10:00 Samuel Ortiz, PhD (Director of Evaluation)",
            "Samuel Ortiz",
            "Director of Evaluation",
        ),
        (
            "- 10:00 Presentation to Gareth Evans, Regional Manager",
            "Gareth Evans",
            "Regional Manager",
        ),
    ],
)
def test_activities_and_credentials_stay_out_of_the_title(line: str, name: str, title: str) -> None:
    parsed = parse_invitation(f"On 4 June 2026:\n{line}\n", today=date(2026, 5, 1))
    assert [(entry.name, entry.title) for entry in parsed.entries] == [(name, title)]


def test_forwarded_schedule_is_read_but_the_forwarders_signature_is_not() -> None:
    text = (
        "Hi Jess,\nSee below.\n\nThanks,\nPriyanka Shah | Talent Acquisition | VertexMed\n\n"
        "-----Original Message-----\nFrom: Kayla Morris\nSent: Friday, May 1, 2026 4:05 PM\n"
        "Subject: Final interviews\n\nOn Tuesday, May 12 (all times CT):\n"
        "1. Brandon Lee (Regional Sales Director) 11:00-11:45 AM CT\n"
    )
    parsed = parse_invitation(text, today=date(2026, 5, 1))
    assert [entry.name for entry in parsed.entries] == ["Brandon Lee"]


def test_a_reporting_line_sentence_away_from_the_table_names_the_hiring_manager() -> None:
    text = (
        "On 4 June 2026:\n\n| Time | Interviewer | Role |\n|---|---|---|\n"
        "| 10:00-10:30 | Aisha Bello | Program Director |\n\n"
        "Aisha would be your direct supervisor.\n"
    )
    parsed = parse_invitation(text, today=date(2026, 5, 1))
    assert parsed.entries[0].relation == "hiring_manager"
