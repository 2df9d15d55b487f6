"""Writes after a round: notes, letters, the follow-up, the scorecard."""

from __future__ import annotations

from datetime import date, datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from secondround.accounts.selectors import signature_name
from secondround.engine.drafting.deadlines import follow_up_date
from secondround.engine.drafting.letters import (
    LetterContext,
    PersonNotes,
    StoryBrief,
    draft_letters,
    feedback_request_email,
    follow_up_email,
)
from secondround.engine.nlp.lines import item_lines
from secondround.engine.reading.after_notes import split_after_notes
from secondround.opportunities.models import Interviewer, Opportunity, Round
from secondround.research.selectors import saved_names
from secondround.stories.models import Story

from .models import (
    DEFAULT_CRITERIA,
    FitCriterion,
    FollowUp,
    InterviewerNote,
    Letter,
)


def letter_context(round_: Round, owner: AbstractBaseUser) -> LetterContext:
    opportunity = round_.opportunity
    start = round_.local(round_.starts_at)
    return LetterContext(
        candidate_name=signature_name(owner),
        company=opportunity.company,
        role=opportunity.role_in_prose,
        round_label=round_.label,
        interview_date=start.date() if start else None,
        names=tuple(saved_names(opportunity)),
    )


def person_notes(person: Interviewer) -> PersonNotes:
    note = getattr(person, "after_notes", None)
    return PersonNotes(
        key=str(person.pk),
        name=person.full_name,
        title=person.title,
        relation=person.relation,
        discussed=item_lines(note.discussed) if note else (),
        cares_about=item_lines(note.cares_about) if note else (),
        worries=item_lines(note.worries) if note else (),
        personal=item_lines(note.personal) if note else (),
    )


def story_briefs(owner: AbstractBaseUser) -> list[StoryBrief]:
    return [
        StoryBrief(
            id=str(story.pk),
            title=story.title,
            result=story.result,
            competencies=tuple(story.competencies),
            summary=story.action.split(". ")[0] if story.action else story.title,
            situation=story.situation,
            action=story.action,
            employer=story.employer,
        )
        for story in Story.objects.filter(owner=owner).defer("vector")
    ]


def drafted(round_: Round, owner: AbstractBaseUser):
    people = list(round_.interviewers.select_related("after_notes"))
    return draft_letters(
        letter_context(round_, owner), [person_notes(p) for p in people], story_briefs(owner)
    )


@transaction.atomic
def notes_save(*, interviewer: Interviewer, values: dict[str, str]) -> InterviewerNote:
    note, _ = InterviewerNote.objects.get_or_create(interviewer=interviewer)
    for field, value in values.items():
        setattr(note, field, value)
    note.save()
    return note


def notes_merged(existing: str, added: str) -> str:
    """A note field with newly sorted lines added under what is there, none twice."""
    lines = [line for line in existing.splitlines() if line.strip()]
    known = {line.strip().casefold() for line in lines}
    for line in added.splitlines():
        if line.strip() and line.strip().casefold() not in known:
            lines.append(line)
            known.add(line.strip().casefold())
    return "\n".join(lines)


def notes_from_paste(text: str) -> dict[str, str]:
    """Initial values for an interviewer's note form from a pasted jot."""
    split = split_after_notes(text)
    return {
        "discussed": "\n".join(split.discussed),
        "cares_about": "\n".join(split.cares_about),
        "worries": "\n".join(split.worries),
        "personal": "\n".join(split.personal),
    }


@transaction.atomic
def letters_draft(*, round: Round, owner: AbstractBaseUser, redraft_edited: bool = False) -> int:
    """Draft or redraft each interviewer's letter; letters the user edited or sent are kept."""
    existing = {
        letter.interviewer_id: letter for letter in Letter.objects.filter(interviewer__round=round)
    }
    written = 0
    for letter in drafted(round, owner):
        person_id = int(letter.interviewer_key)
        saved = existing.get(person_id)
        if saved and (saved.sent_at or (saved.edited and not redraft_edited)):
            continue
        Letter.objects.update_or_create(
            interviewer_id=person_id,
            defaults={
                "subject": letter.subject,
                "body": letter.body,
                "card": letter.card,
                "generic": letter.generic,
                "edited": False,
            },
        )
        written += 1
    return written


def letter_mark_sent(*, letter: Letter, sent: bool, form: str, now: datetime) -> None:
    letter.sent_at = now if sent else None
    letter.form = form
    letter.save(update_fields=["sent_at", "form", "updated_at"])


def follow_up_for(round_: Round) -> FollowUp:
    follow_up, _ = FollowUp.objects.get_or_create(round=round_)
    return follow_up


def follow_up_contact(round_: Round, record: FollowUp | None = None) -> str:
    """Who the follow-up is addressed to: the contact they gave, else the round's recruiter
    (they sent the invitation), else the hiring manager; "" when the round has nobody."""
    people = list(round_.interviewers.all())
    if record is not None and record.contact_name.strip():
        typed = record.contact_name.strip()
        # "Ramesh Iyer" on the roster as Prof. Ramesh Iyer: greeted as the letters greet him.
        same = next((p for p in people if p.name.strip().casefold() == typed.casefold()), None)
        return same.full_name.strip() if same is not None else typed
    for relation in ("hr", "hiring_manager"):
        for person in people:
            if person.relation == relation and person.name.strip():
                return person.full_name.strip()
    return ""


def follow_up_draft(
    round_: Round, owner: AbstractBaseUser, record: FollowUp | None, *, today: date
) -> dict[str, object]:
    """The follow-up e-mail (and, after a rejection, the feedback request) for a round."""
    context = letter_context(round_, owner)
    contact = follow_up_contact(round_, record)
    subject, body = follow_up_email(
        context,
        contact_name=contact,
        decision_date=record.decision_expected_on if record else None,
        today=today,
    )
    draft: dict[str, object] = {"to": contact, "subject": subject, "body": body, "feedback": None}
    if record is not None and record.outcome == FollowUp.Outcome.REJECTED:
        feedback_subject, feedback_body = feedback_request_email(context, contact_name=contact)
        draft["feedback"] = {"subject": feedback_subject, "body": feedback_body}
    return draft


def follow_up_save(*, follow_up: FollowUp) -> FollowUp:
    """Schedule the follow-up a few working days after the date they gave, unless set by hand."""
    if follow_up.decision_expected_on and not follow_up.follow_up_on:
        follow_up.follow_up_on = follow_up_date(follow_up.decision_expected_on)
    follow_up.save()
    return follow_up


@transaction.atomic
def outcome_record(*, follow_up: FollowUp, outcome: str) -> None:
    """Close the loop: the round's outcome moves the opportunity's status with it."""
    follow_up.outcome = outcome
    follow_up.save(update_fields=["outcome"])
    opportunity = follow_up.round.opportunity
    status = {
        FollowUp.Outcome.OFFER: Opportunity.Status.OFFER,
        FollowUp.Outcome.REJECTED: Opportunity.Status.REJECTED,
        FollowUp.Outcome.NEXT_ROUND: Opportunity.Status.INTERVIEWING,
    }.get(outcome)
    if status:
        opportunity.status = status
        opportunity.save(update_fields=["status", "updated_at"])


def criteria_for(opportunity: Opportunity) -> list[FitCriterion]:
    criteria = list(opportunity.fit_criteria.all())
    if not criteria:
        FitCriterion.objects.bulk_create(
            FitCriterion(opportunity=opportunity, name=name, weight=weight, position=index)
            for index, (name, weight) in enumerate(DEFAULT_CRITERIA)
        )
        criteria = list(opportunity.fit_criteria.all())
    return criteria
