"""Slot fillers of the right type, questions from notes said once, personal notes said to them.

Issue 15: a bank or ask template takes only a term of a kind it accepts, and a term whose
kind is only a guess fills a slot last; what the posting's own sentence shows a term is
(a subject, a party worked with, whom the work is for) outweighs the reader's type.
"""

import pytest

from secondround.engine.nlp import phrasing
from secondround.engine.nlp.entities import Kind, entity_index, kind_from_cues, kind_in_sentence
from secondround.engine.questions.question_bank import (
    AskedBefore,
    BankRequest,
    build_bank,
    concern_probes,
)


@pytest.mark.parametrize(
    ("name", "sentence", "expected"),
    [
        ("Welds", "Welds tested to AS/NZS 1554.1 (SP category preferred)", Kind.NOT_A_SKILL),
        ("Study support", "Study support provided", Kind.NOT_A_SKILL),
        ("housekeeping", "Work with housekeeping on room status", Kind.ORGANISATION),
        ("sole traders", "Prepare year-end accounts for sole traders", Kind.NOT_A_SKILL),
        ("eye", "Organised, with an eye for detail", Kind.NOT_A_SKILL),
        ("Complete weld maps", "Complete weld maps and ITPs for the QA team", Kind.NOT_A_SKILL),
        # The body one registers with, the schemes whose clients one serves, a body of rules.
        (
            "AHPRA",
            "Current general registration with AHPRA (Physiotherapy Board)",
            Kind.ORGANISATION,
        ),
        (
            "DVA",
            "Manage WorkCover Queensland, DVA, NDIS and Medicare CDM clients",
            Kind.ORGANISATION,
        ),
        (
            "Public Law Outline",
            "Sound knowledge of child protection legislation and the Public Law Outline",
            Kind.KNOWLEDGE,
        ),
        ("Epic", "Experience with Epic and Cerner for patients", None),
        # An acronym in brackets is what the words around it name.
        ("FCAW", "MIG and flux-cored (FCAW) welding in all positions", Kind.PROCEDURE),
        ("EHR", "Document care in the electronic health record (EHR)", None),
        # Real skills stay skills: a requirement said of them, a tool used, a duty's object.
        ("ACLS", "BLS and ACLS required; PCCN preferred", None),
        ("Excel", "Experience working with Excel and Power BI", None),
        ("Opera PMS", "Check guests in and out in Opera PMS", None),
        ("cash drawer", "Balance the cash drawer and run the shift close report", None),
        ("telemetry", "Monitor cardiac telemetry for assigned patients", None),
        ("GAAP", "", None),
        # A name in brackets after a tool's noun, or listed before one, is that tool.
        ("Medtech32", "Enter consultation notes in our PMS (Medtech32)", Kind.TOOL),
        (
            "Radiometer ABL90",
            "Run blood gases on Radiometer ABL90 and Siemens RAPIDPoint analysers",
            Kind.TOOL,
        ),
        (
            "Siemens RAPIDPoint",
            "Run gases on Radiometer ABL90 and Siemens RAPIDPoint analysers",
            Kind.TOOL,
        ),
        ("Medtech", "Use Medtech and report changes to the nurse lead", None),
    ],
)
def test_what_the_postings_sentence_shows_a_term_is(
    name: str, sentence: str, expected: Kind | None
) -> None:
    assert kind_in_sentence(name, sentence) == expected


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("product knowledge", Kind.KNOWLEDGE),
        ("NVQ Level 3", Kind.CERTIFICATION),
        ("every third weekend", Kind.SCHEDULE),
        ("registered nurse", Kind.NOT_A_SKILL),
        ("concierge", None),  # only a guess would say: not sure
        ("sales", None),
    ],
)
def test_a_terms_own_words_say_its_kind_or_nothing(term: str, expected: Kind | None) -> None:
    assert kind_from_cues(term) == expected


def test_a_guessed_term_fills_no_slot_when_sure_ones_are_enough() -> None:
    skills = ["sales", "Cloud", "concierge", "Opera PMS", "night audit", "cash handling", "Xero"]
    index = entity_index(skills=[(name, "tool") for name in skills])
    assert not index.sure("sales") and not index.sure("Cloud")  # "Cloud", cut from a name
    assert index.sure("Opera PMS") and index.sure("Xero") and index.sure("night audit")
    bank = build_bank(BankRequest(skills=skills, entities=index))
    fillers = [q.filler for q in bank if q.source == "technical"]
    assert fillers and not {"sales", "Cloud", "concierge"} & set(fillers)


def test_two_skills_never_get_the_same_template() -> None:
    skills = ["Opera PMS", "Excel", "Kronos", "QuickBooks"]
    index = entity_index(skills=[(name, "tool") for name in skills])
    bank = build_bank(BankRequest(skills=skills, entities=index))
    technical = [q.key.split(":")[0] for q in bank if q.source == "technical"]
    assert len(technical) == len(set(technical)) == len(skills)


@pytest.mark.parametrize(
    ("concern", "expected"),
    [
        ("no chute liner experience", "How would you build up your chute liner experience?"),
        ("no forklift ticket", "How soon could you get a forklift ticket?"),
        ("only used Opera for check-ins", "What would you need to learn to use all of Opera?"),
        ("no Kronos", "How would you get up to speed on Kronos?"),
    ],
)
def test_a_concern_about_a_gap_is_asked_as_a_gap(concern: str, expected: str) -> None:
    assert concern_probes(concern)[0][0] == expected


def test_a_round_one_question_and_a_concern_on_the_same_thing_are_one_question() -> None:
    bank = build_bank(
        BankRequest(
            asked_before=[AskedBefore("Have you ever run a crew?", "comfortable")],
            concerns=["has not run a crew"],
        )
    )
    crew = [q for q in bank if "crew" in q.text]
    assert len(crew) == 1
    assert len(crew[0].reasons) >= 2  # both reasons kept


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("hes into fishing, got a tinny he takes out off Rockingham", "you're into fishing"),
        (
            "going to Disney with his kids in Feb",
            "you're going to Disney with your kids in February",
        ),
        ("coaches his son's team", "you coach your son's team"),
        ("he coaches the under 9 rugby", "you coach the under 9 rugby"),
        ("him and his wife just had a baby", "you and your wife just had a baby"),
        ("Leeds United season ticket", "your Leeds United season ticket"),
    ],
)
def test_a_personal_note_in_the_third_person_is_said_to_them(note: str, expected: str) -> None:
    found = [phrasing.personal(piece) for piece in phrasing.pieces(note)]
    assert found[0] is not None
    assert found[0][1] == expected


@pytest.mark.parametrize(
    ("concern", "expected"),
    [
        # What the interviewer wants is no story the candidate can tell.
        ("wants someone who stays", []),
        ("needs someone on nights", []),
        # The concern is about the candidate: "his numbers" are "your numbers".
        (
            "doesn't know his numbers",
            ["Tell me about the closest you have come to knowing your numbers."],
        ),
    ],
)
def test_a_concern_is_asked_of_the_candidate(concern: str, expected: list[str]) -> None:
    assert [question for question, _ in concern_probes(concern)] == expected


@pytest.mark.parametrize(
    ("skill", "given"),
    [("driving licence", "certification"), ("Full UK driving licence", "certification")],
)
def test_a_condition_of_the_job_fills_no_slot(skill: str, given: str) -> None:
    index = entity_index(skills=[(skill, given)])
    bank = build_bank(BankRequest(skills=[skill], entities=index))
    assert not [q for q in bank if q.source == "technical"]
