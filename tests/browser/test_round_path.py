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


# Downloads and files, not pages.
NOT_PAGES = ("/pdf/", "/ics/", "/eml/", "/audio/", "/download/", ".pdf", ".ics", ".zip", ".json")


def test_every_page_reachable_from_the_demo_round_fits_a_phone(browser, live_server):
    """390 px wide (a phone): no page scrolls sideways; tables become stacked rows."""
    user, _ = load_demo(now=timezone.now())
    second = Round.objects.filter(opportunity__owner=user).order_by("-number").first()
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 390, "height": 844}, is_mobile=True
    )
    page = context.new_page()
    try:
        _log_in(page, DEMO_USERNAME, DEMO_PASSWORD)
        start = second.get_absolute_url()
        pages, frontier, overflowing = {start}, [start], []
        for _depth in range(2):  # the round page, the pages it links to, and theirs
            found = []
            for url in frontier:
                response = page.goto(url)
                if response is None or "text/html" not in response.headers.get("content-type", ""):
                    continue
                widths = page.evaluate("() => [document.documentElement.scrollWidth, innerWidth]")
                if widths[0] > widths[1]:
                    wide = page.evaluate(
                        """() => [...document.querySelectorAll('body *')]
                            .filter(el => el.getBoundingClientRect().right > innerWidth + 1)
                            .slice(0, 3).map(el => el.tagName + '.' + el.className)"""
                    )
                    overflowing.append(f"{url}: {widths[0]} > {widths[1]} ({', '.join(wide)})")
                for href in page.eval_on_selector_all(
                    "main a[href^='/']", "links => links.map(link => link.getAttribute('href'))"
                ):
                    href = href.split("#")[0]
                    if href not in pages and not href.endswith(NOT_PAGES):
                        pages.add(href)
                        found.append(href)
            frontier = found
        for url in frontier:  # the last level is checked, not followed
            response = page.goto(url)
            if response is None or "text/html" not in response.headers.get("content-type", ""):
                continue
            widths = page.evaluate("() => [document.documentElement.scrollWidth, innerWidth]")
            if widths[0] > widths[1]:
                overflowing.append(f"{url}: {widths[0]} > {widths[1]}")
        assert len(pages) >= 40
        assert overflowing == [], "\n".join(overflowing)
    finally:
        context.close()


def test_the_brief_has_a_compact_phone_view(browser, live_server):
    user, _ = load_demo(now=timezone.now())
    second = Round.objects.filter(opportunity__owner=user).order_by("-number").first()
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 390, "height": 844}, is_mobile=True
    )
    page = context.new_page()
    try:
        _log_in(page, DEMO_USERNAME, DEMO_PASSWORD)
        page.goto(f"/rounds/{second.pk}/brief/")
        full = page.evaluate("() => document.documentElement.scrollHeight")
        page.get_by_role("link", name="Phone view").click()
        expect(page.locator(".brief-phone")).to_be_visible()
        compact = page.evaluate("() => document.documentElement.scrollHeight")
        assert compact * 3 < full, (compact, full)
        people = page.locator("details.phone-person")
        expect(people).to_have_count(second.interviewers.count())
        people.first.locator("summary").click()
        expect(people.first.get_by_text("Ask them")).to_be_visible()
        assert page.evaluate("() => document.documentElement.scrollWidth <= innerWidth")
    finally:
        context.close()
