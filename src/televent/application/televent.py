"""The command API every adapter uses: one method per command (CQRS write side).

`Televent` is composed of one class per responsibility, each in its own module:

- core.py: loading and saving, the clock, the parts the composition root hands in;
- accounts.py: accounts, settings and device passwords; invite_addresses.py: the address
  anyone can invite an account at; email_links.py: linking one's own email with a mailed code;
- calendars.py: calendar collections (RFC 4791 §5.3.1);
- calendar_objects.py: storing and deleting calendar object resources (RFC 4791 §5.3.2,
  RFC 6638 §3.2); calendar_import.py: importing a calendar file (one transaction, nothing sent);
- feed_subscriptions.py: calendars that show a feed, and refreshing them per UID;
- connections.py: accounts on other CalDAV servers, and mirroring their calendars per UID;
  connection_writeback.py: writing changes made here back to them (If-Match, conflicts);
- attendance.py: invitations, answers, cancellations and delivery failures (RFC 6638);
- erasure.py: erasure and export bookkeeping (GDPR);
- farewells.py: the record of the meetings an erasure calls off (GDPR Art. 17);
- schedule_inbox.py: deleting items of the scheduling inbox (RFC 6638 §4.1);
- bookings.py: availability, booking links and bookings;
- sharing.py: calendars shared with other people (members, roles, invitations);
- group_calendars.py: Telegram groups' calendars (opening, joining, the group's answers);
- webhooks.py: addresses that hear of changes (adding, changing, pausing, removing);
- occurrence_horizon.py: how far ahead the occurrence index lists endless series.

It is built by bootstrap.py (the composition root), never by the adapters.
"""

from __future__ import annotations

from televent.application.accounts import AccountCommands
from televent.application.attendance import AttendanceCommands
from televent.application.bookings import BookingCommands
from televent.application.calendar_objects import ObjectCommands
from televent.application.calendars import CalendarCommands
from televent.application.email_links import EmailLinkCommands
from televent.application.erasure import ErasureCommands
from televent.application.farewells import FarewellCommands
from televent.application.feed_subscriptions import SubscriptionCommands
from televent.application.google_connections import GoogleConnectionCommands
from televent.application.group_calendars import GroupCalendarCommands
from televent.application.occurrence_horizon import HorizonCommands
from televent.application.schedule_inbox import ScheduleInboxCommands
from televent.application.sharing import SharingCommands
from televent.application.webhooks import WebhookCommands


class Televent(
    BookingCommands,
    GroupCalendarCommands,
    EmailLinkCommands,
    AccountCommands,
    SubscriptionCommands,
    GoogleConnectionCommands,
    CalendarCommands,
    ObjectCommands,
    AttendanceCommands,
    ErasureCommands,
    FarewellCommands,
    ScheduleInboxCommands,
    SharingCommands,
    WebhookCommands,
    HorizonCommands,
):
    """Televent's application service: the only way anything changes."""

    name = "Televent"
