"""Train the cover model ("does any story answer this question?") and ship it.

    .venv/bin/python scripts/train_cover_model.py

Reads the labelled rounds of eval/cover_corpus and the labelled story sets
(eval/stories, eval/stories_corpus). Each candidate's inputs come from a story model
trained without that candidate (the demo's from the shipped one, which never saw it), as
a new candidate's will; the cover model reads the shipped story model's output at run
time, so it is tied to that model's SHA-256. Writes secondround/data/models/story_cover.npz
and prints its SHA-256, to be pinned as `story_cover.MODEL_FILE_SHA256`.
eval/story_cover.py gives the leave-one-occupation-out figures of the same training.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # small matrices: threads only contend
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

import cover_sets  # noqa: E402
import story_sets  # noqa: E402

from secondround.engine.stories import (  # noqa: E402
    story_cover,
    story_model,  # noqa: E402
)


def main() -> None:
    shipped = story_model.load_model()
    if shipped is None:
        raise SystemExit("no shipped story model: run scripts/train_story_model.py first")
    pool = story_sets.load()
    everyone = cover_sets.units(pool, cover_sets.load(pool))
    rankers = cover_sets.held_out_rankers(pool)
    banks = [cover_sets.labelled_bank(u, rankers.get(u.group, shipped)) for u in everyone]
    model = story_cover.train_cover(
        banks,
        story_model_sha256=story_model.MODEL_FILE_SHA256,
        trained_on=sorted({u.set for u in everyone}),
    )
    story_cover.save_cover_model(model, story_cover.MODEL_PATH)
    digest = hashlib.sha256(story_cover.MODEL_PATH.read_bytes()).hexdigest()
    questions = sum(len(u.questions) for u in everyone)
    print(
        f"{story_cover.MODEL_PATH.relative_to(ROOT)}: {questions} labelled questions in "
        f"{len(everyone)} banks, {len(model.labelled.vectors)} distinct; "
        f"threshold {model.threshold:.3f}"
    )
    print(f"MODEL_FILE_SHA256 = {digest!r}")
    for name, weight in zip(story_cover.FEATURES, model.weights, strict=False):
        print(f"  weight {name:18s} {weight:+.3f}")


if __name__ == "__main__":
    main()
