"""The tables and patterns invitation e-mails' dates, times and zones are read with: edit
these rather than the code that reads them."""

from __future__ import annotations

import re
from datetime import time, tzinfo
from typing import NamedTuple

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
    "central africa": "Africa/Maputo",
    "southern africa": "Africa/Johannesburg",
    "south african": "Africa/Johannesburg",
    "west african": "Africa/Lagos",
    "east african": "Africa/Nairobi",
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

# Places that say which of the zones an ambiguous abbreviation ("IST") means.
AMBIGUOUS_PLACES: dict[str, tuple[str, ...]] = {
    "Asia/Kolkata": (
        "india",
        "indian",
        "kolkata",
        "mumbai",
        "delhi",
        "bengaluru",
        "bangalore",
        "chennai",
        "hyderabad",
        "pune",
        "noida",
        "gurugram",
        "gurgaon",
        "ahmedabad",
    ),
    "Europe/Dublin": ("ireland", "irish", "dublin", "cork", "galway", "limerick"),
    "Asia/Jerusalem": ("israel", "jerusalem", "tel aviv", "haifa"),
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
    # are not dates. Dots are the German, Nordic and Czech way ("19. 1. 2027"): always day
    # first. Dashes ("18-01-2027") are read as slashes are.
    (SLASHED_DATE, "slashed"),
    (re.compile(r"\b(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>\d{4})\b"), "dotted"),
    (re.compile(r"\b(?P<m>\d{1,2})-(?P<d>\d{1,2})-(?P<y>\d{4})\b"), "slashed"),
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
            rf"\b(?P<mon>{_MONTH})\b\.?\s+(?P<d>\d{{1,2}}){_ORDINAL}\b(?!:\d)"
            rf"(?:,?\s+(?P<y>\d{{4}})\b)?",
            re.IGNORECASE,
        ),
        "month_day",
    ),
)
# "Tuesday 2/17", "Thu, 11/12": a slashed day without a year counts after a weekday,
# which also says which number is the month.
WEEKDAY_SLASHED = re.compile(
    # "Tuesday 2/17", "Tuesday (16/03)"
    r"\b(?P<weekday>mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+\(?(?P<a>\d{1,2})/(?P<b>\d{1,2})\b(?!/)",
    re.IGNORECASE,
)
# "on the 26th", "Monday the 3rd": a day of the month alone, the next such day.
DAY_ONLY = re.compile(
    rf"\b(?:on\s+(?:\w+\s+)?the|(?:mon|tues|wednes|thurs|fri|satur|sun)day,?(?:\s+the)?)\s+"
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
# Hours as words, for "half past ten", "quarter to three", "ten o'clock".
_HOUR_NAMES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
HOUR_WORDS: dict[str, int] = {
    word: number for number, word in enumerate((*_HOUR_NAMES, "eleven", "twelve"), start=1)
}
_BARE_HOUR = r"(?:1[0-2]|[1-9])(?![\d:]|\.\d)"
_HOUR_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|1[0-2]|0?[1-9])"
_CLOCK = (
    rf"(?:\b(?:half\s+past|(?:a\s+)?quarter\s+(?:past|to))\s+{_HOUR_WORD}\b"
    r"(?:\s*[aApP]\.?\s?[mM]\b\.?|\s+in\s+the\s+(?:morning|afternoon))?"
    rf"|\b{_HOUR_WORD}\s+o['’]?\s?clock\b(?:\s+in\s+the\s+(?:morning|afternoon))?"
    r"|\b(?:[01]?\d|2[0-3])(?:[:.h][0-5]\d)?\s*[aApP]\.?\s?[mM]\b\.?"
    # "10:00a", "12:00p": an itinerary's one-letter meridiem, right after the minutes.
    r"|\b(?:0?[1-9]|1[0-2]):[0-5]\d[aApP](?![^\W\d_])"
    r"|\b(?:[01]?\d|2[0-3])[:h][0-5]\d(?:\b|(?=hrs?\b|hours\b|h\b))"
    rf"|\b{_DOTTED}(?=\s*(?:[-–—−]+|to\b|until\b)\s*(?:[01]?\d|2[0-3])[.:][0-5]\d)"
    # "10.15-11am": a dotted start before an end with its am/pm
    rf"|\b{_DOTTED}(?=\s*(?:[-–—−]+|to\b|until\b)\s*(?:1[0-2]|0?[1-9])\s*[aApP]\.?\s?[mM]\b)"
    rf"|(?<=[-–—−] ){_DOTTED}|(?<=[-–—−]){_DOTTED}|(?<=\bat ){_DOTTED}(?!\.\d)"
    rf"|(?<=\buntil ){_DOTTED}(?!\.\d)|(?<=\btill ){_DOTTED}(?!\.\d)"
    rf"|(?<=@ ){_DOTTED}(?!\.\d)|(?<=@){_DOTTED}(?!\.\d)"
    rf"|(?<=\b\d\d\.\d\d to ){_DOTTED}(?!\.\d)|(?<=\b\d\.\d\d to ){_DOTTED}(?!\.\d)"
    rf"|\b{_DOTTED}(?=\s*(?:hrs?|h)\b)"
    # "14.45 – Assessment interview": a timetable line that opens with its time.
    rf"|(?<![^\n])[ \t]*(?:[-•*·][ \t]*)?\b{_DOTTED}(?=[ \t]+(?:[-–—|:][ \t]+)?[A-Z])"
    # "1430 hrs", "0900 hours": a military clock only with its unit.
    r"|\b(?:[01]\d|2[0-3])[0-5]\d(?=\s*(?:hrs?|hours)\b)"
    # "0930 - 1015 hrs": the start of a range whose end carries the unit.
    r"|\b(?:[01]\d|2[0-3])[0-5]\d(?=\s*(?:[-–—]|to\b)\s*(?:[01]\d|2[0-3])[0-5]\d\s*(?:hrs?|hours)\b)"
    r"|\b(?:12\s+)?(?:noon|midday)\b"
    # "at 14h", "à 9h": a French hour without minutes, after a word of time
    r"|(?:(?<=\bat )|(?<=\bà )|(?<=\bfrom )|(?<=\bde )|(?<=\buntil )|(?<=\bto ))"
    r"(?:[01]?\d|2[0-3])(?:h|\s+h(?!\s*\d))(?![\w])"
    # "14 h 30": the French hour with spaces (a bilingual Canadian mail)
    r"|\b(?:[01]?\d|2[0-3])\s+h\s+[0-5]\d\b(?!\s*min)"
    # "at 2 on Tuesday", "at 9." : a bare hour after "at" where nothing else follows it
    # (not "at 4 Elm Road", "at 3 locations").
    # "at 1030 on Monday": a military clock after "at", on the quarter hour.
    rf"|(?:(?<=\bat ){_BARE_HOUR}|(?<=\bat )(?:0\d|1\d|2[0-3])(?:00|15|30|45)(?!\d))"
    r"(?=\s*(?:[.;)(]|$)|\s+(?:on|for|with|sharp|until|till)\b))"
)
CLOCK = re.compile(_CLOCK)
# "between 10am and 11:30am": "and" is a range only after "between".
# "between 10 and 11am": a bare start hour borrows the end's am/pm.
BETWEEN_RANGE = re.compile(
    rf"\bbetween\s+(?P<start>{_CLOCK}|\b(?:1[0-2]|0?[1-9])(?=\s*and\s*\d{{1,2}}(?:[:.]\d\d)?\s*[aApP]))"
    rf"\s*and\s*(?P<end>{_CLOCK})",
    re.I,
)
DURATION = re.compile(
    r"\b(?P<amount>\d+(?:\.\d+)?|an?|one|half an?|two|three|four|five|ten|fifteen|twenty"
    r"|thirty|forty[- ]five|forty|sixty|ninety)\s*-?\s*(?P<unit>hours?|hrs?|minutes?|mins?)\b",
    re.IGNORECASE,
)

_ZONE_WORDS = "|".join(sorted((*ZONE_ALIASES, *AMBIGUOUS_ZONES), key=len, reverse=True))
# Abbreviations only count next to a time or in a phrase about times: "CT" after a
# street address is Connecticut, not Central Time; "am" ends a time only after a digit
# ("Siam Pacific Foods" names no zone).
# "100 Pacific Highway", "12 Central Avenue": a zone word after a street number names a road.
_STREET_WORDS = (
    r"(?:Highway|Hwy|Street|St|Road|Rd|Avenue|Ave|Parkway|Pkwy|Drive|Dr|Boulevard|Blvd|Way"
    r"|Lane|Ln|Place|Pl|Square|Sq|Court|Ct|Terrace|Crescent|Cres|Plaza|Tower|Towers|Building"
    r"|House|Centre|Center|Park|Mall|Quay|Wharf|Esplanade|Circle|Row|Station)"
)
ZONE_NEAR_TIME = re.compile(
    rf"(?:(?<=\d)|(?<=\d[ap]m)|(?<=\d [ap]m)|(?<=\d[AP]M)|(?<=\d [AP]M)|(?<=[ap]\.m\.)|(?<=\()"
    rf"|(?i:times?\s+(?:are\s+)?"
    rf"(?:in\s+)?|time\s+zone:?\s*))\s*\(?(?P<zone>{_ZONE_WORDS})\b(?!\s+{_STREET_WORDS}\b)(?:\s+(?i:time))?\)?"
)
# The start may be a bare hour when the end carries am/pm: "2 - 2:45pm"; it may carry its
# unit or zone as the end does ("10:30 hrs to 11:15 hrs", "10:00 AM PST - 10:30 AM PST"),
# and the end may be approximate ("10:00 a.m. – approx. 11:30 a.m.").
# A bare hour ends a range only where nothing else follows it ("10am-12.", "from 10 to 11
# with"), not "10:00 - 11 March".
_BARE_END = rf"\b{_BARE_HOUR}(?=\s*(?:[.,;:)(]|$)|\s+(?:on|with|in|at|for|and)\b)"
TIME_RANGE = re.compile(
    # "9 to 10.30am", "2 until 3.30pm": a bare start hour before an end with its am/pm
    rf"(?P<start>{_CLOCK}|(?<!\d[.:])\b(?:1[0-2]|0?[1-9])"
    rf"(?=\s*(?:[-–—−]|to\b|until\b|till\b)\s*\d{{1,2}}(?:[:.]\d\d)?\s*[aApP])"
    # "10-10.45", "9 - 9:30": a bare start hour before the same hour written out
    r"|\b(?P<bare>1[0-2]|0?[1-9]|1[3-9]|2[0-3])(?=\s*[-–—]\s*(?P=bare)[:.][0-5]\d(?!\d))"
    # "from 10 to 11"
    rf"|(?<=\bfrom ){_BARE_HOUR}(?=\s*(?:[-–—]|to\b|until\b|till\b)\s*{_BARE_END}))"
    rf"(?:\s*(?:hrs?|hours|h)\b\.?)?(?:\s*\(?(?:{_ZONE_WORDS})\)?(?![\w]))?"
    rf"\s*(?:[-–—−]+|\bto\b|\buntil\b|\btill\b|\bthrough\b|\bà\b)\s*"
    rf"(?:(?:approx\.?|approximately|ca\.|about|around)\s*)?(?P<end>{_CLOCK}|{_BARE_END})"
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
