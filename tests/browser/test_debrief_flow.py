"""Paste notes into a debrief, fix one field, save, then build "What have you learned about us"."""

import pytest
from playwright.sync_api import expect

from secondround.debrief.models import AskedQuestion
from secondround.research.models import SavedAnswer
from tests.factories import PASSWORD, make_opportunity, make_round, make_user

pytestmark = pytest.mark.django_db(transaction=True)

NOTES = """Questions they asked:
- Tell me about a time you calmed an upset family member (went well)
- How would you handle a nurse who keeps missing handover? (struggled)

Went well:
- The charge nurse liked my falls-prevention project

Forgot to mention:
- my BLS instructor certificate

Concerns:
- They asked twice about night shifts

Terms: Epic, Magnet status
"""


def _log_in(page, username):
    page.goto("/account/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def test_debrief_from_notes_to_answer(page, screenshot_dir):
    user = make_user("nia")
    opportunity = make_opportunity(
        user,
        company="Lakeview Children's Hospital",
        role_title="Nurse Manager",
        posting_text="Responsibilities\n- Lead a team of 30 nurses on the pediatric ward.\n"
        "- Improve patient experience scores.\n",
    )
    first = make_round(opportunity, number=1)
    _log_in(page, "nia")

    page.goto(f"/rounds/{first.pk}/debrief/")
    page.get_by_label("Your notes from the interview").fill(NOTES)
    page.get_by_role("button", name="Sort my notes").click()
    expect(page.get_by_text("from your notes").first).to_be_visible()
    question_texts = page.locator("textarea[name$='-text'][name^='questions-']")
    expect(question_texts.first).to_have_value(
        "Tell me about a time you calmed an upset family member"
    )
    # The user corrects how the first question went.
    page.locator("select[name='questions-0-went']").select_option("unsure")
    page.get_by_role("button", name="Save the debrief").click()

    expect(page.get_by_role("heading", name="Questions you were asked")).to_be_visible()
    expect(page.locator(".debrief-list").first).to_contain_text("upset family member")
    assert AskedQuestion.objects.get(text__contains="upset family").went == "unsure"
    assert AskedQuestion.objects.get(text__contains="handover").went == "struggled"

    page.goto(f"/opportunities/{opportunity.pk}/research/edit/")
    page.get_by_label("Industry").fill("Pediatric hospital care")
    page.get_by_label("Products and services").fill("Pediatric ICU\nOutpatient clinics")
    page.get_by_label("Newest launches").fill("A new cardiac wing opened in March")
    page.get_by_role("button", name="Save the research").click()
    expect(page.get_by_text("Research saved.")).to_be_visible()

    page.get_by_role("link", name="“What have you learned about us so far?”").click()
    draft = page.locator("ol.provenance")
    expect(draft).to_contain_text("Pediatric ICU")
    expect(draft).to_contain_text("Company profile · products")
    expect(page.get_by_text("seconds spoken")).to_be_visible()
    page.screenshot(path=str(screenshot_dir / "answer.png"), full_page=True)

    answer = page.get_by_label("Your answer")
    answer.fill(answer.input_value() + " I would love to help the team earn Magnet status.")
    page.get_by_role("button", name="Save my answer").click()
    expect(page.get_by_text("Your answer is saved.")).to_be_visible()
    saved = SavedAnswer.objects.get(opportunity=opportunity, kind="learned")
    assert saved.text.endswith("earn Magnet status.")
    assert "Pediatric ICU" in saved.text
