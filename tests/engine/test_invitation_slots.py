"""Each person's slot as invitations write it: one time and an end phrase for a whole panel,
an arrival time before the start, turns one after another, start and finish fields,
military clocks, a thread whose newest message moves the day, calendar files in UTC or
with a DURATION."""

from __future__ import annotations

from datetime import date

import pytest

from secondround.engine.reading.invitation import parse_invitation, roster_as_json
from secondround.engine.reading.invitation_files import parse_invitation_file
from secondround.engine.reading.invitation_names import find_names
from secondround.engine.reading.invitation_sequence import each_length
from secondround.engine.reading.invitation_times import clock_times

TODAY = date(2027, 2, 1)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("It starts at 9:30am and runs until 11am (AEDT).", "09:30", "11:00"),
        ("your interview begins at 10:00 a.m. and will conclude by 11:30 a.m.", "10:00", "11:30"),
        ("Please arrive at 9:45 a.m.; the panel begins at 10:00 a.m.", "10:00", None),
        ("please arrive by 1:45pm for a 2pm start, finishing at about 3pm", "14:00", "15:00"),
        ("1430 hrs to 1530 hrs", "14:30", "15:30"),
        ("at 0930 hrs", "09:30", None),
        ("at 14h30, for one hour", "14:30", "15:30"),
        ("between 10 and 11am", "10:00", "11:00"),
        ("from 9 am to 12 noon", "09:00", "12:00"),
        ("from 15.00 to 16.00", "15:00", "16:00"),
        # "15.00 hrs" is a time of day, not fifteen hours.
        ("at 15.00 hrs", "15:00", None),
        ("at 15.00 hrs for 2 hrs", "15:00", "17:00"),
        ("at 14:00hrs, and it will take 1 hr", "14:00", "15:00"),
        # A reply deadline is not an end.
        ("at 10am. Please confirm by 5pm today.", "10:00", None),
        # Clocks in words.
        ("on Friday at half past ten. Please allow about an hour.", "10:30", "11:30"),
        ("at a quarter to three in the afternoon", "14:45", None),
        ("at ten o'clock, for forty-five minutes", "10:00", "10:45"),
        # "afternoon" holds "noon" but is not midday.
        ("at quarter past two in the afternoon", "14:15", None),
    ],
)
def test_clock_times_in_a_sentence(text: str, start: str, end: str | None) -> None:
    times = clock_times(text)
    assert times is not None
    found_end = times.end.strftime("%H:%M") if times.end else None
    assert (times.start.strftime("%H:%M"), found_end) == (start, end)


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("You'll meet the following people, each for 30 minutes, back to back", 30),
        ("three conversations, each lasting about 45 minutes", 45),
        ("Each interview is about 30 minutes; there is time between them.", 30),
        ("two interviews of 40 minutes each", 40),
        ("three back-to-back 45-minute interviews", 45),
        ("consecutive 30-minute conversations with the team", 30),
        # The panel's length, or each candidate's, is not a turn.
        ("The panel interview will last 45 minutes.", 0),
        ("each candidate will have 30 minutes with the panel", 0),
    ],
)
def test_each_meetings_length(text: str, minutes: int) -> None:
    assert each_length(text) == minutes


def _slots(text: str, zone: str = "Europe/London", today: date = TODAY) -> list[tuple]:
    parsed = parse_invitation(text, today=today, default_time_zone=zone)
    return [
        (row["name"], (row["start"] or "")[5:16], (row["end"] or "")[11:16] or None)
        for row in roster_as_json(parsed)
    ]


SLOTS = [
    # Turns one after another, in the order of the list.
    (
        "Hi Priscilla,\n\nHere's the plan for Tuesday, February 16. You'll have three"
        " conversations, each 45 minutes, back to back starting at 10:00 AM ET:\n\n"
        "1. Naomi Feld, VP Marketing\n2. Luis Cabrera, Brand Manager\n"
        "3. Hyun-woo Park, Data Analyst\n\nThanks,\nAmy",
        "America/New_York",
        [
            ("Naomi Feld", "02-16T10:00", "10:45"),
            ("Luis Cabrera", "02-16T10:45", "11:30"),
            ("Hyun-woo Park", "02-16T11:30", "12:15"),
        ],
    ),
    # The whole visit is 1-3pm; the panel's part is the one the sentence calls the panel's.
    (
        "Hi Jonas,\n\nWe'd like to see you again on Friday 12 February 2027 from 1-3pm. The"
        " first half hour (1:00-1:30pm) is a written exercise, and from 1:45 to 2:45pm you'll"
        " have the panel interview.\n\nPanel:\nRachel Oduya | Finance Director\n"
        "Simon Hale | Financial Controller\n\nBest,\nTom",
        "Europe/London",
        [("Rachel Oduya", "02-12T13:45", "14:45"), ("Simon Hale", "02-12T13:45", "14:45")],
    ),
    # An arrival time, then the start and an end phrase.
    (
        "Dear Ms. Oyelaran,\n\nWe are pleased to invite you to a second interview on March 30,"
        " 2027. Please plan to arrive at 9:45 a.m.; your interview with the panel begins at"
        " 10:00 a.m. and will conclude by 11:30 a.m. Central Time.\n\nPanel members:\n"
        "Dr. Leonard Fischer, Medical Director\nTyrone Banks, Talent Acquisition Specialist"
        "\n\nSincerely,\nHuman Resources",
        "America/Chicago",
        [("Leonard Fischer", "03-30T10:00", "11:30"), ("Tyrone Banks", "03-30T10:00", "11:30")],
    ),
    # Start and finish given as two fields.
    (
        "Dear Ms. Kowalczyk,\n\nWe would like to invite you to a panel interview.\n\n"
        "Date: Tuesday 9 March 2027\nStart time: 10.30am\nFinish time: 11.30am\n"
        "Venue: Civic Centre, Room 3\n\nPanel members\n"
        "Mr. David O'Connell, Head of Finance\nMrs. Priya Shah, HR Officer\n\n"
        "Yours sincerely,\nPeople Services",
        "Europe/London",
        [("David O'Connell", "03-09T10:30", "11:30"), ("Priya Shah", "03-09T10:30", "11:30")],
    ),
    # A military clock range.
    (
        "Dear Ms Wanjiku,\n\nYour interview is scheduled for Tuesday 2 March 2027 at 1430 hrs"
        " to 1530 hrs. The panel: Mr. Peter Kamau, Finance Manager; Ms. Esther Njeri, Senior"
        " Accountant.\n\nRegards,\nHR",
        "Africa/Nairobi",
        [("Peter Kamau", "03-02T14:30", "15:30"), ("Esther Njeri", "03-02T14:30", "15:30")],
    ),
    # The writer's own part "at the end" of a one-hour visit; the rest of a sentence after
    # a bracket is no title.
    (
        "Hey Sam!\n\nLoved chatting. Next step is a 1-hour onsite on Tuesday 16 February,"
        " starting 1pm. You'll pair with two of our engineers (Ravi Shankar and Emily Zhou) on a"
        " small coding task, and then chat with me for 30 min at the end.\n\nCheers,\n"
        "Tom Becker\nEngineering Manager",
        "Europe/Berlin",
        [
            ("Ravi Shankar", "02-16T13:00", "14:00"),
            ("Emily Zhou", "02-16T13:00", "14:00"),
            ("Tom Becker", "02-16T13:30", "14:00"),
        ],
    ),
    # "rescheduled from 09:00 to 13:30" gives the new time; "the panel remains" names it.
    (
        "Dear Ms. Gómez,\n\nYour interview on 30 March 2027 has been rescheduled from 09:00 to"
        " 13:30 (CET) due to a conflict. The panel remains Dr. Lukas Weber (Head of R&D) and Ms."
        " Ines Hofmann (HR Business Partner). The interview will last approximately one hour."
        "\n\nKind regards,\nHR",
        "Europe/Berlin",
        [("Lukas Weber", "03-30T13:30", "14:30"), ("Ines Hofmann", "03-30T13:30", "14:30")],
    ),
    # A bilingual mail, French first: "the board will be composed of" names the panel.
    (
        "(Scroll down for English)\n\nBonjour Monsieur Tremblay,\n\nVous êtes convoqué à une"
        " entrevue le mardi 6 avril 2027 de 9 h 30 à 10 h 30 (heure de l'Est). Le comité sera"
        " composé de Nathalie Roy, gestionnaire, Services aux clients, et de Marc Gagnon,"
        " conseiller principal.\n\nHello Mr. Tremblay,\n\nYou are invited to an interview on"
        " Tuesday, April 6, 2027 from 9:30 to 10:30 a.m. (Eastern Time). The board will be"
        " composed of Nathalie Roy, Manager, Client Services, and Marc Gagnon, Senior Advisor."
        "\n\nStaffing / Dotation",
        "America/Toronto",
        [("Nathalie Roy", "04-06T09:30", "10:30"), ("Marc Gagnon", "04-06T09:30", "10:30")],
    ),
    # Starts of their own and one length for each meeting.
    (
        "Hi Dana,\n\nYour interviews on Friday 19 February 2027:\n\n"
        "- 10:00 AM: Denise Carver, Nurse Manager, 5 East\n"
        "- 11:00 AM: Patrick O'Shea, Nurse Manager, 7 West\n\n"
        "Each interview is about 30 minutes.\n\nThanks,\nRecruiting",
        "America/Chicago",
        [("Denise Carver", "02-19T10:00", "10:30"), ("Patrick O'Shea", "02-19T11:00", "11:30")],
    ),
    # A date with a colon after it is still a date ("Thursday, March 4:").
    (
        "Hi Fatima,\n\nYour final-round schedule for Thursday, March 4:\n\n"
        "9am - Meeting with Greg Olsen, VP of Sales\n"
        "10am - Meeting with Dana Whitfield, Regional Sales Manager\n\nBest,\nKim",
        "America/Denver",
        [("Greg Olsen", "03-04T09:00", None), ("Dana Whitfield", "03-04T10:00", None)],
    ),
    # The newest message's weekday wins over the dates quoted from the older plan.
    (
        "Hi Nadia,\n\nConfirmed for next Wednesday at 2pm. You'll meet our CTO, Grace Liu, and"
        " Omar Haddad, Principal Engineer, for about an hour.\n\nThanks,\nMark\n\n"
        "-----Original Message-----\nFrom: Mark Ellis\nSent: Tuesday, February 2, 2027 9:15 AM"
        "\nTo: Nadia Rahman\nSubject: Onsite interview\n\nHi Nadia, we'd like you to come in on"
        " Monday 8 February at 10am to meet Grace Liu and Omar Haddad.",
        "America/Los_Angeles",
        [("Grace Liu", "02-10T14:00", "15:00"), ("Omar Haddad", "02-10T14:00", "15:00")],
    ),
]


@pytest.mark.parametrize(("text", "zone", "rows"), SLOTS)
def test_each_persons_slot(text: str, zone: str, rows: list[tuple]) -> None:
    today = date(2027, 2, 4)  # a Thursday: "next Wednesday" is 10 February
    assert _slots(text, zone, today) == rows


CALENDAR = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Example ATS//EN
METHOD:REQUEST
BEGIN:VEVENT
UID:xyz-1
DTSTAMP:20270301T090000Z
DTSTART:20270315T130000Z
{end}
SUMMARY:Interview: Elif Kaya - Nurse Educator
ORGANIZER;CN=Hospital Recruitment:mailto:jobs@example.org
ATTENDEE;CN=Elif Kaya:mailto:elif@example.com
DESCRIPTION:Interviewers: Dr. Amos Levi (Director of Nursing Education)\\, Joan Pratt (Cl
 inical Nurse Specialist)
END:VEVENT
END:VCALENDAR
"""


@pytest.mark.parametrize(
    ("end", "zone", "start_iso", "end_iso"),
    [
        # UTC read in the candidate's zone (after the US change on 14 March: EDT).
        ("DURATION:PT45M", "America/New_York", "2027-03-15T09:00:00-04:00", "09:45"),
        ("DTEND:20270315T140000Z", "America/New_York", "2027-03-15T09:00:00-04:00", "10:00"),
        # No zone known: UTC stays UTC rather than a guess.
        ("DURATION:PT1H", None, "2027-03-15T13:00:00+00:00", "14:00"),
    ],
)
def test_calendar_times_in_utc_or_with_a_duration(
    end: str, zone: str | None, start_iso: str, end_iso: str
) -> None:
    data = CALENDAR.format(end=end).replace("\n", "\r\n").encode()
    parsed = parse_invitation_file(
        data, "invite.ics", today=date(2027, 3, 1), default_time_zone=zone
    )
    rows = roster_as_json(parsed)
    assert [row["name"] for row in rows] == ["Amos Levi", "Joan Pratt"]
    assert {(row["start"], (row["end"] or "")[11:16]) for row in rows} == {(start_iso, end_iso)}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # A line in capitals, as call letters and schedule tables write them.
        ("09:00 – 09:45: MR. ROBERT LIM, GENERAL MANAGER, PROJECTS", ["Robert Lim"]),
        ("MS. NURUL HUDA BINTI AZMAN    SENIOR ENGINEER", ["Nurul Huda Binti Azman"]),
        ("PANEL INTERVIEW SCHEDULE", []),
        # A signature or heading in capitals, with no time and no honorific, names no one.
        ("JOHN K. MUTUA", []),
        ("MR. ROBERT LIM", ["Robert Lim"]),
        # Initials before a surname, without an honorific.
        ("interviewed by J. R. Whitaker (Chief Financial Officer)", ["J. R. Whitaker"]),
        ("and M. A. Osei-Bonsu (Head of Treasury)", ["M. A. Osei-Bonsu"]),
        ("Bring plan B. Then come to reception.", []),
        # A job written right before the name is not part of it.
        ("and with Lead Data Scientist Siti Rahmah.", ["Siti Rahmah"]),
        ("joined by Senior UX Designer Tomás Ibarra", ["Tomás Ibarra"]),
        # Every word also an English word, but a job title follows at once.
        ("Interview with Sian Roberts (Graduate Programme Manager)", ["Sian Roberts"]),
        ("Sian Hughes, Head of Finance", ["Sian Hughes"]),
        ("Cardiac Step-Down Unit, 4th floor", []),
    ],
)
def test_names_in_capitals_and_with_initials(text: str, names: list[str]) -> None:
    assert [span.name for span in find_names(text)] == names


@pytest.mark.parametrize(
    ("guest", "listed"),
    [
        # The candidate shows only as a private mailbox among the guests.
        ("maya.cohen@gmail.com", ["Alicia Moreno", "Brian Kessler"]),
        # A company mailbox named after her says nothing of who she is.
        ("maya.cohen@northwind.example.com", ["Maya Cohen", "Alicia Moreno", "Brian Kessler"]),
    ],
)
def test_a_private_mailbox_among_the_guests_is_the_candidate(guest: str, listed: list[str]) -> None:
    text = (
        "Invitation: Onsite interview - Maya Cohen (Account Executive) @ Thu Mar 18, 2027 1pm -"
        " 2:30pm (EDT)\n\nOnsite interview - Maya Cohen (Account Executive)\nWhen\n"
        "Thursday Mar 18, 2027 1pm – 2:30pm (Eastern Time - New York)\nGuests\n"
        f"Derek Wu - organizer\nAlicia Moreno\nBrian Kessler\n{guest}\n\n"
        "Panel: Alicia Moreno (Sales Director) and Brian Kessler (Enterprise Account"
        " Executive). Derek coordinates and will meet you in the lobby."
    )
    parsed = parse_invitation(text, today=date(2027, 3, 8), default_time_zone="America/New_York")
    assert [row["name"] for row in roster_as_json(parsed)] == listed


def test_the_rest_of_a_sentence_is_no_title() -> None:
    text = (
        "Next step is a 1-hour onsite on Tuesday 16 February, starting 1pm. You'll pair with two"
        " of our engineers (Ravi Shankar and Emily Zhou) on a small coding task."
    )
    parsed = parse_invitation(text, today=TODAY, default_time_zone="Europe/Berlin")
    assert [(row["name"], row["title"]) for row in roster_as_json(parsed)] == [
        ("Ravi Shankar", None),
        ("Emily Zhou", None),
    ]


@pytest.mark.parametrize(
    ("sentence", "end"),
    [
        ("It should last no longer than 45 minutes.", "10:45"),
        ("It will last one and a half hours.", "11:30"),
        ("It will last 1½ hours.", "11:30"),
        ("It is scheduled for 45mins.", "10:45"),
        ("You will have 30 minutes with her.", "10:30"),
        ("The meeting is planned for an hour.", "11:00"),
        ("Interview length: 60 minutes", "11:00"),
        # Not the interview's length.
        ("Please arrive 15 minutes early.", None),
        ("A 30-minute written test follows.", None),
    ],
)
def test_an_end_from_a_stated_length(sentence: str, end: str | None) -> None:
    text = (
        "Dear Ana,\n\nYour interview is on Tuesday 16 March 2027 at 10:00 with Maria Lopez,"
        f" Head of Sales. {sentence}\n\nBest,\nHR"
    )
    rows = roster_as_json(parse_invitation(text, today=date(2027, 3, 1)))
    assert [(row["start"][11:16], (row["end"] or "")[11:16] or None) for row in rows] == [
        ("10:00", end)
    ]


@pytest.mark.parametrize(
    ("said", "start"),
    [
        ("at 10:00 IST (India)", "2027-03-16T10:00:00+05:30"),
        ("at 10:00 IST, Ireland", "2027-03-16T10:00:00+00:00"),
        ("at 10:00 Central Africa Time", "2027-03-16T10:00:00+02:00"),
        # Nothing beside it says which IST: no offset rather than a guess.
        ("at 10:00 IST", "2027-03-16T10:00:00"),
        ("at 10:00 IST at our Bengaluru office", "2027-03-16T10:00:00"),
    ],
)
def test_a_place_settles_the_zone(said: str, start: str) -> None:
    text = (
        f"Dear Ana,\n\nYour interview is on Tuesday 16 March 2027 {said} with Maria Lopez,"
        " Head of Sales.\n\nBest,\nHR"
    )
    rows = roster_as_json(parse_invitation(text, today=date(2027, 3, 1)))
    assert [row["start"] for row in rows] == [start]


@pytest.mark.parametrize(
    ("said", "day"),
    [
        ("on Tuesday 16th at 2.30pm", date(2027, 3, 16)),
        ("on Tuesday the 16th at 2.30pm", date(2027, 3, 16)),
        ("on the 16th of March at 14:00hrs", date(2027, 3, 16)),
    ],
)
def test_a_day_of_the_month_after_a_weekday(said: str, day: date) -> None:
    text = f"Dear Ana,\n\nYour interview is {said} with Maria Lopez, Head of Sales.\n\nBest,\nHR"
    parsed = parse_invitation(text, today=date(2027, 3, 1))
    assert parsed.interview_date == day


@pytest.mark.parametrize(
    "sentence",
    [
        "You will be chatting to Maria Lopez, Head of Sales, and Tom Reed, Account Director.",
        "Maria Lopez (Head of Sales) will lead the conversation, alongside Tom Reed (Account"
        " Director).",
        "Interviewing you: Maria Lopez (Head of Sales) and Tom Reed (Account Director).",
        "Maria Lopez (Head of Sales) and Tom Reed (Account Director) will be asking the questions.",
        "You will be seen by Maria Lopez, Head of Sales, and Tom Reed, Account Director.",
        "\nAttendees: Maria Lopez (Head of Sales), Tom Reed (Account Director)",
    ],
)
def test_ways_of_saying_who_interviews(sentence: str) -> None:
    text = (
        "Hi Ana,\n\nThanks for applying! Your second interview is on Tuesday 16 March 2027 at"
        f" 10:00. {sentence}\n\nBest,\nHR"
    )
    rows = roster_as_json(parse_invitation(text, today=date(2027, 3, 1)))
    assert [(row["name"], row["title"]) for row in rows] == [
        ("Maria Lopez", "Head of Sales"),
        ("Tom Reed", "Account Director"),
    ]


def test_an_optional_attendee_is_not_an_interviewer() -> None:
    text = (
        "Hi Ana,\n\nYour interview is on Tuesday 16 March 2027 at 10:00.\n\n"
        "Required Attendees: Maria Lopez\nOptional Attendees: Megan Rhodes\n\n"
        "You will meet Maria Lopez, Head of Sales.\n\nBest,\nHR"
    )
    rows = roster_as_json(parse_invitation(text, today=date(2027, 3, 1)))
    assert [row["name"] for row in rows] == ["Maria Lopez"]


def test_one_calendar_event_per_interviewer_gives_each_their_slot() -> None:
    event = (
        "BEGIN:VEVENT\nUID:{uid}\nDTSTAMP:20270301T090000Z\n"
        "DTSTART;TZID=America/New_York:20270316T{start}\nDTEND;TZID=America/New_York:20270316T{end}"
        "\nSUMMARY:Interview - Ana Silva\n"
        "ORGANIZER;CN=Recruiting:mailto:recruiting@acme.example.com"
        "\nATTENDEE;CN={name};ROLE=REQ-PARTICIPANT:mailto:{mail}@acme.example.com\n"
        "ATTENDEE;CN=Ana Silva;ROLE=REQ-PARTICIPANT:mailto:ana.silva@gmail.com\n"
        "DESCRIPTION:Interview with {name}\\, {title}.\nEND:VEVENT\n"
    )
    data = (
        "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Example ATS//EN\nMETHOD:REQUEST\n"
        + event.format(
            uid="a1",
            start="100000",
            end="104500",
            name="Priya Patel",
            mail="pp",
            title="Staff Engineer",
        )
        + event.format(
            uid="a2",
            start="110000",
            end="113000",
            name="Jordan Lee",
            mail="jl",
            title="Engineering Manager",
        )
        + "END:VCALENDAR\n"
    ).replace("\n", "\r\n")
    parsed = parse_invitation_file(data.encode(), "loop.ics", today=date(2027, 3, 1))
    assert [
        (row["name"], row["start"][11:16], row["end"][11:16]) for row in roster_as_json(parsed)
    ] == [
        ("Priya Patel", "10:00", "10:45"),
        ("Jordan Lee", "11:00", "11:30"),
    ]


@pytest.mark.parametrize(
    "people",
    [
        "\n\nInterviewer: Maria Lopez\nTitle: Head of Sales\n\nInterviewer: Tom Reed\n"
        "Title: Account Director",
        " with Maria Lopez (she/her), Head of Sales, and Tom Reed (he/him), Account Director.",
    ],
)
def test_field_labels_and_pronouns_are_not_titles(people: str) -> None:
    text = f"Hi Ana,\n\nYour interview is on Tuesday 16 March 2027 at 10:00{people}\n\nBest,\nHR"
    rows = roster_as_json(parse_invitation(text, today=date(2027, 3, 1)))
    assert [(row["name"], row["title"]) for row in rows] == [
        ("Maria Lopez", "Head of Sales"),
        ("Tom Reed", "Account Director"),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Session 1 (10:00-10:45): Maria Lopez, Head of Sales",
        "Part 1 (10:00-10:45) - Maria Lopez, Head of Sales",
        "Round 2 - 10:00 to 10:45 - Maria Lopez (Head of Sales)",
    ],
)
def test_a_numbered_slot_before_its_time(line: str) -> None:
    text = f"Hi Ana,\n\nTuesday 16 March 2027\n\n{line}\n\nBest,\nHR"
    rows = roster_as_json(parse_invitation(text, today=date(2027, 3, 1)))
    found = [(r["name"], r["title"], r["start"][11:16], r["end"][11:16]) for r in rows]
    assert found == [("Maria Lopez", "Head of Sales", "10:00", "10:45")]


@pytest.mark.parametrize(
    ("sent", "day"),
    [
        # A pasted Outlook header: "next Wednesday" counts from the day it was sent.
        ("Sent: Tuesday, March 2, 2027 10:14 AM", "2027-03-03"),
        # No header: from the day it is pasted.
        ("", "2027-03-24"),
    ],
)
def test_a_pasted_sent_header_is_the_day_weekdays_count_from(sent: str, day: str) -> None:
    text = (
        f"From: Lucy Grant <lucy@northwind.example.com>\n{sent}\nTo: Daniel Park\n"
        "Subject: Final interview\n\nHi Daniel,\n\nCould you come in next Wednesday at 2pm? You"
        " will meet Kate Morrison (Engineering Manager) and Ben Ito (Staff Engineer).\n\n"
        "Thanks,\nLucy"
    )
    rows = roster_as_json(parse_invitation(text, today=date(2027, 3, 20)))
    assert {row["start"][:10] for row in rows} == {day}


def test_a_bracket_wrapped_onto_the_next_line_keeps_its_title() -> None:
    text = (
        "Hi Ana,\n\nGreat, you're confirmed! See you then.\n\nBest,\nRachel\n\n"
        "On Mon, 8 Mar 2027 at 09:12, Rachel Green <rachel@northwind.example.com> wrote:\n"
        "> Hi Ana,\n>\n> We'd like to invite you to a final interview on Thursday 18 March at"
        " 2:30pm\n> with Omar Farouk (Head of Data Platform) and Lisa Chang (Staff Data\n"
        "> Engineer). It will last about an hour.\n>\n> Best,\n> Rachel"
    )
    rows = roster_as_json(parse_invitation(text, today=date(2027, 3, 9)))
    assert [(row["name"], row["title"], row["end"][11:16]) for row in rows] == [
        ("Omar Farouk", "Head of Data Platform", "15:30"),
        ("Lisa Chang", "Staff Data Engineer", "15:30"),
    ]


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        # Outlook's zone name with its colon unquoted: the calendar library cannot read it;
        # the time is read as the candidate's clock rather than the file refused.
        (
            "DTSTART;TZID=(UTC-05:00) Eastern Time (US & Canada):20270309T140000",
            "DTEND;TZID=(UTC-05:00) Eastern Time (US & Canada):20270309T150000",
            ("2027-03-09T14:00:00-05:00", "2027-03-09T15:00:00-05:00"),
        ),
        # An all-day event gives a day, not a time.
        ("DTSTART;VALUE=DATE:20270309", "DTEND;VALUE=DATE:20270310", (None, None)),
    ],
)
def test_calendar_times_that_are_broken_or_all_day(
    start: str, end: str, expected: tuple[str | None, str | None]
) -> None:
    data = (
        "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Example//EN\nBEGIN:VEVENT\nUID:x\n"
        f"DTSTAMP:20270220T000000Z\n{start}\n{end}\nSUMMARY:Interview - Tom Baker\n"
        "ORGANIZER;CN=Kylie Brennan:mailto:kylie@example.com\n"
        "ATTENDEE;CN=Stuart McKenzie:mailto:stuart@example.com\n"
        "ATTENDEE;CN=Tom Baker:mailto:tom.baker@gmail.com\nEND:VEVENT\nEND:VCALENDAR\n"
    ).replace("\n", "\r\n")
    parsed = parse_invitation_file(
        data.encode(), "invite.ics", today=date(2027, 2, 20), default_time_zone="America/New_York"
    )
    rows = roster_as_json(parsed)
    assert [(row["name"], row["start"], row["end"]) for row in rows] == [
        ("Stuart McKenzie", *expected)
    ]
