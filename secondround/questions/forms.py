from __future__ import annotations

from django import forms

from secondround.debrief.models import AskedQuestion
from secondround.engine.nlp.vocabulary import COMPETENCIES, QUESTION_KINDS
from secondround.forms import Form, KeptSelect, ModelForm, rows_formset
from secondround.research.models import CompetencyNeed, SkillNeed

from .models import OwnQuestion


class CompetencyNeedForm(ModelForm):
    class Meta:
        model = CompetencyNeed
        fields = ["competency", "weight", "evidence"]
        widgets = {
            "weight": forms.NumberInput(attrs={"min": 0, "max": 1, "step": 0.1}),
            "evidence": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {"weight": "0 to 1: how much the posting stresses it."}


class SkillNeedForm(ModelForm):
    class Meta:
        model = SkillNeed
        fields = ["name", "kind", "evidence"]
        labels = {"name": "Skill or tool"}
        widgets = {"evidence": forms.Textarea(attrs={"rows": 2})}


def needs_formsets(*, opportunity, data=None) -> dict[str, forms.BaseFormSet]:
    def inline(model, form):
        return rows_formset(type(opportunity), model, form=form, max_rows=200)

    return {
        "competencies": inline(CompetencyNeed, CompetencyNeedForm)(
            data, instance=opportunity, prefix="competencies"
        ),
        "skills": inline(SkillNeed, SkillNeedForm)(data, instance=opportunity, prefix="skills"),
    }


class BankFilterForm(Form):
    interviewer = forms.ChoiceField(label="Interviewer", required=False, widget=KeptSelect)
    competency = forms.ChoiceField(
        label="Competency",
        required=False,
        choices=[("", "All"), *COMPETENCIES.items()],
        widget=KeptSelect,
    )
    kind = forms.ChoiceField(
        label="Kind",
        required=False,
        choices=[("", "All"), *QUESTION_KINDS.items()],
        widget=KeptSelect,
    )
    open_only = forms.BooleanField(label="Not prepared yet", required=False)

    def __init__(self, *args, interviewers=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["interviewer"].choices = [
            ("", "Everyone"),
            *((str(person.pk), person.name) for person in interviewers),
        ]


class PreparedForm(Form):
    """Mark a bank question prepared (1) or not (0); `next` is where the page came from."""

    key = forms.CharField(max_length=120)
    prepared = forms.TypedChoiceField(
        choices=[("1", "yes"), ("0", "no")], coerce=lambda v: v == "1"
    )
    next = forms.CharField(max_length=2000, required=False)


class OwnQuestionForm(Form):
    text = forms.CharField(
        label="Add your own question",
        max_length=1000,
        widget=forms.TextInput(attrs={"placeholder": "A question you expect, in your words"}),
    )


class _FilingForm(ModelForm):
    """Refile a question when the classifier filed it under the wrong heading."""

    id_prefix = "q"

    def __init__(self, *args, **kwargs) -> None:
        instance = kwargs.get("instance")
        if instance is not None and instance.pk:  # several on one page: ids must differ
            kwargs.setdefault("auto_id", f"id_{self.id_prefix}{instance.pk}_%s")
        super().__init__(*args, **kwargs)
        for name in ("competency", "kind"):
            self.fields[name].required = True


class OwnQuestionFilingForm(_FilingForm):
    id_prefix = "own"

    class Meta:
        model = OwnQuestion
        fields = ["competency", "kind"]
        widgets = {"competency": KeptSelect, "kind": KeptSelect}


class AskedQuestionFilingForm(_FilingForm):
    id_prefix = "asked"

    class Meta:
        model = AskedQuestion
        fields = ["competency", "kind"]
        widgets = {"competency": KeptSelect, "kind": KeptSelect}
