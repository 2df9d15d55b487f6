"""Response headers Django 5.2 does not set itself: the Content-Security-Policy."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse


class ContentSecurityPolicyMiddleware:
    """Send SECONDROUND_CONTENT_SECURITY_POLICY with every response that has none.

    With no inline script allowed, text a user typed that ever reached a page as markup
    still could not run. The templates hold no inline script, style or on* handler (a
    test reads every page for them), so nothing of ours is blocked.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.policy = settings.SECONDROUND_CONTENT_SECURITY_POLICY

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if self.policy:
            response.headers.setdefault("Content-Security-Policy", self.policy)
        return response
