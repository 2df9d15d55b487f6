from __future__ import annotations

from django import forms

from secondround.debrief.models import GlossaryTerm
from secondround.forms import Form, ModelForm, rows_formset

from .models import (
    CompanyProfile,
    InformationalInterview,
    InterviewerResearch,
    PressItem,
    SavedAnswer,
)


class CompanyProfileForm(ModelForm):
    class Meta:
        model = CompanyProfile
        fields = ["industry", "products", "launches", "competitors", "values", "social_media"]
        widgets = {
            name: forms.Textarea(attrs={"rows": 3})
            for name in ["products", "launches", "competitors", "values", "social_media"]
        }


class PressItemForm(ModelForm):
    class Meta:
        model = PressItem
        fields = ["title", "url", "published_on", "summary"]
        widgets = {
            "published_on": forms.DateInput(attrs={"type": "date"}),
            "summary": forms.Textarea(attrs={"rows": 2}),
        }


class InformationalInterviewForm(ModelForm):
    class Meta:
        model = InformationalInterview
        fields = ["person", "held_on", "takeaways"]
        widgets = {
            "held_on": forms.DateInput(attrs={"type": "date"}),
            "takeaways": forms.Textarea(attrs={"rows": 3}),
        }


def research_formsets(*, opportunity, data=None) -> dict[str, forms.BaseFormSet]:
    def inline(model, form):
        return rows_formset(type(opportunity), model, form=form, max_rows=200)

    return {
        "press": inline(PressItem, PressItemForm)(data, instance=opportunity, prefix="press"),
        "informational": inline(InformationalInterview, InformationalInterviewForm)(
            data, instance=opportunity, prefix="informational"
        ),
    }


class InterviewerResearchForm(ModelForm):
    class Meta:
        model = InterviewerResearch
        fields = ["background", "shared_experience", "talking_points", "profile_notes"]
        widgets = {
            name: forms.Textarea(attrs={"rows": 3})
            for name in ["background", "shared_experience", "talking_points", "profile_notes"]
        }


class SourceImportForm(Form):
    url = forms.URLField(
        label="Page address", max_length=1000, required=False, assume_scheme="https"
    )
    title = forms.CharField(label="Title (for pasted text)", max_length=300, required=False)
    text = forms.CharField(
        label="Or paste the page's text",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        strip=False,
    )

    def clean(self) -> dict:
        cleaned = super().clean()
        if not cleaned.get("url") and not (cleaned.get("text") or "").strip():
            raise forms.ValidationError("Give a page address, or paste the text.")
        return cleaned


class GlossaryTermForm(ModelForm):
    class Meta:
        model = GlossaryTerm
        fields = ["term", "meaning", "where_heard"]
        widgets = {"meaning": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, opportunity=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.opportunity = opportunity or self.instance.opportunity

    def clean_term(self) -> str:
        term = self.cleaned_data["term"].strip()
        clash = GlossaryTerm.objects.filter(opportunity=self.opportunity, term__iexact=term)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(f"“{term}” is already in the glossary.")
        return term


class SavedAnswerForm(ModelForm):
    class Meta:
        model = SavedAnswer
        fields = ["text"]
        labels = {"text": "Your answer"}
        widgets = {"text": forms.Textarea(attrs={"rows": 12})}
