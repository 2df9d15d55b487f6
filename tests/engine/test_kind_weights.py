"""The kind model's class weighting (question_kinds.CLASS_BALANCE_POWER)."""

from __future__ import annotations

import numpy as np
import pytest

from secondround.engine.nlp import embeddings, learning
from secondround.engine.questions import question_kinds


@pytest.mark.parametrize(
    ("power", "expected_ratio"),
    [(1.0, 9.0), (0.5, 3.0), (0.0, 1.0)],  # 9 behavioural questions, 1 illegal
)
def test_a_rare_kind_weighs_its_count_to_the_power(monkeypatch, power, expected_ratio):
    seen = {}

    def record(features, labels, sample_weight, classes, l2=0.1, iterations=400):
        seen["weights"], seen["labels"] = sample_weight, labels
        dims = features.shape[1]
        return np.zeros((dims, classes), np.float32), np.zeros(classes, np.float32)

    monkeypatch.setattr(learning, "train_softmax", record)
    monkeypatch.setattr(question_kinds, "CLASS_BALANCE_POWER", power)
    vectors = np.zeros((10, embeddings.DIMENSIONS), np.float32)
    labels = ["behavioral"] * 9 + ["illegal"]
    question_kinds.train_kind_model(vectors, [None] * 10, labels)
    weights = seen["weights"]
    assert weights[-1] / weights[0] == pytest.approx(expected_ratio)


def test_the_shipped_power_lies_between_none_and_full_balance():
    assert 0.0 < question_kinds.CLASS_BALANCE_POWER < 1.0
