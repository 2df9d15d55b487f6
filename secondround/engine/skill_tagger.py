"""A CRF sequence tagger for skill spans in job-posting sentences.

Trained by ``scripts/train_skill_tagger.py`` on the SkillSpan train split (Zhang et al.,
NAACL 2022, MIT): skill and knowledge spans as one BIO label. The model file
(``data/models/skill_tagger.crfsuite``) is checked against its pinned SHA-256 and loaded
once per process. ``python-crfsuite`` has no type information, so it stays behind
``_Tagger``.

``tag_spans(sentence)`` tokenises a sentence the SkillSpan way (punctuation split off
words), computes per-token features (shared with the training script, so training and
use agree), tags it and returns character spans ``[(start, end), ...]``.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

MODELS_DIR = Path(__file__).resolve().parent.parent / "data" / "models"
MODEL_PATH = MODELS_DIR / "skill_tagger.crfsuite"
MODEL_SHA256 = "38dec2949a4ccec55fa515d7645de221cbb80ee3ab841333de473de1c8a1c748"
MAX_CHARS = 5000  # longer input is cut: a "sentence" longer than this is not one
MAX_TOKENS = 300

# A word with inner joiners (Node.js, CI/CD, e-mail, don't), "C++"/"C#", or one symbol.
TOKEN = re.compile(r"\w+(?:[.'’/&+-]\w+)*(?:\+\+|#)?|[^\w\s]")
Token = tuple[int, int]


class TaggerUnavailable(RuntimeError):
    """The tagger model is missing, does not match its digest, or crfsuite is absent."""


def tokenize(sentence: str) -> list[Token]:
    """Character spans of the tokens of ``sentence``."""
    return [(m.start(), m.end()) for m in TOKEN.finditer(sentence)]


# --------------------------------------------------------------------------------------
# Features
# --------------------------------------------------------------------------------------


_SHAPE_TABLE = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
    "X" * 26 + "x" * 26 + "d" * 10,
)
_REPEATS = re.compile(r"(.)\1+")


def _shape(word: str) -> str:
    """Xxx, xx, X.X, dd: character classes with runs cut to two."""
    return _REPEATS.sub(r"\1\1", word.translate(_SHAPE_TABLE))[:8]


@lru_cache(maxsize=50_000)
def _word_attributes(word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the token's own attributes, the attributes it gives its neighbours)."""
    low = word.lower()
    shape = _shape(word)
    title = word.istitle()
    upper = word.isupper() and len(word) > 1
    own = [
        f"w={low}",
        f"p2={low[:2]}",
        f"p3={low[:3]}",
        f"s2={low[-2:]}",
        f"s3={low[-3:]}",
        f"s4={low[-4:]}",
        f"sh={shape}",
    ]
    if title:
        own.append("ti")
    if upper:
        own.append("up")
    if any(c.isdigit() for c in word):
        own.append("dg")
    if not any(c.isalnum() for c in word):
        own.append("pu")
    near = [f"w={low}", f"sh={shape}", f"s3={low[-3:]}"]
    if title:
        near.append("ti")
    if upper:
        near.append("up")
    return tuple(own), tuple(near)


def gazetteer_tags(
    sentence: str, tokens: Sequence[Token], names: Sequence[tuple[int, int]] | None = None
) -> list[str]:
    """B, I or O per token: inside a gazetteer name (posting_analysis's gazetteer).

    ``names`` are the gazetteer's character spans when the caller has them already."""
    if names is None:
        from secondround.engine.posting_analysis import _gazetteer_spans

        names = [(span.start, span.end) for span in _gazetteer_spans(sentence)]
    tags = ["O"] * len(tokens)
    for name_start, name_end in names:
        first = True
        for index, (start, end) in enumerate(tokens):
            if start < name_end and name_start < end:
                tags[index] = "B" if first else "I"
                first = False
    return tags


def sentence_features(
    sentence: str, tokens: Sequence[Token], gazetteer: Sequence[str] | None = None
) -> list[dict[str, float]]:
    """crfsuite attributes per token (the training script uses the same function)."""
    words = [sentence[start:end] for start, end in tokens]
    gaz = list(gazetteer) if gazetteer is not None else gazetteer_tags(sentence, tokens)
    attributes = [_word_attributes(word) for word in words]
    lows = [word.lower() for word in words]
    count = len(words)
    out: list[dict[str, float]] = []
    for index in range(count):
        item = dict.fromkeys(attributes[index][0], 1.0)
        item["bias"] = 1.0
        item[f"gz={gaz[index]}"] = 1.0
        item[f"pos={min(index, 5)}"] = 1.0
        if index == count - 1:
            item["last"] = 1.0
        for offset in (-2, -1, 1, 2):
            other = index + offset
            if 0 <= other < count:
                for name in attributes[other][1]:
                    item[f"{offset}:{name}"] = 1.0
                item[f"{offset}:gz={gaz[other]}"] = 1.0
            else:
                item[f"{offset}:pad"] = 1.0
        if index > 0:
            item[f"-1|0={lows[index - 1]}|{lows[index]}"] = 1.0
        if index + 1 < count:
            item[f"0|1={lows[index]}|{lows[index + 1]}"] = 1.0
        out.append(item)
    return out


def bio_to_spans(tags: Sequence[str]) -> list[tuple[int, int]]:
    """Token spans [start, end) of a BIO sequence; an I without a B starts a span."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for index, tag in enumerate([*tags, "O"]):
        if tag == "O" or tag.startswith("B"):
            if start is not None:
                spans.append((start, index))
            start = index if tag.startswith("B") else None
        elif start is None:
            start = index
    return spans


# --------------------------------------------------------------------------------------
# The model
# --------------------------------------------------------------------------------------


class _Tagger:
    """A typed wrapper around ``pycrfsuite.Tagger``."""

    def __init__(self, path: Path) -> None:
        try:
            import pycrfsuite  # type: ignore[import-untyped]
        except ImportError as error:  # pragma: no cover - the package is a dependency
            raise TaggerUnavailable("python-crfsuite is not installed") from error
        self._tagger: Any = pycrfsuite.Tagger()
        self._tagger.open(str(path))
        self._lock = threading.Lock()

    def tag(self, items: list[dict[str, float]]) -> list[str]:
        if not items:
            return []
        with self._lock:  # a crfsuite Tagger keeps per-call state
            return [str(tag) for tag in self._tagger.tag(items)]


_LOCK = threading.Lock()
_TAGGER: _Tagger | None = None


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def model_digest_ok() -> bool:
    return MODEL_PATH.exists() and _sha256(MODEL_PATH) == MODEL_SHA256


def _load() -> _Tagger:
    global _TAGGER
    if _TAGGER is None:
        with _LOCK:
            if _TAGGER is None:
                if not MODEL_PATH.exists():
                    raise TaggerUnavailable(f"missing {MODEL_PATH}")
                if _sha256(MODEL_PATH) != MODEL_SHA256:
                    raise TaggerUnavailable(f"{MODEL_PATH.name} does not match its SHA-256")
                _TAGGER = _Tagger(MODEL_PATH)
    return _TAGGER


def available() -> bool:
    """Whether the tagger can be used (model present, digest matches, crfsuite installed)."""
    try:
        _load()
    except TaggerUnavailable:
        return False
    return True


def tag_tokens(
    sentence: str, tokens: Sequence[Token], names: Sequence[tuple[int, int]] | None = None
) -> list[str]:
    """BIO tags for given tokens of ``sentence`` (``names``: see gazetteer_tags)."""
    gazetteer = gazetteer_tags(sentence, tokens, names)
    return _load().tag(sentence_features(sentence, tokens, gazetteer))


def tag_spans(
    sentence: str, names: Sequence[tuple[int, int]] | None = None
) -> list[tuple[int, int]]:
    """Character spans of the skills in ``sentence``, left to right, not overlapping.

    Any string is accepted; text past MAX_CHARS or MAX_TOKENS tokens is not tagged.
    ``names``: the gazetteer's character spans, when the caller has them already.
    Raises TaggerUnavailable when the model cannot be loaded."""
    if not isinstance(sentence, str) or not sentence.strip():
        return []
    text = sentence[:MAX_CHARS]
    tokens = tokenize(text)[:MAX_TOKENS]
    if not tokens:
        return []
    return spans_from_tags(text, tokens, tag_tokens(text, tokens, names))


def spans_from_tags(
    text: str, tokens: Sequence[Token], tags: Sequence[str]
) -> list[tuple[int, int]]:
    """Character spans of the BIO spans, without lone punctuation at either end."""
    spans: list[tuple[int, int]] = []
    for first, last in bio_to_spans(tags):
        while first < last and not _has_alnum(text, tokens[first]):
            first += 1
        while last > first and not _has_alnum(text, tokens[last - 1]):
            last -= 1
        if first < last:
            spans.append((tokens[first][0], tokens[last - 1][1]))
    return spans


def _has_alnum(text: str, token: Token) -> bool:
    return any(c.isalnum() for c in text[token[0] : token[1]])
