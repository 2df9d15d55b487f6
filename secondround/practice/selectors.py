"""Progress across attempts: the figures a candidate watches improve."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q, QuerySet

from secondround.engine.practice.report import REPORT_VERSION

from .models import Attempt
from .services import star_completeness

SERIES = (
    ("fillers_per_minute", "Fillers per minute", "lower is better; about 1 is fluent"),
    (
        "words_per_minute",
        "Pace (words per minute)",
        "spoken answers only; 130–160 is easy to follow",
    ),
    ("words", "Length (words)", "about 150–300 for a behavioural answer"),
    ("star", "STAR parts present", "all four: situation, task, action, result"),
)


@dataclass(frozen=True)
class Series:
    key: str
    label: str
    hint: str
    values: list[float | None]

    def points(self, width: int = 300, height: int = 60) -> str:
        known = [v for v in self.values if v is not None]
        if len(known) < 1:
            return ""
        top = max(known) or 1.0
        step = width / max(1, len(self.values) - 1)
        return " ".join(
            f"{index * step:.1f},{height - (value / top) * (height - 6) - 3:.1f}"
            for index, value in enumerate(self.values)
            if value is not None
        )


def _value(attempt: Attempt, key: str) -> float | None:
    report = attempt.report or {}
    if key == "fillers_per_minute":
        return (report.get("fillers") or {}).get("per_minute")
    if key == "star":
        return star_completeness(report) * 4 if report else None
    value = report.get(key)
    return float(value) if isinstance(value, int | float) else None


def stale_attempts(owner: AbstractBaseUser) -> QuerySet[Attempt]:
    """Finished attempts whose report an older engine wrote (services.reports_refresh)."""
    return (
        Attempt.objects.filter(round__opportunity__owner=owner, status=Attempt.Status.DONE)
        .filter(Q(report__version__lt=REPORT_VERSION) | ~Q(report__has_key="version"))
        .select_related("round__opportunity")
    )


def progress(
    owner: AbstractBaseUser, *, question_key: str | None = None
) -> tuple[list[Attempt], list[Series]]:
    attempts = Attempt.objects.filter(round__opportunity__owner=owner, status=Attempt.Status.DONE)
    if question_key:
        attempts = attempts.filter(question_key=question_key)
    ordered = list(attempts.order_by("created_at").select_related("round__opportunity"))
    series = [
        Series(key, label, hint, [_value(a, key) for a in ordered]) for key, label, hint in SERIES
    ]
    return ordered, series
