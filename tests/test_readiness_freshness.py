"""The round readiness is kept between pages (overview.freshness): any change to what it
reads shows on the next page, whichever way it was written.

Each case counts once (the count is kept), makes one change, and expects the readiness
to differ; a table guard fails when the count reads a table whose writes change nothing.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from secondround.brief.models import AskChoice, NinetyDayPlan, SalaryPlan
from secondround.debrief.models import AskedQuestion, Concern, Debrief
from secondround.demo import load_demo
from secondround.followup.models import FollowUp, InterviewerNote, Letter
from secondround.opportunities.models import Opportunity, Round
from secondround.opportunities.services import RosterRow, roster_add_from_invitation
from secondround.overview import selectors
from secondround.overview.freshness import READ_BY_READINESS
from secondround.overview.selectors import round_facts
from secondround.portability.services import account_export, account_import
from secondround.practice.models import Attempt
from secondround.questions import selectors as question_selectors
from secondround.questions.models import OwnQuestion
from secondround.questions.selectors import round_bank
from secondround.questions.services import question_set_prepared
from secondround.research.models import (
    CompanyProfile,
    CompetencyNeed,
    InterviewerResearch,
    SkillNeed,
)
from secondround.sharing.models import Share
from secondround.stories.models import Story
from secondround.stories.services import story_save
from tests.factories import make_interviewer, make_round

pytestmark = pytest.mark.django_db


def _facts(round_):
    """As a page reads it: the round fresh from the database, the count kept if unchanged."""
    fresh = Round.objects.select_related("opportunity").get(pk=round_.pk)
    facts = round_facts(fresh, fresh.opportunity.owner, now=timezone.now())
    return replace(facts, days_left=None)  # the clock's, not the data's


def _person(round_):
    return round_.interviewers.first()


def _earlier(round_):
    return make_round(round_.opportunity, number=1, starts_at=timezone.now() - timedelta(days=9))


def _debriefed(round_):
    debrief = Debrief.objects.create(round=_earlier(round_))
    return AskedQuestion.objects.create(debrief=debrief, text="Tell me about a late delivery.")


def _prepare_first(round_):
    question_set_prepared(round=round_, key=round_bank(round_)[0].key, prepared=True)


def _unprepare_first(round_):
    question_set_prepared(round=round_, key=round_bank(round_)[0].key, prepared=False)


def _add_attempt(round_):
    Attempt.objects.create(
        round=round_, question_key="why", question_text="Why us?", answer_text="Because."
    )


def _bulk_roster(round_):
    row = RosterRow("Sam Lee", "Analyst", "peer", "", None, None)
    roster_add_from_invitation(
        round=round_, rows=[row], day=None, time_zone="UTC", location="", video_link=""
    )


def _import_a_story(round_):
    owner = round_.opportunity.owner
    other = type(owner).objects.create_user("story-source", password="x")
    Story.objects.create(owner=other, title="Cut late deliveries", action="I called carriers.")
    document = account_export(owner=other, now=timezone.now())
    account_import(owner=owner, payload=document, replace=False)


# (what changes, how, and the field of the facts it shows in)
CHANGES = [
    ("a person added", lambda r: make_interviewer(r, title="", relation="other"), "people"),
    ("a person's relation", lambda r: _save(_person(r), relation="other"), "people_complete"),
    ("a person removed", lambda r: _person(r).delete(), "people"),
    ("a roster pasted (bulk)", _bulk_roster, "people"),
    (
        "a person researched",
        lambda r: InterviewerResearch.objects.create(
            interviewer=_person(r), background="Ran the depot."
        ),
        "people_researched",
    ),
    (
        "notes on a person",
        lambda r: InterviewerNote.objects.create(interviewer=_person(r), worries="Night shifts."),
        "people_with_notes",
    ),
    (
        "a letter sent",
        lambda r: Letter.objects.create(
            interviewer=_person(r), subject="Thanks", body="…", sent_at=timezone.now()
        ),
        "letters_sent",
    ),
    (
        "a question to ask",
        lambda r: AskChoice.objects.create(interviewer=_person(r), text="Who will I work with?"),
        "people_with_own_questions",
    ),
    ("an earlier round", _earlier, "earlier_round"),
    ("a debrief question", _debriefed, "debrief_questions"),
    ("a question prepared", _prepare_first, "likely_prepared"),
    (
        "a story",
        lambda r: story_save(
            story=Story(
                owner=r.opportunity.owner, title="Cut late deliveries", action="I called carriers."
            )
        ),
        "stories",
    ),
    ("a story imported", _import_a_story, "stories"),
    ("a practice answer", _add_attempt, "practised"),
    (
        "the company researched",
        lambda r: CompanyProfile.objects.create(opportunity=r.opportunity, industry="Freight"),
        "company_researched",
    ),
    (
        "a 90-day plan",
        lambda r: NinetyDayPlan.objects.create(opportunity=r.opportunity, learn="The network."),
        "plan",
    ),
    (
        "a salary target",
        lambda r: SalaryPlan.objects.create(opportunity=r.opportunity, target=70000),
        "salary_target",
    ),
    (
        "a follow-up date",
        lambda r: FollowUp.objects.create(
            round=r, decision_expected_on=timezone.localdate() + timedelta(days=7)
        ),
        "follow_up_set",
    ),
    (
        "the round's place (in memory before)",
        lambda r: _save(r, location="", video_link=""),
        "brief_ready",
    ),
]


NOT_IN_THE_DEMO = {
    CompetencyNeed: lambda o: CompetencyNeed.objects.create(
        opportunity=o, competency="teamwork", weight=1.0
    ),
    SkillNeed: lambda o: SkillNeed.objects.create(opportunity=o, name="SQL"),
    OwnQuestion: lambda o: OwnQuestion.objects.create(
        round=o.rounds.first(), text="Why now?", competency="motivation", kind="motivation"
    ),
}


def _save(row, **values):
    for name, value in values.items():
        setattr(row, name, value)
    row.save()
    return row


@pytest.mark.parametrize(
    ("change", "field"), [(c[1], c[2]) for c in CHANGES], ids=[c[0] for c in CHANGES]
)
def test_a_change_shows_in_the_next_readiness(alice_round, change, field):
    alice_round.location = "233 S Wacker Dr"
    alice_round.save()
    before = _facts(alice_round)
    assert _facts(alice_round) == before  # kept
    change(alice_round)
    after = _facts(alice_round)
    assert getattr(after, field) != getattr(before, field)
    selectors._FACTS.clear()
    question_selectors._BANKS_BY_VERSION.clear()
    assert _facts(alice_round) == after  # what a count from nothing gives


def test_undoing_a_change_shows_too(alice_round):
    _prepare_first(alice_round)
    prepared = _facts(alice_round).likely_prepared
    _unprepare_first(alice_round)
    assert _facts(alice_round).likely_prepared == prepared - 1


def test_the_count_is_kept_while_nothing_changes_and_time_still_passes(
    alice_round, django_assert_max_num_queries
):
    fresh = Round.objects.select_related("opportunity").get(pk=alice_round.pk)
    first = round_facts(fresh, fresh.opportunity.owner, now=timezone.now())
    later = timezone.now() + timedelta(days=10)
    with django_assert_max_num_queries(1):
        kept = round_facts(fresh, fresh.opportunity.owner, now=later)
    assert kept.ended and not first.ended
    assert kept.days_left < first.days_left
    # Another candidate's change leaves this count kept.
    other = make_round(
        Opportunity.objects.create(
            owner=alice_round.opportunity.owner.__class__.objects.create_user(
                "other", password="x"
            ),
            company="Other",
            role_title="Analyst",
        )
    )
    make_interviewer(other)
    with django_assert_max_num_queries(1):
        round_facts(fresh, fresh.opportunity.owner, now=later)


def test_every_table_the_readiness_reads_changes_the_version():
    """A new read in round_facts fails here until its model is in READ_BY_READINESS."""
    user, _ = load_demo(now=timezone.now())
    round_ = Round.objects.select_related("opportunity").get(
        opportunity__owner=user, opportunity__company="Northwind Freight", number=2
    )
    selectors._FACTS.clear()
    question_selectors._BANKS_BY_VERSION.clear()
    with CaptureQueriesContext(connection) as captured:
        round_facts(round_, user, now=timezone.now())
    tables = {
        table
        for query in captured.captured_queries
        for table in re.findall(r'(?:FROM|JOIN) "(\w+)"', query["sql"])
    }
    by_table = {model._meta.db_table: model for model in apps.get_models()}
    read = {by_table[table] for table in tables}
    watched = set(READ_BY_READINESS) | {Opportunity}
    assert len(read) >= 15
    assert read <= watched, read - watched


@pytest.mark.parametrize("model", list(READ_BY_READINESS), ids=lambda m: m.__name__)
def test_saving_or_deleting_any_row_the_readiness_reads_changes_the_version(model):
    user, _ = load_demo(now=timezone.now())
    northwind = Opportunity.objects.get(owner=user, company="Northwind Freight")
    path = READ_BY_READINESS[model]
    row = model.objects.filter(**{path: northwind}).first()
    if row is None:  # not in the demo
        row = NOT_IN_THE_DEMO[model](northwind)

    def version() -> int:
        return Opportunity.objects.get(pk=northwind.pk).data_version

    before = version()
    row.save()
    saved = version()
    assert saved != before
    row.delete()
    assert version() not in (before, saved)


def test_the_pages_show_a_change_at_once(alice, alice_client, bob, alice_round):
    """The candidate's round page and dashboard, and the coach's pages, after a change."""
    Share.objects.create(owner=alice, opportunity=alice_round.opportunity, grantee=bob, bank=True)
    from django.test import Client

    coach = Client()
    coach.force_login(bob)
    pages = [
        (alice_client, reverse("round_detail", args=[alice_round.pk])),
        (alice_client, reverse("dashboard")),
        (coach, reverse("shared_opportunity", args=[alice_round.opportunity_id])),
        (coach, reverse("shared_home")),
    ]

    def readiness() -> list[str]:
        found = []
        for client, url in pages:
            page = client.get(url).content.decode()
            found.append(re.search(r"(\d+)% ready", page).group(1))
        return found

    before = readiness()
    assert readiness() == before
    alice_client.post(
        reverse("question_prepared", args=[alice_round.pk]),
        {"key": round_bank(alice_round)[0].key, "prepared": "1", "next": ""},
    )
    for key in [q.key for q in round_bank(alice_round)[1:20]]:
        question_set_prepared(round=alice_round, key=key, prepared=True)
    after = readiness()
    assert all(int(a) > int(b) for a, b in zip(after, before, strict=True)), (before, after)


def _concern(round_):
    debrief = Debrief.objects.create(round=_earlier(round_))
    Concern.objects.create(debrief=debrief, said="They asked twice about night-shift cover.")


BANK_CHANGES = [
    ("a question asked in round one", _debriefed),
    ("a concern they signalled", _concern),
    (
        "a question of my own",
        lambda r: OwnQuestion.objects.create(
            round=r,
            text="How would you plan a peak-season roster?",
            competency="teamwork",
            kind="behavioral",
        ),
    ),
    ("a person on the roster", lambda r: make_interviewer(r, name="Priya Raman", relation="peer")),
    ("the posting", lambda r: _save(r.opportunity, posting_text="Own the SQL reporting.")),
]


@pytest.mark.parametrize("change", [c[1] for c in BANK_CHANGES], ids=[c[0] for c in BANK_CHANGES])
def test_a_change_shows_in_the_next_bank_page(alice_client, alice_round, change):
    url = reverse("bank", args=[alice_round.pk])

    def page() -> str:  # but for the per-request CSRF tokens
        html = alice_client.get(url).content.decode()
        return re.sub(r'(csrfmiddlewaretoken" value=|"X-CSRFToken": )"[^"]+"', "", html)

    before = page()
    assert page() == before  # kept
    change(alice_round)
    assert page() != before
