from datetime import timedelta

import pytest
from django.urls import reverse

from secondround.opportunities.models import Interviewer, Opportunity, Round
from tests.factories import local, make_interviewer, make_opportunity, make_round

pytestmark = pytest.mark.django_db


def test_dashboard_needs_login(client):
    response = client.get(reverse("dashboard"))
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_create_opportunity_then_see_it_on_the_dashboard(alice_client, alice):
    response = alice_client.post(
        reverse("opportunity_create"),
        {"company": "Lakeview Hospital", "role_title": "Nurse Manager", "status": "interviewing"},
    )
    opportunity = Opportunity.objects.get(owner=alice)
    assert response.status_code == 302
    assert response["Location"] == opportunity.get_absolute_url()
    page = alice_client.get(reverse("dashboard")).content.decode()
    assert "Nurse Manager" in page and "Lakeview Hospital" in page


def test_create_opportunity_with_missing_fields_shows_messages(alice_client, alice):
    response = alice_client.post(reverse("opportunity_create"), {"company": "", "status": "x"})
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not Opportunity.objects.filter(owner=alice).exists()


def test_oversized_posting_is_refused_and_existing_text_kept(alice_client, alice, settings):
    settings.SECONDROUND_MAX_PASTE_CHARS = 1000
    opportunity = make_opportunity(alice, posting_text="the original posting")
    response = alice_client.post(
        reverse("opportunity_edit", args=[opportunity.pk]),
        {"company": "X", "role_title": "Y", "status": "applied", "posting_text": "a" * 1001},
    )
    assert "the limit is 1,000" in response.content.decode()
    opportunity.refresh_from_db()
    assert opportunity.posting_text == "the original posting"


def test_edit_opportunity_status(alice_client, alice):
    opportunity = make_opportunity(alice)
    alice_client.post(
        reverse("opportunity_edit", args=[opportunity.pk]),
        {"company": opportunity.company, "role_title": "Analyst", "status": "offer"},
    )
    opportunity.refresh_from_db()
    assert opportunity.status == "offer"


def test_archive_hides_from_dashboard_and_restore_brings_back(alice_client, alice):
    opportunity = make_opportunity(alice, company="Archived Co")
    link = f'href="{opportunity.get_absolute_url()}"'
    alice_client.post(reverse("opportunity_archive", args=[opportunity.pk]), {"archived": "1"})
    assert link not in alice_client.get(reverse("dashboard")).content.decode()
    assert link in alice_client.get(reverse("dashboard") + "?archived=1").content.decode()
    alice_client.post(reverse("opportunity_archive", args=[opportunity.pk]), {"archived": "0"})
    assert link in alice_client.get(reverse("dashboard")).content.decode()


@pytest.mark.parametrize(
    "name",
    ["opportunity_archive", "opportunity_delete", "round_delete", "interviewer_delete"],
)
def test_state_changing_urls_refuse_get(alice_client, alice_round, name):
    pk = {
        "opportunity_archive": alice_round.opportunity.pk,
        "opportunity_delete": alice_round.opportunity.pk,
        "round_delete": alice_round.pk,
        "interviewer_delete": alice_round.interviewers.get().pk,
    }[name]
    assert alice_client.get(reverse(name, args=[pk])).status_code == 405


def test_delete_needs_the_company_name(alice_client, alice_round):
    opportunity = alice_round.opportunity
    alice_client.post(reverse("opportunity_delete", args=[opportunity.pk]), {"confirm": "nope"})
    assert Opportunity.objects.filter(pk=opportunity.pk).exists()
    alice_client.post(
        reverse("opportunity_delete", args=[opportunity.pk]), {"confirm": opportunity.company}
    )
    assert not Opportunity.objects.filter(pk=opportunity.pk).exists()
    assert not Round.objects.filter(pk=alice_round.pk).exists()


def test_create_round_in_its_own_time_zone(alice_client, alice):
    opportunity = make_opportunity(alice)
    response = alice_client.post(
        reverse("round_create", args=[opportunity.pk]),
        {
            "number": 2,
            "name": "",
            "format": "all_day_loop",
            "day": "2026-03-10",
            "start_time": "09:30",
            "end_time": "12:30",
            "time_zone": "America/Chicago",
            "location": "233 S Wacker Dr",
            "video_link": "",
            "notes": "",
        },
    )
    round_ = Round.objects.get(opportunity=opportunity)
    assert response["Location"] == round_.get_absolute_url()
    assert round_.starts_at == local(2026, 3, 10, 9, 30, "America/Chicago")
    assert round_.ends_at - round_.starts_at == timedelta(hours=3)
    page = alice_client.get(round_.get_absolute_url()).content.decode()
    assert "09:30" in page and "America/Chicago" in page


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"day": "2026-03-10", "start_time": ""}, "Add a start time too"),
        ({"day": "", "start_time": "10:00"}, "Add the date of the interview"),
        ({"start_time": "11:00", "end_time": "10:00"}, "The end must come after the start."),
        ({"number": 1}, "already has a round 1"),
        ({"video_link": "not a url"}, "Enter a valid URL."),
    ],
)
def test_round_form_explains_bad_input(alice_client, alice, changes, message):
    opportunity = make_opportunity(alice)
    make_round(opportunity, number=1)
    data = {
        "number": 2,
        "format": "panel",
        "day": "2026-03-10",
        "start_time": "09:30",
        "end_time": "",
        "time_zone": "UTC",
        "location": "",
        "video_link": "",
        "notes": "",
    }
    response = alice_client.post(reverse("round_create", args=[opportunity.pk]), data | changes)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert opportunity.rounds.count() == 1


def test_add_interviewer_with_slot_on_the_round_day(alice_client, alice):
    round_ = make_round(
        make_opportunity(alice),
        starts_at=local(2026, 6, 2, 9, 0, "Europe/London"),
        time_zone="Europe/London",
    )
    alice_client.post(
        reverse("interviewer_create", args=[round_.pk]),
        {
            "name": "Siobhán O'Neill",
            "pronunciation": "shiv-AWN",
            "title": "Senior Analyst",
            "relation": "peer",
            "email": "siobhan@example.com",
            "profile_url": "",
            "start_time": "10:15",
            "end_time": "11:00",
            "notes": "",
        },
    )
    person = Interviewer.objects.get(round=round_)
    assert person.name == "Siobhán O'Neill"
    assert person.starts_at == local(2026, 6, 2, 10, 15, "Europe/London")
    page = alice_client.get(round_.get_absolute_url()).content.decode()
    assert "Siobhán O&#x27;Neill" in page and "shiv-AWN" in page and "10:15–11:00" in page


def test_interviewer_slot_without_round_date_is_explained(alice_client, alice):
    round_ = make_round(make_opportunity(alice), starts_at=None)
    response = alice_client.post(
        reverse("interviewer_create", args=[round_.pk]),
        {"name": "Ana", "relation": "peer", "start_time": "10:00"},
    )
    assert "Give the round a date first" in response.content.decode()
    assert not round_.interviewers.exists()


def test_edit_and_remove_interviewer(alice_client, alice_round):
    person = alice_round.interviewers.get()
    alice_client.post(
        reverse("interviewer_edit", args=[person.pk]),
        {"name": "Dana Whitfield-Ames", "relation": "hiring_manager"},
    )
    person.refresh_from_db()
    assert person.name == "Dana Whitfield-Ames"
    alice_client.post(reverse("interviewer_delete", args=[person.pk]))
    assert not alice_round.interviewers.exists()


def test_round_detail_lists_roster_in_order(alice_client, alice_round):
    make_interviewer(alice_round, name="Marcus Oyelaran", relation="managers_manager")
    page = alice_client.get(alice_round.get_absolute_url()).content.decode()
    assert page.index("Dana Whitfield") < page.index("Marcus Oyelaran")
    assert "Manager&#x27;s manager" in page


POSTING = """Front Desk Supervisor

Duties
- Check guests in and out in Opera PMS
- Balance the cash drawer and run the shift close report
- Work with housekeeping on room status

Requirements
- Opera PMS experience preferred
"""


def test_saving_the_posting_reads_it_so_drafting_finds_the_skills_ready(
    alice_client, alice, monkeypatch
):
    from secondround.opportunities import selectors

    alice_client.post(
        reverse("opportunity_edit", args=[make_opportunity(alice).pk]),
        {"company": "Harborview", "role_title": "Supervisor", "status": "applied"}
        | {"posting_text": POSTING},
    )
    opportunity = Opportunity.objects.get(owner=alice)
    assert "Opera PMS" in opportunity.posting_text
    assert opportunity.posting_read_digest == selectors.posting_digest(opportunity.posting_text)

    def never(text):  # the saved reading is used: the posting is not read again
        raise AssertionError("read again")

    monkeypatch.setattr(selectors, "read_posting", never)
    reading = selectors.posting_reading(opportunity)
    assert "Opera PMS" in [name for name, _, _ in reading.skills]
    assert reading.not_skills.get("housekeeping") == "organisation"
    assert reading.duty_goals and reading.duty_goals[0].startswith("Check guests in")
    # A changed posting is read again, not answered from the old reading.
    opportunity.posting_text += "\n- Train new hires"
    with pytest.raises(AssertionError, match="read again"):
        selectors.posting_reading(opportunity)
