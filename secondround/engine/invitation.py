"""Read a second-interview invitation e-mail into a roster: who, what title, when.

The candidate pastes the e-mail as it arrived, so the parser meets markdown and ASCII
tables, tab- or space-aligned columns, bullet lists, numbered agendas and plain prose
("you will meet with X, our Y, then Z"). It works line by line:

1. Lines that can hold a roster are kept: table rows, bullets, lines with a clock time,
   lines under an "Interviewers:" heading, and sentences with "meet with" and the like.
   Everything from a sign-off ("Best regards, ...") to the next forwarded or quoted
   message ("-----Original Message-----", "From: ...") is dropped, so a signature never
   becomes an interviewer but a forwarded schedule is still read. Tables are read by
   their header row (time/slot/when, interviewer/who/with, title/role/position).
2. Each row is cut into clauses ("..., then ..."), and each clause into segments at
   commas, brackets and spaced dashes. A segment is a name, a title, an e-mail address
   or context ("who would be your manager"); a walk over the segments pairs them up.
   Activities before a person ("Store walk with ...") and post-nominal letters ("P.E.",
   "PhD") are kept out of the title.
3. Relations come from ordered rules over the title and the context (RELATION_RULES),
   including sentences elsewhere that name one interviewer ("Aisha would be your direct
   supervisor").

Dates, clock times and time zones are read by invitation_times.

It is a heuristic, and it prefers missing a person to inventing one: a name must be
two or more capitalised words (or an honorific and one), none of them a title word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo

from secondround.engine.invitation_times import (
    CLOCK,
    DIGIT,
    DURATION,
    EMPTY_BRACKETS,
    TIME_RANGE,
    WEEKDAYS,
    ZONE_NEAR_TIME,
    FoundTimes,
    clock_times,
    dates_in,
    duration_minutes,
    email_zone,
    find_zone,
    interview_date,
    parse_time_range,
    slashed_dates_are_day_first,
    without_zones,
    zone_for_abbreviation,
)
from secondround.engine.language import looks_english
from secondround.engine.word_tables import word_set

__all__ = [
    "AgendaItem",
    "NOT_ENGLISH_WARNING",
    "NO_ROSTER_WARNING",
    "ParsedInvitation",
    "RosterEntry",
    "infer_relation",
    "parse_invitation",
    "agenda_as_json",
    "parse_time_range",
    "roster_as_json",
    "split_honorific",
    "zone_for_abbreviation",
]

# --------------------------------------------------------------------------------------
# Data tables: edit these rather than the code below.
# --------------------------------------------------------------------------------------


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
            r"hiring manager|(?:you|you'd|you'll|position|role|job|post)(?: would| will)? "
            r"reports? (?:directly )?to|reporting (?:directly )?to|your (?:future |new |direct "
            r"|line |immediate )?(?:manager|boss|supervisor)\b|\bdirect manager|\bline manager"
            r"|(?:to )?whom (?:the |this )?(?:post|role|position|job|successful candidate|you)"
            r" (?:would |will )?reports?|reports? to (?:him|her|them)\b"
            r"|(?:you(?:'d| would| will)?|you'll) (?:be )?(?:work(?:ing)? )?(?:under|for)\b",
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
            r"|\bprincipal\b|\bdean\b|board chair|chair of the board|superintendent"
            r"|\bpresident\b|general manager|managing partner",
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

# schedule words. They keep "Nurse Manager" or "Visitor Parking" from passing as names.
NOT_NAME_WORDS: frozenset[str] = word_set(
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
    commercial lending banking credit wealth investment investments mortgage retail store
    representative representatives rep specialty pharmaceutical medical territory field
    strategic strategy initiatives policy legislation evaluation programs government
    public ministry transportation transport civil structural site construction leading
    hand electrician plumber carpenter welder fitter technician mechanic apprentice
    foreman forewoman journeyman estimator surveyor planner scheduler inspector chef sous
    cook kitchen restaurant bar food beverage housekeeping concierge host hostess server
    hotel events catering pharmacist pharmacy therapist midwife surgeon paramedic healthcare
    ward sister matron advisor adviser officer administrator administration clerk cashier
    teller banker underwriter actuary trader broker editor producer librarian counsellor
    counselor psychologist social worker caseworker deputy lecturer tutor trainer steward
    executive chairperson treasurer trustee volunteer volunteers fundraising development
    youth community outreach mathematics maths math science english history teaching
    middle high primary secondary elementary department nurse midwifery theatre emergency
    """
)
NAME_PARTICLES: frozenset[str] = word_set(
    "de da di del della der den du van von la le y bin binti bint ibn al el dos das do ter ten"
)

HONORIFICS: frozenset[str] = word_set(
    "dr dr. mr mr. mrs mrs. ms ms. mx mx. prof prof. professor sir dame"
)

# A schedule row about one of these is a pause, not a person, even if "with the team".
# "Coffee chat with ..." or "Lunch interview with ..." is still a conversation, though.
NON_INTERVIEW_ROW = re.compile(
    r"\b(?:lunch|break|coffee|tour|travel|transfer|buffer|check[- ]in|arrival|arrive)\b"
    r"(?!\s+(?:chat|interview|conversation|meeting|discussion)\b)",
    re.IGNORECASE,
)

# Segments naming an activity ("Technical interview", "Case study") are context, not titles.
ACTIVITY_WORDS = re.compile(
    r"\b(?:interview|session|panel|meeting|conversation|chat|call|presentation|discussion"
    r"|deep dive|walkthrough|case study|assessment|exercise|review|introduction|intro"
    r"|overview|q&a|debrief|welcome|wrap[- ]up|demo|lesson|observation|test|walk|scenario"
    r"|simulation|role[- ]play|shadow(?:ing)?|ride[- ]along|tasting|site visit|visit"
    r"|meet the team|meet and greet|meet & greet)\b",
    re.IGNORECASE,
)

# A timed part of the day that names nobody and is not the interview itself ("The panel
# starts at 10:30" is the interview): it goes on the round's agenda.
AGENDA_WORDS = re.compile(
    r"\b(?:lunch|break|coffee|tour|test|exercise|assessment|presentation|lesson|observation"
    r"|welcome|check[- ]in|arrival|registration|case study|task|simulation|role[- ]play"
    r"|tasting|shadow(?:ing)?|walk(?:around|through)?|visit|written|numeracy|literacy)\b",
    re.IGNORECASE,
)

# Words before the activity itself: "At 11:00, a ward tour", "then lunch", "followed by".
AGENDA_LEAD = re.compile(
    r"^(?:(?:at|from|on|then|and|also|after that|afterwards|followed by|there will be|we"
    r"|will|have|a|an|the|our|your|short|quick|brief)\b[\s,]*)+",
    re.IGNORECASE,
)

# What comes before "with"/"by"/"to" and a person is the activity, not their title:
# "Store walk with Ana Sousa", "observed by our Assistant Principal", "Presentation to ...".
ACTIVITY_LEAD = re.compile(
    r"\s+with\s+|(?:(?<=observed)|(?<=accompanied)|(?<=led)|(?<=hosted)|(?<=run)"
    r"|(?<=joined)|(?<=assessed)|(?<=interviewed))\s+by\s+|(?:(?<=presentation)|(?<=present)"
    r"|(?<=talk)|(?<=introduction)|(?<=introduced)|(?<=pitch))\s+to\s+",
    re.IGNORECASE,
)

# Post-nominal letters after a name ("Rebecca Thornton, P.E.", "Samuel Ortiz, PhD"): they
# are neither part of the name nor a job title. Compared without dots, in upper case.
CREDENTIALS: frozenset[str] = word_set(
    """
    PE PENG PMP CPA ACA FCA ACCA FCCA CIMA ACMA CGMA CFA CFP CMA CIA CISA CISM CISSP PHD DPHIL
    EDD MD DDS DMD PHARMD RPH RN BSN MSN DNP NP APRN RGN RMN RNMH LPN CNA CNM MBA MPA MPH MSC
    BSC MA BA MS MED BED JD LLB LLM ESQ SHRM-CP SHRM-SCP PHR SPHR CIPD MCIPD FCIPD CHRP CENG
    MICE FICE MIET MIMECHE LEED AIA RIBA FRICS MRICS CPSM CSCP CPIM MRCP FRCS FRCP MRCGP FACHE
    CPHQ CCRN CEN OBE MBE CBE QC KC FCMA CMGR MCMI FCMI
    """
)

# A grade after a title is part of it: "Clinical Nurse Manager 2", "Engineer II", "Band 6".
GRADE_SUFFIX = re.compile(r"^(?:band|grade)\s+\d{1,2}[a-z]?\s+|\s+(?:\d{1,2}|[IV]{1,3})$")

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
    "people": "name",
    "meeting": "name",
    "panel": "name",
    "panelist": "name",
    "panelists": "name",
    "host": "name",
    "member": "name",
    "contact": "name",
    "title": "title",
    "job title": "title",
    "role": "title",
    "position": "title",
    "designation": "title",
    "job": "title",
    "titles": "title",
    "roles": "title",
    "email": "email",
    "e-mail": "email",
}

# An invitation is a few kB; past this it is a long quoted thread, read only in part.
MAX_TEXT_CHARS = 100_000

# --------------------------------------------------------------------------------------
# Patterns built from the tables.
# --------------------------------------------------------------------------------------

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
# A sentence away from the schedule may still say who the candidate would report to.
REPORTING_RELATIONS: frozenset[str] = frozenset({"hiring_manager", "managers_manager"})
REPORTING_LINE_CUE = re.compile(r"manager|boss|supervisor|report", re.IGNORECASE)
# A pipe-separated line with one of these, no time and no header, is a signature.
SIGNATURE_CELL = re.compile(
    r"talent|recruit|human resources|\bHR\b|people (?:team|operations|&|and)|\bwww\.|@"
    r"|\b(?:inc|ltd|llc|plc|gmbh|corp)\b|\b(?:tel|phone|mobile|cell|direct)\b"
    r"|\(?\d{3}\)?[ .-]\d{3}",
    re.IGNORECASE,
)
# Where a forwarded or quoted message starts: "-----Original Message-----",
# "---------- Forwarded message ---------", "On Mon, 4 May 2026, Kayla wrote:".
FORWARD_MARKER = re.compile(
    r"^\s*(?:-{2,}\s*(?:original|forwarded)\s+message\s*-*|begin forwarded message:?"
    r"|on\b.{4,120}\bwrote:)\s*$",
    re.IGNORECASE,
)
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
    r"|sit(?:ting)?\s+down|interview(?:ing|ed)?|be joined|joined|conducted|led|run|chaired"
    r"|hosted|assessed|observed)\s+(?:with|by)\b"
    r"|\binterviewers?\s+(?:are|will be|include)\b|\b(?:interviewers?|panel(?:ists)?)\s*:"
    r"|\b(?:panel|interview|round|session|day)\s+(?:will\s+)?(?:consists?\s+of|comprises?"
    r"|comprising|includes?|including|will include|is|will be with|members are)\b"
    r"|\b(?:the\s+)?panel\s+(?:members?\s+)?(?:will\s+be|are)\b"
    r"|\bpanel\s+of\b)"
    r"|\b(?i:meet(?:ing)?|include|includes|including)\s+(?=(?:our\s+|the\s+)?[A-Z]))"
)
CLAUSE_BREAK = re.compile(
    r",?\s+(?:and\s+)?(?:then|afterwards|after that|followed by|finally|lastly)\b,?\s*",
    re.IGNORECASE,
)
SEGMENT_BREAK = re.compile(r"\s*(?:[,;()\[\]{}|]|\s[-–—]+\s|[–—]|:\s)\s*")
SEGMENT_TAIL_BREAK = re.compile(r"\s+(?=(?:from|who|whom|whose)\s)", re.IGNORECASE)
AND_BREAK = re.compile(r"(\s+(?:and|&)\s+)", re.IGNORECASE)
LEADING_JOINER = re.compile(r"^(?:and|then|also|plus|&)\s+", re.IGNORECASE)
LETTER = re.compile(r"[^\W\d_]")
DANGLING_WORDS = re.compile(r"(?:\s+(?:at|on|from|between|until|by|for|in|and)\b)+\s*$", re.I)
ROLE_TITLE_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(
        r"\b(?:for|to) the (?:role|position|post|job) of (?P<role>[A-Z][^.,;:\n()]{2,60}?)"
        r"(?=[.,;:\n(]| at | with | in |$)"
    ),
    re.compile(
        r"\b(?:for|about)\s+(?:the|our|this)\s+(?P<role>[A-Z][\w'&/\- ]{2,60}?)\s+"
        r"(?:role|position|opening|vacancy|post|job)\b"
    ),
)
LOCATION_LABEL = re.compile(
    r"^\s*(?:location|address|where|venue|place|office)\s*:\s*(?P<value>.+?)\s*$", re.IGNORECASE
)
STREET_ADDRESS = re.compile(
    r"\b\d{1,5}\s+(?:[A-Z][\w'.-]*\s+){1,4}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd"
    r"|Lane|Ln|Drive|Dr|Way|Place|Pl|Square|Sq|Court|Parkway|Pkwy|Terrace|Row|Quay)\b\.?"
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
    honorific: str | None = None  # "Dr", kept apart so the name is spelled as they spell it
    source: str | None = None  # the line of the e-mail the person was read from
    unsure: tuple[str, ...] = ()  # fields to check: "name", "title", "relation", "time"


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
) -> ParsedInvitation:
    """Read the roster and schedule from a pasted invitation e-mail.

    `known_day` is the interview's date when something surer than the text gives it (a
    calendar event). Never raises: whatever is pasted, the candidate gets a result and
    warnings to act on.
    """
    try:
        return _parse(text, today=today, default_time_zone=default_time_zone, known_day=known_day)
    except Exception:  # a paste must never break the page: the candidate types it in instead
        return ParsedInvitation(
            [], None, None, None, None, ["Could not read this e-mail.", NO_ROSTER_WARNING]
        )


def roster_as_json(parsed: ParsedInvitation) -> list[dict[str, object]]:
    """[{"name","title","relation","start","end", "email","honorific","source","unsure"}];
    times as datetime.isoformat() or None. The first five keys are the original shape."""
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
        }
        for entry in parsed.entries
    ]


def agenda_as_json(parsed: ParsedInvitation) -> list[dict[str, str | None]]:
    return [
        {"label": item.label, "start": _iso(item.start), "end": _iso(item.end)}
        for item in parsed.agenda
    ]


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def infer_relation(title: str | None, context: str = "") -> str | None:
    """The relation id the first matching RELATION_RULES entry gives, or None."""
    described = " ".join(part for part in (title, context) if part)
    for pattern, relation in RELATION_RULES:
        if pattern.search(described):
            return relation
    return None


# --------------------------------------------------------------------------------------
# The parse
# --------------------------------------------------------------------------------------


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
    times: FoundTimes | None
    zone: tzinfo | None
    line: str = ""
    borrowed_times: bool = False  # from the line above or the whole day's slot


@dataclass
class _Reader:
    """State carried from line to line while walking the e-mail."""

    today: date
    day: date | None
    zone: tzinfo | None
    day_first: bool = False
    header: dict[int, str] | None = None
    in_roster_block: bool = False
    pending_times: FoundTimes | None = None
    line: str = ""
    sightings: list[_Sighting] = field(default_factory=list)
    agenda: list[_Sighting] = field(default_factory=list)  # person holds the activity
    loose_times: list[_Sighting] = field(default_factory=list)  # times naming nobody


def _parse(
    text: str, *, today: date, default_time_zone: str | None, known_day: date | None
) -> ParsedInvitation:
    warnings: list[str] = []
    text = _clean_text(text)
    if not looks_english(text):
        warnings.append(NOT_ENGLISH_WARNING)
    if len(text) > MAX_TEXT_CHARS:
        text = text[:MAX_TEXT_CHARS]
        warnings.append("The e-mail is very long: only its beginning was read.")
    lines = _unwrapped(_body_lines(text))
    zone = email_zone("\n".join(lines), default_time_zone, warnings)
    day_first = slashed_dates_are_day_first("\n".join(lines), zone.name)
    interview_day = interview_date(lines, today, day_first) or known_day
    reader = _Reader(today=today, day=interview_day, zone=zone.tz, day_first=day_first)
    for line in lines:
        reader.line = line.strip()
        _read_line(line, reader)
    _add_relation_sentences(reader.sightings, lines)
    _share_the_day_slot(reader)
    entries = _entries(reader.sightings, _role_title(text), reader.zone is not None)
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
        agenda=[_agenda_item(sighting) for sighting in reader.agenda],
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
    """Lines of each message up to its sign-off, without mail headers, greetings or quotes.

    A forwarded or replied-to message below a sign-off is read again from its header
    block, as the schedule is often in the message that was forwarded.
    """
    body: list[str] = []
    signed_off = False
    lines = text.split("\n")
    headers = _header_lines(lines)
    for index, line in enumerate(lines):
        if FORWARD_MARKER.match(line) or (signed_off and index in headers):
            signed_off = False
            continue
        if signed_off or SIGN_OFF.match(line):
            signed_off = True
            continue
        if index in headers or GREETING.match(line) or QUOTED_REPLY.match(line):
            continue
        body.append(line.rstrip())
    return body


# A line of prose that stops on one of these, or before a lower-case word, was wrapped:
# "At 10:45 you will meet" / "Grace Adeyemi, Warehouse Lead, ...". A line of layout ends
# on a name, a title or a time.
WRAPPED_END = re.compile(
    r"(?:,|\b(?:meet|meeting|with|by|and|or|the|our|your|their|his|her|a|an|to|at|of|for"
    r"|from|on|in|you|will|would|be|is|are|then|also|who|which|whom|joined|followed))$",
    re.IGNORECASE,
)


def _unwrapped(lines: list[str]) -> list[str]:
    """Prose lines joined back into the sentences they were wrapped from, so that "At
    10:45 you will meet" and "Grace Adeyemi, Warehouse Lead" on the next line are read as
    one sentence. Table rows, bullets and roster lines are layout and stay as they are."""
    joined: list[str] = []
    for line in lines:
        previous = joined[-1] if joined else ""
        if (
            previous.strip()
            and line.strip()
            and (WRAPPED_END.search(previous.rstrip()) or line.strip()[0].islower())
            and not _is_layout(previous)
            and not _is_layout(line)
        ):
            joined[-1] = f"{previous.rstrip()} {line.strip()}"
        else:
            joined.append(line)
    return joined


def _is_layout(line: str) -> bool:
    return bool(
        BULLET.match(line)
        or "|" in line
        or "\t" in line
        or re.search(r"\S {3,}\S", line.strip())
        or ROSTER_HEADING.match(line)
        or TABLE_RULE.match(line)
    )


def _header_lines(lines: list[str]) -> set[int]:
    """Indexes of mail-header lines: "From:", "Sent:", "Date:" next to another header.

    Alone, "Date: 22 April 2026 (all times BST)" is the body telling the interview date.
    """
    looks = [MAIL_HEADER.match(line) is not None for line in lines]
    return {
        index
        for index, is_header in enumerate(looks)
        if is_header
        and (
            (index > 0 and looks[index - 1])
            or (index + 1 < len(looks) and looks[index + 1])
            or not re.match(r"\s*date\s*:", lines[index], re.IGNORECASE)
        )
    }


# ---- lines and rows ------------------------------------------------------------------


def _read_line(line: str, reader: _Reader) -> None:
    # A "line" of thousands of characters is a pasted blob, not a schedule row.
    if not line.strip() or len(line) > 5000:
        reader.in_roster_block = False
        reader.header = None
        return
    line_dates = [
        day for day, _ in dates_in(line, reader.today, reader.day_first) if day >= reader.today
    ]
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
    elif re.search(r"\S {3,}\S", stripped):
        # Columns aligned with spaces: only trusted when a header or a clock says "table".
        cells = [cell.strip() for cell in re.split(r" {3,}", stripped)]
        if not (reader.header is not None or CLOCK.search(line) or _header_kinds(cells)):
            return None
    else:
        return None
    filled = [cell for cell in cells if cell]
    if len(filled) < 2:
        return None
    # An empty cell keeps its place under the header: "| 11:15 | | Break |" has no name.
    return cells if reader.header is not None and len(cells) == len(reader.header) else filled


def _header_kinds(cells: list[str]) -> dict[int, str] | None:
    """Column kinds (time, name, title, email, other) when the row is a table header."""
    if any(CLOCK.search(cell) or len(cell.split()) > 4 for cell in cells):
        return None
    kinds = {index: _header_kind(cell) for index, cell in enumerate(cells)}
    return kinds if "name" in kinds.values() else None


def _header_kind(cell: str) -> str:
    """The kind of column a header cell names: "Time (Irish time)" and "Interviewer(s)"
    are time and name columns; the whole cell is tried first, then its words in order."""
    words = re.sub(r"\(s\)|[^\w\s&/-]", " ", cell.lower()).split()
    for candidate in (" ".join(words), *words):
        if candidate in HEADER_WORDS:
            return HEADER_WORDS[candidate]
    return "other"


def _read_table_row(cells: list[str], reader: _Reader) -> None:
    if not cells:
        return
    if (kinds := _header_kinds(cells)) is not None:
        reader.header = kinds
        return
    row_text = " | ".join(cells)
    if _is_signature_row(row_text, reader):
        return
    columns = [(reader.header or {}).get(index, "unknown") for index in range(len(cells))]
    timing = [
        index
        for index, cell in enumerate(cells)
        if columns[index] == "time"
        or (columns[index] == "unknown" and (CLOCK.search(cell) or DURATION.fullmatch(cell)))
    ]
    times = clock_times(without_zones(" ".join(cells[index] for index in timing)))
    zone = _row_zone(row_text, reader)
    if NON_INTERVIEW_ROW.search(row_text):
        _add_agenda(" ".join(c for i, c in enumerate(cells) if i not in timing), times, reader)
        return
    name_index, people = _people_in_cells(cells, columns, timing, reader.today)
    if not people:
        _add_agenda(" ".join(c for i, c in enumerate(cells) if i not in timing), times, reader)
    for person in people:
        for index, cell in enumerate(cells):
            if index != name_index and index not in timing:
                _add_cell_details(person, cell, columns[index])
        reader.sightings.append(_Sighting(person, reader.day, times, zone, reader.line))


def _is_signature_row(row_text: str, reader: _Reader) -> bool:
    """Whether a headerless, timeless row is a signature: "Priyanka Shah | Talent
    Acquisition | VertexMed" or a phone number, outside any schedule block."""
    return (
        reader.header is None
        and not reader.in_roster_block
        and not CLOCK.search(row_text)
        and SIGNATURE_CELL.search(row_text) is not None
    )


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
            person.titles.append(ARTICLES.sub("", text))
        else:
            person.context.append(text)


def _read_text_line(line: str, reader: _Reader) -> None:
    # A time alone on its line ("10:00 – 10:45") belongs to the names on the next line.
    times_above, reader.pending_times = reader.pending_times, None
    if CLOCK.search(line) and not LETTER.search(_without_schedule_text(line, reader.today)):
        reader.pending_times = clock_times(without_zones(line))
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
    clause: str, is_meeting: bool, times_above: FoundTimes | None, reader: _Reader
) -> bool:
    """Record the people a clause names; True when it used the times from the line above."""
    if not (is_meeting or CLOCK.search(clause)):
        return False
    times = clock_times(without_zones(clause))
    if NON_INTERVIEW_ROW.search(clause):
        _add_agenda(_without_schedule_text(clause, reader.today), times or times_above, reader)
        return times is None and times_above is not None
    trigger = MEETING_TRIGGER.search(clause)
    people_text = clause[trigger.end() :] if trigger else clause
    people = _people_in(_without_schedule_text(people_text, reader.today))
    uses_times_above = bool(people) and times is None and times_above is not None
    zone = _row_zone(clause, reader)
    if not people and times is not None:
        if AGENDA_WORDS.search(clause) and not MEETING_TRIGGER.search(clause):
            _add_agenda(_without_schedule_text(clause, reader.today), times, reader)
        else:
            reader.loose_times.append(_Sighting(_Person(""), reader.day, times, zone, reader.line))
    for person in people:
        reader.sightings.append(
            _Sighting(
                person,
                reader.day,
                times or times_above,
                zone,
                reader.line,
                borrowed_times=uses_times_above,
            )
        )
    return uses_times_above


def _add_agenda(text: str, times: FoundTimes | None, reader: _Reader) -> None:
    """Keep a timed part of the day that is no one's slot: "12:00 Lunch", "Unit tour"."""
    label = _clean_segment(re.sub(r"\s*[,|]\s*(?:[,|]\s*)*", ", ", text)).strip(" ,")
    label = AGENDA_LEAD.sub("", label)
    if times is None or not LETTER.search(label) or len(label.split()) > 12:
        return
    reader.agenda.append(
        _Sighting(
            _Person(label[:1].upper() + label[1:]), reader.day, times, reader.zone, reader.line
        )
    )


def _share_the_day_slot(reader: _Reader) -> None:
    """A panel is often given one slot for everyone, in a sentence that names nobody ("The
    interview will run from 2pm to 3pm"): when no one has a time of their own and the
    e-mail gives exactly one such slot, it is everyone's."""
    slots = {(s.day, s.times) for s in reader.loose_times if s.times is not None}
    if len(slots) != 1 or any(s.times for s in reader.sightings):
        return
    only = reader.loose_times[0]
    minutes = duration_minutes(only.line)
    if only.times is not None and only.times.end is None and minutes:
        # "at 2.00pm ... likely to last about 45 minutes": the slot ends at 2.45pm.
        start = datetime.combine(date.min, only.times.start)
        only.times = FoundTimes(only.times.start, (start + timedelta(minutes=minutes)).time())
    for sighting in reader.sightings:
        sighting.day = sighting.day or only.day
        sighting.times, sighting.zone, sighting.borrowed_times = only.times, only.zone, True


def _row_zone(text: str, reader: _Reader) -> tzinfo | None:
    found = find_zone(text)
    if found is None or found.ambiguous:
        return reader.zone
    return found.tz


def _without_schedule_text(text: str, today: date) -> str:
    """Text with dates, times, zones, durations and links cut out, leaving separators."""
    text = without_zones(text)
    text = URL.sub(" , ", text)
    for _, (start, end) in reversed(dates_in(text, today)):
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
            title = ARTICLES.sub("", text)
            untitled = _untitled_run(people)
            if len(untitled) > 1 and PLURAL_TITLE.search(title):
                # "Priya Raghunathan & Tobias Eriksson, Customer Success Managers"
                for person in untitled:
                    person.titles.append(PLURAL_TITLE.sub("", title))
            else:
                last.titles.append(title)
        elif kind in {"title", "title_before_name"}:
            waiting_titles.append(ARTICLES.sub("", text))
        elif last is not None:
            last.context.append(text)
        else:
            waiting_context.append(text)
    return people


# "Managers", "Nurses": a title two people share. "Sales" or "Operations" is one field.
PLURAL_TITLE = re.compile(
    r"(?<!\bsale)(?<!operation)(?<!service)(?<!affair)(?<!relation)(?<!resource)(?<!logistic)"
    r"(?<!analytic)(?<!communication)(?<!system)(?<!product)(?<=[a-rt-z])s$",
    re.IGNORECASE,
)


def _untitled_run(people: list[_Person]) -> list[_Person]:
    """The people at the end of the list who have no title yet."""
    run: list[_Person] = []
    for person in reversed(people):
        if person.titles:
            break
        run.append(person)
    return run[::-1]


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
        *activities, rest = ACTIVITY_LEAD.split(raw)
        for activity in activities:
            pieces.extend(_activity_pieces(_clean_segment(activity)))
        for part in _split_and(SEGMENT_TAIL_BREAK.split(rest)):
            segment = _without_credentials(_clean_segment(part))
            if segment.startswith(EMAIL_MARK):
                pieces.append(("email", emails[int(segment[len(EMAIL_MARK) :])]))
            elif segment:
                pieces.extend(_classify(segment))
    return pieces


def _activity_pieces(segment: str) -> list[tuple[str, str]]:
    """What stood before "with"/"by"/"to": a person ("Jane Doe with HR") or an activity,
    which is context however capitalised ("Store walk", "Clinical scenario")."""
    if not segment:
        return []
    pieces = _classify(segment)
    if any(kind == "name" for kind, _ in pieces):
        return pieces
    return [("context", segment)]


def _without_credentials(segment: str) -> str:
    """A segment without post-nominal letters: "" for "P.E." or "PE, PMP", the name alone
    for "Jane Doe RN". Lower-case words ("ma", "do") are ordinary words, not letters."""
    words = segment.split()
    while words and _is_credential(words[-1]):
        words.pop()
    return " ".join(words)


def _is_credential(word: str) -> bool:
    letters = word.strip(",.;")
    return letters != letters.lower() and letters.replace(".", "").upper() in CREDENTIALS


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
        DIGIT.search(GRADE_SUFFIX.sub("", segment))
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


def _add_relation_sentences(sightings: list[_Sighting], lines: list[str]) -> None:
    """Give a person the sentences elsewhere in the e-mail that place them in the
    reporting line: "Aisha would be your direct supervisor." under the schedule table.

    Only a sentence that names exactly one interviewer counts, by any of their names.
    """
    if not sightings:
        return
    for line in lines:
        if not REPORTING_LINE_CUE.search(line):
            continue
        for sentence in _sentences(BULLET.sub("", line).strip()):
            if infer_relation(None, sentence) not in REPORTING_RELATIONS:
                continue
            named = {id(s.person): s.person for s in sightings if _mentions(sentence, s.person)}
            if len(named) == 1:
                next(iter(named.values())).context.append(sentence)


def _mentions(sentence: str, person: _Person) -> bool:
    """Whether a sentence names the person by full, first or last name."""
    words = [word for word in person.name.split() if word.lower() not in HONORIFICS]
    if not words:
        return False
    return any(
        re.search(rf"(?<![\w'’-]){re.escape(word)}(?![\w-])", sentence)
        for word in {words[0], words[-1]}
    )


def _entries(
    sightings: list[_Sighting], role_title: str | None, zone_known: bool
) -> list[RosterEntry]:
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
            first.borrowed_times = sighting.borrowed_times
    return [_entry(sighting, role_title, zone_known) for sighting in merged.values()]


def _name_key(name: str) -> str:
    words = [word for word in name.casefold().split() if word not in HONORIFICS]
    return " ".join(words)


def _entry(sighting: _Sighting, role_title: str | None, zone_known: bool) -> RosterEntry:
    person = sighting.person
    honorific, name = split_honorific(person.name)
    title = ", ".join(person.titles) or None
    context = " ".join(person.context)
    relation = infer_relation(None, context) or infer_relation(title)
    if relation is None and title and role_title and title.casefold() == role_title.casefold():
        relation = "peer"  # the same job as the one applied for
    start, end = _moments(sighting)
    unsure = [
        field_name
        for field_name, doubtful in (
            ("name", honorific is not None and len(name.split()) == 1),
            ("title", title is None or len(person.titles) > 1),
            # A title alone says less about the reporting line than a sentence does.
            ("relation", relation is None or infer_relation(None, context) is None),
            ("time", start is None or sighting.borrowed_times or not zone_known),
        )
        if doubtful
    ]
    return RosterEntry(
        name,
        title,
        relation,
        start,
        end,
        person.email,
        honorific=honorific,
        source=sighting.line or None,
        unsure=tuple(unsure),
    )


def _moments(sighting: _Sighting) -> tuple[datetime | None, datetime | None]:
    if sighting.times is None or sighting.day is None:
        return None, None
    start = datetime.combine(sighting.day, sighting.times.start, tzinfo=sighting.zone)
    end = None
    if sighting.times.end is not None:
        end = datetime.combine(sighting.day, sighting.times.end, tzinfo=sighting.zone)
    return start, end


def split_honorific(name: str) -> tuple[str | None, str]:
    """("Dr", "Amara Okafor") for "Dr. Amara Okafor"; (None, name) without one."""
    first, _, rest = name.partition(" ")
    if rest and first.casefold() in HONORIFICS:
        return first.rstrip("."), rest
    return None, name


def _agenda_item(sighting: _Sighting) -> AgendaItem:
    start, end = _moments(sighting)
    return AgendaItem(sighting.person.name, start, end, sighting.line or None)


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
