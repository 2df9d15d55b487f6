"""What a STAR story shows, and how likely it answers a question: two small learned models.

**Story competencies.** A softmax regression reads the MiniLM embeddings of the whole story
and of its title + action + result, plus what the question classifier's own softmax makes
of those two embeddings (its weights are copied into our file, so a retrained classifier
cannot shift our inputs), and gives a probability for each competency. It is trained on
the labelled stories of `eval/stories` and `eval/stories_corpus` (17 occupations), each
story's labels weighing one in total. `suggest` turns the probabilities into the few
competencies a person would tick.

**Story ranking.** A logistic regression over fifteen signals of one (question, story)
pair gives the probability that the story answers the question:

* cosine similarity of the question with the whole story, with title + action + result,
  with the title alone, and the mean and best of the five STAR parts embedded one by one
  (a long situation no longer drowns a short, telling action);
* BM25 over the story's words (relative to the best story, and absolute);
* whether the question's competency is one of the story's tags;
* agreement between the question's competency scores (`classify_question`) and the
  competencies the story shows (the model above) — so an untagged or badly tagged story
  still meets "someone you helped develop" through what it says;
* each similarity also relative to the best story of the candidate's bank.

It is trained on every (question, story) pair of the same labelled sets, once with the
stories' tags and once without, so it neither needs tags nor ignores them. A second weight
vector, without the tag signal, gives the cover log-odds that `story_cover` reads to decide
whether any story covers a question; `cover_threshold` (chosen for balanced accuracy:
unanswerable questions reported uncovered vs answerable ones reported covered) decides
alone when the cover model is unavailable.

The weights ship in `data/models/story_model.npz` (scripts/train_story_model.py), pinned
by SHA-256 and tied to the embedding model; without them `matching` falls back to its
hand-weighted combination and `suggest` to the question classifier's scores.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from secondround.engine.nlp import embeddings, learning
from secondround.engine.nlp.files import MODELS_DIR
from secondround.engine.nlp.vocabulary import COMPETENCIES

MODEL_PATH = MODELS_DIR / "story_model.npz"
MODEL_FILE_SHA256 = "ab702ef034080c74f25ca5e02425f0b8941850a3a765d9792f5bdf7aac999237"

Matrix = npt.NDArray[np.float32]
Floats = npt.NDArray[np.float64]

COMPETENCY_IDS: tuple[str, ...] = tuple(COMPETENCIES)
PARTS = ("title", "situation", "task", "action", "result")
# Rows of a story's part matrix: the five STAR parts, then title + action + result.
PART_ROWS = (*PARTS, "title_action_result")
TITLE_ROW, TAR_ROW = 0, 5

FEATURES = (
    "doc",
    "doc_rel",
    "tar",
    "tar_rel",
    "part_mean",
    "part_mean_rel",
    "part_best",
    "part_best_rel",
    "title",
    "title_rel",
    "bm25_rel",
    "bm25_log",
    "tagged",
    "shows",
    "shows_rel",
)
TAGGED = FEATURES.index("tagged")

COMPETENCY_L2 = 1.0  # on standardised features; chosen leave-one-occupation-out
RANK_L2 = 1.0
SUGGEST_MAX = 3  # competencies suggested for a story at most
SUGGEST_SHARE = 0.35  # ... each at least this share of the best one's probability


# --------------------------------------------------------------------------------------
# The story's parts
# --------------------------------------------------------------------------------------


def part_texts(title: str, situation: str, task: str, action: str, result: str) -> list[str]:
    """The six texts embedded beside the whole story (empty parts stay empty)."""
    parts = [title, situation, task, action, result]
    tar = "\n".join(p.strip() for p in (title, action, result) if p and p.strip())
    return [p.strip() for p in parts] + [tar]


def embed_parts(texts: Sequence[Sequence[str]]) -> Matrix:
    """(stories, 6, dims): each story's part texts embedded in one batch; empty -> zeros."""
    flat = [(i, j, t) for i, row in enumerate(texts) for j, t in enumerate(row) if t]
    out = np.zeros((len(texts), len(PART_ROWS), embeddings.DIMENSIONS), dtype=np.float32)
    if flat:
        vectors = embeddings.embed([t for _, _, t in flat])
        for (i, j, _), vector in zip(flat, vectors, strict=True):
            out[i, j] = vector
    return out


# --------------------------------------------------------------------------------------
# The shipped model
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StoryModel:
    classifier_w: Matrix  # (dims, competencies): the question classifier's softmax, frozen
    classifier_b: Matrix
    competency_w: Matrix  # (4 * dims or so, competencies)
    competency_b: Matrix
    mean: Floats  # feature standardisation of the ranker
    scale: Floats
    rank_w: Floats  # (features + 1,) last entry is the bias
    cover_w: Floats  # the same without the tag signal
    cover_threshold: float
    trained_on: tuple[str, ...] = ()  # labelled sets it was trained on

    # ---- competencies ---------------------------------------------------------------

    def competency_probabilities(self, documents: Matrix, parts: Matrix) -> Matrix:
        """(stories, competencies) P(competency shown | story)."""
        features = competency_features(
            documents, parts[:, TAR_ROW], self.classifier_w, self.classifier_b
        )
        return _softmax_rows(features @ self.competency_w + self.competency_b)

    # ---- ranking --------------------------------------------------------------------

    def logits(self, features: Floats, *, cover: bool = False) -> Floats:
        """(questions, stories) log-odds that the story answers the question."""
        z = (features - self.mean) / self.scale
        if cover:
            z = np.delete(z, TAGGED, axis=-1)
            weights = self.cover_w
        else:
            weights = self.rank_w
        result: Floats = z @ weights[:-1] + weights[-1]
        return result


def _softmax_rows(logits: npt.NDArray[np.floating]) -> Matrix:
    shifted = logits - logits.max(axis=-1, keepdims=True)
    exp = np.exp(shifted)
    result: Matrix = (exp / exp.sum(axis=-1, keepdims=True)).astype(np.float32)
    return result


def competency_features(
    documents: Matrix, tars: Matrix, classifier_w: Matrix, classifier_b: Matrix
) -> Matrix:
    """The story's two embeddings and the question classifier's reading of each."""
    read_doc = _softmax_rows(documents @ classifier_w + classifier_b)
    read_tar = _softmax_rows(tars @ classifier_w + classifier_b)
    return np.hstack([documents, tars, read_doc, read_tar]).astype(np.float32)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@cache
def load_model(path: Path | None = None) -> StoryModel | None:
    """The shipped model (or the file at `path`, unpinned), or None when it is missing,
    altered, or made for another embedding."""
    try:
        if path is None:
            path = MODEL_PATH
            if _sha256(path) != MODEL_FILE_SHA256:
                return None
        with np.load(path, allow_pickle=False) as data:
            if str(data["model_sha256"]) != embeddings.MODEL_SHA256:
                return None
            if tuple(str(c) for c in data["competencies"]) != COMPETENCY_IDS:
                return None
            if tuple(str(f) for f in data["features"]) != FEATURES:
                return None
            return StoryModel(
                classifier_w=np.asarray(data["classifier_w"], dtype=np.float32),
                classifier_b=np.asarray(data["classifier_b"], dtype=np.float32),
                competency_w=np.asarray(data["competency_w"], dtype=np.float32),
                competency_b=np.asarray(data["competency_b"], dtype=np.float32),
                mean=np.asarray(data["mean"], dtype=np.float64),
                scale=np.asarray(data["scale"], dtype=np.float64),
                rank_w=np.asarray(data["rank_w"], dtype=np.float64),
                cover_w=np.asarray(data["cover_w"], dtype=np.float64),
                cover_threshold=float(data["cover_threshold"]),
                trained_on=tuple(str(s) for s in data["trained_on"]),
            )
    except (OSError, KeyError, ValueError):
        return None


def save_model(model: StoryModel, path: Path) -> None:
    np.savez_compressed(
        path,
        model_sha256=np.array(embeddings.MODEL_SHA256),
        competencies=np.array(COMPETENCY_IDS),
        features=np.array(FEATURES),
        classifier_w=model.classifier_w.astype(np.float32),
        classifier_b=model.classifier_b.astype(np.float32),
        competency_w=model.competency_w.astype(np.float32),
        competency_b=model.competency_b.astype(np.float32),
        mean=model.mean,
        scale=model.scale,
        rank_w=model.rank_w,
        cover_w=model.cover_w,
        cover_threshold=np.array(model.cover_threshold),
        trained_on=np.array(model.trained_on),
    )


# --------------------------------------------------------------------------------------
# Suggesting a story's competencies
# --------------------------------------------------------------------------------------


def suggest(probabilities: Sequence[float] | Matrix) -> list[str]:
    """The competencies to tick, best first: up to SUGGEST_MAX, each at least
    SUGGEST_SHARE of the best one's probability (one story rarely shows more than three)."""
    values = [float(p) for p in probabilities]
    if not values or max(values) <= 0:
        return []
    order = sorted(range(len(values)), key=lambda i: (-values[i], i))
    best = values[order[0]]
    return [COMPETENCY_IDS[i] for i in order[:SUGGEST_MAX] if values[i] >= SUGGEST_SHARE * best]


# --------------------------------------------------------------------------------------
# Pair features
# --------------------------------------------------------------------------------------


def _relative(values: Floats) -> Floats:
    """Each story's value minus the best story's, per question."""
    result: Floats = values - values.max(axis=1, keepdims=True)
    return result


def pair_features(
    questions: Matrix,
    question_competencies: Floats,
    documents: Matrix,
    parts: Matrix,
    bm25: Matrix,
    tagged: Floats,
    shows: Matrix,
) -> Floats:
    """(questions, stories, FEATURES) for one candidate's bank.

    questions: (q, dims) unit vectors; question_competencies: (q, competencies) the
    classifier's scores (rows sum to 1 or 0); documents: (s, dims); parts: (s, 6, dims),
    zero rows for empty parts; bm25: (q, s) raw scores; tagged: (q, s) 1 where the question's
    competency is one of the story's tags; shows: (s, competencies) from the story model.
    """
    q = questions.astype(np.float64)
    doc = q @ documents.astype(np.float64).T
    per_part = np.einsum("qd,spd->qsp", q, parts.astype(np.float64))  # (q, s, 6)
    star = per_part[:, :, : len(PARTS)]
    present = (np.abs(parts[:, : len(PARTS)]).sum(axis=2) > 0).astype(np.float64)  # (s, 5)
    counts = np.maximum(present.sum(axis=1), 1.0)
    part_mean = (star * present[None]).sum(axis=2) / counts[None]
    part_best = np.where(present[None] > 0, star, -1.0).max(axis=2)
    part_best = np.where(present.sum(axis=1)[None] > 0, part_best, 0.0)
    tar = per_part[:, :, TAR_ROW]
    title = per_part[:, :, TITLE_ROW]
    raw = bm25.astype(np.float64)
    bm25_rel = raw / (raw.max(axis=1, keepdims=True) + 1e-6)
    agreement = question_competencies @ shows.astype(np.float64).T
    columns = (
        doc,
        _relative(doc),
        tar,
        _relative(tar),
        part_mean,
        _relative(part_mean),
        part_best,
        _relative(part_best),
        title,
        _relative(title),
        bm25_rel,
        np.log1p(raw),
        tagged.astype(np.float64),
        agreement,
        _relative(agreement),
    )
    return np.stack(columns, axis=-1)


def competency_vector(scores: Mapping[str, float] | Sequence[tuple[str, float]]) -> Floats:
    """A competency -> score mapping as a row over COMPETENCY_IDS."""
    found = dict(scores)
    return np.array([float(found.get(c, 0.0)) for c in COMPETENCY_IDS], dtype=np.float64)


# --------------------------------------------------------------------------------------
# Training (offline: scripts/train_story_model.py and the leave-one-out evaluation)
# --------------------------------------------------------------------------------------


def train_competencies(
    features: Matrix, labels: Sequence[Sequence[str]], l2: float = COMPETENCY_L2
) -> tuple[Matrix, Matrix]:
    """Softmax regression where a story with k labels gives k rows weighing 1/k each."""
    from secondround.engine.nlp.learning import train_softmax

    rows, targets, weights = [], [], []
    for row, tags in zip(features, labels, strict=True):
        known = [c for c in tags if c in COMPETENCY_IDS]
        for c in known:
            rows.append(row)
            targets.append(COMPETENCY_IDS.index(c))
            weights.append(1.0 / len(known))
    return train_softmax(
        np.array(rows, dtype=np.float32),
        np.array(targets, dtype=np.int64),
        np.array(weights, dtype=np.float64),
        len(COMPETENCY_IDS),
        l2=l2,
    )


def best_threshold(answerable: Sequence[float], unanswerable: Sequence[float]) -> float:
    """The probability cut with the best balanced accuracy (ties: the middle of the run)."""
    if not answerable or not unanswerable:
        return 0.5
    candidates = sorted({*answerable, *unanswerable})
    scored = []
    for low, high in zip(candidates, [*candidates[1:], math.inf], strict=True):
        cut = (low + high) / 2 if high != math.inf else low + 1e-6
        kept = sum(p >= cut for p in answerable) / len(answerable)
        refused = sum(p < cut for p in unanswerable) / len(unanswerable)
        scored.append((kept + refused, cut))
    top = max(score for score, _ in scored)
    cuts = [cut for score, cut in scored if score >= top - 1e-9]
    return float(cuts[len(cuts) // 2])


@dataclass(frozen=True)
class Bank:
    """One candidate's labelled bank, ready for training: features with and without tags."""

    features: Floats  # (q, s, FEATURES) with the stories' tags
    relevant: Floats  # (q, s) 1 where the story answers the question


def train_ranker(
    banks: Sequence[Bank], l2: float = RANK_L2
) -> tuple[Floats, Floats, Floats, Floats, float]:
    """(mean, scale, rank_w, cover_w, cover_threshold) from labelled banks.

    Every bank counts twice, with its tags and with none, so the weights hold for a
    candidate who never tags a story."""
    with_tags = [b.features.reshape(-1, len(FEATURES)) for b in banks]
    without = []
    for b in banks:
        bare = b.features.copy()
        bare[..., TAGGED] = 0.0
        without.append(bare.reshape(-1, len(FEATURES)))
    x = np.vstack(with_tags + without)
    y = np.concatenate([b.relevant.reshape(-1) for b in banks] * 2)
    mean = x.mean(axis=0)
    scale = x.std(axis=0) + 1e-9
    z = (x - mean) / scale
    rank_w = learning.train_logistic(z, y, l2)
    cover_w = learning.train_logistic(np.delete(z, TAGGED, axis=1), y, l2)
    answerable: list[float] = []
    unanswerable: list[float] = []
    for b in banks:
        bz = (b.features - mean) / scale
        best = (np.delete(bz, TAGGED, axis=-1) @ cover_w[:-1] + cover_w[-1]).max(axis=1)
        probability = 1.0 / (1.0 + np.exp(-best))
        for p, row in zip(probability, b.relevant, strict=True):
            (answerable if row.any() else unanswerable).append(float(p))
    return mean, scale, rank_w, cover_w, best_threshold(answerable, unanswerable)
