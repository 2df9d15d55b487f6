"""Interview questions filed under one competency and one question kind."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from secondround.engine import classify as classify_module
from secondround.engine.classify import (
    Classification,
    QuestionLibrary,
    classify_question,
    competency_scores,
    load_library,
    normalise,
    question_kind,
    set_library,
    stem,
    tokens,
)
from secondround.engine.vocabulary import COMPETENCIES, QUESTION_KINDS


@pytest.fixture
def empty_library() -> Iterator[None]:
    """Run against the lexicon alone, whatever the question library holds today."""
    old = set_library(QuestionLibrary([]))
    yield
    set_library(old)


# (question, competency) — written for these tests across occupations, not from the eval set.
COMPETENCY_CASES = [
    ("Tell me about a time you clashed with a charge nurse over a patient handover.", "conflict"),
    ("Describe a disagreement you had with another teacher about grading.", "conflict"),
    ("Tell me about a time you led a team through a difficult store refit.", "leadership"),
    ("Give me an example of when you convinced a reluctant client to renew.", "influence"),
    ("How did you get buy-in from the finance director for your proposal?", "influence"),
    ("Describe a presentation you gave to a large audience.", "communication"),
    ("Tell me about the hardest fault you had to troubleshoot on a site.", "problem_solving"),
    ("Walk me through how you found the root cause of a recurring defect.", "problem_solving"),
    ("Tell me about a tough call you had to make with incomplete information.", "decision_making"),
    ("Describe a time your ward was reorganised and you had to adapt.", "adaptability"),
    ("Tell me about a time you worked on a project with a lot of ambiguity.", "adaptability"),
    ("How do you keep up with new regulations in accounting?", "learning"),
    ("Tell me about the biggest mistake you made as a line cook.", "failure"),
    ("Describe a time you failed to close an important sale.", "failure"),
    ("Tell me about a time you had to stay calm under pressure in the emergency room.", "pressure"),
    ("How do you juggle competing priorities during month-end close?", "prioritization"),
    (
        "Tell me about a time you took the initiative to fix a process nobody asked you to.",
        "initiative",
    ),
    ("Give an example of when you went above and beyond for a guest.", "initiative"),
    ("Describe a time you took responsibility for a delivery that was slipping.", "ownership"),
    ("Tell me about a time you were asked to do something unethical.", "integrity"),
    ("How have you handled confidential information in your previous role?", "integrity"),
    ("Tell me about a time you dealt with an angry customer at the counter.", "customer_focus"),
    (
        "Describe a situation where a patient's family complained about their care.",
        "customer_focus",
    ),
    ("Tell me about a time your attention to detail caught a costly error.", "attention_to_detail"),
    ("Describe a creative idea you introduced in your classroom.", "creativity"),
    ("What is your proudest achievement against a sales target?", "results"),
    ("Tell me about a time you mentored a junior electrician.", "mentoring"),
    ("Describe how you coached an apprentice who was struggling.", "mentoring"),
    ("What management style brings out the best in you?", "managing_up"),
    (
        "Tell me about a time you worked with another department to launch a service.",
        "cross_functional",
    ),
    ("Which tools and technology stack do you use day to day?", "technical_depth"),
    ("Why do you want to work for our hospital?", "motivation"),
    ("Where do you see yourself in five years?", "motivation"),
    ("What kind of work environment suits you best?", "culture_fit"),
    ("What is your greatest weakness?", "self_awareness"),
    ("How would your colleagues describe you?", "self_awareness"),
    ("Tell me about a time you were a great team player on a busy shift.", "teamwork"),
    ("What are your salary expectations?", "motivation"),
]

# (question, kind)
KIND_CASES = [
    ("Tell me about a time you missed a deadline.", "behavioral"),
    ("Describe a situation in which you had to calm an upset parent.", "behavioral"),
    ("Give me an example of a goal you exceeded.", "behavioral"),
    ("Walk me through a time you changed a supplier.", "behavioral"),
    ("What would you do if a colleague took credit for your work?", "situational"),
    ("How would you handle a patient who refuses medication?", "situational"),
    ("Imagine two of your reports stop talking to each other. What next?", "situational"),
    ("What have you learned about us so far?", "second_round"),
    ("How would you proceed if hired?", "second_round"),
    ("What would you focus on in your first 90 days?", "second_round"),
    ("Why do you want to work for this company?", "motivation"),
    ("Why are you leaving your current job?", "motivation"),
    ("What is your greatest weakness?", "self_assessment"),
    ("Tell me about yourself.", "self_assessment"),
    ("How would your manager describe you?", "self_assessment"),
    ("What are your salary expectations?", "salary"),
    ("How much do you currently earn?", "salary"),
    ("Do you have any questions for us?", "closing"),
    ("How old are you?", "illegal"),
    ("Are you married?", "illegal"),
    ("Do you plan to have children?", "illegal"),
    ("What religion do you practise?", "illegal"),
    ("Are you pregnant?", "illegal"),
    ("What is your nationality?", "illegal"),
    ("If you were an animal, which one would you be?", "curveball"),
    ("How many golf balls fit in a school bus?", "curveball"),
    ("How would you design a schema for a booking system?", "technical"),
    ("What is the difference between a debit and a credit?", "technical"),
]


@pytest.mark.usefixtures("empty_library")
@pytest.mark.parametrize(("question", "competency"), COMPETENCY_CASES)
def test_competency(question: str, competency: str) -> None:
    result = classify_question(question)
    assert result.competency == competency, result


@pytest.mark.usefixtures("empty_library")
@pytest.mark.parametrize(("question", "kind"), KIND_CASES)
def test_kind(question: str, kind: str) -> None:
    assert classify_question(question).kind == kind


def test_cases_cover_vocabulary() -> None:
    assert {c for _, c in COMPETENCY_CASES} == set(COMPETENCIES)
    assert {k for _, k in KIND_CASES} == set(QUESTION_KINDS)
    assert len(COMPETENCY_CASES) + len(KIND_CASES) >= 40


def _valid(result: Classification) -> None:
    assert result.competency in COMPETENCIES
    assert result.kind in QUESTION_KINDS
    assert 0.0 <= result.confidence <= 1.0
    assert len(result.competency_scores) <= 5
    values = [s for _, s in result.competency_scores]
    assert values == sorted(values, reverse=True)
    assert all(c in COMPETENCIES for c, _ in result.competency_scores)


def test_result_shape_and_winner_first() -> None:
    result = classify_question("Tell me about a conflict with a coworker and how you resolved it.")
    _valid(result)
    assert result.competency_scores[0][0] == result.competency
    assert result.confidence > 0.3


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "?",
        "asdf qwer zxcv",
        "1234 5678",
        "!!!???",
        "\u00e9\u00e8\u00e0 \u4e2d\u6587",
        "a" * 5000,
        "<script>alert(1)</script>",
        "tell me",
    ],
)
def test_empty_and_garbage_never_raise(text: str) -> None:
    _valid(classify_question(text))


def test_garbage_has_zero_confidence(empty_library: None) -> None:
    result = classify_question("asdf qwer zxcv")
    assert result.confidence == 0.0
    assert result.competency_scores == ()
    assert competency_scores("asdf qwer zxcv") == {}
    assert competency_scores("") == {}


def test_deterministic() -> None:
    questions = [q for q, _ in COMPETENCY_CASES] + [q for q, _ in KIND_CASES]
    first = [classify_question(q) for q in questions]
    second = [classify_question(q) for q in reversed(questions)]
    assert first == list(reversed(second))


def test_competency_scores_for_a_story(empty_library: None) -> None:
    story = (
        "Our biggest client threatened to leave after a failed delivery. I owned the mistake, "
        "called the customer the same day, and worked with the warehouse and finance teams "
        "to ship replacements within 48 hours. We kept the account and renewed for two years."
    )
    scores = competency_scores(story)
    assert scores
    assert set(scores) <= set(COMPETENCIES)
    assert "customer_focus" in list(scores)[:3]
    assert abs(sum(scores.values()) - 1.0) < 0.01
    values = list(scores.values())
    assert values == sorted(values, reverse=True)


def test_stemming_and_normalising() -> None:
    assert stem("conflicts") == stem("conflict")
    assert stem("prioritizing") == stem("prioritized") == stem("prioritize")
    assert stem("studies") == stem("studied") == "study"
    assert stem("planned") == stem("planning") == "plan"
    assert stem("process") == "process"
    assert stem("something") == "something"
    assert normalise("Don\u2019t  Co-Worker") == "dont co worker"
    assert tokens("Handling DEADLINES") == ["handl", "deadlin"]


def test_question_kind_none_when_no_rule() -> None:
    assert question_kind("") is None
    assert question_kind("banana") is None


def test_library_neighbours_vote(tmp_path: Path) -> None:
    (tmp_path / "integrity.json").write_text(
        json.dumps(
            {
                "questions": [
                    {
                        "id": "integrity-01",
                        "text": "Tell me about a time you noticed a colleague padding expenses.",
                        "competency": "integrity",
                        "kind": "behavioral",
                    },
                    {"id": "bad-01", "text": "missing competency"},
                    {"id": "bad-02", "text": "x", "competency": "not_an_id", "kind": "odd"},
                ]
            }
        ),
        encoding="utf-8",
    )
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "list.json").write_text("[1, 2]", encoding="utf-8")
    library = load_library(tmp_path)
    assert len(library) == 1
    old = set_library(library)
    try:
        result = classify_question("A colleague was padding expenses: what did you do?")
        assert result.competency == "integrity"
    finally:
        set_library(old)


def test_missing_library_folder(tmp_path: Path) -> None:
    assert len(load_library(tmp_path / "absent")) == 0


def test_real_library_loads_whatever_exists() -> None:
    # The folder may hold no JSON yet; loading must simply work.
    library = load_library(classify_module.QUESTIONS_DIR)
    assert len(library) >= 0
    _valid(classify_question("Tell me about a time you disagreed with your manager."))
