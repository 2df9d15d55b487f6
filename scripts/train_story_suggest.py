"""Train the story suggestion model (the competencies a story shows) and ship it.

    .venv/bin/python scripts/train_story_suggest.py

Trains on the labelled corpus stories (eval/stories, eval/stories_corpus) and the tagged
stories of the scenario packs of the development splits (never eval/scenarios_fresh2),
writes secondround/data/models/story_suggest.npz and prints its SHA-256, to be pinned as
`story_suggest.MODEL_FILE_SHA256`. eval/story_competencies.py gives the
leave-one-occupation-out figures of the same training. Only weights are shipped.
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

import story_sets  # noqa: E402

from secondround.engine.stories import story_suggest  # noqa: E402


def main() -> None:
    groups = story_sets.story_groups() + story_sets.pack_story_groups(held_out=False)
    model = story_sets.suggest_model(
        groups, story_sets.classifier_weights(), story_sets.description_centroids()
    )
    story_suggest.save_model(model, story_suggest.MODEL_PATH)
    digest = hashlib.sha256(story_suggest.MODEL_PATH.read_bytes()).hexdigest()
    stories = sum(len(g.stories) for g in groups)
    print(f"{story_suggest.MODEL_PATH.relative_to(ROOT)}: {stories} stories, {len(groups)} groups")
    print(f"MODEL_FILE_SHA256 = {digest!r}")


if __name__ == "__main__":
    main()
