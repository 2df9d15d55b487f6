"""Writes of the debrief: one transaction for the whole page."""

from __future__ import annotations

from django import forms
from django.db import transaction

from secondround.engine.notes import SplitNotes
from secondround.opportunities.models import Round
from secondround.research.models import GlossaryTerm

from .models import Debrief


def debrief_for_round(round: Round) -> Debrief:
    debrief, _ = Debrief.objects.get_or_create(round=round)
    return debrief


def rows_from_notes(split: SplitNotes) -> dict[str, list[dict]]:
    """Initial data for the review rows that pasted notes add to the debrief."""
    return {
        "questions": [{"text": q.text, "went": q.went or ""} for q in split.questions],
        "observations": [{"kind": "positive", "text": text} for text in split.positives]
        + [{"kind": "miss", "text": text} for text in split.misses],
        "concerns": [{"said": text} for text in split.concerns],
        "terms": [{"term": term} for term in split.terms],
    }


@transaction.atomic
def debrief_save(
    *, debrief: Debrief, debrief_form: forms.ModelForm, formsets: dict[str, forms.BaseFormSet]
) -> None:
    """Save the debrief page; a term already in the glossary is kept once, not duplicated."""
    debrief_form.save()
    for name in ("questions", "observations", "concerns"):
        formsets[name].save()
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


def _merge_into(pk: int, heard: GlossaryTerm) -> None:
    kept = GlossaryTerm.objects.get(pk=pk)
    kept.meaning = kept.meaning or heard.meaning
    kept.where_heard = kept.where_heard or heard.where_heard
    kept.save(update_fields=["meaning", "where_heard"])
