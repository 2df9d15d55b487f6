"""The round page's preparation path and the dashboard's readiness and due-now list."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from secondround.practice.models import Attempt
from tests.factories import make_interviewer, make_opportunity, make_round

pytestmark = pytest.mark.django_db


def test_the_round_page_shows_the_path_in_order_and_the_next_step(alice_client, alice):
    opportunity = make_opportunity(alice, company="Lakeview Hospital")
    first = make_round(opportunity, number=1, starts_at=timezone.now() - timedelta(days=9))
    second = make_round(opportunity, number=2)
    make_interviewer(second, name="Ana Lima", title="Nurse Manager")
    page = alice_client.get(second.get_absolute_url()).content.decode()
    titles = [
        "Who you&#x27;ll meet",
        "What the last round taught you",
        "Research",
        "Questions to expect",
        "Your stories",
        "Practice",
        "Questions to ask, plan and salary",
        "The brief",
        "After the round",
    ]
    steps = page[page.index('<ol class="path-steps">') :]
    positions = [steps.index(title) for title in titles]
    assert positions == sorted(positions)
    assert "% ready" in page
    # The roster is done; the next step is the debrief of round 1, linked to that round.
    next_link = reverse("debrief_detail", args=[first.pk])
    assert f'<a class="button" href="{next_link}">Next: What the last round taught you</a>' in page


def test_a_first_round_has_no_debrief_step(alice_client, alice):
    round_ = make_round(make_opportunity(alice), number=1)
    page = alice_client.get(round_.get_absolute_url()).content.decode()
    assert "What the last round taught you" not in page
    assert "Next: Who you&#x27;ll meet" in page


def test_the_dashboard_shows_readiness_and_a_round_soon_without_practice(alice_client, alice):
    soon = make_round(
        make_opportunity(alice, company="Harbour Schools"),
        starts_at=timezone.now() + timedelta(days=1),
    )
    later = make_round(
        make_opportunity(alice, company="Ridge Electric"),
        starts_at=timezone.now() + timedelta(days=10),
    )
    page = alice_client.get(reverse("dashboard")).content.decode()
    assert page.count("% ready") == 2
    assert "Practise for Harbour Schools" in page
    assert "Practise for Ridge Electric" not in page
    Attempt.objects.create(round=soon, question_key="q", question_text="Q?", answer_text="A.")
    page = alice_client.get(reverse("dashboard")).content.decode()
    assert "Practise for Harbour Schools" not in page
    assert later.opportunity.company in page


def test_a_strangers_round_page_is_not_found(charlie_client, alice_round):
    assert charlie_client.get(alice_round.get_absolute_url()).status_code == 404


def test_the_round_page_and_dashboard_take_only_get(alice_client, alice_round):
    assert alice_client.post(alice_round.get_absolute_url()).status_code == 405
    assert alice_client.post(reverse("dashboard")).status_code == 405
