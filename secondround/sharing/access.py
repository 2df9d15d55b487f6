"""Who may open what: the one place every view of a shared section asks.

`open_shared(request, Model, pk, section=…)` returns the row when the viewer owns it, or
when a live share of its opportunity (a story: of any of its owner's opportunities)
names that section for them; anyone else gets 404, as for any outsider. A grantee's
opening is written to the candidate's access log here, so no view can forget it either.
A share is read again on every request: revoking it, or its end date passing, takes
effect on the coach's next click.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Generic, TypeVar

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import models
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest
from django.utils import timezone

from secondround.stories.models import Story

from .models import AccessLog, Section, Share
from .targets import OPPORTUNITY_PATH

M = TypeVar("M", bound=models.Model)


def live_shares(viewer: AbstractBaseUser, *, today: date | None = None) -> QuerySet[Share]:
    """Shares that let `viewer` in today: neither revoked nor past their end date."""
    today = today or timezone.localdate()
    return Share.objects.filter(grantee=viewer, revoked_at__isnull=True).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=today)
    )


def _naming(section: Section | None) -> Q:
    """Shares that open `section` (None: any section at all)."""
    if section is None:
        return Q()
    opens = Q(**{section.value: True})
    if section != Section.ROSTER:
        opens &= Q(role=Share.Role.COACH)  # a recruiter reads the roster and research only
    return opens


@dataclass(frozen=True)
class Grant(Generic[M]):
    """A row the viewer may read, and the share that lets them (None: it is theirs)."""

    obj: M
    owner_id: int
    share: Share | None

    @property
    def is_owner(self) -> bool:
        return self.share is None

    def allows(self, section: Section) -> bool:
        return self.share is None or self.share.allows(section)


def _follow(row: models.Model, path: str) -> models.Model:
    for name in filter(None, path.split("__")):
        row = getattr(row, name)
    return row


def open_shared(
    request: HttpRequest,
    model: type[M],
    pk: int,
    *,
    section: Section | None,
    action: str | None = AccessLog.Action.VIEW,
    what: str = "",
) -> Grant[M]:
    """The row, if the viewer owns it or a live share names `section` for them; else 404.

    A grantee's opening is logged as `action` (None: the caller logs what it then does).
    """
    viewer = request.user
    if model is Story:
        row = Story.objects.filter(pk=pk).first()
        if row is None:
            raise Http404
        owner_id = row.owner_id
        shares = live_shares(viewer).filter(owner_id=owner_id)
    else:
        path = OPPORTUNITY_PATH[model]
        rows = model.objects.select_related(path) if path else model.objects.all()
        row = rows.filter(pk=pk).first()
        if row is None:
            raise Http404
        opportunity = _follow(row, path)
        owner_id = opportunity.owner_id
        shares = live_shares(viewer).filter(opportunity_id=opportunity.pk)
    if owner_id == viewer.pk:
        return Grant(row, owner_id, None)
    share = shares.filter(_naming(section)).select_related("opportunity").order_by("pk").first()
    if share is None:
        raise Http404
    if action is not None:
        log_access(share=share, actor=viewer, action=action, section=section, what=what or str(row))
    return Grant(row, owner_id, share)


def may_open(viewer: AbstractBaseUser, share: Share, section: Section) -> bool:
    """For links on a shared page: whether the same viewer would be let into `section`."""
    return share.owner_id == viewer.pk or share.allows(section)


def log_access(
    *, share: Share, actor: AbstractBaseUser, action: str, section: Section | None, what: str
) -> AccessLog:
    name = actor.get_full_name() or actor.get_username()
    return AccessLog.objects.create(
        owner_id=share.owner_id,
        share=share,
        actor=actor,
        actor_name=name[:200],
        action=action,
        section=section.value if section else "",
        what=what[:300],
    )
