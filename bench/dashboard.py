"""Dashboard response time with 50 opportunities: median and p95 over 200 requests.

Runs against a throw-away SQLite database (WAL, on disk, as a laptop has it) or the
database DATABASE_URL names, through Django's full request stack.
    python bench/dashboard.py
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

from secondround.opportunities.models import Interviewer, Opportunity, Round  # noqa: E402

OPPORTUNITIES = 50
REQUESTS = 200


def _seed() -> None:
    from django.contrib.auth import get_user_model

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    user = get_user_model().objects.create_user("bench", password="bench-password")
    now = timezone.now()
    for index in range(OPPORTUNITIES):
        opportunity = Opportunity.objects.create(
            owner=user, company=f"Company {index}", role_title="Analyst", posting_text="x" * 3000
        )
        for number in (1, 2):
            round_ = Round.objects.create(
                opportunity=opportunity,
                number=number,
                starts_at=now + timedelta(days=index - 10 + number * 7, hours=index % 9),
                time_zone="Europe/London",
            )
            Interviewer.objects.bulk_create(
                Interviewer(round=round_, name=f"Person {k}", relation="peer") for k in range(4)
            )


def main() -> None:
    settings.ALLOWED_HOSTS.append("testserver")
    call_command("migrate", interactive=False, verbosity=0)
    _seed()
    client = Client()
    assert client.login(username="bench", password="bench-password")
    for _ in range(10):  # warm templates and connections
        client.get("/")
    timings = []
    for _ in range(REQUESTS):
        started = time.perf_counter()
        response = client.get("/")
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    timings.sort()
    p95 = timings[int(len(timings) * 0.95) - 1]
    vendor = django.db.connection.vendor
    print(f"FIGURE dashboard_{vendor}_median_50_opportunities {statistics.median(timings):.2f} ms")
    print(f"FIGURE dashboard_{vendor}_p95_50_opportunities {p95:.2f} ms")


if __name__ == "__main__":
    main()
