"""The learned half of the skill filter: does a phrase that passed the typed rules name
a skill, or is it a generic noun ("start", "cash", "the station")?

A logistic regression (``data/models/skill_filter.npz``, SHA-256 pinned, trained by
``scripts/train_skill_filter.py`` on SkillSpan and the development postings of
``eval/postings_corpus``, never its test split) over, per phrase:

* the phrase's MiniLM vector (meaning: "megger testing" is near other trade procedures,
  "the station" near nothing a recruiter lists);
* the skill tagger network's mean chance for its tokens (context);
* its shape: words, word pieces per word (rare, technical words split into several),
  capitals and digits, the reader that proposed it, whether its last word is one the
  type tables know (a tool, procedure, knowledge or certification word).

Only uncurated candidates are scored; gazetteer names are trusted. Without the model or
MiniLM every candidate is accepted (the typed rules still apply).
"""

from __future__ import annotations

import contextlib
import hashlib
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from secondround.engine.nlp import embeddings
from secondround.engine.nlp.files import MODELS_DIR
from secondround.engine.reading import skill_tagger, skill_words

MODEL_PATH = MODELS_DIR / "skill_filter.npz"
MODEL_SHA256 = "6279d3f2b622b8f0bfd91e7e2321a511dde6648e8441f006bdb677c632f22949"
READERS = ("list", "named", "tagger", "phrase")
SUFFIXES = ("ing", "tion", "sion", "ment", "ance", "ence", "ure", "sis", "ogy", "ics", "ery")
Matrix = npt.NDArray[np.float32]
Span = tuple[int, int, str]  # (start, end, reader)


class ModelUnavailable(RuntimeError):
    """The filter's weights are missing or do not match their pinned SHA-256."""


@dataclass(frozen=True)
class Model:
    weights: Matrix  # (features,)
    bias: float
    threshold: float  # on the probability

    def probabilities(self, rows: Matrix) -> Matrix:
        scores = rows @ self.weights + self.bias
        out: Matrix = (1.0 / (1.0 + np.exp(-scores))).astype(np.float32)
        return out


# --------------------------------------------------------------------------------------
# Features (the training script uses the same function)
# --------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _type_words() -> tuple[frozenset[str], ...]:
    table = skill_words.words_table()
    return tuple(
        frozenset(w.lower() for w in table[key])
        for key in (
            "tool_words",
            "procedure_heads",
            "knowledge_words",
            "certification_words",
            "tool_acronyms",
            "knowledge_acronyms",
            "certification_acronyms",
        )
    )


def _shape(text: str, pieces: int, reader: str, chance: float | None) -> list[float]:
    words = text.split()
    count = max(len(words), 1)
    last = words[-1].lower().strip(".,;:()") if words else ""
    tool, procedure, knowledge, certification, *acronyms = _type_words()
    upper_words = [w for w in words if w.isupper() and len(w) > 1]
    out = [
        min(count, 6) / 6.0,
        min(pieces / count, 4.0) / 4.0,
        float(any(c.isupper() for c in text[1:])),
        float(bool(upper_words)),
        float(text[:1].isupper()),
        float(any(c.isdigit() for c in text)),
        float(count == 1),
        0.5 if chance is None else chance,
        float(chance is None),
        float(last in tool),
        float(last in procedure),
        float(last in knowledge),
        float(last in certification),
        float(any(w.lower() in group for w in upper_words for group in acronyms)),
        float(last.endswith(SUFFIXES)),
    ]
    out += [float(reader == name) for name in READERS]
    return out


def features(sentence: str, spans: Sequence[Span], *, chance: bool = True) -> Matrix:
    """One row per span: the MiniLM vector of its text, then its shape features.

    ``chance=False`` leaves the tagger's chance unknown (for the tagger's own training
    sentences, where it would look too good). Raises
    embeddings.ModelUnavailable without MiniLM."""
    texts = [sentence[start:end] for start, end, _ in spans]
    vectors = embeddings.embed_remembered(texts)
    pieces = embeddings.embedder().word_piece_counts(texts)
    shapes = [
        _shape(
            text,
            count,
            reader,
            skill_tagger.span_chance(sentence, start, end) if chance else None,
        )
        for text, count, (start, end, reader) in zip(texts, pieces, spans, strict=True)
    ]
    rows: Matrix = np.hstack([vectors, np.array(shapes, dtype=np.float32)]).astype(np.float32)
    return rows


# --------------------------------------------------------------------------------------
# The model
# --------------------------------------------------------------------------------------


_LOCK = threading.Lock()
_MODEL: Model | None = None
_OVERRIDE: list[Model | None] = []  # eval's leave-one-source-out models, innermost last


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def save(model: Model, path: Path = MODEL_PATH) -> str:
    """Write the weights (deterministically) and return their SHA-256."""
    with path.open("wb") as stream:
        np.savez(
            stream,
            weights=model.weights.astype(np.float32),
            bias=np.array([model.bias], dtype=np.float32),
            threshold=np.array([model.threshold], dtype=np.float32),
        )
    return _sha256(path)


def load(path: Path = MODEL_PATH, digest: str | None = None) -> Model:
    if not path.exists():
        raise ModelUnavailable(f"missing {path}")
    expected = MODEL_SHA256 if digest is None else digest
    if expected and _sha256(path) != expected:
        raise ModelUnavailable(f"{path.name} does not match its pinned SHA-256")
    if not expected:
        raise ModelUnavailable(f"{path.name} has no pinned SHA-256")
    with np.load(path) as stored:
        return Model(
            weights=stored["weights"].astype(np.float32),
            bias=float(stored["bias"][0]),
            threshold=float(stored["threshold"][0]),
        )


def _model() -> Model:
    global _MODEL
    if _OVERRIDE:
        override = _OVERRIDE[-1]
        if override is None:
            raise ModelUnavailable("turned off")
        return override
    if _MODEL is None:
        with _LOCK:
            if _MODEL is None:
                _MODEL = load()
    return _MODEL


@contextlib.contextmanager
def using(model: Model | None) -> Iterator[None]:
    """Use ``model`` (None: no learned filter) instead of the shipped one, for evaluation."""
    _OVERRIDE.append(model)
    try:
        yield
    finally:
        _OVERRIDE.pop()


def available() -> bool:
    try:
        _model()
    except ModelUnavailable:
        return False
    return True


def accept(sentence: str, spans: Sequence[Span]) -> list[bool]:
    """Whether each span is kept; all True when the model or MiniLM is unavailable."""
    if not spans:
        return []
    try:
        model = _model()
        rows = features(sentence, spans)
    except (ModelUnavailable, embeddings.ModelUnavailable):
        return [True] * len(spans)
    return [bool(p >= model.threshold) for p in model.probabilities(rows)]
