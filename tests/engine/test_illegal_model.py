"""The learned illegal-question model beside the protected-ground reader.

The questions are written for these tests in the indirect wording candidates report ("who
picks up your kids?"), not copied from the labelled sets the model was trained on."""

from __future__ import annotations

from pathlib import Path

import pytest

from secondround.engine import classify as classify_module
from secondround.engine import illegal_model
from secondround.engine.classify import classify_question
from secondround.engine.illegal_questions import GROUNDS

# Indirect illegal questions: (question, the ground the answer should name).
INDIRECT_ILLEGAL = [
    ("Who picks up your kids from school?", "family"),
    ("Is your wife okay with you working nights?", "family"),
    ("Would your boyfriend mind if you moved cities for us?", "family"),
    ("Which country are your parents from?", "national_origin"),
    ("Do you observe any religious holidays?", "religion"),
    ("Any health problems we should know about?", "disability"),
    ("What year did you finish secondary school?", "age"),
    ("Are you planning to have a baby soon?", "pregnancy"),
]


@pytest.mark.parametrize(("question", "ground"), INDIRECT_ILLEGAL)
def test_indirect_illegal_questions_are_recognised(question: str, ground: str) -> None:
    result = classify_question(question)
    assert result.kind == "illegal", result
    assert result.illegal_ground == ground
    assert result.illegal_ground in GROUNDS


# Lawful questions and questions about the work that share the grounds' words.
NOT_ILLEGAL = [
    "Can you work weekends?",
    "Are you legally allowed to work in Ireland?",
    "How would you comfort a child who misses their parents at nursery?",
    "Tell me about a time you supported a patient's family through bad news.",
    "How do you keep up with changes in the electrical code?",
    "What would you do if a guest complained that their room was not clean?",
    "How do you help elderly residents keep their independence?",
    "Why should we hire you?",
]


@pytest.mark.parametrize("question", NOT_ILLEGAL)
def test_lawful_and_work_questions_are_not_illegal(question: str) -> None:
    assert classify_question(question).kind != "illegal"


@pytest.mark.parametrize(
    ("question", "ground"),
    [
        ("Does your husband mind the travel?", "family"),
        ("Which church does your family go to?", "religion"),
        ("Is that an Irish accent?", "national_origin"),
        ("How tall are you?", "private_life"),
        ("Tell me about a project you led.", None),
    ],
)
def test_likely_ground_names_the_topic(question: str, ground: str | None) -> None:
    expected = {"private_life": "lifestyle"}.get(ground or "", ground)
    assert illegal_model.likely_ground(question) == expected


def test_shipped_illegal_model_loads() -> None:
    model = illegal_model.load_illegal_model()
    assert model is not None
    assert 0.0 < model.threshold < 1.0


def test_an_altered_illegal_model_is_refused(tmp_path: Path) -> None:
    model = illegal_model.load_illegal_model()
    assert model is not None
    path = tmp_path / "illegal_questions.npz"
    digest = illegal_model.save_illegal_model(model, path)
    assert illegal_model.load_illegal_model(path, digest) is not None
    altered = tmp_path / "altered.npz"
    altered.write_bytes(path.read_bytes() + b"\0")
    assert illegal_model.load_illegal_model(altered, digest) is None


def test_without_the_model_the_reader_decides(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(illegal_model, "load_illegal_model", lambda: None)
    classify_module._classify_cached.cache_clear()
    try:
        assert classify_question("Are you married?").kind == "illegal"
        assert classify_question("Are you legally allowed to work in Ireland?").kind != "illegal"
    finally:
        classify_module._classify_cached.cache_clear()


@pytest.mark.parametrize("text", ["", "   ", "\x00\x01", "a" * 20000, "¿Cuántos años tiene?"])
def test_bad_input_gives_features_never_raises(text: str) -> None:
    import numpy as np

    features = illegal_model.illegal_features(
        np.zeros((1, illegal_model.embeddings.DIMENSIONS), dtype=np.float32), [text]
    )
    assert features.shape == (1, illegal_model.FEATURE_COUNT)
    assert classify_question(text).kind in {k for k in classify_module.QUESTION_KINDS}
