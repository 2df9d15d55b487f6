"""Running one model call: configuration, redaction, the call, the engine's check, the log.

Nothing here runs unless a server is configured (the account's settings, else the
SECONDROUND_LLM_* environment); `server_for` returns None otherwise and the callers keep
their deterministic result without opening a connection.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from secondround.engine.nlp.assisted import Checked, redact

from . import provider
from .direct import environment_settings, restored
from .models import ModelCall, ModelSettings

NOT_CONFIGURED = "No language model is configured."
REMOTE_NOT_ALLOWED = (
    "The server is not on this machine or network: tick “this server is not on my machine” "
    "in the model settings to send anything there."
)


@dataclass(frozen=True)
class Configured:
    server: provider.ModelServer
    remote: bool  # not on this machine or network: names are replaced before sending
    allowed: bool  # a remote server needs the person's explicit tick
    source: str  # "account" or "environment"


def server_for(owner: AbstractBaseUser | None) -> Configured | None:
    """The server this account's features use, or None (nothing configured)."""
    own = ModelSettings.objects.filter(owner=owner).first() if owner is not None else None
    if own is not None and own.base_url and own.model:
        base_url, model, key = own.base_url, own.model, own.api_key
        timeout, remote_ok, source = float(own.timeout_seconds), own.not_on_my_machine, "account"
    else:
        base_url, model, key, timeout, remote_ok = environment_settings()
        source = "environment"
    if not (base_url and model) or provider.check_base_url(base_url):
        return None
    remote = not provider.is_on_this_machine_or_network(base_url)
    server = provider.ModelServer(base_url, model, key, timeout)
    return Configured(server, remote, allowed=not remote or remote_ok, source=source)


def call_begin(
    *, owner: AbstractBaseUser, feature: str, subject: str, configured: Configured
) -> ModelCall:
    return ModelCall.objects.create(
        owner=owner,
        feature=feature,
        subject=subject,
        model=configured.server.model,
        server=configured.server.root,
        redacted=configured.remote,
    )


def call_cancel(*, call: ModelCall) -> None:
    ModelCall.objects.filter(pk=call.pk, status=ModelCall.Status.RUNNING).update(
        cancel_requested=True
    )


def _finish(call: ModelCall, **values: Any) -> None:
    values.setdefault("finished_at", timezone.now())
    for name, value in values.items():
        setattr(call, name, value)
    # Only a running call is finished: a cancel that won the race stays cancelled.
    ModelCall.objects.filter(pk=call.pk, status=ModelCall.Status.RUNNING).update(**values)


def call_run(
    call: ModelCall,
    *,
    configured: Configured,
    messages: list[dict[str, str]],
    schema: dict[str, Any] | None,
    names: Iterable[str],
    check: Callable[[Any], Checked],
) -> Checked:
    """Send (redacted where the server is elsewhere), check, log; never raises ModelError."""
    if not configured.allowed:
        _finish(call, status=ModelCall.Status.FAILED, note=REMOTE_NOT_ALLOWED)
        return Checked(None, REMOTE_NOT_ALLOWED)
    mapping: dict[str, str] = {}
    if configured.remote:
        redacted = [redact(m["content"], names) for m in messages]
        mapping = {k: v for r in redacted for k, v in r.mapping.items()}
        messages = [m | {"content": r.text} for m, r in zip(messages, redacted, strict=True)]

    def cancelled() -> bool:
        return ModelCall.objects.filter(pk=call.pk, cancel_requested=True).exists()

    started = time.perf_counter()
    try:
        reply = provider.chat(configured.server, messages, schema=schema, cancelled=cancelled)
    except provider.ModelError as error:
        # The log shows what a failed call cost too: a timeout is minutes of waiting.
        cost = {
            "bytes_sent": error.bytes_sent,
            "milliseconds": round((time.perf_counter() - started) * 1000),
        }
        if isinstance(error, provider.Cancelled):
            _finish(call, status=ModelCall.Status.CANCELLED, note="Cancelled.", **cost)
            return Checked(None, "Cancelled.")
        _finish(call, status=ModelCall.Status.FAILED, note=str(error), **cost)
        return Checked(None, str(error))
    if cancelled():
        _finish(call, status=ModelCall.Status.CANCELLED, note="Cancelled.")
        return Checked(None, "Cancelled.")
    parsed = provider.reply_json(reply) if schema is not None else {"text": reply.text}
    if mapping:
        parsed = restored(parsed, mapping)
    checked = check(parsed)
    _finish(
        call,
        status=ModelCall.Status.ACCEPTED if checked.accepted else ModelCall.Status.REFUSED,
        note=checked.reason,
        result=checked.value or "",
        bytes_sent=reply.bytes_sent,
        bytes_received=reply.bytes_received,
        milliseconds=round(reply.seconds * 1000),
    )
    return checked


@transaction.atomic
def settings_save(*, owner: AbstractBaseUser, values: dict[str, Any]) -> ModelSettings:
    own, _ = ModelSettings.objects.get_or_create(owner=owner)
    for name, value in values.items():
        setattr(own, name, value)
    own.save()
    return own
