"""Practice in the app: a mock interview in order, typed and spoken answers, progress."""

import re
import shutil
import subprocess

import pytest
from django.urls import reverse

from secondround.engine.practice.report import REPORT_VERSION
from secondround.practice import services
from secondround.practice.models import Attempt, PracticeSession
from tests.factories import make_interviewer

pytestmark = pytest.mark.django_db

ANSWER = (
    "Last winter our ward had too many patient falls. I was asked to lead a prevention project. "
    "I audited forty falls, I trained the night staff on hourly rounding and I set up bed alarms. "
    "As a result, falls dropped from twelve to four a month."
)


@pytest.fixture
def session(alice_client, alice_round):
    make_interviewer(alice_round, name="Maria Okafor", relation="managers_manager")
    alice_client.post(reverse("practice_start", args=[alice_round.pk]))
    return PracticeSession.objects.get(round=alice_round)


def test_the_day_starts_with_the_staples_then_goes_interviewer_by_interviewer(session):
    texts = [item["text"] for item in session.plan]
    assert texts[0] in {
        "What have you learned about us so far?",
        "How would you proceed if you were hired into this job?",
        "Why do you want to work for us?",
    }
    names = [item["name"] for item in session.plan[3:]]
    assert names.index("Dana Whitfield") < names.index("Maria Okafor")
    assert len(set(texts)) == len(texts)


def test_typed_answer_gets_feedback_then_next(alice_client, session):
    page = alice_client.get(reverse("practice_session", args=[session.pk])).content.decode()
    assert session.plan[0]["text"] in page and "Question 1 of" in page
    # The time between opening the page and sending is typing time: never a pace.
    response = alice_client.post(
        reverse("practice_answer", args=[session.pk]), {"answer": ANSWER, "seconds": "3"}
    )
    attempt = Attempt.objects.get(session=session)
    assert response["Location"] == attempt.get_absolute_url()
    report = attempt.report
    assert report["words"] > 40 and report["seconds"] is None
    assert report["words_per_minute"] is None and report["estimate_wpm"] == 150
    assert report["estimated_seconds"] == round(report["words"] / 150 * 60, 1)
    page = alice_client.get(attempt.get_absolute_url()).content.decode()
    assert "Time to say it" in page and "wpm" not in page
    assert "Feedback" in page and "Next question" in page
    assert '<span class="star star-result">result</span>' in page
    alice_client.post(reverse("practice_next", args=[session.pk]))
    session.refresh_from_db()
    assert session.position == 1


def test_the_same_question_twice_reports_changed_facts(alice_client, session):
    alice_client.post(
        reverse("practice_answer", args=[session.pk]),
        {"answer": ANSWER.replace("twelve to four", "12 to 4")},
    )
    alice_client.post(
        reverse("practice_answer", args=[session.pk]),
        {"answer": ANSWER.replace("twelve to four", "12 to 6")},
    )
    latest = Attempt.objects.filter(session=session).first()
    topics = [point["topic"] for point in latest.report["points"]]
    assert "consistency" in topics


def test_empty_answer_is_explained(alice_client, session):
    response = alice_client.post(
        reverse("practice_answer", args=[session.pk]), {"answer": "  "}, follow=True
    )
    assert "Type your answer first" in response.content.decode()
    assert not Attempt.objects.exists()


def test_a_non_audio_upload_gets_a_clear_message(alice_client, session):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("answer.wav", b"this is not audio at all" * 100)
    response = alice_client.post(
        reverse("recording_upload", args=[session.pk]), {"audio": upload}, follow=True
    )
    assert "not audio" in response.content.decode().lower()
    assert not Attempt.objects.exists()


def test_progress_page(alice_client, session):
    alice_client.post(
        reverse("practice_answer", args=[session.pk]), {"answer": ANSWER, "seconds": "50"}
    )
    alice_client.post(
        reverse("practice_answer", args=[session.pk]),
        {"answer": ANSWER + " Um, basically that's it.", "seconds": "55"},
    )
    page = alice_client.get(reverse("practice_progress")).content.decode()
    assert "Fillers per minute" in page and "<polyline" in page
    assert "2 answers so far" in page
    # Counts read as counts: "Latest: 94", never "Latest: 94.0".
    assert not re.search(r"Latest: <strong>\d+\.0</strong>", page)


def test_progress_page_with_one_answer_says_answer(alice_client, session):
    alice_client.post(
        reverse("practice_answer", args=[session.pk]), {"answer": ANSWER, "seconds": "50"}
    )
    page = alice_client.get(reverse("practice_progress")).content.decode()
    assert "1 answer so far" in page


@pytest.mark.skipif(not shutil.which("espeak-ng"), reason="espeak-ng is installed by make test")
def test_a_spoken_answer_in_pieces_is_transcribed_and_analysed(
    alice_client, session, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path / "media"
    wav = tmp_path / "answer.wav"
    subprocess.run(["espeak-ng", "-s", "150", "-w", str(wav), ANSWER], check=True)
    data = wav.read_bytes()
    start = alice_client.post(reverse("recording_start", args=[session.pk])).json()
    size = len(data) // 3 + 1
    for index in range(3):
        reply = alice_client.post(
            start["piece"],
            data[index * size : (index + 1) * size],
            content_type="application/octet-stream",
        )
        assert reply.status_code == 200
    finished = alice_client.post(
        start["finish"], b"", content_type="application/octet-stream"
    ).json()
    attempt = Attempt.objects.get(session=session)
    assert finished["result"] == attempt.get_absolute_url()
    assert attempt.status == "done", attempt.error  # the immediate task backend ran it
    assert "prevention project" in attempt.answer_text.lower()
    assert attempt.words and attempt.report["words_per_minute"]
    page = alice_client.get(attempt.get_absolute_url()).content.decode()
    assert "wpm" in page and "<audio" in page
    alice_client.post(reverse("attempt_delete_audio", args=[attempt.pk]))
    attempt.refresh_from_db()
    assert not attempt.audio and attempt.report


def test_the_question_is_read_aloud(alice_client, session):
    response = alice_client.get(reverse("read_aloud", args=[session.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "audio/wav"
    assert response.content[:4] == b"RIFF" and len(response.content) > 10_000


def test_deleting_the_opportunity_removes_recordings_from_disk(
    alice_client, alice_round, tmp_path, settings, django_capture_on_commit_callbacks
):
    from secondround.practice import services

    settings.MEDIA_ROOT = tmp_path / "media"
    attempt = Attempt.objects.create(round=alice_round, question_key="k", question_text="Q?")
    services.attempt_store_audio(attempt=attempt, data=b"RIFF....WAVE", name="a.wav")
    path = attempt.audio.path
    opportunity = alice_round.opportunity
    with django_capture_on_commit_callbacks(execute=True):
        alice_client.post(
            reverse("opportunity_delete", args=[opportunity.pk]), {"confirm": opportunity.company}
        )
    assert not Attempt.objects.exists()
    import os

    assert not os.path.exists(path)


def _spoken(round_, wpm: float) -> Attempt:
    words = [["word", i * 60 / wpm, i * 60 / wpm + 0.2] for i in range(60)]
    attempt = Attempt.objects.create(
        round=round_, question_key="spoken", question_text="Why us?", words=words
    )
    services.attempt_analyse(attempt)
    attempt.save()
    return attempt


def test_a_typed_answer_is_timed_at_the_speakers_own_measured_pace(alice_client, session):
    spoken = _spoken(session.round, wpm=120)
    assert 115 < spoken.report["words_per_minute"] < 125
    alice_client.post(reverse("practice_answer", args=[session.pk]), {"answer": ANSWER})
    typed = Attempt.objects.get(session=session, words=[])
    assert 115 < typed.report["estimate_wpm"] < 125 and typed.report["estimate_is_own_pace"]
    assert typed.report["words_per_minute"] is None
    page = alice_client.get(typed.get_absolute_url()).content.decode()
    assert "your pace of" in page


def test_progress_holds_pace_only_for_spoken_answers(alice_client, session):
    _spoken(session.round, wpm=140)
    alice_client.post(reverse("practice_answer", args=[session.pk]), {"answer": ANSWER})
    page = alice_client.get(reverse("practice_progress"))
    pace = next(s for s in page.context["series"] if s.key == "words_per_minute")
    assert pace.values[1] is None and 135 < pace.values[0] < 145


def test_reports_stored_before_this_engine_are_analysed_again(alice_client, session):
    old = Attempt.objects.create(
        round=session.round,
        question_key="old",
        question_text="Tell me about a time you led a change.",
        answer_text=ANSWER,
        seconds=3,  # typing time, stored by the old page
        report={"words": 46, "seconds": 3, "words_per_minute": 920.0},
    )
    alice_client.get(reverse("practice_progress"))
    old.refresh_from_db()
    assert old.seconds is None and old.report["words_per_minute"] is None
    assert old.report["version"] == REPORT_VERSION
