"""A NUL byte in any field is refused with a message: PostgreSQL cannot store one in text."""

import pytest
from django.urls import reverse

from secondround.brief.models import AskChoice
from secondround.practice.models import Attempt, PracticeSession
from secondround.questions.models import PreparedQuestion

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(alice_round):
    return PracticeSession.objects.create(
        round=alice_round, plan=[{"key": "why", "text": "Why us?", "kind": "motivation"}]
    )


def test_pinning_a_question_with_a_nul_byte_changes_nothing(alice_client, alice_round):
    person = alice_round.interviewers.get()
    response = alice_client.post(
        reverse("ask_pin", args=[person.pk]), {"library_id": "ask-1", "text": "What\x00 next?"}
    )
    assert response.status_code == 302
    assert not AskChoice.objects.exists()


def test_marking_prepared_with_a_nul_byte_changes_nothing(alice_client, alice_round):
    url = reverse("question_prepared", args=[alice_round.pk])
    response = alice_client.post(url, {"key": "staple:\x00", "prepared": "1"})
    assert response.status_code == 302
    htmx = alice_client.post(url, {"key": "x\x00", "prepared": "1"}, headers={"HX-Request": "true"})
    assert htmx.status_code == 400 and "nothing changed" in htmx.content.decode()
    assert not PreparedQuestion.objects.exists()


def test_a_typed_answer_with_a_nul_byte_is_shown_again_with_a_message(alice_client, session):
    response = alice_client.post(
        reverse("practice_answer", args=[session.pk]), {"answer": "I led the\x00 audit."}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Null characters are not allowed" in page and "I led the" in page
    assert not Attempt.objects.exists()


def test_an_empty_typed_answer_asks_for_one_and_a_long_one_keeps_the_text(
    alice_client, session, settings
):
    url = reverse("practice_answer", args=[session.pk])
    assert "Type your answer first" in alice_client.post(url, {"answer": "  "}).content.decode()
    settings.SECONDROUND_MAX_PASTE_CHARS = 50
    page = alice_client.post(url, {"answer": "word " * 20}).content.decode()
    assert "the limit is 50" in page and "word word word" in page
    assert not Attempt.objects.exists()


def test_progress_filtered_by_a_nul_byte_shows_everything(alice_client):
    response = alice_client.get(reverse("practice_progress"), {"question": "\x00"})
    assert response.status_code == 200
