"""WebDAV-Push (draft-bitfire-webdav-push-00, docs/adr/0027) on the CalDAV server.

- Properties of every calendar (each member's view of a shared one too), the calendar home and
  the scheduling inbox: `transports` (Web Push, with the server's VAPID public key),
  `topic`, `supported-triggers` (content-update depth 1; property-update depth 0 on
  calendars). DAVx5 asks for `transports` and `topic` in its Depth 1 PROPFIND of the home.
- `POST` of a `push-register` body to such a collection registers a Web Push subscription:
  201 with the registration's absolute URL in `Location` and its end in `Expires` (204 when
  the same push resource was registered there already: it is renewed); 403 with
  `invalid-subscription` or `no-supported-trigger` as the draft says. The push resource must
  be an address the outbound guard lets through (docs/adr/0023).
- `DELETE /dav/push/<id>` removes one of the caller's registrations (204; 404 otherwise).
- `Push-Dont-Notify` on a request that changes something names the client's own
  registrations (or `*`): they are not told of this change (projections/push_delivery.py).
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import datetime as dt
import email.utils
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from urllib.parse import urlsplit

from televent.adapters.caldav import xml
from televent.adapters.caldav.protocol import DavError, Reply, Request
from televent.adapters.caldav.resources import PUSH_PATH, Kind, Target
from televent.adapters.caldav.xml import DAV, element, tag
from televent.adapters.outbound import Outbound, OutboundError
from televent.application.push_registrations import PushRegistrations
from televent.domain.errors import ConflictError
from televent.domain.web_push import (
    NAMESPACE,
    Collection,
    PushRefusedError,
    registration,
)
from televent.domain.web_push import Kind as PushKind
from televent.projections.push_delivery import ALL, quiet
from televent.projections.queries import AccountView

HTTPS_ONLY = frozenset({"https"})
_QUOTED = re.compile(r'"([^"]*)"')

Provider = dict[str, Callable[[], ET.Element]]


def collection_for(target: Target, account: AccountView, calendar_id: str | None) -> Collection:
    """The push collection a CalDAV target is (a calendar by its id, the caller's home or
    inbox)."""
    if target.kind is Kind.CALENDAR and calendar_id is not None:
        return Collection(PushKind.CALENDAR, calendar_id)
    if target.kind is Kind.INBOX:
        return Collection(PushKind.INBOX, str(account.account_id))
    return Collection(PushKind.HOME, str(account.account_id))


def push_properties(collection: Collection, vapid_public_key: Callable[[], str]) -> Provider:
    """The draft's three properties of a push-capable collection (§4.1, §4.2, §4.3)."""

    def transports() -> ET.Element:
        key = element(NAMESPACE, "vapid-public-key", vapid_public_key())
        key.set("type", "p256ecdsa")
        web_push = element(NAMESPACE, "web-push", children=[key])
        return element(NAMESPACE, "transports", children=[web_push])

    def triggers() -> ET.Element:
        kinds = [
            element(
                NAMESPACE,
                "content-update",
                children=[element(DAV, "depth", collection.depth_of_content)],
            )
        ]
        if collection.property_updates:
            kinds.append(
                element(NAMESPACE, "property-update", children=[element(DAV, "depth", "0")])
            )
        return element(NAMESPACE, "supported-triggers", children=kinds)

    return {
        tag(NAMESPACE, "transports"): transports,
        tag(NAMESPACE, "topic"): lambda: element(NAMESPACE, "topic", collection.topic),
        tag(NAMESPACE, "supported-triggers"): triggers,
    }


class PushResources:
    """Registrations made and removed over CalDAV, and the requests that ask not to be told.

    Args:
        registrations: where registrations and the VAPID keys are kept.
        outbound: the guard a push resource must pass (https://, no private address unless
            the operator allows it).
        public_url: the server's public base URL, for the absolute `Location`; without it, the
            request's Host.
    """

    def __init__(
        self, registrations: PushRegistrations, outbound: Outbound, public_url: str | None
    ) -> None:
        self.registrations = registrations
        self.outbound = outbound
        self.public_url = (public_url or "").rstrip("/")

    def vapid_public_key(self) -> str:
        """The key new registrations are made under, base64url (the `vapid-public-key`)."""
        return _b64url(self.registrations.current_key().public_point)

    def register(self, request: Request, collection: Collection, account: AccountView) -> Reply:
        """`POST` of a `push-register` body (draft §5.1)."""
        root = xml.parse(request.body)
        if root is None:  # not reached: the handler routes only push-register bodies here
            raise DavError(403, "POST a push-register body.", "invalid-subscription", NAMESPACE)
        subscription = root.find(
            f"{tag(NAMESPACE, 'subscription')}/{tag(NAMESPACE, 'web-push-subscription')}"
        )
        if subscription is None:
            raise DavError(
                403, "A web-push-subscription is needed.", "invalid-subscription", NAMESPACE
            )
        key = subscription.find(tag(NAMESPACE, "subscription-public-key"))
        try:
            wanted = registration(
                collection,
                push_resource=_text(subscription, "push-resource"),
                p256dh=None if key is None or key.get("type", "p256dh") != "p256dh" else key.text,
                auth_secret=_text(subscription, "auth-secret"),
                content_encoding=_text(subscription, "content-encoding"),
                triggers=_triggers(root),
            )
        except PushRefusedError as refused:
            raise DavError(403, str(refused), refused.precondition, NAMESPACE) from None
        try:
            asyncio.run(self.outbound.check_url(wanted.push_resource, schemes=HTTPS_ONLY))
        except OutboundError as refused:
            raise DavError(
                403, f"The push resource is refused: {refused}", "invalid-subscription", NAMESPACE
            ) from None
        try:
            done = self.registrations.register(
                str(account.account_id), collection, wanted, requested_expiry=_expires(root)
            )
        except ConflictError as refused:
            raise DavError(403, str(refused), "push-not-available", NAMESPACE) from None
        headers = {
            "location": f"{self._base(request)}{PUSH_PATH}{done.registration_id}",
            "expires": email.utils.format_datetime(done.expires_at, usegmt=True),
        }
        return Reply(201 if done.created else 204, b"", headers)

    def unregister(self, target: Target, account: AccountView) -> Reply:
        """`DELETE` of a registration URL (draft §5.2): 204, or 404 for none of the caller's."""
        self.registrations.unregister(str(account.account_id), target.name or "")
        return Reply(204)

    @contextlib.contextmanager
    def dont_notify(self, request: Request, account: AccountView) -> Iterator[None]:
        """Within this block the caller's registrations `Push-Dont-Notify` names are not told
        of the change (draft §6.3; only the caller's own, invalid values ignored)."""
        header = request.header("push-dont-notify")
        if header is None:
            yield
            return
        if header.strip() == "*":
            named = [ALL]
        else:
            ids = [_registration_id(url) for url in _QUOTED.findall(header)]
            named = self.registrations.owned(
                str(account.account_id), [i for i in ids if i is not None]
            )
        with quiet(str(account.account_id), named):
            yield

    def _base(self, request: Request) -> str:
        if self.public_url:
            return self.public_url
        scheme = (request.header("x-forwarded-proto") or "http").split(",")[0].strip()
        return f"{scheme}://{request.header('host') or 'localhost'}"


def is_push_register(body: bytes) -> bool:
    """Whether a POST's body is a WebDAV-Push registration (anything else POSTed to a
    collection is answered as before: 405, free-busy requests go to the outbox)."""
    try:
        root = xml.parse(body)
    except xml.XmlError:
        return False
    return root is not None and root.tag == tag(NAMESPACE, "push-register")


def _registration_id(url: str) -> str | None:
    path = urlsplit(url.strip()).path
    if not path.startswith(PUSH_PATH):
        return None
    name = path[len(PUSH_PATH) :].strip("/")
    return name or None


def _text(parent: ET.Element, name: str) -> str | None:
    node = parent.find(tag(NAMESPACE, name))
    return None if node is None or node.text is None else node.text.strip()


def _triggers(root: ET.Element) -> tuple[str, ...] | None:
    """The triggers asked for (None when the body names none, as DAVx5 up to 4.5 sends)."""
    trigger = root.find(tag(NAMESPACE, "trigger"))
    if trigger is None:
        return None
    return tuple(
        child.tag.removeprefix(f"{{{NAMESPACE}}}")
        for child in trigger
        if child.tag.startswith(f"{{{NAMESPACE}}}")
    )


def _expires(root: ET.Element) -> dt.datetime | None:
    text = _text(root, "expires")
    if not text:
        return None
    try:
        moment = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None  # an invalid date is no request: the default lifetime applies
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")
