"""Row accuracy of the invitation parser over the hand-written fixtures.

A row is right when name, title, relation, start and end all equal the expected row's.
Rows are matched by name; a missing or an extra row counts as wrong, so each fixture
counts max(expected rows, found rows).

    python bench/invitation_accuracy.py
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from secondround.engine.reading.invitation import parse_invitation, roster_as_json  # noqa: E402

HELD_OUT = REPO_ROOT / "eval" / "invitations_heldout"
SETS = {
    # Used while developing the parser: optimistic.
    "invitation": (REPO_ROOT / "tests" / "engine" / "fixtures" / "invitations", "*.txt"),
    # Written after the parser; the kinds of mistake made on these (not the e-mails) were
    # later described to whoever improved the parser, so they are partly seen.
    "invitation_heldout_a": (HELD_OUT, "h0[1-6]_*.txt"),
    # Written last and never shown: the honest estimate for e-mails the parser has not seen.
    "invitation_heldout_b": (HELD_OUT, "h[01][0-9]_*.txt"),
}


def _score_fixture(path: Path) -> tuple[int, int, list[str]]:
    """(right rows, counted rows, one line per wrong row) for one fixture."""
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    parsed = parse_invitation(
        path.read_text(encoding="utf-8"),
        today=date.fromisoformat(expected["today"]),
        default_time_zone=expected.get("default_time_zone"),
    )
    expected_rows = {row["name"]: row for row in expected["roster"]}
    found_rows = {row["name"]: row for row in roster_as_json(parsed)}
    right = sum(1 for name, row in found_rows.items() if expected_rows.get(name) == row)
    misses = [
        f"  {path.stem}: expected {expected_rows.get(name)} found {found_rows.get(name)}"
        for name in dict.fromkeys([*expected_rows, *found_rows])
        if expected_rows.get(name) != found_rows.get(name)
    ]
    return right, max(len(expected_rows), len(found_rows)), misses


def main() -> None:
    for name, (folder, pattern) in SETS.items():
        total_right = total_rows = 0
        paths = sorted(folder.glob(pattern))
        if name == "invitation_heldout_b":
            paths = [path for path in paths if int(path.name[1:3]) >= 7]
        for path in paths:
            right, rows, misses = _score_fixture(path)
            total_right += right
            total_rows += rows
            for miss in misses:
                print(miss, file=sys.stderr)
        accuracy = total_right / total_rows if total_rows else 1.0
        print(f"FIGURE {name}_rows_right {total_right} rows")
        print(f"FIGURE {name}_rows_total {total_rows} rows")
        print(f"FIGURE {name}_row_accuracy {accuracy:.3f} ratio")


if __name__ == "__main__":
    main()
