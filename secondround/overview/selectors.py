"""Reads across every area app: the facts of a round's preparation path, and what is due."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, prefetch_related_objects

from secondround.brief.models import AskChoice, NinetyDayPlan, SalaryPlan
from secondround.debrief.models import AskedQuestion
from secondround.engine.overview.readiness import RoundFacts, RoundPath, round_path
from secondround.engine_results import ResultCache
from secondround.followup.models import FollowUp, InterviewerNote, Letter
from secondround.followup.selectors import follow_ups_due, letters_due
from secondround.opportunities.models import Interviewer, Opportunity, Round
from secondround.opportunities.selectors import DashboardRow, dashboard_rows, round_end
from secondround.practice.models import Attempt
from secondround.questions.selectors import posting_needs, prepared_keys, round_bank
from secondround.research.models import CompanyProfile, InterviewerResearch
from secondround.stories.selectors import owner_stories, round_coverage

# The bank's first questions, illegal and off-the-wall ones aside, are the likely ones.
LIKELY_QUESTIONS = 20
NOT_LIKELY_KINDS = frozenset({"illegal", "curveball"})
# A round this close with no practice is due now.
SOON = timedelta(days=2)
# The dashboard shows readiness for the soonest interviews only: each costs the round's
# question bank and a dozen queries, and the later ones can wait for their own page.
DASHBOARD_READINESS = 5


def _filled(instance: object, fields: tuple[str, ...]) -> bool:
    return instance is not None and any(str(getattr(instance, f) or "").strip() for f in fields)


def _read_roster(round_: Round) -> None:
    """The round's people, each marked researched / with own questions / with notes / with
    a letter sent: one query for what took five, kept as the round's `interviewers` so
    that the bank's roster and round_end read the same rows. The round must not have its
    interviewers prefetched already (its people would lack the marks)."""
    people = Interviewer.objects.annotate(
        researched=Exists(
            InterviewerResearch.objects.filter(interviewer=OuterRef("pk")).exclude(
                background="", shared_experience="", talking_points="", profile_notes=""
            )
        ),
        has_own_questions=Exists(AskChoice.objects.filter(interviewer=OuterRef("pk"))),
        has_notes=Exists(
            InterviewerNote.objects.filter(interviewer=OuterRef("pk")).exclude(
                Q(discussed="") & Q(cares_about="") & Q(worries="")
            )
        ),
        letter_sent=Exists(
            Letter.objects.filter(interviewer=OuterRef("pk"), sent_at__isnull=False)
        ),
    )
    prefetch_related_objects([round_], Prefetch("interviewers", queryset=people))


@dataclass(frozen=True)
class _Counted:
    facts: RoundFacts  # days_left and ended as when counted: set again on every read
    ends: datetime | None


# The facts of the rounds counted lately, by (round, owner, the opportunity's data_version):
# a few hundred bytes each.
_FACTS: ResultCache[_Counted] = ResultCache(size=4096)


def round_facts(round_: Round, owner: AbstractBaseUser, *, now: datetime) -> RoundFacts:
    """Everything the path counts for one round: counted again only when something it
    reads has changed (see freshness), else one query for the opportunity's version."""
    version = (
        Opportunity.objects.filter(pk=round_.opportunity_id)
        .values_list("data_version", flat=True)
        .first()
    )
    if version is None:
        counted = _count(round_, owner)
    else:
        counted = _FACTS.get(_key(round_, owner, version), lambda: _count(round_, owner))
    return replace(
        counted.facts,
        days_left=((round_.starts_at - now).total_seconds() / 86400 if round_.starts_at else None),
        ended=counted.ends is not None and counted.ends <= now,
    )


def _key(round_: Round, owner: AbstractBaseUser, version: int) -> tuple:
    """The version, and what the count reads of the round and opportunity in memory: they
    may have been read before a change that gave the version, so they are part of the key."""
    opportunity = round_.opportunity
    return (
        (round_.pk, round_.number, round_.starts_at, round_.ends_at),
        (round_.location, round_.video_link),
        (opportunity.pk, opportunity.company, opportunity.posting_text),
        owner.pk,
        version,
    )


def _count(round_: Round, owner: AbstractBaseUser) -> _Counted:
    """The facts, read (about twenty queries; the bank and the matching are cached). Each
    row is read once, whichever of the bank, the coverage or the counts below needs it."""
    opportunity = round_.opportunity
    _read_roster(round_)
    people = list(round_.interviewers.all())
    earlier = (
        Round.objects.filter(opportunity=opportunity, number__lt=round_.number)
        .order_by("-number")
        .first()
    )
    debrief = (
        AskedQuestion.objects.filter(debrief__round=earlier).aggregate(
            asked=Count("pk"), struggled=Count("pk", filter=Q(went=AskedQuestion.Went.STRUGGLED))
        )
        if earlier
        else {"asked": 0, "struggled": 0}
    )
    needs = posting_needs(opportunity)
    bank = round_bank(round_, needs=needs)
    likely = [q for q in bank if q.kind not in NOT_LIKELY_KINDS][:LIKELY_QUESTIONS]
    likely_keys = {q.key for q in likely}
    stories = owner_stories(owner)
    without_story = 0
    if stories:
        coverage = round_coverage(round_, owner, bank=bank, stories=stories, needs=needs)
        without_story = sum(
            1
            for item in coverage.questions
            if item.question.key in likely_keys and not item.matches.covered
        )
    practice = Attempt.objects.filter(round=round_, status=Attempt.Status.DONE).aggregate(
        done=Count("pk"), spoken=Count("pk", filter=~Q(audio=""))
    )
    follow_up = FollowUp.objects.filter(round=round_).first()
    facts = RoundFacts(
        days_left=None,
        ended=False,
        people=len(people),
        people_complete=sum(1 for p in people if p.title.strip() and p.relation != "other"),
        earlier_round=earlier is not None,
        debrief_questions=debrief["asked"],
        debrief_struggled=debrief["struggled"],
        company_researched=_filled(
            CompanyProfile.objects.filter(opportunity=opportunity).first(),
            ("industry", "products", "launches", "competitors", "values"),
        ),
        people_researched=sum(1 for person in people if person.researched),
        likely_questions=len(likely),
        likely_prepared=len(likely_keys & prepared_keys(round_)),
        likely_without_story=without_story,
        stories=len(stories),
        practised=practice["done"],
        practised_spoken=practice["spoken"],
        people_with_own_questions=sum(1 for person in people if person.has_own_questions),
        plan=_filled(
            NinetyDayPlan.objects.filter(opportunity=opportunity).first(),
            ("learn", "contribute", "lead"),
        ),
        salary_target=SalaryPlan.objects.filter(
            opportunity=opportunity, target__isnull=False
        ).exists(),
        brief_ready=round_.starts_at is not None
        and bool(round_.location.strip() or round_.video_link.strip()),
        people_with_notes=sum(1 for person in people if person.has_notes),
        letters_sent=sum(1 for person in people if person.letter_sent),
        follow_up_set=follow_up is not None and follow_up.decision_expected_on is not None,
    )
    return _Counted(facts, round_end(round_))


def round_readiness(round_: Round, owner: AbstractBaseUser, *, now: datetime) -> RoundPath:
    return round_path(round_facts(round_, owner, now=now))


@dataclass(frozen=True)
class DashboardEntry:
    row: DashboardRow
    path: RoundPath | None  # for the next round only


def dashboard_entries(
    owner: AbstractBaseUser, *, now: datetime, archived: bool
) -> list[DashboardEntry]:
    """Each opportunity with its next interview, and the readiness of the soonest ones."""
    entries = []
    shown = 0
    for row in dashboard_rows(owner, now=now, archived=archived):  # soonest first
        path = None
        if row.next_round and not archived and shown < DASHBOARD_READINESS:
            path = round_readiness(row.next_round, owner, now=now)
            shown += 1
        entries.append(DashboardEntry(row, path))
    return entries


@dataclass(frozen=True)
class Due:
    letters: list
    follow_ups: list
    unpractised: list[Round]  # rounds within two days with no practice

    def __bool__(self) -> bool:
        return bool(self.letters or self.follow_ups or self.unpractised)


def due_now(owner: AbstractBaseUser, *, now: datetime, today: date) -> Due:
    soon = (
        Round.objects.filter(
            opportunity__owner=owner,
            opportunity__archived_at__isnull=True,
            starts_at__gt=now,
            starts_at__lte=now + SOON,
        )
        .exclude(attempts__status=Attempt.Status.DONE)
        .select_related("opportunity")
        .order_by("starts_at")
    )
    return Due(letters_due(owner, now), follow_ups_due(owner, today), list(soon))
