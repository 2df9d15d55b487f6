"""The invitation review (pasted, or uploaded as .eml or .ics) and the debrief review with
the person's own model, against a real chat-completions server in this process: the
engine's reading is shown at once, the model's is merged in on request, only where the
text supports it, disagreements marked; a failure is a message beside the review, never an
error page."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
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
    for name in (MAIL, CALENDAR):
        page = _upload(alice_client, alice_round, name)
        assert page.status_code == 200 and "model-reading" not in page.content.decode()
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


# ---- an uploaded .eml or .ics goes the same way as a paste --------------------------------

FILES = Path(__file__).parent / "engine" / "fixtures" / "invitation_files"
MAIL, CALENDAR = "supervisor_plain_and_html.eml", "panel_with_description.ics"


def _upload(client, round_, name):
    upload = SimpleUploadedFile(name, (FILES / name).read_bytes())
    return client.post(reverse("invitation_parse", args=[round_.pk]), {"file": upload})


def _again_with_the_model(client, page):
    """What "Show the review with my model's reading" posts: the box's own form."""
    start = page.rindex("<form", 0, page.index('id="model-reading-form"'))
    form = page[start : page.index("</form>", start)]
    fields = {
        "text": html.unescape(re.search(r"<textarea[^>]*>\n?(.*?)</textarea>", form, re.S)[1])
    }
    for name, value in re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', form):
        fields[name] = html.unescape(value)
    action = re.search(r'action="([^"]+)"', form)[1]
    return client.post(action, fields).content.decode()


def test_an_uploaded_email_is_read_by_the_model_as_a_paste_is(
    alice_client, alice, alice_round, configured
):
    configured.reply = {
        "people": [
            _person("Zoë Lefèvre", "Warehouse Operations Manager", "10:00", "10:45"),
            _person("Hendrik van der Berg", "Health & Safety Lead", "11:15", "12:00"),
            _person("Priya Shah", "Talent Partner"),
        ]
    }
    page = _upload(alice_client, alice_round, MAIL).content.decode()
    call = ModelCall.objects.get(owner=alice)
    assert (call.feature, call.status) == ("invitation", "accepted")
    sent = configured.requests[-1]["messages"][-1]["content"]
    assert "10:00 - 10:45  Zoë Lefèvre" in sent  # the body, decoded
    assert "HTML version" not in sent and "Content-Transfer-Encoding" not in sent
    assert "Show the review with my model's reading</button>" in page
    assert 'value="Priya Shah"' not in page

    page = _again_with_the_model(alice_client, page)
    assert ModelCall.objects.count() == 1
    assert "Shown with your model's reading merged in" in page
    assert 'value="Zoë Lefèvre"' in page and 'value="Hendrik van der Berg"' in page
    assert "Only your model listed this person: check they interview you." in page
    number = re.findall(r'name="form-(\d+)-name"', page[: page.index('value="Priya Shah"')])[-1]
    assert f'name="form-{number}-keep" id="id_form-{number}-keep" checked' not in page
    assert 'value="Jo Bloggs"' not in page  # the mail's addressee is the candidate


def test_an_uploaded_calendar_keeps_its_attendees_and_times(
    alice_client, alice, alice_round, configured
):
    configured.reply = {
        "people": [
            _person("Dr Amara Okafor", "Director of Nursing", "09:45", None),
            _person("Jo Bloggs", None),
        ]
    }
    page = _upload(alice_client, alice_round, CALENDAR).content.decode()
    sent = configured.requests[-1]["messages"][-1]["content"]
    assert "Your panel will be Dr Amara Okafor" in sent
    assert "amara.okafor@" not in sent and "ATTENDEE" not in sent  # the description only
    page = _again_with_the_model(alice_client, page)
    assert "Shown with your model's reading merged in" in page
    assert "Your model reads the time as 09:45; the calendar&#x27;s time is kept." in page
    # the attendees' e-mail addresses and the event's time, as the calendar gives them
    assert 'value="amara.okafor@stmarys.nhs.uk"' in page
    assert 'value="sean.oneill@stmarys.nhs.uk"' in page
    amara = page.index('value="amara.okafor@stmarys.nhs.uk"')
    number = re.findall(r'name="form-(\d+)-name"', page[:amara])[-1]
    assert f'name="form-{number}-start_time" value="10:00:00"' in page
    assert "09:45:00" not in page
    assert 'value="Jo Bloggs"' not in page  # the candidate, whoever lists them


@pytest.mark.parametrize(
    ("mode", "message"),
    [
        ("slow", "did not answer within 1 seconds"),
        ("malformed", "not the JSON an OpenAI-compatible server sends"),
        ("html", "answered 502 with text/html"),
    ],
)
@pytest.mark.parametrize("name", [MAIL, CALENDAR])
def test_a_failed_reading_of_an_upload_keeps_the_engines_review(
    alice_client, alice, alice_round, configured, mode, message, name
):
    ModelSettings.objects.filter(owner=alice).update(timeout_seconds=1)
    configured.mode, configured.delay = mode, 2.5
    response = _upload(alice_client, alice_round, name)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Your model's reading was not used." in page and message in page
    assert 'value="Zoë Lefèvre"' in page or 'value="amara.okafor@stmarys.nhs.uk"' in page
    assert ModelCall.objects.get(owner=alice).status == "failed"


def test_facts_that_did_not_come_back_ask_for_the_file_again(alice_client, alice_round):
    url = reverse("invitation_parse", args=[alice_round.pk])
    response = alice_client.post(url, {"text": "Dear Jo,", "file_facts": "{broken"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "upload it again" in page
    assert "{broken" not in page  # sent again, the text is read as a paste


def test_a_remote_server_gets_an_upload_with_placeholders(
    alice_client, alice, alice_round, chat_server, monkeypatch
):
    from secondround.assistant import provider

    ModelSettings.objects.create(
        owner=alice, base_url=chat_server.base_url, model="local-model", not_on_my_machine=True
    )
    monkeypatch.setattr(provider, "is_on_this_machine_or_network", lambda url: False)
    chat_server.reply = {"people": [_person("[PERSON_1]", "Warehouse Operations Manager")]}
    _upload(alice_client, alice_round, MAIL)
    sent = chat_server.requests[-1]["messages"][-1]["content"]
    assert "Zoë" not in sent and "Hendrik van der Berg" not in sent and "[PERSON_1]" in sent
    call = ModelCall.objects.get(owner=alice)
    assert call.redacted and call.status == "accepted"
    assert "Zoë Lefèvre" in call.result or "Hendrik van der Berg" in call.result
