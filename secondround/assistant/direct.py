"""One model call without the web app: the command line and `make eval-llm` use this.

The server comes from the environment (SECONDROUND_LLM_BASE_URL, _MODEL, _API_KEY,
_TIMEOUT, _REMOTE_OK), as for a server's accounts. A server that is not on this machine or
network is used only with SECONDROUND_LLM_REMOTE_OK=1, and then names, e-mail addresses
and phone numbers are replaced by placeholders before sending and restored in the reply.
No Django here: nothing is logged to an account.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import httpx

from secondround.engine.nlp.assisted import redact, restore
from secondround.engine.reading.invitation_entries import ParsedInvitation
from secondround.engine.reading.model_reading import (
    INVITATION_SCHEMA,
    NOTES_SCHEMA,
    MergedInvitation,
    MergedNotes,
    invitation_prompt,
    merge_invitation,
    merge_notes,
    notes_prompt,
)
from secondround.engine.reading.notes import SplitNotes

from . import provider

REMOTE_NOT_ALLOWED = (
    "The model server is not on this machine or network: set SECONDROUND_LLM_REMOTE_OK=1 "
    "to send it anything (names, e-mail addresses and phone numbers are then replaced)."
)


@dataclass(frozen=True)
class EnvironmentServer:
    server: provider.ModelServer
    remote: bool
    allowed: bool


def environment_settings() -> tuple[str, str, str, float, bool]:
    """(base URL, model, key, timeout, remote allowed) from the environment."""
    timeout = os.environ.get("SECONDROUND_LLM_TIMEOUT", "")
    try:
        seconds = float(timeout) if timeout else provider.DEFAULT_TIMEOUT
    except ValueError:
        seconds = provider.DEFAULT_TIMEOUT
    return (
        os.environ.get("SECONDROUND_LLM_BASE_URL", "").strip(),
        os.environ.get("SECONDROUND_LLM_MODEL", "").strip(),
        os.environ.get("SECONDROUND_LLM_API_KEY", ""),
        max(5.0, min(seconds, 1800.0)),
        os.environ.get("SECONDROUND_LLM_REMOTE_OK", "") == "1",
    )


def environment_server() -> EnvironmentServer | None:
    """The server the environment names, or None (nothing set: nothing is ever opened)."""
    base_url, model, key, timeout, remote_ok = environment_settings()
    if not (base_url and model) or provider.check_base_url(base_url):
        return None
    remote = not provider.is_on_this_machine_or_network(base_url)
    server = provider.ModelServer(base_url.rstrip("/"), model, key, timeout)
    return EnvironmentServer(server, remote, allowed=not remote or remote_ok)


@dataclass(frozen=True)
class Answer:
    value: Any  # the reply's JSON (placeholders restored), or None
    error: str  # why there is none, one line
    seconds: float = 0.0
    bytes_sent: int = 0


def restored(value: Any, mapping: dict[str, str]) -> Any:
    """The reply with every placeholder put back, however deep in the JSON."""
    if isinstance(value, str):
        return restore(value, mapping)
    if isinstance(value, list):
        return [restored(item, mapping) for item in value]
    if isinstance(value, dict):
        return {key: restored(item, mapping) for key, item in value.items()}
    return value


def ask(
    configured: EnvironmentServer,
    messages: list[dict[str, str]],
    *,
    schema: dict[str, Any] | None,
    names: Iterable[str] = (),
    transport: httpx.BaseTransport | None = None,
) -> Answer:
    """One call; never raises: a failure is an Answer with the message."""
    if not configured.allowed:
        return Answer(None, REMOTE_NOT_ALLOWED)
    mapping: dict[str, str] = {}
    if configured.remote:
        redacted = [redact(m["content"], names) for m in messages]
        mapping = {k: v for r in redacted for k, v in r.mapping.items()}
        messages = [m | {"content": r.text} for m, r in zip(messages, redacted, strict=True)]
    try:
        reply = provider.chat(configured.server, messages, schema=schema, transport=transport)
    except provider.ModelError as error:
        return Answer(None, str(error))
    value = provider.reply_json(reply) if schema is not None else {"text": reply.text}
    return Answer(restored(value, mapping), "", reply.seconds, reply.bytes_sent)


def read_invitation(
    configured: EnvironmentServer,
    text: str,
    parsed: ParsedInvitation,
    *,
    candidate: tuple[str, ...] = (),
    settled_times: Collection[datetime] = (),
    transport: httpx.BaseTransport | None = None,
) -> tuple[MergedInvitation | None, Answer]:
    """The engine's roster merged with the model's checked reading (None if no reply);
    `settled_times` as merge_invitation takes them (a calendar file's)."""
    names = [*(entry.name for entry in parsed.entries), *candidate]
    answer = ask(
        configured,
        invitation_prompt(text),
        schema=INVITATION_SCHEMA,
        names=names,
        transport=transport,
    )
    if answer.value is None:
        return None, answer
    merged = merge_invitation(
        parsed, answer.value, text=text, candidate=candidate, settled_times=settled_times
    )
    return merged, answer


def read_notes(
    configured: EnvironmentServer,
    text: str,
    split: SplitNotes,
    *,
    transport: httpx.BaseTransport | None = None,
) -> tuple[MergedNotes | None, Answer]:
    """The engine's sorting merged with the model's checked one (None if no reply)."""
    answer = ask(configured, notes_prompt(text), schema=NOTES_SCHEMA, transport=transport)
    if answer.value is None:
        return None, answer
    return merge_notes(split, answer.value, text=text), answer
