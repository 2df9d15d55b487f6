"""A CRF sequence tagger for skill spans in job-posting sentences.

Trained by ``scripts/train_skill_tagger.py`` on the SkillSpan train and dev splits
(Zhang et al., NAACL 2022, MIT): skill and knowledge spans as one BIO label. Two model
files, each checked against its pinned SHA-256 and loaded once per process:

* ``skill_tagger_mlp.npz``: a small network reading each token's contextual MiniLM vector
  (with its neighbours') and giving the chances it begins or continues a skill;
* ``skill_tagger.crfsuite``: the CRF, whose features are the word's form, affixes,
  shape, neighbours, the gazetteer, and the network's two chances for the token and its
  neighbours (stacking: the network sees meaning, the CRF keeps spans well formed).

``tag_spans(sentence)`` tokenises a sentence the SkillSpan way (punctuation split off
words), computes per-token features (shared with the training script, so training and
use agree), tags it and returns character spans ``[(start, end), ...]``. Running MiniLM
is the cost, so ``prepare(sentences)`` computes a whole posting's chances in batches and
remembers them for the ``tag_spans`` calls that follow.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from secondround.engine.nlp import embeddings
from secondround.engine.nlp.files import MODELS_DIR

MODEL_PATH = MODELS_DIR / "skill_tagger.crfsuite"
MODEL_SHA256 = "1982ef5e25505a6e8b2ddb1bc513b1e39640d05c7c45ce9fbc36afdc84b784ac"
NETWORK_PATH = MODELS_DIR / "skill_tagger_mlp.npz"
NETWORK_SHA256 = "6a2032f5df51619fad26c32a39a1fc344ace73e3df73a2b4a9f839f45f9fb789"
MAX_CHARS = 5000  # longer input is cut: a "sentence" longer than this is not one
MAX_TOKENS = 300

# A word with inner joiners (Node.js, CI/CD, e-mail, don't), "C++"/"C#", or one symbol.
TOKEN = re.compile(r"\w+(?:[.'’/&+-]\w+)*(?:\+\+|#)?|[^\w\s]")
Token = tuple[int, int]
Chances = npt.NDArray[np.float32]  # per token: (outside, begins, continues) a skill


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
        from secondround.engine.reading.posting_analysis import gazetteer_spans

        names = [(span.start, span.end) for span in gazetteer_spans(sentence)]
    tags = ["O"] * len(tokens)
    for name_start, name_end in names:
        first = True
        for index, (start, end) in enumerate(tokens):
            if start < name_end and name_start < end:
                tags[index] = "B" if first else "I"
                first = False
    return tags


def sentence_features(
    sentence: str,
    tokens: Sequence[Token],
    gazetteer: Sequence[str] | None = None,
    chances: Chances | None = None,
) -> list[dict[str, float]]:
    """crfsuite attributes per token (the training script uses the same function).

    ``chances``: the network's output for these tokens (see ``network_chances``)."""
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
        if chances is not None:
            for offset in (-1, 0, 1):
                other = index + offset
                if 0 <= other < count:
                    item[f"{offset}:nB"] = float(chances[other, 1])
                    item[f"{offset}:nI"] = float(chances[other, 2])
        out.append(item)
    return out


def network_input(states: Chances) -> Chances:
    """Each token's vector beside its left and right neighbours' (zeros at the edges)."""
    if len(states) == 0:
        return np.zeros((0, states.shape[1] * 3), dtype=np.float32)
    edge = np.zeros((1, states.shape[1]), dtype=np.float32)
    before = np.vstack([edge, states[:-1]])
    after = np.vstack([states[1:], edge])
    joined: Chances = np.hstack([before, states, after]).astype(np.float32)
    return joined


def forward(weights: Sequence[Chances], inputs: Chances) -> Chances:
    """The network: one ReLU layer, then softmax over (O, B, I)."""
    first, first_bias, second, second_bias = weights
    scores = np.maximum(inputs @ first + first_bias, 0.0) @ second + second_bias
    scores -= scores.max(axis=1, keepdims=True)
    exp = np.exp(scores)
    chances: Chances = (exp / exp.sum(axis=1, keepdims=True)).astype(np.float32)
    return chances


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
_NETWORK: tuple[Chances, ...] | None = None


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def model_digest_ok() -> bool:
    return all(
        path.exists() and _sha256(path) == digest
        for path, digest in ((MODEL_PATH, MODEL_SHA256), (NETWORK_PATH, NETWORK_SHA256))
    )


def _check(path: Path, digest: str) -> None:
    if not path.exists():
        raise TaggerUnavailable(f"missing {path}")
    if _sha256(path) != digest:
        raise TaggerUnavailable(f"{path.name} does not match its SHA-256")


def _load() -> tuple[_Tagger, tuple[Chances, ...]]:
    global _TAGGER, _NETWORK
    if _TAGGER is None or _NETWORK is None:
        with _LOCK:
            if _TAGGER is None or _NETWORK is None:
                _check(MODEL_PATH, MODEL_SHA256)
                _check(NETWORK_PATH, NETWORK_SHA256)
                with np.load(NETWORK_PATH) as stored:
                    _NETWORK = tuple(
                        stored[name].astype(np.float32) for name in ("w1", "b1", "w2", "b2")
                    )
                _TAGGER = _Tagger(MODEL_PATH)
    return _TAGGER, _NETWORK


# The network's chances per sentence text, so that a posting prepared in one batch is
# not run through MiniLM again sentence by sentence.
_REMEMBERED: OrderedDict[str, Chances] = OrderedDict()
_REMEMBERED_LOCK = threading.Lock()
REMEMBERED_SENTENCES = 4096


def _clip(sentence: str) -> tuple[str, list[Token]]:
    text = sentence[:MAX_CHARS]
    return text, tokenize(text)[:MAX_TOKENS]


def network_chances(texts: Sequence[str], tokens: Sequence[Sequence[Token]]) -> list[Chances]:
    """The network's (O, B, I) chances for the given tokens of each text, in batches."""
    _, network = _load()
    try:
        states = embeddings.embedder().span_states(texts, tokens)
    except embeddings.ModelUnavailable as error:
        raise TaggerUnavailable(str(error)) from error
    return [forward(network, network_input(rows)) for rows in states]


def forget_prepared() -> None:
    with _REMEMBERED_LOCK:
        _REMEMBERED.clear()


def prepare(sentences: Sequence[str]) -> None:
    """Run the network over many sentences at once (batched); ``tag_spans`` reuses it."""
    with _REMEMBERED_LOCK:
        missing = list(
            dict.fromkeys(s for s in sentences if isinstance(s, str) and s not in _REMEMBERED)
        )
    clipped = [_clip(sentence) for sentence in missing]
    wanted = [
        (sentence, text, tokens)
        for sentence, (text, tokens) in zip(missing, clipped, strict=True)
        if tokens
    ]
    if not wanted:
        return
    chances = network_chances([text for _, text, _ in wanted], [tokens for _, _, tokens in wanted])
    with _REMEMBERED_LOCK:
        for (sentence, _, _), rows in zip(wanted, chances, strict=True):
            _REMEMBERED[sentence] = rows
        while len(_REMEMBERED) > REMEMBERED_SENTENCES:
            _REMEMBERED.popitem(last=False)


def _chances(sentence: str, text: str, tokens: Sequence[Token]) -> Chances:
    with _REMEMBERED_LOCK:
        known = _REMEMBERED.get(sentence)
    if known is not None and len(known) == len(tokens):
        return known
    return network_chances([text], [tokens])[0]


def available() -> bool:
    """Whether the tagger can be used (model present, digest matches, crfsuite installed)."""
    try:
        _load()
    except TaggerUnavailable:
        return False
    return True


def tag_tokens(
    sentence: str,
    tokens: Sequence[Token],
    names: Sequence[tuple[int, int]] | None = None,
    chances: Chances | None = None,
) -> list[str]:
    """BIO tags for given tokens of ``sentence`` (``names``: see gazetteer_tags)."""
    tagger, _ = _load()
    if chances is None:
        chances = network_chances([sentence], [tokens])[0]
    gazetteer = gazetteer_tags(sentence, tokens, names)
    return tagger.tag(sentence_features(sentence, tokens, gazetteer, chances))


def tag_spans(
    sentence: str, names: Sequence[tuple[int, int]] | None = None
) -> list[tuple[int, int]]:
    """Character spans of the skills in ``sentence``, left to right, not overlapping.

    Any string is accepted; text past MAX_CHARS or MAX_TOKENS tokens is not tagged.
    ``names``: the gazetteer's character spans, when the caller has them already.
    Raises TaggerUnavailable when the model cannot be loaded."""
    if not isinstance(sentence, str) or not sentence.strip():
        return []
    text, tokens = _clip(sentence)
    if not tokens:
        return []
    chances = _chances(sentence, text, tokens)
    return spans_from_tags(text, tokens, tag_tokens(text, tokens, names, chances))


def span_chance(sentence: str, start: int, end: int) -> float | None:
    """The network's mean chance that the tokens of ``sentence[start:end]`` are part of a
    skill (begins or continues one); None when the tagger is unusable or no token fits."""
    if not isinstance(sentence, str) or not sentence.strip():
        return None
    text, tokens = _clip(sentence)
    inside = [i for i, (s, e) in enumerate(tokens) if s < end and start < e]
    if not inside:
        return None
    try:
        chances = _chances(sentence, text, tokens)
    except TaggerUnavailable:
        return None
    return float((chances[inside, 1] + chances[inside, 2]).mean())


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
