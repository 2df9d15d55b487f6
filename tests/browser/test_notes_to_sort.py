"""Pasted notes the engine is unsure of wait in "To sort"; one click each files them."""

import pytest
from playwright.sync_api import expect

from secondround.debrief.models import AskedQuestion, Concern, Observation
from tests.factories import PASSWORD, make_opportunity, make_round, make_user

pytestmark = pytest.mark.django_db(transaction=True)

NOTES = """why this clinic and not a hospital
Dana liked my falls-prevention project
they asked twice about weekend cover
lunch was at the canteen
"""


def _log_in(page, username):
    page.goto("/account/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def test_to_sort_choices_file_each_item(page, monkeypatch, screenshot_dir):
    # The live server runs in this process: make the engine unsure of every item, so that
    # the page (not the sorter, tested in tests/engine) is what this test pins.
    from secondround.engine.reading import notes

    monkeypatch.setattr(notes, "SURE", 1.01)
    notes.split_notes("warm up: the parse and the embedding models load once per process")
    user = make_user("ravi")
    first = make_round(make_opportunity(user, company="Harbour Physio", role_title="Physio"))
    _log_in(page, "ravi")

    page.goto(f"/rounds/{first.pk}/debrief/")
    page.get_by_label("Your notes from the interview").fill(NOTES)
    page.get_by_role("button", name="Sort my notes").click()

    to_sort = page.locator(".to-sort")
    expect(to_sort.get_by_role("heading", name="To sort")).to_be_visible()
    items = to_sort.locator(".to-sort-item")
    texts = [items.nth(i).locator("textarea").input_value() for i in range(items.count())]
    assert any("why this clinic" in text for text in texts)
    places = {
        "why this clinic": "A question",
        "Dana liked": "Went well",
        "weekend cover": "Their concern",
        "lunch": "Drop it",
    }
    for index, text in enumerate(texts):
        choice = next(label for start, label in places.items() if start in text)
        items.nth(index).get_by_text(choice, exact=True).click()
        expect(items.nth(index).get_by_label(choice)).to_be_checked()
    page.screenshot(path=str(screenshot_dir / "notes_to_sort.png"), full_page=True)

    # Saving without a choice for a part is refused; here every part has one.
    page.get_by_role("button", name="Save the debrief").click()
    expect(page.get_by_role("heading", name="Questions you were asked")).to_be_visible()
    assert AskedQuestion.objects.filter(text__icontains="why this clinic").exists()
    assert Observation.objects.filter(kind="positive", text__icontains="Dana liked").exists()
    assert Concern.objects.filter(said__icontains="weekend cover").exists()
    assert not Observation.objects.filter(text__icontains="lunch").exists()


def test_an_unsorted_part_is_asked_for(page, monkeypatch):
    from secondround.engine.reading import notes

    monkeypatch.setattr(notes, "SURE", 1.01)
    notes.split_notes("warm up: the parse and the embedding models load once per process")
    user = make_user("ines")
    first = make_round(make_opportunity(user, company="Harbour Physio", role_title="Physio"))
    _log_in(page, "ines")
    page.goto(f"/rounds/{first.pk}/debrief/")
    page.get_by_label("Your notes from the interview").fill("Dana liked my falls project")
    page.get_by_role("button", name="Sort my notes").click()
    page.get_by_role("button", name="Save the debrief").click()
    expect(page.get_by_text("Choose where this goes, or drop it.")).to_be_visible()
    assert not Observation.objects.exists()
