"""CalDAV methods (RFC 4918, RFC 4791): synchronous handlers run on worker threads.

Each handler authenticates, checks that the path belongs to the caller, and turns the request
into a query or a command on the application. Domain errors become the right status with the
CalDAV precondition (RFC 4791 §5.3.2.1) in an XML error body; nothing a client sends yields 500.

The scheduling inbox and outbox (RFC 6638 §2.1, §2.2) are fixed: they are read, the inbox's
reports find nothing, and the outbox takes free-busy POSTs (§5, answered by `outbox.Outbox`).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable

from televent.adapters.caldav import properties, xml
from televent.adapters.caldav.auth import (
    Authenticator,
    Principal,
    ThrottledError,
    UnauthenticatedError,
)
from televent.adapters.caldav.inbox import InboxResources
from televent.adapters.caldav.outbox import Outbox
from televent.adapters.caldav.protocol import (
    DavError,
    Reply,
    Request,
)
from televent.adapters.caldav.reports import Reports
from televent.adapters.caldav.resources import (
    SCHEDULING_SLUGS,
    Kind,
    Target,
    calendar_url,
    home_url,
    inbox_url,
    object_url,
    outbox_url,
    principal_url,
    resolve,
)
from televent.adapters.caldav.xml import APPLE, CALDAV, DAV, tag
from televent.application.televent import Televent
from televent.domain.errors import (
    ConflictError,
    DomainError,
    InvalidCalendarDataError,
    NotFoundError,
    PreconditionFailedError,
    UidConflictError,
)
from televent.domain.values import DEFAULT_CALENDAR_SLUG, Source, SourceKind, is_valid_slug
from televent.projections.queries import AccountView, CalendarView
from televent.projections.schedule_inbox_reader import ScheduleInbox

ALLOW_EXCEPT_POST = "OPTIONS, GET, HEAD, PUT, DELETE, PROPFIND, PROPPATCH, REPORT, MKCALENDAR"
ALLOW = f"{ALLOW_EXCEPT_POST}, POST"  # POST only on the scheduling outbox
DAV_HEADER = "1, 3, calendar-access, calendar-auto-schedule"
INBOX_ITEM_ALLOW = "OPTIONS, GET, HEAD, DELETE, PROPFIND"
SCHEDULING_ALLOW = {
    Kind.INBOX: "OPTIONS, GET, HEAD, DELETE, PROPFIND, REPORT",
    Kind.OUTBOX: "OPTIONS, GET, HEAD, PROPFIND, POST",
}
CHALLENGE = {"www-authenticate": 'Basic realm="Televent", charset="UTF-8"'}
WRITABLE = {
    tag(DAV, "displayname"): "display_name",
    tag(CALDAV, "calendar-description"): "description",
    tag(APPLE, "calendar-color"): "color",
    tag(CALDAV, "calendar-timezone"): "timezone",
}
COMPONENT_SET = tag(CALDAV, "supported-calendar-component-set")
Handler = Callable[[Request, Target, Principal, AccountView], Reply]


class CalDavHandlers:
    """The CalDAV server's behaviour, independent of the HTTP framework."""

    def __init__(
        self, app: Televent, auth: Authenticator, internal_domain: str, max_resource_bytes: int
    ) -> None:
        self.app = app
        self.auth = auth
        self.internal_domain = internal_domain
        self.max_resource_bytes = max_resource_bytes
        self.reports = Reports(app)
        self.outbox = Outbox(app, internal_domain, max_resource_bytes)
        self.inbox = InboxResources(ScheduleInbox(app.views))
        self.methods: dict[str, Handler] = {
            "PROPFIND": self.propfind,
            "PROPPATCH": self.proppatch,
            "MKCALENDAR": self.mkcalendar,
            "GET": self.get,
            "HEAD": self.get,
            "PUT": self.put,
            "DELETE": self.delete,
            "REPORT": self.report,
            "POST": self.post,
        }

    def handle(self, request: Request) -> Reply:
        """Answer one request; every failure becomes a protocol reply."""
        try:
            return self._handle(request)
        except Exception as error:
            return _error_reply(error, request)

    def _handle(self, request: Request) -> Reply:
        target = resolve(request.path)
        if request.method == "OPTIONS":
            return Reply(200, headers={"dav": DAV_HEADER, "allow": ALLOW, "content-length": "0"})
        if target.kind is Kind.WELL_KNOWN:
            return Reply(301, headers={"location": "/dav/"})
        principal = self.auth.authenticate(request.header("authorization"), request.client)
        if target.telegram_id is not None and target.telegram_id != principal.telegram_id:
            raise DavError(403, "This belongs to another user.", "need-privileges", DAV)
        handler = self.methods.get(request.method)
        if handler is None:
            raise DavError(
                405, f"{request.method} is not supported here.", headers={"allow": ALLOW}
            )
        if target.kind is Kind.UNKNOWN:
            raise NotFoundError("Nothing lives at this address.")
        if target.kind in SCHEDULING_ALLOW:
            _check_scheduling_request(request.method, target)
        account = self.app.queries.account_by_telegram_id(principal.telegram_id)
        if account is None:
            raise UnauthenticatedError("The account no longer exists.")
        return handler(request, target, principal, account)

    # --- PROPFIND / PROPPATCH / MKCALENDAR ------------------------------------------------------

    def propfind(
        self, request: Request, target: Target, principal: Principal, account: AccountView
    ) -> Reply:
        """RFC 4918 §9.1, with Depth 0 or 1 (infinity refused: propfind-finite-depth)."""
        depth = (request.header("depth") or "infinity").strip().lower()
        if depth not in ("0", "1"):
            raise DavError(403, "Depth: infinity is not supported.", "propfind-finite-depth", DAV)
        mode, names = _requested(xml.parse(request.body))
        body = properties.needs_body(mode, names)
        listing = self._listing(target, account, deep=depth == "1", body=body)
        responses = [properties.answer(href, provider, mode, names) for href, provider in listing]
        return Reply.xml(207, xml.multistatus(responses))

    def _listing(
        self, target: Target, account: AccountView, *, deep: bool, body: bool = True
    ) -> list[tuple[str, properties.Provider]]:
        tid = account.telegram_id
        if target.kind is Kind.ROOT:
            return [("/dav/", properties.root(account))]
        if target.kind is Kind.PRINCIPAL:
            return [(principal_url(tid), properties.principal(account, self.internal_domain))]
        if target.kind is Kind.HOME:
            return self._home_listing(account, deep=deep)
        if target.kind in SCHEDULING_ALLOW:
            return self._scheduling_listing(target, account, deep=deep)
        view = self._calendar(account, target)
        if target.kind is Kind.CALENDAR:
            listing = [(calendar_url(tid, view.slug), properties.calendar(account, view))]
            if deep:
                listing += [
                    (
                        object_url(tid, view.slug, o.href),
                        properties.calendar_object(account, o, body=body),
                    )
                    for o in self.app.queries.objects_in(view.calendar_id, bodies=body)
                ]
            return listing
        assert target.name is not None
        obj = self.app.queries.object_at(view.calendar_id, target.name)
        if obj is None:
            raise NotFoundError(f"No resource named {target.name}.")
        return [(object_url(tid, view.slug, obj.href), properties.calendar_object(account, obj))]

    def _scheduling_listing(
        self, target: Target, account: AccountView, *, deep: bool
    ) -> list[tuple[str, properties.Provider]]:
        """The inbox (with `deep`, and its items) or one inbox item, or the outbox."""
        if target.kind is Kind.INBOX and target.name is not None:
            return [self.inbox.one(account, target.name)]
        box = [self._scheduling_box(target.kind, account)]
        return box + self.inbox.listing(account) if deep and target.kind is Kind.INBOX else box

    def _home_listing(
        self, account: AccountView, *, deep: bool
    ) -> list[tuple[str, properties.Provider]]:
        """The home, and with `deep` its calendars, inbox and outbox (RFC 6638 §2.1, §2.2)."""
        tid = account.telegram_id
        listing = [(home_url(tid), properties.home(account))]
        if deep:
            calendars = self.app.queries.calendars_of(account.account_id)
            listing += [
                (calendar_url(tid, c.slug), properties.calendar(account, c))
                for c in calendars
                if c.slug not in SCHEDULING_SLUGS  # shadowed by the inbox and outbox
            ]
            listing += [self._scheduling_box(kind, account, calendars) for kind in SCHEDULING_ALLOW]
        return listing

    def _scheduling_box(
        self, kind: Kind, account: AccountView, calendars: list[CalendarView] | None = None
    ) -> tuple[str, properties.Provider]:
        """The outbox, or the inbox naming the calendar invitations go to (RFC 6638 §9.2)."""
        tid = account.telegram_id
        if kind is Kind.OUTBOX:
            return outbox_url(tid), properties.outbox(account)
        if calendars is None:
            calendars = self.app.queries.calendars_of(account.account_id)
        default = next(
            (calendar_url(tid, c.slug) for c in calendars if c.slug == DEFAULT_CALENDAR_SLUG),
            None,
        )
        return inbox_url(tid), properties.inbox(account, default, self.inbox.version(account))

    def proppatch(
        self, request: Request, target: Target, principal: Principal, account: AccountView
    ) -> Reply:
        """RFC 4918 §9.2, atomic: every change applies, or none (403 and 424)."""
        if target.kind is not Kind.CALENDAR:
            raise DavError(
                403,
                "Only calendar properties can be changed.",
                "cannot-modify-protected-property",
                DAV,
            )
        view = self._calendar(account, target)
        root = xml.parse(request.body)
        if root is None or root.tag != tag(DAV, "propertyupdate"):
            raise xml.XmlError("Expected a DAV:propertyupdate body.")
        changes, names = _property_changes(root)
        unknown = [n for n in names if n not in WRITABLE]
        if unknown:
            return Reply.xml(
                207,
                xml.multistatus(
                    [
                        xml.Response(
                            request.path,
                            [
                                xml.PropStat(403, [ET.Element(n) for n in unknown]),
                                xml.PropStat(424, [ET.Element(n) for n in names if n in WRITABLE]),
                            ],
                        )
                    ]
                ),
            )
        self.app.update_calendar(
            view.calendar_id, changes, actor=_actor(principal), source=_source(principal)
        )
        return Reply.xml(
            207,
            xml.multistatus(
                [xml.Response(request.path, [xml.PropStat(200, [ET.Element(n) for n in names])])]
            ),
        )

    def mkcalendar(
        self, request: Request, target: Target, principal: Principal, account: AccountView
    ) -> Reply:
        """RFC 4791 §5.3.1: create a calendar, with initial properties."""
        if target.kind is not Kind.CALENDAR or target.slug is None:
            raise DavError(
                403,
                "Calendars are created inside the calendar home.",
                "calendar-collection-location-ok",
            )
        if not is_valid_slug(target.slug):
            raise DavError(
                403, "That name cannot be used for a calendar.", "calendar-collection-location-ok"
            )
        if any(c.slug == target.slug for c in self.app.queries.calendars_of(account.account_id)):
            raise DavError(403, "A calendar with this name exists.", "resource-must-be-null", DAV)
        root = xml.parse(request.body)
        changes: dict[str, str | None] = {}
        if root is not None:
            changes, names = _property_changes(root)
            unknown = [n for n in names if n not in WRITABLE and n != COMPONENT_SET]
            if unknown:
                raise DavError(
                    403,
                    f"Property {unknown[0]} cannot be set at creation.",
                    "cannot-modify-protected-property",
                    DAV,
                )
        self.app.create_calendar(
            account.account_id,
            target.slug,
            {k: v for k, v in changes.items() if v is not None},
            actor=_actor(principal),
            source=_source(principal),
        )
        return Reply(201, headers={"location": calendar_url(account.telegram_id, target.slug)})

    # --- objects -------------------------------------------------------------------------------

    def get(
        self, request: Request, target: Target, principal: Principal, account: AccountView
    ) -> Reply:
        """GET/HEAD of a calendar object or an inbox item (a collection answers with a short
        notice)."""
        if target.kind is Kind.INBOX and target.name is not None:
            return self.inbox.get(account, target.name, head=request.method == "HEAD")
        if target.kind is not Kind.OBJECT or target.name is None:
            return Reply(
                200,
                b"Televent CalDAV collection; use a CalDAV client.\n",
                {"content-type": "text/plain; charset=utf-8"},
            )
        obj = self.app.queries.object_of(account.account_id, target.slug or "", target.name)
        if obj is None:
            self._calendar(account, target)  # says which of the two is missing
            raise NotFoundError(f"No resource named {target.name}.")
        body = obj.ical.encode("utf-8")
        headers = {
            "content-type": "text/calendar; charset=utf-8",
            "etag": obj.etag,
            "last-modified": properties.http_date(obj.modified_at),
        }
        if obj.schedule_tag is not None and "ORGANIZER" in obj.ical:
            headers["schedule-tag"] = obj.schedule_tag  # RFC 6638 §3.3
        if request.method == "HEAD":
            return Reply(200, b"", {**headers, "content-length": str(len(body))})
        return Reply(200, body, headers)

    def put(
        self, request: Request, target: Target, principal: Principal, account: AccountView
    ) -> Reply:
        """RFC 4791 §5.3.2: store a calendar object under the name the client chose."""
        if target.kind is not Kind.OBJECT or target.name is None:
            raise DavError(
                405, "PUT a calendar object inside a calendar.", headers={"allow": ALLOW}
            )
        media = (request.header("content-type") or "text/calendar").split(";")[0].strip().lower()
        if media not in ("text/calendar", "application/octet-stream", ""):
            raise DavError(
                415, f"Calendar data must be text/calendar, not {media}.", "supported-calendar-data"
            )
        if len(request.body) > self.max_resource_bytes:
            raise DavError(
                413,
                f"Calendar objects are limited to {self.max_resource_bytes} bytes.",
                "max-resource-size",
            )
        try:
            text = request.body.decode("utf-8")
        except UnicodeDecodeError:
            raise DavError(403, "Calendar data must be UTF-8.", "supported-calendar-data") from None
        view = self._calendar(account, target, missing_status=409)
        if_match = request.header("if-match")
        if if_match is not None and if_match.strip() == "*":
            if self.app.queries.object_at(view.calendar_id, target.name) is None:
                raise PreconditionFailedError("The resource does not exist (If-Match: *).")
            if_match = None
        result = self.app.put_object(
            view.calendar_id,
            target.name,
            text,
            actor=_actor(principal),
            source=_source(principal),
            if_match=_etag(if_match),
            if_none_match=(request.header("if-none-match") or "").strip() == "*",
            if_schedule_tag=_etag(request.header("if-schedule-tag-match")),
        )
        headers = {"etag": result.etag} if result.stored_as_sent else {}
        if result.schedule_tag is not None:
            headers["schedule-tag"] = result.schedule_tag  # RFC 6638 §3.2.10
        return Reply(201 if result.created else 204, b"", headers)

    def delete(
        self, request: Request, target: Target, principal: Principal, account: AccountView
    ) -> Reply:
        """Delete a calendar object (with If-Match), a whole calendar, or an inbox item the
        client has shown (RFC 6638 §4.1)."""
        if target.kind is Kind.INBOX and target.name is not None:
            return self.inbox.delete(account, target.name, _etag(request.header("if-match")))
        view = self._calendar(account, target)
        if target.kind is Kind.CALENDAR and view.slug == DEFAULT_CALENDAR_SLUG:
            raise DavError(
                403,
                "The default calendar stays: Telegram and invitations use it.",
                "need-privileges",
                DAV,
            )
        if target.kind is Kind.CALENDAR:
            self.app.delete_calendar(
                view.calendar_id, actor=_actor(principal), source=_source(principal)
            )
            return Reply(204)
        if target.kind is not Kind.OBJECT or target.name is None:
            raise DavError(403, "This cannot be deleted.")
        self.app.delete_object(
            view.calendar_id,
            target.name,
            actor=_actor(principal),
            source=_source(principal),
            if_match=_etag(request.header("if-match")),
        )
        return Reply(204)

    def report(
        self, request: Request, target: Target, principal: Principal, account: AccountView
    ) -> Reply:
        """REPORT: calendar-multiget, calendar-query, free-busy-query, sync-collection."""
        if target.kind in (Kind.ROOT, Kind.PRINCIPAL):
            return self._principal_search(request, account)
        if target.kind is Kind.INBOX and target.name is None:
            return self.inbox.report(xml.parse(request.body), account)
        if target.kind is not Kind.CALENDAR:
            raise DavError(403, "Reports run on a calendar collection.", "supported-report", DAV)
        view = self._calendar(account, target)
        body = xml.parse(request.body)
        if body is None:
            raise xml.XmlError("A REPORT needs a body.")
        return self.reports.run(body, account, view, request.header("depth") or "0")

    def post(
        self, request: Request, target: Target, principal: Principal, account: AccountView
    ) -> Reply:
        """RFC 6638 §5: a free-busy request, POSTed to the caller's scheduling outbox."""
        if target.kind is not Kind.OUTBOX:
            raise DavError(
                405,
                f"Only free-busy requests are POSTed, to {outbox_url(account.telegram_id)}.",
                headers={"allow": SCHEDULING_ALLOW.get(target.kind, ALLOW_EXCEPT_POST)},
            )
        return self.outbox.post(request, account)

    def _principal_search(self, request: Request, account: AccountView) -> Reply:
        """RFC 3744 §9.4 principal-property-search: only the caller's own principal is ever
        found (no user can list or discover another)."""
        body = xml.parse(request.body)
        if body is None or body.tag != tag(DAV, "principal-property-search"):
            raise DavError(
                403, "Only principal-property-search runs here.", "supported-report", DAV
            )
        wanted = [m.text or "" for m in body.iter(tag(DAV, "match"))]
        provider = properties.principal(account, self.internal_domain)
        searchable = f"{account.name} {account.telegram_id} {' '.join(account.emails)}".lower()
        found = all(w.strip().lower() in searchable for w in wanted)
        names = [
            child.tag
            for child in body
            if child.tag
            not in (
                tag(DAV, "property-search"),
                tag(DAV, "prop"),
                tag(DAV, "apply-to-principal-collection-set"),
            )
        ]
        prop = body.find(tag(DAV, "prop"))
        names += [child.tag for child in prop] if prop is not None else []
        responses = (
            [
                properties.answer(
                    principal_url(account.telegram_id),
                    provider,
                    "prop",
                    names or [tag(DAV, "displayname")],
                )
            ]
            if found
            else []
        )
        return Reply.xml(207, xml.multistatus(responses))

    # --- helpers -----------------------------------------------------------------------------

    def _calendar(
        self, account: AccountView, target: Target, missing_status: int = 404
    ) -> CalendarView:
        for view in self.app.queries.calendars_of(account.account_id):
            if view.slug == target.slug:
                return view
        if missing_status == 409:
            raise DavError(409, "The calendar does not exist.")
        raise NotFoundError(f"No calendar named {target.slug}.")


def _check_scheduling_request(method: str, target: Target) -> None:
    """The inbox and outbox are the server's (RFC 6638 §2.1, §2.2): the inbox's items are read
    and deleted, messages arrive in it only by scheduling, and the outbox only takes POST."""
    box = "inbox" if target.kind is Kind.INBOX else "outbox"
    purpose = (
        "Messages arrive in it when someone schedules with you."
        if target.kind is Kind.INBOX
        else "It only takes free-busy requests (POST)."
    )
    if method == "MKCALENDAR" and target.name is None:
        raise DavError(
            403,
            f'"{box}" names your scheduling {box}, not a calendar; choose another name.',
            "resource-must-be-null",
            DAV,
        )
    if method == "MKCALENDAR":
        raise DavError(
            403,
            "Calendars are created inside the calendar home.",
            "calendar-collection-location-ok",
        )
    if method == "PUT" or (method in ("DELETE", "PROPPATCH") and target.name is None):
        raise DavError(
            405,
            f"{method} is not allowed on the scheduling {box}. {purpose}",
            headers={"allow": SCHEDULING_ALLOW[target.kind]},
        )
    if target.name is not None and target.kind is Kind.OUTBOX:
        raise NotFoundError(f"No resource named {target.name}: the scheduling outbox holds none.")
    if target.name is not None and method in ("PROPPATCH", "REPORT", "POST"):
        raise DavError(
            405, f"{method} is not allowed on an inbox item.", headers={"allow": INBOX_ITEM_ALLOW}
        )


PLAIN_ERRORS: tuple[tuple[type[Exception], int], ...] = (
    (xml.XmlError, 400),
    (PreconditionFailedError, 412),
    (NotFoundError, 404),
    (ConflictError, 409),
    (DomainError, 403),
)


def _error_reply(error: Exception, request: Request) -> Reply:
    """The protocol reply for a failure; anything unexpected is re-raised (a real bug)."""
    if isinstance(error, DavError):
        return error.reply()
    if isinstance(error, UnauthenticatedError):
        return Reply(401, f"{error}\n".encode(), {**CHALLENGE, "content-type": "text/plain"})
    if isinstance(error, ThrottledError):
        return Reply(429, f"{error}\n".encode(), {"retry-after": str(error.retry_after)})
    if isinstance(error, InvalidCalendarDataError):
        return DavError(403, str(error), error.precondition).reply()
    if isinstance(error, UidConflictError):
        body = xml.document(_uid_conflict(str(error), error.existing_href, request.path))
        return Reply.xml(403, body)
    for kind, status in PLAIN_ERRORS:
        if isinstance(error, kind):
            return Reply(status, f"{error}\n".encode(), {"content-type": "text/plain"})
    raise error


def _requested(root: ET.Element | None) -> tuple[str, list[str]]:
    if root is None:
        return "allprop", []
    if root.tag != tag(DAV, "propfind"):
        raise xml.XmlError("Expected a DAV:propfind body.")
    if root.find(tag(DAV, "propname")) is not None:
        return "propname", []
    include = root.find(tag(DAV, "include"))
    extra = [child.tag for child in include] if include is not None else []
    if root.find(tag(DAV, "allprop")) is not None:
        return "allprop", extra
    prop = root.find(tag(DAV, "prop"))
    if prop is None:
        raise xml.XmlError("A DAV:propfind needs prop, allprop or propname.")
    return "prop", [child.tag for child in prop]


def _property_changes(root: ET.Element) -> tuple[dict[str, str | None], list[str]]:
    changes: dict[str, str | None] = {}
    names: list[str] = []
    for action in root:
        if action.tag not in (tag(DAV, "set"), tag(DAV, "remove")):
            continue
        prop = action.find(tag(DAV, "prop"))
        for item in prop if prop is not None else []:
            names.append(item.tag)
            if item.tag == COMPONENT_SET:
                changes["components"] = _component_set(item)
            elif item.tag in WRITABLE:
                value = (item.text or "").strip() if action.tag == tag(DAV, "set") else None
                changes[WRITABLE[item.tag]] = value or None
    return changes, names


def _component_set(item: ET.Element) -> str:
    names = sorted({(c.get("name") or "").upper() for c in item.findall(tag(CALDAV, "comp"))})
    if not names or any(n not in ("VEVENT", "VTODO", "VJOURNAL") for n in names):
        raise DavError(
            403, "A calendar takes VEVENT, VTODO and/or VJOURNAL.", "supported-calendar-component"
        )
    return ",".join(names)


def _uid_conflict(message: str, existing: str, request_path: str) -> ET.Element:
    root = ET.Element(tag(DAV, "error"))
    conflict = ET.SubElement(root, tag(CALDAV, "no-uid-conflict"))
    base = request_path.rsplit("/", 1)[0]
    ET.SubElement(conflict, tag(DAV, "href")).text = f"{base}/{existing}"
    ET.SubElement(root, tag(DAV, "responsedescription")).text = message
    return root


def _etag(header: str | None) -> str | None:
    if header is None:
        return None
    value = header.strip()
    return value[2:] if value.startswith("W/") else value


def _actor(principal: Principal) -> str:
    return f"account:{principal.account_id}"


def _source(principal: Principal) -> str:
    return Source(SourceKind.CALDAV, principal.device_name).encode()
