"""The optional language model: settings, the provider against a real chat server in this
process, the follow-up question in practice, the log, and no connection when it is off."""

from __future__ import annotations

import time

import httpx
import pytest
from django.urls import reverse

from secondround.assistant import provider
from secondround.assistant.models import ModelCall, ModelSettings
from secondround.practice.models import Attempt
from tests.chat_server import ChatServer

pytestmark = pytest.mark.django_db

ANSWER = (
    "At Lakeshore I moved the two highest-risk patients nearer the station and set up hourly "
    "rounding with the aides; falls dropped to zero in six weeks."
)


@pytest.fixture
def chat_server():
    server = ChatServer()
    yield server
    server.close()


@pytest.fixture
def configured(alice, chat_server):
    ModelSettings.objects.create(owner=alice, base_url=chat_server.base_url, model="local-model")
    return chat_server


@pytest.fixture
def attempt(alice_round):
    return Attempt.objects.create(
        round=alice_round,
        question_key="q1",
        question_text="Tell me about a time you improved patient safety.",
        answer_text=ANSWER,
    )


def _server(chat_server, **overrides) -> provider.ModelServer:
    values = {"base_url": chat_server.base_url, "model": "local-model", "timeout": 5.0}
    return provider.ModelServer(**(values | overrides))


# ---- the provider against the real server ----------------------------------------------


def test_models_are_listed_and_a_structured_reply_parses(chat_server):
    assert provider.list_models(_server(chat_server)) == ["local-model", "other-model"]
    reply = provider.chat(
        _server(chat_server), [{"role": "user", "content": "hi"}], schema={"type": "object"}
    )
    assert reply.structured and provider.reply_json(reply) == chat_server.reply
    assert chat_server.requests[-1]["response_format"]["type"] == "json_schema"
    assert reply.bytes_sent > 0 and reply.seconds >= 0


def test_a_server_without_structured_output_is_asked_with_the_schema_in_the_prompt(chat_server):
    chat_server.mode = "no_schema"
    reply = provider.chat(
        _server(chat_server), [{"role": "user", "content": "hi"}], schema={"type": "object"}
    )
    assert not reply.structured and provider.reply_json(reply) == chat_server.reply
    assert "JSON schema" in chat_server.requests[-1]["messages"][0]["content"]


def test_prose_around_the_json_gets_one_repair_pass(chat_server):
    chat_server.mode = "not_json_text"
    chat_server.reply = "no braces here"
    with pytest.raises(provider.ModelError, match="not the JSON"):
        provider.chat(
            _server(chat_server), [{"role": "user", "content": "hi"}], schema={"type": "object"}
        )
    assert len(chat_server.requests) == 2  # the question, then one repair pass


@pytest.mark.parametrize(
    ("mode", "overrides", "message"),
    [
        ("malformed", {}, "not the JSON an OpenAI-compatible server sends"),
        ("html", {}, "answered 502 with text/html"),
        ("ok", {"model": "no-such-model"}, "refused the request (404): model not found"),
        ("slow", {"timeout": 0.5}, "did not answer within 0 seconds"),
        ("ok", {"base_url": "http://127.0.0.1:9/v1"}, "Could not connect"),
    ],
)
def test_failures_are_one_line_messages(chat_server, mode, overrides, message):
    chat_server.mode, chat_server.delay = mode, 2.0
    with pytest.raises(provider.ModelError, match=message.replace("(", r"\(").replace(")", r"\)")):
        provider.chat(_server(chat_server, **overrides), [{"role": "user", "content": "hi"}])


def test_a_long_reply_is_given_up_as_soon_as_the_person_cancels(chat_server):
    chat_server.mode, chat_server.delay = "slow", 8.0
    started = time.perf_counter()
    with pytest.raises(provider.Cancelled):
        provider.chat(
            _server(chat_server, timeout=30.0),
            [{"role": "user", "content": "hi"}],
            cancelled=lambda: time.perf_counter() - started > 0.5,
        )
    assert len(chat_server.requests) == 1  # it was sent, and then not waited for
    assert time.perf_counter() - started < 6.0  # not the reply's 8 seconds


@pytest.mark.parametrize(
    ("url", "local"),
    [
        ("http://localhost:11434/v1", True),
        ("http://127.0.0.1:8080/v1", True),
        ("http://192.168.1.20:1234/v1", True),
        ("http://[::1]:8000/v1", True),
        ("https://8.8.8.8/v1", False),
    ],
)
def test_what_counts_as_this_machine_or_network(url, local):
    assert provider.is_on_this_machine_or_network(url) is local


# ---- settings ----------------------------------------------------------------------------


def test_settings_save_a_local_server_and_refuse_a_remote_one_without_the_tick(
    alice_client, alice, chat_server
):
    page = alice_client.get(reverse("model_settings")).content.decode()
    assert "Off: nothing is sent anywhere." in page
    # what each feature sends, said before anything is sent
    assert "What each feature sends" in page and "of an .eml or .ics file" in page
    response = alice_client.post(
        reverse("model_settings"),
        {"base_url": chat_server.base_url + "/", "model": "local-model", "timeout_seconds": 60},
    )
    assert response.status_code == 302
    own = ModelSettings.objects.get(owner=alice)
    assert own.base_url == chat_server.base_url and own.timeout_seconds == 60
    refused = alice_client.post(
        reverse("model_settings"),
        {"base_url": "https://8.8.8.8/v1", "model": "m", "timeout_seconds": 60},
    )
    assert "This address is not on your machine or network" in refused.content.decode()
    own.refresh_from_db()
    assert own.base_url == chat_server.base_url  # nothing changed


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"base_url": "localhost:11434", "model": "m"}, "Give the server&#x27;s address"),
        ({"base_url": "http://u:p@localhost/v1", "model": "m"}, "Put the key in the key field"),
        ({"base_url": "http://localhost/v1", "model": ""}, "Give the model&#x27;s name"),
        ({"base_url": "http://localhost/v1", "model": "m", "timeout_seconds": 2}, "greater than"),
    ],
)
def test_bad_settings_get_a_message(alice_client, values, message):
    response = alice_client.post(reverse("model_settings"), {"timeout_seconds": 60} | values)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ModelSettings.objects.exists()


def test_the_check_lists_models_and_sends_a_test(alice_client, alice, configured):
    configured.reply = "ready"
    page = alice_client.post(reverse("model_check")).content.decode()
    assert "The server offers 2 models: local-model, other-model." in page
    assert "Test message answered in" in page
    assert ModelCall.objects.get(owner=alice).feature == "test"


def test_the_check_explains_an_unreachable_server(alice_client, alice):
    ModelSettings.objects.create(owner=alice, base_url="http://127.0.0.1:9/v1", model="m")
    page = alice_client.post(reverse("model_check")).content.decode()
    assert "Could not connect to http://127.0.0.1:9/v1" in page


@pytest.mark.parametrize(
    ("mode", "model", "message"),
    [
        # a model name the server does not offer: said, and no test message is sent
        ("ok", "llama3:8b", "“llama3:8b” is not one of them: copy the name exactly as listed."),
        ("html", "local-model", "answered 502 with text/html, not an OpenAI-compatible answer"),
        ("foreign", "local-model", "did not list its models as an OpenAI-compatible one does"),
    ],
)
def test_the_check_explains_a_server_that_will_not_do(
    alice_client, alice, chat_server, mode, model, message
):
    ModelSettings.objects.create(owner=alice, base_url=chat_server.base_url, model=model)
    chat_server.mode = mode
    response = alice_client.post(reverse("model_check"))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert chat_server.requests == []  # nothing but the list of models was asked


def test_the_check_waits_less_than_a_feature_may(alice_client, alice, chat_server, monkeypatch):
    from secondround.assistant import views

    monkeypatch.setattr(views, "CHECK_SECONDS", 1.0)
    ModelSettings.objects.create(
        owner=alice, base_url=chat_server.base_url, model="local-model", timeout_seconds=600
    )
    chat_server.mode, chat_server.delay = "slow", 6.0
    started = time.perf_counter()
    page = alice_client.post(reverse("model_check")).content.decode()
    assert time.perf_counter() - started < 5.0  # not the reply's 6 seconds
    assert "The test message failed: The model server did not answer within 1 seconds." in page
    assert "your features wait up to 600 seconds" in page


def test_a_key_is_sent_as_a_bearer_token_and_never_shown_again(alice_client, alice, chat_server):
    alice_client.post(
        reverse("model_settings"),
        {
            "base_url": chat_server.base_url,
            "model": "local-model",
            "api_key": "sk-secret-123",
            "timeout_seconds": 60,
        },
    )
    page = alice_client.get(reverse("model_settings")).content.decode()
    assert "sk-secret-123" not in page
    alice_client.post(reverse("model_check"))
    assert {h.get("Authorization") for h in chat_server.headers} == {"Bearer sk-secret-123"}
    # saving again without typing the key keeps it
    alice_client.post(
        reverse("model_settings"),
        {"base_url": chat_server.base_url, "model": "local-model", "timeout_seconds": 60},
    )
    assert ModelSettings.objects.get(owner=alice).api_key == "sk-secret-123"


def test_a_remote_address_is_saved_with_the_tick(alice_client, alice):
    response = alice_client.post(
        reverse("model_settings"),
        {
            "base_url": "https://8.8.8.8/v1",
            "model": "m",
            "timeout_seconds": 60,
            "not_on_my_machine": "on",
        },
    )
    assert response.status_code == 302
    assert ModelSettings.objects.get(owner=alice).not_on_my_machine


def test_a_remote_server_from_the_environment_without_the_tick_gets_nothing(
    alice_client, alice, chat_server, monkeypatch, attempt
):
    monkeypatch.setenv("SECONDROUND_LLM_BASE_URL", chat_server.base_url)
    monkeypatch.setenv("SECONDROUND_LLM_MODEL", "local-model")
    monkeypatch.setattr(provider, "is_on_this_machine_or_network", lambda url: False)
    page = alice_client.post(reverse("model_check")).content.decode()
    assert "tick “this server is not on my machine”" in page
    alice_client.post(reverse("follow_up_ask", args=[attempt.pk]))
    page = alice_client.get(attempt.get_absolute_url()).content.decode()
    assert "The server is not on this machine or network" in page
    assert chat_server.requests == [] and chat_server.headers == []
    assert ModelCall.objects.get(owner=alice).status == "failed"


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"TIMEOUT": "600", "API_KEY": "k"}, (600.0, "k")),
        ({"TIMEOUT": "ten minutes"}, (provider.DEFAULT_TIMEOUT, "")),
        ({"TIMEOUT": "99999"}, (1800.0, "")),
        ({"TIMEOUT": "1"}, (5.0, "")),
    ],
)
def test_the_environments_timeout_and_key(monkeypatch, values, expected):
    from secondround.assistant.services import server_for

    monkeypatch.setenv("SECONDROUND_LLM_BASE_URL", "http://127.0.0.1:11434/v1")
    monkeypatch.setenv("SECONDROUND_LLM_MODEL", "m")
    for name, value in values.items():
        monkeypatch.setenv(f"SECONDROUND_LLM_{name}", value)
    server = server_for(None).server
    assert (server.timeout, server.api_key) == expected


def test_the_environment_configures_a_server_for_everyone(alice_client, monkeypatch, chat_server):
    monkeypatch.setenv("SECONDROUND_LLM_BASE_URL", chat_server.base_url)
    monkeypatch.setenv("SECONDROUND_LLM_MODEL", "local-model")
    page = alice_client.get(reverse("model_settings")).content.decode()
    assert "set by whoever runs this server" in page


# ---- the follow-up question in practice -----------------------------------------------


def test_a_follow_up_question_about_the_answer_is_shown(alice_client, alice, configured, attempt):
    configured.reply = {"question": "How did the aides react to the hourly rounding?"}
    page = alice_client.get(attempt.get_absolute_url()).content.decode()
    assert "Ask me a follow-up question</button>" in page
    alice_client.post(reverse("follow_up_ask", args=[attempt.pk]))
    page = alice_client.get(attempt.get_absolute_url()).content.decode()
    assert "How did the aides react to the hourly rounding?" in page
    call = ModelCall.objects.get(owner=alice)
    assert (call.status, call.feature, call.redacted) == ("accepted", "follow_up", False)
    sent = configured.requests[-1]["messages"][-1]["content"]
    assert "hourly rounding" in sent  # a local server gets the text as it is
    log = alice_client.get(reverse("model_log")).content.decode()
    assert "Follow-up question in practice" in log and "Accepted" in log


def test_a_question_about_something_else_is_refused_with_why(
    alice_client, alice, configured, attempt
):
    configured.reply = {"question": "What is your greatest weakness?"}
    alice_client.post(reverse("follow_up_ask", args=[attempt.pk]))
    page = alice_client.get(attempt.get_absolute_url()).content.decode()
    assert "not about anything in the answer" in page
    assert ModelCall.objects.get(owner=alice).status == "refused"


def test_a_malformed_reply_falls_back_with_a_message(alice_client, alice, configured, attempt):
    configured.mode = "malformed"
    response = alice_client.post(reverse("follow_up_ask", args=[attempt.pk]))
    assert response.status_code == 302
    page = alice_client.get(attempt.get_absolute_url())
    assert page.status_code == 200
    assert "not the JSON an OpenAI-compatible server sends" in page.content.decode()


def test_a_remote_server_gets_placeholders_not_names(alice, alice_client, chat_server, attempt):
    ModelSettings.objects.create(
        owner=alice, base_url=chat_server.base_url, model="local-model", not_on_my_machine=True
    )
    attempt.answer_text = ANSWER + " Dana Whitfield (dana@northwind.com) praised it."
    attempt.save()
    attempt.round.interviewers.update(name="Dana Whitfield")
    import secondround.assistant.services as services

    original = services.provider.is_on_this_machine_or_network
    services.provider.is_on_this_machine_or_network = lambda url: False
    try:
        chat_server.reply = {"question": "What did [PERSON_1] praise about the rounding?"}
        alice_client.post(reverse("follow_up_ask", args=[attempt.pk]))
    finally:
        services.provider.is_on_this_machine_or_network = original
    sent = chat_server.requests[-1]["messages"][-1]["content"]
    assert "Dana" not in sent and "dana@" not in sent and "[PERSON_1]" in sent
    call = ModelCall.objects.get(owner=alice)
    assert call.redacted and call.status == "accepted"
    assert call.result == "What did Dana Whitfield praise about the rounding?"


def test_a_running_call_can_be_cancelled(alice_client, alice, configured, attempt):
    call = ModelCall.objects.create(
        owner=alice,
        feature="follow_up",
        subject=f"attempt:{attempt.pk}",
        model="local-model",
        server=configured.base_url,
    )
    status = alice_client.get(reverse("follow_up_status", args=[attempt.pk])).content.decode()
    assert "Asking local-model" in status and 'hx-trigger="every 1s"' in status
    alice_client.post(reverse("follow_up_cancel", args=[attempt.pk]))
    call.refresh_from_db()
    assert call.cancel_requested
    from secondround.assistant.services import call_run, server_for
    from secondround.engine.nlp.assisted import Checked

    checked = call_run(
        call,
        configured=server_for(alice),
        messages=[{"role": "user", "content": "hi"}],
        schema=None,
        names=(),
        check=lambda reply: Checked("x"),
    )
    call.refresh_from_db()
    assert not checked.accepted and call.status == "cancelled"
    assert configured.requests == []  # cancelled before anything was sent


def test_a_strangers_attempt_is_not_found(charlie_client, configured, attempt):
    assert charlie_client.post(reverse("follow_up_ask", args=[attempt.pk])).status_code == 404
    assert charlie_client.get(reverse("follow_up_status", args=[attempt.pk])).status_code == 404


def test_the_log_shows_what_each_call_cost_to_its_owner_only(
    alice_client, charlie_client, alice, configured, attempt
):
    ModelSettings.objects.filter(owner=alice).update(timeout_seconds=1)
    configured.reply = {"question": "How did the aides react to the hourly rounding?"}
    alice_client.post(reverse("follow_up_ask", args=[attempt.pk]))
    configured.mode, configured.delay = "slow", 2.0
    alice_client.post(reverse("follow_up_ask", args=[attempt.pk]))
    failed, accepted = ModelCall.objects.filter(owner=alice)  # newest first
    assert (accepted.status, failed.status) == ("accepted", "failed")
    assert accepted.bytes_sent > 0 and accepted.milliseconds is not None
    # a timeout is logged with what it sent and how long it waited
    assert failed.bytes_sent > 0 and failed.milliseconds >= 900
    log = alice_client.get(reverse("model_log")).content.decode()
    assert "did not answer within 1 seconds" in log and f"{failed.milliseconds} ms" in log
    assert "local-model" in log and "Accepted" in log and "Failed" in log
    assert "No calls yet." in charlie_client.get(reverse("model_log")).content.decode()


# ---- off by default: no connection at all -------------------------------------------------


def test_with_nothing_configured_no_connection_is_ever_opened(
    alice_client, alice, attempt, monkeypatch
):
    opened = []

    def refuse(*args, **kwargs):
        opened.append(args)
        raise AssertionError("a connection was opened")

    monkeypatch.setattr(httpx, "Client", refuse)
    monkeypatch.setattr(provider.socket, "getaddrinfo", refuse)
    for url in (
        attempt.get_absolute_url(),
        reverse("model_settings"),
        reverse("model_log"),
        reverse("practice_home", args=[attempt.round.pk]),
    ):
        page = alice_client.get(url)
        assert page.status_code == 200
        assert "Ask me a follow-up question</button>" not in page.content.decode()
    response = alice_client.post(reverse("follow_up_ask", args=[attempt.pk]))
    assert response.status_code == 302
    assert not ModelCall.objects.exists()
    assert opened == []
