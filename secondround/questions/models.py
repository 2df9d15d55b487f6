"""S5: the user's work on a round's bank (what the posting asks for lives in research).

The bank itself is rebuilt by the engine on every view from these rows, the roster and
the debrief, so it follows every change; only the user's own marks and questions are kept.
"""

from __future__ import annotations

import hashlib

from django.db import models

from secondround.engine.nlp.vocabulary import COMPETENCIES, QUESTION_KINDS
from secondround.opportunities.models import Round


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
    OWNER_PATH = "round__opportunity__owner"

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
