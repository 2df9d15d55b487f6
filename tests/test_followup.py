"""After the round: notes, one letter per interviewer within 24 hours, follow-up, fit."""

import email
import email.policy
from datetime import date, timedelta
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone

from secondround.followup.models import FitScore, FitVerdict, FollowUp, InterviewerNote, Letter
from secondround.opportunities.models import Opportunity
from tests.factories import make_interviewer, make_opportunity, make_round

pytestmark = pytest.mark.django_db

NOTES = {
    "Dana Whitfield": (
        "the Joliet hub ramp-up",
        "peak-season on-time rate",
        "whether I have managed people",
    ),
    "Marcus Oyelaran": ("the five-year network plan", "empty miles on return legs", ""),
    "Siobhán O'Neill": ("how dispatch and planning share data", "clean weekly dashboards", ""),
    "Priya Raman": ("the team's hybrid schedule", "culture of ownership", ""),
}


@pytest.fixture
def ended_round(alice):
    opportunity = make_opportunity(
        alice, company="Northwind Freight", role_title="Senior Operations Analyst"
    )
    start = timezone.now() - timedelta(hours=5)
    round_ = make_round(opportunity, number=2, starts_at=start, ends_at=start + timedelta(hours=3))
    relations = ["hiring_manager", "managers_manager", "peer", "hr"]
    for (name, (discussed, cares, worry)), relation in zip(NOTES.items(), relations, strict=True):
        person = make_interviewer(
            round_, name=name, relation=relation, email=f"{name.split()[0].lower()}@example.com"
        )
        InterviewerNote.objects.create(
            interviewer=person, discussed=discussed, cares_about=cares, worries=worry
        )
    return round_


def test_draft_four_distinct_specific_letters(alice_client, ended_round):
    alice_client.post(reverse("letters_draft", args=[ended_round.pk]))
    letters = list(
        Letter.objects.filter(interviewer__round=ended_round).select_related("interviewer")
    )
    assert len(letters) == 4
    assert len({letter.body for letter in letters}) == 4
    for letter in letters:
        name = letter.interviewer.name
        assert NOTES[name][0] in letter.body
        assert name.split()[0] in letter.body or name in letter.body
        assert not letter.generic
    page = alice_client.get(reverse("letters", args=[ended_round.pk])).content.decode()
    assert "Siobhán O&#x27;Neill" in page and "Download .eml" in page


def test_a_person_without_notes_gets_a_generic_flag(alice_client, ended_round):
    make_interviewer(ended_round, name="Tom Becker", relation="technical_expert")
    alice_client.post(reverse("letters_draft", args=[ended_round.pk]))
    assert Letter.objects.get(interviewer__name="Tom Becker").generic
    page = alice_client.get(reverse("letters", args=[ended_round.pk])).content.decode()
    assert "Generic: it references nothing specific" in page


def test_edits_survive_a_redraft_and_eml_parses(alice_client, ended_round):
    alice_client.post(reverse("letters_draft", args=[ended_round.pk]))
    letter = Letter.objects.get(interviewer__name="Dana Whitfield")
    prefix = f"l{letter.interviewer_id}"
    alice_client.post(
        reverse("letter_edit", args=[letter.pk]),
        {
            f"{prefix}-subject": "Thank you, Dana",
            f"{prefix}-body": "Dear Dana, merci — thank you.",
            f"{prefix}-card": "",
        },
    )
    alice_client.post(reverse("letters_draft", args=[ended_round.pk]))
    letter.refresh_from_db()
    assert letter.edited and letter.body == "Dear Dana, merci — thank you."
    response = alice_client.get(reverse("letter_eml", args=[letter.pk]))
    message = email.message_from_bytes(response.content, policy=email.policy.default)
    assert message["Subject"] == "Thank you, Dana"
    assert "dana@example.com" in message["To"]
    assert "merci — thank you" in message.get_content()


def test_countdown_on_the_dashboard_and_mark_sent(alice_client, ended_round):
    alice_client.post(reverse("letters_draft", args=[ended_round.pk]))
    page = alice_client.get(reverse("dashboard")).content.decode()
    assert page.count("Thank-you letter to") == 4
    assert "left" in page
    letter = Letter.objects.get(interviewer__name="Marcus Oyelaran")
    alice_client.post(reverse("letter_sent", args=[letter.pk]), {"sent": "1", "form": "card"})
    letter.refresh_from_db()
    assert letter.sent_at and letter.form == "card"
    page = alice_client.get(reverse("dashboard")).content.decode()
    assert page.count("Thank-you letter to") == 3
    assert "Thank-you letter to Marcus Oyelaran" not in page


def test_overdue_letters_stand_out(alice_client, alice):
    opportunity = make_opportunity(alice)
    start = timezone.now() - timedelta(days=2)
    round_ = make_round(opportunity, starts_at=start, ends_at=start + timedelta(hours=1))
    make_interviewer(round_, name="Late Reader")
    page = alice_client.get(reverse("dashboard")).content.decode()
    assert 'class="overdue"' in page and "overdue by" in page


def test_notes_quick_capture_then_save(alice_client, ended_round):
    person = ended_round.interviewers.get(name="Priya Raman")
    response = alice_client.post(
        reverse("after_notes_sort", args=[person.pk]),
        {
            f"q{person.pk}-text": "We talked about the onboarding plan. "
            "She is training for a marathon."
        },
    )
    page = response.content.decode()
    assert "training for a marathon" in page and "onboarding plan" in page
    assert InterviewerNote.objects.get(interviewer=person).personal == ""


def test_follow_up_is_scheduled_after_the_decision_date(alice_client, ended_round):
    alice_client.post(
        reverse("follow_up", args=[ended_round.pk]),
        {
            "decision_expected_on": "2026-12-04",
            "follow_up_on": "",
            "contact_name": "Priya",
            "contact_email": "p@example.com",
        },
    )
    record = FollowUp.objects.get(round=ended_round)
    assert record.follow_up_on == date(2026, 12, 9)  # Friday + 3 working days
    page = alice_client.get(reverse("follow_up", args=[ended_round.pk])).content.decode()
    assert "Priya" in page and "mailto:" in page


def test_outcomes_close_the_loop(alice_client, ended_round):
    url = reverse("follow_up_outcome", args=[ended_round.pk])
    alice_client.post(url, {"action": "rejected"})
    assert Opportunity.objects.get(pk=ended_round.opportunity_id).status == "rejected"
    page = alice_client.get(reverse("follow_up", args=[ended_round.pk])).content.decode()
    assert "Ask for feedback" in page
    alice_client.post(url, {"action": "offer"})
    assert Opportunity.objects.get(pk=ended_round.opportunity_id).status == "offer"
    response = alice_client.post(url, {"action": "hack"}, follow=True)
    assert "Unknown action." in response.content.decode()


def test_fit_scorecard_and_comparison(alice_client, ended_round):
    opportunity = ended_round.opportunity
    page = alice_client.get(reverse("fit", args=[opportunity.pk])).content.decode()
    assert "The manager&#x27;s style" in page and "Pay and benefits" in page
    criteria = list(opportunity.fit_criteria.all())
    data = {"part": "scores"}
    for criterion in criteria:
        data[f"score_{criterion.pk}"] = "4"
        data[f"evidence_{criterion.pk}"] = "Seen on the day"
    alice_client.post(reverse("fit", args=[opportunity.pk]) + f"?round={ended_round.pk}", data)
    assert FitScore.objects.filter(round=ended_round).count() == len(criteria)
    alice_client.post(
        reverse("fit", args=[opportunity.pk]),
        {"part": "verdict", "would_accept": "yes", "reasons": "Great team"},
    )
    assert FitVerdict.objects.get(opportunity=opportunity).would_accept == "yes"
    page = alice_client.get(reverse("compare")).content.decode()
    assert "Northwind Freight" in page and "80%" in page and "<svg" in page


def test_a_score_out_of_range_is_refused(alice_client, ended_round):
    opportunity = ended_round.opportunity
    alice_client.get(reverse("fit", args=[opportunity.pk]))
    criterion = opportunity.fit_criteria.first()
    response = alice_client.post(
        reverse("fit", args=[opportunity.pk]) + f"?round={ended_round.pk}",
        {"part": "scores", f"score_{criterion.pk}": "9"},
    )
    assert "Select a valid choice" in response.content.decode()
    assert not FitScore.objects.exists()


class _FormFields(HTMLParser):
    """The values a browser would send for the page's one POST form."""

    def __init__(self):
        super().__init__()
        self.values: dict[str, str] = {}
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("name") and attrs.get("type") != "submit":
            self.values[attrs["name"]] = attrs.get("value", "")
        elif tag == "textarea":
            self._textarea = attrs["name"]
            self.values[self._textarea] = ""

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.values[self._textarea] += data.removeprefix("\n")


def _fields(response) -> dict[str, str]:
    parser = _FormFields()
    parser.feed(response.content.decode())
    return parser.values


def test_sorting_a_second_persons_notes_keeps_the_first_persons(alice_client, ended_round):
    first, second = ended_round.interviewers.all()[:2]
    page = alice_client.get(reverse("after_notes", args=[ended_round.pk]))
    fields = _fields(page)
    fields[f"q{first.pk}-text"] = "We talked about the new depot in Ohio. He runs marathons."
    page = alice_client.post(reverse("after_notes_sort", args=[first.pk]), fields)
    fields = _fields(page)
    assert "new depot in Ohio" in fields[f"p{first.pk}-discussed"]
    fields[f"q{second.pk}-text"] = "She asked about carrier scorecards."
    page = alice_client.post(reverse("after_notes_sort", args=[second.pk]), fields)
    fields = _fields(page)
    assert "new depot in Ohio" in fields[f"p{first.pk}-discussed"]
    assert "carrier scorecards" in page.content.decode()
    saved = alice_client.post(reverse("after_notes", args=[ended_round.pk]), fields)
    assert saved.status_code == 302
    assert "new depot in Ohio" in InterviewerNote.objects.get(interviewer=first).discussed
    assert "carrier scorecards" in InterviewerNote.objects.get(interviewer=second).discussed


def test_saving_with_an_unsorted_paste_sorts_it_in_instead_of_dropping_it(
    alice_client, ended_round
):
    person = ended_round.interviewers.first()
    fields = _fields(alice_client.get(reverse("after_notes", args=[ended_round.pk])))
    fields[f"q{person.pk}-text"] = "We discussed the cold-chain audit."
    response = alice_client.post(reverse("after_notes", args=[ended_round.pk]), fields, follow=True)
    assert "were sorted into their fields and saved" in response.content.decode()
    assert "cold-chain audit" in InterviewerNote.objects.get(interviewer=person).discussed


def test_sorting_from_an_old_page_keeps_what_is_saved(alice_client, ended_round):
    person = ended_round.interviewers.first()
    InterviewerNote.objects.update_or_create(interviewer=person, defaults={"worries": "Budget"})
    page = alice_client.post(
        reverse("after_notes_sort", args=[person.pk]),
        {f"q{person.pk}-text": "We discussed the cold-chain audit."},
    )
    fields = _fields(page)
    assert fields[f"p{person.pk}-worries"] == "Budget"
    assert "cold-chain audit" in fields[f"p{person.pk}-discussed"]


def test_letters_follow_up_and_brief_carry_the_persons_name(alice_client, alice, ended_round):
    alice.first_name, alice.last_name = "Alice", "Nakamura-Ellis"
    alice.save()
    alice_client.post(reverse("letters_draft", args=[ended_round.pk]))
    for letter in Letter.objects.filter(interviewer__round=ended_round):
        assert letter.body.rstrip().endswith("Alice Nakamura-Ellis")
    follow_up = alice_client.get(reverse("follow_up", args=[ended_round.pk])).content.decode()
    assert "Alice Nakamura-Ellis" in follow_up
    brief = alice_client.get(reverse("brief", args=[ended_round.pk])).content.decode()
    assert "Prepared for Alice Nakamura-Ellis" in brief
    assert "give the name you sign with" not in brief


def test_without_a_name_letters_show_a_gap_never_the_login(alice_client, alice, ended_round):
    assert not alice.get_full_name()
    alice_client.post(reverse("letters_draft", args=[ended_round.pk]))
    for letter in Letter.objects.filter(interviewer__round=ended_round):
        assert letter.body.rstrip().endswith("[Your name]")
        assert "\nalice" not in letter.body
    for page in ("letters", "follow_up", "brief"):
        html = alice_client.get(reverse(page, args=[ended_round.pk])).content.decode()
        assert "give the name you sign with" in html
        assert f'href="{reverse("name_edit")}"' in html


@pytest.mark.parametrize(
    ("typed", "unsaved"),
    [
        ("", False),  # "Sort" on an empty box: nothing new, leaving must not ask
        ("   ", False),
        ("She asked about carrier scorecards.", True),  # typed in another box, not saved
    ],
)
def test_sorting_an_empty_box_marks_the_page_unsaved_only_if_something_is(
    alice_client, ended_round, typed, unsaved
):
    first, second = ended_round.interviewers.all()[:2]
    fields = _fields(alice_client.get(reverse("after_notes", args=[ended_round.pk])))
    fields[f"q{first.pk}-text"] = ""
    fields[f"q{second.pk}-text"] = typed
    page = alice_client.post(reverse("after_notes_sort", args=[first.pk]), fields)
    html = page.content.decode()
    assert f"Paste some notes on {first.name} first." in html
    assert ('data-unsaved="1"' in html) is unsaved
