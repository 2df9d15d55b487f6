"""What one request of each page of bench/load.py costs: CPU time and queries.

    python bench/page_costs.py            # a throw-away SQLite (DATABASE_URL: PostgreSQL)

CPU time of the process (not wall-clock), so the figures hold on a shared machine where
bench/load.py's latencies do not. Each page is opened twice to warm the caches (a server
has done that long before), then timed over five requests, in one process with the test
client. Prints `FIGURE page_cost_<page>_cpu … ms` and `…_queries … count`.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIMED = 5


def main() -> None:
    os.environ.setdefault("SECONDROUND_HOME", tempfile.mkdtemp(prefix="secondround-costs-"))
    sys.path.insert(0, str(ROOT))
    from bench.load import seed

    made = seed(3, 2, 1)  # the same people as the load bench, fewer of them
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    settings.ALLOWED_HOSTS = ["*"]
    for role in ("candidate", "coach", "admin"):
        username, pages = made[role][-1]
        client = Client()
        client.force_login(get_user_model().objects.get(username=username))
        for name, method, url in pages:
            if method != "get":
                continue
            client.get(url)
            client.get(url)
            started = time.process_time()
            for _ in range(TIMED):
                client.get(url)
            cpu = (time.process_time() - started) / TIMED * 1000
            with CaptureQueriesContext(connection) as captured:
                client.get(url)
            label = f"{role}_{name}" if name == "coaching" else name
            print(f"FIGURE page_cost_{label}_cpu {cpu:.1f} ms")
            print(f"FIGURE page_cost_{label}_queries {len(captured.captured_queries)} count")


if __name__ == "__main__":
    main()
