"""The story bank: write and check stories, import them from a résumé, see what they cover."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from secondround.accounts.access import get_owned
from secondround.engine.nlp.sizes import too_large
from secondround.engine.nlp.vocabulary import COMPETENCIES
from secondround.engine.reading.resume import read_resume
from secondround.engine.reading.resume_records import ResumeError
from secondround.engine.stories.story_check import check_story
from secondround.opportunities.access import get_round_for_user

from . import selectors, services
from .forms import DraftStoryFormSet, ResumeUploadForm, StoryForm
from .models import Story


def _get_story_for_user(request: HttpRequest, pk: int) -> Story:
    return get_owned(Story, request.user, pk=pk)


@login_required
@require_GET
def story_list(request: HttpRequest) -> HttpResponse:
    stories = Story.objects.filter(owner=request.user).defer("vector")
    return render(request, "stories/list.html", {"stories": stories})


def _story_form_page(request: HttpRequest, form: StoryForm, story: Story | None) -> HttpResponse:
    data = form.data if form.is_bound else {}
    source = story if story and not form.is_bound else None
    check = (
        source.readiness()
        if source
        else check_story(
            situation=data.get("situation", ""),
            task=data.get("task", ""),
            action=data.get("action", ""),
            result=data.get("result", ""),
            metric=data.get("metric", ""),
        )
    )
    return render(request, "stories/form.html", {"form": form, "story": story, "check": check})


@login_required
@require_http_methods(["GET", "POST"])
def story_create(request: HttpRequest) -> HttpResponse:
    form = StoryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        story = form.save(commit=False)
        story.owner = request.user
        services.story_save(story=story)
        messages.success(request, f"Saved “{story.title}”.")
        return redirect("story_edit", pk=story.pk)
    return _story_form_page(request, form, None)


@login_required
@require_http_methods(["GET", "POST"])
def story_edit(request: HttpRequest, pk: int) -> HttpResponse:
    story = _get_story_for_user(request, pk)
    form = StoryForm(request.POST or None, instance=story)
    if request.method == "POST" and form.is_valid():
        services.story_save(story=form.save(commit=False))
        messages.success(request, f"Saved “{story.title}”.")
        return redirect("story_edit", pk=story.pk)
    return _story_form_page(request, form, story)


@login_required
@require_POST
def story_delete(request: HttpRequest, pk: int) -> HttpResponse:
    story = _get_story_for_user(request, pk)
    story.delete()
    messages.success(request, f"Deleted “{story.title}”.")
    return redirect("story_list")


@login_required
@require_POST
def story_check_partial(request: HttpRequest) -> HttpResponse:
    """The live completeness check, sent by HTMX as the user types; stores nothing."""
    check = check_story(
        situation=request.POST.get("situation", ""),
        task=request.POST.get("task", ""),
        action=request.POST.get("action", ""),
        result=request.POST.get("result", ""),
        metric=" ".join(
            request.POST.get(k, "") for k in ("metric", "metric_before", "metric_after")
        ),
    )
    return render(request, "stories/_check.html", {"check": check})


@login_required
@require_http_methods(["GET", "POST"])
def resume_import(request: HttpRequest) -> HttpResponse:
    form = ResumeUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload and upload.size > settings.SECONDROUND_MAX_RESUME_BYTES:
            form.add_error(
                "file",
                too_large(upload.size, settings.SECONDROUND_MAX_RESUME_BYTES)
                + " Export a smaller PDF or paste the text.",
            )
        else:
            data, name = form.resume()
            try:
                parsed = read_resume(data, filename=name)
            except ResumeError as error:
                form.add_error("file", str(error))
            else:
                if not parsed.stories:
                    form.add_error(
                        "file",
                        "No achievements could be read from this file. "
                        + " ".join(parsed.warnings),
                    )
                else:
                    formset = DraftStoryFormSet(
                        initial=services.drafts_as_rows(parsed.stories), prefix="drafts"
                    )
                    return render(
                        request,
                        "stories/resume_review.html",
                        {
                            "formset": formset,
                            "warnings": parsed.warnings,
                            "filename": name if upload else "",
                        },
                    )
    return render(request, "stories/resume_upload.html", {"form": form})


@login_required
@require_POST
def resume_save(request: HttpRequest) -> HttpResponse:
    formset = DraftStoryFormSet(request.POST, prefix="drafts")
    if not formset.is_valid():
        return render(request, "stories/resume_review.html", {"formset": formset, "warnings": ()})
    rows = [row for row in formset.cleaned_data if row and row.get("keep")]
    created = services.stories_from_drafts(owner=request.user, rows=rows)
    messages.success(
        request,
        f"Added {len(created)} draft stor{'y' if len(created) == 1 else 'ies'}. "
        "Open each one to add the situation and the result.",
    )
    return redirect("story_list")


@login_required
@require_GET
def coverage(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = get_round_for_user(request, pk)
    data = selectors.round_coverage(round_, request.user)
    return render(
        request,
        "stories/coverage.html",
        {
            "round": round_,
            "opportunity": round_.opportunity,
            "coverage": data,
            "labels": COMPETENCIES,
        },
    )


@login_required
@require_GET
def rehearsal(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = get_round_for_user(request, pk)
    data = selectors.round_coverage(round_, request.user)
    return render(
        request,
        "stories/rehearsal.html",
        {"round": round_, "opportunity": round_.opportunity, "coverage": data},
    )
