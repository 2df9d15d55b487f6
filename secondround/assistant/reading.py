"""Reading an invitation (pasted or uploaded) or pasted notes with the person's model,
beside the engine.

The review page shows the engine's reading at once; when a model is configured the same
text goes to it in a background task (progress shown, cancellable). The engine keeps only
what the text supports (engine.model_reading); when the reply is in, the person can show
the review again with the model's reading merged in: rows or items where the two disagree
are marked for review, with why. Nothing is saved until the person saves the review.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any

from django.contrib import messages
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST
from django_tasks import task

from secondround.accounts.access import get_owned
from secondround.engine.reading.invitation_entries import ParsedInvitation
from secondround.engine.reading.invitation_files import (
    InvitationText,
    addressed,
    calendar_times,
    facts_as_json,
)
from secondround.engine.reading.model_reading import (
    INVITATION_SCHEMA,
    NOTES_SCHEMA,
    invitation_checked,
    invitation_prompt,
    merge_invitation,
    merge_notes,
    notes_checked,
    notes_prompt,
)
from secondround.engine.reading.notes import SplitNotes

from . import services
from .models import ModelCall

INVITATION = ModelCall.Feature.INVITATION
NOTES = ModelCall.Feature.NOTES


def _subject(place: str, text: str) -> str:
    """The page and a digest of the text: a reading applies only to the text it read."""
    # A browser sends a textarea back with CRLF line ends and may drop a first newline.
    plain = text.replace("\r\n", "\n").strip()
    return f"{place}:{hashlib.sha256(plain.encode()).hexdigest()[:16]}"


@task()
def read_with_model(call_id: int, text: str, names: list[str]) -> None:
    call = ModelCall.objects.select_related("owner").get(pk=call_id)
    configured = services.server_for(call.owner)
    if configured is None:
        ModelCall.objects.filter(pk=call.pk).update(
            status=ModelCall.Status.FAILED, note=services.NOT_CONFIGURED
        )
        return
    if call.feature == INVITATION:
        messages, schema = invitation_prompt(text), INVITATION_SCHEMA
        check = lambda reply: invitation_checked(reply, text=text)  # noqa: E731
    else:
        messages, schema = notes_prompt(text), NOTES_SCHEMA
        check = lambda reply: notes_checked(reply, text=text)  # noqa: E731
    services.call_run(
        call, configured=configured, messages=messages, schema=schema, names=names, check=check
    )


def start(
    *, owner: AbstractBaseUser, feature: str, place: str, text: str, names: Sequence[str] = ()
) -> ModelCall | None:
    """Send the text to the person's model in the background; None when none is set."""
    configured = services.server_for(owner)
    if configured is None or not text.strip():
        return None
    subject = _subject(place, text)
    running = ModelCall.objects.filter(
        owner=owner, feature=feature, subject=subject, status=ModelCall.Status.RUNNING
    ).first()
    if running is not None:
        return running
    call = services.call_begin(owner=owner, feature=feature, subject=subject, configured=configured)
    read_with_model.enqueue(call.pk, text, [n for n in names if n])
    call.refresh_from_db()  # an immediate task backend has finished it already
    return call


def accepted_reply(
    *, owner: AbstractBaseUser, feature: str, place: str, text: str, call_id: object
) -> tuple[Any, str] | None:
    """The checked reply of a finished call on this very text and what it left out
    (the call's note), or None."""
    try:
        pk = int(str(call_id))
    except ValueError:
        return None
    call = ModelCall.objects.filter(
        owner=owner,
        pk=pk,
        feature=feature,
        subject=_subject(place, text),
        status=ModelCall.Status.ACCEPTED,
    ).first()
    if call is None:
        return None
    try:
        return json.loads(call.result), call.note
    except ValueError:
        return None


def _get_call_for_user(request: HttpRequest, pk: int) -> ModelCall:
    return get_owned(ModelCall, request.user, pk=pk, feature__in=(INVITATION, NOTES))


@login_required
@require_GET
def reading_status(request: HttpRequest, pk: int) -> HttpResponse:
    call = _get_call_for_user(request, pk)
    return render(request, "assistant/_reading_status.html", {"call": call})


@login_required
@require_POST
def reading_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    """Cancel; from the review page (HTMX) answer with the box, so the review stays."""
    call = _get_call_for_user(request, pk)
    services.call_cancel(call=call)
    if request.htmx:
        return render(request, "assistant/_reading_status.html", {"call": call, "cancelled": True})
    messages.info(request, "Cancelled: the review keeps Second Round's own reading.")
    return redirect("model_log")


def invitation_with_model(
    request: HttpRequest,
    *,
    text: str,
    round_pk: int,
    parsed: ParsedInvitation,
    source: InvitationText | None = None,
) -> tuple[ParsedInvitation, dict[str, Any], list[str]]:
    """For the invitation review: (the roster, the page's model box, a note per row).

    With the id of a finished reading of this very text in the POST, the roster merged
    with it; else, when a model is configured, a reading started in the background.
    `source`: an uploaded file (`text` is its body): the model reads the body, the
    calendar's attendees and times stay as the engine read them, and the box sends the
    file's other facts back with the body for the merged review."""
    user = request.user
    own = (user.get_full_name(), user.email, user.username)  # type: ignore[union-attr]
    candidate = tuple(v for v in (*own, *(addressed(source) if source else ())) if v)
    settled = calendar_times(source) if source is not None else frozenset()
    place = f"round:{round_pk}"
    reply = accepted_reply(
        owner=user,
        feature=INVITATION,
        place=place,
        text=text,
        call_id=request.POST.get("model_call"),
    )
    if reply is not None:
        merged = merge_invitation(
            parsed, reply[0], text=text, candidate=candidate, settled_times=settled
        )
        return merged.parsed, _applied(reply[1], merged.dropped), merged.notes
    names = [*(entry.name for entry in parsed.entries), *candidate]
    call = start(owner=user, feature=INVITATION, place=place, text=text, names=names)
    action = reverse("invitation_parse", args=[round_pk])
    box = _box(call, action, "text", text)
    if box and source is not None:
        box["model_carried"] = {"file_facts": facts_as_json(source)}
    return parsed, box, ["" for _ in parsed.entries]


def notes_with_model(
    request: HttpRequest,
    *,
    text: str,
    round_pk: int,
    split: SplitNotes,
    interviewers: Sequence[str] = (),
) -> tuple[SplitNotes, dict[str, Any], list[str]]:
    """For the debrief review: (the sorting, the page's model box, sentences to show).
    `interviewers`: the round's people, replaced by placeholders for a server elsewhere."""
    user = request.user
    place = f"debrief:{round_pk}"
    reply = accepted_reply(
        owner=user, feature=NOTES, place=place, text=text, call_id=request.POST.get("model_call")
    )
    if reply is not None:
        merged = merge_notes(split, reply[0], text=text)
        return merged.split, _applied(reply[1], merged.dropped), merged.notes
    # Names to replace for a server elsewhere: the round's interviewers and the person.
    own = (user.get_full_name(), user.first_name, user.last_name)  # type: ignore[union-attr]
    names = [*interviewers, *own]
    call = start(owner=user, feature=NOTES, place=place, text=text, names=names)
    action = reverse("debrief_capture", args=[round_pk])
    return split, _box(call, action, "notes", text), []


def _applied(note: str, dropped: list[str]) -> dict[str, Any]:
    left_out = [note] if note else []
    return {"model_applied": True, "model_dropped": [*left_out, *dropped]}


def _box(call: ModelCall | None, action: str, field_name: str, text: str) -> dict[str, Any]:
    if call is None:
        return {}
    return {
        "model_call": call,
        "model_action": action,
        "model_field": field_name,
        "model_text": text,
    }
