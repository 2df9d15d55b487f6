"""Spoken answers in the app: nothing heard, bad files, fillers with their times."""

from __future__ import annotations

import numpy as np
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from secondround.engine.practice import speech
from secondround.engine.practice.report import PACE_HIGH, PACE_LOW
from secondround.practice import services
from secondround.practice.models import Attempt, PracticeSession
from tests.audio_files import encode, two_hours_of_8_bit_wav, wav_of

pytestmark = pytest.mark.django_db

SILENCE = np.zeros(12 * 16_000, dtype=np.float32)
TONE = (0.3 * np.sin(2 * np.pi * 220 * np.arange(32_000) / 16_000)).astype(np.float32)


@pytest.fixture
def session(alice_client, alice_round, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    alice_client.post(reverse("practice_start", args=[alice_round.pk]))
    return PracticeSession.objects.get(round=alice_round)


@pytest.fixture
def earlier(session):
    """An answer given before: nothing below may change it."""
    attempt = services.attempt_typed(
        round=session.round,
        session=session,
        question=session.current,
        text="Um, I led the move to the new warehouse and we shipped on time.",
    )
    return Attempt.objects.values().get(pk=attempt.pk)


def _record(client, session, pieces: list[bytes]) -> Attempt:
    start = client.post(reverse("recording_start", args=[session.pk])).json()
    for piece in pieces:
        client.post(start["piece"], piece, content_type="application/octet-stream")
    client.post(start["finish"], b"", content_type="application/octet-stream")
    return Attempt.objects.filter(session=session).exclude(answer_text__startswith="Um").get()


def _in_pieces(data: bytes, count: int = 3) -> list[bytes]:
    size = len(data) // count + 1
    return [data[index * size : (index + 1) * size] for index in range(count)]


def test_a_silent_recording_is_not_an_answer(alice_client, session, earlier):
    attempt = _record(alice_client, session, _in_pieces(encode(SILENCE, "webm")))
    assert attempt.status == Attempt.Status.DONE, attempt.error
    assert attempt.answer_text == "" and attempt.words == []
    assert attempt.report["points"] == [] and attempt.partial == {}
    page = alice_client.get(attempt.get_absolute_url()).content.decode()
    assert "We did not hear an answer" in page
    assert "<h2>Feedback</h2>" not in page and "sentence by sentence" not in page
    assert Attempt.objects.values().get(pk=earlier["id"]) == earlier


@pytest.mark.parametrize(
    ("make", "message"),
    [
        pytest.param(lambda: b"", "not audio", id="empty"),
        pytest.param(lambda: b"just some notes, not a recording " * 50, "not audio", id="text"),
        pytest.param(
            lambda: encode(TONE, "webm")[:60] + bytes(range(256)) * 20, "not audio", id="corrupt"
        ),
        pytest.param(lambda: encode(TONE, "webm", video=True), "This is a video", id="video"),
        pytest.param(two_hours_of_8_bit_wav, "54.9 MB; the limit is 25 MB", id="two hours"),
        pytest.param(
            lambda: two_hours_of_8_bit_wav(rate=2_000),
            "longer than 5 minutes",
            id="two hours under the size limit",
        ),
    ],
)
def test_a_bad_upload_gets_a_message_and_changes_nothing(
    alice_client, session, earlier, make, message
):
    upload = SimpleUploadedFile("answer.webm", make())
    response = alice_client.post(
        reverse("recording_upload", args=[session.pk]), {"audio": upload}, follow=True
    )
    assert message in response.content.decode()
    assert Attempt.objects.count() == 1  # no attempt begun, so no transcription queued
    assert Attempt.objects.values().get(pk=earlier["id"]) == earlier


@pytest.mark.parametrize(
    ("pieces", "message"),
    [
        pytest.param([b"\x1aE\xdf\xa3 garbage"] * 3, "not audio", id="corrupt pieces"),
        pytest.param(
            _in_pieces(encode(TONE, "webm", video=True)), "This is a video", id="video pieces"
        ),
    ],
)
def test_bad_pieces_fail_with_a_message_and_leave_no_work(
    alice_client, session, earlier, pieces, message
):
    attempt = _record(alice_client, session, pieces)
    assert attempt.status == Attempt.Status.FAILED and message in attempt.error
    assert attempt.partial == {} and attempt.answer_text == ""
    assert not Attempt.objects.filter(
        status__in=[Attempt.Status.RECORDING, Attempt.Status.TRANSCRIBING]
    ).exists()
    page = alice_client.get(attempt.get_absolute_url()).content.decode()
    assert message in page
    assert Attempt.objects.values().get(pk=earlier["id"]) == earlier


def test_an_eight_kilohertz_stereo_upload_is_accepted(alice_client, session):
    stereo = np.stack([TONE[::2], TONE[::2]], axis=1).reshape(-1)
    upload = SimpleUploadedFile("phone.wav", wav_of(stereo, rate=8_000, channels=2))
    response = alice_client.post(reverse("recording_upload", args=[session.pk]), {"audio": upload})
    attempt = Attempt.objects.get(session=session)
    assert response.status_code == 302 and attempt.status == Attempt.Status.DONE, attempt.error


def test_fillers_and_long_pauses_are_shown_with_their_time(alice_client, session):
    words = [["Um,", 4.2, 4.6], ["I", 5.0, 5.1], ["led", 5.2, 5.5], ["it.", 5.6, 5.8]]
    words += [["Then,", 9.0, 9.3], ["uh,", 75.4, 75.9], ["we", 76.0, 76.2], ["won.", 76.3, 76.6]]
    attempt = Attempt.objects.create(
        round=session.round,
        session=session,
        question_key="k",
        question_text="Tell me about a time.",
        words=words,
        answer_text=" ".join(w[0] for w in words),
    )
    services.attempt_analyse(attempt)
    attempt.save()
    assert attempt.report["fillers"]["times"] == [4.2, 75.4]
    page = alice_client.get(attempt.get_absolute_url()).content.decode()
    assert 'um <span class="filler-time">at 0:04</span>' in page
    assert 'uh <span class="filler-time">at 1:15</span>' in page
    assert "Long pauses: 3.2 s at 0:05" in page and "Speaking time" in page


def test_progress_while_transcribing_says_what_is_heard_and_what_is_left(alice_client, session):
    attempt = Attempt.objects.create(
        round=session.round,
        session=session,
        question_key="k",
        question_text="Why us?",
        status=Attempt.Status.TRANSCRIBING,
        partial={"text": "I have used your product", "words": 5, "pending": 2.6},
    )
    page = alice_client.get(attempt.get_absolute_url()).content.decode()
    assert "5 words heard so far; the last 3 s are being transcribed." in page
    assert "I have used your product" in page and "<progress" in page


def test_pieces_report_the_words_heard_so_far(alice_client, session):
    start = alice_client.post(reverse("recording_start", args=[session.pk])).json()
    reply = alice_client.post(
        start["piece"], encode(SILENCE, "webm"), content_type="application/octet-stream"
    ).json()
    assert reply == {"text": "", "words": 0}
    assert speech.MAX_SECONDS == 300  # practice.js stops the recorder at 5 minutes


def test_an_unexpected_failure_ends_the_wait(alice_client, session, monkeypatch):
    def broken(self, data):
        raise RuntimeError("the recogniser crashed")

    monkeypatch.setattr("secondround.engine.practice.speech.IncrementalTranscriber.finish", broken)
    attempt = _record(alice_client, session, _in_pieces(encode(TONE, "webm")))
    assert attempt.status == Attempt.Status.FAILED and "went wrong" in attempt.error
    page = alice_client.get(attempt.get_absolute_url()).content.decode()
    assert "went wrong" in page and "every 1s" not in page


@pytest.mark.parametrize(
    ("wpm", "band"),
    [(90, "slower than"), (130, "within"), (180, "faster than")],
)
def test_speaking_time_and_pace_are_shown_against_the_easy_band(alice_client, session, wpm, band):
    # 60 words from 4 s on (silence before is not speaking time), one every 60/wpm s.
    words = [["word", 4 + i * 60 / wpm, 4 + i * 60 / wpm + 0.2] for i in range(60)]
    attempt = Attempt.objects.create(
        round=session.round,
        session=session,
        question_key="k",
        question_text="Why us?",
        words=words,
        answer_text=" ".join(w[0] for w in words),
        seconds=60 * 60 / wpm + 8,
    )
    services.attempt_analyse(attempt)
    attempt.save()
    spoken = words[-1][2] - words[0][1]
    assert attempt.report["seconds"] == pytest.approx(spoken, abs=0.05)
    page = alice_client.get(attempt.get_absolute_url()).content.decode()
    assert 'id="figure-seconds" title="From your first word to your last' in page
    assert f">{spoken:.0f} s</dd>" in page
    assert f"{attempt.report['words_per_minute']:.0f} wpm" in page
    assert f"{band} the 110–150 that is easiest to follow" in page
    assert (PACE_LOW, PACE_HIGH) == (110, 150)  # the page says 110–150 in words
