"""When a round's readiness must be counted again: its opportunity's `data_version`.

The readiness of a round reads some twenty tables (selectors.round_facts); under load,
reading them on every dashboard, round and coach page was most of those pages' time. So
its facts are kept per process, keyed by the opportunity's `data_version`, and every save
or delete of a row that readiness reads gives the row's opportunity a new version, in the
same transaction as the write. Any process (a second server worker, the task worker) then
sees the new version on its next read, and counts again.

READ_BY_READINESS names those models with their path to the opportunity; a test reads the
tables of a readiness count and fails when one is missing here. Writes that send no
signal (bulk_create, QuerySet.update) call opportunities.models.opportunities_changed.
"""

from __future__ import annotations

from django.db import models
from django.db.models.signals import post_save, pre_delete

from secondround.brief.models import AskChoice, NinetyDayPlan, SalaryPlan
from secondround.debrief.models import AskedQuestion, Concern, Debrief, GlossaryTerm
from secondround.followup.models import FollowUp, InterviewerNote, Letter
from secondround.opportunities.models import (
    Interviewer,
    Opportunity,
    Round,
    opportunities_changed,
)
from secondround.practice.models import Attempt
from secondround.questions.models import OwnQuestion, PreparedQuestion
from secondround.research.models import (
    CompanyProfile,
    CompetencyNeed,
    InterviewerResearch,
    SkillNeed,
)
from secondround.stories.models import Story

_THROUGH_INTERVIEWER = "interviewer__round__opportunity"
_THROUGH_ROUND = "round__opportunity"
_THROUGH_DEBRIEF = "debrief__round__opportunity"

# Model -> the path from one of its rows to the opportunity (Opportunity itself changes
# its version in its own save()).
READ_BY_READINESS: dict[type[models.Model], str] = {
    Round: "opportunity",
    Interviewer: _THROUGH_ROUND,
    InterviewerResearch: _THROUGH_INTERVIEWER,
    InterviewerNote: _THROUGH_INTERVIEWER,
    Letter: _THROUGH_INTERVIEWER,
    AskChoice: _THROUGH_INTERVIEWER,
    Debrief: _THROUGH_ROUND,
    AskedQuestion: _THROUGH_DEBRIEF,
    Concern: _THROUGH_DEBRIEF,
    GlossaryTerm: "opportunity",
    CompetencyNeed: "opportunity",
    SkillNeed: "opportunity",
    CompanyProfile: "opportunity",
    OwnQuestion: _THROUGH_ROUND,
    PreparedQuestion: _THROUGH_ROUND,
    Attempt: _THROUGH_ROUND,
    FollowUp: _THROUGH_ROUND,
    NinetyDayPlan: "opportunity",
    SalaryPlan: "opportunity",
    # A story counts for every opportunity of its owner.
    Story: "owner__opportunities",
}


def _changed(sender: type[models.Model], instance: models.Model, **kwargs) -> None:
    if kwargs.get("raw") or instance.pk is None:
        return  # loaddata: fixtures are loaded before any page is counted
    path = READ_BY_READINESS[sender]
    # One UPDATE; before a delete (pre_delete), so that the row is still there to follow.
    rows = sender._default_manager.filter(pk=instance.pk).values(path)
    opportunities_changed(Opportunity.objects.filter(pk__in=rows))


def connect() -> None:
    for model in READ_BY_READINESS:
        uid = f"readiness-{model._meta.label}"
        post_save.connect(_changed, sender=model, dispatch_uid=uid)
        pre_delete.connect(_changed, sender=model, dispatch_uid=uid)
