"""`secondround manage create_organisation NAME --admin USERNAME`: a career centre."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from secondround.sharing.organisations import organisation_create


class Command(BaseCommand):
    help = "Make a career centre's organisation with its first administrator; print its code."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("name", help="the organisation's name, as students will see it")
        parser.add_argument("--admin", required=True, help="the username of its administrator")

    def handle(self, *args, name: str, admin: str, **options) -> None:
        name = " ".join(name.split())
        if not name or len(name) > 200:
            raise CommandError("Give the organisation a name of 1 to 200 characters.")
        user = get_user_model().objects.filter(username=admin).first()
        if user is None:
            raise CommandError(f"No account is named {admin!r}: create it first.")
        organisation = organisation_create(name=name, admin=user)
        self.stdout.write(
            f"{organisation.name}: students join with the code {organisation.join_code}"
        )
        self.stderr.write(f"{admin} administers it under Coaching.")
