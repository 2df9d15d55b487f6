"""Dates, clock times and time zones as invitation e-mails write them.

Split from invitation.py so the roster reader there deals with people and layout only.
Everything here reads one piece of text and never raises on odd input.
"""

from __future__ import annotations

import re
from datetime import date, time, timedelta, timezone, tzinfo
from typing import NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from secondround.engine.nlp.dates import plausible_year
from secondround.engine.nlp.word_tables import word_set

# --------------------------------------------------------------------------------------
# Data tables: edit these rather than the code below.
# --------------------------------------------------------------------------------------


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
    # Further abbreviations mails from other countries write next to a time.
    "ACST": "Australia/Adelaide",
    "ACDT": "Australia/Adelaide",
    "AWST": "Australia/Perth",
    "NZST": "Pacific/Auckland",
    "NZDT": "Pacific/Auckland",
    "HKT": "Asia/Hong_Kong",
    "PHT": "Asia/Manila",
    "PHST": "Asia/Manila",
    "MYT": "Asia/Kuala_Lumpur",
    "WIB": "Asia/Jakarta",
    "ICT": "Asia/Bangkok",
    "KST": "Asia/Seoul",
    "PKT": "Asia/Karachi",
    "NPT": "Asia/Kathmandu",
    "GST": "Asia/Dubai",
    "EAT": "Africa/Nairobi",
    "WAT": "Africa/Lagos",
    "CAT": "Africa/Maputo",
    "SAST": "Africa/Johannesburg",
    "EET": "Europe/Athens",
    "EEST": "Europe/Athens",
    "WET": "Europe/Lisbon",
    "WEST": "Europe/Lisbon",
    "MSK": "Europe/Moscow",
    "TRT": "Europe/Istanbul",
    "BRT": "America/Sao_Paulo",
    "ART": "America/Argentina/Buenos_Aires",
    "ADT": "America/Halifax",
    "NST": "America/St_Johns",
    "NDT": "America/St_Johns",
    "AKST": "America/Anchorage",
    "AKDT": "America/Anchorage",
    "HST": "Pacific/Honolulu",
}

# Places and regions written before "time": "Irish time", "all times are UK time",
# "Central Standard Time". Lower case, as the pattern ignores case.
PLACE_ZONES: dict[str, str] = {
    "eastern": "America/New_York",
    "central": "America/Chicago",
    "mountain": "America/Denver",
    "pacific": "America/Los_Angeles",
    "atlantic": "America/Halifax",
    "new york": "America/New_York",
    "chicago": "America/Chicago",
    "denver": "America/Denver",
    "los angeles": "America/Los_Angeles",
    "toronto": "America/Toronto",
    "vancouver": "America/Vancouver",
    "irish": "Europe/Dublin",
    "ireland": "Europe/Dublin",
    "dublin": "Europe/Dublin",
    "uk": "Europe/London",
    "british": "Europe/London",
    "london": "Europe/London",
    "central european": "Europe/Paris",
    "paris": "Europe/Paris",
    "berlin": "Europe/Berlin",
    "amsterdam": "Europe/Amsterdam",
    "madrid": "Europe/Madrid",
    "india": "Asia/Kolkata",
    "indian": "Asia/Kolkata",
    "dubai": "Asia/Dubai",
    "gulf": "Asia/Dubai",
    "singapore": "Asia/Singapore",
    "hong kong": "Asia/Hong_Kong",
    "tokyo": "Asia/Tokyo",
    "japan": "Asia/Tokyo",
    "sydney": "Australia/Sydney",
    "melbourne": "Australia/Melbourne",
    "brisbane": "Australia/Brisbane",
    "perth": "Australia/Perth",
    "auckland": "Pacific/Auckland",
    "new zealand": "Pacific/Auckland",
    "nz": "Pacific/Auckland",
    "wellington": "Pacific/Auckland",
    "canberra": "Australia/Sydney",
    "adelaide": "Australia/Adelaide",
    "darwin": "Australia/Darwin",
    "manila": "Asia/Manila",
    "philippine": "Asia/Manila",
    "kuala lumpur": "Asia/Kuala_Lumpur",
    "malaysia": "Asia/Kuala_Lumpur",
    "jakarta": "Asia/Jakarta",
    "bangkok": "Asia/Bangkok",
    "seoul": "Asia/Seoul",
    "korea": "Asia/Seoul",
    "karachi": "Asia/Karachi",
    "pakistan": "Asia/Karachi",
    "dhaka": "Asia/Dhaka",
    "bangladesh": "Asia/Dhaka",
    "mumbai": "Asia/Kolkata",
    "delhi": "Asia/Kolkata",
    "riyadh": "Asia/Riyadh",
    "doha": "Asia/Qatar",
    "abu dhabi": "Asia/Dubai",
    "nairobi": "Africa/Nairobi",
    "east africa": "Africa/Nairobi",
    "lagos": "Africa/Lagos",
    "west africa": "Africa/Lagos",
    "accra": "Africa/Accra",
    "ghana": "Africa/Accra",
    "johannesburg": "Africa/Johannesburg",
    "south africa": "Africa/Johannesburg",
    "cairo": "Africa/Cairo",
    "egypt": "Africa/Cairo",
    "istanbul": "Europe/Istanbul",
    "moscow": "Europe/Moscow",
    "lisbon": "Europe/Lisbon",
    "brasília": "America/Sao_Paulo",
    "brasilia": "America/Sao_Paulo",
    "são paulo": "America/Sao_Paulo",
    "sao paulo": "America/Sao_Paulo",
    "newfoundland": "America/St_Johns",
    "alaska": "America/Anchorage",
    "hawaii": "Pacific/Honolulu",
    "arizona": "America/Phoenix",
    "mexico city": "America/Mexico_City",
}

# The widest offsets any place uses are UTC-12 and UTC+14 (as hours either side).
MIN_OFFSET_HOURS = 12
MAX_OFFSET_HOURS = 14
MAX_SLOT_MINUTES = 24 * 60

# India, Ireland and Israel all write "IST": guessing would shift every time by hours.
AMBIGUOUS_ZONES: frozenset[str] = frozenset({"IST"})
AMBIGUOUS_MEANINGS: dict[str, tuple[str, ...]] = {
    "IST": ("Asia/Kolkata", "Asia/Calcutta", "Europe/Dublin", "Asia/Jerusalem", "Asia/Tel_Aviv")
}

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

WEEKDAYS: frozenset[str] = word_set(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs "
    "fri sat sun"
)

# Capitalised words that are never part of a person's name: titles, departments, places,


# --------------------------------------------------------------------------------------
# Patterns built from the tables.
# --------------------------------------------------------------------------------------

DIGIT = re.compile(r"\d")
SLASHED_DATE = re.compile(r"\b(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})\b")
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
MONTH_PREFIXES: frozenset[str] = frozenset(name[:3] for name in MONTHS)
_ORDINAL = r"(?:st|nd|rd|th)?"
DATE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b"), "iso"),
    # Slashed dates: see slashed_dates_are_day_first. A year is required: "24/7" or "1/2"
    # are not dates. Dots are the German and Nordic way: always day first.
    (SLASHED_DATE, "slashed"),
    (re.compile(r"\b(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})\b"), "dotted"),
    (
        re.compile(
            rf"\b(?P<d>\d{{1,2}}){_ORDINAL}(?:\s+|-)(?:of\s+)?(?P<mon>{_MONTH})\b\.?,?"
            rf"(?:(?:\s+|-)(?P<y>\d{{4}})\b)?",
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
# "Tuesday 2/17", "Thu, 11/12": a slashed day without a year counts after a weekday,
# which also says which number is the month.
WEEKDAY_SLASHED = re.compile(
    r"\b(?P<weekday>mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+(?P<a>\d{1,2})/(?P<b>\d{1,2})\b(?!/)",
    re.IGNORECASE,
)
# "on the 26th", "Monday the 3rd": a day of the month alone, the next such day.
DAY_ONLY = re.compile(
    rf"\b(?:on\s+(?:\w+\s+)?the|(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+the)\s+"
    rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?(?:{_MONTH})\b)",
    re.IGNORECASE,
)
# "rescheduled from May 25 to Wednesday, May 27": the first date is the old one.
MOVED_FROM = re.compile(
    r"\b(?:reschedul\w*|mov\w*|chang\w*|postpon\w*|brought\s+forward|push\w*|shift\w*)"
    r"\b[^.;]{0,40}\bfrom\s+(?:\w+,?\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
# A date right after "by"/"before" is a deadline to reply, not the interview.
DEADLINE_BEFORE = re.compile(
    r"(?:\bby|\bbefore|\buntil|no later than|deadline:?)\s+(?:[A-Za-z]+,?\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)

# "11.00" without am/pm is a clock only where a time is sure to stand: in a range
# ("11.00 - 11.45"), after "at", or with "hrs"; alone it may be a price or a version.
_DOTTED = r"(?:[01]?\d|2[0-3])\.[0-5]\d(?!\d)"
_CLOCK = (
    r"(?:\b(?:[01]?\d|2[0-3])(?:[:.h][0-5]\d)?\s*[aApP]\.?\s?[mM]\b\.?"
    r"|\b(?:[01]?\d|2[0-3])[:h][0-5]\d\b"
    rf"|\b{_DOTTED}(?=\s*(?:[-–—−]+|to\b|until\b)\s*(?:[01]?\d|2[0-3])[.:][0-5]\d)"
    rf"|(?<=[-–—−] ){_DOTTED}|(?<=[-–—−]){_DOTTED}|(?<=\bat ){_DOTTED}(?!\.\d)"
    rf"|\b{_DOTTED}(?=\s*(?:hrs?|h)\b)"
    r"|\b(?:noon|midday)\b)"
)
CLOCK = re.compile(_CLOCK)
# The start may be a bare hour when the end carries am/pm: "2 - 2:45pm".
TIME_RANGE = re.compile(
    rf"(?P<start>{_CLOCK}|\b(?:1[0-2]|0?[1-9])(?=\s*(?:[-–—−]|to\b)\s*\d{{1,2}}(?::\d\d)?\s*[aApP]))"
    rf"\s*(?:[-–—−]+|\bto\b|\buntil\b|\btill\b|\bthrough\b)\s*(?P<end>{_CLOCK})"
)
# "between 10am and 11:30am": "and" is a range only after "between".
BETWEEN_RANGE = re.compile(rf"\bbetween\s+(?P<start>{_CLOCK})\s*and\s*(?P<end>{_CLOCK})", re.I)
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
_PLACES = "|".join(sorted(PLACE_ZONES, key=len, reverse=True))
# "Irish time", "Singapore time", "Eastern Standard Time": a place names a zone only when
# "time" follows, so "our London office" or "the Pacific Northwest" name none.
ZONE_PLACE_TIME = re.compile(
    rf"\b(?P<place>{_PLACES})(?:\s+(?:standard|daylight|summer))?\s+time\b", re.IGNORECASE
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


# --------------------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------------------


def zone_for_abbreviation(abbreviation: str) -> str | None:
    """IANA name for a zone word as e-mails write it ("ET", "BST", "Pacific", "Irish");
    None if unknown or ambiguous (IST)."""
    word = abbreviation.strip().rstrip(".")
    return (
        ZONE_ALIASES.get(word.upper())
        or ZONE_ALIASES.get(word.title())
        or PLACE_ZONES.get(word.lower())
    )


def parse_time_range(text: str) -> tuple[time, time | None] | None:
    """First start (and end) time in text: "10:00–10:45", "2pm - 2:45pm", "9:30 for 45 minutes"."""
    found = clock_times(text)
    return (found.start, found.end) if found else None


class ClockReading(NamedTuple):
    hour: int
    minute: int
    meridiem: str | None  # "a", "p", or None for a 24-hour or bare clock
    padded: bool  # written with a leading zero ("09:00"), so surely a 24-hour clock


class FoundTimes(NamedTuple):
    start: time
    end: time | None


class Zone(NamedTuple):
    tz: tzinfo | None
    name: str | None  # IANA name
    ambiguous: str | None  # the abbreviation when it could mean several zones
    span: tuple[int, int]


# ---- dates ---------------------------------------------------------------------------


def slashed_dates_are_day_first(text: str, zone_name: str | None) -> bool:
    """Whether "05/06/2026" in this e-mail is 5 June rather than May 6.

    A slashed date that can only be read one way settles it for the whole e-mail
    ("19/05/2026"); otherwise the e-mail's zone does: only North America writes month first.
    """
    for match in SLASHED_DATE.finditer(text):
        if int(match["m"]) > 12:
            return True
        if int(match["d"]) > 12:
            return False
    return zone_name is not None and not zone_name.startswith("America/")


def dates_in(line: str, today: date, day_first: bool = False) -> list[tuple[date, tuple[int, int]]]:
    """Dates on a line in reading order, with their spans; deadlines left out."""
    found: list[tuple[date, tuple[int, int]]] = []
    taken: list[tuple[int, int]] = []
    if not DIGIT.search(line):
        return found
    for pattern, kind in DATE_PATTERNS:
        if kind in {"day_month", "month_day"} and not mentions_month(line):
            continue  # the month-name patterns are the slow ones: skip them when they cannot match
        for match in pattern.finditer(line):
            if any(start < match.end() and match.start() < end for start, end in taken):
                continue
            taken.append(match.span())
            if DEADLINE_BEFORE.search(line[: match.start()]):
                continue
            day = date_from_match(match, kind, today, day_first)
            if day is not None:
                found.append((day, match.span()))
    for match in WEEKDAY_SLASHED.finditer(line):
        if any(start < match.end() and match.start() < end for start, end in taken):
            continue
        if (day := _weekday_slashed(match, today, day_first)) is not None:
            taken.append(match.span())
            found.append((day, match.span()))
    for match in DAY_ONLY.finditer(line):
        if any(start < match.end() and match.start() < end for start, end in taken):
            continue
        if (day := _next_day_of_month(int(match["d"]), today)) is not None:
            taken.append(match.span())
            found.append((day, match.span()))
    found.sort(key=lambda item: item[1])
    return [
        (day, span)
        for index, (day, span) in enumerate(found)
        if not (index + 1 < len(found) and MOVED_FROM.search(line[: span[0]]))
    ]


def _weekday_slashed(match: re.Match[str], today: date, day_first: bool) -> date | None:
    """The reading of "Tuesday 2/17" whose weekday is the one written, else the usual."""
    first, second = int(match["a"]), int(match["b"])
    weekday = [name[:3] for name in WEEKDAY_NAMES].index(match["weekday"][:3].lower())
    readings = (
        [(second, first), (first, second)] if day_first else [(first, second), (second, first)]
    )
    days = []
    recent = today - timedelta(days=7) if today > date.min + timedelta(days=7) else today
    for month, day_number in readings:
        try:
            this_year = date(today.year, month, day_number)
            days.append(
                this_year if this_year >= recent else this_year.replace(year=today.year + 1)
            )
        except (ValueError, OverflowError):
            continue
    matching = [day for day in days if day.weekday() == weekday]
    found = matching or days
    return found[0] if found else None


def _next_day_of_month(day_number: int, today: date) -> date | None:
    for months_ahead in range(3):
        month = (today.month - 1 + months_ahead) % 12 + 1
        year = today.year + (today.month - 1 + months_ahead) // 12
        try:
            candidate = date(year, month, day_number)
        except ValueError:
            continue
        if candidate >= today:
            return candidate
    return None


def mentions_month(line: str) -> bool:
    lowered = line.lower()
    return any(month in lowered for month in MONTH_PREFIXES)


def date_from_match(
    match: re.Match[str], kind: str, today: date, day_first: bool = False
) -> date | None:
    groups = match.groupdict()
    day_number = int(groups["d"])
    month = MONTHS[groups["mon"].lower()] if groups.get("mon") else int(groups["m"])
    if kind == "slashed" and (month > 12 or (day_first and day_number <= 12)):
        month, day_number = day_number, month
    try:
        if groups.get("y"):
            found = date(int(groups["y"]), month, day_number)
        else:
            # No year: the next such day on or after today.
            this_year = date(today.year, month, day_number)
            found = this_year if this_year >= today else date(today.year + 1, month, day_number)
    except ValueError:
        return None
    # "0226" or "2226" is a typo, not the interview: the round's form would refuse it too.
    return found if plausible_year(found.year) else None


def interview_date(lines: list[str], today: date, day_first: bool = False) -> date | None:
    """The first upcoming date in the body, else the first date at all, else the day a
    weekday or "tomorrow" names, counted from `today` (the day the mail was sent, when
    known)."""
    all_dates = [day for line in lines for day, _ in dates_in(line, today, day_first)]
    upcoming = [day for day in all_dates if day >= today]
    candidates = upcoming or all_dates
    if candidates:
        return candidates[0]
    for line in lines:
        if (day := relative_day(line, today)) is not None:
            return day
    return None


# Full names only: "Sat" or "Wed" in prose are more often not days.
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
RELATIVE_DAY = re.compile(
    rf"\b(?:(?P<tomorrow>tomorrow)|(?P<weekday>{'|'.join(WEEKDAY_NAMES)}))\b", re.IGNORECASE
)


def relative_day(line: str, today: date) -> date | None:
    """ "on Tuesday" is the next Tuesday after today; "tomorrow" the day after today."""
    match = RELATIVE_DAY.search(line)
    if match is None:
        return None
    if match["tomorrow"]:
        return today + timedelta(days=1)
    weekday = WEEKDAY_NAMES.index(match["weekday"].lower())
    ahead = (weekday - today.weekday() - 1) % 7 + 1
    return today + timedelta(days=ahead)


# ---- time zones ----------------------------------------------------------------------


def find_zone(text: str) -> Zone | None:
    """The first zone the text names: an IANA name, a UTC offset or an abbreviation."""
    candidates: list[Zone] = []
    for match in IANA_ZONE.finditer(text):
        try:
            candidates.append(Zone(ZoneInfo(match.group()), match.group(), None, match.span()))
        except (ZoneInfoNotFoundError, ValueError):
            continue
    if (offset := UTC_OFFSET.search(text)) is not None and (
        zone := zone_from_offset(offset)
    ) is not None:
        candidates.append(zone)
    if (word := ZONE_NEAR_TIME.search(text)) is not None:
        candidates.append(zone_from_word(word))
    if (place := ZONE_PLACE_TIME.search(text)) is not None:
        name = PLACE_ZONES[place["place"].lower()]
        candidates.append(Zone(ZoneInfo(name), name, None, place.span()))
    # Outlook writes "(UTC-05:00) Eastern Time (US & Canada)": the standard offset, then
    # the zone it means, whose summer offset differs; the named zone wins over the offset.
    offsets = [zone for zone in candidates if zone.name is None or zone.name.startswith("Etc/")]
    # "UTC" inside "(UTC-05:00)" is part of the offset, not a zone of its own.
    candidates = [
        zone
        for zone in candidates
        if not (
            zone.name in {"UTC", "Europe/London"}
            and any(o.span[0] <= zone.span[0] < o.span[1] for o in offsets if o is not zone)
        )
    ]
    named = [zone for zone in candidates if zone.name and not zone.name.startswith("Etc/")]
    candidates = [
        zone
        for zone in candidates
        if not (
            zone.name is not None
            and zone.name.startswith("Etc/")
            and any(0 <= other.span[0] - zone.span[1] <= 4 for other in named)
        )
    ]
    # The first zone named wins; of two at one place, the longer ("UTC+2" over "UTC").
    return min(candidates, key=lambda zone: (zone.span[0], -zone.span[1]), default=None)


def zone_from_offset(match: re.Match[str]) -> Zone | None:
    """The zone an offset names; None for one no place uses ("UTC+30", "+05:75")."""
    sign = -1 if (match["sign"] or "+") in "-−" else 1
    hours = int(match["hours"] or match["phours"])
    minutes = int(match["minutes"] or match["pminutes"] or 0)
    if hours > (MAX_OFFSET_HOURS if sign > 0 else MIN_OFFSET_HOURS) or minutes >= 60:
        return None
    if minutes == 0:
        # IANA's Etc zones count the other way round: UTC+1 is "Etc/GMT-1".
        name = "UTC" if hours == 0 else f"Etc/GMT{'-' if sign > 0 else '+'}{hours}"
        return Zone(ZoneInfo(name), name, None, match.span())
    # Half-hour offsets have no Etc zone: keep the offset, name no zone.
    return Zone(timezone(sign * timedelta(hours=hours, minutes=minutes)), None, None, match.span())


def zone_from_word(match: re.Match[str]) -> Zone:
    word = match["zone"]
    if word in AMBIGUOUS_ZONES:
        return Zone(None, None, word, match.span("zone"))
    name = ZONE_ALIASES[word]
    return Zone(ZoneInfo(name), name, None, match.span("zone"))


def always_gmt(zone_name: str | None) -> bool:
    """A zone at UTC+0 in both January and July (Accra, Dakar, Reykjavik)."""
    if not zone_name or zone_name in {"Europe/London", "Europe/Dublin", "Europe/Lisbon"}:
        return False
    try:
        zone = ZoneInfo(zone_name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    from datetime import datetime as _datetime

    return all(
        _datetime(2026, month, 1, 12, tzinfo=zone).utcoffset() == timedelta(0) for month in (1, 7)
    )


def email_zone(text: str, default_time_zone: str | None, warnings: list[str]) -> Zone:
    """The zone for times that do not name their own."""
    found = find_zone(text)
    if (
        found is not None
        and found.ambiguous
        and default_time_zone in AMBIGUOUS_MEANINGS.get(found.ambiguous, ())
    ):
        # "IST" from someone whose own zone is India (or Ireland): that is the one meant.
        return Zone(ZoneInfo(default_time_zone), default_time_zone, None, found.span)
    if (
        found is not None
        and found.name == "Europe/London"
        and "GMT" in text[found.span[0] : found.span[1] + 1]
        and always_gmt(default_time_zone)
    ):
        # "GMT" from Accra or Reykjavik is their own zone, not London's summer time.
        return Zone(ZoneInfo(default_time_zone), default_time_zone, None, found.span)  # type: ignore[arg-type]
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
            return Zone(ZoneInfo(default_time_zone), default_time_zone, None, (0, 0))
        except (ZoneInfoNotFoundError, ValueError):
            warnings.append(f"Unknown time zone {default_time_zone!r}: times are left without one.")
    return Zone(None, None, None, (0, 0))


# ---- clock times ---------------------------------------------------------------------


def read_clock(text: str) -> ClockReading:
    lowered = text.lower()
    if "noon" in lowered or "midday" in lowered:
        return ClockReading(12, 0, "p", True)
    digits = re.findall(r"\d+", lowered)
    hour = int(digits[0])
    minute = int(digits[1]) if len(digits) > 1 else 0
    meridiem_match = re.search(r"([ap])\.?\s?m", lowered)
    meridiem = meridiem_match.group(1) if meridiem_match else None
    return ClockReading(hour, minute, meridiem, digits[0].startswith("0"))


def minutes_of_day(clock: ClockReading, meridiem: str | None) -> int:
    hour = clock.hour
    if meridiem and hour <= 12:
        hour = hour % 12 + (12 if meridiem == "p" else 0)
    elif meridiem is None and not clock.padded and 1 <= hour <= 6:
        # Nobody interviews at 2 in the morning: a bare "2:00" is 14:00.
        hour += 12
    return hour * 60 + clock.minute


def range_minutes(start: ClockReading, end: ClockReading) -> tuple[int, int]:
    """Minutes of day for a range, sharing one side's am/pm with the other.

    "2 - 2:45pm" means both are afternoon, but "11:30 - 12:15pm" starts in the morning:
    the borrowed meridiem is dropped when it would put the start after the end.
    """
    end_minutes = minutes_of_day(end, end.meridiem or start.meridiem)
    if start.meridiem is None and end.meridiem is not None:
        borrowed = minutes_of_day(start, end.meridiem)
        start_minutes = borrowed if borrowed <= end_minutes else minutes_of_day(start, "a")
        return start_minutes, end_minutes
    start_minutes = minutes_of_day(start, start.meridiem)
    if end.meridiem is None and end_minutes < start_minutes:
        end_minutes = minutes_of_day(end, "p")
    return start_minutes, end_minutes


def as_time(minutes: int) -> time:
    return time(minutes // 60 % 24, minutes % 60)


# A length that is not the interview's: "arrive 15 minutes before", "a 10-minute
# presentation", "a 30-minute written test", "reply within 48 hours".
NOT_A_LENGTH = re.compile(
    r"\s*(?:before|early|earlier|prior|ahead|in advance|beforehand|after|late|later"
    r"|(?:written\s+|practical\s+|case\s+)?(?:presentation|test|exercise|task|assessment|lesson"
    r"|demo\w*|break|lunch|tour|observation|case|walk|drive|commute|journey|trial|shift)"
    r"|of\s+(?:the|your)\s+(?:start|interview)|notice)\b",
    re.IGNORECASE,
)
WORD_AMOUNTS = {"two": "2", "three": "3", "four": "4", "ninety": "90", "thirty": "30"}


def duration_minutes(text: str) -> int:
    """Minutes in "45 minutes", "an hour and 30 minutes"; 0 for none, or for more than a day."""
    total = 0.0
    for match in DURATION.finditer(text):
        amount_text = match["amount"].lower()
        amount = (
            0.5
            if amount_text.startswith("half")
            else (1.0 if amount_text in {"a", "an", "one"} else float(amount_text))
        )
        total += amount * (60 if match["unit"].lower().startswith("h") else 1)
    # No slot lasts a day; "999…9 hours" (even an infinite float) is not a duration.
    return round(total) if total <= MAX_SLOT_MINUTES else 0


def clock_times(text: str) -> FoundTimes | None:
    """The first time range, or start time (with an end from "45 minutes"), in text."""
    if (found := BETWEEN_RANGE.search(text) or TIME_RANGE.search(text)) is not None:
        start, end = range_minutes(read_clock(found["start"]), read_clock(found["end"]))
        end_time = as_time(end) if end > start else None
        return FoundTimes(as_time(start), end_time)
    if (clock := CLOCK.search(text)) is None:
        return None
    reading = read_clock(clock.group())
    start = minutes_of_day(reading, reading.meridiem)
    duration = length_minutes(text)
    end_time = as_time(start + duration) if duration else None
    return FoundTimes(as_time(start), end_time)


def length_minutes(text: str) -> int:
    """The lengths a line gives that could be the interview's: not "arrive 15 minutes
    before", not "a 10-minute presentation", "a 30-minute test"."""
    kept = []
    for match in DURATION.finditer(text):
        after = text[match.end() :]
        if NOT_A_LENGTH.match(re.sub(r"^\s*-?\s*long\b", "", after)):
            continue
        kept.append(match.group())
    return duration_minutes(" ".join(kept))


_AMOUNT = r"(?:\d+(?:\.\d+)?|an?|one|two|three|four|ninety|thirty|half an?)"
_UNIT = r"(?:hours?|hrs?|minutes?|mins?)"
_LENGTH = rf"(?P<length>{_AMOUNT}\s*-?\s*{_UNIT}(?:\s+and\s+(?:a\s+half|\d+\s*{_UNIT}))?)"
_ABOUT = r"(?:(?:about|around|approximately|approx\.?|roughly|up\s+to|some|no\s+more\s+than"
_ABOUT += r"|an?\s+estimated|nearly|just\s+under|under|at\s+most)\s+)?"
_THE_INTERVIEW = (
    r"(?:interviews?|panel|conversation|chat|meeting|discussion|session|call|visit|it|this)"
)
# Lengths said of the interview itself.
INTERVIEW_LENGTH = (
    # "a 45-minute panel interview", "a one-hour interview", "an hour-long conversation"
    re.compile(rf"{_LENGTH}(?:[- ]long)?[- ](?:[\w-]+\s+){{0,2}}?{_THE_INTERVIEW}\b", re.I),
    # "interview (about 1 hour)", "interview of approximately 45 minutes", "interview, 60 min"
    re.compile(rf"\b{_THE_INTERVIEW}\s*(?:\(|of\b|lasting\b|,|[-–—:])\s*{_ABOUT}{_LENGTH}", re.I),
    # "the interview will last about 40 minutes", "it should take roughly one hour",
    # "each interview is about 30 minutes", "interviews run for 45 minutes"
    re.compile(
        rf"\b{_THE_INTERVIEW}\b[^.;:!?]{{0,60}}?\b(?:last|lasts|lasting|take|takes|run|runs|is|are"
        rf"|will\s+be|should\s+be|be)\s+(?:for\s+)?{_ABOUT}{_LENGTH}",
        re.I,
    ),
)
# Lengths for the whole visit, used only when nothing is said of the interview.
VISIT_LENGTH = re.compile(
    rf"\b(?:allow|plan\s+(?:on|for)|set\s+aside|block\s+(?:out|off)|reserve|budget|expect\s+to"
    rf"\s+be\s+(?:here|with\s+us)\s+for)\s+(?:for\s+)?(?:an?\s+)?{_ABOUT}{_LENGTH}",
    re.I,
)


def _length_of(match: re.Match[str] | None, text: str) -> int:
    if match is None:
        return 0
    after = text[match.end("length") :]
    if NOT_A_LENGTH.match(re.sub(r"^\s*-?\s*long\b", "", after)):
        return 0
    length = match["length"].lower()
    for word, digit in WORD_AMOUNTS.items():
        length = re.sub(rf"\b{word}\b", digit, length)
    length = re.sub(r"(\d+)\s*-?\s*(hours?|hrs?)\s+and\s+a\s+half", r"\1 \2 30 minutes", length)
    return duration_minutes(length)


def interview_length(text: str) -> int:
    """Minutes a sentence says the interview lasts ("a 45-minute panel interview", "the
    interview will last approximately 40 minutes"), or 0."""
    for pattern in INTERVIEW_LENGTH:
        for match in pattern.finditer(text):
            if minutes := _length_of(match, text):
                return minutes + _part_before(text[: match.start()])
    return 0


# "a 15-minute teaching demonstration to the committee, which will be followed by a
# 45-minute interview": the committee's time starts with the part before.
PART_BEFORE = re.compile(
    rf"{_LENGTH}[- ](?:[\w-]+\s+){{0,2}}?(?:presentation|demonstration|demo)\b[^.;]{{0,160}}?"
    r"\b(?:followed\s+by|then|before)\b[^.;]{0,40}$",
    re.IGNORECASE,
)


def _part_before(text: str) -> int:
    match = PART_BEFORE.search(text)
    if match is None:
        return 0
    return duration_minutes(match["length"])


def visit_length(text: str) -> int:
    """Minutes a sentence asks the candidate to set aside ("Please allow two hours")."""
    return _length_of(VISIT_LENGTH.search(text), text)


def without_zones(text: str) -> str:
    """Text with zone offsets blanked, so "+01:00" is not read as a clock."""
    text = UTC_OFFSET.sub(" ", text)
    return IANA_ZONE.sub(" ", text)
