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


# (question, ground): the candidate set against a group, or a ground word placed in their life.
GROUP_CASES = [
    ("Would you mind reporting to a supervisor younger than you?", "age"),  # "than you"
    ("How do you get on with younger coworkers?", "age"),  # the candidate is the older one
    ("We normally hire men for the night shift, so why should we take you?", "sex"),
    ("How would you feel reporting to a woman?", "sex"),
    ("Is this really women's work, do you think?", "sex"),
    ("Most of us here are Catholics. Are you?", "religion"),  # a group someone is said to be
    ("Will you stop working after marriage?", "family"),  # an event of the candidate's life
    ("Could you keep these hours after marriage or after having kids?", "family"),
    ("What do your in-laws think of the night shifts?", "family"),  # "in-laws", split in two
    ("Is your tribal background important to you?", "national_origin"),
    ("What is your skin color?", "national_origin"),  # a qualified word
    ("What is your eye color?", "appearance"),
    ("How would you juggle family and shifts?", "family"),  # what the candidate balances
    ("Do you often miss work for medical appointments?", "disability"),  # an absence for it
]


@pytest.mark.parametrize(("question", "ground"), GROUP_CASES)
def test_ground_of_a_group_or_a_life_event(question: str, ground: str) -> None:
    assert candidate_ground(question) == ground


# Groups and life events that belong to the work or to a scenario.
GROUP_WORK_CASES = [
    "What would you do if a masked man walked into the branch?",  # a described person
    "If you were a delivery man, what would you carry?",
    "Tell me about a time you learned a system from older colleagues.",
    "How do you support younger pupils with their reading?",
    "How did you help patients after their surgery?",
    "How did you keep a client calm during her pregnancy?",
    "What did you do after school?",
    "How do you balance work and study?",
    "How do you schedule doctor appointments for residents?",
    "What colour should the warning label be?",
    "Do you take breaks for lunch?",
    "How would you make female patients feel comfortable?",
    "Do you attend staff meetings regularly?",
]


@pytest.mark.parametrize("question", GROUP_WORK_CASES)
def test_groups_and_events_of_the_work(question: str) -> None:
    assert candidate_ground(question) is None
