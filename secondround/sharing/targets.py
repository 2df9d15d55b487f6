"""What can be commented on, and how each kind of item reaches its opportunity and owner."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models

from secondround.accounts.access import owner_path as accounts_owner_path
from secondround.debrief.models import AskedQuestion, Concern, Observation
from secondround.opportunities.models import Interviewer, Opportunity, Round
from secondround.practice.models import Attempt
from secondround.stories.models import Story

from .models import (
    AttemptComment,
    BankComment,
    Comment,
    ConcernComment,
    InterviewerComment,
    ObservationComment,
    QuestionComment,
    Section,
    StoryComment,
)

# The ORM path from each model a shared page opens to its opportunity ("" for the
# opportunity itself). A story belongs to its owner, not to one opportunity.
OPPORTUNITY_PATH: dict[type[models.Model], str] = {
    Opportunity: "",
    Round: "opportunity",
    Interviewer: "round__opportunity",
    Attempt: "round__opportunity",
    AskedQuestion: "debrief__round__opportunity",
    Observation: "debrief__round__opportunity",
    Concern: "debrief__round__opportunity",
}


def owner_path(model: type[models.Model]) -> str:
    return accounts_owner_path(model)


@dataclass(frozen=True)
class Target:
    kind: str  # in URLs and coach packages: "question:12"
    model: type[models.Model]
    comment_model: type[Comment]
    field: str  # the comment's foreign key to the item
    section: Section
    label: str
    keyed: bool = False  # a bank question: the round plus the question's key


TARGETS: dict[str, Target] = {
    target.kind: target
    for target in (
        Target("question", AskedQuestion, QuestionComment, "question", Section.DEBRIEF, "question"),
        Target(
            "observation",
            Observation,
            ObservationComment,
            "observation",
            Section.DEBRIEF,
            "debrief note",
        ),
        Target("concern", Concern, ConcernComment, "concern", Section.DEBRIEF, "concern"),
        Target("story", Story, StoryComment, "story", Section.STORIES, "story"),
        Target("attempt", Attempt, AttemptComment, "attempt", Section.PRACTICE, "practice answer"),
        Target(
            "interviewer",
            Interviewer,
            InterviewerComment,
            "interviewer",
            Section.ROSTER,
            "interviewer",
        ),
        Target("bank", Round, BankComment, "round", Section.BANK, "bank question", keyed=True),
    )
}
BY_COMMENT_MODEL: dict[type[Comment], Target] = {t.comment_model: t for t in TARGETS.values()}
BY_MODEL: dict[type[models.Model], Target] = {t.model: t for t in TARGETS.values() if not t.keyed}
