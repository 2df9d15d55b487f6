"""Dates and times as the candidate reads them: in the round's own time zone, with the zone
named, and within the years an interview can plausibly fall in.

Python's datetime stops at the years 1 and 9999: converting an instant near either end to
another zone, or adding a day to it, raises OverflowError. Nothing here raises for an aware
datetime in any zone; an instant the zone cannot show is shown as it was stored.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo
from typing import NamedTuple, TypeVar

__all__ = [
    "EARLIEST_YEAR",
    "LATEST_YEAR",
    "DayWarning",
    "describe_clock",
    "describe_day",
    "describe_moment",
    "describe_span",
    "in_zone",
    "interview_day_warning",
    "plausible_year",
    "shifted",
    "zone_label",
]

# Every real interview a candidate records or is invited to falls well inside these years;
# a date outside is a typo ("0226", "20226" cut to "2022"...). The range also keeps every
# stored instant thousands of years from the ends of Python's calendar, so no "+ 24 hours",
# "+ 3 working days" or change of zone can overflow, and it leaves out the local mean times
# that time zones used before about 1900 (offsets such as -05:50:36) that no invitation uses.
EARLIEST_YEAR = 1900
LATEST_YEAR = 2100

# A round more than this far back or ahead is worth a second look at its year.
YEARS_BACK_PLAUSIBLE = timedelta(days=365)
YEARS_AHEAD_PLAUSIBLE = timedelta(days=2 * 365)

_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

_Moment = TypeVar("_Moment", date, datetime)


def plausible_year(year: int) -> bool:
    return EARLIEST_YEAR <= year <= LATEST_YEAR


def shifted(value: _Moment, delta: timedelta) -> _Moment | None:
    """value + delta, or None when that falls outside the years 1 to 9999."""
    try:
        return value + delta
    except OverflowError:
        return None


def in_zone(moment: datetime, zone: tzinfo) -> datetime | None:
    """The instant as a wall clock in zone reads it; None when that is outside years 1–9999."""
    try:
        return moment.astimezone(zone)
    except OverflowError:
        return None


def _zone_name(zone: tzinfo | None) -> str:
    key = getattr(zone, "key", None)  # a ZoneInfo's IANA name
    if isinstance(key, str):
        return key
    return str(zone) if zone is not None else "no time zone"


def _abbreviation(local: datetime) -> str | None:
    """ "CST", "BST", "IST"; None for the numeric ones some zones use ("-03", "+0530")."""
    try:
        name = local.tzname()
    except (OverflowError, ValueError):
        return None
    return name if name and name.isalpha() else None


def zone_label(zone: tzinfo, moment: datetime | None = None) -> str:
    """ "CST, America/Chicago" at that moment; just the name when an abbreviation adds nothing."""
    name = _zone_name(zone)
    local = in_zone(moment, zone) if moment is not None else None
    abbreviation = _abbreviation(local) if local is not None else None
    return f"{abbreviation}, {name}" if abbreviation and abbreviation != name else name


def _day_text(day: date) -> str:
    return f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"


def _clock_text(moment: datetime) -> str:
    return f"{moment.hour:02d}:{moment.minute:02d}"


def _zone_suffix(local: datetime, zone: tzinfo | None) -> str:
    """ " CST (America/Chicago)", " (UTC)": the abbreviation beside the clock, the name after."""
    name = _zone_name(zone)
    abbreviation = _abbreviation(local)
    if abbreviation and abbreviation != name:
        return f" {abbreviation} ({name})"
    return f" ({name})"


def _local_or_stored(moment: datetime, zone: tzinfo) -> tuple[datetime, tzinfo | None]:
    local = in_zone(moment, zone)
    # Only a value stored before years were bounded cannot be shown in the zone: show it in
    # the zone it was stored in, named, rather than fail the page.
    return (local, zone) if local is not None else (moment, moment.tzinfo)


def describe_day(moment: datetime, zone: tzinfo) -> str:
    """ "Tue 8 Dec 2026": the day in zone."""
    local, _ = _local_or_stored(moment, zone)
    return _day_text(local.date())


def describe_clock(moment: datetime, zone: tzinfo) -> str:
    """ "12:30" in zone, for a table or line whose heading names the zone."""
    local, _ = _local_or_stored(moment, zone)
    return _clock_text(local)


def describe_moment(moment: datetime, zone: tzinfo) -> str:
    """ "Tue 8 Dec 2026, 12:30 CST (America/Chicago)": the one way a time is shown."""
    local, shown_zone = _local_or_stored(moment, zone)
    return f"{_day_text(local.date())}, {_clock_text(local)}{_zone_suffix(local, shown_zone)}"


def describe_span(start: datetime, end: datetime | None, zone: tzinfo) -> str:
    """ "Mon 7 Dec 2026, 09:30–12:30 CST (America/Chicago)"; both days when it runs overnight."""
    if end is None:
        return describe_moment(start, zone)
    local_start, start_zone = _local_or_stored(start, zone)
    local_end, end_zone = _local_or_stored(end, zone)
    if start_zone is not end_zone or local_start.date() != local_end.date():
        return f"{describe_moment(start, zone)} – {describe_moment(end, zone)}"
    return (
        f"{_day_text(local_start.date())}, {_clock_text(local_start)}–{_clock_text(local_end)}"
        f"{_zone_suffix(local_start, start_zone)}"
    )


class DayWarning(NamedTuple):
    message: str
    implausible: bool  # years back or far ahead: worth showing until the date is fixed


def _years(span: timedelta) -> str:
    years = span.days // 365
    return "a year" if years == 1 else f"{years} years"


def interview_day_warning(day: date, today: date) -> DayWarning | None:
    """A warning for a round's day in the past, years back or more than two years ahead.

    A past day is normal for a round recorded after it happened, so it is only mentioned;
    one years away either side is most likely a mistyped year.
    """
    gap = timedelta(days=day.toordinal() - today.toordinal())
    if gap < -YEARS_BACK_PLAUSIBLE:
        return DayWarning(
            f"{_day_text(day)} is {_years(-gap)} ago: check the year. The round is saved.", True
        )
    if gap > YEARS_AHEAD_PLAUSIBLE:
        return DayWarning(
            f"{_day_text(day)} is {_years(gap)} from now: check the year. The round is saved.",
            True,
        )
    if gap < timedelta(0):
        return DayWarning(
            f"{_day_text(day)} is in the past: right for a round you are recording after it "
            "happened; otherwise check the date.",
            False,
        )
    return None
