"""Speech work runs as background tasks: one process on a laptop, workers elsewhere."""

from __future__ import annotations

import logging

from django_tasks import task

from secondround.engine.practice.speech import (
    AudioError,
    IncrementalTranscriber,
    SpeechUnavailable,
    TimedWord,
    Transcript,
)

from .models import Attempt
from .services import attempt_analyse

logger = logging.getLogger(__name__)


def _transcriber(state: dict) -> IncrementalTranscriber:
    """A transcriber resumed from what earlier pieces already settled."""
    transcriber = IncrementalTranscriber()
    transcriber.committed = [
        TimedWord(text, start, end) for text, start, end in state.get("committed", [])
    ]
    transcriber.committed_until = float(state.get("until", 0.0))
    return transcriber


def _state(transcriber: IncrementalTranscriber, so_far: Transcript) -> dict:
    return {
        "committed": [[w.text, w.start, w.end] for w in transcriber.committed],
        "until": transcriber.committed_until,
        # What the page shows while the answer goes on, and what will be left at the end.
        "text": so_far.text,
        "words": len(so_far.words),
        "received": round(transcriber.seconds, 1),
        "pending": round(transcriber.pending_seconds, 1),
    }


def _apply(attempt: Attempt, transcript: Transcript) -> None:
    attempt.answer_text = transcript.text
    attempt.words = [[w.text, w.start, w.end] for w in transcript.words]
    attempt.seconds = transcript.seconds
    attempt_analyse(attempt)
    attempt.status = Attempt.Status.DONE
    attempt.error = ""


@task()
def transcribe_piece(attempt_id: int) -> None:
    """Transcribe what is new in a recording still being uploaded."""
    attempt = Attempt.objects.select_related("round__opportunity").filter(pk=attempt_id).first()
    if attempt is None or attempt.status != Attempt.Status.RECORDING or not attempt.audio:
        return
    transcriber = _transcriber(attempt.partial)
    try:
        with attempt.audio.open("rb") as stream:
            so_far = transcriber.add(stream.read())
    except (AudioError, SpeechUnavailable, OSError):
        return  # the final pass reports problems; a partial failure changes nothing
    attempt.partial = _state(transcriber, so_far)
    attempt.save(update_fields=["partial"])


@task()
def transcribe_attempt(attempt_id: int) -> None:
    """Finish the transcript (only the untranscribed tail is left) and write the report."""
    attempt = Attempt.objects.select_related("round__opportunity").filter(pk=attempt_id).first()
    if attempt is None or attempt.status != Attempt.Status.TRANSCRIBING:
        return  # deleted meanwhile, or already finished by another worker
    transcriber = _transcriber(attempt.partial)
    try:
        if not attempt.audio:
            raise AudioError("Nothing was recorded: check the microphone.")
        with attempt.audio.open("rb") as stream:
            transcript = transcriber.finish(stream.read())
        _apply(attempt, transcript)
    except AudioError as error:
        attempt.status, attempt.error = Attempt.Status.FAILED, str(error)
    except SpeechUnavailable as error:
        attempt.status = Attempt.Status.FAILED
        attempt.error = f"Speech recognition is not available on this machine: {error}"
    except OSError:
        attempt.status = Attempt.Status.FAILED
        attempt.error = "The recording could not be read back; please record the answer again."
    except Exception:
        # Never leave the page waiting on an attempt nobody is working on any more.
        logger.exception("Transcribing attempt %s failed", attempt_id)
        attempt.status = Attempt.Status.FAILED
        attempt.error = "Something went wrong while transcribing; please record the answer again."
    attempt.partial = {}
    attempt.save()
