from __future__ import annotations

import hmac

from django import forms
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, UserCreationForm
from django.utils import timezone

from . import throttle

WRONG_CODE = "This is not the organisation's code. Check it with whoever runs Second Round for you."


NAME_HELP = {
    "first_name": "As you sign your letters. Kept on this machine.",
    "last_name": "Leave it empty if you go by one name.",
}
NO_NAME = "Give the name you sign letters with."


class _NameFields:
    """First and last name in Django's own user fields, at least one of them given."""

    cleaned_data: dict

    def _name_fields_setup(self) -> None:
        fields = self.fields  # type: ignore[attr-defined]
        for name, help_text in NAME_HELP.items():
            fields[name].required = False
            fields[name].help_text = help_text
        fields["first_name"].label = "First name"
        fields["last_name"].label = "Last name"

    def _name_check(self, cleaned: dict) -> dict:
        for name in NAME_HELP:
            cleaned[name] = " ".join((cleaned.get(name) or "").split())
        if not cleaned["first_name"] and not cleaned["last_name"]:
            self.add_error("first_name", NO_NAME)  # type: ignore[attr-defined]
        return cleaned


class SignUpForm(_NameFields, UserCreationForm):
    """A username, the name the candidate signs letters with, and a password.

    With SECONDROUND_SIGNUP=code the form also asks for the organisation's code.
    """

    class Meta(UserCreationForm.Meta):
        fields = ("username", "first_name", "last_name")

    def __init__(self, *args, ask_code: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._name_fields_setup()
        if ask_code:
            self.fields["code"] = forms.CharField(
                label="Organisation code",
                max_length=200,
                help_text="The code your career centre or agency gave you.",
            )
            self.order_fields(["code"])

    def clean(self) -> dict:
        return self._name_check(super().clean())

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].strip()
        if not hmac.compare_digest(code.encode(), settings.SECONDROUND_SIGNUP_CODE.encode()):
            raise forms.ValidationError(WRONG_CODE, code="wrong_code")
        return code


class NameForm(_NameFields, forms.ModelForm):
    """The name letters, follow-ups and briefs are signed with."""

    class Meta:
        model = get_user_model()
        fields = ("first_name", "last_name")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._name_fields_setup()

    def clean(self) -> dict:
        return self._name_check(super().clean())


class ThrottledMixin:
    """A log-in form refused while the account or the address is locked.

    The lock is checked before the password, so a locked account tells nothing about it.
    """

    request: object
    cleaned_data: dict

    def clean(self) -> dict:
        username = self.cleaned_data.get("username") or ""
        address = throttle.client_address(self.request)
        now = timezone.now()
        lock = throttle.lockout(
            username=username,
            address=address,
            now=now,
            known_device=throttle.is_known_device(self.request, username),
        )
        if lock:
            raise forms.ValidationError(throttle.lockout_message(lock, now), code="throttled")
        try:
            return super().clean()  # type: ignore[misc]
        except forms.ValidationError:
            throttle.failure_record(username=username, address=address, now=now)
            raise


class ThrottledAuthenticationForm(ThrottledMixin, AuthenticationForm):
    """Django's log-in form, throttled."""


class ThrottledAdminAuthenticationForm(ThrottledMixin, AdminAuthenticationForm):
    """The admin's log-in form (staff only), throttled the same way."""
