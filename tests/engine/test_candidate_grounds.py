"""A protected-ground word tied to the candidate by the parse, and the same words tied to
the work. Questions written for these tests, not copied from the labelled sets."""

from __future__ import annotations

import pytest

from secondround.engine.nlp import parsing as nlp
from secondround.engine.questions.candidate_grounds import candidate_ground

pytestmark = pytest.mark.skipif(not nlp.available(), reason="the English parse is not installed")

# (question, ground): the word is the candidate's own.
OWN_CASES = [
    ("What line of work is your husband in?", "family"),  # possessed by "your"
    ("Does your girlfriend mind the night shifts?", "family"),
    ("What is your immigration status?", "citizenship"),  # a qualified word
    ("Is your marital status likely to change soon?", "family"),
    ("Are you Catholic?", "religion"),  # what the candidate is
    ("When did you become a parent?", "family"),
    ("Are you planning to raise a family here?", "family"),
    ("Do you have any daughters?", "family"),  # what the candidate has
    ("Are you expecting a baby this year?", "pregnancy"),
    ("Have you got any debts?", "finances"),
    ("Are you on any prescription medication?", "disability"),  # "on" after "are you"
    ("When are you hoping to retire?", "age"),  # a ground verb, the candidate its subject
    ("Were you ever hospitalised as an adult?", "disability"),
]


@pytest.mark.parametrize(("question", "ground"), OWN_CASES)
def test_ground_said_of_the_candidate(question: str, ground: str) -> None:
    assert candidate_ground(question) == ground


# The same words, tied to the work or to someone else.
WORK_CASES = [
    "Do you enjoy working with young children?",  # a preposition between
    "How do you support parents who disagree with a care plan?",
    "Do you have a child protection certificate?",  # the word modifies another noun
    "Do you have children in your class who need extra support?",  # the job's children
    "Tell me about your experience teaching children to read.",
    "What compensation do you expect for this role?",
    "How would you retire an old server without downtime?",  # a verb with an object
    "Do you have faith in your own judgement under pressure?",  # faith: only as "your faith"
    "What age group have you taught before?",
    "How would you help a family whose baby was born early?",
    "What is your experience with patients who have an illness like dementia?",
]


@pytest.mark.parametrize("question", WORK_CASES)
def test_ground_words_about_the_work(question: str) -> None:
    assert candidate_ground(question) is None


@pytest.mark.parametrize("text", ["", "   ", "\x00\x01", "a" * 20000, "¿Tiene usted hijos?"])
def test_bad_input(text: str) -> None:
    assert candidate_ground(text) is None
