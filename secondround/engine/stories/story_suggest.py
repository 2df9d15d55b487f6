"""The competencies a story shows, for the candidate to tick: a small learned model.

A softmax regression over what is cheap to read and holds across occupations (issue 15):

* what the question classifier's own softmax makes of the whole story and of its title +
  action + result (its weights are copied into our file);
* the MiniLM cosine of those two embeddings with each competency's description sentences
  (`data/competency_prototypes.json`, their centroid per competency, copied in too);
* the competency cue words in the title, situation, action and result (`story_cues`, read
  through the spaCy parse): what was at stake, what the teller did and what came of it.

It is trained (scripts/train_story_suggest.py) on the labelled corpus stories and the
scenario packs' stories of the development splits, each story's tags weighing one in
total; the fresh2 packs are held out. It replaced the story model's own competency softmax
over the raw embeddings for suggestions only (that one still feeds the story ranker), which
read shorthand stories badly. eval/story_competencies.py scores both, leave one occupation
out. The weights ship in `data/models/story_suggest.npz`, pinned by SHA-256 and tied to
the embedding model; without them `suggest` falls back to the story model.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from secondround.engine.nlp import embeddings
from secondround.engine.nlp.files import MODELS_DIR
from secondround.engine.stories import story_cues, story_model

MODEL_PATH = MODELS_DIR / "story_suggest.npz"
MODEL_FILE_SHA256 = "6348b1e4bfd27963e0a44462f4ff8f34e8e3561f963e456d09c1bad60b495725"

Matrix = npt.NDArray[np.float32]
L2 = 0.1  # on standardised features; chosen leave-one-occupation-out on the dev stories


@dataclass(frozen=True)
class SuggestModel:
    classifier_w: Matrix  # (dims, competencies): the question classifier's softmax, frozen
    classifier_b: Matrix
    centroids: Matrix  # (competencies, dims): unit centroids of the description sentences
    w: Matrix
    b: Matrix

    def probabilities(self, documents: Matrix, parts: Matrix, cues: Matrix) -> Matrix:
        """(stories, competencies) P(competency shown | story)."""
        inputs = features(
            documents, parts, cues, self.classifier_w, self.classifier_b, self.centroids
        )
        return story_model._softmax_rows(inputs @ self.w + self.b)


def features(
    documents: Matrix,
    parts: Matrix,
    cues: Matrix,
    classifier_w: Matrix,
    classifier_b: Matrix,
    centroids: Matrix,
) -> Matrix:
    """(stories, 5 x competencies): the classifier's two readings, the two similarities
    to the descriptions, the cue counts."""
    tars = parts[:, story_model.TAR_ROW]
    read_doc = story_model._softmax_rows(documents @ classifier_w + classifier_b)
    read_tar = story_model._softmax_rows(tars @ classifier_w + classifier_b)
    return np.hstack(
        [read_doc, read_tar, documents @ centroids.T, tars @ centroids.T, cues]
    ).astype(np.float32)


def cue_matrix(texts: Sequence[tuple[str, ...]]) -> Matrix:
    """(stories, competencies) cue counts of each (title, situation, action, result)."""
    rows = [story_cues.cue_counts(*text) for text in texts]
    return np.array(rows, dtype=np.float32).reshape(len(texts), len(story_model.COMPETENCY_IDS))


def description_centroids(competencies: Sequence[str], vectors: Matrix) -> Matrix:
    """One unit centroid per competency id of the description sentences' vectors."""
    out = np.zeros((len(story_model.COMPETENCY_IDS), vectors.shape[1]), dtype=np.float32)
    for i, competency in enumerate(story_model.COMPETENCY_IDS):
        mine = vectors[[j for j, c in enumerate(competencies) if c == competency]]
        if len(mine):
            centroid = mine.mean(axis=0)
            out[i] = centroid / (np.linalg.norm(centroid) + 1e-9)
    return out


def train(
    inputs: Matrix,
    labels: Sequence[Sequence[str]],
    *,
    classifier: tuple[Matrix, Matrix],
    centroids: Matrix,
    l2: float = L2,
) -> SuggestModel:
    w, b = story_model.train_competencies(inputs, labels, l2=l2)
    return SuggestModel(classifier[0], classifier[1], centroids, w, b)


def save_model(model: SuggestModel, path: Path) -> None:
    np.savez_compressed(
        path,
        model_sha256=np.array(embeddings.MODEL_SHA256),
        competencies=np.array(story_model.COMPETENCY_IDS),
        classifier_w=model.classifier_w.astype(np.float32),
        classifier_b=model.classifier_b.astype(np.float32),
        centroids=model.centroids.astype(np.float32),
        w=model.w.astype(np.float32),
        b=model.b.astype(np.float32),
    )


@cache
def load_model(path: Path | None = None) -> SuggestModel | None:
    """The shipped model (or the file at `path`, unpinned), or None when it is missing,
    altered, or made for another embedding or competency list."""
    try:
        if path is None:
            path = MODEL_PATH
            if hashlib.sha256(path.read_bytes()).hexdigest() != MODEL_FILE_SHA256:
                return None
        with np.load(path, allow_pickle=False) as data:
            if str(data["model_sha256"]) != embeddings.MODEL_SHA256:
                return None
            if tuple(str(c) for c in data["competencies"]) != story_model.COMPETENCY_IDS:
                return None
            return SuggestModel(
                classifier_w=np.asarray(data["classifier_w"], dtype=np.float32),
                classifier_b=np.asarray(data["classifier_b"], dtype=np.float32),
                centroids=np.asarray(data["centroids"], dtype=np.float32),
                w=np.asarray(data["w"], dtype=np.float32),
                b=np.asarray(data["b"], dtype=np.float32),
            )
    except (OSError, KeyError, ValueError):
        return None
