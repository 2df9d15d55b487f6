"""Issue 15, bad input: every drafter writes grammatical text or a marked gap, never an
exception or a broken sentence, whatever the notes look like.

Each drafter gets the same bad notes in every field it reads; its output is then read by
the prose check (secondround/engine/nlp/prose_check.py), the same check `make eval` runs.
"""

from __future__ import annotations

from datetime import date

import pytest

from secondround.engine.drafting.answers import Fact, build_learned_answer, build_proceed_answer
from secondround.engine.drafting.ask import AskPerson, questions_to_ask
from secondround.engine.drafting.letters import (
    LetterContext,
    PersonNotes,
    StoryBrief,
    draft_letters,
    follow_up_email,
)
from secondround.engine.nlp import phrasing
from secondround.engine.nlp.prose_check import check_greeting, check_text, known_data
from secondround.engine.questions.question_bank import BankRequest, build_bank
from tests.engine.stage_inputs import plan_from_posting

BAD_NOTES = {
    "one word": "counter",
    "all caps": "FLOOR SET FOR HOLIDAY!!!",
    "pasted e-mail": (
        "From: Kelly Tran <kelly@example.org>\nSent: Monday\nSubject: RE: Planner II\n"
        "Please complete the attached forms before Friday."
    ),
    "emoji": "👍🎉",
    "another language": "on a parlé de la rétention du personnel",
    "only pronouns": "she",
    "pronoun fragments": "they did it",
    "punctuation": "?? -- !!",
    "empty": "   ",
    "numbers": "93%",
    "huge": "word " * 3000,
    "control characters": "\x00\x07 shift \x1b report",
}
CASES = pytest.mark.parametrize("note", list(BAD_NOTES.values()), ids=list(BAD_NOTES))

CONTEXT = LetterContext(
    candidate_name="Maria Santos",
    company="St. Brigid Medical Center",
    role="Registered Nurse",
    round_label="Second interview",
    interview_date=date(2026, 11, 24),
)


def _known(note: str) -> object:
    return known_data(
        [
            note,
            CONTEXT.company,
            CONTEXT.role,
            CONTEXT.candidate_name,
            "Karen Whitaker",
            "2026-11-24",
        ],
        names=["St. Brigid Medical Center", "Karen Whitaker", "Registered Nurse"],
    )


def _assert_prose(text: str, note: str, *, needs_verb: bool = True) -> None:
    known = _known(note)
    failing = [r for r in check_text(text, known, needs_verb=needs_verb) if not r.ok]  # type: ignore[arg-type]
    assert not failing, [(r.text, r.problems) for r in failing]


def _letter_body(text: str) -> str:
    return "\n\n".join(text.split("\n\n")[1:-1])


@CASES
@pytest.mark.parametrize("pile", ["discussed", "cares_about", "worries", "personal"])
def test_letters(note: str, pile: str) -> None:
    fields = {"discussed": (), "cares_about": (), "worries": (), "personal": ()}
    fields[pile] = (note,)
    person = PersonNotes("k", "Karen Whitaker", "Nurse Manager", "hiring_manager", **fields)
    story = StoryBrief("s", note[:80] or "x", note[:80], (), note[:80], note, note, "")
    [letter] = draft_letters(CONTEXT, [person], [story])
    assert not check_greeting(letter.body.split("\n\n")[0])
    _assert_prose(_letter_body(letter.body), note)
    _assert_prose(_letter_body(letter.card), note)
    _assert_prose(letter.subject, note, needs_verb=False)


@CASES
def test_follow_up(note: str) -> None:
    _, body = follow_up_email(
        CONTEXT, contact_name=note[:200], decision_date=None, today=date(2026, 12, 7)
    )
    assert not check_greeting(body.split("\n\n")[0])
    _assert_prose(_letter_body(body), note)


@CASES
@pytest.mark.parametrize("build", [build_learned_answer, build_proceed_answer])
def test_answers(note: str, build: object) -> None:
    kinds = ("industry", "product", "launch", "press", "value", "social", "takeaway")
    kinds += ("challenge", "term", "concern", "responsibility", "competitor")
    facts = [Fact(f"{kind}:1", kind, note, kind) for kind in kinds]
    answer = build(company=CONTEXT.company, role=CONTEXT.role, facts=facts)  # type: ignore[operator]
    _assert_prose(answer.text, note)


@CASES
def test_plan(note: str) -> None:
    plan = plan_from_posting(
        role=CONTEXT.role,
        company=CONTEXT.company,
        posting=f"Responsibilities\n- {note}\n",
        challenges=[note],
        terms=[note[:100]],
        people=["Karen Whitaker"],
    )
    for phase in plan.phases:
        for goal in phase.goals:
            assert "…" not in goal.text
            if note.strip() and note.strip() in goal.text:
                continue  # the user's own term, listed as they wrote it
            _assert_prose(goal.text, note)


@CASES
def test_questions_to_ask(note: str) -> None:
    people = [AskPerson("k", "Karen Whitaker", "hiring_manager", 0)]
    for question in questions_to_ask(people, terms=[note], seed="x")["k"]:
        assert "{" not in question.text
        _assert_prose(question.text, note)


@CASES
def test_question_bank(note: str) -> None:
    bank = build_bank(BankRequest(skills=(note,), concerns=(note,), duties=(note,)))
    for question in bank:
        if question.source in {"technical", "concern"}:
            assert "{" not in question.text
            _assert_prose(question.text, note)


@CASES
def test_phrasing_never_raises(note: str) -> None:
    for piece in phrasing.pieces(note):
        phrasing.topic(piece)
        phrasing.clause(piece)
        phrasing.personal(piece)
        phrasing.verb_phrase(piece)
        phrasing.subject_noun(piece)
    phrasing.concern(note)
    phrasing.duty_phrase(note)
