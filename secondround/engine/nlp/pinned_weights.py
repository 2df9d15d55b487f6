"""Read and write small model weights made over the MiniLM embedding, pinned by SHA-256.

Every learned question model (kinds, competency, illegal questions) ships one `.npz` file
written offline by a script in `scripts/`. Before any of its arrays is trusted the file must
match the digest its module pins, and it must have been made for the embedding model that is
installed (its `model_sha256` entry): weights over another embedding would read nonsense.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from secondround.engine.nlp import embeddings

__all__ = ["load_pinned_arrays", "save_pinned_arrays"]

Arrays = dict[str, npt.NDArray[np.generic]]


def save_pinned_arrays(path: Path, arrays: Mapping[str, npt.ArrayLike]) -> str:
    """Write `arrays` with the embedding model's digest; returns the file's SHA-256 (to pin)."""
    payload: dict[str, Any] = {"model_sha256": np.array(embeddings.MODEL_SHA256), **arrays}
    with path.open("wb") as stream:
        np.savez_compressed(stream, **payload)
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_pinned_arrays(path: Path, pinned: str, names: tuple[str, ...]) -> Arrays | None:
    """The arrays `names` of the file at `path`, or None when the file is missing, does not
    match the SHA-256 `pinned`, was made for another embedding model, or lacks one of them."""
    try:
        if hashlib.sha256(path.read_bytes()).hexdigest() != pinned:
            return None
        with np.load(path, allow_pickle=False) as data:
            if str(data["model_sha256"]) != embeddings.MODEL_SHA256:
                return None
            return {name: np.asarray(data[name]) for name in names}
    except (OSError, KeyError, ValueError):
        return None
