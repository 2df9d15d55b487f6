"""The question bank in a browser: filter by interviewer in place, mark a question prepared."""

import re

import pytest
from playwright.sync_api import expect

from secondround.questions.models import OwnQuestion, PreparedQuestion
from tests.factories import PASSWORD, make_interviewer, make_opportunity, make_round, make_user

pytestmark = pytest.mark.django_db(transaction=True)


def test_filter_and_mark_prepared(page):
    user = make_user("omar")
    opportunity = make_opportunity(
        user,
        posting_text="Requirements\n- Advanced SQL.\n- Work across departments with finance.\n",
    )
    second = make_round(opportunity, number=2)
    make_interviewer(second, name="Maria Okafor", relation="managers_manager")
    make_interviewer(second, name="Tom Becker", relation="technical_expert")
    page.goto("/account/login/")
    page.get_by_label("Username").fill("omar")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()

    page.goto(f"/rounds/{second.pk}/questions/")
    expect(page.locator(".bank-question").first).to_contain_text("?")
    everyone = page.locator(".bank-question").count()
    page.get_by_label("Interviewer").select_option(label="Tom Becker")
    expect(page).to_have_url(re.compile(r"interviewer=\d+"))  # HTMX pushed the filter
    expect(page.locator(".bank-question").first).to_contain_text("Tom Becker")
    assert page.locator(".bank-question").count() < everyone
    expect(page.locator(".bank-question", has_text="SQL").first).to_be_visible()

    first = page.locator(".bank-question").first
    first.get_by_role("button", name="Mark prepared").click()
    expect(first.get_by_role("button", name="✓ Prepared")).to_be_visible()
    assert PreparedQuestion.objects.filter(round=second).count() == 1
    page.reload()
    expect(page.get_by_text("1 prepared")).to_be_visible()


def test_add_own_question_then_refile_it(page):
    user = make_user("ines")
    opportunity = make_opportunity(user, posting_text="Requirements\n- Patient care.\n")
    second = make_round(opportunity, number=2)
    page.goto("/account/login/")
    page.get_by_label("Username").fill("ines")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()

    page.goto(f"/rounds/{second.pk}/questions/")
    page.get_by_label("Add your own question").fill("How would you calm a family in the ward?")
    page.get_by_role("button", name="Add to the bank").click()
    expect(page.get_by_text("Added, filed under")).to_be_visible()
    mine = page.locator(".bank-question", has_text="calm a family in the ward")
    mine.get_by_text("Filed under the wrong heading? Change it").click()
    mine.get_by_label("Competency").select_option("customer_focus")
    mine.get_by_label("Kind").select_option("situational")
    mine.get_by_role("button", name="Refile").click()
    expect(page.get_by_text("Filed under customer focus (situational).")).to_be_visible()
    own = OwnQuestion.objects.get(round=second)
    assert (own.competency, own.kind) == ("customer_focus", "situational")
