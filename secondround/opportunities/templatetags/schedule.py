"""How long until an interview, as a candidate reads it at a glance.

Showing a time in the interview's own zone is Django's `timezone` filter (load tz).
"""

from __future__ import annotations

from datetime import datetime

from django import template

register = template.Library()


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
