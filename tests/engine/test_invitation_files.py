"""Invitations as files: .eml (plain, HTML only, with a calendar), .ics, and bad uploads."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from secondround.engine.reading import invitation_files
from secondround.engine.reading.invitation import (
    NOT_ENGLISH_WARNING,
    agenda_as_json,
    roster_as_json,
)
from secondround.engine.reading.invitation_files import (
    UnreadableInvitation,
    parse_invitation_file,
    parse_invitation_text,
    read_invitation_file,
)

FILES = Path(__file__).parent / "fixtures" / "invitation_files"


def _roster(name: str, **kwargs) -> list[tuple]:
    parsed = parse_invitation_file(
        (FILES / name).read_bytes(), name, today=date(2026, 6, 1), **kwargs
    )
    return [
        (row["honorific"], row["name"], row["title"], row["start"], row["email"])
        for row in roster_as_json(parsed)
    ]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # The Date header (Thu 2 July) makes "on Tuesday" 7 July; accents survive
        # quoted-printable; the site tour is not a person.
        (
            "supervisor_plain_and_html.eml",
            [
                (
                    None,
                    "Zoë Lefèvre",
                    "Warehouse Operations Manager",
                    "2026-07-07T10:00:00+01:00",
                    None,
                ),
                (
                    None,
                    "Hendrik van der Berg",
                    "Health & Safety Lead",
                    "2026-07-07T11:15:00+01:00",
                    None,
                ),
            ],
        ),
        # Only an HTML part, the schedule in a table nested in a layout table.
        (
            "nurse_html_only.eml",
            [
                ("Dr", "Amara Okafor", "Director of Nursing", "2026-07-09T09:00:00-04:00", None),
                (None, "Seán O'Neill", "Charge Nurse", "2026-07-09T09:45:00-04:00", None),
            ],
        ),
        # Attendees make the roster: not the room, not the candidate's own mailbox.
        (
            "ward7_panel.ics",
            [
                (
                    "Dr",
                    "Amara Okafor",
                    None,
                    "2026-07-14T10:00:00+01:00",
                    "amara.okafor@stmarys.nhs.uk",
                ),
                (
                    None,
                    "Seán O'Neill",
                    None,
                    "2026-07-14T10:00:00+01:00",
                    "sean.oneill@stmarys.nhs.uk",
                ),
            ],
        ),
        # The same calendar, attached to a mail whose body says nothing.
        (
            "calendar_attached.eml",
            [
                (
                    "Dr",
                    "Amara Okafor",
                    None,
                    "2026-07-14T10:00:00+01:00",
                    "amara.okafor@stmarys.nhs.uk",
                ),
                (
                    None,
                    "Seán O'Neill",
                    None,
                    "2026-07-14T10:00:00+01:00",
                    "sean.oneill@stmarys.nhs.uk",
                ),
            ],
        ),
        # No attendees: the description is read, at the event's time and date.
        (
            "no_attendees.ics",
            [
                ("Dr", "Amara Okafor", "Director of Nursing", "2026-07-14T10:00:00+01:00", None),
                (None, "Seán O’Neill", "Charge Nurse", "2026-07-14T10:00:00+01:00", None),
            ],
        ),
    ],
)
def test_roster_from_file(name: str, expected: list[tuple]) -> None:
    assert _roster(name) == expected


def test_eml_agenda_and_review_details() -> None:
    data = (FILES / "supervisor_plain_and_html.eml").read_bytes()
    parsed = parse_invitation_file(data, "mail.eml", today=date(2026, 6, 1))
    assert agenda_as_json(parsed) == [
        {
            "label": "Site tour",
            "start": "2026-07-07T10:45:00+01:00",
            "end": "2026-07-07T11:15:00+01:00",
        }
    ]
    first = parsed.entries[0]
    assert first.source is not None and first.source.startswith("10:00 - 10:45  Zoë Lefèvre")
    assert first.relation == "hiring_manager"


def test_calendar_facts_fill_the_round() -> None:
    parsed = parse_invitation_file(
        (FILES / "ward7_panel.ics").read_bytes(), "invite.ics", today=date(2026, 6, 1)
    )
    assert parsed.interview_date == date(2026, 7, 14)
    assert parsed.time_zone == "Europe/London"
    assert parsed.location == "Ward 7, St Mary's Hospital"
    assert all(entry.end is not None for entry in parsed.entries)


def test_no_attendees_says_where_the_roster_came_from() -> None:
    parsed = parse_invitation_file(
        (FILES / "no_attendees.ics").read_bytes(), "invite.ics", today=date(2026, 6, 1)
    )
    assert any("lists no attendees" in warning for warning in parsed.warnings)
    assert [item.label for item in parsed.agenda] == ["Ward tour"]


def test_the_candidate_is_never_listed() -> None:
    data = (FILES / "ward7_panel.ics").read_bytes()
    parsed = parse_invitation_file(
        data, "invite.ics", today=date(2026, 6, 1), candidate=("sean.oneill@stmarys.nhs.uk",)
    )
    assert [entry.name for entry in parsed.entries] == ["Amara Okafor"]


def test_a_pasted_copy_with_headers_is_still_text() -> None:
    text = "From: Priya\nSubject: Interview\n\nYou will meet Ana Sousa, Store Manager, at 10:00.\n"
    assert read_invitation_file(text.encode(), "mail.txt").kind == "text"


CALENDAR_WITHOUT_EVENT = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nEND:VCALENDAR\r\n"


@pytest.mark.parametrize(
    ("data", "filename", "message"),
    [
        (b"", "invite.eml", "This file is empty."),
        (b"  \n\t ", "invite.txt", "This file is empty."),
        (b"\x00\x01\x02binary\x00\xff" * 50, "photo.txt", "This file is not text."),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "mail.msg", "Outlook .msg"),
        (b"BEGIN:VCALENDAR\r\nthis is not a calendar", "invite.ics", "could not be read"),
        (CALENDAR_WITHOUT_EVENT, "invite.ics", "has no event in it"),
        (
            b"From: a@b.example\r\nTo: c@d.example\r\nMIME-Version: 1.0\r\n"
            b"Content-Type: image/png\r\n\r\niVBORw0KGgo=\r\n",
            "photo.eml",
            "has no text in it",
        ),
    ],
    ids=["empty", "blank", "binary", "outlook-msg", "broken-ics", "ics-no-event", "eml-no-text"],
)
def test_unreadable_files_say_why(data: bytes, filename: str, message: str) -> None:
    with pytest.raises(UnreadableInvitation, match=message):
        read_invitation_file(data, filename)


def test_a_file_over_the_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(invitation_files, "MAX_FILE_BYTES", 100)
    with pytest.raises(UnreadableInvitation, match="the limit is 100 bytes"):
        read_invitation_file(b"x" * 101, "invite.txt")


def test_a_french_mail_is_flagged_not_guessed_silently() -> None:
    text = (
        "Bonjour Madame Dupont, nous avons le plaisir de vous inviter à un second entretien "
        "pour le poste de responsable logistique. Vous rencontrerez Mme Claire Martin, "
        "directrice des opérations, le mardi 14 juillet à 10h00."
    )
    parsed = parse_invitation_file(text.encode(), "mail.txt", today=date(2026, 6, 1))
    assert NOT_ENGLISH_WARNING in parsed.warnings


# ---- a file's facts, sent back by the review page -------------------------------------


@pytest.mark.parametrize("name", sorted(path.name for path in FILES.iterdir()))
@pytest.mark.parametrize("line_end", ["\n", "\r\n"])  # a browser sends a textarea with CRLF
def test_a_files_facts_and_body_read_again_give_the_same_roster(name, line_end):
    source = read_invitation_file((FILES / name).read_bytes(), name)
    again = invitation_files.facts_from_json(
        invitation_files.facts_as_json(source), source.text.replace("\n", line_end)
    )
    assert again == source
    today = date(2026, 6, 1)
    assert invitation_files.parse_invitation_text(
        again, today=today
    ) == invitation_files.parse_invitation_text(source, today=today)


@pytest.mark.parametrize(
    "facts",
    ["", "not json", "[]", '{"kind": "ics"}', '{"kind": "pdf"}', "null"],
)
def test_facts_that_did_not_come_back_whole_ask_for_the_file_again(facts):
    with pytest.raises(UnreadableInvitation, match="upload it again"):
        invitation_files.facts_from_json(facts, "Dear Jo,")


def test_a_bad_time_zone_or_moment_in_the_facts_asks_for_the_file_again():
    source = read_invitation_file((FILES / "ward7_panel.ics").read_bytes(), "ward7_panel.ics")
    facts = json.loads(invitation_files.facts_as_json(source))
    for broken in (
        {"time_zone": "Mars/Olympus"},
        {"start": "next Tuesday"},
        {"start": "0001-01-01T00:00:00+14:00"},
    ):
        with pytest.raises(UnreadableInvitation, match="upload it again"):
            invitation_files.facts_from_json(json.dumps(facts | broken), source.text)


@pytest.mark.parametrize(
    ("name", "times", "addressed"),
    [
        ("ward7_panel.ics", {"2026-07-14T10:00:00+01:00"}, ("Jo Bloggs", "jo.bloggs@gmail.com")),
        ("supervisor_plain_and_html.eml", set(), ("Jo Bloggs", "jo.bloggs@gmail.com")),
    ],
)
def test_what_a_file_says_for_certain(name, times, addressed):
    source = read_invitation_file((FILES / name).read_bytes(), name)
    assert {t.isoformat() for t in invitation_files.calendar_times(source)} == times
    assert invitation_files.addressed(source) == addressed


def test_a_letters_address_block_is_not_the_place_of_the_interview() -> None:
    letter = (
        "Northfield College\n\n3 June 2026\n\nMs Aroha Ngata\n14 Kauri Street\n"
        "Rotorua 3010\n\nDear Ms Ngata\n\nYou are invited to an interview on Monday "
        "15 June 2026 at 10.00am at Room B2, Tane Building, 40 Fenton Street, Rotorua.\n\n"
        "The panel will be Dr Mere Walker (Head of School) and Mr Tom Reid (HR Adviser).\n"
    )
    parsed = parse_invitation_text(
        read_invitation_file(letter.encode(), "x.txt"), today=date(2026, 6, 1)
    )
    assert parsed.location == "Room B2, Tane Building, 40 Fenton Street, Rotorua"


@pytest.mark.parametrize(
    ("line", "place"),
    [
        # the place named around a street address, without the prose before or after it
        (
            "Please report to Reception, Building 4, 1200 Harbour Road, Durban 4001.",
            "Reception, Building 4, 1200 Harbour Road, Durban 4001",
        ),
        (
            "The interview will be held at 45 Collins Street, Melbourne VIC 3000. Parking is "
            "available.",
            "45 Collins Street, Melbourne VIC 3000",
        ),
        (
            "We're at 9 Queen Street, Auckland 1010; buzz the intercom.",
            "9 Queen Street, Auckland 1010",
        ),
        (
            "Northgate Depot, 88 Mill Lane, Leeds LS1 4AB (sign in at the gate)",
            "Northgate Depot, 88 Mill Lane, Leeds LS1 4AB (sign in at the gate)",
        ),
        # the day and time said with the place, and what to bring, are not the place
        (
            "Location: Kowhai Clinic, 12 Ridge Road, Hamilton 3204. Bring photo ID.",
            "Kowhai Clinic, 12 Ridge Road, Hamilton 3204",
        ),
        (
            "Come to our Halifax branch (300 Spring Garden Road) on Monday, June 8 at 9:30 AM.",
            "Halifax branch (300 Spring Garden Road)",
        ),
        (
            "Friday, June 12 - Civic Centre, 8 Victoria Street, Room 4",
            "Civic Centre, 8 Victoria Street, Room 4",
        ),
        # a named place in prose, with no address
        ("Your second interview is on 12 May at our Leeds Office.", "Leeds Office"),
        ("We would like to see you at the Riverside Campus on Friday.", "Riverside Campus"),
        # no place: a person, a department, a video call
        ("Please speak to the Head of Sales before the interview.", None),
        ("The interview is by video at 10:00.", None),
    ],
)
def test_location_is_the_place_not_the_sentence(line: str, place: str | None) -> None:
    parsed = parse_invitation_text(
        read_invitation_file(
            f"Hello,\n\n{line}\n\nMaria Lopez, Ward Manager, 10:00-10:45\n".encode(), "x.txt"
        ),
        today=date(2026, 5, 1),
    )
    assert parsed.location == place
    if place is not None:
        assert parsed.sources["location"] == line
