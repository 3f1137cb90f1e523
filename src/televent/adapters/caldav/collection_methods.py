"""Collections and their properties: PROPFIND and PROPPATCH (RFC 4918 §9.1, §9.2), MKCALENDAR
(RFC 4791 §5.3.1) and extended MKCOL of a calendar (RFC 5689 §3), the calendar home with its
scheduling inbox and outbox (RFC 6638 §2.1, §2.2, §9.2) and principal-property-search
(RFC 3744 §9.4).

PROPFIND answers Depth 0 or 1 (infinity is refused: propfind-finite-depth); PROPPATCH is
atomic (every change applies, or none: 403 and 424); only the caller's own principal is ever
found by a search.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from televent.adapters.caldav import properties, xml
from televent.adapters.caldav.auth import Principal
from televent.adapters.caldav.inbox import InboxResources
from televent.adapters.caldav.protocol import DavError, Reply, Request
from televent.adapters.caldav.push import PushResources, push_properties
from televent.adapters.caldav.replies import SCHEDULING_ALLOW, actor, source
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
)
from televent.adapters.caldav.xml import APPLE, CALDAV, CS, DAV, PUSH, tag
from televent.application.televent import Televent
from televent.domain.content_lines import parse_one
from televent.domain.errors import NotFoundError
from televent.domain.sharing import Role, calendar_id_of_shared_slug
from televent.domain.values import DEFAULT_CALENDAR_SLUG, is_valid_slug
from televent.domain.web_push import Collection
from televent.domain.web_push import Kind as PushKind
from televent.projections.queries import AccountView, CalendarView, Reading, SeenCalendar

WRITABLE = {
    tag(DAV, "displayname"): "display_name",
    tag(CALDAV, "calendar-description"): "description",
    tag(APPLE, "calendar-color"): "color",
    tag(CALDAV, "calendar-timezone"): "timezone",
}
# What a member may set on a calendar shared with them: their own name and colour for it.
MEMBER_WRITABLE = {
    tag(DAV, "displayname"): "display_name",
    tag(APPLE, "calendar-color"): "color",
}
COMPONENT_SET = tag(CALDAV, "supported-calendar-component-set")
# Namespaces whose properties are the server's (live): a client cannot keep its own there. A
# name elsewhere that Televent does not serve is the client's to keep (RFC 4918 §4.2, a dead
# property): Apple Calendar's calendar-order, the old draft's calendar-free-busy-set.
_LIVE_NAMESPACES = (DAV, CALDAV, CS, PUSH)
_KEPT_ANYWAY = frozenset({tag(CALDAV, "calendar-free-busy-set")})
Listing = list[tuple[str, properties.Provider]]


def calendar_of(
    app: Televent, account: AccountView, target: Target, missing_status: int = 404
) -> CalendarView:
    """The calendar the target names in the caller's home (404, or 409 when a PUT needs it,
    if none): one of theirs, or one shared with them under its name there."""
    return seen_of(app, account, target, missing_status).view


def seen_of(
    app: Televent, account: AccountView, target: Target, missing_status: int = 404
) -> SeenCalendar:
    """The calendar the target names as the caller sees it, with their role (see
    `calendar_of`). A calendar shared with them appears once they accepted it, and no longer
    once they were removed: the members read model is asked at every request."""
    for view in app.queries.calendars_of(account.account_id):
        if view.slug == target.slug:
            return SeenCalendar(view, view.owner_role)
    shared = calendar_id_of_shared_slug(target.slug or "")
    seen = None if shared is None else app.queries.seen_calendar(account.account_id, shared)
    if seen is not None and not seen.owned:
        return seen
    if missing_status == 409:
        raise DavError(409, "The calendar does not exist.")
    raise NotFoundError(f"No calendar named {target.slug}.")


def sharing_of(app: Televent, seen: SeenCalendar) -> properties.Sharing:
    """What the properties of a shared calendar say of its owner and members (each looked up
    only if a client asks for it)."""

    def owner() -> AccountView:
        found = app.queries.account_by_id(seen.view.account_id)
        if found is None:
            raise NotFoundError("The calendar's owner no longer exists.")
        return found

    def members() -> list[tuple[AccountView, Role, bool]]:
        listed = []
        for member in app.queries.members_of(seen.calendar_id):
            who = app.queries.account_by_id(member.account_id)
            if who is not None:
                listed.append((who, member.role, member.active))
        return listed

    return properties.Sharing(seen.role, owner, members)


class Collections:
    """PROPFIND, PROPPATCH, MKCALENDAR and principal searches; `max_resource_bytes` is the
    largest calendar object a PUT stores, which every calendar names (RFC 4791 §5.2.5)."""

    def __init__(
        self,
        app: Televent,
        internal_domain: str,
        inbox: InboxResources,
        push: PushResources | None = None,
        *,
        max_resource_bytes: int,
    ) -> None:
        self.app = app
        self.internal_domain = internal_domain
        self.inbox = inbox
        self.push = push
        self.max_resource_bytes = max_resource_bytes

    def _pushed(
        self, provider: properties.Provider, kind: PushKind, owner_id: object
    ) -> properties.Provider:
        """The collection's properties with WebDAV-Push's (docs/adr/0027), when push is on."""
        if self.push is None:
            return provider
        extra = push_properties(Collection(kind, str(owner_id)), self.push.vapid_public_key)
        return {**provider, **extra}

    def _calendar(
        self, account: AccountView, view: CalendarView, sharing: properties.Sharing | None
    ) -> properties.Provider:
        """A calendar collection's properties, with WebDAV-Push's when push is on."""
        provider = properties.calendar(
            account, view, sharing, max_resource_bytes=self.max_resource_bytes,
            epoch=self.app.queries.sync_epoch(),
        )  # fmt: skip
        return self._pushed(provider, PushKind.CALENDAR, view.calendar_id)

    def propfind(
        self, request: Request, target: Target, principal: Principal, account: AccountView
    ) -> Reply:
        """RFC 4918 §9.1, with Depth 0 or 1 (infinity refused: propfind-finite-depth)."""
        depth = (request.header("depth") or "infinity").strip().lower()
        if depth not in ("0", "1"):
            raise DavError(403, "Depth: infinity is not supported.", "propfind-finite-depth", DAV)
        mode, names = _requested(xml.parse(request.body))
        reading = properties.reading_for(mode, names)
        listing = self._listing(target, account, deep=depth == "1", reading=reading)
        responses = [properties.answer(href, provider, mode, names) for href, provider in listing]
        return Reply.xml(207, xml.multistatus(responses))

    def _listing(
        self,
        target: Target,
        account: AccountView,
        *,
        deep: bool,
        reading: Reading = Reading.WHOLE,
    ) -> Listing:
        tid = account.telegram_id
        if target.kind is Kind.ROOT:
            return [("/dav/", properties.root(account))]
        if target.kind is Kind.PRINCIPAL:
            return [(principal_url(tid), properties.principal(account, self.internal_domain))]
        if target.kind is Kind.HOME:
            return self._home_listing(account, deep=deep)
        if target.kind in SCHEDULING_ALLOW:
            return self._scheduling_listing(target, account, deep=deep)
        seen = seen_of(self.app, account, target)
        view = seen.view
        if target.kind is Kind.CALENDAR:
            sharing = None if seen.owned else sharing_of(self.app, seen)
            listing = [(calendar_url(tid, view.slug), self._calendar(account, view, sharing))]
            if deep:
                listing += [
                    (
                        object_url(tid, view.slug, o.href),
                        properties.calendar_object(account, o, reading=reading, role=seen.role),
                    )
                    for o in self.app.queries.objects_in(view.calendar_id, reading=reading)
                ]
            return listing
        assert target.name is not None
        obj = self.app.queries.object_at(view.calendar_id, target.name)
        if obj is None:
            raise NotFoundError(f"No resource named {target.name}.")
        return [
            (
                object_url(tid, view.slug, obj.href),
                properties.calendar_object(account, obj, role=seen.role),
            )
        ]

    def _scheduling_listing(self, target: Target, account: AccountView, *, deep: bool) -> Listing:
        """The inbox (with `deep`, and its items) or one inbox item, or the outbox."""
        if target.kind is Kind.INBOX and target.name is not None:
            return [self.inbox.one(account, target.name)]
        box = [self._scheduling_box(target.kind, account)]
        return box + self.inbox.listing(account) if deep and target.kind is Kind.INBOX else box

    def _home_listing(self, account: AccountView, *, deep: bool) -> Listing:
        """The home, and with `deep` its calendars, inbox and outbox (RFC 6638 §2.1, §2.2)."""
        tid = account.telegram_id
        listing = [
            (
                home_url(tid),
                self._pushed(properties.home(account), PushKind.HOME, account.account_id),
            )
        ]
        if deep:
            calendars = self.app.queries.calendars_of(account.account_id)
            shared_by_me = self.app.queries.shared_by(account.account_id)
            listing += [
                (
                    calendar_url(tid, c.slug),
                    self._calendar(
                        account,
                        c,
                        sharing_of(self.app, SeenCalendar(c, c.owner_role))
                        if c.calendar_id in shared_by_me
                        else None,
                    ),
                )
                for c in calendars
                if c.slug not in SCHEDULING_SLUGS  # shadowed by the inbox and outbox
            ]
            listing += [
                (
                    calendar_url(tid, s.view.slug),
                    self._calendar(account, s.view, sharing_of(self.app, s)),
                )
                for s in self.app.queries.shared_with(account.account_id)
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
        inbox = properties.inbox(account, default, self.inbox.version(account))
        return inbox_url(tid), self._pushed(inbox, PushKind.INBOX, account.account_id)

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
        seen = seen_of(self.app, account, target)
        root = xml.parse(request.body)
        if root is None or root.tag != tag(DAV, "propertyupdate"):
            raise xml.XmlError("Expected a DAV:propertyupdate body.")
        changes, names = _property_changes(root)
        writable = WRITABLE if seen.owned else MEMBER_WRITABLE
        kept = _client_properties(root)  # a member's clients keep theirs for themselves
        unknown = [n for n in names if n not in writable and n not in kept]
        if unknown:
            return Reply.xml(
                207,
                xml.multistatus(
                    [
                        xml.Response(
                            request.path,
                            [
                                xml.PropStat(403, [ET.Element(n) for n in unknown]),
                                xml.PropStat(424, [ET.Element(n) for n in names if n in writable]),
                            ],
                        )
                    ]
                ),
            )
        if kept:  # `seen.view`: the calendar as this person sees it, their clients' properties
            dead = {**seen.view.dead, **kept}
            changes["dead"] = {k: v for k, v in dead.items() if v is not None}  # type: ignore[assignment]
        if seen.owned:
            self.app.update_calendar(
                seen.calendar_id,
                changes,
                actor=actor(principal),
                source=source(principal),
                by=account.account_id,
            )
        else:  # a member names and colours a shared calendar for themselves only
            self.app.set_member_properties(
                seen.calendar_id,
                by=account.account_id,
                changes=changes,
                actor=actor(principal),
                source=source(principal),
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
        slug = self._new_calendar_slug(target, account)
        root = xml.parse(request.body)
        if root is not None and root.tag != tag(CALDAV, "mkcalendar"):
            raise xml.XmlError("A MKCALENDAR body must be a CALDAV:mkcalendar element.")
        return self._create(root, slug, principal, account)

    def mkcol(
        self, request: Request, target: Target, principal: Principal, account: AccountView
    ) -> Reply:
        """RFC 5689 §3: extended MKCOL, creating a calendar when the body's DAV:resourcetype
        names CALDAV:calendar (with the properties MKCALENDAR takes). Plain collections are
        not kept here: a MKCOL without such a body is refused (403 valid-resourcetype)."""
        root = xml.parse(request.body)
        if root is not None and root.tag != tag(DAV, "mkcol"):
            raise xml.XmlError("An extended MKCOL body must be a DAV:mkcol element.")
        if root is not None and root.find(tag(DAV, "remove")) is not None:
            raise xml.XmlError("An extended MKCOL only sets properties (DAV:set).")
        kinds = (
            None
            if root is None
            else root.find(f"{tag(DAV, 'set')}/{tag(DAV, 'prop')}/{tag(DAV, 'resourcetype')}")
        )
        if kinds is None or kinds.find(tag(CALDAV, "calendar")) is None:
            raise DavError(
                403,
                "Only calendars can be created here: use MKCALENDAR, or an extended MKCOL "
                "(RFC 5689) whose DAV:resourcetype holds DAV:collection and CALDAV:calendar.",
                "valid-resourcetype",
                DAV,
            )
        slug = self._new_calendar_slug(target, account)
        return self._create(root, slug, principal, account)

    def _new_calendar_slug(self, target: Target, account: AccountView) -> str:
        """The slug a new calendar would take: inside the home, valid and not yet used."""
        if target.kind is not Kind.CALENDAR or target.slug is None:
            raise DavError(
                403,
                "Calendars are created inside the calendar home.",
                "calendar-collection-location-ok",
            )
        if not is_valid_slug(target.slug) or calendar_id_of_shared_slug(target.slug) is not None:
            raise DavError(
                403, "That name cannot be used for a calendar.", "calendar-collection-location-ok"
            )
        if any(c.slug == target.slug for c in self.app.queries.calendars_of(account.account_id)):
            raise DavError(403, "A calendar with this name exists.", "resource-must-be-null", DAV)
        return target.slug

    def _create(
        self, root: ET.Element | None, slug: str, principal: Principal, account: AccountView
    ) -> Reply:
        """Create a calendar with the properties a MKCALENDAR or extended MKCOL sets."""
        changes: dict[str, Any] = {}
        if root is not None:
            found, names = _property_changes(root)
            changes.update(found)
            kept = _client_properties(root)
            if kept:
                changes["dead"] = {k: v for k, v in kept.items() if v is not None}
            unknown = [
                n
                for n in names
                if n not in WRITABLE
                and n not in kept
                and n not in (COMPONENT_SET, tag(DAV, "resourcetype"))
            ]
            if unknown:
                raise DavError(
                    403,
                    f"Property {unknown[0]} cannot be set at creation.",
                    "cannot-modify-protected-property",
                    DAV,
                )
        self.app.create_calendar(
            account.account_id,
            slug,
            {k: v for k, v in changes.items() if v is not None},
            actor=actor(principal),
            source=source(principal),
        )
        return Reply(201, headers={"location": calendar_url(account.telegram_id, slug)})

    def principal_search(self, request: Request, account: AccountView) -> Reply:
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
                if value and item.tag == tag(CALDAV, "calendar-timezone"):
                    _check_zone(value)
                changes[WRITABLE[item.tag]] = value or None
    return changes, names


def _check_zone(text: str) -> None:
    """A calendar-timezone is an iCalendar object with one VTIMEZONE (RFC 4791 §5.2.2): other
    text was said to be stored (200) and then never shown.

    Raises:
        DavError: 403 CALDAV:valid-calendar-data.
    """
    calendar = parse_one(text)
    zones = [] if calendar is None else [c for c in calendar.components if c.name == "VTIMEZONE"]
    if calendar is None or calendar.name != "VCALENDAR" or len(zones) != 1:
        raise DavError(
            403,
            "A calendar-timezone is an iCalendar object with one VTIMEZONE.",
            "valid-calendar-data",
        )


def _client_properties(root: ET.Element) -> dict[str, str | None]:
    """The properties a client keeps for itself that a PROPPATCH or MKCALENDAR sets (the
    element as sent) or removes (None)."""
    kept: dict[str, str | None] = {}
    for action in root:
        if action.tag not in (tag(DAV, "set"), tag(DAV, "remove")):
            continue
        prop = action.find(tag(DAV, "prop"))
        for item in prop if prop is not None else []:
            if item.tag in WRITABLE or not _is_clients(item.tag):
                continue
            setting = action.tag == tag(DAV, "set")
            kept[item.tag] = ET.tostring(item, encoding="unicode") if setting else None
    return kept


def _is_clients(name: str) -> bool:
    """Whether a property of that name is the client's to keep (not one of the server's). The
    writable ones (WRITABLE: the Apple calendar-color too) are skipped before it is asked."""
    if name in _KEPT_ANYWAY:
        return True
    namespace = name[1 : name.index("}")] if name.startswith("{") and "}" in name else ""
    return bool(namespace) and namespace not in _LIVE_NAMESPACES


def _component_set(item: ET.Element) -> str:
    names = sorted({(c.get("name") or "").upper() for c in item.findall(tag(CALDAV, "comp"))})
    if not names or any(n not in ("VEVENT", "VTODO", "VJOURNAL") for n in names):
        raise DavError(
            403, "A calendar takes VEVENT, VTODO and/or VJOURNAL.", "supported-calendar-component"
        )
    return ",".join(names)
