"""S12–S14: after the round — notes per interviewer, thank-you letters, the follow-up,
and the candidate's own verdict on the job."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from secondround.opportunities.models import (
    YEAR_VALIDATORS,
    Interviewer,
    Opportunity,
    Round,
)


class InterviewerNote(models.Model):
    """What was discussed with one interviewer, written right after the round."""

    interviewer = models.OneToOneField(
        Interviewer, on_delete=models.CASCADE, related_name="after_notes"
    )
    discussed = models.TextField("what we discussed", blank=True, help_text="One per line.")
    cares_about = models.TextField("what they care about", blank=True, help_text="One per line.")
    worries = models.TextField("what worried them", blank=True, help_text="One per line.")
    personal = models.TextField(
        "personal, worth remembering", blank=True, help_text="One per line."
    )
    updated_at = models.DateTimeField(auto_now=True, validators=YEAR_VALIDATORS)

    def __str__(self) -> str:
        return f"Notes on {self.interviewer}"

    @property
    def is_empty(self) -> bool:
        return not any((self.discussed, self.cares_about, self.worries, self.personal))


class Letter(models.Model):
    OWNER_PATH = "interviewer__round__opportunity__owner"

    class Form(models.TextChoices):
        EMAIL = "email", "E-mail"
        CARD = "card", "Handwritten card"

    interviewer = models.OneToOneField(Interviewer, on_delete=models.CASCADE, related_name="letter")
    form = models.CharField("sent as", max_length=10, choices=Form.choices, default=Form.EMAIL)
    subject = models.CharField(max_length=300)
    body = models.TextField("e-mail")
    card = models.TextField("handwritten card", blank=True)
    generic = models.BooleanField(default=False)
    edited = models.BooleanField(default=False)
    sent_at = models.DateTimeField(null=True, blank=True, validators=YEAR_VALIDATORS)
    drafted_at = models.DateTimeField(auto_now_add=True, validators=YEAR_VALIDATORS)
    updated_at = models.DateTimeField(auto_now=True, validators=YEAR_VALIDATORS)

    def __str__(self) -> str:
        return self.subject


class FollowUp(models.Model):
    class Outcome(models.TextChoices):
        WAITING = "waiting", "Waiting to hear"
        NEXT_ROUND = "next_round", "Invited to the next round"
        OFFER = "offer", "Offer"
        REJECTED = "rejected", "Not selected"

    round = models.OneToOneField(Round, on_delete=models.CASCADE, related_name="follow_up")
    decision_expected_on = models.DateField(
        "they said they would decide by", null=True, blank=True, validators=YEAR_VALIDATORS
    )
    follow_up_on = models.DateField(
        "follow up on", null=True, blank=True, validators=YEAR_VALIDATORS
    )
    contact_name = models.CharField("who to write to", max_length=200, blank=True)
    contact_email = models.EmailField(blank=True)
    sent_at = models.DateTimeField(null=True, blank=True, validators=YEAR_VALIDATORS)
    outcome = models.CharField(max_length=12, choices=Outcome.choices, default=Outcome.WAITING)
    feedback_requested_at = models.DateTimeField(null=True, blank=True, validators=YEAR_VALIDATORS)

    def __str__(self) -> str:
        return f"Follow-up of {self.round}"


DEFAULT_CRITERIA = (
    ("The responsibilities", 5),
    ("The manager's style", 4),
    ("The culture", 4),
    ("Team dynamics", 3),
    ("Use of my greatest strengths", 4),
    ("Growth", 3),
    ("Pay and benefits", 4),
)


class FitCriterion(models.Model):
    opportunity = models.ForeignKey(
        Opportunity, on_delete=models.CASCADE, related_name="fit_criteria"
    )
    name = models.CharField(max_length=120)
    weight = models.PositiveSmallIntegerField(
        default=3, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.name


class FitScore(models.Model):
    criterion = models.ForeignKey(FitCriterion, on_delete=models.CASCADE, related_name="scores")
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="fit_scores")
    score = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    evidence = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["criterion", "round"], name="one_score_per_round")
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.score}"


class FitVerdict(models.Model):
    class Answer(models.TextChoices):
        YES = "yes", "Yes"
        UNSURE = "unsure", "Not sure yet"
        NO = "no", "No"

    opportunity = models.OneToOneField(
        Opportunity, on_delete=models.CASCADE, related_name="fit_verdict"
    )
    would_accept = models.CharField(
        "would I accept if they offered today?",
        max_length=8,
        choices=Answer.choices,
        default=Answer.UNSURE,
    )
    reasons = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True, validators=YEAR_VALIDATORS)

    def __str__(self) -> str:
        return self.get_would_accept_display()
