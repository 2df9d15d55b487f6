from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse

from secondround.opportunities.selectors import dashboard_rows
from secondround.opportunities.templatetags.schedule import countdown
from tests.factories import make_opportunity, make_round

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("delta", "text"),
    [
        (timedelta(days=5, hours=3), "in 5 days"),
        (timedelta(days=1, hours=4), "in 1 day 4 hours"),
        (timedelta(days=1), "in 1 day"),
        (timedelta(hours=2, minutes=30), "in 2 hours 30 minutes"),
        (timedelta(hours=1), "in 1 hour"),
        (timedelta(minutes=25), "in 25 minutes"),
        (timedelta(seconds=20), "in 1 minute"),
        (-timedelta(days=3), "3 days ago"),
    ],
)
def test_countdown_reads_at_a_glance(delta, text):
    assert countdown(NOW + delta, NOW) == text


@pytest.mark.django_db
def test_soonest_interview_first_past_rounds_ignored(alice, bob):
    later = make_opportunity(alice, company="Later")
    make_round(later, starts_at=NOW + timedelta(days=9))
    sooner = make_opportunity(alice, company="Sooner")
    make_round(sooner, number=1, starts_at=NOW - timedelta(days=10))
    upcoming = make_round(sooner, number=2, starts_at=NOW + timedelta(days=2))
    make_opportunity(alice, company="Nothing yet")
    make_opportunity(bob, company="Bob's")

    rows = dashboard_rows(alice, now=NOW, archived=False)

    assert [row.opportunity.company for row in rows] == ["Sooner", "Later", "Nothing yet"]
    assert rows[0].next_round == upcoming
    assert rows[0].round_count == 2
    assert rows[2].next_round is None


@pytest.mark.django_db
def test_dashboard_query_count_does_not_grow_with_opportunities(
    alice, alice_client, django_assert_max_num_queries
):
    for index in range(30):
        make_round(make_opportunity(alice), starts_at=NOW + timedelta(days=index + 1))
    with django_assert_max_num_queries(6):
        response = alice_client.get(reverse("dashboard"))
    assert response.content.decode().count('class="card opportunity-row"') == 30


@pytest.mark.django_db
def test_readiness_is_shown_for_the_soonest_interviews_at_a_bounded_cost(alice, alice_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from secondround.overview import selectors
    from secondround.questions import selectors as question_selectors

    def queries() -> tuple[int, str]:
        selectors._FACTS.clear()  # every readiness counted, none kept from before
        question_selectors._BANKS_BY_VERSION.clear()
        with CaptureQueriesContext(connection) as captured:
            page = alice_client.get(reverse("dashboard")).content.decode()
        return len(captured.captured_queries), page

    for index in range(6):
        make_round(make_opportunity(alice), starts_at=timezone.now() + timedelta(days=index + 1))
    few, page = queries()
    assert page.count("% ready") == 5
    for index in range(20):
        make_round(make_opportunity(alice), starts_at=timezone.now() + timedelta(days=index + 9))
    many, page = queries()
    assert page.count("% ready") == 5
    assert page.count('class="card opportunity-row"') == 26
    assert many == few
