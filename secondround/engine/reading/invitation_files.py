"""Invitation e-mails and calendar invitations as files: .eml, .ics, or plain text.

A file is read into an InvitationText (the body a person would read, and what the
headers or the calendar say for certain: when the mail was sent, when the event is, who
is invited) and then into the same ParsedInvitation a paste gives. Calendar attendees
fill in the e-mail addresses of people the description names, and make the roster when
the description names nobody; the organizer, rooms, non-participants and the candidate
are never listed.

Everything a person could upload gets either a result or an UnreadableInvitation whose
message says what to do.
"""

from __future__ import annotations

import email
import email.policy
import json
import re
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from email.message import EmailMessage
from email.utils import getaddresses, parsedate_to_datetime
from pathlib import PurePath
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from secondround.engine.nlp.html_text import html_to_text
from secondround.engine.nlp.sizes import MB, too_large
from secondround.engine.reading.invitation import (
    HONORIFICS,
    infer_relation,
    parse_invitation,
    split_honorific,
)
from secondround.engine.reading.invitation_calendar_lines import join_raw_breaks
from secondround.engine.reading.invitation_cues import PERSONAL_MAIL_DOMAINS
from secondround.engine.reading.invitation_entries import ParsedInvitation, RosterEntry

__all__ = [
    "MAX_FILE_BYTES",
    "Attendee",
    "InvitationText",
    "UnreadableInvitation",
    "addressed",
    "calendar_times",
    "facts_as_json",
    "facts_from_json",
    "parse_invitation_file",
    "parse_invitation_text",
    "read_invitation_file",
]

MAX_FILE_BYTES = 10 * MB  # a mail with a PDF attached; only its text parts are read
KINDS_HELP = "an e-mail saved as .eml, a calendar invitation (.ics) or a text file"


class UnreadableInvitation(ValueError):
    """A file that holds no invitation we can read; str() is the message to show."""


@dataclass(frozen=True)
class Attendee:
    name: str | None
    email: str | None
    start: datetime | None = None
    end: datetime | None = None
    organizer: bool = False


@dataclass(frozen=True)
class InvitationText:
    text: str
    kind: str  # "text", "eml" or "ics"
    sent: datetime | None = None
    start: datetime | None = None  # the calendar event's, in its own zone
    end: datetime | None = None
    time_zone: str | None = None  # the event's IANA zone
    location: str | None = None
    attendees: tuple[Attendee, ...] = ()
    copied: tuple[Attendee, ...] = ()  # To and Cc of an e-mail
    warnings: tuple[str, ...] = ()


def read_invitation_file(data: bytes, filename: str = "") -> InvitationText:
    """The text and facts of an uploaded file; raises UnreadableInvitation."""
    if not data.strip():
        raise UnreadableInvitation("This file is empty.")
    if len(data) > MAX_FILE_BYTES:
        raise UnreadableInvitation(too_large(len(data), MAX_FILE_BYTES))
    kind = _kind(data, filename)
    if kind == "ics":
        return _read_calendar(data)
    if kind == "eml":
        return _read_mail(data)
    return InvitationText(_decode_text(data), "text")


def parse_invitation_file(
    data: bytes,
    filename: str = "",
    *,
    today: date,
    default_time_zone: str | None = None,
    candidate: tuple[str, ...] = (),
) -> ParsedInvitation:
    """The roster of an uploaded file; `candidate` holds the user's names and e-mails,
    which are never listed. Raises UnreadableInvitation."""
    return parse_invitation_text(
        read_invitation_file(data, filename),
        today=today,
        default_time_zone=default_time_zone,
        candidate=candidate,
    )


def parse_invitation_text(
    source: InvitationText,
    *,
    today: date,
    default_time_zone: str | None = None,
    candidate: tuple[str, ...] = (),
) -> ParsedInvitation:
    """The roster of what a file held: the body read as a paste, then the calendar's
    attendees and times where the body leaves them out."""
    source = _in_local_time(source, default_time_zone)
    if source.sent is not None:
        # "Tuesday" in the body means the Tuesday after the mail was sent, not after today.
        today = source.sent.date()
    event_day = source.start.date() if source.start else None
    if event_day is not None:
        today = min(today, event_day)
    single_event = (
        source.start is not None
        and not _is_day_only(source.start)
        and len({a.start for a in source.attendees}) <= 1
    )
    parsed = parse_invitation(
        source.text,
        today=today,
        default_time_zone=_stated_zone(source.time_zone) or default_time_zone,
        known_day=event_day,
        candidate=(*candidate, *addressed(source)),
        known_slot=(source.start, source.end) if single_event and source.start else None,
    )
    warnings = [*source.warnings, *parsed.warnings]
    entries = _with_attendees(parsed.entries, source, candidate)
    if entries and not parsed.entries:
        warnings = [warning for warning in warnings if "No interviewers found" not in warning]
    if source.kind == "ics" and not source.attendees:
        warnings.append(
            "The invitation lists no attendees: the roster comes from its description only."
        )
    return replace(
        parsed,
        entries=entries,
        interview_date=parsed.interview_date or event_day,
        time_zone=parsed.time_zone or source.time_zone,
        location=parsed.location or source.location,
        video_link=parsed.video_link or _video_link_in(source.location),
        warnings=list(dict.fromkeys(warnings)),
    )


def _in_local_time(source: InvitationText, default_time_zone: str | None) -> InvitationText:
    """A calendar written in UTC ("DTSTART:20270302T150000Z") read in the zone the
    candidate works in: the interview is at 09:00 Chicago time, not at 15:00 UTC."""
    if _stated_zone(source.time_zone) is not None or not default_time_zone:
        return source
    try:
        local = ZoneInfo(default_time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        return source

    def here(moment: datetime | None) -> datetime | None:
        if moment is None or _is_day_only(moment):
            return moment
        if moment.tzinfo is None:
            return moment.replace(tzinfo=local)  # a floating time: the candidate's clock
        if moment.utcoffset() != timedelta(0):
            return moment
        try:
            return moment.astimezone(local)
        except (OverflowError, ValueError):  # the first or last day of the calendar
            return moment

    if source.start is None or here(source.start) is source.start:
        return source
    attendees = tuple(
        replace(person, start=here(person.start), end=here(person.end))
        for person in source.attendees
    )
    return replace(
        source,
        start=here(source.start),
        end=here(source.end),
        attendees=attendees,
        time_zone=default_time_zone,
    )


def _is_day_only(moment: datetime) -> bool:
    """An all-day event's start (DTSTART;VALUE=DATE), read as a floating midnight."""
    return moment.tzinfo is None and moment.time() == time()


def addressed(source: InvitationText) -> tuple[str, ...]:
    """Names and addresses the file gives the candidate (the mailbox the mail was sent to,
    a personal mailbox among the attendees): never listed, by the engine or a model."""
    return tuple(
        value
        for person in (*source.copied[:1], *(a for a in source.attendees if _is_personal(a.email)))
        for value in (person.name, person.email)
        if value
    )


def calendar_times(source: InvitationText) -> frozenset[datetime]:
    """The moments a calendar gives for certain (its event's start, each attendee's): a
    row at one of them keeps its time whatever a language model reads in the text."""
    moments = (source.start, *(attendee.start for attendee in source.attendees))
    return frozenset(moment for moment in moments if moment is not None)


def _stated_zone(zone: str | None) -> str | None:
    """A calendar's event zone, unless it is UTC: a "Z" time says nothing of where the
    interview is, and the description's own times are local ("all times Eastern")."""
    return None if zone in {None, "UTC", "Etc/UTC", "GMT"} else zone


# ---- a file's facts carried by the review page ------------------------------------------
# The review page shows the reading at once and, when the person's model has answered,
# reads the same file again with the model's reading merged in. The second reading gets
# the body back as text and the rest (the calendar's times and attendees, the headers)
# as this JSON, rather than the file again: the file may be megabytes of attachments.

LOST = "The uploaded file's details did not come back with the page: upload it again."


def facts_as_json(source: InvitationText) -> str:
    """Everything a file said except its body text, as JSON (see facts_from_json)."""

    def when(moment: datetime | None) -> str | None:
        return moment.isoformat() if moment is not None else None

    def person(who: Attendee) -> list[object]:
        return [who.name, who.email, when(who.start), when(who.end), who.organizer]

    facts = {
        "kind": source.kind,
        "sent": when(source.sent),
        "start": when(source.start),
        "end": when(source.end),
        "time_zone": source.time_zone,
        "location": source.location,
        "attendees": [person(who) for who in source.attendees],
        "copied": [person(who) for who in source.copied],
        "warnings": list(source.warnings),
    }
    return json.dumps(facts, ensure_ascii=False, separators=(",", ":"))


def facts_from_json(facts: str, text: str) -> InvitationText:
    """The InvitationText a file gave, from its body text and facts_as_json; raises
    UnreadableInvitation when the facts are not what facts_as_json wrote."""
    try:
        data = json.loads(facts)
        zone = _zone_or_none(data["time_zone"])

        def when(value: object, *, in_zone: bool = True) -> datetime | None:
            if value is None:
                return None
            moment = datetime.fromisoformat(str(value))
            # The event's own zone again (its offset is the same instant), as the file gave.
            return moment.astimezone(zone) if in_zone and zone and moment.tzinfo else moment

        def person(values: list[object]) -> Attendee:
            name, address, start, end, organizer = values
            return Attendee(
                str(name) if name else None,
                str(address) if address else None,
                when(start),
                when(end),
                organizer=organizer is True,
            )

        kind = data["kind"]
        if kind not in ("text", "eml", "ics"):
            raise ValueError(kind)
        return InvitationText(
            text.replace("\r\n", "\n"),
            kind,
            sent=when(data["sent"], in_zone=False),
            start=when(data["start"]),
            end=when(data["end"]),
            time_zone=zone.key if zone else None,
            location=str(data["location"]) if data["location"] else None,
            attendees=tuple(person(values) for values in data["attendees"]),
            copied=tuple(person(values) for values in data["copied"]),
            warnings=tuple(str(warning) for warning in data["warnings"]),
        )
    except (ValueError, KeyError, TypeError, OverflowError) as error:
        raise UnreadableInvitation(LOST) from error


def _zone_or_none(name: object) -> ZoneInfo | None:
    if not name:
        return None
    try:
        return ZoneInfo(str(name))
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"no time zone {name!r}") from None


# ---- which kind of file --------------------------------------------------------------


MAIL_HEADER_LINE = re.compile(
    rb"^(?:from|to|subject|date|received|return-path|mime-version|message-id|delivered-to)"
    rb"\s*:",
    re.IGNORECASE | re.MULTILINE,
)


MIME_HEADER = re.compile(
    rb"^(?:mime-version|content-type|received|message-id|return-path)\s*:",
    re.IGNORECASE | re.MULTILINE,
)


def _kind(data: bytes, filename: str) -> str:
    suffix = PurePath(filename).suffix.lower()
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.upper().startswith(b"BEGIN:VCALENDAR") or suffix in {".ics", ".ical", ".ifb"}:
        return "ics"
    if suffix == ".msg" or head.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnreadableInvitation(
            "Second Round cannot read Outlook .msg files. In Outlook, open the mail, "
            "choose File > Save As > Text Only and upload that, or paste the e-mail's text."
        )
    if suffix in {".eml", ".mht"}:
        return "eml"
    # A text file that starts with the headers a mail program writes is an e-mail; one
    # that starts "Subject: ... From: ..." as copied from a mail window is text.
    header_block = head.replace(b"\r\n", b"\n").split(b"\n\n", 1)[0]
    if len(MAIL_HEADER_LINE.findall(header_block)) >= 2 and MIME_HEADER.search(header_block):
        return "eml"
    return "text"


def _decode_text(data: bytes) -> str:
    if b"\x00" in data[:65536] or _control_share(data[:65536]) > 0.05:
        raise UnreadableInvitation(
            f"This file is not text. Upload {KINDS_HELP}, or paste the e-mail's text."
        )
    return _decode_loosely(data.removeprefix(b"\xef\xbb\xbf"))


def _control_share(data: bytes) -> float:
    controls = sum(1 for byte in data if byte < 32 and byte not in (9, 10, 12, 13))
    return controls / max(len(data), 1)


# ---- e-mail --------------------------------------------------------------------------


def _read_mail(data: bytes) -> InvitationText:
    if b"\x00" in data[:65536]:
        raise UnreadableInvitation(f"This file is not an e-mail. Upload {KINDS_HELP}.")
    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
    except Exception as error:  # the email package raises many kinds on broken input
        raise UnreadableInvitation(f"This e-mail could not be read ({error}).") from error
    assert isinstance(message, EmailMessage)
    plain, html, calendars = _mail_parts(message)
    body = plain or (html_to_text(html) if html else "")
    subject = " ".join(str(message.get("subject", "")).split())
    if subject and body.strip():
        # The subject is read as a pasted mail's is: it may hold the day or the time.
        body = f"Subject: {subject}\n\n{body}"
    calendar = _merge_calendars(calendars)
    if not body.strip() and calendar is None:
        raise UnreadableInvitation("This e-mail has no text in it to read.")
    sent = _header_date(message)
    copied = tuple(
        Attendee(name or None, address or None)
        for name, address in getaddresses(
            [str(value) for key in ("to", "cc") for value in message.get_all(key, [])]
        )
    )
    if calendar is not None:
        text = body if body.strip() else calendar.text
        return replace(calendar, text=text, kind="eml", sent=sent, copied=copied)
    return InvitationText(body, "eml", sent=sent, copied=copied)


def _mail_parts(message: EmailMessage) -> tuple[str, str, list[bytes]]:
    """The first plain-text body, the first HTML body and every calendar part."""
    plain = html = ""
    calendars: list[bytes] = []
    for part in message.walk():
        if part.is_multipart():
            continue
        content_type = part.get_content_type()
        filename = (part.get_filename() or "").lower()
        if content_type == "text/calendar" or filename.endswith(".ics"):
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                calendars.append(payload)
            continue
        if part.get_content_disposition() == "attachment":
            continue
        if content_type == "text/plain" and not plain:
            plain = _part_text(part)
        elif content_type == "text/html" and not html:
            html = _part_text(part)
    return plain, html, calendars


def _part_text(part: email.message.Message) -> str:
    """A text part decoded; one that names no charset is read as UTF-8 (what mail
    programs write today) and then as Windows-1252, never as ASCII with holes."""
    if part.get_content_charset() is None:
        payload = part.get_payload(decode=True)
        return _decode_loosely(payload) if isinstance(payload, bytes) else ""
    try:
        content = part.get_content()  # type: ignore[attr-defined]
    except (LookupError, ValueError, AssertionError):  # unknown charset, broken encoding
        payload = part.get_payload(decode=True)
        content = _decode_loosely(payload) if isinstance(payload, bytes) else ""
    return content if isinstance(content, str) else ""


def _decode_loosely(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _header_date(message: EmailMessage) -> datetime | None:
    value = message.get("date")
    if not value:
        return None
    try:
        return parsedate_to_datetime(str(value))
    except (TypeError, ValueError, IndexError):
        return None


def _merge_calendars(calendars: list[bytes]) -> InvitationText | None:
    for data in calendars:
        try:
            return _read_calendar(data)
        except UnreadableInvitation:
            continue
    return None


# ---- calendar ------------------------------------------------------------------------


def _read_calendar(data: bytes) -> InvitationText:
    import icalendar  # only calendar files need it

    try:
        calendar = icalendar.Calendar.from_ical(join_raw_breaks(data))
    except Exception as error:  # icalendar raises ValueError, KeyError, TypeError...
        raise UnreadableInvitation(
            "This calendar file could not be read. Export the invitation again from "
            "your calendar, or paste its text."
        ) from error
    events = [component for component in calendar.walk("VEVENT")]
    if not events:
        raise UnreadableInvitation("This calendar file has no event in it.")
    events.sort(key=lambda event: _sortable(_moment(event.get("DTSTART"))))
    attendees: list[Attendee] = []
    texts: list[str] = []
    for event in events:
        start, end = _moment(event.get("DTSTART")), _event_end(event)
        organizer = _address(event.get("ORGANIZER"))
        for value in _as_list(event.get("ATTENDEE")):
            attendee = _attendee(value, start, end, organizer)
            if attendee is not None:
                attendees.append(attendee)
        description = str(event.get("DESCRIPTION") or "").strip()
        if description:
            texts.append(description)
    first = events[0]
    start = _moment(first.get("DTSTART"))
    end = _event_end(events[-1]) or _event_end(first)
    zone = getattr(start.tzinfo, "key", None) if isinstance(start, datetime) else None
    location = str(first.get("LOCATION") or "").strip() or None
    summary = " ".join(str(first.get("SUMMARY") or "").split())
    if summary:
        # The event's title names the role and often the day, as a mail's subject does.
        texts.insert(0, f"Subject: {summary}\n")
    return InvitationText(
        "\n\n".join(texts),
        "ics",
        start=start,
        end=end,
        time_zone=zone,
        location=location,
        attendees=tuple(attendees),
    )


def _as_list(value: object) -> list[object]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _moment(value: object) -> datetime | None:
    """A DTSTART or DTEND as a datetime; an all-day date starts at midnight, floating. A
    value the calendar library could not read (an Outlook zone name with a colon left
    unquoted: "TZID=(UTC-05:00) Eastern Time:20270309T140000") gives its time, floating."""
    try:
        moment = getattr(value, "dt", None)
    except Exception:  # icalendar's BrokenCalendarProperty on a value it could not parse
        found = re.search(r"(\d{8})T(\d{6})(Z?)", str(value))
        if found is None:
            return None
        try:
            moment = datetime.strptime(found[1] + found[2], "%Y%m%d%H%M%S")
        except ValueError:
            return None
        return moment.replace(tzinfo=ZoneInfo("UTC")) if found[3] else moment
    if isinstance(moment, datetime):
        return moment
    if isinstance(moment, date):
        return datetime.combine(moment, time())
    return None


def _event_end(event: object) -> datetime | None:
    """DTEND, or DTSTART plus DURATION (RFC 5545 allows either)."""
    get = getattr(event, "get", None)
    if get is None:
        return None
    if (end := _moment(get("DTEND"))) is not None:
        return end
    try:
        length = getattr(get("DURATION"), "dt", None)
    except Exception:  # a DURATION the calendar library could not read
        length = None
    start = _moment(get("DTSTART"))
    if start is None or not isinstance(length, timedelta) or length <= timedelta(0):
        return None
    try:
        return start + length
    except OverflowError:
        return None


def _sortable(moment: datetime | None) -> datetime:
    if moment is None:
        return datetime.max.replace(tzinfo=ZoneInfo("UTC"))
    return moment if moment.tzinfo else moment.replace(tzinfo=ZoneInfo("UTC"))


def _address(value: object) -> str | None:
    text = str(value or "").strip()
    text = re.sub(r"^mailto:", "", text, flags=re.IGNORECASE)
    return text.casefold() or None


def _attendee(
    value: object, start: datetime | None, end: datetime | None, organizer: str | None
) -> Attendee | None:
    params = getattr(value, "params", {})
    if str(params.get("CUTYPE", "INDIVIDUAL")).upper() not in {"INDIVIDUAL", "UNKNOWN"}:
        return None  # a room or a projector
    if str(params.get("ROLE", "")).upper() == "NON-PARTICIPANT":
        return None
    address = _address(value)
    name = str(params.get("CN", "")).strip().strip("\"'") or None
    if name and "@" in name:
        name = None
    return Attendee(name, address, start, end, organizer=address == organizer)


# ---- attendees into the roster ------------------------------------------------------


def _with_attendees(
    entries: list[RosterEntry], source: InvitationText, candidate: tuple[str, ...]
) -> list[RosterEntry]:
    people = _interviewing_attendees(source, candidate)
    if not entries:
        return [_attendee_entry(person) for person in people]
    single_event = (
        source.start is not None
        and not _is_day_only(source.start)
        and len({a.start for a in source.attendees}) <= 1
    )
    result = []
    for entry in entries:
        match = next((a for a in people if a.name and _same_person(a.name, entry.name)), None)
        if match is not None and not entry.email:
            entry = replace(entry, email=match.email)
        if entry.start is None and single_event and source.start is not None:
            entry = replace(entry, start=source.start, end=entry.end or source.end)
        elif (
            entry.start is None
            and match is not None
            and match.start is not None
            and not _is_day_only(match.start)
        ):
            # One event per interviewer: the person's own event gives the slot.
            entry = replace(entry, start=match.start, end=entry.end or match.end)
        result.append(entry)
    return result


def _attendee_entry(person: Attendee) -> RosterEntry:
    """A roster row from a calendar attendee: "Dr Amara Okafor (Director of Nursing)"."""
    display = person.name or person.email or ""
    title = None
    if (bracket := re.fullmatch(r"\s*(.+?)\s*[(\[](.+?)[)\]]\s*", display)) is not None:
        display, title = bracket[1], bracket[2]
    honorific, name = split_honorific(display)
    relation = infer_relation(title)
    unsure = [field for field, value in (("title", title), ("relation", relation)) if not value]
    all_day = person.start is not None and _is_day_only(person.start)  # a day, not a time
    return RosterEntry(
        name,
        title,
        relation,
        None if all_day else person.start,
        None if all_day else person.end,
        person.email,
        honorific=honorific,
        source=f"Calendar attendee: {display} <{person.email}>" if person.email else display,
        unsure=tuple(unsure),
        sources=(("name", f"ATTENDEE: {display}"), ("time", "Calendar event: DTSTART, DTEND")),
    )


def _interviewing_attendees(source: InvitationText, candidate: tuple[str, ...]) -> list[Attendee]:
    """Attendees who interview: not the organizer, not the candidate, each person once."""
    exclude = {value.casefold().strip() for value in candidate if value.strip()}
    organizers = {a.email for a in source.attendees if a.organizer}
    domains = {_domain(a.email) for a in source.attendees if a.email and not _is_personal(a.email)}
    seen: set[str] = set()
    people: list[Attendee] = []
    for attendee in source.attendees:
        key = (attendee.email or attendee.name or "").casefold()
        if not key or key in seen:
            continue
        if attendee.email in organizers and len(source.attendees) > 1:
            continue
        if attendee.email in exclude or (attendee.name or "").casefold() in exclude:
            continue
        if _is_personal(attendee.email) and domains:
            continue  # the candidate's own mailbox beside the company's
        seen.add(key)
        people.append(attendee)
    return people


def _domain(address: str | None) -> str:
    return (address or "").rpartition("@")[2]


def _is_personal(address: str | None) -> bool:
    return _domain(address) in PERSONAL_MAIL_DOMAINS


def _same_person(one: str, other: str) -> bool:
    def words(name: str) -> list[str]:
        return [w for w in re.findall(r"[^\W\d_][\w'’-]*", name.casefold()) if w not in HONORIFICS]

    first, second = words(one), words(other)
    return bool(first and second) and first[-1] == second[-1] and first[0][0] == second[0][0]


def _video_link_in(text: str | None) -> str | None:
    match = re.search(r"https?://\S+", text or "")
    return match.group().rstrip(".,;)>") if match else None
