"""What a coach or a recruiter sees: read-only pages of exactly the shared sections.

Every view opens its row through access.open_shared, naming the section; the owner sees
the same pages (to check what is shared), everyone else gets 404. The area apps' own
templates are reused with `read_only`, which hides their forms and owner-only links.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import prefetch_related_objects
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from secondround.brief.models import SalaryPlan
from secondround.brief.selectors import build_brief, salary_line
from secondround.debrief.models import Debrief
from secondround.engine.nlp.vocabulary import COMPETENCIES, QUESTION_KINDS
from secondround.followup.models import FitCriterion, FitScore, FitVerdict, Letter
from secondround.opportunities.models import Interviewer, Opportunity, Round
from secondround.overview.selectors import round_readiness
from secondround.practice.models import Attempt
from secondround.questions.selectors import prepared_count, prepared_keys, round_bank
from secondround.research.models import CompanyProfile
from secondround.stories.models import Story

from . import selectors, services
from .access import Grant, open_shared
from .forms import CommentForm, RatingForm
from .models import AccessLog, ReceivedPackage, Section
from .targets import TARGETS, Target

NOT_SHARED = (
    "This is not shared with you, or no longer: your comment was not saved. A copy of it is below."
)


def _context(grant: Grant, opportunity: Opportunity, **extra) -> dict:
    """What every shared page has: the flag that hides owner-only parts, and the sections."""
    share = grant.share
    return {
        "read_only": True,
        "grant": grant,
        "share": share,
        "opportunity": opportunity,
        "allowed": {section.value: grant.allows(section) for section in Section},
        **extra,
    }


@login_required
@require_GET
def shared_home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "sharing/coach_home.html",
        {
            "entries": selectors.shared_with(request.user, now=timezone.now()),
            "packages": ReceivedPackage.objects.filter(owner=request.user).defer("document"),
            "organisations": selectors.administered(request.user),
        },
    )


@login_required
@require_GET
def shared_opportunity(request: HttpRequest, pk: int) -> HttpResponse:
    grant = open_shared(request, Opportunity, pk, section=None)
    opportunity = grant.obj
    now = timezone.now()
    upcoming = selectors.next_round(grant.share, now=now) if grant.share else None
    path = None
    if upcoming is not None:
        path = round_readiness(upcoming, opportunity.owner, now=now)
    return render(
        request,
        "sharing/opportunity.html",
        _context(
            grant,
            opportunity,
            candidate=opportunity.owner.get_full_name() or opportunity.owner.get_username(),
            rounds=opportunity.rounds.all(),
            next_round=upcoming,
            path=path,
        ),
    )


@login_required
@require_GET
def shared_research(request: HttpRequest, pk: int) -> HttpResponse:
    grant = open_shared(request, Opportunity, pk, section=Section.ROSTER)
    opportunity = grant.obj
    return render(
        request,
        "research/home.html",
        _context(
            grant,
            opportunity,
            profile=CompanyProfile.objects.filter(opportunity=opportunity).first(),
            press_items=opportunity.press_items.all(),
            informational=opportunity.informational_interviews.all(),
            interviewers=Interviewer.objects.filter(round__opportunity=opportunity)
            .select_related("round", "research")
            .order_by("round__number", "position"),
            sources=opportunity.sources.defer("text"),
            answers={},
        ),
    )


def _round(request: HttpRequest, pk: int, section: Section, **kwargs) -> Grant[Round]:
    return open_shared(request, Round, pk, section=section, **kwargs)


@login_required
@require_GET
def shared_debrief(request: HttpRequest, pk: int) -> HttpResponse:
    grant = _round(request, pk, Section.DEBRIEF)
    round_ = grant.obj
    # Read, never created: a coach's visit writes nothing into the candidate's rounds.
    debrief = Debrief.objects.filter(round=round_).first()
    return render(
        request,
        "debrief/detail.html",
        _context(
            grant,
            round_.opportunity,
            round=round_,
            debrief=debrief,
            questions=debrief.questions.all() if debrief else [],
            observations=debrief.observations.all() if debrief else [],
            concerns=debrief.concerns.all() if debrief else [],
            terms=round_.terms_heard.all(),
        ),
    )


@login_required
@require_GET
def shared_bank(request: HttpRequest, pk: int) -> HttpResponse:
    grant = _round(request, pk, Section.BANK)
    round_ = grant.obj
    prefetch_related_objects([round_], "interviewers")  # the bank's roster and the names
    questions = round_bank(round_)
    prepared = prepared_keys(round_)
    return render(
        request,
        "sharing/bank.html",
        _context(
            grant,
            round_.opportunity,
            round=round_,
            questions=questions,
            total=len(questions),
            prepared=prepared,
            prepared_count=prepared_count(round_, questions, prepared),
            names={str(person.pk): person.name for person in round_.interviewers.all()},
            filing_forms={},
            competency_labels=COMPETENCIES,
            kind_labels=QUESTION_KINDS,
        ),
    )


@login_required
@require_GET
def shared_stories(request: HttpRequest, pk: int) -> HttpResponse:
    grant = open_shared(request, Opportunity, pk, section=Section.STORIES)
    stories = Story.objects.filter(owner_id=grant.owner_id).defer("vector")
    return render(request, "sharing/stories.html", _context(grant, grant.obj, stories=stories))


@login_required
@require_GET
def shared_story(request: HttpRequest, pk: int) -> HttpResponse:
    grant = open_shared(request, Story, pk, section=Section.STORIES)
    opportunity = grant.share.opportunity if grant.share else None
    return render(
        request,
        "sharing/story.html",
        _context(grant, opportunity, story=grant.obj, check=grant.obj.readiness()),
    )


@login_required
@require_GET
def shared_practice(request: HttpRequest, pk: int) -> HttpResponse:
    grant = _round(request, pk, Section.PRACTICE)
    round_ = grant.obj
    attempts = round_.attempts.filter(status=Attempt.Status.DONE)[:50]
    return render(
        request,
        "sharing/practice.html",
        _context(grant, round_.opportunity, round=round_, attempts=attempts),
    )


@login_required
@require_GET
def shared_attempt(request: HttpRequest, pk: int) -> HttpResponse:
    grant = open_shared(request, Attempt, pk, section=Section.PRACTICE)
    attempt = grant.obj
    report = attempt.report or {}
    audio_url = (
        reverse("shared_attempt_audio", args=[attempt.pk])
        if attempt.audio and grant.allows(Section.RECORDINGS)
        else ""
    )
    return render(
        request,
        "sharing/attempt.html",
        _context(
            grant,
            attempt.round.opportunity,
            attempt=attempt,
            round=attempt.round,
            audio_url=audio_url,
            labelled=list(zip(report.get("sentences", []), report.get("star", []), strict=False)),
        ),
    )


@login_required
@require_GET
def shared_attempt_audio(request: HttpRequest, pk: int) -> HttpResponse:
    grant = open_shared(
        request, Attempt, pk, section=Section.RECORDINGS, action=AccessLog.Action.DOWNLOAD
    )
    attempt = grant.obj
    # Recordings go with practice answers: a share naming one without the other opens neither.
    if not grant.allows(Section.PRACTICE) or not attempt.audio:
        raise Http404
    return FileResponse(attempt.audio.open("rb"), content_type="audio/webm")


@login_required
@require_GET
def shared_brief(request: HttpRequest, pk: int) -> HttpResponse:
    grant = _round(request, pk, Section.BRIEF)
    round_ = grant.obj
    brief = build_brief(round_, round_.opportunity.owner)
    if not grant.allows(Section.SALARY):
        brief.salary = ""  # salary figures are a section of their own
    return render(request, "sharing/brief.html", _context(grant, round_.opportunity, brief=brief))


@login_required
@require_GET
def shared_letters(request: HttpRequest, pk: int) -> HttpResponse:
    grant = _round(request, pk, Section.LETTERS)
    round_ = grant.obj
    letters = {
        letter.interviewer_id: letter for letter in Letter.objects.filter(interviewer__round=round_)
    }
    rows = [(person, letters.get(person.pk)) for person in round_.interviewers.all()]
    return render(
        request,
        "sharing/letters.html",
        _context(grant, round_.opportunity, round=round_, rows=rows),
    )


@login_required
@require_GET
def shared_salary(request: HttpRequest, pk: int) -> HttpResponse:
    grant = open_shared(request, Opportunity, pk, section=Section.SALARY)
    opportunity = grant.obj
    return render(
        request,
        "sharing/salary.html",
        _context(
            grant,
            opportunity,
            entries=opportunity.salary_entries.all(),
            plan=SalaryPlan.objects.filter(opportunity=opportunity).first(),
            line=salary_line(opportunity),
        ),
    )


@login_required
@require_GET
def shared_fit(request: HttpRequest, pk: int) -> HttpResponse:
    grant = open_shared(request, Opportunity, pk, section=Section.FIT)
    opportunity = grant.obj
    rounds = list(opportunity.rounds.all())
    scores = {
        (score.criterion_id, score.round_id): score
        for score in FitScore.objects.filter(criterion__opportunity=opportunity)
    }
    rows = [
        (criterion, [scores.get((criterion.pk, round_.pk)) for round_ in rounds])
        for criterion in FitCriterion.objects.filter(opportunity=opportunity)
    ]
    return render(
        request,
        "sharing/fit.html",
        _context(
            grant,
            opportunity,
            rounds=rounds,
            rows=rows,
            verdict=FitVerdict.objects.filter(opportunity=opportunity).first(),
        ),
    )


def shared_page(target: Target, item) -> str:
    """Where a coach sees the item they commented on."""
    if target.kind == "attempt":
        return reverse("shared_attempt", args=[item.pk])
    if target.kind == "story":
        return reverse("shared_story", args=[item.pk])
    if target.kind == "interviewer":
        return reverse("shared_research", args=[item.round.opportunity_id])
    if target.kind == "bank":
        return reverse("shared_bank", args=[item.pk])
    return reverse("shared_debrief", args=[item.debrief.round_id])


def _refused(request: HttpRequest, text: str) -> HttpResponse:
    return render(
        request, "sharing/comment_refused.html", {"message": NOT_SHARED, "text": text}, status=404
    )


@login_required
@require_POST
def comment_add(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """A comment (on a practice answer, with a rating) by a coach the item is shared with."""
    target = TARGETS.get(kind)
    if target is None:
        raise Http404
    form = (RatingForm if kind == "attempt" else CommentForm)(request.POST)
    typed = str(request.POST.get("text", ""))[:5_000]
    try:
        grant = open_shared(request, target.model, pk, section=target.section, action=None)
    except Http404:
        return _refused(request, typed)
    if grant.share is None:
        return HttpResponse("Comments are written by the people you share with.", status=403)
    back = shared_page(target, grant.obj)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, f"Your comment was not saved: {error}")
        return redirect(back)
    key = form.cleaned_data["key"]
    what = ""
    if target.keyed:
        question = next((q for q in round_bank(grant.obj) if q.key == key), None)
        if question is None:
            messages.error(request, "That question is no longer in the bank: nothing was saved.")
            return redirect(back)
        what = question.text
    extra = {}
    if kind == "attempt":
        extra = {
            "competency": form.cleaned_data["competency"],
            "score": form.cleaned_data["score"],
        }
    services.comment_add(
        target=target,
        item=grant.obj,
        share=grant.share,
        author=request.user,
        text=form.cleaned_data["text"],
        key=key,
        extra=extra,
        what=what,
    )
    messages.success(request, "Comment saved: the candidate sees it beside the item.")
    return redirect(back)
