from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse


def export_path(export: AccountExport, filename: str) -> str:
    return f"exports/{export.owner_id}/{filename}"


class AccountExport(models.Model):
    """One requested export of a whole account, built by a background task."""

    class Status(models.TextChoices):
        PENDING = "pending", "Being prepared"
        READY = "ready", "Ready"
        FAILED = "failed", "Failed"

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="exports"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    with_recordings = models.BooleanField(default=False)
    file = models.FileField(upload_to=export_path, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.filename

    def get_absolute_url(self) -> str:
        return reverse("export_download", args=[self.pk])

    @property
    def filename(self) -> str:
        extension = "zip" if self.with_recordings else "json"
        return f"secondround-{self.created_at:%Y-%m-%d-%H%M}.{extension}"
