"""The audit timeline and its index, on both backends, through the API and the real CLI."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest

from televent.application.televent import Televent
from televent.bootstrap import build_application, catch_up
from televent.config import Settings
from televent.domain.account import Account
from televent.domain.calendar_event import CalendarEvent
from televent.domain.errors import DomainError, NotFoundError
from televent.domain.values import PartStat, account_id_for, calendar_id_for
from televent.ops.audit import Audit, TimelineEntry, TimeWindow, Walk, describe_source
from televent.projections.audit_index import AuditIndexProjection
from televent.projections.rebuild import Rebuilder
from tests.conftest import Backend, FakeClock
from tests.helpers import vevent
from tests.integration.test_cli import Cli

OPERATOR, CLI_OPERATOR = "system:", "cli:operator"
ALICE, BOB, CAROL = 1, 2, 3
BOB_ADDRESS = "tg_2@televent.internal"


@dataclass(frozen=True)
class Journey:
    """Ids the tests look at after `journey` ran."""

    standup: UUID
    carol_private: UUID
    lunch: UUID
    notes: UUID


def actor(telegram_id: int) -> str:
    return f"account:{account_id_for(telegram_id)}"


def calendar(telegram_id: int) -> UUID:
    return calendar_id_for(account_id_for(telegram_id), "default")


def journey(app: Televent, clock: FakeClock) -> Journey:
    """Three people, a week of changes: Alice's standup (edited, Bob invited and accepting),
    Alice's laptop password, Carol's private event, Carol's lunch inviting Alice by her linked
    email, and Carol's notes that Bob edits."""
    app.register_account(
        ALICE, name="Alice", email="alice@example.com", actor=OPERATOR, source=CLI_OPERATOR
    )
    app.register_account(BOB, name="Bob", actor=OPERATOR, source=CLI_OPERATOR)
    app.register_account(CAROL, name="Carol", actor=OPERATOR, source=CLI_OPERATOR)
    clock.advance(days=1)  # 2 March, 09:00
    standup = app.put_object(
        calendar(ALICE),
        "standup.ics",
        vevent(
            uid="standup",
            summary="Standup",
            start="20260310T100000",
            end="20260310T103000",
            organizer=None,
        ),
        actor=actor(ALICE),
        source="caldav:iPhone",
    ).event_id
    clock.advance(hours=1)
    app.put_object(
        calendar(ALICE),
        "standup.ics",
        vevent(
            uid="standup",
            summary="Daily standup",
            start="20260310T110000",
            end="20260310T113000",
            organizer=None,
        ),
        actor=actor(ALICE),
        source="caldav:iPhone",
    )
    clock.advance(hours=23)  # 3 March, 09:00
    app.invite_attendee(standup, BOB_ADDRESS, "Bob", actor=actor(ALICE), source="bot:1")
    clock.advance(hours=1)
    app.give_rsvp(standup, BOB_ADDRESS, PartStat.ACCEPTED, actor=actor(BOB), source="bot:2")
    clock.advance(hours=23)  # 4 March, 09:00
    app.issue_device_password(ALICE, "laptop", actor=OPERATOR, source=CLI_OPERATOR)
    clock.advance(hours=1)
    app.revoke_device_password(ALICE, "laptop", actor=OPERATOR, source=CLI_OPERATOR)
    clock.advance(hours=23)  # 5 March, 09:00: Carol's calendar
    carol = {"actor": actor(CAROL), "source": "caldav:Carol's Mac"}
    carol_private = app.put_object(
        calendar(CAROL),
        "private.ics",
        vevent(uid="carol-private", summary="Dentist", organizer="mailto:carol@example.com"),
        **carol,
    ).event_id
    lunch = app.put_object(
        calendar(CAROL),
        "lunch.ics",
        vevent(
            uid="lunch",
            summary="Lunch",
            start="20260312T120000",
            end="20260312T130000",
            organizer="mailto:carol@example.com",
            attendees=[("alice@example.com", "NEEDS-ACTION")],
        ),
        **carol,
    ).event_id
    notes = app.put_object(
        calendar(CAROL), "notes.ics", vevent(uid="notes", summary="Notes", organizer=None), **carol
    ).event_id
    clock.advance(hours=1)
    app.put_object(
        calendar(CAROL),
        "notes.ics",
        vevent(uid="notes", summary="Notes (Bob's edit)", organizer=None),
        actor=actor(BOB),
        source="caldav:Bob's phone",
    )
    return Journey(standup, carol_private, lunch, notes)


def readable(entries: list[TimelineEntry]) -> list[tuple[str, str, str, list[str]]]:
    """What a person reads of each entry: who, through what, which kind, what changed (an
    invitation address's random token written `<alias>`)."""
    return [(e.who, e.through, e.kind, tokens_hidden(e.diff)) for e in entries]


def tokens_hidden(lines: Iterable[str]) -> list[str]:
    """The lines with each invitation address's random token written `<alias>`."""
    return [ALIAS_TOKEN.sub("+u<alias>@", line) for line in lines]


ALIAS_TOKEN = re.compile(r"\+u[0-9a-f]{20}@")
# Every account gets an invitation address when it registers (docs/adr/0019).
INVITE_ADDRESS = (
    "system",
    "command line (operator)",
    "InviteAddressAssigned",
    ["invitation address televent+u<alias>@localhost"],
)


REGISTERED_ALICE = [
    (
        "system",
        "command line (operator)",
        "AccountRegistered",
        ["Telegram id 1", "name 'Alice'", "timezone 'UTC'"],
    ),
    ("system", "command line (operator)", "EmailLinked", ["email linked alice@example.com"]),
    INVITE_ADDRESS,
    (
        "system",
        "command line (operator)",
        "CalendarCreated",
        ["calendar 'default'", "display_name 'Calendar'", "timezone 'UTC'"],
    ),
]
STANDUP_HISTORY = [
    (
        "Alice (Telegram 1)",
        "CalDAV device 'iPhone'",
        "EventCreated",
        [
            "SUMMARY 'Standup'",
            "DTSTART 2026-03-10 10:00 +01:00",
            "DTEND 2026-03-10 10:30 +01:00",
            "stored as standup.ics",
        ],
    ),
    (
        "Alice (Telegram 1)",
        "CalDAV device 'iPhone'",
        "EventUpdated",
        [
            "SUMMARY 'Standup' → 'Daily standup'",
            "DTSTART moved 10:00 → 11:00",
            "DTEND moved 10:30 → 11:30",
        ],
    ),
]
BOB_INVITED = (
    "Alice (Telegram 1)",
    "Telegram chat 1",
    "AttendeeInvited",
    ["ORGANIZER (none) → tg_1@televent.internal", f"attendee added {BOB_ADDRESS}"],
)
BOB_ACCEPTED = (
    "Bob (Telegram 2)",
    "Telegram chat 2",
    "RsvpGiven",
    [f"PARTSTAT of {BOB_ADDRESS} NEEDS-ACTION → ACCEPTED"],
)
# The server stores the invitation in Bob's calendar (RFC 6638), as Alice's doing; his answer
# is recorded there first, then on Alice's event.
BOB_COPY = (
    "Alice (Telegram 1)",
    "Telegram chat 1",
    "EventCreated",
    [
        "SUMMARY 'Daily standup'",
        "DTSTART 2026-03-10 11:00 +01:00",
        "DTEND 2026-03-10 11:30 +01:00",
        "ORGANIZER tg_1@televent.internal",
        f"attendee {BOB_ADDRESS} (NEEDS-ACTION)",
        "stored as standup.ics",
    ],
)
BOB_SCHEDULED = [BOB_INVITED, BOB_COPY, BOB_ACCEPTED, BOB_ACCEPTED]
DEVICE = [
    ("system", "command line (operator)", "DevicePasswordIssued", ["device 'laptop' issued"]),
    ("system", "command line (operator)", "DevicePasswordRevoked", ["device 'laptop' revoked"]),
]
LUNCH_INVITATION = (
    "Carol (Telegram 3)",
    "CalDAV device 'Carol's Mac'",
    "EventCreated",
    [
        "SUMMARY 'Lunch'",
        "DTSTART 2026-03-12 12:00 +01:00",
        "DTEND 2026-03-12 13:00 +01:00",
        "ORGANIZER carol@example.com",
        "attendee alice@example.com (NEEDS-ACTION)",
        "stored as lunch.ics",
    ],
)


def test_an_account_timeline_reads_as_an_operator_would(app: Televent, clock: FakeClock) -> None:
    journey(app, clock)
    entries = Audit(app).account_timeline(ALICE)
    assert readable(entries) == [
        *REGISTERED_ALICE,
        *STANDUP_HISTORY,
        *BOB_SCHEDULED,
        *DEVICE,
        LUNCH_INVITATION,
    ]
    first, lunch = entries[0], entries[-1]
    assert (first.at, first.subject, first.what, first.calendar_owner) == (
        dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC),
        "account Alice (Telegram 1)",
        "account registered",
        None,
    )
    assert (lunch.subject, lunch.calendar_owner, lunch.uid) == (
        "event UID lunch",
        "Carol (Telegram 3)",
        "lunch",
    )
    assert [e.position for e in entries] == sorted(e.position for e in entries)


def test_others_calendars_count_where_the_person_acted_or_is_named(
    app: Televent, clock: FakeClock
) -> None:
    ids = journey(app, clock)
    entries = Audit(app).account_timeline(BOB)
    assert readable(entries) == [
        (
            "system",
            "command line (operator)",
            "AccountRegistered",
            ["Telegram id 2", "name 'Bob'", "timezone 'UTC'"],
        ),
        INVITE_ADDRESS,
        (
            "system",
            "command line (operator)",
            "CalendarCreated",
            ["calendar 'default'", "display_name 'Calendar'", "timezone 'UTC'"],
        ),
        # Alice's standup only from his invitation on: its creation and edits did not concern him.
        *BOB_SCHEDULED,
        (
            "Bob (Telegram 2)",
            "CalDAV device 'Bob's phone'",
            "EventUpdated",
            ["SUMMARY 'Notes' → 'Notes (Bob's edit)'"],
        ),
    ]
    seen = {e.aggregate_id for e in entries}
    assert str(ids.notes) in seen and str(ids.carol_private) not in seen
    assert str(ids.carol_private) not in {
        e.aggregate_id for e in Audit(app).account_timeline(ALICE)
    }


def test_an_answer_by_email_names_the_address_and_the_message(
    app: Televent, clock: FakeClock
) -> None:
    ids = journey(app, clock)
    clock.advance(hours=1)
    app.give_rsvp(
        ids.lunch,
        "alice@example.com",
        PartStat.DECLINED,
        actor="address:alice@example.com",
        source="email:<reply-1@mail.example.com>",
    )
    [answer] = Audit(app).account_timeline(ALICE, TimeWindow.parse("2026-03-05T11:00", None))
    assert (answer.who, answer.through, answer.kind, answer.what, answer.diff) == (
        "alice@example.com",
        "email Message-ID <reply-1@mail.example.com>",
        "RsvpGiven",
        "answer recorded",
        ("PARTSTAT of alice@example.com NEEDS-ACTION → DECLINED",),
    )


def test_an_account_timeline_reads_only_the_aggregates_the_index_names(
    app: Televent, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = journey(app, clock)
    read: list[str] = []
    original = Audit._events

    def spy(self: Audit, db: Any, originators: list[str]) -> list[tuple[int, Any]]:
        read.extend(originators)
        return original(self, db, originators)

    monkeypatch.setattr(Audit, "_events", spy)
    Audit(app).account_timeline(ALICE)
    assert str(ids.standup) in read and str(ids.lunch) in read
    assert str(ids.carol_private) not in read and str(ids.notes) not in read
    assert str(account_id_for(BOB)) not in read


def test_since_and_until_filter_by_event_time(app: Televent, clock: FakeClock) -> None:
    journey(app, clock)
    audit = Audit(app)
    days = audit.account_timeline(ALICE, TimeWindow.parse("2026-03-02", "2026-03-03"))
    assert readable(days) == [*STANDUP_HISTORY, *BOB_SCHEDULED]
    exact = audit.account_timeline(
        ALICE, TimeWindow.parse("2026-03-02T10:00:00+00:00", "2026-03-03T09:00")
    )
    assert [e.kind for e in exact] == ["EventUpdated", "AttendeeInvited", "EventCreated"]
    assert audit.account_timeline(ALICE, TimeWindow.parse("2026-04-01", None)) == []
    with pytest.raises(DomainError, match="not an ISO date"):
        TimeWindow.parse("last tuesday", None)


def test_an_event_timeline_shows_every_copy_labelled_with_its_owner(
    app: Televent, clock: FakeClock
) -> None:
    journey(app, clock)
    clock.advance(hours=1)
    copy = app.queries.object_with_uid(account_id_for(BOB), "standup")
    assert copy is not None
    alarm = (
        "BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Standup\r\nTRIGGER:-PT5M\r\nEND:VALARM\r\n"
    )
    app.put_object(
        calendar(BOB),
        copy.href,
        copy.ical.replace("END:VEVENT", alarm + "END:VEVENT"),
        actor=actor(BOB),
        source="caldav:Bob's phone",
    )
    audit = Audit(app)
    entries = audit.event_timeline("standup")
    assert [(e.calendar_owner, e.kind) for e in entries] == [
        ("Alice (Telegram 1)", "EventCreated"),
        ("Alice (Telegram 1)", "EventUpdated"),
        ("Alice (Telegram 1)", "AttendeeInvited"),
        ("Alice (Telegram 1)", "RsvpGiven"),
        ("Bob (Telegram 2)", "EventCreated"),
        ("Bob (Telegram 2)", "RsvpGiven"),
        ("Bob (Telegram 2)", "EventUpdated"),
    ]
    assert readable(entries[:4]) == [*STANDUP_HISTORY, BOB_INVITED, BOB_ACCEPTED]
    only_bob = audit.event_timeline("standup", BOB)
    assert [(e.calendar_owner, e.who, e.through) for e in only_bob] == [
        ("Bob (Telegram 2)", "Alice (Telegram 1)", "Telegram chat 1"),
        ("Bob (Telegram 2)", "Bob (Telegram 2)", "Telegram chat 2"),
        ("Bob (Telegram 2)", "Bob (Telegram 2)", "CalDAV device 'Bob's phone'"),
    ]
    assert only_bob[0].diff[-2:] == (
        f"attendee {BOB_ADDRESS} (NEEDS-ACTION)",
        "stored as standup.ics",
    )


def test_unknown_uid_or_account_is_a_clear_not_found(app: Televent, clock: FakeClock) -> None:
    journey(app, clock)
    audit = Audit(app)
    with pytest.raises(NotFoundError, match="No event with UID 'nope' in the log"):
        audit.event_timeline("nope")
    with pytest.raises(NotFoundError, match="UID 'lunch' in the calendars of Telegram id 2"):
        audit.event_timeline("lunch", BOB)
    with pytest.raises(NotFoundError, match="No account for Telegram id 99"):
        audit.account_timeline(99)


def test_the_index_survives_rebuild_verify_and_a_catch_up_from_zero(
    app: Televent, clock: FakeClock
) -> None:
    journey(app, clock)
    report = Rebuilder(app.engine, app.views, batch_size=3).run(verify=True)
    assert "audit_index" in report.projections and report.matches, report.differences
    before = Audit(app).account_timeline(BOB)
    with app.views.write() as db:
        for table in AuditIndexProjection.tables:
            db.run(f"DELETE FROM {table}")
        db.run("UPDATE projection_positions SET position = 0 WHERE name = 'audit_index'")
    catch_up(app)  # what the next start does after `db upgrade` added the index
    assert Audit(app).account_timeline(BOB) == before
    assert Rebuilder(app.engine, app.views).run(["audit_index"], verify=True).matches


@pytest.mark.parametrize(
    ("source", "through"),
    [
        ("bot:42", "Telegram chat 42"),
        ("telegram:42", "Telegram chat 42"),
        ("caldav:Anna's iPad", "CalDAV device 'Anna's iPad'"),
        ("email:<abc@mail.example.com>", "email Message-ID <abc@mail.example.com>"),
        ("cli:operator", "command line (operator)"),
        ("cli:gdpr erase", "command line (gdpr erase)"),
        ("system:", "system"),
        ("import:bot:42", "a file imported through Telegram chat 42"),
        ("import:api:tma", "a file imported through Mini App (JSON API)"),
        ("carrier-pigeon:7", "carrier-pigeon:7"),
        (None, "unknown"),
    ],
)
def test_sources_read_as_the_adapter_and_its_detail(source: str | None, through: str) -> None:
    assert describe_source(source) == through


@pytest.mark.parametrize(
    ("actor_text", "who"),
    [
        (f"account:{account_id_for(1)}", "Alice (Telegram 1)"),
        (f"account:{account_id_for(8)}", f"account {account_id_for(8)}"),
        ("address:bob@example.com", "bob@example.com"),
        ("operator:dana", "operator dana"),
        ("system:", "system"),
    ],
)
def test_actors_read_as_people(actor_text: str, who: str) -> None:
    walk = Walk({str(account_id_for(1)): "Alice (Telegram 1)"})
    assert walk._who(actor_text) == who


def test_an_event_of_an_unknown_shape_is_shown_not_fatal() -> None:
    odd = redacted(CalendarEvent.EventUpdated, UUID(int=9), account_id_for(1))
    odd.__dict__.update(redacted=False, actor="system:", source="system:")
    [(entry, _)] = list(Walk({}).entries([(3, odd)]))
    assert (entry.kind, entry.who, entry.diff) == (
        "EventUpdated",
        "system",
        ("(not described: AttributeError 'EventUpdated' object has no attribute 'changes')",),
    )


# --- redaction (crypto-shredding): ids, version, time and account_id are all that is left --


def redacted(event_class: type, originator_id: UUID, account_id: UUID | None) -> Any:
    """An event as it decodes once its person's key is deleted."""
    event = object.__new__(event_class)
    state: dict[str, Any] = {
        "originator_id": originator_id,
        "originator_version": 1,
        "timestamp": dt.datetime(2026, 3, 9, 8, 0, tzinfo=dt.UTC),
        "redacted": True,
    }
    if account_id is not None:
        state["account_id"] = account_id
    object.__setattr__(event, "__dict__", state)
    return event


def test_redacted_events_keep_their_owner_in_the_index_and_read_as_erased(app: Televent) -> None:
    owner = account_id_for(7)
    account_event = redacted(Account.AccountRegistered, owner, None)
    calendar_event = redacted(CalendarEvent.EventCreated, UUID(int=5), owner)
    with app.views.write() as db:
        projection = AuditIndexProjection()
        projection.apply(db, account_event, 101)
        projection.apply(db, calendar_event, 102)
        projection.flush(db)  # as the engine does once per transaction
        rows = db.all(
            "SELECT originator_id, relation, position FROM audit_account_aggregates "
            "WHERE account_id = ? ORDER BY position",
            (str(owner),),
        )
        uids = db.all("SELECT uid FROM audit_uids WHERE originator_id = ?", (str(UUID(int=5)),))
    assert rows == [
        {"originator_id": str(owner), "relation": "owner", "position": 101},
        {"originator_id": str(UUID(int=5)), "relation": "owner", "position": 102},
    ]
    assert uids == []
    entries = [entry for entry, _ in Walk({}).entries([(102, calendar_event)])]
    assert [(e.at, e.kind, e.what, e.who, e.through, e.diff, e.redacted) for e in entries] == [
        (
            dt.datetime(2026, 3, 9, 8, 0, tzinfo=dt.UTC),
            "EventCreated",
            "event created",
            "erased",
            "erased",
            ("erased",),
            True,
        )
    ]
    assert entries[0].as_dict()["actor"] is None


def test_rows_gathered_twice_in_one_batch_keep_their_first_position(app: Televent) -> None:
    """A rebuild writes a batch's rows together: a relation that two events of the batch
    bring keeps the first one's position, as when each was written alone; one already in the
    table keeps its own."""
    owner = account_id_for(7)
    with app.views.write() as db:
        projection = AuditIndexProjection()
        projection.apply(db, redacted(Account.AccountRegistered, owner, None), 101)
        projection.flush(db)
        for position in (102, 103):  # the same event's relation, met twice in one batch
            projection.apply(db, redacted(CalendarEvent.EventCreated, UUID(int=5), owner), position)
        projection.apply(db, redacted(Account.AccountRegistered, owner, None), 104)
        projection.flush(db)
        rows = db.all(
            "SELECT originator_id, position FROM audit_account_aggregates "
            "WHERE account_id = ? ORDER BY position",
            (str(owner),),
        )
    assert rows == [
        {"originator_id": str(owner), "position": 101},
        {"originator_id": str(UUID(int=5)), "position": 102},
    ]


def test_an_erased_persons_events_are_listed_as_erased_and_the_rest_stays_readable(
    app: Televent, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    journey(app, clock)
    erased = account_id_for(BOB)
    decode = app.mapper.to_domain_event

    def shredding(stored: Any) -> Any:
        event = decode(stored)
        if getattr(event, "account_id", event.originator_id) != erased:
            return event
        return redacted(type(event), event.originator_id, getattr(event, "account_id", None))

    monkeypatch.setattr(app.mapper, "to_domain_event", shredding)
    bob = Audit(app).account_timeline(BOB)
    assert [(e.kind, e.who, e.through, e.diff) for e in bob[:3]] == [
        ("AccountRegistered", "erased", "erased", ("erased",)),
        ("InviteAddressAssigned", "erased", "erased", ("erased",)),
        ("CalendarCreated", "erased", "erased", ("erased",)),
    ]
    # Alice's calendar is still hers to read; Bob's copy of her event is erased with him.
    assert readable(bob[3:4]) == [BOB_INVITED]
    assert [e.kind for e in bob[4:6]] == ["EventCreated", "RsvpGiven"]
    assert all(e.diff == ("erased",) for e in bob[4:6])
    assert readable(bob[6:7]) == [BOB_ACCEPTED]
    alice = readable(Audit(app).account_timeline(ALICE))
    assert alice[6] == BOB_INVITED and alice[9] == BOB_ACCEPTED
    # Erasure rebuilds the read models (gdpr.py); after that the index matches the log, in
    # which nothing links Alice to Bob's erased copy any more.
    Rebuilder(app.engine, app.views).run(["audit_index"])
    report = Rebuilder(app.engine, app.views).run(["audit_index"], verify=True)
    assert report.matches, report.differences


# --- the command line ----------------------------------------------------------------------


@pytest.fixture
def cli(backend: Backend, tmp_path: Path) -> Cli:
    return Cli(backend.fresh_url(), tmp_path)


def test_the_cli_prints_timelines_as_json_and_text(cli: Cli) -> None:
    assert cli("db", "upgrade").returncode == 0
    assert cli("account", "create", "--telegram-id", "42", "--name", "Alice").returncode == 0
    assert cli("device", "add", "--telegram-id", "42", "--name", "laptop").returncode == 0
    assert cli("device", "revoke", "--telegram-id", "42", "--name", "laptop").returncode == 0
    app = build_application(Settings(database_url=cli.env["TELEVENT_DATABASE_URL"]))
    try:
        app.put_object(
            calendar_id_for(account_id_for(42), "default"),
            "a.ics",
            vevent(uid="a", summary="Review", organizer=None),
            actor=f"account:{account_id_for(42)}",
            source="caldav:Work laptop",
        )
    finally:
        app.close()

    result = cli("audit", "account", "42", "--json")
    assert result.returncode == 0, result.stderr
    timeline = json.loads(result.stdout)
    assert [(e["who"], e["through"], e["kind"], tokens_hidden(e["diff"])) for e in timeline] == [
        (
            "system",
            "command line (operator)",
            "AccountRegistered",
            ["Telegram id 42", "name 'Alice'", "timezone 'UTC'"],
        ),
        INVITE_ADDRESS,
        (
            "system",
            "command line (operator)",
            "CalendarCreated",
            ["calendar 'default'", "display_name 'Calendar'", "timezone 'UTC'"],
        ),
        ("system", "command line (operator)", "DevicePasswordIssued", ["device 'laptop' issued"]),
        ("system", "command line (operator)", "DevicePasswordRevoked", ["device 'laptop' revoked"]),
        (
            "Alice (Telegram 42)",
            "CalDAV device 'Work laptop'",
            "EventCreated",
            [
                "SUMMARY 'Review'",
                "DTSTART 2026-03-05 15:00 +01:00",
                "DTEND 2026-03-05 16:00 +01:00",
                "stored as a.ics",
            ],
        ),
    ]
    assert "argon2" not in result.stdout  # device names only, never a hash

    event = json.loads(cli("audit", "event", "a", "--account", "42", "--json").stdout)
    assert [(e["kind"], e["calendar_owner"], e["uid"]) for e in event] == [
        ("EventCreated", "Alice (Telegram 42)", "a")
    ]
    text = cli("audit", "account", "42")
    assert text.returncode == 0 and "device 'laptop' revoked" in text.stdout
    since = json.loads(cli("audit", "account", "42", "--since", "2999-01-01", "--json").stdout)
    assert since == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("audit", "event", "nope"), "No event with UID 'nope' in the log"),
        (("audit", "account", "9"), "No account for Telegram id 9"),
        (("audit", "account", "42", "--since", "yesterday"), "not an ISO date"),
    ],
)
def test_audit_errors_are_one_line_and_a_failure_status(
    cli: Cli, args: tuple[str, ...], message: str
) -> None:
    assert cli("account", "create", "--telegram-id", "42").returncode == 0
    result = cli(*args)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0], result.stderr
    assert "Traceback" not in result.stderr
