"""Shapes met in invitation e-mails kept close to real public pages (eval/invitations_dev6):
a timetable line that opens with a dotted 24-hour time ("14.45 – Interview with …"), and a
zone word that is part of a street address ("100 Pacific Highway"). The examples are
invented, from other occupations than the pages'."""

from __future__ import annotations

from datetime import date

import pytest

from secondround.engine.reading.invitation import parse_invitation, roster_as_json
from secondround.engine.reading.invitation_zones import find_zone


def _rows(text: str, zone: str) -> list[tuple[str, str | None]]:
    rows = roster_as_json(parse_invitation(text, today=date(2027, 3, 1), default_time_zone=zone))
    return [(row["name"], row["start"]) for row in rows]


@pytest.mark.parametrize(
    ("line", "start"),
    [
        ("14.45 – Practical interview with Nadia Cole, Head Pastry Chef", "14:45"),
        ("- 09.30 Interview with Nadia Cole, Head Pastry Chef", "09:30"),
        ("13.05 - Interview with Nadia Cole, Head Pastry Chef", "13:05"),
    ],
)
def test_a_timetable_line_that_opens_with_a_dotted_time(line: str, start: str) -> None:
    text = (
        "Dear Tom,\n\nYour trial day at the bakery is on Thursday 11 March 2027.\n\n"
        f"08.30 – Arrival and kitchen tour\n{line}\n\nKind regards,\nBeth"
    )
    assert _rows(text, "Europe/London") == [("Nadia Cole", f"2027-03-11T{start}:00+00:00")]


@pytest.mark.parametrize(
    "text",
    [
        "Price 12.50 Euro for the parking",
        "Version 10.30 Release notes",
    ],
)
def test_a_dotted_number_inside_a_line_is_no_clock(text: str) -> None:
    mail = f"Dear Tom,\n\nInterview on Thursday 11 March 2027.\n\n{text}\n\nBeth"
    rows = roster_as_json(parse_invitation(mail, today=date(2027, 3, 1)))
    assert rows == []


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("Level 3, 200 Pacific Highway, St Leonards, at 10am", None),
        ("Depot at 14 Central Avenue, from 9:00", None),
        ("12 Eastern Parkway, Suite 4", None),
        ("at 10am Pacific", "America/Los_Angeles"),
        ("at 3 pm Central time", "America/Chicago"),
    ],
)
def test_a_zone_word_in_a_street_address_is_no_zone(text: str, zone: str | None) -> None:
    found = find_zone(text)
    assert (found.name if found else None) == zone


def test_an_address_on_pacific_highway_keeps_the_senders_zone() -> None:
    text = (
        "Hi Mia,\n\nPlease come to our office at Level 9, 100 Pacific Highway, North Sydney"
        " on Tuesday 16 March 2027.\n\n- 11:00am  Interview with Owen Price, Lead Surveyor\n\n"
        "Cheers,\nJo"
    )
    assert _rows(text, "Australia/Sydney") == [("Owen Price", "2027-03-16T11:00:00+11:00")]


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        (
            "The board will be chaired by Dr. Ruth Ochieng, Chief Pharmacist. Other members are"
            " Mr. Paul Wekesa, Head of Procurement and Ms. Grace Atieno, Senior Pharmacist.",
            ["Ruth Ochieng", "Paul Wekesa", "Grace Atieno"],
        ),
        (
            "Ms. Lena Fischer, Fire Chief, will chair the panel. The remaining panel members are:"
            " Mr. Jonas Weber, Station Officer, and Ms. Ida Braun, Training Officer.",
            ["Lena Fischer", "Jonas Weber", "Ida Braun"],
        ),
    ],
)
def test_the_other_members_after_a_chair(sentence: str, names: list[str]) -> None:
    text = (
        "Dear Sir,\n\nYou are invited to appear before the board on Wednesday, 10 March 2027"
        f" at 10:00 am.\n\n{sentence}\n\nYours faithfully,\nAmos Kiprop\nRecruitment Officer"
    )
    assert [name for name, _ in _rows(text, "Africa/Nairobi")] == names


@pytest.mark.parametrize(
    ("line", "name", "honorific"),
    [
        ("• M. Étienne Gagnon, Chef de cuisine", "Étienne Gagnon", "M"),
        ("• Mme Claire Roy, Directrice des soins", "Claire Roy", "Mme"),
    ],
)
def test_french_honorifics_stay_apart(line: str, name: str, honorific: str) -> None:
    text = (
        "Bonjour Julie,\n\nThis confirms your interview on Thursday, March 11, 2027 at 14h00.\n\n"
        f"Who will be conducting the interview:\n{line}\n\nCordialement,\nSophie Martel"
    )
    rows = roster_as_json(parse_invitation(text, today=date(2027, 3, 1)))
    assert [(row["name"], row["honorific"]) for row in rows] == [(name, honorific)]


def test_an_initial_before_a_surname_is_no_honorific() -> None:
    from secondround.engine.reading.invitation_names import find_names

    spans = find_names("Please call M. Tremblay at reception")
    assert [(span.honorific, "M. Tremblay") for span in spans] == [(None, "M. Tremblay")]


def test_the_senders_own_schedule_line_says_me() -> None:
    text = (
        "Hi Sam,\n\nSee you on Thursday 11 March 2027.\n\n"
        "10:00  Dr Anika Roy, Lab Manager - bench skills\n"
        "11:00  me - your questions (30 min)\n\nBest,\nLouise Martin\nRecruitment Partner"
    )
    rows = roster_as_json(parse_invitation(text, today=date(2027, 3, 1)))
    assert [(row["name"], row["start"][11:16]) for row in rows] == [
        ("Anika Roy", "10:00"),
        ("Louise Martin", "11:00"),
    ]


@pytest.mark.parametrize(
    ("sentence", "end"),
    [
        ("We'll need about 40 minutes.", "09:40"),
        ("We will only need 25 minutes of your time.", "09:25"),
        ("We need to check your licence first.", None),
    ],
)
def test_the_time_the_sender_says_they_need(sentence: str, end: str | None) -> None:
    text = (
        "Hi Dana,\n\nThis confirms your video interview for the Veterinary Nurse position on"
        f" Tuesday, March 16, 2027 at 9:00 AM. {sentence}\n\nYou'll be talking with our Head"
        " Vet, Dr Iris Kahn.\n\nBest,\nLeo"
    )
    rows = roster_as_json(parse_invitation(text, today=date(2027, 3, 1)))
    assert [(row["end"] or "")[11:16] or None for row in rows] == [end]


@pytest.mark.parametrize(
    ("wrapped", "day"),
    [
        ("which we are holding on 18\nMarch, 2027. It will begin at 10 am with", "2027-03-18"),
        ("which we are holding on March\n18, 2027. It will begin at 10 am with", "2027-03-18"),
    ],
)
def test_a_date_wrapped_between_day_and_month(wrapped: str, day: str) -> None:
    text = (
        "Dear Amir:\n\nYou would be glad to know that you have been shortlisted for the"
        f" interview\n{wrapped}\nMr. Felix Novak, Chief Surveyor.\n\nYours sincerely,\nJune"
    )
    rows = roster_as_json(parse_invitation(text, today=date(2027, 3, 1)))
    assert [row["start"][:10] for row in rows] == [day]


@pytest.mark.parametrize("dateline", ["01 March, 2027", "Date: 01/03/2027", "March 1, 2027"])
def test_the_letters_own_date_is_not_the_interview_day(dateline: str) -> None:
    text = (
        f"{dateline}\n\nDear Ms. Osei,\n\nYou are invited to an interview for the post of"
        " Librarian on 9 March 2027.\n\nThe interview will begin at 11:00 am with Mrs. Ama"
        " Boateng, Chief Librarian."
        "\n\nYours faithfully,\nKofi Mensah"
    )
    rows = roster_as_json(parse_invitation(text, today=date(2027, 3, 1)))
    assert [row["start"][:10] for row in rows] == ["2027-03-09"]


@pytest.mark.parametrize(
    ("line", "interviewers"),
    [
        (
            "- 9:00am  Welcome and a short presentation about the scheme from Kim Lee (Talent"
            " Lead)\n- 10:30am  Interview with Raj Patel, Site Manager",
            ["Raj Patel"],
        ),
        (
            "Your interview at 10:30am is with Raj Patel, Site Manager. To reschedule, please"
            " get in touch with Ms. Kim Lee, HR Officer, who will be your contact person.",
            ["Raj Patel"],
        ),
    ],
)
def test_a_presenter_or_contact_person_is_no_interviewer(
    line: str, interviewers: list[str]
) -> None:
    text = f"Hi Zoe,\n\nSee you on Tuesday 16 March 2027.\n\n{line}\n\nThanks,\nKim Lee"
    assert [name for name, _ in _rows(text, "Europe/London")] == interviewers


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        (
            "The day opens with a short talk from our Head of Kitchens, Ines Duarte.",
            "Head of Kitchens",
        ),
        (
            "You will hear a welcome from the Operations Director, Ines Duarte.",
            "Operations Director",
        ),
    ],
)
def test_a_title_after_from_leaves_the_words_before_it(sentence: str, title: str) -> None:
    text = (
        f"Hi Owen,\n\nWelcome to the assessment day on Tuesday 16 March 2027. {sentence}"
        " Your interview will be at 2pm and will last around 45 minutes. The panel will be Ines"
        " and Carl Ross, Sous Chef.\n\nThanks,\nAmy"
    )
    rows = roster_as_json(parse_invitation(text, today=date(2027, 3, 1)))
    assert [row["title"] for row in rows if row["name"] == "Ines Duarte"] == [title]


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        (
            "Your interview is at 1.15pm with Area Manager Tom Reid and Branch Manager Ana Silva"
            " (Glen Eden).",
            ["Tom Reid", "Ana Silva"],
        ),
        (
            "Your interview is at 1.15pm with Tom Reid (Area Manager) and Dr Ana Silva.",
            ["Tom Reid", "Ana Silva"],
        ),
    ],
)
def test_a_bracketed_place_after_a_person_is_nobody(sentence: str, names: list[str]) -> None:
    text = f"Kia ora Mere,\n\nSee you on Tuesday 16 March 2027. {sentence}\n\nNgā mihi,\nBex"
    assert [name for name, _ in _rows(text, "Pacific/Auckland")] == names
