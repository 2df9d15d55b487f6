"""Practice: a mock interview played interviewer by interviewer, typed or spoken."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from secondround.accounts.access import get_owned
from secondround.assistant.services import server_for
from secondround.engine.nlp.sizes import too_large
from secondround.engine.practice.speech import AudioError, SpeechUnavailable, probe_audio, speak
from secondround.opportunities.access import get_round_for_user

from . import selectors, services
from .follow_up import latest_call
from .forms import ProgressFilterForm, TypedAnswerForm
from .models import Attempt, PracticeSession
from .tasks import transcribe_attempt, transcribe_piece

MAX_TTS_CHARS = 600


def _get_session_for_user(request: HttpRequest, pk: int) -> PracticeSession:
    return get_owned(
        PracticeSession.objects.select_related("round__opportunity"), request.user, pk=pk
    )


def _get_attempt_for_user(request: HttpRequest, pk: int) -> Attempt:
    return get_owned(
        Attempt.objects.select_related("round__opportunity", "session"), request.user, pk=pk
    )


def _refresh_reports(request: HttpRequest) -> None:
    services.reports_refresh(selectors.stale_attempts(request.user))


@login_required
@require_GET
def practice_home(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = get_round_for_user(request, pk)
    _refresh_reports(request)
    return render(
        request,
        "practice/home.html",
        {
            "round": round_,
            "opportunity": round_.opportunity,
            "sessions": round_.practice_sessions.all()[:10],
            "attempts": round_.attempts.all()[:30],
        },
    )


@login_required
@require_POST
def practice_start(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = get_round_for_user(request, pk)
    session = services.session_start(round=round_)
    if not session.plan:
        messages.warning(
            request, "No questions to practise yet: add the posting or the roster first."
        )
        return redirect("practice_home", pk=round_.pk)
    return redirect(session)


@login_required
@require_GET
def practice_session(request: HttpRequest, pk: int) -> HttpResponse:
    session = _get_session_for_user(request, pk)
    return _render_session(request, session, TypedAnswerForm())


def _render_session(request: HttpRequest, session: PracticeSession, form) -> HttpResponse:
    return render(
        request,
        "practice/session.html",
        {
            "session": session,
            "round": session.round,
            "opportunity": session.round.opportunity,
            "question": session.current,
            "number": session.position + 1,
            "total": len(session.plan),
            "last": session.attempts.filter(
                question_key=(session.current or {}).get("key", "")
            ).first(),
            "answer_form": form,
        },
    )


@login_required
@require_POST
def practice_answer(request: HttpRequest, pk: int) -> HttpResponse:
    session = _get_session_for_user(request, pk)
    question = session.current
    if question is None:
        return redirect("practice_home", pk=session.round_id)
    form = TypedAnswerForm(request.POST)
    if not form.is_valid():
        return _render_session(request, session, form)  # the typed text stays in the box
    attempt = services.attempt_typed(
        round=session.round,
        session=session,
        question=question,
        text=form.cleaned_data["answer"],
    )
    return redirect(attempt)


@login_required
@require_POST
def practice_next(request: HttpRequest, pk: int) -> HttpResponse:
    session = _get_session_for_user(request, pk)
    services.session_advance(session=session)
    if session.finished_at:
        messages.success(
            request, "That was the whole day. See how you did across the answers below."
        )
        return redirect("practice_home", pk=session.round_id)
    return redirect(session)


@login_required
@require_POST
def recording_start(request: HttpRequest, pk: int) -> JsonResponse:
    session = _get_session_for_user(request, pk)
    if session.current is None:
        return JsonResponse({"error": "This mock interview is finished."}, status=400)
    attempt = services.attempt_begin_recording(
        round=session.round, session=session, question=session.current
    )
    return JsonResponse(
        {
            "piece": reverse("recording_piece", args=[attempt.pk]),
            "finish": reverse("recording_finish", args=[attempt.pk]),
            "result": attempt.get_absolute_url(),
        }
    )


@login_required
@require_POST
def recording_piece(request: HttpRequest, pk: int) -> JsonResponse:
    """A piece of the recording, sent while the user speaks; transcribed as it arrives."""
    attempt = _get_attempt_for_user(request, pk)
    if attempt.status != Attempt.Status.RECORDING:
        return JsonResponse({"error": "This recording is already finished."}, status=400)
    try:
        services.attempt_append_audio(
            attempt=attempt, piece=request.body, limit=settings.SECONDROUND_MAX_AUDIO_BYTES
        )
    except ValueError as error:
        return JsonResponse({"error": str(error)}, status=400)
    transcribe_piece.enqueue(attempt.pk)
    attempt.refresh_from_db(fields=["partial"])
    partial = attempt.partial or {}
    return JsonResponse({"text": partial.get("text", ""), "words": partial.get("words", 0)})


@login_required
@require_POST
def recording_finish(request: HttpRequest, pk: int) -> JsonResponse:
    attempt = _get_attempt_for_user(request, pk)
    if request.body:
        try:
            services.attempt_append_audio(
                attempt=attempt, piece=request.body, limit=settings.SECONDROUND_MAX_AUDIO_BYTES
            )
        except ValueError as error:
            return JsonResponse({"error": str(error)}, status=400)
    if not attempt.audio:
        attempt.status, attempt.error = (
            Attempt.Status.FAILED,
            "Nothing was recorded: check the microphone.",
        )
        attempt.save(update_fields=["status", "error"])
        return JsonResponse({"result": attempt.get_absolute_url()})
    attempt.status = Attempt.Status.TRANSCRIBING
    attempt.save(update_fields=["status"])
    transcribe_attempt.enqueue(attempt.pk)
    return JsonResponse({"result": attempt.get_absolute_url()})


@login_required
@require_POST
def recording_upload(request: HttpRequest, pk: int) -> HttpResponse:
    """Answer with an audio file: for browsers without recording, or a file made elsewhere."""
    session = _get_session_for_user(request, pk)
    upload = request.FILES.get("audio")
    if session.current is None:
        return redirect("practice_home", pk=session.round_id)
    if upload is None:
        messages.error(request, "Choose an audio file first.")
        return redirect(session)
    limit = settings.SECONDROUND_MAX_AUDIO_BYTES
    if upload.size > limit:  # say how big it really is, not how much of it was read
        messages.error(request, too_large(upload.size, limit, what="The recording"))
        return redirect(session)
    data = upload.read(limit + 1)
    try:
        probe_audio(data, max_bytes=limit)
    except AudioError as error:
        messages.error(request, str(error))
        return redirect(session)
    attempt = services.attempt_begin_recording(
        round=session.round, session=session, question=session.current
    )
    services.attempt_store_audio(attempt=attempt, data=data, name=upload.name[-60:] or "answer")
    attempt.status = Attempt.Status.TRANSCRIBING
    attempt.save(update_fields=["status"])
    transcribe_attempt.enqueue(attempt.pk)
    return redirect(attempt)


def _clock(seconds: float | None) -> str | None:
    """0:07, 1:42: where in the recording something was said."""
    if not isinstance(seconds, int | float):
        return None
    whole = max(0, int(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


@login_required
@require_GET
def attempt_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _refresh_reports(request)
    attempt = _get_attempt_for_user(request, pk)
    report = attempt.report or {}
    fillers = report.get("fillers") or {}
    items, times = fillers.get("items") or [], fillers.get("times") or []
    context = {
        "attempt": attempt,
        "round": attempt.round,
        "opportunity": attempt.round.opportunity,
        "session": attempt.session,
        "labelled": list(zip(report.get("sentences", []), report.get("star", []), strict=False)),
        "model_on": server_for(request.user) is not None,
        "follow_up_call": latest_call(attempt),
        "fillers_timed": [
            (item, _clock(times[index]) if index < len(times) else None)
            for index, item in enumerate(items)
        ],
        "pauses": [(_clock(start), length) for start, length in report.get("pauses") or []],
    }
    template = "practice/_report.html" if request.htmx else "practice/attempt.html"
    return render(request, template, context)


@login_required
@require_GET
def attempt_audio(request: HttpRequest, pk: int) -> HttpResponse:
    attempt = _get_attempt_for_user(request, pk)
    if not attempt.audio:
        return HttpResponse(status=404)
    return FileResponse(attempt.audio.open("rb"), content_type="audio/webm")


@login_required
@require_POST
def attempt_delete_audio(request: HttpRequest, pk: int) -> HttpResponse:
    attempt = _get_attempt_for_user(request, pk)
    services.attempt_delete_audio(attempt=attempt)
    messages.success(request, "The recording is deleted; the transcript and feedback stay.")
    return redirect(attempt)


@login_required
@require_POST
def attempt_delete(request: HttpRequest, pk: int) -> HttpResponse:
    attempt = _get_attempt_for_user(request, pk)
    round_id = attempt.round_id
    services.attempt_delete_audio(attempt=attempt)
    attempt.delete()
    messages.success(request, "Attempt deleted.")
    return redirect("practice_home", pk=round_id)


@login_required
@require_GET
def read_aloud(request: HttpRequest, pk: int) -> HttpResponse:
    """The current question of a session, spoken by the bundled voice."""
    session = _get_session_for_user(request, pk)
    question = session.current
    if question is None:
        return HttpResponse(status=404)
    try:
        audio = speak(question["text"][:MAX_TTS_CHARS])
    except SpeechUnavailable as error:
        return HttpResponse(str(error), status=503, content_type="text/plain")
    response = HttpResponse(audio, content_type="audio/wav")
    response["Cache-Control"] = "private, max-age=3600"
    return response


@login_required
@require_GET
def practice_progress(request: HttpRequest) -> HttpResponse:
    filter_form = ProgressFilterForm(request.GET)
    key = (filter_form.cleaned_data["question"] if filter_form.is_valid() else "") or None
    _refresh_reports(request)
    attempts, series = selectors.progress(request.user, question_key=key)
    return render(
        request,
        "practice/progress.html",
        {"attempts": attempts, "series": series, "question_key": key},
    )
