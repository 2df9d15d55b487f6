"""Named users in every test: alice owns, bob is another candidate, charlie has no access."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.factories import PASSWORD, make_interviewer, make_opportunity, make_round, make_user


@pytest.fixture(autouse=True)
def _fast_passwords(settings, request):
    # Argon2 is what users get (tested in test_accounts); tests elsewhere need speed.
    if "argon2" not in request.keywords:
        settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def alice(db):
    return make_user("alice")


@pytest.fixture
def bob(db):
    return make_user("bob")


@pytest.fixture
def charlie(db):
    return make_user("charlie")


def _client_for(user) -> Client:
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


@pytest.fixture
def alice_client(alice) -> Client:
    return _client_for(alice)


@pytest.fixture
def charlie_client(charlie) -> Client:
    return _client_for(charlie)


@pytest.fixture
def alice_round(alice):
    opportunity = make_opportunity(alice, company="Northwind Freight")
    round_ = make_round(opportunity, number=2)
    make_interviewer(round_, name="Dana Whitfield", relation="hiring_manager")
    return round_
