"""After the round: notes, letters within 24 hours, the follow-up, and "is it right for me?"."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from secondround.accounts.access import get_owned
from secondround.downloads import attachment
from secondround.engine.drafting.deadlines import thank_you_status
from secondround.engine.drafting.letters import (
    build_eml,
    mailto_link,
)
from secondround.opportunities.access import (
    get_interviewer_for_user,
    get_opportunity_for_user,
    get_round_for_user,
)
from secondround.opportunities.models import Interviewer, Round
from secondround.opportunities.selectors import round_end

from . import selectors, services
from .forms import (
    FollowUpForm,
    InterviewerNoteForm,
    LetterForm,
    QuickNotesForm,
    RoundScoresForm,
    VerdictForm,
    criteria_formset,
)
from .models import FitScore, FitVerdict, FollowUp, InterviewerNote, Letter


def _get_letter_for_user(request: HttpRequest, pk: int) -> Letter:
    return get_owned(
        Letter.objects.select_related("interviewer__round__opportunity"), request.user, pk=pk
    )


def _note_forms(round_: Round, data=None):
    forms = []
    for person in round_.interviewers.all():
        note = InterviewerNote.objects.filter(interviewer=person).first()
        forms.append(
            (
                person,
                InterviewerNoteForm(data, instance=note, prefix=f"p{person.pk}"),
                QuickNotesForm(data, prefix=f"q{person.pk}"),
            )
        )
    return forms


def _posted_notes(round_: Round, posted) -> QueryDict:
    """The page's posted fields, as the user left them; fields the post lacks (an older
    page) are filled from what is saved, so that nothing saved is blanked."""
    data = posted.copy()
    saved = {
        note.interviewer_id: note
        for note in InterviewerNote.objects.filter(interviewer__round=round_)
    }
    for person in round_.interviewers.all():
        note = saved.get(person.pk)
        for name in InterviewerNoteForm.Meta.fields:
            data.setdefault(f"p{person.pk}-{name}", getattr(note, name, "") if note else "")
    return data


def _sort_pasted(data: QueryDict, person: Interviewer) -> bool:
    """Sort one person's pasted jot into their note fields, in place; False if none."""
    text = data.get(f"q{person.pk}-text", "").strip()
    if not text:
        return False
    for name, lines in services.notes_from_paste(text).items():
        key = f"p{person.pk}-{name}"
        data[key] = services.notes_merged(data.get(key, ""), lines)
    data[f"q{person.pk}-text"] = ""
    return True


def _deadline(round_: Round) -> dict:
    ended = round_end(round_)
    return {"thank_you": thank_you_status(ended, timezone.now())} if ended else {}


@login_required
@require_http_methods(["GET", "POST"])
def after_notes(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = get_round_for_user(request, pk)
    data = None
    swept: list[str] = []
    if request.method == "POST":
        # A jot pasted but never sorted is sorted in now rather than dropped.
        data = _posted_notes(round_, request.POST)
        swept = [person.name for person in round_.interviewers.all() if _sort_pasted(data, person)]
    forms = _note_forms(round_, data)
    if request.method == "POST":
        if all(form.is_valid() for _, form, _ in forms):
            with transaction.atomic():
                for person, form, _ in forms:
                    services.notes_save(interviewer=person, values=form.cleaned_data)
            if swept:
                messages.info(
                    request,
                    "The notes you pasted on "
                    + " and ".join(swept)
                    + " were sorted into their fields and saved: check them there.",
                )
            messages.success(request, "Notes saved. Draft the letters when you are ready.")
            return redirect("letters", pk=round_.pk)
        messages.error(request, "Some notes need attention; nothing was saved yet.")
    return render(
        request,
        "followup/notes.html",
        {
            "round": round_,
            "opportunity": round_.opportunity,
            "forms": forms,
            "unsaved": data is not None,
            **_deadline(round_),
        },
    )


@login_required
@require_POST
def after_notes_sort(request: HttpRequest, pk: int) -> HttpResponse:
    """Sort one person's pasted jot into their fields, shown for review; nothing is saved.

    The sort button submits the page's whole form here, so every other field comes back
    as the user left it.
    """
    person = get_interviewer_for_user(request, pk)
    round_ = person.round
    data = _posted_notes(round_, request.POST)
    sorted_ = _sort_pasted(data, person)
    if sorted_:
        messages.info(
            request,
            f"Your notes on {person.name} are sorted into the fields below: check them, "
            "then save. Nothing is saved yet.",
        )
    else:
        messages.error(request, f"Paste some notes on {person.name} first.")
    forms = _note_forms(round_, data)
    # An empty paste box sends back nothing new: leaving must not ask "leave page?".
    unsaved = sorted_ or any(
        notes.has_changed() or quick.has_changed() for _, notes, quick in forms
    )
    return render(
        request,
        "followup/notes.html",
        {
            "round": round_,
            "opportunity": round_.opportunity,
            "forms": forms,
            "unsaved": unsaved,
            **_deadline(round_),
        },
    )


def _letter_row(person: Interviewer) -> dict:
    letter = getattr(person, "letter", None)
    notes = getattr(person, "after_notes", None)
    return {
        "person": person,
        "letter": letter,
        "form": LetterForm(instance=letter, prefix=f"l{person.pk}") if letter else None,
        "mailto": mailto_link(to=person.email, subject=letter.subject, body=letter.body)
        if letter
        else "",
        "has_notes": bool(notes and not notes.is_empty),
    }


@login_required
@require_GET
def letters(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = get_round_for_user(request, pk)
    people = list(round_.interviewers.select_related("letter", "after_notes"))
    rows = [_letter_row(person) for person in people]
    return render(
        request,
        "followup/letters.html",
        {"round": round_, "opportunity": round_.opportunity, "rows": rows, **_deadline(round_)},
    )


@login_required
@require_POST
def letters_draft(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = get_round_for_user(request, pk)
    written = services.letters_draft(
        round=round_, owner=request.user, redraft_edited=request.POST.get("redraft") == "1"
    )
    messages.success(
        request,
        f"Drafted {written} letter{'s' if written != 1 else ''}; edited and sent ones were kept.",
    )
    return redirect("letters", pk=round_.pk)


@login_required
@require_POST
def letter_edit(request: HttpRequest, pk: int) -> HttpResponse:
    letter = _get_letter_for_user(request, pk)
    form = LetterForm(request.POST, instance=letter, prefix=f"l{letter.interviewer_id}")
    if form.is_valid():
        edited = form.save(commit=False)
        edited.edited = True
        edited.save()
        messages.success(request, f"Saved your letter to {letter.interviewer.name}.")
    else:
        messages.error(request, "The subject and the letter cannot be empty.")
    return redirect("letters", pk=letter.interviewer.round_id)


@login_required
@require_POST
def letter_sent(request: HttpRequest, pk: int) -> HttpResponse:
    letter = _get_letter_for_user(request, pk)
    sent = request.POST.get("sent", "1") == "1"
    form = request.POST.get("form", Letter.Form.EMAIL)
    if form not in Letter.Form.values:
        form = Letter.Form.EMAIL
    services.letter_mark_sent(letter=letter, sent=sent, form=form, now=timezone.now())
    messages.success(
        request,
        f"Marked the letter to {letter.interviewer.name} as {'sent' if sent else 'not sent'}.",
    )
    return redirect("letters", pk=letter.interviewer.round_id)


@login_required
@require_GET
def letter_eml(request: HttpRequest, pk: int) -> HttpResponse:
    letter = _get_letter_for_user(request, pk)
    person = letter.interviewer
    data = build_eml(
        sender=request.user.email or "",
        to=f"{person.name} <{person.email}>" if person.email else person.name,
        subject=letter.subject,
        body=letter.body,
        when=timezone.now(),
    )
    response = HttpResponse(data, content_type="message/rfc822")
    response["Content-Disposition"] = attachment(f"Thank you - {person.name}.eml")
    return response


@login_required
@require_http_methods(["GET", "POST"])
def follow_up(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = get_round_for_user(request, pk)
    record = services.follow_up_for(round_)
    form = FollowUpForm(request.POST or None, instance=record)
    if request.method == "POST" and form.is_valid():
        services.follow_up_save(follow_up=form.save(commit=False))
        messages.success(request, "Saved. The dashboard will remind you when it is time.")
        return redirect("follow_up", pk=round_.pk)
    draft = services.follow_up_draft(round_, request.user, record, today=timezone.localdate())
    subject, body = str(draft["subject"]), str(draft["body"])
    feedback_draft = draft["feedback"]
    feedback = (
        (feedback_draft["subject"], feedback_draft["body"])
        if isinstance(feedback_draft, dict)
        else None
    )
    return render(
        request,
        "followup/follow_up.html",
        {
            "round": round_,
            "opportunity": round_.opportunity,
            "form": form,
            "record": record,
            "draft_subject": subject,
            "draft_body": body,
            "feedback": feedback,
            "outcomes": FollowUp.Outcome.choices,
            "mailto": mailto_link(to=record.contact_email, subject=subject, body=body),
        },
    )


@login_required
@require_POST
def follow_up_outcome(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = get_round_for_user(request, pk)
    record = services.follow_up_for(round_)
    action = request.POST.get("action", "")
    if action == "sent":
        record.sent_at = timezone.now()
        record.save(update_fields=["sent_at"])
        messages.success(request, "Follow-up marked as sent.")
    elif action == "feedback":
        record.feedback_requested_at = timezone.now()
        record.save(update_fields=["feedback_requested_at"])
        messages.success(request, "Noted that you asked for feedback.")
    elif action in FollowUp.Outcome.values:
        services.outcome_record(follow_up=record, outcome=action)
        messages.success(request, f"Recorded: {FollowUp.Outcome(action).label}.")
    else:
        messages.error(request, "Unknown action.")
    return redirect("follow_up", pk=round_.pk)


@login_required
@require_http_methods(["GET", "POST"])
def fit(request: HttpRequest, pk: int) -> HttpResponse:
    opportunity = get_opportunity_for_user(request, pk)
    criteria = services.criteria_for(opportunity)
    rounds = list(opportunity.rounds.all())
    chosen = next(
        (r for r in rounds if str(r.pk) == request.GET.get("round", "")),
        rounds[-1] if rounds else None,
    )
    scores = (
        {s.criterion_id: s for s in FitScore.objects.filter(round=chosen, criterion__in=criteria)}
        if chosen
        else {}
    )
    verdict, _ = FitVerdict.objects.get_or_create(opportunity=opportunity)
    data = request.POST if request.method == "POST" else None
    part = request.POST.get("part") if data else None
    criteria_forms = criteria_formset(
        opportunity=opportunity, data=data if part == "criteria" else None
    )
    score_form = RoundScoresForm(
        data if part == "scores" else None, criteria=criteria, initial_scores=scores
    )
    verdict_form = VerdictForm(data if part == "verdict" else None, instance=verdict)
    if part == "criteria" and criteria_forms.is_valid():
        criteria_forms.save()
        messages.success(request, "Criteria saved.")
        return redirect("fit", pk=opportunity.pk)
    if part == "scores" and chosen and score_form.is_valid():
        with transaction.atomic():
            for criterion in criteria:
                value = score_form.cleaned_data.get(f"score_{criterion.pk}")
                evidence = score_form.cleaned_data.get(f"evidence_{criterion.pk}", "")
                if value:
                    FitScore.objects.update_or_create(
                        criterion=criterion,
                        round=chosen,
                        defaults={"score": value, "evidence": evidence},
                    )
                else:
                    FitScore.objects.filter(criterion=criterion, round=chosen).delete()
        messages.success(request, f"Scores for the {chosen.label.lower()} saved.")
        return redirect(f"{request.path}?round={chosen.pk}")
    if part == "verdict" and verdict_form.is_valid():
        verdict_form.save()
        messages.success(request, "Saved your answer.")
        return redirect("fit", pk=opportunity.pk)
    if data:
        messages.error(request, "Some entries need attention; nothing was saved yet.")
    return render(
        request,
        "followup/fit.html",
        {
            "opportunity": opportunity,
            "card": selectors.scorecard(opportunity, criteria),
            "rounds": rounds,
            "chosen": chosen,
            "criteria_forms": criteria_forms,
            "score_form": score_form,
            "verdict_form": verdict_form,
        },
    )


@login_required
@require_GET
def compare(request: HttpRequest) -> HttpResponse:
    data = selectors.comparison(request.user)
    table = [(name, [data.cell(card, name) for card in data.cards]) for name in data.names]
    bars = [
        {"label": f"{card.opportunity.company}", "percent": card.percent or 0, "y": 10 + index * 34}
        for index, card in enumerate(data.cards)
    ]
    return render(
        request,
        "followup/compare.html",
        {"cards": data.cards, "table": table, "bars": bars, "chart_height": 20 + 34 * len(bars)},
    )
