"""STAR sentence labelling against model answers split by their author.

Data: /work/shared/eval/03_star_answers_and_disfluency/awesome_behavioral_star_answers.jsonl
(ashishps1/awesome-behavioral-interviews, GPL-3.0: read here, never copied into the repo).
42 of its 51 answers are split into situation / task / action / result by the source's own
labels. Each answer's four parts are concatenated, split into sentences with the engine's
splitter, and every sentence's gold label is the part it came from. The engine labels the
whole answer (`analyse_answer(...).star`) given the question text, as the app does.

Split: dev = first 17 STAR answers in file order (cue weights were tuned on these only),
test = the remaining 25.

    .venv/bin/python eval/star_labels.py            # figures
    .venv/bin/python eval/star_labels.py --errors   # also list dev mistakes (tuning)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from secondround.engine.practice.answer_analysis import analyse_answer  # noqa: E402
from secondround.engine.practice.answer_text import split_sentences  # noqa: E402

DATA = Path(
    "/work/shared/eval/03_star_answers_and_disfluency/awesome_behavioral_star_answers.jsonl"
)
PARTS = ("situation", "task", "action", "result")
DEV_ANSWERS = 17


def load() -> list[dict[str, str]]:
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line]
    return [r for r in rows if all(isinstance(r.get(p), str) for p in PARTS)]


def labelled(row: dict[str, str]) -> tuple[list[str], list[str], list[str]]:
    """(sentences, gold, predicted) for one answer."""
    gold_sentences: list[str] = []
    gold: list[str] = []
    for part in PARTS:
        for sentence in split_sentences(row[part]):
            gold_sentences.append(sentence)
            gold.append(part)
    text = " ".join(row[p].strip() for p in PARTS)
    report = analyse_answer(text, question=row.get("question"), question_kind="behavioral")
    if list(report.sentences) == gold_sentences:
        return gold_sentences, gold, list(report.star)
    # Splitting differed at a part boundary: align each gold sentence to the predicted
    # sentence that contains its start.
    predicted: list[str] = []
    cursor = 0
    starts = []
    for s in report.sentences:
        pos = text.find(s, cursor)
        starts.append(pos)
        cursor = max(cursor, pos)
    cursor = 0
    for s in gold_sentences:
        pos = text.find(s, cursor)
        cursor = max(cursor, pos)
        k = max((i for i, st in enumerate(starts) if st <= pos), default=0)
        predicted.append(report.star[k])
    return gold_sentences, gold, predicted


def f1(gold: list[str], pred: list[str], label: str) -> float:
    tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == p == label)
    fp = sum(1 for g, p in zip(gold, pred, strict=True) if p == label and g != label)
    fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == label and p != label)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def main() -> None:
    rows = load()
    splits = {"dev": rows[:DEV_ANSWERS], "test": rows[DEV_ANSWERS:]}
    show_errors = "--errors" in sys.argv
    print(f"# {len(rows)} STAR answers: dev {len(splits['dev'])}, test {len(splits['test'])}")
    for name, split in splits.items():
        gold: list[str] = []
        pred: list[str] = []
        for row in split:
            sentences, g, p = labelled(row)
            gold.extend(g)
            pred.extend(p)
            if show_errors and name == "dev":
                for s, a, b in zip(sentences, g, p, strict=True):
                    if a != b:
                        print(f"  gold={a:9} pred={b:9} {s[:110]}")
        acc = sum(1 for a, b in zip(gold, pred, strict=True) if a == b) / len(gold)
        print(f"# {name}: {len(gold)} sentences")
        print(f"FIGURE star_sentence_accuracy_{name} {acc:.3f} ratio")
        scores = [f1(gold, pred, part) for part in PARTS]
        for part, score in zip(PARTS, scores, strict=True):
            print(f"FIGURE star_f1_{part}_{name} {score:.3f} ratio")
        print(f"FIGURE star_macro_f1_{name} {sum(scores) / len(scores):.3f} ratio")


if __name__ == "__main__":
    main()
