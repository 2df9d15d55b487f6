"""The round's bank: every source the articles name is there, ranked, with its reasons."""

import pytest

from secondround.engine.nlp.entities import entity_index
from secondround.engine.questions.question_bank import (
    AskedBefore,
    BankRequest,
    Need,
    OwnQuestion,
    RosterPerson,
    build_bank,
)
from secondround.engine.questions.question_library import EMPLOYER_CHECKS

ROSTER = (
    RosterPerson("1", "Dana Whitfield", "hiring_manager", "Director of Network Planning"),
    RosterPerson("2", "Maria Okafor", "managers_manager", "VP Supply Chain"),
    RosterPerson("3", "Siobhán O'Neill", "peer", "Senior Analyst"),
    RosterPerson("4", "Priya Raman", "hr", "Talent Partner"),
    RosterPerson("5", "Tom Becker", "technical_expert", "Principal Data Engineer"),
)
REQUEST = BankRequest(
    needs=(
        Need("cross_functional", 1.0, "Work with dispatch, warehouse and customer service teams."),
        Need("leadership", 0.6, "Coach two junior analysts."),
        Need("pressure", 0.4, "Comfortable with tight deadlines during peak season."),
    ),
    skills=("Power BI", "SQL"),
    roster=ROSTER,
    asked_before=(
        AskedBefore("How do you handle a driver who pushes back on a new schedule?", "struggled"),
        AskedBefore("What do you know about cold chain?", "unsure"),
        AskedBefore("Walk me through a time you cut costs.", "comfortable"),
    ),
    concerns=("She asked twice whether I have managed people directly.",),
    own=(
        OwnQuestion(
            "own:abc", "How would you run the Monday dispatch meeting?", "leadership", "situational"
        ),
    ),
    seed="demo",
)


@pytest.fixture(scope="module")
def bank():
    return build_bank(REQUEST)


def _with_reason(bank, fragment):
    return [q for q in bank if any(fragment in reason for reason in q.reasons)]


def test_the_staples_come_first(bank):
    top = [q.text for q in bank[:5]]
    assert "What have you learned about us so far?" in top
    assert "How would you proceed if you were hired into this job?" in top


def test_struggled_question_comes_back_near_the_top(bank):
    again = [q for q in bank if q.text.startswith("How do you handle a driver")]
    assert again and "You struggled with this in round 1" in again[0].reasons[0]
    assert bank.index(again[0]) < 10
    assert _with_reason(bank, "A deeper question on what you found hard")


def test_unsure_ranks_below_struggled(bank):
    struggled = next(q for q in bank if q.text.startswith("How do you handle a driver"))
    unsure = next(q for q in bank if q.text.startswith("What do you know about cold chain"))
    assert struggled.score > unsure.score


def test_each_concern_is_probed(bank):
    probing = _with_reason(bank, "They seemed worried")
    assert probing
    assert all(q.kind in ("behavioral", "situational") for q in probing)


def test_the_posting_competencies_are_covered_with_evidence(bank):
    stressed = _with_reason(bank, "The posting stresses cross-functional")
    assert stressed and "dispatch, warehouse" in stressed[0].reasons[0]
    heavy = len(
        [q for q in bank if q.source == "competency" and q.competency == "cross_functional"]
    )
    light = len([q for q in bank if q.source == "competency" and q.competency == "pressure"])
    assert heavy > light


def test_every_employer_check_is_asked(bank):
    for label in EMPLOYER_CHECKS.values():
        assert _with_reason(bank, label), label


def test_technical_deep_dive_uses_the_posting_skills(bank):
    technical = [q for q in bank if q.source == "technical"]
    assert {skill for q in technical for skill in ("Power BI", "SQL") if skill in q.text} == {
        "Power BI",
        "SQL",
    }
    assert all("{skill}" not in q.text for q in bank)


def test_illegal_and_curveball_questions_come_with_guidance(bank):
    tricky = [q for q in bank if q.kind in ("illegal", "curveball")]
    assert {q.kind for q in tricky} == {"illegal", "curveball"}
    assert all(q.guidance for q in tricky)


def test_interviewers_are_matched_by_relation(bank):
    boss_boss = _with_reason(bank, "Maria Okafor is the boss's boss")
    assert boss_boss
    assert all("2" in q.interviewers for q in boss_boss)
    technical = [q for q in bank if q.source == "technical"]
    assert all("5" in q.interviewers for q in technical)
    salary_or_culture = [q for q in bank if q.competency == "culture_fit" and q.kind != "illegal"]
    assert any("4" in q.interviewers for q in salary_or_culture)


def test_own_questions_join_the_bank(bank):
    own = next(q for q in bank if q.key == "own:abc")
    assert own.reasons[0] == "You added this question"


def test_every_question_has_probes_and_no_text_repeats(bank):
    assert all(q.probes for q in bank)
    assert len({q.text.lower() for q in bank}) == len(bank)
    assert len({q.key for q in bank}) == len(bank)


def test_ranked_and_deterministic(bank):
    assert [q.score for q in bank] == sorted((q.score for q in bank), reverse=True)
    assert build_bank(REQUEST) == bank


def test_an_empty_request_still_gives_the_staples_and_checks():
    empty = build_bank(BankRequest())
    assert empty[0].source == "staple"
    assert len(empty) >= 10


@pytest.mark.parametrize(
    ("asked", "ground_word"),
    [
        # Written for this test: illegal questions from round 1, in several countries' wording.
        ("So, are you and your partner thinking of having kids soon?", None),
        ("What year did you finish secondary school?", "roundabout"),
        ("Which church do you go to on Sundays?", None),
        ("Is English your first language?", None),
    ],
)
def test_an_illegal_round_one_question_gets_a_calm_answer(asked, ground_word):
    request = BankRequest(asked_before=[AskedBefore(asked, "struggled")])
    question = next(q for q in build_bank(request) if q.text == asked)
    assert question.kind == "illegal"
    assert question.guidance
    if ground_word:
        assert ground_word in question.guidance.lower()


def test_an_own_illegal_question_gets_a_calm_answer():
    own = OwnQuestion("own-1", "Do you have any health problems?", "culture_fit", "illegal")
    question = next(q for q in build_bank(BankRequest(own=[own])) if q.key == "own-1")
    assert question.guidance


def test_a_lawful_lookalike_asked_in_round_one_is_not_filed_illegal():
    asked = "Are you legally entitled to work in this country?"
    request = BankRequest(asked_before=[AskedBefore(asked, "comfortable")])
    question = next(q for q in build_bank(request) if q.text == asked)
    assert question.kind != "illegal"
    assert question.guidance is None


@pytest.mark.parametrize(
    "skill",
    ["every third weekend", "rotating holidays", "detail-oriented", "registered nurse", ""],
)
def test_schedules_traits_and_job_titles_get_no_technical_question(skill):
    bank = build_bank(BankRequest(skills=(skill,)))
    assert not [q for q in bank if q.source == "technical"]


def test_a_procedure_is_asked_about_as_a_procedure():
    index = entity_index(glossary=[("medication administration", "a procedure on the unit")])
    bank = build_bank(BankRequest(skills=("medication administration",), entities=index))
    [technical] = [q for q in bank if q.source == "technical"]
    assert technical.filler_kind == "procedure"
    assert "never used" not in technical.text


@pytest.mark.parametrize(
    ("concern", "expected"),
    [
        (
            "titrated drips independently",
            "Tell me about the last time you titrated drips independently.",
        ),
        ("one-year nights commitment", "How do you feel about the one-year nights commitment?"),
        ("never used Kronos", "How would you get up to speed on Kronos?"),
        (
            "hasn't led a migration",
            "Tell me about the closest you have come to leading a migration.",
        ),
        ("whether I'd leave for ICU after a year", "Would you leave for ICU after a year?"),
        # Reported speech: the question they asked, not something the candidate did.
        ("asked if I'd cope with behaviour in Y9", "Would you cope with behaviour in Y9?"),
        (
            "Victor - they asked if I'm comfortable being on the counter 2 days a week",
            "Are you comfortable being on the counter 2 days a week?",
        ),
        # An opening participle the tagger reads as an adjective is still the verb.
        (
            "never managed night audit",
            "Tell me about the closest you have come to managing night audit.",
        ),
    ],
)
def test_a_concern_becomes_the_question_an_interviewer_would_ask(concern, expected):
    duties = ["Administer and titrate cardiac medications and drips per protocol"]
    bank = build_bank(BankRequest(concerns=(concern,), duties=duties))
    texts = [q.text for q in bank if q.source == "concern"]
    assert expected in texts


def test_a_concern_is_probed_on_the_duty_it_touches():
    duties = [
        "Monitor cardiac telemetry for assigned patients",
        "Administer and titrate cardiac medications and drips per protocol",
    ]
    bank = build_bank(BankRequest(concerns=("titrated drips independently",), duties=duties))
    texts = [q.text for q in bank if q.source == "concern"]
    assert any("titrate cardiac medications and drips" in text for text in texts)
    assert any("on your own" in text for text in texts)


@pytest.mark.parametrize(
    ("concern", "wrong"),
    [
        ("asked why i'm leaving Bend after 3 years", "the last time you asked"),
        ("asked if I'd cope with behaviour in Y9", "the last time you asked"),
        ("Victor - they asked if I'm comfortable on the counter", "with Victor"),
    ],
)
def test_who_raised_a_concern_and_how_is_never_its_topic(concern, wrong):
    bank = build_bank(BankRequest(concerns=(concern,)))
    assert not any(wrong in q.text for q in bank if q.source == "concern")


@pytest.mark.parametrize(
    "skill",
    [
        "troubleshoot",  # a verb of "Install, troubleshoot and repair ..."
        "titrate cardiac medications",
        "drivers to fix problem lanes",
        "Store Manager's absence",
        "Calloway Outdoor Brands",  # the employer itself
        "Victor Ruiz",  # an interviewer
        "Planning Commission",  # a body the work answers to
    ],
)
def test_a_skill_slot_is_never_filled_with_a_verb_phrase_or_a_name(skill):
    entities = entity_index(
        skills=[(skill, "tool")],
        organisations=["Calloway Outdoor Brands"],
        people=["Victor Ruiz"],
    )
    bank = build_bank(BankRequest(skills=(skill,), entities=entities))
    assert not [q.text for q in bank if q.source == "technical"]


@pytest.mark.parametrize(
    ("skill", "expected"),
    [
        ("Alaris pumps", "Alaris pumps"),
        ("journal entries", "journal entries"),
        ("continuous monitoring", "continuous monitoring"),
    ],
)
def test_a_skill_slot_takes_a_noun_phrase(skill, expected):
    bank = build_bank(BankRequest(skills=(skill,), entities=entity_index(skills=[(skill, "tool")])))
    assert any(expected in q.text for q in bank if q.source == "technical")
