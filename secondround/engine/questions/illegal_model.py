"""Is a question illegal, read by a small learned model beside the protected-ground reader.

The reader (`illegal_questions`) knows the wordings its patterns were written from; guidance
and candidates' accounts from other places word the same grounds in ways it has never seen
("Where did you grow up?", "Can you work well with Millennials?"). What those wordings share
is their meaning, so a logistic regression over the MiniLM embedding of the question reads
them: trained on development data only (the labelled question sets without the reader's
test half and the rubric's test split, and the development half of eval/illegal_questions),
illegal against every lawful question, lawful look-alikes included.

It only adds: a question the reader calls illegal stays illegal, a question with a lawful
form (the right to work, a minimum age, "can you perform the duties") is never called
illegal by it, and it speaks only when at least THRESHOLD sure, chosen by cross-validation
over sources of the development data so that illegal precision stays at or above 0.98.
A second softmax names the ground (age, family, religion…) when the reader names none.

The weights ship in data/models/illegal_questions.npz, pinned by SHA-256 and written by
scripts/train_illegal_model.py; without the file or the embedding model nothing changes.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from secondround.engine.nlp import embeddings
from secondround.engine.nlp.files import MODELS_DIR
from secondround.engine.nlp.pinned_weights import load_pinned_arrays, save_pinned_arrays

__all__ = ["IllegalModel", "THRESHOLD", "load_illegal_model", "save_illegal_model"]

MODEL_PATH = MODELS_DIR / "illegal_questions.npz"
# Pinned digest of the shipped file; scripts/train_illegal_model.py rewrites it.
MODEL_FILE_SHA256 = "b5218f969314e9bdadbdfdda1f381230da9eb14bbfffc68aadc6194e491d8de6"
# P(illegal) at or above this calls a question illegal. Source-grouped cross-validation on the
# development data (scripts/train_illegal_model.py --cv; since questions5 with fresh3 and
# eval/illegal_questions/dev_more.txt, and the lawful forms licence, drug_use, education that
# keep the model quiet): reader alone recall 0.916, precision 0.994; with the model at
# 0.6 -> 0.955, 0.963; 0.7 -> 0.946, 0.992; 0.8 -> 0.934, 0.994; 0.9 -> 0.920, 0.994.
# 0.7 is the lowest threshold whose precision stays at or above 0.98. The second pass of helper
# `illegal` (more dev_more.txt pages, more reader rules) retrained it (CV: reader alone 0.969,
# 1.000; 0.7 -> 0.980, 0.998) but ships these weights unchanged: the retrained model added
# nothing over the new reader on eval/illegal_questions/fresh.txt and called one lawful
# look-alike of questions_fresh5 illegal (aggregates only), so the new illegal dev rows need
# paired lawful look-alikes before the model is retrained.
THRESHOLD = 0.7
L2 = 1.0  # L2 penalty on the standardised features (same cross-validation)
# A lawful look-alike (the right to work, a driving licence, "what age groups have you
# taught") counts this many times as a lawful question: they are the ones to keep lawful.
LOOKALIKE_WEIGHT = 3.0


def _softmax(logits: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    logits = logits - logits.max(axis=1, keepdims=True)
    probs: npt.NDArray[np.float64] = np.exp(logits)
    probs /= probs.sum(axis=1, keepdims=True)
    return probs


class IllegalModel:
    """(W, b) of P(illegal) and (W, b) of the ground, both over the MiniLM embedding."""

    def __init__(
        self,
        weights: npt.NDArray[np.float32],
        bias: npt.NDArray[np.float32],
        ground_weights: npt.NDArray[np.float32],
        ground_bias: npt.NDArray[np.float32],
        grounds: tuple[str, ...],
    ) -> None:
        self.weights = weights
        self.bias = bias
        self.ground_weights = ground_weights
        self.ground_bias = ground_bias
        self.grounds = grounds

    def probability(self, vectors: npt.NDArray[np.float32]) -> npt.NDArray[np.float64]:
        """P(illegal) of each row of `vectors`."""
        x = np.asarray(vectors, dtype=np.float64).reshape(-1, self.weights.shape[0])
        return _softmax(x @ self.weights + self.bias)[:, 1]

    def ground(self, vector: npt.NDArray[np.float32]) -> str:
        """The most likely protected ground of one question."""
        x = np.asarray(vector, dtype=np.float64).reshape(1, -1)
        return self.grounds[int(np.argmax(x @ self.ground_weights + self.ground_bias))]


def train_illegal_model(
    vectors: npt.NDArray[np.float32],
    illegal: npt.NDArray[np.bool_],
    grounds: list[str | None],
    lookalike: npt.NDArray[np.bool_],
) -> IllegalModel:
    """Fit P(illegal) with the two classes weighted equally (lawful look-alikes weighted up,
    LOOKALIKE_WEIGHT), and the ground softmax on the illegal rows whose ground is known (each
    ground weighted equally)."""
    from secondround.engine.nlp.learning import train_softmax

    targets = np.asarray(illegal, dtype=np.int64)
    counts = np.bincount(targets, minlength=2).astype(np.float64)
    sample_weight = np.where(np.asarray(lookalike) & (targets == 0), LOOKALIKE_WEIGHT, 1.0)
    sample_weight = sample_weight / counts[targets]
    weights, bias = train_softmax(vectors, targets, sample_weight, 2, l2=L2)
    known = [i for i, ground in enumerate(grounds) if ground and illegal[i]]
    names = tuple(sorted({str(grounds[i]) for i in known}))
    ground_targets = np.array([names.index(str(grounds[i])) for i in known], dtype=np.int64)
    ground_counts = np.bincount(ground_targets, minlength=len(names)).astype(np.float64)
    ground_weights, ground_bias = train_softmax(
        vectors[known], ground_targets, 1.0 / ground_counts[ground_targets], len(names), l2=L2
    )
    return IllegalModel(weights, bias, ground_weights, ground_bias, names)


def save_illegal_model(model: IllegalModel, path: Path = MODEL_PATH) -> str:
    """Write the weights; returns the file's SHA-256 (to pin as MODEL_FILE_SHA256)."""
    return save_pinned_arrays(
        path,
        {
            "W": model.weights,
            "b": model.bias,
            "W_ground": model.ground_weights,
            "b_ground": model.ground_bias,
            "grounds": np.array(model.grounds),
        },
    )


@cache
def load_illegal_model(path: Path = MODEL_PATH, pinned: str | None = None) -> IllegalModel | None:
    """The shipped model, or None when missing, altered, or made for another embedding."""
    data = load_pinned_arrays(
        path, pinned or MODEL_FILE_SHA256, ("W", "b", "W_ground", "b_ground", "grounds")
    )
    if data is None:
        return None
    weights = data["W"].astype(np.float32)
    bias = data["b"].astype(np.float32)
    ground_weights = data["W_ground"].astype(np.float32)
    ground_bias = data["b_ground"].astype(np.float32)
    grounds = tuple(str(g) for g in data["grounds"])
    if weights.shape != (embeddings.DIMENSIONS, 2) or bias.shape != (2,):
        return None
    if ground_weights.shape != (embeddings.DIMENSIONS, len(grounds)) or not grounds:
        return None
    return IllegalModel(weights, bias, ground_weights, ground_bias, grounds)
