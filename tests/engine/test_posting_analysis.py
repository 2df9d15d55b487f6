"""Posting analysis: competencies with evidence and skills, across occupations."""

from __future__ import annotations

import json

import pytest

from secondround.engine.nlp.vocabulary import COMPETENCIES
from secondround.engine.reading.posting_analysis import (
    PostingAnalysis,
    analyse_posting,
    analysis_as_json,
    find_skill_spans,
    gazetteer_size,
)

NURSE = """Registered Nurse - Medical/Surgical Unit

Responsibilities:
- Provide safe, patient-centred care to up to six patients per shift.
- Perform wound care, IV therapy and medication administration.
- Document assessments accurately in Epic.
- Liaise with physicians, pharmacists and social workers to plan discharges.
- Work in a fast-paced environment and stay calm under pressure.

Requirements:
- Current RN licence and BLS and ACLS certification.
- Experience with phlebotomy and infection control.
- Strong written and verbal communication skills.
- Attention to detail and commitment to patient confidentiality.
"""

TEACHER = """Year 5 Teacher

What you'll do
- Plan and deliver engaging lessons in line with the national curriculum.
- Use formative assessment to track pupil progress and adapt teaching.
- Communicate regularly with parents and carers.
- Mentor newly qualified teachers in the year group.

What we're looking for
- QTS and a PGCE.
- Knowledge of phonics and classroom management.
- Familiarity with Google Classroom and SMART Board.
- A team player who shares our values of kindness and curiosity.
"""

ACCOUNTANT = """Senior Accountant

Key responsibilities
- Prepare monthly management accounts and lead the month-end close.
- Perform bank reconciliations and variance analysis with great accuracy.
- Ensure compliance with IFRS and local tax rules.
- Work across departments with budget holders to explain variances.

Qualifications
- CPA or ACCA qualified.
- Proficiency in SAP, Excel and Power BI.
- Experience with NetSuite or Xero is a plus.
- Able to meet tight deadlines and prioritise competing tasks.
- Integrity and the discretion to handle confidential information.
"""

WAREHOUSE = """Warehouse Associate

Duties
- Pick, pack and ship customer orders using an RF scanner.
- Load and unload trucks with forklift operation and pallet jack.
- Keep the warehouse clean and follow health and safety procedures.
- Meet daily productivity targets during peak season.

Requirements
- Forklift certification and knowledge of WMS such as Manhattan WMS.
- Reliable, punctual and able to lift 50 lbs.
- Accuracy in cycle counting and inventory control.
"""

SALES = """Account Executive

Responsibilities
- Prospect new B2B clients through cold calling and LinkedIn Sales Navigator.
- Negotiate contracts with senior stakeholders and close deals.
- Exceed quarterly revenue targets and KPIs.
- Keep Salesforce up to date and report on the pipeline.

Requirements
- 3+ years of SaaS sales experience.
- Experience with HubSpot or Salesforce.
- Excellent presentation skills and a self-starter attitude.
- Motivated by results and passionate about customer success.
"""

SOFTWARE = """Senior Software Engineer

About the role
You will design, build and run the services behind our payments platform.

Responsibilities
- Build REST APIs in Python and Go.
- Lead a team of four engineers and mentor junior developers.
- Troubleshoot production issues and drive root cause analysis.
- Collaborate with product and design in a cross-functional team.

Requirements
- Proficiency in Python, PostgreSQL and Docker.
- Experience with Kubernetes, Terraform and AWS.
- Familiarity with Kafka and GraphQL.
- Experience with CI/CD pipelines such as GitHub Actions or Jenkins.

Nice to have
- Experience with Rust or TypeScript.
"""

PROSE = (
    "We are hiring a bookkeeper for our busy dental practice. You will manage accounts "
    "payable and payroll in QuickBooks and reconcile the bank every week. Experience with "
    "Xero and Excel is required. You must have strong attention to detail and keep "
    "patient information confidential."
)

POSTINGS = {
    "nurse": NURSE,
    "teacher": TEACHER,
    "accountant": ACCOUNTANT,
    "warehouse": WAREHOUSE,
    "sales": SALES,
    "software": SOFTWARE,
    "prose": PROSE,
}

# (posting, competency, a phrase the first... any evidence sentence must contain)
COMPETENCY_CASES = [
    ("nurse", "cross_functional", "Liaise with physicians"),
    ("nurse", "pressure", "fast-paced environment"),
    ("nurse", "attention_to_detail", "Attention to detail"),
    ("nurse", "communication", "written and verbal communication"),
    ("nurse", "integrity", "confidentiality"),
    ("nurse", "customer_focus", "patient-centred care"),
    ("teacher", "mentoring", "Mentor newly qualified teachers"),
    ("teacher", "communication", "Communicate regularly with parents"),
    ("teacher", "teamwork", "A team player"),
    ("teacher", "culture_fit", "shares our values"),
    ("accountant", "attention_to_detail", "great accuracy"),
    ("accountant", "cross_functional", "Work across departments"),
    ("accountant", "pressure", "tight deadlines"),
    ("accountant", "prioritization", "prioritise competing tasks"),
    ("accountant", "integrity", "confidential information"),
    ("warehouse", "pressure", "peak season"),
    ("warehouse", "results", "productivity targets"),
    ("warehouse", "ownership", "Reliable, punctual"),
    ("warehouse", "attention_to_detail", "Accuracy in cycle counting"),
    ("sales", "results", "revenue targets and KPIs"),
    ("sales", "influence", "Negotiate contracts with senior stakeholders"),
    ("sales", "initiative", "self-starter"),
    ("sales", "motivation", "passionate about customer success"),
    ("sales", "communication", "presentation skills"),
    ("software", "leadership", "Lead a team of four engineers"),
    ("software", "mentoring", "mentor junior developers"),
    ("software", "problem_solving", "root cause analysis"),
    ("software", "cross_functional", "cross-functional team"),
    ("software", "technical_depth", "Python"),
    ("prose", "attention_to_detail", "attention to detail"),
    ("prose", "integrity", "confidential"),
]

# (posting, skills that must be found, names that must not be)
SKILL_CASES = [
    (
        "nurse",
        [
            "wound care",
            "IV therapy",
            "medication administration",
            "Epic",
            "BLS",
            "ACLS",
            "phlebotomy",
            "infection control",
        ],
        ["Registered Nurse", "communication skills", "attention to detail"],
    ),
    (
        "teacher",
        [
            "formative assessment",
            "QTS",
            "PGCE",
            "phonics",
            "classroom management",
            "Google Classroom",
            "SMART Board",
        ],
        ["team player", "values"],
    ),
    (
        "accountant",
        [
            "management accounts",
            "month-end close",
            "bank reconciliations",
            "variance analysis",
            "IFRS",
            "CPA",
            "ACCA",
            "SAP",
            "Excel",
            "Power BI",
            "NetSuite",
            "Xero",
        ],
        ["tight deadlines", "Integrity"],
    ),
    (
        "warehouse",
        [
            "RF scanner",
            "forklift operation",
            "pallet jack",
            "health and safety",
            "WMS",
            "Manhattan WMS",
            "cycle counting",
            "inventory control",
        ],
        ["Reliable", "lbs"],
    ),
    (
        "sales",
        ["cold calling", "LinkedIn Sales Navigator", "Salesforce", "SaaS sales", "HubSpot"],
        ["results", "self-starter"],
    ),
    (
        "software",
        [
            "Python",
            "Go",
            "PostgreSQL",
            "Docker",
            "Kubernetes",
            "Terraform",
            "AWS",
            "Kafka",
            "GraphQL",
            "CI/CD",
            "GitHub Actions",
            "Jenkins",
            "Rust",
            "TypeScript",
        ],
        ["team", "engineers", "experience"],
    ),
    ("prose", ["accounts payable", "payroll", "QuickBooks", "Xero", "Excel"], ["dental"]),
]


def _analysis(name: str) -> PostingAnalysis:
    return analyse_posting(POSTINGS[name])


@pytest.mark.parametrize(("posting", "competency", "phrase"), COMPETENCY_CASES)
def test_competency_found_with_evidence_from_the_text(
    posting: str, competency: str, phrase: str
) -> None:
    analysis = _analysis(posting)
    needs = {need.id: need for need in analysis.competencies}
    assert competency in needs, [n.id for n in analysis.competencies]
    need = needs[competency]
    assert 0 < need.weight <= 1
    assert any(phrase in proof.sentence for proof in need.evidence)
    for proof in need.evidence:
        assert proof.sentence in POSTINGS[posting]
        assert proof.section in {"responsibilities", "requirements", "nice_to_have", "other"}


@pytest.mark.parametrize(("posting", "expected", "absent"), SKILL_CASES)
def test_skills_found(posting: str, expected: list[str], absent: list[str]) -> None:
    analysis = _analysis(posting)
    names = [skill.name for skill in analysis.skills]
    lowered = {name.lower() for name in names}
    missing = [name for name in expected if name.lower() not in lowered]
    assert not missing, names
    assert not [name for name in absent if name.lower() in lowered], names
    for skill in analysis.skills:
        assert skill.evidence and skill.evidence[0].sentence in POSTINGS[posting]


@pytest.mark.parametrize("posting", sorted(POSTINGS))
def test_competencies_are_shared_ids_best_first_top_is_one(posting: str) -> None:
    analysis = _analysis(posting)
    assert analysis.competencies
    weights = [need.weight for need in analysis.competencies]
    assert weights == sorted(weights, reverse=True)
    assert weights[0] == 1.0
    assert all(need.id in COMPETENCIES for need in analysis.competencies)
    assert len({need.id for need in analysis.competencies}) == len(analysis.competencies)


@pytest.mark.parametrize("posting", sorted(POSTINGS))
def test_skills_in_order_of_first_appearance_and_unique(posting: str) -> None:
    text = POSTINGS[posting]
    analysis = _analysis(posting)
    keys = [skill.name.lower() for skill in analysis.skills]
    assert len(keys) == len(set(keys))
    first = [text.find(skill.evidence[0].sentence) for skill in analysis.skills]
    assert first == sorted(first)


def test_requirements_weigh_more_than_other_and_nice_to_have() -> None:
    required = analyse_posting(
        "Data Analyst\n\nRequirements:\n- Strong stakeholder management.\n"
        "- Attention to detail.\n\nAbout us:\n- We value attention to detail."
    )
    nice = analyse_posting(
        "Data Analyst\n\nRequirements:\n- Strong stakeholder management.\n\n"
        "Nice to have:\n- Attention to detail.\n"
    )
    weights_required = {n.id: n.weight for n in required.competencies}
    weights_nice = {n.id: n.weight for n in nice.competencies}
    assert weights_required["attention_to_detail"] > weights_nice["attention_to_detail"]
    assert weights_nice["influence"] == 1.0


def test_repetition_raises_weight() -> None:
    analysis = analyse_posting(
        "Requirements:\n- Excellent communication skills.\n- Communicate with families.\n"
        "- Communicate progress in writing.\n- Work in a fast-paced clinic.\n"
    )
    weights = {n.id: n.weight for n in analysis.competencies}
    assert weights["communication"] == 1.0
    assert weights["pressure"] < 1.0


def test_posting_without_headings() -> None:
    analysis = analyse_posting(PROSE)
    assert {"attention_to_detail", "integrity"} <= {n.id for n in analysis.competencies}
    assert [s.name for s in analysis.skills][:3] == ["accounts payable", "payroll", "QuickBooks"]


@pytest.mark.parametrize("text", ["", "   \n\n  ", "\n"])
def test_empty_input(text: str) -> None:
    analysis = analyse_posting(text)
    assert analysis.competencies == () and analysis.skills == ()
    assert analysis_as_json(analysis) == {"competencies": [], "skills": []}


@pytest.mark.parametrize(
    "text",
    [
        "\x00\x01\x02 binary \xff\xfe",
        "Enfermera registrada. Turnos de noche, un fin de semana de cada tres.",
        "Requirements:\n" + "- Experience with wound care and BLS.\n" * 2000,
        "🙂 " * 300,
    ],
    ids=["binary", "another language", "huge", "emoji"],
)
def test_bad_input_gives_an_analysis_not_an_exception(text: str) -> None:
    data = analysis_as_json(analyse_posting(text))
    assert json.dumps(data)
    assert all(
        s["type"] in {"tool", "procedure", "certification", "knowledge"} for s in data["skills"]
    )  # type: ignore[index,union-attr]


def test_no_evidence_no_competency() -> None:
    analysis = analyse_posting("Warehouse Associate\n\nLocation: Leeds.\n")
    assert analysis.competencies == ()


@pytest.mark.parametrize("posting", sorted(POSTINGS))
def test_deterministic(posting: str) -> None:
    first = analysis_as_json(analyse_posting(POSTINGS[posting]))
    for _ in range(3):
        assert analysis_as_json(analyse_posting(POSTINGS[posting])) == first
    assert json.dumps(first)  # JSON-serialisable


def test_json_shape() -> None:
    data = analysis_as_json(_analysis("software"))
    competencies = data["competencies"]
    skills = data["skills"]
    assert isinstance(competencies, list) and isinstance(skills, list)
    assert set(competencies[0]) == {"id", "weight", "evidence"}
    assert isinstance(competencies[0]["evidence"], str)
    assert set(skills[0]) == {"name", "evidence", "type"}
    assert skills[0]["name"] == "REST APIs"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Familiarity with Tableau and Looker.", ["Tableau", "Looker"]),
        ("Knowledge of Java or Kotlin is required.", ["Java", "Kotlin"]),
        (
            "Experience with forklift operation, welding and PLC.",
            ["forklift operation", "welding", "PLC"],
        ),
        (
            "Proficiency in MercuryGate, Oracle OTM and Power BI.",
            ["MercuryGate", "Oracle OTM", "Power BI"],
        ),
        ("Tools such as Figma, Miro and Jira.", ["Figma", "Miro", "Jira"]),
        ("Go the extra mile; excel at detail.", []),  # common words, not the tools
        ("Go is a plus; excel at detail.", ["Go"]),  # the language: "Go" is the subject
        ("Reports to C-level leaders and the R&D director.", []),
    ],
)
def test_find_skill_spans(sentence: str, expected: list[str]) -> None:
    spans = find_skill_spans(sentence)
    assert [s.name for s in spans] == expected
    for span in spans:
        assert sentence[span.start : span.end].lower() == span.name.lower()


def test_phrase_spans_cover_ability_clauses() -> None:
    sentence = "You have the ability to work in a fast-paced environment."
    texts = [s.name for s in find_skill_spans(sentence, phrases=True)]
    assert "work in a fast-paced environment" in texts


def test_gazetteer_is_broad() -> None:
    assert gazetteer_size() >= 600


# The nursing posting of issue 14, in the words of a real unit's advert.
STEP_DOWN_NURSE = """RN - Cardiac Step-Down, Nights

We are seeking a Registered Nurse for our step-down unit in Columbus, Ohio. Full-time,
36 hours per week, nights, every third weekend and rotating holidays.

What you'll do:
- Provide care for telemetry patients, including titration of cardiac drips.
- Serve as preceptor for new graduates and nursing students.
- Use excellent time management to prioritize care for a four-patient assignment.
- Follow patient safety practices, including bedside handoff.

What you need:
- Active RN license, BLS and ACLS within 90 days of hire.
- Experience with Epic documentation.
- Must be able to work every third weekend and rotating holidays.
- Stay calm under pressure; dependable, positive attitude.

Benefits
- Sign-on bonus up to $15,000; medical, dental and vision insurance; 403(b) match.
"""


@pytest.mark.parametrize(
    "phrase",
    [
        "every third weekend",
        "rotating holidays",
        "stay calm under pressure",
        "calm under pressure",
        "positive attitude",
        "dependable",
        "time management",
        "nights",
        "Columbus",
        "sign-on bonus",
        "vision insurance",
        "403(b)",
        "Registered Nurse",
        "new graduates",
    ],
)
def test_issue_14_nurse_posting_lists_no_condition_or_trait_as_a_skill(phrase: str) -> None:
    names = [s.name.lower() for s in analyse_posting(STEP_DOWN_NURSE).skills]
    assert not [n for n in names if phrase.lower() in n or n in phrase.lower()], names


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("telemetry", None),
        ("cardiac drips", "procedure"),
        ("RN license", "certification"),
        ("BLS", "certification"),
        ("ACLS", "certification"),
        ("Epic", "tool"),
        ("bedside handoff", "procedure"),
    ],
)
def test_issue_14_nurse_posting_lists_its_skills_with_types(name: str, kind: str | None) -> None:
    skills = {s.name.lower(): s for s in analyse_posting(STEP_DOWN_NURSE).skills}
    found = [key for key in skills if name.lower() in key]
    assert found, list(skills)
    if kind is not None:
        assert skills[found[0]].type == kind


@pytest.mark.parametrize(
    ("competency", "phrase"),
    [
        ("mentoring", "preceptor"),
        ("prioritization", "time management"),
        ("attention_to_detail", "patient safety"),
        ("pressure", "calm under pressure"),
    ],
)
def test_issue_14_nurse_posting_competencies(competency: str, phrase: str) -> None:
    needs = {n.id: n for n in analyse_posting(STEP_DOWN_NURSE).competencies}
    assert competency in needs, list(needs)
    assert any(phrase in proof.sentence for proof in needs[competency].evidence)


def test_benefits_are_not_read_as_adaptability_or_skills() -> None:
    analysis = analyse_posting(
        "Requirements:\n- Forklift certification.\n\nBenefits:\n- Flexible schedule.\n"
        "- Employee discount and on-site parking.\n"
    )
    assert [s.name.lower() for s in analysis.skills] == ["forklift certification"]
    assert "adaptability" not in {n.id for n in analysis.competencies}


@pytest.mark.parametrize(
    ("sentence", "competency"),
    [
        ("Able to accept criticism and coaching.", "mentoring"),
        ("Works under normal supervision of a work leader.", "leadership"),
    ],
)
def test_vetoes_stop_a_sentence_counting(sentence: str, competency: str) -> None:
    analysis = analyse_posting(f"Requirements:\n- {sentence}\n")
    assert competency not in {n.id for n in analysis.competencies}


@pytest.mark.parametrize(
    ("line", "wanted", "unwanted"),
    [
        # A duty's opening verb is not part of the skill's name.
        ("- Complete MedsCheck reviews and document in Kroll", "MedsCheck reviews", "Complete"),
        # A requirement's adverb is not part of it.
        ("- Experience with Kroll strongly preferred", "Kroll", "strongly"),
    ],
)
def test_skill_names_are_only_the_skill(line: str, wanted: str, unwanted: str) -> None:
    posting = f"Pharmacist\n\nResponsibilities\n{line}\n- Counsel patients on new medications\n"
    names = [skill.name for skill in analyse_posting(posting).skills]
    assert wanted in names
    assert not any(unwanted in name for name in names)


def test_what_the_employer_offers_names_no_skills() -> None:
    posting = (
        "Social Worker\n\nThe role\n- Lead Section 47 enquiries with police partners\n\n"
        "We offer a protected caseload, monthly reflective supervision, a Practice Educator "
        "pathway and 27 days' annual leave.\n"
    )
    names = " ".join(skill.name for skill in analyse_posting(posting).skills).casefold()
    assert "supervision" not in names and "pathway" not in names


@pytest.mark.parametrize(
    ("sentence", "competency"),
    [
        ("Use de-escalation techniques with distressed visitors.", "conflict"),
        ("Calm disputes between tenants and report them to the housing officer.", "conflict"),
        ("Handle complaints from passengers at the gate.", "conflict"),
        ("Lead a crew of four on the night shift.", "leadership"),
        ("Train new cashiers and kitchen staff on the till.", "mentoring"),
        ("Inspect welds against the drawing before sign-off.", "attention_to_detail"),
        ("Check the quality of every finished garment.", "attention_to_detail"),
        ("Work closely with housing providers and probation services.", "cross_functional"),
        ("Greet diners and take orders at the counter.", "customer_focus"),
    ],
)
def test_duty_phrasings_name_their_competency(sentence: str, competency: str) -> None:
    analysis = analyse_posting(f"Responsibilities\n- {sentence}")
    assert competency in {need.id for need in analysis.competencies}


@pytest.mark.parametrize(
    ("sentence", "competency"),
    [
        ("Check in guests and hand out room keys.", "conflict"),
        ("Run the dishwasher and stock clean plates.", "leadership"),
        ("Attend training on the new till system.", "mentoring"),
    ],
)
def test_near_misses_do_not_name_the_competency(sentence: str, competency: str) -> None:
    analysis = analyse_posting(f"Responsibilities\n- {sentence}")
    assert competency not in {need.id for need in analysis.competencies}


@pytest.mark.parametrize(
    ("line", "wanted", "kind", "unwanted"),
    [
        (
            "- Monitor KPIs such as dock-to-stock time and first-pass yield",
            "KPIs",
            None,
            ["KPIs such", "dock-"],
        ),
        ("- Fluent Polish and Spanish at C1 level", "Spanish", "knowledge", []),
        ("- Tagalog and English, spoken and written", "Tagalog", "knowledge", []),
    ],
)
def test_skill_names_are_whole_and_languages_are_known_not_used(
    line: str, wanted: str, kind: str | None, unwanted: list[str]
) -> None:
    skills = {s.name: s.type for s in analyse_posting(f"Requirements\n{line}").skills}
    assert wanted in skills, skills
    assert kind is None or skills[wanted] == kind
    assert not set(unwanted) & set(skills)


@pytest.mark.parametrize(
    ("line", "wanted", "unwanted"),
    [
        ("- Good knowledge of SAP EWM or another WMS; MS Excel", "MS Excel", "MS"),
        ("- Knowledge of MS Word, MS Excel and QuickBooks", "MS Excel", "MS"),
    ],
)
def test_a_short_vendor_prefix_stays_with_its_product(
    line: str, wanted: str, unwanted: str
) -> None:
    names = {s.name for s in analyse_posting(f"Requirements\n{line}").skills}
    assert wanted in names and unwanted not in names, names
