from __future__ import annotations

from django import forms

from secondround.forms import Form, ModelForm, rows_formset

from .models import NinetyDayPlan, SalaryEntry, SalaryPlan
from .selectors import research_currency

CURRENCY_HELP = "Three letters: USD, GBP, EUR…"


class AskPinForm(Form):
    """Keep a suggested question: its library id (if any) and its text."""

    library_id = forms.CharField(max_length=40, required=False)
    text = forms.CharField(max_length=1000)


class AskAddForm(Form):
    text = forms.CharField(label="Your own question", max_length=1000)


class AskEditForm(Form):
    text = forms.CharField(
        label="Question", max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )


class PlanForm(ModelForm):
    class Meta:
        model = NinetyDayPlan
        fields = ["learn", "contribute", "lead"]
        widgets = {name: forms.Textarea(attrs={"rows": 6}) for name in fields}
        help_texts = {"learn": "One goal per line: “goal — how success is measured”."}


class SalaryEntryForm(ModelForm):
    class Meta:
        model = SalaryEntry
        fields = ["source", "low", "high", "currency", "as_of"]
        widgets = {"as_of": forms.DateInput(attrs={"type": "date"})}
        help_texts = {"currency": CURRENCY_HELP}

    def clean_currency(self) -> str:
        currency = self.cleaned_data["currency"].strip().upper()
        if len(currency) != 3 or not currency.isalpha():
            raise forms.ValidationError("Use a three-letter currency code such as USD or EUR.")
        return currency

    def clean(self) -> dict:
        cleaned = super().clean()
        low, high = cleaned.get("low"), cleaned.get("high")
        if low is not None and high is not None and high < low:
            self.add_error("high", "The top of the range is below the bottom.")
        return cleaned


def salary_entries_formset(*, opportunity, data=None):
    factory = rows_formset(type(opportunity), SalaryEntry, form=SalaryEntryForm, max_rows=50)
    # The row to add speaks the currency already in use.
    currency = research_currency(opportunity)
    initial = [{"currency": currency}] if currency else None
    return factory(data, instance=opportunity, prefix="entries", initial=initial)


class SalaryPlanForm(ModelForm):
    class Meta:
        model = SalaryPlan
        fields = ["currency", "target", "walk_away", "benefits", "notes"]
        widgets = {
            "benefits": forms.Textarea(attrs={"rows": 4}),
            "notes": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {"currency": CURRENCY_HELP}

    def clean_currency(self) -> str:
        currency = self.cleaned_data["currency"].strip().upper()
        if len(currency) != 3 or not currency.isalpha():
            raise forms.ValidationError("Use a three-letter currency code such as USD or EUR.")
        return currency

    def clean(self) -> dict:
        cleaned = super().clean()
        target, walk_away = cleaned.get("target"), cleaned.get("walk_away")
        if target is not None and walk_away is not None and walk_away > target:
            self.add_error("walk_away", "Your walk-away point is above your target.")
        return cleaned
