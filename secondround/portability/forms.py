from django import forms
from django.conf import settings


class ImportForm(forms.Form):
    file = forms.FileField(label="Export file (.json)")
    replace = forms.BooleanField(
        label="Replace everything in my account with this file",
        required=False,
        help_text="Leave unticked to add the file's opportunities to what you have.",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.SECONDROUND_MAX_IMPORT_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                f"This file is {upload.size / 1e6:.1f} MB; the limit is {limit / 1e6:.0f} MB."
            )
        return upload
