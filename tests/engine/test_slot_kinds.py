"""Slot fillers by class (issue 15): what a term is, read from its words, the user's meaning
and the employer's names, and frames that take a term only when they read right for every
kind it may be. Examples are invented, from occupations the scenario packs do not cover."""

import json

import pytest

from secondround.engine.drafting.ask import AskPerson, questions_to_ask
from secondround.engine.nlp.entities import Kind, accepts_all, entity_index, kind_from_cues
from secondround.engine.nlp.files import DATA_DIR
from secondround.engine.questions.question_bank import BankRequest, build_bank

NEIGHBOURS = {"procedure", "knowledge_area"}


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        # A body: its head anywhere in a capitalised name.
        ("Ohio Board of Pharmacy", Kind.ORGANISATION),
        ("Institute of Chartered Foresters", Kind.ORGANISATION),
        ("Vermont Dental Society", Kind.ORGANISATION),
        # A team of the employer named alone.
        ("QA", Kind.ORGANISATION),
        ("front office", Kind.ORGANISATION),
        ("procurement", Kind.ORGANISATION),
        # People and parties worked with or for.
        ("nursing home residents", Kind.NOT_A_SKILL),
        ("site visitors", Kind.NOT_A_SKILL),
        ("haulage contractors", Kind.NOT_A_SKILL),
        ("partner schools", Kind.ORGANISATION),
        ("local football clubs", Kind.ORGANISATION),
        # What the job gives.
        ("tool allowance", Kind.NOT_A_SKILL),
        ("union membership", Kind.NOT_A_SKILL),
        ("sign-on bonus", Kind.NOT_A_SKILL),
        ("paid CDL training", Kind.NOT_A_SKILL),
        ("study days", Kind.NOT_A_SKILL),
        ("401(k) match", Kind.NOT_A_SKILL),
        ("KiwiSaver contributions", Kind.NOT_A_SKILL),
        ("three-way matching", None),
        # A language, a size.
        ("fluent Spanish", Kind.NOT_A_SKILL),
        ("conversational French", Kind.NOT_A_SKILL),
        ("240 beds", Kind.NOT_A_SKILL),
        ("12 trucks", Kind.NOT_A_SKILL),
        # Real skills keep their kind.
        ("NFPA 72", Kind.KNOWLEDGE),
        ("OSHA 30", Kind.CERTIFICATION),
        ("customer service", None),
        # The head says what a phrase is: repairs of a boiler, not a boiler.
        ("boiler repairs", Kind.PROCEDURE),
        ("forklift servicing", Kind.PROCEDURE),
        ("infusion pumps", Kind.TOOL),
        ("patient safety", Kind.PROCEDURE),
        ("Planning Commission", Kind.ORGANISATION),
        # The head noun's lemma, whatever modifies it (issue 15, helper slots).
        ("pallet truck", Kind.TOOL),
        ("blood gas analyser", Kind.TOOL),
        ("rota spreadsheet", Kind.TOOL),
        ("incident log", Kind.PROCEDURE),
        ("site induction records", Kind.PROCEDURE),
        ("grant proposals", Kind.PROCEDURE),
        ("scheduling", Kind.PROCEDURE),
        ("building control guidelines", Kind.KNOWLEDGE),
        ("club rules", Kind.KNOWLEDGE),
        ("fire safety policy", Kind.KNOWLEDGE),
        ("Food Standards Act", Kind.KNOWLEDGE),
        ("monthly sales target", Kind.METRIC),
        ("calls per hour", Kind.METRIC),
        ("40 hours per week", Kind.SCHEDULE),
        ("25 days annual leave", Kind.NOT_A_SKILL),
        ("night shift allowances", Kind.NOT_A_SKILL),
        ("staffing agencies", Kind.ORGANISATION),
        ("customer service experience", Kind.NOT_A_SKILL),
        ("seasonal workers", Kind.NOT_A_SKILL),
        ("platforms", None),
        ("electrical systems", None),
        ("dispensing errors", Kind.METRIC),
        ("Sundays in summer", Kind.SCHEDULE),
        ("hybrid", Kind.SCHEDULE),
        ("Schedule 4", Kind.KNOWLEDGE),
        ("Registered Dental Nurse", Kind.CERTIFICATION),
        ("registered with the Nursing Council", None),
        ("Portuguese at least C1", Kind.NOT_A_SKILL),
        ("Hartley Gazette", Kind.ORGANISATION),
        ("Ontario Building Code Rules", Kind.KNOWLEDGE),
        ("Rules of the Supreme Court", Kind.KNOWLEDGE),
        # A legal form ends a company's name; an acronym opening a term is none.
        ("Harwick Tools GmbH", Kind.ORGANISATION),
        ("Kestrel Farms (Pty) Ltd", Kind.ORGANISATION),
        ("AB testing", Kind.PROCEDURE),
    ],
)
def test_a_terms_own_words_say_what_it_is(term: str, expected: Kind | None) -> None:
    assert kind_from_cues(term) == expected


@pytest.mark.parametrize(
    ("term", "meaning", "expected"),
    [
        ("CQC", "Care Quality Commission", Kind.ORGANISATION),
        ("SIA", "Security Industry Authority - licences door staff", Kind.ORGANISATION),
        ("FCA", "Financial Conduct Authority", Kind.ORGANISATION),
        ("RSO", "radiation safety officer", Kind.NOT_A_SKILL),
        ("LOLER", "lifting equipment inspection rules", Kind.KNOWLEDGE),
        ("Procore", "construction project management software", Kind.TOOL),
        ("Blue Bins", "competitor across the river", Kind.COMPETITOR),
        ("Coulter", "haematology analyser in the core lab", Kind.TOOL),
        ("AH", "after hours", Kind.SCHEDULE),
        ("HOS", "hours of service rules", Kind.KNOWLEDGE),
        ("SRF", "senior research fellow", Kind.NOT_A_SKILL),
        ("agency staff", "temp workers from the agency", Kind.NOT_A_SKILL),
        ("ASA score", "anaesthetic risk score 1-5", Kind.METRIC),
        ("MDT huddle", "daily briefing of the ward team", Kind.PROCEDURE),
        # A modifier before a common head noun never decides: a spares list is no tool.
        ("CSL", "critical machine spares list - kept by stores", Kind.TERM),
    ],
)
def test_the_head_of_the_users_meaning_says_what_a_term_is(
    term: str, meaning: str, expected: Kind
) -> None:
    assert entity_index(glossary=[(term, meaning)]).kind(term) is expected


@pytest.mark.parametrize(
    ("term", "source", "expected"),
    [
        ("Fernhollow app", "skill", Kind.PRODUCT),
        ("Fernhollow Rewards", "glossary", Kind.PRODUCT),
        ("Fernhollow", "glossary", Kind.ORGANISATION),
        ("Brightloom Club", "product line", Kind.PRODUCT),
        ("Salesforce", "skill", Kind.TOOL),
    ],
)
def test_the_employers_own_names_are_its_products(term: str, source: str, expected: Kind) -> None:
    index = entity_index(
        skills=[(term, "tool")] if source == "skill" else [],
        glossary=[(term, "")] if source == "glossary" else [],
        products=["Brightloom Club membership plan"],
        organisations=["Fernhollow Energy"],
    )
    assert index.kind(term) is expected


@pytest.mark.parametrize(
    ("accepts", "kinds", "expected"),
    [
        (["procedure"], {Kind.PROCEDURE, Kind.KNOWLEDGE}, False),
        (["procedure", "knowledge_area"], {Kind.PROCEDURE, Kind.KNOWLEDGE}, True),
        (["tool"], {Kind.TOOL}, True),
        ([], {Kind.TERM}, True),
        ([], {Kind.TOOL}, False),
        (["tool"], set(), False),
    ],
)
def test_a_frame_takes_a_term_only_when_it_fits_every_kind_it_may_be(
    accepts: list[str], kinds: set[Kind], expected: bool
) -> None:
    assert accepts_all(accepts, kinds) is expected


def _accepts(path: str, placeholder: str) -> dict[str, set[str]]:
    rows = json.loads((DATA_DIR / path).read_text(encoding="utf-8"))["questions"]
    return {q["id"]: set(q.get("accepts", ())) for q in rows if placeholder in q["text"]}


@pytest.mark.parametrize(
    "skill",
    ["soil compaction testing", "asbestos awareness", "lone working", "stock rotation"],
)
def test_a_guessed_way_of_working_is_asked_in_a_frame_right_for_either_reading(
    skill: str,
) -> None:
    """The words alone cannot tell a procedure from a body of knowledge: the question reads
    right for both."""
    templates = _accepts("questions/technical_templates.json", "{skill}")
    index = entity_index(skills=[(skill, None)])
    bank = build_bank(BankRequest(skills=[skill], entities=index))
    technical = [q for q in bank if q.source == "technical"]
    assert technical
    for question in technical:
        assert templates[question.key.split(":")[0]] >= NEIGHBOURS


def test_a_confirmed_kind_is_asked_in_a_frame_for_that_kind() -> None:
    index = entity_index(skills=[("lone working", "procedure")], skills_confirmed=True)
    assert index.kinds("lone working") == {Kind.PROCEDURE}


@pytest.mark.parametrize(
    ("terms", "glossary"),
    [
        (["tenancy sustainment"], []),
        (["Land Registry", "hoist checks"], [("Land Registry", "government agency")]),
    ],
)
def test_questions_to_ask_take_a_guessed_term_only_in_a_frame_right_for_it(
    terms: list[str], glossary: list[tuple[str, str]]
) -> None:
    templates = _accepts("ask/questions.json", "{term}")
    index = entity_index(glossary=glossary)
    people = [AskPerson(key="1", name="Dana Okafor", relation="hiring_manager", order=1)]
    asked = questions_to_ask(people, terms=terms, entities=index)["1"]
    for question in asked:
        if question.filler:
            assert question.filler != "Land Registry"
            kinds = {str(k) for k in index.kinds(question.filler)}
            assert kinds <= templates[question.id]


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("CDL-track", Kind.CERTIFICATION),
        ("PMP-certified", Kind.CERTIFICATION),
        ("ABET-accredited engineering degree", Kind.CERTIFICATION),
        ("NLN accredited nursing programme", Kind.CERTIFICATION),
        ("Journeyperson Plumbing", Kind.CERTIFICATION),
        ("Red Seal Carpentry", Kind.CERTIFICATION),
    ],
)
def test_a_qualification_is_a_certificate_however_it_is_written(term: str, expected: Kind) -> None:
    assert kind_from_cues(term) is expected


def test_the_users_meaning_beats_a_product_line_and_a_benefit_beats_its_meaning() -> None:
    index = entity_index(
        glossary=[("CareCheck", "council-funded home safety review"), ("SPIFF", "bonus per sale")],
        products=["CareCheck visits", "Ferncastle Solar"],
        skills=[("solar", "tool")],
        organisations=["Ferncastle Energy"],
    )
    assert index.kind("CareCheck") is Kind.PROCEDURE
    assert index.kind("SPIFF") is Kind.NOT_A_SKILL
    assert index.kind("solar") is Kind.PRODUCT  # the employer's "Ferncastle Solar"
