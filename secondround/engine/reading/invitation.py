"""Read a second-interview invitation e-mail into a roster: who, what title, when.

The candidate pastes the e-mail as it arrived (a thread with quoted replies, a forward,
text copied out of an HTML mail), so reading is done in stages, each in its own module:

1. invitation_text: the thread as messages, newest first, each with its greeting (the
   candidate), body and signature (the sender).
2. invitation_roster: units (table rows, schedule entries, list items, sentences),
   names in them (invitation_names), the title and notes beside each name, whether the
   mention puts the person in the interview, and each person's slot.
3. invitation_relations: the relation to the role, from the notes beside a name ("you
   would report to her") before the title.

Dates, clock times and time zones are read by invitation_times. Every row keeps the line
it came from and the fields worth checking, so the review page can show both.

It is a heuristic, and it prefers missing a person to inventing one.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import replace
from datetime import date, datetime, timedelta

from secondround.engine.nlp.language import looks_english
from secondround.engine.reading import invitation_relation_model as relation_model
from secondround.engine.reading.invitation_activities import activities_said, tidy_timed
from secondround.engine.reading.invitation_dates import (
    dates_in,
    interview_date,
    slashed_dates_are_day_first,
)
from secondround.engine.reading.invitation_entries import (
    JOB_NOUN,
    ParsedInvitation,
    RosterEntry,
    agenda_item,
    entry_or_none,
    one_hiring_manager,
    person_context,
    relations_from_the_roster,
)
from secondround.engine.reading.invitation_names import (
    HONORIFICS,
    find_names,
    forget_names,
    split_honorific,
)
from secondround.engine.reading.invitation_relations import (
    CREDENTIALS,
    RELATION_RULES,
    infer_relation,
)
from secondround.engine.reading.invitation_roster import Mention, Reading, read_people
from secondround.engine.reading.invitation_sequence import one_after_another
from secondround.engine.reading.invitation_text import BULLET, Message, split_messages
from secondround.engine.reading.invitation_zones import (
    email_zone,
    parse_time_range,
    zone_for_abbreviation,
)

__all__ = [
    "CREDENTIALS",
    "HONORIFICS",
    "NOT_ENGLISH_WARNING",
    "NO_ROSTER_WARNING",
    "ParsedInvitation",
    "RELATION_RULES",
    "RosterEntry",
    "agenda_as_json",
    "reading_as_json",
    "infer_relation",
    "parse_invitation",
    "parse_time_range",
    "roster_as_json",
    "split_honorific",
    "zone_for_abbreviation",
]

VIDEO_HOSTS: tuple[str, ...] = (
    "zoom.us",
    "teams.microsoft.com",
    "teams.live.com",
    "meet.google.com",
    "webex.com",
    "whereby.com",
    "bluejeans.com",
    "gotomeeting.com",
    "chime.aws",
)

# An invitation is a few kB; past this it is a long quoted thread, read only in part.
MAX_TEXT_CHARS = 100_000

URL = re.compile(r"https?://[^\s<>()\"'|]+")
ROLE_TITLE_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(
        r"\b(?:for|to|of|in) the (?:role|position|post|job|vacancy) (?:of|as)\s*:?\s*"
        r"(?P<role>[A-Z][^.,;:\n()]{2,60}?)(?=[.,;:\n(]| at | with | in | on |$)"
    ),
    re.compile(
        r"\b(?:for|about|in|to|as)\s+(?:the|our|this|your|a|an)\s+"
        r"(?P<role>[A-Z][\w'&/\- ()–]{2,70}?)"
        r"\s+(?:role|position|opening|vacancy|post|job|program|programme)\b"
    ),
    re.compile(
        r"(?im)^\s*(?:re|ref|post|position|role|vacancy|job(?: title)?)\s*:\s*"
        r"(?:[\w/-]*\d[\w/-]*\s*[-–—]\s*)?(?P<role>[A-Z][^\n(]{2,60}?)(?:\s*\(|\s+at\b|\s*[-–—,]|\s*$)"
    ),
    re.compile(
        r"\b(?:position|role|post|job) of\s*:?\s*(?:an?\s+)?(?P<role>[A-Z][^.,;:\n()]{2,60}?)"
        r"(?=[.,;:\n(]| at | with | in | on |$)"
    ),
    re.compile(
        r"\binterview(?:s|ing)?\s+for\s+(?:the\s+)?(?P<role>[A-Z][\w'&/ -]{2,60}?)"
        r"(?=\s*(?:[.,;:(\n]|\s+(?:at|with|on|in)\b|$))"
    ),
)
SUBJECT_ROLE = re.compile(
    r"(?:^|[-–—:|])\s*(?P<role>[A-Z][\w'&/ ]{2,50}?)\s*(?=\(|$|\bat\b|[-–—|:,])"
)

HEADING_ROLE = re.compile(
    r"(?m)^\s*(?P<role>[A-Z][\w'&/ -]{2,60}?)\s*\((?:post|job|vacancy|ref)\b[^)\n]*\)\s*$"
)
LOCATION_LABEL = re.compile(
    r"^\s*(?:location|address|where|venue|place|office)\s*:\s*(?P<value>.+?)\s*$", re.IGNORECASE
)
STREET_ADDRESS = re.compile(
    r"\b\d{1,5}\s+(?:[A-Z][\w'.-]*\s+){1,4}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd"
    r"|Lane|Ln|Drive|Dr|Way|Place|Pl|Square|Sq|Court|Parkway|Pkwy|Terrace|Row|Quay)\b\.?"
)


# --------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------


NO_ROSTER_WARNING = "No interviewers found: add them by hand."
NOT_ENGLISH_WARNING = (
    "This e-mail does not seem to be in English, and Second Round reads English only: "
    "check every row, or enter the people by hand."
)


def parse_invitation(
    text: str,
    *,
    today: date,
    default_time_zone: str | None = None,
    known_day: date | None = None,
    candidate: tuple[str, ...] = (),
    known_slot: tuple[datetime, datetime | None] | None = None,
) -> ParsedInvitation:
    """Read the roster and schedule from a pasted invitation e-mail.

    `known_day` is the interview's date when something surer than the text gives it (a
    calendar event), `known_slot` the event's start and end, which every person without
    a time of their own takes; `candidate` holds names and addresses of the user, never
    listed.
    Never raises: whatever is pasted, the candidate gets a result and warnings to act on.
    """
    try:
        return _parse(
            text,
            today=today,
            default_time_zone=default_time_zone,
            known_day=known_day,
            candidate=candidate,
            known_slot=known_slot,
        )
    except Exception:  # a paste must never break the page: the candidate types it in instead
        return ParsedInvitation(
            [], None, None, None, None, ["Could not read this e-mail.", NO_ROSTER_WARNING]
        )


def roster_as_json(parsed: ParsedInvitation) -> list[dict[str, object]]:
    """[{"name","title","relation","start","end", "email","honorific","source","unsure",
    "sources"}]; times as datetime.isoformat() or None. The first five keys are the
    original shape."""
    return [
        {
            "name": entry.name,
            "title": entry.title,
            "relation": entry.relation,
            "start": _iso(entry.start),
            "end": _iso(entry.end),
            "email": entry.email,
            "honorific": entry.honorific,
            "source": entry.source,
            "unsure": list(entry.unsure),
            "sources": dict(entry.sources),
        }
        for entry in parsed.entries
    ]


def agenda_as_json(parsed: ParsedInvitation) -> list[dict[str, str | None]]:
    return [
        {"label": item.label, "start": _iso(item.start), "end": _iso(item.end)}
        for item in parsed.agenda
    ]


def reading_as_json(parsed: ParsedInvitation) -> dict[str, object]:
    """The whole reading: the roster and agenda as above, and the round's day, time zone,
    place and video link, each with the line it was read from, and the warnings."""
    return {
        "roster": roster_as_json(parsed),
        "agenda": agenda_as_json(parsed),
        "date": parsed.interview_date.isoformat() if parsed.interview_date else None,
        "time_zone": parsed.time_zone,
        "location": parsed.location,
        "video_link": parsed.video_link,
        "sources": dict(parsed.sources),
        "warnings": list(parsed.warnings),
    }


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


# --------------------------------------------------------------------------------------
# The parse
# --------------------------------------------------------------------------------------


def _parse(
    text: str,
    *,
    today: date,
    default_time_zone: str | None,
    known_day: date | None,
    candidate: tuple[str, ...],
    known_slot: tuple[datetime, datetime | None] | None = None,
) -> ParsedInvitation:
    warnings: list[str] = []
    forget_names()
    text = _clean_text(text)
    if not looks_english(text):
        warnings.append(NOT_ENGLISH_WARNING)
    if len(text) > MAX_TEXT_CHARS:
        text = text[:MAX_TEXT_CHARS]
        warnings.append("The e-mail is very long: only its beginning was read.")
    messages = split_messages(text)
    today = _sent_day(messages, today)
    body = [line for message in messages for line in message.body]
    # A subject line may be all that names the zone ("11:00 AM - 12:00 PM EDT").
    subjects = [message.headers.get("subject", "") for message in messages]
    zone = email_zone("\n".join([*body, *subjects]), default_time_zone, warnings)
    day_first = slashed_dates_are_day_first("\n".join(body), zone.name)
    newest = _dated_lines(messages[:1]) if len(messages) > 1 else None
    first_day = interview_date(_dated_lines(messages), today, day_first, newest) or known_day
    reading = read_people(
        messages,
        today=today,
        day=first_day,
        zone=zone.tz,
        day_first=day_first,
        candidate=candidate,
    )
    role = _role_title(text, messages)
    entries = [
        entry
        for person in reading.people
        if (entry := entry_or_none(person, reading, role, zone.tz is not None, known_slot))
        is not None
    ]
    entries = one_after_another(entries, "\n".join(messages[0].body) if messages else "")
    entries = one_hiring_manager(entries)
    entries = relations_from_the_roster(entries, role)
    entries = _learned_relations(entries, reading, role)
    interview_day = _interview_day(entries, reading) or first_day
    if not entries:
        warnings.append(NO_ROSTER_WARNING)
    timed = any(m.times for p in reading.people for m in p.mentions) or reading.slot is not None
    if interview_day is None and timed:
        warnings.append("Times found but no interview date: add the date by hand.")
    location, location_line = _location(body, {line for m in messages for line in m.heading})
    timed_agenda = tidy_timed([(agenda_item(unit), unit) for unit in reading.agenda])
    sources = {
        "day": _line_naming(interview_day, reading),
        "location": location_line,
        "time_zone": _zone_line(zone.span, "\n".join(body)),
    }
    return ParsedInvitation(
        entries=entries,
        interview_date=interview_day,
        time_zone=zone.name,
        location=location,
        video_link=_video_link(text),
        warnings=warnings,
        agenda=[*timed_agenda, *activities_said(reading.units, timed_agenda, reading.agenda_depth)],
        sources={key: line for key, line in sources.items() if line},
    )


def _sent_day(messages: list[Message], today: date) -> date:
    """The day the newest message was sent, from its pasted "Sent:" or "Date:" header:
    "next Wednesday" counts from there, not from the day the mail is pasted."""
    if not messages:
        return today
    value = messages[0].headers.get("sent") or messages[0].headers.get("date") or ""
    earlier = today - min(timedelta(days=366), today - date.min)
    found = [day for day, _ in dates_in(value, earlier) if earlier <= day <= today]
    return found[0] if found else today


def _learned_relations(
    entries: list[RosterEntry], reading: Reading, role: str | None
) -> list[RosterEntry]:
    """The relation model's reading of each row (invitation_relation_model), when it is in
    force; the rules' answer is one of its inputs. A relation the mail does not state
    stays marked unsure."""
    model = relation_model.decision_model()
    people = {person.name: person for person in reading.people}
    stated = {
        e.name for e in entries if e.relation == "hiring_manager" and "relation" not in e.unsure
    }
    result = []
    for entry in entries:
        person = people.get(entry.name)
        context = person_context(person, reading) if person is not None else ""
        view = relation_model.RelationView(
            title=entry.title,
            context=context,
            role=role,
            rule=entry.relation,
            rule_unsure="relation" in entry.unsure,
            stated_manager_elsewhere=bool(stated - {entry.name}),
            people=len(entries),
            other_titles=tuple(e.title for e in entries if e is not entry),
        )
        relation_model.record(entry.name, view)
        if model is None:
            result.append(entry)
            continue
        if not model.overrules(view):
            result.append(entry)
            continue
        chances = model.probabilities(view)
        relation = max(chances, key=lambda key: chances[key])
        if relation != entry.relation:
            unsure = tuple(dict.fromkeys((*entry.unsure, "relation")))
            entry = replace(entry, relation=relation, unsure=unsure)
        result.append(entry)
    return result


def _line_naming(day: date | None, reading: Reading) -> str:
    """The first line that gives the interview's day."""
    if day is None:
        return ""
    if reading.slot is not None and reading.slot.day == day:
        return reading.slot.line
    for unit in reading.units:
        if any(found == day for found, _ in dates_in(unit.text, day)):
            return unit.line
    return ""


def _zone_line(span: tuple[int, int], body: str) -> str:
    """The line holding the zone the e-mail names (none for a default zone)."""
    if span == (0, 0):
        return ""
    start = body.rfind("\n", 0, span[0]) + 1
    end = body.find("\n", span[1])
    return body[start : end if end >= 0 else len(body)].strip()


PRONOUNS = re.compile(
    r"[ \t]*\((?:she|he|they|ze|xe)\s*/\s*(?:her|hers|him|his|them|theirs|zir|xem)"
    r"(?:\s*/\s*\w+)?\)",
    re.IGNORECASE,
)


def _clean_text(text: object) -> str:
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    if not isinstance(text, str):
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = re.sub(r"[\u200b-\u200d\ufeff]", "", text)
    # "Maria Lopez (she/her), Head of Sales": pronouns stand between a name and its title.
    text = PRONOUNS.sub("", text)
    # Binary garbage: control characters become spaces, so regexes see plain text.
    return re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", " ", text)


SUPERSEDED_LINE = re.compile(
    r"\b(?:cancel\w*|originally|had\b[\w ,]{0,40}?\b(?:arranged|scheduled|planned|booked)"
    r"|was scheduled|previously"
    r"|following (?:slots|dates|options)|any of the following)\b",
    re.IGNORECASE,
)


SENTENCE = re.compile(r"(?<=[.!?])\s+")


def _dated_lines(messages: list[Message]) -> list[str]:
    """Lines whose dates may be the interview's: not a cancelled one, not an option."""
    lines: list[str] = []
    for message in messages:
        options = False
        for line in message.body:
            if not line.strip():
                continue
            if SUPERSEDED_LINE.search(line):
                options = options or "following" in line.lower()
                lines.extend(s for s in SENTENCE.split(line) if not SUPERSEDED_LINE.search(s))
                continue
            if options and (BULLET.match(line) or dates_in(line, date.min)):
                continue
            options = False
            lines.append(line)
    # The subject line often names the day ("Interview - Thursday 19 March"): read last.
    lines.extend(message.headers.get("subject", "") for message in messages)
    return lines


def _interview_day(entries: list[RosterEntry], reading: Reading) -> date | None:
    starts = sorted(entry.start.date() for entry in entries if entry.start)
    if starts:
        return starts[0]
    if reading.slot is not None and reading.slot.day is not None:
        return reading.slot.day
    return None


# ---- other facts ---------------------------------------------------------------------


def _role_title(text: str, messages: list[Message]) -> str | None:
    """The job applied for: "for the position of X", "for the X role", "Vacancy: X",
    "interview for X", the subject line, a heading "X (post ref. ...)"."""
    for pattern in ROLE_TITLE_PATTERNS:
        for match in pattern.finditer(text):
            role = _bare_role(match["role"])
            if role and JOB_NOUN.search(role):
                return role
    for message in messages:
        subject = message.headers.get("subject", "")
        roles = [
            match["role"].strip()
            for match in SUBJECT_ROLE.finditer(subject)
            if not re.search(
                r"(?i)\b(?:interview|invitation|round|confirm|reschedul|visit)", match["role"]
            )
            and JOB_NOUN.search(match["role"])
        ]
        if roles:
            return re.sub(r"(?:\s+(?:[A-Z]{2,}|\d+))+$", "", roles[-1])
    if (heading := HEADING_ROLE.search(text)) is not None and JOB_NOUN.search(heading["role"]):
        return heading["role"].strip()  # "Waste and Recycling Officer (post ref. DD0417)"
    return None


def _bare_role(role: str) -> str:
    """ "Senior Research Scientist (Cell Biology)" -> "Senior Research Scientist";
    "Team Leader – Customer Care" stays whole."""
    role = re.sub(r"\s*\([^)]*\)?", " ", role)
    return " ".join(role.split()).strip(" -–—,")


def _video_link(text: str) -> str | None:
    for match in URL.finditer(text):
        url = match.group().rstrip(".,;:!?>]")
        host = re.sub(r"^https?://", "", url).split("/")[0].lower()
        if any(host == known or host.endswith(f".{known}") for known in VIDEO_HOSTS):
            return url
    return None


def _location(lines: list[str], heading: Collection[str] = ()) -> tuple[str | None, str]:
    """A labelled location ("Location: ..."), else the place named around the first street
    address, else a named place in prose ("at our Leeds office"), with the line it was
    read from."""
    for line in lines:
        labelled = LOCATION_LABEL.match(line)
        if labelled and not URL.fullmatch(labelled["value"]):
            return _tidy_place(_SENTENCE_END.split(labelled["value"])[0]), line.strip()
    # A letter's address block above "Dear ..." is the candidate's own (or the sender's
    # letterhead): the place of the interview is looked for below the greeting first.
    below = [line for line in lines if line.strip() not in heading]
    for line in below + [line for line in lines if line.strip() in heading]:
        if (address := STREET_ADDRESS.search(line)) is not None:
            return _place_around(BULLET.sub("", line).strip(), address.group()), line.strip()
    for line in lines:
        if (place := PROSE_PLACE.search(line)) is not None:
            return _tidy_place(place["place"]), line.strip()
    return None, ""


# A clause ends at a semicolon, a sentence at a full stop or similar before a capital,
# unless the stop ends a short abbreviation ("St. James Street").
_SENTENCE_END = re.compile(r";\s+|(?<![A-Z][a-z])(?<!\b[A-Z])[.!?]\s+(?=[A-Z(])")
# Prose before the place: "... takes place at", "We're at", "Please report to".
_LEAD_IN = re.compile(r"^.*\b(?:at|to)\s+(?:our\s+)?", re.IGNORECASE)
PLACE_NOUNS = (
    r"office|offices|site|campus|hospital|branch|clinic|headquarters|HQ|centre|center"
    r"|building|store|shop|depot|plant|warehouse|school|library|studio|factory|lab"
    r"|laboratory|station|hall|hotel|restaurant|practice|surgery|base|yard|mill"
)
PROSE_PLACE = re.compile(
    r"\b(?:at|to) (?:our|the) (?P<place>(?:[A-Z][\w'&.-]*\s+){1,4}(?i:" + PLACE_NOUNS + r")\b)"
)


def _place_around(line: str, address: str) -> str:
    """The part of a line that names the place: the sentence holding the street address,
    without prose before it ("We look forward to welcoming you at") or a closing stop.
    "Harbor Point Tower, 200 Seaport Blvd, Boston, MA 02210 (ask for Finance at
    reception)" stays whole."""
    sentence = next(
        (part for part in _SENTENCE_END.split(line) if address in part),
        line,
    )
    before, found, after = sentence.partition(address)
    lead_in = _LEAD_IN.match(before)
    if lead_in is not None and any(word.islower() for word in before.split()):
        before = before[lead_in.end() :]
    return _tidy_place(f"{before}{found}{after}")


_WEEKDAY = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?"
# When, said before or after the place: "Tuesday, March 17, 2026 - Human Services
# Building", "Tempe store on Thursday, May 21 at 8:30 AM".
_DAY_BEFORE = re.compile(rf"^{_WEEKDAY},?[^-–—]{{0,30}}\s[-–—]\s+")
_WHEN_AFTER = re.compile(
    rf"\s+(?:on\s+(?:{_WEEKDAY}|\d{{1,2}}\b)|at\s+\d{{1,2}}(?:[:.]\d{{2}})?\s*(?:[ap]\.?m\b|h\b)"
    rf"|from\s+\d{{1,2}}[:.]\d{{2}}).*$",
    re.IGNORECASE,
)


def _tidy_place(place: str) -> str:
    """The place without the day and time said with it, a leading "the", a closing stop."""
    place = _WHEN_AFTER.sub("", _DAY_BEFORE.sub("", place.strip()))
    place = re.sub(r"^(?:the|our)\s+", "", place)
    return place.strip().rstrip(".,;:").strip()


__all__ += ["find_names", "Mention"]
