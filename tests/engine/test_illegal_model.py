"""The learned illegal-question model beside the protected-ground reader (illegal_model)."""

from __future__ import annotations

import numpy as np
import pytest

from secondround.engine.nlp import embeddings
from secondround.engine.questions import classify, illegal_model, illegal_questions
from secondround.engine.questions.classify import classify_question


def _model_ready() -> bool:
    try:
        embeddings.embed(["ready?"])
    except embeddings.ModelUnavailable:
        return False
    return illegal_model.load_illegal_model() is not None


needs_model = pytest.mark.skipif(not _model_ready(), reason="embedding model not installed")


@pytest.fixture
def fresh_cache():
    classify._classify_cached.cache_clear()
    yield
    classify._classify_cached.cache_clear()


def test_the_shipped_weights_match_their_pinned_digest():
    model = illegal_model.load_illegal_model()
    assert model is not None
    assert {"age", "family", "religion", "national_origin", "disability"} <= set(model.grounds)


@pytest.mark.parametrize(
    "content",
    [b"", b"not a numpy file", b"PK\x03\x04 truncated zip"],
)
def test_a_missing_or_altered_file_is_refused(tmp_path, content):
    path = tmp_path / "illegal_questions.npz"
    path.write_bytes(content)
    assert illegal_model.load_illegal_model(path) is None
    assert illegal_model.load_illegal_model(tmp_path / "absent.npz") is None


# Our own wordings (not from any labelled or test set) that the patterns do not know.
@needs_model
@pytest.mark.parametrize(
    ("question", "ground"),
    [
        ("Where did your grandparents grow up?", "national_origin"),
    ],
)
def test_an_unseen_wording_of_a_ground_is_illegal_with_a_ground(fresh_cache, question, ground):
    assert not illegal_questions.reading(question).illegal  # the patterns miss it
    labels = classify_question(question)
    assert labels.kind == "illegal"
    assert labels.illegal_ground == ground


@needs_model
@pytest.mark.parametrize(
    "question",
    [
        "Are you legally authorised to work in this country?",
        "Are you over 18?",
        "Do you have a driver's licence?",
        "How do you support a student whose family is going through a divorce?",
        "How do you stay healthy on night shifts?",
        "Tell me about a time you worked with a difficult colleague.",
    ],
)
def test_lawful_questions_stay_lawful(fresh_cache, question):
    assert classify_question(question).kind != "illegal"


@needs_model
@pytest.mark.parametrize(
    ("question", "illegal_when_the_model_always_fires"),
    [
        ("Are you legally authorised to work in this country?", False),  # a lawful form
        ("Can you perform the essential functions of this job?", False),  # a lawful form
        ("How do you comfort a patient whose family is far away?", False),  # the people served
        ("What do you enjoy about planning a project?", True),  # nothing stops it
    ],
)
def test_the_model_never_overrules_a_lawful_form_or_a_question_about_others(
    fresh_cache, monkeypatch, question, illegal_when_the_model_always_fires
):
    monkeypatch.setattr(classify, "ILLEGAL_MODEL_THRESHOLD", 0.0)
    assert (classify_question(question).kind == "illegal") is illegal_when_the_model_always_fires


@pytest.mark.parametrize(
    ("question", "about_others"),
    [
        ("How do you comfort a patient whose family is far away?", True),
        ("How do you help a colleague who is struggling?", True),
        ("Where did your family come from?", False),
    ],
)
def test_about_others_names_the_people_the_job_serves(question, about_others):
    assert illegal_questions.about_others(question) is about_others


def test_without_the_model_the_classifier_keeps_working(fresh_cache, monkeypatch):
    monkeypatch.setattr(classify, "load_illegal_model", lambda: None)
    labels = classify_question("Where did your grandparents grow up?")
    assert labels.kind in classify.QUESTION_KINDS


def _toy_data() -> tuple[np.ndarray, np.ndarray, list[str | None], np.ndarray]:
    rng = np.random.default_rng(0)
    dims = embeddings.DIMENSIONS
    illegal_centre, lawful_centre = np.zeros(dims), np.zeros(dims)
    illegal_centre[0], lawful_centre[0] = 1.0, -1.0
    vectors = np.vstack(
        [
            illegal_centre + 0.3 * rng.standard_normal((20, dims)),
            lawful_centre + 0.3 * rng.standard_normal((20, dims)),
            illegal_centre + 0.3 * rng.standard_normal((4, dims)),  # look-alikes near them
        ]
    ).astype(np.float32)
    illegal = np.array([True] * 20 + [False] * 24)
    grounds: list[str | None] = ["age"] * 10 + ["religion"] * 10 + [None] * 24
    lookalike = np.array([False] * 40 + [True] * 4)
    return vectors, illegal, grounds, lookalike


def test_training_names_the_grounds_and_separates_the_classes():
    vectors, illegal, grounds, lookalike = _toy_data()
    model = illegal_model.train_illegal_model(vectors, illegal, grounds, lookalike)
    assert model.grounds == ("age", "religion")
    assert model.weights.shape == (embeddings.DIMENSIONS, 2)
    probs = model.probability(vectors)
    assert probs[:20].mean() > 0.5 > probs[20:40].mean()


@pytest.mark.parametrize(("light", "heavy"), [(1.0, 5.0), (1.0, 20.0)])
def test_weighting_lookalikes_up_lowers_their_probability(monkeypatch, light, heavy):
    vectors, illegal, grounds, lookalike = _toy_data()
    found = []
    for weight in (light, heavy):
        monkeypatch.setattr(illegal_model, "LOOKALIKE_WEIGHT", weight)
        model = illegal_model.train_illegal_model(vectors, illegal, grounds, lookalike)
        found.append(model.probability(vectors[40:]).mean())
    assert found[1] < found[0]
