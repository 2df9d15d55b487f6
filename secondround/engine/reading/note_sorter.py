"""Which field one clause of the notes belongs to, and how sure the engine is.

The cue rules (`rule_field`, over the tables of note_cues.py) choose the field. A learned
sorter was measured against them to choose it instead: a softmax regression over the
clause's MiniLM embedding and its cue features (which cues fired, the heading or legend mark
above it, where it sits in its sentence, what the clause before it was), trained by
scripts/train_note_sorter.py on the labelled clauses of 112 development notes.
Leave-one-source-out on the development notes it sorted worse than the rules (`eval/notes_split.py
--sorter-chooses`; when first measured, F1 0.886 against 0.958 on the corpus's dev sources
and 0.820 against 0.908 on eval/notes_grown; the rules were tuned on those notes, so the
comparison favours them, but the margin is wide), and letting it overrule the rules when
sure gained nothing. So it is used as a second opinion only:

- where a cue rule is sure (a strong cue, a question by its form), the rule stands;
- where the rule is weak (a bare "asked if I'm ok with weekends", no cue at all), the
  reported confidence is the mean of the rule's and the sorter's probability for that
  field, and below `SURE` (the sorter clearly disagrees) the clause is offered "to sort"
  with the sorter's best guess instead of being filed.

The weights ship as data/models/note_sorter.npz, checked against MODEL_SHA256 before they
are loaded; without them, or without the embedding model, the rules decide alone.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Protocol

import numpy as np
import numpy.typing as npt

from secondround.engine.nlp import embeddings
from secondround.engine.nlp.files import MODELS_DIR
from secondround.engine.reading.note_cues import (
    ASKED_RE,
    CONCERN_RE,
    CONCERNS,
    ITEM_FIELDS,
    MISS_RE,
    MISSES,
    OTHER,
    POSITIVE_RE,
    POSITIVES,
    Q_PREFIX_RE,
    QUESTION_OPENERS,
    QUESTIONS,
    STRONG_QUESTION_OPENERS,
    WEAK_CONCERN_RE,
)
from secondround.engine.reading.note_grades import MARK_FIELDS, rating_in, split_tail

__all__ = [
    "SURE",
    "ModelSorter",
    "Piece",
    "RuleSorter",
    "Sorter",
    "default_sorter",
    "piece_features",
    "rule_field",
    "strong_question",
    "train_sorter",
]

MODEL_PATH = MODELS_DIR / "note_sorter.npz"
# The digest of the shipped weights; scripts/train_note_sorter.py prints the new one.
MODEL_SHA256 = "71d44628768b38a4aa08fde3424e935a5f3be2049627309b36d45cac43d50176"
# Below this confidence an item is not filed but offered "to sort". Chosen on the dev
# notes (corpus dev sources and eval/notes_grown, leave-one-source-out), never on the test
# sources: at 0.4 the list held 1 + 9 items there for 0.003 / 0.011 of F1; at 0.5, 18 + 40
# items for 0.031 / 0.034.
SURE = 0.4
# A rule this sure decides alone (strong cues, a question by its form, a Q: line).
STRONG_RULE = 0.8
L2 = 1.0
SECTIONS: tuple[str | None, ...] = (QUESTIONS, POSITIVES, MISSES, CONCERNS, "terms", None)
MARKS: tuple[str | None, ...] = ("+", "-", "?", "!", None)


@dataclass(frozen=True)
class Piece:
    """One clause to sort, with what the reading around it says."""

    text: str
    section: str | None = None  # the heading or label it sits under, when any
    mark: str | None = None  # a legend mark before its line: + - ? !
    bullet: bool = False  # its line is a list item
    prose: bool = False  # its sentence sits in a paragraph of several sentences
    position: int = 0  # clause number in its sentence
    count: int = 1  # clauses in its sentence
    joint: str = ""  # what cut it from the clause before
    previous: str | None = None  # the rule field of the clause before, in the same sentence
    after_question: bool = False  # a question came before it in its sentence or line
    graded_next: bool = False  # the clause after it only grades it ("-> solid", "4/5")
    graded_line: bool = False  # its line starts with a grade (✓, ✗, a mark in a question list)


_HEDGE_RE = re.compile(
    r"^(?:so\s+|and\s+|which,?\s+(?:yeah,?\s+)?)?(?:maybe|prob(?:ably)?|i think|think|i guess|"
    r"i feel|i'?m guessing|guess|seems?|seemed like|sounded like|felt like|pretty sure|i'?d say)\b",
    re.IGNORECASE,
)


def is_interpretation(text: str) -> bool:
    """A hedged reading of what happened: "prob worried I want days only"."""
    return bool(_HEDGE_RE.match(text.strip())) and bool(CONCERN_RE.search(text))


_LEAD_FILLER_RE = re.compile(r"^(?:(?:and|so|then|um+|uh+|also|but|ok|okay|like)[,\s]+)+", re.I)
_INTERROGATIVE_RE = re.compile(
    r"^(?:how|why|what|what's|whats|when|where|who|which|do|did|does|have|has|can|could|"
    r"would|will|are|is|should)\b.*\byou\b|\?[\s\"”')]*$",
    re.IGNORECASE,
)
_REPORTED_RE = re.compile(
    r"(?i)^(?:(?:then|and|also|so|first|next|um)[,\s]+)*(?:[\w'.]+\s+){0,4}?"
    r"(?:asked|ask|asks|wanted to know|want to know)\b"
    r"|^(?:first|second|third|fourth|fifth|next|last|finally)\s*[:,-]\s*\S"
    r"|^(?:the\s+)?(?:first|second|third|fourth|fifth|next|last|another)?\s*"
    r"(?:question|one|q)\s+(?:was|is)\b"
    r"|^(?:first|second|third|fourth|fifth|next|last|another one)\s+was\s+about\b"
    r"|^(?:the\s+)?(?:first|second|third|fourth|fifth|next|last|final)\s+(?:one\s+)?(?:was|is)\s+"
    r"(?:who|what|how|why|when|where|which|whether|if|tell|describe|walk|give)\b"
    r"|^(?:the\s+)?(?:one|question|bit) (?:about|on|where)\b"
    r"|^(?:[\w'.]+\s+){0,4}?(?:opened|started|began|kicked off|finished|ended|closed) with\b"
    r"|^(?:[\w'.]+\s+){0,4}?(?:gave|threw|put|hit) (?:me|us) (?:with )?(?:a|an|the|this|one)\s+"
    r"(?:scenario|situation|case|role[- ]?play|question|test|hypothetical|problem|task)\b"
)


_NEXT_TOPIC_RE = re.compile(
    r"(?i)^(?:then|next|and then|after that|and next)[,:\s]+(?:(?:um+|uh+|so)[,\s]+)?"
    r"(?:they |she |he )?(?:moved on |went on )?(?:to |on )?"
    r"about\s+(?!\d|half|an? (?:hour|minute))\w"
)
# "forgot to mention user testing": something left unsaid, a miss even on a question's line
# (unlike "forgot discovery", how the answer went).
_LEFT_UNSAID_RE = re.compile(
    r"(?i)^(?:forgot|forget|didn'?t get to|never got to)\s+(?:to\s+)?(?:mention|talk about|"
    r"bring up|ask about|show|include|highlight)\b"
)
_SELF_CRITIQUE_RE = re.compile(r"(?i)^(?:forgot|forget|ran out|missed|didn'?t get to)\b")


def bare(text: str) -> str:
    """The clause without spoken filler at its start, for the cue tests."""
    stripped = _LEAD_FILLER_RE.sub("", text.strip())
    return stripped if stripped else text.strip()


def strong_question(text: str) -> bool:
    """A clause that is a question by its own form, not only by a grade after it."""
    text = bare(text)
    return looks_like_question(text) or bool(_INTERROGATIVE_RE.search(text))


def looks_like_question(text: str) -> bool:
    text = bare(text)
    body, went, _ = split_tail(text)
    stripped = body.rstrip()
    if Q_PREFIX_RE.match(text) or _REPORTED_RE.match(text):
        return True
    if stripped.endswith("?") and len(stripped.split()) >= 2:
        return True
    if STRONG_QUESTION_OPENERS.match(text):
        return True
    return went is not None and bool(QUESTION_OPENERS.match(text))


def rule_field(piece: Piece) -> tuple[str, float]:
    """The field the cue words point to, and a rough confidence in it."""
    text = bare(piece.text)
    if Q_PREFIX_RE.match(text):
        return QUESTIONS, 0.95
    if _NEXT_TOPIC_RE.match(piece.text.strip()) and piece.position == 0:
        # "then about infection control... mixed up the PPE order": the next thing asked,
        # told as a topic after a line of questions.
        return QUESTIONS, 0.8
    if MISS_RE.search(text):
        if (
            piece.after_question
            and not piece.prose
            and _SELF_CRITIQUE_RE.match(text)
            and not _LEFT_UNSAID_RE.match(text)
        ):
            # "- sell me this stapler - jumped to features, forgot discovery": how the
            # answer went, not something left unsaid.
            return OTHER, 0.6
        return MISSES, 0.9
    if CONCERN_RE.search(text):
        return CONCERNS, 0.85
    mark_field = None
    if piece.mark and piece.section is None:
        mark_field = MARK_FIELDS.get(piece.mark)
    interrogative = bool(_INTERROGATIVE_RE.search(text)) and not ASKED_RE.search(text)
    if mark_field == CONCERNS and not interrogative and ASKED_RE.search(text):
        return CONCERNS, 0.75
    if POSITIVE_RE.search(text) and not text.rstrip().endswith("?"):
        return POSITIVES, 0.8
    if (
        piece.previous == CONCERNS
        and (piece.joint in (";", "+", "and") or re.match(r"(?i)(?:and\s+)?also\b", piece.text))
        and ASKED_RE.search(text)
    ):
        # "worried I'm overqualified, also asked if I'd get bored": a second doubt.
        return CONCERNS, 0.6
    if (
        piece.position > 0
        and piece.previous != QUESTIONS
        and text.rstrip().endswith("?")
        and len(text.split()) <= 3
        and not QUESTION_OPENERS.match(text)
    ):
        # "salary - too high?": the note's own aside on what came before, not a question.
        return OTHER, 0.6
    if looks_like_question(text) or interrogative:
        weak = WEAK_CONCERN_RE.search(text) and re.search(r"(?i)\basked\b|\bask\b", text)
        return (QUESTIONS, 0.55) if weak else (QUESTIONS, 0.8)
    if mark_field is not None:
        return mark_field, 0.65
    if piece.section in (POSITIVES, MISSES, CONCERNS, QUESTIONS):
        return piece.section, 0.7
    if (
        (piece.graded_next or piece.graded_line)
        and not piece.prose
        and len(text.split()) >= 2
        and not re.match(r"(?i)^(?:i|i'm|i've|i'd|we|my)\b", text)
    ):
        return QUESTIONS, 0.7
    body, went, _ = split_tail(text)
    if (
        went is not None
        and not piece.prose
        and not _NOT_A_QUESTION.search(body)
        and len(body.split()) >= 3
    ):
        return QUESTIONS, 0.6
    return OTHER, 0.6


_NOT_A_QUESTION = re.compile(
    r"\binterview\b|^(?:so |ok |okay |well )?(?:the|this|it|that|overall|today|round|i|we|"
    r"she|he|they|you|my|our)\b",
    re.IGNORECASE,
)


class Sorter(Protocol):
    def prepare(self, texts: Sequence[str]) -> None: ...

    def sort(self, piece: Piece) -> tuple[str, float]: ...


class RuleSorter:
    """The cue words alone (no model installed, or measuring the rules)."""

    def prepare(self, texts: Sequence[str]) -> None:
        return None

    def sort(self, piece: Piece) -> tuple[str, float]:
        return rule_field(piece)


# --------------------------------------------------------------------------------------------
# The learned sorter.
# --------------------------------------------------------------------------------------------

_CUE_TESTS: tuple[re.Pattern[str], ...] = (
    MISS_RE,
    CONCERN_RE,
    WEAK_CONCERN_RE,
    POSITIVE_RE,
    ASKED_RE,
    Q_PREFIX_RE,
    QUESTION_OPENERS,
    STRONG_QUESTION_OPENERS,
)
_RULE_SLOTS: tuple[str, ...] = ITEM_FIELDS
_JOINTS: tuple[str, ...] = ("", ";", "+", "-", "—", "->", ",", "and", "then", "?")
CUE_FEATURES = (
    len(_CUE_TESTS) + 2 * len(_RULE_SLOTS) + len(SECTIONS) + len(MARKS) + len(_JOINTS) + 13
)


def _one_hot(value: object, slots: Sequence[object]) -> list[float]:
    row = [0.0] * len(slots)
    index = slots.index(value) if value in slots else len(slots) - 1
    row[index] = 1.0
    return row


def piece_features(piece: Piece) -> list[float]:
    """The cue features of a clause (the embedding is added beside them)."""
    text = piece.text
    rule, _ = rule_field(piece)
    words = len(text.split())
    features: list[float] = [1.0 if test.search(text) else 0.0 for test in _CUE_TESTS]
    features += _one_hot(rule, _RULE_SLOTS)
    features += _one_hot(piece.previous or OTHER, _RULE_SLOTS)
    features += _one_hot(piece.section, SECTIONS)
    features += _one_hot(piece.mark, MARKS)
    features += _one_hot(piece.joint if piece.joint in _JOINTS else ",", _JOINTS)
    features += [
        1.0 if piece.bullet else 0.0,
        1.0 if piece.prose else 0.0,
        1.0 if piece.position == 0 else 0.0,
        1.0 if piece.position == piece.count - 1 else 0.0,
        1.0 if piece.after_question else 0.0,
        1.0 if text.rstrip().endswith("?") else 0.0,
        1.0 if rating_in(text) is not None else 0.0,
        1.0 if is_interpretation(text) else 0.0,
        min(words, 30) / 30.0,
        1.0 if re.match(r"(?i)^(?:i|i'm|i've|i'd|my|me)\b", text) else 0.0,
        1.0 if piece.graded_next else 0.0,
        1.0 if piece.graded_line else 0.0,
        1.0 if _INTERROGATIVE_RE.search(bare(text)) else 0.0,
    ]
    return features


class ModelSorter:
    """(W, b) of a softmax regression over [embedding, cue features] -> ITEM_FIELDS."""

    def __init__(self, weights: npt.NDArray[np.float32], bias: npt.NDArray[np.float32]) -> None:
        self.weights = weights
        self.bias = bias
        self._vectors: dict[str, npt.NDArray[np.float32]] = {}

    def prepare(self, texts: Sequence[str]) -> None:
        """Embed the clauses of one note in a single batch."""
        missing = list(dict.fromkeys(t for t in texts if t not in self._vectors))
        if missing:
            for text, vector in zip(missing, embeddings.embed(missing), strict=True):
                self._vectors[text] = vector
        if len(self._vectors) > 4096:
            self._vectors = {t: self._vectors[t] for t in texts if t in self._vectors}

    def probabilities(
        self, vectors: npt.NDArray[np.float32], pieces: Sequence[Piece]
    ) -> npt.NDArray[np.float64]:
        cues = np.array([piece_features(piece) for piece in pieces], dtype=np.float32)
        features = np.hstack([vectors.reshape(len(pieces), -1), cues]).astype(np.float64)
        logits = features @ self.weights + self.bias
        logits -= logits.max(axis=1, keepdims=True)
        probs: npt.NDArray[np.float64] = np.exp(logits)
        probs /= probs.sum(axis=1, keepdims=True)
        return probs

    def sort(self, piece: Piece) -> tuple[str, float]:
        """The rule's field; where the rule is weak, with the sorter's second opinion."""
        field_name, rule_confidence = rule_field(piece)
        if rule_confidence >= STRONG_RULE:
            return field_name, rule_confidence
        if piece.text not in self._vectors:
            self.prepare([piece.text])
        vector = self._vectors[piece.text].reshape(1, -1)
        row = self.probabilities(vector, [piece])[0]
        confidence = (rule_confidence + float(row[ITEM_FIELDS.index(field_name)])) / 2
        if confidence < SURE:
            # Not filed: offered to sort, with what the sorter thinks it is.
            return ITEM_FIELDS[int(row.argmax())], confidence
        return field_name, confidence


def train_sorter(
    vectors: npt.NDArray[np.float32], pieces: Sequence[Piece], labels: Sequence[str]
) -> ModelSorter:
    """Fit on labelled clauses, each field weighted equally."""
    from secondround.engine.nlp.learning import train_softmax

    targets = np.array([ITEM_FIELDS.index(label) for label in labels], dtype=np.int64)
    counts = np.bincount(targets, minlength=len(ITEM_FIELDS)).astype(np.float64)
    sample_weight = 1.0 / np.maximum(counts[targets], 1.0)
    cues = np.array([piece_features(piece) for piece in pieces], dtype=np.float32)
    features = np.hstack([vectors.reshape(len(pieces), -1), cues])
    weights, bias = train_softmax(features, targets, sample_weight, len(ITEM_FIELDS), l2=L2)
    return ModelSorter(weights, bias)


def save_sorter(sorter: ModelSorter, path: Path = MODEL_PATH) -> str:
    """Write the weights; return the file's SHA-256 to pin in MODEL_SHA256."""
    with path.open("wb") as stream:
        np.savez_compressed(
            stream,
            model_sha256=np.array(embeddings.MODEL_SHA256),
            fields=np.array(ITEM_FIELDS),
            W=sorter.weights,
            b=sorter.bias,
        )
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_sorter(path: Path = MODEL_PATH, sha256: str | None = None) -> ModelSorter | None:
    """The shipped sorter, or None when it is missing, altered, or made for another model."""
    expected = MODEL_SHA256 if sha256 is None else sha256
    try:
        if hashlib.sha256(path.read_bytes()).hexdigest() != expected:
            return None
        with np.load(path, allow_pickle=False) as data:
            if str(data["model_sha256"]) != embeddings.MODEL_SHA256:
                return None
            if tuple(str(field) for field in data["fields"]) != ITEM_FIELDS:
                return None
            weights = np.asarray(data["W"], dtype=np.float32)
            bias = np.asarray(data["b"], dtype=np.float32)
    except (OSError, KeyError, ValueError):
        return None
    if weights.shape != (embeddings.DIMENSIONS + CUE_FEATURES, len(ITEM_FIELDS)):
        return None
    return ModelSorter(weights, bias)


@cache
def default_sorter() -> Sorter:
    """The shipped model when it and the embedding model load; the rules otherwise."""
    model = load_sorter()
    if model is None:
        return RuleSorter()
    try:
        embeddings.embedder()
    except embeddings.ModelUnavailable:
        return RuleSorter()
    return model
