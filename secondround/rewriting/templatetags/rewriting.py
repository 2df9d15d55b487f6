"""{% rewrite_box "letter" letter.pk %}: the “Rewrite with my model” box beside a draft,
shown only when the person has a model configured (nothing is looked up otherwise)."""

from __future__ import annotations

from django import template
from django.http import Http404

from secondround.assistant import services
from secondround.rewriting.drafts import Draft, draft_for
from secondround.rewriting.views import box_context

register = template.Library()


def model_configured(request) -> bool:
    """Once per request: is a model configured for this person?"""
    if not hasattr(request, "_model_configured"):
        user = getattr(request, "user", None)
        configured = bool(user and user.is_authenticated and services.server_for(user))
        request._model_configured = configured
    return request._model_configured


@register.inclusion_tag("rewriting/_rewrite_or_nothing.html", takes_context=True)
def rewrite_box(context, kind: str, pk: int) -> dict:
    request = context.get("request")
    if request is None or not model_configured(request):
        return {"draft": None}
    try:
        draft = draft_for(request.user, kind, pk)
    except Http404:
        return {"draft": None}
    return box_context(request, draft) | {"csrf_token": context.get("csrf_token")}


@register.filter
def rewrite_mailto(draft: Draft, text: str) -> str:
    return draft.mailto(text)
