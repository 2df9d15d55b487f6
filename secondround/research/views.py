"""Research: the company, the people, imported pages, the glossary and the built answers."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from secondround.accounts.access import get_owned
from secondround.debrief.models import GlossaryTerm
from secondround.engine.drafting.answers import build_learned_answer, build_proceed_answer
from secondround.opportunities.access import get_interviewer_for_user, get_opportunity_for_user
from secondround.opportunities.models import Interviewer, Opportunity

from . import selectors, services
from .fetch import FetchError
from .forms import (
    CompanyProfileForm,
    GlossaryTermForm,
    InterviewerResearchForm,
    SavedAnswerForm,
    SourceImportForm,
    research_formsets,
)
from .models import CompanyProfile, InterviewerResearch, ResearchSource, SavedAnswer

ANSWER_BUILDERS = {
    SavedAnswer.Kind.LEARNED: build_learned_answer,
    SavedAnswer.Kind.PROCEED: build_proceed_answer,
}


def _get_source_for_user(request: HttpRequest, pk: int) -> ResearchSource:
    return get_owned(ResearchSource.objects.select_related("opportunity"), request.user, pk=pk)


def _get_term_for_user(request: HttpRequest, pk: int) -> GlossaryTerm:
    return get_owned(GlossaryTerm.objects.select_related("opportunity"), request.user, pk=pk)


def _research_context(opportunity: Opportunity, **extra) -> dict:
    return {
        "opportunity": opportunity,
        "profile": CompanyProfile.objects.filter(opportunity=opportunity).first(),
        "press_items": opportunity.press_items.all(),
        "informational": opportunity.informational_interviews.all(),
        "interviewers": Interviewer.objects.filter(round__opportunity=opportunity)
        .select_related("round", "research")
        .order_by("round__number", "position"),
        "sources": opportunity.sources.defer("text"),
        "answers": {answer.kind: answer for answer in opportunity.saved_answers.all()},
        "source_form": extra.pop("source_form", None) or SourceImportForm(),
        **extra,
    }


@login_required
@require_GET
def research_home(request: HttpRequest, pk: int) -> HttpResponse:
    opportunity = get_opportunity_for_user(request, pk)
    return render(request, "research/home.html", _research_context(opportunity))


@login_required
@require_http_methods(["GET", "POST"])
def research_edit(request: HttpRequest, pk: int) -> HttpResponse:
    opportunity = get_opportunity_for_user(request, pk)
    profile, _ = CompanyProfile.objects.get_or_create(opportunity=opportunity)
    data = request.POST if request.method == "POST" else None
    profile_form = CompanyProfileForm(data, instance=profile)
    formsets = research_formsets(opportunity=opportunity, data=data)
    if request.method == "POST":
        if profile_form.is_valid() and all(fs.is_valid() for fs in formsets.values()):
            services.research_save(profile_form=profile_form, formsets=formsets)
            messages.success(request, "Research saved.")
            return redirect("research_home", pk=opportunity.pk)
        messages.error(request, "Some entries need attention; nothing was saved yet.")
    return render(
        request,
        "research/edit.html",
        {"opportunity": opportunity, "form": profile_form, "formsets": formsets},
    )


@login_required
@require_http_methods(["GET", "POST"])
def interviewer_research_edit(request: HttpRequest, pk: int) -> HttpResponse:
    interviewer = get_interviewer_for_user(request, pk)
    research, _ = InterviewerResearch.objects.get_or_create(interviewer=interviewer)
    form = InterviewerResearchForm(request.POST or None, instance=research)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"Saved your research on {interviewer.name}.")
        return redirect("research_home", pk=interviewer.round.opportunity_id)
    return render(
        request,
        "research/interviewer_form.html",
        {"form": form, "interviewer": interviewer, "opportunity": interviewer.round.opportunity},
    )


@login_required
@require_POST
def source_import(request: HttpRequest, pk: int) -> HttpResponse:
    opportunity = get_opportunity_for_user(request, pk)
    form = SourceImportForm(request.POST)
    if form.is_valid():
        url, text = form.cleaned_data["url"], form.cleaned_data["text"]
        if text.strip():
            source = services.source_paste(
                opportunity=opportunity,
                url=url,
                title=form.cleaned_data["title"],
                text=text,
                now=timezone.now(),
            )
            messages.success(
                request, f"Saved the pasted text ({len(source.text.split()):,} words)."
            )
            return redirect("source_detail", pk=source.pk)
        try:
            source = services.source_fetch(opportunity=opportunity, url=url)
        except FetchError as error:
            form.add_error("url", f"{error} You can paste the page's text below instead.")
        else:
            messages.success(request, f"Imported “{source}” ({len(source.text.split()):,} words).")
            return redirect("source_detail", pk=source.pk)
    context = _research_context(opportunity, source_form=form)
    return render(request, "research/home.html", context, status=200)


@login_required
@require_GET
def source_detail(request: HttpRequest, pk: int) -> HttpResponse:
    source = _get_source_for_user(request, pk)
    return render(
        request, "research/source.html", {"source": source, "opportunity": source.opportunity}
    )


@login_required
@require_POST
def source_delete(request: HttpRequest, pk: int) -> HttpResponse:
    source = _get_source_for_user(request, pk)
    opportunity_id = source.opportunity_id
    source.delete()
    messages.success(request, "Source removed.")
    return redirect("research_home", pk=opportunity_id)


@login_required
@require_GET
def glossary(request: HttpRequest, pk: int) -> HttpResponse:
    opportunity = get_opportunity_for_user(request, pk)
    return render(
        request,
        "research/glossary.html",
        {
            "opportunity": opportunity,
            "terms": opportunity.glossary.select_related("heard_in"),
            "candidates": selectors.glossary_candidates(opportunity),
            "form": GlossaryTermForm(opportunity=opportunity),
        },
    )


@login_required
@require_POST
def glossary_add(request: HttpRequest, pk: int) -> HttpResponse:
    """Add a term: confirmed from the engine's candidates, or typed by the user."""
    opportunity = get_opportunity_for_user(request, pk)
    form = GlossaryTermForm(request.POST, opportunity=opportunity)
    if form.is_valid():
        source = request.POST.get("source", GlossaryTerm.Source.MINE)
        if source not in GlossaryTerm.Source.values:
            source = GlossaryTerm.Source.MINE
        term = form.save(commit=False)
        term.opportunity = opportunity
        term.source = source
        term.save()
        messages.success(request, f"Added “{term.term}” to the glossary.")
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect("glossary", pk=opportunity.pk)


@login_required
@require_http_methods(["GET", "POST"])
def glossary_term_edit(request: HttpRequest, pk: int) -> HttpResponse:
    term = _get_term_for_user(request, pk)
    form = GlossaryTermForm(request.POST or None, instance=term)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"Saved “{term.term}”.")
        return redirect("glossary", pk=term.opportunity_id)
    return render(
        request,
        "research/term_form.html",
        {"form": form, "term": term, "opportunity": term.opportunity},
    )


@login_required
@require_POST
def glossary_term_delete(request: HttpRequest, pk: int) -> HttpResponse:
    term = _get_term_for_user(request, pk)
    term.delete()
    messages.success(request, f"Removed “{term.term}” from the glossary.")
    return redirect("glossary", pk=term.opportunity_id)


@login_required
@require_http_methods(["GET", "POST"])
def answer(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    opportunity = get_opportunity_for_user(request, pk)
    if kind not in ANSWER_BUILDERS:
        return redirect("research_home", pk=opportunity.pk)
    facts = selectors.answer_facts(opportunity)
    built = selectors.drafted_answer(opportunity, kind)
    saved = SavedAnswer.objects.filter(opportunity=opportunity, kind=kind).first()
    initial = {"text": saved.text if saved else built.text}
    form = SavedAnswerForm(request.POST or None, instance=saved, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.answer_save(opportunity=opportunity, kind=kind, text=form.cleaned_data["text"])
        messages.success(request, "Your answer is saved.")
        return redirect("answer", pk=opportunity.pk, kind=kind)
    facts_by_key = {fact.key: fact for fact in facts}
    sentences = [
        {
            "text": sentence.text,
            "sources": list(
                dict.fromkeys(
                    facts_by_key[key].source for key in sentence.fact_keys if key in facts_by_key
                )
            ),
        }
        for sentence in built.sentences
    ]
    saved_words = len(saved.text.split()) if saved else 0
    return render(
        request,
        "research/answer.html",
        {
            "opportunity": opportunity,
            "kind": kind,
            "question": SavedAnswer.Kind(kind).label,
            "built": built,
            "sentences": sentences,
            "form": form,
            "saved": saved,
            "saved_words": saved_words,
            "saved_seconds": round(saved_words * 60 / 150),
        },
    )
