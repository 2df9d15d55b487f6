"""`secondround parse-invitation` and `split-notes` with a model named by the environment,
against a real chat-completions server in this process: the same JSON shape, the model's
reading merged where the text supports it, and the engine's result on any failure."""

from __future__ import annotations

import json

import httpx
import pytest

from secondround.assistant import direct, provider
from secondround.cli import main
from tests.chat_server import ChatServer

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


@pytest.fixture
def chat_server():
    server = ChatServer()
    yield server
    server.close()


@pytest.fixture
def files(tmp_path):
    email, notes = tmp_path / "invite.txt", tmp_path / "notes.txt"
    email.write_text(EMAIL)
    notes.write_text(NOTES)
    return email, notes


def _run(capsys, *argv: str) -> tuple[object, str]:
    assert main(list(argv)) == 0
    out = capsys.readouterr()
    return json.loads(out.out), out.err


@pytest.fixture
def without_model(files, capsys, monkeypatch):
    for name in ("BASE_URL", "MODEL", "API_KEY", "TIMEOUT", "REMOTE_OK"):
        monkeypatch.delenv(f"SECONDROUND_LLM_{name}", raising=False)
    email, notes = files
    roster, _ = _run(capsys, "parse-invitation", str(email), "--today", "2026-03-01")
    split, _ = _run(capsys, "split-notes", str(notes))
    return roster, split


@pytest.fixture
def model_env(monkeypatch, chat_server):
    monkeypatch.setenv("SECONDROUND_LLM_BASE_URL", chat_server.base_url)
    monkeypatch.setenv("SECONDROUND_LLM_MODEL", "local-model")
    return chat_server


def _person(name, title=None, start=None, end=None):
    return {"name": name, "title": title, "start": start, "end": end}


def test_without_the_environment_nothing_is_asked(without_model, chat_server):
    roster, split = without_model
    assert [row["name"] for row in roster] == ["Omar Haddad", "Priya Raman"]
    assert split["positives"] == ["they liked my reconciliation automation"]
    assert chat_server.requests == []


def test_the_models_reading_is_merged_in_the_same_shape(without_model, model_env, files, capsys):
    model_env.reply = {
        "people": [
            _person("Omar Haddad", "HR Business Partner", "09:30", "10:15"),
            _person("Priya Raman", "Head of Finance", "10:15", "11:00"),
            _person("Grace Kim", "HR Business Partner", "09:15", None),
        ]
    }
    roster, err = _run(capsys, "parse-invitation", str(files[0]), "--today", "2026-03-01")
    assert [set(row) for row in roster] == [set(row) for row in without_model[0]]
    assert roster[0]["title"] == "Controller" and "title" in roster[0]["unsure"]
    assert roster[1] == without_model[0][1]
    assert "check Omar Haddad: Your model reads the title as “HR Business Partner”." in err
    # a person only the model listed is said, not added (the review leaves them unticked)
    assert len(roster) == 2 and "your model also listed Grace Kim: not added" in err
    sent = model_env.requests[0]
    assert sent["response_format"]["type"] == "json_schema"
    assert "Omar Haddad" in sent["messages"][-1]["content"]  # a local server: sent as it is


@pytest.mark.parametrize(
    ("mode", "reply", "message"),
    [
        ("ok", {"people": [_person("Sarah Connor", "CFO")]}, "“Sarah Connor” is not in the e-mail"),
        ("ok", {"people": [_person("Omar Haddad", "Controller", "14:45")]}, "14:45"),
        ("malformed", {}, "not the JSON an OpenAI-compatible server sends"),
        ("html", {}, "answered 502 with text/html"),
        ("foreign", {}, "answer had no message in it"),
        ("not_json_text", "no json", "not the JSON it was asked for"),
    ],
)
def test_a_bad_reply_leaves_the_engines_roster(
    without_model, model_env, files, capsys, mode, reply, message
):
    model_env.mode, model_env.reply = mode, reply
    roster, err = _run(capsys, "parse-invitation", str(files[0]), "--today", "2026-03-01")
    assert roster == without_model[0]
    assert message in err


def test_an_unknown_model_or_an_unreachable_server_leaves_the_engines_reading(
    without_model, model_env, files, capsys, monkeypatch
):
    monkeypatch.setenv("SECONDROUND_LLM_MODEL", "no-such-model")
    split, err = _run(capsys, "split-notes", str(files[1]))
    assert split == without_model[1] and "model not found" in err
    monkeypatch.setenv("SECONDROUND_LLM_BASE_URL", "http://127.0.0.1:9/v1")
    roster, err = _run(capsys, "parse-invitation", str(files[0]), "--today", "2026-03-01")
    assert roster == without_model[0] and "Could not connect" in err


def test_notes_the_model_sorts_otherwise_wait_to_be_sorted(without_model, model_env, files, capsys):
    model_env.reply = {
        "questions": [{"text": "Asked about month-end close", "went": "comfortable"}],
        "positives": ["The panel seemed really into the dashboard I built"],
        "misses": [],
        "concerns": ["they liked my reconciliation automation"],
        "terms": ["SAP"],
    }
    split, err = _run(capsys, "split-notes", str(files[1]))
    assert set(split) == set(without_model[1])
    # a "+" line is a positive whatever the model says; what only the model found waits
    assert split["positives"] == without_model[1]["positives"]
    waiting = split["to_sort"][-1]
    assert waiting["text"] == "The panel seemed really into the dashboard I built"
    assert waiting["guess"] == "positives"
    assert "Only your model found “The panel seemed" in err


def test_a_note_with_an_invented_number_is_not_used(without_model, model_env, files, capsys):
    model_env.reply = {"positives": ["they liked my reconciliation automation saving 40 hours"]}
    split, err = _run(capsys, "split-notes", str(files[1]))
    assert split == without_model[1]
    assert "is not in your notes" in err


def test_a_calendar_file_keeps_its_attendees_and_times(model_env, capsys):
    from pathlib import Path

    calendar = Path(__file__).parent / "engine/fixtures/invitation_files/panel_with_description.ics"
    model_env.reply = {"people": [_person("Dr Amara Okafor", "Director of Nursing", "09:45")]}
    roster, err = _run(capsys, "parse-invitation", str(calendar), "--today", "2026-07-01")
    amara = next(row for row in roster if row["name"] == "Amara Okafor")
    assert amara["email"] == "amara.okafor@stmarys.nhs.uk"
    assert amara["start"].startswith("2026-07-14T10:00")
    assert "Your model reads the time as 09:45; the calendar's time is kept." in err
    sent = model_env.requests[0]["messages"][-1]["content"]
    assert "Your panel will be Dr Amara Okafor" in sent and "amara.okafor@" not in sent


def test_a_reply_that_never_comes_times_out_with_a_message(chat_server):
    chat_server.mode, chat_server.delay = "slow", 3.0
    server = provider.ModelServer(chat_server.base_url, "local-model", timeout=0.5)
    configured = direct.EnvironmentServer(server, remote=False, allowed=True)
    answer = direct.ask(configured, [{"role": "user", "content": "hi"}], schema=None)
    assert answer.value is None and "did not answer within 0 seconds" in answer.error


def test_a_remote_server_needs_the_tick_and_then_gets_placeholders(chat_server, monkeypatch):
    monkeypatch.setenv("SECONDROUND_LLM_BASE_URL", chat_server.base_url)
    monkeypatch.setenv("SECONDROUND_LLM_MODEL", "local-model")
    monkeypatch.setattr(provider, "is_on_this_machine_or_network", lambda url: False)
    refused = direct.environment_server()
    answer = direct.ask(refused, [{"role": "user", "content": "hi"}], schema=None)
    assert answer.value is None and "SECONDROUND_LLM_REMOTE_OK=1" in answer.error
    assert chat_server.requests == []
    monkeypatch.setenv("SECONDROUND_LLM_REMOTE_OK", "1")
    chat_server.reply = {"people": [_person("[PERSON_1]", "Controller")]}
    configured = direct.environment_server()
    answer = direct.ask(
        configured,
        [{"role": "user", "content": "Meet Omar Haddad (omar@harbor.example)."}],
        schema={"type": "object"},
        names=["Omar Haddad"],
    )
    sent = chat_server.requests[-1]["messages"][-1]["content"]
    assert sent == "Meet [PERSON_1] ([EMAIL_1])."
    assert answer.value == {"people": [_person("Omar Haddad", "Controller")]}


def test_with_nothing_in_the_environment_no_connection_is_opened(files, capsys, monkeypatch):
    for name in ("BASE_URL", "MODEL"):
        monkeypatch.delenv(f"SECONDROUND_LLM_{name}", raising=False)

    def refuse(*args, **kwargs):
        raise AssertionError("a connection was opened")

    monkeypatch.setattr(httpx, "Client", refuse)
    monkeypatch.setattr(provider.socket, "getaddrinfo", refuse)
    _run(capsys, "parse-invitation", str(files[0]), "--today", "2026-03-01")
    _run(capsys, "split-notes", str(files[1]))


def test_eval_llm_without_a_server_says_so_and_succeeds(monkeypatch, capsys):
    import importlib.util
    from pathlib import Path

    for name in ("BASE_URL", "MODEL"):
        monkeypatch.delenv(f"SECONDROUND_LLM_{name}", raising=False)
    path = Path(__file__).resolve().parent.parent / "eval" / "llm.py"
    spec = importlib.util.spec_from_file_location("eval_llm", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main([]) == 0
    assert "no language model is configured" in capsys.readouterr().out
