"""Writes of the debrief: one transaction for the whole page."""

from __future__ import annotations

from django import forms
from django.db import transaction

from secondround.engine.reading.notes import SplitNotes
from secondround.opportunities.models import Round

from .models import AskedQuestion, Concern, Debrief, GlossaryTerm, Observation


def debrief_for_round(round: Round) -> Debrief:
    debrief, _ = Debrief.objects.get_or_create(round=round)
    return debrief


def rows_from_notes(split: SplitNotes) -> dict[str, list[dict]]:
    """Initial data for the review rows that pasted notes add to the debrief."""
    return {
        "questions": [
            {"text": q.text, "went": q.went or "", "my_answer": q.answer or ""}
            for q in split.questions
        ],
        "observations": [{"kind": "positive", "text": text} for text in split.positives]
        + [{"kind": "miss", "text": text} for text in split.misses],
        "concerns": [{"said": text} for text in split.concerns],
        "terms": [{"term": term} for term in split.terms],
        "to_sort": [
            {"text": item.text, "guess": item.guess, "went": item.went or ""}
            for item in split.to_sort
        ],
    }


@transaction.atomic
def debrief_save(
    *, debrief: Debrief, debrief_form: forms.ModelForm, formsets: dict[str, forms.BaseFormSet]
) -> None:
    """Save the debrief page; a term already in the glossary is kept once, not duplicated."""
    debrief_form.save()
    for name in ("questions", "observations", "concerns"):
        formsets[name].save()
    _file_sorted_items(debrief, formsets.get("to_sort"))
    round = debrief.round
    terms = formsets["terms"]
    existing = {
        term.lower(): pk
        for pk, term in GlossaryTerm.objects.filter(opportunity=round.opportunity).values_list(
            "pk", "term"
        )
    }
    for form in terms.deleted_forms:
        if form.instance.pk:
            form.instance.delete()
    for form in terms.forms:
        if form in terms.deleted_forms or not form.has_changed() or not form.is_valid():
            continue
        term = form.save(commit=False)
        clash = existing.get(term.term.lower())
        if clash and clash != term.pk:
            _merge_into(clash, term)
            continue
        term.opportunity = round.opportunity
        term.heard_in = round
        term.source = GlossaryTerm.Source.DEBRIEF
        term.where_heard = term.where_heard or round.label
        term.save()
        existing[term.term.lower()] = term.pk


def _file_sorted_items(debrief: Debrief, to_sort: forms.BaseFormSet | None) -> None:
    """File each item of the "to sort" list where the user put it (or nowhere: drop)."""
    if to_sort is None or not to_sort.is_bound:
        return
    for form in to_sort.forms:
        place = form.cleaned_data.get("place")
        text = form.cleaned_data.get("text", "").strip()
        if not text or place in (None, "drop"):
            continue
        if place == "questions":
            went = form.cleaned_data.get("went") or ""
            AskedQuestion.objects.create(debrief=debrief, text=text, went=went)
        elif place == "positives":
            Observation.objects.create(debrief=debrief, kind=Observation.Kind.POSITIVE, text=text)
        elif place == "misses":
            Observation.objects.create(debrief=debrief, kind=Observation.Kind.MISS, text=text)
        elif place == "concerns":
            Concern.objects.create(debrief=debrief, said=text)
        elif place == "terms":
            round = debrief.round
            term = text[: GlossaryTerm._meta.get_field("term").max_length]
            if not GlossaryTerm.objects.filter(
                opportunity=round.opportunity, term__iexact=term
            ).exists():
                GlossaryTerm.objects.create(
                    opportunity=round.opportunity,
                    term=term,
                    heard_in=round,
                    source=GlossaryTerm.Source.DEBRIEF,
                    where_heard=round.label,
                )


def _merge_into(pk: int, heard: GlossaryTerm) -> None:
    kept = GlossaryTerm.objects.get(pk=pk)
    kept.meaning = kept.meaning or heard.meaning
    kept.where_heard = kept.where_heard or heard.where_heard
    kept.save(update_fields=["meaning", "where_heard"])
