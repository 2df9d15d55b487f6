"""What the server keeps about getting in: failed log-ins (for throttling) and invitations.

Neither belongs to a candidate's account, so neither is exported with it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class LoginFailure(models.Model):
    """One failed log-in (or wrong organisation code), kept for the throttle's window only.

    The account and the address are stored as keyed hashes: a username field often holds a
    password typed in the wrong box, and neither is needed in the clear to count attempts.
    """

    account_key = models.CharField(max_length=64, blank=True, db_index=True)
    address_key = models.CharField(max_length=64, db_index=True)
    at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"failed log-in at {self.at:%Y-%m-%d %H:%M:%S}"


class SingleUseLink(models.Model):
    """A link that works once and expires; only the SHA-256 of its random token is stored.

    Sign-up invitations, a candidate's invitation to a coach and a career centre's
    invitation to a coach are all one of these (secondround.accounts.services.link_*).
    """

    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    used_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        abstract = True
        ordering = ["-created_at"]


class SignupInvitation(SingleUseLink):
    """A single-use sign-up link made by `secondround manage invite_user`."""

    note = models.CharField(max_length=200, blank=True)

    class Meta(SingleUseLink.Meta):
        pass

    def __str__(self) -> str:
        return f"invitation {self.note or self.pk} until {self.expires_at:%Y-%m-%d}"
