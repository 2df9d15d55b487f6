"""Who may create an account: SECONDROUND_SIGNUP = open | closed | code | invitation."""

import hashlib
import io
import os
import subprocess
import sys
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone

from secondround.accounts.models import LoginFailure, SignupInvitation

pytestmark = pytest.mark.django_db

NEW_ACCOUNT = {
    "username": "dora",
    "first_name": "Dora",
    "last_name": "Okafor",
    "password1": "a-long-unusual-pass",
    "password2": "a-long-unusual-pass",
}


def _exists(username="dora"):
    return get_user_model().objects.filter(username=username).exists()


def _invite(days=7) -> str:
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "invite_user",
        "--days",
        str(days),
        "--base-url",
        "https://prep.example.edu/",
        stdout=out,
        stderr=err,
    )
    link = out.getvalue().strip()
    assert link.startswith("https://prep.example.edu/account/signup/")
    return link.removeprefix("https://prep.example.edu")


def test_open_by_default(client, settings):
    assert settings.SECONDROUND_SIGNUP == "open"
    assert client.post(reverse("signup"), NEW_ACCOUNT).status_code == 302
    assert _exists()


def test_closed_refuses_with_a_message_and_hides_the_link(client, settings):
    settings.SECONDROUND_SIGNUP = "closed"
    page = client.get(reverse("signup"))
    assert page.status_code == 403
    assert "Sign-up is closed on this server" in page.content.decode()
    assert client.post(reverse("signup"), NEW_ACCOUNT).status_code == 403
    assert not _exists()
    login_page = client.get(reverse("login")).content.decode()
    assert f'href="{reverse("signup")}"' not in login_page
    assert "created by whoever runs it" in login_page


def test_code_asks_for_the_organisations_code(client, settings):
    settings.SECONDROUND_SIGNUP = "code"
    settings.SECONDROUND_SIGNUP_CODE = "NORTH-2026"
    page = client.get(reverse("signup")).content.decode()
    assert "Organisation code" in page
    wrong = client.post(reverse("signup"), NEW_ACCOUNT | {"code": "guess"})
    assert "This is not the organisation&#x27;s code" in wrong.content.decode()
    assert not _exists()
    assert client.post(reverse("signup"), NEW_ACCOUNT | {"code": " NORTH-2026 "}).status_code == 302
    assert _exists()


def test_guessing_the_code_is_throttled(client, settings):
    settings.SECONDROUND_SIGNUP = "code"
    settings.SECONDROUND_SIGNUP_CODE = "NORTH-2026"
    for number in range(20):
        client.post(reverse("signup"), NEW_ACCOUNT | {"code": f"guess{number}"})
    assert LoginFailure.objects.count() == 20
    response = client.post(reverse("signup"), NEW_ACCOUNT | {"code": "NORTH-2026"})
    assert response.status_code == 429
    assert (
        "Too many attempts from your network. Try again in 15 minutes" in response.content.decode()
    )
    assert not _exists()


def test_invitation_mode_refuses_without_a_link(client, settings):
    settings.SECONDROUND_SIGNUP = "invitation"
    page = client.get(reverse("signup"))
    assert page.status_code == 403
    assert "Sign-up here is by invitation" in page.content.decode()
    assert client.post(reverse("signup"), NEW_ACCOUNT).status_code == 403
    assert not _exists()


def test_an_invitation_link_works_once(client, settings):
    settings.SECONDROUND_SIGNUP = "invitation"
    link = _invite()
    page = client.get(link)
    assert page.status_code == 200 and "You were invited" in page.content.decode()
    assert client.post(link, NEW_ACCOUNT).status_code == 302
    invitation = SignupInvitation.objects.get()
    assert invitation.used_by.username == "dora" and invitation.used_at
    client.post(reverse("logout"))
    again = client.post(link, NEW_ACCOUNT | {"username": "eve"})
    assert again.status_code == 403
    assert "This invitation has already been used" in again.content.decode()
    assert not _exists("eve")


def test_an_expired_invitation_says_when_it_expired(client, settings):
    settings.SECONDROUND_SIGNUP = "invitation"
    link = _invite(days=3)
    SignupInvitation.objects.update(expires_at=timezone.now() - timedelta(hours=1))
    page = client.get(link)
    assert page.status_code == 403
    assert "This invitation expired on" in page.content.decode()
    assert client.post(link, NEW_ACCOUNT).status_code == 403 and not _exists()


def test_a_made_up_invitation_is_refused(client, settings):
    settings.SECONDROUND_SIGNUP = "invitation"
    page = client.get(reverse("signup_invitation", args=["made-up-token"]))
    assert page.status_code == 403
    assert "This invitation link is not valid" in page.content.decode()


def test_the_token_is_random_and_stored_hashed():
    tokens = {_invite().rstrip("/").rsplit("/", 1)[1] for _ in range(3)}
    assert len(tokens) == 3 and all(len(token) >= 40 for token in tokens)
    stored = set(SignupInvitation.objects.values_list("token_hash", flat=True))
    assert stored == {hashlib.sha256(token.encode()).hexdigest() for token in tokens}


def test_invite_user_checks_its_days():
    with pytest.raises(CommandError, match="between 1 and 365"):
        call_command("invite_user", "--days", "0")
    assert not SignupInvitation.objects.exists()


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"SECONDROUND_SIGNUP": "maybe"}, "use open, closed, code or invitation"),
        ({"SECONDROUND_SIGNUP": "code"}, "needs SECONDROUND_SIGNUP_CODE"),
    ],
)
def test_a_wrong_setting_stops_the_server_with_a_message(tmp_path, env, message):
    code = "import django; django.setup()"
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={
            "PATH": os.environ.get("PATH", ""),
            "SECONDROUND_HOME": str(tmp_path),
            "DJANGO_SETTINGS_MODULE": "secondround.settings",
        }
        | env,
    )
    assert result.returncode != 0
    assert message in result.stderr
