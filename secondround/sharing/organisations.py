"""A career centre's organisation: admins invite coaches; students join with a code.

Membership gives nobody any access to anybody's data: an admin sees counts only
(selectors.organisation_figures), and a coach sees a student's sections only when that
student shares them, like anyone else.
"""

from __future__ import annotations

import hmac
import secrets
from datetime import datetime

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import IntegrityError, transaction

from secondround.accounts import services as accounts
from secondround.accounts.forms import SignUpForm
from secondround.accounts.services import InvitationRefused

from .models import Membership, Organisation, OrganisationInvitation

# No 0/O or 1/I/L: read aloud in a lecture, typed from a poster.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
WRONG_CODE = "No organisation here has this code. Check it with your career centre."
ALREADY_MEMBER = "You are already in {name}."


class JoinRefused(Exception):
    """str(error) is the message for the person joining."""


def join_code_new() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(10))
    return f"{raw[:5]}-{raw[5:]}"


def organisation_create(*, name: str, admin: AbstractBaseUser) -> Organisation:
    with transaction.atomic():
        organisation = Organisation.objects.create(name=name, join_code=join_code_new())
        Membership.objects.create(organisation=organisation, user=admin, role=Membership.Role.ADMIN)
    return organisation


def join_code_renew(*, organisation: Organisation) -> str:
    organisation.join_code = join_code_new()
    organisation.save(update_fields=["join_code"])
    return organisation.join_code


def _normalised(code: str) -> str:
    letters = "".join(ch for ch in code.upper() if ch.isalnum())
    return f"{letters[:5]}-{letters[5:]}" if len(letters) == 10 else letters


def organisation_join(*, user: AbstractBaseUser, code: str) -> Membership:
    """A student joins with the code; JoinRefused for a wrong code or a second joining."""
    wanted = _normalised(code)
    match = None
    # Compared in constant time, so the code cannot be found a character at a time.
    for organisation in Organisation.objects.only("pk", "name", "join_code"):
        if hmac.compare_digest(organisation.join_code.encode(), wanted.encode()):
            match = organisation
    if match is None:
        raise JoinRefused(WRONG_CODE)
    try:
        with transaction.atomic():
            return Membership.objects.create(
                organisation=match, user=user, role=Membership.Role.STUDENT
            )
    except IntegrityError:
        raise JoinRefused(ALREADY_MEMBER.format(name=match.name)) from None


def coach_invitation_create(
    *, organisation: Organisation, note: str, days: int, now: datetime
) -> str:
    token, _ = accounts.link_create(
        OrganisationInvitation.objects.all(),
        days=days,
        now=now,
        organisation=organisation,
        note=note,
    )
    return token


def coach_invitation_check(*, token: str, now: datetime) -> OrganisationInvitation:
    return accounts.link_check(
        OrganisationInvitation.objects.select_related("organisation"), token=token, now=now
    )


def _make_coach(invitation: OrganisationInvitation, user: AbstractBaseUser) -> Membership:
    membership, created = Membership.objects.get_or_create(
        organisation=invitation.organisation,
        user=user,
        defaults={"role": Membership.Role.COACH},
    )
    if not created and membership.role == Membership.Role.STUDENT:
        membership.role = Membership.Role.COACH
        membership.save(update_fields=["role"])
    OrganisationInvitation.objects.filter(pk=invitation.pk).update(used_by=user)
    return membership


def coach_invitation_accept(*, token: str, user: AbstractBaseUser, now: datetime) -> Membership:
    with transaction.atomic():
        invitation = accounts.link_use(OrganisationInvitation.objects.all(), token=token, now=now)
        invitation = OrganisationInvitation.objects.select_related("organisation").get(
            pk=invitation.pk
        )
        return _make_coach(invitation, user)


def coach_invitation_sign_up(*, token: str, form: SignUpForm, now: datetime) -> AbstractBaseUser:
    with transaction.atomic():
        invitation = coach_invitation_check(token=token, now=now)
        user = accounts.account_create(
            form=form,
            invitation_token=token,
            now=now,
            links=OrganisationInvitation.objects.all(),
        )
        _make_coach(invitation, user)
    return user


__all__ = ["InvitationRefused", "JoinRefused"]
