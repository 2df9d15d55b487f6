"""Form behaviour every area shares."""

from __future__ import annotations

from django import forms
from django.conf import settings


class TextLimitMixin:
    """Refuse any text over the configured size with a message, instead of an error page.

    Pastes of up to SECONDROUND_MAX_PASTE_CHARS (200 kB) are fine; a bigger one is
    refused on its field and the form is shown again, so nothing saved is touched.
    """

    def clean(self) -> dict:
        cleaned = super().clean()  # type: ignore[misc]
        limit = settings.SECONDROUND_MAX_PASTE_CHARS
        for name, value in list(cleaned.items()):
            if isinstance(value, str) and len(value) > limit:
                self.add_error(  # type: ignore[attr-defined]
                    name,
                    f"This text is {len(value):,} characters; the limit is {limit:,}. "
                    "Keep the part you need.",
                )
        return cleaned


class Form(TextLimitMixin, forms.Form):
    pass


class ModelForm(TextLimitMixin, forms.ModelForm):
    pass
