"""Talking to an OpenAI-compatible chat-completions server: the only module that does.

Plain Python over httpx, already a dependency. The `openai` client was weighed against it:
in this project's environment (`pip install --dry-run --report openai`, then the wheels'
unpacked sizes; 7 December 2026) openai 3.63.0 adds 3 packages (openai, jiter, sniffio),
10.7 MB and 2,140 files, for the two endpoints used here (GET /models, POST
/chat/completions). Every failure is a `ModelError` whose message is one line for the
person, and the caller keeps its deterministic result.

Structured replies: `response_format` with a JSON schema first; a server that refuses it
(400 or 422) is asked again with the schema in the prompt; a reply that is not JSON gets
one repair pass ("return only the JSON"). Nothing here decides whether a reply is true:
the engine checks every reply against the user's own text.
"""

from __future__ import annotations

import ipaddress
import json
import socket
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx

DEFAULT_TIMEOUT = 120.0  # local models on a laptop are slow; the issue asks for long ones
MAX_REPLY_BYTES = 2_000_000


class ModelError(Exception):
    """str(error) is a one-line message for the person; `bytes_sent`, what went out
    before it failed (for the log)."""

    bytes_sent = 0


class Cancelled(ModelError):
    """The person cancelled the call."""


@dataclass(frozen=True)
class ModelServer:
    base_url: str  # e.g. http://localhost:11434/v1
    model: str
    api_key: str = ""
    timeout: float = DEFAULT_TIMEOUT

    @property
    def root(self) -> str:
        return self.base_url.rstrip("/")


@dataclass(frozen=True)
class Reply:
    text: str
    bytes_sent: int
    bytes_received: int
    seconds: float
    structured: bool  # the server honoured response_format


def is_on_this_machine_or_network(base_url: str) -> bool:
    """Loopback or a private address (the person's own machine or network).

    A host that does not resolve counts as not local: the person is then asked to tick
    "this server is not on my machine" before anything is sent.
    """
    host = urlsplit(base_url).hostname or ""
    if host in ("localhost", "localhost.localdomain") or host.endswith(".localhost"):
        return True
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except (socket.gaierror, UnicodeError, ValueError):
        return False
    try:
        parsed = [ipaddress.ip_address(address.split("%")[0]) for address in addresses]
    except ValueError:
        return False
    return bool(parsed) and all(ip.is_loopback or ip.is_private for ip in parsed)


def check_base_url(base_url: str) -> str | None:
    """Why this base URL cannot be used, or None."""
    parts = urlsplit(base_url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "Give the server's address, such as http://localhost:11434/v1."
    if parts.username or parts.password:
        return "Put the key in the key field, not in the address."
    return None


def _headers(server: ModelServer) -> dict[str, str]:
    headers = {"Accept": "application/json", "User-Agent": "SecondRound/0.1"}
    if server.api_key:
        headers["Authorization"] = f"Bearer {server.api_key}"
    return headers


def _client(server: ModelServer, transport: httpx.BaseTransport | None) -> httpx.Client:
    return httpx.Client(
        timeout=httpx.Timeout(server.timeout, connect=min(10.0, server.timeout)),
        headers=_headers(server),
        transport=transport,
        trust_env=False,
        follow_redirects=False,
    )


def _explain(error: Exception, server: ModelServer) -> ModelError:
    if isinstance(error, httpx.TimeoutException):
        return ModelError(f"The model server did not answer within {server.timeout:.0f} seconds.")
    if isinstance(error, httpx.ConnectError):
        return ModelError(f"Could not connect to {server.root}: is the server running?")
    if isinstance(error, httpx.HTTPError):
        return ModelError(f"The connection to {server.root} failed ({type(error).__name__}).")
    return ModelError(str(error))


def _json_body(response: httpx.Response) -> Any:
    if len(response.content) > MAX_REPLY_BYTES:
        raise ModelError("The model server's answer was too large.")
    try:
        return response.json()
    except ValueError:
        kind = response.headers.get("content-type", "").split(";")[0] or "text"
        raise ModelError(
            f"The server at this address answered with {kind}, not the JSON an "
            "OpenAI-compatible server sends. Check the address (it usually ends in /v1)."
        ) from None


def _refused(response: httpx.Response) -> str:
    kind = response.headers.get("content-type", "").split(";")[0].strip()
    if kind and "json" not in kind:
        return (
            f"The server at this address answered {response.status_code} with {kind}, not "
            "an OpenAI-compatible answer. Check the address (it usually ends in /v1)."
        )
    try:
        detail = response.json().get("error", {})
        message = detail.get("message") if isinstance(detail, dict) else str(detail)
    except (ValueError, AttributeError):
        message = ""
    return f"The model server refused the request ({response.status_code})" + (
        f": {str(message)[:200]}" if message else "."
    )


def list_models(server: ModelServer, *, transport: httpx.BaseTransport | None = None) -> list[str]:
    """The model names the server offers (GET /models)."""
    try:
        with _client(server, transport) as client:
            response = client.get(f"{server.root}/models")
    except httpx.HTTPError as error:
        raise _explain(error, server) from error
    if response.status_code >= 400:
        raise ModelError(_refused(response))
    body = _json_body(response)
    data = body.get("data") if isinstance(body, dict) else None
    if not isinstance(data, list):
        raise ModelError("The server did not list its models as an OpenAI-compatible one does.")
    return sorted(
        {str(item.get("id")) for item in data if isinstance(item, dict) and item.get("id")}
    )


def _content(body: Any) -> str:
    try:
        content = body["choices"][0]["message"]["content"]
    except (KeyError, IndexError, TypeError):
        raise ModelError("The model server's answer had no message in it.") from None
    if not isinstance(content, str):
        raise ModelError("The model server's answer had no text in it.")
    return content


def chat(
    server: ModelServer,
    messages: Sequence[dict[str, str]],
    *,
    schema: dict[str, Any] | None = None,
    max_tokens: int = 1200,
    cancelled: Callable[[], bool] = lambda: False,
    transport: httpx.BaseTransport | None = None,
) -> Reply:
    """One chat completion; with `schema`, a reply that parses as JSON (see the module)."""
    started = time.perf_counter()
    sent = received = 0
    structured = schema is not None

    def post(payload: dict[str, Any]) -> httpx.Response:
        nonlocal sent, received
        if cancelled():
            raise Cancelled("Cancelled.")
        data = json.dumps(payload, ensure_ascii=False).encode()
        sent += len(data)
        with _client(server, transport) as client:
            response = _post_unless_cancelled(
                client, f"{server.root}/chat/completions", data, cancelled
            )
        received += len(response.content)
        return response

    base: dict[str, Any] = {
        "model": server.model,
        "messages": list(messages),
        "temperature": 0,
        "max_tokens": max_tokens,
        "stream": False,
    }
    try:
        if schema is None:
            response = post(base)
        else:
            response = post(
                base
                | {
                    "response_format": {
                        "type": "json_schema",
                        "json_schema": {"name": "reply", "schema": schema, "strict": True},
                    }
                }
            )
            if response.status_code in (400, 422):  # no structured output here: say it
                structured = False
                response = post(base | {"messages": _with_schema_prompt(messages, schema)})
        if response.status_code >= 400:
            raise ModelError(_refused(response))
        text = _content(_json_body(response))
        if schema is not None and _parse_json(text) is None:
            structured = False
            repair = [
                *base["messages"],
                {"role": "assistant", "content": text[:4000]},
                {"role": "user", "content": "Return only the JSON object, with nothing else."},
            ]
            response = post(base | {"messages": repair})
            if response.status_code >= 400:
                raise ModelError(_refused(response))
            text = _content(_json_body(response))
            if _parse_json(text) is None:
                raise ModelError("The model's answer was not the JSON it was asked for.")
    except httpx.HTTPError as error:
        explained = _explain(error, server)
        explained.bytes_sent = sent
        raise explained from error
    except ModelError as error:
        error.bytes_sent = sent
        raise
    return Reply(text, sent, received, time.perf_counter() - started, structured)


CANCEL_CHECK_SECONDS = 1.0


def _post_unless_cancelled(
    client: httpx.Client, url: str, data: bytes, cancelled: Callable[[], bool]
) -> httpx.Response:
    """POST, asking `cancelled` every second while the server thinks: a person who cancels
    a ten-minute reply frees the worker at once. The request runs in a thread of its own;
    on cancel its connection is closed and whatever it gets is dropped."""
    outcome: dict[str, Any] = {}

    def send() -> None:
        try:
            outcome["response"] = client.post(
                url, content=data, headers={"Content-Type": "application/json"}
            )
        except Exception as error:  # handed to the caller below
            outcome["error"] = error

    thread = threading.Thread(target=send, name="model-call", daemon=True)
    thread.start()
    while thread.is_alive():
        thread.join(CANCEL_CHECK_SECONDS)
        if thread.is_alive() and cancelled():
            client.close()
            raise Cancelled("Cancelled.")
    if "error" in outcome:
        raise outcome["error"]
    response: httpx.Response = outcome["response"]
    return response


def _with_schema_prompt(
    messages: Sequence[dict[str, str]], schema: dict[str, Any]
) -> list[dict[str, str]]:
    instruction = (
        "Answer with one JSON object only, no prose, matching this JSON schema:\n"
        + json.dumps(schema, ensure_ascii=False)
    )
    return [{"role": "system", "content": instruction}, *messages]


def _parse_json(text: str) -> Any:
    """The JSON in a reply, allowing the code fences many models add."""
    stripped = text.strip()
    if stripped.startswith("```"):
        stripped = stripped.strip("`")
        stripped = stripped.split("\n", 1)[1] if "\n" in stripped else stripped
    try:
        return json.loads(stripped)
    except ValueError:
        start, end = stripped.find("{"), stripped.rfind("}")
        if 0 <= start < end:
            try:
                return json.loads(stripped[start : end + 1])
            except ValueError:
                return None
        return None


def reply_json(reply: Reply) -> Any:
    """The JSON object of a structured reply (chat() has checked that it parses)."""
    return _parse_json(reply.text)
