"""Creating accounts, by the server's sign-up mode, and the invitations that allow it."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta
from typing import TypeVar

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.db.models import QuerySet

from .forms import SignUpForm
from .models import SignupInvitation, SingleUseLink

L = TypeVar("L", bound=SingleUseLink)

EXPIRED = "This invitation expired on {date}. Ask the person who sent it for a new one."
USED = "This invitation has already been used. Log in, or ask for a new invitation."
UNKNOWN = (
    "This invitation link is not valid. Check that you copied the whole link, or ask for a new one."
)


class InvitationRefused(Exception):
    """str(error) is the message for the person who followed the link."""


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def link_create(links: QuerySet[L], *, days: int, now: datetime, **fields: object) -> tuple[str, L]:
    """A new single-use link of `links`' model and its token, which only the link ever holds."""
    token = secrets.token_urlsafe(32)
    link = links.create(
        token_hash=_token_hash(token),
        created_at=now,
        expires_at=now + timedelta(days=days),
        **fields,
    )
    return token, link


def link_check(links: QuerySet[L], *, token: str, now: datetime) -> L:
    """The link this token opens among `links`, or InvitationRefused saying why not."""
    link = links.filter(token_hash=_token_hash(token)).first()
    if link is None:
        raise InvitationRefused(UNKNOWN)
    if link.used_at is not None:
        raise InvitationRefused(USED)
    if link.expires_at <= now:
        raise InvitationRefused(EXPIRED.format(date=f"{link.expires_at:%-d %B %Y}"))
    return link


def link_use(links: QuerySet[L], *, token: str, now: datetime) -> L:
    """Check the link and use it up, inside the caller's transaction.

    Claimed by a conditional UPDATE, so two people sending the same link at the same
    moment cannot both get what it opens. The caller sets `used_by` once it has the user.
    """
    link = link_check(links, token=token, now=now)
    claimed = links.filter(pk=link.pk, used_at__isnull=True, expires_at__gt=now).update(used_at=now)
    if not claimed:
        raise InvitationRefused(USED)
    link.used_at = now
    return link


def invitation_create(*, days: int, note: str, now: datetime) -> tuple[str, SignupInvitation]:
    """A new single-use sign-up invitation and its token."""
    return link_create(SignupInvitation.objects.all(), days=days, now=now, note=note)


def invitation_check(*, token: str, now: datetime) -> SignupInvitation:
    """The sign-up invitation this token opens, or InvitationRefused saying why not."""
    return link_check(SignupInvitation.objects.all(), token=token, now=now)


def account_create(
    *,
    form: SignUpForm,
    invitation_token: str | None,
    now: datetime,
    links: QuerySet | None = None,
) -> AbstractBaseUser:
    """Save the new account; with an invitation, use it up in the same transaction.

    `links` is where the token is looked up: sign-up invitations unless another kind of
    single-use link (a coach's invitation) opens the account.
    """
    links = SignupInvitation.objects.all() if links is None else links
    with transaction.atomic():
        invitation = None
        if invitation_token is not None:
            invitation = link_use(links, token=invitation_token, now=now)
        user = form.save()
        if invitation is not None:
            links.filter(pk=invitation.pk).update(used_by=user)
    return user
