"""The brief as a PDF (WeasyPrint) and the day as an iCalendar file."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.template.loader import render_to_string
from django.utils import timezone

from secondround.engine.nlp.dates import (
    EARLIEST_YEAR,
    LATEST_YEAR,
    describe_moment,
    in_zone,
    shifted,
)

from .selectors import Brief

PDF_STYLESHEET = "brief/print.css"


class PdfUnavailable(RuntimeError):
    """WeasyPrint or its system libraries are missing; the message says what to install."""


def brief_pdf(brief: Brief) -> bytes:
    try:
        import weasyprint
    except (ImportError, OSError) as error:  # OSError: Pango missing
        raise PdfUnavailable(
            "The PDF needs WeasyPrint's libraries: on Debian or Ubuntu run "
            "`sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0`. "
            f"({error})"
        ) from None
    html = render_to_string("brief/brief_print.html", {"brief": brief, "printing": True})
    return weasyprint.HTML(string=html).write_pdf()


def brief_ics(brief: Brief, *, now: datetime | None = None) -> bytes:
    """Interview slots, the thank-you deadline and the follow-up date as calendar events.

    Times are written in the round's own zone (with its VTIMEZONE), as the brief shows them.
    An end that would fall past the last representable day is left out, not computed.
    """
    from icalendar import Calendar, Event

    now = now or timezone.now()
    calendar = Calendar()
    calendar.add("prodid", "-//Second Round//interview brief//EN")
    calendar.add("version", "2.0")
    round_ = brief.round
    company = brief.opportunity.company
    place = round_.location or round_.video_link

    years: set[int] = set()

    def local(moment: datetime) -> datetime:
        shown = in_zone(moment, round_.zone) or moment
        years.add(shown.year)
        return shown

    def event(
        uid: str,
        summary: str,
        start: date | datetime,
        end: date | datetime | None = None,
        description: str = "",
    ) -> None:
        item = Event()
        item.add("uid", f"{uid}@secondround.local")
        item.add("dtstamp", now)
        item.add("summary", summary)
        item.add("dtstart", local(start) if isinstance(start, datetime) else start)
        if end is not None:
            item.add("dtend", local(end) if isinstance(end, datetime) else end)
        if description:
            item.add("description", description)
        if place:
            item.add("location", place)
        calendar.add_component(item)

    slots = [page.person for page in brief.people if page.person.starts_at]
    for person in slots:
        event(
            f"round-{round_.pk}-person-{person.pk}",
            f"{company}: {person.name}{' (' + person.title + ')' if person.title else ''}",
            person.starts_at,
            person.ends_at or shifted(person.starts_at, timedelta(minutes=45)),
            f"{brief.round.label} · {person.get_relation_display()}",
        )
    if not slots and round_.starts_at:
        event(
            f"round-{round_.pk}",
            f"{company}: {round_.label}",
            round_.starts_at,
            round_.ends_at or shifted(round_.starts_at, timedelta(hours=1)),
            brief.opportunity.role_title,
        )
    if brief.thank_you_by:
        event(
            f"round-{round_.pk}-thank-you",
            f"Send thank-you letters to {company} by "
            f"{describe_moment(brief.thank_you_by, round_.zone)}",
            shifted(brief.thank_you_by, -timedelta(minutes=30)) or brief.thank_you_by,
            brief.thank_you_by,
            "One customised letter to each person you met, within 24 hours.",
        )
    if brief.follow_up_on:
        event(
            f"round-{round_.pk}-follow-up",
            f"Follow up with {company}",
            brief.follow_up_on,
            shifted(brief.follow_up_on, timedelta(days=1)),
            "If you have not heard back, send the follow-up e-mail.",
        )
    if years:
        # The zone's rules for the years the events fall in, not icalendar's 1970–2038.
        span = sorted(min(max(year, EARLIEST_YEAR), LATEST_YEAR) for year in years)
        calendar.add_missing_timezones(date(span[0] - 1, 1, 1), date(span[-1] + 1, 12, 31))
    return calendar.to_ical()
