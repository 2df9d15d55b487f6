"""Why expected interviewers are missing from the roster, counted by stage only (no item,
name or text is printed), so untouched sets can be diagnosed without reading them.

    .venv/bin/python eval/invitation_missing_people.py

For each expected interviewer the shipped reader does not list: whether the name rules
offer the name at all (unnamed), and if so whether the rules alone (without the learned
interviewer model) would list the person (model_dropped) or not either (rules_missed).
The blind set is never read here.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import invitations as ev  # noqa: E402

from secondround.engine.reading import invitation_interviewers as interviewers  # noqa: E402
from secondround.engine.reading.invitation_files import read_invitation_file  # noqa: E402
from secondround.engine.reading.invitation_names import find_names  # noqa: E402


def count_missing(engine: dict, path: Path, expected: dict) -> Counter[str]:
    """Why each expected interviewer the shipped reader leaves out is missing."""
    counts: Counter[str] = Counter()
    shipped = {ev.bare_name(r["name"]) for r in ev.parse_item(engine, path, expected)["rows"]}
    missing = [
        ev.bare_name(row["name"])
        for row in expected["roster"]
        if ev.bare_name(row["name"]) not in shipped
    ]
    if not missing:
        return counts
    with interviewers.using_model(interviewers.RULES_ONLY):
        ruled = {ev.bare_name(r["name"]) for r in ev.parse_item(engine, path, expected)["rows"]}
    source = ev.item_source(path)
    text = read_invitation_file(source.read_bytes(), source.name).text
    offered = {ev.bare_name(s.name) for line in text.splitlines() for s in find_names(line)}
    for name in missing:
        if name not in offered:
            counts["unnamed"] += 1
        elif name in ruled:
            counts["model_dropped"] += 1
        else:
            counts["rules_missed"] += 1
    return counts


def main() -> None:
    engine = ev.load_engine(None)
    totals = ev.counts_by_split(lambda path, expected: count_missing(engine, path, expected))
    for (set_name, split), counts in totals.items():
        line = " ".join(f"{k}={counts[k]}" for k in ("unnamed", "model_dropped", "rules_missed"))
        print(f"{set_name}/{split}: {line}")


if __name__ == "__main__":
    main()
