"""Run a command where the network is a recorder: every lookup and connection is kept.

Started by tests/engine/test_no_phone_home.py as ``unshare --net --mount python netns_recorder.py
REPORT -- COMMAND...``, so it runs as root in a fresh network namespace (only ``lo``,
no route out) and a private mount namespace. It brings ``lo`` up, bind-mounts a
resolv.conf naming 127.0.0.1 (and an nsswitch.conf with plain DNS, so that a host's
systemd-resolved, reached over a Unix socket outside the namespace, is not asked),
answers every DNS question on 127.0.0.1:53 (UDP and TCP) with 127.0.0.2, and listens on
127.0.0.2:80 and :443. Then it runs COMMAND and writes ``{"returncode", "lookups",
"connections"}`` as JSON to REPORT. Standard library only; nothing here is specific to
Second Round.
"""

from __future__ import annotations

import ctypes
import fcntl
import json
import os
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

SIOCGIFFLAGS = 0x8913
SIOCSIFFLAGS = 0x8914
IFF_UP = 0x1
MS_BIND = 4096
MS_REC = 16384
MS_PRIVATE = 1 << 18
ANSWER_ADDRESS = "127.0.0.2"
Handler = Callable[[socket.socket, tuple[str, int]], None]
QTYPES = {1: "A", 28: "AAAA", 5: "CNAME", 12: "PTR", 15: "MX", 16: "TXT", 33: "SRV", 65: "HTTPS"}

_lock = threading.Lock()
_lookups: list[dict[str, object]] = []
_connections: list[dict[str, object]] = []
_started = time.monotonic()


def _keep(kind: list[dict[str, object]], **fields: object) -> None:
    fields["seconds"] = round(time.monotonic() - _started, 2)
    with _lock:
        kind.append(fields)


def _bring_loopback_up() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as control:
        request = struct.pack("16sH", b"lo", 0)
        flags = struct.unpack("16sH", fcntl.ioctl(control, SIOCGIFFLAGS, request))[1]
        fcntl.ioctl(control, SIOCSIFFLAGS, struct.pack("16sH", b"lo", flags | IFF_UP))


def _mount(source: str | None, target: str, flags: int) -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    encoded = source.encode() if source else None
    if libc.mount(encoded, target.encode(), None, flags, None) != 0:
        error = ctypes.get_errno()
        raise OSError(error, f"mount {source} on {target}: {os.strerror(error)}")


def _point_resolver_here(folder: Path) -> None:
    _mount(None, "/", MS_REC | MS_PRIVATE)  # nothing mounted here shows outside
    files = {
        "resolv.conf": "nameserver 127.0.0.1\noptions timeout:1 attempts:1\n",
        "nsswitch.conf": "hosts: files dns\n",
    }
    for name, text in files.items():
        replacement = folder / name
        replacement.write_text(text)
        target = Path("/etc") / name
        if target.exists():  # when missing, glibc already asks 127.0.0.1 and plain DNS
            _mount(str(replacement), str(target), MS_BIND)


def _question(query: bytes) -> tuple[str, int, int]:
    """The first question's name, type, and where the question section ends."""
    labels: list[str] = []
    position = 12
    while query[position]:
        length = query[position]
        labels.append(query[position + 1 : position + 1 + length].decode("ascii", "replace"))
        position += 1 + length
    qtype = struct.unpack(">H", query[position + 1 : position + 3])[0]
    return ".".join(labels), qtype, position + 5


def _answer(query: bytes, transport: str) -> bytes:
    name, qtype, end = _question(query)
    _keep(_lookups, name=name, type=QTYPES.get(qtype, str(qtype)), transport=transport)
    answers = 1 if qtype == 1 else 0  # A gets 127.0.0.2; anything else an empty answer
    header = query[:2] + b"\x81\x80" + query[4:6] + struct.pack(">HHH", answers, 0, 0)
    reply = header + query[12:end]
    if answers:
        reply += b"\xc0\x0c" + struct.pack(">HHIH", 1, 1, 60, 4)
        reply += socket.inet_aton(ANSWER_ADDRESS)
    return reply


def _serve_udp_dns() -> None:
    server = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    server.bind(("127.0.0.1", 53))

    def run() -> None:
        while True:
            query, peer = server.recvfrom(4096)
            try:
                server.sendto(_answer(query, "udp"), peer)
            except (IndexError, struct.error):
                _keep(_lookups, name="?", type="malformed", transport="udp")

    threading.Thread(target=run, daemon=True).start()


def _listen(host: str, port: int, handle: Handler) -> None:
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind((host, port))
    server.listen(16)

    def run() -> None:
        while True:
            connection, peer = server.accept()
            connection.settimeout(2)
            with connection:
                handle(connection, peer)

    threading.Thread(target=run, daemon=True).start()


def _tcp_dns(connection: socket.socket, peer: tuple[str, int]) -> None:
    try:
        length = struct.unpack(">H", connection.recv(2))[0]
        reply = _answer(connection.recv(length), "tcp")
        connection.sendall(struct.pack(">H", len(reply)) + reply)
    except (OSError, IndexError, struct.error):
        _keep(_lookups, name="?", type="malformed", transport="tcp")


def _record_connection(port: int) -> Handler:
    def handle(connection: socket.socket, peer: tuple[str, int]) -> None:
        try:
            first = connection.recv(64)
        except OSError:
            first = b""
        tls = first[:2] == b"\x16\x03"
        _keep(_connections, port=port, first_bytes=first[:16].hex(), tls_client_hello=tls)

    return handle


def main(argv: list[str]) -> int:
    report, separator, *command = argv
    if separator != "--" or not command:
        raise SystemExit("usage: netns_recorder.py REPORT -- COMMAND...")
    _bring_loopback_up()
    with tempfile.TemporaryDirectory() as folder:
        _point_resolver_here(Path(folder))
        _serve_udp_dns()
        _listen("127.0.0.1", 53, _tcp_dns)
        for port in (80, 443):
            _listen(ANSWER_ADDRESS, port, _record_connection(port))
        returncode = subprocess.run(command, check=False).returncode
        time.sleep(0.3)  # let a connection accepted at the very end be written down
        with _lock:
            result = {"returncode": returncode, "lookups": _lookups, "connections": _connections}
        Path(report).write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
