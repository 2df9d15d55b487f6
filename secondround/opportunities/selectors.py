"""Reads that need more than one line; all scoped to an owner."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Min, OuterRef, Q, QuerySet, Subquery

from secondround.engine.drafting.plan90 import duty_goal
from secondround.engine.nlp.dates import DayWarning, interview_day_warning, shifted
from secondround.engine.nlp.entities import kind_in_sentence
from secondround.engine.reading.posting import posting_sections
from secondround.engine.reading.posting_analysis import analyse_posting, analysis_as_json

from .models import Opportunity, Round

ASSUMED_ROUND_LENGTH = timedelta(hours=1)


@dataclass(frozen=True)
class DashboardRow:
    opportunity: Opportunity
    next_round: Round | None
    round_count: int


def _upcoming_rounds(now: datetime) -> QuerySet[Round]:
    return Round.objects.filter(opportunity=OuterRef("pk"), starts_at__gte=now).order_by(
        "starts_at"
    )


def dashboard_rows(owner: AbstractBaseUser, *, now: datetime, archived: bool) -> list[DashboardRow]:
    """Opportunities with their next interview; soonest interview first, then the rest.

    Two queries whatever the number of opportunities: one for the list, one for the
    next rounds it names.
    """
    opportunities = list(
        Opportunity.objects.filter(owner=owner, archived_at__isnull=not archived)
        .annotate(
            next_round_id=Subquery(_upcoming_rounds(now).values("pk")[:1]),
            next_starts_at=Min("rounds__starts_at", filter=Q(rounds__starts_at__gte=now)),
            round_count=Count("rounds", distinct=True),
        )
        .order_by("-updated_at")
    )
    round_ids = [opp.next_round_id for opp in opportunities if opp.next_round_id]
    rounds = Round.objects.in_bulk(round_ids)
    for opp in opportunities:  # each round's opportunity is the one read here, not read again
        if opp.next_round_id in rounds:
            rounds[opp.next_round_id].opportunity = opp
    ordered = sorted(
        opportunities,
        key=lambda opp: (opp.next_starts_at is None, opp.next_starts_at or now),
    )
    return [
        DashboardRow(
            opportunity=opp,
            next_round=rounds.get(opp.next_round_id),
            round_count=opp.round_count,
        )
        for opp in ordered
    ]


def round_date_warning(round_: Round, *, now: datetime) -> DayWarning | None:
    """The warning for a round dated in the past, years back or years ahead, if any.

    Both days are read in the round's zone: "today" in Chicago, for a round in Chicago.
    """
    day, today = round_.local_day(), round_.local(now)
    if round_.starts_at and day is None:  # stored before years were bounded
        return DayWarning(
            "This date cannot be shown in the round's time zone: check the year.", True
        )
    return interview_day_warning(day, today.date()) if day and today else None


def round_end(round_: Round) -> datetime | None:
    """When the round ended: its end time, the last slot's end, or an hour after it began."""
    if round_.ends_at:
        return round_.ends_at
    slot_ends = [person.ends_at for person in round_.interviewers.all() if person.ends_at]
    if slot_ends:
        return max(slot_ends)
    if round_.starts_at is None:
        return None
    return shifted(round_.starts_at, ASSUMED_ROUND_LENGTH) or round_.starts_at


@dataclass(frozen=True)
class PostingReading:
    """What the posting asks for, as the posting reader found it."""

    competencies: tuple[tuple[str, float, str], ...]  # (competency id, weight, evidence)
    skills: tuple[tuple[str, str, str], ...]  # (name, evidence, type: tool, procedure…)
    # A skill name its own sentence shows is no skill ("Study support provided": not a
    # skill; "Work with housekeeping": an organisation), to that kind (entities.Kind).
    not_skills: dict[str, str]
    # The posting's responsibilities as plan goals (plan90.duty_goal), in order.
    duty_goals: tuple[str, ...]


READING_VERSION = "5"  # a reading saved in an older shape is read again


def posting_digest(text: str) -> str:
    return hashlib.sha1(f"{READING_VERSION}\n{text}".encode(), usedforsecurity=False).hexdigest()


def read_posting(text: str) -> dict[str, Any]:
    """The posting reader's analysis as JSON, each skill with what its sentence shows it
    is when that is not a skill (`kind_in_sentence`, "" when nothing), and the duties as
    plan goals (`duty_goals`)."""
    reading = analysis_as_json(analyse_posting(text))
    for skill in reading["skills"]:
        found = kind_in_sentence(str(skill["name"]), str(skill.get("evidence") or ""))
        skill["kind_in_sentence"] = str(found) if found else ""
    reading["duty_goals"] = [duty_goal(duty) for duty in posting_sections(text).responsibilities]
    return reading


def posting_reading(opportunity: Opportunity) -> PostingReading:
    """The reading saved with the posting (services.posting_read), or, when the posting
    changed since or was never read, the posting read now (a few hundred milliseconds)."""
    text = opportunity.posting_text or ""
    fresh = opportunity.posting_read_digest == posting_digest(text) and opportunity.posting_reading
    reading = opportunity.posting_reading if fresh else read_posting(text)
    skills = reading.get("skills", [])
    return PostingReading(
        competencies=tuple(
            (str(c["id"]), float(c["weight"]), str(c.get("evidence") or ""))
            for c in reading.get("competencies", [])
        ),
        skills=tuple(
            (str(s["name"]), str(s.get("evidence") or ""), str(s.get("type") or "")) for s in skills
        ),
        duty_goals=tuple(str(goal) for goal in reading.get("duty_goals", [])),
        not_skills={
            str(s["name"]): str(s["kind_in_sentence"]) for s in skills if s.get("kind_in_sentence")
        },
    )
