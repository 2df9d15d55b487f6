"""Dates a person types or imports: bounded, warned about, shown in the round's own zone."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from secondround.brief.exports import brief_ics
from secondround.brief.selectors import build_brief
from secondround.followup.models import FollowUp, Letter
from secondround.opportunities.models import Interviewer, Round
from secondround.portability.services import ImportFileError, account_export, account_import
from tests.factories import local, make_interviewer, make_opportunity, make_round, make_user

pytestmark = pytest.mark.django_db

LAST_DAY = datetime(9999, 12, 31, 10, 0, tzinfo=UTC)
FIRST_DAY = datetime(1, 1, 1, 0, 30, tzinfo=UTC)


@pytest.fixture(
    params=[(LAST_DAY, "Asia/Tokyo", date.max), (FIRST_DAY, "America/Chicago", date.min)],
    ids=["last-day-tokyo", "first-day-chicago"],
)
def edge_round(alice, request):
    """A round stored before years were bounded, at either end of Python's calendar, in a
    zone that puts its local time past that end."""
    start, zone, follow_up_on = request.param
    opportunity = make_opportunity(alice, company="Far Future Ltd")
    round_ = make_round(
        opportunity,
        starts_at=start,
        ends_at=start.replace(hour=23, minute=30),
        time_zone=zone,
    )
    make_interviewer(
        round_,
        name="Dana Whitfield",
        starts_at=start,
        ends_at=start.replace(hour=23, minute=59),
    )
    FollowUp.objects.create(round=round_, follow_up_on=follow_up_on)
    return round_


@pytest.mark.parametrize(
    "name",
    [
        "round_detail",
        "round_edit",
        "brief",
        "brief_pdf",
        "brief_ics",
        "letters",
        "after_notes",
        "follow_up",
    ],
)
def test_a_round_at_the_edge_of_the_calendar_still_opens(alice_client, edge_round, name):
    response = alice_client.get(reverse(name, args=[edge_round.pk]))
    assert response.status_code == 200


def test_sorting_notes_for_a_round_at_the_edge_still_works(alice_client, edge_round):
    person = edge_round.interviewers.get()
    response = alice_client.post(
        reverse("after_notes_sort", args=[person.pk]),
        {f"q{person.pk}-text": "We talked about the onboarding plan."},
    )
    assert response.status_code == 200
    assert "onboarding plan" in response.content.decode()


def test_a_round_at_the_edge_says_to_check_the_year(alice_client, edge_round):
    page = alice_client.get(edge_round.get_absolute_url()).content.decode()
    assert "check the year" in page


def test_the_dashboard_survives_a_round_at_the_edge(alice_client, edge_round):
    assert alice_client.get(reverse("dashboard")).status_code == 200
    opportunity = edge_round.opportunity
    assert alice_client.get(opportunity.get_absolute_url()).status_code == 200
    person = edge_round.interviewers.get()
    assert alice_client.get(reverse("interviewer_edit", args=[person.pk])).status_code == 200


def _round_data(**changes: str) -> dict[str, str]:
    return {
        "number": "2",
        "format": "panel",
        "day": "2027-03-10",
        "start_time": "09:30",
        "end_time": "12:00",
        "time_zone": "America/Chicago",
        "location": "",
        "video_link": "",
        "notes": "",
    } | changes


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "1899-12-31", "2101-01-01"])
def test_the_round_form_refuses_years_outside_1900_to_2100(alice_client, alice, day):
    opportunity = make_opportunity(alice)
    response = alice_client.post(
        reverse("round_create", args=[opportunity.pk]), _round_data(day=day)
    )
    assert response.status_code == 200
    assert "between 1900 and 2100" in response.content.decode()
    assert not opportunity.rounds.exists()


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-04"])
def test_the_follow_up_form_refuses_far_dates(alice_client, alice_round, day):
    response = alice_client.post(
        reverse("follow_up", args=[alice_round.pk]),
        {"decision_expected_on": day, "follow_up_on": "", "contact_name": "", "contact_email": ""},
    )
    assert response.status_code == 200
    assert "between 1900 and 2100" in response.content.decode()
    assert not FollowUp.objects.filter(round=alice_round, decision_expected_on__isnull=False)


def test_the_invitation_review_refuses_a_far_date(alice_client, alice_round):
    response = alice_client.post(
        reverse("invitation_save", args=[alice_round.pk]),
        {
            "day": "9999-12-31",
            "time_zone": "UTC",
            "location": "",
            "video_link": "",
            "form-TOTAL_FORMS": "0",
            "form-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "between 1900 and 2100" in response.content.decode()


@pytest.mark.parametrize(
    ("model", "values"),
    [
        (Round, {"starts_at": LAST_DAY}),
        (Round, {"ends_at": datetime(1899, 12, 31, 12, tzinfo=UTC)}),
        (Interviewer, {"starts_at": LAST_DAY}),
        (FollowUp, {"decision_expected_on": date(9999, 12, 31)}),
        (FollowUp, {"follow_up_on": date(1, 1, 1)}),
        (FollowUp, {"sent_at": LAST_DAY}),
        (Letter, {"sent_at": LAST_DAY}),
    ],
    ids=lambda value: value.__name__ if isinstance(value, type) else next(iter(value)),
)
def test_models_refuse_dates_outside_1900_to_2100(model, values):
    field, value = next(iter(values.items()))
    with pytest.raises(ValidationError) as raised:
        model._meta.get_field(field).run_validators(value)
    assert "between 1900 and 2100" in " ".join(raised.value.messages)


def test_an_import_with_a_round_on_the_last_day_is_refused_clearly(alice):
    round_ = make_round(make_opportunity(alice))
    payload = account_export(owner=alice, now=timezone.now())
    payload["opportunities"][0]["rounds"][0]["starts_at"] = "9999-12-31T23:00:00+00:00"
    round_.opportunity.delete()
    newcomer = make_user("newcomer")
    with pytest.raises(ImportFileError, match="between 1900 and 2100"):
        account_import(owner=newcomer, payload=payload, replace=False)
    assert not Round.objects.filter(opportunity__owner=newcomer).exists()


# ---- past and implausible dates: saved, with a warning ---------------------------------


def _messages(response) -> str:
    return " ".join(str(message) for message in response.context["messages"])


@pytest.mark.parametrize(
    ("years", "warning"),
    [(-3, "years ago"), (3, "years from now")],
)
def test_an_implausible_date_is_saved_with_a_warning_on_the_round_page(
    alice_client, alice, years, warning
):
    opportunity = make_opportunity(alice)
    day = timezone.localdate() + timedelta(days=365 * years)
    response = alice_client.post(
        reverse("round_create", args=[opportunity.pk]),
        _round_data(day=day.isoformat()),
        follow=True,
    )
    assert opportunity.rounds.count() == 1
    assert warning in _messages(response) and "check the year" in _messages(response)
    page = alice_client.get(opportunity.rounds.get().get_absolute_url()).content.decode()
    assert warning in page and "check the year" in page


def test_a_date_last_week_is_saved_with_a_gentle_warning(alice_client, alice):
    opportunity = make_opportunity(alice)
    day = timezone.localdate() - timedelta(days=7)
    response = alice_client.post(
        reverse("round_create", args=[opportunity.pk]),
        _round_data(day=day.isoformat()),
        follow=True,
    )
    assert opportunity.rounds.count() == 1
    assert "in the past" in _messages(response)
    # A round held last week is normal once it has happened: the round page stays calm.
    page = alice_client.get(opportunity.rounds.get().get_absolute_url()).content.decode()
    assert "in the past" not in page and "check the year" not in page


def test_a_date_next_month_saves_without_a_warning(alice_client, alice):
    opportunity = make_opportunity(alice)
    day = timezone.localdate() + timedelta(days=30)
    response = alice_client.post(
        reverse("round_create", args=[opportunity.pk]),
        _round_data(day=day.isoformat()),
        follow=True,
    )
    assert opportunity.rounds.count() == 1
    assert "past" not in _messages(response) and "check the year" not in _messages(response)


def test_letters_for_a_round_years_ago_are_late_not_urgent(alice_client, alice):
    start = timezone.now() - timedelta(days=2 * 365)
    round_ = make_round(
        make_opportunity(alice), starts_at=start, ends_at=start + timedelta(hours=1)
    )
    make_interviewer(round_, name="Long Ago")
    for name in ("letters", "after_notes"):
        page = alice_client.get(reverse(name, args=[round_.pk])).content.decode()
        assert "overdue" not in page
        assert "The 24 hours for thank-you letters ended" in page and "ago" in page
    dashboard = alice_client.get(reverse("dashboard")).content.decode()
    assert "Long Ago" not in dashboard


def test_letters_before_the_round_are_not_counted_down(alice_client, alice_round):
    page = alice_client.get(reverse("letters", args=[alice_round.pk])).content.decode()
    assert "left" not in re.sub(r"<[^>]+>", "", page).split("Thank-you letters:")[1][:80]
    assert "within 24 hours of the end of the round" in page


# ---- one zone everywhere ---------------------------------------------------------------

CHICAGO_DEADLINE = "Tue 8 Dec 2026, 12:30 CST (America/Chicago)"


@pytest.fixture
def chicago_round(alice):
    start = local(2026, 12, 7, 9, 30, "America/Chicago")
    round_ = make_round(
        make_opportunity(alice, company="Northwind Freight"),
        starts_at=start,
        ends_at=start + timedelta(hours=3),
        time_zone="America/Chicago",
    )
    make_interviewer(
        round_, name="Dana Whitfield", starts_at=start, ends_at=start + timedelta(minutes=45)
    )
    return round_


def _text(page: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", page))


def test_the_deadline_reads_the_same_on_the_brief_and_the_after_pages(alice_client, chicago_round):
    for name in ("brief", "after_notes", "letters"):
        page = _text(alice_client.get(reverse(name, args=[chicago_round.pk])).content.decode())
        assert CHICAGO_DEADLINE in page, name
        assert "18:30" not in page, name


def test_round_times_name_their_zone_on_every_page(alice_client, chicago_round):
    when = "Mon 7 Dec 2026, 09:30–12:30 CST (America/Chicago)"
    round_page = _text(alice_client.get(chicago_round.get_absolute_url()).content.decode())
    assert when in round_page
    assert "Time (CST, America/Chicago)" in round_page  # the roster's column
    opportunity = _text(
        alice_client.get(chicago_round.opportunity.get_absolute_url()).content.decode()
    )
    assert "Mon 7 Dec 2026, 09:30 CST (America/Chicago)" in opportunity
    brief = _text(alice_client.get(reverse("brief", args=[chicago_round.pk])).content.decode())
    assert when in brief and "Itinerary (CST, America/Chicago)" in brief


def test_the_dashboard_shows_the_deadline_in_the_round_zone(alice_client, alice, chicago_round):
    start = timezone.now() - timedelta(hours=2)
    round_ = make_round(
        make_opportunity(alice), starts_at=start, ends_at=start, time_zone="Asia/Kolkata"
    )
    make_interviewer(round_, name="Asha Rao")
    deadline = (start + timedelta(hours=24)).astimezone(round_.zone)
    page = _text(alice_client.get(reverse("dashboard")).content.decode())
    assert f"by {deadline:%a} {deadline.day} {deadline:%b %Y, %H:%M} IST (Asia/Kolkata)" in page


def test_sent_letters_show_when_in_the_round_zone(alice_client, chicago_round):
    person = chicago_round.interviewers.get()
    Letter.objects.create(
        interviewer=person,
        subject="Thank you",
        body="Dear Dana",
        sent_at=datetime(2026, 12, 8, 2, 15, tzinfo=UTC),
    )
    page = _text(alice_client.get(reverse("letters", args=[chicago_round.pk])).content.decode())
    assert "Mon 7 Dec 2026, 20:15 CST (America/Chicago)" in page


def test_the_calendar_file_keeps_the_round_zone(alice_client, chicago_round):
    ics = alice_client.get(reverse("brief_ics", args=[chicago_round.pk]))
    calendar = Calendar.from_ical(ics.content)
    events = {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}
    slot = next(event for summary, event in events.items() if "Dana Whitfield" in summary)
    assert str(slot["DTSTART"].dt.tzinfo) == "America/Chicago"
    assert slot["DTSTART"].dt.hour == 9
    thanks = next(summary for summary in events if "thank-you" in summary.lower())
    assert CHICAGO_DEADLINE in thanks
    assert calendar.walk("VTIMEZONE")  # calendar apps need the zone's rules


def test_the_calendar_zone_covers_the_years_of_its_events(alice):
    start = local(2045, 6, 12, 9, 0, "America/Chicago")
    round_ = make_round(make_opportunity(alice), starts_at=start, time_zone="America/Chicago")
    calendar = Calendar.from_ical(brief_ics(build_brief(round_, alice)))
    (zone,) = calendar.walk("VTIMEZONE")
    # icalendar's default rules stop in 2038; these carry the 2045 change to daylight time.
    assert "2045" in zone.to_ical().decode()
