"""Error pages a person can read: what happened, whether anything was saved, what to do."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.html import escape

from secondround.engine.nlp.sizes import describe_size


def _refusal(exception: Exception | None) -> tuple[int, str, str]:
    """(status, title, message) for a request Django would not read."""
    if isinstance(exception, RequestDataTooBig):
        limit = describe_size(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
        return (
            413,
            "Too much to send at once",
            f"What this page sent is larger than the {limit} Second Round reads in one go, "
            "so nothing was saved. If you pasted a long text, keep the part you need and "
            "send it again (your browser's Back button usually still has it).",
        )
    if isinstance(exception, (TooManyFieldsSent, TooManyFilesSent)):
        return (
            400,
            "Too many fields",
            "This page sent more fields than any form here has, so nothing was saved. "
            "Reload the page and try again.",
        )
    return (
        400,
        "The request could not be read",
        "Nothing was saved. Go back, reload the page and try again.",
    )


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """handler400: a refused request (too large, too many fields, a bad host) explained.

    An HTMX request gets the message alone, to show where its answer would have gone
    (base.html lets htmx swap 400 and 413); what the user typed stays in the form.
    """
    status, title, message = _refusal(exception)
    is_htmx = request.headers.get("HX-Request") == "true"
    template = "includes/_request_error.html" if is_htmx else "400.html"
    try:
        return render(request, template, {"title": title, "message": message}, status=status)
    except Exception:  # the page itself must never become a 500
        return HttpResponse(f"<h1>{escape(title)}</h1><p>{escape(message)}</p>", status=status)
