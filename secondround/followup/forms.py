from __future__ import annotations

from django import forms

from secondround.forms import Form, ModelForm, rows_formset

from .models import FitCriterion, FitVerdict, FollowUp, InterviewerNote, Letter

NOTE_WIDGET = forms.Textarea(attrs={"rows": 2})


class InterviewerNoteForm(ModelForm):
    class Meta:
        model = InterviewerNote
        fields = ["discussed", "cares_about", "worries", "personal"]
        widgets = {name: NOTE_WIDGET for name in fields}


class QuickNotesForm(Form):
    text = forms.CharField(
        label="Paste or type your notes on this person",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )


class LetterForm(ModelForm):
    class Meta:
        model = Letter
        fields = ["subject", "body", "card"]
        widgets = {
            "body": forms.Textarea(attrs={"rows": 10}),
            "card": forms.Textarea(attrs={"rows": 4}),
        }


class FollowUpForm(ModelForm):
    class Meta:
        model = FollowUp
        fields = ["decision_expected_on", "follow_up_on", "contact_name", "contact_email"]
        widgets = {
            "decision_expected_on": forms.DateInput(attrs={"type": "date"}),
            "follow_up_on": forms.DateInput(attrs={"type": "date"}),
        }
        help_texts = {"follow_up_on": "Leave empty: three working days after their date."}


class CriterionForm(ModelForm):
    class Meta:
        model = FitCriterion
        fields = ["name", "weight"]
        widgets = {"weight": forms.NumberInput(attrs={"min": 1, "max": 5})}
        help_texts = {"weight": "1 (nice to have) to 5 (essential)."}


def criteria_formset(*, opportunity, data=None):
    factory = rows_formset(type(opportunity), FitCriterion, form=CriterionForm, max_rows=30)
    return factory(data, instance=opportunity, prefix="criteria")


class RoundScoresForm(Form):
    """One 1–5 score and a line of evidence per criterion, for one round."""

    def __init__(self, *args, criteria, initial_scores=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        initial_scores = initial_scores or {}
        for criterion in criteria:
            score = initial_scores.get(criterion.pk)
            self.fields[f"score_{criterion.pk}"] = forms.TypedChoiceField(
                label=f"{criterion.name} (weight {criterion.weight})",
                choices=[("", "—"), *((n, str(n)) for n in range(1, 6))],
                coerce=int,
                empty_value=None,
                required=False,
                initial=score.score if score else "",
            )
            self.fields[f"evidence_{criterion.pk}"] = forms.CharField(
                label=f"Evidence for “{criterion.name}”",
                required=False,
                initial=score.evidence if score else "",
                widget=forms.TextInput(attrs={"placeholder": "What you saw or heard"}),
            )

    def rows(self):
        return [(c, self[f"score_{c.pk}"], self[f"evidence_{c.pk}"]) for c in self.criteria]


class VerdictForm(ModelForm):
    class Meta:
        model = FitVerdict
        fields = ["would_accept", "reasons"]
        widgets = {"would_accept": forms.RadioSelect, "reasons": forms.Textarea(attrs={"rows": 3})}
