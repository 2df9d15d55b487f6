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
    title_rank,
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
MODEL_FILE_SHA256 = "ec1bf94f2cf101fbed64dbd4de1686c05b82a55ec59aeec59241b55b6c017853"
CLASSES: tuple[str, ...] = tuple(RELATIONS)
RULE_SLOTS: tuple[str | None, ...] = (*CLASSES, None)
L2 = 0.3
# Where the model decides: "fill" (rows the rules leave without a relation), "quiet" (those
# whose title leads no one: where a managing title is left without a relation, the rules
# withheld it on purpose, e.g. two possible line managers), "unsure" (also rows whose
# relation the rules only inferred), "replace" (every row). Leaving each source out, on the
# corpus's 550 labelled rows: rules alone 0.689, quiet 0.709, fill 0.738; quiet keeps the
# reader's own tests' rule that an unstated line manager is not guessed.
POLICY = "quiet"
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
        other_titles: tuple[str | None, ...] = (),
    ) -> None:
        self.title = title
        self.context = context
        self.role = role
        self.rule = rule
        self.rule_unsure = rule_unsure
        self.stated_manager_elsewhere = stated_manager_elsewhere
        self.people = people
        self.other_titles = other_titles


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
    if RANK_FEATURES:
        row += _rank_features(view)
    return row


# Whether the title's rank (invitation_relations.title_rank) beside the role's and the
# panel's is an input: measured leaving each source out (scripts/train_invitation_models.py).
RANK_FEATURES = True
RANK_SLOTS: tuple[int | None, ...] = (None, 0, 1, 2, 3, 4, 5)
RANK_WIDTH = 2 * len(RANK_SLOTS) + 6 + 4


def _rank_features(view: RelationView) -> list[float]:
    """Where the title stands: its rank, the role's, the step between them, and its place
    among the others on the panel (the highest, the lowest, how many stand above it)."""
    mine, role = title_rank(view.title), title_rank(view.role)
    row = [float(mine == slot) for slot in RANK_SLOTS]
    row += [float(role == slot) for slot in RANK_SLOTS]
    step = None if mine is None or role is None else mine - role
    row += [
        float(step is None),
        float(step is not None and step < 0),
        float(step == 0),
        float(step == 1),
        float(step == 2),
        float(step is not None and step >= 3),
    ]
    others = [rank for rank in map(title_rank, view.other_titles) if rank is not None]
    higher = sum(rank > mine for rank in others) if mine is not None else 0
    row += [
        float(mine is not None and bool(others) and all(mine > rank for rank in others)),
        float(mine is not None and bool(others) and all(mine < rank for rank in others)),
        float(higher == 1),
        float(higher >= 2),
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
        if POLICY == "quiet":
            return view.rule is None and not MANAGING.search(view.title or "")
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
    dims = len(vocabulary) + 3 * len(RULE_SLOTS) + 11 + (RANK_WIDTH if RANK_FEATURES else 0)
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
