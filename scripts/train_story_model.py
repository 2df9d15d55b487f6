"""Train the story model (competencies a story shows, and question-story ranking) and ship it.

    .venv/bin/python scripts/train_story_model.py

Reads every labelled story set of eval/story_sets.py (eval/stories, eval/stories_corpus),
writes secondround/data/models/story_model.npz and prints its SHA-256, to be pinned as
`story_model.MODEL_FILE_SHA256`. Only weights are shipped, not the stories.
eval/story_matching.py gives the leave-one-occupation-out figures of the same training.
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

from secondround.engine.stories import story_model  # noqa: E402


def main() -> None:
    occupations = story_sets.load()
    model = story_sets.train(occupations)
    story_model.save_model(model, story_model.MODEL_PATH)
    digest = hashlib.sha256(story_model.MODEL_PATH.read_bytes()).hexdigest()
    stories = sum(len(o.stories) for o in occupations)
    questions = sum(len(o.questions) for o in occupations)
    print(
        f"{story_model.MODEL_PATH.relative_to(ROOT)}: {stories} stories, {questions} questions, "
        f"{len(occupations)} occupations; cover threshold {model.cover_threshold:.3f}"
    )
    print(f"MODEL_FILE_SHA256 = {digest!r}")
    for name, weight in zip(story_model.FEATURES, model.rank_w, strict=False):
        print(f"  rank weight {name:14s} {weight:+.3f}")


if __name__ == "__main__":
    main()
