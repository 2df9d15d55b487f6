"""A real HTTP server in the test process that speaks the chat-completions protocol.

Each test sets `ChatServer.reply` (what the next completion says) and `mode`:
"ok", "no_schema" (refuses response_format with 400), "slow" (waits `delay` seconds),
"malformed" (a body that is not JSON), "html" (an HTML error page), "foreign" (JSON that is
not a chat completion: some other service at that address), "not_json_text"
(a completion whose text is not JSON, then valid JSON on the repair pass).
`reply` may also be a function of the request's payload, returning the reply.

By hand, for `make eval-llm` without a model: `.venv/bin/python -m tests.chat_server
--port 8765` (an echo that rewrites nothing and reads nobody), or `--model naive` (a
careless reader and rewriter, to see the checks refuse what the text does not support).
"""

from __future__ import annotations

import json
import re
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        # A client that gave up (a timeout, a cancel) is what some tests are about.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class ChatServer:
    def __init__(self, port: int = 0) -> None:
        self.reply: object = {"question": "Why did you choose that approach?"}
        self.mode = "ok"
        self.delay = 0.0
        self.models = ["local-model", "other-model"]
        self.requests: list[dict] = []
        self.headers: list[dict[str, str]] = []  # of every request, GET or POST
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def _send(self, status: int, body: bytes, kind: str = "application/json") -> None:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:
                server.headers.append(dict(self.headers))
                if server.mode == "html":
                    return self._send(502, b"<html><body>Bad gateway</body></html>", "text/html")
                if server.mode == "foreign":
                    return self._send(200, b'{"status": "ok", "service": "something else"}')
                if self.path.endswith("/models"):
                    data = [{"id": name, "object": "model"} for name in server.models]
                    return self._send(200, json.dumps({"object": "list", "data": data}).encode())
                self._send(404, b'{"error": {"message": "not found"}}')

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                payload = json.loads(self.rfile.read(length) or b"{}")
                server.headers.append(dict(self.headers))
                server.requests.append(payload)
                if server.mode == "html":
                    return self._send(502, b"<html><body>Bad gateway</body></html>", "text/html")
                if server.mode == "malformed":
                    return self._send(200, b"{not json at all")
                if server.mode == "foreign":
                    return self._send(200, b'{"status": "ok", "service": "something else"}')
                if server.mode == "no_schema" and "response_format" in payload:
                    return self._send(400, b'{"error": {"message": "response_format unsupported"}}')
                if server.mode == "slow":
                    time.sleep(server.delay)
                if payload.get("model") not in server.models:
                    return self._send(404, b'{"error": {"message": "model not found"}}')
                reply = server.reply(payload) if callable(server.reply) else server.reply
                content = reply if isinstance(reply, str) else json.dumps(reply)
                if server.mode == "not_json_text" and len(payload["messages"]) < 3:
                    content = "Sure! Here is my question: " + content
                body = {"choices": [{"message": {"role": "assistant", "content": content}}]}
                self._send(200, json.dumps(body).encode())

        self.httpd = _QuietServer(("127.0.0.1", port), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def echo(payload: dict) -> dict:
    """A stand-in model: a rewrite returns the draft as it is; readings find nothing."""
    system = " ".join(m["content"] for m in payload["messages"] if m["role"] == "system")
    if "Rewrite this" in system:
        return {"text": payload["messages"][-1]["content"]}
    if "interview the candidate" in system:
        return {"people": []}
    return {"questions": [], "positives": [], "misses": [], "concerns": [], "terms": []}


_PAIR = re.compile(r"\b([A-Z][a-z]+ [A-Z][a-z]+)\b")
_CLOCK = re.compile(r"\b(\d{1,2})[:.](\d{2})\b")


def naive(payload: dict) -> dict:
    """A careless stand-in model, to see the checks at work: it lists every capitalised
    pair of words as a person, sorts note lines by a few keywords, and rewrites a draft by
    contracting it, adding an invented number to one draft in three."""
    system = " ".join(m["content"] for m in payload["messages"] if m["role"] == "system")
    text = payload["messages"][-1]["content"]
    if "Rewrite this" in system:
        fluent = text.replace("Thank you", "Thanks").replace("I am ", "I'm ")
        if len(text) % 3 == 0:
            fluent += " I could start within 3 weeks."
        return {"text": fluent}
    if "interview the candidate" in system:
        people = []
        for line in text.splitlines():
            clock = _CLOCK.search(line)
            start = f"{int(clock[1]):02d}:{clock[2]}" if clock else None
            people += [
                {"name": n, "title": None, "start": start, "end": None} for n in _PAIR.findall(line)
            ]
        return {"people": people[:12]}
    fields: dict[str, list] = {"questions": [], "positives": [], "misses": [], "concerns": []}
    for line in (raw.strip(" -*+•\t") for raw in text.splitlines()):
        lowered = line.casefold()
        if line.endswith("?"):
            fields["questions"].append({"text": line, "went": None})
        elif any(w in lowered for w in ("liked", "great", "impressed", "nodded")):
            fields["positives"].append(line)
        elif any(w in lowered for w in ("forgot", "should have", "didn't mention")):
            fields["misses"].append(line)
        elif any(w in lowered for w in ("worried", "concern", "not sure i")):
            fields["concerns"].append(line)
    terms = sorted({w for w in re.findall(r"(?<=[a-z] )[A-Z][A-Za-z]+", text)})[:10]
    return fields | {"terms": terms}


if __name__ == "__main__":  # pragma: no cover - started by hand
    import argparse

    parser = argparse.ArgumentParser(description="a chat-completions echo server")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--mode", default="ok")
    parser.add_argument("--model", choices=("echo", "naive"), default="echo")
    options = parser.parse_args()
    server = ChatServer(options.port)
    server.reply = {"echo": echo, "naive": naive}[options.model]
    server.mode = options.mode
    print(f"serving {server.base_url} (model: local-model); Ctrl-C stops it", flush=True)
    try:
        server.thread.join()
    except KeyboardInterrupt:
        server.close()
