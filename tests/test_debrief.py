"""The debrief: quick capture from pasted notes, review, save; nothing is lost on a bad submit."""

import re

import pytest
from django.urls import reverse

from secondround.debrief.models import AskedQuestion, Concern, Debrief, GlossaryTerm, Observation

pytestmark = pytest.mark.django_db

NOTES = """Questions asked:
- Tell me about a time you handled a late shipment (struggled)
- Why Northwind? - went well

What went well:
- Dana liked my Power BI dashboard story

Forgot to mention:
- my Six Sigma green belt

Concerns:
- She asked twice whether I have managed people

Terms: OTIF, MercuryGate
"""


def _management(prefix: str, total: int, initial: int = 0) -> dict:
    return {f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": str(initial)}


def _empty_page(**extra) -> dict:
    data = {
        **_management("questions", 0),
        **_management("observations", 0),
        **_management("concerns", 0),
        **_management("terms", 0),
        "challenges": "",
        "reviewed_with": "",
        "review_notes": "",
        "raw_notes": "",
    }
    return data | extra


def test_capture_fills_review_rows_and_saves_nothing(alice_client, alice_round):
    response = alice_client.post(
        reverse("debrief_capture", args=[alice_round.pk]), {"notes": NOTES}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "from your notes" in page
    assert "Tell me about a time you handled a late shipment" in page
    assert 'value="MercuryGate"' in page
    assert "my Six Sigma green belt" in page
    assert not AskedQuestion.objects.exists() and not GlossaryTerm.objects.exists()


def test_what_i_answered_reaches_the_review_rows(alice_client, alice_round):
    notes = (
        "Questions asked\n- how do you handle a late shipment\n\n"
        "What I answered\n- late shipment: called the carrier, told the customer early\n"
    )
    response = alice_client.post(
        reverse("debrief_capture", args=[alice_round.pk]), {"notes": notes}
    )
    page = response.content.decode()
    assert response.status_code == 200
    # In the question's "what I answered" box, not only in the pasted notes kept below.
    assert re.search(r'name="questions-0-my_answer"[^>]*>[^<]*told the customer early', page)
    assert not AskedQuestion.objects.exists()


def test_save_the_reviewed_debrief(alice_client, alice_round):
    data = _empty_page(
        **_management("questions", 1),
        **{"questions-0-text": "Tell me about a late shipment", "questions-0-went": "struggled"},
        **_management("observations", 2),
        **{"observations-0-kind": "positive", "observations-0-text": "Dashboard story landed"},
        **{"observations-1-kind": "miss", "observations-1-text": "Six Sigma green belt"},
        **_management("concerns", 1),
        **{"concerns-0-said": "Asked twice about managing people", "concerns-0-raised_by": "Dana"},
        **_management("terms", 1),
        **{"terms-0-term": "OTIF", "terms-0-meaning": "On time, in full"},
        challenges="Peak season on-time rate\nEmpty miles",
        raw_notes=NOTES,
    )
    response = alice_client.post(reverse("debrief_edit", args=[alice_round.pk]), data)
    assert response.status_code == 302
    debrief = Debrief.objects.get(round=alice_round)
    assert debrief.questions.get().went == "struggled"
    assert sorted(debrief.observations.values_list("kind", flat=True)) == ["miss", "positive"]
    assert debrief.concerns.get().raised_by == "Dana"
    assert debrief.raw_notes == NOTES
    term = GlossaryTerm.objects.get(opportunity=alice_round.opportunity)
    assert (term.term, term.source, term.heard_in) == ("OTIF", "debrief", alice_round)
    page = alice_client.get(reverse("debrief_detail", args=[alice_round.pk])).content.decode()
    assert "Tell me about a late shipment" in page and "Plan an answer" in page
    assert "Empty miles" in page and "On time, in full" in page


def test_a_term_already_in_the_glossary_is_not_duplicated(alice_client, alice_round):
    GlossaryTerm.objects.create(opportunity=alice_round.opportunity, term="OTIF", source="research")
    data = _empty_page(
        **_management("terms", 1), **{"terms-0-term": "otif", "terms-0-meaning": "On time, in full"}
    )
    alice_client.post(reverse("debrief_edit", args=[alice_round.pk]), data)
    term = GlossaryTerm.objects.get(opportunity=alice_round.opportunity)
    assert (term.term, term.meaning, term.source) == ("OTIF", "On time, in full", "research")


def test_invalid_row_saves_nothing_and_keeps_what_was_typed(alice_client, alice_round):
    data = _empty_page(
        **_management("questions", 1),
        **{"questions-0-text": "A good question", "questions-0-went": "brilliant"},
        **_management("concerns", 1),
        **{"concerns-0-said": "Typed concern"},
    )
    response = alice_client.post(reverse("debrief_edit", args=[alice_round.pk]), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Select a valid choice" in page and "Typed concern" in page
    assert not Concern.objects.exists()


def test_large_paste_works_and_oversize_is_refused(alice_client, alice_round):
    big = ("- Q: Tell me about a conflict with a colleague (struggled)\n" * 3000)[:199_000]
    response = alice_client.post(reverse("debrief_capture", args=[alice_round.pk]), {"notes": big})
    assert response.status_code == 200

    Debrief.objects.update_or_create(round=alice_round, defaults={"challenges": "Saved before"})
    response = alice_client.post(
        reverse("debrief_capture", args=[alice_round.pk]), {"notes": "x" * 200_001}, follow=True
    )
    assert "the limit is 200,000" in response.content.decode()
    assert Debrief.objects.get(round=alice_round).challenges == "Saved before"


def test_notes_with_nothing_recognisable_are_kept(alice_client, alice_round):
    response = alice_client.post(
        reverse("debrief_capture", args=[alice_round.pk]), {"notes": "zzz"}
    )
    assert "zzz" in response.content.decode()


def test_deleting_a_row(alice_client, alice_round):
    debrief = Debrief.objects.create(round=alice_round)
    observation = Observation.objects.create(debrief=debrief, kind="miss", text="Forgot X")
    data = _empty_page(
        **_management("observations", 1, initial=1),
        **{
            "observations-0-id": str(observation.pk),
            "observations-0-kind": "miss",
            "observations-0-text": "Forgot X",
            "observations-0-DELETE": "on",
        },
    )
    alice_client.post(reverse("debrief_edit", args=[alice_round.pk]), data)
    assert not Observation.objects.exists()


def _unsure_notes(monkeypatch) -> None:
    """Make the engine unsure of everything, so that every item waits to be sorted."""
    from secondround.engine.reading import notes

    monkeypatch.setattr(notes, "SURE", 1.01)


def test_unsure_items_wait_in_the_to_sort_list(alice_client, alice_round, monkeypatch):
    _unsure_notes(monkeypatch)
    response = alice_client.post(
        reverse("debrief_capture", args=[alice_round.pk]),
        {"notes": "Dana liked my dashboard story\nforgot to mention my forklift licence"},
    )
    page = response.content.decode()
    assert "To sort" in page and "could not be placed" in page
    assert 'name="to_sort-0-place"' in page and "Drop it" in page
    assert "Dana liked my dashboard story" in page
    # Nothing was put in a field on its own.
    assert "from your notes" not in page


@pytest.mark.parametrize(
    ("place", "check"),
    [
        ("questions", lambda debrief: debrief.questions.get().text == "Why this clinic"),
        ("positives", lambda debrief: debrief.observations.get().kind == "positive"),
        ("misses", lambda debrief: debrief.observations.get().kind == "miss"),
        ("concerns", lambda debrief: debrief.concerns.get().said == "Why this clinic"),
        ("terms", lambda debrief: GlossaryTerm.objects.get().term == "Why this clinic"),
        (
            "drop",
            lambda debrief: not debrief.questions.exists() and not GlossaryTerm.objects.exists(),
        ),
    ],
)
def test_each_choice_files_the_item(alice_client, alice_round, place, check):
    data = _empty_page(
        **_management("to_sort", 1),
        **{"to_sort-0-text": "Why this clinic", "to_sort-0-place": place, "to_sort-0-guess": ""},
    )
    response = alice_client.post(reverse("debrief_edit", args=[alice_round.pk]), data)
    assert response.status_code == 302
    assert check(Debrief.objects.get(round=alice_round))


def test_an_unsorted_item_saves_nothing(alice_client, alice_round):
    data = _empty_page(
        **_management("to_sort", 1),
        **_management("concerns", 1),
        **{"to_sort-0-text": "Why this clinic", "concerns-0-said": "Typed concern"},
    )
    response = alice_client.post(reverse("debrief_edit", args=[alice_round.pk]), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Choose where this goes, or drop it." in page and "Typed concern" in page
    assert not Concern.objects.exists()


@pytest.mark.parametrize(
    "notes",
    [
        "  \n ",
        "ok",
        "WHY THIS JOB?? GOOD. FORGOT MY CERT.",
        "🙂🙃😬",
        "Er fragte nach meiner Erfahrung mit SAP und ich war nervös, das war nicht gut.",
    ],
)
def test_odd_notes_give_a_page_not_an_error(alice_client, alice_round, notes):
    response = alice_client.post(
        reverse("debrief_capture", args=[alice_round.pk]), {"notes": notes}, follow=True
    )
    assert response.status_code == 200


def test_whitespace_only_notes_get_one_message(alice_client, alice_round):
    response = alice_client.post(
        reverse("debrief_capture", args=[alice_round.pk]), {"notes": "  \n\t \n"}, follow=True
    )
    page = response.content.decode()
    assert ("There were no notes to sort." in page) or ("This field is required." in page)
    assert "Nothing could be sorted from these notes" not in page
