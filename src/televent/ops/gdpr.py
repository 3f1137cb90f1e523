"""GDPR for operators: export everything held about a person, and erase it (Art. 15, 17, 20).

Export writes one ZIP: the account, devices (names and dates, never hashes), every domain event
the person caused or that concerns them (decoded, as JSON), their calendars as .ics and their
settings (with what the person's calendar apps keep on each), the calendars shared with them
and the people they share theirs with, and what was delivered to them. Erasure is
crypto-shredding (docs/adr/0009): the person leaves every calendar shared with them (a
MemberRemoved event, reason `erased`, in the owner's calendar, so the members read model
and a rebuild agree and the calendar stays its other members'); the meetings the person
organises are called off (farewells.py), an `AccountErased` record is appended, the person's key
is deleted, so their events can no longer be read, and the read models are rebuilt from the log
(their own calendars, now unreadable, are gone for their members too);
the delivery queues and operational records, which cannot be rebuilt, are purged and scrubbed
(delivery/erasure.py, the one place an erasure writes to tables directly). Exports, erasures and
called-off meetings are recorded in the log with operator, time and reason.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from uuid import UUID

from televent.application.push_registrations import PushRegistrations
from televent.application.televent import Televent
from televent.delivery.erasure import purge_person
from televent.domain.errors import NotFoundError
from televent.domain.ics_bundle import bundle_calendars
from televent.domain.schedule import schedule_id_for
from televent.domain.values import SECRET_FIELDS, internal_address
from televent.infrastructure.crypto_shredding import is_redacted
from televent.ops.erasure_journal import ErasureJournal
from televent.ops.farewells import Farewells
from televent.projections.audit_index import owner_of
from televent.projections.calendar_view_reader import CalendarView
from televent.projections.directory_reader import AccountView
from televent.projections.rebuild import Rebuilder

ERASED_NAME = "Erased user"
MIN_NAME_LENGTH = 3
HIDDEN = "(not exported)"
LOG = logging.getLogger(__name__)
Progress = Callable[[int, int], None]
ForgetGoogle = Callable[[str, Sequence[Any]], object]  # (refresh token, push channels)


@dataclass(frozen=True)
class ExportSummary:
    """What an export wrote."""

    path: Path
    events: int
    calendars: int
    objects: int
    problems: list[str] = field(default_factory=list)  # parts left out or written as stored
    memberships: int = 0  # calendars others share with the person (invitations included)
    shared_calendars: int = 0  # the person's calendars shared with others


@dataclass
class ErasureReport:
    """What an erasure did."""

    telegram_id: int
    pseudonym: str
    already_erased: bool = False
    rebuilt: list[str] = field(default_factory=list)
    purged_rows: int = 0
    meetings_called_off: int = 0
    farewells_queued: int = 0
    memberships_removed: int = 0  # calendars shared with them that they were taken out of


class PersonalData:
    """Export and erasure of one person's data (operators; the bot's /deleteaccount)."""

    def __init__(
        self,
        app: Televent,
        journal: ErasureJournal | None = None,
        *,
        forget_google: ForgetGoogle | None = None,
    ) -> None:
        self.app = app
        self.journal = journal  # every erasure is written here first (ops/erasure_journal.py)
        # revokes a Google grant at Google and closes its push channels (best effort; the
        # composition root's, adapters/connections/google_oauth.py): an erased person's
        # Google account then no longer lists Televent as allowed in
        self.forget_google = forget_google

    # --- export ------------------------------------------------------------------------------

    def export(self, telegram_id: int, out: Path, *, operator: str, reason: str) -> ExportSummary:
        """Write the person's data to the ZIP file `out`, and record the export in the log.

        The ZIP is written to a temporary file beside `out` and renamed into place once whole:
        a failure leaves nothing half-written. A part that cannot be read (an object no parser
        reads, a change that cannot be decoded) does not stop the export: it is written as
        stored where it can be, listed in problems.json and in the summary."""
        account = self._account(telegram_id)
        calendars = self.app.queries.calendars_of(account.account_id)
        problems: list[str] = []
        events = self._events_json(account, problems)
        sharing = self._sharing(account)
        objects = 0
        out = Path(out)
        handle, temporary = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent)
        os.close(handle)
        part = Path(temporary)
        try:
            with zipfile.ZipFile(part, "w", compression=zipfile.ZIP_DEFLATED) as archive:
                archive.writestr("README.txt", _readme(account, operator, reason, self.app.clock()))
                archive.writestr(
                    "account.json", _json({**_account_json(account), **self._addresses(account)})
                )
                devices = [
                    {
                        "name": d.name,
                        "issued_at": d.issued_at,
                        "revoked_at": d.revoked_at,
                        "last_used_at": d.last_used_at,
                    }
                    for d in self.app.queries.devices_of(account.account_id)
                ]
                archive.writestr("devices.json", _json(devices))
                archive.writestr("calendars.json", _json([_calendar_json(c) for c in calendars]))
                archive.writestr("events.json", _json(events))
                for calendar in calendars:
                    stored = self.app.queries.objects_in(calendar.calendar_id)
                    objects += len(stored)
                    bundle = bundle_calendars(
                        calendar.slug, ((o.href, o.ical) for o in stored), "GDPR export"
                    )
                    archive.writestr(f"calendars/{calendar.slug}.ics", bundle.data)
                    by_href = {o.href: o for o in stored}
                    for skipped in bundle.skipped:
                        obj = by_href[skipped.key]
                        LOG.warning(
                            "GDPR export of %s: object %s (%s) written as stored: %s",
                            telegram_id, obj.event_id, obj.href, skipped.reason,
                        )  # fmt: skip
                        name = f"calendars/{calendar.slug}.unreadable/{obj.event_id}.ics"
                        archive.writestr(name, obj.ical)
                        problems.append(
                            f"{obj.href} in calendar {calendar.slug} (event {obj.event_id}) "
                            f"could not be merged into calendars/{calendar.slug}.ics and is "
                            f"in {name} as stored: {skipped.reason}"
                        )
                archive.writestr("deliveries.json", _json(self._deliveries(account)))
                if sharing["memberships"] or sharing["shared_calendars"]:
                    archive.writestr("sharing.json", _json(sharing))
                subscriptions = self._subscriptions(account)
                if subscriptions:
                    archive.writestr("subscriptions.json", _json(subscriptions))
                connections = self._connections(account)
                if connections:
                    archive.writestr("connections.json", _json(connections))
                notified = self._notified(account)
                if any(notified.values()):
                    archive.writestr("notifications.json", _json(notified))
                if problems:
                    archive.writestr("problems.json", _json(problems))
            with part.open("rb") as written:
                os.fsync(written.fileno())
            self.app.record_export(
                telegram_id, reason=reason, actor=f"operator:{operator}", source="cli:gdpr export"
            )
            part.replace(out)
        except BaseException:
            part.unlink(missing_ok=True)
            raise
        return ExportSummary(
            out,
            len(events),
            len(calendars),
            objects,
            problems,
            memberships=len(sharing["memberships"]),
            shared_calendars=len(sharing["shared_calendars"]),
        )

    def _subscriptions(self, account: AccountView) -> list[dict[str, Any]]:
        """The feeds the person subscribes to (docs/adr/0025): each calendar's slug and name,
        the feed's address, their options and how fetching it went."""
        return [
            {
                "calendar": sub.slug,
                "name": sub.name,
                "url": sub.url,
                "paused": sub.paused,
                "reminders": sub.reminders,
                "busy": sub.busy,
                "subscribed_at": sub.subscribed_at,
                "last_success": sub.last_success,
                "last_error": sub.last_error,
            }
            for sub in self.app.queries.subscriptions_of(account.account_id)
        ]

    def _connections(self, account: AccountView) -> list[dict[str, Any]]:
        """The accounts on other servers the person connected (docs/adr/0026): the server,
        the user name and each mirrored calendar (never the password)."""
        return [
            {
                "kind": found.kind,
                "server": found.server,
                "address": found.address,
                "username": found.username,
                "connected_at": found.connected_at,
                "calendars": [
                    {
                        "calendar": m.slug,
                        "name": m.name,
                        "url": m.url,
                        "last_success": m.last_success,
                    }
                    for m in found.calendars
                ],
            }
            for found in self.app.queries.connections_of(account.account_id)
        ]

    def _notified(self, account: AccountView) -> dict[str, Any]:
        """Where the person asked to be told of changes: their devices' WebDAV-Push
        registrations (docs/adr/0027) and their webhooks (docs/adr/0029, never the secret)."""
        registrations = PushRegistrations(self.app.views, self.app.clock)
        return {
            "push_registrations": [
                asdict(found) for found in registrations.of_account(str(account.account_id))
            ],
            "webhooks": [
                {
                    "url": hook.url,
                    "triggers": list(hook.triggers),
                    "active": hook.active,
                    "paused_reason": hook.paused_reason,
                    "created_at": hook.created_at,
                }
                for hook in self.app.queries.webhooks_of(account.account_id)
            ],
        }

    def _addresses(self, account: AccountView) -> dict[str, Any]:
        """The person's invitation addresses (the current one and those replaced, docs/adr/
        0019) and an address a code was mailed to that was not given back yet."""
        invite = self.app.queries.invite_addresses_of(account.account_id)
        return {
            "invite_address": account.invite_address,
            "replaced_invite_addresses": [a for a in invite if a != account.invite_address],
            "email_awaiting_code": self.app.email_awaiting_code(account.account_id),
        }

    def _own_addresses(self, account: AccountView) -> list[str]:
        """Every address that stands for the person: internal, linked emails, and every
        invitation address they had."""
        internal = internal_address(account.telegram_id, self.app.internal_domain)
        invite = self.app.queries.invite_addresses_of(account.account_id)
        return list(dict.fromkeys([internal, *account.emails, *invite]))

    def _sharing(self, account: AccountView) -> dict[str, list[dict[str, Any]]]:
        """The calendars others share with the person (role, status, owner, their own name,
        colour and busy choice for it), and the members of the person's own calendars."""
        queries = self.app.queries
        memberships = []
        for seen in queries.shared_with(account.account_id, invited=True):
            member = seen.membership
            assert member is not None  # shared with them: a membership, never their own
            calendar = queries.calendar(seen.calendar_id)
            memberships.append(
                {
                    "calendar_id": str(seen.calendar_id),
                    "calendar": None if calendar is None else calendar.display_name,
                    "owner": self._person(member.owner_id),
                    "role": member.role.value,
                    "status": member.status.value,
                    "since": member.since,
                    "invited_by": self._person(member.invited_by),
                    "own_name": member.display_name,
                    "own_color": member.color,
                    "busy": seen.busy,
                    "client_properties": seen.view.dead,  # their own clients', never the owner's
                }
            )
        shared = []
        for calendar in queries.calendars_of(account.account_id):
            members = queries.members_of(calendar.calendar_id)
            if not members:
                continue
            shared.append(
                {
                    "calendar_id": str(calendar.calendar_id),
                    "calendar": calendar.slug,
                    "name": calendar.display_name,
                    "members": [
                        {
                            **self._person(m.account_id),
                            "role": m.role.value,
                            "status": m.status.value,
                            "since": m.since,
                            "invited_by": self._person(m.invited_by),
                        }
                        for m in members
                    ],
                }
            )
        return {"memberships": memberships, "shared_calendars": shared}

    def _person(self, account_id: UUID) -> dict[str, Any]:
        """Another person, as the export names them: Telegram id and name (an account no
        longer registered: its id only)."""
        person = self.app.queries.account_by_id(account_id)
        if person is None:
            return {"account_id": str(account_id)}
        return {"telegram_id": person.telegram_id, "name": person.name}

    def _events_json(self, account: AccountView, problems: list[str]) -> list[dict[str, Any]]:
        """The person's logged changes as JSON, oldest first; an aggregate or a change that
        cannot be read is named in `problems` instead, and the others are still written."""
        events: list[Any] = []
        for originator in self._related_originators(account):
            try:
                events.extend(self.app.events.get(originator))
            except Exception as exc:  # one aggregate never stops the export
                LOG.exception("GDPR export: cannot read aggregate %s", originator)
                problems.append(f"the changes of {originator} could not be read: {exc!r}")
        events = [e for e in events if _about_person(e, str(account.account_id))]
        events.sort(key=lambda e: (e.timestamp, str(e.originator_id), e.originator_version))
        found: list[dict[str, Any]] = []
        for event in events:
            try:
                found.append(_event_json(event))
            except Exception as exc:
                LOG.exception("GDPR export: cannot write change %r", event)
                problems.append(
                    f"change {event.originator_version} of {event.originator_id} could not be "
                    f"written: {exc!r}"
                )
        return found

    def _related_originators(self, account: AccountView) -> list[UUID]:
        """The aggregates about the person: their account, calendars and events in them, their
        schedule (availability, booking links, bookings: domain/schedule.py), other people's
        events they are invited to or acted on, and the calendars shared with them."""
        found: dict[str, None] = {str(account.account_id): None}
        addresses = self._own_addresses(account)
        marks = ", ".join("?" for _ in addresses)
        with self.app.views.read() as db:
            for row in db.all(
                "SELECT originator_id FROM audit_account_aggregates WHERE account_id = ?",
                (str(account.account_id),),
            ):
                found[str(row["originator_id"])] = None
            for row in db.all(
                f"SELECT originator_id FROM audit_address_aggregates WHERE address IN ({marks})",
                tuple(a.lower() for a in addresses),
            ):
                found[str(row["originator_id"])] = None
        # Indexed as the person's since ScheduleOpened (audit_index.py); named here too, so an
        # index built before that still exports it (a person who never opened one: nothing).
        found.setdefault(str(schedule_id_for(account.account_id)), None)
        return [UUID(key) for key in found]

    def _deliveries(self, account: AccountView) -> dict[str, list[dict[str, Any]]]:
        with self.app.views.read() as db:
            telegram = db.all(
                "SELECT kind, payload, status, created_at, sent_at FROM telegram_outbox "
                "WHERE chat_id = ? ORDER BY created_position",
                (account.telegram_id,),
            )
            mail = db.all(
                "SELECT method, recipient, status, created_at, sent_at FROM mail_outbox "
                "WHERE account_id = ? ORDER BY created_position",
                (str(account.account_id),),
            )
            inbox = db.all(
                "SELECT name, method, uid, created_at, ical FROM schedule_inbox "
                "WHERE account_id = ? ORDER BY position, name",
                (str(account.account_id),),
            )
        return {
            "telegram": [dict(r) for r in telegram],
            "email": [dict(r) for r in mail],
            "schedule_inbox": [dict(r) for r in inbox],
        }

    # --- erasure -----------------------------------------------------------------------------

    def erase(
        self,
        telegram_id: int,
        *,
        operator: str,
        reason: str,
        progress: Progress | None = None,
        source: str = "cli:gdpr erase",
    ) -> ErasureReport:
        """Erase the person: record it, delete their key, rebuild and purge the read models.

        Running it again after an interruption finishes the job."""
        account = self.app.queries.account_by_telegram_id(telegram_id)
        if account is None:
            if self.app.last_erasure(telegram_id) is None:
                raise NotFoundError(f"No account for Telegram id {telegram_id}.")
            report = ErasureReport(telegram_id, "", already_erased=True)
            self._finish(report, None, progress)
            return report
        # An erasure that was interrupted after the key went is finished, not recorded again.
        erased_before = self.app.keys.erased_at(account.account_id) is not None
        if self.journal is not None and not erased_before:  # on disk before anything is erased
            self.journal.record(account.account_id, telegram_id, self.app.clock(), reason)
        if not erased_before:
            self._forget_google_grants(account)  # while their key still reads the tokens
        # Read while it can still be read: what the person owns, and how they are named.
        owned = self._owned(account)
        addresses = self._own_addresses(account)
        actor = f"operator:{operator}"
        # Out of every calendar shared with them, while the members read model names those
        # calendars: the owners' calendars record it (the owners' keys), so a rebuild agrees.
        removed = self.app.remove_from_shared_calendars(
            account.account_id, actor=actor, source=source
        )
        called_off = None
        if not erased_before:
            # Tell the people they invited, while the meetings can still be read.
            # Other users' copies of the meetings they organised repeat what they wrote.
            self.app.withdraw_copies(account.account_id, actor=actor, source=source)
            called_off = Farewells(self.app).call_off_meetings(
                account, addresses, actor=actor, source=source
            )
            self.app.record_erasure(telegram_id, reason=reason, actor=actor, source=source)
        pseudonym = self.app.keys.erase(account.account_id, addresses)
        report = ErasureReport(
            telegram_id, pseudonym, already_erased=erased_before, memberships_removed=removed
        )
        if called_off is not None:
            report.meetings_called_off = called_off.meetings
            report.farewells_queued = called_off.messages
        terms = dict.fromkeys(addresses, pseudonym)
        if len(account.name.strip()) >= MIN_NAME_LENGTH:  # shorter names match everywhere
            terms[account.name] = ERASED_NAME
        self._finish(report, (account, owned, terms), progress)
        return report

    def _forget_google_grants(self, account: AccountView) -> None:
        """Revoke at Google each grant of the person's Google connections (a failure is
        logged and the erasure goes on: the tokens are gone with the key anyway)."""
        if self.forget_google is None:
            return
        for connection in self.app.queries.connections_of(account.account_id):
            if connection.kind != "google":
                continue
            try:
                _, token = self.app.credentials_of(connection.connection_id)
                channels = self.app.google_channels_of(connection.connection_id)
                self.forget_google(token, channels)
            except Exception:  # Google out of reach, a connection removed meanwhile
                LOG.exception("Could not revoke Google connection %s", connection.connection_id)

    def erase_due(self, today: dt.date, progress: Progress | None = None) -> list[int]:
        """Carry out the erasures users asked for (/deleteaccount) whose grace period is over."""
        with self.app.views.read() as db:
            rows = db.all(
                "SELECT telegram_id FROM accounts WHERE erasure_due IS NOT NULL "
                "AND erasure_due <= ? ORDER BY telegram_id",
                (today.isoformat(),),
            )
        done = []
        for row in rows:
            telegram_id = int(row["telegram_id"])
            self.erase(
                telegram_id,
                operator="system",
                reason="asked for by the user (/deleteaccount), grace period over",
                source="system:scheduled erasure",
                progress=progress,
            )
            done.append(telegram_id)
        return done

    def _finish(
        self,
        report: ErasureReport,
        person: tuple[AccountView, dict[str, list[str]], dict[str, str]] | None,
        progress: Progress | None,
    ) -> None:
        # The queues first: once the rebuild has swapped in read models that cannot read the
        # person, an erasure run again to finish an interrupted one no longer knows their
        # ids, name and addresses, and their queued messages and sessions would stay.
        if person is not None:
            account, owned, terms = person
            report.purged_rows = purge_person(self.app.views, account, owned, terms)
        rebuild = Rebuilder(self.app.engine, self.app.views).run(progress=progress)
        report.rebuilt = rebuild.projections
        self.app.views.compact()

    def _owned(self, account: AccountView) -> dict[str, list[str]]:
        """Ids of what the person owns, read before their data becomes unreadable."""
        with self.app.views.read() as db:
            calendars = [
                str(r["calendar_id"])
                for r in db.all(
                    "SELECT calendar_id FROM calendars WHERE account_id = ?",
                    (str(account.account_id),),
                )
            ]
            events: list[str] = []
            uids: set[str] = set()
            for calendar_id in calendars:
                for r in db.all(
                    "SELECT event_id, uid FROM calendar_objects WHERE calendar_id = ?",
                    (calendar_id,),
                ):
                    events.append(str(r["event_id"]))
                    uids.add(str(r["uid"]))
            devices = [
                str(r["device_id"])
                for r in db.all(
                    "SELECT device_id FROM devices WHERE account_id = ?", (str(account.account_id),)
                )
            ]
        return {
            "calendars": calendars,
            "events": events,
            "uids": sorted(uids),
            "devices": devices,
        }

    def release_farewells(self) -> int:
        """Delete the farewell messages of past erasures once sent (see farewells.py)."""
        released = Farewells(self.app).release()
        if released:
            self.app.views.compact()
        return released

    def _account(self, telegram_id: int) -> AccountView:
        account = self.app.queries.account_by_telegram_id(telegram_id)
        if account is None:
            erased = self.app.last_erasure(telegram_id)
            if erased is not None:
                raise NotFoundError(
                    f"The data of Telegram id {telegram_id} was erased on {erased[1]}."
                )
            raise NotFoundError(f"No account for Telegram id {telegram_id}.")
        return account


# A member's own choices about a calendar, not the owner's to export: their name and colour
# for it, and whether they publish it as a feed (docs/adr/0022).
MEMBERS_OWN = ("Calendar.MemberPropertiesSet", "Calendar.FeedPublished", "Calendar.FeedRevoked")


def _about_person(event: Any, account_id: str) -> bool:
    """Whether a logged change belongs in the person's export. Of a calendar shared with them
    only what concerns them (their invitation, answer, role, removal, own name and colour) or
    what they did; of their own calendars everything but another member's own choices for it
    (that member's name and colour for the calendar, and their feed of it, are theirs)."""
    kind = type(event).__qualname__
    if not kind.startswith("Calendar."):
        return True
    member = getattr(event, "member", None)
    if owner_of(event) == account_id:
        return kind not in MEMBERS_OWN or str(member) == account_id
    if is_redacted(event):
        return False
    return str(member) == account_id or getattr(event, "actor", None) == f"account:{account_id}"


def _event_json(event: Any) -> dict[str, Any]:
    name = type(event).__qualname__
    data = {
        key: value
        for key, value in vars(event).items()
        if key not in ("originator_id", "originator_version", "timestamp")
    }
    for key in SECRET_FIELDS & data.keys():  # a device's password hash, an account's password
        data[key] = HIDDEN
    return {
        "time": event.timestamp.isoformat(),
        "event": name,
        "aggregate": str(event.originator_id),
        "version": event.originator_version,
        "erased": is_redacted(event),
        "data": data,
    }


def _account_json(account: AccountView) -> dict[str, Any]:
    return {
        "telegram_id": account.telegram_id,
        "name": account.name,
        "username": account.username,
        "timezone": account.timezone,
        "reminder_minutes": account.reminder_minutes,
        "registered_at": account.registered_at,
        "emails": list(account.emails),
        "erasure_due": account.erasure_due,
        "preferences": account.preferences.as_dict(),
    }


def _calendar_json(calendar: CalendarView) -> dict[str, Any]:
    """A calendar's own settings: what the owner named it and what their clients keep on it."""
    return {
        "calendar_id": str(calendar.calendar_id),
        "calendar": calendar.slug,
        "name": calendar.display_name,
        "color": calendar.color,
        "description": calendar.description,
        "timezone": calendar.timezone,
        "components": calendar.components,
        "busy": calendar.busy,
        "subscribed": calendar.subscribed,
        "connected": calendar.connection_id is not None,
        "client_properties": calendar.dead,
    }


def _json(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False, default=str, sort_keys=True)


def _readme(account: AccountView, operator: str, reason: str, now: dt.datetime) -> str:
    return (
        f"Everything Televent holds about Telegram user {account.telegram_id} "
        f"({account.name}), exported {now.isoformat()} by {operator}: {reason}.\n\n"
        "account.json     the account: name, time zone, linked email addresses, the\n"
        "                 invitation addresses anyone could invite the person at\n"
        "devices.json     CalDAV device passwords: names and dates (passwords are never kept)\n"
        "events.json      every change recorded that the person made or that concerns them\n"
        "calendars.json   the calendars' settings: name, colour, description, time zone and\n"
        "                 what the person's calendar apps keep on each (client properties)\n"
        "calendars/*.ics  the calendars as they are now (iCalendar, RFC 5545)\n"
        "sharing.json     (only when there are any) the calendars others share with the person\n"
        "                 (role, status, owner, their own name and client properties for each)\n"
        "                 and the members of the person's own calendars\n"
        "deliveries.json  Telegram messages and emails sent on the person's behalf or to them,\n"
        "                 and the scheduling messages waiting in their CalDAV inbox\n"
        "problems.json    (only when there were any) parts that could not be read or merged;\n"
        "                 calendars/*.unreadable/ holds such objects exactly as stored\n"
    )
