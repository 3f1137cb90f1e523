"""Where a message to a person goes: Telegram, their linked email, both or neither
(`channels` in domain/preferences.py), decided in one place when the message is queued.

Reminders (application/reminders.py), the morning agenda (application/morning_agenda.py) and
the notices the telegram_delivery projection decides (invitation cards, cancellations, answers,
bookings) each name their kind of channel (`reminders`, `agenda`, `notices`) and come here.
The row in `telegram_outbox` under the message's key is the record that the message was
decided, whatever its channels: `pending` when Telegram is chosen, `skipped` (with the reason)
when it is not. Its key is the queue's primary key, so however many processes or scans ask, a
message is decided once; its mail copies are queued in the same transaction, and only when that
row is new, so a change of channels later never sends an old reminder again by mail.

A mail copy goes to each email linked to the account (`account_emails`: addresses whose owner
proved they read them), never to another address; with none linked, email sends nothing. Its
row in `mail_outbox` (method `NOTICE`, keyed `<telegram key>:<address>`) carries the message as
Telegram would show it, the channel, and the event's iCalendar text as it is now when the
message is about one event (the mail attaches it). A message to a Telegram group, or of a kind
without a channel, goes to Telegram only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from televent.domain.preferences import EMAIL, TELEGRAM
from televent.projections.directory_reader import preferences_of
from televent.projections.sql import Sql

PENDING, SKIPPED = "pending", "skipped"
MAIL_NOTICE = "NOTICE"  # mail_outbox.method of a reminder, agenda or notice sent by mail
NOT_ON_TELEGRAM = "not on Telegram: the person chose email only for {channel}"


@dataclass(frozen=True)
class Notification:
    """One message for one Telegram chat, as the Telegram queue holds it."""

    key: str  # the queue key: kind, event or account, recipient, revision or date
    chat_id: int  # a Telegram user (an account) or a group
    kind: str  # what the bot renders: "reminder", "agenda", "invitation", "rsvp", ...
    event_id: str | None
    payload: dict[str, Any]
    due_at: str  # when it may be sent (stamp)
    created_at: str  # stamp
    position: int = 0  # the log position that caused it (0: a job, not an event)
    channel: str | None = None  # reminders, agenda or notices; None: Telegram only
    status: str | None = None  # SKIPPED: nothing is to be sent under this key


def queue_notification(
    db: Sql, message: Notification, *, table: str = "telegram_outbox", answer: bool = True
) -> bool:
    """Queue `message` on the channels its recipient chose; True if its key is new. With
    `answer` False the caller does not ask (and in a PostgreSQL pipeline no round trip is spent
    on finding out, unless mail copies depend on it): True is returned."""
    account = None
    if message.channel is not None and message.chat_id > 0:
        account = db.one(
            "SELECT account_id, preferences FROM accounts WHERE telegram_id = ?",
            (message.chat_id,),
        )
    preferences = preferences_of(account) if account is not None else None
    channel = str(message.channel)
    on_telegram = preferences is None or preferences.sends(channel, TELEGRAM)
    by_mail = (
        preferences is not None and message.status is None and preferences.sends(channel, EMAIL)
    )
    status = message.status or (PENDING if on_telegram else SKIPPED)
    reason = None if on_telegram else NOT_ON_TELEGRAM.format(channel=channel)
    insert_telegram_row(db, table, message, status=status, reason=reason)
    if not answer and not by_mail:
        return True
    if db.rowcount != 1:
        return False  # decided before (by this process, another one, or before a restart)
    if account is not None and by_mail:
        _queue_mail(db, message, str(account["account_id"]))
    return True


def insert_telegram_row(
    db: Sql, table: str, message: Notification, *, status: str, reason: str | None = None
) -> None:
    """Write the Telegram queue's row of `message` unless its key exists (`db.rowcount` says
    whether it was written)."""
    db.run(
        f"INSERT INTO {table} (delivery_id, chat_id, kind, event_id, payload, status, "
        "attempts, due_at, last_error, created_position, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?) ON CONFLICT (delivery_id) DO NOTHING",
        (
            message.key,
            message.chat_id,
            message.kind,
            message.event_id,
            json.dumps(message.payload, sort_keys=True),
            status,
            message.due_at,
            reason,
            message.position,
            message.created_at,
        ),
    )


def insert_mail_row(  # noqa: PLR0917 - the row's columns, in order
    db: Sql,
    delivery_id: str,
    recipient: str,
    method: str,
    event_id: str | None,
    account_id: str | None,
    payload: dict[str, Any],
    *,
    due_at: str,
    created_at: str,
    position: int = 0,
) -> bool:
    """Write a row of the email queue unless its key exists; True if written."""
    db.run(
        "INSERT INTO mail_outbox (delivery_id, recipient, method, event_id, account_id, "
        "payload, status, attempts, due_at, created_position, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?) ON CONFLICT (delivery_id) DO NOTHING",
        (
            delivery_id,
            recipient,
            method,
            event_id,
            account_id,
            json.dumps(payload, sort_keys=True),
            PENDING,
            due_at,
            position,
            created_at,
        ),
    )
    return db.rowcount == 1


def _queue_mail(db: Sql, message: Notification, account_id: str) -> None:
    """The mail copies of `message`, one per email linked to the account."""
    emails = [
        str(row["email"])
        for row in db.all(
            "SELECT email FROM account_emails WHERE account_id = ? ORDER BY linked_at, email",
            (account_id,),
        )
    ]
    if not emails:
        return  # email chosen, none linked: nothing is mailed (the settings say so)
    ical = None
    if message.event_id:
        found = db.scalar(
            "SELECT ical FROM calendar_objects WHERE event_id = ?", (message.event_id,)
        )
        ical = None if found is None else str(found)
    payload = {
        "channel": message.channel,
        "kind": message.kind,
        "message": message.payload,
        "ical": ical,
    }
    for email in emails:
        insert_mail_row(
            db, f"{message.key}:{email}", email, MAIL_NOTICE, message.event_id, account_id,
            payload, due_at=message.due_at, created_at=message.created_at,
            position=message.position,
        )  # fmt: skip
