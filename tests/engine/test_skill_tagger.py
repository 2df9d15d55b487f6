"""The skill tagger (network stacked under a CRF): shipped models, spans, robustness."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pytest

from secondround.engine.reading import skill_tagger


def test_model_files_match_their_digests() -> None:
    for path, digest in (
        (skill_tagger.MODEL_PATH, skill_tagger.MODEL_SHA256),
        (skill_tagger.NETWORK_PATH, skill_tagger.NETWORK_SHA256),
    ):
        data = path.read_bytes()
        assert hashlib.sha256(data).hexdigest() == digest
        assert len(data) < 5_000_000
    assert skill_tagger.model_digest_ok()
    assert skill_tagger.available()


def test_a_tampered_network_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy = tmp_path / "network.npz"
    copy.write_bytes(skill_tagger.NETWORK_PATH.read_bytes() + b"\0")
    monkeypatch.setattr(skill_tagger, "NETWORK_PATH", copy)
    assert not skill_tagger.model_digest_ok()


def test_network_input_puts_each_token_beside_its_neighbours() -> None:
    states = np.arange(6, dtype=np.float32).reshape(3, 2)
    joined = skill_tagger.network_input(states)
    assert joined.shape == (3, 6)
    assert joined[0].tolist() == [0, 0, 0, 1, 2, 3]
    assert joined[2].tolist() == [2, 3, 4, 5, 0, 0]
    assert skill_tagger.network_input(np.zeros((0, 2), np.float32)).shape == (0, 6)


def test_chances_are_probabilities_and_change_with_context() -> None:
    texts = ["Experience with Python is required.", "Python snakes live in the zoo."]
    tokens = [skill_tagger.tokenize(text) for text in texts]
    first, second = skill_tagger.network_chances(texts, tokens)
    assert first.shape == (len(tokens[0]), 3)
    assert np.allclose(first.sum(axis=1), 1.0, atol=1e-5)
    # "Python" is the same word in both sentences; its vector, hence its chances, differ.
    assert not np.allclose(first[2], second[0])
    assert first[2, 1] > first[2, 0]  # in a requirement, "Python" most likely begins a skill


def test_prepared_and_unprepared_sentences_are_tagged_alike() -> None:
    sentences = [
        "You will manage stakeholder expectations and write SQL reports.",
        "Fluency in Spanish and a driving licence are required.",
    ]
    alone = [skill_tagger.tag_spans(sentence) for sentence in sentences]
    skill_tagger.prepare(sentences)
    assert [skill_tagger.tag_spans(sentence) for sentence in sentences] == alone


def _texts(sentence: str) -> list[str]:
    return [sentence[start:end] for start, end in skill_tagger.tag_spans(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Experience with SQL and Power BI required.", ["SQL", "Power BI"]),
        ("Knowledge of Java or Kotlin is a plus.", ["Java", "Kotlin"]),
        ("Strong communication skills.", ["communication skills"]),
    ],
)
def test_obvious_skills(sentence: str, expected: list[str]) -> None:
    found = _texts(sentence)
    for name in expected:
        assert name in found, found


@pytest.mark.parametrize(
    "sentence",
    [
        "Experience with SQL and Power BI required.",
        "  - Build REST APIs in Python (Django/Flask) & deploy on AWS; C++ or C# a plus!  ",
        "Ünïcödé wörds, emoji 🚀 and tabs\tand\nnewlines: Node.js, CI/CD, e.g. k8s.",
    ],
)
def test_spans_are_inside_the_text_ordered_and_disjoint(sentence: str) -> None:
    spans = skill_tagger.tag_spans(sentence)
    previous_end = 0
    for start, end in spans:
        assert 0 <= previous_end <= start < end <= len(sentence)
        assert sentence[start:end].strip() == sentence[start:end]
        previous_end = end


@pytest.mark.parametrize(
    "text",
    ["", "   ", "\n\t", ".", "!!! ??? ...", "\x00\x01\x02", "☃" * 50, "a" * 20_000, "x " * 5000],
)
def test_empty_and_garbage_input(text: str) -> None:
    spans = skill_tagger.tag_spans(text)
    for start, end in spans:
        assert 0 <= start < end <= len(text)


def test_tokenize_splits_punctuation_off_words() -> None:
    sentence = "Use SQL, Node.js and C++ (daily)."
    words = [sentence[s:e] for s, e in skill_tagger.tokenize(sentence)]
    assert words == ["Use", "SQL", ",", "Node.js", "and", "C++", "(", "daily", ")", "."]


def test_deterministic() -> None:
    sentence = "Hands-on experience with Kubernetes, Terraform and stakeholder management."
    assert skill_tagger.tag_spans(sentence) == skill_tagger.tag_spans(sentence)
