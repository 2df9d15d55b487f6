"""The export's coverage and round trip as figures.

    python bench/export_round_trip.py
Counts the models that hold a user's data and those the export carries, then takes the
demo candidate with a row of every model (tests/crawler.py), exports it with its
recordings, imports it into a fresh account, exports again and compares the two files.
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

from django.apps import apps  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.utils import timezone  # noqa: E402

from secondround.portability.archive import read_archive  # noqa: E402
from secondround.portability.services import account_export_file, account_import  # noqa: E402
from secondround.portability.tree import NOT_EXPORTED, every_node  # noqa: E402
from tests import crawler  # noqa: E402

RUNS = 5


def _without_stamp(document: dict) -> dict:
    return {key: value for key, value in document.items() if key != "exported_at"}


def main() -> None:
    call_command("migrate", interactive=False, verbosity=0)
    user_models = {m for m in apps.get_models() if m.__module__.startswith("secondround.")}
    holding = user_models - set(NOT_EXPORTED)
    covered = holding & {node.model for node in every_node()}
    print(f"FIGURE export_models_with_user_data {len(holding)} count")
    print(f"FIGURE export_models_covered {len(covered)} count")

    owner = crawler.demo_with_every_model(now=timezone.now())
    missing = crawler.models_without_rows(owner)
    timings, equal = [], True
    for run in range(RUNS):
        started = time.perf_counter()
        raw = account_export_file(owner=owner, now=timezone.now(), recordings=True)
        timings.append(time.perf_counter() - started)
        if run:
            continue
        first = read_archive(raw, max_unpacked=10**9)
        fresh = get_user_model().objects.create_user("roundtrip", password="x" * 12)
        account_import(owner=fresh, payload=first.payload, replace=False, files=first.files)
        again = read_archive(
            account_export_file(owner=fresh, now=timezone.now(), recordings=True),
            max_unpacked=10**9,
        )
        equal = _without_stamp(again.payload) == _without_stamp(first.payload)
        equal = equal and again.files == first.files
    print(f"FIGURE export_round_trip_equal {int(equal)} bool")
    print(f"FIGURE export_demo_models_without_rows {len(missing)} count")
    print(f"FIGURE export_demo_ms {statistics.median(timings) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
