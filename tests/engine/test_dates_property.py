"""Property-based tests of the engine's date and time handling over the whole calendar.

Any aware datetime from the year 1 to 9999, in any IANA zone or fixed offset: deadlines,
time left, follow-up dates, showing a time in a zone, the plausibility warning, and reading
dates, clock times and zones out of an invitation e-mail. None may raise, and each keeps
the property that makes it right (a deadline is 24 real hours after the end, in its zone).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from secondround.engine.drafting.deadlines import (
    THANK_YOU_HOURS,
    ThankYouState,
    describe_time_left,
    follow_up_date,
    thank_you_deadline,
    thank_you_status,
    time_left,
)
from secondround.engine.nlp.dates import (
    EARLIEST_YEAR,
    LATEST_YEAR,
    describe_clock,
    describe_day,
    describe_moment,
    describe_span,
    in_zone,
    interview_day_warning,
    shifted,
    zone_label,
)
from secondround.engine.reading.invitation import parse_invitation
from secondround.engine.reading.invitation_dates import dates_in, interview_date
from secondround.engine.reading.invitation_time_words import MONTHS
from secondround.engine.reading.invitation_times import clock_times
from secondround.engine.reading.invitation_zones import find_zone

# Hypothesis's own zone strategy covers every IANA zone; fixed offsets cover "+05:30" and
# the like, the extremes included.
FIXED_OFFSETS = st.builds(
    timezone,
    st.timedeltas(
        min_value=-timedelta(hours=23, minutes=59), max_value=timedelta(hours=23, minutes=59)
    ),
)
ZONES: st.SearchStrategy[tzinfo] = st.one_of(st.timezones(), FIXED_OFFSETS, st.just(UTC))
MOMENTS = st.datetimes(min_value=datetime.min, max_value=datetime.max, timezones=ZONES)
# The edges of the calendar are where overflow lives: draw them often.
EDGE_MOMENTS = st.one_of(
    st.datetimes(
        min_value=datetime.min, max_value=datetime.min + timedelta(days=3), timezones=ZONES
    ),
    st.datetimes(
        min_value=datetime.max - timedelta(days=3), max_value=datetime.max, timezones=ZONES
    ),
)
ANY_MOMENT = st.one_of(MOMENTS, EDGE_MOMENTS)
ANY_DAY = st.one_of(
    st.dates(),
    st.dates(min_value=date.max - timedelta(days=20)),
    st.dates(max_value=date.min + timedelta(days=20)),
)
THOROUGH = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _near_the_edge(moment: datetime, days: int = 2) -> bool:
    naive = moment.replace(tzinfo=None)
    return naive < datetime.min + timedelta(days=days) or naive > datetime.max - timedelta(
        days=days
    )


# ---- the thank-you deadline ------------------------------------------------------------


@THOROUGH
@given(ANY_MOMENT)
def test_the_deadline_is_24_real_hours_after_the_end_in_its_zone(round_end: datetime) -> None:
    deadline = thank_you_deadline(round_end)
    if deadline is None:
        assert _near_the_edge(round_end)  # only where the calendar runs out
        return
    assert deadline.tzinfo is round_end.tzinfo
    assert time_left(deadline, round_end) == timedelta(hours=THANK_YOU_HOURS)
    assert time_left(round_end, deadline) == -timedelta(hours=THANK_YOU_HOURS)


@THOROUGH
@given(ANY_MOMENT, ANY_MOMENT)
def test_time_left_is_the_real_difference(deadline: datetime, now: datetime) -> None:
    left = time_left(deadline, now)
    assert time_left(now, deadline) == -left
    assert time_left(deadline, deadline) == timedelta(0)
    if not (_near_the_edge(deadline) or _near_the_edge(now)):
        assert left == deadline.astimezone(UTC) - now.astimezone(UTC)
    text = describe_time_left(left)
    assert text.endswith(" left") if left >= timedelta(0) else text.startswith("overdue by")


@THOROUGH
@given(ANY_MOMENT, ANY_MOMENT)
def test_the_letters_state_follows_the_clock(round_end: datetime, now: datetime) -> None:
    status = thank_you_status(round_end, now)
    assert status.text
    if status.state is ThankYouState.UNKNOWN:
        assert status.deadline is None and _near_the_edge(round_end)
        return
    assert status.deadline is not None
    ended_ago = time_left(now, round_end)
    past_deadline = time_left(now, status.deadline)
    expected = (
        ThankYouState.BEFORE
        if ended_ago < timedelta(0)
        else ThankYouState.DUE
        if past_deadline <= timedelta(0)
        else ThankYouState.OVERDUE
        if past_deadline <= timedelta(days=7)
        else ThankYouState.LATE
    )
    assert status.state is expected
    if status.state is ThankYouState.LATE:
        assert "overdue" not in status.text and status.text.endswith("ago")


# ---- follow-up dates -------------------------------------------------------------------


@THOROUGH
@given(
    ANY_DAY,
    st.integers(min_value=0, max_value=10),
    st.frozensets(st.integers(min_value=0, max_value=30), max_size=8),
)
def test_the_follow_up_is_the_nth_working_day_after(
    decision: date, working_days: int, holiday_offsets: frozenset[int]
) -> None:
    holidays = frozenset(
        day for offset in holiday_offsets if (day := shifted(decision, timedelta(offset)))
    )
    result = follow_up_date(decision, working_days=working_days, holidays=holidays)
    if result is None:
        assert (date.max - decision).days <= 2 * working_days + 2 * len(holidays) + 4
        return
    assert result.weekday() < 5 and result not in holidays
    assert result >= decision
    between = [
        decision + timedelta(days=offset) for offset in range(1, (result - decision).days + 1)
    ]
    working = [day for day in between if day.weekday() < 5 and day not in holidays]
    if working_days:
        assert len(working) == working_days
    else:
        assert len(working) <= 1  # the decision day itself, or the next working day


# ---- showing a time in a zone ----------------------------------------------------------


@THOROUGH
@given(ANY_MOMENT, ZONES)
def test_any_instant_shows_in_any_zone_with_the_zone_named(moment: datetime, zone: tzinfo) -> None:
    text = describe_moment(moment, zone)
    local = in_zone(moment, zone)
    if local is not None:
        assert f"{local.hour:02d}:{local.minute:02d}" in text
        assert str(getattr(zone, "key", zone)) in text
        assert describe_clock(moment, zone) == f"{local.hour:02d}:{local.minute:02d}"
        assert str(local.day) in describe_day(moment, zone)
    else:
        assert _near_the_edge(moment)
    assert zone_label(zone, moment)
    assert describe_span(moment, moment, zone)
    assert describe_span(moment, None, zone) == text
    later = shifted(moment, timedelta(hours=3))
    if later is not None:
        assert describe_span(moment, later, zone)


@THOROUGH
@given(ANY_DAY, ANY_DAY)
def test_the_date_warning_never_fails(day: date, today: date) -> None:
    warning = interview_day_warning(day, today)
    gap = (day - today).days
    if 0 <= gap <= 730:
        assert warning is None
    else:
        assert warning is not None and warning.message
        assert warning.implausible == (gap < -365 or gap > 730)


# ---- reading an invitation -------------------------------------------------------------

MONTH_NAMES = sorted(MONTHS)


@st.composite
def written_dates(draw: st.DrawFn) -> tuple[str, int]:
    """A date written as e-mails write them, any year from 1 to 9999 (or none)."""
    day = draw(st.integers(min_value=1, max_value=31))
    month = draw(st.integers(min_value=1, max_value=12))
    year = draw(st.integers(min_value=1, max_value=9999))
    name = draw(st.sampled_from(MONTH_NAMES))
    style = draw(st.sampled_from(["iso", "slashed", "dotted", "day_month", "month_day", "bare"]))
    text = {
        "iso": f"{year:04d}-{month:02d}-{day:02d}",
        "slashed": f"{month}/{day}/{year:04d}",
        "dotted": f"{day}.{month}.{year:04d}",
        "day_month": f"{day} {name} {year:04d}",
        "month_day": f"{name.title()} {day}, {year:04d}",
        "bare": f"{name.title()} {day}",
    }[style]
    return text, year


ZONE_WORDS = st.one_of(
    st.sampled_from(["ET", "PT", "CET", "IST", "BST", "JST", "(UTC)", "Irish time", ""]),
    st.sampled_from(["Asia/Kolkata", "America/Chicago", "Pacific/Kiritimati", "Europe/Dublin"]),
    st.builds(
        lambda sign, hours, minutes: f"UTC{sign}{hours}:{minutes:02d}",
        st.sampled_from("+-"),
        st.integers(min_value=0, max_value=99),
        st.integers(min_value=0, max_value=99),
    ),
    st.builds(
        lambda hours, minutes: f"+{hours:02d}:{minutes:02d}",
        st.integers(min_value=0, max_value=99),
        st.integers(min_value=0, max_value=59),
    ),
)
CLOCKS = st.one_of(
    st.builds(lambda t: t.strftime("%H:%M"), st.times()),
    st.builds(
        lambda h, m, ampm: f"{h}:{m:02d}{ampm}",
        st.integers(min_value=1, max_value=12),
        st.integers(min_value=0, max_value=59),
        st.sampled_from(["am", "pm", " p.m.", ""]),
    ),
    st.sampled_from(["noon", "9 - 10:30am", "2pm to 2:45pm"]),
)
DURATIONS = st.one_of(
    st.just(""),
    st.builds(lambda n: f" for {n} minutes", st.integers(min_value=0, max_value=10**6)),
    st.builds(lambda digits: f" for {'9' * digits} hours", st.integers(min_value=1, max_value=400)),
)


@THOROUGH
@given(written_dates(), ANY_DAY)
def test_dates_in_a_line_are_read_or_left_out(written: tuple[str, int], today: date) -> None:
    text, _ = written
    for day, _span in dates_in(f"Interview on {text} at the office", today):
        assert EARLIEST_YEAR <= day.year <= LATEST_YEAR
    found = interview_date([f"We would like to meet on {text}."], today)
    assert found is None or EARLIEST_YEAR <= found.year <= LATEST_YEAR


@THOROUGH
@given(ZONE_WORDS, CLOCKS, DURATIONS)
def test_zones_and_clock_times_never_fail(zone: str, clock: str, duration: str) -> None:
    text = f"{clock} {zone}{duration}"
    found = find_zone(text)
    if found is not None and found.tz is not None:
        assert datetime(2026, 3, 10, 12, tzinfo=found.tz).utcoffset() is not None
    times = clock_times(text)
    assert times is None or isinstance(times.start, time)


@THOROUGH
@given(
    written_dates(),
    CLOCKS,
    ZONE_WORDS,
    DURATIONS,
    ANY_DAY,
    st.one_of(st.none(), st.sampled_from(["UTC", "Asia/Tokyo", "America/Chicago", "Nowhere/X"])),
)
def test_an_invitation_with_any_date_time_and_zone_is_read(
    written: tuple[str, int],
    clock: str,
    zone: str,
    duration: str,
    today: date,
    default_zone: str | None,
) -> None:
    text, _ = written
    email = (
        "Hi Sam,\n\nThank you for your time. We would like to invite you to a second "
        f"interview on {text}.\n\n"
        f"{clock} {zone} - Dana Whitfield, Hiring Manager{duration}\n"
        "Marcus Oyelaran, Director of Operations\n\nBest,\nPriya"
    )
    parsed = parse_invitation(email, today=today, default_time_zone=default_zone)
    assert "Could not read this e-mail." not in parsed.warnings
    day = parsed.interview_date
    assert day is None or EARLIEST_YEAR <= day.year <= LATEST_YEAR
    for entry in parsed.entries:
        for moment in (entry.start, entry.end):
            if moment is not None:
                assert EARLIEST_YEAR <= moment.year <= LATEST_YEAR
                if moment.tzinfo is not None:
                    assert in_zone(moment, UTC) is not None
