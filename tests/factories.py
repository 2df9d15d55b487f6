"""Small factories: each makes one valid object and lets a test override what it cares about."""

from __future__ import annotations

import itertools
import zoneinfo
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from secondround.opportunities.models import Interviewer, Opportunity, Round

_sequence = itertools.count(1)
PASSWORD = "correct-horse-battery"


def make_user(username: str | None = None):
    return get_user_model().objects.create_user(
        username or f"user{next(_sequence)}", password=PASSWORD
    )


def make_opportunity(owner, **overrides) -> Opportunity:
    values = {
        "company": f"Company {next(_sequence)}",
        "role_title": "Operations Analyst",
        "posting_text": "Analyse data. Work across departments.",
        "status": Opportunity.Status.INTERVIEWING,
    }
    return Opportunity.objects.create(owner=owner, **(values | overrides))


def make_round(opportunity: Opportunity, **overrides) -> Round:
    number = overrides.pop("number", None) or (opportunity.rounds.count() + 1)
    starts = overrides.pop("starts_at", (timezone.now() + timedelta(days=3)).replace(microsecond=0))
    values = {
        "number": number,
        "starts_at": starts,
        "ends_at": starts + timedelta(hours=2) if starts else None,
        "time_zone": "Europe/London",
        "format": Round.Format.PANEL,
    }
    return Round.objects.create(opportunity=opportunity, **(values | overrides))


def make_interviewer(round: Round, **overrides) -> Interviewer:
    values = {
        "name": f"Person {next(_sequence)}",
        "title": "Head of Finance",
        "relation": "hiring_manager",
        "position": round.interviewers.count(),
    }
    return Interviewer.objects.create(round=round, **(values | overrides))


def local(year: int, month: int, day: int, hour: int, minute: int, zone: str) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=zoneinfo.ZoneInfo(zone))
