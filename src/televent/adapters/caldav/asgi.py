"""The CalDAV adapter as an ASGI application, mounted into the HTTP server.

Litestar refuses WebDAV methods on ordinary routes, so the whole DAV space is one ASGI mount;
this module only moves bytes: it reads the body (refusing oversized ones with 413 before
reading them whole), runs the synchronous handler on a worker thread (on the event loop: a
request without credentials, which the handler answers without reading anything, and a GET
that needs no waiting, ADR 0035; a method that may change something on the port's writers'
pool, ADR 0037), and writes the reply.
"""

from __future__ import annotations

from typing import Any

from televent.adapters.caldav.handlers import CalDavHandlers
from televent.adapters.caldav.protocol import DavError, Reply, Request
from televent.adapters.port import AppPort

BODY_SLACK = 64 * 1024  # PROPFIND/REPORT bodies and PUT headers may exceed the resource limit
# Methods that only read: every other one may change what is stored and runs on the port's
# writers' pool (AppPort.write, ADR 0037).
READS = frozenset({"GET", "HEAD", "OPTIONS", "PROPFIND", "REPORT"})


class CalDavAsgi:
    """ASGI callable serving CalDAV."""

    def __init__(self, handlers: CalDavHandlers, port: AppPort) -> None:
        self.handlers = handlers
        self.port = port
        self.max_body = handlers.max_resource_bytes + BODY_SLACK

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        headers = {
            k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])
        }
        raw_path = scope.get("raw_path") or scope["path"].encode()
        path = raw_path.decode("latin-1")
        client = scope.get("client") or ("", 0)
        body = await _read_body(receive, headers, self.max_body)
        if body is None:
            return  # the client went away (or was cut off for being too slow): nobody to answer
        if isinstance(body, Reply):
            await _send(send, body)
            return
        request = Request(scope["method"].upper(), path, headers, body, client=str(client[0]))
        if "authorization" in headers:
            # A GET of one's own object is answered here, on the event loop, from a local file
            # or awaited from PostgreSQL: the hop to a worker thread and back costs more than
            # the read (ADR 0035).
            reply = await self.handlers.answer_at_once(request)
            if reply is None:
                call = self.port.run if request.method in READS else self.port.write
                reply = await call(self.handlers.handle, request)
        else:
            # Without credentials a request is answered before anything is read (OPTIONS,
            # discovery's redirect) or refused with 401: on the event loop, without the hop
            # to a worker thread, which costs more than the answer itself.
            reply = self.handlers.handle(request)
        await _send(send, reply)


async def _read_body(receive: Any, headers: dict[str, str], limit: int) -> bytes | Reply | None:
    declared = headers.get("content-length")
    if (
        declared is not None
        and declared.isascii()
        and declared.isdigit()
        and (len(declared) > len(str(limit)) or int(declared) > limit)
    ):
        return DavError(
            413, f"The request body exceeds {limit} bytes.", "max-resource-size"
        ).reply()
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return None
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return DavError(
                413, f"The request body exceeds {limit} bytes.", "max-resource-size"
            ).reply()
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


SPECIAL_HEADERS = {"etag": "ETag", "dav": "DAV", "www-authenticate": "WWW-Authenticate"}


def _canonical(name: str) -> str:
    """Header names as most servers write them (they are case-insensitive, RFC 9110 §5.1, but
    some clients and proxies compare them byte for byte)."""
    return SPECIAL_HEADERS.get(name, "-".join(part.capitalize() for part in name.split("-")))


async def _send(send: Any, reply: Reply) -> None:
    headers = {"content-length": str(len(reply.body)), **reply.headers}
    if reply.status == 204:
        headers.pop("content-length", None)
    await send(
        {
            "type": "http.response.start",
            "status": reply.status,
            "headers": [
                (_canonical(k).encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()
            ],
        }
    )
    await send({"type": "http.response.body", "body": reply.body})
