"""The notes item sorter: cue rules, the shipped weights and their pin, the second opinion."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from secondround.engine.reading import note_sorter
from secondround.engine.reading.note_sorter import (
    MODEL_PATH,
    ModelSorter,
    Piece,
    RuleSorter,
    load_sorter,
    piece_features,
    rule_field,
    train_sorter,
)


@pytest.mark.parametrize(
    ("piece", "field"),
    [
        (Piece("Q: why nursing"), "questions"),
        (Piece("forgot to mention my ACLS"), "misses"),
        (Piece("shd have said I did ServSafe"), "misses"),
        (Piece("He makes worry about my German"), "concerns"),
        (Piece("Rob asked about nights twice"), "concerns"),
        (Piece("Team leader like very much that I make home visits"), "positives"),
        (Piece("she asked which area of law I'm most interested in"), "questions"),
        (Piece("how do you handle a picker who keeps missing rate?"), "questions"),
        (Piece("fuse vs breaker", graded_next=True), "questions"),
        (Piece("how do you handle a vendor objection", mark="?"), "questions"),
        (Piece("2nd intvwr asked if I'm ok w/ 4x10 nights", mark="?"), "concerns"),
        (Piece("L6 liked the UPH story", mark="+"), "positives"),
        (Piece("quick notes before I forget"), "other"),
        (Piece("lunch was at the canteen"), "other"),
        (Piece("forgot key steps", after_question=True), "other"),
        # The next thing asked, told as a topic after "then"; not a time ("about 10 min").
        (Piece("then about infection control", prose=True), "questions"),
        (Piece("next, about budgeting"), "questions"),
        (Piece("then about 10 minutes in we stopped"), "other"),
        (Piece("about infection control", position=1), "other"),
    ],
)
def test_rule_field(piece: Piece, field: str) -> None:
    assert rule_field(piece)[0] == field


def test_the_shipped_sorter_loads_and_its_pin_is_checked(tmp_path: Path) -> None:
    assert load_sorter() is not None
    altered = tmp_path / "note_sorter.npz"
    shutil.copy(MODEL_PATH, altered)
    with altered.open("ab") as stream:
        stream.write(b"\0")
    assert load_sorter(altered) is None  # the digest no longer matches
    assert load_sorter(tmp_path / "missing.npz") is None


def test_a_sure_rule_is_not_second_guessed() -> None:
    # A model that would say "other" for everything.
    dims = len(piece_features(Piece("x"))) + 384
    weights = np.zeros((dims, 5), dtype=np.float32)
    bias = np.array([0, 0, 0, 0, 9], dtype=np.float32)
    sorter = ModelSorter(weights, bias)
    sorter._vectors = {text: np.zeros(384, dtype=np.float32) for text in ("a", "forgot my cert")}
    assert sorter.sort(Piece("forgot my cert")) == rule_field(Piece("forgot my cert"))
    field, confidence = sorter.sort(Piece("a"))  # weak: no cue at all
    assert confidence < note_sorter.SURE or field == "other"


def test_training_learns_a_separable_toy_set() -> None:
    rng = np.random.default_rng(0)
    pieces = [Piece(f"clause {i}") for i in range(40)]
    labels = ["misses" if i % 2 else "positives" for i in range(40)]
    vectors = rng.normal(size=(40, 384)).astype(np.float32)
    vectors[:, 0] = [3.0 if label == "misses" else -3.0 for label in labels]
    sorter = train_sorter(vectors, pieces, labels)
    probs = sorter.probabilities(vectors, pieces)
    assert (
        probs.argmax(axis=1) == [2 if label == "misses" else 1 for label in labels]
    ).mean() > 0.9


def test_rules_sorter_needs_no_model() -> None:
    sorter = RuleSorter()
    sorter.prepare(["anything"])
    assert sorter.sort(Piece("she loved the dashboard story"))[0] == "positives"
