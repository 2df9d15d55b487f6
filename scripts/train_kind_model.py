"""Train the question-kind model on every labelled question and ship its weights.

    .venv/bin/python scripts/train_kind_model.py

Reads the sets of eval/question_sets.py (our library, eval/questions_corpus, the rubric
labels and ../shared/eval/06_questions_across_occupations) and writes
secondround/data/models/question_kinds.npz. Only weights are shipped, not the questions.
eval/question_kinds.py gives the leave-one-source-out figures of the same training.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from question_sets import labelled_questions  # noqa: E402

from secondround.engine import embeddings  # noqa: E402
from secondround.engine.classify import question_kind  # noqa: E402
from secondround.engine.question_kinds import (  # noqa: E402
    MODEL_PATH,
    save_kind_model,
    train_kind_model,
)


def main() -> None:
    rows = labelled_questions()
    texts = [row["text"] for row in rows]
    model = train_kind_model(
        embeddings.embed(texts), [question_kind(text) for text in texts], [r["kind"] for r in rows]
    )
    save_kind_model(model)
    sets = sorted({row["set"] for row in rows})
    print(f"{MODEL_PATH.relative_to(ROOT)}: {len(rows)} questions from {', '.join(sets)}")


if __name__ == "__main__":
    main()
