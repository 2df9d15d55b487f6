"""Typed words survive sending another section of the page, and leaving asks first."""

import pytest
from playwright.sync_api import expect

from secondround.brief.models import AskChoice
from tests.factories import PASSWORD, make_interviewer, make_opportunity, make_round, make_user

pytestmark = pytest.mark.django_db(transaction=True)


def test_sending_one_section_keeps_what_was_typed_in_another(page):
    user = make_user("dev")
    round_ = make_round(make_opportunity(user, company="Harbor Electric"), number=2)
    make_interviewer(round_, name="Lena Park", relation="hiring_manager")
    make_interviewer(round_, name="Omar Haddad", relation="peer")
    page.goto("/account/login/")
    page.get_by_label("Username").fill("dev")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()

    page.goto(f"/rounds/{round_.pk}/ask/")
    lena = page.locator("section", has_text="Lena Park")
    omar = page.locator("section", has_text="Omar Haddad")
    lena.get_by_label("Your own question").fill("How do you plan the apprentices' rotations?")
    omar.get_by_label("Your own question").fill("What does a good first month look like?")
    omar.get_by_role("button", name="Add", exact=True).click()

    expect(page.locator(".draft-restored")).to_have_count(1)
    lena = page.locator("section", has_text="Lena Park")
    expect(lena.get_by_label("Your own question")).to_have_value(
        "How do you plan the apprentices' rotations?"
    )
    assert list(AskChoice.objects.values_list("text", flat=True)) == [
        "What does a good first month look like?"
    ]
    # The restored words are unsaved: leaving asks.
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.dismiss()))
    assert page.evaluate("window.secondroundHasUnsaved()")
    lena.get_by_label("Your own question").click()  # Chromium asks only after a gesture
    page.get_by_role("link", name="Stories").click()
    page.wait_for_timeout(300)
    assert dialogs == ["beforeunload"]
    lena.get_by_role("button", name="Add", exact=True).click()
    expect(page.locator(".draft-restored")).to_have_count(0)
    assert AskChoice.objects.count() == 2
