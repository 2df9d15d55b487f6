"""“Rewrite with my model” beside a letter, the follow-up and the answer drafts, against a
real chat-completions server in this process: kept only when the engine's checks pass,
else the draft stays with why; never an error page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from secondround.assistant.models import ModelCall, ModelSettings
from secondround.followup.models import Letter
from secondround.research.models import SavedAnswer
from tests.chat_server import ChatServer

pytestmark = pytest.mark.django_db

BODY = (
    "Dear Dana,\n\nThank you for meeting me on Tuesday and for our talk about the Joliet "
    "hub. At Lakeshore I cut empty miles from 40% to 22%.\n\nBest regards,\nAlex Morgan"
)
GOOD = (
    "Dear Dana,\n\nThank you for Tuesday's conversation about the Joliet hub. At "
    "Lakeshore, I brought empty miles down from 40% to 22%.\n\nBest regards,\nAlex Morgan"
)


@pytest.fixture
def chat_server():
    server = ChatServer()
    yield server
    server.close()


@pytest.fixture
def configured(alice, chat_server):
    ModelSettings.objects.create(owner=alice, base_url=chat_server.base_url, model="local-model")
    alice.first_name, alice.last_name = "Alex", "Morgan"
    alice.save()
    return chat_server


@pytest.fixture
def letter(alice_round):
    alice_round.opportunity.notes = "Lakeshore Foods, Joliet hub"
    person = alice_round.interviewers.get()
    from secondround.stories.models import Story

    Story.objects.create(
        owner=alice_round.opportunity.owner,
        title="Empty miles",
        situation="At Lakeshore empty miles were 40%.",
        result="Down to 22%. Joliet hub",
    )
    return Letter.objects.create(interviewer=person, subject="Thank you", body=BODY)


def _page(client, letter) -> str:
    return client.get(reverse("letters", args=[letter.interviewer.round_id])).content.decode()


def test_the_button_shows_only_with_a_model(alice_client, alice, letter, chat_server):
    assert "Rewrite with my model" not in _page(alice_client, letter)
    ModelSettings.objects.create(owner=alice, base_url=chat_server.base_url, model="local-model")
    assert "Rewrite with my model</button>" in _page(alice_client, letter)


def test_a_faithful_rewrite_is_offered_to_use(alice_client, alice, configured, letter):
    configured.reply = {"text": GOOD}
    response = alice_client.post(reverse("rewrite_start", args=["letter", letter.pk]))
    assert response.status_code == 302 and response.url.endswith(f"#rewrite-letter-{letter.pk}")
    page = _page(alice_client, letter)
    assert "Use this version</button>" in page and "brought empty miles down" in page
    call = ModelCall.objects.get(owner=alice)
    assert (call.feature, call.status, call.subject) == (
        "rewrite",
        "accepted",
        f"letter:{letter.pk}",
    )
    sent = configured.requests[-1]["messages"][-1]["content"]
    assert sent == BODY
    person = letter.interviewer
    alice_client.post(
        reverse("letter_edit", args=[letter.pk]),
        {
            f"l{person.pk}-subject": "Thank you",
            f"l{person.pk}-body": GOOD,
            f"l{person.pk}-card": "",
        },
    )
    letter.refresh_from_db()
    assert letter.body == GOOD and letter.edited


@pytest.mark.parametrize(
    ("mode", "reply", "why"),
    [
        ("ok", {"text": BODY.replace("22%", "12%")}, "number that is not in your data: 12"),
        ("ok", {"text": BODY.replace("Dana", "Sarah Connor")}, "not in your data: Sarah"),
        ("ok", {"text": BODY.replace("I cut", "I never cut")}, "says “not”"),
        ("malformed", {}, "not the JSON an OpenAI-compatible server sends"),
        ("html", {}, "answered 502 with text/html"),
        ("not_json_text", "no json", "not the JSON it was asked for"),
    ],
)
def test_a_rewrite_that_fails_a_check_leaves_the_draft_with_why(
    alice_client, alice, configured, letter, mode, reply, why
):
    configured.mode, configured.reply = mode, reply
    alice_client.post(reverse("rewrite_start", args=["letter", letter.pk]))
    page = _page(alice_client, letter)
    assert "Your draft is kept:" in page and why in page
    assert "Use this version" not in page
    letter.refresh_from_db()
    assert letter.body == BODY


def test_a_slow_server_times_out_with_a_message(alice_client, alice, configured, letter):
    ModelSettings.objects.filter(owner=alice).update(timeout_seconds=5)
    configured.mode, configured.delay = "slow", 7.0
    alice_client.post(reverse("rewrite_start", args=["letter", letter.pk]))
    assert "did not answer within 5 seconds" in _page(alice_client, letter)


def test_an_unreachable_server_or_unknown_model_is_a_message_not_a_500(
    alice_client, alice, letter, chat_server
):
    ModelSettings.objects.create(owner=alice, base_url="http://127.0.0.1:9/v1", model="m")
    response = alice_client.post(reverse("rewrite_start", args=["letter", letter.pk]))
    assert response.status_code == 302
    assert "Could not connect" in _page(alice_client, letter)
    ModelSettings.objects.filter(owner=alice).update(base_url=chat_server.base_url)
    alice_client.post(reverse("rewrite_start", args=["letter", letter.pk]))
    assert "model not found" in _page(alice_client, letter)


def test_the_answer_draft_and_the_follow_up_have_the_box(alice_client, configured, alice_round):
    opportunity = alice_round.opportunity
    SavedAnswer.objects.create(
        opportunity=opportunity,
        kind="learned",
        text="I learned that Northwind Freight runs 40 hubs.",
    )
    configured.reply = {"text": "I have learned that Northwind Freight runs 40 hubs."}
    alice_client.post(reverse("rewrite_start", args=["learned", opportunity.pk]))
    page = alice_client.get(reverse("answer", args=[opportunity.pk, "learned"])).content.decode()
    assert "I have learned that Northwind Freight runs 40 hubs." in page
    assert f'action="{reverse("answer", args=[opportunity.pk, "learned"])}"' in page
    page = alice_client.get(reverse("follow_up", args=[alice_round.pk])).content.decode()
    assert "Rewrite with my model</button>" in page


def test_a_running_rewrite_polls_and_can_be_cancelled(alice_client, alice, configured, letter):
    call = ModelCall.objects.create(
        owner=alice,
        feature="rewrite",
        subject=f"letter:{letter.pk}",
        model="local-model",
        server=configured.base_url,
    )
    status = alice_client.get(reverse("rewrite_status", args=["letter", letter.pk]))
    assert 'hx-trigger="every 1s"' in status.content.decode()
    alice_client.post(reverse("rewrite_cancel", args=["letter", letter.pk]))
    call.refresh_from_db()
    assert call.cancel_requested


def test_someone_elses_draft_is_not_found(charlie_client, configured, letter):
    for name in ("rewrite_start", "rewrite_cancel"):
        assert charlie_client.post(reverse(name, args=["letter", letter.pk])).status_code == 404
    status = charlie_client.get(reverse("rewrite_status", args=["letter", letter.pk]))
    assert status.status_code == 404
    assert charlie_client.post(reverse("rewrite_start", args=["nothing", 1])).status_code == 404


def test_a_remote_server_gets_placeholders_and_the_rewrite_gets_the_names_back(
    alice_client, alice, configured, letter, monkeypatch
):
    from secondround.assistant import provider

    ModelSettings.objects.filter(owner=alice).update(not_on_my_machine=True)
    monkeypatch.setattr(provider, "is_on_this_machine_or_network", lambda url: False)
    configured.reply = lambda payload: {
        "text": payload["messages"][-1]["content"].replace("our talk", "our conversation")
    }
    alice_client.post(reverse("rewrite_start", args=["letter", letter.pk]))
    sent = configured.requests[-1]["messages"][-1]["content"]
    assert "Dana" not in sent and "Alex" not in sent and "Morgan" not in sent
    assert sent.startswith("Dear [PERSON_")
    call = ModelCall.objects.get(owner=alice)
    assert call.redacted and call.status == "accepted", call.note
    assert call.result == BODY.replace("our talk", "our conversation")
