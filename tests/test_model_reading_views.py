"""The invitation review and the debrief review with the person's own model, against a real
chat-completions server in this process: the engine's reading is shown at once, the
model's is merged in on request, only where the text supports it, disagreements marked;
a failure is a message beside the review, never an error page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from secondround.assistant.models import ModelCall, ModelSettings
from tests.chat_server import ChatServer

pytestmark = pytest.mark.django_db

EMAIL = """Dear Alex,

We would like to invite you to a second interview on Tuesday, March 10, 2026 (all times ET).

9:30-10:15  Omar Haddad, Controller
10:15-11:00 Priya Raman, Head of Finance

Grace Kim from HR will meet you at reception at 9:15.

Best regards,
Grace Kim
HR Business Partner
"""
NOTES = """Asked about month-end close - went fine
+ they liked my reconciliation automation
She worried I have no SAP experience
The panel seemed really into the dashboard I built
"""


def _person(name, title=None, start=None, end=None):
    return {"name": name, "title": title, "start": start, "end": end}


@pytest.fixture
def chat_server():
    server = ChatServer()
    yield server
    server.close()


@pytest.fixture
def configured(alice, chat_server):
    ModelSettings.objects.create(owner=alice, base_url=chat_server.base_url, model="local-model")
    return chat_server


def _parse(client, round_, **extra):
    url = reverse("invitation_parse", args=[round_.pk])
    return client.post(url, {"text": EMAIL, **extra}).content.decode()


def test_without_a_model_the_review_has_no_model_box(alice_client, alice_round, chat_server):
    page = _parse(alice_client, alice_round)
    assert "Omar Haddad" in page and "model-reading" not in page
    assert chat_server.requests == [] and not ModelCall.objects.exists()


def test_the_models_reading_is_merged_on_request(alice_client, alice, alice_round, configured):
    configured.reply = {
        "people": [
            _person("Omar Haddad", "HR Business Partner", "09:30", "10:15"),
            _person("Grace Kim", "HR Business Partner", "09:15", None),
            _person("Sarah Connor", "CFO"),
        ]
    }
    page = _parse(alice_client, alice_round)
    call = ModelCall.objects.get(owner=alice)
    assert (call.feature, call.status) == ("invitation", "accepted")
    assert "Show the review with my model's reading</button>" in page
    assert "“Sarah Connor” is not in the e-mail." in page  # said, not used
    assert 'value="Grace Kim"' not in page  # nothing merged before the person asks

    page = _parse(alice_client, alice_round, model_call=call.pk)
    assert ModelCall.objects.count() == 1  # no second call: the finished one is used
    assert "Shown with your model's reading merged in" in page
    assert "Your model reads the title as “HR Business Partner”." in page
    assert 'value="Grace Kim"' in page
    assert "Only your model listed this person: check they interview you." in page
    assert "Sarah Connor" in page and 'value="Sarah Connor"' not in page
    # the model-only row waits unticked; the engine's rows stay ticked
    assert page.count('name="form-2-keep"') == 1
    assert 'name="form-2-keep" id="id_form-2-keep" checked' not in page
    assert 'name="form-0-keep" id="id_form-0-keep" checked' in page


def test_a_reading_of_another_text_is_not_applied(alice_client, alice, alice_round, configured):
    configured.reply = {"people": [_person("Grace Kim", "HR Business Partner")]}
    _parse(alice_client, alice_round)
    call = ModelCall.objects.get(owner=alice)
    url = reverse("invitation_parse", args=[alice_round.pk])
    page = alice_client.post(
        url, {"text": EMAIL.replace("Priya", "Pria"), "model_call": call.pk}
    ).content.decode()
    assert 'value="Grace Kim"' not in page and "merged in" not in page


@pytest.mark.parametrize(
    ("mode", "reply", "message"),
    [
        ("malformed", {}, "not the JSON an OpenAI-compatible server sends"),
        ("html", {}, "answered 502 with text/html"),
        ("ok", {"people": [_person("Sarah Connor")]}, "“Sarah Connor” is not in the e-mail."),
        ("ok", {"people": "nobody"}, "no list of people"),
    ],
)
def test_a_failed_reading_is_a_message_beside_the_engines_review(
    alice_client, alice_round, configured, mode, reply, message
):
    configured.mode, configured.reply = mode, reply
    response = alice_client.post(
        reverse("invitation_parse", args=[alice_round.pk]), {"text": EMAIL}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Your model's reading was not used." in page and message in page
    assert 'value="Omar Haddad"' in page


def test_an_unknown_model_and_a_slow_server_keep_the_engines_review(
    alice_client, alice, alice_round, configured
):
    ModelSettings.objects.filter(owner=alice).update(model="no-such-model")
    assert "model not found" in _parse(alice_client, alice_round)
    ModelSettings.objects.filter(owner=alice).update(model="local-model", timeout_seconds=5)
    configured.mode, configured.delay = "slow", 7.0
    page = _parse(alice_client, alice_round)
    assert "did not answer within 5 seconds" in page and 'value="Omar Haddad"' in page


def test_a_running_reading_polls_and_cancels_without_leaving_the_review(
    alice_client, alice, configured
):
    call = ModelCall.objects.create(
        owner=alice, feature="invitation", model="local-model", server=configured.base_url
    )
    status = alice_client.get(reverse("reading_status", args=[call.pk])).content.decode()
    assert 'hx-trigger="every 1s"' in status and "Cancel</button>" in status
    answer = alice_client.post(reverse("reading_cancel", args=[call.pk]), HTTP_HX_REQUEST="true")
    assert "Cancelled: the reading below is Second Round" in answer.content.decode()
    call.refresh_from_db()
    assert call.cancel_requested


def test_someone_elses_reading_is_not_found(charlie_client, alice, configured):
    call = ModelCall.objects.create(
        owner=alice, feature="invitation", model="local-model", server=configured.base_url
    )
    assert charlie_client.get(reverse("reading_status", args=[call.pk])).status_code == 404
    assert charlie_client.post(reverse("reading_cancel", args=[call.pk])).status_code == 404


def test_the_notes_reading_marks_disagreements_for_the_to_sort_list(
    alice_client, alice, alice_round, configured
):
    configured.reply = {
        "questions": [{"text": "Asked about month-end close", "went": "comfortable"}],
        "positives": ["The panel seemed really into the dashboard I built"],
        "misses": [],
        "concerns": [],
        "terms": ["SAP", "BlackLine forecasting"],
    }
    url = reverse("debrief_capture", args=[alice_round.pk])
    page = alice_client.post(url, {"notes": NOTES}).content.decode()
    call = ModelCall.objects.get(owner=alice)
    assert (call.feature, call.status) == ("notes", "accepted")
    assert "“BlackLine forecasting” is not in your notes." in page
    assert "To sort" not in page
    page = alice_client.post(url, {"notes": NOTES, "model_call": call.pk}).content.decode()
    assert "Only your model found “The panel seemed really into the dashboard I built”" in page
    assert "To sort" in page


def test_a_failed_notes_reading_keeps_the_engines_sorting(alice_client, alice_round, configured):
    configured.mode = "malformed"
    response = alice_client.post(
        reverse("debrief_capture", args=[alice_round.pk]), {"notes": NOTES}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Your model's reading was not used." in page
    assert "they liked my reconciliation automation" in page


def test_with_nothing_configured_these_pages_open_no_connection(
    alice_client, alice_round, monkeypatch
):
    import httpx

    from secondround.assistant import provider
    from secondround.followup.models import Letter

    def refuse(*args, **kwargs):
        raise AssertionError("a connection was opened")

    monkeypatch.setattr(httpx, "Client", refuse)
    monkeypatch.setattr(provider.socket, "getaddrinfo", refuse)
    person = alice_round.interviewers.get()
    Letter.objects.create(interviewer=person, subject="Thank you", body="Dear Dana,")
    opportunity = alice_round.opportunity
    for url in (
        reverse("letters", args=[alice_round.pk]),
        reverse("follow_up", args=[alice_round.pk]),
        reverse("answer", args=[opportunity.pk, "learned"]),
    ):
        page = alice_client.get(url)
        assert page.status_code == 200 and "Rewrite with my model" not in page.content.decode()
    assert "model-reading" not in _parse(alice_client, alice_round)
    page = alice_client.post(reverse("debrief_capture", args=[alice_round.pk]), {"notes": NOTES})
    assert page.status_code == 200 and "model-reading" not in page.content.decode()
    assert not ModelCall.objects.exists()


def test_a_remote_server_gets_the_notes_with_placeholders(
    alice_client, alice, alice_round, chat_server, monkeypatch
):
    from secondround.assistant import provider

    ModelSettings.objects.create(
        owner=alice, base_url=chat_server.base_url, model="local-model", not_on_my_machine=True
    )
    monkeypatch.setattr(provider, "is_on_this_machine_or_network", lambda url: False)
    chat_server.reply = {"concerns": ["[PERSON_1] worried I have no SAP experience"]}
    notes = "Dana Whitfield worried I have no SAP experience (dana@northwind.com)"
    alice_client.post(reverse("debrief_capture", args=[alice_round.pk]), {"notes": notes})
    sent = chat_server.requests[-1]["messages"][-1]["content"]
    assert sent == "[PERSON_1] worried I have no SAP experience ([EMAIL_1])"
    call = ModelCall.objects.get(owner=alice)
    assert call.redacted and call.status == "accepted"
    assert "Dana Whitfield worried I have no SAP experience" in call.result
