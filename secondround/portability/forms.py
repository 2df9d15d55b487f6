from django import forms
from django.conf import settings

from secondround.engine.nlp.sizes import too_large


class ExportForm(forms.Form):
    recordings = forms.BooleanField(
        label="Include the recordings of my spoken answers",
        required=False,
        help_text="The file becomes a .zip with the audio beside the data; it can be large.",
    )


class ImportForm(forms.Form):
    file = forms.FileField(label="Export file (.json, or .zip with recordings)")
    replace = forms.BooleanField(
        label="Replace everything in my account with this file",
        required=False,
        help_text="Leave unticked to add what the file has and your account lacks.",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.SECONDROUND_MAX_IMPORT_BYTES
        if upload.size > limit:
            raise forms.ValidationError(too_large(upload.size, limit))
        return upload
