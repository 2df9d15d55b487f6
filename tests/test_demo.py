import pytest
from django.utils import timezone

from secondround.demo import DEMO_PASSWORD, DEMO_USERNAME, load_demo
from secondround.opportunities.models import Opportunity, Round

pytestmark = pytest.mark.django_db


def test_demo_has_a_second_round_with_four_interviewers():
    user, created = load_demo(now=timezone.now())
    assert created and user.check_password(DEMO_PASSWORD)
    second = Round.objects.get(opportunity__owner=user, number=2)
    assert second.starts_at > timezone.now()
    relations = sorted(second.interviewers.values_list("relation", flat=True))
    assert relations == ["hiring_manager", "hr", "managers_manager", "peer"]


def test_loading_the_demo_again_keeps_the_users_changes():
    user, _ = load_demo(now=timezone.now())
    Opportunity.objects.filter(owner=user).update(notes="my own notes")
    again, created = load_demo(now=timezone.now())
    assert not created and again.username == DEMO_USERNAME
    assert set(Opportunity.objects.filter(owner=user).values_list("notes", flat=True)) == {
        "my own notes"
    }
