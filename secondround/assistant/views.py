"""The model settings page (address, model, test, list models) and the log of calls."""

from __future__ import annotations

from dataclasses import replace

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from secondround.engine.nlp.assisted import Checked

from . import provider, services
from .forms import ModelSettingsForm
from .models import ModelCall, ModelSettings

LOG_ROWS = 200
CHECK_SECONDS = 60.0  # the connection check's longest wait
# What each feature sends, shown on the settings page before anything is sent.
FEATURES = (
    (
        "Follow-up question in practice",
        "The question and your answer's transcript, after you press “Ask me a follow-up”.",
    ),
    (
        "Reading an invitation",
        "The e-mail you paste or upload on a round's page, each time you read one: of an "
        ".eml or .ics file, the text of its body or description (a calendar's attendees "
        "and times are not sent, and stay as Second Round reads them).",
    ),
    (
        "Sorting round-one notes",
        "The notes you paste on a debrief, each time you sort them.",
    ),
    (
        "Rewriting a draft",
        "The draft shown (a thank-you letter, the follow-up e-mail or an answer draft), after "
        "you press “Rewrite with my model”.",
    ),
)


def _page(request: HttpRequest, form: ModelSettingsForm, **extra: object) -> HttpResponse:
    configured = services.server_for(request.user)
    return render(
        request,
        "assistant/settings.html",
        {
            "form": form,
            "configured": configured,
            "features": FEATURES,
            "check_seconds": CHECK_SECONDS,
            **extra,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def model_settings(request: HttpRequest) -> HttpResponse:
    own = ModelSettings.objects.filter(owner=request.user).first()
    form = ModelSettingsForm(request.POST or None, instance=own)
    if request.method == "POST" and form.is_valid():
        services.settings_save(
            owner=request.user,
            values={name: form.cleaned_data[name] for name in form.Meta.fields},
        )
        messages.success(request, "Saved. Test the connection to check it.")
        return redirect("model_settings")
    return _page(request, form)


@login_required
@require_POST
def model_settings_off(request: HttpRequest) -> HttpResponse:
    ModelSettings.objects.filter(owner=request.user).delete()
    messages.success(request, "The language model is off for your account.")
    return redirect("model_settings")


@login_required
@require_POST
def model_check(request: HttpRequest) -> HttpResponse:
    """List the server's models and send one short test message."""
    own = ModelSettings.objects.filter(owner=request.user).first()
    form = ModelSettingsForm(instance=own)
    configured = services.server_for(request.user)
    if configured is None:
        return _page(request, form, problem=services.NOT_CONFIGURED + " Save an address first.")
    if not configured.allowed:
        return _page(request, form, problem=services.REMOTE_NOT_ALLOWED)
    # The page waits for the check: it waits less than a feature may, which runs in the
    # background with a Cancel button.
    configured = replace(
        configured,
        server=replace(configured.server, timeout=min(configured.server.timeout, CHECK_SECONDS)),
    )
    try:
        names = provider.list_models(configured.server)
    except provider.ModelError as error:
        return _page(request, form, problem=str(error))
    found = configured.server.model in names
    test = None
    if found:
        call = services.call_begin(
            owner=request.user,
            feature=ModelCall.Feature.TEST,
            subject="",
            configured=configured,
        )
        checked = services.call_run(
            call,
            configured=configured,
            messages=[{"role": "user", "content": "Reply with the single word: ready"}],
            schema=None,
            names=(),
            check=lambda reply: Checked(str(reply.get("text", "")).strip()[:200] or None),
        )
        call.refresh_from_db()
        test = (checked, call)
    return _page(request, form, models=names, model_found=found, test=test)


@login_required
@require_GET
def model_log(request: HttpRequest) -> HttpResponse:
    calls = ModelCall.objects.filter(owner=request.user)[:LOG_ROWS]
    return render(request, "assistant/log.html", {"calls": calls})
