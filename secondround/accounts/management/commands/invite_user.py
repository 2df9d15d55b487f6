"""`secondround manage invite_user [--days 7] [--note TEXT] [--base-url URL]`."""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.urls import reverse
from django.utils import timezone

from secondround.accounts import services


def _default_base_url() -> str:
    """The server's public address: the first trusted origin, else the laptop's."""
    return (settings.CSRF_TRUSTED_ORIGINS or ["http://127.0.0.1:8000"])[0]


class Command(BaseCommand):
    help = "Create a single-use sign-up link that expires, and print it."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--days", type=int, default=7, help="days until the link expires (default 7)"
        )
        parser.add_argument(
            "--note", default="", help="who the invitation is for, kept with it (optional)"
        )
        parser.add_argument(
            "--base-url",
            default=None,
            help="the server's address as users reach it "
            "(default: the first SECONDROUND_CSRF_TRUSTED_ORIGINS, else http://127.0.0.1:8000)",
        )

    def handle(self, *args, days: int, note: str, base_url: str | None, **options) -> None:
        if not 1 <= days <= 365:
            raise CommandError("--days must be between 1 and 365.")
        now = timezone.now()
        token, invitation = services.invitation_create(days=days, note=note[:200], now=now)
        base = (base_url or _default_base_url()).rstrip("/")
        self.stdout.write(base + reverse("signup_invitation", args=[token]))
        expires = timezone.localtime(invitation.expires_at)
        zone = timezone.get_current_timezone_name()
        self.stderr.write(f"Single use; expires {expires:%-d %B %Y %H:%M} ({zone}).")
        if settings.SECONDROUND_SIGNUP != "invitation":
            self.stderr.write(
                f"Note: SECONDROUND_SIGNUP is {settings.SECONDROUND_SIGNUP!r}, so sign-up does "
                "not need an invitation here; set it to 'invitation' to require one."
            )
