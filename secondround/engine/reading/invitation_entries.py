"""From the people an invitation names to its roster: each person's entry (name, honorific,
title, relation, slot, the lines it came from), the relations read from the roster as a
whole, and the agenda's items."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta, tzinfo

from secondround.engine.reading.invitation_cues import INTERVIEW_WORDS
from secondround.engine.reading.invitation_lines import schedule_text
from secondround.engine.reading.invitation_relations import (
    ABOVE_LINE,
    MANAGING,
    RANK_BELOW,
    another_field,
    infer_relation,
    manages_the_field,
    relation_for,
)
from secondround.engine.reading.invitation_roster import Mention, Person, Reading, Unit
from secondround.engine.reading.invitation_slots import part_of_slot, slot_times
from secondround.engine.reading.invitation_time_words import CLOCK, FoundTimes
from secondround.engine.reading.invitation_times import without_zones
from secondround.engine.reading.invitation_titles import is_job_title, names_a_job

# Words that end a job's name, for telling "Head Chef" from "Thursday" or "Trial Tuesday".
JOB_NOUN = re.compile(
    r"\b(?:manager|director|head|chair|lead|leader|supervisor|officer|coordinator|dean"
    r"|president|principal|teacher|nurse|engineer|analyst|specialist|advisor|adviser|partner"
    r"|associate|counsel|professor|lecturer|assistant|representative|secretary|administrator"
    r"|recruiter|consultant|executive|chef|superintendent|registrar|architect|scientist"
    r"|technician|agent|clerk|controller|accountant|designer|developer|practitioner"
    r"|pharmacist|worker|cook|technologist|therapist|librarian|fellow|researcher|driver"
    r"|operator|inspector|planner|auditor|editor|writer|paralegal|attorney|lawyer|solicitor"
    r"|trainee|intern|apprentice|graduate|associate|nanny|carer|aide|tutor|instructor"
    r"|surveyor|buyer|producer|programmer|owner|steward|porter|receptionist|cashier"
    r"|server|bartender|sommelier|baker|electrician|plumber|mechanic|constable|firefighter"
    r"|paramedic|midwife|physician|doctor|surgeon|dentist|hygienist|postdoc|postdoctoral"
    r"|dispatcher|physiotherapist|surveyor|RN|LPN|HCA|fellow|scientist|wireman|cook|porter"
    r"|headteacher|ambassador|handler|operative|rep|sous chef|chef de partie|commis)s?\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class RosterEntry:
    name: str
    title: str | None
    relation: str | None
    start: datetime | None
    end: datetime | None
    email: str | None = None
    honorific: str | None = None  # "Dr", kept apart so the name is spelled as they spell it
    source: str | None = None  # the line of the e-mail the person was read from
    unsure: tuple[str, ...] = ()  # fields to check: "name", "title", "relation", "time"
    sources: tuple[tuple[str, str], ...] = ()  # (field, line) for each field found


@dataclass(frozen=True)
class AgendaItem:
    """A part of the day that is not a person: lunch, a tour, a written test."""

    label: str
    start: datetime | None
    end: datetime | None
    source: str | None = None


@dataclass(frozen=True)
class ParsedInvitation:
    entries: list[RosterEntry]
    interview_date: date | None
    time_zone: str | None
    location: str | None
    video_link: str | None
    warnings: list[str]
    agenda: list[AgendaItem] = field(default_factory=list)
    # The e-mail line each round-level fact was read from: "day", "location", "time_zone".
    sources: dict[str, str] = field(default_factory=dict)


def person_context(person: Person, reading: Reading) -> str:
    """The notes written beside a person's name, and sentences placing them in the line."""
    context = " ".join(part for m in person.mentions for part in m.context)
    return f"{context} {_reporting_notes(person, reading)}".strip()


# ---- from people to entries ----------------------------------------------------------


def entry_or_none(
    person: Person,
    reading: Reading,
    role: str | None,
    zone_known: bool,
    known_slot: tuple[datetime, datetime | None] | None = None,
) -> RosterEntry | None:
    """One person's row; a slip on one person costs that row, not the whole roster."""
    try:
        return _entry(person, reading, role, zone_known, known_slot)
    except (ValueError, IndexError, KeyError, TypeError, AttributeError):
        return None


ACTIVITY = re.compile(
    r"\b(?:observ\w*|lesson|tour|task|test|exercise|presentation|teaching|demonstration)\b",
    re.IGNORECASE,
)


def _only_watches(text: str) -> bool:
    """A part of the day that is not the interview: an observed lesson, a task, a tour."""
    return bool(ACTIVITY.search(text)) and not INTERVIEW_WORDS.search(text)


def _entry(
    person: Person,
    reading: Reading,
    role: str | None,
    zone_known: bool,
    known_slot: tuple[datetime, datetime | None] | None = None,
) -> RosterEntry:
    positive = [m for m in person.mentions if m.positive and not m.aside] or [
        m for m in person.mentions if m.positive
    ]
    depth = min(m.unit.message for m in positive)
    interviewing = [m for m in positive if m.unit.message == depth]
    chosen, times, borrowed, slot_unit = _person_slot(interviewing, reading, depth)
    titled = _titled_mentions(person, interviewing)
    title = titled[0].title if titled else person.signed_title
    if title and not names_a_job(title):
        title = None  # "Grade 7, Analysis Directorate": a unit, not a job
    title = _without_employer(title, reading.employer_words)
    if (
        title
        and person.signed_title
        and title[:1].islower()
        and person.signed_title.casefold().endswith(title.casefold())
    ):
        title = person.signed_title  # "your recruiter, Tom Ashby" signed "Technical Recruiter"
    context = person_context(person, reading)
    relation = relation_for(title, context, role)
    relation = _relative_to_others(relation, person, reading)
    if (
        relation is None
        and PEER_SETTING.search(_block_text(chosen.unit, reading))
        and not ABOVE_LINE.search(title or "")
    ):
        # "10:00 search committee (Prof. A, Prof. B)", "peer interview with charge nurses",
        # or a "Search Committee" line over the names under one time
        relation = "peer"
    day = (slot_unit.day if slot_unit is not None else None) or chosen.unit.day
    start, end = _moments(times, day, (slot_unit or chosen.unit).zone)
    if known_slot is not None and (times is None or borrowed):
        # A calendar event is the interview's time for everyone without a time of their own.
        start, end = known_slot
        borrowed, slot_unit = True, None
    honorific = person.honorific
    name = person.name
    email = next((m.email for m in person.mentions if m.email), None)
    unsure = [
        field_name
        for field_name, doubtful in (
            ("name", len(name.split()) == 1),
            ("title", not titled or len({m.title for m in titled}) > 1),
            ("relation", relation is None or infer_relation(None, context) is None),
            ("time", start is None or borrowed or not zone_known),
        )
        if doubtful
    ]
    sources = [("name", chosen.unit.line)]
    if titled:
        sources.append(("title", titled[0].unit.line))
    if slot_unit is not None and times is not None:
        sources.append(("time", slot_unit.line))
    noted = [m for m in person.mentions if m.context]
    if noted and relation is not None:
        sources.append(("relation", noted[0].unit.line))
    return RosterEntry(
        name,
        title,
        relation,
        start,
        end,
        email,
        honorific=honorific,
        source=chosen.unit.line or None,
        unsure=tuple(unsure),
        sources=tuple(sources),
    )


def _block_text(unit: Unit, reading: Reading) -> str:
    """The unit's text with its heading and the lines that share its time ("9:30-10:15" /
    "Search Committee" / "(Dr A, chair; Dr B)"): what the names there are met for."""
    parts = [unit.heading, unit.text]
    if unit.times is not None:
        parts += [u.text for u in reading.units if u.times is unit.times and u is not unit]
    return " ".join(part for part in parts if part)


def _without_employer(title: str | None, employer_words: frozenset[str]) -> str | None:
    """ "Principal Engineer, AUTOSAR, Hanbit Mobility" at Hanbit Mobility: the title stops
    before the employer's name; a unit ("AUTOSAR", "Integrity Programs") stays."""
    if not title or not employer_words or "," not in title:
        return title
    pieces = title.split(", ")
    words = {w.casefold() for w in re.findall(r"[A-Z][\w'’-]{2,}", pieces[-1])}
    if len(pieces) > 1 and words & employer_words and not JOB_NOUN.search(pieces[-1]):
        return ", ".join(pieces[:-1])
    return title


def _titled_mentions(person: Person, interviewing: list[Mention]) -> list[Mention]:
    """Mentions that give a title, the likeliest first: the interviewing ones (a list or a
    schedule before prose), then any other, an aside last ("Prof. X, head of the search
    committee, will collect you" still says what X is)."""
    titled = [
        m
        for m in person.mentions
        if m.title and names_a_job(m.title) and (not m.aside or is_job_title(m.title))
    ]
    return sorted(
        titled,
        key=lambda m: (
            m not in interviewing,
            m.aside,
            m.unit.kind == "prose",
            m.unit.message,
        ),
    )


def _person_slot(
    interviewing: list[Mention], reading: Reading, depth: int
) -> tuple[Mention, FoundTimes | None, bool, Unit | None]:
    """A person's slot: their own line's time (from the first of their own slots to the
    end of the last, when they have several), else the mail's one interview slot, or the
    part of it the mail gives them ("for the last 20 minutes", "the first hour"); an own
    start inside the mail's slot ends with it. Returns the mention the row is read from."""
    newer_slot = reading.slot is not None and reading.slot.message < depth
    timed = [m for m in interviewing if m.times is not None]
    untimed = [m for m in interviewing if m.times is None]
    if (
        reading.slot is not None
        and untimed
        and timed
        and all(_only_watches(m.unit.text) for m in timed)
    ):
        # "9.30am Practical observation ... Mr W will observe" and Mr W on the panel of
        # the "11.45am Formal interview": his interview is the panel's
        timed = []
    chosen = timed[0] if timed else interviewing[0]
    times, borrowed = chosen.times, chosen.borrowed
    slot_unit: Unit | None = chosen.unit
    own = [m for m in timed if not m.borrowed and m.unit.day == chosen.unit.day]
    if times is not None and len({id(m.unit) for m in own}) >= 2:
        # "09:00 Observed lesson - observed by Mrs X" and "10:00 Formal interview with Mr Y
        # and Mrs X": her time runs from the first part to the end of the last
        last = max(own, key=lambda m: m.times.start if m.times else time.min)
        first = min(own, key=lambda m: m.times.start if m.times else time.max)
        if first.times is not None and last.times is not None:
            times = FoundTimes(first.times.start, last.times.end)
    if (
        times is not None
        and times.end is None
        and not borrowed
        and reading.slot is not None
        and reading.slot.times is not None
        and reading.slot.times.end is not None
        and reading.slot.text != chosen.unit.text
        and reading.slot.times.start <= times.start < reading.slot.times.end
        and not _later_entry_within(chosen.unit, times, reading.slot.times.end, reading.units)
    ):
        # "Time: 10:00 - 11:30" and "a conversation from 10:30 with Mr X": until 11:30
        times = FoundTimes(times.start, reading.slot.times.end)
    if (
        times is not None
        and times.end is None
        and chosen.unit.kind == "prose"
        and not borrowed
        and len(CLOCK.findall(without_zones(chosen.unit.text))) < 2
    ):
        # "... at 4:30pm." and later "The interview will take around 45 minutes"; not
        # when the line gives each person a time ("A at 09:00, then B at 10:00, and C
        # at 10:45 for about half an hour": the half hour is C's)
        times = slot_times(replace(chosen.unit, times=times), reading.units)
    if newer_slot and reading.slot is not None:
        times = None  # a later message moved the interview: the older line's time is gone
    if times is None and reading.slot is not None:
        times, borrowed, slot_unit = slot_times(reading.slot, reading.units), True, reading.slot
        part = part_of_slot(times, chosen) if times is not None else None
        if part is not None:
            times = part
        elif times is not None and chosen.minutes:
            # "a 45-minute cook-off with A, followed by a 15-minute chat with B"
            begin = datetime.combine(date.min, times.start) + timedelta(minutes=chosen.offset)
            after = chosen.unit.text[chosen.at :]
            if times.end is not None and not chosen.offset and AT_THE_END.match(after):
                # "then chat with me for 30 min at the end": the last half hour
                end = datetime.combine(date.min, times.end)
                if end - begin >= timedelta(minutes=chosen.minutes):
                    begin = end - timedelta(minutes=chosen.minutes)
            times = FoundTimes(begin.time(), (begin + timedelta(minutes=chosen.minutes)).time())
    return chosen, times, borrowed, slot_unit


def _later_entry_within(unit: Unit, times: FoundTimes, end: time, units: list[Unit]) -> bool:
    """ "1:00 PM Interview with Dr X" / "1:30 PM Interview with Y" under "from 1:00 to 3:00":
    a schedule of start times, whose entries do not each run to the end of the day."""
    return unit.kind == "entry" and any(
        other.kind == "entry"
        and other.times is not None
        and other.message == unit.message
        and times.start < other.times.start < end
        for other in units
    )


# "... for 30 min at the end", "for the final 15 minutes to wrap up": a part at the close.
AT_THE_END = re.compile(
    r"[^.;]{0,60}?\b(?:at\s+the\s+(?:very\s+)?end|to\s+(?:close|finish|wrap\s+up)|at\s+the\s+close)\b",
    re.IGNORECASE,
)


REPORTING_CUE = re.compile(r"manager|boss|supervisor|report|under\b", re.IGNORECASE)


def _reporting_notes(person: Person, reading: Reading) -> str:
    """Sentences elsewhere that place one person in the reporting line: "This post
    reports to Dr Haidari." Only a sentence naming no other interviewer counts."""
    notes = []
    own = {id(m.unit) for m in person.mentions}
    words = [w for w in person.name.split() if w[:1].isupper()]
    if not words:
        return ""
    for unit in reading.units:
        if id(unit) in own or not REPORTING_CUE.search(unit.text):
            continue
        if not any(
            re.search(rf"(?<![\w'’-]){re.escape(w)}(?![\w-])", unit.text)
            for w in {words[0], words[-1]}
        ):
            continue
        others = [
            p
            for p in reading.people
            if p is not person
            and any(
                re.search(rf"(?<![\w'’-]){re.escape(w)}(?![\w-])", unit.text)
                for w in p.name.split()[-1:]
            )
        ]
        if not others:
            notes.append(unit.text)
    return " ".join(notes)


def one_hiring_manager(entries: list[RosterEntry]) -> list[RosterEntry]:
    """When the e-mail says who the candidate would report to, a title alone ("Department
    Chair") no longer makes someone else the hiring manager."""
    said = [e for e in entries if e.relation == "hiring_manager" and "relation" not in e.unsure]
    if not said:
        return entries
    return [
        replace(entry, relation=None, unsure=tuple(dict.fromkeys((*entry.unsure, "relation"))))
        if entry.relation == "hiring_manager" and "relation" in entry.unsure
        else entry
        for entry in entries
    ]


DEAN = re.compile(r"\bdean\b", re.IGNORECASE)
DEPARTMENT_HEAD = re.compile(
    r"\b(?:chair|head)\b.*\bdepartment\b|\bdepartment\s+(?:chair|head)", re.I
)


def _above(title: str | None, manager: str | None) -> bool:
    """Whether a leader is the title the hiring manager deputises for: the Headteacher over
    the "Deputy Headteacher and Key Stage 2 Lead", the President over a Vice President."""
    if not title or not manager:
        return False
    base = re.sub(r"(?i)^(?:deputy|depute|vice|assistant|associate)[- ]+", "", manager.strip())
    return base != manager.strip() and base.casefold().startswith(title.strip().casefold())


PEER_SETTING = re.compile(r"\bsearch committee\b|\bpeer (?:interview|panel|group)", re.I)


def _first_line_manager(title: str | None) -> bool:
    return bool(
        title
        and MANAGING.search(title)
        and not ABOVE_LINE.search(title)
        and not re.search(r"\bprincipal\b", title, re.IGNORECASE)  # a school's head
        and not RANK_BELOW.search(title)
        and infer_relation(title) in {None, "senior_leader"}
    )


def relations_from_the_roster(entries: list[RosterEntry], role: str | None) -> list[RosterEntry]:
    """Relations no sentence states, read from the roster as a whole (all marked unsure):
    with no stated hiring manager, the one managing title in the role's own field is the
    hiring manager; a dean above the department chair who hires is the manager's manager;
    a title from another field is another department."""
    stated = [e for e in entries if e.relation == "hiring_manager" and "relation" not in e.unsure]
    if not any(e.relation == "hiring_manager" for e in entries):
        open_to = [e for e in entries if e.relation in {None, "senior_leader"}]
        managing = [e for e in open_to if manages_the_field(e.title, role)]
        if (
            not managing
            and not any(manages_the_field(e.title, role) for e in entries)
            and not MANAGING.search(role or "")  # a "Regional Manager" for a Store Manager
        ):
            # No title in the role's field: the one first-line manager on the roster
            # ("Sales Manager" beside a "Dealer Principal"); a "Head of Product" stays a
            # senior leader.
            managing = [e for e in open_to if _first_line_manager(e.title)]
        if len(managing) == 1:
            entries = [
                replace(e, relation="hiring_manager") if e is managing[0] else e for e in entries
            ]
    hiring = [e for e in entries if e.relation == "hiring_manager"]
    result = []
    for entry in entries:
        relation = entry.relation
        if (
            relation in {None, "senior_leader"}
            and DEAN.search(entry.title or "")
            and any(DEPARTMENT_HEAD.search(h.title or "") for h in hiring)
        ) or (
            relation in {None, "senior_leader"}
            and entry not in hiring
            and len(hiring) == 1
            and _above(entry.title, hiring[0].title)
        ):
            relation = "managers_manager"
        elif relation is None and another_field(entry.title, role):
            relation = "cross_department"
        if relation != entry.relation or (entry in hiring and entry not in stated):
            unsure = tuple(dict.fromkeys((*entry.unsure, "relation")))
            entry = replace(entry, relation=relation, unsure=unsure)
        result.append(entry)
    return result


POSSESSIVE_MANAGER = re.compile(r"([^\W\d_][\w'’-]*)['’]s\s+(?:manager|boss)\b", re.IGNORECASE)


def _relative_to_others(relation: str | None, person: Person, reading: Reading) -> str | None:
    """ "Alex's manager" is the manager's manager when Alex is the hiring manager."""
    for mention in person.mentions:
        for note in mention.context:
            match = POSSESSIVE_MANAGER.search(note)
            if match is None:
                continue
            named = match.group(1)
            if any(
                named in other.words[:1] or named in {a for m in other.mentions for a in m.aliases}
                for other in reading.people
                if other is not person
            ):
                return "managers_manager"
    return relation


def _moments(
    times: FoundTimes | None, day: date | None, zone: tzinfo | None
) -> tuple[datetime | None, datetime | None]:
    if times is None or day is None:
        return None, None
    start = datetime.combine(day, times.start, tzinfo=zone)
    end = datetime.combine(day, times.end, tzinfo=zone) if times.end is not None else None
    return start, end


def agenda_item(unit: Unit) -> AgendaItem:
    label = schedule_text(unit.text, date.min)
    label = re.sub(r"\s*[,|]\s*(?:[,|]\s*)*", ", ", label)
    label = " ".join(label.split()).strip(" ,.:;-–—")
    if label.startswith("(") and label.endswith(")") and label.count("(") == 1:
        label = label[1:-1].strip()  # "(written test)"
    label = re.sub(r"^(?:(?:at|from|on|then|and|also|a|an|the)\b[\s,]*)+", "", label, flags=re.I)
    label = label[:1].upper() + label[1:]
    start, end = _moments(unit.times, unit.day, unit.zone)
    return AgendaItem(label[:200], start, end, unit.line or None)
