"""When things happen, as a candidate reads it: always in the round's own time zone, named.

Every time a page shows goes through these (and the .ics through the same engine helpers),
so the brief, the after pages, the letters and the dashboard agree:
`{{ brief.thank_you_by|round_time:round }}` gives "Tue 8 Dec 2026, 12:30 CST (America/Chicago)";
`round_clock` gives "12:30" under a heading that names the zone with `round_zone`;
`{% round_span start end round %}` gives "Mon 7 Dec 2026, 09:30–12:30 CST (America/Chicago)".
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from zoneinfo import ZoneInfo

from django import template

from secondround.engine.nlp.dates import (
    describe_clock,
    describe_day,
    describe_moment,
    describe_span,
    zone_label,
)

register = template.Library()


def _zone(where: object) -> tzinfo:
    """A Round (its zone), a tzinfo, or an IANA name."""
    if isinstance(where, tzinfo):
        return where
    if isinstance(where, str):
        return ZoneInfo(where)
    return where.zone  # type: ignore[attr-defined]


@register.filter
def round_time(moment: datetime | None, where: object) -> str:
    return describe_moment(moment, _zone(where)) if moment else ""


@register.filter
def round_clock(moment: datetime | None, where: object) -> str:
    return describe_clock(moment, _zone(where)) if moment else ""


@register.filter
def round_day(moment: datetime | None, where: object) -> str:
    return describe_day(moment, _zone(where)) if moment else ""


@register.filter
def round_zone(round_: object) -> str:
    """ "CST, America/Chicago": the zone as it reads on the round's day."""
    return zone_label(_zone(round_), getattr(round_, "starts_at", None))


@register.simple_tag
def round_span(start: datetime | None, end: datetime | None, where: object) -> str:
    return describe_span(start, end, _zone(where)) if start else ""


def _plural(count: int, unit: str) -> str:
    return f"{count} {unit}{'' if count == 1 else 's'}"


@register.filter
def countdown(moment: datetime | None, now: datetime) -> str:
    """ "in 3 days 4 hours", "in 25 minutes", "2 days ago": coarse enough to read at a glance."""
    if moment is None:
        return ""
    seconds = int((moment - now).total_seconds())
    future = seconds >= 0
    seconds = abs(seconds)
    days, rest = divmod(seconds, 86_400)
    hours, rest = divmod(rest, 3_600)
    minutes = rest // 60
    if days >= 2:
        span = _plural(days, "day")
    elif days == 1:
        span = f"1 day {_plural(hours, 'hour')}" if hours else "1 day"
    elif hours:
        span = (
            f"{_plural(hours, 'hour')} {_plural(minutes, 'minute')}"
            if minutes
            else _plural(hours, "hour")
        )
    else:
        span = _plural(max(minutes, 1), "minute")
    return f"in {span}" if future else f"{span} ago"
