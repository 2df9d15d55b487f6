"""Reads after a round: what is due, and how the jobs compare."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.contrib.auth.models import AbstractBaseUser

from secondround.engine.drafting.deadlines import LATE_AFTER, ThankYouState, thank_you_status
from secondround.opportunities.models import Interviewer, Opportunity, Round
from secondround.opportunities.selectors import round_end

from .models import FitCriterion, FitScore, FollowUp

# Rounds that started this long ago may still have letters due or overdue (a loop that
# lasts all day, then the 24 hours, then LATE_AFTER); older ones are late, not due.
LETTER_WINDOW = LATE_AFTER + timedelta(days=2)


@dataclass(frozen=True)
class LetterDue:
    interviewer: Interviewer
    round: Round
    deadline: datetime
    left: str
    overdue: bool
    drafted: bool


def letters_due(owner: AbstractBaseUser, now: datetime) -> list[LetterDue]:
    """Every interviewer of an ended round whose letter is due or overdue and not yet sent.

    A letter more than LATE_AFTER past its deadline is late, not urgent: it leaves the list.
    """
    rounds = (
        Round.objects.filter(
            opportunity__owner=owner,
            opportunity__archived_at__isnull=True,
            starts_at__lte=now,
            starts_at__gte=now - LETTER_WINDOW,
        )
        .select_related("opportunity")
        .prefetch_related("interviewers__letter")
    )
    due = []
    for round_ in rounds:
        ended = round_end(round_)
        status = thank_you_status(ended, now) if ended else None
        if status is None or status.state not in (ThankYouState.DUE, ThankYouState.OVERDUE):
            continue
        deadline = status.deadline or ended  # due and overdue letters always have a deadline
        for person in round_.interviewers.all():
            letter = getattr(person, "letter", None)
            if letter and letter.sent_at:
                continue
            due.append(
                LetterDue(
                    interviewer=person,
                    round=round_,
                    deadline=deadline,
                    left=status.text,
                    overdue=status.state is ThankYouState.OVERDUE,
                    drafted=letter is not None,
                )
            )
    return sorted(due, key=lambda item: item.deadline)


def follow_ups_due(owner: AbstractBaseUser, today: date) -> list[FollowUp]:
    return list(
        FollowUp.objects.filter(
            round__opportunity__owner=owner,
            outcome=FollowUp.Outcome.WAITING,
            sent_at__isnull=True,
            follow_up_on__isnull=False,
            follow_up_on__lte=today + timedelta(days=2),
        )
        .select_related("round__opportunity")
        .order_by("follow_up_on")
    )


@dataclass(frozen=True)
class Scorecard:
    opportunity: Opportunity
    criteria: list[FitCriterion]
    latest: dict[int, FitScore]  # criterion id -> its latest score
    percent: int | None  # weighted score of the latest scores, 0–100


def scorecard(opportunity: Opportunity, criteria: list[FitCriterion]) -> Scorecard:
    scores = (
        FitScore.objects.filter(criterion__in=criteria)
        .select_related("round")
        .order_by("round__number")
    )
    latest: dict[int, FitScore] = {}
    for score in scores:
        latest[score.criterion_id] = score  # later rounds override earlier ones
    weights = {c.pk: c.weight for c in criteria}
    scored = [(weights[key], score.score) for key, score in latest.items() if key in weights]
    total = sum(weight * 5 for weight, _ in scored)
    percent = (
        round(100 * sum(weight * value for weight, value in scored) / total) if total else None
    )
    return Scorecard(opportunity=opportunity, criteria=criteria, latest=latest, percent=percent)


@dataclass(frozen=True)
class Comparison:
    names: list[str]  # criterion names, in first-seen order
    cards: list[Scorecard]

    def cell(self, card: Scorecard, name: str) -> int | None:
        for criterion in card.criteria:
            if criterion.name == name and criterion.pk in card.latest:
                return card.latest[criterion.pk].score
        return None


def comparison(owner: AbstractBaseUser) -> Comparison:
    opportunities = Opportunity.objects.filter(
        owner=owner, archived_at__isnull=True, fit_criteria__isnull=False
    ).distinct()
    cards = []
    names: list[str] = []
    for opportunity in opportunities:
        criteria = list(opportunity.fit_criteria.all())
        cards.append(scorecard(opportunity, criteria))
        names += [c.name for c in criteria if c.name not in names]
    return Comparison(names=names, cards=cards)
