"""Deadlines for slow clients, at the HTTP protocol level (uvicorn with httptools).

uvicorn closes idle keep-alive connections (`timeout_keep_alive`) but waits for ever for a
request's head or body that trickles in (slowloris). This protocol adds two deadlines:

- the head (request line and headers) must be complete within `header_timeout` seconds of the
  connection opening, or of the request's first byte on a kept-alive connection;
- the body must be complete within `body_timeout` seconds of the head.

When one passes before the application has started answering, the client gets
`408 Request Timeout` with `Connection: close`, and the connection is closed (the application,
if it is waiting for the body, sees a disconnect). Everything else is uvicorn's.
"""

from __future__ import annotations

import asyncio
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol


class DeadlineProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol with deadlines for the request head and body."""

    header_timeout: float = 10.0
    body_timeout: float = 60.0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm(self.header_timeout, "request headers")

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def on_message_begin(self) -> None:
        super().on_message_begin()
        if self._deadline is None:
            self._arm(self.header_timeout, "request headers")

    def on_headers_complete(self) -> None:
        self._disarm()
        super().on_headers_complete()
        self._arm(self.body_timeout, "request body")  # disarmed when the message is complete

    def on_message_complete(self) -> None:
        self._disarm()
        super().on_message_complete()

    def _arm(self, seconds: float, what: str) -> None:
        self._disarm()
        self._deadline = self.loop.call_later(seconds, self._expired, what, seconds)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _expired(self, what: str, seconds: float) -> None:
        self._deadline = None
        transport = self.transport
        if transport is None or transport.is_closing():
            return
        cycle = self.cycle  # while waiting for a head: the previous request's, if any
        if what == "request body":
            answering = cycle is not None and cycle.response_started
        else:
            answering = cycle is not None and not cycle.response_complete
        if not answering:
            message = f"The {what} did not arrive within {seconds:g} seconds.\n".encode()
            transport.write(
                b"HTTP/1.1 408 Request Timeout\r\n"
                b"content-type: text/plain; charset=utf-8\r\n"
                b"content-length: " + str(len(message)).encode() + b"\r\n"
                b"connection: close\r\n\r\n" + message
            )
        transport.close()


def deadline_protocol(header_timeout: float, body_timeout: float) -> type[DeadlineProtocol]:
    """The protocol class to give uvicorn (`uvicorn.Config(http=...)`), with these deadlines."""
    return type(
        "ConfiguredDeadlineProtocol",
        (DeadlineProtocol,),
        {"header_timeout": header_timeout, "body_timeout": body_timeout},
    )
