"""The stages of the invitation reader, each on small tables: names, messages, who
interviews, slots, titles and relations."""

from __future__ import annotations

from datetime import date

import pytest

from secondround.engine.reading.invitation import parse_invitation
from secondround.engine.reading.invitation_names import find_names, split_honorific
from secondround.engine.reading.invitation_relations import infer_relation, same_job
from secondround.engine.reading.invitation_text import split_messages

TODAY = date(2026, 3, 1)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Prof. Henrik van der Berg, Chair", [("Henrik van der Berg", "Prof")]),
        ("Nur Aisyah binti Kamal from HR", [("Nur Aisyah binti Kamal", None)]),
        ("Revd Canon Adaeze Nwosu-Clarke", [("Adaeze Nwosu-Clarke", "Revd Canon")]),
        ("Dr.-Ing. Katharina Müller-Lüdenscheidt", [("Katharina Müller-Lüdenscheidt", "Dr.-Ing")]),
        ("Shri Arindam Bhattacharjee, WBCS", [("Arindam Bhattacharjee", "Shri")]),
        ("Chef Rémy Dufresne and the Chef de Partie", [("Rémy Dufresne", "Chef")]),
        ("Ms T. Mokoena, Deputy Director", [("T. Mokoena", "Ms")]),
        ("Jordi Puig i Serra, Hotel Manager", [("Jordi Puig i Serra", None)]),
        ("Dr Mei-Ling Tsai PhD, Principal Scientist", [("Mei-Ling Tsai", "Dr")]),
        ("Associate Professor Samir Haddad", [("Samir Haddad", "Associate Professor")]),
        # Organisations, places and common words are not people.
        ("role with Te Whare Manaaki Trust", []),
        ("our Nurse Manager for the Cardiac Step-Down Unit", []),
        ("Mrs Rui Conceição, Parent Governor", [("Rui Conceição", "Mrs")]),
        ("bring your Teacher Reference Number", []),
        ("Consolidated Mark Sheet", []),
        ("Mark Bell, Senior Engineer", [("Mark Bell", None)]),
        # Burmese, Thai and religious honorifics; "Mar" inside a Burmese name; a lab.
        ("Daw Khin Mar Cho (Senior Accountant)", [("Khin Mar Cho", "Daw")]),
        ("Khun Anong Srisuk, HR Manager", [("Anong Srisuk", "Khun")]),
        ("Brother Kevin Mulcahy, Vice President", [("Kevin Mulcahy", "Brother")]),
        ("Research Scientist, Whitcombe Lab", []),
    ],
)
def test_names_by_their_shape(text: str, names: list[tuple[str, str | None]]) -> None:
    assert [(span.name, span.honorific) for span in find_names(text)] == names


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Dr. Amara Okafor", ("Dr", "Amara Okafor")),
        ("Shri Arindam Bhattacharjee", ("Shri", "Arindam Bhattacharjee")),
        ("Amara Okafor", (None, "Amara Okafor")),
    ],
)
def test_split_honorific(name: str, expected: tuple[str | None, str]) -> None:
    assert split_honorific(name) == expected


@pytest.mark.parametrize(
    ("text", "messages", "signature", "body_ends"),
    [
        ("Hi Sam,\nSee you Tuesday.\n\nBest regards,\nAna Ruiz\nRecruiter", 1, "Ana Ruiz", None),
        ("Thanks!\n\nEllie\n\nOn Mon, 4 May 2026, Sam wrote:\n> Hello\n> Sam", 2, "Ellie", None),
        ("Reply.\n\n-----Original Message-----\nFrom: A\nSent: Monday\n\nOld text", 2, None, None),
        # A schedule enclosed after the signature is body again.
        (
            "Dear X,\nSee below.\n\nSincerely,\nDr Y\n\nSCHEDULE\n9:00 Meet A\n10:00 Meet B",
            1,
            "Dr Y",
            "10:00 Meet B",
        ),
    ],
)
def test_messages_of_a_thread(
    text: str, messages: int, signature: str | None, body_ends: str | None
) -> None:
    found = split_messages(text)
    assert len(found) == messages
    if signature is not None:
        assert signature in found[0].signature
    if body_ends is not None:
        assert body_ends in found[0].body


INTERVIEWERS = [
    # Panel lists under a heading, one slot for the whole panel.
    (
        "Tuesday 10 March 2026.\nFormal interview: 2.00pm. Your interview panel will be:\n"
        "- Mr Aled ap Rhys - "
        "Headteacher\n- Ms Gráinne Walsh - SENCo (this post reports to her)",
        [("Aled ap Rhys", "Headteacher", "14:00"), ("Gráinne Walsh", "SENCo", "14:00")],
    ),
    # A guide, a lunch host and someone asked for at reception are not interviewers.
    (
        "Tuesday 10 March 2026\n9:00 Meet your guide, Mr. Jamal Haddad\n"
        "10:00 Interview with Dr. Ana Lima, Dean\n"
        "12:00 Lunch with Bao Tran and Ayesha Siddiqui",
        [("Ana Lima", "Dean", "10:00")],
    ),
    # The replaced interviewer is left out; the one taking the place is in.
    (
        "On 10 March 2026 at 14:00, Mr Etxeberria is no longer able to attend, and Mrs Ngozi"
        " Eze, HR Manager, will take his place. Mr Callum Ross remains on the panel.",
        [("Ngozi Eze", "HR Manager", "14:00"), ("Callum Ross", None, "14:00")],
    ),
    # Times per clause in prose, and lengths chained after a clock time.
    (
        "On 10 March 2026: 2:30–3:15 with me, then 3:15–4:00 with Ingrid Halvorsen, our Head "
        "of Credit Risk, and to finish, 15 minutes with Nur Aisyah binti Kamal from HR.\n\n"
        "Wei Jie\n--\nTan Wei Jie | Credit Risk Manager",
        [
            ("Tan Wei Jie", "Credit Risk Manager", "14:30"),
            ("Ingrid Halvorsen", "Head of Credit Risk", "15:15"),
            ("Nur Aisyah binti Kamal", None, "16:00"),
        ],
    ),
    # A first name with its title, after a word of meeting; "X is our Title".
    (
        "On 10 March 2026: Interview with Siobhán (Head Chef) at 3pm.",
        [("Siobhán", "Head Chef", "15:00")],
    ),
    # Options offered give no slot; a cancelled time is not the interview.
    (
        "We cancelled the interview of 9/10/2026 at 10:00 AM. Please choose one of the "
        "following slots:\n\n9/14/2026 – 9:00 AM\n9/15/2026 – 1:30 PM\n\nYou'll meet with "
        "LaToya Simmons-Okeke, Dispatch Supervisor.",
        [("LaToya Simmons-Okeke", "Dispatch Supervisor", None)],
    ),
    # Dotted clocks in ranges and a table without a header.
    (
        "Tuesday 10 March 2026\n11.00 - 11.45  Interview with Fiona MacRae, General Manager",
        [("Fiona MacRae", "General Manager", "11:00")],
    ),
]


INTERVIEWERS += [
    # Ways of saying who interviews, before or after the names.
    (
        "On 10 March 2026 at 2pm. Jane Smith, our HR Manager, and John Doe, Head of Sales,"
        " will be conducting the interview.",
        [("Jane Smith", "HR Manager", "14:00"), ("John Doe", "Head of Sales", "14:00")],
    ),
    (
        "Interviewing you will be Dr. Ana Lima and Mr. Bo Chen, on 10 March 2026 at 11:00.",
        [("Ana Lima", None, "11:00"), ("Bo Chen", None, "11:00")],
    ),
    # A reply that moves the time and keeps the panel of the original below it.
    (
        "We've moved your interview to Thursday 12 March 2026 at 15:30; everything else"
        " stays the same.\n\n-----Original Message-----\nFrom: HR\nSent: Monday\n\n"
        "Your interview is on 10 March 2026 at 10:00.\nYour panel will be:\n"
        "- Ms Ana Lima - Ward Manager\n- Mr Bo Chen - Charge Nurse",
        [("Ana Lima", "Ward Manager", "15:30"), ("Bo Chen", "Charge Nurse", "15:30")],
    ),
    # A recruiter who only looks forward to meeting you is not on the roster.
    ("I look forward to meeting you.\n\nBest regards,\nJane Smith\nRecruiter", []),
    # The hiring manager who writes in the first person interviews.
    (
        "Could you come in on 18 March 2026 between 10am and 11:30am? I'll be joined by our"
        " Lead UX Researcher, Tomás Vidal.\n\nBest,\nNadia Farouk\nDesign Director",
        [
            ("Nadia Farouk", "Design Director", "10:00"),
            ("Tomás Vidal", "Lead UX Researcher", "10:00"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "rows"), INTERVIEWERS)
def test_who_interviews_and_when(text: str, rows: list[tuple[str, str | None, str | None]]) -> None:
    parsed = parse_invitation(text, today=TODAY)
    found = [
        (entry.name, entry.title, entry.start.strftime("%H:%M") if entry.start else None)
        for entry in parsed.entries
    ]
    assert found == rows


@pytest.mark.parametrize(
    ("title", "context", "relation"),
    [
        (None, "this post reports to her", "hiring_manager"),
        (None, "supervisor of the position", "hiring_manager"),
        (None, "you'd be working under Rémy", "hiring_manager"),
        (None, "the line manager for this post", "hiring_manager"),
        (None, "my boss", "managers_manager"),
        ("Chair of Governors", "", "other"),
        ("Parent Governor", "", "other"),
        ("Head of People", "", "hr"),
        ("Partner, Litigation", "", "senior_leader"),
        ("Product Manager", "from our partner team, Checkout", "cross_department"),
        (None, "who would be your direct superior", "hiring_manager"),
        ("Works Council", "", "other"),
        ("Associate Provost for Faculty Affairs", "", "senior_leader"),
    ],
)
def test_relation_cues(title: str | None, context: str, relation: str) -> None:
    assert infer_relation(title, context) == relation


@pytest.mark.parametrize(
    ("title", "role", "same"),
    [
        ("Senior Data Analyst", "Data Analyst", True),
        ("Customer Success Managers", "Customer Success Manager", True),
        ("Assistant Store Manager", "Store Manager", False),
        ("Store Manager", "Assistant Store Manager", False),
        ("Staff Engineer", "Senior Backend Engineer", False),
        ("Head of Finance", "Accountant", False),
    ],
)
def test_same_job_as_the_role(title: str, role: str, same: bool) -> None:
    assert same_job(title, role) is same


def test_a_name_in_the_greeting_is_the_candidate() -> None:
    parsed = parse_invitation(
        "Dear Ms Adeyemi,\n\nOn 10 March 2026 at 10:00 you will meet with Siobhán O'Neill, "
        "Nurse Manager.\n\nMs Adeyemi, please bring your PIN.",
        today=TODAY,
    )
    assert [entry.name for entry in parsed.entries] == ["Siobhán O'Neill"]


def test_each_field_keeps_the_line_it_came_from() -> None:
    parsed = parse_invitation(
        "Your interview is on 10 March 2026, 14:00-15:00.\n\nYour panel will be:\n"
        "- Ms Grainne Walsh - Ward Manager",
        today=TODAY,
    )
    sources = dict(parsed.entries[0].sources)
    assert sources["name"] == "- Ms Grainne Walsh - Ward Manager"
    assert sources["time"] == "Your interview is on 10 March 2026, 14:00-15:00."
    assert parsed.sources["day"] == "Your interview is on 10 March 2026, 14:00-15:00."


SLOTS_AND_TITLES = [
    # "X and Y will sit down with you": both interview, the first-name one resolved.
    (
        "Your trial is on Thursday 12 March 2026, 11am to 4pm. Ask for the Head Chef, Ellie"
        " Marchetti, at the kitchen door.\n\nAt 3:30pm Ellie and the General Manager, Robert"
        " Nwosu, will sit down with you for a 20-minute interview.",
        [
            ("Ellie Marchetti", "Head Chef", "15:30", "15:50"),
            ("Robert Nwosu", "General Manager", "15:30", "15:50"),
        ],
    ),
    # Start and end columns; a range whose parts carry "hrs"; a Czech date with spaces.
    (
        "Date: 01/21/2026\n\nStart Time      End Time       Interviewer\n"
        "10:00 AM PST    10:30 AM PST   Gabriela Ruiz (Research Program Manager)\n"
        "10:30 AM PST    11:00 AM PST   Ethan Berg (Clinical Research Coordinator)",
        [
            ("Gabriela Ruiz", "Research Program Manager", "10:00", "10:30"),
            ("Ethan Berg", "Clinical Research Coordinator", "10:30", "11:00"),
        ],
    ),
    (
        "Date of interview : 18.03.2026\nInterview time : 10:30 hrs to 11:15 hrs\n\n"
        "The panel will be Shri Prakash Nair, Senior Manager (Quality Assurance).",
        [("Prakash Nair", "Senior Manager (Quality Assurance)", "10:30", "11:15")],
    ),
    (
        "When: Thursday 19. 3. 2026, 9:00 – approx. 10:30\n\nYou will meet Karel Svoboda,"
        " Head of Quality, who would be your direct superior.",
        [("Karel Svoboda", "Head of Quality", "09:00", "10:30")],
    ),
    # A length in words; a relation said after the title is a note, not part of it; a
    # lower-case title in brackets.
    (
        "On 10 March 2026 at 2:00 p.m. you will meet Dr. Rachel Ortiz, Dean of the College"
        " of Science, for thirty minutes.",
        [("Rachel Ortiz", "Dean of the College of Science", "14:00", "14:30")],
    ),
    (
        "We invite you on 10 March 2026 from 14:00 to 15:30. You will meet Joost van der"
        " Berg, Maintenance Manager and your future manager, and Pieter-Jan de Groot"
        " (co-founder & CEO).",
        [
            ("Joost van der Berg", "Maintenance Manager", "14:00", "15:30"),
            ("Pieter-Jan de Groot", "co-founder & CEO", "14:00", "15:30"),
        ],
    ),
    # A length said for the last of several prose times is that person's alone.
    (
        "On Tuesday 10 March 2026 you will first meet our Site Manager, Mehmet Öztürk, at"
        " 09:00, then at 10:00 our Project Director, Ayşe Kılıç, and finally our HSE"
        " Specialist, Emre Çelik, at 10:45 for about half an hour.",
        [
            ("Mehmet Öztürk", "Site Manager", "09:00", None),
            ("Ayşe Kılıç", "Project Director", "10:00", None),
            ("Emre Çelik", "HSE Specialist", "10:45", "11:15"),
        ],
    ),
    # Someone who observes a lesson and sits on the panel is interviewed in the panel's slot.
    (
        "Interview on Thursday 14 May 2026\n"
        "  9.30am - 10.00am    Observed lesson with Year 3. Mr Wiśniewski will observe.\n"
        "  11.45am - 12.45pm   Formal interview\n\n"
        "Your interview panel will be:\n"
        "  Mrs Siobhán O'Neill, Headteacher\n"
        "  Mr Tomasz Wiśniewski, Deputy Headteacher (the line manager for this post)",
        [
            ("Siobhán O'Neill", "Headteacher", "11:45", "12:45"),
            ("Tomasz Wiśniewski", "Deputy Headteacher", "11:45", "12:45"),
        ],
    ),
    # Labelled rounds with their times, each interviewer on the line under it; a
    # "14-Aug-2026" date.
    (
        "Date: 14-Aug-2026 (Friday)\n\nRound 1 - Technical Interview: 10:30 AM to 11:30 AM\n"
        "Interviewer: Mr. Rakesh Nair, Test Manager\n\n"
        "Round 2 - Managerial Interview: 12:00 PM to 12:30 PM\n"
        "Interviewer: Ms. Shalini Venkat, Delivery Head",
        [
            ("Rakesh Nair", "Test Manager", "10:30", "11:30"),
            ("Shalini Venkat", "Delivery Head", "12:00", "12:30"),
        ],
    ),
    # The sender who also interviews takes the title under her signature.
    (
        "Your interview is on 10 March 2026 at 10:00; you will meet Tom Fielding, our"
        " Warehouse Manager, and Asha Patel from our HR team.\n\nKind regards\n\n"
        "Asha Patel\nHR Advisor",
        [
            ("Tom Fielding", "Warehouse Manager", "10:00", None),
            ("Asha Patel", "HR Advisor", "10:00", None),
        ],
    ),
    # The writer who chairs ("Joining me on the committee"), her title under her name with
    # its field, and a length from "please allow about an hour".
    (
        "We'd like to meet you on Tuesday 17 March 2026 at 11am. Joining me on the committee"
        " will be Grace Liu, Senior Research Grants Officer. Please allow about an hour.\n\n"
        "Looking forward to it,\n\nRebecca Adeyemi\nManager, Research Grants",
        [
            ("Rebecca Adeyemi", "Manager, Research Grants", "11:00", "12:00"),
            ("Grace Liu", "Senior Research Grants Officer", "11:00", "12:00"),
        ],
    ),
    # An institution after the title is where, not part of it.
    (
        "You are invited to interview on Wednesday 6th May 2026 at 11:20 am.\n\n"
        "The interview board will consist of:\n"
        "Ms Bernadette Quinlan, Director of Midwifery, Midland Regional Hospital Portlaoise\n"
        "Mr Declan Ruane, HR Manager, HSE Dublin Midlands",
        [
            ("Bernadette Quinlan", "Director of Midwifery", "11:20", None),
            ("Declan Ruane", "HR Manager", "11:20", None),
        ],
    ),
    # A department after the name says where; the bracket gives the title.
    (
        "Your interview is on Wednesday 1 July 2026 at 11:15 (UK time). The panel:\n"
        "- Professor Eleanor Whitfield, Department of Biology (Principal Investigator and"
        " line manager for the post)",
        [("Eleanor Whitfield", "Principal Investigator", "11:15", None)],
    ),
]


@pytest.mark.parametrize(("text", "rows"), SLOTS_AND_TITLES)
def test_slots_and_titles(
    text: str, rows: list[tuple[str, str | None, str | None, str | None]]
) -> None:
    parsed = parse_invitation(text, today=TODAY)
    found = [
        (
            entry.name,
            entry.title,
            entry.start.strftime("%H:%M") if entry.start else None,
            entry.end.strftime("%H:%M") if entry.end else None,
        )
        for entry in parsed.entries
    ]
    assert found == rows


ROSTER_RELATIONS: list[tuple[str, dict[str, str | None]]] = [
    # A "Search Committee" line under a time, the members in brackets below it: peers.
    (
        "Date: Thursday, March 12, 2026\n\n9:30-10:15\nSearch Committee\n"
        "(Dr. Janet Rao, chair; Dr. Luke Fernandez; Prof. Amy Cho)",
        {"Janet Rao": "peer", "Luke Fernandez": "peer", "Amy Cho": "peer"},
    ),
    # With no reporting line stated, the one first-line manager is the hiring manager.
    (
        "Your interview is on 10 March 2026 at 10:00 with Carlos Mendez, FP&A Manager, and"
        " Aisha Khan, Senior Financial Analyst.",
        {"Carlos Mendez": "hiring_manager", "Aisha Khan": "technical_expert"},
    ),
    (
        "Your interview is on 10 March 2026 at 10:00 with Craig Whitely, Sales Manager, and"
        " Sandra Okoye, Dealer Principal.",
        {"Craig Whitely": "hiring_manager", "Sandra Okoye": "senior_leader"},
    ),
    # A school's principal is a senior leader, not the first-line manager.
    (
        "Your interview is on 10 March 2026 at 10:00 with Hannah Whitcomb, Principal, and"
        " Alicia Gómez, Literacy Specialist.",
        {"Hannah Whitcomb": "senior_leader", "Alicia Gómez": "technical_expert"},
    ),
    # The role from a heading line with a post reference: the manager in its field.
    (
        "Waste and Recycling Officer (post ref. DD0417)\n\nYour interview is on 10 March"
        " 2026 at 10:00. The panel: Karen Wild, Head of Community Services; Paul Bradbury,"
        " Waste and Recycling Manager.",
        {"Karen Wild": "senior_leader", "Paul Bradbury": "hiring_manager"},
    ),
    # Members of a search committee, or of a peer interview, are peers.
    (
        "On 10 March 2026: 8:30 - 9:30 Search committee interview (Prof. Hollis Abernathy,"
        " chair; Dr. Keanu Akana; Dr. Beatriz Ocampo)",
        {"Hollis Abernathy": "peer", "Keanu Akana": "peer", "Beatriz Ocampo": "peer"},
    ),
    # The head the hiring manager deputises for is the manager's manager.
    (
        "Your interview is on 10 March 2026 at 14:00. Your interview panel will be:\n"
        "- Mrs Siobhán O'Neill, Headteacher\n- Mr Tomasz Wiśniewski, Deputy Headteacher"
        " (the line manager for this post)",
        {"Siobhán O'Neill": "managers_manager", "Tomasz Wiśniewski": "hiring_manager"},
    ),
    # An "Assistant Director" in the role's field is its first-line manager; someone "from
    # the Faculty of" another field is another department.
    (
        "Subject: Claims Officer APS 5\n\nYour interview is on 2 September 2026 at 10:00 with"
        " Mark Tanaka, Assistant Director, Claims Management, and Patrick Lee from the Faculty"
        " of Medicine.",
        {"Mark Tanaka": "hiring_manager", "Patrick Lee": "cross_department"},
    ),
    # An aside in brackets does not end a list of names.
    (
        "Subject: Interview - Sous Chef\n\nYour interview is on 10 March 2026 at 14:00 with"
        " Hannah Cole, Head Chef (you would report to her), and Graham Ross, Food & Beverage"
        " Manager.",
        {"Hannah Cole": "hiring_manager", "Graham Ross": None},
    ),
]


@pytest.mark.parametrize(("text", "relations"), ROSTER_RELATIONS)
def test_relations_read_from_the_roster(text: str, relations: dict[str, str | None]) -> None:
    parsed = parse_invitation(text, today=TODAY)
    assert {entry.name: entry.relation for entry in parsed.entries} == relations


@pytest.mark.parametrize(
    ("text", "zone", "day"),
    [
        # "Siam" ends in "am" but is no time: the zone is the one the mail says later.
        (
            "Hello, I am Warunee at Siam Pacific Foods. You had an interview with us scheduled"
            " for Thursday 12 March at 2:00 PM. The new date is Monday 16 March 2026,"
            " 10:00-11:00 AM (Bangkok time). You will meet Mei Ling Tan, Finance Controller.",
            "Asia/Bangkok",
            date(2026, 3, 16),
        ),
        ("Interview on 16-03-2026 at 10:00 with Tom Hardy, Site Manager.", None, date(2026, 3, 16)),
    ],
)
def test_a_rescheduled_day_and_its_zone(text: str, zone: str | None, day: date) -> None:
    parsed = parse_invitation(text, today=TODAY, default_time_zone="Europe/London")
    assert parsed.interview_date == day
    if zone is not None:
        assert parsed.time_zone == zone


def test_the_shipped_relation_model_loads_only_with_its_pinned_hash() -> None:
    from secondround.engine.reading import invitation_relation_model as relation_model

    assert relation_model.load_model() is not None
    assert relation_model.load_model(pinned="0" * 64) is None


@pytest.mark.parametrize(
    ("text", "name", "relation"),
    [
        # Rules give no relation to a "Professor" on a faculty panel; the model fills one,
        # marked unsure. A relation the mail states is left as the rules read it.
        (
            "Interview for the position of Assistant Professor of Geology on 10 March 2026:\n"
            "10:00-10:30 Dr. Kevin Marsh, Chair, Department of Geology\n"
            "10:30-11:00 Dr. Paul Hsu, Professor",
            "Paul Hsu",
            "peer",
        ),
        (
            "Your interview is on 10 March 2026 at 10:00 with Tom Fielding, who would be your"
            " line manager.",
            "Tom Fielding",
            "hiring_manager",
        ),
    ],
)
def test_the_relation_model_fills_what_the_rules_leave(text: str, name: str, relation: str) -> None:
    entry = next(e for e in parse_invitation(text, today=TODAY).entries if e.name == name)
    assert entry.relation == relation
