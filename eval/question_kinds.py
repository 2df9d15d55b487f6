"""Question kind and competency across occupations, leave-one-source-out, beside the rules.

    .venv/bin/python eval/question_kinds.py

For each set with real questions (occupations, corpus, rubric), every source in turn is
left out: the kind model is trained on all other labelled questions (the library and the
other sources) and scores the questions of the source left out. A kind is right when it
equals the label's kind or its second defensible kind. The baseline is the classifier's
kind from the rules alone (then its nearest neighbours, then "behavioral"), in the same
run. Competency is the classifier's (not learned here), scored leniently: the label or one
of its defensible alternatives.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from question_sets import labelled_questions  # noqa: E402

from secondround.engine import embeddings  # noqa: E402
from secondround.engine.classify import classify_question, question_kind  # noqa: E402
from secondround.engine.question_kinds import train_kind_model  # noqa: E402

EVALUATED = ("occupations", "corpus", "rubric")


def right(kind: str, row: dict) -> bool:
    return kind in {row["kind"], row.get("kind_alt")}


def report(name: str, rows: list[dict], kinds: list[str]) -> None:
    accuracy = sum(right(k, r) for k, r in zip(kinds, rows, strict=True)) / len(rows)
    illegal = [k for k, r in zip(kinds, rows, strict=True) if r["kind"] == "illegal"]
    flagged = [r for k, r in zip(kinds, rows, strict=True) if k == "illegal"]
    print(f"FIGURE {name}_kind {accuracy:.3f} ratio")
    if illegal:
        recall = sum(k == "illegal" for k in illegal) / len(illegal)
        print(f"FIGURE {name}_illegal_recall {recall:.3f} ratio")
    if flagged:
        precision = sum(r["kind"] == "illegal" for r in flagged) / len(flagged)
        print(f"FIGURE {name}_illegal_precision {precision:.3f} ratio")


def main() -> None:
    rows = labelled_questions()
    vectors = embeddings.embed([row["text"] for row in rows])
    rules = [question_kind(row["text"]) for row in rows]
    classified = [classify_question(row["text"]) for row in rows]
    for set_name in EVALUATED:
        members = [i for i, row in enumerate(rows) if row["set"] == set_name]
        if not members:
            continue
        by_source: dict[str, list[int]] = defaultdict(list)
        for i in members:
            by_source[rows[i]["source"]].append(i)
        predicted: dict[int, str] = {}
        for held_out in by_source.values():
            keep = np.array([i not in set(held_out) for i in range(len(rows))])
            model = train_kind_model(
                vectors[keep],
                [rule for rule, k in zip(rules, keep, strict=True) if k],
                [row["kind"] for row, k in zip(rows, keep, strict=True) if k],
            )
            for i, kind in zip(
                held_out, model.kinds(vectors[held_out], [rules[i] for i in held_out]), strict=True
            ):
                predicted[i] = kind
        subset = [rows[i] for i in members]
        prefix = f"questions_{set_name}"
        print(f"FIGURE {prefix}_count {len(members)} questions")
        print(f"FIGURE {prefix}_sources {len(by_source)} sources")
        report(f"{prefix}_loso", subset, [predicted[i] for i in members])
        report(f"{prefix}_baseline", subset, [classified[i].kind for i in members])
        lenient = sum(
            classified[i].competency in {rows[i]["competency"], *rows[i]["alt"]} for i in members
        ) / len(members)
        print(f"FIGURE {prefix}_competency_lenient {lenient:.3f} ratio")


if __name__ == "__main__":
    main()
