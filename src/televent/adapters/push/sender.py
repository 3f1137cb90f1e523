"""The WebDAV-Push sender (docs/adr/0027): the leader's job that sends what the push queue holds.

Each round claims the registrations with something to hear and sends, several at once through
the outbound guard (docs/adr/0023: https:// only, no private address unless the operator
allows it), one `push-message` each (draft-bitfire-webdav-push-00 §6): its collection's topic
and, for a calendar, the sync token of the newest change, so the client's sync-collection
from its previous token returns exactly what changed. A registration under a retired VAPID
key first gets the key-rotation message. Messages are encrypted as RFC 8291 says (aes128gcm,
a new ephemeral key each; `http_ece`) and carry a VAPID authorization (RFC 8292; `py_vapid`)
signed with the key the registration was made under, with `TTL`, `Urgency` (high when a
changed event starts within 15 minutes) and `Topic` (the push service then keeps only the
newest message of a collection for an offline phone). A 404 or 410 ends the registration;
any other failure backs off that registration alone. A push service that times out is not asked
again in the same round, and a round starts no push after
ROUND_SECONDS: the registrations it did not try wait a few seconds for the next, no failure
counted against them.
"""

from __future__ import annotations

import base64
import datetime as dt
import logging
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import http_ece
from cryptography.hazmat.primitives.asymmetric import ec
from py_vapid import Vapid02

from televent.adapters.outbound import Outbound, OutboundError
from televent.adapters.outbound.rounds import each_on_its_own, keep_sending
from televent.adapters.port import AppPort
from televent.application.push_registrations import PushRegistrations, VapidKey
from televent.delivery.push_queue import PushJob, PushQueue
from televent.domain.values import sync_token
from televent.domain.web_push import (
    CONTENT_ENCODING,
    NAMESPACE,
    TIME_TO_LIVE,
    Collection,
    Kind,
)

LOG = logging.getLogger(__name__)
ROUND = 200  # registrations taken per round
AT_ONCE = 16  # pushed at the same time (each request bounded by the guard's time limit)
# A round starts no push after this long: the rest wait for the next round (a round of push
# resources that never answer took ROUND / AT_ONCE times the guard's time limit, 3 minutes)
ROUND_SECONDS = 30.0
UNREACHABLE = ("timeout",)  # an origin that timed out is not asked again this round (a refused
# connection or a broken answer is quick, and one bad registration says nothing of the others)
POSTPONED = dt.timedelta(seconds=5)  # when a registration a round did not try is due again
JWT_LIFETIME_SECONDS = 12 * 3600  # RFC 8292 §2: at most 24 hours
MAX_SIGNED = 10_000  # push services' origins whose JWT is remembered
GONE = (404, 410)  # the push service no longer has the subscription (RFC 8030 §7.3)
HTTPS_ONLY = frozenset({"https"})


def push_message(job: PushJob, epoch: int = 0) -> bytes:
    """The content update a registration is told of (draft §6.1), its sync token as CalDAV
    gives it after `epoch` restores."""
    collection = Collection.from_key(job.collection)
    token = (
        f"<D:sync-token>{sync_token(job.wanted, epoch)}</D:sync-token>"
        if collection.kind is Kind.CALENDAR
        else ""
    )
    properties = "<property-update />" if job.properties else ""
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<push-message xmlns="{NAMESPACE}" xmlns:D="DAV:"><topic>{collection.topic}</topic>'
        f"<content-update>{token}</content-update>{properties}</push-message>"
    ).encode()


def rotation_message() -> bytes:
    """The draft's VAPID key rotation message (§6.2): no topic, the transports changed."""
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<push-message xmlns="{NAMESPACE}" xmlns:D="DAV:"><property-update><D:prop>'
        "<transports /></D:prop></property-update></push-message>"
    ).encode()


class PushRefusedByServiceError(Exception):
    """The push service answered with an error status."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(f"the push service answered {status}: {detail}")
        self.status = status


@dataclass
class _Round:
    """What one round learnt: the push services that did not answer, and when it ends."""

    until: float
    unreachable: set[str] = field(default_factory=set)


def _origin(url: str) -> str:
    """The push resource's origin: the JWT's audience, and what a slow service is known by."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


class PushSender:
    """Sends the push queue's messages.

    Args:
        queue: the push queue.
        registrations: the VAPID keys (and the registrations they sign for).
        outbound: the guard every push request goes through.
        subject: the VAPID `sub` claim, a contact for the push service's operator
            (`mailto:` the server's address, or its https:// URL).
        epoch: the restores the database went through (what sync tokens carry).
    """

    def __init__(
        self,
        queue: PushQueue,
        registrations: PushRegistrations,
        outbound: Outbound,
        subject: str,
        port: AppPort | None = None,
        *,
        round_seconds: float = ROUND_SECONDS,
        epoch: int = 0,
    ) -> None:
        self.queue = queue
        self.epoch = epoch
        self.round_seconds = round_seconds
        self.registrations = registrations
        self.outbound = outbound
        self.subject = subject
        self.port = port or AppPort(2)
        self._signers: dict[str, Vapid02] = {}
        # (key id, audience) -> (until when it is used, the Authorization header): one
        # signature serves every message to one push service for hours.
        self._signed: dict[tuple[str, str], tuple[float, str]] = {}

    async def run_once(self) -> int:
        """Send what is due (up to a round's worth); returns how many registrations."""
        jobs = await self.port.run(self.queue.claim, ROUND)
        this_round = _Round(until=time.monotonic() + self.round_seconds)

        async def push(job: PushJob) -> None:
            if time.monotonic() > this_round.until or (
                _origin(job.push_resource) in this_round.unreachable
            ):  # its turn is the next round's (no failure of its own is counted)
                await self.port.run(self.queue.postpone, job, POSTPONED)
                return
            await self.send(job, this_round.unreachable)

        await each_on_its_own(
            jobs, push, at_once=AT_ONCE, log=LOG,
            what=lambda job: f"Push to registration {job.registration_id}",
        )  # fmt: skip
        return len(jobs)

    async def run_forever(self, interval: float = 0.25) -> None:
        """Send, and look again soon; a failing round never ends the loop."""
        await keep_sending(self.run_once, idle=interval, log=LOG, what="A round of push messages")

    async def send(self, job: PushJob, unreachable: set[str] | None = None) -> None:
        """Send one registration's messages and record what happened; a push service that
        cannot be reached is added to `unreachable`."""
        key = await self.port.run(self.registrations.key, job.vapid_key_id)
        if key is None:  # its key is gone: the registration cannot be pushed to any more
            await self.port.run(self.queue.gone, job.registration_id)
            return
        try:
            if job.rotation:
                await self._post(job, key, rotation_message(), urgency="normal")
            if job.wanted > job.sent:
                await self._post(
                    job,
                    key,
                    push_message(job, self.epoch),
                    urgency="high" if job.urgent else "normal",
                )
        except PushRefusedByServiceError as refused:
            if refused.status in GONE:
                LOG.info("Push registration %s is gone (%s)", job.registration_id, refused)
                await self.port.run(self.queue.gone, job.registration_id)
                return
            await self._failed(job, str(refused))
            return
        except OutboundError as exc:
            if unreachable is not None and exc.reason in UNREACHABLE:
                unreachable.add(_origin(job.push_resource))
            await self._failed(job, f"{exc.reason}: {exc}")
            return
        await self.port.run(self.queue.sent, job)

    async def _failed(self, job: PushJob, error: str) -> None:
        given_up = await self.port.run(self.queue.failed, job, error)
        if given_up:
            LOG.warning(
                "Gave up pushing to registration %s after %s failures: %s",
                job.registration_id, job.failures + 1, error,
            )  # fmt: skip

    async def _post(self, job: PushJob, key: VapidKey, message: bytes, *, urgency: str) -> None:
        body = encrypt(message, job.p256dh, job.auth_secret)
        headers = {
            "Content-Type": 'application/xml; charset="utf-8"',
            "Content-Encoding": CONTENT_ENCODING,
            "TTL": str(int(TIME_TO_LIVE.total_seconds())),
            "Urgency": urgency,
            **self._authorization(key, job.push_resource),
        }
        if not job.rotation or job.wanted > job.sent:
            headers["Topic"] = Collection.from_key(job.collection).topic
        answer = await self.outbound.fetch(
            job.push_resource, method="POST", headers=headers, content=body, schemes=HTTPS_ONLY
        )
        if not 200 <= answer.status < 300:
            detail = answer.body[:200].decode("utf-8", "replace").strip()
            raise PushRefusedByServiceError(answer.status, detail or "no details")

    def _authorization(self, key: VapidKey, push_resource: str) -> dict[str, str]:
        """RFC 8292 §3: `Authorization: vapid t=<JWT>, k=<public key>`, the JWT's audience
        the push resource's origin; a JWT is reused until an hour before it expires."""
        audience = _origin(push_resource)  # RFC 6454 §6.2: serialized in lower case
        now = time.time()
        cached = self._signed.get((key.key_id, audience))
        if cached is not None and cached[0] > now:
            return {"Authorization": cached[1]}
        signer = self._signers.get(key.key_id)
        if signer is None:
            signer = self._signers[key.key_id] = Vapid02.from_pem(key.private_pem.encode())
        claims = {"aud": audience, "exp": int(now) + JWT_LIFETIME_SECONDS, "sub": self.subject}
        signed: dict[str, str] = signer.sign(claims)
        if len(self._signed) > MAX_SIGNED:
            self._signed.clear()
        self._signed[(key.key_id, audience)] = (
            now + JWT_LIFETIME_SECONDS - 3600,
            signed["Authorization"],
        )
        return {"Authorization": signed["Authorization"]}


def encrypt(message: bytes, p256dh: str, auth_secret: str) -> bytes:
    """RFC 8291: the message encrypted for the user agent's key and secret (aes128gcm, with a
    new ephemeral key)."""
    ephemeral = ec.generate_private_key(ec.SECP256R1())
    encrypted: bytes = http_ece.encrypt(
        message,
        private_key=ephemeral,
        dh=_decoded(p256dh),
        auth_secret=_decoded(auth_secret),
        version=CONTENT_ENCODING,
    )
    return encrypted


def _decoded(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
