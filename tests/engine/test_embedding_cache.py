"""The shipped embedding cache, the embeddings module, and the lexicon-only fallback."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np
import pytest

from secondround.engine.nlp import embeddings, learning
from secondround.engine.nlp.embeddings import ModelUnavailable, Vectors
from secondround.engine.questions import classify


def test_shipped_embedding_cache_is_fresh() -> None:
    """Fails when the library or prototypes changed: rerun scripts/embed_library.py."""
    library = classify.load_library()
    texts = [item.text for item in library.items]
    prototypes = [sentence for _, sentence in classify._load_prototypes()]
    assert classify.EMBEDDINGS_PATH.exists(), "run scripts/embed_library.py"
    with np.load(classify.EMBEDDINGS_PATH, allow_pickle=False) as data:
        stale = "is stale: run .venv/bin/python scripts/embed_library.py"
        assert str(data["sha256"]) == classify.texts_sha256(texts), f"question vectors {stale}"
        assert list(data["ids"]) == [item.id for item in library.items], f"ids {stale}"
        assert str(data["prototype_sha256"]) == classify.texts_sha256(prototypes), stale
        assert str(data["model_sha256"]) == embeddings.MODEL_SHA256, stale
        assert data["vectors"].dtype == np.float16
        assert data["vectors"].shape == (len(texts), embeddings.DIMENSIONS)
        assert data["prototype_vectors"].shape == (len(prototypes), embeddings.DIMENSIONS)


def test_shipped_cache_matches_the_model() -> None:
    library = classify.load_library()
    sample = [item.text for item in library.items[:5]]
    fresh = embeddings.embed([classify.embedding_text(t) for t in sample])
    with np.load(classify.EMBEDDINGS_PATH, allow_pickle=False) as data:
        shipped = np.asarray(data["vectors"][:5], dtype=np.float32)
    assert np.allclose(fresh, shipped, atol=2e-3)


def test_embeddings_are_unit_vectors() -> None:
    vectors = embeddings.embed(["Tell me about yourself.", "", "a" * 3000])
    assert vectors.shape == (3, embeddings.DIMENSIONS)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert embeddings.embed([]).shape == (0, embeddings.DIMENSIONS)


def test_paraphrase_is_closer_than_unrelated() -> None:
    a, b, c = embeddings.embed(
        [
            "Tell me about a time you disagreed with a coworker.",
            "Describe a conflict you had with a colleague.",
            "What are your salary expectations for this role?",
        ]
    )
    assert float(a @ b) > float(a @ c) + 0.2


@pytest.fixture
def no_model(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The model fails to load (e.g. tampered weights)."""

    def broken(texts: Sequence[str]) -> Vectors:
        raise ModelUnavailable("weights do not match their pinned SHA-256")

    monkeypatch.setattr(embeddings, "embed", broken)
    monkeypatch.setattr(classify, "_model_error", None)  # restored after the test
    monkeypatch.setattr(classify, "_prototype_vectors", None)
    monkeypatch.setattr(classify, "_cached_softmax", lambda path, library: None)
    fresh = classify.load_library()  # no vectors yet: the fallback must not need them
    old = classify.set_library(fresh)
    yield
    classify.set_library(old)


def test_model_unavailable_falls_back_to_lexicon(no_model: None) -> None:
    result = classify.classify_question("Tell me about a conflict with a coworker.")
    assert result.competency == "conflict"
    assert result.kind == "behavioral"
    assert classify._model_error is not None
    assert classify.competency_scores("I resolved a disagreement between two nurses.")
    # The lexicon-only path equals lexicon plus the word-overlap neighbours.
    text = "Describe a time you missed a deadline."
    scores, _ = classify._raw_scores(text)
    assert "failure" in scores or "pressure" in scores


def test_classify_question_is_cached() -> None:
    classify._classify_cached.cache_clear()
    first = classify.classify_question("Tell me about a time you led a team.")
    second = classify.classify_question("Tell me about a time you led a team.")
    assert first is second
    assert classify._classify_cached.cache_info().hits >= 1
    old = classify.set_library(classify.QuestionLibrary([]))  # clears the cache
    try:
        assert classify._classify_cached.cache_info().currsize == 0
    finally:
        classify.set_library(old)


def test_shipped_softmax_is_fresh_and_reproducible() -> None:
    """The shipped W, b match the library, prototypes and settings, and retraining them
    from the shipped vectors gives the same probabilities."""
    library = classify.load_library()
    shipped = classify._cached_softmax(classify.EMBEDDINGS_PATH, library)
    assert shipped is not None, "softmax weights are stale: run scripts/embed_library.py"
    weights, bias = shipped
    assert weights.shape == (embeddings.DIMENSIONS, len(classify.COMPETENCIES))
    with np.load(classify.EMBEDDINGS_PATH, allow_pickle=False) as data:
        vectors = np.asarray(data["vectors"], dtype=np.float32)
        protos = np.asarray(data["prototype_vectors"], dtype=np.float32)
    (w2, b2), _ = classify._softmax_training(library, vectors, protos)
    assert np.allclose(vectors @ weights + bias, vectors @ w2 + b2, atol=1e-3)
    probs = classify.softmax_probabilities("Tell me about a disagreement with a coworker.")
    assert abs(sum(probs.values()) - 1.0) < 1e-6
    assert max(probs, key=lambda c: probs[c]) == "conflict"


def test_train_softmax_separates_classes() -> None:
    rng = np.random.default_rng(0)
    x = np.vstack([rng.normal(0, 1, (20, 4)) + 3, rng.normal(0, 1, (20, 4)) - 3]).astype(np.float32)
    y = np.array([0] * 20 + [1] * 20, dtype=np.int64)
    w, b = learning.train_softmax(x, y, np.ones(40), 2)
    assert ((x @ w + b).argmax(axis=1) == y).all()
