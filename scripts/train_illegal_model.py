"""Train the learned illegal-question model (secondround/engine/questions/illegal_model.py).

    .venv/bin/python scripts/train_illegal_model.py          # train, save, pin the SHA-256
    .venv/bin/python scripts/train_illegal_model.py --cv     # only the development figures

Development data only:
- every labelled question set of eval/question_sets.py, without the rubric labels' test split
  (eval/classify_questions.py scores it) and without the test half of the corpus rows the
  protected-ground reader was not written from (eval/illegal_reader.py scores it);
- the development half of eval/illegal_questions (eval/illegal_sources.py scores the other);
- eval/illegal_questions/dev_more.txt (development only: more public pages, and our own wording
  of the indirect forms that guidance describes in prose, with lawful look-alikes).
eval/questions_fresh3 is a development set since questions5 (it is among the labelled sets).
The test sets (those halves, eval/questions_fresh4, eval/questions_fresh5, the blind set) are
never read. `--cv` deals the sources into ten folds by a hash of their address, trains on nine
and scores the tenth, and prints illegal recall and precision of "the reader, or the model
when no lawful form is read" at several thresholds: THRESHOLD and L2 were chosen from it.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # small matrices: threads only contend

import argparse  # noqa: E402
import hashlib  # noqa: E402
import re  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

import illegal_reader  # noqa: E402
import illegal_sources  # noqa: E402
from question_sets import labelled_questions  # noqa: E402

from secondround.engine.nlp import embeddings  # noqa: E402
from secondround.engine.questions import classify, illegal_model, illegal_questions  # noqa: E402


def development_rows() -> list[dict]:
    """{text, illegal, ground, source} of every development question."""
    rows = []
    for row in labelled_questions():
        if row.get("split") == "test":
            continue
        number = int(str(row.get("id") or "qc-0").split("-")[-1])
        if (
            row["set"] == "corpus"
            and number >= illegal_reader.FIRST_NEW
            and illegal_reader.half(row["source"]) == "test"
        ):
            continue
        illegal = row["kind"] == "illegal"
        ground = illegal_questions.protected_ground(row["text"]) if illegal else None
        rows.append(
            {
                "text": row["text"],
                "illegal": illegal,
                "ground": ground,
                "source": f"{row['set']}:{row['source']}",
                "lookalike": (row.get("note") or "").startswith("LEGAL look-alike"),
            }
        )
    staged = [r for r in illegal_sources.load() if illegal_sources.half(r["source"]) == "dev"]
    for row in [*staged, *illegal_sources.load(illegal_sources.DEV_MORE)]:
        ground = row["ground"] if row["ground"] in illegal_questions.GROUNDS else None
        rows.append(
            {
                "text": row["text"],
                "illegal": row["illegal"],
                "ground": ground if row["illegal"] else None,
                "source": f"illegal_questions:{row['source']}",
                "lookalike": not row["illegal"],
            }
        )
    return rows


def cross_validate(rows: list[dict], vectors: np.ndarray) -> None:
    folds = np.array([hashlib.sha256(r["source"].encode()).digest()[0] % 10 for r in rows])
    truth = np.array([r["illegal"] for r in rows])
    look = np.array([r["lookalike"] for r in rows])
    probs = np.zeros(len(rows))
    for fold in range(10):
        train = folds != fold
        model = illegal_model.train_illegal_model(
            vectors[train],
            truth[train],
            [r["ground"] for r, t in zip(rows, train, strict=True) if t],
            look[train],
        )
        probs[~train] = model.probability(vectors[~train])
    readings = [illegal_questions.reading(r["text"]) for r in rows]
    reader = np.array([r.illegal for r in readings])
    lawful = np.array([r.lawful_form is not None for r in readings])
    for threshold in (None, 0.6, 0.7, 0.8, 0.9):
        said = reader if threshold is None else reader | ((probs >= threshold) & ~lawful)
        caught = int((said & truth).sum())
        name = "reader" if threshold is None else f"model_{threshold:g}"
        print(f"FIGURE illegal_model_cv_{name}_recall {caught / truth.sum():.3f} ratio")
        print(f"FIGURE illegal_model_cv_{name}_precision {caught / max(1, said.sum()):.3f} ratio")


def pin(module_path: Path, digest: str) -> None:
    text = module_path.read_text(encoding="utf-8")
    text = re.sub(r'MODEL_FILE_SHA256 = "[0-9a-f]{64}"', f'MODEL_FILE_SHA256 = "{digest}"', text)
    module_path.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cv", action="store_true", help="print development figures only")
    args = parser.parse_args()
    rows = development_rows()
    vectors = embeddings.embed([classify.embedding_text(r["text"]) for r in rows])
    if args.cv:
        cross_validate(rows, vectors)
        return
    truth = np.array([r["illegal"] for r in rows])
    look = np.array([r["lookalike"] for r in rows])
    model = illegal_model.train_illegal_model(vectors, truth, [r["ground"] for r in rows], look)
    digest = illegal_model.save_illegal_model(model)
    pin(Path(illegal_model.__file__), digest)
    print(f"{len(rows)} development questions ({int(truth.sum())} illegal)")
    print(f"illegal_questions.npz {digest}")


if __name__ == "__main__":
    main()
