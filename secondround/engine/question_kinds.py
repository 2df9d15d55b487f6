"""A question's kind learned from labelled questions of many occupations, beside the rules.

The rules in `classify` (KIND_RULES) are sure where a question's form cannot be mistaken
(an age question, a salary question) but fall silent on most questions from outside office
work: "What principles do you use to motivate students?" is a technical question, "How
would your students describe you?" a self-assessment. A softmax regression over the MiniLM
embedding of the question and the rule that fired reads those.

The weights ship in data/models/question_kinds.npz, written by scripts/train_kind_model.py
from labelled sets (our question library, eval/questions_corpus and the occupations set of
../shared/eval); nothing is trained at run time. Without the file, or when the embedding
model is unavailable, the rules decide alone.

An illegal question is never argued down: a rule or the model saying "illegal" is enough,
because the candidate then gets a calm way to decline it instead of a STAR answer.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from secondround.engine import embeddings
from secondround.engine.vocabulary import QUESTION_KINDS

__all__ = [
    "KINDS",
    "KindModel",
    "kind_features",
    "load_kind_model",
    "train_kind_model",
]

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "models" / "question_kinds.npz"
KINDS: tuple[str, ...] = tuple(QUESTION_KINDS)
RULE_SLOTS: tuple[str | None, ...] = (*KINDS, None)
# Below this the model's "illegal" is not trusted on its own; chosen on the development
# sets (leave-one-source-out), where recall matters more than precision.
ILLEGAL_THRESHOLD = 0.3
# Kinds a rule decides alone: their wording is unmistakable and the model has few examples.
RULE_DECIDES = frozenset({"illegal", "salary", "closing"})
L2 = 0.3
# The model overrules a rule that fired only when it is at least this sure of another kind.
OVERRULE = 0.5


class KindModel:
    """(W, b) of the softmax regression over kind_features."""

    def __init__(self, weights: npt.NDArray[np.float32], bias: npt.NDArray[np.float32]) -> None:
        self.weights = weights
        self.bias = bias

    def probabilities(
        self, vectors: npt.NDArray[np.float32], rule_kinds: Sequence[str | None]
    ) -> npt.NDArray[np.float64]:
        logits = kind_features(vectors, rule_kinds).astype(np.float64) @ self.weights + self.bias
        logits -= logits.max(axis=1, keepdims=True)
        probs: npt.NDArray[np.float64] = np.exp(logits)
        probs /= probs.sum(axis=1, keepdims=True)
        return probs

    def kinds(
        self, vectors: npt.NDArray[np.float32], rule_kinds: Sequence[str | None]
    ) -> list[str]:
        """The kind of each question: the rule's where it decides, else the model's."""
        probs = self.probabilities(vectors, rule_kinds)
        illegal = KINDS.index("illegal")
        result = []
        for row, rule in zip(probs, rule_kinds, strict=True):
            best = KINDS[int(row.argmax())]
            if rule in RULE_DECIDES:
                result.append(rule)
            elif row[illegal] >= ILLEGAL_THRESHOLD:
                result.append("illegal")
            elif rule is not None and row.max() < OVERRULE:
                result.append(rule)  # a rule that fired stands unless the model is sure
            else:
                result.append(best)
        return result


def kind_features(
    vectors: npt.NDArray[np.float32], rule_kinds: Sequence[str | None]
) -> npt.NDArray[np.float32]:
    """The embedding, then one column per rule outcome (which rule fired, or none)."""
    rules = np.zeros((len(rule_kinds), len(RULE_SLOTS)), dtype=np.float32)
    for row, rule in enumerate(rule_kinds):
        rules[row, RULE_SLOTS.index(rule if rule in KINDS else None)] = 1.0
    return np.hstack([np.asarray(vectors, dtype=np.float32).reshape(len(rule_kinds), -1), rules])


def train_kind_model(
    vectors: npt.NDArray[np.float32],
    rule_kinds: Sequence[str | None],
    labels: Sequence[str],
) -> KindModel:
    """Fit on labelled questions, each kind weighted equally (a few illegal questions
    must count as much as hundreds of behavioural ones)."""
    from secondround.engine.classify import train_softmax

    targets = np.array([KINDS.index(label) for label in labels], dtype=np.int64)
    counts = np.bincount(targets, minlength=len(KINDS)).astype(np.float64)
    sample_weight = 1.0 / counts[targets]
    weights, bias = train_softmax(
        kind_features(vectors, rule_kinds), targets, sample_weight, len(KINDS), l2=L2
    )
    return KindModel(weights, bias)


def save_kind_model(model: KindModel, path: Path = MODEL_PATH) -> None:
    np.savez_compressed(
        path,
        model_sha256=np.array(embeddings.MODEL_SHA256),
        kinds=np.array(KINDS),
        W=model.weights,
        b=model.bias,
    )


@cache
def load_kind_model(path: Path = MODEL_PATH) -> KindModel | None:
    """The shipped model, or None when it is missing or was made for another embedding."""
    try:
        with np.load(path, allow_pickle=False) as data:
            if str(data["model_sha256"]) != embeddings.MODEL_SHA256:
                return None
            if tuple(str(kind) for kind in data["kinds"]) != KINDS:
                return None
            weights = np.asarray(data["W"], dtype=np.float32)
            bias = np.asarray(data["b"], dtype=np.float32)
    except (OSError, KeyError, ValueError):
        return None
    if weights.shape != (embeddings.DIMENSIONS + len(RULE_SLOTS), len(KINDS)):
        return None
    return KindModel(weights, bias)
