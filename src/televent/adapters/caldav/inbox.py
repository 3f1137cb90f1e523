"""The scheduling inbox over CalDAV (RFC 6638 §2.2, §4.1): list, read and delete the iTIP
messages delivered to the user (televent/projections/schedule_inbox_reader.py).

Items are shown as calendar object resources (RFC 4791 §4.1) with METHOD set, as clients
expect: PROPFIND with Depth 1, GET, calendar-multiget and calendar-query, and DELETE once the
client has shown the message. Nothing can be stored in the inbox (405): messages arrive
only by scheduling.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from urllib.parse import quote, unquote
from uuid import UUID

from televent.adapters.caldav import filters, properties, xml
from televent.adapters.caldav.protocol import DavError, Reply
from televent.adapters.caldav.query_zone import UTC, request_zone
from televent.adapters.caldav.reports import name_in, searches_members, wanted_properties
from televent.adapters.caldav.resources import inbox_url
from televent.adapters.caldav.xml import CALDAV, DAV, tag
from televent.domain.errors import NotFoundError
from televent.projections.queries import AccountView, ObjectView
from televent.projections.schedule_inbox_reader import InboxItem, ScheduleInbox

INBOX_ID = UUID(int=0)  # items belong to no calendar


def item_url(telegram_id: int, name: str) -> str:
    """An inbox item's URL."""
    return f"{inbox_url(telegram_id)}{quote(name, safe='@+,;=-_.~')}"


def as_object(item: InboxItem) -> ObjectView:
    """The item as a calendar object resource, for the shared property getters."""
    return ObjectView(
        calendar_id=INBOX_ID,
        href=item.name,
        uid=item.uid,
        event_id=UUID(item.event_id),
        component=item.component,
        etag=item.etag,
        ical=item.ical,
        position=item.position,
        modified_at=item.created_at,
    )


class InboxResources:
    """What the CalDAV handlers do with the inbox's items."""

    def __init__(self, inbox: ScheduleInbox) -> None:
        self.inbox = inbox

    def version(self, account: AccountView) -> int:
        """The inbox's ctag position."""
        return self.inbox.version(account.account_id)

    def listing(self, account: AccountView) -> list[tuple[str, properties.Provider]]:
        """Depth 1 of a PROPFIND on the inbox."""
        return [
            (
                item_url(account.telegram_id, item.name),
                properties.calendar_object(account, as_object(item)),
            )
            for item in self.inbox.items(account.account_id)
        ]

    def one(self, account: AccountView, name: str) -> tuple[str, properties.Provider]:
        """Depth 0 of a PROPFIND on one item."""
        item = self._item(account, name)
        return item_url(account.telegram_id, name), properties.calendar_object(
            account, as_object(item)
        )

    def etag_of(self, account: AccountView, name: str) -> str | None:
        """The ETag of one item (None: the inbox holds no such item)."""
        item = self.inbox.item(account.account_id, name)
        return None if item is None else item.etag

    def get(self, account: AccountView, name: str, *, head: bool) -> Reply:
        """GET or HEAD of one item."""
        item = self._item(account, name)
        body = item.ical.encode("utf-8")
        headers = {
            "content-type": f"text/calendar; charset=utf-8; method={item.method}",
            "etag": item.etag,
            "last-modified": properties.http_date(item.created_at),
        }
        if head:
            return Reply(200, b"", {**headers, "content-length": str(len(body))})
        return Reply(200, body, headers)

    def report(
        self, body: ET.Element | None, account: AccountView, depth: str | None = None
    ) -> Reply:
        """calendar-multiget and calendar-query over the inbox's items (`depth`: the Depth
        header; a calendar-query of Depth 0 searches the inbox itself: `searches_members`)."""
        if body is None:
            raise xml.XmlError("A REPORT needs a body.")
        mode, names, _ = wanted_properties(body)
        items = self.inbox.items(account.account_id)
        if body.tag == tag(CALDAV, "calendar-multiget"):
            base = unquote(inbox_url(account.telegram_id))
            by_name = {item.name: item for item in items}
            responses = []
            for node in body.findall(tag(DAV, "href")):
                href = (node.text or "").strip()
                item = by_name.get(name_in(href, base) or "")
                if item is None:
                    responses.append(xml.Response(href, status=404))
                else:
                    responses.append(self._answer(account, item, mode, names))
            return Reply.xml(207, xml.multistatus(responses))
        if body.tag == tag(CALDAV, "calendar-query"):
            condition = body.find(tag(CALDAV, "filter"))
            if condition is None:
                raise DavError(403, "A calendar-query needs a filter.", "valid-filter")
            zone = request_zone(body, UTC)  # the inbox has no calendar-timezone
            searched = items if searches_members(depth) else []
            try:
                matching = [
                    item
                    for item in searched
                    if filters.matches(condition, item.ical, default_tz=zone)
                ]
            except filters.FilterError as error:
                raise DavError(403, str(error), error.precondition) from error
            responses = [self._answer(account, i, mode, names) for i in matching]
            return Reply.xml(207, xml.multistatus(responses))
        raise DavError(
            403, f"Report {body.tag} is not supported on the inbox.", "supported-report", DAV
        )

    def _answer(
        self, account: AccountView, item: InboxItem, mode: str, names: list[str]
    ) -> xml.Response:
        provider = properties.calendar_object(account, as_object(item))
        return properties.answer(item_url(account.telegram_id, item.name), provider, mode, names)

    def _item(self, account: AccountView, name: str) -> InboxItem:
        item = self.inbox.item(account.account_id, name)
        if item is None:
            raise NotFoundError(f"No inbox item named {name}.")
        return item
