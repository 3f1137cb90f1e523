"""WebDAV and CalDAV properties of each kind of resource (RFC 4918 §15, RFC 4791 §5.2, §6.2,
RFC 5397 current-user-principal, RFC 6578 sync-token, RFC 3744 privileges, CalendarServer
getctag, Apple calendar-color).

Scheduling (RFC 6638): the principal names its inbox and outbox (§2.2.1, §2.1.1) and its
calendar user type (§2.4.2); the inbox (§2.2) grants the schedule-deliver privileges (§6.1)
and names the default calendar (§9.2); the outbox (§2.1) grants the schedule-send privileges
(§6.2); calendars are opaque to free-busy (§9.1). Televent applies scheduling messages to the
calendars itself and leaves a copy of each in the inbox (adapters/caldav/inbox.py), whose ctag
moves with every item that arrives or is deleted.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from televent.adapters.caldav import xml
from televent.adapters.caldav.protocol import ctag, sync_token
from televent.adapters.caldav.resources import (
    calendar_url,
    home_url,
    inbox_url,
    outbox_url,
    principal_url,
)
from televent.adapters.caldav.xml import APPLE, CALDAV, CS, DAV, element, href, tag
from televent.domain.ical import component_kinds
from televent.domain.sharing import Action, Role, permits
from televent.domain.values import account_addresses
from televent.projections.queries import AccountView, CalendarView, ObjectView, Reading

Getter = Callable[[], ET.Element | xml.Text]  # a property, made when asked for
Provider = Mapping[str, Getter]
# Properties not returned for allprop (RFC 4918 §9.1: expensive or large; RFC 4791 §5.2.5).
NOT_IN_ALLPROP = {
    tag(CALDAV, "calendar-data"),
    tag(DAV, "current-user-privilege-set"),
    tag(CALDAV, "schedule-tag"),
    tag(CALDAV, "max-resource-size"),
}
REPORTS = ("calendar-multiget", "calendar-query", "free-busy-query")
INBOX_REPORTS = (
    (CALDAV, "calendar-query"),
    (CALDAV, "calendar-multiget"),
)


def _resourcetype(*kinds: tuple[str, str]) -> ET.Element:
    return element(DAV, "resourcetype", children=[element(ns, name) for ns, name in kinds])


OWNER_PRIVILEGES = tuple(
    (DAV, name)
    for name in (
        "read",
        "write",
        "write-properties",
        "write-content",
        "bind",
        "unbind",
        "read-current-user-privilege-set",
    )
)
READ_PRIVILEGES = ((DAV, "read"), (DAV, "read-current-user-privilege-set"))
INBOX_PRIVILEGES = READ_PRIVILEGES + tuple(
    (CALDAV, name)
    for name in (
        "schedule-deliver",
        "schedule-deliver-invite",
        "schedule-deliver-reply",
        "schedule-query-freebusy",
    )
)
OUTBOX_PRIVILEGES = READ_PRIVILEGES + tuple(
    (CALDAV, name)
    for name in (
        "schedule-send",
        "schedule-send-invite",
        "schedule-send-reply",
        "schedule-send-freebusy",
    )
)


# What a member of a shared calendar is granted, by role (domain/sharing.py decides; these are
# its words in RFC 3744 and RFC 4791 §6.1.1).
MEMBER_WRITE_PRIVILEGES = tuple(
    (DAV, name)
    for name in (
        "read",
        "write-properties",
        "write-content",
        "bind",
        "unbind",
        "read-current-user-privilege-set",
    )
)
# A reader's PROPPATCH of their own name and colour is still accepted, but write-properties is
# not advertised: clients (Thunderbird) take any write privilege for a writable calendar.
MEMBER_READ_PRIVILEGES = (
    (DAV, "read"),
    (DAV, "read-current-user-privilege-set"),
    (CALDAV, "read-free-busy"),
)


def privileges_of(role: Role) -> tuple[tuple[str, str], ...]:
    """The DAV privileges that match a role on a calendar."""
    if role is Role.OWNER:
        return OWNER_PRIVILEGES
    return MEMBER_WRITE_PRIVILEGES if permits(role, Action.WRITE) else MEMBER_READ_PRIVILEGES


def _privileges(granted: tuple[tuple[str, str], ...] = OWNER_PRIVILEGES) -> ET.Element:
    return element(
        DAV,
        "current-user-privilege-set",
        children=[element(DAV, "privilege", children=[element(ns, name)]) for ns, name in granted],
    )


def _supported_reports(names: tuple[tuple[str, str], ...]) -> ET.Element:
    return element(
        DAV,
        "supported-report-set",
        children=[
            element(
                DAV,
                "supported-report",
                children=[element(DAV, "report", children=[element(ns, name)])],
            )
            for ns, name in names
        ],
    )


def _common(account: AccountView) -> Provider:
    return {
        tag(DAV, "current-user-principal"): lambda: element(
            DAV, "current-user-principal", children=[href(principal_url(account.telegram_id))]
        ),
        tag(DAV, "owner"): lambda: element(
            DAV, "owner", children=[href(principal_url(account.telegram_id))]
        ),
        tag(DAV, "current-user-privilege-set"): _privileges,
    }


def addresses(account: AccountView, internal_domain: str) -> list[str]:
    """The calendar user addresses of an account (RFC 4791 §6.2.1... RFC 6638 §2.4.1)."""
    return account_addresses(
        account.telegram_id, account.emails, internal_domain, account.invite_address
    )


def root(account: AccountView) -> Provider:
    """The server root: where discovery starts (RFC 5397)."""
    return {
        **_common(account),
        tag(DAV, "resourcetype"): lambda: _resourcetype((DAV, "collection")),
        tag(DAV, "displayname"): lambda: element(DAV, "displayname", "Televent"),
    }


def principal(account: AccountView, internal_domain: str) -> Provider:
    """A user's principal (RFC 3744 §4, RFC 4791 §6.2)."""
    return {
        **_common(account),
        tag(DAV, "resourcetype"): lambda: _resourcetype((DAV, "collection"), (DAV, "principal")),
        tag(DAV, "displayname"): lambda: element(DAV, "displayname", account.name),
        tag(DAV, "principal-URL"): lambda: element(
            DAV, "principal-URL", children=[href(principal_url(account.telegram_id))]
        ),
        tag(DAV, "principal-collection-set"): lambda: element(
            DAV, "principal-collection-set", children=[href("/dav/principals/")]
        ),
        tag(CALDAV, "calendar-home-set"): lambda: element(
            CALDAV, "calendar-home-set", children=[href(home_url(account.telegram_id))]
        ),
        tag(CALDAV, "calendar-user-address-set"): lambda: element(
            CALDAV,
            "calendar-user-address-set",
            children=[href(a) for a in addresses(account, internal_domain)],
        ),
        tag(CALDAV, "schedule-inbox-URL"): lambda: element(
            CALDAV, "schedule-inbox-URL", children=[href(inbox_url(account.telegram_id))]
        ),
        tag(CALDAV, "schedule-outbox-URL"): lambda: element(
            CALDAV, "schedule-outbox-URL", children=[href(outbox_url(account.telegram_id))]
        ),
        tag(CALDAV, "calendar-user-type"): lambda: element(
            CALDAV, "calendar-user-type", "INDIVIDUAL"
        ),
        tag(DAV, "supported-report-set"): lambda: _supported_reports(()),
    }


def home(account: AccountView) -> Provider:
    """The calendar home collection (RFC 4791 §4.2)."""
    return {
        **_common(account),
        tag(DAV, "resourcetype"): lambda: _resourcetype((DAV, "collection")),
        tag(DAV, "displayname"): lambda: element(DAV, "displayname", "Calendars"),
    }


def inbox(account: AccountView, default_calendar: str | None, version: int) -> Provider:
    """The scheduling inbox (RFC 6638 §2.2); `default_calendar` is the URL of the calendar
    invitations go to (§9.2), if the account has it; `version` moves with every item that
    arrives or is deleted (the ctag)."""
    props: dict[str, Getter] = {
        **_common(account),
        tag(DAV, "resourcetype"): lambda: _resourcetype(
            (DAV, "collection"), (CALDAV, "schedule-inbox")
        ),
        tag(DAV, "displayname"): lambda: element(DAV, "displayname", "Inbox"),
        tag(DAV, "current-user-privilege-set"): lambda: _privileges(INBOX_PRIVILEGES),
        tag(CS, "getctag"): lambda: element(CS, "getctag", ctag(version)),
        tag(DAV, "supported-report-set"): lambda: _supported_reports(INBOX_REPORTS),
    }
    if default_calendar is not None:
        props[tag(CALDAV, "schedule-default-calendar-URL")] = lambda: element(
            CALDAV, "schedule-default-calendar-URL", children=[href(default_calendar)]
        )
    return props


def outbox(account: AccountView) -> Provider:
    """The scheduling outbox (RFC 6638 §2.1): free-busy requests are POSTed to it (§5)."""
    return {
        **_common(account),
        tag(DAV, "resourcetype"): lambda: _resourcetype(
            (DAV, "collection"), (CALDAV, "schedule-outbox")
        ),
        tag(DAV, "displayname"): lambda: element(DAV, "displayname", "Outbox"),
        tag(DAV, "current-user-privilege-set"): lambda: _privileges(OUTBOX_PRIVILEGES),
    }


def calendar(
    account: AccountView,
    view: CalendarView,
    sharing: Sharing | None = None,
    *,
    max_resource_bytes: int | None = None,
    epoch: int = 0,
) -> Provider:
    """A calendar collection (RFC 4791 §5.2); with `sharing`, one shared with the account, or
    one of theirs they share (CalendarServer sharing: CS:shared, CS:shared-owner, CS:invite).
    `max_resource_bytes` is the largest calendar object a PUT stores (§5.2.5); `epoch` the
    restores the database went through, which its sync token and ctag carry."""
    token = sync_token(view.sync_position, epoch)
    kinds = [(DAV, "collection"), (CALDAV, "calendar")]
    if sharing is not None:
        kinds.append((CS, "shared-owner" if sharing.role is Role.OWNER else "shared"))
    props: dict[str, Getter] = {
        **_common(account),
        tag(DAV, "resourcetype"): lambda: _resourcetype(*kinds),
        tag(DAV, "displayname"): lambda: element(
            DAV, "displayname", view.display_name or view.slug
        ),
        tag(CALDAV, "supported-calendar-component-set"): lambda: element(
            CALDAV,
            "supported-calendar-component-set",
            children=[_comp(name) for name in component_kinds(view.components)],
        ),
        tag(CALDAV, "supported-calendar-data"): lambda: element(
            CALDAV, "supported-calendar-data", children=[_calendar_data_type()]
        ),
        tag(CS, "getctag"): lambda: element(CS, "getctag", ctag(view.sync_position, epoch)),
        tag(DAV, "sync-token"): lambda: element(DAV, "sync-token", token),
        tag(DAV, "supported-report-set"): lambda: _supported_reports(
            (
                (CALDAV, "calendar-multiget"),
                (CALDAV, "calendar-query"),
                (CALDAV, "free-busy-query"),
                (DAV, "sync-collection"),
            )
        ),
        tag(DAV, "getcontenttype"): lambda: element(DAV, "getcontenttype", "text/calendar"),
        tag(CALDAV, "schedule-calendar-transp"): _opaque,
    }
    if max_resource_bytes is not None:
        props[tag(CALDAV, "max-resource-size")] = lambda: element(
            CALDAV, "max-resource-size", str(max_resource_bytes)
        )
    if view.description is not None:
        props[tag(CALDAV, "calendar-description")] = lambda: element(
            CALDAV, "calendar-description", view.description
        )
    if view.color is not None:
        props[tag(APPLE, "calendar-color")] = lambda: element(APPLE, "calendar-color", view.color)
    if view.timezone is not None and view.timezone.lstrip().startswith("BEGIN:VCALENDAR"):
        props[tag(CALDAV, "calendar-timezone")] = lambda: element(
            CALDAV, "calendar-timezone", view.timezone
        )
    if sharing is not None or view.subscribed:  # a feed's calendar is read-only (ADR 0025)
        role = sharing.role if sharing is not None else view.owner_role
        props[tag(DAV, "current-user-privilege-set")] = lambda: _privileges(privileges_of(role))
    if sharing is not None:
        props[tag(DAV, "owner")] = lambda: element(
            DAV, "owner", children=[href(principal_url(sharing.owner().telegram_id))]
        )
        props[tag(CS, "invite")] = lambda: _invite(sharing)
    # what this person's clients keep on it (a member's view carries theirs, not the owner's)
    for name, kept in view.dead.items():
        props.setdefault(name, lambda kept=kept: _kept(kept))  # type: ignore[misc]
    return props


def _kept(text: str) -> ET.Element:
    """A property a client keeps on the calendar, as it sent it."""
    found = xml.parse(text.encode())
    if found is None:  # pragma: no cover - only elements are ever kept
        raise ValueError("an empty client property")
    return found


@dataclass(frozen=True)
class Sharing:
    """What a calendar's properties say about sharing: the account's role, the owner (looked
    up only when asked for) and the members (likewise)."""

    role: Role
    owner: Callable[[], AccountView]
    members: Callable[[], list[tuple[AccountView, Role, bool]]]  # (who, role, accepted)


def _invite(sharing: Sharing) -> ET.Element:
    """CS:invite (CalendarServer sharing): the owner as organizer, then each member with their
    access and whether they accepted."""
    owner = sharing.owner()
    organizer = element(
        CS,
        "organizer",
        children=[
            href(principal_url(owner.telegram_id)),
            element(CS, "common-name", owner.name),
        ],
    )
    users = [
        element(
            CS,
            "user",
            children=[
                href(principal_url(member.telegram_id)),
                element(CS, "common-name", member.name),
                element(CS, "invite-accepted" if accepted else "invite-noresponse"),
                element(
                    CS,
                    "access",
                    children=[element(CS, "read-write" if permits(role, Action.WRITE) else "read")],
                ),
            ],
        )
        for member, role, accepted in sharing.members()
    ]
    return element(CS, "invite", children=[organizer, *users])


BODY_PROPERTIES = frozenset({tag(DAV, "getcontentlength"), tag(CALDAV, "calendar-data")})


def reading_for(mode: str, names: list[str]) -> Reading:
    """How much of each object answering these properties reads: its name and ETag only
    (a sync or a listing of ETags), all but its iCalendar body, or the whole of it."""
    if mode != "prop":
        return Reading.WHOLE
    if LISTED_PROPERTIES.issuperset(names):
        return Reading.LISTED
    return Reading.WHOLE if not BODY_PROPERTIES.isdisjoint(names) else Reading.WITHOUT_BODY


def calendar_object(
    account: AccountView,
    obj: ObjectView,
    *,
    reading: Reading = Reading.WHOLE,
    role: Role = Role.OWNER,
) -> ObjectProperties:
    """A calendar object resource (RFC 4791 §4.1) as far as the object was read (`reading`):
    the properties made from what was not read are left out. `role` is the account's on the
    object's calendar (its privileges)."""
    provider = ObjectProperties(account, obj, _READ[reading])
    if role is not Role.OWNER:
        granted = privileges_of(role)
        provider.extra[tag(DAV, "current-user-privilege-set")] = lambda: _privileges(granted)
    return provider


_GETETAG, _CONTENTTYPE = tag(DAV, "getetag"), tag(DAV, "getcontenttype")
_CONTENTLENGTH, _LASTMODIFIED = tag(DAV, "getcontentlength"), tag(DAV, "getlastmodified")
_DATA, _SCHEDULE_TAG = tag(CALDAV, "calendar-data"), tag(CALDAV, "schedule-tag")
_ObjectGetter = Callable[[AccountView, ObjectView], ET.Element | xml.Text]
_OBJECT_PROPERTIES: dict[str, _ObjectGetter] = {
    tag(DAV, "current-user-principal"): lambda account, _: element(
        DAV, "current-user-principal", children=[href(principal_url(account.telegram_id))]
    ),
    tag(DAV, "owner"): lambda account, _: element(
        DAV, "owner", children=[href(principal_url(account.telegram_id))]
    ),
    tag(DAV, "current-user-privilege-set"): lambda _, __: _privileges(),
    tag(DAV, "resourcetype"): lambda _, __: element(DAV, "resourcetype"),
    _GETETAG: lambda _, obj: xml.Text(_GETETAG, obj.etag),
    _CONTENTTYPE: lambda _, obj: xml.Text(
        _CONTENTTYPE, f"text/calendar; charset=utf-8; component={obj.component.lower()}"
    ),
    _CONTENTLENGTH: lambda _, obj: xml.Text(_CONTENTLENGTH, str(len(obj.ical.encode("utf-8")))),
    _LASTMODIFIED: lambda _, obj: xml.Text(_LASTMODIFIED, http_date(obj.modified_at)),
    _DATA: lambda _, obj: xml.Text(_DATA, obj.ical),
    # RFC 6638 §3.2.10: moves with the owner's and organizer's changes, not with others' answers
    _SCHEDULE_TAG: lambda _, obj: xml.Text(_SCHEDULE_TAG, obj.schedule_tag or obj.etag),
}
# What a listing that read only the name, ETag, component and position answers
LISTED_PROPERTIES = frozenset(
    {
        tag(DAV, "current-user-principal"),
        tag(DAV, "owner"),
        tag(DAV, "current-user-privilege-set"),
        tag(DAV, "resourcetype"),
        _GETETAG,
        _CONTENTTYPE,
    }
)
_READ = {
    Reading.WHOLE: tuple(_OBJECT_PROPERTIES),
    Reading.WITHOUT_BODY: tuple(n for n in _OBJECT_PROPERTIES if n not in BODY_PROPERTIES),
    Reading.LISTED: tuple(n for n in _OBJECT_PROPERTIES if n in LISTED_PROPERTIES),
}


class ObjectProperties(Mapping[str, Getter]):
    """The properties of one calendar object, each made only when asked for.

    A listing holds one of these per member: a mapping over shared getters rather than a dict
    of fresh closures, so a 10,000-member PROPFIND does not allocate 100,000 of them.
    `extra` adds or replaces properties (calendar-data as a report asks for it).
    """

    __slots__ = ("account", "extra", "names", "obj")

    def __init__(self, account: AccountView, obj: ObjectView, names: tuple[str, ...]) -> None:
        self.account = account
        self.obj = obj
        self.names = names
        self.extra: dict[str, Getter] = {}

    def __getitem__(self, name: str) -> Getter:
        if name in self.extra:
            return self.extra[name]
        if name not in self.names:
            raise KeyError(name)
        getter = _OBJECT_PROPERTIES[name]
        return lambda: getter(self.account, self.obj)

    def __contains__(self, name: object) -> bool:
        return name in self.extra or name in self.names

    def made(self, wanted: list[str]) -> tuple[list[ET.Element | xml.Text], list[str]]:
        """The wanted properties it has, made, and the names of those it has not: what
        `answer` asks of every provider, without a getter made for each property (a sync
        asks it of each of thousands of members)."""
        found: list[ET.Element | xml.Text] = []
        missing: list[str] = []
        for name in wanted:
            getter = self.extra.get(name)
            if getter is not None:
                found.append(getter())
            elif name in self.names:
                found.append(_OBJECT_PROPERTIES[name](self.account, self.obj))
            else:
                missing.append(name)
        return found, missing

    def __iter__(self) -> Iterator[str]:
        yield from self.names
        yield from (name for name in self.extra if name not in self.names)

    def __len__(self) -> int:
        return len(self.names) + sum(1 for name in self.extra if name not in self.names)


def http_date(iso: str) -> str:
    """An RFC 7231 date from an ISO timestamp."""
    return email.utils.format_datetime(
        dt.datetime.fromisoformat(iso).astimezone(dt.UTC), usegmt=True
    )


def _opaque() -> ET.Element:
    """Every calendar counts towards free-busy (RFC 6638 §9.1); the property is read-only."""
    return element(CALDAV, "schedule-calendar-transp", children=[element(CALDAV, "opaque")])


def _comp(name: str) -> ET.Element:
    node = element(CALDAV, "comp")
    node.set("name", name)
    return node


def _calendar_data_type() -> ET.Element:
    node = element(CALDAV, "calendar-data")
    node.set("content-type", "text/calendar")
    node.set("version", "2.0")
    return node


def answer(resource_href: str, provider: Provider, mode: str, names: list[str]) -> xml.Response:
    """The propstat for a PROPFIND: requested properties found (200) and missing (404)."""
    if mode == "propname":
        return xml.Response(resource_href, [xml.PropStat(200, [ET.Element(n) for n in provider])])
    if mode == "allprop":
        wanted = [n for n in provider if n not in NOT_IN_ALLPROP] + [
            n for n in names if n not in provider or n in NOT_IN_ALLPROP
        ]
    else:
        wanted = names
    if isinstance(provider, ObjectProperties):
        found, absent = provider.made(wanted)
    else:
        found = [provider[n]() for n in wanted if n in provider]
        absent = [n for n in wanted if n not in provider]
    propstats = [xml.PropStat(200, found)] if found else []
    if absent:
        propstats.append(xml.PropStat(404, [ET.Element(n) for n in absent]))
    return xml.Response(resource_href, propstats or [xml.PropStat(200, [])])


def calendar_href(account: AccountView, view: CalendarView) -> str:
    """The URL of a calendar of this account."""
    return calendar_url(account.telegram_id, view.slug)
