"""`{% comments_for item %}` and `{% bank_comments round key %}`: comments beside an item.

On the candidate's own pages: every comment on the item, each with "mark done". On a
coach's read-only page (the view puts `grant` in the context): that coach's own comments
and, where the share names the item's section, a form to add one. Nothing at all where
there is nothing to show, so pages of candidates who share nothing are unchanged.
"""

from __future__ import annotations

import itertools

from django import template
from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.safestring import mark_safe

from secondround.engine.nlp.vocabulary import COMPETENCIES

from ..forms import CommentForm, RatingForm
from ..selectors import comments_by_item
from ..targets import BY_MODEL, TARGETS, Target

register = template.Library()
_form_ids = itertools.count(1)


def _render(context, target: Target, lookup: object, pk: int, key: str = "") -> str:
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return ""
    grant = context.get("grant")
    share = grant.share if grant is not None else None
    owner_id = grant.owner_id if grant is not None else request.user.pk
    author_id = request.user.pk if share is not None else None
    # One query per kind of comment per page, whatever the number of items on it.
    cache = request.__dict__.setdefault("_sharing_comments", {})
    cache_key = (target.comment_model, owner_id, author_id)
    if cache_key not in cache:
        cache[cache_key] = comments_by_item(
            target.comment_model, owner_id=owner_id, author_id=author_id
        )
    comments = cache[cache_key].get(lookup, [])
    can_comment = share is not None and share.allows(target.section)
    if not comments and not can_comment:
        return ""
    form_class = RatingForm if target.kind == "attempt" else CommentForm
    if comments:
        form = None
        if can_comment:
            form = form_class(auto_id=f"comment{next(_form_ids)}-%s", initial={"key": key})
        is_owner = share is None and owner_id == request.user.pk
        return _aside(request, target, pk, comments, form, is_owner=is_owner)
    # Only a form: the same under each item of its kind (each of a bank's hundred
    # questions) but for its ids, item and key. Rendered once per page and filled in
    # (the forms were 60 ms of a coach's bank page).
    blanks = request.__dict__.setdefault("_sharing_blank_forms", {})
    blank = (target.kind, bool(key))  # an empty key is left out of the form, not filled in
    if blank not in blanks:
        initial = {"key": _KEY_SLOT if key else ""}
        form = form_class(auto_id=f"comment{_ID_SLOT}-%s", initial=initial)
        blanks[blank] = _aside(request, target, _PK_SLOT, [], form, is_owner=False)
    filled = blanks[blank].replace(_ID_SLOT, str(next(_form_ids)))
    filled = filled.replace(str(_PK_SLOT), str(int(pk)))
    return mark_safe(filled.replace(_KEY_SLOT, escape(key)))


# Characters of Unicode's private use area: never in our text, and left alone by escaping.
_ID_SLOT = "\ue000id\ue000"
_KEY_SLOT = "\ue000key\ue000"
# The item's id in the form's address, which takes digits only: a number no page shows.
_PK_SLOT = 90817263544536271


def _aside(request, target: Target, pk: int, comments: list, form, *, is_owner: bool) -> str:
    return render_to_string(
        "sharing/_comments.html",
        {
            "comments": comments,
            "kind": target.kind,
            "pk": pk,
            "is_owner": is_owner,
            "form": form,
            "labels": COMPETENCIES,
        },
        request=request,
    )


@register.simple_tag(takes_context=True)
def comments_for(context, item) -> str:
    target = BY_MODEL.get(type(item))
    if target is None or item is None:
        return ""
    return _render(context, target, item.pk, item.pk)


@register.simple_tag(takes_context=True)
def bank_comments(context, round_, key: str) -> str:
    return _render(context, TARGETS["bank"], (round_.pk, key), round_.pk, key)
