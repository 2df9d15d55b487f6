"""Split accuracy of the round-1 notes splitter over the hand-written fixtures.

An item is one expected entry: a question, a positive, a miss, a concern or a term. It is
right when the splitter put the same entry in the same field: strings compare after
normalising case, punctuation and whitespace; questions also need the same ``went``.
Total counts every expected item plus every extra item the splitter produced in those five
fields, so over-eager splitting costs as much as missing items.

    python bench/notes_accuracy.py
"""

from __future__ import annotations

import json
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from secondround.engine.reading.notes import split_notes, split_notes_as_json  # noqa: E402

FIXTURES = REPO_ROOT / "tests" / "engine" / "fixtures" / "notes"
# Written after the splitter and never tuned on: the honest estimate.
HELD_OUT = REPO_ROOT / "eval" / "notes_heldout"
FIELDS = ("questions", "positives", "misses", "concerns", "terms")
RUNS = 50


def normalise(text: str) -> str:
    """Case, punctuation and spacing do not matter when comparing entries."""
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())


def item_keys(field: str, items: list[object]) -> Counter[str]:
    """Comparable keys for one field; a question's key includes how it went."""
    keys: Counter[str] = Counter()
    for item in items:
        if field == "questions" and isinstance(item, dict):
            keys[f"{normalise(str(item.get('text', '')))} | {item.get('went')}"] += 1
        else:
            keys[normalise(str(item))] += 1
    return keys


def score_fixture(path: Path) -> tuple[int, int, list[str]]:
    """(right items, counted items, one line per wrong item) for one fixture."""
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    found = split_notes_as_json(split_notes(path.read_text(encoding="utf-8")))
    right = counted = 0
    wrong: list[str] = []
    for field in FIELDS:
        want = item_keys(field, expected[field])
        got = item_keys(field, found[field])  # type: ignore[arg-type]
        matched = want & got
        right += sum(matched.values())
        counted += sum(want.values()) + sum((got - want).values())
        wrong += [f"  {path.stem} {field}: missing {key!r}" for key in (want - got).elements()]
        wrong += [f"  {path.stem} {field}: extra   {key!r}" for key in (got - want).elements()]
    return right, counted, wrong


def main() -> None:
    paths = sorted(FIXTURES.glob("*.txt"))
    total_right = total_items = 0
    for path in paths:
        right, counted, wrong = score_fixture(path)
        total_right += right
        total_items += counted
        for line in wrong:
            print(line, file=sys.stderr)
    texts = [path.read_text(encoding="utf-8") for path in paths]
    timings = []
    for _ in range(RUNS):
        start = time.perf_counter()
        for text in texts:
            split_notes(text)
        timings.append((time.perf_counter() - start) * 1000)
    accuracy = total_right / total_items if total_items else 1.0
    print(f"FIGURE notes_items_right {total_right} items")
    print(f"FIGURE notes_items_total {total_items} items")
    print(f"FIGURE notes_split_accuracy {accuracy:.3f} ratio")
    print(f"FIGURE notes_split_median_ms {statistics.median(timings):.2f} ms")
    held_right = held_items = 0
    for path in sorted(HELD_OUT.glob("*.txt")):
        right, counted, wrong = score_fixture(path)
        held_right += right
        held_items += counted
        for line in wrong:
            print(line, file=sys.stderr)
    held_accuracy = held_right / held_items if held_items else 1.0
    print(f"FIGURE notes_heldout_items_right {held_right} items")
    print(f"FIGURE notes_heldout_items_total {held_items} items")
    print(f"FIGURE notes_heldout_split_accuracy {held_accuracy:.3f} ratio")


if __name__ == "__main__":
    main()
