"""A Web Push service on loopback, as Mozilla autopush or FCM behave towards an application
server that pushes to a WebDAV-Push client such as DAVx5.

It follows RFC 8030 (Generic Event Delivery Using HTTP Push: a message is a POST to the push
resource, with a `TTL` header, optionally `Urgency` and `Topic`; 201 Created with a `Location`
of the message; 404 for a resource the service never made, 410 Gone for one that expired),
RFC 8291 (Message Encryption for Web Push: `Content-Encoding: aes128gcm`, the body encrypted
for the user agent's P-256 key and 16-byte auth secret) and RFC 8292 (VAPID: `Authorization:
vapid t=<JWT>, k=<public key>`, an ES256 JWT whose `aud` is the push resource's origin, whose
`exp` is at most 24 hours ahead and whose `sub` is a `mailto:` or `https:` URI).

`service.subscribe()` plays the user agent: it makes a key pair, an auth secret and a push
resource, and hands the test a `Subscription` with what a client would register at the
application server (`endpoint`, `p256dh`, `auth`). Every message the service accepts is
decrypted with the subscription's private key and kept in `subscription.messages`.
`service.expire()` and `service.fail()` script what a real service does to a sender now and
then; `service.requests` counts every request by (path, status)."""

from __future__ import annotations

import base64
import binascii
import json
import os
import secrets
import threading
import time
import xml.etree.ElementTree as ET
from collections import Counter, deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import http_ece
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from py_vapid import jwt as vapid_jwt

from tests.feedserver import serving

HOST = "127.0.0.1"
WEBDAV_PUSH = "https://bitfire.at/webdav-push"  # draft-bitfire-webdav-push-00
DAV = "DAV:"
MAX_PAYLOAD = 4096  # RFC 8030 §7.2: at least 4096 octets; autopush and FCM accept no more
MAX_JWT_LIFETIME = 24 * 60 * 60  # RFC 8292 §2: `exp` MUST NOT be more than 24 hours ahead
CLOCK_LEEWAY = 60  # seconds of clock difference tolerated on the 24-hour bound
URGENCIES = ("very-low", "low", "normal", "high")  # RFC 8030 §5.3
TOPIC_ALPHABET = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
)  # RFC 8030 §5.4: at most 32 characters of the URL- and filename-safe base64 alphabet


def b64url(data: bytes) -> str:
    """Base64url without padding (RFC 7515 §2), as Web Push keys are written."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass(frozen=True)
class PushMessage:
    """One message the service accepted: the decrypted body, the request's headers (names
    lower-cased), the VAPID public key that signed it and the JWT's claims."""

    plaintext: bytes
    headers: dict[str, str]
    vapid_key: str
    claims: dict[str, Any]
    received_at: float  # time.monotonic()

    @property
    def xml(self) -> ET.Element:
        return ET.fromstring(self.plaintext)  # the test's own server sent it

    @property
    def topic(self) -> str | None:
        """The WebDAV-Push `topic` of the push-message (draft §6), not the RFC 8030 header."""
        return self.xml.findtext(f"{{{WEBDAV_PUSH}}}topic")

    @property
    def sync_token(self) -> str | None:
        return self.xml.findtext(f"{{{WEBDAV_PUSH}}}content-update/{{{DAV}}}sync-token")

    @property
    def is_key_rotation(self) -> bool:
        """The draft's VAPID key rotation message (§6.2): no topic, and a property-update
        naming `transports`."""
        root = self.xml
        return (
            root.tag == f"{{{WEBDAV_PUSH}}}push-message"
            and root.find(f"{{{WEBDAV_PUSH}}}topic") is None
            and root.find(
                f"{{{WEBDAV_PUSH}}}property-update/{{{DAV}}}prop/{{{WEBDAV_PUSH}}}transports"
            )
            is not None
        )


@dataclass(eq=False)
class Subscription:
    """A user agent's push subscription (RFC 8030 §4, RFC 8291 §2): what the client registers
    at the application server is `endpoint`, `p256dh` and `auth`."""

    id: str
    endpoint: str
    private_key: ec.EllipticCurvePrivateKey = field(repr=False)
    auth_secret: bytes = field(repr=False)
    name: str | None = None
    application_server_key: str | None = None  # the VAPID key it is bound to, if any
    messages: list[PushMessage] = field(default_factory=list, repr=False)
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def public_point(self) -> bytes:
        """The uncompressed X9.62 point of the public key (65 bytes)."""
        return self.private_key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )

    @property
    def p256dh(self) -> str:
        return b64url(self.public_point)

    @property
    def auth(self) -> str:
        return b64url(self.auth_secret)

    def received(self) -> list[PushMessage]:
        """A copy of the messages so far, oldest first."""
        with self.lock:
            return list(self.messages)

    def wait_for(self, count: int, timeout: float = 30) -> list[PushMessage]:
        """The messages once at least `count` have arrived; AssertionError after `timeout`."""
        deadline = time.monotonic() + timeout
        while True:
            arrived = self.received()
            if len(arrived) >= count:
                return arrived
            if time.monotonic() >= deadline:
                raise AssertionError(
                    f"{self.name or self.id}: {len(arrived)} of {count} push messages in "
                    f"{timeout}s: {[message.plaintext for message in arrived]!r}"
                )
            time.sleep(0.02)


class PushService(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, host: str = HOST, *, max_payload: int = MAX_PAYLOAD) -> None:
        self.max_payload = max_payload
        self.subscriptions: dict[str, Subscription] = {}
        self.gone: set[str] = set()
        self.failures: dict[str, deque[tuple[int, dict[str, str]]]] = {}
        self.requests: Counter[tuple[str, int]] = Counter()  # (path, status) -> how many
        self.release = threading.Event()
        self.lock = threading.Lock()
        super().__init__((host, 0), _Handler)

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    @property
    def origin(self) -> str:
        """The push resources' origin: what a VAPID JWT's `aud` must be (RFC 8292 §2)."""
        host = self.server_address[0]
        return f"http://{host.decode() if isinstance(host, bytes) else host}:{self.port}"

    def subscribe(
        self, name: str | None = None, *, application_server_key: str | None = None
    ) -> Subscription:
        """A new subscription, as a user agent makes one: a P-256 key pair, a 16-byte auth
        secret and a push resource; with `application_server_key` (base64url VAPID public
        key) only messages signed with that key are accepted (403 otherwise)."""
        ident = secrets.token_urlsafe(16)
        subscription = Subscription(
            id=ident,
            endpoint=f"{self.origin}/push/{ident}",
            private_key=ec.generate_private_key(ec.SECP256R1()),
            auth_secret=os.urandom(16),
            name=name,
            application_server_key=application_server_key,
        )
        with self.lock:
            self.subscriptions[ident] = subscription
        return subscription

    def expire(self, subscription: Subscription) -> None:
        """From now on the push resource answers 410 Gone (RFC 8030 §7.3)."""
        with self.lock:
            self.gone.add(subscription.id)

    def fail(
        self,
        subscription: Subscription,
        status: int,
        *,
        times: int = 1,
        retry_after: int | None = None,
    ) -> None:
        """The next `times` messages to the subscription are answered `status`; 429 and 503
        carry `Retry-After` (`retry_after` seconds, 1 unless given), others only if given."""
        headers: dict[str, str] = {}
        if retry_after is not None or status in (429, 503):
            headers["Retry-After"] = str(1 if retry_after is None else retry_after)
        with self.lock:
            queue = self.failures.setdefault(subscription.id, deque())
            queue.extend([(status, headers)] * times)

    def count(self, path: str, status: int) -> int:
        with self.lock:
            return self.requests[(path, status)]

    def messages(self) -> list[PushMessage]:
        """Every accepted message to any subscription, in the order they arrived."""
        with self.lock:
            subscriptions = list(self.subscriptions.values())
        every = [message for each in subscriptions for message in each.received()]
        return sorted(every, key=lambda message: message.received_at)


class Refused(Exception):
    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.headers = headers or {}


def check_vapid(authorization: str | None, audience: str) -> tuple[str, dict[str, Any]]:
    """RFC 8292 §3: the public key and the JWT's claims, or Refused(401)."""
    if not authorization:
        raise Refused(401, "missing Authorization")
    scheme, _, rest = authorization.strip().partition(" ")
    if scheme.lower() != "vapid":
        raise Refused(401, f"unsupported authorization scheme {scheme!r}")
    params: dict[str, str] = {}
    for part in rest.split(","):
        name, equals, value = part.strip().partition("=")
        if equals:
            params[name.strip().lower()] = value.strip()
    token, key = params.get("t"), params.get("k")
    if not token or not key:
        raise Refused(401, "vapid needs both t= and k=")
    try:
        claims = vapid_jwt.decode(token, key)
        header = json.loads(b64url_decode(token.split(".", 1)[0]))
    except (InvalidSignature, ValueError, binascii.Error) as exc:
        raise Refused(401, f"invalid VAPID signature: {exc!r}") from exc
    if not isinstance(header, dict) or header.get("alg") != "ES256":
        raise Refused(401, "JWT alg must be ES256")
    if not isinstance(claims, dict):
        raise Refused(401, "JWT claims are not an object")
    if claims.get("aud") != audience:
        raise Refused(401, f"aud {claims.get('aud')!r} is not {audience!r}")
    expires = claims.get("exp")
    now = time.time()
    if isinstance(expires, bool) or not isinstance(expires, int | float):
        raise Refused(401, "exp missing or not a number")
    if expires <= now:
        raise Refused(401, "JWT expired")
    if expires > now + MAX_JWT_LIFETIME + CLOCK_LEEWAY:
        raise Refused(401, "exp more than 24 hours ahead")
    subject = claims.get("sub")
    if not isinstance(subject, str) or not subject.lower().startswith(("mailto:", "https:")):
        raise Refused(401, "sub must be a mailto: or https: URI")
    return key, claims


def same_key(one: str, other: str) -> bool:
    try:
        return b64url_decode(one.replace("+", "-").replace("/", "_")) == b64url_decode(
            other.replace("+", "-").replace("/", "_")
        )
    except (ValueError, binascii.Error):
        return False


class _Handler(BaseHTTPRequestHandler):
    server: PushService
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _send(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
        with self.server.lock:
            self.server.requests[(self.path, status)] += 1
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _refuse(self, refused: Refused) -> None:
        body = json.dumps({"code": refused.status, "message": str(refused)}).encode()
        headers = {"Content-Type": "application/json", **refused.headers}
        if refused.status == 401:
            headers.setdefault("WWW-Authenticate", "vapid")
        self._send(refused.status, body, headers)

    def _body(self) -> bytes:
        """The request body (Content-Length or chunked); Refused(413) past the limit."""
        limit = self.server.max_payload
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            data = b""
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    break
                data += self.rfile.read(size)
                self.rfile.readline()
                if len(data) > 64 * limit:
                    self.close_connection = True
                    raise Refused(413, "payload too large")
        else:
            length = int(self.headers.get("Content-Length") or 0)
            if length > 64 * limit:
                self.close_connection = True
                raise Refused(413, "payload too large")
            data = self.rfile.read(length)
        if len(data) > limit:
            raise Refused(413, f"payload of {len(data)} bytes, at most {limit}")
        return data

    def _other(self) -> None:
        self.close_connection = True
        self._send(405, b"push resources take POST", {"Allow": "POST"})

    do_GET = do_PUT = do_DELETE = do_PATCH = _other

    def do_POST(self) -> None:
        try:
            self._accept()
        except Refused as refused:
            self._refuse(refused)

    def _accept(self) -> None:
        prefix, _, ident = self.path.partition("/push/")
        with self.server.lock:
            subscription = self.server.subscriptions.get(ident) if prefix == "" else None
        try:
            body = self._body()
        except ValueError as exc:
            self.close_connection = True
            raise Refused(400, "unreadable body") from exc
        if subscription is None:
            raise Refused(404, "no such push resource")
        with self.server.lock:
            if ident in self.server.gone:
                raise Refused(410, "push subscription expired")
            queue = self.server.failures.get(ident)
            scripted = queue.popleft() if queue else None
        if scripted is not None:
            raise Refused(scripted[0], "scripted failure", scripted[1])
        headers = {name.lower(): value for name, value in self.headers.items()}
        if headers.get("content-encoding", "").strip().lower() != "aes128gcm":
            raise Refused(400, "Content-Encoding must be aes128gcm (RFC 8291 §4)")
        ttl = headers.get("ttl", "").strip()
        if not (ttl.isascii() and ttl.isdigit()):
            raise Refused(400, "TTL must be a non-negative integer (RFC 8030 §5.2)")
        if "urgency" in headers and headers["urgency"].strip().lower() not in URGENCIES:
            raise Refused(400, f"unknown Urgency {headers['urgency']!r} (RFC 8030 §5.3)")
        topic = headers.get("topic")
        if topic is not None and not (0 < len(topic) <= 32 and set(topic) <= TOPIC_ALPHABET):
            raise Refused(400, f"Topic {topic!r} is not 1-32 base64url characters")
        key, claims = check_vapid(headers.get("authorization"), self.server.origin)
        bound = subscription.application_server_key
        if bound is not None and not same_key(bound, key):
            raise Refused(403, "signed with another key than the subscription's")
        try:
            plaintext: bytes = http_ece.decrypt(
                body,
                private_key=subscription.private_key,
                auth_secret=subscription.auth_secret,
                version="aes128gcm",
            )
        except Exception as exc:  # http_ece raises ECEException, struct.error, ValueError, ...
            raise Refused(400, f"body does not decrypt: {exc!r}") from exc
        message = PushMessage(plaintext, headers, key, claims, time.monotonic())
        with subscription.lock:
            subscription.messages.append(message)
        self._send(
            201, headers={"Location": f"/message/{secrets.token_urlsafe(16)}", "TTL": str(ttl)}
        )


@contextmanager
def push_service(host: str = HOST, *, max_payload: int = MAX_PAYLOAD) -> Iterator[PushService]:
    """A push service on a free loopback port, shut down when the block ends."""
    with serving(PushService(host, max_payload=max_payload)) as service:
        yield service
