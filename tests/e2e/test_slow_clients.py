"""Slow clients (slowloris) against a real `televent serve`, with real sockets: a request head
or body that trickles in is cut off with 408 and the connection closed; idle kept-alive
connections are closed; meanwhile ordinary requests are answered."""

from __future__ import annotations

import base64
import contextlib
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import Backend
from tests.e2e.conftest import SERVER_SETTINGS, running_serve, seed_accounts

HEADER_TIMEOUT, BODY_TIMEOUT, KEEP_ALIVE = 2, 2, 1
SETTINGS = {
    **SERVER_SETTINGS,
    "TELEVENT_HEADER_TIMEOUT": str(HEADER_TIMEOUT),
    "TELEVENT_BODY_TIMEOUT": str(BODY_TIMEOUT),
    "TELEVENT_KEEP_ALIVE_TIMEOUT": str(KEEP_ALIVE),
}
CONNECTIONS = 20


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, int, str]]:
    """A server on SQLite (the deadlines are the HTTP layer's, the same on every database)."""
    backend = Backend("sqlite", tmp_path, None)
    database_url = backend.migrated_url()
    users = seed_accounts(database_url)
    with running_serve(database_url, tmp_path, SETTINGS) as (url, _):
        port = int(url.rsplit(":", 1)[1])
        yield url, port, users[1]


def connect(port: int) -> socket.socket:
    return socket.create_connection(("127.0.0.1", port), timeout=10)


def read_until_closed(sock: socket.socket, limit: float) -> tuple[bytes, float]:
    """Everything the server sends until it closes the connection (bounded by `limit`)."""
    started = time.monotonic()
    sock.settimeout(0.2)
    received = b""
    while time.monotonic() - started < limit:
        try:
            chunk = sock.recv(4096)
        except TimeoutError:
            continue
        except ConnectionResetError:
            break
        if not chunk:
            break
        received += chunk
    return received, time.monotonic() - started


def test_slow_headers_are_cut_off_with_408(served: tuple[str, int, str]) -> None:
    url, port, _ = served
    started = time.monotonic()
    socks = [connect(port) for _ in range(CONNECTIONS)]
    for sock in socks:
        sock.sendall(b"PROPFIND /dav/ HTTP/1.1\r\nHost: x\r\n")
    # Keep trickling header lines; the server gives up after HEADER_TIMEOUT anyway.
    closed: list[bytes] = []
    for round_ in range(int(HEADER_TIMEOUT * 4) + 8):
        time.sleep(0.5)
        for sock in socks:
            with contextlib.suppress(OSError):
                sock.sendall(f"X-Slow-{round_}: a\r\n".encode())
        if round_ == 1:  # meanwhile the server answers others
            assert httpx.get(url + "/health", timeout=5).status_code == 200
    for sock in socks:
        received, _ = read_until_closed(sock, 5)
        closed.append(received)
        sock.close()
    elapsed = time.monotonic() - started
    assert all(r.startswith(b"HTTP/1.1 408") for r in closed), closed[:2]
    assert b"connection: close" in closed[0].lower()
    assert elapsed < HEADER_TIMEOUT + 12


def test_a_silent_connection_is_closed(served: tuple[str, int, str]) -> None:
    _, port, _ = served
    sock = connect(port)
    received, waited = read_until_closed(sock, HEADER_TIMEOUT + 5)
    sock.close()
    assert received.startswith(b"HTTP/1.1 408") and waited < HEADER_TIMEOUT + 3


def test_a_slow_body_is_cut_off_with_408(served: tuple[str, int, str]) -> None:
    _, port, password = served
    auth = base64.b64encode(f"1:{password}".encode()).decode()
    sock = connect(port)
    sock.sendall(
        b"PUT /dav/calendars/1/default/slow.ics HTTP/1.1\r\nHost: x\r\n"
        b"Authorization: Basic " + auth.encode() + b"\r\n"
        b"Content-Type: text/calendar\r\nContent-Length: 100000\r\n\r\nBEGIN:VCALENDAR\r\n"
    )
    started = time.monotonic()
    for _ in range(BODY_TIMEOUT * 2 + 4):
        time.sleep(0.5)
        try:
            sock.sendall(b"X")
        except OSError:
            break
    received, _ = read_until_closed(sock, 5)
    sock.close()
    assert received.startswith(b"HTTP/1.1 408"), received
    assert b"request body" in received
    assert time.monotonic() - started < BODY_TIMEOUT + 10


def test_an_idle_kept_alive_connection_is_closed(served: tuple[str, int, str]) -> None:
    _, port, _ = served
    sock = connect(port)
    sock.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
    received, waited = read_until_closed(sock, KEEP_ALIVE + HEADER_TIMEOUT + 5)
    sock.close()
    assert received.startswith(b"HTTP/1.1 200")
    assert b"408" not in received.split(b"\r\n", 1)[1]  # closed quietly, not with a 408
    assert waited < KEEP_ALIVE + 3


def test_a_prompt_request_is_answered(served: tuple[str, int, str]) -> None:
    url, _, password = served
    reply = httpx.request(
        "PUT",
        url + "/dav/calendars/1/default/quick.ics",
        auth=("1", password),
        content=b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
        timeout=10,
    )
    assert reply.status_code in (201, 403)  # an answer, not a timeout
