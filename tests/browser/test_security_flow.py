"""In a real browser: the pages run under the strict CSP without a single violation, and a
paste too long or too large to send gets a message while the text stays in the field."""

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from secondround.demo import DEMO_PASSWORD, DEMO_USERNAME, load_demo
from secondround.opportunities.models import Round
from secondround.stories.models import Story

pytestmark = pytest.mark.django_db(transaction=True)


def _log_in(page, username, password):
    page.goto("/account/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def _watch(page) -> list[str]:
    problems: list[str] = []
    page.on(
        "console",
        lambda message: (
            problems.append(f"{page.url}: {message.text}")
            if message.type == "error" or "Content Security Policy" in message.text
            else None
        ),
    )
    page.on("pageerror", lambda error: problems.append(f"{page.url}: {error}"))
    return problems


def test_main_pages_report_no_csp_violation(page):
    user, _ = load_demo(now=timezone.now())
    first, second = Round.objects.filter(opportunity__owner=user).order_by("number")[:2]
    opportunity = second.opportunity
    story = Story.objects.filter(owner=user).first()
    problems = _watch(page)
    page.goto("/account/login/")
    page.goto("/account/signup/")
    _log_in(page, DEMO_USERNAME, DEMO_PASSWORD)
    urls = [
        reverse("dashboard"),
        opportunity.get_absolute_url(),
        second.get_absolute_url(),
        reverse("brief", args=[second.pk]),
        reverse("bank", args=[second.pk]),
        reverse("ask", args=[second.pk]),
        reverse("plan", args=[opportunity.pk]),
        reverse("salary", args=[opportunity.pk]),
        reverse("practice_home", args=[second.pk]),
        reverse("debrief_detail", args=[first.pk]),
        reverse("debrief_edit", args=[first.pk]),
        reverse("letters", args=[first.pk]),
        reverse("follow_up", args=[first.pk]),
        reverse("research_home", args=[opportunity.pk]),
        reverse("story_list"),
        reverse("story_edit", args=[story.pk]),
        reverse("coverage", args=[second.pk]),
        reverse("compare"),
        reverse("data_home"),
        reverse("password_change"),
    ]
    for url in urls:
        response = page.goto(url)
        assert response and response.status == 200, url
        assert "Content-Security-Policy" in {k.title(): v for k, v in response.headers.items()}
    # HTMX still works under the policy: the story check updates as one types.
    page.goto(reverse("story_edit", args=[story.pk]))
    page.get_by_label("Result", exact=True).fill("Cut late deliveries from 9% to 4% in six months.")
    expect(page.locator("#story-check")).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert problems == []


def test_the_print_button_prints_without_an_inline_handler(page):
    user, _ = load_demo(now=timezone.now())
    second = Round.objects.filter(opportunity__owner=user).order_by("-number").first()
    problems = _watch(page)
    _log_in(page, DEMO_USERNAME, DEMO_PASSWORD)
    page.goto(reverse("brief", args=[second.pk]))
    page.evaluate("window.print = () => { window.printed = true; }")
    page.get_by_role("button", name="Print").click()
    assert page.evaluate("window.printed") is True
    assert problems == []


def _round_page(page):
    user, _ = load_demo(now=timezone.now())
    second = Round.objects.filter(opportunity__owner=user).order_by("-number").first()
    _log_in(page, DEMO_USERNAME, DEMO_PASSWORD)
    page.goto(second.get_absolute_url())
    return page.get_by_label("Invitation e-mail")


def test_a_paste_over_the_limit_is_refused_before_sending(page, settings):
    settings.SECONDROUND_MAX_PASTE_CHARS = 5_000
    field = _round_page(page)
    sent = []
    page.on(
        "request", lambda request: sent.append(request.url) if "invitation" in request.url else None
    )
    field.evaluate("(el) => { el.value = 'Dana Whitfield, Head of Finance\\n'.repeat(400); }")
    page.get_by_role("button", name="Read the e-mail").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "This text is 12,800 characters; the limit is 5,000. Keep the part you need."
    )
    assert sent == []
    assert len(field.input_value()) == 12_800  # the text stays, to be cut down


def test_a_paste_too_large_to_send_says_so_and_stays(page, settings):
    """The request is refused before the form is read (413): today's "no message at all"."""
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 50 * 1024
    field = _round_page(page)
    field.evaluate("(el) => { el.value = 'é'.repeat(60000); }")  # 360 kB once encoded
    page.get_by_role("button", name="Read the e-mail").click()
    expect(page.locator("#invitation-review")).to_contain_text("Too much to send at once")
    expect(page.locator("#invitation-review")).to_contain_text("nothing was saved")
    assert len(field.input_value()) == 60_000
