"""What an erasure changes outside the log: rows of queues and operational records (GDPR Art. 17).

Everything a user or an operator could ask about an erasure is in the log: that it happened,
who asked for it, when and why (`Account.AccountErased`), which meetings it called off
(`Account.MeetingsCalledOff`), and the deletion of each, which told the attendees. The read
models are rebuilt from the log once the person's key is gone (their events then read as
redacted). This module is the one place where an erasure writes to tables directly, and only to
tables that are not rebuilt from the log, for these reasons:

- the delivery queues (`telegram_outbox`, `mail_outbox`) and what they remember of each
  recipient (`telegram_invitations`, `mail_invitations`, `mail_events`): replaying them would
  send every message again (ADR 0007), so the person's rows are deleted and their name and
  addresses scrubbed from the rest (delivery/erasure_scrub.py: theirs only, never a part of
  someone else's address), instead of a rebuild;
- the scheduling inboxes (`schedule_inbox*`): not rebuilt either (see
  projections/schedule_inbox.py), so the person's inbox and the messages about the meetings
  they held, in other people's inboxes, are deleted here;
- operational records, which no event describes: `mail_inbound` (the inbound Message-IDs
  already processed), `mail_counters_legacy` (COUNTER proposals from before they were events),
  `device_usage` (when a device password was last used), `sync_horizons` (how far
  tombstones were purged), the person's browser login links and sessions
  (`web_login_links`, `web_sessions`), the codes mailed to link their email (`email_codes`,
  hashes only), the cards they posted in chats through the bot's
  inline mode (`telegram_inline_cards`), the menu button labelled in their own chat
  (`telegram_menu_buttons`), and the tokens of their mails' unsubscribe links
  (`mail_unsubscribe_tokens`; their reminders and notices queued for mail go with their
  `mail_outbox` rows);
- `erasure_farewells`: which queued messages the purge spares. The erasure itself queues them
  (the cancellations of the meetings it called off, which name the person and the meeting);
  they are kept until sent or given up, and then deleted (in the transaction that records
  the sending, `release_settled_farewell`; else by the maintenance round, at the latest after
  `KEPT_DAYS`).
  This is queue bookkeeping, like a lease, not an event: the called-off meetings and the
  deletions that queued the messages are in the log.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from uuid import UUID

from televent.delivery.erasure_scrub import prefilter_terms, scrubber
from televent.delivery.telegram_queue import PENDING
from televent.projections.directory_reader import AccountView
from televent.projections.sql import Sql
from televent.projections.view_reader import ViewReader

KEPT_DAYS = 7
QUEUES = {"mail": "mail_outbox", "telegram": "telegram_outbox"}
KEPT = "SELECT delivery_id FROM erasure_farewells"
# The queues' rows that tell attendees a meeting is off wait to be sent.
_SPARED = dict.fromkeys(QUEUES.values(), f" AND delivery_id NOT IN ({KEPT})")
# Tables that are not rebuilt from the log, and the columns that may name a person.
PURGED_TEXT_COLUMNS = {
    "telegram_outbox": ("delivery_id", "payload", "last_error"),
    "telegram_invitations": ("address",),
    "mail_outbox": ("delivery_id", "recipient", "payload", "last_error"),
    "mail_invitations": ("address",),
    "mail_events": ("ical",),
    "mail_inbound": ("sender", "outcome"),
    "mail_counters_legacy": ("address", "proposal"),
    "schedule_inbox": ("ical",),
    "webhook_outbox": ("subject", "body"),  # other people's webhooks, about shared calendars
}
# Of those, the columns that hold an address or a key: a name is never taken out of them (it
# may be part of someone else's address), an address only where it stands whole.
IDENTIFIER_COLUMNS = frozenset(
    {
        ("telegram_outbox", "delivery_id"),
        ("telegram_invitations", "address"),
        ("mail_outbox", "delivery_id"),
        ("mail_outbox", "recipient"),
        ("mail_invitations", "address"),
        ("mail_inbound", "sender"),
        ("mail_counters_legacy", "address"),
    }
)
# A folded line, as iCalendar text holds it and as JSON escapes it (folds end a line inside
# a word: taken out before comparing)
UNFOLDS = ("\r\n ", "\r\n\t", "\\r\\n ", "\\r\\n\\t")


def keep_farewells(views: ViewReader, event_ids: list[UUID], after: int, now: str) -> int:
    """Spare from the purge the messages queued after log position `after` about these
    (called-off) events, while they wait to be sent; returns how many."""
    kept = 0
    with views.write() as db:
        for queue, table in QUEUES.items():
            for event_id in event_ids:
                for row in db.all(
                    f"SELECT delivery_id FROM {table} WHERE event_id = ? AND status = ? "
                    "AND created_position > ?",
                    (str(event_id), PENDING, after),
                ):
                    db.run(
                        "INSERT INTO erasure_farewells (delivery_id, queue, kept_since) "
                        "VALUES (?, ?, ?) ON CONFLICT (delivery_id) DO NOTHING",
                        (row["delivery_id"], queue, now),
                    )
                    kept += 1
    return kept


def release_farewells(views: ViewReader, cutoff: str) -> int:
    """Delete the kept messages that were delivered or given up, or kept since before
    `cutoff`; returns how many queue rows went."""
    deleted = 0
    with views.write() as db:
        for queue, table in QUEUES.items():
            db.run(
                f"DELETE FROM {table} WHERE delivery_id IN ({KEPT} WHERE queue = ?) "
                f"AND (status <> ? OR delivery_id IN ({KEPT} WHERE kept_since < ?))",
                (queue, PENDING, cutoff),
            )
            deleted += max(db.rowcount, 0)
        db.run(
            "DELETE FROM erasure_farewells WHERE delivery_id NOT IN "
            "(SELECT delivery_id FROM mail_outbox) "
            "AND delivery_id NOT IN (SELECT delivery_id FROM telegram_outbox)"
        )
    return deleted


def release_settled_farewell(db: Sql, table: str, delivery_id: str) -> bool:
    """In the transaction that settled a queue row: if it is a kept farewell and is no longer
    waiting (sent, given up), delete it now rather than at the next maintenance round, so the
    erased person's name and addresses leave the queue as soon as the message has gone.
    Returns whether it was deleted."""
    db.run(
        f"DELETE FROM {table} WHERE delivery_id = ? AND status <> ? "
        f"AND delivery_id IN ({KEPT} WHERE delivery_id = ?)",
        (delivery_id, PENDING, delivery_id),
    )
    if db.rowcount < 1:
        return False
    db.run("DELETE FROM erasure_farewells WHERE delivery_id = ?", (delivery_id,))
    return True


def purge_person(
    views: ViewReader, account: AccountView, owned: dict[str, list[str]], terms: dict[str, str]
) -> int:
    """Delete the person's rows from the tables a rebuild does not touch, and replace their
    addresses and name (`terms`: text → replacement) in the rest; returns how many rows
    changed. `owned` holds the ids of their calendars, events (and UIDs) and devices."""
    with views.write() as db:
        return _purge(db, account, owned, terms)


def _purge(
    db: Sql, account: AccountView, owned: dict[str, list[str]], terms: dict[str, str]
) -> int:
    purged = 0
    purged += _delete(db, "telegram_outbox", "chat_id", [account.telegram_id])
    for table in (
        "telegram_outbox", "telegram_invitations", "mail_outbox", "mail_invitations", "mail_events",
    ):  # fmt: skip
        purged += _delete(db, table, "event_id", owned["events"])
    purged += _delete(db, "mail_counters_legacy", "event_id", owned["events"])
    purged += _delete(db, "telegram_invitations", "account_id", [str(account.account_id)])
    purged += _delete(db, "mail_outbox", "account_id", [str(account.account_id)])
    purged += _delete(db, "mail_aliases", "account_id", [str(account.account_id)])
    purged += _delete(db, "mail_unsubscribe_tokens", "account_id", [str(account.account_id)])
    # Scheduling inboxes: the person's own, and every message about a meeting they held.
    purged += _delete(db, "schedule_inbox", "account_id", [str(account.account_id)])
    purged += _delete(db, "schedule_inboxes", "account_id", [str(account.account_id)])
    purged += _delete(db, "schedule_inbox", "uid", owned["uids"])
    purged += _delete(db, "schedule_inbox_sequences", "event_id", owned["events"])
    purged += _delete(db, "device_usage", "device_id", owned["devices"])
    purged += _delete(db, "sync_horizons", "calendar_id", owned["calendars"])
    purged += _delete(db, "feed_fetch_state", "calendar_id", owned["calendars"])  # ADR 0025
    # A connected account's sync bookkeeping (ADR 0026; its password is in the log only)
    purged += _delete(db, "connection_sync_state", "calendar_id", owned["calendars"])
    purged += _delete(db, "connection_resources", "calendar_id", owned["calendars"])
    purged += _delete(db, "connection_writebacks", "calendar_id", owned["calendars"])
    # A Google consent in flight (ADR 0034): whose it is and its PKCE verifier
    purged += _delete(db, "google_consents", "account_id", [str(account.account_id)])
    purged += _delete(db, "google_channels", "calendar_id", owned["calendars"])
    # Push registrations (ADR 0027) and webhooks' messages and attempts (ADR 0029): the
    # person's own, and other people's messages about the person's events.
    mine = [str(account.account_id)]
    registrations = "SELECT registration_id FROM push_registrations WHERE account_id = ?"
    db.run(f"DELETE FROM push_outbox WHERE registration_id IN ({registrations})", mine)
    purged += max(db.rowcount, 0)
    purged += _delete(db, "push_registrations", "account_id", mine)
    purged += _delete(db, "webhook_outbox", "account_id", mine)
    purged += _delete(db, "webhook_outbox", "subject_id", owned["events"])
    purged += _delete(db, "webhook_attempts", "account_id", mine)
    purged += _delete(db, "web_sessions", "account_id", [str(account.account_id)])
    purged += _delete(db, "web_login_links", "account_id", [str(account.account_id)])
    purged += _delete(db, "email_codes", "account_id", [str(account.account_id)])  # ADR 0019
    # Cards posted in chats through inline mode: those the person posted, and any of their events.
    purged += _delete(db, "telegram_inline_cards", "account_id", [str(account.account_id)])
    purged += _delete(db, "telegram_inline_cards", "event_id", owned["events"])
    # The menu button labelled in the person's own chat (which address, which language)
    purged += _delete(db, "telegram_menu_buttons", "chat_id", [account.telegram_id])
    for table, columns in PURGED_TEXT_COLUMNS.items():
        for column in columns:
            purged += _scrub(db, table, column, terms)
    return purged


def _scrub(db: Sql, table: str, column: str, terms: dict[str, str]) -> int:
    """Take the terms out of one column (delivery/erasure_scrub.py); returns the rows changed.
    The rows that may hold one are found by the column's text unfolded and in lower case
    (SQLite's LIKE ignores case, PostgreSQL's does not), then each is read exactly."""
    identifier = (table, column) in IDENTIFIER_COLUMNS
    wanted = prefilter_terms(terms, identifier=identifier)
    if not wanted:
        return 0
    unfolded = f"LOWER({column})"
    for _ in UNFOLDS:
        unfolded = f"REPLACE({unfolded}, ?, '')"
    spared = _SPARED.get(table, "")
    rows = db.all(
        f"SELECT DISTINCT {column} AS text FROM {table} WHERE ("
        + " OR ".join(f"{unfolded} LIKE ? ESCAPE '!'" for _ in wanted)
        + f"){spared}",
        tuple(part for term in wanted for part in (*UNFOLDS, f"%{_like(term)}%")),
    )
    scrubbed = scrubber(terms, identifier=identifier)
    changed = 0
    for row in rows:
        before = row["text"]
        after = scrubbed(before) if isinstance(before, str) else before
        if after != before:
            db.run(f"UPDATE {table} SET {column} = ? WHERE {column} = ?{spared}", (after, before))
            changed += max(db.rowcount, 0)
    return changed


def _like(text: str) -> str:
    """`text` as a LIKE pattern matches it (escaped with `!`, as both databases are told)."""
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_")


def _delete(db: Sql, table: str, column: str, values: Iterable[Any]) -> int:
    count = 0
    for value in values:
        db.run(f"DELETE FROM {table} WHERE {column} = ?{_SPARED.get(table, '')}", (value,))
        count += max(db.rowcount, 0)
    return count
