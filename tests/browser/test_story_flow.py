"""Writing a story: the completeness check updates as the user types."""

import pytest
from playwright.sync_api import expect

from secondround.stories.models import Story
from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db(transaction=True)


def test_live_check_while_typing(page):
    make_user("lee")
    page.goto("/account/login/")
    page.get_by_label("Username").fill("lee")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()

    page.goto("/stories/new/")
    page.get_by_label("Title").fill("Rebuilt the night rota")
    page.get_by_label("Action").fill("We rebuilt the rota together.")
    check = page.locator("#story-check")
    expect(check).to_contain_text("only “we”")
    expect(check).to_contain_text("No result yet.")

    page.get_by_label("Action").fill(
        "I rebuilt the rota with the charge nurses and I swapped 3 shifts."
    )
    page.get_by_label("Result", exact=True).fill("No uncovered night shifts for 6 months.")
    expect(check).to_contain_text("Ready to tell")
    page.get_by_role("button", name="Save the story").click()
    expect(page.get_by_text("Saved “Rebuilt the night rota”.")).to_be_visible()
    story = Story.objects.get(title="Rebuilt the night rota")
    assert story.competencies  # suggested
