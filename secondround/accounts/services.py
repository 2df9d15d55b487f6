"""Creating accounts, by the server's sign-up mode, and the invitations that allow it."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction

from .forms import SignUpForm
from .models import SignupInvitation

EXPIRED = "This invitation expired on {date}. Ask the person who sent it for a new one."
USED = "This invitation has already been used. Log in, or ask for a new invitation."
UNKNOWN = (
    "This invitation link is not valid. Check that you copied the whole link, or ask for a new one."
)


class InvitationRefused(Exception):
    """str(error) is the message for the person who followed the link."""


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_create(*, days: int, note: str, now: datetime) -> tuple[str, SignupInvitation]:
    """A new single-use invitation and its token, which only the link ever holds."""
    token = secrets.token_urlsafe(32)
    invitation = SignupInvitation.objects.create(
        token_hash=_token_hash(token),
        note=note,
        created_at=now,
        expires_at=now + timedelta(days=days),
    )
    return token, invitation


def invitation_check(*, token: str, now: datetime) -> SignupInvitation:
    """The invitation this token opens, or InvitationRefused saying why not."""
    invitation = SignupInvitation.objects.filter(token_hash=_token_hash(token)).first()
    if invitation is None:
        raise InvitationRefused(UNKNOWN)
    if invitation.used_at is not None:
        raise InvitationRefused(USED)
    if invitation.expires_at <= now:
        raise InvitationRefused(EXPIRED.format(date=f"{invitation.expires_at:%-d %B %Y}"))
    return invitation


def account_create(
    *, form: SignUpForm, invitation_token: str | None, now: datetime
) -> AbstractBaseUser:
    """Save the new account; with an invitation, use it up in the same transaction.

    The invitation is claimed by a conditional UPDATE, so two people sending the same
    link at the same moment cannot both get an account from it.
    """
    with transaction.atomic():
        invitation = None
        if invitation_token is not None:
            invitation = invitation_check(token=invitation_token, now=now)
            claimed = SignupInvitation.objects.filter(
                pk=invitation.pk, used_at__isnull=True, expires_at__gt=now
            ).update(used_at=now)
            if not claimed:
                raise InvitationRefused(USED)
        user = form.save()
        if invitation is not None:
            SignupInvitation.objects.filter(pk=invitation.pk).update(used_by=user)
    return user
