"""Readiness of one round (the preparation path) in an account with 50 opportunities, warm:
median over repeated runs, with the demo's second round (a posting, a debrief, stories,
practice) as the round measured. The round page (readiness plus the page) is timed too.

    python bench/readiness.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("SECONDROUND_HOME", tempfile.mkdtemp(prefix="secondround-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "secondround.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from secondround.demo import DEMO_PASSWORD, DEMO_USERNAME, load_demo  # noqa: E402
from secondround.opportunities.models import Interviewer, Opportunity, Round  # noqa: E402
from secondround.overview.selectors import round_readiness  # noqa: E402

OPPORTUNITIES = 50
RUNS = 50


def _median_ms(action, runs: int = RUNS) -> float:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def main() -> None:
    settings.ALLOWED_HOSTS.append("testserver")
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("migrate", interactive=False, verbosity=0)
    now = timezone.now()
    user, _ = load_demo(now=now)
    for index in range(OPPORTUNITIES - 2):  # the demo has two
        opportunity = Opportunity.objects.create(
            owner=user, company=f"Company {index}", role_title="Analyst", posting_text="x" * 3000
        )
        round_ = Round.objects.create(
            opportunity=opportunity,
            number=1,
            starts_at=now + timedelta(days=index + 3),
            time_zone="Europe/London",
        )
        Interviewer.objects.bulk_create(
            Interviewer(round=round_, name=f"Person {k}", relation="peer") for k in range(4)
        )
    second = Round.objects.get(
        opportunity__owner=user, opportunity__company="Northwind Freight", number=2
    )
    round_readiness(second, user, now=now)  # warm: models loaded, the bank's caches filled
    path_ms = _median_ms(lambda: round_readiness(second, user, now=now))
    client = Client()
    assert client.login(username=DEMO_USERNAME, password=DEMO_PASSWORD)
    url = second.get_absolute_url()
    client.get(url)
    page_ms = _median_ms(lambda: client.get(url), runs=20)
    client.get("/")
    dashboard_ms = _median_ms(lambda: client.get("/"), runs=20)
    print(f"FIGURE readiness_round_median_50_opportunities {path_ms:.1f} ms")
    print(f"FIGURE round_page_median_50_opportunities {page_ms:.1f} ms")
    print(f"FIGURE dashboard_with_readiness_median_50_opportunities {dashboard_ms:.1f} ms")


if __name__ == "__main__":
    main()
