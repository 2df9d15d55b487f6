"""S6: the candidate's accomplishments as STAR stories, shared by all their opportunities."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse

from secondround.engine.nlp.vocabulary import COMPETENCIES
from secondround.engine.stories.story_check import StoryCheck, check_story


class Story(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="stories"
    )
    title = models.CharField(max_length=200)
    situation = models.TextField(blank=True)
    task = models.TextField(blank=True)
    action = models.TextField(blank=True)
    result = models.TextField(blank=True)
    metric = models.CharField(
        "the number", max_length=200, blank=True, help_text="For example “late deliveries”."
    )
    metric_before = models.CharField("before", max_length=60, blank=True)
    metric_after = models.CharField("after", max_length=60, blank=True)
    employer = models.CharField(max_length=200, blank=True)
    role = models.CharField(max_length=200, blank=True)
    year = models.CharField(max_length=20, blank=True, help_text="When it happened, e.g. 2024.")
    competencies = models.JSONField(default=list, blank=True)
    skills = models.CharField(max_length=500, blank=True, help_text="Comma-separated.")
    how_acquired = models.TextField("how I acquired the skill", blank=True)
    learned = models.TextField("what I learned", blank=True)
    # The embedding of the story's text, and a digest of the text it was computed from:
    # recomputed only when that text changes.
    vector = models.BinaryField(null=True, blank=True, editable=False)
    vector_digest = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at"]
        verbose_name_plural = "stories"

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("story_edit", args=[self.pk])

    def readiness(self) -> StoryCheck:
        metric = " ".join((self.metric, self.metric_before, self.metric_after))
        return check_story(
            situation=self.situation,
            task=self.task,
            action=self.action,
            result=self.result,
            metric=metric,
        )

    def competency_labels(self) -> list[str]:
        return [COMPETENCIES[c] for c in self.competencies if c in COMPETENCIES]
