"""The 24-hour thank-you deadline and the follow-up date after a decision (S12, S13).

Plain date arithmetic, no Django. Deadlines count real elapsed time: 24 hours after a round
that ends the evening before a daylight-saving change falls at a different wall-clock hour.

Nothing here raises for a date Python can represent: near the years 1 and 9999, where one
more day would overflow, a deadline or follow-up date that does not exist is None.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import NamedTuple

__all__ = [
    "LATE_AFTER",
    "THANK_YOU_HOURS",
    "ThankYou",
    "ThankYouState",
    "describe_time_left",
    "follow_up_date",
    "thank_you_deadline",
    "thank_you_status",
    "time_left",
]

THANK_YOU_HOURS = 24
# A thank-you this long after its deadline is late, not urgent: pages say so calmly and the
# dashboard no longer lists it.
LATE_AFTER = timedelta(days=7)


def _offset(value: datetime, name: str) -> timedelta:
    offset = value.utcoffset() if value.tzinfo is not None else None
    if offset is None:
        raise ValueError(f"{name} must be timezone-aware")
    return offset


def thank_you_deadline(round_end: datetime) -> datetime | None:
    """round_end + 24 hours of real time, in round_end's own time zone.

    Python adds a timedelta to an aware datetime in wall-clock terms, so the sum goes through
    UTC; the result keeps round_end's tzinfo (a ZoneInfo stays a ZoneInfo). None when the
    round ends within a day or so of the years 1 or 9999, where that sum cannot be written.
    """
    _offset(round_end, "round_end")
    try:
        in_utc = round_end.astimezone(UTC) + timedelta(hours=THANK_YOU_HOURS)
        return in_utc.astimezone(round_end.tzinfo)
    except OverflowError:
        return None


def time_left(deadline: datetime, now: datetime) -> timedelta:
    """deadline - now in real time; negative when overdue.

    The offsets are subtracted explicitly: subtracting two datetimes that share a tzinfo
    ignores them, which would be an hour out across a DST change, and converting both to
    UTC first overflows within a day of the years 1 and 9999.
    """
    deadline_offset, now_offset = _offset(deadline, "deadline"), _offset(now, "now")
    wall_clock = deadline.replace(tzinfo=None) - now.replace(tzinfo=None)
    return wall_clock - (deadline_offset - now_offset)


def _span(minutes: int) -> str:
    days, minutes = divmod(minutes, 24 * 60) if minutes >= 48 * 60 else (0, minutes)
    hours, minutes = divmod(minutes, 60)
    parts = []
    if days:
        parts.append(f"{days} d")
    if hours:
        parts.append(f"{hours} h")
    if minutes or not parts:
        parts.append(f"{minutes} min")
    return " ".join(parts)


def describe_time_left(left: timedelta) -> str:
    """ "23 h 10 min left", "45 min left", "overdue by 3 h"; whole minutes, never rounded up.

    From 48 hours on, days are counted too ("3 d 2 h left").
    """
    seconds = left.total_seconds()
    if seconds >= 0:
        minutes = int(seconds // 60)
        return "less than 1 min left" if minutes == 0 else f"{_span(minutes)} left"
    minutes = int(-seconds // 60)
    return "overdue by less than 1 min" if minutes == 0 else f"overdue by {_span(minutes)}"


def follow_up_date(
    decision: date, *, working_days: int = 3, holidays: frozenset[date] = frozenset()
) -> date | None:
    """The working_days-th working day after the decision date (weekends and holidays skipped).

    working_days=0 gives the decision date itself, or the next working day if it is not one.
    None when the calendar ends (31 December 9999) before that day.
    """
    if working_days < 0:
        raise ValueError("working_days must be 0 or more")

    def working(day: date) -> bool:
        return day.weekday() < 5 and day not in holidays

    day = decision
    if working_days == 0:
        while not working(day):
            if day == date.max:
                return None
            day += timedelta(days=1)
        return day
    counted = 0
    while counted < working_days:
        if day == date.max:
            return None
        day += timedelta(days=1)
        if working(day):
            counted += 1
    return day


class ThankYouState(StrEnum):
    BEFORE = "before"  # the round has not ended yet
    DUE = "due"  # ended, inside the 24 hours
    OVERDUE = "overdue"  # past the 24 hours, still worth sending today
    LATE = "late"  # more than LATE_AFTER past the deadline: no longer urgent
    UNKNOWN = "unknown"  # the round's end is at the edge of the calendar: no deadline


class ThankYou(NamedTuple):
    state: ThankYouState
    deadline: datetime | None
    text: str  # "23 h 10 min left", "overdue by 3 h", "ended 2 years ago"


def _ago(span: timedelta) -> str:
    days = span.days
    if days >= 365:
        years = days // 365
        return f"{years} year{'s' if years != 1 else ''} ago"
    return f"{days} day{'s' if days != 1 else ''} ago"


def thank_you_status(round_end: datetime, now: datetime) -> ThankYou:
    """Where the thank-you letters stand: before the round, due, overdue, or long past."""
    deadline = thank_you_deadline(round_end)
    if deadline is None:
        return ThankYou(
            ThankYouState.UNKNOWN, None, "no deadline can be worked out from the round's date"
        )
    if time_left(round_end, now) > timedelta(0):
        return ThankYou(ThankYouState.BEFORE, deadline, "within 24 hours of the end of the round")
    left = time_left(deadline, now)
    if left >= timedelta(0):
        return ThankYou(ThankYouState.DUE, deadline, describe_time_left(left))
    if -left > LATE_AFTER:
        return ThankYou(ThankYouState.LATE, deadline, f"ended {_ago(-left)}")
    return ThankYou(ThankYouState.OVERDUE, deadline, describe_time_left(left))
