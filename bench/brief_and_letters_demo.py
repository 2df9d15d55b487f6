"""The demo round's brief and letters: PDF build time, pages, calendar events, generic letters.

    python bench/brief_and_letters_demo.py
Prints the median of 10 PDF builds, the PDF's page count and the .ics event count, then
the share of the demo round's letters flagged generic before and after notes are filled.
"""

from __future__ import annotations

import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("SECONDROUND_HOME", tempfile.mkdtemp(prefix="secondround-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "secondround.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.utils import timezone  # noqa: E402
from icalendar import Calendar  # noqa: E402
from pypdf import PdfReader  # noqa: E402

from secondround.brief.exports import brief_ics, brief_pdf  # noqa: E402
from secondround.brief.selectors import build_brief  # noqa: E402
from secondround.demo import load_demo  # noqa: E402
from secondround.followup.models import InterviewerNote  # noqa: E402
from secondround.followup.services import drafted  # noqa: E402
from secondround.opportunities.models import Round  # noqa: E402

NOTES = {
    "hiring_manager": (
        "the peak-season on-time rate",
        "weekly OTIF reviews",
        "whether I have led people",
    ),
    "managers_manager": (
        "how the Joliet hub changes the network",
        "empty miles on return legs",
        "",
    ),
    "peer": ("how planning and dispatch share lane data", "clean dashboards", ""),
    "hr": ("the hybrid schedule and onboarding", "a culture of ownership", ""),
}


def main() -> None:
    call_command("migrate", interactive=False, verbosity=0)
    user, _ = load_demo(now=timezone.now())
    round_ = Round.objects.get(opportunity__owner=user, number=2)
    timings, pdf = [], b""
    for _ in range(11):
        started = time.perf_counter()
        pdf = brief_pdf(build_brief(round_, user))
        timings.append(time.perf_counter() - started)
    events = Calendar.from_ical(brief_ics(build_brief(round_, user))).walk("VEVENT")
    print(f"FIGURE brief_pdf_demo_median {statistics.median(timings[1:]):.2f} s")
    print(f"FIGURE brief_pdf_demo_pages {len(PdfReader(io.BytesIO(pdf)).pages)} pages")
    print(f"FIGURE brief_ics_demo_events {len(events)} events")

    before = drafted(round_, user)
    for person in round_.interviewers.all():
        discussed, cares, worry = NOTES[person.relation]
        InterviewerNote.objects.update_or_create(
            interviewer=person,
            defaults={"discussed": discussed, "cares_about": cares, "worries": worry},
        )
    after = drafted(round_, user)
    for name, letters in (("before", before), ("after", after)):
        share = sum(letter.generic for letter in letters) / len(letters)
        print(f"FIGURE letters_demo_generic_{name}_notes {share:.2f} ratio")


if __name__ == "__main__":
    main()
