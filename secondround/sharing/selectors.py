"""Reads of sharing: what a coach sees listed, the comments beside items, a centre's figures."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import Q

from secondround.engine.overview.readiness import RoundPath
from secondround.opportunities.models import Round
from secondround.overview.selectors import round_readiness
from secondround.practice.models import Attempt

from .access import live_shares
from .models import Comment, Membership, Organisation, Share
from .targets import BY_COMMENT_MODEL, owner_path

# Below this, an organisation's figure is shown as "fewer than 5": a count of one or two
# students among a centre's staff can point at a person.
SMALLEST_SHOWN = 5
RECENT = timedelta(days=30)


@dataclass(frozen=True)
class SharedEntry:
    share: Share
    candidate: str
    next_round: Round | None
    path: RoundPath | None


def next_round(share: Share, *, now: datetime) -> Round | None:
    """The opportunity's next interview, or its latest round when none is ahead."""
    rounds = Round.objects.filter(opportunity_id=share.opportunity_id).select_related("opportunity")
    return (
        rounds.filter(starts_at__gte=now).order_by("starts_at").first()
        or rounds.order_by("-number").first()
    )


def shared_with(viewer: AbstractBaseUser, *, now: datetime) -> list[SharedEntry]:
    """Each live share with the viewer, with its next round and how ready the candidate is."""
    entries = []
    shares = live_shares(viewer).select_related("owner", "opportunity")
    for share in shares.order_by("owner__username", "opportunity__company", "pk"):
        upcoming = next_round(share, now=now)
        entries.append(
            SharedEntry(
                share=share,
                candidate=share.owner.get_full_name() or share.owner.get_username(),
                next_round=upcoming,
                path=round_readiness(upcoming, share.owner, now=now) if upcoming else None,
            )
        )
    return entries


def comments_by_item(
    model: type[Comment], *, owner_id: int, author_id: int | None = None
) -> dict[object, list[Comment]]:
    """Every comment of this kind on the owner's items, by item id (bank: (round id, key)).

    One query for a whole page: the template tag asks once per kind and reads the rest
    from this.
    """
    target = BY_COMMENT_MODEL[model]
    rows = model.objects.filter(**{f"{target.field}__{owner_path(target.model)}": owner_id})
    if author_id is not None:
        rows = rows.filter(owner_id=author_id)
    found: dict[object, list[Comment]] = defaultdict(list)
    for comment in rows.order_by("created_at", "pk"):
        item = getattr(comment, f"{target.field}_id")
        found[(item, comment.key) if target.keyed else item].append(comment)  # type: ignore[attr-defined]
    return found


def open_comment_count(owner: AbstractBaseUser) -> int:
    """Comments on the owner's items not yet marked done."""
    return sum(
        model.objects.filter(
            **{f"{target.field}__{owner_path(target.model)}": owner.pk}, done_at__isnull=True
        ).count()
        for model, target in BY_COMMENT_MODEL.items()
    )


@dataclass(frozen=True)
class Figure:
    label: str
    count: int

    @property
    def shown(self) -> str:
        if 0 < self.count < SMALLEST_SHOWN:
            return f"fewer than {SMALLEST_SHOWN}"
        return f"{self.count:,}"


def organisation_figures(organisation: Organisation, *, now: datetime) -> list[Figure]:
    """Counts only: never a name, never a student's page."""
    members = Membership.objects.filter(organisation=organisation)
    students = members.filter(role=Membership.Role.STUDENT).values("user_id")
    staff = members.exclude(role=Membership.Role.STUDENT).values("user_id")
    done = Attempt.objects.filter(
        round__opportunity__owner__in=students, status=Attempt.Status.DONE
    )
    live = Share.objects.filter(owner__in=students, revoked_at__isnull=True).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=now.date())
    )
    return [
        Figure("Students", students.count()),
        Figure("Coaches", members.filter(role=Membership.Role.COACH).count()),
        Figure(
            "Students who practised in the last 30 days",
            done.filter(created_at__gte=now - RECENT)
            .values("round__opportunity__owner")
            .distinct()
            .count(),
        ),
        Figure(
            "Students who ever practised",
            done.values("round__opportunity__owner").distinct().count(),
        ),
        Figure(
            "Practice answers in the last 30 days",
            done.filter(created_at__gte=now - RECENT).count(),
        ),
        Figure("Live shares by students", live.count()),
        Figure("Live shares with this centre's coaches", live.filter(grantee__in=staff).count()),
    ]


def administered(user: AbstractBaseUser) -> list[Organisation]:
    return list(
        Organisation.objects.filter(memberships__user=user, memberships__role=Membership.Role.ADMIN)
    )
