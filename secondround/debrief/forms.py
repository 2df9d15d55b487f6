from __future__ import annotations

from django import forms

from secondround.forms import Form, FormSet, ModelForm, ModelFormSet, rows_formset

from .models import AskedQuestion, Concern, Debrief, GlossaryTerm, Observation


class NotesPasteForm(Form):
    notes = forms.CharField(
        label="Your notes from the interview",
        widget=forms.Textarea(
            attrs={
                "rows": 10,
                "placeholder": "Type or paste anything: questions and how they went, what "
                "landed, what you forgot, worries they hinted at, names of products…",
            }
        ),
        strip=False,
    )


class DebriefForm(ModelForm):
    class Meta:
        model = Debrief
        fields = ["challenges", "reviewed_with", "review_notes", "raw_notes"]
        widgets = {
            "challenges": forms.Textarea(attrs={"rows": 4}),
            "review_notes": forms.Textarea(attrs={"rows": 3}),
            "raw_notes": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["raw_notes"].strip = False  # kept exactly as pasted


class QuestionForm(ModelForm):
    class Meta:
        model = AskedQuestion
        fields = ["text", "went", "my_answer", "wish_i_said"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 2}),
            "my_answer": forms.Textarea(attrs={"rows": 2}),
            "wish_i_said": forms.Textarea(attrs={"rows": 2}),
        }


class ObservationForm(ModelForm):
    class Meta:
        model = Observation
        fields = ["kind", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}


class ConcernForm(ModelForm):
    class Meta:
        model = Concern
        fields = ["said", "raised_by", "planned_answer"]
        widgets = {
            "said": forms.Textarea(attrs={"rows": 2}),
            "planned_answer": forms.Textarea(attrs={"rows": 2}),
        }


class HeardTermForm(ModelForm):
    class Meta:
        model = GlossaryTerm
        fields = ["term", "meaning", "where_heard"]
        widgets = {"meaning": forms.Textarea(attrs={"rows": 2})}


# Where an item the engine could not place can go: one click each, or drop it.
SORT_PLACES = [
    ("questions", "A question"),
    ("positives", "Went well"),
    ("misses", "Forgot"),
    ("concerns", "Their concern"),
    ("terms", "A term"),
    ("drop", "Drop it"),
]
_GUESS_LABELS = {**dict(SORT_PLACES), "other": "none of these"}


class ToSortForm(Form):
    """An item from pasted notes that waits for the user to say where it goes."""

    text = forms.CharField(label="What you wrote", widget=forms.Textarea(attrs={"rows": 2}))
    place = forms.ChoiceField(
        label="Where it goes",
        choices=SORT_PLACES,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose where this goes, or drop it."},
    )
    went = forms.ChoiceField(
        choices=[("", ""), *AskedQuestion.Went.choices], required=False, widget=forms.HiddenInput
    )
    guess = forms.CharField(required=False, widget=forms.HiddenInput)

    @property
    def guess_label(self) -> str:
        return _GUESS_LABELS.get(str(self.initial.get("guess", "")), "")


def to_sort_formset(*, data=None, initial: list[dict] | None = None) -> forms.BaseFormSet:
    """The "to sort" list; empty (and not required in a POST) when the notes had none."""
    factory = forms.formset_factory(
        ToSortForm, formset=FormSet, extra=0, max_num=200, absolute_max=200
    )
    if data is not None and "to_sort-TOTAL_FORMS" not in data:
        data = None  # a page without the list: nothing to sort
    return factory(data, prefix="to_sort", initial=initial)


def _inline(model, form, extra: int):
    return rows_formset(Debrief, model, form=form, max_rows=200, extra=extra)


def debrief_formsets(
    *, debrief: Debrief, data=None, new: dict[str, list[dict]] | None = None
) -> dict[str, forms.BaseFormSet]:
    """The four lists of a debrief, with `new` rows (from pasted notes) added for review."""
    new = new or {}
    questions = _inline(AskedQuestion, QuestionForm, len(new.get("questions", [])) or 1)
    observations = _inline(Observation, ObservationForm, len(new.get("observations", [])) or 1)
    concerns = _inline(Concern, ConcernForm, len(new.get("concerns", [])) or 1)
    terms = forms.modelformset_factory(
        GlossaryTerm,
        form=HeardTermForm,
        formset=ModelFormSet,
        extra=len(new.get("terms", [])) or 1,
        can_delete=True,
        max_num=200,
        absolute_max=200,
    )
    return {
        "questions": questions(
            data, instance=debrief, prefix="questions", initial=new.get("questions")
        ),
        "observations": observations(
            data, instance=debrief, prefix="observations", initial=new.get("observations")
        ),
        "concerns": concerns(
            data, instance=debrief, prefix="concerns", initial=new.get("concerns")
        ),
        "terms": terms(
            data,
            queryset=GlossaryTerm.objects.filter(heard_in=debrief.round),
            prefix="terms",
            initial=new.get("terms"),
        ),
        "to_sort": to_sort_formset(data=data, initial=new.get("to_sort")),
    }
