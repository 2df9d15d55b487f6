"""`secondround manage delete_old_recordings [--days N]`: the recordings retention, once.

`secondround serve` runs it every few hours when SECONDROUND_RECORDING_RETENTION_DAYS is
set; a deployment on gunicorn runs this command from a timer (see the README).
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from secondround.practice.services import recordings_delete_older_than


class Command(BaseCommand):
    help = "Delete practice recordings older than the retention period; transcripts stay."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="days to keep (default: SECONDROUND_RECORDING_RETENTION_DAYS)",
        )

    def handle(self, *args, days: int | None, **options) -> None:
        days = days if days is not None else settings.SECONDROUND_RECORDING_RETENTION_DAYS
        if days is None:
            raise CommandError(
                "No retention period: set SECONDROUND_RECORDING_RETENTION_DAYS or give --days."
            )
        if days < 1:
            raise CommandError("--days must be 1 or more.")
        deleted = recordings_delete_older_than(cutoff=timezone.now() - timedelta(days=days))
        self.stdout.write(
            f"Deleted {deleted} recording{'s' if deleted != 1 else ''} older than {days} days."
        )
