"""A question's competency learned from labelled questions of many occupations.

The phrase lexicon and the library's neighbours in `classify` know office questions well
and little else: a nurse's "How do you check a medication before giving it?" or an
electrician's "Explain ground fault protection" shared no phrase with them and were filed
under communication or pressure. A softmax regression reads three things at once:

* the MiniLM embedding of the question (what it is about, in any occupation's words);
* the phrase lexicon's score per competency, log-scaled (the cues people wrote by hand);
* the question's kind, one-hot and scaled by KIND_SCALE (a technical question probes the
  job's skills, an illegal one nothing the candidate must show).

It is trained by scripts/train_question_models.py on our question library, the rubric
labels, the occupations set of ../shared/eval and eval/questions_corpus, plus the
competency prototype sentences (each class weighted equally), and ships its weights in
data/models/question_competency.npz, pinned by SHA-256. eval/question_kinds.py gives the
leave-one-source-out figures of the same training. Without the file or the embedding
model, `classify` falls back to its hand-weighted votes.
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
from secondround.engine.nlp.vocabulary import COMPETENCIES, QUESTION_KINDS

__all__ = [
    "COMPETENCY_IDS",
    "KIND_COMPETENCY",
    "CompetencyModel",
    "competency_features",
    "load_competency_model",
    "save_competency_model",
    "train_competency_model",
]

MODEL_PATH = MODELS_DIR / "question_competency.npz"
# Pinned digest of the shipped file; scripts/train_question_models.py rewrites it.
MODEL_FILE_SHA256 = "ef8274aaf9121f2516bb90385ad0d4ea42a7728cf76fbc4294c86e7f230c81fa"
COMPETENCY_IDS: tuple[str, ...] = tuple(COMPETENCIES)
KINDS: tuple[str, ...] = tuple(QUESTION_KINDS)
KIND_SCALE = 3.0  # the kind one-hot's scale before standardisation (chosen by LOSO)
L2 = 0.3
PROTOTYPE_WEIGHT = 3.0  # a prototype sentence counts as this many questions
# Sets written for the product or for one occupation count half: their labels follow
# slightly different conventions from the real questions of many occupations.
SET_WEIGHTS: dict[str, float] = {"library": 0.5, "rubric": 0.5}
DIMENSIONS = embeddings.DIMENSIONS + len(COMPETENCY_IDS) + len(KINDS)
# Kinds whose competency is a labelling convention of the occupations set, not something
# the question shows: an illegal question probes nothing the candidate must demonstrate
# (filed under culture fit); pay and closing questions are about motivation.
KIND_COMPETENCY: dict[str, str] = {
    "illegal": "culture_fit",
    "salary": "motivation",
    "closing": "motivation",
}


def competency_features(
    vectors: npt.NDArray[np.float32],
    lexicon: npt.NDArray[np.float32],
    kinds: Sequence[str | None],
) -> npt.NDArray[np.float32]:
    """Embedding, log(1 + lexicon score) per competency, then the kind one-hot."""
    onehot = np.zeros((len(kinds), len(KINDS)), dtype=np.float32)
    for row, kind in enumerate(kinds):
        if kind in KINDS:
            onehot[row, KINDS.index(kind)] = KIND_SCALE
    lex = np.log1p(np.maximum(np.asarray(lexicon, dtype=np.float32), 0.0))
    vecs = np.asarray(vectors, dtype=np.float32).reshape(len(kinds), -1)
    return np.hstack([vecs, lex.reshape(len(kinds), -1), onehot])


class CompetencyModel:
    """(W, b) of the softmax regression over competency_features."""

    def competencies(
        self,
        vectors: npt.NDArray[np.float32],
        lexicon: npt.NDArray[np.float32],
        kinds: Sequence[str | None],
    ) -> list[str]:
        """The competency of each question: KIND_COMPETENCY's for those kinds, else the
        model's most probable."""
        probs = self.probabilities(vectors, lexicon, kinds)
        return [
            KIND_COMPETENCY.get(kind or "", COMPETENCY_IDS[int(row.argmax())])
            for row, kind in zip(probs, kinds, strict=True)
        ]

    def __init__(self, weights: npt.NDArray[np.float32], bias: npt.NDArray[np.float32]) -> None:
        self.weights = weights
        self.bias = bias

    def probabilities(
        self,
        vectors: npt.NDArray[np.float32],
        lexicon: npt.NDArray[np.float32],
        kinds: Sequence[str | None],
    ) -> npt.NDArray[np.float64]:
        features = competency_features(vectors, lexicon, kinds).astype(np.float64)
        logits = features @ self.weights + self.bias
        logits -= logits.max(axis=1, keepdims=True)
        probs: npt.NDArray[np.float64] = np.exp(logits)
        probs /= probs.sum(axis=1, keepdims=True)
        return probs


def train_competency_model(
    vectors: npt.NDArray[np.float32],
    lexicon: npt.NDArray[np.float32],
    kinds: Sequence[str | None],
    labels: Sequence[str],
    sample_weight: Sequence[float],
) -> CompetencyModel:
    """Fit on labelled rows; every competency weighs the same in the loss."""
    from secondround.engine.nlp.learning import train_softmax

    targets = np.array([COMPETENCY_IDS.index(label) for label in labels], dtype=np.int64)
    weight = np.asarray(sample_weight, dtype=np.float64)
    per_class = np.bincount(targets, weights=weight, minlength=len(COMPETENCY_IDS))
    weight = weight / np.maximum(per_class[targets], 1e-9)
    weights, bias = train_softmax(
        competency_features(vectors, lexicon, kinds), targets, weight, len(COMPETENCY_IDS), l2=L2
    )
    return CompetencyModel(weights, bias)


def save_competency_model(model: CompetencyModel, path: Path = MODEL_PATH) -> str:
    """Write the weights; returns the file's SHA-256 (to pin as MODEL_FILE_SHA256)."""
    return save_pinned_arrays(
        path,
        {
            "competencies": np.array(COMPETENCY_IDS),
            "kinds": np.array(KINDS),
            "W": model.weights,
            "b": model.bias,
        },
    )


@cache
def load_competency_model(
    path: Path = MODEL_PATH, pinned: str | None = None
) -> CompetencyModel | None:
    """The shipped model, or None when missing, altered, or made for another embedding."""
    data = load_pinned_arrays(
        path, pinned or MODEL_FILE_SHA256, ("competencies", "kinds", "W", "b")
    )
    if data is None:
        return None
    if tuple(str(c) for c in data["competencies"]) != COMPETENCY_IDS:
        return None
    if tuple(str(k) for k in data["kinds"]) != KINDS:
        return None
    weights = data["W"].astype(np.float32)
    bias = data["b"].astype(np.float32)
    if weights.shape != (DIMENSIONS, len(COMPETENCY_IDS)) or bias.shape != (len(COMPETENCY_IDS),):
        return None
    return CompetencyModel(weights, bias)
