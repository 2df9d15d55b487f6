"""Form behaviour every area shares."""

from __future__ import annotations

import threading
from collections import OrderedDict

from django import forms
from django.conf import settings
from django.forms.formsets import TOTAL_FORM_COUNT
from django.utils.functional import cached_property
from django.utils.safestring import SafeString


class TextLimitMixin:
    """Refuse any text over the configured size with a message, instead of an error page.

    Pastes of up to SECONDROUND_MAX_PASTE_CHARS (200 kB) are fine; a bigger one is
    refused on its field and the form is shown again, so nothing saved is touched.
    Every textarea carries the limit as data-max-chars, so that secondround.js can say the
    same before sending megabytes, and keep them in the field.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        limit = settings.SECONDROUND_MAX_PASTE_CHARS
        for field in self.fields.values():  # type: ignore[attr-defined]
            if isinstance(field.widget, forms.Textarea):
                field.widget.attrs.setdefault("data-max-chars", limit)

    def clean(self) -> dict:
        cleaned = super().clean()  # type: ignore[misc]
        limit = settings.SECONDROUND_MAX_PASTE_CHARS
        for name, value in list(cleaned.items()):
            # A browser sends a form's line breaks as \r\n (htmx sends \n): count one each.
            length = len(value.replace("\r\n", "\n")) if isinstance(value, str) else 0
            if length > limit:
                self.add_error(  # type: ignore[attr-defined]
                    name,
                    f"This text is {length:,} characters; the limit is {limit:,}. "
                    "Keep the part you need.",
                )
        return cleaned


class Form(TextLimitMixin, forms.Form):
    pass


class ModelForm(TextLimitMixin, forms.ModelForm):
    pass


class RowLimitMixin:
    """Refuse a POST that claims more rows than `absolute_max` before building any row.

    Django builds min(TOTAL_FORMS, absolute_max) forms and only then says there are too
    many, and absolute_max defaults to max_num + 1000: a forged TOTAL_FORMS of 100,000
    cost seconds per formset. Here the claim is checked first and no row is built.
    Set absolute_max to max_num in the factory so that the two limits are one.
    """

    default_error_messages = {
        "too_many_forms": "This list holds at most %(num)d rows, and the page sent more, "
        "so nothing was saved. Reload the page and try again.",
    }

    @cached_property
    def forms(self) -> list:
        if self._claims_too_many_rows():
            return []
        return super().forms  # type: ignore[misc]

    def _claims_too_many_rows(self) -> bool:
        if not self.is_bound:  # type: ignore[attr-defined]
            return False
        management = self.management_form  # type: ignore[attr-defined]
        return management.is_valid() and (
            management.cleaned_data[TOTAL_FORM_COUNT] > self.absolute_max  # type: ignore[attr-defined]
        )


class FormSet(RowLimitMixin, forms.BaseFormSet):
    pass


class InlineFormSet(RowLimitMixin, forms.BaseInlineFormSet):
    pass


class ModelFormSet(RowLimitMixin, forms.BaseModelFormSet):
    pass


def rows_formset(parent_model, model, *, form, max_rows: int, extra: int = 1):
    """An editable list of a parent's rows: one empty row to add, deletable rows, and at
    most `max_rows`, refused before any row is built when a POST claims more."""
    return forms.inlineformset_factory(
        parent_model,
        model,
        form=form,
        formset=InlineFormSet,
        extra=extra,
        can_delete=True,
        max_num=max_rows,
        absolute_max=max_rows,
    )


class KeptSelect(forms.Select):
    """A select rendered once for each (name, value, attributes, choices) and kept.

    The bank page shows a refile form (two selects of 20-40 options) for each question the
    user typed, on every view; rendering them through the widget templates was a third of
    the page's CPU. Everything the HTML depends on is in the key, so a change is a new key.
    """

    _kept: OrderedDict[tuple, SafeString] = OrderedDict()
    _lock = threading.Lock()
    KEEP = 2048

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        final = self.build_attrs(self.attrs, attrs)
        key = (
            type(self),
            name,
            repr(self.format_value(value)),
            repr(sorted(final.items())),
            repr(list(self.choices)),
            self.is_required,
            self.allow_multiple_selected,
            type(renderer),
        )
        with self._lock:
            if key in self._kept:
                self._kept.move_to_end(key)
                return self._kept[key]
        html = super().render(name, value, attrs, renderer)
        with self._lock:
            self._kept[key] = html
            while len(self._kept) > self.KEEP:
                self._kept.popitem(last=False)
        return html
