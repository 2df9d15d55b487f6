"""S1 and S2: the opportunities a candidate pursues, their rounds, and who they will meet."""

from __future__ import annotations

import secrets
import zoneinfo
from datetime import date, datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse

from secondround.engine.nlp.dates import EARLIEST_YEAR, LATEST_YEAR, in_zone, plausible_year
from secondround.engine.nlp.role_titles import role_in_prose
from secondround.engine.nlp.vocabulary import RELATIONS


def validate_time_zone(name: str) -> None:
    try:
        zoneinfo.ZoneInfo(name)
    except (ValueError, zoneinfo.ZoneInfoNotFoundError):
        raise ValidationError(f"{name!r} is not a known time zone.") from None


def validate_year(value: date | datetime) -> None:
    """Refuse dates outside EARLIEST_YEAR–LATEST_YEAR (see secondround.engine.nlp.dates for why).

    On every date a person types or an import carries, so a form and an import both refuse
    "9999-12-31" with this message instead of saving a date that no page could show.
    """
    if not plausible_year(value.year):
        raise ValidationError(
            f"Give a year between {EARLIEST_YEAR} and {LATEST_YEAR}; {value.year} is probably "
            "a typo.",
            code="year_out_of_range",
        )


YEAR_VALIDATORS = [validate_year]


def new_data_version() -> int:
    """A random stamp, not a counter: an instance saved from an older copy in memory
    writes a new stamp, never an earlier one that a cache may still hold results for."""
    return secrets.randbits(62)


class Opportunity(models.Model):
    class Status(models.TextChoices):
        APPLIED = "applied", "Applied"
        INTERVIEWING = "interviewing", "Interviewing"
        OFFER = "offer", "Offer"
        ACCEPTED = "accepted", "Accepted"
        REJECTED = "rejected", "Rejected"
        WITHDRAWN = "withdrawn", "Withdrawn"

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="opportunities"
    )
    company = models.CharField(max_length=200)
    role_title = models.CharField("role title", max_length=200)
    posting_text = models.TextField("job posting", blank=True)
    source_url = models.URLField("posting URL", max_length=1000, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.INTERVIEWING)
    notes = models.TextField(blank=True)
    # What the posting asks for, read when the posting is saved (services.posting_read) so
    # that drafting finds the skills ready: analysis_as_json of the posting whose digest
    # is beside it. A reading of another text is stale and read again.
    posting_reading = models.JSONField(default=dict, blank=True, editable=False)
    posting_read_digest = models.CharField(max_length=40, blank=True, editable=False)
    archived_at = models.DateTimeField(null=True, blank=True, validators=YEAR_VALIDATORS)
    created_at = models.DateTimeField(auto_now_add=True, validators=YEAR_VALIDATORS)
    updated_at = models.DateTimeField(auto_now=True, validators=YEAR_VALIDATORS)
    # Changes whenever the opportunity or anything of it that the round readiness reads is
    # saved or deleted (secondround.overview.freshness): the key of the readiness cache.
    data_version = models.BigIntegerField(default=new_data_version, editable=False)

    class Meta:
        ordering = ["-updated_at"]
        verbose_name_plural = "opportunities"
        indexes = [models.Index(fields=["owner", "archived_at"])]

    def __str__(self) -> str:
        return f"{self.role_title} at {self.company}"

    def save(self, *args, **kwargs) -> None:
        self.data_version = new_data_version()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "data_version"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("opportunity_detail", args=[self.pk])

    @property
    def role_in_prose(self) -> str:
        """The title as drafted sentences say it: no "(m/f/d)" or requisition code."""
        return role_in_prose(self.role_title)

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None


class Round(models.Model):
    OWNER_PATH = "opportunity__owner"

    class Format(models.TextChoices):
        ONE_TO_ONE = "one_to_one", "One-to-one"
        PANEL = "panel", "Panel"
        ALL_DAY_LOOP = "all_day_loop", "All-day loop"
        TEST = "test", "Test / assessment"

    opportunity = models.ForeignKey(Opportunity, on_delete=models.CASCADE, related_name="rounds")
    number = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1)], help_text="1 for the first interview, 2 for the second…"
    )
    name = models.CharField(
        max_length=100, blank=True, help_text='Optional, such as "Final" or "Onsite loop".'
    )
    starts_at = models.DateTimeField(null=True, blank=True, validators=YEAR_VALIDATORS)
    ends_at = models.DateTimeField(null=True, blank=True, validators=YEAR_VALIDATORS)
    time_zone = models.CharField(max_length=64, default="UTC", validators=[validate_time_zone])
    location = models.CharField(max_length=300, blank=True)
    video_link = models.URLField(max_length=1000, blank=True)
    format = models.CharField(max_length=20, choices=Format.choices, default=Format.ONE_TO_ONE)
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True, validators=YEAR_VALIDATORS)

    class Meta:
        ordering = ["number", "starts_at"]
        constraints = [
            models.UniqueConstraint(fields=["opportunity", "number"], name="one_round_per_number")
        ]

    def __str__(self) -> str:
        return self.label

    def get_absolute_url(self) -> str:
        return reverse("round_detail", args=[self.pk])

    @property
    def label(self) -> str:
        ordinal = {1: "First", 2: "Second", 3: "Third", 4: "Fourth", 5: "Fifth"}
        default = f"{ordinal.get(self.number, f'Round {self.number}')} interview"
        return self.name or default

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    def local(self, moment: datetime | None) -> datetime | None:
        """A stored instant in the round's own time zone, as the invitation stated it.

        None also for an instant the zone cannot show (only stored before years were bounded).
        """
        return in_zone(moment, self.zone) if moment else None

    def local_day(self) -> date | None:
        start = self.local(self.starts_at)
        return start.date() if start else None


class Interviewer(models.Model):
    OWNER_PATH = "round__opportunity__owner"

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="interviewers")
    honorific = models.CharField(
        max_length=30, blank=True, help_text="Dr, Prof., Ms… kept apart from the name."
    )
    name = models.CharField(max_length=200, help_text="Spelled exactly as they spell it.")
    pronunciation = models.CharField(max_length=200, blank=True)
    title = models.CharField(max_length=200, blank=True)
    relation = models.CharField(
        "relation to the role",
        max_length=30,
        choices=list(RELATIONS.items()),
        default="other",
    )
    email = models.EmailField(blank=True)
    profile_url = models.URLField(max_length=1000, blank=True)
    starts_at = models.DateTimeField(null=True, blank=True, validators=YEAR_VALIDATORS)
    ends_at = models.DateTimeField(null=True, blank=True, validators=YEAR_VALIDATORS)
    notes = models.TextField(blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "starts_at", "pk"]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        """The name as a letter or a brief writes it: "Dr Amara Okafor"."""
        return f"{self.honorific} {self.name}" if self.honorific else self.name


def opportunities_changed(opportunities: models.QuerySet[Opportunity]) -> None:
    """Mark these opportunities changed: for writes that send no signal (bulk_create,
    QuerySet.update) to rows the readiness reads."""
    opportunities.update(data_version=new_data_version())
