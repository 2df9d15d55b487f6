"""Where invitation rows go wrong, counted by kind only (no item, row or text is printed).

    .venv/bin/python eval/invitation_errors.py

For each labelled set (the corpus and fresh set by dev/test split) it counts the expected
rows, the people not found at all, found people whose start, end or title is wrong, the
rows listed that are not expected, and the items with no row at all. Counts only, so the
test splits can be compared with the dev split without anyone reading their misses. The
blind set is never read here.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import invitations as ev  # noqa: E402

KINDS = ("right", "expected", "not_found", "start", "end", "title", "extra", "items", "no_rows")


def count_item(expected: dict, found: dict) -> Counter[str]:
    counts: Counter[str] = Counter(items=1)
    want = {ev.bare_name(row["name"]): row for row in expected["roster"]}
    got = {ev.bare_name(row["name"]): row for row in found["rows"]}
    counts["expected"] += len(want)
    counts["extra"] += len(got.keys() - want.keys())
    counts["no_rows"] += not got and bool(want)
    counts["right"] += ev.score_item(Path("item"), expected, found).rows_right
    for name, row in want.items():
        other = got.get(name)
        if other is None:
            counts["not_found"] += 1
            continue
        for key in ("start", "end", "title"):
            counts[key] += ev.plain(row[key]) != ev.plain(other.get(key))
    return counts


def main() -> None:
    engine = ev.load_engine(None)
    totals = ev.counts_by_split(
        lambda path, expected: count_item(expected, ev.parse_item(engine, path, expected))
    )
    for (set_name, split), counts in totals.items():
        line = " ".join(f"{kind}={counts[kind]}" for kind in KINDS)
        print(f"{set_name}/{split}: {line}")


if __name__ == "__main__":
    main()
