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
            "first_name": "Dora",
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


def test_sign_up_keeps_the_name_in_djangos_own_fields(client):
    account = {"username": "mjs", "password1": "a-long-unusual-pass"}
    account["password2"] = account["password1"]
    response = client.post(
        reverse("signup"), account | {"first_name": " María José ", "last_name": "Santos"}
    )
    assert response.status_code == 302
    user = get_user_model().objects.get(username="mjs")
    assert (user.first_name, user.last_name) == ("María José", "Santos")
    assert "María José Santos" in client.get(reverse("dashboard")).content.decode()


@pytest.mark.parametrize(
    ("first", "last", "message"),
    [
        ("", "", "Give the name you sign letters with."),
        ("   ", "\t", "Give the name you sign letters with."),
        ("A" * 151, "", "Ensure this value has at most 150 characters"),
        ("Ana\x00", "", "Null characters are not allowed."),
    ],
)
def test_sign_up_without_a_usable_name_explains(client, first, last, message):
    account = {"username": "nameless", "password1": "a-long-unusual-pass"}
    account["password2"] = account["password1"]
    response = client.post(reverse("signup"), account | {"first_name": first, "last_name": last})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not get_user_model().objects.filter(username="nameless").exists()


def test_one_name_is_enough(client):
    account = {"username": "suharto", "first_name": "", "last_name": "Suharto"}
    account["password1"] = account["password2"] = "a-long-unusual-pass"
    assert client.post(reverse("signup"), account).status_code == 302


def test_the_name_page_changes_the_name_and_keeps_the_login(alice_client, alice):
    page = alice_client.get(reverse("name_edit"))
    assert page.status_code == 200
    assert "alice" in page.content.decode()  # the login is shown as what it is
    response = alice_client.post(
        reverse("name_edit"), {"first_name": "Alice", "last_name": "Nakamura-Ellis"}
    )
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.get_full_name() == "Alice Nakamura-Ellis"
    assert alice.username == "alice"


def test_a_blank_name_is_refused_and_the_saved_one_kept(alice_client, alice):
    alice.first_name, alice.last_name = "Alice", "Kim"
    alice.save()
    response = alice_client.post(reverse("name_edit"), {"first_name": " ", "last_name": ""})
    assert response.status_code == 200
    assert "Give the name you sign letters with." in response.content.decode()
    alice.refresh_from_db()
    assert alice.get_full_name() == "Alice Kim"


def test_the_name_page_needs_a_log_in_and_a_get_or_post(client, alice_client):
    assert client.get(reverse("name_edit")).status_code == 302
    assert alice_client.put(reverse("name_edit")).status_code == 405
