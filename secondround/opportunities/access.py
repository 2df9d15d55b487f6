"""The rounds' own lookups (secondround.accounts.access.get_owned): an outsider's id is
simply not found (404)."""

from __future__ import annotations

from django.http import HttpRequest

from secondround.accounts.access import get_owned

from .models import Interviewer, Opportunity, Round


def get_opportunity_for_user(request: HttpRequest, pk: int) -> Opportunity:
    return get_owned(Opportunity, request.user, pk=pk)


def get_round_for_user(request: HttpRequest, pk: int) -> Round:
    return get_owned(Round.objects.select_related("opportunity"), request.user, pk=pk)


def get_interviewer_for_user(request: HttpRequest, pk: int) -> Interviewer:
    return get_owned(Interviewer.objects.select_related("round__opportunity"), request.user, pk=pk)
