"""Pasting an invitation: parse, review, fix, save; nothing is saved before review."""

import pytest
from django.urls import reverse

from tests.factories import local, make_opportunity, make_round

pytestmark = pytest.mark.django_db

INVITATION = """\
Hi Alex,

We'd like to invite you back on Tuesday, March 10, 2026 at our office, 10 Main Street, Leeds.

Schedule (all times UK time):
- 09:30 - 10:15  Dana Whitfield, Director of Network Planning (hiring manager)
- 10:15 - 11:00  Marcus Oyelaran, VP Supply Chain
- 11:15 - 12:00  Siobhán O'Neill, Senior Operations Analyst

Best,
Priya
"""


@pytest.fixture
def empty_round(alice):
    return make_round(make_opportunity(alice), starts_at=None, time_zone="Europe/London")


def test_parse_shows_rows_for_review_and_saves_nothing(alice_client, empty_round):
    response = alice_client.post(
        reverse("invitation_parse", args=[empty_round.pk]), {"text": INVITATION}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Found 3 interviewers" in page
    assert 'value="Dana Whitfield"' in page and 'value="Marcus Oyelaran"' in page
    assert not empty_round.interviewers.exists()


def test_parse_with_htmx_returns_only_the_review(alice_client, empty_round):
    response = alice_client.post(
        reverse("invitation_parse", args=[empty_round.pk]),
        {"text": INVITATION},
        headers={"HX-Request": "true"},
    )
    page = response.content.decode()
    assert "<html" not in page and 'value="Siobhán O&#x27;Neill"' in page


def test_nothing_parsable_says_so_and_offers_a_row(alice_client, empty_round):
    response = alice_client.post(
        reverse("invitation_parse", args=[empty_round.pk]),
        {"text": "Thanks for your time today, we will be in touch."},
    )
    page = response.content.decode()
    assert "No interviewers could be read" in page
    assert 'name="form-TOTAL_FORMS" value="1"' in page


def _row(index, **values):
    return {f"form-{index}-{key}": value for key, value in values.items()}


def test_save_reviewed_rows_sets_round_date_and_skips_unticked(alice_client, empty_round):
    data = {
        "form-TOTAL_FORMS": "3",
        "form-INITIAL_FORMS": "0",
        "day": "2026-03-10",
        "time_zone": "Europe/London",
        "location": "10 Main Street, Leeds",
        "video_link": "",
        **_row(
            0,
            keep="on",
            name="Dana Whitfield",
            title="Director",
            relation="hiring_manager",
            start_time="09:30",
            end_time="10:15",
        ),
        **_row(
            1,
            keep="on",
            name="Marcus Oyelaran",
            title="VP",
            relation="managers_manager",
            start_time="10:15",
            end_time="11:00",
        ),
        **_row(2, name="Lunch", relation="other", start_time="12:00"),
    }
    response = alice_client.post(reverse("invitation_save", args=[empty_round.pk]), data)
    assert response.status_code == 302
    empty_round.refresh_from_db()
    people = list(empty_round.interviewers.all())
    assert [person.name for person in people] == ["Dana Whitfield", "Marcus Oyelaran"]
    assert people[1].relation == "managers_manager"
    assert people[0].starts_at == local(2026, 3, 10, 9, 30, "Europe/London")
    assert empty_round.starts_at == local(2026, 3, 10, 9, 30, "Europe/London")
    assert empty_round.ends_at == local(2026, 3, 10, 11, 0, "Europe/London")
    assert empty_round.location == "10 Main Street, Leeds"


def test_save_with_a_nameless_ticked_row_explains_and_saves_nothing(alice_client, empty_round):
    data = {
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "0",
        "time_zone": "UTC",
        **_row(0, keep="on", name="", relation="peer"),
    }
    response = alice_client.post(reverse("invitation_save", args=[empty_round.pk]), data)
    assert "A name is needed" in response.content.decode()
    assert not empty_round.interviewers.exists()


def test_oversized_paste_is_refused(alice_client, empty_round, settings):
    settings.SECONDROUND_MAX_PASTE_CHARS = 500
    response = alice_client.post(
        reverse("invitation_parse", args=[empty_round.pk]), {"text": "x" * 501}
    )
    assert "the limit is 500" in response.content.decode()
