"""A new user signs up, adds an opportunity and a round, pastes an invitation, sees the roster."""

import re
from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from secondround.opportunities.models import Interviewer

pytestmark = pytest.mark.django_db(transaction=True)

INVITATION = """Hi Sam,

Thank you for your time last week. We would like to invite you to a second interview
on {day:%A}, {day.day} {day:%B %Y} at Lakeview Children's Hospital, 400 Lake Shore Dr, Chicago.

Your schedule (Central Time):
- 9:00 - 9:45  Maria Gonzalez, Chief Nursing Officer
- 10:00 - 10:45  Tom Becker, Nurse Manager, Pediatric ICU (hiring manager)
- 11:00 - 11:30  Aisha Khan, HR Business Partner

Kind regards,
Recruiting Team
"""


def test_sign_up_to_roster(page, screenshot_dir):
    page.goto("/account/signup/")
    page.get_by_label("Username").fill("sam")
    page.get_by_label("First name").fill("Sam")
    page.get_by_label("Last name").fill("Ortiz")
    page.get_by_label("Password", exact=True).fill("a-long-unusual-pass")
    page.get_by_label("Password confirmation").fill("a-long-unusual-pass")
    page.get_by_role("button", name="Sign up").click()
    expect(page.get_by_text("No opportunities yet")).to_be_visible()

    page.get_by_role("link", name="Add your first opportunity").click()
    page.get_by_label("Company").fill("Lakeview Children's Hospital")
    page.get_by_label("Role title").fill("Nurse Manager")
    page.get_by_label("Job posting").fill(
        "Lead a team of 30 nurses. Work with physicians and families."
    )
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name="Nurse Manager")).to_be_visible()

    page.get_by_role("link", name="Add a round").click()
    page.get_by_label("Number").fill("2")
    page.get_by_label("Format").select_option("panel")
    page.get_by_label("Time zone").fill("Chicago")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name="Second interview")).to_be_visible()

    interview_day = date.today() + timedelta(days=10)
    page.get_by_label("Invitation e-mail").fill(INVITATION.format(day=interview_day))
    page.get_by_role("button", name="Read the e-mail").click()
    # HTMX swaps the review in place: the paste form stays on the same page.
    expect(page.get_by_text("Found 3 interviewers")).to_be_visible()
    assert re.search(r"/rounds/\d+/$", page.url)
    name_fields = page.locator("input[name$='-name']")
    expect(name_fields).to_have_count(3)
    name_fields.nth(0).fill("María González")  # the user corrects the spelling
    page.get_by_role("button", name="Save the roster").click()

    roster = page.locator("table.roster")
    expect(roster).to_contain_text("María González")
    expect(roster).to_contain_text("Tom Becker")
    expect(roster).to_contain_text("Hiring manager")
    expect(roster).to_contain_text("10:00–10:45")
    assert Interviewer.objects.count() == 3

    page.goto("/")
    expect(page.locator(".countdown").first).to_contain_text(re.compile(r"in (9|10) days"))

    shot = screenshot_dir / "roster.png"
    page.goto(Interviewer.objects.get(name="Tom Becker").round.get_absolute_url())
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000


def test_phone_width_and_keyboard(page, django_user_model):
    django_user_model.objects.create_user("kim", password="a-long-unusual-pass")
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto("/account/login/")
    expect(page.get_by_label("Username")).to_be_focused()  # autofocus
    page.keyboard.type("kim")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Password")).to_be_focused()
    page.keyboard.type("a-long-unusual-pass")
    page.keyboard.press("Enter")
    expect(page.get_by_text("No opportunities yet")).to_be_visible()
    page.keyboard.press("Tab")
    expect(page.locator(".skip-link")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Second Round")).to_be_focused()
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 375, "no sideways scrolling on a phone"
