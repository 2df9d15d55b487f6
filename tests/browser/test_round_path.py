"""In a real browser: a round's preparation path and its next step on the demo, and the
time zone of a first round taken from the browser and picked by typing a city."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from secondround.demo import DEMO_PASSWORD, DEMO_USERNAME, load_demo
from secondround.opportunities.models import Opportunity, Round

pytestmark = pytest.mark.django_db(transaction=True)


def _log_in(page, username, password):
    page.goto("/account/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def test_the_demo_round_shows_its_path_and_the_next_step_leads_there(page):
    user, _ = load_demo(now=timezone.now())
    second = Round.objects.filter(opportunity__owner=user).order_by("-number").first()
    _log_in(page, DEMO_USERNAME, DEMO_PASSWORD)
    page.goto(second.get_absolute_url())
    steps = page.locator(".path-steps > li")
    expect(steps).to_have_count(9)
    expect(steps.first).to_contain_text("Who you'll meet")
    expect(page.locator(".readiness")).to_contain_text("% ready")
    button = page.locator(".next-step a.button")
    title = button.inner_text().removeprefix("Next: ")
    target = button.get_attribute("href")
    button.click()
    page.wait_for_load_state()
    assert page.url.split("#")[0].endswith(target.split("#")[0])
    page.go_back()
    expect(page.locator(".path-step.is-next")).to_contain_text(title)


def test_a_first_rounds_zone_comes_from_the_browser_and_a_city_can_be_typed(browser, live_server):
    from django.contrib.auth import get_user_model

    from tests.factories import PASSWORD, make_opportunity

    user = get_user_model().objects.create_user("kiri", password=PASSWORD, first_name="Kiri")
    opportunity = make_opportunity(user, company="Harbour Health")
    context = browser.new_context(base_url=live_server.url, timezone_id="Asia/Kolkata")
    page = context.new_page()
    try:
        _log_in(page, "kiri", PASSWORD)
        page.goto(f"/opportunities/{opportunity.pk}/rounds/new/")
        zone = page.get_by_label("Time zone")
        # Chromium's ICU may give the older name of the same zone.
        expect(zone).to_have_value(re.compile(r"^Asia/(Kolkata|Calcutta)$"))
        zone.fill("lisbon")
        page.get_by_label("Date").fill("2027-03-04")
        page.get_by_label("Starts").fill("10:00")
        page.get_by_role("button", name="Save").click()
        expect(page.locator("h1")).to_have_text("First interview")
        round_ = Opportunity.objects.get(pk=opportunity.pk).rounds.get()
        assert round_.time_zone == "Europe/Lisbon"
        assert round_.local(round_.starts_at).hour == 10
    finally:
        context.close()
