from __future__ import annotations

from django import forms

from secondround.forms import Form


class TypedAnswerForm(Form):
    answer = forms.CharField(
        label="Your answer",
        widget=forms.Textarea(attrs={"rows": 10, "id": "answer"}),
        error_messages={"required": "Type your answer first (or record it)."},
    )


class ProgressFilterForm(Form):
    question = forms.CharField(max_length=120, required=False)
