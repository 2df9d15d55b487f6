"""Score the question classifier against the hand labels of eval/questions/labels.csv.

Run from the repo root:  .venv/bin/python eval/classify_questions.py [dev|test ...]

Prints FIGURE lines for each split (dev = tuning split, test = never tuned on) and, on
stderr, a confusion summary of the errors.
"""

from __future__ import annotations

import csv
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from secondround.engine.questions import classify  # noqa: E402
from secondround.engine.questions.classify import classify_question  # noqa: E402

LABELS = ROOT / "eval" / "questions" / "labels.csv"


def macro_f1(gold: list[str], pred: list[str]) -> float:
    """Macro-F1 over the classes present in `gold`."""
    classes = sorted(set(gold))
    if not classes:
        return 0.0
    total = 0.0
    for c in classes:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == c and p == c)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != c and p == c)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == c and p != c)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        total += 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return total / len(classes)


def bootstrap_interval(
    gold: list[str], pred: list[str], resamples: int = 2000, seed: int = 7
) -> tuple[float, float]:
    """95% percentile interval of macro-F1 over questions drawn with replacement.

    With a few questions per competency, one question more or less right moves macro-F1
    a lot; the interval says how far the figure can be trusted."""
    rng = random.Random(seed)
    pairs = list(zip(gold, pred, strict=True))
    values = []
    for _ in range(resamples):
        sample = [pairs[rng.randrange(len(pairs))] for _ in pairs]
        values.append(macro_f1([g for g, _ in sample], [p for _, p in sample]))
    values.sort()
    return values[int(0.025 * resamples)], values[int(0.975 * resamples) - 1]


def accuracy(gold: list[str], pred: list[str]) -> float:
    return sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold) if gold else 0.0


def main() -> None:
    with LABELS.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    print(f"question library: {len(classify._library)} questions", file=sys.stderr)
    splits = sys.argv[1:] or ["dev", "test"]  # e.g. `dev` alone while tuning
    for split in splits:
        subset = [r for r in rows if r["split"] == split]
        results = [classify_question(r["question"]) for r in subset]
        gold_c = [r["competency"] for r in subset]
        pred_c = [c.competency for c in results]
        gold_k = [r["kind"] for r in subset]
        pred_k = [c.kind for c in results]
        print(f"FIGURE question_competency_macro_f1_{split} {macro_f1(gold_c, pred_c):.3f} ratio")
        low, high = bootstrap_interval(gold_c, pred_c)
        print(f"FIGURE question_competency_macro_f1_{split}_ci95_low {low:.3f} ratio")
        print(f"FIGURE question_competency_macro_f1_{split}_ci95_high {high:.3f} ratio")
        print(f"FIGURE question_competency_accuracy_{split} {accuracy(gold_c, pred_c):.3f} ratio")
        print(f"FIGURE question_kind_accuracy_{split} {accuracy(gold_k, pred_k):.3f} ratio")
        print(f"FIGURE question_kind_macro_f1_{split} {macro_f1(gold_k, pred_k):.3f} ratio")

        err = sys.stderr
        print(f"\n== {split}: {len(subset)} questions ==", file=err)
        for label, gold, pred in (("competency", gold_c, pred_c), ("kind", gold_k, pred_k)):
            confusions = Counter((g, p) for g, p in zip(gold, pred, strict=True) if g != p)
            wrong = sum(confusions.values())
            print(f"-- {label} errors: {wrong} (gold -> predicted: count)", file=err)
            for (g, p), n in confusions.most_common():
                print(f"   {g} -> {p}: {n}", file=err)
        print(f"-- {split} misclassified questions (gold / predicted):", file=err)
        for r, res in zip(subset, results, strict=True):
            if r["competency"] != res.competency or r["kind"] != res.kind:
                print(
                    f"   [{r['competency']}/{r['kind']} -> {res.competency}/{res.kind}]"
                    f" {r['question'][:90]}",
                    file=err,
                )


if __name__ == "__main__":
    main()
