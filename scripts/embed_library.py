"""Embed every question-library text and competency prototype into the shipped cache.

Run from the repo root after editing secondround/data/questions/*.json or
secondround/data/competency_prototypes.json:

    .venv/bin/python scripts/embed_library.py

Writes secondround/data/questions_embeddings.npz: float16 vectors, the question ids,
SHA-256 digests of the concatenated texts (plus the model's digest), and the softmax
regression (W, b) that classify.py trains on those vectors and the prototypes (with a
digest of the training rows, labels and settings). classify.py uses the
file only when the digests match the current texts; otherwise it embeds in memory at
first use (correct, just slower). tests/engine/test_embedding_cache.py fails while the
shipped file is stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from secondround.engine.questions import classify  # noqa: E402


def main() -> int:
    arrays = classify.embedding_cache_arrays(classify.load_library())
    path = classify.EMBEDDINGS_PATH
    tmp = path.with_name(path.name + ".tmp.npz")
    np.savez_compressed(tmp, **arrays)  # type: ignore[arg-type]
    tmp.replace(path)
    print(
        f"{path.relative_to(ROOT)}: {len(arrays['ids'])} questions,"
        f" {len(arrays['prototype_competencies'])} prototypes,"
        f" softmax W {arrays['softmax_W'].shape}, {path.stat().st_size} bytes"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
