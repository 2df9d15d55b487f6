"""A spoken answer through a fake microphone fed from a WAV made in the test."""

import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from playwright.sync_api import expect

from tests.audio_files import wav_of
from tests.browser.conftest import BROWSER_ARGS, CHROMIUM
from tests.factories import PASSWORD, make_interviewer, make_opportunity, make_round, make_user

pytestmark = pytest.mark.django_db(transaction=True)

SPOKEN = (
    "Um, last year our clinic had long waiting times. I was asked to fix the booking process. "
    "Uh, I mapped every step and I moved the reminders to text messages. "
    "As a result, the waiting time fell from forty to fifteen minutes."
)


def _microphone(playwright_driver, live_server, wav: Path):
    """A page whose microphone plays ``wav`` (the fake device loops it)."""
    browser = playwright_driver.chromium.launch(
        executable_path=CHROMIUM,
        headless=True,
        args=[
            *BROWSER_ARGS,
            "--use-fake-ui-for-media-stream",
            "--use-fake-device-for-media-stream",
            f"--use-file-for-fake-audio-capture={Path(wav)}",
        ],
    )
    context = browser.new_context(base_url=live_server.url)
    context.grant_permissions(["microphone"])
    page = context.new_page()
    page.set_default_timeout(60_000)
    return browser, page


@pytest.fixture
def microphone_page(playwright_driver, live_server, tmp_path):
    if not shutil.which("espeak-ng"):
        pytest.fail("espeak-ng is missing: `make test` installs it.")
    wav = tmp_path / "answer.wav"
    # A long pause after the speech: the fake device loops the file.
    subprocess.run(["espeak-ng", "-s", "140", "-w", str(wav), SPOKEN + " " + "." * 1], check=True)
    browser, page = _microphone(playwright_driver, live_server, wav)
    yield page
    browser.close()


@pytest.fixture
def silent_microphone_page(playwright_driver, live_server, tmp_path):
    wav = tmp_path / "room.wav"
    noise = np.random.default_rng(3).standard_normal(10 * 16_000) * 0.002  # a quiet room
    wav.write_bytes(wav_of(noise.astype(np.float32)))
    browser, page = _microphone(playwright_driver, live_server, wav)
    yield page
    browser.close()


def _start_practice(page, username: str):
    user = make_user(username)
    opportunity = make_opportunity(user, company="Lakeview Clinic")
    round_ = make_round(opportunity, number=2)
    make_interviewer(round_, name="Dana Whitfield", relation="hiring_manager")
    page.goto("/account/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(f"/rounds/{round_.pk}/practice/")
    page.get_by_role("button", name="Start a mock interview").click()


def test_record_an_answer_and_see_transcript_and_fillers(microphone_page):
    page = microphone_page
    _start_practice(page, "rita")
    page.get_by_role("button", name="Start recording").click()
    expect(page.locator("#record-status")).to_contain_text("Recording")
    # While speaking: the words heard so far, counted from the pieces already sent.
    expect(page.locator("#record-status")).to_contain_text("heard so far", timeout=30_000)
    page.wait_for_timeout(6_000)  # the espeak clip lasts about 12 s
    page.get_by_role("button", name="Stop and get feedback").click()

    expect(page.get_by_role("heading", name="Feedback")).to_be_visible(timeout=90_000)
    transcript = page.locator(".star-sentences")
    expect(transcript).to_contain_text("clinic")
    fillers = page.locator("#figure-fillers")
    expect(fillers).to_contain_text("/min")
    assert int(fillers.inner_text().split()[0]) >= 0
    expect(page.locator("#figure-seconds")).to_contain_text(" s")


def test_a_silent_microphone_gives_no_answer_and_no_feedback(silent_microphone_page):
    page = silent_microphone_page
    _start_practice(page, "sam")
    page.get_by_role("button", name="Start recording").click()
    expect(page.locator("#record-status")).to_contain_text("Recording")
    page.wait_for_timeout(7_000)
    page.get_by_role("button", name="Stop and get feedback").click()

    expect(page.get_by_role("heading", name="We did not hear an answer")).to_be_visible(
        timeout=90_000
    )
    expect(page.get_by_role("heading", name="Feedback")).to_have_count(0)
    expect(page.locator(".star-sentences")).to_have_count(0)
