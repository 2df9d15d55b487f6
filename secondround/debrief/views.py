"""The debrief of a round: read it, edit it, or fill it from pasted notes."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from secondround.assistant import reading as model_reading
from secondround.engine.reading.notes import split_notes
from secondround.opportunities.access import get_round_for_user

from . import services
from .forms import DebriefForm, NotesPasteForm, debrief_formsets


@login_required
@require_GET
def debrief_detail(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = get_round_for_user(request, pk)
    debrief = services.debrief_for_round(round_)
    return render(
        request,
        "debrief/detail.html",
        {
            "round": round_,
            "opportunity": round_.opportunity,
            "debrief": debrief,
            "questions": debrief.questions.all(),
            "observations": debrief.observations.all(),
            "concerns": debrief.concerns.all(),
            "terms": round_.terms_heard.all(),
            "paste_form": NotesPasteForm(),
        },
    )


def _render_edit(request, round_, debrief_form, formsets, status=200, extra=None) -> HttpResponse:
    return render(
        request,
        "debrief/edit.html",
        {
            "round": round_,
            "opportunity": round_.opportunity,
            "form": debrief_form,
            "formsets": formsets,
            **(extra or {}),
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def debrief_edit(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = get_round_for_user(request, pk)
    debrief = services.debrief_for_round(round_)
    data = request.POST if request.method == "POST" else None
    debrief_form = DebriefForm(data, instance=debrief)
    formsets = debrief_formsets(debrief=debrief, data=data)
    if request.method == "POST":
        # The "to sort" list is in the POST only when pasted notes left something to sort.
        bound = [fs for fs in formsets.values() if fs.is_bound]
        if debrief_form.is_valid() and all(fs.is_valid() for fs in bound):
            services.debrief_save(debrief=debrief, debrief_form=debrief_form, formsets=formsets)
            messages.success(request, "Debrief saved.")
            return redirect("debrief_detail", pk=round_.pk)
        messages.error(request, "Some entries need attention; nothing was saved yet.")
    return _render_edit(request, round_, debrief_form, formsets)


@login_required
@require_POST
def debrief_capture(request: HttpRequest, pk: int) -> HttpResponse:
    """Split pasted notes into review rows on the edit page; nothing is saved until then."""
    round_ = get_round_for_user(request, pk)
    debrief = services.debrief_for_round(round_)
    paste_form = NotesPasteForm(request.POST)
    if not paste_form.is_valid():
        for error in paste_form.errors.get("notes", []):
            messages.error(request, error)
        return redirect("debrief_detail", pk=round_.pk)
    notes = paste_form.cleaned_data["notes"]
    split, model_box, model_said = model_reading.notes_with_model(
        request,
        text=notes,
        round_pk=round_.pk,
        split=split_notes(notes),
        interviewers=[person.name for person in round_.interviewers.all()],
    )
    new_rows = services.rows_from_notes(split)
    unsure = len(new_rows["to_sort"])
    found = sum(len(rows) for name, rows in new_rows.items() if name != "to_sort")
    raw = "\n\n".join(part for part in (debrief.raw_notes, notes.strip()) if part)
    challenges = "\n".join(line for line in (debrief.challenges, *split.challenges) if line.strip())
    debrief_form = DebriefForm(
        instance=debrief, initial={"raw_notes": raw, "challenges": challenges}
    )
    formsets = debrief_formsets(debrief=debrief, new=new_rows)
    if split.message:
        messages.warning(request, split.message)
    for said in model_said:
        messages.info(request, said)
    if unsure:
        messages.info(
            request,
            f"{unsure} part{'s' if unsure != 1 else ''} of your notes could not be placed "
            "surely: choose where each goes under “To sort”, at the top.",
        )
    if found:
        messages.info(
            request,
            f"Your notes gave {found} entries, marked below. Check them, fix what is wrong, "
            "then save. Your original notes are kept at the bottom.",
        )
    elif not unsure and notes.strip():
        messages.warning(
            request,
            "Nothing could be sorted from these notes. They are kept at the bottom; "
            "fill the fields by hand.",
        )
    return _render_edit(request, round_, debrief_form, formsets, extra=model_box)
