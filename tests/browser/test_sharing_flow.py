"""Sharing in a real browser, on two accounts at once.

A candidate shares the debrief and practice with a coach; the coach comments on a
practice answer; the candidate sees it and revokes; the coach then gets "not found".
Then the coach package on two accounts: made, opened, commented, answered, imported.
"""

import json

import pytest
from playwright.sync_api import expect

from secondround.debrief.models import AskedQuestion, Debrief
from secondround.practice.models import Attempt
from secondround.sharing.models import AttemptComment
from tests.factories import PASSWORD, make_opportunity, make_round, make_user

pytestmark = pytest.mark.django_db(transaction=True)


def _log_in(page, username):
    page.goto("/account/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


@pytest.fixture
def coach_page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1200, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def candidate():
    user = make_user("nia")
    user.first_name = "Nia"
    user.save()
    opportunity = make_opportunity(user, company="Lakeview Hospital", role_title="Nurse Manager")
    first = make_round(opportunity, number=1)
    debrief = Debrief.objects.create(round=first)
    AskedQuestion.objects.create(debrief=debrief, text="How do you handle night shifts?")
    second = make_round(opportunity, number=2)
    attempt = Attempt.objects.create(
        round=second,
        question_key="q1",
        question_text="Tell me about a conflict on your ward.",
        answer_text="Two nurses disagreed on handover. I met them both and we agreed a checklist.",
        report={
            "words": 14,
            "points": [{"level": "tip", "message": "Add a number."}],
            "sentences": ["Two nurses disagreed on handover.", "I met them both."],
            "star": ["situation", "action"],
        },
    )
    return {"user": user, "opportunity": opportunity, "first": first, "attempt": attempt}


def test_share_comment_see_it_revoke_and_the_coach_gets_404(
    page, coach_page, candidate, screenshot_dir
):
    make_user("omar")
    opportunity, attempt = candidate["opportunity"], candidate["attempt"]
    _log_in(page, "nia")
    page.goto(f"/opportunities/{opportunity.pk}/")
    page.get_by_role("link", name="Share with a coach").click()

    share_form = page.locator("#share")
    # An address nobody has: a message, and nothing shared.
    share_form.get_by_label("Their account name or e-mail").fill("nobody@example.org")
    share_form.get_by_label("Debrief").check()
    share_form.get_by_role("button", name="Share").click()
    expect(page.get_by_text("No account here has that name or address")).to_be_visible()

    share_form = page.locator("#share")
    share_form.get_by_label("Their account name or e-mail").fill("omar")
    share_form.get_by_label("Debrief", exact=True).check()
    share_form.get_by_label("Practice answers (transcripts and feedback)").check()
    share_form.get_by_role("button", name="Share").click()
    expect(page.get_by_role("heading", name="Shared with omar")).to_be_visible()

    _log_in(coach_page, "omar")
    coach_page.get_by_role("link", name="Coaching").click()
    coach_page.get_by_role("link", name="Nia · Nurse Manager at Lakeview Hospital").click()
    expect(coach_page.get_by_role("link", name="Salary")).to_have_count(0)
    coach_page.get_by_role("link", name="practice for the second interview").click()
    coach_page.get_by_role("link", name="Tell me about a conflict on your ward.").click()
    expect(coach_page.get_by_text("I met them both")).to_be_visible()
    coach_page.get_by_text("Comment or rate this answer").click()
    coach_page.get_by_label("Your comment").fill("Say how many incidents the checklist prevented.")
    coach_page.get_by_label("Rated against").select_option("conflict")
    coach_page.get_by_label("Rating").select_option("3")
    coach_page.get_by_role("button", name="Save the comment").click()
    expect(coach_page.get_by_text("Comment saved")).to_be_visible()
    coach_page.screenshot(path=str(screenshot_dir / "sharing-coach-comment.png"), full_page=True)

    page.goto(f"/attempts/{attempt.pk}/")
    comment = page.locator(".comment")
    expect(comment).to_contain_text("Say how many incidents the checklist prevented.")
    expect(comment).to_contain_text("Conflict: 3/5")
    comment.get_by_role("button", name="Mark done").click()
    expect(page.locator(".comment.is-done")).to_be_visible()
    assert AttemptComment.objects.get().done_at is not None

    page.goto(f"/opportunities/{opportunity.pk}/sharing/")
    page.get_by_role("link", name="omar").click()
    expect(page.locator(".access-log")).to_contain_text("Commented on")
    page.get_by_role("button", name="Revoke").click()
    expect(page.get_by_text("Revoked:")).to_be_visible()

    response = coach_page.reload()
    assert response.status == 404
    response = coach_page.goto(f"/shared/rounds/{candidate['first'].pk}/debrief/")
    assert response.status == 404


def test_coach_package_round_trip_on_two_accounts(page, coach_page, candidate, tmp_path):
    make_user("omar")
    opportunity = candidate["opportunity"]
    _log_in(page, "nia")
    page.goto(f"/opportunities/{opportunity.pk}/sharing/")
    package_form = page.locator("#package")
    package_form.get_by_label("Debrief", exact=True).check()
    package_form.get_by_label("Practice answers (transcripts and feedback)").check()
    package_form.get_by_role("button", name="Make the package").click()
    with page.expect_download() as got:
        page.locator("#package").get_by_role("link", name="Download the package").click()
    package_file = tmp_path / "package.json"
    got.value.save_as(package_file)

    _log_in(coach_page, "omar")
    coach_page.goto("/packages/import/")
    # A package changed on the way is refused, and nothing is opened.
    tampered = json.loads(package_file.read_text())
    tampered["sections"][0]["entries"][0]["heading"] = "Something else"
    bad_file = tmp_path / "tampered.json"
    bad_file.write_text(json.dumps(tampered))
    coach_page.get_by_label("The file").set_input_files(str(bad_file))
    coach_page.get_by_role("button", name="Open").click()
    expect(coach_page.get_by_text("changed after it was made")).to_be_visible()

    coach_page.get_by_label("The file").set_input_files(str(package_file))
    coach_page.get_by_role("button", name="Open").click()
    expect(
        coach_page.get_by_role("heading", name="Nia: Nurse Manager at Lakeview Hospital")
    ).to_be_visible()
    entry = coach_page.locator(".package-entry", has_text="Tell me about a conflict")
    entry.get_by_text("Comment or rate this answer").click()
    entry.get_by_label("Your comment").fill("Lead with the result.")
    entry.get_by_role("button", name="Save the comment").click()
    expect(coach_page.get_by_text("Comment saved")).to_be_visible()
    with coach_page.expect_download() as got:
        coach_page.get_by_role("link", name="Download the reply").click()
    reply_file = tmp_path / "reply.json"
    got.value.save_as(reply_file)

    page.goto(f"/opportunities/{opportunity.pk}/sharing/")
    page.locator("#package").get_by_label("The file").set_input_files(str(reply_file))
    page.get_by_role("button", name="Import the reply").click()
    expect(page.get_by_text("Added 1 comment beside your items.")).to_be_visible()
    page.goto(f"/attempts/{candidate['attempt'].pk}/")
    expect(page.locator(".comment")).to_contain_text("Lead with the result.")
    expect(page.locator(".comment")).to_contain_text("omar (reply file)")
