"""S3: what a candidate learned in an earlier round, kept as typed.

Business terms heard in a round live in the opportunity's glossary (research app), so
that each term is defined once whether it came from the debrief, research or posting.
"""

from __future__ import annotations

from django.db import models
from django.urls import reverse

from secondround.engine.nlp.vocabulary import COMPETENCIES, QUESTION_KINDS
from secondround.opportunities.models import Opportunity, Round


class Debrief(models.Model):
    round = models.OneToOneField(Round, on_delete=models.CASCADE, related_name="debrief")
    challenges = models.TextField(
        "the role's challenges",
        blank=True,
        help_text="As you now understand them, one per line.",
    )
    reviewed_with = models.CharField(
        "reviewed with", max_length=200, blank=True, help_text="A recruiter or mentor, if any."
    )
    review_notes = models.TextField("notes from the review", blank=True)
    raw_notes = models.TextField(
        "notes as first typed", blank=True, help_text="Kept as you pasted them."
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Debrief of {self.round}"

    def get_absolute_url(self) -> str:
        return reverse("debrief_detail", args=[self.round_id])

    def challenge_lines(self) -> list[str]:
        return [line.strip() for line in self.challenges.splitlines() if line.strip()]


class AskedQuestion(models.Model):
    OWNER_PATH = "debrief__round__opportunity__owner"

    class Went(models.TextChoices):
        COMFORTABLE = "comfortable", "Comfortable"
        UNSURE = "unsure", "Unsure"
        STRUGGLED = "struggled", "Struggled"

    debrief = models.ForeignKey(Debrief, on_delete=models.CASCADE, related_name="questions")
    text = models.TextField("question")
    went = models.CharField("how it went", max_length=12, choices=Went.choices, blank=True)
    my_answer = models.TextField("what I answered", blank=True)
    wish_i_said = models.TextField("what I wish I had said", blank=True)
    # Blank: the question classifier files it; set when the user refiles it in the bank.
    competency = models.CharField(max_length=30, choices=list(COMPETENCIES.items()), blank=True)
    kind = models.CharField(max_length=20, choices=list(QUESTION_KINDS.items()), blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text[:80]


class Observation(models.Model):
    """A short line of the debrief: what drew a positive response, or what I forgot."""

    OWNER_PATH = "debrief__round__opportunity__owner"

    class Kind(models.TextChoices):
        POSITIVE = "positive", "Drew a positive response"
        MISS = "miss", "Forgot to mention"

    debrief = models.ForeignKey(Debrief, on_delete=models.CASCADE, related_name="observations")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    text = models.TextField()
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["kind", "position", "pk"]

    def __str__(self) -> str:
        return self.text[:80]


class Concern(models.Model):
    OWNER_PATH = "debrief__round__opportunity__owner"

    debrief = models.ForeignKey(Debrief, on_delete=models.CASCADE, related_name="concerns")
    said = models.TextField("what was said or signalled")
    raised_by = models.CharField("by whom", max_length=200, blank=True)
    planned_answer = models.TextField("my planned answer", blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.said[:80]


class GlossaryTerm(models.Model):
    """A company term (product, system, acronym, competitor) and what it means."""

    OWNER_PATH = "opportunity__owner"

    class Source(models.TextChoices):
        DEBRIEF = "debrief", "Heard in an interview"
        RESEARCH = "research", "Research"
        POSTING = "posting", "Job posting"
        MINE = "mine", "Added by me"

    opportunity = models.ForeignKey(Opportunity, on_delete=models.CASCADE, related_name="glossary")
    term = models.CharField(max_length=200)
    meaning = models.TextField(blank=True)
    where_heard = models.CharField("where heard", max_length=300, blank=True)
    heard_in = models.ForeignKey(
        Round, on_delete=models.SET_NULL, null=True, blank=True, related_name="terms_heard"
    )
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.MINE)

    class Meta:
        db_table = "research_glossaryterm"  # moved from research; the table kept its name
        ordering = [models.functions.Lower("term")]
        constraints = [
            models.UniqueConstraint(
                models.functions.Lower("term"), "opportunity", name="one_term_per_opportunity"
            )
        ]

    def __str__(self) -> str:
        return self.term
