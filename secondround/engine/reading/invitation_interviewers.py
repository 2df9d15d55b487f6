"""Whether a person named in an invitation interviews the candidate: a learned decision.

The reader's earlier stages say, for every mention of a name, where it stands (a table
row, a schedule entry, a labelled line "Chair: X", a run of "Name, Title" lines, a
sentence), what is written around it (a heading, "you will meet", "will take his
place", "ask for X at reception", a title) and what the hand-written rules concluded.
A logistic regression over those observations, trained on the labelled corpus
(eval/invitations_corpus) by scripts/train_invitation_models.py, makes the decision;
its weights ship in data/models/invitation_interviewer.npz, pinned by SHA-256. Without
the file the rules decide alone, as before.

The model learns the default the rules kept missing: in an invitation, a titled person
in a list-like block is interviewing unless something says otherwise (the coordinator
who signs, a guide, someone cc'd, a replaced or unavailable person, a name in passing).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from secondround.engine.nlp.files import MODELS_DIR
from secondround.engine.reading.invitation_clauses import clause_bounds, with_before
from secondround.engine.reading.invitation_cues import (
    ASIDE,
    FORWARD_TRIGGER,
    INTERVIEW_WORDS,
    ROSTER_LABEL,
    SOCIAL,
    SUBJECT_TRIGGER,
    Mention,
    other_label,
)
from secondround.engine.reading.invitation_lines import ROSTER_HEADING, Unit
from secondround.engine.reading.invitation_names import find_names

__all__ = [
    "FEATURES",
    "THRESHOLD",
    "InterviewerModel",
    "PersonView",
    "decision_model",
    "load_model",
    "person_features",
    "record",
    "recording",
    "recording_active",
    "save_model",
    "train_model",
    "using_model",
]

MODEL_PATH = MODELS_DIR / "invitation_interviewer.npz"
# Pinned digest of the shipped file; scripts/train_invitation_models.py rewrites it.
MODEL_FILE_SHA256 = "0000000000000000000000000000000000000000000000000000000000000000"
THRESHOLD = 0.5
L2 = 1.0

# Around a name: the person arranges the day rather than sitting in it.
ARRANGING = re.compile(
    r"\b(?:coordinat\w*|arrang\w*|schedul\w*|organi[sz]\w*|contact\w*|reach|queries|call"
    r"|phone|reply|respond|confirm\w*|on behalf|assistant to|let (?:me|us|her|him) know"
    r"|any questions|get in touch|e-?mail (?:me|her|him))\b",
    re.IGNORECASE,
)
# Around a name: an earlier round or a meeting already held.
EARLIER = re.compile(
    r"\b(?:first|previous|earlier|initial|last (?:week|time|month)|met|spoke|spoken"
    r"|enjoyed|thank you for)\b",
    re.IGNORECASE,
)
# Titles at the top of an organisation: often named in passing ("our CEO believes ...").
TOP_TITLE = re.compile(
    r"\b(?:CEO|chief executive|founder|co-founder|president|owner|chair(?:man|woman)?"
    r"|managing director|principal)\b",
    re.IGNORECASE,
)
HR_TITLE = re.compile(
    r"\b(?:HR|human resources?|recruit\w*|talent|people (?:and|&) (?:culture|capability)"
    r"|staffing|personnel|resourcing)\b",
    re.IGNORECASE,
)


@dataclass
class PersonView:
    """What the roster stage knows of one person, for the decision."""

    name: str
    honorific: str | None
    mentions: list[Mention]  # all of them, in the order met
    rule: bool  # what the hand-written rules decided
    signer_depths: frozenset[int]  # the messages this person signs
    newest_named: bool  # the newest message with names puts someone on the panel (rules)
    unchanged: bool  # the newest message says the rest of the panel stays the same
    position: float  # where the first mention stands in the mail, 0 (top) to 1
    people: int  # people named in the mail


def _clause_around(text: str, at: int) -> tuple[str, str]:
    """The words of the clause before and after a position."""
    for start, end in clause_bounds(text):
        if start <= at < end:
            return text[start:at], text[at:end]
    return text[:at], text[at:]


def _mention_flags(mention: Mention) -> dict[str, bool]:
    unit: Unit = mention.unit
    text = unit.text
    at = max(text.find(mention.name.split()[0]), 0)
    before, after = _clause_around(text, at)
    near = f"{before[-80:]} {after[:120]}"
    without = _without_names(text)
    label = unit.label
    return {
        "rule_positive": mention.positive and not mention.aside,
        "positive_aside": mention.positive and mention.aside,
        "listed": unit.kind in {"row", "entry", "item"},
        "row": unit.kind == "row",
        "entry": unit.kind == "entry",
        "prose": unit.kind == "prose",
        "run": unit.run,
        "roster_heading": bool(ROSTER_HEADING.search(unit.heading)),
        "heading": bool(unit.heading.strip()),
        "roster_label": bool(label) and bool(ROSTER_LABEL.search(label)),
        "other_label": other_label(label),
        "own_time": mention.times is not None and not mention.borrowed,
        "any_time": mention.times is not None,
        "unit_time": unit.times is not None and not unit.borrowed,
        "titled": bool(mention.title) and not mention.me,
        "forward": any(match.end() <= at for match in FORWARD_TRIGGER.finditer(text)),
        "forward_clause": bool(FORWARD_TRIGGER.search(before)),
        "subject": bool(SUBJECT_TRIGGER.search(after)),
        "with": with_before(before),
        "interview_words": bool(INTERVIEW_WORDS.search(without)),
        "aside": mention.aside,
        "aside_near": bool(ASIDE.search(_without_names(near))),
        "social": bool(SOCIAL.search(without)) and not INTERVIEW_WORDS.search(without),
        "unavailable": mention.unavailable,
        "replaced": mention.replaced,
        "me": mention.me,
        "arranging": bool(ARRANGING.search(_without_names(near))),
        "earlier": bool(EARLIER.search(_without_names(near))),
        "alone": len(find_names(text)) <= 1,
        "crowd": len(find_names(text)) >= 3,
        "partial": mention.partial,
    }


def _without_names(text: str) -> str:
    for span in reversed(find_names(text)):
        text = text[: span.start] + " " + text[span.end :]
    return text


# The order of the model's columns. "any_" is true when one mention of the newest message
# naming the person has the flag, "all_" when every one has it.
MENTION_FLAGS: tuple[str, ...] = (
    "rule_positive",
    "positive_aside",
    "listed",
    "row",
    "entry",
    "prose",
    "run",
    "roster_heading",
    "heading",
    "roster_label",
    "other_label",
    "own_time",
    "any_time",
    "unit_time",
    "titled",
    "forward",
    "forward_clause",
    "subject",
    "with",
    "interview_words",
    "aside",
    "aside_near",
    "social",
    "unavailable",
    "replaced",
    "me",
    "arranging",
    "earlier",
    "alone",
    "crowd",
    "partial",
)
PERSON_FLAGS: tuple[str, ...] = (
    "rule",
    "signer_newest",
    "signer_older",
    "older_only",
    "older_positive",
    "newest_named",
    "unchanged",
    "one_word",
    "honorific",
    "top_title_prose",
    "hr_title",
    "many_mentions",
    "early",
    "late",
    "few_people",
)
FEATURES: tuple[str, ...] = (
    *(f"any_{flag}" for flag in MENTION_FLAGS),
    *(f"all_{flag}" for flag in ("prose", "aside", "listed", "arranging")),
    *PERSON_FLAGS,
)


def person_features(view: PersonView) -> list[float]:
    """One row of FEATURES for a person (floats 0 or 1)."""
    depth = min(mention.unit.message for mention in view.mentions)
    newest = [m for m in view.mentions if m.unit.message == depth]
    older = [m for m in view.mentions if m.unit.message != depth]
    flags = [_mention_flags(mention) for mention in newest]
    titles = [m.title for m in view.mentions if m.title]
    person = {
        "rule": view.rule,
        "signer_newest": depth in view.signer_depths,
        "signer_older": any(d > depth for d in view.signer_depths),
        "older_only": depth > 0,
        "older_positive": any(m.positive and not m.aside for m in older),
        "newest_named": view.newest_named,
        "unchanged": view.unchanged and depth > 0,
        "one_word": len(view.name.split()) == 1,
        "honorific": bool(view.honorific),
        "top_title_prose": any(TOP_TITLE.search(t) for t in titles)
        and all(m.unit.kind == "prose" for m in newest),
        "hr_title": any(HR_TITLE.search(t) for t in titles),
        "many_mentions": len(view.mentions) >= 2,
        "early": view.position < 0.25,
        "late": view.position > 0.75,
        "few_people": view.people <= 2,
    }
    row = [float(any(f[flag] for f in flags)) for flag in MENTION_FLAGS]
    row += [
        float(all(f[flag] for f in flags)) for flag in ("prose", "aside", "listed", "arranging")
    ]
    row += [float(person[flag]) for flag in PERSON_FLAGS]
    return row


class InterviewerModel:
    """Logistic regression: P(interviewing) = sigmoid(features · w + b)."""

    def __init__(self, weights: npt.NDArray[np.float64], bias: float) -> None:
        self.weights = weights
        self.bias = bias

    def probability(self, row: Sequence[float]) -> float:
        score = float(np.asarray(row, dtype=np.float64) @ self.weights + self.bias)
        return float(1.0 / (1.0 + np.exp(-score)))


def train_model(
    rows: Sequence[Sequence[float]], labels: Sequence[int], l2: float = L2
) -> InterviewerModel:
    """Fit on (features, interviewing?) pairs; offline only."""
    from secondround.engine.nlp.learning import train_logistic

    x = np.asarray(rows, dtype=np.float64).reshape(len(rows), len(FEATURES))
    y = np.asarray(labels, dtype=np.float64)
    fitted = train_logistic(x, y, l2)
    return InterviewerModel(fitted[:-1], float(fitted[-1]))


def save_model(model: InterviewerModel, path: Path = MODEL_PATH) -> str:
    """Write the weights; returns the file's SHA-256 (to pin as MODEL_FILE_SHA256)."""
    with path.open("wb") as stream:
        np.savez_compressed(
            stream,
            features=np.array(FEATURES),
            weights=model.weights.astype(np.float64),
            bias=np.array([model.bias]),
        )
    return hashlib.sha256(path.read_bytes()).hexdigest()


@cache
def load_model(path: Path = MODEL_PATH, pinned: str | None = None) -> InterviewerModel | None:
    """The shipped model, or None when it is missing, altered or made for other features."""
    try:
        if hashlib.sha256(path.read_bytes()).hexdigest() != (pinned or MODEL_FILE_SHA256):
            return None
        with np.load(path, allow_pickle=False) as data:
            if tuple(str(name) for name in data["features"]) != FEATURES:
                return None
            weights = np.asarray(data["weights"], dtype=np.float64)
            bias = float(np.asarray(data["bias"])[0])
    except (OSError, KeyError, ValueError, IndexError):
        return None
    if weights.shape != (len(FEATURES),):
        return None
    return InterviewerModel(weights, bias)


# ---- training and evaluation hooks ---------------------------------------------------

RULES_ONLY = "rules"
_override: ContextVar[InterviewerModel | str | None] = ContextVar("interviewer_model", default=None)
_recorder: ContextVar[list[tuple[str, list[float]]] | None] = ContextVar(
    "interviewer_recorder", default=None
)


def decision_model() -> InterviewerModel | None:
    """The model to decide with: an override (leave-one-source-out), else the shipped one."""
    chosen = _override.get()
    if chosen == RULES_ONLY:
        return None
    if isinstance(chosen, InterviewerModel):
        return chosen
    return load_model()


@contextmanager
def using_model(model: InterviewerModel | str) -> Iterator[None]:
    """Decide with this model (or RULES_ONLY) inside the block."""
    token = _override.set(model)
    try:
        yield
    finally:
        _override.reset(token)


@contextmanager
def recording() -> Iterator[list[tuple[str, list[float]]]]:
    """Collect (name, features) of every person decided on inside the block."""
    rows: list[tuple[str, list[float]]] = []
    token = _recorder.set(rows)
    try:
        yield rows
    finally:
        _recorder.reset(token)


def recording_active() -> bool:
    return _recorder.get() is not None


def record(name: str, row: list[float]) -> None:
    rows = _recorder.get()
    if rows is not None:
        rows.append((name, row))
