"""The interview's date read by our reader beside a maintained date parser, same run.

    .venv/bin/python eval/invitation_dates.py

On every corpus item whose label gives the interview's date (eval/invitations_corpus), the
date the invitation reader finds (invitation_times, through the whole parse: cancelled
times, options and reply-by deadlines set aside) is compared with what `dateparser`'s
search gives when asked for the first date on or after the day the mail was read. Split
by source as in eval/invitations.py; only totals are printed.
"""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from dateparser.search import search_dates  # noqa: E402
from invitations import item_source, split_of  # noqa: E402

from secondround.engine.reading.invitation import _clean_text  # noqa: E402
from secondround.engine.reading.invitation_files import (  # noqa: E402
    parse_invitation_text,
    read_invitation_file,
)
from secondround.engine.reading.invitation_text import split_messages  # noqa: E402

CORPUS = ROOT / "eval" / "invitations_corpus" / "items"


def dateparser_day(body: str, today: date) -> date | None:
    settings = {
        "RELATIVE_BASE": datetime.combine(today, datetime.min.time()),
        "PREFER_DATES_FROM": "future",
    }
    found = search_dates(body, languages=["en"], settings=settings) or []
    return next((moment.date() for _, moment in found if moment.date() >= today), None)


def main() -> None:
    counts = {split: [0, 0, 0] for split in ("dev", "test")}  # items, ours right, theirs right
    for path in sorted(CORPUS.glob("*.expected.json")):
        expected = json.loads(path.read_text(encoding="utf-8"))
        if not expected.get("interview_date"):
            continue
        source = item_source(path)
        text = read_invitation_file(source.read_bytes(), source.name)
        today = date.fromisoformat(expected["today"])
        zone = expected.get("default_time_zone")
        ours = parse_invitation_text(text, today=today, default_time_zone=zone).interview_date
        body = "\n".join(
            line for message in split_messages(_clean_text(text.text)) for line in message.body
        )
        theirs = dateparser_day(body, today)
        tally = counts[split_of(expected["source_id"])]
        tally[0] += 1
        tally[1] += str(ours) == expected["interview_date"]
        tally[2] += str(theirs) == expected["interview_date"]
    for split, (items, ours, theirs) in counts.items():
        print(f"FIGURE invitation_date_{split}_items {items} items")
        print(f"FIGURE invitation_date_{split}_reader_right {ours / max(items, 1):.3f} ratio")
        print(f"FIGURE invitation_date_{split}_dateparser_right {theirs / max(items, 1):.3f} ratio")


if __name__ == "__main__":
    main()
