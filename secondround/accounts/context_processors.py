from django.conf import settings
from django.http import HttpRequest


def signup(request: HttpRequest) -> dict[str, str]:
    """`signup_mode` for the navigation: no "Sign up" link where sign-up is closed."""
    return {"signup_mode": settings.SECONDROUND_SIGNUP}
