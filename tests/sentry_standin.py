"""A stand-in for Sentry's ingestion on loopback, as Sentry documents it
(develop.sentry.dev, "Envelopes" and "SDK: Authentication"): `POST /api/<project id>/envelope/`
with the SDK's `X-Sentry-Auth` header (`Sentry sentry_key=<public key>, sentry_version=7,
sentry_client=...`), a body optionally gzip- or deflate-compressed (`Content-Encoding`), in
the envelope format: a JSON header line, then items, each a JSON header line (with `type` and,
optionally, `length`) and its payload. A request without the project's key is refused with
401, as Sentry refuses it; an accepted one answers 200 with the event's id.

`received` holds every accepted envelope, parsed: (header, [(item header, payload bytes)]),
and `raw` its decompressed bytes, for a scan of everything that left the program."""

from __future__ import annotations

import gzip
import json
import threading
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tests.smtpsink import free_port

Item = tuple[dict[str, Any], bytes]


def parse_envelope(body: bytes) -> tuple[dict[str, Any], list[Item]]:
    """An envelope's header and items (develop.sentry.dev/sdk/data-model/envelopes/)."""
    header_line, _, rest = body.partition(b"\n")
    header = json.loads(header_line)
    items: list[Item] = []
    while rest.strip():
        item_line, _, rest = rest.partition(b"\n")
        item = json.loads(item_line)
        if "length" in item:
            length = int(item["length"])
            payload, rest = rest[:length], rest[length:]
            rest = rest.removeprefix(b"\n")
        else:
            payload, _, rest = rest.partition(b"\n")
        items.append((item, payload))
    return header, items


class SentryStandIn:
    """One project (`project_id`) with one public key; `dsn` is what the program is given."""

    def __init__(self, project_id: int = 42, key: str = "0123456789abcdef0123456789abcdef"):
        self.project_id = project_id
        self.key = key
        self.port = free_port()
        self.dsn = f"http://{key}@127.0.0.1:{self.port}/{project_id}"
        self.received: list[tuple[dict[str, Any], list[Item]]] = []
        self.raw: list[bytes] = []
        self.refused = 0
        self._arrived = threading.Condition()
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                stand_in._post(self)

            def log_message(self, format: str, *args: Any) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def _post(self, request: BaseHTTPRequestHandler) -> None:
        length = int(request.headers.get("Content-Length") or 0)
        body = request.rfile.read(length)
        auth = request.headers.get("X-Sentry-Auth") or ""
        fields = dict(
            part.strip().split("=", 1)
            for part in auth.removeprefix("Sentry ").split(",")
            if "=" in part
        )
        if (
            request.path != f"/api/{self.project_id}/envelope/"
            or fields.get("sentry_key") != self.key
        ):
            self.refused += 1
            request.send_response(401)
            request.end_headers()
            return
        encoding = (request.headers.get("Content-Encoding") or "").lower()
        if encoding == "gzip":
            body = gzip.decompress(body)
        elif encoding == "deflate":
            body = zlib.decompress(body)
        elif encoding:
            request.send_response(415)
            request.end_headers()
            return
        header, items = parse_envelope(body)
        with self._arrived:
            self.raw.append(body)
            self.received.append((header, items))
            self._arrived.notify_all()
        answer = json.dumps({"id": header.get("event_id")}).encode()
        request.send_response(200)
        request.send_header("Content-Type", "application/json")
        request.send_header("Content-Length", str(len(answer)))
        request.end_headers()
        request.wfile.write(answer)

    def events(self) -> list[dict[str, Any]]:
        """The error events received (items of type "event"), parsed."""
        return [
            json.loads(payload)
            for _, items in self.received
            for item, payload in items
            if item.get("type") == "event"
        ]

    def wait_for_events(self, count: int, timeout: float = 30.0) -> list[dict[str, Any]]:
        with self._arrived:
            self._arrived.wait_for(lambda: len(self.events()) >= count, timeout=timeout)
        return self.events()

    def __enter__(self) -> SentryStandIn:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
