"""Interview dates as invitation e-mails write them: numeric and named dates, weekdays,
"tomorrow", and whether a slashed date is day first."""

from __future__ import annotations

import re
from datetime import date, timedelta

from secondround.engine.nlp.dates import plausible_year
from secondround.engine.reading.invitation_time_words import (
    CLOCK,
    DATE_PATTERNS,
    DAY_ONLY,
    DEADLINE_BEFORE,
    DIGIT,
    MONTH_PREFIXES,
    MONTHS,
    MOVED_FROM,
    SLASHED_DATE,
    WEEKDAY_SLASHED,
)

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


def interview_date(
    lines: list[str], today: date, day_first: bool = False, newest: list[str] | None = None
) -> date | None:
    """The first upcoming date in the body, else the first date at all, else the day a
    weekday or "tomorrow" names, counted from `today` (the day the mail was sent, when
    known). A weekday the newest message of a thread gives with a time ("Confirmed for
    next Wednesday at 2pm") comes first: the dates quoted below it are the older plan."""
    if newest and not any(dates_in(line, today, day_first) for line in newest):
        for line in newest:
            if CLOCK.search(line) and (day := relative_day(line, today)) is not None:
                return day
        if any(CLOCK.search(line) for line in newest):
            # "Everything is now confirmed for next Tuesday. Here is the day: 9am ...":
            # the newest message's day and schedule, over the date quoted below it.
            for line in newest:
                if (day := relative_day(line, today)) is not None:
                    return day
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
