"""S15: what a candidate shares with a coach or a recruiter, what they say about it, who
looked, and a career centre's organisation.

A share names its sections one by one; salary figures and the fit scorecard are two
sections of their own, never implied by another. Comments are ordinary rows with an owner
(the coach) and a target (one model per kind of target, so each travels with its item in
an export). The access log is append-only.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from secondround.accounts.models import SingleUseLink
from secondround.debrief.models import AskedQuestion, Concern, Observation
from secondround.engine.nlp.vocabulary import COMPETENCIES
from secondround.opportunities.models import YEAR_VALIDATORS, Interviewer, Opportunity, Round
from secondround.practice.models import Attempt
from secondround.stories.models import Story


class Section(models.TextChoices):
    """What a share can open, each ticked on its own. The value is the Share field's name."""

    ROSTER = "roster", "Roster and research"
    DEBRIEF = "debrief", "Debrief"
    BANK = "bank", "Question bank"
    STORIES = "stories", "Stories"
    PRACTICE = "practice", "Practice answers (transcripts and feedback)"
    RECORDINGS = "recordings", "Recordings of practice answers"
    BRIEF = "brief", "Brief"
    LETTERS = "letters", "Thank-you letters"
    SALARY = "salary", "Salary figures"
    FIT = "fit", "Fit scorecard"


class Share(models.Model):
    """One candidate's consent for one other account to read sections of one opportunity."""

    class Role(models.TextChoices):
        COACH = "coach", "Coach"
        RECRUITER = "recruiter", "Recruiter"

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="shares_given"
    )
    opportunity = models.ForeignKey(Opportunity, on_delete=models.CASCADE, related_name="shares")
    # Empty while an invitation link waits to be used.
    grantee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="shares_received",
    )
    invited_as = models.CharField(
        "invited as", max_length=200, blank=True, help_text="Who an invitation link is for."
    )
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.COACH)
    roster = models.BooleanField(Section.ROSTER.label, default=False)
    debrief = models.BooleanField(Section.DEBRIEF.label, default=False)
    bank = models.BooleanField(Section.BANK.label, default=False)
    stories = models.BooleanField(Section.STORIES.label, default=False)
    practice = models.BooleanField(Section.PRACTICE.label, default=False)
    recordings = models.BooleanField(Section.RECORDINGS.label, default=False)
    brief = models.BooleanField(Section.BRIEF.label, default=False)
    letters = models.BooleanField(Section.LETTERS.label, default=False)
    salary = models.BooleanField(Section.SALARY.label, default=False)
    fit = models.BooleanField(Section.FIT.label, default=False)
    ends_on = models.DateField(
        "ends on",
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        help_text="The last day they can see it. Leave empty to share until you revoke it.",
    )
    created_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["opportunity", "grantee"],
                condition=Q(revoked_at__isnull=True, grantee__isnull=False),
                name="one_live_share_per_person",
            )
        ]
        indexes = [models.Index(fields=["grantee", "revoked_at"])]

    def __str__(self) -> str:
        return f"{self.opportunity} shared with {self.grantee_name}"

    def get_absolute_url(self) -> str:
        return reverse("share_detail", args=[self.pk])

    @property
    def grantee_name(self) -> str:
        if self.grantee_id is None:
            return self.invited_as or "an invited person"
        return self.grantee.get_full_name() or self.grantee.get_username()

    def sections(self) -> list[Section]:
        return [section for section in Section if self.allows(section)]

    def allows(self, section: Section) -> bool:
        # A recruiter reads the roster and research only, whatever the row says.
        if self.role == self.Role.RECRUITER and section != Section.ROSTER:
            return False
        return bool(getattr(self, section.value))

    def status(self, today: date) -> str:
        if self.revoked_at is not None:
            return "revoked"
        if self.ends_on is not None and self.ends_on < today:
            return "ended"
        if self.grantee_id is None:
            return "invited"
        return "active"


class ShareInvitation(SingleUseLink):
    """The link that gives a share to a coach who has no account here yet."""

    share = models.OneToOneField(Share, on_delete=models.CASCADE, related_name="invitation")

    class Meta(SingleUseLink.Meta):
        pass

    def __str__(self) -> str:
        return f"invitation to {self.share}"


class AppendOnly(Exception):
    """An access log entry is never changed or deleted (only with the whole account)."""


class AccessLog(models.Model):
    """Who opened, downloaded or commented on what of a candidate's, and when."""

    class Action(models.TextChoices):
        VIEW = "view", "Viewed"
        DOWNLOAD = "download", "Downloaded"
        COMMENT = "comment", "Commented on"

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="access_log"
    )
    share = models.ForeignKey(
        Share, on_delete=models.SET_NULL, null=True, blank=True, related_name="log"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    actor_name = models.CharField(max_length=200)
    action = models.CharField(max_length=10, choices=Action.choices)
    section = models.CharField(max_length=12, choices=Section.choices, blank=True)
    what = models.CharField(max_length=300, blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["share", "-at"])]

    def __str__(self) -> str:
        return f"{self.actor_name} {self.get_action_display().lower()} {self.what}"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise AppendOnly("An access log entry cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnly("An access log entry cannot be deleted.")


class Comment(models.Model):
    """What a coach (or a recruiter) wrote beside one item of the candidate's.

    The candidate's data: it stays when the share goes, and travels with its item in an
    export, under the author's name (the account it came from exists on this server only).
    """

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    share = models.ForeignKey(
        Share, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    author = models.CharField(max_length=200)
    text = models.TextField()
    created_at = models.DateTimeField(default=timezone.now, validators=YEAR_VALIDATORS)
    done_at = models.DateTimeField(null=True, blank=True, validators=YEAR_VALIDATORS)

    class Meta:
        abstract = True
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.author}: {self.text[:60]}"


class QuestionComment(Comment):
    question = models.ForeignKey(AskedQuestion, on_delete=models.CASCADE, related_name="comments")


class ObservationComment(Comment):
    observation = models.ForeignKey(Observation, on_delete=models.CASCADE, related_name="comments")


class ConcernComment(Comment):
    concern = models.ForeignKey(Concern, on_delete=models.CASCADE, related_name="comments")


class StoryComment(Comment):
    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="comments")


class AttemptComment(Comment):
    """A comment on one practice answer, with a rating against a competency if given."""

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="comments")
    competency = models.CharField(max_length=30, choices=list(COMPETENCIES.items()), blank=True)
    score = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )


class BankComment(Comment):
    """A comment on a bank question, which the engine rebuilds: held by the question's key."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="bank_comments")
    key = models.CharField(max_length=120)


class InterviewerComment(Comment):
    """What a recruiter (or a coach) knows about one interviewer."""

    interviewer = models.ForeignKey(Interviewer, on_delete=models.CASCADE, related_name="comments")


COMMENT_MODELS: tuple[type[Comment], ...] = (
    QuestionComment,
    ObservationComment,
    ConcernComment,
    StoryComment,
    AttemptComment,
    BankComment,
    InterviewerComment,
)


class Organisation(models.Model):
    """A career centre or an agency running one Second Round for its students."""

    name = models.CharField(max_length=200)
    join_code = models.CharField(max_length=40, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("organisation_home", args=[self.pk])


class Membership(models.Model):
    class Role(models.TextChoices):
        ADMIN = "admin", "Administrator"
        COACH = "coach", "Coach"
        STUDENT = "student", "Student"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=10, choices=Role.choices)
    joined_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["organisation", "role", "joined_at"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], name="one_membership_each")
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()}) in {self.organisation}"


class OrganisationInvitation(SingleUseLink):
    """An administrator's link that makes its user a coach of the organisation."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations"
    )
    note = models.CharField(max_length=200, blank=True)

    class Meta(SingleUseLink.Meta):
        pass

    def __str__(self) -> str:
        return f"coach invitation to {self.organisation}"


class CoachPackage(models.Model):
    """A coach package this server made, so that the coach's reply can be checked here.

    The reply must name this package and its digest, and comment only on its items.
    """

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="coach_packages"
    )
    opportunity = models.ForeignKey(
        Opportunity, on_delete=models.CASCADE, related_name="coach_packages"
    )
    package_id = models.CharField(max_length=64, unique=True)
    digest = models.CharField(max_length=64)
    sections = models.JSONField(default=list)
    items = models.JSONField(default=list)  # the item keys the package holds
    document = models.JSONField(default=dict)  # the file as given out
    imported_keys = models.JSONField(default=list)  # reply comments already imported
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"coach package of {self.opportunity} ({self.created_at:%Y-%m-%d})"

    def get_absolute_url(self) -> str:
        return reverse("coach_package_download", args=[self.pk])


class ReceivedPackage(models.Model):
    """A coach package opened in this Second Round, to comment on and answer with a file."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="received_packages"
    )
    package_id = models.CharField(max_length=64)
    candidate = models.CharField(max_length=200)
    title = models.CharField(max_length=400)
    document = models.JSONField()
    received_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-received_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "package_id"], name="one_copy_per_package")
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("received_package", args=[self.pk])


class PackageComment(models.Model):
    package = models.ForeignKey(ReceivedPackage, on_delete=models.CASCADE, related_name="comments")
    key = models.CharField(max_length=32, unique=True)
    item = models.CharField(max_length=200)
    text = models.TextField()
    competency = models.CharField(max_length=30, choices=list(COMPETENCIES.items()), blank=True)
    score = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:60]
