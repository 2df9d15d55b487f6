from __future__ import annotations

import hmac

from django import forms
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm, UserCreationForm
from django.utils import timezone

from . import throttle

WRONG_CODE = "This is not the organisation's code. Check it with whoever runs Second Round for you."


class SignUpForm(UserCreationForm):
    """Username and password only: nothing about the candidate is needed to start.

    With SECONDROUND_SIGNUP=code the form also asks for the organisation's code.
    """

    def __init__(self, *args, ask_code: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if ask_code:
            self.fields["code"] = forms.CharField(
                label="Organisation code",
                max_length=200,
                help_text="The code your career centre or agency gave you.",
            )
            self.order_fields(["code"])

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].strip()
        if not hmac.compare_digest(code.encode(), settings.SECONDROUND_SIGNUP_CODE.encode()):
            raise forms.ValidationError(WRONG_CODE, code="wrong_code")
        return code


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
