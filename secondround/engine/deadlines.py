"""The 24-hour thank-you deadline and the follow-up date after a decision (S12, S13).

Plain date arithmetic, no Django. Deadlines count real elapsed time: 24 hours after a round
that ends the evening before a daylight-saving change falls at a different wall-clock hour.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

__all__ = [
    "THANK_YOU_HOURS",
    "describe_time_left",
    "follow_up_date",
    "thank_you_deadline",
    "time_left",
]

THANK_YOU_HOURS = 24


def _require_aware(value: datetime, name: str) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware")


def thank_you_deadline(round_end: datetime) -> datetime:
    """round_end + 24 hours of real time, in round_end's own time zone.

    Python adds a timedelta to an aware datetime in wall-clock terms, so the sum goes through
    UTC; the result keeps round_end's tzinfo (a ZoneInfo stays a ZoneInfo).
    """
    _require_aware(round_end, "round_end")
    in_utc = round_end.astimezone(UTC) + timedelta(hours=THANK_YOU_HOURS)
    return in_utc.astimezone(round_end.tzinfo)


def time_left(deadline: datetime, now: datetime) -> timedelta:
    """deadline - now in real time; negative when overdue.

    Both go through UTC first: subtracting two datetimes that share a tzinfo ignores their
    offsets, which would be an hour out across a DST change.
    """
    _require_aware(deadline, "deadline")
    _require_aware(now, "now")
    return deadline.astimezone(UTC) - now.astimezone(UTC)


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
) -> date:
    """The working_days-th working day after the decision date (weekends and holidays skipped).

    working_days=0 gives the decision date itself, or the next working day if it is not one.
    """
    if working_days < 0:
        raise ValueError("working_days must be 0 or more")

    def working(day: date) -> bool:
        return day.weekday() < 5 and day not in holidays

    day = decision
    if working_days == 0:
        while not working(day):
            day += timedelta(days=1)
        return day
    counted = 0
    while counted < working_days:
        day += timedelta(days=1)
        if working(day):
            counted += 1
    return day
