"""Writes of the research area."""

from __future__ import annotations

from datetime import datetime

from django import forms
from django.conf import settings
from django.db import transaction

from secondround.debrief.models import GlossaryTerm
from secondround.opportunities.models import Opportunity

from .fetch import FetchError, fetch_page
from .models import ResearchSource, SavedAnswer


@transaction.atomic
def research_save(*, profile_form: forms.ModelForm, formsets: dict[str, forms.BaseFormSet]) -> None:
    profile_form.save()
    for formset in formsets.values():
        formset.save()


def source_fetch(*, opportunity: Opportunity, url: str) -> ResearchSource:
    """Fetch a page and keep its main text. Raises FetchError with a message for the user."""
    page = fetch_page(
        url,
        allow_private=settings.SECONDROUND_FETCH_ALLOW_PRIVATE,
        timeout=settings.SECONDROUND_FETCH_TIMEOUT,
        max_bytes=settings.SECONDROUND_FETCH_MAX_BYTES,
    )
    if len(page.text) > settings.SECONDROUND_MAX_PASTE_CHARS:
        raise FetchError("The page's text is too long to keep; paste the part you need.")
    return ResearchSource.objects.create(
        opportunity=opportunity,
        url=page.url,
        title=(page.title or "")[:300],
        text=page.text,
        method=ResearchSource.Method.FETCHED,
        retrieved_at=page.fetched_at,
    )


def source_paste(
    *, opportunity: Opportunity, url: str, title: str, text: str, now: datetime
) -> ResearchSource:
    return ResearchSource.objects.create(
        opportunity=opportunity,
        url=url,
        title=title,
        text=text.strip(),
        method=ResearchSource.Method.PASTED,
        retrieved_at=now,
    )


def glossary_add(
    *, opportunity: Opportunity, term: str, source: str, where: str = ""
) -> GlossaryTerm:
    existing = GlossaryTerm.objects.filter(opportunity=opportunity, term__iexact=term).first()
    if existing:
        return existing
    return GlossaryTerm.objects.create(
        opportunity=opportunity, term=term, source=source, where_heard=where
    )


def answer_save(*, opportunity: Opportunity, kind: str, text: str) -> SavedAnswer:
    answer, _ = SavedAnswer.objects.update_or_create(
        opportunity=opportunity, kind=kind, defaults={"text": text}
    )
    return answer
