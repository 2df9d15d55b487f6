"""Owner-scoped lookups shared by every area: an outsider's id is simply not found (404)."""

from __future__ import annotations

from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from .models import Interviewer, Opportunity, Round


def get_opportunity_for_user(request: HttpRequest, pk: int) -> Opportunity:
    return get_object_or_404(Opportunity, pk=pk, owner=request.user)


def get_round_for_user(request: HttpRequest, pk: int) -> Round:
    return get_object_or_404(
        Round.objects.select_related("opportunity"), pk=pk, opportunity__owner=request.user
    )


def get_interviewer_for_user(request: HttpRequest, pk: int) -> Interviewer:
    return get_object_or_404(
        Interviewer.objects.select_related("round__opportunity"),
        pk=pk,
        round__opportunity__owner=request.user,
    )
