"""Questions to ask, the 90-day plan, salary, and the brief for the day."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Max
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from secondround.accounts.access import get_owned
from secondround.downloads import attachment
from secondround.opportunities.access import (
    get_interviewer_for_user,
    get_opportunity_for_user,
    get_round_for_user,
)
from secondround.opportunities.models import Interviewer

from . import selectors
from .exports import PdfUnavailable, brief_ics, brief_pdf
from .forms import (
    AskAddForm,
    AskEditForm,
    AskPinForm,
    PlanForm,
    SalaryPlanForm,
    salary_entries_formset,
)
from .models import AskChoice, NinetyDayPlan, SalaryEntry, SalaryPlan


def _get_choice_for_user(request: HttpRequest, pk: int) -> AskChoice:
    return get_owned(AskChoice.objects.select_related("interviewer"), request.user, pk=pk)


@login_required
@require_GET
def ask(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = get_round_for_user(request, pk)
    lists = selectors.ask_lists(round_)
    people = [
        (person, lists.get(person.pk, []), AskAddForm(prefix=f"a{person.pk}"))
        for person in round_.interviewers.all()
    ]
    return render(
        request,
        "brief/ask.html",
        {
            "round": round_,
            "opportunity": round_.opportunity,
            "people": people,
            "pay_raised": selectors.pay_raised(round_),
        },
    )


def _next_position(person: Interviewer) -> int:
    return (person.ask_choices.aggregate(top=Max("position"))["top"] or 0) + 1


@login_required
@require_POST
def ask_pin(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_interviewer_for_user(request, pk)
    form = AskPinForm(request.POST)
    if not form.is_valid():
        messages.error(request, "That question could not be kept; nothing changed.")
        return redirect(f"/rounds/{person.round_id}/ask/#ask-{person.pk}")
    library_id, text = form.cleaned_data["library_id"], form.cleaned_data["text"]
    if not person.ask_choices.filter(library_id=library_id, text=text).exists():
        AskChoice.objects.create(
            interviewer=person,
            library_id=library_id,
            text=text,
            position=_next_position(person),
        )
        messages.success(request, f"Kept this question for {person.name}.")
    return redirect(f"/rounds/{person.round_id}/ask/#ask-{person.pk}")


@login_required
@require_POST
def ask_add(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_interviewer_for_user(request, pk)
    form = AskAddForm(request.POST, prefix=f"a{person.pk}")
    if form.is_valid():
        AskChoice.objects.create(
            interviewer=person, text=form.cleaned_data["text"], position=_next_position(person)
        )
        messages.success(request, f"Added your question for {person.name}.")
    else:
        messages.error(request, "Write the question first.")
    return redirect(f"/rounds/{person.round_id}/ask/#ask-{person.pk}")


@login_required
@require_http_methods(["GET", "POST"])
def ask_edit(request: HttpRequest, pk: int) -> HttpResponse:
    choice = _get_choice_for_user(request, pk)
    form = AskEditForm(request.POST or None, initial={"text": choice.text})
    if request.method == "POST" and form.is_valid():
        choice.text = form.cleaned_data["text"]
        choice.save(update_fields=["text"])
        messages.success(request, "Saved.")
        return redirect(f"/rounds/{choice.interviewer.round_id}/ask/#ask-{choice.interviewer_id}")
    return render(request, "brief/ask_edit.html", {"form": form, "choice": choice})


@login_required
@require_POST
def ask_remove(request: HttpRequest, pk: int) -> HttpResponse:
    choice = _get_choice_for_user(request, pk)
    round_id, person_id = choice.interviewer.round_id, choice.interviewer_id
    choice.delete()
    messages.success(request, "Removed; another suggestion takes its place.")
    return redirect(f"/rounds/{round_id}/ask/#ask-{person_id}")


def _plan_text(phase) -> str:
    return "\n".join(f"{goal.text} — {goal.measure}" for goal in phase.goals)


@login_required
@require_http_methods(["GET", "POST"])
def plan(request: HttpRequest, pk: int) -> HttpResponse:
    opportunity = get_opportunity_for_user(request, pk)
    saved = NinetyDayPlan.objects.filter(opportunity=opportunity).first()
    if request.method == "POST" and request.POST.get("action") == "draft":
        drafted = selectors.plan_draft(opportunity)
        learn, contribute, lead = (_plan_text(phase) for phase in drafted.phases)
        NinetyDayPlan.objects.update_or_create(
            opportunity=opportunity,
            defaults={"learn": learn, "contribute": contribute, "lead": lead},
        )
        messages.success(request, "Drafted from the posting and your debrief. Make it yours below.")
        return redirect("plan", pk=opportunity.pk)
    form = PlanForm(request.POST or None, instance=saved)
    if request.method == "POST" and form.is_valid():
        edited = form.save(commit=False)
        edited.opportunity = opportunity
        edited.save()
        messages.success(request, "Plan saved.")
        return redirect("plan", pk=opportunity.pk)
    return render(
        request, "brief/plan.html", {"opportunity": opportunity, "form": form, "plan": saved}
    )


@login_required
@require_http_methods(["GET", "POST"])
def salary(request: HttpRequest, pk: int) -> HttpResponse:
    opportunity = get_opportunity_for_user(request, pk)
    plan_row = SalaryPlan.objects.filter(opportunity=opportunity).first()
    data = request.POST if request.method == "POST" else None
    entries = salary_entries_formset(opportunity=opportunity, data=data)
    plan_form = SalaryPlanForm(data, instance=plan_row)
    if request.method == "POST":
        if entries.is_valid() and plan_form.is_valid():
            with transaction.atomic():
                entries.save()
                saved = plan_form.save(commit=False)
                saved.opportunity = opportunity
                saved.save()
            messages.success(request, "Salary research saved.")
            return redirect("salary", pk=opportunity.pk)
        messages.error(request, "Some entries need attention; nothing was saved yet.")
    summary, scripts = selectors.salary_scripts(opportunity, plan_row)
    return render(
        request,
        "brief/salary.html",
        {
            "opportunity": opportunity,
            "entries": entries,
            "plan_form": plan_form,
            "plan": plan_row,
            "line": selectors.salary_line(opportunity),
            "posting_pay": selectors.posting_pay_offer(opportunity),
            "scripts": scripts,
            "summary": summary,
        },
    )


@login_required
@require_POST
def salary_from_posting(request: HttpRequest, pk: int) -> HttpResponse:
    """Add the pay the job posting states to the salary research, once."""
    opportunity = get_opportunity_for_user(request, pk)
    offer = selectors.posting_pay_offer(opportunity)
    if offer is None:
        messages.info(request, "The posting states no pay that is not in your research already.")
    else:
        SalaryEntry.objects.create(
            opportunity=opportunity,
            source=selectors.POSTING_SOURCE,
            low=offer.pay.low,
            high=offer.pay.high,
            currency=offer.currency or "USD",
            as_of=timezone.localdate(),
        )
        messages.success(request, f"Added the posting's pay ({offer.says}) to your research.")
    return redirect("salary", pk=opportunity.pk)


@login_required
@require_GET
def brief(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = get_round_for_user(request, pk)
    template = (
        "brief/brief_phone.html" if request.GET.get("view") == "phone" else "brief/brief.html"
    )
    return render(request, template, {"brief": selectors.build_brief(round_, request.user)})


@login_required
@require_GET
def brief_pdf_download(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = get_round_for_user(request, pk)
    try:
        data = brief_pdf(selectors.build_brief(round_, request.user))
    except PdfUnavailable as error:
        messages.error(request, str(error))
        return redirect("brief", pk=round_.pk)
    response = HttpResponse(data, content_type="application/pdf")
    # The company is whatever was typed: `attachment` keeps no path, quote or markup of it.
    response["Content-Disposition"] = attachment(
        f"brief-{round_.opportunity.company[:40]}-round-{round_.number}.pdf"
    )
    return response


@login_required
@require_GET
def brief_calendar(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = get_round_for_user(request, pk)
    response = HttpResponse(
        brief_ics(selectors.build_brief(round_, request.user)),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = attachment(f"interview-round-{round_.number}.ics")
    return response
