"""S8–S11: questions to ask each interviewer, the 90-day plan, salary, and the day's brief."""

from __future__ import annotations

from django.core.validators import MinValueValidator
from django.db import models

from secondround.opportunities.models import YEAR_VALIDATORS, Interviewer, Opportunity


class AskChoice(models.Model):
    """A question to ask one interviewer that the user pinned, edited or wrote.

    The engine's other suggestions are not stored: they follow the roster and research.
    """

    OWNER_PATH = "interviewer__round__opportunity__owner"

    interviewer = models.ForeignKey(
        Interviewer, on_delete=models.CASCADE, related_name="ask_choices"
    )
    library_id = models.CharField(max_length=40, blank=True)
    text = models.TextField()
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text[:80]


class NinetyDayPlan(models.Model):
    """Three phases, each a list of "goal — how success is measured" lines, as edited."""

    opportunity = models.OneToOneField(Opportunity, on_delete=models.CASCADE, related_name="plan")
    learn = models.TextField("days 1–30: learn", blank=True)
    contribute = models.TextField("days 31–60: contribute", blank=True)
    lead = models.TextField("days 61–90: lead", blank=True)
    updated_at = models.DateTimeField(auto_now=True, validators=YEAR_VALIDATORS)

    def __str__(self) -> str:
        return f"90-day plan for {self.opportunity}"

    def phases(self) -> list[tuple[str, list[tuple[str, str]]]]:
        def goals(text: str) -> list[tuple[str, str]]:
            rows = []
            for line in text.splitlines():
                goal, _, measure = line.strip(" -•*").partition(" — ")
                if goal.strip():
                    rows.append((goal.strip(), measure.strip()))
            return rows

        return [
            ("Days 1–30 · Learn", goals(self.learn)),
            ("Days 31–60 · Contribute", goals(self.contribute)),
            ("Days 61–90 · Lead", goals(self.lead)),
        ]


class SalaryEntry(models.Model):
    opportunity = models.ForeignKey(
        Opportunity, on_delete=models.CASCADE, related_name="salary_entries"
    )
    source = models.CharField(max_length=200)
    low = models.DecimalField(max_digits=12, decimal_places=2, validators=[MinValueValidator(0)])
    high = models.DecimalField(max_digits=12, decimal_places=2, validators=[MinValueValidator(0)])
    currency = models.CharField(max_length=3, default="USD")
    as_of = models.DateField("date", null=True, blank=True, validators=YEAR_VALIDATORS)

    class Meta:
        ordering = ["-as_of", "pk"]
        verbose_name_plural = "salary entries"

    def __str__(self) -> str:
        return self.source


class SalaryPlan(models.Model):
    opportunity = models.OneToOneField(
        Opportunity, on_delete=models.CASCADE, related_name="salary_plan"
    )
    currency = models.CharField(max_length=3, default="USD")
    target = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    walk_away = models.DecimalField(
        "walk-away", max_digits=12, decimal_places=2, null=True, blank=True
    )
    benefits = models.TextField(
        "benefits that matter",
        blank=True,
        help_text="One per line, with a weight: “Health insurance: 5”.",
    )
    notes = models.TextField(blank=True)

    def __str__(self) -> str:
        return f"Salary plan for {self.opportunity}"

    def benefit_rows(self) -> list[tuple[str, int]]:
        rows = []
        for line in self.benefits.splitlines():
            name, _, weight = line.partition(":")
            if name.strip():
                rows.append((name.strip(), int(weight) if weight.strip().isdigit() else 3))
        return sorted(rows, key=lambda row: -row[1])
