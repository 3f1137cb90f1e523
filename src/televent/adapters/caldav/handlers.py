"""The CalDAV server's behaviour, independent of the HTTP framework (RFC 4918, RFC 4791,
RFC 6638): synchronous handlers run on worker threads.

Each request is authenticated, its path checked to belong to the caller, and turned into a
query or a command on the application. This module dispatches, and handles calendar object
resources: GET and HEAD (RFC 4918 §9.4), PUT (RFC 4791 §5.3.2, with If-Match, If-None-Match and
If-Schedule-Tag-Match: RFC 6638 §3.2), DELETE (RFC 4918 §9.6), REPORT (RFC 4791 §7, RFC 6578
sync-collection; answered by `reports.Reports`) and the outbox's free-busy POST (RFC 6638 §5,
`outbox.Outbox`). Collections and their properties are `collection_methods`; failures become
replies in `replies`. The scheduling inbox (RFC 6638 §2.2, §4.1) is read and its items deleted
through the schedule inbox reader the handlers are given (`inbox.InboxResources`).
"""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from televent.adapters.caldav import properties, xml
from televent.adapters.caldav.auth import Authenticator, Principal, UnauthenticatedError
from televent.adapters.caldav.collection_methods import Collections, calendar_of, seen_of
from televent.adapters.caldav.inbox import InboxResources
from televent.adapters.caldav.outbox import Outbox
from televent.adapters.caldav.protocol import DavError, Reply, Request
from televent.adapters.caldav.push import PushResources, collection_for, is_push_register
from televent.adapters.caldav.replies import (
    ALLOW,
    ALLOW_EXCEPT_POST,
    DAV_HEADER,
    SCHEDULING_ALLOW,
    actor,
    check_scheduling_request,
    error_reply,
    etag,
    if_match_tag,
    matched_etag,
    none_matched,
    one_tag,
    source,
)
from televent.adapters.caldav.reports import Reports
from televent.adapters.caldav.resources import (
    Kind,
    Target,
    check_new_name,
    outbox_url,
    resolve,
)
from televent.adapters.caldav.xml import DAV
from televent.application.televent import Televent
from televent.domain.content_lines import utf8_text
from televent.domain.errors import NotFoundError
from televent.domain.values import DEFAULT_CALENDAR_SLUG
from televent.projections.loop_reads import LoopReads
from televent.projections.queries import AccountView, ObjectView
from televent.projections.schedule_inbox_reader import ScheduleInbox

Handler = Callable[[Request, Target, Principal, AccountView], Reply]
PUSH_ALLOW = "OPTIONS, DELETE"
PUSH_COLLECTIONS = (Kind.CALENDAR, Kind.HOME, Kind.INBOX)


class CalDavHandlers:
    """The CalDAV server's behaviour, independent of the HTTP framework.

    Args:
        app: the application (its queries and commands).
        auth: checks the credentials of every request.
        internal_domain: the domain of the users' internal addresses (`tg_<id>@<domain>`).
        max_resource_bytes: the largest calendar object a PUT may store.
        inbox: the schedule inbox's read model (RFC 6638 §2.2): listed, read and deleted.
        push: WebDAV-Push registrations (docs/adr/0027); None: no push.
        loop_reads: the reads the event loop makes for a GET of one's own object (docs/adr/
            0035); None: every request is answered on a worker thread.
    """

    def __init__(
        self,
        app: Televent,
        auth: Authenticator,
        internal_domain: str,
        max_resource_bytes: int,
        inbox: ScheduleInbox,
        *,
        push: PushResources | None = None,
        loop_reads: LoopReads | None = None,
    ) -> None:
        self.app = app
        self.push = push
        self.loop_reads = loop_reads
        self.dav_header = f"{DAV_HEADER}, webdav-push" if push is not None else DAV_HEADER
        self.auth = auth
        self.internal_domain = internal_domain
        self.reports = Reports(app)
        self.outbox = Outbox(app, internal_domain, max_resource_bytes)
        self.inbox = InboxResources(inbox)
        self.collections = Collections(
            app, internal_domain, self.inbox, push, max_resource_bytes=max_resource_bytes
        )
        self.methods: dict[str, Handler] = {
            "PROPFIND": self.collections.propfind,
            "PROPPATCH": self.collections.proppatch,
            "MKCALENDAR": self.collections.mkcalendar,
            "MKCOL": self.collections.mkcol,
            "GET": self.get,
            "HEAD": self.get,
            "PUT": self.put,
            "DELETE": self.delete,
            "REPORT": self.report,
            "POST": self.post,
        }

    @property
    def max_resource_bytes(self) -> int:
        """The largest calendar object a PUT stores: the one limit every calendar names in
        CALDAV:max-resource-size (RFC 4791 §5.2.5)."""
        return self.collections.max_resource_bytes

    def handle(self, request: Request) -> Reply:
        """Answer one request; every failure becomes a protocol reply."""
        try:
            return self._handle(request)
        except Exception as error:
            return error_reply(error, request.path)

    async def answer_at_once(self, request: Request) -> Reply | None:
        """The answer to a GET or HEAD of an object in one's own calendar when it needs no
        worker thread (docs/adr/0035): the credentials were verified a moment ago, their
        failure counts are in memory and the device's use was noted lately, and the read is
        one the event loop makes (`loop_reads`: a local SQLite file, or awaited from
        PostgreSQL). None for anything else, which is answered on a worker thread."""
        if request.method not in ("GET", "HEAD") or self.loop_reads is None:
            return None
        try:
            target = resolve(request.path)
            if target.kind is not Kind.OBJECT:
                return None
            principal = self.auth.remembered_without_waiting(
                request.header("authorization"), request.client
            )
            own = _own_request(target, principal)
            if own is None:
                return None
            obj = await self.loop_reads.own_object_for_device(
                own[0].telegram_id, own[0].device_id, target.slug or "", own[1]
            )
            return self._own_reply(request, own[0], obj)
        except Exception as error:
            return error_reply(error, request.path)

    def _handle(self, request: Request) -> Reply:
        target = resolve(request.path)
        if request.method == "OPTIONS":
            allow = PUSH_ALLOW if target.kind is Kind.PUSH else ALLOW
            return Reply(
                200, headers={"dav": self.dav_header, "allow": allow, "content-length": "0"}
            )
        if target.kind is Kind.WELL_KNOWN:
            return Reply(301, headers={"location": "/dav/"})
        if request.method in ("GET", "HEAD") and target.kind is Kind.OBJECT:
            principal = self.auth.remembered(request.header("authorization"), request.client)
            answered = self._own_object(request, target, principal)
            if answered is not None:
                return answered
        principal = self.auth.authenticate(request.header("authorization"), request.client)
        if target.telegram_id is not None and target.telegram_id != principal.telegram_id:
            raise DavError(403, "This belongs to another user.", "need-privileges", DAV)
        handler = self.methods.get(request.method)
        if handler is None:
            raise DavError(
                405, f"{request.method} is not supported here.", headers={"allow": ALLOW}
            )
        if target.kind is Kind.UNKNOWN or (target.kind is Kind.PUSH and self.push is None):
            raise NotFoundError("Nothing lives at this address.")
        if target.kind is Kind.PUSH and request.method != "DELETE":
            raise DavError(
                405, "A push registration can only be deleted.", headers={"allow": PUSH_ALLOW}
            )
        if target.kind in SCHEDULING_ALLOW:
            check_scheduling_request(request.method, target)
        account = principal.account or self.app.queries.account_by_telegram_id(
            principal.telegram_id
        )
        if account is None:
            raise UnauthenticatedError("The account no longer exists.")
        if self.push is None:
            return handler(request, target, principal, account)
        with self.push.dont_notify(request, account):
            return handler(request, target, principal, account)

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
            view = calendar_of(self.app, account, target)  # says which of the two is missing
            if view.account_id != account.account_id:  # a calendar shared with the caller
                obj = self.app.queries.object_at(view.calendar_id, target.name)
        if obj is None:
            raise NotFoundError(f"No resource named {target.name}.")
        return _object_reply(request, obj)

    def _own_object(
        self, request: Request, target: Target, principal: Principal | None
    ) -> Reply | None:
        """The most frequent request, a GET of an object in one's own calendar with credentials
        verified a moment ago (`principal`, None when they were not), answered from one read
        that also says the device is still active; None sends anything else (and a revoked
        device) the full way."""
        own = _own_request(target, principal)
        if own is None:
            return None
        obj = self.app.queries.own_object_for_device(
            own[0].telegram_id, own[0].device_id, target.slug or "", own[1]
        )
        return self._own_reply(request, own[0], obj)

    def _own_reply(
        self, request: Request, principal: Principal, obj: ObjectView | None
    ) -> Reply | None:
        """The object read for `_own_object` as the client gets it (None: the full way)."""
        if obj is None:
            return None
        self.auth.used(principal)
        return _object_reply(request, obj)

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
        decoded = utf8_text(request.body)
        if decoded is None:
            raise DavError(403, "Calendar data must be UTF-8.", "supported-calendar-data")
        text = decoded
        if "\0" in text:
            raise DavError(
                403, "Calendar data may not contain NUL characters.", "valid-calendar-data"
            )
        check_new_name(target.name)
        view = calendar_of(self.app, account, target, missing_status=409)
        if_match, if_none_match = request.header("if-match"), request.header("if-none-match")
        if_none = (if_none_match or "").strip() == "*"
        if (if_match is not None and one_tag(if_match) is None) or (
            if_none_match is not None and not if_none
        ):  # `*`, a weak tag or a list: decided by the current version (a strong tag by the write)
            now = self._etag_at(view.calendar_id, target.name)
            if_match = matched_etag(if_match, now)
            if_none = none_matched(if_none_match, now)
        else:
            if_match = one_tag(if_match)
        result = self.app.put_object(
            view.calendar_id,
            target.name,
            text,
            actor=actor(principal),
            source=source(principal),
            if_match=if_match,
            if_none_match=if_none,
            if_schedule_tag=etag(request.header("if-schedule-tag-match")),
            by=account.account_id,
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
        if target.kind is Kind.PUSH and self.push is not None:
            return self.push.unregister(target, account)
        if target.kind is Kind.INBOX and target.name is not None:
            name = target.name
            self.app.delete_inbox_item(
                account.account_id,
                name,
                if_match=if_match_tag(
                    request.header("if-match"), lambda: self.inbox.etag_of(account, name)
                ),
                actor=actor(principal),
                source=source(principal),
            )
            return Reply(204)
        seen = seen_of(self.app, account, target)
        view = seen.view
        if target.kind is Kind.CALENDAR and not seen.owned:  # a member leaves a shared calendar
            self.app.remove_member(
                view.calendar_id,
                by=account.account_id,
                member=account.account_id,
                actor=actor(principal),
                source=source(principal),
            )
            return Reply(204)
        if target.kind is Kind.CALENDAR and view.slug == DEFAULT_CALENDAR_SLUG:
            raise DavError(
                403,
                "The default calendar stays: Telegram and invitations use it.",
                "need-privileges",
                DAV,
            )
        if target.kind is Kind.CALENDAR:
            self.app.delete_calendar(
                view.calendar_id,
                actor=actor(principal),
                source=source(principal),
                by=account.account_id,
            )
            return Reply(204)
        if target.kind is not Kind.OBJECT or target.name is None:
            raise DavError(403, "This cannot be deleted.")
        name = target.name
        if_match = if_match_tag(
            request.header("if-match"), lambda: self._etag_at(view.calendar_id, name)
        )
        self.app.delete_object(
            view.calendar_id,
            name,
            actor=actor(principal),
            source=source(principal),
            if_match=if_match,
            by=account.account_id,
        )
        return Reply(204)

    def _etag_at(self, calendar_id: UUID, name: str) -> str | None:
        """The current ETag of a calendar's object (None: there is none)."""
        current = self.app.queries.object_at(calendar_id, name)
        return None if current is None else current.etag

    def report(
        self, request: Request, target: Target, principal: Principal, account: AccountView
    ) -> Reply:
        """REPORT: calendar-multiget, calendar-query, free-busy-query, sync-collection."""
        if target.kind in (Kind.ROOT, Kind.PRINCIPAL):
            return self.collections.principal_search(request, account)
        depth = request.header("depth")
        if target.kind is Kind.INBOX and target.name is None:
            return self.inbox.report(xml.parse(request.body), account, depth)
        if target.kind is not Kind.CALENDAR:
            raise DavError(403, "Reports run on a calendar collection.", "supported-report", DAV)
        seen = seen_of(self.app, account, target)
        body = xml.parse(request.body)
        if body is None:
            raise xml.XmlError("A REPORT needs a body.")
        return self.reports.run(body, account, seen.view, depth, role=seen.role)

    def post(
        self, request: Request, target: Target, principal: Principal, account: AccountView
    ) -> Reply:
        """RFC 6638 §5: a free-busy request, POSTed to the caller's scheduling outbox; a
        WebDAV-Push registration, POSTed to a calendar, the home or the inbox."""
        if (
            self.push is not None
            and target.kind in PUSH_COLLECTIONS
            and target.name is None
            and is_push_register(request.body)
        ):
            calendar_id = None
            if target.kind is Kind.CALENDAR:
                calendar_id = str(seen_of(self.app, account, target).view.calendar_id)
            collection = collection_for(target, account, calendar_id)
            return self.push.register(request, collection, account)
        if target.kind is not Kind.OUTBOX:
            raise DavError(
                405,
                f"Only free-busy requests are POSTed, to {outbox_url(account.telegram_id)}.",
                headers={"allow": SCHEDULING_ALLOW.get(target.kind, ALLOW_EXCEPT_POST)},
            )
        return self.outbox.post(request, account)


def _own_request(target: Target, principal: Principal | None) -> tuple[Principal, str] | None:
    """Credentials verified a moment ago (`principal`) asking for an object (its name) in
    their own account's calendars: what the own-object read answers; None for anything else."""
    if principal is None or target.name is None or principal.telegram_id != target.telegram_id:
        return None
    return principal, target.name


def _object_reply(request: Request, obj: ObjectView) -> Reply:
    """A calendar object's stored body, byte for byte, with its validators (GET and HEAD)."""
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
