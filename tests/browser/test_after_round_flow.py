"""The brief as PDF (a real page rendered to an image), and letters after the round."""

import re
import subprocess
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from secondround.followup.models import InterviewerNote, Letter
from tests.factories import PASSWORD, make_interviewer, make_opportunity, make_round, make_user

pytestmark = pytest.mark.django_db(transaction=True)


def _log_in(page, username):
    page.goto("/account/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def _ink_share(png_path) -> float:
    """Share of non-white pixels of a PGM rendering: 0 for a blank page."""
    pgm = png_path.read_bytes()
    # P5 header: magic, width height, maxval, then one byte per pixel.
    magic, _size, _maxval, pixels = pgm.split(b"\n", 3)
    header = [magic]
    assert header[0] == b"P5"
    return sum(1 for value in pixels if value < 200) / len(pixels)


def test_brief_pdf_page_is_not_blank(page, tmp_path, screenshot_dir):
    user = make_user("ana")
    opportunity = make_opportunity(
        user, company="Northwind Freight", role_title="Logistics Analyst"
    )
    start = timezone.now() + timedelta(days=3)
    round_ = make_round(opportunity, number=2, starts_at=start)
    make_interviewer(round_, name="Dana Whitfield", relation="hiring_manager")
    _log_in(page, "ana")
    page.goto(f"/rounds/{round_.pk}/brief/")
    expect(page.get_by_role("heading", name="Dana Whitfield")).to_be_visible()
    page.set_viewport_size({"width": 375, "height": 740})
    page.screenshot(path=str(screenshot_dir / "brief-phone.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the PDF").click()
    pdf = tmp_path / "brief.pdf"
    download.value.save_as(pdf)
    subprocess.run(
        ["pdftoppm", "-gray", "-r", "40", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p")],
        check=True,
    )
    [image] = list(tmp_path.glob("p*.pgm"))
    assert 0.005 < _ink_share(image) < 0.5


def test_letters_for_two_interviewers_then_countdown(page):
    user = make_user("ben")
    opportunity = make_opportunity(user, company="Lakeview Hospital", role_title="Nurse Manager")
    start = timezone.now() - timedelta(hours=4)
    round_ = make_round(opportunity, number=2, starts_at=start, ends_at=start + timedelta(hours=2))
    make_interviewer(round_, name="Maria Gonzalez", relation="senior_leader")
    make_interviewer(round_, name="Tom Becker", relation="hiring_manager")
    _log_in(page, "ben")

    page.goto(f"/rounds/{round_.pk}/after/")
    page.locator("fieldset", has_text="Maria Gonzalez").get_by_label("What we discussed").fill(
        "the new cardiac wing"
    )
    page.locator("fieldset", has_text="Tom Becker").get_by_label("What we discussed").fill(
        "night-shift staffing"
    )
    page.get_by_role("button", name="Save the notes").click()
    expect(page.get_by_role("heading", name="A thank-you letter for each person")).to_be_visible()
    page.get_by_role("button", name="Draft the letters").click()
    maria = page.locator("#letter-" + str(round_.interviewers.get(name="Maria Gonzalez").pk))
    expect(maria.locator("textarea").first).to_have_value(re.compile("cardiac wing"))
    maria.get_by_role("button", name="Mark as sent").click()
    expect(page.locator(".letter.is-sent")).to_have_count(1)

    page.goto("/")
    due = page.locator(".due-list")
    expect(due).to_contain_text("Thank-you letter to Tom Becker")
    expect(due).not_to_contain_text("Maria Gonzalez")
    expect(due.locator(".time-left")).to_contain_text(re.compile(r"\d+ h( \d+ min)? left"))
    assert Letter.objects.filter(sent_at__isnull=False).count() == 1


def test_sorting_two_peoples_notes_then_saving_keeps_both(page):
    user = make_user("cleo")
    opportunity = make_opportunity(user, company="Harbor Schools", role_title="Science Teacher")
    start = timezone.now() - timedelta(hours=3)
    round_ = make_round(opportunity, number=2, starts_at=start, ends_at=start + timedelta(hours=2))
    make_interviewer(round_, name="Ruth Okafor", relation="hiring_manager")
    make_interviewer(round_, name="Sam Ito", relation="peer")
    _log_in(page, "cleo")

    page.goto(f"/rounds/{round_.pk}/after/")
    ruth = page.locator("section", has_text="Ruth Okafor")
    ruth.get_by_label("Paste or type your notes on this person").fill(
        "We talked about the new robotics club."
    )
    ruth.get_by_role("button", name="Sort these notes").click()
    expect(page.locator(".message", has_text="Ruth Okafor")).to_be_visible()
    sam = page.locator("section", has_text="Sam Ito")
    sam.get_by_label("Paste or type your notes on this person").fill(
        "We discussed lab safety training."
    )
    sam.get_by_role("button", name="Sort these notes").click()
    ruth = page.locator("section", has_text="Ruth Okafor")
    expect(ruth.get_by_label("What we discussed")).to_have_value(re.compile("robotics club"))

    # Leaving with the sorted, unsaved notes asks first; staying keeps them.
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.dismiss()))
    page.get_by_role("link", name="Stories").click()
    page.wait_for_timeout(300)
    assert dialogs == ["beforeunload"]
    expect(ruth.get_by_label("What we discussed")).to_have_value(re.compile("robotics club"))

    page.get_by_role("button", name="Save the notes").click()
    expect(page.get_by_role("heading", name="A thank-you letter for each person")).to_be_visible()
    notes = {n.interviewer.name: n.discussed for n in InterviewerNote.objects.all()}
    assert "robotics club" in notes["Ruth Okafor"] and "lab safety" in notes["Sam Ito"]
