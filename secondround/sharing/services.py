"""Writes of sharing: shares, invitation links, comments. One transaction each."""

from __future__ import annotations

from datetime import datetime

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.db.models import Model

from secondround.accounts import services as accounts
from secondround.accounts.forms import SignUpForm
from secondround.accounts.services import InvitationRefused
from secondround.opportunities.models import Opportunity

from .access import log_access
from .models import AccessLog, Comment, Share, ShareInvitation
from .targets import Target

WITHDRAWN = "This invitation was withdrawn by the person who sent it."
OWN_INVITATION = "This is your own invitation: send the link to your coach instead."
ALREADY_SHARED = (
    "{owner} already shares this opportunity with you; this link was not used. "
    "It is under Coaching."
)
DEFAULT_INVITATION_DAYS = 7


def share_create(
    *, owner: AbstractBaseUser, opportunity: Opportunity, grantee: AbstractBaseUser, values: dict
) -> Share:
    return Share.objects.create(owner=owner, opportunity=opportunity, grantee=grantee, **values)


def share_invite(
    *,
    owner: AbstractBaseUser,
    opportunity: Opportunity,
    values: dict,
    invited_as: str,
    days: int,
    now: datetime,
) -> tuple[str, Share]:
    """A share waiting for its coach, and the token of the link that gives it to them."""
    with transaction.atomic():
        share = Share.objects.create(
            owner=owner, opportunity=opportunity, invited_as=invited_as, created_at=now, **values
        )
        token, _ = accounts.link_create(
            ShareInvitation.objects.all(), days=days, now=now, share=share
        )
    return token, share


def share_update(*, share: Share, values: dict) -> None:
    for name, value in values.items():
        setattr(share, name, value)
    share.save(update_fields=list(values))


def share_revoke(*, share: Share, now: datetime) -> None:
    """Closes the share at once; an unused invitation link dies with it."""
    Share.objects.filter(pk=share.pk, revoked_at__isnull=True).update(revoked_at=now)
    share.refresh_from_db(fields=["revoked_at"])


def invitation_check(*, token: str, now: datetime) -> ShareInvitation:
    invitation = accounts.link_check(
        ShareInvitation.objects.select_related("share__owner", "share__opportunity"),
        token=token,
        now=now,
    )
    if invitation.share.revoked_at is not None:
        raise InvitationRefused(WITHDRAWN)
    return invitation


def _bind(invitation: ShareInvitation, user: AbstractBaseUser) -> Share:
    share = invitation.share
    if share.owner_id == user.pk:
        raise InvitationRefused(OWN_INVITATION)
    share.grantee = user
    try:
        with transaction.atomic():
            share.save(update_fields=["grantee"])
    except IntegrityError:
        owner = share.owner.get_full_name() or share.owner.get_username()
        raise InvitationRefused(ALREADY_SHARED.format(owner=owner)) from None
    ShareInvitation.objects.filter(pk=invitation.pk).update(used_by=user)
    return share


def invitation_accept(*, token: str, user: AbstractBaseUser, now: datetime) -> Share:
    """A logged-in coach takes the share the link opens; the link is used up."""
    with transaction.atomic():
        invitation = invitation_check(token=token, now=now)
        if invitation.share.owner_id == user.pk:
            raise InvitationRefused(OWN_INVITATION)
        accounts.link_use(ShareInvitation.objects.all(), token=token, now=now)
        return _bind(invitation, user)


def invitation_sign_up(*, token: str, form: SignUpForm, now: datetime) -> AbstractBaseUser:
    """The coach's new account and the share, made together or not at all."""
    with transaction.atomic():
        invitation = invitation_check(token=token, now=now)
        user = accounts.account_create(
            form=form, invitation_token=token, now=now, links=ShareInvitation.objects.all()
        )
        _bind(invitation, user)
    return user


def comment_add(
    *,
    target: Target,
    item: Model,
    share: Share,
    author: AbstractBaseUser,
    text: str,
    key: str = "",
    extra: dict | None = None,
    what: str = "",
) -> Comment:
    """The comment, and its line in the candidate's access log."""
    name = (author.get_full_name() or author.get_username())[:200]
    values = {target.field: item, **({"key": key} if target.keyed else {}), **(extra or {})}
    with transaction.atomic():
        comment = target.comment_model.objects.create(
            owner=author, share=share, author=name, text=text, **values
        )
        log_access(
            share=share,
            actor=author,
            action=AccessLog.Action.COMMENT,
            section=target.section,
            what=f"{target.label}: {(what or str(item))[:200]}",
        )
    return comment


def comment_set_done(*, comment: Comment, done: bool, now: datetime) -> None:
    comment.done_at = now if done else None
    comment.save(update_fields=["done_at"])
