"""Template helpers of the question bank, whose list is the largest page of the app.

A bank lists a hundred questions; rendered with includes and lookups for each, the list
was most of the bank page's CPU under load (issue 17). So each question's body (its
tags, reasons, guidance and probes: the same until the bank changes) is rendered once
and kept, and its "mark prepared" button is rendered once per page and state and filled
in with each question's key.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from django import template
from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from secondround.engine.nlp.vocabulary import COMPETENCIES, QUESTION_KINDS
from secondround.engine.questions.question_bank import BankQuestion

register = template.Library()


@register.filter
def get_item(mapping: dict, key: str):
    """Look a key up in a dict from a template (who asks, by interviewer id)."""
    return mapping.get(key) if hasattr(mapping, "get") else None


# Bodies of the questions shown lately, by (question, names of who asks it): ~1 kB each.
_BODIES: OrderedDict[tuple, SafeString] = OrderedDict()
_BODIES_KEPT = 8192
_lock = threading.Lock()


@register.simple_tag
def bank_question_body(question: BankQuestion, names: dict[str, str]) -> SafeString:
    asked_by = tuple(name for key in question.interviewers if (name := names.get(key)))
    key = (question, asked_by)  # a frozen dataclass of strings and tuples: all of it
    with _lock:
        if key in _BODIES:
            _BODIES.move_to_end(key)
            return _BODIES[key]
    html = render_to_string(
        "questions/_bank_question_body.html",
        {
            "question": question,
            "asked_by": asked_by,
            "competency_label": COMPETENCIES.get(question.competency),
            "kind_label": QUESTION_KINDS.get(question.kind),
        },
    )
    body = mark_safe(html.removesuffix("\n"))  # the file's last line break: not the page's
    with _lock:
        _BODIES[key] = body
        while len(_BODIES) > _BODIES_KEPT:
            _BODIES.popitem(last=False)
    return body


# A character of Unicode's private use area: never in our text, left alone by escaping.
_KEY_SLOT = "\ue000key\ue000"


@register.simple_tag(takes_context=True)
def prepared_button(context, key: str, prepared: set[str]) -> SafeString:
    """questions/_prepared_button.html for one question: the same for every question of
    the page but for its key, so rendered once per page for each state and filled in."""
    request = context["request"]
    is_prepared = key in prepared
    blanks = request.__dict__.setdefault("_bank_prepared_buttons", {})
    if is_prepared not in blanks:
        blanks[is_prepared] = render_to_string(
            "questions/_prepared_button.html",
            {
                "round": context["round"],
                "prepared_url": context.get("prepared_url"),
                "key": _KEY_SLOT,
                "is_prepared": is_prepared,
            },
            request=request,
        )
    return mark_safe(blanks[is_prepared].replace(_KEY_SLOT, escape(key)))
