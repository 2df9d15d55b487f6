"""Writes that touch several rows, each in one transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from django.db import transaction
from django.db.models import Max

from .forms import combine_local
from .models import Interviewer, Opportunity, Round, opportunities_changed
from .selectors import posting_digest, read_posting


def opportunity_set_archived(*, opportunity: Opportunity, archived: bool, now: datetime) -> None:
    opportunity.archived_at = now if archived else None
    opportunity.save(update_fields=["archived_at", "updated_at"])


def posting_read(*, opportunity: Opportunity) -> None:
    """Read the posting now, when it is saved, so the drafts that need its skills find
    them ready instead of reading it on the first page that drafts (issue 15: a third of a
    second). Nothing happens when the saved reading is of this very text."""
    text = opportunity.posting_text or ""
    digest = posting_digest(text)
    if opportunity.posting_read_digest == digest and opportunity.posting_reading:
        return
    opportunity.posting_reading = read_posting(text)
    opportunity.posting_read_digest = digest
    Opportunity.objects.filter(pk=opportunity.pk).update(
        posting_reading=opportunity.posting_reading, posting_read_digest=digest
    )


def next_round_number(opportunity: Opportunity) -> int:
    highest = opportunity.rounds.aggregate(highest=Max("number"))["highest"]
    return (highest or 0) + 1


@dataclass(frozen=True)
class RosterRow:
    """One reviewed row of a parsed invitation, in the round's local time."""

    name: str
    title: str
    relation: str
    email: str
    start: time | None
    end: time | None
    honorific: str = ""


AGENDA_HEADING = "The day, from the invitation:"


@dataclass(frozen=True)
class RosterSaved:
    added: list[Interviewer]
    updated: list[Interviewer]  # already on the roster: only their empty fields were filled


@transaction.atomic
def roster_add_from_invitation(
    *,
    round: Round,
    rows: list[RosterRow],
    day: date | None,
    time_zone: str,
    location: str,
    video_link: str,
    agenda: str = "",
) -> RosterSaved:
    """Save the reviewed roster; fill the round's own facts only where they are still empty.

    What the user typed on the round before pasting wins over what the e-mail says; the
    rest of the day (tours, tests) is added to the round's notes unless already there.
    """
    round.time_zone = time_zone if not round.starts_at else round.time_zone
    day = round.local_day() or day
    starts = [combine_local(day, row.start, round.time_zone) for row in rows]
    ends = [combine_local(day, row.end, round.time_zone) for row in rows]
    if not round.starts_at and day:
        known_starts = [moment for moment in starts if moment]
        round.starts_at = min(known_starts) if known_starts else None
        known_ends = [moment for moment in ends if moment]
        round.ends_at = round.ends_at or (max(known_ends) if known_ends else None)
    round.location = round.location or location
    round.video_link = round.video_link or video_link
    agenda = agenda.strip()
    if agenda and agenda not in round.notes:
        round.notes = f"{round.notes.rstrip()}\n\n{AGENDA_HEADING}\n{agenda}".strip()
    round.save()

    # The same e-mail saved twice (or a reschedule of it) names people already on the
    # roster: they get what the e-mail adds, not a second row each.
    on_roster = {_name_key(person.name): person for person in round.interviewers.all()}
    first_position = len(on_roster)
    created: list[Interviewer] = []
    known: list[Interviewer] = []
    for row, start, end in zip(rows, starts, ends, strict=True):
        person = on_roster.get(_name_key(row.name))
        if person is not None:
            _fill_blanks(person, row, start, end)
            known.append(person)
            continue
        person = Interviewer(
            round=round,
            honorific=row.honorific,
            name=row.name,
            title=row.title,
            relation=row.relation,
            email=row.email,
            starts_at=start,
            ends_at=end,
            position=first_position + len(created),
        )
        on_roster[_name_key(row.name)] = person
        created.append(person)
    saved = Interviewer.objects.bulk_create(created)
    opportunities_changed(Opportunity.objects.filter(pk=round.opportunity_id))  # no signals
    return RosterSaved(added=saved, updated=known)


def _name_key(name: str) -> str:
    return " ".join(name.casefold().split())


def _fill_blanks(
    person: Interviewer, row: RosterRow, start: datetime | None, end: datetime | None
) -> None:
    """What the user already saved for someone wins; the e-mail fills only what is empty."""
    values = {
        "honorific": row.honorific,
        "title": row.title,
        "email": row.email,
        "starts_at": start,
        "ends_at": end,
    }
    changed = [field for field, value in values.items() if value and not getattr(person, field)]
    for field in changed:
        setattr(person, field, values[field])
    if changed:
        person.save(update_fields=changed)
