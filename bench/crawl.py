"""The crawl of tests/test_crawl.py as figures: pages visited, server errors, leaks.

    python bench/crawl.py
Loads the demo candidate into a throw-away SQLite database, gives it a row of every model
and both script payloads in every free-text field, then follows every same-site link
from the dashboard as the owner, and requests every URL found as a stranger and logged out.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("SECONDROUND_HOME", tempfile.mkdtemp(prefix="secondround-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "secondround.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from tests import crawler  # noqa: E402


def main() -> None:
    # Each 404 and 500 is logged by Django; the figures and the "#" lines say what matters.
    logging.getLogger("django.request").setLevel(logging.CRITICAL)
    settings.ALLOWED_HOSTS.append("testserver")
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("migrate", interactive=False, verbosity=0)
    owner = crawler.demo_with_every_model(now=timezone.now())
    crawler.plant_payloads(owner)
    client = Client(raise_request_exception=False)
    client.force_login(owner)
    result = crawler.crawl(client)

    stranger = Client(raise_request_exception=False)
    stranger.force_login(get_user_model().objects.create_user("stranger", password="x" * 12))
    anonymous = Client(raise_request_exception=False)
    with_ids = [url for url in result.urls if crawler.takes_an_id(url)]
    stranger_reads = sum(stranger.get(url).status_code != 404 for url in with_ids)
    logged_out_reads = sum(anonymous.get(url).status_code != 302 for url in result.urls)
    pages = [visit for visit in result.visits if visit.body]
    unescaped = sum(bool(crawler.unescaped_payloads(visit.body)) for visit in pages)

    print(f"FIGURE crawl_urls {len(result.visits)} count")
    print(f"FIGURE crawl_500s {len(result.server_errors)} count")
    print(f"FIGURE crawl_pages_with_unescaped_input {unescaped} count")
    print(f"FIGURE crawl_stranger_reads {stranger_reads} count")
    print(f"FIGURE crawl_logged_out_reads {logged_out_reads} count")
    for visit in result.server_errors:
        print(f"# 500 {visit.url}: {visit.error.splitlines()[-1]}", file=sys.stderr)


if __name__ == "__main__":
    main()
