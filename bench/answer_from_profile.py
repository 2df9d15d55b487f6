"""Time to build both answers from the demo candidate's saved research and debrief.

Unlike bench/answer_speed.py (the engine alone), this includes reading the facts from
the database, as the answer page does. Median over 100 warm runs.
    python bench/answer_from_profile.py
"""

from __future__ import annotations

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

from secondround.demo import load_demo  # noqa: E402
from secondround.engine.drafting.answers import build_learned_answer, build_proceed_answer  # noqa: E402
from secondround.opportunities.models import Opportunity  # noqa: E402
from secondround.research.selectors import answer_facts  # noqa: E402

RUNS = 100


def main() -> None:
    call_command("migrate", interactive=False, verbosity=0)
    user, _ = load_demo(now=timezone.now())
    opportunity = Opportunity.objects.get(owner=user, company="Northwind Freight")
    for name, build in (("learned", build_learned_answer), ("proceed", build_proceed_answer)):
        timings = []
        for _ in range(RUNS + 5):
            started = time.perf_counter()
            answer = build(
                company=opportunity.company,
                role=opportunity.role_title,
                facts=answer_facts(opportunity),
            )
            timings.append((time.perf_counter() - started) * 1000)
        median = statistics.median(timings[5:])
        print(f"FIGURE answer_{name}_from_demo_profile_median {median:.2f} ms")
        print(f"FIGURE answer_{name}_demo_words {answer.words} words")


if __name__ == "__main__":
    main()
