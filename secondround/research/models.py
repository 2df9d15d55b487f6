"""S4: what the candidate learned about the company and the people, and the answers built on it."""

from __future__ import annotations

from django.db import models

from secondround.opportunities.models import YEAR_VALIDATORS, Interviewer, Opportunity, Round


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


class GlossaryTerm(models.Model):
    """A company term (product, system, acronym, competitor) and what it means."""

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
        ordering = [models.functions.Lower("term")]
        constraints = [
            models.UniqueConstraint(
                models.functions.Lower("term"), "opportunity", name="one_term_per_opportunity"
            )
        ]

    def __str__(self) -> str:
        return self.term


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
