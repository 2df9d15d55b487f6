"""The 24-hour thank-you deadline across time zones and DST, and follow-up dates."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from secondround.engine.drafting.deadlines import (
    THANK_YOU_HOURS,
    describe_time_left,
    follow_up_date,
    thank_you_deadline,
    time_left,
)

NEW_YORK = ZoneInfo("America/New_York")
LONDON = ZoneInfo("Europe/London")
SYDNEY = ZoneInfo("Australia/Sydney")
UTC_ZONE = ZoneInfo("UTC")


@pytest.mark.parametrize(
    ("round_end", "expected_local"),
    [
        # DST starts in the US on 2026-03-08: 24 real hours later is 18:00 on the wall clock.
        (datetime(2026, 3, 7, 17, 0, tzinfo=NEW_YORK), datetime(2026, 3, 8, 18, 0)),
        # ...and ends on 2026-11-01: 16:00.
        (datetime(2026, 10, 31, 17, 0, tzinfo=NEW_YORK), datetime(2026, 11, 1, 16, 0)),
        # UK clocks go back on 2026-10-25.
        (datetime(2026, 10, 24, 17, 0, tzinfo=LONDON), datetime(2026, 10, 25, 16, 0)),
        # ...and forward on 2026-03-29.
        (datetime(2026, 3, 28, 9, 30, tzinfo=LONDON), datetime(2026, 3, 29, 10, 30)),
        # Sydney: DST ends 2026-04-05, starts 2026-10-04.
        (datetime(2026, 4, 4, 17, 0, tzinfo=SYDNEY), datetime(2026, 4, 5, 16, 0)),
        (datetime(2026, 10, 3, 17, 0, tzinfo=SYDNEY), datetime(2026, 10, 4, 18, 0)),
        # No change anywhere near.
        (datetime(2026, 6, 10, 15, 45, tzinfo=NEW_YORK), datetime(2026, 6, 11, 15, 45)),
        (datetime(2026, 3, 7, 17, 0, tzinfo=UTC_ZONE), datetime(2026, 3, 8, 17, 0)),
        (datetime(2026, 3, 28, 23, 0, tzinfo=UTC), datetime(2026, 3, 29, 23, 0)),
        (
            datetime(2026, 3, 7, 17, 0, tzinfo=timezone(timedelta(hours=5, minutes=30))),
            datetime(2026, 3, 8, 17, 0),
        ),
        # An ambiguous wall time: fold=1 is the second 01:30 (EST), fold=0 the first (EDT).
        (datetime(2026, 11, 1, 1, 30, fold=1, tzinfo=NEW_YORK), datetime(2026, 11, 2, 1, 30)),
        (datetime(2026, 11, 1, 1, 30, fold=0, tzinfo=NEW_YORK), datetime(2026, 11, 2, 0, 30)),
    ],
    ids=[
        "new-york-spring-forward",
        "new-york-fall-back",
        "london-october",
        "london-march",
        "sydney-april",
        "sydney-october",
        "new-york-summer",
        "utc-zoneinfo",
        "utc-constant",
        "fixed-offset-india",
        "ambiguous-second",
        "ambiguous-first",
    ],
)
def test_thank_you_deadline(round_end: datetime, expected_local: datetime) -> None:
    deadline = thank_you_deadline(round_end)
    assert deadline.replace(tzinfo=None, fold=0) == expected_local
    assert deadline.tzinfo is round_end.tzinfo
    elapsed = deadline.astimezone(UTC) - round_end.astimezone(UTC)
    assert elapsed == timedelta(hours=THANK_YOU_HOURS)


def test_thank_you_deadline_needs_an_aware_time() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        thank_you_deadline(datetime(2026, 3, 7, 17, 0))


@pytest.mark.parametrize(
    ("deadline", "now", "expected"),
    [
        (
            datetime(2026, 3, 8, 18, 0, tzinfo=NEW_YORK),
            datetime(2026, 3, 7, 18, 50, tzinfo=NEW_YORK),
            timedelta(hours=22, minutes=10),  # wall clock says 23 h 10 min; one hour vanished
        ),
        (
            datetime(2026, 3, 8, 18, 0, tzinfo=NEW_YORK),
            datetime(2026, 3, 8, 22, 15, tzinfo=UTC),  # 18:15 EDT
            -timedelta(minutes=15),
        ),
        (
            datetime(2026, 10, 25, 16, 0, tzinfo=LONDON),
            datetime(2026, 10, 25, 2, 0, tzinfo=SYDNEY),  # 2026-10-24 15:00 UTC
            timedelta(hours=25),
        ),
        (
            datetime(2026, 6, 1, 12, 0, tzinfo=UTC),
            datetime(2026, 6, 1, 12, 0, tzinfo=UTC),
            timedelta(0),
        ),
    ],
    ids=["same-zone-over-dst", "overdue-other-zone", "london-vs-sydney", "exactly-due"],
)
def test_time_left(deadline: datetime, now: datetime, expected: timedelta) -> None:
    assert time_left(deadline, now) == expected


def test_time_left_needs_aware_times() -> None:
    with pytest.raises(ValueError):
        time_left(datetime(2026, 3, 8, 18, 0), datetime(2026, 3, 8, 17, 0, tzinfo=UTC))


@pytest.mark.parametrize(
    ("left", "text"),
    [
        (timedelta(hours=23, minutes=10), "23 h 10 min left"),
        (timedelta(hours=23, minutes=10, seconds=59), "23 h 10 min left"),
        (timedelta(minutes=45), "45 min left"),
        (timedelta(hours=24), "24 h left"),
        (timedelta(hours=2), "2 h left"),
        (timedelta(seconds=30), "less than 1 min left"),
        (timedelta(0), "less than 1 min left"),
        (-timedelta(seconds=20), "overdue by less than 1 min"),
        (-timedelta(hours=3), "overdue by 3 h"),
        (-timedelta(hours=3, minutes=5), "overdue by 3 h 5 min"),
        (-timedelta(minutes=1), "overdue by 1 min"),
        (-timedelta(days=3, hours=2), "overdue by 3 d 2 h"),
        (timedelta(hours=47, minutes=59), "47 h 59 min left"),
    ],
)
def test_describe_time_left(left: timedelta, text: str) -> None:
    assert describe_time_left(left) == text


def test_describe_after_the_round() -> None:
    round_end = datetime(2026, 3, 7, 17, 0, tzinfo=NEW_YORK)
    deadline = thank_you_deadline(round_end)
    now = datetime(2026, 3, 7, 17, 50, tzinfo=NEW_YORK)
    assert describe_time_left(time_left(deadline, now)) == "23 h 10 min left"
    later = datetime(2026, 3, 8, 21, 0, tzinfo=NEW_YORK)
    assert describe_time_left(time_left(deadline, later)) == "overdue by 3 h"


THANKSGIVING = frozenset({date(2026, 11, 26), date(2026, 11, 27)})
YEAR_END = frozenset({date(2026, 12, 25), date(2026, 12, 28), date(2027, 1, 1)})


@pytest.mark.parametrize(
    ("decision", "kwargs", "expected"),
    [
        (date(2026, 3, 4), {}, date(2026, 3, 9)),  # Wed -> Mon (Thu, Fri, Mon)
        (date(2026, 3, 6), {}, date(2026, 3, 11)),  # Fri -> Wed
        (date(2026, 3, 7), {}, date(2026, 3, 11)),  # Sat -> Wed
        (date(2026, 3, 2), {}, date(2026, 3, 5)),  # Mon -> Thu
        (date(2026, 11, 25), {"holidays": THANKSGIVING}, date(2026, 12, 2)),
        (date(2026, 12, 23), {"holidays": YEAR_END}, date(2026, 12, 30)),
        (date(2026, 12, 30), {"holidays": YEAR_END}, date(2027, 1, 5)),
        (date(2026, 3, 6), {"working_days": 1}, date(2026, 3, 9)),
        (date(2026, 3, 6), {"working_days": 5}, date(2026, 3, 13)),
        (date(2026, 3, 6), {"working_days": 0}, date(2026, 3, 6)),
        (date(2026, 3, 7), {"working_days": 0}, date(2026, 3, 9)),
    ],
)
def test_follow_up_date(decision: date, kwargs: dict[str, object], expected: date) -> None:
    result = follow_up_date(decision, **kwargs)  # type: ignore[arg-type]
    assert result == expected
    assert result.weekday() < 5


def test_follow_up_date_rejects_negative_days() -> None:
    with pytest.raises(ValueError):
        follow_up_date(date(2026, 3, 6), working_days=-1)
