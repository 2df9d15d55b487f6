"""S7: mock interviews and every attempt, with its audio (deletable), transcript and report."""

from __future__ import annotations

from django.db import models
from django.urls import reverse

from secondround.opportunities.models import Interviewer, Round


def audio_path(attempt: Attempt, filename: str) -> str:
    owner = attempt.round.opportunity.owner_id
    return f"practice/{owner}/{attempt.round_id}/{attempt.pk or 'new'}-{filename}"


class PracticeSession(models.Model):
    """One mock interview: the day played interviewer by interviewer."""

    OWNER_PATH = "round__opportunity__owner"

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="practice_sessions")
    plan = models.JSONField(default=list)  # [{key, text, kind, competency, interviewer, name}]
    position = models.PositiveSmallIntegerField(default=0)
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"Mock interview for {self.round}"

    def get_absolute_url(self) -> str:
        return reverse("practice_session", args=[self.pk])

    @property
    def current(self) -> dict | None:
        return self.plan[self.position] if self.position < len(self.plan) else None


class Attempt(models.Model):
    OWNER_PATH = "round__opportunity__owner"

    class Status(models.TextChoices):
        DONE = "done", "Done"
        RECORDING = "recording", "Recording"
        TRANSCRIBING = "transcribing", "Transcribing"
        FAILED = "failed", "Failed"

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="attempts")
    session = models.ForeignKey(
        PracticeSession, on_delete=models.SET_NULL, null=True, blank=True, related_name="attempts"
    )
    interviewer = models.ForeignKey(
        Interviewer, on_delete=models.SET_NULL, null=True, blank=True, related_name="attempts"
    )
    question_key = models.CharField(max_length=120)
    question_text = models.TextField()
    question_kind = models.CharField(max_length=20, blank=True)
    answer_text = models.TextField(blank=True)
    seconds = models.FloatField(null=True, blank=True)
    audio = models.FileField(upload_to=audio_path, blank=True)
    words = models.JSONField(default=list, blank=True)  # [[text, start, end], ...] from speech
    partial = models.JSONField(default=dict, blank=True)  # chunked transcription state
    report = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DONE)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Attempt at “{self.question_text[:60]}”"

    def get_absolute_url(self) -> str:
        return reverse("attempt_detail", args=[self.pk])
