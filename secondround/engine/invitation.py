"""Read a second-interview invitation e-mail into a roster: who, what title, when.

The candidate pastes the e-mail as it arrived, so the parser meets markdown and ASCII
tables, tab- or space-aligned columns, bullet lists, numbered agendas and plain prose
("you will meet with X, our Y, then Z"). It works line by line:

1. Lines that can hold a roster are kept: table rows, bullets, lines with a clock time,
   lines under an "Interviewers:" heading, and sentences with "meet with" and the like.
   Everything from the sign-off ("Best regards, ...") on is dropped, so the sender's
   signature never becomes an interviewer.
2. Each row is cut into clauses ("..., then ..."), and each clause into segments at
   commas, brackets and spaced dashes. A segment is a name, a title, an e-mail address
   or context ("who would be your manager"); a walk over the segments pairs them up.
3. Relations come from ordered rules over the title and the context (RELATION_RULES).

It is a heuristic, and it prefers missing a person to inventing one: a name must be
two or more capitalised words (or an honorific and one), none of them a title word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from typing import NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# --------------------------------------------------------------------------------------
# Data tables: edit these rather than the code below.
# --------------------------------------------------------------------------------------


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Ordered: the first rule that matches "title + context" wins.
RELATION_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), relation)
    for pattern, relation in (
        # What the e-mail says about the reporting line beats what the title suggests,
        # so a "Director" who is "your manager's manager" is not filed as a senior leader.
        # "His/her manager" in an invitation points back at the hiring manager just named.
        (
            r"(?:manager|boss)'?s (?:manager|boss)|skip[- ]level|manager reports to"
            r"|whom the (?:role'?s |hiring )?manager reports|\b(?:his|her|their) (?:own )?"
            r"(?:manager|boss)\b",
            "managers_manager",
        ),
        (
            r"hiring manager|(?:you|you'd|you'll|position|role|job)(?: would| will)? reports? "
            r"(?:directly )?to|reporting (?:directly )?to|your (?:future |new |direct |line )?"
            r"(?:manager|boss|supervisor)\b|\bdirect manager|\bline manager",
            "hiring_manager",
        ),
        # Before senior_leader: a "Director of Human Resources" interviews as HR.
        (
            r"\bHR\b|human resources|recruit|talent acquisition|talent partner"
            r"|people (?:business )?partner|people (?:team|operations)|people (?:&|and) culture",
            "hr",
        ),
        # Before senior_leader: "Principal Engineer" is an expert, "Principal" a head teacher.
        (
            r"architect|principal (?:engineer|scientist|consultant|analyst)|staff engineer"
            r"|distinguished engineer|clinical (?:nurse )?specialist|clinical educator"
            r"|subject[- ]matter expert|\bSME\b|tech(?:nical)? lead|consultant|specialist",
            "technical_expert",
        ),
        (
            r"\bVP\b|vice[- ]president|\bdirector\b|\bhead of\b|\bchief\b|\bC[EFOTIMN]O\b"
            r"|\bprincipal\b|\bdean\b|\bchair\b|superintendent|\bpresident\b|general manager"
            r"|managing partner",
            "senior_leader",
        ),
        # Before peer: "a colleague from Finance" is cross-department, not a teammate.
        (
            r"\bfrom (?:the |our )?(?:marketing|finance|sales|operations|product|legal"
            r"|engineering|IT|customer success|support|procurement|supply chain|pharmacy"
            r"|admissions|design|data)\b|partner team|another (?:team|department)"
            r"|other department|cross[- ]functional",
            "cross_department",
        ),
        (
            r"\bpeers?\b|teammate|team member|\bon (?:the|his|her|their|your) team\b"
            r"|colleague|work(?:ing)? (?:closely )?(?:alongside|together)|same role",
            "peer",
        ),
    )
)

# CET/CEST map to Paris rather than Berlin: the two have kept identical rules since 1980,
# so the choice only changes the label shown to the candidate.
ZONE_ALIASES: dict[str, str] = {
    "ET": "America/New_York",
    "EST": "America/New_York",
    "EDT": "America/New_York",
    "Eastern": "America/New_York",
    "CT": "America/Chicago",
    "CST": "America/Chicago",
    "CDT": "America/Chicago",
    "Central": "America/Chicago",
    "MT": "America/Denver",
    "MST": "America/Denver",
    "MDT": "America/Denver",
    "Mountain": "America/Denver",
    "PT": "America/Los_Angeles",
    "PST": "America/Los_Angeles",
    "PDT": "America/Los_Angeles",
    "Pacific": "America/Los_Angeles",
    "GMT": "Europe/London",
    "BST": "Europe/London",
    "UK": "Europe/London",
    "London": "Europe/London",
    "CET": "Europe/Paris",
    "CEST": "Europe/Paris",
    "Paris": "Europe/Paris",
    "Berlin": "Europe/Berlin",
    "UTC": "UTC",
    "AEST": "Australia/Sydney",
    "AEDT": "Australia/Sydney",
    "JST": "Asia/Tokyo",
    "SGT": "Asia/Singapore",
}

# India, Ireland and Israel all write "IST": guessing would shift every time by hours.
AMBIGUOUS_ZONES: frozenset[str] = frozenset({"IST"})

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

MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}

WEEKDAYS: frozenset[str] = _word_set(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs "
    "fri sat sun"
)

# Capitalised words that are never part of a person's name: titles, departments, places,
# schedule words. They keep "Nurse Manager" or "Visitor Parking" from passing as names.
NOT_NAME_WORDS: frozenset[str] = _word_set(
    """
    head chief officer director president vice manager managers lead leader senior junior
    principal staff engineer engineering architect consultant specialist analyst associate
    assistant coordinator partner recruiter recruiting recruitment talent acquisition
    human resources people hr operations finance financial accounting accountant controller
    auditor sales marketing product design legal data research development support customer
    success account executive regional global group area district national team unit ward
    department nurse nursing clinical charge registered educator physician doctor teacher
    grade elementary school academy college university hospital clinic health care centre
    center warehouse inventory shift supervisor floor logistics supply chain procurement
    dean superintendent coach instructional literacy board member founder owner ceo cfo coo
    cto cio cmo cno vp svp evp it qa ux ui business payments platform infrastructure security
    office building room suite lobby reception parking lot hall campus street road avenue
    inc ltd llc gmbh corp company bank group interview interviews panel lunch break tour
    session welcome agenda schedule time name title role position email notes focus format
    location with and the our your their dear hi hello thanks thank regards best please
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday day week today tomorrow
    eastern pacific central mountain standard daylight zoom teams meet google microsoft
    guest relations front rooms store retail trading mechanical electrical civil quality
    safety plant production maintenance project program programme brand digital content
    communications public affairs compliance risk audit tax treasury payroll benefits
    learning training facilities student faculty curriculum education services solutions
    systems technologies labs capital foundation trust council credit union partners
    """
)

NAME_PARTICLES: frozenset[str] = _word_set(
    "de da di del della der den du van von la le y bin ibn al dos das do ter ten"
)

HONORIFICS: frozenset[str] = _word_set(
    "dr dr. mr mr. mrs mrs. ms ms. mx mx. prof prof. professor sir dame"
)

# A schedule row about one of these is a pause, not a person, even if "with the team".
NON_INTERVIEW_ROW = re.compile(
    r"\b(?:lunch|break|coffee|tour|travel|transfer|buffer|check[- ]in|arrival|arrive)\b",
    re.IGNORECASE,
)

# Segments naming an activity ("Technical interview", "Case study") are context, not titles.
ACTIVITY_WORDS = re.compile(
    r"\b(?:interview|session|panel|meeting|conversation|chat|call|presentation|discussion"
    r"|deep dive|walkthrough|case study|assessment|exercise|review|introduction|intro"
    r"|overview|q&a|debrief|welcome|wrap[- ]up|demo|lesson|observation|test)\b",
    re.IGNORECASE,
)

# Words that open or fill a clause rather than a title: "who would be your manager".
CONTEXT_OPENERS = re.compile(
    r"^(?:who|whom|whose|which|that|she|he|they|you|he's|she's|they're|his|her|their|will"
    r"|would|is|are|was|leads|runs|manages|oversees|heads|from|on|in|at|for|as|to|if|so)\b"
    r"|\b(?:will|would|you'd|you'll|reports?|works?|working|joins?|joined)\b",
    re.IGNORECASE,
)

ARTICLES = re.compile(r"^(?:(?:and|then|also|plus|our|the|your|their|an?|&)\s+)+", re.IGNORECASE)

HEADER_WORDS: dict[str, str] = {
    "time": "time",
    "times": "time",
    "when": "time",
    "slot": "time",
    "start": "time",
    "end": "time",
    "length": "time",
    "duration": "time",
    "interviewer": "name",
    "interviewers": "name",
    "name": "name",
    "who": "name",
    "with": "name",
    "person": "name",
    "title": "title",
    "job title": "title",
    "role": "title",
    "position": "title",
    "designation": "title",
    "email": "email",
    "e-mail": "email",
}

# An invitation is a few kB; past this it is a long quoted thread, read only in part.
MAX_TEXT_CHARS = 100_000

# --------------------------------------------------------------------------------------
# Patterns built from the tables.
# --------------------------------------------------------------------------------------

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
MONTH_PREFIXES: frozenset[str] = frozenset(name[:3] for name in MONTHS)
_ORDINAL = r"(?:st|nd|rd|th)?"
DATE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b"), "iso"),
    # Slashed dates are read the US way (3/10/2026 is March 10) unless the first
    # number cannot be a month. A year is required: "24/7" or "1/2" are not dates.
    (re.compile(r"\b(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})\b"), "slashed"),
    (
        re.compile(
            rf"\b(?P<d>\d{{1,2}}){_ORDINAL}\s+(?:of\s+)?(?P<mon>{_MONTH})\b\.?,?"
            rf"(?:\s+(?P<y>\d{{4}})\b)?",
            re.IGNORECASE,
        ),
        "day_month",
    ),
    (
        re.compile(
            rf"\b(?P<mon>{_MONTH})\b\.?\s+(?P<d>\d{{1,2}}){_ORDINAL}\b(?!:)"
            rf"(?:,?\s+(?P<y>\d{{4}})\b)?",
            re.IGNORECASE,
        ),
        "month_day",
    ),
)
# A date right after "by"/"before" is a deadline to reply, not the interview.
DEADLINE_BEFORE = re.compile(
    r"(?:\bby|\bbefore|\buntil|no later than|deadline:?)\s+(?:[A-Za-z]+,?\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)

_CLOCK = (
    r"(?:\b(?:[01]?\d|2[0-3])(?:[:.h][0-5]\d)?\s*[aApP]\.?\s?[mM]\b\.?"
    r"|\b(?:[01]?\d|2[0-3])[:h][0-5]\d\b"
    r"|\b(?:noon|midday)\b)"
)
CLOCK = re.compile(_CLOCK)
# The start may be a bare hour when the end carries am/pm: "2 - 2:45pm".
TIME_RANGE = re.compile(
    rf"(?P<start>{_CLOCK}|\b(?:1[0-2]|0?[1-9])(?=\s*(?:[-–—−]|to\b)\s*\d{{1,2}}(?::\d\d)?\s*[aApP]))"
    rf"\s*(?:[-–—−]+|\bto\b|\buntil\b|\btill\b|\bthrough\b)\s*(?P<end>{_CLOCK})"
)
DURATION = re.compile(
    r"\b(?P<amount>\d+(?:\.\d+)?|an?|one|half an?)\s*-?\s*(?P<unit>hours?|hrs?|minutes?|mins?)\b",
    re.IGNORECASE,
)

_ZONE_WORDS = "|".join(sorted((*ZONE_ALIASES, *AMBIGUOUS_ZONES), key=len, reverse=True))
# Abbreviations only count next to a time or in a phrase about times: "CT" after a
# street address is Connecticut, not Central Time.
ZONE_NEAR_TIME = re.compile(
    rf"(?:(?<=\d)|(?<=[ap]m)|(?<=[AP]M)|(?<=[ap]\.m\.)|(?<=\()|(?i:times?\s+(?:are\s+)?"
    rf"(?:in\s+)?|time\s+zone:?\s*))\s*\(?(?P<zone>{_ZONE_WORDS})\b(?:\s+(?i:time))?\)?"
)
# What is left of "(ET)" or "(45 minutes)" once the zone or duration is cut out.
EMPTY_BRACKETS = re.compile(rf"\((?:\s*,?\s*(?:{_ZONE_WORDS})?\s*)\)")
IANA_ZONE = re.compile(
    r"\b(?:Africa|America|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)/[A-Za-z_]+"
    r"(?:/[A-Za-z_]+)?\b"
)
# "+01:00" alone, or "UTC+1"/"GMT-5". A bare "-05:00" is left alone: it reads as a range.
UTC_OFFSET = re.compile(
    r"(?:\b(?:UTC|GMT)\s*(?P<sign>[+−-])\s*(?P<hours>\d{1,2})(?::?(?P<minutes>\d{2}))?"
    r"|(?<![\w:])(?P<plus>\+)(?P<phours>\d{2}):(?P<pminutes>\d{2})(?!\d))"
)

EMAIL = re.compile(r"(?:mailto:)?\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
URL = re.compile(r"https?://[^\s<>()\"'|]+")
SIGN_OFF = re.compile(
    r"^\s*(?:(?:best|kind|warm|warmest|many|with)\s+){0,2}(?:regards|wishes|thanks|thank you|cheers"
    r"|sincerely|best|all the best|talk soon)\s*[,.!]?\s*(?:$|(?=(?-i:[A-Z])))",
    re.IGNORECASE,
)
GREETING = re.compile(
    r"^\s*(?:dear|hi|hello|hey|good (?:morning|afternoon))\b[^.!?]*[,!]?\s*$", re.I
)
MAIL_HEADER = re.compile(r"^\s*(?:from|to|cc|bcc|sent|date|reply-to)\s*:", re.IGNORECASE)
QUOTED_REPLY = re.compile(r"^\s*>")
BULLET = re.compile(r"^\s*(?:[-*•·‣▪◦–]|\(?\d{1,2}[.)]|[a-z][.)])\s+")
TABLE_RULE = re.compile(r"^[\s+\-=|:_]+$")
ROSTER_HEADING = re.compile(
    r"^\s*(?:your\s+)?(?:interviewers?|panel(?:ists)?|schedule|agenda|itinerary"
    r"|(?:who|people) you(?:'ll| will) (?:meet|see)|you(?:'ll| will) meet(?: with)?)"
    r"(?: for the day| on the day)?\s*:?\s*$",
    re.IGNORECASE,
)
# "Thank you for meeting with ..." looks back at the first round, so "for" rules it out.
MEETING_TRIGGER = re.compile(
    r"(?<!for )(?:(?i:\b(?:meet(?:ing)?|speak(?:ing)?|talk(?:ing)?|chat(?:ting)?"
    r"|sit(?:ting)?\s+down|interview(?:ing)?|be joined|joined)\s+(?:with|by)\b"
    r"|\binterviewers?\s+(?:are|will be|include)\b|\b(?:interviewers?|panel(?:ists)?)\s*:"
    r"|\bpanel\s+(?:will\s+)?(?:consists?\s+of|includes?|is)\b)"
    r"|\b(?i:meet(?:ing)?)\s+(?=(?:our\s+|the\s+)?[A-Z]))"
)
CLAUSE_BREAK = re.compile(
    r"\s*;\s*|,?\s+(?:and\s+)?(?:then|afterwards|after that|followed by|finally|lastly)\b,?\s*",
    re.IGNORECASE,
)
SEGMENT_BREAK = re.compile(r"\s*(?:[,;()\[\]{}|]|\s[-–—]+\s|[–—]|:\s)\s*")
SEGMENT_TAIL_BREAK = re.compile(r"\s+(?=(?:from|who|whom|whose)\s)|\s+with\s+", re.IGNORECASE)
AND_BREAK = re.compile(r"(\s+(?:and|&)\s+)", re.IGNORECASE)
LEADING_JOINER = re.compile(r"^(?:and|then|also|plus|&)\s+", re.IGNORECASE)
DIGIT = re.compile(r"\d")
LETTER = re.compile(r"[^\W\d_]")
DANGLING_WORDS = re.compile(r"(?:\s+(?:at|on|from|between|until|by|for|in|and)\b)+\s*$", re.I)
ROLE_TITLE_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(
        r"\b(?:for|to) the (?:role|position|post|job) of (?P<role>[A-Z][^.,;:\n()]{2,60}?)"
        r"(?=[.,;:\n(]| at | with | in |$)"
    ),
    re.compile(
        r"\b(?:for|about) (?:the|our|this) (?P<role>[A-Z][\w'&/\- ]{2,60}?) "
        r"(?:role|position|opening|vacancy|post|job)\b"
    ),
)
LOCATION_LABEL = re.compile(
    r"^\s*(?:location|address|where|venue|place|office)\s*:\s*(?P<value>.+?)\s*$", re.IGNORECASE
)
STREET_ADDRESS = re.compile(
    r"\b\d{1,5}\s+(?:[A-Z][\w'.-]*\s+){1,4}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd"
    r"|Lane|Ln|Drive|Way|Place|Pl|Square|Sq|Court|Parkway|Pkwy|Terrace|Row|Quay)\b\.?"
)
WEEKDAY_WORD = re.compile(rf"\b(?:{'|'.join(WEEKDAYS)})\b\.?", re.IGNORECASE)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")
ABBREVIATION_END = re.compile(r"\b(?:Dr|Mr|Mrs|Ms|Mx|Prof|St|Jr|Sr|No|vs|e\.g|i\.e|approx)\.$")
# Stands in for an e-mail address while segmenting; _clean_text removes NULs from input.
EMAIL_MARK = "\x00mail"


# --------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RosterEntry:
    name: str
    title: str | None
    relation: str | None
    start: datetime | None
    end: datetime | None
    email: str | None = None


@dataclass(frozen=True)
class ParsedInvitation:
    entries: list[RosterEntry]
    interview_date: date | None
    time_zone: str | None
    location: str | None
    video_link: str | None
    warnings: list[str]


NO_ROSTER_WARNING = "No interviewers found: add them by hand."


def parse_invitation(
    text: str, *, today: date, default_time_zone: str | None = None
) -> ParsedInvitation:
    """Read the roster and schedule from a pasted invitation e-mail.

    Never raises: whatever is pasted, the candidate gets a result and warnings to act on.
    """
    try:
        return _parse(text, today=today, default_time_zone=default_time_zone)
    except Exception:  # a paste must never break the page: the candidate types it in instead
        return ParsedInvitation(
            [], None, None, None, None, ["Could not read this e-mail.", NO_ROSTER_WARNING]
        )


def roster_as_json(parsed: ParsedInvitation) -> list[dict[str, str | None]]:
    """[{"name","title","relation","start","end"}]; times as datetime.isoformat() or None."""
    return [
        {
            "name": entry.name,
            "title": entry.title,
            "relation": entry.relation,
            "start": entry.start.isoformat() if entry.start else None,
            "end": entry.end.isoformat() if entry.end else None,
        }
        for entry in parsed.entries
    ]


def infer_relation(title: str | None, context: str = "") -> str | None:
    """The relation id the first matching RELATION_RULES entry gives, or None."""
    described = " ".join(part for part in (title, context) if part)
    for pattern, relation in RELATION_RULES:
        if pattern.search(described):
            return relation
    return None


def zone_for_abbreviation(abbreviation: str) -> str | None:
    """IANA name for a zone word as e-mails write it ("ET", "BST", "Pacific"); None if unknown
    or ambiguous (IST)."""
    return ZONE_ALIASES.get(abbreviation.strip().rstrip(".").upper()) or ZONE_ALIASES.get(
        abbreviation.strip().title()
    )


def parse_time_range(text: str) -> tuple[time, time | None] | None:
    """First start (and end) time in text: "10:00–10:45", "2pm - 2:45pm", "9:30 for 45 minutes"."""
    found = _clock_times(text)
    return (found.start, found.end) if found else None


# --------------------------------------------------------------------------------------
# The parse
# --------------------------------------------------------------------------------------


class _ClockReading(NamedTuple):
    hour: int
    minute: int
    meridiem: str | None  # "a", "p", or None for a 24-hour or bare clock
    padded: bool  # written with a leading zero ("09:00"), so surely a 24-hour clock


class _FoundTimes(NamedTuple):
    start: time
    end: time | None


class _Zone(NamedTuple):
    tz: tzinfo | None
    name: str | None  # IANA name
    ambiguous: str | None  # the abbreviation when it could mean several zones
    span: tuple[int, int]


@dataclass
class _Person:
    name: str
    titles: list[str] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    email: str | None = None


@dataclass
class _Sighting:
    """A person seen on a row, with the row's date and times."""

    person: _Person
    day: date | None
    times: _FoundTimes | None
    zone: tzinfo | None


@dataclass
class _Reader:
    """State carried from line to line while walking the e-mail."""

    today: date
    day: date | None
    zone: tzinfo | None
    header: dict[int, str] | None = None
    in_roster_block: bool = False
    pending_times: _FoundTimes | None = None
    sightings: list[_Sighting] = field(default_factory=list)


def _parse(text: str, *, today: date, default_time_zone: str | None) -> ParsedInvitation:
    warnings: list[str] = []
    text = _clean_text(text)
    if len(text) > MAX_TEXT_CHARS:
        text = text[:MAX_TEXT_CHARS]
        warnings.append("The e-mail is very long: only its beginning was read.")
    lines = _body_lines(text)
    interview_day = _interview_date(lines, today)
    zone = _email_zone(text, default_time_zone, warnings)
    reader = _Reader(today=today, day=interview_day, zone=zone.tz)
    for line in lines:
        _read_line(line, reader)
    entries = _entries(reader.sightings, _role_title(text))
    if not entries:
        warnings.append(NO_ROSTER_WARNING)
    if interview_day is None and any(s.times for s in reader.sightings):
        warnings.append("Times found but no interview date: add the date by hand.")
    return ParsedInvitation(
        entries=entries,
        interview_date=interview_day,
        time_zone=zone.name,
        location=_location(lines),
        video_link=_video_link(text),
        warnings=warnings,
    )


def _clean_text(text: object) -> str:
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    if not isinstance(text, str):
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = re.sub(r"[\u200b-\u200d\ufeff]", "", text)
    # Binary garbage: control characters become spaces, so regexes see plain text.
    return re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", " ", text)


def _body_lines(text: str) -> list[str]:
    """Lines up to the sign-off, without mail headers, greetings or quoted replies."""
    body: list[str] = []
    for line in text.split("\n"):
        if SIGN_OFF.match(line):
            break
        if MAIL_HEADER.match(line) or GREETING.match(line) or QUOTED_REPLY.match(line):
            continue
        body.append(line.rstrip())
    return body


# ---- dates ---------------------------------------------------------------------------


def _dates_in(line: str, today: date) -> list[tuple[date, tuple[int, int]]]:
    """Dates on a line in reading order, with their spans; deadlines left out."""
    found: list[tuple[date, tuple[int, int]]] = []
    taken: list[tuple[int, int]] = []
    if not DIGIT.search(line):
        return found
    for pattern, kind in DATE_PATTERNS:
        if kind in {"day_month", "month_day"} and not _mentions_month(line):
            continue  # the month-name patterns are the slow ones: skip them when they cannot match
        for match in pattern.finditer(line):
            if any(start < match.end() and match.start() < end for start, end in taken):
                continue
            taken.append(match.span())
            if DEADLINE_BEFORE.search(line[: match.start()]):
                continue
            day = _date_from_match(match, kind, today)
            if day is not None:
                found.append((day, match.span()))
    return sorted(found, key=lambda item: item[1])


def _mentions_month(line: str) -> bool:
    lowered = line.lower()
    return any(month in lowered for month in MONTH_PREFIXES)


def _date_from_match(match: re.Match[str], kind: str, today: date) -> date | None:
    groups = match.groupdict()
    day_number = int(groups["d"])
    month = MONTHS[groups["mon"].lower()] if groups.get("mon") else int(groups["m"])
    if kind == "slashed" and month > 12:
        month, day_number = day_number, month
    try:
        if groups.get("y"):
            return date(int(groups["y"]), month, day_number)
        # No year: the next such day on or after today.
        this_year = date(today.year, month, day_number)
        return this_year if this_year >= today else date(today.year + 1, month, day_number)
    except ValueError:
        return None


def _interview_date(lines: list[str], today: date) -> date | None:
    """The first upcoming date in the body, else the first date at all."""
    all_dates = [day for line in lines for day, _ in _dates_in(line, today)]
    upcoming = [day for day in all_dates if day >= today]
    candidates = upcoming or all_dates
    return candidates[0] if candidates else None


# ---- time zones ----------------------------------------------------------------------


def _find_zone(text: str) -> _Zone | None:
    """The first zone the text names: an IANA name, a UTC offset or an abbreviation."""
    candidates: list[_Zone] = []
    for match in IANA_ZONE.finditer(text):
        try:
            candidates.append(_Zone(ZoneInfo(match.group()), match.group(), None, match.span()))
        except (ZoneInfoNotFoundError, ValueError):
            continue
    if (offset := UTC_OFFSET.search(text)) is not None:
        candidates.append(_zone_from_offset(offset))
    if (word := ZONE_NEAR_TIME.search(text)) is not None:
        candidates.append(_zone_from_word(word))
    # The first zone named wins; of two at one place, the longer ("UTC+2" over "UTC").
    return min(candidates, key=lambda zone: (zone.span[0], -zone.span[1]), default=None)


def _zone_from_offset(match: re.Match[str]) -> _Zone:
    sign = -1 if (match["sign"] or "+") in "-−" else 1
    hours = int(match["hours"] or match["phours"])
    minutes = int(match["minutes"] or match["pminutes"] or 0)
    if minutes == 0 and hours <= 14:
        # IANA's Etc zones count the other way round: UTC+1 is "Etc/GMT-1".
        name = "UTC" if hours == 0 else f"Etc/GMT{'-' if sign > 0 else '+'}{hours}"
        return _Zone(ZoneInfo(name), name, None, match.span())
    # Half-hour offsets have no Etc zone: keep the offset, name no zone.
    return _Zone(timezone(sign * timedelta(hours=hours, minutes=minutes)), None, None, match.span())


def _zone_from_word(match: re.Match[str]) -> _Zone:
    word = match["zone"]
    if word in AMBIGUOUS_ZONES:
        return _Zone(None, None, word, match.span("zone"))
    name = ZONE_ALIASES[word]
    return _Zone(ZoneInfo(name), name, None, match.span("zone"))


def _email_zone(text: str, default_time_zone: str | None, warnings: list[str]) -> _Zone:
    """The zone for times that do not name their own."""
    found = _find_zone(text)
    if found is not None and found.ambiguous:
        warnings.append(
            f"{found.ambiguous} could be Indian, Irish or Israel time: times are shown without "
            "a zone; check them."
        )
        return found
    if found is not None:
        return found
    if default_time_zone:
        try:
            return _Zone(ZoneInfo(default_time_zone), default_time_zone, None, (0, 0))
        except (ZoneInfoNotFoundError, ValueError):
            warnings.append(f"Unknown time zone {default_time_zone!r}: times are left without one.")
    return _Zone(None, None, None, (0, 0))


# ---- clock times ---------------------------------------------------------------------


def _read_clock(text: str) -> _ClockReading:
    lowered = text.lower()
    if "noon" in lowered or "midday" in lowered:
        return _ClockReading(12, 0, "p", True)
    digits = re.findall(r"\d+", lowered)
    hour = int(digits[0])
    minute = int(digits[1]) if len(digits) > 1 else 0
    meridiem_match = re.search(r"([ap])\.?\s?m", lowered)
    meridiem = meridiem_match.group(1) if meridiem_match else None
    return _ClockReading(hour, minute, meridiem, digits[0].startswith("0"))


def _minutes_of_day(clock: _ClockReading, meridiem: str | None) -> int:
    hour = clock.hour
    if meridiem and hour <= 12:
        hour = hour % 12 + (12 if meridiem == "p" else 0)
    elif meridiem is None and not clock.padded and 1 <= hour <= 6:
        # Nobody interviews at 2 in the morning: a bare "2:00" is 14:00.
        hour += 12
    return hour * 60 + clock.minute


def _range_minutes(start: _ClockReading, end: _ClockReading) -> tuple[int, int]:
    """Minutes of day for a range, sharing one side's am/pm with the other.

    "2 - 2:45pm" means both are afternoon, but "11:30 - 12:15pm" starts in the morning:
    the borrowed meridiem is dropped when it would put the start after the end.
    """
    end_minutes = _minutes_of_day(end, end.meridiem or start.meridiem)
    if start.meridiem is None and end.meridiem is not None:
        borrowed = _minutes_of_day(start, end.meridiem)
        start_minutes = borrowed if borrowed <= end_minutes else _minutes_of_day(start, "a")
        return start_minutes, end_minutes
    start_minutes = _minutes_of_day(start, start.meridiem)
    if end.meridiem is None and end_minutes < start_minutes:
        end_minutes = _minutes_of_day(end, "p")
    return start_minutes, end_minutes


def _as_time(minutes: int) -> time:
    return time(minutes // 60 % 24, minutes % 60)


def _duration_minutes(text: str) -> int:
    total = 0.0
    for match in DURATION.finditer(text):
        amount_text = match["amount"].lower()
        amount = (
            0.5
            if amount_text.startswith("half")
            else (1.0 if amount_text in {"a", "an", "one"} else float(amount_text))
        )
        total += amount * (60 if match["unit"].lower().startswith("h") else 1)
    return round(total)


def _clock_times(text: str) -> _FoundTimes | None:
    """The first time range, or start time (with an end from "45 minutes"), in text."""
    if (found := TIME_RANGE.search(text)) is not None:
        start, end = _range_minutes(_read_clock(found["start"]), _read_clock(found["end"]))
        end_time = _as_time(end) if end > start else None
        return _FoundTimes(_as_time(start), end_time)
    if (clock := CLOCK.search(text)) is None:
        return None
    reading = _read_clock(clock.group())
    start = _minutes_of_day(reading, reading.meridiem)
    duration = _duration_minutes(text)
    end_time = _as_time(start + duration) if duration else None
    return _FoundTimes(_as_time(start), end_time)


# ---- lines and rows ------------------------------------------------------------------


def _read_line(line: str, reader: _Reader) -> None:
    # A "line" of thousands of characters is a pasted blob, not a schedule row.
    if not line.strip() or len(line) > 5000:
        reader.in_roster_block = False
        reader.header = None
        return
    line_dates = [day for day, _ in _dates_in(line, reader.today) if day >= reader.today]
    if line_dates:
        reader.day = line_dates[0]
    if ROSTER_HEADING.match(line):
        reader.in_roster_block = True
        return
    cells = _table_cells(line, reader)
    if cells is not None:
        _read_table_row(cells, reader)
    else:
        reader.header = None
        _read_text_line(line, reader)


def _table_cells(line: str, reader: _Reader) -> list[str] | None:
    """Cells of a table row, [] for a rule line, None when the line is not tabular."""
    if TABLE_RULE.match(line) and ("|" in line or "+" in line or "---" in line):
        return []
    stripped = BULLET.sub("", line).strip()
    if stripped.count("|") >= 1 and not URL.search(stripped.split("|")[0]):
        cells = [cell.strip() for cell in stripped.strip("|").split("|")]
    elif "\t" in stripped:
        cells = [cell.strip() for cell in stripped.split("\t")]
    elif re.search(r"\S {3,}\S", stripped) and (reader.header is not None or CLOCK.search(line)):
        # Columns aligned with spaces: only trusted when a header or a clock says "table".
        cells = [cell.strip() for cell in re.split(r" {3,}", stripped)]
    else:
        return None
    cells = [cell for cell in cells if cell]
    return cells if len(cells) >= 2 else None


def _header_kinds(cells: list[str]) -> dict[int, str] | None:
    kinds = {
        index: HEADER_WORDS.get(cell.lower().strip(" *:_"), "other")
        for index, cell in enumerate(cells)
    }
    is_header = "name" in kinds.values() and not any(CLOCK.search(cell) for cell in cells)
    return kinds if is_header else None


def _read_table_row(cells: list[str], reader: _Reader) -> None:
    if not cells:
        return
    if (kinds := _header_kinds(cells)) is not None:
        reader.header = kinds
        return
    row_text = " | ".join(cells)
    if NON_INTERVIEW_ROW.search(row_text):
        return
    columns = [(reader.header or {}).get(index, "unknown") for index in range(len(cells))]
    timing = [
        index
        for index, cell in enumerate(cells)
        if columns[index] == "time"
        or (columns[index] == "unknown" and (CLOCK.search(cell) or DURATION.fullmatch(cell)))
    ]
    times = _clock_times(_without_zones(" ".join(cells[index] for index in timing)))
    name_index, people = _people_in_cells(cells, columns, timing, reader.today)
    for person in people:
        for index, cell in enumerate(cells):
            if index != name_index and index not in timing:
                _add_cell_details(person, cell, columns[index])
        reader.sightings.append(_Sighting(person, reader.day, times, _row_zone(row_text, reader)))


def _people_in_cells(
    cells: list[str], columns: list[str], timing: list[int], today: date
) -> tuple[int | None, list[_Person]]:
    """The people in the row's name column, or in the first cell that names someone."""
    candidates = [index for index, kind in enumerate(columns) if kind == "name"] or [
        index for index, kind in enumerate(columns) if kind == "unknown" and index not in timing
    ]
    for index in candidates:
        if people := _people_in(_without_schedule_text(cells[index], today)):
            return index, people
    return None, []


def _add_cell_details(person: _Person, cell: str, column: str) -> None:
    """Give a person what the row's other columns say: title, notes, e-mail."""
    for kind, text in _segments(cell):
        if kind == "email":
            person.email = person.email or text
        elif kind == "title" and column in {"title", "unknown"}:
            person.titles.append(text)
        else:
            person.context.append(text)


def _read_text_line(line: str, reader: _Reader) -> None:
    # A time alone on its line ("10:00 – 10:45") belongs to the names on the next line.
    times_above, reader.pending_times = reader.pending_times, None
    if CLOCK.search(line) and not LETTER.search(_without_schedule_text(line, reader.today)):
        reader.pending_times = _clock_times(_without_zones(line))
        return
    is_listed = BULLET.match(line) is not None or reader.in_roster_block or bool(times_above)
    for sentence in _sentences(BULLET.sub("", line).strip()):
        is_meeting = is_listed or MEETING_TRIGGER.search(sentence) is not None
        for clause in CLAUSE_BREAK.split(sentence):
            if _read_clause(clause, is_meeting, times_above, reader):
                times_above = None


def _sentences(text: str) -> list[str]:
    """Sentences, without splitting after "Dr." or "Ms."."""
    sentences: list[str] = []
    for piece in SENTENCE_END.split(text):
        if sentences and ABBREVIATION_END.search(sentences[-1]):
            sentences[-1] = f"{sentences[-1]} {piece}"
        else:
            sentences.append(piece)
    return sentences


def _read_clause(
    clause: str, is_meeting: bool, times_above: _FoundTimes | None, reader: _Reader
) -> bool:
    """Record the people a clause names; True when it used the times from the line above."""
    if not (is_meeting or CLOCK.search(clause)) or NON_INTERVIEW_ROW.search(clause):
        return False
    times = _clock_times(_without_zones(clause))
    trigger = MEETING_TRIGGER.search(clause)
    people_text = clause[trigger.end() :] if trigger else clause
    people = _people_in(_without_schedule_text(people_text, reader.today))
    uses_times_above = bool(people) and times is None and times_above is not None
    for person in people:
        reader.sightings.append(
            _Sighting(person, reader.day, times or times_above, _row_zone(clause, reader))
        )
    return uses_times_above


def _row_zone(text: str, reader: _Reader) -> tzinfo | None:
    found = _find_zone(text)
    if found is None or found.ambiguous:
        return reader.zone
    return found.tz


def _without_zones(text: str) -> str:
    """Text with zone offsets blanked, so "+01:00" is not read as a clock."""
    text = UTC_OFFSET.sub(" ", text)
    return IANA_ZONE.sub(" ", text)


def _without_schedule_text(text: str, today: date) -> str:
    """Text with dates, times, zones, durations and links cut out, leaving separators."""
    text = _without_zones(text)
    text = URL.sub(" , ", text)
    for _, (start, end) in reversed(_dates_in(text, today)):
        text = f"{text[:start]} , {text[end:]}"
    text = WEEKDAY_WORD.sub(" , ", text)
    text = ZONE_NEAR_TIME.sub(" , ", text)
    text = TIME_RANGE.sub(" , ", text)
    text = CLOCK.sub(" , ", text)
    text = DURATION.sub(" , ", text)
    return EMPTY_BRACKETS.sub(" , ", text)


# ---- people --------------------------------------------------------------------------


def _people_in(fragment: str) -> list[_Person]:
    """People named in a fragment, each with the titles and context written next to them.

    A title after a name is that person's ("Priya Raman, Head of Finance"); a title with
    no name before it waits for the next name ("our Head of Finance, Priya Raman").
    """
    people: list[_Person] = []
    waiting_titles: list[str] = []
    waiting_context: list[str] = []
    previous_kind = ""
    for kind, text in _segments(fragment):
        last = people[-1] if people else None
        if kind == "title" and previous_kind == "context" and last is not None:
            kind = "context"  # a note runs on: "(from our partner team, Checkout)"
        previous_kind = kind
        if kind == "name":
            people.append(_Person(text, titles=waiting_titles, context=waiting_context))
            waiting_titles, waiting_context = [], []
        elif kind == "email":
            if last is not None and last.email is None:
                last.email = text
        elif kind == "title" and last is not None and _title_is_theirs(last, text, waiting_titles):
            last.titles.append(ARTICLES.sub("", text))
        elif kind in {"title", "title_before_name"}:
            waiting_titles.append(ARTICLES.sub("", text))
        elif last is not None:
            last.context.append(text)
        else:
            waiting_context.append(text)
    return people


def _title_is_theirs(person: _Person, title: str, waiting_titles: list[str]) -> bool:
    """Whether a title after a person's name is theirs rather than the next person's.

    A second title adds to the first ("Principal, Lincoln Elementary") unless an article
    or a lower-case word shows it introduces the next name ("and our Controller, Omar").
    """
    if not person.titles:
        return not waiting_titles
    return not (title[0].islower() or ARTICLES.match(title))


def _segments(fragment: str) -> list[tuple[str, str]]:
    """(kind, text) pieces of a fragment in order; kind is name, title, email or context."""
    emails: list[str] = []

    def mark_email(match: re.Match[str]) -> str:
        emails.append(_bare_email(match.group()))
        return f" , {EMAIL_MARK}{len(emails) - 1} , "

    marked = EMAIL.sub(mark_email, fragment)
    pieces: list[tuple[str, str]] = []
    for raw in SEGMENT_BREAK.split(marked):
        for part in _split_and(SEGMENT_TAIL_BREAK.split(raw)):
            segment = _clean_segment(part)
            if segment.startswith(EMAIL_MARK):
                pieces.append(("email", emails[int(segment[len(EMAIL_MARK) :])]))
            elif segment:
                pieces.extend(_classify(segment))
    return pieces


def _split_and(parts: list[str]) -> list[str]:
    """Split at "and" only between names: "VP of Sales and Marketing" stays whole."""
    result: list[str] = []
    for part in parts:
        pieces = AND_BREAK.split(part)  # text, joiner, text, joiner, ...
        merged = [pieces[0]]
        for joiner, piece in zip(pieces[1::2], pieces[2::2], strict=True):
            if _names_someone(_clean_segment(piece)) or _names_someone(_clean_segment(merged[-1])):
                merged.append(piece)
            else:
                merged[-1] = f"{merged[-1]}{joiner}{piece}"
        result.extend(merged)
    return result


def _names_someone(segment: str) -> bool:
    return bool(segment) and (_is_name(segment) or _split_title_and_name(segment) is not None)


def _clean_segment(segment: str) -> str:
    segment = " ".join(segment.split()).strip("*_`'\"“”.:-–—> ")
    return DANGLING_WORDS.sub("", LEADING_JOINER.sub("", segment)).strip(" ,.:")


def _classify(segment: str) -> list[tuple[str, str]]:
    """One segment as name, title or context; "Head of Finance Priya Raman" as two."""
    kind = _segment_kind(segment)
    if kind == "name" or _reads_as_prose(segment):
        return [(kind, segment)]
    # Checked before the relation words: "Hiring Manager Tom Reyes" names someone.
    if (split := _split_title_and_name(segment)) is not None:
        title, name = split
        return [("title_before_name", title), ("name", name)]
    return [(kind, segment)]


def _segment_kind(segment: str) -> str:
    unarticled = ARTICLES.sub("", segment)
    if _is_name(segment) or (unarticled != segment and _is_name(unarticled)):
        return "name"
    if (
        _reads_as_prose(segment)
        # "the hiring manager" or "a teammate" says how they relate, not what their job is.
        or infer_relation(None, segment)
        in {"hiring_manager", "managers_manager", "peer", "cross_department"}
        or (segment[0].islower() and unarticled == segment)
    ):
        return "context"
    return "title"


def _reads_as_prose(segment: str) -> bool:
    """Whether a segment is a clause or an activity rather than a title or a name."""
    return bool(
        DIGIT.search(segment)
        or CONTEXT_OPENERS.search(segment)
        or ACTIVITY_WORDS.search(segment)
        or len(segment.split()) > 8
        or not LETTER.search(segment)
    )


def _split_title_and_name(segment: str) -> tuple[str, str] | None:
    """Title and name of a segment that ends in a name: "Principal Dr. Hannah Whitcomb".

    Only a name at the end counts, as titles written without a comma come first
    ("Retail Trading Manager Sophie Kowalski"); two capitalised words at the start or in
    the middle are more often part of the title ("Guest Relations Supervisor").
    """
    words = ARTICLES.sub("", segment).split()
    if len(words) > 12:
        return None
    for size in range(min(len(words) - 1, 5), 1, -1):
        if _is_name(" ".join(words[-size:])) and words[-size - 1][0].isupper():
            return " ".join(words[:-size]), " ".join(words[-size:])
    return None


def _is_name(text: str) -> bool:
    words = text.split()
    if words and words[0].lower() in HONORIFICS:
        words = words[1:]
        minimum = 1
    else:
        minimum = 2
    if not minimum <= len(words) <= 5:
        return False
    if words[0].lower() in NAME_PARTICLES or words[-1].lower() in NAME_PARTICLES:
        return False
    proper = [word for word in words if word.lower() not in NAME_PARTICLES]
    return len(proper) >= minimum and all(_is_name_word(word) for word in proper)


def _is_name_word(word: str) -> bool:
    if len(word) == 2 and word[0].isupper() and word[1] == ".":  # a middle initial
        return True
    if not word[0].isupper() or word.isupper() or word.lower() in NOT_NAME_WORDS:
        return False
    return all(ch.isalpha() or ch in "'’-" for ch in word) and all(
        part[:1].isupper() or part[:1] == "" for part in word.split("-")
    )


def _bare_email(text: str) -> str:
    return text.removeprefix("mailto:")


# ---- from sightings to entries -------------------------------------------------------


def _entries(sightings: list[_Sighting], role_title: str | None) -> list[RosterEntry]:
    """One entry per person, in order of first mention, details filled from later ones."""
    merged: dict[str, _Sighting] = {}
    for sighting in sightings:
        key = _name_key(sighting.person.name)
        if key not in merged:
            merged[key] = sighting
            continue
        first = merged[key]
        first.person.titles = first.person.titles or sighting.person.titles
        first.person.context += sighting.person.context
        first.person.email = first.person.email or sighting.person.email
        if first.times is None and sighting.times is not None:
            first.times, first.day, first.zone = sighting.times, sighting.day, sighting.zone
    return [_entry(sighting, role_title) for sighting in merged.values()]


def _name_key(name: str) -> str:
    words = [word for word in name.casefold().split() if word not in HONORIFICS]
    return " ".join(words)


def _entry(sighting: _Sighting, role_title: str | None) -> RosterEntry:
    person = sighting.person
    title = ", ".join(person.titles) or None
    context = " ".join(person.context)
    relation = infer_relation(title, context)
    if relation is None and title and role_title and title.casefold() == role_title.casefold():
        relation = "peer"  # the same job as the one applied for
    start = end = None
    if sighting.times is not None and sighting.day is not None:
        start = datetime.combine(sighting.day, sighting.times.start, tzinfo=sighting.zone)
        if sighting.times.end is not None:
            end = datetime.combine(sighting.day, sighting.times.end, tzinfo=sighting.zone)
    return RosterEntry(person.name, title, relation, start, end, person.email)


# ---- other facts ---------------------------------------------------------------------


def _role_title(text: str) -> str | None:
    for pattern in ROLE_TITLE_PATTERNS:
        if (match := pattern.search(text)) is not None:
            return match["role"].strip()
    return None


def _video_link(text: str) -> str | None:
    for match in URL.finditer(text):
        url = match.group().rstrip(".,;:!?>]")
        host = re.sub(r"^https?://", "", url).split("/")[0].lower()
        if any(host == known or host.endswith(f".{known}") for known in VIDEO_HOSTS):
            return url
    return None


def _location(lines: list[str]) -> str | None:
    """A labelled location ("Location: ...") or else the first street-address line."""
    for line in lines:
        labelled = LOCATION_LABEL.match(line)
        if labelled and not URL.fullmatch(labelled["value"]):
            return labelled["value"]
    for line in lines:
        if STREET_ADDRESS.search(line):
            return BULLET.sub("", line).strip()
    return None
