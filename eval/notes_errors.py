"""Where the notes splitter loses items: cutting the notes into items, or filing them.

    .venv/bin/python eval/notes_errors.py [--show dev|grown|fresh]

The F1 of eval/notes_split.py mixes two steps. This script scores them apart, per set:

* segmentation: an expected item (question, positive, miss or concern) is *cut right* when
  some piece the splitter produced (in any field, "to sort", or what it kept as no item) has
  the same normalised text. ``notes_<set>_seg_recall`` is the share of expected items cut
  right; ``seg_precision`` the share of produced item pieces (the four fields and "to sort")
  whose text is some expected item's, of any field.
* filing: of the items cut right, the share that sit in the right field
  (``file_right``), in another field (``file_wrong``), in "to sort" (``file_to_sort``) or
  with what is no item (``file_dropped``).
* what a cut error is: the expected text lies inside a longer piece (``cut_merged``: joined
  with another item or with text around it), a piece lies inside it (``cut_fragment``: cut
  too short or split in two), they only overlap (``cut_overlap``), or nothing of it was kept
  as a piece (``cut_lost``).

Terms are left out (they are names found by form, not cut from sentences). Examples are
printed only for the development sets (``--show``); the corpus test sources, the held-out
notes and the blind set give their counts only. eval/blind/ is never read here.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from note_sets import (  # noqa: E402
    DEV4,
    FRESH,
    FRESH3,
    FRESH4,
    FRESH5,
    GROWN,
    HELDOUT,
    Note,
    corpus_split,
    load_notes,
)
from notes_split import normalise  # noqa: E402

from secondround.engine.reading.notes import split_notes  # noqa: E402

ITEMS = ("questions", "positives", "misses", "concerns")


def _expected(note: Note) -> list[tuple[str, str]]:
    found = []
    for name in ITEMS:
        for item in note.expected[name]:
            text = item["text"] if isinstance(item, dict) else item
            found.append((normalise(text), name))
    return found


def _produced(note: Note, **options: Any) -> list[tuple[str, str]]:
    split = split_notes(note.text, **options)
    pieces = [(normalise(q.text), "questions") for q in split.questions]
    pieces += [(normalise(t), "positives") for t in split.positives]
    pieces += [(normalise(t), "misses") for t in split.misses]
    pieces += [(normalise(t), "concerns") for t in split.concerns]
    pieces += [(normalise(t.text), "to_sort") for t in split.to_sort]
    pieces += [(normalise(t), "other") for t in split.other + split.challenges]
    return pieces


def _inside(small: str, big: str) -> bool:
    return f" {small} " in f" {big} "


def classify(note: Note, **options: Any) -> tuple[Counter[str], list[str]]:
    counts: Counter[str] = Counter()
    examples: list[str] = []
    expected = _expected(note)
    produced = _produced(note, **options)
    texts = Counter(text for text, _ in produced)
    for text, field_name in expected:
        counts["expected"] += 1
        places = [where for piece, where in produced if piece == text]
        if places:
            counts["cut_right"] += 1
            if field_name in places:
                counts["file_right"] += 1
            elif "to_sort" in places:
                counts["file_to_sort"] += 1
                examples.append(f"to sort   [{field_name}] {text!r}")
            elif any(p in ITEMS for p in places):
                counts["file_wrong"] += 1
                examples.append(f"wrong     [{field_name} -> {places[0]}] {text!r}")
            else:
                counts["file_dropped"] += 1
                examples.append(f"dropped   [{field_name}] {text!r}")
            continue
        words = set(text.split())
        bigger = [p for p, _ in produced if _inside(text, p)]
        smaller = [p for p, _ in produced if p and _inside(p, text)]
        overlap = [p for p, _ in produced if len(words & set(p.split())) >= max(2, len(words) // 2)]
        kind = (
            "cut_merged"
            if bigger
            else "cut_fragment"
            if smaller
            else "cut_overlap"
            if overlap
            else "cut_lost"
        )
        counts[kind] += 1
        near = (bigger or smaller or overlap or [""])[0]
        examples.append(f"{kind:<13} [{field_name}] {text!r}\n{'':>16}got {near!r}")
    expected_texts = {text for text, _ in expected}
    for text, where in produced:
        if where in (*ITEMS, "to_sort"):
            counts["pieces"] += 1
            counts["pieces_right"] += text in expected_texts
    del texts
    return counts, examples


def report(name: str, notes: list[Note], show: bool, **options: Any) -> None:
    total: Counter[str] = Counter()
    for note in notes:
        counts, examples = classify(note, **options)
        total += counts
        if show:
            for line in examples:
                print(f"  {note.path.stem}: {line}", file=sys.stderr)
    expected = total["expected"] or 1
    cut = total["cut_right"] or 1
    print(f"FIGURE notes_{name}_seg_recall {total['cut_right'] / expected:.3f} ratio")
    print(
        f"FIGURE notes_{name}_seg_precision "
        f"{total['pieces_right'] / (total['pieces'] or 1):.3f} ratio"
    )
    for kind in ("file_right", "file_wrong", "file_to_sort", "file_dropped"):
        print(f"FIGURE notes_{name}_{kind} {total[kind] / cut:.3f} ratio")
    for kind in ("cut_merged", "cut_fragment", "cut_overlap", "cut_lost"):
        print(f"FIGURE notes_{name}_{kind} {total[kind] / expected:.3f} ratio")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", choices=("dev", "grown", "fresh", "fresh3", "dev4"))
    parser.add_argument("--rules", action="store_true", help="the cue rules alone")
    args = parser.parse_args()
    options: dict[str, Any] = {}
    if args.rules:
        from secondround.engine.reading.note_sorter import RuleSorter

        options["sorter"] = RuleSorter()
    sets = {
        "corpus_test": corpus_split("test"),
        "heldout": load_notes(HELDOUT, "heldout"),
        "fresh": load_notes(FRESH, "fresh"),
        "fresh3": load_notes(FRESH3, "fresh3"),
        "fresh4": load_notes(FRESH4, "fresh4"),
        "fresh5": load_notes(FRESH5, "fresh5"),
        "corpus_dev": corpus_split("dev"),
        "grown": load_notes(GROWN, "grown"),
    }
    if DEV4.exists():
        sets["dev4"] = load_notes(DEV4, "dev4")
    shown = {
        "dev": "corpus_dev",
        "grown": "grown",
        "fresh": "fresh",
        "fresh3": "fresh3",
        "dev4": "dev4",
    }.get(args.show or "")
    for name, notes in sets.items():
        report(name, notes, show=name == shown, **options)


if __name__ == "__main__":
    main()
