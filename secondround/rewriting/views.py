"""“Rewrite with my model”: a fluent version of a draft, kept only if the engine's checks
pass (engine.assisted.rewrite_checked); otherwise the deterministic draft stands and the
box beside it says why. The call runs as a background task; the box polls its progress
and can cancel it, as the practice follow-up does."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST
from django_tasks import task

from secondround.assistant import services
from secondround.assistant.models import ModelCall
from secondround.engine.nlp.assisted import REWRITE_SCHEMA, rewrite_checked, rewrite_prompt

from .drafts import Draft, draft_for, known_texts


def latest_call(owner, draft: Draft) -> ModelCall | None:
    return ModelCall.objects.filter(
        owner=owner, feature=ModelCall.Feature.REWRITE, subject=draft.subject_key
    ).first()


@task()
def rewrite_draft(call_id: int, kind: str, pk: int) -> None:
    call = ModelCall.objects.select_related("owner").get(pk=call_id)
    configured = services.server_for(call.owner)
    if configured is None:
        ModelCall.objects.filter(pk=call.pk).update(
            status=ModelCall.Status.FAILED, note=services.NOT_CONFIGURED
        )
        return
    draft = draft_for(call.owner, kind, pk)
    known = known_texts(call.owner, draft.opportunity)
    services.call_run(
        call,
        configured=configured,
        messages=rewrite_prompt(draft.text, kind=draft.label),
        schema=REWRITE_SCHEMA,
        names=draft.names,
        check=lambda reply: rewrite_checked(reply, draft=draft.text, known=known),
    )


def box_context(request: HttpRequest, draft: Draft) -> dict:
    return {"draft": draft, "call": latest_call(request.user, draft)}


@login_required
@require_POST
def rewrite_start(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    draft = draft_for(request.user, kind, pk)
    configured = services.server_for(request.user)
    if configured is None:
        messages.error(request, f"{services.NOT_CONFIGURED} Add one in the model settings.")
        return redirect(draft.page)
    if not draft.text.strip():
        messages.error(request, "There is no draft to rewrite yet.")
        return redirect(draft.page)
    running = latest_call(request.user, draft)
    if running is None or not running.running:
        call = services.call_begin(
            owner=request.user,
            feature=ModelCall.Feature.REWRITE,
            subject=draft.subject_key,
            configured=configured,
        )
        rewrite_draft.enqueue(call.pk, kind, pk)
    return redirect(_anchor(draft))


@login_required
@require_GET
def rewrite_status(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    draft = draft_for(request.user, kind, pk)
    return render(request, "rewriting/_rewrite.html", box_context(request, draft))


@login_required
@require_POST
def rewrite_cancel(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    draft = draft_for(request.user, kind, pk)
    call = latest_call(request.user, draft)
    if call is not None:
        services.call_cancel(call=call)
    return redirect(_anchor(draft))


def _anchor(draft: Draft) -> str:
    return draft.page.split("#")[0] + f"#rewrite-{draft.kind}-{draft.pk}"
