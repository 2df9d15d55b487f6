"""The brief as a PDF (WeasyPrint) and the day as an iCalendar file."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.template.loader import render_to_string
from django.utils import timezone

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
    """Interview slots, the thank-you deadline and the follow-up date as calendar events."""
    from icalendar import Calendar, Event

    now = now or timezone.now()
    calendar = Calendar()
    calendar.add("prodid", "-//Second Round//interview brief//EN")
    calendar.add("version", "2.0")
    round_ = brief.round
    company = brief.opportunity.company
    place = round_.location or round_.video_link

    def event(uid: str, summary: str, start, end=None, description: str = "") -> None:
        item = Event()
        item.add("uid", f"{uid}@secondround.local")
        item.add("dtstamp", now)
        item.add("summary", summary)
        item.add("dtstart", start)
        if end is not None:
            item.add("dtend", end)
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
            person.ends_at or person.starts_at + timedelta(minutes=45),
            f"{brief.round.label} · {person.get_relation_display()}",
        )
    if not slots and round_.starts_at:
        event(
            f"round-{round_.pk}",
            f"{company}: {round_.label}",
            round_.starts_at,
            round_.ends_at or round_.starts_at + timedelta(hours=1),
            brief.opportunity.role_title,
        )
    if brief.thank_you_by:
        event(
            f"round-{round_.pk}-thank-you",
            f"Send thank-you letters to {company}",
            brief.thank_you_by - timedelta(minutes=30),
            brief.thank_you_by,
            "One customised letter to each person you met, within 24 hours.",
        )
    if brief.follow_up_on:
        event(
            f"round-{round_.pk}-follow-up",
            f"Follow up with {company}",
            brief.follow_up_on,
            brief.follow_up_on + timedelta(days=1),
            "If you have not heard back, send the follow-up e-mail.",
        )
    return calendar.to_ical()
