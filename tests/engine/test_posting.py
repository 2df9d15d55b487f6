"""Job postings cut into title, responsibilities, requirements, nice-to-have and the rest."""

from __future__ import annotations

import pytest

from secondround.engine.reading import posting
from secondround.engine.reading.posting import (
    PostingSections,
    classify_sentence,
    is_conditions_sentence,
    posting_sections,
    split_sentences,
)

NURSE_MARKDOWN = """\
# Nurse Manager, Medical-Surgical

Mercy Valley Health is a nonprofit regional hospital system.

## Key Responsibilities
- Lead a team of 45 RNs and CNAs on a 32-bed unit.
- Manage staffing, budget and scheduling.
- Drive HCAHPS and quality improvement.

## Qualifications
- BSN required; MSN preferred.
- 3+ years of nursing leadership experience.
- Current RN license in Ohio.

## Nice to have
- Magnet experience
- Epic super-user

## Benefits
- Tuition reimbursement
"""

TEACHER_CAPS = """\
Grade 5 Teacher
ABOUT OUR SCHOOL
We are a public charter school in Denver serving 600 students.
DUTIES
* Plan and deliver lessons aligned to state standards
* Assess student progress and communicate with families
REQUIREMENTS
* Bachelor's degree in education
* Valid Colorado teaching license
DESIRABLE
* Bilingual in Spanish and English
"""

SALES_COLONS = """\
Account Executive - Mid-Market
Responsibilities: Own a book of 60 mid-market accounts.
• Prospect new logos and run discovery calls.
• Negotiate and close annual contracts.
What you bring:
• 2+ years of B2B SaaS sales experience.
• Proficiency with Salesforce.
Bonus points:
• Experience selling to logistics companies.
"""

ENGINEER_WHAT_YOULL_DO = """\
**Senior Backend Engineer**

**What you'll do**
1. Design and build resilient APIs in Kotlin.
2. Mentor other engineers through code reviews.

**What we're looking for**
1. 5 years of experience with the JVM.
2. Strong SQL.

**Nice-to-haves**
1. GraphQL in production.

**Perks**
1. Remote-first, with a yearly team offsite.
"""

WAREHOUSE_NO_HEADINGS = """\
Warehouse Supervisor
We are hiring a warehouse supervisor for our Joliet cold-chain hub. You will lead a crew \
of 20 associates on second shift. Manage inbound and outbound dock schedules. Ensure OSHA \
safety standards are met. At least 3 years of warehouse experience is required. A forklift \
certification is a must. Experience with Blue Yonder WMS is preferred. We offer weekly pay.
"""

NURSE_NO_HEADINGS = """\
Our clinic serves 2,000 patients a month.
Administer medications and monitor patient vital signs.
Coordinates care with physicians and pharmacists.
Requires an active RN license and 2 years of acute care experience.
Bilingual candidates are a plus.
"""

WITH_HEADINGS = [
    (
        "nurse, markdown",
        NURSE_MARKDOWN,
        "Nurse Manager, Medical-Surgical",
        "Lead a team of 45 RNs and CNAs on a 32-bed unit.",
        "3+ years of nursing leadership experience.",
        "Epic super-user",
    ),
    (
        "teacher, caps",
        TEACHER_CAPS,
        "Grade 5 Teacher",
        "Plan and deliver lessons aligned to state standards",
        "Valid Colorado teaching license",
        "Bilingual in Spanish and English",
    ),
    (
        "sales, colons",
        SALES_COLONS,
        "Account Executive - Mid-Market",
        "Own a book of 60 mid-market accounts.",
        "Proficiency with Salesforce.",
        "Experience selling to logistics companies.",
    ),
    (
        "engineer, bold what you'll do",
        ENGINEER_WHAT_YOULL_DO,
        "Senior Backend Engineer",
        "Design and build resilient APIs in Kotlin.",
        "5 years of experience with the JVM.",
        "GraphQL in production.",
    ),
]


@pytest.mark.parametrize(
    ("text", "title", "duty", "requirement", "bonus"),
    [case[1:] for case in WITH_HEADINGS],
    ids=[case[0] for case in WITH_HEADINGS],
)
def test_headed_postings_split_by_their_headings(
    text: str, title: str, duty: str, requirement: str, bonus: str
) -> None:
    sections = posting_sections(text)
    assert sections.title == title
    assert duty in sections.responsibilities
    assert requirement in sections.requirements
    assert bonus in sections.nice_to_have
    assert duty not in sections.requirements and requirement not in sections.responsibilities
    assert len(sections.responsibilities) == len(set(sections.responsibilities))


def test_heading_words_never_become_items() -> None:
    sections = posting_sections(NURSE_MARKDOWN)
    everything = [
        *sections.responsibilities,
        *sections.requirements,
        *sections.nice_to_have,
        *sections.other,
    ]
    assert not any(
        item in {"Key Responsibilities", "Qualifications", "Benefits"} for item in everything
    )
    assert "Tuition reimbursement" in sections.other
    assert "Mercy Valley Health is a nonprofit regional hospital system." in sections.other


def test_a_heading_with_its_first_item_on_the_same_line() -> None:
    sections = posting_sections(SALES_COLONS)
    assert sections.responsibilities == [
        "Own a book of 60 mid-market accounts.",
        "Prospect new logos and run discovery calls.",
        "Negotiate and close annual contracts.",
    ]


def test_benefit_sections_stay_other() -> None:
    sections = posting_sections(ENGINEER_WHAT_YOULL_DO)
    assert sections.other == ["Remote-first, with a yearly team offsite."]


@pytest.mark.parametrize(
    ("text", "duties", "requirements", "nice", "other"),
    [
        (
            WAREHOUSE_NO_HEADINGS,
            [
                "You will lead a crew of 20 associates on second shift.",
                "Manage inbound and outbound dock schedules.",
                "Ensure OSHA safety standards are met.",
            ],
            [
                "At least 3 years of warehouse experience is required.",
                "A forklift certification is a must.",
            ],
            ["Experience with Blue Yonder WMS is preferred."],
            [
                "We are hiring a warehouse supervisor for our Joliet cold-chain hub.",
                "We offer weekly pay.",
            ],
        ),
        (
            NURSE_NO_HEADINGS,
            [
                "Administer medications and monitor patient vital signs.",
                "Coordinates care with physicians and pharmacists.",
            ],
            ["Requires an active RN license and 2 years of acute care experience."],
            ["Bilingual candidates are a plus."],
            ["Our clinic serves 2,000 patients a month."],
        ),
    ],
    ids=["warehouse prose", "nurse lines"],
)
def test_postings_without_headings_are_sorted_by_cues(
    text: str, duties: list[str], requirements: list[str], nice: list[str], other: list[str]
) -> None:
    sections = posting_sections(text)
    assert sections.responsibilities == duties
    assert sections.requirements == requirements
    assert sections.nice_to_have == nice
    assert sections.other == other


def test_hard_wrapped_bullets_are_joined() -> None:
    text = (
        "Responsibilities\n"
        "- Reconcile carrier invoices against rated shipments and\n"
        "  flag variances over 2%\n"
        "- Maintain lane data"
    )
    sections = posting_sections(text)
    assert sections.responsibilities == [
        "Reconcile carrier invoices against rated shipments and flag variances over 2%",
        "Maintain lane data",
    ]
    assert sections.title is None


def test_explicit_headings_win_over_cues() -> None:
    text = "About the job\nYou will manage a team.\nRequirements\n- Manage budgets of $2M"
    sections = posting_sections(text)
    assert sections.requirements == ["Manage budgets of $2M"]
    assert sections.responsibilities == ["You will manage a team."]


def test_empty_text_gives_empty_sections() -> None:
    assert posting_sections("  \n\n") == PostingSections(None, [], [], [], [])


@pytest.mark.parametrize(
    ("sentence", "section"),
    [
        ("Lead the night shift", "responsibilities"),
        ("Manages vendor contracts", "responsibilities"),
        ("You will own the quarterly forecast", "responsibilities"),
        ("Bachelor's degree in finance", "requirements"),
        ("Proficiency in Excel", "requirements"),
        ("You will have 3 years in retail", "requirements"),
        ("CPA preferred", "nice_to_have"),
        ("We are a family-owned business", "other"),
    ],
)
def test_classify_sentence(sentence: str, section: str) -> None:
    assert classify_sentence(sentence) == section


def test_split_sentences_respects_abbreviations_and_numbered_runs() -> None:
    text = "Use tools, e.g. Excel. Report to Dr. Lee. 1. Performs audits. 2. Writes reports."
    assert split_sentences(text) == [
        "Use tools, e.g. Excel.",
        "Report to Dr. Lee.",
        "Performs audits.",
        "Writes reports.",
    ]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # An abbreviation inside brackets does not end the sentence either.
        (
            "Paid further training (e.g. NEBOSH General).",
            ["Paid further training (e.g. NEBOSH General)."],
        ),
        (
            "Weekend cover (i.e. Saturdays). Then rest.",
            ["Weekend cover (i.e. Saturdays).", "Then rest."],
        ),
    ],
)
def test_an_abbreviation_after_a_bracket_ends_no_sentence(text: str, sentences: list[str]) -> None:
    assert split_sentences(text) == sentences


CONDITIONS_POSTING = """\
Registered Nurse - Cardiac Step-Down

Responsibilities
- Monitor telemetry and titrate cardiac drips.
- Must be able to work every third weekend and rotating holidays.

Requirements
- Active RN license and BLS.

Schedule
- Three 12-hour night shifts per week.

Pay and benefits
- $38.50 - $52.00 per hour plus night differential.
- Medical, dental and vision insurance.

Work Location: Dayton, Ohio
Job Type: Full-time
"""


def test_pay_benefit_schedule_and_location_items_are_conditions_and_other() -> None:
    sections = posting_sections(CONDITIONS_POSTING)
    expected = [
        "Three 12-hour night shifts per week.",
        "$38.50 - $52.00 per hour plus night differential.",
        "Medical, dental and vision insurance.",
        "Dayton, Ohio",
        "Full-time",
    ]
    assert sections.conditions == expected
    assert all(item in sections.other for item in expected)
    assert sections.requirements == ["Active RN license and BLS."]


@pytest.mark.parametrize(
    ("text", "section"),
    [
        ("2. Skills & Abilities\n- Good knife skills", "requirements"),
        ("4. Certifications (often preferred)\n- ServSafe", "requirements"),
        ("6. Typical Responsibilities\n- Stock the station", "responsibilities"),
        ("3. Physical Requirements\n- Lift 50 lbs", "conditions"),
    ],
)
def test_numbered_headings(text: str, section: str) -> None:
    sections = posting_sections(text)
    item = text.splitlines()[1].lstrip("- ")
    assert item in getattr(sections, section)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Must be able to work every third weekend and rotating holidays.", True),
        ("Sign-on bonus up to $15,000; competitive pay and benefits.", True),
        ("Full-time nights, 36 hours per week (three 12-hour shifts).", True),
        ("Flexibility to work overnight, weekends and holidays.", True),
        ("Pay: $15.00-$18.00 per hour", True),
        ("You will lead a crew of 20 associates on second shift.", False),
        ("Manage inbound and outbound dock schedules.", False),
        ("Perform night audit procedures to balance all hotel transactions.", False),
        ("Active RN license, BLS and ACLS within 90 days of hire.", False),
        ("", False),
    ],
)
def test_conditions_sentences(sentence: str, expected: bool) -> None:
    assert is_conditions_sentence(sentence) is expected


def test_bullets_run_together_on_one_line_are_items() -> None:
    text = "Duties\n• Bake, grill and steam • Garnish final dishes • Keep the station clean"
    assert posting_sections(text).responsibilities == [
        "Bake, grill and steam",
        "Garnish final dishes",
        "Keep the station clean",
    ]


@pytest.mark.parametrize(
    ("text", "item", "section"),
    [
        # After "Key: value" terms lines, a plain heading set apart by blank lines starts
        # the job's sections again: duties are not read as terms of employment.
        (
            "Contract type: Permanent\nSalary: £24,000\n\nWhat you'll do at work\n"
            "- Prepare the morning delivery manifests",
            "Prepare the morning delivery manifests",
            "responsibilities",
        ),
        (
            "Hours: 37.5 a week\n\nWhat skills and experience we're looking for\n\n"
            "Stock control\n- Count the cold room every Friday",
            "Count the cold room every Friday",
            "requirements",
        ),
        (
            "Pay: R18,500 per month\n\nPatient care\n- Turn bed-bound residents every two hours"
            "\n- Record fluid intake",
            "Record fluid intake",
            "other",
        ),
    ],
)
def test_a_plain_heading_over_a_list_starts_a_section(text: str, item: str, section: str) -> None:
    sections = posting_sections(text)
    assert item in getattr(sections, section)
    assert item not in sections.conditions


@pytest.mark.parametrize(
    "text",
    [
        # A title over a paragraph, or a short line inside prose, is not a heading: the
        # text reads as it did before plain headings were recognised.
        "Apprentice Dental Nurse\n\nWe are looking for an apprentice to join our practice.",
        "Overview\n\nCommunity Support Worker\n\nYou will support adults with autism.",
        "Duties\n- Serve customers\n\nFull UK licence\nMust drive a manual van.",
    ],
)
def test_a_short_line_over_a_paragraph_is_not_a_heading(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = posting_sections(text)
    monkeypatch.setattr(posting, "_standalone_heading", lambda lines, index: None)
    assert found == posting_sections(text)
