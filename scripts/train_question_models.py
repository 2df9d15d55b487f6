"""Train the question-kind and question-competency models on every labelled question.

    .venv/bin/python scripts/train_question_models.py

Reads the sets of eval/question_sets.py (our library, eval/questions_corpus, the rubric
labels but not their test split, which eval/classify_questions.py scores, and
../shared/eval/06_questions_across_occupations) and the competency prototype sentences,
writes secondround/data/models/question_kinds.npz and question_competency.npz,
and pins their SHA-256 in question_kinds.py / question_competency.py. Only weights are
shipped, not the questions. eval/question_kinds.py gives the leave-one-source-out figures
of the same training (every source left out in turn).
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # small matrices: threads only contend

import re  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from question_sets import labelled_questions, training_rows  # noqa: E402

from secondround.engine.questions import (  # noqa: E402
    question_competency,
    question_kinds,  # noqa: E402
)


def pin(module_path: Path, digest: str) -> None:
    """Rewrite MODEL_FILE_SHA256 = "…" in a module's source."""
    text = module_path.read_text(encoding="utf-8")
    text = re.sub(r'MODEL_FILE_SHA256 = "[0-9a-f]{64}"', f'MODEL_FILE_SHA256 = "{digest}"', text)
    module_path.write_text(text, encoding="utf-8")


def main() -> None:
    rows = labelled_questions()
    data = training_rows(rows)
    keep = [i for i, ok in enumerate(data.trainable) if ok]
    kinds = question_kinds.train_kind_model(
        data.vectors[keep],
        [data.rules[i] for i in keep],
        [data.kinds[i] for i in keep],
        data.forms[keep],
    )
    digest = question_kinds.save_kind_model(kinds)
    pin(Path(question_kinds.__file__), digest)
    competency = question_competency.train_competency_model(
        np.vstack([data.vectors[keep], data.proto_vectors]),
        np.vstack([data.lexicon[keep], data.proto_lexicon]),
        [*(data.kinds[i] for i in keep), *data.proto_rules],
        [*(data.competencies[i] for i in keep), *data.proto_competencies],
        [*(data.weights[i] for i in keep), *data.proto_weights],
    )
    digest_c = question_competency.save_competency_model(competency)
    pin(Path(question_competency.__file__), digest_c)
    sets = sorted({row["set"] for row in rows})
    print(
        f"{len(keep)} of {len(rows)} questions from {', '.join(sets)} (the rubric test split"
        f" left out), {len(data.proto_rules)} prototypes"
    )
    print(f"question_kinds.npz {digest}\nquestion_competency.npz {digest_c}")


if __name__ == "__main__":
    main()
