"""Log-in throttling, kept in the database so that every worker process counts the same.

An account is locked after ACCOUNT_LIMIT failures in WINDOW, an address after ADDRESS_LIMIT
(a school or office shares one address, hence the higher figure). A lock lifts by itself
as its failures age out of the window: at most 15 minutes after the last counted failure,
and refused attempts are not counted, so hammering a locked account does not extend it.
A correct password clears the account's failures.

Someone else cannot keep you out: a browser you have logged in from before carries a
signed cookie naming the account (a "device cookie"), and the account lock does not apply
to it; only the address limit does.

Simultaneous attempts in several processes may each pass the check before any is counted,
so a burst can get a few more tries than the limit; the next ones are refused.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from .models import LoginFailure

ACCOUNT_LIMIT = 5
ADDRESS_LIMIT = 20
WINDOW = timedelta(minutes=15)

DEVICE_COOKIE = "secondround_device"
_DEVICE_SALT = "secondround.accounts.device"
_DEVICE_MAX_AGE = 365 * 24 * 3600


@dataclass(frozen=True)
class Lockout:
    until: datetime
    by_address: bool  # the address is locked (else the account is)


def _key(kind: str, value: str) -> str:
    return hmac.new(
        settings.SECRET_KEY.encode(), f"{kind}:{value}".encode(), hashlib.sha256
    ).hexdigest()


def account_key(username: str) -> str:
    return _key("account", username.strip().casefold()) if username.strip() else ""


def client_address(request: HttpRequest) -> str:
    """The client's address: REMOTE_ADDR, or behind a trusted proxy the one it saw.

    An IPv6 client is counted by its /64 network: one household or server gets a whole
    /64, so counting single addresses would let it try billions of passwords.
    """
    address = request.META.get("REMOTE_ADDR", "")
    if settings.SECONDROUND_BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        # The proxy appends the address it saw; anything before it the client could forge.
        address = forwarded.rsplit(",", 1)[-1].strip() or address
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address[:64]
    if isinstance(parsed, ipaddress.IPv6Address):
        if parsed.ipv4_mapped is not None:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.IPv6Network(f"{parsed}/64", strict=False))
    return str(parsed)


def _lifted_at(failures, limit: int, now: datetime) -> datetime | None:
    """When the lock lifts: once the limit-th newest failure leaves the window."""
    recent = list(failures.filter(at__gt=now - WINDOW).values_list("at", flat=True)[:limit])
    return recent[limit - 1] + WINDOW if len(recent) >= limit else None


def lockout(
    *, username: str, address: str, now: datetime, known_device: bool = False
) -> Lockout | None:
    """The lock that refuses this attempt before its password is checked, if any."""
    failures = LoginFailure.objects.order_by("-at")
    by_address = _lifted_at(
        failures.filter(address_key=_key("address", address)), ADDRESS_LIMIT, now
    )
    key = account_key(username)
    by_account = None
    if key and not known_device:
        by_account = _lifted_at(failures.filter(account_key=key), ACCOUNT_LIMIT, now)
    if by_address and (not by_account or by_address >= by_account):
        return Lockout(until=by_address, by_address=True)
    if by_account:
        return Lockout(until=by_account, by_address=False)
    return None


def failure_record(*, username: str, address: str, now: datetime) -> None:
    """Count a failure, and forget those that have left the window (the table stays small)."""
    LoginFailure.objects.filter(at__lte=now - WINDOW).delete()
    LoginFailure.objects.create(
        account_key=account_key(username), address_key=_key("address", address), at=now
    )


def failures_clear(*, username: str) -> None:
    LoginFailure.objects.filter(account_key=account_key(username)).delete()


def lockout_message(lock: Lockout, now: datetime, *, what: str = "failed log-ins") -> str:
    """'Too many failed log-ins for this account. Try again in 12 minutes, at 14:05 (UTC).'"""
    minutes = max(1, math.ceil((lock.until - now).total_seconds() / 60))
    local = timezone.localtime(lock.until)
    source = "from your network" if lock.by_address else "for this account"
    return (
        f"Too many {what} {source}. Try again in {minutes} minute{'s' if minutes != 1 else ''}, "
        f"at {local:%H:%M} ({timezone.get_current_timezone_name()})."
    )


def is_known_device(request: HttpRequest, username: str) -> bool:
    key = account_key(username)
    try:
        remembered = signing.loads(
            request.COOKIES.get(DEVICE_COOKIE, ""), salt=_DEVICE_SALT, max_age=_DEVICE_MAX_AGE
        )
    except signing.BadSignature:
        return False
    return bool(key) and hmac.compare_digest(str(remembered), key)


def remember_device(response: HttpResponse, username: str) -> None:
    response.set_cookie(
        DEVICE_COOKIE,
        signing.dumps(account_key(username), salt=_DEVICE_SALT),
        max_age=_DEVICE_MAX_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
