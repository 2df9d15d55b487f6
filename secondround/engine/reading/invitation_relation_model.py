"""An interviewer's relation to the role, learned from titles and cues beside the rules.

The rules of invitation_relations read what the mail says ("you would report to her")
and then the title; the roster-level passes of invitation.py settle who is the hiring
manager. A softmax regression over the words of the title, the cue the notes give, how
the title compares with the role applied for, and the rules' own answer, trained on the
labelled corpus by scripts/train_invitation_models.py, gives the relation instead. Its
weights and title vocabulary ship in data/models/invitation_relation.npz, pinned by
SHA-256; without it the rules decide alone.

Whether the model or the rules is in force is measured, not assumed: eval/invitations.py
scores both leaving each source out, and the shipped file records the winner (USE_MODEL).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from secondround.engine.nlp.files import MODELS_DIR
from secondround.engine.nlp.vocabulary import RELATIONS
from secondround.engine.reading.invitation_relations import (
    ABOVE_LINE,
    MANAGING,
    RANK_BELOW,
    another_field,
    infer_relation,
    manages_the_field,
    same_job,
)

__all__ = [
    "RelationModel",
    "RelationView",
    "decision_model",
    "load_model",
    "record",
    "recording",
    "relation_features",
    "save_model",
    "title_words",
    "train_model",
    "using_model",
]

MODEL_PATH = MODELS_DIR / "invitation_relation.npz"
MODEL_FILE_SHA256 = "0000000000000000000000000000000000000000000000000000000000000000"
CLASSES: tuple[str, ...] = tuple(RELATIONS)
RULE_SLOTS: tuple[str | None, ...] = (*CLASSES, None)
L2 = 1.0
# Where the model decides: "fill" (rows the rules leave without a relation), "unsure" (also
# rows whose relation the rules only inferred), "replace" (every row).
POLICY = "fill"
# A title word enters the vocabulary when this many training rows have it.
MIN_WORD_ROWS = 3


class RelationView:
    """What the reader knows of one listed person when their relation is decided."""

    def __init__(
        self,
        *,
        title: str | None,
        context: str,
        role: str | None,
        rule: str | None,
        rule_unsure: bool,
        stated_manager_elsewhere: bool,
        people: int,
    ) -> None:
        self.title = title
        self.context = context
        self.role = role
        self.rule = rule
        self.rule_unsure = rule_unsure
        self.stated_manager_elsewhere = stated_manager_elsewhere
        self.people = people


def title_words(title: str | None) -> list[str]:
    """Lower-case words of a title, brackets and what follows a comma kept."""
    return re.findall(r"[^\W\d_]{2,}", (title or "").casefold())


def relation_features(view: RelationView, vocabulary: Sequence[str]) -> list[float]:
    words = set(title_words(view.title))
    row = [float(word in words) for word in vocabulary]
    row += [float(view.rule == slot) for slot in RULE_SLOTS]
    cue = infer_relation(None, view.context)
    row += [float(cue == slot) for slot in RULE_SLOTS]
    by_title = infer_relation(view.title) if view.title else None
    row += [float(by_title == slot) for slot in RULE_SLOTS]
    title = view.title or ""
    row += [
        float(bool(view.title)),
        float(view.rule_unsure),
        float(view.stated_manager_elsewhere),
        float(manages_the_field(view.title, view.role)),
        float(another_field(view.title, view.role)),
        float(same_job(view.title, view.role)),
        float(bool(MANAGING.search(title))),
        float(bool(ABOVE_LINE.search(title))),
        float(bool(RANK_BELOW.search(title))),
        float(view.people <= 1),
        float(view.people >= 4),
    ]
    return row


class RelationModel:
    def __init__(
        self,
        vocabulary: Sequence[str],
        weights: npt.NDArray[np.float32],
        bias: npt.NDArray[np.float32],
        use: bool = True,
    ) -> None:
        self.vocabulary = tuple(vocabulary)
        self.weights = weights
        self.bias = bias
        self.use = use  # False: the rules measured better; the file keeps the weights

    def overrules(self, view: RelationView) -> bool:
        """Whether the model decides this row: where the rules found no relation, or (by
        the POLICY measured best) also where their answer was only inferred."""
        if POLICY == "replace":
            return True
        if POLICY == "unsure":
            return view.rule is None or view.rule_unsure
        return view.rule is None

    def probabilities(self, view: RelationView) -> dict[str, float]:
        row = np.asarray(relation_features(view, self.vocabulary), dtype=np.float64)
        logits = row @ self.weights.astype(np.float64) + self.bias.astype(np.float64)
        logits -= logits.max()
        chances = np.exp(logits)
        chances /= chances.sum()
        return {relation: float(chance) for relation, chance in zip(CLASSES, chances, strict=True)}


def train_model(pairs: Sequence[tuple[RelationView, str]], l2: float = L2) -> RelationModel:
    """Fit on (view, relation) pairs (offline only): the vocabulary first, then weights."""
    from secondround.engine.nlp.learning import train_softmax

    counts: dict[str, int] = {}
    for view, _ in pairs:
        for word in set(title_words(view.title)):
            counts[word] = counts.get(word, 0) + 1
    vocabulary = sorted(word for word, count in counts.items() if count >= MIN_WORD_ROWS)
    x = np.asarray([relation_features(view, vocabulary) for view, _ in pairs], dtype=np.float32)
    y = np.asarray([CLASSES.index(label) for _, label in pairs], dtype=np.int64)
    weights, bias = train_softmax(x, y, np.ones(len(pairs)), len(CLASSES), l2=l2)
    return RelationModel(vocabulary, weights, bias)


def save_model(model: RelationModel, path: Path = MODEL_PATH) -> str:
    with path.open("wb") as stream:
        np.savez_compressed(
            stream,
            classes=np.array(CLASSES),
            vocabulary=np.array(model.vocabulary),
            weights=model.weights,
            bias=model.bias,
            use=np.array([model.use]),
        )
    return hashlib.sha256(path.read_bytes()).hexdigest()


@cache
def load_model(path: Path = MODEL_PATH, pinned: str | None = None) -> RelationModel | None:
    try:
        if hashlib.sha256(path.read_bytes()).hexdigest() != (pinned or MODEL_FILE_SHA256):
            return None
        with np.load(path, allow_pickle=False) as data:
            if tuple(str(name) for name in data["classes"]) != CLASSES:
                return None
            vocabulary = [str(word) for word in data["vocabulary"]]
            weights = np.asarray(data["weights"], dtype=np.float32)
            bias = np.asarray(data["bias"], dtype=np.float32)
            use = bool(np.asarray(data["use"])[0])
    except (OSError, KeyError, ValueError, IndexError):
        return None
    dims = len(vocabulary) + 3 * len(RULE_SLOTS) + 11
    if weights.shape != (dims, len(CLASSES)) or bias.shape != (len(CLASSES),):
        return None
    return RelationModel(vocabulary, weights, bias, use)


# ---- training and evaluation hooks ---------------------------------------------------

RULES_ONLY = "rules"
_override: ContextVar[RelationModel | str | None] = ContextVar("relation_model", default=None)
_recorder: ContextVar[list[tuple[str, RelationView]] | None] = ContextVar(
    "relation_recorder", default=None
)


def decision_model() -> RelationModel | None:
    chosen = _override.get()
    if chosen == RULES_ONLY:
        return None
    if isinstance(chosen, RelationModel):
        return chosen
    shipped = load_model()
    return shipped if shipped is not None and shipped.use else None


@contextmanager
def using_model(model: RelationModel | str) -> Iterator[None]:
    token = _override.set(model)
    try:
        yield
    finally:
        _override.reset(token)


@contextmanager
def recording() -> Iterator[list[tuple[str, RelationView]]]:
    rows: list[tuple[str, RelationView]] = []
    token = _recorder.set(rows)
    try:
        yield rows
    finally:
        _recorder.reset(token)


def record(name: str, view: RelationView) -> None:
    rows = _recorder.get()
    if rows is not None:
        rows.append((name, view))
