"""Does any of the candidate's stories answer this question? A question-level cover model.

The story ranker (`story_model`) orders one candidate's stories for a question well, but its
best probability alone says poorly whether *any* story answers it: a round's bank asks
generic library questions ("Describe a time you improved a checklist, procedure or
standard") whose MiniLM similarity to a fitting story is as low as to an unfitting one. On
labelled rounds (eval/cover_corpus), whether a question is covered depends first on the
question: "Describe a piece of work close to what this job requires" is covered for every
candidate, "Tell me about adjusting to a new manager" for almost none. So a logistic
regression reads, per question:

* ``prior``: how often questions like this one were covered by labelled candidates' story
  banks — the labelled questions nearest in meaning (MiniLM), each weighted by its
  similarity, with how many banks covered it out of how many were asked it, smoothed
  towards the ranker's own probability for this candidate, so that a question unlike any
  labelled one is decided by the candidate's stories; ``prior_similarity``: how near the
  nearest labelled question is;
* ``cover_best``: the ranker's best cover log-odds over the candidate's stories;
* ``tagged``: whether one of the stories carries the question's competency in its tags
  (unknown, and so neutral, when no story has tags);
* two interactions: the prior counts most for a question close to a labelled one, the
  ranker's evidence for a question unlike any labelled one (a typed follow-up).

Its probability is `QuestionMatches.cover`; a question is covered when it reaches the
model's threshold (chosen for balanced accuracy on the training rounds). The labelled
questions ship as vectors with their counts, not as text. The weights ship in
`data/models/story_cover.npz` (scripts/train_story_model.py), pinned by SHA-256 and tied
to the embedding model and the story model; without them the ranker's own threshold
decides, as before.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from secondround.engine.nlp import embeddings, learning
from secondround.engine.nlp.files import MODELS_DIR
from secondround.engine.stories import story_model

MODEL_PATH = MODELS_DIR / "story_cover.npz"
MODEL_FILE_SHA256 = "b4b15bc02df4b7b417603f73e53a6cc7a0025177c8c8056530deaf98fe4359c0"

Matrix = npt.NDArray[np.float32]
Floats = npt.NDArray[np.float64]

FEATURES = (
    "cover_best",
    "prior",
    "prior_similarity",
    "tagged",
    "prior_when_near",  # prior x prior_similarity: trust the prior of a known question
    "cover_when_new",  # cover_best x (1 - prior_similarity): the stories decide a new one
)
NEIGHBOURS = 10  # labelled questions read for the prior
SHARPNESS = 0.1  # a neighbour's weight is exp((similarity - 1) / SHARPNESS) per bank
SMOOTHING = 1.0  # banks' worth of the ranker's own evidence mixed into every prior
L2 = 1.0  # on standardised features
# Below this similarity to every labelled question, the question is unlike anything the
# model learned from (every labelled question is an interview question); its features lie
# outside the training range and the fitted weights extrapolate (a bread recipe read as
# covered), so the candidate's own stories decide, through the ranker's cover threshold.
UNLIKE_ANY = 0.5


@dataclass(frozen=True)
class LabelledQuestions:
    """Distinct labelled questions: unit vectors, and in how many banks each was covered."""

    vectors: Matrix  # (n, dims)
    covered: Floats  # (n,) banks whose stories answered it
    asked: Floats  # (n,) banks it was asked of


def prior(
    labelled: LabelledQuestions, questions: Matrix, evidence: Floats
) -> tuple[Floats, Floats]:
    """(log-odds that a bank covers each question, similarity of its nearest labelled one).

    The labelled questions near in meaning vote with their cover counts, each weighted by
    exp((similarity - 1) / SHARPNESS) per bank it was asked of; `evidence` (the ranker's
    probability for this bank) weighs SMOOTHING banks. A library question asked of many
    labelled banks is decided by their counts; a question unlike any labelled one falls
    back on the evidence of the candidate's own stories."""
    count = len(questions)
    if not len(labelled.vectors) or not count:
        return _logit(evidence), np.zeros(count)
    similarity = questions.astype(np.float64) @ labelled.vectors.astype(np.float64).T
    keep = min(NEIGHBOURS, similarity.shape[1])
    nearest = np.argsort(-similarity, axis=1, kind="stable")[:, :keep]
    near = np.take_along_axis(similarity, nearest, axis=1)
    weight = np.exp((near - 1.0) / SHARPNESS)
    covered = (weight * labelled.covered[nearest]).sum(axis=1) + SMOOTHING * evidence
    asked = (weight * labelled.asked[nearest]).sum(axis=1) + SMOOTHING
    return _logit(covered / asked), near[:, 0]


def _logit(p: Floats) -> Floats:
    clipped = np.clip(p, 1e-3, 1 - 1e-3)
    result: Floats = np.log(clipped / (1 - clipped))
    return result


def question_features(
    cover_logits: Floats, labelled: LabelledQuestions, questions: Matrix, tagged: Floats | None
) -> Floats:
    """(questions, FEATURES) for one candidate's bank.

    cover_logits: (q, s) the ranker's cover log-odds; questions: (q, dims) unit vectors;
    tagged: (q, s) 1 where the story's tags carry the question's competency, or None when
    no story has tags (the feature is then NaN: unknown)."""
    count = len(questions)
    best = cover_logits.max(axis=1) if cover_logits.size else np.full(count, -10.0)
    if tagged is None:
        any_tag = np.full(count, np.nan)
    else:
        any_tag = tagged.max(axis=1) if tagged.size else np.zeros(count)
    log_odds, nearest = prior(labelled, questions, 1.0 / (1.0 + np.exp(-best)))
    return np.stack(
        [best, log_odds, nearest, any_tag, log_odds * nearest, best * (1.0 - nearest)], axis=1
    )


@dataclass(frozen=True)
class CoverModel:
    labelled: LabelledQuestions
    mean: Floats
    scale: Floats
    weights: Floats  # (features + 1,) last entry is the bias
    threshold: float
    story_model_sha256: str = ""  # the ranker whose cover log-odds it reads
    trained_on: tuple[str, ...] = ()

    def probability(
        self,
        cover_logits: Floats,
        questions: Matrix,
        tagged: Floats | None,
        ranker_threshold: float = 0.5,
    ) -> Floats:
        """(questions,) P(some story of the bank answers the question).

        Stories without any tags leave the tag signal at its training mean: a bank whose
        tags are unknown is read as neither tagged nor untagged. A question UNLIKE_ANY
        labelled one takes the ranker's best cover log-odds, moved so that the ranker's
        threshold (`ranker_threshold`, a probability) lands on this model's."""
        features = question_features(cover_logits, self.labelled, questions, tagged)
        features = np.where(np.isnan(features), self.mean, features)
        z = (features - self.mean) / self.scale
        logits = z @ self.weights[:-1] + self.weights[-1]
        shift = _logit(np.array(self.threshold)) - _logit(np.array(ranker_threshold))
        ranker = features[:, 0] + shift
        logits = np.where(features[:, 2] < UNLIKE_ANY, ranker, logits)
        logits = np.clip(logits, -30.0, 30.0)
        result: Floats = 1.0 / (1.0 + np.exp(-logits))
        return result


# --------------------------------------------------------------------------------------
# The shipped model
# --------------------------------------------------------------------------------------


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@cache
def load_cover_model(path: Path | None = None) -> CoverModel | None:
    """The shipped cover model (or the file at `path`, unpinned), or None when it is
    missing, altered, or made for another embedding or story model."""
    try:
        if path is None:
            path = MODEL_PATH
            if _sha256(path) != MODEL_FILE_SHA256:
                return None
            if _story_model_pin(path) != story_model.MODEL_FILE_SHA256:
                return None
        with np.load(path, allow_pickle=False) as data:
            if str(data["model_sha256"]) != embeddings.MODEL_SHA256:
                return None
            if tuple(str(f) for f in data["features"]) != FEATURES:
                return None
            return CoverModel(
                labelled=LabelledQuestions(
                    vectors=np.asarray(data["questions"], dtype=np.float32),
                    covered=np.asarray(data["covered"], dtype=np.float64),
                    asked=np.asarray(data["asked"], dtype=np.float64),
                ),
                mean=np.asarray(data["mean"], dtype=np.float64),
                scale=np.asarray(data["scale"], dtype=np.float64),
                weights=np.asarray(data["weights"], dtype=np.float64),
                threshold=float(data["threshold"]),
                story_model_sha256=str(data["story_model_sha256"]),
                trained_on=tuple(str(s) for s in data["trained_on"]),
            )
    except (OSError, KeyError, ValueError):
        return None


def _story_model_pin(path: Path) -> str:
    with np.load(path, allow_pickle=False) as data:
        return str(data["story_model_sha256"])


def save_cover_model(model: CoverModel, path: Path) -> None:
    np.savez_compressed(
        path,
        model_sha256=np.array(embeddings.MODEL_SHA256),
        features=np.array(FEATURES),
        questions=model.labelled.vectors.astype(np.float16),
        covered=model.labelled.covered.astype(np.float32),
        asked=model.labelled.asked.astype(np.float32),
        mean=model.mean,
        scale=model.scale,
        weights=model.weights,
        threshold=np.array(model.threshold),
        story_model_sha256=np.array(model.story_model_sha256),
        trained_on=np.array(model.trained_on),
    )


# --------------------------------------------------------------------------------------
# Training (offline: scripts/train_story_model.py and eval/story_cover.py)
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LabelledBank:
    """One candidate's labelled round, as the matcher sees it."""

    group: str  # the candidate (occupation): a bank never informs its own prior
    questions: Matrix  # (q, dims) unit vectors
    cover_logits: Floats  # (q, s) from a ranker that did not see this candidate
    tagged: Floats | None  # (q, s), None when no story has tags
    covered: npt.NDArray[np.bool_]  # (q,) some story answers it


def labelled_questions(banks: Sequence[LabelledBank]) -> LabelledQuestions:
    """The banks' questions, one row per distinct vector, with their cover counts."""
    rows: dict[bytes, int] = {}
    vectors: list[Matrix] = []
    covered: list[float] = []
    asked: list[float] = []
    for bank in banks:
        for vector, answered in zip(bank.questions, bank.covered, strict=True):
            key = np.round(vector, 4).astype(np.float32).tobytes()
            row = rows.get(key)
            if row is None:
                row = rows[key] = len(vectors)
                vectors.append(vector.astype(np.float32))
                covered.append(0.0)
                asked.append(0.0)
            covered[row] += float(answered)
            asked[row] += 1.0
    dims = banks[0].questions.shape[1] if banks else embeddings.DIMENSIONS
    return LabelledQuestions(
        vectors=np.array(vectors, dtype=np.float32).reshape(len(vectors), dims),
        covered=np.array(covered),
        asked=np.array(asked),
    )


def train_cover(
    banks: Sequence[LabelledBank], *, story_model_sha256: str = "", trained_on: Sequence[str] = ()
) -> CoverModel:
    """The cover model from labelled banks.

    A bank's prior is read from the other candidates' banks only, as a new candidate's will
    be; the shipped model then reads all of them."""
    rows, labels = [], []
    for bank in banks:
        others = labelled_questions([b for b in banks if b.group != bank.group])
        rows.append(question_features(bank.cover_logits, others, bank.questions, bank.tagged))
        labels.append(bank.covered.astype(np.float64))
    x = np.vstack(rows)
    y = np.concatenate(labels)
    mean = np.nanmean(x, axis=0)
    x = np.where(np.isnan(x), mean, x)
    scale = x.std(axis=0) + 1e-9
    weights = learning.train_logistic((x - mean) / scale, y, L2)
    z = ((x - mean) / scale) @ weights[:-1] + weights[-1]
    probability = 1.0 / (1.0 + np.exp(-z))
    threshold = story_model.best_threshold(
        [float(p) for p in probability[y > 0]], [float(p) for p in probability[y == 0]]
    )
    return CoverModel(
        labelled=labelled_questions(banks),
        mean=mean,
        scale=scale,
        weights=weights,
        threshold=threshold,
        story_model_sha256=story_model_sha256,
        trained_on=tuple(trained_on),
    )
