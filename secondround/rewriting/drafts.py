"""The drafts a model may rewrite: a thank-you letter, the follow-up e-mail, the two
answer drafts. Each is looked up by its owner (anyone else gets 404), with the person's
data the rewrite is checked against and the way to keep the rewrite."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.urls import reverse
from django.utils import timezone

from secondround.accounts.access import get_owned
from secondround.engine.drafting.letters import mailto_link
from secondround.engine.nlp.assisted import known_strings
from secondround.followup import services as followup
from secondround.followup.models import Letter
from secondround.opportunities.models import Opportunity, Round
from secondround.portability.services import account_export
from secondround.research import selectors as research
from secondround.research.models import SavedAnswer


@dataclass(frozen=True)
class Draft:
    kind: str
    pk: int
    text: str
    label: str  # what the model is told it rewrites
    page: str  # the page the draft is on
    opportunity: Opportunity
    names: tuple[str, ...]  # replaced by placeholders for a server elsewhere
    # How to keep the rewrite: a form posting `text_field` (the rewrite) and `fixed` to `action`;
    # None when the page has nothing to save it in (then a mail link).
    action: str | None = None
    text_field: str = ""
    fixed: dict[str, str] = field(default_factory=dict)
    mail_to: str = ""
    subject: str = ""

    @property
    def subject_key(self) -> str:
        return f"{self.kind}:{self.pk}"

    def mailto(self, text: str) -> str:
        return mailto_link(to=self.mail_to, subject=self.subject, body=text)


def _people(round_: Round, owner: AbstractBaseUser) -> tuple[str, ...]:
    own = (owner.get_full_name(), owner.first_name, owner.last_name)  # type: ignore[attr-defined]
    return tuple(n for n in (*(p.name for p in round_.interviewers.all()), *own) if n)


def draft_for(owner: AbstractBaseUser, kind: str, pk: int) -> Draft:
    """The draft as the page shows it now; Http404 for an unknown kind or someone else's."""
    if kind == "letter":
        letter = get_owned(
            Letter.objects.select_related("interviewer__round__opportunity"), owner, pk=pk
        )
        person = letter.interviewer
        prefix = f"l{person.pk}"
        return Draft(
            kind,
            pk,
            letter.body,
            "thank-you letter",
            reverse("letters", args=[person.round_id]) + f"#letter-{person.pk}",
            person.round.opportunity,
            _people(person.round, owner),
            action=reverse("letter_edit", args=[pk]),
            text_field=f"{prefix}-body",
            fixed={f"{prefix}-subject": letter.subject, f"{prefix}-card": letter.card},
        )
    if kind == "follow_up":
        round_ = get_owned(Round.objects.select_related("opportunity"), owner, pk=pk)
        record = followup.follow_up_for(round_)
        drafted = followup.follow_up_draft(round_, owner, record, today=timezone.localdate())
        return Draft(
            kind,
            pk,
            str(drafted["body"]),
            "follow-up e-mail",
            reverse("follow_up", args=[pk]),
            round_.opportunity,
            _people(round_, owner),
            mail_to=record.contact_email,
            subject=str(drafted["subject"]),
        )
    if kind in (SavedAnswer.Kind.LEARNED, SavedAnswer.Kind.PROCEED):
        opportunity = get_owned(Opportunity, owner, pk=pk)
        saved = SavedAnswer.objects.filter(opportunity=opportunity, kind=kind).first()
        text = saved.text if saved else research.drafted_answer(opportunity, kind).text
        page = reverse("answer", args=[pk, kind])
        rounds = opportunity.rounds.all()
        names = tuple(dict.fromkeys(n for r in rounds for n in _people(r, owner)))
        return Draft(
            kind,
            pk,
            text,
            f"spoken interview answer to “{SavedAnswer.Kind(kind).label}”",
            page,
            opportunity,
            names,
            action=page,
            text_field="text",
        )
    from django.http import Http404

    raise Http404("No such draft.")


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def known_texts(owner: AbstractBaseUser, opportunity: Opportunity) -> list[str]:
    """Everything the person saved for this opportunity, their stories and their name: a
    rewrite may name nothing else (another opportunity's company is not this one's)."""
    document = account_export(owner=owner, now=timezone.now())
    same = [
        item
        for item in document.get("opportunities", [])
        if item.get("company") == opportunity.company
        and item.get("role_title") == opportunity.role_title
    ]
    kept = {"account": document.get("account"), "stories": document.get("stories"), "o": same}
    return known_strings(_strings(kept))
