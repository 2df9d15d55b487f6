"""Writes of the question area."""

from __future__ import annotations

from django import forms
from django.db import transaction

from secondround.engine.questions.classify import classify_question
from secondround.engine.reading.posting_analysis import analyse_posting
from secondround.opportunities.models import Opportunity, Round, opportunities_changed
from secondround.research.models import CompetencyNeed, Origin, SkillNeed

from .models import OwnQuestion, PreparedQuestion


@transaction.atomic
def posting_analyse(*, opportunity: Opportunity) -> tuple[int, int]:
    """Replace what the engine found before; keep everything the user added or changed."""
    analysis = analyse_posting(opportunity.posting_text)
    CompetencyNeed.objects.filter(opportunity=opportunity, origin=Origin.ENGINE).delete()
    SkillNeed.objects.filter(opportunity=opportunity, origin=Origin.ENGINE).delete()
    kept_competencies = set(
        CompetencyNeed.objects.filter(opportunity=opportunity).values_list("competency", flat=True)
    )
    kept_skills = {
        name.lower()
        for name in SkillNeed.objects.filter(opportunity=opportunity).values_list("name", flat=True)
    }
    needs = [
        CompetencyNeed(
            opportunity=opportunity,
            competency=need.id,
            weight=round(need.weight, 2),
            evidence=need.evidence[0].sentence if need.evidence else "",
            origin=Origin.ENGINE,
        )
        for need in analysis.competencies
        if need.id not in kept_competencies
    ]
    skills = [
        SkillNeed(
            opportunity=opportunity,
            name=skill.name[:200],
            kind=skill.type if skill.type in SkillNeed.Kind.values else "",
            evidence=skill.evidence[0].sentence if skill.evidence else "",
            origin=Origin.ENGINE,
            position=index,
        )
        for index, skill in enumerate(analysis.skills)
        if skill.name.lower() not in kept_skills
    ]
    CompetencyNeed.objects.bulk_create(needs)
    SkillNeed.objects.bulk_create(skills)
    opportunities_changed(Opportunity.objects.filter(pk=opportunity.pk))  # no signals
    return len(needs), len(skills)


@transaction.atomic
def needs_save(*, formsets: dict[str, forms.BaseFormSet]) -> None:
    """Edited rows become the user's own, so a later re-analysis keeps them."""
    for formset in formsets.values():
        for form in formset.forms:
            if form in formset.deleted_forms:
                if form.instance.pk:
                    form.instance.delete()
                continue
            if not form.has_changed():
                continue
            row = form.save(commit=False)
            row.origin = Origin.MINE
            row.save()


def question_set_prepared(*, round: Round, key: str, prepared: bool) -> None:
    if prepared:
        PreparedQuestion.objects.get_or_create(round=round, key=key[:120])
    else:
        PreparedQuestion.objects.filter(round=round, key=key).delete()


def own_question_add(*, round: Round, text: str) -> OwnQuestion:
    labels = classify_question(text)
    return OwnQuestion.objects.create(
        round=round, text=text.strip(), competency=labels.competency, kind=labels.kind
    )
