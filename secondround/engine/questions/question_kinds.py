"""A question's kind learned from labelled questions of many occupations, beside the rules.

The rules in `classify` (KIND_RULES) are sure where a question's form cannot be mistaken
(an age question, a salary question) but fall silent on most questions from outside office
work: "What principles do you use to motivate students?" is a technical question, "How
would your students describe you?" a self-assessment. A softmax regression over the MiniLM
embedding of the question and the rule that fired reads those.

The weights ship in data/models/question_kinds.npz (pinned by SHA-256), written by
scripts/train_question_models.py from labelled sets (our question library,
eval/questions_corpus, the rubric labels and the occupations set of ../shared/eval);
nothing is trained at run time. Without the file, or when the embedding model is
unavailable, the rules decide alone.

Illegal questions are read by `illegal_questions` first: a protected ground with no lawful
form is illegal whatever the model says, and a lawful form (the right to work, a minimum
age, "can you perform the duties") is never called illegal by the model. Elsewhere the
model says "illegal" only when it is sure (ILLEGAL_THRESHOLD). Closing and salary have
unmistakable rules, so the model alone names them only when it is sure as well.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from secondround.engine.nlp import embeddings
from secondround.engine.nlp.files import MODELS_DIR
from secondround.engine.nlp.pinned_weights import load_pinned_arrays, save_pinned_arrays
from secondround.engine.nlp.vocabulary import QUESTION_KINDS
from secondround.engine.questions import question_forms

__all__ = [
    "KINDS",
    "KindModel",
    "kind_features",
    "load_kind_model",
    "train_kind_model",
]

MODEL_PATH = MODELS_DIR / "question_kinds.npz"
KINDS: tuple[str, ...] = tuple(QUESTION_KINDS)
# Pinned digest of the shipped file; scripts/train_question_models.py rewrites it.
MODEL_FILE_SHA256 = "955c6d853e643f30880fd67da8eb5ef79a2165cfa3578a9cf72b2093bce7fc12"
RULE_SLOTS: tuple[str | None, ...] = (*KINDS, None)
# Below this the model's "illegal" is not trusted on its own (the protected-ground reader
# catches the illegal questions it knows); chosen by leave-one-source-out on dev sets (0.5),
# raised to 0.6 with the square-root class weighting: on the development half of
# eval/illegal_questions 0.5 -> recall 0.958, precision 0.966; 0.6 -> 0.950, 0.991.
ILLEGAL_THRESHOLD = 0.6
# Kinds a rule decides alone: their wording is unmistakable and the model has few examples.
RULE_DECIDES = frozenset({"illegal", "salary", "closing"})
# Without their rule, the model names these only when at least this sure: class-balanced
# training makes the rare kinds tempting to the model, and their rules are broad.
RULE_KINDS_THRESHOLD = 0.6
L2 = 0.3
# Sample weight = (questions of the kind) ** -CLASS_BALANCE_POWER. 1 balances the kinds fully,
# 0 not at all. Grouped leave-one-source-out on the development sets (eval/question_kinds.py):
# 1 -> occupations 0.824, corpus 0.904; 0.75 -> 0.815, 0.914; 0.5 -> 0.824, 0.912; 0 -> 0.750,
# 0.902 (0.5 with L2 1.0: 0.759, 0.889).
CLASS_BALANCE_POWER = 0.5
# The model overrules a rule that fired only when it is at least this sure of another kind.
OVERRULE = 0.4


BASE_DIMENSIONS = embeddings.DIMENSIONS + len(RULE_SLOTS)
FORM_DIMENSIONS = question_forms.DIMENSIONS


class KindModel:
    """(W, b) of the softmax regression over kind_features (with the form cues of
    question_forms when W has their rows)."""

    def __init__(self, weights: npt.NDArray[np.float32], bias: npt.NDArray[np.float32]) -> None:
        self.weights = weights
        self.bias = bias
        self.uses_forms = weights.shape[0] == BASE_DIMENSIONS + FORM_DIMENSIONS

    def probabilities(
        self,
        vectors: npt.NDArray[np.float32],
        rule_kinds: Sequence[str | None],
        forms: npt.NDArray[np.float32] | None = None,
    ) -> npt.NDArray[np.float64]:
        if not self.uses_forms:
            forms = None
        elif forms is None:
            forms = np.zeros((len(rule_kinds), FORM_DIMENSIONS), dtype=np.float32)
        features = kind_features(vectors, rule_kinds, forms)
        logits = features.astype(np.float64) @ self.weights + self.bias
        logits -= logits.max(axis=1, keepdims=True)
        probs: npt.NDArray[np.float64] = np.exp(logits)
        probs /= probs.sum(axis=1, keepdims=True)
        return probs

    def kinds(
        self,
        vectors: npt.NDArray[np.float32],
        rule_kinds: Sequence[str | None],
        lawful: Sequence[bool] | None = None,
        forms: npt.NDArray[np.float32] | None = None,
    ) -> list[str]:
        """The kind of each question: the rule's where it decides, else the model's.

        `lawful[i]` says question i has a lawful form (right to work, minimum age…): the
        model may not call it illegal. `forms`: question_forms.form_features of the texts."""
        probs = self.probabilities(vectors, rule_kinds, forms)
        lawful = lawful if lawful is not None else [False] * len(rule_kinds)
        illegal = KINDS.index("illegal")
        result = []
        for row, rule, is_lawful in zip(probs, rule_kinds, lawful, strict=True):
            if rule in RULE_DECIDES:
                result.append(rule)
                continue
            row = row.copy()
            if is_lawful:
                row[illegal] = 0.0
            if row[illegal] >= ILLEGAL_THRESHOLD:
                result.append("illegal")
                continue
            row[illegal] = 0.0
            for kind in ("closing", "salary"):
                if row[KINDS.index(kind)] < RULE_KINDS_THRESHOLD:
                    row[KINDS.index(kind)] = 0.0
            if rule is not None and row.max() < OVERRULE:
                result.append(rule)  # a rule that fired stands unless the model is sure
            else:
                result.append(KINDS[int(row.argmax())])
        return result


def kind_features(
    vectors: npt.NDArray[np.float32],
    rule_kinds: Sequence[str | None],
    forms: npt.NDArray[np.float32] | None = None,
) -> npt.NDArray[np.float32]:
    """The embedding, one column per rule outcome (which rule fired, or none), then the
    form cues when given."""
    rules = np.zeros((len(rule_kinds), len(RULE_SLOTS)), dtype=np.float32)
    for row, rule in enumerate(rule_kinds):
        rules[row, RULE_SLOTS.index(rule if rule in KINDS else None)] = 1.0
    parts = [np.asarray(vectors, dtype=np.float32).reshape(len(rule_kinds), -1), rules]
    if forms is not None:
        parts.append(np.asarray(forms, dtype=np.float32).reshape(len(rule_kinds), -1))
    return np.hstack(parts)


def train_kind_model(
    vectors: npt.NDArray[np.float32],
    rule_kinds: Sequence[str | None],
    labels: Sequence[str],
    forms: npt.NDArray[np.float32] | None = None,
) -> KindModel:
    """Fit on labelled questions, a kind's questions weighted by its count to the power
    -CLASS_BALANCE_POWER (a few illegal questions must count for much more than their number,
    but not so much that the rare kinds tempt the model on common questions)."""
    from secondround.engine.nlp.learning import train_softmax

    targets = np.array([KINDS.index(label) for label in labels], dtype=np.int64)
    counts = np.bincount(targets, minlength=len(KINDS)).astype(np.float64)
    sample_weight = counts[targets] ** -CLASS_BALANCE_POWER
    weights, bias = train_softmax(
        kind_features(vectors, rule_kinds, forms), targets, sample_weight, len(KINDS), l2=L2
    )
    return KindModel(weights, bias)


def save_kind_model(model: KindModel, path: Path = MODEL_PATH) -> str:
    """Write the weights; returns the file's SHA-256 (to pin as MODEL_FILE_SHA256)."""
    return save_pinned_arrays(path, {"kinds": np.array(KINDS), "W": model.weights, "b": model.bias})


@cache
def load_kind_model(path: Path = MODEL_PATH, pinned: str | None = None) -> KindModel | None:
    """The shipped model, or None when missing, altered, or made for another embedding."""
    data = load_pinned_arrays(path, pinned or MODEL_FILE_SHA256, ("kinds", "W", "b"))
    if data is None or tuple(str(kind) for kind in data["kinds"]) != KINDS:
        return None
    weights = data["W"].astype(np.float32)
    bias = data["b"].astype(np.float32)
    if weights.shape[0] not in (BASE_DIMENSIONS, BASE_DIMENSIONS + FORM_DIMENSIONS):
        return None
    if weights.shape[1:] != (len(KINDS),) or bias.shape != (len(KINDS),):
        return None
    return KindModel(weights, bias)
