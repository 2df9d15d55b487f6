import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.mark.argon2
def test_sign_up_logs_in_and_stores_an_argon2_hash(client):
    response = client.post(
        reverse("signup"),
        {
            "username": "dora",
            "password1": "a-long-unusual-pass",
            "password2": "a-long-unusual-pass",
        },
    )
    assert response.status_code == 302
    assert get_user_model().objects.get(username="dora").password.startswith("argon2")
    assert client.get(reverse("dashboard")).status_code == 200


def test_sign_up_with_mismatched_passwords_explains(client):
    response = client.post(
        reverse("signup"),
        {"username": "dora", "password1": "a-long-unusual-pass", "password2": "x"},
    )
    assert "didn’t match" in response.content.decode()
    assert not get_user_model().objects.filter(username="dora").exists()


def test_log_in_and_out(client, alice):
    response = client.post(reverse("login"), {"username": "alice", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("dashboard")).status_code == 200
    assert client.get(reverse("logout")).status_code == 405  # logging out is a POST
    client.post(reverse("logout"))
    assert client.get(reverse("dashboard")).status_code == 302


def test_wrong_password_is_explained(client, alice):
    response = client.post(reverse("login"), {"username": "alice", "password": "wrong"})
    assert "Please enter a correct username and password" in response.content.decode()


def test_change_password(alice_client, alice):
    response = alice_client.post(
        reverse("password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "another-long-pass-9",
            "new_password2": "another-long-pass-9",
        },
    )
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password("another-long-pass-9")


def test_csrf_is_enforced(alice):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.login(username="alice", password=PASSWORD)
    response = strict.post(reverse("opportunity_create"), {"company": "X", "role_title": "Y"})
    assert response.status_code == 403
