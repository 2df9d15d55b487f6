"""S5: what the posting asks for, as the user confirmed it, and their work on a round's bank.

The bank itself is rebuilt by the engine on every view from these rows, the roster and
the debrief, so it follows every change; only the user's own marks and questions are kept.
"""

from __future__ import annotations

import hashlib

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Lower

from secondround.engine.nlp.vocabulary import COMPETENCIES, QUESTION_KINDS
from secondround.opportunities.models import Opportunity, Round


class Origin(models.TextChoices):
    ENGINE = "engine", "Found in the posting"
    MINE = "mine", "Added by me"


class CompetencyNeed(models.Model):
    opportunity = models.ForeignKey(
        Opportunity, on_delete=models.CASCADE, related_name="competency_needs"
    )
    competency = models.CharField(max_length=30, choices=list(COMPETENCIES.items()))
    weight = models.FloatField(
        default=0.5, validators=[MinValueValidator(0.0), MaxValueValidator(1.0)]
    )
    evidence = models.TextField(blank=True)
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.MINE)

    class Meta:
        ordering = ["-weight", "competency"]
        constraints = [
            models.UniqueConstraint(
                fields=["opportunity", "competency"], name="one_need_per_competency"
            )
        ]

    def __str__(self) -> str:
        return self.get_competency_display()


class SkillNeed(models.Model):
    class Kind(models.TextChoices):
        # As the posting reader types a skill; the drafters ask about each kind its own way.
        TOOL = "tool", "Tool, equipment or system"
        PROCEDURE = "procedure", "Procedure or technique"
        CERTIFICATION = "certification", "Certificate or licence"
        KNOWLEDGE = "knowledge", "Knowledge area"

    opportunity = models.ForeignKey(
        Opportunity, on_delete=models.CASCADE, related_name="skill_needs"
    )
    name = models.CharField(max_length=200)
    kind = models.CharField("kind", max_length=20, choices=Kind.choices, blank=True)
    evidence = models.TextField(blank=True)
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.MINE)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(Lower("name"), "opportunity", name="one_skill_per_name")
        ]

    def __str__(self) -> str:
        return self.name


class PreparedQuestion(models.Model):
    """A bank question the user marked prepared, by its stable engine key."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="prepared_questions")
    key = models.CharField(max_length=120)
    prepared_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["round", "key"], name="one_mark_per_question")
        ]

    def __str__(self) -> str:
        return self.key


class OwnQuestion(models.Model):
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="own_questions")
    text = models.TextField("question")
    competency = models.CharField(max_length=30, choices=list(COMPETENCIES.items()))
    kind = models.CharField(max_length=20, choices=list(QUESTION_KINDS.items()))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def bank_key(self) -> str:
        """Stable across export and import (ids change, text and time do not)."""
        stamp = f"{self.text}|{self.created_at.isoformat() if self.created_at else ''}"
        return f"own:{hashlib.sha1(stamp.encode(), usedforsecurity=False).hexdigest()[:12]}"
