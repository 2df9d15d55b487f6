"""The dashboard and the round page: where each round's preparation path is shown."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import prefetch_related_objects
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from secondround.engine.overview.readiness import RoundPath, Step
from secondround.opportunities.access import get_opportunity_for_user, get_round_for_user
from secondround.opportunities.forms import InvitationPasteForm
from secondround.opportunities.models import Round
from secondround.opportunities.selectors import round_date_warning, round_end
from secondround.practice.models import Attempt
from secondround.practice.services import recordings_forget

from . import selectors


@dataclass(frozen=True)
class StepLink:
    step: Step
    url: str
    more: tuple[tuple[str, str], ...] = ()  # other pages of the same step: (label, url)


def _step_links(round_: Round, path: RoundPath) -> list[StepLink]:
    """Each step of the path with the page where it is done."""
    opportunity = round_.opportunity
    earlier = (
        Round.objects.filter(opportunity=opportunity, number__lt=round_.number)
        .order_by("-number")
        .first()
    )
    urls = {
        "roster": f"{round_.get_absolute_url()}#roster",
        "debrief": reverse("debrief_detail", args=[earlier.pk if earlier else round_.pk]),
        "research": reverse("research_home", args=[opportunity.pk]),
        "questions": reverse("bank", args=[round_.pk]),
        "stories": reverse("coverage", args=[round_.pk]),
        "practice": reverse("practice_home", args=[round_.pk]),
        "day": reverse("ask", args=[round_.pk]),
        "brief": reverse("brief", args=[round_.pk]),
        "after": reverse("after_notes", args=[round_.pk]),
    }
    more = {
        "day": (
            ("the 30/60/90-day plan", reverse("plan", args=[opportunity.pk])),
            ("salary", reverse("salary", args=[opportunity.pk])),
        ),
        "after": (
            ("thank-you letters", reverse("letters", args=[round_.pk])),
            ("follow-up", reverse("follow_up", args=[round_.pk])),
        ),
    }
    return [StepLink(step, urls[step.key], more.get(step.key, ())) for step in path.steps]


@login_required
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    archived = request.GET.get("archived") == "1"
    now = timezone.now()
    return render(
        request,
        "overview/dashboard.html",
        {
            "entries": selectors.dashboard_entries(request.user, now=now, archived=archived),
            "archived": archived,
            "now": now,
            "due": selectors.due_now(request.user, now=now, today=timezone.localdate()),
        },
    )


@login_required
@require_GET
def round_detail(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = get_round_for_user(request, pk)
    now = timezone.now()
    path = selectors.round_readiness(round_, request.user, now=now)
    # The roster for the page and round_end: read by the readiness count unless it was kept.
    prefetch_related_objects([round_], "interviewers")
    warning = round_date_warning(round_, now=now)
    links = _step_links(round_, path)
    return render(
        request,
        "overview/round.html",
        {
            "round": round_,
            "opportunity": round_.opportunity,
            "interviewers": round_.interviewers.all(),
            "paste_form": InvitationPasteForm(),
            "path": path,
            "steps": links,
            "next_link": next((link for link in links if link.step == path.next_step), None),
            "round_over": (ended := round_end(round_)) is not None and ended <= now,
            # A round held last week is normal; only a date years away stays flagged here.
            "date_warning": warning if warning and warning.implausible else None,
        },
    )


# Deleting reaches every area (recordings included), so it lives here, above them all.
@login_required
@require_POST
def opportunity_delete(request: HttpRequest, pk: int) -> HttpResponse:
    opportunity = get_opportunity_for_user(request, pk)
    if request.POST.get("confirm") != opportunity.company:
        messages.error(request, "Type the company name exactly to delete this opportunity.")
        return redirect("opportunity_edit", pk=opportunity.pk)
    with transaction.atomic():  # the recordings go once the rows are gone for good
        recordings_forget(Attempt.objects.filter(round__opportunity=opportunity))
        opportunity.delete()
    messages.success(request, f"Deleted {opportunity} and its rounds.")
    return redirect("dashboard")


@login_required
@require_POST
def round_delete(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = get_round_for_user(request, pk)
    opportunity = round_.opportunity
    with transaction.atomic():
        recordings_forget(Attempt.objects.filter(round=round_))
        round_.delete()
    messages.success(request, f"Deleted the {round_.label.lower()}.")
    return redirect(opportunity)
