from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models


class ModelSettings(models.Model):
    """One account's language-model server; with no base URL, the environment's or none."""

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="model_settings"
    )
    base_url = models.CharField(
        "server address",
        max_length=500,
        blank=True,
        help_text="An OpenAI-compatible server, e.g. http://localhost:11434/v1 (Ollama).",
    )
    model = models.CharField("model name", max_length=200, blank=True)
    api_key = models.CharField(
        "key", max_length=500, blank=True, help_text="Only if the server asks for one."
    )
    timeout_seconds = models.PositiveIntegerField(
        "wait at most (seconds)",
        default=120,
        validators=[MinValueValidator(5), MaxValueValidator(1800)],
    )
    not_on_my_machine = models.BooleanField(
        "this server is not on my machine",
        default=False,
        help_text=(
            "Needed for an address outside your machine or network. Names, e-mail addresses "
            "and phone numbers are then replaced by placeholders before anything is sent."
        ),
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Model settings of {self.owner}"


class ModelCall(models.Model):
    """One request to the model, as the person's log shows it; also the job's state."""

    class Feature(models.TextChoices):
        FOLLOW_UP = "follow_up", "Follow-up question in practice"
        INVITATION = "invitation", "Reading an invitation"
        NOTES = "notes", "Sorting round-one notes"
        REWRITE = "rewrite", "Rewriting a draft"
        TEST = "test", "Connection test"

    class Status(models.TextChoices):
        RUNNING = "running", "Running"
        ACCEPTED = "accepted", "Accepted"
        REFUSED = "refused", "Refused by the checks"
        FAILED = "failed", "Failed"
        CANCELLED = "cancelled", "Cancelled"

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="model_calls"
    )
    feature = models.CharField(max_length=20, choices=Feature.choices)
    subject = models.CharField(max_length=100, blank=True)  # e.g. "attempt:12"
    model = models.CharField(max_length=200)
    server = models.CharField(max_length=500)
    redacted = models.BooleanField(default=False)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.RUNNING)
    note = models.TextField(blank=True)  # why refused or failed
    result = models.TextField(blank=True)  # what was accepted
    bytes_sent = models.PositiveIntegerField(default=0)
    bytes_received = models.PositiveIntegerField(default=0)
    milliseconds = models.PositiveIntegerField(null=True, blank=True)
    cancel_requested = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_feature_display()} ({self.get_status_display()})"

    @property
    def running(self) -> bool:
        return self.status == self.Status.RUNNING
