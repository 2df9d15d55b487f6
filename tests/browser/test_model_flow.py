"""With the person's own model (a real chat-completions server in this process): an
invitation pasted or uploaded on the round page, the review shown again with the model's
reading, and a thank-you letter rewritten and kept, in a real browser."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from secondround.assistant.models import ModelSettings
from secondround.followup.models import Letter
from tests.chat_server import ChatServer
from tests.factories import PASSWORD, make_interviewer, make_opportunity, make_round, make_user

pytestmark = pytest.mark.django_db(transaction=True)

FILES = Path(__file__).resolve().parent.parent / "engine" / "fixtures" / "invitation_files"

EMAIL = """Dear Alex,

We would like to invite you to a second interview on Tuesday, March 10, 2026 (all times ET).

9:30-10:15  Omar Haddad, Controller
10:15-11:00 Priya Raman, Head of Finance

Grace Kim from HR will meet you at reception at 9:15.

Best regards,
Grace Kim
HR Business Partner
"""
LETTER = (
    "Dear Omar,\n\nThank you for meeting me on Tuesday and for our talk about month-end "
    "close.\n\nBest regards,\nAlex Morgan"
)
REWRITE = (
    "Dear Omar,\n\nThank you for Tuesday's conversation about month-end close.\n\n"
    "Best regards,\nAlex Morgan"
)


def _person(name, title=None, start=None, end=None):
    return {"name": name, "title": title, "start": start, "end": end}


@pytest.fixture
def chat_server():
    server = ChatServer()
    yield server
    server.close()


def _log_in(page, username):
    page.goto("/account/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def test_the_review_with_the_models_reading(page, chat_server, screenshot_dir):
    user = make_user("sam")
    ModelSettings.objects.create(owner=user, base_url=chat_server.base_url, model="local-model")
    round_ = make_round(make_opportunity(user), starts_at=None, time_zone="America/New_York")
    chat_server.reply = {
        "people": [
            _person("Omar Haddad", "HR Business Partner", "09:30", "10:15"),
            _person("Grace Kim", "HR Business Partner", "09:15", None),
        ]
    }
    _log_in(page, "sam")
    page.goto(f"/rounds/{round_.pk}/")
    page.get_by_label("Invitation e-mail").fill(EMAIL)
    page.get_by_role("button", name="Read the e-mail").click()
    review = page.locator("#invitation-review")
    expect(review.locator('input[value="Omar Haddad"]')).to_be_visible()
    review.get_by_role("button", name="Show the review with my model's reading").click()

    expect(page.get_by_text("Shown with your model's reading merged in")).to_be_visible()
    expect(page.get_by_text("Your model reads the title as “HR Business Partner”.")).to_be_visible()
    expect(page.locator('input[value="Grace Kim"]')).to_be_visible()
    expect(page.locator('input[name="form-2-keep"]')).not_to_be_checked()
    page.screenshot(path=str(screenshot_dir / "model-invitation-review.png"), full_page=True)
    page.get_by_role("button", name="Save the roster").click()
    expect(page.get_by_text("Added 2 interviewers")).to_be_visible()
    names = sorted(round_.interviewers.values_list("name", flat=True))
    assert names == ["Omar Haddad", "Priya Raman"]
    assert round_.interviewers.get(name="Omar Haddad").title == "Controller"


def test_a_letter_rewritten_and_kept(page, chat_server, screenshot_dir):
    user = make_user("ada")
    user.first_name, user.last_name = "Alex", "Morgan"
    user.save()
    ModelSettings.objects.create(owner=user, base_url=chat_server.base_url, model="local-model")
    round_ = make_round(make_opportunity(user))
    person = make_interviewer(round_, name="Omar Haddad")
    letter = Letter.objects.create(interviewer=person, subject="Thank you", body=LETTER)
    chat_server.reply = {"text": REWRITE}
    _log_in(page, "ada")
    page.goto(f"/rounds/{round_.pk}/letters/")
    page.get_by_role("button", name="Rewrite with my model").click()
    box = page.locator(f"#rewrite-letter-{letter.pk}")
    expect(box.get_by_label("The rewrite")).to_have_value(REWRITE)
    page.screenshot(path=str(screenshot_dir / "model-letter-rewrite.png"), full_page=True)
    box.get_by_role("button", name="Use this version").click()
    expect(page.get_by_text("Saved your letter to Omar Haddad.")).to_be_visible()
    letter.refresh_from_db()
    assert letter.body.replace("\r\n", "\n") == REWRITE


def test_an_uploaded_calendar_read_with_the_model(page, chat_server):
    user = make_user("lee")
    ModelSettings.objects.create(owner=user, base_url=chat_server.base_url, model="local-model")
    round_ = make_round(make_opportunity(user), starts_at=None, time_zone="Europe/London")
    chat_server.reply = {
        "people": [
            _person("Dr Amara Okafor", "Director of Nursing", "09:45", None),
            _person("Priya Shah", "Recruitment Coordinator"),
        ]
    }
    _log_in(page, "lee")
    page.goto(f"/rounds/{round_.pk}/")
    page.get_by_label("Or upload it").set_input_files(str(FILES / "panel_with_description.ics"))
    page.get_by_role("button", name="Read the e-mail").click()
    review = page.locator("#invitation-review")
    expect(review.locator('input[value="amara.okafor@stmarys.nhs.uk"]')).to_be_visible()
    review.get_by_role("button", name="Show the review with my model's reading").click()

    expect(page.get_by_text("Shown with your model's reading merged in")).to_be_visible()
    expect(page.get_by_text("the calendar's time is kept")).to_be_visible()
    expect(page.locator('input[value="amara.okafor@stmarys.nhs.uk"]')).to_be_visible()
    priya = page.locator('input[value="Priya Shah"]')
    expect(priya).to_be_visible()
    page.get_by_role("button", name="Save the roster").click()
    expect(page.get_by_text("Added 2 interviewers")).to_be_visible()
    people = sorted(round_.interviewers.values_list("name", "email"))
    assert people == [
        ("Amara Okafor", "amara.okafor@stmarys.nhs.uk"),
        ("Seán O'Neill", "sean.oneill@stmarys.nhs.uk"),
    ]
