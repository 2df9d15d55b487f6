"""HTTP in, engine or service call, redirect or render out. Every lookup is scoped to the owner."""

from __future__ import annotations

import zoneinfo
from datetime import date, datetime, time, timedelta, tzinfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from secondround.assistant import reading as model_reading
from secondround.engine.reading.invitation import parse_invitation
from secondround.engine.reading.invitation_entries import AgendaItem, ParsedInvitation
from secondround.engine.reading.invitation_files import (
    InvitationText,
    UnreadableInvitation,
    facts_from_json,
    parse_invitation_text,
    read_invitation_file,
)
from secondround.engine.reading.model_reading import ONLY_THE_MODEL

from . import selectors, services
from .access import get_interviewer_for_user, get_opportunity_for_user, get_round_for_user
from .forms import (
    InterviewerForm,
    InvitationPasteForm,
    OpportunityForm,
    RosterReviewForm,
    RosterRowFormSet,
    RoundForm,
)
from .models import Round


@login_required
@require_http_methods(["GET", "POST"])
def opportunity_create(request: HttpRequest) -> HttpResponse:
    form = OpportunityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        opportunity = form.save(commit=False)
        opportunity.owner = request.user
        opportunity.save()
        services.posting_read(opportunity=opportunity)
        messages.success(request, f"Added {opportunity}.")
        return redirect(opportunity)
    return render(request, "opportunities/opportunity_form.html", {"form": form})


@login_required
@require_GET
def opportunity_detail(request: HttpRequest, pk: int) -> HttpResponse:
    opportunity = get_opportunity_for_user(request, pk)
    rounds = opportunity.rounds.prefetch_related("interviewers")
    return render(
        request,
        "opportunities/opportunity_detail.html",
        {"opportunity": opportunity, "rounds": rounds, "now": timezone.now()},
    )


@login_required
@require_http_methods(["GET", "POST"])
def opportunity_edit(request: HttpRequest, pk: int) -> HttpResponse:
    opportunity = get_opportunity_for_user(request, pk)
    form = OpportunityForm(request.POST or None, instance=opportunity)
    if request.method == "POST" and form.is_valid():
        form.save()
        services.posting_read(opportunity=opportunity)
        messages.success(request, "Saved.")
        return redirect(opportunity)
    return render(
        request, "opportunities/opportunity_form.html", {"form": form, "opportunity": opportunity}
    )


@login_required
@require_POST
def opportunity_archive(request: HttpRequest, pk: int) -> HttpResponse:
    opportunity = get_opportunity_for_user(request, pk)
    archive = request.POST.get("archived", "1") == "1"
    services.opportunity_set_archived(opportunity=opportunity, archived=archive, now=timezone.now())
    messages.success(request, f"{'Archived' if archive else 'Restored'} {opportunity}.")
    return redirect("dashboard")


@login_required
@require_http_methods(["GET", "POST"])
def round_create(request: HttpRequest, pk: int) -> HttpResponse:
    opportunity = get_opportunity_for_user(request, pk)
    previous = opportunity.rounds.order_by("-number").first()
    initial = {
        "number": services.next_round_number(opportunity),
        "time_zone": previous.time_zone if previous else timezone.get_current_timezone_name(),
    }
    form = RoundForm(
        request.POST or None,
        opportunity=opportunity,
        initial=initial,
        zone_from_browser=previous is None,
    )
    if request.method == "POST" and form.is_valid():
        round_ = form.save()
        messages.success(request, f"Added the {round_.label.lower()}.")
        _warn_about_the_date(request, round_)
        return redirect(round_)
    return render(
        request, "opportunities/round_form.html", {"form": form, "opportunity": opportunity}
    )


def _warn_about_the_date(request: HttpRequest, round_: Round) -> None:
    """Saved either way: a past date is right for a round recorded afterwards."""
    warning = selectors.round_date_warning(round_, now=timezone.now())
    if warning:
        messages.warning(request, warning.message)


@login_required
@require_http_methods(["GET", "POST"])
def round_edit(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = get_round_for_user(request, pk)
    form = RoundForm(request.POST or None, instance=round_, opportunity=round_.opportunity)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Saved.")
        _warn_about_the_date(request, round_)
        return redirect(round_)
    return render(
        request,
        "opportunities/round_form.html",
        {"form": form, "opportunity": round_.opportunity, "round": round_},
    )


@login_required
@require_http_methods(["GET", "POST"])
def interviewer_create(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = get_round_for_user(request, pk)
    form = InterviewerForm(request.POST or None, round=round_)
    if request.method == "POST" and form.is_valid():
        interviewer = form.save()
        messages.success(request, f"Added {interviewer.name}.")
        return redirect(round_)
    return render(request, "opportunities/interviewer_form.html", {"form": form, "round": round_})


@login_required
@require_http_methods(["GET", "POST"])
def interviewer_edit(request: HttpRequest, pk: int) -> HttpResponse:
    interviewer = get_interviewer_for_user(request, pk)
    round_ = interviewer.round
    form = InterviewerForm(request.POST or None, instance=interviewer, round=round_)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"Saved {interviewer.name}.")
        return redirect(round_)
    return render(
        request,
        "opportunities/interviewer_form.html",
        {"form": form, "round": round_, "interviewer": interviewer},
    )


@login_required
@require_POST
def interviewer_delete(request: HttpRequest, pk: int) -> HttpResponse:
    interviewer = get_interviewer_for_user(request, pk)
    round_ = interviewer.round
    interviewer.delete()
    messages.success(request, f"Removed {interviewer.name} from the roster.")
    return redirect(round_)


def _same_clock(zone_name: str, other_name: str, parsed: ParsedInvitation) -> bool:
    """Whether two zones show the same time on the interview day (and half a year on)."""
    if not other_name or zone_name == other_name:
        return False
    try:
        zone, other = zoneinfo.ZoneInfo(zone_name), zoneinfo.ZoneInfo(other_name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return False
    day = parsed.interview_date or date.today()
    noon = datetime.combine(day, time(12))
    moments = [noon, noon + timedelta(days=182)]
    return all(
        moment.replace(tzinfo=zone).utcoffset() == moment.replace(tzinfo=other).utcoffset()
        for moment in moments
    )


def _review_initial(parsed: ParsedInvitation, round_: Round) -> tuple[dict, list[dict]]:
    """The parse, shown in the round's time zone unless the e-mail names its own."""
    zone_name = parsed.time_zone or round_.time_zone
    if parsed.time_zone and _same_clock(parsed.time_zone, round_.time_zone, parsed):
        # "(CET)" read as Europe/Paris for a round set in Europe/Berlin: the same clock,
        # and the round's own city is the one the user chose.
        zone_name = round_.time_zone
    review = {
        "day": parsed.interview_date,
        "time_zone": zone_name,
        "location": parsed.location or "",
        "video_link": parsed.video_link or "",
    }
    zone = Round(time_zone=zone_name).zone
    review["agenda"] = "\n".join(_agenda_line(item, zone) for item in parsed.agenda)
    rows = []
    for entry in parsed.entries:
        start = entry.start.astimezone(zone) if entry.start and entry.start.tzinfo else entry.start
        end = entry.end.astimezone(zone) if entry.end and entry.end.tzinfo else entry.end
        rows.append(
            {
                "keep": True,
                "honorific": entry.honorific or "",
                "name": entry.name,
                "title": entry.title or "",
                "relation": entry.relation or "other",
                "email": entry.email or "",
                "start_time": start.time() if start else None,
                "end_time": end.time() if end else None,
            }
        )
        if start and not review["day"]:
            review["day"] = start.date()
    return review, rows


def _agenda_line(item: AgendaItem, zone: tzinfo) -> str:
    def clock(moment: datetime | None) -> str:
        if moment is None:
            return ""
        return f"{(moment.astimezone(zone) if moment.tzinfo else moment):%H:%M}"

    times = "–".join(part for part in (clock(item.start), clock(item.end)) if part)
    return f"{times} {item.label}".strip()


FIELD_LABELS = {"title": "Title", "time": "Time", "relation": "Relation"}


def _row_notes(parsed: ParsedInvitation) -> list[dict]:
    """For each row: the line it was read from, the other lines a field came from (a time
    from the line that gives the panel's slot), and the fields to check ("unsure")."""
    fields = {"time": ("start_time", "end_time")}
    notes = []
    for entry in parsed.entries:
        elsewhere = [
            (FIELD_LABELS[name], line)
            for name, line in entry.sources
            if name in FIELD_LABELS and line and line != entry.source
        ]
        notes.append(
            {
                "source": entry.source or "",
                "elsewhere": list(dict.fromkeys(elsewhere)),
                "unsure": {name for field in entry.unsure for name in fields.get(field, (field,))},
            }
        )
    return notes


def _parse_the_invitation(
    request: HttpRequest, paste_form: InvitationPasteForm, round_: Round
) -> tuple[ParsedInvitation, InvitationText | None] | None:
    """The parse of the uploaded file (or of a file's body and facts the review page sent
    back), else of the paste, with the file's text and facts; None (with the reason on the
    form) for a file that holds no invitation."""
    today = timezone.localdate()
    upload = paste_form.cleaned_data.get("file")
    facts = paste_form.cleaned_data.get("file_facts")
    text = paste_form.cleaned_data["text"]
    if not upload and not facts:
        parsed = parse_invitation(text, today=today, default_time_zone=round_.time_zone)
        return parsed, None
    user = request.user
    candidate = (user.get_full_name(), user.email, user.username)  # type: ignore[union-attr]
    try:
        if upload:
            source = read_invitation_file(upload.read(), upload.name or "")
        else:
            source = facts_from_json(facts, text)
    except UnreadableInvitation as problem:
        paste_form.add_error("file", str(problem))
        if not upload:  # facts that did not come back whole: the form shown again forgets them
            paste_form.data = paste_form.data.copy()
            paste_form.data["file_facts"] = ""
        return None
    parsed = parse_invitation_text(
        source, today=today, default_time_zone=round_.time_zone, candidate=candidate
    )
    return parsed, source


@login_required
@require_POST
def invitation_parse(request: HttpRequest, pk: int) -> HttpResponse:
    """Step one of pasting an invitation: parse and show everything for review, save nothing."""
    round_ = get_round_for_user(request, pk)
    paste_form = InvitationPasteForm(request.POST, request.FILES)
    context: dict = {"round": round_, "opportunity": round_.opportunity, "paste_form": paste_form}
    read = _parse_the_invitation(request, paste_form, round_) if paste_form.is_valid() else None
    if read is not None:
        parsed, source = read
        # The user's own model reads it too: the paste, or the body of the file.
        parsed, model_box, model_notes = model_reading.invitation_with_model(
            request,
            text=source.text if source else paste_form.cleaned_data["text"],
            round_pk=round_.pk,
            parsed=parsed,
            source=source,
        )
        context.update(model_box)
        review, rows = _review_initial(parsed, round_)
        if not rows:
            rows = [{"keep": True, "relation": "other"}]
        notes = _row_notes(parsed)
        for row, note, said in zip(rows, notes, model_notes, strict=False):
            note["model"] = said
            row["keep"] = said != ONLY_THE_MODEL  # a person only the model listed: unticked
        formset = RosterRowFormSet(initial=rows)
        context.update(
            parsed=parsed,
            review_form=RosterReviewForm(initial=review),
            formset=formset,
            review_rows=[
                (form, notes[index] if index < len(notes) else {})
                for index, form in enumerate(formset.forms)
            ],
            day_sources=[
                (label, parsed.sources[key])
                for key, label in (
                    ("day", "Date"),
                    ("time_zone", "Time zone"),
                    ("location", "Location"),
                )
                if parsed.sources.get(key)
            ],
        )
    template = "_invitation_review.html" if request.htmx else "invitation_review.html"
    return render(request, f"opportunities/{template}", context)


@login_required
@require_POST
def invitation_save(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = get_round_for_user(request, pk)
    review_form = RosterReviewForm(request.POST)
    formset = RosterRowFormSet(request.POST)
    if not (review_form.is_valid() and formset.is_valid()):
        return render(
            request,
            "opportunities/invitation_review.html",
            {
                "round": round_,
                "opportunity": round_.opportunity,
                "review_form": review_form,
                "formset": formset,
                "review_rows": [(form, {}) for form in formset.forms],
            },
        )
    rows = [
        services.RosterRow(
            honorific=row.get("honorific", "").strip(),
            name=row["name"].strip(),
            title=row.get("title", "").strip(),
            relation=row["relation"],
            email=row.get("email", ""),
            start=row.get("start_time"),
            end=row.get("end_time"),
        )
        for row in formset.cleaned_data
        if row and row.get("keep")
    ]
    day: date | None = review_form.cleaned_data.get("day")
    saved = services.roster_add_from_invitation(
        round=round_,
        rows=rows,
        day=day,
        time_zone=review_form.cleaned_data["time_zone"],
        location=review_form.cleaned_data.get("location", ""),
        video_link=review_form.cleaned_data.get("video_link", ""),
        agenda=review_form.cleaned_data.get("agenda", ""),
    )
    added_count, known_count = len(saved.added), len(saved.updated)
    said = f"Added {added_count} interviewer{'s' if added_count != 1 else ''}."
    if known_count:
        said += (
            f" {known_count} {'was' if known_count == 1 else 'were'} already on the roster:"
            " kept once, with only empty details filled from this e-mail."
        )
    messages.success(request, said)
    _warn_about_the_date(request, round_)
    if day and not round_.starts_at:
        messages.warning(
            request,
            f"The e-mail gives the date ({day:%d %B %Y}) but no start time: "
            "edit the round to set it.",
        )
    return redirect(round_)
