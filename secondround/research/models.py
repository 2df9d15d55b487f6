"""S4: what the candidate learned about the company and the people, and the answers built on it."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Lower

from secondround.engine.nlp.vocabulary import COMPETENCIES
from secondround.opportunities.models import YEAR_VALIDATORS, Interviewer, Opportunity


class CompanyProfile(models.Model):
    """One per opportunity. List-like fields hold one item per line, as people type them."""

    opportunity = models.OneToOneField(
        Opportunity, on_delete=models.CASCADE, related_name="profile"
    )
    industry = models.CharField(max_length=200, blank=True)
    products = models.TextField("products and services", blank=True, help_text="One per line.")
    launches = models.TextField(
        "newest launches", blank=True, help_text="One per line, newest first."
    )
    competitors = models.TextField(blank=True, help_text="One per line.")
    values = models.TextField("values and culture", blank=True, help_text="One per line.")
    social_media = models.TextField(
        "social media notes", blank=True, help_text="What they post about, one per line."
    )
    updated_at = models.DateTimeField(auto_now=True, validators=YEAR_VALIDATORS)

    def __str__(self) -> str:
        return f"Profile of {self.opportunity.company}"


class PressItem(models.Model):
    opportunity = models.ForeignKey(
        Opportunity, on_delete=models.CASCADE, related_name="press_items"
    )
    title = models.CharField(max_length=300)
    url = models.URLField("link", max_length=1000, blank=True)
    published_on = models.DateField("date", null=True, blank=True, validators=YEAR_VALIDATORS)
    summary = models.TextField("what it says", blank=True)

    class Meta:
        ordering = [models.F("published_on").desc(nulls_last=True), "pk"]

    def __str__(self) -> str:
        return self.title


class InformationalInterview(models.Model):
    opportunity = models.ForeignKey(
        Opportunity, on_delete=models.CASCADE, related_name="informational_interviews"
    )
    person = models.CharField("who", max_length=200)
    held_on = models.DateField("when", null=True, blank=True, validators=YEAR_VALIDATORS)
    takeaways = models.TextField(blank=True, help_text="One per line.")

    class Meta:
        ordering = [models.F("held_on").desc(nulls_last=True), "pk"]

    def __str__(self) -> str:
        return self.person


class InterviewerResearch(models.Model):
    interviewer = models.OneToOneField(
        Interviewer, on_delete=models.CASCADE, related_name="research"
    )
    background = models.TextField(blank=True)
    shared_experience = models.TextField("shared experience", blank=True)
    talking_points = models.TextField("talking points", blank=True, help_text="One per line.")
    profile_notes = models.TextField("profile notes", blank=True)

    def __str__(self) -> str:
        return f"Research on {self.interviewer}"


class ResearchSource(models.Model):
    """A page imported by URL or pasted, kept with where and when it came from."""

    OWNER_PATH = "opportunity__owner"

    class Method(models.TextChoices):
        FETCHED = "fetched", "Fetched"
        PASTED = "pasted", "Pasted"

    opportunity = models.ForeignKey(Opportunity, on_delete=models.CASCADE, related_name="sources")
    url = models.URLField(max_length=1000, blank=True)
    title = models.CharField(max_length=300, blank=True)
    text = models.TextField()
    method = models.CharField(max_length=10, choices=Method.choices)
    retrieved_at = models.DateTimeField(validators=YEAR_VALIDATORS)

    class Meta:
        ordering = ["-retrieved_at", "-pk"]

    def __str__(self) -> str:
        return self.title or self.url or "Pasted text"


class SavedAnswer(models.Model):
    """The user's edited version of a built answer ("What have you learned about us?")."""

    class Kind(models.TextChoices):
        LEARNED = "learned", "What have you learned about us so far?"
        PROCEED = "proceed", "How would you proceed if hired?"

    opportunity = models.ForeignKey(
        Opportunity, on_delete=models.CASCADE, related_name="saved_answers"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    text = models.TextField()
    updated_at = models.DateTimeField(auto_now=True, validators=YEAR_VALIDATORS)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["opportunity", "kind"], name="one_answer_per_kind")
        ]

    def __str__(self) -> str:
        return self.get_kind_display()


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
        db_table = "questions_competencyneed"  # moved from questions; the table kept its name
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
        db_table = "questions_skillneed"  # moved from questions; the table kept its name
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(Lower("name"), "opportunity", name="one_skill_per_name")
        ]

    def __str__(self) -> str:
        return self.name
