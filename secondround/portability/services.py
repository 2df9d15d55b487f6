"""Export a whole account to one JSON document and import it back, losslessly."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

import secondround
from secondround.opportunities.models import Interviewer, Opportunity, Round

from .schema import (
    FORMAT_NAME,
    FORMAT_VERSION,
    INTERVIEWER_FIELDS,
    OPPORTUNITY_FIELDS,
    ROUND_FIELDS,
    validate_export,
)


def _moment(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _as_plain(instance: Any, fields: dict) -> dict:
    plain = {}
    for name in fields:
        value = getattr(instance, name)
        plain[name] = value.isoformat() if isinstance(value, datetime) else value
    return plain


def account_export(*, owner: AbstractBaseUser, now: datetime) -> dict:
    opportunities = Opportunity.objects.filter(owner=owner).order_by("created_at", "pk")
    rounds = Round.objects.filter(opportunity__owner=owner).order_by("number")
    interviewers = Interviewer.objects.filter(round__opportunity__owner=owner)
    rounds_by_opportunity: dict[int, list[Round]] = {}
    for round_ in rounds:
        rounds_by_opportunity.setdefault(round_.opportunity_id, []).append(round_)
    people_by_round: dict[int, list[Interviewer]] = {}
    for person in interviewers.order_by("position", "pk"):
        people_by_round.setdefault(person.round_id, []).append(person)
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "app_version": secondround.__version__,
        "exported_at": now.isoformat(),
        "opportunities": [
            {
                **_as_plain(opportunity, OPPORTUNITY_FIELDS),
                "rounds": [
                    {
                        **_as_plain(round_, ROUND_FIELDS),
                        "interviewers": [
                            _as_plain(person, INTERVIEWER_FIELDS)
                            for person in people_by_round.get(round_.pk, [])
                        ],
                    }
                    for round_ in rounds_by_opportunity.get(opportunity.pk, [])
                ],
            }
            for opportunity in opportunities
        ],
    }


def _values(item: dict, fields: dict) -> dict:
    return {name: _moment(item[name]) if name.endswith("_at") else item[name] for name in fields}


@transaction.atomic
def account_import(*, owner: AbstractBaseUser, payload: Any, replace: bool) -> int:
    """Add (or, with replace, substitute) everything in an export; return opportunities added.

    Validation runs first and the writes share one transaction: a bad file changes nothing.
    """
    validate_export(payload)
    if replace:
        Opportunity.objects.filter(owner=owner).delete()
    for item in payload["opportunities"]:
        values = _values(item, OPPORTUNITY_FIELDS)
        opportunity = Opportunity.objects.create(owner=owner, **values)
        # auto_now fields ignore given values on create; restore the exported ones.
        Opportunity.objects.filter(pk=opportunity.pk).update(
            created_at=values["created_at"], updated_at=values["updated_at"]
        )
        for round_item in item["rounds"]:
            round_values = _values(round_item, ROUND_FIELDS)
            round_ = Round.objects.create(opportunity=opportunity, **round_values)
            Round.objects.filter(pk=round_.pk).update(created_at=round_values["created_at"])
            Interviewer.objects.bulk_create(
                Interviewer(round=round_, **_values(person, INTERVIEWER_FIELDS))
                for person in round_item["interviewers"]
            )
    return len(payload["opportunities"])
