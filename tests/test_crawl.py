"""Every page reachable from the demo's dashboard, as its owner, as a stranger and logged out.

The demo candidate is loaded, topped up with a row of every model it lacks, and every
free-text field is given both payloads (tests/crawler.py). Then the owner's client
follows every same-site link and hx-get URL breadth-first from the dashboard: no page
may fail, every full page has a title, and no page carries a payload as markup. Charlie
(another candidate) and a logged-out visitor then request every one of those URLs.

The crawl is done once for the module, inside a transaction rolled back at the end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.db import transaction
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from tests import crawler
from tests.factories import make_user

pytestmark = pytest.mark.django_db

# Pages that are not per-object: a stranger sees their own (empty) version, never the owner's.
NOT_PER_USER = {
    "dashboard",
    "story_list",
    "story_create",
    "resume_import",
    "compare",
    "practice_progress",
    "opportunity_create",
    "data_home",
    "password_change",
    "name_edit",
    "model_settings",
    "model_log",
    "shared_home",
    "package_import",
    "organisation_join",
}
# Words only the demo owner's data contains; a stranger's page must show none of them.
OWNER_MARKERS = ("Northwind", "Lakeshore", "Whitfield", "Oyelaran", crawler.SCRIPT_PAYLOAD)
# Reached without logging in: the sign-up page and the links that make an account.
PUBLIC = {"login", "signup", "signup_invitation", "share_join", "organisation_invitation"}
# Pages no link leads to, by design: each is posted to, polled, or reached by a redirect.
NOT_LINKED = {
    "story_check",  # the story form's HTMX check, posted
    "recording_piece",  # recorded audio, posted in pieces
    "import_upload",  # the import form posts here; a GET shows that form alone
    "password_change_done",  # where changing the password redirects
    "follow_up_status",  # polled while the model is asked for a follow-up question
    "rewrite_status",  # polled while the model rewrites a draft
    "reading_status",  # polled while the model reads a pasted invitation or notes
}
# Characters a download's file name must not carry (a path, markup, or the header's quote).
UNSAFE_IN_FILE_NAME = re.compile(r'[/\\<>"\x00-\x1f]')


@dataclass
class CrawledDemo:
    owner: object
    planted: int
    models_without_rows: list[str]
    result: crawler.Crawl


@pytest.fixture(scope="module")
def crawled(django_db_setup, django_db_blocker, tmp_path_factory):
    media = tmp_path_factory.mktemp("media")
    fast = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media, PASSWORD_HASHERS=fast),
        transaction.atomic(),
    ):
        owner = crawler.demo_with_every_model(now=timezone.now())
        planted = crawler.plant_payloads(owner)
        client = Client(raise_request_exception=False)
        client.force_login(owner)
        result = crawler.crawl(client)
        yield CrawledDemo(owner, planted, crawler.models_without_rows(owner), result)
        transaction.set_rollback(True)


def _failures(lines: list[str]) -> str:
    return "\n".join(lines[:40]) + (f"\n… and {len(lines) - 40} more" if len(lines) > 40 else "")


def test_every_model_the_owner_has_is_filled_and_planted(crawled):
    assert crawled.models_without_rows == []
    assert crawled.planted > 100


def test_the_crawl_reaches_every_page_a_get_can_show(crawled):
    """A page that answers GET but that no link leads to is forgotten; list it in NOT_LINKED."""
    assert len(crawled.result.visits) < crawler.URL_LIMIT, "the bound cut the crawl short"
    reached = {crawler.url_name(url) for url in crawled.result.urls}
    client = Client()
    client.force_login(crawled.owner)
    unreached = [
        name
        for name in crawler.all_url_names()
        if name not in reached | PUBLIC | NOT_LINKED
        # POST only: refused before any lookup, so any id shows it.
        and client.get(crawler.example_url(name)).status_code != 405
    ]
    assert unreached == []


def test_no_page_fails_for_its_owner(crawled):
    errors = [f"{v.url} (from {v.found_on}): {v.error}" for v in crawled.result.server_errors]
    assert errors == [], _failures(errors)
    not_ok = [f"{v.status} {v.url}" for v in crawled.result.visits if v.status not in (200, 302)]
    assert not_ok == [], _failures(not_ok)


def test_every_full_page_has_a_title(crawled):
    untitled = [v.url for v in crawled.result.visits if v.full_page and not (v.title or "").strip()]
    assert untitled == []


def test_no_page_carries_user_input_as_markup(crawled):
    pages = [v for v in crawled.result.visits if v.body]
    assert len(pages) > 50
    unescaped = []
    for visit in pages:
        for marker in crawler.unescaped_payloads(visit.body):
            at = visit.body.index(marker)
            unescaped.append(f"{visit.url}: …{visit.body[max(0, at - 80) : at + 40]!r}")
    assert unescaped == [], _failures(unescaped)


def test_downloads_have_safe_file_names(crawled):
    downloads = [v for v in crawled.result.visits if "attachment" in v.disposition]
    assert len(downloads) > 4
    unsafe = []
    for visit in downloads:
        name = re.search(r'filename="([^"]*)"', visit.disposition)
        if name and UNSAFE_IN_FILE_NAME.search(name.group(1)):
            unsafe.append(f"{visit.url}: {visit.disposition}")
    assert unsafe == []


HOSTILE_QUERY_VALUES = [
    "\x00",
    "a\x00b",
    crawler.SCRIPT_PAYLOAD,
    crawler.ATTRIBUTE_PAYLOAD,
    "9" * 40,
    "-1",
    "9999-12-31",
    "x" * 5000,
    "\U0001f600",
]


def test_hostile_query_strings_break_no_page(crawled):
    """Each search and filter form, and each link with a query, with hostile values."""
    client = Client(raise_request_exception=False)
    client.force_login(crawled.owner)
    searches = [(form.action, [f.name for f in form.fields]) for form in crawled.result.searches]
    for url in crawled.result.urls:
        parts = urlsplit(url)
        if parts.query:
            searches.append((parts.path, [name for name, _ in parse_qsl(parts.query)]))
    assert searches, "no page has a filter or a link with a query"
    broken = []
    for path, names in searches:
        for name in names:
            for value in HOSTILE_QUERY_VALUES:
                response = client.get(urlsplit(path).path, {name: value})
                body = response.content.decode(errors="replace")
                if response.status_code >= 500 or crawler.unescaped_payloads(body):
                    error = crawler.error_summary(getattr(response, "exc_info", None))
                    broken.append(f"{response.status_code} {path}?{name}={value[:20]!r} {error}")
    assert broken == [], _failures(broken)


def test_a_stranger_gets_404_for_every_page_with_an_id(crawled):
    client = Client(raise_request_exception=False)
    client.force_login(make_user("charlie"))
    wrong = []
    for url in crawled.result.urls:
        response = client.get(url)
        name = crawler.url_name(url)
        if crawler.takes_an_id(url):
            if response.status_code != 404:
                wrong.append(f"{response.status_code} {url}")
        elif name in NOT_PER_USER:
            body = response.content.decode(errors="replace")
            leaked = [marker for marker in OWNER_MARKERS if marker in body]
            if response.status_code != 200 or leaked:
                wrong.append(f"{response.status_code} {url} shows {leaked}")
        else:
            wrong.append(f"{url} ({name}) takes no id and is not in NOT_PER_USER")
    assert wrong == [], _failures(wrong)


def test_logged_out_every_page_sends_to_the_login(crawled):
    client = Client(raise_request_exception=False)
    login = reverse("login")
    wrong = []
    for url in crawled.result.urls:
        response = client.get(url)
        if crawler.url_name(url) in PUBLIC:
            continue
        location = response.get("Location", "")
        if response.status_code != 302 or not location.startswith(f"{login}?next="):
            wrong.append(f"{response.status_code} {url} -> {location}")
    assert wrong == [], _failures(wrong)
