"""What the posting asks for, and the question bank of a round."""

from __future__ import annotations

from typing import NamedTuple

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import prefetch_related_objects
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from secondround.accounts.access import get_owned
from secondround.engine.nlp.vocabulary import COMPETENCIES, QUESTION_KINDS
from secondround.engine.questions.question_bank import BankQuestion, asked_key
from secondround.opportunities.access import get_opportunity_for_user, get_round_for_user

from . import selectors, services
from .forms import (
    AskedQuestionFilingForm,
    BankFilterForm,
    OwnQuestionFilingForm,
    OwnQuestionForm,
    PreparedForm,
    needs_formsets,
)
from .models import OwnQuestion, PreparedQuestion


def _get_own_question_for_user(request: HttpRequest, pk: int) -> OwnQuestion:
    return get_owned(OwnQuestion.objects.select_related("round"), request.user, pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def posting_needs(request: HttpRequest, pk: int) -> HttpResponse:
    opportunity = get_opportunity_for_user(request, pk)
    data = request.POST if request.method == "POST" else None
    formsets = needs_formsets(opportunity=opportunity, data=data)
    if request.method == "POST":
        if all(formset.is_valid() for formset in formsets.values()):
            services.needs_save(formsets=formsets)
            messages.success(request, "Saved what the posting asks for.")
            return redirect("posting_needs", pk=opportunity.pk)
        messages.error(request, "Some entries need attention; nothing was saved yet.")
    return render(
        request,
        "questions/posting.html",
        {
            "opportunity": opportunity,
            "needs": selectors.posting_needs(opportunity),
            "formsets": formsets,
            "competency_labels": COMPETENCIES,
        },
    )


@login_required
@require_POST
def posting_analyse(request: HttpRequest, pk: int) -> HttpResponse:
    opportunity = get_opportunity_for_user(request, pk)
    if not opportunity.posting_text.strip():
        messages.warning(request, "Paste the job posting on the opportunity first.")
        return redirect("opportunity_edit", pk=opportunity.pk)
    competencies, skills = services.posting_analyse(opportunity=opportunity)
    messages.success(
        request,
        f"Found {competencies} competencies and {skills} skills; your own changes were kept.",
    )
    return redirect("posting_needs", pk=opportunity.pk)


def _filtered(bank: list[BankQuestion], filters: dict, prepared: set[str]) -> list[BankQuestion]:
    return [
        question
        for question in bank
        if (not filters.get("interviewer") or filters["interviewer"] in question.interviewers)
        and (not filters.get("competency") or question.competency == filters["competency"])
        and (not filters.get("kind") or question.kind == filters["kind"])
        and (not filters.get("open_only") or question.key not in prepared)
    ]


class Filing(NamedTuple):
    """A refile form for a question the user typed, and where its buttons post."""

    action: str
    form: AskedQuestionFilingForm | OwnQuestionFilingForm
    remove: str | None = None  # only your own questions can be removed from the bank


def _filing_forms(round_) -> dict[str, Filing]:
    """Bank key -> Filing, for the earlier rounds' questions and your own."""
    forms: dict[str, Filing] = {}
    for asked in selectors.earlier_questions(round_):
        action = reverse("asked_question_file", args=[round_.pk, asked.pk])
        forms.setdefault(
            asked_key(asked.text), Filing(action, AskedQuestionFilingForm(instance=asked))
        )
    for own in round_.own_questions.all():
        forms[own.bank_key] = Filing(
            reverse("own_question_file", args=[own.pk]),
            OwnQuestionFilingForm(instance=own),
            reverse("own_question_delete", args=[own.pk]),
        )
    return forms


def _filed(request: HttpRequest, form: AskedQuestionFilingForm | OwnQuestionFilingForm) -> None:
    if form.is_valid():
        question = form.save()
        messages.success(
            request,
            f"Filed under {question.get_competency_display().lower()} "
            f"({question.get_kind_display().lower()}).",
        )
    else:
        messages.error(request, "Choose a competency and a kind from the lists; nothing changed.")


@login_required
@require_GET
def bank(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = get_round_for_user(request, pk)
    # Read once for the filters, the bank's roster and own questions, and the refile forms.
    prefetch_related_objects([round_], "interviewers", "own_questions")
    interviewers = list(round_.interviewers.all())
    filter_form = BankFilterForm(request.GET or None, interviewers=interviewers)
    filters = filter_form.cleaned_data if filter_form.is_valid() else {}
    questions = selectors.round_bank(round_)
    prepared = selectors.prepared_keys(round_)
    shown = _filtered(questions, filters, prepared)
    context = {
        "round": round_,
        "opportunity": round_.opportunity,
        "questions": shown,
        "total": len(questions),
        "prepared": prepared,
        "prepared_count": selectors.prepared_count(round_, questions, prepared),
        "names": {str(person.pk): person.name for person in interviewers},
        "filter_form": filter_form,
        "own_form": OwnQuestionForm(),
        "filing_forms": _filing_forms(round_),
        "competency_labels": COMPETENCIES,
        "kind_labels": QUESTION_KINDS,
    }
    template = "questions/_bank_list.html" if request.htmx else "questions/bank.html"
    return render(request, template, context)


@login_required
@require_POST
def question_prepared(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = get_round_for_user(request, pk)
    form = PreparedForm(request.POST)
    if not form.is_valid():
        if request.htmx:
            return HttpResponse("That question could not be marked; nothing changed.", status=400)
        messages.error(request, "That question could not be marked; nothing changed.")
        return redirect("bank", pk=round_.pk)
    key, prepared = form.cleaned_data["key"], form.cleaned_data["prepared"]
    services.question_set_prepared(round=round_, key=key, prepared=prepared)
    if request.htmx:
        # The button, and the page's count of prepared questions swapped out of band.
        return render(
            request,
            "questions/_prepared_button.html",
            {
                "round": round_,
                "key": key,
                "is_prepared": prepared,
                "prepared_count": selectors.prepared_count(round_),
                "count_out_of_band": True,
            },
        )
    back = form.cleaned_data["next"]
    if back.startswith("/") and url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}
    ):
        return redirect(back)
    return redirect("bank", pk=round_.pk)


@login_required
@require_POST
def own_question_add(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = get_round_for_user(request, pk)
    form = OwnQuestionForm(request.POST)
    if form.is_valid():
        question = services.own_question_add(round=round_, text=form.cleaned_data["text"])
        messages.success(
            request,
            f"Added, filed under {question.get_competency_display().lower()} "
            f"({question.get_kind_display().lower()}).",
        )
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect("bank", pk=round_.pk)


@login_required
@require_POST
def own_question_file(request: HttpRequest, pk: int) -> HttpResponse:
    question = _get_own_question_for_user(request, pk)
    _filed(request, OwnQuestionFilingForm(request.POST, instance=question))
    return redirect("bank", pk=question.round_id)


@login_required
@require_POST
def asked_question_file(request: HttpRequest, pk: int, asked_pk: int) -> HttpResponse:
    """Refile a question from an earlier round's debrief, as it comes back in this bank."""
    round_ = get_round_for_user(request, pk)
    question = get_object_or_404(selectors.earlier_questions(round_), pk=asked_pk)
    _filed(request, AskedQuestionFilingForm(request.POST, instance=question))
    return redirect("bank", pk=round_.pk)


@login_required
@require_POST
def own_question_delete(request: HttpRequest, pk: int) -> HttpResponse:
    question = _get_own_question_for_user(request, pk)
    round_id = question.round_id
    PreparedQuestion.objects.filter(round_id=round_id, key=question.bank_key).delete()
    question.delete()
    messages.success(request, "Removed your question.")
    return redirect("bank", pk=round_id)
