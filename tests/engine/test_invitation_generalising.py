"""Failure classes found on eval/invitations_fresh3 (development since helper invite7),
each pinned by a small invitation of our own, not by the set's items."""

from __future__ import annotations

from datetime import date

import pytest

from secondround.engine.reading.invitation import parse_invitation
from secondround.engine.reading.invitation_calendar_lines import join_raw_breaks
from secondround.engine.reading.invitation_files import parse_invitation_file

TODAY = date(2027, 1, 10)

CALENDAR = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n"
    "DTSTART;TZID=Europe/Paris:20270203T140000\r\nDTEND;TZID=Europe/Paris:20270203T150000\r\n"
    "ORGANIZER;CN=Lea Roux:mailto:lea.roux@firm.example.fr\r\n"
    "ATTENDEE;CN=Hugo Petit:mailto:hugo.petit@firm.example.fr\r\n"
    "ATTENDEE;CN=Nadia Benali:mailto:nadia.benali@firm.example.fr\r\n"
    "DESCRIPTION:Dear Sam\\,{body}\r\n"
    "SUMMARY:Interview - Site Engineer\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)
BODY = "\n\nYour panel:\nHugo Petit\\, Works Manager\nNadia Benali\\, Site Engineer"
TITLES = {"Hugo Petit": "Works Manager", "Nadia Benali": "Site Engineer"}


@pytest.mark.parametrize(
    ("body", "titles"),
    [
        # Well-formed: line breaks escaped as \n.
        (BODY.replace("\n", "\\n"), TITLES),
        # Raw breaks inside the description (hand-edited or re-wrapped files).
        (BODY.replace("\n", "\r\n"), TITLES),
    ],
)
def test_a_calendar_description_with_raw_line_breaks_still_names_titles(body, titles):
    data = CALENDAR.format(body=body).encode()
    parsed = parse_invitation_file(data, "invite.ics", today=TODAY)
    assert {entry.name: entry.title for entry in parsed.entries} == titles


def test_a_well_formed_calendar_is_left_unchanged():
    data = CALENDAR.format(body=BODY.replace("\n", "\\n")).encode()
    assert join_raw_breaks(data) == data


@pytest.mark.parametrize(
    "aside",
    [
        "Ruth Oduya (HR Partner) set up this meeting and will not be on the panel.",
        "Ruth Oduya (Recruiter) organises this meeting and will not attend.",
        "Ruth Oduya, our CEO, sometimes says hello but isn't part of the panel.",
        "Pick-up at the hotel lobby (Ruth Oduya, department administrator).",
    ],
)
def test_people_who_say_they_do_not_interview_are_not_listed(aside):
    text = (
        "Dear Sam,\n\nYour interview is on 3 February 2027 at 10:00.\n\n"
        "Interviewers:\nHugo Petit, Works Manager\nNadia Benali, Site Engineer\n\n"
        f"{aside}\n\nKind regards,\nLea Roux"
    )
    names = {entry.name for entry in parse_invitation(text, today=TODAY).entries}
    assert "Ruth Oduya" not in names
    assert {"Hugo Petit", "Nadia Benali"} <= names


@pytest.mark.parametrize(
    ("written", "zone", "offset"),
    [
        ("CST", "America/Regina", "-06:00"),  # Saskatchewan keeps standard time in April
        ("CST", "America/Chicago", "-05:00"),  # Chicago's writers mean Central time
        ("AEST", "Australia/Brisbane", "+10:00"),  # Queensland: no daylight saving
        ("MST", "America/Phoenix", "-07:00"),
    ],
)
def test_a_zone_word_the_writers_own_zone_uses_all_year_is_that_zone(written, zone, offset):
    text = (
        "Hello Jordan,\n\nDate: Monday, April 5, 2027\n"
        f"Time: 1:30 p.m. {written}\nDuration: approximately one hour\n\n"
        "The interview panel will be:\n- Ana Ruiz, Program Manager\n- Ben Oke, Senior Worker\n"
    )
    parsed = parse_invitation(text, today=TODAY, default_time_zone=zone)
    assert parsed.entries and parsed.entries[0].start is not None
    assert parsed.entries[0].start.isoformat().endswith(offset)


@pytest.mark.parametrize(
    ("sentence", "start", "end"),
    [
        # The visit's window around a task and the interview: the interview's own range.
        (
            "The interview will be on 3 February 2027 from 2-4pm at our office. You'll have a"
            " short written task from 2:00 to 2:30pm, then the panel interview from 2:45 to"
            " 3:45pm.",
            "14:45",
            "15:45",
        ),
        # A part before the interview, both with the panel: the whole session.
        (
            "Your session on 3 February 2027 will start at 10:00am with a 20-minute"
            " presentation on your teaching approach, followed by a 40-minute interview with"
            " the panel.",
            "10:00",
            "11:00",
        ),
        # A plain range stays as written.
        ("Your interview is on 3 February 2027 from 2:00 to 2:45pm.", "14:00", "14:45"),
    ],
)
def test_the_panels_slot_inside_a_longer_visit(sentence, start, end):
    text = (
        f"Dear Sam,\n\n{sentence}\n\nYour panel:\nHugo Petit | Works Manager\n"
        "Nadia Benali | Site Engineer\n\nBest wishes,\nLea Roux"
    )
    entries = parse_invitation(text, today=TODAY).entries
    assert [(e.start.strftime("%H:%M"), e.end.strftime("%H:%M")) for e in entries] == [
        (start, end)
    ] * 2


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("Associate Professor Hana Ito (Chair), Head of School, Media", "Head of School"),
        ("Professor Hana Ito, Chair, Department of Media", "Chair"),
    ],
)
def test_a_bracketed_panel_role_is_not_part_of_the_title(line, title):
    text = (
        "Dear Sam,\n\nYour interview is on 3 February 2027 at 10:00.\n\n"
        f"The panel members are:\n{line}\nDr Ben Oke, Senior Lecturer\n\nKind regards,\nLea Roux"
    )
    entries = {e.name: e.title for e in parse_invitation(text, today=TODAY).entries}
    assert entries["Hana Ito"].startswith(title)
    assert "Chair)" not in entries["Hana Ito"]


def test_the_newest_messages_weekday_beats_the_date_quoted_below():
    text = (
        "Dear Sam,\n\nGood news: everything is now confirmed for next Tuesday. Here is the day.\n\n"
        " 9am    Meeting with Prof. Hana Ito, Department Chair\n"
        " 11am   Meeting with Dr. Ben Oke, Dean\n\nBest,\nLea\n\n"
        "On Mon, 01 Mar 2027 at 10:05, Lea Roux <lea@example.edu> wrote:\n"
        "> Would Thursday, March 4 work for your visit? We would start at 9am.\n"
    )
    entries = parse_invitation(text, today=date(2027, 3, 3)).entries
    assert {e.start.date() for e in entries} == {date(2027, 3, 9)}
