"""Every form of the app, posted to its real view as the demo's owner with generated input.

The forms are the ones the crawl of the demo finds on its pages (tests/crawler.py), plus
those only a POST's answer shows (the review of a pasted invitation or résumé). For
each URL of the project: either a form posts to it and no generated input gives a 500,
shows user input as markup, or loses anything saved when the form is refused; or it
refuses POST (405); or NOT_FUZZED says why not. Each example runs in a savepoint that
is rolled back, so every example starts from the same demo.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.db import transaction
from django.test import Client, override_settings
from django.utils import timezone
from hypothesis import HealthCheck, Phase, example, given, settings

from tests import crawler, fuzzing

pytestmark = pytest.mark.django_db

# POSTs no form makes: each with the reason.
NOT_FUZZED = {
    "logout": "takes no input, and would end the session the fuzz runs in",
    "recording_start": "the recorder's JavaScript posts it, with no fields",
    "recording_piece": "raw audio bytes from the recorder's JavaScript, not a form",
    "recording_finish": "the recorder's JavaScript posts it, with no fields",
    "signup_invitation": "the sign-up form (fuzzed as signup) behind a link with a token",
    "follow_up_cancel": "shown only while a model call runs, and posts no fields",
    "rewrite_cancel": "shown only while a model call runs, and posts no fields",
    "reading_cancel": "shown only while a model call runs, and posts no fields",
    "share_join": "the sign-up form (fuzzed as signup) behind a coach's link with a token",
    "organisation_invitation": "the sign-up form behind a career centre's link with a token",
    "salary_from_posting": "shown only when the posting states pay (the demo's does not), and "
    "posts no fields: tests/test_brief.py covers it",
    "comment_add": "a coach's form, on pages the owner's crawl does not show: fuzzed as the "
    "coach in tests/test_sharing.py",
}
EXAMPLES = 10  # random ones, after the explicit examples of tests/fuzzing.py
# Views that transcribe, parse a file or run the posting's tagger: fewer examples.
SLOW = {"recording_upload": 3, "resume_import": 6, "posting_analyse": 2, "import_upload": 8}


@dataclass
class Site:
    owner: object
    client: Client  # the owner's
    forms: dict[str, crawler.PageForm]  # by URL name: the form with the most fields


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker, tmp_path_factory):
    media = tmp_path_factory.mktemp("media")
    fast = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media, PASSWORD_HASHERS=fast, SECONDROUND_FETCH_TIMEOUT=1),
        fuzzing.offline(),
        transaction.atomic(),
    ):
        owner = crawler.demo_with_every_model(now=timezone.now())
        client = Client(raise_request_exception=False)
        client.force_login(owner)
        chosen = fuzzing.forms_to_fuzz(client)
        yield Site(owner, client, chosen)
        transaction.set_rollback(True)


def test_the_demo_offers_forms_for_most_urls(site):
    assert len(site.forms) > 50


# Bugs found here, in code others own: each flips to a pass (and a strict failure) when fixed.
KNOWN_BUGS: dict[str, str] = {}


def _url_names() -> list:
    return [
        pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=KNOWN_BUGS[name]))
        if name in KNOWN_BUGS
        else name
        for name in sorted(set(crawler.all_url_names()) - set(NOT_FUZZED))
    ]


@pytest.mark.parametrize("name", _url_names())
def test_no_input_breaks_a_form_or_loses_what_was_saved(site, name):
    form = site.forms.get(name)
    if form is None:
        response = site.client.post(crawler.example_url(name))
        assert response.status_code == 405, f"no page has a form for {name}: add it to NOT_FUZZED"
        return
    client = Client(raise_request_exception=False) if name in ("login", "signup") else site.client

    @settings(
        max_examples=SLOW.get(name, EXAMPLES),
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(fuzzing.form_data(form))
    def submit(data):
        problem = fuzzing.try_input(client, site.owner, form, data)
        assert problem is None, problem

    for data in fuzzing.explicit_examples(form):
        submit = example(data)(submit)
    with fuzzing.offline():
        submit()
