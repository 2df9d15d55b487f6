"""Uploading the invitation as an .eml and as an .ics, reviewing the roster, saving it."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.factories import PASSWORD, make_opportunity, make_round, make_user

pytestmark = pytest.mark.django_db(transaction=True)

FILES = Path(__file__).resolve().parent.parent / "engine" / "fixtures" / "invitation_files"


def _log_in(page, username):
    page.goto("/account/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def test_upload_eml_then_ics_review_and_save(page, screenshot_dir):
    user = make_user("jo")
    round_ = make_round(make_opportunity(user), starts_at=None, time_zone="Europe/London")
    _log_in(page, "jo")

    page.goto(f"/rounds/{round_.pk}/")
    page.get_by_label("Or upload it").set_input_files(str(FILES / "supervisor_plain_and_html.eml"))
    page.get_by_role("button", name="Read the e-mail").click()
    review = page.locator("#invitation-review")
    expect(review.get_by_text("Found 2 interviewers")).to_be_visible()
    expect(review.locator('input[value="Zoë Lefèvre"]')).to_be_visible()
    expect(review.get_by_text("From the e-mail:").first).to_be_visible()
    # The day's facts show the line they were read from too.
    expect(review.get_by_text("Time zone from the e-mail:")).to_be_visible()
    expect(review.get_by_label("The rest of the day")).to_have_value("10:45–11:15 Site tour")
    page.screenshot(path=str(screenshot_dir / "invitation-eml-review.png"), full_page=True)

    # A calendar invitation replaces the review; fields it cannot know are highlighted.
    page.get_by_label("Or upload it").set_input_files(str(FILES / "ward7_panel.ics"))
    page.get_by_role("button", name="Read the e-mail").click()
    expect(review.locator('input[value="amara.okafor@stmarys.nhs.uk"]')).to_be_visible()
    assert review.locator("td.unsure").count() >= 2
    expect(review.locator('input[value="Jo Bloggs"]')).to_have_count(0)
    review.get_by_role("button", name="Save the roster").click()

    expect(page.get_by_text("Added 2 interviewers.")).to_be_visible()
    expect(page.get_by_role("cell", name="Dr Amara Okafor")).to_be_visible()
    people = list(round_.interviewers.order_by("position"))
    assert [(p.honorific, p.name) for p in people] == [("Dr", "Amara Okafor"), ("", "Seán O'Neill")]


def test_a_binary_upload_gets_a_message(page, tmp_path):
    user = make_user("kim")
    round_ = make_round(make_opportunity(user), starts_at=None)
    _log_in(page, "kim")
    junk = tmp_path / "holiday.txt"
    junk.write_bytes(b"\x00\x01\x02\x03" * 500)
    page.goto(f"/rounds/{round_.pk}/")
    page.get_by_label("Or upload it").set_input_files(str(junk))
    page.get_by_role("button", name="Read the e-mail").click()
    expect(page.get_by_text("This file is not text.")).to_be_visible()
    assert not round_.interviewers.exists()
