"""One deeper question an interviewer would ask about a practice answer, from the person's
own language model (the assistant app). Shown only when a model is configured."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST
from django_tasks import task

from secondround.accounts.access import get_owned
from secondround.assistant import services as assistant
from secondround.assistant.models import ModelCall
from secondround.engine.nlp.assisted import (
    FOLLOW_UP_SCHEMA,
    follow_up_checked,
    follow_up_prompt,
)

from .models import Attempt


def _subject(attempt: Attempt) -> str:
    return f"attempt:{attempt.pk}"


def latest_call(attempt: Attempt) -> ModelCall | None:
    return ModelCall.objects.filter(
        owner=attempt.round.opportunity.owner,
        feature=ModelCall.Feature.FOLLOW_UP,
        subject=_subject(attempt),
    ).first()


def _get_attempt_for_user(request: HttpRequest, pk: int) -> Attempt:
    return get_owned(Attempt.objects.select_related("round__opportunity"), request.user, pk=pk)


@task()
def ask_follow_up(call_id: int, attempt_id: int) -> None:
    call = ModelCall.objects.get(pk=call_id)
    attempt = Attempt.objects.select_related("round__opportunity__owner").get(pk=attempt_id)
    configured = assistant.server_for(call.owner)
    if configured is None:
        ModelCall.objects.filter(pk=call.pk).update(
            status=ModelCall.Status.FAILED, note=assistant.NOT_CONFIGURED
        )
        return
    owner = attempt.round.opportunity.owner
    names = [p.name for p in attempt.round.interviewers.all()]
    names += [owner.get_full_name(), owner.first_name, owner.last_name]
    assistant.call_run(
        call,
        configured=configured,
        messages=follow_up_prompt(attempt.question_text, attempt.answer_text),
        schema=FOLLOW_UP_SCHEMA,
        names=names,
        check=lambda reply: follow_up_checked(
            reply, question=attempt.question_text, answer=attempt.answer_text
        ),
    )


@login_required
@require_POST
def follow_up_ask(request: HttpRequest, pk: int) -> HttpResponse:
    attempt = _get_attempt_for_user(request, pk)
    configured = assistant.server_for(request.user)
    if configured is None:
        messages.error(request, f"{assistant.NOT_CONFIGURED} Add one in the model settings.")
        return redirect(attempt)
    if not attempt.answer_text.strip():
        messages.error(request, "There is no answer to ask about yet.")
        return redirect(attempt)
    running = latest_call(attempt)
    if running is None or not running.running:
        call = assistant.call_begin(
            owner=request.user,
            feature=ModelCall.Feature.FOLLOW_UP,
            subject=_subject(attempt),
            configured=configured,
        )
        ask_follow_up.enqueue(call.pk, attempt.pk)
    return redirect(f"{attempt.get_absolute_url()}#follow-up")


@login_required
@require_GET
def follow_up_status(request: HttpRequest, pk: int) -> HttpResponse:
    attempt = _get_attempt_for_user(request, pk)
    return render(
        request, "practice/_follow_up.html", {"attempt": attempt, "call": latest_call(attempt)}
    )


@login_required
@require_POST
def follow_up_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    attempt = _get_attempt_for_user(request, pk)
    call = latest_call(attempt)
    if call is not None:
        assistant.call_cancel(call=call)
    return redirect(f"{attempt.get_absolute_url()}#follow-up")
