"""Speed and specificity of the thank-you letters for a 6-person round.

Drafts every letter of the round 200 times after a warm-up and prints the median in
milliseconds, then the share of letters that came out generic, first with no notes at all
and then with notes for everyone:

    python bench/letters_speed.py
"""

from __future__ import annotations

import statistics
import sys
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from secondround.engine.drafting.letters import (  # noqa: E402
    LetterContext,
    PersonNotes,
    StoryBrief,
    draft_letters,
)

RUNS = 200
WARM_UP = 20

CONTEXT = LetterContext(
    candidate_name="Renée Fontaine",
    company="Lakeshore Freight",
    role="Logistics Analyst",
    round_label="second round",
    interview_date=date(2026, 3, 10),
    strengths=("Power BI dashboards", "carrier negotiations", "ten years in cold-chain freight"),
)

PEOPLE = (
    PersonNotes(
        "iv-1",
        "Dana Whitfield",
        "Director of Transportation",
        "hiring_manager",
        ("the Joliet hub ramp-up", "how dispatch and planning share data"),
        ("reducing empty miles on the Midwest lanes",),
        (),
        ("training for the Chicago marathon",),
    ),
    PersonNotes(
        "iv-2",
        "Dr. Amara Okafor",
        "VP of Operations",
        "managers_manager",
        ("the plan to double reefer capacity by 2027",),
        ("analysts who can talk to drivers and dispatchers",),
        ("whether I have managed people",),
        (),
    ),
    PersonNotes(
        "iv-3",
        "Siobhán O'Neill-Barros",
        "Senior Logistics Analyst",
        "peer",
        ("the weekly OTIF dashboard",),
        ("clean master data in Oracle OTM",),
        (),
        ("her new puppy",),
    ),
    PersonNotes(
        "iv-4",
        "Priya Raman",
        "HR Business Partner",
        "hr",
        ("the onboarding programme for new analysts",),
        ("how candidates handle feedback",),
        (),
        (),
    ),
    PersonNotes(
        "iv-5",
        "Marcus Lee",
        "Dispatch Supervisor",
        "cross_department",
        ("how late pickups ripple into the night shift",),
        ("fewer surprise schedule changes",),
        ("whether an analyst understands dispatch",),
        ("his son's hockey tournament",),
    ),
    PersonNotes(
        "iv-6",
        "Tomás Ibáñez",
        "Transportation Systems Consultant",
        "technical_expert",
        ("the Oracle OTM upgrade", "carrier API integrations"),
        ("automating carrier scorecards",),
        (),
        (),
    ),
)

STORIES = (
    StoryBrief(
        "st-1",
        "Lakeshore lane consolidation",
        "cut empty miles 18% in six months",
        ("analysis", "cost reduction"),
        "Rebuilt the lane plan for 40 Midwest lanes using carrier scorecards",
    ),
    StoryBrief(
        "st-2",
        "Night-shift planning team",
        "turnover fell from 30% to 8%",
        ("leadership", "people management"),
        "Led a team of six planners through a switch to night-shift coverage",
    ),
    StoryBrief(
        "st-3",
        "OTM master data clean-up",
        "98% of shipments matched on the first try",
        ("data quality", "systems"),
        "Cleaned up carrier master data in Oracle OTM with the IT team",
    ),
    StoryBrief(
        "st-4",
        "Driver feedback loop",
        "on-time pickups up 12 points",
        ("communication", "collaboration"),
        "Ran monthly sessions with drivers and dispatchers to fix pickup windows",
    ),
    StoryBrief(
        "st-5",
        "Scorecard automation",
        "saved 6 hours a week of manual Excel work",
        ("automation", "technical"),
        "Automated weekly carrier scorecards with Power BI and SQL",
    ),
)

NO_NOTES = tuple(replace(p, discussed=(), cares_about=(), worries=(), personal=()) for p in PEOPLE)


def _generic_share(people: tuple[PersonNotes, ...]) -> float:
    letters = draft_letters(CONTEXT, people, STORIES)
    return sum(letter.generic for letter in letters) / len(letters)


def main() -> None:
    for _ in range(WARM_UP):
        draft_letters(CONTEXT, PEOPLE, STORIES)
    timings = []
    for _ in range(RUNS):
        start = time.perf_counter()
        draft_letters(CONTEXT, PEOPLE, STORIES)
        timings.append((time.perf_counter() - start) * 1000)
    letters = draft_letters(CONTEXT, PEOPLE, STORIES)
    print(f"round: {len(PEOPLE)} people, {len(STORIES)} stories, {RUNS} warm runs")
    print(f"distinct bodies: {len({letter.body for letter in letters})} of {len(letters)}")
    print(f"FIGURE letters_6_person_round_median_ms {statistics.median(timings):.3f} ms")
    print(f"FIGURE letters_generic_share_no_notes {_generic_share(NO_NOTES):.2f} ratio")
    print(f"FIGURE letters_generic_share_with_notes {_generic_share(PEOPLE):.2f} ratio")


if __name__ == "__main__":
    main()
