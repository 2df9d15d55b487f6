"""The CRF skill tagger: shipped model, spans, robustness."""

from __future__ import annotations

import hashlib

import pytest

from secondround.engine import skill_tagger


def test_model_file_matches_its_digest() -> None:
    data = skill_tagger.MODEL_PATH.read_bytes()
    assert hashlib.sha256(data).hexdigest() == skill_tagger.MODEL_SHA256
    assert len(data) < 5_000_000
    assert skill_tagger.model_digest_ok()
    assert skill_tagger.available()


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
