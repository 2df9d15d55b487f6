"""What the rest of the app reads about an account."""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser

# Where a letter would be signed and the account has no name yet: a gap the person sees
# and fills, never the login name.
NAME_GAP = "[Your name]"


def signature_name(user: AbstractBaseUser) -> str:
    """The name letters, follow-ups and briefs are signed with (first and last name)."""
    full = user.get_full_name() if hasattr(user, "get_full_name") else ""
    return " ".join(full.split()) or NAME_GAP


def has_name(user: AbstractBaseUser) -> bool:
    return signature_name(user) != NAME_GAP
