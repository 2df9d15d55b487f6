"""Log-in throttling: 5 failures per account, 20 per address, in 15 minutes."""

from datetime import timedelta

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone

from secondround.accounts import throttle
from secondround.accounts.models import LoginFailure
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def _log_in(client, username, password, address="192.0.2.10"):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


def _age_failures(minutes):
    LoginFailure.objects.update(at=timezone.now() - timedelta(minutes=minutes))


def test_five_wrong_passwords_lock_the_account_and_say_until_when(client, alice):
    for _ in range(5):
        response = _log_in(client, "alice", "wrong")
        assert "Please enter a correct username and password" in response.content.decode()
    response = _log_in(client, "alice", PASSWORD)  # even the right password waits
    assert response.status_code == 429
    page = response.content.decode()
    first = LoginFailure.objects.order_by("at").first().at
    until = timezone.localtime(first + throttle.WINDOW)
    message = "Too many failed log-ins for this account. Try again in 15 minutes"
    assert f"{message}, at {until:%H:%M} (UTC)." in page
    assert "_auth_user_id" not in client.session


def test_the_lock_lifts_when_the_failures_leave_the_window(client, alice):
    for _ in range(5):
        _log_in(client, "alice", "wrong")
    _age_failures(minutes=10)
    assert "Try again in 5 minutes" in _log_in(client, "alice", PASSWORD).content.decode()
    _age_failures(minutes=16)
    assert _log_in(client, "alice", PASSWORD).status_code == 302


def test_refused_attempts_do_not_extend_the_lock(client, alice):
    for _ in range(5):
        _log_in(client, "alice", "wrong")
    for _ in range(10):
        assert _log_in(client, "alice", "wrong").status_code == 429
    assert LoginFailure.objects.count() == 5


def test_a_successful_log_in_clears_the_accounts_failures(client, alice):
    for _ in range(4):
        _log_in(client, "alice", "wrong")
    assert _log_in(client, "alice", PASSWORD).status_code == 302
    assert LoginFailure.objects.filter(account_key=throttle.account_key("alice")).count() == 0


def test_the_username_is_counted_whatever_its_case_and_not_stored(client, alice):
    for username in ("alice", "Alice", " ALICE ", "alice", "aLiCe"):
        _log_in(client, username, "wrong")
    assert _log_in(client, "alice", PASSWORD).status_code == 429
    stored = " ".join(f"{row.account_key} {row.address_key}" for row in LoginFailure.objects.all())
    assert "alice" not in stored.lower() and "192.0.2.10" not in stored


def test_twenty_failures_from_one_address_lock_that_address_only(client, alice, bob):
    for number in range(20):
        _log_in(client, f"nobody{number}", "wrong", address="198.51.100.7")
    response = _log_in(client, "bob", PASSWORD, address="198.51.100.7")
    assert response.status_code == 429
    assert "Too many failed log-ins from your network" in response.content.decode()
    assert _log_in(Client(), "bob", PASSWORD, address="203.0.113.5").status_code == 302


def test_someone_else_cannot_lock_you_out_of_a_browser_you_use(alice):
    own_browser = Client()
    assert _log_in(own_browser, "alice", PASSWORD, address="203.0.113.5").status_code == 302
    own_browser.post(reverse("logout"))
    attacker = Client()
    for _ in range(6):
        _log_in(attacker, "alice", "wrong", address="198.51.100.66")
    assert _log_in(Client(), "alice", PASSWORD, address="203.0.113.99").status_code == 429
    assert _log_in(own_browser, "alice", PASSWORD, address="203.0.113.5").status_code == 302


def test_a_forged_device_cookie_does_not_lift_the_lock(client, alice):
    for _ in range(5):
        _log_in(client, "alice", "wrong")
    client.cookies[throttle.DEVICE_COOKIE] = throttle.account_key("alice")  # unsigned
    assert _log_in(client, "alice", PASSWORD).status_code == 429


def test_old_failures_are_pruned(client, alice):
    for _ in range(3):
        _log_in(client, "alice", "wrong")
    _age_failures(minutes=20)
    _log_in(client, "bob", "wrong")
    assert LoginFailure.objects.count() == 1


@pytest.mark.parametrize(
    ("behind_proxy", "meta", "address"),
    [
        (False, {"REMOTE_ADDR": "192.0.2.1", "HTTP_X_FORWARDED_FOR": "10.9.9.9"}, "192.0.2.1"),
        (
            True,
            {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "10.9.9.9, 198.51.100.4"},
            "198.51.100.4",
        ),
        (False, {"REMOTE_ADDR": "2001:db8:1:2:3:4:5:6"}, "2001:db8:1:2::/64"),
        (False, {"REMOTE_ADDR": "::ffff:192.0.2.9"}, "192.0.2.9"),
    ],
)
def test_client_address(settings, behind_proxy, meta, address):
    settings.SECONDROUND_BEHIND_PROXY = behind_proxy
    request = RequestFactory().get("/", **meta)
    assert throttle.client_address(request) == address


def test_the_admin_log_in_is_throttled_too(client):
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_superuser("root", password=PASSWORD)
    url = reverse("admin:login")
    for _ in range(5):
        client.post(url, {"username": "root", "password": "wrong"}, REMOTE_ADDR="192.0.2.20")
    response = client.post(
        url, {"username": "root", "password": PASSWORD}, REMOTE_ADDR="192.0.2.20"
    )
    assert "Too many failed log-ins for this account" in response.content.decode()
    assert "_auth_user_id" not in client.session
