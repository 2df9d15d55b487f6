from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.functional import lazy

from secondround.engine.nlp.sizes import describe_size
from secondround.engine.nlp.vocabulary import COMPETENCIES
from secondround.forms import Form, FormSet, ModelForm

from .models import Story

STAR_WIDGET = forms.Textarea(attrs={"rows": 3})


class StoryForm(ModelForm):
    competencies = forms.MultipleChoiceField(
        choices=list(COMPETENCIES.items()),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Leave empty and Second Round suggests them from the story.",
    )

    class Meta:
        model = Story
        fields = [
            "title",
            "situation",
            "task",
            "action",
            "result",
            "metric",
            "metric_before",
            "metric_after",
            "employer",
            "role",
            "year",
            "competencies",
            "skills",
            "how_acquired",
            "learned",
        ]
        widgets = {
            "situation": STAR_WIDGET,
            "task": STAR_WIDGET,
            "action": forms.Textarea(attrs={"rows": 5}),
            "result": STAR_WIDGET,
            "how_acquired": forms.Textarea(attrs={"rows": 2}),
            "learned": forms.Textarea(attrs={"rows": 2}),
        }


class ResumeUploadForm(Form):
    file = forms.FileField(
        label="Your résumé",
        required=False,
        help_text=lazy(
            lambda: (
                "JSON Resume (.json), PDF, Word (.docx) or plain text, up to "
                f"{describe_size(settings.SECONDROUND_MAX_RESUME_BYTES)}."
            ),
            str,
        )(),
    )
    text = forms.CharField(
        label="Or paste its text",
        required=False,
        max_length=200_000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="When a file cannot be read, copy the résumé's text and paste it here.",
    )

    def clean(self) -> dict:
        cleaned = super().clean()
        if not cleaned.get("file") and not (cleaned.get("text") or "").strip():
            raise forms.ValidationError("Choose the résumé file, or paste its text.")
        return cleaned

    def resume(self) -> tuple[bytes, str]:
        """The résumé's bytes and a file name to read them by: the file, else the text."""
        upload = self.cleaned_data.get("file")
        if upload:
            return upload.read(), upload.name
        return self.cleaned_data["text"].encode("utf-8"), "pasted.txt"


class DraftStoryForm(Form):
    keep = forms.BooleanField(label="Keep", required=False, initial=True)
    title = forms.CharField(max_length=200)
    action = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}))
    result = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)
    metric = forms.CharField(label="The number", max_length=200, required=False)
    metric_before = forms.CharField(label="Before", max_length=60, required=False)
    metric_after = forms.CharField(label="After", max_length=60, required=False)
    employer = forms.CharField(max_length=200, required=False)
    role = forms.CharField(max_length=200, required=False)
    year = forms.CharField(max_length=20, required=False)


DraftStoryFormSet = forms.formset_factory(
    DraftStoryForm, formset=FormSet, extra=0, max_num=300, absolute_max=300
)
